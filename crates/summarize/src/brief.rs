//! The brief: chosen sentences with their spans, and what was left out and why.

use std::sync::OnceLock;

use nutgraf_analyze::extract::{extract_with_lists, Extraction, NaiveDate, Scope, WordLists};
use nutgraf_analyze::{Boilerplate, LoadedWord, Role};
use nutgraf_text::{detect, Document, Lang, Span};
use serde::{Deserialize, Serialize};

use crate::{LangChoice, Method};

/// The language a brief was made in, and how it was chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct Language {
    /// The language whose rules made the brief ([`Lang::Other`]: the language-neutral path).
    pub lang: Lang,
    /// How sure detection was (1 when the language was given).
    pub confidence: f32,
    /// True when the language was detected, false when it was given.
    pub detected: bool,
    /// Why detection fell back to the language-neutral path (mixed, unsure or unsupported
    /// language), for the user; never an error.
    pub warning: Option<String>,
}

impl Language {
    /// The language of `input` under `choice`.
    pub fn choose(choice: LangChoice, input: &str) -> Language {
        match choice {
            LangChoice::Given(lang) => Language { lang, confidence: 1.0, detected: false, warning: None },
            LangChoice::Auto => {
                let d = detect(input);
                Language { lang: d.lang, confidence: d.confidence, detected: true, warning: d.warning }
            }
        }
    }
}

/// Why a sentence is not in the brief.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    /// Unattributed opinion (neutral mode).
    Opinion,
    /// Editor's notes, prompts, credits, bylines, copyright or link lines.
    Boilerplate,
    /// It repeats a sentence already in the brief.
    Redundant,
    /// It leans on a sentence before it ("He added", "However,") that could not come along.
    Dependent,
    /// It did not fit the length budget, or scored lower than the chosen ones.
    Budget,
}

/// A sentence in the brief.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Selected {
    /// Index of the sentence in the article.
    pub index: usize,
    /// Its byte span in the input.
    pub span: Span,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// Its score under the method.
    pub score: f64,
    /// Reported, attributed or quote.
    pub role: Role,
    /// Set when the sentence was brought along for a later one that depends on it.
    pub brought_for: Option<usize>,
    /// Number of words.
    pub words: usize,
}

/// A sentence left out of the brief.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Omitted {
    /// Index of the sentence in the article.
    pub index: usize,
    /// Its byte span in the input.
    pub span: Span,
    /// Why it was left out.
    pub reason: Reason,
    /// The boilerplate kind, for boilerplate.
    pub boilerplate: Option<Boilerplate>,
}

/// A brief of one article.
#[derive(Clone, Debug)]
pub struct Brief<'a> {
    /// The input the spans point into.
    pub input: &'a str,
    /// The method that chose the sentences.
    pub method: Method,
    /// Chosen sentences, in source order.
    pub sentences: Vec<Selected>,
    /// Every other sentence, in source order, with its reason.
    pub omitted: Vec<Omitted>,
    /// Loaded words in unattributed text of the article.
    pub loaded: Vec<LoadedWord>,
    /// Words in the article.
    pub words_in: usize,
    /// Sentences in the article.
    pub sentences_in: usize,
    /// Paragraphs in the article.
    pub paragraphs_in: usize,
    /// The language the brief was made in.
    pub language: Language,
    /// The segmented article, kept for the extraction.
    pub(crate) doc: Document<'a>,
    /// Reference date for the extraction's relative dates.
    pub(crate) reference_date: Option<NaiveDate>,
    /// The word lists of the article's words, as the analysis looked them up, for the extraction.
    pub(crate) word_lists: WordLists,
    /// Quotes, speakers and timeline ([`Scope::Brief`]), computed on first use (only Markdown and
    /// JSON output need them, so plain briefs do not pay for them).
    pub(crate) extraction: OnceLock<Extraction>,
}

impl<'a> Brief<'a> {
    /// The source text of chosen sentence `k`.
    pub fn text(&self, k: usize) -> &'a str {
        &self.input[self.sentences[k].span]
    }

    /// Words in the brief.
    pub fn words_out(&self) -> usize {
        self.sentences.iter().map(|s| s.words).sum()
    }

    /// Brief words over article words.
    pub fn compression(&self) -> f64 {
        if self.words_in == 0 {
            0.0
        } else {
            self.words_out() as f64 / self.words_in as f64
        }
    }

    /// Who said what, and when, in the article, as a brief shows it: quotes with their speakers,
    /// roles, dates and places, statements, date mentions and the timeline ([`Scope::Brief`]);
    /// computed once, on first call. The entity list is left empty (a brief does not show it):
    /// [`nutgraf_analyze::extract::extract_lang`] on the same article gives it.
    pub fn extraction(&self) -> &Extraction {
        self.extraction.get_or_init(|| {
            extract_with_lists(&self.doc, &self.word_lists, self.reference_date, self.language.lang, Scope::Brief)
        })
    }

    /// The speaker of the first attributed quote that starts in chosen sentence `k`, if any.
    pub fn speaker(&self, k: usize) -> Option<&str> {
        let span = self.sentences[k].span;
        let x = self.extraction();
        let q = x.quotes.iter().filter(|q| span.start <= q.span.start && q.span.start < span.end);
        q.filter_map(|q| q.speaker.as_ref()).map(|s| s.name.as_str()).next()
    }

    /// The chosen sentences, one per line (the form ROUGE-Lsum expects).
    pub fn lines(&self) -> String {
        let mut out = String::new();
        for k in 0..self.sentences.len() {
            if k > 0 {
                out.push('\n');
            }
            out.push_str(self.text(k));
        }
        out
    }
}
