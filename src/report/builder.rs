//! [`ReportBuilder`]: adds scored quotes one at a time into per-actor sums. Memory grows with
//! the number of actors (and their distinct names), not with the number of quotes.

use super::dictionary::ActorDictionary;
use super::name::{display_name, fold, is_alias};
use super::partial::{label_order, ArticleHashes, PartialReport};
use super::tally::{add_candidates, quantize, weight, Candidate, Tally, EVIDENCE};
use super::{GroupBy, LabelProbs, Period, Report, ScoredQuote};
use crate::hash::IdentityHasher;
use crate::QuoteKind;
use std::collections::{BTreeMap, HashSet};
use std::hash::BuildHasherDefault;

/// Builds a [`Report`] (or a [`PartialReport`]) from a stream of scored quotes.
///
/// Call [`add_article`](ReportBuilder::add_article) once per input article (articles without
/// quotes count too) with its content hash and, unless it says the article is a duplicate,
/// [`add`](ReportBuilder::add) for each of its quotes. An article's quotes must come
/// together (as they do from `extract`): an actor's article count goes up when its article
/// changes. Memory grows by about 16 bytes an article for the hashes.
pub struct ReportBuilder<'a> {
    partial: PartialReport,
    dictionary: Option<&'a ActorDictionary>,
    actors: BTreeMap<String, Tally>,
    /// Content hashes of the articles counted: a set to find duplicates, or with duplicates
    /// kept every hash in order.
    seen: HashSet<u64, BuildHasherDefault<IdentityHasher>>,
    kept: Vec<u64>,
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
            seen: HashSet::default(),
            kept: Vec::new(),
        }
    }

    /// Counts every copy of an article whose text was already counted; by default each
    /// distinct text counts once.
    pub fn keep_duplicates(mut self, keep: bool) -> ReportBuilder<'a> {
        self.partial.keep_duplicates = keep;
        self
    }

    /// Counts each actor's quotes by the period of their article's date too (a report over
    /// time); quotes without an ISO date count as [`super::UNDATED`].
    pub fn period(mut self, period: Option<Period>) -> ReportBuilder<'a> {
        self.partial.period = period;
        self
    }

    /// Counts one input article, given its content hash
    /// ([`crate::Article::content_hash`]). Returns false when the same text was counted
    /// before and duplicates are not kept: then its quotes must not be added.
    pub fn add_article(&mut self, content: u64) -> bool {
        if self.partial.keep_duplicates {
            self.kept.push(content);
        }
        if !self.seen.insert(content) {
            self.partial.duplicates += 1;
            if !self.partial.keep_duplicates {
                return false;
            }
        }
        self.partial.articles += 1;
        true
    }

    /// Distinct speakers (or affiliations) counted so far, before lone surnames join full
    /// names.
    pub fn speakers(&self) -> usize {
        self.actors.len()
    }

    /// Quotes counted so far, attributed or not.
    pub fn quotes(&self) -> u64 {
        self.partial.quotes + self.partial.unattributed
    }

    /// Articles whose text was the same as an earlier one's.
    pub fn duplicates(&self) -> u64 {
        self.partial.duplicates
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
                insert(&mut t.members, m);
                if let Some(raw) = raw_affiliation.filter(|r| Some(*r) != affiliation) {
                    insert(&mut t.aliases, raw);
                }
            }
            None => {
                add_to(&mut t.names, &display_name(speaker), 1);
                if let Some(a) = affiliation {
                    add_to(&mut t.affiliations, a, 1);
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
        let stance = quantized(&q.stance_probs);
        for (label, _) in &stance {
            insert(&mut self.partial.stance_labels, label);
        }
        // A quote about another matter says nothing of the speaker's position on the topic.
        let relevant = q.relevance.is_none_or(|r| r >= super::RELEVANT);
        if relevant {
            t.relevant += 1;
            t.weight = t.weight.saturating_add(w);
            for (label, p) in &stance {
                add_to(&mut t.stance, label, w * p);
            }
        } else {
            t.irrelevant += 1;
            self.partial.irrelevant += 1;
        }
        let own = argmax(&stance).filter(|_| relevant);
        if let Some(period) = self.partial.period {
            let key = period.key(q.date.as_deref());
            let p = t.periods.entry(key).or_default();
            p.quotes += 1;
            if relevant {
                p.relevant += 1;
            }
            if let Some((label, _)) = own {
                add_to(&mut p.votes, label, w);
            }
        }
        if let Some((own, own_p)) = own {
            add_to(&mut t.votes, own, w);
            for (label, score) in &stance {
                if !t.evidence.contains_key(label) {
                    t.evidence.insert(label.clone(), Vec::new());
                }
                let Some(list) = t.evidence.get_mut(label) else {
                    continue;
                };
                let beaten =
                    list.len() >= EVIDENCE && list.last().is_some_and(|c| c.score > *score);
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
                            title: q.title.clone(),
                            source: q.source.clone(),
                            date: q.date.clone(),
                            context: q.context.clone(),
                        }],
                    );
                }
            }
        }
        if let Some(probs) = &q.sentiment_probs {
            t.sentiment_weight = t.sentiment_weight.saturating_add(w);
            for (label, p) in quantized(probs) {
                add_to(&mut t.sentiment, &label, w * p);
                insert(&mut self.partial.sentiment_labels, &label);
            }
        }
        self.partial.quotes += 1;
    }

    /// The sums so far (a copy; see [`ReportBuilder::into_partial`]).
    pub fn partial(&self) -> PartialReport {
        let mut p = self.partial.clone();
        p.actors = self.actors.clone();
        p.article_hashes = self.hashes();
        p
    }

    /// The sums of everything added, consuming the builder (`report --partial`).
    pub fn into_partial(self) -> PartialReport {
        let article_hashes = self.hashes();
        let mut p = self.partial;
        p.actors = self.actors;
        p.article_hashes = article_hashes;
        p
    }

    fn hashes(&self) -> ArticleHashes {
        ArticleHashes::new(if self.partial.keep_duplicates {
            self.kept.clone()
        } else {
            self.seen.iter().copied().collect()
        })
    }

    /// The report of everything added. Goes through the same sums a partial report carries,
    /// so a report and a merge of partial reports cannot drift apart.
    pub fn finish(self) -> Report {
        self.into_partial().finish()
    }
}

/// Inserts without allocating when `s` is already there (the common case, once per quote).
fn insert(set: &mut std::collections::BTreeSet<String>, s: &str) {
    if !set.contains(s) {
        set.insert(s.to_string());
    }
}

/// Adds `n` to the count of `key`, allocating only for a new key.
fn add_to(map: &mut BTreeMap<String, u64>, key: &str, n: u64) {
    match map.get_mut(key) {
        Some(v) => *v = v.saturating_add(n),
        None => {
            map.insert(key.to_string(), n);
        }
    }
}

/// Labels with probabilities in units, trimmed labels, the first of any repeated label kept.
fn quantized(probs: &LabelProbs) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = Vec::with_capacity(probs.len());
    for (label, p) in probs.iter() {
        let label = label.trim();
        if !label.is_empty() && !out.iter().any(|(l, _)| l == label) {
            out.push((label.to_string(), quantize(p)));
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

#[cfg(test)]
mod tests {
    use super::super::fixture::{kind, quote};
    use super::super::{ActorDictionary, ActorReport};
    use super::*;

    fn report(quotes: &[ScoredQuote]) -> Report {
        report_with(quotes, None, GroupBy::Actor)
    }

    fn report_with(quotes: &[ScoredQuote], dict: Option<&ActorDictionary>, by: GroupBy) -> Report {
        let mut b = ReportBuilder::new("t", "m", dict, by);
        let mut last = None;
        for q in quotes {
            if last != Some(&q.article) {
                b.add_article(crate::hash::content_hash(&q.article));
                last = Some(&q.article);
            }
            b.add(q);
        }
        b.finish()
    }

    fn actor<'r>(r: &'r Report, name: &str) -> &'r ActorReport {
        r.actors
            .iter()
            .find(|a| a.actor == name)
            .unwrap_or_else(|| panic!("no actor {name:?} in {:?}", r.actors))
    }

    #[test]
    fn direct_quotes_weigh_more_than_partial_ones() {
        let r = report(&[
            quote("a", "Ana Ruiz", "We back it.", [0.9, 0.1, 0.0]),
            kind(
                quote("a", "Ana Ruiz", "a mistake", [0.1, 0.9, 0.0]),
                QuoteKind::Partial,
            ),
        ]);
        let a = actor(&r, "Ana Ruiz");
        // (0.9 * 1.0 + 0.1 * 0.5) / 1.5 and (0.1 * 1.0 + 0.9 * 0.5) / 1.5
        assert_eq!(a.stance_probs.get("favor"), 0.6333);
        assert_eq!(a.stance_probs.get("against"), 0.3667);
        assert_eq!(a.stance, "favor");
        assert_eq!(a.confidence, 0.6333);
        assert_eq!(a.kinds.direct, 1);
        assert_eq!(a.kinds.partial, 1);

        let r = report(&[
            kind(quote("a", "X", "q1", [0.9, 0.1, 0.0]), QuoteKind::Indirect),
            quote("a", "X", "q2", [0.0, 0.5, 0.5]),
        ]);
        // indirect 0.8: favor 0.72 / 1.8 = 0.4, against (0.08 + 0.5) / 1.8 = 0.3222
        assert_eq!(actor(&r, "X").stance_probs.get("favor"), 0.4);
        assert_eq!(actor(&r, "X").stance_probs.get("against"), 0.3222);
    }

    #[test]
    fn statements_both_ways_without_a_lean_are_none() {
        let stance = |quotes: &[ScoredQuote]| actor(&report(quotes), "X").stance.clone();
        // One direct quote each way: no lean.
        let both = [
            quote("a", "X", "yes", [0.9, 0.1, 0.0]),
            quote("b", "X", "no", [0.1, 0.8, 0.1]),
        ];
        assert_eq!(stance(&both), "none");
        let r = report(&both);
        assert_eq!(actor(&r, "X").confidence, 0.05);
        // A direct quote against a partial one the other way: 1.0 is twice 0.5, a lean.
        let lean = [
            quote("a", "X", "yes", [0.9, 0.1, 0.0]),
            kind(quote("a", "X", "no", [0.1, 0.8, 0.1]), QuoteKind::Partial),
        ];
        assert_eq!(stance(&lean), "favor");
        // Direct against indirect: 1.0 is 1.25 times 0.8, under 1.5: no lean.
        let close = [
            quote("a", "X", "yes", [0.9, 0.1, 0.0]),
            kind(quote("a", "X", "no", [0.1, 0.8, 0.1]), QuoteKind::Indirect),
        ];
        assert_eq!(stance(&close), "none");
        // Exactly 1.5 times is a lean: three against two.
        let mut three_two = vec![quote("a", "X", "f1", [0.6, 0.3, 0.1]); 2];
        three_two.extend(vec![quote("a", "X", "a1", [0.2, 0.5, 0.3]); 3]);
        assert_eq!(stance(&three_two), "against");
    }

    #[test]
    fn procedural_quotes_do_not_outvote_a_position() {
        // Soft but consistent: three quotes against at 0.45, two procedural ones at 0.9 none.
        let mut quotes = vec![quote("a", "X", "a", [0.25, 0.45, 0.30]); 3];
        quotes.extend(vec![quote("a", "X", "n", [0.05, 0.05, 0.9]); 2]);
        let r = report(&quotes);
        let x = actor(&r, "X");
        assert_eq!(x.stance, "against");
        // mean against (3 * 0.45 + 2 * 0.05) / 5 = 0.29: the confidence says the lean is soft
        assert_eq!(x.confidence, 0.29);
        // Only procedural quotes: none.
        let x = actor(&report(&[quote("a", "X", "n", [0.05, 0.05, 0.9])]), "X")
            .stance
            .clone();
        assert_eq!(x, "none");
    }

    #[test]
    fn sentiment_is_aggregated_the_same_way() {
        let with = |q: ScoredQuote, pnn: [f64; 3]| ScoredQuote {
            sentiment_probs: Some(
                ["positive", "negative", "neutral"]
                    .iter()
                    .zip(pnn)
                    .map(|(l, p)| (l.to_string(), p))
                    .collect(),
            ),
            ..q
        };
        let r = report(&[
            with(quote("a", "X", "q1", [1.0, 0.0, 0.0]), [0.8, 0.1, 0.1]),
            with(quote("a", "X", "q2", [1.0, 0.0, 0.0]), [0.1, 0.7, 0.2]),
            quote("a", "Y", "q3", [1.0, 0.0, 0.0]),
            with(quote("a", "Z", "q4", [1.0, 0.0, 0.0]), [0.1, 0.7, 0.2]),
        ]);
        assert_eq!(r.sentiment_labels, ["positive", "negative", "neutral"]);
        let x = actor(&r, "X");
        assert_eq!(x.sentiment.as_deref(), Some("neutral"), "no lean");
        assert_eq!(x.sentiment_probs.as_ref().unwrap().get("positive"), 0.45);
        assert_eq!(actor(&r, "Y").sentiment, None);
        assert_eq!(actor(&r, "Y").sentiment_probs, None);
        assert_eq!(actor(&r, "Z").sentiment.as_deref(), Some("negative"));
    }

    #[test]
    fn evidence_is_the_strongest_quotes_for_the_stance() {
        let r = report(&[
            quote("b", "X", "weak", [0.2, 0.6, 0.2]),
            quote("b", "X", "strong", [0.0, 0.95, 0.05]),
            quote("a", "X", "tie late", [0.1, 0.8, 0.1]),
            quote("a", "X", "favorable", [0.7, 0.2, 0.1]),
            quote("a", "X", "strong", [0.0, 0.95, 0.05]),
            quote("a", "X", "strong", [0.0, 0.95, 0.05]),
            quote("a", "X", "tie early", [0.1, 0.8, 0.1]),
        ]);
        let x = actor(&r, "X");
        assert_eq!(x.stance, "against");
        let ev: Vec<(&str, &str, &str, f64)> = x
            .evidence
            .iter()
            .map(|e| (e.article.as_str(), e.text.as_str(), e.stance.as_str(), e.p))
            .collect();
        // A repeated quote counts once per article; ties go by article, then text.
        assert_eq!(
            ev,
            [
                ("a", "strong", "against", 0.95),
                ("b", "strong", "against", 0.95),
                ("a", "tie early", "against", 0.8),
            ]
        );
        assert_eq!(x.articles, 2);
    }

    #[test]
    fn evidence_shows_each_quotes_own_label() {
        let r = report(&[
            quote("a", "X", "no lean 1", [0.5, 0.45, 0.05]),
            quote("a", "X", "no lean 2", [0.4, 0.5, 0.1]),
        ]);
        let x = actor(&r, "X");
        assert_eq!(x.stance, "none");
        assert_eq!(x.evidence[0].text, "no lean 2");
        assert_eq!(
            (x.evidence[0].stance.as_str(), x.evidence[0].p),
            ("against", 0.5)
        );
    }

    #[test]
    fn surnames_merge_into_the_one_full_name() {
        let mut q1 = quote("a", "Vladimir Putin", "one", [0.0, 1.0, 0.0]);
        q1.source_text = Some("President Vladimir Putin".into());
        let mut q2 = quote("b", "Putin", "two", [0.0, 1.0, 0.0]);
        q2.source_text = Some("he".into());
        let r = report(&[
            q1,
            q2,
            quote("c", "Mr. Putin", "three", [0.0, 1.0, 0.0]),
            quote("c", "Sergei Ivanov", "four", [0.0, 1.0, 0.0]),
            quote("d", "Igor Ivanov", "five", [0.0, 1.0, 0.0]),
            quote("d", "Ivanov", "six", [0.0, 1.0, 0.0]),
        ]);
        let names: Vec<&str> = r.actors.iter().map(|a| a.actor.as_str()).collect();
        assert_eq!(
            names,
            ["Vladimir Putin", "Igor Ivanov", "Ivanov", "Sergei Ivanov"]
        );
        let putin = actor(&r, "Vladimir Putin");
        assert_eq!(putin.quotes, 3);
        assert_eq!(putin.articles, 3);
        assert_eq!(
            putin.aliases,
            ["Mr. Putin", "President Vladimir Putin", "Putin"]
        );
    }

    #[test]
    fn described_names_and_name_shapes_join_the_person() {
        let r = report(&[
            quote("a", "Stephen Pound", "one", [1.0, 0.0, 0.0]),
            quote("b", "Backbencher Stephen Pound", "two", [1.0, 0.0, 0.0]),
            quote("c", "George W Bush", "three", [0.0, 1.0, 0.0]),
            quote("d", "George Bush", "four", [0.0, 1.0, 0.0]),
            quote("d", "George Bush", "four more", [0.0, 1.0, 0.0]),
            quote("d", "Bush", "five", [0.0, 1.0, 0.0]),
            quote(
                "e",
                "Simon Hart of the Countryside Alliance",
                "six",
                [0.0, 1.0, 0.0],
            ),
            quote("e", "Paul Boateng MP", "seven", [0.0, 1.0, 0.0]),
            quote("f", "Michael Howard", "eight", [0.0, 1.0, 0.0]),
            quote("f", "spokesman for Michael Howard", "nine", [0.0, 1.0, 0.0]),
            quote("g", "Robert Kilroy-Silk", "ten", [0.0, 1.0, 0.0]),
            quote("h", "Robert Kilroy Silk", "eleven", [0.0, 1.0, 0.0]),
            quote("h", "Kilroy-Silk", "twelve", [0.0, 1.0, 0.0]),
        ]);
        let mut names: Vec<(&str, u64)> = r
            .actors
            .iter()
            .map(|a| (a.actor.as_str(), a.quotes))
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                ("George Bush", 4),
                ("Michael Howard", 1),
                ("Paul Boateng", 1),
                ("Robert Kilroy-Silk", 3),
                ("Simon Hart", 1),
                ("Stephen Pound", 2),
                ("spokesman for Michael Howard", 1)
            ]
        );
    }

    #[test]
    fn dictionary_rolls_aliases_up_and_gives_affiliation() {
        let dict = ActorDictionary::from_reader(
            "name,aliases,affiliation,role\n\
             Vladimir Putin,Putin,Russia,president\n\
             Russia,Kremlin|Moscow|Russian Federation,,government\n"
                .as_bytes(),
            "actors.csv",
        )
        .unwrap();
        let mut peskov = quote("b", "Dmitry Peskov", "p", [0.1, 0.8, 0.1]);
        peskov.affiliation = Some("Russian Federation".into());
        let quotes = [
            quote("a", "the Kremlin", "k", [0.0, 1.0, 0.0]),
            quote("a", "Moscow", "m", [0.0, 1.0, 0.0]),
            quote("b", "Russia", "r", [0.0, 1.0, 0.0]),
            quote("b", "President Putin", "v", [0.0, 0.9, 0.1]),
            peskov,
            quote("c", "John McCain", "j", [0.9, 0.0, 0.1]),
        ];
        let r = report_with(&quotes, Some(&dict), GroupBy::Actor);
        let names: Vec<(&str, u64)> = r
            .actors
            .iter()
            .map(|a| (a.actor.as_str(), a.quotes))
            .collect();
        assert_eq!(
            names,
            [
                ("Russia", 3),
                ("Dmitry Peskov", 1),
                ("John McCain", 1),
                ("Vladimir Putin", 1)
            ]
        );
        let russia = actor(&r, "Russia");
        assert_eq!(russia.aliases, ["Moscow", "the Kremlin"]);
        assert_eq!(russia.role.as_deref(), Some("government"));
        assert_eq!(russia.articles, 2);
        assert_eq!(
            actor(&r, "Vladimir Putin").affiliation.as_deref(),
            Some("Russia")
        );
        assert_eq!(
            actor(&r, "Dmitry Peskov").affiliation.as_deref(),
            Some("Russia")
        );
        assert_eq!(actor(&r, "John McCain").affiliation, None);

        let r = report_with(&quotes, Some(&dict), GroupBy::Affiliation);
        let names: Vec<(&str, u64)> = r
            .actors
            .iter()
            .map(|a| (a.actor.as_str(), a.quotes))
            .collect();
        assert_eq!(names, [("Russia", 5), ("John McCain", 1)]);
        let russia = actor(&r, "Russia");
        assert_eq!(russia.members, ["Dmitry Peskov", "Vladimir Putin"]);
        assert_eq!(
            russia.aliases,
            ["Moscow", "Russian Federation", "the Kremlin"]
        );
        assert_eq!(russia.articles, 2);
        assert_eq!(russia.stance, "against");
    }

    #[test]
    fn actors_sort_by_quotes_then_name() {
        let r = report(&[
            quote("a", "Zed", "1", [1.0, 0.0, 0.0]),
            quote("a", "Bea", "2", [1.0, 0.0, 0.0]),
            quote("a", "Zed", "3", [1.0, 0.0, 0.0]),
            quote("a", "Al", "4", [1.0, 0.0, 0.0]),
        ]);
        let names: Vec<&str> = r.actors.iter().map(|a| a.actor.as_str()).collect();
        assert_eq!(names, ["Zed", "Al", "Bea"]);
    }

    #[test]
    fn quotes_on_other_matters_are_counted_apart_and_do_not_vote() {
        let about = |text: &str, r: f64, fan| ScoredQuote {
            relevance: Some(r),
            ..quote("a", "X", text, fan)
        };
        let r = report(&[
            about("We back it.", 0.9, [0.8, 0.1, 0.1]),
            about("Taxes are too high.", 0.2, [0.0, 0.9, 0.1]),
            about("Nor this.", 0.1, [0.0, 0.9, 0.1]),
            about("Only off-topic here.", 0.3, [0.9, 0.0, 0.1]),
        ]);
        let x = actor(&r, "X");
        assert_eq!((x.relevant, x.irrelevant), (1, 3));
        assert_eq!(
            x.stance, "favor",
            "the two against quotes are about other matters"
        );
        assert_eq!(x.votes.get("against"), 0.0);
        assert_eq!(x.votes.get("favor"), 1.0);
        assert_eq!(x.stance_probs.get("favor"), 0.8);
        assert_eq!(r.irrelevant, 3);
        let r = report(&[about("Taxes are too high.", 0.2, [0.0, 0.9, 0.1])]);
        let x = actor(&r, "X");
        assert_eq!(
            (x.stance.as_str(), x.note.as_deref()),
            ("none", Some("no statement on the topic"))
        );
        assert!(x.evidence.is_empty());
    }

    #[test]
    fn counts_dates_and_unattributed_quotes() {
        let dated = |article: &str, date: &str| ScoredQuote {
            date: Some(date.into()),
            ..quote(article, "X", article, [1.0, 0.0, 0.0])
        };
        let r = report(&[
            dated("a", "2007-02-10T09:00:00Z"),
            dated("b", "February 9, 2007"),
            dated("c", "2007-02-08"),
            dated("d", "2007-03-01"),
            quote("d", " ", "nobody", [1.0, 0.0, 0.0]),
        ]);
        let x = actor(&r, "X");
        assert_eq!(x.first_seen.as_deref(), Some("2007-02-08"));
        assert_eq!(x.last_seen.as_deref(), Some("2007-03-01"));
        assert_eq!((r.articles, r.quotes, r.unattributed), (4, 4, 1));
        assert_eq!(r.actors.len(), 1);
    }

    #[test]
    fn odd_probabilities_do_not_panic() {
        let mut q = quote("a", "X", "q", [f64::NAN, 7.0, -1.0]);
        q.stance_probs.push("other", f64::INFINITY);
        q.stance_probs.push("favor", 0.9);
        let r = report(&[q, quote("a", "Y", "q", [0.0; 3])]);
        let x = actor(&r, "X");
        assert_eq!(
            x.stance_probs.get("favor"),
            0.0,
            "first of a repeated label wins"
        );
        assert_eq!(x.stance_probs.get("against"), 1.0);
        assert_eq!(x.stance_probs.get("none"), 0.0);
        assert_eq!(x.stance, "against", "ties go to the earlier label");
        assert_eq!(r.stance_labels, ["favor", "against", "none", "other"]);
        assert_eq!(actor(&r, "Y").stance, "favor");
    }
}
