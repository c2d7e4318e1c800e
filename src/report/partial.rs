//! The sums behind a report, and how they add up and finish into a [`Report`].
//!
//! Everything here is an integer, a string, or a set or map of them: probabilities are
//! counted in units of 1e-9 and weights in tenths, so adding tallies is exact, associative and
//! commutative, and a tally read back from JSON is the tally that was written. That is what
//! makes `merge` of any split equal the whole.

use super::name::{is_full_name, surname};
use super::period::Period;
use super::tally::{actor_report, add_candidates, Tally};
use super::{ActorReport, GroupBy, Report};
use crate::error::{Error, Result};
use crate::hash::IdentityHasher;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::hash::BuildHasherDefault;
use std::path::{Path, PathBuf};

/// Identifies partial report files; bump `VERSION` when the meaning of a field changes.
/// Version 2 added relevance (quotes about other matters counted apart, without votes), the
/// article content hashes and the duplicate count.
const FORMAT: &str = "demarche-partial";
const VERSION: u32 = 2;

pub(super) use crate::label::label_order;

fn sorted_labels(labels: &BTreeSet<String>) -> Vec<String> {
    let mut v: Vec<String> = labels.iter().cloned().collect();
    v.sort_by(|a, b| label_order(a, b));
    v
}

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
    /// With a report over time (`--period`): how long its periods are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) period: Option<Period>,
    /// Where it was read from, to name it in errors.
    #[serde(skip)]
    pub(super) source: Option<PathBuf>,
}

/// The actors of a partial report as JSON: a list of tallies sorted by key.
mod tallies {
    use super::{add_tallies, Tally};
    use serde::{Deserialize, Deserializer, Serializer};
    use std::collections::BTreeMap;

    pub(super) fn serialize<S: Serializer>(
        actors: &BTreeMap<String, Tally>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(actors.values())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
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
            period: None,
            source: None,
        }
    }

    /// Reads a partial report file written by `report --partial`.
    pub fn load(path: impl AsRef<Path>) -> Result<PartialReport> {
        let path = path.as_ref();
        PartialReport::from_json(&read_text(path)?, path)
    }

    /// Parses one or more partial reports (as `report --partial` writes them, or several
    /// concatenated, one per line) and adds them up; `path` names the text in errors.
    pub fn from_json(text: &str, path: impl Into<PathBuf>) -> Result<PartialReport> {
        let path = path.into();
        let mut total: Option<PartialReport> = None;
        PartialReport::each_in(text, &path, |p, _| match total.as_mut() {
            Some(t) => t.absorb(p),
            None => {
                total = Some(p);
                Ok(())
            }
        })?;
        total.ok_or_else(|| Error::input(&path, None, "empty: no partial report in it"))
    }

    /// Parses each partial report in `text` (one or more, as `from_json` reads them), checks
    /// it, and gives it to `f` with the line it starts on.
    pub(super) fn each_in(
        text: &str,
        path: &Path,
        mut f: impl FnMut(PartialReport, u64) -> Result<()>,
    ) -> Result<()> {
        let line_at =
            |offset: usize| text[..offset.min(text.len())].matches('\n').count() as u64 + 1;
        let mut stream = serde_json::Deserializer::from_str(text).into_iter::<PartialReport>();
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
                    path,
                    Some(e.line() as u64),
                    format!("not a partial report: {msg} (column {})", e.column()),
                )
            })?;
            if p.format != FORMAT || p.version != VERSION {
                let skipped = text[start..].len() - text[start..].trim_start().len();
                return Err(Error::input(
                    path,
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
            let skipped = text[start..].len() - text[start..].trim_start().len();
            let line = line_at(start + skipped);
            if let Err(message) = p.check() {
                return Err(Error::input(path, Some(line), message));
            }
            p.source = Some(path.to_path_buf());
            f(p, line)?;
        }
        Ok(())
    }

    /// Writes the partial report as one line of JSON.
    pub fn write_to(&self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer(&mut *w, self)?;
        w.write_all(b"\n")
    }

    pub(super) fn name(&self) -> String {
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
        if self.period != other.period {
            let over =
                |p: Option<Period>| p.map_or("not over time".to_string(), |p| format!("by {p}"));
            return refuse(format!(
                "a report {}, but {} is a report {}",
                over(other.period),
                self.name(),
                over(self.period)
            ));
        }
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
        merge_unhyphenated(&mut actors);
        merge_described_names(&mut actors);
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
            min_quotes: None,
            actors_below_min_quotes: None,
            period: self.period,
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

/// Merges a full name written without its hyphen ("robert kilroy silk") into the hyphenated
/// spelling the input also has ("robert kilroy-silk"): one person, spelt two ways.
fn merge_unhyphenated(actors: &mut BTreeMap<String, (String, Tally)>) {
    let hyphenated: BTreeMap<String, &str> = actors
        .keys()
        .filter(|k| k.contains('-') && is_full_name(k))
        .map(|k| (k.replace('-', " "), k.as_str()))
        .collect();
    let moves: Vec<(String, String)> = actors
        .iter()
        .filter(|(key, (_, t))| !key.contains('-') && t.fixed_name.is_none())
        .filter_map(|(key, _)| Some((key.clone(), hyphenated.get(key)?.to_string())))
        .collect();
    join(actors, moves);
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
    join(actors, moves);
}

/// Merges a full name with words before it ("backbencher stephen pound", "unison dave
/// prentis") into the longest full name it ends with that the input has as an actor of its
/// own. The words before are a descriptor the actor stage did not know; the full name alone is
/// the person.
fn merge_described_names(actors: &mut BTreeMap<String, (String, Tally)>) {
    let full: std::collections::BTreeSet<&str> = actors
        .keys()
        .filter(|k| is_full_name(k))
        .map(String::as_str)
        .collect();
    let moves: Vec<(String, String)> = actors
        .iter()
        .filter(|(_, (_, t))| t.fixed_name.is_none())
        .filter_map(|(key, _)| {
            let words: Vec<&str> = key.split(' ').collect();
            // The longest full name it ends with, of two words at least and shorter than it,
            // after descriptors only ("spokesman for michael howard" is someone else).
            (1..words.len().saturating_sub(1))
                .take_while(|&start| {
                    !words[..start]
                        .iter()
                        .any(|w| crate::quote::mention::is_function_word(w))
                })
                .map(|start| words[start..].join(" "))
                .filter(|tail| is_full_name(tail))
                .map(|tail| super::name::fold(&tail))
                .find(|tail| full.contains(tail.as_str()))
                .map(|to| (key.clone(), to))
        })
        .collect();
    join(actors, moves);
}

/// Moves each `from` actor's sums into the `to` actor.
fn join(actors: &mut BTreeMap<String, (String, Tally)>, moves: Vec<(String, String)>) {
    for (from, to) in moves {
        if let Some((_, t)) = actors.remove(&from) {
            if let Some((_, target)) = actors.get_mut(&to) {
                target.absorb(t);
            }
        }
    }
}

/// Adds up partial reports (in any order) and finishes them into one report.
///
/// Shards of a corpus can be reported apart and merged: the merged report is the report of
/// the whole.
///
/// ```
/// use demarche::report::{merge, PartialReport};
/// use demarche::{Article, Pipeline, Topic};
///
/// let pipeline = Pipeline::default();
/// let topic = Topic::new("independence for Kosovo")?;
/// let shard = |text: &str| -> demarche::Result<PartialReport> {
///     let article = Article::from_text("a.txt", text);
///     let mut builder = pipeline.report_builder(&topic);
///     builder.add_article(article.content_hash());
///     for row in pipeline.classify(&article, &topic) {
///         builder.add(&row.scored(&article).expect("a speaker"));
///     }
///     // Written out (`PartialReport::write_to`) and read back (`PartialReport::load`)
///     // where the shards run apart.
///     Ok(builder.into_partial())
/// };
/// let one = shard("\"Kosovo must never be independent,\" Ivan Petrov said.")?;
/// let two = shard("\"We reject any partition,\" Ivan Petrov told reporters.")?;
/// let report = merge([one, two])?;
/// assert_eq!(report.actors.len(), 1);
/// assert_eq!(report.actors[0].actor, "Ivan Petrov");
/// assert_eq!(report.actors[0].quotes, 2);
/// # Ok::<(), demarche::Error>(())
/// ```
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
#[path = "partial_tests.rs"]
mod tests;

/// The text of a partial report file; a file that is not UTF-8 is no partial report.
pub(super) fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidData => {
            Error::input(path, None, "not a partial report (not UTF-8 text)")
        }
        _ => Error::io(path, e),
    })
}
