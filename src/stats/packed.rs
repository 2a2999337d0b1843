//! The counter tables as the binary carries them: packed by build.rs from `tables.rs` (whose
//! layout notes say how), holding only the entries net-tools can find. Names and sentences
//! are unpacked on demand into a small buffer.

use super::tables::{Kind, Switch, Table, Titles};
use crate::pack::word_index;
use crate::addr::Text;

include!(concat!(env!("OUT_DIR"), "/stats_packed.rs"));

/// A counter's table entry: its sentence number, which also says how it prints.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Found(u8);

impl Found {
    pub fn kind(self) -> Kind {
        match self.0 {
            n if n < KIND_ENDS[0] => Kind::Always,
            n if n < KIND_ENDS[1] => Kind::NonZero,
            n if n < KIND_ENDS[2] => Kind::InHist,
            n if n < KIND_ENDS[3] => Kind::OutHist,
            _ => Kind::Silent,
        }
    }
}

/// The entry for counter `name` in `table`, if net-tools would find one.
pub fn lookup(table: Table, name: &[u8]) -> Option<Found> {
    let t = table as usize;
    let mut rest = ENTRIES.get(TABLE_START[t] as usize..TABLE_START[t + 1] as usize)?;
    let mut text = Text::new();
    while let [shared, number, tail @ ..] = rest {
        let len = tail.iter().position(|&b| b < 0x20).unwrap_or(tail.len());
        text.truncate(*shared as usize);
        unpack(&tail[..len], &mut text);
        if text == name {
            return Some(Found(*number));
        }
        rest = &tail[len..];
    }
    None
}

/// The switch and table of a section title net-tools knows.
pub fn section(titles: Titles, title: &[u8]) -> Option<(Switch, Table)> {
    let (words, sections): (&[u8], &[(Switch, Table)]) = match titles {
        Titles::Ipv4 => (&IPV4_TITLE_WORDS, &IPV4_TITLE_SECTIONS),
        Titles::Ipv6 => (&IPV6_TITLE_WORDS, &IPV6_TITLE_SECTIONS),
    };
    sections.get(word_index(words, title)?).copied()
}

/// The entry's sentence, with `%` where the value goes.
pub fn sentence(found: Found, text: &mut Text) {
    // The output histogram's numbers follow the input histogram's, for the same sentences.
    let mut n = found.0;
    if n >= KIND_ENDS[2] {
        n -= KIND_ENDS[2] - KIND_ENDS[1];
    }
    let mut rest = &SENTENCES[..];
    while let Some(end) = rest.iter().position(|&b| b == 0) {
        if n == 0 {
            return unpack_sentence(&rest[..end], text);
        }
        n -= 1;
        rest = &rest[end + 1..];
    }
}

fn unpack_sentence(tokens: &[u8], text: &mut Text) {
    for &token in tokens {
        match SENTENCE_PAIRS.get((token as usize).wrapping_sub(1)) {
            Some(pair) => unpack_sentence(pair, text),
            None => unpack(&[token], text),
        }
    }
}

fn unpack(tokens: &[u8], text: &mut Text) {
    crate::text::unpack_tokens(tokens, text.as_mut_view());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::tables::{Entry, TABLES};

    const ALL: [Table; 9] = [
        Table::Ip,
        Table::Ip6,
        Table::Icmp,
        Table::Icmp6,
        Table::Tcp,
        Table::Udp,
        Table::Udp6,
        Table::TcpExt,
        Table::Sctp,
    ];

    /// glibc's bsearch, as net-tools calls it.
    fn bsearch(table: &[Entry], key: &str) -> Option<usize> {
        let (mut low, mut high) = (0, table.len());
        while low < high {
            let middle = (low + high) / 2;
            match key.as_bytes().cmp(table[middle].0.as_bytes()) {
                std::cmp::Ordering::Less => high = middle,
                std::cmp::Ordering::Greater => low = middle + 1,
                std::cmp::Ordering::Equal => return Some(middle),
            }
        }
        None
    }

    #[test]
    fn what_net_tools_finds_unpacks_to_its_table_row_and_nothing_else_is_found() {
        let mut never_found = Vec::new();
        for (table, entries) in ALL.into_iter().zip(TABLES) {
            assert_eq!(TABLES[table as usize].as_ptr(), entries.as_ptr());
            for (i, &(name, kind, sentence)) in entries.iter().enumerate() {
                let key = name.trim_end();
                match lookup(table, key.as_bytes()) {
                    Some(found) => {
                        assert_eq!((bsearch(entries, key), found.kind()), (Some(i), kind), "{name}");
                        let mut text = Text::new();
                        super::sentence(found, &mut text);
                        if kind != Kind::Silent {
                            assert_eq!(text, sentence.replace("%llu", "%").as_bytes(), "{name}");
                        }
                    }
                    None => never_found.push(name),
                }
            }
        }
        // Behaviour reference §8.5.
        assert_eq!(
            never_found,
            [
                "Forwarding",
                "Icmp6OutRouterAdvertisements ",
                "TCPDirectCopyFromPrequeue",
                "TCPDSACKOfoRecv",
                "TCPDSACKOfoSent",
                "TCPDSACKOldSent",
                "TCPDSACKRecv",
                "TCPDSackUndo",
                "TCPDSACKUndo",
                "TCPLoss",
                "TCPPrequeueDropped",
                "TCPRenoRecoveryFailed",
                "TCPRenoRecoveryFail",
                "TCPSackFailures",
                "TCPSackRecoveryFail",
                "TCPSackRecovery",
                "TCPSACKReneging",
                "TCPTimeouts",
                "TWKilled",
            ]
        );
    }

    #[test]
    fn section_titles_are_found_whole() {
        use crate::stats::tables::{IPV4_SECTIONS, IPV6_SECTIONS};
        for (titles, known) in [(Titles::Ipv4, IPV4_SECTIONS), (Titles::Ipv6, IPV6_SECTIONS)] {
            for &(title, switch, table) in known {
                assert_eq!(section(titles, title.as_bytes()), Some((switch, table)), "{title}");
            }
            for unknown in [&b""[..], b"Ip Icmp", b"ip", b"Tcp ", b"IcmpMsg"] {
                assert_eq!(section(titles, unknown), None);
            }
        }
        assert_eq!(section(Titles::Ipv4, b"Tcp6"), None);
        assert_eq!(section(Titles::Ipv6, b"Tcp"), None);
    }

    #[test]
    fn names_match_whole() {
        assert!(lookup(Table::Tcp, b"InSegs").is_some());
        for name in [&b"InSeg"[..], b"InSegsX", b"", b"insegs", b"Icmp6OutRouterAdvertisements"] {
            assert_eq!(lookup(Table::Tcp, name), None);
        }
        assert_eq!(lookup(Table::Icmp6, b"Icmp6OutRouterAdvertisements"), None);
        assert!(lookup(Table::Icmp6, b"Icmp6InRouterAdvertisements").is_some());
    }
}
