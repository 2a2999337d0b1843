//! The whole command line: one table of command lines, each run by net-tools, by our default
//! (no-libc) build and by our std build (lexopt), compared on stdout, stderr and exit status.
//!
//! Every run happens inside one empty network namespace, so the socket tables show their
//! headers only and /proc/net/unix is empty: what differs is the command line's doing.
//!
//! Arguments in the table are text with two escapes, for what a Rust string cannot hold or
//! should not spell out: `\xNN` is the byte NN, and `{N*text}` is `text` repeated N times.
//!
//! A line marked `pending` reaches a part of our netstat that does not exist yet (a mode, which
//! says `netstat: -r is not implemented yet`, or a socket table still being written). While that
//! part is in `PENDING`, the line compares our two builds with each other only, and it must still
//! differ from net-tools, so that a mark left behind after the part is finished is noticed. Drop
//! the part from `PENDING` when it is done, and its lines are compared with net-tools.
//!
//! No line may run for ever: `-c` appears only where the program ends before it lists anything.

mod common;
use common::*;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};

/// The parts a line can be marked with: modes by their option letter, socket tables by name.
const PARTS: &[&str] = &["r", "i", "g", "s", "M", "inet", "unix", "sctp", "legacy"];

/// The parts of our netstat that are not written yet.
const PENDING: &[&str] = &[];

#[derive(Clone, Copy)]
struct Line {
    args: &'static [&'static str],
    argv0: &'static str,
    /// The value of POSIXLY_CORRECT, if it is set.
    posixly_correct: Option<&'static str>,
    /// Space-separated `PENDING` parts the line reaches.
    pending: &'static str,
}

const fn l(args: &'static [&'static str]) -> Line {
    Line { args, argv0: "netstat", posixly_correct: None, pending: "" }
}

impl Line {
    const fn argv0(self, argv0: &'static str) -> Line {
        Line { argv0, ..self }
    }
    const fn posix(self, value: &'static str) -> Line {
        Line { posixly_correct: Some(value), ..self }
    }
    const fn pending(self, parts: &'static str) -> Line {
        Line { pending: parts, ..self }
    }
}

const LINES: &[Line] = &[
    // Help and version, and what comes first wins.
    l(&["-h"]),
    l(&["--help"]),
    l(&["--hel"]),
    l(&["--h"]),
    l(&["-V"]),
    l(&["--version"]),
    l(&["--vers"]),
    l(&["--v"]),
    l(&["--ve"]),
    l(&["--ver"]),
    l(&["-hV"]),
    l(&["-Vh"]),
    l(&["-h", "-V"]),
    l(&["-V", "-h"]),
    l(&["--version", "--help"]),
    l(&["--help", "--version"]),
    l(&["-V", "--bogus"]),
    l(&["--bogus", "-V"]),
    l(&["-t", "-h"]),
    l(&["-h", "-q"]),
    l(&["-q", "-h"]),
    l(&["-h", "-ri"]),
    l(&["-ri", "-h"]),
    l(&["-ri", "-V"]),
    l(&["-V", "-Z"]),
    l(&["-Z", "-V"]),
    l(&["-h", "-A", "bogus"]),
    l(&["-A", "bogus", "-h"]),
    l(&["-hx"]),
    l(&["-xh"]),
    l(&["-th", "--bogus"]),
    l(&["-h", "--help=x"]),
    l(&["--help=x", "-h"]),
    l(&["-c", "-h"]),
    l(&["-cV"]),
    l(&["-c", "--bogus"]),
    l(&["-c", "-A", "bogus"]),
    l(&["-c", "-ri"]),
    l(&["-cq"]),
    l(&["--continuous", "--protocol=x"]),
    l(&["-?"]),
    l(&["-t?"]),
    l(&["-?h"]),
    l(&["-h?"]),
    l(&["-V?"]),
    l(&["--?"]),
    l(&["-?", "-q"]),
    // Every short option alone. `-c` alone would list for ever; it is tested with `-Z` below.
    l(&["-A"]),
    l(&["-C"]).pending("unix"),
    l(&["-F"]).pending("unix"),
    l(&["-M"]).pending("M"),
    l(&["-a"]).pending("unix"),
    l(&["-d"]).pending("unix"),
    l(&["-e"]).pending("inet unix"),
    l(&["-g"]).pending("g"),
    l(&["-i"]).pending("i"),
    l(&["-l"]).pending("unix"),
    l(&["-n"]).pending("unix"),
    l(&["-N"]).pending("unix"),
    l(&["-o"]).pending("inet unix"),
    l(&["-p"]).pending("inet unix"),
    l(&["-r"]),
    l(&["-s"]).pending("s"),
    l(&["-S"]).pending("sctp"),
    l(&["-t"]),
    l(&["-u"]),
    l(&["-U"]),
    l(&["-v"]).pending("unix sctp legacy"),
    l(&["-W"]).pending("unix"),
    l(&["-w"]),
    l(&["-2"]),
    l(&["-f"]),
    l(&["-x"]).pending("unix"),
    l(&["-6"]),
    l(&["-4"]),
    l(&["-Z"]),
    // The same options where only the Internet tables run.
    l(&["-Ct"]),
    l(&["-Ft"]),
    l(&["-at"]),
    l(&["-dt"]),
    l(&["-et"]).pending("inet"),
    l(&["-lt"]),
    l(&["-nt"]),
    l(&["-Nt"]),
    l(&["-ot"]).pending("inet"),
    l(&["-pt"]).pending("inet"),
    l(&["-tW"]),
    l(&["-tv"]),
    l(&["-t", "-v"]),
    l(&["-uv"]),
    // Options net-tools does not have.
    l(&["-q"]),
    l(&["-T"]),
    l(&["-b"]),
    l(&["-j"]),
    l(&["-k"]),
    l(&["-m"]),
    l(&["-y"]),
    l(&["-z"]),
    l(&["-B"]),
    l(&["-D"]),
    l(&["-E"]),
    l(&["-G"]),
    l(&["-H"]),
    l(&["-I"]),
    l(&["-J"]),
    l(&["-K"]),
    l(&["-L"]),
    l(&["-O"]),
    l(&["-P"]),
    l(&["-Q"]),
    l(&["-R"]),
    l(&["-X"]),
    l(&["-Y"]),
    l(&["-0"]),
    l(&["-1"]),
    l(&["-3"]),
    l(&["-5"]),
    l(&["-7"]),
    l(&["-8"]),
    l(&["-9"]),
    l(&["-:"]),
    l(&["-;"]),
    l(&["-="]),
    l(&["-+"]),
    l(&["-!"]),
    l(&["-@"]),
    l(&["-#"]),
    l(&["-."]),
    l(&["-/"]),
    l(&["-t-"]),
    l(&["-t="]),
    l(&["-A="]),
    l(&["-tq"]),
    l(&["-tuq"]),
    l(&["-qt"]),
    l(&["-t", "-q", "-u"]),
    l(&["-t", "-Q"]),
    // Bundles.
    l(&["-tulpn"]).pending("inet"),
    l(&["-tunlp"]).pending("inet"),
    l(&["-antp"]).pending("inet"),
    l(&["-atupWn"]).pending("inet"),
    l(&["-tuwUe"]).pending("inet"),
    l(&["-eet"]).pending("inet"),
    l(&["-teee"]).pending("inet"),
    l(&["-tttt"]),
    l(&["-t{300*e}"]).pending("inet"),
    l(&["-{300*t}"]),
    l(&["-{255*t}u"]),
    l(&["-{200*t}{56*u}"]),
    l(&["-{256*w}", "-4"]),
    l(&["-4", "-{255*t}S"]).pending("sctp"),
    l(&["-{60*4}t"]),
    l(&["-{60*6}"]),
    l(&["-{60*x}t"]).pending("unix"),
    l(&["-ltn"]),
    l(&["-tl", "-a"]),
    l(&["-4t"]),
    l(&["-6t"]),
    l(&["-46t"]),
    l(&["-t46"]),
    l(&["-64u"]),
    l(&["-tuwU"]),
    l(&["-t", "-u", "-w", "-U"]),
    l(&["-tA"]),
    l(&["-At"]),
    l(&["-tAinet"]),
    l(&["-tA", "inet"]),
    l(&["-tAinet6", "-u"]),
    l(&["-nA", "inet"]),
    l(&["-tAinet", "-q"]),
    l(&["-tuA"]),
    l(&["-Ainet6t"]),
    // Every long option.
    l(&["--ax25"]).pending("legacy"),
    l(&["--x25"]).pending("legacy"),
    l(&["--ip"]),
    l(&["--ipx"]).pending("legacy"),
    l(&["--appletalk"]).pending("unix"),
    l(&["--netrom"]).pending("legacy"),
    l(&["--inet"]),
    l(&["--inet6"]),
    l(&["--ddp"]).pending("unix"),
    l(&["--rose"]).pending("legacy"),
    l(&["--unix"]).pending("unix"),
    l(&["--bluetooth"]),
    l(&["--tcpip"]).pending("unix"),
    l(&["--tcpip", "-t"]),
    l(&["--tcpip", "--tcpip", "-t"]),
    l(&["--interfaces"]).pending("i"),
    l(&["--route"]),
    l(&["--masquerade"]).pending("M"),
    l(&["--protocol", "inet"]),
    l(&["--protocol=inet6"]),
    l(&["--tcp"]),
    l(&["--sctp"]).pending("sctp"),
    l(&["--udp"]),
    l(&["--udplite"]),
    l(&["--raw"]),
    l(&["--l2cap"]),
    l(&["--rfcomm"]),
    l(&["--listening"]).pending("unix"),
    l(&["--listening", "--tcp"]),
    l(&["--all"]).pending("unix"),
    l(&["--all", "--tcp"]),
    l(&["--timers"]).pending("inet unix"),
    l(&["--timers", "--tcp"]).pending("inet"),
    l(&["--continuous", "--context"]),
    l(&["--extend"]).pending("inet unix"),
    l(&["--extend", "--extend", "--tcp"]).pending("inet"),
    l(&["--programs"]).pending("inet unix"),
    l(&["--programs", "--tcp"]).pending("inet"),
    l(&["--verbose"]).pending("unix sctp legacy"),
    l(&["--verbose", "--tcp"]),
    l(&["--statistics"]).pending("s"),
    l(&["--wide"]).pending("unix"),
    l(&["--wide", "--udp"]),
    l(&["--numeric"]).pending("unix"),
    l(&["--numeric", "--tcp"]),
    l(&["--numeric-hosts", "--tcp"]),
    l(&["--numeric-ports", "--tcp"]),
    l(&["--numeric-users", "--tcp"]),
    l(&["--symbolic", "--tcp"]),
    l(&["--cache", "--tcp"]),
    l(&["--fib", "--tcp"]),
    l(&["--groups"]).pending("g"),
    l(&["--context"]),
    // Prefixes: unique, ambiguous, and exact names that are also prefixes.
    l(&["--a"]),
    l(&["--ax"]).pending("legacy"),
    l(&["--ap"]).pending("unix"),
    l(&["--al", "-t"]),
    l(&["--x"]).pending("legacy"),
    l(&["--x2"]).pending("legacy"),
    l(&["--i"]),
    l(&["--ipx", "-t"]).pending("legacy"),
    l(&["--in"]),
    l(&["--ine"]),
    l(&["--inet6", "-t"]),
    l(&["--int"]).pending("i"),
    l(&["--interf"]).pending("i"),
    l(&["--app", "-t"]),
    l(&["--n"]),
    l(&["--ne"]).pending("legacy"),
    l(&["--nu"]),
    l(&["--num"]),
    l(&["--nume"]),
    l(&["--numeric-"]),
    l(&["--numeric-h", "-t"]),
    l(&["--numeric-p", "-t"]),
    l(&["--numeric-u", "-t"]),
    l(&["--d", "-t"]),
    l(&["--r"]),
    l(&["--ro"]),
    l(&["--rou"]),
    l(&["--ros"]).pending("legacy"),
    l(&["--ra"]),
    l(&["--rf"]),
    l(&["--u"]),
    l(&["--un"]),
    l(&["--uni"]),
    l(&["--ud"]),
    l(&["--udpl"]),
    l(&["--b"]),
    l(&["--bl", "-t"]),
    l(&["--t"]),
    l(&["--tc"]),
    l(&["--tcpi", "-t"]),
    l(&["--ti", "-t"]).pending("inet"),
    l(&["--m"]).pending("M"),
    l(&["--p"]),
    l(&["--pr"]),
    l(&["--pro"]),
    l(&["--prot", "inet"]),
    l(&["--prog", "-t"]).pending("inet"),
    l(&["--s"]),
    l(&["--sc"]).pending("sctp"),
    l(&["--st"]).pending("s"),
    l(&["--sy", "-t"]),
    l(&["--l"]),
    l(&["--l2"]),
    l(&["--li", "-u"]),
    l(&["--c"]),
    l(&["--co"]),
    l(&["--con"]),
    l(&["--cont"]),
    l(&["--conti", "-Z"]),
    l(&["--conte"]),
    l(&["--ca", "-t"]),
    l(&["--e", "-t"]).pending("inet"),
    l(&["--w", "-t"]),
    l(&["--wi", "-w"]),
    l(&["--f", "-t"]),
    l(&["--g"]).pending("g"),
    l(&["--he", "-t"]),
    l(&["--ve", "-t"]),
    l(&["--verb", "-t"]),
    l(&["--TCP"]),
    l(&["--tcpx"]),
    l(&["--tcp-"]),
    l(&["--inet66"]),
    // `--name=value`: options that take no value, and the one that does.
    l(&["--tcp=1"]),
    l(&["--tc=1"]),
    l(&["--tcp="]),
    l(&["--help=x"]),
    l(&["--version="]),
    l(&["--inet=x"]),
    l(&["--ine=x"]),
    l(&["--tcpip=1"]),
    l(&["--unix=x"]),
    l(&["--un=x"]),
    l(&["--numeric=1"]),
    l(&["--numeric-hosts=1"]),
    l(&["--interfaces=eth0"]),
    l(&["--route=x"]),
    l(&["--context=x"]),
    l(&["--all="]),
    l(&["--continuous=1"]),
    l(&["--bogus=1"]),
    l(&["--bogus={600*x}"]),
    l(&["--nu={600*x}"]),
    l(&["--tcp={600*x}"]),
    l(&["--protocol=inet"]),
    l(&["--protocol="]),
    l(&["--proto=inet6"]),
    l(&["--protocol=inet,unix"]).pending("unix"),
    l(&["--protocol=inet,inet6", "-t"]),
    l(&["--protocol=="]),
    l(&["--protocol=inet=x"]),
    l(&["--protocol"]),
    l(&["-t", "--protocol"]),
    l(&["--protocol", "-t"]),
    l(&["--protocol", "--"]),
    l(&["--protocol", "inet6", "--protocol=unix"]).pending("unix"),
    l(&["-t", "--protocol=inet", "--", "-q"]),
    l(&["--p=inet"]),
    l(&["--pro=inet"]),
    l(&["--=x"]),
    l(&["--="]),
    l(&["--=tcp"]),
    // `-A`: attached, separate, and what the family list does.
    l(&["-A", "inet"]),
    l(&["-Ainet"]),
    l(&["-A", "inet6"]),
    l(&["-Ainet6"]),
    l(&["-A=inet"]),
    l(&["-A", ""]),
    l(&["-A", "inet,"]),
    l(&["-A", ",inet"]),
    l(&["-A", "inet,,inet6"]),
    l(&["-A", ","]),
    l(&["-A", "bogus"]),
    l(&["-A", "INET"]),
    l(&["-A", "inet "]),
    l(&["-A", "in et"]),
    l(&["-A", "ip"]),
    l(&["-A", "ip6"]),
    l(&["-A", "tcpip"]),
    l(&["-A", "econet"]).pending("unix"),
    l(&["-A", "econet", "-t"]),
    l(&["-A", "ash", "-t"]),
    l(&["-A", "ddp", "-t"]),
    l(&["-A", "appletalk", "-u"]),
    l(&["-A", "bluetooth"]),
    l(&["-A", "bluetooth", "-t"]),
    l(&["-A", "ax25"]).pending("legacy"),
    l(&["-A", "x25"]).pending("legacy"),
    l(&["-A", "netrom"]).pending("legacy"),
    l(&["-A", "rose"]).pending("legacy"),
    l(&["-A", "ipx"]).pending("legacy"),
    l(&["-A", "unix"]).pending("unix"),
    l(&["-A", "inet,inet6"]),
    l(&["-A", "inet,inet6,unix"]).pending("unix"),
    l(&["-A", "inet6,inet,ip,ip6,tcpip,inet,inet6"]),
    l(&["-A", "inet,bogus,unix"]),
    l(&["-A", "bogus,inet"]),
    l(&["-A", "inet", "-A", "inet6"]),
    l(&["-A", "inet", "-A", "bogus"]),
    l(&["-A", "inet", "-t", "-A"]),
    l(&["-A", "-t"]),
    l(&["-A", "--tcp"]),
    l(&["-A", "--"]),
    l(&["-A", "-"]),
    l(&["-A", "--", "-t"]),
    l(&["-A", "-A", "inet"]),
    l(&["-Ainet", "-Ainet6", "-Aunix", "-Ax25"]).pending("unix legacy"),
    l(&["-4", "-6"]),
    l(&["-6", "-4", "-t"]),
    l(&["-x", "-4", "-t"]).pending("unix"),
    // Lists over 255 bytes are cut to 255 before they are read; afname holds 255 bytes.
    l(&["-A", "{63*inet,}inet"]),
    l(&["-A", "{50*inet,}inet6"]),
    l(&["-A", "{51*inet,}inet"]),
    l(&["-A", "{51*inet,}bogus"]),
    l(&["-A", "{60*inet6,}"]),
    l(&["-A", "{60*inet6,}", "-t"]),
    l(&["-A", "{300*x}"]),
    l(&["-A", "{50*inet,}inet6x"]),
    l(&["-A", "{50*inet,}inet6x", "-t"]),
    l(&["-A", "{50*inet,}inetx"]),
    l(&["-A", "{50*inet,}bogusbogus"]),
    l(&["-A", "{40*inet,}inet", "-A", "{40*inet,}inet", "-t"]),
    l(&["-A", "{40*inet,}inet", "-A", "{40*inet,}inet", "-A", "ax25", "-t"]),
    l(&["-A", "{40*inet,}inet", "-A", "{40*inet,}inet", "-A", "bogus", "-t"]),
    l(&["-A", "{50*inet,}inet", "-A", "inet6", "-A", "ip", "-t"]),
    l(&["-A", "{50*inet,}", "-4", "-6", "-t"]),
    l(&["-A", "{49*inet,}inet6", "-A", "x25,bogus", "-t"]),
    l(&["-A", "{49*inet,}inet,inet6", "-x"]),
    l(&["-A", "{50*inet,}inet", "-x"]),
    l(&["-A", "{49*inet,}inet", "-x"]).pending("unix"),
    l(&["-A", "{50*inet,}inet", "--bluetooth"]),
    // Mode conflicts: counts of -i, -r, -M and -s.
    l(&["-ri"]),
    l(&["-ii"]),
    l(&["-rr"]),
    l(&["-ss"]),
    l(&["-sM"]),
    l(&["-MM"]),
    l(&["-rs"]),
    l(&["-ir"]),
    l(&["-iM"]),
    l(&["-r", "-i"]),
    l(&["-i", "foo", "-r"]),
    l(&["--route", "--interfaces"]),
    l(&["--rou", "--int"]),
    l(&["-rig"]),
    l(&["-ri", "-Z"]),
    l(&["-ri", "-A", "bogus"]),
    l(&["-ri", "-q"]),
    l(&["-ri", "--"]),
    l(&["-r", "--", "-i"]),
    l(&["-i", "-t", "-i"]),
    l(&["-rg"]),
    l(&["-ig"]).pending("i"),
    l(&["-sg"]).pending("s"),
    l(&["-tr"]),
    l(&["-gg"]).pending("g"),
    l(&["-st"]).pending("s"),
    l(&["-Mt"]).pending("M"),
    l(&["-i", "eth0"]).pending("i"),
    // Words that are not options, and `--`.
    l(&["foo"]).pending("unix"),
    l(&["-t", "foo"]),
    l(&["foo", "-t"]),
    l(&["-t", "eth0", "-u"]),
    l(&["-t", "1", "2", "3"]),
    l(&["-t", ""]),
    l(&["", "-t"]),
    l(&["-t", "-", "-u"]),
    l(&["-"]).pending("unix"),
    l(&["--"]).pending("unix"),
    l(&["-t", "--"]),
    l(&["-t", "--", "-q"]),
    l(&["-t", "--", "-Z"]),
    l(&["-t", "--", "--bogus"]),
    l(&["--", "-q"]).pending("unix"),
    l(&["--", "--", "-t"]).pending("unix"),
    l(&["-q", "--", "-t"]),
    l(&["-t", "--bogus", "--", "x"]),
    l(&["-t", "--", "-", "--"]),
    l(&["---"]),
    l(&["----"]),
    l(&["---tcp"]),
    l(&["-t--"]),
    l(&["-t", "-A", "inet", "word", "-u"]),
    // POSIXLY_CORRECT: options end at the first word.
    l(&["-t", "foo", "-q"]).posix("1"),
    l(&["-t", "foo", "-Z"]).posix("1"),
    l(&["-t", "foo", "-r"]).posix("1"),
    l(&["-t", "foo", "-h"]).posix("1"),
    l(&["-t", "foo", "--bogus"]).posix("1"),
    l(&["-t", "-", "-q"]).posix("1"),
    l(&["-t", "--", "-q"]).posix("1"),
    l(&["-t", "", "-q"]).posix("1"),
    l(&["-tq"]).posix("1"),
    l(&["-q", "foo"]).posix("1"),
    l(&["foo", "-q"]).posix("1").pending("unix"),
    l(&["-A", "inet", "foo", "-q"]).posix("1"),
    l(&["-A", "foo", "-q"]).posix("1"),
    l(&["-t", "foo", "-u"]).posix("1"),
    l(&["-t", "foo", "-q"]).posix(""),
    l(&["-t", "foo", "-r"]).posix(""),
    l(&["-i", "foo", "-r"]).posix("1").pending("i"),
    l(&["--tcp", "foo", "--in"]).posix("1"),
    l(&["-h"]).posix("1"),
    l(&["-?"]).posix("1"),
    l(&["--in"]).posix("1"),
    l(&["-Q"]).posix("1"),
    l(&["-A"]).posix("1"),
    l(&["--protocol"]).posix("1"),
    l(&["-ri"]).posix("1"),
    // argv[0] as getopt prints it.
    l(&["-q"]).argv0("/usr/bin/netstat"),
    l(&["--bogus"]).argv0("/usr/bin/netstat"),
    l(&["-A"]).argv0("/usr/bin/netstat"),
    l(&["-q"]).argv0("./ns"),
    l(&["--in"]).argv0("./ns"),
    l(&["--protocol"]).argv0("./ns"),
    l(&["--tcp=1"]).argv0("./ns"),
    l(&["-h"]).argv0("./ns"),
    l(&["-V"]).argv0("./ns"),
    l(&["-t"]).argv0("./ns"),
    l(&["-q"]).argv0("my net stat"),
    l(&["--num"]).argv0("my net stat"),
    l(&["-A"]).argv0("my net stat"),
    l(&["-?"]).argv0("my net stat"),
    l(&["-q"]).argv0(""),
    l(&["--bogus"]).argv0(""),
    l(&["-q"]).argv0("net\\xffstat"),
    l(&["--in"]).argv0("n\\xc3\\xa9tstat"),
    l(&["-q"]).argv0("-"),
    l(&["-q"]).argv0("--"),
    l(&["-q"]).argv0("{300*n}"),
    l(&["-q"]).argv0("/usr/bin/netstat").posix("1"),
    // Bytes that are not ASCII, and multi-byte characters, in options and values.
    l(&["-\\xff"]),
    l(&["-t\\xff"]),
    l(&["-t\\xffu"]),
    l(&["-\\x80"]),
    l(&["-\\xc3\\xa9"]),
    l(&["-tu\\xc3\\xa9"]),
    l(&["-\\xef\\xbf\\xbd"]),
    l(&["-\\xe2\\x82\\xac"]),
    l(&["-t\\xe2\\x82\\xac"]),
    l(&["-\\xf0\\x9f\\x98\\x80"]),
    l(&["-\\xc3"]),
    l(&["-\\x01"]),
    l(&["-\\x7f"]),
    l(&["-\\x1b[31m"]),
    l(&["--\\xff"]),
    l(&["--tcp\\xff"]),
    l(&["--tcp\\xc3\\xa9"]),
    l(&["--\\xc3\\xa9"]),
    l(&["--t\\xff=\\xfe"]),
    l(&["--\\xff=\\xfe"]),
    l(&["--bogus=\\xff"]),
    l(&["--tcp=\\xff"]),
    l(&["--nu=\\xff"]),
    l(&["--\\xef\\xbf\\xbd"]),
    l(&["-A\\xff"]),
    l(&["-A", "\\xc3\\xa9"]),
    l(&["-A", "inet,\\xff"]),
    l(&["--protocol=\\xff"]),
    l(&["--protocol", "in\\xffet"]),
    l(&["-t", "\\xff"]),
    l(&["\\xff", "-t"]),
    l(&["-t", "\\xff", "-q"]).posix("1"),
    // -Z: SELinux is not enabled here.
    l(&["--context"]),
    l(&["-tZ"]),
    l(&["-Zt"]),
    l(&["-Zq"]),
    l(&["-qZ"]),
    l(&["-pZ"]),
    l(&["-c", "-Z"]),
    l(&["-Z", "-ri"]),
    l(&["-Z", "-A", "bogus"]),
    l(&["-A", "bogus", "-Z"]),
    l(&["--context=1"]),
    // Bluetooth: not in this net-tools build.
    l(&["--l2"]),
    l(&["--rf"]),
    l(&["-2f"]),
    l(&["-t2"]),
    l(&["-2", "-t"]),
    l(&["-f", "-u"]),
    l(&["-2", "-v"]),
    l(&["--bluetooth", "-t"]),
    l(&["--bluetooth", "-2"]),
    l(&["-f", "-x"]).pending("unix"),
    l(&["-A", "bluetooth,inet"]),
    // Lines that run the rest of the program.
    l(&["-tu"]),
    l(&["-tuwU", "-a"]),
    l(&["-A", "inet", "-e"]).pending("inet"),
    l(&["-A", "inet6", "-p"]).pending("inet"),
    l(&["--inet6", "-o"]).pending("inet"),
    l(&["-4", "-W"]),
    l(&["-6", "-ee"]).pending("inet"),
    l(&["-t", "-e", "-e"]).pending("inet"),
    l(&["-t", "-ee"]).pending("inet"),
    l(&["-t", "-o"]).pending("inet"),
    l(&["-t", "-p"]).pending("inet"),
    l(&["-t", "-W"]),
    l(&["-t", "-n"]),
    l(&["-t", "-a"]),
    l(&["-t", "-l"]),
    l(&["-tla"]),
    l(&["-t4"]),
    l(&["-t6"]),
    l(&["-u6n"]),
    l(&["-w4a"]),
    l(&["-U", "--inet6"]),
    l(&["-tS"]).pending("sctp"),
    l(&["-x", "-a"]).pending("unix"),
    l(&["-x", "-p"]).pending("inet unix"),
    l(&["-a"]).pending("unix"),
    l(&[]).pending("unix"),
    l(&["-e", "-p", "-a"]).pending("inet unix"),
    l(&["-v", "-t"]),
    l(&["-v", "-x"]).pending("unix"),
    l(&["-v", "-A", "ddp"]).pending("unix sctp legacy"),
];

/// The table's argument text as bytes (see the module comment for the escapes).
fn decode(text: &str) -> OsString {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(hex) = rest.strip_prefix("\\x") {
            out.push(u8::from_str_radix(&hex[..2], 16).expect("\\xNN"));
            rest = &hex[2..];
        } else if let Some(group) = rest.strip_prefix('{') {
            let (group, after) = group.split_once('}').expect("{N*text}");
            let (n, piece) = group.split_once('*').expect("{N*text}");
            out.extend(decode(piece).into_vec().repeat(n.parse().expect("{N*text}")));
            rest = after;
        } else {
            let c = rest.chars().next().unwrap();
            out.extend_from_slice(c.to_string().as_bytes());
            rest = &rest[c.len_utf8()..];
        }
    }
    OsString::from_vec(out)
}

fn describe(line: &Line) -> String {
    let mut s = String::new();
    if let Some(v) = line.posixly_correct {
        s += &format!("POSIXLY_CORRECT={v:?} ");
    }
    s += &format!("argv0={:?} args={:?}", line.argv0, line.args);
    if !line.pending.is_empty() {
        s += &format!(" (pending: {})", line.pending);
    }
    s
}

fn run_line(binary: &Path, line: &Line) -> Run {
    let args: Vec<OsString> = line.args.iter().map(|a| decode(a)).collect();
    let envs: Vec<(&str, &str)> = line.posixly_correct.map(|v| ("POSIXLY_CORRECT", v)).into_iter().collect();
    run_argv0(binary, decode(line.argv0), &args, &envs)
}

/// The std build, which must exist and be newer than every source file.
fn std_build() -> PathBuf {
    let path = ours_std().expect(
        "the std build is missing: run scripts/test, or cargo build --release --features std --target-dir target/std",
    );
    let built = std::fs::metadata(&path).and_then(|m| m.modified()).unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut dirs = vec![src];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                let changed = std::fs::metadata(&p).and_then(|m| m.modified()).unwrap();
                assert!(changed <= built, "the std build is older than {}: rebuild it (scripts/test does)", p.display());
            }
        }
    }
    path
}

#[test]
fn command_lines_match_net_tools() {
    let ours = ours();
    let ours_std = std_build();
    assert!(LINES.len() >= 150);
    for line in LINES {
        for part in line.pending.split_whitespace() {
            assert!(PARTS.contains(&part), "unknown pending part {part:?} in {}", describe(line));
        }
    }
    // All runs happen in a thread of their own that has left for an empty network namespace;
    // the processes it starts inherit that namespace.
    let failures = std::thread::spawn(move || {
        // SAFETY: a new network namespace for this thread only; no descriptors are unshared.
        unsafe { rustix::thread::unshare_unsafe(rustix::thread::UnshareFlags::NEWNET) }
            .expect("unshare(CLONE_NEWNET): the tests must run as root");
        let mut failures = Vec::new();
        for line in LINES {
            let default = run_line(&ours, line);
            let std = run_line(&ours_std, line);
            let oracle = run_line(Path::new(ORACLE), line);
            let pending = line.pending.split_whitespace().any(|p| PENDING.contains(&p));
            if default != std {
                failures.push(format!("{}: our two builds differ\n=== default ===\n{default:?}=== std ===\n{std:?}", describe(line)));
            } else if pending && default == oracle {
                failures.push(format!("{}: matches net-tools now; drop the pending mark or the PENDING part", describe(line)));
            } else if !pending && default != oracle {
                failures.push(format!("{}\n=== net-tools ===\n{oracle:?}=== ours ===\n{default:?}", describe(line)));
            }
        }
        failures
    })
    .join()
    .unwrap();
    assert!(failures.is_empty(), "{} of {} command lines fail:\n{}", failures.len(), LINES.len(), failures.join("\n"));
}
