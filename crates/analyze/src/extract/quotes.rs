//! Direct quotes: where the quotation marks open and close.
//!
//! Marks are `"` after normalization (straight, curly “ ” „, guillemets « ») and the doubled
//! apostrophes `''` some newspapers print. Each paragraph is scanned once:
//!
//! * a curly or guillemet opener opens a quote, a closer closes it, and a straight mark toggles;
//! * a quote still open at the end of its paragraph continues into the next paragraph when that
//!   paragraph opens with a mark (news style: no closing mark before the new paragraph's opening
//!   mark); otherwise it is **unclosed** and ends at the end of its paragraph (`closed: false`);
//! * an opener inside an open quote ends the open quote there (unclosed) and opens a new one;
//! * a closing curly mark with no quote open is ignored;
//! * quotes with no word between their marks (for example a run of 10,000 marks) are dropped.
//!
//! So unbalanced marks, an unclosed quote at the end of the input and runs of marks never
//! panic, and the scan is linear in the input. A quote may be any length: a 100,000-word quote is
//! one quote.
//!
//! Single quotes are not quotation marks here: in normalized text they are indistinguishable
//! from apostrophes.

use nutgraf_text::{Document, Span};

/// A quote before attribution, in normalized coordinates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawQuote {
    /// Content from the first part's start to the last part's end.
    pub inner: Span,
    /// Content of each paragraph part.
    pub parts: Vec<Span>,
    /// Position of the opening mark.
    pub open: usize,
    /// End of the closing mark (or of the content, when unclosed).
    pub after: usize,
    /// Ends with a closing mark.
    pub closed: bool,
    /// Number of words, exact below three and otherwise three or more: the rules only ask
    /// whether a quote has three words, so a long quote is not scanned to its end.
    pub words: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    Open,
    Close,
    Straight,
}

/// The quotation marks of `doc`'s paragraph `para`, as `(start, end, kind)` normalized positions.
/// `doubled`: the text has a doubled apostrophe or backtick somewhere.
fn marks(doc: &Document<'_>, para: Span, doubled: bool, out: &mut Vec<(usize, usize, Mark)>) {
    let text = doc.text.normalized();
    let bytes = text.as_bytes();
    let orig = doc.text.original();
    let mut i = para.start;
    while i < para.end {
        // Jump to the next candidate mark (SIMD search: most bytes are not marks). Text with no
        // doubled apostrophe or backtick, most text, has no marks but `"`: the search then does
        // not stop at every apostrophe of English text ("it's", "Mills'").
        let rest = &bytes[i..para.end];
        let next = if doubled { memchr::memchr3(b'"', b'\'', b'`', rest) } else { memchr::memchr(b'"', rest) };
        let Some(off) = next else { break };
        i += off;
        let b = bytes[i];
        if b == b'"' {
            let o = doc.text.to_original(Span::new(i, i + 1));
            let kind = match &orig[o] {
                "\u{201C}" | "\u{201E}" | "\u{00AB}" => Mark::Open,
                "\u{201D}" | "\u{00BB}" => Mark::Close,
                _ => Mark::Straight,
            };
            out.push((i, i + 1, kind));
            i += 1;
        } else if (b == b'\'' || b == b'`') && bytes.get(i + 1) == Some(&b) && i + 1 < para.end {
            let kind = if b == b'`' { Mark::Open } else { Mark::Straight };
            out.push((i, i + 2, kind));
            i += 2;
        } else {
            i += 1;
        }
    }
}

/// Finds the direct quotes of `doc`, in order.
pub(crate) fn find(doc: &Document<'_>) -> Vec<RawQuote> {
    let text = doc.text.normalized();
    let mut out = Vec::with_capacity(16);
    let mut ms = Vec::with_capacity(32);
    // The quote carried over from the previous paragraph: (open mark, parts so far).
    let mut carry: Option<(usize, Vec<Span>)> = None;
    let bytes = text.as_bytes();
    let doubled = memchr::memmem::find(bytes, b"''").is_some() || memchr::memmem::find(bytes, b"``").is_some();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        ms.clear();
        marks(doc, p.norm, doubled, &mut ms);
        let mut open: Option<(usize, usize)> = None; // (mark start, content start)
        let mut k = 0;
        if let Some((first, _)) = carry.as_ref() {
            let first = *first;
            if ms.first().is_some_and(|m| m.0 == p.norm.start && m.2 != Mark::Close) {
                open = Some((first, ms[0].1));
                k = 1;
            } else if let Some((o, parts)) = carry.take() {
                push(text, &mut out, o, parts, None);
            }
        }
        while k < ms.len() {
            let (s, e, kind) = ms[k];
            k += 1;
            match (open, kind) {
                (None, Mark::Close) => {}
                (None, _) => open = Some((s, e)),
                (Some((o, c)), Mark::Open) => {
                    let parts = take_parts(&mut carry, o, Span::new(c, s));
                    push(text, &mut out, o, parts, None);
                    open = Some((s, e));
                }
                (Some((o, c)), _) => {
                    let parts = take_parts(&mut carry, o, Span::new(c, s));
                    push(text, &mut out, o, parts, Some(e));
                    open = None;
                }
            }
        }
        if let Some((o, c)) = open {
            let mut parts = take_parts(&mut carry, o, Span::new(c, p.norm.end));
            let next_opens = doc.paragraphs.get(pi + 1).is_some_and(|n| {
                let b = text.as_bytes()[n.norm.start];
                b == b'"' || (b == b'\'' && text[n.norm.start..].starts_with("''"))
            });
            if next_opens {
                carry = Some((o, std::mem::take(&mut parts)));
            } else {
                push(text, &mut out, o, parts, None);
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

/// Trims the parts and records the quote, unless it has no words. Each part's words are counted
/// only as far as [`RawQuote::words`] needs: one to keep the part, three in all.
pub(crate) fn push(text: &str, out: &mut Vec<RawQuote>, open: usize, parts: Vec<Span>, close_end: Option<usize>) {
    const ENOUGH: usize = 3;
    let n = parts.len();
    let mut kept: Vec<Span> = Vec::with_capacity(n);
    let mut words = 0;
    for (k, p) in parts.into_iter().enumerate() {
        let mut p = nutgraf_text::trim(text, p);
        if k + 1 == n && text[p].ends_with(',') {
            p = nutgraf_text::trim(text, Span::new(p.start, p.end - 1));
        }
        let w = nutgraf_text::words(text, p).take(ENOUGH.saturating_sub(words).max(1)).count();
        if w > 0 {
            words += w;
            kept.push(p);
        }
    }
    let (Some(first), Some(last)) = (kept.first().copied(), kept.last().copied()) else { return };
    let after = close_end.unwrap_or(last.end);
    out.push(RawQuote {
        inner: Span::new(first.start, last.end),
        parts: kept,
        open,
        after,
        closed: close_end.is_some(),
        words,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(input: &str) -> Vec<(String, bool)> {
        let doc = Document::new(input);
        find(&doc).into_iter().map(|q| (input[doc.text.to_original(q.inner)].to_string(), q.closed)).collect()
    }

    #[test]
    fn marks_and_paragraphs() {
        let cases: Vec<(&str, Vec<(&str, bool)>)> = vec![
            ("\"We will win,\" he said.", vec![("We will win", true)]),
            ("\u{201C}One. Two,\u{201D} said Ana.", vec![("One. Two", true)]),
            ("He said: ''No way.''", vec![("No way.", true)]),
            ("\"First part.\n\"Second part,\" she said.", vec![("First part.\n\"Second part", true)]),
            ("\"Runs off the end", vec![("Runs off the end", false)]),
            ("\"Open para.\nNext para.", vec![("Open para.", false)]),
            ("\u{201D}stray\u{201D} \u{201C}ok now\u{201D}", vec![("ok now", true)]),
            ("\u{201C}first \u{201C}second\u{201D}", vec![("first", false), ("second", true)]),
            ("\"\"\"\"\"\"", vec![]),
            ("a \"disaster\" b \"c d\"", vec![("disaster", true), ("c d", true)]),
        ];
        for (input, expected) in cases {
            let got = quotes(input);
            let want: Vec<(String, bool)> = expected.into_iter().map(|(s, c)| (s.to_string(), c)).collect();
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn ten_thousand_marks_and_long_quotes_are_linear() {
        let marks = "\"".repeat(10_000);
        assert!(quotes(&marks).is_empty());
        let long = format!("\"{}\" she said.", "word ".repeat(100_000));
        let q = quotes(&long);
        assert_eq!(q.len(), 1);
        assert!(q[0].0.len() > 400_000);
    }
}
