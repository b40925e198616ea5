//! Walking the summary: its paragraphs and sentences, the verbatim fast path, and the cuts that
//! tokenized or run-on text needs before each piece is checked (`score`).
//!
//! A paragraph copied whole from the sources (a brief is one) is reported one entry per source
//! sentence, found by covering it with whole source sentences: the segmenter may not find the
//! same boundaries again in the joined text (a heading without a full stop runs into the next
//! sentence). Every other sentence goes through the piece checks.

use nutgraf_text::{Document, Span};

use crate::index::{self, Index};
use crate::{pieces, score, words, Evidence, SentenceAudit, Source, Unsupported};

/// Audits every sentence of the summary; also returns the summary's copy rate (the share of its
/// consecutive word pairs that occur in the sources).
pub(crate) fn audit_sentences(ix: &Index, sources: &[Source<'_>], summary: &str) -> (Vec<SentenceAudit>, f32) {
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
