//! `nutgraf audit`: checks a summary against its sources, sentence by sentence. Exit 0 when the
//! summary is supported at the threshold, 3 when it is not (so scripts can gate on it), 1 when an
//! input cannot be used, 2 for usage errors.

use std::io::Write;
use std::path::Path;

use anyhow::anyhow;
use nutgraf_audit::render::{render, Format};
use nutgraf_audit::{Auditor, Source};

use crate::flags::AuditArgs;
use crate::input::read_bytes;
use crate::Failure;

/// The exit code for "checked and not supported".
const NOT_SUPPORTED: u8 = 3;

/// Runs `nutgraf audit`.
pub fn run(args: AuditArgs) -> Result<(), Failure> {
    let format: Format = args.format.parse().map_err(|e: String| Failure::usage(anyhow!(e)))?;
    let auditor = Auditor::new().with_threshold(args.threshold).map_err(Failure::usage)?.with_max_bytes(args.max_bytes);
    let stdin_uses = args.sources.iter().chain([&args.summary]).filter(|p| p.as_os_str() == "-").count();
    if stdin_uses > 1 {
        return Err(Failure::usage(anyhow!(
            "standard input (-) can be read only once: give the other inputs as files"
        )));
    }
    let mut texts = Vec::with_capacity(args.sources.len());
    for path in &args.sources {
        texts.push(read_text(path, "source", args.max_bytes)?);
    }
    let summary = read_text(&args.summary, "summary", args.max_bytes)?;
    let ids: Vec<String> = args.sources.iter().map(|p| shown(p)).collect();
    let sources: Vec<Source<'_>> = ids.iter().zip(&texts).map(|(id, t)| Source::new(id, t)).collect();
    let audit = auditor.audit(&sources, &summary).map_err(|e| {
        let code = if e.is_input() { 1 } else { 2 };
        Failure { code, error: anyhow::Error::new(e).context("cannot audit the summary") }
    })?;
    let out = render(&audit, &summary, format);
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    if !audit.supported {
        crate::verdict_exit(NOT_SUPPORTED);
    }
    Ok(())
}

fn shown(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".to_string()
    } else {
        path.display().to_string()
    }
}

/// Reads one input as UTF-8 text, with an error that says which input and what to do.
fn read_text(path: &Path, what: &str, max_bytes: usize) -> Result<String, Failure> {
    let bytes = read_bytes(path, max_bytes)?;
    let name = shown(path);
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Failure::input(anyhow!(
            "the {what} {name} is UTF-16 text: convert it to UTF-8 first, for example with iconv -f UTF-16 -t UTF-8"
        )));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Failure::input(anyhow!(
            "the {what} {name} looks binary (NUL byte at offset {at}): give plain UTF-8 text"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Failure::input(anyhow!(
            "the {what} {name} is not UTF-8 (invalid byte at offset {at}): convert it first, for example with iconv -f LATIN1 -t UTF-8"
        ))
    })
}
