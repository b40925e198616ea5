//! The timeline: every sentence with a resolved date, ordered by date.
//!
//! An entry is a quote (the sentence opens a direct quote), a statement (it holds attributed
//! indirect speech) or an event (anything else), and points at its sentence span. The
//! publication date line itself is left out.

use nutgraf_text::{Document, Span};
use serde::{Deserialize, Serialize};

use super::dates::{DateKind, DateMention};
use super::statements::Statement;
use super::Quote;

/// What a timeline entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// A direct quote.
    Quote,
    /// An attributed statement in indirect speech.
    Statement,
    /// Anything else the article reports.
    Event,
}

/// One dated sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// ISO value of the date.
    pub date: String,
    /// The date expression.
    pub date_span: Span,
    /// Index of the sentence.
    pub sentence: usize,
    /// The sentence's original span.
    pub span: Span,
    /// Quote, statement or event.
    pub kind: EventKind,
    /// The speaker, for quotes and statements with one.
    pub speaker: Option<String>,
}

/// Builds the timeline from resolved date mentions.
pub(crate) fn build(
    doc: &Document<'_>,
    dates: &[DateMention],
    publication: Option<Span>,
    quotes: &[Quote],
    statements: &[Statement],
) -> Vec<TimelineEntry> {
    let mut out: Vec<TimelineEntry> = Vec::new();
    // Quotes and statements are in text order; walk them alongside the dates (linear time).
    let (mut qi, mut si) = (0, 0);
    for d in dates {
        let Some(value) = d.value.clone() else { continue };
        let s = d.sentence;
        if out.last().is_some_and(|e| e.sentence == s && e.date == value) {
            continue;
        }
        if publication.is_some_and(|p| p.contains(d.span)) {
            continue;
        }
        // A relative date inside a quote counts from when the speaker spoke, not from the article.
        let k = quotes.partition_point(|q| q.span.start <= d.span.start);
        let quoted = k > 0 && quotes[k - 1].parts.iter().any(|p| p.contains(d.span));
        if d.kind == DateKind::Relative && quoted {
            continue;
        }
        while quotes.get(qi).is_some_and(|q| q.sentence < s) {
            qi += 1;
        }
        while statements.get(si).is_some_and(|st| st.sentence < s) {
            si += 1;
        }
        let sent = doc.sentences[s];
        let (kind, speaker) = if let Some(q) = quotes.get(qi).filter(|q| q.sentence == s) {
            (EventKind::Quote, q.speaker.as_ref().map(|p| p.name.clone()))
        } else if let Some(st) = statements.get(si).filter(|st| st.sentence == s) {
            (EventKind::Statement, Some(st.speaker.name.clone()))
        } else {
            (EventKind::Event, None)
        };
        out.push(TimelineEntry { date: value, date_span: d.span, sentence: s, span: sent.span, kind, speaker });
    }
    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.date_span.start.cmp(&b.date_span.start)));
    out
}

#[cfg(test)]
mod tests {
    use super::super::{extract, parse_iso_date, EventKind};
    use nutgraf_text::Document;

    #[test]
    fn ordered_by_date_with_kinds() {
        let input = "The board will meet on May 9, 2024.\n\
                     \"We are ready,\" Ana Ruiz said on May 2, 2024.\n\
                     Tom Park said on May 1, 2024 that the plan was late.";
        let doc = Document::new(input);
        let x = extract(&doc, parse_iso_date("2024-05-06"));
        let got: Vec<(&str, EventKind, Option<&str>)> =
            x.timeline.iter().map(|e| (e.date.as_str(), e.kind, e.speaker.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                ("2024-05-01", EventKind::Statement, Some("Tom Park")),
                ("2024-05-02", EventKind::Quote, Some("Ana Ruiz")),
                ("2024-05-09", EventKind::Event, None),
            ]
        );
        for e in &x.timeline {
            assert!(e.span.contains(e.date_span));
        }
    }
}
