//! Helpers shared by the test modules.

use std::net::SocketAddr;

use axum::body::{to_bytes, Body};
use axum::http::{Request, StatusCode};
use axum::Router;
use nutgraf_server::{app, AppState, Config};
use serde_json::Value;
use tokio::sync::oneshot;
use tower::ServiceExt;

/// The bundled example article (CNN/DM size, with an opinion paragraph, an editor's note and a
/// newsletter prompt).
pub const ARTICLE: &str = include_str!("../../../examples/riverside-budget.txt");

/// An app with `config`.
pub fn app_with(config: Config) -> Router {
    app(AppState::new(config).unwrap())
}

/// A JSON POST request.
pub fn post_json(path: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(path).header("content-type", "application/json").body(body.into()).unwrap()
}

/// Sends `req` to `app` in process; returns the status and the body as JSON (`Value::Null` when
/// the body is not JSON).
pub async fn send(app: Router, req: Request<Body>) -> (StatusCode, Value) {
    let response = app.oneshot(req).await.unwrap();
    let status = response.status();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

/// Sends a JSON body to `path` of a default app.
pub async fn post(path: &str, body: Value) -> (StatusCode, Value) {
    send(app_with(Config::default()), post_json(path, body.to_string())).await
}

/// Asserts an error answer: the status, the stable code, and a non-empty message.
#[track_caller]
pub fn assert_error(got: &(StatusCode, Value), status: u16, code: &str) {
    assert_eq!(got.0.as_u16(), status, "{}", got.1);
    assert_eq!(got.1["code"], code, "{}", got.1);
    assert!(got.1["message"].as_str().is_some_and(|m| !m.is_empty()), "{}", got.1);
}

/// A server on a real loopback listener, stopped (gracefully) when dropped or by `stop`.
pub struct Running {
    pub addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    done: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl Running {
    /// Starts a server with `config` on a free port.
    pub async fn start(config: Config) -> Running {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let state = AppState::new(config).unwrap();
        let (tx, rx) = oneshot::channel::<()>();
        let done = tokio::spawn(nutgraf_server::serve(listener, state, async move {
            let _ = rx.await;
        }));
        Running { addr, stop: Some(tx), done: Some(done) }
    }

    /// Signals shutdown and waits until the server has drained.
    pub async fn stop(mut self) {
        let _ = self.stop.take().unwrap().send(());
        self.done.take().unwrap().await.unwrap().unwrap();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
    }
}

/// A raw HTTP/1.1 request with a JSON body.
pub fn raw_post(path: &str, body: &str) -> String {
    format!(
        "POST {path} HTTP/1.1\r\nhost: test\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// Sends a raw request on a new connection and reads the whole answer.
pub async fn raw_exchange(addr: SocketAddr, request: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(request.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out).await;
    String::from_utf8_lossy(&out).into_owned()
}

/// The status code of a raw HTTP answer.
pub fn raw_status(answer: &str) -> u16 {
    answer.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0)
}
