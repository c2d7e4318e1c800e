//! `demarche label` driven as a person drives it: the real binary in a pseudo-terminal, keys
//! typed, the screen read, the labels file checked, then read by `train`.

#[path = "support/cli.rs"]
mod cli;

use cli::{demarche, show};
use expectrl::session::OsSession as Session;
use expectrl::{Expect, Regex};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const TOPIC: &str = "restoring IAEA inspections in Iran";

fn article() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gold-a/iran-nuclear-inspections.txt")
}

/// The statement on the screen: its text between the typographic quotes, wrapped over as
/// many lines as it takes, up to the blank line before the context.
const STATEMENT: &str =
    "(?s)Statement \x1b\\[0m\u{201c}(.*?)\u{201d}\r\n\x1b\\[1m +\x1b\\[0m\r\n\x1b\\[1mContext";
const DONE: &str = "no statement left to label";

/// A labeling session on `labels.csv` in `dir`.
fn spawn(dir: &Path, extra: &[&str]) -> Session {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_demarche"));
    cmd.current_dir(dir)
        .arg("label")
        .arg(article())
        .args(["--topic", TOPIC, "-o", "labels.csv", "--quiet"])
        .args(extra);
    let mut s = Session::spawn(cmd).expect("the binary runs in a pseudo-terminal");
    // Generous: a loaded machine may take a while to classify; nothing here is timed.
    s.set_expect_timeout(Some(Duration::from_secs(120)));
    s
}

/// The statement on the next screen, or `None` when none is left.
fn next(s: &mut Session) -> Option<String> {
    let found = s
        .expect(Regex(format!("{STATEMENT}|{DONE}")))
        .expect("a statement or the end");
    let escapes = regex::Regex::new("\x1b\\[[0-9;?]*[a-zA-Z]").unwrap();
    found.get(1).map(|t| {
        let text = String::from_utf8_lossy(t);
        flat(&escapes.replace_all(&text, " "))
    })
}

fn press(s: &mut Session, key: &str) {
    s.send(key).expect("the key is sent");
}

fn expect(s: &mut Session, text: &str) {
    if let Err(e) = s.expect(text) {
        panic!("waiting for {text:?}: {e}");
    }
}

/// Waits for the process to end and returns its exit code.
fn exit_code(s: &mut Session) -> i32 {
    match s.get_process().wait().expect("the process ends") {
        expectrl::process::unix::WaitStatus::Exited(_, code) => code,
        other => panic!("the process did not exit: {other:?}"),
    }
}

/// The file's rows as maps from column to value.
fn rows(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            header
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// A statement as the screen shows it: on one line.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn keys_label_skip_undo_and_quit_and_a_second_run_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = spawn(dir.path(), &[]);
    let a = next(&mut s).expect("a statement");
    expect(
        &mut s,
        "f favor  a against  n none (on topic)  o off topic  s skip  u undo  q quit",
    );
    press(&mut s, "f");
    let b = next(&mut s).expect("a second statement");
    expect(&mut s, "saved: favor");
    press(&mut s, "a");
    let c = next(&mut s).expect("a third statement");
    expect(&mut s, "saved: against");
    press(&mut s, "s");
    let d = next(&mut s).expect("a fourth statement");
    expect(&mut s, "skipped");
    press(&mut s, "o");
    let e = next(&mut s).expect("a fifth statement");
    expect(&mut s, "saved: none, off topic");
    press(&mut s, "u");
    assert_eq!(
        next(&mut s).as_ref(),
        Some(&d),
        "undo asks the statement again"
    );
    expect(&mut s, "undone: ");
    press(&mut s, "x");
    assert_eq!(next(&mut s).as_ref(), Some(&d));
    expect(&mut s, "no key 'x'");
    press(&mut s, "n");
    assert_eq!(next(&mut s).as_ref(), Some(&e));
    expect(&mut s, "saved: none");
    press(&mut s, "q");
    expect(&mut s, "4 labels written, 1 undone; 3 in labels.csv;");
    assert_eq!(exit_code(&mut s), 0);
    let distinct: HashSet<&String> = [&a, &b, &c, &d, &e].into_iter().collect();
    assert_eq!(distinct.len(), 5, "each statement once: {distinct:?}");

    let path = dir.path().join("labels.csv");
    let first = std::fs::read(&path).unwrap();
    let text = String::from_utf8(first.clone()).unwrap();
    assert!(
        text.starts_with("text,topic,stance,on_topic,speaker,context,cue,kind,article\n"),
        "{text:?}"
    );
    let got = rows(&path);
    let want = [
        (&a, "favor", "true"),
        (&b, "against", "true"),
        (&d, "none", "true"),
    ];
    assert_eq!(got.len(), want.len(), "{text}");
    for (row, (statement, stance, on_topic)) in got.iter().zip(want) {
        assert_eq!(flat(&row["text"]), *statement);
        assert_eq!(row["topic"], TOPIC);
        assert_eq!(row["stance"], stance);
        assert_eq!(row["on_topic"], on_topic);
        assert!(!row["context"].is_empty(), "{row:?}");
        assert!(["direct", "indirect", "partial"].contains(&row["kind"].as_str()));
        assert_eq!(row["article"], article().display().to_string());
    }
    assert!(got.iter().any(|r| !r["speaker"].is_empty()), "{text}");

    // Again on the same file: what it holds is not asked, the rest is, and undo reaches the
    // last row of the earlier run.
    let mut s = spawn(dir.path(), &[]);
    let mut shown = Vec::new();
    while let Some(t) = next(&mut s) {
        shown.push(t);
        press(&mut s, "s");
    }
    for labeled in [&a, &b, &d] {
        assert!(
            !shown.contains(labeled),
            "{labeled:?} asked again: {shown:?}"
        );
    }
    assert!(shown.contains(&c) && shown.contains(&e), "{shown:?}");
    // Least certain first: the order of the model's highest stance probability, as
    // `classify` gives it.
    let a_path = article();
    let out = demarche(
        dir.path(),
        &["classify", a_path.to_str().unwrap(), "--topic", TOPIC],
    );
    assert!(out.status.success(), "{}", show(&out));
    let mut expected: Vec<(f64, String)> = Vec::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = flat(v["text"].as_str().unwrap());
        let p = v["stance_probs"]
            .as_object()
            .unwrap()
            .values()
            .map(|p| p.as_f64().unwrap())
            .fold(0.0, f64::max);
        if ![&a, &b, &d].contains(&&text) && !expected.iter().any(|(_, t)| *t == text) {
            expected.push((p, text));
        }
    }
    expected.sort_by(|x, y| x.0.total_cmp(&y.0));
    let expected: Vec<String> = expected.into_iter().map(|(_, t)| t).collect();
    assert_eq!(shown, expected);
    press(&mut s, "u");
    assert_eq!(next(&mut s).as_ref(), Some(&d));
    press(&mut s, "q");
    expect(&mut s, "0 labels written, 1 undone; 2 in labels.csv;");
    assert_eq!(exit_code(&mut s), 0);
    let now = std::fs::read(&path).unwrap();
    assert!(first.starts_with(&now), "only the last row is gone");
    assert_eq!(rows(&path).len(), 2);
}

#[test]
fn a_whole_article_labeled_with_sentiment_trains_a_model() {
    let dir = tempfile::tempdir().unwrap();
    // An earlier file by hand, in another column order and without a final line end: kept
    // as it is, and appended to in its own order.
    let old = "stance,sentiment,text,topic,note\n\
               favor,positive,\"Inspectors must return, and soon.\",restoring IAEA inspections in Iran,mine";
    std::fs::write(dir.path().join("labels.csv"), old).unwrap();
    let mut s = spawn(dir.path(), &[]);
    expect(&mut s, "1 in labels.csv");
    let keys = [("f", "p"), ("a", "m"), ("n", "e"), ("o", "e")];
    let mut labeled = 0;
    while next(&mut s).is_some() {
        let (stance, sentiment) = keys[labeled % keys.len()];
        press(&mut s, stance);
        expect(&mut s, "sentiment: p positive  m negative  e neutral");
        press(&mut s, sentiment);
        labeled += 1;
    }
    assert!(labeled >= 8, "the article has more statements: {labeled}");
    press(&mut s, "q");
    expect(&mut s, &format!("{labeled} labels written"));
    assert_eq!(exit_code(&mut s), 0);

    let path = dir.path().join("labels.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with(&format!("{old}\n")), "{text}");
    let got = rows(&path);
    assert_eq!(got.len(), labeled + 1);
    for (i, row) in got[1..].iter().enumerate() {
        let want = [
            ("favor", "positive"),
            ("against", "negative"),
            ("none", "neutral"),
            ("none", "neutral"),
        ][i % keys.len()];
        assert_eq!((row["stance"].as_str(), row["sentiment"].as_str()), want);
        assert_eq!(row["topic"], TOPIC);
        assert_eq!(row["note"], "", "a column label does not know stays empty");
    }

    let out = demarche(
        dir.path(),
        &["train", "labels.csv", "-o", "m.dmm", "--min-df", "1"],
    );
    assert!(out.status.success(), "{}", show(&out));
    let card = String::from_utf8_lossy(&out.stdout);
    assert!(
        card.contains(&format!("rows       {}", labeled + 1)),
        "{card}"
    );
    assert!(card.contains("sentiment"), "{card}");
    let out = demarche(dir.path(), &["eval", "labels.csv", "--model", "m.dmm"]);
    assert!(out.status.success(), "{}", show(&out));
}

#[test]
fn sentiment_is_a_second_key_and_escape_takes_the_stance_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = spawn(dir.path(), &["--sentiment"]);
    let first = next(&mut s).expect("a statement");
    press(&mut s, "f");
    assert_eq!(next(&mut s).as_ref(), Some(&first));
    expect(
        &mut s,
        "sentiment: p positive  m negative  e neutral  (Esc: back)",
    );
    press(&mut s, "\x1b");
    assert_eq!(next(&mut s).as_ref(), Some(&first));
    expect(&mut s, "not labeled");
    press(&mut s, "a");
    expect(&mut s, "sentiment: p positive");
    press(&mut s, "m");
    let second = next(&mut s).expect("another statement");
    assert_ne!(second, first);
    expect(&mut s, "saved: against, negative");
    press(&mut s, "q");
    expect(&mut s, "1 label written, 0 undone; 1 in labels.csv;");
    assert_eq!(exit_code(&mut s), 0);
    let text = std::fs::read_to_string(dir.path().join("labels.csv")).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("text,topic,stance,sentiment,on_topic,speaker,context,cue,kind,article")
    );
    let row = rows(&dir.path().join("labels.csv")).remove(0);
    assert_eq!(flat(&row["text"]), first);
    assert_eq!(
        (row["stance"].as_str(), row["sentiment"].as_str()),
        ("against", "negative")
    );
}

#[test]
fn standard_input_that_is_no_terminal_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = article();
    let out = demarche(
        dir.path(),
        &[
            "label",
            a.to_str().unwrap(),
            "--topic",
            TOPIC,
            "-o",
            "labels.csv",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "demarche: label is interactive: standard input and output must be a terminal\n"
    );
    assert!(!dir.path().join("labels.csv").exists());
}

#[test]
fn bad_labels_files_and_outputs_are_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let a = article();
    let a = a.to_str().unwrap();
    let labels = dir.path().join("labels.csv");
    let cases: [(&str, &[&str], &str); 5] = [
        (
            "text,stance\nx,none\n",
            &["-o", "labels.csv"],
            "labels.csv:1: no column \"topic\" in the header (columns: text, stance): not a labels file",
        ),
        (
            "text,topic,stance\nok,t,none\nshort\n",
            &["-o", "labels.csv"],
            "labels.csv:3: the row has 1 fields, fewer than the header's 3",
        ),
        (
            "text,topic,stance\nok,t,none\n",
            &["-o", "labels.csv", "--sentiment"],
            "labels.csv:1: has no sentiment column: label without --sentiment, or into another file",
        ),
        ("", &["-o", a], "is an input and the output (-o)"),
        (
            "",
            &["-o", "labels.csv", "-"],
            "label reads its keys from standard input: name the articles as files, not -",
        ),
    ];
    for (content, extra, message) in cases {
        std::fs::write(&labels, content).unwrap();
        let mut args = vec!["label", a, "--topic", TOPIC];
        args.extend_from_slice(extra);
        let out = demarche(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{}", show(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(message), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert_eq!(std::fs::read_to_string(&labels).unwrap(), content);
    }
}
