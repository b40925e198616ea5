//! Byte spans into the original article text.
//!
//! A [`Span`] is the one way every nutgraf stage points at source text. Its contract: it is a
//! half-open byte range `[start, end)` into the *original* input (never into a normalized copy),
//! both ends on `char` boundaries, so that `&input[span]` is exactly the text shown to users as
//! coming from the source. Later stages never rewrite spans; conversion to Unicode scalar offsets
//! happens only at the JSON boundary ([`Span::to_chars`], [`CharOffsets`]).

use std::ops::{Index, Range};

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the original input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "[usize; 2]", from = "[usize; 2]")]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Creates a span. Panics if `start > end`: that is a bug in the caller, never user input.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range`, for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The span shifted right by `offset` bytes (used to lift a span found in a slice back into
    /// the text the slice was taken from).
    pub fn shift(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    /// The same range in Unicode scalar values (chars) of `text`. Linear in `self.end`; use
    /// [`CharOffsets`] when converting many spans of one text.
    pub fn to_chars(&self, text: &str) -> [usize; 2] {
        let start = text[..self.start].chars().count();
        [start, start + text[self.range()].chars().count()]
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> [usize; 2] {
        [s.start, s.end]
    }
}

impl From<[usize; 2]> for Span {
    fn from(a: [usize; 2]) -> Span {
        Span::new(a[0], a[1].max(a[0]))
    }
}

impl Index<Span> for str {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

/// Converts byte offsets of one text to char offsets in amortized constant time, for spans
/// requested in (mostly) increasing order.
#[derive(Debug)]
pub struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    /// A converter over `text`.
    pub fn new(text: &'a str) -> CharOffsets<'a> {
        CharOffsets { text, byte: 0, chars: 0 }
    }

    /// The char offset of byte offset `byte` (which must be a char boundary).
    pub fn char_of(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }

    /// `span` as `[start, end)` char offsets.
    pub fn span(&mut self, span: Span) -> [usize; 2] {
        [self.char_of(span.start), self.char_of(span.end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_and_chars() {
        let text = "Café “au lait” costs €3.";
        let s = Span::new(6, 19);
        assert_eq!(&text[s], "“au lait”");
        assert_eq!(s.to_chars(text), [5, 14]);
        let mut conv = CharOffsets::new(text);
        assert_eq!(conv.span(s), [5, 14]);
        assert_eq!(conv.span(Span::new(0, 5)), [0, 4]);
    }

    #[test]
    fn serde_as_pair() {
        let s = Span::new(3, 9);
        assert_eq!(serde_json_like(s), "[3,9]");
    }

    fn serde_json_like(s: Span) -> String {
        let a: [usize; 2] = s.into();
        format!("[{},{}]", a[0], a[1])
    }

    #[test]
    #[should_panic(expected = "after its end")]
    fn rejects_inverted() {
        let _ = Span::new(5, 4);
    }
}
