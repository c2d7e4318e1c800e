//! Stance and sentiment models.

pub mod logistic;
