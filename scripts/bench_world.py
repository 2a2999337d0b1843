#!/usr/bin/env python3
"""Benchmark world: run inside fresh network and PID namespaces (scripts/bench does that).

Creates SOCKETS established TCP pairs (plus a listener per holder) spread over holder processes,
and PROCS idle processes without sockets, then times each netstat-like command on that same
workload and prints a Markdown table: median wall time over RUNS runs, ratio to our binary,
peak resident memory (VmHWM of the command's own address space, read at its exit under ptrace,
so that nothing of the launcher counts) and output size.
"""
import ctypes, os, resource, shlex, signal, socket, statistics, subprocess, sys, time

SOCKETS, PROCS, RUNS = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
COMMANDS = [line.split("\t") for line in sys.argv[4:]]  # "group\tlabel\tcommand"
PER_HOLDER = 8000

subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
resource.setrlimit(resource.RLIMIT_NOFILE, (20000, 20000))


def holder(n, port):
    """Holds n established pairs on one listening port, then sleeps until killed."""
    lst = socket.socket()
    lst.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lst.bind(("127.0.0.1", port))
    lst.listen(4096)
    keep = []
    for _ in range(n):
        c = socket.socket()
        c.connect(("127.0.0.1", port))
        s, _ = lst.accept()
        keep += [c, s]
    os.write(ready_w, b"x")
    while True:
        time.sleep(3600)


ready_r, ready_w = os.pipe()
children = []
left, port = SOCKETS, 20000
while left > 0:
    n = min(left, PER_HOLDER)
    pid = os.fork()
    if pid == 0:
        holder(n, port)
    children.append(pid)
    left -= n
    port += 1
for _ in children:
    os.read(ready_r, 1)
for _ in range(PROCS):
    pid = os.fork()
    if pid == 0:
        while True:
            time.sleep(3600)
    children.append(pid)


libc = ctypes.CDLL(None, use_errno=True)
PTRACE_TRACEME, PTRACE_CONT, PTRACE_SETOPTIONS = 0, 7, 0x4200
PTRACE_O_TRACEEXIT, PTRACE_EVENT_EXIT = 0x40, 6


def run_traced(argv):
    """Runs argv with stdout to a pipe; returns (output, VmHWM in KiB) read when it exits."""
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         preexec_fn=lambda: libc.ptrace(PTRACE_TRACEME, 0, None, None))
    os.waitpid(p.pid, 0)  # stopped by the exec
    libc.ptrace(PTRACE_SETOPTIONS, p.pid, None, PTRACE_O_TRACEEXIT)
    libc.ptrace(PTRACE_CONT, p.pid, None, None)
    out, hwm = bytearray(), 0
    os.set_blocking(p.stdout.fileno(), False)
    while True:
        try:
            out += os.read(p.stdout.fileno(), 1 << 20) or b""
        except BlockingIOError:
            pass
        pid, status = os.waitpid(p.pid, os.WNOHANG)
        if pid == 0:
            time.sleep(0.0005)
            continue
        if os.WIFSTOPPED(status) and status >> 16 == PTRACE_EVENT_EXIT:
            for line in open(f"/proc/{p.pid}/status"):
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
            libc.ptrace(PTRACE_CONT, p.pid, None, None)
        elif os.WIFSTOPPED(status):
            libc.ptrace(PTRACE_CONT, p.pid, None, os.WSTOPSIG(status))
        else:
            break
    os.set_blocking(p.stdout.fileno(), True)
    out += p.stdout.read()
    return bytes(out), hwm


def measure(cmd):
    """Median wall time of untraced runs, then one traced run for memory and output size."""
    argv, times = shlex.split(cmd), []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    out, hwm = run_traced(argv)
    return statistics.median(times), hwm, len(out)


rows = [(group, label, *measure(cmd)) for group, label, cmd in COMMANDS]
base = {}
for group, label, t, rss, size in rows:
    base.setdefault(group, t)  # the first row of each group is ours
lines = len(open("/proc/net/tcp").read().splitlines()) - 1
print(f"Workload: {lines} lines in /proc/net/tcp, {len(children)} extra processes, median of {RUNS} runs.\n")
print("| command | median ms | ratio to ours | VmHWM KiB | output bytes |")
print("|---|---:|---:|---:|---:|")
for group, label, t, rss, size in rows:
    ours = base[group]
    print(f"| `{label}` | {t * 1000:.1f} | {t / ours:.2f} | {rss} | {size} |")
for pid in children:
    os.kill(pid, 9)
