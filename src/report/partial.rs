//! The sums behind a report, and how they add up and finish into a [`Report`].
//!
//! Everything here is an integer, a string, or a set or map of them: probabilities are
//! counted in units of 1e-9 and weights in tenths, so adding tallies is exact, associative and
//! commutative, and a tally read back from JSON is the tally that was written. That is what
//! makes `merge` of any split equal the whole.

use super::name::{is_full_name, surname};
use super::{ActorReport, Evidence, GroupBy, Kinds, LabelProbs, Report};
use crate::error::{Error, Result};
use crate::features::IdentityHasher;
use crate::QuoteKind;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::hash::BuildHasherDefault;
use std::path::{Path, PathBuf};

/// Probability units per 1.0.
pub(super) const SCALE: u64 = 1_000_000_000;
/// Evidence quotes kept per actor and label.
pub(super) const EVIDENCE: usize = 3;
/// Identifies partial report files; bump `VERSION` when the meaning of a field changes.
/// Version 2 added relevance (quotes about other matters counted apart, without votes), the
/// article content hashes and the duplicate count.
const FORMAT: &str = "demarche-partial";
const VERSION: u32 = 2;

/// A kind's weight in tenths (see the module doc of `report`).
pub(super) fn weight(kind: QuoteKind) -> u64 {
    match kind {
        QuoteKind::Direct => 10,
        QuoteKind::Indirect => 8,
        QuoteKind::Partial => 5,
    }
}

/// A probability in units of 1e-9; out-of-range values are clamped and NaN counts as 0.
pub(super) fn quantize(p: f64) -> u64 {
    // `as` saturates and maps NaN to 0.
    (p.clamp(0.0, 1.0) * SCALE as f64).round() as u64
}

pub use crate::label::label_order;

fn sorted_labels(labels: &BTreeSet<String>) -> Vec<String> {
    let mut v: Vec<String> = labels.iter().cloned().collect();
    v.sort_by(|a, b| label_order(a, b));
    v
}

/// A quote that may become evidence for an actor's stance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Candidate {
    /// The quote's probability for the label this candidate list is for.
    pub score: u64,
    pub article: String,
    pub text: String,
    /// The quote's own predicted label and its probability.
    pub stance: String,
    pub p: u64,
    pub kind: QuoteKind,
}

impl Candidate {
    /// Best first: highest score, then article and text; the rest only makes it total.
    fn rank(&self, other: &Candidate) -> Ordering {
        other
            .score
            .cmp(&self.score)
            .then_with(|| self.article.cmp(&other.article))
            .then_with(|| self.text.cmp(&other.text))
            .then_with(|| self.stance.cmp(&other.stance))
            .then_with(|| other.p.cmp(&self.p))
            .then_with(|| self.kind.cmp(&other.kind))
    }
}

/// Adds candidates to a best-first list, keeping the best of each (article, text) and at
/// most [`EVIDENCE`] in all. Keeping the top few of each part keeps the top few of the whole.
pub(super) fn add_candidates(list: &mut Vec<Candidate>, new: impl IntoIterator<Item = Candidate>) {
    list.extend(new);
    list.sort_by(Candidate::rank);
    let mut seen = BTreeSet::new();
    list.retain(|c| seen.insert((c.article.clone(), c.text.clone())));
    list.truncate(EVIDENCE);
}

/// The sums for one actor key.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub(super) struct Tally {
    /// The folded key this tally is counted under.
    pub key: String,
    /// A name the actor must be shown under (dictionary canonical name, affiliation).
    pub fixed_name: Option<String>,
    /// Speaker names as given, with how many quotes used each.
    pub names: BTreeMap<String, u64>,
    pub aliases: BTreeSet<String>,
    /// Speakers rolled up into an affiliation row.
    pub members: BTreeSet<String>,
    /// Affiliations seen, with how many quotes carried each.
    pub affiliations: BTreeMap<String, u64>,
    pub role: Option<String>,
    pub quotes: u64,
    pub kinds: Kinds,
    pub articles: u64,
    /// Total weight of the quotes, in tenths.
    pub weight: u64,
    /// Label -> sum of weight x probability units.
    pub stance: BTreeMap<String, u64>,
    /// Label -> total weight of the relevant quotes whose own predicted label it is.
    #[serde(default)]
    pub votes: BTreeMap<String, u64>,
    /// Quotes that address the topic and vote; `weight` and `stance` count these alone.
    #[serde(default)]
    pub relevant: u64,
    /// Quotes about other matters: no vote, no share in `stance`.
    #[serde(default)]
    pub irrelevant: u64,
    /// Total weight of the quotes that carry sentiment.
    pub sentiment_weight: u64,
    pub sentiment: BTreeMap<String, u64>,
    /// Label -> best candidates for that label.
    pub evidence: BTreeMap<String, Vec<Candidate>>,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// The article of the last quote added, to count each article once while streaming.
    #[serde(skip)]
    pub last_article: Option<String>,
}

fn add_sums(into: &mut BTreeMap<String, u64>, from: BTreeMap<String, u64>) {
    for (label, v) in from {
        let e = into.entry(label).or_default();
        *e = e.saturating_add(v);
    }
}

fn min_some(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn max_some(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

impl Tally {
    pub fn new(key: String) -> Tally {
        Tally {
            key,
            ..Tally::default()
        }
    }

    /// Adds another tally of the same key. Order does not matter: every field is a sum, a
    /// union, a minimum or maximum, or a best-of list under a total order.
    pub fn absorb(&mut self, other: Tally) {
        self.fixed_name = min_some(self.fixed_name.take(), other.fixed_name);
        add_sums(&mut self.names, other.names);
        self.aliases.extend(other.aliases);
        self.members.extend(other.members);
        add_sums(&mut self.affiliations, other.affiliations);
        self.role = min_some(self.role.take(), other.role);
        self.quotes = self.quotes.saturating_add(other.quotes);
        self.kinds.add(other.kinds);
        self.articles = self.articles.saturating_add(other.articles);
        self.weight = self.weight.saturating_add(other.weight);
        add_sums(&mut self.stance, other.stance);
        add_sums(&mut self.votes, other.votes);
        self.relevant = self.relevant.saturating_add(other.relevant);
        self.irrelevant = self.irrelevant.saturating_add(other.irrelevant);
        self.sentiment_weight = self.sentiment_weight.saturating_add(other.sentiment_weight);
        add_sums(&mut self.sentiment, other.sentiment);
        for (label, list) in other.evidence {
            add_candidates(self.evidence.entry(label).or_default(), list);
        }
        self.first_seen = min_some(self.first_seen.take(), other.first_seen);
        self.last_seen = max_some(self.last_seen.take(), other.last_seen);
    }

    /// Whether a sum reached the largest count: only an edited file gets there, and a
    /// saturated sum is no longer the sum.
    fn saturated(&self) -> bool {
        let k = &self.kinds;
        [
            self.quotes,
            self.articles,
            self.weight,
            self.sentiment_weight,
            k.direct,
            k.indirect,
            k.partial,
        ]
        .into_iter()
        .chain(self.names.values().copied())
        .chain(self.affiliations.values().copied())
        .chain(self.stance.values().copied())
        .chain(self.votes.values().copied())
        .chain(self.sentiment.values().copied())
        .any(|v| v == u64::MAX)
    }

    /// What the builder guarantees of one actor's sums (see [`PartialReport::check`]).
    fn check(&self, p: &PartialReport) -> std::result::Result<(), String> {
        let k = &self.kinds;
        let counted = u128::from(k.direct) + u128::from(k.indirect) + u128::from(k.partial);
        if counted != u128::from(self.quotes) {
            return Err(format!("{} quotes, but {} by kind", self.quotes, counted));
        }
        if u128::from(self.relevant) + u128::from(self.irrelevant) != u128::from(self.quotes) {
            return Err(format!(
                "{} quotes, but {} relevant and {} irrelevant",
                self.quotes, self.relevant, self.irrelevant
            ));
        }
        // `weight` counts the relevant quotes alone: between the lightest and the heaviest
        // kind for each, and never more than all its quotes weigh.
        let all =
            10 * u128::from(k.direct) + 8 * u128::from(k.indirect) + 5 * u128::from(k.partial);
        let w = u128::from(self.weight);
        let relevant = u128::from(self.relevant);
        if w > all || w < 5 * relevant || w > 10 * relevant {
            return Err(format!(
                "weight {} for {} relevant quotes of {} that weigh {all}",
                self.weight, self.relevant, self.quotes
            ));
        }
        if self.quotes == 0 || self.articles == 0 || self.articles > self.quotes.min(p.articles) {
            return Err(format!(
                "quoted in {} articles with {} quotes, of {} articles",
                self.articles, self.quotes, p.articles
            ));
        }
        let names: u128 = self.names.values().map(|&n| u128::from(n)).sum();
        if names > u128::from(self.quotes) {
            return Err(format!("{names} names for {} quotes", self.quotes));
        }
        let full = u128::from(self.weight) * u128::from(SCALE);
        for (label, &sum) in &self.stance {
            if !p.stance_labels.contains(label) {
                return Err(format!("stance label {label:?} is not among the report's"));
            }
            if u128::from(sum) > full {
                return Err(format!(
                    "stance sum {sum} for {label:?} is more than its weight {} allows",
                    self.weight
                ));
            }
        }
        let votes: u128 = self.votes.values().map(|&v| u128::from(v)).sum();
        if votes > u128::from(self.weight) {
            return Err(format!("votes {votes} outweigh its weight {}", self.weight));
        }
        if let Some(label) = self.votes.keys().find(|l| !p.stance_labels.contains(*l)) {
            return Err(format!(
                "a vote for {label:?}, not among the report's labels"
            ));
        }
        if u128::from(self.sentiment_weight) > all {
            return Err(format!(
                "sentiment weight {} over its quotes' weight {all}",
                self.sentiment_weight
            ));
        }
        let full = u128::from(self.sentiment_weight) * u128::from(SCALE);
        for (label, &sum) in &self.sentiment {
            if !p.sentiment_labels.contains(label) {
                return Err(format!(
                    "sentiment label {label:?} is not among the report's"
                ));
            }
            if u128::from(sum) > full {
                return Err(format!(
                    "sentiment sum {sum} for {label:?} is more than its weight {} allows",
                    self.sentiment_weight
                ));
            }
        }
        for (label, list) in &self.evidence {
            let bad = !p.stance_labels.contains(label)
                || list.iter().any(|c| {
                    c.score > SCALE || c.p > SCALE || !p.stance_labels.contains(&c.stance)
                });
            if bad {
                return Err(format!("evidence for {label:?} that no run could give"));
            }
        }
        Ok(())
    }

    /// The name to show: the fixed one, else the most used (then the longest, then the
    /// first alphabetically).
    fn display(&self) -> String {
        if let Some(n) = &self.fixed_name {
            return n.clone();
        }
        self.names
            .iter()
            .max_by(|(a, ca), (b, cb)| {
                ca.cmp(cb)
                    .then_with(|| a.len().cmp(&b.len()))
                    .then_with(|| b.cmp(a))
            })
            .map_or_else(|| self.key.clone(), |(n, _)| n.clone())
    }

    /// The affiliation carried by most quotes (ties: first alphabetically).
    fn affiliation(&self) -> Option<String> {
        self.affiliations
            .iter()
            .max_by(|(a, ca), (b, cb)| ca.cmp(cb).then_with(|| b.cmp(a)))
            .map(|(a, _)| a.clone())
    }
}

/// The label an actor leans to, with the no-lean rule between `pro` and `con` giving
/// `neutral`. Works on the integer sums so the thresholds are exact.
fn decide(
    sums: &BTreeMap<String, u64>,
    total: u64,
    labels: &[String],
    (pro, con, neutral): (&str, &str, &str),
) -> Option<String> {
    let get = |l: &str| u128::from(sums.get(l).copied().unwrap_or(0));
    let full = u128::from(total) * u128::from(SCALE);
    let has = |l: &str| labels.iter().any(|x| x == l);
    if has(pro) && has(con) && has(neutral) {
        let (p, c) = (get(pro), get(con));
        // Both at least 0.3 and less than 0.1 apart.
        if 10 * p >= 3 * full && 10 * c >= 3 * full && 10 * p.abs_diff(c) < full {
            return Some(neutral.to_string());
        }
    }
    plurality(sums, labels)
}

/// An actor's stance from its quotes' votes (see the module doc of `report`): with favor,
/// against and none among the labels, none speaks for no position, so favor and against are
/// weighed against each other: the larger wins when it is at least 1.5 times the other, and
/// without such a lean (or with neither) the stance is none. Other label sets: the label with
/// the most votes, ties in label order.
fn decide_stance(votes: &BTreeMap<String, u64>, labels: &[String]) -> Option<String> {
    let get = |l: &str| u128::from(votes.get(l).copied().unwrap_or(0));
    let has = |l: &str| labels.iter().any(|x| x == l);
    if has("favor") && has("against") && has("none") {
        let (f, a) = (get("favor"), get("against"));
        let label = if 2 * f >= 3 * a && f > 0 {
            "favor"
        } else if 2 * a >= 3 * f && a > 0 {
            "against"
        } else {
            "none"
        };
        return Some(label.to_string());
    }
    plurality(votes, labels)
}

/// The first label with the highest sum, in label order.
fn plurality(sums: &BTreeMap<String, u64>, labels: &[String]) -> Option<String> {
    let get = |l: &str| sums.get(l).copied().unwrap_or(0);
    let mut best: Option<(&String, u64)> = None;
    for l in labels {
        let v = get(l);
        if best.is_none_or(|(_, b)| v > b) {
            best = Some((l, v));
        }
    }
    best.map(|(l, _)| l.clone())
}

fn ratio(sum: u64, total: u64) -> f64 {
    if total == 0 {
        return 0.0;
    }
    round4(sum as f64 / (total as f64 * SCALE as f64))
}

/// Four decimals: far below any difference a model's probabilities mean.
fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

fn probs(sums: &BTreeMap<String, u64>, total: u64, labels: &[String]) -> LabelProbs {
    labels
        .iter()
        .map(|l| (l.clone(), ratio(sums.get(l).copied().unwrap_or(0), total)))
        .collect()
}

/// The note of an actor none of whose quotes addresses the topic.
pub const NO_STATEMENT: &str = "no statement on the topic";

/// The sums needed to combine reports made on separate shards (`report --partial`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartialReport {
    format: String,
    version: u32,
    pub(super) topic: String,
    pub(super) model: String,
    pub(super) by: GroupBy,
    pub(super) articles: u64,
    pub(super) quotes: u64,
    pub(super) unattributed: u64,
    /// Attributed quotes about other matters.
    #[serde(default)]
    pub(super) irrelevant: u64,
    pub(super) stance_labels: BTreeSet<String>,
    pub(super) sentiment_labels: BTreeSet<String>,
    /// One per key; written as a list sorted by key (a list read with a key twice adds the
    /// two up).
    #[serde(with = "tallies")]
    pub(super) actors: BTreeMap<String, Tally>,
    /// The content hash of every article counted, sorted: what lets a merge tell the same
    /// article in two shards (or the same partial given twice) from two articles.
    pub(super) article_hashes: ArticleHashes,
    /// Articles whose text was the same as an earlier one's: left out of the counts, or with
    /// `keep_duplicates` counted again.
    pub(super) duplicates: u64,
    pub(super) keep_duplicates: bool,
    /// Where it was read from, to name it in errors.
    #[serde(skip)]
    source: Option<PathBuf>,
}

/// The actors of a partial report as JSON: a list of tallies sorted by key.
mod tallies {
    use super::{add_tallies, Tally};
    use serde::{Deserialize, Deserializer, Serializer};
    use std::collections::BTreeMap;

    pub fn serialize<S: Serializer>(
        actors: &BTreeMap<String, Tally>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(actors.values())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<String, Tally>, D::Error> {
        let mut actors = BTreeMap::new();
        add_tallies(&mut actors, Vec::<Tally>::deserialize(d)?);
        Ok(actors)
    }
}

/// Article content hashes ([`crate::Article::content_hash`]); repeated only when duplicates
/// are kept. Written sorted, as one string of 16 hex digits per article, so a partial report
/// grows by 16 bytes an article.
#[derive(Debug, Clone, Default)]
pub(super) struct ArticleHashes {
    /// Sorted as read or built; in arrival order after a merge.
    list: Vec<u64>,
    /// Every hash in `list`, built by the first merge: merging many shards then checks each
    /// hash once, where merging sorted lists pairwise would go over the growing total for
    /// every shard.
    index: Option<HashSet<u64, BuildHasherDefault<IdentityHasher>>>,
}

impl PartialEq for ArticleHashes {
    fn eq(&self, other: &ArticleHashes) -> bool {
        self.sorted() == other.sorted()
    }
}

impl Serialize for ArticleHashes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let sorted = self.sorted();
        let mut text = String::with_capacity(16 * sorted.len());
        for h in sorted.iter() {
            text.push_str(&format!("{h:016x}"));
        }
        s.serialize_str(&text)
    }
}

impl<'de> Deserialize<'de> for ArticleHashes {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error as _;
        let text = String::deserialize(d)?;
        if text.len() % 16 != 0 || !text.is_ascii() {
            return Err(D::Error::custom(
                "article_hashes is not a string of 16 hex digits per article",
            ));
        }
        let list = (0..text.len())
            .step_by(16)
            .map(|i| {
                u64::from_str_radix(&text[i..i + 16], 16).map_err(|_| {
                    D::Error::custom(format!(
                        "article_hashes holds {:?}, not 16 hex digits",
                        &text[i..i + 16]
                    ))
                })
            })
            .collect::<std::result::Result<Vec<u64>, _>>()?;
        // Kept as read, so that a check can say when a hand-edited list is out of order.
        Ok(ArticleHashes { list, index: None })
    }
}

impl ArticleHashes {
    pub(super) fn new(mut list: Vec<u64>) -> ArticleHashes {
        list.sort_unstable();
        ArticleHashes { list, index: None }
    }

    fn sorted(&self) -> Cow<'_, [u64]> {
        if self.list.is_sorted() {
            Cow::Borrowed(&self.list)
        } else {
            let mut v = self.list.clone();
            v.sort_unstable();
            Cow::Owned(v)
        }
    }

    /// How many distinct hashes of `other` are here too.
    fn common(&mut self, other: &ArticleHashes) -> u64 {
        let index = self
            .index
            .get_or_insert_with(|| self.list.iter().copied().collect());
        let theirs = other.sorted();
        let mut both = 0;
        for (i, h) in theirs.iter().enumerate() {
            if (i == 0 || theirs[i - 1] != *h) && index.contains(h) {
                both += 1;
            }
        }
        both
    }

    /// Adds another shard's hashes (after [`ArticleHashes::common`] built the index).
    fn extend(&mut self, other: ArticleHashes) {
        let index = self
            .index
            .get_or_insert_with(|| self.list.iter().copied().collect());
        index.extend(other.list.iter().copied());
        self.list.extend(other.list);
    }

    /// How many hashes repeat an earlier one.
    fn repeats(&self) -> u64 {
        self.sorted().windows(2).filter(|w| w[0] == w[1]).count() as u64
    }
}

impl PartialReport {
    pub(super) fn new(topic: &str, model: &str, by: GroupBy) -> PartialReport {
        PartialReport {
            format: FORMAT.to_string(),
            version: VERSION,
            topic: topic.to_string(),
            model: model.to_string(),
            by,
            articles: 0,
            quotes: 0,
            unattributed: 0,
            irrelevant: 0,
            stance_labels: BTreeSet::new(),
            sentiment_labels: BTreeSet::new(),
            actors: BTreeMap::new(),
            article_hashes: ArticleHashes::default(),
            duplicates: 0,
            keep_duplicates: false,
            source: None,
        }
    }

    /// Reads a partial report file written by `report --partial`.
    pub fn load(path: impl AsRef<Path>) -> Result<PartialReport> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::InvalidData => {
                Error::input(path, None, "not a partial report (not UTF-8 text)")
            }
            _ => Error::io(path, e),
        })?;
        PartialReport::from_json(&text, path)
    }

    /// Parses one or more partial reports (as `report --partial` writes them, or several
    /// concatenated, one per line) and adds them up; `path` names the text in errors.
    pub fn from_json(text: &str, path: impl Into<PathBuf>) -> Result<PartialReport> {
        let path = path.into();
        let line_at =
            |offset: usize| text[..offset.min(text.len())].matches('\n').count() as u64 + 1;
        let mut stream = serde_json::Deserializer::from_str(text).into_iter::<PartialReport>();
        let mut total: Option<PartialReport> = None;
        loop {
            let start = stream.byte_offset();
            let Some(next) = stream.next() else { break };
            let mut p = next.map_err(|e| {
                let msg = e.to_string();
                // serde_json appends the position; the error type carries the line itself.
                let msg = msg
                    .rsplit_once(" at line ")
                    .map_or(msg.as_str(), |(m, _)| m);
                Error::input(
                    &path,
                    Some(e.line() as u64),
                    format!("not a partial report: {msg} (column {})", e.column()),
                )
            })?;
            if p.format != FORMAT || p.version != VERSION {
                let skipped = text[start..].len() - text[start..].trim_start().len();
                return Err(Error::input(
                    &path,
                    Some(line_at(start + skipped)),
                    format!(
                        "partial report format {:?} version {}, but this demarche reads {FORMAT:?} version {VERSION}",
                        p.format, p.version
                    ),
                ));
            }
            // A hand-edited file may repeat or misorder keys (added up as they are read), or
            // list evidence out of order; re-ranking is harmless for a file written by
            // demarche.
            for t in p.actors.values_mut() {
                for list in t.evidence.values_mut() {
                    add_candidates(list, []);
                }
            }
            if let Err(message) = p.check() {
                let skipped = text[start..].len() - text[start..].trim_start().len();
                return Err(Error::input(&path, Some(line_at(start + skipped)), message));
            }
            p.source = Some(path.clone());
            match total.as_mut() {
                Some(t) => t.absorb(p)?,
                None => total = Some(p),
            }
        }
        total.ok_or_else(|| Error::input(&path, None, "empty: no partial report in it"))
    }

    /// Writes the partial report as one line of JSON.
    pub fn write_to(&self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer(&mut *w, self)?;
        w.write_all(b"\n")
    }

    fn name(&self) -> String {
        self.source
            .as_ref()
            .map_or_else(|| "partial report".to_string(), |p| p.display().to_string())
    }

    /// Adds `other` to this partial report. Both must be for the same topic, model and
    /// grouping; the error names `other`'s file.
    pub fn absorb(&mut self, other: PartialReport) -> Result<()> {
        for (what, mine, theirs) in [
            ("topic", &self.topic, &other.topic),
            ("model", &self.model, &other.model),
        ] {
            if mine != theirs {
                return Err(Error::input(
                    other.source.clone().unwrap_or_default(),
                    None,
                    format!("{what} is {theirs:?}, but {} has {mine:?}", self.name()),
                ));
            }
        }
        if self.by != other.by {
            return Err(Error::input(
                other.source.clone().unwrap_or_default(),
                None,
                format!(
                    "grouped by {}, but {} is grouped by {}",
                    other.by,
                    self.name(),
                    self.by
                ),
            ));
        }
        let name = other.source.clone().unwrap_or_default();
        let refuse = |message: String| Err(Error::input(&name, None, message));
        if self.keep_duplicates != other.keep_duplicates {
            let made = |keep: bool| if keep { "with" } else { "without" };
            return refuse(format!(
                "made {} --keep-duplicates, but {} was made {} it",
                made(other.keep_duplicates),
                self.name(),
                made(self.keep_duplicates)
            ));
        }
        for (what, mine, theirs) in [
            ("stance", &self.stance_labels, &other.stance_labels),
            ("sentiment", &self.sentiment_labels, &other.sentiment_labels),
        ] {
            // A shard without quotes has no labels; any other difference is another model.
            if !mine.is_empty() && !theirs.is_empty() && mine != theirs {
                return refuse(format!(
                    "{what} labels {}, but {} has {}",
                    sorted_labels(theirs).join(", "),
                    self.name(),
                    sorted_labels(mine).join(", ")
                ));
            }
        }
        let me = self.name();
        let overflow = || {
            Error::input(
                &name,
                None,
                format!("counts overflow when added to {me}: not a real report"),
            )
        };
        let articles = self
            .articles
            .checked_add(other.articles)
            .ok_or_else(overflow)?;
        let quotes = self.quotes.checked_add(other.quotes).ok_or_else(overflow)?;
        let unattributed = self
            .unattributed
            .checked_add(other.unattributed)
            .ok_or_else(overflow)?;
        let irrelevant = self
            .irrelevant
            .checked_add(other.irrelevant)
            .ok_or_else(overflow)?;
        let duplicates = self
            .duplicates
            .checked_add(other.duplicates)
            .ok_or_else(overflow)?;
        let both = self.article_hashes.common(&other.article_hashes);
        if both > 0 && !self.keep_duplicates {
            // Its quotes are in both sets of sums, and sums cannot be taken apart again.
            return refuse(format!(
                "{both} of its {} articles were also counted in {me} (the same text): a merge \
                 would count them twice; give each text to one shard (partition by text), or \
                 make every partial with --keep-duplicates",
                other.articles
            ));
        }
        let keys: Vec<String> = other.actors.keys().cloned().collect();
        add_tallies(&mut self.actors, other.actors.into_values());
        if keys
            .iter()
            .any(|k| self.actors.get(k).is_some_and(Tally::saturated))
        {
            return Err(overflow());
        }
        self.articles = articles;
        self.quotes = quotes;
        self.unattributed = unattributed;
        self.irrelevant = irrelevant;
        // Kept duplicates: a text in both is one more copy of it (see `common`).
        self.duplicates = if self.keep_duplicates {
            duplicates.checked_add(both).ok_or_else(overflow)?
        } else {
            duplicates
        };
        self.article_hashes.extend(other.article_hashes);
        self.stance_labels.extend(other.stance_labels);
        self.sentiment_labels.extend(other.sentiment_labels);
        Ok(())
    }

    /// Checks that the sums can be the sums of a real run, naming the first that cannot: a
    /// hand-edited partial report would otherwise merge into nonsense (a confidence of
    /// 512409557.6).
    fn check(&self) -> std::result::Result<(), String> {
        let hashes = &self.article_hashes.list;
        if hashes.len() as u64 != self.articles {
            return Err(format!(
                "{} articles but {} article hashes",
                self.articles,
                hashes.len()
            ));
        }
        if let Some(w) = hashes.windows(2).find(|w| w[0] > w[1]) {
            return Err(format!("article hashes out of order at {:016x}", w[1]));
        }
        let repeats = self.article_hashes.repeats();
        if !self.keep_duplicates && repeats > 0 {
            return Err(format!(
                "{repeats} article hash(es) repeated, but duplicates were not kept"
            ));
        }
        if self.keep_duplicates && repeats != self.duplicates {
            return Err(format!(
                "{} duplicates, but the article hashes repeat {repeats} times",
                self.duplicates
            ));
        }
        let mut attributed = 0u64;
        for t in self.actors.values() {
            if t.saturated() {
                return Err(format!("actor {:?}: a count at its largest value", t.key));
            }
            t.check(self)
                .map_err(|e| format!("actor {:?}: {e}", t.key))?;
            attributed = attributed
                .checked_add(t.quotes)
                .ok_or("quote counts overflow")?;
        }
        let irrelevant: u128 = self.actors.values().map(|t| u128::from(t.irrelevant)).sum();
        if irrelevant != u128::from(self.irrelevant) {
            return Err(format!(
                "{} quotes on other matters, but the actors have {irrelevant}",
                self.irrelevant
            ));
        }
        if attributed != self.quotes {
            return Err(format!(
                "{} attributed quotes, but the actors have {attributed}",
                self.quotes
            ));
        }
        Ok(())
    }

    /// Finishes the sums into a report: merges lone surnames into full names, decides each
    /// actor's stance and sentiment, picks evidence, and sorts.
    pub fn finish(self) -> Report {
        let stance_labels = sorted_labels(&self.stance_labels);
        let sentiment_labels = sorted_labels(&self.sentiment_labels);
        let mut actors: BTreeMap<String, (String, Tally)> = self
            .actors
            .into_iter()
            .map(|(key, t)| (key, (t.display(), t)))
            .collect();
        merge_surnames(&mut actors);
        let mut rows: Vec<(String, ActorReport)> = actors
            .into_iter()
            .map(|(key, (display, t))| {
                let row = actor_report(display, t, &stance_labels, &sentiment_labels);
                (key, row)
            })
            .collect();
        rows.sort_by(|(ka, a), (kb, b)| {
            b.quotes
                .cmp(&a.quotes)
                .then_with(|| a.actor.cmp(&b.actor))
                .then_with(|| ka.cmp(kb))
        });
        Report {
            topic: self.topic,
            model: self.model,
            by: self.by,
            articles: self.articles,
            duplicates: self.duplicates,
            quotes: self.quotes,
            unattributed: self.unattributed,
            irrelevant: self.irrelevant,
            stance_labels,
            sentiment_labels,
            actors: rows.into_iter().map(|(_, r)| r).collect(),
        }
    }
}

/// Adds tallies into a map by key.
fn add_tallies(into: &mut BTreeMap<String, Tally>, from: impl IntoIterator<Item = Tally>) {
    for t in from {
        match into.get_mut(&t.key) {
            Some(e) => e.absorb(t),
            None => {
                into.insert(t.key.clone(), t);
            }
        }
    }
}

/// Merges each lone surname into the one full name that ends with it, when there is exactly
/// one. Names fixed by a dictionary or an affiliation are left alone.
fn merge_surnames(actors: &mut BTreeMap<String, (String, Tally)>) {
    let mut full_names: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for key in actors.keys().filter(|k| is_full_name(k)) {
        full_names.entry(surname(key)).or_default().push(key);
    }
    let moves: Vec<(String, String)> = actors
        .iter()
        .filter(|(key, (_, t))| !key.contains(' ') && t.fixed_name.is_none())
        .filter_map(
            |(key, _)| match full_names.get(key.as_str()).map(Vec::as_slice) {
                Some([full]) => Some((key.clone(), full.to_string())),
                _ => None,
            },
        )
        .collect();
    for (from, to) in moves {
        if let Some((_, t)) = actors.remove(&from) {
            if let Some((_, target)) = actors.get_mut(&to) {
                target.absorb(t);
            }
        }
    }
}

fn actor_report(
    display: String,
    t: Tally,
    stance_labels: &[String],
    sentiment_labels: &[String],
) -> ActorReport {
    let stance = decide_stance(&t.votes, stance_labels).unwrap_or_else(|| "none".to_string());
    let confidence = ratio(t.stance.get(&stance).copied().unwrap_or(0), t.weight);
    let note = (t.relevant == 0).then(|| NO_STATEMENT.to_string());
    let sentiment = (t.sentiment_weight > 0)
        .then(|| {
            decide(
                &t.sentiment,
                t.sentiment_weight,
                sentiment_labels,
                ("positive", "negative", "neutral"),
            )
        })
        .flatten();
    let evidence = t
        .evidence
        .get(&stance)
        .into_iter()
        .flatten()
        .map(|c| Evidence {
            article: c.article.clone(),
            text: c.text.clone(),
            stance: c.stance.clone(),
            p: ratio(c.p, 1),
            kind: c.kind,
        })
        .collect();
    let mut aliases: BTreeSet<String> = t.aliases.clone();
    aliases.extend(t.names.keys().cloned());
    aliases.remove(&display);
    ActorReport {
        affiliation: if t.members.is_empty() {
            t.affiliation()
        } else {
            None
        },
        actor: display,
        aliases: aliases.into_iter().collect(),
        quotes: t.quotes,
        stance,
        confidence,
        note,
        votes: stance_labels
            .iter()
            .map(|l| {
                (
                    l.clone(),
                    round4(t.votes.get(l).copied().unwrap_or(0) as f64 / 10.0),
                )
            })
            .collect(),
        relevant: t.relevant,
        irrelevant: t.irrelevant,
        stance_probs: probs(&t.stance, t.weight, stance_labels),
        sentiment_probs: sentiment
            .is_some()
            .then(|| probs(&t.sentiment, t.sentiment_weight, sentiment_labels)),
        sentiment,
        evidence,
        role: t.role,
        kinds: t.kinds,
        articles: t.articles,
        first_seen: t.first_seen,
        last_seen: t.last_seen,
        members: t.members.into_iter().collect(),
    }
}

/// Adds up partial reports (in any order) and finishes them into one report.
pub fn merge(partials: impl IntoIterator<Item = PartialReport>) -> Result<Report> {
    let mut iter = partials.into_iter();
    let Some(mut total) = iter.next() else {
        return Err(Error::input("merge", None, "no partial reports to merge"));
    };
    for p in iter {
        total.absorb(p)?;
    }
    Ok(total.finish())
}

#[cfg(test)]
mod tests {
    use super::super::fixture::quote;
    use super::super::{ActorDictionary, Format, ReportBuilder, ScoredQuote};
    use super::*;
    use proptest::prelude::*;

    const SPEAKERS: [&str; 12] = [
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
        )
            .prop_map(
                |(s, t, kind, fan, sentiment, date, affiliated, relevance)| ScoredQuote {
                    relevance,
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
        let mut b =
            ReportBuilder::new("independence for Kosovo", "m@1", dict, by).keep_duplicates(keep);
        for (i, (text, quotes)) in articles.iter().enumerate() {
            if !b.add_article(*text) {
                continue;
            }
            for q in quotes {
                b.add(&ScoredQuote {
                    article: format!("article-{}", first + i),
                    ..q.clone()
                });
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
        ) {
            let dict = dictionary();
            let dict = with_dictionary.then_some(&dict);
            let by = if by_affiliation { GroupBy::Affiliation } else { GroupBy::Actor };
            let whole = render_all(&build(&articles, 0, dict, by, keep).finish());

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
                        prop_assert_eq!(&render_all(&merged), &whole);
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
        };
        let mut list = vec![c(5, "a", "x"), c(9, "b", "y")];
        add_candidates(&mut list, [c(7, "a", "x"), c(9, "a", "z"), c(1, "c", "w")]);
        assert_eq!(list, [c(9, "a", "z"), c(9, "b", "y"), c(7, "a", "x")]);
    }
}
