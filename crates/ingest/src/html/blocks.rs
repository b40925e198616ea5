//! The extracted content, as paragraphs: one per run of text between block boundaries.
//!
//! A paragraph is the text of a block element (`p`, `li`, `h2`, `blockquote`, ...) with its
//! whitespace collapsed, or a run of loose text between two blocks inside a `div`. Each keeps
//! the index of the nearest annotated element (see [`super::clean::annotate`]) so it can say
//! where in the original page it came from. The walk uses an explicit stack: pages nest deeply.

use dom_query::{Document, NodeRef};

use super::clean::PATH_ATTR;

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
    /// Index of the original element (see `clean::Paths`), if known.
    pub el: Option<usize>,
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
    owner: Option<(Option<usize>, String)>,
}

impl Builder {
    fn push_text(&mut self, s: &str, in_link: bool, owner: &(Option<usize>, String)) {
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
        if let Some((el, tag)) = self.owner.take() {
            let text = std::mem::take(&mut self.text);
            self.out.push(Block { text, el, tag, link_chars: self.link_chars, chars: self.chars });
        }
        self.text.clear();
        self.pending_space = false;
        self.link_chars = 0;
        self.chars = 0;
    }
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    Exit { block: bool, link: bool },
}

/// The paragraphs of `doc`, in document order.
pub(crate) fn blocks(doc: &Document) -> Vec<Block> {
    let mut b = Builder::default();
    let mut owners: Vec<(Option<usize>, String)> = vec![(None, "body".to_string())];
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
            let el = node.attr(PATH_ATTR).and_then(|v| v.parse().ok()).or_else(|| owners.last().and_then(|o| o.0));
            owners.push((el, tag));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<(String, String)> {
        blocks(&Document::from(html)).into_iter().map(|b| (b.tag, b.text)).collect()
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
        let b = blocks(&Document::from("<p>See <a href='/x'>this story</a></p>"));
        assert_eq!(b[0].chars, 12);
        assert_eq!(b[0].link_chars, 9);
        assert!((b[0].link_density() - 0.75).abs() < 1e-9);
    }

    #[test]
    fn keeps_the_annotated_owner() {
        let html = format!("<div {PATH_ATTR}='4'><p>wrapped</p><p {PATH_ATTR}='9'>own</p></div>");
        let b = blocks(&Document::from(html.as_str()));
        assert_eq!(b.iter().map(|b| b.el).collect::<Vec<_>>(), vec![Some(4), Some(9)]);
    }
}
