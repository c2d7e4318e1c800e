//! Per-actor stance reports: where each speaker stands on the topic, across all articles.
//!
//! Input is a stream of [`ScoredQuote`]s (quotes already classified by a model); output is a
//! [`Report`] with one [`ActorReport`] per actor, rendered as JSON, CSV, Markdown or a
//! self-contained HTML page ([`Format`]). This module does not find or classify quotes.
//!
//! ```
//! use demarche::report::{Format, GroupBy, ReportBuilder, ScoredQuote};
//! use demarche::QuoteKind;
//!
//! let mut builder = ReportBuilder::new("independence for Kosovo", "demarche-default@0.1.0", None, GroupBy::Actor);
//! let article = demarche::Article::from_text("munich.txt", "...");
//! assert!(builder.add_article(article.content_hash()));
//! builder.add(&ScoredQuote {
//!     article: "munich.txt".into(), date: Some("2007-02-10".into()),
//!     speaker: "Vladimir Putin".into(), affiliation: None, source_text: Some("Putin".into()),
//!     kind: QuoteKind::Direct, text: "Only the Kosovars and Serbs can resolve this.".into(),
//!     stance_probs: [("favor", 0.1), ("against", 0.8), ("none", 0.1)].into_iter().collect(),
//!     sentiment_probs: None, relevance: Some(0.9),
//!     title: None, source: None, context: None,
//! });
//! let report = builder.finish();
//! assert_eq!(report.actors[0].stance, "against");
//! let mut json = Vec::new();
//! report.write_to(&mut json, Format::Json).unwrap();
//! ```
//!
//! # How an actor's stance is decided
//!
//! - **Weights by kind.** Each quote counts with a weight by how it is given: direct 1.0,
//!   indirect 0.8, partial 0.5. A partial quote is a fragment inside the reporter's own
//!   sentence: shorter, and more often the reporter's framing than the speaker's position.
//! - **Aggregated probabilities.** For every label, the weighted mean of the quotes'
//!   probabilities for it (a quote that lacks a label counts 0 for it): `stance_probs`.
//!   Probabilities are first clamped to [0, 1] and rounded to 1e-9 (a NaN counts as 0), and
//!   weights are counted in tenths, so every sum is an integer: the result does not depend on
//!   the order quotes arrive in, which is what lets partial reports merge exactly (see below).
//! - **Stance** is decided by the quotes' votes: each quote votes for its own most probable
//!   label with its weight. `none` is the absence of a position (procedural, factual,
//!   balanced statements), so it does not outvote one: favor and against are weighed against
//!   each other, and the larger wins when it is at least 1.5 times the other. Without such a
//!   lean (statements both ways, or none either way) the stance is `none` (`docs/labels.md`: "an
//!   actor with statements both ways and no lean is none"). Votes rather than mean
//!   probabilities, because a quote the model gets right with 0.45 should count as much as one
//!   it gets right with 0.9: on a small-corpus model the probabilities are soft, and a single
//!   confident misreading otherwise outweighs several right ones. For label sets without
//!   favor/against/none (a user's own model), the label with the most votes wins (ties in
//!   label order). **Confidence** is the chosen label's aggregated probability, so a stance
//!   carried by soft or few votes shows a low confidence.
//! - **Sentiment** is the label with the highest aggregated probability over the quotes that
//!   carry sentiment, except for no lean: when positive and negative are both at least 0.3
//!   and differ by less than 0.1, it is `neutral`.
//! - **Evidence**: the 3 quotes with the highest probability for the actor's stance (ties
//!   broken by article, then text), each with its own predicted label and that label's
//!   probability; a quote repeated in one article counts once.
//!
//! # Who is an actor
//!
//! - Quotes are grouped by the speaker's folded name (case, punctuation, honorifics and
//!   leading titles folded: "Russian President Vladimir Putin" and "Vladimir Putin" are one).
//! - With an [`ActorDictionary`] (`--actors FILE`), a speaker that matches a name or alias is
//!   counted under the dictionary's canonical name, affiliation and role.
//! - Across articles, a lone surname ("Putin") is merged into the one full name in the report
//!   that ends with it ("Vladimir Putin"); if two full names end with it, it stays apart.
//!   Names fixed by the dictionary are never merged this way.
//! - [`GroupBy::Affiliation`] counts each quote under its speaker's affiliation (from the
//!   dictionary, else from the quote) and lists the speakers as `members`; a speaker with no
//!   known affiliation stays an actor of its own.
//! - Dates (`first_seen`, `last_seen`) are the article dates that begin with an ISO date
//!   (`2007-02-10`, `2007-02-10T09:00Z`); other date formats are ignored.
//! - Quotes without a speaker are counted as `unattributed` and otherwise left out.
//!
//! # Partial reports
//!
//! [`ReportBuilder::partial`] gives the integer sums behind a report (per actor: weighted
//! probability sums and weight totals, counts, the top evidence candidates for every label,
//! names and aliases, first and last dates, and the content hash of every article counted).
//! [`merge`] adds partial reports together and finishes them into a report. For any split of
//! the input into shards at article boundaries, merging the shards' partial reports gives
//! exactly the report of the whole input, byte for byte; a property test below checks it.
//!
//! # Duplicates
//!
//! An article whose text is the same as an earlier one's (syndicated wire copy, a file given
//! twice) counts once: [`ReportBuilder::add_article`] says so, its quotes are left out, and
//! the report counts it in `duplicates`. With [`ReportBuilder::keep_duplicates`] every copy
//! counts. Across shards the sums cannot tell copies apart, so a merge compares the shards'
//! content hashes: the same text counted in two shards (or the same partial given twice) is
//! refused rather than counted twice, unless duplicates are kept. Shards split by text (all
//! copies of a text in one shard) merge into exactly the report of the whole.

mod builder;
mod dictionary;
mod html;
mod name;
mod partial;
mod period;
mod render;
mod rule;
mod set;
mod tally;

pub use crate::label::{label_order, LabelProbs};
pub use builder::ReportBuilder;
pub use dictionary::{ActorDictionary, DictionaryEntry};
pub use partial::{merge, PartialReport};
pub use period::{is_date, Period, PeriodReport, UNDATED};
pub use set::PartialReports;

use crate::QuoteKind;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

/// One classified quote, the report's input.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredQuote {
    /// The article id (path, or JSONL `id`).
    pub article: String,
    /// The article's date as it carries it, if any.
    pub date: Option<String>,
    /// The resolved speaker; an empty one counts as unattributed.
    pub speaker: String,
    /// The speaker's country or organisation, when known to the caller.
    pub affiliation: Option<String>,
    /// The mention that attributes the quote ("Putin", "he", "the spokesman").
    pub source_text: Option<String>,
    /// How the words are given: it sets the quote's weight.
    pub kind: QuoteKind,
    /// The quoted words.
    pub text: String,
    /// Stance label -> probability (favor/against/none for the built-in model).
    pub stance_probs: LabelProbs,
    /// Sentiment label -> probability, when the model gives sentiment.
    pub sentiment_probs: Option<LabelProbs>,
    /// The probability that the quote addresses the topic at all, when the model says; a
    /// quote below [`RELEVANT`] is counted apart and does not vote.
    pub relevance: Option<f64>,
    /// The article's title, when known (shown with the quote when it is evidence).
    pub title: Option<String>,
    /// The article's source (publication, site), when known.
    pub source: Option<String>,
    /// The sentence around the quote, with its attribution, when known.
    pub context: Option<String>,
}

/// The relevance at or above which a quote speaks to the topic and votes.
pub const RELEVANT: f64 = 0.5;

/// What a report row stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    /// One row per speaker.
    #[default]
    Actor,
    /// One row per country or organisation (`--by affiliation`).
    Affiliation,
}

impl FromStr for GroupBy {
    type Err = String;
    fn from_str(s: &str) -> Result<GroupBy, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "actor" => Ok(GroupBy::Actor),
            "affiliation" => Ok(GroupBy::Affiliation),
            other => Err(format!(
                "unknown grouping {other:?} (expected actor or affiliation)"
            )),
        }
    }
}

/// A report's output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The report object of `docs/contract.md`.
    Json,
    /// One row per actor.
    Csv,
    /// A Markdown table and the evidence.
    Md,
    /// A self-contained HTML page.
    Html,
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            "md" | "markdown" => Ok(Format::Md),
            "html" => Ok(Format::Html),
            other => Err(format!(
                "unknown report format {other:?} (expected json, csv, md or html)"
            )),
        }
    }
}

/// Quote counts by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Kinds {
    /// Direct quotes.
    pub direct: u64,
    /// Reported speech.
    pub indirect: u64,
    /// Quoted fragments.
    pub partial: u64,
}

impl Kinds {
    fn add(&mut self, other: Kinds) {
        self.direct = self.direct.saturating_add(other.direct);
        self.indirect = self.indirect.saturating_add(other.indirect);
        self.partial = self.partial.saturating_add(other.partial);
    }
}

/// One quote shown as evidence for an actor's stance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The article's id.
    pub article: String,
    /// The quoted words.
    pub text: String,
    /// The quote's own predicted label.
    pub stance: String,
    /// The quote's probability for its own label.
    pub p: f64,
    /// How the words are given.
    pub kind: QuoteKind,
    /// The article's title, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The article's source, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The article's date, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The sentence around the quote, with its attribution, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

/// One row of the report: an actor (or an affiliation) and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorReport {
    /// The name shown: the spelling used most, or the dictionary's canonical name.
    pub actor: String,
    /// Other names and mentions seen for the actor, sorted.
    pub aliases: Vec<String>,
    /// The actor's quotes.
    pub quotes: u64,
    /// Where the actor stands (a stance label).
    pub stance: String,
    /// The chosen label's weighted mean probability.
    pub confidence: f64,
    /// Why the stance is `none` when no statement decided it ("no statement on the topic").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Label -> weight of the quotes that voted for it (each relevant quote votes for its
    /// own most probable label with its kind's weight): the numbers the stance is decided on.
    pub votes: LabelProbs,
    /// Quotes that address the topic and vote.
    pub relevant: u64,
    /// Quotes about other matters, counted apart: they do not vote.
    pub irrelevant: u64,
    /// Weighted mean probabilities over the relevant quotes.
    pub stance_probs: LabelProbs,
    /// The actor's tone, `None` when the model gives no sentiment.
    pub sentiment: Option<String>,
    /// Weighted mean sentiment probabilities, when the model gives sentiment.
    pub sentiment_probs: Option<LabelProbs>,
    /// Up to three quotes most probable for the actor's stance.
    pub evidence: Vec<Evidence>,
    /// The affiliation most of the actor's quotes carry: the actor dictionary's, else the
    /// one the text gives.
    pub affiliation: Option<String>,
    /// From the actor dictionary, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Quote counts by kind.
    pub kinds: Kinds,
    /// Articles the actor is quoted in.
    pub articles: u64,
    /// The earliest ISO article date, when any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<String>,
    /// The latest ISO article date, when any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
    /// For an affiliation row: the speakers rolled up into it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// With a report over time: the actor in each period it is quoted in, in order, the
    /// undated quotes last.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<PeriodReport>,
}

/// A per-actor stance report (`report --format json` in `docs/contract.md`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The topic.
    pub topic: String,
    /// The model's name (`demarche-default@<id>`, or `<file stem>@<id>`).
    pub model: String,
    /// One row per speaker, or per affiliation.
    pub by: GroupBy,
    /// Articles read.
    pub articles: u64,
    /// Articles whose text was the same as an earlier one's (left out of the counts unless
    /// duplicates were kept); shown when there are any.
    #[serde(skip_serializing_if = "is_zero")]
    pub duplicates: u64,
    /// Attributed quotes counted in the actors.
    pub quotes: u64,
    /// Quotes with no speaker, left out of the actors.
    pub unattributed: u64,
    /// Attributed quotes about other matters than the topic: counted, no vote.
    pub irrelevant: u64,
    /// The fewest quotes an actor needs to be listed ([`Report::min_quotes`]), when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_quotes: Option<u64>,
    /// Actors with fewer quotes than `min_quotes`, left out of `actors` (their quotes stay in
    /// the totals); shown when `min_quotes` is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actors_below_min_quotes: Option<u64>,
    /// With a report over time (`--period`): how long its periods are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Stance labels in display order.
    pub stance_labels: Vec<String>,
    /// Sentiment labels in display order (empty when the model gives no sentiment).
    pub sentiment_labels: Vec<String>,
    /// One row per actor, sorted by number of quotes, then name.
    pub actors: Vec<ActorReport>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Report {
    /// Leaves out the actors with fewer than `n` quotes, counting them in
    /// `actors_below_min_quotes`. For a finished report only: partial reports keep every
    /// actor, so that a merge of shards applies it to the actors of the whole.
    pub fn min_quotes(mut self, n: u64) -> Report {
        let before = self.actors.len();
        self.actors.retain(|a| a.quotes >= n);
        let below = (before - self.actors.len()) as u64;
        self.min_quotes = Some(n);
        self.actors_below_min_quotes = Some(
            self.actors_below_min_quotes
                .unwrap_or(0)
                .saturating_add(below),
        );
        self
    }

    /// Writes the report in `format`.
    pub fn write_to(&self, w: &mut impl Write, format: Format) -> io::Result<()> {
        match format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut *w, self)?;
                w.write_all(b"\n")
            }
            Format::Csv => render::csv(self, w),
            Format::Md => render::markdown(self, w),
            Format::Html => html::html(self, w),
        }
    }
}

/// Writes the reports of several topics (from one pass over the articles) in `format`: with
/// one report, exactly [`Report::write_to`]; with several, a JSON list of reports, one CSV with
/// a `topic` column first, or one Markdown document or HTML page with a section per topic.
pub fn write_reports(reports: &[Report], w: &mut impl Write, format: Format) -> io::Result<()> {
    if let [one] = reports {
        return one.write_to(w, format);
    }
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *w, reports)?;
            w.write_all(b"\n")
        }
        Format::Csv => render::csv_rows(reports, true, w),
        Format::Md => {
            for (i, r) in reports.iter().enumerate() {
                if i > 0 {
                    writeln!(w)?;
                }
                render::markdown(r, w)?;
            }
            Ok(())
        }
        Format::Html => {
            let topics: Vec<&str> = reports.iter().map(|r| r.topic.as_str()).collect();
            html::page_head(&topics.join("; "), w)?;
            for (t, r) in reports.iter().enumerate() {
                writeln!(w, "<section class=\"topic\" id=\"topic-{t}\">")?;
                html::topic_sections(r, &format!("topic-{t}-actor-"), w)?;
                writeln!(w, "</section>")?;
            }
            html::page_foot(w)
        }
    }
}

impl fmt::Display for GroupBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            GroupBy::Actor => "actor",
            GroupBy::Affiliation => "affiliation",
        })
    }
}

/// Scored quotes for the tests of this module's parts.
#[cfg(test)]
mod fixture {
    use super::ScoredQuote;
    use crate::QuoteKind;

    /// A direct quote by `speaker` in `article` with stance probabilities favor, against, none.
    pub(crate) fn quote(article: &str, speaker: &str, text: &str, fan: [f64; 3]) -> ScoredQuote {
        ScoredQuote {
            article: article.into(),
            date: None,
            speaker: speaker.into(),
            affiliation: None,
            source_text: None,
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

    /// The same quote with another kind.
    pub(crate) fn kind(mut q: ScoredQuote, kind: QuoteKind) -> ScoredQuote {
        q.kind = kind;
        q
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::quote;
    use super::*;

    /// A small report with the awkward characters every rendering must survive.
    pub(super) fn awkward() -> Report {
        let mut b = ReportBuilder::new(
            "independence for \"Kosovo\" <now>",
            "demarche-default@0.1.0",
            None,
            GroupBy::Actor,
        );
        b.add_article(1);
        let mut q = quote(
            "news/a,b.txt",
            "Smith, \"Jr\" | <b>",
            "Never <script>alert('x')</script> & \"no\",\nnever | *ever*",
            [0.05, 0.9, 0.05],
        );
        q.date = Some("2007-02-10".into());
        q.title = Some("Talks <i>resume</i>".into());
        q.source = Some("Wire & \"Co\"".into());
        q.context = Some(format!("As he left, {}, Smith said <b>.", q.text));
        b.add(&q);
        b.add(&quote(
            "news/a,b.txt",
            "Ana Ruiz",
            "We back it.",
            [0.8, 0.1, 0.1],
        ));
        b.add(&quote("news/a,b.txt", "Ana Ruiz", "Soon.", [0.6, 0.1, 0.3]));
        b.finish()
    }

    pub(super) fn render(r: &Report, format: Format) -> String {
        let mut out = Vec::new();
        r.write_to(&mut out, format).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_follows_the_contract() {
        let text = render(&awkward(), Format::Json);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["topic"], "independence for \"Kosovo\" <now>");
        assert_eq!(v["model"], "demarche-default@0.1.0");
        assert_eq!(v["articles"], 1);
        let a = &v["actors"][0];
        assert_eq!(a["actor"], "Ana Ruiz");
        assert_eq!(a["quotes"], 2);
        assert_eq!(a["stance"], "favor");
        assert_eq!(a["confidence"], 0.7);
        assert_eq!(a["aliases"], serde_json::json!([]));
        // serde_json's `Value` sorts keys, so the label order is checked on the text.
        assert!(
            text.contains(
                "\"stance_probs\": {\n        \"favor\": 0.7,\n        \"against\": 0.1,\n        \"none\": 0.2\n      }"
            ),
            "{text}"
        );
        assert_eq!(a["sentiment"], serde_json::Value::Null);
        let e = &a["evidence"][0];
        assert_eq!(
            (&e["article"], &e["text"], &e["stance"], &e["p"]),
            (
                &"news/a,b.txt".into(),
                &"We back it.".into(),
                &"favor".into(),
                &0.8.into()
            )
        );
        assert!(e.get("title").is_none() && e.get("context").is_none());
        let e = &v["actors"][1]["evidence"][0];
        assert_eq!(e["title"], "Talks <i>resume</i>");
        assert_eq!(e["source"], "Wire & \"Co\"");
        assert_eq!(e["date"], "2007-02-10");
        assert!(e["context"]
            .as_str()
            .unwrap()
            .starts_with("As he left, Never <script>"));
        assert_eq!(v["actors"][1]["first_seen"], "2007-02-10");
        assert!(a.get("first_seen").is_none(), "no dates, no field");
    }

    #[test]
    fn min_quotes_leaves_out_actors_and_counts_them() {
        let r = awkward().min_quotes(2);
        assert_eq!(r.actors.len(), 1);
        assert_eq!(r.actors[0].actor, "Ana Ruiz");
        assert_eq!(
            (r.min_quotes, r.actors_below_min_quotes),
            (Some(2), Some(1))
        );
        assert_eq!(r.quotes, 3, "the totals keep every quote");
        let json = render(&r, Format::Json);
        assert!(json.contains("\"min_quotes\": 2,\n  \"actors_below_min_quotes\": 1,"));
        assert!(!render(&awkward(), Format::Json).contains("min_quotes"));
        let r = awkward().min_quotes(1);
        assert_eq!((r.actors.len(), r.actors_below_min_quotes), (2, Some(0)));
        assert!(render(&awkward().min_quotes(3), Format::Html)
            .contains("2 actors with fewer than 3 quotes left out"));
    }

    #[test]
    fn formats_parse_by_name() {
        assert_eq!("HTML".parse::<Format>(), Ok(Format::Html));
        assert_eq!("markdown".parse::<Format>(), Ok(Format::Md));
        assert!("pdf".parse::<Format>().is_err());
        assert_eq!("Affiliation".parse::<GroupBy>(), Ok(GroupBy::Affiliation));
        assert_eq!("actor".parse::<GroupBy>(), Ok(GroupBy::Actor));
        assert!("country".parse::<GroupBy>().is_err());
    }
}
