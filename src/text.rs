//! The program's texts (messages, headers, row formats, name lists), packed by build.rs: a
//! `&'static str` costs its bytes plus 16 bytes of pointer and length wherever it is stored,
//! and the texts have many bytes in common.
//!
//! Write a text as `t!("literal")`. build.rs finds every such literal in src/ and byte-pair
//! encodes them all (with the `-s` tables) into one pool: a token 0x80 + i stands for the two
//! tokens `PAIRS[i]`, any other byte for itself. `t!` turns the literal into a `Packed`, its
//! place in the pool, which is four bytes wherever it is stored or passed.

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

/// A text in the pool: its offset in the low 16 bits, its length in tokens in the high 16.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Packed(pub u32);

/// Room for a message, header or row format. The few longer texts (the usage and version
/// texts, the hardware type names) are unpacked with `unpack_into` into room of their own.
pub type Unpacked = heapless::Vec<u8, 256>;

impl Packed {
    fn tokens(self) -> &'static [u8] {
        let at = (self.0 & 0xffff) as usize;
        POOL.get(at..at + (self.0 >> 16) as usize).unwrap_or_default()
    }

    /// The text (its first 256 bytes).
    pub fn unpack(self) -> Unpacked {
        let mut text = Unpacked::new();
        self.unpack_into(&mut text);
        text
    }

    /// Appends the text to `to`, as much as fits.
    pub fn unpack_into(self, to: &mut heapless::vec::VecView<u8>) {
        unpack_tokens(self.tokens(), to);
    }
}

/// Appends the text of `tokens` to `to`, as much as fits.
pub fn unpack_tokens(tokens: &[u8], to: &mut heapless::vec::VecView<u8>) {
    for &token in tokens {
        expand(token, to);
    }
}

fn expand(token: u8, to: &mut heapless::vec::VecView<u8>) {
    match PAIRS.get((token as usize).wrapping_sub(0x80)) {
        Some(&[first, second]) => {
            expand(first, to);
            expand(second, to);
        }
        None => {
            let _ = to.push(token);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_unpacks_to_itself() {
        for (text, packed) in ALL {
            let mut unpacked = heapless::Vec::<u8, 4096>::new();
            packed.unpack_into(&mut unpacked);
            assert_eq!(unpacked, text.as_bytes(), "{text:?}");
        }
    }
}
