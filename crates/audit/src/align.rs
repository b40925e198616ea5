//! Sentence alignment: which source sentences back a summary sentence, and which would back it
//! without a given piece.
//!
//! Retrieval is BM25 (k1 1.2, b 0.75) over source sentences, with the summary sentence's content
//! stems as the query. The score of every candidate sentence is kept per query term, so the
//! *leave-one-out* score (the sentence's score with a piece's own terms taken out) costs a
//! subtraction. That is what catches a swapped name: "Palace beat City" with "Palace" replaced by
//! another club of the same article still finds the sentence about the match through "beat" and
//! "City", and that sentence does not name the other club. Ranking on the whole query would
//! instead be pulled to wherever the swapped-in name occurs.

use rustc_hash::FxHashMap;

use crate::index::Index;

const K1: f32 = 1.2;
const B: f32 = 0.75;

/// BM25 scores of the candidate sentences for one query, per query term.
#[derive(Debug, Default)]
pub(crate) struct Alignment {
    /// Candidate sentence ids (those sharing a term with the query), ascending.
    pub cands: Vec<u32>,
    /// Row `r` of `cands.len()` rows, column `q` of `nq`: term `q`'s share of sentence `r`'s score.
    contrib: Vec<f32>,
    nq: usize,
    row_of: FxHashMap<u32, usize>,
}

impl Alignment {
    /// Scores every sentence that shares a term with `query` (term ids; `None` for terms absent
    /// from the sources, which score nothing).
    pub fn new(ix: &Index, query: &[Option<u32>]) -> Alignment {
        let nq = query.len();
        let mut row_of: FxHashMap<u32, usize> = FxHashMap::default();
        let mut cands = Vec::new();
        for t in query.iter().flatten() {
            for &(s, _) in &ix.postings[*t as usize] {
                row_of.entry(s).or_insert_with(|| {
                    cands.push(s);
                    0
                });
            }
        }
        cands.sort_unstable();
        for (r, s) in cands.iter().enumerate() {
            row_of.insert(*s, r);
        }
        let mut contrib = vec![0.0; cands.len() * nq];
        for (q, t) in query.iter().enumerate() {
            let Some(t) = *t else { continue };
            let idf = ix.idf(Some(t));
            for &(s, tf) in &ix.postings[t as usize] {
                let r = row_of[&s];
                let len = ix.sents[s as usize].len as f32;
                let tf = tf as f32;
                contrib[r * nq + q] = idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / ix.avg_len));
            }
        }
        Alignment { cands, contrib, nq, row_of }
    }

    /// The row of sentence `s`, if it is a candidate.
    pub fn row(&self, s: u32) -> Option<usize> {
        self.row_of.get(&s).copied()
    }

    /// Sentence `s`'s score without the query terms in `skip` (0 for a non-candidate).
    pub fn score(&self, s: u32, skip: &[usize]) -> f32 {
        let Some(r) = self.row(s) else { return 0.0 };
        let row = &self.contrib[r * self.nq..(r + 1) * self.nq];
        row.iter().enumerate().filter(|(q, _)| !skip.contains(q)).map(|(_, v)| v).sum()
    }

    /// Sentence `s`'s score on the query terms in `only`, each with its weight.
    pub fn score_on(&self, s: u32, only: &[(usize, f32)]) -> f32 {
        let Some(r) = self.row(s) else { return 0.0 };
        only.iter().map(|&(q, w)| w * self.contrib[r * self.nq + q]).sum()
    }

    /// Up to `k` sentences with the highest full scores, best first, each with its score.
    pub fn top(&self, k: usize) -> Vec<(u32, f32)> {
        let mut all: Vec<(u32, f32)> = self.cands.iter().map(|&s| (s, self.score(s, &[]))).collect();
        all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        all.truncate(k);
        all
    }

    /// True when term column `q` scores in sentence `s`.
    pub fn has_term(&self, s: u32, q: usize) -> bool {
        self.row(s).is_some_and(|r| self.contrib[r * self.nq + q] > 0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nutgraf_text::Document;

    #[test]
    fn leave_one_out() {
        let docs = vec![Document::new(
            "Palace beat City 2-1 on Monday night. Toure joined City from Barcelona in 2010. Rain fell.",
        )];
        let ix = Index::new(&docs);
        let q: Vec<Option<u32>> = ["barcelona", "beat", "citi"].iter().map(|t| ix.terms.get(t)).collect();
        let a = Alignment::new(&ix, &q);
        assert_eq!(a.cands, vec![0, 1]);
        let cases = vec![(vec![], 1), (vec![0], 0)];
        for (skip, want) in cases {
            let best = a.cands.iter().copied().max_by(|&x, &y| a.score(x, &skip).total_cmp(&a.score(y, &skip)));
            assert_eq!(best, Some(want), "skip {skip:?}");
        }
        assert!(a.has_term(1, 0) && !a.has_term(0, 0));
        assert_eq!(a.top(1)[0].0, 1);
        assert_eq!(a.score(2, &[]), 0.0);
    }
}
