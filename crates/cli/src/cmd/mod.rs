//! One file per subcommand; `run` dispatches.

mod audit;
mod batch;
mod bench;
mod eval;
mod extract;
mod feed;
mod rouge;
mod roundup;
mod serve;
mod stories;
mod summarize;

use crate::flags::{BriefArgs, Cli, Command};
use crate::Failure;
use nutgraf_summarize::{Length, Method, Options};

/// Runs the parsed command.
pub fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Summarize(args) => summarize::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Rouge(args) => rouge::run(args),
        Command::Feed(args) => feed::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Audit(args) => audit::run(args),
        Command::Roundup(args) => roundup::run(args),
        Command::Stories(args) => stories::run(args),
    }
}

/// Parses a `--date` value (YYYY-MM-DD) into the reference date for relative dates.
pub fn reference_date(date: &Option<String>) -> Result<Option<nutgraf_analyze::extract::NaiveDate>, Failure> {
    match date {
        Some(d) => nutgraf_analyze::extract::parse_iso_date(d)
            .map(Some)
            .ok_or_else(|| Failure::usage(anyhow::anyhow!("--date {d:?} is not a date: use YYYY-MM-DD"))),
        None => Ok(None),
    }
}

/// Validates brief flags into library options (the "high" args).
/// The language `--lang` asks for (`auto` or a code; an unknown code is a usage error).
pub fn lang_choice(a: &BriefArgs) -> Result<nutgraf_summarize::LangChoice, Failure> {
    a.lang.parse().map_err(Failure::usage)
}

pub fn brief_options(a: &BriefArgs) -> Result<Options, Failure> {
    let method: Method = a.method.parse().map_err(Failure::usage)?;
    let length = match (a.sentences, a.words, a.ratio) {
        (Some(n), None, None) => Length::Sentences(n),
        (None, Some(n), None) => Length::Words(n),
        (None, None, Some(r)) => Length::Ratio(r),
        (None, None, None) => Length::Default,
        _ => return Err(Failure::usage(anyhow::anyhow!("give only one of --sentences, --words and --ratio"))),
    };
    let length = length.validate().map_err(Failure::usage)?;
    Ok(Options { method, length, keep_opinion: a.keep_opinion })
}
