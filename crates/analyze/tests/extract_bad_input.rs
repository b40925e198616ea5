//! Bad input for `extract`: unbalanced and unclosed quote marks, runs of marks, a very long
//! quote and random text never panic, keep every span on the input, and take time linear in the
//! input. The documented behaviour is in `docs/extract-schema.md` ("Bad input").

use std::time::{Duration, Instant};

use nutgraf_analyze::extract::{extract, Extraction};
use nutgraf_text::{Document, Span};

fn run(input: &str) -> Extraction {
    let doc = Document::new(input);
    let x = extract(&doc, None);
    let ok = |s: Span| s.start <= s.end && input.get(s.start..s.end).is_some();
    for q in &x.quotes {
        assert!(ok(q.span) && q.parts.iter().all(|&p| ok(p) && q.span.contains(p)), "{input:?}");
        if let Some(s) = &q.speaker {
            assert!(ok(s.span));
        }
    }
    for e in &x.entities {
        assert!(e.mentions.iter().all(|&m| ok(m)));
    }
    for d in &x.dates {
        assert!(ok(d.span));
    }
    for s in &x.statements {
        assert!(ok(s.span) && ok(s.cue) && ok(s.speaker.span));
    }
    x
}

#[test]
fn unbalanced_and_unclosed_marks() {
    let cases: Vec<(&str, Vec<(&str, bool)>)> = vec![
        // An unclosed quote ends at the end of its paragraph.
        ("\"We will win, she said.\nNext paragraph here.", vec![("We will win, she said.", false)]),
        // An unclosed quote at the very end of the input.
        ("Mills said: \"and then nothing more", vec![("and then nothing more", false)]),
        // Three straight marks: the third opens a quote that never closes.
        ("\"One two three,\" he said. \"Four five six", vec![("One two three", true), ("Four five six", false)]),
        // A stray closing curly mark is ignored.
        ("\u{201D}Stray mark. \u{201C}Real quote here,\u{201D} she said.", vec![("Real quote here", true)]),
        // A new opening curly mark inside an open quote ends it there.
        (
            "\u{201C}Open one two \u{201C}Open two words here\u{201D} he said.",
            vec![("Open one two", false), ("Open two words here", true)],
        ),
    ];
    for (input, expected) in cases {
        let x = run(input);
        let got: Vec<(&str, bool)> = x.quotes.iter().map(|q| (&input[q.span.start..q.span.end], q.closed)).collect();
        assert_eq!(got, expected, "{input:?}");
    }
}

/// The time `extract` takes on `input`, best of five (segmentation is not timed: it belongs to
/// nutgraf-text).
fn time(input: &str) -> Duration {
    let doc = Document::new(input);
    (0..5)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(extract(&doc, None));
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Time grows linearly: 16x the input takes well under 16x squared the time. The bound (80x)
/// leaves room for a loaded machine; a quadratic scan would take about 256x.
fn assert_linear(unit: &str, small: usize) {
    let a = unit.repeat(small);
    let b = unit.repeat(small * 16);
    let (ta, tb) = (time(&a), time(&b));
    assert!(tb < ta * 80 + Duration::from_millis(100), "{unit:?}: {ta:?} for 1x, {tb:?} for 16x");
}

#[test]
fn runs_of_marks_and_long_quotes_are_linear() {
    let marks = "\"".repeat(10_000);
    assert!(run(&marks).quotes.is_empty());
    let curly = "\u{201C}".repeat(10_000);
    assert!(run(&curly).quotes.is_empty());
    let long = format!("\"{}\" said Ana Ruiz.", "word ".repeat(100_000));
    let x = run(&long);
    assert_eq!(x.quotes.len(), 1);
    assert_eq!(x.quotes[0].speaker.as_ref().map(|s| s.name.as_str()), Some("Ana Ruiz"));
    assert_linear("\"", 1_000);
    assert_linear("\"a b c,\" Mills said. He said that \"x\" was fine on May 4. ", 50);
    assert_linear("word ", 2_000);
    // One endless sentence with many dates, and many dated quotes and statements.
    assert_linear("he said on May 4 and Tuesday, ", 100);
    assert_linear("\"We won,\" Ana Ruiz said on May 4, 2024. She added that it was over by Tuesday. ", 50);
}

#[test]
fn random_text_never_panics() {
    let pieces = [
        "\"",
        "\u{201C}",
        "\u{201D}",
        "''",
        " ",
        "\n",
        "\n\n",
        ".",
        ",",
        ":",
        "said",
        "Mills",
        "Jane",
        "Gov.",
        "he",
        "she",
        "according to",
        "May 4",
        "Tuesday",
        "last week",
        "é",
        "\u{2014}",
        "told",
        "the",
        "Council",
        "2024",
        "-",
        "'s",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..400 {
        let mut s = String::new();
        for _ in 0..60 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            if seed.is_multiple_of(3) {
                s.push(' ');
            }
        }
        run(&s);
    }
}
