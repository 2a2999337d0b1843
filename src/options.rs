//! The settings a command line produces: net-tools' flag variables, after the derivations it
//! makes once parsing is over (`Options::finish`).
//!
//! The counters are C `int`s in net-tools, and they are summed; as u32 they cannot wrap (a
//! command line is far shorter than 2^32 options), so `-t` given 255 times plus `-u` still adds
//! up to more than 0.

/// Address families named with `-A`, `--<af>`, `-4`, `-6` or `-x`; each counts its mentions.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Families {
    pub inet: u32,
    pub inet6: u32,
    pub unix: u32,
    pub ipx: u32,
    pub ax25: u32,
    pub netrom: u32,
    pub x25: u32,
    pub rose: u32,
    pub ddp: u32,
    pub ash: u32,
    pub econet: u32,
    pub bluetooth: u32,
}

/// The families' canonical names (as net-tools spells them in `afname`), in `Families::counter`
/// order.
pub const FAMILY_NAMES: &[u8] = b"inet|inet6|unix|ipx|ax25|netrom|x25|rose|ddp|ash|ec|bluetooth";

impl Families {
    /// The counter of the `i`-th family of `FAMILY_NAMES`.
    // Not inlined into the family parser: a smaller binary.
    #[inline(never)]
    pub fn counter(&mut self, i: usize) -> &mut u32 {
        match i {
            0 => &mut self.inet,
            1 => &mut self.inet6,
            2 => &mut self.unix,
            3 => &mut self.ipx,
            4 => &mut self.ax25,
            5 => &mut self.netrom,
            6 => &mut self.x25,
            7 => &mut self.rose,
            8 => &mut self.ddp,
            9 => &mut self.ash,
            10 => &mut self.econet,
            _ => &mut self.bluetooth,
        }
    }
}

/// Which names are printed as numbers (`-n`, `--numeric-*`, `-N`).
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Numeric {
    pub hosts: bool,
    pub ports: bool,
    pub users: bool,
    /// `-N`: route tables and SCTP addresses print numerically.
    pub symbolic: bool,
}

#[derive(Clone, Default, Debug, PartialEq, Eq)]
pub struct Options {
    pub all: u32,
    pub listening: u32,
    pub continuous: bool,
    /// net-tools' `flag_exp`: 1 plus the number of `-e`.
    pub extend: u32,
    pub programs: bool,
    pub timers: bool,
    pub verbose: bool,
    pub wide: bool,
    pub numeric: Numeric,
    pub tcp: u32,
    pub udp: u32,
    pub udplite: u32,
    pub raw: u32,
    pub sctp: u32,
    pub groups: u32,
    pub l2cap: u32,
    pub rfcomm: u32,
    pub families: Families,
    /// The canonical family names in command-line order, joined by `,` (net-tools' `afname`).
    pub afname: heapless::Vec<u8, 256>,
    pub route: u32,
    pub interfaces: u32,
    pub masquerade: u32,
    pub statistics: u32,
    /// `-F` and `-C`.
    pub fib: bool,
    pub cache: bool,
    /// Set by `finish` when the protocols were implied rather than named: silences the
    /// "no support" messages for missing /proc files.
    pub no_protocol_named: bool,
}

impl Options {
    pub fn new() -> Self {
        Options { extend: 1, ..Default::default() }
    }

    /// net-tools' `flag_arg`: how many socket kinds the user selected; 0 means "list everything".
    pub fn selected(&self) -> u32 {
        let f = &self.families;
        self.tcp + self.sctp + self.udplite + self.udp + self.raw + f.unix + f.ipx + f.ax25 + f.netrom
            + self.groups + f.x25 + f.rose + self.l2cap + self.rfcomm
    }

    /// The derivations net-tools makes after parsing (behaviour spec §1.3, steps 2-4).
    pub fn finish(&mut self) {
        let any_inet_proto = self.tcp + self.sctp + self.udp + self.udplite + self.raw > 0;
        if (self.families.inet > 0 || self.families.inet6 > 0 || self.statistics > 0) && !any_inet_proto {
            self.tcp = 1;
            self.sctp = 1;
            self.udp = 1;
            self.udplite = 1;
            self.raw = 1;
            self.no_protocol_named = true;
        }
        let any_inet = self.tcp + self.sctp + self.udp + self.udplite + self.raw + self.groups > 0;
        if any_inet && self.families.inet == 0 && self.families.inet6 == 0 {
            self.families.inet = 1;
            self.families.inet6 = 1;
        }
        if self.families.bluetooth > 0 && self.l2cap == 0 && self.rfcomm == 0 {
            self.l2cap = 1;
            self.rfcomm = 1;
        }
    }

    /// The counter of the `i`-th option of `cli::COUNTED` (`-MalgeirtSuUw2fs`).
    // Not inlined into the option parser: a smaller binary.
    #[inline(never)]
    pub fn counter(&mut self, i: usize) -> &mut u32 {
        match i {
            0 => &mut self.masquerade,
            1 => &mut self.all,
            2 => &mut self.listening,
            3 => &mut self.groups,
            4 => &mut self.extend,
            5 => &mut self.interfaces,
            6 => &mut self.route,
            7 => &mut self.tcp,
            8 => &mut self.sctp,
            9 => &mut self.udp,
            10 => &mut self.udplite,
            11 => &mut self.raw,
            12 => &mut self.l2cap,
            13 => &mut self.rfcomm,
            _ => &mut self.statistics,
        }
    }

    /// The setting the `i`-th option of `cli::SWITCHES` turns on (`-NcpWCFov`).
    // Not inlined into the option parser: a smaller binary.
    #[inline(never)]
    pub fn switch(&mut self, i: usize) -> &mut bool {
        match i {
            0 => &mut self.numeric.symbolic,
            1 => &mut self.continuous,
            2 => &mut self.programs,
            3 => &mut self.wide,
            4 => &mut self.cache,
            5 => &mut self.fib,
            6 => &mut self.timers,
            _ => &mut self.verbose,
        }
    }
}
