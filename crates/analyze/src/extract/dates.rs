//! Date expressions and their ISO values.
//!
//! Absolute forms ("May 4, 2024", "Jan. 5", "4 May 2024", "March 2023", "2024-05-04", "in 2028",
//! "in March") and relative ones ("today", "yesterday", "on Tuesday", "last week", "next month",
//! "three days ago") are found with one regex pass over the normalized text and resolved against
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
use regex::Regex;
use serde::{Deserialize, Serialize};

use super::lexicon::DATE;
use super::tokens::Tokens;
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

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.";
const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

static RE: LazyLock<Regex> = LazyLock::new(|| {
    let p = format!(
        r"(?x)
        (?-u:\b)(?P<m1>{MONTHS})(?-u:\s)+(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?(?-u:\s)+(?P<y1>[0-9]{{4}})(?-u:\b))?
      | (?-u:\b)(?P<d2>[0-9]{{1,2}})(?-u:\s)+(?P<m2>{MONTHS})(?:,?(?-u:\s)+(?P<y2>[0-9]{{4}})(?-u:\b))?
      | (?-u:\b)(?P<m3>{MONTHS})(?:(?-u:\s)+of)?(?-u:\s)+(?P<y3>[0-9]{{4}})(?-u:\b)
      | (?-u:\b)(?P<iso>[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}})(?-u:\b)
      | (?-u:\b)(?P<rel>(?i:today|yesterday|tomorrow|tonight))(?-u:\b)
      | (?-u:\b)(?P<md>(?i:last|next|this|past|coming))(?-u:\s)+(?P<unit>(?i:week|month|year)|{WEEKDAYS})(?-u:\b)
      | (?-u:\b)(?P<n>[0-9]{{1,3}}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|a))(?-u:\s)+(?P<u>(?i:days?|weeks?|months?|years?))(?-u:\s)+(?P<dir>(?i:ago|earlier|later|from\ now))(?-u:\b)
      | (?-u:\b)(?P<wd>{WEEKDAYS})(?-u:\b)
      | (?-u:\b)(?i:in|since|by|until|from|before|after|through|of)(?-u:\s)+(?P<yr>(?:19|20)[0-9]{{2}})(?-u:\b)
      | (?-u:\b)(?P<m4>January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)"
    );
    Regex::new(&p).expect("the date pattern compiles")
});

/// Parses `YYYY-MM-DD`.
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let mut it = s.trim().splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// True for month and weekday names.
pub(crate) fn is_calendar_word(w: &str) -> bool {
    (3..=9).contains(&w.len())
        && w.as_bytes()[0].is_ascii_uppercase()
        && (WEEKDAYS.split('|').any(|d| d == w) || MONTHS.split('|').any(|m| m.trim_end_matches("\\.") == w))
}

fn month(s: &str) -> Option<u32> {
    let key = s.get(..3)?;
    let k = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        .iter()
        .position(|m| *m == key)?;
    Some(k as u32 + 1)
}

fn weekday(s: &str) -> Option<Weekday> {
    s.get(..3)?.parse().ok()
}

fn number(s: &str) -> Option<u32> {
    let words = ["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    s.parse().ok().or_else(|| words.iter().position(|w| w.eq_ignore_ascii_case(s)).map(|k| k.max(1) as u32))
}

/// Whether the sentence's own voice (text outside double quotes) looks ahead.
fn future(sentence: &str) -> bool {
    let mut l = String::with_capacity(sentence.len() + 1);
    for (k, part) in sentence.split('"').enumerate() {
        if k % 2 == 0 {
            l.push_str(&part.to_ascii_lowercase());
            l.push(' ');
        }
    }
    [" will ", "'ll ", "scheduled", "upcoming", " plans to ", " expected to ", " set to ", " is to "]
        .iter()
        .any(|w| l.contains(w))
        || l.starts_with("will ")
}

/// Whether the sentence's own voice says the events are past ("had", "was", "ago" ...).
fn past(sentence: &str) -> bool {
    let l = sentence.to_ascii_lowercase();
    [" had ", " was ", " were ", " did ", " said ", " ago", " last "].iter().any(|w| l.contains(w))
}

/// The tense of the words right before a date expression (`head` is the sentence up to it):
/// `Some(false)` after a past-tense verb ("announced on Monday"), `Some(true)` after "will" or
/// "to" ("will meet on Monday"), `None` when the nearby words do not say.
fn tense(head: &str) -> Option<bool> {
    const PAST: &[&str] = &[
        "began", "came", "died", "gave", "had", "held", "left", "lost", "made", "met", "said", "sent", "spoke", "told",
        "took", "was", "went", "were", "won", "wrote",
    ];
    for w in head.rsplit(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).take(5) {
        let l = w.to_ascii_lowercase();
        if matches!(l.as_str(), "will" | "to" | "scheduled" | "next" | "until") || l.ends_with("'ll") {
            return Some(true);
        }
        if PAST.contains(&l.as_str()) || (l.len() > 4 && l.ends_with("ed")) {
            return Some(false);
        }
    }
    None
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Finds and resolves the date expressions of `doc`.
pub(crate) fn find(doc: &Document<'_>, t: &Tokens<'_>, reference: Option<NaiveDate>) -> Dates {
    let text = doc.text.normalized();
    let publication = publication(doc);
    let reference = publication.as_ref().map(|p| p.1).or(reference);
    let mut mentions = Vec::new();
    // The last explicit year and the paragraph it was in.
    let mut context: Option<(i32, usize)> = None;
    for (s, sent) in doc.sentences.iter().enumerate() {
        // Only sentences with a date word or a digit can hold a date: the regex runs on few.
        let (from, to) = t.sentence(s);
        // A year ("2024", "2024-05-04") is the one date that needs no date word.
        let year = |k: usize| {
            let w = t.s(k).as_bytes();
            t.toks[k].word
                && w.len() == 4
                && (w.starts_with(b"19") || w.starts_with(b"20"))
                && w.iter().all(u8::is_ascii_digit)
        };
        let Some(first) = (from..to).find(|&k| t.on(k, DATE) || year(k)) else { continue };
        let hay = &text[..sent.norm.end];
        // The sentence's tense, once per sentence (linear time however many dates it holds).
        let voice = (future(&text[sent.norm]), past(&text[sent.norm]));
        // Matches start at most three tokens before their first date word ("in 2028", "3 May").
        let mut pos = t.toks[first.saturating_sub(3).max(from)].span.start;
        while let Some(c) = RE.captures_at(hay, pos) {
            let whole = c.get(0).expect("group 0");
            pos = whole.end().max(pos + 1);
            if !hay.is_char_boundary(pos) {
                pos = whole.end();
            }
            mention(doc, &c, s, sent, voice, reference, &mut context, &mut mentions);
        }
    }
    Dates {
        mentions,
        reference,
        publication: publication.map(|(span, d)| DateRef { span: doc.text.to_original(span), value: Some(iso(d)) }),
    }
}

/// Resolves one regex match `c` in sentence `s` and records it.
#[allow(clippy::too_many_arguments)]
fn mention(
    doc: &Document<'_>,
    c: &regex::Captures<'_>,
    s: usize,
    sent: &nutgraf_text::Sentence,
    (future, past): (bool, bool),
    reference: Option<NaiveDate>,
    context: &mut Option<(i32, usize)>,
    mentions: &mut Vec<DateMention>,
) {
    let text = doc.text.normalized();
    let whole = c.get(0).expect("group 0");
    {
        let para = sent.paragraph;
        let ahead = tense(&text[sent.norm.start..whole.start()]).unwrap_or(future);
        let behind = !ahead && past;
        let year = |g: &str| c.name(g).and_then(|y| y.as_str().parse::<i32>().ok());
        let mut span = Span::new(whole.start(), whole.end());
        let mut kind = DateKind::Absolute;
        let value = if let (Some(m), Some(d)) = (c.name("m1").or(c.name("m2")), c.name("d1").or(c.name("d2"))) {
            let (m, d) = (month(m.as_str()), d.as_str().parse::<u32>().ok());
            match (m, d, year("y1").or(year("y2"))) {
                (Some(m), Some(d), Some(y)) => {
                    *context = Some((y, para));
                    NaiveDate::from_ymd_opt(y, m, d).map(iso)
                }
                (Some(m), Some(d), None) => {
                    let ctx = context.filter(|&(_, p)| p + 3 >= para).map(|(y, _)| y);
                    let y = ctx.or_else(|| {
                        let r = reference?;
                        let this = NaiveDate::from_ymd_opt(r.year(), m, d)?;
                        Some(match (ahead, this < r) {
                            (true, true) => r.year() + 1,
                            (false, false) if behind && (this - r).num_days() > 7 => r.year() - 1,
                            _ => r.year(),
                        })
                    });
                    y.and_then(|y| NaiveDate::from_ymd_opt(y, m, d)).map(iso)
                }
                _ => None,
            }
        } else if let (Some(m), Some(y)) = (c.name("m3"), year("y3")) {
            *context = Some((y, para));
            month(m.as_str()).map(|m| format!("{y:04}-{m:02}"))
        } else if let Some(i) = c.name("iso") {
            let d = parse_iso_date(i.as_str());
            if let Some(d) = d {
                *context = Some((d.year(), para));
            }
            d.map(iso)
        } else if let Some(y) = c.name("yr") {
            span = Span::new(y.start(), y.end());
            Some(y.as_str().to_string())
        } else if let Some(m) = c.name("m4") {
            let before = text[..m.start()].trim_end();
            let prep = ["in", "since", "by", "until", "early", "late", "mid-", "through"];
            let b = before.as_bytes();
            let after_prep = |p: &&str| {
                let n = p.len();
                b.len() >= n
                    && b[b.len() - n..].eq_ignore_ascii_case(p.as_bytes())
                    && (b.len() == n || !b[b.len() - n - 1].is_ascii_alphanumeric())
            };
            if !prep.iter().any(after_prep) {
                return;
            }
            span = Span::new(m.start(), m.end());
            let mo = month(m.as_str());
            let y = context.filter(|&(_, p)| p + 3 >= para).map(|(y, _)| y).or_else(|| {
                let r = reference?;
                let mo = mo?;
                Some(match (ahead, mo < r.month()) {
                    (true, true) => r.year() + 1,
                    (false, false) if behind && mo > r.month() => r.year() - 1,
                    _ => r.year(),
                })
            });
            y.zip(mo).map(|(y, m)| format!("{y:04}-{m:02}"))
        } else {
            kind = DateKind::Relative;
            relative(c, reference, ahead)
        };
        mentions.push(DateMention { span: doc.text.to_original(span), sentence: s, kind, value });
    }
}

fn relative(c: &regex::Captures<'_>, r: Option<NaiveDate>, ahead: bool) -> Option<String> {
    let r = r?;
    if let Some(w) = c.name("rel") {
        let d = match w.as_str().to_ascii_lowercase().as_str() {
            "yesterday" => r.pred_opt()?,
            "tomorrow" => r.succ_opt()?,
            _ => r,
        };
        return Some(iso(d));
    }
    if let (Some(m), Some(u)) = (c.name("md"), c.name("unit")) {
        let step: i32 = match m.as_str().to_ascii_lowercase().as_str() {
            "last" | "past" => -1,
            "next" | "coming" => 1,
            _ => 0,
        };
        return match u.as_str().to_ascii_lowercase().as_str() {
            "week" => {
                let d = shift_days(r, 7 * step as i64)?;
                let w = d.iso_week();
                Some(format!("{:04}-W{:02}", w.year(), w.week()))
            }
            "month" => {
                let d = shift_months(r, step)?;
                Some(format!("{:04}-{:02}", d.year(), d.month()))
            }
            "year" => Some(format!("{:04}", r.year() + step)),
            day => weekday_from(r, weekday(&capitalize(day))?, if step == 0 { ahead } else { step > 0 }, step != 0)
                .map(iso),
        };
    }
    if let (Some(n), Some(u), Some(dir)) = (c.name("n"), c.name("u"), c.name("dir")) {
        let n = number(n.as_str())? as i64;
        let sign = if dir.as_str().eq_ignore_ascii_case("ago") || dir.as_str().eq_ignore_ascii_case("earlier") {
            -1
        } else {
            1
        };
        let u = u.as_str().to_ascii_lowercase();
        return if u.starts_with("day") {
            shift_days(r, sign * n).map(iso)
        } else if u.starts_with("week") {
            shift_days(r, sign * 7 * n).map(iso)
        } else if u.starts_with("month") {
            shift_months(r, (sign * n) as i32).map(|d| format!("{:04}-{:02}", d.year(), d.month()))
        } else {
            Some(format!("{:04}", r.year() as i64 + sign * n))
        };
    }
    let w = weekday(c.name("wd")?.as_str())?;
    weekday_from(r, w, ahead, false).map(iso)
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
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
fn publication(doc: &Document<'_>) -> Option<(Span, NaiveDate)> {
    let text = doc.text.normalized();
    for p in doc.paragraphs.iter().take(4) {
        let para = &text[p.norm];
        let lead = ["published", "updated", "posted", "date:"].iter().any(|w| para.to_ascii_lowercase().starts_with(w));
        for c in RE.captures_iter(para) {
            let whole = c.get(0).expect("group 0");
            let alone = para.len() <= whole.len() + 40 && !para.ends_with('.');
            let dateline = whole.start() <= 40 && para[whole.end()..].trim_start().starts_with('-');
            if !(alone || lead || dateline) {
                break;
            }
            let date = if let (Some(m), Some(d), Some(y)) =
                (c.name("m1").or(c.name("m2")), c.name("d1").or(c.name("d2")), c.name("y1").or(c.name("y2")))
            {
                NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, month(m.as_str())?, d.as_str().parse().ok()?)
            } else {
                c.name("iso").and_then(|i| parse_iso_date(i.as_str()))
            };
            if let Some(d) = date {
                return Some((Span::new(p.norm.start + whole.start(), p.norm.start + whole.end()), d));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn publication_line_sets_reference() {
        let input = "Bridge delayed\nPublished May 6, 2024\nThe board met on Tuesday.";
        let doc = Document::new(input);
        let t = super::super::tokens::tokenize(&doc);
        let d = find(&doc, &t, parse_iso_date("2020-01-01"));
        assert_eq!(d.reference, parse_iso_date("2024-05-06"));
        assert_eq!(d.mentions.last().and_then(|m| m.value.clone()).as_deref(), Some("2024-04-30"));
    }
}
