//! The library's one error type. Every variant names the file and, for data, the line.

use std::io;
use std::path::PathBuf;

/// What went wrong, with enough position to find it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading a file failed: exit code 2 when it does not exist (a path the user got wrong),
    /// 1 otherwise. The I/O error is part of the message, not a separate cause, so the
    /// binary's one-line error does not repeat it.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: io::Error,
    },
    /// Writing an output file failed (exit code 1, even when its directory does not exist).
    #[error("{path}: cannot write: {error}")]
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: io::Error,
    },
    /// Input data that cannot be processed: a bad article record, a bad CSV row (exit code 2).
    #[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Input {
        /// The file (or a name for data given in memory).
        path: PathBuf,
        /// The line, from 1, when the data has lines.
        line: Option<u64>,
        /// What is wrong with it.
        message: String,
    },
    /// A model file that is not a demarche model, is damaged, or has the wrong version (exit 1).
    #[error("{path}: {message}")]
    Model {
        /// The model file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// A setting that cannot work, such as an empty topic (exit code 2).
    #[error("{0}")]
    Usage(String),
    /// Training could not run (bad settings or too few labels: exit 2) or failed (exit 1).
    #[error(transparent)]
    Train(#[from] TrainError),
}

impl Error {
    /// A failure to read `path`.
    pub fn io(path: impl Into<PathBuf>, error: io::Error) -> Error {
        Error::Io {
            path: path.into(),
            error,
        }
    }

    /// A failure to write `path`.
    pub fn write(path: impl Into<PathBuf>, error: io::Error) -> Error {
        Error::Write {
            path: path.into(),
            error,
        }
    }

    /// Bad input data in `path`, at `line` when known.
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
            Error::Input { .. } | Error::Usage(_) => 2,
            Error::Io { error, .. } if error.kind() == io::ErrorKind::NotFound => 2,
            Error::Train(e) => e.exit_code(),
            _ => 1,
        }
    }
}

/// A result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why training failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TrainError {
    /// The feature settings cannot work (exit code 2).
    #[error("bad feature settings: {0}")]
    Features(#[from] SettingsError),
    /// The logistic regression's settings cannot work (exit code 2).
    #[error("bad training settings: {0}")]
    Settings(LogisticError),
    /// The data set has no labeled rows (exit code 2).
    #[error("no labeled rows to train on")]
    NoRows,
    /// A task's labels in the data are fewer than two (exit code 2).
    #[error("{task} needs at least two labels to learn, the data has {found:?}")]
    TooFewLabels {
        /// The task (`stance`, `sentiment`, ...).
        task: &'static str,
        /// The labels the data has for it.
        found: Vec<String>,
    },
    /// [`crate::model::TrainSettings::global_weight`] is outside [0, 1] (exit code 2).
    #[error("global weight must be in [0, 1], got {0}")]
    GlobalWeight(f64),
    /// Cross-validation asked for fewer than two folds or more folds than rows (exit code 2).
    #[error("--cv {k} needs 2 <= K <= rows ({rows})")]
    Folds {
        /// The folds asked for.
        k: usize,
        /// The rows there are.
        rows: usize,
    },
    /// Holding topics out leaves no rows to train or to test on (exit code 2).
    #[error("held-out topics leave {train} training rows and {test} test rows; both must be > 0")]
    Holdout {
        /// Rows left to train on.
        train: usize,
        /// Rows held out.
        test: usize,
    },
    /// The optimiser failed (exit code 1).
    #[error("training the {task} model{} failed: {source}", topic.as_ref().map(|t| format!(" of topic {t:?}")).unwrap_or_default())]
    Fit {
        /// The task being fitted.
        task: &'static str,
        /// The topic of a per-topic model, `None` for the global one.
        topic: Option<String>,
        /// What the optimiser said.
        source: LogisticError,
    },
}

impl TrainError {
    /// 1 when the optimiser failed, 2 when settings or data make training impossible.
    pub fn exit_code(&self) -> u8 {
        match self {
            TrainError::Fit { .. } => 1,
            _ => 2,
        }
    }
}

/// Why training could not run or failed, with the numbers that explain it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LogisticError {
    #[error("C must be finite and > 0, got {0}")]
    InvalidC(f64),
    #[error("tolerance must be finite and > 0, got {0}")]
    InvalidTolerance(f64),
    #[error("max_iterations must be at least 1")]
    NoIterations,
    #[error("L-BFGS history must be at least 1")]
    NoHistory,
    #[error("{rows} feature rows but {labels} labels")]
    LabelsMismatch { rows: usize, labels: usize },
    #[error("need at least two classes, got {found}")]
    TooFewClasses { found: usize },
    #[error("label {label} out of range for {classes} classes")]
    LabelOutOfRange { label: usize, classes: usize },
    #[error("class {class} has no rows")]
    EmptyClass { class: usize },
    #[error("the optimiser failed: {0}")]
    Solver(String),
    #[error("training diverged: the objective is {0}")]
    NonFinite(f64),
    /// An error from linfa's dataset handling, as text (linfa's error cannot be compared).
    #[error("linfa: {0}")]
    Linfa(String),
}

/// A setting that makes no sense, named with the reason.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SettingsError {
    #[error("{name} n-gram range {min}..={max} is invalid (need 1 <= min <= max <= {limit}, or 0..=0 for none)")]
    NgramRange {
        name: &'static str,
        min: u8,
        max: u8,
        limit: u8,
    },
    #[error("min_df must be at least 1, got {0}")]
    MinDf(u32),
    #[error("max_features must be at least 1")]
    MaxFeatures,
    #[error("extra_weight must be in [0, {max}], got {value}")]
    ExtraWeight { value: f32, max: f32 },
    #[error("char_weight must be in (0, {max}], got {value}")]
    CharWeight { value: f32, max: f32 },
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn io_errors_say_it_once_and_map_to_the_contract() {
        let missing = Error::io("in.txt", io::Error::from(io::ErrorKind::NotFound));
        assert!(
            missing.source().is_none(),
            "the cause would be printed twice"
        );
        assert_eq!(missing.exit_code(), 2);
        let denied = Error::io("in.txt", io::Error::from(io::ErrorKind::PermissionDenied));
        assert_eq!(denied.exit_code(), 1);
        let no_dir = Error::write("out/x.json", io::Error::from(io::ErrorKind::NotFound));
        assert_eq!(no_dir.exit_code(), 1);
        assert!(no_dir.to_string().starts_with("out/x.json: cannot write: "));
    }
}
