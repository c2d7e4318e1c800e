//! Actor dictionaries (`--actors FILE`): a CSV that maps the names an actor goes by to one
//! canonical name and gives its affiliation and role, as event-coding actor dictionaries do,
//! so "the Kremlin", "Moscow" and "Russia" can roll up into one actor when the user wants.
//!
//! ```text
//! name,aliases,affiliation,role
//! Vladimir Putin,Putin|President Putin,Russia,head of state
//! Russia,Kremlin|Moscow|Russian Federation,Russia,government
//! ```
//!
//! The header names the columns (any order; `name` is required, the others optional);
//! aliases are `|`-separated. Names and aliases match by their folded key (see
//! [`super::name::fold`]). This module only reads and looks up; the report applies it.

use super::name::fold;
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

const COLUMNS: [&str; 4] = ["name", "aliases", "affiliation", "role"];

/// One actor of the dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictionaryEntry {
    /// The canonical name.
    pub name: String,
    /// The actor's country, party or organisation.
    pub affiliation: Option<String>,
    /// The actor's office.
    pub role: Option<String>,
}

/// Canonical actors and the names that refer to them.
#[derive(Debug, Clone, Default)]
pub struct ActorDictionary {
    entries: Vec<DictionaryEntry>,
    /// Folded name or alias -> index into `entries`.
    index: HashMap<String, usize>,
}

impl ActorDictionary {
    /// Reads a dictionary CSV file.
    pub fn load(path: impl AsRef<Path>) -> Result<ActorDictionary> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        ActorDictionary::from_reader(file, path)
    }

    /// Reads a dictionary CSV from `reader`; `path` names it in errors.
    pub fn from_reader(reader: impl Read, path: impl Into<PathBuf>) -> Result<ActorDictionary> {
        let path = path.into();
        let mut csv = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(reader);
        let bad = |line: Option<u64>, msg: String| Error::input(&path, line, msg);
        let header = csv.headers().map_err(|e| csv_error(&path, e))?.clone();
        let mut col = [None; 4];
        for (i, h) in header.iter().enumerate() {
            let h = h.trim().to_lowercase();
            match COLUMNS.iter().position(|c| *c == h) {
                Some(c) if col[c].is_none() => col[c] = Some(i),
                Some(_) => return Err(bad(Some(1), format!("column {h:?} appears twice"))),
                None => {
                    return Err(bad(
                        Some(1),
                        format!("unknown column {h:?} (expected name, aliases, affiliation, role)"),
                    ))
                }
            }
        }
        let Some(name_col) = col[0] else {
            return Err(bad(Some(1), "no \"name\" column".into()));
        };
        let mut dict = ActorDictionary::default();
        // The line each folded key was defined on, to name both lines of a conflict.
        let mut defined_at: HashMap<String, u64> = HashMap::new();
        for record in csv.records() {
            let record = record.map_err(|e| csv_error(&path, e))?;
            let line = record.position().map_or(0, |p| p.line());
            let field = |c: Option<usize>| {
                c.and_then(|c| record.get(c))
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
            };
            let Some(name) = field(Some(name_col)) else {
                return Err(bad(Some(line), "empty name".into()));
            };
            let idx = dict.entries.len();
            let mut names = vec![name];
            names.extend(field(col[1]).into_iter().flat_map(|a| a.split('|')));
            for alias in names.into_iter().map(str::trim).filter(|a| !a.is_empty()) {
                let key = fold(alias);
                if key.is_empty() {
                    return Err(bad(
                        Some(line),
                        format!("{alias:?} has no letters or digits left to match on"),
                    ));
                }
                match dict.index.get(&key) {
                    Some(&other) if other != idx => {
                        return Err(bad(
                            Some(line),
                            format!(
                                "{alias:?} already refers to {:?} (line {})",
                                dict.entries[other].name, defined_at[&key]
                            ),
                        ))
                    }
                    Some(_) => {}
                    None => {
                        dict.index.insert(key.clone(), idx);
                        defined_at.insert(key, line);
                    }
                }
            }
            dict.entries.push(DictionaryEntry {
                name: name.to_string(),
                affiliation: field(col[2]).map(str::to_string),
                role: field(col[3]).map(str::to_string),
            });
        }
        Ok(dict)
    }

    /// The entry a name or alias refers to.
    pub fn lookup(&self, name: &str) -> Option<&DictionaryEntry> {
        self.index.get(&fold(name)).map(|&i| &self.entries[i])
    }

    /// How many entries the dictionary has.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the dictionary has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A CSV parse error with its file and line, without repeating the position in the message.
fn csv_error(path: &Path, e: csv::Error) -> Error {
    let line = e.position().map(|p| p.line());
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} fields, but the header has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_string(),
        _ => e.to_string(),
    };
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::io(path, io),
        _ => Error::input(path, line, message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ActorDictionary> {
        ActorDictionary::from_reader(text.as_bytes(), "actors.csv")
    }

    fn err(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn maps_aliases_to_canonical_entries() {
        let d = parse(
            "name,aliases,affiliation,role\n\
             Vladimir Putin,Putin|President Putin,Russia,head of state\n\
             # governments\n\
             Russia,the Kremlin| Moscow |Russian Federation,,\n",
        )
        .unwrap();
        assert_eq!(d.len(), 2);
        let putin = d.lookup("Mr. Putin").unwrap();
        assert_eq!(putin.name, "Vladimir Putin");
        assert_eq!(putin.affiliation.as_deref(), Some("Russia"));
        assert_eq!(putin.role.as_deref(), Some("head of state"));
        assert_eq!(d.lookup("Russian President Vladimir Putin"), Some(putin));
        assert_eq!(d.lookup("KREMLIN").unwrap().name, "Russia");
        assert_eq!(d.lookup("moscow").unwrap().affiliation, None);
        assert!(d.lookup("Washington").is_none());
    }

    #[test]
    fn columns_may_come_in_any_order_and_be_left_out() {
        let d = parse("Role,NAME\nspokesman,Dmitry Peskov\n").unwrap();
        let e = d.lookup("Peskov dmitry");
        assert!(e.is_none(), "word order matters");
        let e = d.lookup("Dmitry Peskov").unwrap();
        assert_eq!(e.role.as_deref(), Some("spokesman"));
        assert_eq!(e.affiliation, None);
    }

    #[test]
    fn errors_name_the_file_and_line() {
        assert_eq!(
            err("name,aliases\nRussia,Moscow\nUSA,Washington\nCity,moscow\n"),
            "actors.csv:4: \"moscow\" already refers to \"Russia\" (line 2)"
        );
        assert_eq!(
            err("name,aliases\nRussia,Moscow\n ,x\n"),
            "actors.csv:3: empty name"
        );
        assert_eq!(
            err("name,alias\nRussia,Moscow\n"),
            "actors.csv:1: unknown column \"alias\" (expected name, aliases, affiliation, role)"
        );
        assert_eq!(err("aliases\nMoscow\n"), "actors.csv:1: no \"name\" column");
        assert_eq!(
            err("name,aliases\nRussia,Moscow\nUSA,Washington,extra\n"),
            "actors.csv:3: 3 fields, but the header has 2"
        );
        assert_eq!(
            err("name,name\nRussia,Russia\n"),
            "actors.csv:1: column \"name\" appears twice"
        );
        assert_eq!(
            err("name\nThe\n"),
            "actors.csv:2: \"The\" has no letters or digits left to match on"
        );
        let e = ActorDictionary::load("/nonexistent/actors.csv").unwrap_err();
        assert!(
            e.to_string().starts_with("/nonexistent/actors.csv: "),
            "{e}"
        );
    }

    #[test]
    fn invalid_utf8_is_an_input_error() {
        let e = ActorDictionary::from_reader(&b"name\nRuss\xffia\n"[..], "a.csv").unwrap_err();
        assert_eq!(e.to_string(), "a.csv:2: not valid UTF-8");
        assert_eq!(e.exit_code(), 2);
    }
}
