//! People, organizations and places, with every mention, name variants merged.
//!
//! Candidates are runs of capitalized words in one sentence ("Acting Transportation Secretary
//! John Carter", "Department of Transportation", "Gov. Mills"). A run is
//!
//! * a **person** when it holds a first name from the census gazetteer followed by more name
//!   words, or a title or honorific followed by a name ("Gov. Mills", "Ms. Mills"), or a name that
//!   is the subject of a reporting verb ("Brafman said"), or a surname of a person already named;
//! * an **organization** when it holds an organization word (Council, Department, Inc ...) or is an
//!   acronym (FBI);
//! * a **place** when the GeoNames gazetteer lists it.
//!
//! People merge by surname: "Governor Jane Mills", "Mills" and "Ms. Mills" are one entity, whose
//! name is the longest form without titles. A bare surname refers to the person with that surname
//! mentioned most recently. A person's role is the title the text puts before the name ("Retired
//! FBI agent", "Budget chief") or an appositive after it (", the budget chief,").

use nutgraf_text::{Document, Span};
use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::gaz_names::FIRST_NAMES;
use super::gaz_places::PLACES;
use super::lexicon::{self, NameTable, CONN, CUE, HONOR, ORG, ROLE};
use super::tokens::Tokens;

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organization: agency, company, council, party, newspaper ...
    Organization,
    /// A country, region or city.
    Place,
}

/// The gender a first name or honorific signals (used only to resolve "he" and "she").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// Usually male.
    Male,
    /// Usually female.
    Female,
    /// Either.
    Any,
}

/// What kind of place a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A country (or a common short form: "Britain", "U.S.").
    Country,
    /// A US state, territory or world region.
    Region,
    /// A city of 250,000 people or more.
    City,
}

/// A person, organization or place with all its mentions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Person, organization or place.
    pub kind: EntityKind,
    /// The fullest name the text gives, without titles ("Jane Mills").
    pub name: String,
    /// Every mention, in order, as original spans of the name as written.
    pub mentions: Vec<Span>,
    /// A person's role or title as the text gives it ("Retired FBI agent").
    pub role: Option<String>,
    /// The span of the role.
    pub role_span: Option<Span>,
    /// The gender the first name or honorific signals, for people.
    pub gender: Option<Gender>,
}

/// A mention, in tokens.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mention {
    pub ent: usize,
    /// First and one-past-last token of the name.
    pub first: usize,
    pub end: usize,
    /// Normalized span of the name.
    pub span: Span,
}

#[derive(Clone, Debug)]
pub(crate) struct Ent {
    pub kind: EntityKind,
    /// The name as written at its longest mention, a normalized span (a string only in the
    /// public [`Entity`], which most briefs never build).
    pub name: Span,
    /// The first name as a normalized span (compared by its text).
    pub first_name: Option<Span>,
    pub gender: Option<Gender>,
    /// Role as a normalized span.
    pub role: Option<Span>,
}

/// Entities and mentions of one document.
#[derive(Debug, Default)]
pub(crate) struct Ents {
    pub list: Vec<Ent>,
    /// Sorted by first token.
    pub mentions: Vec<Mention>,
}

impl Ents {
    /// Mentions whose tokens lie in `[from, to)`.
    pub fn within(&self, from: usize, to: usize) -> &[Mention] {
        let a = self.mentions.partition_point(|m| m.first < from);
        let b = self.mentions.partition_point(|m| m.first < to);
        let b = b.max(a);
        let mut end = b;
        while end > a && self.mentions[end - 1].end > to {
            end -= 1;
        }
        &self.mentions[a..end]
    }

    /// The public entities, with original spans.
    pub fn into_public(self, doc: &Document<'_>) -> Vec<Entity> {
        let text = doc.text.original();
        let Ents { list, mentions } = self;
        // Each entity's mention list sized once.
        let mut counts = vec![0usize; list.len()];
        for m in &mentions {
            counts[m.ent] += 1;
        }
        let mut out: Vec<Entity> = list
            .into_iter()
            .zip(&counts)
            .map(|(e, &n)| {
                let role_span = e.role.map(|r| doc.text.to_original(r));
                Entity {
                    kind: e.kind,
                    name: doc.text.normalized()[e.name].to_string(),
                    mentions: Vec::with_capacity(n),
                    role: role_span.map(|r| text[r].to_string()),
                    role_span,
                    gender: e.gender,
                }
            })
            .collect();
        for m in &mentions {
            out[m.ent].mentions.push(doc.text.to_original(m.span));
        }
        out
    }
}

static FIRST: LazyLock<NameTable<Gender>> = LazyLock::new(|| NameTable::new(FIRST_NAMES));
static PLACE: LazyLock<NameTable<bool>> =
    LazyLock::new(|| NameTable::new(&PLACES.iter().map(|&(n, _)| (n, true)).collect::<Vec<_>>()));

/// The gender of the first name `w`, the text at byte `start` of `t`'s normalized text.
fn first_name(t: &Tokens<'_>, start: usize, w: &str) -> Option<Gender> {
    FIRST.get_at(t.text, start, w)
}

/// Whether the gazetteer lists the place `name`, the text at byte `start` of `t`'s normalized
/// text.
fn place(t: &Tokens<'_>, start: usize, name: &str) -> bool {
    PLACE.get_at(t.text, start, name).is_some()
}

/// The first-name code of the word `text[w]`: what [`Builder::first_name_at`] answers for it
/// (possessive stripped; in Spanish text also the Spanish list), as 0 (no first name), 1 male,
/// 2 female or 3 either. Worked out once per distinct capitalized word while tokenizing.
pub(crate) fn first_name_code(text: &str, w: Span, es: bool) -> u8 {
    let word = strip_possessive(&text[w]);
    let g = FIRST.get_at(text, w.start, word).or_else(|| if es { crate::es::lexicon::first_name(word) } else { None });
    match g {
        None => 0,
        Some(Gender::Male) => 1,
        Some(Gender::Female) => 2,
        Some(Gender::Any) => 3,
    }
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s").or_else(|| s.strip_suffix('\'')).unwrap_or(s)
}

/// A name as the maps of surnames and organization and place names key it: its lowercase form.
/// Short ASCII forms (nearly all names) are packed into one integer with their length, so that a
/// lookup neither allocates nor hashes a string; the others are the lowercase string.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Short(u128, u8),
    Long(String),
}

/// The [`Key`] of `s`, the text at byte `start` of `t`'s normalized text: `s.to_lowercase()`
/// (for ASCII, `to_ascii_lowercase`), packed when short (read in place, in one load).
fn lower_key(t: &Tokens<'_>, start: usize, s: &str) -> Key {
    if let Some(k) = lexicon::lower_packed_at(t.text.as_bytes(), start, start + s.len()) {
        return Key::Short(k, s.len() as u8);
    }
    let lower = if s.is_ascii() { s.to_ascii_lowercase() } else { s.to_lowercase() };
    match lexicon::lower_packed(lower.as_bytes()) {
        Some(k) => Key::Short(k, lower.len() as u8),
        None => Key::Long(lower),
    }
}

fn is_acronym(s: &str) -> bool {
    (2..=6).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase()) && !matches!(s, "US" | "UK" | "TV")
}

/// The sentence openers that start no name when capitalized ("According to ...", "But ...").
pub(crate) static OPENERS: &[&str] = &["according", "but", "when", "while"];

struct Builder<'t, 'd> {
    t: &'t Tokens<'d>,
    ents: Ents,
    /// Lowercase surname -> person entities with it, most recent last.
    surnames: FxHashMap<Key, Vec<usize>>,
    /// Lowercase name -> organization or place entity.
    named: FxHashMap<Key, usize>,
    /// Word tokens of the run being classified (reused).
    words: Vec<usize>,
    /// The surname key [`Builder::classify_words`] built for a lone one-token run, kept for
    /// [`Builder::surname_only`] when the run is left to it.
    lone_key: Option<Key>,
}

/// Finds the entities of the document tokenized as `t`.
pub(crate) fn find(_doc: &Document<'_>, t: &Tokens<'_>) -> Ents {
    let mut b = Builder {
        t,
        // Sized for a news article, so that most never grow (growth was a tenth of the
        // extractor's allocations).
        ents: Ents { list: Vec::with_capacity(32), mentions: Vec::with_capacity(64) },
        surnames: FxHashMap::with_capacity_and_hasher(32, Default::default()),
        named: FxHashMap::with_capacity_and_hasher(32, Default::default()),
        words: Vec::with_capacity(8),
        lone_key: None,
    };
    let mut pending = Vec::with_capacity(16);
    // Runs start at capitalized words and end in their sentence: visit the capitalized words
    // that no run before has taken.
    let mut i = 0;
    for &c in &t.caps {
        let c = c as usize;
        if c < i {
            continue;
        }
        i = c;
        let end = b.run_end(i, t.sentence(t.toks[i].sent as usize).1);
        if end > i {
            if !b.classify(i, end) {
                pending.push((i, end, b.lone_key.take()));
            }
            i = end;
        } else {
            i += 1;
        }
    }
    for (i, end, key) in pending {
        b.surname_only(i, end, key);
    }
    b.ents.mentions.sort_by_key(|m| m.first);
    for k in 0..b.ents.mentions.len() {
        let m = b.ents.mentions[k];
        if b.ents.list[m.ent].kind == EntityKind::Person
            && b.ents.list[m.ent].role.is_none()
            && !t.toks[m.first].quoted()
        {
            b.ents.list[m.ent].role = if t.es {
                crate::es::roles::role_of(t, m.first, m.end)
            } else {
                super::roles::role_of(t, m.first, m.end)
            };
        }
    }
    b.ents
}

impl Builder<'_, '_> {
    /// One past the last token of the capitalized run starting at `i` (`i` when none starts).
    fn run_end(&mut self, i: usize, to: usize) -> usize {
        let t = self.t;
        let tok = t.toks[i];
        if !tok.word() || !tok.cap() {
            return i;
        }
        let start = i;
        // Evaluated in full rather than short-circuited: each test goes either way.
        let after_mark = i.checked_sub(1).is_some_and(|p| t.toks[p].first() & t.punct(p, b'"'));
        let opens = tok.first() | after_mark;
        if opens && (t.stop(i) || t.is_list(i, lexicon::M_OPENER, &["según", "pero", "cuando", "mientras"])) {
            return i;
        }
        let mut j = start + 1;
        let mut org = t.on(start, ORG);
        while j < to {
            let n = t.toks[j];
            if n.word() && n.cap() {
                org |= t.on(j, ORG);
                j += 1;
                continue;
            }
            let next_cap = t.toks.get(j + 1).is_some_and(|x| x.word() & x.cap() & (x.sent == n.sent));
            let glued = t.toks[j - 1].span.end == n.span.start;
            if glued & t.punct(j, b'.') {
                let prev = t.s(j - 1);
                let abbrev = prev.len() == 1
                    || t.on(j - 1, HONOR)
                    || (prev.len() <= 4 && t.on(j - 1, ROLE))
                    || prev == "St"
                    || prev == "Jr";
                if abbrev && next_cap {
                    j += 1;
                    continue;
                }
                if abbrev && (prev.len() == 1 || prev == "Jr") {
                    j += 1;
                }
                break;
            }
            if !n.word() && glued && t.punct(j, b'-') && next_cap {
                j += 1;
                continue;
            }
            if n.word() && org && next_cap && t.on(j, CONN) {
                j += 1;
                continue;
            }
            if t.es && n.word() && !org {
                // Spanish name particles: "Ana de la Fuente", "Juan del Valle".
                let after_la = t.is_lang(j + 1, &[], &["la", "las", "los"])
                    && t.toks.get(j + 2).is_some_and(|x| x.word() && x.cap() && x.sent == n.sent);
                let named = (start..j).any(|k| self.first_name_at(k).is_some());
                if named && t.is_lang(j, &[], &["de", "del"]) && (next_cap || (t.is(j, "de") && after_la)) {
                    j += if next_cap { 1 } else { 2 };
                    continue;
                }
                // "José Ortega y Gasset": "y" between two surnames, unless a first name follows
                // ("Ana Ruiz y Pedro Gómez" are two people).
                let surnames = (start..j).filter(|&k| t.toks[k].word() && t.toks[k].cap()).count() >= 2;
                let next_name = next_cap && self.first_name_at(j + 1).is_some();
                if named && surnames && next_cap && !next_name && t.is(j, "y") && !t.on(j + 1, ORG) {
                    j += 1;
                    continue;
                }
            }
            break;
        }
        j
    }

    /// Classifies the run `[i, end)`; false when it is a lone name to resolve after every person
    /// is known.
    fn classify(&mut self, i: usize, end: usize) -> bool {
        let t = self.t;
        let mut words = std::mem::take(&mut self.words);
        words.clear();
        words.extend((i..end).filter(|&k| t.toks[k].word()));
        let found = self.classify_words(i, end, &words);
        self.words = words;
        found
    }

    fn classify_words(&mut self, i: usize, end: usize, words: &[usize]) -> bool {
        let t = self.t;
        // A first name followed by at least one more name word.
        if let Some(p) = words.iter().position(|&k| self.first_name_at(k).is_some()) {
            let rest = &words[p + 1..];
            let titled = rest.last().is_some_and(|&k| t.on(k, ROLE));
            if !rest.is_empty() && !titled && !rest.iter().any(|&k| self.org_word(k)) && !place_run(t, &words[p..]) {
                // (English looks the gender up without stripping a possessive, as it always has.)
                let w = t.s(words[p]);
                let name = if t.es || strip_possessive(w).len() == w.len() {
                    self.first_name_at(words[p])
                } else {
                    first_name(t, t.toks[words[p]].span.start, w)
                };
                let gender = name.filter(|g| *g != Gender::Any);
                let gender = self.honorific_before(words[p]).flatten().or(gender);
                self.person(words[p], end, Some(t.toks[words[p]].span), gender);
                return true;
            }
        }
        // Spanish: a lone first name set off by a comma ("Francisco, dueño de un bar, ...", "Matías,
        // de nueve años, ..."), as news names children and people who keep their surname.
        if t.es && words.len() == 1 && t.punct(end, b',') && self.first_name_at(words[0]).is_some() {
            // "Su hermana Pilar, ...": a person already named with this first name.
            let k = words[0];
            let known = self.ents.list.iter().rposition(|e| {
                e.kind == EntityKind::Person
                    && e.first_name.is_some_and(|f| t.text[f] == *t.s(k))
                    && e.name.len() > t.s(k).len()
            });
            if let Some(ent) = known {
                self.ents.mentions.push(Mention { ent, first: k, end: k + 1, span: t.toks[k].span });
                return true;
            }
            let gender = self.first_name_at(k).filter(|g| *g != Gender::Any);
            self.person(k, end, Some(t.toks[k].span), gender);
            return true;
        }
        // A title or honorific followed by a name.
        if let Some(p) = words.iter().rposition(|&k| t.on(k, HONOR | ROLE)) {
            let rest = &words[p + 1..];
            if !rest.is_empty() && !rest.iter().any(|&k| self.org_word(k)) {
                let gender = self.honorific(t.s(words[p])).flatten();
                self.person(rest[0], end, None, gender);
                return true;
            }
        }
        let lone_opener =
            words.len() == 1 && t.toks[i].first() && t.toks.get(end).is_some_and(|n| n.word() && !n.cap());
        if words.iter().any(|&k| self.org_word(k)) && !lone_opener {
            self.other(EntityKind::Organization, i, end);
            return true;
        }
        let text = &t.text[Span::new(t.toks[i].span.start, t.toks[end - 1].span.end)];
        self.lone_key = None;
        if words.len() == 1 {
            let key = lower_key(t, t.toks[i].span.start, strip_possessive(text));
            let known = self.surnames.contains_key(&key);
            // A run of one token: the key `surname_words` asks about, should the run be left to it.
            if end == i + 1 {
                self.lone_key = Some(key);
            }
            if known {
                return false; // a surname already named ("Bello said"), even if a city has that name
            }
        }
        if place(t, t.toks[i].span.start, strip_possessive(text)) || (t.es && crate::es::lexicon::place(text)) {
            self.other(EntityKind::Place, i, end);
            return true;
        }
        let mut any = false;
        for &k in words {
            if is_acronym(t.s(k)) {
                self.other(EntityKind::Organization, k, k + 1);
                any = true;
            } else if words.len() > 1
                && (place(t, t.toks[k].span.start, strip_possessive(t.s(k)))
                    || (t.es && crate::es::lexicon::place(t.s(k))))
            {
                self.other(EntityKind::Place, k, k + 1);
                any = true;
            }
        }
        any
    }

    fn org_word(&mut self, k: usize) -> bool {
        self.t.on(k, ORG)
    }

    /// The gender of the first name at token `k` (census list; in Spanish text also the Spanish
    /// list).
    #[inline(always)]
    fn first_name_at(&self, k: usize) -> Option<Gender> {
        let tok = self.t.toks[k];
        if tok.word() && tok.cap() {
            // Looked up once per distinct word by the tokenizer.
            return match tok.name() {
                0 => None,
                1 => Some(Gender::Male),
                2 => Some(Gender::Female),
                _ => Some(Gender::Any),
            };
        }
        let w = strip_possessive(self.t.s(k));
        first_name(self.t, self.t.toks[k].span.start, w).or_else(|| {
            if self.t.es {
                crate::es::lexicon::first_name(w)
            } else {
                None
            }
        })
    }

    /// The honorific `word` names (any case), in the text's language.
    fn honorific(&self, word: &str) -> Option<Option<Gender>> {
        if self.t.es {
            crate::es::lexicon::honorific(&word.to_lowercase())
        } else {
            lexicon::honorific(&word.to_ascii_lowercase())
        }
    }

    /// The honorific right before token `k` ("Ms. Mills"), if any.
    fn honorific_before(&self, k: usize) -> Option<Option<Gender>> {
        let t = self.t;
        let h = if k >= 2 && t.punct(k - 1, b'.') { k - 2 } else { k.checked_sub(1)? };
        if !t.on(h, HONOR) {
            return None;
        }
        self.honorific(t.s(h))
    }

    /// A lone capitalized run: a known surname, or a name before a reporting verb.
    fn surname_only(&mut self, i: usize, end: usize, key: Option<Key>) {
        let t = self.t;
        let mut words = std::mem::take(&mut self.words);
        words.clear();
        words.extend((i..end).filter(|&k| t.toks[k].word()));
        self.surname_words(i, end, &words, key);
        self.words = words;
    }

    fn surname_words(&mut self, i: usize, end: usize, words: &[usize], key: Option<Key>) {
        let t = self.t;
        let Some(&last) = words.last() else { return };
        if words.len() == 1 && t.stop(last) {
            return; // "I promised", "We said"
        }
        let key = key.unwrap_or_else(|| lower_key(t, t.toks[last].span.start, strip_possessive(t.s(last))));
        let known = self.surnames.contains_key(&key);
        let sent = t.toks[i].sent;
        let before_cue = t.toks.get(end).is_some_and(|n| n.word() & (n.sent == sent) & (n.flags & CUE != 0));
        let after_said = i.checked_sub(1).is_some_and(|p| (t.toks[p].sent == sent) & (t.toks[p].flags & CUE != 0));
        if (known && words.len() == 1) || ((before_cue || after_said) && words.len() <= 3) {
            self.person(words[0], end, None, None);
        }
    }

    /// Records a person mention `[from, end)` (possessive stripped).
    fn person(&mut self, from: usize, end: usize, first: Option<Span>, gender: Option<Gender>) {
        let t = self.t;
        let last = (from..end).rev().find(|&k| t.toks[k].word()).unwrap_or(from);
        let surname = strip_possessive(t.s(last));
        let key = lower_key(t, t.toks[last].span.start, surname);
        let span = Span::new(t.toks[from].span.start, t.toks[last].span.start + surname.len());
        let cands = self.surnames.entry(key).or_default();
        let hit = cands.iter().rev().copied().find(|&e| {
            let ent = &self.ents.list[e];
            match (first, ent.first_name) {
                (Some(a), Some(b)) => t.text[a] == t.text[b],
                _ => true,
            }
        });
        let ent = match hit {
            Some(e) => {
                let ent = &mut self.ents.list[e];
                if span.len() > ent.name.len() {
                    ent.name = span;
                }
                if ent.first_name.is_none() {
                    ent.first_name = first;
                }
                if ent.gender.is_none() {
                    ent.gender = gender;
                }
                // The most recent last (already so when the same person is named again).
                if cands.last() != Some(&e) {
                    cands.retain(|&c| c != e);
                    cands.push(e);
                }
                e
            }
            None => {
                let e = self.ents.list.len();
                self.ents.list.push(Ent {
                    kind: EntityKind::Person,
                    name: span,
                    first_name: first,
                    gender,
                    role: None,
                });
                cands.push(e);
                e
            }
        };
        self.ents.mentions.push(Mention { ent, first: from, end: last + 1, span });
    }

    /// Records an organization or place mention.
    fn other(&mut self, kind: EntityKind, from: usize, end: usize) {
        let t = self.t;
        let raw = &t.text[Span::new(t.toks[from].span.start, t.toks[end - 1].span.end)];
        let name = strip_possessive(raw);
        let span = Span::new(t.toks[from].span.start, t.toks[from].span.start + name.len());
        let key = lower_key(t, span.start, name);
        let ent = match self.named.get(&key) {
            Some(&e) => e,
            None => {
                self.ents.list.push(Ent { kind, name: span, first_name: None, gender: None, role: None });
                self.named.insert(key, self.ents.list.len() - 1);
                self.ents.list.len() - 1
            }
        };
        self.ents.mentions.push(Mention { ent, first: from, end, span });
    }
}

fn place_run(t: &Tokens<'_>, words: &[usize]) -> bool {
    let (Some(&a), Some(&b)) = (words.first(), words.last()) else { return false };
    let start = t.toks[a].span.start;
    place(t, start, strip_possessive(&t.text[Span::new(start, t.toks[b].span.end)]))
}

#[cfg(test)]
mod tests {
    use super::super::{extract, EntityKind};
    use nutgraf_text::Document;

    #[test]
    fn people_orgs_places() {
        let input = "Governor Jane Mills met Department of Transportation officials in Chicago. \
                     Later, Mills said the FBI agreed. Ms. Mills left. Tom Park, the budget chief, stayed. \
                     Retired FBI agent Maria Lopez spoke. Brafman said no.";
        let doc = Document::new(input);
        let x = extract(&doc, None);
        let find = |n: &str| x.entities.iter().find(|e| e.name == n).unwrap_or_else(|| panic!("{n}: {:?}", x.entities));
        let cases = vec![
            ("Jane Mills", EntityKind::Person, 3, Some("Governor")),
            ("Department of Transportation", EntityKind::Organization, 1, None),
            ("Chicago", EntityKind::Place, 1, None),
            ("FBI", EntityKind::Organization, 2, None),
            ("Tom Park", EntityKind::Person, 1, Some("budget chief")),
            ("Maria Lopez", EntityKind::Person, 1, Some("Retired FBI agent")),
            ("Brafman", EntityKind::Person, 1, None),
        ];
        for (name, kind, mentions, role) in cases {
            let e = find(name);
            assert_eq!((e.kind, e.mentions.len(), e.role.as_deref()), (kind, mentions, role), "{name}");
            for m in &e.mentions {
                assert!(name.ends_with(strip(&input[*m])), "{name}: {:?}", &input[*m]);
            }
        }
    }

    #[test]
    fn tokens_carry_the_first_name_of_each_capitalized_word() {
        // Possessives stripped; lowercase words and punctuation carry nothing; a word repeated
        // is answered alike.
        let input = "John's sister Maria met Jane. Maria's plan, John said, suits Smith and the Mayor.";
        let doc = Document::new(input);
        let t = super::super::tokens::tokenize(&doc);
        let cases = [("John's", 1), ("John", 1), ("Maria", 2), ("Maria's", 2), ("Jane", 2), ("Smith", 0), ("Mayor", 0)];
        for (word, code) in cases {
            let k = (0..t.toks.len()).find(|&k| t.s(k) == word).unwrap_or_else(|| panic!("{word}"));
            assert_eq!(t.toks[k].name(), code, "{word}");
            assert_eq!(super::first_name_code(t.text, t.toks[k].span, false), code, "{word}");
        }
        for k in (0..t.toks.len()).filter(|&k| !(t.toks[k].word() && t.toks[k].cap())) {
            assert_eq!(t.toks[k].name(), 0, "{}", t.s(k));
        }
    }

    fn strip(s: &str) -> &str {
        s.rsplit(' ').next().unwrap_or(s)
    }
}
