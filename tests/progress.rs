//! Progress and the closing summary, as a person sees them: the real binary with standard
//! error on a pseudo-terminal.

use expectrl::session::OsSession as Session;
use expectrl::{Eof, Expect, Regex};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn session(args: &[&str]) -> Session {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_demarche"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).args(args);
    let mut s = Session::spawn(cmd).expect("the binary runs in a pseudo-terminal");
    // Generous: a loaded machine may take a while; nothing here is timed.
    s.set_expect_timeout(Some(Duration::from_secs(120)));
    s
}

fn fixtures() -> String {
    Path::new("tests/fixtures/gold-a").display().to_string()
}

#[test]
fn a_run_on_a_terminal_ends_with_a_one_line_summary() {
    let dir = fixtures();
    let articles = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "txt" || x == "html")
        })
        .count();
    let mut s = session(&["report", &dir, "--topic", "sanctions", "-o", "/dev/null"]);
    let found = s
        .expect(Regex(
            r"demarche: (\d+) articles, ([\d,]+) quotes, ([\d,]+) speakers in \d+\.\d s",
        ))
        .expect("the summary line");
    let number = |i: usize| {
        String::from_utf8_lossy(found.get(i).unwrap())
            .replace(',', "")
            .parse::<u64>()
            .unwrap()
    };
    assert_eq!(number(1), articles as u64);
    assert!(number(2) > number(3), "more quotes than speakers");
    s.expect(Eof).unwrap();
}

#[test]
fn quiet_runs_print_no_summary() {
    let dir = fixtures();
    let mut s = session(&[
        "quotes",
        &dir,
        "--format",
        "csv",
        "--quiet",
        "-o",
        "/dev/null",
    ]);
    let rest = s.expect(Eof).expect("the run ends");
    let text = String::from_utf8_lossy(rest.before());
    assert!(!text.contains("articles"), "{text}");
}
