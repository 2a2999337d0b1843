//! glibc's `strerror` texts for the errors netstat reports.

use crate::pack::put;
use rustix::io::Errno;

const TEXTS: [(Errno, &str); 17] = [
    (Errno::PERM, "Operation not permitted"),
    (Errno::NOENT, "No such file or directory"),
    (Errno::SRCH, "No such process"),
    (Errno::IO, "Input/output error"),
    (Errno::NXIO, "No such device or address"),
    (Errno::NOMEM, "Cannot allocate memory"),
    (Errno::ACCESS, "Permission denied"),
    (Errno::NODEV, "No such device"),
    (Errno::NOTDIR, "Not a directory"),
    (Errno::ISDIR, "Is a directory"),
    (Errno::INVAL, "Invalid argument"),
    (Errno::NFILE, "Too many open files in system"),
    (Errno::MFILE, "Too many open files"),
    (Errno::LOOP, "Too many levels of symbolic links"),
    (Errno::NAMETOOLONG, "File name too long"),
    (Errno::OPNOTSUPP, "Operation not supported"),
    (Errno::AFNOSUPPORT, "Address family not supported by protocol"),
];

/// `TEXTS` as the binary carries it: each text after a byte 0x80 + its errno (the texts are
/// ASCII, the errnos below 0x80).
static PACKED: [u8; PACKED_LEN] = {
    let mut packed = [0; PACKED_LEN];
    let (mut at, mut i) = (0, 0);
    while i < TEXTS.len() {
        let errno = TEXTS[i].0.raw_os_error();
        assert!(errno < 0x80);
        packed[at] = 0x80 | errno as u8;
        at = put(&mut packed, at + 1, TEXTS[i].1.as_bytes());
        i += 1;
    }
    packed
};

const PACKED_LEN: usize = {
    let (mut len, mut i) = (0, 0);
    while i < TEXTS.len() {
        len += 1 + TEXTS[i].1.len();
        i += 1;
    }
    len
};

pub fn text(e: Errno) -> &'static [u8] {
    let errno = e.raw_os_error();
    let found = PACKED.iter().position(|&b| errno < 0x80 && b == 0x80 | errno as u8);
    match found.and_then(|at| PACKED.get(at + 1..)) {
        Some(text) => &text[..text.iter().position(|&b| b >= 0x80).unwrap_or(text.len())],
        None => b"Unknown error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_found_by_errno() {
        for (errno, text) in TEXTS {
            assert_eq!(super::text(errno), text.as_bytes());
        }
        assert_eq!(super::text(Errno::from_raw_os_error(0x80 | 1)), b"Unknown error");
        assert_eq!(super::text(Errno::NOSYS), b"Unknown error");
    }
}
