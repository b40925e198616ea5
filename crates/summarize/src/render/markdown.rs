//! Markdown output: the brief, then what was left out and the loaded words.

use crate::{Brief, Reason};

/// The brief as Markdown.
pub fn markdown(brief: &Brief<'_>) -> String {
    let input = brief.input;
    let mut out = String::from("## Brief\n\n");
    for (k, s) in brief.sentences.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(&input[s.span]);
    }
    out.push_str(&format!(
        "\n\n*{} of {} words ({:.0}%), {} of {} sentences, method {}.*\n",
        brief.words_out(),
        brief.words_in,
        brief.compression() * 100.0,
        brief.sentences.len(),
        brief.sentences_in,
        brief.method
    ));
    let left: Vec<_> = brief.omitted.iter().filter(|o| o.reason != Reason::Budget).collect();
    if !left.is_empty() {
        out.push_str("\n### Left out\n\n");
        for o in left {
            let reason = match (o.reason, o.boilerplate) {
                (Reason::Boilerplate, Some(kind)) => {
                    format!("boilerplate ({})", serde_json::to_value(kind).unwrap_or_default().as_str().unwrap_or(""))
                }
                (r, _) => serde_json::to_value(r).unwrap_or_default().as_str().unwrap_or("").to_string(),
            };
            out.push_str(&format!("- **{reason}**: {}\n", &input[o.span]));
        }
    }
    if !brief.loaded.is_empty() {
        out.push_str("\n### Loaded words\n\n");
        for w in &brief.loaded {
            out.push_str(&format!("- `{}` (sentence {}, valence {:+.1})\n", &input[w.span], w.sentence + 1, w.valence));
        }
    }
    out
}
