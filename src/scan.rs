//! C's text-to-value functions as net-tools calls them, on `cscan`'s glibc number rules: a
//! small `sscanf` that takes the very format strings net-tools uses, `atoi`, `strtoul` and
//! `strtok`. Input stops at the first NUL, as it does for C string functions.

use crate::cscan::{c_str, scanf_number, scanf_number_width, scanf_word, skip_space, strtoul_auto};
use crate::printf::{eat, format_number};
use crate::cscan::is_space;

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

/// `sscanf(input, fmt, ...)` for the directives net-tools' formats use: white space, literal
/// characters, and `%[*][width][l]` with `d u x X p s` (`d` without a width). Converted values go to `out` in order;
/// returns the number of assignments (0 also where C returns EOF: no caller tells them apart).
pub fn sscanf<'a>(input: &'a [u8], fmt: &[u8], out: &mut [Val<'a>]) -> usize {
    let mut s = c_str(input);
    let mut f = fmt;
    let mut done = 0;
    while let [c, rest @ ..] = f {
        f = rest;
        let c = *c;
        if is_space(c) {
            skip_space(&mut s);
            continue;
        }
        if c != b'%' {
            match s {
                [b, rest @ ..] if *b == c => s = rest,
                _ => break,
            }
            continue;
        }
        let skip = eat(&mut f, b'*');
        let width = match format_number(&mut f) {
            0 => usize::MAX,
            n => n,
        };
        while eat(&mut f, b'l') {}
        let Some((&conv, rest)) = f.split_first() else { break };
        f = rest;
        let val = if conv == b's' {
            scanf_word(&mut s, width).map(Val::Str)
        } else if conv == b'd' {
            // (No `%d` of ours has a width.)
            scanf_number(&mut s, 10, true).map(Val::Num)
        } else {
            let base = if conv == b'u' { 10 } else { 16 };
            scanf_number_width(&mut s, base, width).map(Val::Num)
        };
        let Some(val) = val else { break };
        if !skip {
            if let Some(slot) = out.get_mut(done) {
                *slot = val;
            }
            done += 1;
        }
    }
    done
}

/// A `sscanf` format built by `proc_gen_fmt`, in net-tools' 512-byte buffer (one for the NUL).
pub type Format = heapless::Vec<u8, 511>;

/// net-tools' `proc_gen_fmt` (with Debian's overflow check): the header is cut into words at
/// spaces, tabs, newlines and `|`; each word that is the next wanted column's name adds that
/// column's conversion, any other word a `%*s`. `wanted` lists the columns, separated by
/// spaces, each as its name and conversion (`Iface%15s`); `file` names the table in warnings.
/// None, after a warning on stderr, when a column is missing or the format would not fit.
pub fn proc_gen_fmt(header: &[u8], wanted: &[u8], file: &[u8]) -> Option<Format> {
    let mut header = c_str(header);
    let mut format = Format::new();
    for column in crate::pack::split(wanted, b' ') {
        let (name, conversion) = column.split_at(column.iter().position(|&b| b == b'%').unwrap_or(0));
        loop {
            // White space other than the separators is skipped before a word, kept in one.
            while let [b, rest @ ..] = header {
                if !is_space(*b) && *b != b'|' {
                    break;
                }
                header = rest;
            }
            let len = header.iter().position(|b| b"| \t\n".contains(b)).unwrap_or(header.len());
            // After the last word comes the empty one net-tools' appended space leaves.
            let (word, rest) = header.split_at(len);
            header = rest;
            let matched = word == name;
            let piece: &[u8] = if matched { conversion } else { b"%*s" };
            if format.extend_from_slice(piece).is_err() || format.push(b' ').is_err() {
                crate::out::err(t!("warning: format buffer overflow in %s\n"), &[file]);
                return None;
            }
            if matched {
                break;
            }
            if word.is_empty() {
                crate::out::err(t!("warning: %s does not contain required field %s\n"), &[file, name]);
                return None;
            }
        }
    }
    Some(format)
}

/// `strtoul(s, NULL, 0)`; 0 when there is no number.
pub fn strtoul(s: &[u8]) -> u64 {
    strtoul_auto(c_str(s)).map_or(0, |(n, _)| n)
}

/// `atoi(s)`: `strtol(s, NULL, 10)` narrowed to an `int`.
pub fn atoi(s: &[u8]) -> i32 {
    scanf_number(&mut c_str(s), 10, true).unwrap_or(0) as i32
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
        let mut s = self.rest;
        while let [b, rest @ ..] = s {
            if !delims.contains(b) {
                break;
            }
            s = rest;
        }
        if s.is_empty() {
            return None;
        }
        let len = s.iter().position(|b| delims.contains(b)).unwrap_or(s.len());
        let (token, rest) = s.split_at(len);
        self.rest = rest.get(1..).unwrap_or_default();
        Some(token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unix(line: &str) -> (usize, Vec<Val<'_>>) {
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
        assert_eq!(unix("").0, 0);
        assert_eq!(unix("   ").0, 0);
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
        // Widths count the sign and a `0x`; words stop at the width and at white space.
        let mut v = [Val::Num(0); 4];
        assert_eq!(sscanf(b"0x5 fffff  averylongifname0123\tx", b"%2x%*s %2x %15s %s", &mut v), 4);
        assert_eq!(v, [Val::Num(0), Val::Num(0xff), Val::Str(b"fff"), Val::Str(b"averylongifname0123")]);
        assert_eq!(sscanf(b"  averylongifname0123\tx", b"%15s %127s %s %s", &mut v), 3);
        assert_eq!(v[..3], [Val::Str(b"averylongifname"), Val::Str(b"0123"), Val::Str(b"x")]);
        assert_eq!(sscanf(b"+f -1 99999999999", b"%2x %X %d", &mut v), 3);
        assert_eq!((v[0].num(), v[1].num() as u32, v[2].int()), (0xf, u32::MAX, 1215752191));
        for bad in ["", "  ", "-", "+ 5", "+-3", "g", "x"] {
            assert_eq!(sscanf(bad.as_bytes(), b"%d", &mut v), 0, "{bad:?}");
            assert_eq!(sscanf(bad.as_bytes(), b"%X", &mut v), 0, "{bad:?}");
        }
    }

    const WANTED: &[u8] = b"Iface%15s Flags%X Use%d";

    fn gen(header: &str) -> Option<String> {
        proc_gen_fmt(header.as_bytes(), WANTED, b"t").map(|f| String::from_utf8(f.to_vec()).unwrap())
    }

    #[test]
    fn header_maps_columns_in_order() {
        assert_eq!(gen("Iface\tDestination |Flags  Extra Use\tIRTT\n").unwrap(), "%15s %*s %X %*s %d ");
        assert_eq!(gen(" \x0b|Iface \x0bFlags X \rUse").unwrap(), "%15s %X %*s %d ");
        // `Extra\rUse` is one word: \r separates nothing, so Use is missing.
        assert!(gen("Iface Flags Extra\rUse").is_none());
        assert!(gen("Flags Iface Use").is_none());
        assert!(gen("").is_none());
        assert!(gen("Iface Flags U\0se Use").is_none());
    }

    #[test]
    fn header_too_long_for_the_format_buffer_is_refused() {
        // Each unknown word costs `%*s ` (4 bytes); 124 and the wanted ones fit, 127 do not.
        let fits = "a ".repeat(124) + "Iface Flags Use";
        assert!(gen(&fits).is_some());
        let overflows = "a ".repeat(127) + "Iface Flags Use";
        assert!(gen(&overflows).is_none());
    }

    #[test]
    fn strtoul_and_atoi_follow_glibc() {
        assert_eq!(strtoul(b"0x1A"), 26);
        assert_eq!(strtoul(b"017"), 15);
        assert_eq!(strtoul(b"019"), 1);
        assert_eq!(strtoul(b" 12"), 12);
        assert_eq!(strtoul(b"-3"), u64::MAX - 2);
        assert_eq!(strtoul(b"99999999999999999999"), u64::MAX);
        assert_eq!(strtoul(b"0xg"), 0);
        assert_eq!(strtoul(b"1\x002"), 1);
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
