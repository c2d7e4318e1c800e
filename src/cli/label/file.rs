//! The labels file `label` writes: a training CSV that `train` reads as is, appended to one
//! row at a time.
//!
//! An existing file is read first and kept intact: its header decides the column order of the
//! rows appended, and the statements it holds are not asked again. Each label is appended
//! whole and synced to disk before the next key is read, so a crash or a kill loses at most
//! the label being typed. Undo truncates the file back to where the last row began, and only
//! when the file is still as long as this run left it (no other writer appended meanwhile).

use demarche::Error;
use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The columns of a new labels file, in order (`sentiment` only when sentiment is labeled).
pub const COLUMNS: [&str; 10] = [
    "text",
    "topic",
    "stance",
    "sentiment",
    "on_topic",
    "speaker",
    "context",
    "cue",
    "kind",
    "article",
];

/// One labeled statement, by column name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LabelRow {
    pub text: String,
    pub topic: String,
    pub stance: String,
    pub sentiment: Option<String>,
    pub on_topic: bool,
    pub speaker: String,
    pub context: String,
    pub cue: String,
    pub kind: String,
    pub article: String,
}

impl LabelRow {
    fn field(&self, column: &str) -> String {
        match column.trim().to_ascii_lowercase().as_str() {
            "text" => self.text.clone(),
            "topic" => self.topic.clone(),
            "stance" => self.stance.clone(),
            "sentiment" => self.sentiment.clone().unwrap_or_default(),
            "on_topic" => self.on_topic.to_string(),
            "speaker" => self.speaker.clone(),
            "context" => self.context.clone(),
            "cue" => self.cue.clone(),
            "kind" => self.kind.clone(),
            "article" => self.article.clone(),
            _ => String::new(),
        }
    }
}

/// What identifies a labeled statement: its topic and its text, trimmed. A statement already
/// in the file under the same topic is not asked again, whichever article it came from.
pub type Key = (String, String);

pub fn key(topic: &str, text: &str) -> Key {
    (topic.trim().to_string(), text.trim().to_string())
}

/// An existing labels file as read before labeling starts.
#[derive(Debug, Default)]
pub struct Existing {
    /// The header, or `None` for a missing or empty file.
    pub header: Option<Vec<String>>,
    /// The key of every row, and where the row starts in the file, in file order.
    pub rows: Vec<(Key, u64)>,
    /// The file's length.
    pub len: u64,
    /// Whether the last byte is a line end.
    pub ends_with_newline: bool,
}

impl Existing {
    pub fn keys(&self) -> HashSet<Key> {
        self.rows.iter().map(|(k, _)| k.clone()).collect()
    }

    pub fn has_sentiment(&self) -> bool {
        self.header
            .as_ref()
            .is_some_and(|h| find(h, "sentiment").is_some())
    }
}

fn find(header: &[String], name: &str) -> Option<usize> {
    header.iter().position(|h| h.trim() == name).or_else(|| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    })
}

/// Reads the labels file at `path`, if there is one: an error naming the file and line when it
/// is not a labels file `label` can append to (exit code 2).
pub fn read_existing(path: &Path) -> demarche::Result<Existing> {
    // A FIFO or a device would block the read or could not be truncated by undo.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(Error::input(
            path,
            None,
            "is not a regular file: label appends its labels to a file",
        ));
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Existing::default()),
        Err(e) => return Err(Error::io(path, e)),
    };
    let line_of = |byte: u64| {
        1 + bytes[..(byte as usize).min(bytes.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64
    };
    let mut existing = Existing {
        len: bytes.len() as u64,
        ends_with_newline: bytes.ends_with(b"\n"),
        ..Existing::default()
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        if !bytes.is_empty() {
            return Err(Error::input(
                path,
                Some(1),
                "holds only white space: not a labels file (remove it or name another)",
            ));
        }
        return Ok(existing);
    }
    let Ok(text) = std::str::from_utf8(&bytes) else {
        let valid = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
        return Err(Error::input(
            path,
            Some(line_of(valid as u64)),
            "not UTF-8 text: not a labels file label can append to",
        ));
    };
    if text.starts_with('\u{feff}') {
        return Err(Error::input(
            path,
            Some(1),
            "starts with a byte order mark: save it without one to append to it",
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let read = |reader: &mut csv::Reader<&[u8]>, record: &mut csv::StringRecord| {
        reader.read_record(record).map_err(|e| {
            let line = e.position().map_or(1, |p| line_of(p.byte()));
            Error::input(path, Some(line), format!("unreadable CSV: {e}"))
        })
    };
    read(&mut reader, &mut record)?;
    let header: Vec<String> = record.iter().map(str::to_string).collect();
    let column = |name: &str| {
        find(&header, name).ok_or_else(|| {
            Error::input(
                path,
                Some(1),
                format!(
                    "no column {name:?} in the header (columns: {}): not a labels file",
                    header.join(", ")
                ),
            )
        })
    };
    let (text_col, topic_col) = (column("text")?, column("topic")?);
    column("stance")?;
    while read(&mut reader, &mut record)? {
        let start = record.position().map_or(0, |p| p.byte());
        if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
            continue;
        }
        let (Some(text), Some(topic)) = (record.get(text_col), record.get(topic_col)) else {
            return Err(Error::input(
                path,
                Some(line_of(start)),
                format!(
                    "the row has {} fields, fewer than the header's {}",
                    record.len(),
                    header.len()
                ),
            ));
        };
        existing.rows.push((key(topic, text), start));
    }
    existing.header = Some(header);
    Ok(existing)
}

/// A labels file open for appending.
pub struct LabelsFile {
    path: PathBuf,
    file: File,
    header: Vec<String>,
    /// The file's length as this run left it.
    len: u64,
    /// Whether the next row must start with a line end (the file's last line has none).
    newline: bool,
    /// Where each row that undo may remove starts, last row last.
    undo: Vec<u64>,
    /// The file did not exist (or was empty) before this run.
    created: bool,
}

impl LabelsFile {
    /// Opens `path` for appending, creating it when `existing` found no file; a new file gets
    /// `header` as its first line when the first row is written. `undoable` are the starts of
    /// the existing rows undo may remove, in file order.
    pub fn open(
        path: &Path,
        existing: &Existing,
        new_header: Vec<String>,
        undoable: Vec<u64>,
    ) -> demarche::Result<LabelsFile> {
        let file = OpenOptions::new()
            .append(true)
            .create(true)
            .open(path)
            .map_err(|e| Error::write(path, e))?;
        let len = file.metadata().map_err(|e| Error::write(path, e))?.len();
        if len != existing.len {
            return Err(Error::write(
                path,
                std::io::Error::other("the file changed while it was being read"),
            ));
        }
        Ok(LabelsFile {
            path: path.to_path_buf(),
            file,
            created: existing.header.is_none(),
            header: existing.header.clone().unwrap_or(new_header),
            len,
            newline: existing.len > 0 && !existing.ends_with_newline,
            undo: undoable,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Rows undo can remove.
    pub fn undoable(&self) -> usize {
        self.undo.len()
    }

    /// Appends `row` (after the header, for a new file) and syncs it to disk.
    pub fn append(&mut self, row: &LabelRow) -> demarche::Result<()> {
        let mut bytes = Vec::new();
        if self.newline {
            bytes.push(b'\n');
        }
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        if self.len == 0 {
            w.write_record(&self.header).map_err(|e| self.error(e))?;
        }
        // The writer buffers: what it holds so far must be in the vector to be counted.
        w.flush().map_err(|e| self.error(e))?;
        let start = self.len + bytes.len() as u64 + w.get_ref().len() as u64;
        w.write_record(self.header.iter().map(|c| row.field(c)))
            .map_err(|e| self.error(e))?;
        bytes.extend(w.into_inner().map_err(|e| self.error(e.into_error()))?);
        self.check_len()?;
        self.file
            .write_all(&bytes)
            .and_then(|()| self.file.flush())
            .and_then(|()| self.file.sync_data())
            .map_err(|e| Error::write(&self.path, e))?;
        self.len += bytes.len() as u64;
        self.newline = false;
        self.undo.push(start);
        Ok(())
    }

    /// Removes the last row written (by this run, or one of the existing rows it was opened
    /// with); `false` when there is none.
    pub fn undo(&mut self) -> demarche::Result<bool> {
        let Some(&start) = self.undo.last() else {
            return Ok(false);
        };
        self.check_len()?;
        self.file
            .set_len(start)
            .and_then(|()| self.file.sync_data())
            .map_err(|e| Error::write(&self.path, e))?;
        self.undo.pop();
        self.len = start;
        Ok(true)
    }

    /// Removes the file again if this run created it and wrote nothing to it.
    pub fn close(self) -> demarche::Result<()> {
        if self.created && self.len == 0 && self.check_len().is_ok() {
            std::fs::remove_file(&self.path).map_err(|e| Error::write(&self.path, e))?;
        }
        Ok(())
    }

    /// Refuses to write when another program changed the file's length since.
    fn check_len(&self) -> demarche::Result<()> {
        let now = self
            .file
            .metadata()
            .map_err(|e| Error::write(&self.path, e))?
            .len();
        if now != self.len {
            return Err(Error::write(
                &self.path,
                std::io::Error::other(format!(
                    "another program changed the file ({} bytes, {} expected); nothing written",
                    now, self.len
                )),
            ));
        }
        Ok(())
    }

    fn error(&self, e: impl std::fmt::Display) -> Error {
        Error::write(&self.path, std::io::Error::other(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(text: &str) -> LabelRow {
        LabelRow {
            text: text.into(),
            topic: "the treaty".into(),
            stance: "favor".into(),
            on_topic: true,
            context: "He said \"x,\" on Monday.\nThen left.".into(),
            ..LabelRow::default()
        }
    }

    fn header() -> Vec<String> {
        COLUMNS
            .iter()
            .filter(|c| **c != "sentiment")
            .map(|c| c.to_string())
            .collect()
    }

    #[test]
    fn a_new_file_gets_a_header_and_rows_and_undo_removes_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("labels.csv");
        let existing = read_existing(&path).unwrap();
        let mut f = LabelsFile::open(&path, &existing, header(), Vec::new()).unwrap();
        f.append(&row("We support it")).unwrap();
        let one = std::fs::read_to_string(&path).unwrap();
        assert!(one.starts_with("text,topic,stance,on_topic,"), "{one}");
        f.append(&row("We oppose it")).unwrap();
        assert!(f.undo().unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), one);
        let again = read_existing(&path).unwrap();
        assert_eq!(again.rows.len(), 1);
        assert!(again.keys().contains(&key("the treaty ", " We support it")));
        assert!(f.undo().unwrap());
        assert!(!f.undo().unwrap());
        f.close().unwrap();
        // Only the header was left: the file stays.
        assert!(path.exists());
    }

    #[test]
    fn an_unused_new_file_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("labels.csv");
        let f = LabelsFile::open(&path, &Existing::default(), header(), Vec::new()).unwrap();
        f.close().unwrap();
        assert!(!path.exists());
    }

    #[test]
    fn rows_follow_the_existing_header_and_a_missing_line_end_is_added() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("labels.csv");
        let old = "Stance,extra,TEXT,topic\nagainst,x,No way,the treaty";
        std::fs::write(&path, old).unwrap();
        let existing = read_existing(&path).unwrap();
        assert_eq!(existing.rows.len(), 1);
        assert!(!existing.has_sentiment());
        let mut f = LabelsFile::open(&path, &existing, header(), vec![]).unwrap();
        f.append(&row("Yes, \"gladly\"")).unwrap();
        let now = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            now,
            format!("{old}\nfavor,,\"Yes, \"\"gladly\"\"\",the treaty\n")
        );
        // Undo does not reach into rows it was not given.
        assert!(f.undo().unwrap());
        assert!(!f.undo().unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), format!("{old}\n"));
    }

    #[test]
    fn existing_rows_given_as_undoable_can_be_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("labels.csv");
        std::fs::write(&path, "text,topic,stance\na,t,none\nb,t,favor\n").unwrap();
        let existing = read_existing(&path).unwrap();
        let starts: Vec<u64> = existing.rows.iter().map(|r| r.1).collect();
        let mut f = LabelsFile::open(&path, &existing, header(), starts[1..].to_vec()).unwrap();
        assert!(f.undo().unwrap());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "text,topic,stance\na,t,none\n"
        );
    }

    #[test]
    fn undo_refuses_when_another_program_appended() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("labels.csv");
        let mut f = LabelsFile::open(&path, &Existing::default(), header(), vec![]).unwrap();
        f.append(&row("a")).unwrap();
        let mut other = OpenOptions::new().append(true).open(&path).unwrap();
        other.write_all(b"b,t,none,true,,,,,\n").unwrap();
        let before = std::fs::read(&path).unwrap();
        let e = f.undo().unwrap_err();
        assert!(e.to_string().contains("another program changed"), "{e}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn files_that_are_not_labels_files_are_refused_with_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("labels.csv");
        for (content, line, says) in [
            (&b"text,stance\nx,none\n"[..], 1, "no column \"topic\""),
            // A quoted field left open (a damaged last row) swallows the rest of the file.
            (
                b"text,topic,stance\nok,t,none\n\"open,t,none\n",
                3,
                "fewer than the header",
            ),
            (
                b"text,topic,stance\nok,t,none\nonly\n",
                3,
                "fewer than the header",
            ),
            (b"text,topic,stance\n\xff\n", 2, "not UTF-8"),
            (b"  \n", 1, "only white space"),
        ] {
            std::fs::write(&path, content).unwrap();
            let e = read_existing(&path).unwrap_err();
            let msg = e.to_string();
            assert!(
                msg.starts_with(&format!("{}:{line}: ", path.display())),
                "{msg}"
            );
            assert!(msg.contains(says), "{msg}");
            assert_eq!(e.exit_code(), 2);
        }
        let e = read_existing(dir.path()).unwrap_err();
        assert!(
            e.to_string()
                .ends_with(": is not a regular file: label appends its labels to a file"),
            "{e}"
        );
        assert_eq!(e.exit_code(), 2);
    }
}
