//! Shared test machinery: run our netstat and net-tools' `/usr/bin/netstat` on the same input
//! and compare stdout, stderr and exit status byte for byte.
//!
//! Fixture trees are whole fake /proc directories (`net/tcp`, `123/fd/4 -> socket:[99]`, …).
//! Our binary reads them through `PROC_ROOT`; net-tools sees them when the tree is bind-mounted
//! over /proc in a private mount namespace (`unshare -m`), which the kernel allows to root.
#![allow(dead_code)]

pub mod iface_world;
pub mod netns;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const ORACLE: &str = "/usr/bin/netstat";

/// The default (no-libc) build under test.
pub fn ours() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_netstat"))
}

/// The std build, if it was built (scripts/test builds it into target/std).
pub fn ours_std() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/std/release/netstat");
    p.exists().then_some(p)
}

/// stdout, stderr and exit status of one run.
#[derive(PartialEq, Eq, Clone)]
pub struct Run {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub status: i32,
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(
            f,
            "status {}\n--- stdout ---\n{}--- stderr ---\n{}",
            self.status,
            String::from_utf8_lossy(&self.stdout),
            String::from_utf8_lossy(&self.stderr)
        )
    }
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        use std::os::unix::process::ExitStatusExt;
        let status = o.status.code().unwrap_or_else(|| 128 + o.status.signal().unwrap_or(0));
        Run { stdout: o.stdout, stderr: o.stderr, status }
    }
}

/// A command with the environment both netstats get: C locale, nothing else inherited that
/// could change their output.
pub fn clean_command(program: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut c = Command::new(program);
    c.env_clear().env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").env("LC_ALL", "C");
    c.stdin(Stdio::null());
    c
}

pub fn run(mut c: Command) -> Run {
    c.output().expect("command runs").into()
}

/// Runs `binary args` with `argv0` as its argv[0]; arguments may be any bytes.
pub fn run_argv0<A: AsRef<std::ffi::OsStr>>(binary: &Path, argv0: impl AsRef<std::ffi::OsStr>, args: &[A], envs: &[(&str, &str)]) -> Run {
    use std::os::unix::process::CommandExt;
    let mut c = clean_command(binary);
    c.arg0(argv0).args(args).envs(envs.iter().copied());
    run(c)
}

/// Our binary on a fixture tree.
pub fn ours_on(binary: &Path, proc_dir: &Path, args: &[&str]) -> Run {
    use std::os::unix::process::CommandExt;
    let mut c = clean_command(binary);
    c.arg0("netstat").args(args).env("PROC_ROOT", proc_dir);
    run(c)
}

/// net-tools on a fixture tree, bind-mounted over /proc in a private mount namespace.
pub fn oracle_on(proc_dir: &Path, args: &[&str]) -> Run {
    let mut c = clean_command("unshare");
    c.args(["-m", "--propagation", "private", "bash", "-c", "mount --bind \"$0\" /proc && exec -a netstat /usr/bin/netstat \"$@\""]);
    c.arg(proc_dir).args(args);
    run(c)
}

/// Compares our binary with net-tools on a fixture tree; returns a description of the
/// difference, or None when they agree byte for byte.
pub fn differs_on(proc_dir: &Path, args: &[&str]) -> Option<String> {
    let want = oracle_on(proc_dir, args);
    let got = ours_on(&ours(), proc_dir, args);
    (want != got).then(|| format!("netstat {}\n=== net-tools ===\n{:?}=== ours ===\n{:?}", args.join(" "), want, got))
}

/// Asserts that every command line gives the same result from both netstats on the tree.
pub fn assert_same_on(proc_dir: &Path, command_lines: &[&[&str]]) {
    let failures: Vec<String> = command_lines.iter().filter_map(|args| differs_on(proc_dir, args)).collect();
    assert!(failures.is_empty(), "{} of {} command lines differ:\n{}", failures.len(), command_lines.len(), failures.join("\n"));
}

/// A fake /proc tree in a fresh temporary directory, removed on drop.
pub struct Fixture {
    pub root: PathBuf,
}

impl Fixture {
    pub fn new(name: &str) -> Fixture {
        let root = std::env::temp_dir().join(format!("netstat-fixture-{}-{}", name, std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("net")).unwrap();
        Fixture { root }
    }

    /// Writes `rel` (e.g. `net/tcp`) with `content`.
    pub fn file(&self, rel: &str, content: impl AsRef<[u8]>) -> &Self {
        let p = self.root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
        self
    }

    /// Makes a symbolic link `rel` pointing at `target` (e.g. `123/fd/4` -> `socket:[99]`).
    pub fn link(&self, rel: &str, target: &str) -> &Self {
        let p = self.root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        let _ = std::fs::remove_file(&p);
        std::os::unix::fs::symlink(target, p).unwrap();
        self
    }

    /// Makes an empty directory `rel`.
    pub fn dir(&self, rel: &str) -> &Self {
        std::fs::create_dir_all(self.root.join(rel)).unwrap();
        self
    }

    pub fn path(&self) -> &Path {
        &self.root
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// The header lines every socket table file starts with, as the kernel writes them.
pub const TCP_HEADER: &str = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
pub const UDP_HEADER: &str = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n";
pub const UNIX_HEADER: &str = "Num       RefCount Protocol Flags    Type St Inode Path\n";

// ------------------------------------------------------------------------------------------
// Appended for the Internet socket tables: runs with private /etc files, and as another user.
// ------------------------------------------------------------------------------------------

/// How a run in a private mount namespace is set up.
#[derive(Clone, Copy, Default)]
pub struct Namespace<'a> {
    /// A directory whose files are bind-mounted over the files of the same names in /etc
    /// (hosts, services, protocols, networks, passwd, nsswitch.conf: each must exist in /etc).
    pub etc: Option<&'a Path>,
    /// Drop to this uid and gid (setpriv, no supplementary groups) before running netstat.
    pub user: Option<u32>,
}

/// Runs `program args` in a private mount namespace set up as `ns` says; with `proc_dir`,
/// that tree is mounted over /proc too (net-tools), else given as PROC_ROOT (ours).
fn run_in_namespace(program: &Path, proc_dir: &Path, mount_proc: bool, ns: Namespace, args: &[&str]) -> Run {
    let script = r#"
        set -e
        if [ -n "$NS_ETC" ]; then
            for f in "$NS_ETC"/*; do mount --bind "$f" "/etc/${f##*/}"; done
        fi
        program=$0
        if [ -n "$NS_PROC" ]; then mount --bind "$NS_PROC" /proc; fi
        if [ -n "$NS_USER" ]; then
            exec setpriv --reuid="$NS_USER" --regid="$NS_USER" --clear-groups "$program" "$@"
        fi
        exec -a netstat "$program" "$@"
    "#;
    let mut c = clean_command("unshare");
    c.args(["-m", "--propagation", "private", "bash", "-c", script]).arg(program).args(args);
    c.env("NS_ETC", ns.etc.map(|p| p.as_os_str()).unwrap_or_default());
    c.env("NS_USER", ns.user.map(|u| u.to_string()).unwrap_or_default());
    if mount_proc {
        c.env("NS_PROC", proc_dir);
    } else {
        c.env("PROC_ROOT", proc_dir);
    }
    run(c)
}

/// Asserts that both netstats agree on every command line, each run as `ns` says.
pub fn assert_same_in(proc_dir: &Path, ns: Namespace, command_lines: &[&[&str]]) {
    let failures: Vec<String> = command_lines
        .iter()
        .filter_map(|args| {
            let want = run_in_namespace(Path::new(ORACLE), proc_dir, true, ns, args);
            let got = run_in_namespace(&ours(), proc_dir, false, ns, args);
            (want != got).then(|| format!("netstat {}\n=== net-tools ===\n{:?}=== ours ===\n{:?}", args.join(" "), want, got))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} command lines differ:\n{}", failures.len(), command_lines.len(), failures.join("\n"));
}

/// Private /etc files for `Namespace::etc`: name lookups see only what the test writes, and no
/// DNS (nsswitch.conf says `files` everywhere unless the test writes its own).
pub fn private_etc(name: &str, files: &[(&str, &str)]) -> Fixture {
    let f = Fixture::new(&format!("etc-{name}"));
    let _ = std::fs::remove_dir(f.root.join("net"));
    let defaults = [
        ("hosts", ""),
        ("services", ""),
        ("protocols", ""),
        ("networks", ""),
        ("passwd", ""),
        ("nsswitch.conf", "passwd: files\ngroup: files\nhosts: files\nnetworks: files\nprotocols: files\nservices: files\n"),
    ];
    for (file, content) in defaults.iter().chain(files) {
        f.file(file, content);
    }
    f
}

/// A fixture with the socket tables of an idle network namespace: the Internet tables with
/// their headers only and an empty UNIX table. Tests add the files they are about.
pub fn idle_fixture(name: &str) -> Fixture {
    let f = Fixture::new(name);
    for name in ["tcp", "tcp6"] {
        f.file(&format!("net/{name}"), TCP_HEADER);
    }
    for name in ["udp", "udp6", "udplite", "udplite6", "raw", "raw6"] {
        f.file(&format!("net/{name}"), UDP_HEADER);
    }
    f.file("net/unix", UNIX_HEADER);
    f
}
