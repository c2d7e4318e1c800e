//! Guards the hand-written training corpus in `training/`.
//!
//! The corpus is edited by hand, so nothing but this test stops a later edit from
//! quietly breaking the schema, the label balance, the diversity rules or the
//! topic-held-out split that `training/README.md` promises. Every check returns the
//! problems it found instead of panicking on the first one, so a failing run lists
//! everything that needs fixing, each naming its file and row id.
//!
//! The `checker_*` tests at the bottom feed small bad corpora to the same functions,
//! so a checker that silently accepts everything would itself fail.

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

const HEADER: [&str; 6] = ["id", "topic", "speaker", "text", "stance", "sentiment"];
const STANCES: [&str; 3] = ["favor", "against", "none"];
const SENTIMENTS: [&str; 3] = ["positive", "negative", "neutral"];

const MIN_ROWS: usize = 1_500;
const MIN_TOPICS: usize = 40;
/// Inclusive bounds, in percent of all rows, for each stance label.
const STANCE_SHARE: (usize, usize) = (20, 50);
/// Inclusive bounds, in percent of all rows, for each sentiment label.
const SENTIMENT_SHARE: (usize, usize) = (15, 55);
/// How often the same three opening words may appear across all files.
const MAX_OPENING_REPEATS: usize = 5;
/// Inclusive bounds, in percent of distinct topics, for the held-out topics.
const HELDOUT_SHARE: (usize, usize) = (15, 25);

#[derive(Debug, Deserialize)]
struct Row {
    id: String,
    topic: String,
    speaker: String,
    text: String,
    stance: String,
    sentiment: String,
}

/// A row together with the file it came from, so every problem can name both.
struct Located {
    file: String,
    row: Row,
}

impl Located {
    fn at(&self) -> String {
        format!("{} id {}", self.file, self.row.id)
    }
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/// Parses one CSV file's contents. A wrong header stops parsing that file: with
/// the columns in another order every later label check would be noise.
fn parse_file(file: &str, data: &str) -> (Vec<Located>, Vec<String>) {
    let mut problems = Vec::new();
    let mut reader = csv::Reader::from_reader(data.as_bytes());
    match reader.headers() {
        Ok(header) if header.iter().eq(HEADER) => {}
        Ok(header) => {
            let found: Vec<&str> = header.iter().collect();
            problems.push(format!(
                "{file}: header is {found:?}, expected {HEADER:?} exactly"
            ));
            return (Vec::new(), problems);
        }
        Err(e) => {
            problems.push(format!("{file}: cannot read header: {e}"));
            return (Vec::new(), problems);
        }
    }
    let mut rows = Vec::new();
    for record in reader.deserialize::<Row>() {
        match record {
            Ok(row) => rows.push(Located {
                file: file.to_string(),
                row,
            }),
            // The csv error carries the line number, which is all we have when a
            // row is malformed enough that its id cannot be read.
            Err(e) => problems.push(format!("{file}: malformed row: {e}")),
        }
    }
    (rows, problems)
}

/// Every `*.csv` in `dir`, sorted so problem lists are stable between runs.
fn corpus_files(dir: &Path) -> Vec<PathBuf> {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "csv"))
        .collect();
    files.sort();
    files
}

// ---------------------------------------------------------------------------
// Per-row and cross-row checks
// ---------------------------------------------------------------------------

/// Case- and whitespace-folded text, so "No comment." and "no  comment." count as
/// the same statement.
fn fold_text(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first three whitespace-separated words, lowercased (fewer for shorter
/// texts). Punctuation is kept on purpose: this is the rule the writers checked.
fn opening(text: &str) -> String {
    text.split_whitespace()
        .take(3)
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn check_fields(located: &Located) -> Vec<String> {
    let row = &located.row;
    let mut problems = Vec::new();
    let required = [
        ("id", &row.id),
        ("topic", &row.topic),
        ("speaker", &row.speaker),
        ("text", &row.text),
    ];
    for (name, value) in required {
        if value.trim().is_empty() {
            problems.push(format!("{}: empty {name}", located.at()));
        }
    }
    if !STANCES.contains(&row.stance.as_str()) {
        problems.push(format!(
            "{}: stance {:?} is not one of {STANCES:?}",
            located.at(),
            row.stance
        ));
    }
    if !SENTIMENTS.contains(&row.sentiment.as_str()) {
        problems.push(format!(
            "{}: sentiment {:?} is not one of {SENTIMENTS:?}",
            located.at(),
            row.sentiment
        ));
    }
    problems
}

/// Schema and diversity checks that hold row by row or between rows, whatever the
/// size of the corpus: labels, empty fields, unique ids across all files, no
/// repeated text, no overused opening.
fn check_rows(rows: &[Located]) -> Vec<String> {
    let mut problems: Vec<String> = rows.iter().flat_map(check_fields).collect();

    let mut ids: HashMap<&str, &Located> = HashMap::new();
    let mut texts: HashMap<String, &Located> = HashMap::new();
    // BTreeMap so overused openings are reported in a stable order.
    let mut openings: BTreeMap<String, Vec<&Located>> = BTreeMap::new();
    for located in rows {
        if let Some(first) = ids.insert(&located.row.id, located) {
            problems.push(format!(
                "{}: id already used in {}",
                located.at(),
                first.file
            ));
        }
        if let Some(first) = texts.insert(fold_text(&located.row.text), located) {
            problems.push(format!(
                "{}: same text as {} ({:?})",
                located.at(),
                first.at(),
                located.row.text
            ));
        }
        openings
            .entry(opening(&located.row.text))
            .or_default()
            .push(located);
    }
    for (words, users) in openings {
        if users.len() > MAX_OPENING_REPEATS {
            let at: Vec<String> = users.iter().map(|l| l.at()).collect();
            problems.push(format!(
                "opening {words:?} used {} times (max {MAX_OPENING_REPEATS}): {}",
                users.len(),
                at.join(", ")
            ));
        }
    }
    problems
}

// ---------------------------------------------------------------------------
// Whole-corpus checks
// ---------------------------------------------------------------------------

/// Reports a label whose share of `total` falls outside `lo..=hi` percent. Integer
/// arithmetic, so a share exactly on a bound counts as inside.
fn check_shares(
    field: &str,
    labels: &[&str],
    values: &[&str],
    (lo, hi): (usize, usize),
) -> Vec<String> {
    let total = values.len();
    labels
        .iter()
        .filter_map(|label| {
            let count = values.iter().filter(|v| *v == label).count();
            let inside = count * 100 >= lo * total && count * 100 <= hi * total;
            (!inside).then(|| {
                format!(
                    "{field} {label:?}: {count} of {total} rows ({:.1}%), must be {lo}-{hi}%",
                    percent(count, total)
                )
            })
        })
        .collect()
}

fn percent(count: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        100.0 * count as f64 / total as f64
    }
}

fn topics(rows: &[Located]) -> HashSet<&str> {
    rows.iter().map(|l| l.row.topic.as_str()).collect()
}

/// Size and balance: enough rows and topics, and no label crowding out the others.
fn check_size_and_balance(rows: &[Located]) -> Vec<String> {
    let mut problems = Vec::new();
    if rows.len() < MIN_ROWS {
        problems.push(format!("{} rows, need at least {MIN_ROWS}", rows.len()));
    }
    let topic_count = topics(rows).len();
    if topic_count < MIN_TOPICS {
        problems.push(format!(
            "{topic_count} distinct topics, need at least {MIN_TOPICS}"
        ));
    }
    let stances: Vec<&str> = rows.iter().map(|l| l.row.stance.as_str()).collect();
    let sentiments: Vec<&str> = rows.iter().map(|l| l.row.sentiment.as_str()).collect();
    problems.extend(check_shares("stance", &STANCES, &stances, STANCE_SHARE));
    problems.extend(check_shares(
        "sentiment",
        &SENTIMENTS,
        &sentiments,
        SENTIMENT_SHARE,
    ));
    problems
}

/// The fixed split: every held-out topic must exist (a typo would silently move a
/// topic into training) and the held-out topics must be about a fifth of all.
fn check_heldout(rows: &[Located], heldout_file: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let known = topics(rows);
    let mut heldout = HashSet::new();
    for topic in heldout_file
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        if !known.contains(topic) {
            problems.push(format!(
                "heldout-topics.txt: topic {topic:?} does not occur in the corpus"
            ));
        }
        if !heldout.insert(topic) {
            problems.push(format!("heldout-topics.txt: topic {topic:?} listed twice"));
        }
    }
    let (lo, hi) = HELDOUT_SHARE;
    let (held, total) = (heldout.len(), known.len());
    if held * 100 < lo * total || held * 100 > hi * total {
        problems.push(format!(
            "heldout-topics.txt: {held} of {total} topics ({:.1}%), must be {lo}-{hi}%",
            percent(held, total)
        ));
    }
    problems
}

// ---------------------------------------------------------------------------
// The real corpus
// ---------------------------------------------------------------------------

fn training_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("training")
}

#[test]
fn training_corpus_meets_its_rules() {
    let dir = training_dir();
    let files = corpus_files(&dir);
    assert!(!files.is_empty(), "no *.csv files in {}", dir.display());

    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let data = fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let (parsed, parse_problems) = parse_file(&name, &data);
        rows.extend(parsed);
        problems.extend(parse_problems);
    }
    problems.extend(check_rows(&rows));
    problems.extend(check_size_and_balance(&rows));

    let heldout_path = dir.join("heldout-topics.txt");
    let heldout = fs::read_to_string(&heldout_path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", heldout_path.display()));
    problems.extend(check_heldout(&rows, &heldout));

    assert!(
        problems.is_empty(),
        "training corpus breaks {} rule(s) (see training/README.md):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

// ---------------------------------------------------------------------------
// The checker must be able to fail
// ---------------------------------------------------------------------------

const GOOD_HEADER: &str = "id,topic,speaker,text,stance,sentiment\n";

/// Parses an in-memory CSV that is expected to be well-formed.
fn rows_from(file: &str, body: &str) -> Vec<Located> {
    let (rows, problems) = parse_file(file, &format!("{GOOD_HEADER}{body}"));
    assert!(problems.is_empty(), "fixture should parse: {problems:?}");
    rows
}

fn mentions(problems: &[String], needles: &[&str]) -> bool {
    problems
        .iter()
        .any(|p| needles.iter().all(|needle| p.contains(needle)))
}

#[test]
fn checker_accepts_clean_rows() {
    let rows = rows_from(
        "t.csv",
        "t1,topic one,a spokesman,We support it.,favor,positive\n\
         t2,topic one,a minister,\"We will not, ever, accept it.\",against,negative\n\
         t3,topic two,an envoy,The talks resume on Tuesday.,none,neutral\n",
    );
    assert_eq!(check_rows(&rows), Vec::<String>::new());
}

#[test]
fn checker_rejects_wrong_header() {
    let (_, problems) = parse_file("t.csv", "id,topic,text,speaker,stance,sentiment\n");
    assert!(mentions(&problems, &["t.csv", "header"]), "{problems:?}");
}

#[test]
fn checker_rejects_row_with_missing_field() {
    let (_, problems) = parse_file(
        "t.csv",
        &format!("{GOOD_HEADER}t1,topic,speaker,text,favor\n"),
    );
    assert!(mentions(&problems, &["t.csv", "malformed"]), "{problems:?}");
}

#[test]
fn checker_rejects_unknown_labels() {
    let rows = rows_from(
        "t.csv",
        "t1,topic,a spokesman,We support it.,pro,positive\n\
         t2,topic,a minister,We oppose it.,against,angry\n",
    );
    let problems = check_rows(&rows);
    assert!(
        mentions(&problems, &["t.csv id t1", "stance \"pro\""]),
        "{problems:?}"
    );
    assert!(
        mentions(&problems, &["t.csv id t2", "sentiment \"angry\""]),
        "{problems:?}"
    );
}

#[test]
fn checker_rejects_empty_fields() {
    let rows = rows_from("t.csv", "t1,topic,  ,We support it.,favor,positive\n");
    let problems = check_rows(&rows);
    assert!(
        mentions(&problems, &["t.csv id t1", "empty speaker"]),
        "{problems:?}"
    );
}

#[test]
fn checker_rejects_id_reused_across_files() {
    let mut rows = rows_from(
        "a.csv",
        "x1,topic,a spokesman,We support it.,favor,positive\n",
    );
    rows.extend(rows_from(
        "b.csv",
        "x1,topic,a minister,We oppose it.,against,negative\n",
    ));
    let problems = check_rows(&rows);
    assert!(
        mentions(&problems, &["b.csv id x1", "already used in a.csv"]),
        "{problems:?}"
    );
}

#[test]
fn checker_rejects_duplicate_text_up_to_case_and_spacing() {
    let rows = rows_from(
        "t.csv",
        "t1,topic,a spokesman,No comment at this stage.,none,neutral\n\
         t2,topic,a minister,\"no  COMMENT at   this stage.\",none,neutral\n",
    );
    let problems = check_rows(&rows);
    assert!(
        mentions(&problems, &["t.csv id t2", "same text as t.csv id t1"]),
        "{problems:?}"
    );
}

#[test]
fn checker_rejects_overused_opening() {
    let body: String = (1..=MAX_OPENING_REPEATS + 1)
        .map(|i| format!("t{i},topic,a spokesman,We Will not accept point {i}.,against,negative\n"))
        .collect();
    let problems = check_rows(&rows_from("t.csv", &body));
    assert!(
        mentions(&problems, &["opening \"we will not\"", "6 times"]),
        "{problems:?}"
    );

    // Exactly the limit is allowed.
    let body: String = (1..=MAX_OPENING_REPEATS)
        .map(|i| format!("t{i},topic,a spokesman,We will not accept point {i}.,against,negative\n"))
        .collect();
    assert_eq!(check_rows(&rows_from("t.csv", &body)), Vec::<String>::new());
}

#[test]
fn checker_rejects_small_or_skewed_corpus() {
    // Three rows, one topic, and every sentiment "neutral": too small, too few
    // topics, and sentiment shares of 100% / 0% / 0%.
    let rows = rows_from(
        "t.csv",
        "t1,topic,a spokesman,We support it.,favor,neutral\n\
         t2,topic,a minister,We oppose it.,against,neutral\n\
         t3,topic,an envoy,Talks resume Tuesday.,none,neutral\n",
    );
    let problems = check_size_and_balance(&rows);
    assert!(mentions(&problems, &["3 rows"]), "{problems:?}");
    assert!(mentions(&problems, &["1 distinct topics"]), "{problems:?}");
    assert!(
        mentions(&problems, &["sentiment \"neutral\"", "100.0%"]),
        "{problems:?}"
    );
    assert!(
        mentions(&problems, &["sentiment \"positive\"", "0.0%"]),
        "{problems:?}"
    );
    // The stances are a third each, inside 20-50%, so none of them is reported.
    assert!(!mentions(&problems, &["stance"]), "{problems:?}");
}

#[test]
fn checker_rejects_unknown_or_oversized_heldout_split() {
    let rows = rows_from(
        "t.csv",
        "t1,alpha,a spokesman,We support it.,favor,positive\n\
         t2,beta,a minister,We oppose it.,against,negative\n",
    );
    let problems = check_heldout(&rows, "alpha\ngamma\n");
    assert!(
        mentions(&problems, &["\"gamma\" does not occur"]),
        "{problems:?}"
    );
    // Two listed out of two known topics is 100%, far above a fifth.
    assert!(mentions(&problems, &["2 of 2 topics"]), "{problems:?}");
}
