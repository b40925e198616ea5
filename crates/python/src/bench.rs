//! `_nutgraf._rust_seconds`: the Rust side of the Python overhead benchmark
//! (`crates/python/bench/overhead.py`). It makes the same briefs and JSON views that
//! `nutgraf.summarize` makes, in one thread, without building any Python object, so that the
//! difference from `summarize`'s time is the cost of the Python call and of the conversion.

use std::time::Instant;

use nutgraf_summarize::render::JsonBrief;
use pyo3::prelude::*;

use crate::args::{self, BriefArgs};

/// Internal: seconds the Rust work of ``summarize`` takes on ``texts`` ``repeat`` times (one
/// thread, the GIL released, no Python objects); with ``json=False`` the brief alone, without
/// its JSON view (quotes and timeline). For benchmarks only.
#[pyfunction(name = "_rust_seconds")]
#[pyo3(signature = (texts, repeat=1, *, sentences=None, json=true))]
#[pyo3(text_signature = "(texts, repeat=1, *, sentences=None, json=True)")]
pub fn rust_seconds(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    repeat: usize,
    sentences: Option<&Bound<'_, PyAny>>,
    json: bool,
) -> PyResult<f64> {
    let none = BriefArgs {
        sentences,
        words: None,
        ratio: None,
        method: None,
        keep_opinion: None,
        max_bytes: None,
        lang: None,
    };
    let opts = none.build()?;
    let mut owned = Vec::new();
    for t in texts.try_iter()? {
        owned.push(args::text("text", &t?, opts.max_bytes)?);
    }
    let seconds = py.detach(|| {
        let start = Instant::now();
        let mut sentences = 0usize;
        for _ in 0..repeat {
            for t in &owned {
                if let Ok(brief) = opts.summarizer.summarize(t) {
                    sentences += if json { JsonBrief::new(&brief).sentences.len() } else { brief.sentences.len() };
                }
            }
        }
        std::hint::black_box(sentences);
        start.elapsed().as_secs_f64()
    });
    Ok(seconds)
}
