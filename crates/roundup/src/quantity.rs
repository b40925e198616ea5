//! Numbers and dates in a sentence, each with the word it counts.
//!
//! # Why this module exists
//!
//! Two outlets that report "12 people" and "14 people" for the same event disagree; two that
//! report "12 people" and "3 schools" do not. A [`Quantity`] keeps the value normalized
//! (`$4.2 million` -> `4200000`) together with what it is *about* (the stem of the next content
//! word: `peopl`, `budget`), so [`crate::conflict`] compares like with like. Dates are weekday
//! names, `Month D` and years; their `about` is the date kind. Names are people the text gives a
//! role ("Police Chief John Reyes"): their `about` is the role's head word (`chief`), so two
//! outlets naming different people in the same role disagree ([`names`]).

use nutgraf_text::{words, Span, TermAnalyzer};
use serde::{Deserialize, Serialize};

/// A number or date in a sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Normalized value: a plain decimal number, a lowercase weekday, `month d`, or a year.
    pub value: String,
    /// What it counts: a term stem, or `weekday`, `date`, `year` for dates.
    pub about: String,
    /// As written in the sentence (normalized text), for display.
    pub shown: String,
    /// The word `about` stems from, lowercase as written ("people"); for dates, the date kind.
    pub label: String,
    /// Number, date or name.
    pub kind: Kind,
}

/// What a [`Quantity`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A count or amount.
    Number,
    /// A weekday, `Month D` or year.
    Date,
    /// The name of the person in a role.
    Name,
}

impl Kind {
    /// Lowercase name, as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Date => "date",
            Kind::Name => "name",
        }
    }
}

impl Quantity {
    /// True when `other` gives this value for the same thing. Names agree when one's words are
    /// all in the other ("Reyes" and "John Reyes"), so a later surname-only mention is no
    /// disagreement.
    pub fn agrees(&self, other: &Quantity) -> bool {
        self.kind == other.kind && self.about == other.about && same_value(self.kind, &self.value, &other.value)
    }

    /// True when `other` is about the same thing with a different value.
    pub fn contradicts(&self, other: &Quantity) -> bool {
        self.kind == other.kind && self.about == other.about && !same_value(self.kind, &self.value, &other.value)
    }
}

/// Whether two values of one kind are the same value.
pub fn same_value(kind: Kind, a: &str, b: &str) -> bool {
    if kind != Kind::Name {
        return a == b;
    }
    let tokens = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    let (a, b) = (tokens(a), tokens(b));
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    !short.is_empty() && short.iter().all(|t| long.contains(t))
}

/// A name quantity: `name` is the person (without titles), `role` their role as written, and
/// `shown` the name as the sentence writes it.
pub fn name(name: &str, role: &str, shown: &str, analyzer: &mut TermAnalyzer) -> Option<Quantity> {
    let head = role.split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty())?.to_lowercase();
    let about = analyzer.term(&head)?.into_owned();
    Some(Quantity { value: name.to_string(), about, shown: shown.to_string(), label: head, kind: Kind::Name })
}

#[rustfmt::skip]
static WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
#[rustfmt::skip]
static MONTHS: &[&str] = &["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
#[rustfmt::skip]
static NUMBER_WORDS: &[&str] = &["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];
static SCALES: &[(&str, f64)] = &[("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)];

/// The quantities of one sentence (`text` is the sentence's normalized text).
pub fn quantities(text: &str, analyzer: &mut TermAnalyzer) -> Vec<Quantity> {
    let spans: Vec<Span> = words(text, Span::new(0, text.len())).collect();
    let lower: Vec<String> = spans.iter().map(|&w| text[w].to_lowercase()).collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < spans.len() {
        let w = lower[k].as_str();
        let next = lower.get(k + 1).map(String::as_str);
        if WEEKDAYS.contains(&w) {
            out.push(Quantity {
                value: w.to_string(),
                about: "weekday".into(),
                shown: text[spans[k]].into(),
                label: "weekday".into(),
                kind: Kind::Date,
            });
        } else if let Some(day) = next.filter(|n| MONTHS.contains(&w) && is_day(n)) {
            let shown = text[Span::new(spans[k].start, spans[k + 1].end)].to_string();
            out.push(Quantity {
                value: format!("{w} {day}"),
                about: "date".into(),
                shown,
                label: "date".into(),
                kind: Kind::Date,
            });
            k += 1;
        } else if let Some(mut value) = parse_number(w) {
            let (start, mut end) = (spans[k].start, spans[k].end);
            if w.len() == 4 && !w.contains([',', '.']) && (1900.0..2100.0).contains(&value) {
                out.push(Quantity {
                    value: w.into(),
                    about: "year".into(),
                    shown: w.into(),
                    label: "year".into(),
                    kind: Kind::Date,
                });
                k += 1;
                continue;
            }
            let mut j = k + 1;
            if let Some(&(_, scale)) = next.and_then(|n| SCALES.iter().find(|(s, _)| *s == n)) {
                value *= scale;
                end = spans[j].end;
                j += 1;
            }
            let start = if text[..start].ends_with('$') { start - 1 } else { start };
            let mut term = |i: usize| analyzer.term(&lower[i]).map(|t| (t.into_owned(), lower[i].clone()));
            let about = if text[end..].starts_with('%') {
                end += 1;
                Some(("percent".to_string(), "percent".to_string()))
            } else {
                (j..spans.len().min(j + 3)).find_map(&mut term)
            };
            if let Some((about, label)) = about.or_else(|| (0..k).rev().find_map(&mut term)) {
                let shown = text[start..end].to_string();
                out.push(Quantity { value: format_value(value), about, shown, label, kind: Kind::Number });
            }
            k = j;
            continue;
        }
        k += 1;
    }
    out
}

/// True when `a` and `b` give different values for the same thing and neither also gives the
/// other's value.
pub fn disagree(a: &[Quantity], b: &[Quantity]) -> bool {
    let has = |list: &[Quantity], q: &Quantity| list.iter().any(|r| r.agrees(q));
    a.iter().any(|q| b.iter().any(|r| r.contradicts(q)) && !has(b, q))
        && b.iter().any(|r| a.iter().any(|q| q.contradicts(r)) && !has(a, r))
}

fn is_day(w: &str) -> bool {
    w.len() <= 2 && w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

fn parse_number(w: &str) -> Option<f64> {
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        return w.replace(',', "").parse().ok();
    }
    // "one" is too often a pronoun ("one of them") to count.
    NUMBER_WORDS.iter().position(|&n| n == w).filter(|&i| i >= 2).map(|i| i as f64)
}

fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates() {
        let mut a = TermAnalyzer::english();
        let cases = vec![
            (
                "The council approved a $4.2 million budget on Tuesday.",
                vec![("4200000", "budget"), ("tuesday", "weekday")],
            ),
            ("At least 14 people died, and three schools closed.", vec![("14", "peopl"), ("3", "school")]),
            (
                "Turnout rose 12% since 2019, officials said on May 4.",
                vec![("12", "percent"), ("2019", "year"), ("may 4", "date")],
            ),
            ("One of them spoke.", vec![]),
        ];
        for (text, expected) in cases {
            let got: Vec<(String, String)> = quantities(text, &mut a).into_iter().map(|q| (q.value, q.about)).collect();
            let expected: Vec<(String, String)> =
                expected.into_iter().map(|(v, w)| (v.to_string(), w.to_string())).collect();
            assert_eq!(got, expected, "{text}");
        }
        assert_eq!(quantities("It cost $4.2 million.", &mut a)[0].shown, "$4.2 million");
    }

    #[test]
    fn names_in_a_role() {
        let mut a = TermAnalyzer::english();
        let reyes = name("John Reyes", "Police Chief", "John Reyes", &mut a).unwrap();
        assert_eq!((reyes.about.as_str(), reyes.kind), ("chief", Kind::Name));
        let surname = name("Reyes", "chief", "Reyes", &mut a).unwrap();
        let other = name("Jon Reyas", "police chief", "Jon Reyas", &mut a).unwrap();
        assert!(reyes.agrees(&surname));
        assert!(reyes.contradicts(&other));
        assert!(!reyes.contradicts(&surname));
        let mayor = name("Jon Reyas", "Mayor", "Jon Reyas", &mut a).unwrap();
        assert!(!reyes.contradicts(&mayor), "different roles are different facts");
        assert!(disagree(std::slice::from_ref(&reyes), std::slice::from_ref(&other)));
        assert!(!disagree(&[reyes, other.clone()], &[other]));
    }
}
