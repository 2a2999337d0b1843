//! Output: one large buffer for stdout, written in big chunks; stderr unbuffered, as stdio has it.
//!
//! Write errors are ignored, as net-tools ignores them. A closed pipe ends the no-libc build
//! through SIGPIPE's default action, silently, as it ends net-tools. The std runtime ignores
//! SIGPIPE, so there the write fails with EPIPE instead: `Out` remembers it, stops writing, and
//! the program ends with status 141, what a shell reports for a death by SIGPIPE.

use rustix::fd::{AsFd, BorrowedFd};
use rustix::io::Errno;

const BUF_SIZE: usize = 64 * 1024;

/// Buffered stdout with the padding rules of printf's `%-Ns` and `%Ns`.
pub struct Out {
    buf: [u8; BUF_SIZE],
    len: usize,
    /// The reader of stdout has gone (EPIPE).
    pub closed: bool,
}

impl Out {
    pub const fn new() -> Self {
        Out { buf: [0; BUF_SIZE], len: 0, closed: false }
    }

    pub fn bytes(&mut self, s: &[u8]) {
        if self.len + s.len() > BUF_SIZE {
            self.flush();
            if s.len() > BUF_SIZE {
                self.closed |= write_all(stdout(), s) == Err(Errno::PIPE);
                return;
            }
        }
        self.buf[self.len..self.len + s.len()].copy_from_slice(s);
        self.len += s.len();
    }

    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    pub fn byte(&mut self, b: u8) {
        self.bytes(&[b]);
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
            self.byte(if b < 0x20 || b == 0x7f { b'?' } else { b });
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

    /// What is buffered and not yet written.
    #[cfg(test)]
    pub fn pending(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    pub fn flush(&mut self) {
        if !self.closed {
            self.closed = write_all(stdout(), &self.buf[..self.len]) == Err(Errno::PIPE);
        }
        self.len = 0;
    }
}

/// Writes to stderr at once, in one write per call (stderr is unbuffered in C).
pub fn err(parts: &[&[u8]]) {
    let mut buf = heapless::Vec::<u8, 1024>::new();
    for p in parts {
        for &b in *p {
            if buf.push(b).is_err() {
                let _ = write_all(stderr(), &buf);
                buf.clear();
                let _ = buf.push(b);
            }
        }
    }
    let _ = write_all(stderr(), &buf);
}

fn stdout() -> BorrowedFd<'static> {
    // SAFETY: descriptor 1 is never closed by this program.
    unsafe { BorrowedFd::borrow_raw(1) }
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
