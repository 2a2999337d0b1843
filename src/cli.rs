//! The command line, with glibc `getopt_long` semantics over netstat's option table: bundled
//! short options, permutation, `-A` attached or separate, unambiguous long prefixes (an exact
//! match first), `--`, ignored words, `POSIXLY_CORRECT`. Options act in order as they are read,
//! as net-tools' do: `-V`, `-h`, a bad option or a bad family end the program at once.
//!
//! The grammar reads a token stream (`Tokens`); `ArgvTokens` splits a raw argv into tokens for
//! the no-libc build, and the std build feeds tokens from lexopt.

use crate::options::{Numeric, Options, FAMILY_NAMES};
use crate::pack::word_index;
use crate::printf;
use crate::out::{err, Out};
use crate::pack::put;
use crate::text::Packed;
use crate::usage;

pub enum Token<'a> {
    /// One short option character; bundles such as `-tulpn` arrive one character at a time.
    Short(u8),
    /// `--name` or `--name=value`: the name, and the value after `=` if there was one.
    Long(&'a [u8], Option<&'a [u8]>),
    /// A word that is not an option (netstat ignores them).
    Word,
}

pub trait Tokens {
    fn next(&mut self) -> Option<Token<'_>>;
    /// The argument of the option just read: the rest of its bundle, else the next word.
    fn value(&mut self) -> Option<&[u8]>;
}

/// A command line as argv strings.
pub trait Args {
    fn count(&self) -> usize;
    fn get(&self, i: usize) -> &[u8];
}

/// Splits argv into tokens as getopt does.
pub struct ArgvTokens<'a, A: Args> {
    args: &'a A,
    /// Index of the next argv word to look at.
    next_word: usize,
    /// Inside a short bundle: the characters not read yet.
    bundle: &'a [u8],
    /// After `--` every word is a plain word.
    only_words: bool,
}

impl<'a, A: Args> ArgvTokens<'a, A> {
    pub fn new(args: &'a A) -> Self {
        ArgvTokens { args, next_word: 1, bundle: b"", only_words: false }
    }
}

impl<A: Args> Tokens for ArgvTokens<'_, A> {
    fn next(&mut self) -> Option<Token<'_>> {
        if let [c, rest @ ..] = self.bundle {
            self.bundle = rest;
            return Some(Token::Short(*c));
        }
        loop {
            if self.next_word >= self.args.count() {
                return None;
            }
            let word = self.args.get(self.next_word);
            self.next_word += 1;
            let [b'-', c, rest @ ..] = word else {
                return Some(Token::Word);
            };
            if self.only_words {
                return Some(Token::Word);
            }
            if *c != b'-' {
                self.bundle = rest;
                return Some(Token::Short(*c));
            }
            if rest.is_empty() {
                self.only_words = true;
                continue;
            }
            return Some(match rest.iter().position(|&b| b == b'=') {
                Some(eq) => Token::Long(&rest[..eq], Some(&rest[eq + 1..])),
                None => Token::Long(rest, None),
            });
        }
    }

    fn value(&mut self) -> Option<&[u8]> {
        if !self.bundle.is_empty() {
            return Some(core::mem::take(&mut self.bundle));
        }
        if self.next_word < self.args.count() {
            self.next_word += 1;
            return Some(self.args.get(self.next_word - 1));
        }
        None
    }
}

/// What an option does, named after its short letter where it has one.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Opt {
    Short(u8),
    /// `--numeric-hosts`, `--numeric-ports`, `--numeric-users`.
    NumericHosts,
    NumericPorts,
    NumericUsers,
    /// `--inet`, `--unix`, …: like `-A <name>`.
    Family,
    /// `--tcpip`: listed with the families but outside net-tools' range check.
    OutOfRange,
}

/// net-tools' long option table, in its order (which decides how ambiguities are listed).
/// The binary carries it packed (`LONG_PACKED`).
const LONG: [(&str, Opt); 45] = [
    ("ax25", Opt::Family),
    ("x25", Opt::Family),
    ("ip", Opt::Family),
    ("ipx", Opt::Family),
    ("appletalk", Opt::Family),
    ("netrom", Opt::Family),
    ("inet", Opt::Family),
    ("inet6", Opt::Family),
    ("ddp", Opt::Family),
    ("rose", Opt::Family),
    ("unix", Opt::Family),
    ("bluetooth", Opt::Family),
    ("tcpip", Opt::OutOfRange),
    ("version", Opt::Short(b'V')),
    ("interfaces", Opt::Short(b'i')),
    ("help", Opt::Short(b'h')),
    ("route", Opt::Short(b'r')),
    ("masquerade", Opt::Short(b'M')),
    ("protocol", Opt::Short(b'A')),
    ("tcp", Opt::Short(b't')),
    ("sctp", Opt::Short(b'S')),
    ("udp", Opt::Short(b'u')),
    ("udplite", Opt::Short(b'U')),
    ("raw", Opt::Short(b'w')),
    ("unix", Opt::Short(b'x')),
    ("l2cap", Opt::Short(b'2')),
    ("rfcomm", Opt::Short(b'f')),
    ("listening", Opt::Short(b'l')),
    ("all", Opt::Short(b'a')),
    ("timers", Opt::Short(b'o')),
    ("continuous", Opt::Short(b'c')),
    ("extend", Opt::Short(b'e')),
    ("programs", Opt::Short(b'p')),
    ("verbose", Opt::Short(b'v')),
    ("statistics", Opt::Short(b's')),
    ("wide", Opt::Short(b'W')),
    ("numeric", Opt::Short(b'n')),
    ("numeric-hosts", Opt::NumericHosts),
    ("numeric-ports", Opt::NumericPorts),
    ("numeric-users", Opt::NumericUsers),
    ("symbolic", Opt::Short(b'N')),
    ("cache", Opt::Short(b'C')),
    ("fib", Opt::Short(b'F')),
    ("groups", Opt::Short(b'g')),
    ("context", Opt::Short(b'Z')),
];

/// `LONG` as one string: per option the code of what it does (`Opt::code`) with its high bit
/// set, then its name (ASCII).
static LONG_PACKED: [u8; LONG_PACKED_LEN] = {
    let mut packed = [0; LONG_PACKED_LEN];
    let (mut at, mut i) = (0, 0);
    while i < LONG.len() {
        let code = LONG[i].1.code();
        assert!(code < 0x80 && LONG[i].0.is_ascii());
        packed[at] = 0x80 | code;
        at = put(&mut packed, at + 1, LONG[i].0.as_bytes());
        i += 1;
    }
    packed
};

const LONG_PACKED_LEN: usize = {
    let (mut len, mut i) = (0, 0);
    while i < LONG.len() {
        len += 1 + LONG[i].0.len();
        i += 1;
    }
    len
};

impl Opt {
    /// The option character, or for the long-only options a byte below any of them.
    const fn code(self) -> u8 {
        match self {
            Opt::Short(c) => c,
            Opt::NumericHosts => 1,
            Opt::NumericPorts => 2,
            Opt::NumericUsers => 3,
            Opt::Family => 4,
            Opt::OutOfRange => 5,
        }
    }

    fn from_code(code: u8) -> Opt {
        match code {
            1 => Opt::NumericHosts,
            2 => Opt::NumericPorts,
            3 => Opt::NumericUsers,
            4 => Opt::Family,
            5 => Opt::OutOfRange,
            c => Opt::Short(c),
        }
    }
}

/// Takes the next long option off `rest`, a tail of `LONG_PACKED`: its name and action.
// Not inlined into its two callers: a smaller binary.
#[inline(never)]
fn next_long(rest: &mut &'static [u8]) -> Option<(&'static [u8], Opt)> {
    let (&code, tail) = rest.split_first()?;
    let (name, tail) = tail.split_at(tail.iter().position(|&b| b >= 0x80).unwrap_or(tail.len()));
    *rest = tail;
    Some((name, Opt::from_code(code & 0x7f)))
}

/// The outcome of looking a long option name up the way glibc does.
#[cfg_attr(test, derive(Debug, PartialEq))]
enum Lookup {
    /// The option's full name and action.
    Found(&'static [u8], Opt),
    Unknown,
    /// The options to list as possibilities: bit `i` stands for `LONG[i]`.
    Ambiguous(u64),
}

const _: () = assert!(LONG.len() <= 64);

fn lookup_long(name: &[u8]) -> Lookup {
    let mut first = None;
    let mut ambiguous = 0u64;
    let (mut rest, mut bit) = (&LONG_PACKED[..], 1u64);
    while let Some((n, opt)) = next_long(&mut rest) {
        // An exact match wins over the prefixes before it and after it.
        if n == name {
            return Lookup::Found(n, opt);
        }
        if n.starts_with(name) {
            match first {
                None => first = Some((bit, n, opt)),
                // glibc counts a later match as ambiguous only if it does something different
                // from the first one; it lists the first one and every such match.
                Some((f, _, first_opt)) if !same_action(first_opt, opt) => ambiguous |= f | bit,
                Some(_) => {}
            }
        }
        bit <<= 1;
    }
    match first {
        None => Lookup::Unknown,
        Some(_) if ambiguous != 0 => Lookup::Ambiguous(ambiguous),
        Some((_, n, opt)) => Lookup::Found(n, opt),
    }
}

/// Options that getopt_long reports with the same value (all the family options report 1).
fn same_action(a: Opt, b: Opt) -> bool {
    let family = |o| matches!(o, Opt::Family | Opt::OutOfRange);
    a == b || (family(a) && family(b))
}

/// Prints one of getopt's diagnostics, then the usage text; returns the exit status 3.
fn usage_error(diagnostic: Packed, args: &[&[u8]]) -> i32 {
    err(diagnostic, args);
    usage::error()
}

/// Parses the command line into `o` (fresh from `Options::new`); `Err` carries the exit status
/// of a command line that ended the program early (`-V`, `-h`, usage errors, bad families,
/// `-Z`).
pub fn parse(argv0: &[u8], tokens: &mut dyn Tokens, posixly_correct: bool, out: &mut Out, o: &mut Options) -> Result<(), i32> {
    loop {
        let (opt, arg, long): (Opt, Option<&[u8]>, bool) = match tokens.next() {
            None => break,
            Some(Token::Word) if posixly_correct => break,
            Some(Token::Word) => continue,
            Some(Token::Short(c)) => (Opt::Short(c), None, false),
            Some(Token::Long(name, attached)) => {
                // glibc echoes an unknown or ambiguous option as given, `=value` and all.
                let (eq, value): (&[u8], &[u8]) = match attached {
                    Some(v) => (b"=", v),
                    None => (b"", b""),
                };
                let (full, opt) = match lookup_long(name) {
                    Lookup::Found(full, opt) => (full, opt),
                    Lookup::Unknown => {
                        return Err(usage_error(t!("%s: unrecognized option '--%s%s%s'\n"), &[argv0, name, eq, value]));
                    }
                    Lookup::Ambiguous(listed) => {
                        let mut possibilities = heapless::Vec::<u8, 1024>::new();
                        let (mut rest, mut bit) = (&LONG_PACKED[..], 1u64);
                        while let Some((n, _)) = next_long(&mut rest) {
                            if listed & bit != 0 {
                                let _ = possibilities.extend_from_slice(b" '--");
                                let _ = possibilities.extend_from_slice(n);
                                let _ = possibilities.push(b'\'');
                            }
                            bit <<= 1;
                        }
                        let message = t!("%s: option '--%s%s%s' is ambiguous; possibilities:%s\n");
                        return Err(usage_error(message, &[argv0, name, eq, value, &possibilities]));
                    }
                };
                match (opt, attached) {
                    (Opt::Short(b'A'), _) => (opt, attached, true),
                    (_, Some(_)) => {
                        return Err(usage_error(t!("%s: option '--%s' doesn't allow an argument\n"), &[argv0, full]));
                    }
                    // The family options hand their own name to the family parser.
                    (Opt::Family, None) => (opt, Some(full), true),
                    (_, None) => (opt, None, true),
                }
            }
        };
        let arg = match (opt, arg) {
            (Opt::Short(b'A'), None) => match tokens.value() {
                Some(v) => Some(v),
                None if long => return Err(usage_error(t!("%s: option '--protocol' requires an argument\n"), &[argv0])),
                None => return Err(usage_error(t!("%s: option requires an argument -- 'A'\n"), &[argv0])),
            },
            _ => arg,
        };
        apply(o, argv0, opt, arg, out)?;
    }
    if o.interfaces + o.route + o.masquerade + o.statistics > 1 {
        return Err(usage::error());
    }
    o.finish();
    Ok(())
}

// Called, not inlined, at each of its many uses: a smaller binary.
#[inline(never)]
fn bump(n: &mut u32) {
    *n = n.saturating_add(1);
}

/// The options that count how often they are given, in `Options::counter` order.
const COUNTED: &[u8] = b"MalgeirtSuUw2fs";

/// The options that switch something on, in `Options::switch` order.
const SWITCHES: &[u8] = b"NcpWCFov";

/// One option's effect, as net-tools' option switch has it; an unknown short option is
/// getopt's error.
// Out of line: a smaller binary.
#[inline(never)]
fn apply(o: &mut Options, argv0: &[u8], opt: Opt, arg: Option<&[u8]>, out: &mut Out) -> Result<(), i32> {
    let c = match opt {
        Opt::NumericHosts => {
            o.numeric.hosts = true;
            return Ok(());
        }
        Opt::NumericPorts => {
            o.numeric.ports = true;
            return Ok(());
        }
        Opt::NumericUsers => {
            o.numeric.users = true;
            return Ok(());
        }
        Opt::OutOfRange => {
            err(t!("netstat.c: Internal Error `longopts 1 range'.\n"), &[]);
            return Ok(());
        }
        Opt::Family => b'A',
        Opt::Short(c) => c,
    };
    if let Some(i) = COUNTED.iter().position(|&x| x == c) {
        bump(o.counter(i));
    } else if let Some(i) = SWITCHES.iter().position(|&x| x == c) {
        *o.switch(i) = true;
    } else {
        match c {
            b'A' => families(o, arg.unwrap_or_default())?,
            b'4' => families(o, b"inet")?,
            b'6' => families(o, b"inet6")?,
            b'x' => families(o, b"unix")?,
            b'n' => o.numeric = Numeric { hosts: true, ports: true, users: true, ..o.numeric },
            b'd' => {}
            b'V' => {
                usage::version(out);
                return Err(0);
            }
            b'Z' => {
                // This build has no SELinux support to ask; net-tools on a machine without
                // SELinux answers the same.
                err(t!("SELinux is not enabled on this machine.\n"), &[]);
                return Err(1);
            }
            b'h' => {
                usage::help(out);
                return Err(0);
            }
            b'?' => return Err(usage::error()),
            _ => return Err(usage_error(t!("%s: invalid option -- '%s'\n"), &[argv0, &[c]])),
        }
    }
    Ok(())
}

/// net-tools' `aftrans` table, in its order: the names `-A` takes.
const ALIASES: &[u8] = b"ax25 ip ip6 ipx rose appletalk netrom inet inet6 ddp unix tcpip econet x25 ash bluetooth";

/// Each alias's family, as its place in `FAMILY_NAMES`.
const ALIAS_FAMILIES: [u8; 16] = [4, 0, 1, 3, 7, 8, 5, 0, 1, 8, 2, 0, 10, 6, 9, 11];

/// net-tools' `aftrans_opt`: a comma-separated family list, cut to 255 bytes first.
fn families(o: &mut Options, list: &[u8]) -> Result<(), i32> {
    let mut rest = &list[..list.len().min(255)];
    loop {
        let (alias, tail) = rest.split_at(rest.iter().position(|&b| b == b',').unwrap_or(rest.len()));
        let afname_len = o.afname.len();
        let family = word_index(ALIASES, alias).and_then(|i| ALIAS_FAMILIES.get(i));
        let Some(name) = family.and_then(|&f| printf::name(FAMILY_NAMES, f as usize)) else {
            err(t!("Unknown address family `%s'.\n"), &[alias]);
            return Err(1);
        };
        if name.len() + afname_len + 1 >= 256 {
            err(t!("Too much address family arguments.\n"), &[]);
            return Ok(());
        }
        bump(o.families.counter(family.copied().unwrap_or_default() as usize));
        if afname_len > 0 {
            let _ = o.afname.push(b',');
        }
        let _ = o.afname.extend_from_slice(name);
        // After the last alias there is no `,`.
        let [_, tail @ ..] = tail else {
            return Ok(());
        };
        rest = tail;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// argv as bytes, with `netstat` as argv[0].
    struct V(Vec<Vec<u8>>);
    impl Args for V {
        fn count(&self) -> usize {
            self.0.len()
        }
        fn get(&self, i: usize) -> &[u8] {
            &self.0[i]
        }
    }

    fn argv(words: &[&[u8]]) -> V {
        V(core::iter::once(&b"netstat"[..]).chain(words.iter().copied()).map(<[u8]>::to_vec).collect())
    }

    fn parse_with(words: &[&[u8]], posixly_correct: bool) -> Result<Options, i32> {
        let v = argv(words);
        let mut out = Out::new();
        let mut o = Options::new();
        parse(b"netstat", &mut ArgvTokens::new(&v), posixly_correct, &mut out, &mut o).map(|()| o)
    }

    fn parse_ok(words: &[&[u8]]) -> Options {
        parse_with(words, false).expect("command line parses")
    }

    /// The tokens of a command line as text; `A` takes its value as the grammar does.
    fn tokens(words: &[&[u8]]) -> Vec<String> {
        let v = argv(words);
        let mut t = ArgvTokens::new(&v);
        let mut seen = Vec::new();
        while let Some(token) = t.next() {
            seen.push(match token {
                Token::Short(b'A') => format!("A={:?}", t.value().map(|v| String::from_utf8_lossy(v).into_owned())),
                Token::Short(c) => format!("-{c:#x}"),
                Token::Long(name, value) => format!("--{name:?}={value:?}"),
                Token::Word => "word".into(),
            });
        }
        seen
    }

    fn names(listed: u64) -> Vec<&'static str> {
        LONG.iter().enumerate().filter(|(i, _)| listed & 1 << i != 0).map(|(_, (n, _))| *n).collect()
    }

    #[test]
    fn argv_tokens_are_bytes() {
        assert_eq!(tokens(&[b"-t\xffu", b"-\xc3\xa9"]), ["-0x74", "-0xff", "-0x75", "-0xc3", "-0xa9"]);
        assert_eq!(tokens(&[b"-tAinet", b"-A", b"-t", b"-A"]), ["-0x74", "A=Some(\"inet\")", "A=Some(\"-t\")", "A=None"]);
        assert_eq!(tokens(&[b"-tA", b"--"]), ["-0x74", "A=Some(\"--\")"]);
        assert_eq!(tokens(&[b"-A=x"]), ["A=Some(\"=x\")"]);
    }

    #[test]
    fn argv_tokens_words_and_long_options() {
        assert_eq!(tokens(&[b"-", b"", b"x", b"--", b"-t", b"--", b"--tcp"]), ["word", "word", "word", "word", "word", "word"]);
        assert_eq!(
            tokens(&[b"---x", b"--=x", b"--tcp=", b"--a=b=c", b"--t\xff"]),
            ["--[45, 120]=None", "--[]=Some([120])", "--[116, 99, 112]=Some([])", "--[97]=Some([98, 61, 99])", "--[116, 255]=None"]
        );
    }

    #[test]
    fn prefixes_and_exact_matches() {
        let found = |name: &[u8]| match lookup_long(name) {
            Lookup::Found(full, opt) => Some((std::str::from_utf8(full).unwrap(), opt)),
            _ => None,
        };
        assert_eq!(found(b"wid"), Some(("wide", Opt::Short(b'W'))));
        assert_eq!(found(b"numeric"), Some(("numeric", Opt::Short(b'n'))));
        assert_eq!(found(b"unix"), Some(("unix", Opt::Family)));
        // The family options all do the same thing, so their prefixes are not ambiguous.
        assert_eq!(found(b"ine"), Some(("inet", Opt::Family)));
        assert_eq!(found(b"tcpi"), Some(("tcpip", Opt::OutOfRange)));
        assert_eq!(lookup_long(b"bogus"), Lookup::Unknown);
        assert_eq!(lookup_long(b"tcpipx"), Lookup::Unknown);
    }

    #[test]
    fn ambiguous_prefixes_list_what_glibc_lists() {
        let listed = |name: &[u8]| match lookup_long(name) {
            Lookup::Ambiguous(l) => names(l),
            _ => panic!("--{} is ambiguous", String::from_utf8_lossy(name)),
        };
        assert_eq!(listed(b"i"), ["ip", "interfaces"]);
        assert_eq!(listed(b"in"), ["inet", "interfaces"]);
        assert_eq!(listed(b"uni"), ["unix", "unix"]);
        assert_eq!(listed(b"numeric-"), ["numeric-hosts", "numeric-ports", "numeric-users"]);
        assert_eq!(listed(b"p"), ["protocol", "programs"]);
        // An empty name matches everything: the first option, and all that differ from it.
        let all = listed(b"");
        assert_eq!(all.len(), LONG.len() - 12);
        assert_eq!(all[..3], ["ax25", "version", "interfaces"]);
    }

    #[test]
    fn bundles_and_attached_family() {
        let o = parse_ok(&[b"-tulpn", b"-Ainet6,unix"]);
        assert_eq!((o.tcp, o.udp, o.listening, o.programs), (1, 1, 1, true));
        assert!(o.numeric.hosts && o.numeric.ports && o.numeric.users);
        assert_eq!(&o.afname[..], b"inet6,unix");
        assert_eq!(o.families.unix, 1);
    }

    #[test]
    fn long_options_and_their_values() {
        assert_eq!(&parse_ok(&[b"--protocol", b"inet6"]).afname[..], b"inet6");
        assert_eq!(&parse_ok(&[b"--proto=unix,ip"]).afname[..], b"unix,inet");
        assert_eq!(&parse_ok(&[b"--appletalk", b"--ine"]).afname[..], b"ddp,inet");
        // --tcpip is a family option that net-tools' handler rejects.
        assert_eq!(parse_ok(&[b"--tcpip"]).afname.len(), 0);
        let o = parse_ok(&[b"--numeric-h", b"--numeric-u", b"--ext", b"--ext"]);
        assert_eq!((o.numeric.hosts, o.numeric.ports, o.numeric.users, o.extend), (true, false, true, 3));
        for bad in [&[&b"--tcp=1"[..]][..], &[b"--nu"], &[b"--protocol"], &[b"--bogus=x"], &[b"--="]] {
            assert_eq!(parse_with(bad, false).err(), Some(3));
        }
    }

    #[test]
    fn words_are_ignored_and_dashdash_ends_options() {
        let o = parse_ok(&[b"-i", b"eth0", b"--", b"-r"]);
        assert_eq!((o.interfaces, o.route), (1, 0));
        let o = parse_ok(&[b"-A", b"inet", b"-e", b"-e"]);
        assert_eq!((o.families.inet, o.extend), (1, 3));
        let o = parse_ok(&[b"-t", b"-", b"-u", b"", b"-w"]);
        assert_eq!((o.tcp, o.udp, o.raw), (1, 1, 1));
    }

    #[test]
    fn posixly_correct_stops_at_the_first_word() {
        let o = parse_with(&[b"-t", b"foo", b"-u", b"-q"], true).unwrap();
        assert_eq!((o.tcp, o.udp), (1, 0));
        assert_eq!(parse_with(&[b"-t", b"foo", b"-q"], false).err(), Some(3));
    }

    #[test]
    fn early_exits_and_conflicts() {
        for (line, status) in [
            (&[&b"-V"[..], b"-q"][..], 0),
            (&[b"-q", b"-V"], 3),
            (&[b"-?"], 3),
            (&[b"-Z", b"-q"], 1),
            (&[b"-A", b"bogus", b"-q"], 1),
            (&[b"-ri"], 3),
            (&[b"-ii"], 3),
            (&[b"-s", b"-M"], 3),
            (&[b"-ri", b"-Z"], 1),
            (&[b"-A"], 3),
        ] {
            assert_eq!(parse_with(line, false).err(), Some(status), "{line:?}");
        }
        assert_eq!(parse_ok(&[b"-gg", b"-r"]).groups, 2);
    }

    #[test]
    fn family_lists() {
        assert_eq!(parse_with(&[b"-A", b"inet,"], false).err(), Some(1));
        assert_eq!(parse_with(&[b"-A", b""], false).err(), Some(1));
        assert_eq!(parse_with(&[b"-A", b"inet,bogus,unix"], false).err(), Some(1));
        let o = parse_ok(&[b"-A", b"ip6,tcpip,econet,ash,appletalk"]);
        assert_eq!(&o.afname[..], b"inet6,inet,ec,ash,ddp");
        assert_eq!((o.families.econet, o.families.ash, o.families.ddp), (1, 1, 1));
        // A list is cut to 255 bytes before it is split: here right after `inet6`.
        let list = [&b"inet,".repeat(50)[..], b"inet6x"].concat();
        let o = parse_ok(&[b"-A", &list]);
        assert_eq!((o.families.inet, o.families.inet6, o.afname.len()), (50, 1, 255));
        // A name that would make afname 256 bytes or longer is dropped with the rest of its
        // list, unread (`bogus` is no error), but the next list is still read.
        let list = [&b"inet,".repeat(40)[..], b"inet"].concat();
        let o = parse_ok(&[b"-A", &list, b"-A", &list, b"-A", b"ax25", b"-A", b"x25,bogus"]);
        assert_eq!((o.families.inet, o.families.ax25, o.afname.len()), (51, 0, 254));
    }

    #[test]
    fn every_alias_names_its_family() {
        let aliases = b"ax25,ip,ip6,ipx,rose,appletalk,netrom,inet,inet6,ddp,unix,tcpip,econet,x25,ash,bluetooth";
        let o = parse_ok(&[b"-A", aliases]);
        assert_eq!(&o.afname[..], b"ax25,inet,inet6,ipx,rose,ddp,netrom,inet,inet6,ddp,unix,inet,ec,x25,ash,bluetooth");
        let f = o.families;
        assert_eq!([f.inet, f.inet6, f.unix, f.ipx, f.ax25, f.netrom, f.x25, f.rose, f.ddp, f.ash, f.econet, f.bluetooth], [3, 2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1]);
        assert_eq!(parse_with(&[b"-A", b"ec"], false).err(), Some(1));
    }

    #[test]
    fn derived_flags() {
        let o = parse_ok(&[b"-4"]);
        assert!(o.no_protocol_named && o.tcp == 1 && o.raw == 1);
        assert_eq!(o.families.inet6, 0);
        let o = parse_ok(&[b"-t"]);
        assert_eq!((o.families.inet, o.families.inet6), (1, 1));
        assert_eq!(parse_ok(&[b"-A", b"ddp"]).selected(), 0);
        let o = parse_ok(&[b"--bluetooth"]);
        assert_eq!((o.l2cap, o.rfcomm), (1, 1));
    }
}
