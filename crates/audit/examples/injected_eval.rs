//! Injected errors: variants of the reference summaries of news-dev.jsonl with one piece changed
//! (a name swapped for another name of the same article, a number changed, a date shifted, a
//! negation flipped, a statement given to another speaker of the article). Reports, per kind,
//! the share of variants whose audit flags the changed piece (and did not flag it in the
//! untouched reference), and the false alarms on the untouched references.
//!
//! ```sh
//! cargo run --release -p nutgraf-audit --example injected_eval -- [../shared/eval/news-dev.jsonl] [--show KIND|clean|caught] [--write VARIANTS.jsonl]
//! ```

use std::collections::BTreeMap;
use std::io::Write;

use nutgraf_audit::{Audit, Auditor, Kind, Source};
use nutgraf_text::Span;
use serde_json::Value;

const KINDS: [&str; 5] = ["entity", "number", "date", "negation", "speaker"];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = (0..args.len())
        .find(|&i| !args[i].starts_with("--") && (i == 0 || (args[i - 1] != "--show" && args[i - 1] != "--write")))
        .map_or("../shared/eval/news-dev.jsonl".to_string(), |i| args[i].clone());
    let show = args.iter().position(|a| a == "--show").and_then(|i| args.get(i + 1)).cloned();
    // --write FILE: the variants as JSON lines (id, kind, variant, char offsets of the change),
    // for running peers on the same variants.
    let mut write = args.iter().position(|a| a == "--write").and_then(|i| args.get(i + 1)).map(|p| {
        std::io::BufWriter::new(std::fs::File::create(p).unwrap_or_else(|e| panic!("cannot create {p}: {e}")))
    });
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let auditor = Auditor::new();
    // (dataset, kind) -> [variants, detected, detected with the right kind]
    let mut hits: BTreeMap<(String, &str), [usize; 3]> = BTreeMap::new();
    // dataset -> [references, with any piece flag, not supported, with a judged flag]
    let mut clean: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    let mut clean_kind: BTreeMap<(String, &str), usize> = BTreeMap::new();
    let mut timing: BTreeMap<String, (usize, usize, f64)> = BTreeMap::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).expect("news-dev rows are JSON");
        let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
        let (id, dataset, article, reference) = (s("id"), s("dataset"), s("article"), s("reference"));
        let sources = [Source::new("article", &article)];
        let t0 = std::time::Instant::now();
        let base = auditor.audit(&sources, &reference).expect("references audit");
        let t = timing.entry(dataset.clone()).or_default();
        *t = (t.0 + 1, t.1 + article.len(), t.2 + t0.elapsed().as_secs_f64());
        let c = clean.entry(dataset.clone()).or_default();
        c[0] += 1;
        let piece_flags: Vec<&str> = base
            .sentences
            .iter()
            .flat_map(|s| &s.unsupported)
            .filter(|u| u.kind != Kind::Content && u.kind != Kind::Quote)
            .map(|u| u.kind.name())
            .collect();
        c[1] += !piece_flags.is_empty() as usize;
        // Flags on pieces the article has somewhere (support above 0), and negation or speaker
        // flags: the audit's judgement calls. A piece no source has is unsupported, full stop,
        // even in a reference (CNN/DM highlights name bylines, places and dates the article text
        // given here does not).
        let judged = base.sentences.iter().flat_map(|s| &s.unsupported).any(|u| {
            matches!(u.kind, Kind::Negation | Kind::Speaker)
                || (u.kind != Kind::Content && u.kind != Kind::Quote && u.support > 0.0)
        });
        c[3] += judged as usize;
        if show.as_deref() == Some("clean") && judged {
            println!("CLEAN {id}");
            for s in &base.sentences {
                for u in s.unsupported.iter().filter(|u| u.kind != Kind::Content) {
                    println!("  {} {:?} ({:.2}): {}\n    in: {}", u.kind.name(), u.text, u.support, u.why, s.text);
                    for e in &s.evidence {
                        println!("    ev: {}", e.text);
                    }
                }
            }
        }
        c[2] += !base.supported as usize;
        for k in KINDS {
            *clean_kind.entry((dataset.clone(), k)).or_default() += piece_flags.contains(&k) as usize;
        }
        let mut rng = seed(&id);
        for kind in KINDS {
            let Some((variant, changed)) = inject(kind, &article, &reference, &mut rng) else { continue };
            if let Some(w) = write.as_mut() {
                let [start, end] = changed.to_chars(&variant);
                let line = serde_json::json!({"id": id, "kind": kind, "variant": variant, "start": start, "end": end});
                writeln!(w, "{line}").expect("write variants");
            }
            let a = auditor.audit(&sources, &variant).expect("variants audit");
            let h = hits.entry((dataset.clone(), kind)).or_default();
            h[0] += 1;
            let (any, right) = detected(&a, &base, changed, kind);
            h[1] += any as usize;
            h[2] += right as usize;
            if show.as_deref() == Some("caught") && any {
                for u in a.sentences.iter().flat_map(|s| &s.unsupported) {
                    if u.span.start < changed.end + 12 && changed.start < u.span.end + 12 {
                        println!("CAUGHT {kind} {} {:?}: {}", u.kind.name(), u.text, u.why);
                    }
                }
            }
            if show.as_deref() == Some(kind) && !any {
                println!(
                    "MISSED {kind} {id}\n  ref: {reference}\n  var: {variant}\n  changed: {:?}",
                    &variant[changed.range()]
                );
                for s in a.sentences.iter().filter(|s| s.span.start <= changed.start && changed.end <= s.span.end) {
                    println!("  sentence [{:.2}]: {}", s.support, s.text);
                    for e in &s.evidence {
                        println!("    ev [{:.2}]: {}", e.overlap, e.text);
                    }
                }
            }
        }
    }
    println!("injected errors on {path}: recall = variants whose audit flags the changed piece (any kind / the injected kind)");
    for ((ds, kind), [n, any, right]) in &hits {
        println!(
            "  {ds:<6} {kind:<9} {n:>4} variants  recall {:>5.1}%  (right kind {:>5.1}%)",
            pct(*any, *n),
            pct(*right, *n)
        );
    }
    let tot = |k: &str| {
        hits.iter().filter(|((_, kk), _)| *kk == k).fold([0; 3], |a, (_, h)| [a[0] + h[0], a[1] + h[1], a[2] + h[2]])
    };
    for k in KINDS {
        let [n, any, right] = tot(k);
        println!("  all    {k:<9} {n:>4} variants  recall {:>5.1}%  (right kind {:>5.1}%)", pct(any, n), pct(right, n));
    }
    println!("speed (one thread, the untouched reference against its article, everything included):");
    for (ds, (n, bytes, secs)) in &timing {
        println!(
            "  {ds:<6} {n:>4} pairs, mean source {:.0} bytes: {:.0} pairs/s",
            *bytes as f64 / *n as f64,
            *n as f64 / secs
        );
    }
    println!("false alarms on the untouched references:");
    for (ds, [n, flagged, unsupported, judged]) in &clean {
        let per: Vec<String> =
            KINDS.iter().map(|k| format!("{k} {:.1}%", pct(clean_kind[&(ds.clone(), *k)], *n))).collect();
        println!(
            "  {ds:<6} {n:>4} references: a name/number/date/negation/speaker flag {:>5.1}% ({})",
            pct(*flagged, *n),
            per.join(", ")
        );
        println!(
            "  {ds:<6} of which on pieces the article has, or negation/speaker: {:>5.1}%; summary not supported: {:>5.1}%",
            pct(*judged, *n),
            pct(*unsupported, *n)
        );
    }
}

fn pct(a: usize, n: usize) -> f64 {
    100.0 * a as f64 / n.max(1) as f64
}

/// Whether the variant's audit flags a piece overlapping the changed span that the reference's
/// audit did not flag (any kind, and the injected kind).
fn detected(a: &Audit, base: &Audit, changed: Span, kind: &str) -> (bool, bool) {
    let near = |s: Span| s.start < changed.end + 12 && changed.start < s.end + 12;
    let flags: Vec<(&str, Span, &str)> = a
        .sentences
        .iter()
        .flat_map(|s| s.unsupported.iter().map(|u| (u.kind.name(), u.span, u.text.as_str())))
        .collect();
    let before: Vec<(&str, &str)> =
        base.sentences.iter().flat_map(|s| s.unsupported.iter().map(|u| (u.kind.name(), u.text.as_str()))).collect();
    let fresh: Vec<&(&str, Span, &str)> =
        flags.iter().filter(|(k, s, t)| near(*s) && !before.contains(&(*k, *t))).collect();
    // A swapped speaker may be caught as a name, and a changed number inside a date as a date.
    let right = fresh
        .iter()
        .any(|(k, _, _)| *k == kind || (kind == "speaker" && *k == "entity") || (kind == "number" && *k == "date"));
    (!fresh.is_empty(), right)
}

/// A tiny deterministic generator seeded by the row id.
fn seed(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3))
}

fn next(rng: &mut u64, n: usize) -> usize {
    *rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    ((*rng >> 33) as usize) % n.max(1)
}

/// Word spans of `text`.
fn words(text: &str) -> Vec<Span> {
    nutgraf_text::words(text, Span::new(0, text.len())).collect()
}

/// Names of the article: runs of capitalized non-stop words (not at a sentence start), lowercase.
fn names(article: &str) -> Vec<String> {
    let ws = words(article);
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let cap = |k: usize| {
            let w = &article[ws[k].range()];
            w.starts_with(|c: char| c.is_uppercase()) && !nutgraf_text::is_stop_word(&w.to_lowercase()) && w.len() > 2
        };
        let start_of_sentence = i == 0 || article[..ws[i].start].trim_end().ends_with(['.', '"', '!', '?', '\n']);
        if !cap(i) || start_of_sentence {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < ws.len() && cap(j) && article[ws[j - 1].end..ws[j].start] == *" " {
            j += 1;
        }
        let name = article[ws[i].start..ws[j - 1].end].to_lowercase();
        if !DATES.iter().any(|d| name.contains(d)) && !out.contains(&name) {
            out.push(name);
        }
        i = j;
    }
    out
}

const DATES: [&str; 19] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "may",
];

/// Replaces `text[span]` with `with`; returns the new text and the new span.
fn replace(text: &str, span: Span, with: &str) -> (String, Span) {
    (format!("{}{with}{}", &text[..span.start], &text[span.end..]), Span::new(span.start, span.start + with.len()))
}

/// Finds `needle` (lowercase words) in `text` as whole words, case-insensitively.
fn find_words(text: &str, needle: &str) -> Option<Span> {
    let lower = text.to_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(needle).map(|i| i + from) {
        let end = i + needle.len();
        let before = lower[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = lower[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after && lower.len() == text.len() {
            return Some(Span::new(i, end));
        }
        from = i + 1;
    }
    None
}

/// Keeps the case style of `old` on `new`: lowercase stays lowercase.
fn styled(old: &str, new: &str) -> String {
    if old.chars().any(char::is_uppercase) {
        new.split(' ').map(|w| w[..1].to_uppercase() + &w[1..]).collect::<Vec<_>>().join(" ")
    } else {
        new.to_string()
    }
}

fn inject(kind: &str, article: &str, reference: &str, rng: &mut u64) -> Option<(String, Span)> {
    match kind {
        "entity" | "speaker" => {
            let all = names(article);
            let speakers = speaker_names(article, &all);
            let in_ref: Vec<(Span, &String)> =
                all.iter().filter_map(|n| find_words(reference, n).map(|s| (s, n))).collect();
            let cands: Vec<&(Span, &String)> = if kind == "speaker" {
                in_ref
                    .iter()
                    .filter(|(s, _)| {
                        near_reporting(reference, *s) && speakers.contains(&reference[s.range()].to_lowercase())
                    })
                    .collect()
            } else {
                in_ref.iter().collect()
            };
            let &&(span, name) = cands.get(next(rng, cands.len()))?;
            let pool: &Vec<String> = if kind == "speaker" { &speakers } else { &all };
            let others: Vec<&String> = pool
                .iter()
                .filter(|o| {
                    !o.contains(name.as_str()) && !name.contains(o.as_str()) && find_words(reference, o).is_none()
                })
                .collect();
            let other = others.get(next(rng, others.len()))?;
            Some(replace(reference, span, &styled(&reference[span.range()], other)))
        }
        "number" => {
            let ws: Vec<Span> = words(reference)
                .into_iter()
                .filter(|w| reference[w.range()].bytes().all(|b| b.is_ascii_digit()))
                .collect();
            let w = *ws.get(next(rng, ws.len()))?;
            let n: u64 = reference[w.range()].parse().ok()?;
            let changed = if (1900..=2100).contains(&n) {
                n + 3
            } else if n < 10 {
                n + 1 + next(rng, 3) as u64
            } else {
                n * 2 + 1
            };
            Some(replace(reference, w, &changed.to_string()))
        }
        "date" => {
            const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
            const MONTHS: [&str; 11] = [
                "january",
                "february",
                "april",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
                "march",
            ];
            for (list, step) in [(&DAYS[..], 2), (&MONTHS[..], 3)] {
                for (k, d) in list.iter().enumerate() {
                    if let Some(s) = find_words(reference, d) {
                        let to = list[(k + step) % list.len()];
                        return Some(replace(reference, s, &styled(&reference[s.range()], to)));
                    }
                }
            }
            let ws = words(reference);
            let y = ws
                .into_iter()
                .find(|w| reference[w.range()].parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y)))?;
            let year: u32 = reference[y.range()].parse().ok()?;
            Some(replace(reference, y, &(year - 2).to_string()))
        }
        "negation" => {
            for neg in [" not ", " never ", " no longer "] {
                if let Some(i) = reference.find(neg) {
                    let (v, _) = replace(reference, Span::new(i, i + neg.len()), " ");
                    return Some((v, Span::new(i, i + 1)));
                }
            }
            const AUX: [&str; 12] =
                ["is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "should"];
            let ws = words(reference);
            let cands: Vec<Span> =
                ws.windows(2).filter(|p| AUX.contains(&&reference[p[0].range()])).map(|p| p[0]).collect();
            let w = *cands.get(next(rng, cands.len()))?;
            let (v, _) = replace(reference, Span::new(w.end, w.end), " not");
            Some((v, Span::new(w.end + 1, w.end + 4)))
        }
        _ => None,
    }
}

const REPORTING: [&str; 8] = ["said", "says", "told", "tells", "added", "claimed", "according", "admitted"];

fn near_reporting(text: &str, s: Span) -> bool {
    let lo = text[..s.start].char_indices().rev().nth(30).map_or(0, |(i, _)| i);
    let hi = text[s.end..].char_indices().nth(20).map_or(text.len(), |(i, _)| s.end + i);
    let window = text[lo..hi].to_lowercase();
    REPORTING.iter().any(|r| window.contains(r))
}

/// Names of the article that speak: within a few words of a reporting verb.
fn speaker_names(article: &str, names: &[String]) -> Vec<String> {
    names
        .iter()
        .filter(|n| {
            let lower = article.to_lowercase();
            lower.match_indices(n.as_str()).any(|(i, _)| near_reporting(article, Span::new(i, i + n.len())))
        })
        .cloned()
        .collect()
}
