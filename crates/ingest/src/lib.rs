/*!
The readers of nutgraf: article text from HTML pages, URLs, RSS and Atom feeds, and batches.

# Brief overview

* [`html::extract`]: the main text of an HTML page (title, byline, date, body paragraphs), each
  paragraph with the CSS selector of the element it came from. Its text is what a brief's spans
  point into.
* [`charset::decode`]: page bytes to text, honouring the byte-order mark, the HTTP header and
  `<meta charset>`.
* [`fetch::Fetcher`]: a careful HTTP client (redirect, time and size limits, clear errors).
* [`feed::parse`]: the items of an RSS 2.0 or Atom feed.
* [`batch`]: records of a JSONL file (with configurable field names) or of a directory of
  `.txt` and `.html` files.

Readers hand text on: this crate does not summarize, and depends on no nutgraf crate but
`nutgraf-text` (for [`Span`](nutgraf_text::Span)).

# Example

```
let html = r#"<html><head><title>Bridge reopens</title></head><body>
  <nav><a href="/">Home</a> <a href="/news">News</a></nav>
  <article id="story"><h1>Bridge reopens</h1>
    <p>The Elm Street bridge reopened to traffic on Monday after eight months of repairs.</p>
    <p>City engineers said the new deck should last at least forty years with routine care.</p>
    <div class="related"><a href="/x">Road work elsewhere in the county this summer</a></div>
  </article></body></html>"#;
let page = nutgraf_ingest::html::extract(html).unwrap();
assert_eq!(page.title.as_deref(), Some("Bridge reopens"));
assert_eq!(page.paragraphs.len(), 2);
assert_eq!(page.paragraph(1), "City engineers said the new deck should last at least forty years with routine care.");
assert_eq!(page.paragraphs[1].element, "article#story > p:nth-of-type(2)");
```
*/

#![deny(missing_docs)]

pub mod batch;
pub mod charset;
mod error;
pub mod feed;
pub mod fetch;
pub mod html;

pub use error::Error;
