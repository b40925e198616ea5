//! After scoring: drop paragraphs of the content that are page furniture, not article.
//!
//! Each rule was kept only if it raised F1 on the html-dev benchmark (see the crate README and
//! `examples/html_eval.rs`). Rules look at short paragraphs only: a long paragraph is prose even
//! when it starts with "Photo" or holds a date.

use super::blocks::Block;

/// Paragraphs of at most this many words may be furniture (datelines, credits, labels).
const SHORT: usize = 14;

/// Whole short paragraphs (punctuation aside) that are labels.
const FURNITURE_LABELS: &[&str] =
    &["ad", "advert", "advertisement", "sponsored", "caption", "close", "loading", "share"];

/// Text anywhere in a short paragraph that marks a legal or site notice.
const NOTICE_MARKS: &[&str] = &["©", "all rights reserved", "copyright"];

/// Openings of short paragraphs that are labels, credits or calls to action.
const FURNITURE_PREFIXES: &[&str] = &[
    "advertisement",
    "also read",
    "caption:",
    "click here",
    "credit:",
    "follow us",
    "getty images",
    "image:",
    "photo:",
    "photo by",
    "photograph:",
    "picture:",
    "read more",
    "read also",
    "recommended for",
    "recommended:",
    "related:",
    "sign up",
    "subscribe",
    "(photo",
    "this slideshow requires",
    "want more stories",
    "watch:",
    "video:",
];

/// Openings of bylines and time stamps; they count only on short lines without a final period
/// ("By noon, the fire had spread." is prose).
const STAMP_PREFIXES: &[&str] = &["by ", "posted ", "published ", "updated ", "last updated", "first published"];

/// Headings (or short lines) after which only recirculation follows: the rest of the content
/// is dropped when one appears in the last part of the page.
const TAIL_MARKERS: &[&str] = &[
    "you may also like",
    "you might also like",
    "related",
    "more from",
    "more on this",
    "more stories",
    "recommended",
    "most popular",
    "most read",
    "trending",
    "comments",
    "tags",
    "topics",
    "share this",
    "want more stories like this",
    "more coverage",
    "see also",
    "latest news",
];

const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "enero",
    "febrero",
    "marzo",
    "mayo",
    "junio",
    "julio",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Keeps the article paragraphs of `blocks`. `title` and `byline`, when known, are dropped where
/// they repeat as a paragraph.
pub(crate) fn keep_article(mut blocks: Vec<Block>, title: Option<&str>, byline: Option<&str>) -> Vec<Block> {
    cut_tail(&mut blocks);
    let title = title.map(fold);
    let byline = byline.map(fold).filter(|b| !b.is_empty());
    blocks.retain(|b| {
        let words = b.words();
        let folded = fold(&b.text);
        if title.as_deref() == Some(folded.as_str()) {
            return false;
        }
        if words <= SHORT {
            if byline.as_deref().is_some_and(|by| folded.contains(by)) {
                return false;
            }
            let label = folded.trim_matches(|c: char| !c.is_alphanumeric());
            if FURNITURE_LABELS.contains(&label)
                || FURNITURE_PREFIXES.iter().any(|p| folded.starts_with(p))
                || (words <= 10 && !folded.ends_with('.') && STAMP_PREFIXES.iter().any(|p| folded.starts_with(p)))
                || NOTICE_MARKS.iter().any(|m| folded.contains(m))
                || is_dateline(&folded)
            {
                return false;
            }
            if b.link_density() > 0.5 {
                return false;
            }
        } else if b.link_density() > 0.8 {
            return false;
        }
        true
    });
    blocks
}

/// Drops everything from a recirculation heading on, when it comes after 60% of the text.
fn cut_tail(blocks: &mut Vec<Block>) {
    let total: usize = blocks.iter().map(|b| b.chars).sum();
    let mut seen = 0;
    for (i, b) in blocks.iter().enumerate() {
        if seen * 5 >= total * 3 && b.words() <= 6 {
            let folded = fold(&b.text);
            let label = folded.trim_end_matches([':', '.', '…', '?', '!']).trim();
            if TAIL_MARKERS.iter().any(|m| label == *m || (b.is_heading() && label.starts_with(m))) {
                blocks.truncate(i);
                return;
            }
        }
        seen += b.chars;
    }
}

/// True for a short line that is a date or time stamp ("Updated 5:27 am, Nov. 20, 2019").
fn is_dateline(folded: &str) -> bool {
    if folded.ends_with('.') && !folded.ends_with(" p.m.") && !folded.ends_with(" a.m.") {
        return false;
    }
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric() && c != ':').filter(|w| !w.is_empty()).collect();
    let numbers = words.iter().filter(|w| w.chars().any(|c| c.is_ascii_digit())).count();
    let month = words.iter().any(|w| MONTHS.iter().any(|m| w.starts_with(m) && w.len() <= m.len() + 6));
    let clock = words.iter().any(|w| w.contains(':') && w.chars().any(|c| c.is_ascii_digit()))
        || words.iter().any(|w| matches!(*w, "am" | "pm" | "gmt" | "utc" | "est" | "edt" | "cst" | "pst" | "bst"));
    let year =
        words.iter().any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.parse::<u32>().is_ok());
    numbers >= 1 && numbers * 3 >= words.len().min(9) && (month || clock) && (year || clock)
}

/// Lowercase, with curly quotes folded, for comparisons.
fn fold(s: &str) -> String {
    s.trim().to_lowercase().replace(['\u{2018}', '\u{2019}'], "'").replace(['\u{201C}', '\u{201D}'], "\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(tag: &str, text: &str, links: usize) -> Block {
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        Block { text: text.into(), el: None, exact: false, tag: tag.into(), link_chars: links.min(chars), chars }
    }

    #[test]
    fn datelines() {
        let cases = vec![
            ("Updated 5:27 am CST, Wednesday, November 20, 2019", true),
            ("Nov 18, 2019 @17:19 PM · Updated: Nov 18, 2019 @17:26 PM", true),
            ("segunda-feira, 22 de janeiro de 2018 às 0:13", true),
            ("The vote is set for May 3, 2020.", false),
            ("Police said 12 people were hurt.", false),
        ];
        for (line, expected) in cases {
            assert_eq!(is_dateline(&fold(line)), expected, "{line}");
        }
    }

    #[test]
    fn drops_furniture_keeps_prose() {
        let prose =
            "The council voted on Tuesday to keep all three branch libraries open through the end of next year.";
        let blocks = vec![
            block("h1", "Council keeps libraries open", 0),
            block("p", "By Ana Ruiz", 0),
            block("p", prose, 0),
            block("p", "Photo: Staff", 0),
            block("p", "Advertisement", 0),
            block("li", "Another story elsewhere", 100),
            block("p", prose, 0),
            block("h3", "You may also like", 0),
            block("p", "Tail text that is recirculation", 0),
        ];
        let kept = keep_article(blocks, Some("Council keeps libraries open"), Some("Ana Ruiz"));
        let texts: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec![prose, prose]);
    }
}
