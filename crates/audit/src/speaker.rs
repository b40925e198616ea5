//! Quotes and speakers: are the quoted words the sources' own, and is the speaker theirs?
//!
//! Quoted words must occur in one source in the same order. Only content words are compared
//! (summaries from other systems tokenize "don't" as `do n't` and drop or add articles), so a
//! quote matches when its content words follow one another among the source's content words.
//! A speaker is a name next to a reporting verb ("Ruiz said", "told Ruiz", "according to Ruiz").
//! It must be named near a reporting verb in the sentence the quote or statement comes from or
//! in its neighbours; when the source says only "he said" there, names from the three sentences
//! before count too.

use std::ops::Range;

use crate::index::Index;
use crate::pieces::{Kind, Piece};
use crate::words::Word;

const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i"];

/// Word ranges of the names that speak in the sentence: names outside quotes within three words
/// after or eight words before a reporting verb, or right after "according to". One name speaks
/// per verb: the nearest before it ("Karo claims Kunis stole ..." is Karo's), else the nearest
/// after it ("said Bell").
pub(crate) fn speakers(words: &[Word], ps: &[Piece], quotes: &[(usize, usize)]) -> Vec<Range<usize>> {
    let outside = |w: &Word| !quotes.iter().any(|&(s, e)| s <= w.span.start && w.span.end <= e);
    // "said Bell", "Bell said", "Bell told ...", and a subject set off by a clause ("Tom Bell, who
    // voted against it, said"); not a passive ("Bell was announced dead").
    let active = |k: usize| {
        words[k].report
            && outside(&words[k])
            && !(k > 0 && matches!(words[k - 1].lower.as_str(), "was" | "were" | "been" | "be" | "is" | "are"))
    };
    let names: Vec<&Piece> =
        ps.iter().filter(|p| p.kind == Kind::Entity && words[p.words.clone()].iter().all(outside)).collect();
    let mut out: Vec<Range<usize>> = Vec::new();
    for k in (0..words.len()).filter(|&k| active(k)) {
        let relates = |p: &&&Piece| {
            let near = p.words.start.saturating_sub(3) <= k && k < p.words.end + 3;
            let apposed = words.get(p.words.end).is_some_and(|w| w.comma_before)
                && (p.words.end..p.words.end + 9).contains(&k)
                && words[k].comma_before;
            near || apposed
        };
        let before = names.iter().filter(relates).filter(|p| p.words.end <= k).max_by_key(|p| p.words.end);
        let after = || names.iter().filter(relates).filter(|p| p.words.start > k).min_by_key(|p| p.words.start);
        if let Some(p) = before.or_else(after) {
            if !out.contains(&p.words) {
                out.push(p.words.clone());
            }
        }
    }
    for p in &names {
        let according = p.words.start >= 2
            && words[p.words.start - 2].lower == "according"
            && words[p.words.start - 1].lower == "to";
        if according && !out.contains(&p.words) {
            out.push(p.words.clone());
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// Finds the quoted words in one source; returns the sentence where the match starts (`None` for
/// a quote without content words), or why not.
pub(crate) fn find_quote(ix: &Index, quote: &[Word]) -> Result<Option<u32>, String> {
    let content: Vec<&Word> = quote.iter().filter(|w| !w.stop).collect();
    let Some(first) = content.first() else { return Ok(None) };
    let ids: Vec<Option<u32>> = content.iter().map(|w| ix.keys.get(&w.key)).collect();
    let missing: Vec<&str> =
        content.iter().zip(&ids).filter(|(_, id)| id.is_none()).map(|(w, _)| w.lower.as_str()).collect();
    if !missing.is_empty() {
        return Err(format!("no source has the quoted words \"{}\"", missing.join(" ")));
    }
    let ids: Vec<u32> = ids.into_iter().flatten().collect();
    let k0 = ix.keys.get(&first.key).unwrap_or(ids[0]);
    for &s in &ix.key_sents[k0 as usize] {
        let source = ix.sents[s as usize].source;
        for p in ix.sents[s as usize].words.clone() {
            if ix.words[p].key == k0 && matches_from(ix, p, source, &ids) {
                return Ok(Some(s));
            }
        }
    }
    Err("the sources have these words, but no source quotes them in this order".into())
}

/// True when the content words from global word position `p` on (in source `source`) have
/// the keys `ids`, in order.
fn matches_from(ix: &Index, mut p: usize, source: u32, ids: &[u32]) -> bool {
    for (j, &id) in ids.iter().enumerate() {
        if j > 0 {
            p += 1;
            while p < ix.words.len() && ix.words[p].term.is_none() && !ix.words[p].neg {
                p += 1;
            }
        }
        match ix.words.get(p) {
            Some(w) if w.key == id && ix.sents[w.sent as usize].source == source => {}
            _ => return false,
        }
    }
    true
}

/// Checks that speaker `sp` (summary words) is the source's speaker around sentence `anchor`;
/// returns why not.
pub(crate) fn check_speaker(ix: &Index, anchor: u32, sp: &[Word]) -> Option<String> {
    let keys: Vec<u32> = sp.iter().filter_map(|w| ix.keys.get(&w.key)).collect();
    let shown: Vec<&str> = sp.iter().map(|w| w.lower.as_str()).collect();
    let shown = shown.join(" ");
    if keys.is_empty() {
        return Some(format!("no source names the speaker \"{shown}\""));
    }
    // The sentence itself first: a name next to its reporting verb settles it. Only when it has
    // no named speaker ("he said", or a quote carried on from the sentence before) do the
    // neighbours speak for it.
    let mut names: Vec<u32> = Vec::new();
    let mut pronoun = false;
    let speaking = |s: u32, names: &mut Vec<u32>, pronoun: &mut bool| {
        let r = ix.sents[s as usize].words.clone();
        for p in r.clone().filter(|&p| ix.words[p].report) {
            for n in p.saturating_sub(8).max(r.start)..(p + 5).min(r.end) {
                let w = &ix.words[n];
                if ix.is_name(w.key) || w.cap_mid {
                    names.push(w.key);
                }
                *pronoun |= n.abs_diff(p) <= 2 && PRONOUNS.contains(&ix.keys.str(w.key));
            }
        }
    };
    speaking(anchor, &mut names, &mut pronoun);
    if names.is_empty() {
        for s in [anchor.wrapping_sub(1), anchor + 1] {
            if (s as usize) < ix.sents.len() && ix.near(anchor, s, 1) {
                speaking(s, &mut names, &mut pronoun);
            }
        }
    }
    if names.is_empty() || pronoun {
        for s in anchor.saturating_sub(3)..=anchor + 1 {
            if (s as usize) < ix.sents.len() && ix.near(anchor, s, 3) {
                let r = ix.sents[s as usize].words.clone();
                names.extend(r.filter(|&n| ix.is_name(ix.words[n].key)).map(|n| ix.words[n].key));
            }
        }
    }
    // A speaker is named by the last word of the name ("Mr Cameron", "David Cameron"): "Michael
    // Jong" is not "Michael Owen".
    if keys.last().is_some_and(|k| names.contains(k)) {
        return None;
    }
    let theirs = names.iter().find(|&&k| ix.is_name(k)).map(|&k| ix.keys.str(k).to_string());
    Some(match theirs {
        Some(t) => format!("the sources attribute this to \"{t}\", not to \"{shown}\""),
        None => format!("the sources do not attribute this to \"{shown}\""),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pieces::pieces;
    use crate::words::scan;
    use nutgraf_text::{Document, Span};

    fn words(s: &str) -> Vec<Word> {
        let mut out = Vec::new();
        scan(s, Span::new(0, s.len()), &mut out);
        out
    }

    #[test]
    fn quotes_and_speakers() {
        let src = vec![Document::new(
            "Mayor Ana Ruiz spoke on Monday. \"We don't close libraries,\" Ruiz said. Critic Tom Bell said the plan was weak.",
        )];
        let ix = Index::new(&src);
        let cases = vec![
            ("we do n't close libraries", Ok(1)),
            ("we close all schools", Err("no source")),
            ("libraries close", Err("order")),
        ];
        for (q, want) in cases {
            let got = find_quote(&ix, &words(q));
            match (got, want) {
                (Ok(s), Ok(w)) => assert_eq!(s, Some(w), "{q}"),
                (Err(e), Err(w)) => assert!(e.contains(w), "{q}: {e}"),
                (g, w) => panic!("{q}: got {g:?}, want {w:?}"),
            }
        }
        let cases = vec![
            ("ruiz said", 1, true),
            ("bell said", 1, false),
            ("bell said", 2, true),
            ("then Smith said", 1, false),
        ];
        for (s, anchor, ok) in cases {
            let w = words(s);
            let ps = pieces(&ix, s, &w, &[]);
            let sp = speakers(&w, &ps, &[]);
            assert_eq!(sp.len(), 1, "{s}");
            assert_eq!(check_speaker(&ix, anchor, &w[sp[0].clone()]).is_none(), ok, "{s} at {anchor}");
        }
        // One speaker per verb: the name before it, else the name after it (last words shown).
        let cases = vec![
            ("critic Bell claims Ruiz closed libraries", vec!["bell"]),
            ("the plan failed, said Bell", vec!["bell"]),
            ("Ruiz said Bell told Smith", vec!["ruiz", "bell"]),
        ];
        for (s, want) in cases {
            let w = words(s);
            let ps = pieces(&ix, s, &w, &[]);
            let got: Vec<&str> = speakers(&w, &ps, &[]).into_iter().map(|r| w[r.end - 1].lower.as_str()).collect();
            assert_eq!(got, want, "{s}");
        }
    }
}
