//! Annotated articles: a folder of articles with a `gold.json` (the format of
//! `training/news/README.md`) read into labeled rows, each statement with its context.
//!
//! A statement is the quote the extractor finds holding the annotation's `match` text, so
//! training sees statements exactly as `classify` will; a statement the extractor misses is
//! taken as the sentence that holds its words.

use super::{Dataset, Row, RowContext, SourceFile};
use crate::article::{html_article, Article};
use crate::context::{self, Layout};
use crate::error::{Error, Result};
use crate::hash::hex;
use crate::quote::QuoteKind;
use crate::text::Span;
use crate::topic::{TopicSignals, TopicTerms};
use serde::Deserialize;
use sha2::{Digest as _, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What training keeps of an annotated article: enough to measure another topic against it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Digest {
    pub id: String,
    pub title: Option<String>,
    pub paragraphs: Vec<String>,
    /// Topics the annotators say no statement of the article addresses.
    pub near_miss: Vec<String>,
}

impl Digest {
    /// The article's signals for `topic`.
    pub(crate) fn signals(&self, terms: &TopicTerms) -> TopicSignals {
        let paragraphs: Vec<&str> = self.paragraphs.iter().map(String::as_str).collect();
        TopicSignals::new(terms, self.title.as_deref(), &paragraphs)
    }
}

/// One article of a `gold.json`.
#[derive(Deserialize)]
pub(super) struct GoldArticle {
    topic: String,
    #[serde(default)]
    near_miss_topics: Vec<String>,
    pub(super) quotes: Vec<GoldQuote>,
}

/// One annotated statement.
#[derive(Deserialize)]
pub(super) struct GoldQuote {
    #[serde(rename = "match")]
    pub(super) text: String,
    /// The names the speaker goes by, full name first.
    #[serde(default)]
    pub(super) speaker: Vec<String>,
    kind: Option<QuoteKind>,
    stance: Option<String>,
    sentiment: Option<String>,
    on_topic: Option<bool>,
    #[serde(default)]
    pub(super) optional: bool,
}

/// A folder's `gold.json`, read.
pub(super) struct GoldFile {
    pub(super) path: PathBuf,
    /// The file as read, for its checksum.
    pub(super) bytes: Vec<u8>,
    /// The annotations, by article file name.
    pub(super) articles: BTreeMap<String, GoldArticle>,
}

/// Reads the `gold.json` of `dir`.
pub(super) fn read_gold(dir: &Path) -> Result<GoldFile> {
    let path = dir.join("gold.json");
    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    let articles = serde_json::from_slice(&bytes)
        .map_err(|e| Error::input(&path, Some(e.line() as u64), e.to_string()))?;
    Ok(GoldFile {
        path,
        bytes,
        articles,
    })
}

/// Whether `dir` holds annotated articles.
pub(super) fn is_annotated(dir: &Path) -> bool {
    dir.join("gold.json").is_file()
}

/// The annotated folders under `dir`, itself included, sorted.
pub(super) fn annotated_dirs(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    if is_annotated(dir) {
        out.push(dir.to_path_buf());
    }
    let mut subdirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    subdirs.sort();
    for sub in subdirs {
        out.extend(annotated_dirs(&sub)?);
    }
    Ok(out)
}

/// Text compared as the annotation's `match` strings are: curly quotes straight, runs of
/// space one space, lower case; with each byte's offset in the original.
fn normalized(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut at = Vec::with_capacity(text.len());
    let mut space = false;
    for (i, c) in text.char_indices() {
        let c = match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if space {
                continue;
            }
            space = true;
        } else {
            space = false;
        }
        for l in c.to_lowercase() {
            let mut buf = [0u8; 4];
            for _ in l.encode_utf8(&mut buf).bytes() {
                at.push(i);
            }
            out.push(l);
        }
    }
    at.push(text.len());
    (out, at)
}

/// Text in the form the annotation's `match` strings are compared in.
pub(super) fn norm(text: &str) -> String {
    normalized(text).0.trim().to_string()
}

impl Dataset {
    /// Reads every annotated folder at or under `dir` (see `annotated_dirs`).
    pub fn read_annotated(&mut self, dir: &Path) -> Result<()> {
        let dirs = annotated_dirs(dir)?;
        if dirs.is_empty() {
            return Err(Error::input(
                dir,
                None,
                "is a directory without gold.json in it or below it",
            ));
        }
        for d in dirs {
            self.read_annotated_folder(&d)?;
        }
        self.has_stance = true;
        self.has_sentiment = true;
        Ok(())
    }

    fn read_annotated_folder(&mut self, dir: &Path) -> Result<()> {
        let gold_path = dir.join("gold.json");
        let gold_bytes = std::fs::read(&gold_path).map_err(|e| Error::io(&gold_path, e))?;
        self.read_annotated_files(dir, &gold_bytes, |name| {
            let path = dir.join(name);
            std::fs::read(&path).map_err(|e| Error::io(&path, e))
        })
    }

    /// Reads the annotated articles of folder `dir` (named in errors), given its gold.json
    /// and a way to get each article's bytes by file name.
    pub(crate) fn read_annotated_files(
        &mut self,
        dir: &Path,
        gold_bytes: &[u8],
        load: impl Fn(&str) -> Result<Vec<u8>>,
    ) -> Result<()> {
        let gold_path = dir.join("gold.json");
        let gold: BTreeMap<String, GoldArticle> = serde_json::from_slice(gold_bytes)
            .map_err(|e| Error::input(&gold_path, Some(e.line() as u64), e.to_string()))?;
        let mut sha = Sha256::new();
        sha.update(gold_bytes);
        let file = self.files.len();
        let mut rows = 0;
        for (name, annotation) in &gold {
            let path = dir.join(name);
            let bytes = load(name)?;
            sha.update(&bytes);
            let text = String::from_utf8_lossy(&bytes);
            let article = if name.ends_with(".html") || name.ends_with(".htm") {
                html_article(path.display().to_string(), &text)
            } else {
                Article::from_text(path.display().to_string(), text.into_owned())
            };
            let body = &article.body;
            let quotes = crate::extract(body);
            let layout = Layout::new(body, article.title.as_deref());
            let contexts = context::contexts(body, &layout, &quotes);
            let terms = TopicTerms::new(&annotation.topic);
            let digest = Digest {
                id: path.display().to_string(),
                title: layout.title.clone(),
                paragraphs: layout.texts(body).into_iter().map(str::to_string).collect(),
                near_miss: annotation.near_miss_topics.clone(),
            };
            let signals = Arc::new(digest.signals(&terms));
            let source = self.articles.len();
            self.articles.push(digest);
            let (flat, offsets) = normalized(body);
            let found: Vec<String> = quotes.iter().map(|q| norm(&q.text)).collect();
            for (i, g) in annotation.quotes.iter().enumerate() {
                if g.optional {
                    continue;
                }
                let wanted = norm(&g.text);
                let line = i as u64 + 1;
                let (text, kind, cue, speaker, actor, ctx) =
                    match found.iter().position(|f| f.contains(&wanted)) {
                        Some(q) => {
                            let quote = &quotes[q];
                            let c = contexts[q];
                            (
                                quote.text.clone(),
                                Some(quote.kind),
                                quote.cue.map(|s| s.text(body).to_lowercase()),
                                context::speaker_text(quote, body),
                                quote.speaker.clone(),
                                c,
                            )
                        }
                        None => {
                            let Some(at) = flat.find(&wanted) else {
                                // Text the reader leaves out (a pull quote in an HTML aside)
                                // cannot be a statement the pipeline sees.
                                self.skipped.push(super::SkippedRow {
                                    path: gold_path.clone(),
                                    line,
                                    message: format!(
                                        "{name}: {:?} is not in the article text as read",
                                        g.text
                                    ),
                                });
                                continue;
                            };
                            let span = Span::new(offsets[at], offsets[at + wanted.len()]);
                            let c = sentence_around(body, &layout, span);
                            (
                                c.sentence.text(body).to_string(),
                                g.kind,
                                None,
                                None,
                                None,
                                c,
                            )
                        }
                    };
                self.rows.push(Row {
                    text,
                    topic: annotation.topic.clone(),
                    stance: g.stance.as_deref().map(|s| s.trim().to_lowercase()),
                    sentiment: g.sentiment.as_deref().map(|s| s.trim().to_lowercase()),
                    cue,
                    kind,
                    speaker,
                    actor,
                    on_topic: g.on_topic,
                    article_on: Some(true),
                    context: Some(RowContext {
                        sentence: ctx.sentence.text(body).to_string(),
                        before: ctx.before.map_or("", |b| b.text(body)).to_string(),
                        article: Some((signals.clone(), ctx.paragraph)),
                        source: Some(source),
                    }),
                    weight: 1.0,
                    file,
                    line,
                });
                rows += 1;
            }
        }
        self.files.push(SourceFile {
            path: gold_path,
            sha256: hex(&sha.finalize()),
            rows,
        });
        Ok(())
    }
}

/// The context of words at `span` that no quote holds: their own sentence.
fn sentence_around(body: &str, layout: &Layout, span: Span) -> context::QuoteContext {
    let quote = crate::Quote {
        kind: QuoteKind::Indirect,
        text: span.text(body).to_string(),
        spans: vec![span],
        speaker: None,
        source: None,
        cue: None,
        denied: false,
        speaker_kind: None,
        affiliation: None,
    };
    context::contexts(body, layout, std::slice::from_ref(&quote))[0]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotated_folders_give_rows_with_context_and_relevance() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "Border Treaty Signed\n\nThe two ministers signed the border treaty on Monday. \
             \u{201c}This treaty ends thirty years of quarrels,\u{201d} Ms Lind said. \
             She said separately that fishing quotas would be discussed in May.\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("gold.json"),
            r#"{"a.txt": {"topic": "the border treaty", "near_miss_topics": ["fishing rights"],
                "quotes": [
                  {"speaker": ["Lind"], "match": "This treaty ends thirty years", "kind": "direct",
                   "stance": "favor", "sentiment": "positive", "on_topic": true},
                  {"speaker": ["Lind"], "match": "fishing quotas would be discussed", "kind": "indirect",
                   "stance": "none", "sentiment": "neutral", "on_topic": false}],
                "actors": {"Lind": "favor"}}}"#,
        )
        .unwrap();
        let mut ds = Dataset::default();
        ds.read_annotated(dir.path()).unwrap();
        assert_eq!(ds.rows.len(), 2);
        assert_eq!(ds.rows[0].on_topic, Some(true));
        assert_eq!(ds.rows[1].on_topic, Some(false));
        let ctx = ds.rows[0].context.as_ref().unwrap();
        assert!(ctx.sentence.contains("Ms Lind said"), "{}", ctx.sentence);
        let (signals, paragraph) = ctx.article.as_ref().unwrap();
        assert_eq!(*paragraph, 1);
        assert_eq!(signals.title.policy, 1.0);
        assert_eq!(ds.articles[0].near_miss, ["fishing rights"]);
        assert_eq!(ds.files.len(), 1);
        let bad = tempfile::tempdir().unwrap();
        std::fs::write(bad.path().join("a.txt"), "Nothing here.").unwrap();
        std::fs::write(
            bad.path().join("gold.json"),
            r#"{"a.txt": {"topic": "t", "quotes": [{"match": "not there", "stance": "none"}]}}"#,
        )
        .unwrap();
        let mut ds = Dataset::default();
        ds.read_annotated(bad.path()).unwrap();
        assert!(ds.rows.is_empty());
        assert!(
            ds.skipped[0].message.contains("not in the article"),
            "{:?}",
            ds.skipped
        );
    }

    /// The annotated news corpus (`training/news/README.md`): every annotated statement is
    /// found in its article, with its surroundings.
    #[test]
    fn every_statement_of_the_news_corpus_is_found_in_its_article() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for split in ["training/news", "tests/news"] {
            let mut ds = Dataset::default();
            ds.read_annotated(&root.join(split)).unwrap();
            let unread: Vec<String> = ds.skipped.iter().map(|s| s.message.clone()).collect();
            assert!(unread.is_empty(), "{split}: {unread:#?}");
            assert!(ds.rows.iter().all(|r| r.context.is_some()));
        }
    }
}
