//! Topics: what the topic a user names is made of, and where a text speaks of it.
//!
//! A topic ("EU tariffs on Chinese electric vehicles") is read into *concepts*: policy
//! concepts (tariffs, electric, vehicles), each found in a text as any word of its family
//! (inflections, and the synonyms of `vocab/topic-words.txt`: "duties", "levies"), and entity
//! concepts (the EU, China), found as any name of the entity in `vocab/gazetteer.txt`
//! ("Chinese", "Beijing", "Brussels"). Words too common to say what a text is about
//! ("policy", "new", "restoring") are left out. [`TopicTerms::scan`] finds the concepts in a
//! text, and the references back to a matter under discussion ("the deal", "this
//! agreement"); [`TopicSignals`] says how much an article is about the topic: its title, its
//! lead, how many of its paragraphs name it.
//!
//! This module reads no model and does not decide relevance: it measures, and the relevance
//! classifier ([`crate::model`]) learns what the measures mean.

use crate::gazetteer;
use crate::text::{possessive_stem, Span};
use crate::wordset::FastMap;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashSet;
use std::rc::Rc;
use std::sync::OnceLock;

/// Endings a word may have beyond a stem and still be the same word ("sanction" + "s",
/// "recogni" + "tion" is not: the synonym lists join such families).
const ENDINGS: &[&str] = &[
    "", "s", "es", "ed", "d", "ing", "er", "ers", "ion", "ions", "ation", "ations", "al", "ally",
    "ly", "ment", "ments", "ence", "ences", "ance", "ances", "ent", "ant", "y", "ies", "ied",
    "ying", "ise", "ize", "ised", "ized", "ises", "izes", "ising", "izing", "ist", "ists", "ity",
    "ive", "e",
];

/// What a word of the vocabulary stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    /// A family of policy words (a synonym group).
    Group(u32),
    /// An entity of the gazetteer.
    Entity(u32),
}

/// A word or phrase of the vocabulary, as stems to match word by word.
#[derive(Debug, Clone)]
struct Pattern {
    stems: Vec<String>,
    /// Acronyms ("US", "EU", "WHO") match only as written, so "us" and "who" do not.
    exact: Option<String>,
    key: Key,
}

/// The team's vocabulary, read once from the data files.
struct Vocab {
    /// Patterns by their first stem: one look-up per word of a text.
    patterns: FastMap<String, Vec<Pattern>>,
    generic: HashSet<String>,
    references: HashSet<String>,
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// How many stems a thread remembers before it starts afresh: news vocabulary is small and
/// repetitive, so nearly every word after the first articles is a hit.
const STEM_CACHE: usize = 200_000;

/// What scanning needs to know of a word of a text, whatever the topic.
#[derive(Clone)]
struct WordInfo {
    stem: Rc<str>,
    /// The vocabulary patterns starting with this word's stem.
    patterns: &'static [Pattern],
    /// A noun that refers back to a matter under discussion ("deal", "agreement").
    reference: bool,
}

thread_local! {
    static WORDS: std::cell::RefCell<FastMap<String, WordInfo>> =
        std::cell::RefCell::new(FastMap::default());
}

/// The [`WordInfo`] of each of `words`, remembered per thread: stemming is most of what
/// scanning a text costs.
fn word_infos(words: &[&str]) -> Vec<WordInfo> {
    let v = vocab();
    WORDS.with_borrow_mut(|cache| {
        words
            .iter()
            .map(|&word| {
                if let Some(info) = cache.get(word) {
                    return info.clone();
                }
                if cache.len() >= STEM_CACHE {
                    cache.clear();
                }
                let stem = stem(word);
                let info = WordInfo {
                    patterns: v.patterns.get(&stem).map_or(&[], Vec::as_slice),
                    reference: v.references.contains(&stem),
                    stem: stem.into(),
                };
                cache.insert(word.to_string(), info.clone());
                info
            })
            .collect()
    })
}

/// The stem a word is matched by: English stemming, a trailing `i` (of `y`) dropped so that
/// "treaty" and "treaties" share "treat".
fn stem(word: &str) -> String {
    let lower = word.to_lowercase();
    let lower = possessive_stem(&lower).unwrap_or(&lower);
    let mut s = stemmer().stem(lower).into_owned();
    if s.len() > 3 && s.ends_with('i') {
        s.pop();
    }
    s
}

/// Words of a phrase, split as [`words`] splits text.
fn phrase_words(phrase: &str) -> Vec<&str> {
    words(phrase).into_iter().map(|s| s.text(phrase)).collect()
}

fn is_acronym(word: &str) -> bool {
    word.len() <= 5
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '.' || c == '+')
}

fn vocab() -> &'static Vocab {
    static VOCAB: OnceLock<Vocab> = OnceLock::new();
    VOCAB.get_or_init(|| {
        let mut v = Vocab {
            patterns: FastMap::default(),
            generic: HashSet::new(),
            references: HashSet::new(),
        };
        let add = |v: &mut Vocab, phrase: &str, key: Key| {
            let ws = phrase_words(phrase);
            if ws.is_empty() {
                return;
            }
            let exact = (ws.len() == 1 && is_acronym(ws[0])).then(|| ws[0].replace('.', ""));
            let stems: Vec<String> = ws.iter().map(|w| stem(w)).collect();
            v.patterns
                .entry(stems[0].clone())
                .or_default()
                .push(Pattern { stems, exact, key });
        };
        let mut section = "";
        let mut group = 0u32;
        for line in include_str!("vocab/topic-words.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('[') {
                section = line;
                continue;
            }
            let items = line.split(',').map(str::trim).filter(|s| !s.is_empty());
            match section {
                "[synonyms]" => {
                    for item in items {
                        add(&mut v, item, Key::Group(group));
                    }
                    group += 1;
                }
                "[generic]" => v.generic.extend(items.map(stem)),
                "[references]" => v.references.extend(items.map(stem)),
                _ => {}
            }
        }
        // A government body's names find its country ("State Department" speaks of the
        // United States).
        let entities = gazetteer::entities().iter().enumerate();
        for (i, e) in entities.filter(|(_, e)| e.kind != gazetteer::EntityKind::Media) {
            let key = Key::Entity(e.parent.unwrap_or(i) as u32);
            let names = e.names.iter().chain(&e.demonyms);
            for item in std::iter::once(&e.name).chain(names) {
                add(&mut v, item, key);
            }
        }
        v
    })
}

/// Word spans of `text`: runs of letters and digits, joined across an inner apostrophe or
/// full stop between letters ("Kosovo's", "U.S"); a hyphen separates ("chip-making" is
/// "chip" and "making", as the same words are found apart).
pub(crate) fn words(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joiner = matches!(c, '\'' | '\u{2019}' | '.')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || joiner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Span::new(s, i));
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, text.len()));
    }
    out
}

/// A concept of the topic: the keys and stems that find it.
#[derive(Debug, Clone, PartialEq)]
struct Concept {
    stems: Vec<String>,
    keys: Vec<Key>,
    /// Where in the topic its first word is.
    at: usize,
}

/// A parsed topic.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TopicTerms {
    policy: Vec<Concept>,
    entity: Vec<Concept>,
    /// The entity whose policy the topic is, when one comes before every policy word
    /// ("Mexico's ban on GM corn", "EU tariffs on Chinese cars"): index into `entity`.
    owner: Option<usize>,
}

/// Where a text speaks of a topic.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Scan {
    /// Bit `i` set: policy concept `i` is named.
    pub policy: u64,
    /// Bit `i` set: entity concept `i` is named.
    pub entity: u64,
    /// Byte spans of the words naming a policy concept.
    pub mentions: Vec<Span>,
    /// Byte spans of references back to a matter ("the deal", "this agreement", "it").
    pub references: Vec<Span>,
    /// Byte spans of the words naming one of the topic's entities, and whether that entity is
    /// the topic's owner (see [`TopicTerms::roles`]): "we stand with Guyana" on Venezuela's
    /// claim to Essequibo sides with the claim's target.
    pub entities: Vec<(Span, bool)>,
    /// Gazetteer entities named that are not part of the topic ("Iran" in a statement on
    /// Kosovo): a sign the statement is about another matter.
    pub other_entities: u32,
}

/// Whose side a text's entities are on, relative to a topic (see [`TopicTerms::roles`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Roles {
    /// The entity whose policy the topic is.
    pub owner: bool,
    /// Another entity of the topic (a party to it, its target).
    pub other: bool,
    /// An entity the topic does not name.
    pub foreign: bool,
}

/// Shares of a topic's concepts a text names.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Coverage {
    pub policy: f32,
    pub entity: f32,
}

const DETERMINERS: &[&str] = &[
    "the", "this", "that", "these", "those", "such", "our", "their", "your", "its",
];

impl TopicTerms {
    pub(crate) fn new(topic: &str) -> TopicTerms {
        let v = vocab();
        let spans = words(topic);
        let ws: Vec<&str> = spans.iter().map(|s| s.text(topic)).collect();
        let stems: Vec<String> = ws.iter().map(|w| stem(w)).collect();
        let mut policy: Vec<Concept> = Vec::new();
        let mut entity: Vec<Concept> = Vec::new();
        let mut used = vec![false; ws.len()];
        // Vocabulary phrases and names first, longest first, so "the high seas" is one concept.
        for i in 0..ws.len() {
            let mut found: Vec<(usize, Key)> = Vec::new();
            for p in v.patterns.get(&*stems[i]).into_iter().flatten() {
                let n = p.stems.len();
                if i + n <= ws.len()
                    && p.stems.iter().zip(&stems[i..i + n]).all(|(a, b)| a == b)
                    && p.exact
                        .as_ref()
                        .is_none_or(|e| ws[i].replace('.', "") == *e)
                {
                    found.push((n, p.key));
                }
            }
            let Some(&(n, _)) = found.iter().max_by_key(|(n, _)| *n) else {
                continue;
            };
            let keys: Vec<Key> = found
                .iter()
                .filter(|(m, _)| *m == n)
                .map(|&(_, k)| k)
                .collect();
            if keys.iter().any(|k| matches!(k, Key::Entity(_))) {
                // Found by the gazetteer's names only: "US" must not be found as "us".
                let keys = keys.into_iter().filter(|k| matches!(k, Key::Entity(_)));
                entity.push(Concept {
                    stems: Vec::new(),
                    keys: keys.collect(),
                    at: i,
                });
                used[i..i + n].iter_mut().for_each(|u| *u = true);
            } else if n > 1 {
                // A phrase of the vocabulary; its words still count one by one below.
                policy.push(Concept {
                    stems: Vec::new(),
                    keys,
                    at: i,
                });
            }
        }
        for i in 0..ws.len() {
            let s = &stems[i];
            if used[i]
                || s.chars().count() < 2
                || s.chars().all(|c| c.is_numeric())
                || v.generic.contains(s)
                || crate::lexicon::is_stopword(&ws[i].to_lowercase())
            {
                continue;
            }
            let keys: Vec<Key> = v
                .patterns
                .get(s)
                .into_iter()
                .flatten()
                .filter(|p| p.stems.len() == 1 && p.stems[0] == *s)
                .map(|p| p.key)
                .collect();
            let concept = Concept {
                stems: vec![s.clone()],
                keys,
                at: i,
            };
            let proper = i > 0 && ws[i].chars().next().is_some_and(char::is_uppercase);
            if proper || is_acronym(ws[i]) {
                entity.push(concept);
            } else {
                policy.push(concept);
            }
        }
        policy.truncate(64);
        entity.truncate(64);
        let first_policy = policy.iter().map(|c| c.at).min().unwrap_or(usize::MAX);
        let owner = (0..entity.len())
            .min_by_key(|&e| entity[e].at)
            .filter(|&e| entity[e].at < first_policy);
        TopicTerms {
            policy,
            entity,
            owner,
        }
    }

    pub(crate) fn policy_concepts(&self) -> usize {
        self.policy.len()
    }

    pub(crate) fn entity_concepts(&self) -> usize {
        self.entity.len()
    }

    /// Which of the topic's entities `scan` names: its owner (see [`TopicTerms::new`]) and
    /// any other.
    pub(crate) fn roles(&self, scan: &Scan) -> Roles {
        let owner_bit = self.owner.map_or(0, |o| 1u64 << o);
        Roles {
            owner: scan.entity & owner_bit != 0,
            other: scan.entity & !owner_bit != 0,
            foreign: scan.other_entities > 0,
        }
    }

    /// Finds the topic's concepts, references and other entities in `text`.
    pub(crate) fn scan(&self, text: &str) -> Scan {
        let spans = words(text);
        let ws: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
        let infos = word_infos(&ws);
        let mut scan = Scan::default();
        let mut i = 0;
        while i < ws.len() {
            let mut matched = 1;
            // Vocabulary patterns (synonyms, names) starting here.
            let mut keys: Vec<Key> = Vec::new();
            for p in infos[i].patterns {
                let n = p.stems.len();
                if i + n <= ws.len()
                    && p.stems
                        .iter()
                        .zip(&infos[i..i + n])
                        .all(|(a, b)| **a == *b.stem)
                    && p.exact
                        .as_ref()
                        .is_none_or(|e| ws[i].replace('.', "") == *e)
                {
                    // Names match only when capitalised ("Turkey", not "turkey").
                    if matches!(p.key, Key::Entity(_))
                        && !ws[i].chars().next().is_some_and(char::is_uppercase)
                    {
                        continue;
                    }
                    keys.push(p.key);
                    matched = matched.max(n);
                }
            }
            let span = Span::new(spans[i].start, spans[i + matched - 1].end);
            let mut hit_policy = false;
            let mut hit_entity = false;
            for (c, concept) in self.policy.iter().enumerate() {
                if concept.keys.iter().any(|k| keys.contains(k))
                    || concept
                        .stems
                        .iter()
                        .any(|s| same_word(&infos[i].stem, ws[i], s))
                {
                    scan.policy |= 1 << c;
                    hit_policy = true;
                }
            }
            for (c, concept) in self.entity.iter().enumerate() {
                if concept.keys.iter().any(|k| keys.contains(k))
                    || concept
                        .stems
                        .iter()
                        .any(|s| same_word(&infos[i].stem, ws[i], s))
                {
                    scan.entity |= 1 << c;
                    if !hit_entity {
                        scan.entities.push((span, self.owner == Some(c)));
                    }
                    hit_entity = true;
                }
            }
            if hit_policy {
                scan.mentions.push(span);
            } else if !hit_entity && keys.iter().any(|k| matches!(k, Key::Entity(_))) {
                scan.other_entities += 1;
            }
            let pronoun = ["it", "this", "that"]
                .iter()
                .any(|p| ws[i].eq_ignore_ascii_case(p));
            if pronoun
                && ws
                    .get(i + 1)
                    .is_some_and(|n| is_verb_like(&n.to_lowercase()))
            {
                scan.references.push(spans[i]);
            } else if infos[i].reference
                && i > 0
                && DETERMINERS.contains(&ws[i - 1].to_lowercase().as_str())
            {
                scan.references
                    .push(Span::new(spans[i - 1].start, spans[i].end));
            }
            i += matched;
        }
        scan
    }

    /// Shares of the concepts named in `scan`; a topic without concepts of a kind covers none.
    pub(crate) fn coverage(&self, scan: &Scan) -> Coverage {
        let share = |bits: u64, n: usize| {
            if n == 0 {
                0.0
            } else {
                bits.count_ones() as f32 / n as f32
            }
        };
        Coverage {
            policy: share(scan.policy, self.policy.len()),
            entity: share(scan.entity, self.entity.len()),
        }
    }

    /// Whether `scan` names the topic: a policy concept, or an entity when the topic has no
    /// policy concept ("Kosovo").
    pub(crate) fn named(&self, scan: &Scan) -> bool {
        scan.policy != 0 || (self.policy.is_empty() && scan.entity != 0)
    }
}

/// `word` (with stem `word_stem`) is a form of the topic word stemmed `s`: the same stem;
/// `s` followed by an ending of [`ENDINGS`]; or, for a stem of [`FREE_PREFIX`] letters or
/// more, any word it begins ("inspect" finds "inspectors", "sanction" finds "sanctioning"),
/// since a long stem is rarely the start of an unrelated word.
fn same_word(word_stem: &str, word: &str, s: &str) -> bool {
    if word_stem == s || (s.len() >= FREE_PREFIX && word_stem.starts_with(s)) {
        return true;
    }
    // Most words do not even start like the stem: say so without lowercasing them.
    let starts_alike = word
        .as_bytes()
        .get(..s.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(s.as_bytes()));
    if word.is_ascii() && !starts_alike {
        return false;
    }
    let lower = word.to_lowercase();
    lower.strip_prefix(s).is_some_and(|rest| {
        s.len() >= 4 && (ENDINGS.contains(&rest) || (s.len() >= FREE_PREFIX && !rest.is_empty()))
    })
}

/// See [`same_word`].
const FREE_PREFIX: usize = 6;

/// A word that can follow a pronoun subject: "it is", "this will", "that would".
fn is_verb_like(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "will"
            | "would"
            | "could"
            | "can"
            | "cannot"
            | "should"
            | "must"
            | "has"
            | "had"
            | "does"
            | "did"
            | "means"
            | "remains"
            | "sets"
            | "gives"
            | "takes"
            | "puts"
            | "makes"
            | "isn't"
            | "wasn't"
            | "won't"
            | "wouldn't"
            | "doesn't"
    ) || w.ends_with("'s")
}

/// How much one article is about one topic.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct TopicSignals {
    pub title: Coverage,
    pub lead: Coverage,
    pub body: Coverage,
    /// Share of the body's paragraphs that name the topic.
    pub density: f32,
    /// The paragraphs (indices into the body's paragraphs) that name the topic, ascending.
    pub named_in: Vec<u32>,
}

impl TopicSignals {
    /// The signals of an article whose title is `title` (if known) and whose paragraphs are
    /// `paragraphs` in order, the title among them or not.
    pub(crate) fn new(
        terms: &TopicTerms,
        title: Option<&str>,
        paragraphs: &[&str],
    ) -> TopicSignals {
        let mut body_scan = Scan::default();
        let mut named_in = Vec::new();
        let mut lead = Scan::default();
        let mut lead_taken = 0;
        let title_text = title.unwrap_or("");
        for (i, p) in paragraphs.iter().enumerate() {
            let s = terms.scan(p);
            if terms.named(&s) {
                named_in.push(i as u32);
            }
            let is_title = !title_text.is_empty() && p.trim() == title_text.trim();
            if !is_title && lead_taken < 2 && p.split_whitespace().count() >= 15 {
                lead.policy |= s.policy;
                lead.entity |= s.entity;
                lead_taken += 1;
            }
            body_scan.policy |= s.policy;
            body_scan.entity |= s.entity;
        }
        let title_scan = terms.scan(title_text);
        TopicSignals {
            title: terms.coverage(&title_scan),
            lead: terms.coverage(&lead),
            body: terms.coverage(&body_scan),
            density: named_in.len() as f32 / paragraphs.len().max(1) as f32,
            named_in,
        }
    }

    /// Paragraphs between `paragraph` and the nearest one at or before it naming the topic.
    pub(crate) fn distance_back(&self, paragraph: u32) -> Option<u32> {
        let n = self.named_in.partition_point(|&p| p <= paragraph);
        (n > 0).then(|| paragraph - self.named_in[n - 1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_splits_into_policy_and_entity_concepts() {
        let t = TopicTerms::new("EU tariffs on Chinese electric vehicles");
        assert_eq!((t.policy_concepts(), t.entity_concepts()), (3, 2));
        let s = t.scan("Beijing said the new duties on cars were unfair.");
        assert_eq!(t.coverage(&s).entity, 0.5);
        assert!(t.named(&s), "duties is a tariff");
        let s = t.scan("Brussels will decide on the energy market next week.");
        assert!(!t.named(&s));
        let r = t.roles(&t.scan("a Chinese commerce ministry spokeswoman"));
        assert!(!r.owner && r.other && !r.foreign);
        let r = t.roles(&t.scan("the European Commission's trade chief"));
        assert!(r.owner && !r.other);
        let r = t.roles(&t.scan("Japan's trade minister"));
        assert!(r.foreign);
        assert_eq!(t.coverage(&s).entity, 0.5);
    }

    #[test]
    fn inflections_synonyms_and_references_are_found() {
        let t = TopicTerms::new("independence for Kosovo");
        let s = t.scan("Kosovar leaders say the declaration of statehood is irreversible.");
        assert!(t.named(&s));
        assert_eq!(t.coverage(&s).entity, 1.0);
        let s = t.scan("We will never accept it. This is a dangerous precedent.");
        assert!(!t.named(&s));
        assert_eq!(s.references.len(), 1, "{s:?}");
        let s = t.scan("We cannot support the plan while Iran enriches uranium.");
        assert_eq!(s.references.len(), 1);
        assert_eq!(s.other_entities, 1);
    }

    #[test]
    fn acronyms_and_names_match_only_as_written() {
        let t = TopicTerms::new("US tariffs on Mexican steel");
        assert_eq!(t.scan("Let us talk about steel.").entity, 0);
        assert_ne!(
            t.scan("Washington wants the U.S. steel mills to grow.")
                .entity,
            0
        );
        let t = TopicTerms::new("allowing Russian athletes at the Olympics");
        assert_ne!(
            t.scan("The Kremlin said the Games are political.").entity,
            0
        );
    }

    #[test]
    fn article_signals_weigh_title_lead_and_density() {
        let t = TopicTerms::new("a ceasefire in Sudan");
        let paras = [
            "Truce talks resume in Jeddah",
            "Mediators said on Tuesday that the two sides had agreed to meet again to discuss a truce in Sudan, after weeks of fighting.",
            "The army said it was ready.",
            "Separately, the finance minister presented the budget.",
        ];
        let sig = TopicSignals::new(&t, Some(paras[0]), &paras);
        assert_eq!(sig.title.policy, 1.0);
        assert_eq!(sig.lead.entity, 1.0);
        assert_eq!(sig.named_in, [0, 1]);
        assert_eq!(sig.distance_back(3), Some(2));
        assert_eq!(sig.distance_back(0), Some(0));
    }
}
