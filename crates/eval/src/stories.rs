//! Story-grouping evaluation: NeuS rows as gold stories, B-cubed and adjusted Rand index.
//!
//! In NeuS/AllSides each row is one story told by three outlets; each of its `sources` is one
//! article, `"TITLE=> ... ARTICLE=> ..."`. [`read_neus`] turns a file into articles (id
//! `ROW#1`..`ROW#3`, title, text) with the row as the gold story; rows of several files are
//! numbered on, so they can be pooled. A line that is not a JSON object with an `id` and a
//! `sources` array of strings is skipped and reported with its line number.
//!
//! Scores compare a predicted story per article with the gold story:
//! * B-cubed precision, recall and F1 (Bagga and Baldwin 1998): per article, the share of its
//!   predicted story that is in its gold story (precision) and the share of its gold story that
//!   it was grouped with (recall), averaged over articles; F1 of the two averages.
//! * Adjusted Rand index (Hubert and Arabie 1985): pair agreement corrected for chance, 0 for a
//!   random grouping, 1 for a perfect one.
//!
//! Both are computed from the contingency table in `O(n)`, so they scale to any feed.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use crate::{Error, Malformed};

/// One article of a gold story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldArticle {
    /// `ROW_ID#k`, k = 1, 2, 3.
    pub id: String,
    /// The headline (the `TITLE=>` part).
    pub title: String,
    /// The text (the `ARTICLE=>` part).
    pub text: String,
    /// The gold story: the row's index over all files read.
    pub story: usize,
}

/// Articles read from NeuS files.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoldStories {
    /// The articles, in file order.
    pub articles: Vec<GoldArticle>,
    /// Number of stories (rows).
    pub stories: usize,
    /// Lines skipped, with the file they are in.
    pub malformed: Vec<(String, Malformed)>,
}

impl GoldStories {
    /// The gold story of each article.
    pub fn gold(&self) -> Vec<usize> {
        self.articles.iter().map(|a| a.story).collect()
    }
}

/// Reads one NeuS file and adds its rows as stories.
pub fn read_neus(path: &Path, into: &mut GoldStories) -> Result<(), Error> {
    let io = |error| Error::Io { path: path.to_path_buf(), error };
    let file = std::fs::File::open(path).map_err(io)?;
    let name = path.display().to_string();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io)?;
        if line.trim().is_empty() {
            continue;
        }
        match parse_row(&line) {
            Ok((id, sources)) => {
                for (k, source) in sources.iter().enumerate() {
                    let (title, text) = split_source(source);
                    into.articles.push(GoldArticle {
                        id: format!("{id}#{}", k + 1),
                        title: title.to_string(),
                        text: text.to_string(),
                        story: into.stories,
                    });
                }
                into.stories += 1;
            }
            Err(message) => into.malformed.push((name.clone(), Malformed { line: n + 1, message })),
        }
    }
    Ok(())
}

fn parse_row(line: &str) -> Result<(String, Vec<String>), String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("malformed json: {e}"))?;
    let id = match v.get("id") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err("no id".into()),
    };
    let sources = v.get("sources").and_then(Value::as_array).ok_or("no sources array")?;
    let sources: Option<Vec<String>> = sources.iter().map(|s| s.as_str().map(str::to_string)).collect();
    let sources = sources.filter(|s| !s.is_empty()).ok_or("sources must be a non-empty array of strings")?;
    Ok((id, sources))
}

/// `"TITLE=> t ARTICLE=> a"` into `(t, a)`; without the markers, no title and the whole text.
pub fn split_source(source: &str) -> (&str, &str) {
    match source.split_once("ARTICLE=>") {
        Some((head, body)) => (head.trim().trim_start_matches("TITLE=>").trim(), body.trim()),
        None => ("", source.trim()),
    }
}

/// Clustering scores of a predicted grouping against the gold one.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ClusterScores {
    /// B-cubed precision.
    pub bcubed_precision: f64,
    /// B-cubed recall.
    pub bcubed_recall: f64,
    /// B-cubed F1.
    pub bcubed_f1: f64,
    /// Adjusted Rand index.
    pub ari: f64,
    /// Number of predicted clusters.
    pub clusters: usize,
}

/// Scores `predicted` (a cluster per item) against `gold`; both the same length, not empty.
pub fn score(gold: &[usize], predicted: &[usize]) -> Result<ClusterScores, Error> {
    if gold.len() != predicted.len() || gold.is_empty() {
        return Err(Error::InvalidOption(format!(
            "cannot score {} predictions against {} gold labels",
            predicted.len(),
            gold.len()
        )));
    }
    let mut cells: HashMap<(usize, usize), u64> = HashMap::default();
    let (mut gsize, mut psize): (HashMap<usize, u64>, HashMap<usize, u64>) = Default::default();
    for (&g, &p) in gold.iter().zip(predicted) {
        *cells.entry((g, p)).or_default() += 1;
        *gsize.entry(g).or_default() += 1;
        *psize.entry(p).or_default() += 1;
    }
    let n = gold.len() as f64;
    let (mut precision, mut recall) = (0.0, 0.0);
    for (&(g, p), &c) in &cells {
        let c2 = (c * c) as f64;
        precision += c2 / psize[&p] as f64;
        recall += c2 / gsize[&g] as f64;
    }
    let (precision, recall) = (precision / n, recall / n);
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    let pairs = |c: u64| (c * c.saturating_sub(1) / 2) as f64;
    let index: f64 = cells.values().map(|&c| pairs(c)).sum();
    let (sum_g, sum_p): (f64, f64) = (gsize.values().map(|&c| pairs(c)).sum(), psize.values().map(|&c| pairs(c)).sum());
    let expected = sum_g * sum_p / pairs(gold.len() as u64).max(1.0);
    let max = (sum_g + sum_p) / 2.0;
    let ari = if max == expected { 1.0 } else { (index - expected) / (max - expected) };
    Ok(ClusterScores { bcubed_precision: precision, bcubed_recall: recall, bcubed_f1: f1, ari, clusters: psize.len() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn perfect_and_split_groupings() {
        let gold = [0, 0, 0, 1, 1, 2];
        let s = score(&gold, &[5, 5, 5, 7, 7, 9]).unwrap();
        assert!(close(s.bcubed_f1, 1.0) && close(s.ari, 1.0) && s.clusters == 3);
        // All singletons: precision 1, recall = mean(1/3,1/3,1/3,1/2,1/2,1) = 0.5.
        let s = score(&gold, &[0, 1, 2, 3, 4, 5]).unwrap();
        assert!(close(s.bcubed_precision, 1.0) && close(s.bcubed_recall, 0.5), "{s:?}");
        // One big cluster: recall 1, precision = (9 + 4 + 1) / 36.
        let s = score(&gold, &[0; 6]).unwrap();
        assert!(close(s.bcubed_recall, 1.0) && close(s.bcubed_precision, 14.0 / 36.0) && close(s.ari, 0.0));
    }

    #[test]
    fn ari_matches_a_worked_example() {
        // sklearn.metrics.adjusted_rand_score([0,0,1,1], [0,0,1,2]) = 0.5714285714285715
        let s = score(&[0, 0, 1, 1], &[0, 0, 1, 2]).unwrap();
        assert!(close(s.ari, 0.5714285714285715), "{}", s.ari);
        assert!(score(&[0], &[]).is_err() && score(&[], &[]).is_err());
    }

    #[test]
    fn neus_rows_become_three_articles() {
        let dir = std::env::temp_dir().join(format!("nutgraf-neus-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("neus.jsonl");
        let row = r#"{"id": "r1", "sources": ["TITLE=> Dam opens. ARTICLE=> The dam opened.", "TITLE=> Dam. ARTICLE=> It opened.", "no markers"], "reference": "x"}"#;
        std::fs::write(&path, format!("{row}\nnot json\n{{\"id\": \"r2\"}}\n")).unwrap();
        let mut gold = GoldStories::default();
        read_neus(&path, &mut gold).unwrap();
        read_neus(&path, &mut gold).unwrap();
        assert_eq!((gold.articles.len(), gold.stories), (6, 2));
        assert_eq!((gold.articles[0].id.as_str(), gold.articles[0].title.as_str()), ("r1#1", "Dam opens."));
        assert_eq!((gold.articles[2].title.as_str(), gold.articles[2].text.as_str()), ("", "no markers"));
        assert_eq!(gold.gold(), vec![0, 0, 0, 1, 1, 1]);
        assert_eq!(gold.malformed.iter().map(|(_, m)| m.line).collect::<Vec<_>>(), vec![2, 3, 2, 3]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
