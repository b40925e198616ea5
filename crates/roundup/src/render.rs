//! Text, Markdown and JSON output of a roundup.
//!
//! Sources are numbered from 1 in every format (`[1][3]` citations, JSON `id`s); the library's
//! [`Brief`] uses 0-based indexes. JSON spans are byte ranges `[start, end)` into the text of
//! the source named by `source`; `docs/roundup-schema.md` describes every field.

use nutgraf_text::Span;
use serde::Serialize;

use crate::{Brief, Conflict, Headline};

/// `[1][3]` for 0-based source indexes `[0, 2]`.
pub fn cite(sources: &[usize]) -> String {
    sources.iter().map(|s| format!("[{}]", s + 1)).collect()
}

fn conflict_line(c: &Conflict) -> String {
    let versions: Vec<String> = c.versions.iter().map(|v| format!("{} {}", v.shown, cite(&v.sources))).collect();
    format!("Sources differ on {}: {}.", c.label, versions.join("; "))
}

fn source_line(b: &Brief, i: usize) -> String {
    let a = &b.articles[i];
    let title = b.titles.get(i).cloned().flatten();
    let mut parts = vec![title.clone().unwrap_or_else(|| a.display_name(i))];
    parts.extend(a.name.clone().filter(|_| title.is_some()));
    parts.extend(a.date.clone());
    format!("[{}] {}", i + 1, parts.join(", "))
}

/// The brief as plain text: headline, one paragraph with citations, conflicts, sources.
pub fn text(b: &Brief) -> String {
    let mut out = String::new();
    if let Some(h) = &b.headline {
        out.push_str(&format!("{}\n\n", h.text));
    }
    if b.single_source {
        out.push_str("(Only one source could be used: this is a single-article brief.)\n\n");
    }
    let body: Vec<String> =
        (0..b.sentences.len()).map(|k| format!("{} {}", b.shown(k), cite(&b.sentences[k].sources))).collect();
    out.push_str(&body.join(" "));
    out.push('\n');
    if !b.conflicts.is_empty() {
        out.push('\n');
        for c in &b.conflicts {
            out.push_str(&conflict_line(c));
            out.push('\n');
        }
    }
    out.push('\n');
    for i in 0..b.articles.len() {
        if !b.skipped.iter().any(|s| s.source == i) {
            out.push_str(&source_line(b, i));
            out.push('\n');
        }
    }
    for s in &b.skipped {
        out.push_str(&format!("[{}] left out: {}\n", s.source + 1, s.reason));
    }
    out
}

/// The brief as Markdown: headline, brief, where sources differ, sources.
pub fn markdown(b: &Brief) -> String {
    let mut out = String::new();
    if let Some(h) = &b.headline {
        out.push_str(&format!("# {}\n\n", h.text));
    }
    if b.single_source {
        out.push_str("*Only one source could be used: this is a single-article brief.*\n\n");
    }
    for k in 0..b.sentences.len() {
        out.push_str(&format!("- {} {}\n", b.shown(k), cite(&b.sentences[k].sources)));
    }
    if !b.conflicts.is_empty() {
        out.push_str("\n## Where sources differ\n\n");
        for c in &b.conflicts {
            out.push_str(&format!("- {}\n", conflict_line(c)));
        }
    }
    out.push_str("\n## Sources\n\n");
    for i in 0..b.articles.len() {
        match b.skipped.iter().find(|s| s.source == i) {
            Some(s) => out.push_str(&format!("- [{}] left out: {}\n", i + 1, s.reason)),
            None => out.push_str(&format!("- {}\n", source_line(b, i))),
        }
    }
    out
}

/// One sentence of the JSON brief.
#[derive(Debug, Serialize)]
pub struct JsonSentence<'a> {
    /// The verbatim source text, `sources[source].text[span]`.
    pub text: &'a str,
    /// The 1-based id of the source it is taken from.
    pub source: usize,
    /// Byte range in that source's text.
    pub span: Span,
    /// Ids of every source that reports the same fact.
    pub sources: Vec<usize>,
    /// The generated lead-in for single-source claims, not part of `text`.
    pub lead_in: Option<&'a str>,
    /// The speaker of its quote or statement.
    pub speaker: Option<&'a str>,
    /// `reported`, `attributed` or `quote`.
    pub role: nutgraf_analyze::Role,
}

/// One source of the JSON brief.
#[derive(Debug, Serialize)]
pub struct JsonSource<'a> {
    /// 1-based id, as cited.
    pub id: usize,
    /// Headline, when known.
    pub title: Option<&'a str>,
    /// Host name or file name.
    pub host: Option<&'a str>,
    /// Publication date, when known.
    pub date: Option<&'a str>,
    /// Address, when fetched.
    pub url: Option<&'a str>,
    /// Why it was left out, if it was.
    pub skipped: Option<&'a str>,
    /// The article text every span of this source points into (for pages, the extracted text).
    pub text: &'a str,
}

/// The JSON form of a roundup (`docs/roundup-schema.md`).
#[derive(Debug, Serialize)]
pub struct JsonRoundup<'a> {
    /// The chosen headline (`source` is a 1-based id).
    pub headline: Option<Headline>,
    /// True when only one source was usable.
    pub single_source: bool,
    /// The brief's sentences.
    pub sentences: Vec<JsonSentence<'a>>,
    /// Different numbers or dates for the same fact (`source`, `sources` are 1-based ids).
    pub conflicts: Vec<Conflict>,
    /// Every source given, in order.
    pub sources: Vec<JsonSource<'a>>,
    /// Words of the brief, lead-ins included.
    pub words: usize,
}

impl<'a> JsonRoundup<'a> {
    /// The JSON view of `b`.
    pub fn new(b: &'a Brief<'a>) -> JsonRoundup<'a> {
        let one = |s: &[usize]| s.iter().map(|i| i + 1).collect::<Vec<_>>();
        let sentences = b
            .sentences
            .iter()
            .enumerate()
            .map(|(k, it)| JsonSentence {
                text: b.text(k),
                source: it.source + 1,
                span: it.span,
                sources: one(&it.sources),
                lead_in: it.lead_in.as_deref(),
                speaker: it.speaker.as_deref(),
                role: it.role,
            })
            .collect();
        let mut conflicts = b.conflicts.clone();
        for v in conflicts.iter_mut().flat_map(|c| c.versions.iter_mut()) {
            v.source += 1;
            v.sources = one(&v.sources);
        }
        let sources = b
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| JsonSource {
                id: i + 1,
                title: b.titles.get(i).and_then(|t| t.as_deref()),
                host: a.name.as_deref(),
                date: a.date.as_deref(),
                url: a.url.as_deref(),
                skipped: b.skipped.iter().find(|s| s.source == i).map(|s| s.reason.as_str()),
                text: &a.text,
            })
            .collect();
        let headline = b.headline.clone().map(|h| Headline { source: h.source + 1, ..h });
        JsonRoundup { headline, single_source: b.single_source, sentences, conflicts, sources, words: b.words() }
    }
}

/// The brief as pretty JSON with a final newline.
pub fn json(b: &Brief) -> String {
    serde_json::to_string_pretty(&JsonRoundup::new(b)).expect("a roundup always serializes") + "\n"
}
