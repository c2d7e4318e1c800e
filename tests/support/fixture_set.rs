//! The team's first set of annotated fixture articles (`tests/fixtures/gold-a`).

use std::path::{Path, PathBuf};

/// The folder of the fixture articles.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gold-a")
}

/// The articles of the folder, sorted as the reader walks them.
pub fn articles() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "html")))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}
