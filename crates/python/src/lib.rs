/*!
Python bindings of nutgraf: `import nutgraf`.

# Why this crate exists

Data teams who monitor news work in Python and, past one machine, in Spark. This crate is the
extension module `nutgraf._nutgraf` behind the `nutgraf` package (`python/nutgraf`): the same
library the CLI calls, so a brief from Python is the CLI's brief, span for span. Every function
returns plain dicts and lists, the structure of the CLI's JSON (docs/json-schema.md), built
directly from the same serde structs (`topy`).

The module is one file per concern: `args` (Python values to validated options, with the CLI's
messages), `topy` (serde to Python objects), `many` (parallel batches with the GIL released),
`brief` (summarize and summarize_many), `others` (extract, audit, rouge), `roundup`, `columns` (the
column-wise form the Spark UDFs use) and `record` (JSONL lines as `nutgraf batch` reads them).

# Contract

* Spans: `span` is `[start, end)` in UTF-8 **bytes** of the text as given, as in the CLI's
  JSON; `chars` is the same range in **characters** (code points), so `text[c0:c1]` in Python.
* No panic crosses into Python: every call into the library runs under `catch_unwind`, and a
  panic becomes a `RuntimeError` (or, in a batch, that item's error object).
* Errors: `ValueError` for bad option values, `TypeError` for wrong types, `nutgraf.InputError`
  (a `ValueError`) for text that cannot be used; messages are the CLI's.
*/

mod args;
mod bench;
mod brief;
mod columns;
mod many;
mod others;
mod record;
mod roundup;
mod topy;

use pyo3::prelude::*;

pyo3::create_exception!(
    nutgraf,
    InputError,
    pyo3::exceptions::PyValueError,
    "The text cannot be used: empty, only whitespace, over the size limit, NUL bytes, lone \
     surrogates, or nothing left to summarize. The message says which, and what to do."
);

/// The native core of the `nutgraf` package. Import `nutgraf`, not this module.
#[pymodule]
fn _nutgraf(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("InputError", m.py().get_type::<InputError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_MAX_BYTES", nutgraf_summarize::DEFAULT_MAX_BYTES)?;
    // The f32 as the decimal it is written as (0.68, not 0.6800000071525879).
    let threshold: f64 = nutgraf_audit::DEFAULT_THRESHOLD.to_string().parse().unwrap_or(0.0);
    m.add("DEFAULT_AUDIT_THRESHOLD", threshold)?;
    m.add_function(wrap_pyfunction!(brief::summarize, m)?)?;
    m.add_function(wrap_pyfunction!(brief::summarize_many, m)?)?;
    m.add_function(wrap_pyfunction!(others::extract, m)?)?;
    m.add_function(wrap_pyfunction!(others::audit, m)?)?;
    m.add_function(wrap_pyfunction!(others::rouge, m)?)?;
    m.add_function(wrap_pyfunction!(roundup::roundup, m)?)?;
    m.add_function(wrap_pyfunction!(columns::brief_columns, m)?)?;
    m.add_function(wrap_pyfunction!(bench::rust_seconds, m)?)?;
    Ok(())
}
