/*!
ROUGE-N: clipped n-gram overlap, as `_create_ngrams` and `_score_ngrams` in rouge-score 0.1.2.

# Why this module exists

The overlap counts every reference n-gram up to the number of times it occurs in the
candidate (`min` of the two counts). Precision divides by the candidate's n-gram count and
recall by the reference's, each floored at 1, so an empty side scores 0 rather than NaN.
*/

use crate::intern::FxHashMap;
use crate::Score;

/// ROUGE-N between interned `reference` and `candidate` token ids.
///
/// # Panics
///
/// Panics if `n` is 0 (rouge-score raises `ValueError` there).
pub(crate) fn rouge_n(reference: &[u32], candidate: &[u32], n: usize) -> Score {
    assert!(n > 0, "rouge-n requires a positive n");
    // Per n-gram: (count in reference, count in candidate).
    let mut counts: FxHashMap<&[u32], (u32, u32)> = FxHashMap::default();
    counts.reserve(reference.len());
    for gram in reference.windows(n) {
        counts.entry(gram).or_default().0 += 1;
    }
    for gram in candidate.windows(n) {
        if let Some(entry) = counts.get_mut(gram) {
            entry.1 += 1;
        }
    }
    let overlap: u32 = counts.values().map(|&(r, c)| r.min(c)).sum();
    let reference_count = (reference.len() + 1).saturating_sub(n);
    let candidate_count = (candidate.len() + 1).saturating_sub(n);
    let overlap = f64::from(overlap);
    Score::from_precision_recall(overlap / candidate_count.max(1) as f64, overlap / reference_count.max(1) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_pr(score: Score, precision: f64, recall: f64) {
        assert!((score.precision - precision).abs() < 1e-12, "{score:?}");
        assert!((score.recall - recall).abs() < 1e-12, "{score:?}");
    }

    #[test]
    fn unigram_and_bigram_overlap_is_clipped() {
        let cases = vec![
            // (reference, candidate, n, precision, recall)
            (vec![1, 2, 3], vec![1, 2, 3], 1, 1.0, 1.0),
            (vec![1, 1, 1], vec![1], 1, 1.0, 1.0 / 3.0),
            (vec![1], vec![1, 1, 1], 1, 1.0 / 3.0, 1.0),
            (vec![1, 2, 3, 4], vec![1, 2, 4, 3], 2, 1.0 / 3.0, 1.0 / 3.0),
            (vec![1, 2, 1, 2], vec![1, 2], 2, 1.0, 1.0 / 3.0),
            (vec![7], vec![7], 2, 0.0, 0.0),
            (vec![], vec![1, 2], 1, 0.0, 0.0),
            (vec![], vec![], 1, 0.0, 0.0),
        ];
        for (reference, candidate, n, p, r) in cases {
            assert_pr(rouge_n(&reference, &candidate, n), p, r);
        }
    }

    #[test]
    fn fmeasure_is_harmonic_mean_or_zero() {
        let s = rouge_n(&[1, 2, 3, 4], &[1, 5], 1);
        assert!((s.fmeasure - 2.0 * 0.5 * 0.25 / 0.75).abs() < 1e-12);
        assert_eq!(rouge_n(&[1], &[2], 1).fmeasure, 0.0);
    }

    #[test]
    #[should_panic(expected = "positive n")]
    fn zero_n_panics() {
        rouge_n(&[1], &[1], 0);
    }
}
