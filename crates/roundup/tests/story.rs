use nutgraf_roundup::{render, Length, Options, Roundup};

use crate::{assert_faithful, fire_story};

#[test]
fn multi_source_facts_first_with_all_citations() {
    let articles = fire_story();
    let b = Roundup::new(Options { length: Length::Sentences(5), ..Options::default() }).run(&articles).unwrap();
    assert_faithful(&b);
    let first = &b.sentences[0];
    assert!(first.sources.len() >= 2, "{:?}", b.sentences);
    assert!(b.text(0).contains("chemical warehouse"), "{}", b.text(0));
    let counts: Vec<usize> = b.sentences.iter().map(|s| s.sources.len()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "multi-source facts first: {counts:?}");
    // Near-duplicates are merged: the evacuation is reported once.
    assert_eq!((0..b.sentences.len()).filter(|&k| b.text(k).contains("forced")).count(), 1);
}

#[test]
fn conflicting_numbers_are_shown_with_sources() {
    let articles = fire_story();
    let b = Roundup::new(Options::default()).run(&articles).unwrap();
    let people = b.conflicts.iter().find(|c| c.about == "peopl").expect("a conflict on people");
    let values: Vec<(&str, &[usize])> =
        people.versions.iter().map(|v| (v.value.as_str(), v.sources.as_slice())).collect();
    assert_eq!(values, vec![("3", &[0, 2][..]), ("5", &[1][..])]);
    let residents = b.conflicts.iter().find(|c| c.about == "resid").expect("a conflict on residents");
    assert_eq!(residents.versions.len(), 2);
    let text = render::text(&b);
    assert!(text.contains("Sources differ on people: Three [1][3]; Five [2]."), "{text}");
}

#[test]
fn opinion_left_out_and_single_source_claims_attributed() {
    let articles = fire_story();
    let b = Roundup::new(Options { length: Length::Sentences(8), ..Options::default() }).run(&articles).unwrap();
    assert!((0..b.sentences.len()).all(|k| !b.text(k).contains("smear")), "opinion is left out");
    for (k, item) in b.sentences.iter().enumerate() {
        let reported = item.role == nutgraf_analyze::Role::Reported;
        let expected = reported && item.sources.len() == 1;
        assert_eq!(item.lead_in.is_some(), expected, "{item:?}");
        if let Some(lead) = &item.lead_in {
            assert!(lead.starts_with("According to ") && lead.ends_with(','));
            assert!(b.shown(k).starts_with(lead.as_str()));
            assert!(!b.text(k).starts_with("According"), "the span stays verbatim");
        }
    }
    // The opinion sentence is one outlet's alone, so it ranks last; a brief long enough for every
    // fact shows it once neutrality is off.
    let b = Roundup::new(Options { length: Length::Sentences(20), neutral: false, ..Options::default() })
        .run(&articles)
        .unwrap();
    assert!((0..b.sentences.len()).any(|k| b.text(k).contains("smear")), "neutrality off keeps opinion");
}

#[test]
fn each_side_heard_before_a_second_statement() {
    let articles = fire_story();
    let b = Roundup::new(Options { length: Length::Sentences(7), ..Options::default() }).run(&articles).unwrap();
    let speakers: Vec<&str> = b.sentences.iter().filter_map(|s| s.speaker.as_deref()).collect();
    for side in ["Whitfield", "Tolliver"] {
        assert!(speakers.iter().any(|s| s.contains(side)), "{side} is heard: {speakers:?}");
    }
}

#[test]
fn word_budget_and_headline() {
    let articles = fire_story();
    let b = Roundup::new(Options { length: Length::Words(45), ..Options::default() }).run(&articles).unwrap();
    assert!(b.words() <= 45, "{}", b.words());
    assert!(!b.sentences.is_empty());
    let h = b.headline.as_ref().expect("a headline");
    assert_eq!(h.loaded, 0);
    assert!(!h.text.contains(':'), "the plainest title: {}", h.text);
    let json: serde_json::Value = serde_json::from_str(&render::json(&b)).unwrap();
    let s = &json["sentences"][0];
    let id = s["source"].as_u64().unwrap() as usize;
    let span: Vec<usize> = serde_json::from_value(s["span"].clone()).unwrap();
    assert_eq!(&articles[id - 1].text[span[0]..span[1]], s["text"].as_str().unwrap());
    assert_eq!(json["sources"].as_array().unwrap().len(), 3);
    assert_eq!(json["sources"][0]["host"], "valley-herald.test");
}
