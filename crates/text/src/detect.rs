//! Language detection: which [`Lang`] an article is in, and how sure that is.
//!
//! Detection is whatlang's (trigram profiles of 69 languages, MIT, no model files): the most
//! used pure-Rust detector, with a confidence for every answer. lingua is more accurate on short
//! snippets but loads hundreds of megabytes of models; whichlang is faster but covers 16
//! languages and gives no confidence.
//!
//! Stop words first: one pass over the text (at most [`MAX_BYTES`]) counts the Snowball stop
//! words of each of the 13 languages that have a list. When one language's are decisive
//! ([`decisive`]: nearly every news article in English, Spanish, French, German ...), that is the
//! answer, after the language-switch check below, and
//! whatlang is never called: it costs about 450 instructions a byte plus half a million a call,
//! about as much as the whole brief of a 4 KB article. Otherwise whatlang reads one sample: up
//! to [`SAMPLE_BYTES`] from the first paragraph of some length (titles and bylines are skipped).
//! Whether the article *switches* language is checked cheaply over the whole text: each chunk of
//! a few paragraphs counts its stop words per language, and chunks that are clearly in another
//! language than the main one are weighed by their length. The answer is
//! [`Lang::Other`] (the language-neutral path), with a warning to show the user and never an
//! error, when
//! * another language holds at least a quarter of the text (an article that switches language;
//!   checked for the 13 languages that have Snowball stop lists),
//! * whatlang is not sure enough ([`MIN_CONFIDENCE`]) and the stop words do not settle it,
//! * or the language is one nutgraf has no Snowball tables for (Chinese, Thai, Hindi ...).
//!
//! Trigrams need text: on a sentence or two whatlang often guesses wrong or is unsure
//! ("Subscribe to our newsletter for more local news." reads as French at 0.08). When it is
//! unsure, or when the whole text's stop words outvote its guess, the stop words decide with a
//! lower bar: at least [`MIN_STOP_HITS`] stop words, a fifth of the words, and twice the hits of
//! the runner-up (whatlang's guess wins ties).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use whatlang::Lang as W;

use crate::stopwords_lang::stop_words;
use crate::{words, Lang, Span};

/// Bytes of the article read for the language-switch check (the rest is assumed to follow).
pub const MAX_BYTES: usize = 32 * 1024;
/// Bytes of the sample whatlang reads.
pub const SAMPLE_BYTES: usize = 640;
/// Below this confidence (0..1) the language is treated as unknown.
pub const MIN_CONFIDENCE: f32 = 0.35;
/// Another language holding at least this share of the checked text makes the article mixed.
const MIXED_SHARE: f32 = 0.25;
/// Chunks of the switch check are cut at the first paragraph end after this many bytes.
const CHUNK_BYTES: usize = 200;

/// The outcome of [`detect`].
#[derive(Clone, Debug, PartialEq)]
pub struct Detection {
    /// The language to process the text as ([`Lang::Other`] when mixed, unsure or unsupported).
    pub lang: Lang,
    /// How sure the detector is of its best guess, 0 to 1.
    pub confidence: f32,
    /// True when the guess is one language, sure, and supported.
    pub reliable: bool,
    /// The English name of the best guess, whether nutgraf supports it or not ("Mandarin").
    pub guess: Option<&'static str>,
    /// Why the text falls back to the language-neutral path, for the user (`None` when it does
    /// not).
    pub warning: Option<String>,
}

/// Detects the language of `text`. Never fails: see the module docs for the fallbacks.
pub fn detect(text: &str) -> Detection {
    let tally = stop_tally(text);
    // Fast path: the stop words alone are decisive (most news text in a language with a
    // Snowball stop list), and the text does not switch language.
    if let Some((lang, confidence)) = decisive(&tally) {
        if switch(&tally, lang).is_none() {
            return Detection { lang, confidence, reliable: true, guess: Some(lang.name()), warning: None };
        }
    }
    let Some(info) = whatlang::detect(sample(text)) else {
        return Detection {
            lang: Lang::Other,
            confidence: 0.0,
            reliable: false,
            guess: None,
            warning: Some("no words to tell the language from: using the language-neutral path".into()),
        };
    };
    let confidence = info.confidence() as f32;
    let best = info.lang();
    let guess = Some(best.eng_name());
    let fallback =
        |warning: String| Detection { lang: Lang::Other, confidence, reliable: false, guess, warning: Some(warning) };
    let hint = "give --lang to choose one";
    let lang = from_whatlang(best);
    let by_stop_words = || {
        clear_winner(&tally, lang).map(|(lang, confidence)| Detection {
            lang,
            confidence,
            reliable: true,
            guess,
            warning: None,
        })
    };
    if let Some(main) = lang.filter(|&l| !stop_words(l).is_empty()) {
        if let Some((other, share)) = switch(&tally, main) {
            // Outvoted rather than mixed: the sample's guess was wrong.
            if share >= 1.0 - MIXED_SHARE {
                if let Some(d) = by_stop_words() {
                    return d;
                }
            }
            return fallback(format!(
                "the text mixes {} ({:.0}%) and {} ({:.0}%): using the language-neutral path; {hint}",
                main.name(),
                100.0 * (1.0 - share),
                other.name(),
                100.0 * share,
            ));
        }
    }
    if confidence < MIN_CONFIDENCE {
        if let Some(d) = by_stop_words() {
            return d;
        }
        return fallback(format!(
            "cannot tell the language (best guess {}, confidence {confidence:.2}): using the language-neutral path; {hint}",
            best.eng_name()
        ));
    }
    match lang {
        Some(lang) => Detection { lang, confidence, reliable: true, guess, warning: None },
        None => fallback(format!(
            "the text looks {}, which nutgraf has no language tables for: using the language-neutral path",
            best.eng_name()
        )),
    }
}

/// Up to [`SAMPLE_BYTES`] of `text`, from its first line of 100 bytes or more (or its start),
/// cut at a space.
fn sample(text: &str) -> &str {
    let mut from = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().len() >= 100 {
            break;
        }
        from += line.len();
    }
    let text = if from < text.len() { &text[from..] } else { text };
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let mut end = SAMPLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = text[..end].rfind(char::is_whitespace).unwrap_or(end);
    &text[..cut]
}

/// The languages with Snowball stop lists, in the bit order of [`STOP_INDEX`].
const STOP_LANGS: [Lang; 13] = [
    Lang::Danish,
    Lang::Dutch,
    Lang::English,
    Lang::Finnish,
    Lang::French,
    Lang::German,
    Lang::Hungarian,
    Lang::Italian,
    Lang::Norwegian,
    Lang::Portuguese,
    Lang::Russian,
    Lang::Spanish,
    Lang::Swedish,
];

/// Every stop word of [`STOP_LANGS`], with a bit set for each language that lists it.
static STOP_INDEX: LazyLock<FxHashMap<&'static str, u16>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, u16> = FxHashMap::default();
    for (bit, &lang) in STOP_LANGS.iter().enumerate() {
        for &w in stop_words(lang) {
            *map.entry(w).or_default() |= 1 << bit;
        }
    }
    map
});

/// If chunks clearly in one other language than `main` hold at least [`MIXED_SHARE`] of the
/// classified text, that language and its share.
fn switch(t: &Tally, main: Lang) -> Option<(Lang, f32)> {
    let main_bit = STOP_LANGS.iter().position(|&l| l == main)?;
    let mut foreign = [0usize; 13];
    let mut classified = 0usize;
    for (len, hits) in &t.chunks {
        let (top, &n) = hits.iter().enumerate().max_by_key(|&(_, &n)| n).expect("13 languages");
        if n < 4 {
            continue;
        }
        classified += len;
        // Foreign: another language's stop words clearly outnumber the main language's.
        if top != main_bit && 2 * hits[main_bit] < n {
            foreign[top] += len;
        }
    }
    let (k, &bytes) = foreign.iter().enumerate().max_by_key(|&(_, &b)| b)?;
    let share = bytes as f32 / classified.max(1) as f32;
    (share >= MIXED_SHARE).then_some((STOP_LANGS[k], share))
}

/// Fewest stop words that let the stop words name a language when whatlang is unsure.
pub const MIN_STOP_HITS: usize = 3;
/// Fewest stop words of its own that let a language win without asking whatlang.
pub const DECISIVE_STOP_HITS: usize = 8;

/// Stop words of each of [`STOP_LANGS`] in `text` (within [`MAX_BYTES`]).
fn stop_tally(text: &str) -> Tally {
    let mut hits = [0usize; 13];
    let mut own = [0usize; 13];
    let mut total = 0usize;
    let mut lower = String::new();
    let mut per_chunk = Vec::new();
    for chunk in chunks(text) {
        let mut chunk_hits = [0u16; 13];
        for w in words(chunk, Span::new(0, chunk.len())) {
            total += 1;
            let word = &chunk[w];
            // No stop word is longer than 16 bytes ("dovremmo", "allerdings", "kummankaan"...).
            if word.len() > 16 {
                continue;
            }
            lower.clear();
            if word.is_ascii() {
                lower.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
            } else {
                lower.extend(word.chars().flat_map(char::to_lowercase));
            }
            if let Some(&mask) = STOP_INDEX.get(lower.as_str()) {
                if mask.count_ones() == 1 {
                    own[mask.trailing_zeros() as usize] += 1;
                }
                for (bit, h) in chunk_hits.iter_mut().enumerate() {
                    *h += (mask >> bit) & 1;
                }
            }
        }
        for (h, &c) in hits.iter_mut().zip(&chunk_hits) {
            *h += usize::from(c);
        }
        per_chunk.push((chunk.len(), chunk_hits));
    }
    Tally { hits, own, total, chunks: per_chunk }
}

/// Stop words per language of [`STOP_LANGS`] in a text.
struct Tally {
    /// Words in each language's list.
    hits: [usize; 13],
    /// Words in that language's list only ("the", "los"; not "de", "en").
    own: [usize; 13],
    /// Words read.
    total: usize,
    /// Each chunk's length in bytes and its stop words per language, for [`switch`].
    chunks: Vec<(usize, [u16; 13])>,
}

/// The language whose stop words the text uses most, when that is clear: at least
/// [`MIN_STOP_HITS`] of them, a fifth of the words, and twice the hits of any other language, or
/// as many as any when it is whatlang's guess (`hint`: "el" is a Spanish and a Hungarian stop
/// word). Its confidence is its share of the two leaders' hits.
fn clear_winner(t: &Tally, hint: Option<Lang>) -> Option<(Lang, f32)> {
    let mut order: Vec<usize> = (0..t.hits.len()).collect();
    // The hint first among equals.
    order.sort_by_key(|&k| (std::cmp::Reverse(t.hits[k]), Some(STOP_LANGS[k]) != hint));
    let (top, second) = (t.hits[order[0]], t.hits[order[1]]);
    let hinted = Some(STOP_LANGS[order[0]]) == hint;
    let clear = top >= MIN_STOP_HITS && 5 * top >= t.total && (top >= 2 * second || hinted);
    clear.then(|| (STOP_LANGS[order[0]], top as f32 / (top + second) as f32))
}

/// The language the stop words settle without whatlang: the one with the most stop words of
/// its own (words no other list has: "the", "los", "und"), at least [`DECISIVE_STOP_HITS`] of
/// them and five times any other language's own, that also leads on all stop words with a fifth
/// of the words. Shared words ("de", "en", "la") part Spanish from French only twice over; own
/// words part them tenfold. The Scandinavian languages share most of their lists and go to
/// whatlang. Its confidence is its share of the two leaders' own words.
fn decisive(t: &Tally) -> Option<(Lang, f32)> {
    let mut order: Vec<usize> = (0..t.own.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(t.own[k]));
    let (k, top, second) = (order[0], t.own[order[0]], t.own[order[1]]);
    let leads = t.hits.iter().all(|&h| h <= t.hits[k]) && 5 * t.hits[k] >= t.total;
    (top >= DECISIVE_STOP_HITS && top >= 5 * second && leads)
        .then(|| (STOP_LANGS[k], top as f32 / (top + second) as f32))
}

/// Pieces of about [`CHUNK_BYTES`], cut at line ends, within the first [`MAX_BYTES`].
fn chunks(text: &str) -> impl Iterator<Item = &str> {
    let mut end = text.len().min(MAX_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    let mut start = 0;
    std::iter::from_fn(move || {
        while start < text.len() {
            let from = start;
            let cut = (from + CHUNK_BYTES).min(text.len());
            let stop = match text.as_bytes()[cut..].iter().position(|&b| b == b'\n') {
                Some(k) => cut + k + 1,
                None => text.len(),
            };
            start = stop;
            let chunk = text[from..stop].trim();
            if !chunk.is_empty() {
                return Some(chunk);
            }
        }
        None
    })
}

/// The nutgraf language of a whatlang language, if nutgraf has tables for it.
fn from_whatlang(lang: W) -> Option<Lang> {
    Some(match lang {
        W::Ara => Lang::Arabic,
        W::Dan => Lang::Danish,
        W::Nld => Lang::Dutch,
        W::Eng => Lang::English,
        W::Fin => Lang::Finnish,
        W::Fra => Lang::French,
        W::Deu => Lang::German,
        W::Ell => Lang::Greek,
        W::Hun => Lang::Hungarian,
        W::Ita => Lang::Italian,
        W::Nob => Lang::Norwegian,
        W::Por => Lang::Portuguese,
        W::Ron => Lang::Romanian,
        W::Rus => Lang::Russian,
        W::Spa => Lang::Spanish,
        W::Swe => Lang::Swedish,
        W::Tam => Lang::Tamil,
        W::Tur => Lang::Turkish,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_snowball_language_maps_from_whatlang() {
        let mapped: Vec<Lang> = W::all().iter().filter_map(|&l| from_whatlang(l)).collect();
        for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::Other) {
            assert!(mapped.contains(&lang), "{lang} has no whatlang language");
        }
    }

    #[test]
    fn stop_languages_are_the_ones_with_lists() {
        for lang in Lang::ALL {
            assert_eq!(STOP_LANGS.contains(&lang), !stop_words(lang).is_empty(), "{lang}");
        }
        assert!(STOP_INDEX.keys().all(|w| w.len() <= 16), "the length cut in switch() misses a stop word");
    }

    #[test]
    fn sample_skips_titles_and_stops_at_a_space() {
        let body = "word ".repeat(400);
        let text = format!("A short title\nBy A. Writer\n{body}");
        let s = sample(&text);
        assert!(s.starts_with("word") && s.len() <= SAMPLE_BYTES && s.ends_with("word"), "{s:?}");
        assert_eq!(sample("tiny"), "tiny");
    }

    #[test]
    fn short_texts_are_settled_by_stop_words() {
        let cases = [
            ("Subscribe to our newsletter for more local news.", Lang::English),
            ("The council met on Tuesday and voted to close the pool.", Lang::English),
            ("El pleno aprobó el presupuesto el martes.", Lang::Spanish),
            ("Le conseil a voté le budget de la ville mardi.", Lang::French),
        ];
        for (text, lang) in cases {
            let d = detect(text);
            assert_eq!(d.lang, lang, "{text}: {d:?}");
            assert!(d.warning.is_none(), "{text}: {d:?}");
        }
        // No stop word to go by: unsure, language-neutral, with a warning.
        let d = detect("Rain fell.");
        assert_eq!(d.lang, Lang::Other, "{d:?}");
        assert!(d.warning.is_some());
    }

    #[test]
    fn nothing_to_detect() {
        for text in ["", "   ", "12 345 678", "!!!"] {
            let d = detect(text);
            assert_eq!(d.lang, Lang::Other, "{text:?}");
            assert!(d.warning.is_some());
        }
    }
}
