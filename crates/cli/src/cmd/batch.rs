//! `nutgraf batch`: many articles in, one JSON line per record out, in input order.
//!
//! Input is a JSONL file (or `-`) read by `nutgraf_ingest::batch`, or a directory of `.txt` and
//! `.html` files. Records are briefed in parallel (rayon) a chunk at a time, so memory stays
//! bounded and output order is input order. The contract: **every input record produces exactly
//! one output line**, `{"id", "line", "ok": true, "brief": {...}}` or `{"id", "line", "ok":
//! false, "error": "..."}`; bad records (malformed JSON, no content field, empty text, a page
//! that cannot be fetched) are data, not a reason to stop, and the exit code is 0.
//!
//! `--resume` appends to an existing `--out`, skipping records already there (by id, or by line
//! number for records without an id). A last line cut short by a crash is dropped first, so its
//! record is done again. A progress bar (done/total, rate, ETA) is drawn on standard error when
//! it is a terminal and `--quiet` is not given.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{BufReader, BufWriter, IsTerminal, Read, Seek, SeekFrom, Write};
use std::path::Path;

use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use nutgraf_ingest::batch::{self, Fields, Payload, Record};
use nutgraf_ingest::fetch::Fetcher;
use nutgraf_summarize::Summarizer;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::value::RawValue;

use crate::flags::BatchArgs;
use crate::source::{self, Source};
use crate::Failure;

/// Records briefed per parallel step.
const CHUNK: usize = 256;

/// One output line.
#[derive(Debug, Serialize)]
struct RecordLine<'a> {
    id: Option<&'a str>,
    line: usize,
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    brief: Option<Box<RawValue>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

type Records = Box<dyn Iterator<Item = Result<Record, nutgraf_ingest::Error>>>;

/// Runs `nutgraf batch`.
pub fn run(args: BatchArgs) -> Result<(), Failure> {
    let summarizer = Summarizer::new(super::brief_options(&args.brief)?)
        .with_max_bytes(args.max_bytes)
        .with_lang(super::lang_choice(&args.brief)?);
    let fetcher = source::fetcher(args.fetch.timeout)?;
    if args.jobs == Some(0) {
        return Err(Failure::usage(anyhow::anyhow!("--jobs must be at least 1")));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .map_err(|e| Failure::input(anyhow::anyhow!("cannot start worker threads: {e}")))?;
    if let Some(out) = &args.out {
        if same_file(&args.input, out) {
            return Err(Failure::usage(anyhow::anyhow!("--in and --out are the same file")));
        }
    }
    let fields = Fields {
        id: args.id_field.clone(),
        text: args.text_field.clone(),
        html: args.html_field.clone(),
        url: args.url_field.clone(),
    };
    let (records, total) = open_records(&args.input, fields)?;
    let (mut out, done) = open_output(args.out.as_deref(), args.resume)?;

    let bar = if args.quiet || !std::io::stderr().is_terminal() { ProgressBar::hidden() } else { progress(total) };
    let (mut ok, mut failed, mut skipped) = (0usize, 0usize, 0usize);
    let mut records = records.peekable();
    while records.peek().is_some() {
        let mut chunk = Vec::with_capacity(CHUNK);
        for r in records.by_ref().take(CHUNK) {
            let r = r.map_err(Failure::input)?;
            if done.contains(&r.key()) {
                skipped += 1;
                bar.inc(1);
            } else {
                chunk.push(r);
            }
        }
        let lines: Vec<(bool, String)> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|r| {
                    let line = brief_record(r, &summarizer, &fetcher, args.max_bytes);
                    bar.inc(1);
                    line
                })
                .collect()
        });
        for (good, line) in lines {
            if good {
                ok += 1;
            } else {
                failed += 1;
            }
            writeln!(out, "{line}")?;
        }
        out.flush()?;
    }
    bar.finish_and_clear();
    if !args.quiet {
        let secs = bar.elapsed().as_secs_f64();
        eprintln!("nutgraf batch: {ok} briefed, {failed} failed, {skipped} skipped (already done) in {secs:.1} s");
    }
    Ok(())
}

/// The output line of one record: `(ok, json)`.
fn brief_record(r: Record, s: &Summarizer, fetcher: &Fetcher, max_bytes: usize) -> (bool, String) {
    let result = r.payload.clone().and_then(|p| brief_payload(p, s, fetcher, max_bytes));
    let (ok, brief, error) = match result {
        Ok(b) => (true, Some(b), None),
        Err(e) => (false, None, Some(e)),
    };
    let line = RecordLine { id: r.id.as_deref(), line: r.line, ok, brief, error };
    (ok, serde_json::to_string(&line).expect("a line always serializes"))
}

fn brief_payload(p: Payload, s: &Summarizer, fetcher: &Fetcher, max_bytes: usize) -> Result<Box<RawValue>, String> {
    let src = match p.load(max_bytes).map_err(|e| e.to_string())? {
        Payload::Text(text) => Source::Plain(text.into_bytes()),
        Payload::Html { html, url } => source::from_html(&html, url).map_err(|e| e.to_string())?,
        Payload::Url(url) => fetcher.get(&url).and_then(source::from_page).map_err(|e| e.to_string())?,
        Payload::File(path) => return Err(format!("{} was not read", path.display())),
    };
    src.brief_line(s)
}

/// The records of `input` and, when known up front, how many there are.
fn open_records(input: &Path, fields: Fields) -> Result<(Records, Option<u64>), Failure> {
    let cannot = |e: std::io::Error| Failure::input(anyhow::anyhow!("cannot read {}: {e}", input.display()));
    if input.as_os_str() == "-" {
        let stdin = BufReader::new(std::io::stdin());
        return Ok((Box::new(batch::read_jsonl(stdin, fields)), None));
    }
    if input.is_dir() {
        let records = batch::read_dir(input).map_err(Failure::input)?;
        let n = records.len() as u64;
        return Ok((Box::new(records.into_iter().map(Ok)), Some(n)));
    }
    let mut file = File::open(input).map_err(cannot)?;
    let total = count_lines(&mut file).map_err(cannot)?;
    file.seek(SeekFrom::Start(0)).map_err(cannot)?;
    Ok((Box::new(batch::read_jsonl(BufReader::new(file), fields)), Some(total)))
}

fn count_lines(file: &mut File) -> std::io::Result<u64> {
    let (mut lines, mut last, mut buf) = (0u64, b'\n', vec![0u8; 1 << 16]);
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            return Ok(lines + u64::from(last != b'\n'));
        }
        lines += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
        last = buf[n - 1];
    }
}

/// The output writer and, with `--resume`, the keys of records already in it.
fn open_output(out: Option<&Path>, resume: bool) -> Result<(Box<dyn Write>, HashSet<String>), Failure> {
    let Some(path) = out else { return Ok((Box::new(BufWriter::new(std::io::stdout())), HashSet::new())) };
    let cannot = |e: std::io::Error| Failure::input(anyhow::anyhow!("cannot write {}: {e}", path.display()));
    if !(resume && path.exists()) {
        return Ok((Box::new(BufWriter::new(File::create(path).map_err(cannot)?)), HashSet::new()));
    }
    let mut file = OpenOptions::new().read(true).write(true).open(path).map_err(cannot)?;
    let mut existing = Vec::new();
    file.read_to_end(&mut existing).map_err(cannot)?;
    let complete = existing.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    if complete < existing.len() {
        file.set_len(complete as u64).map_err(cannot)?;
    }
    let done = batch::done_keys(BufReader::new(&existing[..complete]));
    file.seek(SeekFrom::End(0)).map_err(cannot)?;
    Ok((Box::new(BufWriter::new(file)), done))
}

fn progress(total: Option<u64>) -> ProgressBar {
    let (bar, template) = match total {
        Some(n) => (ProgressBar::new(n), "{elapsed_precise} {wide_bar} {pos}/{len} {rate} ETA {eta}"),
        None => (ProgressBar::new_spinner(), "{spinner} {elapsed_precise} {pos} records {rate}"),
    };
    let style = ProgressStyle::with_template(template).expect("a valid progress template").with_key(
        "rate",
        |s: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.1}/s", s.per_sec());
        },
    );
    bar.set_style(style);
    bar
}

fn same_file(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_with_and_without_a_final_newline() {
        let dir = tempfile::tempdir().unwrap();
        for (text, expected) in [("", 0), ("a\n", 1), ("a\nb", 2), ("a\n\nb\n", 3)] {
            let path = dir.path().join("f");
            std::fs::write(&path, text).unwrap();
            assert_eq!(count_lines(&mut File::open(&path).unwrap()).unwrap(), expected, "{text:?}");
        }
    }

    #[test]
    fn resume_drops_a_cut_last_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        std::fs::write(&path, "{\"id\":\"a\",\"line\":1,\"ok\":true}\n{\"id\":\"b\",\"li").unwrap();
        let (mut w, done) = open_output(Some(&path), true).unwrap();
        writeln!(w, "{{\"id\":\"b\"}}").unwrap();
        drop(w);
        assert_eq!(done, HashSet::from(["a".to_string()]));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{\"id\":\"a\",\"line\":1,\"ok\":true}\n{\"id\":\"b\"}\n");
    }
}
