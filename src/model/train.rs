//! Training: fit the vectorizer and the classifiers of each topic model, score by
//! cross-validation or held-out topics, and fill in the model card.

use super::logistic::{ClassWeight, LogisticParams};
use super::metrics::{self, Scores};
use super::{
    topic_key, Classifier, Ensemble, FileCard, FitCard, LabelProbs, Model, ModelCard, Prediction,
    SpeakerStage, TopicModel,
};
use crate::dataset::{Dataset, Task, OFF_TOPIC, ON_TOPIC};
use crate::error::TrainError;
use crate::features::{relevance_part, FeatureSettings, ModelInput, Part, Vectorizer};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Everything `train` can set.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TrainSettings {
    pub features: FeatureSettings,
    pub logistic: LogisticParams,
    /// One model per topic besides the global one.
    pub per_topic: bool,
    /// With `per_topic`, the share of the global model's probabilities mixed into a topic
    /// model's (0: the topic model alone), which lends small topics what other topics teach.
    pub global_weight: f64,
    /// k-fold cross-validation before the final fit.
    pub cv: Option<usize>,
    /// Topics (case-folded) scored by a model trained without them.
    pub holdout_topics: Vec<String>,
    /// Each statement that addresses its topic is also trained under this many other topics
    /// (and its article's near-miss topics) as off-topic, and a relevance classifier learns
    /// the difference (see [`Dataset::add_swapped`]). 0 trains no relevance classifier unless
    /// the data labels relevance itself.
    pub swap_topics: usize,
    /// Also learn to decide each quote together with its speaker's other quotes in the same
    /// article ([`super::SpeakerStage`]), from annotated articles.
    pub speaker_stage: bool,
}

/// Scores of models not trained on the rows they scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CvScores {
    /// Folds of cross-validation; 1 for a held-out split.
    pub folds: usize,
    pub rows: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Scores>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<Scores>,
    /// Whether statements address their topic, scored on the rows that say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relevance: Option<Scores>,
    /// Whether articles are about the topic, scored on the rows that say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<Scores>,
}

impl CvScores {
    fn slot(&mut self, task: Task) -> &mut Option<Scores> {
        match task {
            Task::Stance => &mut self.stance,
            Task::Sentiment => &mut self.sentiment,
            Task::Relevance => &mut self.relevance,
            Task::Article => &mut self.article,
        }
    }
}

/// The relevance label of a probability of `on`.
fn on_off(p: f64) -> String {
    if p >= 0.5 { ON_TOPIC } else { OFF_TOPIC }.to_string()
}

/// Trains on every row of `ds`, after the cross-validation and held-out scoring asked for.
pub fn train(ds: &Dataset, settings: &TrainSettings) -> Result<Model, TrainError> {
    // On one of the pool's threads: training opens thousands of short parallel sections (each
    // L-BFGS vector operation is one), and a caller outside the pool sleeps and is woken for
    // each, where a worker takes part in the work.
    rayon::scope(|_| train_in_pool(ds, settings))
}

fn train_in_pool(ds: &Dataset, settings: &TrainSettings) -> Result<Model, TrainError> {
    settings.features.check()?;
    settings.logistic.check().map_err(TrainError::Settings)?;
    if !(0.0..=1.0).contains(&settings.global_weight) {
        return Err(TrainError::GlobalWeight(settings.global_weight));
    }
    let n = ds.rows.len();
    if n == 0 {
        return Err(TrainError::NoRows);
    }
    let tasks = tasks_of(ds, settings);
    let cv = match settings.cv {
        Some(k) if k < 2 || k > n => return Err(TrainError::Folds { k, rows: n }),
        Some(k) => Some(cross_validate(ds, settings, &tasks, k)?),
        None => None,
    };
    let holdout = if settings.holdout_topics.is_empty() {
        None
    } else {
        let held: BTreeSet<String> = settings
            .holdout_topics
            .iter()
            .map(|t| topic_key(t))
            .collect();
        let (test, train): (Vec<usize>, Vec<usize>) =
            (0..n).partition(|&i| held.contains(&topic_key(&ds.rows[i].topic)));
        if test.is_empty() || train.is_empty() {
            return Err(TrainError::Holdout {
                train: train.len(),
                test: test.len(),
            });
        }
        let (ensemble, _) = fit(ds, &train, settings, &tasks)?;
        Some(score_split(ds, &ensemble, &test, &tasks, 1))
    };
    let all: Vec<usize> = (0..n).collect();
    let (ensemble, fits) = fit(ds, &all, settings, &tasks)?;
    let card = ModelCard {
        format_version: super::FORMAT_VERSION,
        demarche_version: env!("CARGO_PKG_VERSION").to_string(),
        created: created(),
        training_files: ds
            .files
            .iter()
            .map(|f| FileCard {
                path: f.path.display().to_string(),
                sha256: f.sha256.clone(),
                rows: f.rows,
            })
            .collect(),
        rows: n,
        skipped_rows: ds.skipped.len(),
        label_counts: tasks.iter().map(|&t| (t, ds.label_counts(t))).collect(),
        features: settings.features.clone(),
        logistic: settings.logistic,
        per_topic: settings.per_topic,
        global_weight: settings.global_weight,
        cv,
        holdout,
        fits,
    };
    let stage = if settings.speaker_stage {
        Some(fit_speaker_stage(ds, settings, &tasks)?)
    } else {
        None
    };
    Ok(Model {
        ensemble,
        stage,
        card,
        name: String::new(),
    })
}

/// Articles are split into this many folds to give the speaker stage first-stage
/// predictions for articles the first stage did not see.
const STAGE_FOLDS: usize = 5;

/// The speaker stage, fitted on out-of-fold first-stage predictions for the quotes of
/// annotated articles (each fold's model trained on the other folds' articles and on every
/// row without an article).
fn fit_speaker_stage(
    ds: &Dataset,
    settings: &TrainSettings,
    tasks: &[Task],
) -> Result<SpeakerStage, TrainError> {
    let fold_of = |source: usize| source % STAGE_FOLDS;
    let source = |i: usize| ds.rows[i].context.as_ref().and_then(|c| c.source);
    let mut examples = Vec::new();
    for fold in 0..STAGE_FOLDS {
        let (test, train): (Vec<usize>, Vec<usize>) =
            (0..ds.rows.len()).partition(|&i| source(i).is_some_and(|s| fold_of(s) == fold));
        if test.is_empty() || train.is_empty() {
            continue;
        }
        let (ensemble, _) = fit(ds, &train, settings, tasks)?;
        let preds: Vec<Prediction> = test
            .par_iter()
            .map(|&i| ensemble.predict(&ds.rows[i].model_input()))
            .collect();
        // Rows of one article and speaker are each other's others.
        let mut groups: BTreeMap<(usize, &str), Vec<usize>> = BTreeMap::new();
        for (j, &i) in test.iter().enumerate() {
            if let (Some(s), Some(actor)) = (source(i), ds.rows[i].actor.as_deref()) {
                groups.entry((s, actor)).or_default().push(j);
            }
        }
        let mut speaker: Vec<Option<String>> = vec![None; test.len()];
        for ((s, actor), members) in &groups {
            for &j in members {
                speaker[j] = Some(format!("{s}\u{0}{actor}"));
            }
        }
        let probs: Vec<[f64; 3]> = preds
            .iter()
            .map(|p| {
                let s = p.stance.as_ref();
                let get = |l| s.map_or(0.0, |s| s.get(l));
                [get("favor"), get("against"), get("none")]
            })
            .collect();
        let relevant: Vec<bool> = preds
            .iter()
            .map(|p| p.relevance.is_none_or(|r| r >= 0.5))
            .collect();
        let names: Vec<Option<&str>> = speaker.iter().map(Option::as_deref).collect();
        let others = super::together::others(&probs, &names, &relevant);
        for (j, &i) in test.iter().enumerate() {
            let gold = ds.rows[i].stance.as_deref();
            if let Some(k) = gold.and_then(|g| super::together::LABELS.iter().position(|l| *l == g))
            {
                examples.push((probs[j], others[j], k));
            }
        }
    }
    let params = settings.logistic.check().map_err(TrainError::Settings)?;
    SpeakerStage::fit(&params, &examples).map_err(|source| TrainError::Fit {
        task: "speaker stage",
        topic: None,
        source,
    })
}

/// The tasks `ds` trains: relevance when it labels both answers or when swapping makes it.
fn tasks_of(ds: &Dataset, settings: &TrainSettings) -> Vec<Task> {
    Task::ALL
        .into_iter()
        .filter(|&t| ds.has(t) || (t == Task::Article && settings.swap_topics > 0))
        .collect()
}

/// `SOURCE_DATE_EPOCH` if set (reproducible builds), else now.
fn created() -> String {
    let time = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map_or_else(SystemTime::now, |secs| {
            UNIX_EPOCH + Duration::from_secs(secs)
        });
    humantime::format_rfc3339_seconds(time).to_string()
}

/// Fits the global model on `rows` and, with `per_topic`, one per topic. Topic models are
/// fitted in parallel; each fit is deterministic, so the result does not depend on the order.
fn fit(
    ds: &Dataset,
    rows: &[usize],
    settings: &TrainSettings,
    tasks: &[Task],
) -> Result<(Ensemble, Vec<FitCard>), TrainError> {
    if settings.swap_topics > 0 {
        // Pairings drawn from the training rows only, so no held-out statement is seen.
        let mut part = ds.subset(rows);
        part.add_swapped(settings.swap_topics);
        let all: Vec<usize> = (0..part.rows.len()).collect();
        let plain = TrainSettings {
            swap_topics: 0,
            ..settings.clone()
        };
        return fit(&part, &all, &plain, tasks);
    }
    let mut fits = Vec::new();
    // The global model first, alone (its objective is parallel inside), then the topic
    // models side by side: at most two topic models' memory is held at once.
    let (global, cards) = fit_topic(ds, rows, settings, tasks, None)?;
    fits.extend(cards);
    let mut topics = BTreeMap::new();
    if settings.per_topic {
        let mut by_topic: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for &i in rows {
            by_topic
                .entry(topic_key(&ds.rows[i].topic))
                .or_default()
                .push(i);
        }
        let groups: Vec<(String, Vec<usize>)> = by_topic.into_iter().collect();
        let fitted: Vec<(TopicModel, Vec<FitCard>)> = groups
            .par_iter()
            .map(|(topic, idx)| fit_topic(ds, idx, settings, tasks, Some(topic)))
            .collect::<Result<_, _>>()?;
        for ((topic, _), (model, cards)) in groups.into_iter().zip(fitted) {
            fits.extend(cards);
            if model.stance.is_some() || model.sentiment.is_some() {
                topics.insert(topic, model);
            }
        }
    }
    let ensemble = Ensemble {
        global,
        topics,
        global_weight: settings.global_weight,
    };
    Ok((ensemble, fits))
}

/// One topic model. A topic whose rows hold fewer than two labels of a task gets no classifier
/// for it (the global one answers); the global model must have both.
fn fit_topic(
    ds: &Dataset,
    rows: &[usize],
    settings: &TrainSettings,
    tasks: &[Task],
    topic: Option<&str>,
) -> Result<(TopicModel, Vec<FitCard>), TrainError> {
    let mut fits = Vec::new();
    let inputs: Vec<ModelInput> = rows.iter().map(|&i| ds.rows[i].model_input()).collect();
    let (vectorizer, x) = Vectorizer::fit_transform(&settings.features, &inputs)?;
    let params = settings.logistic.check().map_err(TrainError::Settings)?;
    let mut model = TopicModel {
        vectorizer,
        stance: None,
        sentiment: None,
        relevance: None,
        article: None,
    };
    // Which relevance classifier reads each column, if any (see `relevance_part`).
    let parts: Vec<Option<Part>> = (0..x.ncols)
        .map(|j| relevance_part(model.vectorizer.name(j)))
        .collect();
    for &task in tasks {
        let part = match task {
            Task::Relevance => Some(Part::Statement),
            Task::Article => Some(Part::Article),
            _ => None,
        };
        if part.is_some() && topic.is_some() {
            continue;
        }
        let taken: Vec<usize> = (0..rows.len())
            .filter(|&j| ds.rows[rows[j]].label(task).is_some())
            .collect();
        let gold: Vec<&str> = taken
            .iter()
            .filter_map(|&j| ds.rows[rows[j]].label(task))
            .collect();
        let labels: Vec<String> = gold
            .iter()
            .map(|s| s.to_string())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if labels.len() < 2 {
            if topic.is_none() {
                return Err(TrainError::TooFewLabels {
                    task: task.as_str(),
                    found: labels,
                });
            }
            continue;
        }
        let y: Vec<usize> = gold
            .iter()
            .map(|g| labels.binary_search_by(|l| l.as_str().cmp(g)).unwrap_or(0))
            .collect();
        let kept;
        let xs = if part.is_some() {
            kept = x.select(&taken).keep_columns(|j| parts[j as usize] == part);
            &kept
        } else if task == Task::Stance && parts.iter().any(Option::is_some) {
            // Stance reads the statement and its framing, not how much it or its article is
            // about the topic: that is the relevance classifiers' part, and the stance model
            // would learn it as a lean toward one side from the topics it was trained on.
            kept = x
                .select(&taken)
                .keep_columns(|j| parts[j as usize].is_none());
            &kept
        } else if taken.len() == rows.len() {
            &x
        } else {
            kept = x.select(&taken);
            &kept
        };
        // Whether an article is about a topic is learned from each article under its own
        // topic against several pairings with others: balanced classes keep the many
        // pairings from outvoting the articles' own topics.
        let relevance_params;
        let params = if task == Task::Article {
            relevance_params = LogisticParams {
                class_weight: ClassWeight::Balanced,
                ..*params.params()
            }
            .check()
            .map_err(TrainError::Settings)?;
            &relevance_params
        } else {
            &params
        };
        let weights: Vec<f64> = taken.iter().map(|&j| ds.rows[rows[j]].weight).collect();
        let uniform = weights.iter().all(|&w| w == 1.0);
        let fitted = params
            .fit_weighted(xs, &y, labels.len(), (!uniform).then_some(&weights[..]))
            .map_err(|source| TrainError::Fit {
                task: task.as_str(),
                topic: topic.map(str::to_string),
                source,
            })?;
        fits.push(FitCard {
            topic: topic.map(str::to_string),
            task,
            rows: taken.len(),
            features: x.ncols,
            report: fitted.report().clone(),
        });
        *model.slot(task) = Some(Classifier { labels, fitted });
    }
    Ok((model, fits))
}

/// Predicted labels of `rows`, in order.
pub(crate) fn predict_rows(
    ds: &Dataset,
    ensemble: &Ensemble,
    rows: &[usize],
    task: Task,
) -> Vec<String> {
    rows.par_iter()
        .map(|&i| {
            let p = ensemble.predict(&ds.rows[i].model_input());
            let best = |l: Option<LabelProbs>| l.and_then(|l| l.best().map(|b| b.0.to_string()));
            match task {
                Task::Stance => best(p.stance),
                Task::Sentiment => best(p.sentiment),
                Task::Relevance => p.relevance.map(on_off),
                Task::Article => p.article.map(on_off),
            }
            .unwrap_or_default()
        })
        .collect()
}

fn score_split(
    ds: &Dataset,
    ensemble: &Ensemble,
    rows: &[usize],
    tasks: &[Task],
    folds: usize,
) -> CvScores {
    let mut out = CvScores {
        folds,
        rows: rows.len(),
        stance: None,
        sentiment: None,
        relevance: None,
        article: None,
    };
    for &task in tasks {
        let labeled: Vec<usize> = rows
            .iter()
            .copied()
            .filter(|&i| ds.rows[i].label(task).is_some())
            .collect();
        let gold: Vec<&str> = labeled
            .iter()
            .map(|&i| ds.rows[i].label(task).unwrap_or_default())
            .collect();
        let pred = predict_rows(ds, ensemble, &labeled, task);
        *out.slot(task) = Some(metrics::score(&gold, &pred));
    }
    out
}

/// k-fold cross-validation with a fixed shuffle; scores pooled over all folds.
fn cross_validate(
    ds: &Dataset,
    settings: &TrainSettings,
    tasks: &[Task],
    k: usize,
) -> Result<CvScores, TrainError> {
    let n = ds.rows.len();
    let mut order: Vec<usize> = (0..n).collect();
    let mut state: u64 = 0x5eed_0fd3_3a2c;
    for i in (1..n).rev() {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = ((state >> 33) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    let mut fold_of = vec![0usize; n];
    for (position, &i) in order.iter().enumerate() {
        fold_of[i] = position % k;
    }
    let mut gold: BTreeMap<Task, Vec<String>> = BTreeMap::new();
    let mut pred: BTreeMap<Task, Vec<String>> = BTreeMap::new();
    for fold in 0..k {
        let (test, train): (Vec<usize>, Vec<usize>) = (0..n).partition(|&i| fold_of[i] == fold);
        let (ensemble, _) = fit(ds, &train, settings, tasks)?;
        for &task in tasks {
            let labeled: Vec<usize> = test
                .iter()
                .copied()
                .filter(|&i| ds.rows[i].label(task).is_some())
                .collect();
            gold.entry(task).or_default().extend(
                labeled
                    .iter()
                    .map(|&i| ds.rows[i].label(task).unwrap_or_default().to_string()),
            );
            pred.entry(task)
                .or_default()
                .extend(predict_rows(ds, &ensemble, &labeled, task));
        }
    }
    let mut out = CvScores {
        folds: k,
        rows: n,
        stance: None,
        sentiment: None,
        relevance: None,
        article: None,
    };
    for &task in tasks {
        if let (Some(g), Some(p)) = (gold.get(&task), pred.get(&task)) {
            if !g.is_empty() {
                *out.slot(task) = Some(metrics::score(g, p));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::ReadOptions;
    use std::path::Path;

    fn dataset(csv: &str) -> Dataset {
        let mut ds = Dataset::default();
        let (s, t) = ds
            .read_bytes(Path::new("t.csv"), csv.as_bytes(), &ReadOptions::default())
            .unwrap();
        ds.has_stance = s;
        ds.has_sentiment = t;
        ds
    }

    fn corpus() -> String {
        let mut csv = String::from("topic,text,stance\n");
        let favor = [
            "We support the accord.",
            "We welcome the accord warmly.",
            "The accord deserves our backing.",
        ];
        let against = [
            "We reject the accord.",
            "The accord is a dangerous precedent.",
            "We will never accept the accord.",
        ];
        for round in 0..4 {
            for t in favor {
                csv.push_str(&format!("accord,\"{t} ({round})\",favor\n"));
            }
            for t in against {
                csv.push_str(&format!("accord,\"{t} ({round})\",against\n"));
            }
        }
        csv
    }

    #[test]
    fn cross_validation_scores_every_row_once() {
        let ds = dataset(&corpus());
        let settings = TrainSettings {
            cv: Some(4),
            ..TrainSettings::default()
        };
        let model = train(&ds, &settings).unwrap();
        let cv = model.card().cv.as_ref().unwrap();
        assert_eq!(cv.folds, 4);
        let stance = cv.stance.as_ref().unwrap();
        assert_eq!(stance.rows, 24);
        assert!(stance.accuracy > 0.9, "{}", stance.accuracy);
        assert!(cv.sentiment.is_none());
        assert!(model.card().fits.iter().all(|f| f.report.converged));
    }

    #[test]
    fn settings_and_data_that_cannot_train_are_named() {
        let ds = dataset("text,stance\na,favor\nb,favor\n");
        assert_eq!(
            train(&ds, &TrainSettings::default()).unwrap_err(),
            TrainError::TooFewLabels {
                task: "stance",
                found: vec!["favor".into()]
            }
        );
        let ds = dataset(&corpus());
        let bad = TrainSettings {
            cv: Some(1),
            ..TrainSettings::default()
        };
        assert_eq!(train(&ds, &bad).unwrap_err().exit_code(), 2);
        let held = TrainSettings {
            holdout_topics: vec!["nothing like it".into()],
            ..TrainSettings::default()
        };
        assert!(matches!(
            train(&ds, &held).unwrap_err(),
            TrainError::Holdout { test: 0, .. }
        ));
    }
}
