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
    /// The sentence around the quote, with its attribution.
    pub context: String,
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
    // Measuring the article against the topic reads every word of it: only for models that
    // use it.
    let signals = model.reads_context().then(|| {
        TopicSignals::new(
            &TopicTerms::new(topic),
            layout.title.as_deref(),
            &layout.texts(body),
        )
    });
    let records: Vec<QuoteRecord> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| q.record(&article.id, i, body))
        .collect();
    let speakers: Vec<Option<String>> = quotes
        .iter()
        .map(|q| context::speaker_text(q, body))
        .collect();
    let inputs: Vec<ModelInput> = records
        .iter()
        .zip(&speakers)
        .zip(&contexts)
        .map(|((record, speaker), c)| ModelInput {
            text: &record.text,
            topic,
            cue: record.cue.as_deref(),
            kind: Some(record.kind),
            speaker: speaker.as_deref(),
            context: Some(Context {
                sentence: c.sentence.text(body),
                before: c.before.map_or("", |b| b.text(body)),
                article: signals.as_ref().map(|s| (s, c.paragraph)),
            }),
        })
        .collect();
    let actors: Vec<Option<&str>> = quotes.iter().map(|q| q.speaker.as_deref()).collect();
    let predictions = model.predict_article(&inputs, &actors);
    let explained: Vec<Vec<(String, f64)>> = inputs
        .iter()
        .map(|input| {
            if explain > 0 {
                model.explain(input, explain)
            } else {
                Vec::new()
            }
        })
        .collect();
    records
        .into_iter()
        .zip(predictions)
        .zip(explained)
        .zip(&contexts)
        .map(|(((record, prediction), explain), c)| Classified {
            stance: prediction.stance,
            sentiment: prediction.sentiment,
            relevance: prediction.relevance,
            context: c.sentence.text(body).to_string(),
            explain,
            record,
        })
        .collect()
}

/// Labels and probabilities in display order.
pub fn probs(p: &LabelProbs) -> Probs {
    Probs::ordered(p.iter().map(|(l, v)| (l.to_string(), v)))
}

impl Classified {
    /// The report's view of this quote.
    pub fn scored(&self, article: &Article) -> ScoredQuote {
        ScoredQuote {
            article: article.id.clone(),
            date: article.date.clone(),
            speaker: self.record.speaker.clone().unwrap_or_default(),
            affiliation: None,
            source_text: self.record.source_text.clone(),
            kind: self.record.kind,
            text: self.record.text.clone(),
            stance_probs: self.stance.as_ref().map(|p| probs(p).0).unwrap_or_default(),
            sentiment_probs: self.sentiment.as_ref().map(|p| probs(p).0),
            relevance: self.relevance,
        }
    }
}
