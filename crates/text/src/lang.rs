//! Languages: the ones Snowball stems, plus a language-neutral fallback.
//!
//! Every language-dependent table (abbreviations, stop words, stems, reporting verbs, loaded
//! words, boilerplate) is looked up by [`Lang`]. English and Spanish are first-class; the other
//! Snowball languages get segmentation, stemming, stop words and extractive selection;
//! [`Lang::Other`] is the language-neutral path (no stemming, no stop words) for text in a
//! language nutgraf has no tables for.

use std::fmt;

use rust_stemmers::Algorithm;

/// A language nutgraf can process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum Lang {
    /// Arabic.
    Arabic,
    /// Danish.
    Danish,
    /// Dutch.
    Dutch,
    /// English (the default).
    #[default]
    English,
    /// Finnish.
    Finnish,
    /// French.
    French,
    /// German.
    German,
    /// Greek.
    Greek,
    /// Hungarian.
    Hungarian,
    /// Italian.
    Italian,
    /// Norwegian (Bokmål).
    Norwegian,
    /// Portuguese.
    Portuguese,
    /// Romanian.
    Romanian,
    /// Russian.
    Russian,
    /// Spanish.
    Spanish,
    /// Swedish.
    Swedish,
    /// Tamil.
    Tamil,
    /// Turkish.
    Turkish,
    /// Any other language: the language-neutral path (no stemming, no stop words).
    Other,
}

/// How far nutgraf supports a language (listed in `--help` and the docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Support {
    /// Segmentation, stems, stop words, quotes and speakers, dates, opinion and boilerplate.
    Full,
    /// Segmentation, stems, stop words and extractive selection with exact spans; no opinion or
    /// attribution rules yet.
    Basic,
    /// Language-neutral: sentences and words only.
    Neutral,
}

impl Lang {
    /// Every language, `Other` last.
    pub const ALL: [Lang; 19] = [
        Lang::Arabic,
        Lang::Danish,
        Lang::Dutch,
        Lang::English,
        Lang::Finnish,
        Lang::French,
        Lang::German,
        Lang::Greek,
        Lang::Hungarian,
        Lang::Italian,
        Lang::Norwegian,
        Lang::Portuguese,
        Lang::Romanian,
        Lang::Russian,
        Lang::Spanish,
        Lang::Swedish,
        Lang::Tamil,
        Lang::Turkish,
        Lang::Other,
    ];

    /// The ISO 639-1 code (`"und"` for [`Lang::Other`]).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Arabic => "ar",
            Lang::Danish => "da",
            Lang::Dutch => "nl",
            Lang::English => "en",
            Lang::Finnish => "fi",
            Lang::French => "fr",
            Lang::German => "de",
            Lang::Greek => "el",
            Lang::Hungarian => "hu",
            Lang::Italian => "it",
            Lang::Norwegian => "no",
            Lang::Portuguese => "pt",
            Lang::Romanian => "ro",
            Lang::Russian => "ru",
            Lang::Spanish => "es",
            Lang::Swedish => "sv",
            Lang::Tamil => "ta",
            Lang::Turkish => "tr",
            Lang::Other => "und",
        }
    }

    /// The English name.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Arabic => "Arabic",
            Lang::Danish => "Danish",
            Lang::Dutch => "Dutch",
            Lang::English => "English",
            Lang::Finnish => "Finnish",
            Lang::French => "French",
            Lang::German => "German",
            Lang::Greek => "Greek",
            Lang::Hungarian => "Hungarian",
            Lang::Italian => "Italian",
            Lang::Norwegian => "Norwegian",
            Lang::Portuguese => "Portuguese",
            Lang::Romanian => "Romanian",
            Lang::Russian => "Russian",
            Lang::Spanish => "Spanish",
            Lang::Swedish => "Swedish",
            Lang::Tamil => "Tamil",
            Lang::Turkish => "Turkish",
            Lang::Other => "other (language-neutral)",
        }
    }

    /// The language of an ISO 639-1 code (`"es"`), case-insensitive; `None` if unknown.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim();
        Lang::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// The codes accepted by [`Lang::from_code`], comma-separated (for usage errors).
    pub fn codes() -> String {
        Lang::ALL.iter().map(|l| l.code()).collect::<Vec<_>>().join(", ")
    }

    /// How far nutgraf supports this language.
    pub fn support(self) -> Support {
        match self {
            Lang::English | Lang::Spanish => Support::Full,
            Lang::Other => Support::Neutral,
            _ => Support::Basic,
        }
    }

    /// The Snowball stop words of this language (lowercase, sorted by bytes; none for languages
    /// without a Snowball list), for stages that build their own lookup tables from them.
    pub fn stop_words(self) -> &'static [&'static str] {
        crate::stopwords_lang::stop_words(self)
    }

    /// The Snowball stemming algorithm, or `None` for the language-neutral path.
    pub fn stemmer(self) -> Option<Algorithm> {
        Some(match self {
            Lang::Arabic => Algorithm::Arabic,
            Lang::Danish => Algorithm::Danish,
            Lang::Dutch => Algorithm::Dutch,
            Lang::English => Algorithm::English,
            Lang::Finnish => Algorithm::Finnish,
            Lang::French => Algorithm::French,
            Lang::German => Algorithm::German,
            Lang::Greek => Algorithm::Greek,
            Lang::Hungarian => Algorithm::Hungarian,
            Lang::Italian => Algorithm::Italian,
            Lang::Norwegian => Algorithm::Norwegian,
            Lang::Portuguese => Algorithm::Portuguese,
            Lang::Romanian => Algorithm::Romanian,
            Lang::Russian => Algorithm::Russian,
            Lang::Spanish => Algorithm::Spanish,
            Lang::Swedish => Algorithm::Swedish,
            Lang::Tamil => Algorithm::Tamil,
            Lang::Turkish => Algorithm::Turkish,
            Lang::Other => return None,
        })
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("ES"), Some(Lang::Spanish));
        assert_eq!(Lang::from_code("xx"), None);
        assert!(Lang::codes().starts_with("ar, da, nl, en"));
    }

    #[test]
    fn support_levels() {
        assert_eq!(Lang::Spanish.support(), Support::Full);
        assert_eq!(Lang::French.support(), Support::Basic);
        assert_eq!(Lang::Other.stemmer(), None);
        assert!(Lang::German.stemmer().is_some());
    }
}
