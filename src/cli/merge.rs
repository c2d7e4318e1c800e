//! `demarche merge`: combine the partial reports made on separate shards (`report
//! --partial`) into one report, equal to the report of the whole input.

use super::destination::Destination;
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use demarche::output::refuse_input_as_output;
use demarche::report::{write_reports, Format, PartialReports};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Output formats of a report (shared by `report` and `merge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Json,
    Csv,
    Md,
    Html,
}

impl From<ReportFormat> for Format {
    fn from(f: ReportFormat) -> Format {
        match f {
            ReportFormat::Json => Format::Json,
            ReportFormat::Csv => Format::Csv,
            ReportFormat::Md => Format::Md,
            ReportFormat::Html => Format::Html,
        }
    }
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Partial reports written by `report --partial` (or `merge --partial`); a file may hold
    /// several, one per line; - reads standard input.
    #[arg(required = true, value_name = "PARTIAL")]
    pub partials: Vec<PathBuf>,
    #[command(flatten)]
    pub out: ReportOutput,
}

/// Where and how a report is written (shared by `report` and `merge`).
#[derive(Debug, Args)]
pub struct ReportOutput {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
    pub format: ReportFormat,
    /// Write the sums behind the report (JSON, one line) for `demarche merge`, which can
    /// merge them again (a tree of reduces).
    #[arg(long, conflicts_with = "format")]
    pub partial: bool,
    /// Leave out of the report the actors with fewer than N quotes (counted in
    /// `actors_below_min_quotes`). Partial reports keep every actor: give it to `merge`.
    #[arg(long, value_name = "N", conflicts_with = "partial")]
    pub min_quotes: Option<u64>,
    /// Write to this file (whole or not at all) instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

impl ReportOutput {
    /// Standard output, or the output file (opened early, so a bad path fails before the work).
    pub fn open(&self) -> Result<Destination> {
        Destination::open(self.output.as_deref())
    }

    /// Writes the finished reports (one per topic), or with `--partial` their sums.
    pub fn write(&self, mut sink: Destination, partials: PartialReports) -> Result<()> {
        if self.partial {
            partials.write_to(&mut sink)?;
        } else {
            let reports: Vec<_> = partials
                .finish()
                .into_iter()
                .map(|r| match self.min_quotes {
                    Some(n) => r.min_quotes(n),
                    None => r,
                })
                .collect();
            write_reports(&reports, &mut sink, self.format.into())?;
        }
        sink.finish()
    }
}

pub fn run(args: MergeArgs) -> Result<()> {
    // One file at a time, so memory holds the running sums and one partial report.
    let (first, rest) = args
        .partials
        .split_first()
        .ok_or_else(|| super::UsageError("no partial reports given".into()))?;
    if let Some(out) = &args.out.output {
        refuse_input_as_output(out, args.partials.iter().map(PathBuf::as_path))?;
    }
    let mut total = load(first)?;
    for path in rest {
        total.absorb(load(path)?)?;
    }
    args.out.write(args.out.open()?, total)
}

fn load(path: &Path) -> Result<PartialReports> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("<stdin>: reading partial reports")?;
        return Ok(PartialReports::from_json(&text, "<stdin>")?);
    }
    Ok(PartialReports::load(path)?)
}

#[cfg(test)]
mod tests {
    use super::super::Cli;
    use super::*;
    use clap::Parser;

    fn parse(args: &[&str]) -> Result<MergeArgs, clap::Error> {
        let cli = Cli::try_parse_from([&["demarche", "merge"], args].concat())?;
        match cli.command {
            super::super::Command::Merge(m) => Ok(m),
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn format_flag() {
        assert_eq!(parse(&["a.json"]).unwrap().out.format, ReportFormat::Json);
        assert_eq!(
            parse(&["a.json", "--format", "html"]).unwrap().out.format,
            ReportFormat::Html
        );
        assert!(parse(&["a.json", "--format", "pdf"]).is_err());
    }

    #[test]
    fn partial_flag_excludes_format() {
        assert!(parse(&["a.json", "--partial"]).unwrap().out.partial);
        assert!(parse(&["a.json", "--partial", "--format", "csv"]).is_err());
    }

    #[test]
    fn partials_are_required() {
        assert!(parse(&[]).is_err());
        let m = parse(&["a.json", "b.json", "-o", "out.html"]).unwrap();
        assert_eq!(m.partials.len(), 2);
        assert_eq!(m.out.output, Some(PathBuf::from("out.html")));
    }
}
