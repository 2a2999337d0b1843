//! Hardware types as net-tools 2.10 names and prints them (lib/hw.c and one file per type), for
//! the types Debian's build has: token ring, STRIP and InfiniBand are not among them and print
//! as `unspec`.

use super::hex;
use crate::addr::Text;
use crate::out::Out;

/// How a type prints its hardware address.
#[derive(Clone, Copy)]
enum Print {
    /// No address.
    Nothing,
    /// `bytes` bytes as two hex digits each, joined by `sep` (0: nothing between).
    Hex { bytes: u8, sep: u8, upper: bool },
    /// AX.25 and NET/ROM: a shifted callsign and an SSID.
    Callsign,
    /// X.25: the bytes as text.
    Text,
    /// IrDA: four bytes backwards, in at most 11 characters.
    Irda,
    /// Frame relay DLCI: a C short.
    Dlci,
    /// Ash: hex digits up to an end mark; nothing for an all-zero address.
    Ash,
}

struct HwType {
    arphrd: u16,
    /// The name, a space, the title.
    name_title: &'static [u8],
    print: Print,
}

const fn t(arphrd: u16, name_title: &'static [u8], print: Print) -> HwType {
    HwType { arphrd, name_title, print }
}

const fn hex_addr(bytes: u8, sep: u8, upper: bool) -> Print {
    Print::Hex { bytes, sep, upper }
}

use Print::*;

/// lib/hw.c's table, in its order (the first entry with the type wins).
const TYPES: [HwType; 25] = [
    t(772, b"loop Local Loopback", Nothing),
    t(256, b"slip Serial Line IP", Nothing),
    t(257, b"cslip VJ Serial Line IP", Nothing),
    t(258, b"slip6 6-bit Serial Line IP", Nothing),
    t(259, b"cslip6 VJ 6-bit Serial Line IP", Nothing),
    t(264, b"adaptive Adaptive Serial Line IP", Nothing),
    t(781, b"ash Ash", Ash),
    t(1, b"ether Ethernet", hex_addr(6, b':', false)),
    t(3, b"ax25 AMPR AX.25", Callsign),
    t(0, b"netrom AMPR NET/ROM", Callsign),
    t(270, b"rose AMPR ROSE", hex_addr(5, 0, false)),
    // An empty address: the line reads `tunnel ` and then the rest.
    t(768, b"tunnel IPIP Tunnel", hex_addr(0, 0, false)),
    t(512, b"ppp Point-to-Point Protocol", Nothing),
    t(513, b"hdlc (Cisco)-HDLC", Nothing),
    t(516, b"lapb LAPB", Nothing),
    t(7, b"arcnet ARCnet", hex_addr(1, 0, true)),
    t(15, b"dlci Frame Relay DLCI", Dlci),
    t(770, b"frad Frame Relay Access Device", Nothing),
    t(776, b"sit IPv6-in-IPv4", Nothing),
    t(774, b"fddi Fiber Distributed Data Interface", hex_addr(6, b'-', true)),
    t(780, b"hippi HIPPI", hex_addr(6, b':', true)),
    t(783, b"irda IrLAP", Irda),
    t(782, b"ec Econet", Nothing),
    t(271, b"x25 generic X.25", Text),
    t(27, b"eui64 Generic EUI-64", hex_addr(8, b':', true)),
];

/// Every other type: the 16 bytes of a `struct sockaddr`'s data.
const UNSPEC: HwType = t(0xffff, b"unspec UNSPEC", hex_addr(16, b'-', true));

/// The hardware line of a `-e` block, without the newline:
/// `        <name> <address>  txqueuelen <n>  (<title>)`.
pub fn line(out: &mut Out, hw_type: u16, addr: &[u8; 16], tx_queue_len: i32) {
    let hw = TYPES.iter().find(|h| h.arphrd == hw_type).unwrap_or(&UNSPEC);
    let (name, title) = hw.name_title.split_at(hw.name_title.iter().position(|&b| b == b' ').unwrap_or(0));
    out.str("        ");
    out.bytes(name);
    let print = match hw.print {
        Ash if addr.iter().all(|&b| b == 0) => Nothing,
        p => p,
    };
    if !matches!(print, Nothing) {
        out.byte(b' ');
        address(out, print, addr);
    }
    if tx_queue_len != -1 {
        out.str("  txqueuelen ");
        out.num(tx_queue_len);
    }
    out.str("  (");
    out.bytes(&title[1..]);
    out.byte(b')');
}

fn address(out: &mut Out, print: Print, a: &[u8; 16]) {
    match print {
        Nothing => {}
        Hex { bytes, sep, upper } => {
            for (i, &b) in a[..bytes as usize].iter().enumerate() {
                if i > 0 && sep != 0 {
                    out.byte(sep);
                }
                hex(out, b as u64, 2, upper);
            }
        }
        Callsign => {
            // Each letter is shifted left by one; a space ends the call like a NUL.
            let call = a[..6].iter().map(|b| b >> 1).take_while(|&c| c != 0 && c != b' ');
            for c in call {
                out.safe(&[c]);
            }
            let ssid = (a[6] & 0x1e) >> 1;
            if ssid != 0 {
                out.byte(b'-');
                out.num(ssid);
            }
        }
        Text => out.safe(crate::cscan::c_str(a)),
        Irda => {
            // Bytes are C chars, so those of 0x80 and up print sign-extended, and snprintf
            // keeps 11 characters.
            let mut text = Text::new();
            for (i, &b) in a[..4].iter().rev().enumerate() {
                if i > 0 {
                    let _ = text.push(b':');
                }
                if b >= 0x80 {
                    let _ = text.extend_from_slice(b"ffffff");
                }
                let digits = b"0123456789abcdef";
                let _ = text.extend_from_slice(&[digits[b as usize >> 4], digits[b as usize & 15]]);
            }
            out.bytes(&text[..text.len().min(11)]);
        }
        Dlci => out.num(i16::from_ne_bytes([a[0], a[1]])),
        Ash => {
            // net-tools reads 64 bytes of which only 8 are the address (UB); it means hex
            // digits up to the first 0xc9 or 0xff.
            out.byte(b'[');
            for &b in a.iter().chain(&[0; 48]).take_while(|&&b| b != 0xc9 && b != 0xff) {
                hex(out, b as u64, 1, false);
            }
            out.byte(b']');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hw_line(hw_type: u16, first: &[u8], txq: i32) -> String {
        let mut addr = [0; 16];
        addr[..first.len()].copy_from_slice(first);
        let mut out = Out::new();
        line(&mut out, hw_type, &addr, txq);
        out.text()
    }

    #[test]
    fn addresses_print_per_type() {
        assert_eq!(hw_line(1, &[0x02, 0, 0, 0xaa, 0xbb, 0x01], 1000), "        ether 02:00:00:aa:bb:01  txqueuelen 1000  (Ethernet)");
        assert_eq!(hw_line(772, &[], 1000), "        loop  txqueuelen 1000  (Local Loopback)");
        assert_eq!(hw_line(768, &[1], 1000), "        tunnel   txqueuelen 1000  (IPIP Tunnel)");
        assert_eq!(
            hw_line(0xfffe, &[1, 2, 3, 4, 5, 6, 7, 0xab], 500),
            "        unspec 01-02-03-04-05-06-07-AB-00-00-00-00-00-00-00-00  txqueuelen 500  (UNSPEC)"
        );
        assert_eq!(hw_line(776, &[], -1), "        sit  (IPv6-in-IPv4)");
        assert_eq!(hw_line(3, &[b'N' << 1, b'0' << 1, b'C' << 1, b'A' << 1, b'L' << 1, b' ' << 1, 3 << 1], 10), "        ax25 N0CAL-3  txqueuelen 10  (AMPR AX.25)");
        assert_eq!(hw_line(783, &[1, 2, 0x80, 4], -1), "        irda 04:ffffff80  (IrLAP)");
        assert_eq!(hw_line(15, &[0xfe, 0xff], -1), "        dlci -2  (Frame Relay DLCI)");
        assert_eq!(hw_line(271, b"12345", -1), "        x25 12345  (generic X.25)");
        assert_eq!(hw_line(270, &[0xa, 0xb, 0xc, 0xd, 0xe], -1), "        rose 0a0b0c0d0e  (AMPR ROSE)");
        assert_eq!(hw_line(7, &[0x7f], -1), "        arcnet 7F  (ARCnet)");
        assert_eq!(hw_line(781, &[], -1), "        ash  (Ash)");
        assert_eq!(hw_line(781, &[1, 0x2f, 0xc9], -1), "        ash [12f]  (Ash)");
    }
}
