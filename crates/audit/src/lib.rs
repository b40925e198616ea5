/*!
The audit stage of nutgraf: checks any summary against its sources, sentence by sentence, and
points at what is unsupported.

# Brief overview

[`Auditor::audit`] takes sources and a summary (an LLM's, a colleague's, nutgraf's own) and
returns an [`Audit`]: a summary-level `score` in 0..1, `supported` (the score at the threshold),
and for every summary sentence its `support`, its `evidence` (the source sentences that back it,
with exact spans into the source as given) and the `unsupported` pieces, each with its [`Kind`]:
a name, a number or amount, a date, quoted words no source has, a quote or statement given to
another speaker, a negation flip, or content words no source has.

No model is needed: sentences are aligned to source sentences with BM25 (`align`), pieces are
found by word rules and the sources' own capitalization (`pieces`, `words`), and each piece must
sit in a source sentence that backs the rest of its summary sentence (`score`). A summary
sentence copied word for word from whole source sentences is supported outright, so nutgraf's
own extractive briefs always audit as fully supported.

The crate knows nothing about summarization; it depends only on the text stage.

# Example

```
use nutgraf_audit::{Auditor, Kind, Source};

let article = "The Riverside council approved a $4.2 million budget on Tuesday. \
               \"This plan keeps every library open,\" Mayor Ana Ruiz said.";
let sources = [Source::new("article", article)];
let auditor = Auditor::new();

let good = auditor.audit(&sources, "The council approved a $4.2 million budget on Tuesday.").unwrap();
assert!(good.supported);

let bad = auditor.audit(&sources, "The council approved a $6.5 million budget on Tuesday.").unwrap();
assert!(!bad.supported);
let flag = &bad.sentences[0].unsupported[0];
assert_eq!((flag.kind, flag.text.as_str()), (Kind::Number, "6.5 million"));
```
*/

#![deny(missing_docs)]

mod align;
mod error;
mod index;
mod lexicon;
mod negation;
mod pieces;
pub mod render;
mod score;
mod slot;
mod speaker;
mod summary;
mod words;

use nutgraf_text::{Document, Span};
use serde::Serialize;

pub use error::Error;
pub use pieces::Kind;

use index::Index;

/// The default threshold on the summary score, chosen on the faith-dev split (see BENCHMARKS.md).
pub const DEFAULT_THRESHOLD: f32 = 0.585;
/// The default limit on the number of sources.
pub const MAX_SOURCES: usize = 10_000;
/// The default limit on the bytes of all sources and the summary together: 64 MiB.
pub const DEFAULT_MAX_BYTES: usize = 64 << 20;

/// One source text and the id reports name it by.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// The id (a file name, a URL, a number).
    pub id: &'a str,
    /// The text as given; evidence spans are byte ranges of it.
    pub text: &'a str,
}

impl<'a> Source<'a> {
    /// A source with an id.
    pub fn new(id: &'a str, text: &'a str) -> Source<'a> {
        Source { id, text }
    }
}

/// The audit of a summary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Audit {
    /// Summary-level support, 0..1. The mean of the weakest sentence support and the weakest
    /// best-evidence overlap (times the sentence's piece factors), raised to a power between 0.15 and 1 that grows with the summary's
    /// copy rate (the share of its consecutive word pairs found in the sources): a summary in
    /// its own words cannot show as much word overlap as a copied one, and is not expected to.
    /// A summary copied from its sources scores 1.
    pub score: f32,
    /// True when `score >= threshold`.
    pub supported: bool,
    /// The threshold used.
    pub threshold: f32,
    /// One entry per summary sentence, in order.
    pub sentences: Vec<SentenceAudit>,
    /// Warnings about the input (a summary longer than its sources, sources that do not look
    /// like English).
    pub notes: Vec<String>,
}

/// The audit of one summary sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SentenceAudit {
    /// The sentence, exactly as in the summary (`summary[span]`).
    pub text: String,
    /// Byte span in the summary.
    pub span: Span,
    /// Support, 0..1.
    pub support: f32,
    /// The source sentences that back it best, best first.
    pub evidence: Vec<Evidence>,
    /// Its unsupported pieces, in order.
    pub unsupported: Vec<Unsupported>,
    /// The product of its piece factors (1: every name, number, date, quote, speaker and
    /// negation is supported, and every content word is in the sources; each content word no
    /// source has counts 0.9).
    #[serde(skip)]
    pub(crate) pieces: f32,
}

/// A source sentence that backs a summary sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    /// The source's id.
    pub source: String,
    /// Byte span in that source's text.
    pub span: Span,
    /// The source sentence (`source[span]`).
    pub text: String,
    /// IDF-weighted share of the summary sentence's content words it has, 0..1.
    pub overlap: f32,
}

/// An unsupported piece of a summary sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unsupported {
    /// What kind of piece.
    pub kind: Kind,
    /// The piece, exactly as in the summary (`summary[span]`).
    pub text: String,
    /// Byte span in the summary.
    pub span: Span,
    /// Its support, 0..1 (0: no source has it).
    pub support: f32,
    /// Why it is unsupported.
    pub why: String,
}

/// Audits summaries against sources. Cheap to create, `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Auditor {
    threshold: f32,
    max_bytes: usize,
    max_sources: usize,
}

impl Default for Auditor {
    fn default() -> Self {
        Auditor::new()
    }
}

impl Auditor {
    /// An auditor with the default threshold and limits.
    pub fn new() -> Auditor {
        Auditor { threshold: DEFAULT_THRESHOLD, max_bytes: DEFAULT_MAX_BYTES, max_sources: MAX_SOURCES }
    }

    /// Sets the threshold on the summary score (0..=1).
    pub fn with_threshold(mut self, threshold: f32) -> Result<Auditor, Error> {
        if !(0.0..=1.0).contains(&threshold) {
            return Err(Error::InvalidThreshold(threshold));
        }
        self.threshold = threshold;
        Ok(self)
    }

    /// Sets the limit on the bytes of all sources and the summary together.
    pub fn with_max_bytes(mut self, max_bytes: usize) -> Auditor {
        self.max_bytes = max_bytes;
        self
    }

    /// The threshold in force.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// Audits `summary` against `sources`.
    pub fn audit(&self, sources: &[Source<'_>], summary: &str) -> Result<Audit, Error> {
        if sources.is_empty() {
            return Err(Error::NoSources);
        }
        if sources.len() > self.max_sources {
            return Err(Error::TooManySources { count: sources.len(), limit: self.max_sources });
        }
        let size = sources.iter().map(|s| s.text.len()).sum::<usize>() + summary.len();
        if size > self.max_bytes {
            return Err(Error::TooLarge { size, limit: self.max_bytes });
        }
        if !has_word(summary) {
            return Err(Error::EmptySummary);
        }
        if let Some(s) = sources.iter().find(|s| !has_word(s.text)) {
            return Err(Error::EmptySource { id: s.id.to_string() });
        }
        let docs: Vec<Document<'_>> = sources.iter().map(|s| Document::new(s.text)).collect();
        let ix = Index::new(&docs);
        let (sentences, copy) = summary::audit_sentences(&ix, sources, summary);
        let score = summary_score(&sentences, copy);
        let notes = notes(&ix, summary);
        Ok(Audit { score, supported: score >= self.threshold, threshold: self.threshold, sentences, notes })
    }
}

fn has_word(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// The summary score from its sentences and its copy rate (see [`Audit::score`]).
fn summary_score(sentences: &[SentenceAudit], copy: f32) -> f32 {
    let support = sentences.iter().map(|s| s.support).fold(1.0, f32::min);
    // Evidence with an unsupported piece in it backs nothing: the overlap counts at the pieces' factor.
    let overlap =
        sentences.iter().map(|s| s.pieces * s.evidence.first().map_or(0.0, |e| e.overlap)).fold(1.0, f32::min);
    let base = (0.5 * support + 0.5 * overlap).clamp(0.0, 1.0);
    let score = base.powf(PARAPHRASE_FLOOR + (1.0 - PARAPHRASE_FLOOR) * copy.clamp(0.0, 1.0));
    if score > 0.0 {
        score
    } else {
        0.0
    }
}

/// The exponent the summary score takes for a summary that copies no word pair from its sources.
const PARAPHRASE_FLOOR: f32 = 0.15;

/// Warnings about the input: a summary longer than its sources, text that does not look like
/// English (fewer than one word in eight a stop word, over at least 20 words).
fn notes(ix: &Index, summary: &str) -> Vec<String> {
    let mut out = Vec::new();
    let source_words = ix.words.len();
    let (mut summary_words, mut summary_stops) = (0usize, 0usize);
    for w in nutgraf_text::words(summary, Span::new(0, summary.len())) {
        if summary_words < 5000 {
            summary_stops += nutgraf_text::is_stop_word(&summary[w].to_lowercase()) as usize;
        }
        summary_words += 1;
    }
    let (summary_words_checked, summary_stops) = (summary_words.min(5000), summary_stops);
    if summary_words > source_words {
        out.push(format!(
            "the summary has more words ({summary_words}) than its sources ({source_words}): much of it cannot come from them"
        ));
    }
    let foreign = |n: usize, stops: usize| n >= 20 && (stops as f32) < 0.12 * n as f32;
    let source_stops = ix.words.iter().filter(|w| w.term.is_none()).count();
    if foreign(source_words, source_stops) || foreign(summary_words_checked, summary_stops) {
        out.push("the text does not look like English: the checks assume English and may flag too much".into());
    }
    out
}
