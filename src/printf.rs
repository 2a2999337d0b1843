//! C's `printf` for the row formats net-tools writes: `%s` and `%d` with the `-` flag, a width
//! and a precision. Tables keep their formats exactly as net-tools spells them, as data, and
//! one small interpreter prints them all (smaller than hand-written padding code per column).

use crate::out::Out;

#[derive(Clone, Copy)]
pub enum Arg<'a> {
    /// A `%s` argument; printed through `Out::safe`, since it comes from /proc or /etc.
    S(&'a [u8]),
    /// A `%d` argument.
    D(i64),
}

/// Prints `fmt` with `args` consumed in order by its conversions. Only `%[-][width][.prec]s`
/// and `%[-][width]d` occur in our formats; a missing argument prints as an empty string.
pub fn printf(out: &mut Out, fmt: &[u8], args: &[Arg]) {
    let mut args = args.iter();
    let mut rest = fmt;
    while !rest.is_empty() {
        let literal = rest.iter().position(|&b| b == b'%').unwrap_or(rest.len());
        out.bytes(&rest[..literal]);
        rest = &rest[literal..];
        if rest.is_empty() {
            break;
        }
        rest = &rest[1..];
        let left = rest.first() == Some(&b'-');
        if left {
            rest = &rest[1..];
        }
        let width = number(&mut rest);
        let precision = match rest.first() {
            Some(b'.') => {
                rest = &rest[1..];
                number(&mut rest)
            }
            _ => usize::MAX,
        };
        rest = rest.get(1..).unwrap_or(&[]); // the conversion letter
        let mut digits = itoa::Buffer::new();
        let text = match args.next() {
            Some(Arg::S(s)) => &s[..s.len().min(precision)],
            Some(Arg::D(n)) => digits.format(*n).as_bytes(),
            None => &[],
        };
        let pad = width.saturating_sub(text.len());
        if !left {
            out.spaces(pad);
        }
        out.safe(text);
        if left {
            out.spaces(pad);
        }
    }
}

/// `printf` whose conversions take `args[pick[0]]`, `args[pick[1]]`, …: one argument list
/// serves every layout of a table.
pub fn printf_picked(out: &mut Out, fmt: &[u8], args: &[Arg], pick: &[u8]) {
    let picked: heapless::Vec<Arg, 16> = pick.iter().filter_map(|&i| args.get(i as usize).copied()).collect();
    printf(out, fmt, &picked);
}

fn number(s: &mut &[u8]) -> usize {
    let mut n = 0usize;
    while let Some(&d @ b'0'..=b'9') = s.first() {
        n = n * 10 + (d - b'0') as usize;
        *s = &s[1..];
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(fmt: &str, args: &[Arg]) -> String {
        let mut out = Box::new(Out::new());
        let before = out.pending().len();
        printf(&mut out, fmt.as_bytes(), args);
        String::from_utf8_lossy(&out.pending()[before..]).into_owned()
    }

    #[test]
    fn pads_and_cuts_as_c_does() {
        assert_eq!(render("%-5s|%5s|%s\n", &[Arg::S(b"ab"), Arg::S(b"cd"), Arg::S(b"ef")]), "ab   |   cd|ef\n");
        assert_eq!(render("%-6.6s|%-3d|%6d|%d", &[Arg::S(b"averylongif"), Arg::D(7), Arg::D(-42), Arg::D(1234567)]),
                   "averyl|7  |   -42|1234567");
        assert_eq!(render("%-2d %s", &[Arg::D(123), Arg::S(b"a\x1bb")]), "123 a?b");
        assert_eq!(render("%s|%-3s|", &[Arg::S(b"x")]), "x|   |");
    }

    #[test]
    fn picked_arguments_follow_the_pick_list() {
        let mut out = Box::new(Out::new());
        printf_picked(&mut out, b"%s %d %s\n", &[Arg::S(b"a"), Arg::D(2), Arg::S(b"c")], &[2, 1, 0]);
        assert_eq!(out.pending(), b"c 2 a\n");
    }
}
