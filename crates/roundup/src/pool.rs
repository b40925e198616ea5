//! Every sentence of every source in one pool, with cross-source term vectors.
//!
//! # Why this module exists
//!
//! Grouping, conflicts and selection all compare sentences of *different* articles, so the
//! per-document term ids of `nutgraf_summarize::features` do not fit: here one vocabulary and one
//! document frequency table span all sources. Each sentence becomes a [`Unit`] carrying what the
//! later stages need (analysis flags, speaker, quantities, a unit-length IDF-weighted term set).

use nutgraf_analyze::extract::extract;
use nutgraf_analyze::{analyze, Dependency, Role};
use nutgraf_text::{words, Document, NormalizedText, Span, TermAnalyzer};
use rustc_hash::FxHashMap;

use crate::quantity::{self, quantities, Quantity};
/// Cosine of two unit-length sparse vectors sorted by term.
pub(crate) use nutgraf_text::sparse_dot as cosine;

/// One sentence of one source.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// Index of the source.
    pub source: usize,
    /// Index of the sentence in its source.
    pub index: usize,
    /// Its original span in the source text.
    pub span: Span,
    /// Rank among the source's eligible sentences (0 = its lead).
    pub position: usize,
    /// Sparse `(term, weight)`, sorted by term, unit length (binary terms times IDF).
    pub terms: Vec<(u32, f32)>,
    /// Words in the sentence.
    pub words: usize,
    /// Content terms (distinct).
    pub content: usize,
    /// Loaded words in the article's own voice.
    pub loaded: usize,
    /// Unattributed opinion or boilerplate: never selected when neutrality is on.
    pub opinion: bool,
    /// Boilerplate (always left out).
    pub boilerplate: bool,
    /// Reported, attributed or quote.
    pub role: Role,
    /// Leans on the sentence before it.
    pub dependency: Option<Dependency>,
    /// The speaker of its quote or statement, when the text names one.
    pub speaker: Option<String>,
    /// Numbers and dates with what they count.
    pub quantities: Vec<Quantity>,
}

/// The pooled sentences, the documents they come from, and titles found in the texts.
pub(crate) struct Pool {
    pub units: Vec<Unit>,
    /// A title line found at the top of a source's text (its `Boilerplate::Title` sentence).
    pub titles: Vec<Option<Span>>,
    /// Per source: the content terms of its title (the given one, else the title line found in
    /// its text), sorted; only terms that some sentence uses.
    pub title_terms: Vec<Vec<u32>>,
}

impl Pool {
    /// [`Pool::with_titles`] without given titles.
    #[cfg(test)]
    pub fn new(texts: &[&str]) -> Pool {
        Pool::with_titles(texts, &[])
    }

    /// Segments and analyzes every text and builds the shared term vectors; `given[i]` is the
    /// title given for `texts[i]` (missing or `None`: the title line found in the text, if any).
    pub fn with_titles(texts: &[&str], given: &[Option<&str>]) -> Pool {
        let mut analyzer = TermAnalyzer::english();
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut df: Vec<u32> = Vec::new();
        let mut units = Vec::new();
        let mut titles = Vec::with_capacity(texts.len());
        for (source, &text) in texts.iter().enumerate() {
            let doc = Document::new(text);
            let analysis = analyze(&doc);
            let x = extract(&doc, None);
            let mut speakers: FxHashMap<usize, String> = FxHashMap::default();
            for q in &x.quotes {
                if let Some(s) = &q.speaker {
                    speakers.entry(q.sentence).or_insert_with(|| s.name.clone());
                }
            }
            for s in &x.statements {
                speakers.entry(s.sentence).or_insert_with(|| s.speaker.name.clone());
            }
            // People with a role, as name quantities of the sentence that gives the role.
            let mut names: FxHashMap<usize, Vec<Quantity>> = FxHashMap::default();
            for e in x.entities.iter().filter(|e| e.kind == nutgraf_analyze::extract::EntityKind::Person) {
                let (Some(role), Some(role_span)) = (&e.role, e.role_span) else { continue };
                let Some(i) = doc.sentences.iter().position(|s| s.span.contains(role_span)) else { continue };
                let sentence = doc.sentences[i].span;
                let shown = e.mentions.iter().find(|m| sentence.contains(**m)).map_or(e.name.as_str(), |&m| &text[m]);
                if let Some(q) = quantity::name(&e.name, role, shown, &mut analyzer) {
                    names.entry(i).or_default().push(q);
                }
            }
            let mut loaded = vec![0usize; doc.sentences.len()];
            for w in &analysis.loaded {
                loaded[w.sentence] += 1;
            }
            let norm = doc.text.normalized();
            let mut title = None;
            let mut position = 0;
            for (i, s) in doc.sentences.iter().enumerate() {
                let info = &analysis.sentences[i];
                if info.boilerplate == Some(nutgraf_analyze::Boilerplate::Title) && title.is_none() {
                    title = Some(s.span);
                }
                let mut terms: Vec<u32> = Vec::new();
                for w in words(norm, s.norm) {
                    if let Some(t) = analyzer.term(&norm[w]) {
                        let next = ids.len() as u32;
                        let id = *ids.entry(t.into_owned()).or_insert(next);
                        terms.push(id);
                    }
                }
                terms.sort_unstable();
                terms.dedup();
                for &t in &terms {
                    if t as usize >= df.len() {
                        df.resize(t as usize + 1, 0);
                    }
                    df[t as usize] += 1;
                }
                let eligible = info.boilerplate.is_none();
                units.push(Unit {
                    source,
                    index: i,
                    span: s.span,
                    position,
                    content: terms.len(),
                    terms: terms.into_iter().map(|t| (t, 1.0)).collect(),
                    words: info.words,
                    loaded: loaded[i],
                    opinion: info.opinion,
                    boilerplate: info.boilerplate.is_some(),
                    role: info.role,
                    dependency: info.dependency,
                    speaker: speakers.remove(&i),
                    quantities: {
                        let mut q = quantities(&norm[s.norm], &mut analyzer);
                        q.extend(names.remove(&i).unwrap_or_default());
                        q
                    },
                });
                position += usize::from(eligible);
            }
            titles.push(title);
        }
        let title_terms = (0..texts.len())
            .map(|source| {
                let mut terms: Vec<u32> = match (given.get(source).copied().flatten(), titles[source]) {
                    (Some(t), _) => {
                        let t = NormalizedText::new(t);
                        let t = t.normalized();
                        words(t, Span::new(0, t.len()))
                            .filter_map(|w| analyzer.term(&t[w]).and_then(|term| ids.get(term.as_ref()).copied()))
                            .collect()
                    }
                    (None, Some(span)) => units
                        .iter()
                        .find(|u| u.source == source && u.span == span)
                        .map_or_else(Vec::new, |u| u.terms.iter().map(|&(t, _)| t).collect()),
                    (None, None) => Vec::new(),
                };
                terms.sort_unstable();
                terms.dedup();
                terms
            })
            .collect();
        let n = units.len().max(1) as f32;
        for u in &mut units {
            for (t, w) in &mut u.terms {
                *w = (1.0 + n / df[*t as usize] as f32).ln();
            }
            let len = u.terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if len > 0.0 {
                u.terms.iter_mut().for_each(|(_, w)| *w /= len);
            }
        }
        Pool { units, titles, title_terms }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_vocabulary_across_sources() {
        let a = "The council approved the budget on Tuesday.";
        let b = "On Tuesday the council approved a budget.";
        let c = "Heavy rain flooded the river valley.";
        let p = Pool::new(&[a, b, c]);
        assert_eq!(p.units.len(), 3);
        assert!(cosine(&p.units[0].terms, &p.units[1].terms) > 0.99);
        assert!(cosine(&p.units[0].terms, &p.units[2].terms) < 0.01);
        assert_eq!(&a[p.units[0].span], a);
    }
}
