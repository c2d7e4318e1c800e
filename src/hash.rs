//! Hashes: of an article's text, to tell articles apart across runs and machines, and of a
//! term's text, to identify features without keeping strings. Both are fixed forever: content
//! hashes are stored in partial reports and term hashes in model files.

use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A 64-bit hash of a text: the first 8 bytes of its SHA-256, big-endian (see
/// [`crate::Article::content_hash`]).
pub(crate) fn content_hash(text: &str) -> u64 {
    let digest = Sha256::digest(text.as_bytes());
    u64::from_be_bytes(digest[..8].try_into().expect("8 bytes of a 32-byte digest"))
}

/// Lowercase hexadecimal of `bytes` (a digest, as data set and model cards show it).
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// FNV-1a with a final avalanche: fixed forever, since hashes are stored in model files.
#[derive(Clone, Copy)]
pub(crate) struct TermHash(u64);

impl TermHash {
    pub(crate) fn new(prefix: &str) -> TermHash {
        let mut h = TermHash(0xcbf2_9ce4_8422_2325);
        h.write(prefix.as_bytes());
        h
    }

    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub(crate) fn finish(self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// The hash of a term's full text, e.g. `w:not support`.
pub(crate) fn term_hash(term: &str) -> u64 {
    let mut h = TermHash::new("");
    h.write(term.as_bytes());
    h.finish()
}

/// Keys are already well-mixed hashes: use them as they are.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by hashes ([`term_hash`], [`content_hash`]), which are used as they are.
pub(crate) type HashIndex<V = u32> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hashes_are_the_first_bytes_of_sha256() {
        assert_eq!(content_hash("abc"), 0xba7816bf8f01cfea);
    }
}
