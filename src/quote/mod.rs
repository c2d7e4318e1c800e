//! Quotes: attributed speech found in an article.
//!
//! [`find`] reads an article into [`Statement`]s: the quoted or reported words, their kind,
//! and the frame that attributes them (a speaker phrase and its cue, or none: the previous
//! speaker goes on), with every named person and body of the text ([`Named`]). It does not
//! decide which actor a phrase names; [`crate::actor`] does, and makes the [`Quote`]s.
//!
//! One job per file: `layout` (paragraphs, datelines, transcript turns), `marks` (pairing
//! quotation marks), `find` (the article, sentence by sentence), `frame` (attribution frames:
//! direct, reported, fragment), `phrase` (the grammar of speaker phrases), `subject` (a
//! sentence's subject), `mention` (what a phrase says of its speaker), `names` (who is on
//! stage), `cue` (speech verbs), `release` (a body's own voice in its press releases), `token`
//! and `words` (the word lists).

use crate::text::Span;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How the speaker's words are given (see `docs/labels.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The speaker's words in quotation marks, a sentence or more.
    Direct,
    /// Reported speech without quotation marks.
    Indirect,
    /// A quoted fragment inside the reporter's own sentence.
    Partial,
}

impl QuoteKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [QuoteKind; 3] = [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Partial];

    /// The kind as the output writes it (`direct`, `indirect`, `partial`).
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Partial => "partial",
        }
    }
}

impl fmt::Display for QuoteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for QuoteKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "direct" => Ok(QuoteKind::Direct),
            "indirect" => Ok(QuoteKind::Indirect),
            "partial" => Ok(QuoteKind::Partial),
            other => Err(format!(
                "unknown quote kind {other:?} (expected direct, indirect or partial)"
            )),
        }
    }
}

/// One attributed statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// How the words are given.
    pub kind: QuoteKind,
    /// The quoted words; for a quote split around its attribution, the parts joined by a space.
    pub text: String,
    /// The parts of `text` in the body, in order (one for a contiguous quote).
    pub spans: Vec<Span>,
    /// The resolved canonical actor, if any.
    pub speaker: Option<String>,
    /// The mention that attributes the quote ("he", "the spokesman", "Putin").
    pub source: Option<Span>,
    /// The attribution cue ("said", "according to", ":").
    pub cue: Option<Span>,
    /// The speaker denies the statement (`X denied that ...`): it is not the speaker's
    /// position.
    pub denied: bool,
    /// What sort of speaker it is, when there is one.
    pub speaker_kind: Option<SpeakerKind>,
    /// The speaker's country, party or organisation, as the gazetteer names it.
    pub affiliation: Option<String>,
}

/// What sort of speaker a quote has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A named person.
    Person,
    /// A named body: a government, a ministry, a party, a company (or a capital speaking for
    /// its government).
    Organisation,
    /// People in the plural, named by their group or organisation ("Kosovo Serbs",
    /// "a Downing Street spokesman").
    Group,
    /// A document that says things ("a report", "the new book"): not an actor.
    Document,
    /// Known only by a common noun ("the spokesman", "critics"): not an actor.
    Role,
}

impl SpeakerKind {
    /// Whether a report lists this speaker as an actor.
    pub fn is_actor(self) -> bool {
        !matches!(self, SpeakerKind::Document | SpeakerKind::Role)
    }
}

pub(crate) mod cue;
mod find;
mod frame;
mod layout;
pub(crate) mod marks;
pub(crate) mod mention;
mod names;
mod phrase;
mod release;
mod share;
mod speaker;
mod subject;
pub(crate) use phrase::is_speaker_noun;
pub(crate) use share::is_share_phrase;
mod token;
pub(crate) mod words;

pub(crate) use find::find;
pub(crate) use mention::{ActorKind, Gender, Mention, Pronoun};
pub(crate) use token::is_capitalized;

/// Whether `word` is a speech verb or another attribution cue ("said", "told", "according").
pub(crate) fn is_cue(word: &str) -> bool {
    cue::lookup(word).is_some()
}

/// A statement found in an article, before its speaker is resolved.
#[derive(Debug, Clone)]
pub(crate) struct Statement {
    pub kind: QuoteKind,
    /// The parts of the statement's words in the body, in order; empty for a lead-in that
    /// only names the speaker of the quote after it (`Ruiz continued:`).
    pub spans: Vec<Span>,
    pub frame: Frame,
    pub place: Place,
    /// The speaker denies it (`X denied that ...`): not the speaker's position.
    pub denied: bool,
}

/// Where a statement or a name sits: its paragraph and sentence, counted over the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Place {
    pub paragraph: usize,
    pub sentence: usize,
}

/// How a statement is attributed.
#[derive(Debug, Clone)]
pub(crate) enum Frame {
    /// A speaker phrase and the cue that attributes it (none for a transcript turn).
    Said {
        mention: Mention,
        cue: Option<Span>,
        form: Form,
    },
    /// No frame of its own: the previous speaker goes on.
    Inherit,
    /// A fragment with no frame: the previous speaker of the same paragraph goes on, if any.
    InheritInParagraph,
}

/// The form of a frame that names its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// Before a direct quote: `X said: "..."`, `According to X, "..."`.
    Lead,
    /// After a direct quote: `"...," X said`, `"..." — X`.
    Tail,
    /// Reported speech: `X said (that) ...`, `..., X said`, `according to X, ...`.
    Reported,
    /// A fragment with a cue of its own: `X called it "a betrayal"`.
    Fragment,
    /// A fragment in a sentence whose subject speaks: `X likened it to "a tax on bread"`.
    Subject,
    /// A lead-in closing its paragraph: `Ruiz continued:`.
    LeadIn,
    /// A transcript turn: `RUIZ: ...`.
    Turn,
}

/// A named person or body seen in the narrative, so that later pronouns and roles can refer
/// to it.
#[derive(Debug, Clone)]
pub(crate) struct Named {
    pub mention: Mention,
    /// A sentence's subject or a turn's speaker.
    pub salient: bool,
    /// A lone capitalised word opening a sentence (`Hadžić brushed ...`): a name only if it is
    /// the surname of someone already on stage.
    pub known_only: bool,
    pub place: Place,
}

/// What [`find`] reads in an article.
#[derive(Debug, Clone, Default)]
pub(crate) struct Extraction {
    /// In text order, paragraph by paragraph.
    pub statements: Vec<Statement>,
    /// In text order.
    pub named: Vec<Named>,
}

/// Drops every quote that overlaps one before it (by first start): quotes never overlap.
pub(crate) fn without_overlaps(mut quotes: Vec<Quote>) -> Vec<Quote> {
    quotes.sort_by_key(|q| q.spans[0].start);
    // Kept spans do not overlap, so their ends rise with their starts: the last kept span
    // starting before `b` ends is the only one that can reach into it.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut kept: Vec<Quote> = Vec::with_capacity(quotes.len());
    for q in quotes {
        let overlaps = q.spans.iter().any(|b| {
            taken
                .range(..b.end)
                .next_back()
                .is_some_and(|(_, &end)| b.start < end)
        });
        if !overlaps {
            for a in &q.spans {
                let end = taken.entry(a.start).or_insert(a.end);
                *end = (*end).max(a.end);
            }
            kept.push(q);
        }
    }
    kept
}

/// A quote as the contract prints it (`quotes --format jsonl`): one flat record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// The article's id ([`crate::Article::id`]).
    pub article: String,
    /// The quote's number in its article, from 0.
    pub index: usize,
    /// The resolved actor, or `None` when the quote has no speaker.
    pub speaker: Option<String>,
    /// The mention that attributes the quote ("Putin", "he", "the spokesman").
    pub source_text: Option<String>,
    /// The byte offset where the mention starts.
    pub source_start: Option<usize>,
    /// The byte offset where the mention ends.
    pub source_end: Option<usize>,
    /// The attribution cue ("said", "according to", ":").
    pub cue: Option<String>,
    /// The byte offset where the cue starts.
    pub cue_start: Option<usize>,
    /// The byte offset where the cue ends.
    pub cue_end: Option<usize>,
    /// How the words are given.
    pub kind: QuoteKind,
    /// The quoted words (the parts joined by a space for a quote in several parts).
    pub text: String,
    /// The byte offset where the quote's first part starts.
    pub start: usize,
    /// The byte offset where the quote's last part ends.
    pub end: usize,
    /// The parts of a quote split around its attribution, as `[start, end]` pairs; present
    /// only when there is more than one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spans: Option<Vec<[usize; 2]>>,
    /// The speaker denies the statement (`X denied that ...`); present only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub denied: bool,
    /// What sort of speaker it is; present when there is a speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_kind: Option<SpeakerKind>,
    /// The speaker's country, party or organisation; present when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
}

impl Quote {
    /// The flat record of this quote, the `index`-th of article `article` with body `body`.
    pub fn record(&self, article: &str, index: usize, body: &str) -> QuoteRecord {
        let start = self.spans.first().map_or(0, |s| s.start);
        let end = self.spans.last().map_or(0, |s| s.end);
        QuoteRecord {
            article: article.to_string(),
            index,
            speaker: self.speaker.clone(),
            source_text: self.source.map(|s| s.text(body).to_string()),
            source_start: self.source.map(|s| s.start),
            source_end: self.source.map(|s| s.end),
            cue: self.cue.map(|s| s.text(body).to_string()),
            cue_start: self.cue.map(|s| s.start),
            cue_end: self.cue.map(|s| s.end),
            kind: self.kind,
            text: self.text.clone(),
            start,
            end,
            spans: (self.spans.len() > 1)
                .then(|| self.spans.iter().map(|s| [s.start, s.end]).collect()),
            denied: self.denied,
            speaker_kind: self.speaker_kind,
            affiliation: self.affiliation.clone(),
        }
    }
}
