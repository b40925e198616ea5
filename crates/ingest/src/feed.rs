//! The items of an RSS 2.0 or Atom feed (through feed-rs, which also reads RSS 0.9/1.0 and
//! JSON Feed): title, link, date and body, in feed order.
//!
//! An item's body is its full content when the feed carries it (`content:encoded`, Atom
//! `<content>`), else its summary (`<description>`, `<summary>`). Bodies are usually HTML
//! fragments; [`Item::body_is_html`] says which, and the caller runs them through
//! [`crate::html::extract`] or takes them as text.

use chrono::{DateTime, NaiveDate, Utc};

use crate::Error;

/// A parsed feed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Feed {
    /// The feed's title.
    pub title: Option<String>,
    /// The items, in the order the feed lists them.
    pub items: Vec<Item>,
}

/// One feed item.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Item {
    /// The item's id (`<guid>`, Atom `<id>`; feed-rs makes one up when the feed has none).
    pub id: String,
    /// The headline.
    pub title: Option<String>,
    /// The address of the item's page.
    pub link: Option<String>,
    /// When it was published (or, failing that, last updated).
    pub published: Option<DateTime<Utc>>,
    /// The full content, if the feed carries it; else the summary.
    pub body: Option<String>,
    /// True when `body` is HTML (labelled so, and with markup in it).
    pub body_is_html: bool,
}

/// Parses an RSS or Atom document.
pub fn parse(bytes: &[u8]) -> Result<Feed, Error> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| Error::Feed(e.to_string().to_lowercase()))?;
    let items = feed
        .entries
        .into_iter()
        .map(|e| {
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| l.href.trim().to_string());
            let (body, media) =
                match (e.content.and_then(|c| c.body.map(|b| (b, c.content_type.to_string()))), e.summary) {
                    (Some((body, media)), _) if !body.trim().is_empty() => (Some(body), media),
                    (_, Some(summary)) => (Some(summary.content), summary.content_type.to_string()),
                    _ => (None, String::new()),
                };
            // RSS labels every description text/html, so the markup itself decides.
            let body_is_html =
                body.as_deref().is_some_and(looks_like_markup) && (media.contains("html") || media.contains("xml"));
            Item {
                id: e.id,
                title: e.title.map(|t| t.content.trim().to_string()).filter(|t| !t.is_empty()),
                link,
                published: e.published.or(e.updated),
                body: body.map(|b| b.trim().to_string()).filter(|b| !b.is_empty()),
                body_is_html,
            }
        })
        .collect();
    Ok(Feed { title: feed.title.map(|t| t.content.trim().to_string()), items })
}

fn looks_like_markup(s: &str) -> bool {
    ["<p", "<br", "<div", "<a ", "<img", "<span", "<em>", "<strong>", "<ul", "<h2", "<h3"].iter().any(|t| s.contains(t))
}

/// Parses a `--since` date: `YYYY-MM-DD` (midnight UTC) or RFC 3339 (`2024-05-01T08:00:00Z`).
pub fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| t.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Valley Ledger</title>
<item><title>Library hours grow</title><link>https://ledger.test/a</link><guid>a-1</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>Short teaser.</description>
<content:encoded><![CDATA[<p>The library will open on Sundays.</p>]]></content:encoded></item>
<item><title>Road work</title><link>https://ledger.test/b</link><description>Crews repave Main Street.</description></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbor Notes</title><id>urn:h</id><updated>2024-01-02T00:00:00Z</updated>
<entry><title>Ferry returns</title><id>urn:h:1</id><link rel="alternate" href="https://harbor.test/ferry"/>
<updated>2024-01-02T09:30:00Z</updated><summary type="html">&lt;p&gt;The ferry is back.&lt;/p&gt;</summary></entry>
</feed>"#;

    #[test]
    fn reads_rss_items() {
        let feed = parse(RSS.as_bytes()).unwrap();
        assert_eq!(feed.title.as_deref(), Some("Valley Ledger"));
        assert_eq!(feed.items.len(), 2);
        let a = &feed.items[0];
        assert_eq!(
            (a.id.as_str(), a.title.as_deref(), a.link.as_deref()),
            ("a-1", Some("Library hours grow"), Some("https://ledger.test/a"))
        );
        assert_eq!(a.published, parse_date("2024-03-05T10:00:00Z"));
        assert_eq!(a.body.as_deref(), Some("<p>The library will open on Sundays.</p>"));
        assert!(a.body_is_html);
        assert_eq!(feed.items[1].body.as_deref(), Some("Crews repave Main Street."));
        assert!(!feed.items[1].body_is_html);
    }

    #[test]
    fn reads_atom_entries() {
        let feed = parse(ATOM.as_bytes()).unwrap();
        let e = &feed.items[0];
        assert_eq!(e.link.as_deref(), Some("https://harbor.test/ferry"));
        assert_eq!(e.published, parse_date("2024-01-02T09:30:00Z"));
        assert_eq!(e.body.as_deref(), Some("<p>The ferry is back.</p>"));
        assert!(e.body_is_html);
    }

    #[test]
    fn rejects_non_feeds_and_parses_dates() {
        assert!(matches!(parse(b"<html><body>hi</body></html>"), Err(Error::Feed(_))));
        assert_eq!(parse_date("2024-05-01").map(|d| d.to_rfc3339()), Some("2024-05-01T00:00:00+00:00".to_string()));
        assert_eq!(parse_date("yesterday"), None);
    }
}
