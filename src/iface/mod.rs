//! `-i`: the kernel interface table (net-tools' `iface_info` over lib/interface.c).

mod dev;
mod hw;
mod inet6;
mod kernel;
mod list;
mod long;
mod short;

use crate::addr::{push, Text};
use crate::errno::text;
use crate::options::Options;
use crate::out::{err, safe_byte, Out};
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
                Err(e) => return fetch_failed(name, e),
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

/// net-tools' messages when an interface cannot be fetched (it went away, or the name from
/// /proc/net/dev was never one), with control bytes as `?` (decisions.md).
fn fetch_failed(name: &[u8], e: rustix::io::Errno) -> i32 {
    let why = if e == rustix::io::Errno::NODEV { &b"Device not found"[..] } else { text(e) };
    let mut shown = [0; list::NAME_MAX];
    for (s, &b) in shown.iter_mut().zip(name) {
        *s = safe_byte(b);
    }
    err(&[&shown[..name.len()], b": error fetching interface information: ", why, b"\n"]);
    missing(e)
}

/// net-tools' `perror("missing interface information")` and exit status.
fn missing(e: rustix::io::Errno) -> i32 {
    err(&[b"missing interface information: ", text(e), b"\n"]);
    1
}

/// printf's `%0Nx`/`%0NX`: at least `digits` hex digits.
fn hex(t: &mut Text, n: u64, digits: usize, upper: bool) {
    let set = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let mut buf = [0u8; 16];
    let mut i = buf.len();
    let mut rest = n;
    while rest != 0 || buf.len() - i < digits {
        i -= 1;
        buf[i] = set[(rest & 15) as usize];
        rest >>= 4;
    }
    push(t, &buf[i..]);
}

/// Prints `template`, in which a byte 0x80 + i stands for `values[i]` in decimal.
fn put(out: &mut Out, template: &[u8], values: &[u64]) {
    for &b in template {
        match values.get((b as usize).wrapping_sub(0x80)) {
            Some(&v) => out.num(v),
            None => out.byte(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_and_templates() {
        let mut t = Text::new();
        hex(&mut t, 0, 1, false);
        hex(&mut t, 0xab, 2, true);
        hex(&mut t, 5, 2, false);
        hex(&mut t, u64::MAX, 1, false);
        assert_eq!(&t[..], b"0AB05ffffffffffffffff");
        let mut out = Out::new();
        put(&mut out, b"a \x81 b \x80\n", &[7, u64::MAX]);
        assert_eq!(String::from_utf8_lossy(out.pending()).into_owned(), "a 18446744073709551615 b 7\n");
    }
}
