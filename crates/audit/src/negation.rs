//! Negation flips: a summary that negates what its source states, or states what its source
//! negates.
//!
//! A cue ("not", "n't", "never", "no" ...) governs the content word after it (within three words;
//! failing that, the one before it). Summary cue: the best evidence sentence that has the
//! governed word must have a cue within four words before it. Source cue: in the best evidence
//! sentence, when the summary has the governed word, the summary must have a cue within four
//! words before it too. "Failed", "refused" and "declined" are cues only before "to" ("failed to
//! win", not "a failed bid"), and "no" before a number is a rank ("No 1"), not a cue.

use crate::align::Alignment;
use crate::index::Index;
use crate::pieces::Kind;
use crate::score::{Query, RawFlag};
use crate::words::Word;

/// Prefixes that make a word its own negation ("unhappy", "inexperienced").
const NEGATIVE_PREFIXES: &[&str] = &["un", "in", "im", "dis", "non", "non-"];

/// How far a cue reaches, in words.
const REACH: usize = 3;

/// The index of the content word a cue at `i` governs, given a content test.
fn governed(len: usize, i: usize, content: impl Fn(usize) -> bool) -> Option<usize> {
    ((i + 1)..(i + 1 + REACH).min(len))
        .find(|&j| content(j))
        .or_else(|| (i.saturating_sub(REACH)..i).rev().find(|&j| content(j)))
}

/// Content terms of words `lo..hi` of a source sentence `r`, except the one at `skip`.
fn source_terms(ix: &Index, r: &std::ops::Range<usize>, lo: usize, hi: usize, skip: usize) -> Vec<u32> {
    (lo.max(r.start)..hi.min(r.end)).filter(|&p| p != skip).filter_map(|p| ix.words[p].term).collect()
}

/// Shared content words needed before a source negation is taken to be about the summary's clause.
const SOURCE_CLAUSE_MATCH: usize = 3;

/// How far around a cue its clause is taken to reach, in words.
const CLAUSE: usize = 5;

/// Negation flags of one summary sentence. A cue's clause is the content words within five words
/// of it; a flip is claimed where the other side has at least two of those words, or the one
/// right after the cue, and no cue among or next to them (a word with a negative prefix,
/// "unhappy" for "not happy", counts as a cue).
pub(crate) fn check(ix: &Index, al: &Alignment, q: &Query, words: &[Word], evidence: &[(u32, f32)]) -> Vec<RawFlag> {
    let _ = al;
    let mut out = Vec::new();
    let known = |j: usize| q.slot[j].is_some_and(|k| q.terms[k].is_some());
    let term_of = |j: usize| q.slot[j].and_then(|k| q.terms[k]);
    for (i, w) in words.iter().enumerate() {
        if !w.neg {
            continue;
        }
        let clause: Vec<u32> =
            (i.saturating_sub(CLAUSE)..(i + CLAUSE + 1).min(words.len())).filter_map(term_of).collect();
        // The content word right after the cue: the one a lone shared word must be.
        let gov = ((i + 1)..(i + 1 + REACH).min(words.len())).find(|&j| known(j)).and_then(term_of);
        let mut matched = false;
        let mut negated = false;
        // "not happy" agrees with "unhappy", "isn't experienced" with "inexperienced".
        let opposite: Vec<u32> = ((i + 1)..(i + 1 + REACH).min(words.len()))
            .filter(|&j| !words[j].stop)
            .flat_map(|j| NEGATIVE_PREFIXES.iter().filter_map(move |p| ix.keys.get(&format!("{p}{}", words[j].lower))))
            .collect();
        for &(t, _) in evidence {
            let r = ix.sents[t as usize].words.clone();
            if r.clone().any(|p| opposite.contains(&ix.words[p].key)) {
                matched = true;
                negated = true;
            }
            let hits: Vec<usize> =
                r.clone().filter(|&p| ix.words[p].term.is_some_and(|x| clause.contains(&x))).collect();
            let mut distinct: Vec<Option<u32>> = hits.iter().map(|&p| ix.words[p].term).collect();
            distinct.sort_unstable();
            distinct.dedup();
            // Two shared clause words, or the one right after the cue.
            if distinct.len() >= 2 || (gov.is_some() && distinct.first() == Some(&gov)) {
                matched = true;
                // Around the word right after the cue where the sentence has it ("was not the centre
                // point" against "was the centre point ... shut down streets"); else around all the
                // shared words.
                let at: Vec<usize> =
                    hits.iter().copied().filter(|&p| gov.is_some() && ix.words[p].term == gov).collect();
                let spans: Vec<(usize, usize)> = if at.is_empty() {
                    vec![(hits[0], hits[hits.len() - 1])]
                } else {
                    at.iter().map(|&p| (p.saturating_sub(CLAUSE - REACH), p)).collect()
                };
                negated |= spans.iter().any(|&(a, b)| {
                    (a.saturating_sub(REACH).max(r.start)..(b + REACH + 1).min(r.end)).any(|n| ix.words[n].neg)
                });
            }
        }
        if matched && !negated {
            let g = governed(words.len(), i, known).unwrap_or(i);
            out.push(RawFlag {
                kind: Kind::Negation,
                words: i..i + 1,
                support: 0.0,
                why: format!("the summary negates \"{}\"; its source sentence does not", words[g].lower),
            });
        }
    }
    for &(t, _) in evidence {
        let r = ix.sents[t as usize].words.clone();
        for p in r.clone() {
            if !ix.words[p].neg {
                continue;
            }
            let clause = source_terms(ix, &r, p.saturating_sub(CLAUSE), p + CLAUSE + 1, p);
            let hits: Vec<usize> =
                (0..words.len()).filter(|&j| term_of(j).is_some_and(|x| clause.contains(&x))).collect();
            let mut distinct: Vec<Option<u32>> = hits.iter().map(|&j| term_of(j)).collect();
            distinct.sort_unstable();
            distinct.dedup();
            if distinct.len() < SOURCE_CLAUSE_MATCH {
                continue;
            }
            let (lo, hi) = (hits[0].saturating_sub(REACH), (hits[hits.len() - 1] + REACH + 1).min(words.len()));
            if (lo..hi).any(|k| words[k].neg) {
                continue;
            }
            // The governed word (the first content word after the cue) must be in the summary's
            // clause: "cost Palace nothing four years ago" says nothing about a goal Palace scored.
            let g = ((p + 1)..(p + 1 + REACH).min(r.end))
                .find(|&g| ix.words[g].term.is_some())
                .and_then(|g| ix.words[g].term);
            let Some(j) = hits.iter().copied().find(|&j| term_of(j) == g && g.is_some()) else { continue };
            if !out.iter().any(|f| f.words.contains(&j) || f.kind == Kind::Negation) {
                out.push(RawFlag {
                    kind: Kind::Negation,
                    words: j..j + 1,
                    support: 0.0,
                    why: format!("its source sentence negates \"{}\"; the summary does not", words[j].lower),
                });
            }
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
        let src = vec![Document::new("The mayor did not sign the budget on Monday. The council approved the plan. The mayor was unhappy with the plan.")];
        let ix = Index::new(&src);
        let cases = vec![
            ("the mayor did not sign the budget", 0),
            ("the mayor signed the budget", 1),
            ("the council approved the plan", 0),
            ("the council never approved the plan", 1),
            ("the mayor refused to sign the budget", 0),
            ("the mayor was not happy with the plan", 0),
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
