//! `POST /v1/extract`: who said what, and when: quotes with speakers, statements, entities,
//! dates and a timeline, from `nutgraf_analyze::extract`.

use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use nutgraf_analyze::extract::view::JsonExtraction;
use nutgraf_analyze::extract::{extract, parse_iso_date, NaiveDate};
use nutgraf_text::Document;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::article::{self, SourceJson};
use crate::{pool, ApiError, AppJson, AppState};

/// An extract request: the article as exactly one of `text`, `html` or `url`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtractRequest {
    /// The article as UTF-8 plain text.
    pub text: Option<String>,
    /// The article as an HTML page; its main text is extracted first.
    pub html: Option<String>,
    /// The address of the article's page.
    pub url: Option<String>,
    /// Reference date (`YYYY-MM-DD`) for relative dates ("on Tuesday") when the article gives
    /// no publication date. Default: a page's own publication date, if it has one.
    #[schema(example = "2024-05-06")]
    pub date: Option<String>,
}

/// The response: the JSON form of `nutgraf extract` (docs/extract-schema.md), plus `source` for
/// `html` and `url` input.
#[derive(Debug, Serialize)]
pub struct ExtractResponse<'a> {
    /// The extraction.
    #[serde(flatten)]
    pub extraction: JsonExtraction<'a>,
    /// Where the text came from (absent for `text` input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceJson<'a>>,
}

/// Extracts quotes, speakers, entities, dates and a timeline from one article.
#[utoipa::path(
    post,
    path = "/v1/extract",
    tag = "briefs",
    request_body = ExtractRequest,
    responses(
        (status = 200, description = "Quotes, statements, entities, dates and timeline, each with exact source spans (docs/extract-schema.md)", body = Object),
        (status = "4XX", description = "The request or the article cannot be used", body = crate::ErrorBody),
        (status = "5XX", description = "A fetch failed (502, 504) or the server is busy (503, with Retry-After)", body = crate::ErrorBody),
    )
)]
pub async fn extract_handler(
    State(state): State<AppState>,
    AppJson(req): AppJson<ExtractRequest>,
) -> Result<Response, ApiError> {
    let date = match &req.date {
        Some(d) => Some(
            parse_iso_date(d)
                .ok_or_else(|| ApiError::InvalidRequest(format!("date: {d:?} is not a date: use YYYY-MM-DD")))?,
        ),
        None => None,
    };
    let loaded = article::load(&state, req.text, req.html, req.url).await?;
    let max = state.config().max_body_bytes.max(state.config().fetch_max_bytes);
    let json = pool::run(&state, move || extraction_json(loaded, date, max)).await??;
    Ok(([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], json).into_response())
}

fn extraction_json(loaded: article::Loaded, date: Option<NaiveDate>, max_bytes: usize) -> Result<Vec<u8>, ApiError> {
    let article = loaded.article()?;
    let text = nutgraf_text::validate(article.text().as_bytes(), max_bytes)
        .map_err(|e| ApiError::InvalidInput(e.to_string()))?;
    let source = article.source();
    let date = date.or_else(|| source.as_ref().and_then(|s| s.published).and_then(|p| parse_iso_date(p.get(..10)?)));
    let doc = Document::new(text);
    let x = extract(&doc, date);
    let response = ExtractResponse { extraction: JsonExtraction::new(&x, text), source };
    serde_json::to_vec(&response).map_err(|e| ApiError::Internal(format!("cannot serialize an extraction: {e}")))
}
