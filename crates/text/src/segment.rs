//! Paragraph and sentence segmentation with exact spans.
//!
//! Contract: [`Document::new`] MUST return paragraphs and sentences whose spans are byte ranges
//! of the *original* input, in order, non-overlapping, non-empty, trimmed of whitespace, and whose
//! gaps hold only whitespace or characters the normalizer drops; so the spans and the gaps rebuild
//! the input byte for byte. Every sentence lies inside exactly one paragraph.
//!
//! Paragraphs are non-blank lines (articles separate paragraphs by blank lines or single
//! newlines). Sentences are found on the normalized text by a single-pass rule scanner.
//!
//! Text flattened from web pages often lost its line breaks: a photo caption or a headline runs
//! into the next sentence with no punctuation between ("... at Sandown on Saturday He said"), and
//! a quotation over several paragraphs (each opening the quote again, only the last closing it)
//! runs onto one line. The English scanner also ends a sentence before a capitalized opener that
//! follows a word without punctuation, after a photo note like "(pictured)", and after lines of
//! page furniture ([`unpunctuated_end`]); and it pairs quotes by the side they face, not by
//! parity, so an unclosed quote does not hide the sentence ends after it ([`quote_ranges`]).
//!
//! Why hand-written: the sentencex crate passes the same battery of news cases (abbreviations,
//! initials, decimals and money, ellipses, URLs, `," he said.`, multi-sentence quotes), but it took
//! about 50-60 µs on a 4.6 KB CNN/DM article here, more than half of the whole per-article budget
//! (10,000 articles/s per core). This scanner follows the same rules in about a tenth of that;
//! `tests/segment_battery.rs` runs the battery on both and they agree.
//!
//! Other languages ([`Document::with_lang`]) run the same scanner, compiled a second time with
//! three additions that the English path never pays for: the language's abbreviation tables
//! (`rules.rs`), the full-width and non-Latin terminators `。！？؟।` (which end a sentence without
//! a following space, so Chinese and Japanese text splits too), and inverted `¿ ¡` and dialogue
//! dashes before the next word ("¿Vienes? —preguntó." stays one sentence).

use rustc_hash::FxHashMap;

use crate::abbrev;
use crate::normalize::NormalizedText;
use crate::rules::{self, Rules};
use crate::{Lang, Span};

/// One paragraph: a non-blank line of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte span in the original input (trimmed).
    pub span: Span,
    /// Byte span in the normalized text.
    pub norm: Span,
}

/// One sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span in the original input (trimmed).
    pub span: Span,
    /// Byte span in the normalized text.
    pub norm: Span,
    /// Index of its paragraph in [`Document::paragraphs`].
    pub paragraph: usize,
}

/// A segmented article.
#[derive(Clone, Debug)]
pub struct Document<'a> {
    /// The normalized text with its alignment to the original input.
    pub text: NormalizedText<'a>,
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// The language whose rules segmented it.
    pub lang: Lang,
    /// The words of every sentence, found once on first use ([`Document::sentence_words`]).
    words: std::sync::OnceLock<SentenceWords>,
    /// The distinct words, found once on first use ([`Document::word_ids`]).
    vocabulary: std::sync::OnceLock<Vocabulary>,
}

/// The distinct words of a document as written, numbered in order of first occurrence.
#[derive(Clone, Debug, Default)]
struct Vocabulary {
    /// Per word of [`SentenceWords::spans`], the number of its written form.
    ids: Vec<u32>,
    /// Per number, the span of the written form's first occurrence.
    first: Vec<Span>,
}

impl Vocabulary {
    /// Numbers the words `spans` of `norm`.
    ///
    /// Words of up to 16 bytes (nearly all) are keyed by their bytes packed in a `u128`, which
    /// hashes in two multiplications and compares without `memcmp`; longer ones by their text.
    /// The packing is exact: words hold no NUL byte, so the zero padding cannot collide.
    fn new(norm: &str, spans: &[Span]) -> Vocabulary {
        let bytes = norm.as_bytes();
        let mut short: FxHashMap<u128, u32> =
            FxHashMap::with_capacity_and_hasher(spans.len() / 3 + 8, Default::default());
        let mut long: FxHashMap<&str, u32> = FxHashMap::default();
        let mut v = Vocabulary { ids: Vec::with_capacity(spans.len()), first: Vec::new() };
        for &w in spans {
            let next = v.first.len() as u32;
            let id = if w.len() <= 16 {
                let key = match bytes.get(w.start..w.start + 16) {
                    Some(window) => {
                        let all = u128::from_le_bytes(window.try_into().expect("16 bytes"));
                        if w.len() == 16 {
                            all
                        } else {
                            all & ((1u128 << (8 * w.len())) - 1)
                        }
                    }
                    None => {
                        let mut buf = [0; 16];
                        buf[..w.len()].copy_from_slice(&bytes[w.start..w.end]);
                        u128::from_le_bytes(buf)
                    }
                };
                *short.entry(key).or_insert(next)
            } else {
                *long.entry(&norm[w]).or_insert(next)
            };
            if id == next {
                v.first.push(w);
            }
            v.ids.push(id);
        }
        v
    }
}

/// Word spans of all sentences in one vector, with each sentence's first index.
#[derive(Clone, Debug, Default)]
struct SentenceWords {
    spans: Vec<Span>,
    /// `starts[i]..starts[i + 1]` are sentence `i`'s words.
    starts: Vec<u32>,
}

impl<'a> Document<'a> {
    /// Normalizes and segments `input` as English.
    pub fn new(input: &'a str) -> Document<'a> {
        Document::build(input, Lang::English, split_sentences)
    }

    /// Normalizes and segments `input` with the rules of `lang` (English is [`Document::new`]).
    pub fn with_lang(input: &'a str, lang: Lang) -> Document<'a> {
        match lang {
            Lang::English => Document::new(input),
            _ => Document::build(input, lang, |text, para, out| split_sentences_lang(text, para, lang, out)),
        }
    }

    fn build(input: &'a str, lang: Lang, split: impl Fn(&str, Span, &mut Vec<Span>)) -> Document<'a> {
        let text = NormalizedText::new(input);
        let norm = text.normalized();
        let mut paragraphs = Vec::new();
        let mut sentences = Vec::new();
        let mut buf = Vec::new();
        let mut line_start = 0;
        for line in norm.split('\n') {
            let span = trim(norm, Span::new(line_start, line_start + line.len()));
            line_start += line.len() + 1;
            if span.is_empty() {
                continue;
            }
            let paragraph = paragraphs.len();
            paragraphs.push(Paragraph { span: text.to_original(span), norm: span });
            buf.clear();
            split(norm, span, &mut buf);
            for &s in &buf {
                sentences.push(Sentence { span: text.to_original(s), norm: s, paragraph });
            }
        }
        Document {
            text,
            paragraphs,
            sentences,
            lang,
            words: std::sync::OnceLock::new(),
            vocabulary: std::sync::OnceLock::new(),
        }
    }

    /// The words of sentence `i` as spans of the normalized text, exactly what
    /// [`words`](crate::words)`(doc.text.normalized(), doc.sentences[i].norm)` yields. Every stage
    /// that reads words (analysis, extraction, scoring) shares one scan of the text: the first
    /// call finds the words of all sentences.
    pub fn sentence_words(&self, i: usize) -> &[Span] {
        let w = self.all_words();
        &w.spans[w.starts[i] as usize..w.starts[i + 1] as usize]
    }

    /// For each word of sentence `i` ([`Document::sentence_words`]), the number of its written
    /// form: equal words (byte for byte in the normalized text) get equal numbers, from 0 up in
    /// order of first occurrence. Stages that look words up (terms, lexicons) do so once per
    /// number instead of once per word; the first call numbers the whole document.
    pub fn word_ids(&self, i: usize) -> &[u32] {
        let w = self.all_words();
        &self.vocabulary().ids[w.starts[i] as usize..w.starts[i + 1] as usize]
    }

    /// The number of distinct written words ([`Document::word_ids`] are below it).
    pub fn vocabulary_len(&self) -> usize {
        self.vocabulary().first.len()
    }

    /// The written form numbered `id` by [`Document::word_ids`], as a span of the normalized text
    /// (its first occurrence).
    pub fn vocabulary_word(&self, id: u32) -> Span {
        self.vocabulary().first[id as usize]
    }

    fn vocabulary(&self) -> &Vocabulary {
        self.vocabulary.get_or_init(|| Vocabulary::new(self.text.normalized(), &self.all_words().spans))
    }

    fn all_words(&self) -> &SentenceWords {
        self.words.get_or_init(|| {
            let norm = self.text.normalized();
            // About one word per six bytes of news text.
            let mut spans = Vec::with_capacity(norm.len() / 6 + 8);
            let mut starts = Vec::with_capacity(self.sentences.len() + 1);
            for s in &self.sentences {
                starts.push(spans.len() as u32);
                spans.extend(crate::words(norm, s.norm));
            }
            starts.push(spans.len() as u32);
            SentenceWords { spans, starts }
        })
    }

    /// The original input.
    pub fn original(&self) -> &'a str {
        self.text.original()
    }

    /// The original text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &'a str {
        &self.text.original()[self.sentences[i].span]
    }

    /// The normalized text of sentence `i`.
    pub fn sentence_norm(&self, i: usize) -> &str {
        &self.text.normalized()[self.sentences[i].norm]
    }
}

/// Shrinks `span` of `text` to exclude leading and trailing whitespace.
pub fn trim(text: &str, span: Span) -> Span {
    let s = &text[span];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

const CLOSERS: &[u8] = b"\"')]";

/// [`STOPS`] flag: the byte may start an English terminator (`.`, `?`, `!`, or `…`).
const STOP_ENGLISH: u8 = 1;
/// [`STOPS`] flag: the byte may start a terminator of the wide scanner ([`STRONG`]).
const STOP_WIDE: u8 = 2;
const STOP_ANY: u8 = STOP_ENGLISH | STOP_WIDE;
/// [`STOPS`] flag: a capital letter, where the English scanner looks for an end that the text
/// does not punctuate ([`unpunctuated_end`]).
const STOP_CAPITAL: u8 = 4;
/// Per byte, which scanners must look at it: all other bytes are skipped in one tight loop.
static STOPS: [u8; 256] = {
    let mut t = [0; 256];
    t[b'.' as usize] = STOP_ENGLISH;
    t[b'?' as usize] = STOP_ENGLISH;
    t[b'!' as usize] = STOP_ENGLISH;
    // The lead byte of `…`.
    t[0xE2] = STOP_ENGLISH;
    // The lead bytes of the strong terminators.
    t[0xE0] = STOP_WIDE;
    t[0xE3] = STOP_WIDE;
    t[0xD8] = STOP_WIDE;
    t[0xEF] = STOP_WIDE;
    let mut c = b'A';
    while c <= b'Z' {
        t[c as usize] = STOP_CAPITAL;
        c += 1;
    }
    t
};

/// Splits the paragraph `para` of the normalized `text` into trimmed sentence spans (English).
pub fn split_sentences(text: &str, para: Span, out: &mut Vec<Span>) {
    scan::<false>(text, para, &rules::ENGLISH, out);
}

/// Splits the paragraph `para` of the normalized `text` into trimmed sentence spans with the
/// rules of `lang`.
pub fn split_sentences_lang(text: &str, para: Span, lang: Lang, out: &mut Vec<Span>) {
    match lang {
        Lang::English => split_sentences(text, para, out),
        _ => scan::<true>(text, para, rules::rules(lang), out),
    }
}

/// The scanner. `WIDE` adds the non-English rules (strong terminators, `¿ ¡ -` before the next
/// word, ordinals); with `WIDE = false` it is the English scanner exactly.
fn scan<const WIDE: bool>(text: &str, para: Span, rules: &Rules, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let quotes = quote_ranges(bytes, para);
    let mut qi = 0;
    let mut start = para.start;
    let mut i = para.start;
    let mask = if WIDE { STOP_ANY } else { STOP_ENGLISH | STOP_CAPITAL };
    while i < para.end {
        // Jump to the next byte that may end a sentence; most bytes cannot.
        match bytes[i..para.end].iter().position(|&b| STOPS[b as usize] & mask != 0) {
            Some(k) => i += k,
            None => break,
        }
        let b = bytes[i];
        if !WIDE && b.is_ascii_uppercase() {
            // A closing quote glued to the next sentence ("... it was amazing"Alison said").
            let after_quote = i >= start + 2
                && bytes[i - 1] == b'"'
                && bytes[i - 2].is_ascii_alphanumeric()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase)
                && quotes.binary_search_by_key(&(i - 1), |&(_, c)| c).is_ok();
            let cut = if after_quote { Some(i) } else { unpunctuated_end(text, start, i, para.end) };
            if let Some(cut) = cut {
                while qi < quotes.len() && quotes[qi].1 < i {
                    qi += 1;
                }
                if quotes.get(qi).is_none_or(|&(o, _)| o >= i) {
                    out.push(trim(text, Span::new(start, cut)));
                    start = cut;
                }
            }
            i += 1;
            continue;
        }
        if WIDE && matches!(b, 0xD8 | 0xE0 | 0xE3 | 0xEF) {
            if let Some(j) = strong_end(text, i, para.end) {
                let s = trim(text, Span::new(start, j));
                if !s.is_empty() {
                    out.push(s);
                }
                start = j;
                i = j;
                continue;
            }
        }
        let is_ellipsis = b == 0xE2 && text[i..].starts_with('…');
        if !(b == b'.' || b == b'?' || b == b'!' || is_ellipsis) {
            i += 1;
            continue;
        }
        let term = i;
        let mut j = i;
        while j < para.end {
            match bytes[j] {
                b'.' | b'?' | b'!' => j += 1,
                0xE2 if text[j..].starts_with('…') => j += '…'.len_utf8(),
                _ => break,
            }
        }
        let term_end = j;
        // `."` glued to `"Next`: paragraphs joined without a space, the first closing a quote
        // and the second opening one. The sentence ends between the two quotes.
        let mut glued = false;
        while j < para.end && CLOSERS.contains(&bytes[j]) {
            if bytes[j] == b'"'
                && j > term_end
                && bytes[j - 1] == b'"'
                && bytes.get(j + 1).is_some_and(u8::is_ascii_alphanumeric)
            {
                glued = true;
                break;
            }
            j += 1;
        }
        i = j.max(term + 1);
        if j < para.end && !glued && !bytes[j].is_ascii_whitespace() {
            // A period glued to a capitalized word ("... in the UK.Last week"): paragraphs joined
            // without a space. Initials, titles and abbreviations are told apart below as usual.
            let capitalized = bytes[j].is_ascii_uppercase() && bytes.get(j + 1).is_some_and(u8::is_ascii_lowercase);
            if WIDE
                || term_end != term + 1
                || !capitalized
                || term == para.start
                || !bytes[term - 1].is_ascii_alphabetic()
            {
                continue;
            }
        }
        let mut next = j;
        while next < para.end && bytes[next].is_ascii_whitespace() {
            next += 1;
        }
        if next >= para.end {
            break;
        }
        // Quote pairs are sorted and disjoint, and `term` only grows: skip the pairs that close
        // before it, then test the next one (linear overall, however many quotes).
        while qi < quotes.len() && quotes[qi].1 < term {
            qi += 1;
        }
        if quotes.get(qi).is_some_and(|&(o, c)| o < term && c >= j) {
            continue;
        }
        let next_word = word_at::<WIDE>(text, next, para.end);
        if next_word.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        if term_end == term + 1 && bytes[term] == b'.' && j == term_end {
            let prev = word_before(text, term, para.start);
            // An elided article is not part of the abbreviation ("l'art. 12").
            let prev = if WIDE { prev.rsplit('\'').next().unwrap_or_default() } else { prev };
            if !ends_sentence(rules, prev, next_word) {
                continue;
            }
        }
        let s = trim(text, Span::new(start, j));
        if !s.is_empty() {
            out.push(s);
        }
        start = next;
        i = next;
    }
    let s = trim(text, Span::new(start, para.end));
    if !s.is_empty() {
        out.push(s);
    }
}

/// Pairs of matching straight double quotes inside `para`, as `(open, close)` byte positions.
///
/// A quote's side is read from its neighbours: after a space, the paragraph's start, an opening
/// bracket, a dash, a colon or another quote, and before a non-space, it opens; after any other
/// non-space it closes. An opening quote that meets another opening quote before a closing one
/// is left out: that is the convention for a quotation that runs over several paragraphs (each
/// paragraph opens the quote again and only the last one closes it), and text whose paragraphs
/// were joined onto one line keeps it. Pairing by parity instead would pair the first
/// paragraph's opening quote with the second's, and hide every sentence end between them.
/// Implausibly long pairs are left out too.
fn quote_ranges(bytes: &[u8], para: Span) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut open = None;
    for at in memchr::memchr_iter(b'"', &bytes[para.start..para.end]).map(|k| para.start + k) {
        let before = if at > para.start { Some(bytes[at - 1]) } else { None };
        let after = if at + 1 < para.end { Some(bytes[at + 1]) } else { None };
        let opens_after = before.is_none_or(|b| b.is_ascii_whitespace() || b"([{-:\"".contains(&b));
        if opens_after && after.is_some_and(|b| !b.is_ascii_whitespace()) {
            open = Some(at);
        } else if before.is_some_and(|b| !b.is_ascii_whitespace()) {
            if let Some(o) = open.take() {
                if at - o <= 1500 {
                    pairs.push((o, at));
                }
            }
        }
    }
    pairs
}

/// The word (letters, digits, dots and apostrophes) that ends right before byte `at`, lowercased.
fn word_before(text: &str, at: usize, floor: usize) -> &str {
    let head = &text[floor..at];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '\''))
        .map_or(0, |(k, c)| k + c.len_utf8());
    &head[start..]
}

/// Words a line must have before [`unpunctuated_end`] takes a capitalized opener or a photo note
/// after it for the start of a new sentence.
const MIN_LINE_WORDS: usize = 4;

/// The end of a sentence that its text does not punctuate, right before the capital letter at
/// byte `at` (`floor` is the sentence's start): where pages flattened into running text lost the
/// line break after a photo caption, a headline or a line of page furniture. Three cues, each
/// rare inside a sentence of edited prose:
///
/// * a line of page furniture ([`abbrev::LINE_ENDS`]: "Scroll down for video"), even glued to
///   the next word;
/// * a photo caption's position note before a capitalized word ("... the house (pictured) Police
///   said");
/// * a capitalized sentence opener ([`abbrev::CAPITALIZED_OPENERS`]: "He", "The", "But") after a
///   word and a space, with a lowercase word after it ("... on Friday He said"). The lowercase
///   word keeps names and titles whole ("told The Guardian", "This Morning"), and a title before
///   it keeps "Mr He".
///
/// The last two cues need [`MIN_LINE_WORDS`] words before the break. Returns the byte where the
/// first sentence ends (the sentence after starts at the next non-space).
fn unpunctuated_end(text: &str, floor: usize, at: usize, end: usize) -> Option<usize> {
    // Called at every capital letter: the common capitals (names, sentence starts) leave after a
    // few byte tests, before any table or word count.
    let bytes = text.as_bytes();
    if let Some(cut) = line_end(text, floor, at) {
        return Some(cut);
    }
    if at < floor + 2 || bytes[at - 1] != b' ' {
        return None;
    }
    let before = bytes[at - 2];
    let cue = if before == b')' && photo_note(&bytes[floor..at - 1]) {
        true
    } else if before.is_ascii_alphanumeric() || before == b')' {
        capitalized_opener(text, floor, at, end)
    } else {
        false
    };
    // A lost line break ends a line of several words; a lone word before a capital is more often a
    // name or a signature ("... Thats whats up. Bowe And as ...") than a caption.
    if !cue || text[floor..at].split_ascii_whitespace().nth(MIN_LINE_WORDS - 1).is_none() {
        return None;
    }
    Some(at - 1)
}

/// If a line of page furniture ([`abbrev::LINE_ENDS`]) ends right before byte `at` (spaces and
/// quotes between them), the byte where it ends.
fn line_end(text: &str, floor: usize, at: usize) -> Option<usize> {
    let head = &text.as_bytes()[floor..at];
    let spaced = head.iter().rposition(|&b| !matches!(b, b' ' | b'"' | b'\'')).map_or(0, |k| k + 1);
    let bare = &head[..spaced];
    // Every line ends in "video", "videos" or "device": test their last letters first.
    if !matches!(bare.last(), Some(b'o' | b's' | b'e' | b'O' | b'S' | b'E')) {
        return None;
    }
    let last = bare.get(bare.len().checked_sub(5)?..)?;
    if !(last.eq_ignore_ascii_case(b"video")
        || last.eq_ignore_ascii_case(b"ideos")
        || last.eq_ignore_ascii_case(b"evice"))
    {
        return None;
    }
    let found = abbrev::LINE_ENDS.iter().any(|p| {
        bare.len() >= p.len()
            && bare[bare.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes())
            && (bare.len() == p.len() || !bare[bare.len() - p.len() - 1].is_ascii_alphanumeric())
    });
    found.then_some(floor + bare.len())
}

/// Whether `head` ends in a photo caption's position note ("(pictured)").
fn photo_note(head: &[u8]) -> bool {
    let Some(inner) = head.strip_suffix(b")") else { return false };
    let from = inner.len().saturating_sub(10);
    match inner[from..].iter().rposition(|&b| b == b'(') {
        Some(k) => std::str::from_utf8(&inner[from + k + 1..]).is_ok_and(|note| contains(abbrev::PHOTO_NOTES, note)),
        None => false,
    }
}

/// Whether the capitalized word at `at` opens a sentence ([`abbrev::CAPITALIZED_OPENERS`]) with a
/// lowercase word after it, and the word before is not a title ("Mr He said").
fn capitalized_opener(text: &str, floor: usize, at: usize, end: usize) -> bool {
    let tail = &text.as_bytes()[at..end];
    // The openers start with one of these letters and have 2 to 7 of them.
    if !matches!(tail[0], b'A' | b'B' | b'H' | b'I' | b'S' | b'T' | b'W') {
        return false;
    }
    let len = tail.iter().position(|b| !b.is_ascii_alphabetic()).unwrap_or(tail.len());
    if !(2..=7).contains(&len) || !contains(abbrev::CAPITALIZED_OPENERS, &text[at..at + len]) {
        return false;
    }
    // The next word is lowercase, after a contraction's ending if any ("She's promised"): Title
    // Case headlines ("He'd Pick Between ...") and names keep their capitals.
    let mut rest = &tail[len..];
    if let [b'\'', c, ..] = rest {
        if !c.is_ascii_lowercase() {
            return false;
        }
        rest = &rest[rest.iter().position(|&b| b == b' ').unwrap_or(rest.len())..];
    }
    if !matches!(rest, [b' ', c, ..] if c.is_ascii_lowercase()) {
        return false;
    }
    let prev = word_before(text, at - 1, floor);
    let (mut buf, mut spill) = ([0; 16], String::new());
    !contains(abbrev::TITLES, lowercase(prev, &mut buf, &mut spill))
}

/// Terminators that end a sentence with no space after them: ideographic full stop, full-width
/// `！ ？`, Arabic question mark, Devanagari danda.
const STRONG: [char; 6] = ['。', '！', '？', '؟', '।', '｡'];
/// Closing marks that stay with a sentence after a strong terminator.
const STRONG_CLOSERS: [char; 10] = ['」', '』', '）', '】', '》', '〉', '"', '\'', ')', ']'];

/// If a strong terminator starts at byte `i`, the end of the sentence it closes: after the run
/// of terminators and closing marks that follows.
fn strong_end(text: &str, i: usize, end: usize) -> Option<usize> {
    let tail = &text[i..end];
    if !tail.starts_with(STRONG) {
        return None;
    }
    let rest = tail.trim_start_matches(|c: char| STRONG.contains(&c) || c == '!' || c == '?');
    let rest = rest.trim_start_matches(STRONG_CLOSERS);
    Some(end - rest.len())
}

/// The word starting at byte `at` (letters and digits, after any opening quotes or brackets,
/// and with `WIDE`, inverted marks and dialogue dashes).
fn word_at<const WIDE: bool>(text: &str, at: usize, end: usize) -> &str {
    let tail = &text[at..end];
    let tail = if WIDE {
        tail.trim_start_matches(['"', '\'', '(', '[', '¿', '¡', '-'])
    } else {
        tail.trim_start_matches(['"', '\'', '(', '['])
    };
    let len = tail.find(|c: char| !c.is_alphanumeric()).unwrap_or(tail.len());
    &tail[..len]
}

/// Decides whether a single period after `prev` (original case) ends the sentence, given the
/// next word.
///
/// The titles are consulted before the one-letter rule so that lowercase one-letter
/// abbreviations of other languages ("z. B.", "p. ej.") hold; the English tables have none, so
/// for English the order makes no difference.
fn ends_sentence(rules: &Rules, prev: &str, next: &str) -> bool {
    if prev.is_empty() {
        return true;
    }
    let (mut buf, mut spill) = ([0; 16], String::new());
    let lower = lowercase(prev, &mut buf, &mut spill).trim_start_matches(['.', '\'']);
    if contains(rules.titles, lower) || rules.title_suffixes.iter().any(|x| lower.ends_with(x)) {
        return false;
    }
    if !rules.after_ordinal.is_empty() && lower.len() <= 2 && lower.bytes().all(|b| b.is_ascii_digit()) {
        // "am 3. Oktober": an ordinal day before a month name.
        let (mut buf, mut spill) = ([0; 16], String::new());
        return !contains(rules.after_ordinal, lowercase(next, &mut buf, &mut spill));
    }
    let mut chars = prev.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // An initial ("J. R. R. Tolkien") or a one-letter token: not a boundary before a name.
        return !c.is_uppercase();
    }
    if contains(rules.terminal, lower) || lower.contains('.') {
        let (mut buf, mut spill) = ([0; 16], String::new());
        return contains(rules.openers, lowercase(next, &mut buf, &mut spill));
    }
    true
}

/// `word` lowercased: in `buf` when it is short ASCII (abbreviations and openers are), else in
/// `spill`.
fn lowercase<'b>(word: &str, buf: &'b mut [u8; 16], spill: &'b mut String) -> &'b str {
    if word.len() <= buf.len() && word.is_ascii() {
        let buf = &mut buf[..word.len()];
        buf.copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        std::str::from_utf8(buf).expect("ASCII stays UTF-8")
    } else {
        *spill = word.to_lowercase();
        spill
    }
}

fn contains(table: &[&str], word: &str) -> bool {
    table.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(input: &str) -> Vec<&str> {
        let doc = Document::new(input);
        doc.sentences.iter().map(|s| &input[s.span]).collect()
    }

    /// Each input splits into exactly its expected sentences.
    fn assert_cases(cases: Vec<(&str, Vec<&str>)>) {
        for (input, expected) in cases {
            assert_eq!(sentences(input), expected, "input: {input:?}");
        }
    }

    #[test]
    fn sentence_words_are_the_words_of_each_sentence() {
        let input = "Gov. Jane Mills's plan isn't new: $3.5 billion.\n\n\u{201C}It is done,\u{201D} she said. Caf\u{E9} Z\u{FC}rich!";
        for doc in [Document::new(input), Document::with_lang(input, Lang::Spanish)] {
            let norm = doc.text.normalized();
            for (i, s) in doc.sentences.iter().enumerate() {
                let expected: Vec<Span> = crate::words(norm, s.norm).collect();
                assert_eq!(doc.sentence_words(i), &expected[..], "sentence {i}");
            }
            assert!(!doc.sentence_words(0).is_empty());
        }
    }

    #[test]
    fn word_ids_number_equal_words_alike() {
        let input = "The plan is the plan. The Plan, they said, is done.";
        let doc = Document::new(input);
        let norm = doc.text.normalized();
        let mut seen: Vec<&str> = Vec::new();
        for i in 0..doc.sentences.len() {
            let (spans, ids) = (doc.sentence_words(i), doc.word_ids(i));
            assert_eq!(spans.len(), ids.len());
            for (&w, &id) in spans.iter().zip(ids) {
                if id as usize == seen.len() {
                    seen.push(&norm[w]);
                }
                assert_eq!(seen[id as usize], &norm[w], "ids follow first occurrence");
                assert_eq!(&norm[doc.vocabulary_word(id)], &norm[w]);
            }
        }
        // "The" and "the", "plan" and "Plan" are different written forms.
        assert_eq!(seen, ["The", "plan", "is", "the", "Plan", "they", "said", "done"]);
        assert_eq!(doc.vocabulary_len(), seen.len());
        assert_eq!(doc.word_ids(0), &[0, 1, 2, 3, 1]);
        // Long words, words of exactly 16 bytes, words that differ past byte 16 or only in
        // length, and words at the very end of the text (no 16-byte window after them).
        let input = "internationalization internationalizations sixteen-bytes abcdefghijklmnop \
                     abcdefghijklmnopq abcdefghijklmnop ab a ab internationalization a";
        let doc = Document::new(input);
        let norm = doc.text.normalized();
        let (spans, ids) = (doc.sentence_words(0), doc.word_ids(0));
        for (x, (&wx, &ix)) in spans.iter().zip(ids).enumerate() {
            for (&wy, &iy) in spans[..x].iter().zip(ids) {
                assert_eq!(ix == iy, norm[wx] == norm[wy], "{:?} {:?}", &norm[wx], &norm[wy]);
            }
        }
        assert_eq!(doc.vocabulary_len(), 8);
    }

    #[test]
    fn battery() {
        let cases: Vec<(&str, Vec<&str>)> = vec![
            (
                "The U.S. and the U.N. agreed. Mr. Smith left at 5 p.m. on Jan. 5. He paid $3.5 billion, up 2.4% from 2019.",
                vec!["The U.S. and the U.N. agreed.", "Mr. Smith left at 5 p.m. on Jan. 5.", "He paid $3.5 billion, up 2.4% from 2019."],
            ),
            (
                "Sen. Jane Roe and Lt. Col. John Doe met Acme Inc. officials. J. R. R. Tolkien wrote it.",
                vec!["Sen. Jane Roe and Lt. Col. John Doe met Acme Inc. officials.", "J. R. R. Tolkien wrote it."],
            ),
            (
                "\"We will win,\" he said. \"We will win!\" she shouted. Then they left.",
                vec!["\"We will win,\" he said.", "\"We will win!\" she shouted.", "Then they left."],
            ),
            (
                "\u{201C}This is the first sentence. This is the second,\u{201D} said Ana Ruiz, the budget chief. Next one.",
                vec!["\u{201C}This is the first sentence. This is the second,\u{201D} said Ana Ruiz, the budget chief.", "Next one."],
            ),
            (
                "Wait... what happened? Visit https://example.com/a.b.html for more. It rained.",
                vec!["Wait... what happened?", "Visit https://example.com/a.b.html for more.", "It rained."],
            ),
            ("He said: \u{201C}No way.\u{201D} She agreed.", vec!["He said: \u{201C}No way.\u{201D}", "She agreed."]),
            (
                "The deal closed at Acme Inc. The firm paid. It left the U.S. He returned at 9 a.m. Friday.",
                vec!["The deal closed at Acme Inc.", "The firm paid.", "It left the U.S.", "He returned at 9 a.m. Friday."],
            ),
            ("First para.\n\nSecond para. Two.\r\nThird", vec!["First para.", "Second para.", "Two.", "Third"]),
            ("No terminator at all", vec!["No terminator at all"]),
            ("The No. 2 official spoke. Gov. Mills left.", vec!["The No. 2 official spoke.", "Gov. Mills left."]),
        ];
        assert_cases(cases);
    }

    #[test]
    fn quotes_over_joined_paragraphs() {
        let cases: Vec<(&str, Vec<&str>)> = vec![
            // A quotation over two paragraphs joined onto one line: the first paragraph's quote is
            // never closed, so its sentences are not inside a quotation.
            (
                "\"We fixed the roof first. It leaked for years. \"Then we painted the hall,\" said the caretaker. The school reopens in May.",
                vec!["\"We fixed the roof first.", "It leaked for years.", "\"Then we painted the hall,\" said the caretaker.", "The school reopens in May."],
            ),
            // One closing quote glued to the next opening one.
            // A closing quote, or a period, glued to the next paragraph's first word.
            (
                "She called the hall \"ready for the winter\"Work starts in June. Costs rose in the UK.Prices of timber doubled. He quit.Mr.Smith stays.",
                vec!["She called the hall \"ready for the winter\"", "Work starts in June.", "Costs rose in the UK.", "Prices of timber doubled.", "He quit.", "Mr.Smith stays."],
            ),
            (
                "Ask J.K.Rowling or visit the U.S.Army site or example.com today.",
                vec!["Ask J.K.Rowling or visit the U.S.Army site or example.com today."],
            ),
            (
                "\"The hall is ready.\"\"The next phase starts in June,\" she added.",
                vec!["\"The hall is ready.\"", "\"The next phase starts in June,\" she added."],
            ),
            // A quotation of two sentences in one paragraph stays one sentence.
            (
                "\"It rained. We stayed,\" he said. \"No regrets.\" Then he left.",
                vec!["\"It rained. We stayed,\" he said.", "\"No regrets.\"", "Then he left."],
            ),
        ];
        assert_cases(cases);
    }

    #[test]
    fn unpunctuated_ends_of_captions_and_page_lines() {
        let cases: Vec<(&str, Vec<&str>)> = vec![
            (
                "Volunteers clear the beach at dawn on Sunday The council said the clean-up would take a week.",
                vec![
                    "Volunteers clear the beach at dawn on Sunday",
                    "The council said the clean-up would take a week.",
                ],
            ),
            (
                "The mayor opens the new library in 2024 She's promised longer hours.",
                vec!["The mayor opens the new library in 2024", "She's promised longer hours."],
            ),
            (
                "The old mill by the river (pictured) Owners say it will reopen.",
                vec!["The old mill by the river (pictured)", "Owners say it will reopen."],
            ),
            (
                "Scroll down for video Local divers found the wreck. It lay in ten metres of water.",
                vec!["Scroll down for video", "Local divers found the wreck.", "It lay in ten metres of water."],
            ),
            (
                "Media playback is not supported on this deviceThe team won again.",
                vec!["Media playback is not supported on this device", "The team won again."],
            ),
            // A lone word before the opener is a name or a signature, not a caption.
            (
                "The note was signed. Ana And so the party began.",
                vec!["The note was signed.", "Ana And so the party began."],
            ),
            (
                "Scroll down for video 'It was huge,' one diver said.",
                vec!["Scroll down for video", "'It was huge,' one diver said."],
            ),
        ];
        assert_cases(cases);
        // Capitals inside a sentence that are not a lost line break.
        for input in [
            "He told The Guardian that the plan was dead.",
            "Mr He said the talks went well.",
            "She watched This Morning with her mother.",
            "Billionaire Reveals Who He'd Pick For The Job",
            "Plan A was dropped after the vote.",
            "His first book, \"Lost In The dark\", sold well.",
            "Ana Ruiz (left) met the mayor on Monday.",
            "The club staged Pride And Prejudice in the town hall.",
            "They asked us to scroll down for videos.",
        ] {
            assert_eq!(sentences(input), vec![input]);
        }
    }

    #[test]
    fn paragraphs_are_lines() {
        let input = "  One.\n\n\nTwo. Three.  \nFour";
        let doc = Document::new(input);
        let paras: Vec<&str> = doc.paragraphs.iter().map(|p| &input[p.span]).collect();
        assert_eq!(paras, vec!["One.", "Two. Three.", "Four"]);
        let idx: Vec<usize> = doc.sentences.iter().map(|s| s.paragraph).collect();
        assert_eq!(idx, vec![0, 1, 1, 2]);
    }
}
