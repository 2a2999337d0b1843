//! Tables and texts packed into byte strings, where a table of `&str` would cost 16 bytes of
//! pointer and length per entry: at compile time (`put`) or by build.rs (`unpack`).

use heapless::vec::VecView;

/// Copies `bytes` into `to` from `at`; returns where they end. For statics built by const
/// blocks.
pub const fn put(to: &mut [u8], at: usize, bytes: &[u8]) -> usize {
    let mut i = 0;
    while i < bytes.len() {
        to[at + i] = bytes[i];
        i += 1;
    }
    at + bytes.len()
}

/// Which word of `words` (separated by single spaces) `w` is.
pub fn word_index(words: &[u8], w: &[u8]) -> Option<usize> {
    words.split(|&b| b == b' ').position(|word| word == w)
}

/// Appends the text of byte-pair encoded `tokens` to `text`, as much as fits: a token
/// 0x80 + i stands for the two tokens `pairs[i]`, any other byte for itself.
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
