//! The interface list in net-tools' order (lib/interface.c `if_cache_add`, lib/nstrcmp.c):
//! names arrive from /proc/net/dev, then from SIOCGIFCONF, and each is put in place by walking
//! back from the end of the list with `nstrcmp`; a name that compares equal is merged.

use super::dev::Counters;
use crate::arena::MapVec;
use core::cmp::Ordering;

/// The longest interface name: IFNAMSIZ less the NUL.
pub const NAME_MAX: usize = 15;

const NONE: u32 = u32::MAX;

#[derive(Clone, Copy)]
pub struct Iface {
    name: [u8; NAME_MAX],
    name_len: u8,
    /// The counters of its /proc/net/dev line; `None`: "no statistics available".
    pub counters: Option<Counters>,
    prev: u32,
    next: u32,
}

impl Iface {
    pub fn name(&self) -> &[u8] {
        &self.name[..self.name_len as usize]
    }
}

/// A doubly linked list kept in a `MapVec`, linked in sorted order.
pub struct List {
    items: MapVec<Iface>,
    head: u32,
    tail: u32,
}

impl List {
    pub fn new() -> Self {
        List { items: MapVec::new(), head: NONE, tail: NONE }
    }

    pub fn clear(&mut self) {
        self.items.clear();
        self.head = NONE;
        self.tail = NONE;
    }

    /// The entry for `name` (at most `NAME_MAX` bytes), added if it is new; `None` only when
    /// memory runs out.
    pub fn add(&mut self, name: &[u8]) -> Option<&mut Iface> {
        let name = &name[..name.len().min(NAME_MAX)];
        let items = self.items.as_slice();
        let mut after = self.tail;
        while after != NONE {
            let it = &items[after as usize];
            match nstrcmp(it.name(), name) {
                Ordering::Equal => return self.items.as_mut_slice().get_mut(after as usize),
                Ordering::Less => break,
                Ordering::Greater => after = it.prev,
            }
        }
        let next = if after == NONE { self.head } else { items[after as usize].next };
        let name_len = name.len() as u8;
        let mut new = Iface { name: [0; NAME_MAX], name_len, counters: None, prev: after, next };
        new.name[..name.len()].copy_from_slice(name);
        let index = self.items.len() as u32;
        if !self.items.push(new) {
            return None;
        }
        let items = self.items.as_mut_slice();
        match next {
            NONE => self.tail = index,
            n => items[n as usize].prev = index,
        }
        match after {
            NONE => self.head = index,
            a => items[a as usize].next = index,
        }
        items.last_mut()
    }

    /// The entries in list order.
    pub fn iter(&self) -> impl Iterator<Item = &Iface> {
        let items = self.items.as_slice();
        let mut at = self.head;
        core::iter::from_fn(move || {
            let it = items.get(at as usize)?;
            at = it.next;
            Some(it)
        })
    }
}

/// net-tools' `nstrcmp`: an alias suffix `:<digits>` is set aside; the rest compares by its
/// text before any trailing digits, then by those digits as a number, then as a whole; the
/// aliases come last, a missing one counting as -1.
pub fn nstrcmp(a: &[u8], b: &[u8]) -> Ordering {
    let (a, a_alias) = cut_alias(a);
    let (b, b_alias) = cut_alias(b);
    let (a_stem, b_stem) = (stem_len(a), stem_len(b));
    let common = a_stem.min(b_stem);
    let order = a[..common]
        .cmp(&b[..common])
        .then(a_stem.cmp(&b_stem))
        .then_with(|| atoi(&a[a_stem..]).cmp(&atoi(&b[b_stem..])))
        .then_with(|| a.cmp(b));
    if order != Ordering::Equal {
        return order;
    }
    match (a_alias, b_alias) {
        (Some(x), Some(y)) => atoi(x).cmp(&atoi(y)).then_with(|| x.cmp(y)),
        (x, y) => x.map_or(-1, atoi).cmp(&y.map_or(-1, atoi)),
    }
}

fn trailing_digits(s: &[u8]) -> usize {
    s.iter().rev().take_while(|b| b.is_ascii_digit()).count()
}

/// The length without the trailing digits.
fn stem_len(s: &[u8]) -> usize {
    s.len() - trailing_digits(s)
}

fn cut_alias(s: &[u8]) -> (&[u8], Option<&[u8]>) {
    let digits = trailing_digits(s);
    match s.len().checked_sub(digits + 1) {
        Some(colon) if digits > 0 && s[colon] == b':' => (&s[..colon], Some(&s[colon + 1..])),
        _ => (s, None),
    }
}

/// `atoi` of a digit string of at most 15 digits: glibc's `(int) strtol`.
fn atoi(digits: &[u8]) -> i32 {
    digits.iter().fold(0i64, |v, &d| v * 10 + (d - b'0') as i64) as i32
}

#[cfg(test)]
mod tests {
    use super::*;
    use Ordering::*;

    #[test]
    fn nstrcmp_follows_net_tools() {
        // The cases of net-tools' own nstrcmp test program, and a few more.
        for (a, b, want) in [
            ("eth1", "eth1", Equal),
            ("eth0:1", "eth0:1", Equal),
            ("", "", Equal),
            (":", ":", Equal),
            ("a:b:c", "a:b:c", Equal),
            ("a", "aa", Less),
            ("eth0", "eth1", Less),
            ("eth1", "eth20", Less),
            ("eth20", "eth100", Less),
            ("eth", "eth2", Less),
            ("eth0:1", "eth0:2", Less),
            ("eth1:10", "eth13:10", Less),
            ("eth1:1", "eth1:13", Less),
            ("a", "a:", Less),
            ("eth2:10", "eth2:1", Greater),
            ("eth3:2", "eth2:3", Greater),
            ("a1b12", "a1b2", Greater),
            ("eth1", "eth01", Greater),
            ("eth1:01", "eth01:1", Greater),
            ("eth01:01", "eth1:1", Less),
            ("l2tp0", "lo", Less),
            ("v0:1", "v1", Less),
            ("v1", "veth0", Less),
            ("eth0:1", "eth0:", Less),
            // atoi wraps: both aliases read as -1, so the names are equal.
            ("eth0", "eth0:4294967295", Equal),
        ] {
            assert_eq!(nstrcmp(a.as_bytes(), b.as_bytes()), want, "{a} {b}");
        }
    }

    fn names(list: &List) -> Vec<String> {
        list.iter().map(|i| String::from_utf8_lossy(i.name()).into_owned()).collect()
    }

    #[test]
    fn names_are_merged_and_sorted() {
        let mut list = List::new();
        for n in ["lo", "veth0", "v1", "v0", "eth10", "eth2", "v0:1", "v0", "eth2", "abcdefghijklmnopq"] {
            list.add(n.as_bytes()).unwrap().counters = Some([n.len() as u64; 16]);
        }
        assert_eq!(names(&list), ["abcdefghijklmno", "eth2", "eth10", "lo", "v0", "v0:1", "v1", "veth0"]);
        list.clear();
        assert!(names(&list).is_empty());
        list.add(b"b");
        list.add(b"a");
        assert_eq!(names(&list), ["a", "b"]);
    }
}
