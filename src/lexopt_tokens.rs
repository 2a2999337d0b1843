//! The std build's command line: lexopt splits argv, and its pieces are handed to the same
//! grammar the no-libc build uses (`netstat::cli`).

use lexopt::Arg;
use netstat::cli::{Token, Tokens};
use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt as _, OsStringExt};

pub struct LexoptTokens {
    parser: lexopt::Parser,
    /// The text of the current long option, and of the value just taken.
    long: Vec<u8>,
    attached: Option<Vec<u8>>,
    value: Vec<u8>,
}

impl LexoptTokens {
    pub fn from_env() -> Self {
        let mut parser = lexopt::Parser::from_env();
        // getopt reads `-A=x` as the family `=x`; lexopt would strip the `=`.
        parser.set_short_equals(false);
        LexoptTokens { parser, long: Vec::new(), attached: None, value: Vec::new() }
    }
}

impl Tokens for LexoptTokens {
    fn next(&mut self) -> Option<Token<'_>> {
        loop {
            match self.parser.next() {
                Ok(None) => return None,
                Ok(Some(Arg::Short(c))) => {
                    // getopt works on bytes: a multi-byte character is reported by its first byte.
                    let mut utf8 = [0u8; 4];
                    return Some(Token::Short(c.encode_utf8(&mut utf8).as_bytes()[0]));
                }
                Ok(Some(Arg::Long(name))) => {
                    self.long = name.as_bytes().to_vec();
                    self.attached = self.parser.optional_value().map(OsString::into_vec);
                    return Some(Token::Long(&self.long, self.attached.as_deref()));
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
