//! Renderers: a brief as plain text, Markdown or JSON.
//!
//! Char offsets (`chars`) are computed here, at the output boundary, from the byte spans the
//! brief carries; nothing upstream deals in anything but byte spans.

mod json;
mod markdown;

use std::str::FromStr;

pub use json::{json, JsonBrief};
pub use markdown::markdown;

use crate::{Brief, Error};

/// An output format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// The brief as one paragraph.
    #[default]
    Text,
    /// The brief, what was left out and the loaded words, as Markdown.
    Markdown,
    /// Everything, as JSON (schema in docs/json-schema.md).
    Json,
}

impl FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Format, Error> {
        match s.to_ascii_lowercase().as_str() {
            "text" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            _ => Err(Error::InvalidOption(format!("unknown format {s:?}: use text, markdown or json"))),
        }
    }
}

/// Renders `brief` in `format`, ending with a newline.
pub fn render(brief: &Brief<'_>, format: Format) -> String {
    match format {
        Format::Text => text(brief),
        Format::Markdown => markdown(brief),
        Format::Json => {
            let mut s = json(brief);
            s.push('\n');
            s
        }
    }
}

/// The brief as one paragraph of source sentences, joined by single spaces.
pub fn text(brief: &Brief<'_>) -> String {
    let mut out = String::new();
    for k in 0..brief.sentences.len() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(brief.text(k));
    }
    out.push('\n');
    out
}
