//! `--lang` on `nutgraf summarize` and `nutgraf rouge`: detection and its warning, given codes,
//! unknown codes, a mixed article, a script without spaces, an empty Spanish article.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn nutgraf() -> Command {
    Command::cargo_bin("nutgraf").expect("the nutgraf binary is built")
}

/// The Spanish and English articles written for the language tests and benches.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../summarize/tests/fixtures/lang").join(name)
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `summarize --format json` and checks that every span slices the input to its text.
fn json_brief(input: &Path, extra: &[&str]) -> (serde_json::Value, String) {
    let out = nutgraf().args(["summarize", "--format", "json"]).args(extra).arg(input).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = std::fs::read_to_string(input).unwrap();
    for s in v["sentences"].as_array().unwrap().iter().chain(v["omitted"].as_array().unwrap()) {
        let span = s["span"].as_array().unwrap();
        let (a, b) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
        assert_eq!(&text[a..b], s["text"].as_str().unwrap());
    }
    (v, String::from_utf8(out.stderr).unwrap())
}

#[test]
fn spanish_is_detected_and_reported_in_json() {
    let (v, stderr) = json_brief(&fixture("es-mercado.txt"), &["--sentences", "3"]);
    assert_eq!(v["language"]["code"], "es");
    assert_eq!(v["language"]["name"], "Spanish");
    assert_eq!(v["language"]["support"], "full");
    assert_eq!(v["language"]["detected"], true);
    assert!(v["language"]["confidence"].as_f64().unwrap() > 0.5);
    assert_eq!(v["sentences"].as_array().unwrap().len(), 3);
    assert!(stderr.is_empty(), "no warning for a clear language: {stderr}");
}

#[test]
fn given_language_is_not_detected() {
    let (v, _) = json_brief(&fixture("es-mercado.txt"), &["--lang", "es"]);
    assert_eq!(v["language"]["detected"], false);
    assert_eq!(v["language"]["confidence"], 1.0);
    let (v, _) = json_brief(&fixture("en-market.txt"), &["--lang", "EN"]);
    assert_eq!(v["language"]["code"], "en");
}

#[test]
fn english_auto_and_english_given_give_the_same_brief() {
    let run = |extra: &[&str]| {
        let out = nutgraf().arg("summarize").args(extra).arg(fixture("en-market.txt")).output().unwrap();
        assert!(out.status.success());
        out.stdout
    };
    assert_eq!(run(&[]), run(&["--lang", "en"]));
}

#[test]
fn unknown_code_is_a_usage_error_listing_the_codes() {
    nutgraf()
        .args(["summarize", "--lang", "xx"])
        .arg(fixture("es-mercado.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown language \"xx\"").and(predicate::str::contains("es, sv")));
    nutgraf()
        .args(["rouge", "--lang", "klingon", "--reference"])
        .arg(fixture("es-mercado.txt"))
        .arg("--candidate")
        .arg(fixture("es-mercado.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown language").and(predicate::str::contains("ar, da, nl, en")));
}

#[test]
fn mixed_article_falls_back_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let es = std::fs::read_to_string(fixture("es-mercado.txt")).unwrap();
    let en = std::fs::read_to_string(fixture("en-market.txt")).unwrap();
    let half = |t: &str| t.split("\n\n").take(5).collect::<Vec<_>>().join("\n\n");
    let path = write(&dir, "mixed.txt", &format!("{}\n\n{}", half(&es), half(&en)));
    let (v, stderr) = json_brief(&path, &["--sentences", "3"]);
    assert!(stderr.starts_with("nutgraf: warning: the text mixes"), "{stderr}");
    assert_eq!(v["language"]["code"], "und");
    assert_eq!(v["language"]["support"], "neutral");
    assert!(v["language"]["warning"].as_str().unwrap().contains("mixes"));
    assert_eq!(v["sentences"].as_array().unwrap().len(), 3);
}

#[test]
fn unspaced_script_is_split_at_its_full_stops() {
    let dir = tempfile::tempdir().unwrap();
    let zh =
        "市议会周二通过了明年的预算。预算包括提高地方税。\n\n市长表示，这份预算保护了每一座图书馆！反对派会上诉吗？";
    let path = write(&dir, "zh.txt", zh);
    let (v, stderr) = json_brief(&path, &["--sentences", "2"]);
    assert!(stderr.contains("warning") && stderr.contains("no language tables"), "{stderr}");
    assert_eq!(v["stats"]["sentences_in"], 4);
    assert!(v["sentences"][0]["text"].as_str().unwrap().ends_with('。'));
}

#[test]
fn empty_spanish_article_is_a_clear_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "vacio.txt", "  \n\n \t\n");
    for lang in ["es", "auto"] {
        nutgraf()
            .args(["summarize", "--lang", lang])
            .arg(&path)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("empty"));
    }
}

#[test]
fn help_lists_support_levels() {
    nutgraf().args(["summarize", "--help"]).assert().success().stdout(
        predicate::str::contains("full: sentences")
            .and(predicate::str::contains("es (Spanish)"))
            .and(predicate::str::contains("basic: sentences"))
            .and(predicate::str::contains("fr (French)"))
            .and(predicate::str::contains("und (other (language-neutral))")),
    );
}

#[test]
fn rouge_in_spanish_keeps_accented_words() {
    let dir = tempfile::tempdir().unwrap();
    let reference = write(&dir, "ref.txt", "El camión llegó tarde.\nLos vecinos protestaron.");
    let candidate = write(&dir, "cand.txt", "El camion llegó tarde.\nLos vecinos protestan.");
    let score = |lang: Option<&str>| {
        let mut cmd = nutgraf();
        cmd.args(["rouge", "--format", "json", "--reference"]).arg(&reference).arg("--candidate").arg(&candidate);
        if let Some(l) = lang {
            cmd.args(["--lang", l]);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let en = score(None);
    assert_eq!(en, score(Some("en")), "--lang en is the default");
    let es = score(Some("es"));
    // Spanish stems meet ("camión"/"camion", "protestaron"/"protestan"); rouge-score's ASCII
    // tokens cut the accented words apart and miss them.
    assert_eq!(es["rouge1"]["fmeasure"], 1.0);
    assert!(en["rouge1"]["fmeasure"].as_f64().unwrap() < 1.0);
}
