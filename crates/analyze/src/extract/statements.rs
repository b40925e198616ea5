//! Attributed statements in indirect speech: "X said (that) ...", "..., X said.", "According
//! to X, ...", "X told Y that ...".
//!
//! A sentence with no direct quote of its own is a statement when it holds a reporting verb
//! outside quotes whose speaker phrase resolves (see [`super::speakers`]) and at least three words
//! of content; the content span is what was said, without the attribution.

use nutgraf_text::Span;
use serde::{Deserialize, Serialize};

use super::lexicon::CUE;
use super::speakers::{date_within, Ctx, Found, Speaker, Via};
use super::DateRef;

/// An attributed statement in indirect speech ("Park said the city was ...").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// What was said, as an original span.
    pub span: Span,
    /// Index of the sentence.
    pub sentence: usize,
    /// Who said it.
    pub speaker: Speaker,
    /// The reporting verb or cue.
    pub cue: Span,
    /// The date the text ties to the statement.
    pub date: Option<DateRef>,
}

impl Ctx<'_, '_> {
    /// Indirect speech in sentence `s` (tokens `[from, to)`).
    pub(super) fn statement(&self, s: usize, from: usize, to: usize) -> Option<(Statement, Found, Option<DateRef>)> {
        let t = self.t;
        let end = if to > from && !t.toks[to - 1].word() { to - 1 } else { to };
        let (cue, found, content) = if let Some((a, b)) = self.first_source_cue(from, end) {
            let comma = (b..end).find(|&k| t.punct(k, b','))?;
            let f = self.phrase(b, comma)?;
            let content = if a == from { (comma + 1, end) } else { (from, a.saturating_sub(1).max(from)) };
            (a, f, content)
        } else {
            // The first reporting verb outside quotes ([`Ctx::cue`]), read off the token slice.
            if t.sent_flags[s] & u16::from(CUE) == 0 {
                return None;
            }
            let v = from + t.toks[from..end].iter().position(|x| x.word() && !x.quoted() && x.flags & CUE != 0)?;
            let words_after = (v + 1..end).filter(|&k| t.toks[k].word()).count();
            let that = (v + 1..end).take(8).find(|&k| if t.es { t.is_lang(k, &[], &["que"]) } else { t.is(k, "that") });
            let comma_before = (from..v).rev().find(|&k| t.punct(k, b','));
            let inverted = if v > from + 3 && t.punct(v - 1, b',') && that.is_none() && words_after <= 10 {
                self.after_verb(v + 1, end).filter(|f| f.via != Via::Description)
            } else {
                None
            };
            if let Some(f) = inverted {
                // "CONTENT, said X."
                (v, f, (from, v - 1))
            } else if let (Some(c), true) =
                (comma_before, that.is_none() && words_after <= 5 && !(v > from && t.punct(v - 1, b',')))
            {
                // "CONTENT, X said (on Tuesday)."
                let f = self.subject(c + 1, v)?;
                (v, f, (from, c))
            } else {
                // Spanish: "Explicó el alcalde que ...", or no subject at all ("Añadió que ...").
                let f = self.subject(from, v).or_else(|| {
                    if !t.es {
                        return None;
                    }
                    let opens = (from..v).all(|k| !t.toks[k].word() || t.is_lang(k, &[], crate::es::lexicon::CONJ));
                    if !opens {
                        return None;
                    }
                    that.and_then(|th| self.after_verb(v + 1, th)).or_else(|| self.zero(v))
                })?;
                let c = that.map_or(v + 1, |k| k + 1);
                (v, f, (c, end))
            }
        };
        let (a, b) = content;
        if b <= a || (a..b).filter(|&k| t.toks[k].word()).count() < 3 {
            return None;
        }
        let norm = Span::new(t.toks[a].span.start, t.toks[b - 1].span.end);
        let sent = self.doc.text.to_original(self.doc.sentences[s].norm);
        let date = date_within(self.dates, sent);
        let st = Statement {
            span: self.doc.text.to_original(norm),
            sentence: s,
            speaker: self.speaker(found),
            cue: self.doc.text.to_original(t.toks[cue].span),
            date: None,
        };
        Some((st, found, date))
    }
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use nutgraf_text::Document;

    #[test]
    fn statements_and_roles() {
        let cases = vec![
            (
                "Budget chief Ana Ruiz said the shortfall would be covered by sales tax.",
                "Ana Ruiz",
                Some("Budget chief"),
            ),
            (
                "According to the city's finance office, the fund will fall to $8 million.",
                "the city's finance office",
                None,
            ),
            ("The port authority warned that the limit would push trucks onto streets.", "The port authority", None),
            ("Tom Park told reporters that the vote was rushed by the council.", "Tom Park", None),
        ];
        for (input, speaker, role) in cases {
            let doc = Document::new(input);
            let x = extract(&doc, None);
            assert_eq!(x.statements.len(), 1, "{input:?}");
            let s = &x.statements[0];
            assert_eq!((s.speaker.name.as_str(), s.speaker.role.as_deref()), (speaker, role), "{input:?}");
            assert_eq!(&input[s.speaker.span], speaker.rsplit(' ').next().map_or(speaker, |_| &input[s.speaker.span]));
        }
    }
}
