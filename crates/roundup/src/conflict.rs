//! Where sources give different numbers, dates or names for the same fact.
//!
//! # Why this module exists
//!
//! A roundup that silently picks one outlet's casualty count takes a side. Two sentences of
//! different sources that are neighbours (cosine above [`NUMBER_SIM`], or [`DATE_SIM`] for dates)
//! conflict when each has a [`Quantity`](crate::quantity::Quantity) about the same thing (`peopl`, `budget`, `weekday`) with
//! different values, and neither also states the other's value. Names (the person a sentence
//! gives a role, [`NAME_SIM`]) conflict the same way: "Police Chief John Reyes" against "Police
//! Chief Maria Soto". Conflicting pairs are joined
//! into one [`Conflict`] per thing, with one version per value and every source that gives it.

use serde::Serialize;

use crate::group::Groups;
use crate::pool::Unit;
use crate::quantity::{same_value, Kind};

/// Cosine above which two sentences giving different numbers are about the same fact.
pub const NUMBER_SIM: f32 = 0.3;
/// Cosine above which two sentences giving different dates are about the same fact.
pub const DATE_SIM: f32 = 0.4;
/// Cosine above which two sentences naming different people in one role are about the same fact.
pub const NAME_SIM: f32 = 0.4;

fn threshold(kind: Kind) -> f32 {
    match kind {
        Kind::Number => NUMBER_SIM,
        Kind::Date => DATE_SIM,
        Kind::Name => NAME_SIM,
    }
}

/// One disagreement: what it is about and each version with its sources.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    /// What the values count (a term stem such as `peopl`), or `weekday`, `date`, `year`.
    pub about: String,
    /// The word it is about as the first version writes it ("people"), or the date kind.
    pub label: String,
    /// `number`, `date` or `name`.
    pub kind: &'static str,
    /// One entry per value, most-cited first.
    pub versions: Vec<Version>,
}

/// One value of a disputed fact.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Version {
    /// The normalized value.
    pub value: String,
    /// The value as the first source giving it writes it.
    pub shown: String,
    /// Index of the source the shown sentence comes from.
    pub source: usize,
    /// Index of that sentence in its source.
    pub sentence: usize,
    /// Byte span of that sentence in its source's text.
    pub span: nutgraf_text::Span,
    /// Every source giving this value, sorted.
    pub sources: Vec<usize>,
}

/// Finds the conflicts among the pooled sentences.
pub(crate) fn find(units: &[Unit], groups: &Groups) -> Vec<Conflict> {
    // (about, kind, unit, value index in unit) for each side of each conflicting pair.
    let mut edges: Vec<(String, Kind, usize, usize)> = Vec::new();
    for (i, list) in groups.near.iter().enumerate() {
        let a = &units[i];
        if a.opinion || a.boilerplate {
            continue;
        }
        for &(j, c) in list.iter().filter(|&&(j, _)| j > i) {
            let b = &units[j];
            if b.opinion || b.boilerplate {
                continue;
            }
            for q in &a.quantities {
                if c <= threshold(q.kind) {
                    continue;
                }
                let has = |u: &Unit, v: &crate::quantity::Quantity| u.quantities.iter().any(|r| r.agrees(v));
                for r in b.quantities.iter().filter(|r| r.contradicts(q)) {
                    if !has(b, q) && !has(a, r) {
                        edges.push((q.about.clone(), q.kind, i, 0));
                        edges.push((q.about.clone(), q.kind, j, 0));
                    }
                }
            }
        }
    }
    edges.sort();
    edges.dedup();
    let mut out: Vec<Conflict> = Vec::new();
    for chunk in edges.chunk_by(|x, y| x.0 == y.0 && x.1 == y.1) {
        let (about, kind) = (&chunk[0].0, chunk[0].1);
        let mut versions: Vec<Version> = Vec::new();
        let mut label = String::new();
        // Sources that agree with one side without a conflicting pair of their own count too.
        let mut members: Vec<usize> = chunk.iter().map(|e| e.2).collect();
        for &(_, _, u, _) in chunk {
            let threshold = threshold(kind);
            members.extend(
                groups.near[u]
                    .iter()
                    .filter(|&&(j, c)| {
                        c > threshold
                            && !units[j].opinion
                            && units[j].quantities.iter().any(|q| q.kind == kind && &q.about == about)
                    })
                    .map(|&(j, _)| j),
            );
        }
        members.sort_unstable();
        members.dedup();
        for u in members {
            for q in units[u].quantities.iter().filter(|q| q.kind == kind && &q.about == about) {
                if label.is_empty() {
                    label = q.label.clone();
                }
                match versions.iter_mut().find(|v| same_value(kind, &v.value, &q.value)) {
                    Some(v) => v.sources.push(units[u].source),
                    None => versions.push(Version {
                        value: q.value.clone(),
                        shown: q.shown.clone(),
                        source: units[u].source,
                        sentence: units[u].index,
                        span: units[u].span,
                        sources: vec![units[u].source],
                    }),
                }
            }
        }
        for v in &mut versions {
            v.sources.sort_unstable();
            v.sources.dedup();
        }
        versions.sort_by(|a, b| b.sources.len().cmp(&a.sources.len()).then(a.source.cmp(&b.source)));
        if versions.len() > 1 {
            out.push(Conflict { about: about.clone(), label, kind: kind.as_str(), versions });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pool::Pool;

    #[test]
    fn different_counts_of_the_same_thing() {
        let a = "Floods killed 12 people in the river valley on Tuesday.";
        let b = "The floods in the river valley killed 14 people, officials said.";
        let c = "Floods in the river valley killed 12 people and closed three schools.";
        let p = Pool::new(&[a, b, c]);
        let g = Groups::new(&p.units, 3);
        let found = find(&p.units, &g);
        assert_eq!(found.len(), 1, "{found:?}");
        let k = &found[0];
        assert_eq!(k.about, "peopl");
        assert_eq!(k.versions[0].value, "12");
        assert_eq!(k.versions[0].sources, vec![0, 2]);
        assert_eq!(k.versions[1].value, "14");
        assert_eq!(k.versions[1].sources, vec![1]);
    }

    #[test]
    fn different_people_named_in_one_role() {
        let a = "Police Chief John Reyes said the bridge would stay closed until Friday.";
        let b = "The bridge will stay closed until Friday, Police Chief Maria Soto said.";
        let c = "Reyes said the bridge would stay closed until Friday, and Mayor Ann Cole agreed.";
        let p = Pool::new(&[a, b, c]);
        let g = Groups::new(&p.units, 3);
        let found = find(&p.units, &g);
        let names: Vec<&Conflict> = found.iter().filter(|k| k.kind == "name").collect();
        assert_eq!(names.len(), 1, "{found:?}");
        assert_eq!(names[0].about, "chief");
        let values: Vec<(&str, &[usize])> =
            names[0].versions.iter().map(|v| (v.value.as_str(), &v.sources[..])).collect();
        assert_eq!(values, vec![("John Reyes", &[0][..]), ("Maria Soto", &[1][..])]);
        assert_eq!(&b[names[0].versions[1].span], b);
    }

    #[test]
    fn a_surname_alone_is_no_conflict() {
        let a = "Police Chief John Reyes said the bridge would stay closed until Friday.";
        let b = "The bridge will stay closed until Friday, Police Chief Reyes said.";
        let p = Pool::new(&[a, b]);
        let g = Groups::new(&p.units, 2);
        assert!(find(&p.units, &g).iter().all(|k| k.kind != "name"));
    }
}
