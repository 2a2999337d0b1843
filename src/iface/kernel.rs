//! What the kernel says about interfaces, through ioctls on an AF_INET datagram socket
//! (lib/interface.c `if_readconf` and `if_fetch`).

use super::list::List;
use crate::arena::MapVec;
use core::ffi::c_void;
use rustix::fd::OwnedFd;
use rustix::io::Errno;
use rustix::ioctl::{ioctl, Ioctl, IoctlOutput, Opcode};
use rustix::net::{socket, AddressFamily, SocketType};

const SIOCGIFCONF: Opcode = 0x8912;

/// net-tools' `if_fetch` requests in its order (SIOCGIF…, and the SLIP driver's private
/// SIOCGOUTFILL and SIOCGKEEPALIVE of linux/if_slip.h); `Facts` indexes them by these names.
const REQUESTS: [Opcode; 11] = [0x8913, 0x8927, 0x8921, 0x89f3, 0x89f1, 0x8970, 0x8942, 0x8915, 0x8917, 0x8919, 0x891b];
pub const FLAGS: usize = 0;
pub const HWADDR: usize = 1;
pub const MTU: usize = 2;
pub const OUTFILL: usize = 3;
pub const KEEPALIVE: usize = 4;
pub const MAP: usize = 5;
pub const TXQLEN: usize = 6;
pub const ADDR: usize = 7;
pub const DSTADDR: usize = 8;
pub const BRDADDR: usize = 9;
pub const NETMASK: usize = 10;

/// `struct ifreq`: the name in 16 bytes, then a union whose meaning depends on the request.
const IFREQ_SIZE: usize = 40;
type Union = [u8; 24];

/// `struct ifconf`.
#[repr(C)]
struct IfConf {
    len: i32,
    buf: *mut u8,
}

/// One request whose argument is a pointer the kernel reads and writes.
struct Call(Opcode, *mut c_void);

// SAFETY: each opcode used here takes a pointer to a `struct ifreq` or `struct ifconf`, and the
// pointer given is to one, alive and large enough for the duration of the call.
unsafe impl Ioctl for Call {
    type Output = ();
    const IS_MUTATING: bool = true;
    fn opcode(&self) -> Opcode {
        self.0
    }
    fn as_ptr(&mut self) -> *mut c_void {
        self.1
    }
    unsafe fn output_from_ptr(_: IoctlOutput, _: *mut c_void) -> rustix::io::Result<()> {
        Ok(())
    }
}

/// The answers of `if_fetch`: the union of `struct ifreq` after each request (after a failed
/// one: as the request before left it), and which requests succeeded.
#[derive(Default)]
pub struct Facts {
    pub union: [Union; REQUESTS.len()],
    pub ok: u16,
}

impl Facts {
    /// `len` (at most 8) bytes at `at` in the union after request `i`, as a little-endian
    /// number (the targets are little-endian); `None` if the request failed.
    pub fn get(&self, i: usize, at: usize, len: usize) -> Option<u64> {
        let union = self.union.get(i)?;
        let mut b = [0; 8];
        for (k, d) in b.iter_mut().enumerate().take(len) {
            *d = union.get(at + k).copied().unwrap_or(0);
        }
        (self.ok >> i & 1 != 0).then_some(u64::from_le_bytes(b))
    }

    /// A C `int` answer, or `default` if its request failed.
    pub fn int(&self, i: usize, default: i32) -> i32 {
        self.get(i, 0, 4).map_or(default, |v| v as i32)
    }

    /// The flags as net-tools keeps them, a C `short`: higher flags are lost, IFF_DYNAMIC is
    /// the sign.
    pub fn flags(&self) -> i16 {
        self.get(FLAGS, 0, 2).unwrap_or(0) as i16
    }

    /// The `sa_family` of the hardware address (after a failed request what the union still
    /// holds: the flags).
    pub fn hw_type(&self) -> u16 {
        u16::from_le_bytes([self.union[HWADDR][0], self.union[HWADDR][1]])
    }

    /// The address of a `sockaddr_in` answer.
    pub fn ipv4(&self, i: usize) -> Option<[u8; 4]> {
        Some((self.get(i, 4, 4)? as u32).to_le_bytes())
    }
}

#[cfg(test)]
impl Facts {
    /// Facts with these flags, MTU 1500, a loopback hardware type and no queue length.
    pub fn for_test(flags: i16) -> Facts {
        let mut f = Facts::default();
        f.union[FLAGS][..2].copy_from_slice(&flags.to_le_bytes());
        f.union[MTU][..4].copy_from_slice(&1500i32.to_le_bytes());
        f.union[HWADDR][..2].copy_from_slice(&772u16.to_le_bytes());
        f.ok = 1 << FLAGS | 1 << MTU | 1 << HWADDR;
        f
    }
}

/// The SLIP hardware types, which have keepalive and outfill settings.
fn is_slip(hw_type: u16) -> bool {
    matches!(hw_type, 256..=259 | 264)
}

pub struct Kernel {
    fd: OwnedFd,
}

impl Kernel {
    pub fn open() -> Result<Self, Errno> {
        Ok(Kernel { fd: socket(AddressFamily::INET, SocketType::DGRAM, None)? })
    }

    fn call(&self, opcode: Opcode, arg: *mut u8) -> Result<(), Errno> {
        // SAFETY: see `Call`; `arg` points to an `ifreq` or an `ifconf` whose buffer is alive.
        unsafe { ioctl(&self.fd, Call(opcode, arg.cast())) }
    }

    /// Adds the interfaces that SIOCGIFCONF lists (one entry per IPv4 address, named by the
    /// address label) to `list`, asking again with a larger buffer while it comes back full.
    pub fn add_configured(&self, list: &mut List) -> Result<(), Errno> {
        let mut reqs = MapVec::<u8>::new();
        loop {
            let size = reqs.len();
            if size > 0 {
                let mut conf = IfConf { len: size as i32, buf: reqs.as_mut_slice().as_mut_ptr() };
                self.call(SIOCGIFCONF, (&mut conf as *mut IfConf).cast())?;
                if conf.len as usize != size {
                    let used = reqs.as_slice().get(..conf.len.max(0) as usize).unwrap_or_default();
                    for req in used.chunks_exact(IFREQ_SIZE) {
                        list.add(crate::cscan::c_str(req.get(..16).unwrap_or_default()));
                    }
                    return Ok(());
                }
            }
            // Room for 30 entries first, then twice as many each time.
            for _ in 0..size.max(30 * IFREQ_SIZE) {
                if !reqs.push(0) {
                    return Err(Errno::NOMEM);
                }
            }
        }
    }

    /// net-tools' `if_fetch`: the same requests in the same order through one `ifreq`, whose
    /// union each request finds as the one before left it (the kernel's IPv4 requests look at
    /// the address in it). Fails only if SIOCGIFFLAGS does.
    pub fn fetch(&self, name: &[u8], facts: &mut Facts) -> Result<(), Errno> {
        let mut r = [0u8; IFREQ_SIZE];
        facts.ok = 0;
        for (i, &opcode) in REQUESTS.iter().enumerate() {
            if (i == OUTFILL || i == KEEPALIVE) && !is_slip(facts.hw_type()) {
                continue;
            }
            if i == ADDR {
                // The union is a `sockaddr_in` from here on: AF_INET.
                r[16] = 2;
                r[17] = 0;
            }
            if i > ADDR && facts.ok >> ADDR & 1 == 0 {
                break;
            }
            for (k, d) in r[..16].iter_mut().enumerate() {
                *d = name.get(k).copied().filter(|_| k < 15).unwrap_or(0);
            }
            let answered = self.call(opcode, r.as_mut_ptr());
            if i == FLAGS {
                answered?;
            }
            facts.ok |= (answered.is_ok() as u16) << i;
            facts.union[i].copy_from_slice(&r[16..]);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_of_the_answers() {
        let mut f = Facts::for_test(-1);
        f.union[MAP][16..21].copy_from_slice(&[0x00, 0x03, 11, 3, 4]);
        f.union[ADDR][4..8].copy_from_slice(&[10, 0, 0, 1]);
        f.ok |= 1 << MAP | 1 << ADDR;
        assert_eq!((f.flags(), f.hw_type(), f.int(MTU, 0), f.int(TXQLEN, -1)), (-1, 772, 1500, -1));
        assert_eq!([f.get(MAP, 16, 2), f.get(MAP, 18, 1), f.get(MAP, 20, 1)], [Some(0x300), Some(11), Some(4)]);
        assert_eq!((f.ipv4(ADDR), f.ipv4(NETMASK)), (Some([10, 0, 0, 1]), None));
        assert_eq!(f.get(MAP, 22, 8), Some(0));
        assert_eq!(f.get(99, 0, 1), None);
    }

    #[test]
    fn loopback_answers() {
        let kernel = Kernel::open().unwrap();
        let mut f = Facts::default();
        kernel.fetch(b"lo", &mut f).unwrap();
        assert!(f.flags() & 0x8 != 0 && f.hw_type() == 772 && f.int(MTU, 0) > 0);
        assert_eq!(kernel.fetch(b"no such name", &mut f).err(), Some(Errno::NODEV));
        // lo has 127.0.0.1, so SIOCGIFCONF lists it.
        let mut list = List::new();
        kernel.add_configured(&mut list).unwrap();
        assert!(list.iter().any(|i| i.name() == b"lo" && i.counters.is_none()));
    }
}
