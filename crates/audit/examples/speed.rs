//! Throughput of `Auditor::audit` on CNN/DM-size sources: every (article, reference) pair of the
//! cnndm rows of news-dev.jsonl, audited in rounds on one thread.
//!
//! ```sh
//! cargo run --release -p nutgraf-audit --example speed -- [../shared/eval/news-dev.jsonl] [SECONDS]
//! ```
//!
//! Prints pairs per second of wall time. On a shared machine, run it under `/usr/bin/time -f %U`
//! and divide the pair count by the user seconds too.

use std::time::Instant;

use nutgraf_audit::{Auditor, Source};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().cloned().unwrap_or("../shared/eval/news-dev.jsonl".into());
    let seconds: f64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(3.0);
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let pairs: Vec<(String, String)> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["dataset"] == "cnndm")
        .map(|v| {
            (
                v["article"].as_str().unwrap_or_default().to_string(),
                v["reference"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let bytes: usize = pairs.iter().map(|p| p.0.len()).sum();
    let auditor = Auditor::new();
    let (mut n, mut supported) = (0usize, 0usize);
    let t0 = Instant::now();
    while t0.elapsed().as_secs_f64() < seconds {
        for (article, reference) in &pairs {
            let a = auditor.audit(&[Source::new("article", article)], reference).expect("audits");
            supported += a.supported as usize;
            n += 1;
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    assert!(supported > 0 && supported < n, "a benchmark that audits nothing as supported, or everything, is broken");
    println!(
        "{n} pairs ({} distinct, mean source {:.0} bytes) in {secs:.2} s: {:.0} pairs/s on one thread",
        pairs.len(),
        bytes as f64 / pairs.len() as f64,
        n as f64 / secs
    );
}
