//! The UNIX domain socket table from /proc/net/unix (behaviour spec §3 and §4.10).

use crate::text::Packed;
use crate::printf::{name, printf, Arg};
use crate::procfs::Lines;
use crate::scan::{self, Val};
use crate::sockets::{self, Ctx};

/// `SO_ACCEPTCON`: the socket listens.
const ACCEPTING: u64 = 1 << 16;

/// The Flags cell by the flag bits `SO_ACCEPTCON`, `SO_WAITDATA` and `SO_NOSPACE` (bits 16 to
/// 18) as a number.
const FLAG_MARKS: &[u8] = b"[ ]|[ ACC ]|[ W ]|[ ACC W ]|[ N ]|[ ACC N ]|[ W N ]|[ ACC W N ]";

/// Socket types from 1 (`SOCK_STREAM`).
const TYPES: &[u8] = b"STREAM|DGRAM|RAW|RDM|SEQPACKET";

/// Socket states from 0 (`SS_FREE`); state 1 is `LISTENING` only when the socket accepts.
const STATES: &[u8] = b"FREE||CONNECTING|CONNECTED|DISCONNECTING";

/// net-tools' row; the arguments are Proto, RefCnt, Flags, Type, State, I-Node, Path and the
/// `-p` program.
const ROW: Packed = t!("%-5s %-6d %-11s %-10s %-13s %-8s %s\n");
const ROW_WITH_PROGRAM: Packed = t!("%-5s %-6d %-11s %-10s %-13s %-8s %-20s %s\n");

/// One line of /proc/net/unix, as net-tools' `sscanf` reads it: the values of
/// `%p: %lX %lX %lX %X %X %lu %s` (the inode is 0 when the line stops before it, where
/// net-tools reads an unset variable), or None for fewer than the six fields up to St.
fn parse(line: &[u8]) -> Option<[Val<'_>; 8]> {
    let mut v = [Val::Num(0); 8];
    (scan::sscanf(line, b"%p: %lX %lX %lX %X %X %lu %s", &mut v) >= 6).then_some(v)
}

/// Does a socket with these flags and state listen?
fn listening(flags: u64, state: i32) -> bool {
    state == 1 && flags & ACCEPTING != 0
}

/// The Flags, Type and State cells.
fn cells(flags: u64, kind: i32, state: i32) -> [&'static [u8]; 3] {
    let marks = name(FLAG_MARKS, (flags >> 16 & 7) as usize).unwrap_or_default();
    let kind = name(TYPES, (kind as usize).wrapping_sub(1));
    let state = if listening(flags, state) { Some(&b"LISTENING"[..]) } else { name(STATES, state as usize) };
    [marks, kind.unwrap_or(b"UNKNOWN"), state.unwrap_or(b"UNKNOWN")]
}

/// (One section: `_which` is 0.)
pub fn print(ctx: &mut Ctx, _which: u8) -> i32 {
    ctx.load_programs();
    ctx.out.text(t!("Active UNIX domain sockets "));
    ctx.which_sockets();
    ctx.out.text(t!("\nProto RefCnt Flags       Type       State         I-Node  "));
    if ctx.opts.programs {
        ctx.out.text(t!(" PID/Program name    "));
    }
    ctx.out.text(t!(" Path\n"));

    let fd = match ctx.open(b"net/unix") {
        Ok(fd) => fd,
        Err(e) => return sockets::missing_file(ctx, b"AF UNIX", e, b"net/unix"),
    };
    let (row, buf) = ctx.split();
    let mut lines = Lines::new(fd, buf);
    // Old kernels have no Inode column: the inode cells print `-` and the path the inode.
    let has_inode = match lines.next_line() {
        Some(header) => crate::cscan::contains(crate::cscan::c_str(header), b"Inode"),
        None => return 0,
    };
    while let Some(line) = lines.next_line() {
        let Some([_, refcnt, protocol, flags, kind, state, inode, path]) = parse(line) else {
            crate::out::err(t!("warning, got bogus %s line.\n"), &[b"unix"]);
            continue;
        };
        if !sockets::shows(row.opts, listening(flags.num(), state.int())) {
            continue;
        }
        let [marks, kind, state] = cells(flags.num(), kind.int(), state.int());
        let mut digits = itoa::Buffer::new();
        let inode_text = digits.format(inode.num()).as_bytes();
        let program = if has_inode { row.programs.lookup(inode.num()) } else { None };
        let args = [
            Arg::s(if protocol.num() == 0 { b"unix" } else { b"??" }),
            Arg::d(refcnt.num() as i64),
            Arg::s(marks),
            Arg::s(kind),
            Arg::s(state),
            Arg::s(if has_inode { inode_text } else { b"-" }),
            Arg::s(if has_inode { path.str() } else { inode_text }),
            Arg::s(program.unwrap_or(b"-")),
        ];
        let (fmt, pick): (_, &[u8]) = if row.opts.programs { (ROW_WITH_PROGRAM, &[0, 1, 2, 3, 4, 5, 7, 6]) } else { (ROW, &[]) };
        printf(row.out, fmt, &args, pick);
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell_texts(line: &str) -> (String, String, String, String, u64) {
        let v = parse(line.as_bytes()).unwrap();
        let [marks, kind, state] = cells(v[3].num(), v[4].int(), v[5].int());
        let s = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
        (s(marks), s(kind), s(state), s(v[7].str()), v[6].num())
    }

    #[test]
    fn parses_kernel_lines() {
        let c = cell_texts("0000000000000000: 00000002 00000000 00010000 0001 01 4242 /run/a.sock");
        assert_eq!(c, ("[ ACC ]".into(), "STREAM".into(), "LISTENING".into(), "/run/a.sock".into(), 4242));
        let c = cell_texts("0000000000000000: 00000003 00000000 00060000 0002 03 27");
        assert_eq!(c, ("[ W N ]".into(), "DGRAM".into(), "CONNECTED".into(), "".into(), 27));
    }

    #[test]
    fn path_stops_at_white_space() {
        let c = cell_texts("0: 1 0 0 5 1 9 @with space@nul");
        assert_eq!((c.1, c.2, c.3), ("SEQPACKET".into(), "".into(), "@with".into()));
    }

    #[test]
    fn short_and_odd_lines() {
        assert!(parse(b"0: 1 0 0 1").is_none());
        assert!(parse(b"garbage").is_none());
        assert!(parse(b"").is_none());
        let six = cell_texts("0: 1 0 0 1 1");
        assert_eq!((six.4, six.3), (0, "".into()));
        let odd = parse(b"0: ffffffffffffffff 7 70000 9 -1 1").unwrap();
        assert_eq!(odd[1].num() as i64, -1);
        assert!(!listening(odd[3].num(), odd[5].int()));
        let c = cell_texts("0: ffffffffffffffff 7 70000 9 -1 1");
        assert_eq!((c.0, c.1, c.2), ("[ ACC W N ]".into(), "UNKNOWN".into(), "UNKNOWN".into()));
        let free = cell_texts("0: 1 0 10000 0 0 1");
        assert_eq!((free.1, free.2), ("UNKNOWN".into(), "FREE".into()));
    }
}
