//! Summarizer options: method, length budget, neutrality.

use std::fmt;
use std::str::FromStr;

use nutgraf_text::Lang;
use serde::{Deserialize, Serialize};

use crate::Error;

/// How sentences are scored and chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// nutgraf's scorer: centrality, a news position prior, content and role signals, redundancy
    /// control, and the neutrality filters.
    #[default]
    Nutgraf,
    /// The first sentences of the article (the classic Lead baseline).
    Lead,
    /// TextRank (Mihalcea and Tarau, 2004): PageRank over word-overlap similarity.
    TextRank,
    /// LexRank (Erkan and Radev, 2004): PageRank over thresholded TF-IDF cosine similarity.
    LexRank,
}

impl Method {
    /// All methods, in the order they are listed in help and reports.
    pub const ALL: [Method; 4] = [Method::Nutgraf, Method::Lead, Method::TextRank, Method::LexRank];

    /// The method's name as used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Method::Nutgraf => "nutgraf",
            Method::Lead => "lead",
            Method::TextRank => "textrank",
            Method::LexRank => "lexrank",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Method {
    type Err = Error;
    fn from_str(s: &str) -> Result<Method, Error> {
        Method::ALL.into_iter().find(|m| m.name() == s.to_ascii_lowercase()).ok_or_else(|| {
            Error::InvalidOption(format!("unknown method {s:?}: use one of nutgraf, lead, textrank, lexrank"))
        })
    }
}

/// How long the brief may be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "unit", content = "value")]
pub enum Length {
    /// About a quarter of the article's words, at least one sentence.
    #[default]
    Default,
    /// Exactly this many sentences (fewer if the article has fewer eligible ones).
    Sentences(usize),
    /// At most this many words; never exceeded, sentences are never cut.
    Words(usize),
    /// This share of the article's words (0 < r <= 1), at least one sentence.
    Ratio(f64),
}

impl Length {
    /// Checks the budget's value.
    pub fn validate(self) -> Result<Length, Error> {
        match self {
            Length::Sentences(0) => Err(Error::InvalidOption("--sentences must be at least 1".into())),
            Length::Words(0) => {
                Err(Error::InvalidOption("--words must be at least 1: a brief of zero words is empty".into()))
            }
            Length::Ratio(r) if !(r > 0.0 && r <= 1.0) => {
                Err(Error::InvalidOption(format!("--ratio must be in (0, 1], got {r}")))
            }
            ok => Ok(ok),
        }
    }
}

/// All options of a [`Summarizer`](crate::Summarizer).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Options {
    /// Scoring method.
    pub method: Method,
    /// Length budget.
    pub length: Length,
    /// Keep unattributed opinion (neutrality filters off). Boilerplate is dropped regardless.
    pub keep_opinion: bool,
}

/// Which language articles are read as (set with
/// [`Summarizer::with_lang`](crate::Summarizer::with_lang)).
///
/// It is not a field of [`Options`]: those are the method and budget, shared as plain values by
/// every front end, while the language is a property of the input, like the reference date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangChoice {
    /// Detect each article's language ([`nutgraf_text::detect`]); a mixed or unknown language
    /// takes the language-neutral path, with a warning in the brief.
    Auto,
    /// Read every article as this language.
    Given(Lang),
}

impl Default for LangChoice {
    /// English, as the library has always read articles (the CLI defaults to `auto`).
    fn default() -> LangChoice {
        LangChoice::Given(Lang::English)
    }
}

impl FromStr for LangChoice {
    type Err = Error;
    fn from_str(s: &str) -> Result<LangChoice, Error> {
        if s.trim().eq_ignore_ascii_case("auto") {
            return Ok(LangChoice::Auto);
        }
        Lang::from_code(s).map(LangChoice::Given).ok_or_else(|| {
            Error::InvalidOption(format!("unknown language {s:?}: use auto or one of {}", Lang::codes()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_validate() {
        assert_eq!("LexRank".parse::<Method>().unwrap(), Method::LexRank);
        assert!("bogus".parse::<Method>().unwrap_err().to_string().contains("unknown method"));
        assert!(Length::Words(0).validate().is_err());
        assert!(Length::Sentences(0).validate().is_err());
        assert!(Length::Ratio(1.5).validate().is_err());
        assert!(Length::Ratio(f64::NAN).validate().is_err());
        assert_eq!(Length::Ratio(0.3).validate().unwrap(), Length::Ratio(0.3));
        assert_eq!("es".parse::<LangChoice>().unwrap(), LangChoice::Given(Lang::Spanish));
        assert_eq!("AUTO".parse::<LangChoice>().unwrap(), LangChoice::Auto);
        let e = "xx".parse::<LangChoice>().unwrap_err().to_string();
        assert!(e.contains("unknown language \"xx\"") && e.contains("es, sv"), "{e}");
    }
}
