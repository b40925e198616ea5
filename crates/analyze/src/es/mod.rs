/*!
Spanish: the analysis and extraction rules for articles written in Spanish.

# Why this module exists

A Spanish article must get the brief an English one gets: opinion and boilerplate left out, quotes
with their speakers, exact spans. The English rules are word lists plus token patterns; Spanish
differs in the lists (reporting verbs in several tenses, role nouns, month names, function words),
in its quotation styles (« », “ ”, ‘ ’ and dialogue introduced by a dash), in word order
("afirmó el consejero"), in dropped subjects ("Añadió que ...") and in date forms ("el 4 de
marzo", "el pasado martes"). So:

* the extractor's shared rules ([`crate::extract`]) run on a token stream built with the
  Spanish lists ([`lexicon`]) and take the few Spanish-only turns there, each guarded by the
  token stream's `es` flag so the English path is unchanged;
* the Spanish quote scanner ([`quotes`]), role rule ([`role`]), date forms ([`dates`]), roles in
  apposition ([`roles`]), boilerplate ([`boilerplate`]) and loaded words ([`opinion`], generated
  [`lexicon_loaded`]) live here, one stage per file, mirroring the English modules.
*/

pub(crate) mod boilerplate;
pub(crate) mod dates;
pub(crate) mod lexicon;
#[rustfmt::skip]
mod lexicon_loaded;
pub(crate) mod opinion;
pub(crate) mod quotes;
pub(crate) mod role;
pub(crate) mod roles;

use nutgraf_text::Document;

use crate::Analysis;

/// True when `word` equals the lowercase `lower`, ignoring case. Spanish letters keep their
/// UTF-8 length when lowercased (Á/á, Ñ/ñ: two bytes each), so a length mismatch rejects at once;
/// this comparison runs for every word a Spanish rule looks at.
#[inline]
pub(crate) fn eq_fold(word: &str, lower: &str) -> bool {
    if word.len() != lower.len() {
        return false;
    }
    if word.is_ascii() {
        return word.eq_ignore_ascii_case(lower);
    }
    word == lower || word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// `word` lowercased: borrowed when it does not start with an uppercase letter (most words),
/// else lowercased into `buf`. Only the first letter is checked: words capitalized in the middle
/// are names, which no lowercase list holds anyway.
#[inline]
pub(crate) fn lower<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    let Some(first) = word.chars().next() else { return word };
    if !first.is_uppercase() {
        return word;
    }
    buf.clear();
    if word.is_ascii() {
        buf.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
    buf
}

/// Analyzes a Spanish article (see [`crate::analyze_lang`]).
pub(crate) fn analyze(doc: &Document) -> Analysis {
    role::analyze(doc)
}
