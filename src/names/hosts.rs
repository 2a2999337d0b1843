//! /etc/hosts as glibc's `gethostbyaddr` reads it with the `files` source: the first line
//! whose address equals the one asked for gives its first name.
//!
//! The address is the line's first field, in `inet_pton` form only (no `inet_aton`
//! shortcuts such as `127.1` or `010.0.0.1`). For a 4-byte lookup an IPv6 field counts too
//! when it is v4-mapped (`::ffff:a.b.c.d` is a.b.c.d) or `::1` (which is 127.0.0.1), so an
//! early `::1 ip6-localhost` line names 127.0.0.1. A 16-byte lookup sees IPv6 fields only.
//! The name is the second field, and may be empty (`10.1.2.3` alone, or `10.1.2.3 #x`).

use crate::addr;

/// The key of a line's address field for IPv4 lookups, or IPv6 ones when `v6`; None when
/// those lookups never find the line.
pub fn key(field: &[u8], v6: bool) -> Option<u128> {
    if let (false, Some(a4)) = (v6, addr::parse_ipv4(field)) {
        return Some(u32::from_be_bytes(a4) as u128);
    }
    let a6 = u128::from_be_bytes(addr::parse_ipv6(field)?);
    match a6 {
        _ if v6 => Some(a6),
        // ::ffff:a.b.c.d is a.b.c.d, ::1 127.0.0.1.
        _ if a6 >> 32 == 0xffff => Some(a6 & 0xffff_ffff),
        1 => Some(0x7f00_0001),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::names::tests::Parsed;
    use crate::names::File;

    fn v4(s: &str) -> u128 {
        u32::from(s.parse::<std::net::Ipv4Addr>().unwrap()) as u128
    }

    fn v6(s: &str) -> u128 {
        u128::from(s.parse::<std::net::Ipv6Addr>().unwrap())
    }

    /// Each file and answer below is what `getent hosts ADDR` printed with that /etc/hosts.
    #[test]
    fn names_as_getent_found_them() {
        let name4 = |file: &[u8], a| Parsed::new(File::Hosts4, file).name(v4(a), false);
        let name6 = |file: &[u8], a| Parsed::new(File::Hosts6, file).name(v6(a), false);
        let some = |s: &str| Some(s.to_string());
        // Leading zeros are not inet_pton.
        assert_eq!(name4(b"010.1.2.3 a\n10.01.2.3 b\n", "10.1.2.3"), None);
        assert_eq!(name4(b"010.1.2.3 a\n10.01.2.3 b\n", "8.1.2.3"), None);
        // ::1 is 127.0.0.1 for an IPv4 lookup, and the first line wins.
        let file = b"::1 six\n127.0.0.1 four\n";
        assert_eq!(name4(file, "127.0.0.1"), some("six"));
        assert_eq!(name6(file, "::1"), some("six"));
        assert_eq!(name6(file, "::ffff:127.0.0.1"), None);
        let file = b"::ffff:10.1.2.3 m\n10.1.2.3 four\n";
        assert_eq!(name4(file, "10.1.2.3"), some("m"));
        assert_eq!(name6(file, "::ffff:10.1.2.3"), some("m"));
        // A line without a name names its address with the empty string.
        assert_eq!(name4(b"10.1.2.3\n10.1.2.3 second\n", "10.1.2.3"), some(""));
        assert_eq!(name4(b"10.1.2.3#c x\n10.1.2.3 n#a\n", "10.1.2.3"), some(""));
        assert_eq!(name4(b"10.1.2.3 n#a\n", "10.1.2.3"), some("n"));
        assert_eq!(name4(b"10.1.2.3 ab\0cd\n", "10.1.2.3"), some("ab"));
        assert_eq!(name4(b"  10.1.2.3 ab\0cd\n", "10.1.2.3"), some("abab"));
        assert_eq!(name4(b"  10.1.2.3 abc", "10.1.2.3"), some("abcbc"));
        assert_eq!(name4(b"\t10.1.2.3\tname\r\n", "10.1.2.3"), some("name"));
        assert_eq!(name4(b"10.1.2.3 \xff\x01name\n", "10.1.2.3"), some("\u{fffd}\u{1}name"));
        assert_eq!(name4(b"10.1.2.3.4 x\n10.1.2 y\n0x0a.1.2.3 z\n10.1.2.3 ok\n", "10.1.2.3"), some("ok"));
        assert_eq!(name6(b"fe80::1%eth0 x\nFE80::1 up\n", "fe80::1"), some("up"));
        // ::0.0.0.2 is ::2, and neither mapped nor loopback, so no IPv4 name.
        assert_eq!(name6(b"::0.0.0.2 compat\n::2 two\n", "::2"), some("compat"));
        assert_eq!(name4(b"::0.0.0.2 compat\n::2 two\n", "0.0.0.2"), None);
        let file = b"1::2:3:4:5:6:7:8 x\n1:2:3:4:5:6:7::8 y\n1:2:3:4:5:6:1.2.3.4 z\n";
        assert_eq!(name6(file, "1:2:3:4:5:6:102:304"), some("z"));
        // glibc reads lines of any length.
        let long = format!("10.1.2.3 {} alias\n", "a".repeat(20000));
        assert_eq!(name4(long.as_bytes(), "10.1.2.3").map(|n| n.len()), Some(20000));
    }
}
