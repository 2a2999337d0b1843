//! The live namespace world of the `-i` and `-g` tests: veth stand-ins with fixed MAC
//! addresses (running, down, without carrier), aliases, a 15-character name, names that sort
//! by number, IPv4 and IPv6 addresses, a tun device with a point-to-point peer, rare flags set
//! by ioctl, a control byte in a name, and multicast memberships held by a helper process.

use super::netns::Netns;

/// Joins the multicast groups given as `4|6,<interface>,<group>` and keeps them until stdin
/// closes.
const JOIN_GROUPS: &str = r#"
import socket, struct, sys
held = []
for spec in sys.argv[1:]:
    family, dev, group = spec.split(",")
    index = socket.if_nametoindex(dev)
    if family == "4":
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        mreqn = socket.inet_aton(group) + struct.pack("=4si", bytes(4), index)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreqn)
    else:
        s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        mreq = socket.inet_pton(socket.AF_INET6, group) + struct.pack("=I", index)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP, mreq)
    held.append(s)
print("ready", flush=True)
sys.stdin.read()
"#;

/// Adds interface flags (hex) that `ip` cannot set: SIOCGIFFLAGS, then SIOCSIFFLAGS.
const ADD_FLAGS: &str = r#"
import fcntl, socket, struct, sys
name, add = sys.argv[1].encode(), int(sys.argv[2], 16)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
flags = struct.unpack("16sH22x", fcntl.ioctl(s, 0x8913, struct.pack("16sH22x", name, 0)))[1]
fcntl.ioctl(s, 0x8914, struct.pack("16sH22x", name, flags | add))
"#;

pub fn build(tag: &str) -> Netns {
    let mut ns = Netns::new(tag);
    ns.ip("addr add 127.0.0.53/8 dev lo");
    // Running, with aliases (one numbered 10, to sort after 2) and a second subnet.
    ns.veth("v0", "02:00:00:00:00:01", true);
    ns.ip("link set v0 allmulticast on up");
    for a in ["192.168.50.1/24 brd + dev v0", "192.168.50.2/24 dev v0 label v0:1", "192.168.50.3/24 dev v0 label v0:10",
              "192.168.50.4/24 dev v0 label v0:2", "10.1.0.1/16 dev v0", "2001:db8::1/64 dev v0 nodad"] {
        ns.ip(&format!("addr add {a}"));
    }
    // Down, with an address: listed only with -a.
    ns.veth("v1", "02:00:00:00:00:02", true);
    ns.ip("addr add 192.168.60.1/24 brd + dev v1");
    // Up without carrier; promiscuous, no ARP, no multicast, big MTU, no queue.
    ns.veth("v2", "02:00:00:00:00:03", false);
    ns.ip("link set v2 mtu 9000 txqueuelen 0 promisc on arp off multicast off up");
    // The longest name; a host address without broadcast.
    ns.veth("abcdefghijklmno", "02:00:00:00:00:0f", false);
    ns.ip("link set abcdefghijklmno up");
    ns.ip("addr add 10.15.15.15/32 dev abcdefghijklmno");
    ns.ip("addr add 2001:db8:15::15/128 dev abcdefghijklmno nodad");
    // A control byte in a name, which we print as `?`.
    ns.veth("ctl\x1bname", "02:00:00:00:00:1b", false);
    ns.ip("link set ctl\x1bname up");
    // Numbers sort as numbers: eth2 before eth10, l2tp0 before lo.
    ns.veth("eth10", "02:00:00:00:00:10", false);
    ns.veth("eth2", "02:00:00:00:00:20", false);
    ns.veth("l2tp0", "02:00:00:00:00:30", false);
    // Other kinds of device: a bridge with flags only an ioctl sets, an ifb with NOTRAILERS,
    // a tap and a vxlan (Ethernet), a tun (no hardware address, point-to-point).
    ns.ip("link add br0 address 02:00:00:00:00:b0 type bridge");
    ns.exec("python3", &["-c", ADD_FLAGS, "br0", "6004"]);
    ns.ip("link set br0 dynamic on");
    ns.ip("link add ifb0 address 02:00:00:00:00:1f type ifb");
    ns.ip("link set ifb0 trailers on up");
    ns.ip("tuntap add mode tap name tap0");
    ns.ip("link set tap0 address 02:00:00:00:00:7a");
    ns.ip("link add vx0 address 02:00:00:00:00:5a type vxlan id 5 dstport 4789");
    ns.ip("tuntap add mode tun name tun0");
    ns.ip("link set tun0 mtu 1400 up");
    ns.ip("addr add 10.9.0.1 peer 10.9.0.2/32 dev tun0");
    ns.ip("addr add 2001:db8:9::1/64 dev tun0 nodad");
    let groups = [
        "4,v0,239.1.2.3", "4,v0,239.1.2.3", "4,v0,224.0.0.251", "4,abcdefghijklmno,239.0.0.15", "4,tun0,239.9.9.9",
        "6,v0,ff02::fb", "6,v0,ff05::2", "6,v0,ff05::2", "6,abcdefghijklmno,ff12::1234", "6,tun0,ff0e::101",
    ];
    let mut args = vec!["-c", JOIN_GROUPS];
    args.extend(groups);
    ns.hold("python3", &args);
    ns.wait_quiet();
    ns
}
