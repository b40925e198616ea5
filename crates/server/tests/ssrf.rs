//! URL fetching: loopback, private, link-local and metadata addresses are refused, both when a
//! name resolves to one and when a redirect leads to one; fetch limits give clear errors.
//!
//! The tests cannot reach a public server, so a test page server on 127.0.0.1 stands in for one:
//! the server under test is told to let exactly 127.0.0.1 through (`allowed_ips`) and given a
//! host table in which `news.test` is 127.0.0.1 and `evil.test` is a private 10.x address.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use axum::http::StatusCode;
use nutgraf_server::Config;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use crate::util::{app_with, assert_error, post, post_json, send};

const PAGE: &str = "<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1>\
    <p>The Elm Street bridge reopened to traffic on Monday after eight months of repairs.</p>\
    <p>City engineers said the new deck should last at least forty years with routine care.</p></article></body></html>";

/// Serves canned answers by path on a free loopback port: `/article`, redirects, a loop, an
/// image and a page that never answers.
async fn page_server() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut s, _)) = listener.accept().await else { continue };
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                let n = s.read(&mut buf).await.unwrap_or(0);
                let head = String::from_utf8_lossy(&buf[..n]).into_owned();
                let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
                let port = addr.port();
                let redirect = |to: String| {
                    format!("HTTP/1.1 302 Found\r\nlocation: {to}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                };
                let answer = match path.as_str() {
                    "/article" => format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{PAGE}",
                        PAGE.len()
                    ),
                    "/to-private-ip" => redirect(format!("http://127.0.0.2:{port}/article")),
                    "/to-metadata" => redirect("http://169.254.169.254/latest/meta-data/".to_string()),
                    "/to-ipv6-loopback" => redirect(format!("http://[::1]:{port}/article")),
                    "/to-private-name" => redirect(format!("http://evil.test:{port}/article")),
                    "/to-public-name" => redirect(format!("http://news.test:{port}/article")),
                    "/loop" => redirect("/loop".to_string()),
                    "/image" => "HTTP/1.1 200 OK\r\ncontent-type: image/png\r\ncontent-length: 4\r\nconnection: close\r\n\r\nPNG!".to_string(),
                    "/slow" => {
                        tokio::time::sleep(Duration::from_secs(30)).await;
                        String::new()
                    }
                    _ => "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n".to_string(),
                };
                let _ = s.write_all(answer.as_bytes()).await;
            });
        }
    });
    addr
}

/// A server that lets 127.0.0.1 (the page server) through, with the test host table.
fn guarded() -> Config {
    Config {
        allowed_ips: vec![IpAddr::from([127, 0, 0, 1])],
        hosts: vec![
            ("news.test".to_string(), vec![IpAddr::from([127, 0, 0, 1])]),
            ("evil.test".to_string(), vec![IpAddr::from([10, 0, 0, 7])]),
        ],
        fetch_timeout: Duration::from_secs(1),
        ..Config::default()
    }
}

async fn fetch(config: Config, url: String) -> (StatusCode, serde_json::Value) {
    send(app_with(config), post_json("/v1/summarize", json!({ "url": url, "sentences": 1 }).to_string())).await
}

#[tokio::test]
async fn private_addresses_are_refused_by_default() {
    let site = page_server().await;
    let port = site.port();
    let cases = vec![
        format!("http://127.0.0.1:{port}/article"),
        format!("http://localhost:{port}/article"),
        format!("http://127.1:{port}/article"),
        format!("http://2130706433:{port}/article"),
        format!("http://[::1]:{port}/article"),
        format!("http://[::ffff:127.0.0.1]:{port}/article"),
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/".to_string(),
        "http://[fd00:ec2::254]/latest/meta-data/".to_string(),
        "http://10.0.0.1/".to_string(),
        "http://192.168.1.1/".to_string(),
        "http://0.0.0.0/".to_string(),
    ];
    for url in cases {
        let got = post("/v1/summarize", json!({ "url": url })).await;
        assert_error(&got, 422, "url_refused");
        assert!(got.1["message"].as_str().unwrap().contains("not a public address"), "{url}: {}", got.1);
    }
}

#[tokio::test]
async fn names_are_checked_after_resolution_and_redirects_on_every_hop() {
    let site = page_server().await;
    let port = site.port();
    let got = fetch(guarded(), format!("http://news.test:{port}/article")).await;
    assert_eq!(got.0, StatusCode::OK, "{}", got.1);
    assert_eq!(got.1["source"]["url"], format!("http://news.test:{port}/article"));
    assert_eq!(
        got.1["sentences"][0]["text"],
        "The Elm Street bridge reopened to traffic on Monday after eight months of repairs."
    );
    let got = fetch(guarded(), format!("http://news.test:{port}/to-public-name")).await;
    assert_eq!(got.0, StatusCode::OK, "a redirect to a permitted host is followed: {}", got.1);
    let refused = vec![
        (format!("http://evil.test:{port}/article"), "evil.test resolves to 10.0.0.7, which is not"),
        (format!("http://news.test:{port}/to-private-name"), "evil.test resolves to 10.0.0.7, which is not"),
        (format!("http://news.test:{port}/to-private-ip"), "127.0.0.2 is not a public address"),
        (format!("http://news.test:{port}/to-metadata"), "169.254.169.254 is not a public address"),
        (format!("http://news.test:{port}/to-ipv6-loopback"), "::1 is not a public address"),
    ];
    for (url, message) in refused {
        let got = fetch(guarded(), url.clone()).await;
        assert_error(&got, 422, "url_refused");
        assert!(got.1["message"].as_str().unwrap().starts_with(message), "{url}: {}", got.1);
    }
}

#[tokio::test]
async fn fetch_limits_give_clear_errors() {
    let site = page_server().await;
    let port = site.port();
    let cases = vec![
        ("/loop", 422, "url_unusable", "redirected more than 5 times"),
        ("/image", 422, "url_unusable", "is image/png, not an html page or text"),
        ("/missing", 422, "url_unusable", "answered http 404 Not Found"),
        ("/slow", 504, "fetch_timeout", "did not answer within 1 s"),
    ];
    for (path, status, code, message) in cases {
        let got = fetch(guarded(), format!("http://news.test:{port}{path}")).await;
        assert_error(&got, status, code);
        assert!(got.1["message"].as_str().unwrap().contains(message), "{path}: {}", got.1);
    }
    let got = fetch(guarded(), "http://news.test:1/article".to_string()).await;
    assert_error(&got, 502, "fetch_failed");
    assert_eq!(got.1["message"], "cannot fetch http://news.test:1/article: could not connect");
}

#[tokio::test]
async fn allow_private_urls_lets_everything_through() {
    let site = page_server().await;
    let config = Config { allow_private_urls: true, ..Config::default() };
    let got = fetch(config.clone(), format!("http://127.0.0.1:{}/article", site.port())).await;
    assert_eq!(got.0, StatusCode::OK, "{}", got.1);
    let got = fetch(config, format!("http://localhost:{}/to-private-ip", site.port())).await;
    assert_ne!(got.1["code"], "url_refused", "{}", got.1);
}
