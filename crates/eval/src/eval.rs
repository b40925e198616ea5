/*!
ROUGE evaluation: summarize every article with every method, score, aggregate.

Each (article, method) pair is summarized and scored independently, so the work is spread over
articles with rayon; results come back in file order, which keeps the per-article output and
the bootstrap (which pairs methods article by article) deterministic whatever the thread count.

Two choices follow the eval data README so figures compare with its baselines:

* The summary is [`Brief::lines`](nutgraf_summarize::Brief::lines): one chosen sentence per
  line, which is what ROUGE-Lsum splits on.
* The references of news-dev.jsonl are single lines of several sentences. The README's
  baselines split them into sentences (Punkt) before scoring, so by default the reference is
  split with nutgraf's own segmenter and joined with newlines. ROUGE-1 and ROUGE-2 do not
  change; ROUGE-Lsum does. [`EvalOptions::split_reference`] turns this off.

A summarizer error on an article (nothing eligible, nothing fits a word budget) counts as an
empty summary, which scores 0, and is reported with the article's id: dropping the article
instead would flatter the method.
*/

use nutgraf_rouge::{score_tokenized, Tokenized};
use nutgraf_summarize::{Length, Method, Options, Summarizer};
use nutgraf_text::Document;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::aggregate::{aggregate, EvalReport, FIRST};
use crate::dataset::{Dataset, Selection};
use crate::jsonl::{Article, Corpus};
use crate::Error;

/// The default bootstrap seed: "nutgraf" in ASCII.
pub const DEFAULT_SEED: u64 = 0x006E_7574_6772_6166;

/// The summary length used for each article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Budget {
    /// The dataset's convention: 3 sentences for CNN/DM, 1 for XSum.
    #[default]
    PerDataset,
    /// This many sentences for every dataset.
    Sentences(usize),
    /// At most this many words for every dataset.
    Words(usize),
}

impl Budget {
    /// The summarizer length for an article of `dataset`.
    pub fn length(self, dataset: Dataset) -> Length {
        match self {
            Budget::PerDataset => Length::Sentences(dataset.default_sentences()),
            Budget::Sentences(n) => Length::Sentences(n),
            Budget::Words(n) => Length::Words(n),
        }
    }

    /// Checks the budget's value.
    pub fn validate(self) -> Result<Budget, Error> {
        for d in Dataset::ALL {
            self.length(d).validate().map_err(|e| Error::InvalidOption(e.to_string()))?;
        }
        Ok(self)
    }
}

/// What to evaluate and how.
#[derive(Clone, Debug, PartialEq)]
pub struct EvalOptions {
    /// Methods, in report order.
    pub methods: Vec<Method>,
    /// Summary length.
    pub budget: Budget,
    /// Split references into one sentence per line before scoring (see the module docs).
    pub split_reference: bool,
    /// Keep unattributed opinion (the nutgraf method's neutrality filters off).
    pub keep_opinion: bool,
    /// Bootstrap resamples.
    pub resamples: usize,
    /// Confidence level of the intervals.
    pub confidence: f64,
    /// Seed of the bootstrap generator.
    pub seed: u64,
}

impl Default for EvalOptions {
    fn default() -> EvalOptions {
        EvalOptions {
            methods: Method::ALL.to_vec(),
            budget: Budget::PerDataset,
            split_reference: true,
            keep_opinion: false,
            resamples: 1000,
            confidence: 0.95,
            seed: DEFAULT_SEED,
        }
    }
}

/// One summary and its ROUGE F1 scores (in `[0, 1]`): a line of `--out`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scored {
    /// The article's id.
    pub id: String,
    /// Its dataset.
    pub dataset: Dataset,
    /// The method.
    pub method: Method,
    /// The summary, one sentence per line; empty on error.
    pub summary: String,
    /// Words in the summary.
    pub words: usize,
    /// ROUGE-1 F1.
    pub rouge1: f64,
    /// ROUGE-2 F1.
    pub rouge2: f64,
    /// ROUGE-Lsum F1.
    #[serde(rename = "rougeLsum")]
    pub rouge_lsum: f64,
    /// The summarizer's error, if it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The per-article scores and the aggregate report.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// One entry per (article, method), articles in file order, methods in the order asked.
    pub per_article: Vec<Scored>,
    /// The aggregate.
    pub report: EvalReport,
}

/// Evaluates the selected articles of `corpus`.
pub fn evaluate(corpus: &Corpus, selection: Selection, options: &EvalOptions) -> Result<Evaluation, Error> {
    if options.methods.is_empty() {
        return Err(Error::InvalidOption("no method to evaluate".into()));
    }
    let budget = options.budget.validate()?;
    let articles = corpus.select_some(selection)?;
    let keep_opinion = options.keep_opinion;
    let per_article: Vec<Scored> = articles
        .par_iter()
        .flat_map_iter(|a| {
            let reference = Tokenized::new(&reference_lines(&a.reference, options.split_reference));
            let length = budget.length(a.dataset);
            options.methods.iter().map(move |&method| {
                let summarizer = Summarizer::new(Options { method, length, keep_opinion });
                score_one(a, &reference, &summarizer)
            })
        })
        .collect();
    let mut report = aggregate(&per_article, budget, options);
    report.selection = selection.to_string();
    report.articles = articles.len();
    report.skipped_lines = corpus.malformed.len();
    report.first_skipped = corpus.malformed.iter().take(FIRST).cloned().collect();
    Ok(Evaluation { per_article, report })
}

/// The reference as scored: one sentence per line when `split` is on.
fn reference_lines(reference: &str, split: bool) -> String {
    let doc = Document::new(reference);
    if !split || doc.sentences.is_empty() {
        return reference.to_string();
    }
    let lines: Vec<&str> = (0..doc.sentences.len()).map(|i| doc.sentence_text(i)).collect();
    lines.join("\n")
}

/// Summarizes one article and scores the summary.
fn score_one(a: &Article, reference: &Tokenized, summarizer: &Summarizer) -> Scored {
    let (summary, words, error) = match summarizer.summarize(&a.article) {
        Ok(brief) => (brief.lines(), brief.words_out(), None),
        Err(e) => (String::new(), 0, Some(e.to_string())),
    };
    let s = score_tokenized(reference, &Tokenized::new(&summary));
    Scored {
        id: a.id.clone(),
        dataset: a.dataset,
        method: summarizer.options().method,
        summary,
        words,
        rouge1: s.rouge1.fmeasure,
        rouge2: s.rouge2.fmeasure,
        rouge_lsum: s.rouge_lsum.fmeasure,
        error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jsonl::Malformed;

    const TEXT: &str = "The Riverside council approved a new budget on Tuesday. The plan keeps every library in the city open. \
                        Officials said property taxes would not rise this year. The vote was five to two after a long debate.";

    fn corpus() -> Corpus {
        let row = |id: &str, dataset, article: &str| Article {
            id: id.into(),
            dataset,
            article: article.into(),
            reference: "The council approved a budget. Every library stays open.".into(),
            line: 1,
        };
        let articles =
            vec![row("c1", Dataset::Cnndm, TEXT), row("x1", Dataset::Xsum, TEXT), row("x2", Dataset::Xsum, "   ")];
        Corpus { articles, malformed: vec![Malformed { line: 4, message: "invalid JSON".into() }] }
    }

    #[test]
    fn budgets_follow_the_dataset_convention() {
        let cases = vec![
            (Budget::PerDataset, Dataset::Cnndm, Length::Sentences(3)),
            (Budget::PerDataset, Dataset::Xsum, Length::Sentences(1)),
            (Budget::Sentences(2), Dataset::Xsum, Length::Sentences(2)),
            (Budget::Words(40), Dataset::Cnndm, Length::Words(40)),
        ];
        for (budget, dataset, expected) in cases {
            assert_eq!(budget.length(dataset), expected);
        }
        assert!(Budget::Words(0).validate().is_err());
    }

    #[test]
    fn references_are_split_into_lines() {
        assert_eq!(reference_lines("One here. Two there.", true), "One here.\nTwo there.");
        assert_eq!(reference_lines("One here. Two there.", false), "One here. Two there.");
        assert_eq!(reference_lines("", true), "");
    }

    #[test]
    fn evaluates_every_article_with_every_method_in_order() {
        let options = EvalOptions { methods: vec![Method::Nutgraf, Method::Lead], ..EvalOptions::default() };
        let ev = evaluate(&corpus(), Selection::All, &options).unwrap();
        let order: Vec<(&str, Method)> = ev.per_article.iter().map(|s| (s.id.as_str(), s.method)).collect();
        let expected = [
            ("c1", Method::Nutgraf),
            ("c1", Method::Lead),
            ("x1", Method::Nutgraf),
            ("x1", Method::Lead),
            ("x2", Method::Nutgraf),
            ("x2", Method::Lead),
        ];
        assert_eq!(order, expected);
        // Lead on XSum: the first sentence only.
        assert_eq!(ev.per_article[3].summary, "The Riverside council approved a new budget on Tuesday.");
        assert_eq!(ev.per_article[1].summary.lines().count(), 3);
        // The blank article fails and scores 0 as an empty summary.
        let failed = &ev.per_article[5];
        assert!(failed.error.is_some() && failed.summary.is_empty() && failed.rouge1 == 0.0);
        let r = &ev.report;
        assert_eq!((r.articles, r.errors, r.skipped_lines, r.selection.as_str()), (3, 2, 1, "all"));
        assert_eq!((r.first_errors[0].id.as_str(), r.first_errors[0].method), ("x2", Method::Nutgraf));
        let groups: Vec<(Dataset, Method, usize, usize)> =
            r.groups.iter().map(|g| (g.dataset, g.method, g.articles, g.errors)).collect();
        assert_eq!(
            groups,
            [
                (Dataset::Cnndm, Method::Nutgraf, 1, 0),
                (Dataset::Cnndm, Method::Lead, 1, 0),
                (Dataset::Xsum, Method::Nutgraf, 2, 1),
                (Dataset::Xsum, Method::Lead, 2, 1)
            ]
        );
        let lead = &r.groups[3];
        assert_eq!(lead.rouge1.p_vs_lead, None);
        assert!(r.groups[2].rouge1.p_vs_lead.is_some());
        let x1 = ev.per_article[3].rouge1 * 100.0;
        assert!((lead.rouge1.mean - x1 / 2.0).abs() < 1e-9);
        assert!(lead.rouge1.low <= lead.rouge1.mean && lead.rouge1.mean <= lead.rouge1.high);
        // A fixed seed gives the same report every time.
        assert_eq!(evaluate(&corpus(), Selection::All, &options).unwrap(), ev);
    }

    #[test]
    fn no_lead_means_no_p_values_and_an_empty_selection_is_an_error() {
        let options = EvalOptions { methods: vec![Method::TextRank], ..EvalOptions::default() };
        let ev = evaluate(&corpus(), Selection::Only(Dataset::Cnndm), &options).unwrap();
        assert_eq!(ev.report.groups.len(), 1);
        assert_eq!(ev.report.groups[0].rouge2.p_vs_lead, None);
        let only_xsum = Corpus { articles: corpus().articles.split_off(1), malformed: vec![] };
        let err = evaluate(&only_xsum, Selection::Only(Dataset::Cnndm), &options).unwrap_err();
        assert_eq!(err.to_string(), "no articles selected: none of the 2 usable rows is in dataset cnndm");
    }
}
