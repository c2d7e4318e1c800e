//! Tests of partial reports: merges of shards equal the whole, and what merges refuse.

use super::super::fixture::quote;
use super::super::tally::{Candidate, EVIDENCE};
use super::super::{ActorDictionary, Format, PartialReports, Period, ReportBuilder, ScoredQuote};
use super::*;
use crate::QuoteKind;
use proptest::prelude::*;

const SPEAKERS: [&str; 14] = [
    "Vladimir Putin",
    "Putin",
    "Mr. Putin",
    "Sergei Ivanov",
    "Ivanov",
    "Igor Ivanov",
    "John McCain",
    "the Kremlin",
    "Moscow",
    "Dmitry Peskov",
    "NATO",
    "Ana Ruiz-Mata",
    "Ana Ruiz Mata",
    "",
];
const TEXTS: [&str; 4] = ["Never.", "We welcome it.", "Talks resume.", "Never."];
const DATES: [&str; 4] = [
    "2007-02-10",
    "2007-02-09T10:00Z",
    "Feb 8, 2007",
    "2006-12-31",
];

fn dictionary() -> ActorDictionary {
    ActorDictionary::from_reader(
        "name,aliases,affiliation\nRussia,Kremlin|Moscow,\nVladimir Putin,,Russia\n".as_bytes(),
        "actors.csv",
    )
    .unwrap()
}

fn arb_quote() -> impl Strategy<Value = ScoredQuote> {
    (
        0..SPEAKERS.len(),
        0..TEXTS.len(),
        prop::sample::select(vec![
            QuoteKind::Direct,
            QuoteKind::Indirect,
            QuoteKind::Partial,
        ]),
        prop::array::uniform3(0.0..1.0f64),
        prop::option::of(prop::array::uniform3(0.0..1.0f64)),
        prop::option::of(0..DATES.len()),
        any::<bool>(),
        prop::option::of(0.0..1.0f64),
        (prop::option::of(0..3usize), prop::option::of(0..3usize)),
    )
        .prop_map(
            |(s, t, kind, fan, sentiment, date, affiliated, relevance, (about, context))| {
                ScoredQuote {
                    relevance,
                    // Titles and sources belong to articles, contexts to quotes; repeats of a
                    // quote in other sentences, and the same text with and without one, must
                    // still merge to the whole.
                    title: about.map(|i| format!("Talks <{i}> resume")),
                    source: about.map(|i| ["Reuters", "AP & Co", "BBC"][i].to_string()),
                    context: context
                        .map(|c| format!("\"{}\", {} said ({c}).", TEXTS[t], SPEAKERS[s])),
                    date: date.map(|d| DATES[d].to_string()),
                    affiliation: affiliated.then(|| "Russia".to_string()),
                    source_text: Some(SPEAKERS[s].to_string()),
                    kind,
                    sentiment_probs: sentiment.map(|p| {
                        ["positive", "negative", "neutral"]
                            .iter()
                            .zip(p)
                            .map(|(l, p)| (l.to_string(), p))
                            .collect()
                    }),
                    ..quote("", SPEAKERS[s], TEXTS[t], fan)
                }
            },
        )
}

/// Articles (each a list of quotes, and the text it stands for: an article may be a copy
/// of an earlier one) and cut points that split them into shards.
fn arb_input() -> impl Strategy<Value = (Vec<(u64, Vec<ScoredQuote>)>, Vec<usize>)> {
    prop::collection::vec((prop::collection::vec(arb_quote(), 0..6), 0..8usize), 1..10)
        .prop_map(|articles| {
            // An article picked as a copy (when an earlier one exists) repeats its text and
            // so its quotes, under its own id.
            let mut out: Vec<(u64, Vec<ScoredQuote>)> = Vec::new();
            for (i, (quotes, pick)) in articles.into_iter().enumerate() {
                match out.get(pick).filter(|_| pick < 2) {
                    Some((text, quotes)) => out.push((*text, quotes.clone())),
                    None => out.push((1000 + i as u64, quotes)),
                }
            }
            out
        })
        .prop_flat_map(|articles| {
            let n = articles.len();
            (Just(articles), prop::collection::vec(0..=n, 0..4))
        })
}

fn build<'d>(
    articles: &[(u64, Vec<ScoredQuote>)],
    first: usize,
    dict: Option<&'d ActorDictionary>,
    by: GroupBy,
    keep: bool,
) -> ReportBuilder<'d> {
    build_on(
        articles,
        first,
        dict,
        by,
        keep,
        ("independence for Kosovo", false),
        None,
    )
}

/// [`build`] on another topic; with `flip` the quotes' favor and against swap, as if the
/// speakers stood the other way on it.
fn build_on<'d>(
    articles: &[(u64, Vec<ScoredQuote>)],
    first: usize,
    dict: Option<&'d ActorDictionary>,
    by: GroupBy,
    keep: bool,
    (topic, flip): (&str, bool),
    period: Option<Period>,
) -> ReportBuilder<'d> {
    let mut b = ReportBuilder::new(topic, "m@1", dict, by)
        .keep_duplicates(keep)
        .period(period);
    for (i, (text, quotes)) in articles.iter().enumerate() {
        if !b.add_article(*text) {
            continue;
        }
        for q in quotes {
            let mut q = ScoredQuote {
                article: format!("article-{}", first + i),
                ..q.clone()
            };
            if flip {
                let (f, a) = (q.stance_probs.get("favor"), q.stance_probs.get("against"));
                q.stance_probs = [
                    ("favor", a),
                    ("against", f),
                    ("none", q.stance_probs.get("none")),
                ]
                .into_iter()
                .collect();
            }
            b.add(&q);
        }
    }
    b
}

/// Articles without copies, the text of each its index.
fn distinct(articles: Vec<Vec<ScoredQuote>>) -> Vec<(u64, Vec<ScoredQuote>)> {
    articles
        .into_iter()
        .enumerate()
        .map(|(i, q)| (i as u64, q))
        .collect()
}

fn to_json(p: &PartialReport) -> String {
    let mut out = Vec::new();
    p.write_to(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn render_all(r: &Report) -> Vec<String> {
    [Format::Json, Format::Csv, Format::Md, Format::Html]
        .iter()
        .map(|f| {
            let mut out = Vec::new();
            r.write_to(&mut out, *f).unwrap();
            String::from_utf8(out).unwrap()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The merge of the partial reports of any split equals the report of the whole,
    /// byte for byte, in every format and whatever order the shards come in; with copies
    /// of one text in two shards, the merge is refused (its quotes are in both sums),
    /// unless duplicates are kept, and then it equals the whole again.
    #[test]
    fn merged_shards_equal_the_whole(
        (articles, mut cuts) in arb_input(),
        with_dictionary in any::<bool>(),
        by_affiliation in any::<bool>(),
        keep in any::<bool>(),
        min_quotes in prop::option::of(0u64..4),
        period in prop::option::of(prop::sample::select(
            vec![Period::Week, Period::Month, Period::Quarter, Period::Year],
        )),
    ) {
        let build = |articles: &[(u64, Vec<ScoredQuote>)], first, dict, by, keep| {
            build_on(articles, first, dict, by, keep, ("independence for Kosovo", false), period)
        };
        let cut = |r: Report| match min_quotes {
            Some(n) => r.min_quotes(n),
            None => r,
        };
        let dict = dictionary();
        let dict = with_dictionary.then_some(&dict);
        let by = if by_affiliation { GroupBy::Affiliation } else { GroupBy::Actor };
        let whole = render_all(&cut(build(&articles, 0, dict, by, keep).finish()));

        cuts.push(0);
        cuts.push(articles.len());
        cuts.sort_unstable();
        let mut partials = Vec::new();
        let mut shard_of = BTreeMap::new();
        let mut split_text = false;
        for (i, w) in cuts.windows(2).enumerate() {
            for (text, _) in &articles[w[0]..w[1]] {
                split_text |= *shard_of.entry(*text).or_insert(i) != i;
            }
            let json = to_json(&build(&articles[w[0]..w[1]], w[0], dict, by, keep).partial());
            partials.push(PartialReport::from_json(&json, format!("shard-{i}.json")).unwrap());
        }
        for order in [false, true] {
            if order {
                partials.reverse();
            }
            match merge(partials.clone()) {
                Ok(merged) => {
                    prop_assert!(keep || !split_text);
                    prop_assert_eq!(&render_all(&cut(merged)), &whole);
                }
                Err(e) => {
                    prop_assert!(split_text && !keep, "{}", e);
                    prop_assert!(e.to_string().contains("were also counted in shard-"), "{}", e);
                    prop_assert_eq!(e.exit_code(), 2);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Several topics: each shard writes one partial report per topic; the merge of the
    /// shards' sets, topic by topic, equals the reports of the whole in every format.
    #[test]
    fn merged_topic_sets_equal_the_whole(
        (articles, mut cuts) in arb_input(),
        keep in any::<bool>(),
        min_quotes in prop::option::of(0u64..4),
        by_month in any::<bool>(),
    ) {
        let period = by_month.then_some(Period::Month);
        let topics = [("independence for Kosovo", false), ("sanctions on Serbia", true)];
        let set_of = |articles: &[(u64, Vec<ScoredQuote>)], first: usize| {
            PartialReports::new(
                topics
                    .iter()
                    .map(|t| build_on(articles, first, None, GroupBy::Actor, keep, *t, period).partial())
                    .collect(),
            )
        };
        let render = |set: PartialReports| -> Vec<String> {
            let reports: Vec<Report> = set
                .finish()
                .into_iter()
                .map(|r| match min_quotes {
                    Some(n) => r.min_quotes(n),
                    None => r,
                })
                .collect();
            [Format::Json, Format::Csv, Format::Md, Format::Html]
                .iter()
                .map(|f| {
                    let mut out = Vec::new();
                    super::super::write_reports(&reports, &mut out, *f).unwrap();
                    String::from_utf8(out).unwrap()
                })
                .collect()
        };
        let whole = render(set_of(&articles, 0));
        cuts.push(0);
        cuts.push(articles.len());
        cuts.sort_unstable();
        let mut shards = Vec::new();
        let mut shard_of = BTreeMap::new();
        let mut split_text = false;
        for (i, w) in cuts.windows(2).enumerate() {
            for (text, _) in &articles[w[0]..w[1]] {
                split_text |= *shard_of.entry(*text).or_insert(i) != i;
            }
            let mut json = Vec::new();
            set_of(&articles[w[0]..w[1]], w[0]).write_to(&mut json).unwrap();
            let json = String::from_utf8(json).unwrap();
            prop_assert_eq!(json.lines().count(), 2);
            shards.push(PartialReports::from_json(&json, format!("shard-{i}.json")).unwrap());
        }
        shards.reverse();
        let mut iter = shards.into_iter();
        let mut total = iter.next().unwrap();
        let merged = iter.try_for_each(|s| total.absorb(s));
        match merged {
            Ok(()) => {
                prop_assert!(keep || !split_text);
                prop_assert_eq!(render(total), whole);
            }
            Err(e) => prop_assert!(split_text && !keep, "{}", e),
        }
    }
}

#[test]
fn reports_over_time_count_each_period_and_merge_only_with_their_like() {
    let dated = |article: &str, date: Option<&str>, fan| ScoredQuote {
        date: date.map(String::from),
        ..quote(article, "X", article, fan)
    };
    let articles = distinct(vec![
        vec![dated("a", Some("2007-01-10"), [0.9, 0.05, 0.05])],
        vec![dated("b", Some("2007-01-20"), [0.8, 0.1, 0.1])],
        vec![dated("c", Some("2007-03-01"), [0.1, 0.8, 0.1])],
        vec![dated("d", None, [0.1, 0.8, 0.1])],
    ]);
    let by_month = |articles: &[(u64, Vec<ScoredQuote>)]| {
        build_on(
            articles,
            0,
            None,
            GroupBy::Actor,
            false,
            ("independence for Kosovo", false),
            Some(Period::Month),
        )
    };
    let r = by_month(&articles).finish();
    assert_eq!(r.period, Some(Period::Month));
    let rows: Vec<(&str, u64, &str, f64)> = r.actors[0]
        .periods
        .iter()
        .map(|p| {
            (
                p.period.as_str(),
                p.quotes,
                p.stance.as_str(),
                p.votes.get("favor"),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("2007-01", 2, "favor", 2.0),
            ("2007-03", 1, "against", 0.0),
            ("undated", 1, "against", 0.0)
        ]
    );
    let csv = render_all(&r)[1].clone();
    assert_eq!(
        csv.lines().collect::<Vec<_>>(),
        [
            "actor,period,quotes,relevant,stance,votes_favor,votes_against,votes_none",
            "X,2007-01,2,2,favor,2,0,0",
            "X,2007-03,1,1,against,0,1,0",
            "X,undated,1,1,against,0,1,0"
        ]
    );
    let html = render_all(&r)[3].clone();
    assert!(
        html.contains(
            "<h2>Over time <span class=\"sub\">by month, 2007-01 \u{2013} undated</span>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<title>2007-03: against (1 quote, 1 on topic)</title>"),
        "{html}"
    );
    // The filters hide an actor's chart with its row.
    assert!(html.contains("<table class=\"over-time\">\n<tbody>\n<tr data-for=\"actor-0\">"));
    // Without a period, no period fields at all.
    let plain = build(&articles, 0, None, GroupBy::Actor, false).finish();
    assert!(plain.actors[0].periods.is_empty());
    assert!(!render_all(&plain)[0].contains("period"));
    // A partial report over time and one not over time do not merge.
    let over =
        PartialReport::from_json(&to_json(&by_month(&articles[..2]).partial()), "m.json").unwrap();
    let flat = PartialReport::from_json(
        &to_json(&build(&articles[2..], 2, None, GroupBy::Actor, false).partial()),
        "f.json",
    )
    .unwrap();
    let e = merge([over, flat]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "f.json: a report not over time, but m.json is a report by month"
    );
    // Period sums that do not add up to the actor's are refused.
    let mut v: serde_json::Value =
        serde_json::from_str(&to_json(&by_month(&articles).partial())).unwrap();
    v["actors"][0]["periods"]["2007-01"]["quotes"] = 5.into();
    let e = PartialReport::from_json(&v.to_string(), "edited.json").unwrap_err();
    assert!(e.to_string().contains("periods count 7 quotes"), "{e}");
}

#[test]
fn topic_sets_of_other_runs_do_not_merge() {
    let set = |topics: &[&str], hashes: &[u64]| {
        let parts = topics
            .iter()
            .map(|t| {
                let mut b = ReportBuilder::new(t, "m", None, GroupBy::Actor);
                for h in hashes {
                    b.add_article(*h);
                }
                b.partial()
            })
            .collect();
        let mut json = Vec::new();
        PartialReports::new(parts).write_to(&mut json).unwrap();
        String::from_utf8(json).unwrap()
    };
    let ab = PartialReports::from_json(&set(&["a", "b"], &[1, 2]), "ab.json").unwrap();
    assert_eq!(ab.topics(), ["a", "b"]);
    let ac = PartialReports::from_json(&set(&["a", "c"], &[3]), "ac.json").unwrap();
    let e = ab.clone().absorb(ac).unwrap_err();
    assert_eq!(
        e.to_string(),
        "ac.json: topics \"a\", \"c\", but ab.json has \"a\", \"b\""
    );
    assert_eq!(e.exit_code(), 2);
    // In another order, the same topics merge.
    let ba = PartialReports::from_json(&set(&["b", "a"], &[3]), "ba.json").unwrap();
    let mut total = ab.clone();
    total.absorb(ba).unwrap();
    assert_eq!(total.topics(), ["a", "b"]);
    // A shard's line for one topic missing: the topics count other articles.
    let mixed = format!("{}{}", set(&["a", "b"], &[1, 2]), set(&["a"], &[3]));
    let e = PartialReports::from_json(&mixed, "mixed.json").unwrap_err();
    assert!(
        e.to_string()
            .starts_with("mixed.json: topic \"b\" counts 2 articles, but topic \"a\" counts 3"),
        "{e}"
    );
    // One topic each: the single partial report's message.
    let a = PartialReports::from_json(&set(&["a"], &[1]), "a.json").unwrap();
    let b = PartialReports::from_json(&set(&["b"], &[2]), "b.json").unwrap();
    let e = a.clone().absorb(b).unwrap_err();
    assert_eq!(
        e.to_string(),
        "b.json: topic is \"b\", but a.json has \"a\""
    );
}

#[test]
fn a_single_partial_round_trips_to_the_same_report() {
    let articles = vec![vec![
        quote(
            "",
            "Vladimir Putin",
            "Only the Kosovars and Serbs can resolve this.",
            [0.1, 0.8, 0.1],
        ),
        quote(
            "",
            "Putin",
            "We will not accept it.",
            [0.123456789123, 0.7, 0.2],
        ),
    ]];
    let b = build(&distinct(articles), 0, None, GroupBy::Actor, false);
    let json = to_json(&b.partial());
    let again = PartialReport::from_json(&json, "p.json").unwrap();
    assert_eq!(to_json(&again), json);
    assert_eq!(
        render_all(&merge([again]).unwrap()),
        render_all(&b.finish())
    );
}

fn partial(topic: &str, model: &str, by: GroupBy, path: &str) -> PartialReport {
    let json = to_json(&ReportBuilder::new(topic, model, None, by).partial());
    PartialReport::from_json(&json, path).unwrap()
}

#[test]
fn partials_of_different_runs_do_not_merge() {
    let a = partial("t", "m", GroupBy::Actor, "a.json");
    let e = merge([a.clone(), partial("u", "m", GroupBy::Actor, "b.json")]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "b.json: topic is \"u\", but a.json has \"t\""
    );
    assert_eq!(e.exit_code(), 2);
    let e = merge([a.clone(), partial("t", "n", GroupBy::Actor, "b.json")]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "b.json: model is \"n\", but a.json has \"m\""
    );
    let e = merge([a, partial("t", "m", GroupBy::Affiliation, "c.json")]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "c.json: grouped by affiliation, but a.json is grouped by actor"
    );
    let none: [PartialReport; 0] = [];
    assert!(merge(none).is_err());
}

#[test]
fn bad_partial_files_name_the_file_and_line() {
    let e = PartialReport::from_json(
        "{\"format\": \"demarche-partial\",\n\"version\": 1,\n\"topic\": 3}",
        "p.json",
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "p.json:3: not a partial report: invalid type: integer `3`, expected a string (column 10)"
    );
    let good = to_json(&partial("t", "m", GroupBy::Actor, "x"));
    let e = PartialReport::from_json(&good.replace("\"version\":2", "\"version\":1"), "p.json")
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "p.json:1: partial report format \"demarche-partial\" version 1, but this demarche reads \"demarche-partial\" version 2"
    );
    let e = PartialReport::from_json("[1, 2", "p.json").unwrap_err();
    assert!(
        e.to_string()
            .starts_with("p.json:1: not a partial report: "),
        "{e}"
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bin.json");
    std::fs::write(&path, b"\xff\xfe").unwrap();
    let e = PartialReport::load(&path).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("{}: not a partial report (not UTF-8 text)", path.display())
    );
    let e = PartialReport::load(dir.path().join("missing.json")).unwrap_err();
    assert_eq!(e.exit_code(), 2);
}

#[test]
fn concatenated_partials_add_up() {
    let articles: Vec<Vec<ScoredQuote>> = (0..3)
        .map(|i| {
            vec![quote(
                "",
                "Vladimir Putin",
                "Never.",
                [0.1, 0.2 * i as f64, 0.3],
            )]
        })
        .collect();
    let articles = distinct(articles);
    let text: String = (0..3)
        .map(|i| to_json(&build(&articles[i..=i], i, None, GroupBy::Actor, false).partial()))
        .collect();
    let merged = PartialReport::from_json(&format!("\n{text}\n"), "parts.jsonl").unwrap();
    let whole = build(&articles, 0, None, GroupBy::Actor, false).finish();
    assert_eq!(render_all(&merged.finish()), render_all(&whole));

    let bad = text.replacen("\"version\":2", "\"version\":7", 3);
    let bad = bad.replacen("\"version\":7", "\"version\":2", 1);
    let e = PartialReport::from_json(&bad, "parts.jsonl").unwrap_err();
    assert!(
        e.to_string()
            .starts_with("parts.jsonl:2: partial report format"),
        "{e}"
    );
    let e = PartialReport::from_json(" \n", "parts.jsonl").unwrap_err();
    assert_eq!(e.to_string(), "parts.jsonl: empty: no partial report in it");
}

#[test]
fn hand_edited_evidence_is_re_ranked_on_load() {
    let articles: Vec<Vec<ScoredQuote>> = vec![(1..=5)
        .map(|i| quote("", "X", &format!("q{i}"), [0.0, 0.1 * i as f64, 0.0]))
        .collect()];
    let mut v: serde_json::Value = serde_json::from_str(&to_json(
        &build(&distinct(articles), 0, None, GroupBy::Actor, false).partial(),
    ))
    .unwrap();
    let list = v["actors"][0]["evidence"]["against"]
        .as_array_mut()
        .unwrap();
    assert_eq!(list.len(), EVIDENCE);
    let extra = serde_json::json!({"score": 50_000_000, "article": "z", "text": "low",
        "stance": "against", "p": 50_000_000, "kind": "direct"});
    list.insert(0, extra.clone());
    list.insert(0, extra);
    list.reverse();
    let p = PartialReport::from_json(&v.to_string(), "edited.json").unwrap();
    let texts: Vec<String> = p.finish().actors[0]
        .evidence
        .iter()
        .map(|e| e.text.clone())
        .collect();
    assert_eq!(texts, ["q5", "q4", "q3"]);
}

/// A partial report of two articles, as JSON to edit.
fn editable() -> serde_json::Value {
    let articles = distinct(vec![
        vec![quote("", "Vladimir Putin", "Never.", [0.1, 0.8, 0.1])],
        vec![quote("", "John McCain", "Yes.", [0.8, 0.1, 0.1])],
    ]);
    let json = to_json(&build(&articles, 0, None, GroupBy::Actor, false).partial());
    serde_json::from_str(&json).unwrap()
}

/// Hand-edited partial reports whose sums no run could give are refused, naming the file,
/// the line and what is wrong (they merged into a confidence of 512409557.6).
#[test]
fn edited_sums_that_no_run_could_give_are_refused() {
    type Edit = fn(&mut serde_json::Value);
    let cases: [(Edit, &str); 10] = [
        (
            |v| v["actors"][1]["stance"]["against"] = 512409557600000000u64.into(),
            "actor \"vladimir putin\": stance sum 512409557600000000 for \"against\" is more than its weight 10 allows",
        ),
        (
            |v| v["actors"][1]["weight"] = 0.into(),
            "actor \"vladimir putin\": weight 0 for 1 relevant quotes of 1 that weigh 10",
        ),
        (
            |v| v["actors"][0]["quotes"] = u64::MAX.into(),
            "actor \"john mccain\": a count at its largest value",
        ),
        (
            |v| v["actors"][0]["votes"]["favor"] = 11.into(),
            "actor \"john mccain\": votes 11 outweigh its weight 10",
        ),
        (
            |v| v["actors"][0]["stance"]["pro"] = 1.into(),
            "actor \"john mccain\": stance label \"pro\" is not among the report's",
        ),
        (
            |v| v["actors"][1]["irrelevant"] = 1.into(),
            "actor \"vladimir putin\": 1 quotes, but 1 relevant and 1 irrelevant",
        ),
        (
            |v| v["articles"] = 3.into(),
            "3 articles but 2 article hashes",
        ),
        (
            |v| v["quotes"] = 5.into(),
            "5 attributed quotes, but the actors have 2",
        ),
        (
            |v| {
                let h = v["article_hashes"].as_str().unwrap().to_string();
                v["article_hashes"] = format!("{}{}", &h[16..], &h[..16]).into();
            },
            "article hashes out of order",
        ),
        (
            |v| v["article_hashes"] = "xyz".into(),
            "article_hashes is not a string of 16 hex digits per article",
        ),
    ];
    for (edit, says) in cases {
        let mut v = editable();
        edit(&mut v);
        let text = format!("\n{v}\n");
        let e = PartialReport::from_json(&text, "edited.json").unwrap_err();
        assert_eq!(e.exit_code(), 2);
        let msg = e.to_string();
        assert!(msg.starts_with("edited.json:2: "), "{msg}");
        assert!(msg.contains(says), "{msg}\nshould say: {says}");
    }
    // Unedited, it reads.
    assert!(PartialReport::from_json(&editable().to_string(), "p.json").is_ok());
}

#[test]
fn the_same_partial_twice_or_another_label_set_does_not_merge() {
    let text = editable().to_string();
    let a = PartialReport::from_json(&text, "a.json").unwrap();
    let again = PartialReport::from_json(&text, "b.json").unwrap();
    let e = merge([a.clone(), again]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "b.json: 2 of its 2 articles were also counted in a.json (the same text): a merge \
         would count them twice; give each text to one shard (partition by text), or make \
         every partial with --keep-duplicates"
    );
    let mut other = editable();
    other["article_hashes"] = "0000000000000001".into();
    other["articles"] = 1.into();
    other["actors"] = serde_json::json!([]);
    other["quotes"] = 0.into();
    other["stance_labels"] = serde_json::json!(["pro", "con"]);
    let other = PartialReport::from_json(&other.to_string(), "c.json").unwrap();
    let e = merge([a.clone(), other]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "c.json: stance labels con, pro, but a.json has favor, against, none"
    );
    // A shard without quotes has no labels, and merges.
    let empty = to_json(
        &ReportBuilder::new("independence for Kosovo", "m@1", None, GroupBy::Actor).partial(),
    );
    let empty = PartialReport::from_json(&empty, "d.json").unwrap();
    assert!(merge([a.clone(), empty]).is_ok());
    // Made with and without --keep-duplicates.
    let kept = build(&[], 0, None, GroupBy::Actor, true).partial();
    let kept = PartialReport::from_json(&to_json(&kept), "k.json").unwrap();
    let e = merge([a, kept]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "k.json: made with --keep-duplicates, but a.json was made without it"
    );
}

#[test]
fn sums_that_overflow_when_added_are_refused() {
    let mut v = editable();
    v["actors"][1]["stance"]["none"] = (u64::MAX - 5).into();
    v["actors"][1]["weight"] = u64::MAX.into();
    // Consistent by kind: that many direct quotes would weigh more than a count holds.
    let e = PartialReport::from_json(&v.to_string(), "big.json").unwrap_err();
    assert!(
        e.to_string().contains("a count at its largest value"),
        "{e}"
    );
    let mut a = editable();
    let mut b = editable();
    b["article_hashes"] = "00000000000000010000000000000002".into();
    let big = u64::MAX / 2 + 1;
    for v in [&mut a, &mut b] {
        v["unattributed"] = big.into();
    }
    let a = PartialReport::from_json(&a.to_string(), "a.json").unwrap();
    let b = PartialReport::from_json(&b.to_string(), "b.json").unwrap();
    let e = merge([a, b]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "b.json: counts overflow when added to a.json: not a real report"
    );
}

#[test]
fn duplicates_count_once_unless_kept() {
    let copy = vec![quote("", "Vladimir Putin", "Never.", [0.1, 0.8, 0.1])];
    let articles = vec![(7, copy.clone()), (8, Vec::new()), (7, copy)];
    let once = build(&articles, 0, None, GroupBy::Actor, false).finish();
    assert_eq!((once.articles, once.duplicates, once.quotes), (2, 1, 1));
    let kept = build(&articles, 0, None, GroupBy::Actor, true).finish();
    assert_eq!((kept.articles, kept.duplicates, kept.quotes), (3, 1, 2));
    let json = render_all(&once)[0].clone();
    assert!(json.contains("\"duplicates\": 1,"), "{json}");
    let none = build(&articles[..2], 0, None, GroupBy::Actor, false).finish();
    assert!(!render_all(&none)[0].contains("duplicates"));
}

#[test]
fn evidence_lists_keep_the_best_distinct_quotes() {
    let c = |score, article: &str, text: &str| Candidate {
        score,
        article: article.into(),
        text: text.into(),
        stance: "against".into(),
        p: score,
        kind: QuoteKind::Direct,
        title: None,
        source: None,
        date: None,
        context: Some(format!("\"{text}\", someone said.")),
    };
    let mut list = vec![c(5, "a", "x"), c(9, "b", "y")];
    add_candidates(&mut list, [c(7, "a", "x"), c(9, "a", "z"), c(1, "c", "w")]);
    assert_eq!(list, [c(9, "a", "z"), c(9, "b", "y"), c(7, "a", "x")]);
}
