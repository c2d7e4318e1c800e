//! Scores the quote extractor on the team's hand-annotated articles in `tests/fixtures/gold-*`
//! (the `gold.json` format of `training/news/README.md`). The bar: at least 95% of the annotated
//! statements found with the right speaker, and no annotated non-quote (scare quote, title)
//! extracted.

#[path = "support/shared.rs"]
mod shared;

use demarche::article::Articles;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct GoldArticle {
    quotes: Vec<GoldQuote>,
    #[serde(default)]
    non_quotes: Vec<String>,
}

#[derive(Deserialize)]
struct GoldQuote {
    speaker: Vec<String>,
    #[serde(rename = "match")]
    needle: String,
    kind: String,
    #[serde(default)]
    optional: bool,
}

/// The same folding as `score_quotes.py`: straight quotes, collapsed spaces, lower case.
fn norm(s: &str) -> String {
    let s = s
        .replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"");
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[derive(Default)]
struct Tally {
    total: usize,
    found: usize,
    correct: usize,
    by_kind: BTreeMap<String, (usize, usize)>,
    misses: Vec<String>,
    false_quotes: Vec<String>,
}

fn score_dir(dir: &Path, t: &mut Tally) {
    let gold: BTreeMap<String, GoldArticle> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    assert!(!gold.is_empty(), "{}: empty gold", dir.display());
    for (file, art) in gold {
        let path = dir.join(&file);
        let article = Articles::open(std::slice::from_ref(&path))
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        let quotes = demarche::extract(&article.body);
        for g in art.quotes.iter().filter(|g| !g.optional) {
            t.total += 1;
            let entry = t.by_kind.entry(g.kind.clone()).or_default();
            entry.0 += 1;
            let needle = norm(&g.needle);
            let Some(q) = quotes.iter().find(|q| norm(&q.text).contains(&needle)) else {
                t.misses.push(format!("{file}: not found: {:?}", g.needle));
                continue;
            };
            t.found += 1;
            let ok = q
                .speaker
                .as_deref()
                .is_some_and(|s| g.speaker.iter().any(|a| norm(s).contains(&norm(a))));
            if ok {
                t.correct += 1;
                entry.1 += 1;
            } else {
                t.misses.push(format!(
                    "{file}: {:?} by {:?}, expected one of {:?}",
                    g.needle, q.speaker, g.speaker
                ));
            }
        }
        for nq in &art.non_quotes {
            let n = norm(nq);
            if let Some(q) = quotes.iter().find(|q| norm(&q.text) == n) {
                t.false_quotes
                    .push(format!("{file}: {:?} is not speech", q.text));
            }
        }
    }
}

fn gold_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("gold.json").is_file())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn extractor_finds_the_right_speaker_for_95_percent_of_gold_statements() {
    let dirs = gold_dirs();
    assert!(dirs.len() >= 2, "gold fixture directories missing");
    let mut t = Tally::default();
    for d in &dirs {
        score_dir(d, &mut t);
    }
    assert!(t.total >= 300, "only {} gold statements", t.total);
    let rate = t.correct as f64 / t.total as f64;
    let kinds: Vec<String> = t
        .by_kind
        .iter()
        .map(|(k, (n, ok))| format!("{k} {ok}/{n}"))
        .collect();
    eprintln!(
        "gold: {} statements, {} found, {} right speaker ({:.3}); {}",
        t.total,
        t.found,
        t.correct,
        rate,
        kinds.join(", ")
    );
    assert!(
        rate >= 0.95,
        "right speaker for {:.3} of gold statements (< 0.95):\n{}",
        rate,
        t.misses.join("\n")
    );
}

#[test]
fn scare_quotes_and_titles_are_not_extracted() {
    let mut t = Tally::default();
    for d in gold_dirs() {
        score_dir(&d, &mut t);
    }
    assert!(
        t.false_quotes.is_empty(),
        "non-speech extracted as quotes:\n{}",
        t.false_quotes.join("\n")
    );
}

#[test]
fn the_seed_article_has_every_speaker_right() {
    // The seed is a real article: it stays in ../shared, outside the repository.
    let Some(path) = shared::path("seed/kosovo-munich.txt") else {
        return;
    };
    let body = std::fs::read_to_string(&path).expect("the seed article reads");
    let quotes = demarche::extract(&body);
    let speaker_of = |needle: &str| {
        quotes
            .iter()
            .find(|q| q.text.contains(needle))
            .and_then(|q| q.speaker.clone())
            .unwrap_or_else(|| panic!("no quote with {needle:?}"))
    };
    assert_eq!(speaker_of("Only the Kosovars and Serbs"), "Vladimir Putin");
    assert_eq!(speaker_of("could encourage separatist"), "Moscow");
    assert_eq!(speaker_of("chain reaction"), "Sergei Ivanov");
    assert_eq!(speaker_of("not to open Pandora"), "Sergei Ivanov");
    assert_eq!(
        speaker_of("the Kosovo situation is unique"),
        "United States"
    );
    assert_eq!(speaker_of("So far, it has not"), "John McCain");
    assert_eq!(speaker_of("premature to speculate"), "Dmitry Peskov");
    assert_eq!(speaker_of("a dangerous precedent"), "Dmitry Peskov");
}
