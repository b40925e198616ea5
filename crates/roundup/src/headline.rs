//! Choosing a neutral headline among the sources' titles.
//!
//! # Why this module exists
//!
//! Outlets' headlines carry most of their framing ("panic", "slams", "caves"). The roundup's
//! headline is the title with the fewest loaded words and no `!`/`?`, and among those the one
//! whose content terms best cover the brief; ties go to the earliest source. Building a new
//! headline out of several titles is left to a later version.

use nutgraf_text::{words, Span, TermAnalyzer};
use rustc_hash::FxHashSet;
use serde::Serialize;

/// The brief's headline: a source's title, verbatim.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Headline {
    /// The title.
    pub text: String,
    /// Index of the source whose title it is.
    pub source: usize,
    /// Loaded words in it.
    pub loaded: usize,
}

/// The best of `titles` (`(source, title)`) for a brief made of `brief` sentences.
pub(crate) fn choose(titles: &[(usize, String)], brief: &[&str]) -> Option<Headline> {
    let mut analyzer = TermAnalyzer::english();
    let mut brief_terms = FxHashSet::default();
    for s in brief {
        brief_terms.extend(terms(s, &mut analyzer));
    }
    titles
        .iter()
        .filter(|(_, t)| !t.trim().is_empty())
        .map(|(source, t)| {
            let loaded = words(t, Span::new(0, t.len()))
                .filter(|&w| nutgraf_analyze::loaded(&t.as_str()[w].to_lowercase()).is_some())
                .count();
            let own = terms(t, &mut analyzer);
            let cover = own.iter().filter(|w| brief_terms.contains(*w)).count() as f32 / own.len().max(1) as f32;
            let shouts = t.contains(['!', '?']);
            let penalty = loaded as f32 * 0.5 + if shouts { 0.5 } else { 0.0 };
            (cover - penalty, Headline { text: t.trim().to_string(), source: *source, loaded })
        })
        .fold(None, |best: Option<(f32, Headline)>, (s, h)| match best {
            Some((b, _)) if b >= s => best,
            _ => Some((s, h)),
        })
        .map(|(_, h)| h)
}

fn terms(text: &str, analyzer: &mut TermAnalyzer) -> FxHashSet<String> {
    words(text, Span::new(0, text.len())).filter_map(|w| analyzer.term(&text[w]).map(|t| t.into_owned())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_the_plain_title() {
        let titles = vec![
            (0, "Council caves in disgraceful budget betrayal!".to_string()),
            (1, "Council approves library budget".to_string()),
        ];
        let h = choose(&titles, &["The council approved the library budget on Tuesday."]).unwrap();
        assert_eq!(h.source, 1);
        assert_eq!(h.loaded, 0);
        assert!(choose(&[], &["x"]).is_none());
    }
}
