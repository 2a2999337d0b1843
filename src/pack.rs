//! Tables packed into byte strings at compile time, where a table of `&str` would cost 16
//! bytes of pointer and length per entry.

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
    word_index_by(words, w, false)
}

/// Which word of `words` (upper case, separated by single spaces) `w` is, ignoring case.
pub fn word_index_upper(words: &[u8], w: &[u8]) -> Option<usize> {
    word_index_by(words, w, true)
}

fn word_index_by(words: &[u8], w: &[u8], upper: bool) -> Option<usize> {
    let fold = |c: u8| if upper { c.to_ascii_uppercase() } else { c };
    split(words, b' ').position(|word| word.len() == w.len() && word.iter().zip(w).all(|(&k, &c)| k == fold(c)))
}

/// The `i`-th word of `words` (separated by single spaces); empty past the end.
pub fn nth_word(words: &[u8], i: usize) -> &[u8] {
    split(words, b' ').nth(i).unwrap_or_default()
}

/// The pieces of `list` between `sep` bytes. One function for every separator: one copy of
/// core's splitting code.
pub fn split(list: &[u8], sep: u8) -> impl Iterator<Item = &[u8]> {
    list.split(move |&b| b == sep)
}
