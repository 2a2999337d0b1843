//! The IPv4 FIB from /proc/net/route (behaviour spec §5.2), and what the IPv4 cache shares
//! with it: the `ext` layouts, address naming and the hex address form.

use super::names_needed::RouteNames;
use super::scan::{columns, scan, Conv, Value};
use super::{flag_letters, open_table, Ctx};
use crate::addr::{self, Text};
use crate::printf::{printf_picked, Arg};
use crate::procfs::{LineBuf, Lines};

pub const RTF_UP: u32 = 0x1;
pub const RTF_HOST: u32 = 0x4;
pub const RTF_REJECT: u32 = 0x200;

/// net-tools reads a header with `fgets(buf, 511, f)` and rows with `fgets(buf, 1023, f)`.
pub const HEADER_LIMIT: usize = 510;
pub const ROW_LIMIT: usize = 1022;

/// The header after the three address columns, by `ext` 1, 2, 3 (the cache adds to 3's).
pub const HEADER_TAILS: [&str; 3] = [
    "Flags Metric Ref    Use Iface",
    "Flags   MSS Window  irtt Iface",
    "Flags Metric Ref    Use Iface    MSS   Window irtt",
];

/// A row layout: the C format and, in order, the arguments it prints from `row`'s list:
/// 0-2 the address cells, 3 the flag letters, 4 Metric, 5 Ref, 6 Use, 7 Iface, 8 MSS,
/// 9 Window, 10 irtt, 11-13 the cache's next three numbers, 14 its SpecDst cell.
pub type Layout = (&'static [u8], &'static [u8]);

/// Rows by `ext` 1, 2, 3 (the cache uses the first two too).
pub const ROWS: [Layout; 3] = [
    (b"%-15s %-15s %-15s %-5s %-6d %-2d %7d %s\n", &[0, 1, 2, 3, 4, 5, 6, 7]),
    (b"%-15s %-15s %-15s %-5s %5d %-5d %6d %s\n", &[0, 1, 2, 3, 8, 9, 10, 7]),
    (b"%-15s %-15s %-15s %-5s %-6d %-3d %6d %-6.6s   %-5d %-6d %d\n", &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
];

/// Reject routes (RTF_REJECT) print no gateway, reference count or interface.
const REJECT_ROWS: [Layout; 3] = [
    (b"%-15s -               %-15s %-5s %-6d -  %7d -\n", &[0, 2, 3, 4, 6]),
    (b"%-15s -               %-15s %-5s     - -          - -\n", &[0, 2, 3]),
    (b"%-15s -               %-15s %-5s %-6d -  %7d -        -     -      -\n", &[0, 2, 3, 4, 6]),
];

/// The columns net-tools wants from /proc/net/route, and the conversions of these and of
/// the cache's columns, which are the same up to IRTT but for `Source` in place of `Mask`.
const NAMES: &[u8] = b"Iface Destination Gateway Flags RefCnt Use Metric Mask MTU Window IRTT";
pub const CONVS: [Conv; 15] = [
    Conv::Str(15), Conv::Str(127), Conv::Str(127), Conv::Hex(0), Conv::Dec, Conv::Dec, Conv::Dec,
    Conv::Str(127), Conv::Dec, Conv::Dec, Conv::Dec,
    Conv::Dec, Conv::Dec, Conv::Dec, Conv::Str(127),
];
pub const IFACE: usize = 0;
pub const DESTINATION: usize = 1;
pub const GATEWAY: usize = 2;
pub const FLAGS: usize = 3;
const MASK: usize = 7;

/// Flag letters; `!` (reject) replaces the letters before it.
const FLAG_LETTERS: &[u8] = b"U=1 G=2 !=200 H=4 R=8 D=10 M=20 d=10000 a=20000 c=40000 o=200000 e=400000 \
                            c=1000000 f=2000000 p=4000000 l=80000000 u=40 w=80 i=100 n=400";

/// The netmask net-tools passes for gateways and cache addresses: 0xffffff00 in host order,
/// compared with a network-order address, so only the first octet counts as host bits.
pub const SOCKET_MASK: [u8; 4] = [0, 255, 255, 255];

/// net-tools' `INET_getsock`: the first 8 characters as a /proc hex address; None (the
/// caller keeps the previous address, as net-tools does) when they are not hex.
pub fn hex_address(s: &[u8]) -> Option<[u8; 4]> {
    addr::ipv4_from_proc_hex(s.get(..8)?)
}

/// net-tools' `INET_rresolve` for the route tables: numbers when asked; `default` for
/// 0.0.0.0/0 and `0.0.0.0` under any other mask; else a host name when `host` is forced or
/// the address has bits outside `mask`, a network name (/etc/networks) otherwise.
pub fn inet_name(ctx: &mut Ctx, t: &mut Text, a: [u8; 4], mask: [u8; 4], host: bool) {
    if ctx.numeric {
        addr::fmt_ipv4(t, a);
    } else if a == [0; 4] {
        addr::push(t, if mask == [0; 4] { b"default" } else { b"0.0.0.0" });
    } else {
        ctx.looked_up = true;
        if host || a.iter().zip(mask).any(|(a, m)| a & !m != 0) {
            ctx.names.inet_host_name(t, a);
        } else {
            ctx.names.inet_network_name(t, a);
        }
    }
    t.truncate(127); // net-tools' name buffer is 128 bytes
}

/// Prints the column header: the address columns, then those of `ext`, then `more`.
pub fn header(ctx: &mut Ctx, addresses: &str, more: &str) {
    if let Some(tail) = HEADER_TAILS.get(ctx.ext.wrapping_sub(1)) {
        for part in [addresses, tail, more, "\n"] {
            ctx.out.str(part);
        }
    }
}

/// Prints a row in `layout` (none for `-eee`); `v` holds the scanned columns.
pub fn row(ctx: &mut Ctx, layout: Option<&Layout>, cells: &[Text; 3], letters: &Text, v: &[Value; 15], specdst: &Text) {
    let Some(&(fmt, pick)) = layout else { return };
    let num = |i: usize| Arg::D(v[i].int());
    let args = [
        Arg::S(&cells[0]),
        Arg::S(&cells[1]),
        Arg::S(&cells[2]),
        Arg::S(letters),
        num(6),
        num(4),
        num(5),
        Arg::S(v[IFACE].text()),
        num(8),
        num(9),
        num(10),
        num(11),
        num(12),
        num(13),
        Arg::S(specdst),
    ];
    printf_picked(ctx.out, fmt, &args, pick);
}

/// Prints the FIB; 1 when the file is missing, empty or lacks a column.
#[inline(never)]
pub fn print(ctx: &mut Ctx, buf: &mut LineBuf) -> i32 {
    let Some(fd) = open_table(ctx, b"net/route", b"INET (IPv4)") else { return 1 };
    ctx.out.str("Kernel IP routing table\n");
    header(ctx, "Destination     Gateway         Genmask         ", "");
    let mut lines = Lines::with_limit(fd, buf, HEADER_LIMIT);
    let Some(plan) = lines.next_line().and_then(|h| columns(h, NAMES, &CONVS, b"/proc/net/route")) else { return 1 };
    lines.limit = ROW_LIMIT;
    let mut v = [Value::EMPTY; 15];
    // Destination, gateway and mask: one that fails to parse keeps the previous row's value.
    let mut addresses = [[0u8; 4]; 3];
    while let Some(line) = lines.next_line() {
        if scan(line, &plan, &CONVS, &mut v) < 10 || v[FLAGS].num & RTF_UP == 0 {
            continue;
        }
        for (a, column) in addresses.iter_mut().zip([DESTINATION, GATEWAY, MASK]) {
            if let Some(parsed) = hex_address(v[column].text()) {
                *a = parsed;
            }
        }
        let [dest, gateway, mask] = addresses;
        let flags = v[FLAGS].num;
        let mut cells = [Text::new(), Text::new(), Text::new()];
        inet_name(ctx, &mut cells[0], dest, mask, flags & RTF_HOST != 0);
        inet_name(ctx, &mut cells[1], gateway, SOCKET_MASK, true);
        addr::fmt_ipv4(&mut cells[2], mask);
        for cell in &mut cells {
            cell.truncate(15);
        }
        let mut letters = Text::new();
        flag_letters(&mut letters, flags, FLAG_LETTERS, true);
        let rows = if flags & RTF_REJECT != 0 { &REJECT_ROWS } else { &ROWS };
        row(ctx, rows.get(ctx.ext.wrapping_sub(1)), &cells, &letters, &v, &Text::new());
    }
    0
}
