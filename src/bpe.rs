//! Text packed by build.rs with byte-pair encoding: a token 0x80 + i stands for the two tokens
//! `pairs[i]`, any other byte for itself.

use heapless::vec::VecView;

/// Appends the text of `tokens` to `text`, as much as fits.
pub fn unpack(pairs: &[[u8; 2]], tokens: &[u8], text: &mut VecView<u8>) {
    for &token in tokens {
        expand(pairs, token, text);
    }
}

fn expand(pairs: &[[u8; 2]], token: u8, text: &mut VecView<u8>) {
    match pairs.get((token as usize).wrapping_sub(0x80)) {
        Some(&[first, second]) => {
            expand(pairs, first, text);
            expand(pairs, second, text);
        }
        None => {
            let _ = text.push(token);
        }
    }
}
