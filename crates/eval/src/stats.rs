/*!
Bootstrap statistics: confidence intervals of a mean and a paired significance test.

A dev split of ~150 articles per dataset gives ROUGE means that move by a point or more with
the sample, so every mean nutgraf reports carries a percentile bootstrap interval, and every
comparison with Lead a paired bootstrap p-value (Koehn, 2004; Dror et al., 2018): resample
articles with replacement, recompute the mean difference, and count how often it is not
positive.

The random numbers come from SplitMix64 (Steele, Lea and Flood, 2014), written out here rather
than taken from a crate: it is ten lines, statistically fine for resampling, and its output for
a seed never changes between crate versions, so reported intervals stay reproducible.
*/

use serde::{Deserialize, Serialize};

/// The SplitMix64 generator.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator started at `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform index in `0..n` (`n > 0`), by Lemire's multiply-shift (bias below 2^-50 for
    /// any sample size seen here).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

/// A mean with a confidence interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// The sample mean.
    pub mean: f64,
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// The arithmetic mean; 0 for an empty sample.
pub fn mean(xs: &[f64]) -> f64 {
    if xs.is_empty() {
        0.0
    } else {
        xs.iter().sum::<f64>() / xs.len() as f64
    }
}

/// The `q` quantile (`0 <= q <= 1`) of sorted values, interpolated linearly between ranks as
/// numpy's default `percentile` does.
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    match sorted.len() {
        0 => 0.0,
        n => {
            let pos = q.clamp(0.0, 1.0) * (n - 1) as f64;
            let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
            sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
        }
    }
}

/// The means of `resamples` bootstrap resamples of `n` items, each mean computed by `f` over the
/// drawn indices.
fn resample_means(n: usize, resamples: usize, seed: u64, f: impl Fn(usize) -> f64) -> Vec<f64> {
    let mut rng = SplitMix64::new(seed);
    (0..resamples).map(|_| (0..n).map(|_| f(rng.below(n))).sum::<f64>() / n as f64).collect()
}

/// The mean of `xs` with its percentile bootstrap interval at `confidence` (0.95 for 95%),
/// from `resamples` resamples drawn with `seed`. An empty sample gives all zeros.
pub fn bootstrap_ci(xs: &[f64], resamples: usize, confidence: f64, seed: u64) -> Interval {
    let m = mean(xs);
    if xs.is_empty() || resamples == 0 {
        return Interval { mean: m, low: m, high: m };
    }
    let mut means = resample_means(xs.len(), resamples, seed, |i| xs[i]);
    means.sort_by(f64::total_cmp);
    let tail = (1.0 - confidence) / 2.0;
    Interval { mean: m, low: quantile(&means, tail), high: quantile(&means, 1.0 - tail) }
}

/// One-sided paired bootstrap p-value of "`a` has a higher mean than `b`": the share of
/// resamples of the paired items whose mean of `a - b` is `<= 0`. Small values mean `a` is
/// reliably better; identical samples give 1.
///
/// # Panics
/// When `a` and `b` differ in length: they must be paired item by item.
pub fn paired_p_value(a: &[f64], b: &[f64], resamples: usize, seed: u64) -> f64 {
    assert_eq!(a.len(), b.len(), "paired samples must have the same length");
    if a.is_empty() || resamples == 0 {
        return 1.0;
    }
    let diffs: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    let means = resample_means(diffs.len(), resamples, seed, |i| diffs[i]);
    means.iter().filter(|&&d| d <= 0.0).count() as f64 / resamples as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_matches_the_reference_sequence() {
        // The first outputs for seed 1234567 of the reference C implementation
        // (prng.di.unimi.it/splitmix64.c).
        let mut rng = SplitMix64::new(1234567);
        let first: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        assert_eq!(first, [6457827717110365317, 3203168211198807973, 9817491932198370423]);
        let mut rng = SplitMix64::new(7);
        assert!((0..10_000).map(|_| rng.below(10)).all(|i| i < 10));
    }

    #[test]
    fn quantiles_interpolate_like_numpy() {
        let xs = [1.0, 2.0, 3.0, 4.0];
        let cases = vec![(0.0, 1.0), (1.0, 4.0), (0.5, 2.5), (0.25, 1.75), (0.975, 3.925)];
        for (q, expected) in cases {
            assert!((quantile(&xs, q) - expected).abs() < 1e-12, "q={q}");
        }
    }

    #[test]
    fn bootstrap_ci_covers_the_mean_with_the_expected_width() {
        // 0..100: mean 49.5, standard deviation 28.87, so the standard error of the mean is
        // 2.887 and a 95% interval spans about +-1.96 * 2.887 = +-5.66.
        let xs: Vec<f64> = (0..100).map(f64::from).collect();
        let ci = bootstrap_ci(&xs, 1000, 0.95, 42);
        assert_eq!(ci.mean, 49.5);
        assert!(ci.low < 49.5 && 49.5 < ci.high, "{ci:?}");
        let half = (ci.high - ci.low) / 2.0;
        assert!((4.8..6.5).contains(&half), "half width {half}");
        assert!((ci.mean - (ci.low + ci.high) / 2.0).abs() < 1.0, "{ci:?}");
        // Fixed seed, fixed answer; another seed moves the bounds only a little.
        assert_eq!(bootstrap_ci(&xs, 1000, 0.95, 42), ci);
        let other = bootstrap_ci(&xs, 1000, 0.95, 43);
        assert!(other != ci && (other.low - ci.low).abs() < 1.0);
        // A constant sample has a zero-width interval.
        let flat = bootstrap_ci(&[0.25; 30], 1000, 0.95, 1);
        assert_eq!((flat.low, flat.high), (0.25, 0.25));
        assert_eq!(bootstrap_ci(&[], 1000, 0.95, 1), Interval { mean: 0.0, low: 0.0, high: 0.0 });
    }

    #[test]
    fn paired_p_values() {
        let a: Vec<f64> = (0..50).map(|i| f64::from(i % 7) / 7.0).collect();
        // Identical samples: every resampled difference is exactly 0, so p = 1.
        assert_eq!(paired_p_value(&a, &a, 1000, 9), 1.0);
        // Clearly better on every item: p = 0; clearly worse: p = 1.
        let better: Vec<f64> = a.iter().map(|x| x + 0.1).collect();
        assert_eq!(paired_p_value(&better, &a, 1000, 9), 0.0);
        assert_eq!(paired_p_value(&a, &better, 1000, 9), 1.0);
        // Better on average but noisy: in between, and below 0.05 for a clear gap.
        let noisy: Vec<f64> = a.iter().enumerate().map(|(i, x)| x + if i % 3 == 0 { -0.05 } else { 0.1 }).collect();
        let p = paired_p_value(&noisy, &a, 1000, 9);
        assert!(p < 0.05, "p = {p}");
        let coin: Vec<f64> = a.iter().enumerate().map(|(i, x)| x + if i % 2 == 0 { -0.1 } else { 0.1 }).collect();
        let p = paired_p_value(&coin, &a, 1000, 9);
        assert!((0.2..0.8).contains(&p), "p = {p}");
    }
}
