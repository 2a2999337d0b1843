//! SCTP endpoints and associations (/proc/net/sctp{,6}/{eps,assocs}) against net-tools, on
//! fixture trees. This kernel has no SCTP, so the missing-file rules are what users meet.
mod common;
use common::*;

const EPS_HEADER: &str = " ENDPT     SOCK   STY SST HBKT LPORT   UID INODE LADDRS\n";
const ASSOCS_HEADER: &str = " ASSOC     SOCK   STY SST ST HBKT ASSOC-ID TX_QUEUE RX_QUEUE UID INODE LPORT RPORT LADDRS <-> RADDRS HBINT INS OUTS MAXRT T1X T2X RTXC wmema wmemq sndbuf rcvbuf\n";

/// An endpoint line as the kernel writes it, after the pointers.
fn ep(sst: &str, port: &str, uid: &str, inode: &str, addrs: &str) -> String {
    format!("ffff88800a1b2c00 ffff88800a1b3000 2   {sst:<3} 5    {port:<5} {uid:>5} {inode:>5} {addrs}\n")
}

/// An association line as the kernel writes it, after the pointers.
fn assoc(sst: &str, tx: &str, rx: &str, uid: &str, inode: &str, ports: (&str, &str), addrs: &str) -> String {
    let (lport, rport) = ports;
    format!("ffff88800a1b2c00 ffff88800a1b3000 0   {sst:<3} 4  1014    1 {tx:>8} {rx:>8} {uid:>7} {inode:>5} {lport:<5} {rport:>5}  {addrs}\t    7500    10    10   10    0    0        0        1        0   212992   212992\n")
}

const V6: &str = "2001:0db8:0000:0000:0000:0000:0000:0001";
const V6_ZERO: &str = "0000:0000:0000:0000:0000:0000:0000:0000";
const V6_MAPPED: &str = "0000:0000:0000:0000:0000:ffff:7f00:0001";

fn tables() -> (String, String) {
    let eps = [
        EPS_HEADER.to_string(),
        ep("10", "9999", "0", "31337", "127.0.0.1 10.0.0.1 "),
        ep("10", "0", "1000", "31338", "0.0.0.0 "),
        ep("10", "80", "65534", "31339", &format!("{V6} {V6_ZERO} {V6_MAPPED} ")),
        ep("7", "70000", "0", "0x10", "10.1.2.3 "),
        ep("12", "-1", "-5", "010", "1.2.3.4\t5.6.7.8"),
        ep("-3", "22", "0", "11", "127.1 0x7f.0.0.2 300.1.1.1 *10.0.0.9 garbage 10 "),
        ep("11", "22", "0", "12", ""),
        ep("1", "1", "99999999999", "99999999999999999999", "192.168.1.1 "),
        "ffff 0 2 10 5 22\n".to_string(),
        "only-one-field\n".to_string(),
        "\n".to_string(),
    ]
    .concat();
    let assocs = [
        ASSOCS_HEADER.to_string(),
        assoc("1", "0", "0", "0", "41000", ("9999", "40000"), "127.0.0.1 10.0.0.1 <-> *127.0.0.1 10.0.0.2 10.0.0.3 "),
        assoc("1", "100", "200", "1000", "41001", ("40000", "9999"), "*127.0.0.1 <-> 127.0.0.1 "),
        assoc("2", "1", "2", "0", "41002", ("5", "6"), &format!("{V6} <-> {V6_ZERO} {V6_MAPPED} ")),
        assoc("3", "-1", "-2", "0", "41003", ("0", "65536"), "10.9.8.7 <-> 10.9.8.6 "),
        assoc("8", "7", "8", "0", "41004", ("1", "2"), "<-> 10.0.0.5 10.0.0.6 "),
        assoc("9", "7", "8", "0", "41005", ("1", "2"), "10.0.0.5 10.0.0.6 <-> "),
        assoc("99", "12345678", "87654321", "0", "41006", ("1", "2"), "**10.0.0.7 <-> 10.0.0.8"),
        "ffff 0 2 1 4 1014 1 0 0 0 41007 22\n".to_string(),
        "\n".to_string(),
    ]
    .concat();
    (eps, assocs)
}

fn fixture(name: &str) -> Fixture {
    let f = idle_fixture(name);
    let (eps, assocs) = tables();
    f.file("net/sctp/eps", &eps).file("net/sctp/assocs", &assocs);
    f
}

/// Command lines whose output needs no names: SCTP addresses are numeric under any of the
/// numeric options.
const NUMERIC_COMMANDS: &[&[&str]] = &[
    &["-Sn"], &["-San"], &["-Sln"], &["-Snv"], &["-S", "--numeric-hosts"], &["-S", "--numeric-ports", "-a"],
    &["-S", "--numeric-users", "-l"], &["-SN"], &["-SaN"], &["-SnW"], &["--sctp", "-n"], &["-San4"], &["-San6"],
    &["-A", "inet6", "-San"], &["-A", "inet", "-Sln"], &["-tSan"], &["-Stn"], &["-Sun", "-a"], &["-n"], &["-an"],
    &["-ln"], &["-4n"], &["-6n", "-a"], &["-A", "inet", "-n", "-l"], &["-Snx"], &["-xSna"],
];

#[test]
fn sctp_tables_numeric() {
    let f = fixture("sctp-numeric");
    assert_same_on(f.path(), NUMERIC_COMMANDS);
}

#[test]
fn sctp_ipv6_twin_files() {
    let f = fixture("sctp-twins");
    let (eps, assocs) = tables();
    f.file("net/sctp6/eps", &eps).file("net/sctp6/assocs", &assocs);
    assert_same_on(f.path(), NUMERIC_COMMANDS);
    // Only the IPv6 files: the IPv4 ones count as missing.
    std::fs::remove_dir_all(f.path().join("net/sctp")).unwrap();
    assert_same_on(f.path(), NUMERIC_COMMANDS);
}

#[test]
fn sctp_missing_files() {
    let f = idle_fixture("sctp-missing");
    let commands: &[&[&str]] = &[
        &["-S"], &["-Sa"], &["-Sl"], &["-Sv"], &["-Sav"], &["--sctp"], &["-tS"], &["-St"], &["-Su"], &["-S", "-x"],
        &["-xS"], &["-S4"], &["-S6"], &["-A", "inet", "-S"], &["-6S", "-l"], &[], &["-a"], &["-l"], &["-v"],
        &["-av"], &["-lv"], &["-4"], &["-4v"], &["-6v"], &["-A", "inet"], &["-A", "inet,unix", "-v"],
        &["-San"], &["-Sn", "--ipx"],
    ];
    assert_same_on(f.path(), commands);
    // `-c` stops at the first listing that fails.
    assert_same_on(f.path(), &[&["-Sc"], &["-Sac"]]);
    // Only one of the two files.
    f.file("net/sctp/eps", EPS_HEADER);
    assert_same_on(f.path(), commands);
    std::fs::remove_file(f.path().join("net/sctp/eps")).unwrap();
    f.file("net/sctp/assocs", ASSOCS_HEADER);
    assert_same_on(f.path(), commands);
    // Errors other than a missing file end the listing with status 255.
    f.link("net/sctp/assocs", "assocs");
    f.link("net/sctp/eps", "eps");
    assert_same_on(f.path(), commands);
}

/// Host names need the name lookups of names.rs; only addresses that need no DNS are used.
#[test]
fn sctp_names() {
    let f = idle_fixture("sctp-names");
    let eps = [EPS_HEADER.to_string(), ep("10", "9999", "0", "1", &format!("127.0.0.1 0.0.0.0 {V6_ZERO} "))].concat();
    let assocs = [ASSOCS_HEADER.to_string(), assoc("1", "1", "2", "0", "2", ("9999", "22"), "127.0.0.1 <-> 0.0.0.0 ")].concat();
    f.file("net/sctp/eps", eps).file("net/sctp/assocs", assocs);
    assert_same_on(f.path(), &[&["-S"], &["-Sa"], &["-Sl"], &["--sctp", "--all"]]);
}

/// The `-e`, `-p` and `-o` columns; their header comes with the Internet tables.
#[test]
fn sctp_extension_columns() {
    let f = fixture("sctp-columns");
    f.link("42/fd/3", "socket:[31337]").file("42/cmdline", "/usr/bin/sctp-server\0");
    assert_same_on(f.path(), &[
        &["-Saen"], &["-Saeen"], &["-San", "--numeric-users", "-e"], &["-Saon"], &["-Sapn"], &["-Saeopn"], &["-Sleon"],
    ]);
}
