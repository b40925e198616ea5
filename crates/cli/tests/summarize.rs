//! `nutgraf summarize`: golden briefs of the bundled examples, JSON span exactness, and a clear
//! error with the right exit code for each kind of bad input.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn nutgraf() -> Command {
    Command::cargo_bin("nutgraf").expect("the nutgraf binary is built")
}

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    assert!(v.len() >= 3, "at least three bundled examples");
    v
}

/// Each example's brief is its golden `.brief` file, byte for byte.
#[test]
fn golden_briefs() {
    for article in examples() {
        let golden = std::fs::read_to_string(article.with_extension("brief")).unwrap();
        let out = nutgraf().arg("summarize").arg(&article).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let got = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            got,
            golden,
            "brief of {} changed: if intended, regenerate with `nutgraf summarize FILE > FILE.brief`",
            article.display()
        );
    }
}

/// JSON spans slice the input to exactly the text shown, opinion and boilerplate are left out
/// with their reason, and loaded words point at the words.
#[test]
fn json_spans_are_exact() {
    for article in examples() {
        let input = std::fs::read_to_string(&article).unwrap();
        let out = nutgraf().args(["summarize", "--format", "json"]).arg(&article).output().unwrap();
        assert!(out.status.success());
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let sentences = v["sentences"].as_array().unwrap();
        assert!(!sentences.is_empty());
        for s in sentences.iter().chain(v["omitted"].as_array().unwrap()) {
            let span = s["span"].as_array().unwrap();
            let (a, b) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
            assert_eq!(&input[a..b], s["text"].as_str().unwrap());
            let chars = s["chars"].as_array().unwrap();
            let ca = chars[0].as_u64().unwrap() as usize;
            assert_eq!(input[..a].chars().count(), ca);
        }
        for w in v["loaded_words"].as_array().unwrap() {
            let span = w["span"].as_array().unwrap();
            let text = &input[span[0].as_u64().unwrap() as usize..span[1].as_u64().unwrap() as usize];
            assert_eq!(text.to_lowercase(), w["text"].as_str().unwrap().to_lowercase());
        }
        let reasons: Vec<&str> =
            v["omitted"].as_array().unwrap().iter().map(|o| o["reason"].as_str().unwrap()).collect();
        assert!(reasons.contains(&"opinion"), "{}: an opinion paragraph is left out", article.display());
        assert!(reasons.contains(&"boilerplate"), "{}: the editor's note or prompt is left out", article.display());
        for s in sentences {
            let role = s["role"].as_str().unwrap();
            assert!(["reported", "attributed", "quote"].contains(&role));
        }
        assert!(v["stats"]["compression"].as_f64().unwrap() < 0.5);
    }
}

#[test]
fn opinion_is_left_out_unless_kept() {
    let article = "The council approved the budget on Tuesday after a long debate.\n\n\
                   The council's leaders are spineless cowards who have betrayed every voter.\n\n\
                   The vote was 7-2.";
    nutgraf()
        .args(["summarize", "--sentences", "3"])
        .write_stdin(article)
        .assert()
        .success()
        .stdout(predicate::str::contains("cowards").not());
    nutgraf()
        .args(["summarize", "--sentences", "3", "--keep-opinion"])
        .write_stdin(article)
        .assert()
        .success()
        .stdout(predicate::str::contains("cowards"));
}

#[test]
fn word_budget_is_never_exceeded() {
    for article in examples() {
        for budget in [12, 40, 90] {
            let out = nutgraf()
                .args(["summarize", "--format", "json", "--words", &budget.to_string()])
                .arg(&article)
                .output()
                .unwrap();
            if !out.status.success() {
                assert_eq!(out.status.code(), Some(1), "only 'nothing fits' may fail");
                continue;
            }
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert!(v["stats"]["words_out"].as_u64().unwrap() <= budget);
        }
    }
}

#[test]
fn methods_and_formats() {
    let article = &examples()[0];
    for method in ["nutgraf", "lead", "textrank", "lexrank"] {
        for format in ["text", "markdown", "json"] {
            nutgraf()
                .args(["summarize", "--sentences", "2", "--method", method, "--format", format])
                .arg(article)
                .assert()
                .success();
        }
    }
    nutgraf()
        .args(["summarize", "--format", "markdown"])
        .arg(article)
        .assert()
        .success()
        .stdout(predicate::str::contains("### Loaded words"));
}

#[test]
fn reference_date_resolves_relative_dates_in_the_timeline() {
    let article = "The council voted on Tuesday to close the pool.\n\nThe pool will reopen next year, officials said.";
    let out = nutgraf()
        .args(["summarize", "--format", "json", "--date", "2026-11-23"])
        .write_stdin(article)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let dates: Vec<&str> = v["timeline"].as_array().unwrap().iter().filter_map(|t| t["date"].as_str()).collect();
    assert!(dates.iter().any(|d| d.starts_with("2026-11")), "Tuesday before 2026-11-23 is in November 2026: {dates:?}");
    fails(&["summarize", "--date", "yesterday"], Some(b"Some text."), 2, "is not a date");
}

#[test]
fn one_sentence_document() {
    nutgraf()
        .arg("summarize")
        .write_stdin("Only one sentence here.")
        .assert()
        .success()
        .stdout("Only one sentence here.\n");
}

fn fails(args: &[&str], stdin: Option<&[u8]>, code: i32, message: &str) {
    let mut cmd = nutgraf();
    cmd.args(args);
    if let Some(s) = stdin {
        cmd.write_stdin(s.to_vec());
    }
    cmd.assert().code(code).stderr(predicate::str::contains(message)).stdout("");
}

#[test]
fn bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    fails(&["summarize"], Some(b""), 1, "empty");
    fails(&["summarize"], Some(b"  \n\t \n"), 1, "empty");
    fails(&["summarize"], Some(b"\x7fELF\x02\x01\x01\x00\x00\x00"), 1, "looks binary");
    fails(&["summarize"], Some(b"Caf\xe9 au lait."), 1, "not valid UTF-8");
    fails(&["summarize", &path("missing.txt")], None, 1, "cannot read");
    fails(&["summarize", dir.path().to_str().unwrap()], None, 1, "is a directory");
    let big = path("big.txt");
    std::fs::write(&big, "word ".repeat(10 << 20)).unwrap();
    fails(&["summarize", &big], None, 1, "over the");
    fails(&["summarize", "--words", "0"], Some(b"Some text."), 2, "--words must be at least 1");
    fails(&["summarize", "--words", "3", "--sentences", "2"], Some(b"Some text."), 2, "cannot be used with");
    fails(&["summarize", "--ratio", "2"], Some(b"Some text."), 2, "--ratio must be in");
    fails(&["summarize", "--method", "magic"], Some(b"Some text."), 2, "unknown method");
    fails(&["summarize", "--format", "yaml"], Some(b"Some text."), 2, "unknown format");
    fails(
        &["summarize", "--words", "2"],
        Some(b"This sentence has more than two words."),
        1,
        "no sentence fits in 2 words",
    );
}
