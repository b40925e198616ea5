//! Date expressions and their ISO values.
//!
//! Absolute forms ("May 4, 2024", "Jan. 5", "4 May 2024", "March 2023", "2024-05-04", "in 2028",
//! "in March") and relative ones ("today", "yesterday", "on Tuesday", "last week", "next month",
//! "three days ago") are read off the token stream ([`super::date_parse`]) and resolved against
//! a reference date: the publication date when the article's first paragraphs give one, else the
//! caller's. A month and day without a year ("On May 04") take the year of the nearest full date
//! before them in the last few paragraphs, else the reference year (moved to the next or previous
//! year when the sentence's tense says the date is ahead or behind), else stay unresolved.
//! Weekdays resolve backwards in past-tense sentences and forwards in future ones.
//!
//! Values are ISO 8601: `YYYY-MM-DD`, `YYYY-Www` (weeks), `YYYY-MM` or `YYYY`.

use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use nutgraf_text::{Document, Span};
use serde::{Deserialize, Serialize};

use super::date_parse::{may_open, parse_at, Parsed, Unit};
use super::lexicon::{WordTable, DATE, TENSE};
use super::tokens::{Tokens, DIGITS4};
use super::DateRef;

/// Absolute or relative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    /// The text names the date ("May 4, 2024", "May 4", "in 2028").
    Absolute,
    /// The date depends on the reference date ("Tuesday", "last week").
    Relative,
}

/// A date expression.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// The expression as an original span.
    pub span: Span,
    /// Index of its sentence.
    pub sentence: usize,
    /// Absolute or relative.
    pub kind: DateKind,
    /// The ISO value, when the text and the reference date allow one.
    pub value: Option<String>,
}

pub(crate) struct Dates {
    pub mentions: Vec<DateMention>,
    pub reference: Option<NaiveDate>,
    pub publication: Option<DateRef>,
}

/// Parses `YYYY-MM-DD`.
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let mut it = s.trim().splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The tense of sentence tokens `[from, to)`: whether its own voice (outside quotes) looks ahead
/// ("will", "scheduled", "plans to"), and whether it reports the past ("had", "was", "ago").
fn voice(t: &Tokens<'_>, from: usize, to: usize) -> (bool, bool) {
    const WILL: u32 = 1;
    const PLANS: u32 = 2;
    const PAST: u32 = 4;
    // Which of the three lists a tense word is on, any case, in one lookup.
    static VOICE: LazyLock<WordTable> = LazyLock::new(|| {
        WordTable::new(&[
            (&["will", "scheduled", "upcoming"], WILL),
            (&["plans", "expected", "set", "is"], PLANS),
            (&["had", "was", "were", "did", "said", "ago", "last"], PAST),
        ])
    });
    let mut ahead = false;
    let mut behind = false;
    for (k, tok) in (from..to).zip(&t.toks[from..to]) {
        // Words ending in "'ll" carry the tense bit too ([`super::tokens`]).
        if tok.flags & TENSE == 0 {
            continue;
        }
        let bits = VOICE.bits_at(t.text.as_bytes(), tok.span.start, tok.span.end);
        if !tok.quoted() {
            ahead |= bits & WILL != 0 || ends_ll(t.text, tok.span) || (bits & PLANS != 0 && t.is(k + 1, "to"));
        }
        behind |= bits & PAST != 0;
    }
    (ahead, behind)
}

/// True when the word at `span` ends with "'ll" ("we'll"), read off the bytes.
fn ends_ll(text: &str, span: Span) -> bool {
    span.len() >= 3 && text.as_bytes()[span.end - 3..span.end] == *b"'ll"
}

/// True when `w` ends with the lowercase ASCII `suffix`, ignoring ASCII case.
fn ends_with_ci(w: &str, suffix: &str) -> bool {
    w.len() >= suffix.len() && w.as_bytes()[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// The tense of the words right before a date expression (`head` is the sentence up to it):
/// `Some(false)` after a past-tense verb ("announced on Monday"), `Some(true)` after "will" or
/// "to" ("will meet on Monday"), `None` when the nearby words do not say.
fn tense(head: &str) -> Option<bool> {
    const PAST: &[&str] = &[
        "began", "came", "died", "gave", "had", "held", "left", "lost", "made", "met", "said", "sent", "spoke", "told",
        "took", "was", "went", "were", "won", "wrote",
    ];
    const AHEAD: &[&str] = &["will", "to", "scheduled", "next", "until"];
    // One table lookup per word, any case: no lowercase copy, no scan of the lists.
    static WORDS: LazyLock<WordTable> = LazyLock::new(|| WordTable::new(&[(AHEAD, 1), (PAST, 2)]));
    for w in last_words(head).take(5) {
        let bits = WORDS.bits(w);
        if bits & 1 != 0 || ends_with_ci(w, "'ll") {
            return Some(true);
        }
        if bits & 2 != 0 || (w.len() > 4 && ends_with_ci(w, "ed")) {
            return Some(false);
        }
    }
    None
}

/// The words of `head` from its end: runs of alphanumeric characters and apostrophes, what
/// `head.rsplit(|c: char| !c.is_alphanumeric() && c != '\'')` yields less the empty pieces, read
/// byte by byte where the text is ASCII.
fn last_words(head: &str) -> impl Iterator<Item = &str> {
    let bytes = head.as_bytes();
    // Whether the char that ends at byte `i` (a char boundary, above 0) is a word char, and its
    // length: ASCII bytes are tested without decoding.
    let before = move |i: usize| -> (bool, usize) {
        let b = bytes[i - 1];
        if b.is_ascii() {
            return (b.is_ascii_alphanumeric() || b == b'\'', 1);
        }
        let c = head[..i].chars().next_back().expect("a char ends at a char boundary");
        (c.is_alphanumeric(), c.len_utf8())
    };
    let mut end = head.len();
    std::iter::from_fn(move || {
        while end > 0 {
            let (word, len) = before(end);
            if word {
                break;
            }
            end -= len;
        }
        let last = end;
        while end > 0 {
            let (word, len) = before(end);
            if !word {
                break;
            }
            end -= len;
        }
        (end < last).then(|| &head[end..last])
    })
}

/// `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it; years of four digits (all the text gives)
/// without the formatting machinery.
fn iso(d: NaiveDate) -> String {
    let y = d.year();
    if !(0..=9999).contains(&y) {
        return d.format("%Y-%m-%d").to_string();
    }
    let (y, m, day) = (y as u32, d.month(), d.day());
    let digits = [y / 1000, y / 100 % 10, y / 10 % 10, y % 10, 10, m / 10, m % 10, 10, day / 10, day % 10];
    digits.iter().map(|&x| if x == 10 { '-' } else { char::from(b'0' + x as u8) }).collect()
}

/// Finds and resolves the date expressions of `doc`.
pub(crate) fn find(doc: &Document<'_>, t: &Tokens<'_>, reference: Option<NaiveDate>) -> Dates {
    let text = doc.text.normalized();
    let publication = publication(doc, t);
    let reference = publication.as_ref().map(|p| p.1).or(reference);
    let mut mentions = Vec::with_capacity(16);
    // The last explicit year and the paragraph it was in.
    let mut context: Option<(i32, usize)> = None;
    for (s, sent) in doc.sentences.iter().enumerate() {
        let (from, to) = t.sentence(s);
        // Only sentences with a date word or a four-digit number can hold a date.
        if t.sent_flags[s] & (u16::from(DATE) | DIGITS4) == 0 {
            continue;
        }
        let Some(first) = t.toks[from..to].iter().position(|x| x.flags & DATE != 0 || x.digits4()) else {
            continue;
        };
        let first = from + first;
        // The sentence's tense, once per sentence and only if it holds a date (linear time).
        let mut tenses = None;
        // Expressions start at most two tokens before their first date word ("3 days ago").
        let mut k = first.saturating_sub(2).max(from);
        while k < to {
            let Some((parsed, a, end)) = parse_lang(t, k, from, to) else {
                k += 1;
                continue;
            };
            let span = Span::new(t.toks[a].span.start, t.toks[end - 1].span.end);
            let (fut, pst) = *tenses.get_or_insert_with(|| {
                if t.es {
                    crate::es::dates::voice(t, from, to)
                } else {
                    voice(t, from, to)
                }
            });
            let head = &text[sent.norm.start..span.start];
            let ahead = if t.es { crate::es::dates::tense(head) } else { tense(head) }.unwrap_or(fut);
            let behind = !ahead && pst;
            let (kind, value) = resolve(parsed, sent.paragraph, ahead, behind, reference, &mut context);
            mentions.push(DateMention { span: doc.text.to_original(span), sentence: s, kind, value });
            k = end;
        }
    }
    Dates {
        mentions,
        reference,
        publication: publication.map(|(span, d)| DateRef { span: doc.text.to_original(span), value: Some(iso(d)) }),
    }
}

/// [`parse_at`] with the Spanish forms for Spanish tokens. Inlined, so that the test for a token
/// that cannot open a date (most tokens) costs no call.
#[inline]
fn parse_lang(t: &Tokens<'_>, k: usize, from: usize, to: usize) -> Option<(Parsed, usize, usize)> {
    if t.es {
        crate::es::dates::parse_at(t, k, from, to)
    } else if may_open(t, k) {
        parse_at(t, k, from, to)
    } else {
        None
    }
}

/// The ISO value of a parsed expression in paragraph `para`. `context` is the year of the last
/// full date, updated here.
fn resolve(
    p: Parsed,
    para: usize,
    ahead: bool,
    behind: bool,
    reference: Option<NaiveDate>,
    context: &mut Option<(i32, usize)>,
) -> (DateKind, Option<String>) {
    let recent = context.filter(|&(_, q)| q + 3 >= para).map(|(y, _)| y);
    let value = match p {
        Parsed::Date { month, day, year: Some(y) } => {
            *context = Some((y, para));
            NaiveDate::from_ymd_opt(y, month, day).map(iso)
        }
        Parsed::Date { month, day, year: None } => {
            let y = recent.or_else(|| {
                let r = reference?;
                let this = NaiveDate::from_ymd_opt(r.year(), month, day)?;
                Some(match (ahead, this < r) {
                    (true, true) => r.year() + 1,
                    (false, false) if behind && (this - r).num_days() > 7 => r.year() - 1,
                    _ => r.year(),
                })
            });
            y.and_then(|y| NaiveDate::from_ymd_opt(y, month, day)).map(iso)
        }
        Parsed::MonthYear { month, year } => {
            *context = Some((year, para));
            (1..=12).contains(&month).then(|| format!("{year:04}-{month:02}"))
        }
        Parsed::Year(y) => Some(format!("{y:04}")),
        Parsed::Month(m) => {
            let y = recent.or_else(|| {
                let r = reference?;
                Some(match (ahead, m < r.month()) {
                    (true, true) => r.year() + 1,
                    (false, false) if behind && m > r.month() => r.year() - 1,
                    _ => r.year(),
                })
            });
            y.map(|y| format!("{y:04}-{m:02}"))
        }
        relative => return (DateKind::Relative, reference.and_then(|r| resolve_relative(relative, r, ahead))),
    };
    (DateKind::Absolute, value)
}

fn resolve_relative(p: Parsed, r: NaiveDate, ahead: bool) -> Option<String> {
    let month = |d: NaiveDate| format!("{:04}-{:02}", d.year(), d.month());
    match p {
        Parsed::Day(n) => shift_days(r, n).map(iso),
        Parsed::Shift(step, Unit::Week) | Parsed::Shift(step, Unit::Day) => {
            let w = shift_days(r, 7 * step as i64)?.iso_week();
            Some(format!("{:04}-W{:02}", w.year(), w.week()))
        }
        Parsed::Shift(step, Unit::Month) => shift_months(r, step).map(month),
        Parsed::Shift(step, Unit::Year) => Some(format!("{:04}", r.year() + step)),
        Parsed::ShiftWeekday(step, w) => {
            weekday_from(r, w, if step == 0 { ahead } else { step > 0 }, step != 0).map(iso)
        }
        Parsed::Offset(n, Unit::Day) => shift_days(r, n).map(iso),
        Parsed::Offset(n, Unit::Week) => shift_days(r, 7 * n).map(iso),
        Parsed::Offset(n, Unit::Month) => shift_months(r, i32::try_from(n).ok()?).map(month),
        Parsed::Offset(n, Unit::Year) => Some(format!("{:04}", r.year() as i64 + n)),
        Parsed::Weekday(w) => weekday_from(r, w, ahead, false).map(iso),
        _ => None,
    }
}

fn shift_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn shift_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

/// The weekday `w` nearest `r` going forwards (`ahead`) or backwards; `strict` skips `r` itself.
fn weekday_from(r: NaiveDate, w: Weekday, ahead: bool, strict: bool) -> Option<NaiveDate> {
    let from = r.weekday().num_days_from_monday() as i64;
    let to = w.num_days_from_monday() as i64;
    let mut delta = if ahead { (to - from).rem_euclid(7) } else { -(from - to).rem_euclid(7) };
    if strict && delta == 0 {
        delta = if ahead { 7 } else { -7 };
    }
    shift_days(r, delta)
}

/// A publication date line among the first paragraphs: a short paragraph with a full date, or
/// one that starts "Published", "Updated" or "Posted", or a dateline that opens with one.
fn publication(doc: &Document<'_>, t: &Tokens<'_>) -> Option<(Span, NaiveDate)> {
    let text = doc.text.normalized();
    let mut s = 0;
    for (pi, p) in doc.paragraphs.iter().enumerate().take(4) {
        let para = &text[p.norm];
        let leads: &[&str] =
            if t.es { crate::es::dates::PUBLICATION_LEADS } else { &["published", "updated", "posted", "date:"] };
        let lead = leads.iter().any(|w| para.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w)));
        while s < doc.sentences.len() && doc.sentences[s].paragraph == pi {
            let (from, to) = t.sentence(s);
            s += 1;
            for k in from..to {
                // A publication date is alone in a short paragraph, or opens it (dateline), unless
                // the paragraph has a lead word: either way it starts within 40 bytes of the
                // paragraph, and expressions start at the token they are parsed at.
                if !lead && t.toks[k].span.start > p.norm.start + 40 {
                    break;
                }
                // English full dates start with a month (a date word) or a digit: the openers of
                // relative dates ("a", "last") are passed over without a parse.
                if !(t.es || t.on(k, DATE) || t.text.as_bytes()[t.toks[k].span.start].is_ascii_digit()) {
                    continue;
                }
                let Some((Parsed::Date { month, day, year: Some(y) }, a, end)) = parse_lang(t, k, from, to) else {
                    continue;
                };
                let span = Span::new(t.toks[a].span.start, t.toks[end - 1].span.end);
                let alone = para.len() <= span.len() + 40 && !para.ends_with('.');
                let dateline =
                    span.start - p.norm.start <= 40 && text[span.end..p.norm.end].trim_start().starts_with('-');
                if alone || lead || dateline {
                    return NaiveDate::from_ymd_opt(y, month, day).map(|d| (span, d));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_what_chrono_writes() {
        for (y, m, d) in
            [(2024, 5, 4), (1999, 12, 31), (12, 1, 2), (0, 3, 9), (9999, 10, 10), (10000, 1, 1), (-44, 3, 15)]
        {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(iso(date), date.format("%Y-%m-%d").to_string(), "{date:?}");
        }
        assert_eq!(iso(NaiveDate::from_ymd_opt(2024, 5, 4).unwrap()), "2024-05-04");
    }

    #[test]
    fn a_contracted_will_looks_ahead_like_will() {
        // 2024-05-08 is a Wednesday: a weekday looks back unless the sentence looks ahead.
        for (input, value) in [
            ("The board voted on Tuesday.", "2024-05-07"),
            ("The board will vote on Tuesday.", "2024-05-14"),
            ("They'll vote on Tuesday.", "2024-05-14"),
            ("We'll decide on Tuesday.", "2024-05-14"),
            // Beyond the five words before the date: the sentence's voice decides.
            ("They'll hold a big and long public hearing on Tuesday.", "2024-05-14"),
            ("They hold a big and long public hearing on Tuesday.", "2024-05-07"),
        ] {
            let got = values(input, "2024-05-08");
            assert_eq!(got.first().and_then(|g| g.1.as_deref()), Some(value), "{input:?}: {got:?}");
        }
    }

    fn values(input: &str, reference: &str) -> Vec<(String, Option<String>)> {
        let doc = Document::new(input);
        let t = super::super::tokens::tokenize(&doc);
        let d = find(&doc, &t, parse_iso_date(reference));
        d.mentions.into_iter().map(|m| (input[m.span].to_string(), m.value)).collect()
    }

    #[test]
    fn absolute_and_relative() {
        let v = |s: &str| Some(s.to_string());
        let cases = vec![
            (
                "It opened May 4, 2023. On May 04 it closed.",
                "2024-06-01",
                vec![("May 4, 2023", v("2023-05-04")), ("May 04", v("2023-05-04"))],
            ),
            ("The board met on May 4.", "2024-06-01", vec![("May 4", v("2024-05-04"))]),
            ("The board will meet on April 9.", "2024-06-01", vec![("April 9", v("2025-04-09"))]),
            ("He left on Tuesday.", "2024-05-06", vec![("Tuesday", v("2024-04-30"))]),
            ("He will leave on Tuesday.", "2024-05-06", vec![("Tuesday", v("2024-05-07"))]),
            (
                "It happened yesterday, not last week.",
                "2024-05-06",
                vec![("yesterday", v("2024-05-05")), ("last week", v("2024-W18"))],
            ),
            (
                "Three days ago and in 2028, in March.",
                "2024-05-06",
                vec![("Three days ago", v("2024-05-03")), ("2028", v("2028")), ("March", v("2024-03"))],
            ),
            (
                "Jan. 5 and 2024-02-03 and March 2023.",
                "2024-05-06",
                vec![("Jan. 5", v("2024-01-05")), ("2024-02-03", v("2024-02-03")), ("March 2023", v("2023-03"))],
            ),
            ("Theresa May spoke on Tuesday.", "", vec![("Tuesday", None)]),
        ];
        for (input, reference, expected) in cases {
            let want: Vec<(String, Option<String>)> = expected.into_iter().map(|(a, b)| (a.to_string(), b)).collect();
            assert_eq!(values(input, reference), want, "{input:?}");
        }
    }

    #[test]
    fn last_words_are_the_rsplit_words() {
        let cases = vec![
            "The board will meet on",
            "  it's done -- they'll vote, Caf\u{E9} Z\u{FC}rich\u{2019}s 12 ",
            "",
            "...",
            "\u{201C}S\u{E3}o Paulo\u{201D} said",
        ];
        for head in cases {
            let want: Vec<&str> =
                head.rsplit(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
            assert_eq!(last_words(head).collect::<Vec<_>>(), want, "{head:?}");
        }
    }

    #[test]
    fn publication_line_sets_reference() {
        let input = "Bridge delayed\nPublished May 6, 2024\nThe board met on Tuesday.";
        let doc = Document::new(input);
        let t = super::super::tokens::tokenize(&doc);
        let d = find(&doc, &t, parse_iso_date("2020-01-01"));
        assert_eq!(d.reference, parse_iso_date("2024-05-06"));
        assert_eq!(d.mentions.last().and_then(|m| m.value.clone()).as_deref(), Some("2024-04-30"));
    }
}
