//! Which sentences of different sources report the same fact.
//!
//! # Why this module exists
//!
//! A roundup's core judgement is "does outlet B say what outlet A says?". Here it is the
//! IDF-weighted cosine of two sentences' content-term sets over the pooled vocabulary: pairs
//! at or above [`SAME_FACT`] report the same fact (near-duplicates are far above it, wire copies
//! at 1.0), and pairs above [`RELATED`] are kept as neighbours for the conflict check. Candidate
//! pairs come from an inverted index (only sentences that share a term are compared), and only
//! pairs of different sources count: a source repeating itself is not corroboration.
//!
//! `Groups` holds the neighbour lists, the facts (connected components over `SAME_FACT` edges,
//! used to show one sentence per fact) and, per sentence, the soft support of the other sources.

use crate::pool::Unit;
use crate::quantity::disagree;

/// Cosine at or above which two sentences of different sources report the same fact.
pub const SAME_FACT: f32 = 0.45;
/// Cosine above which two sentences are neighbours (conflict candidates).
pub const RELATED: f32 = 0.2;

/// Neighbours, facts and support of the pooled sentences.
#[derive(Debug)]
pub(crate) struct Groups {
    /// Per unit: `(other unit, cosine)` for units of other sources above [`RELATED`].
    pub near: Vec<Vec<(usize, f32)>>,
    /// Per unit: its fact id.
    pub fact: Vec<usize>,
    /// Per unit: the sum over other sources of the best cosine with that source's sentences.
    pub support: Vec<f32>,
    /// Per unit: cosine with the centroid of all eligible sentences.
    pub central: Vec<f32>,
}

impl Groups {
    /// Compares every pair of eligible units of different sources that share a term.
    pub fn new(units: &[Unit], sources: usize) -> Groups {
        let n = units.len();
        let eligible = |u: &Unit| !u.boilerplate;
        let terms = units.iter().flat_map(|u| u.terms.iter().map(|t| t.0 as usize)).max().map_or(0, |m| m + 1);
        let mut postings: Vec<Vec<(usize, f32)>> = vec![Vec::new(); terms];
        let mut centroid = vec![0.0f32; terms];
        for (i, u) in units.iter().enumerate().filter(|(_, u)| eligible(u)) {
            for &(t, w) in &u.terms {
                postings[t as usize].push((i, w));
                centroid[t as usize] += w;
            }
        }
        let clen = centroid.iter().map(|w| w * w).sum::<f32>().sqrt().max(f32::MIN_POSITIVE);
        let mut near = vec![Vec::new(); n];
        let mut acc = vec![0.0f32; n];
        let mut touched = Vec::new();
        for (i, u) in units.iter().enumerate().filter(|(_, u)| eligible(u)) {
            for &(t, w) in &u.terms {
                for &(j, v) in &postings[t as usize] {
                    if j > i && units[j].source != u.source {
                        if acc[j] == 0.0 {
                            touched.push(j);
                        }
                        acc[j] += w * v;
                    }
                }
            }
            for j in touched.drain(..) {
                let c = std::mem::take(&mut acc[j]);
                if c > RELATED {
                    near[i].push((j, c));
                    near[j].push((i, c));
                }
            }
        }
        let mut parent: Vec<usize> = (0..n).collect();
        for (i, list) in near.iter().enumerate() {
            for &(j, c) in list {
                if c >= SAME_FACT {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
        let fact = (0..n).map(|i| find(&mut parent, i)).collect();
        let mut best = vec![0.0f32; sources];
        let support = near
            .iter()
            .map(|list| {
                best.iter_mut().for_each(|b| *b = 0.0);
                for &(j, c) in list {
                    let s = units[j].source;
                    best[s] = best[s].max(c);
                }
                best.iter().sum()
            })
            .collect();
        let central =
            units.iter().map(|u| u.terms.iter().map(|&(t, w)| w * centroid[t as usize]).sum::<f32>() / clen).collect();
        Groups { near, fact, support, central }
    }

    /// The sources that report unit `i`'s fact: its own and every source with a sentence at or
    /// above [`SAME_FACT`] to it that does not give a different number or date, sorted.
    pub fn sources(&self, units: &[Unit], i: usize) -> Vec<usize> {
        let agrees = |j: usize| !disagree(&units[i].quantities, &units[j].quantities);
        let mut out: Vec<usize> = std::iter::once(units[i].source)
            .chain(self.near[i].iter().filter(|&&(j, c)| c >= SAME_FACT && agrees(j)).map(|&(j, _)| units[j].source))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pool::Pool;

    #[test]
    fn same_fact_across_sources_only() {
        let a = "The council approved a $4.2 million library budget on Tuesday. Rain fell all day.";
        let b = "On Tuesday the council approved the library budget of $4.5 million. The mayor was away.";
        let c = "The council approved a library budget on Tuesday. The council approved a library budget.";
        let p = Pool::new(&[a, b, c]);
        let g = Groups::new(&p.units, 3);
        assert_eq!(g.fact[0], g.fact[2], "{:?}", g.near);
        assert_ne!(g.fact[1], g.fact[0]);
        assert_eq!(g.sources(&p.units, 0), vec![0, 1, 2]);
        assert_eq!(g.sources(&p.units, 1), vec![0]);
        assert!(g.near[4].iter().all(|&(j, _)| p.units[j].source != 2), "no pairs within a source");
    }
}
