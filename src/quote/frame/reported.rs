//! Reported speech without quotation marks: `X said (that) CLAUSE`, `CLAUSE, X said`,
//! `X issued a warning that CLAUSE`, and cues coordinated after them (`... and said
//! CLAUSE`); sentences with `according to X` go to [`super::according`].

use super::super::cue::{self, CueClass};
use super::super::mention::{is_function_word, parse_mention, Mention};
use super::super::phrase::{is_plain_word, is_speaker_noun, np_after, np_before};
use super::super::share::share_before;
use super::super::speaker::mention_of;
use super::super::subject::{sentence_subject, subject_np, time_phrase_comma};
use super::super::token::{
    cue_at, is_capitalized, is_determiner, is_punct, is_subject_pronoun, looks_plural, lower,
    DASHES,
};
use super::super::words::{
    self, is_adverbial, is_medium_noun, is_sentence_adverb, is_speech_noun, opens_fronted_phrase,
};
use super::clause::{clause_start, coordinated_clause, denies, is_act, is_auxiliary, quoted_gap};
use super::content_span;
use crate::text::{possessive_stem, Span};
use crate::text::{Token, TokenKind};
use crate::wordset::WordSet;
use std::sync::OnceLock;

/// One look-up for the common case: can this word attribute speech at all (a cue verb in any
/// form, a speech noun, `according`)?
pub(super) fn may_attribute(word: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        WordSet::new(
            cue::forms()
                .chain(words::entries(include_str!("../words/speech-nouns.txt")))
                .chain(["according"]),
        )
    })
    .contains_folded(word)
}

/// A reported statement: its content spans, the speaker phrase and the cue.
#[derive(Debug, Clone)]
pub(super) struct Reported {
    pub(super) spans: Vec<Span>,
    pub(super) mention: Mention,
    pub(super) cue: Span,
    /// The speaker denies it (`X denied that ...`).
    pub(super) denied: bool,
}

impl Reported {
    pub(super) fn new(spans: Vec<Span>, mention: Mention, cue: Span) -> Reported {
        Reported {
            spans,
            mention,
            cue,
            denied: false,
        }
    }
}

/// Where the words of a statement reported after a cue begin.
struct Clause {
    mention: Mention,
    /// The index of the first token of the words.
    start: usize,
    denied: bool,
}

/// Reported speech in a sentence with no direct quote.
pub(super) fn reported(body: &str, narrative: &[Token], s: Span) -> Vec<Reported> {
    if narrative.len() < 4 {
        return Vec::new();
    }
    let has_according = narrative
        .windows(2)
        .any(|w| lower(body, &w[0]) == "according" && lower(body, &w[1]) == "to");
    if has_according {
        return super::according::according_clause(body, narrative, s);
    }
    if let Some(r) = clause_then_attribution(body, narrative, s) {
        return vec![r];
    }
    cue_then_clause(body, narrative, s)
}

/// Words that open a fronted phrase before a clause's attribution (`In a statement, ...`,
/// `Asked about the delay, ...`).
fn opens_fronted(lower: &str) -> bool {
    matches!(
        lower,
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
            | "like"
            | "unlike"
    )
}

/// `CLAUSE, X said [adverbials][, MORE].` / `CLAUSE, said X.` / `A, X said, B.`
fn clause_then_attribution(body: &str, narrative: &[Token], s: Span) -> Option<Reported> {
    let n = narrative.len();
    // CLAUSE, X said [adverbials][, MORE].  /  CLAUSE, said X.  /  A, X said, B.
    let opens = |t: &Token| {
        let w = t.text(body).to_lowercase();
        w.ends_with("ing") || opens_fronted(&w)
    };
    // `Now in Paris, the minister said ...`: a sentence adverb before a fronted phrase.
    let opener = opens(&narrative[0])
        || matches!(narrative, [a, b, ..] if is_sentence_adverb(a.text(body))
            && b.kind == TokenKind::Word && opens(b));
    // A comma after the first word closes a one-word subject only when that word is a name
    // (`Tarvia, she said, has no army`), not an adverb (`However, she said, ...`).
    let one_word_subject = n > 1
        && is_capitalized(narrative[0].text(body))
        && !is_sentence_adverb(narrative[0].text(body))
        && !is_adverbial(narrative[0].text(body));
    let commas: Vec<usize> = (if one_word_subject { 1 } else { 2 }..n)
        .filter(|&i| is_punct(body, &narrative[i], &[","]))
        .collect();
    // `Two days later, the ministry said ...`, `A week ago, ...`: a time phrase is fronted too.
    let opener = opener || time_phrase_comma(body, narrative).is_some();
    for &comma in &commas {
        // `In a statement, the ministry said ...`: the comma closing a fronted phrase parts
        // no clause from its attribution; a later one may (`In all, though, the justices are
        // doing what they can, Professor Epstein said.`), when the attribution ends the
        // sentence; so may the first, then (`Seeing his brother suffer kept him sober, he
        // said.`).
        let tail = &narrative[comma + 1..];
        let Some(ci) = (0..tail.len().min(12))
            .find(|&i| matches!(cue_at(body, tail, i), Some(CueClass::Say | CueClass::That)))
        else {
            continue;
        };
        // `Peter Hollis, a former director who now advises a consultancy, said ...`: the
        // relative clause's verb is not the attribution of what comes before it.
        if relative_aside_close(body, tail, ci).is_some() {
            continue;
        }
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
            // `..., said Silesians had "paid for coal"`, `..., said the ministry wanted "to
            // ..."`: a verb after the name makes it the subject of a reported clause, not the
            // speaker.
            let verb_after = |r: &(usize, usize)| {
                tail.get(r.1).is_some_and(|t| {
                    let l = lower(body, t);
                    is_auxiliary(&l)
                        || matches!(&*l, "did" | "does" | "do")
                        || (t.kind == TokenKind::Word
                            && !is_capitalized(t.text(body))
                            && l.len() > 4
                            && l.ends_with("ed"))
                })
            };
            match np_after(body, tail, 1) {
                Some(r) if !told && short(&r) && bare(&r) && !verb_after(&r) => (Some(r), r.1),
                _ => (None, 0),
            }
        } else {
            // `..., watchdog Ofcom said`: a bare descriptor before the name is no part of it.
            let described = |r: &(usize, usize)| {
                (1..=3).contains(&r.0)
                    && tail[..r.0].iter().all(|t| {
                        t.kind == TokenKind::Word
                            && !is_capitalized(t.text(body))
                            && !is_function_word(t.text(body))
                            && !is_adverbial(t.text(body))
                            && cue::lookup(t.text(body)).is_none()
                    })
                    // `critics cite COP30 pledges`: a plural is the subject, no descriptor.
                    && {
                        let last = lower(body, &tail[r.0 - 1]);
                        !looks_plural(&last)
                    }
                    && is_capitalized(tail[r.0].text(body))
            };
            // `..., independent analysts said`, `..., Republican strategists said`: words
            // before a speaker noun between the comma and the cue are its modifiers.
            let modified = |r: &(usize, usize)| {
                (1..=2).contains(&r.0)
                    && tail[..r.0]
                        .iter()
                        .all(|t| is_plain_word(body, t) && !lower(body, t).ends_with("ly"))
                    && !is_capitalized(tail[r.0].text(body))
                    && is_speaker_noun(&lower(body, &tail[r.0]))
                    // ... closing the sentence (not `Kano traders, northern lawmakers fear
                    // VAT formula will drain region`).
                    && tail.get(ci + 1).is_none_or(|t| {
                        is_punct(body, t, &[".", "!", "?", ","]) || is_adverbial(t.text(body))
                    })
            };
            let r = np_before(body, tail, ci, 0)
                .map(
                    |r| match (r.0..r.1).find(|&i| is_capitalized(tail[i].text(body))) {
                        Some(name) if r.0 > 0 => (name, r.1),
                        _ => r,
                    },
                )
                .and_then(|r| {
                    if r.0 == 0 || described(&r) {
                        Some(r)
                    } else {
                        modified(&r).then_some((0, r.1))
                    }
                });
            let mut after = ci + 1;
            if told {
                // `X told Reuters` / `X told the BBC`.
                after = np_after(body, tail, after).map_or(after, |r| r.1);
            }
            (r, after)
        };
        let Some(r) = speaker else { continue };
        // After the attribution: adverbials only, up to a comma or the sentence end. A subject
        // right after the cue opens the clause it reports (`Pressed by X, Trump said there
        // was no evidence`), and a run too long for an adverbial is a clause too.
        if tail.get(after).is_some_and(|t| {
            let l = lower(body, t);
            is_subject_pronoun(&l) || l == "there"
        }) {
            continue;
        }
        let mut k = after;
        let mut too_long = false;
        while k < tail.len() && !is_punct(body, &tail[k], &[",", ".", "!", "?", ";"]) {
            if lower(body, &tail[k]) == "that" {
                break;
            }
            if k - after >= 7 {
                too_long = true;
                break;
            }
            k += 1;
        }
        if too_long {
            continue;
        }
        let ends = k >= tail.len() || is_punct(body, &tail[k], &[".", "!", "?"]);
        let comma_after = k < tail.len() && is_punct(body, &tail[k], &[","]);
        if !ends && !comma_after {
            continue;
        }
        // After a fronted phrase, only an attribution closing the sentence counts: in `In
        // Batken, where ..., many residents said they wanted it over` the cue opens a clause,
        // and in `In his tribute, Ellis said: "..."` it opens a quote.
        let closes = || {
            let from = tail[k.max(1) - 1].span.end;
            !body[from..s.end.max(from)].contains(|c: char| c.is_alphanumeric() || c == ':')
        };
        if opener && !(ends && (after..k).all(|i| is_adverbial(tail[i].text(body))) && closes()) {
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
        // A bare subject and its predicate hold the attribution between them, with nothing
        // after the cue but adverbials: after `Keitumetse Dintwe, a mining economist, said`
        // come the economist's words, and the name and the role are one phrase.
        if np_only && !(after..k).all(|i| is_adverbial(tail[i].text(body))) {
            continue;
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
        return Some(Reported::new(spans, m, tail[ci].span));
    }
    None
}

/// `X said (that) CLAUSE`, `X told Y CLAUSE`, `X warned that CLAUSE`, `X welcomed the
/// plan`, and coordinated cues.
fn cue_then_clause(body: &str, narrative: &[Token], s: Span) -> Vec<Reported> {
    let n = narrative.len();
    // X said (that) CLAUSE / X told Y (that) CLAUSE / X warned that CLAUSE, and coordinated
    // cues after it (`... and said CLAUSE`): the cue, the clause, and where the phrase that
    // introduces it begins.
    let mut found: Vec<(usize, Clause, usize)> = Vec::new();
    // `While he acknowledged CLAUSE, Ham noted ...`: a clause reported inside a fronted
    // subordinate clause ends where the main clause's subject and cue begin.
    let subordinate = narrative.first().is_some_and(|t| {
        let l = lower(body, t);
        opens_fronted_phrase(&l) || matches!(&*l, "whereas" | "as" | "because" | "if")
    });
    let mut main_clause: Option<usize> = None;
    // The comma closing a relative clause whose verb was read as a cue, when the sentence's
    // own cue follows it.
    let mut aside_close: Option<usize> = None;
    // Where the run of adverbials ending right before `ci` begins, kept from one token to the
    // next: walking back over the run for each token made a sentence of adverbials quadratic.
    let mut run_start = 0;
    for ci in 0..n {
        if ci == 0 || !is_adverbial(narrative[ci - 1].text(body)) {
            run_start = ci;
        }
        if subordinate && found.len() == 1 && main_clause.is_none() && ci > found[0].1.start {
            let main_subject = cue_at(body, narrative, ci)
                .and_then(|_| np_before(body, narrative, ci, 0))
                .filter(|r| r.0 > found[0].1.start && is_punct(body, &narrative[r.0 - 1], &[","]))
                .filter(|r| mention_of(body, narrative, *r).is_some());
            if let Some(r) = main_subject {
                main_clause = Some(r.0 - 1);
                if let Some(c) = reported_at(body, narrative, ci) {
                    found.push((ci, c, r.0 - 1));
                }
                continue;
            }
        }
        let coordinated = {
            let b = run_start;
            if b > 0 && matches!(&*lower(body, &narrative[b - 1]), "and" | "but") {
                Some(b - 1)
            } else {
                None
            }
        };
        // The sentence's own cue after a relative clause about its speaker starts a
        // statement of its own: `Ms Belo, who has called for an inquiry, said CLAUSE`.
        let after_aside = aside_close.is_some_and(|c| ci > c && ci <= c + 3);
        let mut joined = None;
        if !after_aside {
            if let Some((_, c, _)) = found.last() {
                // Inside a reported clause only a coordinated cue, or a cue whose own subject
                // a joining word opens, starts a new statement.
                if coordinated.is_none() || ci <= c.start {
                    joined = joined_statement(body, narrative, ci, c.start);
                    if joined.is_none() {
                        continue;
                    }
                }
            }
        }
        let Some(c) = reported_at(body, narrative, ci) else {
            // `He accused them of ... and said CLAUSE`: the sentence subject speaks.
            let Some(and) = coordinated else { continue };
            let Some(start) = coordinated_clause(body, narrative, ci) else {
                continue;
            };
            let subject = found.first().map(|f| f.1.mention.clone()).or_else(|| {
                subject_np(body, narrative).and_then(|r| mention_of(body, narrative, r))
            });
            let Some(mention) = subject else { continue };
            let denied = denies(body, narrative, ci);
            found.push((
                ci,
                Clause {
                    mention,
                    start,
                    denied,
                },
                and,
            ));
            continue;
        };
        let phrase_start = match aside_close {
            Some(close) if after_aside => close,
            _ => joined.or(coordinated).unwrap_or(ci),
        };
        if aside_close.is_none() {
            aside_close = relative_aside_close(body, narrative, ci);
        }
        found.push((ci, c, phrase_start));
    }
    let mut out = Vec::new();
    for (idx, (ci, c, _)) in found.iter().enumerate() {
        let end = found
            .get(idx + 1)
            .map(|next| next.2)
            .or(main_clause.filter(|_| idx == 0))
            .map_or(s.end, |next| narrative[next].span.start);
        // A quoted fragment opening the clause belongs to it.
        let k = c.start;
        let gap = quoted_gap(body, narrative, k);
        let start = if !gap.is_empty() {
            let from = narrative[k - 1].span.end;
            from + body[from..].len() - body[from..].trim_start().len()
        } else {
            narrative[k].span.start
        };
        let content = content_span(body, start, end);
        if content.text(body).split_whitespace().count() >= 3 {
            let spans = if k == *ci {
                without_adjunct(body, narrative, k, content)
            } else {
                vec![content]
            };
            out.push(Reported {
                spans,
                mention: c.mention.clone(),
                cue: narrative[*ci].span,
                denied: c.denied,
            });
        }
    }
    out
}

/// `X said A, while its director, Y, warned that B`: a cue inside a reported clause (which
/// opens at `floor`) whose own subject follows `while` or `whereas`, or `and` or `but` after a
/// comma, starts a statement of its own. Returns the joining word's index, where the clause
/// before ends.
fn joined_statement(body: &str, narrative: &[Token], ci: usize, floor: usize) -> Option<usize> {
    cue_at(body, narrative, ci)?;
    let r = np_before(body, narrative, ci, floor)?;
    mention_of(body, narrative, r)?;
    // The joining word opens the subject, or an apposition before it (`while its director,
    // Y, warned`): look back over a few words and commas, never over a cue.
    (floor + 1..r.0)
        .rev()
        .take(8)
        .take_while(|&j| {
            j + 1 == r.0
                || cue_at(body, narrative, j).is_none() && !is_punct(body, &narrative[j], &[";"])
        })
        .find(|&j| match &*lower(body, &narrative[j]) {
            "while" | "whereas" => true,
            "and" | "but" => is_punct(body, &narrative[j - 1], &[","]),
            _ => false,
        })
}

/// The words of an act (`content`, from the verb at token `k`) without the reporter's
/// adjunct naming where it was said: `urged Tehran in a statement to restore access` is
/// `urged Tehran` and `to restore access`.
fn without_adjunct(body: &str, narrative: &[Token], k: usize, content: Span) -> Vec<Span> {
    let within = |i: usize| narrative.get(i).filter(|t| t.span.end <= content.end);
    for a in k + 2..(k + 10).min(narrative.len()) {
        let Some(t) = within(a) else { break };
        let l = lower(body, t);
        let b = match &*l {
            "in" => {
                let det = within(a + 1).map(|t| lower(body, t));
                let det_ok = det
                    .as_deref()
                    .is_some_and(|d| matches!(d, "a" | "an" | "his" | "her" | "its" | "their"));
                let mut e = a + 2;
                if within(e).is_some_and(|t| {
                    matches!(
                        &*lower(body, t),
                        "written" | "joint" | "brief" | "televised"
                    )
                }) {
                    e += 1;
                }
                let noun = within(e).is_some_and(|t| words::is_medium_noun(t.text(body)));
                (det_ok && noun).then_some(e + 1)
            }
            "on" => within(a + 1)
                .is_some_and(|t| words::is_medium_noun(t.text(body)))
                .then_some(a + 2),
            _ => None,
        };
        if let Some(b) = b {
            let Some(next) = within(b) else { break };
            return vec![
                Span::new(content.start, narrative[a - 1].span.end),
                Span::new(next.span.start, content.end),
            ];
        }
    }
    vec![content]
}

/// When the cue at `ci` is the verb of a relative clause that a comma closes before the
/// sentence's own cue (`Peter Hollis, a former director who now advises a consultancy,
/// said ...`, `Ms Belo, who has called for an inquiry, said ...`), that comma: what the
/// relative clause reports ends there, and the main cue reports speech of its own.
fn relative_aside_close(body: &str, narrative: &[Token], ci: usize) -> Option<usize> {
    // Back over the clause's auxiliaries and adverbs to its pronoun.
    let mut j = ci;
    while j > 0 && ci - j < 4 && {
        let l = lower(body, &narrative[j - 1]);
        is_auxiliary(&l)
            || matches!(&*l, "not" | "been" | "did" | "does" | "do")
            || is_adverbial(narrative[j - 1].text(body))
    } {
        j -= 1;
    }
    if j == 0 || !matches!(&*lower(body, &narrative[j - 1]), "who" | "which") {
        return None;
    }
    // Forward to the comma closing the clause, then the main cue right after it.
    narrative
        .iter()
        .enumerate()
        .skip(ci + 1)
        .take(24)
        .take_while(|(_, t)| !is_punct(body, t, &[".", "!", "?", ";", ":"]))
        .filter(|(_, t)| is_punct(body, t, &[","]))
        .map(|(c, _)| c)
        .find(|&c| {
            let mut k = c + 1;
            while k < narrative.len() && is_adverbial(narrative[k].text(body)) {
                k += 1;
            }
            k < narrative.len()
                && matches!(
                    cue_at(body, narrative, k),
                    Some(CueClass::Say | CueClass::That)
                )
        })
}

/// Reported speech introduced by the cue at `ci` with its own subject: the speaker and where
/// the words begin.
fn reported_at(body: &str, narrative: &[Token], ci: usize) -> Option<Clause> {
    let n = narrative.len();
    // Most tokens are neither cues nor speech nouns: settle that before any other work.
    if narrative[ci].kind != TokenKind::Word || !may_attribute(narrative[ci].text(body)) {
        return None;
    }
    // `... "do some kind of executive order," said Stephen Loomis, ...`: the cue attributes
    // the quote before it, and what follows is that quote's speaker, not a clause.
    if attributes_quote_before(body, narrative, ci) {
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
    let act = !speech_noun && is_act(body, narrative, ci);
    let deny_ing = matches!(base, "deny" | "admit")
        && narrative
            .get(ci + 1)
            .is_some_and(|t| lower(body, t).ends_with("ing"));
    // `asked whether ...`, `questioned how ...`: an indirect question is reported speech.
    let question = matches!(base, "ask" | "wonder" | "question")
        && narrative.get(ci + 1).is_some_and(|t| {
            matches!(
                &*lower(body, t),
                "whether" | "why" | "how" | "if" | "what" | "when" | "where" | "who"
            )
        });
    if class == CueClass::QuoteOnly && !act && !question {
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
    let mention = match participle.then(by_subject).flatten().or_else(owner) {
        Some(m) => m,
        None => {
            let subject = if speech_noun {
                np_after(body, narrative, 0).filter(|r| r.1 <= ci)
            } else {
                np_before(body, narrative, ci, 0)
                    .or_else(|| dash_aside_before(body, narrative, ci))
                    .or_else(|| reflexive_before(body, narrative, ci))
            };
            let whole = || {
                let r = (!speech_noun).then(|| whole_subject(body, narrative, ci))??;
                mention_of(body, narrative, r)
            };
            match subject
                .and_then(|r| mention_of(body, narrative, r))
                .or_else(whole)
            {
                Some(m) => m,
                // `Six in 10 say ...`: poll respondents answer; they do not state or charge.
                None if !speech_noun
                    && matches!(
                        base,
                        "say" | "tell" | "agree" | "disagree" | "believe" | "think" | "expect"
                    ) =>
                {
                    share_before(body, narrative, ci)?
                }
                None => return None,
            }
        }
    };
    let denied = base == "deny";
    let clause = |start: usize| {
        (start < n).then(|| Clause {
            mention: mention.clone(),
            start,
            denied,
        })
    };
    if act {
        // `welcomed the tariff`, `urged Tehran to restore access`: the act is the statement.
        return clause(ci);
    }
    if deny_ing || question {
        // `denied holding detainees`; `asked whether the talks would resume`.
        return clause(ci + 1);
    }
    let k = ci + 1;
    // `that` is the complementizer only after an object, an adverbial or an aside; after a
    // verb it opens a relative clause (`said the Secretary-General would not comment on a
    // text that was ...`). A denial may deny reports that say so (`denied media reports
    // suggesting that ...`).
    // An adjunct naming where it was said may be long (`said in an interview with The
    // Associated Press last week that ...`).
    let adjunct = narrative
        .get(k)
        .is_some_and(|t| matches!(&*lower(body, t), "in" | "on" | "at" | "during"))
        && narrative[k + 1..n.min(k + 5)]
            .iter()
            .any(|t| is_medium_noun(&lower(body, t)));
    let reach = if denied || adjunct { 14 } else { 8 };
    let that = narrative[k.min(n)..]
        .iter()
        .take(reach)
        .position(|t| lower(body, t) == "that")
        .filter(|&off| {
            !(k..k + off).any(|i| {
                let t = &narrative[i];
                // What is denied may be reports that say so: `denied media reports
                // suggesting that ...`.
                // In an adjunct after the cue, a cue's form after a determiner and a
                // modifier is a noun or describes one: `said in a written reply that ...`,
                // `in her opening remarks`.
                let det = |at: usize| is_determiner(&lower(body, &narrative[at]));
                let in_adjunct = matches!(&*lower(body, &narrative[k]), "in" | "on" | "during");
                let described = in_adjunct && ((i > k && det(i - 1)) || (i > k + 1 && det(i - 2)));
                (cue_at(body, narrative, i).is_some() && !denied && !described) || {
                    let l = lower(body, t);
                    is_auxiliary(&l) || matches!(&*l, "did" | "does")
                }
            })
        });
    if let Some(off) = that {
        return clause(k + off + 1);
    }
    if class != CueClass::Say {
        return None;
    }
    let mut k = k;
    if base == "tell" {
        // The listener: `told reporters`, `told the BBC`, `told Ms Okafor`.
        k = np_after(body, narrative, k)?.1;
    }
    // `he said "budget reforms" and the collection of taxes would pay`: the clause opens
    // with a quoted fragment, which the narrative tokens leave out.
    let k = clause_start(body, narrative, k)
        .or_else(|| (k < n && k > 0 && !quoted_gap(body, narrative, k).is_empty()).then_some(k))?;
    clause(k)
}

/// The speaker phrase before an aside set off by dashes right before the cue at `ci`:
/// `Many speakers at the service — including Muslims and Jews — said ...`.
fn dash_aside_before(body: &str, narrative: &[Token], ci: usize) -> Option<(usize, usize)> {
    if ci < 3 || !is_punct(body, &narrative[ci - 1], DASHES) {
        return None;
    }
    let open = (ci.saturating_sub(24)..ci - 1)
        .rev()
        .find(|&i| is_punct(body, &narrative[i], DASHES))?;
    np_before(body, narrative, open, 0)
}

/// The speaker phrase before an emphatic reflexive right before the cue at `ci`: `Ford
/// itself said ...`.
fn reflexive_before(body: &str, narrative: &[Token], ci: usize) -> Option<(usize, usize)> {
    let prev = narrative[..ci].last()?;
    let reflexive = matches!(
        &*lower(body, prev),
        "itself" | "himself" | "herself" | "themselves"
    );
    if !reflexive || ci < 2 {
        return None;
    }
    np_before(body, narrative, ci - 1, 0)
}

/// Every word from the sentence start to the cue at `ci`, when they read as one noun phrase
/// headed by a speaker noun: `Abortion rights advocates said`, `Some party strategists
/// said` (nouns before the head that the phrase reader does not take as modifiers).
fn whole_subject(body: &str, narrative: &[Token], ci: usize) -> Option<(usize, usize)> {
    if !(2..=5).contains(&ci) || !is_speaker_noun(&lower(body, &narrative[ci - 1])) {
        return None;
    }
    let words = narrative[..ci].iter().enumerate().all(|(i, t)| {
        let l = lower(body, t);
        t.kind == TokenKind::Word
            && cue::lookup(&l).is_none()
            && !is_auxiliary(&l)
            && !l.ends_with("ly")
            && (i == 0 || !is_function_word(&l))
    });
    words.then_some((0, ci))
}

/// The named owner of the speech noun at `ci`: `Donald Trump's claim that ...` is Trump's.
fn owner_of(body: &str, narrative: &[Token], ci: usize) -> Option<Mention> {
    let last = narrative[..ci].last()?;
    let text = last.text(body);
    let stem = possessive_stem(text)?;
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
    let m = parse_mention(body, &toks)?;
    m.name.is_some().then_some(m)
}

/// Whether the cue at `ci` follows a quote closed with a comma (`,"` or `",`): an inverted
/// attribution of that quote. A quoted phrase without the comma may be part of the subject
/// (`the "Gang of Eight" said ...`), and a participle or a cue with `that` reports a clause
/// of its own (`called the plan "a leash", claiming that ...`).
pub(super) fn attributes_quote_before(body: &str, narrative: &[Token], ci: usize) -> bool {
    if ci == 0
        || lower(body, &narrative[ci]).ends_with("ing")
        || narrative
            .get(ci + 1)
            .is_some_and(|t| lower(body, t) == "that")
    {
        return false;
    }
    let gap = quoted_gap(body, narrative, ci);
    if !gap.is_empty() {
        let inner = gap.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}']);
        return inner.trim_end().ends_with(',');
    }
    is_punct(body, &narrative[ci - 1], &[","]) && !quoted_gap(body, narrative, ci - 1).is_empty()
}
