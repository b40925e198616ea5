//! Negation flips: a summary that negates what its source states, or states what its source
//! negates.
//!
//! A cue ("not", "n't", "never", "no" ...) governs the content word after it (within three words;
//! failing that, the one before it). Summary cue: the best evidence sentence that has the
//! governed word must have a cue within four words before it. Source cue: in the best evidence
//! sentence, when the summary has the governed word, the summary must have a cue within four
//! words before it too.

use crate::align::Alignment;
use crate::index::Index;
use crate::pieces::Kind;
use crate::score::{Query, RawFlag};
use crate::words::Word;

/// How far a cue reaches, in words.
const REACH: usize = 3;

/// The index of the content word a cue at `i` governs, given a content test.
fn governed(len: usize, i: usize, content: impl Fn(usize) -> bool) -> Option<usize> {
    ((i + 1)..(i + 1 + REACH).min(len)).find(|&j| content(j)).or_else(|| (i.saturating_sub(REACH)..i).rev().find(|&j| content(j)))
}

/// Negation flags of one summary sentence.
pub(crate) fn check(ix: &Index, al: &Alignment, q: &Query, words: &[Word], evidence: &[(u32, f32)]) -> Vec<RawFlag> {
    let mut out = Vec::new();
    let known = |j: usize| q.slot[j].is_some_and(|k| q.terms[k].is_some());
    let summary_negates = |j: usize| (j.saturating_sub(REACH + 1)..j).any(|k| words[k].neg) || words.get(j + 1).is_some_and(|w| w.neg);
    for (i, w) in words.iter().enumerate() {
        if !w.neg {
            continue;
        }
        let Some(j) = governed(words.len(), i, known) else { continue };
        let k = q.slot[j].expect("known words have slots");
        let term = q.terms[k].expect("known words have terms");
        let Some(&(t, _)) = evidence.iter().find(|e| al.has_term(e.0, k)) else { continue };
        let r = ix.sents[t as usize].words.clone();
        let negated = r.clone().filter(|&p| ix.words[p].term == Some(term)).any(|p| {
            (p.saturating_sub(REACH + 1).max(r.start)..(p + 2).min(r.end)).any(|n| ix.words[n].neg)
        });
        if !negated {
            out.push(RawFlag {
                kind: Kind::Negation,
                words: i..i + 1,
                support: 0.0,
                why: format!("the summary negates \"{}\"; its source sentence does not", words[j].lower),
            });
        }
    }
    let Some(&(t, _)) = evidence.first() else { return out };
    let r = ix.sents[t as usize].words.clone();
    for p in r.clone() {
        if !ix.words[p].neg {
            continue;
        }
        let content = |j: usize| ix.words[r.start + j].term.is_some();
        let Some(g) = governed(r.len(), p - r.start, content) else { continue };
        let term = ix.words[r.start + g].term;
        let Some(j) = (0..words.len()).find(|&j| q.slot[j].is_some_and(|k| q.terms[k] == term)) else { continue };
        if !summary_negates(j) && !out.iter().any(|f| f.words.contains(&j)) {
            out.push(RawFlag {
                kind: Kind::Negation,
                words: j..j + 1,
                support: 0.0,
                why: format!("its source sentence negates \"{}\"; the summary does not", words[j].lower),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::scan;
    use nutgraf_text::{Document, Span};

    #[test]
    fn flips() {
        let src = vec![Document::new("The mayor did not sign the budget on Monday. The council approved the plan.")];
        let ix = Index::new(&src);
        let cases = vec![
            ("the mayor did not sign the budget", 0),
            ("the mayor signed the budget", 1),
            ("the council approved the plan", 0),
            ("the council never approved the plan", 1),
            ("the mayor refused to sign the budget and did n't", 1),
        ];
        for (s, want) in cases {
            let mut words = Vec::new();
            scan(s, Span::new(0, s.len()), &mut words);
            let q = Query::new(&ix, &words);
            let al = Alignment::new(&ix, &q.terms);
            let ev: Vec<(u32, f32)> = al.top(1);
            assert_eq!(check(&ix, &al, &q, &words, &ev).len(), want, "{s}");
        }
    }
}
