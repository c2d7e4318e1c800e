//! [`ReportBuilder`]: adds scored quotes one at a time into per-actor sums. Memory grows with
//! the number of actors (and their distinct names), not with the number of quotes.

use super::dictionary::ActorDictionary;
use super::name::{fold, is_alias};
use super::partial::{
    add_candidates, label_order, quantize, weight, Candidate, PartialReport, Tally,
};
use super::{GroupBy, Report, ScoredQuote};
use crate::QuoteKind;
use std::collections::BTreeMap;

/// Builds a [`Report`] (or a [`PartialReport`]) from a stream of scored quotes.
///
/// Call [`add_article`](ReportBuilder::add_article) once per input article (articles without
/// quotes count too) and [`add`](ReportBuilder::add) for each of its quotes. An article's
/// quotes must come together (as they do from `extract`): an actor's article count goes up
/// when its article changes.
pub struct ReportBuilder<'a> {
    partial: PartialReport,
    dictionary: Option<&'a ActorDictionary>,
    actors: BTreeMap<String, Tally>,
}

impl<'a> ReportBuilder<'a> {
    pub fn new(
        topic: &str,
        model: &str,
        dictionary: Option<&'a ActorDictionary>,
        by: GroupBy,
    ) -> ReportBuilder<'a> {
        ReportBuilder {
            partial: PartialReport::new(topic, model, by),
            dictionary,
            actors: BTreeMap::new(),
        }
    }

    /// Counts one input article.
    pub fn add_article(&mut self) {
        self.partial.articles += 1;
    }

    /// Adds one scored quote to its actor's sums.
    pub fn add(&mut self, q: &ScoredQuote) {
        let speaker = q.speaker.trim();
        if fold(speaker).is_empty() {
            self.partial.unattributed += 1;
            return;
        }
        let dict = self.dictionary;
        let entry = dict.and_then(|d| d.lookup(speaker));
        let actor = entry.map_or(speaker, |e| e.name.as_str());
        let raw_affiliation = entry
            .and_then(|e| e.affiliation.as_deref())
            .or(q.affiliation.as_deref())
            .map(str::trim)
            .filter(|a| !fold(a).is_empty());
        // The dictionary may know the affiliation under another name ("Russian Federation").
        let affiliation = raw_affiliation.map(|a| {
            dict.and_then(|d| d.lookup(a))
                .map_or(a, |e| e.name.as_str())
        });

        let (key, fixed_name, member) = match (self.partial.by, affiliation) {
            (GroupBy::Affiliation, Some(aff)) => (fold(aff), Some(aff), Some(actor)),
            _ => (fold(actor), entry.map(|e| e.name.as_str()), None),
        };
        let t = self
            .actors
            .entry(key.clone())
            .or_insert_with(|| Tally::new(key));
        if t.fixed_name.is_none() {
            t.fixed_name = fixed_name.map(str::to_string);
        }
        match member {
            Some(m) => {
                if !t.members.contains(m) {
                    t.members.insert(m.to_string());
                }
                if let Some(raw) = raw_affiliation.filter(|r| Some(*r) != affiliation) {
                    insert(&mut t.aliases, raw);
                }
            }
            None => {
                *t.names.entry(speaker.to_string()).or_default() += 1;
                if let Some(a) = affiliation {
                    *t.affiliations.entry(a.to_string()).or_default() += 1;
                }
                if t.role.is_none() {
                    t.role = entry.and_then(|e| e.role.clone());
                }
                if let Some(src) = q.source_text.as_deref().map(str::trim) {
                    if is_alias(src) {
                        insert(&mut t.aliases, src);
                    }
                }
            }
        }
        t.quotes += 1;
        match q.kind {
            QuoteKind::Direct => t.kinds.direct += 1,
            QuoteKind::Indirect => t.kinds.indirect += 1,
            QuoteKind::Partial => t.kinds.partial += 1,
        }
        if t.last_article.as_deref() != Some(q.article.as_str()) {
            t.articles += 1;
            t.last_article = Some(q.article.clone());
        }
        if let Some(date) = q.date.as_deref().and_then(iso_date) {
            if t.first_seen.as_deref().is_none_or(|f| date < f) {
                t.first_seen = Some(date.to_string());
            }
            if t.last_seen.as_deref().is_none_or(|l| date > l) {
                t.last_seen = Some(date.to_string());
            }
        }

        let w = weight(q.kind);
        t.weight = t.weight.saturating_add(w);
        let stance = quantized(&q.stance_probs);
        for (label, p) in &stance {
            let sum = t.stance.entry(label.clone()).or_default();
            *sum = sum.saturating_add(w * p);
            if !self.partial.stance_labels.contains(label) {
                self.partial.stance_labels.insert(label.clone());
            }
        }
        if let Some((own, own_p)) = argmax(&stance) {
            for (label, score) in &stance {
                let list = t.evidence.entry(label.clone()).or_default();
                let beaten = list.len() >= super::partial::EVIDENCE
                    && list.last().is_some_and(|c| c.score > *score);
                if !beaten {
                    add_candidates(
                        list,
                        [Candidate {
                            score: *score,
                            article: q.article.clone(),
                            text: q.text.clone(),
                            stance: own.to_string(),
                            p: own_p,
                            kind: q.kind,
                        }],
                    );
                }
            }
        }
        if let Some(probs) = &q.sentiment_probs {
            t.sentiment_weight = t.sentiment_weight.saturating_add(w);
            for (label, p) in quantized(probs) {
                let sum = t.sentiment.entry(label.clone()).or_default();
                *sum = sum.saturating_add(w * p);
                if !self.partial.sentiment_labels.contains(&label) {
                    self.partial.sentiment_labels.insert(label);
                }
            }
        }
        self.partial.quotes += 1;
    }

    /// The sums so far, for `report --partial`.
    pub fn partial(&self) -> PartialReport {
        let mut p = self.partial.clone();
        p.actors = self.actors.values().cloned().collect();
        p
    }

    /// The report of everything added. Goes through the same sums a partial report carries,
    /// so a report and a merge of partial reports cannot drift apart.
    pub fn finish(self) -> Report {
        let mut p = self.partial;
        p.actors = self.actors.into_values().collect();
        p.finish()
    }
}

fn insert(set: &mut std::collections::BTreeSet<String>, s: &str) {
    if !set.contains(s) {
        set.insert(s.to_string());
    }
}

/// Labels with probabilities in units, trimmed labels, the first of any repeated label kept.
fn quantized(probs: &[(String, f64)]) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = Vec::with_capacity(probs.len());
    for (label, p) in probs {
        let label = label.trim();
        if !label.is_empty() && !out.iter().any(|(l, _)| l == label) {
            out.push((label.to_string(), quantize(*p)));
        }
    }
    out
}

/// The quote's own label: the highest probability, ties to the earlier label in label order.
fn argmax(probs: &[(String, u64)]) -> Option<(&str, u64)> {
    probs
        .iter()
        .max_by(|(la, a), (lb, b)| a.cmp(b).then_with(|| label_order(lb, la)))
        .map(|(l, p)| (l.as_str(), *p))
}

/// The `YYYY-MM-DD` an article date begins with, if it does.
fn iso_date(date: &str) -> Option<&str> {
    let d = date.trim().get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(d)
}
