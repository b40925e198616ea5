//! Average-link agglomerative clustering on the sparse candidate graph.
//!
//! Single link (union-find over a threshold) chains: A matches B, B matches C, and two stories on
//! one topic become one. Average link merges two groups only when the *mean* similarity over all
//! their cross pairs reaches the threshold; pairs that are not in the candidate graph count as 0,
//! so a merge needs most cross pairs to be real matches. This is exact average linkage on the
//! graph's similarities (missing pairs = 0), run greedily best pair first with a lazy max-heap:
//! `O(E log E)` for `E` edges, where the textbook algorithm is `O(n²)` in memory and time.
//! Hand-written: the crates that do hierarchical clustering (kodama and others) take a dense
//! condensed distance matrix, which is what the grouping must avoid.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;

use crate::graph::Edge;

/// A candidate merge: clusters `a` and `b` (representatives) at mean similarity `score`.
#[derive(Debug, PartialEq)]
struct Merge {
    score: f32,
    a: u32,
    b: u32,
}

impl Eq for Merge {}

impl Ord for Merge {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score.total_cmp(&other.score).then_with(|| (other.a, other.b).cmp(&(self.a, self.b)))
    }
}

impl PartialOrd for Merge {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The cluster of each of `n` articles (a representative article index), merging while the
/// average similarity of two clusters is at least `threshold`.
pub(crate) fn average_link(n: usize, edges: &[Edge], threshold: f32) -> Vec<u32> {
    // links[c]: the other clusters c has edges to, with the sum of those edges' weights.
    let mut links: Vec<FxHashMap<u32, f32>> = vec![FxHashMap::default(); n];
    for e in edges {
        *links[e.a as usize].entry(e.b).or_default() += e.weight;
        *links[e.b as usize].entry(e.a).or_default() += e.weight;
    }
    let mut size = vec![1u32; n];
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut heap: BinaryHeap<Merge> =
        edges.iter().filter(|e| e.weight >= threshold).map(|e| Merge { score: e.weight, a: e.a, b: e.b }).collect();
    while let Some(Merge { score, a, b }) = heap.pop() {
        let (ai, bi) = (a as usize, b as usize);
        if parent[ai] != a || parent[bi] != b {
            continue; // one side was merged away since this entry was pushed
        }
        let current = links[ai].get(&b).copied().unwrap_or(0.0) / (size[ai] * size[bi]) as f32;
        if current != score {
            continue; // stale: a newer entry for this pair is in the heap
        }
        // Merge the smaller link table into the larger.
        let (keep, gone) = if links[ai].len() >= links[bi].len() { (a, b) } else { (b, a) };
        let (k, g) = (keep as usize, gone as usize);
        parent[g] = keep;
        size[k] += size[g];
        let moved = std::mem::take(&mut links[g]);
        links[k].remove(&gone);
        for (c, w) in moved {
            if c == keep {
                continue;
            }
            let other = &mut links[c as usize];
            other.remove(&gone);
            *other.entry(keep).or_default() += w;
            *links[k].entry(c).or_default() += w;
        }
        for (&c, &sum) in &links[k] {
            let avg = sum / (size[k] * size[c as usize]) as f32;
            if avg >= threshold {
                let (x, y) = if keep < c { (keep, c) } else { (c, keep) };
                heap.push(Merge { score: avg, a: x, b: y });
            }
        }
    }
    (0..n).map(|i| root(&parent, i as u32)).collect()
}

fn root(parent: &[u32], mut i: u32) -> u32 {
    while parent[i as usize] != i {
        i = parent[i as usize];
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(a: u32, b: u32, weight: f32) -> Edge {
        Edge { a, b, weight, cosine: weight }
    }

    #[test]
    fn average_link_does_not_chain() {
        // 0-1-2 is a tight story; 3 touches only 2. Single link would take 3 in.
        let edges = vec![edge(0, 1, 0.9), edge(0, 2, 0.8), edge(1, 2, 0.85), edge(2, 3, 0.7), edge(4, 5, 0.2)];
        let c = average_link(6, &edges, 0.5);
        assert!(c[0] == c[1] && c[1] == c[2]);
        assert_ne!(c[3], c[2], "mean of 0.7, 0, 0 is under 0.5");
        assert_ne!(c[4], c[5], "under the threshold");
        let c = average_link(6, &edges, 0.2);
        assert_eq!(c[3], c[2], "mean 0.7/3 = 0.23 reaches 0.2");
    }

    #[test]
    fn no_edges_means_singletons() {
        assert_eq!(average_link(3, &[], 0.1), vec![0, 1, 2]);
        assert!(average_link(0, &[], 0.1).is_empty());
    }
}
