//! The ifconfig-style block of `-e` (lib/interface.c `ife_print_long`).

use super::dev::*;
use super::{hex, put};
use super::inet6::Records;
use super::kernel::{Facts, Map};
use crate::addr::{fix_v4_mapped, fmt_ipv4, fmt_ipv6, push, Text};
use crate::out::Out;

/// The flag names in net-tools' order, and their IFF_ bits.
const NAMES: &[u8] = b"UP BROADCAST DEBUG LOOPBACK POINTOPOINT NOTRAILERS RUNNING NOARP PROMISC ALLMULTI \
    SLAVE MASTER MULTICAST DYNAMIC";
const NAME_BITS: [u8; 14] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 10, 12, 15];

const IFF_BROADCAST: u16 = 0x2;
const IFF_POINTOPOINT: u16 = 0x10;
const IFF_PORTSEL: u16 = 0x2000;
const IFF_AUTOMEDIA: u16 = 0x4000;

/// `if_port_text`'s first names; net-tools prints a NULL entry (and reads past the table for
/// higher ports, UB) as glibc prints a NULL string.
const PORTS: [&str; 7] = ["unknown", "10base2", "10baseT", "AUI", "100baseT", "100baseTX", "100baseFX"];

pub fn block(out: &mut Out, name: &[u8], facts: &Facts, counters: Option<&Counters>, inet6: &[u8]) {
    let flags = facts.flags as u16;
    out.safe(name);
    out.str(": flags=");
    out.num(facts.flags as i64);
    if flags == 0 {
        // net-tools' `<>` loses its last character like any other list.
        out.byte(b'<');
    }
    let mut list = List(b'<');
    for (word, bit) in NAMES.split(|&b| b == b' ').zip(NAME_BITS) {
        if flags >> bit & 1 != 0 {
            list.item(out, word);
        }
    }
    list.end(out);
    out.str("  mtu ");
    out.num(facts.mtu as i64);
    if facts.outfill != 0 || facts.keepalive != 0 {
        out.str("  outfill ");
        out.num(facts.outfill as i64);
        out.str("  keepalive ");
        out.num(facts.keepalive as i64);
    }
    out.byte(b'\n');
    if let Some(inet) = &facts.inet {
        ipv4(out, "        inet ", Some(inet.addr));
        ipv4(out, "  netmask ", inet.netmask);
        if flags & IFF_BROADCAST != 0 {
            ipv4(out, "  broadcast ", inet.broadcast);
        }
        if flags & IFF_POINTOPOINT != 0 {
            ipv4(out, "  destination ", inet.destination);
        }
        out.byte(b'\n');
    }
    inet6_lines(out, name, inet6);
    super::hw::line(out, facts.hw_type, &facts.hw_addr, facts.tx_queue_len);
    out.byte(b'\n');
    if flags & IFF_PORTSEL != 0 {
        out.str("        media ");
        out.str(PORTS.get(facts.map.port as usize).copied().unwrap_or("(null)"));
        if flags & IFF_AUTOMEDIA != 0 {
            out.str("autoselect");
        }
        out.byte(b'\n');
    }
    if let Some(c) = counters {
        statistics(out, c, matches!(facts.hw_type, 257 | 259));
    }
    device(out, &facts.map);
    out.byte(b'\n');
}

/// net-tools' `<a,b>` lists, built as text whose last character becomes `>` if it is a comma
/// and is deleted otherwise: so an empty list prints nothing, not even `<`.
struct List(u8);

impl List {
    fn item(&mut self, out: &mut Out, word: &[u8]) {
        out.byte(self.0);
        out.bytes(word);
        self.0 = b',';
    }

    fn end(self, out: &mut Out) {
        if self.0 == b',' {
            out.byte(b'>');
        }
    }
}

/// `<label><address>`; `[NONE SET]` when the request for it failed.
fn ipv4(out: &mut Out, label: &str, addr: Option<[u8; 4]>) {
    out.str(label);
    let mut t = Text::new();
    match addr {
        Some(a) => fmt_ipv4(&mut t, a),
        None => push(&mut t, b"[NONE SET]"),
    }
    out.bytes(&t);
}

/// `        inet6 <addr>  prefixlen <n>  scopeid 0x<scope><tags>` for each of the interface's
/// records; a record whose address does not parse repeats the one before (the first: `::`).
fn inet6_lines(out: &mut Out, name: &[u8], text: &[u8]) {
    let mut records = Records::new(text);
    let mut addr = [0; 16];
    while records.next() {
        if records.dev() != name {
            continue;
        }
        addr = records.addr().unwrap_or(addr);
        let mut scope = records.scope();
        let mut t = Text::new();
        fmt_ipv6(&mut t, addr);
        fix_v4_mapped(&mut t, &addr);
        push(&mut t, b"  prefixlen ");
        push(&mut t, itoa::Buffer::new().format(records.prefix_len() as i64).as_bytes());
        push(&mut t, b"  scopeid 0x");
        hex(&mut t, scope as u32 as u64, 1, false);
        out.str("        inet6 ");
        out.bytes(&t);
        let mut tags = List(b'<');
        if scope & 0x80 != 0 {
            tags.item(out, b"compat");
            scope -= 0x80;
        }
        let named = [(scope == 0, "global"), (scope & 0x20 != 0, "link"), (scope & 0x40 != 0, "site"), (scope & 0x10 != 0, "host")];
        for (set, tag) in named {
            if set {
                tags.item(out, tag.as_bytes());
            }
        }
        tags.end(out);
        out.byte(b'\n');
    }
}

/// The counters, with the byte counts also in binary units with one decimal, truncated as
/// net-tools computes them. In the templates, 0x80 + i stands for counter i (see `dev`), and
/// 0x90 to 0x93 for the units and tenths of the received and sent sizes.
fn statistics(out: &mut Out, c: &Counters, compressed: bool) {
    let mut v = [0; 20];
    v[..16].copy_from_slice(c);
    let (rx, rx_unit) = size(c[RX_BYTES]);
    let (tx, tx_unit) = size(c[TX_BYTES]);
    v[16..].copy_from_slice(&[rx / 10, rx % 10, tx / 10, tx % 10]);
    put(out, b"        RX packets \x81  bytes \x80 (\x90.\x91 ", &v);
    unit(out, rx_unit);
    if compressed {
        put(out, b"        RX compressed:\x86\n", &v);
    }
    put(out, b"        RX errors \x82  dropped \x83  overruns \x84  frame \x85\n", &v);
    put(out, b"        TX packets \x89  bytes \x88 (\x92.\x93 ", &v);
    unit(out, tx_unit);
    if compressed {
        put(out, b"        TX compressed \x8f\n", &v);
    }
    put(out, b"        TX errors \x8a  dropped \x8b overruns \x8c  carrier \x8e  collisions \x8d\n", &v);
}

/// A byte count in tenths of its unit, and the unit: 0 for bytes, 1 for KiB, … 6 for EiB
/// (`>` boundaries; the EiB divisor is net-tools' approximation of 2^60 / 10).
fn size(bytes: u64) -> (u64, usize) {
    if bytes > 1 << 60 {
        return (bytes / 115292150460684697, 6);
    }
    let mut unit = 5;
    while unit > 0 && bytes <= 1 << (10 * unit) {
        unit -= 1;
    }
    (bytes * 10 >> (10 * unit), unit)
}

fn unit(out: &mut Out, unit: usize) {
    if unit > 0 {
        out.byte(b"KMGTPE"[unit - 1]);
        out.byte(b'i');
    }
    out.str("B)\n");
}

/// `        device interrupt …  base 0x…  memory 0x…-…    dma 0x…`, for hardware with settings.
fn device(out: &mut Out, map: &Map) {
    if map.irq == 0 && map.mem_start == 0 && map.dma == 0 && map.base_addr < 0x100 {
        return;
    }
    let mut t = Text::new();
    push(&mut t, b"        device ");
    if map.irq != 0 {
        push(&mut t, b"interrupt ");
        push(&mut t, itoa::Buffer::new().format(map.irq as u64).as_bytes());
        push(&mut t, b"  ");
    }
    if map.base_addr >= 0x100 {
        push(&mut t, b"base 0x");
        hex(&mut t, map.base_addr as u64, 1, false);
        push(&mut t, b"  ");
    }
    if map.mem_start != 0 {
        push(&mut t, b"memory 0x");
        hex(&mut t, map.mem_start, 1, false);
        push(&mut t, b"-");
        hex(&mut t, map.mem_end, 1, false);
        push(&mut t, b"  ");
    }
    if map.dma != 0 {
        push(&mut t, b"  dma 0x");
        hex(&mut t, map.dma as u64, 1, false);
    }
    out.bytes(&t);
    out.byte(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(f: impl FnOnce(&mut Out)) -> String {
        let mut out = Out::new();
        f(&mut out);
        String::from_utf8_lossy(out.pending()).into_owned()
    }

    #[test]
    fn sizes_use_net_tools_units() {
        let size = |b: u64| {
            let (tenths, u) = size(b);
            format!("{}.{} {}", tenths / 10, tenths % 10, text(|o| unit(o, u)).trim_end_matches(")\n"))
        };
        assert_eq!(size(0), "0.0 B");
        assert_eq!(size(1024), "1024.0 B");
        assert_eq!(size(1025), "1.0 KiB");
        assert_eq!(size(1536), "1.5 KiB");
        assert_eq!(size(1 << 20), "1024.0 KiB");
        assert_eq!(size(5 << 30), "5.0 GiB");
        assert_eq!(size((1 << 60) + 1), "1.0 EiB");
        assert_eq!(size(u64::MAX), "16.0 EiB");
    }

    fn facts(flags: i16) -> Facts {
        Facts { flags, hw_type: 772, mtu: 1500, tx_queue_len: -1, ..Default::default() }
    }

    #[test]
    fn flag_lists_close_like_net_tools() {
        let first = |flags| text(|o| block(o, b"x", &facts(flags), None, b"")).lines().next().unwrap().to_string();
        assert_eq!(first(0), "x: flags=0<  mtu 1500");
        assert_eq!(first(0x1043), "x: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500");
        assert_eq!(first(0x2000), "x: flags=8192  mtu 1500");
        assert_eq!(first(0x9000u16 as i16), "x: flags=-28672<MULTICAST,DYNAMIC>  mtu 1500");
    }

    #[test]
    fn inet6_lines_show_scope_tags() {
        let t = "00000000000000000000000000000001 01 80 10 80       lo\n\
                 fe800000000000000000000000000001 02 40 20 80       v0\n\
                 20010db8000000000000000000000001 02 40 00 80       v0\n\
                 00000000000000000000ffff01020304 02 60 a0 80       v0\n";
        assert_eq!(
            text(|o| inet6_lines(o, b"v0", t.as_bytes())),
            "        inet6 fe80::1  prefixlen 64  scopeid 0x20<link>\n\
             \x20       inet6 2001:db8::1  prefixlen 64  scopeid 0x0<global>\n\
             \x20       inet6 1.2.3.4  prefixlen 96  scopeid 0xa0<compat,link>\n"
        );
        assert_eq!(text(|o| inet6_lines(o, b"lo", t.as_bytes())), "        inet6 ::1  prefixlen 128  scopeid 0x10<host>\n");
    }

    #[test]
    fn device_line_shows_what_is_set() {
        let map = Map { mem_start: 0xfe00, mem_end: 0xfeff, base_addr: 0x300, irq: 11, dma: 3, port: 0 };
        assert_eq!(text(|o| device(o, &map)), "        device interrupt 11  base 0x300  memory 0xfe00-feff    dma 0x3\n");
        assert_eq!(text(|o| device(o, &Map { base_addr: 0xff, ..Map::default() })), "");
    }
}
