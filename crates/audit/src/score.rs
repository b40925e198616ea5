//! Checking one summary sentence against the index: piece by piece, then one support score.
//!
//! A name, number or date is *supported* when a source sentence that backs the rest of the
//! summary sentence (leave-one-out BM25, see `align`) holds it, or a neighbour of such a sentence
//! does (at a discount: pronouns and continued quotes carry facts across one sentence). Its
//! support is that sentence's leave-one-out score over the best leave-one-out score; a piece no
//! source has at all scores 0. A piece that passes is then put in its slot (`slot`): when the
//! source sentence the rest of the summary sentence comes from holds another name, number or
//! date where the summary has this one, it is flagged all the same; a piece that fails but that
//! some source has between the same words as the summary passes. Quotes must occur word for
//! word in one source; speakers must be
//! named near the quote, or near the aligned statement, in the source; a negation cue must have a
//! counterpart near the same content word in the aligned source sentence, and the other way
//! round.
//!
//! The sentence's support multiplies its content coverage (IDF-weighted share of its content
//! stems found in the sources and in its evidence) by one factor per piece.

use std::ops::Range;

use crate::align::Alignment;
use crate::index::{stem, Index};
use crate::pieces::{pieces, Kind};
use crate::slot::Rival;
use crate::words::Word;

/// Below this support a piece is reported as unsupported (0.5 before the slot check; 0.4 keeps
/// the recall of names with fewer false alarms now that the slot check catches swaps, see
/// BENCHMARKS.md).
pub(crate) const FLAG_BELOW: f32 = 0.4;
/// Discount for a piece found only in a neighbour of the aligned sentence.
const NEIGHBOUR: f32 = 0.7;
/// How many words on each side of a piece make its context.
const CONTEXT_REACH: usize = 6;
/// Weight of other names, numbers and dates in a piece's context.
const OTHER_PIECE_WEIGHT: f32 = 0.5;

/// How much an unsupported piece of each kind lowers its sentence's support (for content words:
/// each word of the run; 0.1 raised the faith-dev mean from 65.0 to 65.9, BENCHMARKS.md).
fn severity(kind: Kind) -> f32 {
    match kind {
        Kind::Entity => 0.6,
        Kind::Number => 0.6,
        Kind::Date => 0.5,
        Kind::Quote => 0.5,
        Kind::Speaker => 0.6,
        Kind::Negation => 0.6,
        Kind::Content => 0.1,
    }
}

/// One unsupported piece, as word indices of the sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RawFlag {
    pub kind: Kind,
    pub words: Range<usize>,
    pub support: f32,
    pub why: String,
}

/// The result for one sentence.
#[derive(Clone, Debug, Default)]
pub(crate) struct SentenceCheck {
    pub support: f32,
    /// The product of the piece factors alone (1 when every piece is supported).
    pub pieces: f32,
    pub evidence: Vec<(u32, f32)>,
    pub flags: Vec<RawFlag>,
}

/// Checks one summary sentence. `norm` is the (prepped) normalized summary the words point
/// into; `quotes` are its quoted byte ranges in that text.
pub(crate) fn check(ix: &Index, norm: &str, words: &[Word], quotes: &[(usize, usize)]) -> SentenceCheck {
    let q = Query::new(ix, words);
    let al = Alignment::new(ix, &q.terms);
    let top = al.top(3);
    let best_full = top.first().map_or(0.0, |t| t.1);
    let evidence: Vec<(u32, f32)> = top.into_iter().filter(|t| t.1 > 0.0 && t.1 >= 0.5 * best_full).collect();
    let mut flags = Vec::new();
    let mut factor = 1.0f32;
    let mut quote_at = None;
    let ps = pieces(ix, norm, words, quotes);
    let speakers = super::speaker::speakers(words, &ps, quotes);
    let piece_words: Vec<usize> = ps.iter().filter(|p| p.kind != Kind::Quote).flat_map(|p| p.words.clone()).collect();
    for p in &ps {
        let text = || piece_text(norm, words, &p.words);
        let (support, why) = match p.kind {
            Kind::Quote => match super::speaker::find_quote(ix, &words[p.words.clone()]) {
                Ok(at) => {
                    quote_at = quote_at.or(at);
                    (1.0, String::new())
                }
                Err(why) => (0.0, why),
            },
            _ if speakers.contains(&p.words) => continue,
            _ => {
                let (support, why) = located(ix, &al, &q, words, &piece_words, p.kind, p.words.clone(), &text());
                // A piece the sources have between the same words as the summary is where it
                // belongs, wherever the rest of the sentence aligns.
                let own = || crate::slot::own(ix, words, p.words.clone(), p.kind) >= OWN_SLOT;
                if support > 0.0 && support < FLAG_BELOW && own() {
                    (FLAG_BELOW, String::new())
                } else {
                    match (support >= FLAG_BELOW)
                        .then(|| in_slot(ix, &al, &q, words, p.kind, p.words.clone()))
                        .flatten()
                    {
                        Some(r) => (SLOT_SUPPORT, slot_why(p.kind, &text(), &r)),
                        None => (support, why),
                    }
                }
            }
        };
        factor *= 1.0 - severity(p.kind) * (1.0 - support);
        if support < FLAG_BELOW {
            flags.push(RawFlag { kind: p.kind, words: p.words.clone(), support, why });
        }
    }
    for sp in &speakers {
        let skip = q.slots_of(sp.clone());
        let anchor = quote_at.or_else(|| best_row(&al, &skip));
        if let Some(r) = in_slot(ix, &al, &q, words, Kind::Speaker, sp.clone()) {
            factor *= 1.0 - severity(Kind::Speaker);
            let text = piece_text(norm, words, sp);
            flags.push(RawFlag {
                kind: Kind::Speaker,
                words: sp.clone(),
                support: SLOT_SUPPORT,
                why: slot_why(Kind::Speaker, &text, &r),
            });
            continue;
        }
        let Some(anchor) = anchor else { continue };
        let own = || crate::slot::own(ix, words, sp.clone(), Kind::Speaker) >= OWN_SLOT;
        if let Some(why) = super::speaker::check_speaker(ix, anchor, &words[sp.clone()]).filter(|_| !own()) {
            factor *= 1.0 - severity(Kind::Speaker);
            flags.push(RawFlag { kind: Kind::Speaker, words: sp.clone(), support: 0.0, why });
        }
    }
    for f in super::negation::check(ix, &al, &q, words, &evidence) {
        factor *= 1.0 - severity(Kind::Negation);
        flags.push(f);
    }
    let (cov_doc, cov_ev) = q.coverage(&al, &evidence);
    for f in q.absent(words, &flags) {
        factor *= (1.0 - severity(Kind::Content)).powi(f.words.len() as i32);
        flags.push(f);
    }
    flags.sort_by_key(|f| f.words.start);
    let evidence = evidence.iter().map(|&(s, _)| (s, q.overlap(&al, s))).collect();
    let support = if q.terms.is_empty() { 1.0 } else { 0.5 * cov_doc + 0.5 * cov_ev } * factor;
    SentenceCheck {
        support: if support > 0.0 { support.min(1.0) } else { 0.0 },
        pieces: factor.max(0.0),
        evidence,
        flags,
    }
}

/// The sentence as a BM25 query: one slot per distinct content stem.
pub(crate) struct Query {
    /// Term id per slot (`None`: no source has the stem).
    pub terms: Vec<Option<u32>>,
    /// Slot per word (`None` for stop words).
    pub slot: Vec<Option<usize>>,
    idf: Vec<f32>,
}

impl Query {
    pub(crate) fn new(ix: &Index, words: &[Word]) -> Query {
        let mut stems: Vec<String> = Vec::new();
        let slot = words
            .iter()
            .map(|w| {
                let s = stem(w)?;
                Some(stems.iter().position(|x| *x == s).unwrap_or_else(|| {
                    stems.push(s);
                    stems.len() - 1
                }))
            })
            .collect();
        let terms: Vec<Option<u32>> = stems.iter().map(|s| ix.terms.get(s)).collect();
        let idf = terms.iter().map(|&t| ix.idf(t)).collect();
        Query { terms, slot, idf }
    }

    /// The slots of words `r`.
    pub fn slots_of(&self, r: Range<usize>) -> Vec<usize> {
        self.slot[r].iter().flatten().copied().collect()
    }

    /// IDF-weighted share of the query found in any source, and in the evidence sentences.
    fn coverage(&self, al: &Alignment, evidence: &[(u32, f32)]) -> (f32, f32) {
        let total: f32 = self.idf.iter().sum();
        if total <= 0.0 {
            return (1.0, 1.0);
        }
        let doc: f32 = (0..self.terms.len()).filter(|&k| self.terms[k].is_some()).map(|k| self.idf[k]).sum();
        let ev: f32 =
            (0..self.terms.len()).filter(|&k| evidence.iter().any(|e| al.has_term(e.0, k))).map(|k| self.idf[k]).sum();
        (doc / total, ev / total)
    }

    /// IDF-weighted share of the query that sentence `s` has.
    fn overlap(&self, al: &Alignment, s: u32) -> f32 {
        let total: f32 = self.idf.iter().sum();
        let has: f32 = (0..self.terms.len()).filter(|&k| al.has_term(s, k)).map(|k| self.idf[k]).sum();
        if total > 0.0 {
            has / total
        } else {
            0.0
        }
    }

    /// Runs of content words no source has, outside the pieces already flagged.
    fn absent(&self, words: &[Word], flagged: &[RawFlag]) -> Vec<RawFlag> {
        let mut out: Vec<RawFlag> = Vec::new();
        for (i, s) in self.slot.iter().enumerate() {
            let missing = s.is_some_and(|k| self.terms[k].is_none()) && !words[i].is_numeric();
            if !missing || flagged.iter().any(|f| f.words.contains(&i)) {
                continue;
            }
            match out.last_mut() {
                Some(f) if f.words.end == i || (f.words.end + 1 == i && self.slot[i - 1].is_none()) => {
                    f.words.end = i + 1
                }
                _ => out.push(RawFlag {
                    kind: Kind::Content,
                    words: i..i + 1,
                    support: 0.0,
                    why: "no source has these words".into(),
                }),
            }
        }
        out
    }
}

/// The best-aligned sentence without the slots in `skip`.
fn best_row(al: &Alignment, skip: &[usize]) -> Option<u32> {
    let (s, v) = al.cands.iter().map(|&s| (s, al.score(s, skip))).max_by(|a, b| a.1.total_cmp(&b.1))?;
    (v > 0.0).then_some(s)
}

/// Support given to a piece whose slot in the aligned source sentence holds another piece.
const SLOT_SUPPORT: f32 = 0.2;

/// The rival in piece `r`'s slot in the sentences the rest of the summary sentence aligns to.
fn in_slot(ix: &Index, al: &Alignment, q: &Query, words: &[Word], kind: Kind, r: Range<usize>) -> Option<Rival> {
    let skip = q.slots_of(r.clone());
    let mut rows: Vec<(u32, f32)> = al.cands.iter().map(|&s| (s, al.score(s, &skip))).collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let best = rows.first().map_or(0.0, |r| r.1);
    let aligned: Vec<u32> =
        rows.iter().take(SLOT_ROWS).filter(|r| r.1 > 0.0 && r.1 >= 0.5 * best).map(|r| r.0).collect();
    crate::slot::rival(ix, words, r, kind, &aligned)
}

/// The slot match at which a piece the sources have next to the same words counts as located.
const OWN_SLOT: f32 = 1.5;

/// How many aligned sentences the slot check looks in.
const SLOT_ROWS: usize = 3;

fn slot_why(kind: Kind, text: &str, r: &Rival) -> String {
    format!("the source sentence this one is based on has \"{}\" where the summary has {}", r.text, quoted(kind, text))
}

/// Support of a name, number or date piece: is it where the rest of the sentence comes from?
#[allow(clippy::too_many_arguments)]
fn located(
    ix: &Index,
    al: &Alignment,
    q: &Query,
    words: &[Word],
    others: &[usize],
    kind: Kind,
    r: Range<usize>,
    text: &str,
) -> (f32, String) {
    let keyed: Vec<&Word> = words[r.clone()].iter().filter(|w| kind != Kind::Number || w.is_numeric()).collect();
    // A name may be inflected differently ("Allied" for "Allies"): fall back to any word of the
    // sources with its stem.
    let ids: Vec<Option<u32>> = keyed
        .iter()
        .map(|w| ix.keys.get(&w.key).or_else(|| (kind == Kind::Entity).then(|| stem_key(ix, w)).flatten()))
        .collect();
    let absent = ids.iter().any(Option::is_none);
    let ids: Vec<u32> = ids.into_iter().flatten().collect();
    let apart = kind == Kind::Entity && ids.len() > 1 && !ix.contains_run(&ids);
    // The piece's context: the content words within a few words of it, itself left out.
    // Other names, numbers and dates count for less: a sentence that fuses two source sentences
    // ("City lost to Palace at the Etihad on Monday") should not pull each piece to the other's.
    let own = q.slots_of(r.clone());
    let reach = CONTEXT_REACH;
    let mut context: Vec<(usize, f32)> = (r.start.saturating_sub(reach)..(r.end + reach).min(words.len()))
        .filter_map(|j| q.slot[j].map(|k| (k, if others.contains(&j) { OTHER_PIECE_WEIGHT } else { 1.0 })))
        .filter(|(k, _)| !own.contains(k))
        .collect();
    context.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    context.dedup_by_key(|c| c.0);
    let (best_s, best) =
        al.cands.iter().map(|&s| (s, al.score_on(s, &context))).fold((0, 0.0f32), |a, b| if b.1 > a.1 { b } else { a });
    let instead = |s: u32| rival(ix, s, kind, words).map(|r| format!("; the source sentence it matches has \"{r}\""));
    if absent || apart {
        let also = if best > 0.0 { instead(best_s).unwrap_or_default() } else { String::new() };
        let how = if absent { "" } else { " (its words occur, but not together)" };
        return (0.0, format!("no source has {}{how}{also}", quoted(kind, text)));
    }
    if best <= 0.0 {
        return (1.0, String::new());
    }
    // Sentences holding every key of the piece (for a name: any of its words).
    let holds = |s: u32| {
        if kind == Kind::Entity {
            ids.iter().any(|&k| ix.has(s, k))
        } else {
            ids.iter().all(|&k| ix.has(s, k))
        }
    };
    let mut found = 0.0f32;
    // Candidates: for a name, the sentences of any of its words; otherwise those of its rarest key.
    let rarest = ids.iter().min_by_key(|&&k| ix.key_sents[k as usize].len()).copied().unwrap_or(0);
    let lists: Vec<u32> = if kind == Kind::Entity { ids.clone() } else { vec![rarest] };
    for &s in lists.iter().flat_map(|&k| &ix.key_sents[k as usize]) {
        if !holds(s) {
            continue;
        }
        found = found.max(al.score_on(s, &context));
        for n in [s.wrapping_sub(1), s + 1] {
            if (n as usize) < ix.sents.len() && ix.near(s, n, 1) {
                found = found.max(NEIGHBOUR * al.score_on(n, &context));
            }
        }
    }
    let support = (found / best).min(1.0);
    // A swap often leaves a trace: where the rest of the sentence comes from, the source has
    // another piece of the same kind that the summary sentence does not mention. It is named in
    // the reason only: as a score factor it raised false alarms more than recall (BENCHMARKS.md).
    let also = if support < FLAG_BELOW { instead(best_s).unwrap_or_default() } else { String::new() };
    (support, format!("the sources have {} but not in the sentences this one is based on{also}", quoted(kind, text)))
}

/// A piece of `kind` in source sentence `s` that no word of the summary sentence matches: a name,
/// a number or a date (as the source writes it, lowercase).
fn rival(ix: &Index, s: u32, kind: Kind, words: &[Word]) -> Option<String> {
    let mine: Vec<u32> = words.iter().filter_map(|w| ix.keys.get(&w.key)).collect();
    let r = ix.sents[s as usize].words.clone();
    r.clone().map(|p| &ix.words[p]).find_map(|w| {
        let key = ix.keys.str(w.key);
        let same = match kind {
            Kind::Entity => ix.is_name(w.key) && w.cap_mid && w.term.is_some(),
            Kind::Number => key.starts_with('#') && !is_year(key),
            Kind::Date => key.starts_with('@') || is_year(key),
            _ => false,
        };
        (same && !mine.contains(&w.key)).then(|| shown_key(key))
    })
}

/// A key as a person reads it: `#4200000` as 4200000, `@d2` as tuesday, `@m3` as march.
pub(crate) fn shown_key(key: &str) -> String {
    let name = |table: &[(&'static str, u8)], n: &str| {
        let n: u8 = n.parse().unwrap_or(0);
        table.iter().filter(|(_, v)| *v == n).map(|(w, _)| *w).max_by_key(|w| w.len()).unwrap_or("?").to_string()
    };
    if let Some(d) = key.strip_prefix("@d") {
        name(crate::lexicon::WEEKDAYS, d)
    } else if let Some(m) = key.strip_prefix("@m") {
        name(crate::lexicon::MONTHS, m)
    } else {
        let n = key.trim_start_matches('#');
        match n.parse::<f64>() {
            Ok(v) if v >= 1e9 => format!("{} billion", v / 1e9),
            Ok(v) if v >= 1e6 => format!("{} million", v / 1e6),
            _ => n.to_string(),
        }
    }
}

fn is_year(key: &str) -> bool {
    key.strip_prefix('#').and_then(|n| n.parse::<u32>().ok()).is_some_and(|y| (1900..=2100).contains(&y))
}

/// The key of a source word with the same stem as `w`, if any.
fn stem_key(ix: &Index, w: &Word) -> Option<u32> {
    let t = ix.terms.get(&stem(w)?)?;
    let &(s, _) = ix.postings[t as usize].first()?;
    ix.sents[s as usize].words.clone().find(|&p| ix.words[p].term == Some(t)).map(|p| ix.words[p].key)
}

fn quoted(kind: Kind, text: &str) -> String {
    format!("the {} \"{text}\"", kind.name())
}

/// The normalized text of words `r`.
pub(crate) fn piece_text(norm: &str, words: &[Word], r: &Range<usize>) -> String {
    norm[words[r.start].span.start..words[r.end - 1].span.end].to_string()
}
