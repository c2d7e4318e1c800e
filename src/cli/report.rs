//! `demarche report`: one row per actor across all the input articles, or with `--partial`
//! the sums that `demarche merge` combines across shards.

use super::input::{for_each_article, InputArgs};
use super::merge::ReportOutput;
use super::model::ModelArgs;
use anyhow::Result;
use clap::Args;
use demarche::report::{ActorDictionary, GroupBy};
use demarche::Pipeline;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub model: ModelArgs,
    /// Actor dictionary: CSV of canonical name, aliases, affiliation and role (see the
    /// README), so that "the Kremlin", "Moscow" and "Russia" can roll up.
    #[arg(long, value_name = "FILE")]
    pub actors: Option<PathBuf>,
    /// One row per speaker (`actor`) or per country or organisation (`affiliation`).
    #[arg(long, default_value = "actor")]
    pub by: GroupBy,
    #[command(flatten)]
    pub out: ReportOutput,
}

pub fn run(args: ReportArgs) -> Result<()> {
    let (topic, loaded) = args.model.open()?;
    let mut pipeline = Pipeline::new(loaded.get()).group_by(args.by);
    if let Some(path) = &args.actors {
        pipeline = pipeline.actors(ActorDictionary::load(path)?);
    }
    let mut builder = pipeline.report_builder(&topic);
    // Open the output first, so a bad output path fails before the work is done.
    let sink = args.out.open()?;
    for_each_article(
        &args.input,
        |a| pipeline.classify(a, &topic),
        |a, rows| {
            builder.add_article();
            for row in &rows {
                builder.add(&row.scored(a));
            }
            Ok(())
        },
    )?;
    args.out.write(sink, builder.into_partial())
}
