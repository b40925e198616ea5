//! A person's role or title in Spanish, as the text gives it.
//!
//! Spanish puts the role noun first and often sets it off with a comma: "la alcaldesa de
//! Sevilla, Ana Ruiz," / "El consejero, Martín Rubio," / "el consejero de Hacienda Martín Rubio".
//! Before the name: the run of words back from the name (over one comma right before it) to an
//! article or the sentence start, when it holds a role noun; with a comma, the run must open
//! the sentence or follow a reporting cue, so "tras reunirse con el consejero, Ana Ruiz dijo"
//! gives Ana Ruiz no role. After the name: an appositive that holds a role noun (", consejero de
//! Hacienda,").

use nutgraf_text::Span;

use super::lexicon::ARTICLES;
use crate::extract::lexicon::{CUE, HONOR, ROLE};
use crate::extract::tokens::Tokens;

/// The role of the person mentioned at tokens `[first, end)`, as a normalized span.
pub(crate) fn role_of(t: &Tokens<'_>, first: usize, end: usize) -> Option<Span> {
    let (sent_from, sent_to) = t.sentence(t.toks[first].sent as usize);
    let mut k = first;
    if k >= 2 && t.punct(k - 1, b'.') && t.on(k - 2, HONOR) {
        k -= 2;
    } else if k >= 1 && t.on(k - 1, HONOR) {
        k -= 1;
    }
    if k < first && k > sent_from && t.is_lang(k - 1, &[], &["el", "la"]) {
        k -= 1; // ", el Sr. Ernesto Villalba,"
    }
    let comma = k > sent_from && t.punct(k - 1, b',');
    let stop = if comma { k - 1 } else { k };
    let mut start = stop;
    while start > sent_from && stop - start < 10 {
        let p = start - 1;
        let tok = t.toks[p];
        // Inside the role: content words, "de", "del", "en", "y", and an article after "de"
        // ("portavoz de la asociación de madres y padres").
        let inner = t.is_lang(p, &[], &["de", "del", "en", "para", "por", "y"])
            || (t.is_lang(p, &[], ARTICLES)
                && p > sent_from
                && t.is_lang(p - 1, &[], &["de", "en", "para", "por", "y"]));
        let ok = tok.word() && !tok.quoted() && tok.flags & CUE == 0 && (inner || !t.stop(p));
        if !ok {
            break;
        }
        start = p;
    }
    while start < stop && (t.stop(start) || !t.toks[start].word()) {
        start += 1;
    }
    let has_role = (start..stop).any(|p| t.on(p, ROLE));
    if has_role {
        let opens = {
            let mut b = start;
            if b > sent_from && t.is_lang(b - 1, &[], &["el", "la", "los", "las", "su", "sus", "un", "una"]) {
                b -= 1;
            }
            b == sent_from
                || !t.toks[b - 1].word()
                || t.on(b - 1, CUE)
                || t.is_lang(b - 1, &[], &["según", "con"]) && !comma
        };
        if !comma || opens {
            return Some(Span::new(t.toks[start].span.start, t.toks[stop - 1].span.end));
        }
    }
    // Appositive: ", consejero de Hacienda," / ", la alcaldesa de Sevilla."
    if !t.punct(end, b',') {
        return None;
    }
    let mut a = end + 1;
    if t.is_lang(a, &[], super::lexicon::WHO) || t.on(a, CUE) {
        return None;
    }
    if t.is_lang(a, &[], ARTICLES) {
        a += 1;
    }
    let stop = (a..sent_to).take(12).find(|&p| !t.toks[p].word())?;
    // The appositive ends at a comma, a period, a semicolon or the dash that closes an incise.
    if !(t.punct(stop, b',') || t.punct(stop, b'.') || t.punct(stop, b';') || t.punct(stop, b'-')) || stop <= a {
        return None;
    }
    let role = t.on(a, ROLE) || (a..stop).take(2).any(|p| t.on(p, ROLE));
    role.then(|| Span::new(t.toks[a].span.start, t.toks[stop - 1].span.end))
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_lang;
    use nutgraf_text::{Document, Lang};

    #[test]
    fn roles_in_apposition() {
        let cases = vec![
            ("El consejero, Mart\u{ED}n Rubio, habl\u{F3}.", "Mart\u{ED}n Rubio", Some("consejero")),
            ("La alcaldesa de Sevilla, Ana Ruiz, habl\u{F3}.", "Ana Ruiz", Some("alcaldesa de Sevilla")),
            (
                "El consejero de Hacienda Mart\u{ED}n Rubio habl\u{F3}.",
                "Mart\u{ED}n Rubio",
                Some("consejero de Hacienda"),
            ),
            (
                "Mart\u{ED}n Rubio, consejero de Hacienda, habl\u{F3}.",
                "Mart\u{ED}n Rubio",
                Some("consejero de Hacienda"),
            ),
            ("Tras la reuni\u{F3}n con el consejero, Ana Ruiz habl\u{F3}.", "Ana Ruiz", None),
            ("En Sevilla, Ana Ruiz habl\u{F3}.", "Ana Ruiz", None),
            ("Ana Ruiz, que preside la junta, habl\u{F3}.", "Ana Ruiz", None),
        ];
        for (input, name, role) in cases {
            let x = extract_lang(&Document::new(input), None, Lang::Spanish);
            let e = x.entities.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("{input:?}: {:?}", x.entities));
            assert_eq!(e.role.as_deref(), role, "{input:?}");
        }
        let x = extract_lang(
            &Document::new(
                "Jos\u{E9} Ortega y Gasset lleg\u{F3} con Ana Ruiz y Pedro G\u{F3}mez. Ana de la Fuente sali\u{F3}.",
            ),
            None,
            Lang::Spanish,
        );
        let people: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(people, vec!["Jos\u{E9} Ortega y Gasset", "Ana Ruiz", "Pedro G\u{F3}mez", "Ana de la Fuente"]);
        let more = vec![
            (
                "La portavoz de la asociaci\u{F3}n de madres y padres, Sof\u{ED}a M\u{E1}rquez, habl\u{F3}.",
                "Sof\u{ED}a M\u{E1}rquez",
                Some("portavoz de la asociaci\u{F3}n de madres y padres"),
            ),
            ("Su portavoz, Fernando Aguilar, habl\u{F3}.", "Fernando Aguilar", Some("portavoz")),
        ];
        for (input, name, role) in more {
            let x = extract_lang(&Document::new(input), None, Lang::Spanish);
            let e = x.entities.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("{input:?}: {:?}", x.entities));
            assert_eq!(e.role.as_deref(), role, "{input:?}");
        }
    }
}
