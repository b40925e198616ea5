//! Time of each extraction stage next to the analysis stage, on the bundled example articles.
//!
//! Run: `cargo run --release -p nutgraf-analyze --example extract_speed [STAGE]`, where STAGE
//! (`document`, `analyze` or `extract`) runs only that stage, for `perf stat -e instructions`:
//! instruction counts compare stages on a noisy machine where wall time cannot. `ROUNDS` (default
//! 2000) sets the number of timed rounds: under callgrind, subtract a run with `ROUNDS=0` (one
//! warm-up round plus setup) from a run with `ROUNDS=N` and divide by N for the cost of a round.

use std::hint::black_box;
use std::time::Instant;

use nutgraf_analyze::{analyze, extract::extract};
use nutgraf_text::Document;

const ARTICLES: [&str; 3] = [
    include_str!("../../../examples/riverside-budget.txt"),
    include_str!("../../../examples/harbor-bridge.txt"),
    include_str!("../../../examples/clinic-closure.txt"),
];

fn time(name: &str, rounds: usize, mut f: impl FnMut()) {
    if std::env::args().nth(1).is_some_and(|only| !name.starts_with(&only)) {
        return;
    }
    f();
    let t = Instant::now();
    for _ in 0..rounds {
        f();
    }
    println!("{name:<28} {:8.1} µs per 3 articles", t.elapsed().as_secs_f64() * 1e6 / rounds as f64);
}

fn main() {
    let rounds = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(2000);
    time("document (segment)", rounds, || {
        for a in ARTICLES {
            black_box(Document::new(black_box(a)));
        }
    });
    let docs: Vec<Document<'_>> = ARTICLES.iter().map(|a| Document::new(a)).collect();
    time("analyze", rounds, || {
        for d in &docs {
            black_box(analyze(d));
        }
    });
    time("extract", rounds, || {
        for d in &docs {
            black_box(extract(d, None));
        }
    });
}
