//! Direct-quote detection and speaker accuracy against PolNeAR attributions.
//!
//! Run: `cargo run --release -p nutgraf-analyze --example quotes_eval -- /work/shared/eval/quotes-dev.jsonl`
//!
//! Gold quotes are the file's `direct` content spans (every word inside double quotation marks).
//! * recall (overlap): share of gold direct spans that some extracted quote overlaps;
//! * recall (exact): share whose span, with quotation marks, commas and spaces stripped from both
//!   ends, equals an extracted quote's span stripped the same way;
//! * precision (overlap): share of extracted quotes that overlap a gold direct span (and, second
//!   figure, any gold content span: PolNeAR also annotates partial quotes inside paraphrase);
//! * speaker accuracy: over detected gold direct quotes that have a speaker, the share whose
//!   extracted speaker mention overlaps the gold speaker span, or whose extracted speaker entity
//!   has a mention overlapping it, or whose name's last word is in the gold speaker text. Gold
//!   pronoun speakers are unresolved in PolNeAR (no coreference), so they count as correct when
//!   the pronoun span itself matches. Figures are given for all and for named gold speakers.

use nutgraf_analyze::extract::{extract, parse_iso_date, Extraction};
use nutgraf_text::{Document, Span};
use serde::Deserialize;

#[derive(Deserialize)]
struct Article {
    text: String,
    date: Option<String>,
    quotes: Vec<Gold>,
}

#[derive(Deserialize)]
struct Gold {
    start: usize,
    end: usize,
    direct: bool,
    speaker: Option<String>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    speaker_name: Option<String>,
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn strip(text: &str, s: Span) -> Span {
    let inner = &text[s];
    let junk = |c: char| {
        c.is_whitespace() || matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\'' | '\u{2018}' | '\u{2019}' | ',')
    };
    let a = inner.len() - inner.trim_start_matches(junk).len();
    let b = inner.trim_end_matches(junk).len();
    Span::new(s.start + a, s.start + b.max(a))
}

#[derive(Default)]
struct Tally {
    gold: usize,
    found: usize,
    exact: usize,
    pred: usize,
    pred_direct: usize,
    pred_any: usize,
    with_speaker: usize,
    speaker_ok: usize,
    named: usize,
    named_ok: usize,
    show: usize,
    shown: usize,
}

fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn score(a: &Article, x: &Extraction, t: &mut Tally) {
    let text = a.text.as_str();
    let parts: Vec<Span> = x.quotes.iter().flat_map(|q| q.parts.iter().copied()).collect();
    let stripped: Vec<Span> = parts.iter().map(|&p| strip(text, p)).collect();
    for q in &x.quotes {
        t.pred += 1;
        let hits = |direct_only: bool| {
            a.quotes
                .iter()
                .any(|g| (g.direct || !direct_only) && q.parts.iter().any(|&p| overlaps(p, Span::new(g.start, g.end))))
        };
        t.pred_direct += hits(true) as usize;
        t.pred_any += hits(false) as usize;
    }
    for g in a.quotes.iter().filter(|g| g.direct) {
        t.gold += 1;
        let gs = Span::new(g.start, g.end);
        let Some(q) = x.quotes.iter().find(|q| q.parts.iter().any(|&p| overlaps(p, gs))) else { continue };
        t.found += 1;
        t.exact += stripped.contains(&strip(text, gs)) as usize;
        let (Some(ss), Some(se), Some(sp)) = (g.speaker_start, g.speaker_end, g.speaker.as_deref()) else { continue };
        let gold_speaker = Span::new(ss, se);
        t.with_speaker += 1;
        let ok = q.speaker.as_ref().is_some_and(|s| {
            overlaps(s.span, gold_speaker)
                || s.entity.is_some_and(|e| x.entities[e].mentions.iter().any(|&m| overlaps(m, gold_speaker)))
                || s.name.split_whitespace().last().is_some_and(|last| {
                    g.speaker_name.is_some() && last.len() > 2 && sp.to_lowercase().contains(&last.to_lowercase())
                })
        });
        t.speaker_ok += ok as usize;
        if !ok && t.shown < t.show {
            t.shown += 1;
            let ctx = Span::new(
                floor(text, q.span.start.saturating_sub(200)),
                floor(text, (q.span.end + 120).min(text.len())),
            );
            println!(
                "--- gold speaker {sp:?}, got {:?}\n{}\n",
                q.speaker.as_ref().map(|s| &s.name),
                &text[ctx.start..ctx.end]
            );
        }
        if g.speaker_name.is_some() {
            t.named += 1;
            t.named_ok += ok as usize;
        }
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "/work/shared/eval/quotes-dev.jsonl".to_string());
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    // QUOTES_EVAL_SHOW=N prints the first N speaker errors with their context.
    let show = std::env::var("QUOTES_EVAL_SHOW").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut t = Tally { show, ..Tally::default() };
    let mut articles = 0;
    let started = std::time::Instant::now();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let a: Article = serde_json::from_str(line).expect("a PolNeAR quotes line");
        let doc = Document::new(&a.text);
        let x = extract(&doc, a.date.as_deref().and_then(parse_iso_date));
        for q in &x.quotes {
            assert!(a.text.get(q.span.start..q.span.end).is_some(), "span on a char boundary");
        }
        score(&a, &x, &mut t);
        articles += 1;
    }
    println!("{path}: {articles} articles, {} gold direct spans, {} extracted quotes", t.gold, t.pred);
    println!("direct-quote recall (overlap)      {:5.1}%  ({}/{})", pct(t.found, t.gold), t.found, t.gold);
    println!("direct-quote recall (exact span)   {:5.1}%  ({}/{})", pct(t.exact, t.gold), t.exact, t.gold);
    println!("precision (overlap, direct gold)   {:5.1}%  ({}/{})", pct(t.pred_direct, t.pred), t.pred_direct, t.pred);
    println!("precision (overlap, any content)   {:5.1}%  ({}/{})", pct(t.pred_any, t.pred), t.pred_any, t.pred);
    println!(
        "speaker accuracy (all speakers)    {:5.1}%  ({}/{})",
        pct(t.speaker_ok, t.with_speaker),
        t.speaker_ok,
        t.with_speaker
    );
    println!("speaker accuracy (named speakers)  {:5.1}%  ({}/{})", pct(t.named_ok, t.named), t.named_ok, t.named);
    println!("time {:.2}s", started.elapsed().as_secs_f64());
}
