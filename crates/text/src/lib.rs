/*!
The text stage of nutgraf: spans, normalization, segmentation and tokens.

# Brief overview

* [`Span`]: a half-open byte range into the *original* input. Every later stage points at source
  text with spans from here and never rewrites them.
* [`NormalizedText`]: a canonical copy of the input (straight quotes, plain spaces, `\n` line
  ends) with a byte alignment back to the original.
* [`Document`]: paragraphs and sentences, each with its original and normalized span.
* [`words`] and [`TermAnalyzer`]: words, lowercase, stop words, Snowball stems.
* [`sparse_dot`]: the dot product of sorted sparse term vectors, for every scoring stage.
* [`Lang`]: the languages (Snowball's, plus a language-neutral fallback) and their support level;
  [`detect`] tells which one a text is in; [`Document::with_lang`] segments by its rules.
* [`validate`]: turns raw bytes into article text or a clear [`Error`].

This crate depends on no other nutgraf crate.

# Example

```
use nutgraf_text::Document;

let input = "Gov. Jane Mills signed the bill on Monday. \u{201C}It is done,\u{201D} she said.\n\nMore later.";
let doc = Document::new(input);
assert_eq!(doc.sentences.len(), 3);
assert_eq!(doc.sentence_text(1), "\u{201C}It is done,\u{201D} she said.");
assert_eq!(doc.sentence_norm(1), "\"It is done,\" she said.");
assert_eq!(doc.sentences[2].paragraph, 1);
```
*/

#![deny(missing_docs)]

mod abbrev;
mod detect;
mod error;
mod lang;
mod normalize;
mod rules;
mod segment;
mod span;
mod stopwords;
mod stopwords_lang;
mod tokenize;
mod vector;

pub use detect::{detect, Detection};
pub use error::{validate, Error};
pub use lang::{Lang, Support};
pub use normalize::{Change, NormalizedText};
pub use segment::{split_sentences, split_sentences_lang, trim, Document, Paragraph, Sentence};
pub use span::{CharOffsets, Span};
pub use tokenize::{is_stop_word, words, TermAnalyzer, Words};
pub use vector::sparse_dot;

/// Asserts that `span` of `text` is exactly `expected` (shared by tests of later stages).
#[doc(hidden)]
pub fn assert_span(text: &str, span: Span, expected: &str) {
    assert_eq!(&text[span], expected, "span {span:?} of {text:?}");
}
