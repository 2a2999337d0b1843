//! `-i` against net-tools: fixture /proc trees for /proc/net/dev and /proc/net/if_inet6 (in a
//! namespace whose interfaces have the fixture's names, since both netstats also ask the kernel
//! about each interface), and the live namespace world.
mod common;
use common::netns::Netns;
use common::*;

const V3_HEADER: &str = "Inter-|   Receive                                                |  Transmit\n face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n";
const V2_HEADER: &str = "Inter-|   Receive                                    |  Transmit\n face |bytes    packets errs drop fifo frame|bytes    packets errs drop fifo colls carrier\n";
const V1_HEADER: &str = "Inter-|   Receive                  |  Transmit\n face |packets errs drop fifo frame|packets errs drop fifo colls carrier\n";

/// The command lines every /proc/net/dev fixture is shown to.
const TABLES: &[&[&str]] = &[&["-i"], &["-ia"], &["-ie"], &["-iae"], &["-iee"], &["--interfaces", "--all", "--extend"]];

/// The interfaces the fixtures name: eth0 up with an alias, the rest down.
fn fixture_namespace(tag: &str) -> Netns {
    let ns = Netns::new(tag);
    for (i, name) in ["eth0", "eth2", "eth10", "abcdefghijklmn", "abcdefghijklmno", "v0"].iter().enumerate() {
        ns.veth(name, &format!("02:00:00:00:01:{i:02x}"), false);
    }
    ns.ip("link set eth0 up");
    ns.ip("addr add 10.0.0.1/24 brd + dev eth0");
    ns.ip("addr add 10.0.0.2/24 dev eth0 label eth0:1");
    ns
}

#[test]
fn dev_formats() {
    let ns = fixture_namespace("ifdev");
    let f = Fixture::new("ifdev");
    // Byte counts on each side of every unit boundary.
    let v3 = format!(
        "{V3_HEADER}    lo: 1024 2 0 0 0 0 0 0 1025 3 0 0 0 0 0 0\n  eth0: 1048576 10 1 2 3 4 5 6 1048577 11 7 8 9 10 11 12\n \
         eth2: 1073741825 1 1 1 1 1 1 1 1099511627777 1 1 1 1 1 1 1\n eth10: 1125899906842625 0 0 0 0 0 0 0 1152921504606846977 0 0 0 0 0 0 0\n\
         abcdefghijklmn: 18446744073709551615 18446744073709551615 0 0 0 0 0 0 1152921504606846976 0 0 0 0 0 0 0\n \
         v0: 1125899906842624 0 0 0 0 0 0 0 1099511627776 0 0 0 0 0 0 0\n"
    );
    f.file("net/dev", &v3);
    ns.assert_same(Some(f.path()), TABLES);
    // Linux 2.2: no compressed and multicast columns.
    f.file("net/dev", format!("{V2_HEADER}    lo: 1 2 3 4 5 6 7 8 9 10 11 12 13\n  eth0: 100 200 0 0 0 0 300 400 0 0 0 0 0\n"));
    ns.assert_same(Some(f.path()), TABLES);
    // Linux 2.0: no byte counts.
    f.file("net/dev", format!("{V1_HEADER}    lo: 1 2 3 4 5 6 7 8 9 10 11\n  eth0: 100 200 0 0 0 0 300 400 0 0 0\n"));
    ns.assert_same(Some(f.path()), TABLES);
    // Nothing after the headers, one header line, an empty file, no file at all (then only
    // the interfaces with IPv4 addresses are listed, without counters).
    for dev in [V3_HEADER, " face |bytes\n", ""] {
        f.file("net/dev", dev);
        ns.assert_same(Some(f.path()), TABLES);
    }
    std::fs::remove_file(f.path().join("net/dev")).unwrap();
    ns.assert_same(Some(f.path()), TABLES);
}

#[test]
fn dev_names_and_malformed_lines() {
    let ns = fixture_namespace("ifname");
    let f = Fixture::new("ifname");
    // Debian's name parsing: a 15-byte cap (such names read no counters), `name:N:` aliases,
    // a colon that ends the name; counters that stop at the first bad column; duplicate names
    // (merged: the second line overwrites what it converts); signs and overflow as strtoull.
    let long_line = format!("eth2: 1 2 3{}eth10: 5 6 7", " ".repeat(511 - 11));
    let lines = [
        "abcdefghijklmno: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16",
        "abcdefghijklmn:12: 1 2 3 4 5 6 7 8 9 10 11",
        "eth0:1: 9 8 7 6 5 4 3 2 1 0 1 2 3 4 5 6",
        "eth0 101 102 103 104",
        "eth0:x 5 6 7",
        "  eth10:  -1 99999999999999999999 +7 0x10 010",
        // More than net-tools' 511 bytes: the rest is read as a line of its own.
        &long_line,
        "v0: 1 2 3:4 5",
        "lo:",
        "lo: 77 78 junk 80",
    ];
    f.file("net/dev", format!("{V3_HEADER}{}\n", lines.join("\n")));
    ns.assert_same(Some(f.path()), TABLES);
    // A name the kernel does not know ends the listing with net-tools' messages and status 1,
    // after the interfaces that sort before it; so does an empty name. A name past 15 bytes
    // is cut to one the kernel knows.
    for bad in ["nosuch: 1 2 3", "\n", "abcdefghijklmnopqrstuvwxyz: 1 2", "eth1: 1", "ctl\x1b[7m: 1"] {
        f.file("net/dev", format!("{V3_HEADER}    lo: 1 2 3\n  eth0: 1 2 3\n{bad}\n  eth2: 4 5 6\n"));
        ns.assert_same(Some(f.path()), TABLES);
    }
}

#[test]
fn inet6_addresses_of_fixture() {
    let ns = fixture_namespace("ifinet6");
    let f = Fixture::new("ifinet6");
    f.file("net/dev", format!("{V3_HEADER}    lo: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n  eth0: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n"));
    // Every scope tag; a negative scope (all bits); a v4-mapped address; a record for an interface that is not listed.
    f.file(
        "net/if_inet6",
        "00000000000000000000000000000001 01 80 10 80       lo\n\
         20010db8000000000000000000000001 02 40 00 80     eth0\n\
         fe800000000000000000000000000001 02 40 20 80     eth0\n\
         fec00000000000000000000000000001 02 40 40 80     eth0\n\
         00000000000000000000000001020304 02 60 80 80     eth0\n\
         00000000000000000000ffff01020304 02 60 a0 80     eth0\n\
         20010db8000000000000000000000003 02 40 -1 80     eth0\n\
         20010db8000000000000000000000002 03 7f 00 80    other\n",
    );
    ns.assert_same(Some(f.path()), &[&["-ie"], &["-iae"]]);
}

#[test]
fn live_world() {
    let ns = iface_world::build("iflive");
    ns.assert_same(
        None,
        &[
            &["-i"], &["-ia"], &["-ie"], &["-iae"], &["-iee"], &["-ieee"], &["-in"], &["-ian"], &["-iaW"], &["-iav"],
            &["-ia", "-4"], &["-ia", "-6"], &["-ia", "-A", "inet"], &["-iat"], &["-iag"], &["-iap"], &["-iaeo"],
            &["--interfaces", "--all"], &["-ai"], &["-e", "-a", "-i"],
        ],
    );
    // -c: the title once, then the table every second (two of them in 1.5 s).
    ns.assert_same_for(None, Some("1.5"), &[&["-ic"], &["-iac"], &["-iec"], &["-iaec"]]);
}

