//! Title, byline and publication date of a page.
//!
//! dom_smoothie reads the usual places (JSON-LD `headline`/`author`/`datePublished`, Open Graph
//! and `article:*` meta tags, `<title>`); this module adds the fallbacks it lacks: a
//! `<time datetime>` or `itemprop="datePublished"` for the date, and `rel="author"`,
//! `itemprop="author"` or a `byline` element for the byline. It runs before the page is cleaned,
//! since cleaning removes bylines and headers.

use dom_query::Document;
use dom_smoothie::Readability;

/// What a page says about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
}

/// Reads the metadata of the page held by `r`.
pub(crate) fn read(r: &Readability) -> Meta {
    let m = r.get_article_metadata(r.parse_json_ld());
    let title = non_empty(m.title);
    let byline = m.byline.and_then(non_empty).filter(|b| !b.starts_with("http")).or_else(|| byline_from_page(&r.doc));
    let published = m.published_time.and_then(non_empty).or_else(|| date_from_page(&r.doc));
    Meta { title, byline, published }
}

fn non_empty(s: String) -> Option<String> {
    let s = collapse(&s);
    (!s.is_empty()).then_some(s)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn byline_from_page(doc: &Document) -> Option<String> {
    const BYLINES: &[&str] = &[
        "[itemprop=author] [itemprop=name]",
        "[itemprop=author]",
        "[rel=author]",
        ".byline",
        "[class*=byline]",
        "[class*=field--name-uid]",
        "[class*=author]",
    ];
    for selector in BYLINES {
        for node in doc.select(selector).nodes() {
            let text = collapse(&node.text());
            let text =
                text.strip_prefix("By ").or_else(|| text.strip_prefix("by ")).unwrap_or(&text).trim().to_string();
            if !text.is_empty() && text.chars().count() <= 100 {
                return Some(text);
            }
        }
    }
    None
}

fn date_from_page(doc: &Document) -> Option<String> {
    for selector in ["[itemprop=datePublished]", "time[datetime]", "time[pubdate]"] {
        for node in doc.select(selector).nodes() {
            let value = node
                .attr("datetime")
                .or_else(|| node.attr("content"))
                .map(|v| v.to_string())
                .unwrap_or_else(|| node.text().to_string());
            if let Some(v) = non_empty(value) {
                return Some(v);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Meta {
        read(&Readability::new(html, None, None).unwrap())
    }

    #[test]
    fn reads_meta_tags_and_json_ld() {
        let html = r#"<html><head><title>Dam opens - The Gazette</title>
            <meta property="og:title" content="Dam opens after ten years">
            <meta property="article:published_time" content="2024-03-05T10:00:00Z">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","author":{"@type":"Person","name":"Lee Park"}}</script>
            </head><body><p>Text.</p></body></html>"#;
        let m = meta(html);
        assert_eq!(m.title.as_deref(), Some("Dam opens after ten years"));
        assert_eq!(m.byline.as_deref(), Some("Lee Park"));
        assert_eq!(m.published.as_deref(), Some("2024-03-05T10:00:00Z"));
    }

    #[test]
    fn falls_back_to_time_and_byline_elements() {
        let html = r#"<html><head><title>Storm</title></head><body><article><h1>Storm</h1>
            <p class="byline">By <a rel="nofollow">Sam Ode</a></p><time datetime="2023-11-02">Nov. 2</time>
            <p>Text.</p></article></body></html>"#;
        let m = meta(html);
        assert_eq!(m.byline.as_deref(), Some("Sam Ode"));
        assert_eq!(m.published.as_deref(), Some("2023-11-02"));
    }
}
