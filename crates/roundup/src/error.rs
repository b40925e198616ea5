//! Errors of the roundup stage.

/// Why a roundup could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// No article was given.
    #[error("no source articles: give at least one")]
    NoSources,
    /// More articles than the roundup accepts.
    #[error("{count} sources is more than the limit of {max}: split the story")]
    TooManySources {
        /// Articles given.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// No article is usable text (each is empty, binary or too large); the first one's reason.
    #[error("no source can be used; source {id} ({name}): {source}")]
    Source {
        /// The 1-based id of the source.
        id: usize,
        /// Its display name.
        name: String,
        /// What is wrong with it.
        source: nutgraf_text::Error,
    },
    /// An option has a value that cannot work.
    #[error("{0}")]
    InvalidOption(String),
    /// A word budget is smaller than every candidate sentence.
    #[error("no sentence fits in {max} words: raise --words")]
    NothingFits {
        /// The word budget.
        max: usize,
    },
    /// Every sentence of every source is boilerplate or unattributed opinion.
    #[error("every sentence of the sources is boilerplate or unattributed opinion: nothing is left to report")]
    NothingEligible,
}

impl Error {
    /// True when the error is about the input rather than the options.
    pub fn is_input(&self) -> bool {
        !matches!(self, Error::InvalidOption(_))
    }
}
