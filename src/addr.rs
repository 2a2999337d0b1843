//! Addresses as /proc writes them, and as glibc's `inet_ntop` prints them.

/// Text of an address or name, built in place.
pub type Text = heapless::Vec<u8, 256>;

pub fn push(t: &mut Text, s: &[u8]) {
    // Names are at most 255 bytes; anything longer is cut rather than lost.
    for &b in s {
        if t.push(b).is_err() {
            return;
        }
    }
}

/// Appends `n` in decimal.
pub fn push_dec(t: &mut Text, n: u32) {
    push(t, itoa::Buffer::new().format(n).as_bytes());
}

/// printf's `%0Nx`/`%0NX`: at least `digits` hex digits.
pub fn push_hex(t: &mut Text, n: u64, digits: usize, upper: bool) {
    let set = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let mut buf = [0u8; 16];
    let mut i = buf.len();
    let mut rest = n;
    while rest != 0 || buf.len() - i < digits {
        i -= 1;
        buf[i] = set[(rest & 15) as usize];
        rest >>= 4;
    }
    push(t, &buf[i..]);
}

fn hex_val(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some((b - b'0') as u32),
        b'a'..=b'f' => Some((b - b'a' + 10) as u32),
        b'A'..=b'F' => Some((b - b'A' + 10) as u32),
        _ => None,
    }
}

/// Parses up to 8 hex digits as scanf's `%X` would (the caller gives only hex digits).
pub fn hex_u32(s: &[u8]) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut v: u32 = 0;
    for &b in s {
        v = v.wrapping_shl(4) | hex_val(b)?;
    }
    Some(v)
}

/// An IPv4 address as /proc/net/{tcp,udp,raw,route,igmp} writes it: a `%08X` of the address
/// in host (little-endian) order, so the byte pairs come reversed.
pub fn ipv4_from_proc_hex(s: &[u8]) -> Option<[u8; 4]> {
    Some(hex_u32(s)?.to_le_bytes())
}

pub fn fmt_ipv4(t: &mut Text, a: [u8; 4]) {
    for (i, &b) in a.iter().enumerate() {
        if i > 0 {
            push(t, b".");
        }
        push_dec(t, b as u32);
    }
}

/// glibc `inet_ntop(AF_INET6)`: the first longest run of two or more zero groups becomes `::`,
/// and `::a.b.c.d` / `::ffff:a.b.c.d` keep the last 32 bits dotted.
// Not inlined into its callers: a smaller binary.
#[inline(never)]
pub fn fmt_ipv6(t: &mut Text, a: [u8; 16]) {
    let group = |i: usize| u16::from_be_bytes([a[2 * i], a[2 * i + 1]]);
    let (mut best, mut best_len, mut run) = (8, 1, 0);
    for i in 0..8 {
        run = if group(i) == 0 { run + 1 } else { 0 };
        if run > best_len {
            (best, best_len) = (i + 1 - run, run);
        }
    }
    let mut i = 0;
    while i < 8 {
        if i == best {
            push(t, b":");
            i += best_len;
            if i == 8 {
                push(t, b":");
            }
            continue;
        }
        if i > 0 {
            push(t, b":");
        }
        if i == 6 && best == 0 && (best_len == 6 || (best_len == 5 && group(5) == 0xffff)) {
            return fmt_ipv4(t, [a[12], a[13], a[14], a[15]]);
        }
        // Hex without leading zeros.
        let g = group(i);
        for digit in (0..4).rev() {
            if g >> (4 * digit) != 0 || digit == 0 {
                push(t, &[b"0123456789abcdef"[(g >> (4 * digit)) as usize & 0xf]]);
            }
        }
        i += 1;
    }
}

/// glibc `inet_pton(AF_INET)`: exactly four decimal parts of at most 255, no leading zeros.
pub fn parse_ipv4(s: &[u8]) -> Option<[u8; 4]> {
    let (mut v, mut part, mut digits, mut dots) = (0u32, 0u32, 0, 0);
    for &c in s {
        if c.is_ascii_digit() {
            if digits > 0 && part == 0 {
                return None;
            }
            part = part * 10 + (c - b'0') as u32;
            if part > 255 {
                return None;
            }
            digits += 1;
        } else if c == b'.' && digits > 0 && dots < 3 {
            (v, part, digits, dots) = (v << 8 | part, 0, 0, dots + 1);
        } else {
            return None;
        }
    }
    (dots == 3 && digits > 0).then_some((v << 8 | part).to_be_bytes())
}

/// glibc `inet_pton(AF_INET6)`: up to 8 groups of 1-4 hex digits, one `::`, and an optional
/// dotted quad in place of the last two groups.
pub fn parse_ipv6(s: &[u8]) -> Option<[u8; 16]> {
    let mut groups = [0u16; 8];
    // How many groups there are so far, and how many stood before the `::`.
    let (mut n, mut gap) = (0, None);
    let (mut group, mut digits) = (0u32, 0);
    // A leading `:` must be half of a `::`; the loop sees the other half.
    let mut i = (s.first() == Some(&b':')) as usize;
    if i == 1 && s.get(1) != Some(&b':') {
        return None;
    }
    let mut token = i;
    while let Some(&c) = s.get(i) {
        i += 1;
        if let Some(d) = hex_val(c) {
            if digits == 4 {
                return None;
            }
            (group, digits) = (group << 4 | d, digits + 1);
        } else if c == b':' && digits == 0 && gap.is_none() {
            gap = Some(n);
            token = i;
        } else if c == b':' && digits > 0 && i < s.len() {
            *groups.get_mut(n)? = group as u16;
            (n, group, digits, token) = (n + 1, 0, 0, i);
        } else if c == b'.' && n <= 6 {
            let [a, b, c, d] = parse_ipv4(s.get(token..)?)?;
            *groups.get_mut(n)? = u16::from_be_bytes([a, b]);
            *groups.get_mut(n + 1)? = u16::from_be_bytes([c, d]);
            (n, digits) = (n + 2, 0);
            break;
        } else {
            return None;
        }
    }
    if digits > 0 {
        *groups.get_mut(n)? = group as u16;
        n += 1;
    }
    // The groups after the gap move to the end; without a gap there must be eight.
    let gap = match gap {
        Some(g) if n < 8 => g,
        None if n == 8 => 8,
        _ => return None,
    };
    let mut a = [0u8; 16];
    for (k, g) in groups.iter().take(n).enumerate() {
        let at = if k < gap { k } else { k + 8 - n };
        a.get_mut(2 * at..2 * at + 2)?.copy_from_slice(&g.to_be_bytes());
    }
    Some(a)
}

pub fn is_v4_mapped(a: &[u8; 16]) -> bool {
    a[..10].iter().all(|&b| b == 0) && a[10] == 0xff && a[11] == 0xff
}

/// net-tools' `fix_v4_address`: for a v4-mapped address whose text has a `.`, drop everything up
/// to and including the last `:` before the first `.`.
pub fn fix_v4_mapped(t: &mut Text, a: &[u8; 16]) {
    if !is_v4_mapped(a) {
        return;
    }
    let Some(dot) = t.iter().position(|&b| b == b'.') else { return };
    let Some(colon) = t[..dot].iter().rposition(|&b| b == b':') else { return };
    t.copy_within(colon + 1.., 0);
    t.truncate(t.len() - colon - 1);
}

/// glibc's `inet_addr`: `a.b.c.d`, `a.b.c`, `a.b` or `a`, each part decimal, `0x` hex or `0`
/// octal, the last part filling the remaining bytes, then the end or white space. None where
/// it returns INADDR_NONE.
pub fn ipv4_from_text(s: &[u8]) -> Option<[u8; 4]> {
    const LAST_PART_MAX: [u64; 4] = [0xffff_ffff, 0xff_ffff, 0xffff, 0xff];
    let mut bytes = [0u8; 4];
    let (mut parts, mut i) = (0, 0);
    loop {
        if !s.get(i)?.is_ascii_digit() {
            return None;
        }
        // The digit checked above always converts; `c_str` stops strtoul at a NUL as C does.
        let digits = crate::cscan::c_str(&s[i..]);
        let (value, rest) = crate::cscan::strtoul_auto(digits).unwrap_or((0, digits));
        i += digits.len() - rest.len();
        if s.get(i) != Some(&b'.') {
            let ends = s.get(i).map_or(true, |&b| crate::cscan::is_space(b));
            if !ends || value > LAST_PART_MAX[parts] {
                return None;
            }
            let tail = (value as u32).to_be_bytes();
            for (b, t) in bytes.iter_mut().zip(tail) {
                *b |= t;
            }
            return Some(bytes);
        }
        if parts > 2 || value > 0xff {
            return None;
        }
        bytes[parts] = value as u8;
        parts += 1;
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_digits_as_printf_writes_them() {
        let mut t = Text::new();
        push_hex(&mut t, 0, 1, false);
        push_hex(&mut t, 0xab, 2, true);
        push_hex(&mut t, 5, 2, false);
        push_hex(&mut t, u64::MAX, 1, false);
        push_hex(&mut t, 0x12345, 4, true);
        assert_eq!(&t[..], b"0AB05ffffffffffffffff12345");
    }

    fn v6(s: &str) -> [u8; 16] {
        let a: std::net::Ipv6Addr = s.parse().unwrap();
        a.octets()
    }

    fn ntop(s: &str) -> String {
        let mut t = Text::new();
        fmt_ipv6(&mut t, v6(s));
        String::from_utf8(t.to_vec()).unwrap()
    }

    #[test]
    fn ipv6_text_follows_glibc() {
        // Cases verified against glibc in the behaviour reference, §2.2.
        for (a, want) in [
            ("::2:3", "::0.2.0.3"),
            ("::1:0", "::0.1.0.0"),
            ("::a:b", "::0.10.0.11"),
            ("::100:0", "::1.0.0.0"),
            ("::ffff:0:0", "::ffff:0.0.0.0"),
            ("::100", "::100"),
            ("::ffff:0:102:304", "::ffff:0:102:304"),
            ("1:0:0:1:0:0:1:1", "1::1:0:0:1:1"),
            ("::1:0:0", "::1:0:0"),
            ("::", "::"),
            ("::1", "::1"),
            ("fe80::1", "fe80::1"),
            ("1::", "1::"),
            ("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"),
            ("1:0:2:3:4:5:6:7", "1:0:2:3:4:5:6:7"),
            ("::ffff:127.0.0.1", "::ffff:127.0.0.1"),
            ("2001:db8::ff00:42:8329", "2001:db8::ff00:42:8329"),
        ] {
            assert_eq!(ntop(a), want, "{a}");
        }
    }

    #[test]
    fn proc_hex_is_little_endian_words() {
        assert_eq!(ipv4_from_proc_hex(b"0100007F"), Some([127, 0, 0, 1]));
        assert_eq!(ipv4_from_proc_hex(b"0132a8c0"), Some([192, 168, 50, 1]));
        assert_eq!(ipv4_from_proc_hex(b"zz"), None);
    }

    #[test]
    fn text_forms_inet_pton_accepts() {
        assert_eq!(parse_ipv4(b"10.1.2.3"), Some([10, 1, 2, 3]));
        assert_eq!(parse_ipv4(b"0.0.0.0"), Some([0; 4]));
        for bad in ["010.1.2.3", "10.01.2.3", "10.1.2", "10.1.2.3.4", "0x0a.1.2.3", "256.1.2.3", "1..2.3", "1.2.3.", "", " 1.2.3.4"] {
            assert_eq!(parse_ipv4(bad.as_bytes()), None, "{bad}");
        }
        for good in ["::", "::1", "1::", "fe80::1", "FE80::1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::ffff:1.2.3.4",
                     "1:2:3:4:5:6:1.2.3.4", "::0.0.0.2", "1::2:3:4:5:6:7", "0:0:0:0:0:0:0:0"] {
            assert_eq!(parse_ipv6(good.as_bytes()), Some(v6(good)), "{good}");
        }
        for bad in [":::", "1:", ":1", "1:::2", "1::2::3", "1:2:3:4:5:6:7:8:9", "::1:2:3:4:5:6:7:8", "1::2:3:4:5:6:7:8",
                    "1:2:3:4:5:6:7::8", "12345::", "fe80::1%eth0", "1.2.3.4", "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4",
                    "::.1.2.3", "::a.1.2.3", ""] {
            assert_eq!(parse_ipv6(bad.as_bytes()), None, "{bad}");
        }
    }

    #[test]
    fn mapped_addresses_lose_their_prefix() {
        let a = v6("::ffff:127.0.0.1");
        let mut t = Text::new();
        fmt_ipv6(&mut t, a);
        fix_v4_mapped(&mut t, &a);
        assert_eq!(&t[..], b"127.0.0.1");
        let mut t = Text::new();
        push(&mut t, b"ip6-localhost");
        fix_v4_mapped(&mut t, &a);
        assert_eq!(&t[..], b"ip6-localhost");
    }

    #[test]
    fn inet_addr_rules() {
        for (text, want) in [
            ("10.0.0.1", Some([10, 0, 0, 1])),
            ("127.1", Some([127, 0, 0, 1])),
            ("10", Some([0, 0, 0, 10])),
            ("1.2.300", Some([1, 2, 1, 44])),
            ("0x7f.010.0.1", Some([127, 8, 0, 1])),
            ("1.2.3.4.5", None),
            ("256.1.1.1", None),
            ("1.2.3.256", None),
            ("1.2.3.4x", None),
            ("*10.0.0.1", None),
            ("0x.1.2.3", None),
            ("08", None),
            ("", None),
            ("1..2", None),
            ("1.2.3.4 x", Some([1, 2, 3, 4])),
            ("1.2.3.4\r", Some([1, 2, 3, 4])),
            ("0x", None),
            // strtoul's `0x` needs a hex digit after it; `0xg` stops after the 0.
            ("0xg", None),
            ("0x1f.0.0.1", Some([31, 0, 0, 1])),
            ("4294967295", Some([255; 4])),
            ("4294967296", None),
        ] {
            assert_eq!(ipv4_from_text(text.as_bytes()), want, "{text}");
        }
    }
}
