//! The UNIX domain socket table from /proc/net/unix (behaviour spec §3 and §4.10).

use crate::procfs::{self, Lines, Path};
use crate::scan::{self, Val};
use crate::sockets::{self, Ctx};

/// `SO_ACCEPTCON`: the socket listens.
const ACCEPTING: u64 = 1 << 16;

/// Flag bits and their marks in the Flags cell, in print order.
const FLAG_MARKS: [(u64, &str); 3] = [(ACCEPTING, "ACC "), (1 << 17, "W "), (1 << 18, "N ")];

const TYPES: [&str; 5] = ["STREAM", "DGRAM", "RAW", "RDM", "SEQPACKET"];

/// Socket states from 0 (`SS_FREE`); state 1 is `LISTENING` only when the socket accepts.
const STATES: [&str; 5] = ["FREE", "", "CONNECTING", "CONNECTED", "DISCONNECTING"];

/// One line of /proc/net/unix, as net-tools' `sscanf` reads it.
#[derive(Debug, PartialEq, Eq)]
struct UnixSocket<'a> {
    refcnt: i64,
    protocol: u64,
    flags: u64,
    kind: i32,
    state: i32,
    /// 0 when the line stops before the inode (net-tools reads an unset variable there).
    inode: u64,
    /// The path up to its first white space; empty when there is none.
    path: &'a [u8],
}

impl<'a> UnixSocket<'a> {
    /// None for lines with fewer than the six fields up to St.
    fn parse(line: &'a [u8]) -> Option<Self> {
        let mut v = [Val::Num(0); 8];
        if scan::sscanf(line, b"%p: %lX %lX %lX %X %X %lu %s", &mut v) < 6 {
            return None;
        }
        Some(UnixSocket {
            refcnt: v[1].num() as i64,
            protocol: v[2].num(),
            flags: v[3].num(),
            kind: v[4].int(),
            state: v[5].int(),
            inode: v[6].num(),
            path: v[7].str(),
        })
    }

    fn listening(&self) -> bool {
        self.state == 1 && self.flags & ACCEPTING != 0
    }

    fn kind_text(&self) -> &'static str {
        let i = (self.kind as usize).wrapping_sub(1);
        TYPES.get(i).copied().unwrap_or("UNKNOWN")
    }

    fn state_text(&self) -> &'static str {
        if self.listening() {
            return "LISTENING";
        }
        STATES.get(self.state as usize).copied().unwrap_or("UNKNOWN")
    }
}

pub fn print(ctx: &mut Ctx) -> i32 {
    ctx.out.str("Active UNIX domain sockets ");
    ctx.which_sockets();
    ctx.out.str("\nProto RefCnt Flags       Type       State         I-Node  ");
    if ctx.opts.programs {
        ctx.out.str(" PID/Program name    ");
    }
    ctx.out.str(" Path\n");

    let fd = match procfs::open(&Path::proc(ctx.env.proc_root, b"net/unix")) {
        Ok(fd) => fd,
        Err(e) => return sockets::missing_file(ctx, b"AF UNIX", e, b"/proc/net/unix"),
    };
    let (row, buf) = ctx.split();
    let (out, programs, opts) = (row.out, row.programs, row.opts);
    let mut lines = Lines::new(fd, buf);
    // Old kernels have no Inode column: the inode cells print `-` and the path the inode.
    let has_inode = match lines.next_line() {
        Some(header) => scan::c_str(header).windows(5).any(|w| w == b"Inode"),
        None => return 0,
    };
    while let Some(line) = lines.next_line() {
        let Some(s) = UnixSocket::parse(line) else {
            crate::out::err(&[b"warning, got bogus unix line.\n"]);
            continue;
        };
        if !sockets::shows(opts, s.listening()) {
            continue;
        }
        out.str(if s.protocol == 0 { "unix  " } else { "??    " });
        out.num_left(s.refcnt, 6);
        out.str(" [ ");
        let mut flags_len = 2;
        for (bit, mark) in FLAG_MARKS {
            if s.flags & bit != 0 {
                out.str(mark);
                flags_len += mark.len();
            }
        }
        out.byte(b']');
        out.spaces(11 - 1 - flags_len);
        out.byte(b' ');
        out.left(s.kind_text().as_bytes(), 10);
        out.byte(b' ');
        out.left(s.state_text().as_bytes(), 13);
        out.byte(b' ');
        let mut digits = itoa::Buffer::new();
        let inode_text = digits.format(s.inode).as_bytes();
        out.left(if has_inode { inode_text } else { b"-" }, 8);
        if opts.programs {
            out.byte(b' ');
            let program = if has_inode { programs.lookup(s.inode) } else { None };
            out.safe_left(program.unwrap_or(b"-"), 20);
        }
        out.byte(b' ');
        out.safe(if has_inode { s.path } else { inode_text });
        out.byte(b'\n');
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_kernel_lines() {
        let s = UnixSocket::parse(b"0000000000000000: 00000002 00000000 00010000 0001 01 4242 /run/a.sock").unwrap();
        assert_eq!(s, UnixSocket { refcnt: 2, protocol: 0, flags: 0x10000, kind: 1, state: 1, inode: 4242, path: b"/run/a.sock" });
        assert!(s.listening());
        assert_eq!((s.kind_text(), s.state_text()), ("STREAM", "LISTENING"));
        let s = UnixSocket::parse(b"0000000000000000: 00000003 00000000 00000000 0002 03 27").unwrap();
        assert_eq!((s.inode, s.path, s.kind_text(), s.state_text()), (27, &b""[..], "DGRAM", "CONNECTED"));
    }

    #[test]
    fn path_stops_at_white_space() {
        let s = UnixSocket::parse(b"0: 1 0 0 5 1 9 @with space@nul").unwrap();
        assert_eq!((s.path, s.kind_text(), s.state_text()), (&b"@with"[..], "SEQPACKET", ""));
    }

    #[test]
    fn short_and_odd_lines() {
        assert_eq!(UnixSocket::parse(b"0: 1 0 0 1"), None);
        assert_eq!(UnixSocket::parse(b"garbage"), None);
        assert_eq!(UnixSocket::parse(b""), None);
        let six = UnixSocket::parse(b"0: 1 0 0 1 1").unwrap();
        assert_eq!((six.inode, six.path), (0, &b""[..]));
        let odd = UnixSocket::parse(b"0: ffffffffffffffff 7 70000 9 -1 1").unwrap();
        assert_eq!((odd.refcnt, odd.kind_text(), odd.state_text()), (-1, "UNKNOWN", "UNKNOWN"));
        assert!(!odd.listening());
        let free = UnixSocket::parse(b"0: 1 0 10000 0 0 1").unwrap();
        assert_eq!((free.kind_text(), free.state_text()), ("UNKNOWN", "FREE"));
    }
}
