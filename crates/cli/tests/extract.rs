//! `nutgraf extract`: JSON spans slice the input exactly, speakers and roles of the bundled
//! examples, Markdown sections, and clear errors with the right exit code for bad input.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn nutgraf() -> Command {
    Command::cargo_bin("nutgraf").expect("the nutgraf binary is built")
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples").join(name)
}

fn json(args: &[&str], stdin: Option<&str>) -> serde_json::Value {
    let mut cmd = nutgraf();
    cmd.arg("extract").args(args);
    if let Some(s) = stdin {
        cmd.write_stdin(s.to_string());
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn check_span(input: &str, v: &serde_json::Value) {
    let span = v["span"].as_array().unwrap();
    let (a, b) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
    assert_eq!(&input[a..b], v["text"].as_str().unwrap());
    let chars = v["chars"].as_array().unwrap();
    assert_eq!(input[..a].chars().count() as u64, chars[0].as_u64().unwrap());
}

/// Every span in the JSON is exact, and the harbor example's speakers, roles and dates are right.
#[test]
fn json_spans_speakers_and_roles() {
    let path = example("harbor-bridge.txt");
    let input = std::fs::read_to_string(&path).unwrap();
    let v = json(&[path.to_str().unwrap(), "--date", "2026-03-12"], None);
    assert_eq!(v["reference_date"], "2026-03-12");
    let quotes = v["quotes"].as_array().unwrap();
    for q in quotes {
        check_span(&input, q);
        for k in ["speaker_span", "date_span", "place", "cue"] {
            if !q[k].is_null() {
                check_span(&input, &q[k]);
            }
        }
    }
    for e in v["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            check_span(&input, m);
        }
    }
    for d in v["dates"]
        .as_array()
        .unwrap()
        .iter()
        .chain(v["statements"].as_array().unwrap())
        .chain(v["timeline"].as_array().unwrap())
    {
        check_span(&input, d);
    }
    let who: Vec<(&str, &str)> =
        quotes.iter().map(|q| (q["speaker"].as_str().unwrap_or("-"), q["role"].as_str().unwrap_or("-"))).collect();
    assert_eq!(
        who,
        vec![
            ("John Carter", "Acting Transportation Secretary"),
            ("Helen Osei", "port director"),
            ("Maria Lopez", "Retired FBI agent"),
        ]
    );
    let hearing = v["timeline"].as_array().unwrap().iter().find(|e| e["date"] == "2026-04-09").unwrap();
    assert!(hearing["text"].as_str().unwrap().contains("hearing"));
}

/// Markdown has the quotes with speaker and role, the people and the timeline.
#[test]
fn markdown_sections() {
    nutgraf()
        .args(["extract", "--format", "markdown", "--date", "2026-03-12"])
        .arg(example("riverside-budget.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("### Quotes"))
        .stdout(predicate::str::contains("**Ana Ruiz** (Mayor)"))
        .stdout(predicate::str::contains("### People"))
        .stdout(predicate::str::contains("### Timeline"));
}

/// Bad input never panics: unbalanced marks, an unclosed quote at the end, 10,000 marks, a
/// 100,000-word quote.
#[test]
fn bad_input_is_handled() {
    let cases = vec![
        ("\"One two three,\" he said. \"Four five six".to_string(), 2),
        ("Mills said: \"and then it ends".to_string(), 1),
        ("\"".repeat(10_000), 0),
        (format!("\"{}\" Ana Ruiz said.", "word ".repeat(100_000)), 1),
    ];
    for (input, quotes) in cases {
        let v = json(&["-"], Some(&input));
        assert_eq!(v["quotes"].as_array().unwrap().len(), quotes);
    }
}

/// Errors name the problem and exit 1 (input) or 2 (usage).
#[test]
fn errors_and_exit_codes() {
    nutgraf().args(["extract", "/no/such/file.txt"]).assert().code(1).stderr(predicate::str::contains("cannot read"));
    nutgraf()
        .args(["extract", "--date", "May 4"])
        .arg(example("harbor-bridge.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
    nutgraf().args(["extract", "--format", "xml"]).arg(example("harbor-bridge.txt")).assert().code(2);
    nutgraf().args(["extract", "-"]).write_stdin(vec![0xffu8, 0xfe, 0x00]).assert().code(1);
}

/// A Spanish article: detected (or given), Spanish quotes with their speakers, exact spans.
#[test]
fn spanish_quotes_and_speakers() {
    let input = "El ayuntamiento de Sevilla aprobó el martes un presupuesto de 4,2 millones de euros para \
                 reparar las bibliotecas de los barrios del norte.\n\n«Es un buen día para la ciudad», dijo la \
                 alcaldesa, Ana Ruiz, al salir del pleno.\n\n—No pienso cerrar la tienda —dijo el comerciante \
                 Luis Gómez.\n";
    for args in [&["--lang", "auto"][..], &["--lang", "es"][..]] {
        let v = json(&[args, &["-"]].concat(), Some(input));
        let quotes = v["quotes"].as_array().unwrap();
        assert_eq!(quotes.len(), 2, "{v}");
        for q in quotes {
            check_span(input, q);
        }
        assert_eq!(quotes[0]["speaker"], "Ana Ruiz", "{v}");
        assert_eq!(quotes[1]["speaker"], "Luis Gómez", "{v}");
    }
    nutgraf()
        .args(["extract", "--lang", "xx", "-"])
        .write_stdin(input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown language \"xx\""));
}
