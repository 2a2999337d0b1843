//! /proc/net/if_inet6: the IPv6 addresses of the `-e` blocks. net-tools reads it with one
//! `fscanf` per record over the whole stream, so a malformed record shifts the fields of the
//! next ones and fields it does not reach keep the previous record's values; this reader works
//! the same way on the file's text.

use crate::addr::hex_u32;
use crate::arena::MapVec;
use crate::cscan::{scanf_number_width, scanf_word, skip_space};
use crate::procfs::{self, Path};

/// Appends the whole file to `text` (nothing if it cannot be read: then no interface shows
/// IPv6 addresses).
pub fn read(proc_root: &[u8], text: &mut MapVec<u8>) {
    if let Ok(fd) = procfs::open(&Path::proc(proc_root, b"net/if_inet6")) {
        // A read error keeps what came before it, as the end of fscanf's stream.
        let _ = text.read_to_end(&fd);
    }
}

/// The records, as the fscanf loop `"%4s"×8 " %08x %02x %02x %02x %20s\n"` sees them.
pub struct Records<'a> {
    rest: &'a [u8],
    /// The address its eight 4-digit groups make, and which of them are not hex.
    addr: [u8; 16],
    not_hex: u8,
    /// The interface index, prefix length, scope and flags.
    numbers: [i32; 4],
    dev: &'a [u8],
}

impl<'a> Records<'a> {
    pub fn new(text: &'a [u8]) -> Self {
        Records { rest: text, addr: [0; 16], not_hex: 0, numbers: [0; 4], dev: b"" }
    }

    /// Reads the next record (one fscanf call); false at the end of the file.
    pub fn next(&mut self) -> bool {
        let s = &mut self.rest;
        for i in 0..8 {
            let Some(word) = scanf_word(s, 4) else { return i > 0 };
            match hex_u32(word) {
                Some(g) => {
                    self.addr[2 * i] = (g >> 8) as u8;
                    self.addr[2 * i + 1] = g as u8;
                    self.not_hex &= !(1 << i);
                }
                None => self.not_hex |= 1 << i,
            }
        }
        for (i, n) in self.numbers.iter_mut().enumerate() {
            let width = if i == 0 { 8 } else { 2 };
            let Some(v) = scanf_number_width(s, 16, width) else { return true };
            *n = v as i32;
        }
        if let Some(dev) = scanf_word(s, 20) {
            self.dev = dev;
            skip_space(s);
        }
        true
    }

    pub fn prefix_len(&self) -> i32 {
        self.numbers[1]
    }

    pub fn scope(&self) -> i32 {
        self.numbers[2]
    }

    pub fn dev(&self) -> &[u8] {
        self.dev
    }

    /// The address, if its groups make one (net-tools' `inet_pton` of them joined by `:`).
    pub fn addr(&self) -> Option<[u8; 16]> {
        (self.not_hex == 0).then_some(self.addr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<(String, Option<[u8; 16]>, i32, i32)> {
        let mut r = Records::new(text.as_bytes());
        let mut v = Vec::new();
        while r.next() {
            v.push((String::from_utf8_lossy(r.dev()).into_owned(), r.addr(), r.prefix_len(), r.scope()));
        }
        v
    }

    #[test]
    fn records_read_as_fscanf_reads_them() {
        let lo: [u8; 16] = core::array::from_fn(|i| (i == 15) as u8);
        let text = "00000000000000000000000000000001 01 80 10 80       lo\n\
                    fe800000000000000000000000000001 03 40 20 80 abcdefghijklmno\n";
        let got = all(text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], ("lo".into(), Some(lo), 0x80, 0x10));
        assert_eq!(got[1].0, "abcdefghijklmno");
        assert_eq!((got[1].2, got[1].3), (0x40, 0x20));
        // A field that does not convert ends the record; the next one starts there, and the
        // fields not reached keep their values.
        let got = all("fe80000000000000000000000000000z 01 40 20 80 v0\n00000000000000000000000000000001 zz 41 21 81 lo\n");
        assert_eq!(got.len(), 3);
        assert_eq!(got[0], ("v0".into(), None, 0x40, 0x20));
        assert_eq!(got[1], ("v0".into(), Some(lo), 0x40, 0x20));
        assert_eq!(got[2], ("v0".into(), None, 0x40, 0x20));
        assert!(all("").is_empty() && all(" \n ").is_empty());
    }
}
