//! Command-line arguments and the commands they run. Each command lives in its own module with
//! its clap `Args` struct and a `run` function.

mod classify;
mod destination;
mod eval;
mod input;
mod label;
mod labeled;
mod merge;
mod model;
mod quotes;
mod report;
mod speakers;
mod train;

use clap::{Parser, Subcommand};

pub use destination::pipe_closed;

#[derive(Debug, Parser)]
#[command(
    name = "demarche",
    version,
    about = "Who said what in diplomatic news, and where each speaker stands on a topic"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract attributed quotes (who said what).
    Quotes(quotes::QuotesArgs),
    /// Quotes with their speaker, stance toward a topic and sentiment, one row per quote.
    Classify(classify::ClassifyArgs),
    /// Per-actor stance report across all the articles.
    Report(report::ReportArgs),
    /// Merge partial reports made on separate shards into one report.
    Merge(merge::MergeArgs),
    /// Train stance and sentiment models on labeled rows.
    Train(train::TrainArgs),
    /// Score a model on labeled rows.
    Eval(eval::EvalArgs),
    /// Label the articles' statements toward a topic in the terminal, one key each, into a
    /// training file for `train` (least certain first; an existing file is appended to).
    Label(label::LabelArgs),
    /// Fit the speaker ranker on annotated articles and write its weights.
    #[command(hide = true)]
    TrainSpeakers(speakers::TrainSpeakersArgs),
}

/// A usage mistake found after parsing (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Quotes(args) => quotes::run(args),
        Command::Classify(args) => classify::run(args),
        Command::Report(args) => report::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Train(args) => train::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Label(args) => label::run(args),
        Command::TrainSpeakers(args) => speakers::run(args),
    }
}
