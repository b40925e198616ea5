//! `nutgraf stories`: a small feed (three stories of three articles, a wire copy, a singleton)
//! grouped by event with the copy marked; every id in exactly one story; `--brief`; bad input:
//! an empty feed, malformed and text-less lines, duplicate ids, a feed with no two articles on
//! one story; `--eval` on a small NeuS-shaped file.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn nutgraf() -> Command {
    Command::cargo_bin("nutgraf").expect("the nutgraf binary is built")
}

fn feed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../stories/tests/fixtures/feed.jsonl")
}

/// Runs `nutgraf stories` on `input` (a path, or JSONL text written to a temporary file).
fn stories(input: &str, extra: &[&str]) -> (Vec<Value>, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = if Path::new(input).is_file() {
        PathBuf::from(input)
    } else {
        let p = dir.path().join("feed.jsonl");
        std::fs::write(&p, input).unwrap();
        p
    };
    let out = nutgraf().arg("stories").arg("--in").arg(&path).args(extra).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (lines, String::from_utf8(out.stderr).unwrap())
}

/// The stories of the fixture feed, by event.
const FEED_STORIES: [&[&str]; 4] = [
    &["bridge-1", "bridge-2", "bridge-wire", "bridge-3"],
    &["council-1", "council-2", "council-3"],
    &["chess-1", "chess-2", "chess-3"],
    &["bakers-1"],
];

fn members(story: &Value) -> Vec<&str> {
    story["members"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect()
}

#[test]
fn groups_the_feed_by_event_and_marks_the_wire_copy() {
    let (lines, stderr) = stories(feed().to_str().unwrap(), &[]);
    let groups: Vec<Vec<&str>> = lines.iter().map(members).collect();
    assert_eq!(groups, FEED_STORIES);
    assert_eq!(lines[0]["story"], 1);
    assert_eq!(lines[0]["duplicates"], serde_json::json!([["bridge-wire", "bridge-1"]]));
    assert!(lines[1..].iter().all(|s| s["duplicates"].as_array().unwrap().is_empty()));
    assert_eq!(lines[3]["label"], "Lisbon bakers strike over flour prices");
    assert!(lines[2]["label"].as_str().unwrap().contains("Okafor"), "{}", lines[2]["label"]);
    assert!(stderr.contains("11 articles in 4 stories (1 wire copies)"), "{stderr}");
}

#[test]
fn every_id_is_in_exactly_one_story_whatever_the_threshold() {
    let ids: Vec<String> = std::fs::read_to_string(feed())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    for t in ["0.1", "0.9", "5"] {
        let (lines, _) = stories(feed().to_str().unwrap(), &["--threshold", t, "-q"]);
        let seen: Vec<&str> = lines.iter().flat_map(members).collect();
        let unique: HashSet<&str> = seen.iter().copied().collect();
        assert_eq!(seen.len(), ids.len(), "threshold {t}");
        assert_eq!(unique, ids.iter().map(String::as_str).collect(), "threshold {t}");
    }
    let (lines, _) = stories(feed().to_str().unwrap(), &["--threshold", "5", "-q"]);
    assert_eq!(lines.len(), 11, "nothing reaches a threshold of 5");
}

#[test]
fn brief_adds_each_storys_roundup() {
    let (lines, _) = stories(feed().to_str().unwrap(), &["--brief", "-q"]);
    let council = &lines[1]["brief"];
    let sentences = council["sentences"].as_array().unwrap();
    assert!(!sentences.is_empty());
    assert!(sentences.iter().any(|s| s["text"].as_str().unwrap().contains("librar")), "{council}");
    assert_eq!(council["sources"].as_array().unwrap().len(), 3);
    assert!(lines[3]["brief"]["sentences"].as_array().is_some(), "a singleton story still gets a brief");
}

#[test]
fn bad_lines_become_error_lines_and_the_rest_is_grouped() {
    let input = "{\"id\": \"a\", \"text\": \"Floodwater reached the Arden valley school on Friday.\"}\n\
                 not json\n\
                 {\"id\": \"b\"}\n\
                 {\"text\": \"an article without an id\"}\n\
                 \n\
                 {\"id\": \"c\", \"text\": \"The Arden valley school was flooded on Friday, and classes moved online.\"}\n";
    let (lines, stderr) = stories(input, &[]);
    let errors: Vec<(u64, &str)> = lines
        .iter()
        .filter(|l| l.get("error").is_some())
        .map(|l| (l["line"].as_u64().unwrap(), l["error"].as_str().unwrap()))
        .collect();
    assert_eq!(errors.len(), 3, "{lines:?}");
    assert_eq!(errors.iter().map(|e| e.0).collect::<Vec<_>>(), vec![2, 3, 4]);
    assert!(errors[0].1.starts_with("malformed json"), "{}", errors[0].1);
    assert!(errors[1].1.contains("no text"));
    assert!(errors[2].1.contains("no id"));
    assert_eq!((lines[1]["id"].as_str(), lines[2]["id"].as_str()), (Some("b"), None));
    let story_members: Vec<Vec<&str>> = lines.iter().filter(|l| l.get("story").is_some()).map(members).collect();
    assert_eq!(story_members, vec![vec!["a", "c"]]);
    assert!(stderr.contains("3 bad line(s)"), "{stderr}");
}

#[test]
fn no_two_articles_on_one_story_gives_all_singletons() {
    let input = "{\"id\": 1, \"text\": \"The Arden valley school flooded on Friday.\"}\n\
                 {\"id\": 2, \"text\": \"Chess prodigy Lina Okafor won the junior title in Tallinn.\"}\n\
                 {\"id\": 3, \"text\": \"Lisbon bakers went on strike over the price of flour.\"}\n";
    let (lines, _) = stories(input, &["-q"]);
    let groups: Vec<Vec<&str>> = lines.iter().map(members).collect();
    assert_eq!(groups, vec![vec!["1"], vec!["2"], vec!["3"]]);
}

#[test]
fn duplicate_ids_and_empty_feeds_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let dup = dir.path().join("dup.jsonl");
    std::fs::write(&dup, "{\"id\": \"x\", \"text\": \"One.\"}\n{\"id\": \"y\", \"text\": \"Two.\"}\n{\"id\": \"x\", \"text\": \"Three.\"}\n").unwrap();
    nutgraf()
        .args(["stories", "--in"])
        .arg(&dup)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("duplicate id \"x\" on lines 1 and 3"));
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    nutgraf()
        .args(["stories", "--in"])
        .arg(&empty)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no usable article"));
    nutgraf()
        .args(["stories", "--in"])
        .arg(dir.path().join("missing.jsonl"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read"));
    nutgraf().args(["stories", "--in"]).arg(&dup).args(["--threshold", "-1"]).assert().code(2);
}

#[test]
fn eval_scores_a_neus_shaped_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("neus.jsonl");
    let rows = [
        (
            "r1",
            ["Kessel bridge shut", "Cracked girder closes Kessel bridge", "Kessel bridge closed for repairs"],
            "Engineers closed the Kessel harbor bridge on Monday after finding a cracked girder.",
        ),
        (
            "r2",
            ["Okafor wins junior chess title", "Okafor takes chess crown", "Teenager Okafor is junior champion"],
            "Lina Okafor won the junior world chess title in Tallinn on Sunday.",
        ),
    ];
    let text: String = rows
        .iter()
        .map(|(id, titles, body)| {
            let sources: Vec<String> = titles.iter().map(|t| format!("TITLE=> {t}. ARTICLE=> {body}")).collect();
            serde_json::json!({"id": id, "sources": sources, "reference": "x"}).to_string() + "\n"
        })
        .collect();
    std::fs::write(&path, text).unwrap();
    let out = nutgraf().args(["stories", "--format", "json", "--eval"]).arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((v["articles"].as_u64(), v["stories"].as_u64()), (Some(6), Some(2)));
    let ours = &v["systems"][0];
    assert_eq!(ours["system"], "nutgraf stories");
    assert_eq!(ours["bcubed_f1"].as_f64(), Some(1.0), "{ours}");
    assert_eq!(ours["ari"].as_f64(), Some(1.0));
}

/// The packaged sentence-embedding model (scripts/fetch-model.sh; scripts/test.sh runs it).
fn model_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.cache/models/all-MiniLM-L6-v2");
    let dir = std::env::var_os("NUTGRAF_EMBED_MODEL").map_or(dir, PathBuf::from);
    assert!(dir.join("model.safetensors").is_file(), "no model in {}: run scripts/fetch-model.sh", dir.display());
    dir
}

#[test]
fn the_model_path_groups_the_feed_the_same_way() {
    let dir = model_dir();
    let (lines, _) = stories(feed().to_str().unwrap(), &["--model", dir.to_str().unwrap()]);
    let groups: Vec<Vec<&str>> = lines.iter().map(members).collect();
    assert_eq!(groups, FEED_STORIES);
}

#[test]
fn a_missing_model_directory_is_an_input_error() {
    nutgraf().args(["stories", "--in"]).arg(feed()).args(["--model", "/nonexistent/minilm"]).assert().code(1).stderr(
        predicate::str::contains("--model /nonexistent/minilm").and(predicate::str::contains("fetch-model.sh")),
    );
}
