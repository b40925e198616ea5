//! Fits the roundup's term model (`consensus::MODEL`) on NeuS: for every content term that an
//! eligible sentence or a title of a story uses, the shares of sources, titles and leads that use
//! it, and whether the editors' reference uses it; then a logistic regression by Newton's method.
//!
//! ```sh
//! cargo run --release -p nutgraf-roundup --example neus_terms -- ../shared/eval/neus-train.jsonl
//! ```
//!
//! Terms, sentences, eligibility (not boilerplate) and leads (a source's first eligible sentence)
//! are found as the roundup's pool finds them: nutgraf's segmenter and analysis, Snowball stems
//! without stop words. Prints the coefficients, the mean log-likelihood per term, and the share
//! of the reference's distinct content terms that the sources use at all.

use nutgraf_analyze::analyze;
use nutgraf_text::{words, Document, NormalizedText, Span, TermAnalyzer};
use rustc_hash::{FxHashMap, FxHashSet};

fn split(part: &str) -> (String, String) {
    let part = part.trim();
    match part.split_once("ARTICLE=>") {
        Some((t, a)) => (t.trim_start_matches("TITLE=>").trim().to_string(), a.trim().to_string()),
        None => (String::new(), part.to_string()),
    }
}

fn terms_of(text: &str, analyzer: &mut TermAnalyzer) -> FxHashSet<String> {
    let norm = NormalizedText::new(text);
    let norm = norm.normalized();
    words(norm, Span::new(0, norm.len())).filter_map(|w| analyzer.term(&norm[w]).map(|t| t.into_owned())).collect()
}

/// `[1, sources, titles, leads, sources * titles]` of one term.
fn features(s: f64, h: f64, l: f64) -> [f64; 5] {
    [1.0, s, h, l, s * h]
}

/// Solves `a x = b` (5 x 5, symmetric positive definite) by Gaussian elimination.
fn solve(mut a: [[f64; 5]; 5], mut b: [f64; 5]) -> [f64; 5] {
    for i in 0..5 {
        let (pivot, bi) = (a[i], b[i]);
        for j in i + 1..5 {
            let f = a[j][i] / pivot[i];
            a[j].iter_mut().zip(pivot).skip(i).for_each(|(x, p)| *x -= f * p);
            b[j] -= f * bi;
        }
    }
    let mut x = [0.0; 5];
    for i in (0..5).rev() {
        x[i] = (b[i] - (i + 1..5).map(|k| a[i][k] * x[k]).sum::<f64>()) / a[i][i];
    }
    x
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/eval/neus-train.jsonl".to_string());
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let mut analyzer = TermAnalyzer::english();
    let mut rows: Vec<([f64; 5], f64)> = Vec::new();
    let (mut reference_terms, mut reachable) = (0usize, 0usize);
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let sources: Vec<(String, String)> =
            v["sources"].as_array().expect("sources").iter().map(|s| split(s.as_str().unwrap_or(""))).collect();
        let reference = terms_of(&split(v["reference"].as_str().unwrap_or("")).1, &mut analyzer);
        // Per term: the sources, titles and leads that use it.
        let mut used: FxHashMap<String, [u32; 3]> = FxHashMap::default();
        for (title, text) in &sources {
            let doc = Document::new(text);
            let analysis = analyze(&doc);
            let norm = doc.text.normalized();
            let (mut body, mut lead) = (FxHashSet::default(), FxHashSet::default());
            let mut position = 0;
            for (i, s) in doc.sentences.iter().enumerate() {
                if analysis.sentences[i].boilerplate.is_some() {
                    continue;
                }
                for w in words(norm, s.norm) {
                    if let Some(t) = analyzer.term(&norm[w]) {
                        if position == 0 {
                            lead.insert(t.to_string());
                        }
                        body.insert(t.into_owned());
                    }
                }
                position += 1;
            }
            for t in &body {
                let e = used.entry(t.clone()).or_default();
                e[0] += 1;
                e[2] += u32::from(lead.contains(t));
            }
            for t in terms_of(title, &mut analyzer) {
                used.entry(t).or_default()[1] += 1;
            }
        }
        let n = sources.len().max(1) as f64;
        for (t, [s, h, l]) in &used {
            rows.push((
                features(*s as f64 / n, *h as f64 / n, *l as f64 / n),
                f64::from(u8::from(reference.contains(t))),
            ));
        }
        reference_terms += reference.len();
        reachable += reference.iter().filter(|t| used.contains_key(*t)).count();
    }
    let mut w = [0.0f64; 5];
    for _ in 0..30 {
        let (mut grad, mut hess) = ([0.0; 5], [[0.0; 5]; 5]);
        for (x, y) in &rows {
            let p = 1.0 / (1.0 + (-(0..5).map(|i| w[i] * x[i]).sum::<f64>()).exp());
            for i in 0..5 {
                grad[i] += (p - y) * x[i];
                for j in 0..5 {
                    hess[i][j] += p * (1.0 - p) * x[i] * x[j];
                }
            }
        }
        let step = solve(hess, grad);
        (0..5).for_each(|i| w[i] -= step[i]);
    }
    let ll = rows
        .iter()
        .map(|(x, y)| {
            let p = 1.0 / (1.0 + (-(0..5).map(|i| w[i] * x[i]).sum::<f64>()).exp());
            y * p.ln() + (1.0 - y) * (1.0 - p).ln()
        })
        .sum::<f64>()
        / rows.len().max(1) as f64;
    println!("{} terms from {path}", rows.len());
    println!("MODEL (intercept, sources, titles, leads, sources x titles): {w:.2?}");
    println!("mean log-likelihood per term: {ll:.4}");
    println!(
        "reference content terms used by some eligible source sentence or title: {:.1}%",
        100.0 * reachable as f64 / reference_terms.max(1) as f64
    );
}
