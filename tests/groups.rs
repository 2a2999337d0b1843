//! `-g` against net-tools: fixture /proc/net/igmp and igmp6 files (well-formed, old, malformed,
//! missing), and the live namespace world with memberships held by a helper process.
//!
//! Group names: both the numeric and the named cases are compared with net-tools.
mod common;
use common::netns::Netns;
use common::*;

/// /proc/net/igmp as Linux writes it (`%d\t%-10s: %5d %7s` device lines, then one
/// `\t\t\t\t%08X %5d %d:%08lX\t\t%d` line per group).
const IGMP: &str = "Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n\
1\tlo        :     1      V3\n\
\t\t\t\t010000E0     1 0:00000000\t\t0\n\
2\tv0        :     3      V3\n\
\t\t\t\tFB0000E0     1 0:00000000\t\t0\n\
\t\t\t\t030201EF     2 0:00000000\t\t1\n\
\t\t\t\t010000E0     1 0:00000000\t\t0\n\
5\tabcdefghijkl:     1      V2\n\
\t\t\t\t010000E0     1 0:00000000\t\t0\n\
6\tabcdefghijklmno:     2      V3\n\
\t\t\t\t0F0000EF     1 0:00000000\t\t0\n\
\t\t\t\t010000E0     1 0:00000000\t\t0\n";

/// /proc/net/igmp6 (`%-4d %-15s %pi6 %5d %08X %ld`).
const IGMP6: &str = "1    lo              ff020000000000000000000000000001     1 0000000C 0\n\
1    lo              ff010000000000000000000000000001     1 00000008 0\n\
2    v0              ff050000000000000000000000000002     2 00000004 0\n\
2    v0              ff0200000000000000000001ff000001     2 00000004 0\n\
6    abcdefghijklmno ff120000000000000000000000001234     1 00000004 0\n";

const GROUPS: &[&[&str]] = &[&["-g"], &["-gn"], &["-g4"], &["-g6"], &["-gn", "-A", "inet"], &["-gn", "--inet6"], &["--groups", "--numeric-hosts"], &["-gv"]];

#[test]
fn kernel_files() {
    let f = Fixture::new("grpkernel");
    f.file("net/igmp", IGMP).file("net/igmp6", IGMP6);
    assert_same_on(f.path(), GROUPS);
    // Linux 2.0 had no index column.
    f.file("net/igmp", "Device    : Count Querier\tGroup    Users Timer\tReporter\nlo        :     1      V1\n\t\t\t\t010000E0     1 0:00000000\t\t0\n");
    assert_same_on(f.path(), GROUPS);
}

#[test]
fn malformed_and_missing_files() {
    let f = Fixture::new("grpbad");
    // Bad index, bad group, missing user count, short and bad igmp6 lines: each is reported
    // with its line number and skipped; odd numbers read as scanf reads them. A short device line (a NUL ends it) leaves the end of
    // the device before it in place.
    f.file(
        "net/igmp",
        "Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n\
         x\tlo        :     1      V3\n\
         \t\t\t\tzz0000E0     1 0:00000000\t\t0\n\
         \t\t\t\t010000E0\n\
         \t\t\t\t010000E0 -7 0:0\n\
         2\tabcdefghij:\n\
         3\tab\0xyz\n\
         \t\t\t\t0100E0 99999999999 0:0\n\
         \n",
    );
    // (Fewer than 32 digits would leave part of the address uninitialised in net-tools.)
    f.file("net/igmp6", "1 lo\n2    v0              ff02000000000000000000000000zzzz 2 0 0\nx lo ff02::1 1\n3 v1 ff0500000000000000000000000000021 4\n\n");
    assert_same_on(f.path(), GROUPS);
    // A first line without "Device" makes the rest of the listing read as igmp6; an igmp6
    // whose first line has it is read as igmp.
    f.file("net/igmp", "1 v0 ff020000000000000000000000000001 2\n2    v1 ff050000000000000000000000000002 3 junk\n");
    f.file("net/igmp6", IGMP6);
    assert_same_on(f.path(), &[&["-gn"], &["-gn4"]]);
    f.file("net/igmp", IGMP);
    f.file("net/igmp6", "Idx\tDevice\n3\tv1        :     1      V3\n\t\t\t\t020000E0     5 0:00000000\t\t0\n");
    assert_same_on(f.path(), &[&["-gn"], &["-gn6"]]);
    // Missing igmp: a message and status 1 when groups were asked for (after igmp6 is shown),
    // silence under -4/-6/-A; a missing igmp6 is always silent.
    std::fs::remove_file(f.path().join("net/igmp")).unwrap();
    assert_same_on(f.path(), GROUPS);
    std::fs::remove_file(f.path().join("net/igmp6")).unwrap();
    assert_same_on(f.path(), GROUPS);
    f.file("net/igmp", IGMP);
    assert_same_on(f.path(), GROUPS);
    // An igmp that cannot be opened for another reason ends netstat with status 255.
    f.link("net/igmp", "igmp");
    assert_same_on(f.path(), GROUPS);
}

/// `-gc`: every listing prints what the first one prints (decisions.md). net-tools does so
/// when only one of the files is read; when both are, its second listing misreads igmp, so
/// ours is compared with two of net-tools' single listings.
#[test]
fn continuous() {
    let ns = Netns::new("grpcont");
    let f = Fixture::new("grpcont");
    f.file("net/igmp", IGMP).file("net/igmp6", IGMP6);
    ns.assert_same_for(Some(f.path()), Some("1.5"), &[&["-gnc4"], &["-gnc6"]]);
    let once = ns.run(true, Some(f.path()), None, &["-gn"]);
    let twice = Run { stdout: once.stdout.repeat(2), stderr: once.stderr.repeat(2), status: 124 };
    assert_eq!(ns.run(false, Some(f.path()), Some("1.5"), &["-gnc"]), twice);
}

#[test]
fn live_world() {
    let ns = iface_world::build("grplive");
    ns.assert_same(None, &[&["-gn"], &["-gn4"], &["-gn6"], &["-gnv"], &["-gnt"], &["-gnw"], &["-gnl"], &["-gna"]]);
    ns.assert_same_for(None, Some("1.5"), &[&["-gnc4"], &["-gnc6"]]);
}

/// Names as net-tools finds them: /etc/hosts for groups (IPv4 hosts when the first octet is
/// not 0, /etc/networks otherwise; IPv6 through getnameinfo), numbers when nothing matches.
#[test]
fn names_in_fixture() {
    let mut ns = Netns::new("grpnames");
    private_names(&mut ns);
    let f = Fixture::new("grpnames");
    f.file("net/igmp", format!("{IGMP}7\tv9        :     1      V3\n\t\t\t\t03020100     1 0:00000000\t\t0\n"));
    f.file("net/igmp6", IGMP6);
    ns.assert_same(Some(f.path()), &[&["-g"], &["-g4"], &["-g6"], &["-gN"]]);
}

/// The live world with names, and `-g` next to the socket tables it is printed between.
#[test]
fn names_and_sockets_in_live_world() {
    let mut ns = iface_world::build("grplivenames");
    private_names(&mut ns);
    ns.assert_same(None, &[&["-g"], &["-g4"], &["-g6"], &["-gt"], &["-gx"], &["-gnx"], &["-gu"], &["-ga"]]);
}

/// Names for the groups; one has a control byte, which we print as `?` (decisions.md).
fn private_names(ns: &mut Netns) {
    ns.etc(
        "hosts",
        "127.0.0.1 localhost\n224.0.0.1 all-systems.mcast.net\n224.0.0.251 mdns.mcast.net\n239.1.2.3 grp\x1b[7mone\n\
         ff02::1 ip6-allnodes\nff02::fb mdns6\nff05::2 site-routers\n",
    );
    ns.etc("networks", "weirdnet 0.1.2.3\n");
    ns.etc("nsswitch.conf", "hosts: files\nnetworks: files\n");
    ns.etc("resolv.conf", "nameserver 127.0.0.1\n");
}
