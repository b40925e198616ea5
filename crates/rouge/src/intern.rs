/*!
Token interning and a small fast hasher.

# Why this module exists

Every metric compares tokens many times (an LCS table compares each reference token with
each candidate token), so scoring first maps both token lists to dense `u32` ids shared by
the pair. Ids make comparisons one instruction and let counts live in plain vectors.

The hasher is the Fx hash (the multiply-rotate hash used inside rustc), written out here so
the crate depends on serde alone. It is not DoS-resistant, which is fine for scoring
summaries offline.
*/

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hash: fast on short keys such as tokens and small id slices.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` using [`FxHasher`].
pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Maps token strings to dense ids `0..len()`, in order of first appearance.
#[derive(Debug, Default)]
pub(crate) struct Vocab<'a> {
    ids: FxHashMap<&'a str, u32>,
}

impl<'a> Vocab<'a> {
    /// The ids of `tokens`, adding unseen tokens to the vocabulary.
    pub(crate) fn intern(&mut self, tokens: &'a [String]) -> Vec<u32> {
        tokens
            .iter()
            .map(|t| {
                let next = self.ids.len() as u32;
                *self.ids.entry(t.as_str()).or_insert(next)
            })
            .collect()
    }

    /// How many distinct tokens have been interned (one more than the largest id).
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hash;

    #[test]
    fn ids_are_dense_and_shared() {
        let a: Vec<String> = ["x", "y", "x"].map(String::from).to_vec();
        let b: Vec<String> = ["y", "z"].map(String::from).to_vec();
        let mut vocab = Vocab::default();
        assert_eq!(vocab.intern(&a), [0, 1, 0]);
        assert_eq!(vocab.intern(&b), [1, 2]);
        assert_eq!(vocab.len(), 3);
    }

    #[test]
    fn hasher_separates_similar_keys() {
        let hash = |s: &str| {
            let mut h = FxHasher::default();
            s.hash(&mut h);
            h.finish()
        };
        let keys = ["", "a", "b", "ab", "ba", "abcdefgh", "abcdefghi", "abcdefgi"];
        for (i, x) in keys.iter().enumerate() {
            for y in &keys[i + 1..] {
                assert_ne!(hash(x), hash(y), "{x:?} vs {y:?}");
            }
        }
    }
}
