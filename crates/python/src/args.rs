//! Python arguments to validated Rust values, with the CLI's messages.
//!
//! The rules, the same for every function of the module:
//! * a wrong *type* (a `str` for `sentences`, `None` or `bytes` for the text, a `bool` where a
//!   number is meant) raises `TypeError` and names the argument and the type given;
//! * a bad *value* of an option (`sentences=0`, `ratio=1.5`, `method="bogus"`, two budgets at
//!   once) raises `ValueError` with the CLI's message for the same flag;
//! * bad *text* (empty, over the size limit, NUL bytes, lone surrogates) raises
//!   `nutgraf.InputError` (a `ValueError`) with the library's message.
//!
//! Texts are copied into Rust `String`s while the interpreter is held, so that the work that
//! follows can release it. Sizes are checked on the character count first, so a 50 MB string
//! over the limit is refused before it is copied.

use nutgraf_summarize::{LangChoice, Length, Method, Options, Summarizer};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyFloat, PyInt, PyString};

use crate::InputError;

/// The Python type name of `obj`, for messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    if obj.is_none() {
        return "None".to_string();
    }
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".to_string())
}

/// Why a value given as text is not text, or `None` when it is a `str`.
fn not_text(what: &str, obj: &Bound<'_, PyAny>) -> Option<String> {
    if obj.is_instance_of::<PyString>() {
        return None;
    }
    let hint = if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
        ": decode it first, for example data.decode(\"utf-8\")"
    } else if obj.is_instance_of::<PyFloat>() {
        // pandas and Spark hand missing values over as NaN.
        " (a missing value?)"
    } else {
        ""
    };
    Some(format!("{what} must be a str, not {}{hint}", type_name(obj)))
}

/// Why a text cannot be used, as a message (`Err`), or the text as UTF-8.
///
/// Type errors and bad text both come back as messages here: [`text`] raises them, and the
/// batch functions turn them into per-item error objects.
pub fn text_or_message(what: &str, obj: &Bound<'_, PyAny>, max_bytes: usize) -> Result<String, Failure> {
    if let Some(msg) = not_text(what, obj) {
        return Err(Failure::Type(msg));
    }
    let s = obj.cast::<PyString>().map_err(|e| Failure::Type(e.to_string()))?;
    // UTF-8 takes at least one byte per character: a string with more characters than the
    // limit is over it, whatever its characters.
    let chars = s.len().unwrap_or(0);
    if chars > max_bytes {
        // An ASCII string's size is its length (`isascii` is a flag check in CPython).
        let ascii = s.call_method0("isascii").and_then(|b| b.extract::<bool>()).unwrap_or(false);
        let err = nutgraf_text::Error::TooLarge { size: chars, limit: max_bytes };
        let msg = if ascii { err.to_string() } else { err.to_string().replacen(" is ", " is at least ", 1) };
        return Err(Failure::Input(msg));
    }
    match s.to_cow() {
        Ok(cow) => Ok(cow.into_owned()),
        Err(e) => Err(Failure::Input(surrogate_message(what, s, e))),
    }
}

/// A message for a string Python cannot encode as UTF-8: it holds a lone surrogate.
fn surrogate_message(what: &str, s: &Bound<'_, PyString>, err: PyErr) -> String {
    let py = s.py();
    let start: Option<usize> = err.value(py).getattr("start").and_then(|v| v.extract()).ok();
    let at = match start {
        Some(i) => {
            let repr = s.get_item(i).and_then(|c| c.repr()).map(|r| r.to_string()).unwrap_or_default();
            format!(" {repr} at character {i}")
        }
        None => String::new(),
    };
    format!(
        "the {what} holds a lone surrogate{at}, which UTF-8 cannot encode (text decoded with \
         errors=\"surrogateescape\" or from broken UTF-16?): repair it first, for example \
         text.encode(\"utf-8\", \"replace\").decode(\"utf-8\")"
    )
}

/// Why an item could not be used.
#[derive(Debug)]
pub enum Failure {
    /// Not a `str` at all.
    Type(String),
    /// A `str` that cannot be summarized.
    Input(String),
}

impl Failure {
    /// The message.
    pub fn message(&self) -> &str {
        match self {
            Failure::Type(m) | Failure::Input(m) => m,
        }
    }

    /// The exception to raise for a single call: `TypeError` or `nutgraf.InputError`.
    pub fn into_err(self) -> PyErr {
        match self {
            Failure::Type(m) => PyTypeError::new_err(m),
            Failure::Input(m) => InputError::new_err(m),
        }
    }
}

/// The text argument of a single call, or the exception to raise.
pub fn text(what: &str, obj: &Bound<'_, PyAny>, max_bytes: usize) -> PyResult<String> {
    text_or_message(what, obj, max_bytes).map_err(Failure::into_err)
}

/// A positive count (`sentences`, `words`, `threads`, `max_bytes`): an `int` that is not a `bool`.
/// Zero and negative values come back as `Ok(0)`, for the caller's own message.
pub fn count(what: &str, obj: &Bound<'_, PyAny>) -> PyResult<usize> {
    if obj.is_instance_of::<PyBool>() || obj.is_instance_of::<PyFloat>() || obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!("{what} must be an int, not {}", type_name(obj))));
    }
    if !obj.is_instance_of::<PyInt>() && !obj.hasattr("__index__").unwrap_or(false) {
        return Err(PyTypeError::new_err(format!("{what} must be an int, not {}", type_name(obj))));
    }
    let v: i128 = obj.extract().map_err(|_| PyValueError::new_err(format!("{what} is too large")))?;
    if v <= 0 {
        return Ok(0);
    }
    usize::try_from(v).map_err(|_| PyValueError::new_err(format!("{what} is too large")))
}

/// A number (`ratio`, `threshold`): an `int` or `float` that is not a `bool`.
pub fn number(what: &str, obj: &Bound<'_, PyAny>) -> PyResult<f64> {
    if obj.is_instance_of::<PyBool>() || obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(format!("{what} must be a number, not {}", type_name(obj))));
    }
    obj.extract::<f64>().map_err(|_| PyTypeError::new_err(format!("{what} must be a number, not {}", type_name(obj))))
}

/// A flag (`keep_opinion`): a `bool`.
pub fn flag(what: &str, obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    if !obj.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!("{what} must be a bool, not {}", type_name(obj))));
    }
    obj.extract()
}

/// A name (`method`): a `str`.
pub fn name(what: &str, obj: &Bound<'_, PyAny>) -> PyResult<String> {
    if !obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!("{what} must be a str, not {}", type_name(obj))));
    }
    obj.extract()
}

/// The brief options of every summarize function, as Python gives them.
#[derive(Clone, Copy)]
pub struct BriefArgs<'a, 'py> {
    /// `sentences=`
    pub sentences: Option<&'a Bound<'py, PyAny>>,
    /// `words=`
    pub words: Option<&'a Bound<'py, PyAny>>,
    /// `ratio=`
    pub ratio: Option<&'a Bound<'py, PyAny>>,
    /// `method=`
    pub method: Option<&'a Bound<'py, PyAny>>,
    /// `keep_opinion=`
    pub keep_opinion: Option<&'a Bound<'py, PyAny>>,
    /// `max_bytes=`
    pub max_bytes: Option<&'a Bound<'py, PyAny>>,
    /// `lang=`
    pub lang: Option<&'a Bound<'py, PyAny>>,
}

/// A summarizer and its size limit.
pub struct Brief {
    /// The summarizer with the validated options.
    pub summarizer: Summarizer,
    /// The input size limit in bytes.
    pub max_bytes: usize,
}

impl BriefArgs<'_, '_> {
    /// Validates the options as `nutgraf summarize` validates its flags.
    pub fn build(self) -> PyResult<Brief> {
        let method = match self.method.filter(|m| !m.is_none()) {
            Some(m) => name("method", m)?.parse::<Method>().map_err(|e| PyValueError::new_err(e.to_string()))?,
            None => Method::default(),
        };
        fn given<'a, 'py>(o: Option<&'a Bound<'py, PyAny>>) -> Option<&'a Bound<'py, PyAny>> {
            o.filter(|v| !v.is_none())
        }
        let length = match (given(self.sentences), given(self.words), given(self.ratio)) {
            (Some(n), None, None) => Length::Sentences(count("sentences", n)?),
            (None, Some(n), None) => Length::Words(count("words", n)?),
            (None, None, Some(r)) => Length::Ratio(number("ratio", r)?),
            (None, None, None) => Length::Default,
            _ => return Err(PyValueError::new_err("give only one of --sentences, --words and --ratio")),
        };
        let length = length.validate().map_err(|e| PyValueError::new_err(e.to_string()))?;
        let keep_opinion = match given(self.keep_opinion) {
            Some(k) => flag("keep_opinion", k)?,
            None => false,
        };
        let max_bytes = match given(self.max_bytes) {
            Some(m) => match count("max_bytes", m)? {
                0 => return Err(PyValueError::new_err("--max-bytes must be at least 1")),
                n => n,
            },
            None => nutgraf_summarize::DEFAULT_MAX_BYTES,
        };
        // "auto" as `nutgraf summarize --lang` defaults to, so both give the same brief.
        let lang = match given(self.lang) {
            Some(l) => name("lang", l)?.parse::<LangChoice>().map_err(|e| PyValueError::new_err(e.to_string()))?,
            None => LangChoice::Auto,
        };
        let summarizer =
            Summarizer::new(Options { method, length, keep_opinion }).with_max_bytes(max_bytes).with_lang(lang);
        Ok(Brief { summarizer, max_bytes })
    }
}
