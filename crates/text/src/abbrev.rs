//! English abbreviations that end in a period without ending a sentence.
//!
//! Hand-written (no crate exposes such a list as data): two sorted tables, lowercase, without the
//! final period. `TITLES` never end a sentence when followed by a capitalized word ("Sen. Jane
//! Roe", "Jan. 5"); `TERMINAL` often do ("Acme Inc. The company ...", "at 5 p.m. He left") and
//! end one only when the next word is a common sentence opener.

#[rustfmt::skip]
pub(crate) static TITLES: &[&str] = &[
    "adm", "al", "approx", "apr", "ariz", "atty", "aug", "ave", "blvd", "brig", "calif", "capt",
    "cmdr", "col", "colo", "conn", "cpl", "dec", "del", "dept", "dr", "e.g", "feb", "fig", "fla",
    "fr", "ft", "ga", "gen", "gov", "hon", "i.e", "ill", "jan", "jul", "jun", "kan", "lt", "maj",
    "mar", "mass", "md", "messrs", "mich", "minn", "miss", "mo", "mr", "mrs", "ms", "mt", "nev",
    "no", "nos", "nov", "oct", "ok", "okla", "op", "ore", "pa", "pfc", "ph", "pp", "pres", "prof",
    "pt", "pvt", "rep", "reps", "rev", "sen", "sens", "sep", "sept", "sgt", "sr", "st", "supt",
    "tenn", "tex", "univ", "va", "vol", "vs", "wash", "wis", "wyo",
];

#[rustfmt::skip]
pub(crate) static TERMINAL: &[&str] = &[
    "a.m", "bros", "co", "corp", "d.c", "esq", "etc", "inc", "jr", "l.a", "ltd", "n.y", "p.m",
    "plc", "u.k", "u.n", "u.s", "u.s.a",
];

/// Words that commonly open an English sentence, used to decide whether a sentence-final
/// abbreviation ends the sentence.
#[rustfmt::skip]
pub(crate) static OPENERS: &[&str] = &[
    "a", "after", "also", "an", "and", "as", "at", "but", "by", "for", "he", "her", "his", "how",
    "i", "if", "in", "it", "its", "many", "more", "most", "mr", "mrs", "ms", "no", "on", "one",
    "our", "she", "so", "some", "that", "the", "their", "then", "there", "these", "they", "this",
    "those", "to", "under", "we", "what", "when", "where", "while", "who", "why", "with", "yet",
    "you",
];

/// Sentence openers that, capitalized after a word and a space with no punctuation between, start
/// a new sentence: the line break after a caption or headline was lost ("... on Friday He
/// said"). Exact case; "A", "I" and "His" are left out ("Plan A was", "you and I went", "for His
/// people"). `segment.rs` tests the first letters (A B H I S T W) and lengths (2 to 7) before the
/// table; the test below keeps them in step.
#[rustfmt::skip]
pub(crate) static CAPITALIZED_OPENERS: &[&str] = &[
    "After", "An", "And", "But", "He", "However", "In", "It", "Its", "She", "The", "Their",
    "There", "These", "They", "This", "Those", "We", "When", "While",
];

/// Position notes that end a photo caption: "(pictured)", "(left)".
#[rustfmt::skip]
pub(crate) static PHOTO_NOTES: &[&str] = &[
    "above", "below", "center", "centre", "inset", "left", "pictured", "right",
];

/// Lines of page furniture that end where the next line starts, lowercase.
#[rustfmt::skip]
pub(crate) static LINE_ENDS: &[&str] = &[
    "media playback is not supported on this device", "media playback is unsupported on your device",
    "scroll down for video", "scroll down for videos",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        for t in [TITLES, TERMINAL, OPENERS, CAPITALIZED_OPENERS, PHOTO_NOTES] {
            assert!(t.windows(2).all(|w| w[0] < w[1]), "{:?}", t.windows(2).find(|w| w[0] >= w[1]));
        }
        for w in CAPITALIZED_OPENERS {
            assert!("ABHISTW".contains(&w[..1]) && (2..=7).contains(&w.len()), "{w}");
        }
        for w in LINE_ENDS {
            assert!(w.ends_with("video") || w.ends_with("videos") || w.ends_with("device"), "{w}");
        }
    }
}
