//! `demarche report`: one row per actor across all the input articles, or with `--partial`
//! the sums that `demarche merge` combines across shards.

use super::input::{for_each_article, InputArgs};
use super::merge::ReportOutput;
use super::score::{classify_article, LoadedModel, ModelArgs};
use anyhow::Result;
use clap::Args;
use demarche::report::{ActorDictionary, GroupBy, ReportBuilder};
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
    let loaded = LoadedModel::open(&args.model)?;
    let model = loaded.get();
    let topic = args.model.topic.trim();
    let dictionary = args
        .actors
        .as_ref()
        .map(ActorDictionary::load)
        .transpose()?;
    let name = model.name();
    let mut builder = ReportBuilder::new(topic, &name, dictionary.as_ref(), args.by);
    // Open the output first, so a bad output path fails before the work is done.
    let sink = args.out.open()?;
    for_each_article(
        &args.input,
        |a| {
            // A statement its speaker denies is not the speaker's position.
            classify_article(model, topic, a, 0)
                .iter()
                .filter(|c| !c.record.denied)
                .map(|c| c.scored(a))
                .collect::<Vec<_>>()
        },
        |_, quotes| {
            builder.add_article();
            for q in &quotes {
                builder.add(q);
            }
            Ok(())
        },
    )?;
    args.out.write(sink, builder.into_partial())
}
