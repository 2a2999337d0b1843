//! The IPv6 routing table from /proc/net/ipv6_route (behaviour spec §5.4): the FIB lists the
//! routes without RTF_CACHE, the cache (`-C`) those with it. Nothing is cut to fit a column.

use crate::text::Packed;
use super::ipv4::ROW_LIMIT;
use super::{flag_letters, open_table, print_row, scan, Ctx, Value};
use crate::addr::{self, Text};
use crate::procfs::LineBuf;

const RTF_CACHE: u32 = 0x0100_0000;

/// net-tools' line format: the destination as eight `%4s` groups and a `%02x` prefix length,
/// the source the same way, the next hop as eight groups, `%08x` metric, reference count, use
/// and flags, and a `%15s` interface. The file has no header to map columns by.
const FORMAT: Packed = t!("%4s%4s%4s%4s%4s%4s%4s%4s %02x %4s%4s%4s%4s%4s%4s%4s%4s %02x \
    %4s%4s%4s%4s%4s%4s%4s%4s %08x %08x %08x %08x %15s\n");
const DESTINATION: usize = 0;
const PREFIX: usize = 8;
const NEXT_HOP: usize = 18;
const FLAGS: usize = 29;
/// Where the cells go: after the scanned columns.
const DEST_CELL: usize = 31;
const HOP_CELL: usize = 32;
const LETTERS: usize = 33;
/// The row: destination and next hop cells, flags, metric, reference count, use, interface.
const ROW: Packed = t!("%-30s %-26s %-4s %-3d %-1d %6d %s\n");
const PICK: &[u8] = &[31, 32, 33, 26, 27, 28, 30];

const FLAG_LETTERS: &[u8] = b"\x00U\x09!\x01G\x02H\x10D\x12A\x18C\x11a\x16e\x05m\x15n\x19f";

/// `inet_pton` of eight scanned groups joined with `:`. Groups from /proc are 1 to 4 hex
/// digits; anything else fails, and net-tools then keeps the previous address.
fn address(groups: &[Value]) -> Option<[u8; 16]> {
    let mut a = [0u8; 16];
    for (i, g) in groups.iter().take(8).enumerate() {
        if g.text().len() > 4 {
            return None;
        }
        let n = addr::hex_u32(g.text())?;
        a[2 * i] = (n >> 8) as u8;
        a[2 * i + 1] = n as u8;
    }
    Some(a)
}

/// Prints the FIB, or with `cache` the cached routes (what net-tools falls back to when
/// /proc/net/ndisc is missing, as it is on every kernel since 2.2).
pub fn print(ctx: &mut Ctx, buf: &mut LineBuf, cache: bool) -> i32 {
    let Some(mut lines) = open_table(ctx, b"net/ipv6_route", t!("INET6 (IPv6)"), buf, ROW_LIMIT) else { return 1 };
    ctx.out.text(if cache { t!("Kernel IPv6 routing cache\n") } else { t!("Kernel IPv6 routing table\n") });
    ctx.out.text(t!("Destination                    Next Hop                   Flag Met Ref  Use If\n"));
    let format = FORMAT.unpack();
    // net-tools keeps every value, and the addresses, from the line before when a line is
    // short; it never skips one.
    let mut v = [Value::EMPTY; 34];
    let (mut dest, mut next_hop) = ([0u8; 16], [0u8; 16]);
    while let Some(line) = lines.next_line() {
        scan(line, &format, &mut v);
        if (v[FLAGS].num & RTF_CACHE != 0) != cache {
            continue;
        }
        if let Some(a) = address(&v[DESTINATION..]) {
            dest = a;
        }
        if let Some(a) = address(&v[NEXT_HOP..]) {
            next_hop = a;
        }
        // net-tools' cell buffers hold 127 bytes, as `Value`s do.
        let mut cell = Text::new();
        ctx.names.inet6_host(&mut cell, dest, ctx.numeric);
        addr::push(&mut cell, b"/");
        addr::push(&mut cell, itoa::Buffer::new().format(v[PREFIX].num as i32).as_bytes());
        v[DEST_CELL].set_text(&cell);
        cell.clear();
        ctx.names.inet6_host(&mut cell, next_hop, ctx.numeric);
        v[HOP_CELL].set_text(&cell);
        cell.clear();
        flag_letters(&mut cell, v[FLAGS].num, FLAG_LETTERS, false);
        v[LETTERS].set_text(&cell);
        print_row(ctx.out, ROW, &v, PICK);
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(text: &str) -> Vec<Value> {
        text.split(' ')
            .map(|g| {
                let mut v = Value::EMPTY;
                v.set_text(g.as_bytes());
                v
            })
            .collect()
    }

    #[test]
    fn addresses_come_from_eight_groups() {
        let a = address(&groups("2001 0db8 0 0 0 0 0 1")).unwrap();
        assert_eq!(a, "2001:db8::1".parse::<std::net::Ipv6Addr>().unwrap().octets());
        assert_eq!(address(&groups("fe80 0000 0000 0000 0000 0000 0000 000G")), None);
        assert_eq!(address(&groups("fe80 0000 0000 0000 0000 0000 0000 ")), None);
        assert_eq!(address(&groups("fe80 0000 0000 0000 0000 0000 0000 00000")), None);
    }

    #[test]
    fn lines_scan_into_their_columns() {
        let mut v = [Value::EMPTY; 34];
        let line = b"fe800000000000000000000000000001 80 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000003 00000000 80200001       lo";
        assert_eq!(scan(line, &FORMAT.unpack(), &mut v), 31);
        assert_eq!(((v[PREFIX].num as i32), v[26].num as i32, v[27].num as i32, v[FLAGS].num), (128, -1, 3, 0x8020_0001));
        assert_eq!((v[0].text(), v[7].text(), v[30].text()), (&b"fe80"[..], &b"0001"[..], &b"lo"[..]));
    }
}
