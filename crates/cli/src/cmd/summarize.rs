//! `nutgraf summarize`: one article in, one brief out.

use std::io::Write;

use nutgraf_summarize::render::{render, Format, JsonBrief};
use nutgraf_summarize::{LangChoice, Summarizer};

use crate::flags::SummarizeArgs;
use crate::source::{self, SourcedBrief};
use crate::Failure;

/// Runs `nutgraf summarize`.
pub fn run(args: SummarizeArgs) -> Result<(), Failure> {
    let format: Format = args.format.parse().map_err(Failure::usage)?;
    let options = super::brief_options(&args.brief)?;
    let reference = super::reference_date(&args.date)?;
    let lang: LangChoice = args.lang.parse().map_err(Failure::usage)?;
    let input = source::load(&args.input, args.max_bytes, args.fetch.timeout)?;
    let summarizer =
        Summarizer::new(options).with_max_bytes(args.max_bytes).with_reference_date(reference).with_lang(lang);
    let (brief, page) = input.summarize(&summarizer).map_err(|e| {
        let shown = source::shown(&args.input);
        let code = if e.is_input() { 1 } else { 2 };
        Failure { code, error: anyhow::Error::new(e).context(format!("cannot summarize {shown}")) }
    })?;
    if let Some(warning) = &brief.language.warning {
        eprintln!("nutgraf: warning: {warning}");
    }
    let out = match (format, page) {
        (Format::Json, Some(page)) => {
            let json = SourcedBrief { brief: JsonBrief::new(&brief), source: Some(page) };
            serde_json::to_string_pretty(&json).expect("a brief always serializes") + "\n"
        }
        _ => render(&brief, format),
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(())
}
