//! net-tools' printing state machine for `-s` (behaviour reference §8.4), including what looks
//! like bugs: the indent of a counter without an entry depends on what was printed before it,
//! even in an earlier section, and a histogram title takes the indent of the state it leaves.

use super::packed;
use super::tables::{Kind, Switch, Table, Titles};
use crate::addr::Text;
use crate::out::Out;

/// Where the parsers deliver what they read.
pub trait Counters {
    /// A section starts; its title is looked up among `titles`.
    fn section(&mut self, titles: Titles, title: &[u8]);
    fn counter(&mut self, name: &[u8], value: u64);
}

/// What the last counter with an entry printed, or would have printed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    Plain,
    InHist,
    OutHist,
}

impl State {
    fn indent(self) -> usize {
        if self == State::Plain {
            4
        } else {
            8
        }
    }
}

/// Which sections `-w`, `-t`, `-u` and `-S` turn on, in `Switch` order.
#[derive(Clone, Copy)]
pub struct Switches(pub [bool; 4]);

impl Switches {
    fn on(self, switch: Switch) -> bool {
        self.0[switch as usize]
    }
}

pub struct Printer<'a> {
    out: &'a mut Out,
    switches: Switches,
    state: State,
    /// The current section's table; None for a title net-tools does not know.
    table: Option<Table>,
    on: bool,
}

impl<'a> Printer<'a> {
    // Out of line: a smaller binary.
    #[inline(never)]
    pub fn new(out: &'a mut Out, switches: Switches) -> Self {
        Printer { out, switches, state: State::Plain, table: None, on: true }
    }

    fn line_start(&mut self, state: State) {
        self.out.spaces(state.indent());
    }
}

impl Counters for Printer<'_> {
    /// A known title prints when its switch is on and resets the state even when it is off;
    /// an unknown one always prints, leaves the state alone, and has no entries.
    fn section(&mut self, titles: Titles, title: &[u8]) {
        match packed::section(titles, title) {
            Some((switch, table)) => {
                self.on = self.switches.on(switch);
                self.table = Some(table);
                self.state = State::Plain;
            }
            None => {
                self.on = true;
                self.table = None;
            }
        }
        if self.on {
            self.out.safe(title);
            self.out.bytes(b":\n");
        }
    }

    fn counter(&mut self, name: &[u8], value: u64) {
        if !self.on {
            return;
        }
        // A counter without an entry prints as `Name: value`, unless 0, and leaves the state.
        let mut sentence = Text::new();
        let found = self.table.and_then(|t| packed::lookup(t, name));
        let (kind, state) = match found {
            None => {
                let _ = sentence.extend_from_slice(b": %");
                (Kind::NonZero, self.state)
            }
            Some(found) => {
                let kind = found.kind();
                let state = match kind {
                    Kind::Silent => return,
                    Kind::Always | Kind::NonZero => State::Plain,
                    Kind::InHist => State::InHist,
                    Kind::OutHist => State::OutHist,
                };
                if state != State::Plain && state != self.state {
                    self.line_start(self.state);
                    self.out.text(if state == State::InHist { t!("ICMP input histogram:\n") } else { t!("ICMP output histogram:\n") });
                }
                packed::sentence(found, &mut sentence);
                (kind, state)
            }
        };
        if value != 0 || kind == Kind::Always {
            self.line_start(state);
            if found.is_none() {
                self.out.safe(name);
            }
            let (before, after) = sentence.split_at(sentence.iter().position(|&b| b == b'%').unwrap_or(sentence.len()));
            self.out.bytes(before);
            self.out.num(value);
            self.out.bytes(after.get(1..).unwrap_or_default());
            self.out.byte(b'\n');
        }
        self.state = state;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    enum Event<'a> {
        S(&'a str),
        C(&'a str, u64),
    }
    use Event::{C, S};

    /// What the printer makes of `events` with the switches raw, tcp, udp, sctp.
    fn printed([raw, tcp, udp, sctp]: [bool; 4], titles: Titles, events: &[Event]) -> String {
        let mut out = Box::new(Out::new());
        let mut p = Printer::new(&mut out, Switches([raw, tcp, udp, sctp]));
        for e in events {
            match *e {
                S(title) => p.section(titles, title.as_bytes()),
                C(name, value) => p.counter(name.as_bytes(), value),
            }
        }
        String::from_utf8(out.pending().to_vec()).unwrap()
    }

    const ALL: [bool; 4] = [true; 4];

    #[test]
    fn sentences_print_always_or_unless_zero_and_silent_entries_never() {
        let events = [S("Ip"), C("Forwarding", 1), C("DefaultTTL", 64), C("InReceives", 0), C("InHdrErrors", 0), C("InAddrErrors", 3)];
        assert_eq!(
            printed(ALL, Titles::Ipv4, &events),
            "Ip:\n    Forwarding: 1\n    0 total packets received\n    3 with invalid addresses\n"
        );
        let events = [S("Tcp"), C("MaxConn", u64::MAX), C("RtoAlgorithm", 1), C("ActiveOpens", u64::MAX)];
        assert_eq!(printed(ALL, Titles::Ipv4, &events), "Tcp:\n    18446744073709551615 active connection openings\n");
    }

    #[test]
    fn histogram_titles_take_the_indent_of_the_state_they_leave() {
        let events = [
            S("Icmp"),
            C("InMsgs", 2),
            C("InDestUnreachs", 0),
            C("InEchos", 2),
            C("OutMsgs", 1),
            C("OutEchoReps", 1),
            C("OutTimeExcds", 0),
            S("IcmpMsg"),
            C("InType8", 2),
            C("Nothing", 0),
        ];
        assert_eq!(
            printed(ALL, Titles::Ipv4, &events),
            "Icmp:\n    2 ICMP messages received\n    ICMP input histogram:\n        echo requests: 2\n    1 ICMP messages sent\n    ICMP output histogram:\n        echo replies: 1\nIcmpMsg:\n        InType8: 2\n"
        );
        let events = [S("Icmp6"), C("Icmp6InEchos", 0), C("Icmp6OutEchos", 0), C("Icmp6InMsgs", 0), C("Icmp6OutRouterAdvertisements", 5)];
        assert_eq!(
            printed(ALL, Titles::Ipv6, &events),
            "Icmp6:\n    ICMP input histogram:\n        ICMP output histogram:\n    0 ICMP messages received\n    Icmp6OutRouterAdvertisements: 5\n"
        );
    }

    #[test]
    fn a_switched_off_section_prints_nothing_but_resets_the_indent() {
        let events = [S("Icmp"), C("InEchos", 1), S("IcmpMsg"), C("InType8", 1), S("Tcp"), C("ActiveOpens", 1), S("UdpLite"), C("X", 1)];
        assert_eq!(printed([false, false, true, false], Titles::Ipv4, &events), "IcmpMsg:\n    InType8: 1\nUdpLite:\n    X: 1\n");
        assert_eq!(printed([false; 4], Titles::Ipv4, &[S("Sctp"), C("SctpCurrEstab", 1)]), "");
    }

    #[test]
    fn unknown_sections_have_no_entries_and_titles_are_exact() {
        let events = [S("Tcp6"), C("ActiveOpens", 1), S("Tcp"), C("ActiveOpens", 2), S("tcp"), C("ActiveOpens", 3)];
        assert_eq!(
            printed(ALL, Titles::Ipv6, &events),
            "Tcp6:\n    1 active connection openings\nTcp:\n    ActiveOpens: 2\ntcp:\n    ActiveOpens: 3\n"
        );
    }

    #[test]
    fn control_bytes_from_the_file_print_as_question_marks() {
        let events = [S("A\x1b"), C("B\r", 1)];
        assert_eq!(printed(ALL, Titles::Ipv4, &events), "A?:\n    B?: 1\n");
    }
}
