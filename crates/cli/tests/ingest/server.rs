//! A small HTTP/1.1 server on 127.0.0.1 for the ingest tests: one thread per connection, one
//! request per connection, routes for pages, feeds and each way a fetch can go wrong.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::time::Duration;

/// Bodies over the fetch cap (10 MiB).
const OVER_CAP: usize = 11 << 20;

/// A running server; it lives until the test process ends.
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

impl Server {
    /// The address of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// Starts a server on a free port.
pub fn start() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let b = base.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let base = b.clone();
            std::thread::spawn(move || {
                let _ = handle(stream, &base);
            });
        }
    });
    Server { base }
}

/// `crates/ingest/tests/fixtures` (CMS pages) or `crates/cli/tests/fixtures` (the rest).
pub fn fixture(name: &str) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let cli = root.join("tests/fixtures").join(name);
    if cli.exists() {
        cli
    } else {
        root.join("../ingest/tests/fixtures").join(name)
    }
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).expect("fixture")
}

fn handle(stream: TcpStream, base: &str) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut out = stream;
    let html = "text/html; charset=utf-8";
    match path.as_str() {
        "/wp" => send(&mut out, 200, &[("Content-Type", html)], &read("wordpress.html")),
        "/arc" => send(&mut out, 200, &[("Content-Type", html)], &read("arc.html")),
        "/drupal" => send(&mut out, 200, &[("Content-Type", html)], &read("drupal.html")),
        "/cp1252" => send(&mut out, 200, &[("Content-Type", "text/html")], &read("cp1252.html")),
        "/gzip" => {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(&read("arc.html"))?;
            send(&mut out, 200, &[("Content-Type", html), ("Content-Encoding", "gzip")], &gz.finish()?)
        }
        "/text" => send(
            &mut out,
            200,
            &[("Content-Type", "text/plain; charset=utf-8")],
            b"The school board voted on Monday to delay later start times by one year.\n\nThe board said buses were the main obstacle.",
        ),
        "/feed.rss" => feed(&mut out, "application/rss+xml", "feed.rss", base),
        "/feed.atom" => feed(&mut out, "application/atom+xml", "feed.atom", base),
        "/image" => send(&mut out, 200, &[("Content-Type", "image/png")], b"\x89PNG\r\n\x1a\n"),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            send(&mut out, 200, &[("Content-Type", html)], &read("arc.html"))
        }
        "/big" => {
            let head = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {OVER_CAP}\r\nConnection: close\r\n\r\n");
            out.write_all(head.as_bytes())?;
            stream_body(&mut out)
        }
        "/big-stream" => {
            out.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")?;
            stream_body(&mut out)
        }
        p if p.starts_with("/redirect/") => {
            let n: usize = p["/redirect/".len()..].parse().unwrap_or(0);
            let to = if n <= 1 { "/arc".to_string() } else { format!("/redirect/{}", n - 1) };
            send(&mut out, 302, &[("Location", to.as_str())], b"")
        }
        _ => send(&mut out, 404, &[("Content-Type", "text/plain")], b"not found"),
    }
}

fn send(out: &mut TcpStream, status: u16, headers: &[(&str, &str)], body: &[u8]) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        302 => "Found",
        _ => "Not Found",
    };
    let mut head = format!("HTTP/1.1 {status} {reason}\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    out.write_all(body)?;
    out.flush()
}

fn feed(out: &mut TcpStream, content_type: &str, name: &str, base: &str) -> std::io::Result<()> {
    let body = String::from_utf8(read(name)).expect("utf-8 feed").replace("{BASE}", base);
    send(out, 200, &[("Content-Type", content_type)], body.as_bytes())
}

/// Writes more than the cap of page-like bytes; stops quietly when the client hangs up.
fn stream_body(out: &mut TcpStream) -> std::io::Result<()> {
    let chunk = "<p>filler text for a page that never ends</p>\n".repeat(1500);
    let mut sent = 0;
    while sent < OVER_CAP {
        out.write_all(chunk.as_bytes())?;
        sent += chunk.len();
    }
    out.flush()
}
