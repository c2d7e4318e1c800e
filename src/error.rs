//! The library's one error type. Every variant names the file and, for data, the line.

use std::io;
use std::path::PathBuf;

/// What went wrong, with enough position to find it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed (exit code 1).
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    /// Input data that cannot be processed: a bad article record, a bad CSV row (exit code 2).
    #[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Input {
        path: PathBuf,
        line: Option<u64>,
        message: String,
    },
    /// A model file that is not a demarche model, is damaged, or has the wrong version (exit 1).
    #[error("{path}: {message}")]
    Model { path: PathBuf, message: String },
    /// Training could not run (bad settings or too few labels: exit 2) or failed (exit 1).
    #[error(transparent)]
    Train(#[from] crate::model::TrainError),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub fn input(path: impl Into<PathBuf>, line: Option<u64>, message: impl Into<String>) -> Error {
        Error::Input {
            path: path.into(),
            line,
            message: message.into(),
        }
    }

    /// The process exit code the contract gives this failure: 2 for bad input data, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Input { .. } => 2,
            Error::Io { source, .. } if source.kind() == io::ErrorKind::NotFound => 2,
            Error::Train(e) => e.exit_code(),
            _ => 1,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
