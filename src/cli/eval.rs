//! `demarche eval`: score a model on labeled rows.

use super::labeled::{emit, Format, LabeledArgs};
use clap::Args;
use demarche::dataset::{Task, OFF_TOPIC, ON_TOPIC};
use demarche::model::metrics::{self, Scores};
use demarche::model::Model;
use demarche::output::refuse_input_as_output;
use demarche::LabelProbs;
use rayon::prelude::*;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Debug, Args)]
pub struct EvalArgs {
    #[command(flatten)]
    pub labeled: LabeledArgs,
    /// Model file [default: the built-in model]
    #[arg(long)]
    pub model: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Write the scores here (whole or not at all) instead of standard output.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
}

pub fn run(args: EvalArgs) -> anyhow::Result<()> {
    if let Some(out) = &args.output {
        refuse_input_as_output(out, args.labeled.inputs().chain(args.model.as_deref()))?;
    }
    let loaded;
    let model = match &args.model {
        Some(p) => {
            loaded = Model::load(p)?;
            &loaded
        }
        None => Model::builtin(),
    };
    let ds = args.labeled.read()?;
    if ds.rows.is_empty() {
        // An accuracy of nothing is no score: as train does, refuse.
        let files: Vec<String> = args
            .labeled
            .files
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        return Err(
            demarche::Error::input(files.join(", "), None, "no labeled rows to score").into(),
        );
    }
    // One-time set-up (the thread pool, the lexicons' tables) is startup, not throughput:
    // done before the clock starts.
    rayon::broadcast(|_| ());
    if let Some(r) = ds.rows.first() {
        model.predict(&r.model_input());
    }
    let started = Instant::now();
    let predictions: Vec<_> = ds
        .rows
        .par_iter()
        .map(|r| model.predict(&r.model_input()))
        .collect();
    let seconds = started.elapsed().as_secs_f64();
    let mut scores: Vec<(Task, Scores)> = Vec::new();
    for task in Task::ALL {
        if !ds.has(task) {
            continue;
        }
        let labeled: Vec<usize> = (0..ds.rows.len())
            .filter(|&i| ds.rows[i].label(task).is_some())
            .collect();
        let pred: Option<Vec<&str>> = labeled
            .iter()
            .map(|&i| {
                let p = &predictions[i];
                match task {
                    Task::Stance => p.stance.as_ref().and_then(LabelProbs::best).map(|b| b.0),
                    Task::Sentiment => p.sentiment.as_ref().and_then(LabelProbs::best).map(|b| b.0),
                    Task::Relevance => p.relevance.map(on_off),
                    Task::Article => p.article.map(on_off),
                }
            })
            .collect();
        let Some(pred) = pred else {
            eprintln!(
                "demarche: the model has no {} classifier; not scored",
                task.as_str()
            );
            continue;
        };
        let gold: Vec<&str> = labeled
            .iter()
            .map(|&i| ds.rows[i].label(task).unwrap_or_default())
            .collect();
        scores.push((task, metrics::score(&gold, &pred)));
    }
    let rows_per_second = if seconds > 0.0 {
        ds.rows.len() as f64 / seconds
    } else {
        0.0
    };
    let text = match args.format {
        Format::Json => {
            let mut v = serde_json::json!({
                "rows": ds.rows.len(),
                "skipped_rows": ds.skipped.len(),
                "model": model.name(),
                "predict_rows_per_second": rows_per_second.round(),
            });
            for (task, s) in &scores {
                v[task.as_str()] = serde_json::to_value(s)?;
            }
            format!("{}\n", serde_json::to_string_pretty(&v)?)
        }
        Format::Table => table(&model.name(), ds.rows.len(), &scores)?,
    };
    emit(&text, args.output.as_deref())
}

fn table(model: &str, rows: usize, scores: &[(Task, Scores)]) -> Result<String, std::fmt::Error> {
    let mut t = String::new();
    writeln!(t, "model {model}, {rows} rows")?;
    for (task, s) in scores {
        let f_avg = s
            .f_avg
            .map(|f| format!("  F_avg {f:.4}"))
            .unwrap_or_default();
        writeln!(
            t,
            "\n{}: accuracy {:.4}  macro-F1 {:.4}{f_avg}",
            task.as_str(),
            s.accuracy,
            s.macro_f1
        )?;
        writeln!(
            t,
            "  {:<12} {:>9} {:>9} {:>9} {:>8}",
            "label", "precision", "recall", "f1", "support"
        )?;
        for (label, c) in &s.per_class {
            writeln!(
                t,
                "  {label:<12} {:>9.4} {:>9.4} {:>9.4} {:>8}",
                c.precision, c.recall, c.f1, c.support
            )?;
        }
        let labels = &s.confusion.labels;
        write!(
            t,
            "  confusion (rows: gold, columns: predicted)\n  {:<12}",
            ""
        )?;
        for l in labels {
            write!(t, " {l:>9}")?;
        }
        writeln!(t)?;
        for (l, row) in labels.iter().zip(&s.confusion.matrix) {
            write!(t, "  {l:<12}")?;
            for n in row {
                write!(t, " {n:>9}")?;
            }
            writeln!(t)?;
        }
    }
    Ok(t)
}

fn on_off(p: f64) -> &'static str {
    if p >= 0.5 {
        ON_TOPIC
    } else {
        OFF_TOPIC
    }
}
