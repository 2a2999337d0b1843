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
use crate::pack::word_index;
use crate::procfs::{self, Path};
use crate::Env;
use print::{Printer, Switches};

pub fn run(opts: &Options, env: &Env, out: &mut Out) -> i32 {
    let family: &[u8] = if opts.afname.is_empty() { b"inet" } else { &opts.afname };
    let Some(ipv6) = word_index(b"inet inet6", family) else {
        out.text(t!("netstat: No statistics support for specified address family: "));
        out.bytes(family);
        out.byte(b'\n');
        return 1;
    };
    let switches = Switches([opts.raw > 0, opts.tcp > 0, opts.udp > 0, opts.sctp > 0]);
    let printer = &mut Printer::new(out, switches);
    let files: &[Reader] = match ipv6 {
        0 => &[Reader::Pairs, Reader::OptionalPairs, Reader::NameValues],
        _ => &[Reader::Snmp6, Reader::TcpPairs],
    };
    for &reader in files {
        // A file the report needs and cannot open ends it, with status 0.
        if !read(env.proc_root, reader, printer) && !reader.optional() {
            break;
        }
    }
    0
}

/// The files of the reports, and how each is parsed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reader {
    /// snmp, by `snmp::pairs`, saying when the file is malformed.
    Pairs,
    /// netstat, the same, but the report can do without it.
    OptionalPairs,
    /// sctp/snmp, by `snmp::name_values`; the report can do without it.
    NameValues,
    /// snmp, by `snmp::pairs` of the `Tcp` sections only; a malformed pair ends this pass
    /// silently: net-tools ignores the result here.
    TcpPairs,
    Snmp6,
}

impl Reader {
    fn optional(self) -> bool {
        matches!(self, Reader::OptionalPairs | Reader::NameValues)
    }
}

/// Parses the whole of the reader's file, then reports an error that cut the reading short as
/// net-tools does after parsing (`perror` when `ferror`). False: the file did not open (which
/// a file the report needs says on stderr).
// One function for every file, not one per parser: a smaller binary.
#[inline(never)]
fn read(root: &[u8], reader: Reader, printer: &mut Printer) -> bool {
    let name: &[u8] = match reader {
        Reader::Pairs | Reader::TcpPairs => b"snmp",
        Reader::OptionalPairs => b"netstat",
        Reader::NameValues => b"sctp/snmp",
        Reader::Snmp6 => b"snmp6",
    };
    let mut path = Path::proc(root, b"net/");
    path.push(name);
    let fd = match procfs::open(&path) {
        Ok(fd) => fd,
        Err(e) => {
            if !reader.optional() {
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
