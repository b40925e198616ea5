//! Integration tests of nutgraf-roundup, one binary with modules.

// The three-outlet warehouse fire story in tests/fixtures: citations, conflicts, lead-ins, balance.
mod story;
// Bad input: one source, the same article twice, empty and unusable sources, many sources.
mod bad_input;
// Faithfulness over the whole NeuS dev file (skipped when ../shared/eval is absent).
mod neus_dev;

use nutgraf_roundup::{Article, Brief};

/// The fixture articles, in the order herald, standard, wire.
pub fn fire_story() -> Vec<Article> {
    let read = |name: &str| {
        std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
    };
    vec![
        Article::new(read("herald.txt")).with_name("valley-herald.test"),
        Article::new(read("standard.txt")).with_name("daily-standard.test"),
        Article::new(read("wire.txt")).with_name("wire.test"),
    ]
}

/// Every sentence is verbatim at its span, and every cited source has a sentence sharing most of
/// its content words.
pub fn assert_faithful(b: &Brief) {
    for (k, item) in b.sentences.iter().enumerate() {
        let text = &b.articles[item.source].text.as_str()[item.span];
        assert_eq!(text, b.text(k));
        assert!(item.sources.contains(&item.source), "{item:?}");
        for &s in &item.sources {
            if b.articles[s].text.contains(text.trim()) {
                continue;
            }
            let doc = nutgraf_text::Document::new(&b.articles[s].text);
            // One sentence, or two in a row (segmenters differ on quotes and ellipses).
            let best = (0..doc.sentences.len())
                .map(|i| {
                    let end = doc.sentences[(i + 1).min(doc.sentences.len() - 1)].span.end;
                    overlap(text, &b.articles[s].text[doc.sentences[i].span.start..end])
                })
                .fold(0.0f32, f32::max);
            assert!(best >= 0.4, "source {s} does not report {text:?} (best overlap {best})");
        }
    }
}

fn content(text: &str) -> std::collections::HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 3).map(|w| w.to_lowercase()).collect()
}

fn overlap(a: &str, b: &str) -> f32 {
    let (a, b) = (content(a), content(b));
    a.intersection(&b).count() as f32 / a.len().max(1) as f32
}
