//! `POST /v1/audit`: checks any summary against its sources with `nutgraf_audit`, sentence by
//! sentence, and points at the pieces no source supports.

use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use nutgraf_audit::render::{render, Format};
use nutgraf_audit::{Auditor, Source};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::{pool, ApiError, AppJson, AppState};

/// An audit request: a summary, and its sources as one `source` text or a list of `sources`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditRequest {
    /// The summary to check (anyone's: a person's, a model's, nutgraf's own).
    #[schema(example = "The council approved a $6.5 million budget on Tuesday.")]
    pub summary: String,
    /// The one source text (its id in the report is `source`).
    pub source: Option<String>,
    /// Several sources, each with an optional id (default: its position, from 1).
    pub sources: Option<Vec<AuditSource>>,
    /// Summary score at or above which the summary counts as supported, in 0..1 (default 0.5).
    #[schema(minimum = 0.0, maximum = 1.0)]
    pub threshold: Option<f32>,
}

/// One source of an audit.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditSource {
    /// How the report names it.
    pub id: Option<String>,
    /// Its text.
    pub text: String,
}

/// Checks a summary against its sources.
#[utoipa::path(
    post,
    path = "/v1/audit",
    tag = "briefs",
    request_body = AuditRequest,
    responses(
        (status = 200, description = "Score, verdict, and per summary sentence its support, evidence and unsupported pieces (docs/audit-schema.md)", body = Object),
        (status = "4XX", description = "The request cannot be used", body = crate::ErrorBody),
        (status = "5XX", description = "The server is busy (503, with Retry-After)", body = crate::ErrorBody),
    )
)]
pub async fn audit(State(state): State<AppState>, AppJson(req): AppJson<AuditRequest>) -> Result<Response, ApiError> {
    let sources: Vec<(String, String)> = match (req.source, req.sources) {
        (Some(text), None) => vec![("source".to_string(), text)],
        (None, Some(list)) => {
            list.into_iter().enumerate().map(|(i, s)| (s.id.unwrap_or_else(|| (i + 1).to_string()), s.text)).collect()
        }
        (None, None) => return Err(ApiError::InvalidRequest("give the sources as source or sources".into())),
        (Some(_), Some(_)) => return Err(ApiError::InvalidRequest("give only one of source and sources".into())),
    };
    let mut auditor = Auditor::new();
    if let Some(t) = req.threshold {
        auditor = auditor.with_threshold(t).map_err(|e| ApiError::InvalidRequest(e.to_string()))?;
    }
    let summary = req.summary;
    let json = pool::run(&state, move || {
        let list: Vec<Source<'_>> = sources.iter().map(|(id, text)| Source::new(id, text)).collect();
        let audit = auditor.audit(&list, &summary).map_err(|e| ApiError::InvalidInput(e.to_string()))?;
        Ok::<_, ApiError>(render(&audit, &summary, Format::Json))
    })
    .await??;
    Ok(([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], json).into_response())
}
