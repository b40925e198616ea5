//! `POST /v1/summarize`: the brief of one article, with the options of `nutgraf summarize`.

use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use nutgraf_summarize::render::JsonBrief;
use nutgraf_summarize::{LangChoice, Length, Method, Options, Summarizer};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::article::{self, SourceJson};
use crate::openapi::BriefSchema;
use crate::{pool, ApiError, AppJson, AppState};

/// A summarize request: the article as exactly one of `text`, `html` or `url`, and at most one
/// of `sentences`, `words` and `ratio`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SummarizeRequest {
    /// The article as UTF-8 plain text (paragraphs separated by newlines).
    #[schema(example = "The Riverside city council approved a $4.2 million budget on Tuesday.")]
    pub text: Option<String>,
    /// The article as an HTML page; its main text is extracted first.
    pub html: Option<String>,
    /// The address of the article's page (http or https, public addresses only unless the
    /// server was started with --allow-private-urls).
    pub url: Option<String>,
    /// Exactly this many sentences (fewer if the article has fewer eligible ones); at least 1.
    #[schema(minimum = 1)]
    pub sentences: Option<usize>,
    /// A word budget that is never exceeded; at least 1.
    #[schema(minimum = 1)]
    pub words: Option<usize>,
    /// This share of the article's words, in (0, 1].
    #[schema(exclusive_minimum = 0.0, maximum = 1.0)]
    pub ratio: Option<f64>,
    /// The scoring method (default `nutgraf`).
    pub method: Option<ApiMethod>,
    /// Keep unattributed opinion (boilerplate is still left out). Default false.
    #[serde(default)]
    pub keep_opinion: bool,
    /// The article's language: `auto` (detect it; the default) or a code such as `en`, `es`,
    /// `fr` (docs/languages.md). A mixed or unknown language takes the language-neutral path;
    /// the brief's `language.warning` says so.
    #[schema(example = "auto")]
    pub lang: Option<String>,
}

/// A scoring method: `nutgraf` (neutral), or the classic baselines without neutrality filters.
#[derive(Clone, Copy, Debug, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ApiMethod {
    /// Centrality, position, content and role signals, redundancy control and neutrality
    /// filters.
    Nutgraf,
    /// The first sentences.
    Lead,
    /// TextRank.
    TextRank,
    /// LexRank.
    LexRank,
}

impl From<ApiMethod> for Method {
    fn from(m: ApiMethod) -> Method {
        match m {
            ApiMethod::Nutgraf => Method::Nutgraf,
            ApiMethod::Lead => Method::Lead,
            ApiMethod::TextRank => Method::TextRank,
            ApiMethod::LexRank => Method::LexRank,
        }
    }
}

impl SummarizeRequest {
    /// The summarizer options the request asks for.
    pub fn options(&self) -> Result<Options, ApiError> {
        let length = match (self.sentences, self.words, self.ratio) {
            (Some(n), None, None) => Length::Sentences(n),
            (None, Some(n), None) => Length::Words(n),
            (None, None, Some(r)) => Length::Ratio(r),
            (None, None, None) => Length::Default,
            _ => return Err(ApiError::InvalidRequest("give only one of sentences, words and ratio".into())),
        };
        let length = length.validate()?;
        Ok(Options {
            method: self.method.map_or(Method::Nutgraf, Method::from),
            length,
            keep_opinion: self.keep_opinion,
        })
    }

    /// The language the request asks for (`auto` when not given, as in `nutgraf summarize`).
    pub fn lang(&self) -> Result<LangChoice, ApiError> {
        Ok(self.lang.as_deref().unwrap_or("auto").parse::<LangChoice>()?)
    }
}

/// The response: the brief in the JSON form of `nutgraf summarize --format json`, plus
/// `source` for `html` and `url` input.
#[derive(Debug, Serialize)]
pub struct SummarizeResponse<'a> {
    /// The brief.
    #[serde(flatten)]
    pub brief: JsonBrief<'a>,
    /// Where the text came from (absent for `text` input, whose spans point into `text`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceJson<'a>>,
}

/// Summarizes one article.
#[utoipa::path(
    post,
    path = "/v1/summarize",
    tag = "briefs",
    request_body = SummarizeRequest,
    responses(
        (status = 200, description = "The brief, every sentence with its exact source span", body = BriefSchema),
        (status = "4XX", description = "The request or the article cannot be used", body = crate::ErrorBody),
        (status = "5XX", description = "A fetch failed (502, 504) or the server is busy (503, with Retry-After)", body = crate::ErrorBody),
    )
)]
pub async fn summarize(
    State(state): State<AppState>,
    AppJson(req): AppJson<SummarizeRequest>,
) -> Result<Response, ApiError> {
    let options = req.options()?;
    let lang = req.lang()?;
    let loaded = article::load(&state, req.text, req.html, req.url).await?;
    let json = pool::run(&state, move || brief_json(loaded, options, lang)).await??;
    Ok(([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], json).into_response())
}

/// Loads, summarizes and renders, on a worker thread.
fn brief_json(loaded: article::Loaded, options: Options, lang: LangChoice) -> Result<Vec<u8>, ApiError> {
    let article = loaded.article()?;
    let brief = Summarizer::new(options).with_lang(lang).summarize(article.text())?;
    let response = SummarizeResponse { brief: JsonBrief::new(&brief), source: article.source() };
    serde_json::to_vec(&response).map_err(|e| ApiError::Internal(format!("cannot serialize a brief: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_from_requests() {
        let ok = SummarizeRequest { words: Some(40), method: Some(ApiMethod::Lead), ..Default::default() };
        let o = ok.options().unwrap();
        assert_eq!((o.length, o.method), (Length::Words(40), Method::Lead));
        let cases: Vec<(SummarizeRequest, &str)> = vec![
            (SummarizeRequest { sentences: Some(2), words: Some(3), ..Default::default() }, "give only one of"),
            (SummarizeRequest { sentences: Some(0), ..Default::default() }, "sentences must be at least 1"),
            (SummarizeRequest { ratio: Some(1.5), ..Default::default() }, "ratio must be in (0, 1]"),
        ];
        for (req, message) in cases {
            let e = req.options().unwrap_err();
            assert_eq!(e.code(), "invalid_request");
            assert!(e.to_string().starts_with(message), "{e}");
        }
    }
}
