//! What the extraction adds to a brief, on the bundled example articles: the path that
//! `nutgraf summarize --format json|markdown` and `nutgraf bench --extract` take (the brief, then
//! [`Brief::extraction`](nutgraf_summarize::Brief::extraction) on the same segmented article).
//!
//! ```sh
//! cargo build --profile bench -p nutgraf-summarize --example extract_cost
//! ROUNDS=200 valgrind --tool=callgrind target/release/examples/extract_cost brief+extract
//! ```
//!
//! MODE is `brief` (the plain brief) or `brief+extract`. Under callgrind, subtract a run with
//! `ROUNDS=0` (setup and one warm-up round) from a run with `ROUNDS=N` and divide by N for the
//! instructions of a round (three briefs); the two modes' difference is what the extraction adds.
//! The wall time printed is noisy on a shared machine; the instruction count is the stable figure.
//!
//! With a second argument, a JSONL file with `article` and `dataset` fields (the bench's data,
//! `../shared/eval/news-dev.jsonl`), and optionally a third, a dataset name (`cnndm`), a round is
//! those articles instead of the three examples: the articles `nutgraf bench --extract` times.

use std::hint::black_box;
use std::time::Instant;

use nutgraf_summarize::{Length, Options, Summarizer};

const ARTICLES: [&str; 3] = [
    include_str!("../../../examples/riverside-budget.txt"),
    include_str!("../../../examples/harbor-bridge.txt"),
    include_str!("../../../examples/clinic-closure.txt"),
];

/// The articles of a round: the bundled examples, or those of the JSONL file `path` (of `dataset`
/// when given).
fn articles(path: Option<String>, dataset: Option<String>) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let Some(path) = path else { return Ok(ARTICLES.iter().map(|a| a.to_string()).collect()) };
    let mut out = Vec::new();
    for line in std::fs::read_to_string(&path)?.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        if dataset.as_deref().is_some_and(|d| v["dataset"] != d) {
            continue;
        }
        out.push(v["article"].as_str().ok_or("a record without an \"article\" string")?.to_string());
    }
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mode = std::env::args().nth(1).unwrap_or_else(|| "brief+extract".to_string());
    let articles = articles(std::env::args().nth(2), std::env::args().nth(3))?;
    let extract = match mode.as_str() {
        "brief" => false,
        "brief+extract" => true,
        _ => return Err(format!("unknown mode {mode:?}: brief or brief+extract").into()),
    };
    let rounds: usize = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(2000);
    let s = Summarizer::new(Options { length: Length::Sentences(3), ..Options::default() });
    let round = || -> Result<usize, Box<dyn std::error::Error>> {
        let mut quotes = 0;
        for a in &articles {
            let Ok(brief) = s.summarize(black_box(a)) else { continue };
            assert!((1..=3).contains(&brief.sentences.len()));
            if extract {
                quotes += black_box(brief.extraction()).quotes.len();
            }
        }
        Ok(quotes)
    };
    let quotes = round()?;
    assert!(!extract || quotes > 0, "the articles have quotes");
    let start = Instant::now();
    for _ in 0..rounds {
        assert_eq!(round()?, quotes);
    }
    let per = start.elapsed().as_secs_f64() * 1e6 / rounds.max(1) as f64;
    println!("{mode}: {per:.1} µs per {} articles ({quotes} quotes a round)", articles.len());
    Ok(())
}
