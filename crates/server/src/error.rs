//! The one error type of every handler, and its JSON form.
//!
//! Every failure a client can see is an [`ApiError`]. Its `code` is stable (clients branch on
//! it), its message is for people, and [`ApiError::status_code`] is the only place that maps
//! errors to HTTP statuses. [`ApiError::Internal`] carries details for the log only: the client
//! gets `{"code": "internal", "message": "internal error"}` and nothing else.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// Seconds a client is asked to wait after a `503`.
pub const RETRY_AFTER_SECS: u64 = 1;

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// The body is not JSON, or not well-formed JSON.
    #[error("the body is not valid json: {0}")]
    InvalidJson(String),
    /// The JSON is well-formed but does not fit the request schema (wrong types, unknown or
    /// missing fields, conflicting fields).
    #[error("{0}")]
    InvalidRequest(String),
    /// The body is over the size limit.
    #[error("the body is over the {limit}-byte limit: send a shorter article")]
    BodyTooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The body is not declared as `application/json`.
    #[error("send the body as json, with the header content-type: application/json")]
    UnsupportedMediaType,
    /// The body did not arrive in time.
    #[error("the body did not arrive within {secs} s")]
    BodyTimeout {
        /// The limit, in seconds.
        secs: u64,
    },
    /// The article cannot be summarized (empty, binary, nothing left after filtering, nothing
    /// fits the budget).
    #[error("{0}")]
    InvalidInput(String),
    /// The `url` is not an http(s) address.
    #[error("{0:?} is not an http or https url")]
    InvalidUrl(String),
    /// The `url` leads to an address the server may not fetch from.
    #[error("{0}")]
    UrlRefused(String),
    /// The page at `url` was reached but cannot be used (error status, not a page, too large, no
    /// article text).
    #[error("{0}")]
    UrlUnusable(String),
    /// The page at `url` could not be reached.
    #[error("{0}")]
    FetchFailed(String),
    /// The page at `url` did not arrive in time.
    #[error("{0}")]
    FetchTimeout(String),
    /// No such route.
    #[error("no such endpoint: see GET /openapi.json")]
    NotFound,
    /// The route exists but not with this method.
    #[error("this endpoint does not take this method: see GET /openapi.json")]
    MethodNotAllowed,
    /// Too many requests in flight.
    #[error("the server is at capacity: retry after {RETRY_AFTER_SECS} s")]
    Overloaded,
    /// The request took longer than the server allows.
    #[error("the request took too long and was stopped: retry later, or send a shorter article")]
    Timeout,
    /// A bug or an environment failure. The details are logged, never returned.
    #[error("internal error")]
    Internal(String),
}

/// The JSON body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// Stable, machine-readable error code, such as `invalid_json` or `overloaded`.
    #[schema(example = "invalid_request")]
    pub code: &'static str,
    /// What was wrong, for people.
    #[schema(example = "unknown field `sentence`, expected one of `text`, `html`, `url`, ...")]
    pub message: String,
}

impl ApiError {
    /// The stable code clients branch on.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::InvalidJson(_) => "invalid_json",
            ApiError::InvalidRequest(_) => "invalid_request",
            ApiError::BodyTooLarge { .. } => "body_too_large",
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::BodyTimeout { .. } => "body_timeout",
            ApiError::InvalidInput(_) => "invalid_input",
            ApiError::InvalidUrl(_) => "invalid_url",
            ApiError::UrlRefused(_) => "url_refused",
            ApiError::UrlUnusable(_) => "url_unusable",
            ApiError::FetchFailed(_) => "fetch_failed",
            ApiError::FetchTimeout(_) => "fetch_timeout",
            ApiError::NotFound => "not_found",
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::Overloaded => "overloaded",
            ApiError::Timeout => "timeout",
            ApiError::Internal(_) => "internal",
        }
    }

    /// The HTTP status of the error: the one place statuses are chosen.
    pub fn status_code(&self) -> StatusCode {
        match self {
            ApiError::InvalidJson(_) => StatusCode::BAD_REQUEST,
            ApiError::InvalidRequest(_)
            | ApiError::InvalidInput(_)
            | ApiError::InvalidUrl(_)
            | ApiError::UrlRefused(_)
            | ApiError::UrlUnusable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::BodyTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::BodyTimeout { .. } => StatusCode::REQUEST_TIMEOUT,
            ApiError::FetchFailed(_) => StatusCode::BAD_GATEWAY,
            ApiError::FetchTimeout(_) => StatusCode::GATEWAY_TIMEOUT,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Overloaded | ApiError::Timeout => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The body sent to the client.
    pub fn body(&self) -> ErrorBody {
        ErrorBody { code: self.code(), message: self.to_string() }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(details) = &self {
            tracing::error!(details = %details, "internal error");
        }
        let status = self.status_code();
        let json = serde_json::to_vec(&self.body()).expect("an error body always serializes");
        let mut response =
            (status, [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], json).into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECS));
        }
        if matches!(self, ApiError::BodyTimeout { .. } | ApiError::BodyTooLarge { .. }) {
            // The rest of the body is not read: the connection cannot carry another request.
            response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        response
    }
}

impl From<nutgraf_summarize::Error> for ApiError {
    /// Summarizer errors in the API's words (its own messages name command-line flags).
    fn from(e: nutgraf_summarize::Error) -> ApiError {
        use nutgraf_summarize::Error as E;
        match e {
            E::NothingFits { max, shortest } => ApiError::InvalidInput(format!(
                "no sentence fits in {max} words{}: raise words",
                shortest.map(|s| format!(" (the shortest candidate has {s})")).unwrap_or_default()
            )),
            E::NothingEligible => ApiError::InvalidInput(
                "every sentence of the article is boilerplate or unattributed opinion: nothing is left to \
                 summarize (try keep_opinion: true)"
                    .to_string(),
            ),
            E::InvalidOption(m) => ApiError::InvalidRequest(m.replace("--", "")),
            other => ApiError::InvalidInput(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_details_stay_in_the_log() {
        let e = ApiError::Internal("worker panicked at src/x.rs:3: secret".to_string());
        assert_eq!(e.status_code(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_string(&e.body()).unwrap();
        assert_eq!(body, r#"{"code":"internal","message":"internal error"}"#);
    }

    #[test]
    fn statuses_and_retry_after() {
        let cases = vec![
            (ApiError::InvalidJson("x".into()), 400, "invalid_json"),
            (ApiError::BodyTooLarge { limit: 3 }, 413, "body_too_large"),
            (ApiError::Overloaded, 503, "overloaded"),
            (ApiError::Timeout, 503, "timeout"),
            (ApiError::UrlRefused("x".into()), 422, "url_refused"),
        ];
        for (e, status, code) in cases {
            assert_eq!((e.status_code().as_u16(), e.code()), (status, code));
            let r = e.into_response();
            assert_eq!(r.headers().contains_key(header::RETRY_AFTER), status == 503, "{code}");
        }
    }

    #[test]
    fn summarizer_messages_name_api_fields() {
        let e: ApiError = nutgraf_summarize::Error::NothingFits { max: 2, shortest: Some(5) }.into();
        assert_eq!(e.to_string(), "no sentence fits in 2 words (the shortest candidate has 5): raise words");
        let e: ApiError = nutgraf_summarize::Error::NothingEligible.into();
        assert!(e.to_string().contains("keep_opinion: true"), "{e}");
    }
}
