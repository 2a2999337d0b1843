//! Port names as net-tools builds them once from `getservent` and `getprotoent`: /etc/services
//! entries go to a tcp, udp or raw list by their protocol field (others are dropped), then
//! every /etc/protocols entry goes to the raw list with its number as the port. net-tools
//! prepends to its lists, so a lookup finds the last matching entry in file order, and
//! protocols win over raw services. Only the first field (the name) is used.

use super::etc::Fields;
use crate::pack::word_index;

/// The table key of a port in one of the lists (`PortProto as u32`); the port goes through
/// htons, which keeps 16 bits.
pub fn key(list: u32, port: u32) -> u128 {
    (list << 16 | (port & 0xffff)) as u128
}

/// The key of a services line, from the fields after the name: `22/tcp`, the port in any C
/// base, any number of slashes, then the protocol. None for another protocol.
pub fn service_key(f: &mut Fields) -> Option<u128> {
    f.sep = b'/';
    let port = f.number(true)?;
    f.sep = b' ';
    let list = word_index(b"tcp udp raw", f.string())?;
    Some(key(list as u32, port))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::tests::Parsed;
    use crate::names::{File, PortProto};

    /// Files and answers from net-tools' netstat on fixture sockets with these files.
    #[test]
    fn names_as_netstat_showed_them() {
        let services = b"ssh 22/tcp\nhttp 80/tcp www\nfirst 8080/tcp\nsecond 8080/tcp\nneg -1/tcp\n\
            big 70000/tcp\nhex 0x1/tcp\noct 01001/tcp\ntwo 01002//tcp\nd 53/udp\n\
            rawsvc 1/raw\nrawonly 300/raw\ntcpsvc 6/tcp\nrawsix 6/raw\nsctp 7/sctp\n";
        let protocols = b"ip 0 IP\nicmp 1 ICMP\nigmp 2\nudp 17 UDP\nwrap 65537\nneg -1\nudp2 17\n";
        let p = Parsed::files(&[(File::Services, &services[..]), (File::Protocols, &protocols[..])]);
        let name = |proto: PortProto, port: u32| p.name(key(proto as u32, port), true);
        let some = |s: &str| Some(s.to_string());
        assert_eq!(name(PortProto::Tcp, 22), some("ssh"));
        assert_eq!(name(PortProto::Tcp, 80), some("http"));
        assert_eq!(name(PortProto::Tcp, 8080), some("second"));
        assert_eq!(name(PortProto::Tcp, 65535), None);
        assert_eq!(name(PortProto::Tcp, 4464), some("big"));
        assert_eq!(name(PortProto::Tcp, 1), some("hex"));
        assert_eq!(name(PortProto::Tcp, 513), some("oct"));
        assert_eq!(name(PortProto::Tcp, 514), some("two"));
        assert_eq!(name(PortProto::Udp, 53), some("d"));
        assert_eq!(name(PortProto::Tcp, 53), None);
        // Raw: protocols (the last of them) win over raw services; 65537 is 1.
        assert_eq!(name(PortProto::Raw, 1), some("wrap"));
        assert_eq!(name(PortProto::Raw, 2), some("igmp"));
        assert_eq!(name(PortProto::Raw, 17), some("udp2"));
        assert_eq!(name(PortProto::Raw, 300), some("rawonly"));
        assert_eq!(name(PortProto::Raw, 6), some("rawsix"));
        assert_eq!(name(PortProto::Raw, 7), None);
    }
}
