//! Per-language segmentation rules: abbreviation tables and sentence openers.
//!
//! The English tables live in `abbrev.rs` (the English scanner path is tuned and tested on its
//! own); this file holds the tables of the other languages the segmenter knows, hand-written as
//! the English ones are (no crate exposes such lists as data). Each language has the same three
//! tables, lowercase, without the final period, sorted in byte order for `binary_search`:
//! `TITLES` never end a sentence before a capitalized word ("Sr. García", "z. B. Berlin"),
//! `TERMINAL` end one only before a common sentence opener ("... Cía. La empresa ...").
//! German also has month names ("am 3. Oktober" is an ordinal, not a sentence end) and the
//! street suffix of "Hauptstr. 5".
//! Languages without tables of their own, and the language-neutral path (which also serves
//! articles that mix languages), use small neutral tables: titles and openers common to the
//! languages above.

use crate::abbrev;
use crate::Lang;

/// The tables one language's scanner consults.
#[derive(Debug)]
pub(crate) struct Rules {
    /// Abbreviations that never end a sentence before a capitalized word.
    pub titles: &'static [&'static str],
    /// Abbreviations that end a sentence only before an opener.
    pub terminal: &'static [&'static str],
    /// Common sentence openers, lowercase.
    pub openers: &'static [&'static str],
    /// Words that follow an ordinal number written with a period ("3. Oktober").
    pub after_ordinal: &'static [&'static str],
    /// Endings of abbreviated compounds that never end a sentence ("Hauptstr.").
    pub title_suffixes: &'static [&'static str],
}

pub(crate) static ENGLISH: Rules = Rules {
    titles: abbrev::TITLES,
    terminal: abbrev::TERMINAL,
    openers: abbrev::OPENERS,
    after_ordinal: &[],
    title_suffixes: &[],
};
static SPANISH: Rules =
    Rules { titles: ES_TITLES, terminal: ES_TERMINAL, openers: ES_OPENERS, after_ordinal: &[], title_suffixes: &[] };
static FRENCH: Rules =
    Rules { titles: FR_TITLES, terminal: FR_TERMINAL, openers: FR_OPENERS, after_ordinal: &[], title_suffixes: &[] };
static GERMAN: Rules = Rules {
    titles: DE_TITLES,
    terminal: DE_TERMINAL,
    openers: DE_OPENERS,
    after_ordinal: DE_MONTHS,
    title_suffixes: &["str"],
};
static ITALIAN: Rules =
    Rules { titles: IT_TITLES, terminal: IT_TERMINAL, openers: IT_OPENERS, after_ordinal: &[], title_suffixes: &[] };
static PORTUGUESE: Rules =
    Rules { titles: PT_TITLES, terminal: PT_TERMINAL, openers: PT_OPENERS, after_ordinal: &[], title_suffixes: &[] };
static DUTCH: Rules =
    Rules { titles: NL_TITLES, terminal: NL_TERMINAL, openers: NL_OPENERS, after_ordinal: &[], title_suffixes: &[] };
static NEUTRAL: Rules = Rules {
    titles: NEUTRAL_TITLES,
    terminal: NEUTRAL_TERMINAL,
    openers: NEUTRAL_OPENERS,
    after_ordinal: &[],
    title_suffixes: &[],
};

/// The rules of `lang`.
pub(crate) fn rules(lang: Lang) -> &'static Rules {
    match lang {
        Lang::English => &ENGLISH,
        Lang::Spanish => &SPANISH,
        Lang::French => &FRENCH,
        Lang::German => &GERMAN,
        Lang::Italian => &ITALIAN,
        Lang::Portuguese => &PORTUGUESE,
        Lang::Dutch => &DUTCH,
        _ => &NEUTRAL,
    }
}

#[rustfmt::skip]
static ES_TITLES: &[&str] = &[
    "abr", "adm", "admón", "ago", "apdo", "aprox", "art", "arts", "av", "avda", "c",
    "cap", "col", "coord", "cra", "d", "der", "dic", "dr", "dra", "dres", "dña", "ee",
    "ej", "ene", "excma", "excmo", "feb", "fig", "gral", "ilma", "ilmo", "ing", "izq", "jul",
    "jun", "lcda", "lcdo", "lic", "mons", "n", "nov", "nº", "núm", "oct", "p", "pdta", "pdte",
    "prof", "profa", "pto", "pza", "pág", "págs", "sep", "sept", "sr", "sra", "sras", "sres",
    "srta", "sta", "sto", "tel", "ud", "uds", "vd", "vds", "vol",
];

#[rustfmt::skip]
static ES_TERMINAL: &[&str] = &[
    "a.c", "cía", "d.c", "etc", "ltda", "s.a", "s.l", "uu",
];

#[rustfmt::skip]
static ES_OPENERS: &[&str] = &[
    "a", "además", "al", "allí", "ante", "aquí", "así", "aunque", "ayer", "con", "cuando", "de",
    "del", "desde", "después", "durante", "el", "ella", "ellas", "ellos", "embargo", "en",
    "entonces", "entre", "es", "esa", "ese", "eso", "esta", "este", "esto", "hay", "hoy",
    "incluso", "la", "las", "le", "les", "lo", "los", "luego", "mañana", "mientras", "muchos",
    "más", "no", "nos", "nosotros", "otro", "para", "pero", "por", "porque", "se", "según",
    "si", "sin", "sobre", "su", "sus", "también", "tras", "un", "una", "unas", "uno", "unos",
    "y", "ya", "él",
];

#[rustfmt::skip]
static FR_TITLES: &[&str] = &[
    "art", "av", "avr", "bd", "boul", "cf", "chap", "dr", "déc", "env", "fig", "févr", "janv",
    "juil", "me", "mgr", "mlle", "mlles", "mm", "mme", "mmes", "n", "no", "nov", "nº", "oct",
    "p", "pp", "pr", "prof", "r", "réf", "sept", "st", "ste", "vol", "éd",
];

#[rustfmt::skip]
static FR_TERMINAL: &[&str] = &[
    "cie", "etc", "s.a",
];

#[rustfmt::skip]
static FR_OPENERS: &[&str] = &[
    "alors", "après", "au", "aujourd'hui", "aussi", "aux", "avec", "ce", "cela", "cependant",
    "ces", "cet", "cette", "comme", "dans", "de", "depuis", "des", "donc", "du", "elle",
    "elles", "en", "enfin", "ensuite", "et", "hier", "il", "ils", "je", "la", "le", "les",
    "leur", "lors", "mais", "nous", "on", "or", "pour", "puis", "selon", "si", "son", "sur",
    "tous", "tout", "toutefois", "un", "une", "vous", "à",
];

#[rustfmt::skip]
static DE_TITLES: &[&str] = &[
    "abs", "abt", "art", "bd", "bzw", "ca", "chr", "d", "dipl", "dr", "evtl", "fa", "fr", "ggf",
    "h", "hl", "hr", "inkl", "jh", "jhd", "kap", "mio", "mrd", "nr", "prof", "s", "sog", "st",
    "str", "tel", "u", "vgl", "z",
];

#[rustfmt::skip]
static DE_TERMINAL: &[&str] = &[
    "ag", "e.v", "etc", "gmbh", "u.a", "usw",
];

#[rustfmt::skip]
static DE_OPENERS: &[&str] = &[
    "aber", "alle", "als", "am", "an", "auch", "auf", "aus", "außerdem", "bei", "bis", "da",
    "dabei", "damit", "danach", "dann", "darauf", "das", "dass", "dem", "den", "der", "des",
    "deshalb", "die", "dies", "diese", "dieser", "doch", "du", "ein", "eine", "einer", "er",
    "es", "für", "gestern", "heute", "ich", "ihr", "im", "in", "jetzt", "man", "mit", "nach",
    "nicht", "noch", "nun", "obwohl", "seit", "sie", "so", "später", "trotzdem", "um", "und",
    "vor", "weil", "wenn", "wie", "wir", "während", "zu", "zudem", "zum", "zur",
];

#[rustfmt::skip]
static DE_MONTHS: &[&str] = &[
    "apr", "april", "aug", "august", "dez", "dezember", "feb", "februar", "jan", "januar",
    "jul", "juli", "jun", "juni", "mai", "mär", "märz", "nov", "november", "okt", "oktober",
    "sep", "sept", "september",
];

#[rustfmt::skip]
static IT_TITLES: &[&str] = &[
    "ago", "apr", "art", "avv", "c", "cap", "dic", "dott", "dott.ssa", "dr", "f.lli", "feb",
    "gen", "geom", "giu", "ing", "lug", "mag", "mar", "mons", "n", "nov", "on", "ott", "p",
    "pag", "pagg", "prof", "prof.ssa", "rag", "s", "sen", "set", "sig", "sig.na", "sig.ra",
    "sigg", "spett", "v", "vol",
];

#[rustfmt::skip]
static IT_TERMINAL: &[&str] = &[
    "ecc", "etc", "s.p.a", "s.r.l",
];

#[rustfmt::skip]
static IT_OPENERS: &[&str] = &[
    "a", "al", "alla", "anche", "che", "con", "da", "dal", "dalla", "del", "della", "di",
    "dopo", "e", "ecco", "egli", "ella", "era", "gli", "i", "il", "in", "infatti", "inoltre",
    "io", "la", "le", "lei", "lo", "loro", "lui", "ma", "mentre", "nel", "nella", "noi", "non",
    "per", "però", "poi", "questa", "questo", "se", "secondo", "si", "su", "sul", "sulla",
    "tra", "un", "una", "uno",
];

#[rustfmt::skip]
static PT_TITLES: &[&str] = &[
    "abr", "ago", "art", "av", "c", "cap", "dez", "dr", "dra", "drs", "exma", "exmo",
    "fev", "fig", "gen", "ilmo", "jan", "jul", "jun", "mai", "mar", "n", "nov", "nº", "out",
    "p", "pe", "prof", "profa", "pág", "págs", "set", "sr", "sra", "srs", "srta", "sta", "sto",
    "v", "vol",
];

#[rustfmt::skip]
static PT_TERMINAL: &[&str] = &[
    "cia", "etc", "ltda", "s.a",
];

#[rustfmt::skip]
static PT_OPENERS: &[&str] = &[
    "a", "ainda", "ao", "aos", "as", "com", "como", "da", "das", "de", "depois", "do", "dos",
    "e", "ela", "elas", "ele", "eles", "em", "entre", "era", "essa", "esse", "esta", "este",
    "eu", "foi", "há", "isso", "mais", "mas", "na", "nas", "no", "nos", "não", "o", "os",
    "para", "pela", "pelo", "por", "porque", "quando", "que", "se", "segundo", "sem", "também",
    "um", "uma",
];

#[rustfmt::skip]
static NL_TITLES: &[&str] = &[
    "afb", "apr", "aug", "bijv", "blz", "bv", "ca", "dec", "dhr", "dr", "drs", "ds", "feb",
    "ing", "ir", "jan", "jhr", "jul", "jun", "mevr", "mr", "mrt", "mw", "nov", "nr", "o.a",
    "okt", "p", "pag", "prof", "sept", "st", "vgl", "z.g.a",
];

#[rustfmt::skip]
static NL_TERMINAL: &[&str] = &[
    "b.v", "enz", "etc", "n.v",
];

#[rustfmt::skip]
static NL_OPENERS: &[&str] = &[
    "aan", "al", "als", "bij", "dat", "de", "deze", "die", "dit", "door", "een", "en", "er",
    "het", "hij", "hun", "ik", "in", "ja", "maar", "met", "na", "naar", "niet", "nog", "nu",
    "om", "ook", "op", "over", "tot", "uit", "van", "voor", "want", "wat", "we", "wij", "ze",
    "zij",
];

#[rustfmt::skip]
static NEUTRAL_TITLES: &[&str] = &[
    "dr", "dra", "gen", "gov", "hr", "mevr", "mme", "mr", "mrs", "ms", "nr", "prof", "sen",
    "sig", "sr", "sra", "srta", "st", "vol", "г", "гг", "им", "т", "ул",
];

#[rustfmt::skip]
static NEUTRAL_TERMINAL: &[&str] = &[
    "corp", "etc", "inc", "ltd",
];

#[rustfmt::skip]
static NEUTRAL_OPENERS: &[&str] = &[
    "a", "aber", "but", "das", "de", "der", "die", "el", "en", "he", "het", "il", "in", "it",
    "la", "las", "le", "les", "los", "ma", "maar", "mais", "mas", "o", "os", "pero", "she",
    "the", "they", "this", "we",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_lowercase_and_unique() {
        for lang in Lang::ALL {
            let r = rules(lang);
            for t in [r.titles, r.terminal, r.openers, r.after_ordinal] {
                assert!(t.windows(2).all(|w| w[0] < w[1]), "{lang}: {:?}", t.windows(2).find(|w| w[0] >= w[1]));
                assert!(t.iter().all(|w| w.to_lowercase() == *w), "{lang}");
            }
            assert!(r.titles.iter().all(|w| r.terminal.binary_search(w).is_err()), "{lang}: title and terminal");
        }
    }
}
