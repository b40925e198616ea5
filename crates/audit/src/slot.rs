//! Slot check: is the place a piece fills in its summary sentence filled by something else in the
//! source sentence the summary sentence comes from?
//!
//! "Tindall's horse finished third in the Treadwell" against a source that says "finished third
//! in the Grand National": the words around the piece (its *slot*: up to three words on each side)
//! occur in the aligned source sentence around another name. Leave-one-out location (`score`)
//! misses such a swap when the swapped-in name sits elsewhere in the article next to words of the
//! summary sentence; the slot does not care where else the name occurs.
//!
//! Every run of words of the piece's kind (names, numbers, dates) in the candidate sentences is
//! scored by how many of the slot's words it has next to it, in order, outward from the run
//! (a content word counts 1, a stop word half). A swap is claimed when the best-matching run in
//! the sentences the summary sentence aligns to is another piece, matched by at least
//! [`MIN_STRENGTH`] with a content word among the matches, and no run that is the summary's own
//! piece (anywhere in the sources) matches as well.

use std::ops::Range;

use crate::index::Index;
use crate::lexicon;
use crate::pieces::Kind;
use crate::words::Word;

/// How many words on each side make a slot.
const SIDE: usize = 3;
/// The least slot match that can name a rival.
pub(crate) const MIN_STRENGTH: f32 = 1.5;
/// How much better the rival must match than the piece itself does anywhere in the sources.
const MIN_MARGIN: f32 = 1.5;

/// A rival found in the slot: its words as the source writes them (lowercase) and its match.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Rival {
    pub text: String,
    pub strength: f32,
}

/// True when source word `p` can be part of a run of `kind`.
fn fills(ix: &Index, p: usize, kind: Kind) -> bool {
    let w = &ix.words[p];
    let key = ix.keys.str(w.key);
    match kind {
        Kind::Entity | Kind::Speaker => {
            w.term.is_some()
                && !key.starts_with(['#', '@'])
                && key.starts_with(char::is_alphabetic)
                && (w.cap_mid || ix.is_name(w.key))
                && !lexicon::entry(key).relative_date
        }
        Kind::Number => key.starts_with('#') && !is_year(key),
        Kind::Date => key.starts_with('@') || is_year(key) || lexicon::entry(key).relative_date,
        _ => false,
    }
}

fn is_year(key: &str) -> bool {
    key.strip_prefix('#').and_then(|n| n.parse::<u32>().ok()).is_some_and(|y| (1900..=2100).contains(&y))
}

/// The summary's slot words around `r`: left (nearest first) and right (nearest first), as key
/// ids (`None`: no source has the word) with their weight.
type Side = Vec<(Option<u32>, f32)>;

fn sides(ix: &Index, words: &[Word], r: &Range<usize>) -> (Side, Side) {
    let weight = |w: &Word| if w.stop && !w.neg { 0.5 } else { 1.0 };
    let key = |w: &Word| (ix.keys.get(&w.key), weight(w));
    let left = words[r.start.saturating_sub(SIDE)..r.start].iter().rev().map(key).collect();
    let right = words[r.end..(r.end + SIDE).min(words.len())].iter().map(key).collect();
    (left, right)
}

/// How well the source words around run `a..b` of sentence range `s` match the slot.
fn strength(
    ix: &Index,
    s: &Range<usize>,
    a: usize,
    b: usize,
    left: &[(Option<u32>, f32)],
    right: &[(Option<u32>, f32)],
) -> (f32, bool) {
    let (mut total, mut content) = (0.0f32, false);
    for (j, &(k, wt)) in left.iter().enumerate() {
        let Some(p) = a.checked_sub(j + 1).filter(|&p| p >= s.start) else { break };
        if k != Some(ix.words[p].key) {
            break;
        }
        total += wt;
        content |= wt >= 1.0;
    }
    for (j, &(k, wt)) in right.iter().enumerate() {
        let p = b + j;
        if p >= s.end || k != Some(ix.words[p].key) {
            break;
        }
        total += wt;
        content |= wt >= 1.0;
    }
    (total, content)
}

/// True when a run with keys `run` is the summary's piece with keys `mine`: for names, either
/// holds the other's last word or all its words ("Mr Cameron" and "David Cameron"); for numbers
/// and dates, either holds all the other's keys.
fn same(kind: Kind, mine: &[u32], run: &[u32]) -> bool {
    let within = |a: &[u32], b: &[u32]| a.iter().all(|k| b.contains(k));
    let last = |a: &[u32], b: &[u32]| a.last().is_some_and(|k| b.contains(k));
    within(mine, run)
        || within(run, mine)
        || (matches!(kind, Kind::Entity | Kind::Speaker) && (last(mine, run) || last(run, mine)))
}

/// The rival in the slot of piece `r` (summary words), looking for rivals in `aligned` (the
/// source sentences the rest of the summary sentence comes from) and for the piece itself in
/// every sentence that has its last key.
pub(crate) fn rival(ix: &Index, words: &[Word], r: Range<usize>, kind: Kind, aligned: &[u32]) -> Option<Rival> {
    let (own_best, best) = scan(ix, words, r, kind, aligned)?;
    let (st, at) = best?;
    (st >= MIN_STRENGTH && st - own_best >= MIN_MARGIN).then(|| Rival {
        text: at.iter().map(|&q| shown(ix.keys.str(ix.words[q].key))).collect::<Vec<_>>().join(" "),
        strength: st,
    })
}

/// How well the piece's own slot matches where the sources have the piece (0 when they do not).
pub(crate) fn own(ix: &Index, words: &[Word], r: Range<usize>, kind: Kind) -> f32 {
    scan(ix, words, r, kind, &[]).map_or(0.0, |s| s.0)
}

/// The best slot match of the piece itself, and of a rival in `aligned`, with the rival's words.
type Scan = (f32, Option<(f32, Vec<usize>)>);

fn scan(ix: &Index, words: &[Word], r: Range<usize>, kind: Kind, aligned: &[u32]) -> Option<Scan> {
    let keyed = words[r.clone()].iter().filter(|w| kind != Kind::Number || w.is_numeric());
    let mine: Vec<u32> = keyed.filter(|w| !w.stop).filter_map(|w| ix.keys.get(&w.key)).collect();
    let &last = mine.last()?;
    let (left, right) = sides(ix, words, &r);
    // Keys of the whole summary sentence: a rival it names elsewhere is a rearrangement, not a swap.
    let sentence: Vec<u32> = words.iter().filter_map(|w| ix.keys.get(&w.key)).collect();
    let mut own_best = 0.0f32;
    let mut best: Option<(f32, Vec<usize>)> = None;
    let mut visit = |s: u32, rivals: bool, own_best: &mut f32| {
        let range = ix.sents[s as usize].words.clone();
        let mut p = range.start;
        while p < range.end {
            if !fills(ix, p, kind) {
                p += 1;
                continue;
            }
            let a = p;
            while p < range.end && fills(ix, p, kind) {
                p += 1;
            }
            let run: Vec<u32> = (a..p).map(|q| ix.words[q].key).collect();
            if same(kind, &mine, &run) {
                let (st, _) = strength(ix, &range, a, p, &left, &right);
                *own_best = own_best.max(st);
                continue;
            }
            // Names the summary sentence has are no rivals; a run that only starts or ends with
            // them (a caption run into the text: "the National Monbeg Dude") keeps the rest.
            let (mut a2, mut b2) = (a, p);
            while a2 < b2 && sentence.contains(&ix.words[a2].key) {
                a2 += 1;
            }
            while b2 > a2 && sentence.contains(&ix.words[b2 - 1].key) {
                b2 -= 1;
            }
            if !rivals || a2 == b2 || (a2..b2).any(|q| sentence.contains(&ix.words[q].key)) {
                continue;
            }
            let (st, content) = strength(ix, &range, a2, b2, &left, &right);
            if content && best.as_ref().is_none_or(|b| st > b.0) {
                best = Some((st, (a2..b2).collect()));
            }
        }
    };
    for &s in aligned {
        visit(s, true, &mut own_best);
    }
    for &s in &ix.key_sents[last as usize] {
        visit(s, false, &mut own_best);
    }
    Some((own_best, best))
}

/// A key as a person reads it (numbers without their `#`, dates by name).
fn shown(key: &str) -> String {
    crate::score::shown_key(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::scan;
    use nutgraf_text::{Document, Span};

    #[test]
    fn slot_rivals() {
        let src = vec![Document::new(
            "Monbeg Dude finished third in the Grand National at Aintree on Saturday. \
             Trainer Michael Scudamore said Paul Treadwell rode well. Treadwell won in 2010 and on Monday.",
        )];
        let ix = Index::new(&src);
        let cases = vec![
            ("Monbeg Dude finished third in the Treadwell", 6..7, Kind::Entity, Some("grand national")),
            ("Monbeg Dude finished third in the Grand National", 6..8, Kind::Entity, None),
            (
                "Monbeg Dude finished third in the Grand National at Aintree on Monday",
                11..12,
                Kind::Date,
                Some("saturday"),
            ),
            ("Trainer Michael Scudamore said Monbeg Dude rode well", 4..6, Kind::Speaker, Some("paul treadwell")),
            ("Trainer Michael Scudamore said Paul Treadwell rode well", 4..6, Kind::Speaker, None),
            ("Monbeg Dude finished third in the Grand National in 2010", 9..10, Kind::Date, None),
        ];
        for (s, r, kind, want) in cases {
            let mut words = Vec::new();
            scan(s, Span::new(0, s.len()), &mut words);
            let got = rival(&ix, &words, r, kind, &[0, 1]);
            assert_eq!(got.map(|g| g.text).as_deref(), want, "{s}");
        }
        // The piece's own slot: "third in the" before it, wherever the sentence aligns.
        let cases = vec![
            ("Monbeg Dude finished third in the Grand National", 6..8, 2.0),
            ("He rode in the Grand National", 4..6, 1.0),
            ("Treadwell rode well", 0..1, 2.0),
            ("Treadwell finished third", 0..1, 0.0),
        ];
        for (s, r, want) in cases {
            let mut words = Vec::new();
            scan(s, Span::new(0, s.len()), &mut words);
            assert_eq!(own(&ix, &words, r, Kind::Entity), want, "{s}");
        }
    }
}
