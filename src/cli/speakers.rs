//! `demarche train-speakers`: fit the speaker ranker on annotated articles and write its
//! weights file (the built-in one is `src/actor/ranker.txt`, written by
//! `models/train-ranker.sh`).

use anyhow::Result;
use clap::Args;
use demarche::actor::Ranker;
use demarche::dataset::speakers::{speaker_rows, SpeakerRows};
use demarche::model::logistic::LogisticParams;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct TrainSpeakersArgs {
    /// Folders of annotated articles (a `gold.json` beside the articles), searched below.
    #[arg(required = true, value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Where to write the weights (whole or not at all).
    #[arg(short = 'o', long = "output", required = true)]
    pub output: PathBuf,
    /// Inverse L2 strength.
    #[arg(long = "c", default_value_t = 1.0)]
    pub c: f64,
    /// Fits, each reading who spoke before with the previous fit's choices (the first with
    /// the rules' own).
    #[arg(long, default_value_t = 2)]
    pub rounds: usize,
}

/// How often the ranker picks the annotated speaker among the rows' statements.
fn picks(ranker: &Ranker, rows: &SpeakerRows) -> usize {
    let mut right = 0;
    let mut start = 0;
    // Rows come statement by statement, in the order the candidates were proposed; ties go
    // to the earlier, as they do when quotes are attributed.
    for end in statement_ends(rows) {
        let best = (start..end)
            .max_by(|&i, &j| {
                let (a, b) = (score(ranker, rows, i), score(ranker, rows, j));
                a.total_cmp(&b).then(j.cmp(&i))
            })
            .unwrap_or(start);
        right += rows.y[best];
        start = end;
    }
    right
}

fn score(ranker: &Ranker, rows: &SpeakerRows, i: usize) -> f64 {
    let (idx, val) = rows.x.row(i);
    let row: Vec<(u32, f32)> = idx.iter().copied().zip(val.iter().copied()).collect();
    ranker.score(&row)
}

/// Where each statement's rows end.
fn statement_ends(rows: &SpeakerRows) -> Vec<usize> {
    rows.groups
        .iter()
        .scan(0, |at, n| {
            *at += n;
            Some(*at)
        })
        .collect()
}

pub fn run(args: TrainSpeakersArgs) -> Result<()> {
    if args.rounds == 0 {
        return Err(super::UsageError("--rounds must be at least 1".into()).into());
    }
    let dirs: Vec<&std::path::Path> = args.dirs.iter().map(PathBuf::as_path).collect();
    let params = LogisticParams {
        c: args.c,
        ..LogisticParams::default()
    }
    .check()
    .map_err(|e| super::UsageError(e.to_string()))?;
    let mut ranker = Ranker::rules();
    let mut header = Vec::new();
    for round in 1..=args.rounds {
        let rows = speaker_rows(&dirs, &ranker)?;
        let fitted = params.fit(&rows.x, &rows.y, 2)?;
        let report = fitted.report().clone();
        ranker = Ranker::new(fitted);
        let right = picks(&ranker, &rows);
        eprintln!(
            "round {round}: {} candidates of {} statements; picks the annotated speaker in {right}; {} iterations, objective {:.5}",
            rows.y.len(),
            rows.covered,
            report.iterations,
            report.objective
        );
        if round == args.rounds {
            header = vec![
                "The speaker ranker: weights of a logistic model over the candidates the rules".into(),
                "propose for each statement (see ranker.rs). Written by `demarche train-speakers`.".into(),
                format!(
                    "Trained on {} annotated statements, {} found by the extractor, {} with the annotated",
                    rows.annotated, rows.found, rows.covered
                ),
                format!(
                    "speaker among the candidates ({} rows); C = {}, {} rounds; {} iterations, objective {:.5},",
                    rows.y.len(),
                    args.c,
                    args.rounds,
                    report.iterations,
                    report.objective
                ),
                format!(
                    "converged: {}. On its training statements it picks the annotated speaker in {right} of {}.",
                    report.converged, rows.covered
                ),
            ];
            for f in &rows.files {
                header.push(format!("{} sha256 {}", f.path.display(), f.sha256));
            }
        }
    }
    demarche::output::write_atomic(&args.output, ranker.to_text(&header).as_bytes())?;
    Ok(())
}
