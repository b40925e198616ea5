//! Bottom-k MinHash sketches of word shingles, to find wire copies.
//!
//! A wire copy is the same article run by another outlet, perhaps with a new headline, a dateline
//! or a trimmed last paragraph. Two texts are near-duplicates when their sets of word 4-shingles
//! overlap by more than [`Options::duplicate_jaccard`](crate::Options::duplicate_jaccard)
//! (Jaccard). A bottom-k sketch keeps the `k` smallest shingle hashes of a text: a fixed
//! `4k` bytes per article whatever its length, and the Jaccard of two texts is estimated from
//! their sketches alone (Broder 1997). Short texts with fewer than `k` shingles keep them all,
//! so their Jaccard is exact. Hand-written: it is twenty lines, and the MinHash crates bring
//! LSH banding machinery that the candidate index here already replaces.

use std::hash::{BuildHasher, Hash};

use nutgraf_text::{words, Span};
use rustc_hash::FxBuildHasher;

/// Words per shingle.
const SHINGLE: usize = 4;

/// A bottom-k sketch: the smallest shingle hashes, sorted, distinct.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Sketch(Vec<u32>);

impl Sketch {
    /// The sketch of `text` with at most `k` hashes.
    pub fn of_text(text: &str, k: usize) -> Sketch {
        let words: Vec<String> = words(text, Span::new(0, text.len())).map(|s| text[s].to_lowercase()).collect();
        let mut hashes: Vec<u32> = if words.len() < SHINGLE {
            if words.is_empty() {
                Vec::new()
            } else {
                vec![hash(&words)]
            }
        } else {
            words.windows(SHINGLE).map(hash).collect()
        };
        hashes.sort_unstable();
        hashes.dedup();
        hashes.truncate(k);
        Sketch(hashes)
    }

    /// The estimated Jaccard similarity of the two texts' shingle sets, in [0, 1].
    pub fn jaccard(&self, other: &Sketch, k: usize) -> f32 {
        let (a, b) = (&self.0, &other.0);
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        // Walk the k smallest hashes of the union; count those in both sketches.
        let (mut i, mut j, mut seen, mut both) = (0, 0, 0, 0);
        while seen < k && (i < a.len() || j < b.len()) {
            match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) if x == y => {
                    both += 1;
                    i += 1;
                    j += 1;
                }
                (Some(x), Some(y)) if x < y => i += 1,
                (Some(_), None) => i += 1,
                _ => j += 1,
            }
            seen += 1;
        }
        both as f32 / seen as f32
    }
}

fn hash(shingle: &[String]) -> u32 {
    let mut h = FxBuildHasher.build_hasher();
    shingle.hash(&mut h);
    let x = std::hash::Hasher::finish(&h);
    (x ^ (x >> 32)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The county council voted on Tuesday to close the old harbor bridge for repairs \
        that will last until spring, the mayor said, adding that ferries would run every hour.";

    #[test]
    fn copies_are_near_and_other_texts_far() {
        let k = 64;
        let a = Sketch::of_text(TEXT, k);
        let copy = Sketch::of_text(&format!("HARBOR TOWN (Wire) - {TEXT}"), k);
        let other = Sketch::of_text("Ferries ran late on Tuesday after fog closed the harbor for hours.", k);
        assert!(a.jaccard(&copy, k) > 0.8, "{}", a.jaccard(&copy, k));
        assert!(a.jaccard(&other, k) < 0.1);
        assert_eq!(a.jaccard(&a, k), 1.0);
        assert_eq!(a.jaccard(&Sketch::of_text("", k), k), 0.0);
    }

    #[test]
    fn sketches_are_bounded() {
        let long = TEXT.repeat(50) + &(0..500).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ");
        assert_eq!(Sketch::of_text(&long, 16).0.len(), 16);
        assert_eq!(Sketch::of_text("two words", 16).0.len(), 1);
    }
}
