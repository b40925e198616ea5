//! Batch input: records of a JSONL file or of a directory of `.txt` and `.html` files.
//!
//! The contract the CLI builds on: **every input line is one [`Record`]**, in order, whatever
//! is wrong with it. A line that is not JSON, lacks every content field or has empty text is
//! still a record, whose payload is the error, so that the output can hold exactly one line per
//! input line. Field names are configurable ([`Fields`]); when a line has several content
//! fields, `text` wins over `html`, and `html` over `url` (the url then only labels the page).

use std::collections::HashSet;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::{charset, Error};

/// The names of the JSONL fields to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fields {
    /// The record id (a string or number). Optional in the data.
    pub id: String,
    /// Article text.
    pub text: String,
    /// An HTML page.
    pub html: String,
    /// A page address to fetch.
    pub url: String,
}

impl Default for Fields {
    /// `id`, `text`, `html`, `url`.
    fn default() -> Self {
        Fields { id: "id".into(), text: "text".into(), html: "html".into(), url: "url".into() }
    }
}

/// What a record asks to summarize.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Payload {
    /// Article text.
    Text(String),
    /// An HTML page, with its address if the record gave one.
    Html {
        /// The page.
        html: String,
        /// Its address.
        url: Option<String>,
    },
    /// A page to fetch.
    Url(String),
    /// A file of a directory batch, not read yet (see [`Payload::load`]).
    File(PathBuf),
}

impl Payload {
    /// Reads a [`Payload::File`] into [`Payload::Text`] (`.txt` and other files) or
    /// [`Payload::Html`] (`.html`, `.htm`, `.xhtml`); other payloads are returned as they are.
    pub fn load(self, max_bytes: usize) -> Result<Payload, Error> {
        let Payload::File(path) = self else { return Ok(self) };
        let io = |source| Error::Io { path: path.display().to_string(), source };
        let size = std::fs::metadata(&path).map_err(io)?.len();
        if size > max_bytes as u64 {
            return Err(Error::Record(format!("{} is {size} bytes, over the {max_bytes}-byte limit", path.display())));
        }
        let bytes = std::fs::read(&path).map_err(io)?;
        if is_html_path(&path) {
            return Ok(Payload::Html { html: charset::decode(&bytes, None).0, url: None });
        }
        String::from_utf8(bytes).map(Payload::Text).map_err(|e| {
            Error::Record(format!(
                "{} is not valid UTF-8 (first bad byte at offset {})",
                path.display(),
                e.utf8_error().valid_up_to()
            ))
        })
    }
}

/// One input record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// 1-based line number (JSONL) or position in name order (directory).
    pub line: usize,
    /// The record id, if it has one (a directory record's id is its file name).
    pub id: Option<String>,
    /// What to summarize, or why the record cannot be used.
    pub payload: Result<Payload, String>,
}

impl Record {
    /// The key `--resume` matches on: the id, or `#line` for a record without one.
    pub fn key(&self) -> String {
        self.id.clone().unwrap_or_else(|| format!("#{}", self.line))
    }
}

/// Parses one JSONL line (`line` is its 1-based number).
pub fn parse_line(text: &str, line: usize, fields: &Fields) -> Record {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) if text.trim().is_empty() => {
            return Record { line, id: None, payload: Err(format!("blank line ({e})")) }
        }
        Err(e) => return Record { line, id: None, payload: Err(format!("malformed json: {e}")) },
    };
    let Some(obj) = value.as_object() else {
        return Record { line, id: None, payload: Err("not a json object".into()) };
    };
    let id = obj.get(&fields.id).and_then(|v| match v {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    });
    let string = |name: &str| obj.get(name).and_then(Value::as_str);
    let payload = if let Some(text) = string(&fields.text) {
        if text.trim().is_empty() {
            Err(format!("empty text in field {:?}", fields.text))
        } else {
            Ok(Payload::Text(text.to_string()))
        }
    } else if let Some(html) = string(&fields.html) {
        Ok(Payload::Html { html: html.to_string(), url: string(&fields.url).map(str::to_string) })
    } else if let Some(url) = string(&fields.url) {
        Ok(Payload::Url(url.trim().to_string()))
    } else {
        Err(format!("no string field {:?}, {:?} or {:?}", fields.text, fields.html, fields.url))
    };
    Record { line, id, payload }
}

/// Reads JSONL records from `input`: one record per line, lines that are not UTF-8 included.
pub fn read_jsonl<R: BufRead>(input: R, fields: Fields) -> impl Iterator<Item = Result<Record, Error>> {
    let mut input = input;
    let mut line = 0;
    std::iter::from_fn(move || {
        let mut buf = Vec::new();
        match input.read_until(b'\n', &mut buf) {
            Ok(0) => None,
            Ok(_) => {
                line += 1;
                let bytes = buf.strip_suffix(b"\n").unwrap_or(&buf);
                let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
                Some(Ok(match std::str::from_utf8(bytes) {
                    Ok(text) => parse_line(text, line, &fields),
                    Err(e) => {
                        Record { line, id: None, payload: Err(format!("not valid UTF-8 (byte {})", e.valid_up_to())) }
                    }
                }))
            }
            Err(source) => Some(Err(Error::Io { path: "input".into(), source })),
        }
    })
}

/// The records of a directory: its `.txt` and `.html`/`.htm` files (not subdirectories), in
/// name order, each with its file name as id.
pub fn read_dir(dir: &Path) -> Result<Vec<Record>, Error> {
    let io = |source| Error::Io { path: dir.display().to_string(), source };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && (is_html_path(p) || has_extension(p, &["txt", "text"])))
        .collect();
    files.sort();
    Ok(files
        .into_iter()
        .enumerate()
        .map(|(i, path)| Record {
            line: i + 1,
            id: path.file_name().map(|n| n.to_string_lossy().into_owned()),
            payload: Ok(Payload::File(path)),
        })
        .collect())
}

/// The keys ([`Record::key`]) of the records already in a batch output.
pub fn done_keys<R: BufRead>(output: R) -> HashSet<String> {
    output
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<Value>(&l).ok())
        .filter_map(|v| match (v.get("id"), v.get("line").and_then(Value::as_u64)) {
            (Some(Value::String(id)), _) => Some(id.clone()),
            (Some(Value::Number(n)), _) => Some(n.to_string()),
            (_, Some(line)) => Some(format!("#{line}")),
            _ => None,
        })
        .collect()
}

/// True for `.html`, `.htm` and `.xhtml` paths.
pub fn is_html_path(path: &Path) -> bool {
    has_extension(path, &["html", "htm", "xhtml"])
}

fn has_extension(path: &Path, exts: &[&str]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_record_per_line() {
        let input: &[u8] = b"{\"id\":\"a\",\"text\":\"Hello.\"}\nnot json\n{\"id\":7,\"text\":\"  \"}\n\n{\"html\":\"<p>x</p>\",\"url\":\"https://x.test/\"}\n{\"id\":\"u\",\"url\":\"https://x.test/u\"}\n{\"id\":\"n\"}\n[1]\n\xff\n";
        let got: Vec<Record> = read_jsonl(input, Fields::default()).map(Result::unwrap).collect();
        assert_eq!(got.len(), 9);
        assert_eq!(got[0].payload, Ok(Payload::Text("Hello.".into())));
        assert!(got[1].payload.as_ref().unwrap_err().starts_with("malformed json"));
        assert_eq!(
            (got[2].id.as_deref(), got[2].payload.clone()),
            (Some("7"), Err("empty text in field \"text\"".into()))
        );
        assert!(got[3].payload.as_ref().unwrap_err().starts_with("blank line"));
        assert_eq!(got[4].payload, Ok(Payload::Html { html: "<p>x</p>".into(), url: Some("https://x.test/".into()) }));
        assert_eq!(got[5].payload, Ok(Payload::Url("https://x.test/u".into())));
        assert!(got[6].payload.as_ref().unwrap_err().starts_with("no string field"));
        assert_eq!(got[7].payload, Err("not a json object".into()));
        assert!(got[8].payload.as_ref().unwrap_err().contains("UTF-8"));
        assert_eq!(got.iter().map(|r| r.line).collect::<Vec<_>>(), (1..=9).collect::<Vec<_>>());
        assert_eq!(got[4].key(), "#5");
    }

    #[test]
    fn custom_field_names() {
        let fields = Fields { id: "doc".into(), text: "body".into(), ..Fields::default() };
        let r = parse_line(r#"{"doc":"d1","body":"Text here."}"#, 1, &fields);
        assert_eq!((r.id.as_deref(), r.payload), (Some("d1"), Ok(Payload::Text("Text here.".into()))));
    }

    #[test]
    fn directory_records_and_resume_keys() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.html"), b"<p>caf\xe9</p>").unwrap();
        std::fs::write(dir.path().join("a.txt"), "Plain.").unwrap();
        std::fs::write(dir.path().join("skip.png"), "x").unwrap();
        let records = read_dir(dir.path()).unwrap();
        assert_eq!(records.iter().map(|r| r.id.clone().unwrap()).collect::<Vec<_>>(), vec!["a.txt", "b.html"]);
        let loaded: Vec<Payload> = records.into_iter().map(|r| r.payload.unwrap().load(1000).unwrap()).collect();
        assert_eq!(loaded[0], Payload::Text("Plain.".into()));
        assert_eq!(loaded[1], Payload::Html { html: "<p>caf\u{e9}</p>".into(), url: None });
        let out = "{\"id\":\"a\",\"line\":1,\"ok\":true}\n{\"id\":null,\"line\":2,\"ok\":false}\n{\"id\":3,\"line\":3}\npartial";
        let keys = done_keys(out.as_bytes());
        assert_eq!(keys, ["a", "#2", "3"].into_iter().map(String::from).collect());
    }
}
