//! What `-o` and standard output do to what they write to, run through the real binary: an
//! input is never overwritten, a FIFO or a device is written to and not replaced, a link is
//! followed, modes follow the umask or are kept, a killed run leaves no temporary file, and a
//! closed pipe ends the run quietly.

#[path = "support/cli.rs"]
mod cli;

use cli::{demarche, show};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ARTICLE: &str = "\u{201c}We will not accept it,\u{201d} Putin said.";

fn temporary_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn an_output_that_is_an_input_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("news")).unwrap();
    std::fs::write(d.join("news/a.txt"), ARTICLE).unwrap();
    std::fs::write(d.join("a.txt"), ARTICLE).unwrap();
    std::fs::write(
        d.join("labeled.csv"),
        "text,stance\nWe back it.,favor\nWe reject it.,against\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("a.txt", d.join("alias.txt")).unwrap();
    let o = demarche(
        d,
        &[
            "report",
            "a.txt",
            "--topic",
            "t",
            "--partial",
            "-o",
            "p.json",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let runs: [(&[&str], &str); 7] = [
        (&["quotes", "a.txt", "-o", "a.txt"], "a.txt"),
        (&["quotes", "a.txt", "-o", "alias.txt"], "alias.txt"),
        (
            &["classify", "news", "--topic", "t", "-o", "news/a.txt"],
            "news/a.txt",
        ),
        (
            &[
                "report", "news", "--topic", "t", "-o", "a.txt", "--actors", "a.txt",
            ],
            "a.txt",
        ),
        (&["merge", "p.json", "-o", "p.json"], "p.json"),
        (
            &["train", "labeled.csv", "-o", "labeled.csv"],
            "labeled.csv",
        ),
        (&["eval", "labeled.csv", "-o", "labeled.csv"], "labeled.csv"),
    ];
    for (args, named) in runs {
        let before: Vec<u8> = std::fs::read(d.join(named)).unwrap();
        let o = demarche(d, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}\n{}", show(&o));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.starts_with(&format!("demarche: {named}: "))
                && err.contains("refusing to overwrite"),
            "{args:?}\n{}",
            show(&o)
        );
        assert_eq!(err.lines().count(), 1, "{}", show(&o));
        assert_eq!(std::fs::read(d.join(named)).unwrap(), before, "{args:?}");
        assert!(temporary_files(d).is_empty());
    }
}

#[test]
fn a_fifo_is_written_through_and_a_link_is_followed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), ARTICLE).unwrap();
    let fifo = d.join("fifo");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: mkfifo on a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let reader = std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap());
    let o = demarche(d, &["quotes", "a.txt", "-o", "fifo"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    assert!(reader.join().unwrap().contains("\"speaker\":\"Putin\""));
    assert!(std::fs::symlink_metadata(d.join("fifo"))
        .unwrap()
        .file_type()
        .is_fifo());

    std::fs::create_dir(d.join("out")).unwrap();
    std::fs::write(d.join("out/real.jsonl"), "old").unwrap();
    std::os::unix::fs::symlink("out/real.jsonl", d.join("link.jsonl")).unwrap();
    let o = demarche(d, &["quotes", "a.txt", "-o", "link.jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    assert!(std::fs::symlink_metadata(d.join("link.jsonl"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(d.join("out/real.jsonl"))
        .unwrap()
        .contains("Putin"));
}

#[test]
fn new_files_follow_the_umask_and_replaced_files_keep_their_mode() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), ARTICLE).unwrap();
    let run = |umask: libc::mode_t, out: &str| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_demarche"));
        cmd.current_dir(d).args(["quotes", "a.txt", "-o", out]);
        // SAFETY: umask is async-signal-safe and touches nothing else.
        unsafe {
            cmd.pre_exec(move || {
                libc::umask(umask);
                Ok(())
            });
        }
        let o = cmd.output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", show(&o));
        std::fs::metadata(d.join(out)).unwrap().permissions().mode() & 0o7777
    };
    assert_eq!(run(0o022, "shared.jsonl"), 0o644);
    assert_eq!(run(0o077, "private.jsonl"), 0o600);
    std::fs::set_permissions(d.join("shared.jsonl"), PermissionsExt::from_mode(0o640)).unwrap();
    assert_eq!(run(0o022, "shared.jsonl"), 0o640);
}

/// `report` waiting on standard input with its output file open: the signal must take the
/// temporary file with it.
#[test]
fn a_killed_run_leaves_no_temporary_file() {
    for signal in [libc::SIGINT, libc::SIGTERM] {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_demarche"));
        cmd.current_dir(d)
            .args(["report", "-", "--topic", "t", "-o", "out.json"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        // A test runner started in the background may ignore SIGINT, and an ignored signal
        // stays ignored in the child (as it should for `nohup`): give the child the default
        // disposition, as a shell in the foreground does.
        // SAFETY: `signal` is async-signal-safe, as `pre_exec` requires.
        unsafe {
            cmd.pre_exec(move || {
                libc::signal(signal, libc::SIG_DFL);
                Ok(())
            });
        }
        let mut child = cmd.spawn().unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(b"{\"text\": \"Talks went on.\"}\n")
            .unwrap();
        let started = Instant::now();
        while temporary_files(d).is_empty() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "no temporary file"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        // SAFETY: signalling our own child.
        assert_eq!(unsafe { libc::kill(child.id() as i32, signal) }, 0);
        // Never hang: a child that outlives its signal by a minute is a failure.
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > Duration::from_secs(90) {
                let _ = child.kill();
                panic!("the run did not end on signal {signal}");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        drop(stdin);
        assert_eq!(status.signal(), Some(signal), "{status:?}");
        assert!(temporary_files(d).is_empty(), "{:?}", temporary_files(d));
        assert!(!d.join("out.json").exists());
    }
}

/// `demarche ... | head -1`: the reader goes away after one line, and the run must end with
/// success and nothing on standard error, in every output format.
#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut jsonl = String::new();
    for i in 0..3000 {
        jsonl.push_str(&format!(
            "{{\"id\":\"{i}\",\"text\":\"\\u201cWe will not accept it,\\u201d Putin said on day {i}.\"}}\n"
        ));
    }
    std::fs::write(d.join("many.jsonl"), jsonl).unwrap();
    let runs: [&[&str]; 4] = [
        &["quotes", "many.jsonl"],
        &["quotes", "many.jsonl", "--format", "csv"],
        &["classify", "many.jsonl", "--topic", "t"],
        &[
            "classify",
            "many.jsonl",
            "--topic",
            "t",
            "--format",
            "table",
        ],
    ];
    for args in runs {
        let mut child = Command::new(env!("CARGO_BIN_EXE_demarche"))
            .current_dir(d)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert!(!line.is_empty());
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}\n{}", show(&o));
        assert!(o.stderr.is_empty(), "{args:?}\n{}", show(&o));
    }
}
