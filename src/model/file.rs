//! The model file: a compact binary layout that loads without parsing numbers from text.
//!
//! ```text
//! MAGIC                      "DEMARCHE-MODEL\n"
//! u32 LE                     format version
//! u64 LE, bytes              length and JSON of the header: model card and the shape of
//!                            each topic model (vocabulary size, block starts, labels, fits)
//! per topic model, in header order (the global one first):
//!   u64 LE × V               term hashes
//!   f32 LE × V               IDF weights
//!   u32 LE × V, bytes        term text lengths, then the texts
//!   per classifier: f32 LE × V·K weights (feature-major), f32 LE × K intercepts
//! [u8; 32]                   SHA-256 of everything before it
//! ```
//! Any other version, a bad checksum or a size that does not add up is an error naming the
//! file: a model is never half-read.

use super::logistic::{FitReport, FittedLogistic};
use super::{Classifier, Ensemble, Model, ModelCard, SpeakerStage, TopicModel};
use crate::dataset::{Task, OFF_TOPIC, ON_TOPIC};
use crate::error::{Error, Result};
use crate::features::Vectorizer;
use crate::hash::hex;
use crate::hash::term_hash;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::Path;

pub(super) const MAGIC: &[u8] = b"DEMARCHE-MODEL\n";
/// Bumped on any change of the layout or of the feature extraction. Version 2 added the
/// relevance classifier and the context features; version 1 files read as version 2 files
/// without them.
pub const FORMAT_VERSION: u32 = 2;
const OLDEST_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Header {
    card: ModelCard,
    models: Vec<ModelHeader>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    speaker_stage: Option<SpeakerStage>,
}

#[derive(Serialize, Deserialize)]
struct ModelHeader {
    /// `None` for the global model.
    topic: Option<String>,
    vocabulary: usize,
    char_start: usize,
    extra_start: usize,
    names_bytes: usize,
    classifiers: Vec<ClassifierHeader>,
}

#[derive(Serialize, Deserialize)]
struct ClassifierHeader {
    task: Task,
    labels: Vec<String>,
    report: FitReport,
}

pub(super) fn encode(model: &Model) -> Vec<u8> {
    let ensemble = &model.ensemble;
    let parts: Vec<(Option<&str>, &TopicModel)> = std::iter::once((None, &ensemble.global))
        .chain(ensemble.topics.iter().map(|(k, m)| (Some(k.as_str()), m)))
        .collect();
    let header = Header {
        speaker_stage: model.stage.clone(),
        card: model.card.clone(),
        models: parts
            .iter()
            .map(|(topic, m)| {
                let (char_start, extra_start) = m.vectorizer.block_starts();
                ModelHeader {
                    topic: topic.map(str::to_string),
                    vocabulary: m.vectorizer.len(),
                    char_start,
                    extra_start,
                    names_bytes: m.vectorizer.names().iter().map(String::len).sum(),
                    classifiers: classifiers(m)
                        .map(|(task, c)| ClassifierHeader {
                            task,
                            labels: c.labels.clone(),
                            report: c.fitted.report().clone(),
                        })
                        .collect(),
                }
            })
            .collect(),
    };
    let json = serde_json::to_vec(&header).expect("the header serialises");
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(json.len() as u64).to_le_bytes());
    out.extend_from_slice(&json);
    for (_, m) in &parts {
        let v = &m.vectorizer;
        v.hashes()
            .iter()
            .for_each(|h| out.extend_from_slice(&h.to_le_bytes()));
        v.idf()
            .iter()
            .for_each(|w| out.extend_from_slice(&w.to_le_bytes()));
        v.names()
            .iter()
            .for_each(|n| out.extend_from_slice(&(n.len() as u32).to_le_bytes()));
        v.names()
            .iter()
            .for_each(|n| out.extend_from_slice(n.as_bytes()));
        for (_, c) in classifiers(m) {
            c.fitted
                .weights
                .iter()
                .for_each(|w| out.extend_from_slice(&w.to_le_bytes()));
            c.fitted
                .intercept
                .iter()
                .for_each(|w| out.extend_from_slice(&w.to_le_bytes()));
        }
    }
    let sum = Sha256::digest(&out);
    out.extend_from_slice(&sum);
    out
}

fn classifiers(m: &TopicModel) -> impl Iterator<Item = (Task, &Classifier)> {
    [
        (Task::Stance, m.stance.as_ref()),
        (Task::Sentiment, m.sentiment.as_ref()),
        (Task::Relevance, m.relevance.as_ref()),
        (Task::Article, m.article.as_ref()),
    ]
    .into_iter()
    .filter_map(|(t, c)| c.map(|c| (t, c)))
}

/// The first 8 hex digits of the file's checksum: names a model version.
pub(super) fn short_id(bytes: &[u8]) -> String {
    match bytes.len().checked_sub(32) {
        Some(at) if bytes.starts_with(MAGIC) => hex(&bytes[at..at + 4]),
        _ => hex(&Sha256::digest(bytes)[..4]),
    }
}

/// Reads the byte sections in order, failing on a short file.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> std::result::Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end =
            end.ok_or_else(|| format!("damaged model file: truncated at byte {}", self.at))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn array<T, const N: usize>(
        &mut self,
        count: usize,
        f: fn([u8; N]) -> T,
    ) -> std::result::Result<Vec<T>, String> {
        let bytes = self.take(
            count
                .checked_mul(N)
                .ok_or("damaged model file: impossible size")?,
        )?;
        Ok(bytes
            .chunks_exact(N)
            .map(|c| f(c.try_into().expect("chunks of N bytes")))
            .collect())
    }
}

/// Reads a model file's bytes and checks that the content is a usable model.
pub(super) fn decode(bytes: &[u8], path: &Path) -> Result<Model> {
    decode_inner(bytes, true)
        .and_then(|model| {
            validate(&model.ensemble).map_err(|e| format!("damaged model file: {e}"))?;
            Ok(model)
        })
        .map_err(|message| Error::Model {
            path: path.to_path_buf(),
            message,
        })
}

/// Reads the built-in model without its checksum and [`validate`]: its bytes are part of the
/// binary and a test checks both, so each start need not pay for them again (hashing the
/// whole model is most of a start's time).
pub(super) fn decode_builtin(bytes: &[u8]) -> Model {
    decode_inner(bytes, false).expect("the built-in model is tested to load")
}

fn decode_inner(bytes: &[u8], verify: bool) -> std::result::Result<Model, String> {
    if !bytes.starts_with(MAGIC) {
        return Err("not a demarche model file".into());
    }
    let mut cur = Cursor {
        bytes,
        at: MAGIC.len(),
    };
    let version = u32::from_le_bytes(cur.take(4)?.try_into().expect("4 bytes"));
    if !(OLDEST_VERSION..=FORMAT_VERSION).contains(&version) {
        return Err(format!(
            "model file format version {version}, this demarche reads versions {OLDEST_VERSION} to {FORMAT_VERSION}: retrain the model"
        ));
    }
    let body_end = bytes
        .len()
        .checked_sub(32)
        .filter(|&e| e >= cur.at)
        .ok_or("damaged model file: truncated")?;
    if verify && Sha256::digest(&bytes[..body_end]).as_slice() != &bytes[body_end..] {
        return Err("damaged model file: checksum mismatch".into());
    }
    let cur = &mut Cursor {
        bytes: &bytes[..body_end],
        at: cur.at,
    };
    let header_len = u64::from_le_bytes(cur.take(8)?.try_into().expect("8 bytes"));
    let header_len = usize::try_from(header_len).map_err(|_| "damaged model file: header size")?;
    let header: Header = serde_json::from_slice(cur.take(header_len)?)
        .map_err(|e| format!("damaged model file header: {e}"))?;
    let settings = header.card.features.clone();
    settings
        .check()
        .map_err(|e| format!("damaged model file: {e}"))?;
    let mut global = None;
    let mut topics = std::collections::BTreeMap::new();
    for mh in header.models {
        let v = mh.vocabulary;
        if !(mh.char_start <= mh.extra_start && mh.extra_start <= v) {
            return Err("damaged model file: block starts out of range".into());
        }
        let hashes = cur.array(v, u64::from_le_bytes)?;
        let idf = cur.array(v, f32::from_le_bytes)?;
        let lengths = cur.array(v, u32::from_le_bytes)?;
        let blob = cur.take(mh.names_bytes)?;
        let blob =
            std::str::from_utf8(blob).map_err(|_| "damaged model file: term text is not UTF-8")?;
        let mut names = Vec::with_capacity(v);
        let mut at = 0usize;
        for len in lengths {
            let end = at + len as usize;
            let name = blob
                .get(at..end)
                .ok_or("damaged model file: term texts do not add up")?;
            names.push(name.to_string());
            at = end;
        }
        if at != blob.len() {
            return Err("damaged model file: term texts do not add up".into());
        }
        let vectorizer = Vectorizer::from_parts(
            settings.clone(),
            hashes,
            names,
            idf,
            mh.char_start,
            mh.extra_start,
        );
        let mut model = TopicModel {
            vectorizer,
            stance: None,
            sentiment: None,
            relevance: None,
            article: None,
        };
        for ch in mh.classifiers {
            let k = ch.labels.len();
            let weights = cur.array(
                v.checked_mul(k)
                    .ok_or("damaged model file: impossible size")?,
                f32::from_le_bytes,
            )?;
            let intercept = cur.array(k, f32::from_le_bytes)?;
            let fitted = FittedLogistic::from_parts(v, k, weights, intercept, ch.report)
                .ok_or("damaged model file: weights do not match the labels")?;
            let c = Some(Classifier {
                labels: ch.labels,
                fitted,
            });
            *model.slot(ch.task) = c;
        }
        match mh.topic {
            None if global.is_none() => global = Some(model),
            None => return Err("damaged model file: two global models".into()),
            Some(t) => {
                topics.insert(t, model);
            }
        }
    }
    if cur.at != cur.bytes.len() {
        return Err("damaged model file: trailing bytes".into());
    }
    let global = global.ok_or("damaged model file: no global model")?;
    if header.speaker_stage.as_ref().is_some_and(|s| !s.is_whole()) {
        return Err("damaged model file: the speaker stage's weights do not add up".into());
    }
    let model = Model {
        stage: header.speaker_stage,
        ensemble: Ensemble {
            global,
            topics,
            global_weight: header.card.global_weight,
        },
        card: header.card,
        name: String::new(),
    };
    Ok(model)
}

/// The largest IDF weight a model may hold (see [`validate`]).
const MAX_IDF: f32 = 1000.0;

/// Checks what the checksum cannot: that the content is a model that can classify. A file
/// whose checksum was recomputed after an edit, or written by a broken tool, could otherwise
/// panic on an empty label list or answer every statement the same way from NaN weights.
fn validate(ensemble: &Ensemble) -> std::result::Result<(), String> {
    let w = ensemble.global_weight;
    if !(0.0..=1.0).contains(&w) {
        return Err(format!("global weight {w} is not in [0, 1]"));
    }
    if ensemble.global.stance.is_none() && ensemble.global.sentiment.is_none() {
        return Err("the global model has no stance or sentiment classifier".into());
    }
    let parts = std::iter::once((None, &ensemble.global))
        .chain(ensemble.topics.iter().map(|(t, m)| (Some(t), m)));
    for (topic, m) in parts {
        let of = || match topic {
            Some(t) => format!("the model of topic {t:?}"),
            None => "the global model".to_string(),
        };
        let v = &m.vectorizer;
        if v.len() > u32::MAX as usize {
            return Err(format!(
                "{} has {} terms, more than a model can index",
                of(),
                v.len()
            ));
        }
        // Training gives ln((1 + rows) / (1 + df)) + 1: under 50 for any number of rows. A
        // larger one overflows the feature values into infinities.
        if let Some(i) = v.idf().iter().position(|x| !(0.0..=MAX_IDF).contains(x)) {
            return Err(format!(
                "{} has IDF weight {} for term {i}",
                of(),
                v.idf()[i]
            ));
        }
        if v.distinct_terms() != v.len() {
            return Err(format!("{} lists a term twice", of()));
        }
        // Each term is the term its hash says, in the block its text says: a term moved to
        // another block is weighed as the wrong kind (an extra feature's value of 0 taken as a
        // word count gave NaN probabilities).
        let (char_start, extra_start) = v.block_starts();
        for (i, (name, &hash)) in v.names().iter().zip(v.hashes()).enumerate() {
            let prefixes: &[&str] = if i < char_start {
                &["w:", "n:"]
            } else if i < extra_start {
                &["c:"]
            } else {
                &["x:"]
            };
            if !prefixes.iter().any(|p| name.starts_with(p)) || term_hash(name) != hash {
                return Err(format!(
                    "{} has term {i} {name:?} out of place or under another hash",
                    of()
                ));
            }
        }
        for (task, c) in classifiers(m) {
            let what = || format!("the {} classifier of {}", task.as_str(), of());
            if c.labels.len() < 2 {
                return Err(format!(
                    "{} has {} label(s); a classifier needs two or more",
                    what(),
                    c.labels.len()
                ));
            }
            let mut labels: Vec<&str> = c.labels.iter().map(String::as_str).collect();
            labels.sort_unstable();
            if let Some(p) = labels.windows(2).find(|p| p[0] == p[1]) {
                return Err(format!("{} has the label {:?} twice", what(), p[0]));
            }
            if labels.contains(&"") {
                return Err(format!("{} has an empty label", what()));
            }
            if matches!(task, Task::Relevance | Task::Article) && labels != [OFF_TOPIC, ON_TOPIC] {
                return Err(format!(
                    "{} has labels {labels:?}, not [{OFF_TOPIC:?}, {ON_TOPIC:?}]",
                    what()
                ));
            }
            let f = &c.fitted;
            if f.features != v.len() {
                return Err(format!(
                    "{} has weights for {} terms, its vocabulary {}",
                    what(),
                    f.features,
                    v.len()
                ));
            }
            if f.weights.iter().chain(&f.intercept).any(|x| !x.is_finite()) {
                return Err(format!(
                    "{} has a weight that is not a finite number",
                    what()
                ));
            }
        }
    }
    Ok(())
}
