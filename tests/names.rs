//! Names against net-tools: each test gives its thread a private /etc, asks `Names` for the
//! addresses, ports and users of some fixture sockets, and compares the answers with the
//! Local Address, Foreign Address and User columns that net-tools' `netstat -tuwaWe` prints
//! for the same sockets with the same /etc.
mod common;
use common::*;
use netstat::addr::Text;
use netstat::names::{Names, PortProto};
use std::net::IpAddr;
use std::process::Command;

/// Moves this test's thread into its own mount namespace with a fresh /etc that holds only
/// `files` (and ld.so.cache, which net-tools needs to start). What is mounted here, and
/// seen by the oracle started from here, stays here; other test threads keep the real /etc.
fn private_etc(files: &[(&str, &[u8])]) {
    let cache = std::fs::read("/etc/ld.so.cache").expect("ld.so.cache");
    // SAFETY: a new mount namespace (and fs context) for this thread only; no descriptors
    // are unshared.
    unsafe { rustix::thread::unshare_unsafe(rustix::thread::UnshareFlags::NEWNS) }.expect("unshare");
    let mounted = Command::new("sh")
        .args(["-c", "mount --make-rprivate / && mount -t tmpfs names-test /etc"])
        .status()
        .expect("mount runs");
    assert!(mounted.success());
    std::fs::write("/etc/ld.so.cache", cache).unwrap();
    for (name, content) in files {
        std::fs::write(format!("/etc/{name}"), content).unwrap();
    }
}

/// One fixture socket: its table (`tcp`, `tcp6`, `udp`, `udp6`, `raw`, `raw6`), addresses
/// and ports, and owner.
struct Socket(&'static str, &'static str, u16, &'static str, u16, i64);

/// /proc/net's hex form of an address: 32-bit words in host (little-endian) order.
fn proc_hex(a: IpAddr) -> String {
    let bytes = match a {
        IpAddr::V4(a) => a.octets().to_vec(),
        IpAddr::V6(a) => a.octets().to_vec(),
    };
    bytes.chunks(4).map(|w| format!("{:08X}", u32::from_le_bytes(w.try_into().unwrap()))).collect()
}

fn fixture(sockets: &[Socket]) -> Fixture {
    // Tests run in parallel: each gets a tree named after its thread, which libtest names
    // after the test.
    let f = Fixture::new(std::thread::current().name().unwrap_or("names"));
    for table in ["tcp", "tcp6", "udp", "udp6", "raw", "raw6"] {
        let mut text = String::from(if table.starts_with("tcp") { TCP_HEADER } else { UDP_HEADER });
        for (i, s) in sockets.iter().enumerate().filter(|(_, s)| s.0 == table) {
            let (l, r) = (proc_hex(s.1.parse().unwrap()), proc_hex(s.3.parse().unwrap()));
            // LISTEN for tcp, ESTABLISHED for udp and a number for raw: never an empty State.
            let state = match &table[..3] {
                "tcp" => "0A",
                "udp" => "01",
                _ => "07",
            };
            text += &format!(
                "   {i}: {l}:{:04X} {r}:{:04X} {state} 00000000:00000000 00:00000000 00000000 {:5}        0 {} 1 0000000000000000 0\n",
                s.2, s.4, s.5, 1000 + i
            );
        }
        f.file(&format!("net/{table}"), text);
    }
    f
}

/// What our names make of the sockets, in net-tools' order (tcp, tcp6, udp, udp6, raw,
/// raw6): `host:port` twice (cut to 127 bytes like net-tools' snprintf) and the user.
fn ours(sockets: &[Socket]) -> Vec<[Vec<u8>; 3]> {
    let mut names = Names::new();
    let mut rows = Vec::new();
    for table in ["tcp", "tcp6", "udp", "udp6", "raw", "raw6"] {
        let proto = match &table[..3] {
            "tcp" => PortProto::Tcp,
            "udp" => PortProto::Udp,
            _ => PortProto::Raw,
        };
        for s in sockets.iter().filter(|s| s.0 == table) {
            let mut end = |addr: &str, port: u16| {
                let mut t = Text::new();
                match addr.parse().unwrap() {
                    IpAddr::V4(a) => names.inet_host(&mut t, a.octets(), false),
                    IpAddr::V6(a) => names.inet6_host(&mut t, a.octets(), false),
                }
                let mut text = t.to_vec();
                text.push(b':');
                let mut t = Text::new();
                names.port(&mut t, port, proto, false);
                text.extend_from_slice(&t);
                text.truncate(127);
                text
            };
            let (local, remote) = (end(s.1, s.2), end(s.3, s.4));
            let mut t = Text::new();
            names.user(&mut t, s.5, false);
            rows.push([local, remote, t.to_vec()]);
        }
    }
    rows
}

/// The Local Address, Foreign Address and User columns of net-tools' listing.
fn theirs(sockets: &[Socket]) -> Vec<[Vec<u8>; 3]> {
    let f = fixture(sockets);
    let run = oracle_on(f.path(), &["-tuwaWe"]);
    assert_eq!(run.status, 0, "{run:?}");
    run.stdout
        .split(|&b| b == b'\n')
        .skip(2)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let fields: Vec<&[u8]> = line.split(|b| b.is_ascii_whitespace()).filter(|w| !w.is_empty()).collect();
            [fields[3].to_vec(), fields[4].to_vec(), fields[6].to_vec()]
        })
        .collect()
}

fn assert_same(sockets: &[Socket]) {
    let (want, got) = (theirs(sockets), ours(sockets));
    let show = |rows: &[[Vec<u8>; 3]]| {
        rows.iter().map(|r| r.iter().map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")).collect::<Vec<_>>().join("\n")
    };
    assert!(want == got, "net-tools:\n{}\nours:\n{}", show(&want), show(&got));
}

const HOSTS: &[u8] = b"127.0.0.1 localhost\n::1 localhost ip6-localhost\n10.1.2.3 web web.alias\n\
    fe80::1 linklocal\n::ffff:10.9.9.9 mappedname\n  10.1.2.4 lead#comment\n10.1.2.5\n10.1.2.3 second\n\
    10.1.2.6 \x01ctl\xff\n";
const SERVICES: &[u8] = b"ssh 22/tcp\nhttp 80/tcp www\nhttp 80/udp\nfirst 8080/tcp\nsecond 8080/tcp\n\
    domain 53/udp\nbig 70000/tcp\nrawsvc 1/raw\nrawonly 300/raw\n";
const PROTOCOLS: &[u8] = b"ip 0 IP\nicmp 1 ICMP\nipv6-icmp 58 IPv6-ICMP\n";
const PASSWD: &[u8] = b"root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/:/bin/sh\n+nis:x:1001:1::/:/bin/sh\n";

/// Sockets that ask every kind of lookup.
fn sockets() -> Vec<Socket> {
    vec![
        Socket("tcp", "10.1.2.3", 22, "0.1.2.3", 8080, 1000),
        Socket("tcp", "127.0.0.1", 80, "10.9.9.9", 443, 65534),
        Socket("tcp", "10.1.2.4", 4464, "10.1.2.5", 65535, 0),
        Socket("tcp", "0.0.0.0", 0, "10.1.2.6", 1, 1001),
        Socket("tcp6", "fe80::1", 22, "::ffff:10.9.9.9", 80, 4242),
        Socket("tcp6", "::", 0, "::ffff:10.1.2.3", 22, 1000),
        Socket("tcp6", "::1", 8080, "::ffff:0.0.0.1", 53, -1),
        Socket("udp", "10.1.2.3", 53, "0.0.0.7", 80, 0),
        Socket("udp6", "::1", 80, "fe80::2", 53, 1000),
        Socket("raw", "10.1.2.3", 1, "0.0.0.0", 300, 0),
        Socket("raw6", "::", 58, "::1", 2, 0),
    ]
}

/// The files above with `nsswitch` as nsswitch.conf (None: there is none), asked about the
/// sockets above.
fn assert_same_with(nsswitch: Option<&[u8]>) {
    let mut files = vec![
        ("hosts", HOSTS),
        ("networks", &b"weirdnet 0.1.2.3\nzeros 0.0.0.7\n"[..]),
        ("services", SERVICES),
        ("protocols", PROTOCOLS),
        ("passwd", PASSWD),
    ];
    files.extend(nsswitch.map(|conf| ("nsswitch.conf", conf)));
    private_etc(&files);
    assert_same(&sockets());
}

#[test]
fn names_from_files_like_debian_configures_them() {
    assert_same_with(Some(b"passwd: files systemd\nhosts: files dns\nnetworks: files\nprotocols: db files\nservices: db files\n"));
}

#[test]
fn glibc_defaults_without_nsswitch_conf() {
    assert_same_with(None);
}

#[test]
fn databases_that_do_not_ask_files() {
    assert_same_with(Some(b"hosts: dns\nnetworks: foo [UNAVAIL=return] files\nservices: files\nprotocols:\npasswd: files [NOTFOUND=return] systemd\n"));
}

#[test]
fn a_syntax_error_fails_every_lookup() {
    assert_same_with(Some(b"passwd: files\nhosts: files\nrpc: files [NOTFOUND=ret]\nservices: files\n"));
}

#[test]
fn missing_files_and_long_names() {
    let long_hosts = format!("10.7.7.7 {}\nfe80::7 {}\nfe80::8 {}\n", "a".repeat(200), "b".repeat(128), "c".repeat(127));
    private_etc(&[("nsswitch.conf", b"hosts: files\nservices: files\n"), ("hosts", long_hosts.as_bytes())]);
    assert_same(&[Socket("tcp", "10.7.7.7", 1, "0.1.2.3", 2, 0), Socket("tcp6", "fe80::7", 3, "fe80::8", 4, 65534)]);
}
