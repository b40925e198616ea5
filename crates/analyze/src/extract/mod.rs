/*!
Who said what, and when: quotes, speakers, entities, dates and a timeline.

# Why this module exists

News readers ask first "who said that, and when?". [`extract`] answers it for one segmented
article with rules and gazetteers only (no model): direct quotes with their speaker, the
speaker's role or title as the text gives it, and the date and place the text ties to the
statement; indirect speech ("X said that ...") as attributed statements; people, organizations
and places with all their mentions (name variants merged); date expressions normalized to ISO
dates against a reference date; and a timeline of dated sentences.

# Contract

* Every [`Span`] is a byte range into the *original* input: `&input[span]` is exactly the text
  the field stands for. The rules run on the normalized text (straight quotes) and map back with
  [`NormalizedText::to_original`](nutgraf_text::NormalizedText::to_original).
* No input panics, and time is linear in the input: every scan is a single pass or looks back
  and ahead a bounded number of tokens, and lookups are binary searches or hash probes.
* Quotes with no speaker in reach stay unattributed (`speaker: None`) rather than guessed.

The bad-input behaviour (unbalanced marks, unclosed quotes, runs of marks, very long quotes) is
documented on [`quotes`] and in `docs/extract-schema.md`.

Why one module with submodules rather than one `Annotator` per file composed by a builder (STYLE
rule 4): the stages here share one token stream and feed each other in a fixed order (entities
-> quotes -> speakers -> dates -> timeline); a dynamic pipeline would add indirection without a
second composition anyone needs.
*/

pub(crate) mod date_parse;
mod dates;
mod entities;
#[rustfmt::skip]
mod gaz_names;
#[rustfmt::skip]
mod gaz_places;
pub(crate) mod lexicon;
pub mod quotes;
mod roles;
mod speakers;
mod statements;
mod timeline;
pub(crate) mod tokens;
pub mod view;

use nutgraf_text::{Document, Lang, Span};
use serde::{Deserialize, Serialize};

pub use chrono::NaiveDate;
pub use dates::{parse_iso_date, DateKind, DateMention};
pub use entities::{Entity, EntityKind, Gender, PlaceKind};
pub use speakers::{Speaker, Via};
pub use statements::Statement;
pub use timeline::{EventKind, TimelineEntry};

/// A direct quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks (and without the comma that American style
    /// puts inside the closing mark). A quote that runs over several paragraphs spans all of them.
    pub span: Span,
    /// One span per paragraph the quote covers (one for most quotes).
    pub parts: Vec<Span>,
    /// Whether the quote's last part ends with a closing mark. An unclosed quote ends at the end
    /// of its paragraph.
    pub closed: bool,
    /// Index of the sentence the quote starts in.
    pub sentence: usize,
    /// Who said it, when the text says so.
    pub speaker: Option<Speaker>,
    /// The reporting verb that ties the quote to its speaker ("said", "told", "According").
    pub cue: Option<Span>,
    /// The date the text ties to the statement, if any.
    pub date: Option<DateRef>,
    /// The place or occasion the text ties to the statement ("aboard a campaign bus",
    /// "at a news conference in the capital").
    pub place: Option<Span>,
}

/// A date tied to a statement: the mention and its normalized value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRef {
    /// The date expression in the text.
    pub span: Span,
    /// ISO 8601 value (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), when the text and the reference date
    /// allow one.
    pub value: Option<String>,
}

/// Everything [`extract`] finds in one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// The date relative expressions were resolved against: the publication date when the text
    /// gives one, else the caller's reference date.
    pub reference_date: Option<NaiveDate>,
    /// The publication date line found in the article's first paragraphs, if any.
    pub publication_date: Option<DateRef>,
    /// Direct quotes in order.
    pub quotes: Vec<Quote>,
    /// Attributed statements in indirect speech, in order.
    pub statements: Vec<Statement>,
    /// People, organizations and places, in order of first mention.
    pub entities: Vec<Entity>,
    /// Date expressions in order.
    pub dates: Vec<DateMention>,
    /// Dated sentences, ordered by date (then by position).
    pub timeline: Vec<TimelineEntry>,
}

/// Extracts quotes, statements, entities, dates and the timeline of `doc`. `reference_date` is
/// used for relative dates ("on Tuesday", "last week") when the article gives no publication
/// date of its own.
///
/// ```
/// use nutgraf_analyze::extract::{extract, parse_iso_date};
/// use nutgraf_text::Document;
///
/// let input = "Retired FBI agent Maria Lopez spoke on Tuesday. \u{201C}We asked for years,\u{201D} she said.";
/// let x = extract(&Document::new(input), parse_iso_date("2024-05-08"));
/// let q = &x.quotes[0];
/// assert_eq!(&input[q.span.start..q.span.end], "We asked for years");
/// let who = q.speaker.as_ref().unwrap();
/// assert_eq!((who.name.as_str(), who.role.as_deref()), ("Maria Lopez", Some("Retired FBI agent")));
/// assert_eq!(x.dates[0].value.as_deref(), Some("2024-05-07"));
/// ```
pub fn extract(doc: &Document<'_>, reference_date: Option<NaiveDate>) -> Extraction {
    extract_with(doc, reference_date, false, Scope::All, None)
}

/// What the extraction's word lists (reporting cues, role nouns, organization words, date words,
/// stop words ...) say of each distinct word of one English document, in the order of
/// [`Document::word_ids`]. [`crate::analyze`] looks every distinct word up once in the table of
/// those lists to learn which words are reporting verbs, and keeps the answer in
/// [`crate::Analysis::word_lists`]; [`extract_with_lists`] takes it from there rather than look the
/// same words up a second time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordLists {
    /// Per vocabulary word: [`lexicon::word_bits_at`] (the list bits, [`lexicon::STOP`] and
    /// [`lexicon::REPORT`]).
    bits: Vec<u32>,
}

impl WordLists {
    /// Looks up every distinct word of `doc` (English lists).
    pub fn of(doc: &Document<'_>) -> WordLists {
        let bytes = doc.text.normalized().as_bytes();
        let bits = (0..doc.vocabulary_len() as u32)
            .map(|v| {
                let w = doc.vocabulary_word(v);
                lexicon::word_bits_at(bytes, w.start, w.end)
            })
            .collect();
        WordLists { bits }
    }

    /// The number of distinct words looked up (0 when none were).
    pub fn len(&self) -> usize {
        self.bits.len()
    }

    /// True when no word was looked up.
    pub fn is_empty(&self) -> bool {
        self.bits.is_empty()
    }

    /// The bits of vocabulary word `v`.
    #[inline(always)]
    pub(crate) fn get(&self, v: u32) -> u32 {
        self.bits[v as usize]
    }

    /// The lists as worked out for `doc`, when these are they (same number of distinct words).
    fn for_doc(&self, doc: &Document<'_>) -> Option<&WordLists> {
        (!self.bits.is_empty() && self.bits.len() == doc.vocabulary_len()).then_some(self)
    }
}

/// How much of the extraction to build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Everything [`Extraction`] holds.
    All,
    /// What a brief shows (`nutgraf summarize --format json|markdown`): quotes with their speakers,
    /// roles, dates and places, statements, date mentions and the timeline, exactly as
    /// [`Scope::All`] finds them. The entity list is left empty and speakers carry no entity
    /// index: people, organizations and places are still recognized (speakers are found among
    /// them), but their public list, each entity with every mention mapped back to the original
    /// text, is not built.
    Brief,
}

/// The extraction, with the Spanish word lists and quote scanner when `es`; `lists`, when given,
/// are the English word lists of `doc`'s words, already looked up.
pub(crate) fn extract_with(
    doc: &Document<'_>,
    reference_date: Option<NaiveDate>,
    es: bool,
    scope: Scope,
    lists: Option<&WordLists>,
) -> Extraction {
    let quotes = if es { crate::es::quotes::find(doc) } else { quotes::find(doc) };
    let toks = tokens::tokenize_quoted(doc, es, &quotes, lists);
    let ents = entities::find(doc, &toks);
    let dates = dates::find(doc, &toks, reference_date);
    let (mut quotes, mut statements) = speakers::attribute(doc, &toks, &ents, quotes, &dates.mentions);
    for q in &mut quotes {
        q.span = doc.text.to_original(q.span);
        for p in &mut q.parts {
            *p = doc.text.to_original(*p);
        }
    }
    let timeline =
        timeline::build(doc, &dates.mentions, dates.publication.as_ref().map(|p| p.span), &quotes, &statements);
    let entities = match scope {
        Scope::All => ents.into_public(doc),
        Scope::Brief => {
            let speakers = quotes
                .iter_mut()
                .filter_map(|q| q.speaker.as_mut())
                .chain(statements.iter_mut().map(|s| &mut s.speaker));
            speakers.for_each(|s| s.entity = None);
            Vec::new()
        }
    };
    Extraction {
        reference_date: dates.reference,
        publication_date: dates.publication,
        quotes,
        statements,
        entities,
        dates: dates.mentions,
        timeline,
    }
}

/// [`extract`] for an article written in `lang`.
///
/// English is [`extract`]; Spanish has its own rules (see the crate's `es` module). For the
/// other languages only the language-neutral part runs: direct quotes of three words or more,
/// found by their quotation marks, all unattributed; no statements, entities, dates or timeline,
/// since the English word lists must not be applied to French.
///
/// ```
/// use nutgraf_analyze::extract::{extract_lang, parse_iso_date};
/// use nutgraf_text::{Document, Lang};
///
/// let input = "La alcaldesa de Sevilla, Ana Ruiz, habl\u{F3} el pasado martes.\n\
///              \u{2014}No habr\u{E1} m\u{E1}s retrasos \u{2014}asegur\u{F3}.";
/// let doc = Document::with_lang(input, Lang::Spanish);
/// let x = extract_lang(&doc, parse_iso_date("2026-03-06"), Lang::Spanish);
/// let q = &x.quotes[0];
/// assert_eq!(&input[q.span.start..q.span.end], "No habr\u{E1} m\u{E1}s retrasos");
/// let who = q.speaker.as_ref().unwrap();
/// assert_eq!((who.name.as_str(), who.role.as_deref()), ("Ana Ruiz", Some("alcaldesa de Sevilla")));
/// assert_eq!(x.dates[0].value.as_deref(), Some("2026-03-03"));
/// ```
pub fn extract_lang(doc: &Document<'_>, reference_date: Option<NaiveDate>, lang: Lang) -> Extraction {
    extract_scope(doc, reference_date, lang, Scope::All)
}

/// [`extract_lang`], building only `scope`'s share of the [`Extraction`] (see [`Scope`]).
///
/// ```
/// use nutgraf_analyze::extract::{extract_lang, extract_scope, Scope};
/// use nutgraf_text::{Document, Lang};
///
/// let input = "Mayor Ana Ruiz visited Lisbon. \"We will build it,\" Ruiz said on Monday.";
/// let doc = Document::new(input);
/// let all = extract_lang(&doc, None, Lang::English);
/// let brief = extract_scope(&doc, None, Lang::English, Scope::Brief);
/// assert!(!all.entities.is_empty() && brief.entities.is_empty());
/// assert_eq!(brief.quotes[0].speaker.as_ref().unwrap().name, "Ana Ruiz");
/// assert_eq!((brief.quotes.len(), &brief.timeline), (all.quotes.len(), &all.timeline));
/// ```
pub fn extract_scope(doc: &Document<'_>, reference_date: Option<NaiveDate>, lang: Lang, scope: Scope) -> Extraction {
    match lang {
        Lang::English => extract_with(doc, reference_date, false, scope, None),
        Lang::Spanish => extract_with(doc, reference_date, true, scope, None),
        _ => extract_neutral(doc, reference_date),
    }
}

/// [`extract_scope`] on a document already analyzed: `lists` are the word lists of `doc`'s words
/// as [`crate::analyze_lang`] found them ([`crate::Analysis::word_lists`]), and the extraction
/// reads them from there instead of looking the words up again. The result is [`extract_scope`]'s.
/// Lists that are empty (the analysis of a Spanish article, or of an article in another
/// language, or a deserialized analysis) or that are not `doc`'s (another number of distinct
/// words) are ignored.
///
/// ```
/// use nutgraf_analyze::analyze;
/// use nutgraf_analyze::extract::{extract_scope, extract_with_lists, Scope};
/// use nutgraf_text::{Document, Lang};
///
/// let doc = Document::new("\"We will build it,\" Mayor Ana Ruiz said on Monday.");
/// let analysis = analyze(&doc);
/// let x = extract_with_lists(&doc, &analysis.word_lists, None, Lang::English, Scope::Brief);
/// assert_eq!(x.quotes[0].speaker.as_ref().unwrap().name, "Ana Ruiz");
/// assert_eq!(x, extract_scope(&doc, None, Lang::English, Scope::Brief));
/// ```
pub fn extract_with_lists(
    doc: &Document<'_>,
    lists: &WordLists,
    reference_date: Option<NaiveDate>,
    lang: Lang,
    scope: Scope,
) -> Extraction {
    match lang {
        Lang::English => extract_with(doc, reference_date, false, scope, lists.for_doc(doc)),
        _ => extract_scope(doc, reference_date, lang, scope),
    }
}

/// The language-neutral extraction (see [`extract_lang`]).
pub(crate) fn extract_neutral(doc: &Document<'_>, reference_date: Option<NaiveDate>) -> Extraction {
    let quotes = quotes::find(doc)
        .into_iter()
        .filter(|q| q.words >= 3)
        .map(|q| Quote {
            span: doc.text.to_original(q.inner),
            parts: q.parts.iter().map(|&p| doc.text.to_original(p)).collect(),
            closed: q.closed,
            sentence: doc.sentences.partition_point(|s| s.norm.end <= q.open),
            speaker: None,
            cue: None,
            date: None,
            place: None,
        })
        .collect();
    Extraction { reference_date, quotes, ..Extraction::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutral_languages_get_unattributed_quotes_only() {
        let input = "Le maire a parlé mardi. \u{AB} Nous allons reconstruire le pont \u{BB}, a dit Jean Dupont.";
        let doc = Document::new(input);
        let x = extract_lang(&doc, None, Lang::French);
        assert_eq!(x.quotes.len(), 1);
        assert_eq!(&input[x.quotes[0].span], "Nous allons reconstruire le pont");
        assert_eq!(x.quotes[0].sentence, 1);
        assert!(x.quotes[0].speaker.is_none());
        assert!(x.entities.is_empty() && x.dates.is_empty() && x.statements.is_empty());
        assert_eq!(extract_lang(&doc, None, Lang::English), extract(&doc, None));
    }

    #[test]
    fn brief_scope_is_the_full_extraction_without_entities() {
        let articles = [
            include_str!("../../../../examples/riverside-budget.txt"),
            include_str!("../../../../examples/harbor-bridge.txt"),
            include_str!("../../../../examples/clinic-closure.txt"),
        ];
        for input in articles {
            let doc = Document::new(input);
            let date = parse_iso_date("2026-03-06");
            let mut all = extract_lang(&doc, date, Lang::English);
            let brief = extract_scope(&doc, date, Lang::English, Scope::Brief);
            assert!(!all.entities.is_empty() && !all.quotes.is_empty() && !all.timeline.is_empty());
            assert!(all.quotes.iter().any(|q| q.speaker.as_ref().is_some_and(|s| s.entity.is_some())));
            all.entities.clear();
            let speakers = all.quotes.iter_mut().filter_map(|q| q.speaker.as_mut());
            speakers.chain(all.statements.iter_mut().map(|s| &mut s.speaker)).for_each(|s| s.entity = None);
            assert_eq!(brief, all);
        }
    }

    #[test]
    fn the_analysis_word_lists_give_the_same_extraction() {
        let articles = [
            include_str!("../../../../examples/riverside-budget.txt"),
            include_str!("../../../../examples/harbor-bridge.txt"),
            include_str!("../../../../examples/clinic-closure.txt"),
        ];
        let date = parse_iso_date("2026-03-06");
        let other = crate::analyze(&Document::new(articles[1])).word_lists;
        for input in articles {
            let doc = Document::new(input);
            let lists = crate::analyze(&doc).word_lists;
            assert_eq!(lists.len(), doc.vocabulary_len());
            assert_eq!(lists, WordLists::of(&doc));
            for scope in [Scope::All, Scope::Brief] {
                let plain = extract_scope(&doc, date, Lang::English, scope);
                assert!(!plain.quotes.is_empty() && !plain.statements.is_empty() && !plain.dates.is_empty());
                assert_eq!(extract_with_lists(&doc, &lists, date, Lang::English, scope), plain);
                // Lists of another article, or none, are not used.
                for wrong in [&other, &WordLists::default()] {
                    assert_eq!(extract_with_lists(&doc, wrong, date, Lang::English, scope), plain);
                }
            }
        }
        // The analysis of Spanish (and of other languages) looks nothing up in the English lists.
        let es = Document::with_lang("La alcaldesa Ana Ruiz dijo que el puente abrirá el martes.", Lang::Spanish);
        assert!(crate::analyze_lang(&es, Lang::Spanish).word_lists.is_empty());
        assert!(crate::analyze_lang(&es, Lang::French).word_lists.is_empty());
    }

    #[test]
    fn brief_overview_example() {
        let input = "Published May 6, 2024\n\
                     On May 4, aboard a campaign bus, Governor Jane Mills said: \"We will fix the bridge.\"\n\
                     \"It is done,\" Mills added on Tuesday. Budget chief Ana Ruiz said the plan was sound.";
        let doc = Document::new(input);
        let x = extract(&doc, None);
        assert_eq!(x.reference_date, NaiveDate::from_ymd_opt(2024, 5, 6));
        assert_eq!(x.quotes.len(), 2);
        let q = &x.quotes[0];
        assert_eq!(&input[q.span], "We will fix the bridge.");
        let s = q.speaker.as_ref().unwrap();
        assert_eq!(s.name, "Jane Mills");
        assert_eq!(s.role.as_deref(), Some("Governor"));
        assert_eq!(q.date.as_ref().and_then(|d| d.value.as_deref()), Some("2024-05-04"));
        assert_eq!(&input[q.place.unwrap()], "aboard a campaign bus");
        assert_eq!(x.quotes[1].speaker.as_ref().unwrap().name, "Jane Mills");
        assert_eq!(x.quotes[1].date.as_ref().and_then(|d| d.value.as_deref()), Some("2024-04-30"));
        assert_eq!(x.statements.len(), 1);
        assert_eq!(x.statements[0].speaker.name, "Ana Ruiz");
        let mills = x.entities.iter().find(|e| e.name == "Jane Mills").unwrap();
        assert_eq!(mills.mentions.len(), 2);
    }
}
