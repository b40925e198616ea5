//! `nutgraf summarize`: one article in, one brief out.

use std::io::Write;

use nutgraf_summarize::render::{render, Format};
use nutgraf_summarize::Summarizer;

use crate::flags::SummarizeArgs;
use crate::input::read_bytes;
use crate::Failure;

/// Runs `nutgraf summarize`.
pub fn run(args: SummarizeArgs) -> Result<(), Failure> {
    let format: Format = args.format.parse().map_err(Failure::usage)?;
    let options = super::brief_options(&args.brief)?;
    let bytes = read_bytes(&args.input, args.max_bytes)?;
    let summarizer = Summarizer::new(options).with_max_bytes(args.max_bytes);
    let brief = summarizer.summarize_bytes(&bytes).map_err(|e| {
        let shown =
            if args.input.as_os_str() == "-" { "standard input".to_string() } else { args.input.display().to_string() };
        let code = if e.is_input() { 1 } else { 2 };
        Failure { code, error: anyhow::Error::new(e).context(format!("cannot summarize {shown}")) }
    })?;
    let out = render(&brief, format);
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(())
}
