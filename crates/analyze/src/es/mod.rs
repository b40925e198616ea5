//! Spanish: the analysis and extraction rules for articles written in Spanish.
//!
//! Work in progress: until the Spanish rules land, Spanish gets the language-neutral path.

use nutgraf_text::Document;

use crate::extract::{Extraction, NaiveDate};
use crate::Analysis;

/// Analyzes a Spanish article.
pub(crate) fn analyze(doc: &Document) -> Analysis {
    crate::analyze_neutral(doc)
}

/// Extracts quotes, speakers, entities and dates from a Spanish article.
pub(crate) fn extract(doc: &Document<'_>, reference_date: Option<NaiveDate>) -> Extraction {
    crate::extract::extract_neutral(doc, reference_date)
}
