//! LexRank (Erkan and Radev, 2004): TF-IDF cosine similarity between sentences, edges kept above
//! a 0.1 threshold (unweighted, as in the paper's thresholded variant that sumy uses), ranked by
//! PageRank with damping 0.85.

use super::{Context, Scorer};
use crate::features::{dot, norm, tfidf};
use crate::graph::Graph;

/// The LexRank baseline.
#[derive(Clone, Copy, Debug)]
pub struct LexRank {
    /// Cosine threshold for an edge.
    pub threshold: f32,
}

impl Default for LexRank {
    fn default() -> Self {
        LexRank { threshold: 0.1 }
    }
}

impl Scorer for LexRank {
    fn scores(&self, ctx: &Context<'_, '_>) -> Vec<f64> {
        let v = tfidf(ctx.features);
        let norms: Vec<f32> = v.iter().map(|x| norm(x)).collect();
        let t = self.threshold;
        let g = Graph::build(ctx.features, 0.0, |i, j| {
            let d = norms[i] * norms[j];
            if d > 0.0 && dot(&v[i], &v[j]) / d > t {
                1.0
            } else {
                0.0
            }
        });
        g.pagerank(0.85)
    }
}
