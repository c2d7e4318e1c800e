//! The analyst's report options run through the real binary: `--min-quotes`, articles from a
//! CSV file, several topics in one pass, and stance over time (`--period`).

#[path = "support/cli.rs"]
mod cli;

use cli::{demarche, show};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

const TOPIC: &str = "restoring IAEA inspections in Iran";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gold-a")
}

/// The articles of the fixture directory, sorted as the reader walks them.
fn all_articles() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "html")))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn ok(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(0), "{}", show(o));
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn run(dir: &Path, args: &[&str]) -> Output {
    demarche(dir, args)
}

fn with_articles<'a>(args: &[&'a str], articles: &'a [String]) -> Vec<&'a str> {
    let mut v = args.to_vec();
    v.extend(articles.iter().map(String::as_str));
    v
}

#[test]
fn min_quotes_leaves_out_actors_with_fewer_quotes_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let articles = all_articles();
    let full: Value = serde_json::from_str(&ok(&run(
        d,
        &with_articles(&["report", "--topic", TOPIC], &articles),
    )))
    .unwrap();
    let all = full["actors"].as_array().unwrap();
    let kept: Vec<&Value> = all
        .iter()
        .filter(|a| a["quotes"].as_u64().unwrap() >= 2)
        .collect();
    assert!(kept.len() < all.len() && !kept.is_empty(), "{full}");
    let out = ok(&run(
        d,
        &with_articles(
            &["report", "--topic", TOPIC, "--min-quotes", "2"],
            &articles,
        ),
    ));
    let cut: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(cut["min_quotes"], 2);
    assert_eq!(
        cut["actors_below_min_quotes"].as_u64().unwrap() as usize,
        all.len() - kept.len()
    );
    assert_eq!(cut["actors"].as_array().unwrap().len(), kept.len());
    for (a, b) in cut["actors"].as_array().unwrap().iter().zip(&kept) {
        assert_eq!(a, *b);
    }
    // The totals still count every quote.
    assert_eq!(cut["quotes"], full["quotes"]);
    assert!(full.get("min_quotes").is_none());

    // The merge of shards, with --min-quotes at the end, equals the report of the whole.
    let mut partials = Vec::new();
    for (i, part) in [&articles[..3], &articles[3..]].iter().enumerate() {
        let name = format!("part-{i}.json");
        ok(&run(
            d,
            &with_articles(
                &["report", "--topic", TOPIC, "--partial", "-o", &name],
                part,
            ),
        ));
        partials.push(name);
    }
    for format in ["json", "csv", "md", "html"] {
        let whole = ok(&run(
            d,
            &with_articles(
                &[
                    "report",
                    "--topic",
                    TOPIC,
                    "--min-quotes",
                    "2",
                    "--format",
                    format,
                ],
                &articles,
            ),
        ));
        let merged = ok(&run(
            d,
            &[
                "merge",
                &partials[1],
                &partials[0],
                "--min-quotes",
                "2",
                "--format",
                format,
            ],
        ));
        assert_eq!(merged, whole, "{format}");
        if format == "csv" {
            assert_eq!(whole.lines().count(), kept.len() + 1);
        }
        if format == "md" {
            let below = all.len() - kept.len();
            assert!(
                whole.contains(&format!("{below} actors with fewer than 2 quotes left out")),
                "{whole}"
            );
        }
    }
    // A partial report keeps every actor: the option belongs to the merge.
    let o = run(
        d,
        &with_articles(
            &["report", "--topic", TOPIC, "--partial", "--min-quotes", "2"],
            &articles,
        ),
    );
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
}
