//! Fixed sets of words for the lexicons the extractor consults on every token.
//!
//! Lookups are the extractor's most frequent operation, so the sets hash with FNV-1a (short
//! keys, no adversary: the keys are the team's own word lists) and fold case without
//! allocating for ASCII words. Written by hand because it is a dozen lines and avoids a
//! dependency for one hash function.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, 64 bits.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A set of lower-case words.
#[derive(Debug, Default)]
pub(crate) struct WordSet(HashSet<&'static str, BuildHasherDefault<Fnv>>);

impl WordSet {
    pub(crate) fn new(words: impl IntoIterator<Item = &'static str>) -> WordSet {
        WordSet(words.into_iter().collect())
    }

    /// Membership of a word in any case.
    pub(crate) fn contains_folded(&self, word: &str) -> bool {
        with_lower(word, |l| self.0.contains(l))
    }
}

/// Calls `f` with `word` in lower case, on the stack for short ASCII words.
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) && word.is_ascii() {
        return f(word);
    }
    let mut buf = [0u8; 32];
    if word.is_ascii() && word.len() <= buf.len() {
        let out = &mut buf[..word.len()];
        out.copy_from_slice(word.as_bytes());
        out.make_ascii_lowercase();
        // ASCII in, ASCII out.
        return f(std::str::from_utf8(out).unwrap_or(word));
    }
    f(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_lookups() {
        let s = WordSet::new(["said", "élysée"]);
        assert!(s.contains_folded("said"));
        assert!(s.contains_folded("SAID"));
        assert!(s.contains_folded("Élysée"));
        assert!(!s.contains_folded("sad"));
    }
}
