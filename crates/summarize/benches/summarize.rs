//! Speed of the whole pipeline (validate, normalize, segment, analyze, score, select) on the
//! bundled example articles, on a 100,000-word input, and on one story written in Spanish and in
//! English (issue 11: Spanish within 20% of English). Each iteration asserts the brief's size.
//!
//! Run: `cargo bench -p nutgraf-summarize --bench summarize`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use nutgraf_summarize::{LangChoice, Length, Method, Options, Summarizer};
use nutgraf_text::Lang;

const ARTICLES: [&str; 3] = [
    include_str!("../../../examples/riverside-budget.txt"),
    include_str!("../../../examples/harbor-bridge.txt"),
    include_str!("../../../examples/clinic-closure.txt"),
];

fn long_input(words: usize) -> String {
    let mut out = String::new();
    let mut k = 0;
    while out.split_whitespace().count() < words {
        // Vary numbers so sentences are not verbatim repeats.
        out.push_str(&ARTICLES[k % 3].replace("2026", &format!("{}", 1900 + k % 120)));
        out.push_str("\n\n");
        k += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("summarize");
    let bytes: usize = ARTICLES.iter().map(|a| a.len()).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    for method in Method::ALL {
        let s = Summarizer::new(Options { method, length: Length::Sentences(3), keep_opinion: false });
        g.bench_function(format!("examples/{method}"), |b| {
            b.iter(|| {
                for a in ARTICLES {
                    let brief = s.summarize(black_box(a)).unwrap();
                    assert_eq!(brief.sentences.len(), 3);
                }
            })
        });
    }
    g.finish();

    let long = long_input(100_000);
    let mut g = c.benchmark_group("long");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(long.len() as u64));
    let s = Summarizer::default();
    g.bench_function("100k-words/nutgraf-default-length", |b| {
        b.iter(|| {
            let brief = s.summarize(black_box(&long)).unwrap();
            assert!(brief.words_out() <= brief.words_in / 4 + 1);
        })
    });
    g.finish();
}

/// The same story in Spanish (679 words) and English (630 words), each with its language given
/// and detected.
fn languages(c: &mut Criterion) {
    let cases = [
        ("en", include_str!("../tests/fixtures/lang/en-market.txt"), Lang::English),
        ("es", include_str!("../tests/fixtures/lang/es-mercado.txt"), Lang::Spanish),
    ];
    let mut g = c.benchmark_group("languages");
    for (name, article, lang) in cases {
        g.throughput(Throughput::Bytes(article.len() as u64));
        for (how, choice) in [("given", LangChoice::Given(lang)), ("auto", LangChoice::Auto)] {
            let s = Summarizer::new(Options { length: Length::Sentences(3), ..Options::default() }).with_lang(choice);
            g.bench_function(format!("{name}/{how}"), |b| {
                b.iter(|| {
                    let brief = s.summarize(black_box(article)).unwrap();
                    assert_eq!(brief.sentences.len(), 3);
                    assert_eq!(brief.language.lang, lang);
                })
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench, languages);
criterion_main!(benches);
