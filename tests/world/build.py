"""Builds the live socket world that tests/live.rs compares both netstats in.

Run as the first process of fresh namespaces, with a fresh empty directory DIR:

    unshare -n -m -p --fork --kill-child PYTHON tests/world/build.py DIR

It then
  * mounts a new /proc (for this PID namespace) and a tmpfs on DIR;
  * writes private /etc name files into DIR/etc and bind-mounts them over /etc;
  * brings lo up with extra addresses and an unreachable default route, so nothing can leave;
  * creates every kind of socket, idle and in a fixed order, with fixed ports;
  * hands them to holder processes started in a fixed order (so their PIDs are the same on every run):
    each holder is /bin/sleep exec'd with a distinctive argv[0], keeping only its own sockets;
  * waits until the /proc/net socket tables stop changing;
  * prints `ready <PID of this process outside the namespace>` and waits until its stdin is closed,
    then exits, which makes the kernel kill every process in the namespace.

Everything is gone when this process dies: the namespaces, the mounts and the sockets. The world holds
bytes 0x01 and 0x1B (ESC) in a program name, a user name, a host name, a service name and a unix path,
which net-tools 2.10 prints raw and our netstat prints as `?` (decisions.md); tests/live.rs applies that
escaping to net-tools' output before comparing.
"""
import ctypes
import os
import shutil
import signal
import socket
import sys
import time

ESC = "\x1b"

# Holder processes in start order: argv[0] and uid. Sockets of a non-root holder are created with
# that uid as the effective uid, so the kernel records it as the socket's owner (the -e User column).
HOLDERS = [
    ("/usr/sbin/worldd", 0),  # a path: -p shows the part after the last '/'
    ("nginx: worker process", 0),  # spaces: -p keeps the whole argv[0], then cuts at 19 bytes
    ("/usr/local/bin/some-long-daemon-name-that-goes-on-and-on", 0),
    ("./rel/prog", 0),  # relative: shown whole
    ("userd", 1000),
    ("longuserd", 4242),
    ("nobodyd", 31337),  # no passwd entry: -e prints the number
    ("ctl" + ESC + "[7mname\x01", 2000),  # control bytes
    ("/", 0),  # nothing after the last '/': empty name
    ("sharer", 0),  # holds a copy of a socket that worldd holds too: the lower PID wins
]
WORLDD, NGINX, LONGD, REL, USERD, LONGUSERD, NOBODYD, CTLD, SLASH, SHARER = range(len(HOLDERS))

PASSWD = f"""root:x:0:0:root:/root:/bin/sh
alice:x:1000:1000::/home/alice:/bin/sh
ctl{ESC}user:x:2000:2000::/:/bin/sh
averylongusername42:x:4242:4242::/:/bin/sh
"""

HOSTS = f"""127.0.0.1\tlocalhost
127.0.0.2\taveryveryverylonghostname.example.org
192.0.2.10\tmyhost.example.org myhost
198.51.100.7\tctl{ESC}host.example.org
::1\tip6-localhost ip6-loopback
2001:db8::10\tv6host.example.org
"""

# The last entry for a port wins in net-tools (it prepends while reading), so 5555 is `secondname`.
SERVICES = f"""ssh\t\t22/tcp
domain\t\t53/udp
http\t\t80/tcp\t\twww
ntp\t\t123/udp
snmp\t\t161/udp
https\t\t443/tcp
averylongservicename-for-truncation\t4444/tcp
firstname\t5555/tcp
secondname\t5555/tcp
mdns\t\t5353/udp
worldweb\t8080/tcp
worldudp\t8080/udp
ctl{ESC}svc\t9090/tcp
myraw\t\t253/raw
"""

PROTOCOLS = """ip\t0\tIP
icmp\t1\tICMP
tcp\t6\tTCP
udp\t17\tUDP
ipv6-icmp\t58\tIPv6-ICMP
sctp\t132\tSCTP
udplite\t136\tUDPLite
"""

NSSWITCH = """passwd:\tfiles
group:\tfiles
shadow:\tfiles
hosts:\tfiles
networks:\tfiles
protocols:\tfiles
services:\tfiles
"""

# Nothing listens on 127.0.0.1:53, so a lookup that reaches DNS fails at once instead of leaving.
RESOLV = "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n"

ETC = {
    "passwd": PASSWD,
    "hosts": HOSTS,
    "services": SERVICES,
    "protocols": PROTOCOLS,
    "networks": "loopnet\t127.0.0.0\n",
    "nsswitch.conf": NSSWITCH,
    "resolv.conf": RESOLV,
}

LONG_V6 = "2001:db8:1234:5678:9abc:def0:1234:5678"
NETWORK = f"""link set lo up
address add 127.0.0.2/8 dev lo
address add 192.0.2.10/32 dev lo
address add 198.51.100.7/32 dev lo
address add 2001:db8::10/128 dev lo nodad
address add {LONG_V6}/128 dev lo nodad
route add unreachable default
route add unreachable ::/0
"""

SOCKET_TABLES = ["tcp", "tcp6", "udp", "udp6", "udplite", "udplite6", "raw", "raw6", "unix", "icmp"]

libc = ctypes.CDLL(None, use_errno=True)
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_BIND = 2, 4, 8, 4096


def mount(source, target, fstype, flags, data=None):
    if libc.mount(source.encode(), target.encode(), fstype.encode() if fstype else None, flags,
                  data.encode() if data else None) != 0:
        e = ctypes.get_errno()
        raise OSError(e, f"mount {source} on {target}: {os.strerror(e)}")


def host_pid():
    """Our PID as the parent namespace sees it, read before the new /proc hides it."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("NSpid:"):
                return int(line.split()[1])
    raise RuntimeError("no NSpid in /proc/self/status")


def private_etc(d):
    os.mkdir(f"{d}/etc")
    for name, text in ETC.items():
        with open(f"{d}/etc/{name}", "w") as f:
            f.write(text)
        mount(f"{d}/etc/{name}", f"/etc/{name}", None, MS_BIND)


def network():
    import subprocess
    subprocess.run(["ip", "-batch", "-"], input=NETWORK.encode(), check=True)
    # Ping sockets (/proc/net/icmp, which netstat does not read) are allowed for gid 0.
    with open("/proc/sys/net/ipv4/ping_group_range", "w") as f:
        f.write("0 0")
    # IPv6 addresses cannot be bound while tentative (0x40); `nodad` should spare us the wait.
    # The kernel clears that flag a moment before it adds the address's local route, and until
    # then a connect to the address meets the unreachable default route.
    for _ in range(200):
        with open("/proc/net/if_inet6") as f:
            flags = [int(line.split()[4], 16) for line in f]
        if len(flags) == 3 and not any(f & 0x40 for f in flags) and all(map(routed, ["::1", "2001:db8::10", LONG_V6])):
            return
        time.sleep(0.01)
    raise RuntimeError("the IPv6 addresses stay tentative or unrouted")


def routed(addr):
    """Whether a connect to `addr` finds a route (a UDP connect sends nothing)."""
    with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as s:
        try:
            s.connect((addr, 9))
            return True
        except OSError:
            return False


class World:
    def __init__(self, d):
        self.dir = d
        self.held = []  # (holder index, socket object), in creation order

    def own(self, holder, s):
        self.held.append((holder, s))
        return s

    def as_user(self, holder):
        """Creates the following sockets with the uid of `holder` (until as_root)."""
        uid = HOLDERS[holder][1]
        os.setegid(uid)
        os.seteuid(uid)

    def as_root(self):
        os.seteuid(0)
        os.setegid(0)

    # --- TCP ---------------------------------------------------------------------------------------
    def tcp_socket(self, addr, port, v6only=None):
        family = socket.AF_INET6 if ":" in addr else socket.AF_INET
        s = socket.socket(family, socket.SOCK_STREAM)
        if v6only is not None:
            s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, v6only)
        s.bind((addr, port))
        return s

    def listener(self, holder, addr, port, backlog=8, v6only=None):
        s = self.tcp_socket(addr, port, v6only)
        s.listen(backlog)
        return self.own(holder, s)

    def connection(self, client_holder, server_holder, listener, addr, port, to=None, accept=True):
        """A connection from addr:port to `listener` (at `to`, when it listens on a wildcard or
        the client is IPv4); the accepted end goes to server_holder."""
        c = self.own(client_holder, self.tcp_socket(addr, port))
        c.connect(to or listener.getsockname()[:2])
        if not accept:
            return c, None
        s, _ = listener.accept()
        return c, self.own(server_holder, s)

    # --- UDP, UDP-Lite, raw -------------------------------------------------------------------------
    def datagram(self, holder, addr, port, connect=None, proto=0, kind=socket.SOCK_DGRAM):
        family = socket.AF_INET6 if ":" in addr else socket.AF_INET
        s = socket.socket(family, kind, proto)
        s.bind((addr, port))
        if connect:
            s.connect(connect)
        return self.own(holder, s)

    def raw(self, holder, family, proto, bind=None, connect=None):
        s = socket.socket(family, socket.SOCK_RAW, proto)
        if bind:
            s.bind((bind, 0))
        if connect:
            s.connect((connect, 0))
        return self.own(holder, s)

    # --- UNIX ----------------------------------------------------------------------------------------
    def unix(self, holder, kind, name=None, listen=False, connect=None):
        s = socket.socket(socket.AF_UNIX, kind)
        if name is not None:
            s.bind(name)
        if listen:
            s.listen(8)
        if connect is not None:
            s.connect(connect)
        return self.own(holder, s)

    def unix_pair(self, holder_a, holder_b, kind):
        a, b = socket.socketpair(socket.AF_UNIX, kind)
        return self.own(holder_a, a), self.own(holder_b, b)


def build_sockets(w):
    STREAM, DGRAM, SEQPACKET = socket.SOCK_STREAM, socket.SOCK_DGRAM, socket.SOCK_SEQPACKET
    V4, V6 = socket.AF_INET, socket.AF_INET6
    udplite = socket.IPPROTO_UDPLITE if hasattr(socket, "IPPROTO_UDPLITE") else 136

    # TCP listeners: wildcard, loopback, named and unnamed hosts, long names, long service names.
    ssh = w.listener(WORLDD, "0.0.0.0", 22)
    web = w.listener(WORLDD, "127.0.0.1", 8080)
    w.listener(NGINX, "192.0.2.10", 4444)  # myhost.example.org + a service name longer than 18
    w.listener(NGINX, "127.0.0.2", 5555)  # a host name longer than the column
    w.listener(NGINX, "198.51.100.7", 9090)  # control bytes in both host and service names
    dual = w.listener(LONGD, "::", 80, v6only=0)  # IPv4 clients appear as ::ffff:a.b.c.d
    w.listener(LONGD, "::", 443, v6only=1)
    v6 = w.listener(LONGD, "::1", 6000)
    w.listener(REL, "2001:db8::10", 6001)  # v6host.example.org
    longv6 = w.listener(REL, LONG_V6, 6002)
    w.listener(REL, "::ffff:127.0.0.1", 6003)  # IPv4-mapped listener
    pending = w.listener(REL, "127.0.0.1", 7000, backlog=3)

    # Idle established pairs.
    w.connection(WORLDD, WORLDD, web, "127.0.0.1", 40001)
    w.connection(NGINX, LONGD, dual, "127.0.0.1", 40002, to=("127.0.0.1", 80))  # mapped on the server side
    w.connection(LONGD, LONGD, v6, "::1", 40003)
    w.connection(REL, REL, longv6, "2001:db8::10", 40004)  # long IPv6 foreign address
    w.connection(WORLDD, NGINX, ssh, "192.0.2.10", 40005, to=("192.0.2.10", 22))
    # Unread data, both directions.
    c, s = w.connection(NGINX, NGINX, web, "127.0.0.1", 40006)
    c.sendall(b"x" * 1000)
    s.sendall(b"y" * 77)
    # Half-closed: the client is in FIN_WAIT2, the server in CLOSE_WAIT.
    c, _ = w.connection(WORLDD, LONGD, ssh, "127.0.0.1", 40007, to=("127.0.0.1", 22))
    c.shutdown(socket.SHUT_WR)
    # A connection still in the listen queue: the server side has no inode (no -p, inode 0).
    w.connection(REL, None, pending, "127.0.0.1", 40008, accept=False)

    # Sockets owned by other users (the -e User column).
    w.as_user(USERD)
    users_l = w.listener(USERD, "127.0.0.1", 8081)
    w.connection(USERD, USERD, users_l, "127.0.0.1", 40009)
    w.datagram(USERD, "127.0.0.1", 8080)
    w.unix(USERD, STREAM, f"{w.dir}/u/userd.sock", listen=True)
    w.as_root()
    w.as_user(LONGUSERD)
    w.listener(LONGUSERD, "0.0.0.0", 8082)
    w.datagram(LONGUSERD, "::", 8083)
    w.as_root()
    w.as_user(NOBODYD)
    w.listener(NOBODYD, "::1", 8084)
    w.as_root()
    w.as_user(CTLD)
    w.listener(CTLD, "127.0.0.1", 8085)
    w.unix(CTLD, DGRAM, f"{w.dir}/u/ctl{ESC}path.sock")
    w.as_root()

    # UDP: bound, connected, both families, and a datagram nobody reads.
    w.datagram(WORLDD, "0.0.0.0", 53)
    w.datagram(WORLDD, "127.0.0.1", 5353, connect=("127.0.0.1", 123))
    w.datagram(NGINX, "::", 161)
    w.datagram(NGINX, "::1", 7001, connect=("::1", 7002))
    w.datagram(NGINX, "::ffff:127.0.0.1", 7003)  # mapped
    sink = w.datagram(LONGD, "127.0.0.1", 9999)
    w.datagram(LONGD, "192.0.2.10", 9998).sendto(b"unread", sink.getsockname())
    w.datagram(REL, LONG_V6, 7004, connect=("2001:db8::10", 7005))
    # UDP-Lite.
    w.datagram(REL, "127.0.0.1", 7777, proto=udplite)
    w.datagram(REL, "::1", 7778, connect=("::1", 7779), proto=udplite)
    # Raw: ICMP, ICMPv6, a connected one, a protocol named only in /etc/services (raw list).
    w.raw(SLASH, V4, socket.IPPROTO_ICMP)
    w.raw(SLASH, V6, socket.IPPROTO_ICMPV6)
    w.raw(SLASH, V4, 253, bind="127.0.0.1", connect="127.0.0.1")
    w.raw(SLASH, V6, 132, bind="::1")
    # A ping socket: /proc/net/icmp, which netstat never reads.
    w.own(SLASH, socket.socket(V4, socket.SOCK_DGRAM, socket.IPPROTO_ICMP))

    # UNIX: every type, listening and connected, paths with a space, a long path, abstract names.
    u = f"{w.dir}/u"
    longpath = f"{u}/" + "l" * (100 - len(u) - 1 - len(".sock")) + ".sock"
    assert len(longpath) == 100, longpath
    stream = w.unix(WORLDD, STREAM, f"{u}/stream.sock", listen=True)
    w.unix(NGINX, STREAM, connect=f"{u}/stream.sock")
    acc, _ = stream.accept()
    w.own(WORLDD, acc)
    w.unix(NGINX, STREAM, connect=f"{u}/stream.sock")  # left in the listen queue
    w.unix(LONGD, STREAM, f"{u}/has space.sock", listen=True)
    w.unix(LONGD, STREAM, f"{u}/tab\there.sock", listen=True)
    w.unix(LONGD, SEQPACKET, longpath, listen=True)
    w.unix(REL, STREAM, "\0world-abstract", listen=True)
    w.unix(REL, DGRAM, "\0with space")
    w.unix(REL, DGRAM, "\0nul\0inside")
    w.unix(REL, DGRAM, "")  # autobind: the kernel picks an abstract name like @0001a
    dgram = f"{u}/dgram.sock"
    w.unix(REL, DGRAM, dgram)
    w.unix(SLASH, DGRAM, connect=dgram)  # unnamed, connected
    w.unix(SLASH, DGRAM)  # unnamed, unconnected
    w.unix_pair(SLASH, SLASH, STREAM)
    w.unix_pair(SLASH, WORLDD, SEQPACKET)
    w.unix_pair(NGINX, NGINX, DGRAM)
    # The same socket in two processes: worldd comes first in /proc, so it is named.
    shared = w.unix(WORLDD, SEQPACKET, f"{u}/shared.sock", listen=True)
    w.own(SHARER, shared)
    w.own(SHARER, web)


def start_holders(w):
    sleep = shutil.which("sleep")
    devnull = os.open("/dev/null", os.O_RDWR)
    for index, (argv0, uid) in enumerate(HOLDERS):
        fds = [s.fileno() for h, s in w.held if h == index]
        pid = os.fork()
        if pid == 0:
            try:
                for fd in fds:
                    os.set_inheritable(fd, True)
                for std in (0, 1, 2):
                    os.dup2(devnull, std)
                os.setgid(uid)
                os.setuid(uid)
                os.execv(sleep, [argv0, "infinity"])
            finally:
                os._exit(127)
    os.close(devnull)
    for _, s in w.held:
        s.close()


def wait_until_still(settle=0.6, limit=30.0):
    """Returns once the socket tables have read the same for `settle` seconds."""
    def snapshot():
        parts = []
        for name in SOCKET_TABLES:
            with open(f"/proc/net/{name}", "rb") as f:
                parts.append(f.read())
        return parts

    start = time.monotonic()
    last, since = None, start
    while True:
        now = time.monotonic()
        current = snapshot()
        if current != last:
            last, since = current, now
        elif now - since >= settle:
            return
        if now - start > limit:
            raise RuntimeError("the socket tables kept changing")
        time.sleep(0.05)


def main():
    d = sys.argv[1]
    outside_pid = host_pid()
    mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    mount("tmpfs", d, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755")
    os.mkdir(f"{d}/u")
    os.chmod(f"{d}/u", 0o1777)
    private_etc(d)
    network()
    w = World(d)
    build_sockets(w)
    start_holders(w)
    # Children that outlive a `nsenter` parent are re-parented to us: reap them automatically.
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    wait_until_still()
    print("ready", outside_pid, flush=True)
    sys.stdin.buffer.read()


if __name__ == "__main__":
    main()
