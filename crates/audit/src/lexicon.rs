//! Word lists the piece detectors use: negation cues, number words, scale words, month and
//! weekday names, relative dates. Hand-written (short, closed lists), sorted for binary search.

/// Words that negate the clause they stand in, verbs of refusal and denial included ("refused to
/// sign" and "did not sign" agree).
#[rustfmt::skip]
pub(crate) static NEGATIONS: &[&str] = &[
    "cannot", "declined", "denied", "denies", "deny", "failed", "failing", "fails", "lack", "lacked", "lacking",
    "lacks", "neither", "never", "no", "nobody", "none", "nor", "not", "nothing", "nowhere", "refuse", "refused",
    "refuses", "refusing", "unable", "without",
];

/// Negation cues that negate only before "to" ("failed to win", not "a failed bid").
#[rustfmt::skip]
pub(crate) static BEFORE_TO: &[&str] = &[
    "declined", "failed", "failing", "fails", "refuse", "refused", "refuses", "refusing",
];

/// Number words and their values ("one" is left out: it is mostly a pronoun).
#[rustfmt::skip]
pub(crate) static NUMBER_WORDS: &[(&str, f64)] = &[
    ("eight", 8.0), ("eighteen", 18.0), ("eighty", 80.0), ("eleven", 11.0), ("fifteen", 15.0),
    ("fifty", 50.0), ("five", 5.0), ("forty", 40.0), ("four", 4.0), ("fourteen", 14.0),
    ("hundred", 100.0), ("nine", 9.0), ("nineteen", 19.0), ("ninety", 90.0), ("seven", 7.0),
    ("seventeen", 17.0), ("seventy", 70.0), ("six", 6.0), ("sixteen", 16.0), ("sixty", 60.0),
    ("ten", 10.0), ("thirteen", 13.0), ("thirty", 30.0), ("three", 3.0), ("twelve", 12.0),
    ("twenty", 20.0), ("two", 2.0),
];

/// Words that scale the number before them.
#[rustfmt::skip]
pub(crate) static SCALES: &[(&str, f64)] = &[
    ("billion", 1e9), ("bn", 1e9), ("k", 1e3), ("m", 1e6), ("million", 1e6), ("thousand", 1e3),
    ("trillion", 1e12),
];

/// Month names and abbreviations, with the month number.
#[rustfmt::skip]
pub(crate) static MONTHS: &[(&str, u8)] = &[
    ("apr", 4), ("april", 4), ("aug", 8), ("august", 8), ("dec", 12), ("december", 12), ("feb", 2),
    ("february", 2), ("jan", 1), ("january", 1), ("jul", 7), ("july", 7), ("jun", 6), ("june", 6),
    ("mar", 3), ("march", 3), ("may", 5), ("nov", 11), ("november", 11), ("oct", 10),
    ("october", 10), ("sep", 9), ("sept", 9), ("september", 9),
];

/// Weekday names with the day number (Monday = 1).
#[rustfmt::skip]
pub(crate) static WEEKDAYS: &[(&str, u8)] = &[
    ("friday", 5), ("monday", 1), ("saturday", 6), ("sunday", 7), ("thursday", 4), ("tuesday", 2),
    ("wednesday", 3),
];

/// Relative time words that date an event.
#[rustfmt::skip]
pub(crate) static RELATIVE_DATES: &[&str] = &["today", "tomorrow", "tonight", "yesterday"];

/// Month names that are also common English words: dates only when capitalized or next to a
/// number.
#[rustfmt::skip]
pub(crate) static AMBIGUOUS_MONTHS: &[&str] = &["mar", "march", "may"];

/// Reporting verbs and cues that introduce a speaker ("said", "told", "according" ...). nutgraf-analyze
/// has a longer list; this crate keeps its own so that it builds on the text stage alone.
#[rustfmt::skip]
pub(crate) static REPORTING: &[&str] = &[
    "acknowledged", "added", "admitted", "announced", "argued", "asked", "asserted", "claimed",
    "claims", "confirmed", "declared", "denied", "explained", "insisted", "noted", "reported",
    "said", "say", "says", "stated", "tells", "testified", "told", "tweeted", "warned", "wrote",
];

/// What a word is in the lexicon, found with one hash lookup ([`entry`]).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Entry {
    pub negation: bool,
    pub reporting: bool,
    pub relative_date: bool,
    pub ambiguous_month: bool,
    pub number: Option<f64>,
    pub scale: Option<f64>,
    pub month: Option<u8>,
    pub weekday: Option<u8>,
}

static ENTRIES: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, Entry>> = std::sync::LazyLock::new(|| {
    let mut m: rustc_hash::FxHashMap<&'static str, Entry> = Default::default();
    for w in NEGATIONS {
        m.entry(w).or_default().negation = true;
    }
    for w in REPORTING {
        m.entry(w).or_default().reporting = true;
    }
    for w in RELATIVE_DATES {
        m.entry(w).or_default().relative_date = true;
    }
    for w in AMBIGUOUS_MONTHS {
        m.entry(w).or_default().ambiguous_month = true;
    }
    for &(w, v) in NUMBER_WORDS {
        m.entry(w).or_default().number = Some(v);
    }
    for &(w, v) in SCALES {
        m.entry(w).or_default().scale = Some(v);
    }
    for &(w, v) in MONTHS {
        m.entry(w).or_default().month = Some(v);
    }
    for &(w, v) in WEEKDAYS {
        m.entry(w).or_default().weekday = Some(v);
    }
    m
});

/// The lexicon entry of a lowercase word (all `None`/`false` for a word in no list).
pub(crate) fn entry(lower: &str) -> Entry {
    if lower.len() > 9 {
        return Entry::default();
    }
    ENTRIES.get(lower).copied().unwrap_or_default()
}

/// Looks `key` up in a sorted `(word, value)` table.
pub(crate) fn lookup<T: Copy>(table: &[(&str, T)], key: &str) -> Option<T> {
    table.binary_search_by(|(w, _)| (*w).cmp(key)).ok().map(|i| table[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted() {
        let lists: Vec<&[&str]> = vec![NEGATIONS, BEFORE_TO, RELATIVE_DATES, AMBIGUOUS_MONTHS, REPORTING];
        for l in lists {
            assert!(l.windows(2).all(|w| w[0] < w[1]), "{l:?}");
        }
        assert!(NUMBER_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(SCALES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(MONTHS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(WEEKDAYS.windows(2).all(|w| w[0].0 < w[1].0));
        let cases = vec![("twelve", Some(12.0)), ("one", None), ("two", Some(2.0))];
        for (w, v) in cases {
            assert_eq!(lookup(NUMBER_WORDS, w), v, "{w}");
            assert_eq!(entry(w).number, v, "{w}");
        }
        assert!(entry("said").reporting && entry("never").negation && entry("may").ambiguous_month);
        assert_eq!(
            (entry("monday").weekday, entry("bn").scale, entry("september").month),
            (Some(1), Some(1e9), Some(9))
        );
    }
}
