//! The Spanish golden briefs: `nutgraf summarize --lang es FILE --format json` on the Spanish
//! golden set (`crates/analyze/tests/fixtures/es`, shared with the analysis tests). Opinion and
//! editor's-note sentences and other boilerplate never reach the brief, every labelled quote is in
//! the JSON with its speaker, and every span slices the input to exactly its text. Print the
//! figures with `cargo test -p nutgraf-cli --test spanish -- --nocapture`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Labels {
    date: Option<String>,
    quotes: Vec<Gold>,
    brief: Brief,
}

#[derive(Deserialize)]
struct Gold {
    text: String,
    speaker: Option<String>,
}

#[derive(Deserialize)]
struct Brief {
    include: Vec<String>,
    exclude: Vec<String>,
}

fn articles() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../analyze/tests/fixtures/es");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the Spanish fixtures")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// Asserts that `v`'s span slices `text` to `v`'s text.
fn exact(text: &str, v: &Value, what: &str) {
    let span = v["span"].as_array().unwrap_or_else(|| panic!("{what}: no span in {v}"));
    let (a, b) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
    assert_eq!(&text[a..b], v["text"].as_str().unwrap(), "{what}");
}

#[test]
fn spanish_golden_briefs() {
    let files = articles();
    assert!(files.len() >= 12, "at least 12 Spanish articles");
    let (mut included, mut include_total, mut quotes, mut speakers_ok) = (0, 0, 0, 0);
    let mut excluded_total = 0;
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let text = std::fs::read_to_string(path).unwrap();
        let labels: Labels = serde_json::from_str(&std::fs::read_to_string(path.with_extension("json")).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut cmd = Command::cargo_bin("nutgraf").expect("the nutgraf binary is built");
        cmd.args(["summarize", "--lang", "es", "--format", "json"]);
        if let Some(d) = &labels.date {
            cmd.args(["--date", d]);
        }
        let out = cmd.arg(path).output().unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["language"]["code"], "es", "{name}");
        let brief: Vec<&str> = v["sentences"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect();
        assert!(!brief.is_empty(), "{name}: empty brief");
        for s in v["sentences"].as_array().unwrap().iter().chain(v["omitted"].as_array().unwrap()) {
            exact(&text, s, name);
        }
        for s in &labels.brief.exclude {
            excluded_total += 1;
            assert!(!brief.contains(&s.as_str()), "{name}: opinion or boilerplate in the brief: {s:?}");
        }
        for s in &labels.brief.include {
            include_total += 1;
            if brief.contains(&s.as_str()) {
                included += 1;
            } else {
                println!("{name}: not in the brief: {s:?}");
            }
        }
        let got = v["quotes"].as_array().unwrap();
        for q in got {
            exact(&text, q, name);
            if !q["speaker_span"].is_null() {
                exact(&text, &q["speaker_span"], name);
            }
        }
        for g in &labels.quotes {
            quotes += 1;
            let q = got
                .iter()
                .find(|q| q["text"] == g.text.as_str())
                .unwrap_or_else(|| panic!("{name}: quote missing from the JSON: {:?}", g.text));
            if q["speaker"].as_str() == g.speaker.as_deref() {
                speakers_ok += 1;
            } else {
                println!("{name}: {:?} speaker {}, want {:?}", g.text, q["speaker"], g.speaker);
            }
        }
    }
    println!(
        "Spanish briefs: {} articles; {excluded_total} opinion/boilerplate sentences, none in a brief; \
         must-have sentences kept {included}/{include_total}; quotes {quotes}/{quotes} in the JSON, \
         speakers right {speakers_ok}/{quotes}",
        files.len()
    );
    assert!(speakers_ok * 100 >= quotes * 95, "speaker accuracy under 95%");
    assert!(included * 100 >= include_total * 80, "under 80% of the must-have sentences in the briefs");
}
