//! The word layer shared by sources and summaries: words with their lowercase key, case, and
//! what they are (number, date, negation cue, reporting verb).
//!
//! Keys make different spellings of one fact meet: possessives are stripped ("Mills's" and
//! "mills 's" both key as `mills`), numbers key by value with their scale applied ("$4.2 million",
//! "4.2m" and "4,200,000" all key as `#4200000`), weekdays and months key by number (`@d1` for
//! Monday, `@m3` for March). Summaries from other systems are often lowercased and tokenized
//! (`mills 's`, `do n't`, ``` `` ```), so nothing here may depend on case or spacing.

use nutgraf_text::Span;

use crate::lexicon::{self, SCALES};

/// What a word is, beyond its letters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Sort {
    /// Any other word.
    Plain,
    /// A number, with its scale applied (`value`) and as written (`raw`).
    Number { value: f64, raw: f64 },
    /// A weekday, month, year or relative date.
    Date,
}

/// One word of a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Word {
    /// Span in the normalized text the word was found in.
    pub span: Span,
    /// Lowercase, possessive stripped.
    pub lower: String,
    /// The matching key (see the module doc).
    pub key: String,
    /// Number, date or plain.
    pub sort: Sort,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// First word of its sentence.
    pub first: bool,
    /// A stop word.
    pub stop: bool,
    /// A negation cue ("not", "n't", "never" ...).
    pub neg: bool,
    /// A reporting verb ("said", "told" ...).
    pub report: bool,
    /// A possessive ("Mills's", or `mills` before a tokenized `'s`).
    pub poss: bool,
    /// A comma stands between this word and the one before.
    pub comma_before: bool,
}

impl Word {
    /// True for a number or date.
    pub fn is_numeric(&self) -> bool {
        self.sort != Sort::Plain
    }
}

/// Formats a number key.
pub(crate) fn number_key(v: f64) -> String {
    format!("#{}", (v * 1000.0).round() / 1000.0)
}

/// Parses a word with digits ("1,000", "3.5", "40m", "2nd", "1990s") into its value and the scale
/// its suffix applies.
fn parse_digits(lower: &str) -> Option<(f64, f64)> {
    let end = lower.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(lower.len());
    let (num, suffix) = lower.split_at(end);
    let value: f64 = num.replace(',', "").parse().ok()?;
    let scale = match suffix {
        "" | "st" | "nd" | "rd" | "th" | "s" => 1.0,
        s => lexicon::lookup(SCALES, s)?,
    };
    Some((value, scale))
}

/// Byte ranges of the double-quoted passages of `text[span]` (in `text`); an unclosed quote runs
/// to the end.
pub(crate) fn quoted_ranges(text: &str, span: Span) -> Vec<(usize, usize)> {
    let pos: Vec<usize> = text[span].match_indices('"').map(|(i, _)| span.start + i).collect();
    pos.chunks(2).map(|p| (p[0], p.get(1).map_or(span.end, |&e| e + 1))).filter(|(s, e)| e > s).collect()
}

/// Scans the words of `norm[span]` into `out` (cleared first).
pub(crate) fn scan(norm: &str, span: Span, out: &mut Vec<Word>) {
    out.clear();
    for w in nutgraf_text::words(norm, span) {
        let text = &norm[w];
        let mut lower = text.to_lowercase();
        let poss = (lower.ends_with("'s") && lower.len() > 2)
            || norm[w.end..].starts_with(" 's")
            || norm[w.end..].starts_with("' ");
        if lower.ends_with("'s") && lower.len() > 2 {
            lower.truncate(lower.len() - 2);
        }
        // Tokenized text splits "mills 's" and "do n't": the "s" after an apostrophe is no word.
        if lower == "s" && w.start > 0 && norm.as_bytes()[w.start - 1] == b'\'' {
            continue;
        }
        let cap = text.chars().next().is_some_and(char::is_uppercase);
        let lex = lexicon::entry(&lower);
        let neg = lex.negation || lower.ends_with("n't");
        let report = lex.reporting;
        let stop = nutgraf_text::is_stop_word(&lower) || neg;
        out.push(Word {
            span: w,
            key: String::new(),
            lower,
            sort: Sort::Plain,
            cap,
            first: out.is_empty(),
            stop,
            neg,
            report,
            poss,
            comma_before: out.last().is_some_and(|p: &Word| norm[p.span.end..w.start].contains(',')),
        });
    }
    for i in 0..out.len() {
        let next = out.get(i + 1).map(|n| n.lower.as_str()).unwrap_or("");
        let prev_num = i > 0 && matches!(out[i - 1].sort, Sort::Number { .. });
        let w = &out[i];
        let lex = lexicon::entry(&w.lower);
        let parsed = if w.lower.bytes().any(|b| b.is_ascii_digit()) {
            parse_digits(&w.lower)
        } else {
            lex.number.map(|v| (v, 1.0))
        };
        let (sort, key) = if let Some((raw, suffix_scale)) = parsed {
            let next_scale = if suffix_scale == 1.0 { lexicon::entry(next).scale.unwrap_or(1.0) } else { 1.0 };
            let scale = suffix_scale * next_scale;
            let value = raw * scale;
            let year = scale == 1.0 && raw.fract() == 0.0 && (1900.0..=2100.0).contains(&raw) && !w.lower.contains(',');
            (if year { Sort::Date } else { Sort::Number { value, raw } }, number_key(value))
        } else if let Some(d) = lex.weekday {
            (Sort::Date, format!("@d{d}"))
        } else if let Some(m) = lex.month.filter(|_| w.lower.len() > 3 || w.cap) {
            let next_num = next.bytes().next().is_some_and(|b| b.is_ascii_digit());
            let sure = !lex.ambiguous_month || (w.cap && !w.first) || next_num || prev_num;
            if sure {
                (Sort::Date, format!("@m{m}"))
            } else {
                (Sort::Plain, w.lower.clone())
            }
        } else if lex.relative_date {
            (Sort::Date, w.lower.clone())
        } else {
            (Sort::Plain, w.lower.clone())
        };
        // "failed to" negates, "a failed bid" does not; "No 1" is a rank.
        let cue_off = w.neg
            && ((next != "to" && lexicon::BEFORE_TO.binary_search(&w.lower.as_str()).is_ok())
                || (w.lower == "no" && next.starts_with(|c: char| c.is_ascii_digit())));
        let w = &mut out[i];
        if cue_off {
            w.neg = false;
            w.stop = nutgraf_text::is_stop_word(&w.lower);
        }
        w.sort = sort;
        w.key = key;
        if w.sort != Sort::Plain {
            w.stop = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        scan(s, Span::new(0, s.len()), &mut out);
        out.iter().map(|w| w.key.clone()).collect()
    }

    #[test]
    fn word_keys() {
        let cases = vec![
            ("Mills's plan cost $4.2 million", vec!["mills", "plan", "cost", "#4200000", "million"]),
            ("mills 's plan cost 4,200,000", vec!["mills", "plan", "cost", "#4200000"]),
            ("He paid 40m on Monday in May 2014", vec!["he", "paid", "#40000000", "on", "@d1", "in", "@m5", "#2014"]),
            ("they may march", vec!["they", "may", "march"]),
            ("two games in March", vec!["#2", "games", "in", "@m3"]),
            ("he did n't go", vec!["he", "did", "n't", "go"]),
        ];
        for (s, want) in cases {
            assert_eq!(keys(s), want, "{s}");
        }
        let mut out = Vec::new();
        let s = "It cost $4.2 million.";
        scan(s, Span::new(0, s.len()), &mut out);
        assert_eq!(out[2].sort, Sort::Number { value: 4_200_000.0, raw: 4.2 });
        assert!(out.iter().all(|w| !w.neg));
        scan("did n't", Span::new(0, 7), &mut out);
        assert!(out[1].neg && out[1].stop);
        let cases = vec![
            ("he failed to win", vec![false, true, false, false]),
            ("a failed bid", vec![false, false, false]),
            ("Russia No 1 keeper", vec![false, false, false, false]),
            ("no goals", vec![true, false]),
        ];
        for (s, want) in cases {
            scan(s, Span::new(0, s.len()), &mut out);
            assert_eq!(out.iter().map(|w| w.neg).collect::<Vec<_>>(), want, "{s}");
        }
    }
}
