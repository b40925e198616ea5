//! Bad input for the Spanish rules (`analyze_lang` and `extract_lang` with `Lang::Spanish`):
//! empty articles, runs of guillemets and dashes, unclosed and nested marks, stray apostrophes,
//! a very long quote, a mixed English and Spanish article and random text never panic and keep
//! every span on the input.

use nutgraf_analyze::extract::{extract_lang, Extraction};
use nutgraf_analyze::{analyze_lang, Analysis};
use nutgraf_text::{Document, Lang, Span};

fn run(input: &str) -> (Extraction, Analysis) {
    let doc = Document::with_lang(input, Lang::Spanish);
    let x = extract_lang(&doc, None, Lang::Spanish);
    let a = analyze_lang(&doc, Lang::Spanish);
    let ok = |s: Span| s.start <= s.end && input.get(s.start..s.end).is_some();
    for q in &x.quotes {
        assert!(ok(q.span) && q.parts.iter().all(|&p| ok(p) && q.span.contains(p)), "{input:?}");
        assert!(q.speaker.as_ref().is_none_or(|s| ok(s.span)), "{input:?}");
    }
    assert!(x.entities.iter().all(|e| e.mentions.iter().all(|&m| ok(m))), "{input:?}");
    assert!(x.dates.iter().all(|d| ok(d.span)), "{input:?}");
    assert!(x.statements.iter().all(|s| ok(s.span) && ok(s.cue) && ok(s.speaker.span)), "{input:?}");
    assert_eq!(a.sentences.len(), doc.sentences.len(), "{input:?}");
    assert!(a.loaded.iter().all(|w| ok(w.span)), "{input:?}");
    (x, a)
}

fn quotes(x: &Extraction, input: &str) -> Vec<String> {
    x.quotes.iter().map(|q| input[q.span].to_string()).collect()
}

#[test]
fn empty_and_marks_only() {
    for input in ["", "   \n\n  ", "\u{AB}", "\u{BB}\u{BB}", "\u{2014}", "\u{2014} \u{2014}", "\u{2018}\u{2019}"] {
        let (x, _) = run(input);
        assert!(x.quotes.is_empty(), "{input:?}");
    }
    let guillemets = "\u{AB}".repeat(10_000);
    assert!(run(&guillemets).0.quotes.is_empty());
    let dashes = "\u{2014}".repeat(10_000);
    assert!(run(&dashes).0.quotes.is_empty());
    let mixed = "\u{AB}\u{201C}\u{2018}\u{2014}".repeat(2_500);
    run(&mixed);
}

#[test]
fn unclosed_nested_and_stray_marks() {
    let cases: Vec<(&str, Vec<&str>)> = vec![
        // Nested openers never closed: one unclosed quote to the end of the paragraph.
        (
            "\u{AB}uno \u{AB}dos \u{201C}tres cuatro cinco\nOtro p\u{E1}rrafo aqu\u{ED}.",
            vec!["uno \u{AB}dos \u{201C}tres cuatro cinco"],
        ),
        // A stray closer and apostrophes are not quotes.
        ("O\u{2019}Donnell lleg\u{F3}\u{BB} tarde a L\u{2019}Hospitalet.", vec![]),
        // Dialogue whose incise never closes: the speech, then the narrator.
        ("\u{2014}Vamos all\u{E1} \u{2014}dijo Ana Ruiz, y se fue sin mirar atr\u{E1}s.", vec!["Vamos all\u{E1}"]),
        // Dialogue that closes the incise at the very end.
        ("\u{2014}Vamos all\u{E1} \u{2014}dijo Ana Ruiz\u{2014}", vec!["Vamos all\u{E1}"]),
    ];
    for (input, want) in cases {
        let (x, _) = run(input);
        assert_eq!(quotes(&x, input), want, "{input:?}");
    }
}

#[test]
fn very_long_quote_and_mixed_language() {
    let long = format!("\u{AB}{}\u{BB}, dijo la alcaldesa Ana Ruiz.", "palabra ".repeat(100_000));
    let (x, _) = run(&long);
    assert_eq!(x.quotes.len(), 1);
    assert_eq!(x.quotes[0].speaker.as_ref().map(|s| s.name.as_str()), Some("Ana Ruiz"));
    let mixed = "The council approved the budget on Tuesday. \"We will fix it,\" Mayor Jane Mills said.\n\n\
                 El pleno aprob\u{F3} el presupuesto el martes. \u{AB}Lo arreglaremos\u{BB}, dijo la alcaldesa Ana Ruiz.";
    let (x, _) = run(mixed);
    let speakers: Vec<Option<&str>> = x.quotes.iter().map(|q| q.speaker.as_ref().map(|s| s.name.as_str())).collect();
    assert_eq!(speakers.last(), Some(&Some("Ana Ruiz")), "{speakers:?}");
}

#[test]
fn random_text_never_panics() {
    let alphabet: Vec<char> = "ab \u{E1}\u{F1}\u{D1}\u{C9}.,;:\n\"'\u{AB}\u{BB}\u{201C}\u{201D}\u{2018}\u{2019}\u{2014}\u{2013}-dijoSeg\u{FA}n 4demarzo"
        .chars()
        .collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..300 {
        let len = (seed % 200) as usize;
        let mut s = String::new();
        for _ in 0..len {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            s.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
        }
        run(&s);
    }
}
