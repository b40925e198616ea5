//! `GET /openapi.json`: the OpenAPI 3.1 description, generated from the handlers and types.
//!
//! Paths, request bodies and the error body come straight from the code (utoipa's derives on
//! the handlers and request types). The brief itself is the summarize crate's `JsonBrief`,
//! which knows nothing of OpenAPI, so its schema is described here by schema-only mirror types;
//! a test in `tests/api.rs` serializes real responses and checks that every field they carry is
//! in this schema and that every required field is in them, so the two cannot drift apart.

#![allow(dead_code)] // the mirror types are never built: they exist for their derived schemas

use utoipa::{OpenApi, ToSchema};

use crate::article::SourceJson;
use crate::routes;

/// The API description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "nutgraf",
        description = "Neutral extractive briefs of news articles, every sentence with its exact source span. \
                       Errors are JSON objects with a stable `code` and a human `message`; see docs/api.md."
    ),
    paths(
        routes::summarize::summarize,
        routes::extract::extract_handler,
        routes::audit::audit,
        routes::meta::healthz,
        routes::meta::openapi_json
    ),
    components(schemas(crate::ErrorBody, routes::meta::Health))
)]
pub struct ApiDoc;

/// The description as JSON text.
pub fn json() -> String {
    ApiDoc::openapi().to_pretty_json().expect("the api description always serializes")
}

/// A brief: the JSON form of `nutgraf summarize --format json` (docs/json-schema.md), plus
/// `source` for `html` and `url` input.
#[derive(ToSchema)]
pub struct BriefSchema {
    /// `nutgraf`, `lead`, `textrank` or `lexrank`.
    method: String,
    /// The language the brief was made in, and how it was chosen.
    language: LanguageSchema,
    /// Chosen sentences, in source order.
    sentences: Vec<SentenceSchema>,
    /// Every sentence not chosen, in source order, with the reason.
    omitted: Vec<OmittedSchema>,
    /// Strongly valenced or intensifying words in the article's own voice.
    loaded_words: Vec<LoadedSchema>,
    /// Word and sentence counts.
    stats: StatsSchema,
    /// Direct quotes of the article with speaker, role and date (docs/extract-schema.md). Not
    /// required: briefs carry them from issue 4 on.
    #[schema(nullable = false)]
    quotes: Option<Vec<QuoteSchema>>,
    /// Dated sentences of the article, in date order (docs/extract-schema.md). Not required, as
    /// `quotes`.
    #[schema(nullable = false)]
    timeline: Option<Vec<TimelineSchema>>,
    /// Where the text came from; present for `html` and `url` input only.
    #[schema(nullable = false)]
    source: Option<SourceJson<'static>>,
}

/// The language of a brief (docs/languages.md).
#[derive(ToSchema)]
pub struct LanguageSchema {
    /// ISO 639-1 code (`und` for the language-neutral path).
    code: String,
    /// English name.
    name: String,
    /// How sure detection was, 0 to 1 (1 when the language was given).
    confidence: f32,
    /// True when detected, false when given in the request.
    detected: bool,
    /// `full`, `basic` or `neutral`.
    support: String,
    /// Why detection fell back to the language-neutral path (absent when it did not).
    #[schema(nullable = false)]
    warning: Option<String>,
}

/// A chosen sentence.
#[derive(ToSchema)]
pub struct SentenceSchema {
    /// Sentence number in the article (0-based).
    index: usize,
    /// The exact source text, `article[span]`.
    text: String,
    /// Byte offsets `[start, end)` into the article text.
    span: [usize; 2],
    /// Unicode scalar offsets `[start, end)`.
    chars: [usize; 2],
    /// Paragraph number (0-based).
    paragraph: usize,
    /// The method's score (comparable within one brief only).
    score: f64,
    /// `reported`, `attributed` or `quote`.
    role: String,
    /// The later chosen sentence this one was brought along for, if any.
    brought_for: Option<usize>,
    /// Who said the quote this sentence carries; absent when it carries no attributed quote.
    #[schema(nullable = false)]
    speaker: Option<String>,
}

/// A sentence left out.
#[derive(ToSchema)]
pub struct OmittedSchema {
    /// Sentence number.
    index: usize,
    /// The exact source text.
    text: String,
    /// Byte offsets.
    span: [usize; 2],
    /// Unicode scalar offsets.
    chars: [usize; 2],
    /// `opinion`, `boilerplate`, `redundant`, `dependent` or `budget`.
    reason: String,
    /// For boilerplate only: `editors_note`, `subscribe`, `social`, `credit`, `byline`,
    /// `copyright`, `link`, `title` or `heading`.
    #[schema(nullable = false)]
    boilerplate: Option<String>,
}

/// A loaded word.
#[derive(ToSchema)]
pub struct LoadedSchema {
    /// The lexicon form, lowercase.
    word: String,
    /// The exact source text.
    text: String,
    /// Byte offsets.
    span: [usize; 2],
    /// Unicode scalar offsets.
    chars: [usize; 2],
    /// Sentence number.
    sentence: usize,
    /// `valenced` or `intensifier`.
    kind: String,
    /// VADER mean valence, -4 .. 4 (0 for intensifiers).
    valence: f32,
}

/// Counts.
#[derive(ToSchema)]
pub struct StatsSchema {
    /// Words in the article.
    words_in: usize,
    /// Words in the brief.
    words_out: usize,
    /// Sentences in the article.
    sentences_in: usize,
    /// Sentences in the brief.
    sentences_out: usize,
    /// Paragraphs in the article.
    paragraphs_in: usize,
    /// `words_out / words_in`.
    compression: f64,
}

/// A paragraph of an extracted page.
#[derive(ToSchema)]
pub struct ParagraphSchema {
    /// Byte offsets of the paragraph in `source.text`.
    span: [usize; 2],
    /// A CSS selector of the page element it came from, such as `article#story > p:nth-of-type(2)`.
    element: String,
}

/// A piece of the article: its text and offsets.
#[derive(ToSchema)]
pub struct TextSpanSchema {
    /// The exact source text.
    text: String,
    /// Byte offsets.
    span: [usize; 2],
    /// Unicode scalar offsets.
    chars: [usize; 2],
}

/// A direct quote.
#[derive(ToSchema)]
pub struct QuoteSchema {
    /// The quoted words, without the quotation marks.
    text: String,
    /// Byte offsets of the quoted words.
    span: [usize; 2],
    /// Unicode scalar offsets.
    chars: [usize; 2],
    /// Sentence number where the quote starts.
    sentence: usize,
    /// False when the quote has no closing mark.
    closed: bool,
    /// Paragraphs the quote covers.
    paragraphs: usize,
    /// The speaker's name; null when unattributed.
    speaker: Option<String>,
    /// The speaker's mention in the attribution.
    speaker_span: Option<TextSpanSchema>,
    /// How the speaker was found: `name`, `pronoun`, `description` or `previous`.
    speaker_via: Option<String>,
    /// The speaker's role or title as the text gives it.
    role: Option<String>,
    /// ISO date the text ties to the statement.
    date: Option<String>,
    /// The date expression.
    date_span: Option<TextSpanSchema>,
    /// Place or occasion phrase.
    place: Option<TextSpanSchema>,
    /// The reporting verb.
    cue: Option<TextSpanSchema>,
}

/// A dated sentence.
#[derive(ToSchema)]
pub struct TimelineSchema {
    /// ISO date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    date: String,
    /// The date expression.
    date_text: String,
    /// `quote`, `statement` or `event`.
    kind: String,
    /// Speaker of a quote or statement.
    speaker: Option<String>,
    /// Sentence number.
    sentence: usize,
    /// The sentence text.
    text: String,
    /// Byte offsets of the sentence.
    span: [usize; 2],
    /// Unicode scalar offsets of the sentence.
    chars: [usize; 2],
}
