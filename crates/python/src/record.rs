//! Raw JSONL lines as `nutgraf batch` reads them: the record id and the article text, or the
//! CLI's message for a line it cannot use.
//!
//! Why here and not `nutgraf_ingest::batch::parse_line`: the ingest crate brings an HTTP client
//! and an HTML extractor that the wheel does not need. This is the same rule for text records,
//! with the same messages (`crates/ingest/src/batch.rs`, which the parity tests hold this to):
//! a line that is not JSON, not an object, has no string text field or an empty one is an
//! error record. HTML and URL records, which the CLI extracts or fetches, are errors here.

use serde_json::Value;

/// The field names of a record.
pub struct Fields {
    /// The id field.
    pub id: String,
    /// The article text field.
    pub text: String,
}

/// A parsed line: its id, and its text or why there is none.
pub struct Record {
    /// The id: a string as is, another JSON value as JSON text, null or absent as `None`.
    pub id: Option<String>,
    /// The article text, or the error message of the record.
    pub text: Result<String, String>,
}

/// Parses one JSONL line.
pub fn parse(line: &str, fields: &Fields) -> Record {
    let value: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) if line.trim().is_empty() => return Record { id: None, text: Err(format!("blank line ({e})")) },
        Err(e) => return Record { id: None, text: Err(format!("malformed json: {e}")) },
    };
    let Some(obj) = value.as_object() else {
        return Record { id: None, text: Err("not a json object".into()) };
    };
    let id = obj.get(&fields.id).and_then(|v| match v {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    });
    let text = match obj.get(&fields.text).and_then(Value::as_str) {
        Some(t) if t.trim().is_empty() => Err(format!("empty text in field {:?}", fields.text)),
        Some(t) => Ok(t.to_string()),
        None if obj.get("html").and_then(Value::as_str).is_some() || obj.get("url").and_then(Value::as_str).is_some() => {
            Err(format!(
                "no string field {:?}: html and url records are briefed by nutgraf batch only (it extracts and fetches pages)",
                fields.text
            ))
        }
        None => Err(format!("no string field {:?}, \"html\" or \"url\"", fields.text)),
    };
    Record { id, text }
}
