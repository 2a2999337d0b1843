//! SCTP endpoints and associations from /proc/net/sctp{,6}/{eps,assocs} (behaviour spec §4.9).
//! Lines are split with `strtok` and numbers read with `atoi`, as net-tools does.

use crate::addr::{self, Text};
use crate::names::PortProto;
use crate::printf::{name, printf, Arg};
use crate::procfs::{Lines, Path};
use crate::scan::{self, atoi, Tokens, Val};
use crate::sockets::{self, Ctx, Row};
use crate::tables::inet::{TCP_STATES, TCP_UNKNOWN};

const SPACE: &[u8] = b" \t\n";

/// (SCTP is one section: `_which` is 0.)
pub fn print(ctx: &mut Ctx, _which: u8) -> i32 {
    let o = ctx.opts;
    if o.all > 0 || o.listening > 0 {
        let status = table(ctx, false);
        if status != 0 || o.all == 0 {
            return status;
        }
    }
    table(ctx, true)
}

/// The endpoints (or with `assocs` the associations) of the IPv4 file, then of the IPv6 one,
/// each if its family is wanted.
fn table(ctx: &mut Ctx, assocs: bool) -> i32 {
    let name: &[u8] = if assocs { b"assocs" } else { b"eps" };
    let everything = ctx.opts.selected() == 0;
    let mut status = 0;
    for six in [false, true] {
        let f = &ctx.opts.families;
        if !everything && (if six { f.inet6 } else { f.inet }) == 0 {
            continue;
        }
        let mut rel = Path::new();
        rel.push(b"net/sctp").push(&b"6"[..six as usize]).push(b"/").push(name);
        let fd = match ctx.open(rel.as_bytes()) {
            Ok(fd) => fd,
            Err(_) if six => continue,
            Err(e) => {
                status = sockets::missing_file(ctx, b"AF INET (sctp)", e, rel.as_bytes());
                if status == 255 {
                    return status;
                }
                continue;
            }
        };
        let (mut row, buf) = ctx.split();
        let mut lines = Lines::new(fd, buf);
        lines.next_line();
        while let Some(line) = lines.next_line() {
            entry(&mut row, line, assocs);
        }
    }
    status
}

/// One endpoint, `ENDPT SOCK STY SST HBKT LPORT UID INODE LADDRS`, with one output line per
/// local address; or one association, `ASSOC SOCK STY SST ST HBKT ASSOC-ID TX_QUEUE RX_QUEUE
/// UID INODE LPORT RPORT LADDRS <-> RADDRS`, with local and remote addresses side by side,
/// one pair per output line.
fn entry(row: &mut Row, line: &[u8], assoc: bool) {
    // strtok finds fields in order: the last one net-tools needs tells whether all are there.
    let last = if assoc { 12 } else { 7 };
    let mut t = Tokens::new(line);
    let mut f = [&b""[..]; 13];
    for field in f.iter_mut().take(last + 1) {
        *field = t.next(SPACE).unwrap_or(b"");
    }
    if f[last].is_empty() {
        let kind: &[u8] = if assoc { b"sctp assoc" } else { b"sctp eps" };
        crate::out::err(t!("warning, got bogus %s line.\n"), &[kind]);
        return;
    }
    let lists: &[u8] = if assoc { b"<->\t\n" } else { b"\t\n" };
    let mut local = Tokens::new(t.next(lists).unwrap_or(b""));
    let mut remote = Tokens::new(if assoc { t.next(lists).unwrap_or(b"") } else { b"" });
    // Endpoints: LPORT, UID, INODE; associations: LPORT, RPORT, UID, INODE.
    let [uid, inode, ports @ ..] = if assoc { [9, 10, 11, 12] } else { [6, 7, 5, 5] }.map(|i| f[i]);
    let state = atoi(f[3]);
    let states = TCP_STATES.unpack();
    let mut first = true;
    loop {
        let (l, r) = (local.next(SPACE), remote.next(SPACE));
        if l.is_none() && r.is_none() {
            break;
        }
        if first {
            let queues = [Arg::d(atoi(f[8]) as u32 as i64), Arg::d(atoi(f[7]) as u32 as i64)];
            printf(row.out, if assoc { t!("sctp  %6d %6d ") } else { t!("sctp                ") }, &queues, &[]);
        } else {
            row.out.text(t!("\n                    "));
        }
        let mut cells = [Text::new(), Text::new()];
        for (i, a) in [l, r].into_iter().enumerate() {
            let Some(a) = a else { continue };
            let cell = &mut cells[i];
            address(row, cell, if assoc { a.strip_prefix(b"*").unwrap_or(a) } else { a });
            // Endpoints show the port on every line, associations on the first. SCTP
            // ports are never named; the kernel's value passes through a 16-bit `htons`.
            if first || !assoc {
                addr::push(cell, b":");
                row.names.port(cell, atoi(ports[i]) as u16, PortProto::Never, true);
            }
        }
        let cells = [Arg::s(&cells[0]), Arg::s(&cells[1])];
        printf(row.out, if assoc { t!("%-23s %-23s") } else { t!("%-47s") }, &cells, &[]);
        // The state on an entry's first line. `UNKNOWN(n)` fills the column whatever n is.
        match name(&states, state as usize).filter(|_| (state as usize) < TCP_UNKNOWN) {
            Some(s) if first => printf(row.out, t!(" %-11s"), &[Arg::s(s)], &[]),
            None if first => printf(row.out, t!(" UNKNOWN(%d)"), &[Arg::d(state as i64)], &[]),
            _ => row.out.spaces(12),
        }
        first = false;
    }
    row.finish(atoi(uid), scan::strtoul(inode), b"");
}

/// An address as the SCTP files write it (dotted IPv4, or eight full IPv6 groups), named or
/// numeric; SCTP addresses are numeric under any of net-tools' numeric options. Cut to 63
/// bytes as net-tools' buffer cuts it.
fn address(row: &mut Row, t: &mut Text, text: &[u8]) {
    let n = row.opts.numeric;
    let numeric = n.hosts || n.ports || n.users || n.symbolic;
    if text.iter().any(|&b| b == b':') {
        row.names.inet6_host(t, ipv6(text), numeric);
    } else {
        row.names.inet_host(t, addr::ipv4_from_text(text).unwrap_or([255; 4]), numeric);
    }
    t.truncate(63);
}

/// net-tools reads eight `%04X` groups, which is what kernels write. Where that fails its
/// result is undefined; we take the address `inet_pton` reads (compressed text too), else the
/// groups `%04X` reads, with zeros for the rest.
fn ipv6(text: &[u8]) -> [u8; 16] {
    if let Some(a) = addr::parse_ipv6(text) {
        return a;
    }
    let mut groups = [Val::Num(0); 8];
    scan::sscanf(text, b"%04X:%04X:%04X:%04X:%04X:%04X:%04X:%04X", &mut groups);
    let mut a = [0u8; 16];
    for (pair, g) in a.chunks_exact_mut(2).zip(&groups) {
        pair.copy_from_slice(&(g.num() as u16).to_be_bytes());
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_reads_full_and_compressed_groups() {
        let want: [u8; 16] = "2001:db8::1".parse::<std::net::Ipv6Addr>().unwrap().octets();
        assert_eq!(ipv6(b"2001:0db8:0000:0000:0000:0000:0000:0001"), want);
        assert_eq!(ipv6(b"2001:db8::1"), want);
        // Trailing text after eight groups is ignored, as by sscanf.
        assert_eq!(ipv6(b"2001:db8:0:0:0:0:0:1:99"), want);
        let mut partial = [0u8; 16];
        partial[..2].copy_from_slice(&[0x20, 0x01]);
        assert_eq!(ipv6(b"2001:zz"), partial);
        assert_eq!(ipv6(b"::"), [0; 16]);
        assert_eq!(ipv6(b"::1")[15], 1);
        assert_eq!(ipv6(b"fe80::1:2"), "fe80::1:2".parse::<std::net::Ipv6Addr>().unwrap().octets());
    }
}
