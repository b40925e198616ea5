/*!
Evaluation and benchmarking of nutgraf against reference summaries.

# Brief overview

nutgraf's claims ("as good as Lead on news, better than the graph baselines, fast") need
numbers that anyone can reproduce with one command. This crate computes them; the `nutgraf
eval`, `nutgraf bench` and `nutgraf rouge` subcommands only parse flags and print what it
returns.

* [`jsonl`] reads the evaluation data (one JSON object per line with `id`, `dataset`,
  `article` and `reference`). A line that is not a JSON object is skipped and reported with its
  line number; a row without a required field stops the run with an error naming the line and
  the field.
* [`eval`](mod@eval) summarizes every selected article with every method, in parallel,
  scores each summary against its reference with [`nutgraf_rouge`], and aggregates mean
  ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 per (dataset, method) with bootstrap confidence intervals
  and a paired bootstrap p-value against Lead ([`stats`]).
* [`bench`](mod@bench) measures throughput on one thread and on all cores, per-article
  latency percentiles and the process's peak resident memory ([`machine`] reads the CPU model,
  memory and date from `/proc`).
* [`report`] renders either report as aligned text tables or JSON.
* [`stories`] scores story grouping (B-cubed, adjusted Rand index) on NeuS rows as gold stories.

# Example

```
use nutgraf_eval::{evaluate, read_jsonl, Budget, EvalOptions, Selection};
use nutgraf_summarize::Method;

let data = r#"{"id": "a1", "dataset": "cnndm", "article": "The Riverside council approved a new budget on Tuesday. The plan keeps every library open. Officials said taxes would not rise. The vote was five to two.", "reference": "Riverside council approved a budget. Libraries stay open."}
not json at all
"#;
let corpus = read_jsonl(data.as_bytes()).unwrap();
assert_eq!(corpus.articles.len(), 1);
assert_eq!(corpus.malformed[0].line, 2);

let options = EvalOptions {
    methods: vec![Method::Lead, Method::Nutgraf],
    budget: Budget::Sentences(2),
    ..EvalOptions::default()
};
let evaluation = evaluate(&corpus, Selection::All, &options).unwrap();
assert_eq!(evaluation.per_article.len(), 2);
let lead = &evaluation.report.groups[0];
assert_eq!(lead.method, Method::Lead);
assert!(lead.rouge1.mean > 30.0 && lead.rouge1.low <= lead.rouge1.mean);
assert_eq!(evaluation.report.skipped_lines, 1);
```
*/

#![deny(missing_docs)]

mod aggregate;
pub mod bench;
mod dataset;
mod error;
pub mod eval;
pub mod jsonl;
pub mod machine;
pub mod report;
pub mod stats;
pub mod stories;

pub use aggregate::{ErrorSample, EvalReport, GroupReport, Metric};
pub use bench::{bench, BenchOptions, BenchReport, MethodBench};
pub use dataset::{Dataset, Selection};
pub use error::Error;
pub use eval::{evaluate, Budget, EvalOptions, Evaluation, Scored};
pub use jsonl::{read_jsonl, read_path, Article, Corpus, Malformed};

use nutgraf_summarize::Method;

/// Parses a comma-separated list of method names ("nutgraf,lead"), keeping the given order and
/// dropping repeats.
pub fn parse_methods(list: &str) -> Result<Vec<Method>, Error> {
    let mut methods = Vec::new();
    for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let m: Method = name.parse().map_err(|e: nutgraf_summarize::Error| Error::InvalidOption(e.to_string()))?;
        if !methods.contains(&m) {
            methods.push(m);
        }
    }
    if methods.is_empty() {
        return Err(Error::InvalidOption("no method given: use some of nutgraf, lead, textrank, lexrank".into()));
    }
    Ok(methods)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_parse_in_order_without_repeats() {
        let cases = vec![
            ("nutgraf,lead", Some(vec![Method::Nutgraf, Method::Lead])),
            (" lexrank , textrank,lexrank", Some(vec![Method::LexRank, Method::TextRank])),
            ("lead,bogus", None),
            (",", None),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_methods(input).ok(), expected, "{input:?}");
        }
        assert!(parse_methods("bogus").unwrap_err().to_string().contains("unknown method \"bogus\""));
    }
}
