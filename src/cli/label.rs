//! `demarche label`: label statements of real articles toward a topic in the terminal, one key
//! each, into a training CSV that `train` reads as is.
//!
//! The articles' quotes are classified first; the statements the model is least sure of (the
//! lowest probability of its most probable stance) come first. Each label is appended to the
//! labels file and synced before the next key is read ([`file`]), so quitting, a crash or a
//! kill keeps every label given. Run again on the same file, it asks only what the file does
//! not hold yet.
//!
//! The terminal is driven through crossterm (raw mode, key events, the alternate screen); the
//! screen is redrawn whole for each statement.

mod file;

use super::input::{for_each_article, InputArgs};
use super::model::ModelArgs;
use super::UsageError;
use anyhow::Result;
use clap::Args;
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::style::{Attribute, Print, SetAttribute};
use crossterm::terminal::{self, ClearType};
use crossterm::{cursor, queue};
use demarche::output::refuse_input_as_output;
use demarche::{ClassifiedQuote, LabelProbs, Pipeline};
use file::{key, Key, LabelRow, LabelsFile};
use std::collections::{HashMap, HashSet, VecDeque};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct LabelArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub model: ModelArgs,
    /// The labels file (CSV): created, or appended to when it exists (its rows are kept and
    /// its statements not asked again).
    #[arg(short = 'o', long = "output", required = true, value_name = "PATH")]
    pub output: PathBuf,
    /// Also ask each statement's sentiment (a second key). Implied when the labels file
    /// already has a sentiment column.
    #[arg(long)]
    pub sentiment: bool,
}

/// The keys, as the help line shows them.
const HELP: &str = "f favor  a against  n none (on topic)  o off topic  s skip  u undo  q quit";
const SENTIMENT_HELP: &str = "sentiment: p positive  m negative  e neutral  (Esc: back)";
const DONE_HELP: &str = "u undo  q quit";

/// A statement to label.
struct Item {
    row: ClassifiedQuote,
    title: Option<String>,
}

impl Item {
    fn key(&self) -> Key {
        key(&self.row.topic, &self.row.quote.text)
    }

    /// The model's probability of its most probable stance (1 when it has no stance).
    fn certainty(&self) -> f64 {
        self.row
            .stance
            .as_ref()
            .and_then(LabelProbs::best)
            .map_or(1.0, |b| b.1)
    }

    fn label(&self, stance: &str, on_topic: bool, sentiment: Option<&str>) -> LabelRow {
        let q = &self.row.quote;
        LabelRow {
            text: q.text.clone(),
            topic: self.row.topic.clone(),
            stance: stance.to_string(),
            sentiment: sentiment.map(str::to_string),
            on_topic,
            speaker: q
                .speaker
                .clone()
                .or_else(|| q.source_text.clone())
                .unwrap_or_default(),
            context: self.row.context.clone(),
            cue: q.cue.clone().unwrap_or_default(),
            kind: q.kind.to_string(),
            article: q.article.clone(),
        }
    }
}

pub fn run(args: LabelArgs) -> Result<()> {
    let path = args.output.clone();
    if args.input.inputs.iter().any(|p| p.as_os_str() == "-") {
        return Err(UsageError(
            "label reads its keys from standard input: name the articles as files, not -".into(),
        )
        .into());
    }
    let articles = args.input.open(Some(&path))?;
    refuse_input_as_output(&path, args.model.model.as_deref())?;
    let existing = file::read_existing(&path)?;
    if args.sentiment && existing.header.is_some() && !existing.has_sentiment() {
        return Err(demarche::Error::input(
            &path,
            Some(1),
            "has no sentiment column: label without --sentiment, or into another file",
        )
        .into());
    }
    let sentiment = args.sentiment || existing.has_sentiment();
    let (mut topics, loaded) = args.model.open()?;
    if topics.len() != 1 {
        return Err(UsageError("label takes one topic at a time".into()).into());
    }
    let topic = topics.remove(0);
    if !(io::stdin().is_terminal() && io::stdout().is_terminal()) {
        return Err(UsageError(
            "label is interactive: standard input and output must be a terminal".into(),
        )
        .into());
    }
    let pipeline = Pipeline::new(loaded.get());

    // Every statement once (the first time its text comes up), least certain first.
    let mut items: Vec<Item> = Vec::new();
    let mut seen: HashSet<Key> = HashSet::new();
    for_each_article(
        &args.input,
        articles,
        |_| true,
        |a| pipeline.classify(a, &topic),
        |a, rows| {
            for row in rows {
                let item = Item {
                    row,
                    title: a.title.clone(),
                };
                if !item.row.quote.text.trim().is_empty() && seen.insert(item.key()) {
                    items.push(item);
                }
            }
            Ok(())
        },
    )?;
    let labeled = existing.keys();
    let mut queue: Vec<usize> = (0..items.len())
        .filter(|&i| !labeled.contains(&items[i].key()))
        .collect();
    queue.sort_by(|&a, &b| items[a].certainty().total_cmp(&items[b].certainty()));

    // The file's last rows that are statements of these articles can be undone: they are
    // asked again.
    let by_key: HashMap<Key, usize> = items
        .iter()
        .enumerate()
        .map(|(i, it)| (it.key(), i))
        .collect();
    let mut done: Vec<usize> = Vec::new();
    let mut undoable: Vec<u64> = Vec::new();
    for (k, start) in existing.rows.iter().rev() {
        match by_key.get(k) {
            Some(&i) if !done.contains(&i) => {
                done.push(i);
                undoable.push(*start);
            }
            _ => break,
        }
    }
    done.reverse();
    undoable.reverse();

    let header: Vec<String> = file::COLUMNS
        .iter()
        .filter(|c| sentiment || **c != "sentiment")
        .map(|c| c.to_string())
        .collect();
    let labels = LabelsFile::open(&path, &existing, header, undoable)?;
    let mut labeling = Labeling {
        items,
        queue: queue.into(),
        done,
        file: labels,
        sentiment,
        topic: topic.as_str().to_string(),
        in_file: existing.rows.len(),
        written: 0,
        undone: 0,
        message: String::new(),
    };
    // The file is closed (and removed again if this run made it and wrote nothing) however
    // the labeling ends.
    let result = Screen::enter()
        .map_err(anyhow::Error::from)
        .and_then(|mut screen| labeling.run(&mut screen));
    let Labeling {
        file,
        written,
        undone,
        in_file,
        queue,
        ..
    } = labeling;
    let path = file.path().display().to_string();
    file.close()?;
    result?;
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    println!(
        "{written} label{} written, {undone} undone; {in_file} in {path}; {} statement{} not \
         labeled",
        plural(written),
        queue.len(),
        plural(queue.len()),
    );
    Ok(())
}

/// The labeling state: what is left, what was written, what the screen says.
struct Labeling {
    items: Vec<Item>,
    /// Statements still to ask, the one shown first.
    queue: VecDeque<usize>,
    /// The statements of the rows undo may remove, the last row last.
    done: Vec<usize>,
    file: LabelsFile,
    sentiment: bool,
    topic: String,
    /// Rows in the file.
    in_file: usize,
    /// Labels written and undone by this run.
    written: usize,
    undone: usize,
    message: String,
}

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Label {
        stance: &'static str,
        on_topic: bool,
    },
    Skip,
    Undo,
    Quit,
    Other(char),
    Redraw,
}

fn action(k: KeyEvent) -> Action {
    if k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('c') {
        return Action::Quit;
    }
    let label = |stance, on_topic| Action::Label { stance, on_topic };
    match k.code {
        KeyCode::Char('f') => label("favor", true),
        KeyCode::Char('a') => label("against", true),
        KeyCode::Char('n') => label("none", true),
        KeyCode::Char('o') => label("none", false),
        KeyCode::Char('s') | KeyCode::Right => Action::Skip,
        KeyCode::Char('u') | KeyCode::Backspace => Action::Undo,
        KeyCode::Char('q') | KeyCode::Esc => Action::Quit,
        KeyCode::Char(c) => Action::Other(c),
        _ => Action::Redraw,
    }
}

fn sentiment_of(k: KeyEvent) -> Option<&'static str> {
    match k.code {
        KeyCode::Char('p' | '+') => Some("positive"),
        KeyCode::Char('m' | '-') => Some("negative"),
        KeyCode::Char('e' | '=' | '0') => Some("neutral"),
        _ => None,
    }
}

impl Labeling {
    fn run(&mut self, screen: &mut Screen) -> Result<()> {
        loop {
            self.draw(screen, false)?;
            let k = screen.key()?;
            self.message.clear();
            match action(k) {
                Action::Quit => return Ok(()),
                Action::Redraw => {}
                Action::Other(c) => self.message = format!("no key {c:?}: {HELP}"),
                Action::Skip => {
                    if self.queue.pop_front().is_some() {
                        self.message = "skipped (asked again next time)".into();
                    }
                }
                Action::Undo => self.undo()?,
                Action::Label { stance, on_topic } => {
                    let Some(&i) = self.queue.front() else {
                        continue;
                    };
                    let sentiment = if self.sentiment {
                        self.draw(screen, true)?;
                        match sentiment_of(screen.key()?) {
                            Some(s) => Some(s),
                            None => {
                                self.message = "not labeled".into();
                                continue;
                            }
                        }
                    } else {
                        None
                    };
                    let row = self.items[i].label(stance, on_topic, sentiment);
                    self.file.append(&row)?;
                    self.queue.pop_front();
                    self.done.push(i);
                    self.written += 1;
                    self.in_file += 1;
                    let topic = if on_topic { "" } else { ", off topic" };
                    let sentiment = sentiment.map(|s| format!(", {s}")).unwrap_or_default();
                    self.message = format!("saved: {stance}{topic}{sentiment}");
                }
            }
        }
    }

    fn undo(&mut self) -> Result<()> {
        debug_assert_eq!(self.done.len(), self.file.undoable());
        if !self.file.undo()? {
            self.message = "nothing to undo".into();
            return Ok(());
        }
        let i = self.done.pop().expect("one statement per undoable row");
        self.queue.push_front(i);
        self.undone += 1;
        self.in_file -= 1;
        self.message = format!("undone: {}", clip(&self.items[i].row.quote.text, 60));
        Ok(())
    }

    fn draw(&self, screen: &mut Screen, asking_sentiment: bool) -> io::Result<()> {
        let mut lines: Vec<(String, String)> = Vec::new();
        let status = format!(
            "{} left, {} labeled now, {} in {}",
            self.queue.len(),
            self.written,
            self.in_file,
            self.file.path().display()
        );
        lines.push(("Topic".into(), self.topic.clone()));
        lines.push(("Progress".into(), status));
        let help = match self.queue.front() {
            None => {
                lines.push((String::new(), String::new()));
                lines.push(("Done".into(), "no statement left to label".into()));
                DONE_HELP
            }
            Some(&i) => {
                let item = &self.items[i];
                let q = &item.row.quote;
                let article = match &item.title {
                    Some(t) => format!("{t}  ({})", q.article),
                    None => q.article.clone(),
                };
                lines.push(("Article".into(), article));
                let speaker = q
                    .speaker
                    .as_deref()
                    .or(q.source_text.as_deref())
                    .unwrap_or("(unknown)");
                let cue = q
                    .cue
                    .as_deref()
                    .map(|c| format!(", {c}"))
                    .unwrap_or_default();
                lines.push(("Speaker".into(), format!("{speaker}  ({}{cue})", q.kind)));
                lines.push((String::new(), String::new()));
                lines.push(("Statement".into(), format!("\u{201c}{}\u{201d}", q.text)));
                lines.push((String::new(), String::new()));
                lines.push(("Context".into(), item.row.context.clone()));
                lines.push((String::new(), String::new()));
                lines.push(("Model".into(), guess(&item.row)));
                if asking_sentiment {
                    SENTIMENT_HELP
                } else {
                    HELP
                }
            }
        };
        screen.draw(&lines, help, &self.message)
    }
}

/// The model's guess, as a line: the stance probabilities and relevance.
fn guess(row: &ClassifiedQuote) -> String {
    let mut s = match &row.stance {
        Some(p) => p
            .iter()
            .map(|(l, p)| format!("{l} {p:.2}"))
            .collect::<Vec<_>>()
            .join(", "),
        None => "no stance".into(),
    };
    if let Some(r) = row.relevance {
        s.push_str(&format!("; on topic {r:.2}"));
    }
    s
}

/// `s` on one line with no control characters (an article could hold terminal escapes).
fn printable(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            w.chars()
                .map(|c| if c.is_control() { '\u{fffd}' } else { c })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The width of the names before the values.
const NAME_WIDTH: usize = 10;

/// `s` (on one line) cut into lines of at most `width` characters at spaces (a longer word
/// is cut), at most `most` of them, the last ending in an ellipsis when text was left out.
/// Width 0 is no wrapping.
fn wrap(s: &str, width: usize, most: usize) -> Vec<String> {
    if width == 0 {
        return vec![s.to_string()];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in s.split(' ') {
        let mut word: Vec<char> = word.chars().collect();
        while !word.is_empty() {
            let room = if len == 0 {
                width
            } else {
                width.saturating_sub(len + 1)
            };
            if word.len() <= room {
                if len > 0 {
                    line.push(' ');
                    len += 1;
                }
                line.extend(&word);
                len += word.len();
                break;
            }
            if len == 0 {
                line.extend(word.drain(..width));
            }
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    if lines.len() > most {
        lines.truncate(most);
        if let Some(last) = lines.last_mut() {
            let keep = last.chars().count().min(width.saturating_sub(1));
            *last = format!("{}\u{2026}", last.chars().take(keep).collect::<String>());
        }
    }
    lines
}

fn clip(s: &str, max: usize) -> String {
    super::quotes::clip(&printable(s), max)
}

/// The terminal in raw mode on the alternate screen, restored when dropped (also when the run
/// fails or panics).
struct Screen {
    out: io::BufWriter<io::Stdout>,
}

impl Screen {
    fn enter() -> io::Result<Screen> {
        terminal::enable_raw_mode()?;
        let mut screen = Screen {
            out: io::BufWriter::new(io::stdout()),
        };
        queue!(screen.out, terminal::EnterAlternateScreen, cursor::Hide)?;
        screen.out.flush()?;
        Ok(screen)
    }

    /// The next key pressed (a resize gives a key that only redraws).
    fn key(&mut self) -> io::Result<KeyEvent> {
        loop {
            match event::read()? {
                Event::Key(k) if k.kind == KeyEventKind::Press => return Ok(k),
                Event::Resize(..) => return Ok(KeyEvent::from(KeyCode::Null)),
                _ => {}
            }
        }
    }

    fn draw(&mut self, lines: &[(String, String)], help: &str, message: &str) -> io::Result<()> {
        // Values wrap at word boundaries under their own column; 0 columns (unknown) is no
        // wrapping. The statement is shown whole, the context cut at a few lines.
        let columns = terminal::size().map_or(0, |(c, _)| usize::from(c));
        let width = columns.saturating_sub(NAME_WIDTH + 1);
        let out = &mut self.out;
        queue!(out, terminal::Clear(ClearType::All), cursor::MoveTo(0, 0))?;
        for (name, value) in lines {
            let most = match name.as_str() {
                "Statement" => usize::MAX,
                "Context" => 6,
                _ => 2,
            };
            let wrapped = wrap(&printable(value), width, most);
            for (i, line) in wrapped.iter().enumerate() {
                let name = if i == 0 { name.as_str() } else { "" };
                queue!(
                    out,
                    SetAttribute(Attribute::Bold),
                    Print(format!("{name:<NAME_WIDTH$}")),
                    SetAttribute(Attribute::Reset),
                    Print(line),
                    Print("\r\n")
                )?;
            }
        }
        queue!(
            out,
            Print("\r\n"),
            SetAttribute(Attribute::Reverse),
            Print(help),
            SetAttribute(Attribute::Reset),
            Print("\r\n"),
            Print(printable(message)),
            Print("\r\n")
        )?;
        out.flush()
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = queue!(self.out, cursor::Show, terminal::LeaveAlternateScreen);
        let _ = self.out.flush();
        let _ = terminal::disable_raw_mode();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_labels() {
        let k = |c| action(KeyEvent::from(KeyCode::Char(c)));
        assert_eq!(
            k('o'),
            Action::Label {
                stance: "none",
                on_topic: false
            }
        );
        assert_eq!(
            k('n'),
            Action::Label {
                stance: "none",
                on_topic: true
            }
        );
        assert_eq!(k('u'), Action::Undo);
        assert_eq!(k('x'), Action::Other('x'));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action(ctrl_c), Action::Quit);
        assert_eq!(
            sentiment_of(KeyEvent::from(KeyCode::Char('m'))),
            Some("negative")
        );
        assert_eq!(sentiment_of(KeyEvent::from(KeyCode::Esc)), None);
    }

    #[test]
    fn values_wrap_at_spaces_and_long_ones_are_cut() {
        assert_eq!(wrap("aa bb cc", 5, 9), ["aa bb", "cc"]);
        assert_eq!(wrap("aa bb cc", 0, 9), ["aa bb cc"]);
        assert_eq!(wrap("abcdefgh ij", 3, 9), ["abc", "def", "gh", "ij"]);
        assert_eq!(wrap("aa bb cc dd", 5, 1), ["aa b\u{2026}"]);
        assert_eq!(wrap("", 5, 1), [""]);
        let text = "the agency had lost “continuity of knowledge” about Iran’s stockpile";
        for width in 1..30 {
            let lines = wrap(text, width, usize::MAX);
            assert!(
                lines.iter().all(|l| l.chars().count() <= width),
                "{lines:?}"
            );
            if width >= 11 {
                assert_eq!(lines.join(" "), text, "words are kept whole");
            }
        }
    }

    #[test]
    fn terminal_escapes_in_articles_are_not_printed() {
        assert_eq!(printable("a\u{1b}[2Jb\n c"), "a\u{fffd}[2Jb c");
        assert_eq!(clip("abcdef", 4), "abc\u{2026}");
    }
}
