//! JSON output. The schema is documented in docs/json-schema.md; keep the two in step.

use nutgraf_analyze::extract::view::{json_quotes, timeline, JsonQuote, JsonTimeline};
use nutgraf_analyze::{Boilerplate, LoadedKind, Role};
use nutgraf_text::{CharOffsets, Span, Support};
use serde::Serialize;

use crate::{Brief, Method, Reason};

/// The JSON form of a brief.
#[derive(Debug, Serialize)]
pub struct JsonBrief<'a> {
    /// Method used.
    pub method: Method,
    /// The language the brief was made in, and how it was chosen.
    pub language: JsonLanguage,
    /// Chosen sentences in source order.
    pub sentences: Vec<JsonSentence<'a>>,
    /// Sentences left out, in source order.
    pub omitted: Vec<JsonOmitted<'a>>,
    /// Loaded words in unattributed text.
    pub loaded_words: Vec<JsonLoaded<'a>>,
    /// Counts and compression.
    pub stats: JsonStats,
    /// Direct quotes of the article with speaker, role, date (docs/extract-schema.md).
    pub quotes: Vec<JsonQuote<'a>>,
    /// Dated sentences of the article in date order (docs/extract-schema.md).
    pub timeline: Vec<JsonTimeline<'a>>,
}

/// The language of a brief.
#[derive(Debug, Serialize)]
pub struct JsonLanguage {
    /// ISO 639-1 code (`und` for the language-neutral path).
    pub code: &'static str,
    /// English name.
    pub name: &'static str,
    /// How sure detection was, 0 to 1 (1 when given).
    pub confidence: f32,
    /// True when detected, false when given with `--lang`.
    pub detected: bool,
    /// full (English, Spanish), basic (segmentation, stems, stop words, selection; no opinion or
    /// attribution rules) or neutral.
    pub support: &'static str,
    /// Why detection fell back to the language-neutral path (absent when it did not).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
}

/// A chosen sentence.
#[derive(Debug, Serialize)]
pub struct JsonSentence<'a> {
    /// Sentence index in the article.
    pub index: usize,
    /// Exact source text (`input[span]`).
    pub text: &'a str,
    /// Byte offsets `[start, end)`.
    pub span: Span,
    /// Unicode scalar offsets `[start, end)`.
    pub chars: [usize; 2],
    /// Paragraph index.
    pub paragraph: usize,
    /// Method score.
    pub score: f64,
    /// reported, attributed or quote.
    pub role: Role,
    /// Index of the sentence this one was brought along for, if any.
    pub brought_for: Option<usize>,
    /// Who said the quote this sentence carries (absent when it carries no attributed quote).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<&'a str>,
}

/// A sentence left out.
#[derive(Debug, Serialize)]
pub struct JsonOmitted<'a> {
    /// Sentence index.
    pub index: usize,
    /// Exact source text.
    pub text: &'a str,
    /// Byte offsets.
    pub span: Span,
    /// Char offsets.
    pub chars: [usize; 2],
    /// opinion, boilerplate, redundant, dependent or budget.
    pub reason: Reason,
    /// The kind of boilerplate, when the reason is boilerplate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub boilerplate: Option<Boilerplate>,
}

/// A loaded word.
#[derive(Debug, Serialize)]
pub struct JsonLoaded<'a> {
    /// Lowercase lexicon form.
    pub word: &'a str,
    /// Exact source text.
    pub text: &'a str,
    /// Byte offsets.
    pub span: Span,
    /// Char offsets.
    pub chars: [usize; 2],
    /// Sentence index.
    pub sentence: usize,
    /// valenced or intensifier.
    pub kind: LoadedKind,
    /// Lexicon valence (-4..4).
    pub valence: f32,
}

/// Counts.
#[derive(Debug, Serialize)]
pub struct JsonStats {
    /// Words in the article.
    pub words_in: usize,
    /// Words in the brief.
    pub words_out: usize,
    /// Sentences in the article.
    pub sentences_in: usize,
    /// Sentences in the brief.
    pub sentences_out: usize,
    /// Paragraphs in the article.
    pub paragraphs_in: usize,
    /// words_out / words_in.
    pub compression: f64,
}

impl<'a> JsonBrief<'a> {
    /// Builds the JSON view of `brief`.
    pub fn new(brief: &'a Brief<'a>) -> JsonBrief<'a> {
        let input = brief.input;
        let mut conv = CharOffsets::new(input);
        let sentences = brief
            .sentences
            .iter()
            .enumerate()
            .map(|(k, s)| JsonSentence {
                index: s.index,
                text: &input[s.span],
                span: s.span,
                chars: conv.span(s.span),
                paragraph: s.paragraph,
                score: (s.score * 1e6).round() / 1e6,
                role: s.role,
                brought_for: s.brought_for,
                speaker: brief.speaker(k),
            })
            .collect();
        let mut conv = CharOffsets::new(input);
        let omitted = brief
            .omitted
            .iter()
            .map(|o| JsonOmitted {
                index: o.index,
                text: &input[o.span],
                span: o.span,
                chars: conv.span(o.span),
                reason: o.reason,
                boilerplate: if o.reason == Reason::Boilerplate { o.boilerplate } else { None },
            })
            .collect();
        let mut conv = CharOffsets::new(input);
        let loaded_words = brief
            .loaded
            .iter()
            .map(|w| JsonLoaded {
                word: &w.word,
                text: &input[w.span],
                span: w.span,
                chars: conv.span(w.span),
                sentence: w.sentence,
                kind: w.kind,
                valence: w.valence,
            })
            .collect();
        let l = &brief.language;
        let language = JsonLanguage {
            code: l.lang.code(),
            name: l.lang.name(),
            confidence: (l.confidence * 100.0).round() / 100.0,
            detected: l.detected,
            support: match l.lang.support() {
                Support::Full => "full",
                Support::Basic => "basic",
                Support::Neutral => "neutral",
            },
            warning: l.warning.clone(),
        };
        JsonBrief {
            method: brief.method,
            language,
            sentences,
            omitted,
            loaded_words,
            stats: JsonStats {
                words_in: brief.words_in,
                words_out: brief.words_out(),
                sentences_in: brief.sentences_in,
                sentences_out: brief.sentences.len(),
                paragraphs_in: brief.paragraphs_in,
                compression: (brief.compression() * 1e4).round() / 1e4,
            },
            quotes: json_quotes(brief.extraction(), input),
            timeline: timeline(brief.extraction(), input),
        }
    }
}

/// The brief as pretty-printed JSON.
pub fn json(brief: &Brief<'_>) -> String {
    serde_json::to_string_pretty(&JsonBrief::new(brief)).expect("a brief always serializes")
}
