//! A net-tools 2.10 compatible `netstat`: the whole program as a `no_std` library without an
//! allocator. The binaries (`src/main.rs`) only hand it the command line and environment.
#![cfg_attr(not(test), no_std)]

// First: the `t!` macro it defines is used by the modules below.
#[macro_use]
pub mod text;

pub mod addr;
pub mod arena;
pub mod pack;
pub mod cli;
pub mod cscan;
pub mod errno;
pub mod iface;
pub mod legacy;
pub mod masq;
pub mod names;
pub mod options;
pub mod out;
pub mod printf;
pub mod procfs;
pub mod programs;
pub mod route;
pub mod scan;
pub mod sockets;
pub mod stats;
pub mod usage;
pub mod tables {
    pub mod groups;
    pub mod inet;
    pub mod sctp;
    pub mod unix;
}

use options::Options;
use out::Out;

/// What the program takes from its environment.
pub struct Env<'a> {
    /// Where /proc is read from: `$PROC_ROOT`, else `/proc`.
    pub proc_root: &'a [u8],
    /// `$POSIXLY_CORRECT` is set: options end at the first word that is not one.
    pub posixly_correct: bool,
}

/// Runs netstat for one command line; returns the exit status.
// Out of line: a smaller binary.
#[inline(never)]
pub fn main(argv0: &[u8], tokens: &mut dyn cli::Tokens, env: &Env) -> i32 {
    let mut out = Out::new();
    let mut opts = Options::new();
    let code = match cli::parse(argv0, tokens, env.posixly_correct, &mut out, &mut opts) {
        Ok(()) => run(&opts, env, &mut out),
        Err(code) => code,
    };
    out.flush();
    if out.closed {
        return 141;
    }
    code
}

/// net-tools' mode dispatch, first match wins: -M, -s, -r, -i, else the socket listing.
fn run(opts: &Options, env: &Env, out: &mut Out) -> i32 {
    if opts.masquerade > 0 {
        return masq::run(opts, env, out);
    }
    if opts.statistics > 0 {
        return stats::run(opts, env, out);
    }
    if opts.route > 0 {
        return route::run(opts, env, out);
    }
    if opts.interfaces > 0 {
        return iface::run(opts, env, out);
    }
    sockets::run(opts, env, out)
}

/// Runs `once`, and under `-c` again every second for as long as it returns 0, flushing stdout
/// before each pause as net-tools does. Returns the status that ended the loop.
pub fn every_second(continuous: bool, out: &mut Out, mut once: impl FnMut(&mut Out) -> i32) -> i32 {
    every_second_dyn(continuous, out, &mut once)
}

/// `every_second`, compiled once for all its callers.
fn every_second_dyn(continuous: bool, out: &mut Out, once: &mut dyn FnMut(&mut Out) -> i32) -> i32 {
    loop {
        let status = once(out);
        if status != 0 || !continuous {
            return status;
        }
        out.flush();
        if out.closed {
            return status;
        }
        let _ = rustix::thread::nanosleep(&rustix::time::Timespec { tv_sec: 1, tv_nsec: 0 });
    }
}
