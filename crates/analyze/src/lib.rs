/*!
The analysis stage of nutgraf: what each sentence of a segmented article is.

# Brief overview

For every sentence of a [`Document`], [`analyze`] reports
* its [`Role`]: reported fact, attributed statement or direct quote;
* whether it is [`Boilerplate`] (editor's notes, subscribe prompts, credits, bylines ...);
* its evaluative weight, whether it is unattributed opinion, and the loaded words it uses
  outside quotations ([`LoadedWord`], with exact original spans);
* whether it leans on the sentence before it ([`Dependency`]: an opening pronoun or connective,
  or a quote whose speaker is named earlier).

[`analyze_lang`] and [`extract_lang`] do the same for an article in a given language: English is
[`analyze`] and [`extract()`]; Spanish has its own rules (reporting verbs, « » “ ” ‘ ’ and dialogue
dashes, dropped subjects, dates, loaded words and boilerplate: see `docs/languages.md`); the
other languages get the language-neutral analysis, with no English lexicon applied to them.

This crate knows nothing about summarization: it describes sentences, and the summarizer (or any
other consumer) decides what to do with that.

# Example

```
use nutgraf_analyze::{analyze, Role};
use nutgraf_text::Document;

let doc = Document::new(
    "The council approved the budget on Tuesday. \"This plan protects every library,\" Mayor Ana Ruiz said. \
     The council's leaders are spineless cowards who have betrayed every voter.",
);
let a = analyze(&doc);
assert_eq!(a.sentences[0].role, Role::Reported);
assert_eq!(a.sentences[1].role, Role::Quote);
assert!(!a.sentences[0].opinion);
assert!(a.sentences[2].opinion);
assert!(a.loaded.iter().any(|w| w.word == "cowards"));
```
*/

#![deny(missing_docs)]

mod boilerplate;
mod es;
pub mod extract;
mod lexicon_loaded;
mod opinion;
mod role;

use nutgraf_text::{Document, Lang, Span};
use serde::{Deserialize, Serialize};

pub use boilerplate::{detect as detect_boilerplate, Boilerplate};
pub use extract::{extract, extract_lang, Extraction};
pub use opinion::{frame_weight, loaded, LoadedKind, OPINION_THRESHOLD};
pub use role::{classify, is_reporting_verb, quoted_ranges, Role};

/// How a sentence depends on the sentence before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dependency {
    /// It opens with a pronoun ("He added ...", "They ...").
    Pronoun,
    /// It opens with a discourse connective ("However, ...", "But ...").
    Connective,
    /// It is a quote whose speaker is not named in it.
    UnattributedQuote,
}

/// What the analysis found about one sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentenceInfo {
    /// Reported, attributed or quote.
    pub role: Role,
    /// The boilerplate kind, if the sentence is boilerplate.
    pub boilerplate: Option<Boilerplate>,
    /// Evaluative weight of the text in the article's own voice.
    pub evaluative: f32,
    /// True when the sentence is unattributed opinion.
    pub opinion: bool,
    /// Whether it leans on the previous sentence.
    pub dependency: Option<Dependency>,
    /// Number of words.
    pub words: usize,
}

/// A loaded word found in the article's own voice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoadedWord {
    /// The word, lowercase.
    pub word: String,
    /// Its span in the original input.
    pub span: Span,
    /// Index of its sentence.
    pub sentence: usize,
    /// Valenced or intensifier.
    pub kind: LoadedKind,
    /// VADER mean valence (-4..4; 0 for intensifiers).
    pub valence: f32,
}

/// The analysis of a document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// One entry per sentence of the document, in order.
    pub sentences: Vec<SentenceInfo>,
    /// Loaded words in unattributed text, in order.
    pub loaded: Vec<LoadedWord>,
}

#[rustfmt::skip]
static PRONOUNS: &[&str] = &["he", "her", "him", "his", "it", "its", "she", "their", "them", "these", "they", "this", "those"];
#[rustfmt::skip]
static CONNECTIVES: &[&str] = &[
    "additionally", "also", "and", "besides", "but", "consequently", "furthermore", "hence",
    "however", "instead", "meanwhile", "moreover", "nevertheless", "nonetheless", "otherwise",
    "similarly", "still", "then", "therefore", "thus", "yet",
];

/// Analyzes every sentence of `doc`.
pub fn analyze(doc: &Document) -> Analysis {
    let norm_text = doc.text.normalized();
    let mut out = Analysis { sentences: Vec::with_capacity(doc.sentences.len()), loaded: Vec::new() };
    let mut note_paragraph = None;
    // Lowercased words of the current sentence; the strings are reused from sentence to
    // sentence to keep allocation off the hot path.
    let mut pool: Vec<(usize, String)> = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        let norm = &norm_text[s.norm];
        let mut count = 0;
        for &w in doc.sentence_words(i) {
            // Relative to the sentence, as the rules below read `norm`.
            let w = Span::new(w.start - s.norm.start, w.end - s.norm.start);
            if count == pool.len() {
                pool.push((0, String::new()));
            }
            let (at, lower) = &mut pool[count];
            *at = w.start;
            lower.clear();
            if norm[w].is_ascii() {
                lower.push_str(&norm[w]);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(norm[w].chars().flat_map(char::to_lowercase));
            }
            count += 1;
        }
        let words = &pool[..count];
        let quotes = quoted_ranges(norm);
        let role = role::classify_quoted(norm, words, &quotes);
        let alone = doc.paragraphs[s.paragraph].norm == s.norm;
        let mut boilerplate = detect_boilerplate(norm).or_else(|| {
            if alone {
                boilerplate::heading(norm, words.len(), s.paragraph == 0)
            } else {
                None
            }
        });
        if boilerplate == Some(Boilerplate::EditorsNote) {
            note_paragraph = Some(s.paragraph);
        } else if boilerplate.is_none() && note_paragraph == Some(s.paragraph) {
            boilerplate = Some(Boilerplate::EditorsNote);
        }
        let outside: Vec<&(usize, String)> =
            words.iter().filter(|(at, _)| !quotes.iter().any(|&(qs, qe)| qs <= *at && *at < qe)).collect();
        let mut evaluative = 0.0;
        let mut asserts = false;
        if role == Role::Reported {
            for (k, (at, w)) in outside.iter().enumerate() {
                if let Some((kind, valence)) = loaded(w) {
                    evaluative += opinion::weight(kind, valence);
                    let before = &outside[k.saturating_sub(2)..k];
                    if kind == LoadedKind::Valenced && before.iter().any(|(_, b)| opinion::predicates(b)) {
                        evaluative += opinion::PREDICATE_WEIGHT;
                        asserts = true;
                    }
                    let norm_span = Span::new(s.norm.start + at, s.norm.start + at + w.len());
                    out.loaded.push(LoadedWord {
                        word: w.clone(),
                        span: doc.text.to_original(norm_span),
                        sentence: i,
                        kind,
                        valence,
                    });
                }
            }
            let plain: Vec<&str> = outside.iter().map(|(_, w)| w.as_str()).collect();
            let frames = frame_weight(&plain);
            evaluative += frames;
            asserts |= frames > 0.0;
        }
        let dependency = dependency(role, words, &outside);
        out.sentences.push(SentenceInfo {
            role,
            boilerplate,
            evaluative,
            opinion: role == Role::Reported
                && ((asserts && evaluative >= OPINION_THRESHOLD) || evaluative >= opinion::DENSE_THRESHOLD),
            dependency,
            words: words.len(),
        });
    }
    out
}

/// Analyzes every sentence of `doc`, written in `lang`.
///
/// English is [`analyze`]; Spanish has its own reporting verbs, quotation styles (« », “ ”,
/// ‘ ’ and dialogue dashes), loaded words and boilerplate. The other languages get the
/// language-neutral analysis: every sentence is `Reported`, nothing is opinion or loaded (the
/// English lexicons must not judge French), and only the language-neutral boilerplate (a title or
/// a subheading: a short paragraph without closing punctuation) is marked.
pub fn analyze_lang(doc: &Document, lang: Lang) -> Analysis {
    match lang {
        Lang::English => analyze(doc),
        Lang::Spanish => es::analyze(doc),
        _ => analyze_neutral(doc),
    }
}

/// The language-neutral analysis (see [`analyze_lang`]).
pub(crate) fn analyze_neutral(doc: &Document) -> Analysis {
    let norm_text = doc.text.normalized();
    let sentences = doc
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let norm = &norm_text[s.norm];
            let words = doc.sentence_words(i).len();
            let alone = doc.paragraphs[s.paragraph].norm == s.norm;
            SentenceInfo {
                role: Role::Reported,
                boilerplate: if alone { boilerplate::heading(norm, words, s.paragraph == 0) } else { None },
                evaluative: 0.0,
                opinion: false,
                dependency: None,
                words,
            }
        })
        .collect();
    Analysis { sentences, loaded: Vec::new() }
}

fn dependency(role: Role, words: &[(usize, String)], outside: &[&(usize, String)]) -> Option<Dependency> {
    let attributes = |w: &str| is_reporting_verb(w) || w == "according";
    dependency_with(role, words, outside, attributes, PRONOUNS, CONNECTIVES)
}

/// How a sentence leans on the one before it, given its lowercase `words` (with their offsets),
/// those `outside` quotes, and the language's attribution words, opening pronouns and
/// connectives: a quote with no attribution word outside it leans on the speaker named before;
/// an opening pronoun or connective leans on the previous sentence.
pub(crate) fn dependency_with(
    role: Role,
    words: &[(usize, String)],
    outside: &[&(usize, String)],
    attributes: impl Fn(&str) -> bool,
    pronouns: &[&str],
    connectives: &[&str],
) -> Option<Dependency> {
    let (first_at, first) = words.first().map(|(at, w)| (*at, w.as_str()))?;
    let first_outside = outside.first().is_some_and(|(at, _)| *at == first_at);
    if role == Role::Quote && !outside.iter().any(|(_, w)| attributes(w)) {
        return Some(Dependency::UnattributedQuote);
    }
    if !first_outside {
        return None;
    }
    if pronouns.contains(&first) {
        return Some(Dependency::Pronoun);
    }
    if connectives.contains(&first) {
        return Some(Dependency::Connective);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opinion_and_dependencies() {
        let input = "Residents are ecstatic at the prospect of a new park.\n\
                     \"It is a great day,\" said Mayor Ana Ruiz. \"We waited years.\"\n\
                     However, the plan needs a second vote. He expects it in May.\n\
                     Editor's note: An earlier version misstated the date. It was May 4.";
        let doc = Document::new(input);
        let a = analyze(&doc);
        let s = &a.sentences;
        assert!(s[0].opinion, "{:?}", s[0]);
        assert_eq!(s[1].role, Role::Quote);
        assert!(!s[1].opinion);
        assert_eq!(s[1].dependency, None);
        assert_eq!(s[2].dependency, Some(Dependency::UnattributedQuote));
        assert_eq!(s[3].dependency, Some(Dependency::Connective));
        assert_eq!(s[4].dependency, Some(Dependency::Pronoun));
        assert_eq!(s[5].boilerplate, Some(Boilerplate::EditorsNote));
        assert_eq!(s[6].boilerplate, Some(Boilerplate::EditorsNote));
        let w = a.loaded.iter().find(|w| w.word == "ecstatic").expect("ecstatic is loaded");
        assert_eq!(&input[w.span], "ecstatic");
        assert!(a.loaded.iter().all(|w| w.sentence != 1), "quoted words are the speaker's");
    }

    #[test]
    fn other_languages_get_the_neutral_analysis() {
        let input = "Le conseil a vot\u{E9} le budget\nLes \u{E9}lus sont des l\u{E2}ches terribles et horribles.";
        let doc = Document::new(input);
        let a = analyze_lang(&doc, Lang::French);
        assert_eq!(a.sentences[0].boilerplate, Some(Boilerplate::Title));
        assert!(a.sentences.iter().all(|s| s.role == Role::Reported && !s.opinion && s.evaluative == 0.0));
        assert!(a.loaded.is_empty(), "the English lexicon must not judge French: {:?}", a.loaded);
        assert_eq!(analyze_lang(&doc, Lang::English), analyze(&doc));
    }
}
