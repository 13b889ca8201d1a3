//! The hash maps of one comparison: keyed by words, term ids and unit indices, which the
//! standard library's DoS-resistant SipHash hashes several times slower than needed.
//!
//! A multiply-rotate hash in the manner of rustc's FxHash. Its keys come from the text the user
//! compares in their own tab, so collisions crafted against it could only slow that user's own
//! comparison; the limits on input size bound even that.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FastHasher`].
pub type Map<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` with [`FastHasher`].
pub type Set<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// Hashes eight bytes at a time with one multiplication each.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher(u64);

/// An odd constant with well-spread bits (2^64 divided by the golden ratio).
const SEED: u64 = 0x9e37_79b9_7f4a_7c15;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The last bytes as a little-endian number, shifted in one at a time: most keys are
            // words shorter than eight bytes, and a copy of variable length is a call in wasm.
            self.add(rest.iter().rev().fold(0, |word, &b| word << 8 | b as u64));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // The product's best-mixed bits are its high ones; the table indexes by the low ones.
        self.0.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_keyed_by_words_and_pairs_work_as_usual() {
        let mut m: Map<&str, usize> = Map::default();
        for (i, w) in ["a", "ab", "abcdefgh", "abcdefghi", "", "ab\0"].iter().enumerate() {
            m.insert(w, i);
        }
        assert_eq!(m.len(), 6);
        assert_eq!(m["abcdefghi"], 3);
        let s: Set<(usize, usize)> = (0..1000).flat_map(|i| [(i, i + 1), (i + 1, i)]).collect();
        assert_eq!(s.len(), 2000);
    }

    #[test]
    fn a_short_tail_hashes_as_its_bytes_padded_with_zeros() {
        let (mut tail, mut padded) = (FastHasher::default(), FastHasher::default());
        tail.write(b"abcdefgh\x01\x02\x03");
        padded.write(b"abcdefgh\x01\x02\x03\0\0\0\0\0");
        assert_eq!(tail.finish(), padded.finish());
    }
}
