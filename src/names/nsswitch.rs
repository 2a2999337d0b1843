//! /etc/nsswitch.conf as glibc 2.36 reads it: which sources each database asks, in which
//! order, and when a source's answer ends the lookup.
//!
//! Only the `files` source reads anything here. The others answer what they answer on a
//! machine without those services: `dns` NOTFOUND for hosts and UNAVAIL for networks (no
//! name server listening), `systemd` (nss-systemd) the synthesized `root` and `nobody`
//! users, everything else UNAVAIL, which is what glibc reports for a module it cannot load.

use super::etc::{self, is_space};
use crate::arena::MapVec;
use crate::cscan::{c_str, skip_space};
use crate::pack::{nth_word, word_index, word_index_upper};
use crate::printf::eat;
use crate::procfs::take_line;
use rustix::io::Errno;

/// The databases netstat asks, in the order of `DATABASES`; their files in /etc have the
/// same names.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Db {
    Hosts,
    Networks,
    Services,
    Protocols,
    Passwd,
}

/// What one source answered.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    Success,
    NotFound,
    Unavail,
}

/// A source glibc can ask, in the order of `SOURCES`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Source {
    Files,
    Dns,
    Systemd,
    Other,
}

/// One source of a database line and, per status (bit = `Status as u8`, plus bit 3 for
/// TRYAGAIN, which nothing here answers), whether that answer ends the lookup.
#[derive(Clone, Copy)]
struct Step {
    source: Source,
    returns: u8,
}

const SUCCESS_RETURNS: u8 = 1 << Status::Success as u8;

/// Sources per database kept; a longer line loses its tail.
type Line = heapless::Vec<Step, 16>;

/// glibc's `nss_database_name_array`: lines for these are parsed (and can fail), others are
/// ignored. The first five are the databases of `Db`, in its order.
const DATABASES: &[u8] = b"hosts networks services protocols passwd aliases ethers group group_compat \
    gshadow initgroups netgroup passwd_compat publickey rpc shadow shadow_compat";

/// The name of a database, which is also its file's in /etc.
pub fn db_name(db: Db) -> &'static [u8] {
    nth_word(DATABASES, db as usize)
}

pub struct Switch {
    /// A syntax error in a database line: glibc then answers no lookup at all.
    failed: bool,
    lines: [Line; 5],
}

impl Switch {
    /// Reads /etc/nsswitch.conf (into `text`). glibc takes a file it cannot open for one of
    /// these reasons as absent; any other failure, reading a directory say, fails every
    /// lookup.
    pub fn read(text: &mut MapVec<u8>) -> Switch {
        match etc::load(text, b"nsswitch.conf") {
            Ok(start) => Switch::parse(text.as_slice().get(start..).unwrap_or_default()),
            Err(e) => Switch::missing(!matches!(e, Errno::ACCESS | Errno::ISDIR | Errno::LOOP | Errno::NOENT | Errno::NOTDIR | Errno::PERM)),
        }
    }

    /// The configuration in the text of /etc/nsswitch.conf.
    pub fn parse(mut text: &[u8]) -> Switch {
        let mut sw = Switch::missing(false);
        while let Some(line) = take_line(&mut text, usize::MAX) {
            if !sw.process_line(c_str(line)) {
                sw.failed = true;
                break;
            }
        }
        sw
    }

    /// No nsswitch.conf: every database has glibc's default line, "files dns" for hosts
    /// and networks; for the others "files", or lines that come to the same here
    /// ("compat [NOTFOUND=return] files" for passwd, "nis [NOTFOUND=return] files" where
    /// nis is not installed). `failed`: the file is there but cannot be read, and glibc
    /// then answers no lookup at all.
    pub fn missing(failed: bool) -> Switch {
        let step = |source| Step { source, returns: SUCCESS_RETURNS };
        let lines = core::array::from_fn(|db| {
            let mut line = Line::new();
            let _ = line.push(step(Source::Files));
            if db <= Db::Networks as usize {
                let _ = line.push(step(Source::Dns));
            }
            line
        });
        Switch { failed, lines }
    }

    /// `process_line`: false for a syntax error in a known database's line.
    fn process_line(&mut self, mut line: &[u8]) -> bool {
        skip_space(&mut line);
        let name = word(&mut line, b":");
        // `line` here still has its `\n` unless it is the last one, as getline returns it.
        if name.is_empty() || line.is_empty() {
            return true;
        }
        while line.first().is_some_and(|&b| is_space(b) || b == b':') {
            line = &line[1..];
        }
        let Some(db) = word_index(DATABASES, name) else { return true };
        let Some(parsed) = parse_actions(line, db == Db::Passwd as usize) else { return false };
        if let Some(slot) = self.lines.get_mut(db) {
            *slot = parsed;
        }
        true
    }

    /// Which source's answer is the lookup's answer, if it is a success. `files` is asked
    /// only when the walk gets to it; `systemd` is what that source says (passwd only).
    pub fn answer(&self, db: Db, files: &mut dyn FnMut() -> Status, systemd: Status) -> Option<Source> {
        if self.failed {
            return None;
        }
        let mut answer = None;
        for step in &self.lines[db as usize] {
            let status = match step.source {
                Source::Files => files(),
                Source::Dns if db == Db::Hosts => Status::NotFound,
                Source::Systemd if db == Db::Passwd => systemd,
                _ => Status::Unavail,
            };
            answer = (status == Status::Success).then_some(step.source);
            if step.returns & (1 << status as u8) != 0 {
                break;
            }
        }
        answer
    }
}

/// Takes a word off `s`: up to a blank or one of `stops`.
fn word<'a>(s: &mut &'a [u8], stops: &[u8]) -> &'a [u8] {
    let n = s.iter().position(|b| is_space(*b) || stops.contains(b)).unwrap_or(s.len());
    let (w, rest) = s.split_at(n);
    *s = rest;
    w
}

/// `nss_action_parse`: `( <source> ( "[" ( "!"? <status> "=" <action> )+ "]" )? )*`; None for
/// a syntax error. A `[` where a source name should be ends the list. `compat` reads
/// /etc/passwd as `files` does (for uid lookups they agree).
fn parse_actions(mut s: &[u8], passwd: bool) -> Option<Line> {
    let mut line = Line::new();
    loop {
        skip_space(&mut s);
        let name = word(&mut s, b"[");
        if name.is_empty() {
            return Some(line);
        }
        let source = match word_index(b"files dns systemd compat", name) {
            Some(0) => Source::Files,
            Some(1) => Source::Dns,
            Some(2) => Source::Systemd,
            Some(3) if passwd => Source::Files,
            _ => Source::Other,
        };
        let mut returns = SUCCESS_RETURNS;
        skip_space(&mut s);
        if eat(&mut s, b'[') {
            loop {
                skip_space(&mut s);
                let not = eat(&mut s, b'!');
                let bit = word_index_upper(b"SUCCESS NOTFOUND UNAVAIL TRYAGAIN", word(&mut s, b"=]"))?;
                skip_space(&mut s);
                if !eat(&mut s, b'=') {
                    return None;
                }
                skip_space(&mut s);
                // MERGE only means something for groups; elsewhere it goes on like CONTINUE.
                let action = word_index_upper(b"RETURN CONTINUE MERGE", word(&mut s, b"=]"))?;
                let mask = if not { !(1u8 << bit) & 0xf } else { 1 << bit };
                returns = if action == 0 { returns | mask } else { returns & !mask };
                skip_space(&mut s);
                if eat(&mut s, b']') {
                    break;
                }
            }
        }
        let _ = line.push(Step { source, returns });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Does a hosts lookup whose address is in /etc/hosts get its name? And a passwd lookup
    /// of a uid in /etc/passwd?
    fn found(conf: &[u8], db: Db) -> bool {
        Switch::parse(conf).answer(db, &mut || Status::Success, Status::NotFound) == Some(Source::Files)
    }

    #[test]
    fn lines_as_getent_saw_them() {
        // Each case ran as `getent hosts 10.1.2.3` and `getent passwd 6` in a private /etc
        // with only that nsswitch.conf (no name server listening: dns says NOTFOUND).
        for (conf, hosts, passwd) in [
            (&b"hosts\n"[..], false, true),
            (b"hosts", true, true),
            (b"hosts:\n", false, true),
            (b"hosts: files [FOO=return]\n", false, false),
            (b"rpc: files [x]\n", false, false),
            (b"sudoers: files [x]\n", true, true),
            (b"Hosts: dns\n", true, true),
            (b"hosts: dns\n", false, true),
            (b"hosts: files\nhosts: dns\n", false, true),
            (b"hosts: dns\nhosts: files\n", true, true),
            (b"hosts: dns [UNAVAIL=return] files\n", true, true),
            (b"hosts: dns [NOTFOUND=return] files\n", false, true),
            (b"hosts: files [SUCCESS=continue] dns\n", false, true),
            (b"hosts: files [SUCCESS=continue] files\n", true, true),
            (b"hosts: files [SUCCESS=continue]\n", true, true),
            (b"hosts:files\n", true, true),
            (b"hosts files\n", true, true),
            (b"hosts foo [UNAVAIL=return] files\n", false, true),
            (b"hosts: foo [!SUCCESS=return] files\n", false, true),
            (b"hosts: foo [!UNAVAIL=return] files\n", true, true),
            (b"hosts: foo [!UNAVAIL=return UNAVAIL=return] files\n", false, true),
            (b"hosts: foo [ unavail = Return ] files\n", false, true),
            (b"hosts: files#c\n", false, true),
            (b"  hosts : files\n", true, true),
            (b"hosts: [NOTFOUND=return] files\n", false, true),
            (b"hosts: files dns [NOTFOUND=return\n", false, false),
            (b"hosts: dns[UNAVAIL=return] files\n", true, true),
            (b"hosts: dns [UNAVAIL=merge] files\n", true, true),
            (b"hosts: compat [UNAVAIL=return] files\n", false, true),
            (b"hosts: systemd [UNAVAIL=return] files\n", false, true),
            (b"hosts: dns [TRYAGAIN=return] files\n", true, true),
            (b"hosts: dns [UNAVAIL=return] [NOTFOUND=return] files\n", false, true),
            (b"hosts: dns [] files\n", false, false),
            (b"hosts: files\0 dns\n", true, true),
            (b"#hosts: dns\nhosts: files\n", true, true),
            (b"passwd: \nhosts: files\n", true, false),
            (b"passwd: dns\nhosts: files\n", true, false),
        ] {
            let text = String::from_utf8_lossy(conf);
            assert_eq!(found(conf, Db::Hosts), hosts, "hosts with {text:?}");
            assert_eq!(found(conf, Db::Passwd), passwd, "passwd with {text:?}");
        }
    }

    #[test]
    fn defaults_when_a_line_or_the_file_is_missing() {
        // Without nsswitch.conf getent found hosts, networks and passwd entries; netstat named
        // ports. For networks dns is UNAVAIL (netstat: `dns [UNAVAIL=return] files` gave no
        // name, `dns [NOTFOUND=return] files` did).
        let none = Switch::missing(false);
        for db in [Db::Hosts, Db::Networks, Db::Services, Db::Protocols, Db::Passwd] {
            assert_eq!(none.answer(db, &mut || Status::Success, Status::NotFound), Some(Source::Files));
        }
        assert!(found(b"networks: dns [NOTFOUND=return] files\n", Db::Networks));
        assert!(!found(b"networks: dns [UNAVAIL=return] files\n", Db::Networks));
        // A directory in its place: getent found nothing at all.
        assert_eq!(Switch::missing(true).answer(Db::Hosts, &mut || Status::Success, Status::Success), None);
    }

    #[test]
    fn systemd_names_root_and_nobody_after_files() {
        let sw = Switch::parse(b"passwd: files systemd\n");
        let mut not_in_files = || Status::NotFound;
        assert_eq!(sw.answer(Db::Passwd, &mut not_in_files, Status::Success), Some(Source::Systemd));
        assert_eq!(sw.answer(Db::Passwd, &mut not_in_files, Status::NotFound), None);
        // getent: `files [UNAVAIL=return] systemd` without /etc/passwd gave no root.
        let sw = Switch::parse(b"passwd: files [UNAVAIL=return] systemd\n");
        assert_eq!(sw.answer(Db::Passwd, &mut || Status::Unavail, Status::Success), None);
        // `systemd [NOTFOUND=return] files`: uid 6 (in files) not found, uid 0 root.
        let sw = Switch::parse(b"passwd: systemd [NOTFOUND=return] files\n");
        assert_eq!(sw.answer(Db::Passwd, &mut || Status::Success, Status::NotFound), None);
        assert_eq!(sw.answer(Db::Passwd, &mut || Status::Success, Status::Success), Some(Source::Systemd));
    }

    #[test]
    fn files_is_read_only_when_the_walk_gets_there() {
        let mut asked = false;
        Switch::parse(b"hosts: dns\n").answer(Db::Hosts, &mut || { asked = true; Status::Success }, Status::Unavail);
        assert!(!asked);
    }
}
