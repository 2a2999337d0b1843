//! Reading /proc (or `$PROC_ROOT`) and /etc files: paths in fixed buffers, whole-file reads
//! into caller buffers, and a line reader that splits lines exactly as C's
//! `fgets(buf, 8192, f)` does, so over-long lines are seen in the same pieces net-tools sees.

use rustix::fd::OwnedFd;
use rustix::fs::{Mode, OFlags};
use rustix::io::Errno;

/// A NUL-terminated path built in place.
pub struct Path {
    buf: [u8; 512],
    len: usize,
}

impl Path {
    pub fn new() -> Self {
        Path { buf: [0; 512], len: 0 }
    }

    /// `<proc root>/<rel>`; `rel` has no leading slash, e.g. `net/tcp`.
    pub fn proc(root: &[u8], rel: &[u8]) -> Self {
        let mut p = Path::new();
        p.push(root);
        p.push(b"/");
        p.push(rel);
        p
    }

    /// Appends bytes; a path that does not fit is cut, and opening it then fails.
    pub fn push(&mut self, s: &[u8]) -> &mut Self {
        // Bytes past `len` are never written: the last one stays a NUL, and so does the one
        // at `len`.
        for &b in s {
            if self.len + 1 < self.buf.len() {
                self.buf[self.len] = b;
                self.len += 1;
            }
        }
        self
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    pub fn c_str(&self) -> &core::ffi::CStr {
        // The buffer always holds a NUL at `len`; an interior NUL just shortens the path.
        let nul = self.buf.iter().position(|&b| b == 0).unwrap_or(0);
        // SAFETY: `buf[nul]` is the first NUL.
        unsafe { core::ffi::CStr::from_bytes_with_nul_unchecked(&self.buf[..=nul]) }
    }
}

pub fn open(path: &Path) -> Result<OwnedFd, Errno> {
    loop {
        match rustix::fs::open(path.c_str(), OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()) {
            Err(Errno::INTR) => continue,
            r => return r,
        }
    }
}

/// Takes the next line off text in memory, cut where C's `fgets` with a buffer of `max + 1`
/// bytes cuts it (`getline` for `usize::MAX`): through the newline, at most `max` bytes.
pub fn take_line<'a>(data: &mut &'a [u8], max: usize) -> Option<&'a [u8]> {
    if data.is_empty() {
        return None;
    }
    let len = match data.iter().take(max).position(|&b| b == b'\n') {
        Some(newline) => newline + 1,
        None => data.len().min(max),
    };
    let (line, rest) = data.split_at(len);
    *data = rest;
    Some(line)
}

/// What C's string functions see of a buffer: the bytes before the first NUL.
pub use crate::cscan::c_str;

/// The longest line piece `fgets` returns with net-tools' 8 KiB buffers (one byte for NUL).
pub const FGETS_MAX: usize = 8191;

const READ_BUF: usize = 64 * 1024;

/// Streams lines from a file through one fixed buffer, read in large chunks.
pub struct Lines<'b> {
    fd: OwnedFd,
    buf: &'b mut [u8; READ_BUF],
    start: usize,
    end: usize,
    eof: bool,
    /// The longest piece returned, newline included: fgets' buffer size minus one. Callers
    /// that read one file with several buffer sizes (net-tools' /proc header parser) change it.
    pub limit: usize,
    /// The error that ended reading early, if one did (reported as `perror` would).
    pub error: Option<Errno>,
}

pub type LineBuf = [u8; READ_BUF];

impl<'b> Lines<'b> {
    pub fn new(fd: OwnedFd, buf: &'b mut LineBuf) -> Self {
        Self::with_limit(fd, buf, FGETS_MAX)
    }

    /// Lines as `fgets` with a buffer of `limit + 1` bytes cuts them.
    pub fn with_limit(fd: OwnedFd, buf: &'b mut LineBuf, limit: usize) -> Self {
        Lines { fd, buf, start: 0, end: 0, eof: false, limit, error: None }
    }

    /// The next line without its `\n`, cut into `fgets`-sized pieces; `None` at end of file.
    pub fn next_line(&mut self) -> Option<&[u8]> {
        self.next_raw().map(|l| l.strip_suffix(b"\n").unwrap_or(l))
    }

    /// The next piece exactly as `fgets` returns it: with its `\n`, if it has one.
    pub fn next_raw(&mut self) -> Option<&[u8]> {
        loop {
            let mut avail = self.buf.get(self.start..self.end).unwrap_or_default();
            let piece = take_line(&mut avail, self.limit).map(|p| (p.len(), p.ends_with(b"\n")));
            match piece {
                // A line, a piece of a longer line, or the last line without a newline.
                Some((n, newline)) if newline || n == self.limit || self.eof => {
                    self.start += n;
                    return self.buf.get(self.start - n..self.start);
                }
                None if self.eof => return None,
                _ => self.fill(),
            }
        }
    }

    fn fill(&mut self) {
        self.buf.copy_within(self.start..self.end, 0);
        self.end -= self.start;
        self.start = 0;
        while self.end < self.buf.len() {
            match rustix::io::read(&self.fd, &mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    return;
                }
                Ok(n) => self.end += n,
                Err(Errno::INTR) => {}
                Err(e) => {
                    self.error = Some(e);
                    self.eof = true;
                    return;
                }
            }
            // /proc hands out about a page per read; keep reading until the buffer is
            // mostly full so that parsing runs over large batches.
            if self.end >= self.buf.len() - 8192 {
                return;
            }
        }
    }
}
