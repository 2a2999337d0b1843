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
const SIOCGIFFLAGS: Opcode = 0x8913;
const SIOCGIFADDR: Opcode = 0x8915;
const SIOCGIFDSTADDR: Opcode = 0x8917;
const SIOCGIFBRDADDR: Opcode = 0x8919;
const SIOCGIFNETMASK: Opcode = 0x891b;
const SIOCGIFMTU: Opcode = 0x8921;
const SIOCGIFHWADDR: Opcode = 0x8927;
const SIOCGIFTXQLEN: Opcode = 0x8942;
const SIOCGIFMAP: Opcode = 0x8970;
/// The SLIP driver's private requests (linux/if_slip.h).
const SIOCGKEEPALIVE: Opcode = 0x89f1;
const SIOCGOUTFILL: Opcode = 0x89f3;

const AF_INET: u16 = 2;

/// `struct ifreq`: the name, then a 24-byte union whose meaning depends on the request.
#[repr(C, align(8))]
struct IfReq([u8; IFREQ_SIZE]);

const IFREQ_SIZE: usize = 40;

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

/// The union of `struct ifreq`, as the kernel left it.
impl IfReq {
    fn u16(&self) -> u16 {
        u16::from_ne_bytes([self.0[16], self.0[17]])
    }
    fn i32(&self) -> i32 {
        i32::from_ne_bytes([self.0[16], self.0[17], self.0[18], self.0[19]])
    }
    fn u64(&self, at: usize) -> u64 {
        let mut b = [0; 8];
        b.copy_from_slice(&self.0[at..at + 8]);
        u64::from_ne_bytes(b)
    }
    /// The address of a `sockaddr_in`.
    fn ipv4(&self) -> [u8; 4] {
        [self.0[20], self.0[21], self.0[22], self.0[23]]
    }
}

/// `struct ifmap`.
#[derive(Clone, Copy, Default)]
pub struct Map {
    pub mem_start: u64,
    pub mem_end: u64,
    pub base_addr: u16,
    pub irq: u8,
    pub dma: u8,
    pub port: u8,
}

/// An interface's IPv4 settings; `None` where the request failed (net-tools: `[NONE SET]`).
pub struct Inet {
    pub addr: [u8; 4],
    pub destination: Option<[u8; 4]>,
    pub broadcast: Option<[u8; 4]>,
    pub netmask: Option<[u8; 4]>,
}

#[derive(Default)]
pub struct Facts {
    /// A C `short`, as net-tools keeps it: higher flags are lost, IFF_DYNAMIC is the sign.
    pub flags: i16,
    pub hw_type: u16,
    /// The first 8 address bytes, then zeros (net-tools copies 8 into a zeroed buffer).
    pub hw_addr: [u8; 16],
    pub mtu: i32,
    pub outfill: i32,
    pub keepalive: i32,
    pub map: Map,
    /// -1: unknown.
    pub tx_queue_len: i32,
    pub inet: Option<Inet>,
}

/// The SLIP hardware types, which have keepalive and outfill settings.
pub fn is_slip(hw_type: u16) -> bool {
    matches!(hw_type, 256..=259 | 264)
}

pub struct Kernel {
    fd: OwnedFd,
}

impl Kernel {
    pub fn open() -> Result<Self, Errno> {
        Ok(Kernel { fd: socket(AddressFamily::INET, SocketType::DGRAM, None)? })
    }

    fn call<T>(&self, opcode: Opcode, arg: &mut T) -> Result<(), Errno> {
        // SAFETY: see `Call`; `arg` is an `IfReq` or an `IfConf` whose buffer is alive.
        unsafe { ioctl(&self.fd, Call(opcode, (arg as *mut T).cast())) }
    }

    /// Adds the interfaces that SIOCGIFCONF lists (one entry per IPv4 address, named by the
    /// address label) to `list`, asking again with a larger buffer while it comes back full.
    pub fn add_configured(&self, list: &mut List) -> Result<(), Errno> {
        let mut reqs = MapVec::<u8>::new();
        let mut size = 30 * IFREQ_SIZE;
        loop {
            while reqs.len() < size {
                if !reqs.push(0) {
                    return Err(Errno::NOMEM);
                }
            }
            let mut conf = IfConf { len: size as i32, buf: reqs.as_mut_slice().as_mut_ptr() };
            self.call(SIOCGIFCONF, &mut conf)?;
            if conf.len as usize == size {
                size *= 2;
                continue;
            }
            let used = &reqs.as_slice()[..(conf.len.max(0) as usize).min(size)];
            for req in used.chunks_exact(IFREQ_SIZE) {
                list.add(crate::cscan::c_str(&req[..16]));
            }
            return Ok(());
        }
    }

    /// net-tools' `if_fetch`: the same requests in the same order through one `ifreq`, whose
    /// union each request finds as the one before left it (the kernel's IPv4 requests look at
    /// the address in it). Fails only if SIOCGIFFLAGS does.
    pub fn fetch(&self, name: &[u8]) -> Result<Facts, Errno> {
        let mut r = IfReq([0; 40]);
        let name = &name[..name.len().min(15)];
        let ask = |r: &mut IfReq, opcode| {
            r.0[..16].fill(0);
            r.0[..name.len()].copy_from_slice(name);
            self.call(opcode, r)
        };
        ask(&mut r, SIOCGIFFLAGS)?;
        let flags = r.u16() as i16;
        let mut hw_addr = [0; 16];
        if ask(&mut r, SIOCGIFHWADDR).is_ok() {
            hw_addr[..8].copy_from_slice(&r.0[18..26]);
        }
        // After a failed request this is what the union still holds (the flags).
        let hw_type = r.u16();
        let mtu = if ask(&mut r, SIOCGIFMTU).is_ok() { r.i32() } else { 0 };
        let (mut outfill, mut keepalive) = (0, 0);
        if is_slip(hw_type) {
            outfill = if ask(&mut r, SIOCGOUTFILL).is_ok() { r.i32() } else { 0 };
            keepalive = if ask(&mut r, SIOCGKEEPALIVE).is_ok() { r.i32() } else { 0 };
        }
        let map = if ask(&mut r, SIOCGIFMAP).is_ok() {
            Map {
                mem_start: r.u64(16),
                mem_end: r.u64(24),
                base_addr: u16::from_ne_bytes([r.0[32], r.0[33]]),
                irq: r.0[34],
                dma: r.0[35],
                port: r.0[36],
            }
        } else {
            Map::default()
        };
        let tx_queue_len = if ask(&mut r, SIOCGIFTXQLEN).is_ok() { r.i32() } else { -1 };
        r.0[16..18].copy_from_slice(&AF_INET.to_ne_bytes());
        let inet = if ask(&mut r, SIOCGIFADDR).is_ok() {
            let addr = r.ipv4();
            let mut get = |opcode| ask(&mut r, opcode).is_ok().then(|| r.ipv4());
            Some(Inet {
                addr,
                destination: get(SIOCGIFDSTADDR),
                broadcast: get(SIOCGIFBRDADDR),
                netmask: get(SIOCGIFNETMASK),
            })
        } else {
            None
        };
        Ok(Facts { flags, hw_type, hw_addr, mtu, outfill, keepalive, map, tx_queue_len, inet })
    }
}
