//! The public data sets and the seed article live beside the checkout, in `../shared`, never
//! in the repository. A test or benchmark that needs them fails when they are missing, so a
//! run without them cannot pass by testing nothing; `DEMARCHE_SKIP_SHARED=1` skips them
//! instead, with a note.

use std::path::PathBuf;

/// The environment variable that skips what needs `../shared`.
pub const SKIP: &str = "DEMARCHE_SKIP_SHARED";

/// `../shared/<rel>` when it exists; `None` when it does not and [`SKIP`] is set to `1`.
///
/// # Panics
/// When it does not exist and [`SKIP`] is not set: the test needing it fails.
pub fn path(rel: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if path.exists() {
        return Some(path);
    }
    if std::env::var(SKIP).is_ok_and(|v| v == "1") {
        eprintln!("skipped: {} not found ({SKIP}=1)", path.display());
        return None;
    }
    panic!(
        "{} not found: this needs the shared data beside the checkout (set {SKIP}=1 to skip it)",
        path.display()
    );
}
