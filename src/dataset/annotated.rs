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
            let reading = Reading::new(&path, &bytes);
            let terms = TopicTerms::new(&annotation.topic);
            let digest = reading.digest(&path, annotation.near_miss_topics.clone());
            let signals = Arc::new(digest.signals(&terms));
            let source = self.articles.len();
            self.articles.push(digest);
            for (i, g) in annotation.quotes.iter().enumerate() {
                if g.optional {
                    continue;
                }
                let line = i as u64 + 1;
                let Some(found) = reading.locate(&norm(&g.text), g.kind) else {
                    // Text the reader leaves out (a pull quote in an HTML aside) cannot be a
                    // statement the pipeline sees.
                    self.skipped.push(super::SkippedRow {
                        path: gold_path.clone(),
                        line,
                        message: format!("{name}: {:?} is not in the article text as read", g.text),
                    });
                    continue;
                };
                let context = found.context(&reading, &signals, source);
                self.rows.push(Row {
                    text: found.text,
                    topic: annotation.topic.clone(),
                    stance: g.stance.as_deref().map(|s| s.trim().to_lowercase()),
                    sentiment: g.sentiment.as_deref().map(|s| s.trim().to_lowercase()),
                    cue: found.cue,
                    kind: found.kind,
                    speaker: found.speaker,
                    actor: found.actor,
                    on_topic: g.on_topic,
                    article_on: Some(true),
                    context: Some(context),
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

/// One article read as `classify` reads it: its quotes, where each sits, and its text in the
/// form annotations are matched in.
pub(super) struct Reading {
    article: Article,
    quotes: Vec<crate::Quote>,
    layout: Layout,
    contexts: Vec<context::QuoteContext>,
    /// Each quote's text, normalised.
    found: Vec<String>,
    /// The body normalised, with each byte's offset in the body.
    flat: (String, Vec<usize>),
}

/// A labeled statement found in a [`Reading`].
pub(super) struct Located {
    pub(super) text: String,
    pub(super) kind: Option<QuoteKind>,
    pub(super) cue: Option<String>,
    pub(super) speaker: Option<String>,
    pub(super) actor: Option<String>,
    at: context::QuoteContext,
}

impl Reading {
    /// Reads the article at `path` (named so in errors and digests) from `bytes`: HTML by its
    /// extension, plain text otherwise.
    pub(super) fn new(path: &Path, bytes: &[u8]) -> Reading {
        let text = String::from_utf8_lossy(bytes);
        let id = path.display().to_string();
        let html = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        let article = if html {
            html_article(id, &text)
        } else {
            Article::from_text(id, text.into_owned())
        };
        let body = &article.body;
        let quotes = crate::extract(body);
        let layout = Layout::new(body, article.title.as_deref());
        let contexts = context::contexts(body, &layout, &quotes);
        let found = quotes.iter().map(|q| norm(&q.text)).collect();
        let flat = normalized(body);
        Reading {
            article,
            quotes,
            layout,
            contexts,
            found,
            flat,
        }
    }

    /// What training keeps of the article.
    pub(super) fn digest(&self, path: &Path, near_miss: Vec<String>) -> Digest {
        Digest {
            id: path.display().to_string(),
            title: self.layout.title.clone(),
            paragraphs: self
                .layout
                .texts(&self.article.body)
                .into_iter()
                .map(str::to_string)
                .collect(),
            near_miss,
        }
    }

    /// The statement holding the normalised words `wanted`: the quote the extractor finds
    /// with them, so training sees statements as `classify` will, or else the sentence that
    /// holds them (of kind `kind`). `None` when the article as read does not hold them.
    pub(super) fn locate(&self, wanted: &str, kind: Option<QuoteKind>) -> Option<Located> {
        let body = &self.article.body;
        if let Some(q) = self.found.iter().position(|f| f.contains(wanted)) {
            let quote = &self.quotes[q];
            return Some(Located {
                text: quote.text.clone(),
                kind: Some(quote.kind),
                cue: quote.cue.map(|s| s.text(body).to_lowercase()),
                speaker: context::speaker_text(quote, body),
                actor: quote.speaker.clone(),
                at: self.contexts[q],
            });
        }
        let (flat, offsets) = &self.flat;
        let at = flat.find(wanted)?;
        let span = Span::new(offsets[at], offsets[at + wanted.len()]);
        let c = sentence_around(body, &self.layout, span);
        Some(Located {
            text: c.sentence.text(body).to_string(),
            kind,
            cue: None,
            speaker: None,
            actor: None,
            at: c,
        })
    }
}

impl Located {
    /// The statement's surroundings in `reading`, the article [`Dataset::articles`] holds at
    /// `source`, whose signals for the row's topic are `signals`.
    pub(super) fn context(
        &self,
        reading: &Reading,
        signals: &Arc<TopicSignals>,
        source: usize,
    ) -> RowContext {
        let body = &reading.article.body;
        RowContext {
            sentence: self.at.sentence.text(body).to_string(),
            before: self.at.before.map_or("", |b| b.text(body)).to_string(),
            article: Some((signals.clone(), self.at.paragraph)),
            source: Some(source),
        }
    }
}

impl Dataset {
    /// Gives the rows of a labels file that name the article their statement was labeled in
    /// (`rows`: row index and the `article` column, as `demarche label` writes it) the
    /// context the statement has there, read as annotated articles are: its sentence and the
    /// one before, its speaker, and the article's signals for the row's topic, so a user's
    /// labels train the article-level features as the built-in corpus does, and are paired
    /// with other topics by `--swap-topics`. The article is looked for as named (relative to
    /// the working directory) and then beside `labels`; a row whose article cannot be read,
    /// or does not hold the statement, keeps what its own columns give.
    pub(super) fn attach_articles(&mut self, labels: &Path, rows: &[(usize, String)]) {
        let mut by_article: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (row, article) in rows {
            by_article.entry(article).or_default().push(*row);
        }
        for (name, rows) in by_article {
            let Some((path, bytes)) = article_beside(labels, name) else {
                continue;
            };
            let reading = Reading::new(&path, &bytes);
            let mut signals: BTreeMap<String, Arc<TopicSignals>> = BTreeMap::new();
            let mut source = None;
            for r in rows {
                let row = &self.rows[r];
                let Some(found) = reading.locate(&norm(&row.text), row.kind) else {
                    continue;
                };
                let source = *source.get_or_insert_with(|| {
                    self.articles.push(reading.digest(&path, Vec::new()));
                    self.articles.len() - 1
                });
                let digest = &self.articles[source];
                let signals = signals
                    .entry(row.topic.clone())
                    .or_insert_with(|| Arc::new(digest.signals(&TopicTerms::new(&row.topic))));
                let context = found.context(&reading, signals, source);
                let row = &mut self.rows[r];
                row.context = Some(context);
                row.article_on = Some(true);
                row.speaker = row.speaker.take().or(found.speaker);
                row.actor = found.actor;
                row.cue = row.cue.take().or(found.cue);
                row.kind = row.kind.or(found.kind);
            }
        }
    }
}

/// The most bytes of an article a labels file's `article` column is read for: any news
/// article is far smaller, and a wrong path (a device, a huge log) is not read whole.
const MAX_ARTICLE_BYTES: u64 = 16 << 20;

/// The article `name` a labels file at `labels` refers to: as named, else beside the file.
fn article_beside(labels: &Path, name: &str) -> Option<(PathBuf, Vec<u8>)> {
    let named = Path::new(name);
    let beside = labels.parent().map(|d| d.join(named));
    [Some(named.to_path_buf()), beside]
        .into_iter()
        .flatten()
        .find_map(|p| {
            let meta = std::fs::metadata(&p).ok()?;
            if !meta.is_file() || meta.len() > MAX_ARTICLE_BYTES {
                return None;
            }
            let bytes = std::fs::read(&p).ok()?;
            Some((p, bytes))
        })
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

    #[test]
    fn a_labels_file_naming_its_articles_gives_rows_their_article_context() {
        use super::super::ReadOptions;
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "Border Treaty Signed\n\nThe two ministers signed the border treaty on Monday. \
             \u{201c}This treaty ends thirty years of quarrels,\u{201d} Ms Lind said.\n",
        )
        .unwrap();
        let labels = dir.path().join("labels.csv");
        std::fs::write(
            &labels,
            "text,topic,stance,article\n\
             This treaty ends thirty years of quarrels,the border treaty,favor,a.txt\n\
             A statement from nowhere,the border treaty,none,missing.txt\n\
             Another statement,the border treaty,none,\n",
        )
        .unwrap();
        let ds = Dataset::read(&[labels], &ReadOptions::default()).unwrap();
        assert_eq!(ds.rows.len(), 3);
        let ctx = ds.rows[0].context.as_ref().expect("the article's context");
        assert!(ctx.sentence.contains("Ms Lind said"), "{}", ctx.sentence);
        let (signals, paragraph) = ctx.article.as_ref().unwrap();
        assert_eq!(*paragraph, 1);
        assert_eq!(signals.title.policy, 1.0);
        assert_eq!(ds.rows[0].article_on, Some(true));
        assert_eq!(ds.rows[0].actor.as_deref(), Some("Lind"));
        assert_eq!(ds.articles.len(), 1);
        // An article that cannot be read, or none named: the row as its columns give it.
        assert!(ds.rows[1].context.is_none() && ds.rows[2].context.is_none());
        assert_eq!(ds.rows[1].article_on, None);
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
