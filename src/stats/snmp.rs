//! The readers of the `-s` files, each reading its file the way net-tools does (behaviour
//! reference §8.2, §8.3), down to how it splits lines and converts numbers, so that malformed
//! files print what net-tools prints.

use super::print::Counters;
use super::tables::Titles;
use crate::cscan::{self, scanf_number, scanf_word};
use crate::procfs::{c_str, take_line};
use crate::scan::Tokens;

/// The field separators of the snmp, netstat and sctp/snmp readers (not all of C's white space).
fn is_separator(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n')
}

/// /proc/net/snmp and /proc/net/netstat: pairs of lines `Title: name name …` and
/// `Title: value value …` (the second title is not looked at). With `only`, pairs whose title
/// does not start with it are skipped. Returns false when a line of a pair has no `:`, where
/// net-tools stops reading.
pub fn pairs(mut data: &[u8], only: Option<&[u8]>, counters: &mut impl Counters) -> bool {
    while let Some(names) = take_line(&mut data, usize::MAX) {
        if names.first() == Some(&b'\n') {
            continue; // some kernels start the file with an empty line
        }
        let Some(values) = take_line(&mut data, usize::MAX) else {
            break;
        };
        let (Some((title, names)), Some((_, mut values))) = (split_colon(names), split_colon(values)) else {
            return false;
        };
        if only.is_some_and(|prefix| !title.starts_with(prefix)) {
            continue;
        }
        counters.section(Titles::Ipv4, title);
        let mut names = Tokens::new(names);
        while let Some(name) = names.next(b" \t\n") {
            let value = strtoull(&mut values);
            counters.counter(name, value);
        }
    }
    true
}

/// /proc/net/snmp6: `Name value` lines, as `fgets` into 1024 bytes and `sscanf("%s %llu")` read
/// them. The first line starts a section, and so does every line whose name does not contain
/// the current section's title (a name up to its first `6`). net-tools keeps the last name and
/// value in its buffers: a line without a name repeats the last counter (before the first name
/// there is none, and the line is skipped), a value that does not convert repeats the last value.
pub fn snmp6(mut data: &[u8], counters: &mut impl Counters) {
    let (mut name, mut value, mut title): (&[u8], u64, Option<&[u8]>) = (b"", 0, None);
    while let Some(line) = take_line(&mut data, 1023) {
        let mut rest = c_str(line);
        match scanf_word(&mut rest, usize::MAX) {
            Some(word) => {
                name = word;
                if let Some(v) = scanf_number(&mut rest, 10, false) {
                    value = v;
                }
            }
            None if title.is_none() => continue,
            None => {}
        }
        if !title.is_some_and(|t| contains(name, t)) {
            let t = match name.iter().position(|&b| b == b'6') {
                Some(six) => name.split_at(six + 1).0,
                None => name,
            };
            title = Some(t);
            counters.section(Titles::Ipv6, t);
        }
        counters.counter(name, value);
    }
}

/// /proc/net/sctp/snmp: `Name value` lines, all in section `Sctp`, read with `fgets` into 1024
/// bytes. The value is looked for after the byte that ends the name; a name that runs to the
/// end of what was read (a last line without newline, or a 1023-byte piece) has none.
pub fn name_values(mut data: &[u8], counters: &mut impl Counters) {
    counters.section(Titles::Ipv4, b"Sctp");
    while let Some(line) = take_line(&mut data, 1023) {
        let text = c_str(line);
        let (name, _) = text.split_at(text.iter().position(is_separator).unwrap_or(text.len()));
        let Some(rest) = line.get(name.len() + 1..) else {
            continue;
        };
        let mut rest = c_str(rest);
        while let [b, tail @ ..] = rest {
            if !is_separator(b) {
                break;
            }
            rest = tail;
        }
        if !rest.is_empty() {
            counters.counter(name, strtoull(&mut rest));
        }
    }
}

/// The title before the first `:` of a line, and the text after it.
fn split_colon(line: &[u8]) -> Option<(&[u8], &[u8])> {
    let line = c_str(line);
    let colon = line.iter().position(|&b| b == b':')?;
    let (title, rest) = line.split_at(colon);
    Some((title, rest.get(1..).unwrap_or_default()))
}

/// `strstr(haystack, needle) != NULL`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || cscan::contains(haystack, needle)
}

/// `strtoull(s, &s, 10)`: the value, or 0 with `s` left as it was when no digits follow.
fn strtoull(s: &mut &[u8]) -> u64 {
    let mut rest = *s;
    match scanf_number(&mut rest, 10, false) {
        Some(value) => {
            *s = rest;
            value
        }
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes down what a parser delivers: `[Title]` (`[6:Title]` for an IPv6 title) and `name=value`.
    #[derive(Default)]
    struct Record(Vec<String>);

    impl Counters for Record {
        fn section(&mut self, titles: Titles, title: &[u8]) {
            let six = if titles == Titles::Ipv6 { "6:" } else { "" };
            self.0.push(format!("[{six}{}]", String::from_utf8_lossy(title)));
        }
        fn counter(&mut self, name: &[u8], value: u64) {
            self.0.push(format!("{}={value}", String::from_utf8_lossy(name)));
        }
    }

    fn pairs_of(data: &str, only: Option<&[u8]>) -> (bool, Vec<String>) {
        let mut r = Record::default();
        let ok = pairs(data.as_bytes(), only, &mut r);
        (ok, r.0)
    }

    fn snmp6_of(data: &[u8]) -> Vec<String> {
        let mut r = Record::default();
        snmp6(data, &mut r);
        r.0
    }

    fn name_values_of(data: &[u8]) -> Vec<String> {
        let mut r = Record::default();
        name_values(data, &mut r);
        r.0
    }

    #[test]
    fn pairs_match_names_to_values_in_order() {
        let (ok, r) = pairs_of("Ip: Forwarding DefaultTTL\nIp: 1 64\nTcp: MaxConn\nTcp: -1\n", None);
        assert!(ok);
        assert_eq!(r, ["[Ip]", "Forwarding=1", "DefaultTTL=64", "[Tcp]", "MaxConn=18446744073709551615"]);
    }

    #[test]
    fn pairs_split_names_at_spaces_tabs_and_newlines_only() {
        let (_, r) = pairs_of("X:\ta  b\r c\nX:  1\t2 3\n", None);
        assert_eq!(r, ["[X]", "a=1", "b\r=2", "c=3"]);
    }

    #[test]
    fn pairs_with_too_few_values_read_zeros_and_ignore_extra_values() {
        let (_, r) = pairs_of("A: x y z\nA: 5\nB: p\nB: 1 2 3\n", None);
        assert_eq!(r, ["[A]", "x=5", "y=0", "z=0", "[B]", "p=1"]);
    }

    #[test]
    fn pairs_stop_at_a_value_that_does_not_convert() {
        // strtoull leaves its pointer where it was, so every later name reads 0 from there.
        let (_, r) = pairs_of("A: a b c d\nA: 12x 7 8 9\nB: e f g\nB: - 5 6\n", None);
        assert_eq!(r, ["[A]", "a=12", "b=0", "c=0", "d=0", "[B]", "e=0", "f=0", "g=0"]);
    }

    #[test]
    fn pairs_take_signs_and_saturate() {
        let (_, r) = pairs_of("A: a b c d\nA: +5 -5 18446744073709551616 18446744073709551615\n", None);
        assert_eq!(r, ["[A]", "a=5", "b=18446744073709551611", "c=18446744073709551615", "d=18446744073709551615"]);
    }

    #[test]
    fn pairs_skip_an_empty_title_line_and_stop_at_a_missing_colon() {
        let (ok, r) = pairs_of("\nA: a\nA: 1\nB b\nB: 2\nC: c\nC: 3\n", None);
        assert!(!ok);
        assert_eq!(r, ["[A]", "a=1"]);
        let (ok, r) = pairs_of("A: a\nA 1\n", None);
        assert!(!ok);
        assert!(r.is_empty());
    }

    #[test]
    fn pairs_end_quietly_at_a_title_line_without_values() {
        let (ok, r) = pairs_of("A: a\nA: 1\nB: b", None);
        assert!(ok);
        assert_eq!(r, ["[A]", "a=1"]);
    }

    #[test]
    fn pairs_see_lines_up_to_a_nul() {
        let (ok, r) = pairs_of("A: a\0 b\nA: 1 2\n", None);
        assert!(ok);
        assert_eq!(r, ["[A]", "a=1"]);
        let (ok, _) = pairs_of("A\0: a\nA: 1\n", None);
        assert!(!ok);
    }

    #[test]
    fn pairs_filter_by_title_prefix_after_checking_the_format() {
        let (ok, r) = pairs_of("Ip: a\nIp: 1\nTcp: b\nTcp: 2\nTcpExt: c\nTcpExt: 3\nUdp: d\nUdp: 4\n", Some(b"Tcp"));
        assert!(ok);
        assert_eq!(r, ["[Tcp]", "b=2", "[TcpExt]", "c=3"]);
        let (ok, r) = pairs_of("Ip: a\nIp 1\nTcp: b\nTcp: 2\n", Some(b"Tcp"));
        assert!(!ok);
        assert!(r.is_empty());
    }

    #[test]
    fn pairs_take_lines_of_any_length() {
        let names: Vec<String> = (0..2000).map(|i| format!("n{i}")).collect();
        let values: Vec<String> = (0..2000).map(|i| i.to_string()).collect();
        let (_, r) = pairs_of(&format!("A: {}\nA: {}\n", names.join(" "), values.join(" ")), None);
        assert_eq!(r.len(), 2001);
        assert_eq!(r[2000], "n1999=1999");
    }

    #[test]
    fn snmp6_sections_start_where_the_title_is_not_in_the_name() {
        let r = snmp6_of(b"Ip6InReceives 5\nIp6InDelivers\t7\nIcmp6InMsgs 1\nUdpLite6InErrors 2\nUdp6InErrors 3\nNoSix 4\nNoSixMore 5\n");
        assert_eq!(
            r,
            [
                "[6:Ip6]", "Ip6InReceives=5", "Ip6InDelivers=7", "[6:Icmp6]", "Icmp6InMsgs=1", "[6:UdpLite6]",
                "UdpLite6InErrors=2", "[6:Udp6]", "Udp6InErrors=3", "[6:NoSix]", "NoSix=4", "NoSixMore=5"
            ]
        );
    }

    #[test]
    fn snmp6_repeats_the_last_name_and_value() {
        let r = snmp6_of(b"Ip6A 5\n\n  \nIp6B x\nIp6C\n");
        assert_eq!(r, ["[6:Ip6]", "Ip6A=5", "Ip6A=5", "Ip6A=5", "Ip6B=5", "Ip6C=5"]);
    }

    #[test]
    fn snmp6_skips_lines_before_the_first_name() {
        assert_eq!(snmp6_of(b"\n \nIp6A 1\n"), ["[6:Ip6]", "Ip6A=1"]);
    }

    #[test]
    fn snmp6_values_follow_scanf() {
        let r = snmp6_of(b"Ip6A -1\nIp6B 99999999999999999999\nIp6C +3x\nIp6D\x0c4\nIp6E\0 9\n");
        assert_eq!(r, ["[6:Ip6]", "Ip6A=18446744073709551615", "Ip6B=18446744073709551615", "Ip6C=3", "Ip6D=4", "Ip6E=4"]);
    }

    #[test]
    fn snmp6_reads_long_lines_in_1023_byte_pieces() {
        let mut data = b"Ip6A".to_vec();
        data.resize(1023, b' ');
        data.extend_from_slice(b"7\nIp6B 8\n");
        assert_eq!(snmp6_of(&data), ["[6:Ip6]", "Ip6A=0", "[6:7]", "7=0", "[6:Ip6]", "Ip6B=8"]);
    }

    #[test]
    fn name_values_are_all_in_the_sctp_section() {
        let r = name_values_of(b"SctpCurrEstab 3\nSctpX\t \t9\n\nSctpNoValue\nSctpNoValueAtEnd \n 5\nSctpBad x\n");
        assert_eq!(r, ["[Sctp]", "SctpCurrEstab=3", "SctpX=9", "=5", "SctpBad=0"]);
    }

    #[test]
    fn name_values_without_a_separator_have_no_value() {
        assert_eq!(name_values_of(b"SctpA 1\nSctpLast"), ["[Sctp]", "SctpA=1"]);
        let mut long = b"Sctp".to_vec();
        long.resize(1023, b'x');
        long.extend_from_slice(b" 5\n");
        assert_eq!(name_values_of(&long), ["[Sctp]", "=5"]);
        // A NUL ends the name, and the value is looked for after it.
        assert_eq!(name_values_of(b"SctpA\0 4\n"), ["[Sctp]", "SctpA=4"]);
    }
}
