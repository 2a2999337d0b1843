//! `-i`: the kernel interface table (net-tools' `iface_info` over lib/interface.c).

mod dev;
mod hw;
mod inet6;
mod kernel;
mod list;
mod long;
mod short;

use crate::addr::{push, push_hex, Text};
use crate::arena::MapVec;
use crate::errno::text;
use crate::options::Options;
use crate::out::{err, safe_byte, Out};
use crate::procfs::LineBuf;
use crate::route::flag_letters;
use crate::Env;
use kernel::{Facts, Kernel};
use list::List;

pub fn run(opts: &Options, env: &Env, out: &mut Out) -> i32 {
    let kernel = match Kernel::open() {
        Ok(k) => k,
        Err(e) => {
            err(t!("socket: %s\n"), &[text(e)]);
            return 1;
        }
    };
    // Once per process, also under -c.
    out.text(t!("Kernel Interface table\n"));
    let mut list = List::new();
    let mut lines: LineBuf = [0; core::mem::size_of::<LineBuf>()];
    let mut facts = Facts::default();
    let mut inet6 = MapVec::new();
    let long = opts.extend >= 2;
    crate::every_second(opts.continuous, out, |out| {
        if !long {
            out.text(short::HEADER);
        }
        list.clear();
        let have_dev = dev::read(env.proc_root, &mut list, &mut lines);
        if let Err(e) = kernel.add_configured(&mut list) {
            err(t!("SIOCGIFCONF: %s\n"), &[text(e)]);
            if !have_dev {
                return missing(e);
            }
        }
        inet6.clear();
        if long {
            inet6::read(env.proc_root, &mut inet6);
        }
        for iface in list.iter() {
            let name = iface.name();
            if let Err(e) = kernel.fetch(name, &mut facts) {
                return fetch_failed(name, e);
            }
            if facts.flags() & 1 == 0 && opts.all == 0 {
                continue;
            }
            if long {
                long::block(out, name, &facts, iface.counters.as_ref(), inet6.as_slice());
            } else {
                short::row(out, name, &facts, iface.counters.as_ref());
            }
        }
        0
    })
}

/// net-tools' messages when an interface cannot be fetched (it went away, or the name from
/// /proc/net/dev was never one), with control bytes as `?` (decisions.md).
fn fetch_failed(name: &[u8], e: rustix::io::Errno) -> i32 {
    let why = if e == rustix::io::Errno::NODEV { &b"Device not found"[..] } else { text(e) };
    let mut shown = [0; list::NAME_MAX];
    for (s, &b) in shown.iter_mut().zip(name) {
        *s = safe_byte(b);
    }
    err(t!("%s: error fetching interface information: %s\n"), &[&shown[..name.len()], why]);
    missing(e)
}

/// net-tools' `perror("missing interface information")` and exit status.
fn missing(e: rustix::io::Errno) -> i32 {
    err(t!("missing interface information: %s\n"), &[text(e)]);
    1
}

/// Prints `template`, in which a byte `b` of 0x80 and up stands for `values[b & 0x1f]`:
/// 0x80-0x9f print it in decimal, 0xa0-0xbf as a signed number, 0xc0-0xcf in hex (so of
/// the first 16 values), 0xd0-0xdf as a character (of the next 16); 0xe0-0xfe start a part,
/// ended by 0xff, that shows only if the value is not 0.
fn put(out: &mut Out, template: &[u8], values: &[u64]) {
    let mut shown = true;
    for &b in template {
        if b == 0xff {
            shown = true;
        } else if shown {
            let Some(&v) = values.get((b & 0x1f) as usize).filter(|_| b >= 0x80) else {
                out.byte(b);
                continue;
            };
            match b >> 4 {
                8 | 9 => out.num(v),
                0xa | 0xb => out.num(v as i64),
                0xc => {
                    let mut t = Text::new();
                    push_hex(&mut t, v, 1, false);
                    out.bytes(&t);
                }
                0xd => out.byte(v as u8),
                _ => shown = v != 0,
            }
        }
    }
}

/// Prints one of net-tools' lists: `start`, then `WORD,` for each word of `table` whose flag
/// is set in `flags`, and then a last comma becomes `>` and any other last character goes.
/// The table is one as `route::flag_letters` reads it, each word with its comma.
fn list(out: &mut Out, start: &[u8], table: &[u8], flags: u32) {
    let mut t = Text::new();
    push(&mut t, start);
    flag_letters(&mut t, flags, table, false);
    if t.pop() == Some(b',') {
        push(&mut t, b">");
    }
    out.bytes(&t);
}

/// Line `i` of `table`.
fn nth(table: &[u8], i: usize) -> &[u8] {
    crate::pack::split(table, b'\n').nth(i).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        let mut out = Out::new();
        put(&mut out, b"a \x81 b \x80 \xa1 \xc0 \xc1 \xa2\xe0 [\x80]\xff\xe2 no\xff\xe3 no\xff\n", &[7, u64::MAX, 0]);
        assert_eq!(out.pending(), b"a 18446744073709551615 b 7 -1 7 ffffffffffffffff 0 [7]\xe3 no\n");
        let mut out = Out::new();
        let mut v = [0; 17];
        v[16] = b'K' as u64;
        put(&mut out, b"<\xd0>\xf0\xd0\xff\xe1!\xff\xd1", &v);
        assert_eq!(out.pending(), b"<K>K\xd1");
    }

    #[test]
    fn word_lists() {
        let list = |flags| {
            let mut out = Out::new();
            list(&mut out, b"<", b"\x00a,\x02bc,\x1fd,", flags);
            String::from_utf8(out.pending().to_vec()).unwrap()
        };
        let mut out = Out::new();
        super::list(&mut out, b"<>", b"\x00a,", 0);
        assert_eq!(out.pending(), b"<");
        assert_eq!(list(0), "");
        assert_eq!(list(1), "<a>");
        assert_eq!(list(0x8000_0004), "<bc,d>");
        assert_eq!(nth(b"a\nbc\n", 1), b"bc");
        assert_eq!(nth(b"a\nbc", 2), b"");
    }
}
