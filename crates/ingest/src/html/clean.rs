//! Before scoring: record where every element sits, then drop what is never article text.
//!
//! Readability-style scoring (dom_smoothie) picks the main content container well (recall 0.99 on
//! the html-dev benchmark) but keeps what sits inside it: captions, share bars, "related" boxes,
//! bylines, tag lists. Measured on html-dev, removing those up front raises precision more than
//! any later filter can, so this pass runs first. A removal is skipped when the element holds
//! most of the page's paragraph text: a page that wraps its whole body in `<form>` or in a
//! `class="comments-enabled"` div must not lose its article.
//!
//! Every element also gets a [`PATH_ATTR`] attribute: an index into [`Paths`], which turns it
//! back into a CSS selector for the element in the *original* page (dom_smoothie renames and
//! moves nodes, but keeps unknown attributes).

use dom_query::{Document, NodeRef};

/// The attribute that carries an element's index into [`Paths`].
pub(crate) const PATH_ATTR: &str = "data-nutgraf-el";

/// Tags whose content is never article text.
const DROP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "button",
    "select",
    "input",
    "textarea",
    "nav",
    "aside",
    "footer",
    "figure",
    "figcaption",
    "dialog",
];

/// Tags that usually hold no article text but sometimes wrap all of it (ASP.NET pages put the
/// whole body in a `<form>`): dropped unless they hold the article.
const MAYBE_DROP_TAGS: &[&str] = &["header", "form", "menu"];

/// Class or id words (whole, after splitting on `-`, `_` and spaces) that mark boilerplate.
const DROP_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "advertisement",
    "author",
    "authors",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "caption",
    "comment",
    "comments",
    "credit",
    "credits",
    "dateline",
    "disqus",
    "footer",
    "menu",
    "modal",
    "nav",
    "navbar",
    "newsletter",
    "outbrain",
    "popular",
    "popup",
    "promo",
    "recirc",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "tag",
    "tags",
    "taboola",
    "timestamp",
    "toolbar",
    "trending",
    "widget",
];

/// Substrings of a lowercased class or id that mark boilerplate even inside compound names
/// (`relatedArticles`, `socialShareBar`).
const DROP_SUBSTRINGS: &[&str] = &[
    "advert",
    "breadcrumb",
    "byline",
    "caption",
    "newsletter",
    "outbrain",
    "related",
    "social",
    "sharebar",
    "share-bar",
    "taboola",
    "sr-only",
    "screen-reader",
    "visually-hidden",
];

/// Turns element indexes back into CSS selectors of the original page.
#[derive(Debug, Default)]
pub(crate) struct Paths {
    /// For each element: its parent's index (none when the step is anchored on an id) and its
    /// selector step (`p:nth-of-type(3)`, `div#story`).
    steps: Vec<(Option<usize>, String)>,
    /// For each element: its parent element's index.
    parents: Vec<Option<usize>>,
}

impl Paths {
    /// The selector of element `i`, e.g. `div#story > p:nth-of-type(3)`.
    pub(crate) fn path(&self, i: usize) -> String {
        let mut parts = Vec::new();
        let mut at = Some(i);
        while let Some(k) = at {
            let (parent, step) = &self.steps[k];
            parts.push(step.as_str());
            at = *parent;
        }
        parts.reverse();
        parts.join(" > ")
    }

    /// The index of element `i`'s parent element.
    pub(crate) fn parent(&self, i: usize) -> Option<usize> {
        self.parents.get(i).copied().flatten()
    }
}

/// Numbers every element of `doc` and records its selector step.
pub(crate) fn annotate(doc: &Document) -> Paths {
    let mut paths = Paths::default();
    let mut stack: Vec<(NodeRef<'_>, Option<usize>)> = vec![(doc.root(), None)];
    while let Some((node, parent)) = stack.pop() {
        let children = node.element_children();
        let names: Vec<String> =
            children.iter().map(|c| c.node_name().map(|n| n.to_lowercase()).unwrap_or_default()).collect();
        for (k, child) in children.iter().enumerate().rev() {
            let name = &names[k];
            let id = child.id_attr().filter(|id| is_css_ident(id));
            let (anchor, step) = match id {
                Some(id) => (None, format!("{name}#{id}")),
                None => {
                    let same = names.iter().filter(|n| *n == name).count();
                    if same > 1 {
                        let nth = names[..=k].iter().filter(|n| *n == name).count();
                        (parent, format!("{name}:nth-of-type({nth})"))
                    } else {
                        (parent, name.clone())
                    }
                }
            };
            let index = paths.steps.len();
            paths.steps.push((anchor, step));
            paths.parents.push(parent);
            child.set_attr(PATH_ATTR, &index.to_string());
            stack.push((*child, Some(index)));
        }
    }
    paths
}

fn is_css_ident(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Removes boilerplate elements from `doc`, except those holding most of its paragraph text.
pub(crate) fn remove_boilerplate(doc: &Document) {
    let total = prose_chars(&doc.root());
    let mut doomed = Vec::new();
    for node in doc.root().descendants_it() {
        if !node.is_element() {
            continue;
        }
        let name = node.node_name().map(|n| n.to_lowercase()).unwrap_or_default();
        if DROP_TAGS.contains(&name.as_str()) {
            doomed.push(node);
            continue;
        }
        if (MAYBE_DROP_TAGS.contains(&name.as_str()) || is_hidden(&node) || has_boilerplate_name(&node))
            && !holds_the_article(&node, total)
        {
            doomed.push(node);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

fn is_hidden(node: &NodeRef<'_>) -> bool {
    node.has_attr("hidden")
        || node.attr("aria-hidden").is_some_and(|v| v.as_ref() == "true")
        || node.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
        || node
            .attr("role")
            .is_some_and(|r| matches!(r.as_ref(), "navigation" | "complementary" | "banner" | "contentinfo"))
}

fn has_boilerplate_name(node: &NodeRef<'_>) -> bool {
    let mut names = String::new();
    if let Some(c) = node.class() {
        names.push_str(&c);
    }
    if let Some(id) = node.id_attr() {
        names.push(' ');
        names.push_str(&id);
    }
    if names.is_empty() {
        return false;
    }
    let lower = names.to_lowercase();
    lower.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| DROP_WORDS.contains(&w))
        || DROP_SUBSTRINGS.iter().any(|s| lower.contains(s))
}

/// True when `node` holds a large share of the page's prose (text outside links, scripts and
/// styles): removing it would remove the article.
fn holds_the_article(node: &NodeRef<'_>, total: usize) -> bool {
    total > 0 && prose_chars(node) * 100 >= total * ARTICLE_SHARE
}

/// An element with at least this percentage of the page's prose is never removed.
const ARTICLE_SHARE: usize = 30;

/// Non-space characters of text under `node`, outside links, scripts and styles.
fn prose_chars(node: &NodeRef<'_>) -> usize {
    let mut count = 0;
    let mut stack = vec![*node];
    while let Some(n) = stack.pop() {
        if n.is_text() {
            count += n.text().chars().filter(|c| !c.is_whitespace()).count();
        } else if n.is_element() || n.is_document() {
            let skip = n.node_name().is_some_and(|t| {
                matches!(t.to_lowercase().as_str(), "a" | "script" | "style" | "noscript" | "template")
            });
            if !skip {
                stack.extend(n.children_it(false));
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_of(html: &str, selector: &str) -> String {
        let doc = Document::from(html);
        let paths = annotate(&doc);
        let sel = doc.select(selector);
        let i: usize = sel.attr(PATH_ATTR).expect("annotated").parse().unwrap();
        paths.path(i)
    }

    #[test]
    fn paths_are_selectors_of_the_original() {
        let html =
            "<html><body><div id='story'><p>a</p><p class='x'>b</p></div><div><span>c</span></div></body></html>";
        let cases = vec![
            ("p.x", "div#story > p:nth-of-type(2)"),
            ("span", "html > body > div:nth-of-type(2) > span"),
            ("#story", "div#story"),
        ];
        for (selector, expected) in cases {
            let path = path_of(html, selector);
            assert_eq!(path, expected);
            let doc = Document::from(html);
            assert_eq!(doc.select(&path).length(), 1, "{path} selects one element");
        }
    }

    #[test]
    fn drops_boilerplate_but_not_the_article() {
        let body = "<p>Article text that is long enough to be the article body of this page.</p>".repeat(3);
        let html = format!(
            "<html><body><form id='aspnetForm'><nav>Home</nav><div class='article'>{body}\
             <div class='share-tools'>Share</div><div class='relatedArticles'>Other</div>\
             <p style='display: none'>hidden</p></div></form></body></html>"
        );
        let doc = Document::from(html.as_str());
        remove_boilerplate(&doc);
        let text = doc.select("body").text().to_string();
        assert!(text.contains("Article text"));
        for gone in ["Home", "Share", "Other", "hidden"] {
            assert!(!text.contains(gone), "{gone} should be removed from {text:?}");
        }
    }
}
