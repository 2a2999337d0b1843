//! /proc/net/dev: interface names and counters (lib/interface.c `if_readlist_proc`, with the
//! name parsing of Debian's CVE-2025-46836 patch).

use super::list::{List, NAME_MAX};
use crate::cscan::{c_str, contains, is_space, scanf_number, skip_space};
use crate::out::err;
use crate::procfs::{self, LineBuf, Lines, Path};

/// The counters in the order of the newest file format (version 3): received bytes, packets,
/// errors, dropped, fifo, frame, compressed, multicast; sent bytes, packets, errors, dropped,
/// fifo, collisions, carrier, compressed.
pub type Counters = [u64; 16];
pub const RX_BYTES: usize = 0;
pub const RX_PACKETS: usize = 1;
pub const RX_ERRORS: usize = 2;
pub const RX_DROPPED: usize = 3;
pub const RX_FIFO: usize = 4;
pub const TX_BYTES: usize = 8;
pub const TX_PACKETS: usize = 9;
pub const TX_ERRORS: usize = 10;
pub const TX_DROPPED: usize = 11;
pub const TX_FIFO: usize = 12;

/// Which counters each format's columns fill, in column order, as a mask over the counters:
/// versions 1 (no byte counts), 2 and 3.
const V1: u16 = 0x7e3e;
const V2: u16 = 0x7f3f;
const V3: u16 = 0xffff;

/// net-tools reads the file with `fgets` into 512 bytes.
const LINE_MAX: usize = 511;

/// Adds every interface of /proc/net/dev to `list` with its counters. Returns false, after
/// net-tools' warning, when the file cannot be opened.
pub fn read(proc_root: &[u8], list: &mut List, buf: &mut LineBuf) -> bool {
    let fd = match procfs::open(&Path::proc(proc_root, b"net/dev")) {
        Ok(fd) => fd,
        Err(e) => {
            err(t!("Warning: cannot open /proc/net/dev (%s). Limited output.\n"), &[crate::errno::text(e)]);
            return false;
        }
    };
    let mut lines = Lines::with_limit(fd, buf, LINE_MAX);
    // The format shows in the second header line.
    let mut columns = V1;
    for _ in 0..2 {
        if let Some(header) = lines.next_raw() {
            columns = format_columns(c_str(header));
        }
    }
    while let Some(line) = lines.next_raw() {
        let (name, rest) = split_name(c_str(line));
        if let Some(iface) = list.add(name) {
            parse_counters(columns, rest, iface.counters.get_or_insert([0; 16]));
        }
    }
    true
}

fn format_columns(header: &[u8]) -> u16 {
    if contains(header, b"compressed") {
        V3
    } else if contains(header, b"bytes") {
        V2
    } else {
        V1
    }
}

/// Debian's `get_name`: the name ends at white space, at a `:` or after 15 bytes. An alias
/// `name:N:` keeps its `:N`. The colon that ends the name is skipped, but not when the name
/// was cut at 15 bytes (so such lines read no counters). Returns the name and what follows.
fn split_name(mut line: &[u8]) -> (&[u8], &[u8]) {
    skip_space(&mut line);
    let mut len = 0;
    let mut colon = 0;
    while let Some(&c) = line.get(len).filter(|&&c| !is_space(c) && len < NAME_MAX) {
        if c == b':' {
            let after = line.get(len + 1..).unwrap_or_default();
            let digits = after.iter().take_while(|b| b.is_ascii_digit()).count();
            colon = 1;
            if after.get(digits) == Some(&b':') {
                // An alias: the colon and as many digits as fit belong to the name.
                len = (len + 1 + digits).min(NAME_MAX);
                colon = (line.get(len) == Some(&b':')) as usize;
            }
            break;
        }
        len += 1;
    }
    let (name, rest) = line.split_at(len.min(line.len()));
    (name, rest.get(colon..).unwrap_or_default())
}

/// The columns `sscanf` fills before the first that does not convert; the others keep their
/// values (0, or those of an earlier line with the same name). Version 1 has no byte counts.
fn parse_counters(columns: u16, mut s: &[u8], counters: &mut Counters) {
    for (i, counter) in counters.iter_mut().enumerate() {
        if columns >> i & 1 != 0 {
            match scanf_number(&mut s, 10, false) {
                Some(v) => *counter = v,
                None => break,
            }
        }
    }
    if columns == V1 {
        counters[RX_BYTES] = 0;
        counters[TX_BYTES] = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &str) -> (String, String) {
        let (n, rest) = split_name(line.as_bytes());
        (String::from_utf8_lossy(&n).into_owned(), String::from_utf8_lossy(rest).into_owned())
    }

    #[test]
    fn names_split_as_debian_parses_them() {
        // Checked against the oracle with fixture files (counters show where the rest starts).
        for (line, name, rest) in [
            ("    lo: 1 2", "lo", " 1 2"),
            ("eth0:1: 5 6", "eth0:1", " 5 6"),
            ("eth0 101 102", "eth0", " 101 102"),
            ("eth0:123 5", "eth0", "123 5"),
            ("eth0:x 5", "eth0", "x 5"),
            ("eth0:: 1", "eth0:", " 1"),
            ("eth0:1:2: 1", "eth0:1", "2: 1"),
            ("abcdefghijklmno: 1 2", "abcdefghijklmno", ": 1 2"),
            ("abcdefghijklmnopq: 1", "abcdefghijklmno", "pq: 1"),
            ("abcdefghijklm:1: 1 2", "abcdefghijklm:1", " 1 2"),
            ("abcdefghijklm:12: 1 2", "abcdefghijklm:1", "2: 1 2"),
            ("abcdefghijklmn:12: 1", "abcdefghijklmn:", "12: 1"),
            ("\n", "", ""),
            ("", "", ""),
        ] {
            assert_eq!(split(line), (name.to_string(), rest.to_string()), "{line:?}");
        }
    }

    #[test]
    fn counters_fill_the_columns_of_each_format() {
        let v3 = b" |bytes    packets errs drop fifo frame compressed multicast|bytes    packets";
        let v2 = b" |bytes    packets errs drop fifo frame|bytes    packets";
        let v1 = b" |packets errs drop fifo frame|packets errs";
        let mut c = [7; 16];
        parse_counters(format_columns(v3), b" 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n", &mut c);
        assert_eq!(c, core::array::from_fn(|i| i as u64 + 1));
        let mut c = [0; 16];
        parse_counters(format_columns(v2), b"1 2 3 4 5 6 7 8 9 10 11 12 13", &mut c);
        assert_eq!(c, [1, 2, 3, 4, 5, 6, 0, 0, 7, 8, 9, 10, 11, 12, 13, 0]);
        let mut c = [9; 16];
        parse_counters(format_columns(v1), b"1 2 3 4 5 6 7 8 9 10 11", &mut c);
        assert_eq!(c, [0, 1, 2, 3, 4, 5, 9, 9, 0, 6, 7, 8, 9, 10, 11, 9]);
        // Stops at the first column that does not convert; signs and overflow as strtoull.
        let mut c = [0; 16];
        parse_counters(format_columns(v3), b" -1 99999999999999999999 +7 0x10 010", &mut c);
        assert_eq!(c[..6], [u64::MAX, u64::MAX, 7, 0, 0, 0]);
    }
}
