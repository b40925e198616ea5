//! `nutgraf audit`: exit code 0 for a supported summary and 3 for an unsupported one, JSON that
//! names the unsupported piece with exact spans, and a clear error with the right exit code for
//! each kind of bad input.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn nutgraf() -> Command {
    Command::cargo_bin("nutgraf").expect("the nutgraf binary is built")
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/riverside-budget.txt")
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// nutgraf's own brief of an example audits as supported: exit 0.
#[test]
fn own_brief_is_supported() {
    let dir = tempfile::tempdir().unwrap();
    let brief = nutgraf().arg("summarize").arg(example()).output().unwrap();
    assert!(brief.status.success());
    let summary = write(&dir, "brief.txt", &brief.stdout);
    nutgraf()
        .args(["audit", "--source"])
        .arg(example())
        .arg("--summary")
        .arg(&summary)
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("supported: score 1.00"));
}

/// A changed amount: exit 3, and the JSON names the piece with spans into the summary.
#[test]
fn changed_amount_is_flagged_with_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The Riverside city council approved a $9.7 million budget for the public library system on Tuesday.";
    let summary = write(&dir, "s.txt", text.as_bytes());
    let out = nutgraf()
        .args(["audit", "--format", "json", "--source"])
        .arg(example())
        .arg("--summary")
        .arg(&summary)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["supported"], false);
    let s = &v["sentences"][0];
    let flag = &s["unsupported"][0];
    assert_eq!((flag["kind"].as_str(), flag["text"].as_str()), (Some("number"), Some("9.7 million")));
    let [a, b] = [0, 1].map(|k| flag["span"][k].as_u64().unwrap() as usize);
    assert_eq!(&text[a..b], "9.7 million");
    let ev = &s["evidence"][0];
    let [a, b] = [0, 1].map(|k| ev["span"][k].as_u64().unwrap() as usize);
    let source = std::fs::read_to_string(example()).unwrap();
    assert_eq!(&source[a..b], ev["text"].as_str().unwrap());
    assert!(v["score"].as_f64().unwrap() < v["threshold"].as_f64().unwrap());
}

/// Several sources, Markdown output, and a threshold of 0 that accepts anything.
#[test]
fn several_sources_markdown_and_threshold() {
    let dir = tempfile::tempdir().unwrap();
    let other = write(&dir, "other.txt", b"The zoo opened a new penguin house on Monday.");
    let summary = write(&dir, "s.txt", b"The zoo opened a new penguin house on Monday.");
    nutgraf()
        .args(["audit", "-f", "markdown", "--source"])
        .arg(example())
        .arg("--source")
        .arg(&other)
        .arg("--summary")
        .arg(&summary)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("| 1 | 1.00 |").and(predicate::str::contains("other.txt")));
    let made_up = write(&dir, "m.txt", b"Aliens landed in Paris on Friday.");
    nutgraf()
        .args(["audit", "--threshold", "0", "--source"])
        .arg(&other)
        .arg("--summary")
        .arg(&made_up)
        .assert()
        .code(0);
    nutgraf().args(["audit", "--source"]).arg(&other).arg("--summary").arg(&made_up).assert().code(3);
}

/// Bad input: each case exits 1 (input) or 2 (usage) with a message that says what to do.
#[test]
fn bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let ok = write(&dir, "ok.txt", b"The council met on Tuesday.");
    let empty = write(&dir, "empty.txt", b"  \n");
    let latin1 = write(&dir, "latin1.txt", b"Caf\xe9 au lait.");
    let utf16 = write(&dir, "utf16.txt", b"\xff\xfeT\0h\0e\0");
    let cases: Vec<(Vec<String>, i32, &str)> = vec![
        (vec!["--summary".into(), s(&ok)], 2, "--source"),
        (vec!["--source".into(), s(&ok), "--summary".into(), s(&empty)], 1, "summary is empty"),
        (vec!["--source".into(), s(&empty), "--summary".into(), s(&ok)], 1, "is empty"),
        (vec!["--source".into(), s(&ok), "--summary".into(), s(&latin1)], 1, "not UTF-8"),
        (vec!["--source".into(), s(&ok), "--summary".into(), s(&utf16)], 1, "UTF-16"),
        (vec!["--source".into(), s(&ok), "--summary".into(), "/no/such/file".into()], 1, "cannot read"),
        (vec!["--source".into(), s(&ok), "--summary".into(), s(&ok), "--threshold".into(), "2".into()], 2, "threshold"),
        (
            vec!["--source".into(), s(&ok), "--summary".into(), s(&ok), "--format".into(), "yaml".into()],
            2,
            "unknown format",
        ),
        (vec!["--source".into(), "-".into(), "--summary".into(), "-".into()], 2, "only once"),
    ];
    for (args, code, msg) in cases {
        nutgraf().arg("audit").args(&args).assert().code(code).stderr(predicate::str::contains(msg));
    }
}

/// The summary may come from standard input.
#[test]
fn summary_from_stdin() {
    nutgraf()
        .args(["audit", "--summary", "-", "--source"])
        .arg(example())
        .write_stdin("The measure passed 7-2 after a three-hour session attended by more than 300 residents.")
        .assert()
        .code(0);
}

fn s(p: &Path) -> String {
    p.display().to_string()
}
