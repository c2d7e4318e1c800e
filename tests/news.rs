//! The annotated news corpus (`training/news/README.md`): its format, its splits and its size.
//! That every statement is found in its article is a unit test of `dataset::annotated`.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every annotated folder under `dir`, with its gold.json.
fn folders(dir: &Path) -> Vec<(PathBuf, BTreeMap<String, Value>)> {
    let mut out: Vec<(PathBuf, BTreeMap<String, Value>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("gold.json").is_file())
        .map(|p| {
            let gold = serde_json::from_slice(&std::fs::read(p.join("gold.json")).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, gold)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// A topic as compared across splits: lower case, letters, digits and single spaces only, so
/// that "the Solomon Islands' pact" and "the Solomon Islands pact" are one topic.
fn folded(topic: &str) -> String {
    topic
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn topics(folders: &[(PathBuf, BTreeMap<String, Value>)]) -> BTreeSet<String> {
    folders
        .iter()
        .flat_map(|(_, g)| g.values())
        .map(|a| folded(a["topic"].as_str().unwrap()))
        .collect()
}

#[test]
fn every_annotation_follows_the_format() {
    let all: Vec<_> = folders(&root().join("training/news"))
        .into_iter()
        .chain(folders(&root().join("tests/news")))
        .collect();
    assert!(!all.is_empty());
    for (dir, gold) in &all {
        for (name, a) in gold {
            let at = format!("{}/{name}", dir.display());
            assert!(dir.join(name).is_file(), "{at}: no such article");
            for key in ["topic", "quotes", "actors", "near_miss_topics"] {
                assert!(!a[key].is_null(), "{at}: no {key}");
            }
            let speakers: BTreeSet<String> = a["actors"]
                .as_object()
                .unwrap()
                .keys()
                .flat_map(|k| k.split('|').map(str::to_string))
                .collect();
            for q in a["quotes"].as_array().unwrap() {
                if q["optional"].as_bool() == Some(true) {
                    continue;
                }
                let m = q["match"].as_str().unwrap();
                let stance = q["stance"].as_str().unwrap();
                assert!(
                    ["favor", "against", "none"].contains(&stance),
                    "{at}: {m:?}: stance {stance}"
                );
                let sentiment = q["sentiment"].as_str().unwrap();
                assert!(
                    ["positive", "negative", "neutral"].contains(&sentiment),
                    "{at}: {m:?}: sentiment {sentiment}"
                );
                let on_topic = q["on_topic"]
                    .as_bool()
                    .unwrap_or_else(|| panic!("{at}: {m:?}: on_topic"));
                if !on_topic || q["denied"].as_bool() == Some(true) {
                    assert_eq!(stance, "none", "{at}: {m:?}: off the topic or denied");
                }
                let said_by = q["speaker"].as_array().unwrap();
                assert!(
                    said_by
                        .iter()
                        .any(|s| speakers.contains(s.as_str().unwrap())),
                    "{at}: {m:?}: its speaker has no actor entry"
                );
            }
        }
    }
}

#[test]
fn splits_are_topic_disjoint_and_large_enough() {
    let training = folders(&root().join("training/news"));
    let tests: Vec<_> = folders(&root().join("tests/news"));
    let (train_topics, test_topics) = (topics(&training), topics(&tests));
    let shared: Vec<_> = train_topics.intersection(&test_topics).collect();
    assert!(shared.is_empty(), "topics in both splits: {shared:?}");
    let mut csv_topics = BTreeSet::new();
    for entry in std::fs::read_dir(root().join("training")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "csv") {
            let mut r = csv::Reader::from_path(&path).unwrap();
            let col = r
                .headers()
                .unwrap()
                .iter()
                .position(|h| h == "topic")
                .unwrap();
            for rec in r.records() {
                csv_topics.insert(folded(&rec.unwrap()[col]));
            }
        }
    }
    let fixtures: BTreeSet<String> = ["gold-a", "gold-b"]
        .iter()
        .flat_map(|g| {
            let gold: BTreeMap<String, Value> = serde_json::from_slice(
                &std::fs::read(root().join("tests/fixtures").join(g).join("gold.json")).unwrap(),
            )
            .unwrap();
            gold.values()
                .map(|a| folded(a["topic"].as_str().unwrap()))
                .collect::<Vec<_>>()
        })
        .collect();
    for t in train_topics.union(&test_topics) {
        assert!(
            !csv_topics.contains(t),
            "{t} is also a topic of training/*.csv"
        );
        assert!(
            !fixtures.contains(t),
            "{t} is also a topic of tests/fixtures"
        );
    }
    let count = |f: &[(PathBuf, BTreeMap<String, Value>)]| -> (usize, usize) {
        let articles = f.iter().map(|(_, g)| g.len()).sum();
        let statements = f
            .iter()
            .flat_map(|(_, g)| g.values())
            .flat_map(|a| a["quotes"].as_array().unwrap())
            .filter(|q| q["optional"].as_bool() != Some(true))
            .count();
        (articles, statements)
    };
    let (ta, ts) = count(&training);
    let (ha, hs) = count(&tests);
    assert!(
        ta + ha >= 250 && ts + hs >= 3000,
        "{ta}+{ha} articles, {ts}+{hs} statements"
    );
    assert!(train_topics.len() + test_topics.len() >= 80);
    // Learning-curve topics: one topic a folder, at least 100 statements each.
    for (dir, gold) in tests
        .iter()
        .filter(|(d, _)| d.to_string_lossy().contains("curve-"))
    {
        let n: usize = gold
            .values()
            .flat_map(|a| a["quotes"].as_array().unwrap())
            .filter(|q| q["optional"].as_bool() != Some(true))
            .count();
        assert!(n >= 100, "{}: {n} statements", dir.display());
        assert_eq!(topics(&[(dir.clone(), gold.clone())]).len(), 1);
    }
}
