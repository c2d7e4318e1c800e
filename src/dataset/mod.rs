//! Labeled files: the rows `train` and `eval` read, per the labeled-file rules of `docs/contract.md`.
//!
//! Files are read as bytes and decoded lossily (the SemEval files hold invalid UTF-8), a BOM is
//! dropped, CRLF and LF both end records. Labels are kept as case-folded strings, since a model
//! learns whatever label set its data has. This module does not build features or models.

use crate::error::{Error, Result};
use crate::features::{Context, ModelInput};
use crate::hash::hex;
use crate::quote::QuoteKind;
use crate::topic::TopicSignals;
use std::sync::Arc;

mod annotated;
mod builtin;
#[cfg(test)]
pub(crate) use builtin::training_inputs;
pub mod speakers;
mod swap;

pub(crate) use annotated::Digest;
use sha2::{Digest as _, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Which header names hold what. `None` for an optional column means "use the default name if
/// the file has it"; a name given by the user must exist.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    /// The statement (default `text`; the only column a file must have).
    pub text: Option<String>,
    /// The topic the labels are toward (default `topic`).
    pub topic: Option<String>,
    /// The stance label (default `stance`).
    pub stance: Option<String>,
    /// The sentiment label (default `sentiment`).
    pub sentiment: Option<String>,
    /// The attribution cue (default `cue`).
    pub cue: Option<String>,
    /// The quote kind (default `kind`).
    pub kind: Option<String>,
    /// Whether the statement addresses the topic (default `on_topic`).
    pub on_topic: Option<String>,
    /// The sentence around the statement (default `context`).
    pub context: Option<String>,
    /// Who made the statement (default `speaker`).
    pub speaker: Option<String>,
}

/// How to read labeled files.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Which columns hold what.
    pub columns: Columns,
    /// The field separator (`,` by default).
    pub delimiter: u8,
    /// Applied to both label columns after case folding, before `neither` -> `neutral`.
    pub label_map: Vec<(String, String)>,
    /// When set, any other stance label is a bad row.
    pub stance_labels: Option<Vec<String>>,
    /// When set, any other sentiment label is a bad row.
    pub sentiment_labels: Option<Vec<String>>,
    /// Leave bad rows out ([`Dataset::skipped`]) instead of failing on the first.
    pub skip_bad_rows: bool,
    /// A row with a longer field is a bad row: one enormous field (a whole file in one
    /// quoted cell) would take gigabytes of features.
    pub max_field_bytes: usize,
    /// More distinct labels than this in a label column is an error: most likely the wrong
    /// column (`--stance-col id`), and training hundreds of classes takes gigabytes.
    pub max_labels: usize,
}

/// The default `--max-field-bytes`: a statement, a tweet or a sentence of context is far
/// shorter.
pub const DEFAULT_MAX_FIELD_BYTES: usize = 1 << 20;
/// The default `--max-labels`: stance and sentiment data sets have two to a handful.
pub const DEFAULT_MAX_LABELS: usize = 50;

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            columns: Columns::default(),
            delimiter: b',',
            label_map: Vec::new(),
            stance_labels: None,
            sentiment_labels: None,
            skip_bad_rows: false,
            max_field_bytes: DEFAULT_MAX_FIELD_BYTES,
            max_labels: DEFAULT_MAX_LABELS,
        }
    }
}

/// Parses a `--delimiter` value: one ASCII character, or `tab` / `\t`.
pub fn parse_delimiter(s: &str) -> std::result::Result<u8, String> {
    match s {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        "comma" => Ok(b','),
        "semicolon" => Ok(b';'),
        _ if s.len() == 1 && s.is_ascii() => Ok(s.as_bytes()[0]),
        _ => Err(format!(
            "delimiter must be one ASCII character or `tab`, got {s:?}"
        )),
    }
}

/// Parses `--label-map FROM=TO,...` (case-folded). Each entry has one `=` between two
/// labels, and a label is renamed at most once.
pub fn parse_label_map(s: &str) -> std::result::Result<Vec<(String, String)>, String> {
    let mut map: Vec<(String, String)> = Vec::new();
    for pair in s.split(',').filter(|p| !p.trim().is_empty()) {
        let (from, to) = match pair.split_once('=') {
            Some((from, to))
                if !from.trim().is_empty() && !to.trim().is_empty() && !to.contains('=') =>
            {
                (fold(from), fold(to))
            }
            _ => return Err(format!("label map entries are FROM=TO, got {pair:?}")),
        };
        if let Some((_, other)) = map.iter().find(|(f, _)| *f == from) {
            return Err(format!(
                "label map renames {from:?} twice, to {other:?} and to {to:?}"
            ));
        }
        map.push((from, to));
    }
    Ok(map)
}

/// Parses `--labels a,b,c` (case-folded).
pub fn parse_label_list(s: &str) -> std::result::Result<Vec<String>, String> {
    let labels: Vec<String> = s.split(',').map(fold).filter(|l| !l.is_empty()).collect();
    if labels.len() < 2 {
        return Err(format!("a label list needs at least two labels, got {s:?}"));
    }
    Ok(labels)
}

fn fold(s: &str) -> String {
    s.trim().to_lowercase()
}

/// One labeled statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The statement.
    pub text: String,
    /// Empty when the files have no topic column.
    pub topic: String,
    /// The stance label, when the row has one.
    pub stance: Option<String>,
    /// The sentiment label, when the row has one.
    pub sentiment: Option<String>,
    /// The attribution cue, when known.
    pub cue: Option<String>,
    /// The quote kind, when known.
    pub kind: Option<QuoteKind>,
    /// Who made the statement, as the text names them, when known.
    pub speaker: Option<String>,
    /// The speaker as resolved in the statement's article (the name its quotes are grouped
    /// under), for rows read from annotated articles.
    pub actor: Option<String>,
    /// Whether the statement addresses the topic at all; `None` when not known.
    pub on_topic: Option<bool>,
    /// Whether the statement's article is about the row's topic, when the row comes from an
    /// article: true under the article's own topic, false under a topic swapped in.
    pub article_on: Option<bool>,
    /// Where the statement sits, when the data says.
    pub(crate) context: Option<RowContext>,
    /// How much the row counts in training (1 unless a user's rows are made to weigh more).
    pub weight: f64,
    /// Index into [`Dataset::files`].
    pub file: usize,
    /// The row's line in its file, from 1.
    pub line: u64,
}

/// A labeled statement's surroundings: from an optional `context` column (the sentence around
/// the statement) or, for annotated articles, from the article itself.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RowContext {
    pub sentence: String,
    pub before: String,
    /// The article's signals for the row's topic, and the statement's paragraph.
    pub article: Option<(Arc<TopicSignals>, u32)>,
    /// Index into [`Dataset::articles`], for rows read from annotated articles.
    pub source: Option<usize>,
}

/// A file that was read, with what identifies its content.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFile {
    /// The file (for annotated articles, their `gold.json`).
    pub path: PathBuf,
    /// The SHA-256 of its content (for annotated articles, of the gold file and the articles).
    pub sha256: String,
    /// The rows read from it.
    pub rows: usize,
}

/// A row left out under `--skip-bad-rows`.
#[derive(Debug, Clone, PartialEq)]
pub struct SkippedRow {
    /// The file.
    pub path: PathBuf,
    /// The row's line, from 1.
    pub line: u64,
    /// What is wrong with it.
    pub message: String,
}

/// All rows of several files, read as one.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// The labeled statements, in file order.
    pub rows: Vec<Row>,
    /// The files read, in order.
    pub files: Vec<SourceFile>,
    /// Rows left out under [`ReadOptions::skip_bad_rows`].
    pub skipped: Vec<SkippedRow>,
    /// Whether the files have a stance column.
    pub has_stance: bool,
    /// Whether the files have a sentiment column.
    pub has_sentiment: bool,
    /// The annotated articles rows were read from ([`Dataset::read_annotated`]).
    pub(crate) articles: Vec<Digest>,
    /// The distinct stance and sentiment labels read so far, to refuse more than
    /// `max_labels`.
    labels_seen: [std::collections::HashSet<String>; 2],
}

impl Dataset {
    /// Reads `paths` in order. Every file must carry the same label columns.
    pub fn read(paths: &[PathBuf], opts: &ReadOptions) -> Result<Dataset> {
        let mut ds = Dataset::default();
        for (i, path) in paths.iter().enumerate() {
            let (has_stance, has_sentiment) = if path.is_dir() {
                ds.read_annotated(path)?;
                (true, true)
            } else {
                let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
                ds.read_bytes(path, &bytes, opts)?
            };
            if i == 0 {
                ds.has_stance = has_stance;
                ds.has_sentiment = has_sentiment;
            } else if (has_stance, has_sentiment) != (ds.has_stance, ds.has_sentiment) {
                return Err(Error::input(
                    path,
                    Some(1),
                    "has different label columns than the files before it",
                ));
            }
        }
        Ok(ds)
    }

    /// Reads one file's bytes (named `path` in errors); returns which label columns it has.
    pub fn read_bytes(
        &mut self,
        path: &Path,
        bytes: &[u8],
        opts: &ReadOptions,
    ) -> Result<(bool, bool)> {
        let sha256 = hex(&Sha256::digest(bytes));
        let text = String::from_utf8_lossy(bytes);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        // The csv reader numbers a record after CRLF one line too low (it starts the record
        // at the CR): read CRLF as LF so every error names the right line.
        let text = text.replace("\r\n", "\n");
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(opts.delimiter)
            .has_headers(true)
            .flexible(true)
            .from_reader(text.as_bytes());
        let header = reader.headers().map_err(|e| csv_error(path, &e))?.clone();
        if header.is_empty() || (header.len() == 1 && header.get(0).is_some_and(|h| h.is_empty())) {
            return Err(Error::input(path, Some(1), "no header row"));
        }
        let find =
            |given: &Option<String>, default: &str, required: bool| -> Result<Option<usize>> {
                let name = given.as_deref().unwrap_or(default);
                let pos = header.iter().position(|h| h.trim() == name).or_else(|| {
                    header
                        .iter()
                        .position(|h| h.trim().eq_ignore_ascii_case(name))
                });
                match pos {
                    None if required || given.is_some() => Err(Error::input(
                        path,
                        Some(1),
                        format!(
                            "no column {name:?} in the header (columns: {})",
                            header.iter().collect::<Vec<_>>().join(", ")
                        ),
                    )),
                    p => Ok(p),
                }
            };
        let c = &opts.columns;
        let column_name = |i: Option<usize>| {
            i.and_then(|i| header.get(i))
                .map(str::trim)
                .unwrap_or_default()
                .to_string()
        };
        let text_col = find(&c.text, "text", true)?.unwrap_or_default();
        let topic_col = find(&c.topic, "topic", false)?;
        let stance_col = find(&c.stance, "stance", false)?;
        let sentiment_col = find(&c.sentiment, "sentiment", false)?;
        let cue_col = find(&c.cue, "cue", false)?;
        let kind_col = find(&c.kind, "kind", false)?;
        let on_topic_col = find(&c.on_topic, "on_topic", false)?;
        let context_col = find(&c.context, "context", false)?;
        let speaker_col = find(&c.speaker, "speaker", false)?;
        // The article a statement was labeled in, as `demarche label` writes it.
        let article_col = find(&None, "article", false)?;
        if stance_col.is_none() && sentiment_col.is_none() {
            return Err(Error::input(
                path,
                Some(1),
                "no label column: expected a stance or a sentiment column",
            ));
        }
        let file = self.files.len();
        let mut rows = 0;
        let mut record = csv::StringRecord::new();
        let mut lines = LineCounter::default();
        let mut in_articles: Vec<(usize, String)> = Vec::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => return Err(csv_error(path, &e)),
            }
            let line = record
                .position()
                .map_or(0, |p| lines.line_at(&text, p.byte() as usize));
            if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
                continue;
            }
            let oversized = record
                .iter()
                .position(|f| f.len() > opts.max_field_bytes)
                .map(|i| {
                    format!(
                        "field {:?} of {} bytes is over --max-field-bytes {}",
                        header
                            .get(i)
                            .map_or_else(|| format!("#{}", i + 1), |h| h.trim().to_string()),
                        record.get(i).map_or(0, str::len),
                        opts.max_field_bytes
                    )
                });
            let parsed = match oversized {
                Some(message) => Err(message),
                None => parse_row(
                    &record,
                    opts,
                    text_col,
                    topic_col,
                    stance_col,
                    sentiment_col,
                    [cue_col, kind_col, on_topic_col, context_col, speaker_col],
                ),
            };
            match parsed {
                Ok(mut row) => {
                    for (seen, label) in [(0, &row.stance), (1, &row.sentiment)] {
                        if let Some(label) = label {
                            if !self.labels_seen[seen].contains(label) {
                                self.labels_seen[seen].insert(label.clone());
                            }
                        }
                    }
                    row.file = file;
                    row.line = line;
                    if let Some(a) = article_col
                        .and_then(|c| record.get(c))
                        .map(str::trim)
                        .filter(|a| !a.is_empty())
                    {
                        in_articles.push((self.rows.len(), a.to_string()));
                    }
                    self.rows.push(row);
                    rows += 1;
                }
                Err(message) if opts.skip_bad_rows => self.skipped.push(SkippedRow {
                    path: path.to_path_buf(),
                    line,
                    message,
                }),
                Err(message) => return Err(Error::input(path, Some(line), message)),
            }
        }
        for (seen, col) in [(0, stance_col), (1, sentiment_col)] {
            let distinct = self.labels_seen[seen].len();
            if distinct > opts.max_labels {
                return Err(Error::input(
                    path,
                    None,
                    format!(
                        "column {:?} has {distinct} distinct labels, more than --max-labels {}: \
                         is it the label column?",
                        column_name(col),
                        opts.max_labels
                    ),
                ));
            }
        }
        self.attach_articles(path, &in_articles);
        self.files.push(SourceFile {
            path: path.to_path_buf(),
            sha256,
            rows,
        });
        Ok((stance_col.is_some(), sentiment_col.is_some()))
    }

    /// Adds `other`'s rows, files and articles after this one's. The label columns are the
    /// union: a row without a label simply does not train that task.
    pub fn append(&mut self, other: Dataset) {
        let (files, articles) = (self.files.len(), self.articles.len());
        for mut row in other.rows {
            row.file += files;
            if let Some(c) = row.context.as_mut() {
                c.source = c.source.map(|s| s + articles);
            }
            self.rows.push(row);
        }
        self.files.extend(other.files);
        self.articles.extend(other.articles);
        self.skipped.extend(other.skipped);
        self.has_stance |= other.has_stance;
        self.has_sentiment |= other.has_sentiment;
    }

    /// The rows `rows`, in that order, with the files and articles they refer to.
    pub fn subset(&self, rows: &[usize]) -> Dataset {
        Dataset {
            rows: rows.iter().map(|&i| self.rows[i].clone()).collect(),
            files: self.files.clone(),
            skipped: Vec::new(),
            has_stance: self.has_stance,
            has_sentiment: self.has_sentiment,
            articles: self.articles.clone(),
            labels_seen: Default::default(),
        }
    }

    /// Row counts per label, sorted by label.
    pub fn label_counts(&self, task: Task) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for row in &self.rows {
            if let Some(l) = row.label(task) {
                *counts.entry(l.to_string()).or_insert(0) += 1;
            }
        }
        counts
    }

    /// Whether any row has a label for `task`.
    pub fn has(&self, task: Task) -> bool {
        match task {
            Task::Stance => self.has_stance,
            Task::Sentiment => self.has_sentiment,
            // Learned only from both answers: statements on the topic and on other matters.
            Task::Relevance | Task::Article => self.label_counts(task).len() == 2,
        }
    }
}

/// The two things a model predicts.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Task {
    /// Where the statement stands on the topic.
    Stance,
    /// The tone of its words.
    Sentiment,
    /// Whether a statement addresses the topic, in an article about the topic: labels
    /// [`ON_TOPIC`] and [`OFF_TOPIC`].
    Relevance,
    /// Whether an article is about the topic at all: the same labels.
    Article,
}

fn on_off(on: bool) -> &'static str {
    if on {
        ON_TOPIC
    } else {
        OFF_TOPIC
    }
}

/// The relevance labels.
pub const ON_TOPIC: &str = "on";
/// See [`ON_TOPIC`].
pub const OFF_TOPIC: &str = "off";

impl Task {
    /// Every task, in the order reports and model cards list them.
    pub const ALL: [Task; 4] = [
        Task::Stance,
        Task::Sentiment,
        Task::Relevance,
        Task::Article,
    ];

    /// The task's name on the command line and in model cards.
    pub fn as_str(self) -> &'static str {
        match self {
            Task::Stance => "stance",
            Task::Sentiment => "sentiment",
            Task::Relevance => "relevance",
            Task::Article => "article",
        }
    }
}

impl Row {
    /// The row's label for `task`, if it has one.
    pub fn label(&self, task: Task) -> Option<&str> {
        match task {
            Task::Stance => self.stance.as_deref(),
            Task::Sentiment => self.sentiment.as_deref(),
            Task::Relevance => self.on_topic.map(on_off),
            Task::Article => self.article_on.map(on_off),
        }
    }

    /// What a model is asked about this row.
    pub fn model_input(&self) -> ModelInput<'_> {
        ModelInput {
            text: &self.text,
            topic: &self.topic,
            cue: self.cue.as_deref(),
            kind: self.kind,
            speaker: self.speaker.as_deref(),
            context: self.context.as_ref().map(|c| Context {
                sentence: &c.sentence,
                before: &c.before,
                article: c.article.as_ref().map(|(s, p)| (&**s, *p)),
            }),
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn parse_row(
    record: &csv::StringRecord,
    opts: &ReadOptions,
    text_col: usize,
    topic_col: Option<usize>,
    stance_col: Option<usize>,
    sentiment_col: Option<usize>,
    [cue_col, kind_col, on_topic_col, context_col, speaker_col]: [Option<usize>; 5],
) -> std::result::Result<Row, String> {
    let field = |col: usize, name: &str| -> std::result::Result<&str, String> {
        record.get(col).ok_or_else(|| {
            format!(
                "missing column {name} (the row has {} fields, the header more)",
                record.len()
            )
        })
    };
    let text = field(text_col, "text")?;
    if text.trim().is_empty() {
        return Err("empty text".into());
    }
    let topic = match topic_col {
        Some(c) => field(c, "topic")?.trim().to_string(),
        None => String::new(),
    };
    let label = |col: Option<usize>, task: Task| -> std::result::Result<Option<String>, String> {
        let Some(col) = col else { return Ok(None) };
        let raw = field(col, task.as_str())?;
        let mut label = fold(raw);
        if label.is_empty() {
            return Err(format!("empty {} label", task.as_str()));
        }
        if let Some((_, to)) = opts.label_map.iter().find(|(from, _)| *from == label) {
            label = to.clone();
        }
        if task == Task::Sentiment && label == "neither" {
            label = "neutral".into();
        }
        let allowed = match task {
            Task::Stance => &opts.stance_labels,
            Task::Sentiment => &opts.sentiment_labels,
            Task::Relevance | Task::Article => &None,
        };
        if let Some(allowed) = allowed {
            if !allowed.contains(&label) {
                return Err(format!(
                    "{} label {raw:?} is not one of {}",
                    task.as_str(),
                    allowed.join(", ")
                ));
            }
        }
        Ok(Some(label))
    };
    let stance = label(stance_col, Task::Stance)?;
    let sentiment = label(sentiment_col, Task::Sentiment)?;
    let optional = |col: Option<usize>| {
        col.and_then(|c| record.get(c))
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let cue = optional(cue_col).map(fold);
    let kind = match optional(kind_col) {
        Some(k) => Some(k.parse::<QuoteKind>()?),
        None => None,
    };
    let on_topic = match optional(on_topic_col).map(fold).as_deref() {
        None => None,
        Some("true" | "yes" | "1" | "on") => Some(true),
        Some("false" | "no" | "0" | "off") => Some(false),
        Some(other) => return Err(format!("on_topic must be true or false, got {other:?}")),
    };
    let article_on = None;
    let context = optional(context_col).map(|c| RowContext {
        sentence: c.to_string(),
        before: String::new(),
        article: None,
        source: None,
    });
    Ok(Row {
        text: text.to_string(),
        topic,
        stance,
        sentiment,
        cue,
        kind,
        speaker: optional(speaker_col).map(str::to_string),
        actor: None,
        on_topic,
        article_on,
        context,
        weight: 1.0,
        file: 0,
        line: 0,
    })
}

/// Line numbers from byte offsets, counted forward as records go by. The csv reader's own
/// count can lag (fuzzing found a row after the header numbered line 1).
#[derive(Default)]
struct LineCounter {
    byte: usize,
    line: u64,
}

impl LineCounter {
    /// The line of `byte`; offsets must not go backwards. CRLF is already LF here, so a line
    /// ends at each LF or lone CR.
    fn line_at(&mut self, text: &str, byte: usize) -> u64 {
        let byte = byte.clamp(self.byte, text.len());
        self.line += text.as_bytes()[self.byte..byte]
            .iter()
            .filter(|&&b| b == b'\n' || b == b'\r')
            .count() as u64;
        self.byte = byte;
        self.line + 1
    }
}

fn csv_error(path: &Path, e: &csv::Error) -> Error {
    let line = e.position().map(|p| p.line());
    Error::input(path, line, format!("unreadable CSV: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(content: &[u8], opts: &ReadOptions) -> Result<Dataset> {
        let mut ds = Dataset::default();
        let (s, t) = ds.read_bytes(Path::new("f.csv"), content, opts)?;
        ds.has_stance = s;
        ds.has_sentiment = t;
        Ok(ds)
    }

    #[test]
    fn reads_default_columns_and_folds_labels() {
        let ds = read(
            b"id,topic,speaker,text,stance,sentiment\n1,the plan,x,\"We back it, fully.\",FAVOR,Neither\n",
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(ds.rows.len(), 1);
        let r = &ds.rows[0];
        assert_eq!(r.text, "We back it, fully.");
        assert_eq!(r.topic, "the plan");
        assert_eq!(r.stance.as_deref(), Some("favor"));
        assert_eq!(r.sentiment.as_deref(), Some("neutral"));
        assert_eq!(r.line, 2);
        assert_eq!(ds.files[0].sha256.len(), 64);
    }

    #[test]
    fn tab_crlf_bom_and_invalid_utf8_load() {
        let opts = ReadOptions {
            columns: Columns {
                text: Some("Tweet".into()),
                topic: Some("Target".into()),
                stance: Some("Stance".into()),
                ..Columns::default()
            },
            delimiter: parse_delimiter("tab").unwrap(),
            ..ReadOptions::default()
        };
        let ds = read(
            b"\xef\xbb\xbfID\tTarget\tTweet\tStance\r\n1\tT\tbad \xff byte\tAGAINST\r\n2\tT\tok\tNONE\r\n",
            &opts,
        )
        .unwrap();
        assert_eq!(ds.rows.len(), 2);
        assert_eq!(ds.rows[0].text, "bad \u{fffd} byte");
        assert_eq!(ds.rows[1].stance.as_deref(), Some("none"));
        assert_eq!(ds.rows[1].line, 3);
        assert!(!ds.has_sentiment);
    }

    #[test]
    fn bad_rows_name_the_line_or_are_counted_when_skipped() {
        let data = b"text,stance\nfine,favor\n,against\nshort\n";
        let err = read(data, &ReadOptions::default()).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert_eq!(err.to_string(), "f.csv:3: empty text");
        let opts = ReadOptions {
            skip_bad_rows: true,
            ..ReadOptions::default()
        };
        let ds = read(data, &opts).unwrap();
        assert_eq!(ds.rows.len(), 1);
        assert_eq!(ds.skipped.len(), 2);
        assert_eq!(ds.skipped[1].line, 4);
        assert!(
            ds.skipped[1].message.contains("missing column"),
            "{:?}",
            ds.skipped[1]
        );
    }

    #[test]
    fn label_map_and_restriction() {
        let opts = ReadOptions {
            label_map: parse_label_map("observing=none, For=favor").unwrap(),
            stance_labels: Some(parse_label_list("favor,against,none").unwrap()),
            ..ReadOptions::default()
        };
        let ds = read(b"text,stance\na,Observing\nb,for\n", &opts).unwrap();
        let labels: Vec<_> = ds.rows.iter().map(|r| r.stance.clone().unwrap()).collect();
        assert_eq!(labels, ["none", "favor"]);
        let err = read(b"text,stance\na,pro\n", &opts).unwrap_err();
        assert!(
            err.to_string().starts_with("f.csv:2: stance label \"pro\""),
            "{err}"
        );
    }

    #[test]
    fn missing_named_column_is_an_error_on_line_1() {
        let opts = ReadOptions {
            columns: Columns {
                stance: Some("Stance".into()),
                ..Columns::default()
            },
            ..ReadOptions::default()
        };
        let err = read(b"text,label\na,b\n", &opts).unwrap_err();
        assert!(
            err.to_string().starts_with("f.csv:1: no column \"Stance\""),
            "{err}"
        );
        let err = read(b"text,label\na,b\n", &ReadOptions::default()).unwrap_err();
        assert!(err.to_string().contains("no label column"), "{err}");
        let err = read(b"", &ReadOptions::default()).unwrap_err();
        assert_eq!(err.to_string(), "f.csv:1: no header row");
    }

    #[test]
    fn several_files_read_as_one_and_must_agree_on_label_columns() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.csv");
        let b = dir.path().join("b.csv");
        let c = dir.path().join("c.csv");
        std::fs::write(&a, "text,stance\nx,favor\n").unwrap();
        std::fs::write(&b, "stance,text\nagainst,y\n").unwrap();
        std::fs::write(&c, "text,sentiment\nz,positive\n").unwrap();
        let ds = Dataset::read(&[a.clone(), b.clone()], &ReadOptions::default()).unwrap();
        assert_eq!(ds.rows.len(), 2);
        assert_eq!(ds.rows[1].text, "y");
        assert_eq!(ds.rows[1].file, 1);
        assert_eq!(ds.label_counts(Task::Stance).len(), 2);
        let err = Dataset::read(&[a, c], &ReadOptions::default()).unwrap_err();
        assert!(err.to_string().contains("different label columns"), "{err}");
    }

    #[test]
    fn lines_are_counted_through_a_header_with_a_quoted_line_break() {
        // Found by fuzzing: the csv reader numbered the first row after such a header line 1.
        let err = read(
            b"text,stance,\"note\nmore\"\nfine,favor,x\n ,favor,x\n",
            &ReadOptions::default(),
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "f.csv:4: empty text");
        let ds = read(
            b"text,\"stance\",\"a\r\nb\"\r\nfine,favor\r\n",
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(ds.rows[0].line, 3);
    }

    #[test]
    fn a_row_after_a_header_full_of_nul_and_quotes_is_on_line_2() {
        let mut data = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/fuzz/labeled-csv-line-1.bin"
        ))
        .unwrap();
        data.remove(0); // the fuzz target's option byte
        let ds = read(&data, &ReadOptions::default()).unwrap();
        assert_eq!(ds.rows[0].line, 2, "{:?}", ds.rows[0]);
    }

    #[test]
    fn a_column_of_many_distinct_labels_is_refused_naming_it() {
        let mut data = b"id,text,stance\n".to_vec();
        for i in 0..60 {
            data.extend(format!("{i},text {i},favor\n").as_bytes());
        }
        let opts = ReadOptions {
            columns: Columns {
                stance: Some("id".into()),
                ..Columns::default()
            },
            ..ReadOptions::default()
        };
        let err = read(&data, &opts).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert_eq!(
            err.to_string(),
            "f.csv: column \"id\" has 60 distinct labels, more than --max-labels 50: is it the \
             label column?"
        );
        let raised = ReadOptions {
            max_labels: 60,
            ..opts.clone()
        };
        assert_eq!(read(&data, &raised).unwrap().rows.len(), 60);
        // Skipping bad rows does not hide it: it is no bad row but a wrong column.
        let skipping = ReadOptions {
            skip_bad_rows: true,
            ..opts
        };
        assert!(read(&data, &skipping).is_err());
    }

    #[test]
    fn a_field_over_the_limit_is_a_bad_row_naming_it() {
        let data = format!(
            "text,stance\nfine,favor\n{},against\nalso fine,none\n",
            "x".repeat(2000)
        );
        let opts = ReadOptions {
            max_field_bytes: 1000,
            ..ReadOptions::default()
        };
        let err = read(data.as_bytes(), &opts).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert_eq!(
            err.to_string(),
            "f.csv:3: field \"text\" of 2000 bytes is over --max-field-bytes 1000"
        );
        let skipping = ReadOptions {
            skip_bad_rows: true,
            ..opts
        };
        let ds = read(data.as_bytes(), &skipping).unwrap();
        assert_eq!(ds.rows.len(), 2);
        assert_eq!(ds.skipped[0].line, 3);
        assert!(read(data.as_bytes(), &ReadOptions::default()).is_ok());
    }

    #[test]
    fn label_maps_have_one_equals_sign_and_one_target_per_label() {
        assert!(parse_label_map("favor==x").is_err());
        assert!(parse_label_map("favor=x=y").is_err());
        assert_eq!(
            parse_label_map("a=b,a=c").unwrap_err(),
            "label map renames \"a\" twice, to \"b\" and to \"c\""
        );
        assert_eq!(
            parse_label_map(" For = Favor ,").unwrap(),
            [("for".to_string(), "favor".to_string())]
        );
    }

    #[test]
    fn flag_parsers_reject_nonsense() {
        assert!(parse_delimiter("ab").is_err());
        assert_eq!(parse_delimiter(";").unwrap(), b';');
        assert!(parse_label_map("a").is_err());
        assert!(parse_label_list("favor").is_err());
    }

    proptest::proptest! {
        /// Arbitrary bytes are read or refused with an error, never a panic.
        #[test]
        fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let mut data = b"text,stance\n".to_vec();
            data.extend(bytes);
            let _ = read(&data, &ReadOptions::default());
            let skipping = ReadOptions { skip_bad_rows: true, ..ReadOptions::default() };
            let _ = read(&data, &skipping);
        }
    }
}
