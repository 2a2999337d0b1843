//! `netstat -r`: the routing tables of the families in `-A`'s list (default `inet`), in list
//! order; per family the FIB (`-F`, the default) and then the cache (`-C`).

pub mod cache;
pub mod ipv4;
pub mod ipv6;

use crate::addr::Text;
use crate::names::Names;
use crate::options::Options;
use crate::out::{err, Out};
use crate::printf::Arg;
use crate::procfs::{self, LineBuf, Path};
use crate::scan::Val;
use crate::Env;
use rustix::fd::OwnedFd;

/// What every route table needs while it prints.
pub struct Ctx<'a> {
    pub out: &'a mut Out,
    pub names: &'a mut Names,
    pub proc_root: &'a [u8],
    /// net-tools' `ext`: `flag_exp` with 1 and 2 swapped, then `& 3`. 1 shows
    /// `Metric Ref Use`, 2 (no `-e`) `MSS Window irtt`, 3 both, 0 (`-eee`) only the title.
    pub ext: usize,
    /// Addresses print as numbers (`-n`, `--numeric-hosts`, `-N`).
    pub numeric: bool,
    /// An IPv4 name lookup has run. glibc leaves errno 0 after one, and net-tools later
    /// reports that stale errno for an empty rt_cache.
    pub looked_up: bool,
}

/// Runs `-r`, repeating every second with `-c` until a table fails.
pub fn run(opts: &Options, env: &Env, out: &mut Out) -> i32 {
    let mut names = Names::new();
    let mut lines: LineBuf = [0; core::mem::size_of::<LineBuf>()];
    let ext = match opts.extend {
        1 => 2,
        2 => 1,
        n => n as usize,
    } & 3;
    let numeric = opts.numeric.hosts || opts.numeric.symbolic;
    let mut looked_up = false;
    crate::every_second(opts.continuous, out, |out| {
        let mut ctx = Ctx { out, names: &mut names, proc_root: env.proc_root, ext, numeric, looked_up };
        let status = route_info(&mut ctx, opts, &mut lines);
        looked_up = ctx.looked_up;
        status
    })
}

/// Families whose route files exist only with kernel modules modern kernels lack (their
/// tables are not implemented), and what net-tools prints without them (behaviour spec §5.5),
/// with status 1: to stderr, then after the `|` to stdout.
const MISSING_FAMILIES: [(&[u8], &[u8]); 6] = [
    (b"ipx", b"No such file or directory\n|IPX routing not in file /proc/net/ipx/route or /proc/net/ipx_route found.\n"),
    (b"ddp", b"Error opening /proc/net/atalk_route: No such file or directory\nDDP (AppleTalk) not configured on this system.\n|"),
    (b"ax25", b"/proc/net/ax25_route: No such file or directory\n|AX.25 not configured in this system.\n"),
    // net-tools' first perror leaves errno EINVAL for the second.
    (b"netrom", b"/proc/net/nr_nodes: No such file or directory\n/proc/net/nr_neigh: Invalid argument\n|NET/ROM not configured in this system.\n"),
    (b"x25", b"|X.25 not configured in this system.\n"),
    (b"rose", b"/proc/net/rose_nodes: No such file or directory\nROSE not configured in this system.\n|"),
];

/// net-tools' `route_info`: each family of the list in turn; the first failure ends it.
/// `buf` is the read buffer the tables share, one after another.
fn route_info(ctx: &mut Ctx, opts: &Options, buf: &mut LineBuf) -> i32 {
    let list: &[u8] = if opts.afname.is_empty() { b"inet" } else { &opts.afname };
    for family in list.split(|&b| b == b',').filter(|f| !f.is_empty()) {
        let table: fn(&mut Ctx, &mut LineBuf, bool) -> i32 = match family {
            b"inet" => ipv4::print,
            b"inet6" => ipv6::print,
            b"unix" | b"ash" | b"ec" => {
                err(&[b"No routing for address family `", family, b"'.\n"]);
                return 3;
            }
            _ => {
                let Some(&(_, messages)) = MISSING_FAMILIES.iter().find(|f| f.0 == family) else {
                    // Bluetooth: Debian's net-tools is built without it.
                    err(&[b"Address family `", family, b"' not supported.\n"]);
                    return 3;
                };
                let bar = messages.iter().position(|&b| b == b'|').unwrap_or(0);
                err(&[&messages[..bar]]);
                ctx.out.bytes(&messages[bar + 1..]);
                return 1;
            }
        };
        // The FIB (the default, or -F), then the cache (-C).
        for (wanted, cache) in [(opts.fib || !opts.cache, false), (opts.cache, true)] {
            let status = if wanted { table(ctx, buf, cache) } else { 0 };
            if status != 0 {
                return status;
            }
        }
    }
    0
}

/// A variable that net-tools' `sscanf` stores a column into: text for `%s`, the 32 bits of
/// the C `int` for numbers. Variables persist across lines on purpose: a short line leaves the
/// ones it does not reach holding the previous line's values, as net-tools' do.
#[derive(Clone, Copy)]
pub struct Value {
    bytes: [u8; 127],
    len: u8,
    pub num: u32,
}

impl Value {
    pub const EMPTY: Value = Value { bytes: [0; 127], len: 0, num: 0 };

    pub fn text(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }

    pub fn set_text(&mut self, text: &[u8]) {
        let n = text.len().min(self.bytes.len());
        self.bytes[..n].copy_from_slice(&text[..n]);
        self.len = n as u8;
    }

    /// The number as the C `int` it was stored in, and the text.
    pub fn arg(&self) -> Arg<'_> {
        Arg { text: self.text(), num: self.num as i32 as i64 }
    }
}

/// `sscanf(line, format, …)` into `values`: returns how many were stored.
pub fn scan(line: &[u8], format: &[u8], values: &mut [Value]) -> usize {
    let mut v = [Val::Num(0); 31];
    let n = crate::scan::sscanf(line, format, &mut v);
    for (value, v) in values.iter_mut().zip(v.iter().take(n)) {
        match *v {
            Val::Num(n) => value.num = n as u32,
            Val::Str(s) => value.set_text(s),
        }
    }
    n
}

/// Opens `/proc/<rel>`. When it cannot be opened, prints net-tools' `perror` and
/// `<family> not configured in this system.`.
pub fn open_table(ctx: &mut Ctx, rel: &[u8], family: &[u8]) -> Option<OwnedFd> {
    let mut path = Path::new();
    path.push(ctx.proc_root).push(b"/").push(rel);
    match procfs::open(&path) {
        Ok(fd) => Some(fd),
        Err(e) => {
            err(&[b"/proc/", rel, b": ", crate::errno::text(e), b"\n"]);
            ctx.out.bytes(family);
            ctx.out.str(" not configured in this system.\n");
            None
        }
    }
}

/// The letters of the set `flags` bits. A table lists `letters=hex bit` entries, separated by
/// spaces, in the order net-tools tests them. In its IPv4 tables a reject route's `!`
/// replaces the letters before it; `bang_replaces` asks for that.
pub fn flag_letters(t: &mut Text, flags: u32, table: &[u8], bang_replaces: bool) {
    for entry in table.split(|&b| b == b' ') {
        let eq = entry.iter().position(|&b| b == b'=').unwrap_or(entry.len());
        let (letters, bit) = entry.split_at(eq);
        if flags & crate::addr::hex_u32(bit.get(1..).unwrap_or(&[])).unwrap_or(0) != 0 {
            if bang_replaces && letters == b"!" {
                t.clear();
            }
            crate::addr::push(t, letters);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letters(flags: u32, table: &[u8], bang_replaces: bool) -> String {
        let mut t = Text::new();
        flag_letters(&mut t, flags, table, bang_replaces);
        String::from_utf8(t.to_vec()).unwrap()
    }

    #[test]
    fn flag_letters_follow_the_table() {
        let table = b"U=1 G=2 !=200 H=4 Ns=800000 l=80000000";
        assert_eq!(letters(0, table, true), "");
        assert_eq!(letters(0x3, table, true), "UG");
        assert_eq!(letters(0x207, table, true), "!H");
        assert_eq!(letters(0x207, table, false), "UG!H");
        assert_eq!(letters(0x8080_0000, table, true), "Nsl");
    }
}
