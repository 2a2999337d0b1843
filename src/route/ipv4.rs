//! The IPv4 FIB from /proc/net/route (behaviour spec §5.2), and what the IPv4 cache shares
//! with it: the `ext` layouts, address naming and the hex address form.

use super::scan::{columns, scan, Conv, Value};
use super::{flag_letters, open_table, Ctx};
use crate::addr::{self, Text};
use crate::printf::printf;
use crate::procfs::{LineBuf, Lines};

const RTF_UP: u32 = 0x1;
const RTF_HOST: u32 = 0x4;
const RTF_REJECT: u32 = 0x200;

/// net-tools reads a header with `fgets(buf, 511, f)` and rows with `fgets(buf, 1023, f)`.
pub const HEADER_LIMIT: usize = 510;
pub const ROW_LIMIT: usize = 1022;

/// The header after the three address columns, by `ext` 1, 2, 3 (the cache adds to 3's).
pub const HEADER_TAILS: [&str; 3] = [
    "Flags Metric Ref    Use Iface",
    "Flags   MSS Window  irtt Iface",
    "Flags Metric Ref    Use Iface    MSS   Window irtt",
];

/// The columns of /proc/net/route and rt_cache as net-tools scans them (the cache has
/// `Source` for `Mask` and four more). As in net-tools, the resolved address cells are
/// written back over the scanned text, and rows print from there; `LETTERS` holds the flags.
pub const IFACE: u8 = 0;
pub const DESTINATION: u8 = 1;
pub const GATEWAY: u8 = 2;
pub const FLAGS: u8 = 3;
const REF: u8 = 4;
const USE: u8 = 5;
const METRIC: u8 = 6;
pub const MASK: u8 = 7;
const MSS: u8 = 8;
const WINDOW: u8 = 9;
const IRTT: u8 = 10;
pub const SPECDST: u8 = 14;
pub const LETTERS: u8 = 15;
pub const COLUMNS: usize = 16;

/// The conversions of the columns, the same for the FIB and the cache.
const CONVS: [Conv; 15] = [
    Conv::Str(15), Conv::Str(127), Conv::Str(127), Conv::Hex(0), Conv::Dec, Conv::Dec, Conv::Dec,
    Conv::Str(127), Conv::Dec, Conv::Dec, Conv::Dec,
    Conv::Dec, Conv::Dec, Conv::Dec, Conv::Str(127),
];

/// A row layout: the C format and the columns it prints, in order.
pub type Layout = (&'static [u8], &'static [u8]);

/// The `ext` 1 and 2 row formats, which the cache shares.
pub const METRIC_ROW: &[u8] = b"%-15s %-15s %-15s %-5s %-6d %-2d %7d %s\n";
pub const MSS_ROW: &[u8] = b"%-15s %-15s %-15s %-5s %5d %-5d %6d %s\n";
/// The `ext` 3 columns after the address cells.
pub const EXT3_COLUMNS: [u8; 8] = [LETTERS, METRIC, REF, USE, IFACE, MSS, WINDOW, IRTT];

/// What differs between /proc/net/route and the rt_cache formats.
pub struct Table {
    /// The address columns of the column header.
    pub addresses: &'static str,
    /// What the `ext` 3 column header adds.
    pub ext3_header: &'static str,
    /// The columns net-tools wants from the file, in order.
    pub names: &'static [u8],
    /// The file, as warnings name it.
    pub file: &'static [u8],
    /// A line with fewer columns is skipped.
    pub min_columns: usize,
    /// Rows by `ext` 1, 2, 3.
    pub rows: [Layout; 3],
    /// Flag letters, as `flag_letters` reads them.
    pub letters: &'static [u8],
    /// Names a row's addresses into their columns, with the addresses parsed from earlier
    /// rows; false skips the row.
    pub cells: fn(&mut Ctx, &mut [Value; COLUMNS], &mut [[u8; 4]; 3]) -> bool,
}

const FIB: Table = Table {
    addresses: "Destination     Gateway         Genmask         ",
    ext3_header: "",
    names: b"Iface Destination Gateway Flags RefCnt Use Metric Mask MTU Window IRTT",
    file: b"/proc/net/route",
    min_columns: 10,
    rows: [
        (METRIC_ROW, &[DESTINATION, GATEWAY, MASK, LETTERS, METRIC, REF, USE, IFACE]),
        (MSS_ROW, &[DESTINATION, GATEWAY, MASK, LETTERS, MSS, WINDOW, IRTT, IFACE]),
        (
            b"%-15s %-15s %-15s %-5s %-6d %-3d %6d %-6.6s   %-5d %-6d %d\n",
            &[DESTINATION, GATEWAY, MASK, LETTERS, METRIC, REF, USE, IFACE, MSS, WINDOW, IRTT],
        ),
    ],
    // `!` (reject) replaces the letters before it.
    letters: b"U=1 G=2 !=200 H=4 R=8 D=10 M=20 d=10000 a=20000 c=40000 o=200000 e=400000 \
               c=1000000 f=2000000 p=4000000 l=80000000 u=40 w=80 i=100 n=400",
    cells: fib_cells,
};

/// The FIB's rows for reject routes (RTF_REJECT): no gateway, reference count or interface.
const REJECT_ROWS: [Layout; 3] = [
    (b"%-15s -               %-15s %-5s %-6d -  %7d -\n", &[DESTINATION, MASK, LETTERS, METRIC, USE]),
    (b"%-15s -               %-15s %-5s     - -          - -\n", &[DESTINATION, MASK, LETTERS]),
    (b"%-15s -               %-15s %-5s %-6d -  %7d -        -     -      -\n", &[DESTINATION, MASK, LETTERS, METRIC, USE]),
];

/// The netmask net-tools passes for gateways and cache addresses: 0xffffff00 in host order,
/// compared with a network-order address, so only the first octet counts as host bits.
pub const SOCKET_MASK: [u8; 4] = [0, 255, 255, 255];

/// net-tools' `INET_getsock`: the first 8 characters as a /proc hex address; None (the
/// caller keeps the previous address, as net-tools does) when they are not hex.
pub fn hex_address(s: &[u8]) -> Option<[u8; 4]> {
    addr::ipv4_from_proc_hex(s.get(..8)?)
}

/// What net-tools' `INET_rresolve` prints for an address when names are wanted.
#[derive(Debug, PartialEq)]
enum Naming {
    Literal(&'static [u8]),
    /// `gethostbyaddr`.
    Host,
    /// `getnetbyaddr` (/etc/networks).
    Network,
}

/// `default` for 0.0.0.0/0 and `0.0.0.0` under any other mask; else a host name when `host`
/// is forced or the address has bits outside `mask`, a network name otherwise.
fn naming(a: [u8; 4], mask: [u8; 4], host: bool) -> Naming {
    if a == [0; 4] {
        Naming::Literal(if mask == [0; 4] { b"default" } else { b"0.0.0.0" })
    } else if host || a.iter().zip(mask).any(|(a, m)| a & !m != 0) {
        Naming::Host
    } else {
        Naming::Network
    }
}

/// `INET_rresolve` for the route tables: the dotted quad with `-n`, else as `naming` says.
pub fn inet_name(ctx: &mut Ctx, t: &mut Text, a: [u8; 4], mask: [u8; 4], host: bool) {
    if ctx.numeric {
        return addr::fmt_ipv4(t, a);
    }
    match naming(a, mask, host) {
        Naming::Literal(text) => return addr::push(t, text),
        Naming::Host => ctx.names.inet_name(t, a, true),
        Naming::Network => ctx.names.inet_name(t, a, false),
    }
    ctx.looked_up = true;
}

/// Prints the FIB, or with `cache` the cache; the cache's header line says which format
/// it has. Returns 1 when the file is missing, and for the FIB when it is empty or lacks a
/// column.
pub fn print(ctx: &mut Ctx, buf: &mut LineBuf, cache: bool) -> i32 {
    let (file, title) = if cache {
        (&b"net/rt_cache"[..], "Kernel IP routing cache\n")
    } else {
        (&b"net/route"[..], "Kernel IP routing table\n")
    };
    let Some(fd) = open_table(ctx, file, b"INET (IPv4)") else { return 1 };
    let mut lines = Lines::with_limit(fd, buf, HEADER_LIMIT);
    let mut header_copy = [0u8; HEADER_LIMIT];
    let header_line = lines.next_line().map(|h| {
        let n = h.len().min(HEADER_LIMIT);
        header_copy[..n].copy_from_slice(&h[..n]);
        &header_copy[..n]
    });
    ctx.out.str(title);
    let table = if cache {
        match super::cache::format(ctx, header_line, lines.error) {
            Ok(table) => table,
            Err(status) => return status,
        }
    } else {
        &FIB
    };
    header(ctx, table.addresses, table.ext3_header);
    let Some(plan) = header_line.and_then(|h| columns(h, table.names, &CONVS, table.file)) else {
        // The cache goes on (net-tools would crash on the first row; there is none here).
        return !cache as i32;
    };
    lines.limit = ROW_LIMIT;
    let mut v = [Value::EMPTY; COLUMNS];
    let mut parsed = [[0u8; 4]; 3];
    while let Some(line) = lines.next_line() {
        if scan(line, &plan, &CONVS, &mut v) < table.min_columns || !(table.cells)(ctx, &mut v, &mut parsed) {
            continue;
        }
        let flags = v[FLAGS as usize].num;
        let mut letters = Text::new();
        flag_letters(&mut letters, flags, table.letters, true);
        v[LETTERS as usize].set_text(&letters);
        let rows = if !cache && flags & RTF_REJECT != 0 { &REJECT_ROWS } else { &table.rows };
        if let Some(&(fmt, pick)) = rows.get(ctx.ext.wrapping_sub(1)) {
            printf(ctx.out, fmt, &v[..], pick);
        }
    }
    0
}

/// Prints the column header for `ext`: the address columns, the numbers, then `ext3` for
/// `ext` 3.
pub fn header(ctx: &mut Ctx, addresses: &str, ext3: &str) {
    if let Some(tail) = HEADER_TAILS.get(ctx.ext.wrapping_sub(1)) {
        for part in [addresses, tail, if ctx.ext == 3 { ext3 } else { "" }, "\n"] {
            ctx.out.str(part);
        }
    }
}

/// The FIB's cells: the destination named under its mask (a host if RTF_HOST), the gateway
/// as a host, the mask as numbers; all cut to 15 bytes. Only routes that are up show. An
/// address that fails to parse keeps the previous row's value, as net-tools' do.
fn fib_cells(ctx: &mut Ctx, v: &mut [Value; COLUMNS], parsed: &mut [[u8; 4]; 3]) -> bool {
    let flags = v[FLAGS as usize].num;
    if flags & RTF_UP == 0 {
        return false;
    }
    let columns = [DESTINATION, GATEWAY, MASK].map(usize::from);
    for (a, column) in parsed.iter_mut().zip(columns) {
        if let Some(p) = hex_address(v[column].text()) {
            *a = p;
        }
    }
    let [dest, gateway, mask] = *parsed;
    let mut cells = [Text::new(), Text::new(), Text::new()];
    inet_name(ctx, &mut cells[0], dest, mask, flags & RTF_HOST != 0);
    inet_name(ctx, &mut cells[1], gateway, SOCKET_MASK, true);
    addr::fmt_ipv4(&mut cells[2], mask);
    for (cell, column) in cells.iter().zip(columns) {
        v[column].set_text(&cell[..cell.len().min(15)]);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_addresses_are_named_as_net_tools_decides() {
        let ones = [255; 4];
        assert_eq!(naming([0; 4], [0; 4], false), Naming::Literal(b"default"));
        assert_eq!(naming([0; 4], [128, 0, 0, 0], false), Naming::Literal(b"0.0.0.0"));
        assert_eq!(naming([0; 4], SOCKET_MASK, true), Naming::Literal(b"0.0.0.0"));
        assert_eq!(naming([10, 0, 0, 0], [255, 0, 0, 0], false), Naming::Network);
        assert_eq!(naming([10, 0, 0, 1], [255, 0, 0, 0], false), Naming::Host);
        assert_eq!(naming([10, 0, 0, 0], [255, 0, 0, 0], true), Naming::Host);
        assert_eq!(naming([10, 0, 0, 5], ones, false), Naming::Network);
        // The cache's mask: only a non-zero first octet makes a host.
        assert_eq!(naming([10, 1, 2, 3], SOCKET_MASK, false), Naming::Host);
        assert_eq!(naming([0, 1, 2, 3], SOCKET_MASK, false), Naming::Network);
    }

    #[test]
    fn hex_addresses_take_eight_digits() {
        assert_eq!(hex_address(b"0100007F"), Some([127, 0, 0, 1]));
        assert_eq!(hex_address(b"0100007Fxyz"), Some([127, 0, 0, 1]));
        assert_eq!(hex_address(b"0100007"), None);
        assert_eq!(hex_address(b"0100007G"), None);
        assert_eq!(hex_address(b"0.0.0.0"), None);
    }
}
