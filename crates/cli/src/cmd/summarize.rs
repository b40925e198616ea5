//! `nutgraf summarize`: one article in, one brief out. Given several articles it makes the
//! roundup brief of `nutgraf roundup` (one cited brief of the story).

use std::io::Write;

use nutgraf_summarize::render::{render, Format, JsonBrief};
use nutgraf_summarize::Summarizer;

use anyhow::anyhow;

use crate::flags::{RoundupArgs, SummarizeArgs};
use crate::source::{self, SourcedBrief};
use crate::Failure;

/// Runs `nutgraf summarize`.
pub fn run(args: SummarizeArgs) -> Result<(), Failure> {
    if args.inputs.len() > 1 {
        return super::roundup::run(roundup_args(args)?);
    }
    let format: Format = args.format.parse().map_err(Failure::usage)?;
    let options = super::brief_options(&args.brief)?;
    let reference = super::reference_date(&args.date)?;
    let lang = super::lang_choice(&args.brief)?;
    let path = args.inputs.first().cloned().unwrap_or_else(|| "-".into());
    let input = source::load(&path, args.max_bytes, args.fetch.timeout)?;
    let summarizer =
        Summarizer::new(options).with_max_bytes(args.max_bytes).with_reference_date(reference).with_lang(lang);
    let (brief, page) = input.summarize(&summarizer).map_err(|e| {
        let shown = source::shown(&path);
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

/// The roundup arguments of a `summarize` call with several inputs; options that only make
/// sense for one article are usage errors.
fn roundup_args(args: SummarizeArgs) -> Result<RoundupArgs, Failure> {
    let single = [
        (args.brief.ratio.is_some(), "--ratio"),
        (!args.brief.method.eq_ignore_ascii_case("nutgraf"), "--method"),
        (args.date.is_some(), "--date"),
        (!args.brief.lang.eq_ignore_ascii_case("auto") && !args.brief.lang.eq_ignore_ascii_case("en"), "--lang"),
    ];
    if let Some((_, flag)) = single.iter().find(|(given, _)| *given) {
        return Err(Failure::usage(anyhow!(
            "{flag} applies to one article; with {} articles summarize makes a roundup (English; use --sentences or --words)",
            args.inputs.len()
        )));
    }
    if args.inputs.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(Failure::usage(anyhow!("standard input (-) can be given only once")));
    }
    Ok(RoundupArgs {
        inputs: args.inputs,
        input_file: None,
        sentences: args.brief.sentences,
        words: args.brief.words,
        format: args.format,
        keep_opinion: args.brief.keep_opinion,
        max_bytes: args.max_bytes,
        fetch: args.fetch,
    })
}
