//! Faithfulness benchmark on FRANK human labels (faith-dev.jsonl): balanced accuracy per
//! (dataset, origin) group with one threshold chosen on the file, and their mean.
//!
//! ```sh
//! cargo run --release -p nutgraf-audit --example faith_eval -- [../shared/eval/faith-dev.jsonl] [--dump scores.tsv]
//! ```
//!
//! Prints each group's balanced accuracy at the best single threshold, the mean, the balanced
//! accuracy at the library's default threshold, and the naive baseline (share of summary content
//! words absent from the source) measured the same way.

use std::collections::BTreeMap;
use std::io::Write;
use std::time::Instant;

use nutgraf_audit::{Auditor, Source};
use serde_json::Value;

struct Row {
    group: String,
    label: bool,
    score: f32,
    naive: f32,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = (0..args.len())
        .find(|&i| !args[i].starts_with("--") && (i == 0 || args[i - 1] != "--dump"))
        .map_or("../shared/eval/faith-dev.jsonl".to_string(), |i| args[i].clone());
    let dump = args.iter().position(|a| a == "--dump").and_then(|i| args.get(i + 1)).cloned();
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let auditor = Auditor::new();
    let mut rows = Vec::new();
    let mut dump_out = dump.map(|p| std::io::BufWriter::new(std::fs::File::create(p).expect("create dump file")));
    let t0 = Instant::now();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).expect("faith-dev rows are JSON");
        let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
        let (source, summary) = (s("source"), s("summary"));
        let a = auditor.audit(&[Source::new("source", &source)], &summary).expect("faith-dev rows audit");
        let group = format!("{}/{}", s("dataset"), s("origin"));
        let label = v["label"].as_i64() == Some(1);
        if let Some(out) = dump_out.as_mut() {
            let sups: Vec<String> = a
                .sentences
                .iter()
                .map(|x| format!("{:.4}:{:.4}", x.support, x.evidence.first().map_or(0.0, |e| e.overlap)))
                .collect();
            let kinds: Vec<String> = a
                .sentences
                .iter()
                .flat_map(|x| {
                    x.unsupported.iter().map(|u| format!("{}:{}", u.kind.name(), u.text.split_whitespace().count()))
                })
                .collect();
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{:.4}\t{}\t{}",
                s("id"),
                group,
                s("model"),
                label as u8,
                a.score,
                sups.join(","),
                kinds.join(",")
            )
            .expect("write dump");
        }
        rows.push(Row { group, label, score: a.score, naive: 1.0 - naive(&source, &summary) });
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "faith-dev: {} rows from {path}, audited in {secs:.2} s ({:.0} pairs/s, one thread)",
        rows.len(),
        rows.len() as f64 / secs
    );
    report("nutgraf audit", &rows, |r| r.score, Some(auditor.threshold()));
    report("naive baseline (1 - share of summary content words absent from the source)", &rows, |r| r.naive, None);
}

/// Share of the summary's content words (lowercase, stop words out) absent from the source.
fn naive(source: &str, summary: &str) -> f32 {
    let lower = source.to_lowercase();
    let src: std::collections::HashSet<&str> =
        nutgraf_text::words(&lower, nutgraf_text::Span::new(0, lower.len())).map(|w| &lower[w.range()]).collect();
    let sum = summary.to_lowercase();
    let content: Vec<&str> = nutgraf_text::words(&sum, nutgraf_text::Span::new(0, sum.len()))
        .map(|w| &sum[w.range()])
        .filter(|w| !nutgraf_text::is_stop_word(w))
        .collect();
    if content.is_empty() {
        return 0.0;
    }
    content.iter().filter(|w| !src.contains(*w)).count() as f32 / content.len() as f32
}

/// Balanced accuracy of each group at threshold `t` (consistent when score >= t).
fn groups_at(rows: &[Row], score: &impl Fn(&Row) -> f32, t: f32) -> BTreeMap<String, f64> {
    let mut counts: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    for r in rows {
        let c = counts.entry(r.group.clone()).or_default();
        let pred = score(r) >= t;
        c[(r.label as usize) * 2 + pred as usize] += 1;
    }
    counts
        .into_iter()
        .map(|(g, [tn, fp, fn_, tp])| {
            let tpr = tp as f64 / (tp + fn_).max(1) as f64;
            let tnr = tn as f64 / (tn + fp).max(1) as f64;
            (g, 100.0 * (tpr + tnr) / 2.0)
        })
        .collect()
}

fn mean(m: &BTreeMap<String, f64>) -> f64 {
    m.values().sum::<f64>() / m.len().max(1) as f64
}

fn report(name: &str, rows: &[Row], score: impl Fn(&Row) -> f32, default: Option<f32>) {
    let mut cands: Vec<f32> = rows.iter().map(&score).collect();
    cands.sort_by(f32::total_cmp);
    cands.dedup();
    let (t, best) = cands
        .iter()
        .map(|&t| (t, groups_at(rows, &score, t)))
        .max_by(|a, b| mean(&a.1).total_cmp(&mean(&b.1)))
        .expect("rows");
    println!("\n{name}\n  one threshold chosen on the file: {t:.4}");
    for (g, ba) in &best {
        println!("  {g:<14} balanced accuracy {ba:.1}");
    }
    println!("  mean           balanced accuracy {:.1}", mean(&best));
    if let Some(d) = default {
        let at = groups_at(rows, &score, d);
        let per: Vec<String> = at.iter().map(|(g, v)| format!("{g} {v:.1}")).collect();
        println!("  at the default threshold {d:.3}: {} (mean {:.1})", per.join(", "), mean(&at));
    }
}
