//! Reading many articles from the command line's inputs, with warnings and a progress bar:
//! the work goes through the library's parallel batches ([`in_batches`]).

use anyhow::Result;
use demarche::article::{Articles, CsvColumns, StdinFormat};
use demarche::in_batches;
use demarche::output::FileId;
use demarche::Article;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::Instant;

/// The forms standard input can take (`--stdin-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StdinArg {
    Auto,
    Text,
    Html,
    Jsonl,
    Csv,
}

impl From<StdinArg> for StdinFormat {
    fn from(f: StdinArg) -> StdinFormat {
        match f {
            StdinArg::Auto => StdinFormat::Auto,
            StdinArg::Text => StdinFormat::Text,
            StdinArg::Html => StdinFormat::Html,
            StdinArg::Jsonl => StdinFormat::Jsonl,
            StdinArg::Csv => StdinFormat::Csv,
        }
    }
}

/// Flags shared by every command that reads articles.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Articles: .txt, .html, .jsonl or .csv files, directories (walked recursively), or -
    /// for standard input (read as --stdin-format says).
    #[arg(required = true, value_name = "ARTICLE")]
    pub inputs: Vec<PathBuf>,
    /// How standard input (-) holds its articles: `auto` is JSONL when it starts with `{`,
    /// plain text otherwise; `csv` is read as a .csv file is, with the --text-col ... flags.
    #[arg(long, value_enum, default_value_t = StdinArg::Auto, value_name = "FORMAT")]
    pub stdin_format: StdinArg,
    /// Skip articles larger than this many bytes (with a warning).
    #[arg(long, default_value_t = demarche::article::DEFAULT_MAX_ARTICLE_BYTES, value_name = "BYTES")]
    pub max_article_bytes: usize,
    /// CSV articles: the column holding the text [default: text]
    #[arg(long, value_name = "NAME")]
    pub text_col: Option<String>,
    /// CSV articles: the column holding the id [default: id, if present; else file:line]
    #[arg(long, value_name = "NAME")]
    pub id_col: Option<String>,
    /// CSV articles: the column holding the date [default: date, if present]
    #[arg(long, value_name = "NAME")]
    pub date_col: Option<String>,
    /// CSV articles: the column holding the headline [default: title, if present]
    #[arg(long, value_name = "NAME")]
    pub title_col: Option<String>,
    /// CSV articles: the column holding the outlet [default: source, if present]
    #[arg(long, value_name = "NAME")]
    pub source_col: Option<String>,
    /// Do not show a progress bar even on a terminal.
    #[arg(long)]
    pub quiet: bool,
}

impl InputArgs {
    /// Opens the articles (directories are walked now), refusing an output path that is one
    /// of them: writing it would destroy an input.
    pub fn open(&self, output: Option<&Path>) -> Result<Articles> {
        let articles = Articles::open(&self.inputs)?
            .max_article_bytes(self.max_article_bytes)
            .stdin_format(self.stdin_format.into())
            .csv_columns(CsvColumns {
                text: self.text_col.clone(),
                id: self.id_col.clone(),
                date: self.date_col.clone(),
                title: self.title_col.clone(),
                source: self.source_col.clone(),
            });
        if let Some(out) = output.filter(|out| articles.reads(out)) {
            let id = FileId::of(out);
            let named = self
                .inputs
                .iter()
                .find(|p| id.is_some() && FileId::of(p) == id)
                .map_or_else(|| out.to_path_buf(), PathBuf::clone);
            return Err(demarche::output::same_file(out, &named).into());
        }
        Ok(articles)
    }
}

/// Runs `work` on every article in the library's parallel batches and gives each result to `sink` in
/// input order. `keep` sees each article first, in input order, and may leave it out (a
/// duplicate). Returns the number of articles processed.
pub fn for_each_article<T, K, W, S>(
    args: &InputArgs,
    mut articles: Articles,
    mut keep: K,
    work: W,
    mut sink: S,
) -> Result<usize>
where
    T: Send,
    K: FnMut(&Article) -> bool,
    W: Fn(&Article) -> T + Sync,
    S: FnMut(&Article, T) -> Result<()>,
{
    let bar = progress_bar(args, articles.size());
    let read_bytes = articles.bytes_read();
    // Warnings are printed as the articles they are about are read; `keep` sees each one
    // first, in input order.
    let read = std::iter::from_fn(|| loop {
        let next = articles.next();
        for w in articles.take_warnings() {
            bar.suspend(|| eprintln!("demarche: warning: {w}"));
        }
        match next {
            Some(Ok(a)) if !keep(&a) => continue,
            next => return next.map(|a| a.map_err(anyhow::Error::from)),
        }
    });
    let mut done_articles = 0u64;
    let done = in_batches(read, work, |a, r| {
        sink(a, r)?;
        done_articles += 1;
        if bar.length().is_some() {
            bar.set_position(read_bytes.load(Ordering::Relaxed));
            bar.set_message(format!("{done_articles} articles"));
        } else {
            bar.inc(1);
        }
        Ok(())
    })?;
    bar.finish_and_clear();
    if articles.skipped() > 0 {
        eprintln!(
            "demarche: warning: {} article(s) skipped for size (--max-article-bytes {})",
            articles.skipped(),
            args.max_article_bytes
        );
    }
    if articles.unreadable() > 0 {
        eprintln!(
            "demarche: warning: {} entr{} under the directories given skipped (not readable \
             or not files; see the warnings above)",
            articles.unreadable(),
            if articles.unreadable() == 1 {
                "y"
            } else {
                "ies"
            }
        );
    }
    Ok(done)
}

/// Whether progress and the closing summary are shown: on a terminal, unless `--quiet`.
fn shows_progress(args: &InputArgs) -> bool {
    !args.quiet && std::io::stderr().is_terminal()
}

/// A bar with percentage, rate and time left when the inputs' size is known (files and
/// directories), else a spinner with the articles done and their rate.
fn progress_bar(args: &InputArgs, size: Option<u64>) -> ProgressBar {
    if !shows_progress(args) {
        return ProgressBar::hidden();
    }
    match size {
        Some(total) => {
            let b = ProgressBar::new(total);
            b.set_style(
                ProgressStyle::with_template(
                    "{bar:30} {percent:>3}%  {bytes}/{total_bytes}  {binary_bytes_per_sec}  \
                     {eta} left  {msg}",
                )
                .expect("static template"),
            );
            b
        }
        None => {
            let b = ProgressBar::new_spinner();
            b.set_style(
                ProgressStyle::with_template("{spinner} {pos} articles  {per_sec}")
                    .expect("static template"),
            );
            b
        }
    }
}

/// When the run started, for the closing summary.
pub struct Timer(Instant);

impl Timer {
    pub fn start() -> Timer {
        Timer(Instant::now())
    }

    /// Prints the run's one-line summary ("417 articles, 4,140 quotes, 776 actors in 0.6 s")
    /// on standard error, on a terminal and unless `--quiet`.
    pub fn summary(&self, args: &InputArgs, counts: &[(u64, &str)]) {
        if !shows_progress(args) {
            return;
        }
        eprintln!("{}", summary_line(counts, self.0.elapsed().as_secs_f64()));
    }
}

/// "417 articles, 4,140 quotes in 0.6 s": counts with thousands separators, seconds to one
/// decimal (two under a second would claim a precision the start-up noise does not have).
fn summary_line(counts: &[(u64, &str)], seconds: f64) -> String {
    let parts: Vec<String> = counts
        .iter()
        .map(|(n, what)| format!("{} {what}", thousands(*n)))
        .collect();
    format!("demarche: {} in {seconds:.1} s", parts.join(", "))
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_separate_thousands_and_round_seconds() {
        assert_eq!(
            summary_line(
                &[(417, "articles"), (4140, "quotes"), (776, "actors")],
                0.5834
            ),
            "demarche: 417 articles, 4,140 quotes, 776 actors in 0.6 s"
        );
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(12_345_678), "12,345,678");
    }
}
