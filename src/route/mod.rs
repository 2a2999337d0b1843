//! `netstat -r`: the routing tables of the families in `-A`'s list (default `inet`), in list
//! order; per family the FIB (`-F`, the default) and then the cache (`-C`).

pub mod cache;
pub mod ipv4;
pub mod ipv6;

use crate::text::Packed;
use crate::addr::Text;
use crate::names::Names;
use crate::options::Options;
use crate::out::{err, err_bytes, Out};
use crate::printf::{printf, Arg};
use crate::procfs::{self, LineBuf, Lines, Path};
use crate::scan::Val;
use crate::Env;

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

/// The family names `-r` knows: `inet` and `inet6` have tables, the next three no routing,
/// and the rest are `MISSING_FAMILIES`.
const FAMILIES: Packed = t!("inet|inet6|unix|ash|ec|ipx|ddp|ax25|netrom|x25|rose");
const NO_ROUTING: usize = 2;
const MISSING: usize = 5;

/// Families whose route files exist only with kernel modules modern kernels lack (their
/// tables are not implemented), and what net-tools prints without them (behaviour spec §5.5),
/// with status 1: what goes to stderr, then after the `#` what goes to stdout. (net-tools'
/// first NET/ROM perror leaves errno EINVAL for the second.)
const MISSING_FAMILIES: [Packed; 6] = [
    t!("No such file or directory\n#IPX routing not in file /proc/net/ipx/route or /proc/net/ipx_route found.\n"),
    t!("Error opening /proc/net/atalk_route: No such file or directory\nDDP (AppleTalk) not configured on this system.\n#"),
    t!("/proc/net/ax25_route: No such file or directory\n#AX.25 not configured in this system.\n"),
    t!("/proc/net/nr_nodes: No such file or directory\n/proc/net/nr_neigh: Invalid argument\n#NET/ROM not configured in this system.\n"),
    t!("#X.25 not configured in this system.\n"),
    t!("/proc/net/rose_nodes: No such file or directory\nROSE not configured in this system.\n#"),
];

/// net-tools' `route_info`: each family of the list in turn; the first failure ends it.
/// `buf` is the read buffer the tables share, one after another.
fn route_info(ctx: &mut Ctx, opts: &Options, buf: &mut LineBuf) -> i32 {
    let list: &[u8] = if opts.afname.is_empty() { b"inet" } else { &opts.afname };
    for family in crate::pack::split(list, b',') {
        if family.is_empty() {
            continue;
        }
        let known = crate::pack::split(&FAMILIES.unpack(), b'|').position(|f| f == family);
        let table: fn(&mut Ctx, &mut LineBuf, bool) -> i32 = match known {
            Some(0) => ipv4::print,
            Some(1) => ipv6::print,
            Some(i) if i >= MISSING => {
                let messages = MISSING_FAMILIES.get(i - MISSING).copied().unwrap_or(t!("")).unpack();
                let (to_stderr, to_stdout) = messages.split_at(messages.iter().position(|&b| b == b'#').unwrap_or(0));
                err_bytes(to_stderr);
                ctx.out.bytes(to_stdout.get(1..).unwrap_or_default());
                return 1;
            }
            // Bluetooth (unknown here): Debian's net-tools is built without it.
            _ => {
                let no_routing = known.is_some_and(|i| i >= NO_ROUTING);
                let message = if no_routing { t!("No routing for address family `%s'.\n") } else { t!("Address family `%s' not supported.\n") };
                err(message, &[family]);
                return 3;
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
        for (d, &s) in self.bytes.iter_mut().zip(text) {
            *d = s;
        }
        self.len = text.len().min(self.bytes.len()) as u8;
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

/// Prints a row: `fmt` with the `pick`ed values, numbers as the C `int`s they were stored in.
pub fn print_row(out: &mut Out, fmt: Packed, values: &[Value], pick: &[u8]) {
    let mut args = [Arg::NONE; 34];
    for (arg, v) in args.iter_mut().zip(values) {
        *arg = Arg { text: v.text(), num: v.num as i32 as i64 };
    }
    printf(out, fmt, &args, pick);
}

/// Opens `/proc/<rel>` and reads its lines as `fgets` with a buffer of `limit + 1` bytes.
/// When it cannot be opened, prints net-tools' `perror` and `<family> not configured in this
/// system.`.
pub fn open_table<'b>(ctx: &mut Ctx, rel: &[u8], family: Packed, buf: &'b mut LineBuf, limit: usize) -> Option<Lines<'b>> {
    match procfs::open(&Path::proc(ctx.proc_root, rel)) {
        Ok(fd) => Some(Lines::with_limit(fd, buf, limit)),
        Err(e) => {
            err(t!("/proc/%s: %s\n"), &[rel, crate::errno::text(e)]);
            ctx.out.text(family);
            ctx.out.text(t!(" not configured in this system.\n"));
            None
        }
    }
}

/// The letters of the set `flags` bits. A table lists each flag as its bit number (a byte
/// below 0x20) and then its letters, in the order net-tools tests them. In its IPv4 tables a
/// reject route's `!` replaces the letters before it; `bang_replaces` asks for that.
pub fn flag_letters(t: &mut Text, flags: u32, table: &[u8], bang_replaces: bool) {
    let mut set = false;
    for &b in table {
        if b < 0x20 {
            set = flags >> b & 1 != 0;
        } else if set {
            if bang_replaces && b == b'!' {
                t.clear();
            }
            let _ = t.push(b);
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
        let table = b"\x00U\x01G\x09!\x02H\x17Ns\x1fl";
        assert_eq!(letters(0, table, true), "");
        assert_eq!(letters(0x3, table, true), "UG");
        assert_eq!(letters(0x207, table, true), "!H");
        assert_eq!(letters(0x207, table, false), "UG!H");
        assert_eq!(letters(0x8080_0000, table, true), "Nsl");
    }

    #[test]
    fn values_keep_what_short_lines_do_not_reach() {
        let mut v = [Value::EMPTY; 3];
        assert_eq!(scan(b"eth0 x 0003 7", b"%15s %*s %X %d", &mut v), 3);
        assert_eq!(scan(b"eth1 y 1", b"%15s %*s %X %d", &mut v), 2);
        assert_eq!((v[0].text(), v[1].num, v[2].num as i32), (&b"eth1"[..], 1, 7));
        assert_eq!(scan(b"eth2 y zz 5", b"%15s %*s %X %d", &mut v), 1);
        assert_eq!(scan(b"eth3\0 y 1 2", b"%15s %*s %X %d", &mut v), 1);
        assert_eq!(v[0].text(), b"eth3");
        v[0].set_text(&[b'x'; 200]);
        assert_eq!(v[0].text().len(), 127);
    }
}
