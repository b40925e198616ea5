/*!
ROUGE-L (longest common subsequence) and ROUGE-Lsum (summary-level union LCS), as
`_score_lcs` and `_summary_level_lcs` in rouge-score 0.1.2.

# Why this module exists

Both variants run the bit-parallel LCS of Allison and Dix in Hyyrö's formulation: one machine
word holds 64 cells of a DP column, so an 800 x 800 token pair costs about 10,000 word
operations instead of 640,000 cell updates.

ROUGE-L only needs the LCS length. ROUGE-Lsum needs *which* reference tokens lie on an LCS,
and the union over candidate sentences of one LCS each depends on which of several equally
long LCSs is picked. rouge-score fills the full DP table and backtracks from the corner,
moving left on a mismatch only when the left cell is strictly greater, otherwise up. Here
the bit-parallel state after each candidate token is kept (one bit per table cell), any
table cell is a popcount away, and the same backtrack runs on it, mostly reading single
bits. The tests check it against a direct port of rouge-score's table and backtrack.
Memory is one bit per cell instead of rouge-score's one Python int per cell.

Union hits are capped by token counts, as ROUGE 1.5.5 does: a reference token counts only
while both the reference and the candidate still have an unused occurrence of it.
*/

use crate::Score;

/// ROUGE-L between interned token ids; 0 when either side is empty. `vocab` bounds the ids.
pub(crate) fn rouge_l(reference: &[u32], candidate: &[u32], vocab: usize) -> Score {
    if reference.is_empty() || candidate.is_empty() {
        return Score::ZERO;
    }
    let lcs = lcs_len(reference, candidate, vocab) as f64;
    Score::from_precision_recall(lcs / candidate.len() as f64, lcs / reference.len() as f64)
}

/// ROUGE-Lsum between sentence-split interned token ids; `vocab` bounds the ids.
pub(crate) fn rouge_lsum(reference: &[&[u32]], candidate: &[&[u32]], vocab: usize) -> Score {
    let m: usize = reference.iter().map(|s| s.len()).sum();
    let n: usize = candidate.iter().map(|s| s.len()).sum();
    if m == 0 || n == 0 {
        return Score::ZERO;
    }
    let mut left_in_reference = vec![0u32; vocab];
    let mut left_in_candidate = vec![0u32; vocab];
    for &t in reference.iter().copied().flatten() {
        left_in_reference[t as usize] += 1;
    }
    for &t in candidate.iter().copied().flatten() {
        left_in_candidate[t as usize] += 1;
    }
    let mut bits = BitLcs::new(vocab);
    let mut columns = Vec::new();
    let mut in_union = Vec::new();
    let mut hits = 0usize;
    for r in reference {
        bits.load(r);
        in_union.clear();
        in_union.resize(r.len(), false);
        for c in candidate {
            mark_lcs(&bits, r, c, &mut columns, &mut in_union);
        }
        for (&t, _) in r.iter().zip(&in_union).filter(|(_, &marked)| marked) {
            let t = t as usize;
            if left_in_candidate[t] > 0 && left_in_reference[t] > 0 {
                hits += 1;
                left_in_candidate[t] -= 1;
                left_in_reference[t] -= 1;
            }
        }
    }
    let hits = hits as f64;
    Score::from_precision_recall(hits / n as f64, hits / m as f64)
}

/// Bit-parallel LCS against one fixed sequence `a`: bit `i` of a state word-vector `V` is 0
/// where the DP column steps up between rows `i` and `i + 1`, so the LCS of `a[..i]` and
/// the part of `b` read so far is the number of 0 bits below bit `i`.
struct BitLcs {
    /// Words per state vector: `ceil(a.len() / 64)`.
    words: usize,
    /// For each symbol of `a`, the bits of the positions where it occurs (`words` each).
    masks: Vec<u64>,
    /// Symbol id to its block in `masks`, `u32::MAX` when the symbol is not in `a`.
    block_of: Vec<u32>,
    /// The symbols of the last `a`, to reset `block_of` cheaply.
    symbols: Vec<u32>,
}

impl BitLcs {
    fn new(vocab: usize) -> BitLcs {
        let block_of = vec![u32::MAX; vocab];
        BitLcs { words: 0, masks: Vec::new(), block_of, symbols: Vec::new() }
    }

    /// Makes `a` the fixed sequence.
    fn load(&mut self, a: &[u32]) {
        for &s in &self.symbols {
            self.block_of[s as usize] = u32::MAX;
        }
        self.symbols.clear();
        self.masks.clear();
        self.words = a.len().div_ceil(64);
        for (i, &s) in a.iter().enumerate() {
            let slot = &mut self.block_of[s as usize];
            if *slot == u32::MAX {
                *slot = self.symbols.len() as u32;
                self.symbols.push(s);
                self.masks.resize(self.masks.len() + self.words, 0);
            }
            self.masks[*slot as usize * self.words + i / 64] |= 1 << (i % 64);
        }
    }

    /// The state after reading symbol `s` from state `v` (Hyyrö: `V' = (V + U) | (V - U)`
    /// with `U = V & match`, and `V - U = V & !match`), written to `out`.
    fn step(&self, v: &[u64], s: u32, out: &mut [u64]) {
        let block = self.block_of[s as usize];
        if block == u32::MAX {
            out.copy_from_slice(v); // No match anywhere: the column is unchanged.
            return;
        }
        let mask = &self.masks[block as usize * self.words..][..self.words];
        let mut carry = false;
        for ((o, &vk), &mk) in out.iter_mut().zip(v).zip(mask) {
            let u = vk & mk;
            let (sum, c1) = vk.overflowing_add(u);
            let (sum, c2) = sum.overflowing_add(u64::from(carry));
            carry = c1 || c2;
            *o = sum | (vk & !mk);
        }
    }

    /// LCS of `a[..i]` and the symbols read to reach state `v`: the 0 bits below bit `i`.
    fn prefix_lcs(v: &[u64], i: usize) -> usize {
        let (full, rest) = (i / 64, i % 64);
        let mut ones: u32 = v[..full].iter().map(|w| w.count_ones()).sum();
        if rest > 0 {
            ones += (v[full] & ((1u64 << rest) - 1)).count_ones();
        }
        i - ones as usize
    }
}

/// The LCS length of `a` and `b` (ids below `vocab`).
pub(crate) fn lcs_len(a: &[u32], b: &[u32], vocab: usize) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut bits = BitLcs::new(vocab);
    bits.load(a);
    let mut v = vec![u64::MAX; bits.words];
    let mut next = v.clone();
    for &s in b {
        bits.step(&v, s, &mut next);
        std::mem::swap(&mut v, &mut next);
    }
    BitLcs::prefix_lcs(&v, a.len())
}

/// Marks in `marks` the positions of `r` (loaded in `bits`) on the LCS of `r` and `c` that
/// rouge-score picks (`_lcs_table` then `_backtrack_norec`). `columns` is scratch space:
/// column `j` is the state after `c[..j]`, which encodes the DP table's column `j`.
fn mark_lcs(bits: &BitLcs, r: &[u32], c: &[u32], columns: &mut Vec<u64>, marks: &mut [bool]) {
    let w = bits.words;
    columns.clear();
    columns.resize((c.len() + 1) * w, 0);
    columns[..w].fill(u64::MAX);
    for (j, &s) in c.iter().enumerate() {
        let (done, rest) = columns.split_at_mut((j + 1) * w);
        bits.step(&done[j * w..], s, &mut rest[..w]);
    }
    // The backtrack tracks `t = table(i, j)`. Going up, `table(i - 1, j)` is `t` or `t - 1`
    // as bit `i - 1` of column `j` is 1 or 0; only in the second case can the left cell win
    // (it is `t` or `t - 1`), so only then is a popcount needed.
    let table = |i: usize, j: usize| BitLcs::prefix_lcs(&columns[j * w..(j + 1) * w], i);
    let bit = |i: usize, j: usize| columns[j * w + (i - 1) / 64] >> ((i - 1) % 64) & 1;
    let (mut i, mut j) = (r.len(), c.len());
    let mut t = table(i, j);
    while i > 0 && j > 0 {
        if r[i - 1] == c[j - 1] {
            marks[i - 1] = true;
            i -= 1;
            j -= 1;
            t -= 1;
        } else if bit(i, j) == 1 {
            i -= 1;
        } else if table(i, j - 1) == t {
            j -= 1;
        } else {
            i -= 1;
            t -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// rouge-score's `_lcs_table` and `_backtrack_norec`, ported directly: the oracle.
    fn lcs_indices_python(r: &[u32], c: &[u32]) -> Vec<usize> {
        let mut t = vec![vec![0usize; c.len() + 1]; r.len() + 1];
        for i in 1..=r.len() {
            for j in 1..=c.len() {
                t[i][j] = if r[i - 1] == c[j - 1] { t[i - 1][j - 1] + 1 } else { t[i - 1][j].max(t[i][j - 1]) };
            }
        }
        let (mut i, mut j, mut lcs) = (r.len(), c.len(), Vec::new());
        while i > 0 && j > 0 {
            if r[i - 1] == c[j - 1] {
                lcs.insert(0, i - 1);
                i -= 1;
                j -= 1;
            } else if t[i][j - 1] > t[i - 1][j] {
                j -= 1;
            } else {
                i -= 1;
            }
        }
        lcs
    }

    fn marked(r: &[u32], c: &[u32], vocab: usize) -> Vec<usize> {
        let mut bits = BitLcs::new(vocab);
        bits.load(r);
        let mut marks = vec![false; r.len()];
        mark_lcs(&bits, r, c, &mut Vec::new(), &mut marks);
        (0..r.len()).filter(|&i| marks[i]).collect()
    }

    /// Random sequences: lengths up to 150 (so past one 64-bit word), small alphabets.
    fn random_pairs(rounds: usize) -> Vec<(Vec<u32>, Vec<u32>)> {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |bound: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % bound) as u32
        };
        (0..rounds)
            .map(|round| {
                let (la, lb) = (next(150) as usize, next(150) as usize);
                let alphabet = 1 + u64::from(next([3, 8, 40][round % 3]));
                let a = (0..la).map(|_| next(alphabet)).collect();
                let b = (0..lb).map(|_| next(alphabet)).collect();
                (a, b)
            })
            .collect()
    }

    #[test]
    fn bit_parallel_matches_rouge_score_table_and_backtrack() {
        for (a, b) in random_pairs(400) {
            let want = lcs_indices_python(&a, &b);
            assert_eq!(lcs_len(&a, &b, 64), want.len(), "{a:?} / {b:?}");
            assert_eq!(marked(&a, &b, 64), want, "{a:?} / {b:?}");
        }
    }

    #[test]
    fn backtrack_follows_rouge_score_tie_break() {
        // ref [a, b], cand [b, a]: both [a] and [b] are LCSs; rouge-score keeps "a".
        assert_eq!(marked(&[0, 1], &[1, 0], 2), [0]);
        assert_eq!(marked(&[1, 0], &[0, 1], 2), [0]);
    }

    #[test]
    fn lsum_unions_sentence_lcs_and_caps_hits() {
        // Paper example (Lin 2004, 3.2): r = w1..w5; c1 = w1 w2 w6 w7 w8, c2 = w1 w3 w8 w9 w5.
        let r: &[u32] = &[1, 2, 3, 4, 5];
        let c1: &[u32] = &[1, 2, 6, 7, 8];
        let c2: &[u32] = &[1, 3, 8, 9, 5];
        let s = rouge_lsum(&[r], &[c1, c2], 10);
        // Union LCS = w1 w2 w3 w5: 4 hits.
        assert!((s.recall - 4.0 / 5.0).abs() < 1e-12, "{s:?}");
        assert!((s.precision - 4.0 / 10.0).abs() < 1e-12, "{s:?}");
        // Repeated reference sentences cannot reuse the candidate's single tokens.
        let s = rouge_lsum(&[&[1, 2], &[1, 2]], &[&[1, 2]], 3);
        assert!((s.precision - 1.0).abs() < 1e-12 && (s.recall - 0.5).abs() < 1e-12);
        assert_eq!(rouge_lsum(&[], &[&[1]], 2), Score::ZERO);
        assert_eq!(rouge_l(&[1], &[], 2), Score::ZERO);
    }
}
