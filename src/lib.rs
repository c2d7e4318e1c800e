//! demarche: who said what in diplomatic and political news, and where each speaker stands.
//!
//! Data flows one way: [`Article`] -> [`Quote`] (spans into the article, speaker mention, cue)
//! -> actor resolution -> features -> prediction -> per-actor report. [`Pipeline`] runs it
//! all: build one from a [`Model`] and options, then ask it for quotes, classified quotes or a
//! report. The fields it gives are those of the command line, described in
//! `docs/contract.md`; the labels are defined in `docs/labels.md`.
//!
//! ```
//! use demarche::{Article, Pipeline, Topic};
//!
//! let mut article = Article::from_text(
//!     "belgrade-talks.txt",
//!     "Serbia rejects the plan.\n\n\"We will never accept a plan that rewards separatism,\" \
//!      Foreign Minister Ivan Petrov told reporters in Belgrade.",
//! );
//! article.date = Some("2007-02-10".into());
//! let topic = Topic::new("independence for Kosovo")?;
//! let pipeline = Pipeline::default(); // the built-in model
//!
//! for row in pipeline.classify(&article, &topic) {
//!     println!(
//!         "{}: {:?} ({:?})",
//!         row.quote.speaker.as_deref().unwrap_or("?"),
//!         row.stance_label(),
//!         row.relevance,
//!     );
//! }
//!
//! // Many articles go through parallel batches; the report has one row per speaker.
//! let report = pipeline.report([Ok::<_, demarche::Error>(article)], &topic)?;
//! let petrov = &report.actors[0];
//! assert_eq!(petrov.actor, "Ivan Petrov");
//! assert_eq!(petrov.first_seen.as_deref(), Some("2007-02-10"));
//! # Ok::<(), demarche::Error>(())
//! ```

pub mod actor;
pub mod article;
pub mod context;
pub mod dataset;
pub mod error;
pub mod features;
pub mod gazetteer;
mod hash;
pub mod label;
pub mod lexicon;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod quote;
pub mod report;
pub mod text;
pub mod topic;
mod wordset;

pub use article::Article;
pub use error::{Error, Result};
pub use features::ModelInput;
pub use label::{LabelProbs, Sentiment, Stance};
pub use model::{Model, Prediction};
pub use pipeline::{ClassifiedQuote, Pipeline, Topic};
pub use quote::{Quote, QuoteKind, QuoteRecord, SpeakerKind};
pub use text::Span;

/// Reads one article body and returns its attributed quotes, ordered by position: the
/// statements [`quote::find`] reads, with the speakers [`actor::attribute`] resolves.
pub fn extract(body: &str) -> Vec<Quote> {
    actor::attribute(body, &quote::find(body))
}
