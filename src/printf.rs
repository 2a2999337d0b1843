//! C's `printf` for the row formats net-tools writes. Tables keep their formats exactly as
//! net-tools spells them, as data, and this one small interpreter prints them all (smaller
//! than hand-written padding code per column).

use crate::out::Out;
use crate::text::Packed;

/// One argument: conversions take its text (`%s`) or its number (`%d`).
#[derive(Clone, Copy)]
pub struct Arg<'a> {
    pub text: &'a [u8],
    pub num: i64,
}

impl<'a> Arg<'a> {
    pub const NONE: Arg<'static> = Arg { text: b"", num: 0 };

    pub fn s(text: &'a [u8]) -> Self {
        Arg { text, num: 0 }
    }

    pub fn d(num: i64) -> Self {
        Arg { text: b"", num }
    }
}

/// Prints `fmt`, whose conversions take arguments `pick[0]`, `pick[1]`, … of `args` (one
/// argument list serves every layout of a table), or with an empty `pick` the arguments in
/// order. Only `%[-][0][width][.prec]s` and `%[-][0][width]d` occur in our formats. `%s` text
/// goes through `Out::safe`: it comes from /proc or /etc.
pub fn printf(out: &mut Out, fmt: Packed, args: &[Arg], pick: &[u8]) {
    print_format(out, &fmt.unpack(), args, pick);
}

fn print_format(out: &mut Out, fmt: &[u8], args: &[Arg], pick: &[u8]) {
    let mut f = fmt;
    let mut n = 0;
    while let [c, rest @ ..] = f {
        f = rest;
        if *c != b'%' {
            out.byte(*c);
            continue;
        }
        let left = eat(&mut f, b'-');
        let fill = if eat(&mut f, b'0') { b'0' } else { b' ' };
        let width = format_number(&mut f);
        let precision = if eat(&mut f, b'.') { format_number(&mut f) } else { usize::MAX };
        let arg = args.get(pick.get(n).map_or(n, |&i| i as usize)).copied().unwrap_or(Arg::NONE);
        n += 1;
        let mut digits = itoa::Buffer::new();
        let number = eat(&mut f, b'd');
        let text = if number { digits.format(arg.num.unsigned_abs()).as_bytes() } else { &arg.text[..arg.text.len().min(precision)] };
        let negative = number && arg.num < 0;
        if !number {
            f = f.get(1..).unwrap_or_default();
        }
        let mut pad = width.saturating_sub(negative as usize + text.len());
        if left {
            pad = 0;
        }
        // `%0Nd` puts the zeros after the sign, `%Nd` the spaces before it.
        if fill == b' ' {
            out.spaces(pad);
        }
        if negative {
            out.byte(b'-');
        }
        for _ in 0..if fill == b'0' { pad } else { 0 } {
            out.byte(b'0');
        }
        out.safe(text);
        if left {
            out.spaces(width.saturating_sub(negative as usize + text.len()));
        }
    }
}

/// Takes `c` off the start of `f`, if it is there.
pub fn eat(f: &mut &[u8], c: u8) -> bool {
    let found = f.first() == Some(&c);
    *f = &f[found as usize..];
    found
}

/// The decimal number at the start of a format's conversion (a width or a precision), taken
/// off `f`; 0 when there is none.
pub fn format_number(f: &mut &[u8]) -> usize {
    let mut n = 0;
    while let [d @ b'0'..=b'9', rest @ ..] = *f {
        n = n * 10 + (d - b'0') as usize;
        *f = rest;
    }
    n
}

/// The `i`-th of the `|`-separated names in `list`; None past its end.
pub fn name(list: &[u8], i: usize) -> Option<&[u8]> {
    crate::pack::split(list, b'|').nth(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(fmt: &str, args: &[Arg], pick: &[u8]) -> String {
        let mut out = Box::new(Out::new());
        print_format(&mut out, fmt.as_bytes(), args, pick);
        String::from_utf8_lossy(out.pending()).into_owned()
    }

    #[test]
    fn pads_and_cuts_as_c_does() {
        let s = |t: &'static str| Arg::s(t.as_bytes());
        assert_eq!(render("%-5s|%5s|%s\n", &[s("ab"), s("cd"), s("ef")], &[]), "ab   |   cd|ef\n");
        let args = [s("averylongif"), Arg::d(7), Arg::d(-42), Arg::d(1234567)];
        assert_eq!(render("%-6.6s|%-3d|%6d|%d", &args, &[]), "averyl|7  |   -42|1234567");
        assert_eq!(render("%-2d %s", &[Arg::d(123), s("a\x1bb")], &[]), "123 a?b");
        assert_eq!(render("%s|%-3s|", &[s("x")], &[]), "x|   |");
        assert_eq!(render("%03d/%03d|%02d/%02d|%03d", &[Arg::d(7), Arg::d(-1), Arg::d(-1), Arg::d(123), Arg::d(-12)], &[]), "007/-01|-1/123|-12");
    }

    #[test]
    fn names_come_from_lists() {
        assert_eq!(name(b"A||C", 0), Some(&b"A"[..]));
        assert_eq!(name(b"A||C", 1), Some(&b""[..]));
        assert_eq!(name(b"A||C", 2), Some(&b"C"[..]));
        assert_eq!(name(b"A||C", 3), None);
    }

    #[test]
    fn arguments_follow_the_pick_list() {
        let args = [Arg::s(b"a"), Arg::d(2), Arg::s(b"c")];
        assert_eq!(render("%s %d %s\n", &args, &[2, 1, 0]), "c 2 a\n");
    }
}
