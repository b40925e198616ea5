//! Scoring the pooled sentences and choosing one per fact under the budget.
//!
//! # Why this module exists
//!
//! A sentence earns its place in a roundup by what the *other* sources say: its score is led by
//! cross-source support (the sum over other outlets of their closest sentence's cosine), then
//! centrality in the pooled story and the source's own lead position, with a bonus for facts
//! that several outlets report outright. Neutrality removes unattributed opinion and charges
//! each loaded word. Selection is greedy in score order with three rules: one sentence per fact
//! (the most neutral and most complete phrasing of it is shown), no sentence that leans on a
//! previous one, and balance: while a speaker not yet heard has a candidate statement, a second
//! statement of an already-heard speaker counts half.

use nutgraf_analyze::Role;

use crate::group::{Groups, SAME_FACT};
use crate::pool::{cosine, Unit};
use crate::Length;

/// Score weights (fixed; chosen on neus-train.jsonl, reported on neus-dev.jsonl).
const W_SUPPORT: f32 = 1.0;
const W_CENTRAL: f32 = 0.6;
const W_LEAD: f32 = 0.5;
const W_MULTI: f32 = 0.3;
const W_LOADED: f32 = 0.5;
const DEPENDENT: f32 = 0.5;

/// A chosen sentence: the unit shown, the sources that report it and its score.
#[derive(Debug, Clone)]
pub(crate) struct Pick {
    pub unit: usize,
    pub sources: Vec<usize>,
    pub score: f32,
}

/// The score of every unit (`None` when it may not be selected).
pub(crate) fn scores(units: &[Unit], groups: &Groups, sources: usize, neutral: bool) -> Vec<Option<f32>> {
    let others = sources.saturating_sub(1).max(1) as f32;
    units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            if u.boilerplate || (neutral && u.opinion) || u.content == 0 {
                return None;
            }
            let multi = groups.near[i].iter().any(|&(_, c)| c >= SAME_FACT);
            let mut s = W_SUPPORT * groups.support[i] / others
                + W_CENTRAL * groups.central[i]
                + W_LEAD / (1.0 + u.position as f32)
                + if multi { W_MULTI } else { 0.0 };
            if neutral {
                s -= W_LOADED * u.loaded as f32;
            }
            if u.dependency.is_some() {
                s *= DEPENDENT;
            }
            Some(s)
        })
        .collect()
}

/// Chooses facts in score order under `length`; `lead_in_words(unit, sources)` is the number of
/// words a lead-in adds to the shown sentence.
pub(crate) fn select(
    units: &[Unit],
    groups: &Groups,
    scores: &[Option<f32>],
    length: Length,
    lead_in_words: impl Fn(usize, &[usize]) -> usize,
) -> Vec<Pick> {
    let (max_sentences, max_words) = match length {
        Length::Sentences(n) => (n, usize::MAX),
        Length::Words(n) => (usize::MAX, n),
    };
    let mut open: Vec<usize> = (0..units.len()).filter(|&i| scores[i].is_some()).collect();
    let mut picks: Vec<Pick> = Vec::new();
    let mut facts: Vec<usize> = Vec::new();
    let mut heard: Vec<String> = Vec::new();
    let mut words = 0;
    while picks.len() < max_sentences && !open.is_empty() {
        let pending_new = open.iter().any(|&i| units[i].speaker.as_ref().is_some_and(|s| !heard_of(&heard, s)));
        let effective = |i: usize| {
            let s = scores[i].unwrap_or(0.0);
            match &units[i].speaker {
                Some(sp) if pending_new && heard_of(&heard, sp) => s * 0.5,
                _ => s,
            }
        };
        let (k, &best) = open
            .iter()
            .enumerate()
            .max_by(|a, b| effective(*a.1).total_cmp(&effective(*b.1)).then(b.1.cmp(a.1)))
            .expect("open is not empty");
        open.swap_remove(k);
        if facts.contains(&groups.fact[best])
            || picks.iter().any(|p| cosine(&units[p.unit].terms, &units[best].terms) >= SAME_FACT)
        {
            continue;
        }
        let shown = representative(units, groups, scores, best);
        let sources = groups.sources(units, shown);
        let cost = units[shown].words + lead_in_words(shown, &sources);
        if words + cost > max_words {
            continue;
        }
        words += cost;
        facts.push(groups.fact[best]);
        if let Some(sp) = &units[shown].speaker {
            heard.push(sp.clone());
        }
        picks.push(Pick { unit: shown, sources, score: scores[best].unwrap_or(0.0) });
    }
    // Facts several outlets report come first; then by score.
    picks.sort_by(|a, b| b.sources.len().cmp(&a.sources.len()).then(b.score.total_cmp(&a.score)));
    picks
}

/// Among the selectable sentences of `best`'s fact that say the same as it, the most neutral
/// (fewest loaded words), then the one the most sources agree with (a version whose number other
/// outlets dispute cites fewer), then one not leaning on a previous sentence, then the most
/// complete (most content terms).
fn representative(units: &[Unit], groups: &Groups, scores: &[Option<f32>], best: usize) -> usize {
    let same = groups.near[best].iter().filter(|&&(j, c)| c >= SAME_FACT && scores[j].is_some()).map(|&(j, _)| j);
    std::iter::once(best)
        .chain(same)
        .min_by_key(|&j| {
            let u = &units[j];
            let cited = groups.sources(units, j).len();
            (
                u.loaded,
                std::cmp::Reverse(cited),
                u.dependency.is_some(),
                u.role == Role::Quote,
                std::cmp::Reverse(u.content),
                j != best,
            )
        })
        .expect("best is a candidate")
}

/// Speakers match on their last name ("Ana Ruiz", "Ruiz").
fn heard_of(heard: &[String], speaker: &str) -> bool {
    let last = |s: &str| s.rsplit(' ').next().unwrap_or(s).to_lowercase();
    heard.iter().any(|h| last(h) == last(speaker))
}
