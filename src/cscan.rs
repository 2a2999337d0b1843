//! Number conversions as glibc's `scanf` and `strtoul` make them, so that malformed /proc lines
//! read the way net-tools reads them: signs on unsigned numbers, saturation on overflow, an
//! optional `0x` before hex digits.

/// C's `isspace` in the C locale.
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

pub fn skip_space(s: &mut &[u8]) {
    while let [b, rest @ ..] = *s {
        if !is_space(*b) {
            return;
        }
        *s = rest;
    }
}

/// The value of `b` as a digit in `base` (up to 36), if it is one.
#[inline(always)]
pub fn digit(b: u8, base: u64) -> Option<u64> {
    let d = match b {
        b'0'..=b'9' => b - b'0',
        // Folded to lower case; anything else lands past 15.
        _ => (b | 0x20).wrapping_sub(b'a').saturating_add(10),
    } as u64;
    (d < base).then_some(d)
}

/// A number after optional white space and sign: `(negative, magnitude, overflowed)`, or None
/// when no digit follows. Base 16 is scanf's `%X`, which skips a `0x` whatever follows it;
/// base 0 is strtoul's auto-detection, which takes `0x` only before a hex digit.
fn signed_digits(s: &mut &[u8], mut base: u64) -> Option<(bool, u64, bool)> {
    skip_space(s);
    let negative = s.first() == Some(&b'-');
    if matches!(s.first(), Some(b'-' | b'+')) {
        *s = &s[1..];
    }
    let mut zero = false;
    if let [b'0', b'x' | b'X', rest @ ..] = *s {
        if base == 16 || base == 0 && rest.first().is_some_and(|&b| digit(b, 16).is_some()) {
            (base, zero, *s) = (16, true, rest);
        }
    }
    if base == 0 {
        base = if s.first() == Some(&b'0') { 8 } else { 10 };
    }
    let (mut value, mut overflow) = (0u64, false);
    let mut digits = 0;
    for &b in s.iter() {
        let Some(d) = digit(b, base) else { break };
        match value.checked_mul(base).and_then(|v| v.checked_add(d)) {
            Some(v) => value = v,
            None => overflow = true,
        }
        digits += 1;
    }
    *s = s.get(digits..).unwrap_or(&[]);
    (zero || digits > 0).then_some((negative, value, overflow))
}

/// strtoul's result: saturates at the maximum, a minus sign negates modulo 2^64.
fn unsigned((negative, value, overflow): (bool, u64, bool)) -> u64 {
    if overflow {
        u64::MAX
    } else if negative {
        value.wrapping_neg()
    } else {
        value
    }
}

/// scanf's `%d`/`%ld` (`signed`) or `%u`/`%X`/`%lu`/`%lX` in `base` 10 or 16: the value as
/// strtol or strtoul gives it (the caller narrows `%d` and `%X` with `as i32`/`as u32`, which is
/// what glibc does), or None for a matching failure. Consumes what scanf consumes.
pub fn scanf_number(s: &mut &[u8], base: u64, signed: bool) -> Option<u64> {
    let n = signed_digits(s, base)?;
    if !signed {
        return Some(unsigned(n));
    }
    let (negative, value, overflow) = n;
    let limit = if negative { 1 << 63 } else { i64::MAX as u64 };
    let value = if overflow { limit } else { value.min(limit) };
    Some(if negative { value.wrapping_neg() } else { value })
}

/// `strtoul(s, &end, 0)`: the value and what follows it, or None when nothing converts.
pub fn strtoul_auto(mut s: &[u8]) -> Option<(u64, &[u8])> {
    let n = scanf_number(&mut s, 0, false)?;
    Some((n, s))
}

/// The text C sees in a line that `fgets` read: everything up to the first NUL.
pub fn c_str(line: &[u8]) -> &[u8] {
    line.iter().position(|&b| b == 0).map_or(line, |n| &line[..n])
}

/// C's `strstr(hay, needle) != NULL`.
pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// scanf's `%N<conv>` for an unsigned number: as `scanf_number`, reading at most `width`
/// characters after the white space.
pub fn scanf_number_width(s: &mut &[u8], base: u64, width: usize) -> Option<u64> {
    skip_space(s);
    let all = *s;
    let n = width.min(all.len());
    let mut field = &all[..n];
    let value = scanf_number(&mut field, base, false);
    *s = &all[n - field.len()..];
    value
}

/// scanf's `%Ns`: white space, then 1 to `max` other characters.
pub fn scanf_word<'a>(s: &mut &'a [u8], max: usize) -> Option<&'a [u8]> {
    skip_space(s);
    let n = s.iter().take(max).take_while(|&&b| !is_space(b)).count();
    scanf_take(s, n)
}

/// scanf's `%N[...]` with the set given as a test: 1 to `max` characters in the set.
pub fn scanf_set<'a>(s: &mut &'a [u8], max: usize, in_set: fn(&u8) -> bool) -> Option<&'a [u8]> {
    let n = s.iter().take(max).take_while(|b| in_set(b)).count();
    scanf_take(s, n)
}

/// scanf's `%Nc`: the next `n` characters, or fewer at the end of the input (glibc takes what
/// there is, if anything).
pub fn scanf_chars<'a>(s: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    scanf_take(s, n.min(s.len()))
}

fn scanf_take<'a>(s: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    let (taken, rest) = s.split_at(n);
    *s = rest;
    (n > 0).then_some(taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(s: &str, base: u64, signed: bool) -> Option<(u64, String)> {
        let mut b = s.as_bytes();
        scanf_number(&mut b, base, signed).map(|v| (v, String::from_utf8_lossy(b).into_owned()))
    }

    #[test]
    fn scanf_hex_follows_glibc() {
        // Values checked with glibc's sscanf("%X") through ctypes.
        assert_eq!(scan("0x1F", 16, false), Some((0x1f, String::new())));
        assert_eq!(scan("0xg", 16, false), Some((0, "g".into())));
        assert_eq!(scan("0x", 16, false), Some((0, String::new())));
        assert_eq!(scan("-5", 16, false).map(|v| v.0 as u32), Some(0xffff_fffb));
        assert_eq!(scan("+7 ", 16, false), Some((7, " ".into())));
        assert_eq!(scan("1FFFFFFFFF", 16, false).map(|v| v.0 as u32), Some(0xffff_ffff));
        assert_eq!(scan("11112222333344445", 16, false), Some((u64::MAX, String::new())));
        assert_eq!(scan("   12:", 16, false), Some((0x12, ":".into())));
        assert_eq!(scan("-", 16, false), None);
        assert_eq!(scan("", 16, false), None);
        assert_eq!(scan("  ", 16, false), None);
        assert_eq!(scan("g", 16, false), None);
    }

    #[test]
    fn scanf_decimal_follows_glibc() {
        let d = |s: &str| scan(s, 10, true).map(|v| v.0 as i32);
        assert_eq!(d("4294967297"), Some(1));
        assert_eq!(d("99999999999999999999"), Some(-1));
        assert_eq!(d("-99999999999999999999"), Some(0));
        assert_eq!(d("2147483648"), Some(-2147483648));
        assert_eq!(d("-1"), Some(-1));
        assert_eq!(scan("0x10", 10, true), Some((0, "x10".into())));
        let lu = |s: &str| scan(s, 10, false).map(|v| v.0);
        assert_eq!(lu("-1"), Some(u64::MAX));
        assert_eq!(lu("99999999999999999999"), Some(u64::MAX));
        assert_eq!(lu("-0x10"), Some(0));
        assert_eq!(lu("12x"), Some(12));
    }

    #[test]
    fn strtoul_detects_the_base() {
        let t = |s: &str| strtoul_auto(s.as_bytes()).map(|(v, rest)| (v, String::from_utf8_lossy(rest).into_owned()));
        assert_eq!(t("12345"), Some((12345, String::new())));
        assert_eq!(t("0x1f"), Some((31, String::new())));
        assert_eq!(t("017"), Some((15, String::new())));
        assert_eq!(t("08"), Some((0, "8".into())));
        assert_eq!(t("0xg"), Some((0, "xg".into())));
        assert_eq!(t(" -2"), Some((u64::MAX - 1, String::new())));
        assert_eq!(t("99999999999999999999"), Some((u64::MAX, String::new())));
        assert_eq!(t("abc"), None);
        assert_eq!(t(""), None);
    }
    #[test]
    fn scanf_fields_with_widths() {
        let mut s: &[u8] = b" 0123456789 x";
        assert_eq!(scanf_number_width(&mut s, 16, 8), Some(0x01234567));
        assert_eq!(s, b"89 x");
        assert_eq!(scanf_number_width(&mut s, 16, 2), Some(0x89));
        assert_eq!(scanf_number_width(&mut s, 16, 2), None);
        let mut s: &[u8] = b"  lo:1 rest";
        assert_eq!(scanf_word(&mut s, 3), Some(&b"lo:"[..]));
        assert_eq!(scanf_word(&mut s, 20), Some(&b"1"[..]));
        assert_eq!(scanf_word(&mut s, 20), Some(&b"rest"[..]));
        assert_eq!(scanf_word(&mut s, 20), None);
        let mut s: &[u8] = b"E00000FBg 1";
        assert_eq!(scanf_set(&mut s, 8, u8::is_ascii_hexdigit), Some(&b"E00000FB"[..]));
        assert_eq!(scanf_set(&mut s, 8, u8::is_ascii_hexdigit), None);
        assert_eq!(s, b"g 1");
        assert_eq!(scanf_chars(&mut s, 15), Some(&b"g 1"[..]));
        assert_eq!(scanf_chars(&mut s, 15), None);
        assert_eq!(c_str(b"ab\0cd"), b"ab");
        assert!(contains(b"Idx Device", b"Device") && !contains(b"Idx", b"Device"));
    }
}
