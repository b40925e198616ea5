//! Spanish against English: time per kilobyte of segmentation, analysis and extraction on the two
//! hand-written golden sets (16 English articles in `tests/fixtures/quotes`, 16 Spanish ones in
//! `tests/fixtures/es`: same news style, similar lengths).
//!
//! Run: `cargo run --release -p nutgraf-analyze --example lang_speed [en|es]`; with a language
//! it runs only that one, for `valgrind --tool=callgrind` instruction counts (wall time on a
//! shared 2-core box is noisy).

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use nutgraf_analyze::{analyze_lang, extract::extract_lang};
use nutgraf_text::{Document, Lang};

fn load(dir: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read_to_string(p).expect("article")).collect()
}

fn run(lang: Lang, articles: &[String], rounds: usize) -> [f64; 3] {
    let kb = articles.iter().map(String::len).sum::<usize>() as f64 / 1024.0;
    let per_kb = |t: Instant| t.elapsed().as_secs_f64() * 1e6 / rounds as f64 / kb;
    let t = Instant::now();
    for _ in 0..rounds {
        for a in articles {
            black_box(Document::with_lang(black_box(a), lang));
        }
    }
    let document = per_kb(t);
    let docs: Vec<Document<'_>> = articles.iter().map(|a| Document::with_lang(a, lang)).collect();
    let t = Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            black_box(analyze_lang(d, lang));
        }
    }
    let analyze = per_kb(t);
    let t = Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            black_box(extract_lang(d, None, lang));
        }
    }
    [document, analyze, per_kb(t)]
}

fn main() {
    let only = std::env::args().nth(1);
    let rounds = 300;
    let sets = [(Lang::English, "tests/fixtures/quotes"), (Lang::Spanish, "tests/fixtures/es")];
    let mut rows = Vec::new();
    for (lang, dir) in sets {
        if only.as_deref().is_some_and(|o| o != lang.code()) {
            continue;
        }
        let articles = load(dir);
        run(lang, &articles, 5);
        let [d, a, x] = run(lang, &articles, rounds);
        let kb = articles.iter().map(String::len).sum::<usize>() as f64 / 1024.0;
        println!(
            "{} ({} articles, {kb:.0} KB): document {d:6.1}  analyze {a:6.1}  extract {x:6.1}  total {:6.1} µs/KB",
            lang.name(),
            articles.len(),
            d + a + x
        );
        rows.push(d + a + x);
    }
    if let [en, es] = rows[..] {
        println!("Spanish / English time per KB: {:.2}", es / en);
    }
}
