//! Sparse sentence graphs and PageRank, for the TextRank and LexRank baselines.
//!
//! Edges are enumerated through an inverted index, so only sentence pairs that share a term are
//! compared; on ordinary articles that is close to all pairs, on very long inputs it keeps the
//! graph as sparse as the vocabulary allows.

use crate::features::Features;

/// A symmetric weighted graph in adjacency-list form.
#[derive(Debug, Default)]
pub struct Graph {
    /// Per node: `(neighbour, weight)`.
    pub adj: Vec<Vec<(u32, f32)>>,
}

impl Graph {
    /// Builds the graph whose edge `i-j` has weight `sim(i, j)` for every pair sharing a term,
    /// keeping weights above `min_weight`.
    pub fn build(f: &Features, min_weight: f32, mut sim: impl FnMut(usize, usize) -> f32) -> Graph {
        let n = f.len();
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); f.df.len()];
        for (i, v) in f.tf.iter().enumerate() {
            for &(t, _) in v {
                postings[t as usize].push(i as u32);
            }
        }
        let mut adj: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
        let mut seen = vec![u32::MAX; n];
        for i in 0..n {
            for &(t, _) in &f.tf[i] {
                for &j in &postings[t as usize] {
                    let j = j as usize;
                    if j <= i || seen[j] == i as u32 {
                        continue;
                    }
                    seen[j] = i as u32;
                    let w = sim(i, j);
                    if w > min_weight {
                        adj[i].push((j as u32, w));
                        adj[j].push((i as u32, w));
                    }
                }
            }
        }
        Graph { adj }
    }

    /// Weighted PageRank with damping `d`, by power iteration until the L1 change is below
    /// `1e-6` (at most 100 rounds). Dangling nodes spread their rank uniformly.
    pub fn pagerank(&self, d: f64) -> Vec<f64> {
        let n = self.adj.len();
        if n == 0 {
            return Vec::new();
        }
        let out: Vec<f64> = self.adj.iter().map(|a| a.iter().map(|&(_, w)| w as f64).sum()).collect();
        let mut rank = vec![1.0 / n as f64; n];
        let mut next = vec![0.0; n];
        for _ in 0..100 {
            let dangling: f64 = (0..n).filter(|&i| out[i] == 0.0).map(|i| rank[i]).sum();
            let base = (1.0 - d) / n as f64 + d * dangling / n as f64;
            next.iter_mut().for_each(|x| *x = base);
            for (i, a) in self.adj.iter().enumerate() {
                if out[i] == 0.0 {
                    continue;
                }
                let share = d * rank[i] / out[i];
                for &(j, w) in a {
                    next[j as usize] += share * w as f64;
                }
            }
            let delta: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
            std::mem::swap(&mut rank, &mut next);
            if delta < 1e-6 {
                break;
            }
        }
        rank
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nutgraf_text::Document;

    #[test]
    fn hub_ranks_first() {
        let doc = Document::new("Budget vote today. Budget plan passed. Vote count was close. Rain fell.");
        let f = Features::new(&doc);
        let g = Graph::build(&f, 0.0, |i, j| crate::features::common(&f.tf[i], &f.tf[j]) as f32);
        let r = g.pagerank(0.85);
        assert!(r[0] > r[1] && r[0] > r[2] && r[0] > r[3], "{r:?}");
        assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-6);
        assert!(g.adj[3].is_empty());
    }
}
