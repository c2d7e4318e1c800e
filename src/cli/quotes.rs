//! `demarche quotes`: extract attributed quotes.

use super::input::{for_each_article, InputArgs, Timer};
use super::output::Sink;
use anyhow::Result;
use clap::{Args, ValueEnum};
use demarche::{Pipeline, QuoteRecord};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuotesFormat {
    Jsonl,
    Csv,
    Table,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QuotesFormat::Jsonl)]
    pub format: QuotesFormat,
    /// Write to this file (whole or not at all) instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

pub const CSV_HEADER: &[&str] = &[
    "article",
    "index",
    "speaker",
    "source_text",
    "source_start",
    "source_end",
    "cue",
    "cue_start",
    "cue_end",
    "kind",
    "text",
    "start",
    "end",
    "denied",
];

/// The CSV fields of a quote record, in `CSV_HEADER` order.
pub fn csv_fields(r: &QuoteRecord) -> Vec<String> {
    let opt = |o: Option<usize>| o.map(|v| v.to_string()).unwrap_or_default();
    vec![
        r.article.clone(),
        r.index.to_string(),
        r.speaker.clone().unwrap_or_default(),
        r.source_text.clone().unwrap_or_default(),
        opt(r.source_start),
        opt(r.source_end),
        r.cue.clone().unwrap_or_default(),
        opt(r.cue_start),
        opt(r.cue_end),
        r.kind.to_string(),
        r.text.clone(),
        r.start.to_string(),
        r.end.to_string(),
        r.denied.to_string(),
    ]
}

/// Shortens text for a terminal table.
pub fn clip(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}\u{2026}")
    }
}

pub fn run(args: QuotesArgs) -> Result<()> {
    let timer = Timer::start();
    let pipeline = Pipeline::default();
    let mut quotes = 0u64;
    let articles = args.input.open(args.output.as_deref())?;
    let mut sink = Sink::open(args.output.as_deref())?;
    let mut csv_out = None;
    if args.format == QuotesFormat::Csv {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(CSV_HEADER)?;
        sink.write_all(&w.into_inner()?)?;
        csv_out = Some(());
    }
    if args.format == QuotesFormat::Table {
        writeln!(
            sink,
            "{:<28} {:<24} {:<8} TEXT",
            "ARTICLE", "SPEAKER", "KIND"
        )?;
    }
    let done = for_each_article(
        &args.input,
        articles,
        |_| true,
        |a| pipeline.quotes(a),
        |_, records| {
            quotes += records.len() as u64;
            for r in records {
                match args.format {
                    QuotesFormat::Jsonl => {
                        serde_json::to_writer(&mut sink, &r)?;
                        sink.write_all(b"\n")?;
                    }
                    QuotesFormat::Csv => {
                        let _ = csv_out;
                        let mut w = csv::Writer::from_writer(Vec::new());
                        w.write_record(csv_fields(&r))?;
                        sink.write_all(&w.into_inner()?)?;
                    }
                    QuotesFormat::Table => writeln!(
                        sink,
                        "{:<28} {:<24} {:<8} {}",
                        clip(&r.article, 28),
                        clip(r.speaker.as_deref().unwrap_or("-"), 24),
                        r.kind,
                        clip(&r.text, 90)
                    )?,
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
