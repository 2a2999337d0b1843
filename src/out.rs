//! Output: stdout buffered as glibc's stdio buffers it, stderr unbuffered, so that messages on
//! stderr (warnings about bogus lines, mid-table) fall between the rows exactly where net-tools'
//! fall when both streams go to one terminal, pipe or file.
//!
//! Write errors are ignored, as net-tools ignores them. A closed pipe ends the no-libc build
//! through SIGPIPE's default action, silently, as it ends net-tools. The std runtime ignores
//! SIGPIPE, so there the write fails with EPIPE instead: `Out` remembers it, stops writing, and
//! the program ends with status 141, what a shell reports for a death by SIGPIPE.

use crate::text::Packed;
use rustix::fd::{AsFd, BorrowedFd};
use rustix::io::Errno;

/// glibc's BUFSIZ: the largest buffer stdio gives stdout.
const BUF_SIZE: usize = 8192;

/// Buffered stdout with the padding rules of printf's `%-Ns` and `%Ns`.
pub struct Out {
    fd: BorrowedFd<'static>,
    buf: [u8; BUF_SIZE],
    len: usize,
    /// The buffer's size as stdio picks it: the file's block size, at most BUF_SIZE. A full
    /// buffer is written when the next byte comes.
    block: usize,
    /// stdout is a terminal: every line is written as it ends.
    line_buffered: bool,
    /// The reader of stdout has gone (EPIPE).
    pub closed: bool,
}

impl Out {
    pub fn new() -> Self {
        // SAFETY: descriptor 1 is never closed by this program.
        Out::on(unsafe { BorrowedFd::borrow_raw(1) })
    }

    fn on(fd: BorrowedFd<'static>) -> Self {
        // glibc's _IO_file_doallocate: st_blksize when it is below BUFSIZ; line buffering for
        // a character device that is a terminal.
        let (mut block, mut line_buffered) = (BUF_SIZE, false);
        if let Ok(st) = rustix::fs::fstat(fd) {
            if st.st_blksize > 0 && (st.st_blksize as usize) < BUF_SIZE {
                block = st.st_blksize as usize;
            }
            line_buffered = rustix::fs::FileType::from_raw_mode(st.st_mode) == rustix::fs::FileType::CharacterDevice
                && rustix::termios::isatty(fd);
        }
        Out { fd, buf: [0; BUF_SIZE], len: 0, block, line_buffered, closed: false }
    }

    pub fn bytes(&mut self, s: &[u8]) {
        // Byte by byte: every row goes through `byte` anyway, and one loop is less code.
        for &b in s {
            self.byte(b);
        }
    }

    pub fn text(&mut self, t: Packed) {
        self.bytes(&t.unpack());
    }

    pub fn byte(&mut self, b: u8) {
        // Stored directly: a one-byte memcpy per character costs more than the rest of a row.
        if self.len >= self.block {
            self.flush();
        }
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
        if b == b'\n' && self.line_buffered {
            self.flush();
        }
    }

    pub fn spaces(&mut self, n: usize) {
        for _ in 0..n {
            self.byte(b' ');
        }
    }

    /// `%-Ns`: the text, then spaces up to `width`.
    pub fn left(&mut self, s: &[u8], width: usize) {
        self.bytes(s);
        self.spaces(width.saturating_sub(s.len()));
    }

    /// `%Ns`: spaces up to `width`, then the text.
    pub fn right(&mut self, s: &[u8], width: usize) {
        self.spaces(width.saturating_sub(s.len()));
        self.bytes(s);
    }

    /// Text that came from another process or a file: control bytes become `?` so that a
    /// hostile name cannot drive the terminal (decisions.md, Security).
    pub fn safe(&mut self, s: &[u8]) {
        for &b in s {
            self.byte(safe_byte(b));
        }
    }

    /// `%-Ns` of untrusted text.
    pub fn safe_left(&mut self, s: &[u8], width: usize) {
        self.safe(s);
        self.spaces(width.saturating_sub(s.len()));
    }

    pub fn num(&mut self, n: impl itoa::Integer) {
        let mut b = itoa::Buffer::new();
        self.bytes(b.format(n).as_bytes());
    }

    /// `%-Nd`.
    pub fn num_left(&mut self, n: impl itoa::Integer, width: usize) {
        let mut b = itoa::Buffer::new();
        self.left(b.format(n).as_bytes(), width);
    }

    /// `%Nd`.
    pub fn num_right(&mut self, n: impl itoa::Integer, width: usize) {
        let mut b = itoa::Buffer::new();
        self.right(b.format(n).as_bytes(), width);
    }

    /// What is buffered and not yet written (for unit tests of formatters).
    #[cfg(test)]
    pub fn pending(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    pub fn flush(&mut self) {
        if !self.closed {
            self.closed = write_all(self.fd, &self.buf[..self.len]) == Err(Errno::PIPE);
        }
        self.len = 0;
    }
}

/// How `Out::safe` shows a byte: control bytes become `?`.
pub fn safe_byte(b: u8) -> u8 {
    if b < 0x20 || b == 0x7f {
        b'?'
    } else {
        b
    }
}

/// Writes `message` to stderr, each `%s` in it replaced by the next of `args`, as C's
/// unbuffered stderr writes a `fprintf`: at once, in one write unless it is long.
pub fn err(message: Packed, args: &[&[u8]]) {
    let text = message.unpack();
    let mut args = args.iter();
    let mut buf = heapless::Vec::<u8, 1024>::new();
    let mut rest = &text[..];
    while let [c, tail @ ..] = rest {
        rest = tail;
        let mut piece = core::slice::from_ref(c);
        if *c == b'%' {
            rest = rest.get(1..).unwrap_or_default();
            piece = args.next().copied().unwrap_or_default();
        }
        for &b in piece {
            if buf.push(b).is_err() {
                err_bytes(&buf);
                buf.clear();
                let _ = buf.push(b);
            }
        }
    }
    err_bytes(&buf);
}

/// Writes `bytes` to stderr at once.
pub fn err_bytes(bytes: &[u8]) {
    let _ = write_all(stderr(), bytes);
}

fn stderr() -> BorrowedFd<'static> {
    // SAFETY: descriptor 2 is never closed by this program.
    unsafe { BorrowedFd::borrow_raw(2) }
}

fn write_all(fd: impl AsFd, mut s: &[u8]) -> Result<(), Errno> {
    while !s.is_empty() {
        match rustix::io::write(&fd, s) {
            Ok(0) => return Ok(()),
            Ok(n) => s = &s[n..],
            Err(Errno::INTR) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::IntoRawFd;

    /// An `Out` on a fresh temporary file, and the file's path.
    fn on_file(name: &str) -> (Out, std::path::PathBuf) {
        let path = std::env::temp_dir().join(format!("netstat-out-{name}-{}", std::process::id()));
        let fd = std::fs::File::create(&path).unwrap().into_raw_fd();
        // SAFETY: the descriptor is leaked for the test's lifetime.
        (Out::on(unsafe { BorrowedFd::borrow_raw(fd) }), path)
    }

    #[test]
    fn a_full_buffer_is_written_when_the_next_byte_comes() {
        let (mut out, path) = on_file("block");
        assert!(!out.line_buffered && out.block <= BUF_SIZE);
        let written = || std::fs::read(&path).unwrap().len();
        out.bytes(&vec![b'x'; out.block - 1]);
        out.byte(b'\n');
        assert_eq!(written(), 0);
        out.bytes(b"ab");
        assert_eq!(written(), out.block);
        out.bytes(&vec![b'y'; 2 * out.block]);
        assert_eq!(written(), 3 * out.block);
        out.flush();
        assert_eq!(written(), 3 * out.block + 2);
        let _ = std::fs::remove_file(path);
    }

    #[test]
    fn a_terminal_gets_every_line_as_it_ends() {
        let (mut out, path) = on_file("line");
        out.line_buffered = true;
        let written = || String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
        out.bytes(b"\nProto Recv-Q");
        assert_eq!(written(), "\n");
        out.spaces(2);
        out.byte(b'\n');
        assert_eq!(written(), "\nProto Recv-Q  \n");
        out.bytes(b"a\nb\nc");
        assert_eq!(written(), "\nProto Recv-Q  \na\nb\n");
        let _ = std::fs::remove_file(path);
    }
}
