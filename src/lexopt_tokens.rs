//! The std build's command line: lexopt splits argv, and its pieces are handed to the same
//! grammar the no-libc build uses (`netstat::cli`).
//!
//! getopt works on bytes, lexopt on characters: it hands out short options and long names as
//! text, with U+FFFD for bytes that are not UTF-8. So the adapter keeps a copy of the argument
//! lexopt is splitting, and reports an option by its bytes in that copy, as getopt does.

use lexopt::Arg;
use netstat::cli::{Token, Tokens};
use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt as _, OsStringExt as _};

pub struct LexoptTokens {
    parser: lexopt::Parser,
    /// The argument lexopt is splitting, and where its next short option starts.
    arg: Vec<u8>,
    pos: usize,
    /// The value attached to the current long option, and the value just taken.
    attached: Option<Vec<u8>>,
    value: Vec<u8>,
}

impl LexoptTokens {
    pub fn from_env() -> Self {
        Self::new(lexopt::Parser::from_env())
    }

    fn new(mut parser: lexopt::Parser) -> Self {
        // getopt reads `-A=x` as the family `=x`; lexopt would strip the `=`.
        parser.set_short_equals(false);
        LexoptTokens { parser, arg: Vec::new(), pos: 0, attached: None, value: Vec::new() }
    }
}

/// How many bytes at the start of `rest` lexopt read as the short option `c`: the character's
/// own length, or for bytes that are not UTF-8 (reported as U+FFFD) the length of the invalid
/// sequence.
fn short_len(c: char, rest: &[u8]) -> usize {
    let mut utf8 = [0; 4];
    let encoded = c.encode_utf8(&mut utf8).as_bytes();
    if rest.starts_with(encoded) {
        return encoded.len();
    }
    match std::str::from_utf8(rest) {
        Err(e) => e.error_len().unwrap_or(rest.len()),
        Ok(_) => rest.len(),
    }
}

impl Tokens for LexoptTokens {
    fn next(&mut self) -> Option<Token<'_>> {
        loop {
            // Between arguments, copy the one lexopt is about to split.
            if let Some(next_arg) = self.parser.try_raw_args().and_then(|raw| raw.peek().map(|a| a.as_bytes().to_vec())) {
                self.arg = next_arg;
                self.pos = 1;
            }
            match self.parser.next() {
                Ok(None) => return None,
                Ok(Some(Arg::Short(c))) => {
                    let rest = self.arg.get(self.pos..).unwrap_or_default();
                    let byte = *rest.first()?;
                    self.pos += short_len(c, rest);
                    return Some(Token::Short(byte));
                }
                Ok(Some(Arg::Long(_))) => {
                    self.attached = self.parser.optional_value().map(OsString::into_vec);
                    // The name's bytes: `--name` or `--name=value` less the dashes and value.
                    let name_end = self.arg.iter().position(|&b| b == b'=').unwrap_or(self.arg.len());
                    let name = self.arg.get(2..name_end).unwrap_or_default();
                    return Some(Token::Long(name, self.attached.as_deref()));
                }
                Ok(Some(Arg::Value(_))) => return Some(Token::Word),
                // Only an unused `--name=value` can fail here, and the grammar has already
                // taken or rejected every attached value.
                Err(_) => continue,
            }
        }
    }

    fn value(&mut self) -> Option<&[u8]> {
        self.value = self.parser.value().ok()?.into_vec();
        Some(&self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(args: &[&[u8]]) -> Vec<String> {
        let args = args.iter().map(|a| OsString::from_vec(a.to_vec()));
        let mut t = LexoptTokens::new(lexopt::Parser::from_iter(std::iter::once(OsString::from("netstat")).chain(args)));
        let mut seen = Vec::new();
        while let Some(token) = t.next() {
            let text = match token {
                Token::Short(b'A') => format!("A={:?}", t.value().map(<[u8]>::to_vec)),
                Token::Short(c) => format!("-{c:#x}"),
                Token::Long(name, value) => format!("--{name:?}={value:?}"),
                Token::Word => "word".into(),
            };
            seen.push(text);
        }
        seen
    }

    #[test]
    fn shorts_are_reported_by_their_bytes() {
        assert_eq!(tokens(&[b"-t\xffu"]), ["-0x74", "-0xff", "-0x75"]);
        assert_eq!(tokens(&[b"-\xc3\xa9t"]), ["-0xc3", "-0x74"]);
        assert_eq!(tokens(&[b"-\xef\xbf\xbd\xe2\x82t"]), ["-0xef", "-0xe2", "-0x74"]);
        assert_eq!(tokens(&[b"-\xf0\x9f\x98"]), ["-0xf0"]);
    }

    #[test]
    fn long_names_are_reported_by_their_bytes() {
        assert_eq!(tokens(&[b"--t\xff=\xfe", b"--tcp"]), ["--[116, 255]=Some([254])", "--[116, 99, 112]=None"]);
    }

    #[test]
    fn values_words_and_dashdash() {
        assert_eq!(
            tokens(&[b"-tA=x", b"w", b"-A", b"-t", b"-", b"--", b"-u"]),
            ["-0x74", "A=Some([61, 120])", "word", "A=Some([45, 116])", "word", "word"]
        );
    }
}
