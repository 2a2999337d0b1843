//! The UNIX domain socket table (/proc/net/unix) against net-tools, on fixture trees.
mod common;
use common::*;

/// One /proc/net/unix line as the kernel writes it.
fn unix_line(refcnt: u32, flags: u32, kind: u32, state: u32, inode: u64, path: &str) -> String {
    let sep = if path.is_empty() { "" } else { " " };
    format!("0000000000000000: {refcnt:08X} 00000000 {flags:08X} {kind:04X} {state:02X} {inode:5}{sep}{path}\n")
}

/// A fake /proc with idle Internet tables and the given /proc/net/unix.
fn fixture(name: &str, unix: impl AsRef<[u8]>) -> Fixture {
    let f = idle_fixture(name);
    f.file("net/unix", unix);
    f
}

/// Command lines that show the unix section, alone or after the others.
const UNIX_COMMANDS: &[&[&str]] = &[
    &["-x"], &["-xa"], &["-xl"], &["-xal"], &["-xla"], &["-xn"], &["-xe"], &["-xee"], &["-xo"],
    &["-xW"], &["-xv"], &["-xeo", "-a"], &["-xN"], &["-x", "--numeric-hosts"], &["-x", "-x"],
    &["-A", "unix"], &["-Aunix"], &["--protocol=unix", "-l"], &["--unix"], &["--unix", "-a"],
    &["--unix", "--listening"], &["--unix", "--all", "--extend"], &[], &["-a"], &["-l"], &["-n"],
    &["-v"], &["-4x"], &["-6x"], &["-6xa"], &["-A", "inet,unix"],
    &["-A", "unix,inet6", "-l"], &["-xt"], &["-xuw"], &["-x", "--wide", "--all"],
];

#[test]
fn unix_every_type_state_and_flag() {
    let mut unix = String::from(UNIX_HEADER);
    let mut inode = 1000;
    for kind in [1, 2, 3, 4, 5, 0, 6, 0x11] {
        for state in [0, 1, 2, 3, 4, 5, 0x10] {
            for flags in [0, 0x10000, 0x20000, 0x40000, 0x30000, 0x50000, 0x60000, 0x70000, 0x80001] {
                inode += 1;
                unix.push_str(&unix_line(2 + kind, flags, kind, state, inode, &format!("/run/s{kind}-{state}-{flags:x}")));
            }
        }
    }
    // Protocol other than 0, and refcounts wider than the column.
    unix.push_str("0000000000000000: 00000001 00000001 00010000 0001 01 9001 /proto-one\n");
    unix.push_str("0000000000000000: 7FFFFFFF 00000000 00000000 0002 03 9002 /wide-refcount\n");
    let f = fixture("unix-combos", unix);
    assert_same_on(f.path(), UNIX_COMMANDS);
}

#[test]
fn unix_paths() {
    let mut unix = Vec::from(UNIX_HEADER);
    let long = |n: usize| format!("/{}", "p".repeat(n - 1));
    for (i, path) in [
        "/run/a.sock".to_string(),
        "@abstract".into(),
        "@with space@nul".into(),
        "/tmp/has space.sock".into(),
        "/tmp/tab\tinside".into(),
        "/tmp/vtab\x0binside".into(),
        "/tmp/cr\r".into(),
        String::new(),
        long(107),
        long(300),
        long(4095),
        long(4096),
        long(5000),
        long(8100),
        long(9000),
        long(20000),
        "@".into(),
        "/".into(),
    ]
    .iter()
    .enumerate()
    {
        unix.extend(unix_line(2, 0x10000 * (i as u32 % 2), 1, 1 + 2 * (i as u32 % 2), 2000 + i as u64, path).bytes());
    }
    // Bytes above 0x7F print as they are.
    unix.extend(b"0000000000000000: 00000002 00000000 00000000 0001 03 2100 /tmp/\xff\xfe\x80caf\xc3\xa9\n");
    unix.extend(unix_line(2, 0, 5, 3, 123456789012, "/wide-inode").bytes());
    unix.extend(unix_line(2, 0, 5, 3, u64::MAX, "/widest-inode").bytes());
    let f = fixture("unix-paths", unix);
    assert_same_on(f.path(), UNIX_COMMANDS);
}

#[test]
fn unix_malformed_lines() {
    let mut unix = Vec::from(UNIX_HEADER);
    for line in [
        &b"garbage\n"[..],
        b"\n",
        b"0000000000000000:\n",
        b"0000000000000000: 00000002 00000000 00010000 0001\n",
        b"0: 1 0 0 1 1 5 /minimal\n",
        b"0x0: 0x2 0 0x10000 1 1 6 /hex-prefixes\n",
        b"-1: -1 0 -1 -1 -1 7 /negatives\n",
        b"0: ffffffffffffffffffff 0 0 1 1 8 /refcount-overflow\n",
        b"0: 1 0 0 1 1 99999999999999999999 /inode-overflow\n",
        b"0: 1 0 0 1 1 9 /nul\0after\n",
        b"0: 1\0 0 0 1 1 10 /nul-early\n",
        b"   0: 1 0 0 1 1 11 /leading-space\n",
        b"0 : 1 0 0 1 1 12 /space-before-colon\n",
        b"0:1 0 0 1 1 13 /no-space-after-colon\n",
        b"0: 1 0 0 1 1 14 /extra fields here\n",
        b"0: 1 0 0 1 1 15\t/tab-separated\n",
        b"0: 1 0 0 1 1 0x16 /inode-hex\n",
        b"0: 1 0 zz 1 1 17 /bad-flags\n",
        b"\xff\xfe\xfd\n",
        b"0: 1 0 0 1 1 18 /\xc3(\n",
        b"0:  +1 +0 +10000 +1 +1 +19 /plus-signs\n",
    ] {
        unix.extend(line);
    }
    // A line longer than net-tools' 8 KiB buffer is read in pieces; this one's second piece
    // happens to be a valid line of its own.
    let head = "0: 1 0 0 1 3 20 /";
    unix.extend(format!("{head}{}", "q".repeat(8191 - head.len())).bytes());
    unix.extend(b"0: 1 0 10000 1 1 21 /continued\n");
    unix.extend(format!("0: 1 0 0 1 3 22 /{}\n", "r".repeat(20000)).bytes());
    // The last line has no newline.
    unix.extend(b"0: 1 0 0 2 3 23 /last");
    let f = fixture("unix-malformed", unix);
    assert_same_on(f.path(), UNIX_COMMANDS);
}

#[test]
fn unix_header_without_inode_column() {
    let header = "Num       RefCount Protocol Flags    Type St Path\n";
    let body = [unix_line(2, 0x10000, 1, 1, 4242, "/listening"), unix_line(3, 0, 2, 3, 17, ""), unix_line(3, 0, 1, 3, 18, "/p")].concat();
    let f = fixture("unix-no-inode", format!("{header}{body}"));
    assert_same_on(f.path(), UNIX_COMMANDS);
    // Only the header line decides, wherever `Inode` is in it; a NUL hides what follows.
    f.file("net/unix", format!("XInodeX\n{body}"));
    assert_same_on(f.path(), &[&["-x"], &["-xa"]]);
    f.file("net/unix", format!("Num In\0ode\n{body}"));
    assert_same_on(f.path(), &[&["-x"], &["-xa"]]);
    f.file("net/unix", format!("\n{body}"));
    assert_same_on(f.path(), &[&["-x"], &["-xa"]]);
    f.file("net/unix", format!("{body}"));
    assert_same_on(f.path(), &[&["-x"], &["-xa"]]);
}

#[test]
fn unix_empty_files() {
    let f = fixture("unix-empty", "");
    assert_same_on(f.path(), &[&["-x"], &["-xa"], &[], &["-v"]]);
    f.file("net/unix", UNIX_HEADER);
    assert_same_on(f.path(), &[&["-x"], &["-xa"], &["-xl"], &[], &["-v"]]);
    f.file("net/unix", UNIX_HEADER.trim_end());
    assert_same_on(f.path(), &[&["-x"], &["-xa"]]);
}

#[test]
fn unix_missing_file() {
    let f = idle_fixture("unix-missing");
    std::fs::remove_file(f.path().join("net/unix")).unwrap();
    let commands: &[&[&str]] = &[
        &["-x"], &["-xa"], &["-xl"], &["-xv"], &["--unix"], &["-A", "unix"], &[], &["-a"], &["-v"],
        &["-av"], &["-lv"], &["-4x"], &["-6x"], &["-6xv"], &["-A", "inet,unix"], &["-4"], &["-x", "--ipx"],
        &["-xt"], &["-tx"], &["-xp"],
    ];
    assert_same_on(f.path(), commands);
    // Errors other than a missing file end the listing with status 255.
    f.link("net/unix", "unix");
    assert_same_on(f.path(), commands);
}

/// `-p` needs the process scan of programs.rs: PID directories in the same fixture tree.
#[test]
fn unix_programs() {
    let body = [
        unix_line(2, 0x10000, 1, 1, 4242, "/run/daemon.sock"),
        unix_line(3, 0, 1, 3, 4243, "@worker"),
        unix_line(3, 0, 2, 3, 4244, ""),
        unix_line(3, 0, 5, 3, 4245, "/run/long-name.sock"),
        unix_line(3, 0, 1, 3, 0, "/no-inode"),
    ]
    .concat();
    let f = fixture("unix-programs", format!("{UNIX_HEADER}{body}"));
    f.link("42/fd/3", "socket:[4242]").file("42/cmdline", "/usr/sbin/daemon\0--foreground\0");
    f.link("42/fd/4", "socket:[4243]");
    f.link("7/fd/0", "socket:[4244]").file("7/cmdline", "nginx: worker process\0");
    f.link("99999/fd/12", "socket:[4245]").file("99999/cmdline", "/opt/some-very-long-program-name\0");
    let commands: &[&[&str]] = &[&["-xp"], &["-xap"], &["-xlp"], &["-xpn"], &["-xpe"], &["-p"], &["-ap"], &["--unix", "--programs"]];
    assert_same_on(f.path(), commands);
    f.file("net/unix", format!("Num RefCount Protocol Flags Type St Path\n{body}"));
    assert_same_on(f.path(), commands);
}
