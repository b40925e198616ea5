//! Errors of the audit stage: sources or summaries that cannot be checked.

/// Why an audit could not be made. Messages are lowercase, say what was wrong and what to do.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// No source was given.
    #[error("no source was given: give at least one source text to check the summary against")]
    NoSources,
    /// More sources than the auditor accepts.
    #[error("{count} sources were given, over the limit of {limit}: audit against fewer sources")]
    TooManySources {
        /// Sources given.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// The summary has no words.
    #[error("the summary is empty or has no words: give the summary text to check")]
    EmptySummary,
    /// A source has no words.
    #[error("source {id:?} is empty or has no words: give its text, or leave it out")]
    EmptySource {
        /// The source's id.
        id: String,
    },
    /// The sources and summary together are over the size limit.
    #[error("the input is {size} bytes, over the {limit}-byte limit: audit smaller sources")]
    TooLarge {
        /// Bytes given.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The threshold is outside 0..=1.
    #[error("threshold {0} is outside 0..1: give a number between 0 and 1")]
    InvalidThreshold(f32),
}

impl Error {
    /// True when the error is about the input rather than the options.
    pub fn is_input(&self) -> bool {
        !matches!(self, Error::InvalidThreshold(_))
    }
}
