//! The similarity graph: TF-IDF cosine between candidate pairs, never all pairs.
//!
//! Candidates come from an inverted index over *rare* terms only (in at least 2 and at most
//! [`Options::max_df`](crate::Options::max_df) articles): common terms
//! ("president", "said") would make every posting list long and the work quadratic, while two
//! reports of one event share names, places and numbers that few other articles use. For each
//! article the rare-term dot products are accumulated over its posting lists (a sparse
//! matrix-vector product, one thread-local accumulator per worker), the best
//! `4 × neighbors` are rescored with the full cosine (all terms), and the best
//! [`Options::neighbors`](crate::Options::neighbors) above a floor are kept. Work is
//! `O(Σ df²)` over rare terms, at most `max_df` times the number of term occurrences: linear in the
//! feed.
//!
//! Two articles that both name weekdays, but none in common ("on Monday" against "on Thursday"),
//! have their cosine multiplied by [`Options::weekday_penalty`](crate::Options::weekday_penalty):
//! reports of one event name the same day, follow-ups of one topic on other days do not. A
//! penalty, not a veto: a report may name the day before.
//!
//! Cosines are then *locally scaled* (Zelnik-Manor and Perona 2004): `cos(a, b) /
//! sqrt(s_a s_b)`, where `s_a` is `a`'s cosine to its `k`-th nearest neighbour (at least
//! [`Options::scale_floor`](crate::Options::scale_floor)). An article in a dense topic (many
//! stories on one trial or one election) needs a closer match to join a story than an article
//! whose topic is rare. Hand-written: the index, accumulator and top-k are a page of code, and a
//! general search library would store the text and rank by BM25, not cosine.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::features::Features;
use crate::Options;
use nutgraf_text::sparse_dot as cosine;

/// A weighted edge between two articles (indices in input order, `a < b`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Edge {
    pub a: u32,
    pub b: u32,
    /// Locally scaled similarity.
    pub weight: f32,
    /// Raw TF-IDF cosine.
    pub cosine: f32,
}

/// Unit TF-IDF vectors: (term id, weight) sorted by term id.
type Vector = Vec<(u32, f32)>;

/// The candidate graph of the articles, edges sorted by (a, b).
pub(crate) fn build(features: &[Features], options: &Options) -> Vec<Edge> {
    let n = features.len();
    if n < 2 {
        return Vec::new();
    }
    let (vectors, df) = vectors(features, options);
    let postings = Postings::new(&vectors, &df, options.max_df as u32);
    let lists: Vec<Vec<(u32, f32)>> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0f32; n], Vec::<u32>::new()),
            |(acc, touched), i| neighbours(i, &vectors, features, &postings, acc, touched, options),
        )
        .collect();
    // The k-th best cosine of each article, for local scaling.
    let k = options.scale_k.max(1);
    let scale: Vec<f32> =
        lists.iter().map(|l| l.get(k - 1).or(l.last()).map_or(1.0, |&(_, c)| c).max(options.scale_floor)).collect();
    let mut edges: Vec<Edge> = lists
        .iter()
        .enumerate()
        .flat_map(|(i, l)| {
            let scale = &scale;
            l.iter().map(move |&(j, cosine)| {
                let (a, b) = if (i as u32) < j { (i as u32, j) } else { (j, i as u32) };
                let weight = cosine / (scale[a as usize] * scale[b as usize]).sqrt();
                Edge { a, b, weight, cosine }
            })
        })
        .collect();
    edges.sort_unstable_by_key(|e| (e.a, e.b));
    edges.dedup_by_key(|e| (e.a, e.b));
    edges
}

/// Dense term ids, document frequencies and unit TF-IDF vectors (`idf^p`, smoothed).
fn vectors(features: &[Features], options: &Options) -> (Vec<Vector>, Vec<u32>) {
    let mut ids: FxHashMap<u64, u32> = FxHashMap::default();
    let mut df: Vec<u32> = Vec::new();
    let mut vectors: Vec<Vector> = features
        .iter()
        .map(|f| {
            let mut v: Vector = f
                .terms
                .iter()
                .map(|&(h, w)| {
                    let next = ids.len() as u32;
                    let id = *ids.entry(h).or_insert(next);
                    if id as usize == df.len() {
                        df.push(0);
                    }
                    df[id as usize] += 1;
                    (id, w)
                })
                .collect();
            v.sort_unstable_by_key(|&(t, _)| t);
            v
        })
        .collect();
    let n = features.len() as f32;
    let idf: Vec<f32> =
        df.iter().map(|&d| (((n + 1.0) / (d as f32 + 1.0)).ln() + 1.0).powf(options.idf_power)).collect();
    vectors.par_iter_mut().for_each(|v| {
        for (t, w) in v.iter_mut() {
            *w *= idf[*t as usize];
        }
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|(_, w)| *w /= norm);
        }
    });
    (vectors, df)
}

/// Posting lists of the rare terms, in compressed-row form: (article, weight).
struct Postings {
    start: Vec<u32>,
    items: Vec<(u32, f32)>,
}

impl Postings {
    fn new(vectors: &[Vector], df: &[u32], max_df: u32) -> Postings {
        let indexed = |t: u32| (2..=max_df).contains(&df[t as usize]);
        let mut start = vec![0u32; df.len() + 1];
        for (t, &d) in df.iter().enumerate() {
            start[t + 1] = start[t] + if indexed(t as u32) { d } else { 0 };
        }
        let mut fill = start.clone();
        let mut items = vec![(0u32, 0f32); start[df.len()] as usize];
        for (i, v) in vectors.iter().enumerate() {
            for &(t, w) in v.iter().filter(|&&(t, _)| indexed(t)) {
                items[fill[t as usize] as usize] = (i as u32, w);
                fill[t as usize] += 1;
            }
        }
        Postings { start, items }
    }

    fn list(&self, t: u32) -> &[(u32, f32)] {
        &self.items[self.start[t as usize] as usize..self.start[t as usize + 1] as usize]
    }
}

/// The best `neighbors` of article `i` by full cosine (weekday penalty applied), at least
/// `min_cosine`, best first.
fn neighbours(
    i: usize,
    vectors: &[Vector],
    features: &[Features],
    postings: &Postings,
    acc: &mut [f32],
    touched: &mut Vec<u32>,
    options: &Options,
) -> Vec<(u32, f32)> {
    let (keep, floor, day_penalty) = (options.neighbors, options.min_cosine, options.weekday_penalty);
    let mix = options.embed_weight;
    for &(t, w) in &vectors[i] {
        for &(j, wj) in postings.list(t) {
            if j as usize == i {
                continue;
            }
            if acc[j as usize] == 0.0 {
                touched.push(j);
            }
            acc[j as usize] += w * wj;
        }
    }
    let mut partial: Vec<(u32, f32)> = touched.iter().map(|&j| (j, acc[j as usize])).collect();
    for &j in touched.iter() {
        acc[j as usize] = 0.0;
    }
    touched.clear();
    let shortlist = (4 * keep).max(keep + 8);
    if partial.len() > shortlist {
        partial.select_nth_unstable_by(shortlist, |x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        partial.truncate(shortlist);
    }
    // From a borrowed iterator: collecting `partial.into_iter()` would reuse its allocation (as
    // large as every touched article) for this short list and keep it alive in the graph.
    let mut scored: Vec<(u32, f32)> = partial
        .iter()
        .map(|&(j, _)| {
            let (a, b) = (features[i].weekdays, features[j as usize].weekdays);
            let penalty = if a != 0 && b != 0 && a & b == 0 { day_penalty } else { 1.0 };
            let mut c = cosine(&vectors[i], &vectors[j as usize]);
            if let (Some(x), Some(y)) = (&features[i].embedding, &features[j as usize].embedding) {
                let e: f32 = x.iter().zip(y.iter()).map(|(p, q)| p * q).sum();
                c = (1.0 - mix) * c + mix * e.max(0.0);
            }
            (j, penalty * c)
        })
        .filter(|&(_, c)| c >= floor)
        .collect();
    scored.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    scored.truncate(keep);
    scored.shrink_to_fit();
    scored
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::featurize;
    use nutgraf_text::TermAnalyzer;

    #[test]
    fn related_articles_get_an_edge_and_unrelated_ones_none() {
        let options = Options::default();
        let mut a = TermAnalyzer::english();
        let texts = [
            "Vandermeer dam spillway cracked after record rain in Oakridge county.",
            "Engineers inspect the cracked Vandermeer dam spillway in Oakridge.",
            "Chess prodigy Lina Okafor wins the junior world title in Tallinn.",
            "Bakers in Lisbon protest over flour prices for a second week.",
        ];
        let f: Vec<Features> = texts.iter().map(|t| featurize(&mut a, "", t, &options)).collect();
        let edges = build(&f, &options);
        assert!(edges.iter().any(|e| (e.a, e.b) == (0, 1) && e.cosine > 0.3), "{edges:?}");
        assert!(edges.iter().all(|e| e.b < 2 || e.cosine < 0.1), "{edges:?}");
        assert!(edges.windows(2).all(|w| (w[0].a, w[0].b) < (w[1].a, w[1].b)));
    }

    #[test]
    fn cosine_of_sorted_vectors() {
        assert_eq!(cosine(&[(1, 0.6), (3, 0.8)], &[(3, 1.0)]), 0.8);
        assert_eq!(cosine(&[], &[(3, 1.0)]), 0.0);
    }
}
