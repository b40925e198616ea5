//! Markdown output: the brief (a sentence carrying a quote names its speaker when the sentence
//! does not), key quotes, the timeline, then what was left out and the loaded words.

use nutgraf_analyze::extract::view::{markdown_quotes, markdown_timeline};

use crate::{Brief, Reason};

/// Most quotes listed under "Key quotes".
const KEY_QUOTES: usize = 5;

/// The brief as Markdown.
pub fn markdown(brief: &Brief<'_>) -> String {
    let input = brief.input;
    let mut out = String::from("## Brief\n\n");
    for (k, s) in brief.sentences.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let text = &input[s.span];
        out.push_str(text);
        if let Some(who) = brief.speaker(k) {
            if !who.split(' ').next_back().is_some_and(|last| text.contains(last)) {
                out.push_str(&format!(" *[{who}]*"));
            }
        }
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
    out.push_str(&markdown_quotes(brief.extraction(), input, KEY_QUOTES));
    out.push_str(&markdown_timeline(brief.extraction(), input));
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

#[cfg(test)]
mod tests {
    use crate::{Length, Options, Summarizer};

    #[test]
    fn key_quotes_timeline_and_speakers() {
        let article = "The Riverside council approved a $4.2 million budget on May 5, 2026, ending a month of talks.\n\
            Mayor Ana Ruiz praised the vote. \"This plan keeps every library open,\" she said.\n\
            The library board will meet on June 1, 2026 to set new hours.";
        let s = Summarizer::new(Options { length: Length::Sentences(5), ..Options::default() });
        let brief = s.summarize(article).unwrap();
        let md = super::markdown(&brief);
        let cases = vec![
            "she said. *[Ana Ruiz]*",
            "### Key quotes\n\n- **Ana Ruiz** (Mayor): \u{201C}This plan keeps every library open\u{201D}\n",
            "### Timeline\n\n- **2026-05-05**: The Riverside council",
            "- **2026-06-01**: The library board",
        ];
        for want in cases {
            assert!(md.contains(want), "{want:?} not in\n{md}");
        }
        let json = crate::render::json(&brief);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["quotes"][0]["speaker"], "Ana Ruiz");
        assert_eq!(v["timeline"].as_array().map(Vec::len), Some(2));
        let speakers: Vec<&str> =
            v["sentences"].as_array().unwrap().iter().filter_map(|s| s["speaker"].as_str()).collect();
        assert_eq!(speakers, vec!["Ana Ruiz"]);
    }
}
