//! Shared by the labelled-quote tests (English and Spanish): how a gold quote is found in its
//! article and matched against the extracted quotes.

use nutgraf_analyze::extract::Quote;
use nutgraf_text::Span;

/// True when the two byte ranges share a byte.
pub fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// A percentage, 0 when there is nothing to count.
pub fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

/// A gold quote located in its article, and the extracted quote that matches it.
pub struct Matched<'x> {
    /// Where the gold text is.
    pub gold: Span,
    /// The extracted quote with exactly that span, else one with a part overlapping it.
    pub hit: Option<&'x Quote>,
    /// The hit has exactly the gold span.
    pub exact: bool,
}

/// Finds gold quote `text` in `input` at or after `*cursor` (labels are in reading order) and
/// advances the cursor past it; panics, naming `file`, when the label is not in the text.
pub fn match_gold<'x>(file: &str, input: &str, cursor: &mut usize, text: &str, quotes: &'x [Quote]) -> Matched<'x> {
    let at = *cursor + input[*cursor..].find(text).unwrap_or_else(|| panic!("{file}: label not found: {text:?}"));
    *cursor = at + text.len();
    let gold = Span::new(at, at + text.len());
    let exact = quotes.iter().find(|q| q.span == gold);
    let hit = exact.or_else(|| quotes.iter().find(|q| q.parts.iter().any(|&p| overlaps(p, gold))));
    Matched { gold, hit, exact: exact.is_some() }
}
