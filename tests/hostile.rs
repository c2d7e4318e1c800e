//! Hostile input run through the real binary: every case ends with the contract's exit code
//! (0, 1 for a runtime failure such as a bad model file, 2 for bad usage or input), at most one
//! error line naming the file and line, never a panic, and never a half-written output.
//! Inputs are made at test time in a temporary directory.

#[path = "support/cli.rs"]
mod cli;

use cli::{demarche, show};
use std::path::Path;
use std::process::Output;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exit code `code`, no panic, and (for a failure) exactly one error line, which contains
/// every one of `says`.
fn expect(o: &Output, code: i32, says: &[&str]) {
    let err = stderr(o);
    assert!(!err.contains("panicked"), "{}", show(o));
    assert_eq!(o.status.code(), Some(code), "{}", show(o));
    if code != 0 {
        let errors: Vec<&str> = err.lines().filter(|l| !l.contains("warning")).collect();
        assert_eq!(errors.len(), 1, "one error line expected\n{}", show(o));
        assert!(errors[0].starts_with("demarche: "), "{}", show(o));
    }
    for s in says {
        assert!(err.contains(s), "stderr should contain {s:?}\n{}", show(o));
    }
}

/// Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced.
fn noise(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

/// Every `quotes` JSONL record of `out` points into `body` as the contract says.
fn offsets_hold(body: &str, out: &[u8]) -> usize {
    let mut n = 0;
    for line in String::from_utf8(out.to_vec())
        .expect("UTF-8 output")
        .lines()
    {
        let r: serde_json::Value = serde_json::from_str(line).expect("a JSON record");
        let (start, end) = (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
        let span = body
            .get(start as usize..end as usize)
            .unwrap_or_else(|| panic!("{start}..{end} is not a range of the body: {line}"));
        if r.get("spans").is_none() {
            assert_eq!(span, r["text"].as_str().unwrap(), "{line}");
        }
        n += 1;
    }
    n
}

#[test]
fn an_empty_file_has_no_quotes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let o = demarche(dir.path(), &["quotes", "empty.txt"]);
    expect(&o, 0, &[]);
    assert!(o.stdout.is_empty() && o.stderr.is_empty(), "{}", show(&o));
}

#[test]
fn random_bytes_are_read_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    for (name, seed) in [("noise.txt", 1), ("noise.html", 2), ("noise.jsonl", 3)] {
        std::fs::write(dir.path().join(name), noise(64 * 1024, seed)).unwrap();
    }
    let o = demarche(dir.path(), &["quotes", "noise.txt", "noise.html"]);
    expect(&o, 0, &["warning: noise.txt: not valid UTF-8"]);
    // Random bytes are no JSON article: the first bad line is named.
    let o = demarche(dir.path(), &["quotes", "noise.jsonl"]);
    expect(&o, 2, &["noise.jsonl:1: not a JSON article object"]);
}

#[test]
fn invalid_utf8_is_still_processed_with_a_warning_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "\u{201c}We will not,\u{201d} Putin said of caf"
        .as_bytes()
        .to_vec();
    bytes.extend(b"\xe9 \xff\xfe.\n");
    std::fs::write(dir.path().join("latin1.txt"), &bytes).unwrap();
    let o = demarche(dir.path(), &["quotes", "latin1.txt"]);
    expect(
        &o,
        0,
        &["warning: latin1.txt: not valid UTF-8; invalid bytes replaced with U+FFFD"],
    );
    let body = String::from_utf8_lossy(&bytes);
    assert_eq!(offsets_hold(&body, &o.stdout), 1, "{}", show(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("\"speaker\":\"Putin\""),
        "{}",
        show(&o)
    );
}

#[test]
fn a_50_mb_single_line_is_skipped_by_the_default_limit_with_a_warning_and_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let line = "the minister said that talks would continue ".repeat(50 * 1024 * 1024 / 44 + 1);
    std::fs::write(dir.path().join("big.txt"), &line[..50 * 1024 * 1024]).unwrap();
    std::fs::write(
        dir.path().join("small.txt"),
        "\u{201c}We will not,\u{201d} Putin said.",
    )
    .unwrap();
    let o = demarche(dir.path(), &["quotes", "big.txt", "small.txt"]);
    expect(
        &o,
        0,
        &[
            "warning: big.txt: article of 52428800 bytes skipped (over --max-article-bytes 20971520)",
            "warning: 1 article(s) skipped for size",
        ],
    );
    // The other article is still read.
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("small.txt"),
        "{}",
        show(&o)
    );
}

/// One long line with no sentence end, full of quotes and cues: this took time quadratic in
/// its length (lower-casing the sentence before every quoted fragment, and scanning every
/// quote for every token). It must simply finish; how fast is measured, not asserted.
#[test]
fn a_long_line_of_quotes_and_cues_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let words = [
        "the",
        "minister",
        "said",
        "that",
        "talks",
        "would",
        "continue",
        "Putin",
        "told",
        "reporters",
        "\u{201c}We",
        "will",
        "not,\u{201d}",
        "and",
        "\"No\"",
        "according",
        "to",
        "officials",
        "'so-called'",
    ];
    let pick = noise(400_000, 7);
    let body: String = pick
        .iter()
        .map(|&b| words[b as usize % words.len()])
        .collect::<Vec<_>>()
        .join(" ");
    assert!(body.len() > 2_000_000);
    std::fs::write(dir.path().join("line.txt"), &body).unwrap();
    let o = demarche(
        dir.path(),
        &["quotes", "line.txt", "--max-article-bytes", "100000000"],
    );
    expect(&o, 0, &[]);
    assert!(offsets_hold(&body, &o.stdout) > 1000, "{}", show(&o));
}

#[test]
fn a_hundred_thousand_quote_marks_finish() {
    let dir = tempfile::tempdir().unwrap();
    let marks = [
        "\u{201c}", "\u{201d}", "\"", "'", "\u{2018}", "\u{2019}", "\u{ab}", "\u{bb}",
    ];
    let straight = "\"".repeat(100_000);
    let mixed: String = noise(100_000, 11)
        .iter()
        .map(|&b| marks[b as usize % marks.len()])
        .collect();
    // Marks with a word and a cue between them, so pairs become quotes.
    let spoken = "\u{201c}We will not,\u{201d} Putin said. ".repeat(100_000 / 2);
    for (name, body) in [
        ("straight.txt", &straight),
        ("mixed.txt", &mixed),
        ("spoken.txt", &spoken),
    ] {
        std::fs::write(dir.path().join(name), body).unwrap();
        let o = demarche(dir.path(), &["quotes", name]);
        expect(&o, 0, &[]);
        let n = offsets_hold(body, &o.stdout);
        if name == "spoken.txt" {
            assert_eq!(n, 50_000, "{}", show(&o));
        }
    }
}

#[test]
fn deeply_nested_and_unbalanced_quotes_finish() {
    let dir = tempfile::tempdir().unwrap();
    let nested = format!(
        "Putin said: {}deep{}\n",
        "\u{201c}\u{2018}".repeat(5000),
        "\u{2019}\u{201d}".repeat(5000)
    );
    let unclosed = "\u{201c}It is unclosed, he said. ".repeat(2000);
    let closers = "\u{201d}\u{bb}'".repeat(3000);
    let openers = "Merkel said \u{ab}".repeat(3000);
    for (name, body) in [
        ("nested.txt", nested),
        ("unclosed.txt", unclosed),
        ("closers.txt", closers),
        ("openers.txt", openers),
    ] {
        std::fs::write(dir.path().join(name), &body).unwrap();
        let o = demarche(dir.path(), &["quotes", name]);
        expect(&o, 0, &[]);
        offsets_hold(&body, &o.stdout);
    }
}

/// A labeled file that trains (BOM, CRLF, a quoted field holding a line break and escaped
/// quotes), and broken ones.
const GOOD_CSV: &[u8] = b"\xef\xbb\xbftext,topic,stance,sentiment\r\n\
\"We fully support\r\nthe accord.\",the accord,favor,positive\r\n\
\"We back the accord, proudly.\",the accord,FAVOR,positive\r\n\
We reject the accord.,the accord,against,negative\r\n\
\"The accord is a \"\"disaster\"\" for us.\",the accord,against,negative\r\n\
Talks on the accord resume Tuesday.,the accord,none,neutral\r\n\
Nothing to announce on the accord.,the accord,none,neutral\r\n";

#[test]
fn a_csv_with_bom_crlf_and_embedded_newlines_trains_and_evaluates() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.csv"), GOOD_CSV).unwrap();
    let o = demarche(
        dir.path(),
        &["train", "good.csv", "-o", "good.dmm", "--min-df", "1"],
    );
    expect(&o, 0, &[]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("rows       6 (0 skipped)"), "{}", show(&o));
    assert!(out.contains("against 2, favor 2, none 2"), "{}", show(&o));
    let o = demarche(dir.path(), &["eval", "good.csv", "--model", "good.dmm"]);
    expect(&o, 0, &[]);
}

#[test]
fn bad_csv_rows_name_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &[u8], &[&str], &str)] = &[
        (
            "missing-column.csv",
            b"id,stance\n1,favor\n",
            &[],
            "missing-column.csv:1: no column \"text\" in the header",
        ),
        (
            "unknown-label.csv",
            b"text,stance\nWe back it.,favor\nWe reject it.,pro\n",
            &["--labels", "favor,against,none"],
            "unknown-label.csv:3: stance label \"pro\" is not one of favor, against, none",
        ),
        (
            "empty-text.csv",
            b"text,stance\nWe back it.,favor\n  ,against\n",
            &[],
            "empty-text.csv:3: empty text",
        ),
        (
            "ragged.csv",
            b"text,stance\nWe back it.,favor\nshort\n",
            &[],
            "ragged.csv:3: missing column stance",
        ),
        (
            "no-label-column.csv",
            b"text,label\nWe back it.,favor\n",
            &[],
            "no-label-column.csv:1: no label column",
        ),
        ("empty.csv", b"", &[], "empty.csv:1: no header row"),
        (
            // Line numbers count physical lines, through CRLF and quoted line breaks.
            "crlf.csv",
            b"text,stance\r\n\"We back it.\",favor\r\n\"two\r\nlines\",against\r\n,none\r\n",
            &[],
            "crlf.csv:5: empty text",
        ),
        (
            "embedded.csv",
            b"text,stance\n\"We back\nit, fully.\",favor\n\"More\n\nlines\",against\n\"\",none\n",
            &[],
            "embedded.csv:7: empty text",
        ),
        (
            "bom-bad.csv",
            b"\xef\xbb\xbftext,stance\r\nfine,favor\r\nfine too,\r\n",
            &[],
            "bom-bad.csv:3: empty stance label",
        ),
    ];
    for (name, content, flags, says) in cases {
        std::fs::write(dir.path().join(name), content).unwrap();
        for command in ["train", "eval"] {
            let mut args = vec![command, *name];
            args.extend_from_slice(flags);
            if command == "train" {
                args.extend(["-o", "m.dmm"]);
            }
            let o = demarche(dir.path(), &args);
            expect(&o, 2, &[says]);
        }
    }
    assert!(!dir.path().join("m.dmm").exists());
}

/// Model files: a good one cut short, one byte flipped, a file too short for the header, and
/// another format version.
fn broken_models(dir: &Path) -> Vec<(&'static str, &'static str)> {
    let good = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("models/default.dmm"))
        .expect("the default model file");
    std::fs::write(dir.join("truncated.dmm"), &good[..good.len() / 2]).unwrap();
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0xff;
    std::fs::write(dir.join("corrupt.dmm"), flipped).unwrap();
    std::fs::write(dir.join("stub.dmm"), &good[..10]).unwrap();
    let mut v99 = good.clone();
    v99[15..19].copy_from_slice(&99u32.to_le_bytes());
    std::fs::write(dir.join("v99.dmm"), v99).unwrap();
    vec![
        ("truncated.dmm", "truncated.dmm: damaged model file"),
        (
            "corrupt.dmm",
            "corrupt.dmm: damaged model file: checksum mismatch",
        ),
        ("stub.dmm", "stub.dmm: not a demarche model file"),
        (
            "v99.dmm",
            "v99.dmm: model file format version 99, this demarche reads version 2",
        ),
    ]
}

#[test]
fn broken_model_files_are_runtime_failures_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "\u{201c}We will not,\u{201d} Putin said.",
    )
    .unwrap();
    std::fs::write(dir.path().join("good.csv"), GOOD_CSV).unwrap();
    for (model, says) in broken_models(dir.path()) {
        let o = demarche(
            dir.path(),
            &[
                "classify",
                "a.txt",
                "--topic",
                "the accord",
                "--model",
                model,
            ],
        );
        expect(&o, 1, &[says]);
        let o = demarche(dir.path(), &["eval", "good.csv", "--model", model]);
        expect(&o, 1, &[says]);
    }
}

#[test]
fn missing_paths_are_usage_errors_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "\u{201c}We will not,\u{201d} Putin said.",
    )
    .unwrap();
    let says = "demarche: nope.txt: No such file or directory (os error 2)";
    let o = demarche(dir.path(), &["quotes", "a.txt", "nope.txt"]);
    expect(&o, 2, &[says]);
    // Said once: the I/O error used to be printed a second time as its own cause.
    assert_eq!(stderr(&o).trim_end(), says, "{}", show(&o));
    let o = demarche(dir.path(), &["train", "nope.csv", "-o", "m.dmm"]);
    expect(&o, 2, &["nope.csv: No such file or directory"]);
    let o = demarche(
        dir.path(),
        &["classify", "a.txt", "--topic", "t", "--model", "nope.dmm"],
    );
    expect(&o, 2, &["nope.dmm: No such file or directory"]);
}

#[test]
fn an_unwritable_output_path_is_a_runtime_failure_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "\u{201c}We will not,\u{201d} Putin said.",
    )
    .unwrap();
    std::fs::write(dir.path().join("good.csv"), GOOD_CSV).unwrap();
    let says = "demarche: no-such-dir/x.json: cannot write: No such file or directory";
    let runs: [&[&str]; 4] = [
        &["quotes", "a.txt", "-o", "no-such-dir/x.json"],
        &[
            "report",
            "a.txt",
            "--topic",
            "t",
            "-o",
            "no-such-dir/x.json",
        ],
        &["eval", "good.csv", "-o", "no-such-dir/x.json"],
        &[
            "train",
            "good.csv",
            "--min-df",
            "1",
            "-o",
            "no-such-dir/x.json",
        ],
    ];
    for args in runs {
        let o = demarche(dir.path(), args);
        expect(&o, 1, &[says]);
        // Not tempfile's name for the file it could not make.
        assert!(!stderr(&o).contains(".tmp"), "{}", show(&o));
    }
}

#[test]
fn a_failed_run_leaves_an_existing_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "\u{201c}We will not,\u{201d} Putin said.").unwrap();
    // The first article is fine and its results are written before the second fails.
    std::fs::write(
        d.join("bad.jsonl"),
        "{\"text\":\"\u{201c}We agree,\u{201d} Merkel said.\"}\n{oops\n",
    )
    .unwrap();
    std::fs::write(d.join("bad.csv"), "text,stance\nfine,favor\n,against\n").unwrap();
    broken_models(d);
    let old = "old output\n";
    let runs: [(&[&str], i32); 5] = [
        (&["quotes", "bad.jsonl", "-o", "out"], 2),
        (&["report", "bad.jsonl", "--topic", "t", "-o", "out"], 2),
        (
            &[
                "report",
                "a.txt",
                "--topic",
                "t",
                "--model",
                "corrupt.dmm",
                "-o",
                "out",
            ],
            1,
        ),
        (&["train", "bad.csv", "-o", "out"], 2),
        (&["eval", "bad.csv", "-o", "out"], 2),
    ];
    for (args, code) in runs {
        std::fs::write(d.join("out"), old).unwrap();
        let before: Vec<_> = std::fs::read_dir(d).unwrap().collect();
        let o = demarche(d, args);
        expect(&o, code, &[]);
        assert_eq!(
            std::fs::read_to_string(d.join("out")).unwrap(),
            old,
            "{args:?}"
        );
        let after: Vec<_> = std::fs::read_dir(d).unwrap().collect();
        assert_eq!(
            before.len(),
            after.len(),
            "a temporary file was left: {args:?}"
        );
    }
    // The same runs with good input do replace it.
    let o = demarche(d, &["quotes", "a.txt", "-o", "out"]);
    expect(&o, 0, &[]);
    assert!(std::fs::read_to_string(d.join("out"))
        .unwrap()
        .contains("\"text\":\"We will not\""));
}
