/*!
Throughput, latency and memory of the summarizer on real articles.

For each method, the selected articles are summarized in passes until a pass ends after the
time asked for (at least one pass), first in a rayon pool of one thread, then in a pool of the
default size (one thread per core). Throughput is articles, and article megabytes (10^6 bytes
of UTF-8), per wall-clock second. Per-article latency percentiles come from the one-thread
runs, where no article competes with another for a core. The pools run the same code, so the
ratio of the two throughputs is the parallel speedup.

With `--extract`, each method is measured twice, without and with the extraction that JSON and
Markdown briefs carry, in alternating passes (plain then extracting, then the other way round)
until each has had its time: both rows see the same machine, so what the extraction adds is not
confounded with changes in the load of a shared machine between two measurements.

Each method gets a short warm-up first, so lazily built tables are not charged to the first
article. Peak memory is the process's high-water resident set (`VmHWM` in
`/proc/self/status`) at the end, so it covers reading the data as well: it is what a user of
`nutgraf` would see, not the summarizer alone. It is absent where `/proc` is not available.
*/

use std::time::Instant;

use nutgraf_summarize::{Method, Options, Summarizer};
use rayon::prelude::*;
use rayon::ThreadPool;
use serde::{Deserialize, Serialize};

use crate::dataset::{Dataset, Selection};
use crate::eval::Budget;
use crate::jsonl::Corpus;
use crate::machine::{cpu_model, peak_rss_mb, utc_now};
use crate::stats::quantile;
use crate::Error;

/// What to measure.
#[derive(Clone, Debug, PartialEq)]
pub struct BenchOptions {
    /// Methods, in report order.
    pub methods: Vec<Method>,
    /// Summary length.
    pub budget: Budget,
    /// Keep unattributed opinion.
    pub keep_opinion: bool,
    /// Minimum seconds per measurement.
    pub seconds: f64,
    /// Also measure each method with the extraction (quotes, speakers, dates, timeline) that
    /// JSON and Markdown briefs carry: a second row per method.
    pub extract: bool,
}

impl Default for BenchOptions {
    fn default() -> BenchOptions {
        BenchOptions {
            methods: Method::ALL.to_vec(),
            budget: Budget::PerDataset,
            keep_opinion: false,
            seconds: 1.0,
            extract: false,
        }
    }
}

/// The figures of one method.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MethodBench {
    /// The method.
    pub method: Method,
    /// Whether each brief also ran the extraction (`--extract`).
    #[serde(default)]
    pub with_extraction: bool,
    /// Articles per second on one thread.
    pub articles_per_sec_1t: f64,
    /// Articles per second on all cores.
    pub articles_per_sec_all: f64,
    /// Article megabytes per second on one thread.
    pub mb_per_sec_1t: f64,
    /// Article megabytes per second on all cores.
    pub mb_per_sec_all: f64,
    /// Median per-article latency on one thread, in microseconds.
    pub p50_us: f64,
    /// 99th-percentile per-article latency on one thread, in microseconds.
    pub p99_us: f64,
    /// Slowest article on one thread, in microseconds.
    pub max_us: f64,
    /// Articles summarized in the one-thread measurement.
    pub runs_1t: usize,
    /// Articles summarized in the all-cores measurement.
    pub runs_all: usize,
    /// Articles of one pass the summarizer returned an error for.
    pub errors: usize,
}

/// The benchmark's figures and the machine they were taken on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BenchReport {
    /// When, as UTC ISO 8601.
    pub date: String,
    /// The CPU, from `/proc/cpuinfo`.
    pub cpu_model: String,
    /// Logical cores available to the process.
    pub cores: usize,
    /// Threads of the all-cores pool.
    pub threads_all: usize,
    /// Which datasets were used.
    pub selection: String,
    /// Articles in one pass.
    pub articles: usize,
    /// Bytes of article text in one pass.
    pub bytes: usize,
    /// Minimum seconds per measurement.
    pub seconds: f64,
    /// One entry per method, in the order asked.
    pub methods: Vec<MethodBench>,
    /// Peak resident memory of the process, in megabytes (10^6 bytes).
    pub peak_rss_mb: Option<f64>,
}

/// One timed measurement.
#[derive(Default)]
struct Run {
    articles: usize,
    bytes: usize,
    seconds: f64,
    latencies_us: Vec<f64>,
    errors: usize,
}

/// Benchmarks the selected articles of `corpus`.
pub fn bench(corpus: &Corpus, selection: Selection, options: &BenchOptions) -> Result<BenchReport, Error> {
    if !(options.seconds > 0.0 && options.seconds <= 3600.0) {
        return Err(Error::InvalidOption(format!("--seconds must be in (0, 3600], got {}", options.seconds)));
    }
    if options.methods.is_empty() {
        return Err(Error::InvalidOption("no method to benchmark".into()));
    }
    let budget = options.budget.validate()?;
    let articles = corpus.select_some(selection)?;
    let pool = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| Error::InvalidOption(format!("cannot start a thread pool: {e}")))
    };
    let (one, all) = (pool(1)?, pool(0)?);
    let mut methods = Vec::new();
    for &method in &options.methods {
        let summarizers = Dataset::ALL
            .map(|d| Summarizer::new(Options { method, length: budget.length(d), keep_opinion: options.keep_opinion }));
        let jobs: Vec<(&str, &Summarizer)> =
            articles.iter().map(|a| (a.article.as_str(), &summarizers[a.dataset as usize])).collect();
        let warm = &jobs[..jobs.len().min(16)];
        if options.extract {
            // The brief with and without the extraction, in alternating passes: on a shared
            // machine, measuring one after the other would charge any change in the machine's
            // load to whichever came second.
            let mut pass = Run::default();
            run_pass(&one, warm, true, &mut pass);
            let [single, single_x] = measure_pair(&one, &jobs, options.seconds);
            let [multi, multi_x] = measure_pair(&all, &jobs, options.seconds);
            methods.push(method_bench(method, false, single, multi));
            methods.push(method_bench(method, true, single_x, multi_x));
        } else {
            measure(&one, warm, 0.0, false);
            let single = measure(&one, &jobs, options.seconds, false);
            let multi = measure(&all, &jobs, options.seconds, false);
            methods.push(method_bench(method, false, single, multi));
        }
    }
    Ok(BenchReport {
        date: utc_now(),
        cpu_model: cpu_model(),
        cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
        threads_all: all.current_num_threads(),
        selection: selection.to_string(),
        articles: articles.len(),
        bytes: articles.iter().map(|a| a.article.len()).sum(),
        seconds: options.seconds,
        methods,
        peak_rss_mb: peak_rss_mb(),
    })
}

/// The figures of `method` from its one-thread and all-cores runs.
fn method_bench(method: Method, with_extraction: bool, single: Run, multi: Run) -> MethodBench {
    let mut lat = single.latencies_us;
    lat.sort_by(f64::total_cmp);
    MethodBench {
        method,
        with_extraction,
        articles_per_sec_1t: single.articles as f64 / single.seconds,
        articles_per_sec_all: multi.articles as f64 / multi.seconds,
        mb_per_sec_1t: single.bytes as f64 / 1e6 / single.seconds,
        mb_per_sec_all: multi.bytes as f64 / 1e6 / multi.seconds,
        p50_us: quantile(&lat, 0.50),
        p99_us: quantile(&lat, 0.99),
        max_us: lat.last().copied().unwrap_or(0.0),
        runs_1t: single.articles,
        runs_all: multi.articles,
        errors: single.errors,
    }
}

/// Summarizes `jobs` in passes on `pool` until `seconds` have passed (at least one pass), with
/// the extraction of each brief when `extract` is set.
fn measure(pool: &ThreadPool, jobs: &[(&str, &Summarizer)], seconds: f64, extract: bool) -> Run {
    let mut run = Run::default();
    loop {
        run_pass(pool, jobs, extract, &mut run);
        if run.seconds >= seconds {
            return run;
        }
    }
}

/// [`measure`] without and with the extraction, pass for pass in alternating order, until each
/// has had `seconds` (at least one pass each).
fn measure_pair(pool: &ThreadPool, jobs: &[(&str, &Summarizer)], seconds: f64) -> [Run; 2] {
    let mut runs = [Run::default(), Run::default()];
    for round in 0.. {
        let order = if round % 2 == 0 { [false, true] } else { [true, false] };
        for extract in order {
            run_pass(pool, jobs, extract, &mut runs[usize::from(extract)]);
        }
        if runs.iter().all(|r| r.seconds >= seconds) {
            break;
        }
    }
    runs
}

/// Summarizes every job once on `pool` (with the extraction of each brief when `extract` is
/// set) and adds the pass to `run`: its articles, bytes, wall-clock seconds and latencies, and
/// its errors when it is the run's first pass.
fn run_pass(pool: &ThreadPool, jobs: &[(&str, &Summarizer)], extract: bool, run: &mut Run) {
    let start = Instant::now();
    let pass: Vec<(f64, bool)> = pool.install(|| {
        jobs.par_iter()
            .map(|(text, summarizer)| {
                let t = Instant::now();
                let brief = summarizer.summarize(text);
                if let (true, Ok(b)) = (extract, &brief) {
                    std::hint::black_box(b.extraction());
                }
                let ok = std::hint::black_box(brief).is_ok();
                (t.elapsed().as_secs_f64() * 1e6, ok)
            })
            .collect()
    });
    if run.articles == 0 {
        run.errors = pass.iter().filter(|(_, ok)| !ok).count();
    }
    run.latencies_us.extend(pass.iter().map(|(us, _)| us));
    run.articles += jobs.len();
    run.bytes += jobs.iter().map(|(text, _)| text.len()).sum::<usize>();
    run.seconds += start.elapsed().as_secs_f64();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jsonl::Article;

    #[test]
    fn bench_measures_every_method() {
        let text = "The council approved the budget on Tuesday. The plan keeps every library open. \
                    Officials said taxes would not rise this year. The vote was five to two.";
        let article = |id: &str, dataset| Article {
            id: id.into(),
            dataset,
            article: text.into(),
            reference: "Budget approved.".into(),
            line: 1,
        };
        let corpus =
            Corpus { articles: vec![article("a", Dataset::Cnndm), article("b", Dataset::Xsum)], malformed: vec![] };
        let options =
            BenchOptions { methods: vec![Method::Lead, Method::TextRank], seconds: 0.01, ..BenchOptions::default() };
        let report = bench(&corpus, Selection::All, &options).unwrap();
        assert_eq!((report.articles, report.bytes), (2, 2 * text.len()));
        assert_eq!(report.methods.len(), 2);
        for m in &report.methods {
            assert!(m.articles_per_sec_1t > 0.0 && m.articles_per_sec_all > 0.0, "{m:?}");
            assert!(m.p50_us > 0.0 && m.p50_us <= m.p99_us && m.p99_us <= m.max_us, "{m:?}");
            assert!(m.runs_1t >= 2 && m.runs_1t % 2 == 0 && m.errors == 0, "{m:?}");
        }
        let bad = BenchOptions { seconds: 0.0, ..BenchOptions::default() };
        assert!(!bench(&corpus, Selection::All, &bad).unwrap_err().is_input());
        let none = bench(&Corpus::default(), Selection::All, &options).unwrap_err();
        assert!(none.is_input() && none.to_string().starts_with("no articles selected"));
        // --extract: each method twice, plain then with the extraction, and the report says what it adds.
        let with =
            BenchOptions { methods: vec![Method::Nutgraf], seconds: 0.01, extract: true, ..BenchOptions::default() };
        let report = bench(&corpus, Selection::All, &with).unwrap();
        let rows: Vec<(Method, bool)> = report.methods.iter().map(|m| (m.method, m.with_extraction)).collect();
        assert_eq!(rows, [(Method::Nutgraf, false), (Method::Nutgraf, true)]);
        let text = crate::report::bench_text(&report);
        assert!(text.contains("nutgraf+extract") && text.contains("extraction adds"), "{text}");
    }
}
