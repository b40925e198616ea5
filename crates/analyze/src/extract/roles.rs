//! A person's role or title as the text gives it.
//!
//! Before the name: the run of title words back from the name to a stop word, punctuation or a
//! reporting verb, when its last word is a role noun ("Retired FBI agent Maria Lopez", "Acting
//! Transportation Secretary John Carter", "said port director Helen Osei"). Else an appositive
//! after the name that holds a role noun (", the budget chief,", ", director of the port.").

use nutgraf_text::Span;

use super::lexicon::{CUE, DATE, HONOR, ROLE};
use super::tokens::Tokens;

/// The role of the person mentioned at tokens `[first, end)`: a title before the name ("Retired
/// FBI agent") or an appositive after it (", the budget chief,"), as a normalized span.
pub(crate) fn role_of(t: &Tokens<'_>, first: usize, end: usize) -> Option<Span> {
    let sent_from = t.sentence(t.toks[first].sent as usize).0;
    let mut k = first;
    if k >= 2 && t.punct(k - 1, b'.') && t.on(k - 2, HONOR) {
        k -= 2;
    } else if k >= 1 && t.on(k - 1, HONOR) {
        k -= 1;
    }
    let name_start = k;
    let mut start = k;
    while start > sent_from && name_start - start < 8 {
        let p = start - 1;
        let tok = t.toks[p];
        let ok = if tok.word() {
            !tok.quoted()
                && tok.flags & CUE == 0
                && (!t.stop(p) || (t.is(p, "of") && start < name_start))
                // Month and weekday names are date words: only those are compared.
                && !((t.es || tok.flags & DATE != 0) && super::date_parse::is_calendar_word(t.s(p)))
        } else {
            t.punct(p, b'.') && p > 0 && t.toks[p - 1].span.end == tok.span.start && t.s(p - 1).len() <= 4
        };
        if !ok {
            break;
        }
        start = p;
    }
    while start < name_start && (!t.toks[start].word() || t.is(start, "of")) {
        start += 1;
    }
    let last_word = (start..name_start).rev().find(|&p| t.toks[p].word());
    if let Some(lw) = last_word {
        if t.on(lw, ROLE) {
            let stop = if t.punct(lw + 1, b'.') && lw + 1 < name_start { lw + 2 } else { lw + 1 };
            return Some(Span::new(t.toks[start].span.start, t.toks[stop - 1].span.end));
        }
    }
    // Appositive: ", the budget chief," / ", director of the port authority."
    if !t.punct(end, b',') {
        return None;
    }
    let sent_to = t.sentence(t.toks[first].sent as usize).1;
    let mut a = end + 1;
    if t.is_any(a, &["who", "which", "whose", "said", "says"]) {
        return None;
    }
    if t.is_any(a, &["the", "a", "an"]) {
        a += 1;
    }
    let stop = (a..sent_to).take(12).find(|&p| !t.toks[p].word())?;
    if !(t.punct(stop, b',') || t.punct(stop, b'.') || t.punct(stop, b';')) || stop <= a {
        return None;
    }
    let role = (a..stop).any(|p| t.on(p, ROLE));
    role.then(|| Span::new(t.toks[a].span.start, t.toks[stop - 1].span.end))
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use nutgraf_text::Document;

    #[test]
    fn roles_before_and_after_names() {
        let cases = vec![
            ("Retired FBI agent Maria Lopez spoke.", "Maria Lopez", Some("Retired FBI agent")),
            ("The vote was 5-4, said port director Helen Osei.", "Helen Osei", Some("port director")),
            ("Ana Ruiz, the budget chief, agreed.", "Ana Ruiz", Some("budget chief")),
            ("Former state Sen. Tom Park left.", "Tom Park", Some("Former state Sen.")),
            ("In Riverside, Ana Ruiz left.", "Ana Ruiz", None),
            ("Tom Park, who voted no, left.", "Tom Park", None),
        ];
        for (input, name, role) in cases {
            let x = extract(&Document::new(input), None);
            let e = x.entities.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("{input:?}: {:?}", x.entities));
            assert_eq!(e.role.as_deref(), role, "{input:?}");
        }
    }
}
