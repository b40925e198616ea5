//! Properties of every brief, on arbitrary text: no panic, spans exact and in source order,
//! budgets respected, every sentence either chosen or left out with a reason.

use nutgraf_summarize::{Length, Method, Options, Summarizer};
use proptest::prelude::*;

fn article() -> impl Strategy<Value = String> {
    let sentence = prop::sample::select(vec![
        "The council approved the budget on Tuesday.",
        "\u{201C}We will not back down,\u{201D} Mayor Ana Ruiz said.",
        "He added that the vote was close.",
        "However, the plan needs a second vote.",
        "The leaders are spineless cowards who betrayed every voter.",
        "Subscribe to our newsletter.",
        "Editor's note: an earlier version misstated the date.",
        "Prices rose 3.5% to $4.2 billion in the U.S. last year.",
        "Caf\u{e9} owners in Z\u{fc}rich \u{2014} and elsewhere \u{2014} agreed.",
        "",
        "x",
        "Why?!",
    ]);
    let sep = prop::sample::select(vec![" ", "\n", "\n\n", "\r\n", " \u{A0}"]);
    prop::collection::vec((sentence, sep), 1..40)
        .prop_map(|v| v.into_iter().map(|(s, sep)| format!("{s}{sep}")).collect::<String>())
}

fn length() -> impl Strategy<Value = Length> {
    prop_oneof![
        Just(Length::Default),
        (1usize..6).prop_map(Length::Sentences),
        (1usize..120).prop_map(Length::Words),
        (0.05f64..1.0).prop_map(Length::Ratio),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn briefs_are_well_formed(input in article(), length in length(), m in 0usize..4, keep in any::<bool>()) {
        let options = Options { method: Method::ALL[m], length, keep_opinion: keep };
        let Ok(brief) = Summarizer::new(options).summarize(&input) else {
            return Ok(());
        };
        prop_assert!(!brief.sentences.is_empty());
        let mut last = None;
        for (k, s) in brief.sentences.iter().enumerate() {
            prop_assert_eq!(&input[s.span.range()], brief.text(k));
            prop_assert_eq!(brief.text(k), brief.text(k).trim());
            prop_assert!(last.is_none_or(|l| l < s.index), "source order");
            last = Some(s.index);
        }
        prop_assert_eq!(brief.sentences.len() + brief.omitted.len(), brief.sentences_in);
        match length {
            Length::Sentences(n) => prop_assert!(brief.sentences.len() <= n),
            Length::Words(n) => prop_assert!(brief.words_out() <= n),
            _ => {}
        }
    }
}
