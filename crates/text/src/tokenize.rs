//! Words, lowercasing, stop words and Snowball stemming.
//!
//! A word is a run of letters and digits, with an inner apostrophe before a letter ("don't",
//! "Mills's") and an inner `.` or `,` between digits ("3.5", "1,000") kept inside it. Hyphens and
//! all other punctuation separate words. Words are found on the normalized text (straight
//! apostrophes) and reported as normalized spans; map them with
//! [`NormalizedText::to_original`](crate::NormalizedText::to_original).
//!
//! Letters of every script are letters, so accented words stay whole ("Zürich", "año"), and
//! `¿ ¡ « » —` separate words like any other punctuation. French and Italian elisions stay one
//! word ("l'État", "dell'anno": the span is what was written); [`TermAnalyzer`] drops the elided
//! article or preposition when it makes the term ("état", "anno").

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use rust_stemmers::Stemmer;

use crate::stopwords::STOP_WORDS;
use crate::stopwords_lang::stop_words;
use crate::{Lang, Span};

/// Iterates over the words of `text[span]`, yielding their spans in `text`.
pub fn words(text: &str, span: Span) -> Words<'_> {
    Words { text, pos: span.start, end: span.end }
}

/// Iterator returned by [`words`].
#[derive(Debug)]
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
    end: usize,
}

/// `ASCII_ALNUM[b]`: byte `b` is an ASCII letter or digit (one load where the range tests take
/// several compares: this is the innermost loop of every word scan).
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

impl Iterator for Words<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let bytes = &self.text.as_bytes()[..self.end];
        // Find the first letter or digit; ASCII bytes are tested directly, other chars decoded.
        let mut start = self.pos;
        loop {
            let Some(&b) = bytes.get(start) else {
                self.pos = self.end;
                return None;
            };
            if ASCII_ALNUM[b as usize] {
                break;
            }
            if b.is_ascii() {
                start += 1;
            } else {
                let c = self.text[start..].chars().next().expect("char boundary");
                if c.is_alphanumeric() {
                    break;
                }
                start += c.len_utf8();
            }
        }
        let mut i = start;
        loop {
            i += bytes[i..].iter().position(|&b| !ASCII_ALNUM[b as usize]).unwrap_or(bytes.len() - i);
            let Some(&b) = bytes.get(i) else { break };
            if b.is_ascii() {
                let next = bytes.get(i + 1).copied();
                let joins = match b {
                    b'\'' => next.is_some_and(|n| n.is_ascii_alphabetic() || n >= 0x80),
                    // Inside a word, the byte before punctuation ends a letter or digit (joins
                    // need a letter or digit after them), so it tells whether a digit came last.
                    b'.' | b',' => bytes[i - 1].is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                    _ => false,
                };
                if !joins {
                    break;
                }
                i += 1;
            } else {
                let c = self.text[i..].chars().next().expect("char boundary");
                if !c.is_alphanumeric() {
                    break;
                }
                i += c.len_utf8();
            }
        }
        self.pos = i;
        Some(Span::new(start, i))
    }
}

static STOP_SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| STOP_WORDS.iter().copied().collect());

/// True when `lower` (a lowercase word) is an English stop word.
pub fn is_stop_word(lower: &str) -> bool {
    STOP_SET.contains(lower)
}

/// Words that French and Italian elide before a vowel ("l'", "dell'"), lowercase, sorted.
#[rustfmt::skip]
static ELIDED: &[&str] = &[
    "all", "anch", "bell", "buon", "c", "com", "d", "dall", "dell", "dov", "j", "jusqu", "l",
    "lorsqu", "m", "n", "nell", "puisqu", "qu", "quell", "quest", "quoiqu", "s", "sant", "sull",
    "t", "tutt", "un", "v",
];

/// Turns words into index terms: lowercase, stop words dropped, Snowball stems, all in one
/// [`Lang`] (English by default; [`Lang::Other`] only lowercases).
///
/// Terms are memoized per analyzer (news vocabulary repeats heavily across articles, and the
/// Snowball stemmer was the pipeline's largest cost): one hash lookup of the lowercase word gives
/// its term, or tells that it is a stop word. Each distinct term gets a number,
/// [`TermAnalyzer::term_id`], so callers can count terms without hashing or copying strings. The
/// memo is cleared past [`TermAnalyzer::MEMO_LIMIT`] entries so memory stays bounded.
pub struct TermAnalyzer {
    lang: Lang,
    stemmer: Option<Stemmer>,
    /// Stop words of a language other than English (English uses the shared set).
    stop: FxHashSet<&'static str>,
    /// French and Italian: drop an elided prefix ("l'", "dell'") before stemming.
    elides: bool,
    lower: String,
    /// Lowercase word (elision dropped) -> its term id, or `None` for a stop word.
    memo: FxHashMap<String, Option<u32>>,
    /// Term id -> term.
    terms: Vec<String>,
    /// Term -> term id (only consulted when a new word is memoized).
    term_ids: FxHashMap<String, u32>,
}

impl std::fmt::Debug for TermAnalyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TermAnalyzer").finish_non_exhaustive()
    }
}

impl Default for TermAnalyzer {
    fn default() -> Self {
        TermAnalyzer::english()
    }
}

impl TermAnalyzer {
    /// The English analyzer (Snowball "english", i.e. Porter2).
    pub fn english() -> TermAnalyzer {
        TermAnalyzer::new(Lang::English)
    }

    /// The analyzer of `lang`: its Snowball stemmer ([`Lang::stemmer`]) and stop words;
    /// [`Lang::Other`] lowercases only and keeps every word.
    pub fn new(lang: Lang) -> TermAnalyzer {
        TermAnalyzer {
            lang,
            stemmer: lang.stemmer().map(Stemmer::create),
            stop: if lang == Lang::English { FxHashSet::default() } else { stop_words(lang).iter().copied().collect() },
            elides: matches!(lang, Lang::French | Lang::Italian),
            lower: String::new(),
            memo: FxHashMap::default(),
            terms: Vec::new(),
            term_ids: FxHashMap::default(),
        }
    }

    /// The language of this analyzer.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// True when `lower` (a lowercase word) is a stop word of this analyzer's language.
    #[inline]
    pub fn is_stop(&self, lower: &str) -> bool {
        if self.lang == Lang::English {
            is_stop_word(lower)
        } else {
            self.stop.contains(lower)
        }
    }

    /// Drops an elided article or preposition from the lowercase buffer ("l'état" -> "état").
    fn drop_elision(&mut self) {
        if let Some(k) = self.lower.find('\'') {
            if k + 1 < self.lower.len() && ELIDED.binary_search(&&self.lower[..k]).is_ok() {
                self.lower.drain(..=k);
            }
        }
    }

    /// Largest number of memoized words.
    pub const MEMO_LIMIT: usize = 200_000;

    /// The lowercased form of `word`, in a buffer reused between calls.
    pub fn lower(&mut self, word: &str) -> &str {
        self.lower.clear();
        if word.is_ascii() {
            self.lower.push_str(word);
            self.lower.make_ascii_lowercase();
        } else {
            self.lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        &self.lower
    }

    /// The index term of `word`, or `None` for a stop word.
    pub fn term(&mut self, word: &str) -> Option<Cow<'_, str>> {
        self.trim();
        let id = self.term_id(word)?;
        Some(Cow::Borrowed(self.term_text(id)))
    }

    /// The number of `word`'s index term, or `None` for a stop word: words with the same term get
    /// the same number. Numbers stay valid until [`TermAnalyzer::trim`] forgets them, so a caller
    /// that keeps them across calls trims first (once per document, say); this method never
    /// trims.
    pub fn term_id(&mut self, word: &str) -> Option<u32> {
        // Most words are lowercase ASCII already: look them up as they are.
        if !self.elides && word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            if let Some(&id) = self.memo.get(word) {
                return id;
            }
        }
        self.lower(word);
        if self.elides {
            self.drop_elision();
        }
        if let Some(&id) = self.memo.get(self.lower.as_str()) {
            return id;
        }
        let id = if self.is_stop(&self.lower) {
            None
        } else {
            let term = match &self.stemmer {
                Some(stemmer) => stemmer.stem(&self.lower),
                None => Cow::Borrowed(self.lower.as_str()),
            };
            Some(match self.term_ids.get(term.as_ref()) {
                Some(&id) => id,
                None => {
                    let id = self.terms.len() as u32;
                    self.terms.push(term.clone().into_owned());
                    self.term_ids.insert(term.into_owned(), id);
                    id
                }
            })
        };
        self.memo.insert(self.lower.clone(), id);
        id
    }

    /// The term numbered `id` by [`TermAnalyzer::term_id`].
    ///
    /// # Panics
    ///
    /// When `id` was not given out since the last [`TermAnalyzer::trim`].
    pub fn term_text(&self, id: u32) -> &str {
        &self.terms[id as usize]
    }

    /// Forgets every memoized word and term once the memo holds [`TermAnalyzer::MEMO_LIMIT`]
    /// words (term ids given out before are then invalid).
    pub fn trim(&mut self) {
        if self.memo.len() >= Self::MEMO_LIMIT {
            self.memo.clear();
            self.terms.clear();
            self.term_ids.clear();
        }
    }

    /// The stem of `word` whether or not it is a stop word.
    pub fn stem(&mut self, word: &str) -> Cow<'_, str> {
        self.lower(word);
        if self.elides {
            self.drop_elision();
        }
        match &self.stemmer {
            Some(stemmer) => stemmer.stem(&self.lower),
            None => Cow::Borrowed(self.lower.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_boundaries() {
        let cases = vec![
            ("He paid $3.5 billion, up 2.4%.", vec!["He", "paid", "3.5", "billion", "up", "2.4"]),
            ("Mills's plan isn't new: 1,000 jobs.", vec!["Mills's", "plan", "isn't", "new", "1,000", "jobs"]),
            ("co-op \"quoted\" end.", vec!["co", "op", "quoted", "end"]),
            ("Café Zürich 北京", vec!["Café", "Zürich", "北京"]),
            ("3.5.6 x.5 5.x 1,000,000 é.5 7.", vec!["3.5.6", "x", "5", "5", "x", "1,000,000", "é", "5", "7"]),
            ("rock'n'roll 'quoted' end' l'été", vec!["rock'n'roll", "quoted", "end", "l'été"]),
            ("", vec![]),
        ];
        for (text, expected) in cases {
            let got: Vec<&str> = words(text, Span::new(0, text.len())).map(|s| &text[s]).collect();
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn terms() {
        let mut a = TermAnalyzer::english();
        assert_eq!(a.term("The"), None);
        assert_eq!(a.term("Running").as_deref(), Some("run"));
        assert_eq!(a.term("Councils").as_deref(), Some("council"));
        assert_eq!(a.stem("the"), "the");
    }

    #[test]
    fn term_ids_number_terms_once() {
        let mut a = TermAnalyzer::english();
        let run = a.term_id("running").expect("a term");
        assert_eq!(a.term_id("Runs"), Some(run), "same stem, same id");
        assert_eq!(a.term_id("RUNNING"), Some(run));
        let council = a.term_id("councils").expect("a term");
        assert_ne!(council, run);
        assert_eq!((a.term_text(run), a.term_text(council)), ("run", "council"));
        assert_eq!(a.term_id("The"), None);
        // The memo answers the second time exactly as the first, stop words included.
        assert_eq!(a.term_id("the"), None);
        assert_eq!(a.term("Councils").as_deref(), Some("council"));
        a.trim();
        assert_eq!(a.term_id("councils"), Some(council), "trim keeps a small memo");
        let mut fr = TermAnalyzer::new(Lang::French);
        assert_eq!(fr.term_id("l'État"), fr.term_id("État"), "the elided article is dropped first");
    }

    #[test]
    fn accents_inverted_marks_and_elisions() {
        let cases = vec![
            ("¿Qué pasó? ¡Basta! «Sí», dijo—y se fue.", vec!["Qué", "pasó", "Basta", "Sí", "dijo", "y", "se", "fue"]),
            ("l'État et dell'anno, 3,5 millones", vec!["l'État", "et", "dell'anno", "3,5", "millones"]),
            ("Straße Ærø ĳssel", vec!["Straße", "Ærø", "ĳssel"]),
        ];
        for (text, expected) in cases {
            let got: Vec<&str> = words(text, Span::new(0, text.len())).map(|s| &text[s]).collect();
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn terms_per_language() {
        let cases: Vec<(Lang, &str, Option<&str>)> = vec![
            (Lang::Spanish, "Los", None),
            (Lang::Spanish, "Para", None),
            (Lang::Spanish, "Ayuntamientos", Some("ayunt")),
            (Lang::Spanish, "ACORDARON", Some("acord")),
            (Lang::French, "l'État", Some("état")),
            (Lang::French, "d'accord", Some("accord")),
            (Lang::French, "aujourd'hui", Some("aujourd'hui")),
            (Lang::French, "les", None),
            (Lang::Italian, "dell'anno", Some("anno")),
            (Lang::German, "Häuser", Some("haus")),
            (Lang::German, "und", None),
            (Lang::Dutch, "het", None),
            (Lang::Portuguese, "não", None),
            (Lang::Turkish, "ve", Some("ve")),
            (Lang::Other, "Año", Some("año")),
            (Lang::Other, "the", Some("the")),
        ];
        for (lang, word, expected) in cases {
            let mut a = TermAnalyzer::new(lang);
            assert_eq!(a.term(word).as_deref(), expected, "{lang} {word}");
        }
        assert_eq!(TermAnalyzer::new(Lang::Other).stem("Corriendo"), "corriendo");
        assert_eq!(TermAnalyzer::new(Lang::Spanish).stem("corriendo"), "corr");
    }

    #[test]
    fn stop_lists_are_sorted_and_lowercase() {
        for lang in Lang::ALL {
            let list = stop_words(lang);
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{lang}");
            assert!(list.iter().all(|w| w.to_lowercase() == *w), "{lang}");
        }
        assert!(stop_words(Lang::Spanish).len() > 300);
        assert!(stop_words(Lang::Other).is_empty());
    }
}
