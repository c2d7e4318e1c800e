//! demarche: who said what in diplomatic and political news, and where each speaker stands.
//!
//! Data flows one way: [`Article`] -> [`Quote`] (spans into the article, speaker mention, cue)
//! -> actor resolution -> features -> prediction -> per-actor report. [`Pipeline`] runs it
//! all: build one from a [`Model`] and options, then ask it for quotes ([`QuoteRecord`]),
//! classified quotes ([`ClassifiedQuote`]) or a [`Report`] with one [`ActorReport`] per
//! speaker. The fields it gives are those of the command line, described in
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
//!
//! # A model of your own
//!
//! [`model::train`] fits a model on labeled statements ([`dataset::Dataset`]: CSV files, or
//! folders of annotated articles); [`Model::predict`] asks it about one statement, and
//! [`Pipeline::new`] runs the whole way with it.
//!
//! ```
//! use demarche::dataset::{Dataset, ReadOptions};
//! use demarche::model::{self, TrainSettings};
//! use demarche::{Model, ModelInput, Stance};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let csv = dir.path().join("labeled.csv");
//! std::fs::write(
//!     &csv,
//!     "topic,text,stance\n\
//!      the treaty,We strongly support the treaty and welcome it.,favor\n\
//!      the treaty,We reject the treaty: a dangerous precedent.,against\n\
//!      the treaty,Talks on the treaty resume on Tuesday.,none\n\
//!      the treaty,Our government backs the treaty fully.,favor\n\
//!      the treaty,This treaty will never be accepted by us.,against\n\
//!      the treaty,The meeting is scheduled for noon.,none\n",
//! )
//! .unwrap();
//! let data = Dataset::read(&[csv], &ReadOptions::default())?;
//! let trained = model::train(&data, &TrainSettings::default())?;
//! let path = dir.path().join("treaty.dmm");
//! trained.save(&path)?;
//!
//! let model = Model::load(&path)?;
//! let prediction = model.predict(&ModelInput::new("We welcome the treaty.", "the treaty"));
//! let stance = prediction.stance.expect("the data has stance labels");
//! assert_eq!(stance.len(), 3);
//! assert!(stance.best_as::<Stance>().is_some());
//! # Ok::<(), demarche::Error>(())
//! ```

#![warn(unreachable_pub, unnameable_types)]

// The stages (the data flow above) and their helpers. Only what a library user or the
// `demarche` binary needs is public; the rest is `pub(crate)`.
pub mod actor;
pub mod article;
mod context;
pub mod dataset;
mod engine;
mod error;
pub mod features;
mod gazetteer;
mod hash;
mod label;
mod lexicon;
pub mod model;
pub mod output;
mod pipeline;
mod quote;
pub mod report;
mod text;
mod topic;
mod wordset;

pub use article::Article;
pub use error::{Error, Result, TrainError};
pub use features::ModelInput;
pub use label::{LabelProbs, Sentiment, Stance, UnknownLabel};
pub use model::{Model, Prediction};
pub use pipeline::{in_batches, ClassifiedQuote, Pipeline, Pull, Topic, BATCH};
pub use quote::{Quote, QuoteKind, QuoteRecord, SpeakerKind};
pub use report::{ActorReport, Report};
pub use text::Span;

/// Reads one article body and returns its attributed quotes, ordered by position: the quoted
/// and reported statements, each with its speaker resolved to an actor where the text names
/// one (a pronoun or a role refers back to the person last named).
///
/// ```
/// use demarche::{extract, QuoteKind};
///
/// let quotes = extract(
///     "\"We will never accept a plan that rewards separatism,\" Foreign Minister Ivan Petrov \
///      told reporters in Belgrade. He said talks would go on.",
/// );
/// assert_eq!(quotes[0].kind, QuoteKind::Direct);
/// assert_eq!(quotes[0].speaker.as_deref(), Some("Ivan Petrov"));
/// assert_eq!(quotes[0].text, "We will never accept a plan that rewards separatism");
/// ```
pub fn extract(body: &str) -> Vec<Quote> {
    actor::attribute(body, &quote::find(body))
}
