//! C's text-to-number rules as net-tools meets them: a small `sscanf` that takes the very
//! format strings net-tools uses, `strtoul`/`atoi`, and `strtok`. Input stops at the first NUL,
//! as it does for C string functions.

/// One converted `sscanf` value: a number (the 64-bit `strtoul`/`strtol` result, which the
/// caller narrows as C's assignment would) or a `%s` word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Val<'a> {
    Num(u64),
    Str(&'a [u8]),
}

impl<'a> Val<'a> {
    pub fn num(&self) -> u64 {
        match *self {
            Val::Num(n) => n,
            Val::Str(_) => 0,
        }
    }

    /// `%d`/`%X` stored into an `int`.
    pub fn int(&self) -> i32 {
        self.num() as i32
    }

    pub fn str(&self) -> &'a [u8] {
        match *self {
            Val::Str(s) => s,
            Val::Num(_) => b"",
        }
    }
}

/// The C-string view of a line: everything before its first NUL.
pub fn c_str(s: &[u8]) -> &[u8] {
    s.split(|&b| b == 0).next().unwrap_or(s)
}

/// `isspace` in the C locale.
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

fn digit(b: u8, base: u32) -> Option<u64> {
    (b as char).to_digit(base).map(u64::from)
}

/// Reads a number at `*pos` the way glibc's scanf and strtol/strtoul do: leading white space,
/// a sign, a `0x` prefix for base 16 (base 0 picks 16, 8 or 10 from the prefix), then digits;
/// at most `width` characters after the white space. Overflow saturates like strtoul
/// (`signed == false`) or strtol; a minus sign negates modulo 2^64. None if no digit came.
fn number(s: &[u8], pos: &mut usize, mut base: u32, mut width: usize, signed: bool) -> Option<u64> {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = *pos;
    while is_space(at(i)) {
        i += 1;
    }
    let negative = at(i) == b'-';
    if width > 0 && matches!(at(i), b'-' | b'+') {
        i += 1;
        width -= 1;
    }
    let mut any = false;
    if width > 0 && at(i) == b'0' {
        any = true;
        i += 1;
        width -= 1;
        if width > 0 && (base == 0 || base == 16) && at(i) | 0x20 == b'x' {
            base = 16;
            i += 1;
            width -= 1;
        } else if base == 0 {
            base = 8;
        }
    }
    if base == 0 {
        base = 10;
    }
    let (mut value, mut overflow) = (0u64, false);
    while width > 0 {
        let Some(d) = digit(at(i), base) else { break };
        match value.checked_mul(base as u64).and_then(|v| v.checked_add(d)) {
            Some(v) => value = v,
            None => overflow = true,
        }
        any = true;
        i += 1;
        width -= 1;
    }
    if !any {
        return None;
    }
    *pos = i;
    Some(match (signed, negative) {
        (false, _) if overflow => u64::MAX,
        (false, true) => value.wrapping_neg(),
        (false, false) => value,
        (true, true) if overflow || value > 1 << 63 => i64::MIN as u64,
        (true, true) => value.wrapping_neg(),
        (true, false) if overflow || value > i64::MAX as u64 => i64::MAX as u64,
        (true, false) => value,
    })
}

/// `strtoul(s, &end, base)`: the value and how many bytes it took (0 and 0 without a number).
pub fn strtoul_end(s: &[u8], base: u32) -> (u64, usize) {
    let s = c_str(s);
    let mut end = 0;
    let value = number(s, &mut end, base, usize::MAX, false).unwrap_or(0);
    // Unlike scanf, strtoul leaves the `x` of a `0x` that no hex digit follows.
    if end > 0 && s[end - 1] | 0x20 == b'x' {
        end -= 1;
    }
    (value, end)
}

/// `strtoul(s, NULL, base)`; 0 when there is no number.
pub fn strtoul(s: &[u8], base: u32) -> u64 {
    strtoul_end(s, base).0
}

/// `atoi(s)`: `strtol(s, NULL, 10)` narrowed to an `int`.
pub fn atoi(s: &[u8]) -> i32 {
    number(c_str(s), &mut 0, 10, usize::MAX, true).unwrap_or(0) as i32
}

/// `sscanf(input, fmt, ...)` for the directives net-tools' formats use: white space, literal
/// characters, and `%[*][width][l]` with `d u x X p s`. Converted values go to `out` in order;
/// returns the number of assignments, or -1 if the input ended before the first one.
pub fn sscanf<'a>(input: &'a [u8], fmt: &[u8], out: &mut [Val<'a>]) -> i32 {
    let s = c_str(input);
    let (mut pos, mut f, mut done) = (0, 0, 0usize);
    let ended = |pos: usize, done: usize| if done == 0 && pos >= s.len() { -1 } else { done as i32 };
    while f < fmt.len() {
        let c = fmt[f];
        f += 1;
        if is_space(c) {
            while pos < s.len() && is_space(s[pos]) {
                pos += 1;
            }
            continue;
        }
        if c != b'%' {
            if s.get(pos) != Some(&c) {
                return ended(pos, done);
            }
            pos += 1;
            continue;
        }
        let skip = fmt.get(f) == Some(&b'*');
        f += skip as usize;
        let mut width = 0;
        while let Some(d) = fmt.get(f).and_then(|&b| digit(b, 10)) {
            width = width * 10 + d as usize;
            f += 1;
        }
        let width = if width == 0 { usize::MAX } else { width };
        while fmt.get(f) == Some(&b'l') {
            f += 1;
        }
        let conv = fmt.get(f).copied().unwrap_or(0);
        f += 1;
        while pos < s.len() && is_space(s[pos]) {
            pos += 1;
        }
        if pos >= s.len() {
            return ended(pos, done);
        }
        let val = if conv == b's' {
            let start = pos;
            while pos < s.len() && !is_space(s[pos]) && pos - start < width {
                pos += 1;
            }
            Val::Str(&s[start..pos])
        } else {
            let base = if conv == b'd' || conv == b'u' { 10 } else { 16 };
            match number(s, &mut pos, base, width, conv == b'd') {
                Some(n) => Val::Num(n),
                None => return done as i32,
            }
        };
        if !skip {
            if let Some(slot) = out.get_mut(done) {
                *slot = val;
            }
            done += 1;
        }
    }
    done as i32
}

/// C's `strtok` over an immutable line: each call skips leading delimiters and returns the
/// next token, consuming the one delimiter that ends it.
pub struct Tokens<'a> {
    rest: &'a [u8],
}

impl<'a> Tokens<'a> {
    pub fn new(s: &'a [u8]) -> Self {
        Tokens { rest: c_str(s) }
    }

    pub fn next(&mut self, delims: &[u8]) -> Option<&'a [u8]> {
        let s = self.rest;
        let start = s.iter().position(|b| !delims.contains(b))?;
        let len = s[start..].iter().position(|b| delims.contains(b)).unwrap_or(s.len() - start);
        self.rest = s.get(start + len + 1..).unwrap_or(b"");
        Some(&s[start..start + len])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unix(line: &str) -> (i32, Vec<Val>) {
        let mut v = [Val::Num(111); 8];
        let n = sscanf(line.as_bytes(), b"%p: %lX %lX %lX %X %X %lu %s", &mut v);
        (n, v.to_vec())
    }

    // Expected values measured with glibc's sscanf on the same inputs.
    #[test]
    fn sscanf_follows_glibc() {
        let (n, v) = unix("0000: 3 0 10000 1 1 123 /a");
        assert_eq!(n, 8);
        assert_eq!(v[1..].to_vec(), [Val::Num(3), Val::Num(0), Val::Num(0x10000), Val::Num(1), Val::Num(1), Val::Num(123), Val::Str(b"/a")]);
        let (n, v) = unix("0x: 0x 0 0 1 1 5");
        assert_eq!((n, v[1], v[6], v[7]), (7, Val::Num(0), Val::Num(5), Val::Num(111)));
        assert_eq!(unix("0xg: 1 2 3 4 5").0, 1);
        let (n, v) = unix("12:-1 +2 0x1g 1 1 99999999999999999999 x");
        assert_eq!((n, v[1].num() as i64, v[2].num(), v[3].num()), (4, -1, 2, 1));
        assert_eq!(unix(": 1").0, 0);
        assert_eq!(unix("1 : 1").0, 1);
        assert_eq!(unix("1:1 2 3 4 5").0, 6);
        assert_eq!(unix("1:1 2 3 4").0, 5);
        let (n, v) = unix("1:1 2 3 4 5 -5 z");
        assert_eq!((n, v[6].num(), v[7]), (8, u64::MAX - 4, Val::Str(b"z")));
        let (n, v) = unix("1:1 2 3 ffffffffff 1ffffffff 7");
        assert_eq!((n, v[4].int(), v[5].int()), (7, -1, -1));
        assert_eq!(unix("+:1").0, 0);
        assert_eq!(unix("1:-0x10 0 0 0 0 0").1[1].num() as i64, -16);
        assert_eq!(unix("").0, -1);
        assert_eq!(unix("   ").0, -1);
        assert_eq!(unix("1:1\0 2 3 4 5").0, 2);
    }

    #[test]
    fn sscanf_widths_and_skips() {
        let six = "%04X:%04X:%04X:%04X:%04X:%04X:%04X:%04X";
        let mut v = [Val::Num(9); 8];
        assert_eq!(sscanf(b"+001:0x12:-1:+ab:1:2:3:4", six.as_bytes(), &mut v), 8);
        assert_eq!(v.map(|x| x.num() as u32), [1, 0x12, u32::MAX, 0xab, 1, 2, 3, 4]);
        assert_eq!(sscanf(b"12345:1:2:3:4:5:6:7", six.as_bytes(), &mut v), 1);
        assert_eq!(v[0], Val::Num(0x1234));
        assert_eq!(sscanf(b"2001:db8::1", six.as_bytes(), &mut v), 2);
        let mut v = [Val::Num(0); 3];
        assert_eq!(sscanf(b"ax0 1 2/3 4 5", b"%s %*d %*d/%*d %d %d", &mut v), 3);
        assert_eq!(v, [Val::Str(b"ax0"), Val::Num(4), Val::Num(5)]);
        assert_eq!(sscanf(b"ax0 1 2 3", b"%s %*d %*d/%*d %d %d", &mut v), 1);
        assert_eq!(sscanf(b"-99999999999999999999", b"%d", &mut v), 1);
        assert_eq!(v[0].num() as i64, i64::MIN);
    }

    #[test]
    fn strtoul_and_atoi_follow_glibc() {
        assert_eq!(strtoul(b"0x1A", 0), 26);
        assert_eq!(strtoul(b"017", 0), 15);
        assert_eq!(strtoul(b"019", 0), 1);
        assert_eq!(strtoul(b" 12", 0), 12);
        assert_eq!(strtoul(b"-3", 0), u64::MAX - 2);
        assert_eq!(strtoul(b"99999999999999999999", 0), u64::MAX);
        assert_eq!(strtoul(b"0xg", 0), 0);
        assert_eq!(strtoul_end(b"0xg", 0), (0, 1));
        assert_eq!(strtoul_end(b"0x1f.", 16), (31, 4));
        assert_eq!(strtoul_end(b"x", 10), (0, 0));
        assert_eq!(atoi(b"0x1A"), 0);
        assert_eq!(atoi(b"017"), 17);
        assert_eq!(atoi(b"-3"), -3);
        assert_eq!(atoi(b"99999999999999999999"), -1);
        assert_eq!(atoi(b"-99999999999999999999"), 0);
        assert_eq!(atoi(b"9223372036854775808"), -1);
        assert_eq!(atoi(b"4294967297"), 1);
        assert_eq!(atoi(b"+5x"), 5);
        assert_eq!(atoi(b"-"), 0);
    }

    #[test]
    fn tokens_split_like_strtok() {
        let mut t = Tokens::new(b"  a b\t\tc ");
        assert_eq!(t.next(b" \t"), Some(&b"a"[..]));
        assert_eq!(t.next(b" \t"), Some(&b"b"[..]));
        // The delimiter that ended "b" is consumed; the second tab is skipped as a leading one.
        assert_eq!(t.next(b"\t"), Some(&b"c "[..]));
        assert_eq!(t.next(b" \t"), None);
        let mut t = Tokens::new(b"1 2  10.0.0.1 <-> 10.0.0.2\t9");
        t.next(b" ");
        t.next(b" ");
        assert_eq!(t.next(b"<->\t\n"), Some(&b" 10.0.0.1 "[..]));
        assert_eq!(t.next(b"<->\t\n"), Some(&b" 10.0.0.2"[..]));
    }
}
