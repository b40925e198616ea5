//! Back-pressure: a bounded admission gate in front of a bounded set of blocking workers.
//!
//! The pipeline is CPU work (about 0.1 ms for a news article, up to tens of ms for the largest
//! bodies) and must not run on the async runtime's threads, which accept connections and move
//! bytes for everyone. So every pipeline job runs in `spawn_blocking`, at most
//! [`Config::workers`](crate::Config::workers) at a time.
//!
//! Requests wait for a worker in a FIFO queue, but the queue is bounded: [`admit`] lets at most
//! [`Config::max_in_flight`](crate::Config::max_in_flight) requests onto the pipeline endpoints
//! (waiting or running) and answers the next one `503 overloaded` with `Retry-After` at once,
//! which is cheaper for both sides than a queue that grows until every request times out.
//!
//! A job whose request timed out still runs to the end (a thread cannot be cancelled), but it
//! keeps its worker slot while it does, so abandoned work never exceeds the worker count.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::{ApiError, AppState};

/// Middleware: admits the request if an admission slot is free, else answers `503 overloaded`.
pub async fn admit(State(state): State<AppState>, req: Request, next: Next) -> Response {
    match state.admission().clone().try_acquire_owned() {
        Ok(_slot) => next.run(req).await,
        Err(_) => ApiError::Overloaded.into_response(),
    }
}

/// Middleware: stops a request that takes longer than the request deadline with `503 timeout`.
pub async fn deadline(State(state): State<AppState>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(state.config().request_timeout, next.run(req)).await {
        Ok(response) => response,
        Err(_) => ApiError::Timeout.into_response(),
    }
}

/// Runs `job` on a blocking thread once a worker slot is free. A panic in the job becomes
/// [`ApiError::Internal`], with the panic message logged.
pub async fn run<T, F>(state: &AppState, job: F) -> Result<T, ApiError>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let slot =
        state.workers().clone().acquire_owned().await.map_err(|_| ApiError::Internal("worker pool closed".into()))?;
    tokio::task::spawn_blocking(move || {
        let _slot = slot;
        job()
    })
    .await
    .map_err(|e| match e.try_into_panic() {
        Ok(panic) => ApiError::Internal(format!("pipeline job panicked: {}", panic_message(&*panic))),
        Err(e) => ApiError::Internal(format!("pipeline job failed: {e}")),
    })
}

/// The message of a panic payload.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> &str {
    panic.downcast_ref::<&str>().copied().or_else(|| panic.downcast_ref::<String>().map(String::as_str)).unwrap_or("?")
}
