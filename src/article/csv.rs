//! CSV files of articles: a header row naming the columns, then one article a row. The
//! columns are found by name (exact, then ignoring case), as `train` finds its labeled
//! columns; only the text column is required.

use super::{decode, Article, Warning};
use crate::error::{Error, Result};
use std::io::BufRead;

/// Which columns of a CSV file of articles hold what (`--text-col`, `--id-col`, ...). A column
/// left `None` takes its default name, and the optional ones are read only when present.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CsvColumns {
    /// The article text [default: `text`].
    pub text: Option<String>,
    /// The article id [default: `id` if present, else `file:line`].
    pub id: Option<String>,
    /// The article date [default: `date` if present].
    pub date: Option<String>,
    /// The headline [default: `title` if present].
    pub title: Option<String>,
    /// The outlet [default: `source` if present].
    pub source: Option<String>,
}

/// A CSV file being read, one row at a time.
pub(super) struct CsvArticles {
    name: String,
    reader: csv::Reader<Box<dyn BufRead>>,
    width: usize,
    text: usize,
    id: Option<usize>,
    date: Option<usize>,
    title: Option<usize>,
    source: Option<usize>,
    record: csv::ByteRecord,
}

/// What opening a CSV file can end in, besides reading it.
pub(super) enum Opened {
    Articles(Box<CsvArticles>),
    /// The header has no text column: a file found by walking a directory is then no CSV of
    /// articles (an actor dictionary, a labeled file of other columns) and is skipped.
    NoText(Error),
    /// No header at all: an empty file holds no article.
    Empty,
}

fn csv_error(name: &str, e: &csv::Error) -> Error {
    let line = e.position().map(|p| p.line());
    let what = match e.kind() {
        csv::ErrorKind::Io(io) => io.to_string(),
        _ => e.to_string(),
    };
    // The csv crate names the position itself; the error carries the line.
    let what = what
        .split_once(" (line ")
        .map_or(what.as_str(), |(w, _)| w)
        .to_string();
    Error::input(name, line, format!("not a CSV file of articles: {what}"))
}

/// The index of `wanted` in the header: the exact name, else the same name ignoring case.
fn find(header: &[String], wanted: &str) -> Option<usize> {
    header.iter().position(|h| h == wanted).or_else(|| {
        header
            .iter()
            .position(|h| h.to_lowercase() == wanted.to_lowercase())
    })
}

impl CsvArticles {
    pub(super) fn open(name: String, input: Box<dyn BufRead>, cols: &CsvColumns) -> Result<Opened> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(true)
            .from_reader(input);
        let header: Vec<String> = match reader.byte_headers() {
            Ok(h) => h
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let f = String::from_utf8_lossy(f);
                    let f = if i == 0 {
                        f.trim_start_matches('\u{feff}')
                    } else {
                        &f
                    };
                    f.trim().to_string()
                })
                .collect(),
            Err(e) => return Err(csv_error(&name, &e)),
        };
        if header.iter().all(String::is_empty) {
            return Ok(Opened::Empty);
        }
        let missing =
            |what: &str| Error::input(&name, Some(1), format!("no column {what:?} in the header"));
        let text_name = cols.text.as_deref().unwrap_or("text");
        let Some(text) = find(&header, text_name) else {
            return Ok(Opened::NoText(missing(text_name)));
        };
        // A column named by a flag must be there; a default one is read when present.
        let optional = |given: &Option<String>, default: &str| match given {
            Some(n) => find(&header, n).map(Some).ok_or_else(|| missing(n)),
            None => Ok(find(&header, default)),
        };
        let id = optional(&cols.id, "id")?;
        let date = optional(&cols.date, "date")?;
        let title = optional(&cols.title, "title")?;
        let source = optional(&cols.source, "source")?;
        Ok(Opened::Articles(Box::new(CsvArticles {
            width: header.len(),
            name,
            reader,
            text,
            id,
            date,
            title,
            source,
            record: csv::ByteRecord::new(),
        })))
    }

    /// The next article, `None` at the end of the file. Rows whose fields are all empty are
    /// skipped like blank lines; a row with another number of fields than the header is an
    /// error naming its line; a text over `max_bytes` is skipped with a warning.
    pub(super) fn next(
        &mut self,
        max_bytes: usize,
        warnings: &mut Vec<Warning>,
        skipped: &mut usize,
    ) -> Option<Result<Article>> {
        loop {
            match self.reader.read_byte_record(&mut self.record) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(e) => return Some(Err(csv_error(&self.name, &e))),
            }
            let line = self.record.position().map_or(0, |p| p.line());
            let at = format!("{}:{line}", self.name);
            if self
                .record
                .iter()
                .all(|f| f.iter().all(u8::is_ascii_whitespace))
            {
                continue;
            }
            if self.record.len() != self.width {
                return Some(Err(Error::input(
                    &self.name,
                    Some(line),
                    format!(
                        "{} fields, but the header has {}",
                        self.record.len(),
                        self.width
                    ),
                )));
            }
            let text = &self.record[self.text];
            if text.len() > max_bytes {
                *skipped += 1;
                warnings.push(Warning::TooLarge {
                    path: at,
                    bytes: text.len(),
                    limit: max_bytes,
                });
                continue;
            }
            let mut lossy = false;
            let mut field = |i: Option<usize>| {
                let (s, bad) = decode(&self.record[i?]);
                lossy |= bad;
                let s = s.trim().to_string();
                (!s.is_empty()).then_some(s)
            };
            let (body, bad) = decode(text);
            let id = field(self.id).unwrap_or_else(|| at.clone());
            let article = Article {
                id,
                body,
                date: field(self.date),
                title: field(self.title),
                source: field(self.source),
            };
            if lossy || bad {
                warnings.push(Warning::InvalidUtf8 { path: at });
            }
            return Some(Ok(article));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, cols: &CsvColumns) -> Result<Vec<Result<Article>>> {
        let input: Box<dyn BufRead> = Box::new(std::io::Cursor::new(text.as_bytes().to_vec()));
        let mut r = match CsvArticles::open("a.csv".into(), input, cols)? {
            Opened::Articles(r) => r,
            Opened::NoText(e) => return Err(e),
            Opened::Empty => return Ok(Vec::new()),
        };
        let (mut warnings, mut skipped) = (Vec::new(), 0);
        let mut out = Vec::new();
        while let Some(a) = r.next(100, &mut warnings, &mut skipped) {
            let stop = a.is_err();
            out.push(a);
            if stop {
                break;
            }
        }
        Ok(out)
    }

    #[test]
    fn rows_are_articles_with_their_columns() {
        let text = "\u{feff}ID,Title,Text,date,extra\r\n\
                    7,Talks,\"\u{201c}No,\u{201d} he said.\nAgain.\",2024-01-02,x\r\n\
                    ,,,,\r\n\
                    ,Other,Body two.,,y\r\n";
        let rows = read(text, &CsvColumns::default()).unwrap();
        let rows: Vec<Article> = rows.into_iter().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].id, "7");
        assert_eq!(rows[0].title.as_deref(), Some("Talks"));
        assert_eq!(rows[0].body, "\u{201c}No,\u{201d} he said.\nAgain.");
        assert_eq!(rows[0].date.as_deref(), Some("2024-01-02"));
        assert_eq!(rows[1].id, "a.csv:4", "no id: the file and the row's line");
        assert_eq!(rows[1].date, None);
        assert_eq!(rows[1].source, None);
    }

    #[test]
    fn columns_can_be_renamed_and_must_then_be_there() {
        let cols = CsvColumns {
            text: Some("body".into()),
            date: Some("published".into()),
            ..CsvColumns::default()
        };
        let rows = read("Body,Published\nHello.,2020-05-06\n", &cols).unwrap();
        let a = rows[0].as_ref().unwrap();
        assert_eq!(
            (a.body.as_str(), a.date.as_deref()),
            ("Hello.", Some("2020-05-06"))
        );
        let e = read("body,when\nHello.,2020\n", &cols).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.csv:1: no column \"published\" in the header"
        );
        assert_eq!(e.exit_code(), 2);
        let e = read("name,aliases\nPutin,\n", &CsvColumns::default()).unwrap_err();
        assert_eq!(e.to_string(), "a.csv:1: no column \"text\" in the header");
    }

    #[test]
    fn bad_rows_name_the_line_and_long_texts_are_skipped() {
        let rows = read(
            "id,text\n1,One.\n2,Two.,extra\n3,Three.\n",
            &CsvColumns::default(),
        )
        .unwrap();
        assert_eq!(rows[0].as_ref().unwrap().body, "One.");
        let e = rows[1].as_ref().unwrap_err();
        assert_eq!(e.to_string(), "a.csv:3: 3 fields, but the header has 2");
        assert_eq!(e.exit_code(), 2);
        let long = format!("id,text\n1,{}\n2,Short.\n", "x".repeat(101));
        let rows = read(&long, &CsvColumns::default()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].as_ref().unwrap().id, "2");
    }
}
