//! Segmentation contract: spans cover the input, and the hand-written scanner agrees with the
//! sentencex crate on a battery of news-style cases.

use nutgraf_text::{Document, Span};
use proptest::prelude::*;

/// The spans of `doc` are ordered, non-overlapping, inside their paragraph, and together with
/// the gaps (only whitespace or characters the normalizer drops) rebuild the input.
fn check_cover(input: &str) {
    let doc = Document::new(input);
    let mut rebuilt = String::new();
    let mut at = 0;
    for s in &doc.sentences {
        assert!(s.span.start >= at, "overlap at {:?} in {input:?}", s.span);
        assert!(!s.span.is_empty());
        assert!(doc.paragraphs[s.paragraph].span.contains(s.span));
        let gap = &input[at..s.span.start];
        assert!(
            gap.chars().all(|c| c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}')),
            "gap {gap:?} in {input:?}"
        );
        let text = &input[s.span];
        assert_eq!(text, text.trim(), "untrimmed sentence");
        rebuilt.push_str(gap);
        rebuilt.push_str(text);
        at = s.span.end;
    }
    rebuilt.push_str(&input[at..]);
    assert_eq!(rebuilt, input);
}

proptest! {
    #[test]
    fn spans_rebuild_input(input in "[a-zA-Z .!?\"'\u{201C}\u{201D}\u{2019}\u{A0}\r\n\u{2014}\u{E9}3,$%()\u{2026}\u{200B}]{0,300}") {
        check_cover(&input);
    }
}

proptest! {
    /// Text flattened from pages: captions, headlines and quotes run together with and without
    /// punctuation or spaces, the material of the scanner's rules for lost line breaks.
    #[test]
    fn spans_rebuild_flattened_pages(pieces in prop::collection::vec(prop::sample::select(vec![
        "The", "He", "She's", "It", "word", "on Friday", "(pictured)", "(left)", "Scroll down for video",
        "Media playback is not supported on this device", "UK.Last", ".", ". ", ".\"", "\"", "\"\"", " ", "'", "Mr",
        "J.K.Rowling", "U.S.", "\u{201C}", "\u{201D}", "\u{2019}s", "\u{A0}", "\n", "é", "A", "x",
    ]), 0..60)) {
        let input: String = pieces.concat();
        check_cover(&input);
    }
}

#[test]
fn agrees_with_sentencex_on_battery() {
    let battery = [
        "The U.S. and the U.N. agreed. Mr. Smith left at 5 p.m. on Jan. 5. He paid $3.5 billion, up 2.4% from 2019.",
        "Sen. Jane Roe and Lt. Col. John Doe met Acme Inc. officials. J. R. R. Tolkien wrote it.",
        "\"We will win,\" he said. \"We will win!\" she shouted. Then they left.",
        "\"This is the first sentence. This is the second,\" said Ana Ruiz, the budget chief. Next one.",
        "Wait... what happened? Visit https://example.com/a.b.html for more. It rained.",
        "He said: \u{201C}No way.\u{201D} She agreed.",
        "The No. 2 official, Gov. Mills, spoke. Dr. Ruiz of St. Louis agreed. Prices rose 3.5 per cent. (Reuters) - Stocks fell.",
    ];
    for input in battery {
        check_cover(input);
        let ours: Vec<&str> = Document::new(input).sentences.iter().map(|s| &input[s.span]).collect();
        let theirs: Vec<&str> = sentencex::segment("en", input).into_iter().map(str::trim).collect();
        assert_eq!(ours, theirs, "{input:?}");
    }
}

#[test]
fn spans_of_non_ascii_input_are_exact() {
    let input = "Zo\u{eb} O\u{2019}Neill\u{A0}said \u{201C}ya basta.\u{201D}\r\nThe \u{2014} end\u{2026} Really.";
    let doc = Document::new(input);
    let got: Vec<&str> = doc.sentences.iter().map(|s| &input[s.span]).collect();
    assert_eq!(
        got,
        vec!["Zo\u{eb} O\u{2019}Neill\u{A0}said \u{201C}ya basta.\u{201D}", "The \u{2014} end\u{2026}", "Really."]
    );
    assert_eq!(doc.sentences[0].span, Span::new(0, 36));
    check_cover(input);
}
