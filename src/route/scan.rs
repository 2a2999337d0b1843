//! How net-tools reads the route files: `sscanf` with `%Ns`, `%*s`, `%X`, `%Nx` and `%d`
//! conversions (glibc's rules for signs, `0x`, widths and overflow), and `proc_gen_fmt`, which
//! builds the conversion list from a file's header line so that unknown columns are skipped.
//!
//! Values persist across lines on purpose: a short line leaves the fields it does not reach
//! holding the previous line's values, as net-tools' variables do.

use crate::cscan::{is_space, scanf_number, skip_space};
use crate::out::err;
use crate::procfs::c_str;

/// One `scanf` conversion.
#[derive(Clone, Copy)]
pub enum Conv {
    /// `%Ns`: up to N non-space bytes.
    Str(u8),
    /// `%X` (0) or `%Nx`: hex into an `unsigned int`.
    Hex(u8),
    /// `%d`: decimal into an `int`.
    Dec,
}

/// What a conversion stored: text for `%s`, the 32 bits of the C `int` for numbers. Plain
/// bytes, so that arrays of them start as one zeroed block.
#[derive(Clone, Copy)]
pub struct Value {
    bytes: [u8; 127],
    len: u8,
    pub num: u32,
}

impl Value {
    pub const EMPTY: Value = Value { bytes: [0; 127], len: 0, num: 0 };

    pub fn text(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }

    pub fn set_text(&mut self, text: &[u8]) {
        let n = text.len().min(self.bytes.len());
        self.bytes[..n].copy_from_slice(&text[..n]);
        self.len = n as u8;
    }

    /// The number as the C `int` it was stored in.
    pub fn int(&self) -> i64 {
        self.num as i32 as i64
    }
}

impl crate::printf::Args for [Value] {
    fn text(&self, i: usize) -> &[u8] {
        self.get(i).map_or(b"", Value::text)
    }

    fn number(&self, i: usize) -> i64 {
        self.get(i).map_or(0, Value::int)
    }
}

/// A conversion list built from a header: per column, the field it fills or `SKIP` (`%*s`).
pub type Plan = heapless::Vec<u8, 128>;
pub const SKIP: u8 = u8::MAX;

struct Scanner<'a> {
    s: &'a [u8],
}

impl<'a> Scanner<'a> {
    /// `%Ns` (`width` 0: no limit); None at the end of the input.
    fn word(&mut self, width: usize) -> Option<&'a [u8]> {
        skip_space(&mut self.s);
        let limit = if width == 0 { self.s.len() } else { width.min(self.s.len()) };
        let n = self.s[..limit].iter().position(|&b| is_space(b)).unwrap_or(limit);
        let (word, rest) = self.s.split_at(n);
        self.s = rest;
        (n > 0).then_some(word)
    }

    /// `%d` (cut to `int`) or `%x` with a width (cut to `unsigned int`). The sign, a `0x` and
    /// the digits all count against the width, so the number is read from that many bytes.
    fn number(&mut self, hex: bool, width: usize) -> Option<u32> {
        skip_space(&mut self.s);
        let n = if width == 0 { self.s.len() } else { width.min(self.s.len()) };
        let mut field = &self.s[..n];
        let value = scanf_number(&mut field, if hex { 16 } else { 10 }, !hex);
        self.s = &self.s[n - field.len()..];
        value.map(|v| v as u32)
    }
}

/// `sscanf(line, format, …)` for the conversion list `plan` over the columns `convs`: stores
/// into `values` (indexed like `convs`) and returns how many were stored.
pub fn scan(line: &[u8], plan: &[u8], convs: &[Conv], values: &mut [Value]) -> usize {
    let mut scanner = Scanner { s: c_str(line) };
    let mut stored = 0;
    for &column in plan {
        let (Some(&conv), Some(value)) = (convs.get(column as usize), values.get_mut(column as usize)) else {
            // SKIP: `%*s` reads a word and stores nothing.
            if scanner.word(0).is_none() {
                break;
            }
            continue;
        };
        let ok = match conv {
            Conv::Str(width) => scanner.word(width as usize).map(|w| value.set_text(w)),
            Conv::Hex(width) => scanner.number(true, width as usize).map(|n| value.num = n),
            Conv::Dec => scanner.number(false, 0).map(|n| value.num = n),
        };
        if ok.is_none() {
            break;
        }
        stored += 1;
    }
    stored
}

/// The size of net-tools' format buffer; a header that needs more is refused.
const FORMAT_SIZE: usize = 512;

/// net-tools' `proc_gen_fmt` (with Debian's overflow check): the header is cut into words at
/// spaces, tabs, newlines and `|`; each word that is the next wanted column's name takes that
/// column, any other word is skipped. `names` lists the wanted columns, separated by spaces,
/// and `convs` their conversions; `file` names the table in warnings. None, after a warning
/// on stderr, when a column is missing or the conversion list would not fit.
pub fn columns(header: &[u8], names: &[u8], convs: &[Conv], file: &[u8]) -> Option<Plan> {
    let header = c_str(header);
    let mut names = names.split(|&b| b == b' ');
    let mut wanted = names.next();
    let (mut plan, mut format_len, mut column, mut at) = (Plan::new(), 0, 0, 0);
    while let Some(name) = wanted {
        while header.get(at).is_some_and(|&b| is_space(b) || b == b'|') {
            at += 1;
        }
        let start = at;
        while header.get(at).is_some_and(|&b| !matches!(b, b'|' | b' ' | b'\t' | b'\n')) {
            at += 1;
        }
        // At the end this is the empty word net-tools' appended space leaves.
        let word = &header[start..at];
        let matched = word == name;
        // The conversion's length in the C format: `%*s`, `%15s`, `%127s`, `%X`, `%d`.
        let len = match convs.get(column) {
            _ if !matched => 3,
            Some(Conv::Str(w)) => 3 + (*w >= 10) as usize + (*w >= 100) as usize,
            _ => 2,
        };
        let overflow = format_len + len + 1 >= FORMAT_SIZE;
        if overflow || (!matched && word.is_empty()) {
            let (what, which): (&[u8], &[u8]) = if overflow {
                (b"format buffer overflow in ", b"")
            } else {
                (b"", b" does not contain required field ")
            };
            err(&[b"warning: ", what, file, which, if overflow { b"" } else { name }, b"\n"]);
            return None;
        }
        format_len += len + 1;
        let _ = plan.push(if matched { column as u8 } else { SKIP });
        if matched {
            wanted = names.next();
            column += 1;
        }
    }
    Some(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(s: &str, hex: bool, width: usize) -> (Option<u32>, String) {
        let mut sc = Scanner { s: s.as_bytes() };
        let n = sc.number(hex, width);
        (n, String::from_utf8_lossy(sc.s).into_owned())
    }

    #[test]
    fn numbers_convert_as_glibc_sscanf() {
        // Expected values measured with glibc's sscanf on this machine.
        assert_eq!(number("0x 5", true, 0), (Some(0), " 5".into()));
        assert_eq!(number("0xg", true, 0), (Some(0), "g".into()));
        assert_eq!(number("  0x1F", true, 0), (Some(0x1f), "".into()));
        assert_eq!(number("-1", true, 0), (Some(0xffff_ffff), "".into()));
        assert_eq!(number("100000001", true, 0), (Some(1), "".into()));
        assert_eq!(number("123456789012345678901234", true, 0), (Some(0xffff_ffff), "".into()));
        assert_eq!(number("0x5", true, 2), (Some(0), "5".into()));
        assert_eq!(number("fffff", true, 2), (Some(0xff), "fff".into()));
        assert_eq!(number("ffffffff 1", true, 8), (Some(0xffff_ffff), " 1".into()));
        assert_eq!(number("+f", true, 2), (Some(0xf), "".into()));
        assert_eq!(number("99999999999", false, 0).0.map(|n| n as i32), Some(1215752191));
        assert_eq!(number("-99999999999", false, 0).0.map(|n| n as i32), Some(-1215752191));
        assert_eq!(number("99999999999999999999", false, 0).0.map(|n| n as i32), Some(-1));
        assert_eq!(number("-99999999999999999999", false, 0).0.map(|n| n as i32), Some(0));
        assert_eq!(number("0x10", false, 0), (Some(0), "x10".into()));
        for bad in ["", "  ", "-", "+ 5", "+-3", "g", "x"] {
            assert_eq!(number(bad, false, 0).0, None, "{bad:?}");
            assert_eq!(number(bad, true, 0).0, None, "{bad:?}");
        }
    }

    #[test]
    fn words_stop_at_width_and_space() {
        let mut sc = Scanner { s: b"  averylongifname0123\tx" };
        assert_eq!(sc.word(15), Some(&b"averylongifname"[..]));
        assert_eq!(sc.word(127), Some(&b"0123"[..]));
        assert_eq!(sc.word(0), Some(&b"x"[..]));
        assert_eq!(sc.word(0), None);
    }

    const NAMES: &[u8] = b"Iface Flags Use";
    const CONVS: [Conv; 3] = [Conv::Str(15), Conv::Hex(0), Conv::Dec];

    #[test]
    fn header_maps_columns_in_order() {
        let plan = columns(b"Iface\tDestination |Flags  Extra Use\tIRTT\n", NAMES, &CONVS, b"t").unwrap();
        assert_eq!(&plan[..], &[0, SKIP, 1, SKIP, 2][..]);
        // `Extra\rUse` is one word: \r separates nothing, so Use is missing.
        assert!(columns(b"Iface Flags Extra\rUse", NAMES, &CONVS, b"t").is_none());
        assert!(columns(b"Flags Iface Use", NAMES, &CONVS, b"t").is_none());
        assert!(columns(b"", NAMES, &CONVS, b"t").is_none());
        assert!(columns(b"Iface Flags U\0se Use", NAMES, &CONVS, b"t").is_none());
    }

    #[test]
    fn header_too_long_for_the_format_buffer_is_refused() {
        // Each unknown word costs `%*s ` (4 bytes); 127 fit, the 128th does not.
        let fits = "a ".repeat(124) + "Iface Flags Use";
        assert!(columns(fits.as_bytes(), NAMES, &CONVS, b"t").is_some());
        let overflows = "a ".repeat(127) + "Iface Flags Use";
        assert!(columns(overflows.as_bytes(), NAMES, &CONVS, b"t").is_none());
    }

    #[test]
    fn short_lines_keep_earlier_values() {
        let plan = [0, SKIP, 1, 2];
        let mut v = [Value::EMPTY; 3];
        assert_eq!(scan(b"eth0 x 0003 7", &plan, &CONVS, &mut v), 3);
        assert_eq!(scan(b"eth1 y 1", &plan, &CONVS, &mut v), 2);
        assert_eq!((v[0].text(), v[1].num, v[2].int()), (&b"eth1"[..], 1, 7));
        assert_eq!(scan(b"eth2 y zz 5", &plan, &CONVS, &mut v), 1);
        assert_eq!(scan(b"", &plan, &CONVS, &mut v), 0);
        assert_eq!(scan(b"eth3\0 y 1 2", &plan, &CONVS, &mut v), 1);
        assert_eq!(v[0].text(), b"eth3");
    }
}
