//! Scores `nutgraf_ingest::html::extract` on the ScrapingHub article-extraction benchmark layout
//! (`ground-truth.json` plus `pages/ID.html.gz`), the way its `evaluate.py` does, and prints the
//! figures next to the peers' anchors.
//!
//! ```text
//! cargo run --release -p nutgraf-ingest --example html_eval -- /work/shared/eval/html-dev [--pages] [--dump ID|all]
//! ```
//!
//! Scoring, as in evaluate.py: tokens are runs of Python's Unicode `\w` (letters, numbers,
//! underscore; case kept); each text is a multiset of overlapping 4-token shingles (a text of
//! fewer than 4 tokens is one short shingle); per page TP/FP/FN are normalized to sum to 1;
//! precision is averaged over pages with TP+FP > 0 (empty output left out), recall over pages
//! with TP+FN > 0; F1 = 2PR/(P+R) of the means; ± is 1.96 standard deviations over 1000
//! bootstrap resamples of pages. Timing: one thread, pages already gunzipped, one warm-up pass.

use std::collections::HashMap;
use std::io::Read;
use std::time::Instant;

use unicode_general_category::{get_general_category, GeneralCategory as G};

type Counts = (f64, f64, f64);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().map(String::as_str).unwrap_or("/work/shared/eval/html-dev");
    let per_page = args.iter().any(|a| a == "--pages");
    let dump = args.iter().position(|a| a == "--dump").and_then(|i| args.get(i + 1)).cloned();
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/ground-truth.json")).expect("ground-truth.json"))
            .expect("json");
    let mut pages = Vec::new();
    for (id, v) in truth.as_object().expect("an object of pages") {
        let mut html = String::new();
        let file = std::fs::File::open(format!("{dir}/pages/{id}.html.gz")).expect("page file");
        flate2::read::GzDecoder::new(file).read_to_string(&mut html).expect("gzip utf-8 page");
        pages.push((id.clone(), v["articleBody"].as_str().unwrap_or("").to_string(), html));
    }
    for (_, _, html) in pages.iter().take(3) {
        let _ = nutgraf_ingest::html::extract(html);
    }
    let start = Instant::now();
    let predictions: Vec<String> = pages
        .iter()
        .map(|(_, _, html)| nutgraf_ingest::html::extract(html).map(|e| e.text).unwrap_or_default())
        .collect();
    let seconds = start.elapsed().as_secs_f64();
    let mut counts = Vec::new();
    let mut exact = 0;
    let provenance = check_elements(&pages);
    for ((id, truth, _), pred) in pages.iter().zip(&predictions) {
        let c = shingle_counts(truth, pred);
        exact += usize::from(tokens(truth) == tokens(pred));
        if per_page {
            println!("{id} p={:.3} r={:.3}", precision(c), recall(c));
        }
        if dump.as_deref().is_some_and(|d| d == id || d == "all") {
            print_extra(id, truth, pred);
        }
        counts.push(c);
    }
    let (f1, p, r) = metrics(&counts);
    let (f1_ci, p_ci, r_ci) = bootstrap(&counts);
    let n = pages.len();
    println!("html-dev: {n} pages from {dir}");
    println!("| extractor | F1 | precision | recall | accuracy | seconds | pages/s |");
    println!("|---|---|---|---|---|---|---|");
    println!(
        "| nutgraf-ingest {} (dom_smoothie + clean/filter passes) | {f1:.3} ± {f1_ci:.3} | {p:.3} ± {p_ci:.3} | {r:.3} ± {r_ci:.3} | {:.3} | {seconds:.2} | {:.0} |",
        env!("CARGO_PKG_VERSION"),
        exact as f64 / n as f64,
        n as f64 / seconds
    );
    println!("| anchor: trafilatura 2.3.1, defaults | 0.962 | 0.946 | 0.978 | 0.321 | 1.73 | 63 |");
    println!("| anchor: trafilatura 2.3.1, favor_precision | 0.972 | 0.969 | 0.976 | 0.349 | 1.67 | 65 |");
    println!("| anchor: newspaper4k 0.9.6 | 0.943 | 0.963 | 0.925 | 0.330 | 8.73 | 12.5 |");
    let [total, same, inside] = provenance;
    println!(
        "paragraph elements: {total} paragraphs; the selector finds one element whose text is the paragraph for {:.1}%, \
         one that contains it for {:.1}% more",
        100.0 * same as f64 / total.max(1) as f64,
        100.0 * inside as f64 / total.max(1) as f64
    );
}

/// Checks each paragraph's `element` against the original page: `[paragraphs, the selector
/// picks one element with exactly the paragraph's text, one element containing it]`.
fn check_elements(pages: &[(String, String, String)]) -> [usize; 3] {
    let mut n = [0; 3];
    for (_, _, html) in pages {
        let Ok(e) = nutgraf_ingest::html::extract(html) else { continue };
        let doc = dom_query::Document::from(html.as_str());
        for (i, p) in e.paragraphs.iter().enumerate() {
            n[0] += 1;
            let sel = doc.select(&p.element);
            if sel.length() != 1 {
                continue;
            }
            let found = sel.text().split_whitespace().collect::<Vec<_>>().join(" ");
            if found == e.paragraph(i) {
                n[1] += 1;
            } else if found.contains(e.paragraph(i)) {
                n[2] += 1;
            }
        }
    }
    n
}

/// Python's `\w` on str: Unicode letters and numbers (str.isalnum) and `_`.
fn is_word(c: char) -> bool {
    c == '_'
        || matches!(
            get_general_category(c),
            G::UppercaseLetter
                | G::LowercaseLetter
                | G::TitlecaseLetter
                | G::ModifierLetter
                | G::OtherLetter
                | G::DecimalNumber
                | G::LetterNumber
                | G::OtherNumber
        )
}

fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !is_word(c)).filter(|t| !t.is_empty()).collect()
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let t = tokens(text);
    let mut out = HashMap::new();
    for i in 0..t.len().saturating_sub(3).max(1) {
        let s = t[i..(i + 4).min(t.len())].to_vec();
        if !s.is_empty() {
            *out.entry(s).or_insert(0) += 1;
        }
    }
    out
}

fn shingle_counts(truth: &str, pred: &str) -> Counts {
    let (t, p) = (shingles(truth), shingles(pred));
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &n) in &t {
        let m = p.get(k).copied().unwrap_or(0);
        tp += n.min(m) as f64;
        fn_ += n.saturating_sub(m) as f64;
    }
    for (k, &m) in &p {
        fp += m.saturating_sub(t.get(k).copied().unwrap_or(0)) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp / s, fp / s, fn_ / s)
    } else {
        (0.0, 0.0, 0.0)
    }
}

fn precision((tp, fp, fn_): Counts) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

fn recall((tp, fp, fn_): Counts) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    }
}

/// (F1, precision, recall) of a set of pages.
fn metrics(counts: &[Counts]) -> (f64, f64, f64) {
    let mean = |v: Vec<f64>| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let p = mean(counts.iter().filter(|c| c.0 + c.1 > 0.0).map(|&c| precision(c)).collect());
    let r = mean(counts.iter().filter(|c| c.0 + c.2 > 0.0).map(|&c| recall(c)).collect());
    (if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }, p, r)
}

/// 1.96 standard deviations of (F1, precision, recall) over 1000 resamples (fixed seed).
fn bootstrap(counts: &[Counts]) -> (f64, f64, f64) {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let samples: Vec<(f64, f64, f64)> = (0..1000)
        .map(|_| {
            let pick: Vec<Counts> =
                (0..counts.len()).map(|_| counts[(next() % counts.len() as u64) as usize]).collect();
            metrics(&pick)
        })
        .collect();
    let sd = |f: fn(&(f64, f64, f64)) -> f64| {
        let v: Vec<f64> = samples.iter().map(f).collect();
        let m = v.iter().sum::<f64>() / v.len() as f64;
        1.96 * (v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (v.len() - 1) as f64).sqrt()
    };
    (sd(|s| s.0), sd(|s| s.1), sd(|s| s.2))
}

/// Prints the predicted paragraphs that are not in the truth, and the truth lines that were missed.
fn print_extra(id: &str, truth: &str, pred: &str) {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (t, p) = (norm(truth), norm(pred));
    println!("=== {id}");
    for para in pred.split("\n\n").map(norm).filter(|l| !l.is_empty() && !t.contains(l.as_str())) {
        println!("  + {}", para.chars().take(150).collect::<String>());
    }
    for line in truth.lines().map(norm).filter(|l| !l.is_empty() && !p.contains(l.as_str())) {
        println!("  - {}", line.chars().take(150).collect::<String>());
    }
}
