//! Summarizes one article many times in a given language (or `auto`), for instruction counts:
//!
//! ```sh
//! cargo build --release -p nutgraf-summarize --example lang_cost
//! valgrind --tool=callgrind target/release/examples/lang_cost FILE es 200
//! ```
//!
//! Prints the wall time per article too (noisy on a shared machine; the instruction count is the
//! stable figure). Used for the "Languages (issue 11)" section of BENCHMARKS.md.

use std::time::Instant;

use nutgraf_summarize::{LangChoice, Length, Options, Summarizer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [file, lang, rounds] = args.as_slice() else {
        return Err("usage: lang_cost FILE LANG|auto ROUNDS".into());
    };
    let text = std::fs::read_to_string(file)?;
    let lang: LangChoice = lang.parse()?;
    let rounds: usize = rounds.parse()?;
    let s = Summarizer::new(Options { length: Length::Sentences(3), ..Options::default() }).with_lang(lang);
    let start = Instant::now();
    let mut words = 0;
    for _ in 0..rounds {
        let brief = s.summarize(&text)?;
        assert_eq!(brief.sentences.len(), 3);
        words += brief.words_out();
    }
    let per = start.elapsed().as_secs_f64() / rounds as f64;
    println!("{file} {lang:?}: {:.1} µs per article ({words} words out)", per * 1e6);
    Ok(())
}
