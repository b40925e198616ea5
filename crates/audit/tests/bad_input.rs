//! Bad input: every case ends in a clear error or a clear note, in bounded time, without a panic.

use std::time::{Duration, Instant};

use nutgraf_audit::{Auditor, Error, Source};

const ARTICLE: &str = "The council approved the budget on Tuesday. Mayor Ana Ruiz said the vote was close.";

#[test]
fn errors_say_what_is_wrong() {
    let a = Auditor::new();
    let src = [Source::new("a", ARTICLE)];
    let cases: Vec<(Vec<Source<'_>>, &str, Error)> = vec![
        (src.to_vec(), "", Error::EmptySummary),
        (src.to_vec(), " \n ... -- ", Error::EmptySummary),
        (vec![], "A summary.", Error::NoSources),
        (vec![Source::new("blank", "  \n ")], "A summary.", Error::EmptySource { id: "blank".into() }),
    ];
    for (sources, summary, want) in cases {
        let got = a.audit(&sources, summary).expect_err("an error");
        assert_eq!(got, want);
        assert!(got.to_string().chars().next().is_some_and(char::is_lowercase), "{got}");
    }
    assert!(matches!(Auditor::new().with_threshold(1.5), Err(Error::InvalidThreshold(_))));
    let small = Auditor::new().with_max_bytes(50);
    assert!(matches!(small.audit(&src, "The council approved it."), Err(Error::TooLarge { .. })));
}

#[test]
fn odd_inputs_get_notes_not_panics() {
    let a = Auditor::new();
    let src = [Source::new("a", ARTICLE)];
    let long = ARTICLE.repeat(3);
    let r = a.audit(&src, &long).expect("a long summary audits");
    assert!(r.notes.iter().any(|n| n.contains("more words")), "{:?}", r.notes);
    let german = "Der Stadtrat hat am Dienstag den Haushalt beschlossen. Die Bürgermeisterin sagte, die Abstimmung sei knapp \
                  gewesen, und die Bibliotheken blieben offen. Kritiker halten den Plan für zu teuer und wollen klagen.";
    let r = a.audit(&[Source::new("de", german)], "The council approved the budget.").expect("audits");
    assert!(r.notes.iter().any(|n| n.contains("English")), "{:?}", r.notes);
    assert!(!r.supported);
    let weird = "\u{feff}Caf\u{e9} \u{201c}quoted\u{201d} \u{2014} 北京 🙂 ``unbalanced '' ` quote";
    let r = a.audit(&src, weird).expect("audits");
    for s in &r.sentences {
        assert_eq!(&weird[s.span.range()], s.text);
    }
}

#[test]
fn a_thousand_sources_in_bounded_time() {
    let texts: Vec<String> = (0..1000)
        .map(|i| format!("Source {i} reports that the council approved budget number {i} on Tuesday. {ARTICLE}"))
        .collect();
    let ids: Vec<String> = (0..1000).map(|i| format!("s{i}")).collect();
    let sources: Vec<Source<'_>> = ids.iter().zip(&texts).map(|(id, t)| Source::new(id, t)).collect();
    let t0 = Instant::now();
    let r = Auditor::new().audit(&sources, "The council approved budget number 517 on Tuesday.").expect("audits");
    assert!(t0.elapsed() < Duration::from_secs(20), "{:?}", t0.elapsed());
    assert!(r.supported, "{r:#?}");
    assert!(r.sentences[0].evidence.iter().any(|e| e.source == "s517"), "{:?}", r.sentences[0].evidence);
}

#[test]
fn a_long_summary_in_bounded_time() {
    // A copied sentence, then 20,000 words without a full stop: checked in bounded pieces.
    let words: Vec<&str> = ARTICLE.split_whitespace().collect();
    let tail: Vec<&str> = (0..20_000).map(|i| words[(i * 7) % words.len()]).collect();
    let summary = format!("The council approved the budget on Tuesday. {}", tail.join(" "));
    let t0 = Instant::now();
    let r = Auditor::new().audit(&[Source::new("a", ARTICLE)], &summary).expect("audits");
    assert!(t0.elapsed() < Duration::from_secs(30), "{:?}", t0.elapsed());
    assert!(r.sentences.len() > 100, "{}", r.sentences.len());
    assert!(r.notes.iter().any(|n| n.contains("more words")));
}
