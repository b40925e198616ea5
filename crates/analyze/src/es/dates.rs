//! Spanish date expressions, read off the token stream into the same [`Parsed`] values as the
//! English ones ([`crate::extract::date_parse`]), so they are resolved and normalized the same
//! way. The forms, tried at each token in this order:
//!
//! | form | example |
//! |---|---|
//! | day de month [de year] | "4 de marzo", "4 de marzo de 2025" |
//! | month de year | "marzo de 2023" |
//! | en/desde/hasta/principios de/finales de/mediados de month | "en marzo" (the month alone) |
//! | ISO | "2024-05-04" |
//! | en/desde/hasta/para/antes de year | "en 2028" (the year alone) |
//! | hoy, ayer, anteayer, anoche, mañana, esta mañana | |
//! | pasado/próximo weekday, weekday pasado/próximo | "el pasado martes", "el lunes próximo" |
//! | la semana/el mes/el año pasado or que viene, la próxima semana, este año | |
//! | hace n units, dentro de n units | "hace tres días", "dentro de dos semanas" |
//! | weekday | "el martes" |
//!
//! The article ("el 4 de marzo", "el pasado martes") is left out of the span, as "on" is in
//! English.

use chrono::Weekday;

use super::eq_fold;
use super::lexicon::{MONTHS, WEEKDAYS};
use crate::extract::date_parse::{Parsed, Unit};
use crate::extract::lexicon::{DATE, DATE_OPEN};
use crate::extract::tokens::Tokens;

fn month(t: &Tokens<'_>, k: usize, to: usize) -> Option<u32> {
    (k < to && t.toks[k].word()).then(|| MONTHS.iter().position(|m| eq_fold(t.s(k), m))).flatten().map(|m| m as u32 + 1)
}

fn weekday(t: &Tokens<'_>, k: usize, to: usize) -> Option<Weekday> {
    if k >= to || !t.toks[k].word() {
        return None;
    }
    let p = WEEKDAYS.iter().position(|d| eq_fold(t.s(k), d))?;
    Some([Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun][p])
}

fn digits(t: &Tokens<'_>, k: usize, to: usize, len: std::ops::RangeInclusive<usize>) -> Option<u32> {
    if k >= to || !t.toks[k].word() {
        return None;
    }
    let w = t.s(k);
    (len.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok()).flatten()
}

fn unit(t: &Tokens<'_>, k: usize) -> Option<Unit> {
    let units = [
        ("día", Unit::Day),
        ("días", Unit::Day),
        ("semana", Unit::Week),
        ("semanas", Unit::Week),
        ("mes", Unit::Month),
        ("meses", Unit::Month),
        ("año", Unit::Year),
        ("años", Unit::Year),
    ];
    let w = t.toks.get(k).map(|x| &t.text[x.span])?;
    units.iter().find(|(u, _)| eq_fold(w, u)).map(|&(_, u)| u)
}

fn number(w: &str) -> Option<i64> {
    let words = ["un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"];
    if w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok();
    }
    if eq_fold(w, "una") {
        return Some(1);
    }
    words.iter().position(|n| eq_fold(w, n)).map(|k| k as i64 + 1)
}

/// pasado/pasada (-1), próximo/próxima or "que viene" (1), este/esta (0) at token `k`: the step
/// and the token after it.
fn step(t: &Tokens<'_>, k: usize) -> Option<(i32, usize)> {
    if t.is_lang(k, &[], &["pasado", "pasada"]) {
        Some((-1, k + 1))
    } else if t.is_lang(k, &[], &["próximo", "próxima"]) {
        Some((1, k + 1))
    } else if t.is(k, "que") && t.is(k + 1, "viene") {
        Some((1, k + 2))
    } else if t.is_lang(k, &[], &["este", "esta"]) {
        Some((0, k + 1))
    } else {
        None
    }
}

/// The Spanish date expression starting at token `k` of the sentence `[from, to)`.
pub(crate) fn parse_at(t: &Tokens<'_>, k: usize, from: usize, to: usize) -> Option<(Parsed, usize, usize)> {
    let tok = t.toks[k];
    if !tok.word() {
        return None;
    }
    let w = t.s(k);
    let b0 = w.as_bytes()[0];
    if !(b0.is_ascii_digit() || tok.flags & (DATE | DATE_OPEN) != 0) {
        return None;
    }
    // "4 de marzo [de 2025]"
    if let Some(d) = digits(t, k, to, 1..=2).filter(|d| (1..=31).contains(d)) {
        if t.is(k + 1, "de") {
            if let Some(m) = month(t, k + 2, to) {
                if t.is(k + 3, "de") {
                    if let Some(y) = digits(t, k + 4, to, 4..=4) {
                        return Some((Parsed::Date { month: m, day: d, year: Some(y as i32) }, k, k + 5));
                    }
                }
                return Some((Parsed::Date { month: m, day: d, year: None }, k, k + 3));
            }
        }
    }
    if let Some(m) = month(t, k, to) {
        if t.is(k + 1, "de") {
            if let Some(y) = digits(t, k + 2, to, 4..=4) {
                return Some((Parsed::MonthYear { month: m, year: y as i32 }, k, k + 3));
            }
        }
        let prep = k > from
            && (t.is_lang(k - 1, &[], &["en", "desde", "hasta", "durante"])
                || (t.is(k - 1, "de") && t.is_lang(k.saturating_sub(2), &[], &["principios", "finales", "mediados"])));
        return prep.then_some((Parsed::Month(m), k, k + 1));
    }
    if let Some(y) = digits(t, k, to, 4..=4) {
        let iso = k + 4 < to
            && t.punct(k + 1, b'-')
            && t.punct(k + 3, b'-')
            && t.s(k + 2).len() == 2
            && t.s(k + 4).len() == 2
            && (k..k + 4).all(|j| t.toks[j].span.end == t.toks[j + 1].span.start);
        if iso {
            let (m, d) = (digits(t, k + 2, to, 2..=2)?, digits(t, k + 4, to, 2..=2)?);
            return Some((Parsed::Date { month: m, day: d, year: Some(y as i32) }, k, k + 5));
        }
        let prep = k > from && t.is_lang(k - 1, &[], &["en", "desde", "hasta", "para", "antes", "después"]);
        return ((1900..2100).contains(&y) && prep).then_some((Parsed::Year(y as i32), k, k + 1));
    }
    let days = [("hoy", 0), ("ayer", -1), ("anteayer", -2), ("anoche", -1)];
    if let Some(&(_, n)) = days.iter().find(|(d, _)| eq_fold(w, d)) {
        return Some((Parsed::Day(n), k, k + 1));
    }
    if eq_fold(w, "mañana") {
        // "mañana" is tomorrow; "la mañana del martes", "por la mañana" are mornings.
        let article = k > from && t.is_lang(k - 1, &[], &["la", "una", "cada", "esa", "toda"]);
        return (!article).then_some((Parsed::Day(1), k, k + 1));
    }
    // "el pasado martes", "la próxima semana", "este año", "esta mañana"
    if let Some((s, after)) = step(t, k) {
        if s == 0 && t.is(after, "mañana") {
            return Some((Parsed::Day(0), k, after + 1));
        }
        if let Some(d) = weekday(t, after, to) {
            return Some((Parsed::ShiftWeekday(s, d), k, after + 1));
        }
        if let Some(u) = unit(t, after).filter(|_| after < to && !t.s(after).ends_with('s')) {
            if u != Unit::Day {
                return Some((Parsed::Shift(s, u), k, after + 1));
            }
        }
    }
    // "hace tres días", "dentro de dos semanas"
    let (sign, n_at) = if eq_fold(w, "hace") {
        (-1, k + 1)
    } else if eq_fold(w, "dentro") && t.is(k + 1, "de") {
        (1, k + 2)
    } else {
        (0, k)
    };
    if sign != 0 && n_at + 1 < to {
        if let (Some(n), Some(u)) = (number(t.s(n_at)), unit(t, n_at + 1)) {
            return Some((Parsed::Offset(sign * n, u), k, n_at + 2));
        }
    }
    // "la semana pasada", "el año que viene", "el martes pasado"
    if let Some(u) = unit(t, k).filter(|u| *u != Unit::Day && !w.ends_with('s')) {
        if let Some((s, end)) = step(t, k + 1).filter(|&(s, _)| s != 0) {
            return Some((Parsed::Shift(s, u), k, end));
        }
        return None;
    }
    let d = weekday(t, k, to)?;
    if let Some((s, end)) = step(t, k + 1).filter(|&(s, _)| s != 0) {
        return Some((Parsed::ShiftWeekday(s, d), k, end));
    }
    Some((Parsed::Weekday(d), k, k + 1))
}

/// The tense of a Spanish sentence's own voice (outside quotes): whether it looks ahead
/// ("será", "prevé", "va a") and whether it reports the past ("fue", "dijo", "había").
pub(crate) fn voice(t: &Tokens<'_>, from: usize, to: usize) -> (bool, bool) {
    let mut ahead = false;
    let mut behind = false;
    for k in from..to {
        let tok = t.toks[k];
        if !tok.word() {
            continue;
        }
        let (a, b) = word_tense(t.s(k), t.is(k + 1, "a"));
        ahead |= a && !tok.quoted();
        behind |= b;
    }
    (ahead, behind)
}

/// (future, past) for one word; `then_a`: the next word is "a" ("va a abrir").
fn word_tense(w: &str, then_a: bool) -> (bool, bool) {
    let mut buf = String::new();
    let w = super::lower(w, &mut buf);
    let future = matches!(w, "será" | "serán" | "prevé" | "prevén" | "previsto" | "prevista" | "próximo" | "próxima")
        || (matches!(w, "va" | "van") && then_a)
        || (w.len() > 5 && (w.ends_with("rá") || w.ends_with("rán")));
    let pst =
        matches!(w, "fue" | "fueron" | "había" | "habían" | "era" | "eran" | "hace" | "pasado" | "pasada" | "ayer")
            || (w.len() > 4 && (w.ends_with('ó') || w.ends_with("aron") || w.ends_with("ieron")));
    (future, pst)
}

/// The tense of the words right before a date expression (`head`): `Some(true)` ahead,
/// `Some(false)` behind, `None` when the nearby words do not say.
pub(crate) fn tense(head: &str) -> Option<bool> {
    let words: Vec<&str> = head.rsplit(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(5).collect();
    for (i, w) in words.iter().enumerate() {
        if eq_fold(w, "hasta") || eq_fold(w, "para") {
            return Some(true);
        }
        let then_a = i > 0 && words[i - 1] == "a";
        match word_tense(w, then_a) {
            (true, _) => return Some(true),
            (_, true) => return Some(false),
            _ => {}
        }
    }
    None
}

/// Words that open a publication-date line ("Publicado", "Actualizado").
pub(crate) static PUBLICATION_LEADS: &[&str] = &["publicado", "actualizado", "fecha:"];

#[cfg(test)]
mod tests {
    use super::*;
    use nutgraf_text::Document;

    #[test]
    fn forms() {
        let cases = vec![
            (
                "Ocurri\u{F3} el 4 de marzo de 2025 en Sevilla.",
                Some((Parsed::Date { month: 3, day: 4, year: Some(2025) }, "4 de marzo de 2025")),
            ),
            ("Ocurri\u{F3} el 4 de marzo.", Some((Parsed::Date { month: 3, day: 4, year: None }, "4 de marzo"))),
            ("Abri\u{F3} en marzo de 2023.", Some((Parsed::MonthYear { month: 3, year: 2023 }, "marzo de 2023"))),
            ("Lleg\u{F3} el pasado martes.", Some((Parsed::ShiftWeekday(-1, Weekday::Tue), "pasado martes"))),
            (
                "Volver\u{E1} el pr\u{F3}ximo lunes.",
                Some((Parsed::ShiftWeekday(1, Weekday::Mon), "pr\u{F3}ximo lunes")),
            ),
            ("Lleg\u{F3} el martes pasado.", Some((Parsed::ShiftWeekday(-1, Weekday::Tue), "martes pasado"))),
            ("Lo dijo ayer.", Some((Parsed::Day(-1), "ayer"))),
            ("Cerr\u{F3} hace tres d\u{ED}as.", Some((Parsed::Offset(-3, Unit::Day), "hace tres d\u{ED}as"))),
            ("Cerr\u{F3} la semana pasada.", Some((Parsed::Shift(-1, Unit::Week), "semana pasada"))),
            ("Abrir\u{E1} en 2028.", Some((Parsed::Year(2028), "2028"))),
            ("Por la ma\u{F1}ana llovi\u{F3}.", None),
            ("Cost\u{F3} 2024 euros.", None),
        ];
        for (input, want) in cases {
            let doc = Document::new(input);
            let t = crate::extract::tokens::tokenize_lang(&doc, true);
            let to = t.toks.len();
            let got = (0..to)
                .find_map(|k| parse_at(&t, k, 0, to))
                .map(|(p, a, e)| (p, &doc.text.normalized()[t.toks[a].span.start..t.toks[e - 1].span.end]));
            let want = want.map(|(p, s)| (p, s.to_string()));
            assert_eq!(got.map(|(p, s)| (p, s.to_string())), want, "{input:?}");
        }
    }

    #[test]
    fn tenses() {
        assert_eq!(tense("La obra se inaugurar\u{E1} el"), Some(true));
        assert_eq!(tense("El pleno aprob\u{F3} el plan el"), Some(false));
        assert_eq!(tense("El"), None);
    }
}
