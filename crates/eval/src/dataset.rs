/*!
The datasets of the evaluation data, and which of them a run uses.

The dataset of an article decides its conventional summary length (3 sentences for CNN/DM,
1 for XSum, as the eval data README prescribes), so it is a closed enum rather than a string:
a row naming another dataset is reported as malformed by the reader instead of being scored
with a guessed length.
*/

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::Error;

/// The source dataset of an article; it sets the conventional summary length.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dataset {
    /// CNN/DailyMail: multi-sentence highlights; summaries of 3 sentences.
    Cnndm,
    /// XSum: one-sentence abstractive summaries; summaries of 1 sentence.
    Xsum,
}

impl Dataset {
    /// Both datasets, in report order.
    pub const ALL: [Dataset; 2] = [Dataset::Cnndm, Dataset::Xsum];

    /// The name used in the data and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Dataset::Cnndm => "cnndm",
            Dataset::Xsum => "xsum",
        }
    }

    /// The standard number of summary sentences (the eval data README's convention).
    pub fn default_sentences(self) -> usize {
        match self {
            Dataset::Cnndm => 3,
            Dataset::Xsum => 1,
        }
    }
}

impl fmt::Display for Dataset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Dataset {
    type Err = Error;
    fn from_str(s: &str) -> Result<Dataset, Error> {
        Dataset::ALL
            .into_iter()
            .find(|d| d.name() == s.to_ascii_lowercase())
            .ok_or_else(|| Error::InvalidOption(format!("unknown dataset {s:?}: use cnndm, xsum or all")))
    }
}

/// Which articles of a corpus to use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    /// Every article.
    #[default]
    All,
    /// Only articles of one dataset.
    Only(Dataset),
}

impl Selection {
    /// True when `dataset` is selected.
    pub fn includes(self, dataset: Dataset) -> bool {
        self == Selection::All || self == Selection::Only(dataset)
    }
}

impl fmt::Display for Selection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Selection::All => f.write_str("all"),
            Selection::Only(d) => d.fmt(f),
        }
    }
}

impl FromStr for Selection {
    type Err = Error;
    fn from_str(s: &str) -> Result<Selection, Error> {
        if s.eq_ignore_ascii_case("all") {
            Ok(Selection::All)
        } else {
            s.parse().map(Selection::Only)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selections_parse() {
        assert_eq!("all".parse::<Selection>().unwrap(), Selection::All);
        assert_eq!("CNNDM".parse::<Selection>().unwrap(), Selection::Only(Dataset::Cnndm));
        let err = "cnn".parse::<Selection>().unwrap_err();
        assert!(!err.is_input());
        assert_eq!(err.to_string(), "unknown dataset \"cnn\": use cnndm, xsum or all");
    }
}
