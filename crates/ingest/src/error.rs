//! Errors of the readers. Messages are lowercase and say what was wrong and, where there is
//! something to do, what.

/// Why a page, feed or record could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The page holds no paragraph of article text.
    #[error(
        "no article text found in the page (it may need JavaScript, be an index of links, or be behind a paywall)"
    )]
    NoText,
    /// The address is not an http(s) URL.
    #[error("{url:?} is not an http or https url")]
    BadUrl {
        /// The address given.
        url: String,
    },
    /// The server answered with an error status.
    #[error("{url} answered http {status}{}", reason.map(|r| format!(" {r}")).unwrap_or_default())]
    Status {
        /// The address asked for.
        url: String,
        /// The status code.
        status: u16,
        /// The status's reason phrase, if standard.
        reason: Option<&'static str>,
    },
    /// No complete answer came within the time limit.
    #[error("{url} did not answer within {secs} s (slow or unreachable server): try again later")]
    Timeout {
        /// The address asked for.
        url: String,
        /// The limit, in seconds.
        secs: f64,
    },
    /// The page redirected too many times.
    #[error("{url} redirected more than {max} times")]
    TooManyRedirects {
        /// The address asked for.
        url: String,
        /// The redirect limit.
        max: usize,
    },
    /// The body is larger than the limit.
    #[error("{url} sent more than {limit} bytes: that is not an article page")]
    TooLarge {
        /// The address asked for.
        url: String,
        /// The limit in bytes.
        limit: usize,
    },
    /// The body is not HTML, text or a feed.
    #[error("{url} is {content_type}, not an html page or text")]
    NotText {
        /// The address asked for.
        url: String,
        /// The `Content-Type` the server sent.
        content_type: String,
    },
    /// Any other network failure (DNS, connection refused, TLS).
    #[error("cannot fetch {url}: {message}")]
    Network {
        /// The address asked for.
        url: String,
        /// What failed, from the HTTP client.
        message: String,
    },
    /// The document is not an RSS or Atom feed.
    #[error("not an rss or atom feed: {0}")]
    Feed(String),
    /// A batch record cannot be used.
    #[error("{0}")]
    Record(String),
    /// Reading a file or directory failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
}
