//! `summarize` and `summarize_many`: briefs as the CLI's JSON structure, in dicts and lists.
//!
//! The brief of an item is made, and its JSON view (`JsonBrief`, the very struct the CLI
//! serializes) built, without the GIL; only the conversion to Python objects holds it. The brief
//! is kept in a slot the caller owns (`OnceLock`), so the worker can hand back its JSON view,
//! which borrows the brief.

use std::sync::OnceLock;

use nutgraf_summarize::render::JsonBrief;
use nutgraf_summarize::{Brief, Summarizer};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::args::{self, BriefArgs};
use crate::{many, topy, InputError};

/// The results of a batch, in input order, as they are filled in.
pub type Slots<'py> = Vec<Option<Bound<'py, PyAny>>>;

/// An item's failure: `(is_input, message)`.
type Failed = (bool, String);

/// Makes the brief of `text` into `slot` and returns its JSON view.
fn brief_in<'a>(
    s: &Summarizer,
    text: &'a str,
    slot: &'a OnceLock<Result<Brief<'a>, nutgraf_summarize::Error>>,
) -> Result<JsonBrief<'a>, Failed> {
    match slot.get_or_init(|| s.summarize(text)) {
        Ok(brief) => Ok(JsonBrief::new(brief)),
        Err(e) => Err((e.is_input(), e.to_string())),
    }
}

fn failed_err(f: Failed) -> PyErr {
    match f {
        (true, m) => InputError::new_err(m),
        (false, m) => PyValueError::new_err(m),
    }
}

/// The brief of one article: the same structure as ``nutgraf summarize --format json``.
///
/// Give at most one length budget: ``sentences`` (exactly N, fewer if the article has fewer
/// eligible ones), ``words`` (a budget never exceeded; sentences are never cut) or ``ratio``
/// (this share of the article's words, 0 < ratio <= 1). With none, about a quarter of the
/// article's words. ``method`` is "nutgraf" (default), "lead", "textrank" or "lexrank";
/// ``keep_opinion=True`` keeps unattributed opinion. ``max_bytes`` caps the UTF-8 size of the
/// text (16 MiB by default). ``lang`` is "auto" (detect the language, as ``nutgraf summarize``
/// does by default) or a code such as "en", "es", "fr"; the brief's ``language`` says which was
/// used and, when detection fell back to the language-neutral path, why (``warning``).
///
/// Returns a dict: ``method``; ``language``; ``sentences`` (chosen, in source order: ``index``, ``text``,
/// ``span``, ``chars``, ``paragraph``, ``score``, ``role``, ``brought_for``); ``omitted``
/// (every other sentence with its ``reason``: opinion, boilerplate, redundant, dependent or
/// budget); ``loaded_words``; ``stats``; and, where the library provides them, ``quotes`` and
/// ``timeline``. Offsets: ``span`` is [start, end) in UTF-8 bytes of ``text``
/// (``text.encode()[a:b]``), ``chars`` the same range in characters (``text[a:b]``).
///
/// Raises ``ValueError`` for bad option values, ``TypeError`` for wrong types (``text`` must
/// be a str), and ``nutgraf.InputError`` for text that cannot be summarized (empty, over
/// ``max_bytes``, NUL bytes, lone surrogates, nothing eligible). The GIL is released while
/// the brief is made.
#[pyfunction]
#[pyo3(signature = (text, *, sentences=None, words=None, ratio=None, method=None, keep_opinion=None, max_bytes=None, lang=None))]
#[pyo3(
    text_signature = "(text, *, sentences=None, words=None, ratio=None, method='nutgraf', keep_opinion=False, max_bytes=16777216, lang='auto')"
)]
#[allow(clippy::too_many_arguments)]
pub fn summarize<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    sentences: Option<&Bound<'py, PyAny>>,
    words: Option<&Bound<'py, PyAny>>,
    ratio: Option<&Bound<'py, PyAny>>,
    method: Option<&Bound<'py, PyAny>>,
    keep_opinion: Option<&Bound<'py, PyAny>>,
    max_bytes: Option<&Bound<'py, PyAny>>,
    lang: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = BriefArgs { sentences, words, ratio, method, keep_opinion, max_bytes, lang }.build()?;
    let text = args::text("text", text, opts.max_bytes)?;
    let slot = OnceLock::new();
    let json = many::guarded(py, || brief_in(&opts.summarizer, &text, &slot))
        .map_err(pyo3::exceptions::PyRuntimeError::new_err)?
        .map_err(failed_err)?;
    topy::to_py(py, &json)
}

/// The briefs of many articles, made in parallel in Rust with the GIL released.
///
/// ``texts`` is any iterable of str (a list, a tuple, a pandas Series). ``threads`` is the
/// number of worker threads (default: one per core). The options are those of
/// ``summarize``, for every item.
///
/// Returns a list in input order with, for each item, the brief dict ``summarize`` returns or,
/// when that item cannot be summarized, an exception *instance* (not raised):
/// ``nutgraf.InputError`` for text that cannot be used, ``TypeError`` for an item that is not
/// a str (None, NaN, bytes), ``RuntimeError`` for an internal error. One bad item never fails
/// the batch: test ``isinstance(r, Exception)``. Bad options raise ``ValueError`` or
/// ``TypeError`` at once, before any work.
#[pyfunction]
#[pyo3(signature = (texts, threads=None, *, sentences=None, words=None, ratio=None, method=None, keep_opinion=None, max_bytes=None, lang=None))]
#[pyo3(
    text_signature = "(texts, threads=None, *, sentences=None, words=None, ratio=None, method='nutgraf', keep_opinion=False, max_bytes=16777216, lang='auto')"
)]
#[allow(clippy::too_many_arguments)]
pub fn summarize_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<&Bound<'py, PyAny>>,
    sentences: Option<&Bound<'py, PyAny>>,
    words: Option<&Bound<'py, PyAny>>,
    ratio: Option<&Bound<'py, PyAny>>,
    method: Option<&Bound<'py, PyAny>>,
    keep_opinion: Option<&Bound<'py, PyAny>>,
    max_bytes: Option<&Bound<'py, PyAny>>,
    lang: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let opts = BriefArgs { sentences, words, ratio, method, keep_opinion, max_bytes, lang }.build()?;
    let threads = threads_arg(threads)?;
    let (jobs, mut out) = read_items(py, texts, opts.max_bytes)?;
    let slots: Vec<OnceLock<_>> = (0..out.len()).map(|_| OnceLock::new()).collect();
    let summarizer = &opts.summarizer;
    // The briefs are acyclic dicts and lists that all stay alive: collecting garbage among
    // them while they are built only costs time (a third of the conversion on large batches).
    let _gc = many::GcPause::new(py)?;
    many::run(
        py,
        &jobs,
        threads,
        |i, text: &String| brief_in(summarizer, text, &slots[i]),
        |i, r| {
            let obj = match r {
                Ok(Ok(json)) => topy::to_py(py, &json)?,
                Ok(Err(f)) => failed_err(f).into_value(py).into_bound(py).into_any(),
                Err(panic) => pyo3::exceptions::PyRuntimeError::new_err(panic).into_value(py).into_bound(py).into_any(),
            };
            out[i] = Some(obj);
            Ok(())
        },
    )?;
    let none = py.None().into_bound(py);
    PyList::new(py, out.into_iter().map(|o| o.unwrap_or_else(|| none.clone())))
}

/// The `threads` argument: `None` or an int of at least 1.
pub fn threads_arg(threads: Option<&Bound<'_, PyAny>>) -> PyResult<Option<usize>> {
    match threads.filter(|t| !t.is_none()) {
        None => Ok(None),
        Some(t) => match args::count("threads", t)? {
            0 => Err(PyValueError::new_err("threads must be at least 1 (or None for one per core)")),
            n => Ok(Some(n)),
        },
    }
}

/// The items of `texts`: the jobs `(index, text)` of the usable ones, and a result list with
/// the error objects of the others already in place.
pub fn read_items<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    max_bytes: usize,
) -> PyResult<(Vec<(usize, String)>, Slots<'py>)> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("texts must be an iterable of str, not one str: wrap it in a list"));
    }
    let iter = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!("texts must be an iterable of str, not {}", args::type_name(texts)))
    })?;
    let (mut jobs, mut out) = (Vec::new(), Vec::new());
    for (i, item) in iter.enumerate() {
        match args::text_or_message("text", &item?, max_bytes) {
            Ok(t) => {
                jobs.push((i, t));
                out.push(None);
            }
            Err(f) => out.push(Some(f.into_err().into_value(py).into_bound(py).into_any())),
        }
    }
    Ok((jobs, out))
}
