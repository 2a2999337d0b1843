//! The IPv4 routing cache from /proc/net/rt_cache (`-C`, behaviour spec §5.3). Its header tells
//! the 2.0 layout (format 1) from the 2.2 one (format 2); kernels since 3.6 keep a file with
//! only the format 2 header.

use super::ipv4::{self, header, hex_address, inet_name, row, Layout, CONVS, HEADER_LIMIT, ROWS, ROW_LIMIT, SOCKET_MASK};
use super::scan::{columns, scan, until_nul, Value};
use super::{flag_letters, open_table, Ctx};
use crate::addr::Text;
use crate::out::err;
use crate::procfs::{LineBuf, Lines};
use rustix::io::Errno;

/// net-tools' `proc_guess_fmt`: words searched for anywhere in the header, and their bits.
/// 63 is format 2, 97 format 1.
const GUESS: [(&[u8], u32); 7] =
    [(b"IRTT", 1), (b"TOS", 2), (b"HHRef", 4), (b"HHUptod", 8), (b"SpecDst", 16), (b"HH", 32), (b"ARP", 64)];

const SOURCE: usize = 7;
const SPECDST: usize = 14;

/// Per format: the columns net-tools wants, the end of the `ext` 3 header, the `ext` 3 row.
const FORMATS: [(&[u8], &str, Layout); 2] = [
    (
        b"Iface Destination Gateway Flags RefCnt Use Metric Source MTU Window IRTT HH ARP",
        "  HH  Arp",
        (b"%-15s %-15s %-15s %-5s %-6d %-3d %6d %-6.6s   %-5d %-6d %-5d %-3d %d\n", &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    ),
    (
        b"Iface Destination Gateway Flags RefCnt Use Metric Source MTU Window IRTT TOS HHRef HHUptod SpecDst",
        "  TOS HHRef HHUptod     SpecDst",
        (
            b"%-15s %-15s %-15s %-5s %-6d %-3d %6d %-6.6s   %-5d %-6d %-5d %-3d %-3d   %-3d %15s\n",
            &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
        ),
    ),
];

/// Flag letters: format 1's first, then the route flags (`!` replaces what comes before),
/// then format 2's, then the cache flags.
const FORMAT1_LETTERS: &[u8] = b"U=1 H=4";
const ROUTE_LETTERS: &[u8] = b"G=2 !=200 R=8 D=10 M=20";
const FORMAT2_LETTERS: &[u8] = b"-=1 o=4";
const CACHE_LETTERS: &[u8] = b"n=10000 d=20000 t=80000 f=200000 q=400000 Ns=800000 r=1000000 i=4000000 \
                             Nd=8000000 b=10000000 m=20000000 #=40000000 l=80000000";

/// Prints the cache. A file without even a header line ends netstat with status 255.
#[inline(never)]
pub fn print(ctx: &mut Ctx, buf: &mut LineBuf) -> i32 {
    let Some(fd) = open_table(ctx, b"net/rt_cache", b"INET (IPv4)") else { return 1 };
    let mut lines = Lines::with_limit(fd, buf, HEADER_LIMIT);
    let header_line = lines.next_line();
    ctx.out.str("Kernel IP routing cache\n");
    let Some(header_line) = header_line else {
        // net-tools' perror shows errno as it was: the read's error, else what came before.
        let why = match lines.error {
            Some(e) => crate::errno::text(e),
            None if ctx.looked_up => b"Success",
            None => crate::errno::text(Errno::NOENT), // a failed open while libc started
        };
        err(&[b"/proc/net/rt_cache: ", why, b"\n"]);
        return 255;
    };
    let text = until_nul(header_line);
    let guess = GUESS.iter().filter(|g| text.windows(g.0.len()).any(|w| w == g.0)).fold(0, |bits, g| bits | g.1);
    let format = match guess {
        97 => FORMATS.first(),
        63 => FORMATS.get(1),
        n => {
            ctx.out.str("ERROR: proc_guess_fmt(/proc/net/rt_cache,... returned: ");
            ctx.out.num(n);
            ctx.out.str("\n");
            None
        }
    };
    let source_columns = "Source          Destination     Gateway         ";
    let Some(&(names, ext3_header, ext3_row)) = format else {
        // net-tools goes on to print rows of uninitialised memory; we print none.
        if ctx.ext != 3 {
            header(ctx, source_columns, "");
        }
        return 0;
    };
    header(ctx, source_columns, if ctx.ext == 3 { ext3_header } else { "" });
    // Without a column list net-tools crashes on the first row; we print none.
    let Some(plan) = columns(header_line, names, &CONVS, b"/proc/net/rt_cache") else { return 0 };
    let format1 = guess == 97;
    lines.limit = ROW_LIMIT;
    let mut v = [Value::EMPTY; 15];
    // net-tools parses all addresses into one variable: one that fails shows the one before.
    let mut last = [0u8; 4];
    while let Some(line) = lines.next_line() {
        if scan(line, &plan, &CONVS, &mut v) < 12 {
            continue;
        }
        let mut cells = [Text::new(), Text::new(), Text::new()];
        let mut specdst = Text::new();
        let [source, dest, gateway] = &mut cells;
        let addresses = [(dest, ipv4::DESTINATION), (gateway, ipv4::GATEWAY), (source, SOURCE), (&mut specdst, SPECDST)];
        for (cell, column) in addresses.into_iter().take(if format1 { 3 } else { 4 }) {
            if let Some(a) = hex_address(v[column].text()) {
                last = a;
            }
            inet_name(ctx, cell, last, SOCKET_MASK, false);
        }
        // net-tools writes each cell back over the scanned text; a later short line then
        // finds the previous row's SpecDst cell there.
        v[SPECDST].set_text(&specdst);
        let flags = v[ipv4::FLAGS].num;
        let mut letters = Text::new();
        let (first, then): (&[u8], &[u8]) = if format1 { (FORMAT1_LETTERS, b"") } else { (b"", FORMAT2_LETTERS) };
        for table in [first, ROUTE_LETTERS, then, CACHE_LETTERS] {
            flag_letters(&mut letters, flags, table, true);
        }
        let layout = if ctx.ext == 3 { Some(&ext3_row) } else { ROWS.get(ctx.ext.wrapping_sub(1)) };
        row(ctx, layout, &cells, &letters, &v, &specdst);
    }
    0
}
