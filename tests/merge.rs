//! `demarche merge` run as a binary: partial reports made on shards merge into the report of
//! the whole input, and bad partial files fail with exit code 2 and a message naming them.

use demarche::report::{Format, GroupBy, ReportBuilder, ScoredQuote};
use demarche::QuoteKind;
use std::io::Write;
#[path = "support/cli.rs"]
mod cli;

use cli::{demarche, show};
use std::path::Path;
use std::process::{Command, Stdio};

fn quote(article: &str, speaker: &str, text: &str, fan: [f64; 3]) -> ScoredQuote {
    ScoredQuote {
        article: article.into(),
        date: Some("2007-02-10".into()),
        speaker: speaker.into(),
        affiliation: None,
        source_text: Some(speaker.into()),
        kind: QuoteKind::Direct,
        text: text.into(),
        stance_probs: ["favor", "against", "none"]
            .iter()
            .zip(fan)
            .map(|(l, p)| (l.to_string(), p))
            .collect(),
        sentiment_probs: None,
        relevance: None,
        title: None,
        source: None,
        context: None,
    }
}

/// Three articles, the Munich speech in miniature.
fn articles() -> Vec<Vec<ScoredQuote>> {
    vec![
        vec![
            quote(
                "munich.txt",
                "Vladimir Putin",
                "Only the Kosovars and Serbs can resolve this.",
                [0.1, 0.8, 0.1],
            ),
            quote(
                "munich.txt",
                "John McCain",
                "Kosovo's independence is inevitable.",
                [0.85, 0.05, 0.1],
            ),
        ],
        vec![quote(
            "moscow.txt",
            "Putin",
            "It would be a dangerous precedent.",
            [0.05, 0.9, 0.05],
        )],
        vec![quote(
            "kremlin.txt",
            "Dmitry Peskov",
            "We will not accept it.",
            [0.02, 0.93, 0.05],
        )],
    ]
}

fn builder(articles: &[Vec<ScoredQuote>]) -> ReportBuilder<'static> {
    let mut b = ReportBuilder::new("independence for Kosovo", "test@1", None, GroupBy::Actor);
    for a in articles {
        b.add_article(demarche::Article::from_text("", a[0].article.as_str()).content_hash());
        for q in a {
            b.add(q);
        }
    }
    b
}

fn write_partial(path: &Path, articles: &[Vec<ScoredQuote>]) {
    let mut out = Vec::new();
    builder(articles).partial().write_to(&mut out).unwrap();
    std::fs::write(path, out).unwrap();
}

#[test]
fn merge_of_shards_is_the_report_of_the_whole() {
    let dir = tempfile::tempdir().unwrap();
    let all = articles();
    write_partial(&dir.path().join("a.json"), &all[..1]);
    write_partial(&dir.path().join("b.json"), &all[1..]);
    for (flag, format) in [
        ("json", Format::Json),
        ("csv", Format::Csv),
        ("md", Format::Md),
        ("html", Format::Html),
    ] {
        let mut expected = Vec::new();
        builder(&all)
            .finish()
            .write_to(&mut expected, format)
            .unwrap();
        let out = demarche(dir.path(), &["merge", "b.json", "a.json", "--format", flag]);
        assert!(out.status.success(), "{}", show(&out));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&expected),
            "--format {flag}\n{}",
            show(&out)
        );
    }
    let json =
        String::from_utf8(demarche(dir.path(), &["merge", "a.json", "b.json"]).stdout).unwrap();
    assert!(json.contains("\"actor\": \"Vladimir Putin\""), "{json}");
    assert!(
        json.contains("\"quotes\": 2"),
        "Putin from two shards: {json}"
    );
}

#[test]
fn merged_partials_merge_again() {
    let dir = tempfile::tempdir().unwrap();
    let all = articles();
    for (i, a) in all.iter().enumerate() {
        write_partial(
            &dir.path().join(format!("{i}.json")),
            std::slice::from_ref(a),
        );
    }
    let out = demarche(
        dir.path(),
        &["merge", "0.json", "1.json", "--partial", "-o", "01.json"],
    );
    assert!(out.status.success(), "{}", show(&out));
    let out = demarche(
        dir.path(),
        &["merge", "01.json", "2.json", "-o", "report.json"],
    );
    assert!(out.status.success(), "{}", show(&out));
    let mut expected = Vec::new();
    builder(&all)
        .finish()
        .write_to(&mut expected, Format::Json)
        .unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("report.json")).unwrap(),
        expected
    );
}

#[test]
fn partials_come_concatenated_on_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let all = articles();
    let mut parts = Vec::new();
    for a in &all {
        builder(std::slice::from_ref(a))
            .partial()
            .write_to(&mut parts)
            .unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .current_dir(dir.path())
        .args(["merge", "-", "--format", "md"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&parts).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", show(&out));
    let mut expected = Vec::new();
    builder(&all)
        .finish()
        .write_to(&mut expected, Format::Md)
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&expected)
    );
}

#[test]
fn bad_partials_exit_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    write_partial(&dir.path().join("a.json"), &articles());
    std::fs::write(
        dir.path().join("bad.json"),
        "{\"format\": \"demarche-partial\",\n  \"version\": \"one\"}",
    )
    .unwrap();
    std::fs::write(dir.path().join("old.html"), "keep").unwrap();
    let out = demarche(
        dir.path(),
        &["merge", "a.json", "bad.json", "-o", "old.html"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("demarche: bad.json:2: not a partial report: "),
        "{}",
        show(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("old.html")).unwrap(),
        "keep"
    );

    let out = demarche(dir.path(), &["merge", "a.json", "missing.json"]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("missing.json"),
        "{}",
        show(&out)
    );

    let mut other = Vec::new();
    ReportBuilder::new("another topic", "test@1", None, GroupBy::Actor)
        .partial()
        .write_to(&mut other)
        .unwrap();
    std::fs::write(dir.path().join("other.json"), other).unwrap();
    let out = demarche(dir.path(), &["merge", "a.json", "other.json"]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        "demarche: other.json: topic is \"another topic\", but a.json has \"independence for Kosovo\""
    );
}

/// The same partial twice, or shards that both counted one text, would count quotes twice:
/// refused, naming the file.
#[test]
fn a_partial_given_twice_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_partial(&d.join("a.json"), &articles());
    std::fs::copy(d.join("a.json"), d.join("copy.json")).unwrap();
    for args in [
        ["merge", "a.json", "a.json"],
        ["merge", "a.json", "copy.json"],
    ] {
        let out = demarche(d, &args);
        assert_eq!(out.status.code(), Some(2), "{}", show(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with(&format!(
                "demarche: {}: 3 of its 3 articles were also counted in a.json",
                args[2]
            )),
            "{}",
            show(&out)
        );
    }
}

/// The same article twice in one input (a file named twice, wire copy under two ids) counts
/// once, says so, and `--keep-duplicates` counts both.
#[test]
fn duplicate_articles_count_once_unless_kept() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = "\u{201c}We will not accept it,\u{201d} Putin said.";
    std::fs::write(d.join("a.txt"), text).unwrap();
    std::fs::write(
        d.join("wire.jsonl"),
        format!(
            "{}\n{}\n",
            serde_json::json!({"id": "reuters-1", "text": text}),
            serde_json::json!({"id": "afp-9", "text": text})
        ),
    )
    .unwrap();
    let out = demarche(
        d,
        &["report", "a.txt", "a.txt", "wire.jsonl", "--topic", "t"],
    );
    assert!(out.status.success(), "{}", show(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["articles"].as_u64(), v["duplicates"].as_u64()),
        (Some(1), Some(3))
    );
    assert_eq!(v["actors"][0]["quotes"], 1);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        "demarche: warning: 3 article(s) with the same text as an earlier one counted once \
         (--keep-duplicates counts every copy)"
    );
    let out = demarche(
        d,
        &[
            "report",
            "a.txt",
            "a.txt",
            "wire.jsonl",
            "--topic",
            "t",
            "--keep-duplicates",
        ],
    );
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{}",
        show(&out)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["articles"].as_u64(), v["duplicates"].as_u64()),
        (Some(4), Some(3))
    );
    assert_eq!(v["actors"][0]["quotes"], 4);
}
