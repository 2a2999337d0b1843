//! `-i`: the kernel interface table (net-tools' `iface_info` over lib/interface.c).

mod dev;
mod hw;
mod inet6;
mod kernel;
mod list;
mod long;
mod short;

use crate::errno::text;
use crate::options::Options;
use crate::out::{err, Out};
use crate::procfs::LineBuf;
use crate::Env;
use kernel::Kernel;
use list::List;

pub fn run(opts: &Options, env: &Env, out: &mut Out) -> i32 {
    let kernel = match Kernel::open() {
        Ok(k) => k,
        Err(e) => {
            err(&[b"socket: ", text(e), b"\n"]);
            return 1;
        }
    };
    // Once per process, also under -c.
    out.str("Kernel Interface table\n");
    let mut list = List::new();
    let mut lines: LineBuf = [0; core::mem::size_of::<LineBuf>()];
    loop {
        let long = opts.extend >= 2;
        if !long {
            out.str(short::HEADER);
        }
        list.clear();
        let have_dev = dev::read(env.proc_root, &mut list, &mut lines);
        if let Err(e) = kernel.add_configured(&mut list) {
            err(&[b"SIOCGIFCONF: ", text(e), b"\n"]);
            if !have_dev {
                return missing(e);
            }
        }
        let inet6 = if long { inet6::read(env.proc_root) } else { crate::arena::MapVec::new() };
        for iface in list.iter() {
            let name = iface.name();
            let facts = match kernel.fetch(name) {
                Ok(f) => f,
                Err(e) => {
                    let why = if e == rustix::io::Errno::NODEV { &b"Device not found"[..] } else { text(e) };
                    err(&[name, b": error fetching interface information: ", why, b"\n"]);
                    return missing(e);
                }
            };
            if facts.flags & 1 == 0 && opts.all == 0 {
                continue;
            }
            if long {
                long::block(out, name, &facts, iface.counters.as_ref(), inet6.as_slice());
            } else {
                short::row(out, name, &facts, iface.counters.as_ref());
            }
        }
        if !opts.continuous {
            return 0;
        }
        out.flush();
        if out.closed {
            return 0;
        }
        let _ = rustix::thread::nanosleep(&rustix::time::Timespec { tv_sec: 1, tv_nsec: 0 });
    }
}

/// net-tools' `perror("missing interface information")` and exit status.
fn missing(e: rustix::io::Errno) -> i32 {
    err(&[b"missing interface information: ", text(e), b"\n"]);
    1
}

/// printf's `%0Nx`/`%0NX`: at least `digits` hex digits.
fn hex(out: &mut Out, n: u64, digits: usize, upper: bool) {
    let set = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let mut buf = [0u8; 16];
    let mut i = buf.len();
    let mut rest = n;
    while rest != 0 || buf.len() - i < digits {
        i -= 1;
        buf[i] = set[(rest & 15) as usize];
        rest >>= 4;
    }
    out.bytes(&buf[i..]);
}
