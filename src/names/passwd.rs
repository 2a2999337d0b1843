//! /etc/passwd as glibc's `getpwuid` reads it with the `files` source: the first valid line
//! with the uid gives its first field. A line needs a name, a password field and numeric uid
//! and gid fields; names starting with `+` or `-` (NIS markers) never match a uid lookup.
//! `#` starts a comment only at the beginning of a line.

use super::etc::Fields;

/// The uid of a line, from the fields after the name; None for an invalid line or a NIS
/// marker.
pub fn uid(f: &mut Fields, line: &[u8]) -> Option<u32> {
    f.string();
    let uid = f.number(false)?;
    f.number(false)?;
    (!matches!(line.first(), Some(b'+' | b'-'))).then_some(uid)
}

#[cfg(test)]
mod tests {
    use crate::names::tests::Parsed;
    use crate::names::File;

    /// Files and answers from `getent passwd UID` with that /etc/passwd.
    #[test]
    fn names_as_getent_found_them() {
        let name = |file: &[u8], uid: u32| Parsed::new(File::Passwd, file).name(uid as u128, false);
        let some = |s: &str| Some(s.to_string());
        assert_eq!(name(b"a:x:5\nb:x:5:\nc:x:5:5\n", 5), some("c"));
        let file = b"a:x: 6:6\nb:x:+7:7\nc::8:0x8\nd:x:-1:1\n:x:9:9\n";
        assert_eq!(name(file, 6), some("a"));
        assert_eq!(name(file, 7), some("b"));
        assert_eq!(name(file, 8), None);
        assert_eq!(name(file, u32::MAX), None);
        assert_eq!(name(file, 9), some(""));
        let file = b"a:x:99999999999:1\nb:x::1\n+c:x:11:1\nd#x:x:12:1\n#e:x:13:1\n  f:x:14:1\n";
        assert_eq!(name(file, u32::MAX), None);
        assert_eq!(name(file, 0), None);
        assert_eq!(name(file, 11), None);
        assert_eq!(name(file, 12), some("d#x"));
        assert_eq!(name(file, 13), None);
        assert_eq!(name(file, 14), some("f"));
        assert_eq!(name(b"e:x:4294967295:1\n", u32::MAX), some("e"));
        // The last line has no newline: `  b:x:16:1` is read as `b:x:16:1:1`.
        let file = b"a:x:15:1:g\n  b:x:16:1";
        assert_eq!(name(file, 15), some("a"));
        assert_eq!(name(file, 16), some("b"));
    }
}
