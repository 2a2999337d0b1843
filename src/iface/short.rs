//! The interface table without `-e` (lib/interface.c `ife_print_short`).

use super::dev::*;
use super::kernel::{Facts, MTU};
use crate::addr::Text;
use crate::out::Out;
use crate::route::flag_letters;
use crate::text::Packed;

pub const HEADER: Packed = t!("Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n");

/// The counter columns: which counter, and its width. All are right-justified but RX-OVR
/// (RX_FIFO), as net-tools has it.
const COLUMNS: [(u8, u8); 8] = [
    (RX_PACKETS as u8, 8),
    (RX_ERRORS as u8, 6),
    (RX_DROPPED as u8, 6),
    (RX_FIFO as u8, 6),
    (TX_PACKETS as u8, 8),
    (TX_ERRORS as u8, 6),
    (TX_DROPPED as u8, 6),
    (TX_FIFO as u8, 6),
];

/// The flag letters in net-tools' order (POINTOPOINT is a second `P`), each after its IFF_
/// bit, as `route::flag_letters` reads them.
const LETTERS: &[u8] = b"\x09A\x01B\x02D\x03L\x0cM\x0fd\x08P\x05N\x07O\x04P\x0bs\x0am\x06R\x00U";

pub fn row(out: &mut Out, name: &[u8], facts: &Facts, counters: Option<&Counters>) {
    out.safe_left(name, 15);
    out.byte(b' ');
    out.num_right(facts.int(MTU, 0) as i64, 5);
    out.byte(b' ');
    match counters {
        Some(c) => {
            for &(i, width) in &COLUMNS {
                let n = c.get(i as usize).copied().unwrap_or(0);
                if i as usize == RX_FIFO {
                    out.num_left(n, width as usize);
                } else {
                    out.num_right(n, width as usize);
                }
                out.byte(b' ');
            }
        }
        None => {
            out.text(t!("     - no statistics available -"));
            out.spaces(24);
        }
    }
    let flags = facts.flags() as u16;
    if flags == 0 {
        out.text(t!("[NO FLAGS]"));
    }
    let mut letters = Text::new();
    flag_letters(&mut letters, flags as u32, LETTERS, false);
    out.bytes(&letters);
    out.byte(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row_text(flags: i16, counters: Option<&Counters>) -> String {
        let mut out = Out::new();
        row(&mut out, b"eth\x1b0", &Facts::for_test(flags), counters);
        String::from_utf8_lossy(out.pending()).into_owned()
    }

    #[test]
    fn rows_follow_net_tools() {
        let c: Counters = core::array::from_fn(|i| i as u64 * 1000);
        assert_eq!(row_text(0x1043, Some(&c)), "eth?0            1500     1000   2000   3000 4000       9000  10000  11000  12000 BMRU\n");
        assert_eq!(row_text(0, None), "eth?0            1500      - no statistics available -                        [NO FLAGS]\n");
        // IFF_DYNAMIC is the sign bit of net-tools' short; POINTOPOINT is a second P.
        assert_eq!(row_text(0x9110u16 as i16, None).trim_end().rsplit(' ').next(), Some("MdPP"));
    }
}
