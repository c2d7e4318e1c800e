//! `demarche quotes`: extract attributed quotes.

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Articles: .txt, .html, .jsonl files, directories, or - for standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
}

pub fn run(_args: QuotesArgs) -> anyhow::Result<()> {
    anyhow::bail!("quotes: not implemented yet")
}
