//! TCP, UDP, UDP-Lite and RAW tables from /proc/net/{tcp,udp,udplite,raw}{,6}.
//!
//! Every line is read with net-tools' one scanf pattern, straight from the read buffer.

use crate::addr::{self, Text};
use crate::cscan::{c_str, scanf_number, skip_space};
use crate::names::PortProto;
use crate::out::err;
use crate::printf::name;
use crate::text::Packed;
use crate::procfs::{self, Lines, Path};
use crate::sockets::{self, Ctx, Row};
use rustix::io::Errno;

/// The two-line Internet header.
pub fn header(ctx: &mut Ctx) {
    let o = ctx.opts;
    ctx.out.text(t!("Active Internet connections "));
    ctx.which_sockets();
    let out = &mut *ctx.out;
    out.text(t!("\nProto Recv-Q Send-Q Local Address           Foreign Address         State      "));
    if o.extend > 1 {
        out.text(t!(" User       Inode     "));
    }
    if o.programs {
        out.text(t!(" PID/Program name    "));
    }
    if o.timers {
        out.text(t!(" Timer"));
    }
    out.text(t!("\n"));
}

/// The protocols by table: each reads `net/<name>` and `net/<name>6`, and labels its rows
/// with the name's first four letters.
const PROTOCOLS: Packed = t!("tcp|udp|raw|udplite");
pub const TCP: u8 = 0;
pub const UDP: u8 = 1;
pub const RAW: u8 = 2;
pub const UDPLITE: u8 = 3;

/// How a table's lines are filtered and printed (UDP-Lite prints as UDP); each is its
/// protocol's place in `PROTOCOLS`, in `PortProto`'s order.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Tcp = TCP as isize,
    Udp = UDP as isize,
    Raw = RAW as isize,
}

/// net-tools' TCP state names by number, `UNKNOWN` last; SCTP sockets show them too.
pub const TCP_STATES: Packed =
    t!("|ESTABLISHED|SYN_SENT|SYN_RECV|FIN_WAIT1|FIN_WAIT2|TIME_WAIT|CLOSE|CLOSE_WAIT|LAST_ACK|LISTEN|CLOSING|UNKNOWN");
pub const TCP_UNKNOWN: usize = 12;

/// The files of one protocol (behaviour spec §10.3 for the files that cannot be opened).
pub fn table(ctx: &mut Ctx, protocol: u8) -> i32 {
    let everything = ctx.opts.selected() == 0;
    let names = PROTOCOLS.unpack();
    let file = name(&names, protocol as usize).unwrap_or_default();
    let mut rel = Path::new();
    rel.push(b"net/").push(file);
    let mut status = 0;
    if everything || ctx.opts.families.inet > 0 {
        if let Err(errno) = print_file(ctx, protocol, rel.as_bytes(), false) {
            let whats = t!("AF INET (tcp)|AF INET (udp)|AF INET (raw)|AF INET (udplite)").unpack();
            let what = name(&whats, protocol as usize).unwrap_or_default();
            status = sockets::missing_file(ctx, what, errno, rel.as_bytes());
            if status == 255 {
                return status;
            }
        }
    }
    if everything || ctx.opts.families.inet6 > 0 {
        // A missing IPv6 twin is silent.
        let _ = print_file(ctx, protocol, rel.as_bytes(), true);
    }
    status
}

/// Prints `rel` (`net/<name>`), or with `six` its IPv6 twin.
fn print_file(ctx: &mut Ctx, protocol: u8, rel: &[u8], six: bool) -> Result<(), Errno> {
    let mut path = Path::proc(ctx.env.proc_root, rel);
    path.push(&b"6"[..six as usize]);
    let fd = procfs::open(&path)?;
    let file = rel.get(4..).unwrap_or_default();
    let mut label = Text::new();
    addr::push(&mut label, file.get(..4).unwrap_or(file));
    addr::push(&mut label, &b"6"[..six as usize]);
    let kind = match protocol {
        TCP => Kind::Tcp,
        RAW => Kind::Raw,
        _ => Kind::Udp,
    };
    let shown = [ctx.shows(false), ctx.shows(true)];
    let mut rows = Row { opts: ctx.opts, out: &mut *ctx.out, names: &mut *ctx.names, programs: &*ctx.programs };
    let mut lines = Lines::new(fd, &mut *ctx.lines);
    // Line 0 is the kernel's column header; net-tools skips it unread.
    let _ = lines.next_line();
    // Unpacked once: a row costs less than unpacking a text.
    let states = TCP_STATES.unpack();
    while let Some(text) = lines.next_line() {
        rows.line(kind, &label, &shown, &states, text);
    }
    Ok(())
}

/// Where a TCP or UDP row's state is in `TCP_STATES` (RAW rows print the number).
fn state_index(kind: Kind, st: u32) -> usize {
    match (kind, st) {
        // States past the kernel's table are undefined behaviour in net-tools (decisions.md).
        (Kind::Tcp, st) => (st as usize).min(TCP_UNKNOWN),
        (_, 1) => 1,
        (_, 7) => 0,
        _ => TCP_UNKNOWN,
    }
}

impl Row<'_> {
    /// One line: checked, filtered by `shown` (indexed by "is a server"), printed.
    fn line(&mut self, kind: Kind, label: &[u8], shown: &[bool; 2], states: &[u8], text: &[u8]) {
        let l = Line::parse(text);
        let needed = if kind == Kind::Tcp { 11 } else { 10 };
        if l.fields < needed {
            let names = PROTOCOLS.unpack();
            err(t!("warning, got bogus %s line.\n"), &[name(&names, kind as usize).unwrap_or_default()]);
            return;
        }
        let (local, remote) = hosts(l.local, l.remote);
        // TCP servers have no remote port; UDP and RAW servers have no remote address.
        let server = match kind {
            Kind::Tcp => l.remote_port == 0,
            _ => remote.iter().all(|&b| b == 0),
        };
        if !shown[server as usize] {
            return;
        }
        let proto = match kind {
            Kind::Tcp => PortProto::Tcp,
            Kind::Udp => PortProto::Udp,
            Kind::Raw => PortProto::Raw,
        };
        let local = self.cell(&local, l.local_port, proto);
        let remote = self.cell(&remote, l.remote_port, proto);
        let out = &mut *self.out;
        out.left(label, 6);
        out.num_right(l.rx_queue as i64, 6);
        out.byte(b' ');
        out.num_right(l.tx_queue as i64, 6);
        out.byte(b' ');
        out.safe_left(&local, 23);
        out.byte(b' ');
        out.safe_left(&remote, 23);
        out.byte(b' ');
        if kind == Kind::Raw {
            out.num_left(l.state as i32, 11);
        } else {
            out.left(name(states, state_index(kind, l.state)).unwrap_or_default(), 11);
        }
        let mut t = Text::new();
        if self.opts.timers {
            timer(&mut t, kind, &l);
        }
        self.finish(l.uid, l.inode, &t);
    }

    /// net-tools' `addr_do_one`: the `host:port` cell.
    fn cell(&mut self, host: &Host, port: u32, proto: PortProto) -> Text {
        let o = self.opts;
        let mut a = Text::new();
        match host {
            Host::V4(h) => self.names.inet_host(&mut a, *h, o.numeric.hosts),
            Host::V6(h) => self.names.inet6_host(&mut a, *h, o.numeric.hosts),
        }
        let mut p = Text::new();
        // net-tools hands the port through htons, which keeps the low 16 bits.
        self.names.port(&mut p, port as u16, proto, o.numeric.ports);
        cell_text(&a, &p, o.wide)
    }
}

/// `host:port`, cut to 23 bytes without `-W` (the host loses bytes first, the port keeps at
/// most 18), else capped at 127 bytes.
fn cell_text(a: &[u8], p: &[u8], wide: bool) -> Text {
    const SHORT: usize = 22;
    let mut cell = Text::new();
    if !wide && a.len() + p.len() > SHORT {
        let plen = p.len().min(SHORT - 4);
        addr::push(&mut cell, &a[..a.len().min(SHORT - plen)]);
        addr::push(&mut cell, b":");
        addr::push(&mut cell, &p[..plen]);
    } else {
        addr::push(&mut cell, a);
        addr::push(&mut cell, b":");
        addr::push(&mut cell, p);
        cell.truncate(127);
    }
    cell
}

/// The `-o` string, cut to 63 bytes as net-tools' 64-byte buffer cuts it.
fn timer(t: &mut Text, kind: Kind, l: &Line) {
    // net-tools zeroes the count for UDP only (not for RAW, whatever the spec says).
    let retransmits = if kind == Kind::Udp { 0 } else { l.retransmits as i64 };
    let tr = l.timer as i32;
    let (name, numbered): (&[u8], bool) = match (kind, tr) {
        (_, 0) => (b"off", false),
        (Kind::Tcp, 1) => (b"on", false),
        (Kind::Tcp, 2) => (b"keepalive", false),
        (Kind::Tcp, 3) => (b"timewait", false),
        (Kind::Tcp, 4) => (b"probe", false),
        (Kind::Udp | Kind::Raw, 1 | 2) => (b"on", true),
        _ => (b"unkn-", true),
    };
    addr::push(t, name);
    if numbered {
        addr::push(t, itoa::Buffer::new().format(tr).as_bytes());
    }
    addr::push(t, b" (");
    if tr == 0 {
        addr::push(t, b"0.00");
    } else {
        push_seconds(t, l.when);
    }
    for n in [retransmits, l.timeout as i64] {
        addr::push(t, b"/");
        addr::push(t, itoa::Buffer::new().format(n).as_bytes());
    }
    addr::push(t, b")");
    t.truncate(63);
}

/// printf's `%2.2f` of `ticks / 100.0` (CLK_TCK is 100), as glibc prints it: the exact value
/// of the double quotient, rounded to hundredths with ties to even.
fn push_seconds(t: &mut Text, ticks: u64) {
    let (mut whole, mut hundredths) = (ticks / 100, ticks % 100);
    if ticks >> 50 != 0 {
        // Below 2^50 ticks the double lies within 0.001 of ticks/100, so it prints as that.
        // Above, its error can show; but it is at least 2^43, so as mantissa * 2^-shift it has
        // shift <= 9: its fraction is a whole number of 512ths.
        let bits = (ticks as f64 / 100.0).to_bits();
        let mantissa = bits & ((1 << 52) - 1) | 1 << 52;
        let shift = 1075 - (bits >> 52) as i32;
        let in_512ths;
        (whole, in_512ths) = match shift {
            ..=0 => (mantissa << -shift, 0),
            _ => (mantissa >> shift, mantissa << (9 - shift)),
        };
        let scaled = (in_512ths & 511) * 100;
        let (q, rest) = (scaled >> 9, scaled & 511);
        hundredths = q + (rest > 256 || rest == 256 && q & 1 == 1) as u64;
        if hundredths == 100 {
            (whole, hundredths) = (whole + 1, 0);
        }
    }
    addr::push(t, itoa::Buffer::new().format(whole).as_bytes());
    addr::push(t, &[b'.', b'0' + (hundredths / 10) as u8, b'0' + (hundredths % 10) as u8]);
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Host {
    V4([u8; 4]),
    V6([u8; 16]),
}

impl core::ops::Deref for Host {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Host::V4(a) => a,
            Host::V6(a) => a,
        }
    }
}

/// The local and remote address. More than 8 hex digits in the local one means IPv6, for both.
/// An IPv6 address is read as up to four `%08X` words into one array that the remote address
/// reuses, so a short remote address keeps the local one's last words, as in net-tools (words
/// neither address supplies are uninitialised there; here they are 0).
fn hosts(local: &[u8], remote: &[u8]) -> (Host, Host) {
    if local.len() <= 8 {
        let v4 = |mut hex: &[u8]| Host::V4((scanf_number(&mut hex, 16, false).unwrap_or(0) as u32).to_le_bytes());
        return (v4(local), v4(remote));
    }
    let mut a = [0u8; 16];
    let mut v6 = |hex: &[u8]| {
        for (bytes, digits) in a.chunks_exact_mut(4).zip(hex.chunks(8)) {
            bytes.copy_from_slice(&addr::hex_u32(digits).unwrap_or(0).to_le_bytes());
        }
        Host::V6(a)
    };
    (v6(local), v6(remote))
}

/// One line of a socket table as net-tools' scanf pattern reads it. Fields after the last
/// conversion stay 0 (net-tools leaves them uninitialised; decisions.md).
struct Line<'l> {
    /// How many conversions succeeded (scanf's return value; the `%*s` does not count).
    fields: u8,
    local: &'l [u8],
    local_port: u32,
    remote: &'l [u8],
    remote_port: u32,
    state: u32,
    tx_queue: u64,
    rx_queue: u64,
    timer: u32,
    when: u64,
    retransmits: u64,
    uid: i32,
    timeout: i32,
    inode: u64,
}

/// `%d: %64[0-9A-Fa-f]:%X %64[0-9A-Fa-f]:%X %X %lX:%lX %X:%lX %lX %d %d %lu`, one byte per step:
/// `d` a signed decimal, `x` a hex number, `u` an unsigned decimal, `h` a run of 1 to 64 hex
/// digits, `:` itself, ` ` any white space.
const PATTERN: &[u8] = b"d: h:x h:x x x:x x:x x d d u";

impl<'l> Line<'l> {
    fn parse(text: &'l [u8]) -> Self {
        // sscanf sees a C string.
        let mut s = c_str(text);
        let mut numbers = [0u64; 12];
        let mut hex: [&[u8]; 2] = [b""; 2];
        let (mut n, mut h) = (0, 0);
        for &step in PATTERN {
            match step {
                b' ' => skip_space(&mut s),
                b':' => match s {
                    [b':', rest @ ..] => s = rest,
                    _ => break,
                },
                b'h' => {
                    let len = s.iter().take(64).take_while(|b| b.is_ascii_hexdigit()).count();
                    if len == 0 {
                        break;
                    }
                    hex[h] = &s[..len];
                    s = &s[len..];
                    h += 1;
                }
                _ => {
                    let base = if step == b'x' { 16 } else { 10 };
                    let Some(v) = scanf_number(&mut s, base, step == b'd') else { break };
                    numbers[n] = v;
                    n += 1;
                }
            }
        }
        let [_sl, local_port, remote_port, state, tx_queue, rx_queue, timer, when, retransmits, uid, timeout, inode] = numbers;
        Line {
            fields: (n + h) as u8,
            local: hex[0],
            local_port: local_port as u32,
            remote: hex[1],
            remote_port: remote_port as u32,
            state: state as u32,
            tx_queue,
            rx_queue,
            timer: timer as u32,
            when,
            retransmits,
            uid: uid as i32,
            timeout: timeout as i32,
            inode,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KERNEL_LINE: &[u8] = b"   3: 0100007F:1F90 0200007F:D2F0 01 0000000A:00000014 02:00000A8C 00000003  1000        7 4242 1 0000000000000000 20 4 30 10 -1";

    #[test]
    fn parses_a_kernel_line() {
        let l = Line::parse(KERNEL_LINE);
        assert_eq!(l.fields, 14);
        assert_eq!((l.local, l.local_port), (&b"0100007F"[..], 8080));
        assert_eq!((l.remote, l.remote_port), (&b"0200007F"[..], 0xd2f0));
        assert_eq!((l.state, l.tx_queue, l.rx_queue), (1, 10, 20));
        assert_eq!((l.timer, l.when, l.retransmits), (2, 0xa8c, 3));
        assert_eq!((l.uid, l.timeout, l.inode), (1000, 7, 4242));
        assert_eq!(hosts(l.local, l.remote), (Host::V4([127, 0, 0, 1]), Host::V4([127, 0, 0, 2])));
    }

    #[test]
    fn counts_conversions_until_the_first_failure() {
        for (text, fields) in [
            (&b""[..], 0),
            (b"garbage", 0),
            (b"0:", 1),
            (b"0 : 0100007F:0", 1),
            (b"0: 0100007F", 2),
            (b"0: 0100007F:1F90 0100007F:0 0A", 6),
            (b"0: 0100007F:1F90 0100007F:0 0A 0:0 00:0", 10),
            (b"0: 0100007F:1F90 0100007F:0 0A 0:0 00:0 0", 11),
            (b"0: 0100007F:1F90 0100007F:0 0A 0:0 00:0 0 5\0 7 9", 12),
            (b"0: 0100007F:1F90 0100007F:0 0A 0:0 00:0 0 5 x", 12),
            // 65 hex digits: the scanset stops at 64 and the `:` does not match.
            (&[&b"0: "[..], &[b'A'; 65], b":0"].concat()[..], 2),
        ] {
            assert_eq!(Line::parse(text).fields, fields, "{}", String::from_utf8_lossy(text));
        }
        let partial = Line::parse(b"0: 0100007F:1F90 0100007F:0 0A 0:0 00:0 0 5");
        assert_eq!((partial.uid, partial.timeout, partial.inode), (5, 0, 0));
    }

    #[test]
    fn ipv6_words_are_shared_between_the_addresses() {
        let l = Line::parse(b"0: 0000000000000000FFFF00000100007F:0050 0100007F:0 01 0:0 0:0 0");
        let (local, remote) = hosts(l.local, l.remote);
        let mapped: std::net::Ipv6Addr = "::ffff:127.0.0.1".parse().unwrap();
        assert_eq!(local, Host::V6(mapped.octets()));
        // Only the first word is the remote's own; the rest are the local address's.
        assert_eq!(remote, Host::V6([127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 255, 255, 127, 0, 0, 1]));
        let (_, remote) = hosts(b"000000000000000000000000000000001", b"02000000");
        assert_eq!(&remote[..4], &[0, 0, 0, 2]);
        // An IPv4 remote address longer than 16 digits saturates.
        assert_eq!(hosts(b"0", &[b'1'; 17]).1, Host::V4([255; 4]));
        assert_eq!(hosts(b"0", b"1234567801000000").1, Host::V4([0, 0, 0, 1]));
    }

    #[test]
    fn cells_cut_the_host_first() {
        let c = |a: &str, p: &str, wide| String::from_utf8(cell_text(a.as_bytes(), p.as_bytes(), wide).to_vec()).unwrap();
        assert_eq!(c("myhost.example.org", "mysql", false), "myhost.example.or:mysql");
        assert_eq!(c("averyveryverylonghostname", "20", false), "averyveryverylonghos:20");
        assert_eq!(c("2001:db8:1234:5678:9abc:def0:1234:5678", "443", false), "2001:db8:1234:5678::443");
        assert_eq!(c("2001:db8:1234:5678:9abc:def0:1234:5678", "40000", false), "2001:db8:1234:567:40000");
        assert_eq!(c("h", "averyveryverylongservicename", false), "h:averyveryverylongs");
        assert_eq!(c("127.0.0.1", "8080", false), "127.0.0.1:8080");
        assert_eq!(c("2001:db8:1234:5678:9abc:def0:1234:5678", "40000", true), "2001:db8:1234:5678:9abc:def0:1234:5678:40000");
        assert_eq!(c(&"x".repeat(200), "1", true).len(), 127);
    }

    #[test]
    fn state_columns() {
        let states = TCP_STATES.unpack();
        let col = |kind, st| String::from_utf8(name(&states, state_index(kind, st)).unwrap().to_vec()).unwrap();
        assert_eq!(col(Kind::Tcp, 0), "");
        assert_eq!(col(Kind::Tcp, 1), "ESTABLISHED");
        assert_eq!(col(Kind::Tcp, 6), "TIME_WAIT");
        assert_eq!(col(Kind::Tcp, 10), "LISTEN");
        assert_eq!(col(Kind::Tcp, 11), "CLOSING");
        assert_eq!(col(Kind::Tcp, 12), "UNKNOWN");
        assert_eq!(col(Kind::Tcp, u32::MAX), "UNKNOWN");
        assert_eq!(col(Kind::Udp, 1), "ESTABLISHED");
        assert_eq!(col(Kind::Udp, 7), "");
        assert_eq!(col(Kind::Udp, 10), "UNKNOWN");
        assert_eq!(col(Kind::Udp, 0), "UNKNOWN");
    }

    fn seconds(ticks: u64) -> String {
        let mut t = Text::new();
        push_seconds(&mut t, ticks);
        String::from_utf8(t.to_vec()).unwrap()
    }

    #[test]
    fn seconds_print_like_printf() {
        assert_eq!(seconds(0), "0.00");
        assert_eq!(seconds(11), "0.11");
        assert_eq!(seconds(719810), "7198.10");
        assert_eq!(seconds(u64::MAX), "184467440737095520.00");
        // Rust's fixed-precision formatting is exact with ties to even, as glibc's is.
        let mut x = 1u64;
        for i in 0..20000u64 {
            for ticks in [i, x, x >> (i % 64), u64::MAX - i, (1 << 53) + i * 37, (1 << 50) + i * 1013, (1 << 50) - i] {
                assert_eq!(seconds(ticks), format!("{:.2}", ticks as f64 / 100.0), "{ticks}");
            }
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        }
    }

    fn timer_text(kind: Kind, line: &[u8]) -> String {
        let mut t = Text::new();
        timer(&mut t, kind, &Line::parse(line));
        String::from_utf8(t.to_vec()).unwrap()
    }

    #[test]
    fn timers_name_the_kind() {
        let line = |tr: &str| format!("0: 0:0 0:0 01 0:0 {tr}:123 5 0 7 0");
        assert_eq!(timer_text(Kind::Tcp, line("0").as_bytes()), "off (0.00/5/7)");
        assert_eq!(timer_text(Kind::Tcp, line("1").as_bytes()), "on (2.91/5/7)");
        assert_eq!(timer_text(Kind::Tcp, line("2").as_bytes()), "keepalive (2.91/5/7)");
        assert_eq!(timer_text(Kind::Tcp, line("3").as_bytes()), "timewait (2.91/5/7)");
        assert_eq!(timer_text(Kind::Tcp, line("4").as_bytes()), "probe (2.91/5/7)");
        assert_eq!(timer_text(Kind::Tcp, line("A").as_bytes()), "unkn-10 (2.91/5/7)");
        assert_eq!(timer_text(Kind::Udp, line("0").as_bytes()), "off (0.00/0/7)");
        assert_eq!(timer_text(Kind::Udp, line("2").as_bytes()), "on2 (2.91/0/7)");
        assert_eq!(timer_text(Kind::Raw, line("3").as_bytes()), "unkn-3 (2.91/5/7)");
        assert_eq!(timer_text(Kind::Tcp, line("FFFFFFFF").as_bytes()), "unkn--1 (2.91/5/7)");
        let long = timer_text(Kind::Tcp, b"0: 0:0 0:0 01 0:0 80000000:FFFFFFFFFFFFFFFF 8000000000000000 0 2147483648 0");
        assert_eq!(long, "unkn--2147483648 (184467440737095520.00/-9223372036854775808/-2");
    }
}
