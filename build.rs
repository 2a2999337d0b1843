// Two jobs: pack the program's texts (every `t!("...")` literal in src/, and the `-s` sentence
// tables) into the compact form the binary carries, and link the default binary without libc or
// start files. Only the `netstat` binary gets the link arguments: global RUSTFLAGS would break
// the test harness.

#[allow(dead_code)]
#[path = "src/stats/tables.rs"]
mod tables;

use std::cmp::{Ordering, Reverse};
use std::collections::HashMap;
use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src");
    pack_texts();
    if std::env::var_os("CARGO_FEATURE_STD").is_some() {
        return;
    }
    for arg in [
        "-nostartfiles",
        "-nostdlib",
        "-static",
        "-no-pie",
        "-Wl,--gc-sections",
        "-Wl,--build-id=none",
        "-Wl,-z,norelro",
        "-Wl,-z,noexecstack",
    ] {
        println!("cargo:rustc-link-arg-bin=netstat={arg}");
    }
    // rustc links this target with its own lld (since Rust 1.90), which takes these too:
    // identical functions (monomorphisations that came out the same) kept once, and read-only
    // data in the code's segment, which saves a program header and a page gap without making
    // any segment both writable and executable.
    if std::env::var("TARGET").is_ok_and(|t| t == "x86_64-unknown-linux-gnu") {
        for arg in ["-Wl,--icf=all", "-Wl,--no-rosegment"] {
            println!("cargo:rustc-link-arg-bin=netstat={arg}");
        }
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/src/nolibc.ld");
    println!("cargo:rerun-if-changed={script}");
    println!("cargo:rustc-link-arg-bin=netstat=-Wl,{script}");
}

/// Packs every text with one byte-pair encoding (see `src/text.rs`).
fn pack_texts() {
    let texts = source_texts(std::path::Path::new("src"));
    let mut strings: Vec<Vec<u8>> = texts.iter().map(|(_, text)| text.clone()).collect();
    let stats = stats_strings();
    strings.extend(stats.strings.iter().cloned());
    assert!(strings.iter().flatten().all(|&b| b < 0x80), "texts must be ASCII");
    let pairs = byte_pair_encode(&mut strings, 0x80..=0xff);
    let (texts_packed, stats_packed) = strings.split_at(texts.len());
    write_texts(&texts, texts_packed, &pairs);
    write_stats_tables(&stats, stats_packed);
}

/// The `-s` tables' strings before packing: each findable entry's name less the prefix it
/// shares with the entry before it, then the distinct sentences (`%` standing for the value).
struct StatsStrings {
    strings: Vec<Vec<u8>>,
    /// Per entry: the length of that shared prefix, and its sentence number.
    heads: Vec<[u8; 2]>,
    /// Per table: how many entries it has.
    table_len: Vec<usize>,
    /// Where the sentence numbers of each kind end (see `write_stats_tables`).
    kind_ends: [usize; 4],
}

fn stats_strings() -> StatsStrings {
    use tables::Kind;
    let mut table_len = Vec::new();
    let mut entries = Vec::new();
    for table in tables::TABLES {
        let found = findable(table);
        table_len.push(found.len());
        let mut previous = "";
        for (name, kind, sentence) in found {
            let shared = name.bytes().zip(previous.bytes()).take_while(|(a, b)| a == b).count().min(0x1f);
            previous = name;
            let text = sentence.replacen("%llu", "%", 1).into_bytes();
            assert!(kind == Kind::Silent || text.iter().filter(|&&b| b == b'%').count() == 1, "{sentence}");
            entries.push((shared, name.as_bytes()[shared..].to_vec(), kind, text));
        }
    }
    // The sentences of each kind in turn; a histogram's sentences serve both histograms.
    let mut sentences: Vec<Vec<u8>> = Vec::new();
    let mut kind_ends = [0; 4];
    for (i, kinds) in [&[Kind::Always][..], &[Kind::NonZero], &[Kind::InHist, Kind::OutHist]].iter().enumerate() {
        for (_, _, kind, text) in &entries {
            if kinds.contains(kind) && !sentences.contains(text) {
                sentences.push(text.clone());
            }
        }
        kind_ends[i] = sentences.len();
    }
    let histograms = kind_ends[2] - kind_ends[1];
    kind_ends[3] = kind_ends[2] + histograms;
    assert!(kind_ends[3] < 0xff, "sentence numbers are bytes, and 0xff means silent");
    let mut heads = Vec::new();
    let mut strings = Vec::new();
    for (shared, suffix, kind, text) in entries {
        let number = match kind {
            Kind::Silent => 0xff,
            _ => {
                let i = sentences.iter().position(|s| *s == text).unwrap();
                let (start, end) = match kind {
                    Kind::Always => (0, kind_ends[0]),
                    Kind::NonZero => (kind_ends[0], kind_ends[1]),
                    _ => (kind_ends[1], kind_ends[2]),
                };
                assert!((start..end).contains(&i), "a sentence serves one kind: {:?}", String::from_utf8_lossy(&text));
                if kind == Kind::OutHist { i + histograms } else { i }
            }
        };
        heads.push([shared as u8, number as u8]);
        strings.push(suffix);
    }
    strings.extend(sentences);
    assert!(strings.iter().flatten().all(|b| (0x20..0x80).contains(b)), "tables must be printable ASCII");
    StatsStrings { strings, heads, table_len, kind_ends }
}

/// Writes `$OUT_DIR/stats_packed.rs`, the tables as `stats::packed` reads them (tokens as in
/// `text.rs`):
/// - `ENTRIES`: per table (from `TABLE_START[t]` to `TABLE_START[t + 1]`), each entry the
///   length of the prefix its name shares with the entry before (below 0x20), its sentence
///   number, then the tokens of the rest of its name (0x20 and above);
/// - `SENTENCES`: the distinct sentences, tokens each ended by a 0, where a token 1 to 0x1f
///   stands for the two tokens `SENTENCE_PAIRS[token - 1]`: those printed always, then
///   those printed unless 0, then the histograms' lines. A sentence number below
///   `KIND_ENDS[0]` is printed always, below `KIND_ENDS[1]` unless 0, below `KIND_ENDS[2]` in
///   the input histogram, below `KIND_ENDS[3]` in the output histogram (as the sentence
///   `KIND_ENDS[2] - KIND_ENDS[1]` lower); 0xff is silent;
/// - `IPV4_TITLE_WORDS`, `IPV4_TITLE_SECTIONS` (and the same for IPv6): the section titles as
///   one space-separated string, and each one's switch and table.
fn write_stats_tables(stats: &StatsStrings, packed: &[Vec<u8>]) {
    let (heads, table_len) = (&stats.heads, &stats.table_len);
    let (names, sentences) = packed.split_at(heads.len());

    let mut entries = Vec::new();
    let mut table_start = vec![0];
    let mut names = names.iter().zip(heads);
    for &len in table_len {
        for (name, head) in names.by_ref().take(len) {
            entries.extend_from_slice(head);
            entries.extend_from_slice(name);
        }
        table_start.push(entries.len());
    }
    // The sentences have bytes 1 to 0x1f free for pairs of their own.
    let mut sentences = sentences.to_vec();
    let sentence_pairs = byte_pair_encode(&mut sentences, 0x01..=0x1f);
    let sentences: Vec<u8> = sentences.iter().flat_map(|s| s.iter().copied().chain([0])).collect();

    let mut rs = String::from("// Generated by build.rs from src/stats/tables.rs.\n");
    let _ = writeln!(rs, "pub static SENTENCE_PAIRS: [[u8; 2]; {}] = {:?};", sentence_pairs.len(), sentence_pairs);
    let _ = writeln!(rs, "pub static SENTENCES: [u8; {}] = {:?};", sentences.len(), sentences);
    let _ = writeln!(rs, "pub const KIND_ENDS: [u8; 4] = {:?};", stats.kind_ends);
    let _ = writeln!(rs, "pub static ENTRIES: [u8; {}] = {:?};", entries.len(), entries);
    let _ = writeln!(rs, "pub static TABLE_START: [u16; {}] = {:?};", table_start.len(), table_start);
    for (list, sections) in [("IPV4", tables::IPV4_SECTIONS), ("IPV6", tables::IPV6_SECTIONS)] {
        let words = sections.iter().map(|s| s.0).collect::<Vec<_>>().join(" ");
        assert!(!sections.iter().any(|s| s.0.is_empty() || s.0.contains(' ')), "titles are words");
        let _ = writeln!(rs, "pub static {list}_TITLE_WORDS: [u8; {}] = *b{words:?};", words.len());
        let pairs: Vec<String> = sections.iter().map(|s| format!("(Switch::{:?}, Table::{:?})", s.1, s.2)).collect();
        let _ = writeln!(rs, "pub static {list}_TITLE_SECTIONS: [(Switch, Table); {}] = [{}];", pairs.len(), pairs.join(", "));
    }
    let out = std::path::Path::new(&std::env::var_os("OUT_DIR").unwrap()).join("stats_packed.rs");
    std::fs::write(out, rs).unwrap();
}

/// The entries net-tools can find. Its lookup is glibc's `bsearch` over the table in array
/// order, which reaches an entry only if the search for the entry's own name leads to it; and
/// names never contain white space, because both parsers split at it.
fn findable(table: &[tables::Entry]) -> Vec<tables::Entry> {
    let bsearch = |key: &str| {
        let (mut low, mut high) = (0, table.len());
        while low < high {
            let middle = (low + high) / 2;
            match key.as_bytes().cmp(table[middle].0.as_bytes()) {
                Ordering::Less => high = middle,
                Ordering::Greater => low = middle + 1,
                Ordering::Equal => return Some(middle),
            }
        }
        None
    };
    let found = |&(i, entry): &(usize, &tables::Entry)| {
        bsearch(entry.0) == Some(i) && !entry.0.contains(char::is_whitespace)
    };
    table.iter().enumerate().filter(found).map(|(_, entry)| *entry).collect()
}

/// Replaces the most frequent pair of tokens by a new token from `tokens`, over and over, while
/// that saves bytes (each pair costs two in `PAIRS`) and tokens are left. Returns the pairs.
fn byte_pair_encode(strings: &mut [Vec<u8>], tokens: std::ops::RangeInclusive<u8>) -> Vec<[u8; 2]> {
    let mut pairs = Vec::new();
    while pairs.len() < tokens.len() {
        let mut counts: HashMap<[u8; 2], usize> = HashMap::new();
        for s in strings.iter() {
            for w in s.windows(2) {
                *counts.entry([w[0], w[1]]).or_default() += 1;
            }
        }
        let Some((pair, count)) = counts.into_iter().max_by_key(|&(pair, count)| (count, Reverse(pair))) else {
            break;
        };
        if count < 3 {
            break;
        }
        let token = tokens.start() + pairs.len() as u8;
        for s in strings.iter_mut() {
            let mut merged = Vec::with_capacity(s.len());
            let mut i = 0;
            while i < s.len() {
                if s[i..].starts_with(&pair) {
                    merged.push(token);
                    i += 2;
                } else {
                    merged.push(s[i]);
                    i += 1;
                }
            }
            *s = merged;
        }
        pairs.push(pair);
    }
    pairs
}

/// Every distinct `t!("...")` literal under `dir`: its source spelling (which the `t!` macro
/// matches) and its text.
fn source_texts(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut texts: Vec<(String, Vec<u8>)> = Vec::new();
    for file in files {
        let mut source = std::fs::read_to_string(&file).unwrap();
        // Unit tests cannot use `t!`: their texts would be packed into the binary.
        if let Some(tests) = source.find("#[cfg(test)]\nmod tests") {
            source.truncate(tests);
        }
        for (at, _) in source.match_indices("t!(\"") {
            if source[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue; // another macro, e.g. `assert!("`
            }
            let raw = literal(&source[at + 4..]);
            if !texts.iter().any(|(r, _)| *r == raw) {
                let text = unescape(&raw);
                texts.push((raw, text));
            }
        }
    }
    texts
}

/// The source text of the string literal whose body starts `s`, up to its closing quote.
fn literal(s: &str) -> String {
    let mut end = 0;
    let bytes = s.as_bytes();
    while bytes[end] != b'"' {
        end += if bytes[end] == b'\\' { 2 } else { 1 };
    }
    s[..end].to_string()
}

/// What a literal's escapes stand for: the escapes our texts use.
fn unescape(raw: &str) -> Vec<u8> {
    let mut text = Vec::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            text.extend_from_slice(c.to_string().as_bytes());
            continue;
        }
        match chars.next().unwrap() {
            'n' => text.push(b'\n'),
            't' => text.push(b'\t'),
            '\\' => text.push(b'\\'),
            '"' => text.push(b'"'),
            '\'' => text.push(b'\''),
            '\n' => {
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
            }
            other => panic!("escape \\{other} in t!(\"{raw}\")"),
        }
    }
    text
}

/// Writes `$OUT_DIR/texts.rs`: the shared `PAIRS`, the packed texts one after another in
/// `POOL`, the `t!` macro that turns each literal into its place in the pool, and (for the
/// test that every text unpacks to itself) the list of all of them.
fn write_texts(texts: &[(String, Vec<u8>)], packed: &[Vec<u8>], pairs: &[[u8; 2]]) {
    let mut pool = Vec::new();
    let mut arms = String::new();
    let mut all = String::new();
    for ((raw, text), tokens) in texts.iter().zip(packed) {
        assert!(text.len() <= 4096, "t!(\"{raw}\") is too long");
        let handle = pool.len() as u32 | (tokens.len() as u32) << 16;
        let _ = writeln!(arms, "    (\"{raw}\") => {{ $crate::text::Packed({handle}) }};");
        let _ = writeln!(all, "    (\"{raw}\", Packed({handle})),");
        pool.extend_from_slice(tokens);
    }
    assert!(pool.len() < 0x10000, "the pool outgrew its 16-bit offsets");
    let mut rs = String::from("// Generated by build.rs from the t!(\"...\") literals in src/.\n");
    let _ = writeln!(rs, "pub static PAIRS: [[u8; 2]; {}] = {:?};", pairs.len(), pairs);
    let _ = writeln!(rs, "static POOL: [u8; {}] = {:?};", pool.len(), pool);
    let _ = writeln!(rs, "macro_rules! t {{\n{arms}}}");
    let _ = writeln!(rs, "#[cfg(test)]\npub static ALL: [(&str, Packed); {}] = [\n{all}];", texts.len());
    let out = std::path::Path::new(&std::env::var_os("OUT_DIR").unwrap()).join("texts.rs");
    std::fs::write(out, rs).unwrap();
}
