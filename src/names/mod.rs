//! Names for addresses, ports and users, as net-tools 2.10 gets them through glibc 2.36's NSS
//! with the `files` source, read from /etc without libc.
//!
//! Nothing is read until the first lookup that is not numeric; then /etc/nsswitch.conf, and
//! each database file once, when a lookup first needs it. A file's entries are kept sorted
//! by key and file order, so that a lookup is a binary search even for 50,000-row listings.

mod etc;
mod hosts;
mod networks;
mod nsswitch;
mod passwd;
mod services;

use crate::addr::{self, Text};
use crate::arena::MapVec;
use etc::Fields;
use nsswitch::{Db, Source, Status, Switch};

/// Which /etc/services list a port is looked up in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PortProto {
    Tcp,
    Udp,
    /// Raw sockets: the "port" is the IP protocol number (/etc/protocols, then raw services).
    Raw,
    /// Protocols net-tools never resolves (sctp, …): always decimal.
    Never,
}

/// One line's answer: the key it is found by and where its name lies in the text arena.
/// Sorting by `at` after the key keeps file order among equal keys.
#[derive(Clone, Copy)]
struct Entry {
    key: u128,
    at: usize,
    len: u32,
}

impl Entry {
    fn order(&self) -> (u128, usize) {
        (self.key, self.at)
    }
}

/// An /etc file as one kind of lookup reads it: /etc/hosts once for IPv4 and once for
/// IPv6 addresses; services and protocols together make the port table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum File {
    Hosts4,
    Hosts6,
    Networks,
    Passwd,
    Services,
    Protocols,
}

/// The table of services and protocols; the files before it have one each.
const PORTS: usize = File::Services as usize;

impl File {
    fn table(self) -> usize {
        (self as usize).min(PORTS)
    }

    fn db(self) -> Db {
        [Db::Hosts, Db::Hosts, Db::Networks, Db::Passwd, Db::Services, Db::Protocols][self as usize]
    }

    /// A line's key and its name, if the line makes an entry.
    fn entry(self, line: &[u8]) -> Option<(u128, &[u8])> {
        let mut f = Fields::new(line, if self == File::Passwd { b':' } else { b' ' });
        let first = f.string();
        let key = match self {
            File::Hosts4 | File::Hosts6 => return Some((hosts::key(first, self == File::Hosts6)?, f.string())),
            File::Networks => networks::padded_network(f.string())? as u128,
            File::Passwd => passwd::uid(&mut f, line)? as u128,
            File::Services => services::service_key(&mut f)?,
            File::Protocols => services::key(PortProto::Raw as u32, f.number(false)?),
        };
        Some((key, first))
    }

    /// Adds the entries of the file's text in `text[start..]` to `table`.
    fn parse(self, text: &mut [u8], start: usize, table: &mut MapVec<Entry>) {
        // `#` starts a comment only at the beginning of a passwd line.
        etc::lines(text, start, self != File::Passwd, &mut |at, line| {
            if let Some((key, name)) = self.entry(line) {
                let at = at + (name.as_ptr() as usize - line.as_ptr() as usize);
                // Out of memory: the entry is lost, as if the line were not there.
                let _ = table.push(Entry { key, at, len: name.len() as u32 });
            }
        });
        // By key, then file order.
        table.sort_by_key(Entry::order);
    }
}

/// The first entry for a key in file order, or the last one.
fn find(table: &MapVec<Entry>, key: u128, last: bool) -> Option<&Entry> {
    let e = table.as_slice();
    // A binary search for the first entry past the key (`last`) or at it.
    let (mut lo, mut hi) = (0, e.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        let k = e.get(mid)?.key;
        if k < key || (last && k == key) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let i = if last { lo.checked_sub(1)? } else { lo };
    e.get(i).filter(|x| x.key == key)
}

pub struct Names {
    /// The text of every /etc file read so far; entries point into it.
    text: MapVec<u8>,
    switch: Option<Switch>,
    /// Per `File`: None until it is first needed, then whether it could be read.
    read: [Option<bool>; 6],
    /// The entries per `File::table`, sorted by key and file order.
    tables: [MapVec<Entry>; 5],
}

/// net-tools copies host and network names into 128-byte buffers.
const HOST_MAX: usize = 127;
/// … and service names into a 64-byte one.
const PORT_MAX: usize = 63;

impl Names {
    // Out of line: a smaller binary.
    #[inline(never)]
    pub fn new() -> Self {
        Names { text: MapVec::new(), switch: None, read: [None; 6], tables: [const { MapVec::new() }; 5] }
    }

    /// A socket-table IPv4 host (net-tools' `INET_rresolve` as the socket tables call it).
    /// Because of its netmask quirk an address counts as a host when its first byte is not
    /// zero (`gethostbyaddr`), else as a network (`getnetbyaddr`); 0.0.0.0 stays numeric.
    pub fn inet_host(&mut self, t: &mut Text, a: [u8; 4], numeric: bool) {
        if numeric || a == [0; 4] {
            return addr::fmt_ipv4(t, a);
        }
        self.inet_name(t, a, a[0] != 0);
    }

    /// The name the files give an IPv4 host (`gethostbyaddr`) or, when `host` is false, a
    /// network (`getnetbyaddr`, /etc/networks); the dotted quad when they give none.
    pub fn inet_name(&mut self, t: &mut Text, a: [u8; 4], host: bool) {
        let file = if host { File::Hosts4 } else { File::Networks };
        match self.files_name(file, u32::from_be_bytes(a) as u128) {
            Some(name) => push_cut(t, name, HOST_MAX),
            None => addr::fmt_ipv4(t, a),
        }
    }

    /// A socket-table IPv6 host (`INET6_rresolve` then `fix_v4_address`). `getnameinfo`
    /// gives up on a name that does not fit net-tools' 128-byte buffer; the address shows.
    pub fn inet6_host(&mut self, t: &mut Text, a: [u8; 16], numeric: bool) {
        if !numeric && a == [0; 16] {
            addr::push(t, b"[::]");
            return;
        }
        let name = if numeric { None } else { self.files_name(File::Hosts6, u128::from_be_bytes(a)) };
        match name.filter(|name| name.len() <= HOST_MAX) {
            Some(name) => addr::push(t, name),
            None => addr::fmt_ipv6(t, a),
        }
        addr::fix_v4_mapped(t, &a);
    }

    /// `get_sname`: `*` for port 0, else the service name or the decimal port. net-tools
    /// reads both files once, through `getservent` and `getprotoent`; each file's entries
    /// count when the database's walk reaches `files` (whose `setent` succeeds when the file
    /// opens), and the last entry for the port counts.
    pub fn port(&mut self, t: &mut Text, port: u16, proto: PortProto, numeric: bool) {
        if port == 0 {
            addr::push(t, b"*");
            return;
        }
        if !numeric && proto != PortProto::Never {
            self.lookup(File::Services, 0, Status::Unavail);
            self.lookup(File::Protocols, 0, Status::Unavail);
            if let Some(e) = find(&self.tables[PORTS], services::key(proto as u32, port as u32), true) {
                return push_cut(t, self.name(e), PORT_MAX);
            }
        }
        addr::push_dec(t, port as u32);
    }

    /// The `-e` User column: the login name, or the decimal uid. net-tools passes its int
    /// uid to `getpwuid`, which takes it as unsigned.
    // Out of line: a smaller binary.
    #[inline(never)]
    pub fn user(&mut self, t: &mut Text, uid: i64, numeric: bool) {
        let key = uid as u32;
        // nss-systemd makes up these two users when the sources before it do not have them.
        let synthesized: &[u8] = match key {
            0 => b"root",
            65534 => b"nobody",
            _ => b"",
        };
        if !numeric {
            let systemd = if synthesized.is_empty() { Status::NotFound } else { Status::Success };
            let source = self.lookup(File::Passwd, key as u128, systemd);
            if source == Some(Source::Systemd) {
                return addr::push(t, synthesized);
            }
            if let Some(name) = self.files_answer(source, File::Passwd, key as u128) {
                return addr::push(t, name);
            }
        }
        addr::push(t, itoa::Buffer::new().format(uid).as_bytes());
    }

    /// Who answers a lookup of `key` in `file`, following nsswitch.conf; `files` reads the
    /// file when it is first asked.
    fn lookup(&mut self, file: File, key: u128, systemd: Status) -> Option<Source> {
        let Names { text, switch, read, tables } = self;
        let switch = switch.get_or_insert_with(|| Switch::read(text));
        let table = &mut tables[file.table()];
        let mut files = || {
            let read = *read[file as usize].get_or_insert_with(|| match etc::load(text, nsswitch::db_name(file.db())) {
                Ok(start) => {
                    file.parse(text.as_mut_slice(), start, table);
                    true
                }
                Err(_) => false,
            });
            match find(table, key, false) {
                Some(_) => Status::Success,
                None if read => Status::NotFound,
                None => Status::Unavail,
            }
        };
        switch.answer(file.db(), &mut files, systemd)
    }

    /// The name `files` has for `key`, when `source` says it is the answer.
    fn files_answer(&self, source: Option<Source>, file: File, key: u128) -> Option<&[u8]> {
        let e = find(&self.tables[file.table()], key, false).filter(|_| source == Some(Source::Files))?;
        Some(self.name(e))
    }

    /// The name the `files` source gives, when it is the answer.
    fn files_name(&mut self, file: File, key: u128) -> Option<&[u8]> {
        let source = self.lookup(file, key, Status::Unavail);
        self.files_answer(source, file, key)
    }

    fn name(&self, e: &Entry) -> &[u8] {
        self.text.as_slice().get(e.at..e.at + e.len as usize).unwrap_or_default()
    }
}

/// Appends `name`, cut to `max` bytes as net-tools' buffers cut it.
fn push_cut(t: &mut Text, name: &[u8], max: usize) {
    addr::push(t, &name[..name.len().min(max)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file's text parsed into a table, asked like the lookups ask.
    pub(super) struct Parsed {
        text: Vec<u8>,
        table: MapVec<Entry>,
    }

    impl Parsed {
        pub(super) fn new(kind: File, file: &[u8]) -> Parsed {
            Parsed::files(&[(kind, file)])
        }

        /// Several files into one table, in order (services, then protocols).
        pub(super) fn files(files: &[(File, &[u8])]) -> Parsed {
            let mut text = Vec::new();
            let mut table = MapVec::new();
            for &(kind, file) in files {
                let start = text.len();
                text.extend_from_slice(file);
                kind.parse(&mut text, start, &mut table);
            }
            Parsed { text, table }
        }

        /// The first (or last) name for the key, as text.
        pub(super) fn name(&self, key: u128, last: bool) -> Option<String> {
            let e = find(&self.table, key, last)?;
            Some(String::from_utf8_lossy(&self.text[e.at..e.at + e.len as usize]).into_owned())
        }
    }

    fn text(f: impl FnOnce(&mut Names, &mut Text)) -> String {
        let mut t = Text::new();
        f(&mut Names::new(), &mut t);
        String::from_utf8(t.to_vec()).unwrap()
    }

    #[test]
    fn numeric_answers_need_no_files() {
        assert_eq!(text(|n, t| n.inet_host(t, [10, 1, 2, 3], true)), "10.1.2.3");
        assert_eq!(text(|n, t| n.inet_host(t, [0, 0, 0, 0], false)), "0.0.0.0");
        assert_eq!(text(|n, t| n.inet6_host(t, [0; 16], false)), "[::]");
        assert_eq!(text(|n, t| n.inet6_host(t, [0; 16], true)), "::");
        let mapped = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1];
        assert_eq!(text(|n, t| n.inet6_host(t, mapped, true)), "127.0.0.1");
        assert_eq!(text(|n, t| n.port(t, 0, PortProto::Tcp, true)), "*");
        assert_eq!(text(|n, t| n.port(t, 0, PortProto::Never, false)), "*");
        assert_eq!(text(|n, t| n.port(t, 22, PortProto::Tcp, true)), "22");
        assert_eq!(text(|n, t| n.port(t, 22, PortProto::Never, false)), "22");
        assert_eq!(text(|n, t| n.user(t, 1000, true)), "1000");
        assert_eq!(text(|n, t| n.user(t, -1, true)), "-1");
        assert!(Names::new().text.is_empty());
    }

    #[test]
    fn first_and_last_of_equal_keys() {
        let mut table = MapVec::new();
        for (i, key) in [5u128, 3, 5, 9, 5, 1 << 100, 7, 5].into_iter().enumerate() {
            table.push(Entry { key, at: i, len: 1 });
        }
        table.sort_by_key(Entry::order);
        let at = |key, last| find(&table, key, last).map(|e| e.at);
        assert_eq!(at(5, false), Some(0));
        assert_eq!(at(5, true), Some(7));
        assert_eq!(at(1 << 100, true), Some(5));
        assert_eq!(at(4, false), None);
        assert_eq!(at(10, true), None);
        assert_eq!(at(0, true), None);
        let keys: Vec<u128> = table.as_slice().iter().map(|e| e.key).collect();
        assert_eq!(keys, [3, 5, 5, 5, 5, 7, 9, 1 << 100]);
    }
}
