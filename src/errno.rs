//! glibc's `strerror` texts for the errors netstat reports.

use crate::pack::put;
use crate::printf;
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

/// `TEXTS` as the binary carries it: the errnos, and the texts joined by `|`.
static ERRNOS: [u8; TEXTS.len()] = {
    let mut errnos = [0; TEXTS.len()];
    let mut i = 0;
    while i < TEXTS.len() {
        let errno = TEXTS[i].0.raw_os_error();
        assert!(errno > 0 && errno < 0x100);
        errnos[i] = errno as u8;
        i += 1;
    }
    errnos
};

static JOINED: [u8; JOINED_LEN] = {
    let mut joined = [b'|'; JOINED_LEN];
    let (mut at, mut i) = (0, 0);
    while i < TEXTS.len() {
        at = put(&mut joined, at, TEXTS[i].1.as_bytes()) + 1;
        i += 1;
    }
    joined
};

const JOINED_LEN: usize = {
    let (mut len, mut i) = (0, 0);
    while i < TEXTS.len() {
        len += TEXTS[i].1.len() + 1;
        i += 1;
    }
    len - 1
};

pub fn text(e: Errno) -> &'static [u8] {
    let errno = e.raw_os_error();
    match ERRNOS.iter().position(|&n| n as i32 == errno) {
        Some(i) => printf::name(&JOINED, i).unwrap_or_default(),
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
