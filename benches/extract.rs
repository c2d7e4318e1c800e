//! Quote extraction throughput over the BBC politics articles in `../shared/data` (skipped
//! when the data is absent). Reports MB/s on one thread; the target is 20 MB/s.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn load() -> Option<Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc-news/bbc/politics");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    files.sort();
    Some(
        files
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect(),
    )
}

fn extraction(c: &mut Criterion) {
    let Some(articles) = load() else {
        eprintln!("skipped: ../shared/data/bbc-news/bbc/politics not found");
        return;
    };
    let bytes: usize = articles.iter().map(String::len).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("bbc-politics", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| demarche::extract(a).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
