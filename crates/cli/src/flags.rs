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
        let Command::Summarize(a) = ok.command;
        assert_eq!(a.brief.ratio, Some(0.3));
    }
}
