//! `netstat -M`: the IP masquerading table of /proc/net/ip_masquerade (behaviour reference §7).
//! Only Linux 2.2 had that file; on later kernels net-tools says so and exits 1.
//!
//! After a header line, the file is read as `fscanf` reads it: a stream of white-space separated
//! conversions, `%s %X:%hX %X:%hX %hX %lX %hd %hd %lu` per entry (without the second `%hd` when
//! the header has no `PDelta`). Nothing is printed unless every entry reads.

use crate::addr::Text;
use crate::arena::MapVec;
use crate::cscan::{is_space, scanf_number, skip_space};
use crate::names::{Names, PortProto};
use crate::options::Options;
use crate::pack::word_index;
use crate::out::{err, Out};
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
    let pdelta = c_str(header).windows(6).any(|w| w == b"PDelta");

    let mut rest = entries;
    let mut count = 0;
    loop {
        match read_entry(&mut rest, pdelta) {
            Ok(Some(_)) => count += 1,
            Ok(None) => break,
            Err(what) => {
                err(t!("masq_info.c: Internal Error `ip_masquerade %s'.\n"), &[what]);
                return 255;
            }
        }
    }
    if count == 0 {
        return 0;
    }
    let extended = opts.extend > 1;
    out.str("IP masquerading entries\nprot   expire ");
    if extended {
        out.str("   initseq delta prevd ");
    }
    out.str("source               destination          ports\n");
    rest = entries;
    while let Ok(Some((protocol, connection))) = read_entry(&mut rest, pdelta) {
        print(out, names, protocol, &connection, opts, extended);
    }
    0
}

/// The protocols as the file names them; net-tools prints them in lower case.
const PROTOCOLS: &[u8] = b"IP TCP UDP ICMP GRE ESP";

/// The numbers of one masqueraded connection.
struct Connection {
    source: u32,
    source_port: u16,
    destination: u32,
    destination_port: u16,
    masquerade_port: u16,
    initial_sequence: u64,
    delta: i16,
    /// The delta before the last, when the file has it.
    previous_delta: Option<i16>,
    /// Centiseconds.
    expires: u64,
}

/// The next entry; None at the end of the file; Err: how net-tools names the problem (a
/// conversion that fails counts before an unknown protocol).
fn read_entry<'a>(s: &mut &'a [u8], pdelta: bool) -> Result<Option<(&'a [u8], Connection)>, &'static [u8]> {
    skip_space(s);
    if s.is_empty() {
        return Ok(None);
    }
    let (name, rest) = s.split_at(s.iter().position(|&b| is_space(b)).unwrap_or(s.len()));
    *s = rest;
    let connection = numbers(s, pdelta).ok_or(&b"format error"[..])?;
    // The name is compared as a C string.
    let protocol = c_str(name);
    word_index(PROTOCOLS, protocol).ok_or(&b"unknown type"[..])?;
    Ok(Some((protocol, connection)))
}

/// The conversions after the protocol name; None when one fails.
fn numbers(s: &mut &[u8], pdelta: bool) -> Option<Connection> {
    let hex = |s: &mut &[u8]| scanf_number(s, 16, false);
    let colon = |s: &mut &[u8]| {
        *s = s.strip_prefix(b":")?;
        Some(())
    };
    let source = hex(s)? as u32;
    colon(s)?;
    let source_port = hex(s)? as u16;
    let destination = hex(s)? as u32;
    colon(s)?;
    let destination_port = hex(s)? as u16;
    let masquerade_port = hex(s)? as u16;
    let initial_sequence = hex(s)?;
    let delta = scanf_number(s, 10, true)? as i16;
    let previous_delta = if pdelta { Some(scanf_number(s, 10, true)? as i16) } else { None };
    let expires = scanf_number(s, 10, false)?;
    Some(Connection {
        source,
        source_port,
        destination,
        destination_port,
        masquerade_port,
        initial_sequence,
        delta,
        previous_delta,
        expires,
    })
}

// Not inlined into the reading loop: a smaller binary.
#[inline(never)]
fn print(out: &mut Out, names: &mut Names, protocol: &[u8], c: &Connection, opts: &Options, extended: bool) {
    for &b in protocol {
        out.byte(b.to_ascii_lowercase());
    }
    out.spaces(4usize.saturating_sub(protocol.len()));
    out.num_right(c.expires / 6000, 3);
    out.byte(b':');
    two_digits(out, c.expires / 100 % 60);
    out.byte(b'.');
    two_digits(out, c.expires % 100);
    out.byte(b' ');
    if extended {
        out.num_right(c.initial_sequence, 10);
        out.byte(b' ');
        // Deltas print as i32: the binary then needs no 16-bit formatter.
        out.num_right(c.delta as i32, 5);
        out.byte(b' ');
        match c.previous_delta {
            Some(d) => out.num_right(d as i32, 5),
            None => out.bytes(b"    -"),
        }
        out.byte(b' ');
    }
    let ports = match protocol {
        b"TCP" => PortProto::Tcp,
        b"UDP" => PortProto::Udp,
        _ => PortProto::Never,
    };
    let mut text = Text::new();
    for address in [c.source, c.destination] {
        text.clear();
        // The file has the address as a number; its bytes in network order are the address.
        names.inet_host(&mut text, address.to_be_bytes(), opts.numeric.hosts);
        out.safe_left(&text, 20);
        out.byte(b' ');
    }
    for (port, before) in [(c.source_port, &b""[..]), (c.destination_port, b" -> "), (c.masquerade_port, b" (")] {
        out.bytes(before);
        text.clear();
        names.port(&mut text, port, ports, opts.numeric.ports);
        out.safe(&text);
    }
    out.bytes(b")\n");
}

/// `%02lu`.
fn two_digits(out: &mut Out, n: u64) {
    if n < 10 {
        out.byte(b'0');
    }
    out.num(n);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(data: &str, pdelta: bool) -> Result<Vec<String>, String> {
        let mut s = data.as_bytes();
        let mut found = Vec::new();
        loop {
            match read_entry(&mut s, pdelta) {
                Ok(Some((p, c))) => found.push(format!(
                    "{} {:08x}:{} {:08x}:{} {} {} {} {:?} {}",
                    String::from_utf8_lossy(p).to_lowercase(),
                    c.source,
                    c.source_port,
                    c.destination,
                    c.destination_port,
                    c.masquerade_port,
                    c.initial_sequence,
                    c.delta,
                    c.previous_delta,
                    c.expires
                )),
                Ok(None) => return Ok(found),
                Err(what) => return Err(String::from_utf8_lossy(what).into_owned()),
            }
        }
    }

    #[test]
    fn entries_are_a_stream_of_conversions() {
        assert_eq!(
            entries("TCP C0A80001:0016 0A000001:0050 F000 1234 5 -3 12345\n  UDP\n1:2\n3:4 5 6 7 8 9", true).unwrap(),
            [
                "tcp c0a80001:22 0a000001:80 61440 4660 5 Some(-3) 12345",
                "udp 00000001:2 00000003:4 5 6 7 Some(8) 9"
            ]
        );
        assert_eq!(entries("ESP 1:2 3:4 5 6 7 8\n\n", false).unwrap(), ["esp 00000001:2 00000003:4 5 6 7 None 8"]);
        assert_eq!(entries(" \n ", true).unwrap(), Vec::<String>::new());
    }

    #[test]
    fn numbers_convert_as_scanf_converts_them() {
        assert_eq!(
            entries("GRE 0x1:0x2 -1:-2 FFFFF 1FFFFFFFFFFFFFFFFF 70000 -70000 18446744073709551616", true).unwrap(),
            ["gre 00000001:2 ffffffff:65534 65535 18446744073709551615 4464 Some(-4464) 18446744073709551615"]
        );
    }

    #[test]
    fn a_failed_conversion_counts_before_an_unknown_protocol() {
        assert_eq!(entries("XYZ 1:2 3:4 5 6 7 8 9", true), Err("unknown type".into()));
        assert_eq!(entries("tcp 1:2 3:4 5 6 7 8 9", true), Err("unknown type".into()));
        assert_eq!(entries("XYZ 1 :2 3:4 5 6 7 8 9", true), Err("format error".into()));
        assert_eq!(entries("TCP 1:2 3:4 5 6 7 8", true), Err("format error".into()));
        assert_eq!(entries("TCP", true), Err("format error".into()));
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
        let (p, c) = read_entry(&mut s, true).unwrap().unwrap();
        print(&mut out, &mut names, p, &c, &opts, false);
        print(&mut out, &mut names, p, &c, &opts, true);
        let mut s = &b"ICMP 0A000001:0035 0:0 F001 1234 5 12345"[..];
        let (p, c) = read_entry(&mut s, false).unwrap().unwrap();
        print(&mut out, &mut names, p, &c, &opts, true);
        assert_eq!(
            String::from_utf8_lossy(out.pending()),
            "udp 100:00.99 10.0.0.1             0.0.0.0              53 -> * (61441)\n\
             udp 100:00.99       4660     5    -3 10.0.0.1             0.0.0.0              53 -> * (61441)\n\
             icmp  2:03.45       4660     5     - 10.0.0.1             0.0.0.0              53 -> * (61441)\n"
        );
    }
}
