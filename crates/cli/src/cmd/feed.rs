//! `nutgraf feed`: one brief per feed item, as JSON lines on standard output.
//!
//! Each item is briefed from its page when the page can be fetched and has article text, and
//! from the feed's own content (full content, else summary) when it cannot. Every selected item
//! gets exactly one line, in feed order: `{"id", "link", "title", "published", "ok": true,
//! "from": "page"|"content", "brief": {...}}` or `{..., "ok": false, "error": "..."}`. A feed
//! that cannot be read is an error (exit 1); items that cannot be briefed are not.

use std::io::Write;

use nutgraf_ingest::feed::{self, Item};
use nutgraf_ingest::fetch::Fetcher;
use nutgraf_summarize::Summarizer;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::value::RawValue;

use crate::flags::FeedArgs;
use crate::input::read_bytes;
use crate::source::{self, Source};
use crate::Failure;

/// One output line.
#[derive(Debug, Serialize)]
struct ItemLine<'a> {
    id: &'a str,
    link: Option<&'a str>,
    title: Option<&'a str>,
    published: Option<String>,
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    brief: Option<Box<RawValue>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// Runs `nutgraf feed`.
pub fn run(args: FeedArgs) -> Result<(), Failure> {
    let options = super::brief_options(&args.brief)?;
    let since = match args.since.as_deref() {
        Some(s) => Some(feed::parse_date(s).ok_or_else(|| {
            Failure::usage(anyhow::anyhow!("--since {s:?} is not a date: use YYYY-MM-DD or RFC 3339"))
        })?),
        None => None,
    };
    let fetcher = source::fetcher(args.fetch.timeout)?;
    let shown = source::shown(&args.feed);
    let bytes = match args.feed.to_str().filter(|s| source::is_url(s)) {
        Some(url) => fetcher.get(url).map_err(Failure::input)?.bytes,
        None => read_bytes(&args.feed, args.max_bytes)?,
    };
    let parsed = feed::parse(&bytes)
        .map_err(|e| Failure::input(anyhow::Error::new(e).context(format!("cannot read the feed {shown}"))))?;
    let items: Vec<Item> = parsed
        .items
        .into_iter()
        .filter(|i| since.is_none_or(|d| i.published.is_some_and(|p| p >= d)))
        .take(args.limit.unwrap_or(usize::MAX))
        .collect();
    let summarizer =
        Summarizer::new(options).with_max_bytes(args.max_bytes).with_lang(super::lang_choice(&args.brief)?);
    let fetcher = (!args.no_fetch).then_some(&fetcher);
    let lines: Vec<String> = items
        .par_iter()
        .map(|item| {
            let line = brief_item(item, &summarizer, fetcher);
            serde_json::to_string(&line).expect("a line always serializes")
        })
        .collect();
    let mut stdout = std::io::stdout().lock();
    for line in lines {
        writeln!(stdout, "{line}")?;
    }
    stdout.flush()?;
    Ok(())
}

/// The line of one item: its page's brief, else its content's, else both reasons.
fn brief_item<'a>(item: &'a Item, s: &Summarizer, fetcher: Option<&Fetcher>) -> ItemLine<'a> {
    let mut line = ItemLine {
        id: &item.id,
        link: item.link.as_deref(),
        title: item.title.as_deref(),
        published: item.published.map(|d| d.to_rfc3339()),
        ok: false,
        from: None,
        brief: None,
        error: None,
    };
    let mut errors = Vec::new();
    if let (Some(f), Some(link)) = (fetcher, item.link.as_deref().filter(|l| source::is_url(l))) {
        match f.get(link).and_then(source::from_page).map_err(|e| e.to_string()).and_then(|src| src.brief_line(s)) {
            Ok(brief) => return ItemLine { ok: true, from: Some("page"), brief: Some(brief), ..line },
            Err(e) => errors.push(format!("page: {e}")),
        }
    }
    match item.body.as_deref() {
        Some(body) => {
            let src = if item.body_is_html {
                source::from_html(body, item.link.clone()).map_err(|e| e.to_string())
            } else {
                Ok(Source::Plain(body.as_bytes().to_vec()))
            };
            match src.and_then(|src| src.brief_line(s)) {
                Ok(brief) => return ItemLine { ok: true, from: Some("content"), brief: Some(brief), ..line },
                Err(e) => errors.push(format!("content: {e}")),
            }
        }
        None => errors.push("the item has no content".to_string()),
    }
    line.error = Some(errors.join("; "));
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_fall_back_to_their_content() {
        let s = Summarizer::default();
        let text = Item {
            id: "t".into(),
            body: Some("The ferry resumed service on Thursday after repairs, officials said.".into()),
            ..Item::default()
        };
        let html = Item {
            id: "h".into(),
            body: Some("<p>The town board kept beach parking at $12 on Monday.</p>".into()),
            body_is_html: true,
            ..Item::default()
        };
        let empty = Item { id: "e".into(), link: Some("https://x.test/a".into()), ..Item::default() };
        let cases = vec![(&text, true, Some("content")), (&html, true, Some("content")), (&empty, false, None)];
        for (item, ok, from) in cases {
            let line = brief_item(item, &s, None);
            assert_eq!((line.ok, line.from), (ok, from), "{}", item.id);
        }
        let line = brief_item(&empty, &s, None);
        assert_eq!(line.error.as_deref(), Some("the item has no content"));
        assert_eq!(line.link, Some("https://x.test/a"));
    }
}
