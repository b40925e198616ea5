//! Output views of an [`Extraction`]: a serializable JSON view with source text and char offsets
//! next to every byte span, and Markdown sections ("Key quotes", "Timeline").
//!
//! Char offsets are computed here, at the output boundary (STYLE rule 5). The JSON schema is in
//! `docs/extract-schema.md`; keep the two in step. The views live in this crate so that `nutgraf
//! extract` and the summarizer's renderers show the same fields.

use nutgraf_text::{CharOffsets, Span};
use serde::Serialize;

use super::{EntityKind, EventKind, Extraction, Via};

/// A span with its source text and char offsets.
#[derive(Clone, Debug, Serialize)]
pub struct JsonSpan<'a> {
    /// Exact source text (`input[span]`).
    pub text: &'a str,
    /// Byte offsets `[start, end)`.
    pub span: Span,
    /// Unicode scalar offsets `[start, end)`.
    pub chars: [usize; 2],
}

/// A quote.
#[derive(Debug, Serialize)]
pub struct JsonQuote<'a> {
    /// The quoted words.
    pub text: &'a str,
    /// Byte offsets of the quoted words.
    pub span: Span,
    /// Char offsets.
    pub chars: [usize; 2],
    /// Sentence index where the quote starts.
    pub sentence: usize,
    /// False when the quote has no closing mark (it ends at its paragraph's end).
    pub closed: bool,
    /// Number of paragraphs the quote covers.
    pub paragraphs: usize,
    /// Speaker name (entity name, or the description as written); null when unattributed.
    pub speaker: Option<&'a str>,
    /// The speaker's mention in the attribution (name, pronoun or description).
    pub speaker_span: Option<JsonSpan<'a>>,
    /// How the speaker was found: name, pronoun, description or previous.
    pub speaker_via: Option<Via>,
    /// The speaker's role or title as the text gives it.
    pub role: Option<&'a str>,
    /// ISO date the text ties to the statement.
    pub date: Option<&'a str>,
    /// The date expression.
    pub date_span: Option<JsonSpan<'a>>,
    /// Place or occasion phrase.
    pub place: Option<JsonSpan<'a>>,
    /// The reporting verb.
    pub cue: Option<JsonSpan<'a>>,
}

/// An attributed statement in indirect speech.
#[derive(Debug, Serialize)]
pub struct JsonStatement<'a> {
    /// What was said.
    pub text: &'a str,
    /// Byte offsets.
    pub span: Span,
    /// Char offsets.
    pub chars: [usize; 2],
    /// Sentence index.
    pub sentence: usize,
    /// Speaker name.
    pub speaker: &'a str,
    /// The speaker's mention.
    pub speaker_span: JsonSpan<'a>,
    /// The speaker's role.
    pub role: Option<&'a str>,
    /// The reporting verb.
    pub cue: JsonSpan<'a>,
    /// ISO date of the statement.
    pub date: Option<&'a str>,
}

/// An entity.
#[derive(Debug, Serialize)]
pub struct JsonEntity<'a> {
    /// person, organization or place.
    pub kind: EntityKind,
    /// Fullest name.
    pub name: &'a str,
    /// Role or title (people).
    pub role: Option<&'a str>,
    /// Every mention.
    pub mentions: Vec<JsonSpan<'a>>,
}

/// A date expression.
#[derive(Debug, Serialize)]
pub struct JsonDate<'a> {
    /// The expression.
    pub text: &'a str,
    /// Byte offsets.
    pub span: Span,
    /// Char offsets.
    pub chars: [usize; 2],
    /// absolute or relative.
    pub kind: super::DateKind,
    /// ISO value, or null when unresolved.
    pub value: Option<&'a str>,
    /// Sentence index.
    pub sentence: usize,
}

/// A timeline entry.
#[derive(Debug, Serialize)]
pub struct JsonTimeline<'a> {
    /// ISO date.
    pub date: &'a str,
    /// The date expression.
    pub date_text: &'a str,
    /// quote, statement or event.
    pub kind: EventKind,
    /// Speaker of a quote or statement.
    pub speaker: Option<&'a str>,
    /// Sentence index.
    pub sentence: usize,
    /// The sentence text.
    pub text: &'a str,
    /// Byte offsets of the sentence.
    pub span: Span,
    /// Char offsets of the sentence.
    pub chars: [usize; 2],
}

/// The JSON form of an extraction.
#[derive(Debug, Serialize)]
pub struct JsonExtraction<'a> {
    /// Reference date used for relative dates (ISO), or null.
    pub reference_date: Option<String>,
    /// The publication date line, if the article has one.
    pub publication_date: Option<JsonSpan<'a>>,
    /// Direct quotes.
    pub quotes: Vec<JsonQuote<'a>>,
    /// Indirect speech.
    pub statements: Vec<JsonStatement<'a>>,
    /// People, organizations, places.
    pub entities: Vec<JsonEntity<'a>>,
    /// Date expressions.
    pub dates: Vec<JsonDate<'a>>,
    /// Dated sentences in date order.
    pub timeline: Vec<JsonTimeline<'a>>,
}

struct Conv<'a> {
    input: &'a str,
    chars: CharOffsets<'a>,
}

impl<'a> Conv<'a> {
    fn span(&mut self, s: Span) -> JsonSpan<'a> {
        JsonSpan { text: &self.input[s], span: s, chars: self.chars.span(s) }
    }
}

impl<'a> JsonExtraction<'a> {
    /// Builds the JSON view of `x`, extracted from `input`.
    pub fn new(x: &'a Extraction, input: &'a str) -> JsonExtraction<'a> {
        let mut c = Conv { input, chars: CharOffsets::new(input) };
        JsonExtraction {
            reference_date: x.reference_date.map(|d| d.format("%Y-%m-%d").to_string()),
            publication_date: x.publication_date.as_ref().map(|d| c.span(d.span)),
            quotes: quotes(x, &mut c),
            statements: x
                .statements
                .iter()
                .map(|s| {
                    let j = c.span(s.span);
                    JsonStatement {
                        text: j.text,
                        span: j.span,
                        chars: j.chars,
                        sentence: s.sentence,
                        speaker: &s.speaker.name,
                        speaker_span: c.span(s.speaker.span),
                        role: s.speaker.role.as_deref(),
                        cue: c.span(s.cue),
                        date: s.date.as_ref().and_then(|d| d.value.as_deref()),
                    }
                })
                .collect(),
            entities: x
                .entities
                .iter()
                .map(|e| JsonEntity {
                    kind: e.kind,
                    name: &e.name,
                    role: e.role.as_deref(),
                    mentions: e.mentions.iter().map(|&m| c.span(m)).collect(),
                })
                .collect(),
            dates: x
                .dates
                .iter()
                .map(|d| {
                    let j = c.span(d.span);
                    JsonDate {
                        text: j.text,
                        span: j.span,
                        chars: j.chars,
                        kind: d.kind,
                        value: d.value.as_deref(),
                        sentence: d.sentence,
                    }
                })
                .collect(),
            timeline: timeline(x, input),
        }
    }
}

/// The JSON view of the quotes of `x`.
pub fn json_quotes<'a>(x: &'a Extraction, input: &'a str) -> Vec<JsonQuote<'a>> {
    quotes(x, &mut Conv { input, chars: CharOffsets::new(input) })
}

fn quotes<'a>(x: &'a Extraction, c: &mut Conv<'a>) -> Vec<JsonQuote<'a>> {
    x.quotes
        .iter()
        .map(|q| {
            let j = c.span(q.span);
            let s = q.speaker.as_ref();
            JsonQuote {
                text: j.text,
                span: j.span,
                chars: j.chars,
                sentence: q.sentence,
                closed: q.closed,
                paragraphs: q.parts.len(),
                speaker: s.map(|s| s.name.as_str()),
                speaker_span: s.map(|s| c.span(s.span)),
                speaker_via: s.map(|s| s.via),
                role: s.and_then(|s| s.role.as_deref()),
                date: q.date.as_ref().and_then(|d| d.value.as_deref()),
                date_span: q.date.as_ref().map(|d| c.span(d.span)),
                place: q.place.map(|p| c.span(p)),
                cue: q.cue.map(|p| c.span(p)),
            }
        })
        .collect()
}

/// The JSON view of the timeline of `x`.
pub fn timeline<'a>(x: &'a Extraction, input: &'a str) -> Vec<JsonTimeline<'a>> {
    let mut chars = CharOffsets::new(input);
    x.timeline
        .iter()
        .map(|e| JsonTimeline {
            date: &e.date,
            date_text: &input[e.date_span],
            kind: e.kind,
            speaker: e.speaker.as_deref(),
            sentence: e.sentence,
            text: &input[e.span],
            span: e.span,
            chars: chars.span(e.span),
        })
        .collect()
}

/// Markdown "Key quotes" section (empty string when there are no quotes): speaker, role, quote
/// and date, at most `max` quotes, attributed ones first.
pub fn markdown_quotes(x: &Extraction, input: &str, max: usize) -> String {
    let mut qs: Vec<_> = x.quotes.iter().collect();
    qs.sort_by_key(|q| q.speaker.is_none());
    let mut out = String::new();
    for q in qs.into_iter().take(max) {
        let who = match &q.speaker {
            Some(s) => match &s.role {
                Some(r) => format!("**{}** ({})", s.name, r),
                None => format!("**{}**", s.name),
            },
            None => "*unattributed*".to_string(),
        };
        let text = one_line(&input[q.span]);
        let date =
            q.date.as_ref().map(|d| format!(", {}", d.value.as_deref().unwrap_or(&input[d.span]))).unwrap_or_default();
        out.push_str(&format!("- {who}{date}: \u{201C}{text}\u{201D}\n"));
    }
    if out.is_empty() {
        return out;
    }
    format!("\n### Key quotes\n\n{out}")
}

/// Markdown "Timeline" section (empty string when nothing is dated).
pub fn markdown_timeline(x: &Extraction, input: &str) -> String {
    if x.timeline.is_empty() {
        return String::new();
    }
    let mut out = String::from("\n### Timeline\n\n");
    for e in &x.timeline {
        let who = e.speaker.as_ref().map(|s| format!(" ({s})")).unwrap_or_default();
        out.push_str(&format!("- **{}**{who}: {}\n", e.date, one_line(&input[e.span])));
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::{extract, parse_iso_date};
    use super::*;
    use nutgraf_text::Document;

    #[test]
    fn views_show_exact_text() {
        let input = "\u{201C}We will fix it,\u{201D} Gov. Jane Mills said on Tuesday.";
        let doc = Document::new(input);
        let x = extract(&doc, parse_iso_date("2024-05-08"));
        let j = JsonExtraction::new(&x, input);
        assert_eq!(j.quotes[0].text, "We will fix it");
        assert_eq!(j.quotes[0].chars, [1, 15]);
        assert_eq!(j.quotes[0].speaker, Some("Jane Mills"));
        assert_eq!(j.quotes[0].role, Some("Gov."));
        let cases = vec![
            (markdown_quotes(&x, input, 5), "- **Jane Mills** (Gov.), 2024-05-07: \u{201C}We will fix it\u{201D}\n"),
            (markdown_timeline(&x, input), "- **2024-05-07** (Jane Mills): "),
        ];
        for (md, want) in cases {
            assert!(md.contains(want), "{md}");
        }
    }
}
