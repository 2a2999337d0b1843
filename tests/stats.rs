//! `-s` and `-M` against net-tools: live counters in a quiet network namespace, and fixture
//! /proc trees for what a live kernel will not show: every counter non-zero, counters and
//! sections net-tools has never heard of, malformed and missing files, and
//! /proc/net/ip_masquerade, which no current kernel has.
mod common;
use common::*;
use netstat::stats::tables::{IPV4_SECTIONS, IPV6_SECTIONS, TABLES};
use std::process::Command;

/// Every filter and family combination of `-s`, and options `-s` ignores.
const STATS_LINES: &[&[&str]] = &[
    &["-s"],
    &["-st"],
    &["-su"],
    &["-sw"],
    &["-sS"],
    &["-sU"],
    &["-stu"],
    &["-stw"],
    &["-suw"],
    &["-sSt"],
    &["-sUt"],
    &["-stuwS"],
    &["-s", "--tcp", "--udp"],
    &["-s6"],
    &["-s6t"],
    &["-s6u"],
    &["-s6w"],
    &["-s6S"],
    &["-s6U"],
    &["-s6tu"],
    &["-s6tw"],
    &["-s", "-A", "inet"],
    &["-sA", "inet6"],
    &["-s", "--inet6", "-t"],
    &["-s4"],
    &["-s4t"],
    &["-s", "-4", "-6"],
    &["-s", "-6", "-4"],
    &["-s", "--inet", "--inet6"],
    &["-sA", "inet,inet6"],
    &["-sA", "unix"],
    &["-sx"],
    &["-s", "--ipx"],
    &["-sA", "inet,unix"],
    &["-sA", "unix", "-t"],
    &["-sc"],
    &["-sen"],
    &["-sta"],
    &["-sg"],
    &["-slvW"],
    &["--statistics", "-u"],
];

/// The command lines for the smaller fixtures: each section switch, and each report.
const SOME_STATS_LINES: &[&[&str]] =
    &[&["-s"], &["-st"], &["-su"], &["-sw"], &["-sS"], &["-sU"], &["-s6"], &["-s6t"], &["-s6w"], &["-s6u"]];

/// A counter value: mostly distinct small numbers, now and then one that needs all 64 bits or
/// that wraps (net-tools converts with strtoull).
fn value(i: usize) -> String {
    match i % 17 {
        3 => "18446744073709551615".into(),
        8 => "-1".into(),
        11 => "9223372036854775808".into(),
        _ => (1000 + 7 * i).to_string(),
    }
}

/// `Title: names` / `Title: values` pairs as /proc/net/snmp and /proc/net/netstat have them.
fn pairs_file(sections: &[(String, Vec<String>)], first_value: usize) -> String {
    let mut text = String::new();
    let mut i = first_value;
    for (title, names) in sections {
        let values: Vec<String> = names.iter().map(|_| {
            i += 1;
            value(i)
        }).collect();
        text += &format!("{title}: {}\n{title}: {}\n", names.join(" "), values.join(" "));
    }
    text
}

/// The sections of a live pairs file, in its order.
fn live_pairs(file: &str) -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(format!("/proc/net/{file}")).unwrap_or_default();
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    lines
        .chunks(2)
        .filter_map(|pair| {
            let (title, names) = pair[0].split_once(':')?;
            Some((title.to_string(), names.split_whitespace().map(String::from).collect()))
        })
        .collect()
}

/// Adds the names net-tools' table has for `title` (in table order) that the section lacks, and
/// one it has never heard of.
fn complete(sections: &mut Vec<(String, Vec<String>)>, known: &[netstat::stats::tables::Section], title: &str) {
    let index = match sections.iter().position(|s| s.0 == title) {
        Some(i) => i,
        None => {
            sections.push((title.to_string(), Vec::new()));
            sections.len() - 1
        }
    };
    let names = &mut sections[index].1;
    if let Some(&(_, _, table)) = known.iter().find(|s| s.0 == title) {
        for &(name, _, _) in TABLES[table as usize] {
            let name = name.trim_end();
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    names.push(format!("{title}NeverHeardOf"));
}

/// `Name value` lines as /proc/net/snmp6 and /proc/net/sctp/snmp have them.
fn name_value_file(names: &[String], first_value: usize) -> String {
    names.iter().enumerate().map(|(i, n)| format!("{n:<32}\t{}\n", value(first_value + i))).collect()
}

/// The kernel's own files, completed with every name net-tools knows plus unknown names and
/// sections, every value non-zero.
fn every_counter() -> Fixture {
    let f = Fixture::new("stats-every-counter");
    let mut snmp = live_pairs("snmp");
    for title in ["Ip", "Icmp", "Tcp", "Udp", "IcmpMsg", "UdpLite"] {
        complete(&mut snmp, IPV4_SECTIONS, title);
    }
    let mut netstat = live_pairs("netstat");
    for title in ["TcpExt", "IpExt", "MPTcpExt"] {
        complete(&mut netstat, IPV4_SECTIONS, title);
    }
    f.file("net/snmp", pairs_file(&snmp, 0));
    f.file("net/netstat", pairs_file(&netstat, 500));

    // snmp6: the kernel's lines, grouped by section, with the missing table names after each.
    let live = std::fs::read_to_string("/proc/net/snmp6").unwrap_or_default();
    let mut sections: Vec<(String, Vec<String>)> = Vec::new();
    for name in live.lines().filter_map(|l| l.split_whitespace().next()) {
        let title = match name.find('6') {
            Some(six) => &name[..=six],
            None => name,
        };
        match sections.iter_mut().find(|s| s.0 == title) {
            Some(s) => s.1.push(name.to_string()),
            None => sections.push((title.to_string(), vec![name.to_string()])),
        }
    }
    for title in ["Ip6", "Icmp6", "Udp6", "UdpLite6"] {
        complete(&mut sections, IPV6_SECTIONS, title);
    }
    let names: Vec<String> = sections.into_iter().flat_map(|s| s.1).collect();
    f.file("net/snmp6", name_value_file(&names, 1000));

    let mut sctp = vec![("Sctp".to_string(), Vec::new())];
    complete(&mut sctp, IPV4_SECTIONS, "Sctp");
    f.file("net/sctp/snmp", name_value_file(&sctp[0].1, 1500));
    f
}

#[test]
fn every_counter_non_zero() {
    let f = every_counter();
    assert_same_on(f.path(), STATS_LINES);
}

#[test]
fn sections_in_unexpected_orders() {
    // Known sections after unknown ones, repeated, and in the other file; IcmpMsg before Icmp.
    let f = Fixture::new("stats-order");
    let mut snmp = live_pairs("snmp");
    snmp.reverse();
    for title in ["Icmp", "Tcp", "TcpExt", "Sctp"] {
        complete(&mut snmp, IPV4_SECTIONS, title);
    }
    snmp.push(("Icmp".into(), vec!["InEchos".into(), "OutEchos".into()]));
    f.file("net/snmp", pairs_file(&snmp, 0));
    let mut netstat = live_pairs("netstat");
    for title in ["Ip", "Udp", "Icmp"] {
        complete(&mut netstat, IPV4_SECTIONS, title);
    }
    f.file("net/netstat", pairs_file(&netstat, 300));
    let names: Vec<String> = ["Udp6InDatagrams", "Ip6InReceives", "Icmp6InEchos", "Ip6OutRequests", "Icmp6OutEchos", "Icmp6InMsgs",
        "Icmp6InEchos", "Tcp6ActiveOpens", "Udp6NoPorts", "NoSixAtAll", "AlsoNoSix", "Icmp6OutEchos", "Ip6InDiscards"]
        .map(String::from)
        .to_vec();
    f.file("net/snmp6", name_value_file(&names, 0));
    assert_same_on(f.path(), STATS_LINES);
}

#[test]
fn pairs_that_disagree_or_do_not_convert() {
    let f = Fixture::new("stats-mismatch");
    f.file(
        "net/snmp",
        "Ip: Forwarding DefaultTTL InReceives InHdrErrors InAddrErrors Extra\n\
         Ip: 1 64 abc 5 6 7\n\
         Icmp: InMsgs InErrors InDestUnreachs OutMsgs\n\
         Icmp: 12abc 7\n\
         Tcp: ActiveOpens PassiveOpens MaxConn CurrEstab InSegs OutSegs\n\
         Tcp: +5 -5 -1 18446744073709551616 0x10 9\n\
         Udp: InDatagrams NoPorts\n\
         Udp: 18446744073709551615 1 2 3 4 5 6\n\
         Foo:\n\
         Foo: 1\n\
         \n\
         Bar: a\tb  c \n\
         Bar:\t7\t\t8   9\n\
         Baz: x y z\n\
         Baz: - 5 6\n\
         Qux: p q\n\
         Quux: 3 4\n",
    );
    f.file("net/netstat", "IpExt: InNoRoutes\nIpExt: 3\nTcpExt: SyncookiesSent TW TWKilled\nTcpExt: 0 9 \n");
    f.file("net/snmp6", "Ip6InReceives 5\nIp6InHdrErrors abc\n\n   \nIcmp6InMsgs\t-1\nIcmp6InErrors +7x\nUdp6Foo 99999999999999999999999\nIp6InDelivers\x0b 4\nIp6OutRequests\x0c5\n");
    f.file("net/sctp/snmp", "SctpCurrEstab 3\n\nSctpFoo\n SctpBar 4\nSctpActiveEstabs\t \t9\nSctpShutdowns x\nSctpX 5");
    assert_same_on(f.path(), SOME_STATS_LINES);
}

#[test]
fn problem_while_parsing() {
    let f = Fixture::new("stats-problem");
    // An empty line first (some kernels), a title without values at the end.
    f.file("net/snmp", "\nIp: Forwarding InReceives\nIp: 1 2\nTcp: ActiveOpens\nTcp: 4\nIcmp InMsgs\nIcmp: 3\nUdp: InDatagrams\nUdp: 1\n");
    f.file("net/netstat", "TcpExt: TW\nTcpExt 9\nIpExt: X\nIpExt: 1\n");
    f.file("net/snmp6", "Ip6InReceives 5\n");
    assert_same_on(f.path(), SOME_STATS_LINES);

    f.file("net/snmp", "Ip: Forwarding\nIp: 1\nTcp: ActiveOpens\nTcp: 4\nUdp: InDatagrams");
    f.file("net/netstat", "TcpExt: TW\nTcpExt: 9\nIpExt X\nIpExt: 1\n");
    assert_same_on(f.path(), SOME_STATS_LINES);

    // Before the Tcp lines, for -s6: the pass stops without a word.
    f.file("net/snmp", "Ip: Forwarding\nIp 1\nTcp: ActiveOpens\nTcp: 4\n");
    assert_same_on(f.path(), SOME_STATS_LINES);

    // A NUL ends what C sees of a line.
    f.file("net/snmp", "Ip: Forwarding InReceives\0 DefaultTTL\nIp: 1 2 3\nTcp: ActiveOpens\nTcp: 4\0 5\n\0Udp: InDatagrams\nUdp: 1\n");
    f.file("net/snmp6", "Ip6InReceives 5\nIp6\0InDelivers 6\nIcmp6InMsgs\0 7\n");
    f.file("net/sctp/snmp", "SctpCurrEstab\0 3\nSctpAborteds 7\0 8\n");
    assert_same_on(f.path(), SOME_STATS_LINES);
}

#[test]
fn long_lines() {
    let f = Fixture::new("stats-long");
    // The pairs are read whole; snmp6 and sctp/snmp in pieces of 1023 bytes.
    let names: Vec<String> = (0..1500).map(|i| format!("Counter{i}")).collect();
    let values: Vec<String> = (0..1500).map(|i| (i * 3 + 1).to_string()).collect();
    f.file("net/snmp", format!("Tcp: ActiveOpens {}\nTcp: 5 {}\n", names.join(" "), values.join(" ")));
    let long_name = format!("Ip6{}", "X".repeat(1100));
    let padded = format!("Ip6InReceives{}7\n", " ".repeat(1015));
    // (The first line converts: before any value net-tools prints what its stack holds.)
    f.file("net/snmp6", format!("Ip6InDiscards 3\n{long_name} 5\n{padded}Ip6InDelivers 8\nIcmp6{} 9\n", "Y".repeat(60)));
    f.file("net/sctp/snmp", format!("Sctp{} 5\nSctpCurrEstab{}6\nSctpAborteds 2\n", "Z".repeat(1019), " ".repeat(1010)));
    assert_same_on(f.path(), SOME_STATS_LINES);
}

#[test]
fn missing_and_unreadable_files() {
    let f = Fixture::new("stats-missing");
    assert_same_on(f.path(), SOME_STATS_LINES);

    // snmp alone; netstat and snmp6 alone.
    f.file("net/snmp", "Ip: Forwarding InReceives\nIp: 1 2\nTcp: ActiveOpens\nTcp: 4\n");
    assert_same_on(f.path(), SOME_STATS_LINES);
    std::fs::remove_file(f.path().join("net/snmp")).unwrap();
    f.file("net/netstat", "TcpExt: TW\nTcpExt: 9\n");
    f.file("net/snmp6", "Ip6InReceives 5\n");
    f.file("net/sctp/snmp", "SctpCurrEstab 3\n");
    assert_same_on(f.path(), SOME_STATS_LINES);

    // Empty files.
    for file in ["net/snmp", "net/netstat", "net/snmp6", "net/sctp/snmp"] {
        f.file(file, "");
    }
    assert_same_on(f.path(), SOME_STATS_LINES);

    // Directories where the files should be: they open, and reading them fails.
    let d = Fixture::new("stats-directories");
    for dir in ["net/snmp", "net/netstat", "net/snmp6", "net/sctp/snmp"] {
        d.dir(dir);
    }
    assert_same_on(d.path(), SOME_STATS_LINES);

    // /proc/net that is not a directory.
    let n = Fixture::new("stats-net-file");
    std::fs::remove_dir(n.path().join("net")).unwrap();
    n.file("net", "not a directory\n");
    assert_same_on(n.path(), SOME_STATS_LINES);
    assert_same_on(n.path(), &[&["-M"], &["-Mc"]]);
}

const MASQ_LINES: &[&[&str]] = &[&["-Mn"], &["-Men"], &["-Meen"], &["-MeN", "--numeric"], &["-M", "--numeric-hosts", "--numeric-ports"]];

const PDELTA_HEADER: &str = "Prc FromIP   FPrt  ToIP     TPrt Masq Init-seq  Delta PDelta Expires (free=0,0,0)\n";
const PLAIN_HEADER: &str = "Prc FromIP   FPrt  ToIP     TPrt Masq Init-seq  Delta Expires (free=0,0,0)\n";

#[test]
fn masquerade_missing() {
    let f = Fixture::new("masq-missing");
    assert_same_on(f.path(), &[&["-M"], &["-Mc"], &["-Me"], &["-Mn"], &["-Mcen"], &["--masquerade", "-t"], &["-M", "-A", "inet6"]]);
}

#[test]
fn masquerade_entries() {
    let f = Fixture::new("masq-entries");
    let entries = "TCP C0A80001:0016 0A000001:0050 F000 00001234 5 -3 12345\n\
                   UDP 7F000001:0035 08080808:0035 F001 0 0 0 600000\n\
                   ICMP 0:0 0:0 0 0 0 0 0\n\
                   GRE 1:1 2:2 3 4 5 6 7\n\
                   ESP 0x1:0x2 -1:-2 FFFFF 1FFFFFFFFFFFFFFFFF 70000 -70000 18446744073709551616\n\
                   IP C0000201:1 C6336401:FFFF FFFF 0 32767 -32768 99\n";
    f.file("net/ip_masquerade", format!("{PDELTA_HEADER}{entries}"));
    assert_same_on(f.path(), MASQ_LINES);
    // Without PDelta there is one number less; entries may spread over lines.
    f.file("net/ip_masquerade", format!("{PLAIN_HEADER}TCP C0A80001:0016 0A000001:0050 F000 1234 5 12345\n  UDP\n7F000001:0035\n08080808:0035 F001 0 0 600000"));
    assert_same_on(f.path(), MASQ_LINES);
    // Names: only values no name source could change (0.0.0.0, port 0, unassigned ports).
    f.file("net/ip_masquerade", format!("{PDELTA_HEADER}TCP 0:0 0:F000 F001 1 2 3 4\nUDP 0:F002 0:0 0 0 0 0 0\nGRE 0:1 0:2 3 4 5 6 7\n"));
    assert_same_on(f.path(), &[&["-M"], &["-Me"], &["-Mee"]]);
}

#[test]
fn masquerade_malformed() {
    let f = Fixture::new("masq-malformed");
    for content in [
        String::new(),
        PDELTA_HEADER.to_string(),
        format!("{PDELTA_HEADER}\n \n"),
        format!("{PDELTA_HEADER}TCP C0A80001 :0016 0A000001:0050 F000 1234 5 -3 12345\n"),
        format!("{PDELTA_HEADER}TCPX C0A80001:0016 0A000001:0050 F000 1234 5 -3 12345\n"),
        format!("{PDELTA_HEADER}tcp C0A80001:0016 0A000001:0050 F000 1234 5 -3 12345\n"),
        format!("{PDELTA_HEADER}TCP C0A80001:0016 0A000001:0050 F000 1234 5 -3\n"),
        format!("{PDELTA_HEADER}TCP 1:2 3:4 5 6 7 8 9\nTCP"),
        format!("{PDELTA_HEADER}TCP 1:2 3:4 5 6 7 8 9\nXYZ 1:2 3:4 5 6 7 8 9\n"),
        format!("{PDELTA_HEADER}TCP 1:2 3:4 5 6 7 8 9\nXYZ 1:2 3:4 5 6 7 8\n"),
        format!("{PDELTA_HEADER}TCP 1:2 3:4 5 6 7 x 9\n"),
        format!("{PLAIN_HEADER}TCP 1:2 3:4 5 6 7 8 9\n"),
        format!("{}PDelta\nTCP 1:2 3:4 5 6 7 8 9\n", "x".repeat(300)),
        "no header newline".to_string(),
        // C strings: a NUL ends the header for the PDelta test and the protocol name for the
        // comparison; what follows a number starts the next entry.
        format!("{PDELTA_HEADER}TCP\0junk 1:2 3:4 5 6 7 8 9\n"),
        format!("Prc FromIP\0 PDelta\nTCP 1:2 3:4 5 6 7 8 9\n"),
        format!("{PDELTA_HEADER}UDP 1:2 3:4 5 6 7 8 9x\n"),
    ] {
        f.file("net/ip_masquerade", &content);
        assert_same_on(f.path(), &[&["-M"], &["-Mn"], &["-Men"]]);
    }
    std::fs::remove_file(f.path().join("net/ip_masquerade")).unwrap();
    f.dir("net/ip_masquerade");
    assert_same_on(f.path(), &[&["-M"], &["-Mc"]]);
}

/// `-Mc` repeats every second for as long as the table reads: both run for 1.5 s, long enough
/// for two tables and far from the third.
#[test]
fn masquerade_continuous() {
    let f = Fixture::new("masq-continuous");
    f.file("net/ip_masquerade", format!("{PDELTA_HEADER}TCP 0:0 0:F000 F001 1 2 3 4\n"));
    let mut oracle = clean_command("timeout");
    oracle.args(["1.5", "unshare", "-m", "--propagation", "private", "bash", "-c"]);
    oracle.arg("mount --bind \"$0\" /proc && exec -a netstat /usr/bin/netstat \"$@\"").arg(f.path()).arg("-Mcn");
    let mut ours_cmd = clean_command("timeout");
    ours_cmd.args(["1.5"]).arg(ours()).arg("-Mcn").env("PROC_ROOT", f.path());
    let (want, got) = (run(oracle), run(ours_cmd));
    assert_eq!(want, got);
    assert_eq!(want.stdout.split(|&b| b == b'\n').filter(|l| l.starts_with(b"IP masq")).count(), 2, "{want:?}");
}

/// A network namespace of its own, with loopback up, removed on drop.
struct Namespace(String);

impl Namespace {
    fn new(tag: &str) -> Namespace {
        let name = format!("ntstat-{tag}-{}", std::process::id());
        let _ = Command::new("ip").args(["netns", "del", &name]).output();
        let ok = |c: &mut Command| assert!(c.status().unwrap().success(), "{c:?}");
        ok(Command::new("ip").args(["netns", "add", &name]));
        ok(Command::new("ip").args(["-n", &name, "link", "set", "lo", "up"]));
        Namespace(name)
    }

    fn exec(&self, program: impl AsRef<std::ffi::OsStr>, args: &[&str]) -> Run {
        let mut c = clean_command("ip");
        c.args(["netns", "exec", &self.0]).arg(program).args(args);
        run(c)
    }
}

impl Drop for Namespace {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["netns", "del", &self.0]).output();
    }
}

#[test]
fn live_counters_in_a_quiet_namespace() {
    let ns = Namespace::new("stats");
    // Some traffic so that the counters are not all zero: TCP connections refused and UDP
    // datagrams to closed ports (ICMP port unreachable), over IPv4 and IPv6 loopback. Then
    // nothing runs in the namespace, so the counters stay still.
    let traffic = "for a in 127.0.0.1 ::1; do (exec 3<>/dev/tcp/$a/9) 2>/dev/null; echo x >/dev/udp/$a/9; done; sleep 0.2";
    ns.exec("bash", &["-c", traffic]);
    let mut failures = Vec::new();
    for args in STATS_LINES.iter().chain([&["-M"][..], &["-Mc"]].iter()) {
        // Both run back to back. A counter that still moved between the two runs (a late
        // ICMP message, a kernel timer) shows as a difference; the next attempt then agrees.
        let mut attempts = 0;
        loop {
            let want = ns.exec(ORACLE, args);
            let got = ns.exec(ours(), args);
            if want == got {
                break;
            }
            attempts += 1;
            if attempts == 3 {
                failures.push(format!("netstat {}\n=== net-tools ===\n{want:?}=== ours ===\n{got:?}", args.join(" ")));
                break;
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The traffic really is counted.
    let report = ns.exec(ours(), &["-s"]);
    assert!(String::from_utf8_lossy(&report.stdout).contains("    2 failed connection attempts\n"), "{report:?}");
}
