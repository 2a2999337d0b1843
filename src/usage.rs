//! `-V`, `-h` and usage errors, as net-tools 2.10 prints them.

use crate::out::{err_bytes, Out};
use crate::text::Packed;

/// Prints a text to `out`, or without one to stderr.
fn print(text: Packed, out: Option<&mut Out>) {
    let mut unpacked = heapless::Vec::<u8, 2048>::new();
    text.unpack_into(&mut unpacked);
    match out {
        Some(out) => out.bytes(&unpacked),
        None => err_bytes(&unpacked),
    }
}

fn usage() -> Packed {
    t!("\
usage: netstat [-vWeenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}
       netstat [-vWnNcaeol] [<Socket> ...]
       netstat { [-vWeenNac] -i | [-cnNe] -M | -s [-6tuw] }

        -r, --route              display routing table
        -i, --interfaces         display interface table
        -g, --groups             display multicast group memberships
        -s, --statistics         display networking statistics (like SNMP)
        -M, --masquerade         display masqueraded connections

        -v, --verbose            be verbose
        -W, --wide               don't truncate IP addresses
        -n, --numeric            don't resolve names
        --numeric-hosts          don't resolve host names
        --numeric-ports          don't resolve port names
        --numeric-users          don't resolve user names
        -N, --symbolic           resolve hardware names
        -e, --extend             display other/more information
        -p, --programs           display PID/Program name for sockets
        -o, --timers             display timers
        -c, --continuous         continuous listing

        -l, --listening          display listening server sockets
        -a, --all                display all sockets (default: connected)
        -F, --fib                display Forwarding Information Base (default)
        -C, --cache              display routing cache instead of FIB
        -Z, --context            display SELinux security context for sockets

  <Socket>={-t|--tcp} {-u|--udp} {-U|--udplite} {-S|--sctp} {-w|--raw}
           {-x|--unix} --ax25 --ipx --netrom
  <AF>=Use '-6|-4' or '-A <af>' or '--<af>'; default: inet
  List of possible address families (which support routing):
")
}

/// The routable families; net-tools always writes this list to stderr, even for `-h`.
fn families() -> Packed {
    t!("    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) \n    \
netrom (AMPR NET/ROM) rose (AMPR ROSE) ipx (Novell IPX) \n    ddp (Appletalk DDP) x25 (CCITT X.25) \n")
}

/// `-h`: usage on stdout, the family list on stderr.
pub fn help(out: &mut Out) {
    print(usage(), Some(out));
    print(families(), None);
}

/// A usage error: everything on stderr; returns the exit status 3.
pub fn error() -> i32 {
    print(usage(), None);
    print(families(), None);
    3
}

pub fn version(out: &mut Out) {
    print(t!("\
net-tools 2.10
Fred Baumgarten, Alan Cox, Bernd Eckenfels, Phil Blundell, Tuan Hoang, Brian Micek and others
+NEW_ADDRT +RTF_IRTT +RTF_REJECT +FW_MASQUERADE +I18N +SELINUX
AF: (inet) +UNIX +INET +INET6 +IPX +AX25 +NETROM +X25 +ATALK +ECONET +ROSE -BLUETOOTH
HW:  +ETHER +ARC +SLIP +PPP +TUNNEL -TR +AX25 +NETROM +X25 +FR +ROSE +ASH +SIT +FDDI +HIPPI +HDLC/LAPB +EUI64 
"), Some(out));
}
