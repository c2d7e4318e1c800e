//! Tests of the article readers.

use super::*;

#[test]
fn files_have_a_size_and_reading_them_counts_it() {
    let dir = tempfile::tempdir().unwrap();
    let texts = ["\"Yes,\" she said.", "\"No,\" he said, firmly, twice over."];
    for (i, t) in texts.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i}.txt")), t).unwrap();
    }
    let mut articles = Articles::open(&[dir.path().to_path_buf()]).unwrap();
    let total: usize = texts.iter().map(|t| t.len()).sum();
    assert_eq!(articles.size(), Some(total as u64));
    let read = articles.bytes_read();
    assert_eq!(read.load(Ordering::Relaxed), 0);
    assert_eq!(articles.by_ref().count(), 2);
    assert_eq!(read.load(Ordering::Relaxed), total as u64);
    // Standard input has no size to measure progress against.
    let stdin = Articles::open(&[PathBuf::from("-")]).unwrap();
    assert_eq!(stdin.size(), None);
}

#[test]
fn jsonl_records_need_text() {
    let a = parse_jsonl_record(
        "f.jsonl",
        3,
        r#"{"id": 7, "text": "Hi.", "date": "2024-01-02"}"#,
    )
    .unwrap();
    assert_eq!(a.id, "7");
    assert_eq!(a.date.as_deref(), Some("2024-01-02"));
    let e = parse_jsonl_record("f.jsonl", 3, r#"{"id": 7}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "f.jsonl:3: JSON article has no \"text\" field"
    );
    assert_eq!(e.exit_code(), 2);
    let e = parse_jsonl_record("f.jsonl", 4, "{oops").unwrap_err();
    assert!(e
        .to_string()
        .starts_with("f.jsonl:4: not a JSON article object"));
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_flag() {
    let (s, lossy) = decode(b"caf\xe9 au lait");
    assert!(lossy);
    assert_eq!(s, "caf\u{fffd} au lait");
    assert_eq!(decode(b"plain"), ("plain".to_string(), false));
}

#[test]
fn directories_are_walked_sorted_and_jsonl_streams() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("b.txt"), "B body").unwrap();
    std::fs::write(dir.path().join("sub/a.txt"), "A body").unwrap();
    std::fs::write(
        dir.path().join("c.jsonl"),
        "{\"id\":\"x\",\"text\":\"X\"}\n\n{\"text\":\"Y\"}\n",
    )
    .unwrap();
    let ids: Vec<String> = Articles::open(&[dir.path().to_path_buf()])
        .unwrap()
        .map(|a| a.unwrap().id)
        .collect();
    let base = dir.path().display().to_string();
    assert_eq!(
        ids,
        vec![
            format!("{base}/b.txt"),
            "x".to_string(),
            format!("{base}/c.jsonl:3"),
            format!("{base}/sub/a.txt"),
        ]
    );
}

#[test]
fn directories_read_csv_articles_and_skip_other_tables_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("a.csv"),
        "id,text,date
x,One.,2024-01-02
y,Two.,
",
    )
    .unwrap();
    std::fs::write(
        d.join("actors.csv"),
        "name,aliases
Putin,
",
    )
    .unwrap();
    std::fs::write(d.join("b.txt"), "Three.").unwrap();
    let mut articles = Articles::open(&[d.to_path_buf()]).unwrap();
    let got: Vec<(String, Option<String>)> = articles
        .by_ref()
        .map(|a| a.map(|a| (a.id, a.date)).unwrap())
        .collect();
    let b = format!("{}/b.txt", d.display());
    assert_eq!(
        got,
        [
            ("x".to_string(), Some("2024-01-02".to_string())),
            ("y".to_string(), None),
            (b, None)
        ]
    );
    let w = articles.take_warnings();
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0]
            .to_string()
            .ends_with("actors.csv: skipped: no column \"text\" in the header (not a CSV of articles; --text-col names its text column)"));
    assert!(articles.reads(&d.join("a.csv")));
    // Named on the command line, a CSV without its text column is an error.
    let mut named = Articles::open(&[d.join("actors.csv")]).unwrap();
    let e = named.next().unwrap().unwrap_err();
    assert!(e
        .to_string()
        .ends_with("actors.csv:1: no column \"text\" in the header"));
    assert_eq!(e.exit_code(), 2);
}

#[test]
fn directories_leave_out_files_that_are_not_articles_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "A body").unwrap();
    std::fs::write(dir.path().join("NOTES"), "no extension").unwrap();
    std::fs::write(dir.path().join("gold.json"), "{}").unwrap();
    std::fs::write(dir.path().join("README.md"), "# readme").unwrap();
    let mut articles = Articles::open(&[dir.path().to_path_buf()]).unwrap();
    let names: Vec<String> = articles.by_ref().map(|a| a.unwrap().id).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names[0].ends_with("NOTES") && names[1].ends_with("a.txt"));
    let warnings = articles.take_warnings();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].to_string().contains("2 file(s) left out"));
    // Named on the command line, any file is read.
    let md = dir.path().join("README.md");
    assert_eq!(Articles::open(&[md]).unwrap().count(), 1);
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: mkfifo on a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

#[test]
fn walking_follows_directory_links_once_and_skips_what_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("top/sub")).unwrap();
    std::fs::create_dir(d.join("elsewhere")).unwrap();
    std::fs::write(d.join("top/a.txt"), "A").unwrap();
    std::fs::write(d.join("top/sub/b.txt"), "B").unwrap();
    std::fs::write(d.join("elsewhere/c.txt"), "C").unwrap();
    let link = |to: &str, at: &str| std::os::unix::fs::symlink(to, d.join(at)).unwrap();
    link("../elsewhere", "top/linked");
    link("..", "top/sub/up");
    link("missing.txt", "top/dangling.txt");
    link("loop-b", "top/loop-a");
    link("loop-a", "top/loop-b");
    link("a.txt", "top/again.txt");
    mkfifo(&d.join("top/pipe.txt"));
    let mut articles = Articles::open(&[d.join("top")]).unwrap();
    let bodies: Vec<String> = articles.by_ref().map(|a| a.unwrap().body).collect();
    // Sorted by path: a.txt, again.txt, linked/c.txt, sub/b.txt.
    assert_eq!(bodies, ["A", "A", "C", "B"]);
    assert_eq!(articles.unreadable(), 5);
    let warnings: Vec<String> = articles
        .take_warnings()
        .iter()
        .map(ToString::to_string)
        .collect();
    let says = |end: &str, what: &str| {
        assert!(
            warnings
                .iter()
                .any(|w| w.contains(&format!("{end}: skipped: ")) && w.contains(what)),
            "{end} {what}: {warnings:?}"
        )
    };
    says("dangling.txt", "a link to nothing");
    says("up", "a directory already read");
    says("loop-a", "symbolic links");
    says("loop-b", "symbolic links");
    says("pipe.txt", "a FIFO");
    let top = d.join("top");
    assert!(articles.reads(&top.join("a.txt")));
    assert!(articles.reads(&d.join("elsewhere/c.txt")));
    // A new file there would be read on the next run, but is not read by this one.
    assert!(!articles.reads(&top.join("new.txt")));
    std::fs::write(top.join("notes.md"), "x").unwrap();
    assert!(!articles.reads(&top.join("notes.md")));
}

#[test]
fn a_walked_file_that_cannot_be_read_is_skipped_but_a_named_one_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "A").unwrap();
    std::fs::write(dir.path().join("b.txt"), "B").unwrap();
    let mut articles = Articles::open(&[dir.path().to_path_buf()]).unwrap();
    // Gone between the walk and the read.
    std::fs::remove_file(dir.path().join("a.txt")).unwrap();
    let bodies: Vec<String> = articles.by_ref().map(|a| a.unwrap().body).collect();
    assert_eq!(bodies, ["B"]);
    assert_eq!(articles.unreadable(), 1);
    let w = articles.take_warnings();
    assert!(
        w[0].to_string().contains("a.txt: skipped: No such file"),
        "{w:?}"
    );
    let named = dir.path().join("b.txt");
    let mut articles = Articles::open(std::slice::from_ref(&named)).unwrap();
    std::fs::remove_file(&named).unwrap();
    assert_eq!(articles.next().unwrap().unwrap_err().exit_code(), 2);
}

#[test]
fn empty_input_is_no_article() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("blank.html"), " \n\t\r\n").unwrap();
    std::fs::write(dir.path().join("one.txt"), "One.").unwrap();
    let n = Articles::open(&[dir.path().to_path_buf()]).unwrap().count();
    assert_eq!(n, 1);
}

#[test]
fn the_largest_size_limit_reads_everything() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Text.").unwrap();
    std::fs::write(
        dir.path().join("b.jsonl"),
        "{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n",
    )
    .unwrap();
    let mut articles = Articles::open(&[dir.path().to_path_buf()])
        .unwrap()
        .max_article_bytes(usize::MAX);
    assert_eq!(articles.by_ref().count(), 3);
    assert_eq!(articles.skipped(), 0);
}

#[test]
fn content_hashes_are_stable_and_tell_texts_apart() {
    let a = Article::from_text("a", "The same text.");
    let b = Article::from_text("b", "The same text.");
    assert_eq!(a.content_hash(), b.content_hash());
    assert_ne!(
        a.content_hash(),
        Article::from_text("c", "Another text.").content_hash()
    );
    // The first 8 bytes of SHA-256("abc").
}

#[test]
fn oversized_articles_are_skipped_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.txt"), "x".repeat(100)).unwrap();
    std::fs::write(dir.path().join("small.txt"), "ok").unwrap();
    let mut arts = Articles::open(&[dir.path().to_path_buf()])
        .unwrap()
        .max_article_bytes(50);
    let got: Vec<_> = arts.by_ref().map(|a| a.unwrap().body).collect();
    assert_eq!(got, vec!["ok"]);
    assert_eq!(arts.skipped(), 1);
    assert!(matches!(
        arts.take_warnings()[0],
        Warning::TooLarge { bytes: 100, .. }
    ));
}
