//! `netstat -s`: the kernel's protocol counters as net-tools' sentences (behaviour reference §8).
//! `-A inet` (the default) reports /proc/net/snmp, /proc/net/netstat and /proc/net/sctp/snmp;
//! `-A inet6` reports /proc/net/snmp6 and the `Tcp` lines of /proc/net/snmp. `-w -t -u -S` turn
//! sections on; with none of them (and no `-U`) all are on. The report runs once, even with
//! `-c`, and exits 0 once it has started.

mod packed;
mod print;
mod snmp;
pub mod tables;

use crate::arena::MapVec;
use crate::options::Options;
use crate::out::{err, Out};
use crate::procfs::{self, Path};
use crate::Env;
use print::{Printer, Switches};
use rustix::io::Errno;

pub fn run(opts: &Options, env: &Env, out: &mut Out) -> i32 {
    let family: &[u8] = if opts.afname.is_empty() { b"inet" } else { &opts.afname };
    let ipv6 = match family {
        b"inet" => false,
        b"inet6" => true,
        _ => {
            out.bytes(b"netstat: No statistics support for specified address family: ");
            out.bytes(family);
            out.byte(b'\n');
            return 1;
        }
    };
    let switches = Switches { raw: opts.raw > 0, tcp: opts.tcp > 0, udp: opts.udp > 0, sctp: opts.sctp > 0 };
    let mut printer = Printer::new(out, switches);
    let root = env.proc_root;
    if ipv6 {
        if let Err(e) = read(root, b"snmp6", &mut |data| snmp::snmp6(data, &mut printer)) {
            return cannot_open(b"snmp6", e);
        }
        // A malformed pair ends this pass silently: net-tools ignores the result here.
        let tcp_only = &mut |data: &[u8]| {
            let _ = snmp::pairs(data, Some(b"Tcp"), &mut printer);
        };
        if let Err(e) = read(root, b"snmp", tcp_only) {
            return cannot_open(b"snmp", e);
        }
    } else {
        if let Err(e) = read(root, b"snmp", &mut |data| pairs_or_say(data, b"snmp", &mut printer)) {
            return cannot_open(b"snmp", e);
        }
        let _ = read(root, b"netstat", &mut |data| pairs_or_say(data, b"netstat", &mut printer));
        let _ = read(root, b"sctp/snmp", &mut |data| snmp::name_values(data, &mut printer));
    }
    0
}

fn pairs_or_say(data: &[u8], name: &[u8], printer: &mut Printer) {
    if !snmp::pairs(data, None, printer) {
        err(t!("Problem while parsing /proc/net/%s\n"), &[name]);
    }
}

/// Hands the whole of /proc/net/`name` to `parse`, then reports an error that cut the reading
/// short as net-tools does after parsing (`perror` when `ferror`). Err: the file did not open.
fn read(root: &[u8], name: &[u8], parse: &mut dyn FnMut(&[u8])) -> Result<(), Errno> {
    let mut path = Path::proc(root, b"net/");
    path.push(name);
    let fd = procfs::open(&path)?;
    let mut data = MapVec::new();
    let read = data.read_to_end(&fd);
    parse(data.as_slice());
    if let Err(e) = read {
        err(t!("/proc/net/%s: %s\n"), &[name, crate::errno::text(e)]);
    }
    Ok(())
}

/// Says that a file the report needs could not be opened; the report ends there, with status 0.
fn cannot_open(name: &[u8], e: Errno) -> i32 {
    err(t!("cannot open /proc/net/%s: %s\n"), &[name, crate::errno::text(e)]);
    0
}
