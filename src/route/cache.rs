//! The IPv4 routing cache from /proc/net/rt_cache (`-C`, behaviour spec §5.3), which
//! `ipv4::print` reads as it reads the FIB. Its header tells the 2.0 layout (format 1) from
//! the 2.2 one (format 2); kernels since 3.6 keep a file with only the format 2 header.

use super::ipv4::{header, hex_address, inet_name, rows, Table, CELLS, DESTINATION, GATEWAY, MASK, SOCKET_MASK, SPECDST};
use super::{Ctx, Value};
use crate::addr::Text;
use crate::text::Packed;
use crate::out::err;
use crate::cscan::{c_str, contains};
use rustix::io::Errno;

/// net-tools' `proc_guess_fmt`: words searched for anywhere in the header; the n-th counts
/// 2^n. 63 is format 2, 97 format 1.
const GUESS: Packed = t!("IRTT TOS HHRef HHUptod SpecDst HH ARP");

const SOURCE: usize = MASK;
const SOURCE_COLUMNS: Packed = t!("Source          Destination     Gateway         ");

/// The addresses a row names, and the cells the names go to: the source first. Format 2's
/// SpecDst name goes back where it was read, as in net-tools.
const CELLS1: &[(u8, u8)] = &[(DESTINATION as u8, CELLS as u8 + 1), (GATEWAY as u8, CELLS as u8 + 2), (SOURCE as u8, CELLS as u8)];
const CELLS2: &[(u8, u8)] = &[
    (DESTINATION as u8, CELLS as u8 + 1),
    (GATEWAY as u8, CELLS as u8 + 2),
    (SOURCE as u8, CELLS as u8),
    (SPECDST as u8, SPECDST as u8),
];

/// The cache flags, after each format's route flags.
pub const LETTERS: &[u8] = b"\x10n\x11d\x13t\x15f\x16q\x17Ns\x18r\x1ai\x1bNd\x1cb\x1dm\x1e#\x1fl";

const FORMAT1: Table = Table {
    addresses: SOURCE_COLUMNS,
    ext3_header: t!("  HH  Arp"),
    wanted: t!("Iface%15s Destination%127s Gateway%127s Flags%X RefCnt%d Use%d Metric%d Source%127s MTU%d Window%d IRTT%d HH%d ARP%d"),
    rows: rows!(t!("%-15s %-15s %-15s %-5s %-6d %-3d %6d %-6.6s   %-5d %-6d %-5d %-3d %d\n")),
    letters: b"\x00U\x02H\x01G\x09!\x03R\x04D\x05M",
    cells: CELLS1,
};

const FORMAT2: Table = Table {
    addresses: SOURCE_COLUMNS,
    ext3_header: t!("  TOS HHRef HHUptod     SpecDst"),
    wanted: t!("Iface%15s Destination%127s Gateway%127s Flags%X RefCnt%d Use%d Metric%d Source%127s MTU%d Window%d IRTT%d TOS%d HHRef%d HHUptod%d SpecDst%127s"),
    rows: rows!(t!("%-15s %-15s %-15s %-5s %-6d %-3d %6d %-6.6s   %-5d %-6d %-5d %-3d %-3d   %-3d %15s\n")),
    // Format 2 has no U or H: those bits mean dead (`-`) and on-link (`o`).
    letters: b"\x01G\x09!\x03R\x04D\x05M\x00-\x02o",
    cells: CELLS2,
};

/// net-tools' message for a cache file without a header line, and its status (255: net-tools
/// exits). Its perror shows errno as it was: the read's error, else what came before.
pub fn missing_header(ctx: &mut Ctx, read_error: Option<Errno>) -> i32 {
    let why = match read_error {
        Some(e) => crate::errno::text(e),
        None if ctx.looked_up => b"Success",
        None => crate::errno::text(Errno::NOENT), // a failed open while libc started
    };
    err(t!("/proc/net/rt_cache: %s\n"), &[why]);
    255
}

/// The table for the cache's header line; None, after net-tools' message, for a format it
/// does not know (no rows: net-tools would print rows of uninitialised memory).
pub fn format(ctx: &mut Ctx, header_line: &[u8]) -> Option<&'static Table> {
    match guess(header_line) {
        97 => Some(&FORMAT1),
        63 => Some(&FORMAT2),
        n => {
            ctx.out.text(t!("ERROR: proc_guess_fmt(/proc/net/rt_cache,... returned: "));
            ctx.out.num(n);
            ctx.out.byte(b'\n');
            if ctx.ext != 3 {
                header(ctx, SOURCE_COLUMNS, t!(""));
            }
            None
        }
    }
}

/// net-tools' `proc_guess_fmt`: the bits of the `GUESS` words the header contains.
fn guess(header: &[u8]) -> u32 {
    let text = c_str(header);
    let mut bits = 0;
    for (n, word) in crate::pack::split(&GUESS.unpack(), b' ').enumerate() {
        bits |= (contains(text, word) as u32) << n;
    }
    bits
}

/// Names the addresses of `columns` into their cells. net-tools parses them all into one
/// variable, so one that fails to parse shows the one before it; a line too short for SpecDst
/// leaves the previous row's SpecDst name, which fails to parse.
pub fn cells(ctx: &mut Ctx, v: &mut [Value], last: &mut [u8; 4], columns: &[(u8, u8)]) {
    for &(from, to) in columns {
        if let Some(a) = hex_address(v[from as usize].text()) {
            *last = a;
        }
        let mut name = Text::new();
        inet_name(ctx, &mut name, *last, SOCKET_MASK, false);
        v[to as usize].set_text(&name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_tell_the_format() {
        assert_eq!(guess(b"Iface\tDestination\tGateway \tFlags\t\tRefCnt\tUse\tMetric\tSource\t\tMTU\tWindow\tIRTT\tTOS\tHHRef\tHHUptod\tSpecDst"), 63);
        assert_eq!(guess(b"Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tSource\t\tMTU\tWindow\tIRTT\tHH\tARP"), 97);
        assert_eq!(guess(b"Iface Destination Gateway"), 0);
        assert_eq!(guess(b"IRTT\0 TOS"), 1);
    }
}
