//! Hand-written word lists for the extractor: reporting cues, role nouns, honorifics,
//! organization keywords and connectors. Lowercase and sorted (a unit test checks).
//!
//! Every distinct word of an article is looked up once, in one table from lowercase word to a bit
//! set of the lists it is on: by the analysis when a brief is made (which reads its reporting-verb
//! bit and hands the rest to the extraction, [`super::WordLists`]), else when the token stream is
//! built; later rules test bits. Binary
//! searches over these lists were the extractor's largest cost. The table's keys are the words
//! themselves packed into one `u128` ([`key_at`]): every list word is ASCII and at most 16 bytes,
//! so a lookup lowercases into a register-sized buffer and hashes two machine words, with no copy
//! on the heap and no byte-string compare. The tables ([`WordTable`], and [`NameTable`] for the
//! gazetteers) are written by hand rather than taken from a hash-map crate because their cost is
//! branch mispredictions, not hashing: with two-choice cuckoo hashing a lookup reads its two slots
//! and selects, where a general map (or any probe loop) branches on whether each word is there, a
//! coin toss the processor cannot predict (BENCHMARKS.md, "Extraction cost, session 5").

use std::hint::select_unpredictable;
use std::sync::LazyLock;

/// On [`CUES`].
pub(crate) const CUE: u8 = 1;
/// On [`ROLE_NOUNS`].
pub(crate) const ROLE: u8 = 2;
/// On [`ORG_WORDS`].
pub(crate) const ORG: u8 = 4;
/// On [`CONNECTORS`].
pub(crate) const CONN: u8 = 8;
/// On [`HONORIFICS`].
pub(crate) const HONOR: u8 = 16;
/// A word that may be part of a date expression (month, weekday, "yesterday", "week", "ago").
pub(crate) const DATE: u8 = 64;
/// A word that may open a relative date ("last week", "three days ago").
pub(crate) const DATE_OPEN: u8 = 32;
/// A word that marks tense ("will", "scheduled", "had", "was"; on English tokens, also any word
/// ending in "'ll", see [`super::tokens`]).
pub(crate) const TENSE: u8 = 128;

#[rustfmt::skip]
static TENSE_WORDS: &[&str] = &[
    "ago", "did", "expected", "had", "is", "last", "plans", "said", "scheduled", "set", "upcoming",
    "was", "were", "will",
];

#[rustfmt::skip]
static DATE_OPENERS: &[&str] = &[
    "a", "coming", "eight", "five", "four", "last", "next", "nine", "one", "past", "seven", "six",
    "ten", "this", "three", "two",
];

#[rustfmt::skip]
static DATE_WORDS: &[&str] = &[
    "ago", "apr", "april", "aug", "august", "day", "days", "dec", "december", "earlier", "feb",
    "february", "friday", "jan", "january", "jul", "july", "jun", "june", "later", "mar", "march",
    "may", "monday", "month", "months", "nov", "november", "now", "oct", "october", "saturday",
    "sep", "sept", "september", "sunday", "thursday", "today", "tomorrow", "tonight", "tuesday",
    "wednesday", "week", "weeks", "year", "years", "yesterday",
];

/// Each word list with the flag bit its words carry.
static FLAG_LISTS: [(&[&str], u8); 7] = [
    (TENSE_WORDS, TENSE),
    (CUES, CUE),
    (ROLE_NOUNS, ROLE),
    (ORG_WORDS, ORG),
    (CONNECTORS, CONN),
    (DATE_WORDS, DATE),
    (DATE_OPENERS, DATE_OPEN),
];

/// The bit [`FLAGS`] sets, above the list bits, for English stop words ([`word_bits_at`]).
pub(crate) const STOP: u32 = 1 << 8;
/// The bit [`FLAGS`] sets for "according" (any case), the word that opens the source cue
/// "according to": the token stream carries it in [`super::tokens::Tokens::sent_flags`] only, so
/// that the speaker rules look for the cue in the few sentences that have the word.
pub(crate) const ACCORDING: u32 = 1 << 13;
/// The bit [`FLAGS`] sets for the analysis's reporting verbs ([`crate::is_reporting_verb`]), in
/// the top bit: the token stream's word facts keep bits 9-12 for their own use.
pub(crate) const REPORT: u32 = 1 << 15;

/// The list bits and [`STOP`], in one table: one probe tells both.
static FLAGS: LazyLock<WordTable> = LazyLock::new(|| {
    let honorifics: Vec<&str> = HONORIFICS.iter().map(|&(w, _)| w).collect();
    let mut lists: Vec<(&[&str], u32)> = FLAG_LISTS.iter().map(|&(l, bit)| (l, bit.into())).collect();
    lists.extend(MORE_LISTS.iter().map(|&(l, bit)| (l, u32::from(bit) << MORE_SHIFT)));
    lists.push((&honorifics, HONOR.into()));
    // The Snowball list of [`nutgraf_text::is_stop_word`]: all ASCII, none over 16 bytes.
    lists.push((nutgraf_text::Lang::English.stop_words(), STOP));
    // All ASCII, none over 16 bytes.
    lists.push((crate::role::REPORTING, REPORT));
    lists.push((&["according"], ACCORDING));
    WordTable::new(&lists)
});

/// Where [`FLAGS`] keeps the bits of [`MORE_LISTS`]: the token stream carries them in a byte of
/// their own ([`super::tokens::Tok::more`]).
pub(crate) const MORE_SHIFT: u32 = 16;
/// On the speaker rules' naming verbs ("called", "dubbed": a quote after one is a scare quote).
pub(crate) const M_NAMING: u8 = 1;
/// On the subject pronouns a speaker may be ("he", "she", "it", "they", "we", "i").
pub(crate) const M_PRONOUN: u8 = 1 << 1;
/// "the", "a", "an".
pub(crate) const M_ARTICLE: u8 = 1 << 2;
/// "who", "which", "whose".
pub(crate) const M_WHO: u8 = 1 << 3;
/// On the occasions a statement is made at ("briefing", "rally", "hearing").
pub(crate) const M_VENUE: u8 = 1 << 4;
/// On the prepositions that open the place of a statement ("at", "aboard", "during").
pub(crate) const M_PLACE_PREP: u8 = 1 << 5;
/// On the conjunctions and adverbs a speaker phrase may open with ("and", "then", "later").
pub(crate) const M_CONJ: u8 = 1 << 6;
/// On the sentence openers that start no name ("According", "But", "When", "While").
pub(crate) const M_OPENER: u8 = 1 << 7;

/// The English word lists of the speaker and entity rules, each with the [`super::tokens::Tok::more`]
/// bit its words carry.
pub(crate) static MORE_LISTS: [(&[&str], u8); 8] = [
    (super::speakers::NAMING, M_NAMING),
    (super::speakers::PRONOUNS, M_PRONOUN),
    (super::speakers::ARTICLES, M_ARTICLE),
    (super::speakers::WHO, M_WHO),
    (super::speakers::VENUES, M_VENUE),
    (super::speakers::PLACE_PREPS, M_PLACE_PREP),
    (super::speakers::CONJ, M_CONJ),
    (super::entities::OPENERS, M_OPENER),
];

/// An empty [`WordTable`] slot: no word key ([`key_at`]) has a byte of `0xFF`.
const EMPTY: u128 = u128::MAX;

/// A table from word key ([`key_at`]) to the bits of the lists the word is on, any case, with
/// two-choice cuckoo hashing: every word sits in one of its two slots, so a lookup reads both
/// and keeps the bits of the one that holds the key, with no branch on the result. Hand-rolled
/// because a lookup per distinct word is the token stream's main cost, and its cost was branch
/// mispredictions: whether a word is on a list, or whether a probe must go on, is a coin toss
/// the processor cannot predict.
pub(crate) struct WordTable {
    /// The top bits of a key's hash are its slots: 64 less the log2 of the number of slots.
    shift: u32,
    keys: Box<[u128]>,
    bits: Box<[u32]>,
}

impl WordTable {
    /// A table of `lists` (each short ASCII words, any case, and the bit they set), with at least
    /// three slots per word (so that cuckoo insertion always finds a place) and no more (so that
    /// the table takes few cache lines).
    pub(crate) fn new(lists: &[(&[&str], u32)]) -> WordTable {
        let slots = (3 * lists.iter().map(|(l, _)| l.len()).sum::<usize>()).next_power_of_two().max(16);
        let mut t = WordTable {
            shift: 64 - slots.trailing_zeros(),
            keys: vec![EMPTY; slots].into_boxed_slice(),
            bits: vec![0; slots].into_boxed_slice(),
        };
        for &(list, bit) in lists {
            for w in list {
                t.insert(w, bit);
            }
        }
        t
    }

    /// The bits of `word`, any case (0 when on no list).
    #[inline]
    pub(crate) fn bits(&self, word: &str) -> u32 {
        self.bits_at(word.as_bytes(), 0, word.len())
    }

    /// The bits of the word `text[start..end]`, any case (0 when on no list).
    #[inline(always)]
    pub(crate) fn bits_at(&self, text: &[u8], start: usize, end: usize) -> u32 {
        // Longer than 16 bytes or not ASCII: rare in English, and no list word is.
        let Some(key) = key_at(text, start, end) else { return 0 };
        let (a, b) = self.slots(key);
        // Both slots read and the one holding the key selected, with no branch taken (the
        // compiler otherwise loads a slot's bits only when its key matches, a branch that goes
        // either way).
        let (in_a, in_b) = (self.keys[a] == key, self.keys[b] == key);
        let bits = self.bits[select_unpredictable(in_b, b, a)];
        select_unpredictable(in_a | in_b, bits, 0)
    }

    /// The two slots of `key`.
    #[inline(always)]
    fn slots(&self, key: u128) -> (usize, usize) {
        cuckoo_slots(key, self.shift)
    }

    fn insert(&mut self, word: &str, bit: u32) {
        let key = key_at(word.as_bytes(), 0, word.len()).expect("list words are short ASCII");
        assert!(key != 0, "list words are not empty");
        let (a, b) = self.slots(key);
        for i in [a, b] {
            if self.keys[i] == key {
                self.bits[i] |= bit;
                return;
            }
        }
        // Cuckoo insertion: take a slot, and move its occupant to the occupant's other slot,
        // until one lands in an empty slot.
        let (mut key, mut bits) = (key, bit);
        let mut i = if self.keys[b] == EMPTY { b } else { a };
        for _ in 0..self.keys.len() {
            if self.keys[i] == EMPTY {
                (self.keys[i], self.bits[i]) = (key, bits);
                return;
            }
            std::mem::swap(&mut self.keys[i], &mut key);
            std::mem::swap(&mut self.bits[i], &mut bits);
            let (a, b) = self.slots(key);
            i = if i == a { b } else { a };
        }
        panic!("word table full: give it more slots per word");
    }
}

/// The two slots of `key` in a cuckoo table of `64 - shift` bits of slots ([`WordTable`],
/// [`NameTable`]): the top bits of two multiplicative hashes.
#[inline(always)]
fn cuckoo_slots(key: u128, shift: u32) -> (usize, usize) {
    let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    let a = x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift;
    let b = x.wrapping_mul(0xC2B2_AE3D_27D4_EB4F) >> shift;
    (a as usize, b as usize)
}

/// An exact (case-sensitive) map from gazetteer names to a value, for the names the entity rules
/// look up at every capitalized word. Names of up to 16 bytes (all first names, nearly all places)
/// are keyed by their bytes packed into one `u128` and their length, with two-choice cuckoo
/// hashing like [`WordTable`]: a lookup reads
/// the word in place into a register-sized key, multiplies twice and compares two slots, with no
/// probe loop whose end the processor must guess. Longer names go to a hash map.
pub(crate) struct NameTable<V: Copy> {
    /// The top bits of a key's hash are its slots: 64 less the log2 of the number of slots.
    shift: u32,
    keys: Box<[u128]>,
    /// The length of each slot's name (0: an empty slot).
    lens: Box<[u8]>,
    vals: Box<[Option<V>]>,
    long: rustc_hash::FxHashMap<&'static str, V>,
    /// One bit per [`filter_bit`] of a key, set for every short name's key: a word whose bit is
    /// clear is not in the table. The bits (8 KiB) stay in the first-level cache, where the slots
    /// of a gazetteer of thousands of names (hundreds of KiB) do not, so that most words, which
    /// are no name, are answered without a cache miss.
    filter: Box<[u64]>,
}

/// [`NameTable::filter`]'s size in bits, as a power of two.
const FILTER_BITS: u32 = 16;

/// The bit of `key` in [`NameTable::filter`]: the top bits of a third multiplicative hash.
#[inline(always)]
fn filter_bit(key: u128) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> (64 - FILTER_BITS)) as usize
}

impl<V: Copy> NameTable<V> {
    /// A table of `entries` (names unique, none empty).
    pub(crate) fn new(entries: &[(&'static str, V)]) -> NameTable<V> {
        let slots = (entries.len() * 3).next_power_of_two().max(16);
        let mut t = NameTable {
            shift: 64 - slots.trailing_zeros(),
            keys: vec![EMPTY; slots].into_boxed_slice(),
            lens: vec![0; slots].into_boxed_slice(),
            vals: vec![None; slots].into_boxed_slice(),
            long: Default::default(),
            filter: vec![0; 1 << (FILTER_BITS - 6)].into_boxed_slice(),
        };
        for &(name, v) in entries {
            assert!(!name.is_empty(), "an empty gazetteer name");
            if name.len() > 16 {
                t.long.insert(name, v);
                continue;
            }
            let (mut key, mut len, mut val) = (packed(name.as_bytes()), name.len() as u8, Some(v));
            let f = filter_bit(key);
            t.filter[f >> 6] |= 1 << (f & 63);
            let (a, b) = t.slots(key);
            let mut i = if (t.keys[a] == key && t.lens[a] == len) || (t.keys[b] == key && t.lens[b] == len) {
                continue; // names are unique: the first one stays
            } else if t.keys[b] == EMPTY {
                b
            } else {
                a
            };
            let mut placed = false;
            for _ in 0..slots {
                if t.keys[i] == EMPTY {
                    (t.keys[i], t.lens[i], t.vals[i]) = (key, len, val);
                    placed = true;
                    break;
                }
                std::mem::swap(&mut t.keys[i], &mut key);
                std::mem::swap(&mut t.lens[i], &mut len);
                std::mem::swap(&mut t.vals[i], &mut val);
                let (a, b) = t.slots(key);
                i = if i == a { b } else { a };
            }
            assert!(placed, "name table full: give it more slots per name");
        }
        t
    }

    /// The two slots of `key`.
    #[inline(always)]
    fn slots(&self, key: u128) -> (usize, usize) {
        cuckoo_slots(key, self.shift)
    }

    /// The value of `name`, exactly as written.
    #[cfg(test)]
    pub(crate) fn get(&self, name: &str) -> Option<V> {
        self.get_at(name, 0, name)
    }

    /// The value of `name`, exactly as written, which is the text at byte `start` of `text`: read
    /// in place, 16 bytes at once where the text has them.
    #[inline]
    pub(crate) fn get_at(&self, text: &str, start: usize, name: &str) -> Option<V> {
        let len = name.len();
        if len == 0 {
            return None;
        }
        if len > 16 {
            return self.long.get(name).copied();
        }
        let key = match text.as_bytes().get(start..start + 16) {
            Some(b) => u128::from_le_bytes(b.try_into().expect("16 bytes")) & MASKS[len],
            None => packed(name.as_bytes()),
        };
        // Most words asked about are no name, and most of those stop here.
        let f = filter_bit(key);
        if self.filter[f >> 6] & (1 << (f & 63)) == 0 {
            return None;
        }
        let (a, b) = self.slots(key);
        // Both slots read and compared, and the one holding the name selected, with no branch.
        let n = len as u8;
        let (ka, kb) = ((self.keys[a] == key) & (self.lens[a] == n), (self.keys[b] == key) & (self.lens[b] == n));
        let v = self.vals[select_unpredictable(kb, b, a)];
        select_unpredictable(ka | kb, v, None)
    }
}

/// Up to 16 bytes, little-endian and zero-padded, as one integer (exact: with the length, no two
/// byte strings share a key).
#[inline]
fn packed(b: &[u8]) -> u128 {
    // Byte by byte: for at most 16 bytes this beats zeroing and copying a buffer by library calls.
    b.iter().rev().fold(0, |k, &x| k << 8 | u128::from(x))
}

/// `MASKS[n]`: the low `n` bytes set.
const MASKS: [u128; 17] = {
    let mut m = [0u128; 17];
    let mut n = 1;
    while n < 16 {
        m[n] = (1u128 << (8 * n)) - 1;
        n += 1;
    }
    m[16] = u128::MAX;
    m
};

/// `0x80` in every byte.
const HIGH: u128 = u128::from_ne_bytes([0x80; 16]);
/// `0x01` in every byte.
const ONES: u128 = u128::from_ne_bytes([0x01; 16]);

/// The word `text[start..end]` as one integer: its bytes ASCII-lowercased, little-endian and
/// zero-padded to 16. `None` when it is longer than 16 bytes or not ASCII, since no list word is.
/// Reads 16 bytes at once where the text has them and lowercases all of them with a few
/// arithmetic operations (no copy, no loop).
#[inline]
fn key_at(text: &[u8], start: usize, end: usize) -> Option<u128> {
    let len = end - start;
    if len > 16 {
        return None;
    }
    let raw = match text.get(start..start + 16).and_then(|b| <[u8; 16]>::try_from(b).ok()) {
        Some(b) => u128::from_le_bytes(b),
        None => {
            let mut buf = [0u8; 16];
            buf[..len].copy_from_slice(&text[start..end]);
            u128::from_le_bytes(buf)
        }
    };
    let raw = raw & MASKS[len];
    if raw & HIGH != 0 {
        return None;
    }
    // Every byte is below 0x80, so these sums carry into no other byte: the high bit of a byte
    // of `from_a` is set when the byte is >= 'A', of `past_z` when it is > 'Z'.
    let from_a = raw + ONES * (0x80 - b'A' as u128);
    let past_z = raw + ONES * (0x80 - b'Z' as u128 - 1);
    let upper = (from_a ^ past_z) & HIGH;
    Some(raw | (upper >> 2))
}

/// The ASCII-lowercased bytes of `word`, packed into one integer (little-endian, zero-padded),
/// when it is ASCII and at most 16 bytes long.
#[inline]
pub(crate) fn lower_packed(word: &[u8]) -> Option<u128> {
    key_at(word, 0, word.len())
}

/// [`lower_packed`] of the word `text[start..end]`, read in place.
#[inline]
pub(crate) fn lower_packed_at(text: &[u8], start: usize, end: usize) -> Option<u128> {
    key_at(text, start, end)
}

/// The list bits of a word, any case (without [`STOP`]).
#[cfg(test)]
pub(crate) fn flags(word: &str) -> u8 {
    flags_at(word.as_bytes(), 0, word.len())
}

/// [`flags`] of the word `text[start..end]`.
#[cfg(test)]
pub(crate) fn flags_at(text: &[u8], start: usize, end: usize) -> u8 {
    word_bits_at(text, start, end) as u8
}

/// The list bits of the word `text[start..end]`, any case, [`STOP`] when it is an English stop
/// word (what [`nutgraf_text::is_stop_word`] says of it ASCII-lowercased), and [`REPORT`] when
/// it is a reporting verb (what [`crate::is_reporting_verb`] says of it ASCII-lowercased).
#[inline]
pub(crate) fn word_bits_at(text: &[u8], start: usize, end: usize) -> u32 {
    FLAGS.bits_at(text, start, end)
}

/// Verbs that tie a statement to its source (a superset of [`crate::is_reporting_verb`]'s list).
#[rustfmt::skip]
pub(crate) static CUES: &[&str] = &[
    "acknowledged", "acknowledges", "added", "adds", "admits", "admitted", "agreed", "announced",
    "announces", "answered", "argued", "argues", "asked", "asks", "asserted", "asserts", "boasted",
    "cautioned", "claimed", "claims", "commented", "complained", "conceded", "concluded",
    "confirmed", "confirms", "contended", "continued", "countered", "cried", "declared", "declares",
    "denied", "denies", "described", "emphasized", "estimated", "exclaimed", "explained",
    "explains", "insisted", "insists", "joked", "maintained", "mused", "noted", "notes", "observed",
    "pleaded", "pointed", "predicted", "promised", "quipped", "recalled", "remarked", "reminded",
    "replied", "reported", "responded", "said", "say", "saying", "says", "shouted", "stated",
    "states", "stressed", "suggested", "suggests", "tell", "telling", "tells", "testified", "told",
    "tweeted", "urged", "vowed", "warned", "warns", "whispered", "writes", "wrote", "yelled",
];

/// Nouns and abbreviations that name a role or title.
#[rustfmt::skip]
pub(crate) static ROLE_NOUNS: &[&str] = &[
    "activist", "adm", "administrator", "admiral", "adviser", "advisor", "agent", "aide",
    "ambassador", "analyst", "assemblyman", "assemblywoman", "attorney", "auditor", "author",
    "bishop", "candidate", "capt", "captain", "ceo", "cfo", "chair", "chairman", "chairperson",
    "chairwoman", "chancellor", "chief", "clerk", "coach", "col", "colonel", "commander",
    "commissioner", "congressman", "congresswoman", "coordinator", "coroner", "councillor",
    "councilman", "councilmember", "councilor", "councilwoman", "dean", "delegate", "deputy",
    "detective", "director", "doctor", "economist", "editor", "engineer", "executive", "expert",
    "founder", "gen", "general", "gov", "governor", "head", "historian", "inspector", "judge",
    "justice", "lawmaker", "lawyer", "leader", "legislator", "lieutenant", "lt", "manager",
    "marshal", "mayor", "member", "minister", "nurse", "officer", "official", "organizer",
    "owner", "partner", "pastor", "physician", "premier", "president", "priest", "principal",
    "prof", "professor", "prosecutor", "provost", "rabbi", "rep", "representative", "researcher",
    "resident", "rev", "scientist", "secretary", "sen", "senator", "sergeant", "sgt", "sheriff",
    "spokesman", "spokesperson", "spokeswoman", "strategist", "superintendent", "supervisor",
    "teacher", "treasurer", "trustee", "volunteer", "warden",
];

/// Honorifics: they mark a name and its gender but are not a role.
#[rustfmt::skip]
pub(crate) static HONORIFICS: &[(&str, Option<super::Gender>)] = &[
    ("dr", None), ("miss", Some(super::Gender::Female)), ("mr", Some(super::Gender::Male)),
    ("mrs", Some(super::Gender::Female)), ("ms", Some(super::Gender::Female)),
];

/// Words that make a capitalized name an organization.
#[rustfmt::skip]
pub(crate) static ORG_WORDS: &[&str] = &[
    "academy", "administration", "agency", "airlines", "airways", "alliance", "assembly",
    "association", "authority", "bank", "board", "bureau", "cabinet", "campaign", "caucus",
    "center", "centre", "church", "clinic", "club", "co", "coalition", "college", "commission",
    "committee", "company", "congress", "corp", "corporation", "council", "court", "department",
    "district", "enterprises", "federation", "foundation", "fund", "group", "guard", "holdings",
    "hospital", "house", "inc", "industries", "institute", "institution", "league", "legislature",
    "llc", "ltd", "ministry", "motors", "network", "news", "office", "organization", "parliament",
    "party", "police", "post", "press", "properties", "reserve", "school", "senate", "service",
    "society", "technologies", "times", "tribune", "union", "university",
];

/// Words that may join the parts of a capitalized organization or place name.
pub(crate) static CONNECTORS: &[&str] = &["and", "de", "for", "of", "on", "the"];

/// True when the role word `word` (as written) names the title `noun` (lowercase): "Gov." is
/// a governor, "Sen." a senator.
pub(crate) fn same_title(word: &str, noun: &str) -> bool {
    let w = word.to_ascii_lowercase();
    let full = match w.as_str() {
        "gov" => "governor",
        "sen" => "senator",
        "rep" => "representative",
        "gen" => "general",
        "lt" => "lieutenant",
        "capt" => "captain",
        "col" => "colonel",
        "sgt" => "sergeant",
        "prof" => "professor",
        "adm" => "admiral",
        other => other,
    };
    full == noun || w == noun
}

#[cfg(test)]
fn is_cue(lower: &str) -> bool {
    CUES.binary_search(&lower).is_ok()
}

/// The honorific `lower` names, with the gender it signals.
pub(crate) fn honorific(lower: &str) -> Option<Option<super::Gender>> {
    HONORIFICS.binary_search_by_key(&lower, |&(w, _)| w).ok().map(|k| HONORIFICS[k].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted() {
        for t in [CUES, ROLE_NOUNS, ORG_WORDS, CONNECTORS, DATE_WORDS, DATE_OPENERS, TENSE_WORDS] {
            assert!(t.windows(2).all(|w| w[0] < w[1]), "{:?}", t.windows(2).find(|w| w[0] >= w[1]));
        }
        assert!(HONORIFICS.windows(2).all(|w| w[0].0 < w[1].0));
        let cases = vec![
            ("said", CUE | TENSE),
            ("Explained", CUE),
            ("budget", 0),
            ("The", CONN),
            ("Tuesday", DATE),
            ("Gov", ROLE),
            ("Council", ORG),
            ("Ms", HONOR),
        ];
        for (w, bits) in cases {
            assert_eq!(flags(w), bits, "{w}");
        }
        for w in ["said", "told", "tweeted", "warned", "admits"] {
            assert!(crate::is_reporting_verb(w) && is_cue(w), "{w}");
        }
    }

    #[test]
    fn name_table_is_the_exact_map() {
        let names: Vec<(&'static str, u8)> = vec![
            ("Ana", 1),
            ("Anastasia", 2),
            ("Sixteen-byte-nam", 3),
            ("Seventeen-byte-na", 4),
            ("S\u{E3}o Paulo", 5),
            ("Rio de Janeiro State Capital", 6),
        ];
        let t = NameTable::new(&names);
        for &(n, v) in &names {
            assert_eq!(t.get(n), Some(v), "{n}");
        }
        for miss in ["", "ana", "ANA", "An", "Anas", "Ana\0", "Seventeen-byte-n", "Rio de Janeiro", "S\u{E3}o"] {
            assert_eq!(t.get(miss), None, "{miss:?}");
        }
        // Every gazetteer name is found, and a table of them agrees with a plain map on the words
        // around them.
        let first = NameTable::new(super::super::gaz_names::FIRST_NAMES);
        let map: std::collections::HashMap<&str, super::super::Gender> =
            super::super::gaz_names::FIRST_NAMES.iter().copied().collect();
        for &(n, _) in super::super::gaz_names::FIRST_NAMES {
            for w in [n.to_string(), n.to_ascii_lowercase(), format!("{n}s"), n[..n.len() - 1].to_string()] {
                assert_eq!(first.get(&w), map.get(w.as_str()).copied(), "{w}");
            }
        }
        // The filter in front of the slots turns no name away: every place is found, and most
        // words that are no name never reach the slots.
        let places = NameTable::new(super::super::gaz_places::PLACES);
        for &(n, kind) in super::super::gaz_places::PLACES {
            assert_eq!(places.get(n), Some(kind), "{n}");
        }
        let set = first.filter.iter().map(|w| w.count_ones()).sum::<u32>();
        assert!(set > 0 && set < (1 << FILTER_BITS) / 8, "{set} filter bits set");
    }

    #[test]
    fn word_table_finds_every_list_word_in_any_case_and_nothing_else() {
        for (list, bit) in FLAG_LISTS {
            for w in list {
                let upper = w.to_ascii_uppercase();
                let title = format!("{}{}", &upper[..1], &w[1..]);
                for form in [w.to_string(), upper, title] {
                    assert!(flags(&form) & bit != 0, "{form}");
                    // The same word read in place, with text after it (the 16-byte load) and at the
                    // very end of the text (the short copy).
                    let text = format!("x {form} and more text after it");
                    assert!(flags_at(text.as_bytes(), 2, 2 + form.len()) & bit != 0, "{form}");
                    let text = format!("x {form}");
                    assert!(flags_at(text.as_bytes(), 2, text.len()) & bit != 0, "{form}");
                }
            }
        }
        // Near misses: prefixes and extensions of list words, non-ASCII, too long, empty.
        for w in ["sai", "saids", "sa\u{EF}d", "superintendents", "councilmembership", "", "-", "2024"] {
            assert_eq!(flags(w), 0, "{w:?}");
        }
        // The stop-word bit says what `is_stop_word` says of the word ASCII-lowercased, for every
        // stop word and list word in any case and for near misses.
        let stops = nutgraf_text::Lang::English.stop_words().iter();
        let words = FLAG_LISTS.iter().flat_map(|(l, _)| l.iter()).chain(stops);
        for w in words.map(|w| w.to_string()).chain(["Theirs", "the\u{E9}", "hers'", "x"].map(String::from)) {
            for form in [w.clone(), w.to_ascii_uppercase(), format!("{w}s"), w[1..].to_string()] {
                let stop = word_bits_at(form.as_bytes(), 0, form.len()) & STOP != 0;
                assert_eq!(stop, nutgraf_text::is_stop_word(&form.to_ascii_lowercase()), "{form:?}");
            }
        }
        // The reporting-verb bit says what `is_reporting_verb` says of the word lowercased.
        let reporting = crate::role::REPORTING.iter().map(|w| w.to_string());
        for w in reporting.chain(["sai", "tolds", "Wrote\u{E9}", "cue", "whispered"].map(String::from)) {
            for form in [w.clone(), w.to_ascii_uppercase(), format!("{w}s"), w[1..].to_string()] {
                let report = word_bits_at(form.as_bytes(), 0, form.len()) & REPORT != 0;
                assert_eq!(report, crate::is_reporting_verb(&form.to_lowercase()), "{form:?}");
            }
        }
        // The speaker and entity rules' lists, in their own byte: every word in any case, and the
        // near misses of none.
        for (list, bit) in MORE_LISTS {
            for w in list {
                for form in
                    [w.to_string(), w.to_ascii_uppercase(), format!("{}{}", w[..1].to_ascii_uppercase(), &w[1..])]
                {
                    let more = (word_bits_at(form.as_bytes(), 0, form.len()) >> MORE_SHIFT) as u8;
                    assert!(more & bit != 0, "{form}");
                }
                let near = format!("{w}x");
                assert_eq!(word_bits_at(near.as_bytes(), 0, near.len()) >> MORE_SHIFT, 0, "{near}");
            }
        }
        for (w, according) in [("according", true), ("According", true), ("ACCORDING", true), ("accorded", false)] {
            assert_eq!(word_bits_at(w.as_bytes(), 0, w.len()) & ACCORDING != 0, according, "{w}");
        }
        let text = "the Superintendent";
        assert_eq!(flags_at(text.as_bytes(), 4, text.len()), ROLE);
        assert_eq!(flags_at(text.as_bytes(), 0, 3), CONN);
        assert_eq!(flags_at(text.as_bytes(), 0, 2), 0);
    }

    #[test]
    fn word_table_holds_many_words_with_evictions() {
        // 700 words, over a third of the slots: cuckoo insertion moves words between their two
        // slots, and every word must still be found with all of its bits.
        let words: Vec<String> = (0..700).map(|k| format!("w{k}x")).collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let (even, odd): (Vec<&str>, Vec<&str>) = refs.iter().partition(|w| w.len() % 2 == 0);
        let t = WordTable::new(&[(&refs, 1), (&even, 2), (&odd, 4)]);
        for w in &refs {
            let want = 1 | if w.len() % 2 == 0 { 2 } else { 4 };
            assert_eq!(t.bits(w), want, "{w}");
            assert_eq!(t.bits(&w.to_ascii_uppercase()), want, "{w}");
        }
        for w in ["w700x", "w1", "x", "", "w1xx"] {
            assert_eq!(t.bits(w), 0, "{w:?}");
        }
    }
}
