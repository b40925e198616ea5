/*!
ROUGE scores identical to Python's `rouge-score` 0.1.2 with `use_stemmer=True`.

# Brief overview

nutgraf's evaluation compares generated summaries with reference summaries using ROUGE-1,
ROUGE-2, ROUGE-L and ROUGE-Lsum. Published numbers come from Google's `rouge-score` package,
so this crate reproduces it exactly, to the last bit of every `f64` in practice and to 4
decimal places by contract (`tests/parity.rs` checks hundreds of pairs scored by the Python
package, and thousands of words stemmed by NLTK).

* [`score`] scores one reference/candidate pair.
* [`Tokenized`] tokenizes a text once, and [`score_tokenized`] scores pre-tokenized texts, for
  a reference scored against many candidates.
* [`tokenize()`] and [`stem()`] expose the two building blocks: rouge-score's tokenizer and a
  hand port of NLTK's Porter stemmer.
* [`score_lang`] and [`Tokenized::with_lang`] score other languages with the same algorithm over
  Unicode-aware tokens and the language's Snowball stemmer, as the multilingual ROUGE of XL-Sum
  does (module `multilingual`); English goes through the rouge-score path unchanged.

The pieces live one per module: `tokenize` (text to tokens and lines), `porter` (the
stemmer), `ngram` (ROUGE-N), `lcs` (ROUGE-L and ROUGE-Lsum) and `intern` (token ids).

# Example

```
use nutgraf_rouge::{score, score_tokenized, Tokenized};

let reference = "Firefighters said the blaze started in a kitchen.\nNo one was hurt in the fire.";
let candidate = "The fire started in the kitchen, firefighters said.\nNobody was hurt.";
let scores = score(reference, candidate);
// The values rouge-score 0.1.2 gives for this pair.
assert!((scores.rouge1.fmeasure - 0.7692).abs() < 5e-5);
assert!((scores.rouge2.fmeasure - 0.4167).abs() < 5e-5);
assert!((scores.rouge_l.fmeasure - 0.4615).abs() < 5e-5);
assert!((scores.rouge_lsum.fmeasure - 0.5385).abs() < 5e-5);

// Tokenize the reference once when scoring many candidates against it.
let reference = Tokenized::new(reference);
assert_eq!(score_tokenized(&reference, &Tokenized::new(candidate)), scores);

let json = serde_json::to_string(&scores.rouge1).unwrap();
assert!(json.starts_with(r#"{"precision":0.909"#));
```

# rouge-score behaviours reproduced here

* Tokens are lowercase ASCII `[a-z0-9]+` runs: every other character separates tokens, so
  accented letters split words ("café" gives `caf`), and CJK, emoji or non-ASCII digits
  vanish. "3.14" gives two tokens. See the `tokenize` module for the details.
* Only tokens longer than three characters are stemmed, so "was" stays `was` although NLTK
  alone stems it to `wa`. Digits are stemmed like consonants: "1990s" gives `1990`.
* ROUGE-N divides by `max(count, 1)`, so an empty side gives 0. ROUGE-L and ROUGE-Lsum give 0
  when either side has no tokens. F is `2PR / (P + R)`, and 0 when `P + R` is 0.
* ROUGE-Lsum sentences are the text's `"\n"`-separated lines (not `"\r"`, not U+2028); when
  neither text has a newline, ROUGE-Lsum equals ROUGE-L. Which LCS a sentence pair contributes follows
  rouge-score's backtracking tie-break, and hits are capped by token counts.
*/
#![deny(missing_docs)]

mod intern;
mod lcs;
mod multilingual;
mod ngram;
mod porter;
mod tokenize;

use nutgraf_text::Lang;
use serde::{Deserialize, Serialize};

pub use porter::stem;
pub use tokenize::{tokenize, Tokenized};

/// Precision, recall and F-measure of one ROUGE variant, each in `[0, 1]`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// Matched units over the candidate's units.
    pub precision: f64,
    /// Matched units over the reference's units.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub fmeasure: f64,
}

impl Score {
    /// All zero: what rouge-score returns when a side has nothing to match.
    pub(crate) const ZERO: Score = Score { precision: 0.0, recall: 0.0, fmeasure: 0.0 };

    /// A score from precision and recall, with rouge-score's `fmeasure`.
    pub(crate) fn from_precision_recall(precision: f64, recall: f64) -> Score {
        let fmeasure = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Score { precision, recall, fmeasure }
    }
}

/// The four ROUGE variants nutgraf reports, serialized with rouge-score's names
/// (`rouge1`, `rouge2`, `rougeL`, `rougeLsum`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RougeScores {
    /// Unigram overlap.
    pub rouge1: Score,
    /// Bigram overlap.
    pub rouge2: Score,
    /// Longest common subsequence over the whole texts.
    #[serde(rename = "rougeL")]
    pub rouge_l: Score,
    /// Summary-level union LCS over `"\n"`-separated sentences.
    #[serde(rename = "rougeLsum")]
    pub rouge_lsum: Score,
}

/// Scores `candidate` against `reference` as rouge-score 0.1.2's
/// `RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=True)
/// .score(reference, candidate)` does.
pub fn score(reference: &str, candidate: &str) -> RougeScores {
    score_tokenized(&Tokenized::new(reference), &Tokenized::new(candidate))
}

/// Scores `candidate` against `reference` in `lang`: [`score`] for English, otherwise the same
/// ROUGE-1, -2, -L and -Lsum over multilingual tokens ([`Tokenized::with_lang`]).
///
/// ```
/// use nutgraf_rouge::score_lang;
/// use nutgraf_text::Lang;
///
/// let s = score_lang("Los concejales votaron.", "El concejal votó.", Lang::Spanish);
/// assert_eq!(s.rouge1.recall, 2.0 / 3.0); // "concejal" and "vot" match, "los" does not
/// // rouge-score's ASCII tokenizer cuts "votó" into "vot" and nothing else matches.
/// assert!(nutgraf_rouge::score("Los concejales votaron.", "El concejal votó.").rouge1.recall < 0.5);
/// ```
pub fn score_lang(reference: &str, candidate: &str, lang: Lang) -> RougeScores {
    score_tokenized(&Tokenized::with_lang(reference, lang), &Tokenized::with_lang(candidate, lang))
}

/// Like [`score`], for texts already tokenized with [`Tokenized::new`] (or
/// [`Tokenized::with_lang`], both sides in the same language).
pub fn score_tokenized(reference: &Tokenized, candidate: &Tokenized) -> RougeScores {
    let mut vocab = intern::Vocab::default();
    let r = vocab.intern(reference.tokens());
    let c = vocab.intern(candidate.tokens());
    let r_lines: Vec<&[u32]> = reference.line_ranges().map(|l| &r[l]).collect();
    let c_lines: Vec<&[u32]> = candidate.line_ranges().map(|l| &c[l]).collect();
    RougeScores {
        rouge1: ngram::rouge_n(&r, &c, 1),
        rouge2: ngram::rouge_n(&r, &c, 2),
        rouge_l: lcs::rouge_l(&r, &c, vocab.len()),
        rouge_lsum: lcs::rouge_lsum(&r_lines, &c_lines, vocab.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_with_rouge_score_names() {
        let s = score("a b c", "a b d");
        let json = serde_json::to_value(s).unwrap();
        let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["rouge1", "rouge2", "rougeL", "rougeLsum"]);
        assert_eq!(json["rougeL"]["precision"], 2.0 / 3.0);
        let back: RougeScores = serde_json::from_value(json).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn empty_and_identical_texts() {
        let zero =
            RougeScores { rouge1: Score::ZERO, rouge2: Score::ZERO, rouge_l: Score::ZERO, rouge_lsum: Score::ZERO };
        assert_eq!(score("", ""), zero);
        assert_eq!(score("Hello there", " \n "), zero);
        assert_eq!(score("東京", "東京"), zero);
        let one = Score::from_precision_recall(1.0, 1.0);
        let s = score("The cats sat.\nThey purred.", "the cat sat\n\nthey purring");
        assert_eq!(s, RougeScores { rouge1: one, rouge2: one, rouge_l: one, rouge_lsum: one });
    }

    #[test]
    fn languages_other_than_english() {
        // English through score_lang is rouge-score.
        let (r, c) = ("The cats sat.\nThey purred.", "the cat sat\n\nthey purring");
        assert_eq!(score_lang(r, c, Lang::English), score(r, c));
        // rouge-score cuts "camión" into "cami" and "n"; the Spanish path keeps the word, and
        // Snowball's Spanish stemmer folds the accent, as a misspelled "camion" also gets.
        assert_eq!(score("El camión", "El camion").rouge1.fmeasure, 0.4);
        assert_eq!(score_lang("El camión", "El camion", Lang::Spanish).rouge1.fmeasure, 1.0);
        assert_eq!(score_lang("El año", "El ano", Lang::Spanish).rouge1.fmeasure, 0.5);
        // Inflections meet at the Snowball stem; lines are ROUGE-Lsum sentences.
        let s = score_lang("Los concejales votaron.\nLlovió.", "El concejal votó.\nLlueve.", Lang::Spanish);
        assert!((s.rouge1.recall - 2.0 / 4.0).abs() < 1e-12, "{s:?}");
        // Greek and Russian have tokens at all.
        assert_eq!(score("Городской совет", "Городской совет").rouge1.fmeasure, 0.0);
        assert_eq!(score_lang("Городской совет", "городского совета", Lang::Russian).rouge1.fmeasure, 1.0);
        assert_eq!(score_lang("", "", Lang::Spanish).rouge_lsum, Score::ZERO);
    }
}
