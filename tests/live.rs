//! Differential tests on live sockets: net-tools' /usr/bin/netstat and ours, run inside the world
//! of tests/world/build.py (every kind of socket, held by processes with distinctive names, private
//! /etc name files), for well over 100 socket-table command lines. stdout, stderr and exit status
//! must be byte-identical, with one documented exception: the world has control bytes in a program
//! name, a user name, a host name, a service name and a unix path, which net-tools 2.10 prints raw
//! and we print as `?` (decisions.md, "Security"), so that escaping is applied to net-tools' stdout
//! before comparing.
//!
//! Needs root (namespaces, bind mounts, raw sockets), like the fixture tests.
mod common;
mod world;

use common::{ours, ours_std, Run, ORACLE};
use std::path::{Path, PathBuf};
use world::World;

/// Protocol and family selections; each is run with `-a`, `-l`, neither, and `-an`.
const SELECTIONS: &[&str] = &[
    "",
    "-t",
    "-u",
    "-w",
    "-U",
    "-x",
    "-tu",
    "-tuwU",
    "-tx",
    "-ux",
    "-4",
    "-6",
    "-46",
    "-6x",
    "-t -6",
    "-u -4",
    "-w -6",
    "-A inet",
    "-A inet6",
    "-A unix",
    "-A inet,unix",
    "-A inet6,unix",
    "-A inet,inet6",
    "--inet",
    "--inet6",
    "--unix",
];

/// Extension columns, numeric variants, long options and error paths.
const MORE: &[&str] = &[
    "-ae",
    "-aee",
    "-aeee",
    "-ane",
    "-ao",
    "-ano",
    "-ap",
    "-anp",
    "-aW",
    "-anW",
    "-aeop",
    "-aneopW",
    "-aWp",
    "-aN",
    "-tlpe",
    "-tlnpe",
    "-tnWe",
    "-ulnp",
    "-uape",
    "-wape",
    "-Uape",
    "-xp",
    "-xlp",
    "-xap",
    "-xapn",
    "-xW",
    "-xe",
    "-xo",
    "-6aep",
    "-4aeop",
    "-tunlp",
    "-tunap",
    "-taenop",
    "-taenopW",
    "-v",
    "-av",
    "-anv",
    "-tv",
    "-xv",
    "-lv",
    "--numeric-hosts -a",
    "--numeric-ports -a",
    "--numeric-users -ae",
    "--numeric-hosts --numeric-ports -ae",
    "--numeric-hosts -taeW",
    "--numeric-ports -uae",
    "--numeric-users -tlep",
    "--tcp --udp --listening --numeric",
    "--all --extend --program --timers --wide",
    "--raw --all --extend",
    "--udplite --all",
    "--unix --all --programs",
    "--wid --al --ext",
    "--protocol=inet6 -a",
    "-Ainet6 -a",
    "-A unix,inet6 -ap",
    "-A inet -A unix -a",
    "--inet --unix -l",
    "-ae -A inet6 -W",
    "-a ignored words",
    "-a -- -t",
    "-ee -p -o -a -n",
    "-S",
    "-tS",
    "-aS",
    "-ax --ipx",
    "-a -A bogus",
    "-t -A",
    "-aZ",
    "-a --tcpip",
];

/// `-c` command lines, compared over their first two iterations. The runs of one line go at the
/// same time, so none of these may both look names up and list unix sockets (see below).
const CONTINUOUS: &[&str] = &["-c -an", "-ctpe", "-cxl"];

/// net-tools 2.10 prints control bytes from names and paths raw; we print `?` (decisions.md).
fn escape_controls(bytes: &[u8]) -> Vec<u8> {
    bytes.iter().map(|&b| if (b < 0x20 && b != b'\n') || b == 0x7f { b'?' } else { b }).collect()
}

/// The text of a line with control bytes visible.
fn visible(line: &[u8]) -> String {
    let mut s = String::new();
    for &b in line {
        match b {
            0x20..=0x7e => s.push(b as char),
            _ => s.push_str(&format!("\\x{b:02x}")),
        }
    }
    s
}

/// A line diff (longest common subsequence) of two outputs: ` ` same, `-` net-tools, `+` ours.
/// Every line ends with `|` so that trailing spaces show.
fn line_diff(want: &[u8], got: &[u8]) -> String {
    let a: Vec<&[u8]> = want.split_inclusive(|&b| b == b'\n').collect();
    let b: Vec<&[u8]> = got.split_inclusive(|&b| b == b'\n').collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let mut out = String::new();
    let mut line = |sign: char, l: &[u8]| {
        let (body, newline) = match l.strip_suffix(b"\n") {
            Some(body) => (body, ""),
            None => (l, " (no newline at end)"),
        };
        out.push_str(&format!("{sign} {}|{newline}\n", visible(body)));
    };
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            line(' ', a[i]);
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            line('+', b[j]);
            j += 1;
        } else {
            line('-', a[i]);
            i += 1;
        }
    }
    out
}

/// A readable report of how `got` (from `build`) differs from `want`, or None.
fn difference(args: &str, build: &Path, want: &Run, got: &Run) -> Option<String> {
    if want == got {
        return None;
    }
    let mut report = format!("=== netstat {args}   ({})\n", build.display());
    if want.status != got.status {
        report.push_str(&format!("exit status: net-tools {}, ours {}\n", want.status, got.status));
    }
    if want.stdout != got.stdout {
        report.push_str(&format!("stdout (- net-tools, + ours):\n{}", line_diff(&want.stdout, &got.stdout)));
    }
    if want.stderr != got.stderr {
        report.push_str(&format!("stderr (- net-tools, + ours):\n{}", line_diff(&want.stderr, &got.stderr)));
    }
    Some(report)
}

fn builds() -> Vec<PathBuf> {
    let mut b = vec![ours()];
    b.extend(ours_std());
    b
}

fn oracle(world: &World, args: &[&str]) -> Run {
    let mut r = world.run(Path::new(ORACLE), args);
    r.stdout = escape_controls(&r.stdout);
    r
}

fn all_command_lines() -> Vec<String> {
    let mut lines = Vec::new();
    for s in SELECTIONS {
        for mode in ["-a", "-l", "", "-an"] {
            lines.push(format!("{s} {mode}").trim().to_string());
        }
    }
    lines.extend(MORE.iter().map(|s| s.to_string()));
    lines
}

#[test]
fn socket_tables_match_net_tools_on_live_sockets() {
    let world = World::start();
    let lines = all_command_lines();
    assert!(lines.len() >= 100);
    let mut failures = Vec::new();
    // One after the other: net-tools' name lookups open short-lived unix sockets (glibc trying
    // nscd), which a netstat reading /proc/net/unix at the same moment would list.
    for line in &lines {
        let args: Vec<&str> = line.split_whitespace().collect();
        let want = oracle(&world, &args);
        for build in builds() {
            let got = world.run(&build, &args);
            failures.extend(difference(line, &build, &want, &got));
        }
    }
    assert!(failures.is_empty(), "{} differences (command line and build) over {} command lines:\n{}", failures.len(), lines.len(), failures.join("\n"));
}

/// Runs `netstat -c …` for 1.7 s (iterations start at 0 s, 1 s, 2 s) and keeps the first two
/// iterations: everything before the third time the first line of the output appears.
fn two_iterations(world: &World, program: &Path, args: &[&str], escape: bool) -> Run {
    let mut r: Run = world.command(&["timeout", "-s", "INT", "1.7"], program, args).output().expect("nsenter runs").into();
    if escape {
        r.stdout = escape_controls(&r.stdout);
    }
    let first_line_end = r.stdout.iter().position(|&b| b == b'\n').map_or(r.stdout.len(), |p| p + 1);
    let marker = r.stdout[..first_line_end].to_vec();
    let starts: Vec<usize> = (0..r.stdout.len())
        .filter(|&i| (i == 0 || r.stdout[i - 1] == b'\n') && r.stdout[i..].starts_with(&marker))
        .collect();
    if starts.len() > 2 {
        r.stdout.truncate(starts[2]);
    }
    r
}

#[test]
fn continuous_mode_repeats_the_same_tables() {
    let world = World::start();
    let mut failures = Vec::new();
    for line in CONTINUOUS {
        let args: Vec<&str> = line.split_whitespace().collect();
        let (world, args, builds) = (&world, &args, builds());
        let (want, got) = std::thread::scope(|s| {
            let want = s.spawn(move || two_iterations(world, Path::new(ORACLE), args, true));
            let got: Vec<_> = builds.iter().map(|b| s.spawn(move || two_iterations(world, b, args, false))).collect();
            (want.join().unwrap(), got.into_iter().map(|g| g.join().unwrap()).collect::<Vec<_>>())
        });
        let header = want.stdout.split(|&b| b == b'\n').next().unwrap_or_default().to_vec();
        let iterations = want.stdout.split(|&b| b == b'\n').filter(|l| *l == header).count();
        assert!(iterations == 2, "net-tools gave {iterations} iterations of `netstat {line}` in 1.7 s:\n{want:?}");
        for (got, build) in got.iter().zip(&builds) {
            failures.extend(difference(line, build, &want, got));
        }
    }
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures.join("\n"));
}

/// The world itself: every kind of socket it is meant to hold really shows up in net-tools'
/// output, the holders have the PIDs their start order gives them, and the tables hold still.
#[test]
fn the_world_has_every_kind_of_socket() {
    let world = World::start();
    let numeric = oracle(&world, &["-anpeW"]);
    let named = oracle(&world, &["-ape"]);
    assert_eq!(numeric.status, 0, "{numeric:?}");
    assert_eq!(oracle(&world, &["-anpeW"]), numeric, "the socket tables changed between two runs");
    let (numeric, named) = (String::from_utf8_lossy(&numeric.stdout), String::from_utf8_lossy(&named.stdout));
    let long_path = format!("{}/u/{}.sock\n", world.dir.display(), "l".repeat(100 - world.dir.as_os_str().len() - 3 - 5));
    let wanted_numeric = [
        // TCP: IPv4, IPv6 and IPv4-mapped listeners, a connection still in the listen queue,
        // unread data both ways, a half-closed pair.
        "tcp        1      0 127.0.0.1:7000          0.0.0.0:*               LISTEN      0 ",
        "127.0.0.1:7000          127.0.0.1:40008         ESTABLISHED 0          0          -    ",
        "tcp     1000      0 127.0.0.1:8080          127.0.0.1:40006         ESTABLISHED",
        "tcp       77      0 127.0.0.1:40006         127.0.0.1:8080          ESTABLISHED",
        "FIN_WAIT2   0 ",
        "tcp        1      0 127.0.0.1:22            127.0.0.1:40007         CLOSE_WAIT  0 ",
        "tcp6       0      0 127.0.0.1:6003          :::*                    LISTEN",
        "tcp6       0      0 127.0.0.1:80            127.0.0.1:40002         ESTABLISHED",
        "tcp6       0      0 :::443                  :::*                    LISTEN",
        "tcp6       0      0 2001:db8:1234:5678:9abc:def0:1234:5678:6002 2001:db8::10:40004      ESTABLISHED",
        // UDP bound, connected, with an unread datagram; UDP-Lite; raw.
        "udp        0      0 0.0.0.0:53              0.0.0.0:*                           0 ",
        "udp        0      0 127.0.0.1:5353          127.0.0.1:123           ESTABLISHED 0 ",
        "udp6       0      0 ::1:7001                ::1:7002                ESTABLISHED 0 ",
        "udp6       0      0 127.0.0.1:7003          :::*                                0 ",
        "udpl       0      0 127.0.0.1:7777          0.0.0.0:*                           0 ",
        "udpl6      0      0 ::1:7778                ::1:7779                ESTABLISHED 0 ",
        "raw        0      0 0.0.0.0:1               0.0.0.0:*               7           0 ",
        "raw        0      0 127.0.0.1:253           127.0.0.1:*             1           0 ",
        "raw6       0      0 :::58                   :::*                    7           0 ",
        "raw6       0      0 ::1:132                 :::*                    7           0 ",
        // UNIX: every type, listening, connected, queued, abstract, cut at whitespace, long.
        "STREAM     LISTENING",
        "SEQPACKET  LISTENING",
        "SEQPACKET  CONNECTED",
        "DGRAM      CONNECTED",
        "STREAM     CONNECTING    0        -",
        " @world-abstract\n",
        " @with\n",
        " @nul@inside\n",
        "/u/has\n",
        "/u/tab\n",
        "/u/ctl?path.sock\n",
        &long_path,
        // Holders, in start order.
        " 3/worldd ",
        " 4/nginx: worker pro ",
        " 5/some-long-daemon- ",
        " 6/./rel/prog ",
        " 7/userd ",
        " 8/longuserd ",
        " 9/nobodyd ",
        " 10/ctl?[7mname? ",
        " 11/  ",
    ];
    let wanted_named = [
        "localhost:worldweb ",
        "[::]:http ",
        "myho:averylongservicena ",
        "averyveryver:secondname ",
        "myhost.example.org:ssh  myhost.example.or:40005 ",
        "v6host.example.or:40004 2001:db8:1234:5678:6002 ",
        "ctl?host.exampl:ctl?svc ",
        "ip6-localhost:6000 ",
        "localhost:mdns          localhost:ntp ",
        "0.0.0.0:icmp ",
        "[::]:ipv6-icmp ",
        "localhost:myraw ",
        "ip6-localhost:sctp ",
        " alice ",
        " averylongusername42 ",
        " 31337 ",
        " ctl?user ",
    ];
    let missing: Vec<&str> = wanted_numeric
        .iter()
        .filter(|w| !numeric.contains(*w))
        .chain(wanted_named.iter().filter(|w| !named.contains(*w)))
        .copied()
        .collect();
    assert!(missing.is_empty(), "missing from the world: {missing:#?}\n{numeric}\n{named}");
    assert!(!numeric.contains("/sharer"), "a shared socket must be shown with the lower PID");
    let autobound = numeric.lines().any(|l| {
        let name = l.rsplit(' ').next().unwrap_or("");
        name.len() == 6 && name.starts_with('@') && name[1..].bytes().all(|b| b.is_ascii_hexdigit())
    });
    assert!(autobound, "no autobound abstract unix socket:\n{numeric}");
}
