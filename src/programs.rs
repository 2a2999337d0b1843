//! The `-p` map from socket inode to `PID/program` (STUB).

pub struct Programs {
    loaded: bool,
}

impl Programs {
    pub fn new() -> Self {
        Programs { loaded: false }
    }

    pub fn is_loaded(&self) -> bool {
        self.loaded
    }

    /// Scans /proc once; prints net-tools' non-root warnings to stderr when they apply.
    pub fn load(&mut self, proc_root: &[u8]) {
        let _ = proc_root;
        self.loaded = true;
    }

    /// Forgets the scan (every `-c` iteration scans again).
    pub fn clear(&mut self) {
        self.loaded = false;
    }

    /// The `PID/name` cell for a socket inode, at most 19 bytes; None when no process holds it.
    pub fn lookup(&self, inode: u64) -> Option<&[u8]> {
        let _ = inode;
        None
    }
}
