//! What is kept of an article: hashed term weights of its title and lead, a wire-copy sketch and
//! a label.
//!
//! Only the title and the first [`Options::lead_words`](crate::Options::lead_words) words count:
//! news puts the event (who, what, where, when) first, and later paragraphs drift into background
//! that many stories share. Terms are Snowball stems without stop words (the same
//! [`TermAnalyzer`] the summarizer uses), hashed to 64 bits so that no term string is kept per
//! article: memory is a fixed number of bytes per term occurrence, whatever the article's length.
//! Title terms count [`Options::title_weight`](crate::Options::title_weight) times. Term counts
//! are damped (`1 + ln tf`) so one repeated word cannot carry a match. The weekdays the title
//! and lead name ("on Tuesday") are kept as a 7-bit mask: reports of one event name the same day,
//! while follow-ups of one topic on other days do not (see the `graph` module).

use std::hash::{BuildHasher, Hash};

use nutgraf_text::{words, Span, TermAnalyzer};
use rustc_hash::FxBuildHasher;

use crate::sketch::Sketch;
use crate::Options;

/// Longest label kept, in bytes (cut at a word boundary).
const LABEL_BYTES: usize = 160;

/// The features of one article.
#[derive(Debug, Clone)]
pub(crate) struct Features {
    /// (term hash, damped count), sorted by hash, each hash once.
    pub terms: Vec<(u64, f32)>,
    /// Bottom-k sketch of the text's word shingles (wire-copy detection).
    pub sketch: Sketch,
    /// The label: the title, or the text's opening words.
    pub label: String,
    /// Weekdays named in the title and lead (bit 0 Monday .. bit 6 Sunday).
    pub weekdays: u8,
    /// Unit-length sentence embedding of the title and lead, when the grouper has an embedder.
    pub embedding: Option<Box<[f32]>>,
}

/// What an embedder reads of an article: the title and the first `lead_words` words of the text.
pub(crate) fn lead_text(title: &str, text: &str, lead_words: usize) -> String {
    let mut out = String::with_capacity(title.len() + 8 * lead_words.min(512));
    out.push_str(title.trim());
    for w in text.split_whitespace().take(lead_words) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The features of an article with `title` (possibly empty) and `text`.
pub(crate) fn featurize(analyzer: &mut TermAnalyzer, title: &str, text: &str, options: &Options) -> Features {
    let mut counts: Vec<(u64, f32)> = Vec::new();
    add_terms(analyzer, title, usize::MAX, options.title_weight, &mut counts);
    add_terms(analyzer, text, options.lead_words, 1.0, &mut counts);
    counts.sort_unstable_by_key(|&(h, _)| h);
    let mut terms: Vec<(u64, f32)> = Vec::with_capacity(counts.len());
    for (h, c) in counts {
        match terms.last_mut() {
            Some((last, n)) if *last == h => *n += c,
            _ => terms.push((h, c)),
        }
    }
    for (_, n) in &mut terms {
        *n = 1.0 + n.ln().max(0.0);
    }
    let label = label(if title.trim().is_empty() { text } else { title });
    let weekdays = weekdays(title, usize::MAX) | weekdays(text, options.lead_words);
    Features { terms, sketch: Sketch::of_text(text, options.sketch_size), label, weekdays, embedding: None }
}

/// Adds the terms of the first `limit` words of `text`, each counting `weight`.
fn add_terms(analyzer: &mut TermAnalyzer, text: &str, limit: usize, weight: f32, out: &mut Vec<(u64, f32)>) {
    for span in words(text, Span::new(0, text.len())).take(limit) {
        if let Some(term) = analyzer.term(&text[span]) {
            out.push((hash(term.as_ref()), weight));
        }
    }
}

const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The weekdays named (capitalized) in the first `limit` words of `text`, as a bit mask.
fn weekdays(text: &str, limit: usize) -> u8 {
    let mut mask = 0u8;
    for span in words(text, Span::new(0, text.len())).take(limit) {
        let w = &text[span];
        if w.len() >= 6 && w.as_bytes()[0].is_ascii_uppercase() {
            if let Some(d) = DAYS.iter().position(|d| d.eq_ignore_ascii_case(w)) {
                mask |= 1 << d;
            }
        }
    }
    mask
}

/// The 64-bit hash of a term.
fn hash(term: &str) -> u64 {
    let mut h = FxBuildHasher.build_hasher();
    term.hash(&mut h);
    std::hash::Hasher::finish(&h)
}

/// The first line of `text`, whitespace collapsed, cut at a word boundary under [`LABEL_BYTES`].
fn label(text: &str) -> String {
    let line = text.trim().lines().next().unwrap_or("");
    let mut out = String::new();
    for word in line.split_whitespace() {
        if out.len() + word.len() + 1 > LABEL_BYTES {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_terms_weigh_more_and_counts_are_damped() {
        let mut a = TermAnalyzer::english();
        let options = Options::default();
        let f = featurize(&mut a, "Harbor bridge closed", "The harbor bridge closed. The bridge stays shut.", &options);
        let weight = |w: &str| f.terms.iter().find(|(h, _)| *h == hash(w)).map(|&(_, n)| n);
        // "bridg": twice in the text + title weight 2 = 4 -> 1 + ln 4.
        assert!((weight("bridg").unwrap() - (1.0 + 4f32.ln())).abs() < 1e-5);
        assert!((weight("shut").unwrap() - 1.0).abs() < 1e-6);
        assert_eq!(weight("the"), None, "stop words are not terms");
        assert_eq!(f.label, "Harbor bridge closed");
    }

    #[test]
    fn weekdays_named_in_title_and_lead() {
        let mut a = TermAnalyzer::english();
        let options = Options { lead_words: 8, ..Options::default() };
        let f = featurize(
            &mut a,
            "Strike ends Friday",
            "Bakers went back to work on Monday. They had struck since Sunday.",
            &options,
        );
        assert_eq!(f.weekdays, 0b0001_0001, "Monday and Friday; Sunday is past the lead");
        assert_eq!(featurize(&mut a, "", "a sunday roast", &options).weekdays, 0, "only capitalized names count");
    }

    #[test]
    fn lead_words_limit_the_text() {
        let mut a = TermAnalyzer::english();
        let options = Options { lead_words: 2, ..Options::default() };
        let f = featurize(&mut a, "", "Alpha bravo charlie delta", &options);
        assert_eq!(f.terms.len(), 2);
        assert_eq!(f.label, "Alpha bravo charlie delta");
    }

    #[test]
    fn labels_are_cut_at_a_word() {
        let long = "word ".repeat(100);
        let l = label(&long);
        assert!(l.len() <= LABEL_BYTES + '…'.len_utf8() && l.ends_with("word…"), "{l}");
        assert_eq!(label("  First line\nsecond"), "First line");
    }
}
