//! demarche: who said what in diplomatic and political news, and where each speaker stands.
//!
//! Data flows one way: [`Article`] -> [`Quote`] (spans into the article, speaker mention, cue)
//! -> actor resolution -> features -> prediction -> per-actor report.

pub mod actor;
pub mod article;
pub mod context;
pub mod dataset;
pub mod error;
pub mod features;
pub mod gazetteer;
pub mod label;
pub mod lexicon;
pub mod model;
pub mod output;
pub mod quote;
pub mod report;
pub mod text;
pub mod topic;
mod wordset;

pub use article::Article;
pub use error::{Error, Result};
pub use features::ModelInput;
pub use label::{Sentiment, Stance};
pub use model::{LabelProbs, Model, Prediction};
pub use quote::{Quote, QuoteKind, QuoteRecord, Span, SpeakerKind};

/// Reads one article body and returns its attributed quotes, ordered by position: the
/// statements [`quote::find`] reads, with the speakers [`actor::attribute`] resolves.
pub fn extract(body: &str) -> Vec<Quote> {
    actor::attribute(body, &quote::find(body))
}
