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
mod speaker;
mod words;

use nutgraf_text::{Document, Span};
use serde::Serialize;

pub use error::Error;
pub use pieces::Kind;

use index::Index;

/// The default threshold on the summary score, chosen on the faith-dev split (see BENCHMARKS.md).
pub const DEFAULT_THRESHOLD: f32 = 0.65;
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
    /// negation is supported).
    #[serde(skip)]
    pieces: f32,
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
        let (sentences, copy) = audit_sentences(&ix, sources, summary);
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

/// Audits every sentence of the summary; also returns the summary's copy rate (the share of its
/// consecutive word pairs that occur in the sources).
fn audit_sentences(ix: &Index, sources: &[Source<'_>], summary: &str) -> (Vec<SentenceAudit>, f32) {
    let prepped = pieces::prep_quotes(summary);
    let doc = Document::new(&prepped);
    let norm = doc.text.normalized();
    let mut out = Vec::new();
    let mut words = Vec::new();
    let (mut pairs, mut copied) = (0usize, 0usize);
    let evidence = |s: u32, overlap: f32| {
        let sent = &ix.sents[s as usize];
        let src = &sources[sent.source as usize];
        Evidence { source: src.id.to_string(), span: sent.span, text: src.text[sent.span].to_string(), overlap }
    };
    let mut copied_paragraph = None;
    for (i, s) in doc.sentences.iter().enumerate() {
        // A paragraph copied whole (a brief is one) is cut at the source's sentence boundaries,
        // which the segmenter may not find again in the joined text.
        if copied_paragraph != Some(s.paragraph) {
            let para = doc.paragraphs[s.paragraph].norm;
            if let Some(runs) = verbatim(ix, &norm[para]) {
                copied_paragraph = Some(s.paragraph);
                for (id, at) in runs {
                    let at = doc.text.to_original(at.shift(para.start));
                    let n = nutgraf_text::words(summary, at).count().saturating_sub(1);
                    pairs += n;
                    copied += n;
                    out.push(SentenceAudit {
                        text: summary[at].to_string(),
                        span: at,
                        support: 1.0,
                        evidence: vec![evidence(id, 1.0)],
                        unsupported: Vec::new(),
                        pieces: 1.0,
                    });
                }
            }
        }
        if copied_paragraph == Some(s.paragraph) {
            continue;
        }
        if let Some(runs) = verbatim(ix, doc.sentence_norm(i)) {
            let n = nutgraf_text::words(norm, s.norm).count().saturating_sub(1);
            pairs += n;
            copied += n;
            out.push(SentenceAudit {
                text: summary[s.span].to_string(),
                span: s.span,
                support: 1.0,
                evidence: runs.into_iter().map(|(id, _)| evidence(id, 1.0)).collect(),
                unsupported: Vec::new(),
                pieces: 1.0,
            });
            continue;
        }
        for part in split_tokenized(norm, s.norm).into_iter().flat_map(|p| chunks(norm, p)) {
            words::scan(norm, part, &mut words);
            if words.is_empty() {
                continue;
            }
            for w in words.windows(2) {
                pairs += 1;
                let pair = ix.keys.get(&w[0].key).zip(ix.keys.get(&w[1].key));
                copied += pair.is_some_and(|p| ix.bigrams.contains(&p)) as usize;
            }
            let quotes = words::quoted_ranges(norm, part);
            let c = score::check(ix, norm, &words, &quotes);
            let span = doc.text.to_original(part);
            let unsupported = c
                .flags
                .iter()
                .map(|f| {
                    let at = Span::new(words[f.words.start].span.start, words[f.words.end - 1].span.end);
                    let at = doc.text.to_original(at);
                    Unsupported {
                        kind: f.kind,
                        text: summary[at].to_string(),
                        span: at,
                        support: f.support,
                        why: f.why.clone(),
                    }
                })
                .collect();
            out.push(SentenceAudit {
                text: summary[span].to_string(),
                span,
                support: c.support,
                evidence: c.evidence.iter().map(|&(s, o)| evidence(s, o)).collect(),
                unsupported,
                pieces: c.pieces,
            });
        }
    }
    (out, if pairs == 0 { 1.0 } else { copied as f32 / pairs as f32 })
}

/// The source sentences that a summary sentence copies word for word, if it is a run of whole
/// source sentences joined by spaces. (A brief joins its sentences with one space, and the
/// segmenter may then read a heading and the sentence after it as one sentence.)
fn verbatim(ix: &Index, text: &str) -> Option<Vec<(u32, Span)>> {
    if let Some(&id) = ix.verbatim.get(text) {
        return Some(vec![(id, Span::new(0, text.len()))]);
    }
    if !ix.starts.contains(index::head(text)) {
        return None;
    }
    let b = text.as_bytes();
    let mut ends: Vec<usize> = (1..b.len()).filter(|&i| b[i] == b' ' && b[i - 1] != b' ').collect();
    ends.push(b.len());
    // reach[k]: the ids covering text[..ends[k]], if it can be covered. Only reachable starts are
    // tried, and only pieces no longer than the longest source sentence, so the work stays
    // linear in the summary's length.
    let mut reach: Vec<Option<Vec<(u32, Span)>>> = vec![None; ends.len()];
    let mut reachable: Vec<usize> = Vec::new();
    for k in 0..ends.len() {
        // Nearest start first; every start after it is farther back.
        let starts = reachable.iter().rev().map(|&j| Some(j)).chain(std::iter::once(None));
        for j in starts {
            let start = j.map_or(0, |j| ends[j]);
            if ends[k] - start > ix.longest + 2 {
                break;
            }
            let at = nutgraf_text::trim(text, Span::new(start, ends[k]));
            let piece = &text[at.range()];
            if !ix.starts.contains(index::head(piece)) {
                continue;
            }
            if let Some(&id) = ix.verbatim.get(piece) {
                let before = j.and_then(|j| reach[j].clone()).unwrap_or_default();
                reach[k] = Some([before, vec![(id, at)]].concat());
                reachable.push(k);
                break;
            }
        }
    }
    reach.pop().flatten()
}

/// Splits a sentence of tokenized text ("... on monday night . the eagles ...") at its
/// free-standing full stops, which the segmenter keeps together before a lowercase word.
fn split_tokenized(norm: &str, span: Span) -> Vec<Span> {
    let text = &norm[span];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(" . ") {
        let end = i + 2;
        if text[start..end].chars().any(char::is_alphanumeric) {
            out.push(Span::new(span.start + start, span.start + end));
            start = end + 1;
        }
    }
    if text[start..].chars().any(char::is_alphanumeric) {
        out.push(Span::new(span.start + start, span.end));
    } else if let Some(last) = out.last_mut() {
        last.end = span.end;
    }
    out
}

/// Most words checked as one sentence: a longer run without a full stop (a list, a transcript, a
/// lowercased dump) is checked in pieces of this many words, which keeps the work per sentence
/// bounded.
const MAX_SENTENCE_WORDS: usize = 120;

/// Cuts `span` of `norm` before every [`MAX_SENTENCE_WORDS`]th word.
fn chunks(norm: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    for (i, w) in nutgraf_text::words(norm, span).enumerate() {
        if i > 0 && i % MAX_SENTENCE_WORDS == 0 {
            out.push(nutgraf_text::trim(norm, Span::new(start, w.start)));
            start = w.start;
        }
    }
    out.push(Span::new(start, span.end));
    out
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenized_splits() {
        let cases = vec![
            ("a b . c d . e", vec!["a b .", "c d .", "e"]),
            ("a b .", vec!["a b ."]),
            ("No split here. Fine.", vec!["No split here. Fine."]),
        ];
        for (s, want) in cases {
            let got: Vec<&str> = split_tokenized(s, Span::new(0, s.len())).into_iter().map(|sp| &s[sp]).collect();
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn verbatim_runs() {
        let docs = vec![Document::new("One fact here. Two facts there! \"A quote,\" she said.")];
        let ix = Index::new(&docs);
        let cases = vec![
            ("Two facts there!", Some(vec![1])),
            ("One fact here. \"A quote,\" she said.", Some(vec![0, 2])),
            ("One fact here.  Two facts there!", Some(vec![0, 1])),
            ("One fact here. Two facts.", None),
        ];
        for (s, want) in cases {
            let got = verbatim(&ix, s);
            assert_eq!(got.as_ref().map(|r| r.iter().map(|x| x.0).collect::<Vec<_>>()), want, "{s}");
            if let Some(runs) = got {
                assert!(runs.iter().all(|(id, at)| s[at.range()] == *docs[0].sentence_norm(*id as usize)));
            }
        }
    }
}
