//! `nutgraf extract`: who said what, and when, in one article.

use std::io::Write;

use anyhow::anyhow;
use nutgraf_analyze::extract::view::{markdown_quotes, markdown_timeline, JsonExtraction};
use nutgraf_analyze::extract::{extract_lang, EntityKind, Extraction};
use nutgraf_summarize::{LangChoice, Language};
use nutgraf_text::Document;

use crate::flags::ExtractArgs;
use crate::input::read_bytes;
use crate::Failure;

/// Runs `nutgraf extract`.
pub fn run(args: ExtractArgs) -> Result<(), Failure> {
    let json = match args.format.to_ascii_lowercase().as_str() {
        "json" => true,
        "markdown" | "md" => false,
        other => return Err(Failure::usage(anyhow!("unknown format {other:?}: use json or markdown"))),
    };
    let reference = super::reference_date(&args.date)?;
    let choice: LangChoice = args.lang.parse().map_err(Failure::usage)?;
    let bytes = read_bytes(&args.input, args.max_bytes)?;
    let input = nutgraf_text::validate(&bytes, args.max_bytes).map_err(|e| {
        let shown =
            if args.input.as_os_str() == "-" { "standard input".to_string() } else { args.input.display().to_string() };
        Failure::input(anyhow::Error::new(e).context(format!("cannot extract from {shown}")))
    })?;
    let language = Language::choose(choice, input);
    if let Some(warning) = &language.warning {
        eprintln!("nutgraf: warning: {warning}");
    }
    let doc = Document::with_lang(input, language.lang);
    let x = extract_lang(&doc, reference, language.lang);
    let out = if json {
        serde_json::to_string_pretty(&JsonExtraction::new(&x, input)).expect("an extraction always serializes") + "\n"
    } else {
        markdown(&x, input)
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

/// The extraction as Markdown: quotes, statements, entities, timeline.
fn markdown(x: &Extraction, input: &str) -> String {
    let mut out = String::from("## Who said what\n");
    if let Some(d) = x.reference_date {
        out.push_str(&format!("\n*Dates resolved against {}.*\n", d.format("%Y-%m-%d")));
    }
    out.push_str(&markdown_quotes(x, input, usize::MAX).replacen("### Key quotes", "### Quotes", 1));
    if !x.statements.is_empty() {
        out.push_str("\n### Statements\n\n");
        for s in &x.statements {
            let role = s.speaker.role.as_ref().map(|r| format!(" ({r})")).unwrap_or_default();
            let text: Vec<&str> = input[s.span].split_whitespace().collect();
            out.push_str(&format!("- **{}**{role}: {}\n", s.speaker.name, text.join(" ")));
        }
    }
    for (kind, title) in
        [(EntityKind::Person, "People"), (EntityKind::Organization, "Organizations"), (EntityKind::Place, "Places")]
    {
        let list: Vec<String> = x
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| {
                let role = e.role.as_ref().map(|r| format!(", {r}")).unwrap_or_default();
                format!("- {}{role} ({} mentions)\n", e.name, e.mentions.len())
            })
            .collect();
        if !list.is_empty() {
            out.push_str(&format!("\n### {title}\n\n{}", list.concat()));
        }
    }
    out.push_str(&markdown_timeline(x, input));
    out
}
