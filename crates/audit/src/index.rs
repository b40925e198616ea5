//! The source index: every sentence of every source, with its words, keys and BM25 postings.
//!
//! Built once per audit. Sentences of all sources share one pool (ids are positions in
//! [`Index::sents`]), so evidence can come from any source. Two interners keep matching cheap:
//! *keys* (lowercase words, number and date keys: what pieces are matched on) and *terms*
//! (Snowball stems of content words: what BM25 ranks on).

use std::cell::RefCell;

use nutgraf_text::{Document, Span, TermAnalyzer};
use rustc_hash::FxHashMap;

use crate::words::{number_key, scan, Sort, Word};

thread_local! {
    /// One analyzer per thread: its stem memo stays warm across audits.
    static ANALYZER: RefCell<TermAnalyzer> = RefCell::new(TermAnalyzer::english());
}

/// The stem of a content word, or `None` for a stop word.
pub(crate) fn stem(w: &Word) -> Option<String> {
    if w.stop {
        return None;
    }
    if w.is_numeric() {
        return Some(w.key.clone());
    }
    ANALYZER.with(|a| a.borrow_mut().term(&w.lower).map(|t| t.into_owned()))
}

/// The first 12 bytes of `text` (fewer at a char boundary or at its end).
pub(crate) fn head(text: &str) -> &str {
    let mut end = text.len().min(12);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A string interner.
#[derive(Debug, Default)]
pub(crate) struct Interner {
    ids: FxHashMap<String, u32>,
    strs: Vec<String>,
}

impl Interner {
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.strs.len() as u32;
        self.ids.insert(s.to_string(), id);
        self.strs.push(s.to_string());
        id
    }

    /// The id of `s`, if interned.
    pub fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }

    /// The string of `id`.
    pub fn str(&self, id: u32) -> &str {
        &self.strs[id as usize]
    }
}

/// One word of a source sentence.
#[derive(Clone, Debug)]
pub(crate) struct IWord {
    /// Its sentence.
    pub sent: u32,
    /// The word's key id.
    pub key: u32,
    /// Starts with a capital and is not the first word of its sentence.
    pub cap_mid: bool,
    /// A reporting verb.
    pub report: bool,
    /// A negation cue.
    pub neg: bool,
    /// The stem id, for content words.
    pub term: Option<u32>,
}

/// One source sentence.
#[derive(Clone, Debug)]
pub(crate) struct Sent {
    /// Which source.
    pub source: u32,
    /// Span in the original source text.
    pub span: Span,
    /// Its words: a range of [`Index::words`].
    pub words: std::ops::Range<usize>,
    /// Sorted, deduplicated key ids (words plus raw number keys).
    pub keys: Vec<u32>,
    /// Number of content terms.
    pub len: u32,
}

/// Every source sentence, indexed.
#[derive(Debug, Default)]
pub(crate) struct Index {
    pub sents: Vec<Sent>,
    pub words: Vec<IWord>,
    pub keys: Interner,
    /// Per key id: sentences holding it, ascending.
    pub key_sents: Vec<Vec<u32>>,
    /// Per key id: (capitalized mid-sentence, lowercase, capitalized first word) occurrences.
    pub key_case: Vec<(u32, u32, u32)>,
    pub terms: Interner,
    /// Per term id: (sentence, term frequency).
    pub postings: Vec<Vec<(u32, u16)>>,
    pub avg_len: f32,
    /// Pairs of consecutive word keys, for the summary's copy rate.
    pub bigrams: rustc_hash::FxHashSet<(u32, u32)>,
    /// Normalized sentence texts and their ids, for the verbatim fast path.
    pub verbatim: FxHashMap<String, u32>,
    /// Bytes of the longest normalized sentence.
    pub longest: usize,
    /// The first bytes ([`head`]) of every sentence, to rule out most non-copies at once.
    pub starts: rustc_hash::FxHashSet<String>,
}

impl Index {
    /// Indexes the documents, in order.
    pub fn new(docs: &[Document<'_>]) -> Index {
        let mut ix = Index::default();
        let mut buf = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            let norm = doc.text.normalized();
            for s in &doc.sentences {
                ix.add(d as u32, norm, s.norm, s.span, &mut buf);
            }
        }
        let total: u64 = ix.sents.iter().map(|s| s.len as u64).sum();
        ix.avg_len = (total as f32 / ix.sents.len().max(1) as f32).max(1.0);
        ix
    }

    fn add(&mut self, source: u32, norm: &str, span: Span, original: Span, buf: &mut Vec<Word>) {
        scan(norm, span, buf);
        let id = self.sents.len() as u32;
        let start = self.words.len();
        let mut keys = Vec::with_capacity(buf.len() + 2);
        let mut terms: FxHashMap<u32, u16> = FxHashMap::default();
        for w in buf.iter() {
            let key = self.key(&w.key);
            keys.push(key);
            if let Sort::Number { raw, value } = w.sort {
                if raw != value {
                    keys.push(self.key(&number_key(raw)));
                }
            }
            if !w.is_numeric() {
                let case = &mut self.key_case[key as usize];
                match (w.cap, w.first) {
                    (true, false) => case.0 += 1,
                    (false, _) => case.1 += 1,
                    (true, true) => case.2 += 1,
                }
            }
            let term = stem(w).map(|t| {
                let tid = self.terms.intern(&t);
                if tid as usize == self.postings.len() {
                    self.postings.push(Vec::new());
                }
                *terms.entry(tid).or_default() += 1;
                tid
            });
            self.words.push(IWord { sent: id, key, cap_mid: w.cap && !w.first, report: w.report, neg: w.neg, term });
        }
        for p in start + 1..self.words.len() {
            self.bigrams.insert((self.words[p - 1].key, self.words[p].key));
        }
        keys.sort_unstable();
        keys.dedup();
        for &k in &keys {
            self.key_sents[k as usize].push(id);
        }
        let len = terms.values().map(|&n| n as u32).sum();
        for (t, n) in terms {
            self.postings[t as usize].push((id, n));
        }
        self.verbatim.entry(norm[span].to_string()).or_insert(id);
        self.starts.insert(head(&norm[span]).to_string());
        self.longest = self.longest.max(span.len());
        self.sents.push(Sent { source, span: original, words: start..self.words.len(), keys, len });
    }

    fn key(&mut self, s: &str) -> u32 {
        let k = self.keys.intern(s);
        if k as usize == self.key_sents.len() {
            self.key_sents.push(Vec::new());
            self.key_case.push((0, 0, 0));
        }
        k
    }

    /// True when sentence `s` holds key `k`.
    pub fn has(&self, s: u32, k: u32) -> bool {
        self.sents[s as usize].keys.binary_search(&k).is_ok()
    }

    /// True when some sentence has the keys `run` as consecutive words.
    pub fn contains_run(&self, run: &[u32]) -> bool {
        let Some(&first) = run.first() else { return true };
        self.key_sents[first as usize].iter().any(|&s| {
            let r = self.sents[s as usize].words.clone();
            r.clone()
                .any(|p| p + run.len() <= r.end && run.iter().enumerate().all(|(j, &k)| self.words[p + j].key == k))
        })
    }

    /// True when the key is mostly written with a capital inside sentences, or only ever with a
    /// capital (at sentence starts): a name.
    pub fn is_name(&self, k: u32) -> bool {
        let (cap, lower, first) = self.key_case[k as usize];
        (cap > 0 && cap >= 2 * lower) || (lower == 0 && first > 0)
    }

    /// True when sentences `a` and `b` are within `d` of each other in one source.
    pub fn near(&self, a: u32, b: u32, d: u32) -> bool {
        self.sents[a as usize].source == self.sents[b as usize].source && a.abs_diff(b) <= d
    }

    /// Inverse document frequency of a term over sentences (BM25's, always positive).
    pub fn idf(&self, term: Option<u32>) -> f32 {
        let n = self.sents.len() as f32;
        let df = term.map_or(0, |t| self.postings[t as usize].len()) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_keys_and_names() {
        let docs = vec![Document::new("Ana Ruiz won $4.2 million on Monday. Then Ruiz left. The ruiz is a fish.")];
        let ix = Index::new(&docs);
        assert_eq!(ix.sents.len(), 3);
        let cases = vec![("ruiz", vec![0, 1, 2]), ("#4200000", vec![0]), ("#4.2", vec![0]), ("@d1", vec![0])];
        for (k, want) in cases {
            let id = ix.keys.get(k).unwrap_or_else(|| panic!("{k} not indexed"));
            assert_eq!(ix.key_sents[id as usize], want, "{k}");
        }
        assert!(ix.is_name(ix.keys.get("ruiz").unwrap()));
        assert!(!ix.is_name(ix.keys.get("fish").unwrap()));
        assert_eq!(ix.verbatim.get("Then Ruiz left."), Some(&1));
    }
}
