//! What `classify` and `report` share: the topic and model flags.

use anyhow::{Context, Result};
use clap::Args;
use demarche::{Model, Topic};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Args)]
pub struct ModelArgs {
    /// The topic stance is taken toward, as a user would phrase it ("independence for Kosovo");
    /// give it several times for several topics in one pass.
    #[arg(long, value_name = "TEXT", required_unless_present = "topics")]
    pub topic: Vec<String>,
    /// A file of topics, one a line (blank lines and lines starting with `#` skipped), after
    /// any --topic.
    #[arg(long, value_name = "FILE")]
    pub topics: Option<PathBuf>,
    /// Model file written by `demarche train` [default: the built-in model].
    #[arg(long, value_name = "MODEL")]
    pub model: Option<PathBuf>,
}

/// The model to use: loaded from `--model`, or the built-in one.
pub enum LoadedModel {
    Builtin(&'static Model),
    File(Box<Model>),
}

/// The topics of a `--topics` file: one a line, blank lines and `#` comments skipped.
fn read_topics(path: &Path) -> demarche::Result<Vec<(String, u64)>> {
    let text = std::fs::read(path).map_err(|e| demarche::Error::io(path, e))?;
    let text = String::from_utf8(text)
        .map_err(|_| demarche::Error::input(path, None, "not UTF-8 text"))?;
    Ok(text
        .lines()
        .enumerate()
        .map(|(i, l)| (l.trim_start_matches('\u{feff}').trim(), i as u64 + 1))
        .filter(|(l, _)| !l.is_empty() && !l.starts_with('#'))
        .map(|(l, n)| (l.to_string(), n))
        .collect())
}

impl ModelArgs {
    /// The topics (checked first: an empty or repeated one is a usage error) and the model.
    pub fn open(&self) -> Result<(Vec<Topic>, LoadedModel)> {
        let mut topics: Vec<Topic> = Vec::new();
        let mut add = |text: &str, from: &dyn Fn() -> String| -> Result<()> {
            let topic = Topic::new(text).with_context(from)?;
            if topics.iter().any(|t| t.as_str() == topic.as_str()) {
                return Err(super::UsageError(format!(
                    "{}: topic {:?} given twice",
                    from(),
                    topic.as_str()
                ))
                .into());
            }
            topics.push(topic);
            Ok(())
        };
        for t in &self.topic {
            add(t, &|| "--topic".to_string())?;
        }
        if let Some(path) = &self.topics {
            let lines = read_topics(path)?;
            if lines.is_empty() {
                return Err(demarche::Error::input(path, None, "no topic in it").into());
            }
            for (t, line) in lines {
                add(&t, &|| format!("{}:{line}", path.display()))?;
            }
        }
        let model = match &self.model {
            Some(path) => LoadedModel::File(Box::new(Model::load(path)?)),
            None => LoadedModel::Builtin(Model::builtin()),
        };
        Ok((topics, model))
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
