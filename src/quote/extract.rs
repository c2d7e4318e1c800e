//! Finding who said what in one article.
//!
//! The article is cut into paragraphs (boilerplate lines dropped, datelines skipped), quoted
//! regions are paired, and each sentence is read for an attribution frame: a lead-in before a
//! quote (`X said: "..."`), a tail after it (`"...," X said`, `"..." — X`), or reported speech
//! (`X said (that) ...`, `..., X said`, `according to X, ...`). Quotes with no frame of their
//! own continue the previous speaker, as news convention has it. Speaker mentions are resolved
//! to canonical actors by [`crate::actor::Resolver`].

use super::cue::{self, CueClass};
use super::marks::{self, Region};
use super::{Quote, QuoteKind, Span};
use crate::actor::{self, is_capitalized, is_title, Mention, Resolver};
use crate::text::{self, Cover, Token, TokenKind};
use crate::wordset::WordSet;
use regex::Regex;
use std::sync::OnceLock;

/// Site furniture that is never speech: "Last Updated: ...", "Get the latest updates ...".
fn boilerplate() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^[\s.\-|•·]*(last updated|updated|published|posted|get the latest|share this|share on|follow us|subscribe|sign up|click here|read more|read the rest|advertisement|sponsored|related:|related stories|copyright|all rights reserved|©|image caption|media caption|image copyright|photo:|file photo|watch:|listen:|skip to|cookies)",
        )
        .expect("static regex")
    })
}

/// A dateline at the start of a paragraph: "MUNICH, Germany -- ", "OSLO (Reuters) - ".
fn dateline() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?\s*(?:\([A-Za-z.&' ]{1,30}\))?\s*(?:--|—|–|-|:)\s+",
        )
        .expect("static regex")
    })
}

/// One look-up for the common case: can this word attribute speech at all (a cue verb in any
/// form, a speech noun, `according`)?
fn may_attribute(word: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        WordSet::new(
            cue::forms()
                .chain(SPEECH_NOUNS.iter().copied())
                .chain(["according"]),
        )
    })
    .contains_folded(word)
}

const SPEECH_NOUNS: &[&str] = &[
    "warning",
    "statement",
    "assurance",
    "insistence",
    "claim",
    "promise",
    "pledge",
    "warnings",
    "assurances",
];

/// A transcript turn: `WALLACE: But, Governor, ...` (a speaker label in capitals and a colon
/// opening the paragraph, after an optional quotation mark).
fn transcript_label() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r#"^["\u{201c}]?([A-Z][A-Z'\u{2019}.\-]+(?: [A-Z][A-Z'\u{2019}.\-]+){0,2}):\s+\S"#,
        )
        .expect("static regex")
    })
}

/// Capitalised labels that head a paragraph without being speakers.
fn is_furniture_label(label: &str) -> bool {
    matches!(
        label,
        "UPDATE"
            | "UPDATED"
            | "NOTE"
            | "EDITOR'S NOTE"
            | "EDITOR\u{2019}S NOTE"
            | "CORRECTION"
            | "PHOTO"
            | "PHOTOS"
            | "VIDEO"
            | "WATCH"
            | "READ MORE"
            | "RELATED"
            | "SOURCE"
            | "SOURCES"
            | "BREAKING"
            | "ALSO"
            | "WARNING"
            | "CLARIFICATION"
    )
}

/// The speaker label and the words of a transcript turn, if the paragraph is one.
fn transcript_turn(body: &str, para: Span) -> Option<(Span, Span)> {
    let text = para.text(body);
    let caps = transcript_label().captures(text)?;
    let label = caps.get(1)?;
    let letters = label.as_str().chars().filter(|c| c.is_alphabetic()).count();
    if is_furniture_label(label.as_str()) || letters < 3 {
        return None;
    }
    let rest = &text[label.end() + 1..];
    let lead = rest.len() - rest.trim_start().len();
    let words = rest.trim().trim_end_matches(['"', '\u{201d}']).trim_end();
    if words.split_whitespace().count() < 2 {
        return None;
    }
    let start = para.start + label.end() + 1 + lead;
    Some((
        Span::new(para.start + label.start(), para.start + label.end()),
        Span::new(start, start + words.len()),
    ))
}

/// A name from a transcript label: `WALLACE` -> `Wallace`, `MIKE PENCE` -> `Mike Pence`.
fn label_name(label: &str) -> String {
    label
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Nouns that report speech: `issued a warning that ...`.
fn is_speech_noun(word: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(SPEECH_NOUNS.iter().copied()))
        .contains_folded(word)
}

/// Words skipped between a speaker and a cue, or after a cue before its content.
const ADVERBIALS: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "again",
    "previously",
    "repeatedly",
    "later",
    "earlier",
    "reportedly",
    "then",
    "would",
    "will",
    "did",
    "does",
    "do",
    "is",
    "was",
    "were",
    "are",
    "once",
    "often",
    "recently",
    "first",
    "quickly",
    "flatly",
    "publicly",
    "privately",
    "separately",
    "already",
    "further",
    "too",
    "even",
    "just",
    "now",
    "today",
    "yesterday",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "on",
    "late",
    "early",
    "last",
    "this",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "similarly",
    "likewise",
    "subsequently",
    "angrily",
    "bluntly",
    "firmly",
    "simply",
    "openly",
    "directly",
    "sharply",
    "strongly",
    "openly",
    "hastily",
    "softly",
    "quietly",
    "widely",
    "long",
    "not",
    "never",
    "has",
    "had",
    "been",
    "being",
    "could",
    "may",
    "might",
    "must",
    "should",
    "can",
    "always",
    "since",
    "ago",
];

fn is_adverbial(word: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(ADVERBIALS.iter().copied()))
        .contains_folded(word)
}

/// Nouns that name unnamed speakers ("officials said", "a source said").
const SPEAKER_NOUNS: &[&str] = &[
    "nominee",
    "nominees",
    "host",
    "writer",
    "author",
    "columnist",
    "reporter",
    "anchor",
    "commentator",
    "doctor",
    "physician",
    "historian",
    "scholar",
    "article",
    "memo",
    "brief",
    "document",
    "letter",
    "study",
    "survey",
    "poll",
    "website",
    "ad",
    "advert",
    "book",
    "editorial",
    "op-ed",
    "filing",
    "lawsuit",
    "complaint",
    "indictment",
    "ruling",
    "verdict",
    "resolution",
    "tweet",
    "video",
    "clip",
    "spokesmen",
    "spokeswomen",
    "candidate",
    "candidates",
    "source",
    "sources",
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "protester",
    "protesters",
    "residents",
    "witnesses",
    "witness",
    "people",
    "critics",
    "supporters",
    "aide",
    "aides",
    "lawmakers",
    "leaders",
    "ministers",
    "negotiators",
    "observers",
    "activists",
    "government",
    "ministry",
    "campaign",
    "statement",
    "operative",
    "officer",
    "officers",
    "spokesperson",
    "report",
    "organizers",
    "organisers",
    "authorities",
    "police",
    "military",
    "army",
    "group",
    "groups",
    "voters",
    "members",
    "delegates",
    "delegation",
    "envoys",
    "monitors",
    "rebels",
    "insurgents",
    "opposition",
    "administration",
    "agency",
    "council",
    "commission",
    "committee",
    "party",
    "embassy",
    "office",
    "department",
    "cabinet",
    "presidency",
    "parliament",
    "mission",
    "team",
    "secretariat",
    "countries",
    "states",
    "nations",
    "governments",
    "allies",
    "neighbours",
    "neighbors",
    "partners",
    "others",
    "both",
    "statements",
    "communique",
    "declaration",
    "leader",
    "lawmaker",
    "senators",
    "residents",
    "farmers",
    "workers",
    "families",
    "refugees",
    "survivors",
    "villagers",
    "women",
    "men",
    "students",
    "guard",
    "father",
    "mother",
    "friend",
    "brother",
    "sister",
    "wife",
    "husband",
    "son",
    "daughter",
    "niece",
    "nephew",
    "uncle",
    "aunt",
    "grandmother",
    "grandfather",
    "neighbor",
    "neighbour",
    "colleague",
];

fn is_speaker_noun(lower: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(SPEAKER_NOUNS.iter().copied()))
        .contains(lower)
        || is_title(lower)
        || actor::is_org_word(lower)
}

/// A subject pronoun (lowercased).
fn is_subject_pronoun(lower: &str) -> bool {
    matches!(lower, "he" | "she" | "they" | "it" | "we" | "i")
}

/// An article or a possessive determiner: what opens a noun phrase and only a noun phrase.
fn is_article(lower: &str) -> bool {
    matches!(
        lower,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our"
    )
}

fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "two"
            | "three"
            | "several"
            | "some"
            | "many"
            | "other"
            | "another"
            | "one"
    )
}

/// Words that open a relative clause or an aside between a speaker and a cue.
fn opens_aside(lower: &str) -> bool {
    matches!(
        lower,
        "who"
            | "which"
            | "whose"
            | "whom"
            | "however"
            | "meanwhile"
            | "in"
            | "speaking"
            | "asked"
            | "when"
            | "while"
            | "after"
            | "before"
            | "at"
            | "on"
            | "for"
            | "though"
            | "although"
            | "too"
            | "also"
            | "nevertheless"
            | "moreover"
            | "furthermore"
            | "by"
            | "during"
            | "like"
            | "unlike"
            | "as"
    )
}

/// A quote found in a sentence, before speaker resolution.
#[derive(Debug, Clone)]
struct Found {
    kind: QuoteKind,
    spans: Vec<Span>,
    speaker: Attribution,
    paragraph: usize,
}

impl Found {
    /// A quoted fragment of paragraph `paragraph`, said by `mention` with `cue`.
    fn fragment(body: &str, r: &Region, mention: Mention, cue: Span, paragraph: usize) -> Found {
        Found {
            kind: QuoteKind::Partial,
            spans: vec![trim_quote_punct(body, r.inner)],
            speaker: Attribution::Mention {
                mention,
                cue: Some(cue),
            },
            paragraph,
        }
    }
}

/// Who said a quote: the resolved entity, the mention and the cue.
#[derive(Debug, Clone, Copy, Default)]
struct Said {
    entity: Option<usize>,
    source: Option<Span>,
    cue: Option<Span>,
}

#[derive(Debug, Clone)]
enum Attribution {
    /// A speaker phrase and the cue that attributes it.
    Mention { mention: Mention, cue: Option<Span> },
    /// No frame of its own: continue the previous speaker.
    Inherit,
    /// A fragment with no frame: continue the previous speaker of the same paragraph only.
    InheritInParagraph,
}

/// Reads one article body and returns its attributed quotes, ordered by position.
pub fn extract(body: &str) -> Vec<Quote> {
    let raw: Vec<Span> = text::paragraphs(body)
        .into_iter()
        .filter(|p| !boilerplate().is_match(p.text(body)))
        .collect();
    // Transcript turns (`WALLACE: ...`) come in exchanges: with fewer than two, a capitalised
    // label is a dateline (`WASHINGTON: ...`).
    let labelled: Vec<Option<(Span, Span)>> =
        raw.iter().map(|p| transcript_turn(body, *p)).collect();
    let exchange = labelled.iter().flatten().count() >= 2;
    let paragraphs: Vec<Span> = raw
        .iter()
        .zip(&labelled)
        .map(|(&p, turn)| match dateline().find(p.text(body)) {
            _ if exchange && turn.is_some() => p,
            Some(m) if m.end() < p.len() => Span::new(p.start + m.end(), p.end),
            _ => p,
        })
        .collect();
    let regions = marks::regions(body, &paragraphs);

    // Who is on stage: every named person, in text order, before any speaker is resolved.
    let mut resolver = Resolver::new();
    let mut sentences: Vec<(usize, Span, Vec<Region>, Vec<Token>)> = Vec::new();
    // Transcript turns (`WALLACE: ...`): the whole paragraph is the labelled speaker's.
    let mut turns = vec![false; paragraphs.len()];
    let mut turn_found: Vec<Found> = Vec::new();
    for (pi, para) in paragraphs.iter().enumerate() {
        if let Some((label, words)) = labelled[pi].filter(|_| exchange) {
            let mention = Mention {
                span: label,
                pronoun: None,
                name: Some(label_name(label.text(body))),
                titles: Vec::new(),
                role: None,
                kind: actor::ActorKind::Person,
                gender: actor::Gender::Unknown,
            };
            resolver.observe(&mention, true);
            turns[pi] = true;
            turn_found.push(Found {
                kind: QuoteKind::Direct,
                spans: vec![words],
                speaker: Attribution::Mention { mention, cue: None },
                paragraph: pi,
            });
        }
        // Regions come in paragraph order, each paragraph's sorted by opening mark: slices,
        // not scans, keep a paragraph or sentence holding thousands of quotes linear.
        let regs = &regions[regions.partition_point(|r| r.paragraph < pi)
            ..regions.partition_point(|r| r.paragraph <= pi)];
        let outers: Vec<Span> = regs.iter().map(Region::outer).collect();
        let para_toks = text::tokens(body, *para);
        for (s, range) in text::sentences(body, &para_toks, *para, &outers) {
            let all = para_toks[range].to_vec();
            let in_s = regs[regs.partition_point(|r| r.open.start < s.start)
                ..regs.partition_point(|r| r.open.start < s.end)]
                .to_vec();
            let toks = narrative_tokens(&all, &in_s);
            let names = actor::scan_names(body, &toks);
            let opens = toks.first().map_or(0, |t| t.span.start);
            // A lone surname opening the sentence as its subject (`Hadžić brushed ...`).
            if names.first().is_none_or(|m| m.span.start != opens) && toks.len() > 1 {
                let (first, next) = (toks[0], toks[1]);
                let subject = first.kind == TokenKind::Word
                    && next.kind == TokenKind::Word
                    && is_capitalized(first.text(body))
                    && !is_capitalized(next.text(body));
                if let Some(m) = subject
                    .then(|| actor::parse_mention(body, &toks[..1]))
                    .flatten()
                {
                    resolver.observe_known(&m, true);
                }
            }
            for (k, m) in names.into_iter().enumerate() {
                resolver.observe(&m, k == 0 && m.span.start == opens);
            }
            sentences.push((pi, s, in_s, all));
        }
    }

    let mut found: Vec<Found> = Vec::new();
    for (pi, s, regs, all) in &sentences {
        if !turns[*pi] {
            found.extend(read_sentence(body, *pi, *s, regs, all));
        }
    }
    // Transcript turns go with their paragraphs (a stable sort keeps sentence order).
    found.append(&mut turn_found);
    found.sort_by_key(|f| f.paragraph);

    // Resolve speakers in text order; floating quotes take the previous speaker.
    let mut last: Option<(Said, usize)> = None;
    let mut said: Vec<(Found, Said)> = Vec::with_capacity(found.len());
    for f in found {
        // A lead-in with no quote of its own (see `read_sentence`) only names the speaker.
        let lead_in = f.spans.is_empty();
        let who = match &f.speaker {
            Attribution::Mention { mention, cue } => {
                let mut entity = resolver.resolve(mention);
                if mention.name.is_none() && mention.pronoun.is_none() {
                    // A role named before its holder: "Britain's foreign secretary has said".
                    // Still the bare role itself: no earlier holder was found.
                    let unnamed = entity.is_some_and(|i| {
                        resolver.entity(i).kind == actor::ActorKind::Person
                            && mention.role.as_deref().is_some_and(|r| {
                                actor::normalize(r) == actor::normalize(resolver.canonical(i))
                            })
                    });
                    if let (Some(title), true) = (mention.titles.last(), unnamed) {
                        let later = resolver.holder_after(mention.span.end, 1200, title);
                        if let (Some(later), Some(role)) = (later, entity) {
                            resolver.add_titles(later, &mention.titles);
                            resolver.redirect(role, later);
                            entity = Some(later);
                        }
                    }
                }
                let who = Said {
                    entity,
                    source: Some(mention.span),
                    cue: *cue,
                };
                if entity.is_some() {
                    last = Some((who, f.paragraph));
                }
                if lead_in {
                    continue;
                }
                who
            }
            Attribution::Inherit => match last {
                Some((who, p)) if f.paragraph <= p + 1 => {
                    last = Some((who, f.paragraph));
                    who
                }
                _ => Said::default(),
            },
            Attribution::InheritInParagraph => match last {
                Some((who, p)) if f.paragraph == p => who,
                // A fragment nobody can be said to have spoken is a scare quote.
                _ => continue,
            },
        };
        said.push((f, who));
    }
    let mut quotes: Vec<Quote> = said
        .into_iter()
        .map(|(f, who)| {
            let known = who.entity.is_some();
            Quote {
                kind: f.kind,
                text: f
                    .spans
                    .iter()
                    .map(|s| s.text(body))
                    .collect::<Vec<_>>()
                    .join(" "),
                spans: f.spans,
                speaker: who.entity.map(|i| resolver.canonical(i).to_string()),
                source: who.source.filter(|_| known),
                cue: who.cue.filter(|_| known),
            }
        })
        .collect();
    quotes.sort_by_key(|q| q.spans[0].start);
    // Quotes never overlap: a later one that overlaps a kept one is dropped. Kept spans do
    // not overlap, so their ends rise with their starts: the last kept span starting before
    // `b` ends is the only one that can reach into it.
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

/// Tokens of a sentence outside its quoted regions (sorted by opening mark).
fn narrative_tokens(all: &[Token], regs: &[Region]) -> Vec<Token> {
    let quoted = Cover::new(regs.iter().map(Region::outer));
    all.iter()
        .copied()
        .filter(|t| !quoted.holds(t.span))
        .collect()
}

/// The token lower-cased, without allocating for short words.
fn lower<'a>(body: &'a str, t: &Token) -> Lower<'a> {
    Lower::of(t.text(body))
}

/// A lower-cased word: borrowed when already lower case, on the stack when short and ASCII.
enum Lower<'a> {
    Borrowed(&'a str),
    Inline([u8; 24], usize),
    Owned(String),
}

impl<'a> Lower<'a> {
    fn of(w: &'a str) -> Lower<'a> {
        if !w.bytes().any(|b| b.is_ascii_uppercase()) && w.is_ascii() {
            return Lower::Borrowed(w);
        }
        if w.is_ascii() && w.len() <= 24 {
            let mut buf = [0u8; 24];
            buf[..w.len()].copy_from_slice(w.as_bytes());
            buf[..w.len()].make_ascii_lowercase();
            return Lower::Inline(buf, w.len());
        }
        Lower::Owned(w.to_lowercase())
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            // Only ASCII is stored inline.
            Lower::Inline(buf, n) => std::str::from_utf8(&buf[..*n]).unwrap_or_default(),
            Lower::Owned(s) => s,
        }
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

fn is_punct(body: &str, t: &Token, set: &[&str]) -> bool {
    t.kind == TokenKind::Punct && set.contains(&t.text(body))
}

const DASHES: &[&str] = &["\u{2014}", "\u{2013}", "-", "\u{2015}"];

/// The cue class of a token, if it is a cue verb. Only the word itself is checked; see
/// [`cue_at`] for the check in context.
fn cue_class(body: &str, t: &Token) -> Option<CueClass> {
    if t.kind != TokenKind::Word {
        return None;
    }
    cue::lookup(t.text(body)).map(|(c, _)| c)
}

/// The cue class of `toks[i]` in context: after a determiner it is a noun ("the report").
fn cue_at(body: &str, toks: &[Token], i: usize) -> Option<CueClass> {
    let class = cue_class(body, &toks[i])?;
    // A capital inside a sentence makes it a name ("the United States").
    if i > 0 && is_capitalized(toks[i].text(body)) {
        return None;
    }
    // After an article or a possessive the word is a noun (`the report`); after a number or a
    // quantifier it is a verb (`the three said`, `some argued`).
    let noun =
        i > 0 && toks[i - 1].kind == TokenKind::Word && is_article(&lower(body, &toks[i - 1]));
    // Bare forms that are mostly nouns (`Para state`, `a new report`) are verbs only after a
    // pronoun or an auxiliary (`we state`, `will report`).
    if cue::mostly_noun(&lower(body, &toks[i])) {
        let verb = i > 0
            && matches!(
                &*lower(body, &toks[i - 1]),
                "i" | "we"
                    | "you"
                    | "they"
                    | "to"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "should"
                    | "must"
                    | "may"
                    | "might"
                    | "did"
                    | "do"
                    | "does"
                    | "not"
            );
        if !verb {
            return None;
        }
    }
    (!noun).then_some(class)
}

/// Title case with no closing punctuation: a title or a name, not a sentence.
fn looks_like_title(text: &str) -> bool {
    let text = text.strip_suffix(',').unwrap_or(text);
    !text.ends_with(['.', '!', '?', '\u{2026}'])
        && text
            .split_whitespace()
            .filter(|w| w.chars().count() > 3)
            .all(is_capitalized)
}

/// A capitalised fragment that a speaker applies to something is their words, not a title:
/// `called the pageant winner "Miss Piggy"`, `hailed Trump as "The Comeback Kid"`, `rated it
/// "Mostly True"` (but not `on "The Apprentice"`).
fn named_by_cue(body: &str, all: &[Token], r: &Region) -> bool {
    let before = all.partition_point(|t| t.span.end <= r.open.start);
    let Some(prev) = before.checked_sub(1).map(|i| &all[i]) else {
        return false;
    };
    if cue_at(body, all, before - 1).is_some() {
        // `he called "..."`, but not `an alliance called "Viv Ansanm"` (a name given).
        return before >= 2 && {
            let subject = &all[before - 2];
            let sl = lower(body, subject);
            is_capitalized(subject.text(body)) || is_subject_pronoun(&sl)
        };
    }
    matches!(&*lower(body, prev), "as" | "it" | "him" | "her" | "them")
        && (before.saturating_sub(9)..before - 1).any(|i| {
            cue_at(body, all, i).is_some() || matches!(&*lower(body, &all[i]), "rated" | "rates")
        })
}

fn read_sentence(
    body: &str,
    paragraph: usize,
    s: Span,
    regs: &[Region],
    all: &[Token],
) -> Vec<Found> {
    let cover = Cover::new(regs.iter().map(Region::outer));
    let quoted = |t: &Token| cover.holds(t.span);
    // Classify regions: direct when they stand as sentences, partial inside the reporter's words.
    let mut direct: Vec<Region> = Vec::new();
    let mut partial: Vec<Region> = Vec::new();
    for r in regs {
        // Tokens are in order and do not overlap: the last one ending before the mark.
        let pi = all.partition_point(|t| t.span.end <= r.open.start);
        let prev = pi.checked_sub(1).map(|i| (i, &all[i]));
        let words = r.inner.text(body).split_whitespace().count();
        let first_lower = r
            .inner
            .text(body)
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        let is_direct = match prev {
            None => words >= 3 || r.inner.text(body).ends_with(['.', '!', '?', ',']),
            Some((_, p)) if quoted(p) => true,
            Some((_, p)) if p.kind == TokenKind::Punct => {
                let pt = p.text(body);
                if pt == ":" || DASHES.contains(&pt) || pt == "(" {
                    true
                } else if pt == "," {
                    !(first_lower && words < 4)
                } else {
                    words >= 3
                }
            }
            Some((pi, _)) => cue_at(body, all, pi).is_some() && !first_lower && words >= 3,
        };
        let is_direct = is_direct && !looks_like_title(r.inner.text(body));
        if is_direct {
            direct.push(*r);
        } else {
            partial.push(*r);
        }
    }
    // Scare quotes (`so-called "..."`) and titles (`on "Face the Nation"`) are nobody's words.
    partial.retain(|r| {
        // Only the end matters: lower-casing the whole sentence before each fragment made a
        // long sentence full of fragments quadratic. Only ASCII letters fold to these.
        let before = body[s.start..r.open.start].trim_end().as_bytes();
        let so_called =
            before.len() >= 9 && before[before.len() - 9..].eq_ignore_ascii_case(b"so-called");
        !so_called && (!looks_like_title(r.inner.text(body)) || named_by_cue(body, all, r))
    });
    let narrative: Vec<Token> = all.iter().filter(|t| !quoted(t)).copied().collect();
    // A sentence with no quotation and no cue says nothing attributable.
    if regs.is_empty()
        && !narrative
            .iter()
            .any(|t| t.kind == TokenKind::Word && may_attribute(t.text(body)))
    {
        return Vec::new();
    }
    let mut out = Vec::new();

    if !direct.is_empty() {
        // Attribution around the direct quotes.
        let first = direct[0];
        let lead: Vec<Token> = narrative
            .iter()
            .filter(|t| t.span.end <= first.open.start)
            .copied()
            .collect();
        let mut attribution = lead_attribution(body, &lead);
        let mut pieces: Vec<Vec<Token>> = Vec::new();
        for (k, r) in direct.iter().enumerate() {
            let end = direct.get(k + 1).map_or(s.end, |n| n.open.start);
            // Narrative tokens are in order: the ones between this quote and the next.
            let from = narrative.partition_point(|t| t.span.start < r.outer().end);
            let to = narrative.partition_point(|t| t.span.end <= end).max(from);
            pieces.push(narrative[from..to].to_vec());
        }
        let mut used_tail: Option<usize> = None;
        // A colon lead-in without a cue names the speaker only by default: `The statement
        // referenced ...: "...," the union wrote.` gives way to a tail with a cue.
        let cueless = attribution
            .as_ref()
            .is_some_and(|(_, cue)| cue.text(body) == ":");
        if attribution.is_none() || cueless {
            for (k, piece) in pieces.iter().enumerate() {
                if let Some(a) = tail_attribution(body, piece) {
                    attribution = Some(a);
                    used_tail = Some(k);
                    break;
                }
            }
        }
        let speaker = match &attribution {
            Some((m, cue)) => Attribution::Mention {
                mention: m.clone(),
                cue: Some(*cue),
            },
            None => Attribution::Inherit,
        };
        // Split quotes: "A," X said, "B." is one statement when A does not end a sentence.
        let mut k = 0;
        while k < direct.len() {
            let mut spans = vec![direct[k].inner];
            let a_text = direct[k].inner.text(body);
            let open_ended =
                a_text.ends_with(',') || !a_text.ends_with(['.', '!', '?', '\u{2026}']);
            if open_ended && used_tail == Some(k) && k + 1 < direct.len() {
                spans.push(direct[k + 1].inner);
                k += 1;
            }
            out.push(Found {
                kind: QuoteKind::Direct,
                spans: spans
                    .into_iter()
                    .map(|sp| trim_quote_punct(body, sp))
                    .collect(),
                speaker: speaker.clone(),
                paragraph,
            });
            k += 1;
        }
        // Reported speech in the tail: `"...," Peskov said, but added that ...`.
        if let Some(k) = used_tail {
            let piece = &pieces[k];
            if let Some((m, cue)) = &attribution {
                if let Some(content) = that_clause(body, piece, s, regs) {
                    let contained: Vec<&Region> = partial
                        .iter()
                        .filter(|r| content.start <= r.open.start && r.open.start < content.end)
                        .collect();
                    out.push(Found {
                        kind: if contained.is_empty() {
                            QuoteKind::Indirect
                        } else {
                            QuoteKind::Partial
                        },
                        spans: vec![content],
                        speaker: Attribution::Mention {
                            mention: m.clone(),
                            cue: Some(*cue),
                        },
                        paragraph,
                    });
                    partial
                        .retain(|r| !(content.start <= r.open.start && r.open.start < content.end));
                }
            }
        }
        for r in partial {
            if let Some((m, cue)) = &attribution {
                out.push(Found::fragment(body, &r, m.clone(), *cue, paragraph));
            }
        }
        return out;
    }

    // No direct quote: reported speech, possibly holding quoted fragments.
    let statements = reported(body, all, &narrative, s, regs);
    if !statements.is_empty() {
        let inside = |r: &Region, spans: &[Span]| {
            spans
                .iter()
                .any(|c| c.start <= r.open.start && r.open.start < c.end)
        };
        for (content, m, cue) in &statements {
            let holds_fragment = partial.iter().any(|r| inside(r, content));
            out.push(Found {
                kind: if holds_fragment {
                    QuoteKind::Partial
                } else {
                    QuoteKind::Indirect
                },
                spans: content.clone(),
                speaker: Attribution::Mention {
                    mention: m.clone(),
                    cue: Some(*cue),
                },
                paragraph,
            });
        }
        // Fragments outside every reported clause belong to the nearest statement before them.
        for r in partial
            .iter()
            .filter(|r| !statements.iter().any(|(c, _, _)| inside(r, c)))
        {
            let (_, m, cue) = statements
                .iter()
                .rev()
                .find(|(_, _, cue)| cue.start < r.open.start)
                .unwrap_or(&statements[0]);
            // A cue with its own subject closer to the fragment wins: `While he acknowledged
            // ..., Ham also noted several "intangibles" left him ...`.
            let closer = fragment_cue(body, &narrative, r.open.start)
                .filter(|(_, c)| c.start > cue.start && c.start < r.open.start);
            let (m, cue) = closer.unwrap_or((m.clone(), *cue));
            out.push(Found::fragment(body, r, m, cue, paragraph));
        }
        return out;
    }
    // `Caddell continued:` closing a paragraph: the quote in the next paragraph is his.
    if regs.is_empty()
        && narrative.last().is_some_and(|t| is_punct(body, t, &[":"]))
        && (0..narrative.len()).any(|i| cue_at(body, &narrative, i).is_some())
    {
        if let Some((mention, cue)) = lead_attribution(body, &narrative) {
            return vec![Found {
                kind: QuoteKind::Direct,
                spans: Vec::new(),
                speaker: Attribution::Mention {
                    mention,
                    cue: Some(cue),
                },
                paragraph,
            }];
        }
    }
    // Fragments quoted in a sentence whose subject speaks: `called it "..."`.
    if !partial.is_empty() {
        // The nearest cue with its own subject before each fragment, else the sentence's.
        let subject = speaking_subject(body, &narrative);
        partial.retain(|r| {
            let Some((m, cue)) = fragment_cue(body, &narrative, r.open.start) else {
                return true;
            };
            out.push(Found::fragment(body, r, m, cue, paragraph));
            false
        });
        let speaker = match subject {
            Some((m, cue)) => Attribution::Mention {
                mention: m,
                cue: Some(cue),
            },
            // `In his view, the reform "goes in the right direction"`: the paragraph's
            // speaker goes on.
            None => Attribution::InheritInParagraph,
        };
        for r in partial {
            out.push(Found {
                kind: QuoteKind::Partial,
                spans: vec![trim_quote_punct(body, r.inner)],
                speaker: speaker.clone(),
                paragraph,
            });
        }
    }
    out
}

/// The named owner of the speech noun at `ci`: `Donald Trump's claim that ...` is Trump's.
fn owner_of(body: &str, narrative: &[Token], ci: usize) -> Option<Mention> {
    let last = narrative[..ci].last()?;
    let text = last.text(body);
    let stem = text
        .strip_suffix("'s")
        .or_else(|| text.strip_suffix("\u{2019}s"))?;
    if last.kind != TokenKind::Word || !is_capitalized(stem) {
        return None;
    }
    let start = narrative[..ci - 1]
        .iter()
        .rposition(|t| t.kind != TokenKind::Word || !is_capitalized(t.text(body)))
        .map_or(0, |i| i + 1)
        .max(ci.saturating_sub(4));
    let mut toks: Vec<Token> = narrative[start..ci].to_vec();
    let end = toks.len() - 1;
    toks[end].span = Span::new(last.span.start, last.span.start + stem.len());
    let m = actor::parse_mention(body, &toks)?;
    m.name.is_some().then_some(m)
}

/// The nearest finite cue before byte `at` (a few words back) with a speaker, not a pronoun,
/// right before it: `Ham also noted several "intangibles"`. The sentence subject keeps
/// `what it called "..."`, `what Turnbull called "..."` and `a statement calling "..."`.
fn fragment_cue(body: &str, narrative: &[Token], at: usize) -> Option<(Mention, Span)> {
    let end = narrative.partition_point(|t| t.span.end <= at);
    (end.saturating_sub(6)..end).rev().find_map(|ci| {
        cue_at(body, narrative, ci)?;
        if lower(body, &narrative[ci]).ends_with("ing") {
            return None;
        }
        let r = np_before(body, narrative, ci, 0)?;
        let relative = r.0 > 0
            && matches!(
                &*lower(body, &narrative[r.0 - 1]),
                "what" | "which" | "as" | "that" | "who"
            );
        let m = mention_of(body, narrative, r).filter(|m| m.pronoun.is_none() && !relative)?;
        Some((m, narrative[ci].span))
    })
}

/// Drops a trailing comma left inside the marks (`"We agree,"`), which is not the speaker's.
fn trim_quote_punct(body: &str, sp: Span) -> Span {
    let t = sp.text(body);
    if t.ends_with(',') && t.len() > 1 {
        marks::trim(body, Span::new(sp.start, sp.end - 1))
    } else {
        sp
    }
}

/// A speaker phrase ending at token index `end` (exclusive), walking back to `floor`.
///
/// Between commas the phrase may hold appositions in either order (`Pavel Kuzmin, the deputy
/// minister,` / `the EU's envoy, Henrik Aalto,`) and asides that are skipped (`Ana Ruiz, who
/// led the talks, said`; `Gulnara Abdykadyrova, 54, told`).
fn np_before(body: &str, toks: &[Token], end: usize, floor: usize) -> Option<(usize, usize)> {
    let mut k = end;
    // `Ryan (R-Wis.) said`: the label belongs to the name before it.
    if k > floor && toks[k - 1].text(body) == ")" {
        if let Some(open) = (floor..k - 1)
            .rev()
            .take(8)
            .find(|&i| toks[i].text(body) == "(")
        {
            k = open;
        }
    }
    while k > floor && toks[k - 1].kind == TokenKind::Word && is_adverbial(toks[k - 1].text(body)) {
        k -= 1;
    }
    let chained = k > floor && is_punct(body, &toks[k - 1], &[","]);
    let mut seg_end = if chained { k - 1 } else { k };
    let mut range: Option<(usize, usize)> = None;
    for round in 0..4 {
        if seg_end <= floor {
            break;
        }
        let seg_start = (floor..seg_end)
            .rev()
            .find(|&i| is_punct(body, &toks[i], &[","]))
            .map_or(floor, |c| c + 1);
        let parsed = collect_np_back(body, toks, seg_end, seg_start);
        let full = parsed == Some(seg_start);
        if round == 0 && !chained {
            // The phrase right before the cue: its noun-phrase tail, or the noun phrase
            // before a relative clause (`The minister who chairs the dialogue said`).
            let relative = || {
                let w = (seg_start..seg_end)
                    .rev()
                    .take(10)
                    .find(|&i| matches!(&*lower(body, &toks[i]), "who" | "which"))?;
                collect_np_back(body, toks, w, seg_start).map(|s| (s, w))
            };
            let Some(s) = parsed else {
                return relative();
            };
            range = Some((s, seg_end));
            if !full {
                break;
            }
        } else if full && !is_aside(body, &toks[seg_start..seg_end]) {
            range = Some((seg_start, range.map_or(seg_end, |r| r.1)));
        } else if range.is_some() {
            // A phrase that is neither a name nor an aside ends the speaker phrase.
            if !is_aside(body, &toks[seg_start..seg_end]) {
                break;
            }
        }
        if seg_start == floor || !is_punct(body, &toks[seg_start - 1], &[","]) {
            break;
        }
        seg_end = seg_start - 1;
    }
    range
}

/// An aside between commas: a relative clause, an age, a time or place adverbial.
fn is_aside(body: &str, seg: &[Token]) -> bool {
    let Some(first) = seg.first() else {
        return true;
    };
    let fl = lower(body, first);
    opens_aside(&fl)
        || (fl.ends_with("ing") && !is_capitalized(first.text(body)))
        || seg
            .iter()
            .all(|t| t.text(body).chars().all(|c| c.is_ascii_digit()))
        || seg
            .iter()
            .any(|t| matches!(&*lower(body, t), "who" | "which" | "whose" | "whom"))
}

/// Collects a noun phrase backwards from `end` (exclusive) down to `floor`; returns its start.
fn collect_np_back(body: &str, toks: &[Token], end: usize, floor: usize) -> Option<usize> {
    if end <= floor {
        return None;
    }
    let head = &toks[end - 1];
    let hl = lower(body, head);
    if head.kind != TokenKind::Word {
        return None;
    }
    if is_subject_pronoun(&hl) || pronoun_contraction(&hl) > 0 {
        return Some(end - 1);
    }
    let head_ok = is_capitalized(head.text(body)) || is_speaker_noun(&hl);
    if !head_ok {
        return determined_np_back(body, toks, end, floor);
    }
    if is_capitalized(head.text(body)) && actor::normalize(head.text(body)).is_empty() {
        return None;
    }
    let mut k = end - 1;
    // Lower-case words of unknown class are taken on trust and dropped again if nothing that
    // begins a noun phrase comes before them ("the Iraqi water resources ministry").
    let mut tentative = 0;
    while k > floor {
        let t = &toks[k - 1];
        let tx = t.text(body);
        let tl = tx.to_lowercase();
        if tx == ")" {
            // A party and state after a name: `Sen. Claire McCaskill (D-Mo.)`.
            match (floor..k - 1)
                .rev()
                .take(8)
                .find(|&i| toks[i].text(body) == "(")
            {
                Some(open) => {
                    k = open;
                    continue;
                }
                None => break,
            }
        }
        let ok = if t.kind == TokenKind::Punct {
            tx == "."
                && k >= 2
                && toks[k - 2].span.end == t.span.start
                && toks[k - 2].text(body).len() <= 3
        } else if is_capitalized(tx) {
            !starts_no_name(&tl)
        } else if matches!(tl.as_str(), "of" | "for" | "in" | "to" | "at") {
            k >= 2 && {
                let before = lower(body, &toks[k - 2]);
                (is_capitalized(toks[k - 2].text(body)) && tl == "of")
                    || is_title(&before)
                    || is_speaker_noun(&before)
            }
        } else if is_determiner(&tl) {
            true
        } else if is_title(&tl)
            || is_speaker_noun(&tl)
            || tl.ends_with("'s")
            || tl.ends_with("\u{2019}s")
            || is_nominal_modifier(&tl)
        {
            tentative = 0;
            true
        } else {
            let take = tentative < 2
                && !actor::is_function_word(tx)
                && !is_adverbial(tx)
                && cue::lookup(tx).is_none();
            if take {
                tentative += 1;
            }
            take
        };
        if !ok {
            break;
        }
        if t.kind == TokenKind::Word && (is_capitalized(tx) || is_determiner(&tl)) {
            tentative = 0;
        }
        k -= 1;
        let quantifier = matches!(
            tl.as_str(),
            "two" | "three" | "several" | "some" | "many" | "other" | "one"
        );
        if t.kind == TokenKind::Word && is_determiner(&tl) && !quantifier {
            // `director of the Alliance`: a determiner after `of` goes on.
            let goes_on = k >= floor + 2
                && matches!(&*lower(body, &toks[k - 1]), "of" | "for" | "in")
                && (is_title(&lower(body, &toks[k - 2]))
                    || is_speaker_noun(&lower(body, &toks[k - 2])));
            if !goes_on {
                break;
            }
        }
    }
    let k = k + tentative;
    (k < end).then_some(k)
}

/// A noun phrase whose head is in no word list but which a determiner or an owner opens:
/// `the ad's narrator`, `one questioner`, `the 34-year-old mother of three`, `Obama's former
/// campaign strategist`. Any such subject of a speech verb is its source, whatever the noun.
/// Returns the phrase's start, walking back from `end` (exclusive) no further than `floor`.
fn determined_np_back(body: &str, toks: &[Token], end: usize, floor: usize) -> Option<usize> {
    const MAX_WORDS: usize = 7;
    if end <= floor || end > toks.len() {
        return None;
    }
    let plain = |i: usize| {
        let t = &toks[i];
        let tx = t.text(body);
        t.kind == TokenKind::Word
            && !is_capitalized(tx)
            && !actor::is_function_word(tx)
            && !is_adverbial(tx)
            && !tx.ends_with("ly")
            && cue::lookup(tx).is_none()
    };
    let head = end - 1;
    let counted = |i: usize| toks[i].text(body).chars().any(char::is_alphabetic);
    // `mother of three`: a number after `of` ends the phrase; the noun before it heads it.
    let mut k = head;
    let number = |w: &str| {
        w.chars().all(|c| c.is_ascii_digit())
            || matches!(
                &*w.to_lowercase(),
                "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
            )
    };
    if number(toks[head].text(body)) || !counted(head) {
        let of = head.checked_sub(1).filter(|&o| o > floor)?;
        if lower(body, &toks[of]) != "of" {
            return None;
        }
        k = of;
    } else if !plain(head) || toks[head].text(body).chars().count() < 3 {
        return None;
    }
    // A bare cue form after an unknown word is a noun as often as a verb (`struck a cautious
    // note`); it is a verb after a plural subject only (`the organisers say`).
    // The verb must follow the phrase: after a comma it heads an aside (`The project,
    // nicknamed ...`, `The draft, put forward by ...`).
    if toks.get(end).is_some_and(|t| is_punct(body, t, &[","])) {
        return None;
    }
    let hl = lower(body, &toks[head]);
    let plural = hl.ends_with('s') && !hl.ends_with("ss") && !hl.ends_with("us");
    let next = (end..toks.len())
        .find(|&i| !(toks[i].kind == TokenKind::Word && is_adverbial(toks[i].text(body))));
    let cue = next.and_then(|i| {
        let l = lower(body, &toks[i]);
        cue::lookup(&l).map(|(class, base)| (class, base == &*l))
    });
    match cue {
        Some((_, true)) if !plural => return None,
        // Naming verbs take any subject (`a section locals call "the zipper line"`): only
        // a known speaker makes their object someone's words.
        Some((CueClass::QuoteOnly, _)) => return None,
        _ => {}
    }
    // The phrase must open its clause: after a word it is that word's object (`the minister
    // who chairs the dialogue said`).
    let opens_clause = |i: usize| {
        i == floor
            || toks[i - 1].kind == TokenKind::Punct
            || matches!(
                &*lower(body, &toks[i - 1]),
                "and" | "but" | "then" | "so" | "while" | "when" | "as" | "because" | "after"
            )
    };
    let mut words = 0;
    while k > floor && words < MAX_WORDS {
        let i = k - 1;
        let t = &toks[i];
        let tx = t.text(body);
        let tl = tx.to_lowercase();
        if t.kind == TokenKind::Punct {
            // Only a hyphen joining two words: `34-year-old`.
            let joined = tx == "-"
                && i > floor
                && toks[i - 1].span.end == t.span.start
                && t.span.end == toks[i + 1].span.start;
            if !joined {
                return None;
            }
            k = i;
            continue;
        }
        let possessive = tl.ends_with("'s") || tl.ends_with("\u{2019}s");
        if is_article(&tl) || tl == "one" {
            return opens_clause(i).then_some(i);
        }
        if possessive {
            // The owner: `the ad's`, `Barack Obama's`.
            let mut s = i;
            while s > floor && {
                let p = toks[s - 1].text(body);
                toks[s - 1].kind == TokenKind::Word
                    && (is_capitalized(p) || matches!(&*p.to_lowercase(), "the" | "a" | "an"))
                    && !starts_no_name(&p.to_lowercase())
            } {
                s -= 1;
                if matches!(&*lower(body, &toks[s]), "the" | "a" | "an") {
                    break;
                }
            }
            return opens_clause(s).then_some(s);
        }
        let ok = if is_capitalized(tx) {
            !starts_no_name(&tl) && !actor::is_function_word(tx)
        } else {
            plain(i) || tx.chars().all(|c| c.is_ascii_digit())
        };
        if !ok {
            return None;
        }
        if counted(i) {
            words += 1;
        }
        k = i;
    }
    None
}

/// Capitalised at a sentence start, these words begin a clause or an adverbial, not a name.
fn starts_no_name(lower: &str) -> bool {
    matches!(
        lower,
        "according"
            | "but"
            | "and"
            | "as"
            | "while"
            | "when"
            | "if"
            | "in"
            | "on"
            | "at"
            | "after"
            | "before"
            | "asked"
            | "speaking"
            | "so"
            | "yet"
            | "then"
            | "following"
            | "with"
            | "only"
            | "for"
            | "from"
            | "by"
            | "during"
            | "despite"
            | "among"
            | "like"
            | "unlike"
            | "since"
            | "because"
            | "although"
            | "though"
            | "until"
            | "unless"
            | "once"
            | "even"
            | "still"
            | "also"
            | "however"
            | "meanwhile"
            | "now"
            | "later"
            | "earlier"
            | "last"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "here"
            | "what"
            | "why"
            | "how"
            | "where"
            | "yes"
            | "no"
            | "not"
            | "instead"
            | "indeed"
            | "perhaps"
            | "asked about"
    )
}

/// Lower-case words that modify a speaker noun: "a senior official", "the Russian president".
fn is_nominal_modifier(lower: &str) -> bool {
    matches!(
        lower,
        "senior"
            | "top"
            | "former"
            | "current"
            | "deputy"
            | "chief"
            | "foreign"
            | "defence"
            | "defense"
            | "interior"
            | "government"
            | "administration"
            | "campaign"
            | "western"
            | "european"
            | "local"
            | "regional"
            | "military"
            | "security"
            | "intelligence"
            | "police"
            | "party"
            | "opposition"
            | "ruling"
            | "state"
            | "ministry"
            | "other"
            | "several"
            | "two"
            | "three"
            | "many"
            | "some"
            | "anonymous"
            | "unnamed"
            | "high-ranking"
            | "senior-level"
            | "press"
            | "white"
            | "house"
            | "trade"
            | "un"
            | "eu"
            | "us"
            | "u.s"
            | "new"
            | "acting"
            | "outgoing"
            | "incoming"
            | "prime"
            | "vice"
            | "assistant"
            | "general"
            | "special"
            | "permanent"
            | "national"
            | "federal"
            | "provincial"
            | "district"
            | "union"
            | "labour"
            | "labor"
            | "business"
            | "human"
            | "rights"
            | "aid"
            | "humanitarian"
            | "relief"
            | "health"
            | "finance"
            | "economy"
            | "energy"
    )
}

/// A speaker phrase starting at token index `start`, going forward (post-posed speakers:
/// `said Putin`, `said the deputy minister, Pavel Kuzmin`).
fn np_after(body: &str, toks: &[Token], start: usize) -> Option<(usize, usize)> {
    let mut k = start;
    let mut seen_head = false;
    while k < toks.len() {
        let t = &toks[k];
        let tx = t.text(body);
        let tl = tx.to_lowercase();
        if tx == "(" && seen_head {
            // `said Rep. Jim Jordan (R-Ohio)`.
            if let Some(close) = (k + 1..toks.len())
                .take(8)
                .find(|&i| toks[i].text(body) == ")")
            {
                k = close + 1;
                continue;
            }
        }
        let ok = if t.kind == TokenKind::Punct {
            tx == "."
                && k > start
                && toks[k - 1].span.end == t.span.start
                && toks[k - 1].text(body).len() <= 3
                && toks
                    .get(k + 1)
                    .is_some_and(|n| is_capitalized(n.text(body)))
        } else if is_capitalized(tx) {
            !(seen_head && is_adverbial(tx))
        } else if k == start && matches!(tl.as_str(), "he" | "she" | "they" | "it" | "we") {
            // `"...," said he.` but not `said it was "resolutely opposed"`, where the pronoun
            // opens the reported clause.
            let ends = toks.get(k + 1).is_none_or(|n| n.kind == TokenKind::Punct);
            return ends.then_some((k, k + 1));
        } else {
            is_determiner(&tl)
                || is_title(&tl)
                || is_speaker_noun(&tl)
                || is_nominal_modifier(&tl)
                || (matches!(tl.as_str(), "of" | "for" | "in" | "at")
                    && seen_head
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| is_capitalized(n.text(body)) || lower(body, n) == "the"))
                || tl.ends_with("'s")
                || tl.ends_with("\u{2019}s")
        };
        if !ok {
            break;
        }
        if t.kind == TokenKind::Word && (is_capitalized(tx) || is_speaker_noun(&tl)) {
            seen_head = true;
        }
        k += 1;
    }
    // Include a following name apposition: `said the deputy minister, Pavel Kuzmin`.
    if seen_head
        && k + 1 < toks.len()
        && is_punct(body, &toks[k], &[","])
        && is_capitalized(toks[k + 1].text(body))
        && !is_capitalized(toks[k - 1].text(body))
    {
        if let Some((_, e)) = np_after(body, toks, k + 1) {
            if (k + 1..e)
                .all(|i| toks[i].kind == TokenKind::Word && is_capitalized(toks[i].text(body)))
            {
                return Some((start, e));
            }
        }
    }
    while k > start
        && toks[k - 1].kind == TokenKind::Word
        && !is_capitalized(toks[k - 1].text(body))
        && !is_speaker_noun(&lower(body, &toks[k - 1]))
    {
        k -= 1;
    }
    (seen_head && k > start).then_some((start, k))
}

/// Like [`np_after`], and also a name after lower-case descriptors, which are left out of the
/// mention: `said 9/11 widow Terry Strada`, `according to conservative talk radio host Rush
/// Limbaugh`.
fn np_after_described(body: &str, toks: &[Token], start: usize) -> Option<(usize, usize)> {
    if let Some(r) = np_after(body, toks, start) {
        return Some(r);
    }
    let mut k = start;
    while k < toks.len() && k - start < 6 {
        let t = &toks[k];
        let tx = t.text(body);
        if is_capitalized(tx) {
            break;
        }
        let tl = lower(body, t);
        let descriptor = (t.kind == TokenKind::Word
            && !actor::is_function_word(&tl)
            && !is_subject_pronoun(&tl)
            && tl != "you"
            && cue::lookup(&tl).is_none())
            || (k > start && matches!(tx, "/" | "-"));
        if !descriptor {
            return None;
        }
        k += 1;
    }
    if k == start || k >= toks.len() || !is_capitalized(toks[k].text(body)) {
        return None;
    }
    let (_, e) = np_after(body, toks, k)?;
    // A name of two capitalised words at least, so a sentence's next word is not taken.
    (e - k >= 2
        && toks[k..e]
            .iter()
            .all(|t| t.kind == TokenKind::Word && is_capitalized(t.text(body))))
    .then_some((k, e))
}

/// The length of the pronoun in `he's`, `she’s`, `they're`, `it's` (0 for any other word):
/// `He's claiming that ...`.
fn pronoun_contraction(lower: &str) -> usize {
    for p in ["he", "she", "they", "it", "we"] {
        if let Some(rest) = lower.strip_prefix(p) {
            if matches!(rest, "'s" | "\u{2019}s" | "'re" | "\u{2019}re") {
                return p.len();
            }
        }
    }
    0
}

fn mention_of(body: &str, toks: &[Token], range: (usize, usize)) -> Option<Mention> {
    if range.1 == range.0 + 1 {
        let t = toks[range.0];
        let n = pronoun_contraction(&lower(body, &t));
        if n > 0 {
            let pronoun = Token {
                span: Span::new(t.span.start, t.span.start + n),
                kind: TokenKind::Word,
            };
            return actor::parse_mention(body, &[pronoun]);
        }
    }
    let m = actor::parse_mention(body, &toks[range.0..range.1])?;
    // A bare common noun phrase with no name, title or speaker noun cannot speak.
    if m.name.is_none() && m.pronoun.is_none() {
        // "officials in Hargeisa", "minister for the Pacific": any word may be the head.
        let role = m.role.as_deref().unwrap_or("");
        let known = role
            .split_whitespace()
            .any(|w| is_speaker_noun(&w.to_lowercase()));
        if !known && determined_np_back(body, toks, range.1, range.0) != Some(range.0) {
            return None;
        }
    }
    Some(m)
}

/// `X said: "..."`, `X said, "..."`, `According to X, "..."`, `X struck a cautious note: "..."`.
fn lead_attribution(body: &str, lead: &[Token]) -> Option<(Mention, Span)> {
    let last = lead.last()?;
    let lt = last.text(body);
    let ends_open =
        matches!(lt, ":" | ",") || cue_class(body, last).is_some() || DASHES.contains(&lt);
    if !ends_open {
        return None;
    }
    if let Some(a) = according_to(body, lead, 0) {
        return Some(a);
    }
    // The cue nearest the quote.
    let ci = (0..lead.len())
        .rev()
        .find(|&i| cue_at(body, lead, i).is_some());
    if let Some(ci) = ci {
        if lead.len() - ci <= 8 {
            if let Some(r) = np_before(body, lead, ci, 0) {
                if let Some(m) = mention_of(body, lead, r) {
                    if m.pronoun.is_some() {
                        if let Some(outer) = reporting_subject(body, lead, r.0) {
                            return Some(outer);
                        }
                    }
                    return Some((m, lead[ci].span));
                }
            }
            // `said Putin:` / post-posed in the lead.
            if let Some(r) = np_after_described(body, lead, ci + 1) {
                if let Some(m) = mention_of(body, lead, r) {
                    return Some((m, lead[ci].span));
                }
            }
            // `Trump attacked Clinton ..., saying, "..."`: the sentence's subject speaks.
            if lower(body, &lead[ci]).ends_with("ing") && ci > 0 {
                if let Some(r) = sentence_subject(body, &lead[..ci]) {
                    if let Some(m) = mention_of(body, lead, r) {
                        return Some((m, lead[ci].span));
                    }
                }
            }
        }
    }
    // A quote closing a reported clause: `X acknowledged that there are still "some people"
    // who feel that way, "but not among the vast majority."` The sentence's first cue with a
    // speaker before it attributes the whole sentence.
    if lt == "," && lead.len() <= 40 {
        for ci in (0..lead.len()).filter(|&i| cue_at(body, lead, i).is_some()) {
            if let Some(m) = np_before(body, lead, ci, 0).and_then(|r| mention_of(body, lead, r)) {
                return Some((m, lead[ci].span));
            }
        }
    }
    // A colon lead-in without a cue: the sentence's subject speaks.
    if lt == ":" {
        let r = sentence_subject(body, lead)?;
        let m = mention_of(body, lead, r)?;
        return Some((m, last.span));
    }
    None
}

/// `Lynch said she recalled thinking, "..."`: a pronoun subject right after a reporting verb
/// (and `that`) is that verb's named subject, who is the one reported; returns them and the
/// outer cue.
fn reporting_subject(body: &str, toks: &[Token], pronoun: usize) -> Option<(Mention, Span)> {
    let mut ci = pronoun.checked_sub(1)?;
    if lower(body, &toks[ci]) == "that" {
        ci = ci.checked_sub(1)?;
    }
    if cue_at(body, toks, ci) != Some(CueClass::Say) {
        return None;
    }
    let r = np_before(body, toks, ci, 0)?;
    let m = mention_of(body, toks, r)?;
    m.name.is_some().then_some((m, toks[ci].span))
}

/// Verbs of colon lead-ins that end a subject (`the government struck a conciliatory tone:`).
fn is_lead_verb(lower: &str) -> bool {
    matches!(
        lower,
        "struck"
            | "sounded"
            | "offered"
            | "took"
            | "gave"
            | "made"
            | "put"
            | "spoke"
            | "had"
            | "was"
            | "were"
            | "is"
            | "has"
            | "kept"
            | "set"
            | "chose"
            | "went"
            | "sent"
            | "issued"
            | "released"
            | "posted"
    )
}

/// Words that open a fronted phrase before the subject: `At a rally, Trump ...`.
fn opens_fronted_phrase(lower: &str) -> bool {
    matches!(
        lower,
        "at" | "in"
            | "on"
            | "during"
            | "after"
            | "before"
            | "earlier"
            | "later"
            | "last"
            | "speaking"
            | "meanwhile"
            | "separately"
            | "however"
            | "yesterday"
            | "today"
            | "since"
            | "while"
            | "when"
            | "asked"
            | "instead"
            | "still"
            | "then"
            | "although"
            | "though"
            | "because"
            | "if"
            | "despite"
            | "amid"
            | "following"
            | "once"
            | "unless"
            | "with"
    )
}

/// The sentence's subject, also after a fronted phrase closed by a comma
/// (`At a rally, Trump likened ...`, `During a speech earlier in the day, Trump ...`).
fn sentence_subject(body: &str, toks: &[Token]) -> Option<(usize, usize)> {
    let first = toks.first()?;
    let fl = lower(body, first);
    // `Claiming the criticism is unfair, Trump told Fox ...`: a participle phrase.
    let participle = fl.ends_with("ing") && cue::lookup(&fl).is_some();
    if first.kind == TokenKind::Word && (opens_fronted_phrase(&fl) || participle) {
        // The subject follows one of the phrase's commas (`Following a swiftly called,
        // late-afternoon meeting, the Security Council issued ...`).
        return (1..toks.len().min(24))
            .filter(|&i| is_punct(body, &toks[i], &[","]))
            .find_map(|comma| {
                let next = toks.get(comma + 1)?;
                if matches!(&*lower(body, next), "he" | "she" | "it" | "they" | "we") {
                    return Some((comma + 1, comma + 2));
                }
                let (a, b) = subject_np(body, &toks[comma + 1..])?;
                Some((a + comma + 1, b + comma + 1))
            });
    }
    subject_np(body, toks)
}

/// The subject noun phrase at the start of a sentence, with its appositions:
/// `The Commission's spokeswoman, Ines Ferraz, struck a careful note:`.
fn subject_np(body: &str, toks: &[Token]) -> Option<(usize, usize)> {
    let mut k = 0;
    // Lower-case words of unknown class right after a determiner ("A fisherman, ...").
    let mut after_det = 0;
    while k < toks.len() {
        let t = &toks[k];
        let tx = t.text(body);
        let tl = tx.to_lowercase();
        if t.kind == TokenKind::Word && is_determiner(&tl) {
            after_det = 2;
        } else if after_det > 0
            && t.kind == TokenKind::Word
            && !is_capitalized(tx)
            && !is_lead_verb(&tl)
            // A speaker noun ends the phrase: `The leaders used ...`.
            && (k == 0 || !is_speaker_noun(&lower(body, &toks[k - 1])))
            && !actor::is_function_word(&tl)
            && !is_adverbial(&tl)
            && cue::lookup(&tl).is_none()
            && toks
                .get(k + 1)
                .is_some_and(|n| is_punct(body, n, &[","]) || n.kind == TokenKind::Word)
        {
            after_det -= 1;
            k += 1;
            continue;
        } else {
            after_det = 0;
        }
        let ok = match t.kind {
            TokenKind::Punct => {
                tx == ","
                    || (tx == "."
                        && k > 0
                        && toks[k - 1].span.end == t.span.start
                        && toks[k - 1].text(body).len() <= 3)
            }
            TokenKind::Word => {
                (is_capitalized(tx) && !(k > 0 && is_adverbial(tx)) && !starts_no_name(&tl))
                    || is_determiner(&tl)
                    || is_title(&tl)
                    || is_speaker_noun(&tl)
                    || is_nominal_modifier(&tl)
                    || tl.ends_with("'s")
                    || tl.ends_with("\u{2019}s")
                    || (matches!(tl.as_str(), "of" | "for" | "in" | "at" | "to") && k > 0 && {
                        let prev = toks[k - 1].text(body);
                        is_capitalized(prev) || is_speaker_noun(&prev.to_lowercase())
                    })
            }
        };
        if !ok || matches!(tl.as_str(), "who" | "which") {
            break;
        }
        k += 1;
    }
    // Cut an aside that begins inside the phrase, then trailing commas.
    if k < toks.len() && matches!(&*lower(body, &toks[k]), "who" | "which") {
        k = toks[..k].iter().rposition(|t| is_punct(body, t, &[","]))?;
    }
    while k > 0 && toks[k - 1].kind == TokenKind::Punct {
        k -= 1;
    }
    (k > 0).then_some((0, k))
}

/// `"...," X said`, `"...," said X`, `"..." — X`, `"...," according to X`.
fn tail_attribution(body: &str, piece: &[Token]) -> Option<(Mention, Span)> {
    let mut i = 0;
    while i < piece.len() && is_punct(body, &piece[i], &[","]) {
        i += 1;
    }
    if i < piece.len() && is_punct(body, &piece[i], DASHES) {
        let r = np_after(body, piece, i + 1)?;
        let m = mention_of(body, piece, r)?;
        return Some((m, piece[i].span));
    }
    if let Some(a) = according_to(body, piece, i) {
        return Some(a);
    }
    // The cue must be close to the quote (a name with a long apposition may stand between).
    let ci = (i..piece.len().min(i + 30)).find(|&k| cue_at(body, piece, k).is_some())?;
    if ci == i {
        let r = np_after_described(body, piece, ci + 1)?;
        let m = mention_of(body, piece, r)?;
        return Some((m, piece[ci].span));
    }
    let r = np_before(body, piece, ci, i)?;
    let m = mention_of(body, piece, r)?;
    Some((m, piece[ci].span))
}

/// Extends a name with the lower-case nouns that finish it before a comma or the end:
/// `according to the Philippine coast guard,`, `the United Nations refugee agency`.
fn with_noun_tail(body: &str, toks: &[Token], r: (usize, usize)) -> (usize, usize) {
    let mut e = r.1;
    while e < toks.len() && e - r.1 < 3 {
        let t = &toks[e];
        let tl = lower(body, t);
        if t.kind != TokenKind::Word
            || is_capitalized(t.text(body))
            || actor::is_function_word(&tl)
            || cue::lookup(&tl).is_some()
        {
            break;
        }
        e += 1;
    }
    let closes = toks
        .get(e)
        .is_none_or(|t| is_punct(body, t, &[",", ".", ";"]));
    if e > r.1 && closes && is_speaker_noun(&lower(body, &toks[e - 1])) {
        (r.0, e)
    } else {
        r
    }
}

/// `according to X` starting at or after `from`.
fn according_to(body: &str, toks: &[Token], from: usize) -> Option<(Mention, Span)> {
    let k = (from..toks.len().saturating_sub(1))
        .find(|&k| lower(body, &toks[k]) == "according" && lower(body, &toks[k + 1]) == "to")?;
    let r = with_noun_tail(body, toks, np_after_described(body, toks, k + 2)?);
    let m = mention_of(body, toks, r)?;
    Some((m, Span::new(toks[k].span.start, toks[k + 1].span.end)))
}

/// Sentence content without a final period, trimmed.
fn content_span(body: &str, start: usize, end: usize) -> Span {
    let mut sp = marks::trim(body, Span::new(start, end));
    let t = sp.text(body);
    let trimmed = t.trim_end_matches(['.', ',', ';', ':']);
    sp.end = sp.start + trimmed.len();
    marks::trim(body, sp)
}

/// `... added that CLAUSE` in a narrative piece: the clause to the sentence end.
fn that_clause(body: &str, piece: &[Token], s: Span, _regs: &[Region]) -> Option<Span> {
    let ci = (0..piece.len()).find(|&i| cue_at(body, piece, i).is_some())?;
    let rest = &piece[ci + 1..];
    let that = rest.iter().take(8).position(|t| lower(body, t) == "that")?;
    let start = rest.get(that + 1)?.span.start;
    let c = content_span(body, start, s.end);
    (c.text(body).split_whitespace().count() >= 3).then_some(c)
}

/// A reported statement: its content spans, the speaker phrase and the cue.
type Reported = (Vec<Span>, Mention, Span);

/// Reported speech in a sentence with no direct quote.
fn reported(
    body: &str,
    all: &[Token],
    narrative: &[Token],
    s: Span,
    regs: &[Region],
) -> Vec<Reported> {
    if narrative.len() < 4 {
        return Vec::new();
    }
    let has_according = narrative
        .windows(2)
        .any(|w| lower(body, &w[0]) == "according" && lower(body, &w[1]) == "to");
    if has_according {
        return according_clause(body, narrative, s).into_iter().collect();
    }
    if let Some(r) = clause_then_attribution(body, narrative, s) {
        return vec![r];
    }
    cue_then_clause(body, all, narrative, s, regs)
}

/// `according to X, CLAUSE` / `CLAUSE, according to X.`
fn according_clause(body: &str, narrative: &[Token], s: Span) -> Option<Reported> {
    let n = narrative.len();
    // according to X, CLAUSE / CLAUSE, according to X.
    let k = (0..n - 1).find(|&k| {
        lower(body, &narrative[k]) == "according" && lower(body, &narrative[k + 1]) == "to"
    })?;
    let r = with_noun_tail(body, narrative, np_after_described(body, narrative, k + 2)?);
    let m = mention_of(body, narrative, r)?;
    let cue = Span::new(narrative[k].span.start, narrative[k + 1].span.end);
    let after = narrative.get(r.1);
    // `according to X, CLAUSE` unless X ends the sentence (`CLAUSE, according to X.`).
    let ends = after.is_none_or(|t| is_punct(body, t, &[".", "!", "?"]));
    let leading = !ends && (k <= 2 || (k > 0 && is_punct(body, &narrative[k - 1], &[","])));
    let content = if leading {
        let mut comma = (r.1..n).find(|&i| is_punct(body, &narrative[i], &[","]))?;
        // `according to Parisa Nouri, a researcher at a think tank, neither side ...`: an
        // apposition (a determiner, no verb) before the second comma is the speaker's.
        if let Some(second) =
            (comma + 1..n.min(comma + 16)).find(|&i| is_punct(body, &narrative[i], &[","]))
        {
            let seg = &narrative[comma + 1..second];
            let verbless = seg.iter().all(|t| {
                let l = lower(body, t);
                !(l.ends_with("ed")
                    || cue::lookup(&l).is_some()
                    || matches!(
                        &*l,
                        "is" | "was"
                            | "are"
                            | "were"
                            | "will"
                            | "would"
                            | "can"
                            | "could"
                            | "has"
                            | "had"
                            | "have"
                            | "must"
                            | "should"
                            | "may"
                            | "might"
                    ))
            });
            if verbless
                && seg
                    .first()
                    .is_some_and(|t| matches!(&*lower(body, t), "a" | "an" | "the"))
            {
                comma = second;
            }
        }
        content_span(body, narrative.get(comma + 1)?.span.start, s.end)
    } else if ends {
        let before = narrative[..k]
            .iter()
            .rposition(|t| !is_punct(body, t, &[","]))?;
        content_span(body, s.start, narrative[before].span.end)
    } else {
        return None;
    };
    (content.text(body).split_whitespace().count() >= 3).then_some((vec![content], m, cue))
}

/// `CLAUSE, X said [adverbials][, MORE].` / `CLAUSE, said X.` / `A, X said, B.`
fn clause_then_attribution(body: &str, narrative: &[Token], s: Span) -> Option<Reported> {
    let n = narrative.len();
    // CLAUSE, X said [adverbials][, MORE].  /  CLAUSE, said X.  /  A, X said, B.
    let first_word = narrative[0].text(body).to_lowercase();
    let opener = first_word.ends_with("ing")
        || matches!(
            first_word.as_str(),
            "asked"
                | "in"
                | "at"
                | "on"
                | "after"
                | "before"
                | "during"
                | "when"
                | "while"
                | "following"
                | "later"
                | "earlier"
                | "for"
                | "with"
                | "but"
                | "and"
        );
    let commas: Vec<usize> = (2..n)
        .filter(|&i| is_punct(body, &narrative[i], &[","]))
        .collect();
    for &comma in &commas {
        if opener {
            break;
        }
        let tail = &narrative[comma + 1..];
        let Some(ci) = (0..tail.len().min(12))
            .find(|&i| matches!(cue_at(body, tail, i), Some(CueClass::Say | CueClass::That)))
        else {
            continue;
        };
        let told = cue::lookup(tail[ci].text(body)).is_some_and(|(_, b)| b == "tell");
        let (speaker, after) = if ci == 0 {
            // `..., said X.`: only a short adverbial may follow the speaker.
            let short = |r: &(usize, usize)| {
                tail[r.1..]
                    .iter()
                    .take_while(|t| !is_punct(body, t, &[".", "!", "?", ","]))
                    .count()
                    <= 3
            };
            // Nothing quoted right after the speaker: in `..., said the fund "changes the
            // math"` the fund is the subject of a reported clause, not the speaker.
            let bare = |r: &(usize, usize)| {
                let from = tail[r.1 - 1].span.end;
                let to = tail.get(r.1).map_or(s.end, |t| t.span.start);
                body[from..to.max(from)].trim().is_empty()
            };
            match np_after(body, tail, 1) {
                Some(r) if !told && short(&r) && bare(&r) => (Some(r), r.1),
                _ => (None, 0),
            }
        } else {
            let r = np_before(body, tail, ci, 0).filter(|r| r.0 == 0);
            let mut after = ci + 1;
            if told {
                // `X told Reuters` / `X told the BBC`.
                after = np_after(body, tail, after).map_or(after, |r| r.1);
            }
            (r, after)
        };
        let Some(r) = speaker else { continue };
        // After the attribution: adverbials only, up to a comma or the sentence end.
        let mut k = after;
        while k < tail.len()
            && !is_punct(body, &tail[k], &[",", ".", "!", "?", ";"])
            && k - after < 7
        {
            if lower(body, &tail[k]) == "that" {
                break;
            }
            k += 1;
        }
        let ends = k >= tail.len() || is_punct(body, &tail[k], &[".", "!", "?"]);
        let comma_after = k < tail.len() && is_punct(body, &tail[k], &[","]);
        if !ends && !comma_after {
            continue;
        }
        // The clause must be more than a noun phrase ("Russia's ambassador, Rudakov, said",
        // "Lim Soon-ja, 71, whose father ...").
        let mut np_only = false;
        if let Some(r) = subject_np(body, &narrative[..comma]) {
            let relative = r.1 + 1 < comma
                && is_punct(body, &narrative[r.1], &[","])
                && matches!(
                    &*lower(body, &narrative[r.1 + 1]),
                    "who" | "whose" | "which"
                );
            if relative {
                continue;
            }
            // `The text, he said, contained nothing`: a bare subject needs its predicate.
            np_only = r.1 >= comma;
        }
        let Some(m) = mention_of(body, tail, r) else {
            continue;
        };
        let a = content_span(body, s.start, narrative[comma].span.start);
        let mut spans = vec![a];
        if comma_after {
            // `A, X said, B`: B is the speaker's too, unless the reporter goes on
            // (`, despite threats`, `, as judges met`, `, deepening a standoff`).
            if let Some(next) = tail.get(k + 1) {
                let nl = lower(body, next);
                let reporter = nl.ends_with("ing")
                    || matches!(
                        &*nl,
                        "as" | "despite"
                            | "after"
                            | "before"
                            | "amid"
                            | "when"
                            | "while"
                            | "a"
                            | "an"
                            | "the"
                            | "in"
                            | "on"
                            | "at"
                            | "following"
                            | "according"
                            | "which"
                            | "who"
                            | "where"
                            | "since"
                            | "during"
                            | "without"
                            | "with"
                            | "ahead"
                            | "hours"
                            | "days"
                            | "weeks"
                            | "months"
                            | "one"
                            | "two"
                            | "just"
                    );
                if !reporter {
                    spans.push(content_span(body, next.span.start, s.end));
                }
            }
        }
        let words: usize = spans
            .iter()
            .map(|sp| sp.text(body).split_whitespace().count())
            .sum();
        if (np_only && spans.len() < 2) || words < 3 {
            continue;
        }
        return Some((spans, m, tail[ci].span));
    }
    None
}

/// `X said (that) CLAUSE`, `X told Y CLAUSE`, `X warned that CLAUSE`, and coordinated cues.
fn cue_then_clause(
    body: &str,
    all: &[Token],
    narrative: &[Token],
    s: Span,
    regs: &[Region],
) -> Vec<Reported> {
    let n = narrative.len();
    // X said (that) CLAUSE / X told Y (that) CLAUSE / X warned that CLAUSE, and coordinated
    // cues after it (`... and said CLAUSE`).
    let mut found: Vec<(usize, Mention, usize, usize)> = Vec::new(); // cue, speaker, content start, phrase start
                                                                     // `While he acknowledged CLAUSE, Ham noted ...`: a clause reported inside a fronted
                                                                     // subordinate clause ends where the main clause's subject and cue begin.
    let subordinate = narrative.first().is_some_and(|t| {
        let l = lower(body, t);
        opens_fronted_phrase(&l) || matches!(&*l, "whereas" | "as" | "because" | "if")
    });
    let mut main_clause: Option<usize> = None;
    for ci in 0..n {
        if subordinate && found.len() == 1 && main_clause.is_none() && ci > found[0].2 {
            let main_subject = cue_at(body, narrative, ci)
                .and_then(|_| np_before(body, narrative, ci, 0))
                .filter(|r| r.0 > found[0].2 && is_punct(body, &narrative[r.0 - 1], &[","]))
                .filter(|r| mention_of(body, narrative, *r).is_some());
            if let Some(r) = main_subject {
                main_clause = Some(r.0 - 1);
                if let Some((m, k)) = reported_at(body, narrative, ci) {
                    found.push((ci, m, k, r.0 - 1));
                }
                continue;
            }
        }
        let coordinated = {
            let mut b = ci;
            while b > 0 && is_adverbial(narrative[b - 1].text(body)) {
                b -= 1;
            }
            if b > 0 && matches!(&*lower(body, &narrative[b - 1]), "and" | "but") {
                Some(b - 1)
            } else {
                None
            }
        };
        if let Some(&(_, _, start, _)) = found.last() {
            // Inside a reported clause only a coordinated cue starts a new statement.
            if coordinated.is_none() || ci < start {
                continue;
            }
        }
        let Some((m, k)) = reported_at(body, narrative, ci) else {
            // `He accused them of ... and said CLAUSE`: the sentence subject speaks.
            let Some(and) = coordinated else { continue };
            if !matches!(
                cue_at(body, narrative, ci),
                Some(CueClass::Say | CueClass::That)
            ) {
                continue;
            }
            let subject = found.first().map(|f| f.1.clone()).or_else(|| {
                subject_np(body, narrative).and_then(|r| mention_of(body, narrative, r))
            });
            let (Some(m), Some(k)) = (subject, clause_after(body, narrative, ci)) else {
                continue;
            };
            found.push((ci, m, k, and));
            continue;
        };
        let phrase_start = coordinated.unwrap_or(ci);
        found.push((ci, m, k, phrase_start));
    }
    let mut out = Vec::new();
    for (idx, (ci, m, k, _)) in found.iter().enumerate() {
        let end = found
            .get(idx + 1)
            .map(|next| next.3)
            .or(main_clause.filter(|_| idx == 0))
            .map_or(s.end, |next| narrative[next].span.start);
        // A quoted fragment opening the clause belongs to it.
        let gap = quoted_gap(body, narrative, *k);
        let start = if !gap.is_empty() {
            let from = narrative[*k - 1].span.end;
            from + body[from..].len() - body[from..].trim_start().len()
        } else {
            narrative[*k].span.start
        };
        let content = content_span(body, start, end);
        if content.text(body).split_whitespace().count() >= 3 {
            out.push((vec![content], m.clone(), narrative[*ci].span));
        }
    }
    let _ = (all, regs);
    out
}

/// Reported speech introduced by the cue at `ci` with its own subject: the speaker and the
/// index of the content's first token.
fn reported_at(body: &str, narrative: &[Token], ci: usize) -> Option<(Mention, usize)> {
    let n = narrative.len();
    // Most tokens are neither cues nor speech nouns: settle that before any other work.
    if narrative[ci].kind != TokenKind::Word || !may_attribute(narrative[ci].text(body)) {
        return None;
    }
    // `X issued a strong warning that ...`: a speech noun; the sentence subject speaks.
    let speech_noun = is_speech_noun(narrative[ci].text(body))
        && narrative
            .get(ci + 1)
            .is_some_and(|t| lower(body, t) == "that");
    let class = if speech_noun {
        CueClass::That
    } else {
        cue_at(body, narrative, ci)?
    };
    let base = cue::lookup(narrative[ci].text(body))
        .map(|(_, b)| b)
        .unwrap_or("");
    let called_on = base == "call"
        && narrative
            .get(ci + 1)
            .is_some_and(|t| matches!(&*lower(body, t), "on" | "upon"));
    let urge_to = (called_on
        || matches!(
            base,
            "urge" | "vow" | "pledge" | "promise" | "threaten" | "ask"
        ))
        && narrative[ci + 1..]
            .iter()
            .take(6)
            .any(|t| lower(body, t) == "to");
    let deny_ing = matches!(base, "deny" | "admit")
        && narrative
            .get(ci + 1)
            .is_some_and(|t| lower(body, t).ends_with("ing"));
    if class == CueClass::QuoteOnly && !urge_to {
        return None;
    }
    // `Clinton spoke about the death of a man in Tulsa, Oklahoma, arguing that ...`: a
    // participle after a comma is the sentence subject's, not the nearest name's.
    let participle = ci > 1
        && lower(body, &narrative[ci]).ends_with("ing")
        && is_punct(body, &narrative[ci - 1], &[","]);
    let by_subject = || {
        let r = sentence_subject(body, &narrative[..ci - 1])?;
        mention_of(body, narrative, r)
    };
    let owner = || speech_noun.then(|| owner_of(body, narrative, ci)).flatten();
    let m = match participle.then(by_subject).flatten().or_else(owner) {
        Some(m) => m,
        None => {
            let subject = if speech_noun {
                np_after(body, narrative, 0).filter(|r| r.1 <= ci)
            } else {
                np_before(body, narrative, ci, 0)
            };
            mention_of(body, narrative, subject?)?
        }
    };
    let mut k = ci + 1;
    if urge_to || deny_ing {
        // `urged Tehran to restore access`, `called on all parties to return`, `denied
        // holding detainees`.
        if called_on {
            k += 1;
        }
        return (k < n).then_some((m, k));
    }
    // `that` is the complementizer only after an object, an adverbial or an aside; after a
    // verb it opens a relative clause (`said the Secretary-General would not comment on a
    // text that was ...`).
    let that = narrative[k.min(n)..]
        .iter()
        .take(8)
        .position(|t| lower(body, t) == "that")
        .filter(|&off| {
            !(k..k + off).any(|i| {
                let t = &narrative[i];
                cue_at(body, narrative, i).is_some()
                    || matches!(
                        &*lower(body, t),
                        "would"
                            | "will"
                            | "could"
                            | "can"
                            | "should"
                            | "may"
                            | "might"
                            | "must"
                            | "is"
                            | "was"
                            | "are"
                            | "were"
                            | "has"
                            | "had"
                            | "have"
                            | "did"
                            | "does"
                    )
            })
        });
    if let Some(off) = that {
        k += off + 1;
        return (k < n).then_some((m, k));
    }
    if class != CueClass::Say {
        return None;
    }
    if base == "tell" {
        // The listener: `told reporters`, `told the BBC`, `told Ms Okafor`.
        k = np_after(body, narrative, k)?.1;
    }
    // `he said "budget reforms" and the collection of taxes would pay`: the clause opens
    // with a quoted fragment, which the narrative tokens leave out.
    let k = clause_start(body, narrative, k)
        .or_else(|| (k < n && k > 0 && !quoted_gap(body, narrative, k).is_empty()).then_some(k))?;
    Some((m, k))
}

/// The text left out of the narrative right before token `k` (a quoted fragment), trimmed.
fn quoted_gap<'a>(body: &'a str, narrative: &[Token], k: usize) -> &'a str {
    if k == 0 || k >= narrative.len() {
        return "";
    }
    body[narrative[k - 1].span.end..narrative[k].span.start].trim()
}

/// The first token of a clause reported after the cue at `ci` (`that` optional).
fn clause_after(body: &str, narrative: &[Token], ci: usize) -> Option<usize> {
    let k = ci + 1;
    if narrative.get(k).is_some_and(|t| lower(body, t) == "that") {
        return (k + 1 < narrative.len()).then_some(k + 1);
    }
    clause_start(body, narrative, k)
}

/// Skips adverbials from `k`; the clause must begin like one (a name, a pronoun, a
/// determiner), not with a preposition (`said in a statement`).
fn clause_start(body: &str, narrative: &[Token], mut k: usize) -> Option<usize> {
    let n = narrative.len();
    while k < n && (is_adverbial(narrative[k].text(body)) || is_punct(body, &narrative[k], &[","]))
    {
        k += 1;
    }
    let first = narrative.get(k)?;
    let fl = lower(body, first);
    // A clause may begin with a bare noun (`critics say resources could ...`), but not with
    // a preposition or an adverb (`said in a statement`, `said sharply`).
    let bare_noun = first.kind == TokenKind::Word
        && !actor::is_function_word(&fl)
        && !is_adverbial(&fl)
        && !fl.ends_with("ly")
        && !matches!(
            &*fl,
            "about"
                | "into"
                | "over"
                | "under"
                | "through"
                | "during"
                | "against"
                | "between"
                | "without"
                | "goodbye"
                | "hello"
                | "thanks"
                | "so"
                | "otherwise"
                | "more"
                | "less"
                | "little"
                | "much"
                | "nothing"
                | "something"
                | "anything"
                | "everything"
        )
        && narrative.len() > k + 2;
    let starts_clause = bare_noun
        || first.kind == TokenKind::Word
            && (is_capitalized(first.text(body))
                || matches!(
                    &*fl,
                    "the"
                        | "a"
                        | "an"
                        | "it"
                        | "he"
                        | "she"
                        | "they"
                        | "we"
                        | "i"
                        | "there"
                        | "this"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "any"
                        | "no"
                        | "all"
                        | "both"
                        | "some"
                        | "such"
                        | "these"
                        | "those"
                        | "nobody"
                        | "nothing"
                        | "one"
                        | "new"
                        | "talks"
                        | "negotiations"
                        | "more"
                        | "most"
                        | "several"
                        | "many"
                ));
    starts_clause.then_some(k)
}

/// The subject of a sentence that speaks through a cue (`He called the plan "..."`).
///
/// Failing a cue, the sentence subject is taken when a verb follows it (`Cruz exhorted
/// Republicans to "vote your conscience"`): news quotes fragments of the subject's words with
/// many verbs no cue list holds.
fn speaking_subject(body: &str, narrative: &[Token]) -> Option<(Mention, Span)> {
    if let Some(ci) = (0..narrative.len()).find(|&i| cue_at(body, narrative, i).is_some()) {
        // `X said "..."` or, after the fragment, `"...," said X`.
        if let Some(m) = np_before(body, narrative, ci, 0)
            .or_else(|| np_after(body, narrative, ci + 1))
            .and_then(|r| mention_of(body, narrative, r))
        {
            return Some((m, narrative[ci].span));
        }
    }
    let r = sentence_subject(body, narrative)?;
    let verb = narrative[r.1..]
        .iter()
        .find(|t| t.kind == TokenKind::Word && !is_adverbial(t.text(body)))?;
    let vl = lower(body, verb);
    let verb_like = !is_capitalized(verb.text(body))
        && (vl.ends_with("ed")
            || vl.ends_with('s')
            || vl.ends_with("ing")
            || matches!(
                &*vl,
                "struck"
                    | "spoke"
                    | "made"
                    | "gave"
                    | "took"
                    | "put"
                    | "went"
                    | "gone"
                    | "ran"
                    | "came"
                    | "got"
                    | "held"
                    | "kept"
                    | "left"
                    | "brought"
                    | "thought"
                    | "felt"
                    | "found"
                    | "saw"
                    | "set"
                    | "sent"
                    | "wrote"
                    | "won"
                    | "lost"
                    | "led"
                    | "met"
                    | "drew"
                    | "threw"
                    | "stood"
                    | "has"
                    | "had"
                    | "have"
                    | "would"
                    | "will"
                    | "could"
            )
            || cue::lookup(&vl).is_some());
    if !verb_like {
        return None;
    }
    let m = mention_of(body, narrative, r)?;
    Some((m, verb.span))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(body: &str) -> Vec<(String, Option<String>, QuoteKind)> {
        extract(body)
            .into_iter()
            .map(|q| (q.text, q.speaker, q.kind))
            .collect()
    }

    fn speaker_of(body: &str, needle: &str) -> Option<String> {
        extract(body)
            .into_iter()
            .find(|q| q.text.contains(needle))
            .unwrap_or_else(|| panic!("no quote with {needle:?} in {:?}", run(body)))
            .speaker
    }

    #[test]
    fn a_lone_surname_opening_a_sentence_is_the_next_pronoun_s_antecedent() {
        let b = "\"We have closed most sections,\" Foreign Minister Lejla Hadzic said.\n\n\
                 \"Nobody will draw our border for us,\" Nenad Todorovic said.\n\n\
                 Hadzic brushed the objections aside. The entity, she said, had two members on \
                 the commission.";
        assert_eq!(speaker_of(b, "two members"), Some("Lejla Hadzic".into()));
    }

    #[test]
    fn the_owner_of_a_speech_noun_speaks() {
        let b = "Following the debate, the agency checked Donald Trump\u{2019}s claim that there \
                 were \"thousands of shootings\" in the city.";
        let q = &extract(b)[0];
        assert_eq!(q.speaker.as_deref(), Some("Donald Trump"));
        assert_eq!(q.source.map(|s| s.text(b)), Some("Donald Trump"));
    }

    #[test]
    fn a_tail_cue_beats_a_cueless_colon_lead_in() {
        let b = "The statement also referred to the budget: \"We will not accept these cuts,\" \
                 the union wrote.";
        let q = &extract(b)[0];
        assert_eq!(q.source.map(|s| s.text(b)), Some("the union"));
        assert_eq!(q.cue.map(|s| s.text(b)), Some("wrote"));
    }

    #[test]
    fn a_fragment_takes_the_nearest_cue_with_a_named_subject() {
        let b = "In a statement announcing the pick, the Association of Flight Attendants called \
                 Clinton a \"champion\" for its members.";
        assert_eq!(
            speaker_of(b, "champion"),
            Some("Association of Flight Attendants".into())
        );
        // The sentence subject keeps `what X called`.
        let b = "Other leaders used blunt language to denounce what Prime Minister Malcolm \
                 Turnbull called the \"reckless, dangerous\" test.";
        assert_eq!(speaker_of(b, "reckless"), Some("Other leaders".into()));
    }

    #[test]
    fn the_named_reporter_of_a_pronoun_speaks() {
        let b = "Judge Amal Nasser said she recalled thinking, \"Nobody here sees me at all.\"";
        let q = &extract(b)[0];
        assert_eq!(q.source.map(|s| s.text(b)), Some("Judge Amal Nasser"));
        assert_eq!(q.cue.map(|s| s.text(b)), Some("said"));
    }

    #[test]
    fn a_fronted_clause_reports_until_the_main_subject() {
        let b = "While he acknowledged funding was a major reason, General Carter Ham also noted \
                 several \"intangibles\" left him further disillusioned.";
        let found = run(b);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "funding was a major reason");
        assert_eq!(found[1].1.as_deref(), Some("Carter Ham"), "{found:?}");
    }

    #[test]
    fn any_noun_a_determiner_opens_speaks_before_a_verb() {
        for (subject, speaker) in [
            ("the ad\u{2019}s narrator says", "ad\u{2019}s narrator"),
            ("one questioner claimed", "one questioner"),
            (
                "the 34-year-old mother of three replied",
                "34-year-old mother of three",
            ),
            (
                "Obama's former campaign strategist said",
                "Obama's former campaign strategist",
            ),
            ("the New York businessman said", "New York businessman"),
        ] {
            let b = format!("Voters met on Friday. \"We need change now,\" {subject}.");
            assert_eq!(speaker_of(&b, "change"), Some(speaker.into()), "{subject}");
        }
        // A noun used as a noun, an aside, a naming verb and an object are not subjects.
        let b = "Mr Abe struck a cautious note: \"We will see what the talks bring.\"";
        assert_eq!(speaker_of(b, "talks"), Some("Abe".into()));
        let b = "The project, nicknamed \"the Caspian bridge\" in the trade, would carry gas.";
        assert!(run(b).iter().all(|q| q.1.is_none()), "{:?}", run(b));
        let b = "It crosses a stretch locals call \"the zipper line\" near the river.";
        assert!(run(b).iter().all(|q| q.1.is_none()), "{:?}", run(b));
        let b = "The minister who chairs the dialogue said it would \"go ahead as planned\".";
        assert_eq!(speaker_of(b, "planned"), Some("minister".into()));
    }

    #[test]
    fn descriptors_before_a_post_posed_name_are_left_out() {
        let b = "\"Their reasons do not hold. They are wrong,\" said 9/11 widow Terry Strada.";
        assert_eq!(speaker_of(b, "reasons"), Some("Terry Strada".into()));
        let b = "According to conservative radio host Rush Limbaugh, the move reeks of fear.";
        assert_eq!(
            speaker_of(b, "the move reeks"),
            Some("Rush Limbaugh".into())
        );
        // Lower-case words before a lone capitalised word are not a speaker.
        let b = "\"We are ready,\" said the old man in Gaza.";
        assert_ne!(speaker_of(b, "We are ready"), Some("Gaza".into()));
    }

    #[test]
    fn a_lead_in_closing_a_paragraph_names_the_next_quote_s_speaker() {
        let b = "Senator Ana Ruiz spoke first.\n\nRuiz continued:\n\n\"The treaty is a good one.\"";
        assert_eq!(speaker_of(b, "The treaty"), Some("Ana Ruiz".into()));
        // A lead-in without a cue names nobody, and Holm is two paragraphs back.
        let b = "Minister Jan Holm arrived.\n\nThe agenda:\n\n\"Item one is the budget.\"";
        assert_eq!(speaker_of(b, "Item one"), None);
    }

    #[test]
    fn a_participle_cue_gives_the_quote_to_the_sentence_subject() {
        let b = "During a speech on Friday, Premier Lin Bao attacked the tariffs, saying, \"They hurt our farmers.\"";
        assert_eq!(speaker_of(b, "They hurt"), Some("Lin Bao".into()));
        let b =
            "At a rally, Premier Lin Bao likened the tariffs to \"a tax on bread\" in his speech.";
        assert_eq!(speaker_of(b, "a tax on bread"), Some("Lin Bao".into()));
        let b = "Premier Lin Bao spoke on Tuesday about the floods in Tainan, Taiwan, arguing \
                 that the dams had been \"neglected for a decade.\"";
        assert_eq!(speaker_of(b, "neglected"), Some("Lin Bao".into()));
    }

    #[test]
    fn a_reported_clause_may_open_with_a_quoted_fragment() {
        let b = "The minister gave no figure, though she said \"budget reforms\" and new taxes would pay for it.";
        let q = extract(b);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].kind, QuoteKind::Partial);
        assert!(
            q[0].text.starts_with("\"budget reforms\" and new taxes"),
            "{q:?}"
        );
    }

    #[test]
    fn a_fronted_participle_phrase_is_not_the_subject() {
        let b = "Claiming the vote was rigged, Senator Ana Ruiz told reporters that \"the count must start again.\"";
        assert_eq!(speaker_of(b, "the count must"), Some("Ana Ruiz".into()));
    }

    #[test]
    fn a_subject_followed_by_a_fragment_is_not_a_post_posed_speaker() {
        let b = "Colombia's negotiator, Ana Ruiz, who chaired the talks last year, said the fund \"changes the math for every government.\"";
        assert_eq!(speaker_of(b, "changes the math"), Some("Ana Ruiz".into()));
        assert!(extract(b)
            .iter()
            .all(|q| q.speaker.as_deref() != Some("fund")));
    }

    #[test]
    fn a_colon_lead_in_after_a_fronted_phrase() {
        let b =
            "In Belgrade, the government struck a conciliatory tone: \"The talks were useful.\"";
        assert_eq!(
            speaker_of(b, "The talks were useful"),
            Some("government".into())
        );
    }

    #[test]
    fn transcript_turns_belong_to_their_labels() {
        let b = "Senator Ana Ruiz joined the debate.\n\nMODERATOR: Will you back the treaty?\n\nRUIZ: We will, but not this year.\n\nUPDATE: This story was changed.";
        assert_eq!(speaker_of(b, "Will you back"), Some("Moderator".into()));
        assert_eq!(speaker_of(b, "We will, but"), Some("Ana Ruiz".into()));
        assert!(extract(b).iter().all(|q| !q.text.contains("This story")));
        // A single capitalised label is a dateline, not a turn.
        let b = "WASHINGTON: The talks resumed on Monday, officials said.";
        assert!(extract(b)
            .iter()
            .all(|q| q.speaker.as_deref() != Some("Washington")));
    }

    #[test]
    fn kin_nouns_speak_and_long_appositions_reach_the_cue() {
        let b = "\"We live in a hard time,\" my father often said.";
        assert_eq!(speaker_of(b, "We live"), Some("father".into()));
        let b = "\"This narrative is everywhere,\" Malkia Cyril, the executive director at the Center of Media Justice and one of the voices featured in the film, said.";
        assert_eq!(speaker_of(b, "This narrative"), Some("Malkia Cyril".into()));
    }

    #[test]
    fn capitalised_fragments_a_speaker_applies_are_speech_titles_are_not() {
        let b =
            "At the debate, Senator Ana Ruiz described the minister as \"Mister Nobody\" twice.";
        assert_eq!(speaker_of(b, "Mister Nobody"), Some("Ana Ruiz".into()));
        let b = "Senator Ana Ruiz spoke on \"Face the Nation\" on Sunday.";
        assert!(extract(b).is_empty());
        let b = "Gangs grouped in an alliance called 'Viv Ansanm' hold the capital.";
        assert!(extract(b).is_empty());
    }

    #[test]
    fn a_pronoun_contracted_with_its_verb_speaks() {
        let b = "Senator Ana Ruiz spoke in Ohio. She's claiming that the count is \"a big, big problem\" for the state.";
        assert_eq!(speaker_of(b, "a big, big problem"), Some("Ana Ruiz".into()));
    }

    #[test]
    fn a_plural_speaker_noun_ends_the_subject() {
        let b = "The foreign ministers used blunt language to denounce the \"reckless\" launch.";
        assert_eq!(speaker_of(b, "reckless"), Some("foreign ministers".into()));
    }

    #[test]
    fn subjects_after_fronted_clauses_and_irregular_verbs() {
        let b = "Following a swiftly called, late-afternoon meeting, the Security Council issued a statement calling the test \"a clear violation\" of its resolutions.";
        assert_eq!(
            speaker_of(b, "a clear violation"),
            Some("Security Council".into())
        );
        let b = "Senator Ana Ruiz spoke first. In recent weeks, Ruiz went after the minister as a \"human leech\" on television.";
        assert_eq!(speaker_of(b, "human leech"), Some("Ana Ruiz".into()));
        let b = "The European Commission published its outlook. Although the Commission named no country, it referenced \"political tensions\" in rich economies.";
        assert_eq!(
            speaker_of(b, "political tensions"),
            Some("European Commission".into())
        );
    }

    #[test]
    fn an_apposition_after_according_to_is_not_the_content() {
        let q = extract("According to Parisa Nouri, a researcher at a Washington think tank, neither side can afford a long standoff.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "neither side can afford a long standoff");
        let q = extract("According to Parisa Nouri, the talks failed, and nobody knows why.");
        assert_eq!(q[0].text, "the talks failed, and nobody knows why");
    }

    #[test]
    fn tail_and_post_posed_speakers() {
        let b = "\"We will not sign this,\" Foreign Minister Amadou Diallo said. \"Never.\"";
        assert_eq!(
            speaker_of(b, "We will not sign"),
            Some("Amadou Diallo".into())
        );
        let b = "\"We will not sign this,\" said Diallo.";
        assert_eq!(speaker_of(b, "We will not sign"), Some("Diallo".into()));
    }

    #[test]
    fn split_quote_is_one_statement() {
        let b = "\"We will wait,\" Ana Ruiz told reporters, \"but not for ever.\"";
        let q = extract(b);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].text, "We will wait but not for ever.");
        assert_eq!(q[0].spans.len(), 2);
        assert_eq!(q[0].speaker.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn colon_lead_in_and_dash() {
        let b = "Kuzmin struck a cautious note: \"Nothing is decided yet.\"";
        assert_eq!(speaker_of(b, "Nothing is decided"), Some("Kuzmin".into()));
        let b = "\"Peace is within reach.\" \u{2014} Foreign Minister Lina Haddad";
        assert_eq!(speaker_of(b, "Peace is within"), Some("Lina Haddad".into()));
    }

    #[test]
    fn reported_speech_forms() {
        let b = "Moscow has said any solution could encourage separatists.";
        assert_eq!(speaker_of(b, "could encourage"), Some("Moscow".into()));
        let b = "Russia will not support the plan, President Vladimir Putin said Saturday.";
        assert_eq!(
            speaker_of(b, "will not support"),
            Some("Vladimir Putin".into())
        );
        let b = "According to the State Department, the talks will resume in May.";
        assert_eq!(
            speaker_of(b, "talks will resume"),
            Some("State Department".into())
        );
        let b =
            "Pavel Kuzmin, the deputy minister, told Reuters that the border would stay closed.";
        assert_eq!(
            speaker_of(b, "border would stay"),
            Some("Pavel Kuzmin".into())
        );
    }

    #[test]
    fn addressee_is_not_the_speaker_and_pronouns_resolve() {
        let b = "Ana Ruiz met Pavel Kuzmin in Geneva. \"We are close,\" she told Kuzmin.";
        assert_eq!(speaker_of(b, "We are close"), Some("Ana Ruiz".into()));
    }

    #[test]
    fn scare_quotes_are_not_speech() {
        let b = "The so-called \"peace dividend\" never came. The report \"Roads to Nowhere\" was published.";
        assert!(extract(b).is_empty(), "{:?}", run(b));
    }

    /// The scare-quote test reads only the words before the fragment (it lower-cased the
    /// whole sentence before each fragment, quadratic on a long one), in any case.
    #[test]
    fn scare_quotes_are_found_in_any_case_after_a_quote() {
        for (word, fragments) in [("So-Called", 0), ("SO-CALLED", 0), ("much-vaunted", 1)] {
            let b = format!("\u{201c}We will not,\u{201d} Putin said. The {word} \u{201c}peace dividend\u{201d} never came.");
            let found = run(&b);
            let partial = found.iter().filter(|q| q.2 == QuoteKind::Partial).count();
            assert_eq!(partial, fragments, "{word}: {found:?}");
        }
    }

    #[test]
    fn boilerplate_and_datelines_never_speak() {
        let b = "Last Updated: 07/27/2016\n\nMUNICH, Germany -- Russia will not back the plan, Putin said.";
        let q = extract(b);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "Russia will not back the plan");
        assert_eq!(q[0].speaker.as_deref(), Some("Putin"));
    }
}
