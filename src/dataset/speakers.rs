//! Speaker-choice rows from annotated articles (`gold.json` folders): for every statement the
//! extractor finds that holds an annotated quote, each candidate speaker the rules propose
//! (see [`crate::actor`]), with its features, labelled by whether it names the annotated
//! speaker. The speaker ranker is fitted on these rows.

use super::annotated::{annotated_dirs, norm, read_gold};
use super::SourceFile;
use crate::actor::{self, Ranker};
use crate::article::Articles;
use crate::error::{Error, Result};
use crate::features::SparseMatrix;
use crate::hash::hex;
use crate::quote;
use sha2::{Digest as _, Sha256};
use std::collections::HashMap;
use std::path::Path;

/// The rows of every candidate of every annotated statement found.
pub struct SpeakerRows {
    /// One row per candidate, [`actor::COLUMNS`] columns.
    pub x: SparseMatrix,
    /// 1 when the candidate names the annotated speaker.
    pub y: Vec<usize>,
    /// How many rows each statement gives, in order.
    pub groups: Vec<usize>,
    /// Annotated statements (optional ones left out).
    pub annotated: usize,
    /// Statements of the extractor that hold one of them.
    pub found: usize,
    /// Of those, the ones with the annotated speaker among the candidates: the rows they give.
    pub covered: usize,
    pub files: Vec<SourceFile>,
}

/// Whether a speaker's name is one of the names the annotators give (as the team's scorer
/// compares them: an alias found inside the name).
pub(crate) fn names_speaker(name: &str, aliases: &[String]) -> bool {
    let name = norm(name);
    aliases.iter().any(|a| name.contains(&norm(a)))
}

/// Reads every annotated folder at or under each of `dirs`; candidates' histories follow the
/// choices of `ranker`.
pub fn speaker_rows(dirs: &[&Path], ranker: &Ranker) -> Result<SpeakerRows> {
    let mut rows = SpeakerRows {
        x: SparseMatrix::empty(actor::ranker::COLUMNS),
        y: Vec::new(),
        groups: Vec::new(),
        annotated: 0,
        found: 0,
        covered: 0,
        files: Vec::new(),
    };
    let mut x: Vec<Vec<(u32, f32)>> = Vec::new();
    for dir in dirs {
        let folders = annotated_dirs(dir)?;
        if folders.is_empty() {
            return Err(Error::input(dir, None, "holds no gold.json"));
        }
        for folder in folders {
            read_folder(&folder, ranker, &mut rows, &mut x)?;
        }
    }
    rows.x = SparseMatrix::from_rows(x, actor::ranker::COLUMNS);
    Ok(rows)
}

fn read_folder(
    dir: &Path,
    ranker: &Ranker,
    rows: &mut SpeakerRows,
    x: &mut Vec<Vec<(u32, f32)>>,
) -> Result<()> {
    let gold = read_gold(dir)?;
    let mut sha = Sha256::new();
    sha.update(&gold.bytes);
    let before = rows.y.len();
    for (name, annotation) in &gold.articles {
        let path = dir.join(name);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        sha.update(&bytes);
        let Some(article) = Articles::open(std::slice::from_ref(&path))?.next() else {
            return Err(Error::input(&path, None, "holds no article"));
        };
        let body = article?.body;
        let found = quote::find(&body);
        // Each annotated quote goes to the first statement holding its words.
        let texts: Vec<(usize, String)> = found
            .statements
            .iter()
            .filter_map(|s| {
                let first = s.spans.first()?.start;
                let text: Vec<&str> = s.spans.iter().map(|sp| sp.text(&body)).collect();
                Some((first, norm(&text.join(" "))))
            })
            .collect();
        let mut speakers: HashMap<usize, &[String]> = HashMap::new();
        for g in annotation.quotes.iter().filter(|g| !g.optional) {
            rows.annotated += 1;
            let wanted = norm(&g.text);
            if let Some((at, _)) = texts.iter().find(|(_, t)| t.contains(&wanted)) {
                speakers.entry(*at).or_insert(&g.speaker);
            }
        }
        rows.found += speakers.len();
        actor::attribute_with(&body, &found, ranker, |s, cands, resolver| {
            let Some(aliases) = s.spans.first().and_then(|sp| speakers.get(&sp.start)) else {
                return;
            };
            let labels: Vec<usize> = cands
                .iter()
                .map(|c| usize::from(names_speaker(resolver.canonical(c.entity), aliases)))
                .collect();
            if !labels.contains(&1) {
                return;
            }
            rows.covered += 1;
            rows.groups.push(cands.len());
            for (c, label) in cands.iter().zip(labels) {
                let mut row = c.row.clone();
                row.sort_unstable_by_key(|e| e.0);
                x.push(row);
                rows.y.push(label);
            }
        });
    }
    rows.files.push(SourceFile {
        path: gold.path,
        sha256: hex(&sha.finalize()),
        rows: rows.y.len() - before,
    });
    Ok(())
}
