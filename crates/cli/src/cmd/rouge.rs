//! `nutgraf rouge`: ROUGE of one candidate summary against one reference, as rouge-score 0.1.2
//! computes it with stemming on. Sentences for ROUGE-Lsum are the files' lines. `--lang` other
//! than `en` scores with Unicode-aware tokens and that language's Snowball stemmer
//! (`nutgraf_rouge::score_lang`).

use std::io::Write;
use std::path::Path;

use anyhow::anyhow;
use nutgraf_eval::report::{json, rouge_text};
use nutgraf_text::Lang;

use crate::flags::RougeArgs;
use crate::input::read_bytes;
use crate::Failure;

/// Reads a summary file as UTF-8 text.
fn read_text(path: &Path) -> Result<String, Failure> {
    let bytes = read_bytes(path, nutgraf_summarize::DEFAULT_MAX_BYTES)?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Failure::input(anyhow!("{} is not UTF-8 text (invalid byte at offset {at})", path.display()))
    })
}

/// Runs `nutgraf rouge`.
pub fn run(args: RougeArgs) -> Result<(), Failure> {
    let json_out = match args.format.as_str() {
        "text" => false,
        "json" => true,
        other => return Err(Failure::usage(anyhow!("unknown format {other:?}: use text or json"))),
    };
    let lang = Lang::from_code(&args.lang).ok_or_else(|| {
        Failure::usage(anyhow!("unknown language {:?} for --lang: use one of {}", args.lang, Lang::codes()))
    })?;
    let reference = read_text(&args.reference)?;
    let candidate = read_text(&args.candidate)?;
    let scores = nutgraf_rouge::score_lang(&reference, &candidate, lang);
    let out = if json_out { json(&scores) } else { rouge_text(&scores) };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(())
}
