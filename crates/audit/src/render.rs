//! Renderers: plain text, Markdown and JSON. The JSON schema is documented in
//! docs/audit-schema.md; keep the two in step.

use std::fmt::Write;
use std::str::FromStr;

use nutgraf_text::{CharOffsets, Span};
use serde::Serialize;

use crate::{Audit, Kind};

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A verdict line, then each sentence with its support and flags.
    Text,
    /// A Markdown report with a table of sentences.
    Markdown,
    /// JSON (docs/audit-schema.md).
    Json,
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s.to_ascii_lowercase().as_str() {
            "text" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            _ => Err(format!("unknown format {s:?}: use text, markdown or json")),
        }
    }
}

/// Renders an audit of `summary` (the text the audit's summary spans point into).
pub fn render(audit: &Audit, summary: &str, format: Format) -> String {
    match format {
        Format::Text => text(audit),
        Format::Markdown => markdown(audit),
        Format::Json => json(audit, summary),
    }
}

fn verdict(a: &Audit) -> String {
    let word = if a.supported { "supported" } else { "NOT supported" };
    format!("{word}: score {:.2} (threshold {:.2})", a.score, a.threshold)
}

fn text(a: &Audit) -> String {
    let mut out = verdict(a) + "\n";
    for n in &a.notes {
        let _ = writeln!(out, "note: {n}");
    }
    for (i, s) in a.sentences.iter().enumerate() {
        let _ = writeln!(out, "\n{}. [{:.2}] {}", i + 1, s.support, s.text);
        for u in &s.unsupported {
            let _ = writeln!(out, "   - {} \"{}\": {}", u.kind.name(), u.text, u.why);
        }
        if let Some(e) = s.evidence.first() {
            let _ = writeln!(out, "   evidence: {} [{}, {}): {}", e.source, e.span.start, e.span.end, e.text);
        }
    }
    out
}

fn markdown(a: &Audit) -> String {
    let mut out = format!("**{}**\n\n", verdict(a));
    for n in &a.notes {
        let _ = writeln!(out, "> note: {n}\n");
    }
    out.push_str("| # | support | sentence | unsupported | evidence |\n|---|---|---|---|---|\n");
    for (i, s) in a.sentences.iter().enumerate() {
        let flags: Vec<String> = s
            .unsupported
            .iter()
            .map(|u| format!("**{}** `{}`: {}", u.kind.name(), cell(&u.text), cell(&u.why)))
            .collect();
        let ev = s
            .evidence
            .first()
            .map(|e| format!("{} [{}, {}): {}", cell(&e.source), e.span.start, e.span.end, cell(&e.text)));
        let _ = writeln!(
            out,
            "| {} | {:.2} | {} | {} | {} |",
            i + 1,
            s.support,
            cell(&s.text),
            if flags.is_empty() { "-".to_string() } else { flags.join("<br>") },
            ev.unwrap_or_else(|| "-".into())
        );
    }
    out
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

#[derive(Serialize)]
struct JsonAudit<'a> {
    score: f32,
    supported: bool,
    threshold: f32,
    sentences: Vec<JsonSentence<'a>>,
    notes: &'a [String],
}

#[derive(Serialize)]
struct JsonSentence<'a> {
    text: &'a str,
    span: Span,
    chars: [usize; 2],
    support: f32,
    evidence: Vec<JsonEvidence<'a>>,
    unsupported: Vec<JsonUnsupported<'a>>,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    source: &'a str,
    span: Span,
    text: &'a str,
    overlap: f32,
}

#[derive(Serialize)]
struct JsonUnsupported<'a> {
    kind: Kind,
    text: &'a str,
    span: Span,
    chars: [usize; 2],
    support: f32,
    why: &'a str,
}

fn round(v: f32) -> f32 {
    (v * 10_000.0).round() / 10_000.0
}

/// The JSON form: spans are bytes of the summary or source as given; `chars` are the same ranges
/// in Unicode scalar values of the summary.
fn json(a: &Audit, summary: &str) -> String {
    let mut chars = CharOffsets::new(summary);
    let sentences = a
        .sentences
        .iter()
        .map(|s| JsonSentence {
            text: &s.text,
            span: s.span,
            chars: chars.span(s.span),
            support: round(s.support),
            evidence: s
                .evidence
                .iter()
                .map(|e| JsonEvidence { source: &e.source, span: e.span, text: &e.text, overlap: round(e.overlap) })
                .collect(),
            unsupported: s
                .unsupported
                .iter()
                .map(|u| JsonUnsupported {
                    kind: u.kind,
                    text: &u.text,
                    span: u.span,
                    chars: chars.span(u.span),
                    support: round(u.support),
                    why: &u.why,
                })
                .collect(),
        })
        .collect();
    let j =
        JsonAudit { score: round(a.score), supported: a.supported, threshold: a.threshold, sentences, notes: &a.notes };
    // Plain structs of strings and numbers: serializing them cannot fail.
    serde_json::to_string_pretty(&j).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Auditor, Source};

    #[test]
    fn formats() {
        let src = "Ana Ruiz won the race on Monday.";
        let summary = "Ana Ruiz won the race on Friday.";
        let a = Auditor::new().audit(&[Source::new("a.txt", src)], summary).unwrap();
        let cases =
            vec![(Format::Text, "NOT supported"), (Format::Markdown, "| 1 |"), (Format::Json, "\"kind\": \"date\"")];
        for (f, want) in cases {
            let out = render(&a, summary, f);
            assert!(out.contains(want), "{f:?}: {out}");
        }
        assert!("yaml".parse::<Format>().is_err());
    }
}
