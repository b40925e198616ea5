/*!
ROUGE for languages other than English: the same scores over Unicode-aware tokens and the
language's Snowball stemmer.

# Why this module exists

rouge-score's tokenizer keeps only ASCII `[a-z0-9]`, so "año" becomes `a` and `o` and a Greek
or Russian summary has no tokens at all. The multilingual ROUGE released with XL-Sum
(csebuetnlp/xl-sum, `multilingual_rouge_scoring`) fixes that, and this module follows its
rules so Spanish or French numbers are comparable with published ones:

1. Lowercase the text (full Unicode lowercasing, as Python's `str.lower()`, final sigma
   included).
2. Drop control characters, NUL and U+FFFD; every Unicode space is a separator.
3. Split on punctuation: every ASCII character that is not a letter or digit, and every
   character of a Unicode punctuation category (`P*`: « » ¿ ¡ — “ ” ...). Letters, digits,
   combining marks and symbols of any script stay inside words, so "año" and "l'état" give
   `año`, `l`, `état`.
4. Stem every token with the language's Snowball stemmer (NLTK's `SnowballStemmer(lang,
   ignore_stopwords=True)`: the language's Snowball stop words are left unstemmed).
   [`Lang::Other`] does not stem.

Ideographs (the CJK blocks) are one token each, as in BERT's basic tokenizer: XL-Sum segments
Chinese and Japanese with jieba and MeCab, which nutgraf does not ship, so ROUGE of Chinese text
here is character-level. Thai and Burmese have no segmenter either: their space-separated runs
are the tokens. Turkish uses Snowball's Turkish stemmer (XL-Sum uses another one).

Lines are ROUGE-Lsum sentences exactly as in the English path (split on `"\n"`, empty lines
dropped), and the scores are computed by the same code. English ([`Lang::English`]) is not
handled here: [`Tokenized::with_lang`] sends it to rouge-score's tokenizer, so English scores
stay identical to rouge-score's.
*/

use nutgraf_text::{Lang, TermAnalyzer};
use unicode_general_category::{get_general_category, GeneralCategory as G};

/// Tokens of one line, appended to `out`.
pub(crate) fn tokenize_line(line: &str, analyzer: &mut TermAnalyzer, out: &mut Vec<String>) {
    let lower = line.to_lowercase();
    let mut word = String::new();
    for c in lower.chars() {
        if is_separator(c) {
            push(&mut word, analyzer, out);
        } else if is_ideograph(c) {
            push(&mut word, analyzer, out);
            word.push(c);
            push(&mut word, analyzer, out);
        } else if !is_dropped(c) {
            word.push(c);
        }
    }
    push(&mut word, analyzer, out);
}

fn push(word: &mut String, analyzer: &mut TermAnalyzer, out: &mut Vec<String>) {
    if word.is_empty() {
        return;
    }
    let token = if analyzer.lang() == Lang::Other || analyzer.is_stop(word) {
        word.clone()
    } else {
        analyzer.stem(word).into_owned()
    };
    if !token.is_empty() {
        out.push(token);
    }
    word.clear();
}

fn is_separator(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation() || c.is_ascii_whitespace();
    }
    c.is_whitespace()
        || matches!(
            get_general_category(c),
            G::ConnectorPunctuation
                | G::DashPunctuation
                | G::OpenPunctuation
                | G::ClosePunctuation
                | G::InitialPunctuation
                | G::FinalPunctuation
                | G::OtherPunctuation
                | G::SpaceSeparator
        )
}

/// Control characters (other than whitespace), NUL and the replacement character vanish
/// without splitting the word around them.
fn is_dropped(c: char) -> bool {
    c == '\u{FFFD}' || (c.is_control() && !c.is_whitespace()) || matches!(get_general_category(c), G::Format)
}

fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2CEAF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str, lang: Lang) -> Vec<String> {
        let mut a = TermAnalyzer::new(lang);
        let mut out = Vec::new();
        tokenize_line(text, &mut a, &mut out);
        out
    }

    #[test]
    fn unicode_tokens_and_stems() {
        let cases: Vec<(Lang, &str, Vec<&str>)> = vec![
            (
                Lang::Spanish,
                "¿Año nuevo? «Sí», dijeron—los vecinos.",
                vec!["año", "nuev", "sí", "dijeron", "los", "vecin"],
            ),
            (Lang::French, "L'État a décidé: 3,5 millions.", vec!["l", "état", "a", "décid", "3", "5", "million"]),
            (Lang::German, "Die Häuser der Straße", vec!["die", "haus", "der", "strass"]),
            (Lang::Russian, "Городской совет принял бюджет", vec!["городск", "совет", "приня", "бюджет"]),
            (Lang::Greek, "ΟΔΟΣ", vec!["οδ"]),
            (Lang::Other, "市议会 Año\u{200B}s €5", vec!["市", "议", "会", "años", "€5"]),
        ];
        for (lang, text, want) in cases {
            assert_eq!(tokens(text, lang), want, "{lang}: {text:?}");
        }
    }

    #[test]
    fn stop_words_are_not_stemmed() {
        // "estas" is a Snowball Spanish stop word: NLTK with ignore_stopwords keeps it whole.
        assert_eq!(tokens("estas casas", Lang::Spanish), vec!["estas", "cas"]);
    }
}
