//! Reading many articles from the command line's inputs, with warnings and a progress bar:
//! the work goes through the library's parallel batches ([`in_batches`]).

use anyhow::Result;
use demarche::article::{Articles, CsvColumns};
use demarche::output::FileId;
use demarche::pipeline::in_batches;
use demarche::Article;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Flags shared by every command that reads articles.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Articles: .txt, .html, .jsonl or .csv files, directories (walked recursively), or -
    /// for standard input (JSONL when it starts with `{`, plain text otherwise).
    #[arg(required = true, value_name = "ARTICLE")]
    pub inputs: Vec<PathBuf>,
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
    let bar = if !args.quiet && std::io::stderr().is_terminal() {
        let b = ProgressBar::new_spinner();
        b.set_style(
            ProgressStyle::with_template("{spinner} {pos} articles {per_sec} {msg}")
                .expect("static template"),
        );
        b
    } else {
        ProgressBar::hidden()
    };
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
    let done = in_batches(read, work, |a, r| {
        sink(a, r)?;
        bar.inc(1);
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
