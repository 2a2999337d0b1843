//! The interface list in net-tools' order (lib/interface.c `if_cache_add`, lib/nstrcmp.c):
//! names arrive from /proc/net/dev, then from SIOCGIFCONF, and each is put in place by walking
//! back from the end of the list with `nstrcmp`; a name that compares equal is merged.

use super::dev::Counters;
use crate::arena::MapVec;
use core::cmp::Ordering;

/// The longest interface name: IFNAMSIZ less the NUL.
pub const NAME_MAX: usize = 15;

#[derive(Clone, Copy)]
pub struct Iface {
    name: [u8; NAME_MAX],
    name_len: u8,
    /// The counters of its /proc/net/dev line; `None`: "no statistics available".
    pub counters: Option<Counters>,
}

impl Iface {
    pub fn name(&self) -> &[u8] {
        self.name.get(..self.name_len as usize).unwrap_or_default()
    }
}

/// The interfaces, kept in order.
pub struct List {
    items: MapVec<Iface>,
}

impl List {
    pub fn new() -> Self {
        List { items: MapVec::new() }
    }

    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// The entry for `name` (cut to `NAME_MAX` bytes), added if it is new; `None` only when
    /// memory runs out.
    pub fn add(&mut self, name: &[u8]) -> Option<&mut Iface> {
        let name = name.get(..NAME_MAX).unwrap_or(name);
        let mut at = self.items.len();
        while let Some(before) = at.checked_sub(1) {
            match nstrcmp(self.items.as_slice().get(before)?.name(), name) {
                Ordering::Equal => return self.items.as_mut_slice().get_mut(before),
                Ordering::Less => break,
                Ordering::Greater => at = before,
            }
        }
        let mut new = Iface { name: [0; NAME_MAX], name_len: name.len() as u8, counters: None };
        new.name[..name.len()].copy_from_slice(name);
        if !self.items.push(new) {
            return None;
        }
        // Moved back from the end to its place.
        let items = self.items.as_mut_slice();
        for i in (at + 1..items.len()).rev() {
            items.swap(i - 1, i);
        }
        items.get_mut(at)
    }

    /// The entries in order.
    pub fn iter(&self) -> core::slice::Iter<'_, Iface> {
        self.items.as_slice().iter()
    }
}

/// net-tools' `nstrcmp`: an alias suffix `:<digits>` is set aside; the rest compares by its
/// text before any trailing digits, then by those digits as a number, then as a whole; the
/// aliases come last, a missing one counting as -1, and their texts only if both have one.
// Not inlined into `List::add`, where it would cost more.
#[inline(never)]
pub fn nstrcmp(a: &[u8], b: &[u8]) -> Ordering {
    let ((a, a_alias), (b, b_alias)) = (key(a), key(b));
    a.cmp(&b).then(match (a_alias, b_alias) {
        (Some(x), Some(y)) => x.cmp(y),
        _ => Ordering::Equal,
    })
}

/// What `nstrcmp` compares first (the name's stem, its number, the name without the alias,
/// the alias's number), and the alias.
fn key(s: &[u8]) -> ((&[u8], i32, &[u8], i32), Option<&[u8]>) {
    let (head, digits) = split_digits(s);
    let (name, alias) = match head.split_last() {
        Some((b':', name)) if !digits.is_empty() => (name, Some(digits)),
        _ => (s, None),
    };
    let (stem, number) = split_digits(name);
    ((stem, atoi(number), name, alias.map_or(-1, atoi)), alias)
}

/// The text before the trailing digits, and those digits.
fn split_digits(s: &[u8]) -> (&[u8], &[u8]) {
    s.split_at(s.len() - s.iter().rev().take_while(|b| b.is_ascii_digit()).count())
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
