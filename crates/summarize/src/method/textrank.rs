//! TextRank (Mihalcea and Tarau, 2004), as sumy 0.13 implements it for summarization: the
//! similarity of two sentences is the number of term matches counted with multiplicity
//! (`sum(words2.count(w) for w in words1)` over stemmed, non-stop words, i.e. the dot product of
//! their term counts) over `ln|Si| + ln|Sj|` (the match count itself when both sentences have one
//! word), and PageRank with damping 0.85 ranks them. Unlike sumy, a sentence is not linked to
//! itself (the paper's graph has no self-loops; sumy's diagonal favours long sentences): on
//! news-dev this lands at sumy's ROUGE on CNN/DM (31.29 vs 31.24) and within a point on XSum.

use super::{Context, Scorer};
use crate::features::{dot, Features};
use crate::graph::Graph;

/// The TextRank baseline.
#[derive(Clone, Copy, Debug, Default)]
pub struct TextRank;

impl Scorer for TextRank {
    fn scores(&self, ctx: &Context<'_, '_>) -> Vec<f64> {
        let f = ctx.features;
        let len: Vec<f32> = f.tf.iter().map(|v| v.iter().map(|&(_, c)| c).sum()).collect();
        let sim = |f: &Features, i: usize, j: usize| {
            let matches = dot(&f.tf[i], &f.tf[j]);
            let denom = len[i].ln() + len[j].ln();
            if matches == 0.0 {
                0.0
            } else if denom.abs() < 1e-6 {
                matches
            } else {
                matches / denom
            }
        };
        let g = Graph::build(f, 0.0, |i, j| sim(f, i, j));
        g.pagerank(0.85)
    }
}
