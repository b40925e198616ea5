//! Unattributed opinion and loaded words.
//!
//! A loaded word is a strongly valenced or intensifying term from the generated lexicon
//! (`lexicon/`, VADER valences). A sentence in the article's own voice is *opinion* when it
//! asserts a judgement (a loaded word predicated by a copula within two words, as in "residents
//! are ecstatic" or "the leaders are spineless cowards", or an opinion frame) and its
//! evaluative weight (the sum of |valence| of the loaded words outside quotation marks, plus a
//! fixed weight per intensifier and per first-person or prescriptive frame such as "I think" or
//! "should be ashamed") reaches [`OPINION_THRESHOLD`], or when its weight alone reaches
//! [`DENSE_THRESHOLD`]. News ledes often use loaded words attributively ("a brutal assault",
//! "the devastating earthquake"); those are reported as loaded words but do not make the
//! sentence opinion. Attributed statements and quotes are
//! never opinion of the article: they report what a source said.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::lexicon_loaded::{INTENSIFIERS, LOADED_WORDS};

/// Evaluative weight from which a sentence in the article's voice that *asserts* a judgement
/// (a predicated loaded word or an opinion frame) is opinion.
pub const OPINION_THRESHOLD: f32 = 3.0;
/// Evaluative weight from which any sentence in the article's voice is opinion: loaded words
/// used attributively ("a brutal assault") are reported as loaded language, and only a pile of
/// them makes the sentence itself opinion.
pub const DENSE_THRESHOLD: f32 = 8.0;
const INTENSIFIER_WEIGHT: f32 = 0.75;
const FRAME_WEIGHT: f32 = 2.0;
/// Added when a loaded word is predicated ("residents are ecstatic", "so shameful").
pub const PREDICATE_WEIGHT: f32 = 1.0;

/// Words that make the loaded word after them a judgement the sentence asserts.
#[rustfmt::skip]
static PREDICATORS: &[&str] = &[
    "am", "are", "be", "been", "being", "is", "look", "looked", "looks", "remain", "remains",
    "seem", "seemed", "seems", "was", "were",
];

/// True when `lower` (one of the two words before a loaded word) predicates it.
pub fn predicates(lower: &str) -> bool {
    PREDICATORS.binary_search(&lower).is_ok()
}

/// How a loaded word loads a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LoadedKind {
    /// A strongly valenced word, positive or negative.
    Valenced,
    /// An intensifier ("utterly", "absolutely").
    Intensifier,
}

/// The lexicon entry for a lowercase word: its kind and valence (0 for intensifiers).
pub fn loaded(lower: &str) -> Option<(LoadedKind, f32)> {
    let find = |w: &str| LEXICON.get(w).copied();
    find(lower).or_else(|| lower.strip_suffix('s').filter(|w| w.len() > 3).and_then(find))
}

/// The lexicon as one hash map (binary search over 1,500 strings was the pipeline's hottest
/// spot).
static LEXICON: LazyLock<FxHashMap<&'static str, (LoadedKind, f32)>> = LazyLock::new(|| {
    let mut m: FxHashMap<&'static str, (LoadedKind, f32)> =
        LOADED_WORDS.iter().map(|&(w, v)| (w, (LoadedKind::Valenced, v))).collect();
    for &w in INTENSIFIERS {
        m.entry(w).or_insert((LoadedKind::Intensifier, 0.0));
    }
    m
});

/// The weight one loaded word adds to a sentence's evaluative weight.
pub fn weight(kind: LoadedKind, valence: f32) -> f32 {
    match kind {
        LoadedKind::Valenced => valence.abs(),
        LoadedKind::Intensifier => INTENSIFIER_WEIGHT,
    }
}

/// Opinion frames: first-person judgement and prescriptive phrasing, as lowercase word pairs
/// (an empty second word matches any): "i believe", "i think", "i feel", "in my", "we must",
/// "we should", "should be", "must be", "it's time", "shame on", "let's be", "make no",
/// "frankly", "clearly", "obviously", "sadly", "shamefully", "disgracefully".
///
/// A `match` rather than a table of pairs: it runs on every word outside quotes, and literal
/// patterns compile to a length switch and inline compares where a table scan calls `memcmp`.
fn frame(a: &str, b: &str) -> bool {
    match a {
        "i" => matches!(b, "believe" | "think" | "feel"),
        "in" => b == "my",
        "we" => matches!(b, "must" | "should"),
        "should" | "must" | "let's" => b == "be",
        "it's" => b == "time",
        "shame" => b == "on",
        "make" => b == "no",
        "frankly" | "clearly" | "obviously" | "sadly" | "shamefully" | "disgracefully" => true,
        _ => false,
    }
}

/// The frame weight of a sentence given its lowercase words outside quotes.
pub fn frame_weight(words: &[&str]) -> f32 {
    let mut w = 0.0;
    for (k, &a) in words.iter().enumerate() {
        let b = words.get(k + 1).copied().unwrap_or("");
        if frame(a, b) {
            w += FRAME_WEIGHT;
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_lookup() {
        assert!(matches!(loaded("cowards"), Some((LoadedKind::Valenced, v)) if v < 0.0));
        assert!(PREDICATORS.windows(2).all(|w| w[0] < w[1]));
        assert!(matches!(loaded("utterly"), Some((LoadedKind::Intensifier, _))));
        assert_eq!(loaded("council"), None);
        assert!(LOADED_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(INTENSIFIERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn frames() {
        assert_eq!(frame_weight(&["i", "think", "it", "failed"]), FRAME_WEIGHT);
        assert_eq!(frame_weight(&["the", "think", "tank"]), 0.0);
        assert_eq!(frame_weight(&["we", "should", "be", "ashamed"]), 2.0 * FRAME_WEIGHT);
        assert_eq!(frame_weight(&["sadly", "it's", "time"]), 2.0 * FRAME_WEIGHT);
        assert_eq!(frame_weight(&["we", "must"]), FRAME_WEIGHT);
        assert_eq!(frame_weight(&["in", "my"]), FRAME_WEIGHT);
        assert_eq!(frame_weight(&["in"]), 0.0);
    }
}
