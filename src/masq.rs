//! `netstat -M`: the IP masquerading table of /proc/net/ip_masquerade (behaviour reference §7).
//! Only Linux 2.2 had that file; on later kernels net-tools says so and exits 1.
//!
//! After a header line, the file is read as `fscanf` reads it: a stream of white-space separated
//! conversions, `%s %X:%hX %X:%hX %hX %lX %hd %hd %lu` per entry (without the second `%hd` when
//! the header has no `PDelta`). Nothing is printed unless every entry reads.

use crate::addr::Text;
use crate::arena::MapVec;
use crate::cscan::{contains, scanf_number, scanf_word};
use crate::names::{Names, PortProto};
use crate::options::Options;
use crate::pack::word_index;
use crate::out::{err, Out};
use crate::printf::{self, printf, Arg};
use crate::text::Packed;
use crate::procfs::{self, c_str, take_line, Path};
use crate::Env;
use rustix::io::Errno;

pub fn run(opts: &Options, env: &Env, out: &mut Out) -> i32 {
    let mut names = Names::new();
    crate::every_second(opts.continuous, out, |out| once(opts, env, out, &mut names))
}

fn once(opts: &Options, env: &Env, out: &mut Out, names: &mut Names) -> i32 {
    let fd = match procfs::open(&Path::proc(env.proc_root, b"net/ip_masquerade")) {
        Ok(fd) => fd,
        Err(Errno::NOENT) => {
            err(t!("netstat: no support for `ip_masquerade' on this system.\n"), &[]);
            return 1;
        }
        Err(e) => {
            err(t!("/proc/net/ip_masquerade: %s\n"), &[crate::errno::text(e)]);
            return 255;
        }
    };
    let mut data = MapVec::new();
    // A read error looks like the end of the file, as it does to stdio's readers.
    let _ = data.read_to_end(&fd);
    let mut entries = data.as_slice();
    let Some(header) = take_line(&mut entries, 255) else {
        err(t!("masq_info: Internal Error `fgets() failed'.\n"), &[]);
        return 255;
    };
    let pdelta = contains(c_str(header), b"PDelta");

    // Nothing prints unless every entry reads: a first pass checks them all.
    let mut rest = entries;
    loop {
        match read_entry(&mut rest, pdelta) {
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(message) => {
                err(message, &[]);
                return 255;
            }
        }
    }
    rest = entries;
    let mut first = true;
    while let Ok(Some((protocol, numbers))) = read_entry(&mut rest, pdelta) {
        if first {
            out.text(t!("IP masquerading entries\nprot   expire "));
            if opts.extend > 1 {
                out.text(t!("   initseq delta prevd "));
            }
            out.text(t!("source               destination          ports\n"));
            first = false;
        }
        print(out, names, protocol, &numbers, pdelta, opts);
    }
    0
}

/// The protocols as the file names them, and as net-tools prints them.
const PROTOCOLS: &[u8] = b"IP TCP UDP ICMP GRE ESP";
const PROTOCOLS_PRINTED: &[u8] = b"ip|tcp|udp|icmp|gre|esp";

/// An entry's numbers in the file's order: source address and port, destination address and
/// port, masquerading port, initial sequence number, delta, previous delta (0 when the file
/// has none), expiry time in centiseconds.
type Numbers = [u64; 9];

/// The conversions after the protocol name, one letter each: `X` is `%X`, `d` `%hd`, `u` `%lu`,
/// `P` the previous delta's `%hd` when the file has it; a `:` must follow the one before it.
const CONVERSIONS: &[u8] = b"X:XX:XXXdPu";

/// The next entry: its protocol (a word of `PROTOCOLS`) and numbers; None at the end of the
/// file; Err: net-tools' message for the problem (a conversion that fails counts before an
/// unknown protocol).
fn read_entry(s: &mut &[u8], pdelta: bool) -> Result<Option<(usize, Numbers)>, Packed> {
    let Some(name) = scanf_word(s, usize::MAX) else {
        return Ok(None);
    };
    let numbers = numbers(s, pdelta).ok_or(t!("masq_info.c: Internal Error `ip_masquerade format error'.\n"))?;
    // The name is compared as a C string.
    match word_index(PROTOCOLS, c_str(name)) {
        Some(protocol) => Ok(Some((protocol, numbers))),
        None => Err(t!("masq_info.c: Internal Error `ip_masquerade unknown type'.\n")),
    }
}

/// The conversions after the protocol name; None when one fails.
fn numbers(s: &mut &[u8], pdelta: bool) -> Option<Numbers> {
    let mut numbers = [0; 9];
    let mut slots = numbers.iter_mut();
    for &c in CONVERSIONS {
        if c == b':' {
            *s = s.strip_prefix(b":")?;
            continue;
        }
        *slots.next()? = match c {
            b'P' if !pdelta => 0,
            b'X' => scanf_number(s, 16, false)?,
            _ => scanf_number(s, 10, c != b'u')?,
        };
    }
    Some(numbers)
}

// Not inlined into the reading loop: a smaller binary.
#[inline(never)]
fn print(out: &mut Out, names: &mut Names, protocol: usize, n: &Numbers, pdelta: bool, opts: &Options) {
    let expires = n[8];
    let time = [Arg::s(printf::name(PROTOCOLS_PRINTED, protocol).unwrap_or_default()), Arg::d((expires / 6000) as i64), Arg::d((expires / 100 % 60) as i64), Arg::d((expires % 100) as i64)];
    printf(out, t!("%-4s%3d:%02d.%02d "), &time, &[]);
    if opts.extend > 1 {
        let mut sequence = itoa::Buffer::new();
        let deltas = [Arg::s(sequence.format(n[5]).as_bytes()), Arg::d(n[6] as i16 as i64), Arg::d(n[7] as i16 as i64)];
        printf(out, if pdelta { t!("%10s %5d %5d ") } else { t!("%10s %5d     - ") }, &deltas, &[]);
    }
    let ports = match protocol {
        1 => PortProto::Tcp,
        2 => PortProto::Udp,
        _ => PortProto::Never,
    };
    let mut text = Text::new();
    for address in [n[0], n[2]] {
        text.clear();
        // The file has the address as a number; its bytes in network order are the address.
        names.inet_host(&mut text, (address as u32).to_be_bytes(), opts.numeric.hosts);
        out.safe_left(&text, 20);
        out.byte(b' ');
    }
    for (port, after) in [(n[1], t!(" -> ")), (n[3], t!(" (")), (n[4], t!(")\n"))] {
        text.clear();
        names.port(&mut text, port as u16, ports, opts.numeric.ports);
        out.safe(&text);
        out.text(after);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(data: &str, pdelta: bool) -> Result<Vec<String>, String> {
        let mut s = data.as_bytes();
        let mut found = Vec::new();
        loop {
            match read_entry(&mut s, pdelta) {
                Ok(Some((p, n))) => found.push(format!(
                    "{} {:08x}:{} {:08x}:{} {} {} {} {} {}",
                    String::from_utf8_lossy(printf::name(PROTOCOLS_PRINTED, p).unwrap()),
                    n[0] as u32,
                    n[1] as u16,
                    n[2] as u32,
                    n[3] as u16,
                    n[4] as u16,
                    n[5],
                    n[6] as i16,
                    n[7] as i16,
                    n[8]
                )),
                Ok(None) => return Ok(found),
                Err(message) => return Err(String::from_utf8_lossy(&message.unpack()).into_owned()),
            }
        }
    }

    #[test]
    fn entries_are_a_stream_of_conversions() {
        assert_eq!(
            entries("TCP C0A80001:0016 0A000001:0050 F000 1234 5 -3 12345\n  UDP\n1:2\n3:4 5 6 7 8 9", true).unwrap(),
            [
                "tcp c0a80001:22 0a000001:80 61440 4660 5 -3 12345",
                "udp 00000001:2 00000003:4 5 6 7 8 9"
            ]
        );
        assert_eq!(entries("ESP 1:2 3:4 5 6 7 8\n\n", false).unwrap(), ["esp 00000001:2 00000003:4 5 6 7 0 8"]);
        assert_eq!(entries(" \n ", true).unwrap(), Vec::<String>::new());
    }

    #[test]
    fn numbers_convert_as_scanf_converts_them() {
        assert_eq!(
            entries("GRE 0x1:0x2 -1:-2 FFFFF 1FFFFFFFFFFFFFFFFF 70000 -70000 18446744073709551616", true).unwrap(),
            ["gre 00000001:2 ffffffff:65534 65535 18446744073709551615 4464 -4464 18446744073709551615"]
        );
    }

    #[test]
    fn a_failed_conversion_counts_before_an_unknown_protocol() {
        assert_eq!(entries("XYZ 1:2 3:4 5 6 7 8 9", true), Err("masq_info.c: Internal Error `ip_masquerade unknown type'.\n".into()));
        assert_eq!(entries("tcp 1:2 3:4 5 6 7 8 9", true), Err("masq_info.c: Internal Error `ip_masquerade unknown type'.\n".into()));
        assert_eq!(entries("XYZ 1 :2 3:4 5 6 7 8 9", true), Err("masq_info.c: Internal Error `ip_masquerade format error'.\n".into()));
        assert_eq!(entries("TCP 1:2 3:4 5 6 7 8", true), Err("masq_info.c: Internal Error `ip_masquerade format error'.\n".into()));
        assert_eq!(entries("TCP", true), Err("masq_info.c: Internal Error `ip_masquerade format error'.\n".into()));
        // The protocol name is compared as a C string.
        assert_eq!(entries("TCP\0junk 1:2 3:4 5 6 7 8", false).unwrap().len(), 1);
    }

    #[test]
    fn rows_follow_net_tools_columns() {
        let mut out = Box::new(Out::new());
        let mut names = Names::new();
        let mut opts = Options::new();
        opts.numeric.hosts = true;
        opts.numeric.ports = true;
        let mut s = &b"UDP 0A000001:0035 0:0 F001 1234 5 -3 600099"[..];
        let (p, n) = read_entry(&mut s, true).unwrap().unwrap();
        print(&mut out, &mut names, p, &n, true, &opts);
        opts.extend = 2;
        print(&mut out, &mut names, p, &n, true, &opts);
        let mut s = &b"ICMP 0A000001:0035 0:0 F001 1234 5 12345"[..];
        let (p, n) = read_entry(&mut s, false).unwrap().unwrap();
        print(&mut out, &mut names, p, &n, false, &opts);
        assert_eq!(
            String::from_utf8_lossy(out.pending()),
            "udp 100:00.99 10.0.0.1             0.0.0.0              53 -> * (61441)\n\
             udp 100:00.99       4660     5    -3 10.0.0.1             0.0.0.0              53 -> * (61441)\n\
             icmp  2:03.45       4660     5     - 10.0.0.1             0.0.0.0              53 -> * (61441)\n"
        );
    }
}
