/*!
The scoring, selection and rendering stage of nutgraf, and its facade, [`Summarizer`].

# Brief overview

[`Summarizer::summarize`] runs the pipeline on one article: validate, normalize and segment
([`nutgraf_text`]), analyze roles, opinion, boilerplate and dependencies ([`nutgraf_analyze`]),
score with the chosen [`Method`], select under the [`Length`] budget, and return a [`Brief`]
whose every sentence carries its exact byte span in the input. [`render`] turns a brief into
text, Markdown or JSON.

# Example

```
use nutgraf_summarize::{Length, Options, Summarizer};

let article = "The Riverside council approved a $4.2 million budget on Tuesday, ending a month of talks.\n\
    \"This plan keeps every library open,\" Mayor Ana Ruiz said after the vote.\n\
    The council's leaders are spineless cowards who have betrayed every voter.\n\
    Subscribe to our newsletter for more local news.";
let s = Summarizer::new(Options { length: Length::Sentences(2), ..Options::default() });
let brief = s.summarize(article).unwrap();
assert_eq!(brief.sentences.len(), 2);
assert_eq!(brief.text(0), "The Riverside council approved a $4.2 million budget on Tuesday, ending a month of talks.");
assert_eq!(&article[brief.sentences[1].span], brief.text(1));
assert!(brief.loaded.iter().any(|w| w.word == "cowards"));
```
*/

#![deny(missing_docs)]

mod brief;
mod error;
pub mod features;
mod graph;
pub mod method;
mod options;
pub mod render;
mod select;

pub use brief::Language;
pub use brief::{Brief, Omitted, Reason, Selected};
pub use error::Error;
pub use method::Weights;
pub use options::{LangChoice, Length, Method, Options};

use method::{Context, Lead, LexRank, NutgrafScorer, Scorer, TextRank};
use nutgraf_analyze::analyze_lang;
use nutgraf_text::Document;

/// The default cap on input size: 16 MiB.
pub const DEFAULT_MAX_BYTES: usize = 16 << 20;

/// Summarizes articles with fixed options. Cheap to create, `Send + Sync`, reusable across
/// threads.
#[derive(Clone, Debug)]
pub struct Summarizer {
    options: Options,
    weights: Weights,
    max_bytes: usize,
    reference_date: Option<nutgraf_analyze::extract::NaiveDate>,
    lang: LangChoice,
}

impl Default for Summarizer {
    fn default() -> Self {
        Summarizer::new(Options::default())
    }
}

impl Summarizer {
    /// A summarizer with `options` and the default weights.
    pub fn new(options: Options) -> Summarizer {
        Summarizer {
            options,
            weights: Weights::default(),
            max_bytes: DEFAULT_MAX_BYTES,
            reference_date: None,
            lang: LangChoice::default(),
        }
    }

    /// Replaces the nutgraf scorer's weights (for tuning and experiments).
    pub fn with_weights(mut self, weights: Weights) -> Summarizer {
        self.weights = weights;
        self
    }

    /// Sets the input size limit in bytes.
    pub fn with_max_bytes(mut self, max_bytes: usize) -> Summarizer {
        self.max_bytes = max_bytes;
        self
    }

    /// Sets the reference date for relative dates in the brief's quotes and timeline, used when
    /// the article gives no publication date of its own.
    pub fn with_reference_date(mut self, date: Option<nutgraf_analyze::extract::NaiveDate>) -> Summarizer {
        self.reference_date = date;
        self
    }

    /// Sets the articles' language, or [`LangChoice::Auto`] to detect it per article (the
    /// default is English). Segmentation, terms and analysis follow the language; see
    /// [`Brief::language`] for what was used.
    pub fn with_lang(mut self, lang: LangChoice) -> Summarizer {
        self.lang = lang;
        self
    }

    /// The language setting in force.
    pub fn lang(&self) -> LangChoice {
        self.lang
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Summarizes raw bytes: checks that they are a UTF-8 article first.
    pub fn summarize_bytes<'a>(&self, input: &'a [u8]) -> Result<Brief<'a>, Error> {
        let text = nutgraf_text::validate(input, self.max_bytes)?;
        self.summarize(text)
    }

    /// Summarizes one article.
    pub fn summarize<'a>(&self, input: &'a str) -> Result<Brief<'a>, Error> {
        let length = self.options.length.validate()?;
        nutgraf_text::validate(input.as_bytes(), self.max_bytes)?;
        let language = Language::choose(self.lang, input);
        let doc = Document::with_lang(input, language.lang);
        let analysis = analyze_lang(&doc, language.lang);
        let features = features::Features::new(&doc);
        let ctx = Context { doc: &doc, analysis: &analysis, features: &features };
        let method = self.options.method;
        let scores = match method {
            Method::Nutgraf => NutgrafScorer { weights: self.weights }.scores(&ctx),
            Method::Lead => Lead.scores(&ctx),
            Method::TextRank => TextRank.scores(&ctx),
            Method::LexRank => LexRank::default().scores(&ctx),
        };
        let neutral = method == Method::Nutgraf;
        let sel =
            select::select(&scores, &features, &analysis, length, neutral, self.options.keep_opinion, &self.weights);
        if sel.chosen.is_empty() {
            if let Length::Words(max) = length {
                let shortest = (0..features.len())
                    .filter(|&i| sel.reasons[i] == Some(Reason::Budget))
                    .map(|i| features.words[i])
                    .min();
                return Err(Error::NothingFits { max, shortest });
            }
            return Err(Error::NothingEligible);
        }
        let sentences = sel
            .chosen
            .iter()
            .map(|&(i, brought_for)| {
                let s = doc.sentences[i];
                Selected {
                    index: i,
                    span: s.span,
                    paragraph: s.paragraph,
                    score: scores[i],
                    role: analysis.sentences[i].role,
                    brought_for,
                    words: features.words[i],
                }
            })
            .collect();
        let omitted = sel
            .reasons
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                r.map(|reason| Omitted {
                    index: i,
                    span: doc.sentences[i].span,
                    reason,
                    boilerplate: analysis.sentences[i].boilerplate,
                })
            })
            .collect();
        Ok(Brief {
            input,
            method,
            sentences,
            omitted,
            loaded: analysis.loaded,
            words_in: features.words.iter().sum(),
            sentences_in: doc.sentences.len(),
            paragraphs_in: doc.paragraphs.len(),
            doc,
            reference_date: self.reference_date,
            word_lists: analysis.word_lists,
            extraction: Default::default(),
            language,
        })
    }
}
