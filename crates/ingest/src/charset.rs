//! Bytes of a page to text: the character encoding from a byte-order mark, the HTTP
//! `Content-Type` header or the page's own `<meta charset>`, in that order (the HTML standard's
//! order, without its statistical sniffing).
//!
//! When nothing names an encoding, valid UTF-8 is read as UTF-8 and anything else as
//! windows-1252, the web's historical default. Undecodable bytes become U+FFFD rather than an
//! error: a page with one bad byte is still worth reading.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many leading bytes are searched for `<meta charset>` (the standard says 1024; real pages
/// put long `<script>`s first, so a little more).
const PRESCAN: usize = 4096;

/// Decodes `bytes`, using `content_type` (an HTTP `Content-Type` value) if given. Returns the
/// text and the name of the encoding used.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> (String, &'static str) {
    let encoding = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| content_type.and_then(charset_param).and_then(|l| Encoding::for_label(l.as_bytes())))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(PRESCAN)]))
        .unwrap_or_else(|| if std::str::from_utf8(bytes).is_ok() { UTF_8 } else { WINDOWS_1252 });
    let (text, used, _) = encoding.decode(bytes);
    (text.into_owned(), used.name())
}

/// The `charset` parameter of a `Content-Type` value.
pub fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// The encoding named by `<meta charset="...">` or `<meta http-equiv="Content-Type"
/// content="...; charset=...">` in `head`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut at = 0;
    while let Some(found) = find(&lower[at..], b"<meta") {
        let start = at + found;
        let end = lower[start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + b"charset".len()..];
            let rest = rest.iter().skip_while(|b| b.is_ascii_whitespace()).copied().collect::<Vec<u8>>();
            if let Some(value) = rest.strip_prefix(b"=") {
                let value: Vec<u8> = value
                    .iter()
                    .skip_while(|b| b.is_ascii_whitespace() || **b == b'"' || **b == b'\'')
                    .take_while(|b| !(b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'/' | b'>')))
                    .copied()
                    .collect();
                if let Some(e) = Encoding::for_label(&value) {
                    // A page whose markup parsed as ASCII is not UTF-16, whatever it says.
                    return Some(e.output_encoding());
                }
            }
        }
        at = end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_encoding() {
        let cafe_1252 = b"<p>caf\xe9 \x93quoted\x94</p>";
        let cases: Vec<(&[u8], Option<&str>, &str, &str)> = vec![
            (
                cafe_1252,
                Some("text/html; charset=windows-1252"),
                "<p>caf\u{e9} \u{201c}quoted\u{201d}</p>",
                "windows-1252",
            ),
            (
                cafe_1252,
                Some("text/html; charset=\"ISO-8859-1\""),
                "<p>caf\u{e9} \u{201c}quoted\u{201d}</p>",
                "windows-1252",
            ),
            (cafe_1252, None, "<p>caf\u{e9} \u{201c}quoted\u{201d}</p>", "windows-1252"),
            ("<p>café</p>".as_bytes(), None, "<p>café</p>", "UTF-8"),
            (b"\xef\xbb\xbf<p>x</p>", Some("text/html; charset=latin1"), "<p>x</p>", "UTF-8"),
            (b"<meta charset=\"koi8-r\"><p>\xc1</p>", None, "<meta charset=\"koi8-r\"><p>\u{430}</p>", "KOI8-R"),
            (
                b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\"><p>\xe9</p>",
                None,
                "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\"><p>\u{e9}</p>",
                "windows-1252",
            ),
        ];
        for (bytes, ct, text, name) in cases {
            assert_eq!(decode(bytes, ct), (text.to_string(), name), "{ct:?}");
        }
    }

    #[test]
    fn header_beats_meta() {
        let page = b"<meta charset=utf-8><p>\xe9</p>";
        assert_eq!(decode(page, Some("text/html;charset=windows-1252")).0, "<meta charset=utf-8><p>\u{e9}</p>");
    }
}
