//! Model benchmarks: loading a model file, vectorising, training and predicting.
//!
//! The data benchmarks read SemEval-2016 task 6 from `../shared/data` (beside the checkout),
//! which they need (see `tests/support/shared.rs`). `scripts/bench-models.sh` compares the
//! whole commands with scikit-learn.

#[path = "../tests/support/shared.rs"]
mod shared;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use demarche::dataset::{Columns, Dataset, ReadOptions, Task};
use demarche::features::{FeatureSettings, Vectorizer};
use demarche::model::logistic::LogisticParams;
use demarche::model::Model;
use demarche::ModelInput;
use std::path::PathBuf;

fn semeval(file: &str) -> Option<Dataset> {
    let path = shared::path(&format!("data/semeval2016-task6/{file}"))?;
    let opts = ReadOptions {
        columns: Columns {
            text: Some("Tweet".into()),
            topic: Some("Target".into()),
            stance: Some("Stance".into()),
            sentiment: Some("Sentiment".into()),
            ..Columns::default()
        },
        delimiter: b'\t',
        ..ReadOptions::default()
    };
    Some(Dataset::read(&[path], &opts).expect("SemEval loads"))
}

fn inputs(ds: &Dataset) -> Vec<ModelInput<'_>> {
    ds.rows
        .iter()
        .map(|r| ModelInput::new(&r.text, &r.topic))
        .collect()
}

fn load(c: &mut Criterion) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models/default.dmm");
    c.bench_function("load default model", |b| {
        b.iter(|| Model::load(&path).unwrap())
    });
}

fn data(c: &mut Criterion) {
    let (Some(train), Some(test)) = (
        semeval("trainingdata-all-annotations.txt"),
        semeval("testdata-taskA-all-annotations.txt"),
    ) else {
        return;
    };
    let docs = inputs(&train);
    let settings = FeatureSettings::default();
    let mut g = c.benchmark_group("semeval");
    g.sample_size(10);
    g.throughput(Throughput::Elements(docs.len() as u64));
    g.bench_function("vectorizer fit + transform", |b| {
        b.iter(|| {
            Vectorizer::fit(&settings, &docs)
                .unwrap()
                .transform_many(&docs)
        })
    });
    let v = Vectorizer::fit(&settings, &docs).unwrap();
    let x = v.transform_many(&docs);
    let labels: Vec<&str> = train
        .rows
        .iter()
        .filter_map(|r| r.label(Task::Stance))
        .collect();
    let mut names: Vec<&str> = labels.clone();
    names.sort();
    names.dedup();
    let y: Vec<usize> = labels
        .iter()
        .map(|l| names.binary_search(l).unwrap())
        .collect();
    let params = LogisticParams::default().check().unwrap();
    g.bench_function("logistic fit (stance, global)", |b| {
        b.iter_batched(
            || (),
            |()| params.fit(&x, &y, names.len()).unwrap(),
            BatchSize::PerIteration,
        )
    });
    g.finish();

    let dir = tempfile::tempdir().unwrap();
    let model_path = dir.path().join("semeval.dmm");
    let settings = demarche::model::TrainSettings {
        per_topic: true,
        ..Default::default()
    };
    demarche::model::train(&train, &settings)
        .unwrap()
        .save(&model_path)
        .unwrap();
    let model = Model::load(&model_path).unwrap();
    let test_docs = inputs(&test);
    let mut g = c.benchmark_group("semeval predict");
    g.throughput(Throughput::Elements(test_docs.len() as u64));
    g.bench_function("predict stance + sentiment, one row at a time", |b| {
        b.iter(|| {
            test_docs
                .iter()
                .map(|d| model.predict(d))
                .collect::<Vec<_>>()
        })
    });
    g.finish();
}

criterion_group!(benches, load, data);
criterion_main!(benches);
