//! Hardware types as net-tools 2.10 names and prints them (lib/hw.c and one file per type), for
//! the types Debian's build has: token ring, STRIP and InfiniBand are not among them and print
//! as `unspec`.

use super::hex;
use crate::addr::{push, Text};
use crate::out::Out;

/// How a type prints its hardware address.
#[derive(Clone, Copy)]
enum Print {
    /// No address.
    Nothing,
    /// `count` bytes as two hex digits each, joined by `sep` (0: nothing between).
    Hex { count: u8, sep: u8, style: u8 },
    /// AX.25 and NET/ROM: a callsign, one letter per byte shifted left by one, and an SSID.
    Callsign,
    /// X.25: the bytes as text.
    Chars,
    /// Frame relay DLCI: a C short.
    Dlci,
    /// Ash: hex digits up to an end mark; nothing for an all-zero address.
    Ash,
}

const LOWER: u8 = 0;
const UPPER: u8 = 1;
/// IrDA: the bytes backwards; they are C chars, so those of 0x80 and up print sign-extended,
/// and snprintf keeps 11 characters.
const IRDA: u8 = 2;

const fn hex_addr(count: u8, sep: u8, style: u8) -> Print {
    Print::Hex { count, sep, style }
}

use Print::*;

/// lib/hw.c's table, in its order (the first entry with the type wins): the ARPHRD number and
/// the address printer; the names and titles are the lines of `NAMES`, in the same order.
const TYPES: [(u16, Print); 25] = [
    (772, Nothing),
    (256, Nothing),
    (257, Nothing),
    (258, Nothing),
    (259, Nothing),
    (264, Nothing),
    (781, Ash),
    (1, hex_addr(6, b':', LOWER)),
    (3, Callsign),
    (0, Callsign),
    (270, hex_addr(5, 0, LOWER)),
    // An empty address: the line reads `tunnel ` and then the rest.
    (768, hex_addr(0, 0, LOWER)),
    (512, Nothing),
    (513, Nothing),
    (516, Nothing),
    (7, hex_addr(1, 0, UPPER)),
    (15, Dlci),
    (770, Nothing),
    (776, Nothing),
    (774, hex_addr(6, b'-', UPPER)),
    (780, hex_addr(6, b':', UPPER)),
    (783, hex_addr(4, b':', IRDA)),
    (782, Nothing),
    (271, Chars),
    (27, hex_addr(8, b':', UPPER)),
];

/// Every other type: the 16 bytes of a `struct sockaddr`'s data.
const UNSPEC: Print = hex_addr(16, b'-', UPPER);

/// The name and title of each type in `TYPES`, then those of `unspec`.
const NAMES: &[u8] = b"loop Local Loopback
slip Serial Line IP
cslip VJ Serial Line IP
slip6 6-bit Serial Line IP
cslip6 VJ 6-bit Serial Line IP
adaptive Adaptive Serial Line IP
ash Ash
ether Ethernet
ax25 AMPR AX.25
netrom AMPR NET/ROM
rose AMPR ROSE
tunnel IPIP Tunnel
ppp Point-to-Point Protocol
hdlc (Cisco)-HDLC
lapb LAPB
arcnet ARCnet
dlci Frame Relay DLCI
frad Frame Relay Access Device
sit IPv6-in-IPv4
fddi Fiber Distributed Data Interface
hippi HIPPI
irda IrLAP
ec Econet
x25 generic X.25
eui64 Generic EUI-64
unspec UNSPEC";

/// The hardware line of a `-e` block, without the newline:
/// `        <name> <address>  txqueuelen <n>  (<title>)`.
pub fn line(out: &mut Out, hw_type: u16, addr: &[u8; 16], tx_queue_len: i32) {
    let i = TYPES.iter().position(|t| t.0 == hw_type).unwrap_or(TYPES.len());
    let print = TYPES.get(i).map_or(UNSPEC, |t| t.1);
    let name_title = NAMES.split(|&b| b == b'\n').nth(i).unwrap_or_default();
    let space = name_title.iter().position(|&b| b == b' ').unwrap_or(0);
    out.str("        ");
    out.bytes(&name_title[..space]);
    match print {
        Nothing => {}
        Ash if addr.iter().all(|&b| b == 0) => {}
        p => {
            out.byte(b' ');
            address(out, p, addr);
        }
    }
    if tx_queue_len != -1 {
        out.str("  txqueuelen ");
        out.num(tx_queue_len as i64);
    }
    out.str("  (");
    out.bytes(name_title.get(space + 1..).unwrap_or_default());
    out.byte(b')');
}

fn address(out: &mut Out, print: Print, a: &[u8; 16]) {
    let mut t = Text::new();
    let mut cut = t.capacity();
    match print {
        Hex { count, sep, style } => {
            for i in 0..count as usize {
                let b = if style == IRDA { a[count as usize - 1 - i] } else { a[i] };
                if i > 0 && sep != 0 {
                    push(&mut t, &[sep]);
                }
                if style == IRDA && b >= 0x80 {
                    push(&mut t, b"ffffff");
                }
                hex(&mut t, b as u64, 2, style == UPPER);
            }
            if style == IRDA {
                cut = 11;
            }
        }
        Callsign => {
            // A space ends the call as a NUL does.
            for c in a[..6].iter().map(|b| b >> 1).take_while(|&c| c != 0 && c != b' ') {
                push(&mut t, &[c]);
            }
            let ssid = (a[6] & 0x1e) >> 1;
            if ssid != 0 {
                push(&mut t, b"-");
                push(&mut t, itoa::Buffer::new().format(ssid as u64).as_bytes());
            }
        }
        Chars => push(&mut t, crate::cscan::c_str(a)),
        Dlci => push(&mut t, itoa::Buffer::new().format(i16::from_ne_bytes([a[0], a[1]]) as i64).as_bytes()),
        Ash => {
            // net-tools reads 64 bytes of which only the first 8 are the address (UB); it
            // means hex digits up to the first 0xc9 or 0xff.
            push(&mut t, b"[");
            for &b in a.iter().chain(&[0; 48]).take_while(|&&b| b != 0xc9 && b != 0xff) {
                hex(&mut t, b as u64, 1, false);
            }
            push(&mut t, b"]");
        }
        Nothing => {}
    }
    out.safe(&t[..t.len().min(cut)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hw_line(hw_type: u16, first: &[u8], txq: i32) -> String {
        let mut addr = [0; 16];
        addr[..first.len()].copy_from_slice(first);
        let mut out = Out::new();
        line(&mut out, hw_type, &addr, txq);
        String::from_utf8_lossy(out.pending()).into_owned()
    }

    #[test]
    fn every_type_has_a_name() {
        assert_eq!(NAMES.split(|&b| b == b'\n').count(), TYPES.len() + 1);
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
        assert_eq!(hw_line(783, &[1, 2, 3, 0x84], -1), "        irda ffffff84:03  (IrLAP)");
        assert_eq!(hw_line(15, &[0xfe, 0xff], -1), "        dlci -2  (Frame Relay DLCI)");
        assert_eq!(hw_line(271, b"12345", -1), "        x25 12345  (generic X.25)");
        assert_eq!(hw_line(270, &[0xa, 0xb, 0xc, 0xd, 0xe], -1), "        rose 0a0b0c0d0e  (AMPR ROSE)");
        assert_eq!(hw_line(7, &[0x7f], -1), "        arcnet 7F  (ARCnet)");
        assert_eq!(hw_line(27, &[1, 2, 3, 4, 5, 6, 7, 8], -1), "        eui64 01:02:03:04:05:06:07:08  (Generic EUI-64)");
        assert_eq!(hw_line(781, &[], -1), "        ash  (Ash)");
        assert_eq!(hw_line(781, &[1, 0x2f, 0xc9], -1), "        ash [12f]  (Ash)");
        assert_eq!(hw_line(513, &[], 100), "        hdlc  txqueuelen 100  ((Cisco)-HDLC)");
    }
}
