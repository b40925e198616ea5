//! Fetching a page or feed over HTTP, with limits that keep one bad server from hanging or
//! flooding a run: a total time limit (connect to last byte, so a server that trickles bytes
//! cannot stall it), at most 5 redirects, and a body cap enforced while the body streams in (a
//! `Content-Length` over the cap is refused before reading). gzip and brotli bodies are
//! decompressed, and the cap applies to the decompressed bytes.
//!
//! Only HTML, plain text and feeds are accepted; anything else (images, PDF, JSON) is a
//! [`Error::NotText`]. The user agent names nutgraf and its version.

use std::io::Read;
use std::time::{Duration, Instant};

use reqwest::blocking::Client;
use reqwest::header::{ACCEPT, CONTENT_TYPE};

use crate::{charset, Error};

/// The user agent sent with every request.
pub const USER_AGENT: &str = concat!("nutgraf/", env!("CARGO_PKG_VERSION"), " (news brief reader)");

/// Limits of a [`Fetcher`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FetchOptions {
    /// Total time for one request, from connecting to the last byte of the body.
    pub timeout: Duration,
    /// Largest body accepted, in bytes (after decompression).
    pub max_bytes: usize,
    /// Most redirects followed.
    pub max_redirects: usize,
}

impl Default for FetchOptions {
    /// 10 seconds, 10 MiB, 5 redirects.
    fn default() -> Self {
        FetchOptions { timeout: Duration::from_secs(10), max_bytes: 10 << 20, max_redirects: 5 }
    }
}

/// What a fetched body is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// An HTML or XHTML page.
    Html,
    /// Plain text.
    Text,
    /// An RSS, Atom or other XML document.
    Feed,
}

/// A fetched body.
#[derive(Clone, Debug)]
pub struct Page {
    /// The final address, after redirects.
    pub url: String,
    /// The `Content-Type` the server sent, if any.
    pub content_type: Option<String>,
    /// What the body is, from the `Content-Type` or, failing that, from its first bytes.
    pub kind: Kind,
    /// The body, decompressed.
    pub bytes: Vec<u8>,
}

impl Page {
    /// The body as text, decoded with the charset of the header, a byte-order mark or the
    /// page's `<meta charset>` (see [`charset::decode`]).
    pub fn text(&self) -> String {
        charset::decode(&self.bytes, self.content_type.as_deref()).0
    }
}

/// An HTTP client with nutgraf's limits. Cheap to clone; share one across threads.
#[derive(Clone, Debug)]
pub struct Fetcher {
    client: Client,
    options: FetchOptions,
}

impl Fetcher {
    /// A client with `options`.
    pub fn new(options: FetchOptions) -> Result<Fetcher, Error> {
        let client = Client::builder()
            .user_agent(USER_AGENT)
            .redirect(reqwest::redirect::Policy::limited(options.max_redirects))
            .timeout(options.timeout)
            .connect_timeout(options.timeout)
            .build()
            .map_err(|e| Error::Network {
                url: String::new(),
                message: format!("cannot start the http client: {e}"),
            })?;
        Ok(Fetcher { client, options })
    }

    /// The limits in force.
    pub fn options(&self) -> FetchOptions {
        self.options
    }

    /// Fetches `url`, an `http` or `https` address.
    pub fn get(&self, url: &str) -> Result<Page, Error> {
        let parsed = reqwest::Url::parse(url).map_err(|_| Error::BadUrl { url: url.to_string() })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(Error::BadUrl { url: url.to_string() });
        }
        let started = Instant::now();
        let accept = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5";
        let mut response = self.client.get(parsed).header(ACCEPT, accept).send().map_err(|e| self.error(url, &e))?;
        let status = response.status();
        if !status.is_success() {
            return Err(Error::Status {
                url: url.to_string(),
                status: status.as_u16(),
                reason: status.canonical_reason(),
            });
        }
        let content_type = response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_string);
        let declared = content_type.as_deref().and_then(kind_of);
        if let (Some(None), Some(ct)) = (declared, content_type.as_deref()) {
            return Err(Error::NotText { url: url.to_string(), content_type: ct.to_string() });
        }
        let limit = self.options.max_bytes;
        if response.content_length().is_some_and(|n| n > limit as u64) {
            return Err(Error::TooLarge { url: url.to_string(), limit });
        }
        let final_url = response.url().to_string();
        let mut bytes = Vec::new();
        let mut chunk = vec![0u8; 64 << 10];
        loop {
            let n = response.read(&mut chunk).map_err(|e| self.read_error(url, &e))?;
            if n == 0 {
                break;
            }
            bytes.extend_from_slice(&chunk[..n]);
            if bytes.len() > limit {
                return Err(Error::TooLarge { url: url.to_string(), limit });
            }
            if started.elapsed() > self.options.timeout {
                return Err(self.timeout(url));
            }
        }
        let kind = match declared.flatten() {
            Some(kind) => kind,
            None => sniff(&bytes).ok_or_else(|| Error::NotText {
                url: url.to_string(),
                content_type: content_type.clone().unwrap_or_else(|| "binary data".to_string()),
            })?,
        };
        Ok(Page { url: final_url, content_type, kind, bytes })
    }

    fn timeout(&self, url: &str) -> Error {
        Error::Timeout { url: url.to_string(), secs: self.options.timeout.as_secs_f64() }
    }

    fn error(&self, url: &str, e: &reqwest::Error) -> Error {
        if e.is_timeout() {
            self.timeout(url)
        } else if e.is_redirect() {
            Error::TooManyRedirects { url: url.to_string(), max: self.options.max_redirects }
        } else {
            Error::Network { url: url.to_string(), message: chain(e) }
        }
    }

    fn read_error(&self, url: &str, e: &std::io::Error) -> Error {
        let inner = e.get_ref().and_then(|i| i.downcast_ref::<reqwest::Error>());
        if e.kind() == std::io::ErrorKind::TimedOut || inner.is_some_and(reqwest::Error::is_timeout) {
            self.timeout(url)
        } else {
            Error::Network { url: url.to_string(), message: e.to_string().to_lowercase() }
        }
    }
}

/// The error and its causes, lowercase, joined by ": ".
fn chain(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts.dedup();
    parts.join(": ").to_lowercase()
}

/// What a `Content-Type` says: `Some(Some(kind))` for a type we read, `Some(None)` for one we
/// refuse, `None` when it says nothing useful (generic binary), so the body is sniffed. Shared
/// with the server's async fetcher.
pub fn kind_of(content_type: &str) -> Option<Option<Kind>> {
    let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match essence.as_str() {
        "text/html" | "application/xhtml+xml" => Some(Some(Kind::Html)),
        "text/plain" => Some(Some(Kind::Text)),
        "application/rss+xml" | "application/atom+xml" | "application/rdf+xml" | "application/xml" | "text/xml" => {
            Some(Some(Kind::Feed))
        }
        "" | "application/octet-stream" | "binary/octet-stream" => None,
        _ => Some(None),
    }
}

/// Guesses the kind of an unlabelled body from its first bytes; `None` for binary data.
pub fn sniff(bytes: &[u8]) -> Option<Kind> {
    let head = &bytes[..bytes.len().min(1024)];
    if head.contains(&0) {
        return None;
    }
    let lower = String::from_utf8_lossy(head).trim_start_matches('\u{feff}').trim_start().to_ascii_lowercase();
    if lower.starts_with("<?xml") && !lower.contains("<html") || lower.starts_with("<rss") || lower.starts_with("<feed")
    {
        Some(Kind::Feed)
    } else if ["<!doctype html", "<html", "<head", "<body", "<article", "<meta", "<title", "<!--"]
        .iter()
        .any(|p| lower.starts_with(p))
        || lower.contains("<html")
        || lower.contains("<p>") && lower.contains("</p>")
    {
        Some(Kind::Html)
    } else {
        Some(Kind::Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::net::TcpListener;

    /// Serves one canned raw HTTP response per connection, forever, on a free port.
    fn serve(response: &'static [u8], delay: Duration) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut s) = stream else { continue };
                let mut buf = [0u8; 4096];
                let _ = s.read(&mut buf);
                std::thread::sleep(delay);
                let _ = s.write_all(response);
            }
        });
        format!("http://{addr}/")
    }

    fn fetcher(secs: f64) -> Fetcher {
        Fetcher::new(FetchOptions { timeout: Duration::from_secs_f64(secs), max_bytes: 1000, max_redirects: 5 })
            .unwrap()
    }

    #[test]
    fn reads_a_page_with_its_charset() {
        let url = serve(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\nContent-Length: 11\r\nConnection: close\r\n\r\n<p>caf\xe9</p>", Duration::ZERO);
        let page = fetcher(5.0).get(&url).unwrap();
        assert_eq!(page.kind, Kind::Html);
        assert_eq!(page.text(), "<p>caf\u{e9}</p>");
    }

    #[test]
    fn clear_errors() {
        let not_found =
            serve(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", Duration::ZERO);
        let image = serve(
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 3\r\nConnection: close\r\n\r\nPNG",
            Duration::ZERO,
        );
        let big = serve(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n<p>",
            Duration::ZERO,
        );
        let slow = serve(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", Duration::from_secs(3));
        let f = fetcher(0.5);
        let cases: Vec<(String, &str)> = vec![
            (not_found, "answered http 404 Not Found"),
            (image, "is image/png, not an html page or text"),
            (big, "sent more than 1000 bytes"),
            (slow, "did not answer within 0.5 s"),
            ("ftp://example.invalid/x".to_string(), "is not an http or https url"),
        ];
        for (url, expected) in cases {
            let e = f.get(&url).unwrap_err().to_string();
            assert!(e.contains(expected), "{url}: {e}");
        }
    }

    #[test]
    fn sniffs_unlabelled_bodies() {
        let cases: Vec<(&[u8], Option<Kind>)> = vec![
            (b"<!DOCTYPE html><html></html>", Some(Kind::Html)),
            (b"<?xml version='1.0'?><rss version='2.0'>", Some(Kind::Feed)),
            (b"\xef\xbb\xbf  <feed xmlns='http://www.w3.org/2005/Atom'>", Some(Kind::Feed)),
            (b"Plain words.", Some(Kind::Text)),
            (b"\x89PNG\r\n\x1a\n\0\0", None),
        ];
        for (bytes, expected) in cases {
            assert_eq!(sniff(bytes), expected, "{:?}", String::from_utf8_lossy(bytes));
        }
    }
}
