//! Date expressions read off the token stream.
//!
//! Why not a regex: one regex with every form (and its capture groups) was a third of the
//! extractor's time and took about 40 ms to compile on first use; the forms are short token
//! patterns, so matching them at each date word of the token stream is cheaper and compiles to
//! nothing. The patterns, tried at each token in this order:
//!
//! | form | example |
//! |---|---|
//! | month day [,] [year] | "May 4", "Jan. 5, 2024", "May 04" |
//! | month [of] year | "March 2023", "March of 2023" |
//! | day month [year] | "4 May 2024" |
//! | ISO | "2024-05-04" |
//! | today, yesterday, tomorrow, tonight | |
//! | last/next/this/past/coming week, month, year or weekday | "last week", "next Tuesday" |
//! | number unit ago/earlier/later/from now | "three days ago", "two weeks later" |
//! | weekday | "Tuesday" |
//! | in/since/by/until/from/before/after/through/of year | "in 2028" (the year alone is the span) |
//! | in/since/by/until/early/late/mid-/through month | "in March" (the month alone) |

use chrono::Weekday;

use std::sync::LazyLock;

use super::lexicon::{WordTable, DATE, DATE_OPEN};
use super::tokens::Tokens;

/// A unit of relative time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// What a date expression says, before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Parsed {
    /// Month and day, with the year when given.
    Date { month: u32, day: u32, year: Option<i32> },
    /// Month and year.
    MonthYear { month: u32, year: i32 },
    /// A year.
    Year(i32),
    /// A month alone ("in March").
    Month(u32),
    /// Today (0), yesterday (-1), tomorrow (1).
    Day(i64),
    /// last (-1) / this (0) / next (1) week, month or year.
    Shift(i32, Unit),
    /// last / this / next weekday.
    ShiftWeekday(i32, Weekday),
    /// n units before (negative) or after.
    Offset(i64, Unit),
    /// A weekday alone.
    Weekday(Weekday),
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const ABBREV: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// True for month and weekday names.
pub(crate) fn is_calendar_word(w: &str) -> bool {
    (3..=9).contains(&w.len()) && (MONTHS.contains(&w) || weekday(w).is_some())
}

/// The weekday named by `w` (capitalized, full name).
pub(crate) fn weekday(w: &str) -> Option<Weekday> {
    let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    let k = days.iter().position(|d| *d == w)?;
    Some([Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun][k])
}

/// The month at token `k` and the token after it: a full name, or an abbreviation with its period
/// ("Jan.", "Sept.").
fn month(t: &Tokens<'_>, k: usize, to: usize) -> Option<(u32, usize, bool)> {
    // Every month name and abbreviation is a date word: the others are not compared.
    if t.toks[k].flags & DATE == 0 {
        return None;
    }
    let w = t.s(k);
    if let Some(m) = MONTHS.iter().position(|m| *m == w) {
        return Some((m as u32 + 1, k + 1, true));
    }
    let key = if w == "Sept" { "Sep" } else { w };
    let m = ABBREV.iter().position(|a| *a == key)?;
    let dot = k + 1 < to && t.punct(k + 1, b'.') && t.toks[k].span.end == t.toks[k + 1].span.start;
    dot.then_some((m as u32 + 1, k + 2, false))
}

fn digits(t: &Tokens<'_>, k: usize, to: usize, len: std::ops::RangeInclusive<usize>) -> Option<u32> {
    if k >= to || !t.toks[k].word() {
        return None;
    }
    let w = t.s(k);
    (len.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok()).flatten()
}

/// A day of the month: "4", "04", "4th".
fn day(t: &Tokens<'_>, k: usize, to: usize) -> Option<u32> {
    if k >= to || !t.toks[k].word() {
        return None;
    }
    let w = t.s(k);
    let num = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[num.len()..];
    let ok = (1..=2).contains(&num.len())
        && num.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th");
    ok.then(|| num.parse().ok()).flatten().filter(|d| (1..=31).contains(d))
}

/// A year after an optional comma: returns the year and the token after it.
fn year_after(t: &Tokens<'_>, k: usize, to: usize) -> Option<(i32, usize)> {
    let k = if k < to && t.punct(k, b',') { k + 1 } else { k };
    digits(t, k, to, 4..=4).map(|y| (y as i32, k + 1))
}

fn glued(t: &Tokens<'_>, a: usize, b: usize) -> bool {
    t.toks[a].span.end == t.toks[b].span.start
}

fn unit(w: &str) -> Option<Unit> {
    let units = [("day", Unit::Day), ("week", Unit::Week), ("month", Unit::Month), ("year", Unit::Year)];
    let w = w.strip_suffix('s').unwrap_or(w);
    units.iter().find(|(u, _)| u.eq_ignore_ascii_case(w)).map(|&(_, u)| u)
}

fn number(w: &str) -> Option<i64> {
    let words = ["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    if w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok();
    }
    words.iter().position(|n| n.eq_ignore_ascii_case(w)).map(|k| k.max(1) as i64)
}

/// True when token `k` may open a date expression: every form starts with a digit, a date word
/// (months and weekdays are date words) or a word that opens a relative date ("a", "last") and
/// is followed by a date word (a unit or a weekday: "a week ago", "last Tuesday"). [`parse_at`]
/// is `None` wherever this is false.
#[inline]
pub(crate) fn may_open(t: &Tokens<'_>, k: usize) -> bool {
    let tok = t.toks[k];
    tok.word()
        && (tok.flags & DATE != 0
            || t.text.as_bytes()[tok.span.start].is_ascii_digit()
            || (tok.flags & DATE_OPEN != 0 && t.toks.get(k + 1).is_some_and(|n| n.flags & DATE != 0)))
}

/// The date expression starting at token `k` of the sentence `[from, to)`: what it says, its
/// first token and one past its last.
pub(crate) fn parse_at(t: &Tokens<'_>, k: usize, from: usize, to: usize) -> Option<(Parsed, usize, usize)> {
    if !may_open(t, k) {
        return None;
    }
    let w = t.s(k);
    // Months, weekdays and "today" ... are date words: the other openers ("a", "last", digits)
    // skip their tests.
    let date_word = t.toks[k].flags & DATE != 0;
    let digit = w.as_bytes()[0].is_ascii_digit();
    // Which word lists the word is on, any case, in one lookup: each test below scans its list
    // only when the word is on it (the scans keep their own case rules).
    let kinds = if digit { 0 } else { KINDS.bits(w) as u8 };
    if let Some((m, after, full)) = (date_word && kinds & MONTH != 0).then(|| month(t, k, to)).flatten() {
        if let Some(d) = day(t, after, to) {
            return Some(match year_after(t, after + 1, to) {
                Some((y, end)) => (Parsed::Date { month: m, day: d, year: Some(y) }, k, end),
                None => (Parsed::Date { month: m, day: d, year: None }, k, after + 1),
            });
        }
        let of = if t.is(after, "of") { after + 1 } else { after };
        if let Some(y) = digits(t, of, to, 4..=4) {
            return Some((Parsed::MonthYear { month: m, year: y as i32 }, k, of + 1));
        }
        let prep = ["in", "since", "by", "until", "early", "late", "through"];
        let mid = k >= 2 && t.punct(k - 1, b'-') && t.is(k - 2, "mid");
        if full && k > from && (t.is_any(k - 1, &prep) || mid) {
            return Some((Parsed::Month(m), k, after));
        }
        return None;
    }
    if let Some(d) = digit.then(|| day(t, k, to)).flatten() {
        if let Some((m, after, _)) = (k + 1 < to).then(|| month(t, k + 1, to)).flatten() {
            let year = digits(t, after, to, 4..=4);
            let end = if year.is_some() { after + 1 } else { after };
            return Some((Parsed::Date { month: m, day: d, year: year.map(|y| y as i32) }, k, end));
        }
    }
    if let Some(y) = digit.then(|| digits(t, k, to, 4..=4)).flatten() {
        let iso = k + 4 < to
            && t.punct(k + 1, b'-')
            && t.punct(k + 3, b'-')
            && (k..k + 4).all(|j| glued(t, j, j + 1))
            && t.s(k + 2).len() == 2
            && t.s(k + 4).len() == 2;
        if iso {
            let (m, d) = (digits(t, k + 2, to, 2..=2)?, digits(t, k + 4, to, 2..=2)?);
            return Some((Parsed::Date { month: m, day: d, year: Some(y as i32) }, k, k + 5));
        }
        let preps = ["in", "since", "by", "until", "from", "before", "after", "through", "of"];
        if (1900..2100).contains(&y) && k > from && t.is_any(k - 1, &preps) {
            return Some((Parsed::Year(y as i32), k, k + 1));
        }
        return None;
    }
    let day_shift = [("today", 0), ("tonight", 0), ("yesterday", -1), ("tomorrow", 1)];
    if let Some(&(_, n)) = day_shift.iter().find(|(d, _)| kinds & DAY_SHIFT != 0 && d.eq_ignore_ascii_case(w)) {
        return Some((Parsed::Day(n), k, k + 1));
    }
    let steps = [("last", -1), ("past", -1), ("next", 1), ("coming", 1), ("this", 0)];
    if let (Some(&(_, step)), true) =
        (steps.iter().find(|(d, _)| kinds & STEP != 0 && d.eq_ignore_ascii_case(w)), k + 1 < to)
    {
        let n = t.s(k + 1);
        if let Some(u) = unit(n).filter(|u| *u != Unit::Day && !n.ends_with('s')) {
            return Some((Parsed::Shift(step, u), k, k + 2));
        }
        if let Some(d) = weekday(n) {
            return Some((Parsed::ShiftWeekday(step, d), k, k + 2));
        }
    }
    if let (Some(n), true) = ((digit || kinds & NUMBER != 0).then(|| number(w)).flatten(), k + 2 < to) {
        if let Some(u) = unit(t.s(k + 1)) {
            let from_now = t.is(k + 2, "from") && t.is(k + 3, "now");
            let sign = if t.is_any(k + 2, &["ago", "earlier"]) {
                Some(-1)
            } else if t.is(k + 2, "later") || from_now {
                Some(1)
            } else {
                None
            };
            if let Some(sign) = sign {
                let end = if from_now { k + 4 } else { k + 3 };
                return Some((Parsed::Offset(sign * n, u), k, end));
            }
        }
    }
    (date_word && kinds & WEEKDAY != 0).then(|| weekday(w)).flatten().map(|d| (Parsed::Weekday(d), k, k + 1))
}

/// [`KINDS`] bit: a month name or abbreviation.
const MONTH: u8 = 1;
/// [`KINDS`] bit: a weekday.
const WEEKDAY: u8 = 2;
/// [`KINDS`] bit: "today", "tonight", "yesterday", "tomorrow".
const DAY_SHIFT: u8 = 4;
/// [`KINDS`] bit: "last", "past", "next", "coming", "this".
const STEP: u8 = 8;
/// [`KINDS`] bit: "a", "one" ... "ten".
const NUMBER: u8 = 16;

/// The word lists [`parse_at`] tests, by bit, any case.
static KINDS: LazyLock<WordTable> = LazyLock::new(|| {
    WordTable::new(&[
        (&MONTHS, MONTH.into()),
        (&ABBREV, MONTH.into()),
        (&["Sept"], MONTH.into()),
        (&["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], WEEKDAY.into()),
        (&["today", "tonight", "yesterday", "tomorrow"], DAY_SHIFT.into()),
        (&["last", "past", "next", "coming", "this"], STEP.into()),
        (&["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], NUMBER.into()),
    ])
});

#[cfg(test)]
mod tests {
    use super::*;
    use nutgraf_text::Document;

    #[test]
    fn forms() {
        let cases = vec![
            ("On May 4, 2024 it rained.", Some(Parsed::Date { month: 5, day: 4, year: Some(2024) })),
            ("On Jan. 5 it rained.", Some(Parsed::Date { month: 1, day: 5, year: None })),
            ("On 4th May 2024 it rained.", Some(Parsed::Date { month: 5, day: 4, year: Some(2024) })),
            ("In March of 2023 it rained.", Some(Parsed::MonthYear { month: 3, year: 2023 })),
            ("Due 2024-05-04 now.", Some(Parsed::Date { month: 5, day: 4, year: Some(2024) })),
            ("It rained three days ago.", Some(Parsed::Offset(-3, Unit::Day))),
            ("It rains next Tuesday.", Some(Parsed::ShiftWeekday(1, Weekday::Tue))),
            ("It rained last week.", Some(Parsed::Shift(-1, Unit::Week))),
            ("Done by 2028.", Some(Parsed::Year(2028))),
            ("Theresa May spoke.", None),
            ("It cost 2024 dollars.", None),
        ];
        for (input, want) in cases {
            let doc = Document::new(input);
            let t = super::super::tokens::tokenize(&doc);
            let to = t.toks.len();
            let got = (0..to).find_map(|k| parse_at(&t, k, 0, to)).map(|(p, _, _)| p);
            assert_eq!(got, want, "{input:?}");
        }
    }
}
