//! `demarche classify`: every quote with its speaker, its stance toward the topic and its
//! sentiment, one row per quote, streamed.

use super::input::{for_each_article, InputArgs};
use super::output::Sink;
use super::quotes::{clip, csv_fields, CSV_HEADER};
use super::score::{classify_article, probs, Classified, LoadedModel, ModelArgs};
use anyhow::Result;
use clap::{Args, ValueEnum};
use demarche::dataset::Task;
use demarche::output::refuse_input_as_output;
use demarche::report::{label_order, Probs};
use demarche::{LabelProbs, QuoteRecord};
use serde::Serialize;
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

/// One feature behind a stance.
#[derive(Serialize)]
struct Pull<'a> {
    feature: &'a str,
    weight: f64,
}

/// A classified quote as `classify --format jsonl` prints it: the quote record plus the
/// topic, stance and sentiment (CONTRACT.md).
#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    quote: &'a QuoteRecord,
    topic: &'a str,
    stance: Option<&'a str>,
    stance_probs: Option<Probs>,
    /// The probability that the quote addresses the topic at all, when the model decides it.
    #[serde(skip_serializing_if = "Option::is_none")]
    relevance: Option<f64>,
    sentiment: Option<&'a str>,
    sentiment_probs: Option<Probs>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<Vec<Pull<'a>>>,
}

fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

fn best(p: &Option<LabelProbs>) -> Option<&str> {
    p.as_ref().map(|p| p.best().0)
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
    let articles = args.input.open(args.output.as_deref())?;
    if let Some(out) = &args.output {
        refuse_input_as_output(out, args.model.model.as_deref())?;
    }
    let loaded = LoadedModel::open(&args.model)?;
    let model = loaded.get();
    let topic = args.model.topic.trim();
    let stance_labels = ordered_labels(model.labels(Task::Stance));
    let sentiment_labels = ordered_labels(model.labels(Task::Sentiment));
    let mut sink = Sink::open(args.output.as_deref())?;
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
    let explain = if args.explain { args.explain_top } else { 0 };
    for_each_article(
        &args.input,
        articles,
        |_| true,
        |a| classify_article(model, topic, a, explain),
        |_, rows| {
            for c in &rows {
                write_row(
                    &mut sink,
                    &args,
                    topic,
                    c,
                    &stance_labels,
                    &sentiment_labels,
                )?;
            }
            Ok(())
        },
    )?;
    sink.finish()
}

fn write_row(
    sink: &mut Sink,
    args: &ClassifyArgs,
    topic: &str,
    c: &Classified,
    stance_labels: &[String],
    sentiment_labels: &[String],
) -> Result<()> {
    match args.format {
        ClassifyFormat::Jsonl => {
            let row = Row {
                quote: &c.record,
                topic,
                stance: best(&c.stance),
                stance_probs: c.stance.as_ref().map(probs),
                relevance: c.relevance.map(round4),
                sentiment: best(&c.sentiment),
                sentiment_probs: c.sentiment.as_ref().map(probs),
                explain: args.explain.then(|| {
                    c.explain
                        .iter()
                        .map(|(f, w)| Pull {
                            feature: f,
                            weight: *w,
                        })
                        .collect()
                }),
            };
            serde_json::to_writer(&mut *sink, &row)?;
            sink.write_all(b"\n")?;
        }
        ClassifyFormat::Csv => {
            let p = |probs: &Option<LabelProbs>, label: &str| {
                probs
                    .as_ref()
                    .and_then(|p| p.get(label))
                    .map(|v| format!("{v:.4}"))
                    .unwrap_or_default()
            };
            let mut fields = csv_fields(&c.record);
            fields.push(topic.to_string());
            fields.push(best(&c.stance).unwrap_or_default().to_string());
            fields.extend(stance_labels.iter().map(|l| p(&c.stance, l)));
            if let Some(r) = c.relevance {
                fields.push(format!("{r:.4}"));
            }
            fields.push(best(&c.sentiment).unwrap_or_default().to_string());
            fields.extend(sentiment_labels.iter().map(|l| p(&c.sentiment, l)));
            if args.explain {
                let text: Vec<String> = c
                    .explain
                    .iter()
                    .map(|(f, w)| format!("{f}={w:.3}"))
                    .collect();
                fields.push(text.join("; "));
            }
            sink.write_all(&csv_line(fields)?)?;
        }
        ClassifyFormat::Table => {
            let (stance, p) = c.stance.as_ref().map_or(("-", 0.0), |s| s.best());
            writeln!(
                sink,
                "{:<24} {:<8} {:<8} {:>5.2} {:<9} {}",
                clip(c.record.speaker.as_deref().unwrap_or("-"), 24),
                c.record.kind,
                stance,
                p,
                best(&c.sentiment).unwrap_or("-"),
                clip(&c.record.text, 80)
            )?;
            if args.explain {
                let text: Vec<String> = c
                    .explain
                    .iter()
                    .map(|(f, w)| format!("{f} {w:.3}"))
                    .collect();
                writeln!(sink, "{:>24} because: {}", "", text.join(", "))?;
            }
        }
    }
    Ok(())
}
