//! The checkable pieces of a summary sentence: names, numbers and amounts, dates, quoted words,
//! speakers and negation cues.
//!
//! Names are found two ways, because summaries written by other systems are often lowercased:
//! a word capitalized inside the summary sentence is a name, and so is a word the *sources*
//! write with a capital inside their sentences (`manchester city` is a name because the article
//! writes "Manchester City"). Adjacent name words form one piece.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::index::Index;
use crate::words::{Sort, Word};

/// What kind of piece is unsupported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// A name of a person, place or organization.
    Entity,
    /// A number or amount.
    Number,
    /// A date: weekday, month, year or relative day.
    Date,
    /// Quoted words that no source has in that order.
    Quote,
    /// A statement or quote given to another speaker than in the sources.
    Speaker,
    /// A negation the sources do not have, or a negation of theirs that the summary drops.
    Negation,
    /// Content words that the sources do not back.
    Content,
}

impl Kind {
    /// The kind's name as written in reports.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Entity => "entity",
            Kind::Number => "number",
            Kind::Date => "date",
            Kind::Quote => "quote",
            Kind::Speaker => "speaker",
            Kind::Negation => "negation",
            Kind::Content => "content",
        }
    }
}

/// A piece of a summary sentence: a run of its words.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Piece {
    /// Entity, number, date or quote (speakers and negation are checked in `score`).
    pub kind: Kind,
    /// Indices into the sentence's words.
    pub words: Range<usize>,
}

/// Makes a summary's quote marks plain double quotes, keeping every byte offset: tokenized
/// text writes ``` `` ``` and `''` for double quotes and `` ` `` ... `'` for single ones.
pub(crate) fn prep_quotes(text: &str) -> String {
    let mut out = text.as_bytes().to_vec();
    let mut open_single = false;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'`' if b.get(i + 1) == Some(&b'`') => {
                out[i] = b' ';
                out[i + 1] = b'"';
                i += 2;
                continue;
            }
            b'\'' if b.get(i + 1) == Some(&b'\'') => {
                out[i] = b'"';
                out[i + 1] = b' ';
                i += 2;
                continue;
            }
            b'`' => {
                out[i] = b'"';
                open_single = true;
            }
            b'\''
                if open_single && i > 0 && b[i - 1] == b' ' && !b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) =>
            {
                out[i] = b'"';
                open_single = false;
            }
            _ => {}
        }
        i += 1;
    }
    String::from_utf8(out).expect("only ASCII bytes were replaced by ASCII bytes")
}

/// True when word `w` is part of a name.
pub(crate) fn is_name(ix: &Index, w: &Word) -> bool {
    if w.stop || w.is_numeric() || !w.lower.starts_with(|c: char| c.is_alphabetic()) {
        return false;
    }
    ix.keys.get(&w.key).is_some_and(|k| ix.is_name(k)) || (w.cap && !w.first)
}

/// The pieces of one summary sentence: names, numbers, dates (in word order), then quotes.
/// `quotes` are the quoted byte ranges of the sentence, relative to the normalized text the
/// words' spans point into.
pub(crate) fn pieces(ix: &Index, norm: &str, words: &[Word], quotes: &[(usize, usize)]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let start = i;
        let kind = match w.sort {
            Sort::Date => Kind::Date,
            Sort::Number { .. } if next_is_date(words, i) || prev_is_month(words, i) => Kind::Date,
            Sort::Number { .. } => Kind::Number,
            Sort::Plain if is_name(ix, w) => Kind::Entity,
            Sort::Plain => {
                i += 1;
                continue;
            }
        };
        i += 1;
        while i < words.len() {
            let n = &words[i];
            let joins = match kind {
                Kind::Entity => {
                    n.sort == Sort::Plain
                        && is_name(ix, n)
                        && gap_is_space(norm, &words[i - 1], n)
                        && !words[i - 1].poss
                }
                Kind::Date => {
                    n.sort == Sort::Date || (matches!(n.sort, Sort::Number { .. }) && prev_is_month(words, i))
                }
                _ => n.sort == Sort::Plain && crate::lexicon::lookup(crate::lexicon::SCALES, &n.lower).is_some(),
            };
            if !joins {
                break;
            }
            i += 1;
        }
        out.push(Piece { kind, words: start..i });
    }
    for &(qs, qe) in quotes {
        let inside: Vec<usize> =
            (0..words.len()).filter(|&k| qs <= words[k].span.start && words[k].span.end <= qe).collect();
        if let (Some(&a), Some(&b)) = (inside.first(), inside.last()) {
            if b > a {
                out.push(Piece { kind: Kind::Quote, words: a..b + 1 });
            }
        }
    }
    out
}

/// True when only spaces separate two words (names do not run across commas or brackets).
fn gap_is_space(norm: &str, a: &Word, b: &Word) -> bool {
    norm[a.span.end..b.span.start].bytes().all(|c| c == b' ')
}

fn next_is_date(words: &[Word], i: usize) -> bool {
    words.get(i + 1).is_some_and(|n| n.sort == Sort::Date && n.key.starts_with("@m"))
}

fn prev_is_month(words: &[Word], i: usize) -> bool {
    i > 0 && words[i - 1].key.starts_with("@m")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::scan;
    use nutgraf_text::{Document, Span};

    #[test]
    fn pieces_of_sentences() {
        let src =
            vec![Document::new("Manchester City lost to Crystal Palace on Monday. Fans of Manchester City left.")];
        let ix = Index::new(&src);
        let cases = vec![
            (
                "manchester city lost 2-1 to crystal palace on monday .",
                vec!["manchester city", "2", "1", "crystal palace", "monday"],
            ),
            (
                "The Riverside council paid $4.2 million on March 3, 2014.",
                vec!["Riverside", "4.2 million", "March 3, 2014"],
            ),
            ("\"We won two games,\" Ruiz said.", vec!["two", "Ruiz", "We won two games"]),
        ];
        for (s, want) in cases {
            let prepped = prep_quotes(s);
            let mut words = Vec::new();
            scan(&prepped, Span::new(0, s.len()), &mut words);
            let quotes = crate::words::quoted_ranges(&prepped, Span::new(0, s.len()));
            let got: Vec<&str> = pieces(&ix, &prepped, &words, &quotes)
                .iter()
                .map(|p| &s[words[p.words.start].span.start..words[p.words.end - 1].span.end])
                .collect();
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn quote_marks() {
        let cases = vec![
            ("`` i do n't , '' he says", " \" i do n't , \"  he says"),
            ("abuse such as ` chocolate face ' because", "abuse such as \" chocolate face \" because"),
            ("the eagles ' entire team", "the eagles ' entire team"),
        ];
        for (s, want) in cases {
            assert_eq!(prep_quotes(s), want, "{s}");
        }
    }
}
