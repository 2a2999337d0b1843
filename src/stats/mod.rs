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

pub fn run(opts: &Options, env: &Env, out: &mut Out) -> i32 {
    let family: &[u8] = if opts.afname.is_empty() { b"inet" } else { &opts.afname };
    let ipv6 = match family {
        b"inet" => false,
        b"inet6" => true,
        _ => {
            out.text(t!("netstat: No statistics support for specified address family: "));
            out.bytes(family);
            out.byte(b'\n');
            return 1;
        }
    };
    let switches = Switches { raw: opts.raw > 0, tcp: opts.tcp > 0, udp: opts.udp > 0, sctp: opts.sctp > 0 };
    let p = &mut Printer::new(out, switches);
    let root = env.proc_root;
    // A file the report needs and cannot open ends it, with status 0.
    if ipv6 {
        let _ = read(root, b"snmp6", Reader::Snmp6, p) && read(root, b"snmp", Reader::TcpPairs, p);
    } else if read(root, b"snmp", Reader::Pairs, p) {
        read(root, b"netstat", Reader::OptionalPairs, p);
        read(root, b"sctp/snmp", Reader::NameValues, p);
    }
    0
}

/// How a file is parsed, and whether the report needs it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reader {
    /// `snmp::pairs`, saying when the file is malformed.
    Pairs,
    /// The same, for a file the report can do without.
    OptionalPairs,
    /// `snmp::pairs` of the `Tcp` sections only; a malformed pair ends this pass silently:
    /// net-tools ignores the result here.
    TcpPairs,
    Snmp6,
    /// `snmp::name_values`, for a file the report can do without.
    NameValues,
}

/// Parses the whole of /proc/net/`name`, then reports an error that cut the reading short as
/// net-tools does after parsing (`perror` when `ferror`). False: the file did not open (which
/// a file the report needs says on stderr).
// One function for every file, not one per parser: a smaller binary.
#[inline(never)]
fn read(root: &[u8], name: &[u8], reader: Reader, printer: &mut Printer) -> bool {
    let mut path = Path::proc(root, b"net/");
    path.push(name);
    let fd = match procfs::open(&path) {
        Ok(fd) => fd,
        Err(e) => {
            if !matches!(reader, Reader::OptionalPairs | Reader::NameValues) {
                err(t!("cannot open /proc/net/%s: %s\n"), &[name, crate::errno::text(e)]);
            }
            return false;
        }
    };
    let mut data = MapVec::new();
    let read = data.read_to_end(&fd);
    let data = data.as_slice();
    match reader {
        Reader::Pairs | Reader::OptionalPairs => {
            if !snmp::pairs(data, None, printer) {
                err(t!("Problem while parsing /proc/net/%s\n"), &[name]);
            }
        }
        Reader::TcpPairs => {
            let _ = snmp::pairs(data, Some(b"Tcp"), printer);
        }
        Reader::Snmp6 => snmp::snmp6(data, printer),
        Reader::NameValues => snmp::name_values(data, printer),
    }
    if let Err(e) = read {
        err(t!("/proc/net/%s: %s\n"), &[name, crate::errno::text(e)]);
    }
    true
}
