//! `-V`, `-h` and usage errors. The texts (in `usage_text.rs`) are packed by build.rs with
//! byte-pair encoding, which halves them.

use crate::out::{err, Out};

mod packed {
    include!(concat!(env!("OUT_DIR"), "/usage_packed.rs"));
}

/// The texts as written, for the test that they unpack to themselves.
#[cfg(test)]
#[path = "usage_text.rs"]
mod text;

/// The longest text, unpacked, fits.
type Text = heapless::Vec<u8, 2048>;

fn unpack(tokens: &[u8]) -> Text {
    let mut text = Text::new();
    crate::pack::unpack(&packed::PAIRS, tokens, text.as_mut_view());
    text
}

/// Prints a text to `out`, or without one to stderr.
fn print(tokens: &[u8], out: Option<&mut Out>) {
    let text = unpack(tokens);
    match out {
        Some(out) => out.bytes(&text),
        None => err(&[&text]),
    }
}

/// `-h`: usage on stdout, the family list on stderr.
pub fn help(out: &mut Out) {
    print(&packed::USAGE, Some(out));
    print(&packed::FAMILIES, None);
}

/// A usage error: everything on stderr; returns the exit status 3.
pub fn error() -> i32 {
    print(&packed::USAGE, None);
    print(&packed::FAMILIES, None);
    3
}

pub fn version(out: &mut Out) {
    print(&packed::VERSION, Some(out));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_unpack_to_themselves() {
        assert_eq!(unpack(&packed::USAGE), text::USAGE.as_bytes());
        assert_eq!(unpack(&packed::FAMILIES), text::FAMILIES.as_bytes());
        assert_eq!(unpack(&packed::VERSION), text::VERSION.as_bytes());
    }
}
