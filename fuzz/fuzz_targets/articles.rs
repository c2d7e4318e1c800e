//! Bytes as an article file (`.txt`, `.html` or `.jsonl`, picked by the first byte) read by
//! `demarche::article::Articles`, every article's quotes extracted and checked.
#![no_main]

use demarche::article::Articles;
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

/// One directory per process; each run overwrites its file.
fn dir() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary directory"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let ext = ["txt", "html", "jsonl"][pick as usize % 3];
    let path: PathBuf = dir().path().join(format!("input.{ext}"));
    std::fs::write(&path, rest).expect("write the input");
    // A small limit too, so the size checks run on short inputs.
    let limit = if pick >= 128 { 64 } else { 1 << 20 };
    let articles = Articles::open(&[path])
        .expect("the file exists")
        .max_article_bytes(limit);
    for article in articles {
        let Ok(article) = article else { continue };
        // The limit counts bytes read; lossy decoding turns an invalid byte into three.
        assert!(
            article.body.len() <= 3 * limit,
            "an article far over the limit was read"
        );
        let quotes = demarche::extract(&article.body);
        if let Err(e) = invariants::check_quotes(&article.body, &quotes) {
            panic!("{e}\nbody: {:?}", article.body);
        }
    }
});
