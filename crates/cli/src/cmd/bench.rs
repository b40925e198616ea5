//! `nutgraf bench`: throughput, latency and peak memory of every method on an evaluation file.

use std::io::Write;

use nutgraf_eval::report::{bench_text, json};
use nutgraf_eval::{bench, BenchOptions};

use super::eval::{failure, load, OutFormat};
use crate::flags::BenchArgs;
use crate::Failure;

/// Runs `nutgraf bench`.
pub fn run(args: BenchArgs) -> Result<(), Failure> {
    let loaded = load(&args.data)?;
    let options = BenchOptions {
        methods: loaded.methods,
        budget: loaded.budget,
        keep_opinion: args.data.keep_opinion,
        seconds: args.seconds,
        extract: args.extract,
    };
    let report = bench(&loaded.corpus, loaded.selection, &options).map_err(|e| failure(&args.data.data, e))?;
    let out = match loaded.format {
        OutFormat::Text => bench_text(&report),
        OutFormat::Json => json(&report),
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(())
}
