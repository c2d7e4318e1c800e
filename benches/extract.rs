//! Quote extraction throughput over the BBC politics articles in `../shared/data` (which it
//! needs: see `tests/support/shared.rs`). Reports MB/s on one thread; the target is 20 MB/s.

#[path = "../tests/support/shared.rs"]
mod shared;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn load() -> Option<Vec<String>> {
    let dir = shared::path("data/bbc-news/bbc/politics")?;
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the BBC politics folder reads")
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
