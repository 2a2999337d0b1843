//! Names for addresses, ports and users, from /etc files without libc (STUB: filled in by the
//! names work; until then everything prints as numbers).

use crate::addr::{self, Text};

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

pub struct Names {}

impl Names {
    pub fn new() -> Self {
        Names {}
    }

    /// A socket-table IPv4 host (net-tools' `INET_rresolve` as the socket tables call it).
    pub fn inet_host(&mut self, t: &mut Text, a: [u8; 4], numeric: bool) {
        let _ = numeric;
        addr::fmt_ipv4(t, a);
    }

    /// A socket-table IPv6 host (`INET6_rresolve` then `fix_v4_address`).
    pub fn inet6_host(&mut self, t: &mut Text, a: [u8; 16], numeric: bool) {
        if !numeric && a == [0; 16] {
            addr::push(t, b"[::]");
            return;
        }
        addr::fmt_ipv6(t, a);
        addr::fix_v4_mapped(t, &a);
    }

    /// `get_sname`: `*` for port 0, else the service name or the decimal port.
    pub fn port(&mut self, t: &mut Text, port: u16, proto: PortProto, numeric: bool) {
        let _ = (proto, numeric);
        if port == 0 {
            addr::push(t, b"*");
        } else {
            addr::push(t, itoa::Buffer::new().format(port).as_bytes());
        }
    }

    /// The `-e` User column: the login name, or the decimal uid.
    pub fn user(&mut self, t: &mut Text, uid: i64, numeric: bool) {
        let _ = numeric;
        addr::push(t, itoa::Buffer::new().format(uid).as_bytes());
    }
}
