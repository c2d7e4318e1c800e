//! `demarche report`: one row per actor across all the input articles, or with `--partial`
//! the sums that `demarche merge` combines across shards.

use super::input::{for_each_article, InputArgs, Timer};
use super::merge::ReportOutput;
use super::model::ModelArgs;
use anyhow::Result;
use clap::Args;
use demarche::output::refuse_input_as_output;
use demarche::report::{ActorDictionary, GroupBy, PartialReports, Period};
use demarche::Pipeline;
use std::cell::RefCell;
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
    /// Count every copy of an article whose text was already read (syndicated wire copy,
    /// the same file twice); by default each distinct text counts once and the copies are
    /// reported as `duplicates`.
    #[arg(long)]
    pub keep_duplicates: bool,
    /// Stance over time: count each actor's quotes by the week, month, quarter or year of
    /// their article's date too (undated articles in an `undated` period).
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<Period>,
    /// The date (YYYY-MM-DD) of every article that carries none of its own.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<String>,
    #[command(flatten)]
    pub out: ReportOutput,
}

fn parse_date(s: &str) -> std::result::Result<String, String> {
    let s = s.trim();
    if demarche::report::is_date(s) {
        Ok(s.to_string())
    } else {
        Err(format!("{s:?} is not a date in the form YYYY-MM-DD"))
    }
}

pub fn run(args: ReportArgs) -> Result<()> {
    let timer = Timer::start();
    let articles = args.input.open(args.out.output.as_deref())?;
    if let Some(out) = &args.out.output {
        refuse_input_as_output(
            out,
            args.model
                .model
                .iter()
                .chain(&args.actors)
                .map(PathBuf::as_path),
        )?;
    }
    let (topics, loaded) = args.model.open()?;
    let mut pipeline = Pipeline::new(loaded.get()).group_by(args.by);
    if let Some(period) = args.period {
        pipeline = pipeline.period(period);
    }
    if let Some(path) = &args.actors {
        pipeline = pipeline.actors(ActorDictionary::load(path)?);
    }
    // Counted (and a duplicate left out) as each article is read, before the work on it;
    // its quotes are added when the work is done.
    let builders = RefCell::new(
        topics
            .iter()
            .map(|t| {
                pipeline
                    .report_builder(t)
                    .keep_duplicates(args.keep_duplicates)
            })
            .collect::<Vec<_>>(),
    );
    // Open the output first, so a bad output path fails before the work is done.
    let sink = args.out.open()?;
    let done = for_each_article(
        &args.input,
        articles,
        |a| {
            // Every builder sees the same articles, so they agree on what is a duplicate.
            let mut keep = true;
            for b in builders.borrow_mut().iter_mut() {
                keep &= b.add_article(a.content_hash());
            }
            keep
        },
        |a| {
            pipeline
                .classify_topics(a, &topics)
                .iter()
                .map(|rows| {
                    rows.iter()
                        .filter_map(|c| c.scored(a))
                        .map(|mut q| {
                            if q.date.is_none() {
                                q.date.clone_from(&args.date);
                            }
                            q
                        })
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        },
        |_, per_topic| {
            for (builder, quotes) in builders.borrow_mut().iter_mut().zip(&per_topic) {
                for q in quotes {
                    builder.add(q);
                }
            }
            Ok(())
        },
    )?;
    let builders = builders.into_inner();
    let duplicates = builders.first().map_or(0, |b| b.duplicates());
    if duplicates > 0 && !args.keep_duplicates {
        eprintln!(
            "demarche: warning: {duplicates} article(s) with the same text as an earlier one \
             counted once (--keep-duplicates counts every copy)"
        );
    }
    let (quotes, speakers) = builders
        .first()
        .map_or((0, 0), |b| (b.quotes(), b.speakers() as u64));
    let partials = PartialReports::new(builders.into_iter().map(|b| b.into_partial()).collect());
    args.out.write(sink, partials)?;
    timer.summary(
        &args.input,
        &[
            (done as u64, "articles"),
            (quotes, "quotes"),
            (speakers, "speakers"),
        ],
    );
    Ok(())
}
