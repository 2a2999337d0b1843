//! `-g`: multicast group memberships from /proc/net/igmp and /proc/net/igmp6 (net-tools'
//! `igmp_do_one`). One parser reads both files, and its state carries over from the first file
//! to the second, as net-tools' static variables do; each listing starts afresh (decisions.md:
//! under `-c` every listing prints what the first one does).

use crate::addr::{hex_u32, Text};
use crate::cscan::{c_str, contains, scanf_chars, scanf_number, scanf_number_width, scanf_set, scanf_word};
use crate::cscan::skip_space;
use crate::names::Names;
use crate::out::{err, Out};
use crate::procfs::Lines;
use crate::sockets::{missing_file, Ctx};

/// (One section: `_which` is 0.)
pub fn print(ctx: &mut Ctx, _which: u8) -> i32 {
    ctx.out.text(t!("IPv6/IPv4 Group Memberships\nInterface       RefCnt Group\n\
        --------------- ------ ---------------------\n"));
    let mut parser = Parser { ipv6: false, indexed: false, device: [0; 16] };
    let mut status = 0;
    let f = &ctx.opts.families;
    let (inet, inet6) = (f.inet > 0, f.inet6 > 0);
    if inet {
        match ctx.open(b"net/igmp") {
            Ok(fd) => parser.file(ctx, fd),
            Err(e) => {
                status = missing_file(ctx, b"AF INET (igmp)", e, b"net/igmp");
                if status == 255 {
                    return status;
                }
            }
        }
    }
    if inet6 {
        // A missing igmp6 is silent.
        if let Ok(fd) = ctx.open(b"net/igmp6") {
            parser.file(ctx, fd);
        }
    }
    status
}

struct Parser {
    /// Lines are read as /proc/net/igmp6 writes them: set by a first line without `Device`.
    ipv6: bool,
    /// /proc/net/igmp's device lines start with an index (its header starts with `Idx`).
    indexed: bool,
    /// The device of the group lines that follow: a C string in 16 bytes, of which scanf
    /// overwrites only what it reads, so older bytes can show through after a short read.
    device: [u8; 16],
}

impl Parser {
    fn file(&mut self, ctx: &mut Ctx, fd: rustix::fd::OwnedFd) {
        let numeric = ctx.opts.numeric.hosts;
        let mut lines = Lines::new(fd, ctx.lines);
        let mut number = 0u32;
        while let Some(line) = lines.next_raw() {
            self.line(ctx.out, ctx.names, numeric, number, c_str(line));
            number += 1;
        }
    }

    fn line(&mut self, out: &mut Out, names: &mut Names, numeric: bool, number: u32, line: &[u8]) {
        if number == 0 {
            if contains(line, b"Device") {
                self.indexed = line.starts_with(b"Idx");
                return;
            }
            self.ipv6 = true;
        }
        let group = if self.ipv6 {
            self.ipv6_group(line)
        } else if line.first() == Some(&b'\t') {
            ipv4_group(line)
        } else if self.ipv4_device(line).is_some() {
            return;
        } else {
            None
        };
        let Some((addr, users)) = group else {
            let file = &b"igmp6"[..4 + self.ipv6 as usize];
            let mut n = itoa::Buffer::new();
            return err(t!("warning, got bogus %s line %s.\n"), &[file, n.format(number).as_bytes()]);
        };
        let mut t = Text::new();
        if self.ipv6 {
            names.inet6_host(&mut t, addr, numeric);
        } else {
            names.inet_host(&mut t, [addr[0], addr[1], addr[2], addr[3]], numeric);
        }
        out.safe_left(c_str(&self.device), 15);
        out.byte(b' ');
        out.num_left(users as i64, 6);
        out.byte(b' ');
        out.safe(&t);
        out.byte(b'\n');
    }

    /// Copies `name` over the start of the device buffer, and a NUL after it if `end`.
    fn set_device(&mut self, name: &[u8], end: bool) {
        let mut at = 0;
        for (d, &s) in self.device.iter_mut().zip(name) {
            *d = s;
            at += 1;
        }
        if let Some(nul) = self.device.get_mut(at).filter(|_| end) {
            *nul = 0;
        }
    }

    /// `%d %15s %64[0-9A-Fa-f] %d`: index, device, address in hex, users. The device is kept
    /// even when a later field is missing. The address is four `%08X` words in network order;
    /// words the digits do not reach stay 0 (net-tools leaves them uninitialised).
    fn ipv6_group(&mut self, mut s: &[u8]) -> Option<([u8; 16], i32)> {
        scanf_number(&mut s, 10, true)?;
        self.set_device(scanf_word(&mut s, 15)?, true);
        skip_space(&mut s);
        let mut hex = scanf_set(&mut s, 64, u8::is_ascii_hexdigit)?;
        let users = scanf_number(&mut s, 10, true)? as i32;
        let mut addr = [0; 16];
        for word in addr.chunks_mut(4) {
            let Some(w) = scanf_number_width(&mut hex, 16, 8) else { break };
            word.copy_from_slice(&(w as u32).to_be_bytes());
        }
        Some((addr, users))
    }

    /// A device line of /proc/net/igmp, `%d\t%15c` or `%15c`: exactly 15 characters (fewer
    /// at the end of the line, newline included) cut at their last `:`.
    fn ipv4_device(&mut self, mut s: &[u8]) -> Option<()> {
        if self.indexed {
            scanf_number(&mut s, 10, true)?;
            skip_space(&mut s);
        }
        self.set_device(scanf_chars(&mut s, 15)?, false);
        let colon = c_str(&self.device).iter().rposition(|&b| b == b':');
        if let Some(end) = colon.and_then(|at| self.device.get_mut(at)) {
            *end = 0;
        }
        Some(())
    }
}

/// A group line of /proc/net/igmp, `\t%8[0-9A-Fa-f] %d`: the group as the kernel's `%08X` of
/// the address in memory order, and its users.
fn ipv4_group(mut s: &[u8]) -> Option<([u8; 16], i32)> {
    skip_space(&mut s);
    let hex = scanf_set(&mut s, 8, u8::is_ascii_hexdigit)?;
    let users = scanf_number(&mut s, 10, true)? as i32;
    let mut addr = [0; 16];
    addr[..4].copy_from_slice(&hex_u32(hex)?.to_le_bytes());
    Some((addr, users))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(files: &[&str]) -> String {
        let mut out = Out::new();
        let mut names = Names::new();
        let mut p = Parser { ipv6: false, indexed: false, device: [0; 16] };
        for file in files {
            for (i, line) in file.split_inclusive('\n').enumerate() {
                p.line(&mut out, &mut names, true, i as u32, line.as_bytes());
            }
        }
        String::from_utf8_lossy(out.pending()).into_owned()
    }

    #[test]
    fn groups_of_both_files() {
        let igmp = "Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n\
                    1\tlo        :     1      V3\n\
                    \t\t\t\t010000E0     1 0:00000000\t\t0\n\
                    4\tabcdefghijklmno:     2      V3\n\
                    \t\t\t\tFB0000E0     1 0:00000000\t\t0\n";
        let igmp6 = "1    lo              ff020000000000000000000000000001     1 0000000C 0\n";
        assert_eq!(
            parse(&[igmp, igmp6]),
            "lo              1      224.0.0.1\n\
             abcdefghijklmno 1      224.0.0.251\n\
             lo              1      ff02::1\n"
        );
    }

    #[test]
    fn short_device_lines_keep_older_bytes() {
        // `%15c` copies the short line with its newline over the previous device name.
        let igmp = "Idx\tDevice\n1\tabcdefghij:\n2\tab\n\t010000E0 3\n";
        assert_eq!(parse(&[igmp]), "ab?defghij      3      224.0.0.1\n");
    }

    #[test]
    fn first_line_decides_the_format() {
        // An igmp file without `Device` in its first line is read as igmp6 from then on, and
        // IPv4 group lines then read as `%d %15s %64[0-9A-Fa-f] %d`.
        let igmp = "1 v0 ff020000000000000000000000000001 2\n";
        let igmp6 = "Idx Device\n\t\t010000E0     1 0:00000000\n";
        assert_eq!(parse(&[igmp, igmp6]), "v0              2      ff02::1\nE0              0      0:1::\n");
    }
}
