//! `demarche quotes`: extract attributed quotes.

use super::destination::Destination;
use super::input::{for_each_article, InputArgs, Timer};
use anyhow::Result;
use clap::{Args, ValueEnum};
use demarche::{Pipeline, QuoteRecord};
use std::io::Write;
use std::path::PathBuf;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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
    if flat.width() <= max {
        return flat;
    }
    // Cut by the columns a terminal gives each character (two for most CJK), not by chars.
    let mut cut = String::new();
    let mut used = 0;
    for c in flat.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        cut.push(c);
    }
    cut.push('\u{2026}');
    cut
}

/// `s` clipped to `width` terminal columns and padded to exactly that many, so table columns
/// line up whatever the script.
pub fn cell(s: &str, width: usize) -> String {
    let clipped = clip(s, width);
    let pad = width.saturating_sub(clipped.width());
    format!("{clipped}{}", " ".repeat(pad))
}

/// An article's id for a table: a path under the working directory is shown relative to it.
pub fn shown_path(article: &str) -> String {
    let path = std::path::Path::new(article);
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(|p| p.display().to_string()))
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| article.to_string())
}

pub fn run(args: QuotesArgs) -> Result<()> {
    let timer = Timer::start();
    let pipeline = Pipeline::default();
    let mut quotes = 0u64;
    let articles = args.input.open(args.output.as_deref())?;
    let mut sink = Destination::open(args.output.as_deref())?;
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
                        "{} {} {} {}",
                        cell(&shown_path(&r.article), 28),
                        cell(r.speaker.as_deref().unwrap_or("-"), 24),
                        cell(&r.kind.to_string(), 8),
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

#[cfg(test)]
mod tests {
    use super::{cell, clip};
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn cells_line_up_in_terminal_columns() {
        for s in [
            "Putin",
            "\u{4e60}\u{8fd1}\u{5e73}",
            "Vladimir Vladimirovich Putin of Russia",
            "",
        ] {
            assert_eq!(cell(s, 12).width(), 12, "{s}");
        }
        assert_eq!(
            clip("\u{4e60}\u{8fd1}\u{5e73}\u{4e3b}\u{5e2d}", 6),
            "\u{4e60}\u{8fd1}\u{2026}"
        );
        assert_eq!(clip("a  b\n c", 10), "a b c");
    }
}
