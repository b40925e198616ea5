//! Sentence roles: reported fact, attributed statement, or direct quote.
//!
//! A sentence is a `Quote` when it holds a quotation of three or more words in double quotes (or
//! opens with a quote mark, as news paragraphs that continue a quote do); `Attributed` when it
//! names a source with a reporting verb ("said", "told", "according to", "warned" ...); otherwise
//! `Reported`. The rules run on the normalized sentence text (straight quotes).

use serde::{Deserialize, Serialize};

/// What kind of statement a sentence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A statement in the article's own voice.
    Reported,
    /// A statement attributed to a source, in indirect speech.
    Attributed,
    /// A direct quotation.
    Quote,
}

/// Reporting verbs and cues, lowercase, sorted for binary search.
#[rustfmt::skip]
pub(crate) static REPORTING: &[&str] = &[
    "acknowledged", "acknowledges", "added", "adds", "admits", "admitted", "announced", "announces",
    "argued", "argues", "asked", "asks", "asserted", "asserts", "claimed", "claims", "commented",
    "complained", "conceded", "concluded", "confirmed", "confirms", "contended", "declared",
    "declares", "denied", "denies", "described", "explained", "explains", "insisted", "insists",
    "maintained", "noted", "notes", "observed", "pointed", "predicted", "promised", "recalled",
    "remarked", "replied", "reported", "said", "say", "saying", "says", "stated", "states",
    "stressed", "suggested", "suggests", "tell", "telling", "tells", "testified", "told", "tweeted",
    "urged", "warned", "warns", "writes", "wrote",
];

static REPORTING_SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| REPORTING.iter().copied().collect());

/// True when `lower` is a reporting verb.
pub fn is_reporting_verb(lower: &str) -> bool {
    REPORTING_SET.contains(lower)
}

/// Byte ranges (relative to `norm`) of the double-quoted passages of a normalized sentence; an
/// unclosed opening quote runs to the end.
pub fn quoted_ranges(norm: &str) -> Vec<(usize, usize)> {
    let pos: Vec<usize> = norm.match_indices('"').map(|(i, _)| i).collect();
    let mut out: Vec<(usize, usize)> = pos.chunks(2).map(|p| (p[0], p.get(1).map_or(norm.len(), |&e| e + 1))).collect();
    out.retain(|&(s, e)| e > s);
    out
}

/// Classifies one normalized sentence. `lower_words` are its words, lowercased, each with its
/// byte offset in `norm`.
pub fn classify(norm: &str, lower_words: &[(usize, String)]) -> Role {
    classify_with(norm, lower_words, &quoted_ranges(norm), |k| is_reporting_verb(&lower_words[k].1))
}

/// [`classify`], given the sentence's [`quoted_ranges`] and whether word `k` is a reporting verb
/// (the analysis has both at hand already).
pub(crate) fn classify_with<S: AsRef<str>>(
    norm: &str,
    lower_words: &[(usize, S)],
    quotes: &[(usize, usize)],
    reporting: impl Fn(usize) -> bool,
) -> Role {
    let inside = |at: usize| quotes.iter().any(|&(s, e)| s <= at && at < e);
    let quoted_words = lower_words.iter().filter(|(at, _)| inside(*at)).count();
    if quoted_words >= 3 || (norm.starts_with('"') && quoted_words >= 1) {
        return Role::Quote;
    }
    let attributed = lower_words.iter().enumerate().any(|(k, (at, w))| {
        !inside(*at)
            && (reporting(k)
                || (w.as_ref() == "according" && lower_words.get(k + 1).is_some_and(|(_, n)| n.as_ref() == "to")))
    });
    if attributed {
        Role::Attributed
    } else {
        Role::Reported
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(norm: &str) -> Vec<(usize, String)> {
        nutgraf_text::words(norm, nutgraf_text::Span::new(0, norm.len()))
            .map(|s| (s.start, norm[s].to_lowercase()))
            .collect()
    }

    #[test]
    fn roles() {
        let cases = vec![
            ("The council voted 7-2 on Tuesday.", Role::Reported),
            ("\"We will not back down,\" Mills said.", Role::Quote),
            ("Mills said the vote was a mistake.", Role::Attributed),
            ("According to the report, costs rose 4%.", Role::Attributed),
            ("The agency warned of delays.", Role::Attributed),
            ("\"It never ends.", Role::Quote),
            ("He called it a \"disaster\" for the town.", Role::Reported),
        ];
        for (s, role) in cases {
            assert_eq!(classify(s, &words(s)), role, "{s}");
        }
        assert!(REPORTING.windows(2).all(|w| w[0] < w[1]));
    }
}
