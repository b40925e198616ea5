//! `roundup`: one neutral, cited brief of several outlets' articles on one story, as the
//! structure of `nutgraf roundup --format json` (docs/roundup-schema.md).

use std::sync::OnceLock;

use nutgraf_roundup::render::JsonRoundup;
use nutgraf_roundup::{Article, Length, Options, Roundup};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::args::{self, type_name};
use crate::others::max_bytes_arg;
use crate::{many, topy, InputError};

/// One neutral brief of several outlets' articles on one story: the structure of
/// ``nutgraf roundup --format json``.
///
/// ``articles`` is a list whose items are a str (the article text) or a dict with ``text`` and
/// optionally ``title``, ``name`` (the outlet, used in "According to <name>," lead-ins; else
/// "source N"), ``date`` and ``url``; or a dict of name -> text. Give at most one of
/// ``sentences`` (default 5, one per fact) and ``words``.
///
/// Returns a dict: ``headline``, ``single_source``, ``sentences`` (each verbatim from its
/// ``source``, a 1-based id, with its byte ``span`` in that source's text, every source that
/// reports the same fact in ``sources``, a ``lead_in`` for a claim only one source makes, and the
/// ``speaker``), ``conflicts`` (sources that give different numbers or dates for one fact),
/// ``sources`` (each with ``skipped`` when it could not be used) and ``words``.
///
/// Raises ``ValueError`` for bad options, ``TypeError`` for wrong types and
/// ``nutgraf.InputError`` when no source can be used.
#[pyfunction]
#[pyo3(signature = (articles, *, sentences=None, words=None, keep_opinion=None, max_bytes=None))]
#[pyo3(text_signature = "(articles, *, sentences=None, words=None, keep_opinion=False, max_bytes=16777216)")]
pub fn roundup<'py>(
    py: Python<'py>,
    articles: &Bound<'py, PyAny>,
    sentences: Option<&Bound<'py, PyAny>>,
    words: Option<&Bound<'py, PyAny>>,
    keep_opinion: Option<&Bound<'py, PyAny>>,
    max_bytes: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let given = |o: Option<&Bound<'py, PyAny>>| o.filter(|v| !v.is_none()).cloned();
    let length = match (given(sentences), given(words)) {
        (Some(n), None) => Length::Sentences(args::count("sentences", &n)?),
        (None, Some(n)) => Length::Words(args::count("words", &n)?),
        (None, None) => Length::Sentences(5),
        _ => return Err(PyValueError::new_err("give only one of --sentences and --words")),
    };
    if matches!(length, Length::Sentences(0) | Length::Words(0)) {
        return Err(PyValueError::new_err("--sentences and --words must be at least 1"));
    }
    let neutral = match given(keep_opinion) {
        Some(k) => !args::flag("keep_opinion", &k)?,
        None => true,
    };
    let max_bytes = max_bytes_arg(max_bytes, nutgraf_roundup::DEFAULT_MAX_BYTES)?;
    let list = read_articles(articles, max_bytes)?;
    let roundup = Roundup::new(Options { length, neutral, max_bytes });
    let slot = OnceLock::new();
    let json = many::guarded(py, || match slot.get_or_init(|| roundup.run(&list)) {
        Ok(brief) => Ok(JsonRoundup::new(brief)),
        Err(e) => Err((e.is_input(), e.to_string())),
    })
    .map_err(PyRuntimeError::new_err)?;
    match json {
        Ok(j) => topy::to_py(py, &j),
        Err((true, m)) => Err(InputError::new_err(m)),
        Err((false, m)) => Err(PyValueError::new_err(m)),
    }
}

/// The `articles` argument as library articles.
fn read_articles(articles: &Bound<'_, PyAny>, max_bytes: usize) -> PyResult<Vec<Article>> {
    let mut out = Vec::new();
    if articles.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("articles must be a list of articles, not one str: wrap it in a list"));
    }
    if let Ok(d) = articles.cast::<PyDict>() {
        for (k, v) in d.iter() {
            let name: String = k
                .extract()
                .map_err(|_| PyTypeError::new_err(format!("article names must be str, not {}", type_name(&k))))?;
            let text = args::text(&format!("article {name:?}"), &v, max_bytes)?;
            out.push(Article::new(text).with_name(name));
        }
        return Ok(out);
    }
    let iter = articles.try_iter().map_err(|_| {
        PyTypeError::new_err(format!("articles must be a list of str or dict, not {}", type_name(articles)))
    })?;
    for (i, item) in iter.enumerate() {
        let item = item?;
        let Ok(d) = item.cast::<PyDict>() else {
            out.push(Article::new(args::text(&format!("article {i}"), &item, max_bytes)?));
            continue;
        };
        let text = d.get_item("text")?.ok_or_else(|| PyValueError::new_err(format!("article {i} has no \"text\"")))?;
        let mut a = Article::new(args::text(&format!("article {i} text"), &text, max_bytes)?);
        let field = |key: &str| -> PyResult<Option<String>> {
            match d.get_item(key)? {
                None => Ok(None),
                Some(v) if v.is_none() => Ok(None),
                Some(v) => args::name(&format!("article {i} {key}"), &v).map(Some),
            }
        };
        a.title = field("title")?;
        a.name = field("name")?.or(field("id")?);
        a.date = field("date")?;
        a.url = field("url")?;
        out.push(a);
    }
    Ok(out)
}
