//! IPX, AX.25, X.25, NET/ROM and ROSE socket tables (behaviour spec §4.11 and §10.3).
//!
//! Lines are read into a C-style line buffer (`CLine`), because net-tools cuts fields at fixed
//! columns and reads past short lines into what longer lines left there, and are cut where its
//! small `fgets` buffers cut them. Then a `Layout` says which columns to cut, how to `sscanf`
//! the rest and how to print the row. Where net-tools would print a variable that the line
//! left unset (X.25 and IPX do not check what `sscanf` read), we print 0 or nothing, as
//! decided for the TCP table; state numbers outside net-tools' tables print `UNKNOWN`.

use crate::text::Packed;
use crate::addr::{self, Text};
use crate::cscan::scanf_number;
use crate::out::err;
use crate::printf::{name, printf, Arg};
use crate::procfs::Lines;
use crate::scan::{self, Val};
use crate::sockets::{self, Ctx, Row};

/// The families, by their place in `FAMILIES`.
pub const IPX: u8 = 0;
pub const AX25: u8 = 1;
pub const X25: u8 = 2;
pub const NETROM: u8 = 3;
pub const ROSE: u8 = 4;

struct Family {
    /// The file under /proc.
    file: Packed,
    /// The family in the "no support" message.
    name: Packed,
    /// The title line and the column header (without its newline).
    header: Packed,
}

const FAMILIES: [Family; 5] = [
    Family {
        file: t!("net/ipx/socket"),
        name: t!("AF IPX"),
        header: t!("Active IPX sockets\nProto Recv-Q Send-Q Local Address              Foreign Address            State"),
    },
    Family {
        file: t!("net/ax25"),
        name: t!("AF AX25"),
        header: t!("Active AX.25 sockets\nDest       Source     Device  State        Vr/Vs    Send-Q  Recv-Q"),
    },
    Family {
        file: t!("net/x25"),
        name: t!("AF X25"),
        header: t!("Active X.25 sockets\nDest         Source          Device  LCI  State        Vr/Vs  Send-Q  Recv-Q"),
    },
    Family {
        file: t!("net/nr"),
        name: t!("AF NETROM"),
        header: t!("Active NET/ROM sockets\nUser       Dest       Source     Device  State        Vr/Vs    Send-Q  Recv-Q"),
    },
    Family {
        file: t!("net/rose"),
        name: t!("AF ROSE"),
        header: t!("Active ROSE sockets\ndest_addr   dest_call  src_addr    src_call  dev   lci neigh   state"),
    },
];

/// How the lines of a family other than IPX are read and printed.
struct Layout {
    /// Fixed columns as (start, end); net-tools puts a NUL at each end. An end of 0: none.
    columns: [(u8, u8); 3],
    /// Where the rest of the line starts, and the `sscanf` format it is read with.
    rest: u8,
    scan: Packed,
    /// The `sscanf` results net-tools accepts; others print `problem` on stdout. None: X.25,
    /// which checks nothing and shows rows whose LCI (value 1) is 0 only with `-a`.
    counts: Option<[u8; 2]>,
    problem: Packed,
    /// net-tools' row format, and which argument each conversion takes: 0 to 2 are the
    /// columns, 3 to 10 the scanned values, 11 the name of the state that value `state`
    /// numbers in `states` (`|`-separated).
    row: Packed,
    pick: [u8; 9],
    state: u8,
    states: Packed,
}

const AX25_STATES: Packed = t!("LISTENING|SABM SENT|DISC SENT|ESTABLISHED|RECOVERY");
const NETROM_STATES: Packed = t!("LISTENING|CONN SENT|DISC SENT|ESTABLISHED");
const STATE: u8 = 11;
const NONE: (u8, u8) = (0, 0);

/// Destination, source, device, state, Vr/Vs, Send-Q, Recv-Q.
const AX25_ROW: Packed = t!("%-9s  %-9s  %-6s  %-11s  %03d/%03d  %-6d  %-6d\n");

/// Kernels before 2.1: a `dest_addr` header, callsigns in fixed columns.
static AX25_OLD: Layout = Layout {
    columns: [(0, 9), (10, 19), NONE],
    rest: 20,
    scan: t!("%s %d %d %d %*d %*d/%*d %*d/%*d %*d/%*d %*d/%*d %*d/%*d %*d %*d %*d %d %d %*d"),
    counts: Some([4, 6]),
    problem: t!("Problem reading data from /proc/net/ax25\n"),
    row: AX25_ROW,
    pick: [0, 1, 3, STATE, 6, 5, 7, 8, 0],
    state: 1,
    states: AX25_STATES,
};

/// Later kernels: `magic dev src dest[,digipeaters] state vs vr ...`; `ax25` finds the
/// columns, and the device is column 2.
static AX25_NEW: Layout = Layout {
    columns: [NONE; 3],
    rest: 0,
    scan: t!("%d %d %d %*d %*d %*d %*d %*d %*d %*d %*d %*d %*d %*d %*d %*d %*d %d %d %*d"),
    counts: Some([3, 5]),
    problem: t!("problem reading data from /proc/net/ax25\n"),
    row: AX25_ROW,
    pick: [0, 1, 2, STATE, 5, 4, 6, 7, 0],
    state: 0,
    states: AX25_STATES,
};

static NETROM_LAYOUT: Layout = Layout {
    columns: [(0, 9), (10, 19), (20, 29)],
    rest: 30,
    scan: t!("%s %*x/%*x %*x/%*x %d %d %d %*d %*d/%*d %*d/%*d %*d/%*d %*d/%*d %*d/%*d %*d %d %d %*d"),
    counts: Some([6, 6]),
    problem: t!("Problem reading data from /proc/net/nr\n"),
    row: t!("%-9s  %-9s  %-9s  %-6s  %-11s  %03d/%03d  %-6d  %-6d\n"),
    pick: [0, 1, 2, 3, STATE, 6, 5, 7, 8],
    state: 1,
    states: NETROM_STATES,
};

static X25_LAYOUT: Layout = Layout {
    columns: [(0, 10), (11, 20), NONE],
    rest: 22,
    scan: t!("%s %d %d %d %d %*d %*d %*d %*d %*d %*d %d %d %*d"),
    counts: None,
    problem: t!(""),
    row: t!("%-15s %-15s %-7s %-3d  %-11s  %02d/%02d  %-6d  %-6d\n"),
    pick: [0, 1, 3, 4, STATE, 7, 6, 8, 9],
    state: 2,
    states: t!("LISTENING|SABM_SENT|DISC_SENT|ESTABLISHED|RECOVERY"),
};

/// ROSE has NET/ROM's state names.
static ROSE_LAYOUT: Layout = Layout {
    columns: [NONE; 3],
    rest: 0,
    scan: t!("%s %s %s %s %s %d %d %d"),
    counts: Some([8, 8]),
    problem: t!("Problem reading data from /proc/net/rose\n"),
    row: t!("%-10s  %-9s  %-10s  %-9s %-5s %3d %5d   %s\n"),
    pick: [3, 4, 5, 6, 7, 8, 9, STATE, 0],
    state: 7,
    states: NETROM_STATES,
};

/// Prints the table of `family` (`IPX` to `ROSE`).
pub fn print(ctx: &mut Ctx, family: u8) -> i32 {
    let Some(f) = FAMILIES.get(family as usize) else { return 0 };
    let file = f.file.unpack();
    let fd = match ctx.open(&file) {
        Ok(fd) => fd,
        Err(e) => return sockets::missing_family_file(ctx, &f.name.unpack(), e, &file),
    };
    ctx.out.text(f.header);
    let ipx = family == IPX;
    if ipx && ctx.opts.extend > 1 {
        ctx.out.text(t!(" User"));
    }
    ctx.out.byte(b'\n');
    let (mut row, buf) = ctx.split();
    // IPX reads with `fgets(buf, 255, …)`, the others with 256-byte buffers.
    let limit = if ipx { 254 } else { 255 };
    let mut lines = Lines::with_limit(fd, buf, limit);
    // net-tools skips the first line (a header) unread; AX.25 tells its format by it.
    if family != AX25 {
        lines.next_line();
    }
    let mut c = CLine { buf: [0; 256], limit };
    // IPX ports keep their values when a line's port does not read (see `ipx_row`).
    let mut ports = [0u16; 2];
    let mut layout = match family {
        AX25 => &AX25_NEW,
        NETROM => &NETROM_LAYOUT,
        ROSE => &ROSE_LAYOUT,
        _ => &X25_LAYOUT, // (IPX has no layout)
    };
    // Only AX.25 looks at its first line: old kernels' `dest_addr` header tells their format.
    let mut first = family == AX25;
    while let Some(piece) = lines.next_line() {
        c.load(piece);
        if first {
            first = false;
            if piece.starts_with(b"dest_addr") {
                layout = &AX25_OLD;
                continue;
            }
        }
        if ipx {
            if ipx_row(&mut row, &c, &mut ports).is_none() {
                return 255;
            }
            continue;
        }
        show(&mut row, &mut c, layout);
    }
    0
}

/// One row: cut the columns (or for the later AX.25 format find them), read the rest, print.
fn show(row: &mut Row, c: &mut CLine, l: &Layout) {
    let mut columns = [0; 3];
    let mut rest = l.rest as usize;
    for (start, &(at, end)) in columns.iter_mut().zip(&l.columns) {
        *start = at as usize;
        if end > 0 {
            c.cut(end as usize);
        }
    }
    if core::ptr::eq(l, &AX25_NEW) {
        // `magic dev src dest[,digipeaters] ...`: cut the three words after the first.
        let mut p = c.next_space(0) + 1;
        for w in &mut columns {
            *w = p;
            p = c.next_space(p);
            c.cut(p);
            p += 1;
        }
        // Print order: destination, source, device. Digipeaters are dropped.
        columns.reverse();
        if let Some(comma) = c.at(columns[0]).iter().position(|&b| b == b',') {
            c.cut(columns[0] + comma);
        }
        rest = p;
    }
    let mut v = [Val::Num(0); 8];
    let n = scan::sscanf(c.at(rest), &l.scan.unpack(), &mut v) as u8;
    match l.counts {
        Some(counts) if !counts.contains(&n) => return row.out.text(l.problem),
        None if row.opts.all == 0 && v[1].int() == 0 => return,
        _ => {}
    }
    let states = l.states.unpack();
    let state = name(&states, v[l.state as usize].int() as usize).unwrap_or(b"UNKNOWN");
    let mut args = [Arg::s(state); 12];
    for (arg, &at) in args.iter_mut().zip(&columns) {
        *arg = Arg::s(c.at(at));
    }
    for (arg, v) in args[3..].iter_mut().zip(&v) {
        *arg = Arg { text: v.str(), num: v.int() as i64 };
    }
    printf(row.out, l.row, &args, &l.pick);
}

/// A line in a C `fgets` buffer: the text, its newline if it had one, a NUL, and after that
/// the bytes earlier lines left.
struct CLine {
    buf: [u8; 256],
    limit: usize,
}

impl CLine {
    fn load(&mut self, piece: &[u8]) {
        let n = piece.len().min(self.limit);
        self.buf[..n].copy_from_slice(&piece[..n]);
        let mut end = n;
        if n < self.limit {
            self.buf[end] = b'\n';
            end += 1;
        }
        self.buf[end] = 0;
    }

    /// The C string that starts at `at`.
    fn at(&self, at: usize) -> &[u8] {
        crate::cscan::c_str(self.buf.get(at..).unwrap_or(b""))
    }

    /// `buf[at] = 0`.
    fn cut(&mut self, at: usize) {
        if let Some(b) = self.buf.get_mut(at) {
            *b = 0;
        }
    }

    /// `while (*p != ' ') p++`, which runs over NULs; stops at the end of the buffer.
    fn next_space(&self, mut p: usize) -> usize {
        while p < self.buf.len() - 1 && self.buf[p] != b' ' {
            p += 1;
        }
        p
    }
}

/// A line of /proc/net/ipx/socket: `net:node:port` addresses (the remote one may be
/// `Not_Connected`), queues in hex, state and uid. An address without a port is an internal
/// error that ends the listing (None). net-tools reads each port as hex into a variable that
/// keeps its value when that fails, and byte-swaps it with `ntohs`.
fn ipx_row(row: &mut Row, c: &CLine, ports: &mut [u16; 2]) -> Option<()> {
    let mut v = [Val::Num(0); 6];
    scan::sscanf(c.at(0), b"%s %s %lX %lX %u %u", &mut v);
    let mut cells = [Text::new(), Text::new()];
    for (i, cell) in cells.iter_mut().enumerate() {
        let text = v[i].str();
        if i == 1 && text == b"Not_Connected" {
            addr::push(cell, b"-");
            continue;
        }
        let Some(colon) = text.iter().rposition(|&b| b == b':') else {
            let end: &[u8] = if i == 0 { b"source" } else { b"destination" };
            err(t!("netstat.c: Internal Error `ipx socket format error in %s port'.\n"), &[end]);
            return None;
        };
        if let Some(port) = scanf_number(&mut &text[colon + 1..], 16, false) {
            ports[i] = port as u16;
        }
        ports[i] = ports[i].swap_bytes();
        // At most 26 bytes: net-tools' 50-byte buffer never cuts it.
        ipx_address(cell, &text[..colon]);
        addr::push_hex(cell, ports[i] as u64, 4, true);
    }
    let mut user = Text::new();
    let extend = row.opts.extend > 1;
    if extend {
        row.names.user(&mut user, v[5].int().into(), row.opts.numeric.users);
    }
    let state: &[u8] = match v[4].num() as u32 {
        1 => b"ESTAB",
        7 => b"",
        _ => b"UNK.",
    };
    let args = [
        Arg::d(v[2].num() as i64),
        Arg::d(v[3].num() as i64),
        Arg::s(&cells[0]),
        Arg::s(&cells[1]),
        Arg::s(state),
        Arg::s(&user),
    ];
    let fmt = if extend { t!("IPX   %6d %6d %-26s %-26s %-5s %-10s\n") } else { t!("IPX   %6d %6d %-26s %-26s %-5s\n") };
    printf(row.out, fmt, &args, &[]);
    Some(())
}

/// net-tools' IPX address text for `network:node`, then `:`: the network as `%08X` (when it
/// reads as a number other than 0 and FFFFFFFF), the node as twelve hex digits (when it is
/// not all zero; a node cut short keeps the digits read so far).
fn ipx_address(t: &mut Text, text: &[u8]) {
    let mut rest = text;
    let netnum = scanf_number(&mut rest, 16, false).unwrap_or(0);
    let valid = netnum != 0 && netnum != 0xffff_ffff;
    // Only the low 32 bits of a larger network number are kept.
    let network = if valid { netnum as u32 } else { 0 };
    let mut node = 0u64;
    if let (true, [b':', digits @ ..]) = (valid, rest) {
        let digits = digits.iter().map_while(|&b| (b as char).to_digit(16));
        for (k, d) in digits.take(12).enumerate() {
            node |= (d as u64) << (44 - 4 * k);
        }
    }
    if network != 0 {
        addr::push_hex(t, network as u64, 8, true);
    }
    if node != 0 {
        if network != 0 {
            addr::push(t, b":");
        }
        addr::push_hex(t, node, 12, true);
    }
    addr::push(t, b":");
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::out::Out;

    fn ipx_text(s: &str) -> String {
        let mut t = Text::new();
        ipx_address(&mut t, s.as_bytes());
        String::from_utf8(t.to_vec()).unwrap()
    }

    #[test]
    fn ipx_addresses_print_network_and_node() {
        assert_eq!(ipx_text("0000000A:00000000000B"), "0000000A:00000000000B:");
        assert_eq!(ipx_text("0000000A"), "0000000A:");
        assert_eq!(ipx_text("0000000A:000000000000"), "0000000A:");
        assert_eq!(ipx_text("00000000:00000000000B"), ":");
        assert_eq!(ipx_text("FFFFFFFF:00000000000B"), ":");
        assert_eq!(ipx_text("1A:ABCDEFabcdef"), "0000001A:ABCDEFABCDEF:");
        // A node cut short keeps what was read, down to half a byte.
        assert_eq!(ipx_text("1:AB0"), "00000001:AB0000000000:");
        assert_eq!(ipx_text("1:ABCx"), "00000001:ABC000000000:");
        assert_eq!(ipx_text("zz"), ":");
        // Only the low 32 bits of a larger network number are kept; the node is still read.
        assert_eq!(ipx_text("100000000:000000000001"), "000000000001:");
    }

    fn shown(l: &Layout, line: &[u8], all: bool) -> Vec<u8> {
        let mut opts = crate::options::Options::new();
        opts.all = all as u32;
        let (mut out, mut names, programs) = (Out::new(), crate::names::Names::new(), crate::programs::Programs::new());
        let mut row = Row { opts: &opts, out: &mut out, names: &mut names, programs: &programs };
        let mut c = CLine { buf: [0; 256], limit: 255 };
        c.load(line);
        show(&mut row, &mut c, l);
        out.pending().to_vec()
    }

    #[test]
    fn rows_follow_their_layouts() {
        let nr = b"N0CALL    N1CALL-2  N2CALL-3  nr0  01/02 03/04  3   1   2   0   0/010 0/120 0/180   0/000 0/03  4     5     6 777";
        assert_eq!(shown(&NETROM_LAYOUT, nr, false), b"N0CALL     N1CALL-2   N2CALL-3   nr0     ESTABLISHED  002/001  5       6     \n");
        assert_eq!(shown(&NETROM_LAYOUT, b"short", false), b"Problem reading data from /proc/net/nr\n");
        let x25 = b"0123456789 9876543210 x25  001  9  -1  2  0   0   0   0   0   0     0     0 1";
        assert_eq!(shown(&X25_LAYOUT, x25, false), b"0123456789      987654321       x25     1    UNKNOWN      02/-1  0       0     \n");
        // LCI 0 shows with -a only; fields the line lacks print as 0.
        let x25 = b"0123456789 9876543210 x25  000";
        assert!(shown(&X25_LAYOUT, x25, false).is_empty());
        assert_eq!(shown(&X25_LAYOUT, x25, true), b"0123456789      987654321       x25     0    LISTENING    00/00  0       0     \n");
        let rose = b"2341234567 N0CALL-1  2342345678 N1CALL    rose0 001 00001  3";
        assert_eq!(shown(&ROSE_LAYOUT, rose, false), b"2341234567  N0CALL-1   2342345678  N1CALL    rose0   1     1   ESTABLISHED\n");
    }

    #[test]
    fn c_line_keeps_what_longer_lines_left() {
        let mut c = CLine { buf: [0; 256], limit: 255 };
        c.load(b"abcdefgh");
        c.load(b"xy");
        assert_eq!(c.at(0), b"xy\n");
        assert_eq!(c.at(4), b"efgh\n");
        c.cut(1);
        assert_eq!(c.at(0), b"x");
        assert_eq!(c.next_space(0), 255);
        c.load(&[b'z'; 300]);
        assert_eq!(c.at(0).len(), 255);
    }
}
