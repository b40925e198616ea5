//! `extract`, `audit` and `rouge`: the CLI's `extract`, `audit --format json` and `rouge`
//! structures as dicts and lists.

use std::sync::OnceLock;

use nutgraf_analyze::extract::view::JsonExtraction;
use nutgraf_analyze::extract::{extract as extract_article, parse_iso_date, Extraction};
use nutgraf_audit::render::{render, Format};
use nutgraf_audit::{Auditor, Source};
use nutgraf_text::Document;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::args::{self, type_name};
use crate::{many, topy, InputError};

/// Who said what, and when: the structure of ``nutgraf extract --format json``.
///
/// Returns a dict with ``reference_date``, ``publication_date``, ``quotes`` (speaker, role,
/// date, place, cue), ``statements`` (indirect speech), ``entities`` (people, organizations,
/// places with every mention), ``dates`` and ``timeline``. ``date`` (a ``datetime.date`` or
/// "YYYY-MM-DD") resolves relative dates ("on Tuesday") when the article gives no publication
/// date of its own. Every ``span`` is [start, end) in UTF-8 bytes of ``text``, every ``chars``
/// the same range in characters.
///
/// Raises ``nutgraf.InputError`` for text that cannot be used, ``ValueError`` for a bad date,
/// ``TypeError`` for wrong types.
#[pyfunction]
#[pyo3(signature = (text, *, date=None, max_bytes=None))]
#[pyo3(text_signature = "(text, *, date=None, max_bytes=16777216)")]
pub fn extract<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    date: Option<&Bound<'py, PyAny>>,
    max_bytes: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let reference = match date.filter(|d| !d.is_none()) {
        None => None,
        Some(d) => {
            let s: String = if d.is_instance_of::<PyString>() {
                d.extract()?
            } else if d.hasattr("isoformat")? && d.hasattr("year")? {
                d.call_method0("isoformat")?.extract()?
            } else {
                return Err(PyTypeError::new_err(format!("date must be a str or datetime.date, not {}", type_name(d))));
            };
            let s = s.get(..10).filter(|_| !d.is_instance_of::<PyString>()).unwrap_or(&s).to_string();
            Some(
                parse_iso_date(&s)
                    .ok_or_else(|| PyValueError::new_err(format!("--date {s:?} is not a date: use YYYY-MM-DD")))?,
            )
        }
    };
    let limit = max_bytes_arg(max_bytes, nutgraf_summarize::DEFAULT_MAX_BYTES)?;
    let text = args::text("text", text, limit)?;
    nutgraf_text::validate(text.as_bytes(), limit).map_err(|e| InputError::new_err(e.to_string()))?;
    let slot: OnceLock<Extraction> = OnceLock::new();
    let json = many::guarded(py, || {
        let x = slot.get_or_init(|| extract_article(&Document::new(&text), reference));
        JsonExtraction::new(x, &text)
    })
    .map_err(PyRuntimeError::new_err)?;
    topy::to_py(py, &json)
}

/// Checks a summary (anyone's: an LLM's, a colleague's, nutgraf's) against its sources,
/// sentence by sentence: the structure of ``nutgraf audit --format json``.
///
/// ``sources`` is one str, a list of str (ids "0", "1", ...) or a dict of id -> str. Returns a
/// dict: ``score`` (0..1), ``supported`` (score >= ``threshold``; by default
/// ``nutgraf.DEFAULT_AUDIT_THRESHOLD``, chosen on labelled data), ``threshold``,
/// ``sentences`` (each with ``text``, ``span``, ``chars``, ``support``, ``evidence``: the
/// source sentences that back it, with byte spans into their source, and ``unsupported``:
/// names, numbers, dates, quotes, speakers, negations or content words no source backs) and
/// ``notes``.
///
/// Raises ``nutgraf.InputError`` for an empty summary or source, too many or too large inputs,
/// ``ValueError`` for a threshold outside 0..1, ``TypeError`` for wrong types.
#[pyfunction]
#[pyo3(signature = (summary, sources, *, threshold=None, max_bytes=None))]
#[pyo3(text_signature = "(summary, sources, *, threshold=None, max_bytes=67108864)")]
pub fn audit<'py>(
    py: Python<'py>,
    summary: &Bound<'py, PyAny>,
    sources: &Bound<'py, PyAny>,
    threshold: Option<&Bound<'py, PyAny>>,
    max_bytes: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut auditor = Auditor::new();
    if let Some(t) = threshold.filter(|t| !t.is_none()) {
        let t = args::number("threshold", t)? as f32;
        auditor = auditor.with_threshold(t).map_err(|e| PyValueError::new_err(e.to_string()))?;
    }
    let limit = max_bytes_arg(max_bytes, nutgraf_audit::DEFAULT_MAX_BYTES)?;
    let auditor = auditor.with_max_bytes(limit);
    let summary = args::text("summary", summary, limit)?;
    let named = source_texts(sources, limit)?;
    let json = many::guarded(py, || {
        let list: Vec<Source<'_>> = named.iter().map(|(id, t)| Source::new(id, t)).collect();
        auditor
            .audit(&list, &summary)
            .map(|a| render(&a, &summary, Format::Json))
            .map_err(|e| (e.is_input(), e.to_string()))
    })
    .map_err(PyRuntimeError::new_err)?;
    let json = match json {
        Ok(j) => j,
        Err((true, m)) => return Err(InputError::new_err(m)),
        Err((false, m)) => return Err(PyValueError::new_err(m)),
    };
    let value: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| PyRuntimeError::new_err(format!("internal error in nutgraf: {e}")))?;
    topy::to_py(py, &value)
}

/// The `(id, text)` pairs of the `sources` argument of `audit`.
pub fn source_texts(sources: &Bound<'_, PyAny>, limit: usize) -> PyResult<Vec<(String, String)>> {
    if sources.is_instance_of::<PyString>() {
        return Ok(vec![("source".to_string(), args::text("source", sources, limit)?)]);
    }
    if let Ok(d) = sources.cast::<PyDict>() {
        let mut out = Vec::with_capacity(d.len());
        for (k, v) in d.iter() {
            let id: String = k.extract().map_err(|_| {
                PyTypeError::new_err(format!("source ids (the dict's keys) must be str, not {}", type_name(&k)))
            })?;
            let what = format!("source {id:?}");
            out.push((id, args::text(&what, &v, limit)?));
        }
        return Ok(out);
    }
    let iter = sources.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "sources must be a str, a list of str or a dict of str, not {}",
            type_name(sources)
        ))
    })?;
    let mut out = Vec::new();
    for (i, v) in iter.enumerate() {
        out.push((i.to_string(), args::text(&format!("source {i}"), &v?, limit)?));
    }
    Ok(out)
}

/// ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum of ``candidate`` against ``reference``, identical
/// to Python's rouge-score 0.1.2 with ``use_stemmer=True``. ROUGE-Lsum sentences are the texts'
/// "\n"-separated lines.
///
/// Returns ``{"rouge1": {"precision", "recall", "fmeasure"}, "rouge2": ..., "rougeL": ...,
/// "rougeLsum": ...}``.
#[pyfunction]
#[pyo3(text_signature = "(reference, candidate)")]
pub fn rouge<'py>(
    py: Python<'py>,
    reference: &Bound<'py, PyAny>,
    candidate: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let limit = usize::MAX;
    let reference = args::text("reference", reference, limit)?;
    let candidate = args::text("candidate", candidate, limit)?;
    let scores = many::guarded(py, || nutgraf_rouge::score(&reference, &candidate)).map_err(PyRuntimeError::new_err)?;
    topy::to_py(py, &scores)
}

/// A `max_bytes` argument, or `default`.
pub fn max_bytes_arg(max_bytes: Option<&Bound<'_, PyAny>>, default: usize) -> PyResult<usize> {
    match max_bytes.filter(|m| !m.is_none()) {
        None => Ok(default),
        Some(m) => match args::count("max_bytes", m)? {
            0 => Err(PyValueError::new_err("--max-bytes must be at least 1")),
            n => Ok(n),
        },
    }
}
