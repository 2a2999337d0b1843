//! The socket listing (netstat's default mode): which sections run, in which order, and what
//! stops the listing early.

use crate::legacy::{self, Legacy};
use crate::names::Names;
use crate::options::Options;
use crate::out::{err, Out};
use crate::procfs::LineBuf;
use crate::programs::Programs;
use crate::tables::{groups, inet, sctp, unix};
use crate::Env;

/// What every socket table needs while it prints.
pub struct Ctx<'a> {
    pub opts: &'a Options,
    pub env: &'a Env<'a>,
    pub out: &'a mut Out,
    pub names: &'a mut Names,
    /// The `-p` map; loaded before the first section that shows it.
    pub programs: &'a mut Programs,
    /// One read buffer shared by the tables, which run one after another.
    pub lines: &'a mut LineBuf,
}

impl Ctx<'_> {
    /// `(servers and established)`, `(only servers)` or `(w/o servers)`.
    pub fn which_sockets(&mut self) {
        self.out.str(if self.opts.all > 0 {
            "(servers and established)"
        } else if self.opts.listening > 0 {
            "(only servers)"
        } else {
            "(w/o servers)"
        });
    }

    /// Should a socket be listed, given whether it counts as a server (listening) socket?
    pub fn shows(&self, server: bool) -> bool {
        self.opts.all > 0 || (self.opts.listening > 0) == server
    }

    fn load_programs(&mut self) {
        if self.opts.programs && !self.programs.is_loaded() {
            self.programs.load(self.env.proc_root);
        }
    }
}

pub fn run(opts: &Options, env: &Env, out: &mut Out) -> i32 {
    let mut names = Names::new();
    let mut programs = Programs::new();
    let mut lines: LineBuf = [0; core::mem::size_of::<LineBuf>()];
    crate::every_second(opts.continuous, out, |out| {
        // Every listing scans for programs afresh.
        programs.clear();
        let mut ctx = Ctx { opts, env, out, names: &mut names, programs: &mut programs, lines: &mut lines };
        one_listing(&mut ctx)
    })
}

/// One listing, section by section; a section that fails ends the listing with its status.
fn one_listing(ctx: &mut Ctx) -> i32 {
    let o = ctx.opts;
    let selected = o.selected();
    let everything = selected == 0;
    if everything || o.tcp + o.sctp + o.udp + o.udplite + o.raw > 0 {
        ctx.load_programs();
        inet::header(ctx);
    }
    let sections: [(bool, fn(&mut Ctx) -> i32); 5] = [
        (o.tcp > 0, inet::tcp),
        (o.sctp > 0, sctp::print),
        (o.udp > 0, inet::udp),
        (o.udplite > 0, inet::udplite),
        (o.raw > 0, inet::raw),
    ];
    for (wanted, print) in sections {
        if everything || wanted {
            let status = print(ctx);
            if status != 0 {
                return status;
            }
        }
    }
    if o.groups > 0 {
        let status = groups::print(ctx);
        if status != 0 {
            return status;
        }
    }
    if everything || o.families.unix > 0 {
        ctx.load_programs();
        let status = unix::print(ctx);
        if status != 0 {
            return status;
        }
    }
    let f = &o.families;
    for (count, family) in [
        (f.ipx, Legacy::Ipx),
        (f.ax25, Legacy::Ax25),
        (f.x25, Legacy::X25),
        (f.netrom, Legacy::Netrom),
        (f.rose, Legacy::Rose),
    ] {
        if everything || count > 0 {
            let status = legacy::print(ctx, family);
            if status != 0 {
                return status;
            }
        }
    }
    // Bluetooth is not compiled into net-tools 2.10 as Debian builds it.
    if !everything && o.l2cap + o.rfcomm > 0 {
        err(&[b"netstat: feature `AF BLUETOOTH' not supported.\n",
              b"Please recompile `net-tools' with newer kernel source or full configuration.\n"]);
        return 1;
    }
    0
}

/// The IPv4 file of a socket table could not be opened (behaviour spec §10.3); `what` names
/// it in the message, e.g. `AF INET (tcp)`. Returns the table's status: 255 for errors other
/// than a missing or unreadable file (which end the listing), 1 when the user asked for this
/// protocol by name (the table still prints its IPv6 twin), else 0. An IPv6 twin that cannot
/// be opened is skipped silently, as net-tools does.
pub fn missing_file(ctx: &Ctx, what: &[u8], errno: rustix::io::Errno, path: &[u8]) -> i32 {
    use rustix::io::Errno;
    if errno != Errno::NOENT && errno != Errno::ACCESS {
        err(&[path, b": ", crate::errno::text(errno), b"\n"]);
        return 255;
    }
    let selected = ctx.opts.selected() != 0;
    if !ctx.opts.no_protocol_named && (selected || ctx.opts.verbose) {
        err(&[b"netstat: no support for `", what, b"' on this system.\n"]);
    }
    (!ctx.opts.no_protocol_named && selected) as i32
}
