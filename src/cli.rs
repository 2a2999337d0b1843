//! The command line, with glibc `getopt_long` semantics over netstat's option table: bundled
//! short options, permutation, `-A` attached or separate, unambiguous long prefixes (an exact
//! match first), `--`, ignored words, `POSIXLY_CORRECT`. Options act in order as they are read,
//! as net-tools' do: `-V`, `-h`, a bad option or a bad family end the program at once.
//!
//! The grammar reads a token stream (`Tokens`); `ArgvTokens` splits a raw argv into tokens for
//! the no-libc build, and the std build feeds tokens from lexopt.

use crate::options::Options;
use crate::out::{err, Out};
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
    /// Inside a short bundle: (argv index, position of the next character).
    bundle: Option<(usize, usize)>,
    /// After `--` every word is a plain word.
    only_words: bool,
}

impl<'a, A: Args> ArgvTokens<'a, A> {
    pub fn new(args: &'a A) -> Self {
        ArgvTokens { args, next_word: 1, bundle: None, only_words: false }
    }
}

impl<A: Args> Tokens for ArgvTokens<'_, A> {
    fn next(&mut self) -> Option<Token<'_>> {
        if let Some((i, pos)) = self.bundle {
            let word = self.args.get(i);
            if pos < word.len() {
                self.bundle = Some((i, pos + 1));
                return Some(Token::Short(word[pos]));
            }
            self.bundle = None;
        }
        loop {
            if self.next_word >= self.args.count() {
                return None;
            }
            let i = self.next_word;
            self.next_word += 1;
            let word = self.args.get(i);
            if self.only_words || word.len() < 2 || word[0] != b'-' {
                return Some(Token::Word);
            }
            if word == b"--" {
                self.only_words = true;
                continue;
            }
            if let Some(long) = word.strip_prefix(b"--") {
                return Some(match long.iter().position(|&b| b == b'=') {
                    Some(eq) => Token::Long(&long[..eq], Some(&long[eq + 1..])),
                    None => Token::Long(long, None),
                });
            }
            self.bundle = Some((i, 2));
            return Some(Token::Short(word[1]));
        }
    }

    fn value(&mut self) -> Option<&[u8]> {
        if let Some((i, pos)) = self.bundle.take() {
            let word = self.args.get(i);
            if pos < word.len() {
                return Some(&word[pos..]);
            }
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
const LONG: &[(&str, Opt)] = &[
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

/// netstat's short option string, less the `:` markers; only `A` takes an argument.
const SHORT: &[u8] = b"ACFMacdeghilnNoprsStuUvVWw2fx64?Z";

/// The outcome of looking a long option name up the way glibc does.
enum Lookup {
    Found(usize),
    Unknown,
    /// Indexes of the options to list as possibilities, in table order.
    Ambiguous(heapless::Vec<usize, 64>),
}

fn lookup_long(name: &[u8]) -> Lookup {
    if let Some(i) = LONG.iter().position(|(n, _)| n.as_bytes() == name) {
        return Lookup::Found(i);
    }
    let mut first: Option<usize> = None;
    let mut listed = heapless::Vec::<usize, 64>::new();
    for (i, (n, opt)) in LONG.iter().enumerate() {
        if !n.as_bytes().starts_with(name) {
            continue;
        }
        match first {
            None => first = Some(i),
            // glibc counts a second match as ambiguous only if it does something different.
            Some(f) if !same_action(LONG[f].1, *opt) => {
                if listed.is_empty() {
                    let _ = listed.push(f);
                }
                let _ = listed.push(i);
            }
            Some(_) => {}
        }
    }
    match first {
        None => Lookup::Unknown,
        Some(f) if listed.is_empty() => Lookup::Found(f),
        Some(_) => {
            listed.sort_unstable();
            Lookup::Ambiguous(listed)
        }
    }
}

/// Options that getopt_long reports with the same value (all the family options report 1).
fn same_action(a: Opt, b: Opt) -> bool {
    let family = |o| matches!(o, Opt::Family | Opt::OutOfRange);
    a == b || (family(a) && family(b))
}

/// Parses the command line; `Err` carries the exit status of a command line that ended the
/// program early (`-V`, `-h`, usage errors, bad families, `-Z`).
pub fn parse(argv0: &[u8], tokens: &mut dyn Tokens, posixly_correct: bool, out: &mut Out) -> Result<Options, i32> {
    let mut o = Options::new();
    loop {
        let (opt, arg): (Opt, Option<&[u8]>) = match tokens.next() {
            None => break,
            Some(Token::Word) if posixly_correct => break,
            Some(Token::Word) => continue,
            Some(Token::Short(c)) => {
                if !SHORT.contains(&c) {
                    err(&[argv0, b": invalid option -- '", &[c], b"'\n"]);
                    return Err(usage::error());
                }
                if c == b'A' {
                    match tokens.value() {
                        Some(v) => (Opt::Short(b'A'), Some(v)),
                        None => {
                            err(&[argv0, b": option requires an argument -- 'A'\n"]);
                            return Err(usage::error());
                        }
                    }
                } else {
                    (Opt::Short(c), None)
                }
            }
            Some(Token::Long(name, attached)) => {
                let i = match lookup_long(name) {
                    Lookup::Found(i) => i,
                    Lookup::Unknown => {
                        let text = long_text(name, attached);
                        err(&[argv0, b": unrecognized option '--", &text, b"'\n"]);
                        return Err(usage::error());
                    }
                    Lookup::Ambiguous(list) => {
                        let text = long_text(name, attached);
                        let mut msg = heapless::Vec::<u8, 1024>::new();
                        for i in list {
                            let _ = msg.extend_from_slice(b" '--");
                            let _ = msg.extend_from_slice(LONG[i].0.as_bytes());
                            let _ = msg.push(b'\'');
                        }
                        err(&[argv0, b": option '--", &text, b"' is ambiguous; possibilities:", &msg, b"\n"]);
                        return Err(usage::error());
                    }
                };
                let (full, opt) = LONG[i];
                // The family options hand their own name to the family parser.
                let takes_arg = opt == Opt::Short(b'A');
                match (takes_arg, attached) {
                    (false, Some(_)) => {
                        err(&[argv0, b": option '--", full.as_bytes(), b"' doesn't allow an argument\n"]);
                        return Err(usage::error());
                    }
                    (false, None) if opt == Opt::Family => (opt, Some(full.as_bytes())),
                    (false, None) => (opt, None),
                    (true, Some(v)) => (opt, Some(v)),
                    (true, None) => match tokens.value() {
                        Some(v) => (opt, Some(v)),
                        None => {
                            err(&[argv0, b": option '--", full.as_bytes(), b"' requires an argument\n"]);
                            return Err(usage::error());
                        }
                    },
                }
            }
        };
        apply(&mut o, opt, arg, out)?;
    }
    if o.interfaces as u32 + o.route as u32 + o.masquerade as u32 + o.statistics as u32 > 1 {
        return Err(usage::error());
    }
    o.finish();
    Ok(o)
}

/// The option as glibc echoes it in diagnostics: the name and any `=value`.
fn long_text(name: &[u8], attached: Option<&[u8]>) -> heapless::Vec<u8, 512> {
    let mut t = heapless::Vec::new();
    for part in [name, if attached.is_some() { b"=" } else { b"" }, attached.unwrap_or(b"")] {
        for &b in part {
            let _ = t.push(b);
        }
    }
    t
}

fn bump(n: &mut u8) {
    *n = n.saturating_add(1);
}

/// One option's effect, as net-tools' option switch has it.
fn apply(o: &mut Options, opt: Opt, arg: Option<&[u8]>, out: &mut Out) -> Result<(), i32> {
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
            err(&[b"netstat.c: Internal Error `longopts 1 range'.\n"]);
            return Ok(());
        }
        Opt::Family => return families(o, arg.unwrap_or(b"")),
        Opt::Short(c) => c,
    };
    match c {
        b'A' => families(o, arg.unwrap_or(b""))?,
        b'4' => families(o, b"inet")?,
        b'6' => families(o, b"inet6")?,
        b'x' => families(o, b"unix")?,
        b'M' => bump(&mut o.masquerade),
        b'a' => bump(&mut o.all),
        b'l' => bump(&mut o.listening),
        b'c' => o.continuous = true,
        b'd' => {}
        b'g' => bump(&mut o.groups),
        b'e' => bump(&mut o.extend),
        b'p' => o.programs = true,
        b'i' => bump(&mut o.interfaces),
        b'W' => o.wide = true,
        b'n' => {
            o.numeric.hosts = true;
            o.numeric.ports = true;
            o.numeric.users = true;
        }
        b'N' => o.numeric.symbolic = true,
        b'C' => o.cache = true,
        b'F' => o.fib = true,
        b'o' => o.timers = true,
        b'V' => {
            usage::version(out);
            return Err(0);
        }
        b'v' => o.verbose = true,
        b'r' => bump(&mut o.route),
        b't' => bump(&mut o.tcp),
        b'S' => bump(&mut o.sctp),
        b'u' => bump(&mut o.udp),
        b'U' => bump(&mut o.udplite),
        b'w' => bump(&mut o.raw),
        b'2' => bump(&mut o.l2cap),
        b'f' => bump(&mut o.rfcomm),
        b'Z' => {
            // This build has no SELinux support to ask; net-tools on a machine without
            // SELinux answers the same.
            err(&[b"SELinux is not enabled on this machine.\n"]);
            return Err(1);
        }
        b'h' => {
            usage::help(out);
            return Err(0);
        }
        b's' => bump(&mut o.statistics),
        _ => return Err(usage::error()), // `-?`
    }
    Ok(())
}

/// One family alias: its canonical name and the counter it bumps.
fn family_alias<'o>(o: &'o mut Options, alias: &[u8]) -> Option<(&'static [u8], &'o mut u8)> {
    let f = &mut o.families;
    Some(match alias {
        b"ax25" => (b"ax25", &mut f.ax25),
        b"ip" | b"inet" | b"tcpip" => (b"inet", &mut f.inet),
        b"ip6" | b"inet6" => (b"inet6", &mut f.inet6),
        b"ipx" => (b"ipx", &mut f.ipx),
        b"rose" => (b"rose", &mut f.rose),
        b"appletalk" | b"ddp" => (b"ddp", &mut f.ddp),
        b"netrom" => (b"netrom", &mut f.netrom),
        b"unix" => (b"unix", &mut f.unix),
        b"econet" => (b"ec", &mut f.econet),
        b"x25" => (b"x25", &mut f.x25),
        b"ash" => (b"ash", &mut f.ash),
        b"bluetooth" => (b"bluetooth", &mut f.bluetooth),
        _ => return None,
    })
}

/// net-tools' `aftrans_opt`: a comma-separated family list, cut to 255 bytes first.
fn families(o: &mut Options, list: &[u8]) -> Result<(), i32> {
    let list = &list[..list.len().min(255)];
    for alias in list.split(|&b| b == b',') {
        let afname_len = o.afname.len();
        let Some((name, counter)) = family_alias(o, alias) else {
            err(&[b"Unknown address family `", alias, b"'.\n"]);
            return Err(1);
        };
        if name.len() + afname_len + 1 >= 256 {
            err(&[b"Too much address family arguments.\n"]);
            return Ok(());
        }
        bump(counter);
        if afname_len > 0 {
            let _ = o.afname.push(b',');
        }
        let _ = o.afname.extend_from_slice(name);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct V(Vec<&'static str>);
    impl Args for V {
        fn count(&self) -> usize {
            self.0.len()
        }
        fn get(&self, i: usize) -> &[u8] {
            self.0[i].as_bytes()
        }
    }

    fn parse_ok(words: &[&'static str]) -> Options {
        let mut all = vec!["netstat"];
        all.extend_from_slice(words);
        let v = V(all);
        let mut t = ArgvTokens::new(&v);
        let mut out = Out::new();
        parse(b"netstat", &mut t, false, &mut out).ok().expect("command line parses")
    }

    #[test]
    fn bundles_and_attached_family() {
        let o = parse_ok(&["-tulpn", "-Ainet6,unix"]);
        assert_eq!((o.tcp, o.udp, o.listening, o.programs), (1, 1, 1, true));
        assert!(o.numeric.hosts && o.numeric.ports && o.numeric.users);
        assert_eq!(&o.afname[..], b"inet6,unix");
        assert_eq!(o.families.unix, 1);
    }

    #[test]
    fn prefixes_and_exact_matches() {
        assert!(matches!(lookup_long(b"wid"), Lookup::Found(i) if LONG[i].0 == "wide"));
        assert!(matches!(lookup_long(b"numeric"), Lookup::Found(i) if LONG[i].0 == "numeric"));
        assert!(matches!(lookup_long(b"unix"), Lookup::Found(i) if LONG[i].1 == Opt::Family));
        match lookup_long(b"i") {
            Lookup::Ambiguous(l) => {
                let names: Vec<_> = l.iter().map(|&i| LONG[i].0).collect();
                assert_eq!(names, ["ip", "interfaces"]);
            }
            _ => panic!("--i is ambiguous"),
        }
        assert!(matches!(lookup_long(b"bogus"), Lookup::Unknown));
    }

    #[test]
    fn words_are_ignored_and_dashdash_ends_options() {
        let o = parse_ok(&["-i", "eth0", "--", "-r"]);
        assert_eq!((o.interfaces, o.route), (1, 0));
        let o = parse_ok(&["-A", "inet", "-e", "-e"]);
        assert_eq!((o.families.inet, o.extend), (1, 3));
    }

    #[test]
    fn derived_flags() {
        let o = parse_ok(&["-4"]);
        assert!(o.no_protocol_named && o.tcp == 1 && o.raw == 1);
        assert_eq!(o.families.inet6, 0);
        let o = parse_ok(&["-t"]);
        assert_eq!((o.families.inet, o.families.inet6), (1, 1));
        assert_eq!(parse_ok(&["-A", "ddp"]).selected(), 0);
    }
}
