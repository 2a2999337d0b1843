//! `-g`: multicast group memberships from /proc/net/igmp and /proc/net/igmp6 (net-tools'
//! `igmp_do_one`). One parser reads both files, and its state carries over from the first file
//! to the second, as net-tools' static variables do; each listing starts afresh (decisions.md:
//! under `-c` every listing prints what the first one does).

use crate::addr::{hex_u32, Text};
use crate::cscan::{c_str, contains, scanf_chars, scanf_number, scanf_number_width, scanf_set, scanf_word};
use crate::cscan::skip_space;
use crate::names::Names;
use crate::out::{err, Out};
use crate::procfs::{self, Lines, Path};
use crate::sockets::{missing_file, Ctx};

pub fn print(ctx: &mut Ctx) -> i32 {
    ctx.out.str(concat!(
        "IPv6/IPv4 Group Memberships\n",
        "Interface       RefCnt Group\n",
        "--------------- ------ ---------------------\n"
    ));
    let mut parser = Parser { ipv6: false, indexed: false, device: [0; 16] };
    let mut status = 0;
    let f = &ctx.opts.families;
    for (wanted, file) in [(f.inet > 0, &b"net/igmp"[..]), (f.inet6 > 0, b"net/igmp6")] {
        if !wanted {
            continue;
        }
        match procfs::open(&Path::proc(ctx.env.proc_root, file)) {
            Ok(fd) => parser.file(ctx, fd),
            // A missing igmp6 is silent.
            Err(e) if file == b"net/igmp" => {
                status = missing_file(ctx, b"AF INET (igmp)", e, b"/proc/net/igmp");
                if status == 255 {
                    return status;
                }
            }
            Err(_) => {}
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
        let mut t = Text::new();
        let users = if self.ipv6 {
            let Some((addr, users)) = self.ipv6_group(line) else { return bogus(b"igmp6", number) };
            names.inet6_host(&mut t, addr, numeric);
            users
        } else if line.first() != Some(&b'\t') {
            if !self.ipv4_device(line) {
                bogus(b"igmp", number);
            }
            return;
        } else {
            let Some((addr, users)) = ipv4_group(line) else { return bogus(b"igmp", number) };
            names.inet_host(&mut t, addr, numeric);
            users
        };
        out.safe_left(c_str(&self.device), 15);
        out.byte(b' ');
        out.num_left(users as i64, 6);
        out.byte(b' ');
        out.bytes(&t);
        out.byte(b'\n');
    }

    /// `%d %15s %64[0-9A-Fa-f] %d`: index, device, address in hex, users. The device is kept
    /// even when a later field is missing.
    fn ipv6_group(&mut self, mut s: &[u8]) -> Option<([u8; 16], i32)> {
        scanf_number(&mut s, 10, true)?;
        let dev = scanf_word(&mut s, 15)?;
        self.device[..dev.len()].copy_from_slice(dev);
        self.device[dev.len()] = 0;
        skip_space(&mut s);
        let mut hex = scanf_set(&mut s, 64, u8::is_ascii_hexdigit)?;
        let users = scanf_number(&mut s, 10, true)? as i32;
        // Four `%08X` words in network order; words the digits do not reach stay 0 (net-tools
        // leaves them uninitialised).
        let mut addr = [0; 16];
        for word in addr.chunks_mut(4) {
            let Some(w) = scanf_number_width(&mut hex, 16, 8) else { break };
            word.copy_from_slice(&(w as u32).to_be_bytes());
        }
        Some((addr, users))
    }

    /// A device line of /proc/net/igmp, `%d\t%15c` or `%15c`: exactly 15 characters (fewer
    /// at the end of the line, newline included) cut at their last `:`.
    fn ipv4_device(&mut self, mut s: &[u8]) -> bool {
        if self.indexed {
            if scanf_number(&mut s, 10, true).is_none() {
                return false;
            }
            skip_space(&mut s);
        }
        let Some(chars) = scanf_chars(&mut s, 15) else { return false };
        self.device[..chars.len()].copy_from_slice(chars);
        let name = c_str(&self.device);
        if let Some(colon) = name.iter().rposition(|&b| b == b':') {
            self.device[colon] = 0;
        }
        true
    }
}

/// A group line of /proc/net/igmp, `\t%8[0-9A-Fa-f] %d`: the group as the kernel's `%08X` of
/// the address in memory order, and its users.
fn ipv4_group(mut s: &[u8]) -> Option<([u8; 4], i32)> {
    skip_space(&mut s);
    let hex = scanf_set(&mut s, 8, u8::is_ascii_hexdigit)?;
    let users = scanf_number(&mut s, 10, true)? as i32;
    Some((hex_u32(hex)?.to_le_bytes(), users))
}

fn bogus(file: &[u8], number: u32) {
    let mut n = itoa::Buffer::new();
    err(&[b"warning, got bogus ", file, b" line ", n.format(number as u64).as_bytes(), b".\n"]);
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
