//! Real inputs (issue 6): `nutgraf summarize` on URLs and HTML files, `nutgraf feed` and
//! `nutgraf batch`, against a local HTTP server (127.0.0.1 only) serving pages written in the
//! styles of common news CMSs, RSS and Atom feeds, and every way a fetch can fail.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

#[path = "ingest/server.rs"]
mod server;

use server::{fixture, start};

fn nutgraf() -> Command {
    Command::cargo_bin("nutgraf").expect("the nutgraf binary is built")
}

/// Runs `nutgraf ARGS`, expects success, returns stdout.
fn ok(args: &[&str]) -> String {
    let out = nutgraf().args(args).output().unwrap();
    assert!(out.status.success(), "nutgraf {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json_lines(s: &str) -> Vec<Value> {
    s.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
}

fn span(v: &Value) -> (usize, usize) {
    (v[0].as_u64().unwrap() as usize, v[1].as_u64().unwrap() as usize)
}

/// Every sentence span of a JSON brief slices `source.text` to the sentence, inside one
/// paragraph span.
fn assert_spans_point_into_source(brief: &Value) {
    let text = brief["source"]["text"].as_str().expect("source.text");
    let paragraphs: Vec<(usize, usize)> =
        brief["source"]["paragraphs"].as_array().unwrap().iter().map(|p| span(&p["span"])).collect();
    assert!(!paragraphs.is_empty());
    for s in brief["sentences"].as_array().unwrap() {
        let (a, b) = span(&s["span"]);
        assert_eq!(&text[a..b], s["text"].as_str().unwrap());
        assert!(paragraphs.iter().any(|&(pa, pb)| pa <= a && b <= pb), "sentence {a}..{b} inside a paragraph");
    }
}

#[test]
fn summarize_a_url_with_source_in_json() {
    let srv = start();
    let url = srv.url("/wp");
    let v: Value = serde_json::from_str(&ok(&["summarize", "--format", "json", &url])).unwrap();
    let src = &v["source"];
    assert_eq!(src["title"], "Millbrook opens its first public tool library");
    assert_eq!(src["byline"], "Dana Whitfield");
    assert_eq!(src["published"], "2024-04-12T14:05:00+00:00");
    assert_eq!(src["url"], url.as_str());
    let first = &src["paragraphs"][0];
    assert_eq!(first["span"][0], 0);
    assert_eq!(first["element"], "article#post-4821 > div > p:nth-of-type(1)");
    assert!(v["sentences"][0]["text"].as_str().unwrap().starts_with("Residents of Millbrook can now borrow"));
    assert_spans_point_into_source(&v);
    let text = src["text"].as_str().unwrap();
    for furniture in ["Advertisement", "Share this", "tile saw", "newsletter", "Recent Posts"] {
        assert!(!text.contains(furniture), "{furniture}");
    }
}

#[test]
fn summarize_html_files_and_sniffed_stdin() {
    let arc = fixture("arc.html");
    let brief = ok(&["summarize", "--sentences", "1", arc.to_str().unwrap()]);
    assert!(brief.starts_with("The Port Harrow harbor authority voted 5-2 on Monday"), "{brief}");
    // No extension to go by: the content says HTML.
    let html = std::fs::read(fixture("drupal.html")).unwrap();
    let out = nutgraf().args(["summarize", "--sentences", "1", "-"]).write_stdin(html).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("Pine Ridge County will keep"));
    // Plain text keeps the plain path: no `source` in JSON.
    let out = nutgraf()
        .args(["summarize", "-f", "json", "-"])
        .write_stdin("The bridge reopened on Monday after repairs, the city said.")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.get("source").is_none());
}

#[test]
fn cms_pages_through_the_server() {
    let srv = start();
    let cases = [("/wp", "Residents of Millbrook"), ("/arc", "The Port Harrow"), ("/drupal", "Pine Ridge County")];
    for (path, lead) in cases {
        let v: Value = serde_json::from_str(&ok(&["summarize", "-f", "json", &srv.url(path)])).unwrap();
        assert!(v["source"]["text"].as_str().unwrap().starts_with(lead), "{path}");
        assert_spans_point_into_source(&v);
    }
}

#[test]
fn windows_1252_and_gzip_pages_are_decoded() {
    let srv = start();
    let v: Value = serde_json::from_str(&ok(&["summarize", "-f", "json", &srv.url("/cp1252")])).unwrap();
    let text = v["source"]["text"].as_str().unwrap();
    assert!(text.contains("The Corner Caf\u{e9} on Market Square"), "{text}");
    assert!(text.contains("\u{201c}We rebuilt the kitchen from the floor up,\u{201d} co-owner Ren\u{e9}e Dubois said."));
    assert_eq!(v["source"]["title"], "Caf\u{e9} on the square reopens");
    let gz = ok(&["summarize", "--sentences", "1", &srv.url("/gzip")]);
    assert!(gz.starts_with("The Port Harrow harbor authority"), "{gz}");
    let plain = ok(&["summarize", "--sentences", "1", &srv.url("/text")]);
    assert!(plain.starts_with("The school board voted on Monday"), "{plain}");
}

#[test]
fn redirects_are_followed_up_to_five() {
    let srv = start();
    let v: Value = serde_json::from_str(&ok(&["summarize", "-f", "json", &srv.url("/redirect/5")])).unwrap();
    assert_eq!(v["source"]["url"], srv.url("/arc").as_str(), "the final address is reported");
}

#[test]
fn fetch_failures_are_clear_input_errors() {
    let srv = start();
    // A port nothing listens on: bound by us, then released (port 1 is not safe to assume closed).
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://127.0.0.1:{}/", l.local_addr().unwrap().port())
    };
    let cases: Vec<(String, Vec<&str>, &str)> = vec![
        (srv.url("/nope"), vec![], "answered http 404 Not Found"),
        (srv.url("/redirect/6"), vec![], "redirected more than 5 times"),
        (srv.url("/big"), vec![], "sent more than 10485760 bytes"),
        (srv.url("/big-stream"), vec![], "sent more than 10485760 bytes"),
        (srv.url("/slow"), vec!["--timeout", "0.5"], "did not answer within 0.5 s"),
        (srv.url("/image"), vec![], "is image/png, not an html page or text"),
        (srv.url("/feed.rss"), vec![], "use nutgraf feed"),
        (closed.clone(), vec![], "cannot fetch http://127.0.0.1:"),
    ];
    for (url, extra, expected) in cases {
        let out = nutgraf().arg("summarize").arg(&url).args(&extra).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{url}: {err}");
        assert!(err.contains(expected), "{url}: expected {expected:?} in {err}");
    }
}

#[test]
fn feed_briefs_each_item_from_its_page_or_its_content() {
    let srv = start();
    let lines = json_lines(&ok(&["feed", &srv.url("/feed.rss"), "--sentences", "1"]));
    let got: Vec<(&str, bool, Option<&str>)> =
        lines.iter().map(|l| (l["id"].as_str().unwrap(), l["ok"].as_bool().unwrap(), l["from"].as_str())).collect();
    assert_eq!(
        got,
        vec![
            ("roundup-101", true, Some("page")),
            ("roundup-102", true, Some("page")),
            ("roundup-103", true, Some("content")),
            ("roundup-104", false, None),
            ("roundup-099", true, Some("page")),
        ]
    );
    assert_eq!(lines[0]["title"], "Millbrook opens its first public tool library");
    assert_eq!(lines[0]["link"], srv.url("/wp").as_str());
    assert_eq!(lines[0]["published"], "2024-04-12T14:05:00+00:00");
    assert_spans_point_into_source(&lines[0]["brief"]);
    assert!(lines[2]["brief"]["sentences"][0]["text"].as_str().unwrap().starts_with("Pine Ridge County"));
    assert_eq!(lines[3]["error"], "the item has no content");
}

#[test]
fn feed_since_and_limit() {
    let srv = start();
    let url = srv.url("/feed.rss");
    let since = json_lines(&ok(&["feed", &url, "--since", "2024-03-01"]));
    assert_eq!(since.iter().map(|l| l["id"].as_str().unwrap()).collect::<Vec<_>>(), ["roundup-101", "roundup-102"]);
    let limited = json_lines(&ok(&["feed", &url, "--limit", "1"]));
    assert_eq!(limited.len(), 1);
    let out = nutgraf().args(["feed", &url, "--since", "last week"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn atom_feed_file_without_fetching() {
    let srv = start();
    let dir = tempfile::tempdir().unwrap();
    let atom = std::fs::read_to_string(fixture("feed.atom")).unwrap().replace("{BASE}", &srv.base);
    let path = dir.path().join("notes.atom");
    std::fs::write(&path, atom).unwrap();
    let lines = json_lines(&ok(&["feed", path.to_str().unwrap(), "--no-fetch", "--sentences", "1"]));
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l["ok"] == true && l["from"] == "content"));
    assert!(lines[0]["brief"]["sentences"][0]["text"].as_str().unwrap().starts_with("Ferry service to Gull Island"));
    assert!(lines[1]["brief"]["sentences"][0]["text"].as_str().unwrap().starts_with("The town board voted"));
    let not_feed = dir.path().join("page.xml");
    std::fs::write(&not_feed, "<html><body><p>x</p></body></html>").unwrap();
    let out = nutgraf().args(["feed", not_feed.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an rss or atom feed"));
}

/// The batch input: good, malformed, empty and fetched records.
fn batch_input(base: &str) -> String {
    let html = serde_json::to_string(&std::fs::read_to_string(fixture("drupal.html")).unwrap()).unwrap();
    [
        r#"{"id":"good","text":"The council approved the budget on Tuesday after a long debate. The mayor said the plan keeps every library open."}"#.to_string(),
        r#"{"id":"broken","text":"no closing brace""#.to_string(),
        r#"{"id":"empty","text":"   "}"#.to_string(),
        format!(r#"{{"id":"page","html":{html},"url":"https://gazette.example/recycling"}}"#),
        format!(r#"{{"id":"fetched","url":"{base}/arc"}}"#),
        format!(r#"{{"id":"gone","url":"{base}/nope"}}"#),
        r#"{"id":"nothing"}"#.to_string(),
        String::new(),
        r#"{"id":42,"text":"Crews repaired the bridge over the river on Monday after last week's flood."}"#.to_string(),
    ]
    .join("\n")
        + "\n"
}

#[test]
fn batch_writes_one_line_per_record_in_order() {
    let srv = start();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    std::fs::write(&input, batch_input(&srv.base)).unwrap();
    let out_path = dir.path().join("briefs.jsonl");
    let out = nutgraf()
        .args(["batch", "--in", input.to_str().unwrap(), "--out", out_path.to_str().unwrap(), "-j", "3"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = json_lines(&std::fs::read_to_string(&out_path).unwrap());
    let got: Vec<(Value, u64, bool)> =
        lines.iter().map(|l| (l["id"].clone(), l["line"].as_u64().unwrap(), l["ok"].as_bool().unwrap())).collect();
    let expected: Vec<(Value, u64, bool)> = vec![
        ("good".into(), 1, true),
        (Value::Null, 2, false),
        ("empty".into(), 3, false),
        ("page".into(), 4, true),
        ("fetched".into(), 5, true),
        ("gone".into(), 6, false),
        ("nothing".into(), 7, false),
        (Value::Null, 8, false),
        ("42".into(), 9, true),
    ];
    assert_eq!(got, expected, "{lines:#?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("4 briefed, 5 failed"), "summary on stderr, no progress bar off a terminal: {stderr}");
    assert!(lines[1]["error"].as_str().unwrap().starts_with("malformed json"));
    assert!(lines[2]["error"].as_str().unwrap().contains("empty text"));
    assert!(lines[5]["error"].as_str().unwrap().contains("answered http 404"));
    assert_eq!(lines[3]["brief"]["source"]["url"], "https://gazette.example/recycling");
    assert_spans_point_into_source(&lines[4]["brief"]);
    assert!(lines[0]["brief"].get("source").is_none());
}

#[test]
fn batch_resume_skips_done_records() {
    let srv = start();
    let dir = tempfile::tempdir().unwrap();
    let full = batch_input(&srv.base);
    let first: String = full.lines().take(3).map(|l| format!("{l}\n")).collect();
    let (input, out_path) = (dir.path().join("in.jsonl"), dir.path().join("out.jsonl"));
    std::fs::write(&input, first).unwrap();
    let args = |resume: bool| {
        let mut a = vec!["batch", "--quiet", "--in", input.to_str().unwrap(), "--out", out_path.to_str().unwrap()];
        if resume {
            a.push("--resume");
        }
        a.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let out = nutgraf().args(args(false)).output().unwrap();
    assert!(out.status.success() && out.stderr.is_empty(), "--quiet says nothing");
    std::fs::write(&input, &full).unwrap();
    ok(&args(true).iter().map(String::as_str).collect::<Vec<_>>());
    let lines = json_lines(&std::fs::read_to_string(&out_path).unwrap());
    let numbers: Vec<u64> = lines.iter().map(|l| l["line"].as_u64().unwrap()).collect();
    assert_eq!(numbers, (1..=9).collect::<Vec<_>>(), "each record once, old lines kept");
}

#[test]
fn batch_over_a_directory_and_custom_fields() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::copy(fixture("wordpress.html"), articles.join("b-tools.html")).unwrap();
    std::fs::write(articles.join("a-budget.txt"), "The council approved the budget on Tuesday after a long debate.")
        .unwrap();
    std::fs::write(articles.join("c-empty.txt"), "").unwrap();
    std::fs::write(articles.join("notes.md"), "ignored").unwrap();
    let lines = json_lines(&ok(&["batch", "--in", articles.to_str().unwrap()]));
    let got: Vec<(&str, bool)> =
        lines.iter().map(|l| (l["id"].as_str().unwrap(), l["ok"].as_bool().unwrap())).collect();
    assert_eq!(got, vec![("a-budget.txt", true), ("b-tools.html", true), ("c-empty.txt", false)]);
    assert_spans_point_into_source(&lines[1]["brief"]);

    let input = dir.path().join("custom.jsonl");
    std::fs::write(&input, "{\"key\":\"k1\",\"body\":\"The ferry resumed service on Thursday after repairs.\"}\n")
        .unwrap();
    let lines =
        json_lines(&ok(&["batch", "--in", input.to_str().unwrap(), "--id-field", "key", "--text-field", "body"]));
    assert_eq!((lines[0]["id"].as_str(), lines[0]["ok"].as_bool()), (Some("k1"), Some(true)));
}

#[test]
fn batch_refuses_bad_invocations() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.jsonl");
    let out = nutgraf().args(["batch", "--in", missing.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
    let same = dir.path().join("same.jsonl");
    std::fs::write(&same, "").unwrap();
    let s = same.to_str().unwrap();
    let out = nutgraf().args(["batch", "--in", s, "--out", s]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(Path::new(s).exists());
}
