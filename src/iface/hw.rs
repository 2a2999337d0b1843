//! Hardware types as net-tools 2.10 names and prints them (lib/hw.c and one file per type), for
//! the types Debian's build has: token ring, STRIP and InfiniBand are not among them and print
//! as `unspec`.

use super::nth;
use crate::addr::push_hex;
use crate::addr::{push, Text};
use crate::out::Out;
use crate::text::Packed;

// How a type prints its hardware address: `HEX` + a style, or one of the others.
/// No address.
const NOTHING: u8 = 0;
/// AX.25 and NET/ROM: a callsign, one letter per byte shifted left by one, and an SSID.
const CALLSIGN: u8 = 1;
/// X.25: the bytes as text.
const CHARS: u8 = 2;
/// Frame relay DLCI: a C short.
const DLCI: u8 = 3;
/// Ash: hex digits up to an end mark; nothing for an all-zero address.
const ASH: u8 = 4;
/// `count` bytes as two hex digits each, joined by the separator (0: nothing between), in
/// lower case, upper case, or as IrDA prints them: the bytes backwards; they are C chars, so
/// those of 0x80 and up print sign-extended, and snprintf keeps 11 characters.
const HEX: u8 = 8;
const UPPER: u8 = HEX + 1;
const IRDA: u8 = HEX + 2;
/// The separator of hex bytes, if any: `:` or `-`.
const COLON: u8 = 0x10;
const DASH: u8 = 0x20;

/// lib/hw.c's table, in its order (the first entry with the type wins): the ARPHRD number,
/// how the address prints (with the separator of hex addresses), their byte count; the names and
/// titles are the lines of `NAMES`, in the same order. Every other type prints as the last
/// entry, `unspec`: the 16 bytes of a `struct sockaddr`'s data (its number here, 0xffff, is
/// ARPHRD_VOID, which lib/hw.c does not know either).
const TYPES: [(u16, u8, u8); 26] = [
    (772, NOTHING, 0),
    (256, NOTHING, 0),
    (257, NOTHING, 0),
    (258, NOTHING, 0),
    (259, NOTHING, 0),
    (264, NOTHING, 0),
    (781, ASH, 0),
    (1, HEX | COLON, 6),
    (3, CALLSIGN, 0),
    (0, CALLSIGN, 0),
    (270, HEX, 5),
    // An empty address: the line reads `tunnel ` and then the rest.
    (768, HEX, 0),
    (512, NOTHING, 0),
    (513, NOTHING, 0),
    (516, NOTHING, 0),
    (7, UPPER, 1),
    (15, DLCI, 0),
    (770, NOTHING, 0),
    (776, NOTHING, 0),
    (774, UPPER | DASH, 6),
    (780, UPPER | COLON, 6),
    (783, IRDA | COLON, 4),
    (782, NOTHING, 0),
    (271, CHARS, 0),
    (27, UPPER | COLON, 8),
    (u16::MAX, UPPER | DASH, 16),
];

/// The name and the title of each type in `TYPES`, one a line.
const NAMES: Packed = t!("\
    loop\nLocal Loopback\n\
    slip\nSerial Line IP\n\
    cslip\nVJ Serial Line IP\n\
    slip6\n6-bit Serial Line IP\n\
    cslip6\nVJ 6-bit Serial Line IP\n\
    adaptive\nAdaptive Serial Line IP\n\
    ash\nAsh\n\
    ether\nEthernet\n\
    ax25\nAMPR AX.25\n\
    netrom\nAMPR NET/ROM\n\
    rose\nAMPR ROSE\n\
    tunnel\nIPIP Tunnel\n\
    ppp\nPoint-to-Point Protocol\n\
    hdlc\n(Cisco)-HDLC\n\
    lapb\nLAPB\n\
    arcnet\nARCnet\n\
    dlci\nFrame Relay DLCI\n\
    frad\nFrame Relay Access Device\n\
    sit\nIPv6-in-IPv4\n\
    fddi\nFiber Distributed Data Interface\n\
    hippi\nHIPPI\n\
    irda\nIrLAP\n\
    ec\nEconet\n\
    x25\ngeneric X.25\n\
    eui64\nGeneric EUI-64\n\
    unspec\nUNSPEC");

/// The hardware line of a `-e` block, without the newline:
/// `        <name> <address>  txqueuelen <n>  (<title>)`.
pub fn line(out: &mut Out, hw_type: u16, addr: &[u8; 16], tx_queue_len: i32) {
    let i = TYPES.iter().position(|t| t.0 == hw_type).unwrap_or(TYPES.len() - 1);
    let (_, style, count) = TYPES.get(i).copied().unwrap_or_default();
    let sep = match style & (COLON | DASH) {
        COLON => b':',
        DASH => b'-',
        _ => 0,
    };
    let print = style & 0xf;
    let mut names = heapless::Vec::<u8, 512>::new();
    NAMES.unpack_into(&mut names);
    out.spaces(8);
    out.bytes(nth(&names, 2 * i));
    if print != NOTHING && !(print == ASH && addr.iter().all(|&b| b == 0)) {
        out.byte(b' ');
        address(out, print, count, sep, addr);
    }
    if tx_queue_len != -1 {
        out.text(t!("  txqueuelen "));
        out.num(tx_queue_len as i64);
    }
    out.text(t!("  ("));
    out.bytes(nth(&names, 2 * i + 1));
    out.byte(b')');
}

fn address(out: &mut Out, print: u8, count: u8, sep: u8, a: &[u8; 16]) {
    let mut t = Text::new();
    let byte = |i: usize| a.get(i).copied().unwrap_or(0);
    match print {
        CALLSIGN => {
            // A space ends the call as a NUL does.
            for c in a.iter().take(6).map(|b| b >> 1).take_while(|&c| c != 0 && c != b' ') {
                push(&mut t, &[c]);
            }
            out.safe(&t);
            let ssid = (byte(6) & 0x1e) >> 1;
            if ssid != 0 {
                out.byte(b'-');
                out.num(ssid as u64);
            }
            return;
        }
        CHARS => push(&mut t, crate::cscan::c_str(a)),
        DLCI => return out.num(i16::from_le_bytes([byte(0), byte(1)]) as i64),
        ASH => {
            // net-tools reads 64 bytes of which only the first 8 are the address (UB); it
            // means hex digits up to the first 0xc9 or 0xff.
            push(&mut t, b"[");
            for b in (0..64).map(byte).take_while(|&b| b != 0xc9 && b != 0xff) {
                push_hex(&mut t, b as u64, 1, false);
            }
            push(&mut t, b"]");
        }
        _ => {
            // IrDA's bytes are C chars: those of 0x80 and up print sign-extended.
            let count = count as usize;
            for i in 0..count {
                if i > 0 && sep != 0 {
                    push(&mut t, &[sep]);
                }
                let b = if print == IRDA { byte(count - 1 - i) as i8 as u32 as u64 } else { byte(i) as u64 };
                push_hex(&mut t, b, 2, print == UPPER);
            }
            if print == IRDA {
                t.truncate(11);
            }
        }
    }
    out.safe(&t);
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
        let mut names = heapless::Vec::<u8, 512>::new();
        NAMES.unpack_into(&mut names);
        assert_eq!(names.split(|&b| b == b'\n').count(), 2 * TYPES.len());
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
