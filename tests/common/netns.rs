//! Network namespaces for the `-i` and `-g` tests, which read the kernel through ioctls as well
//! as through /proc: both netstats run in the same namespace, so they see the same interfaces.
//!
//! A namespace gets a silent partner namespace for the far ends of its veth pairs (this kernel
//! has no dummy driver). Private /etc files can be bind-mounted for both runs, and a fixture
//! /proc is shown to net-tools by a bind mount and to ours through PROC_ROOT, as in `mod.rs`.

use super::*;
use std::io::{BufRead, BufReader};
use std::process::Child;

pub struct Netns {
    pub name: String,
    peer: String,
    holders: Vec<Child>,
    /// How many veth pairs there are, to name their far ends.
    veths: std::cell::Cell<usize>,
    /// Files bind-mounted over /etc/<name> for every run.
    etc: Vec<(String, PathBuf)>,
    etc_dir: PathBuf,
}

fn must(mut c: Command) {
    let r: Run = c.output().expect("command runs").into();
    assert_eq!(r.status, 0, "{c:?} failed: {r:?}");
}

fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = clean_command(program);
    c.args(args);
    c
}

impl Netns {
    /// A new namespace with `lo` up and quiet defaults: no IPv6 router solicitations or
    /// duplicate address detection, no IGMP reports for link-local groups.
    pub fn new(tag: &str) -> Netns {
        let name = format!("nst-{tag}-{}", std::process::id());
        let peer = format!("{name}-far");
        let etc_dir = std::env::temp_dir().join(format!("{name}-etc"));
        let _ = std::fs::remove_dir_all(&etc_dir);
        std::fs::create_dir_all(&etc_dir).unwrap();
        for n in [&name, &peer] {
            let _ = run(cmd("ip", &["netns", "del", n]));
            must(cmd("ip", &["netns", "add", n]));
        }
        let ns = Netns { name, peer, holders: Vec::new(), veths: Default::default(), etc: Vec::new(), etc_dir };
        ns.sysctl(&ns.peer, &["net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1"]);
        ns.sysctl(
            &ns.name,
            &[
                "net.ipv4.igmp_link_local_mcast_reports=0",
                "net.ipv6.conf.all.router_solicitations=0",
                "net.ipv6.conf.default.router_solicitations=0",
                "net.ipv6.conf.all.dad_transmits=0",
                "net.ipv6.conf.default.dad_transmits=0",
            ],
        );
        ns.ip("link set lo up");
        ns
    }

    /// Sets sysctls (`key=value`) in namespace `ns`, through /proc/sys.
    fn sysctl(&self, ns: &str, settings: &[&str]) {
        let mut script = String::from("set -e;");
        for kv in settings {
            let (key, value) = kv.split_once('=').unwrap();
            script.push_str(&format!("echo {value} > /proc/sys/{};", key.replace('.', "/")));
        }
        must(cmd("ip", &["netns", "exec", ns, "sh", "-c", &script]));
    }

    /// `ip -n <ns> <args>`.
    pub fn ip(&self, args: &str) {
        let mut a = vec!["-n", self.name.as_str()];
        a.extend(args.split_whitespace());
        must(cmd("ip", &a));
    }

    /// A veth named `name` with a fixed MAC address; its far end lives in the partner
    /// namespace, up if `carrier`, so that `name` shows RUNNING when it is up.
    pub fn veth(&self, name: &str, mac: &str, carrier: bool) {
        let far = format!("far{}", self.veths.get());
        self.veths.set(self.veths.get() + 1);
        self.ip(&format!("link add {name} address {mac} type veth peer name {far} netns {}", self.peer));
        if carrier {
            must(cmd("ip", &["-n", &self.peer, "link", "set", &far, "up"]));
        }
    }

    /// Runs a program in the namespace.
    pub fn exec(&self, program: &str, args: &[&str]) {
        let mut a = vec!["netns", "exec", self.name.as_str(), program];
        a.extend_from_slice(args);
        must(cmd("ip", &a));
    }

    /// Starts a long-running helper in the namespace; it must print a line when it is ready,
    /// and it is killed when the namespace goes.
    pub fn hold(&mut self, program: &str, args: &[&str]) {
        let mut c = cmd("ip", &["netns", "exec", &self.name, program]);
        c.args(args).stdin(Stdio::piped()).stdout(Stdio::piped());
        let mut child = c.spawn().expect("helper starts");
        let mut ready = String::new();
        BufReader::new(child.stdout.as_mut().unwrap()).read_line(&mut ready).unwrap();
        assert!(!ready.is_empty(), "{program} {args:?} did not start");
        self.holders.push(child);
    }

    /// Shows `content` as /etc/<file> to both netstats.
    pub fn etc(&mut self, file: &str, content: &str) {
        let p = self.etc_dir.join(file);
        std::fs::write(&p, content).unwrap();
        self.etc.push((file.to_string(), p));
    }

    /// Waits until the kernel's view of the namespace stops changing (multicast reports and
    /// the like go out for a moment after interfaces come up).
    pub fn wait_quiet(&self) {
        let snapshot = || {
            let r = run(cmd("ip", &["netns", "exec", &self.name, "cat", "/proc/net/dev", "/proc/net/igmp", "/proc/net/igmp6", "/proc/net/if_inet6"]));
            // The igmp timers count down; only the rest matters.
            String::from_utf8_lossy(&r.stdout).lines().map(|l| l.split(" 0:").next().unwrap_or(l).to_string()).collect::<Vec<_>>()
        };
        let mut last = snapshot();
        let mut still = 0;
        for _ in 0..60 {
            std::thread::sleep(std::time::Duration::from_millis(500));
            let now = snapshot();
            still = if now == last { still + 1 } else { 0 };
            if still == 4 {
                return;
            }
            last = now;
        }
        panic!("namespace {} does not settle", self.name);
    }

    /// One run of net-tools (`oracle`) or of ours, in the namespace, with the private /etc
    /// files, on the real /proc or on a fixture tree, stopped after `seconds` if given.
    pub fn run(&self, oracle: bool, proc_dir: Option<&Path>, seconds: Option<&str>, args: &[&str]) -> Run {
        let mut script = String::new();
        for (file, _) in &self.etc {
            script.push_str(&format!("mount --bind \"$ETC_DIR/{file}\" /etc/{file} && "));
        }
        if oracle && proc_dir.is_some() {
            script.push_str("mount --bind \"$PROC_DIR\" /proc && ");
        }
        script.push_str("exec \"$@\"");
        let mut c = cmd("ip", &["netns", "exec", &self.name, "unshare", "-m", "--propagation", "private", "bash", "-c", &script, "bash"]);
        c.env("ETC_DIR", &self.etc_dir);
        if let Some(d) = proc_dir {
            c.env("PROC_DIR", d);
            if !oracle {
                c.env("PROC_ROOT", d);
            }
        }
        if let Some(s) = seconds {
            c.args(["timeout", s]);
        }
        let binary = if oracle { PathBuf::from(ORACLE) } else { ours() };
        // argv[0] `netstat`, as in the other tests.
        c.args(["bash", "-c", "exec -a netstat \"$0\" \"$@\""]).arg(binary).args(args);
        run(c)
    }

    /// None when both netstats give the same stdout, stderr and status; else the difference.
    /// Control bytes that net-tools prints raw are compared as the `?` we print (decisions.md).
    pub fn differs(&self, proc_dir: Option<&Path>, seconds: Option<&str>, args: &[&str]) -> Option<String> {
        let mut want = self.run(true, proc_dir, seconds, args);
        for b in want.stdout.iter_mut().chain(want.stderr.iter_mut()) {
            if (*b < 0x20 && *b != b'\n') || *b == 0x7f {
                *b = b'?';
            }
        }
        let got = self.run(false, proc_dir, seconds, args);
        (want != got).then(|| format!("netstat {}\n=== net-tools ===\n{:?}=== ours ===\n{:?}", args.join(" "), want, got))
    }

    /// Asserts that every command line gives the same result from both netstats.
    pub fn assert_same(&self, proc_dir: Option<&Path>, command_lines: &[&[&str]]) {
        self.assert_same_for(proc_dir, None, command_lines)
    }

    /// As `assert_same`, each run stopped after `seconds` (for `-c`).
    pub fn assert_same_for(&self, proc_dir: Option<&Path>, seconds: Option<&str>, command_lines: &[&[&str]]) {
        let failures: Vec<String> = command_lines.iter().filter_map(|args| self.differs(proc_dir, seconds, args)).collect();
        assert!(failures.is_empty(), "{} of {} command lines differ:\n{}", failures.len(), command_lines.len(), failures.join("\n"));
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        for h in &mut self.holders {
            let _ = h.kill();
            let _ = h.wait();
        }
        for n in [&self.name, &self.peer] {
            let _ = run(cmd("ip", &["netns", "del", n]));
        }
        let _ = std::fs::remove_dir_all(&self.etc_dir);
    }
}
