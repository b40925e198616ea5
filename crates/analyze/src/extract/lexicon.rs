//! Hand-written word lists for the extractor: reporting cues, role nouns, honorifics,
//! organization keywords and pronouns. Lowercase, sorted for binary search (a unit test checks).

/// Verbs and nouns that tie a statement to its source, beyond [`crate::is_reporting_verb`].
#[rustfmt::skip]
pub(crate) static CUES: &[&str] = &[
    "acknowledged", "added", "adds", "admitted", "agreed", "announced", "answered", "argued",
    "argues", "asked", "asserted", "boasted", "cautioned", "claimed", "commented", "complained",
    "conceded", "concluded", "confirmed", "contended", "continued", "countered", "cried",
    "declared", "denied", "emphasized", "estimated", "exclaimed", "explained", "explains",
    "insisted", "joked", "maintained", "mused", "noted", "notes", "observed", "pleaded",
    "predicted", "promised", "quipped", "recalled", "remarked", "reminded", "replied", "reported",
    "responded", "said", "say", "says", "shouted", "stated", "states", "stressed", "suggested",
    "tells", "testified", "told", "tweeted", "urged", "vowed", "warned", "warns", "whispered",
    "wrote", "yelled",
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

pub(crate) fn has(table: &[&str], lower: &str) -> bool {
    table.binary_search(&lower).is_ok()
}

/// True when `lower` ties a statement to a source.
pub(crate) fn is_cue(lower: &str) -> bool {
    has(CUES, lower) || crate::is_reporting_verb(lower)
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
        for t in [CUES, ROLE_NOUNS, ORG_WORDS, CONNECTORS] {
            assert!(t.windows(2).all(|w| w[0] < w[1]), "{:?}", t.windows(2).find(|w| w[0] >= w[1]));
        }
        assert!(HONORIFICS.windows(2).all(|w| w[0].0 < w[1].0));
        let cases = vec![("said", true), ("explained", true), ("budget", false), ("tweeted", true)];
        for (w, cue) in cases {
            assert_eq!(is_cue(w), cue, "{w}");
        }
    }
}
