//! `AppJson`: the JSON extractor and response of every endpoint.
//!
//! Why not `axum::Json`: its rejections are plain text, and it reads bodies without a deadline.
//! This extractor
//! 1. refuses a body not declared as JSON (`415`),
//! 2. refuses a declared length over the cap before reading a byte (`413`), and stops reading
//!    an undeclared one as soon as it passes the cap,
//! 3. reads the body against the body deadline, so a client dripping its body one byte at a
//!    time gets `408` instead of holding a slot,
//! 4. tells malformed JSON (`400 invalid_json`) from well-formed JSON of the wrong shape
//!    (`422 invalid_request`, with the path of the offending field).

use axum::body::Body;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::{ApiError, AppState};

/// A JSON request body or response.
#[derive(Debug, Clone, Copy, Default)]
pub struct AppJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for AppJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, ApiError> {
        let config = state.config();
        if !is_json(req.headers()) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let limit = config.max_body_bytes;
        let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
        if declared.is_some_and(|n| n > limit as u64) {
            return Err(ApiError::BodyTooLarge { limit });
        }
        let bytes = tokio::time::timeout(config.body_timeout, read(req.into_body(), limit))
            .await
            .map_err(|_| ApiError::BodyTimeout { secs: config.body_timeout.as_secs().max(1) })??;
        parse(&bytes).map(AppJson)
    }
}

/// Reads at most `limit` bytes of `body`.
async fn read(mut body: Body, limit: usize) -> Result<Vec<u8>, ApiError> {
    let mut bytes = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| ApiError::InvalidJson("the body was cut off".to_string()))?;
        if let Ok(data) = frame.into_data() {
            if bytes.len() + data.len() > limit {
                return Err(ApiError::BodyTooLarge { limit });
            }
            bytes.extend_from_slice(&data);
        }
    }
    Ok(bytes)
}

/// Parses a JSON body into `T`, naming the offending field of a well-formed body.
///
/// Every request body of the API is an object: an array is refused outright, because serde
/// would otherwise read it as the struct's fields in order.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        return Err(ApiError::InvalidRequest("the body must be a json object, not an array".to_string()));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_data() {
            let message = inner.to_string();
            if path == "." || message.starts_with("unknown field") {
                ApiError::InvalidRequest(message)
            } else {
                ApiError::InvalidRequest(format!("{path}: {message}"))
            }
        } else {
            ApiError::InvalidJson(inner.to_string())
        }
    })?;
    de.end().map_err(|e| ApiError::InvalidJson(e.to_string()))?;
    Ok(value)
}

/// True for `application/json` and `application/*+json`, with any parameters.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(ct) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else { return false };
    let essence = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence == "application/json" || essence.starts_with("application/") && essence.ends_with("+json")
}

impl<T: Serialize> IntoResponse for AppJson<T> {
    fn into_response(self) -> Response {
        match serde_json::to_vec(&self.0) {
            Ok(bytes) => {
                ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], bytes).into_response()
            }
            Err(e) => ApiError::Internal(format!("cannot serialize a response: {e}")).into_response(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Req {
        text: String,
        n: Option<u32>,
    }

    #[test]
    fn syntax_errors_and_shape_errors_differ() {
        let cases: Vec<(&str, &str)> = vec![
            ("{", "invalid_json"),
            ("", "invalid_json"),
            ("{\"text\": \"a\"} x", "invalid_json"),
            ("[1, 2]", "invalid_request"),
            ("{\"text\": 3}", "invalid_request"),
            ("{\"text\": \"a\", \"n\": -1}", "invalid_request"),
            ("{\"text\": \"a\", \"extra\": 1}", "invalid_request"),
            ("{}", "invalid_request"),
        ];
        for (body, code) in cases {
            let e = parse::<Req>(body.as_bytes()).unwrap_err();
            assert_eq!(e.code(), code, "{body}: {e}");
        }
        let e = parse::<Req>(b"{\"text\": \"a\", \"n\": \"3\"}").unwrap_err();
        assert!(e.to_string().starts_with("n: invalid type: string"), "{e}");
        assert_eq!(parse::<Req>(b" {\"text\": \"a\"}\n").unwrap().text, "a");
    }

    #[test]
    fn content_types() {
        let cases = vec![
            ("application/json", true),
            ("Application/JSON; charset=utf-8", true),
            ("application/problem+json", true),
            ("text/plain", false),
            ("application/x-www-form-urlencoded", false),
        ];
        for (ct, expected) in cases {
            let mut h = HeaderMap::new();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
            assert_eq!(is_json(&h), expected, "{ct}");
        }
        assert!(!is_json(&HeaderMap::new()));
    }
}
