//! The socket listing (netstat's default mode): which sections run, in which order, and what
//! stops the listing early.

use crate::legacy;
use crate::names::Names;
use crate::options::Options;
use crate::out::{err, Out};
use crate::procfs::{self, LineBuf, Path};
use crate::programs::Programs;
use crate::tables::{groups, inet, sctp, unix};
use crate::Env;
use rustix::fd::OwnedFd;
use rustix::io::Errno;

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
        self.out.text(if self.opts.all > 0 {
            t!("(servers and established)")
        } else if self.opts.listening > 0 {
            t!("(only servers)")
        } else {
            t!("(w/o servers)")
        });
    }

    /// Should a socket be listed, given whether it counts as a server (listening) socket?
    pub fn shows(&self, server: bool) -> bool {
        shows(self.opts, server)
    }

    /// The row-printing parts, borrowed apart from the line buffer a table is read with.
    pub fn split(&mut self) -> (Row<'_>, &mut LineBuf) {
        let row = Row { opts: self.opts, out: &mut *self.out, names: &mut *self.names, programs: &*self.programs };
        (row, &mut *self.lines)
    }

    /// Opens `rel` under the proc root, e.g. `net/tcp`.
    pub fn open(&self, rel: &[u8]) -> Result<OwnedFd, Errno> {
        procfs::open(&Path::proc(self.env.proc_root, rel))
    }

    /// Loads the `-p` map if it is wanted and not loaded yet.
    pub fn load_programs(&mut self) {
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

/// A section of the listing: prints its table (given its place in its module's list of
/// protocols or families), returns its status.
type Section = fn(&mut Ctx, u8) -> i32;

/// The sections in listing order (`-g` is the one that only prints when asked for), and
/// the argument each is called with (two arrays, not one of pairs: no padding).
static SECTIONS: [Section; 12] = [
    inet::table,
    sctp::print,
    inet::table,
    inet::table,
    inet::table,
    groups::print,
    unix::print,
    legacy::print,
    legacy::print,
    legacy::print,
    legacy::print,
    legacy::print,
];
static WHICH: [u8; 12] = [
    inet::TCP,
    0,
    inet::UDP,
    inet::UDPLITE,
    inet::RAW,
    0,
    0,
    legacy::IPX,
    legacy::AX25,
    legacy::X25,
    legacy::NETROM,
    legacy::ROSE,
];
const GROUPS: usize = 5;

/// One listing, section by section; a section that fails ends the listing with its status.
fn one_listing(ctx: &mut Ctx) -> i32 {
    let o = ctx.opts;
    let f = &o.families;
    let everything = o.selected() == 0;
    if everything || o.tcp + o.sctp + o.udp + o.udplite + o.raw > 0 {
        ctx.load_programs();
        inet::header(ctx);
    }
    let wanted = [o.tcp, o.sctp, o.udp, o.udplite, o.raw, o.groups, f.unix, f.ipx, f.ax25, f.x25, f.netrom, f.rose];
    for (i, &count) in wanted.iter().enumerate() {
        if count > 0 || everything && i != GROUPS {
            let status = SECTIONS[i](ctx, WHICH[i]);
            if status != 0 {
                return status;
            }
        }
    }
    // Bluetooth is not compiled into net-tools 2.10 as Debian builds it.
    if !everything && o.l2cap + o.rfcomm > 0 {
        err(t!("netstat: feature `AF BLUETOOTH' not supported.\nPlease recompile `net-tools' with newer kernel source or full configuration.\n"), &[]);
        return 1;
    }
    0
}

/// What a table needs to print its rows while its file is being read.
pub struct Row<'c> {
    pub opts: &'c Options,
    pub out: &'c mut Out,
    pub names: &'c mut Names,
    pub programs: &'c Programs,
}

impl Row<'_> {
    /// The columns that end every Internet and SCTP row (net-tools' `finish_this_one`): the
    /// `-e` user and inode, the `-p` program, the `-o` timer, then the newline.
    pub fn finish(&mut self, uid: i32, inode: u64, timer: &[u8]) {
        let o = self.opts;
        if o.extend > 1 {
            let mut user = crate::addr::Text::new();
            self.names.user(&mut user, uid as i64, o.numeric.users);
            self.out.byte(b' ');
            self.out.safe_left(&user, 10);
            self.out.byte(b' ');
            self.out.num_left(inode, 10);
        }
        if o.programs {
            self.out.byte(b' ');
            self.out.safe_left(self.programs.lookup(inode).unwrap_or(b"-"), 20);
        }
        if o.timers {
            self.out.byte(b' ');
            self.out.bytes(timer);
        }
        self.out.byte(b'\n');
    }
}

/// `Ctx::shows` for tables that hold parts of the context apart while they read.
pub fn shows(opts: &Options, server: bool) -> bool {
    opts.all > 0 || (opts.listening > 0) == server
}

/// The IPv4 file of a socket table, `/proc/<rel>`, could not be opened (behaviour spec
/// §10.3); `what` names it in the message, e.g. `AF INET (tcp)`. Returns the table's status: 255 for errors other
/// than a missing or unreadable file (which end the listing), 1 when the user asked for this
/// protocol by name (the table still prints its IPv6 twin), else 0. An IPv6 twin that cannot
/// be opened is skipped silently, as net-tools does.
pub fn missing_file(ctx: &Ctx, what: &[u8], errno: Errno, rel: &[u8]) -> i32 {
    let errno = if errno == Errno::ACCESS { Errno::NOENT } else { errno };
    if ctx.opts.no_protocol_named && errno == Errno::NOENT {
        return 0;
    }
    missing_family_file(ctx, what, errno, rel)
}

/// The rule of the legacy families (IPX, AX.25, ...): only ENOENT means "not supported", and
/// it is reported whether or not protocols were implied.
pub fn missing_family_file(ctx: &Ctx, what: &[u8], errno: Errno, rel: &[u8]) -> i32 {
    if errno != Errno::NOENT {
        err(t!("/proc/%s: %s\n"), &[rel, crate::errno::text(errno)]);
        return 255;
    }
    let selected = ctx.opts.selected() != 0;
    if selected || ctx.opts.verbose {
        err(t!("netstat: no support for `%s' on this system.\n"), &[what]);
    }
    selected as i32
}
