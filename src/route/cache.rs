//! The IPv4 routing cache from /proc/net/rt_cache (`-C`, behaviour spec §5.3). Its header tells
//! the 2.0 layout (format 1) from the 2.2 one (format 2); kernels since 3.6 keep a file with
//! only the format 2 header.

use super::ipv4::{
    self,    header, hex_address, inet_name, row, Layout, COLUMNS, CONVS, DESTINATION, EXT3_COLUMNS, FLAGS, GATEWAY, HEADER_LIMIT, LETTERS,
    METRIC_ROW, MSS_ROW, ROW_LIMIT, SOCKET_MASK, SPECDST,
};
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

const SOURCE: u8 = ipv4::MASK;

/// The `ext` 1 and 2 rows: the FIB's formats with the source first.
const ROWS: [Layout; 2] = [
    (METRIC_ROW, &[SOURCE, DESTINATION, GATEWAY, LETTERS, 6, 4, 5, 0]),
    (MSS_ROW, &[SOURCE, DESTINATION, GATEWAY, LETTERS, 8, 9, 10, 0]),
];

/// Builds an `ext` 3 column list: the addresses, the FIB's `ext` 3 columns, then `more`.
const fn ext3<const N: usize>(more: &[u8]) -> [u8; N] {
    let mut c = [0; N];
    (c[0], c[1], c[2]) = (SOURCE, DESTINATION, GATEWAY);
    let mut i = 3;
    while i < N {
        c[i] = if i < 11 { EXT3_COLUMNS[i - 3] } else { more[i - 11] };
        i += 1;
    }
    c
}

/// Per format: the columns net-tools wants, the end of the `ext` 3 header, the `ext` 3 row,
/// and the flag letters (`!`, reject, replaces the letters before it; format 2 has no U, H).
const FORMATS: [(&[u8], &str, Layout, &[u8]); 2] = [
    (
        b"Iface Destination Gateway Flags RefCnt Use Metric Source MTU Window IRTT HH ARP",
        "  HH  Arp",
        (b"%-15s %-15s %-15s %-5s %-6d %-3d %6d %-6.6s   %-5d %-6d %-5d %-3d %d\n", &ext3::<13>(&[11, 12])),
        b"U=1 H=4 G=2 !=200 R=8 D=10 M=20 n=10000 d=20000 t=80000 f=200000 q=400000 Ns=800000 r=1000000 \
          i=4000000 Nd=8000000 b=10000000 m=20000000 #=40000000 l=80000000",
    ),
    (
        b"Iface Destination Gateway Flags RefCnt Use Metric Source MTU Window IRTT TOS HHRef HHUptod SpecDst",
        "  TOS HHRef HHUptod     SpecDst",
        (
            b"%-15s %-15s %-15s %-5s %-6d %-3d %6d %-6.6s   %-5d %-6d %-5d %-3d %-3d   %-3d %15s\n",
            &ext3::<15>(&[11, 12, 13, SPECDST]),
        ),
        b"G=2 !=200 R=8 D=10 M=20 -=1 o=4 n=10000 d=20000 t=80000 f=200000 q=400000 Ns=800000 r=1000000 \
          i=4000000 Nd=8000000 b=10000000 m=20000000 #=40000000 l=80000000",
    ),
];

/// net-tools' `proc_guess_fmt`: the bits of the `GUESS` words the header contains.
fn guess(header: &[u8]) -> u32 {
    let text = until_nul(header);
    GUESS.iter().filter(|g| text.windows(g.0.len()).any(|w| w == g.0)).fold(0, |bits, g| bits | g.1)
}

/// Resolves the address in column `c` and writes its name back there. net-tools parses all
/// four addresses into one variable, so one that fails to parse shows the one before it.
fn address(ctx: &mut Ctx, v: &mut [Value; COLUMNS], c: u8, last: &mut [u8; 4]) {
    if let Some(a) = hex_address(v[c as usize].text()) {
        *last = a;
    }
    let mut name = Text::new();
    inet_name(ctx, &mut name, *last, SOCKET_MASK, false);
    v[c as usize].set_text(&name);
}

/// Prints the cache. A file without even a header line ends netstat with status 255.
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
    let guess = guess(header_line);
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
    let Some(&(names, ext3_header, ext3_row, letter_table)) = format else {
        // net-tools goes on to print rows of uninitialised memory; we print none.
        if ctx.ext != 3 {
            header(ctx, source_columns, "");
        }
        return 0;
    };
    header(ctx, source_columns, if ctx.ext == 3 { ext3_header } else { "" });
    // Without a column list net-tools crashes on the first row; we print none.
    let Some(plan) = columns(header_line, names, &CONVS, b"/proc/net/rt_cache") else { return 0 };
    lines.limit = ROW_LIMIT;
    let mut v = [Value::EMPTY; COLUMNS];
    let mut last = [0u8; 4];
    while let Some(line) = lines.next_line() {
        if scan(line, &plan, &CONVS, &mut v) < 12 {
            continue;
        }
        // Format 1 has no SpecDst. A row whose line is too short for it shows the previous
        // row's SpecDst cell, which net-tools fails to parse again.
        for c in [DESTINATION, GATEWAY, SOURCE, SPECDST].iter().take(if guess == 97 { 3 } else { 4 }) {
            address(ctx, &mut v, *c, &mut last);
        }
        let mut letters = Text::new();
        flag_letters(&mut letters, v[FLAGS as usize].num, letter_table, true);
        v[LETTERS as usize].set_text(&letters);
        let layout = if ctx.ext == 3 { Some(&ext3_row) } else { ROWS.get(ctx.ext.wrapping_sub(1)) };
        row(ctx, layout, &v);
    }
    0
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
