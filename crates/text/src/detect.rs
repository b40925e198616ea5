//! Language detection: which [`Lang`] an article is in, and how sure that is.
//!
//! Detection is whatlang's (trigram profiles of 69 languages, MIT, no model files): the most
//! used pure-Rust detector, fast enough to run once per article, with a confidence for every
//! answer. lingua is more accurate on short snippets but loads hundreds of megabytes of models;
//! whichlang is faster but covers 16 languages and gives no confidence. News articles are long
//! enough for trigrams.
//!
//! An article is read in chunks of a few paragraphs (at most [`MAX_BYTES`] in all), each chunk
//! is detected on its own, and the chunks vote with their length times their confidence. The
//! answer is [`Lang::Other`] (the language-neutral path), with a warning to show the user and
//! never an error, when
//! * a second language holds a real share of the text (an article that switches language),
//! * the winner is not sure enough ([`MIN_CONFIDENCE`]),
//! * or the winner is a language nutgraf has no Snowball tables for (Chinese, Thai, Hindi ...).

use whatlang::Lang as W;

use crate::Lang;

/// Bytes of the article read for detection (the rest is assumed to follow).
pub const MAX_BYTES: usize = 32 * 1024;
/// Below this confidence (0..1) the language is treated as unknown.
pub const MIN_CONFIDENCE: f32 = 0.35;
/// A second language holding at least this share of the detected text makes the article mixed.
const MIXED_SHARE: f32 = 0.25;
/// Chunks are cut at the first paragraph end after this many bytes.
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
    /// The English name of the best guess, whether nutgraf supports it or not ("Chinese").
    pub guess: Option<&'static str>,
    /// Why the text falls back to the language-neutral path, for the user (`None` when it does
    /// not).
    pub warning: Option<String>,
}

/// Detects the language of `text`. Never fails: see the module docs for the fallbacks.
pub fn detect(text: &str) -> Detection {
    let mut votes: Vec<(W, f32, usize)> = Vec::new();
    let mut total = 0.0f32;
    for chunk in chunks(text) {
        let Some(info) = whatlang::detect(chunk) else { continue };
        let weight = chunk.len() as f32 * info.confidence() as f32;
        total += chunk.len() as f32;
        match votes.iter_mut().find(|v| v.0 == info.lang()) {
            Some(v) => {
                v.1 += weight;
                v.2 += chunk.len();
            }
            None => votes.push((info.lang(), weight, chunk.len())),
        }
    }
    votes.sort_by(|a, b| b.1.total_cmp(&a.1));
    let Some(&(best, weight, _)) = votes.first() else {
        return Detection {
            lang: Lang::Other,
            confidence: 0.0,
            reliable: false,
            guess: None,
            warning: Some("no words to tell the language from: using the language-neutral path".into()),
        };
    };
    let confidence = (weight / total).clamp(0.0, 1.0);
    let guess = Some(best.eng_name());
    let fallback =
        |warning: String| Detection { lang: Lang::Other, confidence, reliable: false, guess, warning: Some(warning) };
    let hint = "give --lang to choose one";
    if let Some(&(second, w2, bytes2)) = votes.get(1) {
        if w2 / total >= MIXED_SHARE && bytes2 >= CHUNK_BYTES / 2 {
            return fallback(format!(
                "the text mixes {} ({:.0}%) and {} ({:.0}%): using the language-neutral path; {hint}",
                best.eng_name(),
                100.0 * weight / total,
                second.eng_name(),
                100.0 * w2 / total,
            ));
        }
    }
    if confidence < MIN_CONFIDENCE {
        return fallback(format!(
            "cannot tell the language (best guess {}, confidence {confidence:.2}): using the language-neutral path; {hint}",
            best.eng_name()
        ));
    }
    match from_whatlang(best) {
        Some(lang) => Detection { lang, confidence, reliable: true, guess, warning: None },
        None => fallback(format!(
            "the text looks {}, which nutgraf has no language tables for: using the language-neutral path",
            best.eng_name()
        )),
    }
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
            if chunk.chars().filter(|c| c.is_alphabetic()).count() >= 12 {
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
    fn nothing_to_detect() {
        for text in ["", "   ", "12 345 678", "!!!"] {
            let d = detect(text);
            assert_eq!(d.lang, Lang::Other, "{text:?}");
            assert!(d.warning.is_some());
        }
    }
}
