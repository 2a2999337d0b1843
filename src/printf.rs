//! C's `printf` for the row formats net-tools writes: `%s` and `%d` with the `-` flag, a width
//! and a precision. Tables keep their formats exactly as net-tools spells them, as data, and
//! one small interpreter prints them all (smaller than hand-written padding code per column).

use crate::out::Out;

/// A row's arguments, by index: each conversion asks for text (`%s`) or a number (`%d`).
pub trait Args {
    fn text(&self, i: usize) -> &[u8];
    fn number(&self, i: usize) -> i64;
}

/// Prints `fmt`, whose conversions take arguments `pick[0]`, `pick[1]`, … of `args` (one
/// argument list serves every layout of a table). Only `%[-][width][.prec]s` and
/// `%[-][width]d` occur in our formats. `%s` text goes through `Out::safe`: it comes from /proc
/// or /etc.
pub fn printf<A: Args + ?Sized>(out: &mut Out, fmt: &[u8], args: &A, pick: &[u8]) {
    let mut pick = pick.iter();
    let mut rest = fmt;
    while let [c, after @ ..] = rest {
        rest = after;
        if *c != b'%' {
            out.byte(*c);
            continue;
        }
        let left = rest.first() == Some(&b'-');
        rest = &rest[left as usize..];
        let width = number(&mut rest);
        let precision = if rest.first() == Some(&b'.') {
            rest = &rest[1..];
            number(&mut rest)
        } else {
            usize::MAX
        };
        let number_wanted = rest.first() == Some(&b'd');
        rest = rest.get(1..).unwrap_or_default();
        let i = pick.next().map_or(usize::MAX, |&i| i as usize);
        let mut digits = itoa::Buffer::new();
        let text = if number_wanted { digits.format(args.number(i)).as_bytes() } else { args.text(i) };
        let text = &text[..text.len().min(precision)];
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

    struct Texts(&'static [&'static str]);

    impl Args for Texts {
        fn text(&self, i: usize) -> &[u8] {
            self.0.get(i).map_or(b"", |s| s.as_bytes())
        }
        fn number(&self, i: usize) -> i64 {
            self.0.get(i).and_then(|s| s.parse().ok()).unwrap_or(0)
        }
    }

    fn render(fmt: &str, args: &'static [&'static str], pick: &[u8]) -> String {
        let mut out = Box::new(Out::new());
        printf(&mut out, fmt.as_bytes(), &Texts(args), pick);
        String::from_utf8_lossy(out.pending()).into_owned()
    }

    #[test]
    fn pads_and_cuts_as_c_does() {
        assert_eq!(render("%-5s|%5s|%s\n", &["ab", "cd", "ef"], &[0, 1, 2]), "ab   |   cd|ef\n");
        assert_eq!(render("%-6.6s|%-3d|%6d|%d", &["averylongif", "7", "-42", "1234567"], &[0, 1, 2, 3]), "averyl|7  |   -42|1234567");
        assert_eq!(render("%-2d %s", &["123", "a\x1bb"], &[0, 1]), "123 a?b");
        assert_eq!(render("%s|%-3s|", &["x"], &[0]), "x|   |");
    }

    #[test]
    fn arguments_follow_the_pick_list() {
        assert_eq!(render("%s %d %s\n", &["a", "2", "c"], &[2, 1, 0]), "c 2 a\n");
    }
}
