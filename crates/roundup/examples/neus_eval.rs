//! ROUGE and neutrality of `nutgraf roundup` on NeuS (three outlets' title and lead per story,
//! with the editors' neutral roundup as reference), side by side with simple baselines in one run.
//!
//! ```sh
//! cargo run --release -p nutgraf-roundup --example neus_eval -- ../shared/eval/neus-dev.jsonl
//! ```
//!
//! Every system is scored on the reference's `ARTICLE=>` part at its sentence count (nutgraf's
//! segmenter), sentences newline-separated for ROUGE-Lsum. `roundup` is scored on the verbatim
//! sentences; `roundup+lead-ins` on the text output with its "According to source N," lead-ins.
//! Neutrality columns: loaded words per 100 words and the share of unattributed-opinion
//! sentences (nutgraf-analyze) in each system's output, the sources and the reference.

use std::time::Instant;

use nutgraf_analyze::analyze;
use nutgraf_roundup::{Article, Length, Options, Roundup};
use nutgraf_summarize::{Method, Summarizer};
use nutgraf_text::Document;

struct Row {
    titles: Vec<String>,
    articles: Vec<String>,
    reference: Vec<String>,
}

fn split(part: &str) -> (String, String) {
    let part = part.trim();
    match part.split_once("ARTICLE=>") {
        Some((t, a)) => (t.trim_start_matches("TITLE=>").trim().to_string(), a.trim().to_string()),
        None => (String::new(), part.to_string()),
    }
}

fn sentences(text: &str) -> Vec<String> {
    let doc = Document::new(text);
    (0..doc.sentences.len()).map(|i| doc.sentence_text(i).trim().to_string()).collect()
}

#[derive(Default, Clone, Copy)]
struct Sums {
    r1: f64,
    r2: f64,
    lsum: f64,
    loaded: usize,
    words: usize,
    opinion: usize,
    sents: usize,
    n: usize,
}

impl Sums {
    fn add_rouge(&mut self, reference: &[String], candidate: &[String]) {
        let s = nutgraf_rouge::score(&reference.join("\n"), &candidate.join("\n"));
        self.r1 += s.rouge1.fmeasure;
        self.r2 += s.rouge2.fmeasure;
        self.lsum += s.rouge_lsum.fmeasure;
        self.n += 1;
        self.add_neutrality(&candidate.join("\n"));
    }

    fn add_neutrality(&mut self, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        let doc = Document::new(text);
        let a = analyze(&doc);
        self.loaded += a.loaded.len();
        self.words += a.sentences.iter().map(|s| s.words).sum::<usize>();
        self.opinion += a.sentences.iter().filter(|s| s.opinion).count();
        self.sents += a.sentences.len();
    }

    fn line(&self, name: &str) {
        let n = self.n.max(1) as f64;
        let rouge = if self.n > 0 {
            format!("{:6.2} {:6.2} {:6.2}", 100.0 * self.r1 / n, 100.0 * self.r2 / n, 100.0 * self.lsum / n)
        } else {
            format!("{:>6} {:>6} {:>6}", "-", "-", "-")
        };
        println!(
            "{name:<26} {rouge} {:8.2} {:8.1}",
            100.0 * self.loaded as f64 / self.words.max(1) as f64,
            100.0 * self.opinion as f64 / self.sents.max(1) as f64
        );
    }
}

fn greedy_oracle(reference: &[String], pool: &[String], k: usize) -> Vec<String> {
    let mut chosen: Vec<String> = Vec::new();
    let mut best = 0.0;
    while chosen.len() < k {
        let mut pick = None;
        for s in pool.iter().filter(|s| !chosen.contains(s)) {
            let mut c = chosen.clone();
            c.push(s.clone());
            let r = nutgraf_rouge::score(&reference.join("\n"), &c.join("\n"));
            let v = r.rouge1.fmeasure + r.rouge2.fmeasure;
            if v > best {
                best = v;
                pick = Some(s.clone());
            }
        }
        match pick {
            Some(s) => chosen.push(s),
            None => break,
        }
    }
    chosen
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/eval/neus-dev.jsonl".to_string());
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let rows: Vec<Row> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            let (titles, articles) =
                v["sources"].as_array().expect("sources").iter().map(|s| split(s.as_str().unwrap_or(""))).unzip();
            let reference = sentences(&split(v["reference"].as_str().unwrap_or("")).1);
            Row { titles, articles, reference }
        })
        .collect();
    let names = [
        "roundup",
        "roundup+lead-ins",
        "roundup, neutrality off",
        "lead-1 of each source",
        "lead-k of concatenation",
        "summarize(concat) nutgraf",
        "summarize(concat) textrank",
        "summarize(concat) lexrank",
        "greedy oracle",
    ];
    let mut sums = vec![Sums::default(); names.len()];
    let (mut sources, mut reference) = (Sums::default(), Sums::default());
    let mut roundup_time = 0.0;
    for row in &rows {
        let k = row.reference.len().max(1);
        let articles: Vec<Article> =
            row.articles.iter().zip(&row.titles).map(|(a, t)| Article::new(a.clone()).with_title(t.clone())).collect();
        for a in &row.articles {
            sources.add_neutrality(a);
        }
        reference.add_neutrality(&row.reference.join("\n"));
        for (m, neutral) in [(0, true), (2, false)] {
            let t = Instant::now();
            let options = Options { length: Length::Sentences(k), neutral, ..Options::default() };
            let out = match Roundup::new(options).run(&articles) {
                Ok(b) => {
                    let verbatim: Vec<String> = (0..b.sentences.len()).map(|i| b.text(i).trim().to_string()).collect();
                    let shown: Vec<String> = (0..b.sentences.len()).map(|i| b.shown(i)).collect();
                    (verbatim, shown)
                }
                Err(_) => (Vec::new(), Vec::new()),
            };
            if m == 0 {
                roundup_time += t.elapsed().as_secs_f64();
                sums[1].add_rouge(&row.reference, &out.1);
            }
            sums[m].add_rouge(&row.reference, &out.0);
        }
        let per_source: Vec<Vec<String>> = row.articles.iter().map(|a| sentences(a)).collect();
        let leads: Vec<String> = per_source.iter().filter_map(|s| s.first().cloned()).collect();
        sums[3].add_rouge(&row.reference, &leads);
        let all: Vec<String> = per_source.concat();
        sums[4].add_rouge(&row.reference, &all[..k.min(all.len())]);
        let concat = row.articles.join("\n\n");
        for (m, method) in [(5, Method::Nutgraf), (6, Method::TextRank), (7, Method::LexRank)] {
            let s = Summarizer::new(nutgraf_summarize::Options {
                method,
                length: nutgraf_summarize::Length::Sentences(k),
                keep_opinion: false,
            });
            let out: Vec<String> = match s.summarize(&concat) {
                Ok(b) => (0..b.sentences.len()).map(|i| b.text(i).trim().to_string()).collect(),
                Err(_) => Vec::new(),
            };
            sums[m].add_rouge(&row.reference, &out);
        }
        sums[8].add_rouge(&row.reference, &greedy_oracle(&row.reference, &all, k));
    }
    println!("{} stories from {path}; ROUGE F1 x100 at the reference's sentence count", rows.len());
    println!("{:<26} {:>6} {:>6} {:>6} {:>8} {:>8}", "system", "R1", "R2", "RLsum", "loaded%", "opinion%");
    for (name, s) in names.iter().zip(&sums) {
        s.line(name);
    }
    sources.line("(sources, whole leads)");
    reference.line("(editors' reference)");
    println!("roundup time: {:.2} ms per story (3 sources)", 1000.0 * roundup_time / rows.len().max(1) as f64);
}
