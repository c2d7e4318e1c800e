//! [`PartialReports`]: the partial reports of one run over several topics (one per topic,
//! written one a line), and how the sets of separate shards merge topic by topic.

use super::partial::PartialReport;
use super::Report;
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// One partial report per topic, in the order the topics were given. With one topic it is
/// written and read exactly as a single [`PartialReport`].
#[derive(Debug, Clone, PartialEq)]
pub struct PartialReports {
    parts: Vec<PartialReport>,
    source: Option<PathBuf>,
}

fn quoted(topics: &[&str]) -> String {
    topics
        .iter()
        .map(|t| format!("{t:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl PartialReports {
    /// The partial reports of one run, one per topic (the topics distinct).
    pub fn new(parts: Vec<PartialReport>) -> PartialReports {
        PartialReports {
            parts,
            source: None,
        }
    }

    /// The topics, in order.
    pub fn topics(&self) -> Vec<&str> {
        self.parts.iter().map(|p| p.topic.as_str()).collect()
    }

    /// Reads a file written by `report --partial` or `merge --partial`.
    pub fn load(path: impl AsRef<Path>) -> Result<PartialReports> {
        let path = path.as_ref();
        PartialReports::from_json(&super::partial::read_text(path)?, path)
    }

    /// Parses partial reports, one a line: those of one topic are added up, the topics kept
    /// in the order first seen. Every topic must have counted the same articles (each shard
    /// writes one line per topic): a shard's line for one topic missing is an error.
    pub fn from_json(text: &str, path: impl Into<PathBuf>) -> Result<PartialReports> {
        let path = path.into();
        let mut parts: Vec<PartialReport> = Vec::new();
        PartialReport::each_in(text, &path, |p, _| {
            match parts.iter_mut().find(|q| q.topic == p.topic) {
                Some(q) => q.absorb(p)?,
                None => parts.push(p),
            }
            Ok(())
        })?;
        if parts.is_empty() {
            return Err(Error::input(&path, None, "empty: no partial report in it"));
        }
        let set = PartialReports {
            parts,
            source: Some(path),
        };
        set.check()?;
        Ok(set)
    }

    fn name(&self) -> String {
        self.source
            .as_ref()
            .map_or_else(|| "partial report".to_string(), |p| p.display().to_string())
    }

    /// Every topic counted the same articles.
    fn check(&self) -> Result<()> {
        let Some((first, rest)) = self.parts.split_first() else {
            return Ok(());
        };
        for p in rest {
            if p.article_hashes != first.article_hashes || p.duplicates != first.duplicates {
                return Err(Error::input(
                    self.source.clone().unwrap_or_default(),
                    None,
                    format!(
                        "topic {:?} counts {} articles, but topic {:?} counts {}: the partial \
                         reports of one run hold the same articles for every topic (a shard's \
                         line for one topic is missing, or lines of other runs are mixed in)",
                        p.topic, p.articles, first.topic, first.articles
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Adds another run's partial reports, topic by topic; both must be over the same topics.
    pub fn absorb(&mut self, other: PartialReports) -> Result<()> {
        if self.parts.len() == 1 && other.parts.len() == 1 {
            // One topic each: the partial report's own checks name what differs.
            let theirs = other.parts.into_iter().next().expect("one part");
            return self.parts[0].absorb(theirs);
        }
        let mut mine = self.topics();
        let mut theirs = other.topics();
        let (shown_mine, shown_theirs) = (quoted(&mine), quoted(&theirs));
        mine.sort_unstable();
        theirs.sort_unstable();
        if mine != theirs {
            return Err(Error::input(
                other.source.clone().unwrap_or_default(),
                None,
                format!(
                    "topics {shown_theirs}, but {} has {shown_mine}",
                    self.name()
                ),
            ));
        }
        for p in other.parts {
            let q = self
                .parts
                .iter_mut()
                .find(|q| q.topic == p.topic)
                .expect("the same topics");
            q.absorb(p)?;
        }
        Ok(())
    }

    /// Writes one line of JSON per topic.
    pub fn write_to(&self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        for p in &self.parts {
            p.write_to(w)?;
        }
        Ok(())
    }

    /// Finishes each topic's sums into its report, in topic order.
    pub fn finish(self) -> Vec<Report> {
        self.parts.into_iter().map(PartialReport::finish).collect()
    }
}
