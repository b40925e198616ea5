//! One token stream over the whole article, shared by every extractor.
//!
//! Tokens are words (as [`nutgraf_text::words`] finds them) and single punctuation characters,
//! with normalized spans, their sentence and paragraph, and whether they lie inside a direct
//! quote. Built in one pass; later stages look tokens up by index and never rescan the text.
//! What a word is (capitalized, on which word lists, a stop word) depends only on how it is
//! written, so it is worked out once per distinct written word ([`Document::word_ids`], numbered
//! when the brief's analysis read the article) and copied to each of its tokens.

use nutgraf_text::{Document, Span};

use super::lexicon::{ACCORDING, MORE_SHIFT, STOP, TENSE};
use super::quotes::RawQuote;
use super::WordLists;

/// One token of the normalized text.
///
/// What a token is (a word, capitalized, first of its sentence, quoted, a stop word, its
/// first-name code) is packed into one byte, [`Tok::kind`], read through the accessors: the
/// tokenizer writes a token in a few stores, and scans test one byte.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// Normalized span.
    pub span: Span,
    /// Sentence index.
    pub sent: u32,
    /// The `KIND_*` bits, and the first-name code in bits 2-3.
    kind: u8,
    /// The word lists the token is on ([`super::lexicon::flags`]).
    pub flags: u8,
    /// The speaker and entity rules' word lists the token is on ([`super::lexicon::MORE_LISTS`];
    /// English only).
    more: u8,
}

/// [`Tok::kind`] bits. The low five are the high byte of [`WordFacts`] (stop word, capital,
/// first-name code, four digits), so that a word's kind is a shift and a mask of its facts.
const KIND_STOP: u8 = 1;
const KIND_CAP: u8 = 1 << 1;
const KIND_NAME_SHIFT: u8 = 2;
const KIND_DIGITS4: u8 = 1 << 4;
const KIND_FACTS: u8 = 0x1F;
const _: () = assert!(STOP == (KIND_STOP as u32) << 8);
const KIND_WORD: u8 = 1 << 5;
const KIND_QUOTED: u8 = 1 << 6;
const KIND_FIRST: u8 = 1 << 7;

impl Tok {
    /// A word (else one punctuation character).
    #[inline(always)]
    pub fn word(&self) -> bool {
        self.kind & KIND_WORD != 0
    }

    /// A word that starts with an uppercase letter.
    #[inline(always)]
    pub fn cap(&self) -> bool {
        self.kind & KIND_CAP != 0
    }

    /// First token of its sentence.
    #[inline(always)]
    pub fn first(&self) -> bool {
        self.kind & KIND_FIRST != 0
    }

    /// Inside a direct quote (quotation marks excluded).
    #[inline(always)]
    pub fn quoted(&self) -> bool {
        self.kind & KIND_QUOTED != 0
    }

    /// An English stop word (always false in Spanish text: see [`Tokens::stop`]).
    #[inline(always)]
    pub fn stop(&self) -> bool {
        self.kind & KIND_STOP != 0
    }

    /// A word of four ASCII digits (a year, perhaps).
    #[inline(always)]
    pub fn digits4(&self) -> bool {
        self.kind & KIND_DIGITS4 != 0
    }

    /// For a capitalized word, what the first-name gazetteers say of it, possessive stripped
    /// ([`super::entities::first_name_code`]); 0 for other tokens.
    #[inline(always)]
    pub fn name(&self) -> u8 {
        (self.kind >> KIND_NAME_SHIFT) & 3
    }
}

/// The token stream and the text it indexes.
#[derive(Debug)]
pub(crate) struct Tokens<'d> {
    /// Normalized text.
    pub text: &'d str,
    /// Tokens in order.
    pub toks: Vec<Tok>,
    /// For each sentence, the index of its first token (and one past the last at the end).
    pub sent_start: Vec<usize>,
    /// For each sentence, the facts of its words together: the word lists
    /// ([`super::lexicon::flags`]) in the low byte, [`DIGITS4`] when it has a word of four
    /// ASCII digits, and [`ACCORDING`] when it has the word "according" (English). A stage
    /// looking for a kind of word skips the sentences that have none in one test.
    pub sent_flags: Vec<u16>,
    /// The indices of the capitalized words, in order: where the entity rules start looking.
    pub caps: Vec<u32>,
    /// For each sentence, the index of its paragraph.
    sent_para: Vec<u32>,
    /// The text is Spanish: word lists come from [`crate::es::lexicon`].
    pub es: bool,
}

impl Tokens<'_> {
    /// The normalized text of token `i`.
    #[inline]
    pub fn s(&self, i: usize) -> &str {
        &self.text[self.toks[i].span]
    }

    /// True when token `i` is `w`, ignoring ASCII case.
    #[inline]
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| same(self.text, t.span, w))
    }

    /// True when token `i` is one of `ws`, ignoring ASCII case.
    #[inline]
    pub fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.toks.get(i).is_some_and(|t| ws.iter().any(|w| same(self.text, t.span, w)))
    }

    /// True when token `i` is the punctuation character `c`.
    #[inline]
    pub fn punct(&self, i: usize, c: u8) -> bool {
        // Both tests made, rather than the second only after the first (a branch either way).
        self.toks.get(i).is_some_and(|t| !t.word() & (self.text.as_bytes()[t.span.start] == c))
    }

    /// True when token `i` is, ignoring case, on the English list `bit`
    /// ([`super::lexicon::MORE_LISTS`]) in English text, or one of `es` in Spanish text.
    #[inline]
    pub fn is_list(&self, i: usize, bit: u8, es: &[&str]) -> bool {
        if self.es {
            self.is_lang(i, &[], es)
        } else {
            self.toks.get(i).is_some_and(|t| t.more & bit != 0)
        }
    }

    /// True when token `i` is on the word list `bit` ([`super::lexicon`]).
    #[inline]
    pub fn on(&self, i: usize, bit: u8) -> bool {
        self.toks.get(i).is_some_and(|t| t.flags & bit != 0)
    }

    /// True when token `i` is a stop word (English, or Spanish function words).
    #[inline]
    pub fn stop(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        if !t.word() {
            return false;
        }
        if self.es {
            crate::es::lexicon::stop(&self.text[t.span])
        } else {
            t.stop()
        }
    }

    /// True when token `i` is, ignoring case, `en` in English text or one of `es` in Spanish text.
    #[inline]
    pub fn is_lang(&self, i: usize, en: &[&str], es: &[&str]) -> bool {
        self.toks.get(i).is_some_and(|t| {
            if self.es {
                let w = &self.text[t.span];
                es.iter().any(|x| crate::es::eq_fold(w, x))
            } else {
                en.iter().any(|x| same(self.text, t.span, x))
            }
        })
    }

    /// The paragraph index of token `tok` (a token of this stream).
    #[inline]
    pub fn para(&self, tok: &Tok) -> u32 {
        self.sent_para[tok.sent as usize]
    }

    /// The token range `[start, end)` of sentence `s`.
    #[inline]
    pub fn sentence(&self, s: usize) -> (usize, usize) {
        (self.sent_start[s], self.sent_start[s + 1])
    }
}

/// True when `text[span]` is `w`, ignoring ASCII case: lengths first, then bytes, so that most
/// tokens are told apart without slicing the text.
#[inline]
fn same(text: &str, span: Span, w: &str) -> bool {
    span.len() == w.len() && text.as_bytes()[span.start..span.end].eq_ignore_ascii_case(w.as_bytes())
}

/// Tokenizes every sentence of `doc` (English word lists), with no quotes.
#[cfg(test)]
pub(crate) fn tokenize<'d>(doc: &'d Document<'_>) -> Tokens<'d> {
    tokenize_lang(doc, false)
}

/// Tokenizes every sentence of `doc`, with the Spanish word lists when `es`, with no quotes.
#[cfg(test)]
pub(crate) fn tokenize_lang<'d>(doc: &'d Document<'_>, es: bool) -> Tokens<'d> {
    tokenize_quoted(doc, es, &[], None)
}

/// Tokenizes every sentence of `doc`, with the Spanish word lists when `es`, and marks the
/// tokens inside `quotes` (sorted by start, normalized spans) in the same pass. `lists`, when
/// given, are the English word lists of `doc`'s words, already looked up (ignored when `es`).
pub(crate) fn tokenize_quoted<'d>(
    doc: &'d Document<'_>,
    es: bool,
    quotes: &[RawQuote],
    lists: Option<&WordLists>,
) -> Tokens<'d> {
    // One monomorphized copy per language keeps the English loop exactly as it was.
    if es {
        tokenize_impl::<true>(doc, quotes, None)
    } else {
        tokenize_impl::<false>(doc, quotes, lists)
    }
}

/// [`WordFacts`] bit: starts with an uppercase letter ([`KIND_CAP`] in the high byte).
const CAP: u32 = (KIND_CAP as u32) << 8;
/// [`WordFacts`]: where the first-name code of a capitalized word starts (two bits).
const NAME_SHIFT: u32 = 8 + KIND_NAME_SHIFT as u32;
/// [`WordFacts`] and [`Tokens::sent_flags`] bit: four ASCII digits (a year, perhaps).
pub(crate) const DIGITS4: u16 = (KIND_DIGITS4 as u16) << 8;
/// [`DIGITS4`] among [`WordFacts`].
const FACT_DIGITS4: u32 = DIGITS4 as u32;

/// What a written word is, per number of [`Document::word_ids`]: its list bits
/// ([`super::lexicon::flags`]) in the low byte, then [`STOP`], [`CAP`] and, for a capitalized word,
/// its first-name code ([`NAME_SHIFT`]), [`DIGITS4`] and [`ACCORDING`]; above them, from
/// [`MORE_SHIFT`], the byte of the speaker and entity rules' lists ([`Tok::more`]).
struct WordFacts<const ES: bool>(Vec<u32>);

impl<const ES: bool> WordFacts<ES> {
    /// The facts of every distinct word of `doc`, worked out once each, in one pass over the
    /// vocabulary: a token then reads its word's facts with no test of whether they are known
    /// yet (a branch that goes either way at about every other token). The English word lists
    /// are read from `lists` when given.
    fn of(doc: &Document<'_>, lists: Option<&WordLists>) -> WordFacts<ES> {
        let text = doc.text.normalized();
        let n = doc.vocabulary_len();
        let mut facts = Vec::with_capacity(n);
        // The capitalized words, gathered with no branch on whether a word is (about one in
        // five is), then given their first-name codes in a second pass.
        let mut caps = vec![0u32; n];
        let mut n_caps = 0;
        for id in 0..n as u32 {
            let w = doc.vocabulary_word(id);
            let f = match lists {
                Some(l) if !ES => Self::work_out_with(text, w, l.get(id)),
                _ => Self::work_out(text, w),
            };
            facts.push(f);
            caps[n_caps] = id;
            n_caps += usize::from(f & CAP != 0);
        }
        // The gazetteers are asked once per distinct capitalized word, not at every mention.
        for &id in &caps[..n_caps] {
            let code = super::entities::first_name_code(text, doc.vocabulary_word(id), ES);
            facts[id as usize] |= u32::from(code) << NAME_SHIFT;
        }
        WordFacts(facts)
    }

    /// The facts of word number `id`.
    #[inline(always)]
    fn get(&self, id: u32) -> u32 {
        self.0[id as usize]
    }

    fn work_out(text: &str, w: Span) -> u32 {
        let bits = if ES {
            crate::es::lexicon::flags(&text[w]).into()
        } else {
            super::lexicon::word_bits_at(text.as_bytes(), w.start, w.end)
        };
        Self::work_out_with(text, w, bits)
    }

    /// The facts of the word `text[w]`, whose word-list bits are `bits`.
    #[inline(always)]
    fn work_out_with(text: &str, w: Span, bits: u32) -> u32 {
        let bytes = text.as_bytes();
        let b0 = bytes[w.start];
        let cap = if b0.is_ascii() {
            b0.is_ascii_uppercase()
        } else {
            text[w].chars().next().is_some_and(char::is_uppercase)
        };
        // The list bits, the stop-word bit and "according" (not the analysis's reporting-verb bit).
        let bits = bits & (STOP | ACCORDING | 0xFF | 0xFF << MORE_SHIFT);
        let year = b0.is_ascii_digit() && w.len() == 4 && bytes[w.start + 1..w.end].iter().all(u8::is_ascii_digit);
        let digits4 = if year { FACT_DIGITS4 } else { 0 };
        // An English contraction of "will" ("we'll") marks tense as the listed words do.
        // (The last byte first: most words do not end in "l".)
        let ll = !ES && bytes[w.end - 1] == b'l' && w.len() >= 3 && bytes[w.end - 3..w.end - 1] == *b"'l";
        let tense = if ll { u32::from(TENSE) } else { 0 };
        bits | if cap { CAP } else { 0 } | digits4 | tense
    }
}

/// Whether tokens, visited in order, lie inside a quote.
struct Inside<'q> {
    /// Sorted by start, normalized spans.
    quotes: &'q [RawQuote],
    /// The first quote that does not end before the last token asked about.
    q: usize,
    /// Where that quote's content starts (`usize::MAX` past the last quote).
    next: usize,
}

impl<'q> Inside<'q> {
    fn new(quotes: &'q [RawQuote]) -> Inside<'q> {
        Inside { quotes, q: 0, next: quotes.first().map_or(usize::MAX, |r| r.inner.start) }
    }

    /// True when `span` (after every span asked about before) lies inside a quote's content.
    #[inline(always)]
    fn at(&mut self, span: Span) -> bool {
        // Most tokens come before the next quote: one compare.
        span.start >= self.next && self.at_or_after(span)
    }

    fn at_or_after(&mut self, span: Span) -> bool {
        while self.q < self.quotes.len() && self.quotes[self.q].inner.end <= span.start {
            self.q += 1;
        }
        self.next = self.quotes.get(self.q).map_or(usize::MAX, |r| r.inner.start);
        self.quotes.get(self.q).is_some_and(|r| r.inner.start <= span.start && span.end <= r.inner.end)
    }
}

fn tokenize_impl<'d, const ES: bool>(
    doc: &'d Document<'_>,
    quotes: &[RawQuote],
    lists: Option<&WordLists>,
) -> Tokens<'d> {
    let text = doc.text.normalized();
    let bytes = text.as_bytes();
    // About one token (word or punctuation mark) per four bytes of news text.
    let mut toks = Vec::with_capacity(text.len() / 3 + 8);
    let mut sent_start = Vec::with_capacity(doc.sentences.len() + 1);
    let mut sent_flags = Vec::with_capacity(doc.sentences.len());
    let mut sent_para = Vec::with_capacity(doc.sentences.len());
    // At most one capitalized word per word.
    let mut caps = vec![0u32; (0..doc.sentences.len()).map(|si| doc.sentence_words(si).len()).sum()];
    let mut n_caps = 0;
    let facts = WordFacts::<ES>::of(doc, lists);
    let mut inside = Inside::new(quotes);
    for (si, s) in doc.sentences.iter().enumerate() {
        let first_tok = toks.len();
        sent_start.push(first_tok);
        let sent = si as u32;
        sent_para.push(s.paragraph as u32);
        let mark = |span: Span, toks: &mut Vec<Tok>, inside: &mut Inside<'_>| {
            let kind = if inside.at(span) { KIND_QUOTED } else { 0 };
            toks.push(Tok { span, sent, kind, flags: 0, more: 0 });
        };
        let mut pos = s.norm.start;
        let mut all = 0;
        for (&w, &id) in doc.sentence_words(si).iter().zip(doc.word_ids(si)) {
            // Between two words there is most often one space and nothing to emit.
            if w.start != pos + 1 || bytes[pos] != b' ' {
                punct(text, pos, w.start, &mut |sp| mark(sp, &mut toks, &mut inside));
            }
            let f = facts.get(id);
            all |= f as u16;
            // Written at the next free place and kept only when capitalized: no branch.
            caps[n_caps] = toks.len() as u32;
            n_caps += usize::from(f & CAP != 0);
            let quoted = if inside.at(w) { KIND_QUOTED } else { 0 };
            let kind = ((f >> 8) as u8 & KIND_FACTS) | KIND_WORD | quoted;
            toks.push(Tok { span: w, sent, kind, flags: f as u8, more: (f >> MORE_SHIFT) as u8 });
            pos = w.end;
        }
        punct(text, pos, s.norm.end, &mut |sp| mark(sp, &mut toks, &mut inside));
        sent_flags.push(all);
        // Marked once per sentence rather than tested at every token.
        if let Some(t) = toks.get_mut(first_tok) {
            t.kind |= KIND_FIRST;
        }
    }
    sent_start.push(toks.len());
    caps.truncate(n_caps);
    Tokens { text, toks, sent_start, sent_flags, caps, sent_para, es: ES }
}

/// Emits every character of `text[from..to]` that is not whitespace ([`char::is_whitespace`]),
/// reading ASCII bytes without decoding them.
fn punct(text: &str, from: usize, to: usize, emit: &mut impl FnMut(Span)) {
    let bytes = text.as_bytes();
    let mut k = from;
    while k < to {
        let b = bytes[k];
        if b.is_ascii() {
            // The ASCII characters `char::is_whitespace` accepts: space and U+0009..U+000D.
            if !matches!(b, b' ' | b'\t'..=b'\r') {
                emit(Span::new(k, k + 1));
            }
            k += 1;
        } else {
            let Some(c) = text[k..to].chars().next() else { break };
            if !c.is_whitespace() {
                emit(Span::new(k, k + c.len_utf8()));
            }
            k += c.len_utf8();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_cover_words_and_punctuation() {
        let cases = vec![
            ("\"Hi there,\" Mills said.", vec!["\"", "Hi", "there", ",", "\"", "Mills", "said", "."]),
            ("Gov. Jane Mills left. She won.", vec!["Gov", ".", "Jane", "Mills", "left", ".", "She", "won", "."]),
        ];
        for (input, expected) in cases {
            let doc = Document::new(input);
            let t = tokenize(&doc);
            let got: Vec<&str> = (0..t.toks.len()).map(|i| t.s(i)).collect();
            assert_eq!(got, expected, "{input:?}");
            assert_eq!(*t.sent_start.last().unwrap(), t.toks.len());
        }
    }

    #[test]
    fn capitalized_words_and_sentence_facts_are_indexed() {
        let doc = Document::new("\"Hi,\" Mayor Ana Ruiz said in 2024. The vote was 7-2. It ends in May.");
        let t = tokenize(&doc);
        let caps: Vec<&str> = t.caps.iter().map(|&k| t.s(k as usize)).collect();
        assert_eq!(caps, ["Hi", "Mayor", "Ana", "Ruiz", "The", "It", "May"]);
        let is = |s: usize, bits: u16| t.sent_flags[s] & bits != 0;
        use super::super::lexicon::{CUE, DATE};
        assert!(is(0, CUE.into()) && is(0, DIGITS4) && !is(0, DATE.into()));
        assert!(!is(1, CUE.into()) && !is(1, DIGITS4) && !is(1, DATE.into()));
        assert!(is(2, DATE.into()) && !is(2, DIGITS4));
    }
}
