//! Normalization that keeps an exact alignment to the original text.
//!
//! Rules downstream (segmentation, quote and attribution patterns, tokenization) are simpler on
//! a canonical form: straight quotes, ASCII hyphens for dashes, plain spaces, `\n` line ends and no
//! invisible characters. [`NormalizedText`] holds that form plus, for every normalized byte, the
//! original byte range it came from, so any span found on the normalized text maps back to a span
//! of the original input with [`NormalizedText::to_original`]. Every edit goes through one
//! primitive, [`NormalizedText::transform`], which takes `(char, change)` pairs in the style of
//! Hugging Face tokenizers' `NormalizedString::transform`.
//!
//! ASCII input without `\r` (the common case) is normalized to itself with no alignment table.
//! Otherwise the alignment is kept as pieces, not per byte: a run of ASCII copied as it is is one
//! piece (byte `k` of it came from byte `k` plus a fixed offset), and so is each char the rule
//! handled; [`NormalizedText::to_original`] finds a byte's piece by binary search. News text is
//! mostly ASCII with a curly quote here and there, so that is a few hundred pieces where a
//! per-byte table took eight bytes and a store for every byte of the article.

use crate::Span;

/// The normalized form of an input and its alignment to the original bytes.
#[derive(Clone, Debug)]
pub struct NormalizedText<'a> {
    original: &'a str,
    normalized: String,
    /// The alignment pieces in order of their normalized start; together they cover every
    /// normalized byte. Empty when the normalized text is the original (identity alignment).
    pieces: Vec<Piece>,
}

/// Where a stretch of normalized bytes came from, from byte `norm` up to the next piece's.
#[derive(Clone, Copy, Debug)]
struct Piece {
    /// First normalized byte.
    norm: u32,
    /// A copied run: the original byte of normalized byte `norm + k` is `orig + k`. Otherwise
    /// every byte of the piece came from the original char `orig..orig_end`.
    run: bool,
    orig: u32,
    orig_end: u32,
}

/// What one normalization step does to one original char.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The char is kept or replaced by another single char.
    Keep(char),
    /// The char is removed.
    Drop,
}

impl<'a> NormalizedText<'a> {
    /// Normalizes `original` with nutgraf's default rules: curly quotes to straight, dashes to
    /// `-`, no-break and other Unicode spaces to ` `, `\r\n` and `\r` to `\n`, zero-width
    /// characters, soft hyphens and byte-order marks removed.
    pub fn new(original: &'a str) -> NormalizedText<'a> {
        if original.is_ascii() && !original.contains('\r') {
            return NormalizedText { original, normalized: original.to_string(), pieces: Vec::new() };
        }
        let mut prev_cr = false;
        // The default rule keeps ASCII other than `\r` as it is; a `\n` right after `\r` (which
        // it drops) is always handed to the rule: bulk runs never start right after a `\r`.
        NormalizedText::transform_impl(original, true, |c| {
            let after_cr = prev_cr;
            prev_cr = c == '\r';
            default_rule(c, after_cr)
        })
    }

    /// The one primitive: builds the normalized text by mapping each original char through
    /// `rule`, recording the original byte range of every normalized byte.
    pub fn transform(original: &'a str, rule: impl FnMut(char) -> Change) -> NormalizedText<'a> {
        NormalizedText::transform_impl(original, false, rule)
    }

    /// [`transform`](Self::transform), optionally promising that `rule` keeps every ASCII char
    /// but `\r` and a `\n` that follows `\r` unchanged, so runs of such bytes are copied in bulk
    /// without consulting it.
    fn transform_impl(
        original: &'a str,
        ascii_identity: bool,
        mut rule: impl FnMut(char) -> Change,
    ) -> NormalizedText<'a> {
        let mut normalized = String::with_capacity(original.len());
        let mut pieces: Vec<Piece> = Vec::new();
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if ascii_identity && bytes[i].is_ascii() && bytes[i] != b'\r' && (i == 0 || bytes[i - 1] != b'\r') {
                let run = i + ascii_run(&bytes[i..]);
                pieces.push(Piece { norm: normalized.len() as u32, run: true, orig: i as u32, orig_end: run as u32 });
                normalized.push_str(&original[i..run]);
                i = run;
                continue;
            }
            let c = original[i..].chars().next().expect("char boundary");
            if let Change::Keep(n) = rule(c) {
                let (orig, orig_end) = (i as u32, (i + c.len_utf8()) as u32);
                pieces.push(Piece { norm: normalized.len() as u32, run: false, orig, orig_end });
                normalized.push(n);
            }
            i += c.len_utf8();
        }
        NormalizedText { original, normalized, pieces }
    }

    /// The original input.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The normalized text.
    pub fn normalized(&self) -> &str {
        &self.normalized
    }

    /// Maps a non-empty span of the normalized text to the original input: from the start of the
    /// original char behind its first byte to the end of the original char behind its last byte.
    /// An empty span maps to an empty span at the corresponding original position.
    pub fn to_original(&self, span: Span) -> Span {
        if self.pieces.is_empty() {
            return span;
        }
        if span.is_empty() {
            let at = if span.start < self.normalized.len() { self.origin(span.start).0 } else { self.original.len() };
            return Span::new(at, at);
        }
        Span::new(self.origin(span.start).0, self.origin(span.end - 1).1)
    }

    /// The original byte range behind normalized byte `at` (which must be in range).
    fn origin(&self, at: usize) -> (usize, usize) {
        assert!(at < self.normalized.len(), "normalized byte {at} out of range");
        // A binary search whose steps are conditional moves, not branches: which half holds
        // `at` is a coin toss the processor cannot predict, and the extraction maps thousands
        // of spans an article.
        let at32 = at as u32;
        let (mut base, mut size) = (0, self.pieces.len());
        while size > 1 {
            let half = size / 2;
            let mid = base + half;
            base = if self.pieces[mid].norm <= at32 { mid } else { base };
            size -= half;
        }
        let p = self.pieces[base];
        if p.run {
            let o = p.orig as usize + (at - p.norm as usize);
            (o, o + 1)
        } else {
            (p.orig as usize, p.orig_end as usize)
        }
    }
}

/// The length of the run of ASCII bytes other than `\r` that `bytes` opens with. Eight bytes
/// are tested at a time: a high bit marks non-ASCII, and `(y - 0x01..) & !y & 0x80..` is non-zero
/// exactly when `y = x ^ 0x0d..` has a zero byte, that is when `x` holds a `\r`.
fn ascii_run(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    const CR: u64 = ONES * b'\r' as u64;
    let mut k = 0;
    for chunk in bytes.chunks_exact(8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        let y = x ^ CR;
        if x & HIGH != 0 || y.wrapping_sub(ONES) & !y & HIGH != 0 {
            break;
        }
        k += 8;
    }
    k + bytes[k..].iter().position(|&b| !b.is_ascii() || b == b'\r').unwrap_or(bytes.len() - k)
}

fn default_rule(c: char, after_cr: bool) -> Change {
    match c {
        '\r' => Change::Keep('\n'),
        '\n' if after_cr => Change::Drop,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => Change::Keep('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => Change::Keep('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Change::Keep('-'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Change::Keep(' '),
        '\u{2028}' | '\u{2029}' | '\u{0085}' => Change::Keep('\n'),
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => Change::Drop,
        '\u{2026}' => Change::Keep('…'),
        c => Change::Keep(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_back_to_original() {
        let cases = vec![
            ("He said \u{201C}no\u{201D}.\r\nNext", "He said \"no\".\nNext", (8, 12), "\u{201C}no\u{201D}"),
            ("a\u{00A0}b \u{2014} c", "a b - c", (0, 7), "a\u{00A0}b \u{2014} c"),
            ("x\u{200B}y", "xy", (0, 2), "x\u{200B}y"),
            ("plain ascii", "plain ascii", (6, 11), "ascii"),
            ("line\r\rnext", "line\n\nnext", (6, 10), "next"),
        ];
        for (input, norm, (s, e), orig) in cases {
            let n = NormalizedText::new(input);
            assert_eq!(n.normalized(), norm, "{input:?}");
            let span = n.to_original(Span::new(s, e));
            assert_eq!(&input[span], orig, "{input:?}");
        }
    }

    /// The per-byte alignment table the pieces replace, built the plain way.
    fn per_byte(original: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut prev_cr = false;
        for (i, c) in original.char_indices() {
            let after_cr = prev_cr;
            prev_cr = c == '\r';
            if let Change::Keep(n) = default_rule(c, after_cr) {
                out.extend(std::iter::repeat_n((i, i + c.len_utf8()), n.len_utf8()));
            }
        }
        out
    }

    #[test]
    fn pieces_agree_with_a_per_byte_table() {
        let inputs = [
            "He said \u{201C}no\u{201D}.\r\nNext \u{2014} caf\u{E9} \u{2026}\r\rZ\u{FC}rich\u{200B}.",
            "\u{FEFF}\u{201C}Start\u{201D}",
            "a\r",
            "\r\n\r\n",
            "\u{200B}",
            "x\u{00A0}\u{00A0}y\u{3000}\u{5E02}\u{2028}end",
        ];
        for input in inputs {
            let n = NormalizedText::new(input);
            let table = per_byte(input);
            assert_eq!(table.len(), n.normalized().len(), "{input:?}");
            for start in 0..=table.len() {
                for end in start..=table.len() {
                    // An empty table (everything dropped) reads as the identity, as before.
                    let want = if table.is_empty() {
                        Span::new(start, end)
                    } else if start == end {
                        let at = table.get(start).map_or(input.len(), |r| r.0);
                        Span::new(at, at)
                    } else {
                        Span::new(table[start].0, table[end - 1].1)
                    };
                    assert_eq!(n.to_original(Span::new(start, end)), want, "{input:?} {start}..{end}");
                }
            }
        }
    }

    #[test]
    fn ascii_runs_stop_at_the_first_non_ascii_byte_or_cr() {
        let plain = |b: &[u8]| b.iter().position(|&b| !b.is_ascii() || b == b'\r').unwrap_or(b.len());
        let base = b"The council voted 7-2 on Tuesday night after a long debate.";
        for stop in [&b"\r"[..], "\u{E9}".as_bytes(), "\u{2019}".as_bytes(), b"\n", b"\x0c"] {
            for at in 0..=base.len() {
                let mut bytes = base[..at].to_vec();
                bytes.extend_from_slice(stop);
                bytes.extend_from_slice(&base[at..]);
                assert_eq!(ascii_run(&bytes), plain(&bytes), "{stop:?} at {at}");
            }
        }
        assert_eq!(ascii_run(b""), 0);
        assert_eq!(ascii_run(base), base.len());
    }

    #[test]
    fn crlf_line_does_not_leak_cr() {
        let input = "First line.\r\nSecond.";
        let n = NormalizedText::new(input);
        let line = n.normalized().find('\n').unwrap();
        assert_eq!(&input[n.to_original(Span::new(0, line))], "First line.");
    }
}
