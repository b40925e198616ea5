//! Sparse term vectors: `(term id, weight)` lists sorted by term id, as the scoring stages build
//! them (sentence TF-IDF in the summarizer, pooled sentences in the roundup, articles in story
//! grouping). One merge-walk serves them all.

/// Dot product of two sparse vectors sorted by term id (their cosine when both have unit
/// length).
#[inline]
pub fn sparse_dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_of_sorted_vectors() {
        let a = [(1, 0.6), (4, 0.8)];
        let b = [(0, 1.0), (4, 0.5), (9, 2.0)];
        assert!((sparse_dot(&a, &b) - 0.4).abs() < 1e-6);
        assert_eq!(sparse_dot(&a, &[]), 0.0);
        assert!((sparse_dot(&a, &a) - 1.0).abs() < 1e-6);
    }
}
