//! Parity with Python: every pair in `fixtures/parity.jsonl` scored by rouge-score 0.1.2 and
//! every word in `fixtures/porter.tsv` stemmed by NLTK. Regenerate the fixtures with
//! `parity/gen_parity.py` (see `parity/README.md`); this test itself needs no Python.

use nutgraf_rouge::{score, score_tokenized, stem, RougeScores, Score, Tokenized};
use serde::Deserialize;

/// rouge-score values must agree to 4 decimal places.
const TOLERANCE: f64 = 5e-5;

#[derive(Deserialize)]
struct Case {
    name: String,
    reference: String,
    candidate: String,
    expected: RougeScores,
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

fn differences(name: &str, got: &RougeScores, want: &RougeScores) -> Vec<String> {
    let variants = [
        ("rouge1", got.rouge1, want.rouge1),
        ("rouge2", got.rouge2, want.rouge2),
        ("rougeL", got.rouge_l, want.rouge_l),
        ("rougeLsum", got.rouge_lsum, want.rouge_lsum),
    ];
    let mut out = Vec::new();
    for (variant, g, w) in variants {
        let fields = |s: Score| [("precision", s.precision), ("recall", s.recall), ("fmeasure", s.fmeasure)];
        for ((field, g), (_, w)) in fields(g).into_iter().zip(fields(w)) {
            let close = (g - w).abs() < TOLERANCE; // false for NaN too
            if !close {
                out.push(format!("{name}: {variant}.{field} = {g}, rouge-score says {w}"));
            }
        }
    }
    out
}

#[test]
fn rouge_matches_rouge_score_0_1_2() {
    let text = fixture("parity.jsonl");
    let cases: Vec<Case> = text.lines().map(|line| serde_json::from_str(line).expect("a parity case")).collect();
    assert!(cases.len() >= 400, "only {} parity cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let got = score(&case.reference, &case.candidate);
        failures.extend(differences(&case.name, &got, &case.expected));
        let reference = Tokenized::new(&case.reference);
        let pre = score_tokenized(&reference, &Tokenized::new(&case.candidate));
        assert_eq!(pre, got, "{}: score_tokenized differs from score", case.name);
    }
    assert!(
        failures.is_empty(),
        "{} of {} values differ:\n{}",
        failures.len(),
        cases.len() * 12,
        failures.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn stems_match_nltk_porter() {
    let text = fixture("porter.tsv");
    let mut count = 0;
    let mut failures = Vec::new();
    for line in text.lines() {
        let (word, want) = line.split_once('\t').expect("word<TAB>stem");
        let got = stem(word);
        if got != want {
            failures.push(format!("stem({word:?}) = {got:?}, NLTK says {want:?}"));
        }
        count += 1;
    }
    assert!(count >= 3000, "only {count} stems");
    assert!(failures.is_empty(), "{} of {count} stems differ:\n{}", failures.len(), failures.join("\n"));
}
