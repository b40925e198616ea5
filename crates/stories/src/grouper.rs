//! The streaming grouper: articles in, batch by batch; stories out.
//!
//! [`Grouper::push`] turns each batch into compact features in parallel (rayon) and drops the
//! text, so memory grows by a few hundred bytes per article, not by the feed's size. Ids are
//! checked for duplicates as they arrive. [`Grouper::finish`] builds the candidate graph, clusters
//! it and assembles the stories: members in input order, stories ordered by their first member,
//! wire copies marked against the earliest copy, and a label from the most central member.

use std::cell::RefCell;

use nutgraf_text::TermAnalyzer;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::cluster::average_link;
use crate::features::{featurize, lead_text, Features};
use crate::graph::{self, Edge};
use crate::{Article, Error, Options, Story};

thread_local! {
    static ANALYZER: RefCell<TermAnalyzer> = RefCell::new(TermAnalyzer::english());
}

/// Phase timings on standard error when `NUTGRAF_STORIES_TRACE` is set (for benchmarks).
fn trace(what: std::fmt::Arguments) {
    if std::env::var_os("NUTGRAF_STORIES_TRACE").is_some() {
        eprintln!("nutgraf-stories: {what}");
    }
}

/// A sentence-embedding model as the grouper uses it: texts in, one unit-length vector each, all
/// of one length. `nutgraf-embed`'s model implements it in the CLI; the grouper does not depend on
/// any model.
pub trait Embed: Send + Sync + std::fmt::Debug {
    /// One unit-length vector per text, in order.
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String>;
}

/// Groups a feed into stories; see the [crate docs](crate).
#[derive(Debug)]
pub struct Grouper {
    options: Options,
    ids: Vec<String>,
    positions: FxHashMap<String, usize>,
    features: Vec<Features>,
    embedder: Option<Box<dyn Embed>>,
    dim: Option<usize>,
}

impl Grouper {
    /// A grouper with these options, or why they cannot work.
    pub fn new(options: Options) -> Result<Grouper, Error> {
        options.validate()?;
        Ok(Grouper {
            options,
            ids: Vec::new(),
            positions: FxHashMap::default(),
            features: Vec::new(),
            embedder: None,
            dim: None,
        })
    }

    /// Also compares articles by a sentence embedding of their title and lead: a pair's
    /// similarity becomes `(1 - w) × TF-IDF cosine + w × embedding cosine` with `w` =
    /// [`Options::embed_weight`] (candidates still come from shared rare terms). Set it before
    /// the first [`Grouper::push`]; [`Options::with_model`] has the threshold for this mix.
    pub fn with_embedder(mut self, embedder: Box<dyn Embed>) -> Grouper {
        self.embedder = Some(embedder);
        self
    }

    /// Adds a batch of articles (featurized in parallel). A duplicate or empty id is an error and
    /// leaves the grouper as it was.
    pub fn push(&mut self, batch: &[Article]) -> Result<(), Error> {
        let mut fresh: FxHashMap<&str, usize> = FxHashMap::default();
        for (k, a) in batch.iter().enumerate() {
            let position = self.ids.len() + k + 1;
            if a.id.is_empty() {
                return Err(Error::EmptyId { position });
            }
            let first = self.positions.get(&a.id).map(|p| p + 1).or_else(|| fresh.get(a.id.as_str()).copied());
            if let Some(first) = first {
                return Err(Error::DuplicateId { id: a.id.clone(), first, second: position });
            }
            fresh.insert(&a.id, position);
        }
        let options = &self.options;
        let mut features: Vec<Features> = batch
            .par_iter()
            .map(|a| ANALYZER.with_borrow_mut(|an| featurize(an, a.title.as_deref().unwrap_or(""), &a.text, options)))
            .collect();
        if let Some(embedder) = &self.embedder {
            let texts: Vec<String> = batch
                .iter()
                .map(|a| lead_text(a.title.as_deref().unwrap_or(""), &a.text, options.lead_words))
                .collect();
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let vectors = embedder.embed(&refs).map_err(Error::Embed)?;
            if vectors.len() != batch.len() {
                return Err(Error::Embed(format!("{} vectors for {} articles", vectors.len(), batch.len())));
            }
            for (f, v) in features.iter_mut().zip(vectors) {
                let dim = *self.dim.get_or_insert(v.len());
                if v.len() != dim || v.iter().any(|x| !x.is_finite()) {
                    return Err(Error::Embed(format!("a vector of length {} (not {dim}) or not finite", v.len())));
                }
                f.embedding = Some(v.into_boxed_slice());
            }
        }
        for a in batch {
            self.positions.insert(a.id.clone(), self.ids.len());
            self.ids.push(a.id.clone());
        }
        self.features.extend(features);
        Ok(())
    }

    /// Number of articles pushed.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True before the first article.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Groups the articles at the options' threshold.
    pub fn finish(&self) -> Vec<Story> {
        self.sweep(&[self.options.threshold]).pop().expect("one threshold gives one grouping")
    }

    /// One grouping per threshold, from one candidate graph (for tuning and evaluation).
    pub fn sweep(&self, thresholds: &[f32]) -> Vec<Vec<Story>> {
        let started = std::time::Instant::now();
        let edges = graph::build(&self.features, &self.options);
        trace(format_args!("graph: {} edges in {:.2} s", edges.len(), started.elapsed().as_secs_f64()));
        let stories = thresholds.par_iter().map(|&t| self.stories(&edges, t)).collect();
        trace(format_args!("grouped in {:.2} s", started.elapsed().as_secs_f64()));
        stories
    }

    fn stories(&self, edges: &[Edge], threshold: f32) -> Vec<Story> {
        let n = self.features.len();
        let roots = average_link(n, edges, threshold);
        let mut index: FxHashMap<u32, usize> = FxHashMap::default();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for (i, r) in roots.iter().enumerate() {
            let s = *index.entry(*r).or_insert_with(|| {
                members.push(Vec::new());
                members.len() - 1
            });
            members[s].push(i);
        }
        // Each story's edges, and the centrality (sum of in-story cosines) of each article.
        let mut story_edges: Vec<Vec<&Edge>> = vec![Vec::new(); members.len()];
        let mut centrality = vec![0f32; n];
        for e in edges {
            let (sa, sb) = (index[&roots[e.a as usize]], index[&roots[e.b as usize]]);
            if sa == sb {
                story_edges[sa].push(e);
                centrality[e.a as usize] += e.cosine;
                centrality[e.b as usize] += e.cosine;
            }
        }
        members
            .into_iter()
            .zip(story_edges)
            .map(|(positions, edges)| {
                let central = positions
                    .iter()
                    .copied()
                    .max_by(|&x, &y| centrality[x].total_cmp(&centrality[y]).then(y.cmp(&x)))
                    .expect("a story has a member");
                let duplicates = self.duplicates(&edges);
                Story {
                    label: self.features[central].label.clone(),
                    members: positions.iter().map(|&p| self.ids[p].clone()).collect(),
                    duplicates: duplicates
                        .into_iter()
                        .map(|(c, o)| (self.ids[c].clone(), self.ids[o].clone()))
                        .collect(),
                    positions,
                }
            })
            .collect()
    }

    /// Wire copies among a story's edges: (copy, earliest copy), by input position.
    fn duplicates(&self, edges: &[&Edge]) -> Vec<(usize, usize)> {
        let k = self.options.sketch_size;
        let mut first: FxHashMap<usize, usize> = FxHashMap::default();
        let find = |first: &FxHashMap<usize, usize>, mut i: usize| {
            while let Some(&p) = first.get(&i) {
                i = p;
            }
            i
        };
        for e in edges.iter().filter(|e| e.cosine >= self.options.duplicate_jaccard * 0.5) {
            let (a, b) = (e.a as usize, e.b as usize);
            if self.features[a].sketch.jaccard(&self.features[b].sketch, k) < self.options.duplicate_jaccard {
                continue;
            }
            let (ra, rb) = (find(&first, a), find(&first, b));
            if ra != rb {
                first.insert(ra.max(rb), ra.min(rb));
            }
        }
        let mut pairs: Vec<(usize, usize)> = first.keys().map(|&c| (c, find(&first, c))).collect();
        pairs.sort_unstable();
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift) for random feeds.
    fn feed(seed: u64, n: usize) -> Vec<Article> {
        let vocab = [
            "council", "harbor", "bridge", "girder", "Kessel", "budget", "library", "strike", "flour", "Lisbon",
            "chess", "Tallinn", "Okafor", "flood", "valley", "school", "vote", "Monday", "crack", "repairs",
        ];
        let mut x = seed | 1;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut out: Vec<Article> = Vec::new();
        for i in 0..n {
            let r = next();
            if r % 7 == 0 && !out.is_empty() {
                // A wire copy of an earlier article.
                let of = out[(r as usize / 7) % out.len()].text.clone();
                out.push(Article::new(format!("a{i}"), format!("WIRE - {of}")));
                continue;
            }
            let words: Vec<&str> = (0..(4 + r % 20)).map(|_| vocab[(next() % vocab.len() as u64) as usize]).collect();
            out.push(Article::new(format!("a{i}"), words.join(" ")).with_title(vocab[(r % 20) as usize]));
        }
        out
    }

    #[test]
    fn every_article_is_in_exactly_one_story() {
        for seed in 1..6u64 {
            let articles = feed(seed * 7919, 300);
            let mut g = Grouper::new(Options::default()).unwrap();
            for batch in articles.chunks(64) {
                g.push(batch).unwrap();
            }
            for stories in g.sweep(&[0.1, 0.9, 3.0]) {
                let mut seen = vec![0u32; articles.len()];
                for s in &stories {
                    assert!(!s.members.is_empty());
                    assert!(s.positions.windows(2).all(|w| w[0] < w[1]), "members in input order");
                    for (&p, id) in s.positions.iter().zip(&s.members) {
                        seen[p] += 1;
                        assert_eq!(&articles[p].id, id);
                    }
                    for (copy, original) in &s.duplicates {
                        assert!(s.members.contains(copy) && s.members.contains(original));
                        let pos = |id: &str| articles.iter().position(|a| a.id == id).unwrap();
                        assert!(pos(original) < pos(copy), "the original is the earliest copy");
                    }
                }
                assert!(seen.iter().all(|&c| c == 1), "seed {seed}: {seen:?}");
            }
        }
    }

    #[test]
    fn duplicate_and_empty_ids_are_errors_and_change_nothing() {
        let mut g = Grouper::new(Options::default()).unwrap();
        g.push(&[Article::new("x", "One text."), Article::new("y", "Two.")]).unwrap();
        let e = g.push(&[Article::new("z", "Three."), Article::new("x", "Again.")]).unwrap_err();
        assert!(matches!(e, Error::DuplicateId { ref id, first: 1, second: 4 } if id == "x"), "{e}");
        let e = g.push(&[Article::new("w", "Four."), Article::new("w", "Five.")]).unwrap_err();
        assert!(matches!(e, Error::DuplicateId { first: 3, second: 4, .. }), "{e}");
        assert!(matches!(g.push(&[Article::new("", "x")]), Err(Error::EmptyId { position: 3 })));
        assert_eq!(g.len(), 2);
        assert_eq!(g.finish().len(), 2, "two unrelated one-line articles");
        assert!(Grouper::new(Options::default()).unwrap().finish().is_empty(), "no articles, no stories");
        assert!(Grouper::new(Options { threshold: 0.0, ..Options::default() }).is_err());
    }

    /// A stand-in model: texts on the dam story get one vector, every other text another.
    #[derive(Debug)]
    struct TopicModel;

    impl Embed for TopicModel {
        fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String> {
            Ok(texts
                .iter()
                .map(|t| if t.contains("dam") || t.contains("reservoir") { vec![1.0, 0.0] } else { vec![0.0, 1.0] })
                .collect())
        }
    }

    fn dam_feed() -> Vec<Article> {
        vec![
            Article::new("a", "Engineers found a crack in the Vandermeer dam spillway on Monday after record rain.")
                .with_title("Vandermeer dam spillway cracks"),
            Article::new(
                "b",
                "A fissure opened in the concrete overflow channel of the Vandermeer reservoir, officials said.",
            )
            .with_title("Concrete channel split at county reservoir"),
            Article::new("c", "The Vandermeer public library reopened its doors after a two-year renovation.")
                .with_title("Library reopens after renovation"),
        ]
    }

    #[test]
    fn an_embedder_joins_reports_of_one_event_in_other_words() {
        let members = |g: &Grouper| g.finish().into_iter().map(|s| s.members).collect::<Vec<_>>();
        let mut words_only = Grouper::new(Options::default()).unwrap();
        words_only.push(&dam_feed()).unwrap();
        assert_eq!(members(&words_only), [["a"], ["b"], ["c"]], "one shared name is not one event");
        let mut with_model = Grouper::new(Options::with_model()).unwrap().with_embedder(Box::new(TopicModel));
        with_model.push(&dam_feed()).unwrap();
        assert_eq!(members(&with_model), [vec!["a", "b"], vec!["c"]]);
    }

    #[derive(Debug)]
    struct BrokenModel(usize);

    impl Embed for BrokenModel {
        fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String> {
            match self.0 {
                0 => Err("out of memory".into()),
                1 => Ok(vec![vec![1.0]; texts.len() + 1]),
                _ => Ok(texts.iter().enumerate().map(|(i, _)| vec![f32::NAN; 1 + i]).collect()),
            }
        }
    }

    #[test]
    fn a_failing_embedder_is_an_error_and_adds_nothing() {
        for kind in 0..3 {
            let mut g = Grouper::new(Options::with_model()).unwrap().with_embedder(Box::new(BrokenModel(kind)));
            let e = g.push(&dam_feed()).unwrap_err();
            assert!(matches!(e, Error::Embed(_)), "{e}");
            assert!(!e.is_input());
            assert!(g.is_empty(), "the batch was not added");
        }
    }
}
