//! /etc/networks as glibc's `getnetbyaddr` reads it with the `files` source: the first line
//! whose number equals the one asked for gives its name (the first field). The number is
//! the second field, padded with `.0` to four parts and read by `inet_network`.

use crate::cscan::digit;

/// glibc pads a number with fewer than three dots with `.0` parts up to four parts, then
/// reads it with `inet_network`; None is its INADDR_NONE, which no netstat lookup asks for.
pub fn padded_network(s: &[u8]) -> Option<u32> {
    let (mut value, mut rest) = (0u32, s);
    for parts in 1..=4 {
        let dot = rest.iter().position(|&b| b == b'.');
        let (part, after) = rest.split_at(dot.unwrap_or(rest.len()));
        value = value << 8 | network_part(part)?;
        if dot.is_none() {
            // The padding parts are zeros.
            return Some(value << (8 * (4 - parts)));
        }
        rest = &after[1..];
    }
    None
}

/// One part of `inet_network`: decimal, `0` octal, or hex after `0x` or just `x`; at most
/// 255 after its 32-bit arithmetic has wrapped around.
// Out of line: a smaller binary.
#[inline(never)]
fn network_part(s: &[u8]) -> Option<u32> {
    // The leading 0 of an octal part is one of its digits.
    let (base, digits) = match s {
        [b'0', b'x' | b'X', rest @ ..] | [b'x' | b'X', rest @ ..] => (16, rest),
        [b'0', ..] => (8, s),
        _ => (10, s),
    };
    let mut value = 0u32;
    for &b in digits {
        value = value.wrapping_mul(base).wrapping_add(digit(b, base as u64)? as u32);
    }
    (!digits.is_empty() && value <= 0xff).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::tests::Parsed;
    use crate::names::File;

    /// Files and answers from `getent networks ADDR` with that /etc/networks.
    #[test]
    fn names_as_getent_found_them() {
        let name = |file: &[u8], net: u32| Parsed::new(File::Networks, file).name(net as u128, false);
        let some = |s: &str| Some(s.to_string());
        let file = b"a 0.1\nb 0x0.0x1.2.3\nc 0.1.2.3\nd 0.0.0.1 # x\ne 00.1.2.4\nf x0.1.2.5\ng 0.1.2.6 \ng2 0.1.2.6\n";
        assert_eq!(name(file, 0x0001_0000), some("a"));
        assert_eq!(name(file, 0x0001_0203), some("b"));
        assert_eq!(name(file, 0x0000_0001), some("d"));
        assert_eq!(name(file, 0x0001_0204), some("e"));
        assert_eq!(name(file, 0x0001_0205), some("f"));
        assert_eq!(name(file, 0x0001_0206), some("g"));
        // 4294967297 wraps to 1 in inet_network's 32-bit arithmetic.
        let file = b"a 0.4294967297.2.3\nb 0.1.2.3.4\nc 0.08.0.0\nd 0.1.2.4.\n";
        assert_eq!(name(file, 0x0001_0203), some("a"));
        assert_eq!(name(file, 0x0001_0000), None);
        assert_eq!(name(file, 0x0008_0000), None);
        assert_eq!(name(file, 0x0001_0204), None);
        assert_eq!(name(b"justname\n  0.1.2.3\n", 0x0001_0203), None);
    }

    #[test]
    fn inet_network_forms() {
        assert_eq!(padded_network(b"127"), Some(0x7f00_0000));
        assert_eq!(padded_network(b"0xA.010.9"), Some(0x0a08_0900));
        assert_eq!(padded_network(b"1.2.3.4"), Some(0x0102_0304));
        assert_eq!(padded_network(b"256"), None);
        assert_eq!(padded_network(b"0x"), None);
        assert_eq!(padded_network(b"1..2"), None);
        assert_eq!(padded_network(b""), None);
        assert_eq!(padded_network(b"1.2.3.4.5"), None);
    }
}
