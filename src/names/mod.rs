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
    /// An entry named by the field `name` (a range in the line that starts at `line_at`).
    fn new(key: u128, line_at: usize, name: (usize, usize)) -> Entry {
        Entry { key, at: line_at + name.0, len: (name.1 - name.0) as u32 }
    }

    fn order(&self) -> (u128, usize) {
        (self.key, self.at)
    }
}

/// The entries of one database file; `read` is None until the file is first needed, then
/// whether it could be read.
struct Table {
    read: Option<bool>,
    entries: MapVec<Entry>,
}

type Parser = fn(&mut [u8], usize, &mut Table);

impl Table {
    const fn new() -> Table {
        Table { read: None, entries: MapVec::new() }
    }

    fn add(&mut self, e: Entry) {
        // Out of memory: the entry is lost, as if the line were not there.
        let _ = self.entries.push(e);
    }

    /// Appends the file's entries; false if it cannot be read.
    fn read_file(&mut self, text: &mut MapVec<u8>, name: &[u8], parse: Parser) -> bool {
        match etc::load(text, name) {
            Ok(start) => {
                parse(text.as_mut_slice(), start, self);
                true
            }
            Err(_) => false,
        }
    }

    /// By key, then file order.
    fn sort(&mut self) {
        self.entries.sort_by_key(Entry::order);
    }

    /// The `files` source's status for a key that is not in the file; the file is read and
    /// sorted on first use.
    fn status(&mut self, text: &mut MapVec<u8>, name: &[u8], parse: Parser) -> Status {
        if self.read.is_none() {
            self.read = Some(self.read_file(text, name, parse));
            self.sort();
        }
        if self.read == Some(true) {
            Status::NotFound
        } else {
            Status::Unavail
        }
    }

    /// The first entry for a key in file order, or the last one.
    fn find(&self, key: u128, last: bool) -> Option<Entry> {
        let e = self.entries.as_slice();
        let i = e.partition_point(|x| x.key < key || (last && x.key == key));
        let i = if last { i.checked_sub(1)? } else { i };
        e.get(i).copied().filter(|x| x.key == key)
    }
}

/// What a lookup asks for.
#[derive(Clone, Copy)]
enum Ask {
    Host4,
    Host6,
    Network,
    User,
}

pub struct Names {
    /// The text of every /etc file read so far; entries point into it.
    text: MapVec<u8>,
    switch: Option<Switch>,
    /// /etc/hosts, read separately for each address family when first needed.
    hosts4: Table,
    hosts6: Table,
    networks: Table,
    /// /etc/services and /etc/protocols, as net-tools' three port lists.
    ports: Table,
    passwd: Table,
}

/// net-tools copies host and network names into 128-byte buffers.
const HOST_MAX: usize = 127;
/// … and service names into a 64-byte one.
const PORT_MAX: usize = 63;

impl Names {
    // Out of line: a smaller binary.
    #[inline(never)]
    pub fn new() -> Self {
        Names {
            text: MapVec::new(),
            switch: None,
            hosts4: Table::new(),
            hosts6: Table::new(),
            networks: Table::new(),
            ports: Table::new(),
            passwd: Table::new(),
        }
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
        let ask = if host { Ask::Host4 } else { Ask::Network };
        match self.files_name(ask, u32::from_be_bytes(a) as u128) {
            Some(e) => self.push_name(t, e, HOST_MAX),
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
        let name = if numeric { None } else { self.files_name(Ask::Host6, u128::from_be_bytes(a)) };
        match name.filter(|e| e.len as usize <= HOST_MAX) {
            Some(e) => self.push_name(t, e, HOST_MAX),
            None => addr::fmt_ipv6(t, a),
        }
        addr::fix_v4_mapped(t, &a);
    }

    /// `get_sname`: `*` for port 0, else the service name or the decimal port.
    pub fn port(&mut self, t: &mut Text, port: u16, proto: PortProto, numeric: bool) {
        if port == 0 {
            addr::push(t, b"*");
            return;
        }
        if !numeric && proto != PortProto::Never {
            self.load_ports();
            if let Some(e) = self.ports.find(services::key(proto, port as u32), true) {
                return self.push_name(t, e, PORT_MAX);
            }
        }
        // As u32: the binary then needs no 16-bit formatter.
        addr::push(t, itoa::Buffer::new().format(port as u32).as_bytes());
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
            match self.lookup(Ask::User, key as u128, systemd) {
                (Some(Source::Files), Some(e)) => return self.push_name(t, e, usize::MAX),
                (Some(Source::Systemd), _) => return addr::push(t, synthesized),
                _ => {}
            }
        }
        addr::push(t, itoa::Buffer::new().format(uid).as_bytes());
    }

    /// Who answers a lookup, following nsswitch.conf, and the `files` entry for the key.
    fn lookup(&mut self, ask: Ask, key: u128, systemd: Status) -> (Option<Source>, Option<Entry>) {
        let Names { text, switch, hosts4, hosts6, networks, passwd, .. } = self;
        let switch = switch.get_or_insert_with(|| Switch::read(text));
        let (db, table, path, parse): (_, _, &[u8], Parser) = match ask {
            Ask::Host4 => (Db::Hosts, hosts4, b"hosts", hosts::parse_v4),
            Ask::Host6 => (Db::Hosts, hosts6, b"hosts", hosts::parse_v6),
            Ask::Network => (Db::Networks, networks, b"networks", networks::parse),
            Ask::User => (Db::Passwd, passwd, b"passwd", passwd::parse),
        };
        let mut found = None;
        let source = switch.answer(
            db,
            &mut || {
                let status = table.status(text, path, parse);
                found = table.find(key, false);
                if found.is_some() { Status::Success } else { status }
            },
            systemd,
        );
        (source, found)
    }

    /// The name the `files` source gives, when it is the answer.
    fn files_name(&mut self, ask: Ask, key: u128) -> Option<Entry> {
        match self.lookup(ask, key, Status::Unavail) {
            (Some(Source::Files), e) => e,
            _ => None,
        }
    }

    /// net-tools reads both files once, through `getservent` and `getprotoent`; each file's
    /// entries count when the database's walk reaches `files` (whose `setent` succeeds when
    /// the file opens).
    fn load_ports(&mut self) {
        if self.ports.read.is_some() {
            return;
        }
        let Names { text, switch, ports, .. } = self;
        let switch = switch.get_or_insert_with(|| Switch::read(text));
        let files: [(Db, &[u8], Parser); 2] = [
            (Db::Services, b"services", services::parse_services),
            (Db::Protocols, b"protocols", services::parse_protocols),
        ];
        for (db, path, parse) in files {
            let mut read = || if ports.read_file(text, path, parse) { Status::Success } else { Status::Unavail };
            switch.answer(db, &mut read, Status::Unavail);
        }
        ports.read = Some(true);
        ports.sort();
    }

    fn push_name(&self, t: &mut Text, e: Entry, max: usize) {
        let name = self.text.as_slice().get(e.at..e.at + e.len as usize).unwrap_or_default();
        addr::push(t, &name[..name.len().min(max)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file's text parsed into a table, asked like the lookups ask.
    pub(super) struct Parsed {
        text: Vec<u8>,
        table: Table,
    }

    impl Parsed {
        pub(super) fn new(parse: Parser, file: &[u8]) -> Parsed {
            Parsed::files(&[(parse, file)])
        }

        /// Several files into one table, in order (services, then protocols).
        pub(super) fn files(files: &[(Parser, &[u8])]) -> Parsed {
            let mut text = Vec::new();
            let mut table = Table::new();
            for &(parse, file) in files {
                let start = text.len();
                text.extend_from_slice(file);
                parse(&mut text, start, &mut table);
            }
            table.sort();
            Parsed { text, table }
        }

        /// The first (or last) name for the key, as text.
        pub(super) fn name(&self, key: u128, last: bool) -> Option<String> {
            let e = self.table.find(key, last)?;
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
        let mut table = Table::new();
        for (i, key) in [5u128, 3, 5, 9, 5, 1 << 100, 7, 5].into_iter().enumerate() {
            table.add(Entry { key, at: i, len: 1 });
        }
        table.sort();
        assert_eq!(table.find(5, false).map(|e| e.at), Some(0));
        assert_eq!(table.find(5, true).map(|e| e.at), Some(7));
        assert_eq!(table.find(1 << 100, true).map(|e| e.at), Some(5));
        assert_eq!(table.find(4, false).map(|e| e.at), None);
        assert_eq!(table.find(10, true).map(|e| e.at), None);
        assert_eq!(table.find(0, true).map(|e| e.at), None);
        let keys: Vec<u128> = table.entries.as_slice().iter().map(|e| e.key).collect();
        assert_eq!(keys, [3, 5, 5, 5, 5, 7, 9, 1 << 100]);
    }
}
