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

const CSV_ARTICLES: &str = "id,headline,body,published\n\
    tass-1,Talks,\"\u{201c}We will not accept new sanctions,\u{201d} Foreign Minister Ivan Petrov told reporters.\",2024-01-15\n\
    rt-2,More talks,\"\u{201c}Sanctions are a mistake,\u{201d} Ivan Petrov said.\",2024-02-03\n";

#[test]
fn csv_files_are_read_as_articles_with_named_columns() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("news.csv"), CSV_ARTICLES).unwrap();
    let cols = ["--text-col", "body", "--title-col", "headline"];
    let out = ok(&run(d, &[&["quotes", "news.csv"], &cols[..]].concat()));
    let rows: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2, "{out}");
    assert_eq!(rows[0]["article"], "tass-1");
    assert_eq!(rows[1]["article"], "rt-2");
    assert_eq!(rows[0]["speaker"], "Ivan Petrov");
    // The date column is named by a flag too, and the report shows the dates.
    let out = ok(&run(
        d,
        &[
            &[
                "report",
                "news.csv",
                "--topic",
                "new sanctions",
                "--date-col",
                "published",
            ],
            &cols[..],
        ]
        .concat(),
    ));
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["articles"], 2);
    assert_eq!(report["actors"][0]["first_seen"], "2024-01-15");
    assert_eq!(report["actors"][0]["last_seen"], "2024-02-03");
    // Without --text-col there is no "text" column: one line naming the file and line.
    let o = run(d, &["quotes", "news.csv"]);
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        err,
        "demarche: news.csv:1: no column \"text\" in the header\n",
        "{}",
        show(&o)
    );
    // A named column that is not there.
    let o = run(
        d,
        &[
            "quotes",
            "news.csv",
            "--text-col",
            "body",
            "--id-col",
            "key",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    assert!(String::from_utf8_lossy(&o.stderr).contains("news.csv:1: no column \"key\""));
}

#[test]
fn a_bad_csv_row_is_one_line_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("bad.csv"),
        "id,text\na,\"\u{201c}We agree,\u{201d} Merkel said.\"\nb,\"two\nlines\",extra\n",
    )
    .unwrap();
    for args in [
        &["quotes", "bad.csv"][..],
        &["report", "bad.csv", "--topic", "t"],
        &["classify", "bad.csv", "--topic", "t", "-o", "out.jsonl"],
    ] {
        let o = run(d, args);
        assert_eq!(o.status.code(), Some(2), "{}", show(&o));
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(
            err, "demarche: bad.csv:3: 3 fields, but the header has 2\n",
            "{args:?}"
        );
        assert!(!d.join("out.jsonl").exists());
    }
}

#[test]
fn a_directory_walk_reads_csv_articles_and_skips_other_tables() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("news")).unwrap();
    std::fs::write(
        d.join("news/wire.csv"),
        CSV_ARTICLES.replace("body", "text"),
    )
    .unwrap();
    std::fs::write(
        d.join("news/actors.csv"),
        "name,aliases,affiliation\nIvan Petrov,Petrov,Russia\n",
    )
    .unwrap();
    let o = run(
        d,
        &[
            "report",
            "news",
            "--topic",
            "new sanctions",
            "--actors",
            "news/actors.csv",
        ],
    );
    let report: Value = serde_json::from_str(&ok(&o)).unwrap();
    assert_eq!(report["articles"], 2);
    assert_eq!(report["actors"][0]["affiliation"], "Russia");
    assert!(
        String::from_utf8_lossy(&o.stderr).contains(
            "warning: news/actors.csv: skipped: no column \"text\" in the header (not a CSV of articles"
        ),
        "{}",
        show(&o)
    );
    // An output among the files the walk reads is refused, CSV or not.
    std::fs::write(d.join("news/out.csv"), "actor,quotes\n").unwrap();
    let o = run(
        d,
        &[
            "report",
            "news",
            "--topic",
            "t",
            "--format",
            "csv",
            "-o",
            "news/out.csv",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
}
