//! Every roundup of the NeuS dev file is verbatim, cites only sources that report its fact, and
//! audits as fully supported by its sources with nutgraf's audit.

use nutgraf_audit::{Auditor, Source};
use nutgraf_roundup::{Article, Length, Options, Roundup};

use crate::assert_faithful;

#[test]
fn every_dev_story_is_faithful() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval/neus-dev.jsonl");
    let Ok(data) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} is not there");
        return;
    };
    let mut stories = 0;
    let auditor = Auditor::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let articles: Vec<Article> = v["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let s = s.as_str().unwrap();
                let (title, text) = s.split_once("ARTICLE=>").unwrap_or(("", s));
                Article::new(text.trim()).with_title(title.trim_start_matches("TITLE=>").trim())
            })
            .collect();
        match Roundup::new(Options { length: Length::Sentences(3), ..Options::default() }).run(&articles) {
            Ok(b) => {
                assert_faithful(&b);
                let ids: Vec<String> = (0..articles.len()).map(|i| format!("source {}", i + 1)).collect();
                // Empty sources are left out of the roundup (and refused by the audit).
                let sources: Vec<Source<'_>> = articles
                    .iter()
                    .zip(&ids)
                    .filter(|(a, _)| !a.text.trim().is_empty())
                    .map(|(a, id)| Source::new(id, a.text.as_str()))
                    .collect();
                let summary: Vec<&str> = (0..b.sentences.len()).map(|i| b.text(i)).collect();
                let summary = summary.join("\n");
                let audit = auditor.audit(&sources, &summary).unwrap();
                assert!(
                    audit.supported,
                    "story {}: {summary:?} audits at {}: {:?}",
                    v["id"], audit.score, audit.sentences
                );
            }
            Err(e) => assert!(e.is_input(), "{e}"),
        }
        stories += 1;
    }
    assert!(stories > 300);
}
