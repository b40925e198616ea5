//! Sentence roles and the analysis of a Spanish article.
//!
//! Mirrors [`crate::analyze`]: a sentence is a `Quote` when it holds three or more words inside
//! a Spanish quote ([`super::quotes`]: « », “ ”, ‘ ’, straight marks or a dialogue line), or
//! opens inside one; `Attributed` when it names a source with a reporting verb outside quotes
//! ("dijo", "afirmó", "ha señalado") or with "según" / "de acuerdo con"; otherwise `Reported`.
//! Reported sentences are then weighed for loaded words and opinion ([`super::opinion`]), and
//! every sentence is checked for boilerplate ([`super::boilerplate`]).

use nutgraf_text::{Document, Span};

use super::{boilerplate, lexicon, opinion};
use crate::{Analysis, Boilerplate, Dependency, LoadedWord, Role, SentenceInfo};

/// Pronouns and demonstratives that make a sentence lean on the one before.
#[rustfmt::skip]
static PRONOUNS: &[&str] = &["ella", "ellas", "ello", "ellos", "esa", "ese", "eso", "esta", "estas", "este", "esto", "estos", "él"];
/// Discourse connectives.
#[rustfmt::skip]
static CONNECTIVES: &[&str] = &[
    "además", "asimismo", "así", "entonces", "igualmente", "pero", "sin", "sino", "también",
    "todavía", "aun", "aunque", "mientras", "no", "obstante", "por",
];

/// Classifies one sentence from its lowercased words (with normalized offsets) and the quoted
/// byte ranges that fall in it.
pub(crate) fn classify(words: &[(usize, String)], inside: &dyn Fn(usize) -> bool, starts_quoted: bool) -> Role {
    let quoted = words.iter().filter(|(at, _)| inside(*at)).count();
    if quoted >= 3 || (starts_quoted && quoted >= 1) {
        return Role::Quote;
    }
    let attributed = words.iter().enumerate().any(|(k, (at, w))| {
        !inside(*at)
            && (lexicon::is_cue(w)
                || w == "según"
                || (w == "acuerdo"
                    && k > 0
                    && words[k - 1].1 == "de"
                    && words.get(k + 1).is_some_and(|(_, n)| n == "con")))
    });
    if attributed {
        Role::Attributed
    } else {
        Role::Reported
    }
}

/// Analyzes every sentence of a Spanish `doc`.
pub(crate) fn analyze(doc: &Document) -> Analysis {
    let norm_text = doc.text.normalized();
    let quotes = super::quotes::find(doc);
    // Quoted normalized ranges (content only), in order.
    let ranges: Vec<Span> = quotes.iter().flat_map(|q| q.parts.iter().copied()).collect();
    let in_quote = |pos: usize| {
        let k = ranges.partition_point(|r| r.end <= pos);
        ranges.get(k).is_some_and(|r| r.start <= pos)
    };
    let mut out = Analysis {
        sentences: Vec::with_capacity(doc.sentences.len()),
        loaded: Vec::new(),
        word_lists: Default::default(),
    };
    let mut note_paragraph = None;
    // Words and their lowercase forms, reused from sentence to sentence.
    let mut spans: Vec<Span> = Vec::new();
    let mut pool: Vec<(usize, String)> = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        let norm = &norm_text[s.norm];
        spans.clear();
        spans.extend_from_slice(doc.sentence_words(i));
        for (k, &w) in spans.iter().enumerate() {
            if k == pool.len() {
                pool.push((0, String::new()));
            }
            let (at, lower) = &mut pool[k];
            *at = w.start;
            lower.clear();
            let mut buf = String::new();
            lower.push_str(super::lower(&norm_text[w], &mut buf));
        }
        let words = &pool[..spans.len()];
        let inside = |at: usize| in_quote(at);
        let starts_quoted = words.first().is_some_and(|(at, _)| inside(*at));
        let role = classify(words, &inside, starts_quoted);
        let alone = doc.paragraphs[s.paragraph].norm == s.norm;
        let mut bp = boilerplate::detect(norm).or_else(|| {
            if alone {
                crate::boilerplate::heading(norm, words.len(), s.paragraph == 0)
            } else {
                None
            }
        });
        if bp == Some(Boilerplate::EditorsNote) {
            note_paragraph = Some(s.paragraph);
        } else if bp.is_none() && note_paragraph == Some(s.paragraph) {
            bp = Some(Boilerplate::EditorsNote);
        }
        let outside: Vec<&(usize, String)> = words.iter().filter(|(at, _)| !inside(*at)).collect();
        let mut evaluative = 0.0;
        let mut asserts = false;
        if role == Role::Reported {
            for (k, &(at, w)) in outside.iter().enumerate() {
                let Some((kind, valence)) = opinion::loaded(w) else { continue };
                evaluative += crate::opinion::weight(kind, valence);
                // Four words back, not two: Spanish predicates through an article and an
                // intensifier ("es una vergüenza", "ha sido un fracaso absolutamente desastroso").
                let before = &outside[k.saturating_sub(4)..k];
                if kind == crate::LoadedKind::Valenced && before.iter().any(|(_, b)| opinion::predicates(b)) {
                    evaluative += crate::opinion::PREDICATE_WEIGHT;
                    asserts = true;
                }
                let end = spans.iter().find(|sp| sp.start == *at).map_or(*at, |sp| sp.end);
                out.loaded.push(LoadedWord {
                    word: w.clone(),
                    span: doc.text.to_original(Span::new(*at, end)),
                    sentence: i,
                    kind,
                    valence,
                });
            }
            let plain: Vec<&str> = outside.iter().map(|(_, w)| w.as_str()).collect();
            let frames = opinion::frame_weight(&plain);
            evaluative += frames;
            asserts |= frames > 0.0;
        }
        let dependency = dependency(role, words, &outside);
        out.sentences.push(SentenceInfo {
            role,
            boilerplate: bp,
            evaluative,
            opinion: role == Role::Reported
                && ((asserts && evaluative >= crate::OPINION_THRESHOLD)
                    || evaluative >= crate::opinion::DENSE_THRESHOLD),
            dependency,
            words: words.len(),
        });
    }
    out
}

fn dependency(role: Role, words: &[(usize, String)], outside: &[&(usize, String)]) -> Option<Dependency> {
    let attributes = |w: &str| lexicon::is_cue(w) || w == "según";
    crate::dependency_with(role, words, outside, attributes, PRONOUNS, CONNECTIVES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        let input = "El pleno aprob\u{F3} el presupuesto el martes.\n\
                     \u{AB}Este plan protege cada biblioteca\u{BB}, dijo la alcaldesa Ana Ruiz.\n\
                     Rubio ha se\u{F1}alado que la obra costar\u{E1} tres millones.\n\
                     Seg\u{FA}n el informe, los costes subieron un 4 %.\n\
                     \u{2014}No pienso cerrar la tienda \u{2014}dijo el comerciante.\n\
                     Lo llam\u{F3} un \u{AB}desastre\u{BB} para la ciudad.";
        let doc = Document::new(input);
        let a = analyze(&doc);
        let roles: Vec<Role> = a.sentences.iter().map(|s| s.role).collect();
        assert_eq!(
            roles,
            vec![Role::Reported, Role::Quote, Role::Attributed, Role::Attributed, Role::Quote, Role::Reported]
        );
    }
}
