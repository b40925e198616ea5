//! Errors of evaluation and benchmarking.

use std::path::PathBuf;

/// Why an evaluation or benchmark could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The data file could not be opened or read.
    #[error("cannot read {}: {}", .path.display(), io_message(.error))]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error (shown in the message, so not a `source`).
        error: std::io::Error,
    },
    /// A row lacks a field every row must have.
    #[error("line {line}: missing required field {field:?} (every row needs id, dataset, article and reference)")]
    MissingField {
        /// 1-based line number in the file.
        line: usize,
        /// The missing field.
        field: &'static str,
    },
    /// A row has a required field of the wrong JSON type.
    #[error("line {line}: field {field:?} must be {expected}")]
    FieldType {
        /// 1-based line number in the file.
        line: usize,
        /// The field.
        field: &'static str,
        /// What it must be.
        expected: &'static str,
    },
    /// Nothing was left to evaluate.
    #[error("no articles selected: {0}")]
    NoArticles(String),
    /// An option has a value that cannot work (unknown dataset or method, bad duration).
    #[error("{0}")]
    InvalidOption(String),
}

/// An I/O error's message in lowercase, without the "(os error N)" suffix.
fn io_message(e: &std::io::Error) -> String {
    let s = e.to_string();
    s.split(" (os error").next().unwrap_or_default().to_lowercase()
}

impl Error {
    /// True when the error is about the data rather than the options.
    pub fn is_input(&self) -> bool {
        !matches!(self, Error::InvalidOption(_))
    }
}
