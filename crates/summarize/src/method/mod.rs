//! Sentence scorers: one per file, one trait.

mod lead;
mod lexrank;
mod nutgraf;
mod textrank;

pub use lead::Lead;
pub use lexrank::LexRank;
pub use nutgraf::{NutgrafScorer, Weights};
pub use textrank::TextRank;

use nutgraf_analyze::Analysis;
use nutgraf_text::Document;

use crate::features::Features;

/// Everything a scorer may look at.
#[derive(Debug)]
pub struct Context<'d, 'a> {
    /// The segmented article.
    pub doc: &'d Document<'a>,
    /// Its analysis.
    pub analysis: &'d Analysis,
    /// Its term vectors.
    pub features: &'d Features,
}

/// Scores every sentence; higher is more worth including.
pub trait Scorer {
    /// One score per sentence of `ctx.doc`.
    fn scores(&self, ctx: &Context<'_, '_>) -> Vec<f64>;
}
