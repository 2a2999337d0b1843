//! NAMES NEEDED: the two IPv4 lookups the route tables make once they have decided what an
//! address is (`ipv4::inet_name`). STUB until the names module provides them on `Names`; each
//! prints the dotted quad for now. The names module should implement both with net-tools'
//! `INET_rresolve` cache: one cache keyed by (address, host or network), shared with the
//! socket tables' lookups and kept across `-c` iterations, storing the dotted quad too when a
//! lookup fails. Then this file goes and the calls resolve to the `Names` methods.

use crate::addr::{self, Text};
use crate::names::Names;

pub trait RouteNames {
    /// A host: `gethostbyaddr(a, 4, AF_INET)`'s `h_name` (/etc/hosts, DNS as nsswitch.conf
    /// says), else the dotted quad.
    fn inet_host_name(&mut self, t: &mut Text, a: [u8; 4]);
    /// A network: `getnetbyaddr(ntohl(a), AF_INET)`'s `n_name` (/etc/networks, e.g.
    /// 127.0.0.0 is `loopback`), else the dotted quad.
    fn inet_network_name(&mut self, t: &mut Text, a: [u8; 4]);
}

impl RouteNames for Names {
    fn inet_host_name(&mut self, t: &mut Text, a: [u8; 4]) {
        addr::fmt_ipv4(t, a);
    }

    fn inet_network_name(&mut self, t: &mut Text, a: [u8; 4]) {
        addr::fmt_ipv4(t, a);
    }
}
