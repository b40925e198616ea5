/*!
rouge-score 0.1.2's tokenizer (`rouge_score/tokenize.py`) with `use_stemmer=True`.

# Why this module exists

ROUGE numbers depend on tokenization as much as on the metric, so this module reproduces the
Python steps exactly, in one pass over the text:

1. `text.lower()`: full Unicode lowercasing.
2. `re.sub(r"[^a-z0-9]+", " ", text)`: every character that is not ASCII `a-z` or `0-9`
   becomes a separator. The class is ASCII only, so "café" gives `caf`, "naïve" gives `na`
   and `ve`, "3.14" gives `3` and `14`, and CJK text, emoji and non-ASCII digits vanish.
   Two non-ASCII characters lowercase to ASCII and do survive: "İ" (to `i` plus a combining
   dot, which then splits) and the Kelvin sign (to `k`).
3. Split on whitespace; stem (NLTK Porter) only tokens longer than three characters.
4. Keep tokens matching `^[a-z0-9]+$`, which after step 2 means the non-empty ones.

Lowercasing one character at a time gives the same ASCII letters as lowercasing the whole
string (context-dependent mappings such as a final sigma only produce non-ASCII letters).

ROUGE-Lsum needs sentences: rouge-score splits the text on `"\n"` (only that character: not
`"\r"`, not U+2028), drops empty lines and tokenizes each line. Since `"\n"` is a separator
anyway, the line tokens concatenated are exactly the whole-text tokens, so [`Tokenized`]
keeps one token list plus the line boundaries. Lines without tokens (blank or
whitespace-only) are left out: in rouge-score they are empty sentences that never change a
score.
*/

use std::ops::Range;

use nutgraf_text::{Lang, TermAnalyzer};

use crate::{multilingual, porter};

/// Splits `text` into rouge-score 0.1.2 tokens: lowercase ASCII alphanumeric runs, each
/// longer than three characters stemmed with NLTK's Porter stemmer.
///
/// ```
/// let tokens = nutgraf_rouge::tokenize("The café's 3.14 generalizations!");
/// assert_eq!(tokens, ["the", "caf", "s", "3", "14", "gener"]);
/// ```
pub fn tokenize(text: &str) -> Vec<String> {
    Tokenized::new(text).into_tokens()
}

/// A text tokenized once for scoring: its tokens and its lines (ROUGE-Lsum sentences).
///
/// Build it once for a reference that is scored against many candidates, then call
/// [`score_tokenized`](crate::score_tokenized).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tokenized {
    tokens: Vec<String>,
    /// End (exclusive) of every non-empty line in `tokens`, ascending.
    line_ends: Vec<usize>,
}

impl Tokenized {
    /// Tokenizes `text` as rouge-score 0.1.2 does with the stemmer on.
    pub fn new(text: &str) -> Tokenized {
        let mut out = Tokenized::default();
        let mut word: Vec<u8> = Vec::with_capacity(32);
        for c in text.chars() {
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    word.push(c.to_ascii_lowercase() as u8);
                } else {
                    out.push_word(&mut word);
                    if c == '\n' {
                        out.end_line();
                    }
                }
            } else {
                for lower in c.to_lowercase() {
                    if lower.is_ascii_alphanumeric() {
                        word.push(lower as u8);
                    } else {
                        out.push_word(&mut word);
                    }
                }
            }
        }
        out.push_word(&mut word);
        out.end_line();
        out
    }

    /// Tokenizes `text` in `lang`: English exactly as [`Tokenized::new`] (rouge-score), every
    /// other language with Unicode-aware tokens and its Snowball stemmer (see
    /// [`score_lang`](crate::score_lang)).
    pub fn with_lang(text: &str, lang: Lang) -> Tokenized {
        if lang == Lang::English {
            return Tokenized::new(text);
        }
        let mut analyzer = TermAnalyzer::new(lang);
        let mut out = Tokenized::default();
        for line in text.split('\n') {
            multilingual::tokenize_line(line, &mut analyzer, &mut out.tokens);
            out.end_line();
        }
        out
    }

    /// All tokens, in text order.
    pub fn tokens(&self) -> &[String] {
        &self.tokens
    }

    /// The tokens of each line that has any, in text order (the ROUGE-Lsum sentences).
    pub fn sentences(&self) -> impl Iterator<Item = &[String]> + '_ {
        self.line_ranges().map(|r| &self.tokens[r])
    }

    /// Consumes `self`, returning its tokens.
    pub fn into_tokens(self) -> Vec<String> {
        self.tokens
    }

    /// The range in [`tokens`](Self::tokens) of each line that has any.
    pub(crate) fn line_ranges(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let starts = std::iter::once(0).chain(self.line_ends.iter().copied());
        starts.zip(self.line_ends.iter().copied()).map(|(s, e)| s..e)
    }

    fn push_word(&mut self, word: &mut Vec<u8>) {
        if word.is_empty() {
            return;
        }
        if word.len() > 3 {
            porter::stem_ascii(word);
        }
        if !word.is_empty() {
            self.tokens.push(word.iter().map(|&b| char::from(b)).collect());
        }
        word.clear();
    }

    fn end_line(&mut self) {
        if self.line_ends.last().copied().unwrap_or(0) < self.tokens.len() {
            self.line_ends.push(self.tokens.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_rouge_score_tokenize() {
        // Expected values from rouge_score.tokenize.tokenize(text, PorterStemmer()).
        let cases: Vec<(&str, Vec<&str>)> = vec![
            ("", vec![]),
            ("  \n\t ", vec![]),
            ("Hello, World!", vec!["hello", "world"]),
            ("Café İstanbul K 3.14", vec!["caf", "i", "stanbul", "k", "3", "14"]),
            ("naïve ①② ٣ 1990s", vec!["na", "ve", "1990"]),
            ("東京 2020 😀 ok", vec!["2020", "ok"]),
            ("state-of-the-art don't", vec!["state", "of", "the", "art", "don", "t"]),
            ("The skies were dying news", vec!["the", "sky", "were", "die", "news"]),
            ("was has ies", vec!["was", "has", "ies"]),
            ("ＡＢＣ abc", vec!["abc"]),
        ];
        for (text, want) in cases {
            assert_eq!(tokenize(text), want, "tokenize({text:?})");
        }
    }

    #[test]
    fn lines_split_on_newline_only() {
        let t = Tokenized::new("One two.\n\n   \nThree\r\nfour\u{2028}five\n");
        let lines: Vec<Vec<&str>> = t.sentences().map(|s| s.iter().map(String::as_str).collect()).collect();
        assert_eq!(lines, vec![vec!["one", "two"], vec!["three"], vec!["four", "five"]]);
        assert_eq!(t.tokens().len(), 5);
    }

    #[test]
    fn only_two_non_ascii_chars_lowercase_to_ascii_alphanumerics() {
        let survivors: Vec<char> = (0x80..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii_alphanumeric()))
            .collect();
        assert_eq!(survivors, ['\u{130}', '\u{212A}']);
    }
}
