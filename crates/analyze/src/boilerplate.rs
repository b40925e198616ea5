//! Boilerplate: text around an article that is not part of the story.
//!
//! Editor's notes, subscribe and newsletter prompts, "Follow us", photo and video credits,
//! bylines and datelines of wire and tabloid sites, copyright lines, and "Related:" or "Read
//! more" links. Patterns run on the normalized sentence, and on the paragraph's opening for
//! notes that cover a whole paragraph.

use std::sync::LazyLock;

use regex::RegexSet;
use serde::{Deserialize, Serialize};

/// Which kind of boilerplate a sentence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Boilerplate {
    /// "Editor's note: ...", corrections and notes to readers.
    EditorsNote,
    /// Subscribe, sign up, newsletter prompts.
    Subscribe,
    /// "Follow us on ...", share prompts.
    Social,
    /// Photo, image or video credits and captions markers, and notes where a page had a video.
    Credit,
    /// A byline or a publication-time line.
    Byline,
    /// Copyright and rights lines.
    Copyright,
    /// "Related:", "Read more", "Click here" links.
    Link,
    /// The headline: a short first paragraph without closing punctuation. Shown apart, not
    /// repeated in the brief.
    Title,
    /// A subheading: a short later paragraph without closing punctuation.
    Heading,
}

/// The boilerplate kind of a paragraph that is a single unterminated line of `words` words
/// (`first`: it is the article's first paragraph), if it is a title or heading.
pub fn heading(norm: &str, words: usize, first: bool) -> Option<Boilerplate> {
    let terminated = norm.trim_end().ends_with(['.', '!', '?', '"', '\'', ')', ':', '…']);
    match (terminated, first) {
        (false, true) if words <= 25 => Some(Boilerplate::Title),
        (false, false) if words <= 12 => Some(Boilerplate::Heading),
        _ => None,
    }
}

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let rules = [
        (Boilerplate::EditorsNote, r"(?i)^\W*(editor'?s'? note|note to (readers|editors)|correction)(?-u:\b)"),
        (
            Boilerplate::Subscribe,
            r"(?i)((?-u:\b)subscribe(?-u:\b)|(?-u:\b)sign up (for|to)(?-u:\b)|(?-u:\b)newsletters?(?-u:\b)|(?-u:\b)subscription(?-u:\b)|(?-u:\b)unlimited access(?-u:\b))",
        ),
        (
            Boilerplate::Social,
            r"(?i)^\W*(follow (us|@|me|\w+ on (twitter|facebook|instagram|x|tiktok))|like us on facebook|share (this|on)(?-u:\b))",
        ),
        (
            Boilerplate::Credit,
            r"(?i)(^\W*(photo|photograph|image|picture|video|graphic|illustration)s?( credit)?\s*(:|by(?-u:\b))|(?-u:\b)(getty images|ap photo|reuters/|afp/|shutterstock)(?-u:\b)|scroll down for video|^\W*media playback is (not supported on this|unsupported on your) device|^\W*(credit|caption)\s*:)",
        ),
        (
            Boilerplate::Byline,
            r"(?i)(^by\s+(\.|[A-Z][\w.'-]*(\s+[A-Z][\w.'-]*){0,3}\s*($|,|\.$|and(?-u:\b)|\|))|^(published|updated|last updated)\s*:|(?-u:\b)(daily mail reporter|associated press writer|staff writer)(?-u:\b)|^\W*\d{1,2}:\d{2}\s*(est|edt|gmt|bst)(?-u:\b))",
        ),
        (Boilerplate::Copyright, r"(?i)(©|(?-u:\b)copyright(?-u:\b)|(?-u:\b)all rights reserved(?-u:\b))"),
        (
            Boilerplate::Link,
            r"(?i)(^\W*(related|read more|see also|more|watch|listen|click here|recommended|read next|also read|most read)\s*(:|>>|\||-)|^\W*(read more|click here|(watch|see) (the )?video)(?-u:\b))",
        ),
    ];
    Rules::new(&rules)
});

/// The boilerplate kind of a normalized sentence, if any.
pub fn detect(norm: &str) -> Option<Boilerplate> {
    RULES.detect(norm)
}

/// One language's boilerplate patterns, each with its kind (the first that matches wins).
pub(crate) struct Rules {
    kinds: Vec<Boilerplate>,
    set: RegexSet,
}

impl Rules {
    /// Compiles `rules`; they are the crate's own patterns, so a bad one is a bug.
    pub(crate) fn new(rules: &[(Boilerplate, &str)]) -> Rules {
        let kinds = rules.iter().map(|&(k, _)| k).collect();
        Rules { kinds, set: RegexSet::new(rules.iter().map(|&(_, r)| r)).expect("valid boilerplate patterns") }
    }

    /// The kind of the first pattern `norm` (trimmed) matches.
    pub(crate) fn detect(&self, norm: &str) -> Option<Boilerplate> {
        let norm = norm.trim();
        // `is_match` runs the fast DFA; the slower overlapping search only runs on the few
        // sentences that are boilerplate.
        if !self.set.is_match(norm) {
            return None;
        }
        self.set.matches(norm).iter().next().map(|i| self.kinds[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(heading("Council approves budget after month of talks", 7, true), Some(Boilerplate::Title));
        assert_eq!(heading("What happens next", 3, false), Some(Boilerplate::Heading));
        assert_eq!(heading("The council approved the budget.", 5, true), None);
        assert_eq!(
            heading("A long unterminated line that goes on and on with many words in it for sure", 16, false),
            None
        );
    }

    #[test]
    fn kinds() {
        let cases = vec![
            ("Editor's note: This story was updated to correct a date.", Some(Boilerplate::EditorsNote)),
            ("(Editor's Note: The author is a former council member.)", Some(Boilerplate::EditorsNote)),
            ("Subscribe to our newsletter for daily updates.", Some(Boilerplate::Subscribe)),
            ("Sign up for The Brief, our morning email.", Some(Boilerplate::Subscribe)),
            ("Follow us on Twitter @nutgrafnews.", Some(Boilerplate::Social)),
            ("Photo: Maria Lopez for The Valley Ledger", Some(Boilerplate::Credit)),
            ("Scroll down for video.", Some(Boilerplate::Credit)),
            ("Media playback is not supported on this device", Some(Boilerplate::Credit)),
            ("By Ana Ruiz and Tom Park", Some(Boilerplate::Byline)),
            ("By .", Some(Boilerplate::Byline)),
            ("PUBLISHED: .", Some(Boilerplate::Byline)),
            ("Daily Mail Reporter .", Some(Boilerplate::Byline)),
            ("© 2026 The Valley Ledger. All rights reserved.", Some(Boilerplate::Copyright)),
            ("Related: How the budget vote unfolded", Some(Boilerplate::Link)),
            ("Read more about the plan here.", Some(Boilerplate::Link)),
            ("Watch the video: the moment the bridge opened", Some(Boilerplate::Link)),
            ("The council voted by a wide margin on Tuesday.", None),
            ("By the end of the year, prices had doubled.", None),
            ("More than 300 people attended the meeting.", None),
            ("Police said the photo was taken in March.", None),
        ];
        for (s, k) in cases {
            assert_eq!(detect(s), k, "{s}");
        }
    }
}
