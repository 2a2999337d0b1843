//! Growable storage without a heap allocator: a vector of plain values in its own anonymous
//! mapping, grown with `mremap`. Used where memory must grow with the input (the socket-inode to
//! process table for `-p`, name caches); everything else lives in fixed buffers.

use core::marker::PhantomData;
use core::mem::MaybeUninit;
use core::ptr::{null_mut, NonNull};
use rustix::fd::OwnedFd;
use rustix::io::Errno;
use rustix::mm::{mmap_anonymous, mremap, munmap, MapFlags, MremapFlags, ProtFlags};

const FIRST_MAP: usize = 64 * 1024;

pub struct MapVec<T: Copy> {
    ptr: NonNull<T>,
    len: usize,
    bytes: usize,
    _owns: PhantomData<T>,
}

impl<T: Copy> MapVec<T> {
    pub const fn new() -> Self {
        MapVec { ptr: NonNull::dangling(), len: 0, bytes: 0, _owns: PhantomData }
    }

    /// Appends a value; returns false (and drops it) if the system has no memory left.
    pub fn push(&mut self, value: T) -> bool {
        if (self.len + 1) * core::mem::size_of::<T>() > self.bytes && !self.grow() {
            return false;
        }
        // SAFETY: the mapping holds at least len + 1 values after grow.
        unsafe { self.ptr.as_ptr().add(self.len).write(value) };
        self.len += 1;
        true
    }

    fn grow(&mut self) -> bool {
        let mut p = self.ptr.cast::<u8>();
        let grown = grow_mapping(&mut p, &mut self.bytes);
        self.ptr = p.cast();
        grown
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn clear(&mut self) {
        self.len = 0;
    }

    pub fn as_slice(&self) -> &[T] {
        // SAFETY: the first len values are initialised; a dangling pointer is fine for len 0.
        unsafe { core::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    pub fn as_mut_slice(&mut self) -> &mut [T] {
        // SAFETY: as above, and we hold the only reference.
        unsafe { core::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}

/// Maps `bytes` (64 KiB when there are none yet) or doubles the mapping at `ptr`, which
/// may move; false if the system has no memory left. Not generic: one copy for every type.
fn grow_mapping(ptr: &mut NonNull<u8>, bytes: &mut usize) -> bool {
    let new_bytes = if *bytes == 0 { FIRST_MAP } else { *bytes * 2 };
    // SAFETY: fresh anonymous mappings, or a mapping its vector owns, of `bytes` bytes.
    let p = unsafe {
        if *bytes == 0 {
            mmap_anonymous(null_mut(), new_bytes, ProtFlags::READ | ProtFlags::WRITE, MapFlags::PRIVATE)
        } else {
            mremap(ptr.as_ptr().cast(), *bytes, new_bytes, MremapFlags::MAYMOVE)
        }
    };
    match p.ok().and_then(|p| NonNull::new(p.cast::<u8>())) {
        Some(p) => {
            *ptr = p;
            *bytes = new_bytes;
            true
        }
        None => false,
    }
}

impl<T: Copy> MapVec<T> {
    /// Sorts by `key`: a heapsort, in place and O(n log n) whatever the input, in a few
    /// hundred bytes of code where core's sort takes kilobytes.
    pub fn sort_by_key<K: PartialOrd>(&mut self, key: fn(&T) -> K) {
        const { assert!(core::mem::size_of::<T>() % 8 == 0, "heapsort swaps eight bytes at a time") };
        let p = self.ptr.as_ptr();
        // SAFETY: `heapsort` asks about values below `len` only, and holds no reference into
        // the mapping while it does.
        let less = |i: usize, j: usize| unsafe { key(&*p.add(i)) < key(&*p.add(j)) };
        // SAFETY: the first `len` values of `size_of::<T>()` bytes each are the vector's.
        unsafe { heapsort(p.cast(), core::mem::size_of::<T>(), self.len, &less) };
    }
}

/// Heapsorts the `n` values of `size` bytes at `base`, where `less(i, j)` tells whether
/// value `i`'s key is below value `j`'s. Not generic: one copy serves every type.
///
/// # Safety
/// `base` must point to `n` values of `size` bytes that nothing else refers to meanwhile.
unsafe fn heapsort(base: *mut MaybeUninit<u8>, size: usize, n: usize, less: &dyn Fn(usize, usize) -> bool) {
    // Eight bytes at a time (`sort_by_key` checks that sizes allow it): a loop smaller than
    // `ptr::swap_nonoverlapping` of a runtime size, and four times faster than bytes.
    let swap = |i: usize, j: usize| {
        let mut k = 0;
        while k < size {
            // SAFETY: i and j are below n, k + 8 at most size.
            unsafe {
                let (a, b) = (base.add(i * size + k).cast::<u64>(), base.add(j * size + k).cast::<u64>());
                let t = a.read_unaligned();
                a.write_unaligned(b.read_unaligned());
                b.write_unaligned(t);
            }
            k += 8;
        }
    };
    // First each parent from the last one up makes its heap, then the greatest value goes
    // to the end, one at a time, and the new root sinks back into the rest.
    let (mut start, mut end) = (n / 2, n);
    while end > 1 {
        if start > 0 {
            start -= 1;
        } else {
            end -= 1;
            swap(0, end);
        }
        // The value at `root` moves down until no child has a greater key.
        let mut root = start;
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                break;
            }
            if child + 1 < end && less(child, child + 1) {
                child += 1;
            }
            if !less(root, child) {
                break;
            }
            swap(root, child);
            root = child;
        }
    }
}

impl MapVec<u8> {
    /// Appends everything left to read from `fd`, reading straight into the mapping. If
    /// memory runs out, what fits is kept.
    pub fn read_to_end(&mut self, fd: &OwnedFd) -> Result<(), Errno> {
        loop {
            if self.len * 2 >= self.bytes && !self.grow() {
                return Ok(());
            }
            // SAFETY: the mapping's bytes past `len` are initialised (fresh anonymous pages
            // are zero-filled), any value is a valid u8, and we hold the only reference.
            let spare = unsafe { core::slice::from_raw_parts_mut(self.ptr.as_ptr().add(self.len), self.bytes - self.len) };
            match rustix::io::read(fd, spare) {
                Ok(0) => return Ok(()),
                Ok(n) => self.len += n,
                Err(Errno::INTR) => {}
                Err(e) => return Err(e),
            }
        }
    }
}

impl<T: Copy> Drop for MapVec<T> {
    // Out of line: a smaller binary.
    #[inline(never)]
    fn drop(&mut self) {
        if self.bytes != 0 {
            // SAFETY: the mapping is ours and nothing borrows it any more.
            let _ = unsafe { munmap(self.ptr.as_ptr().cast(), self.bytes) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_past_the_first_mapping() {
        let mut v = MapVec::<u64>::new();
        for i in 0..100_000u64 {
            assert!(v.push(i));
        }
        assert_eq!(v.len(), 100_000);
        assert_eq!(v.as_slice()[99_999], 99_999);
        assert_eq!(v.as_slice()[12_345], 12_345);
    }

    #[test]
    fn sorts_by_key() {
        let mut v = MapVec::<(u8, u32)>::new();
        for (i, k) in [5u8, 3, 5, 9, 0, 5, 7, 255, 1].into_iter().enumerate() {
            v.push((k, i as u32));
        }
        v.sort_by_key(|&e| e);
        let sorted: Vec<(u8, u32)> = v.as_slice().to_vec();
        assert_eq!(sorted, [(0, 4), (1, 8), (3, 1), (5, 0), (5, 2), (5, 5), (7, 6), (9, 3), (255, 7)]);
        let mut empty = MapVec::<u64>::new();
        empty.sort_by_key(|&e| e);
        assert!(empty.is_empty());
    }

    #[test]
    fn reads_a_whole_file() {
        let mut v = MapVec::<u8>::new();
        assert!(v.push(b'>'));
        let fd = rustix::fs::open("/proc/self/maps", rustix::fs::OFlags::RDONLY, rustix::fs::Mode::empty()).unwrap();
        v.read_to_end(&fd).unwrap();
        assert!(v.len() > 1 && v.as_slice()[0] == b'>' && v.as_slice().ends_with(b"\n"));
        let dir = rustix::fs::open("/", rustix::fs::OFlags::RDONLY, rustix::fs::Mode::empty()).unwrap();
        assert_eq!(v.read_to_end(&dir), Err(Errno::ISDIR));
    }
}
