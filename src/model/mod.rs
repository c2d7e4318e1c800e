//! Stance and sentiment models: what `classify` and `report` call, what `train` builds and
//! `eval` scores.
//!
//! A [`Model`] holds a global [`TopicModel`] and, when trained `--per-topic`, one per topic
//! (chosen by the case-folded topic, the global one for unseen topics). Each topic model has
//! its vectorizer and a logistic regression per task. This module does not read articles.

mod file;
pub use crate::engine::logistic;
pub mod metrics;
mod together;
mod train;

pub use crate::error::TrainError;
pub use crate::features::ModelInput;
pub use crate::label::LabelProbs;
pub use file::FORMAT_VERSION;
pub use together::SpeakerStage;
use together::LABELS;
pub use train::{train, CvScores, TrainSettings};

use crate::dataset::Task;
use crate::error::{Error, Result};
use crate::features::{FeatureSettings, Vectorizer};
use logistic::{FitReport, FittedLogistic, LogisticParams};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

/// One task's classifier: its labels (sorted) and weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Classifier {
    labels: Vec<String>,
    fitted: FittedLogistic,
}

impl Classifier {
    pub fn labels(&self) -> &[String] {
        &self.labels
    }
    pub fn report(&self) -> &FitReport {
        self.fitted.report()
    }
}

/// The models of one topic (or the global one).
#[derive(Debug, Clone, PartialEq)]
pub struct TopicModel {
    vectorizer: Vectorizer,
    stance: Option<Classifier>,
    sentiment: Option<Classifier>,
    /// Whether a statement addresses the topic, in an article about it; only the global
    /// model has one.
    relevance: Option<Classifier>,
    /// Whether an article is about the topic; only the global model has one.
    article: Option<Classifier>,
}

impl TopicModel {
    fn classifier(&self, task: Task) -> Option<&Classifier> {
        match task {
            Task::Stance => self.stance.as_ref(),
            Task::Sentiment => self.sentiment.as_ref(),
            Task::Relevance => self.relevance.as_ref(),
            Task::Article => self.article.as_ref(),
        }
    }

    fn slot(&mut self, task: Task) -> &mut Option<Classifier> {
        match task {
            Task::Stance => &mut self.stance,
            Task::Sentiment => &mut self.sentiment,
            Task::Relevance => &mut self.relevance,
            Task::Article => &mut self.article,
        }
    }
}

/// A training file as the model card records it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileCard {
    pub path: String,
    pub sha256: String,
    pub rows: usize,
}

/// How one classifier's training went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FitCard {
    /// `None` for the global model.
    pub topic: Option<String>,
    pub task: Task,
    pub rows: usize,
    pub features: usize,
    #[serde(flatten)]
    pub report: FitReport,
}

/// What a model was trained on and how: stored in the file, shown by `train`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelCard {
    pub format_version: u32,
    pub demarche_version: String,
    /// RFC 3339, UTC; `SOURCE_DATE_EPOCH` when set, so retraining can be reproducible.
    pub created: String,
    pub training_files: Vec<FileCard>,
    pub rows: usize,
    pub skipped_rows: usize,
    /// Task -> label -> rows.
    pub label_counts: BTreeMap<Task, BTreeMap<String, usize>>,
    pub features: FeatureSettings,
    pub logistic: LogisticParams,
    pub per_topic: bool,
    /// Share of the global model in per-topic probabilities.
    #[serde(default)]
    pub global_weight: f64,
    /// Cross-validation scores (`--cv K`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cv: Option<CvScores>,
    /// Scores on held-out topics (`--holdout-topics`), the model trained without them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holdout: Option<CvScores>,
    pub fits: Vec<FitCard>,
}

/// What the model says about one quote; a task is `None` when the model has no classifier
/// for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// With a relevance classifier, the probabilities toward the topic all told: a statement
    /// off the topic is `none` (`Ensemble::predict`).
    pub stance: Option<LabelProbs>,
    pub sentiment: Option<LabelProbs>,
    /// The probability that the statement addresses the topic at all, when the model has a
    /// relevance classifier: that its article is about the topic ([`Prediction::article`])
    /// times that, in such an article, the statement is.
    pub relevance: Option<f64>,
    /// The probability that the statement's article is about the topic.
    pub article: Option<f64>,
}

/// The stance label that means "no position": where an off-topic statement's probability goes.
const NO_POSITION: &str = "none";

/// A global topic model and the per-topic ones, without the card: what training builds and
/// cross-validation scores.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ensemble {
    global: TopicModel,
    /// Keyed by case-folded, trimmed topic.
    topics: BTreeMap<String, TopicModel>,
    /// Share of the global model in a topic model's probabilities (see
    /// [`TrainSettings::global_weight`]).
    global_weight: f64,
}

impl Ensemble {
    /// The topic model and classifier for `task` on `topic`: the topic's own if it has one
    /// for that task, else the global one.
    fn pick(&self, topic: &str, task: Task) -> Option<(&TopicModel, &Classifier)> {
        let own = self
            .topics
            .get(&topic_key(topic))
            .and_then(|m| m.classifier(task).map(|c| (m, c)));
        own.or_else(|| self.global.classifier(task).map(|c| (&self.global, c)))
    }

    /// The probabilities of `task`; `rows` keeps each topic model's feature row, so a
    /// second task on the same quote does not vectorise it again.
    fn probs<'m>(
        &'m self,
        input: &ModelInput,
        task: Task,
        rows: &mut Vec<(&'m TopicModel, Vec<(u32, f32)>)>,
    ) -> Option<LabelProbs> {
        let (tm, c) = self.pick(input.topic, task)?;
        let row = row_of(tm, input, rows);
        // The relevance classifiers weigh extra features only (see `relevance_part`): the
        // rest of the row would add zeros.
        let row = match task {
            Task::Relevance | Task::Article => {
                let extras = tm.vectorizer.block_starts().1 as u32;
                &row[row.partition_point(|e| e.0 < extras)..]
            }
            _ => row,
        };
        let mut probs = c.fitted.probabilities(row);
        let global = self
            .global
            .classifier(task)
            .filter(|g| g.labels == c.labels);
        if let Some(g) =
            global.filter(|_| self.global_weight > 0.0 && !std::ptr::eq(tm, &self.global))
        {
            let gp = g.fitted.probabilities(row_of(&self.global, input, rows));
            let w = self.global_weight;
            probs
                .iter_mut()
                .zip(gp)
                .for_each(|(p, q)| *p = (1.0 - w) * *p + w * q);
        }
        Some(LabelProbs {
            labels: c.labels.clone(),
            probs,
        })
    }
}

impl Ensemble {
    /// Stance, sentiment and relevance of one statement. The stance classifier is trained on
    /// statements that address their topic, so its probabilities are conditional on that;
    /// with relevance `r`, each position keeps `r` times its probability and the rest goes
    /// to `none`: a statement about another matter takes no position, whatever its tone.
    pub(crate) fn predict(&self, input: &ModelInput) -> Prediction {
        let mut rows = Vec::new();
        // Relevance is learned from statements in their articles: without an article there
        // is nothing to measure it on, and the statement is taken as it comes.
        let in_article = input.context.is_some_and(|c| c.article.is_some());
        let mut on = |task| {
            self.probs(input, task, &mut rows)
                .map(|p| p.get(crate::dataset::ON_TOPIC))
                .filter(|_| in_article)
        };
        let article = on(Task::Article);
        let statement = on(Task::Relevance);
        let relevance = match (article, statement) {
            (Some(a), Some(s)) => Some(a * s),
            (a, s) => a.or(s),
        };
        let mut stance = self.probs(input, Task::Stance, &mut rows);
        if let (Some(r), Some(s)) = (article, stance.as_mut()) {
            if let Some(none) = s.labels.iter().position(|l| l == NO_POSITION) {
                for (i, p) in s.probs.iter_mut().enumerate() {
                    *p = if i == none { 1.0 - r + r * *p } else { r * *p };
                }
            }
        }
        Prediction {
            stance,
            sentiment: self.probs(input, Task::Sentiment, &mut rows),
            relevance,
            article,
        }
    }
}

impl Ensemble {
    /// Replaces each prediction's stance by the speaker stage's, when the stance labels are
    /// favor, against and none. A statement whose article is not about the topic keeps that
    /// share of `none`, as in [`Ensemble::predict`].
    pub(crate) fn decide_together(
        &self,
        stage: &SpeakerStage,
        preds: &mut [Prediction],
        speakers: &[Option<&str>],
    ) {
        let probs: Option<Vec<[f64; 3]>> = preds
            .iter()
            .map(|p| {
                let s = p.stance.as_ref()?;
                let get = |l| s.contains(l).then(|| s.get(l));
                Some([get(LABELS[0])?, get(LABELS[1])?, get(LABELS[2])?])
            })
            .collect();
        let Some(probs) = probs else { return };
        let relevant: Vec<bool> = preds
            .iter()
            .map(|p| p.relevance.is_none_or(|r| r >= 0.5))
            .collect();
        let others = together::others(&probs, speakers, &relevant);
        for ((p, own), o) in preds.iter_mut().zip(&probs).zip(others) {
            let mut joint = stage.apply(own, o);
            if let Some(a) = p.article {
                joint = [a * joint[0], a * joint[1], 1.0 - a + a * joint[2]];
            }
            if let Some(s) = p.stance.as_mut() {
                for (label, v) in s.labels.iter().zip(s.probs.iter_mut()) {
                    if let Some(k) = LABELS.iter().position(|l| l == label) {
                        *v = joint[k];
                    }
                }
            }
        }
    }
}

/// The feature row of `input` under `tm`, computed once per topic model.
fn row_of<'r, 'm>(
    tm: &'m TopicModel,
    input: &ModelInput,
    rows: &'r mut Vec<(&'m TopicModel, Vec<(u32, f32)>)>,
) -> &'r [(u32, f32)] {
    let at = match rows.iter().position(|(m, _)| std::ptr::eq(*m, tm)) {
        Some(at) => at,
        None => {
            rows.push((tm, tm.vectorizer.transform(input)));
            rows.len() - 1
        }
    };
    &rows[at].1
}

/// A trained stance (and maybe sentiment) model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    ensemble: Ensemble,
    /// Decides each quote together with its speaker's other quotes in the article.
    stage: Option<SpeakerStage>,
    card: ModelCard,
    name: String,
}

/// The largest model file `--model` reads: far above any model demarche trains (the built-in
/// one is about 1 MiB), low enough that a wrong path (`/dev/zero`, a log) cannot fill memory.
pub const MAX_MODEL_BYTES: u64 = 1 << 30;

/// Reads a model file, refusing one that does not start like a model before reading on, and
/// one longer than `limit`.
fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>> {
    // A model path that does not exist is a usage mistake like a missing input (exit 2).
    let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut bytes = Vec::new();
    (&mut f)
        .take(file::MAGIC.len() as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes != file::MAGIC {
        // Let the decoder say what is wrong, as for any other file.
        return file::decode(&bytes, path).map(|_| bytes);
    }
    f.take(limit.saturating_sub(bytes.len() as u64).saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(Error::Model {
            path: path.to_path_buf(),
            message: format!(
                "larger than {limit} bytes: not a model this demarche reads (a model is far \
                 smaller)"
            ),
        });
    }
    Ok(bytes)
}

/// The default model, trained from `training/` by `models/train-default.sh`.
static BUILTIN_BYTES: &[u8] = include_bytes!("../../models/default.dmm");

fn topic_key(topic: &str) -> String {
    topic.trim().to_lowercase()
}

impl Model {
    /// The model built into the binary, parsed once.
    pub fn builtin() -> &'static Model {
        static BUILTIN: OnceLock<Model> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let mut model = file::decode_builtin(BUILTIN_BYTES);
            model.name = format!("demarche-default@{}", file::short_id(BUILTIN_BYTES));
            model
        })
    }

    /// Reads a model file; a missing, damaged, other-version or invalid file is an error
    /// naming it. At most [`MAX_MODEL_BYTES`] are read.
    pub fn load(path: &Path) -> Result<Model> {
        let bytes = read_bounded(path, MAX_MODEL_BYTES)?;
        let mut model = file::decode(&bytes, path)?;
        let stem = path
            .file_stem()
            .map_or_else(|| "model".into(), |s| s.to_string_lossy());
        model.name = format!("{stem}@{}", file::short_id(&bytes));
        Ok(model)
    }

    /// Writes the model file whole or not at all.
    pub fn save(&self, path: &Path) -> Result<()> {
        crate::output::write_atomic(path, &file::encode(self))
    }

    /// `demarche-default@<id>` for the built-in model, `<file stem>@<id>` for a loaded one,
    /// `trained@<id>` for one just trained, where `<id>` starts the file's SHA-256 (the file
    /// the model is, or would be when saved).
    pub fn name(&self) -> String {
        if self.name.is_empty() {
            return format!("trained@{}", file::short_id(&file::encode(self)));
        }
        self.name.clone()
    }

    pub fn card(&self) -> &ModelCard {
        &self.card
    }

    /// Topics with their own model (case-folded).
    pub fn topics(&self) -> impl Iterator<Item = &str> {
        self.ensemble.topics.keys().map(String::as_str)
    }

    pub fn labels(&self, task: Task) -> Option<&[String]> {
        self.ensemble
            .global
            .classifier(task)
            .map(Classifier::labels)
    }

    /// What the model says about one statement, read alone.
    pub fn predict(&self, input: &ModelInput) -> Prediction {
        self.ensemble.predict(input)
    }

    /// What the model says about the statements of one article, `speakers[i]` naming who made
    /// statement `i` (`None` when unknown): each is read alone, then, with a speaker stage,
    /// decided together with its speaker's other statements on the topic
    /// ([`SpeakerStage`]).
    pub fn predict_article(
        &self,
        inputs: &[ModelInput],
        speakers: &[Option<&str>],
    ) -> Vec<Prediction> {
        let mut preds: Vec<Prediction> = inputs.iter().map(|i| self.predict(i)).collect();
        if let Some(stage) = &self.stage {
            self.ensemble.decide_together(stage, &mut preds, speakers);
        }
        preds
    }

    /// Whether the model reads a statement's context and article ([`FeatureSettings::context`]):
    /// when it does not, callers need not measure them.
    pub fn reads_context(&self) -> bool {
        self.card.features.context
    }

    /// Whether the model decides if a statement addresses the topic.
    pub fn has_relevance(&self) -> bool {
        self.ensemble.global.relevance.is_some() || self.ensemble.global.article.is_some()
    }

    /// The `k` features that push the predicted stance label most, with their pull (value
    /// times the label's weight above the mean of all labels' weights), largest first.
    pub fn explain(&self, input: &ModelInput, k: usize) -> Vec<(String, f64)> {
        let Some((tm, c)) = self.ensemble.pick(input.topic, Task::Stance) else {
            return Vec::new();
        };
        let row = tm.vectorizer.transform(input);
        let class = logistic::argmax(&c.fitted.probabilities(&row));
        let mut pulls: Vec<(String, f64)> = row
            .iter()
            .map(|&(j, v)| {
                (
                    tm.vectorizer.name(j as usize).to_string(),
                    c.fitted.contribution(j, v, class),
                )
            })
            .filter(|(_, p)| *p > 0.0)
            .collect();
        pulls.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        pulls.truncate(k);
        pulls
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Dataset, ReadOptions};
    use crate::Stance;
    use sha2::{Digest, Sha256};

    /// The built-in model is read without validation at each start: it must pass it here.
    #[test]
    fn builtin_model_is_valid() {
        let model = file::decode(BUILTIN_BYTES, Path::new("<built-in model>")).unwrap();
        assert_eq!(&model.ensemble, &Model::builtin().ensemble);
    }

    #[test]
    fn builtin_model_loads_and_predicts_the_contract_labels() {
        let m = Model::builtin();
        assert!(m.name().starts_with("demarche-default@"), "{}", m.name());
        let p = m.predict(&ModelInput::new(
            "We will never accept this dangerous precedent.",
            "independence for Kosovo",
        ));
        let stance = p.stance.expect("the default model has a stance classifier");
        let mut labels: Vec<&str> = stance.iter().map(|(l, _)| l).collect();
        labels.sort();
        assert_eq!(labels, ["against", "favor", "none"]);
        assert!((stance.iter().map(|(_, p)| p).sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(stance.best_as::<Stance>().is_some());
        let sentiment = p
            .sentiment
            .expect("the default model has a sentiment classifier");
        assert!(sentiment.contains("neutral"));
    }

    /// Fails when `training/` changed since the built-in model was trained: rerun
    /// `models/train-default.sh` and commit `models/default.dmm`.
    #[test]
    fn builtin_model_is_not_stale_against_training() {
        let inputs = crate::dataset::training_inputs();
        let ds = Dataset::read(&inputs, &crate::dataset::ReadOptions::default()).unwrap();
        // The path below `training/`, however the card or the reader wrote it.
        let key = |path: &Path| {
            let parts: Vec<String> = path
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let from = parts
                .iter()
                .rposition(|c| c == "training")
                .map_or(0, |i| i + 1);
            parts[from..].join("/")
        };
        let mut current: Vec<(String, String)> = ds
            .files
            .iter()
            .map(|f| (key(&f.path), f.sha256.clone()))
            .collect();
        current.sort();
        let mut trained: Vec<(String, String)> = Model::builtin()
            .card()
            .training_files
            .iter()
            .map(|f| (key(Path::new(&f.path)), f.sha256.clone()))
            .collect();
        trained.sort();
        assert_eq!(
            trained, current,
            "models/default.dmm is stale against training/: run models/train-default.sh"
        );
    }

    fn tiny_dataset() -> Dataset {
        let csv = "topic,text,stance,sentiment\n\
            the treaty,We strongly support the treaty and welcome it.,favor,positive\n\
            the treaty,We reject the treaty: a dangerous precedent.,against,negative\n\
            the treaty,Talks on the treaty resume on Tuesday.,none,neutral\n\
            the treaty,Our government backs the treaty fully.,favor,positive\n\
            the treaty,This treaty will never be accepted by us.,against,negative\n\
            the treaty,The meeting is scheduled for noon.,none,neutral\n\
            the sanctions,We welcome the sanctions warmly.,favor,positive\n\
            the sanctions,We condemn these sanctions.,against,negative\n\
            the sanctions,The sanctions committee meets today.,none,neutral\n";
        let mut ds = Dataset::default();
        let (s, t) = ds
            .read_bytes(
                Path::new("tiny.csv"),
                csv.as_bytes(),
                &ReadOptions::default(),
            )
            .unwrap();
        ds.has_stance = s;
        ds.has_sentiment = t;
        ds
    }

    #[test]
    fn trained_model_round_trips_through_its_file() {
        let ds = tiny_dataset();
        let settings = TrainSettings {
            per_topic: true,
            ..TrainSettings::default()
        };
        let model = train(&ds, &settings).unwrap();
        assert_eq!(
            model.topics().collect::<Vec<_>>(),
            ["the sanctions", "the treaty"]
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.dmm");
        model.save(&path).unwrap();
        let loaded = Model::load(&path).unwrap();
        assert_eq!(loaded.card(), model.card());
        assert_eq!(loaded.ensemble, model.ensemble);
        assert!(loaded.name().starts_with("m@"));
        for row in &ds.rows {
            let input = ModelInput::new(&row.text, &row.topic);
            assert_eq!(loaded.predict(&input), model.predict(&input));
        }
        let unseen = ModelInput::new("We support it.", "some other topic");
        assert!(loaded.predict(&unseen).stance.is_some());
        let why = loaded.explain(&ModelInput::new("We reject the treaty.", "the treaty"), 3);
        assert!(!why.is_empty() && why.len() <= 3);
        assert!(why.windows(2).all(|w| w[0].1 >= w[1].1));
    }

    #[test]
    fn global_weight_mixes_the_global_model_into_topic_models() {
        let ds = tiny_dataset();
        let global_only = train(&ds, &TrainSettings::default()).unwrap();
        let mixed = |w| {
            let s = TrainSettings {
                per_topic: true,
                global_weight: w,
                ..TrainSettings::default()
            };
            train(&ds, &s).unwrap()
        };
        let (all_global, own) = (mixed(1.0), mixed(0.0));
        let mut differs = false;
        for row in &ds.rows {
            let input = ModelInput::new(&row.text, &row.topic);
            assert_eq!(all_global.predict(&input), global_only.predict(&input));
            differs |= own.predict(&input) != global_only.predict(&input);
        }
        assert!(
            differs,
            "topic models should answer differently from the global one"
        );
        let bad = TrainSettings {
            global_weight: 1.5,
            ..TrainSettings::default()
        };
        assert_eq!(train(&ds, &bad).unwrap_err(), TrainError::GlobalWeight(1.5));
    }

    /// Files whose checksum is right but whose content is no usable model: each is refused
    /// when loaded (these panicked or classified everything one way).
    #[test]
    fn invalid_content_with_a_valid_checksum_is_refused() {
        let ds = tiny_dataset();
        let settings = TrainSettings {
            per_topic: true,
            ..TrainSettings::default()
        };
        let good = train(&ds, &settings).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.dmm");
        type Edit = fn(&mut Model);
        let cases: [(Edit, &str); 11] = [
            (
                |m| {
                    let c = m.ensemble.global.stance.as_mut().unwrap();
                    c.labels.clear();
                    c.fitted.classes = 0;
                    c.fitted.weights.clear();
                    c.fitted.intercept.clear();
                },
                "the stance classifier of the global model has 0 label(s)",
            ),
            (
                |m| {
                    let c = m.ensemble.global.stance.as_mut().unwrap();
                    c.labels[1] = c.labels[0].clone();
                },
                "has the label \"against\" twice",
            ),
            (
                |m| m.ensemble.global.sentiment.as_mut().unwrap().fitted.weights[3] = f32::NAN,
                "the sentiment classifier of the global model has a weight that is not a finite",
            ),
            (
                |m| {
                    let t = m.ensemble.topics.values_mut().next().unwrap();
                    t.stance.as_mut().unwrap().fitted.intercept[0] = f32::INFINITY;
                },
                "of the model of topic \"the sanctions\" has a weight that is not a finite",
            ),
            (
                |m| {
                    let v = &m.ensemble.global.vectorizer;
                    let mut idf = v.idf().to_vec();
                    idf[0] = f32::INFINITY;
                    m.ensemble.global.vectorizer = Vectorizer::from_parts(
                        v.settings().clone(),
                        v.hashes().to_vec(),
                        v.names().to_vec(),
                        idf,
                        v.block_starts().0,
                        v.block_starts().1,
                    );
                },
                "the global model has IDF weight inf for term 0",
            ),
            (
                |m| {
                    let v = &m.ensemble.global.vectorizer;
                    let mut hashes = v.hashes().to_vec();
                    hashes[1] = hashes[0];
                    m.ensemble.global.vectorizer = Vectorizer::from_parts(
                        v.settings().clone(),
                        hashes,
                        v.names().to_vec(),
                        v.idf().to_vec(),
                        v.block_starts().0,
                        v.block_starts().1,
                    );
                },
                "the global model lists a term twice",
            ),
            (
                |m| m.card.global_weight = 2.5,
                "global weight 2.5 is not in [0, 1]",
            ),
            (
                // Finite, but it overflows the features into NaN probabilities (fuzzing).
                |m| {
                    let v = &m.ensemble.global.vectorizer;
                    let idf = vec![1e38; v.len()];
                    m.ensemble.global.vectorizer = Vectorizer::from_parts(
                        v.settings().clone(),
                        v.hashes().to_vec(),
                        v.names().to_vec(),
                        idf,
                        v.block_starts().0,
                        v.block_starts().1,
                    );
                },
                "the global model has IDF weight 100000000000000000000000000000000000000 for term 0",
            ),
            (
                // An extra feature moved into the word block (fuzzing: NaN probabilities).
                |m| {
                    let v = &m.ensemble.global.vectorizer;
                    let (c, x) = v.block_starts();
                    m.ensemble.global.vectorizer = Vectorizer::from_parts(
                        v.settings().clone(),
                        v.hashes().to_vec(),
                        v.names().to_vec(),
                        v.idf().to_vec(),
                        c,
                        x + 1,
                    );
                },
                "out of place or under another hash",
            ),
            (
                |m| m.card.features.extra_weight = 1e30,
                "extra_weight must be in [0, 1000], got 1000000000000000000000000000000",
            ),
            (
                |m| {
                    m.ensemble.global.stance = None;
                    m.ensemble.global.sentiment = None;
                },
                "the global model has no stance or sentiment classifier",
            ),
        ];
        for (edit, says) in cases {
            let mut m = good.clone();
            edit(&mut m);
            m.save(&path).unwrap();
            let err = Model::load(&path).unwrap_err();
            assert_eq!(err.exit_code(), 1);
            assert!(
                err.to_string()
                    .starts_with(&format!("{}: damaged model file: ", path.display())),
                "{err}"
            );
            assert!(err.to_string().contains(says), "{err}\nshould say: {says}");
        }
        good.save(&path).unwrap();
        assert!(Model::load(&path).is_ok());
    }

    /// Found by fuzzing: a model whose extra feature sat in the word block loaded, and gave
    /// NaN probabilities. The fixture is the model without its checksum, as the fuzz target
    /// takes it.
    #[test]
    fn a_term_in_the_wrong_block_is_refused() {
        let mut bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/fuzz/model-term-out-of-block.bin"
        ))
        .unwrap();
        bytes.extend_from_slice(&Sha256::digest(&bytes));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fuzzed.dmm");
        std::fs::write(&path, &bytes).unwrap();
        let err = Model::load(&path).unwrap_err();
        assert!(
            err.to_string()
                .contains("out of place or under another hash"),
            "{err}"
        );
    }

    #[test]
    fn only_so_much_of_a_model_file_is_read() {
        let err = Model::load(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(err.to_string(), "/dev/zero: not a demarche model file");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.dmm");
        let mut bytes = file::MAGIC.to_vec();
        bytes.resize(4096, 0);
        std::fs::write(&path, &bytes).unwrap();
        let err = read_bounded(&path, 1000).unwrap_err();
        assert!(err.to_string().contains("larger than 1000 bytes"), "{err}");
        assert_eq!(err.exit_code(), 1);
        assert_eq!(read_bounded(&path, 4096).unwrap().len(), 4096);
    }

    #[test]
    fn damaged_or_foreign_files_are_errors_naming_the_file() {
        let ds = tiny_dataset();
        let model = train(&ds, &TrainSettings::default()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.dmm");
        model.save(&path).unwrap();
        let good = std::fs::read(&path).unwrap();
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (b"id,text\n1,hello\n".to_vec(), "not a demarche model"),
            (good[..good.len() / 2].to_vec(), "damaged"),
            (
                {
                    let mut b = good.clone();
                    let mid = b.len() / 2;
                    b[mid] ^= 0xff;
                    b
                },
                "damaged",
            ),
            (
                {
                    let mut b = good.clone();
                    b[file::MAGIC.len()] = 99;
                    b
                },
                "format version 99",
            ),
        ];
        for (bytes, expect) in cases {
            std::fs::write(&path, &bytes).unwrap();
            let err = Model::load(&path).unwrap_err();
            let msg = err.to_string();
            assert!(msg.contains("m.dmm") && msg.contains(expect), "{msg}");
            assert_eq!(err.exit_code(), 1);
        }
        let mut odd = model.clone();
        odd.card.features.word_ngrams = [0, 3];
        odd.save(&path).unwrap();
        let msg = Model::load(&path).unwrap_err().to_string();
        assert!(
            msg.contains("damaged model file: word n-gram range"),
            "{msg}"
        );
        let err = Model::load(&dir.path().join("missing.dmm")).unwrap_err();
        assert!(err.to_string().contains("missing.dmm"));
    }
}
