//! The learning engine: multinomial logistic regression on sparse rows ([`logistic`]) and the
//! optimiser's vectors it runs on. It knows nothing of quotes, topics or actors, so the
//! stance models ([`crate::model`]) and the speaker ranker ([`crate::actor`]) both build on
//! it without depending on each other.

pub mod logistic;
mod vector;
