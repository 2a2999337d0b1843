//! The ifconfig-style block of `-e` (lib/interface.c `ife_print_long`).

use super::dev::*;
use super::hex;
use super::inet6::Records;
use super::kernel::{Facts, Map};
use crate::addr::{fix_v4_mapped, fmt_ipv4, fmt_ipv6, push, Text};
use crate::out::Out;

/// The flag names in net-tools' order, and their IFF_ bits.
const NAMES: &[u8] = b"UP BROADCAST DEBUG LOOPBACK POINTOPOINT NOTRAILERS RUNNING NOARP PROMISC ALLMULTI SLAVE MASTER MULTICAST DYNAMIC";
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
    out.num(facts.flags);
    flag_list(out, flags);
    out.str("  mtu ");
    out.num(facts.mtu);
    if facts.outfill != 0 || facts.keepalive != 0 {
        out.str("  outfill ");
        out.num(facts.outfill);
        out.str("  keepalive ");
        out.num(facts.keepalive);
    }
    out.byte(b'\n');
    if let Some(inet) = &facts.inet {
        out.str("        inet ");
        ipv4(out, Some(inet.addr));
        out.str("  netmask ");
        ipv4(out, inet.netmask);
        if flags & IFF_BROADCAST != 0 {
            out.str("  broadcast ");
            ipv4(out, inet.broadcast);
        }
        if flags & IFF_POINTOPOINT != 0 {
            out.str("  destination ");
            ipv4(out, inet.destination);
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
        let compressed = matches!(facts.hw_type, 257 | 259);
        traffic(out, "        RX packets ", c[RX_PACKETS], c[RX_BYTES]);
        if compressed {
            out.str("        RX compressed:");
            out.num(c[RX_COMPRESSED]);
            out.byte(b'\n');
        }
        fields(out, c, &[("        RX errors ", RX_ERRORS), ("  dropped ", RX_DROPPED), ("  overruns ", RX_FIFO), ("  frame ", RX_FRAME)]);
        traffic(out, "        TX packets ", c[TX_PACKETS], c[TX_BYTES]);
        if compressed {
            out.str("        TX compressed ");
            out.num(c[TX_COMPRESSED]);
            out.byte(b'\n');
        }
        fields(
            out,
            c,
            &[("        TX errors ", TX_ERRORS), ("  dropped ", TX_DROPPED), (" overruns ", TX_FIFO), ("  carrier ", CARRIER), ("  collisions ", COLLISIONS)],
        );
    }
    device(out, &facts.map);
    out.byte(b'\n');
}

/// `<UP,BROADCAST,…>`. net-tools builds it as text and then turns the last character into `>`
/// if it is a comma, else deletes it: `flags=0<` and, for only unnamed flags, no `<` at all.
fn flag_list(out: &mut Out, flags: u16) {
    let mut list = Text::new();
    push(&mut list, b"<");
    if flags == 0 {
        push(&mut list, b">");
    }
    for (word, bit) in NAMES.split(|&b| b == b' ').zip(NAME_BITS) {
        if flags >> bit & 1 != 0 {
            push(&mut list, word);
            push(&mut list, b",");
        }
    }
    close_list(out, &mut list);
}

/// The end of net-tools' `<a,b,>` lists: a last comma becomes `>`, anything else is dropped.
fn close_list(out: &mut Out, list: &mut Text) {
    if list.pop() == Some(b',') {
        let _ = list.push(b'>');
    }
    out.bytes(list);
}

fn ipv4(out: &mut Out, addr: Option<[u8; 4]>) {
    match addr {
        Some(a) => {
            let mut t = Text::new();
            fmt_ipv4(&mut t, a);
            out.bytes(&t);
        }
        None => out.str("[NONE SET]"),
    }
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
        let mut t = Text::new();
        fmt_ipv6(&mut t, addr);
        fix_v4_mapped(&mut t, &addr);
        out.str("        inet6 ");
        out.bytes(&t);
        out.str("  prefixlen ");
        out.num(records.prefix_len());
        out.str("  scopeid 0x");
        let mut scope = records.scope();
        hex(out, scope as u32 as u64, 1, false);
        let mut tags = Text::new();
        push(&mut tags, b"<");
        if scope & 0x80 != 0 {
            push(&mut tags, b"compat,");
            scope -= 0x80;
        }
        for (set, tag) in [(scope == 0, "global,"), (scope & 0x20 != 0, "link,"), (scope & 0x40 != 0, "site,"), (scope & 0x10 != 0, "host,")] {
            if set {
                push(&mut tags, tag.as_bytes());
            }
        }
        close_list(out, &mut tags);
        out.byte(b'\n');
    }
}

/// `<label><packets>  bytes <bytes> (<size>)`: the size in binary units with one decimal,
/// truncated, as net-tools computes it.
fn traffic(out: &mut Out, label: &str, packets: u64, bytes: u64) {
    out.str(label);
    out.num(packets);
    out.str("  bytes ");
    out.num(bytes);
    out.str(" (");
    let (tenths, unit) = if bytes > 1 << 60 {
        (bytes / 115292150460684697, "EiB")
    } else {
        [(50, "PiB"), (40, "TiB"), (30, "GiB"), (20, "MiB"), (10, "KiB")]
            .into_iter()
            .find(|&(shift, _)| bytes > 1 << shift)
            .map_or((bytes * 10, "B"), |(shift, unit)| (bytes * 10 >> shift, unit))
    };
    out.num(tenths / 10);
    out.byte(b'.');
    out.num(tenths % 10);
    out.byte(b' ');
    out.str(unit);
    out.str(")\n");
}

fn fields(out: &mut Out, c: &Counters, labels: &[(&str, usize)]) {
    for &(label, i) in labels {
        out.str(label);
        out.num(c[i]);
    }
    out.byte(b'\n');
}

/// `        device interrupt …  base 0x…  memory 0x…-…    dma 0x…`, for hardware with settings.
fn device(out: &mut Out, map: &Map) {
    if map.irq == 0 && map.mem_start == 0 && map.dma == 0 && map.base_addr < 0x100 {
        return;
    }
    out.str("        device ");
    if map.irq != 0 {
        out.str("interrupt ");
        out.num(map.irq);
        out.str("  ");
    }
    if map.base_addr >= 0x100 {
        out.str("base 0x");
        hex(out, map.base_addr as u64, 1, false);
        out.str("  ");
    }
    if map.mem_start != 0 {
        out.str("memory 0x");
        hex(out, map.mem_start, 1, false);
        out.byte(b'-');
        hex(out, map.mem_end, 1, false);
        out.str("  ");
    }
    if map.dma != 0 {
        out.str("  dma 0x");
        hex(out, map.dma as u64, 1, false);
    }
    out.byte(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(f: impl FnOnce(&mut Out)) -> String {
        let mut out = Out::new();
        f(&mut out);
        out.text()
    }

    #[test]
    fn sizes_use_net_tools_units() {
        let size = |b: u64| text(|o| traffic(o, "", 0, b)).split_once('(').unwrap().1.trim_end_matches(")\n").to_string();
        assert_eq!(size(0), "0.0 B");
        assert_eq!(size(1024), "1024.0 B");
        assert_eq!(size(1025), "1.0 KiB");
        assert_eq!(size(1536), "1.5 KiB");
        assert_eq!(size(1 << 20), "1024.0 KiB");
        assert_eq!(size(5 << 30), "5.0 GiB");
        assert_eq!(size((1 << 60) + 1), "1.0 EiB");
        assert_eq!(size(u64::MAX), "16.0 EiB");
    }

    #[test]
    fn flag_lists_close_like_net_tools() {
        assert_eq!(text(|o| flag_list(o, 0)), "<");
        assert_eq!(text(|o| flag_list(o, 0x1043)), "<UP,BROADCAST,RUNNING,MULTICAST>");
        assert_eq!(text(|o| flag_list(o, 0x2000)), "");
        assert_eq!(text(|o| flag_list(o, 0x9000)), "<MULTICAST,DYNAMIC>");
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
