//! The extracted content, as paragraphs: one per run of text between block boundaries.
//!
//! A paragraph is the text of a block element (`p`, `li`, `h2`, `blockquote`, ...) with its
//! whitespace collapsed, or a run of loose text between two blocks inside a `div`. Each keeps
//! the index of the nearest annotated element (see [`super::clean::annotate`]) so it can say
//! where in the original page it came from. The walk uses an explicit stack: pages nest deeply.

use dom_query::{Document, NodeRef};

use super::clean::{Paths, PATH_ATTR};

/// Tags that start and end a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "body",
    "html",
];

/// Tags whose text is never shown as prose.
const SKIP_TAGS: &[&str] = &["script", "style", "noscript", "template", "button", "select", "option", "textarea"];

/// One paragraph of the extracted content.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Block {
    /// The text, whitespace collapsed to single spaces, trimmed.
    pub text: String,
    /// Index of the original element (see `clean::Paths`) the text came from or, when `exact`
    /// is false, of an element it sits somewhere inside.
    pub el: Option<usize>,
    /// True when `el` is the paragraph's own element.
    pub exact: bool,
    /// The (lowercase) tag of the block element the text sits in.
    pub tag: String,
    /// Characters (not spaces) of the text that sit inside links.
    pub link_chars: usize,
    /// Characters (not spaces) of the text.
    pub chars: usize,
}

impl Block {
    /// True for `h1`..`h6`.
    pub fn is_heading(&self) -> bool {
        matches!(self.tag.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
    }

    /// Share of the text inside links, in [0, 1].
    pub fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }

    /// Words, split on spaces.
    pub fn words(&self) -> usize {
        self.text.split(' ').filter(|w| !w.is_empty()).count()
    }
}

#[derive(Default)]
struct Builder {
    out: Vec<Block>,
    text: String,
    pending_space: bool,
    link_chars: usize,
    chars: usize,
    owner: Option<Owner>,
}

impl Builder {
    fn push_text(&mut self, s: &str, in_link: bool, owner: &Owner) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.text.is_empty() {
                self.owner = Some(owner.clone());
            } else if self.pending_space {
                self.text.push(' ');
            }
            self.pending_space = false;
            self.text.push(c);
            self.chars += 1;
            if in_link {
                self.link_chars += 1;
            }
        }
    }

    fn flush(&mut self) {
        if let Some(Owner { el, exact, tag }) = self.owner.take() {
            let text = std::mem::take(&mut self.text);
            self.out.push(Block { text, el, exact, tag, link_chars: self.link_chars, chars: self.chars });
        }
        self.text.clear();
        self.pending_space = false;
        self.link_chars = 0;
        self.chars = 0;
    }
}

/// The block element that text belongs to.
#[derive(Clone, Debug)]
struct Owner {
    el: Option<usize>,
    exact: bool,
    tag: String,
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    Exit { block: bool, link: bool },
}

/// The paragraphs of `doc`, in document order. `paths` are those of the page `doc` was
/// extracted from.
pub(crate) fn blocks(doc: &Document, paths: &Paths) -> Vec<Block> {
    let mut b = Builder::default();
    let mut owners = vec![Owner { el: None, exact: false, tag: "body".to_string() }];
    let mut links = 0usize;
    let mut stack = vec![Step::Enter(doc.root())];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Exit { block, link } => {
                if block {
                    b.flush();
                    owners.pop();
                }
                if link {
                    links -= 1;
                }
                continue;
            }
            Step::Enter(node) => node,
        };
        if node.is_text() {
            let owner = owners.last().expect("the root owner is never popped").clone();
            b.push_text(&node.text(), links > 0, &owner);
            continue;
        }
        if !(node.is_element() || node.is_document() || node.is_fragment()) {
            continue;
        }
        let tag = node.node_name().map(|n| n.to_lowercase()).unwrap_or_default();
        if SKIP_TAGS.contains(&tag.as_str()) {
            continue;
        }
        if tag == "br" {
            b.pending_space = true;
            continue;
        }
        let block = BLOCK_TAGS.contains(&tag.as_str());
        let link = tag == "a";
        if block {
            b.flush();
            owners.push(owner(&node, paths, owners.last().and_then(|o| o.el), tag));
        }
        if link {
            links += 1;
        }
        stack.push(Step::Exit { block, link });
        for child in node.children_it(true) {
            stack.push(Step::Enter(child));
        }
    }
    b.flush();
    b.out
}

fn index(node: &NodeRef<'_>) -> Option<usize> {
    node.attr(PATH_ATTR).and_then(|v| v.parse().ok())
}

/// The original element of a block: its own, or, for a paragraph the extractor made around
/// moved children (Readability wraps a `div`'s loose content in a new `p`), the parent of its
/// first annotated child; failing both, the enclosing block's, marked inexact.
fn owner(node: &NodeRef<'_>, paths: &Paths, enclosing: Option<usize>, tag: String) -> Owner {
    if let Some(el) = index(node) {
        return Owner { el: Some(el), exact: true, tag };
    }
    let moved = node.element_children().iter().find_map(index).and_then(|child| paths.parent(child));
    match moved {
        Some(el) => Owner { el: Some(el), exact: true, tag },
        None => Owner { el: enclosing, exact: false, tag },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<(String, String)> {
        blocks(&Document::from(html), &Paths::default()).into_iter().map(|b| (b.tag, b.text)).collect()
    }

    #[test]
    fn splits_at_blocks_and_collapses_space() {
        let cases = vec![
            ("<p>One\n  two</p><p>three</p>", vec![("p", "One two"), ("p", "three")]),
            (
                "<div>loose <b>bold</b><p>inner</p>tail</div>",
                vec![("div", "loose bold"), ("p", "inner"), ("div", "tail")],
            ),
            ("<ul><li>a</li><li>b<br>c</li></ul>", vec![("li", "a"), ("li", "b c")]),
            ("<p>x<script>var y;</script></p><h2>Head</h2>", vec![("p", "x"), ("h2", "Head")]),
            ("<p> \u{a0} </p>", vec![]),
        ];
        for (html, expected) in cases {
            let expected: Vec<(String, String)> = expected.into_iter().map(|(a, b)| (a.into(), b.into())).collect();
            assert_eq!(texts(html), expected, "{html}");
        }
    }

    #[test]
    fn counts_link_text() {
        let b = blocks(&Document::from("<p>See <a href='/x'>this story</a></p>"), &Paths::default());
        assert_eq!(b[0].chars, 12);
        assert_eq!(b[0].link_chars, 9);
        assert!((b[0].link_density() - 0.75).abs() < 1e-9);
    }

    #[test]
    fn keeps_the_annotated_owner() {
        let original = Document::from("<div><div><b>moved</b> text</div><p>own</p><p>loose</p></div>");
        let paths = super::super::clean::annotate(&original);
        let idx = |sel: &str| original.select(sel).attr(PATH_ATTR).expect("annotated").to_string();
        let (outer, bold, own) = (idx("body > div"), idx("b"), idx("body > div > p:nth-of-type(1)"));
        // As Readability leaves it: the inner div replaced by a new p around its children.
        let html = format!(
            "<div {PATH_ATTR}='{outer}'><p><b {PATH_ATTR}='{bold}'>moved</b> text</p><p {PATH_ATTR}='{own}'>own</p><p>loose</p></div>"
        );
        let b = blocks(&Document::from(html.as_str()), &paths);
        let got: Vec<(Option<String>, bool)> = b.iter().map(|b| (b.el.map(|i| paths.path(i)), b.exact)).collect();
        let path = |s: &str| Some(s.to_string());
        let expected = vec![
            (path("html > body > div > div"), true),
            (path("html > body > div > p:nth-of-type(1)"), true),
            (path("html > body > div"), false),
        ];
        assert_eq!(got, expected);
    }
}
