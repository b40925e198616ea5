//! A real listener: slow-drip bodies and headers, thousands of idle connections, the connection
//! cap, keep-alive and graceful shutdown.

use std::time::{Duration, Instant};

use nutgraf_server::Config;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::util::{raw_exchange, raw_post, raw_status, Running, ARTICLE};

/// Summarizes the example over a new connection and checks the answer is a quick 200.
async fn served(addr: std::net::SocketAddr) {
    let started = Instant::now();
    let body = json!({ "text": ARTICLE, "sentences": 2 }).to_string();
    let answer = raw_exchange(addr, &raw_post("/v1/summarize", &body)).await;
    assert_eq!(raw_status(&answer), 200, "{answer}");
    assert!(started.elapsed() < Duration::from_secs(3), "slow: {:?}", started.elapsed());
}

/// Reads until the peer closes or `limit` passes; true when it closed.
async fn closed_within(s: &mut TcpStream, limit: Duration) -> (bool, String) {
    let mut buf = Vec::new();
    let closed = tokio::time::timeout(limit, s.read_to_end(&mut buf)).await.is_ok();
    (closed, String::from_utf8_lossy(&buf).into_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_drip_body_gets_408_and_others_are_served() {
    let server = Running::start(Config { body_timeout: Duration::from_secs(1), ..Config::default() }).await;
    let mut drip = TcpStream::connect(server.addr).await.unwrap();
    drip.write_all(
        b"POST /v1/summarize HTTP/1.1\r\nhost: t\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n",
    )
    .await
    .unwrap();
    let dripping = tokio::spawn(async move {
        for b in b"{\"text\": \"a" {
            if drip.write_all(&[*b]).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        let (closed, answer) = closed_within(&mut drip, Duration::from_secs(5)).await;
        (closed, answer)
    });
    served(server.addr).await;
    let (closed, answer) = dripping.await.unwrap();
    assert!(closed, "the server closed the dripping connection");
    assert_eq!(raw_status(&answer), 408, "{answer}");
    assert!(answer.contains("\"code\":\"body_timeout\""), "{answer}");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_drip_headers_are_cut_off() {
    let server = Running::start(Config { header_timeout: Duration::from_secs(1), ..Config::default() }).await;
    let mut drip = TcpStream::connect(server.addr).await.unwrap();
    let started = Instant::now();
    let dripping = tokio::spawn(async move {
        for b in b"POST /v1/summarize HTTP/1.1\r\nhost: t\r\nx-slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" {
            if drip.write_all(&[*b]).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        closed_within(&mut drip, Duration::from_secs(5)).await
    });
    served(server.addr).await;
    let (closed, answer) = dripping.await.unwrap();
    assert!(closed, "the server closed the connection");
    assert!(answer.is_empty() || raw_status(&answer) == 408, "{answer}");
    assert!(started.elapsed() < Duration::from_secs(6));
    server.stop().await;
}

/// The soft limit on open files, from /proc (Linux); 1024 elsewhere.
fn open_file_limit() -> usize {
    std::fs::read_to_string("/proc/self/limits")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("Max open files"))?.split_whitespace().nth(3)?.parse().ok())
        .unwrap_or(1024)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thousands_of_idle_connections_do_not_block_anyone() {
    // Each idle connection costs two descriptors in this process (client and server side).
    let n = 3000.min(open_file_limit().saturating_sub(200) / 2);
    assert!(n >= 300, "open file limit too low for this test: {}", open_file_limit());
    let server = Running::start(Config { header_timeout: Duration::from_secs(2), ..Config::default() }).await;
    let mut idle = Vec::with_capacity(n);
    for _ in 0..n {
        idle.push(TcpStream::connect(server.addr).await.unwrap());
    }
    for _ in 0..10 {
        served(server.addr).await;
    }
    // Idle connections are closed after the header deadline.
    let (closed, _) = closed_within(&mut idle[0], Duration::from_secs(5)).await;
    assert!(closed, "idle connection still open");
    let (closed, _) = closed_within(&mut idle[n - 1], Duration::from_secs(2)).await;
    assert!(closed, "idle connection still open");
    drop(idle);
    served(server.addr).await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_past_the_cap_are_closed_at_once() {
    let server = Running::start(Config { max_connections: 20, ..Config::default() }).await;
    let mut held = Vec::new();
    for _ in 0..20 {
        held.push(TcpStream::connect(server.addr).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut extra = TcpStream::connect(server.addr).await.unwrap();
    let (closed, answer) = closed_within(&mut extra, Duration::from_secs(2)).await;
    assert!(closed && answer.is_empty(), "{answer}");
    drop(held);
    tokio::time::sleep(Duration::from_millis(100)).await;
    served(server.addr).await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keep_alive_serves_several_requests_on_one_connection() {
    let server = Running::start(Config::default()).await;
    let mut s = TcpStream::connect(server.addr).await.unwrap();
    let body = json!({ "text": ARTICLE }).to_string();
    let one = format!(
        "POST /v1/summarize HTTP/1.1\r\nhost: t\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(format!("{one}{one}GET /healthz HTTP/1.1\r\nhost: t\r\nconnection: close\r\n\r\n").as_bytes())
        .await
        .unwrap();
    let (closed, answer) = closed_within(&mut s, Duration::from_secs(5)).await;
    assert!(closed);
    assert_eq!(answer.matches("HTTP/1.1 200 OK").count(), 3, "{answer}");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_finishes_requests_in_flight() {
    let server = Running::start(Config { workers: 1, ..Config::default() }).await;
    let addr = server.addr;
    let text: String = (0..200).map(|i| ARTICLE.replace("Riverside", &format!("Riverside{i}"))).collect();
    let body = json!({ "text": text }).to_string();
    let in_flight = tokio::spawn(async move { raw_exchange(addr, &raw_post("/v1/summarize", &body)).await });
    tokio::time::sleep(Duration::from_millis(50)).await;
    server.stop().await;
    let answer = in_flight.await.unwrap();
    assert_eq!(raw_status(&answer), 200, "{}", &answer[..answer.len().min(300)]);
    assert!(TcpStream::connect(addr).await.is_err(), "the listener is closed after shutdown");
}
