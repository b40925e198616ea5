//! Attribution: who said each quote, and indirect speech as attributed statements.
//!
//! For a quote the rules look, in this order, at
//!
//! 1. the **trail** after the closing mark in the same sentence: `"...," X said`, `"...," said X,
//!    the ...`, `"...," he explained`;
//! 2. the **lead** before the opening mark in the same sentence: `X said: "..."`, `X told Y that
//!    "..."`, `According to X, "..."`;
//! 3. the attribution before it in the same paragraph (a second quote of the same speaker), or a
//!    previous paragraph that ends `X said:`.
//!
//! A speaker phrase is a named mention (merged with the entity), a pronoun resolved to the nearest
//! earlier named person of compatible gender outside quotes, a description ("the governor")
//! resolved to the nearest person with that title, or else the description as written. A quote
//! with none of these stays unattributed. Indirect speech is in [`super::statements`], roles in
//! [`super::roles`].
//!
//! Spanish text (a token stream built with the Spanish lists, see [`crate::es`]) takes the same
//! rules with Spanish words ("según X", "de acuerdo con X", "que" for "that") and four turns of
//! its own, each guarded by the stream's `es` flag so English runs exactly as before: a dropped
//! subject ("Añadió que ...", "«...», insistió") is the nearest person named in this paragraph or
//! the one before; a verbless colon lead ("Reina fue más duro: «...»") is its subject; a bare
//! description ("—dijo el comerciante") falls back to the nearest person of the article's gender;
//! and the naming verb nearest a short quote ("calificó de «irreal»") makes it a scare quote.

use nutgraf_text::{Document, Span};
use serde::{Deserialize, Serialize};

use super::dates::DateMention;
use super::entities::{EntityKind, Ents, Gender, Mention};
use super::lexicon::{
    same_title, ACCORDING, CUE, M_ARTICLE, M_CONJ, M_NAMING, M_PLACE_PREP, M_PRONOUN, M_VENUE, M_WHO, ROLE,
};
use super::quotes::RawQuote;
use super::statements::Statement;
use super::tokens::Tokens;
use super::{DateRef, Quote};
use crate::es::lexicon::{
    ARTICLES as ARTICLES_ES, CONJ as CONJ_ES, NAMING as NAMING_ES, PLACE_PREPS as PLACE_PREPS_ES,
    PRONOUNS as PRONOUNS_ES, VENUES as VENUES_ES, WHO as WHO_ES,
};

/// How a speaker was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// Named in the attribution.
    Name,
    /// A pronoun ("he said"), resolved to the nearest compatible named person.
    Pronoun,
    /// A description ("the governor"), resolved to a person with that title when one is named.
    Description,
    /// Carried over from the attribution before, in the same paragraph.
    Previous,
}

/// Who made a statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The entity's name, or the description as written ("a city spokesman").
    pub name: String,
    /// The mention in the attribution: name, pronoun or description, as an original span.
    pub span: Span,
    /// Index of the entity in [`Extraction::entities`](super::Extraction::entities); `None` for a
    /// description, and always under [`Scope::Brief`](super::Scope::Brief), which builds no entity list.
    pub entity: Option<usize>,
    /// The speaker's role or title as the text gives it.
    pub role: Option<String>,
    /// The span of the role.
    pub role_span: Option<Span>,
    /// How the speaker was found.
    pub via: Via,
}

/// Verbs that introduce a quoted phrase as a name for something ("called it "a disgrace"").
pub(crate) static NAMING: &[&str] = &["called", "calling", "described", "describing", "dubbed", "labeled", "termed"];
pub(crate) static PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i"];
pub(crate) static ARTICLES: &[&str] = &["the", "a", "an"];
pub(crate) static WHO: &[&str] = &["who", "which", "whose"];
/// The prepositions that open the place of a statement ("aboard a campaign bus").
pub(crate) static PLACE_PREPS: &[&str] = &["at", "aboard", "in", "during", "outside", "inside", "before"];
/// The words a speaker phrase may open with that are not part of it ("and", "then").
pub(crate) static CONJ: &[&str] = &["and", "but", "then", "also", "later", "earlier"];
pub(crate) static VENUES: &[&str] = &[
    "address",
    "appearance",
    "briefing",
    "bus",
    "ceremony",
    "chamber",
    "conference",
    "courthouse",
    "debate",
    "event",
    "forum",
    "hall",
    "hearing",
    "interview",
    "meeting",
    "podcast",
    "rally",
    "session",
    "speech",
    "statement",
    "summit",
    "testimony",
    "visit",
];
const LOOK_BACK: usize = 400;

/// A speaker in token terms, before mapping to original spans. Its name is the entity's, or the
/// text of `span` when there is no entity ([`Ctx::name`]): made into a string only for the output
/// ([`Ctx::speaker`]), since most speakers found are tried and dropped or passed along.
#[derive(Clone, Copy, Debug)]
pub(super) struct Found {
    pub span: Span,
    pub entity: Option<usize>,
    pub via: Via,
}

/// What the attribution rules read: the document, its tokens, entities and dates.
pub(super) struct Ctx<'a, 'd> {
    pub doc: &'a Document<'d>,
    pub t: &'a Tokens<'a>,
    pub ents: &'a Ents,
    pub dates: &'a [DateMention],
}

/// Attributes `raw` quotes and finds statements; quotes with fewer than three words and no
/// attribution of their own (scare quotes, titles) are dropped.
pub(crate) fn attribute(
    doc: &Document<'_>,
    t: &Tokens<'_>,
    ents: &Ents,
    mut raw: Vec<RawQuote>,
    dates: &[DateMention],
) -> (Vec<Quote>, Vec<Statement>) {
    let cx = Ctx { doc, t, ents, dates };
    let mut quotes = Vec::with_capacity(raw.len());
    let mut statements = Vec::with_capacity(8);
    // Last attribution: (paragraph, speaker, date, ended with a colon).
    let mut last: Option<(u32, Found, Option<DateRef>, bool)> = None;
    let tok_at = |pos: usize| t.toks.partition_point(|x| x.span.start < pos);
    let mut qi = 0;
    let mut prev_after_tok = 0;
    // The token of the next quote's opening mark, searched once per quote rather than once per
    // sentence.
    let mut next_open = raw.first().map_or(usize::MAX, |q| tok_at(q.open));
    for s in 0..doc.sentences.len() {
        let (from, to) = t.sentence(s);
        let mut had_quote = false;
        while qi < raw.len() && next_open < to {
            let q = &raw[qi];
            qi += 1;
            had_quote = true;
            let open = next_open;
            let after = tok_at(q.after);
            let lead_from = from.max(prev_after_tok).min(open);
            prev_after_tok = after;
            let close_sent = t.toks.get(after.saturating_sub(1)).map_or(s, |x| x.sent as usize);
            next_open = raw.get(qi).map_or(usize::MAX, |n| tok_at(n.open));
            let trail_to = t.sentence(close_sent).1.min(next_open).max(after);
            let para = t.toks.get(open).map_or(0, |x| t.para(x));
            let trail = cx.trail(after, trail_to);
            // A quote of one or two words needs a real reporting verb: "called it a "disaster"" is
            // a scare quote, "said the plan was "dead on arrival"" is not.
            let short_ok = trail.is_some()
                || if t.es {
                    // "dijo ..., que calificó el plan de «irreal»": the naming verb nearest the
                    // quote makes it a scare quote.
                    (lead_from..open)
                        .rev()
                        .find(|&k| cx.cue(k) || t.is_lang(k, &[], NAMING_ES))
                        .is_some_and(|k| cx.cue(k))
                } else {
                    (lead_from..open).any(|k| cx.cue(k))
                };
            let mut found = trail.or_else(|| cx.lead(lead_from, open)).or_else(|| cx.colon_lead(lead_from, open));
            if found.as_ref().is_some_and(|f| f.entity.is_none() && is_document(cx.name(f), t.es)) {
                // "..., the statement said": the author of the statement named before.
                found = last.as_ref().map(|(_, f, _, _)| Found { via: Via::Previous, ..*f });
            }
            let own = found.is_some();
            if (own && short_ok) || q.words >= 3 {
                let mut date = found.as_ref().and_then(|_| cx.date_in(lead_from, open, after, trail_to));
                let place = if own { cx.place(lead_from, open).or_else(|| cx.place(after, trail_to)) } else { None };
                if found.is_none() {
                    let first_in_para = t.toks.get(open.wrapping_sub(1)).is_none_or(|x| t.para(x) != para);
                    if let Some((p, f, d, colon)) = &last {
                        if *p == para || (*colon && *p + 1 == para && first_in_para) {
                            found = Some(Found { via: Via::Previous, ..*f });
                            date = d.clone();
                        }
                    }
                }
                let cue = if own { cx.cue_span(lead_from, open, after, trail_to) } else { None };
                if let Some(f) = &found {
                    let colon = t.punct(open.wrapping_sub(1), b':') && after >= to;
                    last = Some((para, *f, date.clone(), colon));
                }
                let (span, closed) = (q.inner, q.closed);
                quotes.push(Quote {
                    span,
                    // Moved, not copied: each raw quote is read once.
                    parts: std::mem::take(&mut raw[qi - 1].parts),
                    closed,
                    sentence: s,
                    speaker: found.map(|f| cx.speaker(f)),
                    cue,
                    date,
                    place,
                });
            }
        }
        if had_quote || from == to {
            continue;
        }
        if let Some((st, f, date)) = cx.statement(s, from, to) {
            let colon = t.punct(to - 1, b':');
            last = Some((t.para(&t.toks[from]), f, date.clone(), colon));
            // `st.speaker` is already `cx.speaker(f)`.
            statements.push(Statement { date, ..st });
        } else if t.punct(to - 1, b':') {
            // "Reporter Jomana Karadsheh says:" or "17-year-old Jared Potts echoed:" introduces
            // the quote that opens the next paragraph.
            let f = match (from..to).find(|&k| cx.cue(k)) {
                Some(v) => cx.subject(from, v),
                None => cx.ents.within(from, to).iter().find(|m| cx.kind(m.ent) == EntityKind::Person).map(|m| Found {
                    span: m.span,
                    entity: Some(m.ent),
                    via: Via::Name,
                }),
            };
            if let Some(f) = f {
                last = Some((t.para(&t.toks[from]), f, None, true));
            }
        }
    }
    (quotes, statements)
}

impl Ctx<'_, '_> {
    pub(super) fn cue(&self, i: usize) -> bool {
        let tok = self.t.toks[i];
        tok.word() && !tok.quoted() && tok.flags & CUE != 0
    }

    /// `"...," X said` or `"...," said X`.
    fn trail(&self, from: usize, to: usize) -> Option<Found> {
        let t = self.t;
        let mut k = from;
        while k < to && !t.toks[k].word() {
            k += 1;
        }
        let start = k;
        let limit = to.min(start + 14);
        while k < limit && !t.punct(k, b'"') {
            if self.cue(k) {
                if k == start {
                    // "..., añadió." has its speaker in the verb.
                    return self.after_verb(k + 1, to).or_else(|| self.zero(k));
                }
                return self.subject(start, k);
            }
            k += 1;
        }
        None
    }

    /// `X said: "..."`, `According to X, "..."`.
    fn lead(&self, from: usize, to: usize) -> Option<Found> {
        let t = self.t;
        if let Some((_, b)) = self.first_source_cue(from, to) {
            let end = (b..to).find(|&k| !t.toks[k].word()).unwrap_or(to);
            return self.phrase(b, end);
        }
        let v =
            (from..to).rev().find(|&k| self.cue(k) || (!t.toks[k].quoted() && t.is_list(k, M_NAMING, NAMING_ES)))?;
        self.subject(from, v)
            .or_else(|| {
                // "said Mills: ..." with nothing before the verb.
                (v + 1 < to && t.toks[v + 1].word() && !t.is(v, "told")).then(|| self.after_verb(v + 1, to)).flatten()
            })
            .or_else(|| self.zero(v))
    }

    /// Spanish: "El portavoz, Jaime Reina, fue más duro: «...»": no reporting verb, but the
    /// sentence's subject introduces the quote with a colon. The subject is the person named
    /// first in the lead, outside quotes. English has no such rule.
    fn colon_lead(&self, from: usize, open: usize) -> Option<Found> {
        let t = self.t;
        if !t.es || open == 0 || !t.punct(open - 1, b':') || from >= open {
            return None;
        }
        let m = self
            .ents
            .within(from, open)
            .iter()
            .find(|m| !t.toks[m.first].quoted() && self.kind(m.ent) == EntityKind::Person)?;
        Some(Found { span: m.span, entity: Some(m.ent), via: Via::Name })
    }

    /// The first [`Ctx::source_cue`] in tokens `[from, to)`. In English only the word
    /// "according" can open one: sentences without it ([`ACCORDING`]) are passed over whole, and
    /// in the others the tokens of another length than its nine bytes.
    pub(super) fn first_source_cue(&self, from: usize, to: usize) -> Option<(usize, usize)> {
        let t = self.t;
        if t.es {
            return (from..to).find_map(|k| self.source_cue(k));
        }
        let (Some(a), Some(b)) = (t.toks.get(from), to.checked_sub(1).and_then(|k| t.toks.get(k))) else {
            return None;
        };
        if from >= to || t.sent_flags[a.sent as usize..=b.sent as usize].iter().all(|f| u32::from(*f) & ACCORDING == 0)
        {
            return None;
        }
        (from..to).filter(|&k| t.toks[k].span.len() == 9).find_map(|k| self.source_cue(k))
    }

    /// The attribution cue "according to" (English), "según" or "de acuerdo con" (Spanish) at
    /// token `k`: its first token and the token after it.
    pub(super) fn source_cue(&self, k: usize) -> Option<(usize, usize)> {
        let t = self.t;
        let tok = t.toks.get(k)?;
        if !tok.word() || tok.quoted() {
            return None;
        }
        if !t.es {
            return (t.is(k, "according") && t.is(k + 1, "to")).then_some((k, k + 2));
        }
        if t.is_lang(k, &[], &["según"]) {
            return Some((k, k + 1));
        }
        (t.is_lang(k, &[], &["de"]) && t.is(k + 1, "acuerdo") && t.is(k + 2, "con")).then_some((k, k + 3))
    }

    /// Spanish drops subject pronouns: "Añadió que ...", "..., insistió." The speaker is the
    /// nearest person named before the verb at `v`, outside quotes. English has no such rule.
    pub(super) fn zero(&self, v: usize) -> Option<Found> {
        let t = self.t;
        if !t.es {
            return None;
        }
        // Only a person named in this paragraph or the one before: further back, the dropped
        // subject is more likely someone the rules did not recognize.
        let m = self.recent_person(v)?;
        Some(Found { span: t.toks[v].span, entity: Some(m.ent), via: Via::Pronoun })
    }

    /// The subject before the verb at `v`, within `[from, v)`, skipping an appositive or
    /// relative clause set off by commas.
    pub(super) fn subject(&self, from: usize, v: usize) -> Option<Found> {
        let t = self.t;
        let gerund = if t.es { t.s(v).ends_with("ando") || t.s(v).ends_with("iendo") } else { t.s(v).ends_with("ing") };
        if gerund && v > from && t.punct(v - 1, b',') {
            // "Trump returned the compliment to Adelson, telling Reuters": the clause's subject is
            // its first name, not the nearest one.
            let ms = self.ents.within(from, v);
            if let Some(m) =
                ms.iter().find(|m| matches!(self.kind(m.ent), EntityKind::Person | EntityKind::Organization))
            {
                return Some(Found { span: m.span, entity: Some(m.ent), via: Via::Name });
            }
        }
        let mut end = v;
        let mut inner = None;
        if end > from && t.punct(end - 1, b',') {
            let open = (from..end - 1).rev().take(25).find(|&k| t.punct(k, b','));
            if let Some(c) = open {
                inner = Some((c + 1, end - 1));
            }
            end = open.unwrap_or(end - 1);
        }
        // "her husband, Victor Perez, added": a description, then the name in apposition.
        if let Some((a, b)) = inner {
            let named =
                |x: usize, y: usize| self.ents.within(x, y).iter().any(|m| self.kind(m.ent) != EntityKind::Place);
            let mut start = end;
            while start > from && t.toks[start - 1].word() && !t.toks[start - 1].quoted() {
                start -= 1;
            }
            if !named(start, end) && named(a, b) && !t.is_list(a, M_WHO, WHO_ES) {
                return self.phrase(a, b);
            }
            // "El presidente de la Confederación, Joaquín Serrano, defendió": the description
            // names an organization, the apposition the person.
            let person =
                |x: usize, y: usize| self.ents.within(x, y).iter().any(|m| self.kind(m.ent) == EntityKind::Person);
            if t.es && !person(start, end) && person(a, b) && (start..end).any(|k| t.on(k, ROLE)) {
                return self.phrase(a, b);
            }
        }
        let mut start = end;
        while start > from && start + 12 > end && t.toks[start - 1].word() && !t.toks[start - 1].quoted() {
            start -= 1;
        }
        if let Some(f) = self.phrase(start, end) {
            return Some(f);
        }
        // "Maria Lopez, who now chairs the council, said": the name before the first comma.
        let first_comma = (from..v).find(|&k| t.punct(k, b','))?;
        self.phrase(from, first_comma)
    }

    /// The speaker after a verb: `said port director Helen Osei`, `said he`.
    pub(super) fn after_verb(&self, from: usize, to: usize) -> Option<Found> {
        let t = self.t;
        let end =
            (from..to).take(10).find(|&k| !t.toks[k].word() || (t.es && t.is(k, "que"))).unwrap_or(to.min(from + 10));
        let head = (from..end).find(|&k| self.mention_at(k).is_some_and(|m| self.kind(m) == EntityKind::Person));
        if t.es && head.is_none() && t.punct(end, b',') {
            // "afirmó el consejero de Hacienda, Martín Rubio": the name in apposition.
            let to2 = (end + 1..to).take(6).find(|&k| !t.toks[k].word()).unwrap_or(to.min(end + 6));
            if let Some(k) =
                (end + 1..to2).find(|&k| self.mention_at(k).is_some_and(|m| self.kind(m) == EntityKind::Person))
            {
                return self.phrase(k, to2);
            }
        }
        match head {
            Some(k) => self.phrase(k, end),
            None => self.phrase(from, end),
        }
    }

    /// The first mention starting at token `k`.
    fn mention_at(&self, k: usize) -> Option<usize> {
        let ms = self.ents.within(k, k + 40);
        ms.first().filter(|m| m.first == k).map(|m| m.ent)
    }

    pub(super) fn kind(&self, ent: usize) -> EntityKind {
        self.ents.list[ent].kind
    }

    /// Reads a speaker phrase `[from, to)`: a mention, a pronoun or a description.
    pub(super) fn phrase(&self, from: usize, to: usize) -> Option<Found> {
        let t = self.t;
        if from >= to {
            return None;
        }
        let ms = self.ents.within(from, to);
        let pick = ms
            .iter()
            .rev()
            .find(|m| self.kind(m.ent) == EntityKind::Person)
            .or_else(|| ms.iter().rev().find(|m| self.kind(m.ent) == EntityKind::Organization));
        if let Some(m) = pick {
            if self.kind(m.ent) == EntityKind::Person || m.end == to {
                return Some(Found { span: m.span, entity: Some(m.ent), via: Via::Name });
            }
        }
        if to - from == 1 && t.is_list(from, M_PRONOUN, PRONOUNS_ES) {
            return Some(self.pronoun(from));
        }
        let mut a = from;
        while a < to && t.is_list(a, M_CONJ, CONJ_ES) {
            a += 1;
        }
        if a >= to || to - a > 7 || !(a..to).all(|k| t.toks[k].word()) {
            return None;
        }
        if t.stop(to - 1) && !t.is_list(to - 1, M_PRONOUN, PRONOUNS_ES) {
            return None;
        }
        // English month and weekday names are date words, so only Spanish text compares names.
        if (a..to).all(|k| t.on(k, super::lexicon::DATE) || (t.es && super::date_parse::is_calendar_word(t.s(k))))
            || t.s(a).as_bytes()[0].is_ascii_digit()
        {
            return None; // "said Saturday", "said 12"
        }
        let span = Span::new(t.toks[a].span.start, t.toks[to - 1].span.end);
        let bare = (to - a == 1 || (to - a == 2 && t.is_list(a, M_ARTICLE, ARTICLES_ES))) && t.on(to - 1, ROLE);
        if bare {
            if let Some(m) = self.titled(a, &t.s(to - 1).to_ascii_lowercase()) {
                return Some(Found { span, entity: Some(m), via: Via::Description });
            }
        }
        if t.es && to - a == 2 && t.is_lang(a, &[], &["el", "la"]) {
            // "—dijo el comerciante": Spanish refers back to the person just named by what they
            // are; the nearest person of the article's gender in this paragraph or the one before.
            if let Some(m) = self.described(a) {
                return Some(Found { span, entity: Some(m), via: Via::Description });
            }
        }
        Some(Found { span, entity: None, via: Via::Description })
    }

    /// Resolves the pronoun at token `k`.
    fn pronoun(&self, k: usize) -> Found {
        let t = self.t;
        let span = t.toks[k].span;
        let want = if t.is_lang(k, &["he"], &["él"]) {
            Some(Gender::Male)
        } else if t.is_lang(k, &["she"], &["ella"]) {
            Some(Gender::Female)
        } else {
            None
        };
        let org = !t.es && t.is(k, "it");
        if want.is_some() || org {
            for m in self.recent(k) {
                if t.toks[m.first].quoted() {
                    continue;
                }
                let e = &self.ents.list[m.ent];
                let ok = if org {
                    e.kind == EntityKind::Organization
                } else {
                    e.kind == EntityKind::Person
                        && (e.gender.is_none() || e.gender == want || e.gender == Some(Gender::Any))
                };
                if ok {
                    return Found { span, entity: Some(m.ent), via: Via::Pronoun };
                }
            }
        }
        Found { span, entity: None, via: Via::Pronoun }
    }

    /// The nearest person before the Spanish description at token `k` ("el comerciante") whose
    /// gender agrees with its article, in the same paragraph or the one before.
    fn described(&self, k: usize) -> Option<usize> {
        let t = self.t;
        let want = if t.is(k, "el") { Gender::Male } else { Gender::Female };
        let m = self.recent_person(k)?;
        let g = self.ents.list[m.ent].gender;
        (g.is_none() || g == Some(want) || g == Some(Gender::Any)).then_some(m.ent)
    }

    /// The entity mentions a back-reference at token `k` may point at, nearest first: at most
    /// `LOOK_BACK` of them, from the `LOOK_BACK * 4` tokens before it.
    fn recent(&self, k: usize) -> impl Iterator<Item = &Mention> + '_ {
        self.ents.within(k.saturating_sub(LOOK_BACK * 4), k).iter().rev().take(LOOK_BACK)
    }

    /// The nearest person mentioned outside quotes before token `k`, in its paragraph or the one
    /// before (further back, the reference is more likely to someone the rules did not recognize).
    fn recent_person(&self, k: usize) -> Option<&Mention> {
        let t = self.t;
        let para = t.para(&t.toks[k]);
        self.recent(k)
            .take_while(|m| t.para(&t.toks[m.first]) + 1 >= para)
            .find(|m| !t.toks[m.first].quoted() && self.kind(m.ent) == EntityKind::Person)
    }

    /// The nearest person before token `k` whose role includes `noun`.
    fn titled(&self, k: usize, noun: &str) -> Option<usize> {
        self.recent(k).map(|m| m.ent).find(|&e| {
            let ent = &self.ents.list[e];
            ent.kind == EntityKind::Person
                && ent
                    .role
                    .is_some_and(|r| self.t.text[r].split(|c: char| !c.is_alphanumeric()).any(|w| same_title(w, noun)))
        })
    }

    /// The name of the speaker `f`: its entity's name, else its span's text as written.
    pub(super) fn name(&self, f: &Found) -> &str {
        match f.entity {
            Some(e) => &self.t.text[self.ents.list[e].name],
            None => &self.t.text[f.span],
        }
    }

    pub(super) fn speaker(&self, f: Found) -> Speaker {
        let role = f.entity.and_then(|e| self.ents.list[e].role).map(|r| self.doc.text.to_original(r));
        Speaker {
            name: self.name(&f).to_string(),
            span: self.doc.text.to_original(f.span),
            entity: f.entity,
            role: role.map(|r| self.doc.text.original()[r].to_string()),
            role_span: role,
            via: f.via,
        }
    }

    /// The cue verb in the trail or the lead.
    fn cue_span(&self, lead: usize, open: usize, after: usize, trail: usize) -> Option<Span> {
        let t = self.t;
        let k = (after..trail.min(after + 14))
            .find(|&k| self.cue(k))
            .or_else(|| (lead..open).rev().find(|&k| self.cue(k) || self.source_cue(k).is_some()))?;
        Some(self.doc.text.to_original(t.toks[k].span))
    }

    /// A date mention in the attribution around a quote (outside the quote).
    fn date_in(&self, lead: usize, open: usize, after: usize, trail: usize) -> Option<DateRef> {
        let t = self.t;
        let ranges = [(lead, open), (after, trail)];
        ranges.iter().filter(|(a, b)| a < b).find_map(|&(a, b)| {
            let span = self.doc.text.to_original(Span::new(t.toks[a].span.start, t.toks[b - 1].span.end));
            date_within(self.dates, span)
        })
    }

    /// A place or occasion phrase ("aboard a campaign bus") in `[from, to)`.
    fn place(&self, from: usize, to: usize) -> Option<Span> {
        let t = self.t;
        for k in from..to {
            // The article after the preposition is a stop word: one test turns most tokens away
            // before any word is compared.
            if !t.es && !t.toks.get(k + 1).is_some_and(|n| n.stop()) {
                continue;
            }
            if !t.is_list(k, M_PLACE_PREP, PLACE_PREPS_ES) || !t.is_list(k + 1, M_ARTICLE, ARTICLES_ES) {
                continue;
            }
            let end = (k + 2..to).take(10).find(|&j| !t.toks[j].word() || self.cue(j)).unwrap_or(to.min(k + 12));
            let venue = (k + 2..end).any(|j| t.is_list(j, M_VENUE, VENUES_ES))
                || self.ents.within(k + 2, end).iter().any(|m| self.kind(m.ent) == EntityKind::Place);
            if venue && end > k + 2 {
                return Some(self.doc.text.to_original(Span::new(t.toks[k].span.start, t.toks[end - 1].span.end)));
            }
        }
        None
    }
}

/// The first date mention inside `span` (`dates` in text order), by binary search.
pub(super) fn date_within(dates: &[DateMention], span: Span) -> Option<DateRef> {
    let k = dates.partition_point(|d| d.span.start < span.start);
    dates.get(k).filter(|d| span.contains(d.span)).map(|d| DateRef { span: d.span, value: d.value.clone() })
}

/// True for descriptions that name a document rather than a person ("the statement", "el
/// comunicado").
fn is_document(name: &str, es: bool) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    if es {
        let last = last.to_lowercase();
        return matches!(last.as_str(), "comunicado" | "nota" | "informe" | "carta" | "escrito" | "documento");
    }
    let last = last.to_ascii_lowercase();
    matches!(last.as_str(), "statement" | "release" | "letter" | "report" | "filing" | "post" | "memo")
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use nutgraf_text::Document;

    #[test]
    fn articles_are_stop_words() {
        // [`Ctx::place`] turns away tokens not followed by a stop word before comparing words.
        assert!(super::ARTICLES.iter().all(|w| nutgraf_text::is_stop_word(w)));
    }

    #[test]
    fn attribution_forms() {
        let cases: Vec<(&str, Vec<Option<&str>>)> = vec![
            ("\"We will win,\" Mayor Ana Ruiz said.", vec![Some("Ana Ruiz")]),
            ("\"We will win,\" said port director Helen Osei.", vec![Some("Helen Osei")]),
            ("Tom Park said: \"We will not back down.\"", vec![Some("Tom Park")]),
            ("According to Tom Park, \"the plan is dead now.\"", vec![Some("Tom Park")]),
            (
                "Maria Lopez spoke first. \"People here have watched it fall,\" she explained.",
                vec![Some("Maria Lopez")],
            ),
            (
                "John Carter spoke. Maria Lopez, who chairs the council, said: \"We asked for years.\"",
                vec![Some("Maria Lopez")],
            ),
            ("\"Nobody knows who said this at all.\"", vec![None]),
            ("He called it a \"disaster\" for the town.", vec![]),
            ("\"Judge,\" Brafman said, \"I have never had that happen.\"", vec![Some("Brafman"), Some("Brafman")]),
            (
                "Gov. Jane Mills spoke. \"We will fix it,\" the governor said. \"Soon enough, too.\"",
                vec![Some("Jane Mills"), Some("Jane Mills")],
            ),
        ];
        for (input, expected) in cases {
            let doc = Document::new(input);
            let x = extract(&doc, None);
            let got: Vec<Option<&str>> = x.quotes.iter().map(|q| q.speaker.as_ref().map(|s| s.name.as_str())).collect();
            assert_eq!(got, expected, "{input:?}");
        }
    }
}
