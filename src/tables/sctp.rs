//! SCTP endpoints and associations from /proc/net/sctp{,6}/{eps,assocs} (behaviour spec §4.9).
//! Lines are split with `strtok` and numbers read with `atoi`, as net-tools does.

use crate::addr::{self, Text};
use crate::names::PortProto;
use crate::procfs::{self, Lines, Path};
use crate::scan::{self, Tokens};
use crate::sockets::{self, Ctx, Row};

const SPACE: &[u8] = b" \t\n";

/// net-tools' TCP state names, which it uses for SCTP sockets too.
const STATES: [&str; 12] = ["", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
    "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"];

#[derive(Clone, Copy)]
enum Table {
    Endpoints,
    Associations,
}

pub fn print(ctx: &mut Ctx) -> i32 {
    let o = ctx.opts;
    if o.all > 0 || o.listening > 0 {
        let status = table(ctx, Table::Endpoints);
        if status != 0 || o.all == 0 {
            return status;
        }
    }
    table(ctx, Table::Associations)
}

/// The IPv4 file, then the IPv6 one, each if its family is wanted.
fn table(ctx: &mut Ctx, table: Table) -> i32 {
    let name: &[u8] = match table {
        Table::Endpoints => b"eps",
        Table::Associations => b"assocs",
    };
    let everything = ctx.opts.selected() == 0;
    let mut status = 0;
    for (wanted, dir) in [(ctx.opts.families.inet, &b"sctp/"[..]), (ctx.opts.families.inet6, b"sctp6/")] {
        if !everything && wanted == 0 {
            continue;
        }
        let mut path = Path::proc(ctx.env.proc_root, b"net/");
        path.push(dir).push(name);
        let fd = match procfs::open(&path) {
            Ok(fd) => fd,
            Err(_) if dir == b"sctp6/" => continue,
            Err(e) => {
                let mut shown = Path::new();
                shown.push(b"/proc/net/").push(dir).push(name);
                status = sockets::missing_file(ctx, b"AF INET (sctp)", e, shown.as_bytes());
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
            match table {
                Table::Endpoints => endpoint(&mut row, line),
                Table::Associations => association(&mut row, line),
            }
        }
    }
    status
}

/// `ENDPT SOCK STY SST HBKT LPORT UID INODE LADDRS`: one output line per local address.
fn endpoint(row: &mut Row, line: &[u8]) {
    let mut t = Tokens::new(line);
    let f: [Option<&[u8]>; 8] = core::array::from_fn(|_| t.next(SPACE));
    let (Some(state), Some(port), Some(uid), Some(inode)) = (f[3], f[5], f[6], f[7]) else {
        crate::out::err(&[b"warning, got bogus sctp eps line.\n"]);
        return;
    };
    let addresses = t.next(b"\t\n").unwrap_or(b"");
    let port = port_text(row, scan::atoi(port));
    let state = scan::atoi(state);
    let mut first = true;
    let mut list = Tokens::new(addresses);
    while let Some(a) = list.next(SPACE) {
        let mut cell = address(row, a);
        addr::push(&mut cell, b":");
        addr::push(&mut cell, &port);
        row.out.str(if first { "sctp                " } else { "\n                    " });
        row.out.safe_left(&cell, 47);
        state_cell(row, first, state);
        first = false;
    }
    row.finish(scan::atoi(uid), scan::strtoul(inode, 0), b"");
}

/// `ASSOC SOCK STY SST ST HBKT ASSOC-ID TX_QUEUE RX_QUEUE UID INODE LPORT RPORT LADDRS <->
/// RADDRS`: local and remote addresses side by side, one pair per output line.
fn association(row: &mut Row, line: &[u8]) {
    let mut t = Tokens::new(line);
    let f: [Option<&[u8]>; 13] = core::array::from_fn(|_| t.next(SPACE));
    let (Some(state), Some(tx), Some(rx), Some(uid), Some(inode), Some(lport), Some(rport)) =
        (f[3], f[7], f[8], f[9], f[10], f[11], f[12])
    else {
        crate::out::err(&[b"warning, got bogus sctp assoc line.\n"]);
        return;
    };
    let mut local = Tokens::new(t.next(b"<->\t\n").unwrap_or(b""));
    let mut remote = Tokens::new(t.next(b"<->\t\n").unwrap_or(b""));
    let ports = [port_text(row, scan::atoi(lport)), port_text(row, scan::atoi(rport))];
    let state = scan::atoi(state);
    let mut first = true;
    loop {
        let pair = [local.next(SPACE), remote.next(SPACE)];
        if pair == [None, None] {
            break;
        }
        if first {
            row.out.str("sctp  ");
            row.out.num_right(scan::atoi(rx) as u32, 6);
            row.out.byte(b' ');
            row.out.num_right(scan::atoi(tx) as u32, 6);
            row.out.byte(b' ');
        } else {
            row.out.str("\n                    ");
        }
        for (i, (a, port)) in pair.iter().zip(&ports).enumerate() {
            let mut cell = Text::new();
            if let Some(a) = a {
                cell = address(row, a.strip_prefix(b"*").unwrap_or(a));
                if first {
                    addr::push(&mut cell, b":");
                    addr::push(&mut cell, port);
                }
            }
            if i == 1 {
                row.out.byte(b' ');
            }
            row.out.safe_left(&cell, 23);
        }
        state_cell(row, first, state);
        first = false;
    }
    row.finish(scan::atoi(uid), scan::strtoul(inode, 0), b"");
}

/// ` %-11s` of the state on an entry's first line, blank on the others.
fn state_cell(row: &mut Row, first: bool, state: i32) {
    row.out.byte(b' ');
    if !first {
        row.out.spaces(11);
    } else if let Some(name) = STATES.get(state as usize) {
        row.out.left(name.as_bytes(), 11);
    } else {
        let mut n = itoa::Buffer::new();
        let mut text = Text::new();
        for part in [&b"UNKNOWN("[..], n.format(state).as_bytes(), b")"] {
            addr::push(&mut text, part);
        }
        row.out.left(&text, 11);
    }
}

/// A port as `get_sname` gives it for SCTP: `*` or the number, never a service name. The
/// kernel's value passes through a 16-bit `htons`.
fn port_text(row: &mut Row, port: i32) -> Text {
    let mut t = Text::new();
    row.names.port(&mut t, port as u16, PortProto::Never, true);
    t
}

/// An address as the SCTP files write it (dotted IPv4, or eight full IPv6 groups), named or
/// numeric; SCTP addresses are numeric under any of net-tools' numeric options. Cut to 63
/// bytes as net-tools' buffer cuts it.
fn address(row: &mut Row, text: &[u8]) -> Text {
    let n = row.opts.numeric;
    let numeric = n.hosts || n.ports || n.users || n.symbolic;
    let mut t = Text::new();
    if text.contains(&b':') {
        row.names.inet6_host(&mut t, ipv6(text), numeric);
    } else {
        row.names.inet_host(&mut t, addr::ipv4_from_text(text).unwrap_or([255; 4]), numeric);
    }
    t.truncate(63);
    t
}

/// net-tools reads eight `%04X` groups, which is what kernels write. Where that fails its
/// result is undefined; we read compressed text too, with zero groups where the `::` is.
fn ipv6(text: &[u8]) -> [u8; 16] {
    let mut g = [0u16; 8];
    let (mut n, mut gap, mut i) = (0, None, 0);
    while n < 8 && i < text.len() {
        if text[i] == b':' {
            if text.get(i + 1) == Some(&b':') && gap.is_none() {
                gap = Some(n);
                i += 1;
            }
            i += 1;
            continue;
        }
        let (value, len) = scan::strtoul_end(&text[i..], 16);
        if len == 0 {
            break;
        }
        g[n] = value as u16;
        n += 1;
        i += len;
    }
    if let Some(at) = gap {
        g.copy_within(at..n, 8 - (n - at));
        g[at..8 - (n - at)].fill(0);
    }
    let mut a = [0u8; 16];
    for (i, group) in g.iter().enumerate() {
        a[2 * i..2 * i + 2].copy_from_slice(&group.to_be_bytes());
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
