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
    /// What the extraction's word lists say of each distinct word of the document (English;
    /// empty in other languages), for [`extract::extract_with_lists`]. Not serialized.
    #[serde(skip)]
    pub word_lists: extract::WordLists,
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
    let mut sentences = Vec::with_capacity(doc.sentences.len());
    let mut loaded_words = Vec::new();
    let mut note_paragraph = None;
    // The lexicons are consulted once per distinct written word ([`Document::word_ids`]), not
    // once per word: its lowercase form (all in one buffer), whether it is a reporting verb, and
    // (on first need) its loaded-word entry. Whether a word is a reporting verb is read from the
    // extraction's table of word lists, one probe that also tells what the extraction needs to
    // know of the word ([`Analysis::word_lists`]).
    let vocabulary = doc.vocabulary_len();
    let word_lists = extract::WordLists::of(doc);
    let mut lowers = String::with_capacity(norm_text.len() / 3);
    let mut bounds: Vec<usize> = Vec::with_capacity(vocabulary + 1);
    let mut reporting: Vec<bool> = Vec::with_capacity(vocabulary);
    bounds.push(0);
    for v in 0..vocabulary {
        let w = &norm_text[doc.vocabulary_word(v as u32)];
        let from = lowers.len();
        if w.is_ascii() {
            lowers.push_str(w);
            lowers[from..].make_ascii_lowercase();
            // The table folds ASCII case, as the line above does.
            reporting.push(word_lists.get(v as u32) & extract::lexicon::REPORT != 0);
        } else {
            lowers.extend(w.chars().flat_map(char::to_lowercase));
            reporting.push(is_reporting_verb(&lowers[from..]));
        }
        bounds.push(lowers.len());
    }
    let lower = |v: u32| &lowers[bounds[v as usize]..bounds[v as usize + 1]];
    let mut lexicon: Vec<Option<Option<(LoadedKind, f32)>>> = vec![None; vocabulary];
    // Per sentence, reused: lowercase words with their offsets in the sentence, and the indices
    // of those outside quotes.
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut outside: Vec<usize> = Vec::new();
    let mut plain: Vec<&str> = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        let norm = &norm_text[s.norm];
        let ids = doc.word_ids(i);
        words.clear();
        // Offsets relative to the sentence, as the rules below read `norm`.
        words.extend(doc.sentence_words(i).iter().zip(ids).map(|(w, &v)| (w.start - s.norm.start, lower(v))));
        let quotes = quoted_ranges(norm);
        let role = role::classify_with(norm, &words, &quotes, |k| reporting[ids[k] as usize]);
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
        outside.clear();
        outside
            .extend((0..words.len()).filter(|&k| !quotes.iter().any(|&(qs, qe)| qs <= words[k].0 && words[k].0 < qe)));
        let mut evaluative = 0.0;
        let mut asserts = false;
        if role == Role::Reported {
            for (j, &k) in outside.iter().enumerate() {
                let (at, w) = words[k];
                let entry = *lexicon[ids[k] as usize].get_or_insert_with(|| loaded(w));
                if let Some((kind, valence)) = entry {
                    evaluative += opinion::weight(kind, valence);
                    let before = &outside[j.saturating_sub(2)..j];
                    if kind == LoadedKind::Valenced && before.iter().any(|&b| opinion::predicates(words[b].1)) {
                        evaluative += opinion::PREDICATE_WEIGHT;
                        asserts = true;
                    }
                    let norm_span = Span::new(s.norm.start + at, s.norm.start + at + w.len());
                    loaded_words.push(LoadedWord {
                        word: w.to_string(),
                        span: doc.text.to_original(norm_span),
                        sentence: i,
                        kind,
                        valence,
                    });
                }
            }
            plain.clear();
            plain.extend(outside.iter().map(|&k| words[k].1));
            let frames = frame_weight(&plain);
            evaluative += frames;
            asserts |= frames > 0.0;
        }
        let first = words.first().copied();
        let first_outside = outside.first().map(|&k| words[k].0);
        let attributed = || outside.iter().any(|&k| reporting[ids[k] as usize] || words[k].1 == "according");
        let dependency = dependency_core(role, first, first_outside, attributed, PRONOUNS, CONNECTIVES);
        sentences.push(SentenceInfo {
            role,
            boilerplate,
            evaluative,
            opinion: role == Role::Reported
                && ((asserts && evaluative >= OPINION_THRESHOLD) || evaluative >= opinion::DENSE_THRESHOLD),
            dependency,
            words: words.len(),
        });
    }
    Analysis { sentences, loaded: loaded_words, word_lists }
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
    Analysis { sentences, loaded: Vec::new(), word_lists: Default::default() }
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
    dependency_core(
        role,
        words.first().map(|(at, w)| (*at, w.as_str())),
        outside.first().map(|(at, _)| *at),
        || outside.iter().any(|(_, w)| attributes(w)),
        pronouns,
        connectives,
    )
}

/// [`dependency_with`], given the `first` word and offset, the offset of the first word outside
/// quotes, and whether an attribution word stands outside quotes (only asked of quotes).
fn dependency_core(
    role: Role,
    first: Option<(usize, &str)>,
    first_outside: Option<usize>,
    attributed: impl FnOnce() -> bool,
    pronouns: &[&str],
    connectives: &[&str],
) -> Option<Dependency> {
    let (first_at, first) = first?;
    if role == Role::Quote && !attributed() {
        return Some(Dependency::UnattributedQuote);
    }
    if first_outside != Some(first_at) {
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
