//! `nutgraf eval`: ROUGE of every method on an evaluation file, with bootstrap intervals.
//!
//! Also home of the flag validation `nutgraf bench` shares ([`load`]): usage errors (unknown
//! dataset, method or format, a zero budget) are found before the data file is read, so they
//! exit 2 whatever the state of the file.

use std::io::Write;
use std::path::Path;

use anyhow::anyhow;
use nutgraf_eval::report::{eval_text, json, write_per_article};
use nutgraf_eval::{evaluate, read_path, Budget, Corpus, EvalOptions, Selection};
use nutgraf_summarize::Method;

use crate::flags::{DataArgs, EvalArgs};
use crate::Failure;

/// Text or JSON output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutFormat {
    /// Aligned tables.
    Text,
    /// Pretty JSON.
    Json,
}

/// Validated data flags (the "high" args of eval and bench).
pub struct Loaded {
    /// The rows read.
    pub corpus: Corpus,
    /// Which of them to use.
    pub selection: Selection,
    /// Methods, in order.
    pub methods: Vec<Method>,
    /// Summary length.
    pub budget: Budget,
    /// Output format.
    pub format: OutFormat,
}

/// Maps a library error to its exit code, naming the data file for data errors.
pub fn failure(path: &Path, e: nutgraf_eval::Error) -> Failure {
    match e {
        e @ nutgraf_eval::Error::Io { .. } => Failure::input(e),
        e if e.is_input() => Failure::input(anyhow::Error::new(e).context(path.display().to_string())),
        e => Failure::usage(e),
    }
}

/// Validates the shared flags, then reads the data, warning about skipped lines on stderr.
pub fn load(a: &DataArgs) -> Result<Loaded, Failure> {
    let usage = |e: nutgraf_eval::Error| Failure::usage(e);
    let selection: Selection = a.dataset.parse().map_err(usage)?;
    let methods = nutgraf_eval::parse_methods(&a.methods).map_err(usage)?;
    let budget = match (a.sentences, a.words) {
        (Some(n), None) => Budget::Sentences(n),
        (None, Some(n)) => Budget::Words(n),
        (None, None) => Budget::PerDataset,
        _ => return Err(Failure::usage(anyhow!("give only one of --sentences and --words"))),
    };
    let budget = budget.validate().map_err(usage)?;
    let format = match a.format.as_str() {
        "text" => OutFormat::Text,
        "json" => OutFormat::Json,
        other => return Err(Failure::usage(anyhow!("unknown format {other:?}: use text or json"))),
    };
    let corpus = read_path(&a.data).map_err(|e| failure(&a.data, e))?;
    if let Some(first) = corpus.malformed.first() {
        let n = corpus.malformed.len();
        let _ = writeln!(
            std::io::stderr(),
            "nutgraf: warning: {}: skipped {n} malformed line(s); first: line {}: {}",
            a.data.display(),
            first.line,
            first.message
        );
    }
    Ok(Loaded { corpus, selection, methods, budget, format })
}

/// Runs `nutgraf eval`.
pub fn run(args: EvalArgs) -> Result<(), Failure> {
    let loaded = load(&args.data)?;
    let options = EvalOptions {
        methods: loaded.methods,
        budget: loaded.budget,
        split_reference: !args.no_split_reference,
        keep_opinion: args.data.keep_opinion,
        resamples: args.resamples,
        seed: args.seed,
        ..EvalOptions::default()
    };
    let evaluation = evaluate(&loaded.corpus, loaded.selection, &options).map_err(|e| failure(&args.data.data, e))?;
    if let Some(path) = &args.out {
        let file = std::fs::File::create(path).map_err(|e| {
            Failure::input(anyhow!("cannot write {}: {}", path.display(), e.to_string().to_lowercase()))
        })?;
        write_per_article(std::io::BufWriter::new(file), &evaluation.per_article)
            .map_err(|e| Failure::input(anyhow!("cannot write {}: {e}", path.display())))?;
    }
    let out = match loaded.format {
        OutFormat::Text => eval_text(&evaluation.report),
        OutFormat::Json => json(&evaluation.report),
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(())
}
