//! Temporary: replaced by the generated VADER lexicon.
#[rustfmt::skip]
pub(crate) static LOADED_WORDS: &[(&str, f32)] = &[("betrayed", -2.5), ("cowards", -2.4), ("ecstatic", 3.3), ("evil", -3.4), ("spineless", -2.0)];
#[rustfmt::skip]
pub(crate) static INTENSIFIERS: &[&str] = &["absolutely", "utterly"];
