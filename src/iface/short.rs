//! The interface table without `-e` (lib/interface.c `ife_print_short`).

use super::dev::*;
use super::kernel::{Facts, MTU};
use crate::out::Out;

pub const HEADER: &str = "Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n";

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

/// The flag letters in net-tools' order (POINTOPOINT is a second `P`), each followed by its
/// IFF_ bit.
const LETTERS: &[u8] = b"A\x09B\x01D\x02L\x03M\x0cd\x0fP\x08N\x05O\x07P\x04s\x0bm\x0aR\x06U\x00";

pub fn row(out: &mut Out, name: &[u8], facts: &Facts, counters: Option<&Counters>) {
    out.safe_left(name, 15);
    out.byte(b' ');
    out.num_right(facts.int(MTU, 0) as i64, 5);
    out.byte(b' ');
    match counters {
        Some(c) => {
            for (i, width) in COLUMNS {
                let n = c.get(i as usize).copied().unwrap_or(0);
                if i as usize == RX_FIFO {
                    out.num_left(n, width as usize);
                } else {
                    out.num_right(n, width as usize);
                }
                out.byte(b' ');
            }
        }
        None => out.left(b"     - no statistics available -", 56),
    }
    let flags = facts.flags() as u16;
    if flags == 0 {
        out.str("[NO FLAGS]");
    }
    for pair in LETTERS.chunks_exact(2) {
        if let [letter, bit] = *pair {
            if flags >> bit & 1 != 0 {
                out.byte(letter);
            }
        }
    }
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
