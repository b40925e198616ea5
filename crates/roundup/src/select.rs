//! Scoring the pooled sentences and choosing one per fact under the budget.
//!
//! # Why this module exists
//!
//! A sentence earns its place in a roundup by what the *other* sources say. Selection is greedy
//! in the gain of the expected coverage F1 of [`crate::consensus`]: the weight of the content
//! terms the sentence adds (terms many sources, their titles and leads use weigh most; a term
//! already covered earns a fifth) against the terms it costs. Neutrality removes unattributed
//! opinion and charges each loaded word; a sentence that leans on the one before it is charged
//! too. Two rules hold: one sentence per fact (the most neutral and most complete phrasing of
//! it is shown), and balance: while a speaker not yet heard has a candidate statement, a second
//! statement of an already-heard speaker loses half its gain.
//!
//! Each unit's [`scores`] (cross-source support, the sum over other outlets of their closest
//! sentence's cosine, then centrality in the pooled story, the source's lead position and a bonus
//! for facts several outlets report outright) marks what may be selected and orders the brief.

use nutgraf_analyze::Role;

use crate::consensus::Objective;
use crate::group::{Groups, SAME_FACT};
use crate::pool::{cosine, Unit};
use crate::Length;

/// Gain charges (chosen on neus-train.jsonl, reported on neus-dev.jsonl): per loaded word when
/// neutral, and for a sentence leaning on the one before it.
const G_LOADED: f32 = 0.2;
const G_DEPENDENT: f32 = 0.1;

/// Order score weights (fixed; chosen on neus-train.jsonl when they also selected).
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

/// Chooses facts under `length` by greedy gain in the expected coverage F1 ([`Objective`]) of
/// `weights`; `lead_in_words(unit, sources)` is the number of words a lead-in adds to the shown
/// sentence.
pub(crate) fn select(
    units: &[Unit],
    groups: &Groups,
    scores: &[Option<f32>],
    weights: &[f32],
    neutral: bool,
    length: Length,
    lead_in_words: impl Fn(usize, &[usize]) -> usize,
) -> Vec<Pick> {
    let (max_sentences, max_words) = match length {
        Length::Sentences(n) => (n, usize::MAX),
        Length::Words(n) => (usize::MAX, n),
    };
    let mut open: Vec<usize> = (0..units.len()).filter(|&i| scores[i].is_some()).collect();
    // The brief's expected length in content terms: its sentences times their mean, or its words
    // times the content terms per word.
    let (terms, words_total) = open.iter().fold((0, 0), |(t, w), &i| (t + units[i].content, w + units[i].words));
    let expected = match length {
        Length::Sentences(n) => n as f32 * terms as f32 / open.len().max(1) as f32,
        Length::Words(n) => n as f32 * terms as f32 / words_total.max(1) as f32,
    };
    let mut objective = Objective::new(weights, expected);
    let mut picks: Vec<Pick> = Vec::new();
    let mut facts: Vec<usize> = Vec::new();
    let mut heard: Vec<String> = Vec::new();
    let mut words = 0;
    while picks.len() < max_sentences && !open.is_empty() {
        // Under a word budget, stop once no open sentence fits (one that left `open` never will).
        if max_words != usize::MAX && open.iter().all(|&i| words + units[i].words > max_words) {
            break;
        }
        let pending_new = open.iter().any(|&i| units[i].speaker.as_ref().is_some_and(|s| !heard_of(&heard, s)));
        let gain = |i: usize| -> f32 {
            let u = &units[i];
            let mut g = objective.delta(u);
            if neutral {
                g -= G_LOADED * u.loaded as f32;
            }
            if u.dependency.is_some() {
                g -= G_DEPENDENT;
            }
            match &u.speaker {
                Some(sp) if pending_new && heard_of(&heard, sp) => g - 0.5 * g.abs(),
                _ => g,
            }
        };
        let (k, &best) = open
            .iter()
            .enumerate()
            .map(|(k, i)| (k, i, gain(*i)))
            .max_by(|a, b| a.2.total_cmp(&b.2).then(b.1.cmp(a.1)))
            .map(|(k, i, _)| (k, i))
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
        objective.add(&units[shown]);
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
