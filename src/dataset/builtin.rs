//! The built-in training corpus, embedded in the binary (see `build.rs`): the rows the
//! built-in model was trained on, for `train --with-builtin`.

use super::{Dataset, ReadOptions};
use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/training.bin"));

/// The bundled files: path relative to `training/`, and bytes.
fn files() -> Vec<(&'static str, &'static [u8])> {
    let mut out = Vec::new();
    let mut rest = BUNDLE;
    let mut take = |n: usize| {
        let (s, r) = rest.split_at(n);
        rest = r;
        s
    };
    let len = |b: &[u8]| u64::from_le_bytes(b.try_into().expect("8 bytes")) as usize;
    let mut left = BUNDLE.len();
    while left > 0 {
        let n = len(take(8));
        let name = std::str::from_utf8(take(n)).expect("paths are UTF-8");
        let m = len(take(8));
        out.push((name, take(m)));
        left -= 16 + n + m;
    }
    out
}

impl Dataset {
    /// Adds the built-in corpus's rows (named `<built-in>/training/...` in errors and in the
    /// model card).
    pub fn read_builtin(&mut self) -> Result<()> {
        let base = Path::new("<built-in>/training");
        let files = files();
        let mut folders: BTreeMap<&str, BTreeMap<&str, &[u8]>> = BTreeMap::new();
        for (name, bytes) in &files {
            match name.rsplit_once('/') {
                None => {
                    self.read_bytes(&base.join(name), bytes, &ReadOptions::default())?;
                }
                Some((folder, file)) => {
                    folders.entry(folder).or_default().insert(file, bytes);
                }
            }
        }
        for (folder, contents) in folders {
            let dir: PathBuf = base.join(folder);
            let Some(gold) = contents.get("gold.json") else {
                continue;
            };
            self.read_annotated_files(&dir, gold, |name| {
                contents
                    .get(name)
                    .map(|b| b.to_vec())
                    .ok_or_else(|| Error::input(dir.join(name), None, "not in the built-in corpus"))
            })?;
        }
        self.has_stance = true;
        self.has_sentiment = true;
        Ok(())
    }
}

/// The repository's training inputs as `models/train-default.sh` gives them: the labeled
/// files of `training/`, sorted, then the annotated articles of `training/news`.
#[cfg(test)]
pub(crate) fn training_inputs() -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("training");
    let mut inputs: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    inputs.sort();
    inputs.push(dir.join("news"));
    inputs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundle_holds_the_training_corpus_as_read_from_disk() {
        let mut bundled = Dataset::default();
        bundled.read_builtin().unwrap();
        let inputs = training_inputs();
        let disk = Dataset::read(&inputs, &ReadOptions::default()).unwrap();
        assert_eq!(bundled.rows.len(), disk.rows.len());
        let shas = |d: &Dataset| {
            let mut v: Vec<String> = d.files.iter().map(|f| f.sha256.clone()).collect();
            v.sort();
            v
        };
        assert_eq!(shas(&bundled), shas(&disk));
        assert!(bundled
            .rows
            .iter()
            .zip(&disk.rows)
            .all(|(a, b)| a.text == b.text && a.stance == b.stance));
    }
}
