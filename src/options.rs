//! The settings a command line produces: net-tools' flag variables, after the derivations it
//! makes once parsing is over (`Options::finish`).

/// Address families named with `-A`, `--<af>`, `-4`, `-6` or `-x`; each counts its mentions.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Families {
    pub inet: u8,
    pub inet6: u8,
    pub unix: u8,
    pub ipx: u8,
    pub ax25: u8,
    pub netrom: u8,
    pub x25: u8,
    pub rose: u8,
    pub ddp: u8,
    pub ash: u8,
    pub econet: u8,
    pub bluetooth: u8,
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
    pub all: u8,
    pub listening: u8,
    pub continuous: bool,
    /// net-tools' `flag_exp`: 1 plus the number of `-e`.
    pub extend: u8,
    pub programs: bool,
    pub timers: bool,
    pub verbose: bool,
    pub wide: bool,
    pub numeric: Numeric,
    pub tcp: u8,
    pub udp: u8,
    pub udplite: u8,
    pub raw: u8,
    pub sctp: u8,
    pub groups: u8,
    pub l2cap: u8,
    pub rfcomm: u8,
    pub families: Families,
    /// The canonical family names in command-line order, joined by `,` (net-tools' `afname`).
    pub afname: heapless::Vec<u8, 256>,
    pub route: u8,
    pub interfaces: u8,
    pub masquerade: u8,
    pub statistics: u8,
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
        [self.tcp, self.sctp, self.udplite, self.udp, self.raw, f.unix, f.ipx, f.ax25, f.netrom,
         self.groups, f.x25, f.rose, self.l2cap, self.rfcomm]
            .iter()
            .map(|&n| n as u32)
            .sum()
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

    pub fn numeric_hosts(&self) -> bool {
        self.numeric.hosts
    }
}
