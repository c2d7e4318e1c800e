//! The analyst's report options run through the real binary: `--min-quotes`, articles from a
//! CSV file, several topics in one pass, and stance over time (`--period`).

#[path = "support/cli.rs"]
mod cli;
#[path = "support/fixture_set.rs"]
mod fixture_set;

use cli::{demarche, show};
use serde_json::Value;
use std::path::Path;
use std::process::Output;

const TOPIC: &str = "restoring IAEA inspections in Iran";

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
    let articles = fixture_set::articles();
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

/// `demarche ARGS` in `dir` with `input` on standard input.
fn run_with_stdin(dir: &Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // A run that fails early may close its standard input before reading it all.
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    child.wait_with_output().expect("the binary runs")
}

#[test]
fn csv_articles_are_read_from_standard_input_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("news.csv"), CSV_ARTICLES).unwrap();
    let cols = [
        "--text-col",
        "body",
        "--title-col",
        "headline",
        "--date-col",
        "published",
    ];
    let report = |input: &[&str], stdin: &str| {
        let args = [
            &["report"][..],
            input,
            &["--topic", "new sanctions"],
            &cols[..],
        ]
        .concat();
        let v: Value = serde_json::from_str(&ok(&run_with_stdin(d, &args, stdin))).unwrap();
        v
    };
    let from_file = report(&["news.csv"], "");
    let from_stdin = report(&["-", "--stdin-format", "csv"], CSV_ARTICLES);
    assert_eq!(from_stdin["articles"], 2, "{from_stdin}");
    assert_eq!(from_stdin["actors"][0]["actor"], "Ivan Petrov");
    assert_eq!(from_stdin["actors"][0]["first_seen"], "2024-01-15");
    assert_eq!(from_stdin["actors"][0]["last_seen"], "2024-02-03");
    assert_eq!(from_stdin, from_file, "the same report as from the file");
    // The title column gives the evidence its title.
    let text =
        std::fs::read_to_string(fixture_set::dir().join("iran-nuclear-inspections.txt")).unwrap();
    let csv = format!(
        "id,title,text\niran-1,Iran bars inspectors,\"{}\"\n",
        text.replace('"', "\"\"")
    );
    let args = ["report", "-", "--stdin-format", "csv", "--topic", TOPIC];
    let v: Value = serde_json::from_str(&ok(&run_with_stdin(d, &args, &csv))).unwrap();
    let evidence = &v["actors"][0]["evidence"];
    assert_eq!(evidence[0]["article"], "iran-1", "{v}");
    assert_eq!(evidence[0]["title"], "Iran bars inspectors", "{v}");
    // So does an HTML page's.
    let paragraphs: Vec<String> = text.split("\n\n").map(|p| format!("<p>{p}</p>")).collect();
    let page = format!(
        "<html><head><title>Iran bars inspectors</title></head><body>{}</body></html>",
        paragraphs.concat()
    );
    let args = ["report", "-", "--stdin-format", "html", "--topic", TOPIC];
    let v: Value = serde_json::from_str(&ok(&run_with_stdin(d, &args, &page))).unwrap();
    let evidence = &v["actors"][0]["evidence"];
    assert_eq!(evidence[0]["article"], "<stdin>", "{v}");
    assert_eq!(evidence[0]["title"], "Iran bars inspectors", "{v}");

    // Without an id column, a row is named by standard input's name and its line.
    let out = ok(&run_with_stdin(
        d,
        &["quotes", "-", "--stdin-format", "csv"],
        "text
\"\u{201c}We will not,\u{201d} Putin said.\"\n",
    ));
    let row: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(row["article"], "<stdin>:2");
    assert_eq!(row["speaker"], "Putin");

    // By default CSV on standard input is one plain-text article, as before.
    let o = run_with_stdin(d, &["quotes", "-"], CSV_ARTICLES);
    let rows: Vec<Value> = ok(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!rows.is_empty() && rows.iter().all(|r| r["article"] == "<stdin>"));

    // A stated format is kept: JSONL given as text is one text article, text given as JSONL
    // is an error naming standard input's line.
    let jsonl = "{\"id\": \"a\", \"text\": \"\u{201c}We will not,\u{201d} Putin said.\"}\n";
    let out = ok(&run_with_stdin(
        d,
        &["quotes", "-", "--stdin-format", "jsonl"],
        jsonl,
    ));
    assert!(out.contains("\"article\":\"a\""), "{out}");
    let out = ok(&run_with_stdin(
        d,
        &["quotes", "-", "--stdin-format", "text"],
        jsonl,
    ));
    assert!(out.contains("\"article\":\"<stdin>\""), "{out}");
    let o = run_with_stdin(
        d,
        &["quotes", "-", "--stdin-format", "jsonl"],
        "Plain words.\n",
    );
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).starts_with("demarche: <stdin>:1: not a JSON article"),
        "{}",
        show(&o)
    );
    // CSV on standard input without its text column is an error, as a named file's is.
    let o = run_with_stdin(d, &["quotes", "-", "--stdin-format", "csv"], CSV_ARTICLES);
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "demarche: <stdin>:1: no column \"text\" in the header\n"
    );
    let o = run_with_stdin(d, &["quotes", "-", "--stdin-format", "xml"], "");
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
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

const OTHER: &str = "sanctions on Iran";

#[test]
fn several_topics_give_one_report_each_from_one_pass() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let articles = fixture_set::articles();
    let one = |topic: &str, format: &str| {
        ok(&run(
            d,
            &with_articles(&["report", "--topic", topic, "--format", format], &articles),
        ))
    };
    let both = |format: &str| {
        ok(&run(
            d,
            &with_articles(
                &[
                    "report", "--topic", TOPIC, "--topic", OTHER, "--format", format,
                ],
                &articles,
            ),
        ))
    };
    // JSON: a list of the single-topic reports.
    let list: Value = serde_json::from_str(&both("json")).unwrap();
    let first: Value = serde_json::from_str(&one(TOPIC, "json")).unwrap();
    let second: Value = serde_json::from_str(&one(OTHER, "json")).unwrap();
    assert_eq!(list, Value::Array(vec![first, second]));
    // CSV: a topic column first, then each topic's rows.
    let csv = both("csv");
    let single = one(TOPIC, "csv");
    assert!(csv.starts_with(&format!("topic,{}", single.lines().next().unwrap())));
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    let single_rows = single.lines().count() - 1 + one(OTHER, "csv").lines().count() - 1;
    assert_eq!(rows.len(), single_rows);
    assert!(rows[0].starts_with(&format!("{TOPIC},")));
    assert!(rows.last().unwrap().starts_with(&format!("{OTHER},")));
    // Markdown: one section per topic, each the single-topic report.
    assert_eq!(
        both("md"),
        format!("{}\n{}", one(TOPIC, "md"), one(OTHER, "md"))
    );
    // HTML: one page, a section per topic, anchors unique on the page.
    let html = both("html");
    assert_eq!(html.matches("<section class=\"topic\"").count(), 2);
    assert_eq!(html.matches("<html").count(), 1);
    let ids: Vec<&str> = html
        .split("id=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
    assert!(html.contains("href=\"#topic-1-actor-0\""));

    // classify: one row per quote and topic.
    let rows = |args: &[&str]| {
        ok(&run(d, &with_articles(args, &articles[..2])))
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .collect::<Vec<_>>()
    };
    let a = rows(&["classify", "--topic", TOPIC]);
    let b = rows(&["classify", "--topic", OTHER]);
    let ab = rows(&["classify", "--topic", TOPIC, "--topic", OTHER]);
    assert_eq!(ab.len(), a.len() + b.len());
    for (i, pair) in ab.chunks(2).enumerate() {
        assert_eq!(pair[0], a[i]);
        assert_eq!(pair[1], b[i]);
    }
}

#[test]
fn topics_come_from_a_file_and_shards_merge_per_topic() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let articles = fixture_set::articles();
    std::fs::write(
        d.join("topics.txt"),
        format!("# what the desk follows\n{TOPIC}\n\n  {OTHER}  \n"),
    )
    .unwrap();
    let whole = ok(&run(
        d,
        &with_articles(
            &["report", "--topics", "topics.txt", "--format", "csv"],
            &articles,
        ),
    ));
    for (i, part) in [&articles[..4], &articles[4..]].iter().enumerate() {
        let name = format!("part-{i}.json");
        ok(&run(
            d,
            &with_articles(
                &["report", "--topics", "topics.txt", "--partial", "-o", &name],
                part,
            ),
        ));
        let text = std::fs::read_to_string(d.join(&name)).unwrap();
        assert_eq!(text.lines().count(), 2, "one partial report per topic");
    }
    let merged = ok(&run(
        d,
        &["merge", "part-1.json", "part-0.json", "--format", "csv"],
    ));
    assert_eq!(merged, whole);
    // Concatenated, one file of partial reports merges the same.
    let mut all = std::fs::read_to_string(d.join("part-0.json")).unwrap();
    all.push_str(&std::fs::read_to_string(d.join("part-1.json")).unwrap());
    std::fs::write(d.join("all.jsonl"), all).unwrap();
    assert_eq!(
        ok(&run(d, &["merge", "all.jsonl", "--format", "csv"])),
        whole
    );
    // Partial reports of other topic sets are refused.
    ok(&run(
        d,
        &with_articles(
            &["report", "--topic", TOPIC, "--partial", "-o", "one.json"],
            &articles[..1],
        ),
    ));
    let o = run(d, &["merge", "part-0.json", "one.json"]);
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with(&format!(
        "demarche: one.json: topics \"{TOPIC}\", but part-0.json has \"{TOPIC}\", \"{OTHER}\""
    )));
}

#[test]
fn bad_topic_lists_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "\u{201c}We will not,\u{201d} Putin said.").unwrap();
    std::fs::write(d.join("empty.txt"), "# nothing yet\n\n").unwrap();
    std::fs::write(d.join("twice.txt"), "Kosovo\nsanctions\n Kosovo\n").unwrap();
    let cases: [(&[&str], &str); 4] = [
        (
            &["report", "a.txt", "--topics", "empty.txt"],
            "demarche: empty.txt: no topic in it\n",
        ),
        (
            &["report", "a.txt", "--topics", "twice.txt"],
            "demarche: twice.txt:3: topic \"Kosovo\" given twice\n",
        ),
        (
            &["classify", "a.txt", "--topic", "x", "--topic", " x "],
            "demarche: --topic: topic \"x\" given twice\n",
        ),
        (
            &["report", "a.txt", "--topics", "missing.txt"],
            "demarche: missing.txt: No such file or directory (os error 2)\n",
        ),
    ];
    for (args, says) in cases {
        let o = run(d, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}\n{}", show(&o));
        assert_eq!(String::from_utf8_lossy(&o.stderr), says, "{args:?}");
    }
    let o = run(d, &["report", "a.txt"]);
    assert_eq!(o.status.code(), Some(2), "no topic at all: {}", show(&o));
}

#[test]
fn reports_over_time_count_each_actor_by_period_and_merge_like_the_whole() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("news.csv"), CSV_ARTICLES.replace("body", "text")).unwrap();
    std::fs::write(
        d.join("page.html"),
        "<html><head><meta property=\"article:published_time\" content=\"2024-02-20T08:00Z\">\
         </head><body><p>\u{201c}Sanctions will not work,\u{201d} Ivan Petrov said.</p></body></html>",
    )
    .unwrap();
    std::fs::write(
        d.join("plain.txt"),
        "\u{201c}No sanctions,\u{201d} Ivan Petrov said.",
    )
    .unwrap();
    let topic = "new sanctions";
    let report = |extra: &[&str]| {
        let mut args = vec![
            "report",
            "news.csv",
            "page.html",
            "plain.txt",
            "--topic",
            topic,
        ];
        args.extend(extra);
        ok(&run(d, &args))
    };
    let v: Value =
        serde_json::from_str(&report(&["--period", "month", "--date-col", "published"])).unwrap();
    assert_eq!(v["period"], "month");
    let periods: Vec<(&str, u64)> = v["actors"][0]["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["period"].as_str().unwrap(), p["quotes"].as_u64().unwrap()))
        .collect();
    assert_eq!(periods, [("2024-01", 1), ("2024-02", 2), ("undated", 1)]);
    // --date dates the articles that carry none.
    let v: Value = serde_json::from_str(&report(&[
        "--period",
        "quarter",
        "--date-col",
        "published",
        "--date",
        "2024-04-02",
    ]))
    .unwrap();
    let periods: Vec<&str> = v["actors"][0]["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, ["2024-Q1", "2024-Q2"]);
    let csv = report(&[
        "--period",
        "month",
        "--date-col",
        "published",
        "--format",
        "csv",
    ]);
    assert!(
        csv.starts_with(
            "actor,period,quotes,relevant,stance,votes_favor,votes_against,votes_none\n"
        ),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 4);
    let html = report(&[
        "--period",
        "week",
        "--date-col",
        "published",
        "--format",
        "html",
    ]);
    assert!(html.contains("<h2>Over time"), "an SVG chart per actor");
    // Shards over time merge into the report of the whole.
    for (name, input) in [("a.json", "news.csv"), ("b.json", "page.html")] {
        ok(&run(
            d,
            &[
                "report",
                input,
                "--topic",
                topic,
                "--period",
                "month",
                "--date-col",
                "published",
                "--partial",
                "-o",
                name,
            ],
        ));
    }
    let whole = ok(&run(
        d,
        &[
            "report",
            "news.csv",
            "page.html",
            "--topic",
            topic,
            "--period",
            "month",
            "--date-col",
            "published",
            "--format",
            "md",
        ],
    ));
    assert_eq!(
        ok(&run(d, &["merge", "b.json", "a.json", "--format", "md"])),
        whole
    );
    assert!(whole.contains("## Over time (by month)"));
    // Bad values are usage errors.
    for bad in [&["--period", "day"][..], &["--date", "10/02/2007"]] {
        let o = run(
            d,
            &[&["report", "plain.txt", "--topic", topic], bad].concat(),
        );
        assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    }
}
