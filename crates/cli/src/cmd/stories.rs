//! `nutgraf stories`: a feed grouped into stories, one JSON line per story; or, with `--eval`,
//! the grouping scored on NeuS rows (B-cubed, adjusted Rand index) next to the scikit-learn peer.
//!
//! Input lines are read as a stream, a batch at a time, and handed to
//! [`nutgraf_stories::Grouper`], which keeps only compact features per article (the texts are
//! kept too with `--brief`, which needs them). The contract, as in `nutgraf batch`: **every input
//! line shows up once in the output**, as a member of exactly one story or as an error line
//! `{"line", "id", "error"}` (malformed JSON, no text, an HTML page that cannot be read). Error
//! lines come first, as they are found; then the stories, ordered by their first member. A
//! duplicate id stops the run (exit 1): its output could not say which article is which.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::time::Instant;

use anyhow::anyhow;
use nutgraf_eval::stories::{read_neus, score, GoldStories};
use nutgraf_roundup::{render, Roundup};
use nutgraf_stories::{assignment, Article, Grouper, Options, Story};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::flags::StoriesArgs;
use crate::source::{self, Source};
use crate::Failure;

/// Articles featurized per parallel step.
const BATCH: usize = 2048;

/// One output line per story.
#[derive(Serialize)]
struct StoryLine<'a> {
    story: usize,
    label: &'a str,
    members: &'a [String],
    duplicates: &'a [(String, String)],
    #[serde(skip_serializing_if = "Option::is_none")]
    brief: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    brief_error: Option<String>,
}

/// One output line per input line that could not be used.
#[derive(Serialize)]
struct ErrorLine<'a> {
    line: usize,
    id: Option<&'a str>,
    error: &'a str,
}

/// Runs `nutgraf stories`.
pub fn run(args: StoriesArgs) -> Result<(), Failure> {
    let options = options(&args)?;
    if !args.eval.is_empty() {
        return evaluate(&args, options);
    }
    if args.peers || args.sweep {
        return Err(Failure::usage(anyhow!("--peers and --sweep go with --eval")));
    }
    let Some(input) = &args.input else {
        return Err(Failure::usage(anyhow!("give the feed with --in FILE.jsonl (or --eval NEUS.jsonl)")));
    };
    let started = Instant::now();
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| {
            Failure::input(anyhow!("cannot write {}: {}", path.display(), e.to_string().to_lowercase()))
        })?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let reader: Box<dyn BufRead> = if input.as_os_str() == "-" {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        Box::new(BufReader::new(std::fs::File::open(input).map_err(|e| {
            Failure::input(anyhow!("cannot read {}: {}", input.display(), e.to_string().to_lowercase()))
        })?))
    };
    let mut grouper = grouper(&args, options)?;
    let mut lines: Vec<usize> = Vec::new(); // input line of each article
    let mut kept: Vec<nutgraf_roundup::Article> = Vec::new(); // with --brief
    let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
    let mut bad = 0usize;
    let mut push = |batch: &mut Vec<Article>, lines: &[usize]| -> Result<(), Failure> {
        grouper.push(batch).map_err(|e| match e {
            nutgraf_stories::Error::DuplicateId { id, first, second } => Failure::input(anyhow!(
                "{}: duplicate id {id:?} on lines {} and {}: ids must be unique",
                source::shown(input),
                lines[first - 1],
                lines[second - 1]
            )),
            e => Failure::input(anyhow!("{}: {e}", source::shown(input))),
        })?;
        batch.clear();
        Ok(())
    };
    for (n, line) in reader.split(b'\n').enumerate() {
        let line = line.map_err(|e| Failure::input(anyhow!("cannot read {}: {e}", source::shown(input))))?;
        let line = line.strip_suffix(b"\r").unwrap_or(&line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse(line, args.brief) {
            Ok((article, full)) => {
                lines.push(n + 1);
                batch.push(article);
                kept.extend(full);
            }
            Err((id, error)) => {
                bad += 1;
                let e = ErrorLine { line: n + 1, id: id.as_deref(), error: &error };
                writeln!(out, "{}", serde_json::to_string(&e).expect("an error line serializes"))?;
            }
        }
        if batch.len() == BATCH {
            push(&mut batch, &lines)?;
        }
    }
    push(&mut batch, &lines)?;
    if grouper.is_empty() {
        out.flush()?;
        return Err(Failure::input(anyhow!("{}: no usable article ({bad} bad line(s))", source::shown(input))));
    }
    let stories = grouper.finish();
    let briefs: Vec<Option<Result<Value, String>>> = if args.brief {
        stories.par_iter().map(|s| Some(brief(s, &kept))).collect()
    } else {
        vec![None; stories.len()]
    };
    for (i, (s, b)) in stories.iter().zip(briefs).enumerate() {
        let (brief, brief_error) = match b {
            Some(Ok(v)) => (Some(v), None),
            Some(Err(e)) => (None, Some(e)),
            None => (None, None),
        };
        let line = StoryLine {
            story: i + 1,
            label: &s.label,
            members: &s.members,
            duplicates: &s.duplicates,
            brief,
            brief_error,
        };
        writeln!(out, "{}", serde_json::to_string(&line).expect("a story line serializes"))?;
    }
    out.flush()?;
    if !args.quiet {
        let copies: usize = stories.iter().map(|s| s.duplicates.len()).sum();
        eprintln!(
            "nutgraf stories: {} articles in {} stories ({copies} wire copies), {bad} bad line(s), {:.1} s",
            grouper.len(),
            stories.len(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// The grouping options from the flags.
fn options(args: &StoriesArgs) -> Result<Options, Failure> {
    let mut options = if args.model.is_some() { Options::with_model() } else { Options::default() };
    if let Some(t) = args.threshold {
        options.threshold = t;
    }
    for set in &args.options {
        let bad = || Failure::usage(anyhow!("--option {set:?}: use NAME=VALUE with a number"));
        let (name, value) = set.split_once('=').ok_or_else(bad)?;
        let value: f32 = value.trim().parse().map_err(|_| bad())?;
        let count = value.max(0.0) as usize;
        match name.trim() {
            "threshold" => options.threshold = value,
            "neighbors" => options.neighbors = count,
            "max_df" => options.max_df = count,
            "min_cosine" => options.min_cosine = value,
            "scale_k" => options.scale_k = count,
            "scale_floor" => options.scale_floor = value,
            "idf_power" => options.idf_power = value,
            "lead_words" => options.lead_words = count,
            "title_weight" => options.title_weight = value,
            "duplicate_jaccard" => options.duplicate_jaccard = value,
            "sketch_size" => options.sketch_size = count,
            "weekday_penalty" => options.weekday_penalty = value,
            "embed_weight" => options.embed_weight = value,
            other => return Err(Failure::usage(anyhow!("--option: unknown option {other:?}"))),
        }
    }
    options.validate().map_err(Failure::usage)?;
    Ok(options)
}

/// One input line: the article to group (and, for `--brief`, to brief), or its id and what is
/// wrong with it.
type Parsed = Result<(Article, Option<nutgraf_roundup::Article>), (Option<String>, String)>;

fn parse(line: &[u8], keep: bool) -> Parsed {
    let line = std::str::from_utf8(line).map_err(|e| (None, format!("not valid UTF-8 (byte {})", e.valid_up_to())))?;
    let v: Value = serde_json::from_str(line).map_err(|e| (None, format!("malformed json: {e}")))?;
    let obj = v.as_object().ok_or((None, "not a json object".to_string()))?;
    let id = match obj.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err((None, "no id: every article needs a non-empty \"id\"".into())),
    };
    let field = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
    let (text, mut title, mut date) = if let Some(text) = field("text").filter(|t| !t.trim().is_empty()) {
        (text, None, None)
    } else if let Some(html) = field("html") {
        match source::from_html(&html, field("url")) {
            Ok(Source::Page { page, .. }) if !page.text.trim().is_empty() => (page.text, page.title, page.published),
            Ok(_) => return Err((Some(id), "no article text in the html".into())),
            Err(e) => return Err((Some(id), format!("html: {e}"))),
        }
    } else {
        return Err((Some(id), "no text: give a non-empty \"text\" or \"html\" field".into()));
    };
    title = field("title").or(title);
    date = field("date").or(date);
    let full = keep.then(|| nutgraf_roundup::Article {
        text: text.clone(),
        title: title.clone(),
        name: Some(id.clone()),
        date,
        url: field("url"),
    });
    let article = Article { id, title, text };
    Ok((article, full))
}

/// The roundup of one story, as JSON.
fn brief(story: &Story, kept: &[nutgraf_roundup::Article]) -> Result<Value, String> {
    let articles: Vec<nutgraf_roundup::Article> = story.positions.iter().map(|&p| kept[p].clone()).collect();
    let options = nutgraf_roundup::Options::default();
    let brief = Roundup::new(options).run(&articles).map_err(|e| e.to_string())?;
    serde_json::from_str(&render::json(&brief)).map_err(|e| e.to_string())
}

/// One row of the `--eval` table.
#[derive(Serialize)]
struct EvalRow {
    system: String,
    threshold: f64,
    #[serde(flatten)]
    scores: nutgraf_eval::stories::ClusterScores,
    seconds: f64,
    peak_rss_mib: Option<f64>,
}

/// `--eval`: our grouping (and the sweep, and the peer) scored against NeuS rows.
fn evaluate(args: &StoriesArgs, options: Options) -> Result<(), Failure> {
    let json = match args.format.as_str() {
        "text" => false,
        "json" => true,
        other => return Err(Failure::usage(anyhow!("unknown format {other:?}: use text or json"))),
    };
    let gold = read_gold(&args.eval)?;
    let truth = gold.gold();
    let mut rows = Vec::new();
    if args.sweep {
        let thresholds: Vec<f32> = (10..=30).map(|i| i as f32 * 0.05).collect();
        for (t, predicted) in thresholds.iter().zip(group_gold(args, &gold, options, &thresholds)?) {
            let scores = score(&truth, &predicted).map_err(Failure::usage)?;
            rows.push(EvalRow {
                system: "nutgraf (sweep)".into(),
                threshold: f64::from(*t),
                scores,
                seconds: 0.0,
                peak_rss_mib: None,
            });
        }
    }
    // The timed run: featurize, candidate graph and clustering at the one threshold.
    let started = Instant::now();
    let predicted = group_gold(args, &gold, options, &[options.threshold])?.pop().expect("one threshold");
    let seconds = started.elapsed().as_secs_f64();
    let scores = score(&truth, &predicted).map_err(Failure::usage)?;
    let peak_rss_mib = nutgraf_eval::machine::peak_rss_mb();
    rows.push(EvalRow {
        system: "nutgraf stories".into(),
        threshold: f64::from(options.threshold),
        scores,
        seconds,
        peak_rss_mib,
    });
    if args.peers {
        rows.push(peer(&args.eval)?);
    }
    let mut stdout = std::io::stdout().lock();
    if json {
        let report = serde_json::json!({
            "articles": gold.articles.len(),
            "stories": gold.stories,
            "files": args.eval.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            "threads": rayon::current_num_threads(),
            "systems": rows,
        });
        writeln!(stdout, "{}", serde_json::to_string_pretty(&report).expect("a report serializes"))?;
    } else {
        writeln!(
            stdout,
            "story grouping: {} articles, {} gold stories, {} threads",
            gold.articles.len(),
            gold.stories,
            rayon::current_num_threads()
        )?;
        writeln!(
            stdout,
            "{:<30} {:>9} {:>7} {:>7} {:>7} {:>7} {:>8} {:>9} {:>9}",
            "system", "threshold", "B3-P", "B3-R", "B3-F1", "ARI", "stories", "seconds", "peak MiB"
        )?;
        for r in &rows {
            let rss = r.peak_rss_mib.map_or("-".to_string(), |m| format!("{m:.0}"));
            let s = &r.scores;
            writeln!(
                stdout,
                "{:<30} {:>9.2} {:>7.4} {:>7.4} {:>7.4} {:>7.4} {:>8} {:>9.2} {:>9}",
                r.system,
                r.threshold,
                s.bcubed_precision,
                s.bcubed_recall,
                s.bcubed_f1,
                s.ari,
                s.clusters,
                r.seconds,
                rss
            )?;
        }
    }
    stdout.flush()?;
    Ok(())
}

/// Runs the scikit-learn peer (bench/peers/stories/run_sklearn.py, in the virtual environment
/// its setup.sh makes) on the same files and reads its JSON row.
fn peer(files: &[std::path::PathBuf]) -> Result<EvalRow, Failure> {
    let dir = std::env::var_os("NUTGRAF_STORIES_PEERS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/peers/stories"));
    let python = dir.join(".venv/bin/python");
    if !python.is_file() {
        return Err(Failure::input(anyhow!(
            "no peer environment at {}: run {}/setup.sh first",
            python.display(),
            dir.display()
        )));
    }
    eprintln!("nutgraf: running the scikit-learn peer (all pairs: minutes on the full data)...");
    let output = std::process::Command::new(&python)
        .arg(dir.join("run_sklearn.py"))
        .args(files)
        .args(["--format", "json"])
        .output()
        .map_err(|e| Failure::input(anyhow!("cannot run {}: {e}", python.display())))?;
    if !output.status.success() {
        return Err(Failure::input(anyhow!("the peer failed: {}", String::from_utf8_lossy(&output.stderr).trim())));
    }
    let v: Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| Failure::input(anyhow!("the peer's output is not json: {e}")))?;
    let f = |k: &str| v.get(k).and_then(Value::as_f64).unwrap_or(f64::NAN);
    Ok(EvalRow {
        system: "sklearn tfidf + average-link".into(),
        threshold: f("threshold"),
        scores: nutgraf_eval::stories::ClusterScores {
            bcubed_precision: f("bcubed_precision"),
            bcubed_recall: f("bcubed_recall"),
            bcubed_f1: f("bcubed_f1"),
            ari: f("ari"),
            clusters: v.get("clusters").and_then(Value::as_u64).unwrap_or(0) as usize,
        },
        seconds: f("seconds"),
        peak_rss_mib: v.get("peak_rss_mib").and_then(Value::as_f64),
    })
}

/// Reads NeuS files as gold stories, warning about skipped lines.
fn read_gold(paths: &[std::path::PathBuf]) -> Result<GoldStories, Failure> {
    let mut gold = GoldStories::default();
    for path in paths {
        read_neus(path, &mut gold).map_err(|e| super::eval::failure(path, e))?;
    }
    if let Some((file, first)) = gold.malformed.first() {
        eprintln!(
            "nutgraf: warning: skipped {} malformed line(s); first: {file} line {}: {}",
            gold.malformed.len(),
            first.line,
            first.message
        );
    }
    if gold.articles.is_empty() {
        return Err(Failure::input(anyhow!("no stories in {}", paths[0].display())));
    }
    Ok(gold)
}

/// Groups the gold articles at each threshold: the predicted story of each article per threshold.
fn group_gold(
    args: &StoriesArgs,
    gold: &GoldStories,
    options: Options,
    thresholds: &[f32],
) -> Result<Vec<Vec<usize>>, Failure> {
    let mut grouper = grouper(args, options)?;
    for chunk in gold.articles.chunks(BATCH) {
        let batch: Vec<Article> =
            chunk.iter().map(|a| Article::new(a.id.clone(), a.text.clone()).with_title(a.title.clone())).collect();
        grouper.push(&batch).map_err(|e| Failure::input(anyhow!("{e}")))?;
    }
    Ok(grouper.sweep(thresholds).iter().map(|s| assignment(s, gold.articles.len())).collect())
}

/// The grouper, with the sentence-embedding model when `--model` names one.
fn grouper(args: &StoriesArgs, options: Options) -> Result<Grouper, Failure> {
    let grouper = Grouper::new(options).map_err(Failure::usage)?;
    let Some(dir) = &args.model else { return Ok(grouper) };
    let model = nutgraf_embed::Embedder::load(dir)
        .and_then(|m| m.with_max_tokens(MODEL_TOKENS))
        .map_err(|e| Failure::input(anyhow!("--model {}: {e}", dir.display())))?;
    Ok(grouper.with_embedder(Box::new(Model(model))))
}

/// Tokens of title and lead the model reads: the event is told first, and time grows with length.
const MODEL_TOKENS: usize = 64;

/// `nutgraf-embed`'s model as the grouper's embedder.
#[derive(Debug)]
struct Model(nutgraf_embed::Embedder);

impl nutgraf_stories::Embed for Model {
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String> {
        self.0.embed(texts).map_err(|e| e.to_string())
    }
}
