//! The IPv4 FIB from /proc/net/route (behaviour spec §5.2), and what the IPv4 cache shares
//! with it: the `ext` layouts, address naming and the hex address form.

use crate::text::Packed;
use super::{flag_letters, open_table, print_row, scan, Ctx, Value};
use crate::addr::{self, Text};
use crate::procfs::LineBuf;
use crate::scan::proc_gen_fmt;

const RTF_UP: u32 = 0x1;
const RTF_HOST: u32 = 0x4;
const RTF_REJECT: u32 = 0x200;

/// net-tools reads a header with `fgets(buf, 511, f)` and rows with `fgets(buf, 1023, f)`.
pub const HEADER_LIMIT: usize = 510;
pub const ROW_LIMIT: usize = 1022;

/// The header after the three address columns, by `ext` 1, 2, 3 (the cache adds to 3's).
const HEADER_TAILS: [Packed; 3] = [
    t!("Flags Metric Ref    Use Iface"),
    t!("Flags   MSS Window  irtt Iface"),
    t!("Flags Metric Ref    Use Iface    MSS   Window irtt"),
];

/// The columns of /proc/net/route and rt_cache as net-tools scans them (the cache has
/// `Source` for `Mask` and four more: HH and ARP, or TOS, HHRef, HHUptod and SpecDst). After
/// them come the cells rows print: the three addresses in print order, and the flags.
pub const DESTINATION: usize = 1;
pub const GATEWAY: usize = 2;
const FLAGS: usize = 3;
pub const MASK: usize = 7;
pub const SPECDST: usize = 14;
pub const CELLS: usize = 15;
const LETTERS: u8 = 18;
const COLUMNS: usize = 19;

/// The scanned columns rows print, the same in the FIB and both cache formats (`MTU` is the
/// `MSS` column), then the three address cells.
const IFACE: u8 = 0;
const REF: u8 = 4;
const USE: u8 = 5;
const METRIC: u8 = 6;
const MSS: u8 = 8;
const WINDOW: u8 = 9;
const IRTT: u8 = 10;
const A0: u8 = CELLS as u8;
const A1: u8 = A0 + 1;
const A2: u8 = A0 + 2;
/// Arguments by `ext` 1 and 3 (`ext` 1 takes the first 8, the FIB's `ext` 3 the first 11, the
/// cache's 13 or 15), and by `ext` 2.
const PICK: &[u8] = &[A0, A1, A2, LETTERS, METRIC, REF, USE, IFACE, MSS, WINDOW, IRTT, 11, 12, 13, 14];
const MSS_PICK: &[u8] = &[A0, A1, A2, LETTERS, MSS, WINDOW, IRTT, IFACE];
/// The FIB's rows for reject routes (RTF_REJECT) take no gateway, reference count or interface.
const REJECT_PICK: &[u8] = &[A0, A2, LETTERS, METRIC, USE];
const REJECT_ROWS: [Packed; 3] = [
    t!("%-15s -               %-15s %-5s %-6d -  %7d -\n"),
    t!("%-15s -               %-15s %-5s     - -          - -\n"),
    t!("%-15s -               %-15s %-5s %-6d -  %7d -        -     -      -\n"),
];

/// The `ext` 1 and 2 rows, which the cache shares, then the `ext` 3 one.
macro_rules! rows {
    ($ext3:expr) => {
        [t!("%-15s %-15s %-15s %-5s %-6d %-2d %7d %s\n"), t!("%-15s %-15s %-15s %-5s %5d %-5d %6d %s\n"), $ext3]
    };
}
pub(super) use rows;

/// What differs between /proc/net/route and the rt_cache formats.
pub struct Table {
    /// The address columns of the column header.
    pub addresses: Packed,
    /// What the `ext` 3 column header adds.
    pub ext3_header: Packed,
    /// The columns net-tools wants from the file, in order, as `proc_gen_fmt` reads them.
    pub wanted: Packed,
    /// Rows by `ext` 1, 2, 3.
    pub rows: [Packed; 3],
    /// Flag letters, as `flag_letters` reads them (the cache's own follow them).
    pub letters: &'static [u8],
    /// The cache's address columns and the cells their names go to (see `cache::cells`);
    /// the FIB's are fixed (`fib_cells`).
    pub cells: &'static [(u8, u8)],
}

const FIB: Table = Table {
    addresses: t!("Destination     Gateway         Genmask         "),
    ext3_header: t!(""),
    wanted: t!("Iface%15s Destination%127s Gateway%127s Flags%X RefCnt%d Use%d Metric%d Mask%127s MTU%d Window%d IRTT%d"),
    rows: rows!(t!("%-15s %-15s %-15s %-5s %-6d %-3d %6d %-6.6s   %-5d %-6d %d\n")),
    // `!` (reject) replaces the letters before it.
    letters: b"\x00U\x01G\x09!\x02H\x03R\x04D\x05M\x10d\x11a\x12c\x15o\x16e\x18c\x19f\x1ap\x1fl\x06u\x07w\x08i\x0an",
    cells: &[],
};

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
        (&b"net/rt_cache"[..], t!("Kernel IP routing cache\n"))
    } else {
        (&b"net/route"[..], t!("Kernel IP routing table\n"))
    };
    let Some(mut lines) = open_table(ctx, file, t!("INET (IPv4)"), buf, HEADER_LIMIT) else { return 1 };
    ctx.out.text(title);
    let Some(header_line) = lines.next_line() else {
        // An empty file: the FIB prints its column header, the cache net-tools' perror.
        if cache {
            return super::cache::missing_header(ctx, lines.error);
        }
        header(ctx, FIB.addresses, t!(""));
        return 1;
    };
    let table = if cache {
        match super::cache::format(ctx, header_line) {
            Some(table) => table,
            None => return 0,
        }
    } else {
        &FIB
    };
    header(ctx, table.addresses, table.ext3_header);
    let shown = crate::procfs::Path::proc(b"/proc", file);
    let Some(format) = proc_gen_fmt(header_line, &table.wanted.unpack(), shown.as_bytes()) else {
        // The cache goes on (net-tools would crash on the first row; there is none here).
        return !cache as i32;
    };
    lines.limit = ROW_LIMIT;
    let mut v = [Value::EMPTY; COLUMNS];
    let mut parsed = [[0u8; 4]; 3];
    // A line with fewer columns is skipped.
    let min_columns = if cache { 12 } else { 10 };
    while let Some(line) = lines.next_line() {
        if scan(line, &format, &mut v) < min_columns {
            continue;
        }
        if cache {
            super::cache::cells(ctx, &mut v, &mut parsed[0], table.cells);
        } else if !fib_cells(ctx, &mut v, &mut parsed) {
            continue;
        }
        let flags = v[FLAGS].num;
        let mut letters = Text::new();
        flag_letters(&mut letters, flags, table.letters, true);
        if cache {
            flag_letters(&mut letters, flags, super::cache::LETTERS, false);
        }
        v[LETTERS as usize].set_text(&letters);
        let reject = !cache && flags & RTF_REJECT != 0;
        let i = ctx.ext.wrapping_sub(1);
        let pick = if reject { REJECT_PICK } else if ctx.ext == 2 { MSS_PICK } else { PICK };
        if let Some(&fmt) = if reject { &REJECT_ROWS } else { &table.rows }.get(i) {
            print_row(ctx.out, fmt, &v, pick);
        }
    }
    0
}

/// Prints the column header for `ext`: the address columns, the numbers, then `ext3` for
/// `ext` 3.
pub fn header(ctx: &mut Ctx, addresses: Packed, ext3: Packed) {
    if let Some(&tail) = HEADER_TAILS.get(ctx.ext.wrapping_sub(1)) {
        ctx.out.text(addresses);
        ctx.out.text(tail);
        if ctx.ext == 3 {
            ctx.out.text(ext3);
        }
        ctx.out.byte(b'\n');
    }
}

/// The columns of the FIB's addresses, in cell order.
static ADDRESS_COLUMNS: [u8; 3] = [DESTINATION as u8, GATEWAY as u8, MASK as u8];

/// The FIB's cells: the destination named under its mask (a host if RTF_HOST), the gateway
/// as a host, the mask as numbers; all cut to 15 bytes. Only routes that are up show. An
/// address that fails to parse keeps the previous row's value, as net-tools' do.
fn fib_cells(ctx: &mut Ctx, v: &mut [Value; COLUMNS], parsed: &mut [[u8; 4]; 3]) -> bool {
    let flags = v[FLAGS].num;
    if flags & RTF_UP == 0 {
        return false;
    }
    for (a, column) in parsed.iter_mut().zip(&ADDRESS_COLUMNS) {
        if let Some(p) = hex_address(v[*column as usize].text()) {
            *a = p;
        }
    }
    let [dest, gateway, mask] = *parsed;
    let mut cells = [Text::new(), Text::new(), Text::new()];
    inet_name(ctx, &mut cells[0], dest, mask, flags & RTF_HOST != 0);
    inet_name(ctx, &mut cells[1], gateway, SOCKET_MASK, true);
    addr::fmt_ipv4(&mut cells[2], mask);
    for (cell, value) in cells.iter().zip(&mut v[CELLS..]) {
        value.set_text(&cell[..cell.len().min(15)]);
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
