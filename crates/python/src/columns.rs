//! Briefs of a column of texts, as Arrow buffers: the core of the Spark UDFs (`nutgraf.spark`).
//!
//! Why buffers: a Spark UDF that returns one dict per row spends more time turning those dicts
//! into Arrow than nutgraf spends on the briefs. Here every output column comes back as the
//! raw buffers of an Arrow array (little-endian `int32` offsets and values, UTF-8 data), which
//! `nutgraf/spark.py` wraps with `pyarrow.Array.from_buffers` without touching each value.
//!
//! The layout, for `n` input rows (the schema is in `nutgraf/spark.py`):
//! * `errors`: a list of `n` messages, `None` for rows that have a brief;
//! * `rows`: `n + 1` offsets into the chosen sentences; `dropped_rows`: the same into the
//!   left-out ones (a row with an error has none of either);
//! * `text`, `role`, `dropped_text`, `dropped_reason`: string columns (`offsets`, `data`);
//! * `chars`, `bytes`, `dropped_chars`: `[start, end)` pairs flattened (`2 * m` values);
//!   `dropped_index`: sentence numbers;
//! * `json` (with `json=True`): per row, the brief exactly as `nutgraf batch` writes it;
//! * `ids` (with `text_field`): the record ids, when the items are raw JSONL lines that
//!   `record` reads as `nutgraf batch` does.

use nutgraf_summarize::render::JsonBrief;
use nutgraf_text::CharOffsets;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};

use crate::args::{self, BriefArgs};
use crate::brief::threads_arg;
use crate::{many, record};

/// An Arrow string column being built.
#[derive(Default)]
struct Strings {
    offsets: Vec<i32>,
    data: Vec<u8>,
}

impl Strings {
    fn push(&mut self, s: &str) {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        self.data.extend_from_slice(s.as_bytes());
        self.offsets.push(i32::try_from(self.data.len()).unwrap_or(i32::MAX));
    }

    fn too_large(&self) -> bool {
        self.data.len() >= i32::MAX as usize
    }

    fn to_py<'py>(&self, py: Python<'py>) -> (Bound<'py, PyBytes>, Bound<'py, PyBytes>) {
        let offsets = if self.offsets.is_empty() { &[0][..] } else { &self.offsets[..] };
        (ints(py, offsets), PyBytes::new(py, &self.data))
    }
}

fn ints<'py>(py: Python<'py>, v: &[i32]) -> Bound<'py, PyBytes> {
    let mut b = Vec::with_capacity(v.len() * 4);
    for x in v {
        b.extend_from_slice(&x.to_le_bytes());
    }
    PyBytes::new(py, &b)
}

/// A left-out sentence: index, byte range, char range, reason.
type Dropped = (usize, (usize, usize), [usize; 2], String);

/// One row's brief, flattened without the GIL.
#[derive(Default)]
struct Row {
    text: Vec<(usize, usize)>,
    role: Vec<String>,
    chars: Vec<[usize; 2]>,
    bytes: Vec<[usize; 2]>,
    dropped: Vec<Dropped>,
    json: Option<String>,
}

/// The JSON name of a unit variant (a role, a reason), as the CLI writes it.
fn variant_name<T: serde::Serialize>(v: T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn brief_row(s: &nutgraf_summarize::Summarizer, text: &str, json: bool) -> Result<Row, String> {
    let brief = s.summarize(text).map_err(|e| e.to_string())?;
    let mut row = Row::default();
    let mut conv = CharOffsets::new(text);
    for sel in &brief.sentences {
        row.text.push((sel.span.start, sel.span.end));
        row.role.push(variant_name(sel.role));
        row.chars.push(conv.span(sel.span));
        row.bytes.push([sel.span.start, sel.span.end]);
    }
    let mut conv = CharOffsets::new(text);
    for o in &brief.omitted {
        row.dropped.push((o.index, (o.span.start, o.span.end), conv.span(o.span), variant_name(o.reason)));
    }
    if json {
        let j =
            serde_json::to_string(&JsonBrief::new(&brief)).map_err(|e| format!("internal error in nutgraf: {e}"))?;
        row.json = Some(j);
    }
    Ok(row)
}

/// Internal: the briefs of ``texts`` as Arrow buffers, for ``nutgraf.spark``. Use
/// ``nutgraf.spark.summarize`` or ``nutgraf.summarize_many`` instead.
#[pyfunction]
#[pyo3(signature = (texts, threads=None, *, sentences=None, words=None, ratio=None, method=None, keep_opinion=None, max_bytes=None, lang=None, json=false, text_field=None, id_field=None))]
#[pyo3(
    text_signature = "(texts, threads=1, *, sentences=None, words=None, ratio=None, method='nutgraf', keep_opinion=False, max_bytes=16777216, lang='auto', json=False)"
)]
#[allow(clippy::too_many_arguments)]
pub fn brief_columns<'py>(
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
    json: bool,
    text_field: Option<String>,
    id_field: Option<String>,
) -> PyResult<Bound<'py, PyDict>> {
    let opts = BriefArgs { sentences, words, ratio, method, keep_opinion, max_bytes, lang }.build()?;
    let threads = threads_arg(threads)?.or(Some(1));
    let items: Vec<Bound<'py, PyAny>> = texts.try_iter()?.collect::<PyResult<_>>()?;
    let n = items.len();
    let mut rows: Vec<Option<Result<Row, String>>> = (0..n).map(|_| None).collect();
    let mut jobs = Vec::with_capacity(n);
    let fields = text_field.map(|text| record::Fields { text, id: id_field.unwrap_or_else(|| "id".to_string()) });
    let mut ids: Vec<Option<String>> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(fields) = &fields else {
            match args::text_or_message("text", item, opts.max_bytes) {
                Ok(t) => jobs.push((i, t)),
                Err(f) => rows[i] = Some(Err(f.message().to_string())),
            }
            continue;
        };
        // A JSONL line: the size limit applies to the article, as in `nutgraf batch`.
        let parsed = args::text_or_message("line", item, usize::MAX).map(|line| record::parse(&line, fields));
        match parsed {
            Ok(record::Record { id, text }) => {
                ids.push(id);
                match text {
                    Ok(t) => jobs.push((i, t)),
                    Err(m) => rows[i] = Some(Err(m)),
                }
            }
            Err(f) => {
                ids.push(None);
                rows[i] = Some(Err(f.message().to_string()));
            }
        }
    }
    let s = &opts.summarizer;
    many::run(
        py,
        &jobs,
        threads,
        |_, text| brief_row(s, text, json),
        |i, r| {
            rows[i] = Some(r.and_then(|row| row));
            Ok(())
        },
    )?;
    // Lay the rows out as columns.
    let (mut row_off, mut drop_off) = (vec![0i32], vec![0i32]);
    let (mut text, mut role, mut dtext, mut dreason, mut jsons) =
        (Strings::default(), Strings::default(), Strings::default(), Strings::default(), Vec::with_capacity(n));
    let (mut chars, mut bytes, mut dchars, mut dindex) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut errors = Vec::with_capacity(n);
    // Rows with a brief are jobs, in the same order: walk both together.
    let mut job = 0;
    let small =
        |v: usize| i32::try_from(v).map_err(|_| PyValueError::new_err("an offset is over 2^31: give smaller batches"));
    for (i, r) in rows.iter().enumerate() {
        match r {
            Some(Ok(row)) => {
                while jobs[job].0 < i {
                    job += 1;
                }
                let input = jobs[job].1.as_str();
                for (k, &(a, b)) in row.text.iter().enumerate() {
                    text.push(&input[a..b]);
                    role.push(&row.role[k]);
                    chars.extend([small(row.chars[k][0])?, small(row.chars[k][1])?]);
                    bytes.extend([small(row.bytes[k][0])?, small(row.bytes[k][1])?]);
                }
                for (index, (a, b), c, reason) in &row.dropped {
                    let (index, a, b) = (*index, *a, *b);
                    dindex.push(small(index)?);
                    dtext.push(&input[a..b]);
                    dchars.extend([small(c[0])?, small(c[1])?]);
                    dreason.push(reason);
                }
                errors.push(None);
                jsons.push(row.json.as_deref().map(|j| j.to_string()));
            }
            Some(Err(e)) => {
                errors.push(Some(e.clone()));
                jsons.push(None);
            }
            None => {
                errors.push(Some("internal error in nutgraf: no result for this row".to_string()));
                jsons.push(None);
            }
        }
        row_off.push(small(text.offsets.len().saturating_sub(1))?);
        drop_off.push(small(dindex.len())?);
        if text.too_large() || dtext.too_large() {
            return Err(PyRuntimeError::new_err("a batch of briefs is over 2 GiB of text: give smaller batches"));
        }
    }
    let out = PyDict::new(py);
    out.set_item("n", n)?;
    out.set_item("errors", PyList::new(py, errors)?)?;
    out.set_item("rows", ints(py, &row_off))?;
    out.set_item("text", text.to_py(py))?;
    out.set_item("role", role.to_py(py))?;
    out.set_item("chars", ints(py, &chars))?;
    out.set_item("bytes", ints(py, &bytes))?;
    out.set_item("dropped_rows", ints(py, &drop_off))?;
    out.set_item("dropped_index", ints(py, &dindex))?;
    out.set_item("dropped_text", dtext.to_py(py))?;
    out.set_item("dropped_chars", ints(py, &dchars))?;
    out.set_item("dropped_reason", dreason.to_py(py))?;
    if json {
        out.set_item("json", PyList::new(py, jsons)?)?;
    }
    if fields.is_some() {
        out.set_item("ids", PyList::new(py, ids)?)?;
    }
    Ok(out)
}
