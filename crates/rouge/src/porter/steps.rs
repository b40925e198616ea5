/*!
The rule steps of NLTK's Porter stemmer (`_step1a` to `_step5b`), one function each.

# Why this module exists

The steps are the long, table-like part of the algorithm; keeping them apart from the
measure and consonant helpers in the parent module keeps each file readable. The rule tables
are in NLTK's order, which matters: see [`apply_rules`].
*/

use super::{contains_vowel, ends, ends_cvc, ends_double_consonant, is_consonant, measure, replace, Letter};

/// A rule condition, given the stem left after removing the suffix and the whole word.
type Cond<T> = fn(stem: &[T], word: &[T]) -> bool;

fn m_gt0<T: Letter>(stem: &[T], _: &[T]) -> bool {
    measure(stem) > 0
}

fn m_gt1<T: Letter>(stem: &[T], _: &[T]) -> bool {
    measure(stem) > 1
}

/// NLTK `_apply_rule_list`: the first rule whose suffix matches decides, and a failed
/// condition stops the search.
fn apply_rules<T: Letter>(w: &mut Vec<T>, rules: &[(&[u8], &[u8], Cond<T>)]) {
    for &(suffix, replacement, cond) in rules {
        if ends(w, suffix) {
            if cond(&w[..w.len() - suffix.len()], w) {
                replace(w, suffix.len(), replacement);
            }
            return;
        }
    }
}

pub(super) fn step1a<T: Letter>(w: &mut Vec<T>) {
    if w.len() == 4 && ends(w, b"ies") {
        replace(w, 3, b"ie");
    } else if ends(w, b"sses") || ends(w, b"ies") {
        replace(w, 2, b"");
    } else if !ends(w, b"ss") && ends(w, b"s") {
        replace(w, 1, b"");
    }
}

pub(super) fn step1b<T: Letter>(w: &mut Vec<T>) {
    let n = w.len();
    if ends(w, b"ied") {
        let replacement: &[u8] = if n == 4 { b"ie" } else { b"i" };
        return replace(w, 3, replacement);
    }
    if ends(w, b"eed") {
        if measure(&w[..n - 3]) > 0 {
            replace(w, 1, b"");
        }
        return;
    }
    if ends(w, b"ed") && contains_vowel(&w[..n - 2]) {
        w.truncate(n - 2);
    } else if ends(w, b"ing") && contains_vowel(&w[..n - 3]) {
        w.truncate(n - 3);
    } else {
        return;
    }
    if ends(w, b"at") || ends(w, b"bl") || ends(w, b"iz") {
        w.push(T::ascii(b'e'));
    } else if ends_double_consonant(w) {
        let last = w[w.len() - 1];
        if !(last.is(b'l') || last.is(b's') || last.is(b'z')) {
            w.pop();
        }
    } else if measure(w) == 1 && ends_cvc(w) {
        w.push(T::ascii(b'e'));
    }
}

pub(super) fn step1c<T: Letter>(w: &mut Vec<T>) {
    let n = w.len();
    if ends(w, b"y") && n - 1 > 1 && is_consonant(w, n - 2) {
        replace(w, 1, b"i");
    }
}

pub(super) fn step2<T: Letter>(w: &mut Vec<T>) {
    if ends(w, b"alli") && measure(&w[..w.len() - 4]) > 0 {
        replace(w, 4, b"al");
        return step2(w);
    }
    fn logi<T: Letter>(_: &[T], word: &[T]) -> bool {
        measure(&word[..word.len() - 3]) > 0
    }
    apply_rules(
        w,
        &[
            (b"ational", b"ate", m_gt0),
            (b"tional", b"tion", m_gt0),
            (b"enci", b"ence", m_gt0),
            (b"anci", b"ance", m_gt0),
            (b"izer", b"ize", m_gt0),
            (b"bli", b"ble", m_gt0),
            (b"alli", b"al", m_gt0),
            (b"entli", b"ent", m_gt0),
            (b"eli", b"e", m_gt0),
            (b"ousli", b"ous", m_gt0),
            (b"ization", b"ize", m_gt0),
            (b"ation", b"ate", m_gt0),
            (b"ator", b"ate", m_gt0),
            (b"alism", b"al", m_gt0),
            (b"iveness", b"ive", m_gt0),
            (b"fulness", b"ful", m_gt0),
            (b"ousness", b"ous", m_gt0),
            (b"aliti", b"al", m_gt0),
            (b"iviti", b"ive", m_gt0),
            (b"biliti", b"ble", m_gt0),
            (b"fulli", b"ful", m_gt0),
            (b"logi", b"log", logi),
        ],
    );
}

pub(super) fn step3<T: Letter>(w: &mut Vec<T>) {
    apply_rules(
        w,
        &[
            (b"icate", b"ic", m_gt0),
            (b"ative", b"", m_gt0),
            (b"alize", b"al", m_gt0),
            (b"iciti", b"ic", m_gt0),
            (b"ical", b"ic", m_gt0),
            (b"ful", b"", m_gt0),
            (b"ness", b"", m_gt0),
        ],
    );
}

pub(super) fn step4<T: Letter>(w: &mut Vec<T>) {
    fn ion<T: Letter>(stem: &[T], _: &[T]) -> bool {
        measure(stem) > 1 && stem.last().is_some_and(|c| c.is(b's') || c.is(b't'))
    }
    apply_rules(
        w,
        &[
            (b"al", b"", m_gt1),
            (b"ance", b"", m_gt1),
            (b"ence", b"", m_gt1),
            (b"er", b"", m_gt1),
            (b"ic", b"", m_gt1),
            (b"able", b"", m_gt1),
            (b"ible", b"", m_gt1),
            (b"ant", b"", m_gt1),
            (b"ement", b"", m_gt1),
            (b"ment", b"", m_gt1),
            (b"ent", b"", m_gt1),
            (b"ion", b"", ion),
            (b"ou", b"", m_gt1),
            (b"ism", b"", m_gt1),
            (b"ate", b"", m_gt1),
            (b"iti", b"", m_gt1),
            (b"ous", b"", m_gt1),
            (b"ive", b"", m_gt1),
            (b"ize", b"", m_gt1),
        ],
    );
}

pub(super) fn step5a<T: Letter>(w: &mut Vec<T>) {
    if ends(w, b"e") {
        let stem = &w[..w.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            w.pop();
        }
    }
}

pub(super) fn step5b<T: Letter>(w: &mut Vec<T>) {
    if ends(w, b"ll") && measure(&w[..w.len() - 1]) > 1 {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Step = fn(&mut Vec<u8>);

    fn run(step: Step, word: &str) -> String {
        let mut w = word.as_bytes().to_vec();
        step(&mut w);
        String::from_utf8(w).unwrap()
    }

    #[test]
    fn each_step_on_the_papers_examples() {
        // (step, input, output): the examples in NLTK's docstrings, checked against its `_step*`.
        let cases: Vec<(Step, &str, &str)> = vec![
            (step1a, "caresses", "caress"),
            (step1a, "ponies", "poni"),
            (step1a, "ties", "tie"),
            (step1a, "caress", "caress"),
            (step1a, "cats", "cat"),
            (step1b, "feed", "feed"),
            (step1b, "agreed", "agree"),
            (step1b, "plastered", "plaster"),
            (step1b, "bled", "bled"),
            (step1b, "motoring", "motor"),
            (step1b, "sing", "sing"),
            (step1b, "conflated", "conflate"),
            (step1b, "troubled", "trouble"),
            (step1b, "sized", "size"),
            (step1b, "hopping", "hop"),
            (step1b, "tanned", "tan"),
            (step1b, "falling", "fall"),
            (step1b, "hissing", "hiss"),
            (step1b, "fizzed", "fizz"),
            (step1b, "failing", "fail"),
            (step1b, "filing", "file"),
            (step1b, "spied", "spi"),
            (step1b, "died", "die"),
            (step1c, "happy", "happi"),
            (step1c, "sky", "ski"), // NLTK condition; only the irregular table keeps "sky"
            (step1c, "enjoy", "enjoy"),
            (step2, "relational", "relate"),
            (step2, "conditional", "condition"),
            (step2, "rational", "rational"),
            (step2, "valenci", "valence"),
            (step2, "digitizer", "digitize"),
            (step2, "conformabli", "conformable"),
            (step2, "radicalli", "radical"),
            (step2, "differentli", "different"),
            (step2, "vileli", "vile"),
            (step2, "analogousli", "analogous"),
            (step2, "vietnamization", "vietnamize"),
            (step2, "predication", "predicate"),
            (step2, "operator", "operate"),
            (step2, "feudalism", "feudal"),
            (step2, "decisiveness", "decisive"),
            (step2, "hopefulness", "hopeful"),
            (step2, "callousness", "callous"),
            (step2, "formaliti", "formal"),
            (step2, "sensitiviti", "sensitive"),
            (step2, "sensibiliti", "sensible"),
            (step3, "triplicate", "triplic"),
            (step3, "formative", "form"),
            (step3, "formalize", "formal"),
            (step3, "electriciti", "electric"),
            (step3, "electrical", "electric"),
            (step3, "hopeful", "hope"),
            (step3, "goodness", "good"),
            (step4, "revival", "reviv"),
            (step4, "allowance", "allow"),
            (step4, "inference", "infer"),
            (step4, "airliner", "airlin"),
            (step4, "gyroscopic", "gyroscop"),
            (step4, "adjustable", "adjust"),
            (step4, "defensible", "defens"),
            (step4, "irritant", "irrit"),
            (step4, "replacement", "replac"),
            (step4, "adjustment", "adjust"),
            (step4, "dependent", "depend"),
            (step4, "adoption", "adopt"),
            (step4, "homologou", "homolog"),
            (step4, "communism", "commun"),
            (step4, "activate", "activ"),
            (step4, "angulariti", "angular"),
            (step4, "homologous", "homolog"),
            (step4, "effective", "effect"),
            (step4, "bowdlerize", "bowdler"),
            (step5a, "probate", "probat"),
            (step5a, "rate", "rate"),
            (step5a, "cease", "ceas"),
            (step5b, "controll", "control"),
            (step5b, "roll", "roll"),
        ];
        for (step, word, want) in cases {
            assert_eq!(run(step, word), want, "{word:?}");
        }
    }
}
