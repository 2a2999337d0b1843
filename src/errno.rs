//! glibc's `strerror` texts for the errors netstat reports.

use rustix::io::Errno;

pub fn text(e: Errno) -> &'static [u8] {
    match e {
        Errno::PERM => b"Operation not permitted",
        Errno::NOENT => b"No such file or directory",
        Errno::SRCH => b"No such process",
        Errno::IO => b"Input/output error",
        Errno::NXIO => b"No such device or address",
        Errno::NOMEM => b"Cannot allocate memory",
        Errno::ACCESS => b"Permission denied",
        Errno::NODEV => b"No such device",
        Errno::NOTDIR => b"Not a directory",
        Errno::ISDIR => b"Is a directory",
        Errno::INVAL => b"Invalid argument",
        Errno::NFILE => b"Too many open files in system",
        Errno::MFILE => b"Too many open files",
        Errno::LOOP => b"Too many levels of symbolic links",
        Errno::NAMETOOLONG => b"File name too long",
        Errno::OPNOTSUPP => b"Operation not supported",
        Errno::AFNOSUPPORT => b"Address family not supported by protocol",
        _ => b"Unknown error",
    }
}
