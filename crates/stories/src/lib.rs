/*!
The story-grouping stage of nutgraf: a day's feed of articles grouped into stories.

# Brief overview

A news desk gets hundreds of articles a day, many of them on the same events. A [`Grouper`]
takes them in batches ([`Grouper::push`]) and returns [`Story`]s ([`Grouper::finish`]): every
article is in exactly one story, a story is one *event* (not merely one topic), and wire copies
(the same text run by several outlets) are marked in [`Story::duplicates`].

The work is near-linear in the number of articles, never all pairs:
1. `features` — each article becomes hashed TF-IDF terms of its title and lead, a
   bottom-k shingle sketch and a label; the text is then dropped (bounded memory per article).
2. `graph` — candidate pairs come from an inverted index over rare terms; candidates
   are scored by TF-IDF cosine, locally scaled by each article's neighbourhood density.
3. `cluster` — average-link agglomeration on that sparse graph: two groups merge only
   when their *mean* cross similarity reaches [`Options::threshold`], so topics do not chain.
4. wire copies — candidate pairs inside a story whose shingle sketches overlap by at least
   [`Options::duplicate_jaccard`].

Featurizing, candidate search and scoring run on all cores (rayon). The defaults were chosen on
the NeuS/AllSides stories (`nutgraf stories --eval`, see BENCHMARKS.md), one set for all data.

Hand-written rather than taken from a crate: the pieces are small, and the available crates
either compare all pairs (hierarchical clustering over a condensed distance matrix) or store
and rank whole documents (search engines); each module header says why in its case.

# Example

```
use nutgraf_stories::{Article, Grouper, Options};

let feed = [
    ("a1", "Harbor bridge shut after crack found", "Engineers closed the Kessel harbor bridge on Monday after finding a crack in a main girder."),
    ("b7", "Kessel bridge closed for repairs", "The Kessel harbor bridge was closed on Monday when engineers found a cracked girder."),
    ("c3", "Chess prodigy wins junior title", "Lina Okafor, 14, won the junior world chess title in Tallinn on Sunday."),
];
let articles: Vec<Article> = feed.iter().map(|(id, title, text)| Article::new(*id, *text).with_title(*title)).collect();
let mut grouper = Grouper::new(Options::default()).unwrap();
grouper.push(&articles).unwrap();
let stories = grouper.finish();
assert_eq!(stories.len(), 2);
assert_eq!(stories[0].members, ["a1", "b7"]);
assert_eq!(stories[1].members, ["c3"]);
```
*/

#![deny(missing_docs)]

mod cluster;
mod error;
mod features;
mod graph;
mod grouper;
mod sketch;

pub use error::Error;
pub use grouper::{Embed, Grouper};

/// One article of the feed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// Its id: unique in the feed, not empty.
    pub id: String,
    /// Its headline, when known.
    pub title: Option<String>,
    /// Its text.
    pub text: String,
}

impl Article {
    /// An article with an id and text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article { id: id.into(), title: None, text: text.into() }
    }

    /// Sets the headline.
    pub fn with_title(mut self, title: impl Into<String>) -> Article {
        self.title = Some(title.into());
        self
    }
}

/// One story: articles on the same event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Story {
    /// A label: the title (else the opening words) of the story's most central article.
    pub label: String,
    /// The member ids, in input order.
    pub members: Vec<String>,
    /// The members' 0-based positions in the input, in order.
    pub positions: Vec<usize>,
    /// Wire copies: `(copy, original)` id pairs, the original being the earliest copy in input
    /// order. Both are members.
    pub duplicates: Vec<(String, String)>,
}

/// Grouping options. The defaults are one set for all feeds (see the crate docs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// Two groups merge when the mean scaled similarity of their cross pairs reaches this.
    pub threshold: f32,
    /// Neighbours kept per article in the candidate graph.
    pub neighbors: usize,
    /// Terms in more than this many articles are not used to find candidates (they still count
    /// in the cosine). A fixed number, not a share of the feed: it bounds the candidate work by
    /// `max_df` times the number of term occurrences, linear in the feed.
    pub max_df: usize,
    /// Candidate pairs under this TF-IDF cosine are dropped.
    pub min_cosine: f32,
    /// Local scaling divides by the cosine to this nearest neighbour (1-based rank).
    pub scale_k: usize,
    /// ... which counts as at least this much.
    pub scale_floor: f32,
    /// IDF exponent: 1 is plain TF-IDF, lower trusts rare terms less.
    pub idf_power: f32,
    /// Words of the text read after the title (news puts the event first).
    pub lead_words: usize,
    /// How many times a title term counts.
    pub title_weight: f32,
    /// Shingle-set Jaccard at or above which two members are wire copies.
    pub duplicate_jaccard: f32,
    /// Hashes kept per article for wire-copy detection.
    pub sketch_size: usize,
    /// Factor on the cosine of two articles that name weekdays but none in common.
    pub weekday_penalty: f32,
    /// With an embedder ([`Grouper::with_embedder`]): the share of the sentence-embedding cosine
    /// in a pair's similarity, the rest being the TF-IDF cosine. Unused without one.
    pub embed_weight: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threshold: 0.9,
            neighbors: 10,
            max_df: 400,
            min_cosine: 0.05,
            scale_k: 2,
            scale_floor: 0.2,
            idf_power: 0.5,
            lead_words: 100,
            title_weight: 2.0,
            duplicate_jaccard: 0.8,
            sketch_size: 64,
            weekday_penalty: 0.8,
            embed_weight: 0.5,
        }
    }
}

impl Options {
    /// The defaults for grouping with an embedder (the merge threshold chosen for the mixed
    /// similarity on the NeuS stories, as the model-free one was; see BENCHMARKS.md).
    pub fn with_model() -> Options {
        Options { threshold: WITH_MODEL_THRESHOLD, ..Options::default() }
    }
}

/// The merge threshold of [`Options::with_model`].
const WITH_MODEL_THRESHOLD: f32 = 0.9;

impl Options {
    /// Checks that every option can work.
    pub fn validate(&self) -> Result<(), Error> {
        let bad = |what: &str| Err(Error::InvalidOption(what.to_string()));
        if !(self.threshold.is_finite() && self.threshold > 0.0) {
            return bad("the threshold must be a number above 0");
        }
        if !(0.0..=1.0).contains(&self.embed_weight) {
            return bad("the embedding weight must be between 0 and 1");
        }
        if self.neighbors == 0 || self.max_df < 2 || self.lead_words == 0 || self.sketch_size == 0 || self.scale_k == 0
        {
            return bad("neighbors, lead words, sketch size and scale rank must be at least 1, max df at least 2");
        }
        if !(0.0..=1.0).contains(&self.duplicate_jaccard) || !(0.0..=1.0).contains(&self.weekday_penalty) {
            return bad("the duplicate Jaccard and the weekday penalty must be in [0, 1]");
        }
        if !(self.scale_floor > 0.0 && self.idf_power >= 0.0 && self.title_weight >= 0.0) {
            return bad("the scale floor must be above 0, the idf power and title weight at least 0");
        }
        Ok(())
    }
}

/// The story of each article (index into `stories`), by input position.
pub fn assignment(stories: &[Story], articles: usize) -> Vec<usize> {
    let mut out = vec![usize::MAX; articles];
    for (s, story) in stories.iter().enumerate() {
        for &p in &story.positions {
            out[p] = s;
        }
    }
    out
}
