//! What `classify` and `report` share: the model and topic flags, and one article's quotes
//! extracted and scored.

use anyhow::Result;
use clap::Args;
use demarche::context::{self, Layout};
use demarche::features::Context;
use demarche::model::Model;
use demarche::report::{Probs, ScoredQuote};
use demarche::topic::{TopicSignals, TopicTerms};
use demarche::{Article, LabelProbs, ModelInput, QuoteRecord};
use std::path::PathBuf;

#[derive(Debug, Clone, Args)]
pub struct ModelArgs {
    /// The topic stance is taken toward, as a user would phrase it ("independence for Kosovo").
    #[arg(long, value_name = "TEXT")]
    pub topic: String,
    /// Model file written by `demarche train` [default: the built-in model].
    #[arg(long, value_name = "MODEL")]
    pub model: Option<PathBuf>,
}

/// The model to use: loaded from `--model`, or the built-in one.
pub enum LoadedModel {
    Builtin(&'static Model),
    File(Box<Model>),
}

impl LoadedModel {
    pub fn open(args: &ModelArgs) -> Result<LoadedModel> {
        if args.topic.trim().is_empty() {
            return Err(super::UsageError("--topic must not be empty".into()).into());
        }
        Ok(match &args.model {
            Some(path) => LoadedModel::File(Box::new(Model::load(path)?)),
            None => LoadedModel::Builtin(Model::builtin()),
        })
    }

    pub fn get(&self) -> &Model {
        match self {
            LoadedModel::Builtin(m) => m,
            LoadedModel::File(m) => m,
        }
    }
}

/// One quote with what the model says about it.
pub struct Classified {
    pub record: QuoteRecord,
    pub stance: Option<LabelProbs>,
    pub sentiment: Option<LabelProbs>,
    /// The probability that the quote addresses the topic, when the model says.
    pub relevance: Option<f64>,
    /// The features behind the stance, when asked for (`--explain`).
    pub explain: Vec<(String, f64)>,
}

/// Extracts an article's quotes and classifies each toward `topic`; `explain` features per
/// quote (0 for none).
pub fn classify_article(
    model: &Model,
    topic: &str,
    article: &Article,
    explain: usize,
) -> Vec<Classified> {
    let body = &article.body;
    let quotes = demarche::extract(body);
    let layout = Layout::new(body, article.title.as_deref());
    let contexts = context::contexts(body, &layout, &quotes);
    let signals = TopicSignals::new(
        &TopicTerms::new(topic),
        layout.title.as_deref(),
        &layout.texts(body),
    );
    quotes
        .iter()
        .zip(&contexts)
        .enumerate()
        .map(|(i, (q, c))| {
            let record = q.record(&article.id, i, body);
            let input = ModelInput {
                text: &record.text,
                topic,
                cue: record.cue.as_deref(),
                kind: Some(record.kind),
                context: Some(Context {
                    sentence: c.sentence.text(body),
                    before: c.before.map_or("", |b| b.text(body)),
                    article: Some((&signals, c.paragraph)),
                }),
            };
            let prediction = model.predict(&input);
            let explain = if explain > 0 {
                model.explain(&input, explain)
            } else {
                Vec::new()
            };
            Classified {
                stance: prediction.stance,
                sentiment: prediction.sentiment,
                relevance: prediction.relevance,
                explain,
                record,
            }
        })
        .collect()
}

/// Labels and probabilities in display order.
pub fn probs(p: &LabelProbs) -> Probs {
    Probs::ordered(p.iter().map(|(l, v)| (l.to_string(), v)))
}

impl Classified {
    /// The report's view of this quote.
    /// Documents and speakers known only by a common noun are no actors: their quotes count
    /// as unattributed.
    pub fn scored(&self, article: &Article) -> ScoredQuote {
        let actor = self
            .record
            .speaker_kind
            .is_none_or(demarche::SpeakerKind::is_actor);
        ScoredQuote {
            article: article.id.clone(),
            date: article.date.clone(),
            speaker: self
                .record
                .speaker
                .clone()
                .filter(|_| actor)
                .unwrap_or_default(),
            affiliation: self.record.affiliation.clone(),
            source_text: self.record.source_text.clone(),
            kind: self.record.kind,
            text: self.record.text.clone(),
            stance_probs: self.stance.as_ref().map(|p| probs(p).0).unwrap_or_default(),
            sentiment_probs: self.sentiment.as_ref().map(|p| probs(p).0),
        }
    }
}
