//! A live world: real sockets of every kind in fresh network, mount and PID namespaces, built by
//! `tests/world/build.py` (read its header for what is in it). Both netstats are run inside it with
//! `nsenter`, so they see the world's /proc, socket tables and private /etc name files.
//!
//! The world lives exactly as long as the `World` value: dropping it closes the builder's stdin,
//! the builder (PID 1 of the namespace) exits, and the kernel kills every process in the namespace,
//! which frees the sockets, the mounts and the network namespace. If the test process dies instead,
//! its end of the pipe closes all the same.
#![allow(dead_code)]

use crate::common::{clean_command, Run};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub struct World {
    /// `unshare`, whose child is the builder, PID 1 of the world.
    unshare: Child,
    /// Held open for as long as the world should live.
    keep_alive: Option<ChildStdin>,
    /// The builder's PID outside the namespace, for `nsenter -t`.
    pub pid: u32,
    /// An empty directory here; inside the world a tmpfs with the /etc files and unix socket paths.
    pub dir: PathBuf,
}

/// The real Python interpreter: a pyenv shim is a bash script that runs helper processes before it
/// execs Python, which would shift the PIDs of the world's socket holders.
fn python() -> String {
    let found = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    if found.is_empty() {
        "/usr/bin/python3".to_string()
    } else {
        found
    }
}

/// Removes the (empty) world directories of test processes that were killed before they could.
fn remove_stale_directories() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid = name.strip_prefix("netstat-world-").and_then(|rest| rest.split('-').next());
        if pid.is_some_and(|pid| !Path::new("/proc").join(pid).exists()) {
            let _ = std::fs::remove_dir(entry.path());
        }
    }
}

impl World {
    /// Builds the world and returns once its socket tables have stopped changing.
    pub fn start() -> World {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        remove_stale_directories();
        let dir = std::env::temp_dir().join(format!(
            "netstat-world-{}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir(&dir);
        std::fs::create_dir_all(&dir).expect("world directory");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/world/build.py");
        let mut c = clean_command("unshare");
        c.args(["--net", "--mount", "--pid", "--fork", "--kill-child"])
            .arg(python())
            .arg(script)
            .arg(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut unshare = c.spawn().expect("unshare runs");
        let keep_alive = unshare.stdin.take();
        let mut line = String::new();
        let _ = BufReader::new(unshare.stdout.take().unwrap()).read_line(&mut line);
        let pid = line.strip_prefix("ready ").and_then(|p| p.trim().parse().ok());
        let Some(pid) = pid else {
            let _ = unshare.kill();
            let _ = unshare.wait();
            let mut err = String::new();
            let _ = unshare.stderr.take().unwrap().read_to_string(&mut err);
            let _ = std::fs::remove_dir(&dir);
            panic!("the world builder failed (is this root, with unshare and ip?):\n{line}{err}");
        };
        World { unshare, keep_alive, pid, dir }
    }

    /// `program args` inside the world, with argv[0] `netstat` and the clean environment.
    /// `prefix` goes before the program (e.g. `timeout -s INT 1.7`).
    pub fn command(&self, prefix: &[&str], program: &Path, args: &[&str]) -> Command {
        let mut c = clean_command("nsenter");
        c.arg("-t").arg(self.pid.to_string()).args(["--net", "--mount", "--pid", "--"]);
        c.args(prefix).args(["bash", "-c", "exec -a netstat \"$0\" \"$@\""]).arg(program).args(args);
        c
    }

    pub fn run(&self, program: &Path, args: &[&str]) -> Run {
        self.command(&[], program, args).output().expect("nsenter runs").into()
    }
}

impl Drop for World {
    fn drop(&mut self) {
        // EOF on its stdin makes the builder exit, and the namespace dies with it.
        drop(self.keep_alive.take());
        let deadline = Instant::now() + Duration::from_secs(10);
        while matches!(self.unshare.try_wait(), Ok(None)) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        // `--kill-child` turns the death of unshare into SIGKILL for the builder.
        let _ = self.unshare.kill();
        let _ = self.unshare.wait();
        let _ = std::fs::remove_dir(&self.dir);
    }
}
