//! The ifconfig-style block of `-e` (lib/interface.c `ife_print_long`).

use super::dev::{Counters, RX_BYTES, TX_BYTES};
use super::inet6::Records;
use super::kernel::*;
use super::{list, put};
use crate::addr::{fix_v4_mapped, fmt_ipv4, fmt_ipv6, push, Text};
use crate::out::Out;
use crate::text::Packed;

/// The flag names in net-tools' order, each after its IFF_ bit and with its comma.
const NAMES: &[u8] = b"\x00UP,\x01BROADCAST,\x02DEBUG,\x03LOOPBACK,\x04POINTOPOINT,\x05NOTRAILERS,\x06RUNNING,\
    \x07NOARP,\x08PROMISC,\x09ALLMULTI,\x0bSLAVE,\x0aMASTER,\x0cMULTICAST,\x0fDYNAMIC,";

/// The scope tags of an IPv6 address, each after its bit in `scope_tags`' answer and with its
/// comma.
const TAGS: &[u8] = b"\x07compat,\x00global,\x05link,\x06site,\x04host,";

const IFF_BROADCAST: u16 = 0x2;
const IFF_POINTOPOINT: u16 = 0x10;
const IFF_PORTSEL: u16 = 0x2000;
const IFF_AUTOMEDIA: u16 = 0x4000;

/// The IPv4 address lines: label, request, and the flag the line needs.
static ADDRESSES: [(Packed, u8, u16); 4] = [
    (t!("        inet "), ADDR as u8, 0),
    (t!("  netmask "), NETMASK as u8, 0),
    (t!("  broadcast "), BRDADDR as u8, IFF_BROADCAST),
    (t!("  destination "), DSTADDR as u8, IFF_POINTOPOINT),
];

/// `if_port_text`'s first names, one a line; net-tools prints a NULL entry (and reads past
/// the table for higher ports, UB) as glibc prints a NULL string.
const PORTS: Packed = t!("unknown\n10base2\n10baseT\nAUI\n100baseT\n100baseTX\n100baseFX\n(null)");

pub fn block(out: &mut Out, name: &[u8], facts: &Facts, counters: Option<&Counters>, inet6: &[u8]) {
    let flags = facts.flags() as u16;
    out.safe(name);
    let (outfill, keepalive) = (facts.int(OUTFILL, 0) as u64, facts.int(KEEPALIVE, 0) as u64);
    let v = [facts.flags() as u64, facts.int(MTU, 0) as u64, outfill, keepalive, outfill | keepalive];
    put(out, b": flags=\xa0", &v);
    // No flags at all start the list as `<>`, of which the `>` then goes.
    list(out, if flags == 0 { b"<>" } else { b"<" }, NAMES, flags as u32);
    put(out, b"  mtu \xa1\xe4  outfill \xa2  keepalive \xa3\xff\n", &v);
    if facts.ok >> ADDR & 1 != 0 {
        for &(label, i, needs) in &ADDRESSES {
            if flags & needs == needs {
                ipv4(out, label, facts, i as usize);
            }
        }
        out.byte(b'\n');
    }
    inet6_lines(out, name, inet6);
    // net-tools copies 8 address bytes into a zeroed buffer.
    let hw_addr = (facts.get(HWADDR, 2, 8).unwrap_or(0) as u128).to_le_bytes();
    super::hw::line(out, facts.hw_type(), &hw_addr, facts.int(TXQLEN, -1));
    out.byte(b'\n');
    if flags & IFF_PORTSEL != 0 {
        out.text(t!("        media "));
        let port = facts.get(MAP, 20, 1).unwrap_or(0) as usize;
        out.bytes(super::nth(&PORTS.unpack(), port.min(7)));
        if flags & IFF_AUTOMEDIA != 0 {
            out.text(t!("autoselect"));
        }
        out.byte(b'\n');
    }
    if let Some(c) = counters {
        statistics(out, c, matches!(facts.hw_type(), 257 | 259));
    }
    device(out, facts);
    out.byte(b'\n');
}

/// `<label><address>` of request `i`; `[NONE SET]` when it failed.
fn ipv4(out: &mut Out, label: Packed, facts: &Facts, i: usize) {
    out.text(label);
    let mut t = Text::new();
    match facts.ipv4(i) {
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
        let scope = records.scope();
        let mut t = Text::new();
        fmt_ipv6(&mut t, addr);
        fix_v4_mapped(&mut t, &addr);
        out.text(t!("        inet6 "));
        out.bytes(&t);
        put(out, b"  prefixlen \xa0  scopeid 0x\xc1", &[records.prefix_len() as u64, scope as u32 as u64]);
        list(out, b"<", TAGS, scope_tags(scope));
        out.byte(b'\n');
    }
}

/// The bits `TAGS` names: net-tools takes the compat bit 0x80 off before it asks for the
/// others, so `global` (bit 0 here) means no bit but that one.
fn scope_tags(scope: i32) -> u32 {
    let scope = scope as u32;
    scope & 0xf0 | (scope & !0x80 == 0) as u32
}

/// The counters, with the byte counts also in binary units with one decimal, truncated as
/// net-tools computes them. In the template, 0x80 + i stands for counter i (see `dev`),
/// 0x90 to 0x93 for the units and tenths of the received and sent sizes, 0xd5 and 0xd6 for
/// their unit prefixes (none for bytes), and the parts at 0xf4 show for compressed SLIP.
fn statistics(out: &mut Out, c: &Counters, compressed: bool) {
    let mut v = [0; 23];
    v[..16].copy_from_slice(c);
    let (rx, rx_prefix) = size(c[RX_BYTES]);
    let (tx, tx_prefix) = size(c[TX_BYTES]);
    v[16..].copy_from_slice(&[rx / 10, rx % 10, tx / 10, tx % 10, compressed as u64, rx_prefix, tx_prefix]);
    put(
        out,
        b"        RX packets \x81  bytes \x80 (\x90.\x91 \xf5\xd5i\xffB)\n\
          \xf4        RX compressed:\x86\n\xff        RX errors \x82  dropped \x83  overruns \x84  frame \x85\n\
          \x20       TX packets \x89  bytes \x88 (\x92.\x93 \xf6\xd6i\xffB)\n\
          \xf4        TX compressed \x8f\n\xff        TX errors \x8a  dropped \x8b overruns \x8c  carrier \x8e  collisions \x8d\n",
        &v,
    );
}

/// A byte count in tenths of its unit, and the unit's prefix: 0 for bytes, `K` for KiB, …
/// `E` for EiB (`>` boundaries; the EiB divisor is net-tools' approximation of 2^60 / 10).
fn size(bytes: u64) -> (u64, u64) {
    if bytes > 1 << 60 {
        return (bytes / 115292150460684697, b'E' as u64);
    }
    let mut unit = 5;
    while unit > 0 && bytes <= 1 << (10 * unit) {
        unit -= 1;
    }
    (bytes * 10 >> (10 * unit), b"\0KMGTP".get(unit).copied().unwrap_or(0) as u64)
}

/// `        device interrupt …  base 0x…  memory 0x…-…    dma 0x…`, for hardware with
/// settings (`struct ifmap`: memory start and end, I/O base, IRQ, DMA channel; an I/O base
/// below 0x100 does not count).
fn device(out: &mut Out, facts: &Facts) {
    let field = |at, len| facts.get(MAP, at, len).unwrap_or(0);
    let base = field(16, 2);
    let v = [field(18, 1), if base >= 0x100 { base } else { 0 }, field(0, 8), field(8, 8), field(19, 1)];
    if v[0] | v[1] | v[2] | v[4] != 0 {
        put(out, b"        device \xe0interrupt \x80  \xff\xe1base 0x\xc1  \xff\xe2memory 0x\xc2-\xc3  \xff\xe4  dma 0x\xc4\xff\n", &v);
    }
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
            let (tenths, prefix) = size(b);
            let unit = if prefix == 0 { String::new() } else { format!("{}i", prefix as u8 as char) };
            format!("{}.{} {unit}B", tenths / 10, tenths % 10)
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

    #[test]
    fn flag_lists_close_like_net_tools() {
        let first = |flags| text(|o| block(o, b"x", &Facts::for_test(flags), None, b"")).lines().next().unwrap().to_string();
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
                 00000000000000000000ffff01020304 02 60 a0 80       v0\n\
                 20010db8000000000000000000000002 02 40 -1 80       v1\n";
        assert_eq!(
            text(|o| inet6_lines(o, b"v0", t.as_bytes())),
            "        inet6 fe80::1  prefixlen 64  scopeid 0x20<link>\n\
             \x20       inet6 2001:db8::1  prefixlen 64  scopeid 0x0<global>\n\
             \x20       inet6 1.2.3.4  prefixlen 96  scopeid 0xa0<compat,link>\n"
        );
        assert_eq!(text(|o| inet6_lines(o, b"lo", t.as_bytes())), "        inet6 ::1  prefixlen 128  scopeid 0x10<host>\n");
        assert_eq!(
            text(|o| inet6_lines(o, b"v1", t.as_bytes())),
            "        inet6 2001:db8::2  prefixlen 64  scopeid 0xffffffff<compat,link,site,host>\n"
        );
    }

    #[test]
    fn device_line_shows_what_is_set() {
        let mut f = Facts::for_test(0);
        let map = [0xfe00u64.to_le_bytes(), 0xfeffu64.to_le_bytes(), [0x00, 0x03, 11, 3, 0, 0, 0, 0]];
        f.union[MAP].copy_from_slice(&map.concat());
        f.ok |= 1 << MAP;
        assert_eq!(text(|o| device(o, &f)), "        device interrupt 11  base 0x300  memory 0xfe00-feff    dma 0x3\n");
        f.union[MAP] = [0; 24];
        f.union[MAP][16] = 0xff;
        assert_eq!(text(|o| device(o, &f)), "");
    }
}
