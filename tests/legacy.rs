//! IPX, AX.25, X.25, NET/ROM and ROSE socket tables against net-tools, on fixture trees. This
//! kernel has none of these families, so their missing-file messages are what users meet.
mod common;
use common::*;

const IPX: &str = "\
Local_Address               Remote_Address              Tx_Queue  Rx_Queue  State  Uid
0000000A:00000000000B:4000  Not_Connected               00000000  00000000  07     000
0000000A:4001  0000000C:00000000000D:1234  00000010  000000FF  01     1000
00000000:0000000000AB:0001  FFFFFFFF:00000000000D:ABCD  FFFFFFFFFFFFFFFF  1  02     65534
1:AB0:zz  100000000:1:12345  0  0  1 0
0000000A:0000000000ab:0002  0000000b:abcdefABCDEF:0003  00000001  00000002  0A     0
";

/// Kernels since 2.1: no header; `magic dev src dest[,digi...] state vs vr va` then timers,
/// then Send-Q, Recv-Q and inode (or `* * *` without a socket).
const AX25: &str = "\
c8f1e000 ax0 N0CALL-1 N1CALL 3 1 2 0 0 3 0 10 0 300 0 0 0 10 0 2 256 5 6 4242
c8f1e040 ax0 N0CALL-1 N1CALL,DIGI1,DIGI2 0 0 0 0 0 3 0 10 0 300 0 0 0 10 0 2 256 * * *
c8f1e080 ??? N0CALL-1* N2CALL 1 0 0 0 0 3 0 10 0 300 0 0 0 10 0 2 256 1 2 3
c8f1e080 ax1 N0CALL N2CALL 4 12 -3 0 0 3 0 10 0 300 0 0 0 10 0 2 256 1
c8f1e080 ax1 N0CALL N2CALL 2 1 2
c8f1e080 ax1 N0CALL N2CALL x
";

/// Kernels before 2.1: a `dest_addr` header and callsigns in fixed columns.
const AX25_OLD: &str = "\
dest_addr src_addr  dev  st vs vr va    t1     t2     t3    idle   n2  rtt wnd Snd-Q Rcv-Q
N1CALL    N0CALL-1  ax0   3  1  2  0  0/3    0/10   0/300  0/0    0/10  0   2     5     6  4242
N1CALL    N0CALL-1  ax0   0  0  0  0  0/3    0/10   0/300  0/0    0/10  0   2
N2CALL    N0CALL    ax1   4  0  0  0  0/3    0/10   0/300  0/0    0/10  0   2     0     0  1
N2CALL    N0CALL    ax1   1  0  0  0  0/3
";

const NETROM: &str = "\
user_addr dest_node src_node  dev    my  your  st  vs  vr  va    t1     t2    t4      idle   n2  wnd Snd-Q Rcv-Q inode
N0CALL    N1CALL-2  N2CALL-3  nr0  01/02 03/04  3   1   2   0   0/010 0/120 0/180   0/000 0/03  4     5     6 777
*         *         N2CALL-3  ???  01/02 03/04  0   0   0   0   0/010 0/120 0/180   0/000 0/03  4     0     0 778
N0CALL    N1CALL-2  N2CALL-3  nr0  01/02 03/04  1 -12 1234  0   0/010 0/120 0/180   0/000 0/03  4     5     6 777
N0CALL    N1CALL-2  N2CALL-3  nr0  01/02 03/04  2   1   2   0   0/010 0/120 0/180
garbage line that is long enough to pass column thirty but not more
N0CALL    N1CALL-2  N2CALL-3  nr0  0A/02 03/04  2   1   2   0   0/010 0/120 0/180   0/000 0/03  4     5     6 779
";

const X25: &str = "\
dest_addr  src_addr   dev   lci st vs vr va   t  t2 t21 t22 t23 Snd-Q Rcv-Q inode
0123456789 9876543210 x25   001  3  1  2  0   0   0   0   0   0     0     0 1
0123456789 9876543210 x25   000  0  0  0  0   0   0   0   0   0     0     0 2
123        456        x0    5 1 -1 200 0 0 0 0 0 0 7 8 9
*          *          ???   009  4  1  2  0   0   0   0   0   0    10    20 3
0123456789 9876543210 x25   002  2  1  2  0   0   0   0   0   0     0     0 4
";

/// ROSE addresses here are 9 digits: the kernel's 10-digit ones overflow net-tools' buffers.
const ROSE: &str = "\
dest_addr  dest_call src_addr   src_call  dev   lci neigh st vs vr va   t  t1  t2  t3  hb    idle Snd-Q Rcv-Q inode
234123456  N0CALL-1  234234567  N1CALL    rose0 002 00001  3  0  0  0   0 200 180 180   5   0/000     0     0 12345
*          *         234234567  N1CALL    rose0 000 00000  0  0  0  0   0 200 180 180   5   0/000     0     0 12345
1          2         3          4         rose0 00A 00000  0
1          2         3          4         rose0 5 7 1
1          2         3          4         rose0 5 7 2
1          2         3          4         rose0 -5 -70000 2
";

fn fixture(name: &str, ax25: &str) -> Fixture {
    let f = idle_fixture(name);
    f.file("net/ipx/socket", IPX).file("net/ax25", ax25).file("net/nr", NETROM).file("net/x25", X25).file("net/rose", ROSE);
    f
}

const COMMANDS: &[&[&str]] = &[
    &["--ipx"], &["--ipx", "-en"], &["--ipx", "--numeric-users", "-e"], &["--ipx", "-a"], &["--ax25"], &["--ax25", "-a"],
    &["--x25"], &["--x25", "-a"], &["--x25", "-l"], &["--netrom"], &["--netrom", "-ae"], &["--rose"], &["--rose", "-l"],
    &["-A", "ipx"], &["-A", "ax25,netrom"], &["-A", "rose,x25", "-n"], &["-A", "ipx,ax25,x25,netrom,rose"],
    &["-A", "ipx,ax25,x25,netrom,rose", "-a"], &["-x", "--ipx"], &["--ipx", "-x"], &["--rose", "-t"], &["-v"], &[],
    &["-a"], &["-l"], &["-n"], &["-av"], &["-4", "--ipx"], &["-A", "inet,ax25"], &["--netrom", "-W"], &["--x25", "-o"],
    &["--ax25", "-p"], &["--ax25", "--rose", "-v"],
];

#[test]
fn legacy_tables() {
    let f = fixture("legacy-tables", AX25);
    assert_same_on(f.path(), COMMANDS);
}

#[test]
fn legacy_old_ax25_format() {
    let f = fixture("legacy-old-ax25", AX25_OLD);
    assert_same_on(f.path(), &[&["--ax25"], &["--ax25", "-a"], &["-A", "ax25,netrom"], &[], &["-v"]]);
}

#[test]
fn legacy_long_lines() {
    // net-tools reads these files 255 (IPX 254) bytes at a time; the rest of a longer line
    // is read as the next line.
    let f = fixture("legacy-long-lines", AX25);
    let pad = "x".repeat(300);
    f.file("net/rose", format!("{ROSE}1 2 3 4 rose0 5 7 1 {pad}\n1 2 3 4 rose0 5 7 3"));
    f.file("net/nr", format!("{NETROM}{}\n", &NETROM.lines().nth(1).unwrap().replace("777", &pad)));
    f.file("net/ipx/socket", format!("{IPX}0000000A:4001  Not_Connected  1 2 7 0 {pad}\n"));
    assert_same_on(f.path(), &[&["--rose"], &["--netrom"], &["--ipx"], &["--ipx", "-en"]]);
}

#[test]
fn legacy_empty_files() {
    let f = idle_fixture("legacy-empty");
    for file in ["net/ipx/socket", "net/ax25", "net/nr", "net/x25", "net/rose"] {
        f.file(file, "");
    }
    assert_same_on(f.path(), &[&["-A", "ipx,ax25,x25,netrom,rose"], &["--ipx", "-e"], &["-A", "ax25", "-a"]]);
}

#[test]
fn legacy_ipx_address_without_port() {
    let f = fixture("legacy-ipx-error", AX25);
    // The rows before the bad line are printed; the listing then ends with status 255.
    f.file("net/ipx/socket", format!("{IPX}0000000A  Not_Connected  0 0 1 0\n"));
    assert_same_on(f.path(), &[&["--ipx"], &["--ipx", "--ax25"], &[]]);
    f.file("net/ipx/socket", format!("{IPX}0000000A:0001  0000000B  0 0 1 0\n"));
    assert_same_on(f.path(), &[&["--ipx"], &["-A", "ipx,rose"], &["-v"]]);
}

#[test]
fn legacy_missing_files() {
    let f = idle_fixture("legacy-missing");
    let commands: &[&[&str]] = &[
        &["--ipx"], &["--ax25"], &["--x25"], &["--netrom"], &["--rose"], &["-A", "ipx"], &["-A", "ax25"], &["-A", "x25"],
        &["-A", "netrom"], &["-A", "rose"], &["-A", "ipx,ax25,x25,netrom,rose"], &["-A", "rose,ipx"], &["--ipx", "-v"],
        &["-x", "--ipx"], &["--ipx", "-x"], &["-t", "--ax25"], &["-A", "inet,ipx"], &["-4", "--rose"], &["-6", "--x25"],
        &["-v"], &[], &["-a"], &["-av"], &["-l"], &["-4"], &["-4v"], &["-A", "inet"], &["-A", "ddp"], &["-A", "ash"],
        &["-A", "econet"], &["-A", "ddp", "-v"], &["-A", "bluetooth"], &["-2"], &["-f"], &["--l2cap"], &["--rfcomm"],
        &["-x", "-2"], &["--ipx", "-2"], &["-A", "unix,bluetooth"], &["--ipx", "-c"],
    ];
    assert_same_on(f.path(), commands);
    // /proc/net/ipx as a directory without `socket` is a missing file; as a regular file it
    // makes `ipx/socket` fail with ENOTDIR, which ends the listing with status 255.
    f.dir("net/ipx");
    assert_same_on(f.path(), &[&["--ipx"], &["-v"], &[]]);
    std::fs::remove_dir(f.path().join("net/ipx")).unwrap();
    f.file("net/ipx", "sockets\n");
    assert_same_on(f.path(), &[&["--ipx"], &["-v"], &[], &["--rose"]]);
    // Errors other than ENOENT end the listing too.
    f.link("net/ax25", "ax25").link("net/rose", "rose");
    assert_same_on(f.path(), &[&["--ax25"], &["--rose"], &["--netrom"]]);
    // A directory reads as an empty file (kernels with X.25 have /proc/net/x25/).
    f.dir("net/x25/socket");
    assert_same_on(f.path(), &[&["--x25"], &["--x25", "-a"]]);
}

/// The IPX `-e` column resolves user names (names.rs).
#[test]
fn legacy_ipx_user_names() {
    let f = fixture("legacy-ipx-users", AX25);
    assert_same_on(f.path(), &[&["--ipx", "-e"], &["--ipx", "-ee"], &["-A", "ipx", "--extend"]]);
}
