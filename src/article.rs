//! Articles: the text demarche reads, and where it came from.

/// One news article. `body` is the text exactly as read; every offset demarche reports is a
/// byte offset into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// A path, or `path:line` / the `id` field for JSONL records.
    pub id: String,
    pub body: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
}
