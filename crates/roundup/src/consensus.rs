//! How likely a neutral roundup is to use each content term, and the coverage objective built on it.
//!
//! # Why this module exists
//!
//! Editors who write one neutral account from several outlets keep what the outlets agree on:
//! a term that every source uses, that their headlines use, or that opens their leads is far more
//! likely to be in the roundup than a term one outlet alone uses further down. On NeuS train
//! (three outlets' leads per story, the editors' roundup as reference) the share of a story's
//! content terms that the reference uses grows from 12% (one source, outside its lead, in no
//! title) to 97% (every source, every title, every lead). [`weights`] turns the three shares
//! (sources, titles, leads) into that probability with a logistic model fitted there.
//!
//! Selection then maximizes an *expected coverage F1*: the weight of the distinct terms the
//! chosen sentences cover, over their term count plus the expected length of the roundup
//! ([`Objective::value`]). Covering a term again earns only a fifth of its weight (redundancy),
//! and a long sentence pays for every term it adds, so the objective balances content against
//! length as ROUGE F1 does, without knowing the reference.

use crate::pool::Unit;

/// Logistic model of "the roundup uses this term": intercept, then the weights of the share of
/// sources using it, the share of titles using it, the share of leads using it, and the product of
/// the first two (the two signals overlap). Fitted by logistic regression over every content
/// term of neus-train.jsonl's 2,452 stories (`examples/neus_terms.rs`), rounded.
const MODEL: [f32; 5] = [-3.04, 3.30, 3.42, 1.00, -1.48];

/// Per term id: the probability that a neutral roundup uses it.
///
/// `title_terms[s]` holds source `s`'s title terms (sorted); only eligible sentences (not
/// boilerplate) count as using a term, and a source's lead is its first eligible sentence.
pub(crate) fn weights(units: &[Unit], title_terms: &[Vec<u32>], sources: usize) -> Vec<f32> {
    let terms = units.iter().flat_map(|u| u.terms.iter().map(|t| t.0 as usize)).max().map_or(0, |m| m + 1);
    // Per term: bit sets would cap the sources; counts with a last-source marker do not.
    let mut used = vec![0u32; terms];
    let mut lead = vec![0u32; terms];
    let mut titled = vec![0u32; terms];
    let mut last = vec![usize::MAX; terms];
    for u in units.iter().filter(|u| !u.boilerplate) {
        for &(t, _) in &u.terms {
            let t = t as usize;
            if last[t] != u.source {
                last[t] = u.source;
                used[t] += 1;
            }
            // A source has one lead, and a unit's terms are distinct.
            lead[t] += u32::from(u.position == 0);
        }
    }
    for list in title_terms {
        for &t in list {
            if let Some(c) = titled.get_mut(t as usize) {
                *c += 1;
            }
        }
    }
    let n = sources.max(1) as f32;
    (0..terms)
        .map(|t| {
            let (s, h, l) = (used[t] as f32 / n, titled[t] as f32 / n, lead[t] as f32 / n);
            let z = MODEL[0] + MODEL[1] * s + MODEL[2] * h + MODEL[3] * l + MODEL[4] * s * h;
            1.0 / (1.0 + (-z).exp())
        })
        .collect()
}

/// The expected coverage F1 of a growing selection.
///
/// `value = 2 * gain / (size + expected)`, where `gain` sums the weight of every distinct content
/// term the selection uses (plus [`REPEAT`] of it for each further sentence that uses it again),
/// `size` counts the selection's content terms sentence by sentence and `expected` is the
/// expected length of the roundup in content terms.
pub(crate) struct Objective<'a> {
    weight: &'a [f32],
    covered: Vec<bool>,
    gain: f32,
    size: f32,
    expected: f32,
}

/// The share of a term's weight that a sentence earns when an earlier pick already uses the term:
/// a neutral roundup repeats some key terms (a name, the event) in its second sentence, so a
/// second mention is worth a little, never as much as a new term. Chosen on neus-train.jsonl
/// (0: R1 -0.18; 0.3: -0.03).
pub(crate) const REPEAT: f32 = 0.2;

impl<'a> Objective<'a> {
    /// An empty selection; `expected` is the roundup's expected length in content terms.
    pub fn new(weight: &'a [f32], expected: f32) -> Objective<'a> {
        Objective { weight, covered: vec![false; weight.len()], gain: 0.0, size: 0.0, expected: expected.max(1.0) }
    }

    /// The objective of the current selection.
    pub fn value(&self) -> f32 {
        2.0 * self.gain / (self.size + self.expected)
    }

    /// How much adding `unit` would change the objective.
    pub fn delta(&self, unit: &Unit) -> f32 {
        let gain = self.gain + unit.terms.iter().map(|&(t, _)| self.earned(t, self.covered[t as usize])).sum::<f32>();
        2.0 * gain / (self.size + unit.terms.len() as f32 + self.expected) - self.value()
    }

    /// Adds `unit` to the selection.
    pub fn add(&mut self, unit: &Unit) {
        for &(t, _) in &unit.terms {
            let again = std::mem::replace(&mut self.covered[t as usize], true);
            self.gain += self.earned(t, again);
        }
        self.size += unit.terms.len() as f32;
    }

    fn earned(&self, term: u32, again: bool) -> f32 {
        self.weight[term as usize] * if again { REPEAT } else { 1.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pool::Pool;

    fn pool() -> Pool {
        let a = "The council approved the library budget on Tuesday. Critics questioned the architect's fees.";
        let b = "On Tuesday the council approved a new library budget.";
        let c = "The library budget passed the council. A separate parking plan was delayed again.";
        Pool::with_titles(&[a, b, c], &[Some("Council approves library budget"), None, Some("Budget passes")])
    }

    fn terms(p: &Pool, unit: usize) -> Vec<u32> {
        p.units[unit].terms.iter().map(|t| t.0).collect()
    }

    #[test]
    fn shared_titled_lead_terms_weigh_most() {
        let p = pool();
        let w = weights(&p.units, &p.title_terms, 3);
        let weight = |t: u32| w[t as usize];
        // "budget": in every lead and two titles.
        let (a, b, c) = (terms(&p, 0), terms(&p, 2), terms(&p, 3));
        let budget: Vec<u32> =
            a.iter().copied().filter(|t| b.contains(t) && c.contains(t) && p.title_terms[2].contains(t)).collect();
        assert_eq!(budget.len(), 1);
        // "tuesday": two leads, no title.
        let tuesday: Vec<u32> =
            a.iter().copied().filter(|t| b.contains(t) && !c.contains(t) && !p.title_terms[0].contains(t)).collect();
        assert_eq!(tuesday.len(), 1);
        let (budget, tuesday) = (weight(budget[0]), weight(tuesday[0]));
        assert!(budget > 0.9, "{budget}");
        assert!(tuesday > 0.3 && tuesday < budget - 0.3, "{tuesday}");
        // One outlet's second sentence ("critics questioned the architect's fees") is unlikely.
        for t in terms(&p, 1).into_iter().chain(terms(&p, 4)) {
            assert!(weight(t) < 0.2, "{}", weight(t));
        }
    }

    #[test]
    fn objective_prefers_consensus_and_charges_repeats() {
        let p = pool();
        let w = weights(&p.units, &p.title_terms, 3);
        let mut o = Objective::new(&w, 10.0);
        // The leads beat the sentences only one outlet writes.
        assert!(o.delta(&p.units[0]) > o.delta(&p.units[1]));
        assert!(o.delta(&p.units[3]) > o.delta(&p.units[4]));
        let before = o.delta(&p.units[2]);
        o.add(&p.units[0]);
        assert!(o.value() > 0.0);
        // Once the first lead is in, another lead saying the same earns far less than before.
        assert!(o.delta(&p.units[2]) < 0.5 * before, "{} vs {before}", o.delta(&p.units[2]));
    }
}
