//! Reading many articles: stream them, work on batches in parallel (rayon), and hand results
//! to a sink in input order, so output is deterministic and memory stays flat.

use anyhow::Result;
use demarche::article::Articles;
use demarche::Article;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::PathBuf;

/// Articles per parallel batch: enough to keep the cores busy, small enough to stream.
const BATCH: usize = 64;

/// Flags shared by every command that reads articles.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Articles: .txt, .html or .jsonl files, directories (walked recursively), or - for
    /// standard input (JSONL when it starts with `{`, plain text otherwise).
    #[arg(required = true, value_name = "ARTICLE")]
    pub inputs: Vec<PathBuf>,
    /// Skip articles larger than this many bytes (with a warning).
    #[arg(long, default_value_t = demarche::article::DEFAULT_MAX_ARTICLE_BYTES, value_name = "BYTES")]
    pub max_article_bytes: usize,
    /// Do not show a progress bar even on a terminal.
    #[arg(long)]
    pub quiet: bool,
}

/// Runs `work` on every article in parallel batches and gives each result to `sink` in
/// input order. Returns the number of articles processed.
pub fn for_each_article<T, W, S>(args: &InputArgs, work: W, mut sink: S) -> Result<usize>
where
    T: Send,
    W: Fn(&Article) -> T + Sync,
    S: FnMut(&Article, T) -> Result<()>,
{
    let mut articles = Articles::open(&args.inputs)?.max_article_bytes(args.max_article_bytes);
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
    let mut done = 0;
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        for a in articles.by_ref().take(BATCH) {
            batch.push(a?);
        }
        for w in articles.take_warnings() {
            bar.suspend(|| eprintln!("demarche: warning: {w}"));
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<T> = batch.par_iter().map(&work).collect();
        for (a, r) in batch.iter().zip(results) {
            sink(a, r)?;
        }
        done += batch.len();
        bar.set_position(done as u64);
    }
    bar.finish_and_clear();
    if articles.skipped() > 0 {
        eprintln!(
            "demarche: warning: {} article(s) skipped for size (--max-article-bytes {})",
            articles.skipped(),
            args.max_article_bytes
        );
    }
    Ok(done)
}
