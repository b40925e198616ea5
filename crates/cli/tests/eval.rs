//! `nutgraf eval`, `nutgraf bench` and `nutgraf rouge` end to end, on small made-up data written
//! to a temporary directory (the shared evaluation data is not needed).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

/// Made-up articles: two in the cnndm style, one in the xsum style, a malformed line and a
/// blank line.
const DATA: &str = r#"{"id": "c1", "dataset": "cnndm", "article": "The Millbrook city council approved a new budget of $4 million on Tuesday. The plan keeps all three public libraries open on weekends. Council members voted five to two after a debate that lasted four hours. Property taxes will not rise this year, the finance office said. The budget takes effect on July 1.", "reference": "Millbrook council approves a $4 million budget. Libraries stay open on weekends. Taxes will not rise.", "url": "https://example.invalid/1"}
{"id": "c2", "dataset": "cnndm", "article": "Heavy rain flooded several streets in the harbor district on Sunday night. Firefighters rescued two drivers whose cars stalled in the water. No injuries were reported, the fire department said. The weather service expects more rain on Wednesday. Residents were told to avoid low roads.", "reference": "Rain flooded harbor streets on Sunday. Firefighters rescued two drivers. More rain is expected.", "url": "https://example.invalid/2"}
{"id": "x1", "dataset": "xsum", "article": "A small bakery in the old town has won a national prize for its rye bread. The owners opened the shop ten years ago with a single oven. They said the prize would help them hire two more bakers.", "reference": "a bakery in the old town has won a national bread prize.", "url": "https://example.invalid/3"}
{"id": "broken", "dataset":

"#;

fn nutgraf() -> Command {
    Command::cargo_bin("nutgraf").unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn json_of(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn eval_json_reports_every_dataset_and_method_and_writes_per_article_lines() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "news.jsonl", DATA);
    let out = dir.path().join("per-article.jsonl");
    let assert = nutgraf()
        .args(["eval", "--format", "json", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("skipped 1 malformed line(s); first: line 4: invalid JSON"));
    let report: Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(report["articles"], 3);
    assert_eq!(report["skipped_lines"], 1);
    assert_eq!(report["first_skipped"][0]["line"], 4);
    let groups = report["groups"].as_array().unwrap();
    let names: Vec<String> = groups
        .iter()
        .map(|g| format!("{}/{}", g["dataset"].as_str().unwrap(), g["method"].as_str().unwrap()))
        .collect();
    let expected = ["nutgraf", "lead", "textrank", "lexrank"];
    let expected: Vec<String> =
        ["cnndm", "xsum"].iter().flat_map(|d| expected.iter().map(move |m| format!("{d}/{m}"))).collect();
    assert_eq!(names, expected);
    for g in groups {
        for metric in ["rouge1", "rouge2", "rougeLsum"] {
            let m = &g[metric];
            let (mean, low, high) =
                (m["mean"].as_f64().unwrap(), m["low"].as_f64().unwrap(), m["high"].as_f64().unwrap());
            assert!((0.0..=100.0).contains(&mean) && low <= mean && mean <= high, "{g}");
            assert_eq!(m["p_vs_lead"].is_null(), g["method"] == "lead", "{g}");
        }
    }
    // 3 sentences for cnndm and 1 for xsum by default.
    assert_eq!(groups[1]["length"], serde_json::json!({"unit": "sentences", "value": 3}));
    assert_eq!(groups[5]["length"], serde_json::json!({"unit": "sentences", "value": 1}));

    let lines: Vec<Value> =
        std::fs::read_to_string(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 12);
    for l in &lines {
        for field in ["id", "dataset", "method", "summary", "rouge1", "rouge2", "rougeLsum"] {
            assert!(!l[field].is_null(), "{field} missing in {l}");
        }
    }
    let lead_x1 = lines.iter().find(|l| l["id"] == "x1" && l["method"] == "lead").unwrap();
    assert_eq!(lead_x1["summary"], "A small bakery in the old town has won a national prize for its rye bread.");
    let lead_c1 = lines.iter().find(|l| l["id"] == "c1" && l["method"] == "lead").unwrap();
    assert_eq!(lead_c1["summary"].as_str().unwrap().lines().count(), 3);
}

#[test]
fn eval_text_with_explicit_budget_and_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "news.jsonl", DATA);
    let assert = nutgraf()
        .args(["eval", "--dataset", "cnndm", "--sentences", "2", "--methods", "lead,textrank", "--data"])
        .arg(&data)
        .assert()
        .success();
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("ROUGE F1 x100, mean [95% bootstrap CI]"), "{out}");
    assert!(
        lines[1].starts_with("dataset  method    length       n  words") && lines[1].contains("ROUGE-Lsum"),
        "{out}"
    );
    assert!(lines[2].starts_with("cnndm    lead      2 sentences  2") && lines[2].ends_with('-'), "{out}");
    assert!(lines[3].starts_with("cnndm    textrank  2 sentences  2"), "{out}");
    assert_eq!(lines.len(), 6, "{out}"); // header, table of 3 lines, 2 lines of skipped-line notes

    let words = nutgraf()
        .args(["eval", "--format", "json", "--words", "25", "--methods", "nutgraf", "--data"])
        .arg(&data)
        .assert()
        .success();
    let report: Value = serde_json::from_slice(&words.get_output().stdout).unwrap();
    for g in report["groups"].as_array().unwrap() {
        assert!(g["mean_words"].as_f64().unwrap() <= 25.0, "{g}");
    }
}

#[test]
fn eval_and_bench_refuse_bad_input_with_clear_messages() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "news.jsonl", DATA);
    let missing =
        write(dir.path(), "missing.jsonl", "{\"id\": \"a\", \"dataset\": \"xsum\", \"article\": \"Text here.\"}\n");
    let garbage = write(dir.path(), "garbage.jsonl", "not json\n[1]\n");
    let cases: Vec<(Vec<&str>, &Path, i32, &str)> = vec![
        (
            vec!["eval"],
            Path::new("/nonexistent/news.jsonl"),
            1,
            "cannot read /nonexistent/news.jsonl: no such file or directory",
        ),
        (vec!["eval"], &missing, 1, "line 1: missing required field \"reference\""),
        (vec!["eval"], &garbage, 1, "the data has no usable rows (2 malformed line(s) skipped)"),
        (vec!["eval", "--dataset", "reddit"], &data, 2, "unknown dataset \"reddit\": use cnndm, xsum or all"),
        (vec!["eval", "--methods", "lead,luhn"], &data, 2, "unknown method \"luhn\""),
        (vec!["eval", "--format", "yaml"], &data, 2, "unknown format \"yaml\": use text or json"),
        (vec!["eval", "--sentences", "0"], &data, 2, "--sentences must be at least 1"),
        (vec!["bench", "--seconds", "0"], &data, 2, "--seconds must be in (0, 3600]"),
        (vec!["bench", "--dataset", "all"], dir.path(), 1, "is a directory"),
        (vec!["eval", "--words", "5", "--sentences", "2"], &data, 2, "cannot be used with"),
    ];
    for (args, path, code, message) in cases {
        nutgraf()
            .args(&args)
            .arg("--data")
            .arg(path)
            .assert()
            .code(code)
            .stderr(predicate::str::contains(message).and(predicate::str::contains("panicked").not()));
    }
    let xsum_only = write(dir.path(), "xsum.jsonl", DATA.lines().nth(2).unwrap());
    nutgraf()
        .args(["eval", "--dataset", "cnndm", "--data"])
        .arg(&xsum_only)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("none of the 1 usable rows is in dataset cnndm"));
}

#[test]
fn summarizer_errors_count_as_empty_summaries() {
    let dir = tempfile::tempdir().unwrap();
    let text = r#"{"id": "tiny", "dataset": "cnndm", "article": "The council approved the new budget for the coming year on Tuesday night.", "reference": "Budget approved."}"#;
    let data = write(dir.path(), "tiny.jsonl", text);
    let assert = nutgraf().args(["eval", "--words", "3", "--methods", "lead", "--data"]).arg(&data).assert().success();
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(
        out.contains(
            "summarizer errors: 1 (scored as empty summaries); first:\n  tiny (lead): no sentence fits in 3 words"
        ),
        "{out}"
    );
    assert!(out.contains("0.00 [0.00, 0.00]"), "{out}");
}

#[test]
fn rouge_scores_two_files_as_rouge_score_does() {
    let dir = tempfile::tempdir().unwrap();
    let reference = write(
        dir.path(),
        "ref.txt",
        "The mayor opened the new bridge on Monday.\nTraffic is expected to ease downtown.\n",
    );
    let candidate = write(
        dir.path(),
        "cand.txt",
        "On Monday the mayor opened a bridge.\nOfficials expect traffic downtown to ease.\n",
    );
    let assert = nutgraf()
        .args(["rouge", "--format", "json", "--reference"])
        .arg(&reference)
        .arg("--candidate")
        .arg(&candidate)
        .assert();
    let raw = String::from_utf8(assert.success().get_output().stdout.clone()).unwrap();
    // Exactly rouge-score's names, in its order (serde_json's Value would sort the keys).
    let at = |key: &str| raw.find(&format!("\"{key}\":")).unwrap_or_else(|| panic!("{key} missing in {raw}"));
    let order = ["rouge1", "rouge2", "rougeL", "rougeLsum"].map(at);
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{raw}");
    let order = ["precision", "recall", "fmeasure"].map(at);
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{raw}");
    let scores: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(scores.as_object().unwrap().len(), 4);
    // rouge-score 0.1.2, RougeScorer([...], use_stemmer=True).score(ref, cand).
    let expected = [
        ("rouge1", 0.8461538461538461, 0.7857142857142857, 0.8148148148148148),
        ("rouge2", 0.3333333333333333, 0.3076923076923077, 0.32),
        ("rougeL", 0.5384615384615384, 0.5, 0.5185185185185186),
        ("rougeLsum", 0.5384615384615384, 0.5, 0.5185185185185186),
    ];
    for (name, p, r, f) in expected {
        let s = &scores[name];
        assert_eq!(s.as_object().unwrap().len(), 3);
        for (key, want) in [("precision", p), ("recall", r), ("fmeasure", f)] {
            assert!((s[key].as_f64().unwrap() - want).abs() < 1e-9, "{name} {key}: {s}");
        }
    }
    nutgraf()
        .args(["rouge", "--reference"])
        .arg(&reference)
        .arg("--candidate")
        .arg(&candidate)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "metric     precision  recall  fmeasure\nrouge1        0.8462  0.7857    0.8148\n",
        ));
    nutgraf()
        .args(["rouge", "--reference", "/nonexistent/ref.txt", "--candidate"])
        .arg(&candidate)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read /nonexistent/ref.txt"));
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"caf\xe9\n").unwrap();
    nutgraf()
        .args(["rouge", "--reference"])
        .arg(&latin1)
        .arg("--candidate")
        .arg(&candidate)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not UTF-8 text"));
}

#[test]
fn bench_json_has_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "news.jsonl", DATA);
    let report = json_of(nutgraf().args(["bench", "--seconds", "0.05", "--format", "json", "--data"]).arg(&data));
    for field in ["peak_rss_mb", "cores", "cpu_model", "date", "articles"] {
        assert!(!report[field].is_null(), "{field} missing in {report}");
    }
    assert_eq!(report["articles"], 3);
    let methods = report["methods"].as_array().unwrap();
    assert_eq!(methods.len(), 4);
    for m in methods {
        for field in
            ["articles_per_sec_1t", "articles_per_sec_all", "mb_per_sec_1t", "mb_per_sec_all", "p50_us", "p99_us"]
        {
            assert!(m[field].as_f64().is_some_and(|x| x > 0.0), "{field} in {m}");
        }
    }
    let text =
        nutgraf().args(["bench", "--seconds", "0.01", "--methods", "lead", "--data"]).arg(&data).assert().success();
    let out = String::from_utf8(text.get_output().stdout.clone()).unwrap();
    assert!(out.lines().nth(1).unwrap().starts_with("method  art/s 1t  art/s all"), "{out}");
    assert!(out.contains("peak RSS: "), "{out}");
}
