/*!
The multi-source stage of nutgraf: one neutral, cited brief from several outlets' articles.

# Brief overview

[`Roundup::run`] takes the [`Article`]s that several outlets wrote on one story and returns a
[`Brief`] in which
* every sentence is a source sentence, with its source and exact byte span in that source's
  text, and cites every source that reports the same fact ([`Item::sources`]);
* facts several sources report rank above facts only one reports, and near-duplicates across
  sources are shown once (the most neutral, most complete phrasing) and cited to all;
* a claim only one source makes gets a generated lead-in (`"According to <outlet>,"`), kept in
  [`Item::lead_in`] apart from the verbatim span; quotes and attributed statements keep their
  speaker instead;
* sources that give different numbers or dates for the same fact are listed in
  [`Brief::conflicts`], each version with its sources;
* while sources quote different speakers, each speaker's first statement comes before anyone's
  second;
* the headline is the most neutral of the sources' titles that best matches the brief.

Sentences are compared across sources by IDF-weighted cosine over Snowball stems
([`group`] module docs). They are chosen for the content terms they cover, each weighted by how
likely a neutral roundup is to use it given how many sources, titles and leads use it (module
`consensus`): titles inform the choice but are never shown as brief sentences. Analysis (roles,
opinion, loaded words, boilerplate, speakers) comes from [`nutgraf_analyze`]. [`render`] turns a
brief into text, Markdown or JSON (`docs/roundup-schema.md`).

# Example

```
use nutgraf_roundup::{Article, Length, Options, Roundup};

let articles = vec![
    Article::new("Floods killed 12 people in the Arden valley on Tuesday. Rescuers searched overnight.")
        .with_name("valley-news.test"),
    Article::new("The floods in the Arden valley killed 14 people, officials said. Schools were closed.")
        .with_name("daily.test"),
    Article::new("Floods killed 12 people in the Arden valley on Tuesday, the county said.")
        .with_name("wire.test"),
];
let brief = Roundup::new(Options { length: Length::Sentences(2), ..Options::default() }).run(&articles).unwrap();
let first = &brief.sentences[0];
assert_eq!(first.sources, vec![0, 2]);
assert_eq!(&articles[first.source].text.as_str()[first.span], brief.text(0));
assert_eq!(brief.conflicts[0].versions[1].value, "14");
assert!(brief.sentences[1].lead_in.as_deref().is_some_and(|l| l.starts_with("According to")));
```
*/

#![deny(missing_docs)]

pub mod conflict;
mod consensus;
mod error;
pub mod group;
mod headline;
mod pool;
pub mod quantity;
pub mod render;
mod select;

use nutgraf_analyze::Role;
use nutgraf_text::{is_stop_word, Span};
use serde::Serialize;

pub use conflict::{Conflict, Version};
pub use error::Error;
pub use headline::Headline;

/// The most sources one roundup accepts.
pub const MAX_SOURCES: usize = 200;
/// The default cap on each source's size: 16 MiB.
pub const DEFAULT_MAX_BYTES: usize = 16 << 20;

/// One outlet's article on the story.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Article {
    /// The article text. Every span of the brief is a byte range of it.
    pub text: String,
    /// Its headline, when known.
    pub title: Option<String>,
    /// The outlet: host name for pages, file name for files.
    pub name: Option<String>,
    /// Its publication date, as given.
    pub date: Option<String>,
    /// Its address, when fetched.
    pub url: Option<String>,
}

impl Article {
    /// An article with only its text.
    pub fn new(text: impl Into<String>) -> Article {
        Article { text: text.into(), ..Article::default() }
    }

    /// Sets the headline.
    pub fn with_title(mut self, title: impl Into<String>) -> Article {
        self.title = Some(title.into());
        self
    }

    /// Sets the outlet name (host or file name).
    pub fn with_name(mut self, name: impl Into<String>) -> Article {
        self.name = Some(name.into());
        self
    }

    /// How the article is named in lead-ins: its outlet name, else `source N` (1-based).
    pub fn display_name(&self, index: usize) -> String {
        self.name.clone().unwrap_or_else(|| format!("source {}", index + 1))
    }
}

/// How long the brief is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Length {
    /// At most this many sentences (one per fact).
    Sentences(usize),
    /// A word budget, lead-ins included, never exceeded; sentences are never cut.
    Words(usize),
}

/// Roundup options.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// Brief length. Default: 5 sentences.
    pub length: Length,
    /// Leave out unattributed opinion and prefer phrasings without loaded words (default on).
    pub neutral: bool,
    /// Largest source accepted, in bytes.
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { length: Length::Sentences(5), neutral: true, max_bytes: DEFAULT_MAX_BYTES }
    }
}

/// One sentence of the brief.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Item {
    /// Index of the source it is taken from.
    pub source: usize,
    /// Index of the sentence in that source (its segmentation).
    pub sentence: usize,
    /// Byte span in that source's text.
    pub span: Span,
    /// Every source that reports the same fact, sorted (includes `source`).
    pub sources: Vec<usize>,
    /// `"According to <outlet>,"` for a reported claim only one source makes.
    pub lead_in: Option<String>,
    /// The speaker of its quote or statement, when the text names one.
    pub speaker: Option<String>,
    /// Reported, attributed or quote.
    pub role: Role,
    /// Words in the verbatim sentence.
    pub words: usize,
}

/// A source that could not be used, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Skipped {
    /// Index of the source.
    pub source: usize,
    /// What was wrong with it.
    pub reason: String,
}

/// A roundup of several articles.
#[derive(Clone, Debug)]
pub struct Brief<'a> {
    /// The articles, as given.
    pub articles: &'a [Article],
    /// The chosen headline.
    pub headline: Option<Headline>,
    /// The brief's sentences, multi-source facts first.
    pub sentences: Vec<Item>,
    /// Different numbers or dates for the same fact.
    pub conflicts: Vec<Conflict>,
    /// Sources left out (empty, binary, too large).
    pub skipped: Vec<Skipped>,
    /// True when only one source was usable: the brief is a single-document brief.
    pub single_source: bool,
    /// Per source: its title as given, else the title line found at the top of its text.
    pub titles: Vec<Option<String>>,
}

impl<'a> Brief<'a> {
    /// The verbatim text of sentence `k`.
    pub fn text(&self, k: usize) -> &'a str {
        let item = &self.sentences[k];
        &self.articles[item.source].text.as_str()[item.span]
    }

    /// Sentence `k` as shown in text output: its lead-in, if any, then the verbatim sentence.
    pub fn shown(&self, k: usize) -> String {
        let text = self.text(k);
        match &self.sentences[k].lead_in {
            Some(lead) => format!("{lead} {}", lower_first(text)),
            None => text.to_string(),
        }
    }

    /// The brief's words, lead-ins included.
    pub fn words(&self) -> usize {
        (0..self.sentences.len()).map(|k| count_words(&self.shown(k))).sum()
    }
}

/// Makes roundups with fixed options. Cheap to create and reusable.
#[derive(Clone, Debug, Default)]
pub struct Roundup {
    options: Options,
}

impl Roundup {
    /// A roundup maker with `options`.
    pub fn new(options: Options) -> Roundup {
        Roundup { options }
    }

    /// The brief of `articles`, all on one story. Unusable sources are skipped and listed in
    /// [`Brief::skipped`]; it is an error only when none is usable.
    pub fn run<'a>(&self, articles: &'a [Article]) -> Result<Brief<'a>, Error> {
        match self.options.length {
            Length::Sentences(0) => return Err(Error::InvalidOption("the sentence count must be at least 1".into())),
            Length::Words(0) => return Err(Error::InvalidOption("the word budget must be at least 1".into())),
            _ => {}
        }
        if articles.is_empty() {
            return Err(Error::NoSources);
        }
        if articles.len() > MAX_SOURCES {
            return Err(Error::TooManySources { count: articles.len(), max: MAX_SOURCES });
        }
        let mut used = Vec::new();
        let mut skipped = Vec::new();
        let mut first_error = None;
        for (i, a) in articles.iter().enumerate() {
            match nutgraf_text::validate(a.text.as_bytes(), self.options.max_bytes) {
                Ok(_) => used.push(i),
                Err(e) => {
                    skipped.push(Skipped { source: i, reason: e.to_string() });
                    first_error.get_or_insert((i, e));
                }
            }
        }
        if used.is_empty() {
            let (id, source) = first_error.expect("every source failed");
            return Err(Error::Source { id: id + 1, name: articles[id].display_name(id), source });
        }
        let texts: Vec<&str> = used.iter().map(|&i| articles[i].text.as_str()).collect();
        let given: Vec<Option<&str>> = used.iter().map(|&i| articles[i].title.as_deref()).collect();
        let pool = pool::Pool::with_titles(&texts, &given);
        let groups = group::Groups::new(&pool.units, used.len());
        let scores = select::scores(&pool.units, &groups, used.len(), self.options.neutral);
        if scores.iter().all(Option::is_none) {
            return Err(Error::NothingEligible);
        }
        let single = used.len() == 1;
        let lead_in = |unit: usize, sources: &[usize]| -> Option<String> {
            let u = &pool.units[unit];
            (!single && sources.len() == 1 && u.role == Role::Reported)
                .then(|| format!("According to {},", articles[used[u.source]].display_name(used[u.source])))
        };
        let weights = consensus::weights(&pool.units, &pool.title_terms, used.len());
        let neutral = self.options.neutral;
        let picks =
            select::select(&pool.units, &groups, &scores, &weights, neutral, self.options.length, |unit, sources| {
                lead_in(unit, sources).map_or(0, |l| count_words(&l))
            });
        if picks.is_empty() {
            let Length::Words(max) = self.options.length else { unreachable!("a sentence budget always fits one") };
            return Err(Error::NothingFits { max });
        }
        let sentences = picks
            .iter()
            .map(|p| {
                let u = &pool.units[p.unit];
                Item {
                    source: used[u.source],
                    sentence: u.index,
                    span: u.span,
                    sources: p.sources.iter().map(|&s| used[s]).collect(),
                    lead_in: lead_in(p.unit, &p.sources),
                    speaker: u.speaker.clone(),
                    role: u.role,
                    words: u.words,
                }
            })
            .collect::<Vec<_>>();
        let mut conflicts = conflict::find(&pool.units, &groups);
        for c in &mut conflicts {
            for v in &mut c.versions {
                v.source = used[v.source];
                v.sources.iter_mut().for_each(|s| *s = used[*s]);
            }
        }
        let mut all_titles: Vec<Option<String>> = articles.iter().map(|a| a.title.clone()).collect();
        for (k, &i) in used.iter().enumerate() {
            if all_titles[i].is_none() {
                all_titles[i] = pool.titles[k].map(|span| articles[i].text.as_str()[span].trim().to_string());
            }
        }
        let titles: Vec<(usize, String)> = used.iter().filter_map(|&i| all_titles[i].clone().map(|t| (i, t))).collect();
        let brief_text: Vec<&str> = sentences.iter().map(|it| &articles[it.source].text.as_str()[it.span]).collect();
        let headline = headline::choose(&titles, &brief_text);
        Ok(Brief { articles, headline, sentences, conflicts, skipped, single_source: single, titles: all_titles })
    }
}

/// Lowercases the first letter of a sentence that opens with a common word ("The", "In"), so
/// it reads on after a lead-in; names and "I" keep their capital.
fn lower_first(text: &str) -> String {
    let first = text.split(|c: char| !c.is_alphanumeric() && c != '\'').next().unwrap_or("");
    if first == "A"
        || first.len() > 1 && is_stop_word(&first.to_lowercase()) && first.chars().skip(1).all(char::is_lowercase)
    {
        let mut c = text.chars();
        let head = c.next().map(|h| h.to_lowercase().collect::<String>()).unwrap_or_default();
        head + c.as_str()
    } else {
        text.to_string()
    }
}

fn count_words(text: &str) -> usize {
    nutgraf_text::words(text, Span::new(0, text.len())).count()
}
