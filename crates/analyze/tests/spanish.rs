//! The Spanish golden set (`tests/fixtures/es/NN-*.txt`, each with its labels in `NN-*.json`):
//! quote recall (exact span and overlap), speaker and role accuracy, statements with a dropped
//! subject, normalized dates, and the sentences that must never reach a brief (opinion, editor's
//! notes, boilerplate) classed as something other than a plain reported fact. Print the figures
//! with `cargo test -p nutgraf-analyze --test spanish -- --nocapture`.
//!
//! Labels: each quote's `text` is the quoted words between the marks or after the dialogue dash
//! (a closing comma dropped), found in the article in label order; `speaker` is the entity name,
//! or null when the article names no speaker; `role` the role as the text gives it. `brief.exclude`
//! lists sentences that must not be in the brief; `brief.include` sentences that must.

use std::path::{Path, PathBuf};

use nutgraf_analyze::extract::{extract_lang, parse_iso_date, Extraction};
use nutgraf_analyze::{analyze_lang, Analysis, Role};
use nutgraf_text::{Document, Lang};
use serde::Deserialize;

mod common;
use common::{match_gold, overlaps, pct};

#[derive(Deserialize)]
struct Labels {
    /// `dev` (the rules were adjusted after reading their errors) or `holdout` (written and
    /// labelled after the rules were frozen, never used to change them).
    #[serde(default = "dev")]
    split: String,
    date: Option<String>,
    quotes: Vec<Gold>,
    #[serde(default)]
    statements: Vec<GoldStatement>,
    #[serde(default)]
    dates: Vec<GoldDate>,
    brief: Brief,
}

fn dev() -> String {
    "dev".to_string()
}

#[derive(Deserialize)]
struct Gold {
    text: String,
    speaker: Option<String>,
    role: Option<String>,
}

#[derive(Deserialize)]
struct GoldStatement {
    cue: String,
    speaker: String,
}

#[derive(Deserialize)]
struct GoldDate {
    text: String,
    value: String,
}

#[derive(Deserialize)]
struct Brief {
    include: Vec<String>,
    exclude: Vec<String>,
}

#[derive(Default, Debug)]
struct Tally {
    articles: usize,
    gold: usize,
    exact: usize,
    overlap: usize,
    pred: usize,
    pred_overlap: usize,
    speaker_ok: usize,
    roles: usize,
    role_ok: usize,
    statements: usize,
    statement_ok: usize,
    dates: usize,
    date_ok: usize,
    excluded: usize,
    leaked: usize,
    opinion: usize,
    opinion_leaked: usize,
    /// One line per miss.
    log: Vec<String>,
}

fn articles() -> Vec<(PathBuf, String, Labels)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/es");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/es")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let input = std::fs::read_to_string(&p).expect("article");
            let labels = std::fs::read_to_string(p.with_extension("json")).expect("labels next to the article");
            let labels: Labels = serde_json::from_str(&labels).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, input, labels)
        })
        .collect()
}

/// The sentence of `doc` whose text is `s`.
fn sentence_of(doc: &Document<'_>, s: &str) -> Option<usize> {
    (0..doc.sentences.len()).find(|&i| doc.sentence_text(i).trim() == s)
}

fn check(name: &str, input: &str, l: &Labels, x: &Extraction, a: &Analysis, doc: &Document<'_>, t: &mut Tally) {
    t.articles += 1;
    let mut cursor = 0;
    let mut gold_spans = Vec::new();
    for g in &l.quotes {
        let m = match_gold(name, input, &mut cursor, &g.text, &x.quotes);
        gold_spans.push(m.gold);
        t.gold += 1;
        t.exact += m.exact as usize;
        t.overlap += m.hit.is_some() as usize;
        let Some(q) = m.hit else {
            t.log.push(format!("{name}: missed {:?}", g.text));
            continue;
        };
        if !m.exact {
            t.log.push(format!("{name}: span {:?}, want {:?}", &input[q.span], g.text));
        }
        let got = q.speaker.as_ref().map(|s| s.name.as_str());
        if got == g.speaker.as_deref() {
            t.speaker_ok += 1;
        } else {
            t.log.push(format!("{name}: {:?} speaker {got:?}, want {:?}", g.text, g.speaker));
        }
        if let Some(r) = &g.role {
            t.roles += 1;
            let got = q.speaker.as_ref().and_then(|s| s.role.as_deref());
            if got == Some(r.as_str()) {
                t.role_ok += 1;
            } else {
                t.log.push(format!("{name}: {:?} role {got:?}, want {r:?}", g.text));
            }
        }
    }
    for q in &x.quotes {
        t.pred += 1;
        let hit = gold_spans.iter().any(|&g| q.parts.iter().any(|&p| overlaps(p, g)));
        t.pred_overlap += hit as usize;
        if !hit {
            t.log.push(format!("{name}: extra quote {:?}", &input[q.span]));
        }
    }
    for g in &l.statements {
        t.statements += 1;
        let st = x.statements.iter().find(|s| input[s.cue] == g.cue);
        match st {
            Some(s) if s.speaker.name == g.speaker => t.statement_ok += 1,
            other => t.log.push(format!(
                "{name}: statement {:?} speaker {:?}, want {:?}",
                g.cue,
                other.map(|s| &s.speaker.name),
                g.speaker
            )),
        }
    }
    for g in &l.dates {
        t.dates += 1;
        let d = x.dates.iter().find(|d| input[d.span] == g.text);
        if d.and_then(|d| d.value.as_deref()) == Some(g.value.as_str()) {
            t.date_ok += 1;
        } else {
            t.log.push(format!("{name}: date {:?} = {:?}, want {}", g.text, d.map(|d| &d.value), g.value));
        }
    }
    for s in &l.brief.exclude {
        let i = sentence_of(doc, s).unwrap_or_else(|| panic!("{name}: no sentence {s:?}"));
        let info = &a.sentences[i];
        t.excluded += 1;
        // The labelled sentences that are not boilerplate are the opinion paragraph's.
        let opinion = info.boilerplate.is_none();
        t.opinion += opinion as usize;
        if info.role == Role::Reported && !info.opinion && info.boilerplate.is_none() {
            t.leaked += 1;
            t.opinion_leaked += opinion as usize;
            t.log.push(format!("{name}: classed as a reported fact: {s:?} ({info:?})"));
        }
    }
    for s in &l.brief.include {
        let i = sentence_of(doc, s).unwrap_or_else(|| panic!("{name}: no sentence {s:?}"));
        let info = &a.sentences[i];
        assert!(!info.opinion && info.boilerplate.is_none(), "{name}: a brief sentence is marked out: {s:?} {info:?}");
    }
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.articles += o.articles;
        self.gold += o.gold;
        self.exact += o.exact;
        self.overlap += o.overlap;
        self.pred += o.pred;
        self.pred_overlap += o.pred_overlap;
        self.speaker_ok += o.speaker_ok;
        self.roles += o.roles;
        self.role_ok += o.role_ok;
        self.statements += o.statements;
        self.statement_ok += o.statement_ok;
        self.dates += o.dates;
        self.date_ok += o.date_ok;
        self.excluded += o.excluded;
        self.leaked += o.leaked;
        self.opinion += o.opinion;
        self.opinion_leaked += o.opinion_leaked;
        self.log.extend(o.log.iter().cloned());
    }

    fn report(&self, name: &str) {
        let t = self;
        println!("{name}: {} articles, {} gold quotes, {} extracted", t.articles, t.gold, t.pred);
        println!("  quote recall    exact {:5.1}%  overlap {:5.1}%", pct(t.exact, t.gold), pct(t.overlap, t.gold));
        println!("  quote precision overlap {:5.1}%", pct(t.pred_overlap, t.pred));
        println!(
            "  speaker accuracy {:5.1}% ({}/{} detected quotes)",
            pct(t.speaker_ok, t.overlap),
            t.speaker_ok,
            t.overlap
        );
        println!("  role accuracy    {:5.1}% ({}/{})", pct(t.role_ok, t.roles), t.role_ok, t.roles);
        println!("  statements with the right speaker {}/{}", t.statement_ok, t.statements);
        println!("  dates normalized {}/{}", t.date_ok, t.dates);
        println!("  sentences to leave out classed as reported facts: {}/{}", t.leaked, t.excluded);
        println!("    of them opinion sentences: {}/{}", t.opinion_leaked, t.opinion);
    }
}

#[test]
fn spanish_golden_set() {
    let mut splits: Vec<(String, Tally)> = Vec::new();
    for (path, input, l) in articles() {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
        let doc = Document::with_lang(&input, Lang::Spanish);
        let x = extract_lang(&doc, l.date.as_deref().and_then(parse_iso_date), Lang::Spanish);
        let a = analyze_lang(&doc, Lang::Spanish);
        for q in &x.quotes {
            assert!(input.get(q.span.start..q.span.end).is_some(), "{name}: span off a char boundary");
        }
        if !splits.iter().any(|(n, _)| *n == l.split) {
            splits.push((l.split.clone(), Tally::default()));
        }
        let t = &mut splits.iter_mut().find(|(n, _)| *n == l.split).expect("added above").1;
        check(&name, &input, &l, &x, &a, &doc, t);
    }
    let mut t = Tally::default();
    for (name, s) in &splits {
        s.report(name);
        t.add(s);
    }
    t.report("all");
    for m in &t.log {
        println!("  {m}");
    }
    assert!(t.articles >= 12, "the set is at least 12 articles");
    assert!(pct(t.overlap, t.gold) >= 95.0, "quote recall under 95%");
    assert!(pct(t.speaker_ok, t.overlap) >= 95.0, "speaker accuracy under 95%");
    assert_eq!(t.leaked - t.opinion_leaked, 0, "boilerplate classed as a reported fact");
    // Opinion sentences the analysis misses still stay out of the briefs (the CLI test asserts
    // none reaches one); here at most 15% may read as plain facts.
    assert!(pct(t.opinion_leaked, t.opinion) <= 15.0, "over 15% of the opinion sentences read as reported facts");
    assert!(pct(t.date_ok, t.dates) >= 90.0, "dates normalized under 90%");
}
