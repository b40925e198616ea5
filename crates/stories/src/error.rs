//! Errors of the story-grouping stage.

/// Why articles could not be grouped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Two articles have the same id: the output could not say which is which.
    #[error("duplicate id {id:?}: articles {first} and {second} (1-based, in input order)")]
    DuplicateId {
        /// The id.
        id: String,
        /// Position of its first article.
        first: usize,
        /// Position of the second.
        second: usize,
    },
    /// An article has an empty id.
    #[error("article {position} (1-based, in input order) has an empty id")]
    EmptyId {
        /// Its position.
        position: usize,
    },
    /// An option has a value that cannot work.
    #[error("{0}")]
    InvalidOption(String),
    /// The embedder failed on a batch, or returned the wrong number or size of vectors.
    #[error("sentence embedding failed: {0}")]
    Embed(String),
}

impl Error {
    /// True when the error is about the input rather than the options.
    pub fn is_input(&self) -> bool {
        !matches!(self, Error::InvalidOption(_) | Error::Embed(_))
    }
}
