//! `demarche classify`: every quote with its speaker, its stance toward the topic and its
//! sentiment, one row per quote, streamed.

use super::destination::Destination;
use super::input::{for_each_article, InputArgs, Timer};
use super::model::ModelArgs;
use super::quotes::{cell, clip, csv_fields, CSV_HEADER};
use anyhow::Result;
use clap::{Args, ValueEnum};
use demarche::dataset::Task;
use demarche::output::refuse_input_as_output;
use demarche::report::label_order;
use demarche::{ClassifiedQuote, LabelProbs, Pipeline};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClassifyFormat {
    Jsonl,
    Csv,
    Table,
}

#[derive(Debug, Args)]
pub struct ClassifyArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub model: ModelArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClassifyFormat::Jsonl)]
    pub format: ClassifyFormat,
    /// Add the features that pushed each quote's stance most (`explain`: feature and pull).
    #[arg(long)]
    pub explain: bool,
    /// How many features `--explain` lists per quote.
    #[arg(long, default_value_t = 8, value_name = "N", requires = "explain")]
    pub explain_top: usize,
    /// Write to this file (whole or not at all) instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Labels in display order, for CSV columns.
fn ordered_labels(labels: Option<&[String]>) -> Vec<String> {
    let mut v = labels.map(<[String]>::to_vec).unwrap_or_default();
    v.sort_by(|a, b| label_order(a, b));
    v
}

fn csv_line(fields: impl IntoIterator<Item = String>) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(fields.into_iter().collect::<Vec<_>>())?;
    Ok(w.into_inner()?)
}

pub fn run(args: ClassifyArgs) -> Result<()> {
    let timer = Timer::start();
    let mut quotes = 0u64;
    let articles = args.input.open(args.output.as_deref())?;
    if let Some(out) = &args.output {
        refuse_input_as_output(out, args.model.model.as_deref())?;
    }
    let (topics, loaded) = args.model.open()?;
    let model = loaded.get();
    let explain = if args.explain { args.explain_top } else { 0 };
    let pipeline = Pipeline::new(model).explain(explain);
    let stance_labels = ordered_labels(model.labels(Task::Stance));
    let sentiment_labels = ordered_labels(model.labels(Task::Sentiment));
    let mut sink = Destination::open(args.output.as_deref())?;
    match args.format {
        ClassifyFormat::Csv => {
            let mut header: Vec<String> = CSV_HEADER.iter().map(|s| s.to_string()).collect();
            header.push("topic".into());
            header.push("stance".into());
            header.extend(stance_labels.iter().map(|l| format!("p_{l}")));
            if model.has_relevance() {
                header.push("relevance".into());
            }
            header.push("sentiment".into());
            header.extend(sentiment_labels.iter().map(|l| format!("p_{l}")));
            if args.explain {
                header.push("explain".into());
            }
            sink.write_all(&csv_line(header)?)?;
        }
        ClassifyFormat::Table => writeln!(
            sink,
            "{:<24} {:<8} {:<8} {:>5} {:<9} TEXT",
            "SPEAKER", "KIND", "STANCE", "P", "SENTIMENT"
        )?,
        ClassifyFormat::Jsonl => {}
    }
    let done = for_each_article(
        &args.input,
        articles,
        |_| true,
        |a| pipeline.classify_topics(a, &topics),
        |_, per_topic| {
            // One row per quote and topic: each quote's rows together, topics in order.
            let in_article = per_topic.first().map_or(0, Vec::len);
            quotes += in_article as u64;
            for i in 0..in_article {
                for rows in &per_topic {
                    write_row(
                        &mut sink,
                        &args,
                        &rows[i],
                        &stance_labels,
                        &sentiment_labels,
                    )?;
                }
            }
            Ok(())
        },
    )?;
    sink.finish()?;
    timer.summary(
        &args.input,
        &[(done as u64, "articles"), (quotes, "quotes")],
    );
    Ok(())
}

fn write_row(
    sink: &mut Destination,
    args: &ClassifyArgs,
    c: &ClassifiedQuote,
    stance_labels: &[String],
    sentiment_labels: &[String],
) -> Result<()> {
    match args.format {
        ClassifyFormat::Jsonl => {
            serde_json::to_writer(&mut *sink, c)?;
            sink.write_all(b"\n")?;
        }
        ClassifyFormat::Csv => {
            let p = |probs: &Option<LabelProbs>, label: &str| {
                probs
                    .as_ref()
                    .filter(|p| p.contains(label))
                    .map(|p| format!("{:.4}", p.get(label)))
                    .unwrap_or_default()
            };
            let mut fields = csv_fields(&c.quote);
            fields.push(c.topic.clone());
            fields.push(c.stance_label().unwrap_or_default().to_string());
            fields.extend(stance_labels.iter().map(|l| p(&c.stance, l)));
            if let Some(r) = c.relevance {
                fields.push(format!("{r:.4}"));
            }
            fields.push(c.sentiment_label().unwrap_or_default().to_string());
            fields.extend(sentiment_labels.iter().map(|l| p(&c.sentiment, l)));
            if let Some(explain) = &c.explain {
                let text: Vec<String> = explain
                    .iter()
                    .map(|p| format!("{}={:.3}", p.feature, p.weight))
                    .collect();
                fields.push(text.join("; "));
            }
            sink.write_all(&csv_line(fields)?)?;
        }
        ClassifyFormat::Table => {
            let (stance, p) = c
                .stance
                .as_ref()
                .and_then(LabelProbs::best)
                .unwrap_or(("-", 0.0));
            writeln!(
                sink,
                "{} {} {:<8} {:>5.2} {:<9} {}",
                cell(c.quote.speaker.as_deref().unwrap_or("-"), 24),
                cell(&c.quote.kind.to_string(), 8),
                stance,
                p,
                c.sentiment_label().unwrap_or("-"),
                clip(&c.quote.text, 80)
            )?;
            if let Some(explain) = &c.explain {
                let text: Vec<String> = explain
                    .iter()
                    .map(|p| format!("{} {:.3}", p.feature, p.weight))
                    .collect();
                writeln!(sink, "{:>24} because: {}", "", text.join(", "))?;
            }
        }
    }
    Ok(())
}
