//! `nutgraf roundup`: one cited brief from three outlets' articles (text, HTML), JSON spans that
//! point into each source's text, a brief that `nutgraf audit` finds supported, `--in` JSONL, and
//! bad input: a source that cannot be read, no usable source, no sources, impossible budgets.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn nutgraf() -> Command {
    Command::cargo_bin("nutgraf").expect("the nutgraf binary is built")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../roundup/tests/fixtures").join(name)
}

fn json_of(args: &[&std::ffi::OsStr]) -> serde_json::Value {
    let out = nutgraf().arg("roundup").args(args).args(["--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn text_cites_sources_and_shows_conflicts() {
    nutgraf()
        .arg("roundup")
        .args([fixture("herald.txt"), fixture("standard.html"), fixture("wire.txt")])
        .args(["--sentences", "4"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Warehouse fire forces evacuations in Marlow Creek\n"))
        .stdout(predicate::str::contains(
            "Marlow Creek forced the evacuation of 400 residents on Tuesday night, officials said. [1][2]",
        ))
        .stdout(predicate::str::contains("Sources differ on people: Three [1][3]; Five [2]."))
        .stdout(predicate::str::contains(
            "[2] Marlow Creek blaze: owner says warehouse met every safety rule, standard.html",
        ))
        .stdout(predicate::str::contains("smear").not());
}

#[test]
fn json_spans_point_into_each_source() {
    let (a, b, c) = (fixture("herald.txt"), fixture("standard.html"), fixture("wire.txt"));
    let v = json_of(&[a.as_os_str(), b.as_os_str(), c.as_os_str()]);
    let sources = v["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 3);
    assert_eq!(sources[1]["title"], "Marlow Creek blaze: owner says warehouse met every safety rule");
    for s in v["sentences"].as_array().unwrap() {
        let id = s["source"].as_u64().unwrap() as usize;
        let span: Vec<usize> = serde_json::from_value(s["span"].clone()).unwrap();
        let text = sources[id - 1]["text"].as_str().unwrap();
        assert_eq!(&text[span[0]..span[1]], s["text"].as_str().unwrap());
        let cited: Vec<usize> = serde_json::from_value(s["sources"].clone()).unwrap();
        assert!(cited.contains(&id));
        if let Some(lead) = s["lead_in"].as_str() {
            assert!(lead.starts_with("According to ") && cited.len() == 1);
        }
    }
    assert!(!v["conflicts"].as_array().unwrap().is_empty());
}

#[test]
fn the_brief_audits_as_supported() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (fixture("herald.txt"), fixture("standard.txt"), fixture("wire.txt"));
    let v = json_of(&[a.as_os_str(), b.as_os_str(), c.as_os_str()]);
    let lines: Vec<&str> = v["sentences"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect();
    let summary = dir.path().join("brief.txt");
    std::fs::write(&summary, lines.join("\n")).unwrap();
    nutgraf()
        .arg("audit")
        .args([
            "--source".as_ref(),
            a.as_os_str(),
            "--source".as_ref(),
            b.as_os_str(),
            "--source".as_ref(),
            c.as_os_str(),
        ])
        .arg("--summary")
        .arg(&summary)
        .assert()
        .code(0);
}

#[test]
fn jsonl_story() {
    let dir = tempfile::tempdir().unwrap();
    let read = |n: &str| std::fs::read_to_string(fixture(n)).unwrap();
    let lines = [
        serde_json::json!({"id": "herald", "text": read("herald.txt"), "date": "2026-03-04"}),
        serde_json::json!({"id": "standard", "html": read("standard.html")}),
        serde_json::json!({"id": "wire", "text": read("wire.txt"), "title": "Warehouse fire prompts evacuation"}),
    ];
    let path = dir.path().join("story.jsonl");
    std::fs::write(&path, lines.iter().map(|l| l.to_string() + "\n").collect::<String>()).unwrap();
    let v = json_of(&["--in".as_ref(), path.as_os_str()]);
    assert_eq!(v["sources"][0]["host"], "herald");
    assert_eq!(v["sources"][0]["date"], "2026-03-04");
    assert_eq!(v["sources"][2]["title"], "Warehouse fire prompts evacuation");
    assert!(v["sentences"][0]["sources"].as_array().unwrap().len() >= 2);
}

#[test]
fn a_missing_source_is_reported_and_the_rest_briefed() {
    let missing = fixture("no-such-article.txt");
    let out = nutgraf()
        .arg("roundup")
        .args([fixture("herald.txt"), missing, fixture("wire.txt")])
        .args(["--format", "markdown"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("source 2 (no-such-article.txt) left out"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("- [2] left out:"), "{stdout}");
    assert!(!stdout.contains("[2]\n") && !stdout.contains("[2][3]"), "{stdout}");
}

#[test]
fn bad_input_and_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    nutgraf()
        .arg("roundup")
        .args([&empty, &fixture("nothing.txt")])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no source can be used"));
    nutgraf().arg("roundup").assert().code(2).stderr(predicate::str::contains("give the articles"));
    nutgraf().arg("roundup").arg(fixture("wire.txt")).args(["--words", "0"]).assert().code(2);
    nutgraf().arg("roundup").arg(fixture("wire.txt")).args(["--format", "pdf"]).assert().code(2);
    nutgraf()
        .arg("roundup")
        .args([fixture("wire.txt"), fixture("herald.txt")])
        .args(["--words", "3"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("raise --words"));
    nutgraf()
        .arg("roundup")
        .arg(fixture("wire.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("single-article brief"));
}

#[test]
fn summarize_with_several_articles_makes_the_roundup() {
    let (a, b, c) = (fixture("herald.txt"), fixture("standard.html"), fixture("wire.txt"));
    for format in ["text", "json"] {
        let run = |cmd: &str| {
            let out =
                nutgraf().arg(cmd).args([&a, &b, &c]).args(["--sentences", "3", "--format", format]).output().unwrap();
            assert!(out.status.success(), "{cmd}: {}", String::from_utf8_lossy(&out.stderr));
            out.stdout
        };
        assert_eq!(String::from_utf8(run("summarize")).unwrap(), String::from_utf8(run("roundup")).unwrap());
    }
    for (flag, value) in [("--ratio", "0.3"), ("--method", "lead"), ("--date", "2026-01-02"), ("--lang", "es")] {
        nutgraf()
            .arg("summarize")
            .args([&a, &b])
            .args([flag, value])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!("{flag} applies to one article")));
    }
    nutgraf().args(["summarize", "-", "-"]).assert().code(2).stderr(predicate::str::contains("only once"));
}
