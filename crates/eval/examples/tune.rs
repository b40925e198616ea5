//! Tuning and error analysis of the nutgraf scorer on an evaluation file (BENCHMARKS.md, "Tuning").
//!
//! The `nutgraf eval` subcommand measures the shipped weights; this tool measures others without a
//! rebuild, on both halves of the file (even and odd rows), so a gain can be checked to hold on the
//! half it was not found on.
//!
//! ```sh
//! cargo run --release -p nutgraf-eval --example tune -- --data ../shared/eval/news-dev.jsonl \
//!     [--weights '{"centrality": 0.5}'] [--search 200 --seed 7] [--dump analysis.jsonl]
//! ```
//!
//! * `--weights` overrides some of the default [`Weights`] (a JSON object) and prints ROUGE-1/2/Lsum
//!   for CNN/DM (3 sentences) and XSum (1 sentence), on all rows, even rows and odd rows.
//! * `--search N` draws `N` random settings around the given weights and prints one JSON line per
//!   draw, for a Pareto front over the two datasets.
//! * `--dump FILE` writes one JSON line per article: every sentence with its score, flags, whether
//!   nutgraf, Lead and the greedy ROUGE oracle chose it, for error analysis.

use std::path::PathBuf;

use nutgraf_analyze::analyze_lang;
use nutgraf_eval::{read_path, Article, Dataset};
use nutgraf_rouge::{score_tokenized, Tokenized};
use nutgraf_summarize::features::Features;
use nutgraf_summarize::method::{Context, NutgrafScorer, Scorer};
use nutgraf_summarize::{Length, Options, Summarizer, Weights};
use nutgraf_text::Document;
use rayon::prelude::*;
use serde_json::{json, Value};

struct Args {
    data: PathBuf,
    weights: Value,
    search: usize,
    seed: u64,
    dump: Option<PathBuf>,
}

fn parse() -> Result<Args, String> {
    let mut args = Args { data: PathBuf::new(), weights: json!({}), search: 0, seed: 1, dump: None };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--data" => args.data = value()?.into(),
            "--weights" => args.weights = serde_json::from_str(&value()?).map_err(|e| format!("--weights: {e}"))?,
            "--search" => args.search = value()?.parse().map_err(|e| format!("--search: {e}"))?,
            "--seed" => args.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--dump" => args.dump = Some(value()?.into()),
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    if args.data.as_os_str().is_empty() {
        return Err("--data is required".into());
    }
    Ok(args)
}

/// The default weights with the fields of `over` replaced.
fn weights(over: &Value) -> Result<Weights, String> {
    let mut base = serde_json::to_value(Weights::default()).map_err(|e| e.to_string())?;
    let (Value::Object(b), Value::Object(o)) = (&mut base, over) else {
        return Err("--weights must be a JSON object".into());
    };
    for (k, v) in o {
        if !b.contains_key(k) {
            return Err(format!("no weight named {k}"));
        }
        b.insert(k.clone(), v.clone());
    }
    serde_json::from_value(base).map_err(|e| e.to_string())
}

/// One article ready to score: its reference tokenized once, split into sentence lines.
struct Row<'a> {
    article: &'a Article,
    reference: Tokenized,
    even: bool,
}

fn sentences(dataset: Dataset) -> usize {
    if dataset == Dataset::Cnndm {
        3
    } else {
        1
    }
}

/// ROUGE-1, ROUGE-2, ROUGE-Lsum F1 of nutgraf with `w` on one row.
fn score_row(row: &Row, w: Weights) -> [f64; 3] {
    let length = Length::Sentences(sentences(row.article.dataset));
    let s = Summarizer::new(Options { length, ..Options::default() }).with_weights(w);
    let summary = s.summarize(&row.article.article).map(|b| b.lines()).unwrap_or_default();
    let r = score_tokenized(&row.reference, &Tokenized::new(&summary));
    [r.rouge1.fmeasure, r.rouge2.fmeasure, r.rouge_lsum.fmeasure]
}

/// Mean scores x100 per dataset: `[dataset][all, even, odd][metric]`.
fn evaluate(rows: &[Row], w: Weights) -> [[[f64; 3]; 3]; 2] {
    let scores: Vec<[f64; 3]> = rows.par_iter().map(|r| score_row(r, w)).collect();
    let mut out = [[[0.0; 3]; 3]; 2];
    for (d, dataset) in [Dataset::Cnndm, Dataset::Xsum].into_iter().enumerate() {
        for (h, keep) in [|_: bool| true, |e: bool| e, |e: bool| !e].into_iter().enumerate() {
            let picked: Vec<&[f64; 3]> = rows
                .iter()
                .zip(&scores)
                .filter(|(r, _)| r.article.dataset == dataset && keep(r.even))
                .map(|(_, s)| s)
                .collect();
            for m in 0..3 {
                out[d][h][m] = 100.0 * picked.iter().map(|s| s[m]).sum::<f64>() / picked.len().max(1) as f64;
            }
        }
    }
    out
}

fn print_table(s: &[[[f64; 3]; 3]; 2]) {
    println!("dataset  half   ROUGE-1  ROUGE-2  ROUGE-Lsum");
    for (d, name) in ["cnndm", "xsum"].into_iter().enumerate() {
        for (h, half) in ["all", "even", "odd"].into_iter().enumerate() {
            let [r1, r2, rl] = s[d][h];
            println!("{name:<8} {half:<5} {r1:8.2} {r2:8.2} {rl:11.2}");
        }
    }
}

/// A small deterministic generator (xorshift64*), so a search can be repeated from its seed.
struct Rng(u64);

impl Rng {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// `x` scaled by a factor in `[1/2, 2]`, or nudged by up to `spread` when `x` is 0.
    fn around(&mut self, x: f64, spread: f64) -> f64 {
        if x == 0.0 {
            return if self.unit() < 0.5 { 0.0 } else { self.unit() * spread };
        }
        x * 2f64.powf(2.0 * self.unit() - 1.0)
    }
}

/// A random setting near `base`: every numeric weight scaled or nudged.
fn draw(rng: &mut Rng, base: &Value) -> Value {
    let Value::Object(b) = base else { return base.clone() };
    let mut out = b.clone();
    for v in out.values_mut() {
        if let Some(x) = v.as_f64() {
            *v = json!((rng.around(x, 0.5) * 1000.0).round() / 1000.0);
        }
    }
    Value::Object(out)
}

/// Greedy ROUGE oracle: adds the sentence that most raises R1 + R2 F1 until `k` or no gain.
fn oracle(doc: &Document, reference: &Tokenized, k: usize) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    let mut best = 0.0;
    while chosen.len() < k {
        let mut pick = None;
        for i in (0..doc.sentences.len()).filter(|i| !chosen.contains(i)) {
            let mut c = chosen.clone();
            c.push(i);
            c.sort_unstable();
            let text: Vec<&str> = c.iter().map(|&j| doc.sentence_text(j)).collect();
            let r = score_tokenized(reference, &Tokenized::new(&text.join("\n")));
            let v = r.rouge1.fmeasure + r.rouge2.fmeasure;
            if v > best {
                best = v;
                pick = Some(i);
            }
        }
        match pick {
            Some(i) => chosen.push(i),
            None => break,
        }
    }
    chosen.sort_unstable();
    chosen
}

/// One JSON line of `--dump`.
fn dump_row(row: &Row, w: Weights) -> Value {
    let a = row.article;
    let k = sentences(a.dataset);
    let doc = Document::new(&a.article);
    let analysis = analyze_lang(&doc, doc.lang);
    let features = Features::new(&doc);
    let scores = NutgrafScorer { weights: w }.scores(&Context { doc: &doc, analysis: &analysis, features: &features });
    let brief = Summarizer::new(Options { length: Length::Sentences(k), ..Options::default() })
        .with_weights(w)
        .summarize(&a.article);
    let ours: Vec<usize> = brief.map(|b| b.sentences.iter().map(|s| s.index).collect()).unwrap_or_default();
    let lead: Vec<usize> = (0..doc.sentences.len().min(k)).collect();
    let oracle = oracle(&doc, &row.reference, k);
    let sents: Vec<Value> = (0..doc.sentences.len())
        .map(|i| {
            let info = &analysis.sentences[i];
            let r = score_tokenized(&row.reference, &Tokenized::new(doc.sentence_text(i)));
            json!({
                "i": i,
                "text": doc.sentence_text(i),
                "words": features.words[i],
                "score": scores[i],
                "boilerplate": info.boilerplate.map(|b| format!("{b:?}")),
                "opinion": info.opinion,
                "dependency": info.dependency.map(|d| format!("{d:?}")),
                "role": format!("{:?}", info.role),
                "r1": r.rouge1.fmeasure,
                "r1_recall": r.rouge1.recall,
                "tf": features.tf[i].iter().map(|&(t, c)| (t, c as u32)).collect::<Vec<_>>(),
                "paragraph": doc.sentences[i].paragraph,
            })
        })
        .collect();
    json!({
        "id": a.id,
        "dataset": a.dataset,
        "even": row.even,
        "reference": a.reference,
        "ours": ours,
        "lead": lead,
        "oracle": oracle,
        "sentences": sents,
        "df": features.df,
    })
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tune: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let args = parse()?;
    let corpus = read_path(&args.data).map_err(|e| e.to_string())?;
    let rows: Vec<Row> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(n, a)| {
            let doc = Document::new(&a.reference);
            let lines: Vec<&str> = (0..doc.sentences.len()).map(|i| doc.sentence_text(i)).collect();
            let text = if lines.is_empty() { a.reference.clone() } else { lines.join("\n") };
            Row { article: a, reference: Tokenized::new(&text), even: n % 2 == 0 }
        })
        .collect();
    let w = weights(&args.weights)?;
    if let Some(path) = &args.dump {
        let lines: Vec<String> = rows.par_iter().map(|r| dump_row(r, w).to_string()).collect();
        std::fs::write(path, lines.join("\n") + "\n").map_err(|e| format!("{}: {e}", path.display()))?;
        return Ok(());
    }
    if args.search == 0 {
        println!("{}", serde_json::to_string(&w).map_err(|e| e.to_string())?);
        print_table(&evaluate(&rows, w));
        return Ok(());
    }
    let mut rng = Rng(args.seed.max(1));
    let base = serde_json::to_value(w).map_err(|e| e.to_string())?;
    for _ in 0..args.search {
        let over = draw(&mut rng, &base);
        let s = evaluate(&rows, weights(&over)?);
        let r1 = |d: usize, h: usize| (s[d][h][0] * 100.0).round() / 100.0;
        let line = json!({
            "cnndm": r1(0, 0), "xsum": r1(1, 0),
            "cnndm_even": r1(0, 1), "cnndm_odd": r1(0, 2), "xsum_even": r1(1, 1), "xsum_odd": r1(1, 2),
            "weights": over,
        });
        println!("{line}");
    }
    Ok(())
}
