//! Every roundup of the NeuS dev file is verbatim and cites only sources that report its fact.

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
            Ok(b) => assert_faithful(&b),
            Err(e) => assert!(e.is_input(), "{e}"),
        }
        stories += 1;
    }
    assert!(stories > 300);
}
