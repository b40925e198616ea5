/*!
nutgraf over HTTP: a JSON API and a web page, built to stay up under load and hostile input.

# Brief overview

[`app`] builds the [`axum`] router of a server from its [`AppState`]: `POST /v1/summarize`,
`GET /healthz`, `GET /openapi.json` (generated from the code by utoipa) and the web page at
`/`, whose assets are compiled into the binary. [`serve`] runs it on a listener with
connection-level limits and graceful shutdown, and [`run`] is the whole of `nutgraf serve`.

What keeps one client from taking the server from everyone else, each limit in [`Config`]:

* bodies: a size cap and a deadline, enforced while reading ([`AppJson`]);
* work: the pipeline runs on blocking threads, a bounded number at a time, behind an admission
  gate that answers `503` with `Retry-After` rather than queueing without bound ([`pool`]);
* time: a deadline per request; a deadline per request head, which also ends idle connections;
* connections: a cap, beyond which new connections are closed at once ([`serve`]);
* fetches: `url` input is fetched only from public addresses, checked after DNS resolution and
  again on every redirect, unless the server allows private ones ([`guard`]).

Every error is JSON, `{"code": "...", "message": "..."}`, with a stable code ([`ApiError`]);
internal details go to the log only. The API is described in `docs/api.md`.

# Example

```
use nutgraf_server::{app, AppState, Config};
use axum::body::{to_bytes, Body};
use axum::http::{Request, StatusCode};
use tower::ServiceExt;

let article = "The Riverside council approved a $4.2 million budget on Tuesday, ending a month of talks.\n\
               \"This plan keeps every library open,\" Mayor Ana Ruiz said after the vote.\n\
               Subscribe to our newsletter for more local news.";
let body = serde_json::json!({ "text": article, "sentences": 1 }).to_string();
let request = Request::post("/v1/summarize").header("content-type", "application/json").body(Body::from(body)).unwrap();

let runtime = tokio::runtime::Runtime::new().unwrap();
let (status, brief) = runtime.block_on(async {
    let response = app(AppState::new(Config::default()).unwrap()).oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, serde_json::from_slice::<serde_json::Value>(&bytes).unwrap())
});
assert_eq!(status, StatusCode::OK);
let first = &brief["sentences"][0];
assert_eq!(first["text"], "The Riverside council approved a $4.2 million budget on Tuesday, ending a month of talks.");
assert_eq!(first["span"], serde_json::json!([0, 89]));
assert_eq!(brief["omitted"][1]["reason"], "boilerplate");
```
*/

#![deny(missing_docs)]

pub mod article;
mod config;
mod error;
pub mod fetch;
pub mod guard;
mod json;
pub mod openapi;
pub mod pool;
pub mod routes;
mod serve;
mod state;

pub use config::Config;
pub use error::{ApiError, ErrorBody, RETRY_AFTER_SECS};
pub use json::AppJson;
pub use routes::app;
pub use serve::{run, serve, signal, ServeError};
pub use state::AppState;
