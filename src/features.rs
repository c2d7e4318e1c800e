//! Features: a quote (text, topic, cue verb, kind) turned into a sparse vector.
//!
//! Three blocks, laid out in this order in the vocabulary:
//! - words: word 1–3-grams, plus unigrams inside a negation scope ("not support" marks the
//!   words after `not` up to the end of the clause) as their own features;
//! - characters: 2–5-grams within words (each word padded with a space on both sides);
//! - extras: relations between the quote and the topic, the team's lexicon classes
//!   (`lexicon.rs`), the attribution cue and the quote kind.
//!
//! The word and character blocks are TF-IDF weighted (sublinear tf, smoothed IDF fixed when the
//! vocabulary is fitted) and each L2-normalised, so a quote scored alone gets exactly the
//! features it gets in a batch. Extras keep their raw values times `extra_weight`.
//!
//! Terms are identified by a fixed 64-bit hash of their text, so vectorising allocates no
//! strings; the text is kept in the vocabulary for explanations. This module does not train.

use crate::hash::{HashIndex, IdentityHasher, TermHash};
use crate::lexicon::{self, Class};

mod context;
mod vectorizer;
use crate::quote::QuoteKind;
use crate::topic::{Scan, TopicSignals, TopicTerms};
use context::context_extras;
pub(crate) use context::{relevance_part, Part};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
pub use vectorizer::Vectorizer;

/// What a model is asked about.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ModelInput<'a> {
    pub text: &'a str,
    pub topic: &'a str,
    /// The attribution cue ("warned", "welcomed"), when known.
    pub cue: Option<&'a str>,
    pub kind: Option<QuoteKind>,
    /// Who made the statement, as the text names them ("Mexico's agriculture minister",
    /// "Beijing", "Reza Kazemi, the foreign ministry spokesman"), when known.
    pub speaker: Option<&'a str>,
    /// Where the statement sits in its article, when known.
    pub(crate) context: Option<Context<'a>>,
}

/// What surrounds a statement: read by the context features
/// ([`FeatureSettings::context`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Context<'a> {
    /// The sentence holding the statement and its attribution (the reporter's framing).
    pub sentence: &'a str,
    /// The sentence before it.
    pub before: &'a str,
    /// How much the article is about the topic, and the statement's paragraph in it.
    pub article: Option<(&'a TopicSignals, u32)>,
}

impl<'a> ModelInput<'a> {
    pub fn new(text: &'a str, topic: &'a str) -> ModelInput<'a> {
        ModelInput {
            text,
            topic,
            cue: None,
            kind: None,
            speaker: None,
            context: None,
        }
    }
}

/// Feature settings; stored in the model file so prediction uses the training ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureSettings {
    /// Smallest and largest word n-gram length; `[0, 0]` turns word n-grams off.
    pub word_ngrams: [u8; 2],
    /// Smallest and largest character n-gram length; `[0, 0]` turns them off.
    pub char_ngrams: [u8; 2],
    /// Terms found in fewer training rows are dropped.
    pub min_df: u32,
    /// Keep only this many word and character terms, the most frequent first.
    pub max_features: Option<usize>,
    pub negation: bool,
    /// Topic-relation, lexicon, cue and kind features.
    pub extras: bool,
    /// Scale of the extra features against the two unit-length TF-IDF blocks.
    pub extra_weight: f32,
    /// Length of the character block against the unit-length word block.
    #[serde(default = "one")]
    pub char_weight: f32,
    /// Hashtags that change case inside (`#StopTheWar`) also add their parts as words
    /// ([`hashtag_words`]). Models written before this setting existed load as `false`.
    #[serde(default)]
    pub hashtag_split: bool,
    /// Features of the statement's relation to the topic and of its context: topic concepts
    /// and references in the statement, its sentence and the one before, how much the article
    /// is about the topic, the reporter's framing words (`context_extras`). Models written
    /// before this setting existed load as `false`.
    #[serde(default)]
    pub context: bool,
}

fn one() -> f32 {
    1.0
}

impl Default for FeatureSettings {
    fn default() -> Self {
        FeatureSettings {
            word_ngrams: [1, 3],
            char_ngrams: [2, 5],
            min_df: 2,
            max_features: None,
            negation: true,
            extras: true,
            extra_weight: 0.5,
            char_weight: 1.0,
            hashtag_split: true,
            context: false,
        }
    }
}

pub use crate::error::SettingsError;

/// The largest scale of a feature block against the word block: far beyond any useful
/// setting, and low enough that no feature value overflows (a block scaled by 1e30 turned
/// every probability into NaN).
pub const MAX_BLOCK_WEIGHT: f32 = 1000.0;

impl FeatureSettings {
    pub fn check(&self) -> Result<(), SettingsError> {
        for (name, [min, max], limit) in
            [("word", self.word_ngrams, 5), ("char", self.char_ngrams, 8)]
        {
            let off = min == 0 && max == 0;
            let valid = 1 <= min && min <= max && max <= limit;
            if !(off || valid) {
                return Err(SettingsError::NgramRange {
                    name,
                    min,
                    max,
                    limit,
                });
            }
        }
        if self.min_df == 0 {
            return Err(SettingsError::MinDf(0));
        }
        if self.max_features == Some(0) {
            return Err(SettingsError::MaxFeatures);
        }
        if !(0.0..=MAX_BLOCK_WEIGHT).contains(&self.extra_weight) {
            return Err(SettingsError::ExtraWeight {
                value: self.extra_weight,
                max: MAX_BLOCK_WEIGHT,
            });
        }
        if !(self.char_weight > 0.0 && self.char_weight <= MAX_BLOCK_WEIGHT) {
            return Err(SettingsError::CharWeight {
                value: self.char_weight,
                max: MAX_BLOCK_WEIGHT,
            });
        }
        Ok(())
    }
}

/// Which block a term belongs to; also the prefix of its text (`w:`, `c:`, `n:`, `x:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Block {
    Word,
    Char,
    Extra,
}

const WORD: &str = "w:";
const NEG: &str = "n:";
const CHAR: &str = "c:";
const EXTRA: &str = "x:";

/// Receives the terms of one quote.
trait Sink {
    /// A word n-gram (`prefix` is `w:` or `n:`) made of `parts` joined by spaces.
    fn word(&mut self, prefix: &str, parts: &[&str]);
    /// A character n-gram and its hash (of `c:` + `gram`).
    fn char(&mut self, gram: &str, hash: u64);
    /// An extra feature named by `name`'s pieces put together (`["lex:", "oppose"]`), so the
    /// name is built only when a sink keeps it.
    fn extra(&mut self, name: &[&str], value: f32);
}

/// A word of a lowercased quote, as the features read it (the text primitives' `Token` is a
/// span of an article's tokenizer).
struct Word<'a> {
    text: &'a str,
    negated: bool,
}

/// Splits lowercased text into word tokens (letters, digits, `_`, inner apostrophes) and marks
/// those inside a negation scope.
fn tokenize(lower: &str) -> Vec<Word<'_>> {
    let mut tokens = Vec::new();
    tokenize_into(lower, &mut tokens);
    tokens
}

/// [`tokenize`] into `tokens` (cleared first), so a buffer can serve row after row.
fn tokenize_into<'a>(lower: &'a str, tokens: &mut Vec<Word<'a>>) {
    tokens.clear();
    let mut negating = false;
    let mut start: Option<usize> = None;
    let mut chars = lower.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_apostrophe = (c == '\'' || c == '\u{2019}')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || c == '_' || inner_apostrophe {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            push_token(tokens, &lower[s..i], &mut negating);
        }
        if matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '\n' | '(' | ')' | '"' | '\u{201c}' | '\u{201d}'
        ) {
            negating = false;
        }
    }
    if let Some(s) = start {
        push_token(tokens, &lower[s..], &mut negating);
    }
}

fn push_token<'a>(tokens: &mut Vec<Word<'a>>, text: &'a str, negating: &mut bool) {
    tokens.push(Word {
        text,
        negated: *negating,
    });
    if lexicon::is_negation(text) {
        *negating = true;
    }
}

/// The first five characters of each content word of the topic: enough to match
/// "Kosovo's" and "Kosovar" to "Kosovo", "independent" to "independence".
fn topic_stems(topic: &str) -> Vec<String> {
    let lower = topic.to_lowercase();
    let mut stems: Vec<String> = tokenize(&lower)
        .into_iter()
        .filter(|t| t.text.chars().count() >= 3 && !lexicon::is_stopword(t.text))
        .map(|t| t.text.chars().take(5).collect())
        .collect();
    stems.sort();
    stems.dedup();
    stems
}

/// The text buffers analysing one row needs, reused from row to row (see [`Scratch`]).
#[derive(Default)]
struct TextBuffers {
    lower: String,
    padded: String,
    bounds: Vec<usize>,
    /// The last topic seen and its [`topic_stems`]: rows come grouped by topic.
    topic: String,
    stems: Vec<String>,
    /// The last topic's concepts, when context features are on.
    terms: Option<TopicTerms>,
    /// Empty; only their memory is kept (see [`recycle`]).
    tokens: Vec<Word<'static>>,
    words: Vec<&'static str>,
}

/// An empty vector that reuses `v`'s memory for another element type of the same size, here
/// the same borrowed type with another lifetime: the standard library collects a vector's own
/// iterator in place, so no allocation is made (and none is needed to be correct).
fn recycle<A, B>(mut v: Vec<A>) -> Vec<B> {
    v.clear();
    v.into_iter().map(|_| unreachable!("empty")).collect()
}

/// Emits every term of `input` into `sink`.
fn analyze(
    settings: &FeatureSettings,
    input: &ModelInput,
    sink: &mut impl Sink,
    buf: &mut TextBuffers,
) {
    let TextBuffers {
        lower,
        padded,
        bounds,
        topic,
        stems,
        terms,
        tokens: token_memory,
        words: word_memory,
    } = buf;
    lower.clear();
    if input.text.is_ascii() {
        lower.push_str(input.text);
        lower.make_ascii_lowercase();
    } else {
        lower.push_str(&input.text.to_lowercase());
    }
    if (settings.extras || settings.context) && topic != input.topic {
        topic.clear();
        topic.push_str(input.topic);
        *stems = topic_stems(input.topic);
        *terms = None;
    }
    if settings.hashtag_split {
        // After a full stop, so no n-gram or negation scope joins them to the text.
        push_hashtag_words(input.text, lower, " . ");
    }
    let lower = lower.as_str();
    let mut tokens = recycle(std::mem::take(token_memory));
    tokenize_into(lower, &mut tokens);
    let mut words = recycle(std::mem::take(word_memory));
    let [wmin, wmax] = settings.word_ngrams;
    if wmax > 0 {
        // Like scikit-learn's default token pattern, one-character tokens make no n-grams.
        words.extend(
            tokens
                .iter()
                .map(|t| t.text)
                .filter(|t| t.chars().nth(1).is_some()),
        );
        for n in usize::from(wmin)..=usize::from(wmax) {
            for parts in words.windows(n) {
                sink.word(WORD, parts);
            }
        }
        if settings.negation {
            for t in tokens.iter().filter(|t| t.negated) {
                sink.word(NEG, &[t.text]);
            }
        }
    }
    let [cmin, cmax] = settings.char_ngrams;
    if cmax > 0 {
        for word in lower.split_whitespace() {
            padded.clear();
            padded.push(' ');
            padded.push_str(word);
            padded.push(' ');
            bounds.clear();
            bounds.extend(padded.char_indices().map(|(i, _)| i));
            bounds.push(padded.len());
            let (len, cmin, cmax) = (bounds.len() - 1, usize::from(cmin), usize::from(cmax));
            if len < cmin {
                // A word shorter than every n counts once, whole, as in scikit-learn's `char_wb`.
                sink.char(padded, hash_parts(CHAR, &[padded]));
                continue;
            }
            // Grams sharing a start extend one hash instead of hashing each from scratch.
            for i in 0..len {
                let mut h = TermHash::new(CHAR);
                for n in 1..=cmax.min(len - i) {
                    h.write(&padded.as_bytes()[bounds[i + n - 1]..bounds[i + n]]);
                    if n >= cmin {
                        sink.char(&padded[bounds[i]..bounds[i + n]], h.finish());
                    }
                }
            }
        }
    }
    if settings.extras {
        extras(input, stems, &tokens, sink);
    }
    if settings.context {
        let terms = terms.get_or_insert_with(|| TopicTerms::new(input.topic));
        context_extras(input, terms, lower, &tokens, sink);
    }
    *token_memory = recycle(tokens);
    *word_memory = recycle(words);
}

/// The words of the hashtags in `text` that change case inside, in order and lowercased:
/// `#StopTheWar` gives stop, the, war; `#ISpeakLife` gives i, speak, life; `#Hillary2016`
/// gives hillary, 2016. A hashtag without an inner change (`#SCOTUS`, `#peace`) gives
/// nothing: its word is already a token, since `#` is not part of one.
pub fn hashtag_words(text: &str) -> Vec<String> {
    let mut joined = String::new();
    push_hashtag_words(text, &mut joined, "");
    joined
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Appends [`hashtag_words`] to `out`, separated by spaces, after `lead` when there is any.
fn push_hashtag_words(text: &str, out: &mut String, lead: &str) {
    let mut first = true;
    let mut rest = text;
    while let Some(at) = rest.find('#') {
        let body = &rest[at + 1..];
        let end = body
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(body.len());
        split_case(&body[..end], |part| {
            out.push_str(if first { lead } else { " " });
            first = false;
            if part.is_ascii() {
                out.extend(part.chars().map(|c| c.to_ascii_lowercase()));
            } else {
                out.push_str(&part.to_lowercase());
            }
        });
        rest = &body[end..];
    }
}

/// Gives `emit` the parts of `name` split where a lowercase letter meets an uppercase one,
/// before the last capital of a capital run followed by lowercase (`ISpeak`), and between
/// letters and digits; nothing when there is one part.
fn split_case<'a>(name: &'a str, mut emit: impl FnMut(&'a str)) {
    let mut chars = name.char_indices().peekable();
    let Some((_, mut p)) = chars.next() else {
        return;
    };
    let mut start = 0;
    let mut cut_any = false;
    while let Some((i, c)) = chars.next() {
        let next_lower = chars.peek().is_some_and(|&(_, n)| n.is_lowercase());
        if (p.is_lowercase() && c.is_uppercase())
            || (p.is_uppercase() && c.is_uppercase() && next_lower)
            || p.is_alphabetic() != c.is_alphabetic()
        {
            emit(&name[start..i]);
            start = i;
            cut_any = true;
        }
        p = c;
    }
    if cut_any {
        emit(&name[start..]);
    }
}

/// How many tokens apart a negation, modal or lexicon word may be from a topic mention.
const NEAR: usize = 4;

fn extras(input: &ModelInput, stems: &[String], tokens: &[Word], sink: &mut impl Sink) {
    let mentions: Vec<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| stems.iter().any(|s| t.text.starts_with(s.as_str())))
        .map(|(i, _)| i)
        .collect();
    let near_mention = |i: usize| mentions.iter().any(|&m| m.abs_diff(i) <= NEAR);
    if !stems.is_empty() {
        let found = stems
            .iter()
            .filter(|s| tokens.iter().any(|t| t.text.starts_with(s.as_str())))
            .count();
        sink.extra(&["topic_overlap"], found as f32 / stems.len() as f32);
        if mentions.is_empty() {
            sink.extra(&["topic_absent"], 1.0);
        } else {
            sink.extra(&["topic_mentioned"], 1.0);
            let before = |pred: fn(&str) -> bool| {
                mentions.iter().any(|&m| {
                    tokens[m.saturating_sub(NEAR)..m]
                        .iter()
                        .any(|t| pred(t.text))
                })
            };
            if mentions.iter().any(|&m| tokens[m].negated) || before(lexicon::is_negation) {
                sink.extra(&["topic_negated"], 1.0);
            }
            if before(lexicon::is_modal) {
                sink.extra(&["topic_modal"], 1.0);
            }
        }
    }
    let mut counts: Vec<(Class, u32, bool, bool)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        for class in lexicon::classes(t.text) {
            let near = near_mention(i);
            match counts.iter_mut().find(|(c, ..)| *c == class) {
                Some(entry) => {
                    entry.1 += 1;
                    entry.2 |= t.negated;
                    entry.3 |= near;
                }
                None => counts.push((class, 1, t.negated, near)),
            }
        }
    }
    counts.sort();
    for (class, n, negated, near) in counts {
        let class = class.as_str();
        sink.extra(&["lex:", class], 1.0 + (n as f32).ln());
        if negated {
            sink.extra(&["lex:", class, ":negated"], 1.0);
        }
        if near {
            sink.extra(&["lex:", class, ":near_topic"], 1.0);
        }
    }
    if input.text.contains('?') {
        sink.extra(&["question"], 1.0);
    }
    if input.text.contains('!') {
        sink.extra(&["exclamation"], 1.0);
    }
    if let Some(cue) = input.cue.map(str::trim).filter(|c| !c.is_empty()) {
        let cue = cue.to_lowercase();
        let head = cue.split_whitespace().next().unwrap_or(&cue);
        sink.extra(&["cue:", head], 1.0);
        let classes: Vec<Class> = lexicon::classes(head).collect();
        for class in classes {
            sink.extra(&["cue_lex:", class.as_str()], 1.0);
        }
    }
    if let Some(kind) = input.kind {
        sink.extra(&["kind:", kind.as_str()], 1.0);
    }
}

/// Words that make what follows a condition of the speaker's support.
const CONDITIONS: &[&str] = &[
    "only if",
    "unless",
    "provided",
    "as long as",
    "so long as",
    "on condition",
    "if and only if",
    "in exchange for",
];

/// The hash of the extra feature named by `name`'s pieces put together.
fn hash_extra(name: &[&str]) -> u64 {
    let mut h = TermHash::new(EXTRA);
    for p in name {
        h.write(p.as_bytes());
    }
    h.finish()
}

/// The hash of the term `prefix` + `parts` joined by spaces, without building the text.
fn hash_parts(prefix: &str, parts: &[&str]) -> u64 {
    let mut h = TermHash::new(prefix);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h.write(b" ");
        }
        h.write(p.as_bytes());
    }
    h.finish()
}

/// Collects the hash and value of every term occurrence; [`Vectorizer::transform`] looks them
/// up afterwards in one tight loop, where the table's cache misses overlap.
struct IndexSink<'a> {
    terms: &'a mut Vec<(u64, f32)>,
}

impl Sink for IndexSink<'_> {
    fn word(&mut self, prefix: &str, parts: &[&str]) {
        self.terms.push((hash_parts(prefix, parts), 1.0));
    }
    fn char(&mut self, _gram: &str, hash: u64) {
        self.terms.push((hash, 1.0));
    }
    fn extra(&mut self, name: &[&str], value: f32) {
        self.terms.push((hash_extra(name), value));
    }
}

/// How many training rows hold a term, and the first of them (where its text is taken).
#[derive(Debug, Clone, Copy)]
struct DocFreq {
    rows: u32,
    first: u32,
    /// The last row counted, so a term repeated within a row counts once.
    last: u32,
    block: Block,
}

type DocFreqs = HashMap<u64, DocFreq, BuildHasherDefault<IdentityHasher>>;

/// Collects every term occurrence of one row with its block.
#[derive(Default)]
struct TermSink {
    terms: Vec<(u64, Block)>,
}

impl Sink for TermSink {
    fn word(&mut self, prefix: &str, parts: &[&str]) {
        self.terms.push((hash_parts(prefix, parts), Block::Word));
    }
    fn char(&mut self, _gram: &str, hash: u64) {
        self.terms.push((hash, Block::Char));
    }
    fn extra(&mut self, name: &[&str], _value: f32) {
        self.terms.push((hash_extra(name), Block::Extra));
    }
}

/// Document frequencies are counted in this many tables, a term's table chosen by bits of its
/// hash that the tables' own probing does not use (hashbrown takes the lowest and the highest
/// bits). One table of every term of a corpus (about a million on P-Stance) is far larger than
/// the cache, and nearly every count was a cache miss; a part stays small, and the parts are
/// counted in parallel without being merged.
const DF_PARTS: usize = 256;

fn df_part(hash: u64) -> usize {
    (hash >> 40) as usize % DF_PARTS
}

/// One analysed row: its term occurrences grouped by part, part `p` in
/// `terms[starts[p]..starts[p + 1]]`. Kept from batch to batch, so its memory serves the row
/// in the same place of the next batch.
struct PartedRow {
    terms: Vec<(u64, Block)>,
    starts: [u32; DF_PARTS + 1],
}

impl PartedRow {
    fn new() -> PartedRow {
        PartedRow {
            terms: Vec::new(),
            starts: [0; DF_PARTS + 1],
        }
    }
}

/// Analyses `input` into `row`, its terms grouped by part (a counting sort: two passes, no
/// comparisons).
fn parted_row(
    settings: &FeatureSettings,
    input: &ModelInput,
    (sink, buf): &mut (TermSink, TextBuffers),
    row: &mut PartedRow,
) {
    sink.terms.clear();
    analyze(settings, input, sink, buf);
    let starts = &mut row.starts;
    starts.fill(0);
    for &(h, _) in &sink.terms {
        starts[df_part(h) + 1] += 1;
    }
    for p in 0..DF_PARTS {
        starts[p + 1] += starts[p];
    }
    let mut next = *starts;
    row.terms.clear();
    row.terms.resize(sink.terms.len(), (0, Block::Word));
    for &t in &sink.terms {
        let at = &mut next[df_part(t.0)];
        row.terms[*at as usize] = t;
        *at += 1;
    }
}

/// Each term's [`DocFreq`] over `inputs`, in no particular order. Rows are analysed in
/// parallel a batch at a time, each row's terms grouped by part; then each part's table takes
/// its share of every row of the batch, rows in order, so a term's first row is the first to
/// insert it and the result does not depend on the number of threads.
fn document_frequencies(settings: &FeatureSettings, inputs: &[ModelInput]) -> Vec<(u64, DocFreq)> {
    let mut tables: Vec<DocFreqs> = (0..DF_PARTS).map(|_| DocFreqs::default()).collect();
    let mut rows: Vec<PartedRow> = Vec::new();
    for (b, batch) in inputs.chunks(BATCH).enumerate() {
        rows.truncate(batch.len());
        rows.resize_with(batch.len(), PartedRow::new);
        rows.par_iter_mut()
            .zip(batch)
            .for_each_init(Default::default, |bufs, (row, input)| {
                parted_row(settings, input, bufs, row)
            });
        let first_row = (b * BATCH) as u32;
        tables.par_iter_mut().enumerate().for_each(|(part, table)| {
            for (i, r) in rows.iter().enumerate() {
                let row = first_row + i as u32;
                let span = r.starts[part] as usize..r.starts[part + 1] as usize;
                for &(h, block) in &r.terms[span] {
                    table
                        .entry(h)
                        .and_modify(|d| {
                            // A term repeated within a row counts once.
                            if d.last != row {
                                d.rows += 1;
                                d.last = row;
                            }
                        })
                        .or_insert(DocFreq {
                            rows: 1,
                            first: row,
                            last: row,
                            block,
                        });
                }
            }
        });
    }
    tables.into_iter().flatten().collect()
}

/// Resolves terms to columns as they come (training only) and builds the text of each term
/// in the one row [`DocFreq::first`] names, so each text is built once.
struct NamingSink<'a> {
    index: &'a HashIndex,
    first: &'a [u32],
    row: u32,
    keys: &'a mut Vec<u64>,
    names: &'a mut Vec<(u32, String)>,
}

impl NamingSink<'_> {
    /// The column of `h`, when kept and its text is wanted from this row.
    fn add(&mut self, h: u64, value: f32) -> Option<u32> {
        let col = *self.index.get(&h)?;
        self.keys.push(key(col, value));
        (self.first[col as usize] == self.row).then_some(col)
    }
}

impl Sink for NamingSink<'_> {
    fn word(&mut self, prefix: &str, parts: &[&str]) {
        if let Some(col) = self.add(hash_parts(prefix, parts), 1.0) {
            self.names
                .push((col, format!("{prefix}{}", parts.join(" "))));
        }
    }
    fn char(&mut self, gram: &str, hash: u64) {
        if let Some(col) = self.add(hash, 1.0) {
            self.names.push((col, format!("{CHAR}{gram}")));
        }
    }
    fn extra(&mut self, name: &[&str], value: f32) {
        if let Some(col) = self.add(hash_extra(name), value) {
            self.names.push((col, format!("{EXTRA}{}", name.concat())));
        }
    }
}

/// Column in the high half, value bits in the low: plain integers sort faster than pairs,
/// and the column decides the order.
fn key(col: u32, value: f32) -> u64 {
    u64::from(col) << 32 | u64::from(value.to_bits())
}

/// Sorts [`key`]s by column, keys of one column in the order they came: a least-significant-
/// digit radix sort, since a comparison sort of a quote's few hundred keys took a sixth of
/// prediction's time. Only counts of 1 repeat within a column, so their order does not change
/// the sums.
fn sort_by_column(keys: &mut Vec<u64>, other: &mut Vec<u64>, columns: usize) {
    if keys.len() < 64 {
        keys.sort_unstable();
        return;
    }
    let bits = usize::BITS - columns.saturating_sub(1).leading_zeros();
    let passes = bits.div_ceil(11).max(1);
    let width = bits.div_ceil(passes);
    let mask = (1usize << width) - 1;
    let mut counts = [0usize; (1 << 11) + 1];
    let counts = &mut counts[..mask + 2];
    other.clear();
    other.resize(keys.len(), 0);
    for pass in 0..passes {
        let shift = 32 + pass * width;
        let digit = |k: u64| (k >> shift) as usize & mask;
        counts.iter_mut().for_each(|c| *c = 0);
        for &k in keys.iter() {
            counts[digit(k) + 1] += 1;
        }
        for d in 0..=mask {
            counts[d + 1] += counts[d];
        }
        for &k in keys.iter() {
            let at = &mut counts[digit(k)];
            other[*at] = k;
            *at += 1;
        }
        std::mem::swap(keys, other);
    }
}

/// The buffers vectorising one row needs, kept per thread and reused from row to row: with
/// fresh ones, every row grew its vectors by doubling, and in training (one malloc arena, see
/// `cli/train.rs`) the two threads queued on the allocator's lock.
#[derive(Default)]
struct Scratch {
    text: TextBuffers,
    terms: Vec<(u64, f32)>,
    keys: Vec<u64>,
    other: Vec<u64>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// One row of sparse features: (column, value), columns increasing.
type Row = Vec<(u32, f32)>;

/// Rows of sparse features: row `i` is `indices/values[indptr[i]..indptr[i + 1]]`, indices
/// increasing within a row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseMatrix {
    pub indptr: Vec<usize>,
    pub indices: Vec<u32>,
    pub values: Vec<f32>,
    pub ncols: usize,
}

impl SparseMatrix {
    pub fn nrows(&self) -> usize {
        self.indptr.len().saturating_sub(1)
    }

    pub fn row(&self, i: usize) -> (&[u32], &[f32]) {
        let r = self.indptr[i]..self.indptr[i + 1];
        (&self.indices[r.clone()], &self.values[r])
    }

    /// No rows, `ncols` columns.
    /// The rows `rows`, in that order.
    pub fn select(&self, rows: &[usize]) -> SparseMatrix {
        let mut m = SparseMatrix::empty(self.ncols);
        for &i in rows {
            let (idx, val) = self.row(i);
            m.indices.extend_from_slice(idx);
            m.values.extend_from_slice(val);
            m.indptr.push(m.indices.len());
        }
        m
    }

    /// The same rows with only the columns `keep` says yes to.
    pub fn keep_columns(&self, keep: impl Fn(u32) -> bool) -> SparseMatrix {
        let mut m = SparseMatrix::empty(self.ncols);
        for i in 0..self.nrows() {
            let (idx, val) = self.row(i);
            for (&j, &v) in idx.iter().zip(val) {
                if keep(j) {
                    m.indices.push(j);
                    m.values.push(v);
                }
            }
            m.indptr.push(m.indices.len());
        }
        m
    }

    pub fn empty(ncols: usize) -> SparseMatrix {
        SparseMatrix {
            indptr: vec![0],
            ncols,
            ..SparseMatrix::default()
        }
    }

    pub fn from_rows(
        rows: impl IntoIterator<Item = Vec<(u32, f32)>>,
        ncols: usize,
    ) -> SparseMatrix {
        let mut m = SparseMatrix::empty(ncols);
        for row in rows {
            m.push_row(&row);
        }
        m
    }

    fn push_row(&mut self, row: &[(u32, f32)]) {
        self.indices.extend(row.iter().map(|e| e.0));
        self.values.extend(row.iter().map(|e| e.1));
        self.indptr.push(self.indices.len());
    }
}

/// Lets a sparse matrix stand as the records of a linfa dataset.
impl linfa::dataset::Records for SparseMatrix {
    type Elem = f32;
    fn nsamples(&self) -> usize {
        self.nrows()
    }
    fn nfeatures(&self) -> usize {
        self.ncols
    }
}

/// How many rows to analyse per parallel batch: bounds the memory held at once.
const BATCH: usize = 2048;

#[cfg(test)]
mod tests;
