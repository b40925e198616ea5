//! `nutgraf roundup`: one neutral, cited brief from several outlets' articles on a story.
//!
//! Each input (file, HTML page, URL, or a line of `--in FILE.jsonl`) becomes a
//! [`nutgraf_roundup::Article`]; a source that cannot be read, fetched or parsed is reported on
//! standard error and in the output, and the brief is made from the rest.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use anyhow::anyhow;
use nutgraf_roundup::{render, Article, Length, Options, Roundup};
use serde_json::Value;

use crate::flags::RoundupArgs;
use crate::source::{self, Source};
use crate::Failure;

/// Runs `nutgraf roundup`.
pub fn run(args: RoundupArgs) -> Result<(), Failure> {
    let format = args.format.to_ascii_lowercase();
    if !matches!(format.as_str(), "text" | "markdown" | "md" | "json") {
        return Err(Failure::usage(anyhow!("unknown format {:?}: use text, markdown or json", args.format)));
    }
    let length = match (args.sentences, args.words) {
        (Some(n), None) => Length::Sentences(n),
        (None, Some(n)) => Length::Words(n),
        (None, None) => Length::Sentences(5),
        _ => return Err(Failure::usage(anyhow!("give only one of --sentences and --words"))),
    };
    if matches!(length, Length::Sentences(0) | Length::Words(0)) {
        return Err(Failure::usage(anyhow!("--sentences and --words must be at least 1")));
    }
    if args.inputs.is_empty() && args.input_file.is_none() {
        return Err(Failure::usage(anyhow!("give the articles: files, pages or URLs, or --in FILE.jsonl")));
    }
    // (article, why it could not be read) per source, in the order given.
    let mut sources: Vec<(Article, Option<String>)> = Vec::new();
    for input in &args.inputs {
        let name = display_name(input);
        sources.push(match source::load(input, args.max_bytes, args.fetch.timeout) {
            Ok(s) => article(s, name),
            Err(e) => (Article::new("").with_name(name), Some(format!("{:#}", e.error))),
        });
    }
    if let Some(path) = &args.input_file {
        read_jsonl(path, &args, &mut sources)?;
    }
    let options = Options { length, neutral: !args.keep_opinion, max_bytes: args.max_bytes };
    let articles: Vec<Article> = sources.iter().map(|(a, _)| a.clone()).collect();
    let mut brief = Roundup::new(options).run(&articles).map_err(|e| {
        let e = match sources.iter().position(|(_, why)| why.is_some()) {
            Some(i) if matches!(e, nutgraf_roundup::Error::Source { .. }) => {
                anyhow!(
                    "no source can be used; source {} ({}): {}",
                    i + 1,
                    articles[i].display_name(i),
                    sources[i].1.as_deref().unwrap_or("")
                )
            }
            _ if e.is_input() => anyhow::Error::new(e),
            _ => return Failure::usage(e),
        };
        Failure::input(e)
    })?;
    for s in &mut brief.skipped {
        if let Some(why) = &sources[s.source].1 {
            s.reason.clone_from(why);
        }
        eprintln!(
            "nutgraf: source {} ({}) left out: {}",
            s.source + 1,
            articles[s.source].display_name(s.source),
            s.reason
        );
    }
    let out = match format.as_str() {
        "json" => render::json(&brief),
        "text" => render::text(&brief),
        _ => render::markdown(&brief),
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

/// An article from a loaded source: pages bring their title and date.
fn article(source: Source, name: String) -> (Article, Option<String>) {
    match source {
        Source::Plain(bytes) => match String::from_utf8(bytes) {
            Ok(text) => (Article::new(text).with_name(name), None),
            Err(e) => {
                let why = format!("not valid UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to());
                (Article::new("").with_name(name), Some(why))
            }
        },
        Source::Page { page, url } => {
            let name = url.as_deref().and_then(host).unwrap_or(name);
            let a = Article { text: page.text, title: page.title, name: Some(name), date: page.published, url };
            (a, None)
        }
    }
}

/// Reads `--in`: one article per line, `{"id", "text"}` or `html`/`url`, with `title` and
/// `date` where present.
fn read_jsonl(path: &Path, args: &RoundupArgs, sources: &mut Vec<(Article, Option<String>)>) -> Result<(), Failure> {
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::input(anyhow::Error::new(e).context(format!("cannot read {}", path.display()))))?;
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                let name = format!("{} line {}", path.display(), n + 1);
                sources.push((Article::new("").with_name(name), Some(format!("malformed json: {e}"))));
                continue;
            }
        };
        let field = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let id = v.get("id").map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string));
        let name = id.unwrap_or_else(|| format!("line {}", n + 1));
        let loaded = if let Some(text) = field("text") {
            (Article::new(text).with_name(name), None)
        } else if let Some(html) = field("html") {
            match source::from_html(&html, field("url")) {
                Ok(s) => article(s, name),
                Err(e) => (Article::new("").with_name(name), Some(e.to_string())),
            }
        } else if let Some(url) = field("url") {
            match source::load(Path::new(&url), args.max_bytes, args.fetch.timeout) {
                Ok(s) => article(s, name),
                Err(e) => (Article::new("").with_name(name), Some(format!("{:#}", e.error))),
            }
        } else {
            (Article::new("").with_name(name), Some("no text, html or url field".to_string()))
        };
        let (mut a, why) = loaded;
        a.title = field("title").or(a.title);
        a.date = field("date").or(a.date);
        sources.push((a, why));
    }
    Ok(())
}

/// The host of an address, without `www.`.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?;
    (!host.is_empty()).then(|| host.trim_start_matches("www.").to_string())
}

/// How an input argument is named: its host for URLs, its file name for files.
fn display_name(input: &Path) -> String {
    let s = input.to_string_lossy();
    if source::is_url(&s) {
        return host(&s).unwrap_or_else(|| s.to_string());
    }
    match input.file_name() {
        Some(f) if input.as_os_str() != "-" => f.to_string_lossy().into_owned(),
        _ => source::shown(input),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_names() {
        let cases = vec![
            ("https://www.example.test/news/a.html", "example.test"),
            ("http://user@news.test:8080/x?y", "news.test"),
            ("crates/x/fixtures/wire.txt", "wire.txt"),
            ("-", "standard input"),
        ];
        for (input, expected) in cases {
            assert_eq!(display_name(Path::new(input)), expected, "{input}");
        }
    }
}
