//! Articles: the text demarche reads, and where it came from.
//!
//! [`Articles`] streams articles from the inputs a user names: `.txt` files (a short headline
//! line before a blank line is the title), `.html` files, `.jsonl` files (one article object
//! per line), `.csv` files (one article a row, see [`CsvColumns`]), directories (walked
//! recursively, sorted) and `-` for standard input (see [`StdinFormat`]). It reads one file,
//! or one JSONL line, at a time, so memory does not grow with the number of articles. It does
//! not find quotes; see [`crate::extract`].

use crate::error::{Error, Result};
use crate::output::FileId;
use std::collections::{HashSet, VecDeque};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::os::unix::fs::{DirEntryExt, FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

mod csv;
mod html;
mod plain;

pub use self::csv::CsvColumns;
pub use html::html_article;

/// The default `--max-article-bytes`: far above any real article, low enough to stay safe.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 20 * 1024 * 1024;

/// One news article. `body` is the text exactly as read; every offset demarche reports is a
/// byte offset into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The path, or for a JSONL record its `id` field (`path:line` when it has none).
    pub id: String,
    /// The text, exactly as read.
    pub body: String,
    /// The headline, when the input gives one (a JSONL or CSV field, an HTML `<title>`).
    pub title: Option<String>,
    /// The publication date as the input gives it; reports read dates that begin with
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The publication or site, when the input gives one.
    pub source: Option<String>,
}

impl Article {
    /// A 64-bit hash of the text (the first 8 bytes of its SHA-256, big-endian): the same
    /// text gives the same hash on every machine and in every version, so reports made on
    /// separate shards can tell the same article apart from a different one.
    pub fn content_hash(&self) -> u64 {
        crate::hash::content_hash(&self.body)
    }

    /// An article from text in memory (tests, library users).
    pub fn from_text(id: impl Into<String>, body: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            body: body.into(),
            title: None,
            date: None,
            source: None,
        }
    }
}

/// Something worth telling the user that does not stop the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The file was not valid UTF-8 and was decoded with replacement characters.
    InvalidUtf8 {
        /// The file.
        path: String,
    },
    /// The article is larger than the size limit and was skipped.
    TooLarge {
        /// The file, or `path:line` for a JSONL record.
        path: String,
        /// Its size.
        bytes: usize,
        /// The limit ([`Articles::max_article_bytes`]).
        limit: usize,
    },
    /// Files in a directory that are not articles by their extension were left out.
    NotArticles {
        /// The directory.
        dir: String,
        /// How many files were left out.
        files: usize,
    },
    /// An entry found while walking a directory could not be read, or is not a file to read
    /// (a FIFO, a socket, a device, a dangling link, a link back to a directory already
    /// read): skipped.
    Unreadable {
        /// The entry.
        path: String,
        /// Why it was skipped.
        reason: String,
    },
    /// A CSV file found while walking a directory has no text column: not a CSV of articles
    /// (an actor dictionary, a table of something else). Skipped.
    NotCsvArticles {
        /// The file.
        path: String,
        /// What it lacks.
        reason: String,
    },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::InvalidUtf8 { path } => {
                write!(
                    f,
                    "{path}: not valid UTF-8; invalid bytes replaced with U+FFFD"
                )
            }
            Warning::TooLarge { path, bytes, limit } => write!(
                f,
                "{path}: article of {bytes} bytes skipped (over --max-article-bytes {limit})"
            ),
            Warning::NotArticles { dir, files } => write!(
                f,
                "{dir}: {files} file(s) left out that are not articles by their extension \
                 (a directory is searched for .txt, .html, .htm, .xhtml, .jsonl, .ndjson, .csv and \
                 files without an extension; name a file to read it whatever its extension)"
            ),
            Warning::Unreadable { path, reason } => write!(f, "{path}: skipped: {reason}"),
            Warning::NotCsvArticles { path, reason } => write!(
                f,
                "{path}: skipped: {reason} (not a CSV of articles; --text-col names its text \
                 column)"
            ),
        }
    }
}

/// How to read an input, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    Jsonl,
    Csv,
}

impl Format {
    fn of(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("jsonl" | "ndjson") => Format::Jsonl,
            Some("csv") => Format::Csv,
            _ => Format::Text,
        }
    }
}

/// How standard input (`-`) holds its articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StdinFormat {
    /// JSONL when its first character opens an object, plain text otherwise.
    #[default]
    Auto,
    Text,
    Html,
    Jsonl,
    /// One article a row, read with the [`CsvColumns`] as a `.csv` file is.
    Csv,
}

/// A streaming reader over every article in a list of inputs.
pub struct Articles {
    pending: VecDeque<Pending>,
    /// Every file that will be read, and every directory walked, to refuse an output that is
    /// one of them.
    files: HashSet<FileId>,
    dirs: HashSet<FileId>,
    jsonl: Option<JsonlReader>,
    csv: Option<Box<csv::CsvArticles>>,
    columns: CsvColumns,
    stdin: StdinFormat,
    max_bytes: usize,
    warnings: Vec<Warning>,
    skipped: usize,
    unreadable: usize,
    /// The bytes of every input together, when all are files (not standard input or a FIFO).
    size: Option<u64>,
    /// Bytes read from the input files so far, shared with whoever shows progress.
    read: Arc<AtomicU64>,
}

/// A reader that adds what it reads to a shared count.
struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A file to read, and whether it was found by walking a directory (then a failure to read it
/// is a warning, not the end of the run: the user did not name it).
struct Pending {
    path: PathBuf,
    walked: bool,
}

struct JsonlReader {
    name: String,
    lines: Box<dyn BufRead>,
    line: u64,
}

impl Articles {
    /// Expands directories (recursively, sorted) up front; files are read lazily. A named
    /// input that does not exist or a named directory that cannot be listed is an error;
    /// what cannot be read below a directory is skipped with a warning.
    ///
    /// ```
    /// use demarche::article::Articles;
    ///
    /// let dir = tempfile::tempdir().unwrap();
    /// std::fs::write(dir.path().join("a.txt"), "\"We agree,\" the minister said.").unwrap();
    /// std::fs::write(
    ///     dir.path().join("more.jsonl"),
    ///     "{\"id\": \"b\", \"text\": \"No comment.\", \"date\": \"2024-05-01\"}\n",
    /// )
    /// .unwrap();
    /// let articles = Articles::open(&[dir.path().to_path_buf()])?
    ///     .collect::<demarche::Result<Vec<_>>>()?;
    /// assert_eq!(articles.len(), 2);
    /// assert_eq!(articles[1].id, "b");
    /// assert_eq!(articles[1].date.as_deref(), Some("2024-05-01"));
    /// # Ok::<(), demarche::Error>(())
    /// ```
    pub fn open(inputs: &[PathBuf]) -> Result<Articles> {
        let mut articles = Articles {
            pending: VecDeque::new(),
            files: HashSet::new(),
            dirs: HashSet::new(),
            jsonl: None,
            csv: None,
            columns: CsvColumns::default(),
            stdin: StdinFormat::default(),
            max_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            warnings: Vec::new(),
            skipped: 0,
            unreadable: 0,
            size: Some(0),
            read: Arc::new(AtomicU64::new(0)),
        };
        let file_size = |meta: &std::fs::Metadata| meta.is_file().then_some(meta.len());
        for input in inputs {
            if input.as_os_str() == "-" {
                articles.size = None;
                articles.pending.push_back(Pending {
                    path: input.clone(),
                    walked: false,
                });
                continue;
            }
            let meta = std::fs::metadata(input).map_err(|e| Error::io(input, e))?;
            if meta.is_dir() {
                let mut walk = Walk::default();
                walk.run(input, &meta)?;
                if walk.left_out > 0 {
                    articles.warnings.push(Warning::NotArticles {
                        dir: input.display().to_string(),
                        files: walk.left_out,
                    });
                }
                articles.unreadable += walk.unreadable.len();
                articles.warnings.extend(walk.unreadable);
                articles.dirs.extend(walk.visited);
                walk.files.sort();
                for (path, id) in walk.files {
                    let size = std::fs::metadata(&path).ok().and_then(|m| file_size(&m));
                    articles.size = articles.size.zip(size).map(|(a, b)| a + b);
                    articles.files.insert(id);
                    articles.pending.push_back(Pending { path, walked: true });
                }
            } else {
                articles.size = articles.size.zip(file_size(&meta)).map(|(a, b)| a + b);
                articles.files.insert(FileId::from(&meta));
                articles.pending.push_back(Pending {
                    path: input.clone(),
                    walked: false,
                });
            }
        }
        Ok(articles)
    }

    /// The size of all the inputs in bytes, when every one is a file whose size is known (not
    /// standard input, a FIFO or a device): what progress can be measured against.
    pub fn size(&self) -> Option<u64> {
        self.size
    }

    /// A count of the input bytes read so far, updated as files are read.
    pub fn bytes_read(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.read)
    }

    /// Articles larger than this many bytes are skipped with a warning.
    pub fn max_article_bytes(mut self, limit: usize) -> Articles {
        self.max_bytes = limit;
        self
    }

    /// Which columns of `.csv` inputs hold the text, id, date, title and source.
    pub fn csv_columns(mut self, columns: CsvColumns) -> Articles {
        self.columns = columns;
        self
    }

    /// How standard input holds its articles.
    pub fn stdin_format(mut self, format: StdinFormat) -> Articles {
        self.stdin = format;
        self
    }

    /// Warnings gathered since the last call.
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }

    /// How many articles were skipped for size.
    pub fn skipped(&self) -> usize {
        self.skipped
    }

    /// How many entries under the directories given were skipped as unreadable.
    pub fn unreadable(&self) -> usize {
        self.unreadable
    }

    /// Whether the file at `path` is one of the files that will be read: the same file as one
    /// named or found, or a file a walked directory holds under a name that is read (on
    /// overlay file systems a directory listing may give other inode numbers than the file).
    pub fn reads(&self, path: &Path) -> bool {
        if FileId::of(path).is_some_and(|id| self.files.contains(&id)) {
            return true;
        }
        let visible = path
            .file_name()
            .is_some_and(|n| !n.as_encoded_bytes().starts_with(b"."));
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        visible
            && is_article_file(path)
            && path.is_file()
            && FileId::of(dir).is_some_and(|id| self.dirs.contains(&id))
    }

    fn next_jsonl(&mut self) -> Option<Result<Article>> {
        let reader = self.jsonl.as_mut()?;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            // Read at most the limit and a line end, and one byte more to see that a line is
            // over it, so one enormous line cannot exhaust memory.
            let limit = (self.max_bytes as u64).saturating_add(2);
            let n = match reader
                .lines
                .by_ref()
                .take(limit)
                .read_until(b'\n', &mut buf)
            {
                Ok(n) => n,
                Err(e) => {
                    let name = reader.name.clone();
                    self.jsonl = None;
                    return Some(Err(Error::io(name, e)));
                }
            };
            if n == 0 {
                self.jsonl = None;
                return None;
            }
            reader.line += 1;
            let line_no = reader.line;
            if !buf.ends_with(b"\n") && buf.len() as u64 >= limit {
                // Over the limit: skip the rest of the line.
                let mut sink = Vec::new();
                let _ = reader.lines.read_until(b'\n', &mut sink);
                self.skipped += 1;
                self.warnings.push(Warning::TooLarge {
                    path: format!("{}:{}", reader.name, line_no),
                    bytes: buf.len() + sink.len(),
                    limit: self.max_bytes,
                });
                continue;
            }
            let (text, lossy) = decode(&buf);
            if text.trim().is_empty() {
                continue;
            }
            if lossy {
                self.warnings.push(Warning::InvalidUtf8 {
                    path: format!("{}:{}", reader.name, line_no),
                });
            }
            let article = parse_jsonl_record(&reader.name, line_no, &text);
            if let Ok(a) = &article {
                if a.body.len() > self.max_bytes {
                    self.skipped += 1;
                    self.warnings.push(Warning::TooLarge {
                        path: format!("{}:{}", reader.name, line_no),
                        bytes: a.body.len(),
                        limit: self.max_bytes,
                    });
                    continue;
                }
            }
            return Some(article);
        }
    }

    /// Reads one file; a file found by walking a directory that cannot be read is skipped
    /// with a warning.
    fn read_file(&mut self, pending: &Pending) -> Option<Result<Article>> {
        match self.read_named(&pending.path, pending.walked) {
            Some(Err(Error::Io { path, error })) if pending.walked => {
                self.unreadable += 1;
                self.warnings.push(Warning::Unreadable {
                    path: path.display().to_string(),
                    reason: error.to_string(),
                });
                None
            }
            other => other,
        }
    }

    fn next_csv(&mut self) -> Option<Result<Article>> {
        let reader = self.csv.as_mut()?;
        let next = reader.next(self.max_bytes, &mut self.warnings, &mut self.skipped);
        // An error ends the file: the run stops there.
        if !matches!(next, Some(Ok(_))) {
            self.csv = None;
        }
        next
    }

    fn read_named(&mut self, path: &Path, walked: bool) -> Option<Result<Article>> {
        let name = display(path);
        let stdin = path.as_os_str() == "-";
        let format = match self.stdin {
            _ if !stdin => Format::of(path),
            StdinFormat::Auto | StdinFormat::Text => Format::Text,
            StdinFormat::Html => Format::Html,
            StdinFormat::Jsonl => Format::Jsonl,
            StdinFormat::Csv => Format::Csv,
        };
        let mut reader: Box<dyn BufRead> = if stdin {
            Box::new(BufReader::new(io::stdin()))
        } else {
            match File::open(path) {
                Ok(f) => Box::new(BufReader::new(Counted {
                    inner: f,
                    read: Arc::clone(&self.read),
                })),
                Err(e) => return Some(Err(Error::io(path, e))),
            }
        };
        // Standard input of no stated format carries JSONL when its first character opens an
        // object.
        let jsonl = format == Format::Jsonl
            || (stdin
                && self.stdin == StdinFormat::Auto
                && matches!(reader.fill_buf(), Ok(b) if looks_like_json(b)));
        if jsonl {
            self.jsonl = Some(JsonlReader {
                name,
                lines: reader,
                line: 0,
            });
            return self.next_jsonl();
        }
        if format == Format::Csv {
            match csv::CsvArticles::open(name.clone(), reader, &self.columns) {
                Ok(csv::Opened::Articles(r)) => {
                    self.csv = Some(r);
                    return self.next_csv();
                }
                Ok(csv::Opened::Empty) => return None,
                Ok(csv::Opened::NoText(e)) if walked => {
                    let reason = match &e {
                        Error::Input { message, .. } => message.clone(),
                        other => other.to_string(),
                    };
                    self.warnings
                        .push(Warning::NotCsvArticles { path: name, reason });
                    return None;
                }
                Ok(csv::Opened::NoText(e)) | Err(e) => return Some(Err(e)),
            }
        }
        let mut bytes = Vec::new();
        let limit = (self.max_bytes as u64).saturating_add(1);
        if let Err(e) = reader.take(limit).read_to_end(&mut bytes) {
            return Some(Err(Error::io(path, e)));
        }
        if bytes.len() > self.max_bytes {
            self.skipped += 1;
            let size = std::fs::metadata(path)
                .map(|m| m.len() as usize)
                .unwrap_or(bytes.len());
            self.warnings.push(Warning::TooLarge {
                path: name,
                bytes: size,
                limit: self.max_bytes,
            });
            return None;
        }
        // A file or stream with no text holds no article (an empty shard's standard input).
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        let (text, lossy) = decode_owned(bytes);
        if lossy {
            self.warnings
                .push(Warning::InvalidUtf8 { path: name.clone() });
        }
        let article = match format {
            Format::Html => html_article(name, &text),
            _ => Article {
                title: plain::headline(&text),
                ..Article::from_text(name, text)
            },
        };
        Some(Ok(article))
    }
}

impl Iterator for Articles {
    type Item = Result<Article>;

    fn next(&mut self) -> Option<Result<Article>> {
        loop {
            if self.jsonl.is_some() {
                if let Some(item) = self.next_jsonl() {
                    return Some(item);
                }
                continue;
            }
            if self.csv.is_some() {
                if let Some(item) = self.next_csv() {
                    return Some(item);
                }
                continue;
            }
            let pending = self.pending.pop_front()?;
            if let Some(item) = self.read_file(&pending) {
                return Some(item);
            }
        }
    }
}

fn looks_like_json(start: &[u8]) -> bool {
    let start = start.strip_prefix(b"\xef\xbb\xbf").unwrap_or(start);
    start.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

fn display(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Whether a file found in a directory is an article by its extension (files named on the
/// command line are read whatever their extension).
fn is_article_file(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(e) => matches!(
            e.to_ascii_lowercase().as_str(),
            "txt" | "text" | "html" | "htm" | "xhtml" | "jsonl" | "ndjson" | "csv"
        ),
    }
}

/// The article files under a directory, found without recursion: directory links are
/// followed, each directory is read once (a link back to one already read is a loop, or a
/// second way to the same files), and what cannot be read is noted and skipped.
#[derive(Default)]
struct Walk {
    files: Vec<(PathBuf, FileId)>,
    visited: HashSet<FileId>,
    left_out: usize,
    unreadable: Vec<Warning>,
}

impl Walk {
    fn skip(&mut self, path: &Path, reason: impl Into<String>) {
        self.unreadable.push(Warning::Unreadable {
            path: path.display().to_string(),
            reason: reason.into(),
        });
    }

    fn run(&mut self, top: &Path, meta: &std::fs::Metadata) -> Result<()> {
        self.visited.insert(FileId::from(meta));
        // The directory the user named must be readable; below it, nothing stops the run.
        let first = std::fs::read_dir(top).map_err(|e| Error::io(top, e))?;
        // Directories still to list, opened only when listed: a directory of thousands of
        // subdirectories must not hold thousands of them open.
        let mut stack = vec![(top.to_path_buf(), meta.dev())];
        let mut opened = Some(first);
        while let Some((dir, dev)) = stack.pop() {
            let entries = match opened.take().map_or_else(|| std::fs::read_dir(&dir), Ok) {
                Ok(entries) => entries,
                Err(e) => {
                    self.skip(&dir, e.to_string());
                    continue;
                }
            };
            for entry in entries {
                let entry = match entry {
                    Ok(e) => e,
                    Err(e) => {
                        self.skip(&dir, e.to_string());
                        break;
                    }
                };
                if entry.file_name().as_encoded_bytes().starts_with(b".") {
                    continue;
                }
                let path = entry.path();
                let ty = match entry.file_type() {
                    Ok(t) => t,
                    Err(e) => {
                        self.skip(&path, e.to_string());
                        continue;
                    }
                };
                if ty.is_file() {
                    if is_article_file(&path) {
                        self.files.push((path, FileId::new(dev, entry.ino())));
                    } else {
                        self.left_out += 1;
                    }
                    continue;
                }
                // A link is followed to what it names; anything else is looked at as it is.
                let meta = if ty.is_symlink() {
                    std::fs::metadata(&path)
                } else {
                    entry.metadata()
                };
                let meta = match meta {
                    Ok(m) => m,
                    Err(e) if ty.is_symlink() && e.kind() == io::ErrorKind::NotFound => {
                        self.skip(&path, "a link to nothing (dangling)");
                        continue;
                    }
                    Err(e) => {
                        self.skip(&path, e.to_string());
                        continue;
                    }
                };
                let id = FileId::from(&meta);
                if meta.is_dir() {
                    if !self.visited.insert(id) {
                        self.skip(
                            &path,
                            "a directory already read (a link loop or a second link)",
                        );
                        continue;
                    }
                    stack.push((path, meta.dev()));
                } else if !is_article_file(&path) {
                    self.left_out += 1;
                } else if meta.is_file() {
                    self.files.push((path, id));
                } else {
                    let what = match meta.file_type() {
                        t if t.is_fifo() => "a FIFO",
                        t if t.is_socket() => "a socket",
                        _ => "a device",
                    };
                    self.skip(&path, format!("{what}, not a file"));
                }
            }
        }
        Ok(())
    }
}

/// Decodes bytes as UTF-8, lossily; the flag says whether anything was replaced.
fn decode(bytes: &[u8]) -> (String, bool) {
    match String::from_utf8_lossy(bytes) {
        std::borrow::Cow::Borrowed(s) => (s.to_string(), false),
        std::borrow::Cow::Owned(s) => (s, true),
    }
}

/// [`decode`] without a copy when the bytes are valid UTF-8.
fn decode_owned(bytes: Vec<u8>) -> (String, bool) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    }
}

#[derive(serde::Deserialize)]
struct JsonRecord {
    id: Option<serde_json::Value>,
    text: Option<String>,
    body: Option<String>,
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
}

fn parse_jsonl_record(name: &str, line: u64, text: &str) -> Result<Article> {
    let text = text.trim_start_matches('\u{feff}');
    let rec: JsonRecord = serde_json::from_str(text)
        .map_err(|e| Error::input(name, Some(line), format!("not a JSON article object: {e}")))?;
    let body = rec
        .text
        .or(rec.body)
        .ok_or_else(|| Error::input(name, Some(line), "JSON article has no \"text\" field"))?;
    let id = match rec.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => format!("{name}:{line}"),
        Some(other) => other.to_string(),
    };
    Ok(Article {
        id,
        body,
        title: rec.title,
        date: rec.date,
        source: rec.source,
    })
}

#[cfg(test)]
mod tests;
