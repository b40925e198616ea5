//! TextRank (Mihalcea and Tarau, 2004), as sumy implements it for summarization: similarity is
//! the number of shared (stemmed, non-stop) terms over `ln|Si| + ln|Sj|`, ranked by PageRank with
//! damping 0.85.

use super::{Context, Scorer};
use crate::features::common;
use crate::graph::Graph;

/// The TextRank baseline.
#[derive(Clone, Copy, Debug, Default)]
pub struct TextRank;

impl Scorer for TextRank {
    fn scores(&self, ctx: &Context<'_, '_>) -> Vec<f64> {
        let f = ctx.features;
        let len: Vec<f32> = f.tf.iter().map(|v| v.iter().map(|&(_, c)| c).sum()).collect();
        let g = Graph::build(f, 0.0, |i, j| {
            let denom = len[i].ln() + len[j].ln();
            if denom <= 0.0 {
                0.0
            } else {
                common(&f.tf[i], &f.tf[j]) as f32 / denom
            }
        });
        g.pagerank(0.85)
    }
}
