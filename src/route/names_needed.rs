//! NAMES NEEDED: the two IPv4 lookups the route tables make once they have decided what an
//! address is (`ipv4::inet_name`): a host (`gethostbyaddr`) or a network (`getnetbyaddr`,
//! /etc/networks). STUB printing the dotted quad until `Names` offers both, e.g. as
//! `Names::inet_route_name(t, a, host)` doing its `files_name(Ask::Host4 | Ask::Network)`
//! lookup, the dotted quad when no file names the address. Then this file goes and
//! `inet_name` calls that method.

use crate::addr::{self, Text};
use crate::names::Names;

pub trait RouteNames {
    /// A host: `gethostbyaddr(a, 4, AF_INET)`'s `h_name` (/etc/hosts), else the dotted quad.
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
