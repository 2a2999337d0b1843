//! The Internet socket tables and the `-p` map, compared with net-tools on fixture /proc trees.
//!
//! Runs that would show names use private /etc files with no names in them (`private_etc`),
//! so both netstats print numbers there too; fully numeric runs also use the real /etc.
mod common;
use common::*;
use std::net::{Ipv4Addr, Ipv6Addr};

/// One socket-table line's fields, as the kernel prints them.
#[derive(Clone)]
struct Sock {
    local: String,
    remote: String,
    st: u32,
    tx: u64,
    rx: u64,
    tr: u32,
    when: u64,
    retr: u64,
    uid: i64,
    timeout: i64,
    inode: u64,
}

impl Default for Sock {
    fn default() -> Sock {
        Sock {
            local: v4("127.0.0.1", 8080),
            remote: v4("0.0.0.0", 0),
            st: 0x0a,
            tx: 0,
            rx: 0,
            tr: 0,
            when: 0,
            retr: 0,
            uid: 0,
            timeout: 0,
            inode: 1000,
        }
    }
}

/// `addr:port` as /proc/net/tcp writes an IPv4 socket: the address's bytes reversed.
fn v4(addr: &str, port: u16) -> String {
    let a: Ipv4Addr = addr.parse().unwrap();
    format!("{:08X}:{port:04X}", u32::from_le_bytes(a.octets()))
}

/// `addr:port` as /proc/net/tcp6 writes an IPv6 socket: four little-endian words.
fn v6(addr: &str, port: u16) -> String {
    let a: Ipv6Addr = addr.parse().unwrap();
    let words: String = a.octets().chunks(4).map(|w| format!("{:08X}", u32::from_le_bytes(w.try_into().unwrap()))).collect();
    format!("{words}:{port:04X}")
}

/// A socket table file: the kernel's header line, then one line per socket.
fn table(header: &str, socks: &[Sock]) -> String {
    let mut s = header.to_string();
    for (i, k) in socks.iter().enumerate() {
        s += &format!(
            "{i:4}: {} {} {:02X} {:08X}:{:08X} {:02X}:{:08X} {:08X} {:5} {:8} {} 1 0000000000000000 100 0 0 10 0\n",
            k.local, k.remote, k.st, k.tx, k.rx, k.tr, k.when, k.retr, k.uid, k.timeout, k.inode
        );
    }
    s
}

fn args(line: &str) -> Vec<&str> {
    line.split_whitespace().collect()
}

/// Every command line, run with private (empty) /etc name files.
fn same_without_names(tree: &std::path::Path, lines: &[&str]) {
    let etc = private_etc(&tree.file_name().unwrap().to_string_lossy(), &[]);
    let lines: Vec<Vec<&str>> = lines.iter().map(|l| args(l)).collect();
    let lines: Vec<&[&str]> = lines.iter().map(|l| &l[..]).collect();
    assert_same_in(tree, Namespace { etc: Some(etc.path()), user: None }, &lines);
}

/// Every command line with the real /etc (fully numeric runs only).
fn same_numeric(tree: &std::path::Path, lines: &[&str]) {
    let lines: Vec<Vec<&str>> = lines.iter().map(|l| args(l)).collect();
    let lines: Vec<&[&str]> = lines.iter().map(|l| &l[..]).collect();
    assert_same_on(tree, &lines);
}

/// Command lines that show every column in every combination, for the protocol flag `p`.
fn variants(p: &str) -> Vec<String> {
    [
        "", "n", "a", "an", "l", "ln", "ao", "aon", "ae", "aee", "aen", "aeen", "ap", "anp", "aenop",
        "aW", "anW", "lnW", "aeo", "ano4", "ano6", "lo", "aoW", "aeeopW",
    ]
    .iter()
    .map(|v| format!("-{p}{v}"))
    .collect()
}

fn tcp_sockets() -> Vec<Sock> {
    let mut socks = Vec::new();
    // Every state, each with a remote port (shown by default) and one state without.
    for st in 0..12u32 {
        socks.push(Sock { st, local: v4("10.0.0.1", 22), remote: v4("10.0.0.2", 40000 + st as u16), inode: 2000 + st as u64, ..Sock::default() });
    }
    socks.push(Sock { st: 7, remote: v4("10.0.0.2", 0), ..Sock::default() });
    socks.push(Sock { st: 1, remote: v4("0.0.0.0", 5), ..Sock::default() });
    // Timers of every kind, with clock-tick counts that round in every way.
    for (tr, when) in [(0, 5u64), (1, 11), (2, 719810), (3, 5690), (4, 291), (7, 291), (0xff, 1), (1, 0), (2, 1 << 53),
        (3, u64::MAX), (4, 0x1f_ffff_ffff_ffff), (1, 12345678901234567), (2, 99), (3, 100), (4, 101), (1, 0xffff_ffff)]
    {
        socks.push(Sock { st: 1, tr, when, retr: tr as u64 * 3, timeout: tr as i64 - 2, remote: v4("192.168.1.9", 443), ..Sock::default() });
    }
    socks.push(Sock { st: 1, tr: 1, when: 5, retr: u64::MAX, timeout: i32::MIN as i64, remote: v4("192.168.1.9", 1), ..Sock::default() });
    // Queues of every width.
    for q in [1u64, 999_999, 1_000_000, 0x7fff_ffff, 0xffff_ffff, u64::MAX, 1 << 63] {
        socks.push(Sock { st: 1, tx: q, rx: q / 3, remote: v4("172.16.0.1", 80), ..Sock::default() });
    }
    // Users and inodes of every width.
    for (uid, inode) in [(1000, 0u64), (65534, 12345678901), (4294967295, u64::MAX), (-5, 1)] {
        socks.push(Sock { st: 10, uid, inode, ..Sock::default() });
    }
    socks
}

fn tcp6_sockets() -> Vec<Sock> {
    let mut socks = Vec::new();
    for (local, remote, st) in [
        (v6("::", 80), v6("::", 0), 10),
        (v6("::1", 631), v6("::", 0), 10),
        (v6("::ffff:127.0.0.1", 80), v6("::ffff:127.0.0.1", 34774), 1),
        (v6("::ffff:0.0.0.0", 80), v6("::ffff:0.0.0.0", 0), 10),
        (v6("fe80::1", 22), v6("fe80::2", 50000), 1),
        (v6("::2:3", 7), v6("::1:0", 8), 6),
        (v6("2001:db8::ff00:42:8329", 443), v6("2001:db8::1", 65535), 8),
        (v6("2001:db8:1234:5678:9abc:def0:1234:5678", 40000), v6("2001:db8:1234:5678:9abc:def0:1234:5679", 443), 1),
        (v6("1:0:0:1:0:0:1:1", 1), v6("::ffff:0:102:304", 2), 2),
        (v6("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 65535), v6("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe", 65534), 4),
    ] {
        socks.push(Sock { local, remote, st, tr: 2, when: 720000, inode: 3000 + st as u64, ..Sock::default() });
    }
    socks
}

#[test]
fn tcp_states_queues_timers_and_addresses() {
    let f = Fixture::new("inet-tcp");
    f.file("net/tcp", table(TCP_HEADER, &tcp_sockets()));
    f.file("net/tcp6", table(TCP_HEADER, &tcp6_sockets()));
    let mut lines = variants("t");
    lines.extend(["--tcp -a", "--tcp --listening", "-t --all --numeric", "-at --numeric-hosts", "-at --numeric-ports",
        "-ate --numeric-users", "-t --extend --extend -a", "-t -A inet", "-t -A inet6 -a", "-t --inet6 --inet -a",
        "-t --wide -a", "-t --timers -a", "-t --programs -a", "-tal", "-tall", "-taa"].map(String::from));
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    same_without_names(f.path(), &lines);
    same_numeric(f.path(), &["-tan", "-taneeop", "-tlnW", "-tn", "-tanoW"]);
}

fn udp_like_sockets(v6_file: bool) -> Vec<Sock> {
    let (addr, zero, mapped_zero) = if v6_file {
        (v6("2001:db8::7", 5353), v6("::", 0), v6("::ffff:0.0.0.0", 53))
    } else {
        (v4("10.1.2.3", 5353), v4("0.0.0.0", 0), v4("0.0.0.0", 53))
    };
    let mut socks = Vec::new();
    // States: 1 and 7 have names, everything else is UNKNOWN (RAW prints the number).
    for st in [1u32, 7, 0, 2, 10, 0xff, 0xffff_ffff] {
        socks.push(Sock { local: addr.clone(), remote: zero.clone(), st, inode: 100 + st as u64 % 1000, ..Sock::default() });
        let remote = if v6_file { v6("2001:db8::8", 53) } else { v4("10.1.2.4", 53) };
        socks.push(Sock { local: addr.clone(), remote, st, tr: st % 4, when: 250, retr: 9, timeout: 3, ..Sock::default() });
    }
    // A zero remote address with a port is a server; ::ffff:0.0.0.0 is not zero.
    socks.push(Sock { local: addr.clone(), remote: mapped_zero, st: 1, ..Sock::default() });
    socks.push(Sock { local: addr, remote: zero, st: 7, tx: 100672, rx: 1 << 40, ..Sock::default() });
    for (tr, when) in [(0, 7u64), (1, 1), (2, 123456), (3, 99), (0xffff_ffff, u64::MAX)] {
        socks.push(Sock { st: 1, tr, when, retr: 77, remote: v4("8.8.8.8", 53), ..Sock::default() });
    }
    socks
}

#[test]
fn udp_udplite_and_raw_tables() {
    let f = Fixture::new("inet-udp");
    f.file("net/udp", table(UDP_HEADER, &udp_like_sockets(false)));
    f.file("net/udp6", table(UDP_HEADER, &udp_like_sockets(true)));
    f.file("net/udplite", table(UDP_HEADER, &udp_like_sockets(false)[3..]));
    f.file("net/udplite6", table(UDP_HEADER, &udp_like_sockets(true)[5..]));
    f.file("net/raw", table(UDP_HEADER, &udp_like_sockets(false)[1..]));
    f.file("net/raw6", table(UDP_HEADER, &udp_like_sockets(true)[2..]));
    let mut lines = variants("u");
    lines.extend(variants("U"));
    lines.extend(variants("w"));
    lines.extend(["-uUw", "-uUwa", "-uUwan", "-uUwlno", "-4", "-6", "-4a", "-6an", "-A inet,inet6 -a", "--inet -l",
        "-uw -A inet6", "--udp --raw -a", "--udplite -a", "-wUu -aee", "-uwUaneop"].map(String::from));
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    same_without_names(f.path(), &lines);
    same_numeric(f.path(), &["-uan", "-Uan", "-wan", "-uUwaneeopW", "-4an", "-6ln"]);
}

#[test]
fn long_addresses_are_cut_without_w() {
    let f = Fixture::new("inet-long");
    let mut socks = Vec::new();
    for (local, remote) in [
        ("2001:db8:1234:5678:9abc:def0:1234:5678", "2001:db8:1234:5678:9abc:def0:1234:567a"),
        ("2001:db8:1234:5678:9abc:def0:1234:5678", "::1"),
        ("abcd:ef01:2345:6789:abcd:ef01:2345:6789", "fe80::abcd:ef01:2345:6789"),
        ("2001:db8::1:2:3:4", "2001:db8:0:1::2"),
    ] {
        for (lport, rport) in [(1, 2), (80, 443), (40000, 65535), (12345, 0)] {
            socks.push(Sock { local: v6(local, lport), remote: v6(remote, rport), st: 1, ..Sock::default() });
        }
    }
    f.file("net/tcp6", table(TCP_HEADER, &socks));
    f.file("net/udp6", table(UDP_HEADER, &socks));
    f.file("net/raw6", table(UDP_HEADER, &socks));
    same_without_names(f.path(), &["-ta", "-tan", "-taW", "-tanW", "-taWe", "-ua", "-uaW", "-uan", "-uanW", "-wa", "-waW",
        "-wanW", "-tuwa", "-tuwaW", "-tuwanWeop", "-6a", "-6aW", "-tanWo"]);
    same_numeric(f.path(), &["-tuwan", "-tuwanW"]);
}

/// Lines net-tools rejects with a warning, or reads in unexpected ways.
fn malformed_table(header: &str, tcp: bool) -> Vec<u8> {
    let good = |i: u32, port: u16| {
        format!("{i:4}: 0100007F:{port:04X} 0200007F:D2F0 01 00000001:00000002 02:000003E8 00000001  1000        0 {} 1 0000000000000000 20 4 30 10 -1", 7000 + i)
    };
    let mut t = header.as_bytes().to_vec();
    let mut line = |l: &[u8]| {
        t.extend_from_slice(l);
        t.push(b'\n');
    };
    line(good(1, 1).as_bytes());
    line(b"");
    line(b"   ");
    line(b"garbage");
    line(b"   2: 0100007F:0050");
    line(b"   3: 0100007F:0050 0200007F:0051 01 00000000:00000000");
    line(b"   4: 0100007F:0050 0200007F:0051 01 00000000:0000");
    line(b"   5: 0100007F:0050 0200007F:0051 01 zz:00000000 00:00000000 00000000 0 0 1");
    line(b"   6 : 0100007F:0050 0200007F:0051 01 00000000:00000000 00:00000000 00000000 0 0 1");
    line(b"\xff\xfe\xfd 7: 0100007F:0050 0200007F:0051 01 0:0 0:0 0 0 0 1");
    line(b"   8: 0100007F:0050 0200007F:0051 01 0:0 0:0 0 0 0 1 \xff\xfe trailing non-UTF-8 \x01\x02");
    line(b"   9: 0100007f:00aB 0200007f:d2f0 0a 0x10:+20 0X1:-1 -1 -7 -8 -9");
    line(b"  10: 0100007F:0050 0200007F:0051 01 0:0 0:0 0 0 0 1\0 hidden after a NUL");
    line(b"  11: 0100007F:0050\0 0200007F:0051 01 0:0 0:0 0 0 0 1");
    line(b"12:\t0100007F:0050\x0b0200007F:0051\x0c01\r0:0 0:0 0 0 0 1");
    line(b"  13: 0100007F:10050 0200007F:10000 01 0:0 0:0 0 0 0 1");
    if !tcp {
        // TCP states past the table are undefined behaviour in net-tools.
        line(b"  14: 0100007F:0050 0200007F:0051 FFFFFFFF1 0:0 0:0 0 0 0 1");
    }
    line(b"  15: 0100007F:0050 0200007F:0051 01 0:0 0:0 0 99999999999999999999 99999999999999999999 99999999999999999999");
    line(b"  16: 0100007F:0050 0200007F:0051 01 0:0 0:0 0 -99999999999999999999 4294967297 -1");
    // IPv6-length addresses decide per line, whatever the file.
    line(format!("  17: {} {} 01 0:0 0:0 0 0 0 1", v6("2001:db8::1", 80), v6("2001:db8::2", 81)).as_bytes());
    line(format!("  18: {} {} 0A 0:0 0:0 0 0 0 1", v6("::ffff:10.0.0.1", 80), v4("10.0.0.2", 0)).as_bytes());
    line(format!("  19: {} {} 01 0:0 0:0 0 0 0 1", v4("10.0.0.1", 80), v6("2001:db8::2", 81)).as_bytes());
    line(b"  20: 0100007F:0050 123456789ABCDEF0123456789ABCDEF0123456789:0051 01 0:0 0:0 0 0 0 1");
    line(b"  21: 0100007F:0050 1234567801000000:0051 01 0:0 0:0 0 0 0 1");
    line(format!("  22: {}:0050 0:0 01 0:0 0:0 0 0 0 1", "A".repeat(64)).as_bytes());
    line(format!("  23: {}:0050 0:0 01 0:0 0:0 0 0 0 1", "A".repeat(65)).as_bytes());
    line(format!("  24: {}1:0050 {}:0051 01 0:0 0:0 0 0 0 1", v6("2001:db8::3", 80).split(':').next().unwrap(), v6("2001:db8::4", 81).split(':').next().unwrap()).as_bytes());
    // Lines longer than fgets' 8191 bytes are read in pieces, each parsed as a line.
    let first = good(25, 2);
    line(format!("{first}{}{}", " ".repeat(8191 - first.len()), good(26, 3)).as_bytes());
    line("x".repeat(20000).as_bytes());
    line(format!("{first}{}", " ".repeat(8191 - first.len())).as_bytes());
    line(good(27, 4).as_bytes());
    // The last line has no newline.
    t.extend_from_slice(good(28, 5).as_bytes());
    t
}

#[test]
fn malformed_lines_warn_or_read_like_scanf() {
    let f = Fixture::new("inet-malformed");
    f.file("net/tcp", malformed_table(TCP_HEADER, true));
    f.file("net/tcp6", malformed_table(&format!("{}{}", "h".repeat(9000), TCP_HEADER), true));
    f.file("net/udp", malformed_table(UDP_HEADER, false));
    f.file("net/udplite6", malformed_table(UDP_HEADER, false));
    f.file("net/raw", malformed_table(UDP_HEADER, false));
    f.file("net/raw6", b"");
    f.file("net/udp6", UDP_HEADER.trim_end());
    same_without_names(f.path(), &["-ta", "-tan", "-tl", "-t", "-taeo", "-tanpW", "-ua", "-uan", "-ul", "-uaeo", "-wa",
        "-wan", "-waeo", "-Ua", "-Uano", "-tuwUa", "-tuwUan", "-4a", "-6a", "-tuwUaneeopW"]);
    same_numeric(f.path(), &["-tuwUan", "-tuwUaneop"]);
}

/// Both netstats with stdout and stderr on one pipe, one file, or one terminal (`script`):
/// what a user sees, stderr's warnings between the rows where stdio's buffering puts them.
fn combined_streams(tree: &std::path::Path, line: &str) {
    let script = r#"
        mode=$1; shift
        case $mode in
            pipe) "$@" 2>&1 | cat ;;
            file) "$@" >"$OUT" 2>&1; cat "$OUT" ;;
            tty) SHELL=/bin/bash script -qec "$(printf '%q ' "$@")" /dev/null ;;
        esac
    "#;
    let file = tree.with_extension("out");
    for mode in ["pipe", "file", "tty"] {
        let run = |command: &[&str]| {
            let mut c = clean_command("bash");
            c.args(["-c", script, "combined", mode]).args(command).env("OUT", &file);
            common::run(c).stdout
        };
        let mount = format!("mount --bind {} /proc && exec -a netstat {ORACLE} {line}", tree.display());
        let want = run(&["unshare", "-m", "--propagation", "private", "bash", "-c", &mount]);
        let proc_root = format!("PROC_ROOT={}", tree.display());
        let ours = ours();
        let got = run(&[&["env", &proc_root, ours.to_str().unwrap()][..], &args(line)].concat());
        assert!(want.len() > 4096, "{mode}: {}", String::from_utf8_lossy(&want));
        assert_eq!(String::from_utf8_lossy(&got), String::from_utf8_lossy(&want), "netstat {line}, both streams to one {mode}");
    }
    let _ = std::fs::remove_file(file);
}

#[test]
fn warnings_fall_between_the_rows_where_stdio_puts_them() {
    // Rows past one 4 KiB stdio buffer, with bogus lines among them.
    let f = Fixture::new("inet-interleave");
    let mut tcp = TCP_HEADER.to_string();
    for i in 0..120u16 {
        tcp += &if i % 9 == 4 { "bogus\n".to_string() } else { table("", &[Sock { local: v4("10.0.0.1", i), ..Sock::default() }]) };
    }
    f.file("net/tcp", &tcp);
    f.file("net/udp", format!("{UDP_HEADER}bogus\n"));
    combined_streams(f.path(), "-tuan");
    combined_streams(f.path(), "-tuanW");
}

#[test]
fn local_addresses_of_25_to_31_hex_digits_set_every_ipv6_word() {
    // net-tools' four `%08X` words: 25 digits or more reach the fourth word (short), so only
    // 9 to 24 digits leave words undefined.
    let f = Fixture::new("inet-short-v6");
    let mut tcp = TCP_HEADER.to_string();
    for digits in [25, 28, 31, 32, 33] {
        let local = &"2001DB81234567890ABCDEF0FEDCBA98ABCDEF"[..digits];
        tcp += &format!("   0: {local}:0050 0100007F:0051 01 0:0 0:0 0 1000 0 77\n");
    }
    f.file("net/tcp", tcp);
    same_numeric(f.path(), &["-tan", "-tanW"]);
}

#[test]
fn lines_missing_the_last_fields_are_still_shown() {
    // net-tools leaves uid, timeout and inode uninitialised here, so only command lines that
    // do not print them are comparable.
    let f = Fixture::new("inet-partial");
    let lines = "   1: 0100007F:0050 0200007F:0051 01 00000003:00000004 01:00000010\n\
                 \x20  2: 0100007F:0050 0200007F:0051 01 00000003:00000004 01:00000010 00000002\n\
                 \x20  3: 0100007F:0050 0200007F:0051 01 00000003:00000004 01:00000010 00000002 1000\n\
                 \x20  4: 0100007F:0050 0200007F:0051 01 00000003:00000004 01:00000010 00000002 1000 5\n\
                 \x20  5: 0100007F:0050 0200007F:0051 01 00000003:00000004 01:00000010 00000002 1000 5 77\n";
    f.file("net/tcp", format!("{TCP_HEADER}{lines}"));
    f.file("net/udp", format!("{UDP_HEADER}{lines}"));
    f.file("net/raw6", format!("{UDP_HEADER}{lines}"));
    same_without_names(f.path(), &["-ta", "-tan", "-tl", "-ua", "-uan", "-wa", "-wan", "-tuwa", "-tuwaW"]);
}

#[test]
fn missing_files() {
    let f = Fixture::new("inet-missing");
    let sock = [Sock { st: 1, remote: v4("10.0.0.9", 99), ..Sock::default() }];
    f.file("net/tcp6", table(TCP_HEADER, &tcp6_sockets()));
    f.file("net/udp", table(UDP_HEADER, &sock));
    f.file("net/raw6", table(UDP_HEADER, &sock));
    f.file("net/udplite6", table(UDP_HEADER, &sock));
    same_without_names(f.path(), &["-t", "-tn", "-tv", "-ta", "-t4", "-t6", "-tA inet", "-4", "-6", "-4v", "-A inet,inet6",
        "-u", "-uv", "-u6", "-w", "-wa", "-wv", "-U", "-Ua", "-tu", "-ut", "-tuwU", "-wUtu", "-uw", "-tuwUv",
        "--inet", "--inet6 -a", "-uwa4", "-tp", "-tlp", "-tae"]);
}

#[test]
fn unreadable_table_that_is_not_missing_ends_with_status_255() {
    let f = Fixture::new("inet-loop");
    f.link("net/tcp", "tcp");
    f.file("net/tcp6", table(TCP_HEADER, &tcp6_sockets()));
    f.link("net/udp6", "udp6");
    f.file("net/udp", table(UDP_HEADER, &udp_like_sockets(false)));
    same_without_names(f.path(), &["-t", "-ta", "-4", "-6", "-u", "-u6", "-tu", "-ut", "-uw", "-tv"]);
}

/// A tree of processes for `-p`, with the sockets they hold in net/tcp and net/udp6.
fn programs_tree(name: &str) -> Fixture {
    let f = Fixture::new(name);
    let mut socks = Vec::new();
    for (i, inode) in [4242u64, 4243, 4244, 4245, 4246, 4247, 4248, 4249, 4250, 4251, 4252, 4253, 4254, 4255, 0,
        u64::MAX - 1, 9999].into_iter().enumerate()
    {
        socks.push(Sock { st: if i % 3 == 0 { 10 } else { 1 }, remote: v4("10.9.8.7", if i % 3 == 0 { 0 } else { 1000 + i as u16 }), inode, ..Sock::default() });
    }
    f.file("net/tcp", table(TCP_HEADER, &socks));
    f.file("net/udp6", table(UDP_HEADER, &socks[5..]));
    let process = |pid: &str, cmdline: &[u8], links: &[(&str, &str)]| {
        f.file(&format!("{pid}/cmdline"), cmdline);
        for (fd, target) in links {
            f.link(&format!("{pid}/fd/{fd}"), target);
        }
    };
    process("42", b"/usr/sbin/daemon\0--flag\0", &[("3", "socket:[4242]"), ("4", "socket:[4243]"), ("5", "/dev/null"), ("6", "pipe:[99]")]);
    // Shared sockets: the first process in directory order wins, for both netstats.
    process("7", b"sshd: root@pts/0\0", &[("0", "socket:[4242]"), ("1", "socket:[4244]")]);
    process("8", b"/bin/sh\0", &[("0", "socket:[4244]"), ("10", "socket:[4245]")]);
    process("100", b"nginx: worker process\0", &[("1", "socket:[4246]")]);
    process("101", b"", &[("1", "socket:[4247]")]);
    process("102", b"/\0", &[("1", "socket:[4248]")]);
    process("103", b"./rel/prog\0x\0", &[("1", "socket:[4249]")]);
    process("104", b"/usr/local/bin/some-long-daemon-name\0", &[("1", "[0000]:4250")]);
    process("123456789012345678", b"/bin/x\0", &[("1", "socket:[0x109b]")]);
    process("12345678901234567890", b"/bin/y\0", &[("1", "socket:[010234]")]);
    process("105", &[b'/'; 600], &[("1", "socket:[4253]")]);
    process("106", &[b'a'; 600], &[("1", "socket:[4254]")]);
    process("107", b"/opt/my prog/has spaces --x\0", &[("2", "socket:[4255]"), ("3", "socket:[00]")]);
    process("108", b"/bin/late\0", &[("1", "socket:[18446744073709551614]"), ("2", "socket:[18446744073709551615]")]);
    process("109", b"/bin/odd\0", &[("1", "socket:[123456789012345678901]"), ("2", "[0000]:1234567890123456789012345"),
        ("3", "socket:[ 9999]"), ("4", "socket:[9999"), ("5", "[0000]:"), ("x", "socket:[9999]"), ("6", "socket:[-1]")]);
    // No cmdline: its sockets are skipped. An fd that is a file, and no fd at all: skipped.
    f.link("110/fd/1", "socket:[9999]");
    f.file("111/fd", "not a directory");
    f.dir("112");
    f.link("abc/fd/1", "socket:[9999]");
    f.file("abc/cmdline", "/bin/notapid\0");
    f
}

#[test]
fn programs_column() {
    let f = programs_tree("inet-programs");
    same_without_names(f.path(), &["-tp", "-tap", "-tanp", "-tlp", "-taenop", "-tapW", "-up", "-uap", "-uanp", "-tuap",
        "-4p", "-6ap", "-tuwUap", "-t --programs -a", "-taeep"]);
    same_numeric(f.path(), &["-tanp", "-tuanpeo"]);
}

#[test]
fn control_bytes_in_program_names_print_as_question_marks() {
    // The one deliberate difference (decisions.md): net-tools prints the bytes as they are.
    let f = Fixture::new("inet-control");
    f.file("net/tcp", table(TCP_HEADER, &[Sock { inode: 77, ..Sock::default() }]));
    f.file("9/cmdline", b"\x1b[31mred\x07\x7f\0");
    f.link("9/fd/1", "socket:[77]");
    for args in [&["-tlnp"][..], &["-tlnpe"]] {
        let mut want = oracle_on(f.path(), args);
        for b in want.stdout.iter_mut() {
            if (*b < 0x20 && *b != b'\n') || *b == 0x7f {
                *b = b'?';
            }
        }
        assert_eq!(ours_on(&ours(), f.path(), args), want);
    }
}

const NOBODY: Namespace = Namespace { etc: None, user: Some(65534) };

fn chmod(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn non_root_warnings() {
    let lines: &[&[&str]] = &[&["-tnp"], &["-tanp"], &["-tn"], &["-unp"], &["-tuwanp"]];
    // Some processes identified, some not.
    let f = programs_tree("inet-nobody-some");
    chmod(&f.path().join("42/fd"), 0o700);
    chmod(&f.path().join("8/fd"), 0o000);
    assert_same_in(f.path(), NOBODY, lines);
    // None identified: every fd directory with sockets is closed.
    let g = Fixture::new("inet-nobody-none");
    g.file("net/tcp", table(TCP_HEADER, &tcp_sockets()));
    g.link("5/fd/1", "socket:[2001]");
    g.file("5/cmdline", "/bin/five\0");
    chmod(&g.path().join("5/fd"), 0o000);
    g.dir("6/fd");
    assert_same_in(g.path(), NOBODY, lines);
    // /proc itself cannot be listed (but its files can be opened).
    let h = Fixture::new("inet-nobody-proc");
    h.file("net/tcp", table(TCP_HEADER, &tcp_sockets()));
    h.link("5/fd/1", "socket:[2001]");
    h.file("5/cmdline", "/bin/five\0");
    chmod(h.path(), 0o711);
    assert_same_in(h.path(), NOBODY, lines);
    // A table nobody may read counts as missing.
    chmod(h.path(), 0o755);
    chmod(&h.path().join("net/tcp"), 0o600);
    h.file("net/udp", table(UDP_HEADER, &udp_like_sockets(false)));
    let etc = private_etc("inet-nobody", &[]);
    let ns = Namespace { etc: Some(etc.path()), ..NOBODY };
    assert_same_in(h.path(), ns, &[&["-t"], &["-ta"], &["-4"], &["-tu"], &["-tv"], &["-tuap"], &["-tuanp"]]);
}

#[test]
fn root_gets_no_warnings_from_closed_fd_directories() {
    let f = programs_tree("inet-root-closed");
    chmod(&f.path().join("42/fd"), 0o000);
    same_numeric(f.path(), &["-tanp", "-tuanp"]);
}

#[test]
fn default_listing_with_missing_files() {
    let f = Fixture::new("inet-default");
    f.file("net/tcp6", table(TCP_HEADER, &tcp6_sockets()));
    f.file("net/udp", table(UDP_HEADER, &udp_like_sockets(false)));
    same_without_names(f.path(), &["", "-v", "-a", "-an", "-p", "-e", "-o"]);
}

#[test]
fn large_tables() {
    let f = Fixture::new("inet-large");
    let socks: Vec<Sock> = (0..20000u32)
        .map(|i| Sock {
            local: v4(&Ipv4Addr::from(0x0a00_0000 + i).to_string(), (i % 65536) as u16),
            remote: v4(&Ipv4Addr::from(0xc0a8_0000 + i * 7).to_string(), (i * 13 % 65536) as u16),
            st: i % 12,
            tx: i as u64,
            tr: i % 5,
            when: i as u64 * 37,
            inode: 100_000 + i as u64,
            ..Sock::default()
        })
        .collect();
    f.file("net/tcp", table(TCP_HEADER, &socks));
    for pid in 0..50u64 {
        f.file(&format!("{}/cmdline", 300 + pid), format!("/usr/bin/p{pid}\0"));
        for fd in 0..40u64 {
            f.link(&format!("{}/fd/{fd}", 300 + pid), &format!("socket:[{}]", 100_000 + pid * 400 + fd * 7));
        }
    }
    same_numeric(f.path(), &["-tan", "-taneop"]);
}

#[test]
fn names_in_cells_and_user_column() {
    let etc = private_etc("inet-names", &[
        ("hosts", "127.0.0.1 localhost\n10.0.0.1 myhost.example.org myhost\n10.0.0.2 averyveryverylonghostname.example.com\n\
                   192.168.1.9 h\n::1 ip6-localhost\n2001:db8::ff00:42:8329 v6host.example.org\n2001:db8::1 x\n"),
        ("services", "ssh 22/tcp\nhttp 80/tcp www\nhttp-alt 8080/tcp\nmysql 3306/tcp\ndomain 53/tcp\ndomain 53/udp\nmdns 5353/udp\n\
                      averyveryverylongservicename 443/tcp\nfirstname 40000/tcp\nsecondname 40000/tcp\nrawsvc 7/raw\n"),
        ("protocols", "ip 0 IP\nicmp 1 ICMP\nudp 17 UDP\nipv6-icmp 58 IPv6-ICMP\n"),
        ("networks", "weirdnet 0.1.2.3\n"),
        ("passwd", "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/sh\nnobody:x:65534:65534::/:/bin/false\n\
                    averyveryverylongusername:x:4294967295:1::/:/bin/sh\n"),
    ]);
    let f = Fixture::new("inet-names");
    let mut tcp = tcp_sockets();
    tcp.push(Sock { local: v4("10.0.0.1", 3306), remote: v4("10.0.0.2", 20), st: 1, ..Sock::default() });
    tcp.push(Sock { local: v4("0.1.2.3", 22), remote: v4("10.0.0.2", 40000), st: 1, ..Sock::default() });
    f.file("net/tcp", table(TCP_HEADER, &tcp));
    f.file("net/tcp6", table(TCP_HEADER, &tcp6_sockets()));
    f.file("net/udp", table(UDP_HEADER, &udp_like_sockets(false)));
    let raw = |local: String, remote: String| Sock { local, remote, st: 7, ..Sock::default() };
    f.file("net/raw", table(UDP_HEADER, &[raw(v4("127.0.0.1", 17), v4("127.0.0.1", 0)), raw(v4("0.0.0.0", 1), v4("0.0.0.0", 0)),
        raw(v4("0.0.0.0", 7), v4("0.0.0.0", 0))]));
    f.file("net/raw6", table(UDP_HEADER, &[raw(v6("::", 58), v6("::", 0))]));
    let lines: Vec<Vec<&str>> = ["-ta", "-taW", "-tae", "-taee", "-tl", "-t", "-ua", "-uae", "-wa", "-waW", "-tuwa", "-tuwaeo",
        "-ta --numeric-hosts", "-ta --numeric-ports", "-tae --numeric-users", "-tan", "-4a", "-6a", "-6aW"]
        .iter().map(|l| args(l)).collect();
    let lines: Vec<&[&str]> = lines.iter().map(|l| &l[..]).collect();
    assert_same_in(f.path(), Namespace { etc: Some(etc.path()), user: None }, &lines);
}
