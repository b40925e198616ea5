//! `GET /healthz` and `GET /openapi.json`.

use std::sync::OnceLock;

use axum::http::{header, HeaderValue};
use axum::response::IntoResponse;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppJson;

/// The health answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// Always `ok` while the server answers.
    #[schema(example = "ok")]
    pub status: &'static str,
    /// The server's version.
    pub version: &'static str,
}

/// Says the server is up. Not subject to the in-flight cap, so it answers under load.
#[utoipa::path(get, path = "/healthz", tag = "meta", responses((status = 200, description = "Up", body = Health)))]
pub async fn healthz() -> AppJson<Health> {
    AppJson(Health { status: "ok", version: env!("CARGO_PKG_VERSION") })
}

/// The OpenAPI description of this API, generated from the code.
#[utoipa::path(get, path = "/openapi.json", tag = "meta", responses((status = 200, description = "OpenAPI 3.1 document")))]
pub async fn openapi_json() -> impl IntoResponse {
    static JSON: OnceLock<String> = OnceLock::new();
    let json = JSON.get_or_init(crate::openapi::json).as_str();
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], json)
}
