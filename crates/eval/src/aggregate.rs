/*!
Aggregation of per-article scores into the evaluation report.

Means are reported as F1 x100 with a percentile bootstrap interval, and every method but Lead
carries a one-sided paired bootstrap p-value against Lead on the same articles ([`crate::stats`]).
The pairing relies on the order of the per-article scores: article-major, every article scored
by every method, so filtering by (dataset, method) lines the samples up article by article.
*/

use nutgraf_summarize::{Length, Method};
use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::eval::{Budget, EvalOptions, Scored};
use crate::jsonl::Malformed;
use crate::stats::{bootstrap_ci, paired_p_value};

/// How many errors and skipped lines a report lists by name.
pub(crate) const FIRST: usize = 5;

/// A mean F1 (x100) with its bootstrap interval and the paired p-value against Lead.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// Mean F1 x100.
    pub mean: f64,
    /// Lower bound of the interval.
    pub low: f64,
    /// Upper bound of the interval.
    pub high: f64,
    /// Share of resamples in which this method's mean is not above Lead's; absent for Lead
    /// itself and when Lead was not evaluated.
    pub p_vs_lead: Option<f64>,
}

/// The scores of one method on one dataset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupReport {
    /// The dataset.
    pub dataset: Dataset,
    /// The method.
    pub method: Method,
    /// The length asked for.
    pub length: Length,
    /// Articles scored.
    pub articles: usize,
    /// Articles the summarizer failed on (scored as empty summaries).
    pub errors: usize,
    /// Mean words per summary.
    pub mean_words: f64,
    /// ROUGE-1 F1.
    pub rouge1: Metric,
    /// ROUGE-2 F1.
    pub rouge2: Metric,
    /// ROUGE-Lsum F1.
    #[serde(rename = "rougeLsum")]
    pub rouge_lsum: Metric,
}

/// A summarizer failure, by article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorSample {
    /// The article's id.
    pub id: String,
    /// The method.
    pub method: Method,
    /// The error message.
    pub message: String,
}

/// Everything an evaluation found, ready to render.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvalReport {
    /// Which datasets were evaluated.
    pub selection: String,
    /// Articles evaluated.
    pub articles: usize,
    /// Whether references were split into sentence lines.
    pub split_reference: bool,
    /// Bootstrap resamples.
    pub resamples: usize,
    /// Confidence level of the intervals.
    pub confidence: f64,
    /// Bootstrap seed.
    pub seed: u64,
    /// One entry per (dataset, method), datasets in order, methods in the order asked.
    pub groups: Vec<GroupReport>,
    /// Summarizer failures, all methods together.
    pub errors: usize,
    /// The first few failures.
    pub first_errors: Vec<ErrorSample>,
    /// Malformed data lines skipped.
    pub skipped_lines: usize,
    /// The first few skipped lines.
    pub first_skipped: Vec<Malformed>,
}

/// Means, intervals and p-values per (dataset, method). `per_article` is article-major, so each
/// group's scores come out in article order and pair up across methods.
pub(crate) fn aggregate(per_article: &[Scored], budget: Budget, options: &EvalOptions) -> EvalReport {
    let EvalOptions { resamples, confidence, seed, .. } = *options;
    let has_lead = options.methods.contains(&Method::Lead);
    let mut groups = Vec::new();
    for dataset in Dataset::ALL {
        let rows = |method: Method| per_article.iter().filter(move |s| s.dataset == dataset && s.method == method);
        let column =
            |method: Method, f: fn(&Scored) -> f64| -> Vec<f64> { rows(method).map(|s| 100.0 * f(s)).collect() };
        for &method in &options.methods {
            let articles = rows(method).count();
            if articles == 0 {
                continue;
            }
            let metric = |f: fn(&Scored) -> f64| {
                let xs = column(method, f);
                let ci = bootstrap_ci(&xs, resamples, confidence, seed);
                let p_vs_lead = (has_lead && method != Method::Lead)
                    .then(|| paired_p_value(&xs, &column(Method::Lead, f), resamples, seed));
                Metric { mean: ci.mean, low: ci.low, high: ci.high, p_vs_lead }
            };
            groups.push(GroupReport {
                dataset,
                method,
                length: budget.length(dataset),
                articles,
                errors: rows(method).filter(|s| s.error.is_some()).count(),
                mean_words: rows(method).map(|s| s.words as f64).sum::<f64>() / articles as f64,
                rouge1: metric(|s| s.rouge1),
                rouge2: metric(|s| s.rouge2),
                rouge_lsum: metric(|s| s.rouge_lsum),
            });
        }
    }
    let failures = per_article.iter().filter(|s| s.error.is_some());
    EvalReport {
        selection: String::new(),
        articles: 0,
        split_reference: options.split_reference,
        resamples,
        confidence,
        seed,
        groups,
        errors: failures.clone().count(),
        first_errors: failures
            .take(FIRST)
            .map(|s| ErrorSample { id: s.id.clone(), method: s.method, message: s.error.clone().unwrap_or_default() })
            .collect(),
        skipped_lines: 0,
        first_skipped: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scored(id: &str, dataset: Dataset, method: Method, f1: f64, error: Option<&str>) -> Scored {
        Scored {
            id: id.into(),
            dataset,
            method,
            summary: String::new(),
            words: 10,
            rouge1: f1,
            rouge2: f1 / 2.0,
            rouge_lsum: f1,
            error: error.map(String::from),
        }
    }

    #[test]
    fn groups_pair_methods_article_by_article() {
        use Dataset::{Cnndm, Xsum};
        use Method::{Lead, Nutgraf};
        let rows = vec![
            scored("a", Cnndm, Nutgraf, 0.5, None),
            scored("a", Cnndm, Lead, 0.4, None),
            scored("b", Xsum, Nutgraf, 0.0, Some("nothing fits")),
            scored("b", Xsum, Lead, 0.2, None),
            scored("c", Cnndm, Nutgraf, 0.3, None),
            scored("c", Cnndm, Lead, 0.2, None),
        ];
        let options = EvalOptions { methods: vec![Nutgraf, Lead], ..EvalOptions::default() };
        let r = aggregate(&rows, Budget::PerDataset, &options);
        let got: Vec<(Dataset, Method, usize, usize)> =
            r.groups.iter().map(|g| (g.dataset, g.method, g.articles, g.errors)).collect();
        assert_eq!(got, [(Cnndm, Nutgraf, 2, 0), (Cnndm, Lead, 2, 0), (Xsum, Nutgraf, 1, 1), (Xsum, Lead, 1, 0)]);
        let nutgraf = &r.groups[0];
        assert!((nutgraf.rouge1.mean - 40.0).abs() < 1e-9 && (nutgraf.rouge2.mean - 20.0).abs() < 1e-9);
        assert_eq!((nutgraf.rouge1.low, nutgraf.rouge1.high), (30.0, 50.0));
        // Better than Lead on both of its articles: no resample favours Lead.
        assert_eq!(nutgraf.rouge1.p_vs_lead, Some(0.0));
        assert_eq!(r.groups[2].rouge1.p_vs_lead, Some(1.0));
        assert_eq!(r.groups[1].rouge1.p_vs_lead, None);
        assert_eq!(r.groups[3].length, Length::Sentences(1));
        assert_eq!(r.errors, 1);
        assert_eq!(r.first_errors[0].message, "nothing fits");
    }
}
