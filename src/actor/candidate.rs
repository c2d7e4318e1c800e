//! The candidates for a statement's speaker, and what the ranker reads of each.
//!
//! The rules propose: the actor the frame's speaker phrase resolves to (or, with no frame,
//! the previous speaker); for a pronoun, the nearest actors it may stand for; and every actor
//! seen in the statement's paragraph and the two before it. Each candidate carries a sparse
//! row of [`Feature`]s: distance and side, agreement with a pronoun, salience, who spoke last.

use super::ranker::{columns, Feature, Frame};
use super::resolver::{agreement, other_unnamed_holder, role_owner, Resolver, Sight};
use super::Entity;
use crate::quote::{self, ActorKind, Pronoun, Statement};
use crate::text::Span;
use crate::wordset::FastMap;

/// How many actors seen before a statement, and after it in its paragraph, are candidates.
const NEARBY_BEFORE: usize = 8;
const NEARBY_AFTER: usize = 3;
/// How many antecedents of a pronoun are candidates.
const ANTECEDENTS: usize = 3;

/// One candidate speaker.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// The actor (after redirects).
    pub entity: usize,
    /// The index the rules resolved, before redirects, when the candidate is theirs.
    pub raw: usize,
    /// Where the candidate was last seen before the statement, or first after it.
    pub seen: Option<Span>,
    pub rule: bool,
    pub row: Vec<(u32, f32)>,
}

/// Who has spoken so far in the article.
#[derive(Debug, Default)]
pub(super) struct History {
    last: Option<usize>,
    before_last: Option<usize>,
    /// Actor -> the last paragraph it spoke in.
    spoke: FastMap<usize, usize>,
}

impl History {
    /// Notes that `entity` spoke a statement in `paragraph`.
    pub(super) fn spoke(&mut self, entity: usize, paragraph: usize) {
        if self.last != Some(entity) {
            self.before_last = self.last;
            self.last = Some(entity);
        }
        self.spoke.insert(entity, paragraph);
    }
}

/// The class of a statement's frame.
pub(super) fn frame_class(s: &Statement) -> Frame {
    let quote::Frame::Said { mention, form, .. } = &s.frame else {
        return Frame::Inherit;
    };
    let body = mention.kind != ActorKind::Person;
    match (mention.pronoun, &mention.name) {
        _ if *form == quote::Form::Turn => Frame::Turn,
        (Some(Pronoun::He | Pronoun::She | Pronoun::I), _) => Frame::PersonPronoun,
        (Some(_), _) => Frame::OtherPronoun,
        (None, Some(_)) if body => Frame::BodyName,
        (None, Some(_)) => Frame::Name,
        (None, None) if body => Frame::BodyRole,
        (None, None) => Frame::Role,
    }
}

/// The candidates for statement `s`, whose rules' choice is `rule` (an index before
/// redirects), at byte `anchor` (where its words or its speaker phrase begin).
pub(super) fn candidates(
    body: &str,
    resolver: &Resolver,
    history: &History,
    s: &Statement,
    rule: Option<usize>,
    anchor: usize,
) -> Vec<Candidate> {
    let frame = frame_class(s);
    let (pronoun, phrase, title) = match &s.frame {
        quote::Frame::Said { mention, .. } => (
            mention.pronoun,
            Some(mention.span),
            mention.titles.last().filter(|_| mention.name.is_none()),
        ),
        _ => (None, None, None),
    };
    // A name inside the speaker phrase is part of it ("the New York businessman", "Putin's
    // spokesman, Dmitry Peskov"): the phrase names one speaker, the rules' own.
    let ruled = rule.map(|r| resolver.follow(r));
    let in_phrase = |x: &Sight| {
        phrase.is_some_and(|p| p.start <= x.span.start && x.span.end <= p.end)
            && ruled != Some(resolver.follow(x.entity))
    };
    // A name inside the statement is what it speaks of, not who made it ("It says Tony Blair
    // felt ..."); so is one in the clause a fragment closes (`The MPs found the ledger system
    // built by Anders Veltrix was "nowhere near ..."`), unless a verb of speaking follows
    // it (`what Malcolm Turnbull called "..."`). A pronoun the rules read as the subject may
    // be no speaker at all (`It was a year ago that Mayor Ines Okafor, who ..., said it was
    // "unthinkable"`), so the names after it stay.
    let clause = match &s.frame {
        quote::Frame::Said {
            mention,
            cue: Some(cue),
            form: quote::Form::Fragment | quote::Form::Subject,
        } if mention.pronoun.is_none() => s
            .spans
            .first()
            .filter(|q| cue.end <= q.start)
            .map(|q| Span::new(cue.end, q.start)),
        _ => None,
    };
    let speaks = |x: &Sight| {
        body[x.span.end..]
            .split_whitespace()
            .next()
            .is_some_and(quote::is_cue)
    };
    let in_statement = |x: &Sight| {
        s.spans
            .iter()
            .any(|q| q.start <= x.span.start && x.span.end <= q.end)
    };
    // Such a name still takes its place among the nearby ones, so no name farther off comes
    // in for it.
    let in_clause = |x: &Sight| {
        clause.is_some_and(|q| q.start <= x.span.start && x.span.end <= q.end && !speaks(x))
    };
    let p = s.place.paragraph;
    // Candidates in order of proposal: the rules' own first.
    let mut out: Vec<(usize, usize, bool)> = Vec::new(); // (entity, raw, rule)
    let add = |raw: usize, rule: bool, out: &mut Vec<(usize, usize, bool)>| {
        let entity = resolver.follow(raw);
        if !out.iter().any(|c| c.0 == entity) {
            out.push((entity, raw, rule));
        }
    };
    if let Some(r) = rule {
        add(r, true, &mut out);
    }

    let mut antecedent_rank: Vec<(usize, usize)> = Vec::new();
    if let Some(pn) = pronoun {
        let want = |e: &Entity| agreement(pn, e).0;
        for (rank, (e, _)) in resolver
            .antecedents(anchor, &want, ANTECEDENTS)
            .into_iter()
            .enumerate()
        {
            antecedent_rank.push((resolver.follow(e), rank));
            add(e, false, &mut out);
        }
    }
    // The nearest sighting of each actor before the anchor, and after it in the paragraph.
    let mut before: Vec<&Sight> = Vec::new();
    for sight in resolver.seen_before(anchor, p.saturating_sub(2)) {
        if in_phrase(sight) || sight.addressee {
            continue;
        }
        let e = resolver.follow(sight.entity);
        if before.iter().all(|b| resolver.follow(b.entity) != e) {
            if before.len() == NEARBY_BEFORE {
                break;
            }
            before.push(sight);
            if !in_clause(sight) {
                add(sight.entity, false, &mut out);
            }
        }
    }
    let mut after: Vec<&Sight> = Vec::new();
    for sight in resolver.seen_after(anchor, p) {
        if in_phrase(sight) || in_statement(sight) || sight.addressee {
            continue;
        }
        let e = resolver.follow(sight.entity);
        let known = before
            .iter()
            .chain(&after)
            .any(|b| resolver.follow(b.entity) == e);
        if !known {
            if after.len() == NEARBY_AFTER {
                break;
            }
            after.push(sight);
            if !in_clause(sight) {
                add(sight.entity, false, &mut out);
            }
        }
    }
    if let Some(last) = history.last {
        add(last, false, &mut out);
    }
    // A speaker named in the frame is the speaker: `Ana Ruiz said`, `the Kremlin said`.
    // So is a person of someone's own whom the phrase names (`Mr Sigarchi's lawyer`,
    // `Putin's adviser`; see `role_owner`): no actor nearby stands for them. So is a body or
    // group a lower-case plural describes (`the national cattle ranchers' federation`, `the
    // farmers' union`): the phrase introduces it, it refers to no one before.
    let role = match &s.frame {
        quote::Frame::Said { mention, .. } => mention.role.as_deref(),
        _ => None,
    };
    let introduced = role.is_some_and(|r| match frame {
        Frame::Role => role_owner(r).is_some() || described_by_plural(r),
        Frame::BodyRole => described_by_plural(r),
        _ => false,
    });
    if (introduced || matches!(frame, Frame::Name | Frame::BodyName | Frame::Turn))
        && rule.is_some()
    {
        out.truncate(1);
    }
    // A role an indefinite article introduces (`an EU diplomat said`) is someone new: not
    // another unnamed person quoted before (`a Commission spokesperson`), though it may be
    // the body they speak for. Nor is any role an unnamed person it cannot name.
    if let (Frame::Role, Some(_), quote::Frame::Said { mention, .. }) = (frame, rule, &s.frame) {
        out.retain(|c| {
            let e = resolver.entity(c.0);
            c.2 || !((mention.indefinite && e.role && e.is_person())
                || other_unnamed_holder(e, mention))
        });
    }
    // A group whose words the sentence reports (`observers said they thought ...`) is never
    // one person, a body or a document named nearby (`Analysts said the ministry ...` after
    // the ministry spoke), only another group. A group that is only the sentence's subject
    // (`Other leaders denounced what Malcolm Turnbull called "..."`) may be, and so may a
    // group after a quote, which the rules may have read as its attribution when it opens a
    // sentence of its own (`"... reaches $1.30." Some analysts maintain ...`).
    if let (Some(_), quote::Frame::Said { mention, form, .. }) = (rule, &s.frame) {
        if mention.kind == ActorKind::Group
            && mention.pronoun.is_none()
            && mention.name.is_none()
            && *form == quote::Form::Reported
        {
            out.retain(|c| c.2 || resolver.entity(c.0).kind == ActorKind::Group);
        }
    }
    let first = |e: usize, list: &[&'_ Sight]| {
        list.iter()
            .find(|x| resolver.follow(x.entity) == e)
            .map(|x| **x)
    };
    out.into_iter()
        .map(|(entity, raw, rule)| {
            let mut row = Row::new(frame);
            let ent = resolver.entity(entity);
            if rule {
                row.on(Feature::Rule);
                if let quote::Frame::Said { form, .. } = &s.frame {
                    match form {
                        quote::Form::Lead | quote::Form::LeadIn => row.on(Feature::RuleLead),
                        quote::Form::Tail => row.on(Feature::RuleTail),
                        quote::Form::Reported => row.on(Feature::RuleReported),
                        quote::Form::Fragment => row.on(Feature::RuleFragment),
                        quote::Form::Subject => row.on(Feature::RuleSubject),
                        quote::Form::Turn => {}
                    }
                }
            }
            if let Some(pn) = pronoun {
                match agreement(pn, ent) {
                    (true, true) => row.on(Feature::AgreesKnown),
                    (true, false) => row.on(Feature::Agrees),
                    (false, _) => row.on(Feature::Clashes),
                }
                match antecedent_rank.iter().find(|a| a.0 == entity).map(|a| a.1) {
                    Some(0) => row.on(Feature::Antecedent1),
                    Some(1) => row.on(Feature::Antecedent2),
                    Some(_) => row.on(Feature::Antecedent3),
                    None => {}
                }
            }
            let back = first(entity, &before);
            let ahead = first(entity, &after);
            if let Some(b) = back {
                let sentences = s.place.sentence.saturating_sub(b.place.sentence);
                row.on(match sentences {
                    0 => Feature::SameSentence,
                    1 => Feature::SentenceBack1,
                    2 => Feature::SentenceBack2,
                    3 | 4 => Feature::SentenceBack3,
                    _ => Feature::SentenceBack5,
                });
                match p.saturating_sub(b.place.paragraph) {
                    0 => {}
                    1 => row.on(Feature::ParagraphBack1),
                    _ => row.on(Feature::ParagraphBack2),
                }
                if b.salient {
                    row.on(Feature::Salient);
                }
            } else if let Some(a) = ahead {
                row.on(if a.place.sentence == s.place.sentence {
                    Feature::AfterInSentence
                } else {
                    Feature::AfterInParagraph
                });
                if a.salient {
                    row.on(Feature::Salient);
                }
            }
            let inside = |x: &Sight| {
                s.spans
                    .iter()
                    .any(|q| q.start <= x.span.start && x.span.end <= q.end)
            };
            if back.iter().chain(ahead.iter()).any(inside) {
                row.on(Feature::InsideQuote);
            }
            if history.last == Some(entity) {
                row.on(Feature::SpokePrevious);
            } else if history.before_last == Some(entity) {
                row.on(Feature::SpokeBeforePrevious);
            }
            if let Some(&q) = history.spoke.get(&entity) {
                row.on(Feature::SpokeBefore);
                if q == p {
                    row.on(Feature::SpokeInParagraph);
                } else if q + 1 == p {
                    row.on(Feature::SpokeInPreviousParagraph);
                }
            }
            row.on(match ent.kind {
                ActorKind::Person => Feature::Person,
                ActorKind::Organisation => Feature::Organisation,
                ActorKind::Group => Feature::Group,
                ActorKind::Document => Feature::Document,
            });
            if ent.canonical.split_whitespace().count() >= 2 {
                row.on(Feature::FullName);
            }
            if ent.role {
                row.on(Feature::RoleOnly);
            }
            if title.is_some_and(|t| ent.titles.contains(t)) {
                row.on(Feature::SharesTitle);
            }
            Candidate {
                entity,
                raw,
                seen: back.or(ahead).map(|x| x.span),
                rule,
                row: row.items,
            }
        })
        .collect()
}

/// A candidate's sparse row under construction.
struct Row {
    frame: Frame,
    items: Vec<(u32, f32)>,
}

impl Row {
    fn new(frame: Frame) -> Row {
        Row {
            frame,
            items: Vec::with_capacity(24),
        }
    }

    fn on(&mut self, f: Feature) {
        for c in columns(f, self.frame) {
            self.items.push((c, 1.0));
        }
    }
}

/// Whether a role phrase holds a lower-case plural owner before its head (`national cattle
/// ranchers' federation`): a description of the body, not a reference back.
fn described_by_plural(role: &str) -> bool {
    let words: Vec<&str> = role.split_whitespace().collect();
    words.len() > 1
        && words[..words.len() - 1].iter().any(|w| {
            w.starts_with(|c: char| c.is_lowercase())
                && (w.ends_with("s'") || w.ends_with("s\u{2019}"))
        })
}
