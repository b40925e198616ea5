//! Errors of the summarizer.

/// Why a brief could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not a usable article.
    #[error(transparent)]
    Input(#[from] nutgraf_text::Error),
    /// An option has a value that cannot work.
    #[error("{0}")]
    InvalidOption(String),
    /// A strict word budget is smaller than every candidate sentence.
    #[error("no sentence fits in {max} words{}: raise --words", .shortest.map(|s| format!(" (the shortest candidate has {s})")).unwrap_or_default())]
    NothingFits {
        /// The word budget.
        max: usize,
        /// Words in the shortest candidate sentence.
        shortest: Option<usize>,
    },
    /// Every sentence was filtered out (boilerplate or opinion).
    #[error("every sentence of the input is boilerplate or unattributed opinion: nothing is left to summarize (try --keep-opinion)")]
    NothingEligible,
}

impl Error {
    /// True when the error is about the input rather than the options.
    pub fn is_input(&self) -> bool {
        !matches!(self, Error::InvalidOption(_))
    }
}
