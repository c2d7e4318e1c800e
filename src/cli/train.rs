//! `demarche train`: fit stance and sentiment models on labeled rows and write the model file.

use super::labeled::{emit, Format, LabeledArgs};
use super::UsageError;
use clap::Args;
use demarche::dataset::Dataset;
use demarche::features::FeatureSettings;
use demarche::model::logistic::{ClassWeight, LogisticParams};
use demarche::model::metrics::Scores;
use demarche::model::{train, CvScores, TrainSettings};
use demarche::output::refuse_input_as_output;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Debug, Args)]
pub struct TrainArgs {
    #[command(flatten)]
    pub labeled: LabeledArgs,
    /// Where to write the model (whole or not at all).
    #[arg(short = 'o', long = "output", required = true)]
    pub output: PathBuf,
    /// One model per topic, with a global one for unseen topics.
    #[arg(long)]
    pub per_topic: bool,
    /// With --per-topic, the share of the global model mixed into topic models' probabilities.
    #[arg(long, default_value_t = 0.0)]
    pub global_weight: f64,
    /// Score by K-fold cross-validation first (recorded in the model card).
    #[arg(long, value_name = "K")]
    pub cv: Option<usize>,
    /// File of topics, one a line, scored by a model trained without them (recorded in the
    /// model card); the written model is trained on every row.
    #[arg(long, value_name = "FILE")]
    pub holdout_topics: Option<PathBuf>,
    /// Inverse L2 strength [default: 1, or the built-in model's 2 with --with-builtin].
    #[arg(long = "c")]
    pub c: Option<f64>,
    #[arg(long, default_value_t = 500)]
    pub max_iter: u64,
    /// Stop when the gradient norm falls below this.
    #[arg(long, default_value_t = 1e-4)]
    pub tol: f64,
    /// `none` or `balanced`.
    #[arg(long, default_value = "none")]
    pub class_weight: ClassWeight,
    /// Drop terms found in fewer rows.
    #[arg(long, default_value_t = 2)]
    pub min_df: u32,
    /// Keep only the N most frequent word and character terms.
    #[arg(long)]
    pub max_features: Option<usize>,
    /// Word n-gram lengths, MIN-MAX, or 0 for none.
    #[arg(long, default_value = "1-3", value_parser = parse_range)]
    pub word_ngrams: [u8; 2],
    /// Character n-gram lengths within words, MIN-MAX, or 0 for none.
    #[arg(long, default_value = "2-5", value_parser = parse_range)]
    pub char_ngrams: [u8; 2],
    /// No negation-scope features.
    #[arg(long)]
    pub no_negation: bool,
    /// No topic-relation, lexicon, cue or kind features.
    #[arg(long)]
    pub no_extras: bool,
    /// Scale of the extra features.
    #[arg(long, default_value_t = 0.5)]
    pub extra_weight: f32,
    /// Scale of the character n-gram block against the word block (each unit length).
    #[arg(long, default_value_t = 1.0)]
    pub char_weight: f32,
    /// Do not add the words of case-changing hashtags (`#StopTheWar`: stop, the, war).
    #[arg(long)]
    pub no_hashtag_split: bool,
    /// Features of each statement's relation to the topic and of its context (its sentence,
    /// the sentence before, how much its article is about the topic).
    #[arg(long)]
    pub context: bool,
    /// Also train each statement that addresses its topic under N other topics of the data
    /// (and its article's near-miss topics) as off-topic, and learn a relevance classifier:
    /// statements about another matter then get `none`, whatever their tone.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub swap_topics: usize,
    /// Also learn to decide each quote together with its speaker's other quotes in the same
    /// article, from the annotated articles among the inputs (five more fits, on article
    /// folds, give it predictions for articles the first stage did not see).
    #[arg(long)]
    pub speaker_stage: bool,
    /// Add the built-in corpus (embedded in the binary) to the given rows, and train with the
    /// built-in model's features (`--context --swap-topics 24 --c 8` unless given otherwise):
    /// a few labels of your own topic then adapt the default model instead of replacing it.
    /// Add `--speaker-stage` for the built-in model's full recipe.
    #[arg(long)]
    pub with_builtin: bool,
    /// How much each row of the given files counts against one row of the built-in corpus
    /// (with `--with-builtin`).
    #[arg(
        long,
        value_name = "W",
        default_value_t = 1.0,
        requires = "with_builtin"
    )]
    pub user_weight: f64,
    /// Summary format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

fn parse_range(s: &str) -> Result<[u8; 2], String> {
    let bad = || format!("expected MIN-MAX (like 1-3) or 0, got {s:?}");
    if s == "0" {
        return Ok([0, 0]);
    }
    let (a, b) = s.split_once('-').ok_or_else(bad)?;
    Ok([a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?])
}

/// The built-in model's `--swap-topics` (models/train-default.sh), taken by `--with-builtin`.
const BUILTIN_SWAP_TOPICS: usize = 24;
/// The built-in model's `--c`.
const BUILTIN_C: f64 = 8.0;

pub fn run(args: TrainArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    refuse_input_as_output(
        &args.output,
        args.labeled.inputs().chain(args.holdout_topics.as_deref()),
    )?;
    one_malloc_arena();
    let holdout_topics = match &args.holdout_topics {
        Some(p) => std::fs::read_to_string(p)
            .map_err(|e| demarche::Error::io(p, e))?
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect(),
        None => Vec::new(),
    };
    let settings = TrainSettings {
        features: FeatureSettings {
            word_ngrams: args.word_ngrams,
            char_ngrams: args.char_ngrams,
            min_df: args.min_df,
            max_features: args.max_features,
            negation: !args.no_negation,
            extras: !args.no_extras,
            extra_weight: args.extra_weight,
            char_weight: args.char_weight,
            hashtag_split: !args.no_hashtag_split,
            context: args.context || args.with_builtin,
        },
        logistic: LogisticParams {
            c: args
                .c
                .unwrap_or(if args.with_builtin { BUILTIN_C } else { 1.0 }),
            max_iterations: args.max_iter,
            tolerance: args.tol,
            class_weight: args.class_weight,
            ..LogisticParams::default()
        },
        per_topic: args.per_topic,
        global_weight: args.global_weight,
        cv: args.cv,
        holdout_topics,
        swap_topics: if args.with_builtin && args.swap_topics == 0 {
            BUILTIN_SWAP_TOPICS
        } else {
            args.swap_topics
        },
        speaker_stage: args.speaker_stage,
    };
    if !(args.user_weight.is_finite() && args.user_weight > 0.0) {
        return Err(UsageError(format!(
            "--user-weight must be a positive number, got {}",
            args.user_weight
        ))
        .into());
    }
    if let Err(e) = settings.features.check() {
        return Err(UsageError(e.to_string()).into());
    }
    let mut ds = args.labeled.read()?;
    if args.with_builtin {
        ds.rows.iter_mut().for_each(|r| r.weight = args.user_weight);
        let mut all = Dataset::default();
        all.read_builtin()?;
        all.append(ds);
        ds = all;
    }
    let model = train(&ds, &settings).map_err(demarche::Error::from)?;
    model.save(&args.output)?;
    let card = model.card();
    let seconds = started.elapsed().as_secs_f64();
    let text = match args.format {
        Format::Json => {
            let mut v = serde_json::to_value(card)?;
            v["model"] = args.output.display().to_string().into();
            v["seconds"] = ((seconds * 1000.0).round() / 1000.0).into();
            format!("{}\n", serde_json::to_string_pretty(&v)?)
        }
        Format::Table => {
            let mut t = String::new();
            writeln!(t, "model      {}", args.output.display())?;
            writeln!(
                t,
                "rows       {} ({} skipped)",
                card.rows, card.skipped_rows
            )?;
            for (task, counts) in &card.label_counts {
                let list: Vec<String> = counts.iter().map(|(l, n)| format!("{l} {n}")).collect();
                writeln!(t, "{:<10} {}", task.as_str(), list.join(", "))?;
            }
            for fit in &card.fits {
                let topic = fit.topic.as_deref().unwrap_or("(global)");
                writeln!(
                    t,
                    "fit        {} {topic}: {} rows, {} features, {} iterations, {}",
                    fit.task.as_str(),
                    fit.rows,
                    fit.features,
                    fit.report.iterations,
                    if fit.report.converged {
                        "converged"
                    } else {
                        "NOT converged"
                    }
                )?;
            }
            for (what, scores) in [("cv", &card.cv), ("held-out", &card.holdout)] {
                if let Some(s) = scores {
                    summary(&mut t, what, s)?;
                }
            }
            writeln!(t, "seconds    {seconds:.3}")?;
            t
        }
    };
    emit(&text, None)
}

/// Training allocates large buffers (the optimiser's vectors) on every worker thread. glibc
/// gives each thread an arena of its own and memory freed in one is not reused by another, so
/// the peak resident size varied from run to run by a third over the live heap (98 to 153 MiB
/// on SemEval). One arena keeps the peak near the live heap; training's allocations are too
/// few for the shared lock to cost time. Must run before the worker threads start.
///
/// The objective's gradient buffers and the optimiser's vectors (a megabyte or more each) are
/// allocated and freed at every evaluation. glibc serves blocks over 128 KiB with a fresh
/// `mmap` and unmaps them when freed, so each evaluation paid page faults on first touch and,
/// with two threads, TLB shootdowns on unmap: about a fifth of SemEval's training time under
/// `perf`. Served from the heap, and the heap kept rather than trimmed, the same pages are
/// reused.
fn one_malloc_arena() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only changes allocator settings; no threads have been started yet.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 512 << 20);
    }
}

fn summary(t: &mut String, what: &str, s: &CvScores) -> std::fmt::Result {
    let line = |t: &mut String, task: &str, sc: &Scores| {
        let f_avg = sc
            .f_avg
            .map(|f| format!("  F_avg {f:.4}"))
            .unwrap_or_default();
        writeln!(
            t,
            "{what:<10} {task}: accuracy {:.4}  macro-F1 {:.4}{f_avg}  ({} rows, {} folds)",
            sc.accuracy, sc.macro_f1, sc.rows, s.folds
        )
    };
    if let Some(sc) = &s.stance {
        line(t, "stance", sc)?;
    }
    if let Some(sc) = &s.sentiment {
        line(t, "sentiment", sc)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ngram_ranges_parse() {
        assert_eq!(parse_range("1-3").unwrap(), [1, 3]);
        assert_eq!(parse_range("0").unwrap(), [0, 0]);
        assert!(parse_range("3").is_err());
    }
}
