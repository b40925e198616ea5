//! The article of a request: given as `text`, as `html`, or fetched from a `url`.
//!
//! Loading has an async half and a blocking half. [`load`] picks the one input the request gave
//! and fetches a `url` (waiting on the network holds no thread); [`Loaded::article`] then turns
//! markup into article text with `nutgraf_ingest::html::extract`, which is CPU work and runs on
//! a pipeline worker like the summarizer. The spans of a brief of markup point into the
//! extracted text, so responses carry that text as `source.text`.

use nutgraf_ingest::fetch::Kind;
use nutgraf_ingest::html::{self, Extracted, ExtractedParagraph};
use serde::Serialize;
use utoipa::ToSchema;

use crate::{ApiError, AppState};

/// Deepest element nesting accepted in `html` input. Real pages nest a few dozen deep, and
/// extraction's work grows with depth times size: 100,000 nested `<div>`s (500 KB) keep it busy
/// for over a minute.
pub const MAX_HTML_DEPTH: usize = 512;

/// An input as received, before extraction.
#[derive(Debug)]
pub enum Loaded {
    /// Plain article text.
    Text {
        /// The text.
        text: String,
        /// The page it was fetched from, if any.
        url: Option<String>,
    },
    /// An HTML page.
    Html {
        /// The markup.
        html: String,
        /// The page's address, if fetched.
        url: Option<String>,
    },
}

/// An article ready for the pipeline.
#[derive(Debug)]
pub enum Article {
    /// Text given as is: spans point into the request's `text`.
    Text(String),
    /// Plain text fetched from a URL.
    Fetched {
        /// The text.
        text: String,
        /// Where it came from.
        url: String,
    },
    /// The article extracted from a page.
    Page {
        /// What the page held.
        page: Box<Extracted>,
        /// Where it came from, if fetched.
        url: Option<String>,
    },
}

/// Where the text of a brief came from, for inputs that were not plain `text`.
#[derive(Debug, Serialize, ToSchema)]
pub struct SourceJson<'a> {
    /// The article text the spans of the response point into.
    pub text: &'a str,
    /// The page's address (after redirects), when fetched.
    pub url: Option<&'a str>,
    /// The page's headline.
    pub title: Option<&'a str>,
    /// Its author line.
    pub byline: Option<&'a str>,
    /// Its publication date, as the page gives it.
    pub published: Option<&'a str>,
    /// Each paragraph of `text`: its byte span and a CSS selector of the element it came from.
    #[schema(value_type = Vec<crate::openapi::ParagraphSchema>)]
    pub paragraphs: &'a [ExtractedParagraph],
}

/// Picks the request's one input, fetching it for a `url`.
pub async fn load(
    state: &AppState,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
) -> Result<Loaded, ApiError> {
    match (text, html, url) {
        (Some(text), None, None) => Ok(Loaded::Text { text, url: None }),
        (None, Some(html), None) => Ok(Loaded::Html { html, url: None }),
        (None, None, Some(url)) => {
            let page = state.fetcher().get(&url).await?;
            let text = page.text();
            Ok(match page.kind {
                Kind::Html => Loaded::Html { html: text, url: Some(page.url) },
                _ => Loaded::Text { text, url: Some(page.url) },
            })
        }
        (None, None, None) => Err(ApiError::InvalidRequest("give the article as one of text, html or url".into())),
        _ => Err(ApiError::InvalidRequest("give only one of text, html and url".into())),
    }
}

impl Loaded {
    /// The article: markup goes through extraction. Blocking work.
    pub fn article(self) -> Result<Article, ApiError> {
        match self {
            Loaded::Text { text, url: None } => Ok(Article::Text(text)),
            Loaded::Text { text, url: Some(url) } => Ok(Article::Fetched { text, url }),
            Loaded::Html { html, url } => {
                if depth(&html) > MAX_HTML_DEPTH {
                    return Err(ApiError::InvalidInput(format!(
                        "the page nests elements more than {MAX_HTML_DEPTH} deep: that is not an article page"
                    )));
                }
                let page = html::extract(&html).map_err(|e| ApiError::InvalidInput(e.to_string()))?;
                Ok(Article::Page { page: Box::new(page), url })
            }
        }
    }
}

impl Article {
    /// The text the pipeline reads and spans point into.
    pub fn text(&self) -> &str {
        match self {
            Article::Text(text) | Article::Fetched { text, .. } => text,
            Article::Page { page, .. } => &page.text,
        }
    }

    /// The `source` object of responses, for inputs that were not plain text.
    pub fn source(&self) -> Option<SourceJson<'_>> {
        match self {
            Article::Text(_) => None,
            Article::Fetched { text, url } => {
                Some(SourceJson { text, url: Some(url), title: None, byline: None, published: None, paragraphs: &[] })
            }
            Article::Page { page, url } => Some(SourceJson {
                text: &page.text,
                url: url.as_deref(),
                title: page.title.as_deref(),
                byline: page.byline.as_deref(),
                published: page.published.as_deref(),
                paragraphs: &page.paragraphs,
            }),
        }
    }
}

/// The element nesting of `html`, estimated from its tags: start tags minus end tags, at their
/// deepest. Void elements and elements whose end tag may be left out (`<p>`, `<li>`, `<td>` ...)
/// are not counted, so pages that leave those open are not taken for deep ones.
fn depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    for (i, _) in html.match_indices('<') {
        match bytes.get(i + 1) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let name: String =
                    bytes[i + 1..].iter().take_while(|b| b.is_ascii_alphanumeric()).map(|&b| b as char).collect();
                if !UNCOUNTED.contains(&name.to_ascii_lowercase().as_str()) {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
            }
            _ => {}
        }
    }
    deepest
}

/// Elements that never have an end tag, or may leave it out.
#[rustfmt::skip]
const UNCOUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option", "p", "rp", "rt", "tbody",
    "td", "tfoot", "th", "thead", "tr",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_depth() {
        let cases = vec![
            ("<div>a</div><div>b</div>", 1),
            ("<html><body><div><section>a<br>b<img src=x></section></div></body></html>", 2),
            ("<ul><li>a<li>b<li>c</ul>", 1),
            ("<p>a<p>b<p>c", 0),
            ("a < b and c <3", 0),
            ("</div></div><div>x", 1),
        ];
        for (html, expected) in cases {
            assert_eq!(depth(html), expected, "{html}");
        }
        assert_eq!(depth(&"<div>".repeat(10_000)), 10_000);
    }
}
