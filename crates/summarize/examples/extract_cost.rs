//! What the extraction adds to a brief, on the bundled example articles: the path that
//! `nutgraf summarize --format json|markdown` and `nutgraf bench --extract` take (the brief, then
//! [`Brief::extraction`](nutgraf_summarize::Brief::extraction) on the same segmented article).
//!
//! ```sh
//! cargo build --profile bench -p nutgraf-summarize --example extract_cost
//! ROUNDS=200 valgrind --tool=callgrind target/release/examples/extract_cost brief+extract
//! ```
//!
//! MODE is `brief` (the plain brief), `brief+extract`, `split`, or `extract`. Under callgrind, subtract a run with
//! `ROUNDS=0` (setup and one warm-up round) from a run with `ROUNDS=N` and divide by N for the
//! instructions of a round (three briefs); the two modes' difference is what the extraction adds.
//! The wall time printed is noisy on a shared machine; the instruction count is the stable figure.
//!
//! The extraction runs fewer instructions per cycle than the brief (more of its branches are
//! mispredicted), so instructions understate its share of the time. `split` times it directly:
//! each round briefs every article twice, plain and with the extraction, side by side, so that
//! both see the same machine; it prints the fastest round of each and what the extraction adds
//! (the fastest round is the one least disturbed by other work on the machine). Pin it to one
//! core (`taskset -c 1`) for steadier figures.
//!
//! `extract` times the extraction alone, as a brief runs it (the English word lists the analysis
//! found, [`Scope::Brief`]), on articles segmented and analyzed once before the clock starts: it
//! prints the fastest round per article. Under callgrind, `ROUNDS=3` less `ROUNDS=1`, halved and
//! divided by the number of articles, is the extraction's instructions per article, the steadiest
//! figure of its own cost (it sees no brief between two extractions, so its caches are warmer
//! than in `split`).
//!
//! With a second argument, a JSONL file with `article` and `dataset` fields (the bench's data,
//! `../shared/eval/news-dev.jsonl`), and optionally a third, a dataset name (`cnndm`), a round is
//! those articles instead of the three examples: the articles `nutgraf bench --extract` times.

use std::hint::black_box;
use std::time::Instant;

use nutgraf_analyze::extract::{extract_with_lists, Scope};
use nutgraf_summarize::{Length, Options, Summarizer};
use nutgraf_text::{Document, Lang};

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
        "brief+extract" | "split" | "extract" => true,
        _ => return Err(format!("unknown mode {mode:?}: brief, brief+extract, split or extract").into()),
    };
    let rounds: usize = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(2000);
    if mode == "extract" {
        return extract_alone(&articles, rounds.max(1));
    }
    let s = Summarizer::new(Options { length: Length::Sentences(3), ..Options::default() });
    if mode == "split" {
        return split(&s, &articles, rounds.max(1));
    }
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

/// `split` mode: every article is briefed twice in a round, once plain and once with the
/// extraction (each timed with its drop), in alternating order from round to round so that
/// neither gains from the other's warm caches; the fastest round of each gives the figures.
fn split(s: &Summarizer, articles: &[String], rounds: usize) -> Result<(), Box<dyn std::error::Error>> {
    let time = |a: &str, extract: bool| {
        let start = Instant::now();
        if let Ok(brief) = s.summarize(black_box(a)) {
            if extract {
                black_box(brief.extraction());
            }
            drop(black_box(brief));
        }
        start.elapsed().as_secs_f64()
    };
    let (mut plain, mut with) = (f64::INFINITY, f64::INFINITY);
    for r in 0..rounds + 1 {
        let (mut p, mut w) = (0.0, 0.0);
        for a in articles {
            if r % 2 == 0 {
                p += time(a, false);
                w += time(a, true);
            } else {
                w += time(a, true);
                p += time(a, false);
            }
        }
        // Round 0 warms up.
        if r > 0 {
            (plain, with) = (plain.min(p), with.min(w));
        }
    }
    println!(
        "split: fastest of {rounds} rounds: briefs {:.0} µs, with extraction {:.0} µs, extraction adds {:.1}% ({} articles)",
        plain * 1e6,
        with * 1e6,
        100.0 * (with - plain) / plain,
        articles.len()
    );
    Ok(())
}

/// `extract` mode: the extraction alone, on documents segmented and analyzed before the clock
/// starts; prints the fastest of `rounds` rounds, per article.
fn extract_alone(articles: &[String], rounds: usize) -> Result<(), Box<dyn std::error::Error>> {
    let docs: Vec<Document<'_>> = articles.iter().map(|a| Document::new(a)).collect();
    let lists: Vec<_> = docs.iter().map(|d| nutgraf_analyze::analyze(d).word_lists).collect();
    let mut fastest = f64::INFINITY;
    let mut quotes = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        quotes = 0;
        for (doc, lists) in docs.iter().zip(&lists) {
            let x = extract_with_lists(black_box(doc), lists, None, Lang::English, Scope::Brief);
            quotes += black_box(x).quotes.len();
        }
        fastest = fastest.min(start.elapsed().as_secs_f64());
    }
    println!(
        "extract: fastest of {rounds} rounds: {:.2} µs per article ({} articles, {quotes} quotes)",
        fastest * 1e6 / articles.len().max(1) as f64,
        articles.len()
    );
    Ok(())
}
