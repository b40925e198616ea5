//! Selection under the length budget.
//!
//! Candidates are taken best first. For the nutgraf method the neutrality filters remove opinion
//! and boilerplate first, and maximal marginal relevance (MMR) discounts a candidate by its
//! similarity to sentences already chosen; a near-duplicate is left out as redundant. A
//! candidate that leans on its predecessor (an opening pronoun or connective, or a quote whose
//! speaker is named just before) brings that predecessor along when it is eligible and fits, and
//! is passed over otherwise. The baselines take the plain top-scored sentences.

use nutgraf_analyze::Analysis;

use crate::brief::Reason;
use crate::features::{dot, Features};
use crate::method::Weights;
use crate::Length;

/// The budget in force.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Budget {
    Count(usize),
    /// Word budget; `strict` forbids the one-sentence minimum from exceeding it.
    Words {
        max: usize,
        strict: bool,
    },
}

/// What selection decided: chosen `(index, brought_for)` in source order, and a reason for
/// every sentence left out.
#[derive(Debug, Default)]
pub struct Selection {
    /// Chosen sentences in source order, with the index of the sentence each was brought for.
    pub chosen: Vec<(usize, Option<usize>)>,
    /// One entry per sentence: `None` when chosen.
    pub reasons: Vec<Option<Reason>>,
}

/// Chooses sentences. `neutral` turns on the nutgraf filters, MMR and dependency handling.
pub fn select(
    scores: &[f64],
    f: &Features,
    analysis: &Analysis,
    length: Length,
    neutral: bool,
    keep_opinion: bool,
    w: &Weights,
) -> Selection {
    let n = scores.len();
    let total: usize = f.words.iter().sum();
    let budget = match length {
        Length::Sentences(k) => Budget::Count(k),
        Length::Words(max) => Budget::Words { max, strict: true },
        Length::Ratio(r) => Budget::Words { max: (r * total as f64).ceil() as usize, strict: false },
        Length::Default => Budget::Words { max: (0.25 * total as f64).ceil() as usize, strict: false },
    };
    let mut reasons: Vec<Option<Reason>> = vec![Some(Reason::Budget); n];
    let mut pool: Vec<bool> = vec![true; n];
    if neutral {
        for (i, s) in analysis.sentences.iter().enumerate() {
            if s.boilerplate.is_some() {
                reasons[i] = Some(Reason::Boilerplate);
                pool[i] = false;
            } else if s.opinion && !keep_opinion {
                reasons[i] = Some(Reason::Opinion);
                pool[i] = false;
            }
        }
    }
    let eligible = pool.clone();
    let unit: &[Vec<(u32, f32)>] = if neutral { f.unit_tfidf() } else { &[] };
    let mut chosen: Vec<(usize, Option<usize>)> = Vec::new();
    let mut used_words = 0usize;
    let mut max_sim = vec![0f32; n];
    loop {
        let best = (0..n).filter(|&i| pool[i]).max_by(|&a, &b| {
            let key = |i: usize| scores[i] - w.redundancy * max_sim[i] as f64;
            key(a).total_cmp(&key(b)).then(b.cmp(&a))
        });
        let Some(i) = best else { break };
        pool[i] = false;
        if neutral && max_sim[i] as f64 > w.duplicate {
            reasons[i] = Some(Reason::Redundant);
            continue;
        }
        let mut units = vec![i];
        if neutral {
            let mut k = i;
            while units.len() < 3
                && k > 0
                && analysis.sentences[k].dependency.is_some()
                && !chosen.iter().any(|c| c.0 == k - 1)
            {
                units.insert(0, k - 1);
                k -= 1;
            }
            if units[..units.len() - 1].iter().any(|&u| !eligible[u]) {
                reasons[i] = Some(Reason::Dependent);
                continue;
            }
        }
        let words: usize = units.iter().map(|&u| f.words[u]).sum();
        let fits = match budget {
            Budget::Count(k) => chosen.len() + units.len() <= k,
            Budget::Words { max, .. } => used_words + words <= max,
        };
        if !fits {
            if units.len() > 1 {
                reasons[i] = Some(Reason::Dependent);
            }
            if matches!(budget, Budget::Count(k) if chosen.len() >= k) {
                break;
            }
            continue;
        }
        for &u in &units {
            pool[u] = false;
            reasons[u] = None;
            chosen.push((u, if u == i { None } else { Some(i) }));
            if neutral {
                for j in 0..n {
                    if pool[j] {
                        max_sim[j] = max_sim[j].max(dot(&unit[u], &unit[j]));
                    }
                }
            }
        }
        used_words += words;
    }
    let strict = matches!(budget, Budget::Words { strict: true, .. });
    if chosen.is_empty() && !strict {
        if let Some(i) =
            (0..n).filter(|&i| eligible[i]).max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
        {
            reasons[i] = None;
            chosen.push((i, None));
        }
    }
    chosen.sort_unstable();
    Selection { chosen, reasons }
}
