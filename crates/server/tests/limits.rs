//! Back-pressure and deadlines: a full server answers 503 with Retry-After at once instead of
//! queueing, a slow request is stopped, and health checks are answered throughout.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use nutgraf_server::Config;
use serde_json::json;
use tower::ServiceExt;

use crate::util::{app_with, assert_error, post_json, send, ARTICLE};

/// An article of about `n` copies of the example (n x 1.6 KB).
fn long_article(n: usize) -> String {
    (0..n).map(|i| ARTICLE.replace("Riverside", &format!("Riverside{i}"))).collect::<Vec<_>>().join("\n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overload_is_503_with_retry_after_not_a_queue() {
    let app = app_with(Config { max_in_flight: 2, workers: 1, ..Config::default() });
    let body = json!({ "text": long_article(100) }).to_string();
    let tasks: Vec<_> = (0..24)
        .map(|_| {
            let (app, body) = (app.clone(), body.clone());
            tokio::spawn(async move { app.oneshot(post_json("/v1/summarize", body)).await.unwrap() })
        })
        .collect();
    let (mut ok, mut busy) = (0, 0);
    for t in tasks {
        let response = t.await.unwrap();
        match response.status() {
            StatusCode::OK => ok += 1,
            StatusCode::SERVICE_UNAVAILABLE => {
                assert_eq!(response.headers()[header::RETRY_AFTER], "1");
                let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
                assert_eq!(serde_json::from_slice::<serde_json::Value>(&body).unwrap()["code"], "overloaded");
                busy += 1;
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert!(ok >= 2 && busy >= 1, "ok {ok}, busy {busy}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_is_answered_while_the_pipeline_is_full() {
    let app = app_with(Config { max_in_flight: 1, workers: 1, ..Config::default() });
    let body = json!({ "text": long_article(300) }).to_string();
    let slow = tokio::spawn(app.clone().oneshot(post_json("/v1/summarize", body)));
    tokio::time::sleep(Duration::from_millis(20)).await;
    let started = Instant::now();
    let got = send(app.clone(), Request::get("/healthz").body(Body::empty()).unwrap()).await;
    assert_eq!(got.0, StatusCode::OK);
    assert!(started.elapsed() < Duration::from_millis(500), "{:?}", started.elapsed());
    assert_eq!(slow.await.unwrap().unwrap().status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_past_its_deadline_is_503_timeout() {
    let config = Config { request_timeout: Duration::from_millis(30), max_body_bytes: 16 << 20, ..Config::default() };
    let body = json!({ "text": long_article(1500) }).to_string();
    let started = Instant::now();
    let got = send(app_with(config), post_json("/v1/summarize", body)).await;
    assert_error(&got, 503, "timeout");
    assert!(started.elapsed() < Duration::from_secs(2), "answered at the deadline, not when the job ended");
}
