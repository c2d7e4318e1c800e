//! The Rust half of the `demarche` Python package: the library's pipeline over articles given
//! as columns of strings, with results handed back as columns. The Python half
//! (`demarche/__init__.py`) turns strings, lists and pandas objects into those columns and the
//! columns into DataFrames.
//!
//! The GIL is released while the pipeline works; articles go through the library's parallel
//! batches, as on the command line. Errors become `demarche._demarche.Error` carrying the
//! library's one-line message, its exit code and its kind, which the Python half raises as
//! the matching exception class.

use demarche::dataset::{Columns, Dataset, ReadOptions, Task};
use demarche::features::FeatureSettings;
use demarche::in_batches;
use demarche::model::logistic::{ClassWeight, LogisticParams};
use demarche::model::{train as fit, TrainSettings};
use demarche::report::{label_order, ActorDictionary, GroupBy, Period};
use demarche::{Article, ClassifiedQuote, Model, Pipeline, QuoteRecord, Topic};
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pyo3::create_exception!(_demarche, Error, PyException);

/// The library's error as `Error(message, exit_code, kind)`.
fn raise(e: demarche::Error) -> PyErr {
    let kind = match &e {
        demarche::Error::Model { .. } => "model",
        demarche::Error::Io { .. } | demarche::Error::Write { .. } => "io",
        _ if e.exit_code() == 2 => "input",
        _ => "other",
    };
    Error::new_err((e.to_string(), e.exit_code(), kind))
}

/// The built-in model, or one loaded or trained.
#[derive(Clone)]
enum Held {
    Builtin,
    Owned(Arc<Model>),
}

impl Held {
    fn get(&self) -> &Model {
        match self {
            Held::Builtin => Model::builtin(),
            Held::Owned(m) => m,
        }
    }
}

/// A stance and sentiment model.
#[pyclass(name = "Model", module = "demarche._demarche", frozen)]
struct PyModel {
    held: Held,
}

#[pymethods]
impl PyModel {
    /// The model built into demarche.
    #[staticmethod]
    fn builtin() -> PyModel {
        PyModel {
            held: Held::Builtin,
        }
    }

    /// Reads a model file written by `save` or `demarche train`.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<PyModel> {
        let model = py.detach(|| Model::load(&path)).map_err(raise)?;
        Ok(PyModel {
            held: Held::Owned(Arc::new(model)),
        })
    }

    /// Writes the model file, whole or not at all.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let held = self.held.clone();
        py.detach(|| held.get().save(&path)).map_err(raise)
    }

    /// `demarche-default@<id>`, `<file stem>@<id>` or `trained@<id>`.
    #[getter]
    fn name(&self) -> String {
        self.held.get().name()
    }

    /// The model card (what it was trained on and how), as JSON.
    fn card_json(&self) -> String {
        serde_json::to_string(self.held.get().card()).expect("a card serializes")
    }

    /// The labels of `task` (`stance`, `sentiment`) in display order, or None.
    fn labels(&self, task: &str) -> Option<Vec<String>> {
        let task = match task {
            "stance" => Task::Stance,
            "sentiment" => Task::Sentiment,
            _ => return None,
        };
        self.held.get().labels(task).map(ordered)
    }
}

fn ordered(labels: &[String]) -> Vec<String> {
    let mut v = labels.to_vec();
    v.sort_by(|a, b| label_order(a, b));
    v
}

/// Articles from columns: ids and texts, and optional titles, dates and sources.
fn articles(
    ids: Vec<String>,
    texts: Vec<String>,
    titles: Option<Vec<Option<String>>>,
    dates: Option<Vec<Option<String>>>,
    sources: Option<Vec<Option<String>>>,
) -> Vec<Article> {
    let at = |c: &Option<Vec<Option<String>>>, i: usize| {
        c.as_ref().and_then(|c| c.get(i).cloned().flatten())
    };
    ids.into_iter()
        .zip(texts)
        .enumerate()
        .map(|(i, (id, body))| Article {
            id,
            body,
            title: at(&titles, i),
            date: at(&dates, i),
            source: at(&sources, i),
        })
        .collect()
}

/// Every article's results, in input order, through the library's parallel batches.
fn all<T: Send>(articles: Vec<Article>, work: impl Fn(&Article) -> Vec<T> + Sync) -> Vec<T> {
    let mut out = Vec::new();
    let done = in_batches(
        articles.into_iter().map(Ok::<_, Infallible>),
        work,
        |_, rows| {
            out.extend(rows);
            Ok(())
        },
    );
    match done {
        Ok(_) => out,
        Err(never) => match never {},
    }
}

/// Column name -> Python list, in insertion order.
struct Frame<'py> {
    dict: Bound<'py, PyDict>,
}

impl<'py> Frame<'py> {
    fn new(py: Python<'py>) -> Frame<'py> {
        Frame {
            dict: PyDict::new(py),
        }
    }

    fn column<T, I>(&self, name: &str, values: I) -> PyResult<()>
    where
        I: IntoIterator<Item = T>,
        I::IntoIter: ExactSizeIterator,
        T: IntoPyObject<'py>,
    {
        let list = PyList::new(self.dict.py(), values)?;
        self.dict.set_item(name, list)
    }
}

/// The quote columns of `docs/contract.md` (the CSV's).
fn quote_columns<'py, R>(
    f: &Frame<'py>,
    rows: &[R],
    q: impl Fn(&R) -> &QuoteRecord,
) -> PyResult<()> {
    let it = || rows.iter().map(&q);
    f.column("article", it().map(|r| r.article.as_str()))?;
    f.column("index", it().map(|r| r.index))?;
    f.column("speaker", it().map(|r| r.speaker.as_deref()))?;
    f.column("source_text", it().map(|r| r.source_text.as_deref()))?;
    f.column("source_start", it().map(|r| r.source_start))?;
    f.column("source_end", it().map(|r| r.source_end))?;
    f.column("cue", it().map(|r| r.cue.as_deref()))?;
    f.column("cue_start", it().map(|r| r.cue_start))?;
    f.column("cue_end", it().map(|r| r.cue_end))?;
    f.column("kind", it().map(|r| r.kind.as_str()))?;
    f.column("text", it().map(|r| r.text.as_str()))?;
    f.column("start", it().map(|r| r.start))?;
    f.column("end", it().map(|r| r.end))?;
    Ok(())
}

/// Attributed quotes, as columns.
#[pyfunction]
#[pyo3(signature = (ids, texts, titles=None, dates=None, sources=None))]
fn quotes<'py>(
    py: Python<'py>,
    ids: Vec<String>,
    texts: Vec<String>,
    titles: Option<Vec<Option<String>>>,
    dates: Option<Vec<Option<String>>>,
    sources: Option<Vec<Option<String>>>,
) -> PyResult<Bound<'py, PyDict>> {
    let articles = articles(ids, texts, titles, dates, sources);
    let pipeline = Pipeline::default();
    let rows = py.detach(|| all(articles, |a| pipeline.quotes(a)));
    let f = Frame::new(py);
    quote_columns(&f, &rows, |r| r)?;
    Ok(f.dict)
}

fn model_of(model: Option<&Bound<'_, PyModel>>) -> Held {
    model.map_or(Held::Builtin, |m| m.get().held.clone())
}

/// The topics, checked as the command line checks them: at least one, none empty, none twice.
fn topics_of(texts: &[String]) -> PyResult<Vec<Topic>> {
    let mut topics: Vec<Topic> = Vec::with_capacity(texts.len());
    for text in texts {
        let topic = Topic::new(text).map_err(raise)?;
        if topics.iter().any(|t| t.as_str() == topic.as_str()) {
            return Err(raise(demarche::Error::Usage(format!(
                "topic {:?} given twice",
                topic.as_str()
            ))));
        }
        topics.push(topic);
    }
    if topics.is_empty() {
        return Err(raise(demarche::Error::Usage("no topic given".into())));
    }
    Ok(topics)
}

/// Quotes with stance toward each of `topics` and sentiment, as columns: one row per quote
/// and topic, each quote's rows together, topics in the order given (as `classify` writes
/// them).
#[pyfunction]
#[pyo3(signature = (ids, texts, titles, dates, sources, topics, model=None, explain=0))]
#[allow(clippy::too_many_arguments)]
fn classify<'py>(
    py: Python<'py>,
    ids: Vec<String>,
    texts: Vec<String>,
    titles: Option<Vec<Option<String>>>,
    dates: Option<Vec<Option<String>>>,
    sources: Option<Vec<Option<String>>>,
    topics: Vec<String>,
    model: Option<&Bound<'py, PyModel>>,
    explain: usize,
) -> PyResult<Bound<'py, PyDict>> {
    let topics = topics_of(&topics)?;
    let held = model_of(model);
    let articles = articles(ids, texts, titles, dates, sources);
    let rows: Vec<ClassifiedQuote> = py.detach(|| {
        let pipeline = Pipeline::new(held.get()).explain(explain);
        all(articles, |a| {
            let mut per_topic: Vec<_> = pipeline
                .classify_topics(a, &topics)
                .into_iter()
                .map(Vec::into_iter)
                .collect();
            let quotes = per_topic.first().map_or(0, ExactSizeIterator::len);
            (0..quotes)
                .flat_map(|_| {
                    per_topic
                        .iter_mut()
                        .map(|rows| rows.next().expect("a row per quote and topic"))
                        .collect::<Vec<_>>()
                })
                .collect()
        })
    });
    let model = held.get();
    let f = Frame::new(py);
    quote_columns(&f, &rows, |r| &r.quote)?;
    f.column("topic", rows.iter().map(|r| r.topic.as_str()))?;
    let probs =
        |name: &str, task: Task, get: fn(&ClassifiedQuote) -> Option<&demarche::LabelProbs>| {
            f.column(
                name,
                rows.iter()
                    .map(|r| get(r).and_then(|p| p.best()).map(|b| b.0)),
            )?;
            for label in model.labels(task).map(ordered).unwrap_or_default() {
                f.column(
                    &format!("p_{label}"),
                    rows.iter()
                        .map(|r| get(r).filter(|p| p.contains(&label)).map(|p| p.get(&label))),
                )?;
            }
            PyResult::Ok(())
        };
    probs("stance", Task::Stance, |r| r.stance.as_ref())?;
    if model.has_relevance() {
        f.column("relevance", rows.iter().map(|r| r.relevance))?;
    }
    probs("sentiment", Task::Sentiment, |r| r.sentiment.as_ref())?;
    if explain > 0 {
        f.column(
            "explain",
            rows.iter().map(|r| {
                r.explain
                    .iter()
                    .flatten()
                    .map(|p| (p.feature.clone(), p.weight))
                    .collect::<Vec<_>>()
            }),
        )?;
    }
    Ok(f.dict)
}

/// The per-actor reports on `topics`, one per topic in the order given, from one pass over the
/// articles: a JSON list of reports, each as `report --format json` writes one. `period` adds
/// each actor's counts per week, month, quarter or year; `min_quotes` leaves out the actors
/// with fewer quotes.
#[pyfunction]
#[pyo3(signature = (ids, texts, titles, dates, sources, topics, model=None, by="actor", actors=None, period=None, min_quotes=None))]
#[allow(clippy::too_many_arguments)]
fn report(
    py: Python<'_>,
    ids: Vec<String>,
    texts: Vec<String>,
    titles: Option<Vec<Option<String>>>,
    dates: Option<Vec<Option<String>>>,
    sources: Option<Vec<Option<String>>>,
    topics: Vec<String>,
    model: Option<&Bound<'_, PyModel>>,
    by: &str,
    actors: Option<PathBuf>,
    period: Option<&str>,
    min_quotes: Option<u64>,
) -> PyResult<String> {
    let usage = |e: String| raise(demarche::Error::Usage(e));
    let topics = topics_of(&topics)?;
    let by: GroupBy = by.parse().map_err(usage)?;
    let period: Option<Period> = period.map(str::parse).transpose().map_err(usage)?;
    let held = model_of(model);
    let articles = articles(ids, texts, titles, dates, sources);
    py.detach(|| {
        let mut pipeline = Pipeline::new(held.get()).group_by(by);
        if let Some(path) = &actors {
            pipeline = pipeline.actors(ActorDictionary::load(path)?);
        }
        if let Some(period) = period {
            pipeline = pipeline.period(period);
        }
        if let Some(n) = min_quotes {
            pipeline = pipeline.min_quotes(n);
        }
        let reports =
            pipeline.reports(articles.into_iter().map(Ok::<_, demarche::Error>), &topics)?;
        Ok(serde_json::to_string(&reports).expect("a report serializes"))
    })
    .map_err(raise)
}

/// Trains a model on labeled rows given as a header and one column of strings per header
/// name, read as a labeled CSV file is (`docs/contract.md`); errors name the frame as
/// `DataFrame` and the row by its line in such a file (the header is line 1).
#[pyfunction]
#[pyo3(signature = (header, columns, text, topic, stance, sentiment, no_sentiment=false, per_topic=false, cv=None, c=1.0, class_weight="none", context=false, swap_topics=0))]
#[allow(clippy::too_many_arguments)]
fn train(
    py: Python<'_>,
    header: Vec<String>,
    columns: Vec<Vec<String>>,
    text: Option<String>,
    topic: Option<String>,
    stance: Option<String>,
    sentiment: Option<String>,
    no_sentiment: bool,
    per_topic: bool,
    cv: Option<usize>,
    c: f64,
    class_weight: &str,
    context: bool,
    swap_topics: usize,
) -> PyResult<PyModel> {
    let class_weight: ClassWeight = class_weight
        .parse()
        .map_err(|e: String| raise(demarche::Error::Usage(e)))?;
    let model = py.detach(move || {
        let bytes = csv_bytes(&header, &columns);
        let opts = ReadOptions {
            columns: Columns {
                text,
                topic,
                stance,
                sentiment,
                ..Columns::default()
            },
            ..ReadOptions::default()
        };
        let mut ds = Dataset::default();
        let (has_stance, has_sentiment) = ds.read_bytes(Path::new("DataFrame"), &bytes, &opts)?;
        ds.has_stance = has_stance;
        ds.has_sentiment = has_sentiment && !no_sentiment;
        if no_sentiment {
            ds.rows.iter_mut().for_each(|r| r.sentiment = None);
        }
        let settings = TrainSettings {
            features: FeatureSettings {
                context,
                ..FeatureSettings::default()
            },
            logistic: LogisticParams {
                c,
                class_weight,
                ..LogisticParams::default()
            },
            per_topic,
            global_weight: 0.0,
            cv,
            holdout_topics: Vec::new(),
            swap_topics,
            // A DataFrame holds statements, not articles: no speaker's other quotes to read.
            speaker_stage: false,
        };
        fit(&ds, &settings).map_err(demarche::Error::from)
    });
    Ok(PyModel {
        held: Held::Owned(Arc::new(model.map_err(raise)?)),
    })
}

/// The columns as CSV text with a header row.
fn csv_bytes(header: &[String], columns: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).expect("writing to memory");
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
    let mut record = Vec::with_capacity(columns.len());
    for i in 0..rows {
        record.clear();
        record.extend(columns.iter().map(|c| c.get(i).map_or("", String::as_str)));
        w.write_record(&record).expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}

#[pymodule]
fn _demarche(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("Error", m.py().get_type::<Error>())?;
    m.add_class::<PyModel>()?;
    m.add_function(wrap_pyfunction!(quotes, m)?)?;
    m.add_function(wrap_pyfunction!(classify, m)?)?;
    m.add_function(wrap_pyfunction!(report, m)?)?;
    m.add_function(wrap_pyfunction!(train, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
