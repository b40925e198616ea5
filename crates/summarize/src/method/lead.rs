//! Lead: the first sentences, as news is written inverted-pyramid.

use super::{Context, Scorer};

/// Scores sentences by position alone.
#[derive(Clone, Copy, Debug, Default)]
pub struct Lead;

impl Scorer for Lead {
    fn scores(&self, ctx: &Context<'_, '_>) -> Vec<f64> {
        let n = ctx.features.len();
        (0..n).map(|i| (n - i) as f64).collect()
    }
}
