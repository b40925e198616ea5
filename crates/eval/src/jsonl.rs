/*!
Reading the evaluation data: one JSON object per line.

Evaluation files are large, hand-assembled and sometimes damaged by a bad copy or a stray
edit. One broken line should not throw away a run over hundreds of good ones, and it should not
vanish silently either, so this reader sorts problems into two kinds:

* A line that is not a JSON object (bad JSON, invalid UTF-8, an array, a row whose `dataset`
  is neither `cnndm` nor `xsum`) is *malformed*: it is skipped and recorded in
  [`Corpus::malformed`] with its 1-based line number.
* A JSON object that lacks `id`, `dataset`, `article` or `reference`, or has one of the wrong
  type, means the file is not evaluation data at all (or the schema changed): reading stops with
  [`Error::MissingField`] or [`Error::FieldType`], naming the line and the field.

Blank lines are ignored. Other fields (`url`, ...) are ignored. A numeric `id` is accepted and
kept as its decimal text.
*/

use std::io::BufRead;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::dataset::{Dataset, Selection};
use crate::Error;

/// One row of evaluation data.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// The row's identifier.
    pub id: String,
    /// Its dataset.
    pub dataset: Dataset,
    /// The article text.
    pub article: String,
    /// The gold reference summary.
    pub reference: String,
    /// 1-based line number in the file.
    pub line: usize,
}

/// A skipped line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Malformed {
    /// 1-based line number in the file.
    pub line: usize,
    /// What was wrong with it.
    pub message: String,
}

/// The rows read from a file, and the lines skipped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Corpus {
    /// Usable rows, in file order.
    pub articles: Vec<Article>,
    /// Skipped lines, in file order.
    pub malformed: Vec<Malformed>,
}

impl Corpus {
    /// The selected articles, in file order.
    pub fn select(&self, selection: Selection) -> Vec<&Article> {
        self.articles.iter().filter(|a| selection.includes(a.dataset)).collect()
    }

    /// The selected articles, or [`Error::NoArticles`] saying why there are none.
    pub fn select_some(&self, selection: Selection) -> Result<Vec<&Article>, Error> {
        let chosen = self.select(selection);
        if !chosen.is_empty() {
            return Ok(chosen);
        }
        let skipped = self.malformed.len();
        Err(Error::NoArticles(match self.articles.len() {
            0 => format!("the data has no usable rows ({skipped} malformed line(s) skipped)"),
            n => format!("none of the {n} usable rows is in dataset {selection}"),
        }))
    }
}

/// Reads the JSONL file at `path`.
pub fn read_path(path: &Path) -> Result<Corpus, Error> {
    let io = |error| Error::Io { path: path.to_path_buf(), error };
    if path.is_dir() {
        let source = std::io::Error::other("is a directory: give a .jsonl file");
        return Err(io(source));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    read_jsonl(std::io::BufReader::new(file)).map_err(|e| match e {
        Error::Io { error, .. } => io(error),
        e => e,
    })
}

/// Reads JSONL from `reader`.
pub fn read_jsonl(mut reader: impl BufRead) -> Result<Corpus, Error> {
    let mut corpus = Corpus::default();
    let mut buf = Vec::new();
    for line in 1.. {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).map_err(|error| Error::Io { path: "input".into(), error })?;
        if n == 0 {
            break;
        }
        let mut skip = |message: String| corpus.malformed.push(Malformed { line, message });
        let Ok(text) = std::str::from_utf8(&buf) else {
            skip("not valid UTF-8".into());
            continue;
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let object = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(o)) => o,
            Ok(other) => {
                skip(format!("expected a JSON object, found {}", kind(&other)));
                continue;
            }
            Err(e) => {
                skip(format!("invalid JSON: {e}"));
                continue;
            }
        };
        let id = match object.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(_) => return Err(Error::FieldType { line, field: "id", expected: "a string or a number" }),
            None => return Err(Error::MissingField { line, field: "id" }),
        };
        let dataset = string_field(&object, line, "dataset")?;
        let article = string_field(&object, line, "article")?;
        let reference = string_field(&object, line, "reference")?;
        match dataset.parse() {
            Ok(dataset) => corpus.articles.push(Article { id, dataset, article, reference, line }),
            Err(_) => skip(format!("unknown dataset {dataset:?} (expected cnndm or xsum)")),
        }
    }
    Ok(corpus)
}

fn string_field(object: &Map<String, Value>, line: usize, field: &'static str) -> Result<String, Error> {
    match object.get(field) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(Error::FieldType { line, field, expected: "a string" }),
        None => Err(Error::MissingField { line, field }),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, dataset: &str) -> String {
        format!(r#"{{"id": "{id}", "dataset": "{dataset}", "article": "A b. C d.", "reference": "A b.", "url": "x"}}"#)
    }

    #[test]
    fn malformed_lines_are_counted_with_line_numbers() {
        let lines = [
            row("a", "cnndm"),
            "{\"id\": \"b\", \"dataset\": ".into(),
            String::new(),
            "[1, 2]".into(),
            row("c", "XSUM"),
            row("d", "reddit"),
            row("e", "xsum"),
        ];
        let mut data = lines.join("\n").into_bytes();
        data.extend_from_slice(b"\n\xff\xfe\n");
        let corpus = read_jsonl(&data[..]).unwrap();
        let ids: Vec<(&str, usize)> = corpus.articles.iter().map(|a| (a.id.as_str(), a.line)).collect();
        assert_eq!(ids, [("a", 1), ("c", 5), ("e", 7)]);
        assert_eq!(corpus.articles[1].dataset, Dataset::Xsum);
        let skipped: Vec<usize> = corpus.malformed.iter().map(|m| m.line).collect();
        assert_eq!(skipped, [2, 4, 6, 8]);
        let messages: Vec<&str> = corpus.malformed.iter().map(|m| m.message.as_str()).collect();
        assert!(messages[0].starts_with("invalid JSON: EOF"), "{messages:?}");
        assert_eq!(messages[1], "expected a JSON object, found an array");
        assert_eq!(messages[2], "unknown dataset \"reddit\" (expected cnndm or xsum)");
        assert_eq!(messages[3], "not valid UTF-8");
        assert_eq!(corpus.select(Selection::Only(Dataset::Xsum)).len(), 2);
    }

    #[test]
    fn missing_or_mistyped_fields_are_errors_naming_line_and_field() {
        let cases = vec![
            (r#"{"dataset": "cnndm", "article": "a", "reference": "r"}"#, "line 2: missing required field \"id\""),
            (r#"{"id": "x", "article": "a", "reference": "r"}"#, "line 2: missing required field \"dataset\""),
            (r#"{"id": 7, "dataset": "xsum", "reference": "r"}"#, "line 2: missing required field \"article\""),
            (r#"{"id": "x", "dataset": "xsum", "article": "a"}"#, "line 2: missing required field \"reference\""),
            (
                r#"{"id": "x", "dataset": "xsum", "article": 3, "reference": "r"}"#,
                "line 2: field \"article\" must be a string",
            ),
            (r#"{"id": null, "dataset": "xsum", "article": "a", "reference": "r"}"#, "line 2: field \"id\" must be"),
        ];
        for (bad, expected) in cases {
            let data = format!("{}\n{bad}\n{}", row("ok", "cnndm"), row("never", "xsum"));
            let err = read_jsonl(data.as_bytes()).unwrap_err().to_string();
            assert!(err.starts_with(expected), "{bad}: {err}");
        }
        let numeric = r#"{"id": 7, "dataset": "xsum", "article": "a", "reference": "r"}"#;
        assert_eq!(read_jsonl(numeric.as_bytes()).unwrap().articles[0].id, "7");
    }

    #[test]
    fn missing_file_names_the_path() {
        let err = read_path(Path::new("/nonexistent/news.jsonl")).unwrap_err();
        assert!(err.is_input());
        assert_eq!(err.to_string(), "cannot read /nonexistent/news.jsonl: no such file or directory");
    }
}
