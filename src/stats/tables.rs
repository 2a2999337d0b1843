//! The counter tables of net-tools 2.10's `netstat -s` (behaviour reference §8.6): for each
//! kernel counter name, the sentence that reports it and how it is printed. The sentences are
//! the interface scripts parse, so they are kept exactly, odd spaces included.
//!
//! Each table is in net-tools' array order, which is not the order `strcmp` sorts in. net-tools
//! looks names up with a binary search all the same, so a few entries can never be found and
//! their counters print as `Name: value` instead (reference §8.5). This file is data only:
//! build.rs applies that rule and packs what can be found into the compact form the binary
//! carries (`stats::packed`); the full tables here cost nothing in the binary.

/// How a found counter prints (the `%llu` in its sentence is the value).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// The sentence, even for 0.
    Always,
    /// The sentence, unless the value is 0.
    NonZero,
    /// A line under `ICMP input histogram:`, unless the value is 0.
    InHist,
    /// A line under `ICMP output histogram:`, unless the value is 0.
    OutHist,
    /// Nothing: net-tools' "static" entries and its empty sentences.
    Silent,
}

/// Which of `-w`, `-t`, `-u`, `-S` turns a section on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Switch {
    Raw,
    Tcp,
    Udp,
    Sctp,
}

/// The tables, numbered as in `TABLES`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Table {
    Ip,
    Ip6,
    Icmp,
    Icmp6,
    Tcp,
    Udp,
    Udp6,
    TcpExt,
    Sctp,
}

/// A section title net-tools knows: its switch and its table.
pub type Section = (&'static str, Switch, Table);

/// Which of the two title lists below a file's section titles are looked up in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Titles {
    Ipv4,
    Ipv6,
}

/// The titles of /proc/net/snmp, /proc/net/netstat and /proc/net/sctp/snmp.
pub const IPV4_SECTIONS: &[Section] = &[
    ("Ip", Switch::Raw, Table::Ip),
    ("Icmp", Switch::Raw, Table::Icmp),
    ("Tcp", Switch::Tcp, Table::Tcp),
    ("Udp", Switch::Udp, Table::Udp),
    ("Sctp", Switch::Sctp, Table::Sctp),
    ("TcpExt", Switch::Tcp, Table::TcpExt),
];

/// The titles of /proc/net/snmp6 (`Tcp6` never occurs there; its names are those of `Tcp`).
pub const IPV6_SECTIONS: &[Section] = &[
    ("Ip6", Switch::Raw, Table::Ip6),
    ("Icmp6", Switch::Raw, Table::Icmp6),
    ("Udp6", Switch::Udp, Table::Udp6),
    ("Tcp6", Switch::Tcp, Table::Tcp),
];

/// Kernel counter name, how it prints, sentence.
pub type Entry = (&'static str, Kind, &'static str);

pub const TABLES: [&[Entry]; 9] = [IP, IP6, ICMP, ICMP6, TCP, UDP, UDP6, TCP_EXT, SCTP];

use Kind::*;

pub const IP: &[Entry] = &[
    ("DefaultTTL", Silent, "Default TTL is %llu"),
    ("Forwarding", Silent, "Forwarding is %s"),
    ("ForwDatagrams", Always, "%llu forwarded"),
    ("FragCreates", NonZero, "%llu fragments created"),
    ("FragFails", NonZero, "%llu outgoing packets failed fragmentation"),
    ("FragOKs", NonZero, "%llu outgoing packets fragmented ok"),
    ("InAddrErrors", NonZero, "%llu with invalid addresses"),
    ("InDelivers", Always, "%llu incoming packets delivered"),
    ("InDiscards", Always, "%llu incoming packets discarded"),
    ("InHdrErrors", NonZero, "%llu with invalid headers"),
    ("InReceives", Always, "%llu total packets received"),
    ("InUnknownProtos", NonZero, "%llu with unknown protocol"),
    ("OutDiscards", NonZero, "%llu outgoing packets dropped"),
    ("OutNoRoutes", NonZero, "%llu dropped because of missing route"),
    ("OutRequests", Always, "%llu requests sent out"),
    ("ReasmFails", NonZero, "%llu packet reassemblies failed"),
    ("ReasmOKs", NonZero, "%llu packets reassembled ok"),
    ("ReasmReqds", NonZero, "%llu reassemblies required"),
    ("ReasmTimeout", NonZero, "%llu fragments dropped after timeout"),
];

pub const IP6: &[Entry] = &[
    ("Ip6FragCreates", NonZero, "%llu fragments created"),
    ("Ip6FragFails", NonZero, "%llu outgoing packets failed fragmentation"),
    ("Ip6FragOKs", NonZero, "%llu outgoing packets fragmented ok"),
    ("Ip6InAddrErrors", NonZero, "%llu with invalid addresses"),
    ("Ip6InDelivers", Always, "%llu incoming packets delivered"),
    ("Ip6InDiscards", Always, "%llu incoming packets discarded"),
    ("Ip6InHdrErrors", NonZero, "%llu with invalid headers"),
    ("Ip6InMcastPkts", NonZero, "%llu incoming multicast packets"),
    ("Ip6InNoRoutes", NonZero, "%llu incoming packets with no route"),
    ("Ip6InReceives", Always, "%llu total packets received"),
    ("Ip6InTooBigErrors", NonZero, "%llu with packets too big"),
    ("Ip6InTruncatedPkts", NonZero, "%llu with truncated packets"),
    ("Ip6InUnknownProtos", NonZero, "%llu with unknown protocol"),
    ("Ip6OutDiscards", NonZero, "%llu outgoing packets dropped"),
    ("Ip6OutForwDatagrams", Always, "%llu forwarded"),
    ("Ip6OutMcastPkts", NonZero, "%llu outgoing multicast packets"),
    ("Ip6OutNoRoutes", NonZero, "%llu dropped because of missing route"),
    ("Ip6OutRequests", Always, "%llu requests sent out"),
    ("Ip6ReasmFails", NonZero, "%llu packet reassemblies failed"),
    ("Ip6ReasmOKs", NonZero, "%llu packets reassembled ok"),
    ("Ip6ReasmReqds", NonZero, "%llu reassemblies required"),
    ("Ip6ReasmTimeout", NonZero, "%llu fragments dropped after timeout"),
];

pub const ICMP: &[Entry] = &[
    ("InAddrMaskReps", InHist, "address mask replies: %llu"),
    ("InAddrMasks", InHist, "address mask request: %llu"),
    ("InDestUnreachs", InHist, "destination unreachable: %llu"),
    ("InEchoReps", InHist, "echo replies: %llu"),
    ("InEchos", InHist, "echo requests: %llu"),
    ("InErrors", Always, "%llu input ICMP message failed"),
    ("InMsgs", Always, "%llu ICMP messages received"),
    ("InParmProbs", InHist, "wrong parameters: %llu"),
    ("InRedirects", InHist, "redirects: %llu"),
    ("InSrcQuenchs", InHist, "source quenches: %llu"),
    ("InTimeExcds", InHist, "timeout in transit: %llu"),
    ("InTimestampReps", InHist, "timestamp reply: %llu"),
    ("InTimestamps", InHist, "timestamp request: %llu"),
    ("OutAddrMaskReps", OutHist, "address mask replies: %llu"),
    ("OutAddrMasks", OutHist, "address mask requests: %llu"),
    ("OutDestUnreachs", OutHist, "destination unreachable: %llu"),
    ("OutEchoReps", OutHist, "echo replies: %llu"),
    ("OutEchos", OutHist, "echo requests: %llu"),
    ("OutErrors", Always, "%llu ICMP messages failed"),
    ("OutMsgs", Always, "%llu ICMP messages sent"),
    ("OutParmProbs", OutHist, "wrong parameters: %llu"),
    ("OutRedirects", OutHist, "redirect: %llu"),
    ("OutSrcQuenchs", OutHist, "source quench: %llu"),
    ("OutTimeExcds", OutHist, "time exceeded: %llu"),
    ("OutTimestampReps", OutHist, "timestamp replies: %llu"),
    ("OutTimestamps", OutHist, "timestamp requests: %llu"),
];

pub const ICMP6: &[Entry] = &[
    ("Icmp6InDestUnreachs", InHist, "destination unreachable: %llu"),
    ("Icmp6InEchoReplies", InHist, "echo replies: %llu"),
    ("Icmp6InEchos", InHist, "echo requests: %llu"),
    ("Icmp6InErrors", Always, "%llu input ICMP message failed"),
    ("Icmp6InGroupMembQueries", InHist, "group member queries: %llu"),
    ("Icmp6InGroupMembReductions", InHist, "group member reductions: %llu"),
    ("Icmp6InGroupMembResponses", InHist, "group member responses: %llu"),
    ("Icmp6InMsgs", Always, "%llu ICMP messages received"),
    ("Icmp6InNeighborAdvertisements", InHist, "neighbour advertisement: %llu"),
    ("Icmp6InNeighborSolicits", InHist, "neighbour solicits: %llu"),
    ("Icmp6InParmProblems", InHist, "parameter problem: %llu"),
    ("Icmp6InPktTooBigs", InHist, "packets too big: %llu"),
    ("Icmp6InRedirects", InHist, "redirects: %llu"),
    ("Icmp6InRouterAdvertisements", InHist, "router advertisement: %llu"),
    ("Icmp6InRouterSolicits", InHist, "router solicits: %llu"),
    ("Icmp6InTimeExcds", InHist, "received ICMPv6 time exceeded: %llu"),
    ("Icmp6OutDestUnreachs", OutHist, "destination unreachable: %llu"),
    ("Icmp6OutEchoReplies", OutHist, "echo replies: %llu"),
    ("Icmp6OutEchos", OutHist, "echo requests: %llu"),
    ("Icmp6OutGroupMembQueries", OutHist, "group member queries: %llu"),
    ("Icmp6OutGroupMembReductions", OutHist, "group member reductions: %llu"),
    ("Icmp6OutGroupMembResponses", OutHist, "group member responses: %llu"),
    ("Icmp6OutMsgs", Always, "%llu ICMP messages sent"),
    ("Icmp6OutNeighborAdvertisements", OutHist, "neighbor advertisements: %llu"),
    ("Icmp6OutNeighborSolicits", OutHist, "neighbor solicits: %llu"),
    ("Icmp6OutParmProblems", OutHist, "parameter problem: %llu"),
    ("Icmp6OutPktTooBigs", OutHist, "packets too big: %llu"),
    ("Icmp6OutRedirects", OutHist, "redirects: %llu"),
    // The trailing space is net-tools': names are split at white space, so this never matches.
    ("Icmp6OutRouterAdvertisements ", OutHist, "router advertisement: %llu"),
    ("Icmp6OutRouterSolicits", OutHist, "router solicits: %llu"),
    ("Icmp6OutTimeExcds", OutHist, "sent ICMPv6 time exceeded: %llu"),
];

pub const TCP: &[Entry] = &[
    ("ActiveOpens", Always, "%llu active connection openings"),
    ("AttemptFails", Always, "%llu failed connection attempts"),
    ("CurrEstab", Always, "%llu connections established"),
    ("EstabResets", Always, "%llu connection resets received"),
    ("InErrs", Always, "%llu bad segments received"),
    ("InSegs", Always, "%llu segments received"),
    ("MaxConn", Silent, ""),
    ("OutRsts", Always, "%llu resets sent"),
    ("OutSegs", Always, "%llu segments sent out"),
    ("PassiveOpens", Always, "%llu passive connection openings"),
    ("RetransSegs", Always, "%llu segments retransmitted"),
    ("RtoAlgorithm", Silent, "RTO algorithm is %s"),
    ("RtoMax", Silent, ""),
    ("RtoMin", Silent, ""),
];

pub const UDP: &[Entry] = &[
    ("InDatagrams", Always, "%llu packets received"),
    ("InErrors", Always, "%llu packet receive errors"),
    ("NoPorts", Always, "%llu packets to unknown port received"),
    ("OutDatagrams", Always, "%llu packets sent"),
    ("RcvbufErrors", Always, "%llu receive buffer errors"),
    ("SndbufErrors", Always, "%llu send buffer errors"),
];

pub const UDP6: &[Entry] = &[
    ("Udp6InDatagrams", Always, "%llu packets received"),
    ("Udp6InErrors", Always, "%llu packet receive errors"),
    ("Udp6NoPorts", Always, "%llu packets to unknown port received"),
    ("Udp6OutDatagrams", Always, "%llu packets sent"),
];

pub const TCP_EXT: &[Entry] = &[
    ("DelayedACKLocked", NonZero, "%llu delayed acks further delayed because of locked socket"),
    ("DelayedACKLost", NonZero, "Quick ack mode was activated %llu times"),
    ("DelayedACKs", NonZero, "%llu delayed acks sent"),
    ("EmbryonicRsts", NonZero, "%llu resets received for embryonic SYN_RECV sockets"),
    ("ListenDrops", NonZero, "%llu SYNs to LISTEN sockets dropped"),
    ("ListenOverflows", NonZero, "%llu times the listen queue of a socket overflowed"),
    ("LockDroppedIcmps", NonZero, "%llu ICMP packets dropped because socket was locked"),
    ("OfoPruned", NonZero, "%llu packets dropped from out-of-order queue because of socket buffer overrun"),
    ("OutOfWindowIcmps", NonZero, "%llu ICMP packets dropped because they were out-of-window"),
    ("PAWSActive", NonZero, "%llu active connections rejected because of time stamp"),
    ("PAWSEstab", NonZero, "%llu packets rejected in established connections because of timestamp"),
    ("PAWSPassive", NonZero, "%llu passive connections rejected because of time stamp"),
    ("PruneCalled", NonZero, "%llu packets pruned from receive queue because of socket buffer overrun"),
    ("RcvPruned", NonZero, "%llu packets pruned from receive queue"),
    ("SockMallocOOM", NonZero, "Ran %llu times out of system memory during packet sending"),
    ("SyncookiesFailed", NonZero, "%llu invalid SYN cookies received"),
    ("SyncookiesRecv", NonZero, "%llu SYN cookies received"),
    ("SyncookiesSent", NonZero, "%llu SYN cookies sent"),
    ("TCPAbortFailed", NonZero, "%llu times unable to send RST due to no memory"),
    ("TCPAbortOnClose", NonZero, "%llu connections reset due to early user close"),
    ("TCPAbortOnData", NonZero, "%llu connections reset due to unexpected data"),
    ("TCPAbortOnLinger", NonZero, "%llu connections aborted after user close in linger timeout"),
    ("TCPAbortOnMemory", NonZero, "%llu connections aborted due to memory pressure"),
    ("TCPAbortOnSyn", NonZero, "%llu connections reset due to unexpected SYN"),
    ("TCPAbortOnTimeout", NonZero, "%llu connections aborted due to timeout"),
    ("TCPDirectCopyFromBacklog", NonZero, "%llu bytes directly in process context from backlog"),
    ("TCPDirectCopyFromPrequeue", NonZero, "%llu bytes directly received in process context from prequeue"),
    ("TCPDSACKOfoRecv", NonZero, "%llu DSACKs for out of order packets received"),
    ("TCPDSACKOfoSent", NonZero, "%llu DSACKs sent for out of order packets"),
    ("TCPDSACKOldSent", NonZero, "%llu DSACKs sent for old packets"),
    ("TCPDSACKRecv", NonZero, "%llu DSACKs received"),
    ("TCPDSackUndo", NonZero, "%llu congestion window recovered without slow start using DSACK"),
    ("TCPDSACKUndo", NonZero, "%llu congestion windows recovered without slow start by DSACK"),
    ("TCPFACKReorder", NonZero, "Detected reordering %llu times using FACK"),
    ("TCPFastRetrans", NonZero, "%llu fast retransmits"),
    ("TCPForwardRetrans", NonZero, "%llu forward retransmits"),
    ("TCPFullUndo", NonZero, "%llu congestion windows fully recovered without slow start"),
    ("TCPHPAcks", NonZero, "%llu predicted acknowledgments"),
    ("TCPHPHits", Always, "%llu packet headers predicted"),
    ("TCPHPHitsToUser", NonZero, "%llu packet headers predicted and directly queued to user"),
    ("TCPLossFailures", NonZero, "%llu timeouts in loss state"),
    ("TCPLoss", NonZero, "%llu TCP data loss events"),
    ("TCPLossUndo", NonZero, "%llu congestion windows recovered without slow start after partial ack"),
    ("TCPLostRetransmits", NonZero, "%llu retransmits lost"),
    ("TCPMemoryPressures", NonZero, "TCP ran low on memory %llu times"),
    ("TCPPartialUndo", NonZero, "%llu congestion windows partially recovered using Hoe heuristic"),
    ("TCPPrequeued", NonZero, "%llu packets directly queued to recvmsg prequeue"),
    ("TCPPrequeueDropped", NonZero, "%llu packets dropped from prequeue"),
    ("TCPPureAcks", NonZero, "%llu acknowledgments not containing data payload received"),
    ("TCPRcvCollapsed", NonZero, "%llu packets collapsed in receive queue due to low socket buffer"),
    ("TCPRenoFailures", NonZero, "%llu timeouts after reno fast retransmit"),
    ("TCPRenoRecoveryFailed", NonZero, "%llu reno fast retransmits failed"),
    ("TCPRenoRecoveryFail", NonZero, "%llu classic Reno fast retransmits failed"),
    ("TCPRenoRecovery", NonZero, "%llu times recovered from packet loss due to fast retransmit"),
    ("TCPRenoReorder", NonZero, "Detected reordering %llu times using reno fast retransmit"),
    ("TCPSackFailures", NonZero, "%llu timeouts after SACK recovery"),
    ("TCPSackRecoveryFail", NonZero, "%llu SACK retransmits failed"),
    ("TCPSackRecovery", NonZero, "%llu times recovered from packet loss by selective acknowledgements"),
    ("TCPSACKReneging", NonZero, "%llu bad SACK blocks received"),
    ("TCPSACKReorder", NonZero, "Detected reordering %llu times using SACK"),
    ("TCPSchedulerFailed", NonZero, "%llu times receiver scheduled too late for direct processing"),
    ("TCPSlowStartRetrans", NonZero, "%llu retransmits in slow start"),
    ("TCPTimeouts", NonZero, "%llu other TCP timeouts"),
    ("TCPTSReorder", NonZero, "Detected reordering %llu times using time stamp"),
    ("TWKilled", NonZero, "%llu TCP sockets finished time wait in slow timer"),
    ("TW", NonZero, "%llu TCP sockets finished time wait in fast timer"),
    ("TWRecycled", NonZero, "%llu time wait sockets recycled by time stamp"),
];

pub const SCTP: &[Entry] = &[
    ("SctpAborteds", Always, "%llu Number of Aborteds "),
    ("SctpActiveEstabs", Always, "%llu Active Associations"),
    ("SctpChecksumErrors", Always, "%llu Number of Packets with invalid Checksum"),
    ("SctpCurrEstab", Always, "%llu Current Associations"),
    ("SctpFragUsrMsgs", Always, "%llu Number of messages fragmented"),
    ("SctpInCtrlChunks", Always, "%llu Number of control chunks received"),
    ("SctpInOrderChunks", Always, "%llu Number of ordered chunks received"),
    ("SctpInSCTPPacks", Always, "%llu Number of SCTP packets received"),
    ("SctpInUnorderChunks", Always, "%llu Number of Unordered chunks received"),
    ("SctpOutCtrlChunks", Always, "%llu Number of control chunks sent"),
    ("SctpOutOfBlues", Always, "%llu Number of Out of Blue packets"),
    ("SctpOutOrderChunks", Always, "%llu Number of ordered chunks sent"),
    ("SctpOutSCTPPacks", Always, "%llu Number of SCTP packets sent"),
    ("SctpOutUnorderChunks", Always, "%llu Number of Unordered chunks sent"),
    ("SctpPassiveEstabs", Always, "%llu Passive Associations"),
    ("SctpReasmUsrMsgs", Always, "%llu Number of messages reassembled "),
    ("SctpShutdowns", Always, "%llu Number of Graceful Terminations"),
];
