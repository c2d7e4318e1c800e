//! `classify` and `report` run as a user runs them: the real binary on the team's own
//! fixture articles, with the built-in model.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

const TOPIC: &str = "restoring IAEA inspections in Iran";

#[path = "support/fixture_set.rs"]
mod fixture_set;

fn fixture(name: &str) -> PathBuf {
    fixture_set::dir().join(name)
}

fn demarche(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn ok(o: Output) -> String {
    assert!(
        o.status.success(),
        "status {:?}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

fn article() -> String {
    fixture("iran-nuclear-inspections.txt")
        .to_string_lossy()
        .into_owned()
}

fn classify(extra: &[&str]) -> Vec<Value> {
    let a = article();
    let out = ok(demarche(
        &[&["classify", a.as_str(), "--topic", TOPIC], extra].concat(),
    ));
    out.lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn classify_rows_carry_the_quote_and_both_predictions() {
    let rows = classify(&[]);
    assert!(rows.len() >= 10, "only {} quotes", rows.len());
    let body = std::fs::read_to_string(fixture("iran-nuclear-inspections.txt")).unwrap();
    for r in &rows {
        for field in [
            "article",
            "index",
            "speaker",
            "source_text",
            "cue",
            "kind",
            "text",
            "start",
            "end",
        ] {
            assert!(r.get(field).is_some(), "no {field} in {r}");
        }
        assert_eq!(r["topic"], TOPIC);
        let stance = r["stance"].as_str().unwrap();
        assert!(["favor", "against", "none"].contains(&stance), "{r}");
        let probs = r["stance_probs"].as_object().unwrap();
        let keys: Vec<&str> = probs.keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 3);
        let sum: f64 = probs.values().map(|v| v.as_f64().unwrap()).sum();
        assert!((sum - 1.0).abs() < 1e-6, "stance probs sum to {sum}");
        // The label is the most probable one.
        let best = probs
            .iter()
            .max_by(|a, b| a.1.as_f64().unwrap().total_cmp(&b.1.as_f64().unwrap()))
            .unwrap();
        assert_eq!(best.0, stance);
        let sentiment = r["sentiment"].as_str().unwrap();
        assert!(["positive", "negative", "neutral"].contains(&sentiment));
        let sum: f64 = r["sentiment_probs"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_f64().unwrap())
            .sum();
        assert!((sum - 1.0).abs() < 1e-6);
        if r.get("spans").is_none() {
            let (s, e) = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&body[s..e], r["text"].as_str().unwrap());
        }
        assert!(r.get("explain").is_none(), "explain only when asked");
    }
}

#[test]
fn explain_lists_the_features_behind_each_stance() {
    let rows = classify(&["--explain", "--explain-top", "3"]);
    let mut listed = 0;
    for r in &rows {
        let explain = r["explain"].as_array().expect("explain array");
        assert!(explain.len() <= 3);
        for f in explain {
            assert!(!f["feature"].as_str().unwrap().is_empty());
            assert!(f["weight"].as_f64().unwrap() > 0.0);
        }
        listed += explain.len();
    }
    assert!(listed > 0, "no quote had any feature behind its stance");
}

#[test]
fn classify_csv_has_one_row_per_quote_and_a_probability_per_label() {
    let a = article();
    let csv = ok(demarche(&[
        "classify", &a, "--topic", TOPIC, "--format", "csv",
    ]));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    for col in [
        "speaker",
        "stance",
        "p_favor",
        "p_against",
        "p_none",
        "sentiment",
        "p_positive",
    ] {
        assert!(header.iter().any(|h| h == col), "no column {col}");
    }
    let rows = reader.records().count();
    assert_eq!(rows, classify(&[]).len());
}

#[test]
fn report_counts_every_attributed_quote_under_one_actor() {
    let a = article();
    let rows = classify(&[]);
    // Documents, speakers known only by a common noun and denied statements are no actor's.
    let attributed = rows
        .iter()
        .filter(|r| !r["speaker"].is_null() && r.get("denied").is_none())
        .filter(|r| !matches!(r["speaker_kind"].as_str(), Some("document" | "role")))
        .count();
    let report: Value =
        serde_json::from_str(&ok(demarche(&["report", &a, "--topic", TOPIC]))).unwrap();
    assert_eq!(report["topic"], TOPIC);
    assert_eq!(report["articles"], 1);
    assert!(report["model"]
        .as_str()
        .unwrap()
        .starts_with("demarche-default@"));
    let actors = report["actors"].as_array().unwrap();
    let counted: u64 = actors.iter().map(|a| a["quotes"].as_u64().unwrap()).sum();
    assert_eq!(counted as usize, attributed);
    // Sorted by number of quotes, then name.
    for w in actors.windows(2) {
        let (qa, qb) = (w[0]["quotes"].as_u64(), w[1]["quotes"].as_u64());
        assert!(qa > qb || (qa == qb && w[0]["actor"].as_str() <= w[1]["actor"].as_str()));
    }
    let texts: Vec<&str> = rows.iter().map(|r| r["text"].as_str().unwrap()).collect();
    for actor in actors {
        let evidence = actor["evidence"].as_array().unwrap();
        assert!(!evidence.is_empty() && evidence.len() <= 3, "{actor}");
        for e in evidence {
            assert!(texts.contains(&e["text"].as_str().unwrap()));
        }
        let stance = actor["stance"].as_str().unwrap();
        let conf = actor["confidence"].as_f64().unwrap();
        assert_eq!(actor["stance_probs"][stance].as_f64().unwrap(), conf);
    }
}

#[test]
fn merged_partial_reports_of_shards_equal_the_whole_report() {
    let dir = tempfile::tempdir().unwrap();
    let articles = fixture_set::articles();
    assert!(articles.len() >= 10);
    let topic = "the agreement";
    let mut whole_args = vec!["report", "--topic", topic];
    whole_args.extend(articles.iter().map(String::as_str));
    let whole = ok(demarche(&whole_args));
    // Three shards of unequal size, merged in reverse order.
    let cuts = [0, 3, 4, articles.len()];
    let mut partials = Vec::new();
    for (i, w) in cuts.windows(2).enumerate() {
        let out = dir.path().join(format!("part-{i}.json"));
        let out_s = out.to_string_lossy().into_owned();
        let mut args = vec!["report", "--topic", topic, "--partial", "-o", &out_s];
        args.extend(articles[w[0]..w[1]].iter().map(String::as_str));
        ok(demarche(&args));
        partials.push(out_s);
    }
    partials.reverse();
    let mut merge_args = vec!["merge"];
    merge_args.extend(partials.iter().map(String::as_str));
    let merged = ok(demarche(&merge_args));
    assert_eq!(merged, whole);
    let report: Value = serde_json::from_str(&whole).unwrap();
    assert_eq!(
        report["articles"].as_u64().unwrap() as usize,
        articles.len()
    );
}

#[test]
fn every_report_format_renders() {
    let a = article();
    let csv = ok(demarche(&[
        "report", &a, "--topic", TOPIC, "--format", "csv",
    ]));
    assert!(csv.starts_with("actor,"));
    let md = ok(demarche(&[
        "report", &a, "--topic", TOPIC, "--format", "md",
    ]));
    assert!(md.contains("| Actor |"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let out_s = out.to_string_lossy().into_owned();
    let printed = ok(demarche(&[
        "report", &a, "--topic", TOPIC, "--format", "html", "-o", &out_s,
    ]));
    assert!(printed.is_empty(), "-o writes to the file only");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("<svg"));
    assert!(html.contains("IAEA"));
    // Self-contained: nothing fetched from the network.
    for needle in ["src=\"http", "href=\"http", "@import", "url(http"] {
        assert!(!html.contains(needle), "the page loads {needle}");
    }
}

#[test]
fn an_actor_dictionary_rolls_speakers_up_by_affiliation() {
    let dir = tempfile::tempdir().unwrap();
    let dict = dir.path().join("actors.csv");
    std::fs::write(
        &dict,
        "name,aliases,affiliation,role\n\
         United States,State Department|Washington,United States,government\n",
    )
    .unwrap();
    let a = article();
    let d = dict.to_string_lossy().into_owned();
    let report: Value = serde_json::from_str(&ok(demarche(&[
        "report", &a, "--topic", TOPIC, "--actors", &d,
    ])))
    .unwrap();
    let names: Vec<&str> = report["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["actor"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"United States"), "{names:?}");
    assert!(!names.contains(&"State Department"), "{names:?}");
}

#[test]
fn an_empty_topic_is_a_usage_error() {
    let a = article();
    let o = demarche(&["classify", &a, "--topic", "  "]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--topic"));
}

#[test]
fn evidence_carries_its_articles_title_source_date_and_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("iran-nuclear-inspections.txt")).unwrap();
    let row = serde_json::json!({
        "id": "iran-1", "text": text, "title": "Iran bars <inspectors>",
        "source": "Wire & Co", "date": "2024-03-04",
    });
    let path = dir.path().join("news.jsonl");
    std::fs::write(&path, format!("{row}\n")).unwrap();
    let p = path.to_string_lossy().into_owned();
    let v: Value = serde_json::from_str(&ok(demarche(&["report", &p, "--topic", TOPIC]))).unwrap();
    let evidence: Vec<&Value> = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["evidence"].as_array().unwrap())
        .collect();
    assert!(!evidence.is_empty());
    for e in &evidence {
        assert_eq!(e["article"], "iran-1");
        assert_eq!(e["title"], "Iran bars <inspectors>");
        assert_eq!(e["source"], "Wire & Co");
        assert_eq!(e["date"], "2024-03-04");
        let (quote, sentence) = (e["text"].as_str().unwrap(), e["context"].as_str().unwrap());
        assert!(
            sentence.len() >= quote.len() / 2,
            "{sentence:?} for {quote:?}"
        );
        assert!(
            text.contains(sentence),
            "the sentence is the article's: {sentence:?}"
        );
    }
    // A text file that opens with no headline has no title or source: the fields are left out.
    let a = article();
    let v: Value = serde_json::from_str(&ok(demarche(&["report", &a, "--topic", TOPIC]))).unwrap();
    let e = &v["actors"][0]["evidence"][0];
    assert!(e.get("title").is_none() && e.get("source").is_none() && e.get("date").is_none());
    assert!(e["context"].is_string());
    // One that opens with a headline line has it as title; its quotes keep their offsets.
    let headed = dir.path().join("headed.txt");
    let headline = "Iran Bars Inspectors Until Censure Is Withdrawn\n\n";
    std::fs::write(&headed, format!("{headline}{text}")).unwrap();
    let h = headed.to_string_lossy().into_owned();
    let v: Value = serde_json::from_str(&ok(demarche(&["report", &h, "--topic", TOPIC]))).unwrap();
    let e = &v["actors"][0]["evidence"][0];
    assert_eq!(
        e["title"], "Iran Bars Inspectors Until Censure Is Withdrawn",
        "{v}"
    );
    let starts = |path: &str| -> Vec<u64> {
        ok(demarche(&["quotes", path]))
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["start"]
                    .as_u64()
                    .unwrap()
            })
            .collect()
    };
    let shifted: Vec<u64> = starts(&a)
        .iter()
        .map(|s| s + headline.len() as u64)
        .collect();
    assert!(!shifted.is_empty());
    assert_eq!(starts(&h), shifted);
    // The HTML page shows them, escaped.
    let html = ok(demarche(&[
        "report", &p, "--topic", TOPIC, "--format", "html",
    ]));
    assert!(html.contains("<cite>Iran bars &lt;inspectors&gt;</cite> \u{b7} Wire &amp; Co \u{b7} 2024-03-04 \u{b7} <code>iran-1</code>"));
    assert!(html.contains("<blockquote class=\"in-context\">"));
}
