//! What `classify` and `report` share: the topic and model flags.

use anyhow::{Context, Result};
use clap::Args;
use demarche::{Model, Topic};
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

impl ModelArgs {
    /// The topic (checked first: an empty one is a usage error) and the model.
    pub fn open(&self) -> Result<(Topic, LoadedModel)> {
        let topic = Topic::new(&self.topic).context("--topic")?;
        let model = match &self.model {
            Some(path) => LoadedModel::File(Box::new(Model::load(path)?)),
            None => LoadedModel::Builtin(Model::builtin()),
        };
        Ok((topic, model))
    }
}

impl LoadedModel {
    pub fn get(&self) -> &Model {
        match self {
            LoadedModel::Builtin(m) => m,
            LoadedModel::File(m) => m,
        }
    }
}
