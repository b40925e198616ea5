//! Errors of the text stage: input that cannot be read as an article.

/// Why an input cannot be summarized. Messages are lowercase, say what was wrong and what to do.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input has no text at all.
    #[error("the input is empty or only whitespace: give an article with at least one sentence")]
    Empty,
    /// The input is not valid UTF-8.
    #[error("the input is not valid UTF-8 (first bad byte at offset {offset}): convert it to UTF-8 first, for example with iconv")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input looks like a binary file.
    #[error(
        "the input looks binary (NUL byte at offset {offset}): give plain UTF-8 text, or HTML through the html reader"
    )]
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The input is larger than the configured limit.
    #[error("the input is {size} bytes, over the {limit}-byte limit: split it into articles or raise the limit")]
    TooLarge {
        /// Input size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
}

/// Checks that `bytes` is a non-empty, non-binary UTF-8 article of at most `limit` bytes and
/// returns it as text.
pub fn validate(bytes: &[u8], limit: usize) -> Result<&str, Error> {
    if bytes.len() > limit {
        return Err(Error::TooLarge { size: bytes.len(), limit });
    }
    if let Some(offset) = memchr_nul(bytes) {
        return Err(Error::Binary { offset });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 { offset: e.valid_up_to() })?;
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(text)
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation() {
        assert_eq!(validate(b"  \n\t ", 100), Err(Error::Empty));
        assert_eq!(validate(b"ab\0c", 100), Err(Error::Binary { offset: 2 }));
        assert_eq!(validate(b"ok \xff no", 100), Err(Error::InvalidUtf8 { offset: 3 }));
        assert_eq!(validate(b"hello", 3), Err(Error::TooLarge { size: 5, limit: 3 }));
        assert_eq!(validate("Caf\u{e9}.".as_bytes(), 100), Ok("Caf\u{e9}."));
        assert!(Error::Empty.to_string().contains("empty"));
    }
}
