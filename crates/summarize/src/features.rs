//! Sentence term vectors shared by every scorer.
//!
//! Terms are Snowball stems of non-stop words, numbered per document. Each sentence gets a sparse
//! vector of term counts, sorted by term id, and the document keeps the number of sentences each
//! term occurs in, for IDF weights.
//!
//! Terms are made in the document's language ([`Document::lang`]): its Snowball stemmer and stop
//! words, or lowercase words for the language-neutral path.

use std::cell::RefCell;

use nutgraf_text::{Document, Lang, TermAnalyzer};
use rustc_hash::FxHashMap;

thread_local! {
    /// One analyzer per thread, so its stem memo serves every article the thread summarizes.
    static ANALYZER: RefCell<TermAnalyzer> = RefCell::new(TermAnalyzer::english());
    /// The analyzers of the other languages this thread has met (English stays on the path
    /// above, with no lookup).
    static OTHERS: RefCell<Vec<TermAnalyzer>> = const { RefCell::new(Vec::new()) };
}

/// Sparse term-count vectors of a document's sentences.
#[derive(Debug, Default)]
pub struct Features {
    /// Per sentence: `(term id, count)` sorted by term id.
    pub tf: Vec<Vec<(u32, f32)>>,
    /// Per term: the number of sentences it occurs in.
    pub df: Vec<u32>,
    /// Per sentence: number of words (stop words included).
    pub words: Vec<usize>,
    /// Per sentence: words after the first that open with a capital letter or a digit (names,
    /// numbers).
    pub named: Vec<usize>,
    unit: std::cell::OnceCell<Vec<Vec<(u32, f32)>>>,
}

impl Features {
    /// Computes the features of `doc`, in its language.
    pub fn new(doc: &Document) -> Features {
        if doc.lang == Lang::English {
            return ANALYZER.with(|a| Features::with_analyzer(doc, &mut a.borrow_mut()));
        }
        OTHERS.with(|others| {
            let mut others = others.borrow_mut();
            let k = match others.iter().position(|a| a.lang() == doc.lang) {
                Some(k) => k,
                None => {
                    others.push(TermAnalyzer::new(doc.lang));
                    others.len() - 1
                }
            };
            Features::with_analyzer(doc, &mut others[k])
        })
    }

    /// Computes the features of `doc` with a given analyzer.
    pub fn with_analyzer(doc: &Document, analyzer: &mut TermAnalyzer) -> Features {
        // The analyzer's term ids must hold for the whole document.
        analyzer.trim();
        let norm = doc.text.normalized();
        // About one word per six bytes of news text, and one distinct word in four.
        let distinct = norm.len() / 24 + 16;
        // The analyzer's term id -> this document's term id, numbered in order of first use.
        let mut ids: FxHashMap<u32, u32> = FxHashMap::with_capacity_and_hasher(distinct, Default::default());
        // Written word number -> term id, or None for a stop word: looks each distinct word up
        // once (outer None: not looked up yet).
        let mut seen: Vec<Option<Option<u32>>> = vec![None; doc.vocabulary_len()];
        let n_sentences = doc.sentences.len();
        let mut f = Features {
            tf: Vec::with_capacity(n_sentences),
            df: Vec::with_capacity(distinct),
            words: Vec::with_capacity(n_sentences),
            named: Vec::with_capacity(n_sentences),
            unit: Default::default(),
        };
        let mut terms: Vec<u32> = Vec::new();
        for i in 0..n_sentences {
            terms.clear();
            let mut n = 0;
            let mut named = 0;
            for (&w, &v) in doc.sentence_words(i).iter().zip(doc.word_ids(i)) {
                n += 1;
                let word = &norm[w];
                if n > 1 && word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
                    named += 1;
                }
                let id = match seen[v as usize] {
                    Some(id) => id,
                    None => {
                        let id = analyzer.term_id(word).map(|t| {
                            let next = ids.len() as u32;
                            *ids.entry(t).or_insert(next)
                        });
                        seen[v as usize] = Some(id);
                        id
                    }
                };
                terms.extend(id);
            }
            terms.sort_unstable();
            let mut v: Vec<(u32, f32)> = Vec::with_capacity(terms.len());
            for &t in &terms {
                match v.last_mut() {
                    Some((last, c)) if *last == t => *c += 1.0,
                    _ => v.push((t, 1.0)),
                }
            }
            f.df.resize(ids.len(), 0);
            for &(t, _) in &v {
                f.df[t as usize] += 1;
            }
            f.tf.push(v);
            f.words.push(n);
            f.named.push(named);
        }
        f
    }

    /// Unit-length TF-IDF vectors of the sentences (computed once, on first use; an empty
    /// sentence keeps an empty vector).
    pub fn unit_tfidf(&self) -> &[Vec<(u32, f32)>] {
        self.unit.get_or_init(|| {
            tfidf(self)
                .into_iter()
                .map(|mut v| {
                    let m = norm(&v);
                    if m > 0.0 {
                        v.iter_mut().for_each(|(_, x)| *x /= m);
                    }
                    v
                })
                .collect()
        })
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.tf.len()
    }

    /// True when the document has no sentences.
    pub fn is_empty(&self) -> bool {
        self.tf.is_empty()
    }
}

/// Dot product of two sparse vectors sorted by term id.
pub use nutgraf_text::sparse_dot as dot;

/// Number of terms two sparse vectors share.
pub fn common(a: &[(u32, f32)], b: &[(u32, f32)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Euclidean norm of a sparse vector.
pub fn norm(a: &[(u32, f32)]) -> f32 {
    a.iter().map(|(_, w)| w * w).sum::<f32>().sqrt()
}

/// TF-IDF weights of every sentence, with `idf = ln(n / df) + 1`.
pub fn tfidf(f: &Features) -> Vec<Vec<(u32, f32)>> {
    let n = f.len().max(1) as f32;
    // The weight depends on the document frequency only, and most terms share a handful of
    // them (1, 2, 3 ...): compute `ln` once per distinct frequency.
    let mut by_df: Vec<f32> = Vec::new();
    let idf: Vec<f32> =
        f.df.iter()
            .map(|&d| {
                let d = d as usize;
                if d >= by_df.len() {
                    by_df.resize(d + 1, f32::NAN);
                }
                if by_df[d].is_nan() {
                    by_df[d] = (n / d as f32).ln() + 1.0;
                }
                by_df[d]
            })
            .collect();
    f.tf.iter().map(|v| v.iter().map(|&(t, c)| (t, c * idf[t as usize])).collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors() {
        let doc = Document::new("The council voted. Councils vote often. Rain fell.");
        let f = Features::new(&doc);
        assert_eq!(f.len(), 3);
        assert_eq!(f.words, vec![3, 3, 2]);
        assert_eq!(common(&f.tf[0], &f.tf[1]), 2, "council and vote share stems");
        assert_eq!(common(&f.tf[0], &f.tf[2]), 0);
        assert!((dot(&f.tf[0], &f.tf[1]) - 2.0).abs() < 1e-6);
        assert_eq!(f.df[f.tf[0][0].0 as usize], 2);
    }

    #[test]
    fn vectors_in_the_document_language() {
        let input = "Los concejales votaron el presupuesto. El concejal votó en contra. Llovió.";
        let f = Features::new(&Document::with_lang(input, Lang::Spanish));
        assert_eq!(f.words, vec![5, 5, 1]);
        // "concejales"/"concejal" and "votaron"/"votó" share Spanish stems; "los", "el", "en" and
        // "contra" are stop words.
        assert_eq!(common(&f.tf[0], &f.tf[1]), 2);
        assert_eq!(f.tf[1].len(), 2);
        // The language-neutral path keeps every word, lowercase, unstemmed: only "el" is shared.
        let f = Features::new(&Document::with_lang(input, Lang::Other));
        assert_eq!(common(&f.tf[0], &f.tf[1]), 1);
        assert_eq!(f.tf[1].len(), 5);
    }
}
