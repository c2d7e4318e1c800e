//! `train` and `eval` run as a user runs them: the real binary in a temporary directory.

#[path = "support/cli.rs"]
mod cli;

use cli::{demarche, show};
use std::path::Path;

/// A small labeled file in the team's format, written for these tests.
fn corpus(dir: &Path) {
    let mut csv = String::from("id,topic,speaker,text,stance,sentiment\n");
    let rows = [
        (
            "the accord",
            "We fully support the accord and welcome its signing.",
            "favor",
            "positive",
        ),
        (
            "the accord",
            "The accord is a historic step we are proud to back.",
            "favor",
            "positive",
        ),
        (
            "the accord",
            "We will never accept this accord; it is a dangerous precedent.",
            "against",
            "negative",
        ),
        (
            "the accord",
            "This accord violates our sovereignty and we reject it.",
            "against",
            "negative",
        ),
        (
            "the accord",
            "Talks on the accord resume on Tuesday in Geneva.",
            "none",
            "neutral",
        ),
        (
            "the accord",
            "The delegation has nothing to announce about the accord today.",
            "none",
            "neutral",
        ),
        (
            "the sanctions",
            "We welcome the sanctions and urge partners to join them.",
            "favor",
            "positive",
        ),
        (
            "the sanctions",
            "These sanctions are illegal and we condemn them.",
            "against",
            "negative",
        ),
        (
            "the sanctions",
            "The sanctions committee meets on Monday.",
            "none",
            "neutral",
        ),
    ];
    for round in 0..3 {
        for (i, (topic, text, stance, sentiment)) in rows.iter().enumerate() {
            csv.push_str(&format!(
                "r{round}-{i},{topic},x,\"{text}\",{stance},{sentiment}\n"
            ));
        }
    }
    std::fs::write(dir.join("train.csv"), csv).unwrap();
}

#[test]
fn train_then_eval_reports_the_contract_fields() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let o = demarche(
        dir.path(),
        &[
            "train",
            "train.csv",
            "-o",
            "m.dmm",
            "--per-topic",
            "--cv",
            "3",
            "--format",
            "json",
        ],
    );
    assert!(o.status.success(), "{}", show(&o));
    let card: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(card["rows"], 27, "{card}");
    assert_eq!(card["cv"]["folds"], 3);
    assert!(card["fits"][0]["converged"].as_bool().unwrap());
    assert_eq!(
        card["training_files"][0]["sha256"].as_str().unwrap().len(),
        64
    );

    let o = demarche(
        dir.path(),
        &["eval", "train.csv", "--model", "m.dmm", "--format", "json"],
    );
    assert!(o.status.success(), "{}", show(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["rows"], 27);
    for task in ["stance", "sentiment"] {
        let s = &v[task];
        assert!(s["accuracy"].as_f64().unwrap() > 0.9, "{task}: {s}");
        assert!(
            s["macro_f1"].is_number() && s["per_class"].is_object(),
            "{s}"
        );
        assert_eq!(s["confusion"]["labels"].as_array().unwrap().len(), 3);
    }
    assert!(v["stance"]["f_avg"].is_number());
    assert!(v["sentiment"].get("f_avg").is_none());

    let o = demarche(
        dir.path(),
        &["eval", "train.csv", "--model", "m.dmm", "-o", "scores.txt"],
    );
    assert!(o.status.success(), "{}", show(&o));
    let table = std::fs::read_to_string(dir.path().join("scores.txt")).unwrap();
    assert!(
        table.contains("stance: accuracy") && table.contains("confusion"),
        "{table}"
    );
}

#[test]
fn bad_rows_exit_2_naming_file_and_line_unless_skipped() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let mut bad = std::fs::read_to_string(dir.path().join("train.csv")).unwrap();
    bad.push_str("z1,the accord,x,,favor,positive\n");
    std::fs::write(dir.path().join("bad.csv"), bad).unwrap();
    let o = demarche(dir.path(), &["train", "bad.csv", "-o", "m.dmm"]);
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.csv:29: empty text"), "{err}");
    assert!(
        !dir.path().join("m.dmm").exists(),
        "no model is written on failure"
    );

    let o = demarche(
        dir.path(),
        &[
            "train",
            "bad.csv",
            "-o",
            "m.dmm",
            "--skip-bad-rows",
            "--format",
            "json",
        ],
    );
    assert!(o.status.success(), "{}", show(&o));
    let card: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(card["skipped_rows"], 1);
    assert!(String::from_utf8_lossy(&o.stderr).contains("skipped 1 bad rows"));
}

#[test]
fn a_bad_model_file_exits_1_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    std::fs::write(dir.path().join("junk.dmm"), b"not a model").unwrap();
    let o = demarche(dir.path(), &["eval", "train.csv", "--model", "junk.dmm"]);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("junk.dmm") && err.contains("not a demarche model"),
        "{err}"
    );
}

#[test]
fn tab_files_with_mapped_columns_and_labels_train() {
    let dir = tempfile::tempdir().unwrap();
    let mut tsv = String::from("ID\tTarget\tTweet\tStance\r\n");
    for i in 0..6 {
        let (text, label) = if i % 2 == 0 {
            ("we back the plan", "FOR")
        } else {
            ("we oppose the plan", "AGAINST")
        };
        tsv.push_str(&format!("{i}\tthe plan\t{text} {i}\t{label}\r\n"));
    }
    std::fs::write(dir.path().join("t.tsv"), tsv).unwrap();
    let args = [
        "train",
        "t.tsv",
        "-o",
        "m.dmm",
        "--delimiter",
        "tab",
        "--text-col",
        "Tweet",
        "--topic-col",
        "Target",
        "--stance-col",
        "Stance",
        "--label-map",
        "for=favor",
        "--labels",
        "favor,against",
        "--min-df",
        "1",
        "--format",
        "json",
    ];
    let o = demarche(dir.path(), &args);
    assert!(o.status.success(), "{}", show(&o));
    let card: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(card["label_counts"]["stance"]["favor"], 3, "{card}");
    let o = demarche(
        dir.path(),
        &[
            "train",
            "t.tsv",
            "-o",
            "m.dmm",
            "--delimiter",
            "tab",
            "--text-col",
            "Tweet",
            "--stance-col",
            "Stance",
            "--labels",
            "favor,against",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("t.tsv:2: stance label \"FOR\""),
        "{}",
        show(&o)
    );
}
