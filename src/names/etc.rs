//! Reading /etc files the way glibc's `files` NSS backend reads them: a whole file into the
//! shared text arena, lines as `__nss_readline` hands them to the parsers, and the field
//! splitters of glibc's `files-parse.c`.

use crate::arena::MapVec;
pub use crate::cscan::is_space;
use crate::cscan::scanf_number;
use crate::procfs::{self, Path};
use rustix::io::Errno;

/// Appends the whole of /etc/`name` to `text`; returns where it starts, or why the file
/// could not be opened, or EIO if it could not be read (a directory, say).
pub fn load(text: &mut MapVec<u8>, name: &[u8]) -> Result<usize, Errno> {
    let mut path = Path::new();
    path.push(b"/etc/").push(name);
    let fd = procfs::open(&path)?;
    let start = text.len();
    text.read_to_end(&fd).map(|()| start).map_err(|_| Errno::IO)
}

/// Calls `parse(offset, line)` for every line glibc's parsers see in `text[start..]`, in
/// file order; `offset` is where the line starts in `text`.
///
/// Per physical line (up to and including `\n`, read as a C string, so cut at a NUL), glibc
/// skips lines that are blank or whose first non-blank byte is `#`, moves the line left over
/// its leading blanks with a `memmove` that copies no terminator (so a line without `\n`
/// keeps its last few bytes twice: `  a b` becomes `a bab`; done here in place, too), and
/// ends it at the first `\n`, or `#` when `comments`.
pub fn lines(text: &mut [u8], start: usize, comments: bool, parse: &mut dyn FnMut(usize, &[u8])) {
    let mut at = start;
    while at < text.len() {
        let rest = &mut text[at..];
        let physical = rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |i| i + 1);
        let next = at + physical;
        let line = &mut rest[..physical];
        let c_len = line.iter().position(|&b| b == 0).unwrap_or(physical);
        let line = &mut line[..c_len];
        let blanks = line.iter().take_while(|&&b| is_space(b)).count();
        if blanks < c_len && line[blanks] != b'#' {
            line.copy_within(blanks.., 0);
            let end = line.iter().position(|&b| b == b'\n' || (comments && b == b'#')).unwrap_or(c_len);
            parse(at, &line[..end]);
        }
        at = next;
    }
}

/// A cursor over one line's fields, as glibc's `STRING_FIELD` and `INT_FIELD` take them.
pub struct Fields<'a> {
    rest: &'a [u8],
    /// What ends a field: `b' '` for white space, of which a run counts as one separator;
    /// any other byte separates alone, and a run of it too unless it is `:`.
    pub sep: u8,
}

impl<'a> Fields<'a> {
    pub fn new(line: &'a [u8], sep: u8) -> Self {
        Fields { rest: line, sep }
    }

    fn is_sep(&self, b: u8) -> bool {
        if self.sep == b' ' {
            is_space(b)
        } else {
            b == self.sep
        }
    }

    /// `STRING_FIELD`: the bytes up to the next separator (or the end), and the separators
    /// after them.
    pub fn string(&mut self) -> &'a [u8] {
        let n = self.rest.iter().position(|&b| self.is_sep(b)).unwrap_or(self.rest.len());
        let (field, rest) = self.rest.split_at(n);
        self.rest = rest;
        self.skip();
        field
    }

    /// Skips a separator, or a run of them where they swallow; false if something else
    /// comes first.
    fn skip(&mut self) -> bool {
        let mut first = true;
        while let [b, rest @ ..] = self.rest {
            if !self.is_sep(*b) {
                return !first;
            }
            self.rest = rest;
            if self.sep == b':' {
                break;
            }
            first = false;
        }
        true
    }

    /// `INT_FIELD`: `strtoul` in base 10, or with `c_prefixes` in base 0 (`0x` hex, `0`
    /// octal), which must end at a separator or the end of the line. None (the line is
    /// invalid) without digits, with anything else after them, or for a value above 32 bits:
    /// glibc 2.36 as Debian builds it rejects those (`-1` too, which `strtoul` makes 2^64-1).
    pub fn number(&mut self, c_prefixes: bool) -> Option<u32> {
        // scanf's `%lu` converts as strtoul does, base 0 is strtoul's own.
        let value = scanf_number(&mut self.rest, if c_prefixes { 0 } else { 10 }, false)?;
        if !self.skip() {
            return None;
        }
        u32::try_from(value).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_lines(text: &[u8], comments: bool) -> Vec<(usize, Vec<u8>)> {
        let mut t = [&[b'-'; 100][..], text].concat();
        let mut got = Vec::new();
        lines(&mut t, 100, comments, &mut |at, l| got.push((at, l.to_vec())));
        got
    }

    #[test]
    fn lines_skip_blanks_and_comments_and_cut_at_hash() {
        let got = all_lines(b"a b\n\n  \t\n # c\n#d\nx#y\r\n", true);
        assert_eq!(got, vec![(100, b"a b".to_vec()), (117, b"x".to_vec())]);
        let got = all_lines(b"x#y\n", false);
        assert_eq!(got, vec![(100, b"x#y".to_vec())]);
    }

    #[test]
    fn leading_blanks_leave_a_tail_when_there_is_no_newline() {
        // getent hosts 10.1.2.3 printed `abcbc` for a last line `  10.1.2.3 abc`.
        assert_eq!(all_lines(b"  10.1.2.3 abc", true), vec![(100, b"10.1.2.3 abcbc".to_vec())]);
        // …and `abab` for `  10.1.2.3 ab<NUL>cd\n`: the NUL ends the C string.
        assert_eq!(all_lines(b"  10.1.2.3 ab\0cd\n", true), vec![(100, b"10.1.2.3 abab".to_vec())]);
        assert_eq!(all_lines(b"10.1.2.3 ab\0cd\n", true), vec![(100, b"10.1.2.3 ab".to_vec())]);
        // With a newline the tail lies after the cut.
        assert_eq!(all_lines(b"\t\ta b\n", true), vec![(100, b"a b".to_vec())]);
        assert_eq!(all_lines(b"\0a\n", true), vec![]);
    }

    #[test]
    fn fields_follow_files_parse() {
        let mut f = Fields::new(b"ssh  22//tcp\t# x", b' ');
        assert_eq!(f.string(), b"ssh");
        f.sep = b'/';
        assert_eq!(f.number(true), Some(22));
        f.sep = b' ';
        assert_eq!(f.string(), b"tcp");
        assert_eq!(f.string(), b"#");
        let mut f = Fields::new(b"a::5", b':');
        assert_eq!(f.string(), b"a");
        assert_eq!(f.string(), b"");
        assert_eq!(f.number(false), Some(5));
        assert!(f.rest.is_empty());
    }

    #[test]
    fn numbers_follow_strtoul_and_glibc_limits() {
        let num = |s: &[u8], base: u32| Fields::new(s, b':').number(base == 0);
        // Pinned with getent passwd: ` 5`, `+5`, `00005`, `-0` are accepted; `-5`, `0x5`,
        // 4294967296 and more are not; -18446744073709551615 wraps to 1.
        assert_eq!(num(b" 5:", 10), Some(5));
        assert_eq!(num(b"\t5", 10), Some(5));
        assert_eq!(num(b"+5:", 10), Some(5));
        assert_eq!(num(b"00005:", 10), Some(5));
        assert_eq!(num(b"-0:", 10), Some(0));
        assert_eq!(num(b"4294967295:", 10), Some(u32::MAX));
        assert_eq!(num(b"-18446744073709551615:", 10), Some(1));
        assert_eq!(num(b"-5:", 10), None);
        assert_eq!(num(b"0x5:", 10), None);
        assert_eq!(num(b"4294967296:", 10), None);
        assert_eq!(num(b"18446744073709551616:", 10), None);
        assert_eq!(num(b":", 10), None);
        assert_eq!(num(b"-:", 10), None);
        // Services ports use base 0 (checked with netstat: 0x1/tcp and 01001/tcp name 1 and 513).
        assert_eq!(num(b"0x1", 0), Some(1));
        assert_eq!(num(b"01001", 0), Some(513));
        assert_eq!(num(b"0x", 0), None);
        assert_eq!(num(b"09", 0), None);
    }
}
