//! Command-line flags. Each flag's doc comment is its `--help` text.
//!
//! Parsing has two phases, as in ripgrep: clap fills these plain structs (the "low" args), and
//! each command validates them into library options (the "high" args) in `cmd/`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// nutgraf turns news articles into short, neutral, faithful briefs whose every sentence points
/// at its exact source span.
#[derive(Debug, Parser)]
#[command(name = "nutgraf", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Summarize one article into a neutral brief.
    Summarize(SummarizeArgs),
    /// Score every method against reference summaries: mean ROUGE with bootstrap intervals.
    Eval(EvalArgs),
    /// Measure throughput, latency and peak memory of every method on an eval file.
    Bench(BenchArgs),
    /// Score one candidate summary against one reference (ROUGE-1, -2, -L, -Lsum).
    Rouge(RougeArgs),
}

/// Length, method and neutrality options shared by every command that makes briefs.
#[derive(Debug, Clone, Args)]
pub struct BriefArgs {
    /// Number of sentences in the brief.
    #[arg(long, value_name = "N", conflicts_with_all = ["words", "ratio"])]
    pub sentences: Option<usize>,
    /// Word budget: never exceeded, and sentences are never cut.
    #[arg(long, value_name = "N", conflicts_with_all = ["sentences", "ratio"])]
    pub words: Option<usize>,
    /// Share of the article's words, in (0, 1]. Default: about a quarter, at least one sentence.
    #[arg(long, value_name = "R", conflicts_with_all = ["sentences", "words"])]
    pub ratio: Option<f64>,
    /// Scoring method: nutgraf (neutral, default), or the lead, textrank and lexrank baselines.
    #[arg(long, value_name = "METHOD", default_value = "nutgraf")]
    pub method: String,
    /// Keep unattributed opinion in the brief (boilerplate is always left out).
    #[arg(long)]
    pub keep_opinion: bool,
}

/// `nutgraf summarize`.
#[derive(Debug, Args)]
pub struct SummarizeArgs {
    /// The article: a UTF-8 text file, or - for standard input.
    #[arg(value_name = "FILE", default_value = "-")]
    pub input: PathBuf,
    /// Output format: text, markdown or json.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text")]
    pub format: String,
    /// Largest input accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = nutgraf_summarize::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Brief options.
    #[command(flatten)]
    pub brief: BriefArgs,
}

/// Data, dataset and method selection shared by `nutgraf eval` and `nutgraf bench`.
#[derive(Debug, Clone, Args)]
pub struct DataArgs {
    /// Evaluation data: JSONL with id, dataset (cnndm or xsum), article and reference per line.
    #[arg(long, value_name = "FILE")]
    pub data: PathBuf,
    /// Which rows to use: cnndm, xsum or all.
    #[arg(long, value_name = "DATASET", default_value = "all")]
    pub dataset: String,
    /// Comma-separated methods: nutgraf, lead, textrank, lexrank.
    #[arg(long, value_name = "LIST", default_value = "nutgraf,lead,textrank,lexrank")]
    pub methods: String,
    /// Sentences per summary. Default: the dataset's convention, 3 for cnndm and 1 for xsum.
    #[arg(long, value_name = "N", conflicts_with = "words")]
    pub sentences: Option<usize>,
    /// Word budget per summary instead of a sentence count.
    #[arg(long, value_name = "N")]
    pub words: Option<usize>,
    /// Keep unattributed opinion (the nutgraf method's neutrality filters off).
    #[arg(long)]
    pub keep_opinion: bool,
    /// Output format: text or json.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text")]
    pub format: String,
}

/// `nutgraf eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Data and methods.
    #[command(flatten)]
    pub data: DataArgs,
    /// Write one JSON line per (article, method) with the summary and its scores.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Score references as given instead of one sentence per line (changes ROUGE-Lsum only).
    #[arg(long)]
    pub no_split_reference: bool,
    /// Bootstrap resamples for the intervals and p-values.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub resamples: usize,
    /// Seed of the bootstrap.
    #[arg(long, value_name = "N", default_value_t = nutgraf_eval::eval::DEFAULT_SEED)]
    pub seed: u64,
}

/// `nutgraf bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Data and methods.
    #[command(flatten)]
    pub data: DataArgs,
    /// Minimum seconds per measurement (each method is measured on one thread and on all cores).
    #[arg(long, value_name = "S", default_value_t = 1.0)]
    pub seconds: f64,
}

/// `nutgraf rouge`.
#[derive(Debug, Args)]
pub struct RougeArgs {
    /// The reference summary: a UTF-8 text file, one sentence per line for ROUGE-Lsum.
    #[arg(long, value_name = "FILE")]
    pub reference: PathBuf,
    /// The candidate summary: a UTF-8 text file, one sentence per line.
    #[arg(long, value_name = "FILE")]
    pub candidate: PathBuf,
    /// Output format: text or json.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text")]
    pub format: String,
}

/// Parses the process arguments; exits with code 2 and a usage message on error.
pub fn parse() -> Cli {
    Cli::parse()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn flags_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn length_flags_conflict() {
        let r = Cli::try_parse_from(["nutgraf", "summarize", "a.txt", "--words", "3", "--sentences", "2"]);
        assert!(r.is_err());
        let ok = Cli::try_parse_from(["nutgraf", "summarize", "a.txt", "--ratio", "0.3"]).unwrap();
        let Command::Summarize(a) = ok.command else { panic!("not summarize") };
        assert_eq!(a.brief.ratio, Some(0.3));
    }

    #[test]
    fn eval_flags() {
        let r = Cli::try_parse_from(["nutgraf", "eval", "--data", "d.jsonl", "--words", "40", "--sentences", "2"]);
        assert!(r.is_err());
        let ok = Cli::try_parse_from(["nutgraf", "eval", "--data", "d.jsonl", "--sentences", "2"]).unwrap();
        let Command::Eval(a) = ok.command else { panic!("not eval") };
        assert_eq!((a.data.sentences, a.data.dataset.as_str(), a.resamples), (Some(2), "all", 1000));
        assert!(Cli::try_parse_from(["nutgraf", "bench"]).is_err());
        assert!(Cli::try_parse_from(["nutgraf", "rouge", "--reference", "r.txt"]).is_err());
    }
}
