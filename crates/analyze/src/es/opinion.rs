//! Unattributed opinion and loaded words in Spanish.
//!
//! The rule is the English one ([`crate::opinion`]), with its thresholds and weights: a loaded
//! word is a strongly valenced word or an intensifier from the generated Spanish lexicon
//! ([`super::lexicon_loaded`]: VADER valences through a hand-written translation table); a
//! sentence in the article's own voice is opinion when it asserts a judgement (a loaded word
//! predicated by a copula within two words, "los vecinos están furiosos", "la gestión es
//! vergonzosa", or an opinion frame such as "en mi opinión", "creo que", "debería ser") and its
//! evaluative weight reaches [`crate::OPINION_THRESHOLD`], or when the weight alone reaches the
//! dense threshold.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::lexicon_loaded::{INTENSIFIERS, LOADED_WORDS};
use crate::LoadedKind;

/// Copulas and verbs that make the loaded word after them a judgement the sentence asserts, and
/// the nouns of a manner adverbial ("de forma vergonzosa", "de manera brillante": the English
/// "shamefully", "brilliantly").
#[rustfmt::skip]
static PREDICATORS: &[&str] = &[
    "era", "eran", "es", "esta", "estaba", "estaban", "estamos", "está", "están", "forma", "fue",
    "fueron", "manera", "modo", "parece", "parecen", "parecía", "resulta", "resultan", "resultó",
    "ser", "sería", "sido", "sigue", "siguen", "son",
];

/// True when `lower` (one of the two words before a loaded word) predicates it.
pub(crate) fn predicates(lower: &str) -> bool {
    PREDICATORS.binary_search(&lower).is_ok()
}

static LEXICON: LazyLock<FxHashMap<&'static str, (LoadedKind, f32)>> = LazyLock::new(|| {
    let mut m: FxHashMap<&'static str, (LoadedKind, f32)> =
        LOADED_WORDS.iter().map(|&(w, v)| (w, (LoadedKind::Valenced, v))).collect();
    for &w in INTENSIFIERS {
        m.entry(w).or_insert((LoadedKind::Intensifier, 0.0));
    }
    m
});

/// The lexicon entry for a lowercase Spanish word: its kind and valence (0 for intensifiers).
pub(crate) fn loaded(lower: &str) -> Option<(LoadedKind, f32)> {
    LEXICON.get(lower).copied()
}

/// Opinion frames: first-person judgement and prescriptive phrasing, as lowercase word pairs
/// ("" matches any next word).
#[rustfmt::skip]
static FRAMES: &[(&str, &str)] = &[
    ("en", "mi"), ("a", "mi"), ("creo", "que"), ("pienso", "que"), ("opino", "que"),
    ("debería", "ser"), ("deberían", "ser"), ("deben", "ser"), ("es", "hora"), ("ya", "basta"),
    ("lamentablemente", ""), ("evidentemente", ""), ("obviamente", ""), ("francamente", ""),
    ("tristemente", ""), ("vergonzosamente", ""), ("sin", "duda"),
];

/// The frame weight of a sentence given its lowercase words outside quotes.
pub(crate) fn frame_weight(words: &[&str]) -> f32 {
    let mut w = 0.0;
    for (k, &a) in words.iter().enumerate() {
        let b = words.get(k + 1).copied().unwrap_or("");
        if FRAMES.iter().any(|&(x, y)| x == a && (y.is_empty() || y == b)) {
            w += 2.0;
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_lookup() {
        assert!(matches!(loaded("vergonzosa"), Some((LoadedKind::Valenced, v)) if v < 0.0));
        assert!(matches!(loaded("absolutamente"), Some((LoadedKind::Intensifier, _))));
        assert_eq!(loaded("ayuntamiento"), None);
        assert!(LOADED_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(INTENSIFIERS.windows(2).all(|w| w[0] < w[1]));
        assert!(PREDICATORS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(frame_weight(&["creo", "que", "falla"]), 2.0);
        assert_eq!(frame_weight(&["el", "pleno", "votó"]), 0.0);
    }
}
