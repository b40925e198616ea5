/*!
NLTK's Porter stemmer, `PorterStemmer()` in its default `NLTK_EXTENSIONS` mode, ported by hand.

# Why this module exists

rouge-score 0.1.2 stems with `nltk.stem.porter.PorterStemmer()`. Its default mode is
Porter's 1980 algorithm plus Martin Porter's later fixes plus NLTK's own changes: a table of
irregular forms ("skies" -> "sky", "dying" -> "die", "news" -> "news"), `ies`/`ied` on
four-letter words ("dies" -> "die"), `y -> i` only after a consonant, `alli` handled first,
and the `fulli` and `logi` rules. The `rust-stemmers` crate implements Snowball's Porter2
("english"), a different algorithm: it stems "generalizations" to "general", "fairly" to
"fair" and "was" to "was", where NLTK gives "gener", "fairli" and "wa". Any such difference
moves ROUGE scores away from the Python numbers, so parity needs a faithful port, not a
dependency.

The port follows `nltk/stem/porter.py` (checked against nltk 3.10.4) rule by rule, including
its quirks: `_apply_rule_list` stops at the first rule whose suffix matches even when that
rule's condition fails, and the `logi` rule tests the measure of the word minus `ogi`.
`tests/fixtures/porter.tsv` holds thousands of words stemmed by NLTK itself.

The algorithm runs on any slice of [`Letter`]: bytes for the tokenizer's hot path (its tokens
are always lowercase ASCII) and `char`s for [`stem`] on arbitrary text, where NLTK treats
every non-ASCII letter as a consonant.
*/

mod steps;

use steps::{step1a, step1b, step1c, step2, step3, step4, step5a, step5b};

/// A letter the stemmer can work on: an ASCII byte or a `char`.
trait Letter: Copy + Eq {
    /// Whether this letter is the ASCII byte `b`.
    fn is(self, b: u8) -> bool;
    /// The letter for the ASCII byte `b`.
    fn ascii(b: u8) -> Self;
}

impl Letter for u8 {
    fn is(self, b: u8) -> bool {
        self == b
    }
    fn ascii(b: u8) -> Self {
        b
    }
}

impl Letter for char {
    fn is(self, b: u8) -> bool {
        self == char::from(b)
    }
    fn ascii(b: u8) -> Self {
        char::from(b)
    }
}

/// NLTK's irregular forms (the `pool`), looked up before any rule.
const IRREGULAR: [(&[u8], &[u8]); 16] = [
    (b"sky", b"sky"),
    (b"skies", b"sky"),
    (b"dying", b"die"),
    (b"lying", b"lie"),
    (b"tying", b"tie"),
    (b"news", b"news"),
    (b"innings", b"inning"),
    (b"inning", b"inning"),
    (b"outings", b"outing"),
    (b"outing", b"outing"),
    (b"cannings", b"canning"),
    (b"canning", b"canning"),
    (b"howe", b"howe"),
    (b"proceed", b"proceed"),
    (b"exceed", b"exceed"),
    (b"succeed", b"succeed"),
];

/// Stems one word exactly as NLTK's `PorterStemmer().stem(word)` does.
///
/// The word is lowercased first (as NLTK does). Words of one or two characters come back
/// lowercased but otherwise unchanged. The tokenizer of this crate only stems tokens longer
/// than three characters, as rouge-score does; this function applies no such limit.
///
/// ```
/// assert_eq!(nutgraf_rouge::stem("Generalizations"), "gener");
/// assert_eq!(nutgraf_rouge::stem("skies"), "sky");
/// assert_eq!(nutgraf_rouge::stem("agreed"), "agre");
/// ```
pub fn stem(word: &str) -> String {
    let original_len = word.chars().count();
    let lower = word.to_lowercase();
    if lower.is_ascii() {
        let mut buf = lower.into_bytes();
        stem_letters(&mut buf, original_len);
        buf.into_iter().map(char::from).collect()
    } else {
        let mut buf: Vec<char> = lower.chars().collect();
        stem_letters(&mut buf, original_len);
        buf.into_iter().collect()
    }
}

/// Stems a lowercase ASCII word in place (the tokenizer's hot path).
pub(crate) fn stem_ascii(word: &mut Vec<u8>) {
    let len = word.len();
    stem_letters(word, len);
}

fn stem_letters<T: Letter>(w: &mut Vec<T>, original_len: usize) {
    if let Some(&(_, to)) = IRREGULAR.iter().find(|(from, _)| is_exactly(w, from)) {
        w.clear();
        w.extend(to.iter().map(|&b| T::ascii(b)));
        return;
    }
    if original_len <= 2 {
        return;
    }
    step1a(w);
    step1b(w);
    step1c(w);
    step2(w);
    step3(w);
    step4(w);
    step5a(w);
    step5b(w);
}

fn is_exactly<T: Letter>(w: &[T], s: &[u8]) -> bool {
    w.len() == s.len() && w.iter().zip(s).all(|(c, &b)| c.is(b))
}

fn ends<T: Letter>(w: &[T], suffix: &[u8]) -> bool {
    w.len() >= suffix.len() && is_exactly(&w[w.len() - suffix.len()..], suffix)
}

/// Drops the last `cut` letters and appends `replacement`.
fn replace<T: Letter>(w: &mut Vec<T>, cut: usize, replacement: &[u8]) {
    w.truncate(w.len() - cut);
    w.extend(replacement.iter().map(|&b| T::ascii(b)));
}

fn is_vowel<T: Letter>(c: T) -> bool {
    c.is(b'a') || c.is(b'e') || c.is(b'i') || c.is(b'o') || c.is(b'u')
}

/// NLTK `_is_consonant`: `y` is a consonant at the start of a word or after a vowel.
fn is_consonant<T: Letter>(w: &[T], mut i: usize) -> bool {
    if is_vowel(w[i]) {
        return false;
    }
    if !w[i].is(b'y') {
        return true;
    }
    let mut negate = false;
    while i > 0 && w[i].is(b'y') {
        negate = !negate;
        i -= 1;
    }
    // NLTK: `(word[i] not in vowels) != negate`.
    is_vowel(w[i]) == negate
}

/// Consonant (`true`) or vowel (`false`) for every letter, left to right.
fn consonant_flags<T: Letter>(w: &[T]) -> impl Iterator<Item = bool> + '_ {
    w.iter().scan(None, |prev: &mut Option<bool>, &c| {
        let consonant = if is_vowel(c) {
            false
        } else if c.is(b'y') {
            prev.is_none_or(|p| !p)
        } else {
            true
        };
        *prev = Some(consonant);
        Some(consonant)
    })
}

/// Porter's measure `m`: the number of vowel-to-consonant transitions.
fn measure<T: Letter>(stem: &[T]) -> usize {
    let mut m = 0;
    let mut after_vowel = false;
    for consonant in consonant_flags(stem) {
        if consonant && after_vowel {
            m += 1;
        }
        after_vowel = !consonant;
    }
    m
}

fn contains_vowel<T: Letter>(stem: &[T]) -> bool {
    consonant_flags(stem).any(|c| !c)
}

/// Condition `*d`: the word ends with a double consonant.
fn ends_double_consonant<T: Letter>(w: &[T]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && is_consonant(w, n - 1)
}

/// Condition `*o` (consonant-vowel-consonant, last not w/x/y), plus NLTK's two-letter
/// vowel-consonant case.
fn ends_cvc<T: Letter>(w: &[T]) -> bool {
    let n = w.len();
    (n >= 3
        && is_consonant(w, n - 3)
        && !is_consonant(w, n - 2)
        && is_consonant(w, n - 1)
        && !(w[n - 1].is(b'w') || w[n - 1].is(b'x') || w[n - 1].is(b'y')))
        || (n == 2 && !is_consonant(w, 0) && is_consonant(w, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn porter_paper_and_nltk_examples() {
        let cases = vec![
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("bled", "bled"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("happily", "happili"),
            ("enjoy", "enjoy"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("hopeful", "hope"),
            ("electricity", "electr"),
            ("generalizations", "gener"),
            ("oscillators", "oscil"),
            ("skies", "sky"),
            ("sky", "sky"),
            ("dying", "die"),
            ("news", "news"),
            ("dies", "die"),
            ("spied", "spi"),
            ("controlling", "control"),
            ("archaeology", "archaeolog"),
            ("geology", "geolog"),
        ];
        for (word, want) in cases {
            assert_eq!(stem(word), want, "stem({word:?})");
        }
    }

    #[test]
    fn short_words_are_only_lowercased() {
        assert_eq!(stem("As"), "as");
        assert_eq!(stem("I"), "i");
        assert_eq!(stem(""), "");
        // Three letters do go through the rules (rouge-score never stems them, though).
        assert_eq!(stem("was"), "wa");
    }

    #[test]
    fn runs_of_y_and_non_ascii_letters() {
        // Values from NLTK 3.10.4.
        assert_eq!(stem("yyyy"), "yyyi");
        assert_eq!(stem("sayyying"), "sayi");
        assert_eq!(stem("cafés"), "café");
        assert_eq!(stem("naïvely"), "naïv");
    }

    #[test]
    fn byte_and_char_paths_agree() {
        for word in ["generalizations", "controlling", "yyyy", "abcdefghijklmnopqrstuvwxyz"] {
            let mut bytes = word.as_bytes().to_vec();
            stem_ascii(&mut bytes);
            let mut chars: Vec<char> = word.chars().collect();
            let len = chars.len();
            stem_letters(&mut chars, len);
            assert_eq!(bytes.iter().map(|&b| char::from(b)).collect::<String>(), chars.into_iter().collect::<String>());
        }
    }
}
