//! The `-p` map from socket inode to `PID/program`, built from one pass over /proc/PID/fd
//! (behaviour spec §4.8).

use crate::arena::MapVec;
use crate::cscan::strtoul_auto;
use crate::out::err;
use crate::procfs::Path;
use core::ffi::CStr;
use core::mem::MaybeUninit;
use rustix::fd::{AsFd, BorrowedFd, OwnedFd};
use rustix::fs::{openat, Mode, OFlags, RawDir, CWD};
use rustix::io::Errno;

/// net-tools keeps `PID/name` in a 20-byte C string.
const CELL: usize = 19;

/// A socket some process holds: its inode, and where that process's `PID/name` cell is in
/// `Programs::cells`. Processes add their cells in scan order, so among holders of an inode
/// the one found first has the lowest `at`, and wins. (The layout and sort key are those of
/// `names::Entry`, so both tables sort with the same code.)
#[derive(Clone, Copy)]
struct Socket {
    /// (Wide only to share `names::Entry`'s layout.)
    inode: u128,
    at: usize,
    len: u32,
}

impl Socket {
    fn key(&self) -> (u128, usize) {
        (self.inode, self.at)
    }
}

pub struct Programs {
    loaded: bool,
    /// Sorted by `Socket::key` once the scan is over.
    sockets: MapVec<Socket>,
    /// The processes' cells, one after another.
    cells: MapVec<u8>,
}

impl Programs {
    pub fn new() -> Self {
        Programs { loaded: false, sockets: MapVec::new(), cells: MapVec::new() }
    }

    pub fn is_loaded(&self) -> bool {
        self.loaded
    }

    /// Scans /proc once; prints net-tools' non-root warnings to stderr when they apply.
    pub fn load(&mut self, proc_root: &[u8]) {
        self.loaded = true;
        let mut root = Path::new();
        root.push(proc_root);
        let Ok(proc_dir) = open_dir(CWD, root.c_str()) else {
            no_info();
            return;
        };
        let mut denied = false;
        let mut buf = [MaybeUninit::uninit(); 4096];
        let mut entries = RawDir::new(&proc_dir, &mut buf);
        while let Some(Ok(entry)) = entries.next() {
            let pid = entry.file_name();
            if pid.to_bytes().iter().all(u8::is_ascii_digit) {
                denied |= self.scan_process(&proc_dir, pid) == Err(Errno::ACCESS);
            }
        }
        sort(&mut self.sockets);
        if denied {
            if self.sockets.is_empty() {
                no_info();
            } else {
                err(t!("(Not all processes could be identified, non-owned process info\n will not be shown, you would have to be root to see it all.)\n"), &[]);
            }
        }
    }

    /// Records the sockets among one process's descriptors. Processes that vanish meanwhile
    /// are skipped; the error is that of opening its fd directory (its /proc directory opens
    /// for anyone).
    fn scan_process(&mut self, proc_dir: &OwnedFd, pid: &CStr) -> Result<(), Errno> {
        let process = open_dir(proc_dir.as_fd(), pid)?;
        let fds = open_dir(process.as_fd(), c"fd")?;
        let mut named = None;
        let mut buf = [MaybeUninit::uninit(); 4096];
        let mut entries = RawDir::new(&fds, &mut buf);
        while let Some(Ok(entry)) = entries.next() {
            let name = entry.file_name();
            if !name.to_bytes().first().is_some_and(u8::is_ascii_digit) {
                continue;
            }
            // net-tools reads at most 29 bytes of the link.
            let mut link = [0u8; 29];
            let Ok(len) = rustix::fs::readlinkat_raw(&fds, name, &mut link[..]) else { continue };
            let Some(inode) = socket_inode(link.get(..len).unwrap_or(&[])) else { continue };
            // cmdline is read at the process's first socket; when that fails, net-tools
            // skips the socket and tries again at the next one.
            if named.is_none() {
                named = self.read_cell(&process, pid.to_bytes());
            }
            if let Some((at, len)) = named {
                let _ = add(&mut self.sockets, Socket { inode: inode.into(), at, len });
            }
        }
        Ok(())
    }

    /// Forgets the scan (every `-c` iteration scans again).
    pub fn clear(&mut self) {
        self.loaded = false;
        self.sockets.clear();
        self.cells.clear();
    }

    /// The `PID/name` cell for a socket inode, at most 19 bytes; None when no process holds it.
    pub fn lookup(&self, inode: u64) -> Option<&[u8]> {
        let sockets = self.sockets.as_slice();
        // (Inodes are stored from u64s: their low 64 bits are all of them.)
        let first = sockets.get(sockets.partition_point(|s| (s.inode as u64) < inode))?;
        let cell = self.cells.as_slice().get(first.at..first.at + first.len as usize);
        (first.inode as u64 == inode).then(|| cell.unwrap_or(&[]))
    }
}

/// `MapVec::push`, kept out of line: it compiles to the code of the push of `names::Entry`,
/// which the linker then keeps once.
#[inline(never)]
fn add(sockets: &mut MapVec<Socket>, socket: Socket) -> bool {
    sockets.push(socket)
}

/// Sorts by `Socket::key`; out of line for the same reason (`names::Table::sort`).
#[inline(never)]
fn sort(sockets: &mut MapVec<Socket>) {
    sockets.sort_by_key(Socket::key);
}

fn no_info() {
    let mut euid = itoa::Buffer::new();
    err(t!("(No info could be read for \"-p\": geteuid()=%s but you should be root.)\n"), &[euid.format(rustix::process::geteuid().as_raw() as i32).as_bytes()]);
}

fn open_dir(at: BorrowedFd, path: &CStr) -> Result<OwnedFd, Errno> {
    openat(at, path, OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty())
}

/// The inode of a socket descriptor's link text, `socket:[N]` or `[0000]:N`, with N as
/// `strtoul(…, 0)` reads it and taken only whole and below the maximum.
fn socket_inode(link: &[u8]) -> Option<u64> {
    let number = if link.len() >= 11 && link.starts_with(b"socket:[") && link.ends_with(b"]") {
        &link[8..link.len() - 1]
    } else if link.len() >= 8 && link.starts_with(b"[0000]:") {
        &link[7..]
    } else {
        return None;
    };
    match strtoul_auto(number) {
        Some((inode, [])) if inode != u64::MAX => Some(inode),
        _ => None,
    }
}

impl Programs {
    /// Appends the cell `PID/argv0-name` to `cells`, from /proc/PID/cmdline (one read of at
    /// most 511 bytes): argv[0] after its last `/` when it starts with one, else all of it;
    /// cut to 19 bytes. Returns where it is.
    fn read_cell(&mut self, process: &OwnedFd, pid: &[u8]) -> Option<(usize, u32)> {
        let fd = openat(process, c"cmdline", OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()).ok()?;
        let mut cmdline = [0u8; 511];
        let len = rustix::io::read(&fd, &mut cmdline).ok()?;
        let argv0 = crate::pack::split(&cmdline[..len], 0).next().unwrap_or(&[]);
        let name = match argv0 {
            [b'/', ..] => argv0.rsplit(|&b| b == b'/').next().unwrap_or(&[]),
            _ => argv0,
        };
        let at = self.cells.len();
        for part in &[pid, b"/", name] {
            for &b in *part {
                if self.cells.len() - at < CELL {
                    self.cells.push(b);
                }
            }
        }
        Some((at, (self.cells.len() - at) as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn socket_links_follow_net_tools() {
        assert_eq!(socket_inode(b"socket:[4242]"), Some(4242));
        assert_eq!(socket_inode(b"socket:[0x10]"), Some(16));
        assert_eq!(socket_inode(b"socket:[017]"), Some(15));
        assert_eq!(socket_inode(b"socket:[1]"), None); // shorter than 11 bytes
        assert_eq!(socket_inode(b"socket:[12]"), Some(12));
        assert_eq!(socket_inode(b"socket:[12"), None);
        assert_eq!(socket_inode(b"socket:[1a]"), None);
        assert_eq!(socket_inode(b"socket:[-1]"), None);
        assert_eq!(socket_inode(b"socket:[-2]"), Some(u64::MAX - 1));
        assert_eq!(socket_inode(b"[0000]:77"), Some(77));
        assert_eq!(socket_inode(b"[0000]: 77"), Some(77));
        assert_eq!(socket_inode(b"[0000]:"), None);
        assert_eq!(socket_inode(b"[0000]:7 "), None);
        assert_eq!(socket_inode(b"pipe:[4242]"), None);
        assert_eq!(socket_inode(b"/dev/null"), None);
    }

    #[test]
    fn sockets_sort_by_inode_then_process() {
        let mut x = 12345u64;
        let mut v = crate::arena::MapVec::new();
        let mut want = Vec::new();
        for i in 0..5000u32 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let s = Socket { inode: (x >> 54).into(), at: i as usize, len: 0 };
            assert!(v.push(s));
            want.push(s.key());
        }
        want.sort();
        v.sort_by_key(Socket::key);
        assert_eq!(v.as_slice().iter().map(Socket::key).collect::<Vec<_>>(), want);
    }

    #[test]
    fn first_process_wins() {
        let mut p = Programs::new();
        for (process, name) in [&b"7/a"[..], b"3/b"].iter().enumerate() {
            let at = p.cells.len();
            for &b in *name {
                p.cells.push(b);
            }
            for inode in [5, 9, 1] {
                let inode = inode + process as u128 * 4;
                p.sockets.push(Socket { inode, at, len: name.len() as u32 });
            }
        }
        p.sockets.sort_by_key(Socket::key);
        assert_eq!(p.lookup(9), Some(&b"7/a"[..]));
        assert_eq!(p.lookup(13), Some(&b"3/b"[..]));
        assert_eq!(p.lookup(5), Some(&b"7/a"[..]));
        assert_eq!(p.lookup(2), None);
        assert_eq!(p.lookup(14), None);
    }
}
