//! One piece changed in a copied sentence: the flag names the changed piece and its kind.

use nutgraf_audit::{Auditor, Kind, Source};

const ARTICLE: &str = "The Riverside city council approved a $4.2 million budget for the public library system on \
Tuesday, ending a month of negotiations that had threatened to close two branches.\n\
The measure passed 7-2 after a three-hour session attended by more than 300 residents.\n\
\"This plan keeps every library open,\" Mayor Ana Ruiz said after the vote.\n\
Council member Tom Bell, who voted against it, said the city could not afford the plan.\n\
The library board will meet in March 2016 to restore weekend hours at all five branches.\n\
Ruiz said the branches in Oakdale and Millbrook would stay open.";

#[test]
fn one_piece_changed_is_flagged_by_name() {
    let cases = vec![
        // (summary, kind, flagged text)
        (
            "The Riverside city council approved a $6.5 million budget for the public library system on Tuesday.",
            Kind::Number,
            "6.5 million",
        ),
        ("The measure passed 7-2 after a three-hour session attended by more than 900 residents.", Kind::Number, "900"),
        (
            "The Riverside city council approved a $4.2 million budget for the public library system on Friday.",
            Kind::Date,
            "Friday",
        ),
        (
            "The library board will meet in March 2018 to restore weekend hours at all five branches.",
            Kind::Date,
            "2018",
        ),
        ("The library board will meet in June 2016 to restore weekend hours at all five branches.", Kind::Date, "June"),
        (
            "The Oakdale city council approved a $4.2 million budget for the public library system on Tuesday.",
            Kind::Entity,
            "Oakdale",
        ),
        (
            "Council member Ana Ruiz, who voted against it, said the city could not afford the plan.",
            Kind::Speaker,
            "Ana Ruiz",
        ),
        ("\"This plan keeps every library open,\" Tom Bell said after the vote.", Kind::Speaker, "Tom Bell"),
        (
            "\"This plan keeps every school open,\" Mayor Ana Ruiz said after the vote.",
            Kind::Quote,
            "This plan keeps every school open",
        ),
        (
            "Council member Tom Bell, who voted against it, said the city could afford the plan.",
            Kind::Negation,
            "afford",
        ),
        (
            "The measure did not pass 7-2 after a three-hour session attended by more than 300 residents.",
            Kind::Negation,
            "not",
        ),
        ("The Riverside city council approved a $4.2 million budget for the zoo on Tuesday.", Kind::Content, "zoo"),
        // A name the article has elsewhere, in the place another name holds in the source sentence.
        ("Ruiz said the branches in Oakdale and Riverside would stay open.", Kind::Entity, "Riverside"),
        (
            "The Riverside city council failed to approve a $4.2 million budget for the public library system on Tuesday.",
            Kind::Negation,
            "failed",
        ),
    ];
    let auditor = Auditor::new();
    for (summary, kind, text) in cases {
        let a = auditor.audit(&[Source::new("article", ARTICLE)], summary).expect("audits");
        let flags: Vec<(Kind, &str)> =
            a.sentences.iter().flat_map(|s| s.unsupported.iter().map(|u| (u.kind, u.text.as_str()))).collect();
        assert!(
            flags.iter().any(|&(k, t)| k == kind && t.contains(text)),
            "{summary}\n  want {kind:?} {text:?}, got {flags:?}"
        );
        // One paraphrased word alone does not sink a sentence; every other kind does.
        assert!(kind == Kind::Content || !a.supported, "{summary}: {}", a.score);
        for s in &a.sentences {
            for u in &s.unsupported {
                assert_eq!(&summary[u.span.range()], u.text, "flag spans point into the summary");
            }
        }
    }
}

#[test]
fn untouched_copies_are_supported() {
    let auditor = Auditor::new();
    for line in ARTICLE.lines() {
        let a = auditor.audit(&[Source::new("article", ARTICLE)], line).expect("audits");
        assert!(a.supported && a.sentences.iter().all(|s| s.unsupported.is_empty()), "{line}: {a:#?}");
        let e = &a.sentences[0].evidence[0];
        assert_eq!(&ARTICLE[e.span.range()], e.text);
    }
}

#[test]
fn negations_said_another_way_agree() {
    let auditor = Auditor::new();
    let cases = vec![
        "Council member Tom Bell, who voted against it, said the city was unable to afford the plan.",
        "Council member Tom Bell, who voted against it, said the city cannot afford the plan.",
    ];
    for summary in cases {
        let a = auditor.audit(&[Source::new("article", ARTICLE)], summary).expect("audits");
        let negations: Vec<&str> = a
            .sentences
            .iter()
            .flat_map(|s| &s.unsupported)
            .filter(|u| u.kind == Kind::Negation)
            .map(|u| u.text.as_str())
            .collect();
        assert!(negations.is_empty(), "{summary}: {negations:?}");
    }
}

#[test]
fn lowercased_tokenized_summaries_are_understood() {
    let auditor = Auditor::new();
    let src = [Source::new("article", ARTICLE)];
    let good = "the riverside city council approved a $ 4.2 million budget for the public library system on tuesday . \
                `` this plan keeps every library open , '' mayor ana ruiz said .";
    let a = auditor.audit(&src, good).expect("audits");
    assert_eq!(a.sentences.len(), 2);
    assert!(a.supported, "{a:#?}");
    let bad = "the riverside city council approved a $ 4.2 million budget on friday .";
    let a = auditor.audit(&src, bad).expect("audits");
    assert!(a.sentences[0].unsupported.iter().any(|u| u.kind == Kind::Date && u.text == "friday"), "{a:#?}");
}
