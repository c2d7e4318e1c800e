//! Flags shared by `train` and `eval`: how to read labeled files (see `docs/contract.md`).

use clap::{Args, ValueEnum};
use demarche::dataset::{self, Columns, Dataset, ReadOptions};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct LabeledArgs {
    /// Labeled CSV/TSV files, and folders of annotated articles (a `gold.json` beside the
    /// articles, at the folder or below it), read as one.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Column holding the statement [default: text]
    #[arg(long)]
    pub text_col: Option<String>,
    /// Column holding the topic [default: topic, if present]
    #[arg(long)]
    pub topic_col: Option<String>,
    /// Column holding the stance label [default: stance, if present]
    #[arg(long)]
    pub stance_col: Option<String>,
    /// Column holding the sentiment label [default: sentiment, if present]
    #[arg(long)]
    pub sentiment_col: Option<String>,
    /// Column holding the attribution cue [default: cue, if present]
    #[arg(long)]
    pub cue_col: Option<String>,
    /// Column holding the quote kind [default: kind, if present]
    #[arg(long)]
    pub kind_col: Option<String>,
    /// Column saying whether the statement addresses the topic at all, true or false
    /// [default: on_topic, if present]
    #[arg(long)]
    pub on_topic_col: Option<String>,
    /// Column holding the sentence around the statement, with its attribution
    /// [default: context, if present]
    #[arg(long)]
    pub context_col: Option<String>,
    /// Column naming who made the statement ("Mexico's agriculture minister")
    /// [default: speaker, if present]
    #[arg(long)]
    pub speaker_col: Option<String>,
    /// Ignore the sentiment column (train or score stance only).
    #[arg(long)]
    pub no_sentiment: bool,
    /// Field delimiter: one character, or `tab`.
    #[arg(long, default_value = ",", value_parser = dataset::parse_delimiter)]
    pub delimiter: u8,
    /// Label renames, FROM=TO,... (case-folded), e.g. observing=none.
    #[arg(long, value_parser = |s: &str| dataset::parse_label_map(s).map(LabelMap))]
    pub label_map: Option<LabelMap>,
    /// Allowed stance labels; any other is a bad row.
    #[arg(long, value_parser = |s: &str| dataset::parse_label_list(s).map(LabelList))]
    pub labels: Option<LabelList>,
    /// Allowed sentiment labels; any other is a bad row.
    #[arg(long, value_parser = |s: &str| dataset::parse_label_list(s).map(LabelList))]
    pub sentiment_labels: Option<LabelList>,
    /// Skip (and count) rows with a missing column, empty text, bad label or a field over
    /// --max-field-bytes.
    #[arg(long)]
    pub skip_bad_rows: bool,
    /// A row with a longer field is a bad row (an error naming it, or skipped with
    /// --skip-bad-rows); never cut short.
    #[arg(long, value_name = "BYTES", default_value_t = dataset::DEFAULT_MAX_FIELD_BYTES)]
    pub max_field_bytes: usize,
    /// More distinct labels than this in a label column is an error: most likely the wrong
    /// column.
    #[arg(long, value_name = "N", default_value_t = dataset::DEFAULT_MAX_LABELS)]
    pub max_labels: usize,
}

/// `--label-map` pairs (a newtype, so clap takes the whole list as one value).
#[derive(Debug, Clone, PartialEq)]
pub struct LabelMap(pub Vec<(String, String)>);

/// `--labels` names.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelList(pub Vec<String>);

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Table,
}

impl LabeledArgs {
    /// The labeled files and folders named: what an output must not overwrite.
    pub fn inputs(&self) -> impl Iterator<Item = &std::path::Path> {
        self.files.iter().map(PathBuf::as_path)
    }

    pub fn read(&self) -> demarche::Result<Dataset> {
        let opts = ReadOptions {
            columns: Columns {
                text: self.text_col.clone(),
                topic: self.topic_col.clone(),
                stance: self.stance_col.clone(),
                sentiment: self.sentiment_col.clone(),
                cue: self.cue_col.clone(),
                kind: self.kind_col.clone(),
                on_topic: self.on_topic_col.clone(),
                context: self.context_col.clone(),
                speaker: self.speaker_col.clone(),
            },
            delimiter: self.delimiter,
            label_map: self.label_map.clone().map(|m| m.0).unwrap_or_default(),
            stance_labels: self.labels.clone().map(|l| l.0),
            sentiment_labels: self.sentiment_labels.clone().map(|l| l.0),
            skip_bad_rows: self.skip_bad_rows,
            max_field_bytes: self.max_field_bytes,
            max_labels: self.max_labels,
        };
        let mut ds = Dataset::read(&self.files, &opts)?;
        if self.no_sentiment {
            ds.has_sentiment = false;
            ds.rows.iter_mut().for_each(|r| r.sentiment = None);
        }
        if !ds.skipped.is_empty() {
            eprintln!("demarche: skipped {} bad rows", ds.skipped.len());
            for s in ds.skipped.iter().take(5) {
                eprintln!("  {}:{}: {}", s.path.display(), s.line, s.message);
            }
        }
        Ok(ds)
    }
}

/// Writes `text` to `path` atomically, or to standard output.
pub fn emit(text: &str, path: Option<&std::path::Path>) -> anyhow::Result<()> {
    use std::io::Write;
    let mut sink = super::destination::Destination::open(path)?;
    sink.write_all(text.as_bytes())?;
    sink.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct T {
        #[command(flatten)]
        l: LabeledArgs,
    }

    #[test]
    fn delimiter_accepts_tab() {
        let t = T::parse_from(["t", "f.tsv", "--delimiter", "tab"]);
        assert_eq!(t.l.delimiter, b'\t');
        assert!(T::try_parse_from(["t", "f", "--delimiter", "ab"]).is_err());
    }

    #[test]
    fn label_map_and_labels_parse() {
        let t = T::parse_from([
            "t",
            "f",
            "--label-map",
            "for=favor,observing=none",
            "--labels",
            "favor,against,none",
        ]);
        assert_eq!(
            t.l.label_map.unwrap().0[1],
            ("observing".to_string(), "none".to_string())
        );
        assert_eq!(t.l.labels.unwrap().0.len(), 3);
    }
}
