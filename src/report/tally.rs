//! The sums for one actor ([`Tally`]), how they add up, and how they finish into an actor's
//! row of a report: the stance decided on the votes, the probabilities, the evidence.

use super::partial::PartialReport;
use super::period::{PeriodReport, PeriodTally};
use super::rule::{decide, decide_stance};
use super::{ActorReport, Evidence, Kinds, LabelProbs};
use crate::QuoteKind;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Probability units per 1.0.
pub(super) const SCALE: u64 = 1_000_000_000;
/// Evidence quotes kept per actor and label.
pub(super) const EVIDENCE: usize = 3;

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
    /// The article's title, source and date, and the sentence around the quote, when known
    /// (optional in partial reports written before they were kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
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
            .then_with(|| self.title.cmp(&other.title))
            .then_with(|| self.source.cmp(&other.source))
            .then_with(|| self.date.cmp(&other.date))
            .then_with(|| self.context.cmp(&other.context))
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
pub(crate) struct Tally {
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
    /// With a report over time: period key -> the actor's sums in that period.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub periods: BTreeMap<String, PeriodTally>,
    /// The article of the last quote added, to count each article once while streaming.
    #[serde(skip)]
    pub last_article: Option<String>,
}

pub(super) fn add_sums(into: &mut BTreeMap<String, u64>, from: BTreeMap<String, u64>) {
    for (label, v) in from {
        let e = into.entry(label).or_default();
        *e = e.saturating_add(v);
    }
}

pub(super) fn min_some(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

pub(super) fn max_some(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

impl Tally {
    pub(super) fn new(key: String) -> Tally {
        Tally {
            key,
            ..Tally::default()
        }
    }

    /// Adds another tally of the same key. Order does not matter: every field is a sum, a
    /// union, a minimum or maximum, or a best-of list under a total order.
    pub(super) fn absorb(&mut self, other: Tally) {
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
        for (key, p) in other.periods {
            self.periods.entry(key).or_default().absorb(p);
        }
    }

    /// Whether a sum reached the largest count: only an edited file gets there, and a
    /// saturated sum is no longer the sum.
    pub(super) fn saturated(&self) -> bool {
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
    pub(super) fn check(&self, p: &PartialReport) -> std::result::Result<(), String> {
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
        self.check_periods(p)?;
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

    /// With a period, the periods' sums add up to the actor's; without, there are none.
    fn check_periods(&self, p: &PartialReport) -> std::result::Result<(), String> {
        if p.period.is_none() {
            return match self.periods.is_empty() {
                true => Ok(()),
                false => Err("periods in a report not over time".into()),
            };
        }
        let (mut quotes, mut relevant) = (0u128, 0u128);
        let mut votes: BTreeMap<&str, u128> = BTreeMap::new();
        for (key, t) in &self.periods {
            if t.relevant > t.quotes {
                return Err(format!("period {key:?}: more relevant quotes than quotes"));
            }
            quotes += u128::from(t.quotes);
            relevant += u128::from(t.relevant);
            for (label, &v) in &t.votes {
                *votes.entry(label.as_str()).or_default() += u128::from(v);
            }
        }
        let all: BTreeMap<&str, u128> = self
            .votes
            .iter()
            .filter(|(_, &v)| v > 0)
            .map(|(l, &v)| (l.as_str(), u128::from(v)))
            .collect();
        votes.retain(|_, v| *v > 0);
        if quotes != u128::from(self.quotes)
            || relevant != u128::from(self.relevant)
            || votes != all
        {
            return Err(format!(
                "periods count {quotes} quotes ({relevant} relevant) and other votes than the \
                 actor's {} ({})",
                self.quotes, self.relevant
            ));
        }
        Ok(())
    }

    /// The name to show: the fixed one, else the most used (then the longest, then the
    /// first alphabetically).
    pub(super) fn display(&self) -> String {
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
    pub(super) fn affiliation(&self) -> Option<String> {
        self.affiliations
            .iter()
            .max_by(|(a, ca), (b, cb)| ca.cmp(cb).then_with(|| b.cmp(a)))
            .map(|(a, _)| a.clone())
    }
}

pub(super) fn ratio(sum: u64, total: u64) -> f64 {
    if total == 0 {
        return 0.0;
    }
    round4(sum as f64 / (total as f64 * SCALE as f64))
}

/// Four decimals: far below any difference a model's probabilities mean.
pub(super) fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

pub(super) fn probs(sums: &BTreeMap<String, u64>, total: u64, labels: &[String]) -> LabelProbs {
    labels
        .iter()
        .map(|l| (l.clone(), ratio(sums.get(l).copied().unwrap_or(0), total)))
        .collect()
}

/// The note of an actor none of whose quotes addresses the topic.
pub(super) const NO_STATEMENT: &str = "no statement on the topic";

pub(super) fn actor_report(
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
            title: c.title.clone(),
            source: c.source.clone(),
            date: c.date.clone(),
            context: c.context.clone(),
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
        periods: t
            .periods
            .into_iter()
            .map(|(period, p)| PeriodReport {
                stance: decide_stance(&p.votes, stance_labels).unwrap_or_else(|| "none".into()),
                votes: stance_labels
                    .iter()
                    .map(|l| {
                        (
                            l.clone(),
                            round4(p.votes.get(l).copied().unwrap_or(0) as f64 / 10.0),
                        )
                    })
                    .collect(),
                period,
                quotes: p.quotes,
                relevant: p.relevant,
            })
            .collect(),
    }
}
