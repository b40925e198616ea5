//! Turning an input argument into article text, plus what a page says about itself.
//!
//! An input is a file path, `-` for standard input, or an `http(s)://` URL. HTML (an `.html`,
//! `.htm` or `.xhtml` file, content that starts like markup, or a page served as `text/html`)
//! goes through `nutgraf_ingest::html::extract`, and the brief's spans then point into the
//! extracted text; its title, byline, date and per-paragraph source elements come along as
//! [`SourceJson`]. Anything else is plain text, checked by the summarizer as before.

use std::path::Path;
use std::time::Duration;

use nutgraf_ingest::fetch::{FetchOptions, Fetcher, Kind, Page};
use nutgraf_ingest::html::{self, Extracted, ExtractedParagraph};
use nutgraf_ingest::{batch, charset};
use nutgraf_summarize::render::JsonBrief;
use nutgraf_summarize::Summarizer;
use serde::Serialize;
use serde_json::value::RawValue;

use crate::input::read_bytes;
use crate::Failure;

/// An article ready to summarize.
#[derive(Debug)]
pub enum Source {
    /// Plain text bytes, validated by the summarizer.
    Plain(Vec<u8>),
    /// The article extracted from an HTML page.
    Page {
        /// What the page held.
        page: Box<Extracted>,
        /// Where it came from, if fetched or given.
        url: Option<String>,
    },
}

/// The `source` object of JSON output: where the text of a page came from.
#[derive(Debug, Serialize)]
pub struct SourceJson<'a> {
    /// The page's headline.
    pub title: Option<&'a str>,
    /// Its author line.
    pub byline: Option<&'a str>,
    /// Its publication date, as the page gives it.
    pub published: Option<&'a str>,
    /// Its address.
    pub url: Option<&'a str>,
    /// The extracted article text: the paragraphs joined by blank lines. Every span of the
    /// brief, and of `paragraphs`, is a byte range of this text.
    pub text: &'a str,
    /// Each paragraph of the extracted text: its byte span and the element it came from.
    pub paragraphs: &'a [ExtractedParagraph],
}

/// A JSON brief, with `source` for briefs of pages.
#[derive(Debug, Serialize)]
pub struct SourcedBrief<'a> {
    /// The brief.
    #[serde(flatten)]
    pub brief: JsonBrief<'a>,
    /// Where the text came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceJson<'a>>,
}

impl Source {
    /// The article text (plain sources are read as UTF-8 only by the summarizer).
    pub fn summarize<'a>(
        &'a self,
        s: &Summarizer,
    ) -> Result<(nutgraf_summarize::Brief<'a>, Option<SourceJson<'a>>), nutgraf_summarize::Error> {
        match self {
            Source::Plain(bytes) => Ok((s.summarize_bytes(bytes)?, None)),
            Source::Page { page, url } => {
                let brief = s.summarize(&page.text)?;
                let json = SourceJson {
                    title: page.title.as_deref(),
                    byline: page.byline.as_deref(),
                    published: page.published.as_deref(),
                    url: url.as_deref(),
                    text: &page.text,
                    paragraphs: &page.paragraphs,
                };
                Ok((brief, Some(json)))
            }
        }
    }

    /// The brief as one line of JSON (for JSONL output), or why none could be made.
    pub fn brief_line(&self, s: &Summarizer) -> Result<Box<RawValue>, String> {
        let (brief, source) = self.summarize(s).map_err(|e| e.to_string())?;
        let json = serde_json::to_string(&SourcedBrief { brief: JsonBrief::new(&brief), source })
            .expect("a brief always serializes");
        Ok(RawValue::from_string(json).expect("serde_json wrote valid json"))
    }
}

/// A fetcher with nutgraf's limits and the (hidden, for tests) `--timeout` in seconds.
pub fn fetcher(timeout_secs: f64) -> Result<Fetcher, Failure> {
    if !(timeout_secs.is_finite() && timeout_secs > 0.0) {
        return Err(Failure::usage(anyhow::anyhow!("--timeout must be a positive number of seconds")));
    }
    let options = FetchOptions { timeout: Duration::from_secs_f64(timeout_secs), ..FetchOptions::default() };
    Fetcher::new(options).map_err(Failure::input)
}

/// True for `http://` and `https://` arguments.
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Loads the input argument of `nutgraf summarize`.
pub fn load(input: &Path, max_bytes: usize, timeout_secs: f64) -> Result<Source, Failure> {
    if let Some(url) = input.to_str().filter(|s| is_url(s)) {
        let page = fetcher(timeout_secs)?.get(url).map_err(Failure::input)?;
        return from_page(page).map_err(Failure::input);
    }
    let bytes = read_bytes(input, max_bytes)?;
    if batch::is_html_path(input) || looks_like_html(&bytes) {
        let (html, _) = charset::decode(&bytes, None);
        return from_html(&html, None)
            .map_err(|e| Failure::input(anyhow::Error::new(e).context(format!("cannot read {}", shown(input)))));
    }
    Ok(Source::Plain(bytes))
}

/// The source of a fetched page.
pub fn from_page(page: Page) -> Result<Source, nutgraf_ingest::Error> {
    match page.kind {
        Kind::Html => from_html(&page.text(), Some(page.url)),
        Kind::Feed => {
            Err(nutgraf_ingest::Error::NotText { url: page.url, content_type: "a feed (use nutgraf feed)".to_string() })
        }
        _ => Ok(Source::Plain(page.text().into_bytes())),
    }
}

/// The source of an HTML page.
pub fn from_html(html: &str, url: Option<String>) -> Result<Source, nutgraf_ingest::Error> {
    Ok(Source::Page { page: Box::new(html::extract(html)?), url })
}

/// True when bytes without a telling file name start like an HTML document.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    nutgraf_ingest::fetch::sniff(bytes) == Some(Kind::Html)
}

/// How an input is named in messages.
pub fn shown(input: &Path) -> String {
    if input.as_os_str() == "-" {
        "standard input".to_string()
    } else {
        input.display().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizes_urls_and_html() {
        let cases = vec![
            ("https://x.test/a", true),
            ("HTTP://X.TEST", true),
            ("http:/x", false),
            ("notes.txt", false),
            ("-", false),
        ];
        for (input, expected) in cases {
            assert_eq!(is_url(input), expected, "{input}");
        }
        assert!(looks_like_html(b"\n<!DOCTYPE html><html><body><p>x</p></body></html>"));
        assert!(!looks_like_html(b"The council met on Tuesday."));
    }
}
