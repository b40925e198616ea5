/*!
Rendering reports: aligned text tables for people, JSON for scripts.

The JSON forms are the serde forms of the report types, so a field documented on
[`EvalReport`] or [`BenchReport`] is the field a script reads. The text forms are fixed-width
tables with numbers right-aligned, followed by notes on anything a reader must know to trust
the figures (summarizer errors, skipped lines).
*/

use std::io::{self, Write};

use nutgraf_rouge::RougeScores;
use nutgraf_summarize::Length;
use serde::Serialize;

use crate::aggregate::{EvalReport, Metric};
use crate::bench::BenchReport;
use crate::eval::Scored;

/// Column alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Pad on the right (text).
    Left,
    /// Pad on the left (numbers).
    Right,
}

/// Lays out `rows` under `header` in columns two spaces apart, each as wide as its widest cell.
pub fn table(header: &[&str], align: &[Align], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    let mut out = String::new();
    for row in std::iter::once(&header).chain(rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (cell, &w))| match align.get(i).copied().unwrap_or(Align::Left) {
                Align::Left => format!("{cell:<w$}"),
                Align::Right => format!("{cell:>w$}"),
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// Pretty JSON with a final newline.
pub fn json<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("report types always serialize");
    s.push('\n');
    s
}

/// Writes one JSON line per scored summary.
pub fn write_per_article(mut w: impl Write, scored: &[Scored]) -> io::Result<()> {
    for s in scored {
        serde_json::to_writer(&mut w, s)?;
        w.write_all(b"\n")?;
    }
    w.flush()
}

fn length(l: Length) -> String {
    match l {
        Length::Sentences(1) => "1 sentence".into(),
        Length::Sentences(n) => format!("{n} sentences"),
        Length::Words(n) => format!("{n} words"),
        Length::Ratio(r) => format!("{:.0}% of words", r * 100.0),
        Length::Default => "default".into(),
    }
}

fn ci(m: &Metric) -> String {
    format!("{:.2} [{:.2}, {:.2}]", m.mean, m.low, m.high)
}

fn p(m: &Metric, resamples: usize) -> String {
    match m.p_vs_lead {
        None => "-".into(),
        Some(0.0) => format!("<{:.3}", 1.0 / resamples.max(1) as f64),
        Some(p) => format!("{p:.3}"),
    }
}

/// The evaluation as a text table with notes.
pub fn eval_text(r: &EvalReport) -> String {
    use Align::{Left as L, Right as R};
    let rows: Vec<Vec<String>> = r
        .groups
        .iter()
        .map(|g| {
            vec![
                g.dataset.to_string(),
                g.method.to_string(),
                length(g.length),
                g.articles.to_string(),
                format!("{:.1}", g.mean_words),
                ci(&g.rouge1),
                ci(&g.rouge2),
                ci(&g.rouge_lsum),
                p(&g.rouge1, r.resamples),
                p(&g.rouge2, r.resamples),
                p(&g.rouge_lsum, r.resamples),
            ]
        })
        .collect();
    let header =
        ["dataset", "method", "length", "n", "words", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "p R1", "p R2", "p RLsum"];
    let mut out = format!(
        "ROUGE F1 x100, mean [{:.0}% bootstrap CI]; p = paired bootstrap share of resamples with mean <= lead's \
         ({} resamples, seed {}); references {}\n",
        r.confidence * 100.0,
        r.resamples,
        r.seed,
        if r.split_reference { "split into sentence lines" } else { "scored as given" },
    );
    out += &table(&header, &[L, L, L, R, R, R, R, R, R, R, R], &rows);
    if r.errors > 0 {
        out += &format!("summarizer errors: {} (scored as empty summaries); first:\n", r.errors);
        for e in &r.first_errors {
            out += &format!("  {} ({}): {}\n", e.id, e.method, e.message);
        }
    }
    if r.skipped_lines > 0 {
        out += &format!("skipped {} malformed data line(s); first:\n", r.skipped_lines);
        for m in &r.first_skipped {
            out += &format!("  line {}: {}\n", m.line, m.message);
        }
    }
    out
}

/// The benchmark as a text table with the machine's description.
pub fn bench_text(r: &BenchReport) -> String {
    use Align::{Left as L, Right as R};
    let rows: Vec<Vec<String>> = r
        .methods
        .iter()
        .map(|m| {
            vec![
                if m.with_extraction { format!("{}+extract", m.method) } else { m.method.to_string() },
                format!("{:.1}", m.articles_per_sec_1t),
                format!("{:.1}", m.articles_per_sec_all),
                format!("{:.2}", m.mb_per_sec_1t),
                format!("{:.2}", m.mb_per_sec_all),
                format!("{:.2}x", m.articles_per_sec_all / m.articles_per_sec_1t),
                format!("{:.0}", m.p50_us),
                format!("{:.0}", m.p99_us),
                m.errors.to_string(),
            ]
        })
        .collect();
    let header = ["method", "art/s 1t", "art/s all", "MB/s 1t", "MB/s all", "speedup", "p50 us", "p99 us", "errors"];
    let mut out = format!(
        "{} articles ({}; {:.2} MB) per pass, >= {} s per measurement; {}; {} cores, {} threads; {}\n",
        r.articles,
        r.selection,
        r.bytes as f64 / 1e6,
        r.seconds,
        r.cpu_model,
        r.cores,
        r.threads_all,
        r.date,
    );
    out += &table(&header, &[L, R, R, R, R, R, R, R, R], &rows);
    for pair in r.methods.windows(2) {
        if let [plain, with] = pair {
            if plain.method == with.method && !plain.with_extraction && with.with_extraction {
                let added = plain.articles_per_sec_1t / with.articles_per_sec_1t - 1.0;
                out += &format!("extraction adds {:.1}% to the {} brief (one thread)\n", 100.0 * added, plain.method);
            }
        }
    }
    if let Some(rss) = r.peak_rss_mb {
        out += &format!("peak RSS: {rss:.1} MB\n");
    }
    out
}

/// ROUGE scores of one pair as a table of precision, recall and F-measure.
pub fn rouge_text(s: &RougeScores) -> String {
    let rows: Vec<Vec<String>> =
        [("rouge1", s.rouge1), ("rouge2", s.rouge2), ("rougeL", s.rouge_l), ("rougeLsum", s.rouge_lsum)]
            .into_iter()
            .map(|(name, m)| {
                vec![
                    name.to_string(),
                    format!("{:.4}", m.precision),
                    format!("{:.4}", m.recall),
                    format!("{:.4}", m.fmeasure),
                ]
            })
            .collect();
    table(
        &["metric", "precision", "recall", "fmeasure"],
        &[Align::Left, Align::Right, Align::Right, Align::Right],
        &rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_columns() {
        let rows = vec![vec!["lead".to_string(), "1.5".to_string()], vec!["textrank".to_string(), "12.25".to_string()]];
        let got = table(&["method", "x"], &[Align::Left, Align::Right], &rows);
        assert_eq!(got, "method        x\nlead        1.5\ntextrank  12.25\n");
    }

    #[test]
    fn rouge_table_and_p_values() {
        let got = rouge_text(&nutgraf_rouge::score("the cat sat", "the cat"));
        let lines: Vec<&str> = got.lines().collect();
        assert_eq!(lines[0], "metric     precision  recall  fmeasure");
        assert_eq!(lines[1], "rouge1        1.0000  0.6667    0.8000");
        let m = |p_vs_lead| Metric { mean: 1.0, low: 0.5, high: 1.5, p_vs_lead };
        assert_eq!(p(&m(Some(0.0)), 1000), "<0.001");
        assert_eq!(p(&m(Some(0.25)), 1000), "0.250");
        assert_eq!(p(&m(None), 1000), "-");
        assert_eq!(ci(&m(None)), "1.00 [0.50, 1.50]");
    }
}
