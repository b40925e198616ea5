//! The routes, one file per group, and the router that layers the limits over them.

pub mod audit;
pub mod extract;
pub mod meta;
pub mod summarize;
pub mod web;

use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;

use crate::{pool, ApiError, AppState};

/// The router of a server with `state`.
///
/// The pipeline endpoints (`/v1/...`) sit behind the admission gate; everything sits behind
/// the request deadline and a panic catcher that turns a bug into a logged `500` instead of a
/// dropped connection. Unknown paths and methods get JSON errors like everything else.
pub fn app(state: AppState) -> Router {
    let api = Router::new()
        .route("/v1/summarize", post(summarize::summarize))
        .route("/v1/extract", post(extract::extract_handler))
        .route("/v1/audit", post(audit::audit))
        .route_layer(from_fn_with_state(state.clone(), pool::admit));
    Router::new()
        .merge(api)
        .route("/", get(web::index))
        .route("/assets/app.js", get(web::app_js))
        .route("/assets/app.css", get(web::app_css))
        .route("/healthz", get(meta::healthz))
        .route("/openapi.json", get(meta::openapi_json))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn_with_state(state.clone(), pool::deadline))
        .layer(CatchPanicLayer::custom(panicked))
        .with_state(state)
}

async fn not_found() -> ApiError {
    ApiError::NotFound
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

fn panicked(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    ApiError::Internal(format!("handler panicked: {}", pool::panic_message(&*panic))).into_response()
}
