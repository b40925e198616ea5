//! Spanish direct quotes: « », “ ”, ‘ ’, straight marks, and dialogue introduced by a dash.
//!
//! Spanish nests its quotation marks («... “...” ...»), so unlike the English scanner
//! ([`crate::extract::quotes`]) this one keeps a stack: an opener of another family inside an
//! open quote opens a nested quote that belongs to the outer one, and only the outer quote's own
//! closer ends it. A closer that matches nothing open is ignored (a ’ is then an apostrophe). A
//! quote still open at the end of its paragraph continues into the next one when that paragraph
//! opens with « » “ or " (Spanish style repeats « or » at each new paragraph of a long quote);
//! otherwise it is unclosed and ends with its paragraph.
//!
//! **Dialogue.** A paragraph that opens with a dash (— or –) is a line of speech: it runs to the
//! dash that opens an incise (a dash after a space, followed by a word: "—dijo el comerciante")
//! or to the end of the paragraph. When the incise is closed by another dash and speech follows
//! ("—dijo—. Llevo treinta años aquí."), that speech is a second quote; an incise that ends the
//! sentence with no closing dash leaves the rest of the paragraph to the narrator. Dashes inside
//! prose paragraphs are parentheses, not speech.
//!
//! The scan is one pass per paragraph with a bounded stack, so unbalanced marks, runs of marks
//! and very long quotes never panic and take linear time.

use nutgraf_text::{Document, Span};

use crate::extract::quotes::{push, RawQuote};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Family {
    Guillemet,
    Double,
    Single,
    Straight,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    Open(Family),
    Close(Family),
    /// A straight double mark: closes an open straight quote, else opens one.
    Toggle,
}

/// Deepest nesting tracked; deeper openers are ignored (bounded work on runs of marks).
const MAX_DEPTH: usize = 8;

fn mark_at(orig: &str) -> Option<Mark> {
    Some(match orig {
        "\u{AB}" => Mark::Open(Family::Guillemet),
        "\u{BB}" => Mark::Close(Family::Guillemet),
        "\u{201C}" | "\u{201E}" => Mark::Open(Family::Double),
        "\u{201D}" => Mark::Close(Family::Double),
        "\u{2018}" => Mark::Open(Family::Single),
        "\u{2019}" => Mark::Close(Family::Single),
        "\"" => Mark::Toggle,
        _ => return None,
    })
}

/// True when the original char behind normalized byte `i` is a long or en dash.
fn is_dash(doc: &Document<'_>, i: usize) -> bool {
    let o = doc.text.to_original(Span::new(i, i + 1));
    matches!(&doc.text.original()[o], "\u{2014}" | "\u{2013}" | "\u{2015}")
}

/// Finds the direct quotes of a Spanish `doc`, in order.
pub(crate) fn find(doc: &Document<'_>) -> Vec<RawQuote> {
    let text = doc.text.normalized();
    let bytes = text.as_bytes();
    let orig = doc.text.original();
    let mut out = Vec::new();
    // The quote carried over from the previous paragraph: (open mark, parts so far).
    let mut carry: Option<(usize, Vec<Span>)> = None;
    let mut stack: Vec<Family> = Vec::new();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        if p.norm.is_empty() {
            continue;
        }
        if bytes[p.norm.start] == b'-' && is_dash(doc, p.norm.start) && carry.is_none() {
            dialogue(doc, p.norm, &mut out);
            continue;
        }
        let mut open: Option<(usize, usize)> = None; // (mark start, content start)
        let mut i = p.norm.start;
        if let Some((o, _)) = carry.as_ref() {
            let first = mark_at(&orig[doc.text.to_original(Span::new(i, i + 1))]);
            if bytes[i] == b'"' && first.is_some() {
                open = Some((*o, i + 1));
                i += 1;
            } else if let Some((o, parts)) = carry.take() {
                push(text, &mut out, o, parts, None);
                stack.clear();
            }
        }
        while i < p.norm.end {
            let Some(off) = memchr::memchr2(b'"', b'\'', &bytes[i..p.norm.end]) else { break };
            i += off;
            let Some(mark) = mark_at(&orig[doc.text.to_original(Span::new(i, i + 1))]) else {
                i += 1;
                continue; // a straight apostrophe
            };
            match (open, mark) {
                (None, Mark::Close(_)) => {}
                (None, Mark::Open(f)) => {
                    open = Some((i, i + 1));
                    stack.clear();
                    stack.push(f);
                }
                (None, Mark::Toggle) => {
                    open = Some((i, i + 1));
                    stack.clear();
                    stack.push(Family::Straight);
                }
                (Some((o, c)), m) => {
                    let closes = match m {
                        Mark::Open(f) => {
                            if stack.len() < MAX_DEPTH {
                                stack.push(f);
                            }
                            None
                        }
                        Mark::Toggle if stack.last() != Some(&Family::Straight) => {
                            if stack.len() < MAX_DEPTH {
                                stack.push(Family::Straight);
                            }
                            None
                        }
                        Mark::Toggle => Some(Family::Straight),
                        Mark::Close(f) => Some(f),
                    };
                    if let Some(f) = closes {
                        if let Some(at) = stack.iter().rposition(|&x| x == f) {
                            stack.truncate(at);
                            if stack.is_empty() {
                                let parts = take_parts(&mut carry, o, Span::new(c, i));
                                push(text, &mut out, o, parts, Some(i + 1));
                                open = None;
                            }
                        }
                    }
                }
            }
            i += 1;
        }
        if let Some((o, c)) = open {
            let mut parts = take_parts(&mut carry, o, Span::new(c, p.norm.end));
            let next_opens = doc.paragraphs.get(pi + 1).is_some_and(|n| {
                !n.norm.is_empty()
                    && bytes[n.norm.start] == b'"'
                    && mark_at(&orig[doc.text.to_original(Span::new(n.norm.start, n.norm.start + 1))]).is_some()
            });
            if next_opens {
                carry = Some((o, std::mem::take(&mut parts)));
            } else {
                push(text, &mut out, o, parts, None);
                stack.clear();
            }
        }
    }
    if let Some((o, parts)) = carry.take() {
        push(text, &mut out, o, parts, None);
    }
    out
}

/// The parts of the quote opened at `open`, with `last` appended.
fn take_parts(carry: &mut Option<(usize, Vec<Span>)>, open: usize, last: Span) -> Vec<Span> {
    let mut parts = match carry.take() {
        Some((o, parts)) if o == open => parts,
        _ => Vec::new(),
    };
    parts.push(last);
    parts
}

/// A dash that opens an incise at normalized byte `i`: a dash after a space, followed by a
/// letter ("—dijo").
fn incise_at(doc: &Document<'_>, text: &str, i: usize) -> bool {
    text.as_bytes()[i] == b'-'
        && text[..i].ends_with(' ')
        && text[i + 1..].chars().next().is_some_and(char::is_alphabetic)
        && is_dash(doc, i)
}

/// The speech of a dialogue paragraph `para` that opens with a dash.
fn dialogue(doc: &Document<'_>, para: Span, out: &mut Vec<RawQuote>) {
    let text = doc.text.normalized();
    let mut open = para.start;
    let mut c = para.start + 1;
    loop {
        // The speech runs to the next incise dash or the end of the paragraph.
        let stop = (c..para.end).find(|&i| incise_at(doc, text, i));
        let Some(d) = stop else {
            push(text, out, open, vec![Span::new(c, para.end)], Some(para.end));
            return;
        };
        push(text, out, open, vec![Span::new(c, d)], Some(d));
        // The incise runs to a closing dash (speech resumes after it) or to the end.
        let close = (d + 1..para.end).find(|&i| text.as_bytes()[i] == b'-' && is_dash(doc, i));
        let Some(e) = close else { return };
        // "—dijo—. Llevo ..." / "—dijo—, y luego ...": skip the punctuation after the dash.
        let mut r = e + 1;
        while r < para.end && matches!(text.as_bytes()[r], b'.' | b',' | b';' | b':' | b' ') {
            r += 1;
        }
        if r >= para.end {
            return;
        }
        open = e;
        c = r;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(input: &str) -> Vec<(String, bool)> {
        let doc = Document::new(input);
        find(&doc).into_iter().map(|q| (input[doc.text.to_original(q.inner)].to_string(), q.closed)).collect()
    }

    #[test]
    fn marks_nesting_and_dialogue() {
        let cases: Vec<(&str, Vec<(&str, bool)>)> = vec![
            ("\u{AB}Vamos a ganar\u{BB}, dijo Ruiz.", vec![("Vamos a ganar", true)]),
            ("\u{201C}Uno. Dos\u{201D}, dijo Ana.", vec![("Uno. Dos", true)]),
            ("\u{2018}No hay prisa\u{2019}, repiti\u{F3}.", vec![("No hay prisa", true)]),
            ("\"Recto y claro\", dijo.", vec![("Recto y claro", true)]),
            (
                "\u{AB}Lo llam\u{F3} \u{201C}un desastre\u{201D} y se fue\u{BB}, dijo.",
                vec![("Lo llam\u{F3} \u{201C}un desastre\u{201D} y se fue", true)],
            ),
            (
                "\u{AB}Primera parte.\n\u{AB}Segunda parte\u{BB}, dijo.",
                vec![("Primera parte.\n\u{AB}Segunda parte", true)],
            ),
            ("\u{AB}Sin cerrar.\nOtro p\u{E1}rrafo.", vec![("Sin cerrar.", false)]),
            ("L'Hospitalet y O\u{2019}Donnell.", vec![]),
            (
                "\u{2014}No pienso cerrar la tienda \u{2014}dijo el comerciante.",
                vec![("No pienso cerrar la tienda", true)],
            ),
            (
                "\u{2014}No cierro \u{2014}dijo\u{2014}. Llevo treinta a\u{F1}os aqu\u{ED}.",
                vec![("No cierro", true), ("Llevo treinta a\u{F1}os aqu\u{ED}.", true)],
            ),
            ("\u{2014}Nadie nos avis\u{F3}.", vec![("Nadie nos avis\u{F3}.", true)]),
            ("La obra \u{2014}que costar\u{E1} poco\u{2014} empieza hoy.", vec![]),
            ("\u{AB}\u{AB}\u{AB}\u{BB}\u{BB}", vec![]),
        ];
        for (input, expected) in cases {
            let got = quotes(input);
            let want: Vec<(String, bool)> = expected.into_iter().map(|(s, c)| (s.to_string(), c)).collect();
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn runs_of_marks_are_linear() {
        let marks = "\u{AB}".repeat(10_000);
        assert!(quotes(&marks).is_empty());
        let long = format!("\u{AB}{}\u{BB}, dijo.", "palabra ".repeat(50_000));
        assert_eq!(quotes(&long).len(), 1);
    }
}
