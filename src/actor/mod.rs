//! Actors: turning the statements of an article and their speaker phrases ("he", "the
//! minister", "Putin's spokesman, Dmitry Peskov", "Moscow") into quotes with one canonical
//! actor each.
//!
//! Input is what the quote finder (`quote::find`) read: statements with their frames, and every named
//! person and body of the text. Names register actors first (`entity`); then, in text
//! order, the rules resolve each frame (`resolver`: a name, a pronoun's antecedent, a
//! role's holder, or with no frame the previous speaker), propose the other actors nearby as
//! candidates (`candidate`), and the learned ranker ([`Ranker`]) picks the speaker. This
//! module does not find quotes.

mod candidate;
mod entity;
pub(crate) mod name;
pub(crate) mod ranker;
mod resolver;

pub(crate) use candidate::Candidate;
pub(crate) use entity::Entity;
pub(crate) use name::normalize;
pub use ranker::{Ranker, RankerError, COLUMNS};
pub(crate) use resolver::Resolver;

use crate::quote::{self, ActorKind, Extraction, Frame, Pronoun, Quote, SpeakerKind, Statement};
use crate::text::{is_possessive, possessive_stem, Span};
use candidate::{candidates, History};

/// Who said a quote: the resolved entity, the mention and the cue.
#[derive(Debug, Clone, Copy, Default)]
struct Said {
    entity: Option<usize>,
    source: Option<Span>,
    cue: Option<Span>,
}

/// The quotes of an article, each with its resolved speaker, ordered by position.
pub(crate) fn attribute(body: &str, found: &Extraction) -> Vec<Quote> {
    attribute_with(body, found, Ranker::builtin(), |_, _, _| {})
}

/// [`attribute`] with a given ranker; `watch` sees every statement's candidates, in text
/// order, as the ranker is about to choose among them (training reads them so).
pub(crate) fn attribute_with(
    body: &str,
    found: &Extraction,
    ranker: &Ranker,
    mut watch: impl FnMut(&Statement, &[Candidate], &Resolver),
) -> Vec<Quote> {
    // Who is on stage: every named person, in text order, before any speaker is resolved.
    let mut resolver = Resolver::new();
    for n in &found.named {
        if n.mention.name.is_none() && !n.known_only {
            // Someone unnamed, known by a role (`A former border guard officer ...`).
            if let Some(i) = resolver.resolve(&n.mention, n.place) {
                resolver.sight(n.mention.span, i, n.salient, n.place);
            }
        } else if n.known_only {
            resolver.observe_known(&n.mention, n.salient, n.place);
        } else if let Some(i) = resolver.observe(&n.mention, n.salient, n.place) {
            resolver.note_affiliation(i, n.mention.span.text(body));
        }
        if told(body, n.mention.span) {
            resolver.mark_addressee(n.mention.span);
        }
    }
    let mut history = History::default();
    // The last speaker and the paragraph of its last statement.
    let mut last: Option<(Said, usize)> = None;
    let mut said: Vec<(&Statement, Said)> = Vec::with_capacity(found.statements.len());
    for f in &found.statements {
        let paragraph = f.place.paragraph;
        let anchor = f.spans.first().map(|s| s.start);
        // The rules' choice, before redirects, and what it says of the source and cue.
        let (rule, rule_said) = match &f.frame {
            Frame::Said { mention, cue, .. } => {
                let rule = resolve_frame(&mut resolver, mention, f.place);
                if let Some(r) = rule.filter(|_| mention.pronoun.is_none()) {
                    resolver.note_affiliation(r, mention.span.text(body));
                }
                let who = Said {
                    entity: rule,
                    source: Some(mention.span),
                    cue: *cue,
                };
                (rule, who)
            }
            Frame::Inherit => match last {
                Some((who, p)) if paragraph <= p + 1 => (who.entity, who),
                _ => (None, Said::default()),
            },
            Frame::InheritInParagraph => match last {
                Some((who, p)) if paragraph == p => (who.entity, who),
                // A fragment nobody can be said to have spoken is a scare quote.
                _ => continue,
            },
        };
        let mention = match &f.frame {
            Frame::Said { mention, .. } => Some(mention),
            _ => None,
        };
        // A lead-in with no quote of its own only names the speaker.
        let Some(anchor) = anchor else {
            if let (Some(r), Some(m)) = (rule, mention) {
                resolver.sight(m.span, r, true, f.place);
                last = Some((rule_said, paragraph));
            }
            continue;
        };
        let cands = candidates(body, &resolver, &history, f, rule, anchor);
        watch(f, &cands, &resolver);
        // A share of the people polled (`70% said`) is the speaker as written: no candidate
        // named nearby said it for them.
        let share = mention
            .is_some_and(|m| m.pronoun.is_none() && quote::is_share_phrase(m.span.text(body)));
        // A document (`the report says`) is a source of its own, not whoever the ranker finds
        // nearby; one a body issues in its own name (`the statement said`) may be that body's,
        // never a person's; one whose author the phrase names (`Mr Crosby's statement`, `his
        // letter`) is left to the ranker.
        let document = mention
            .filter(|m| {
                m.name.is_none()
                    && m.pronoun.is_none()
                    && m.kind == ActorKind::Document
                    && !names_its_author(m.span.text(body))
            })
            .map(|m| issued_document(m.span.text(body)));
        // One whose author is a body the phrase names by a common noun (`the company's
        // statement`) is that body's, when one is named nearby (or a one-word name that `it`
        // may stand for: `Kestrelcom said`).
        let by_body = |c: &Candidate| {
            let e = resolver.entity(c.entity);
            !c.rule && e.kind != ActorKind::Document && resolver::agreement(Pronoun::It, e).0
        };
        let body_owned = mention.is_some_and(|m| {
            m.name.is_none()
                && m.pronoun.is_none()
                && m.kind == ActorKind::Document
                && body_author(m.span.text(body))
        }) && cands.iter().any(by_body);
        // The most probable candidate; without the rules' own, only one more likely than not.
        let best = cands
            .iter()
            .filter(|_| !share)
            .filter(|c| !body_owned || by_body(c))
            .filter(|c| match document {
                _ if c.rule => true,
                None => true,
                Some(issued) => issued && resolver.entity(c.entity).kind != ActorKind::Person,
            })
            .map(|c| (c, ranker.score(&c.row)))
            .enumerate()
            .max_by(|(i, (_, a)), (j, (_, b))| a.total_cmp(b).then(j.cmp(i)))
            .map(|(_, best)| best)
            .filter(|(c, p)| c.rule || cands.iter().any(|c| c.rule) || *p > 0.5)
            .map(|(c, _)| c);
        let who = match best {
            None => rule_said,
            Some(c) if c.rule => Said {
                entity: Some(c.entity),
                ..rule_said
            },
            Some(c) => {
                // A pronoun or a role still attributes the quote; only its referent changed.
                let source = match mention {
                    Some(m) if m.name.is_none() => Some(m.span),
                    _ => c.seen,
                };
                Said {
                    entity: Some(c.entity),
                    source,
                    cue: rule_said.cue,
                }
            }
        };
        if let Some(c) = best {
            if let Some(m) = mention.filter(|m| m.name.is_none()) {
                resolver.sight(m.span, if c.rule { c.raw } else { c.entity }, true, f.place);
            }
            history.spoke(c.entity, paragraph);
            last = Some((who, paragraph));
        }
        said.push((f, who));
    }
    let quotes: Vec<Quote> = said
        .into_iter()
        .map(|(f, who)| Quote {
            kind: f.kind,
            text: f
                .spans
                .iter()
                .map(|s| s.text(body))
                .collect::<Vec<_>>()
                .join(" "),
            spans: f.spans.clone(),
            speaker: who.entity.map(|i| resolver.canonical(i).to_string()),
            source: who.source,
            cue: who.cue,
            denied: f.denied,
            speaker_kind: who.entity.map(|i| speaker_kind(resolver.entity(i))),
            affiliation: who
                .entity
                .and_then(|i| resolver.entity(i).affiliation)
                .map(str::to_string),
        })
        .collect();
    quote::without_overlaps(quotes)
}

/// Whether the mention at `span` is whom a verb of telling addresses (`told Reuters`,
/// `telling reporters`).
fn told(body: &str, span: Span) -> bool {
    let mut before = body[..span.start].split_whitespace().rev();
    let word = match before.next() {
        Some("the" | "a" | "an") => before.next(),
        w => w,
    };
    word.and_then(quote::cue::lookup)
        .is_some_and(|(_, base)| base == "tell")
}

/// Whether a document phrase names whose it is: a possessive (`Mr Crosby's statement`, `his
/// letter`).
fn names_its_author(phrase: &str) -> bool {
    phrase.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        is_possessive(&w) || matches!(w.as_str(), "his" | "her" | "their" | "its" | "my" | "our")
    })
}

/// Whether a document phrase names its author by a common noun for a body (`the company's
/// statement`, `the ministry's report`).
fn body_author(phrase: &str) -> bool {
    phrase.split_whitespace().any(|w| {
        possessive_stem(w).is_some_and(|owner| {
            !quote::is_capitalized(owner)
                && (quote::mention::is_org_word(owner) || quote::words::is_firm_noun(owner))
        })
    })
}

/// Whether a document phrase names a document a body issues in its own name.
fn issued_document(phrase: &str) -> bool {
    phrase
        .split_whitespace()
        .any(|w| quote::words::is_issued_document(w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// What sort of speaker an actor is: a document, one known only by a common noun (a role),
/// a person, body or group with a name, or an unnamed person speaking for a named body ("a
/// State Department spokesperson"), who counts as that body.
fn speaker_kind(e: &Entity) -> SpeakerKind {
    // Also when read as a name: `Three-quarters` opens with a capital.
    if quote::is_share_phrase(&e.canonical) {
        return SpeakerKind::Role;
    }
    if e.role && e.kind != ActorKind::Document && name::speaks_for_body(&e.canonical) {
        return SpeakerKind::Organisation;
    }
    let named = if e.role {
        name::names_someone(&e.canonical)
    } else {
        !name::is_common_noun(&e.canonical)
    };
    match e.kind {
        ActorKind::Document => SpeakerKind::Document,
        _ if !named => SpeakerKind::Role,
        ActorKind::Person => SpeakerKind::Person,
        ActorKind::Organisation => SpeakerKind::Organisation,
        ActorKind::Group => SpeakerKind::Group,
    }
}

/// The rules' actor for a frame's speaker phrase, before redirects. A role named before its
/// holder ("Britain's foreign secretary has said ... Ruta Vaitkeviciene told the BBC") is
/// redirected to the holder when one follows, unless an indefinite article introduces it
/// (`A State Department official said`): that is someone the article does not name.
fn resolve_frame(
    resolver: &mut Resolver,
    mention: &quote::Mention,
    place: quote::Place,
) -> Option<usize> {
    let raw = resolver.resolve(mention, place)?;
    if mention.name.is_some() || mention.pronoun.is_some() || mention.indefinite {
        return Some(raw);
    }
    // Still the bare role itself: no earlier holder was found.
    let entity = resolver.follow(raw);
    let unnamed = resolver.entity(entity).kind == ActorKind::Person
        && mention
            .role
            .as_deref()
            .is_some_and(|r| normalize(r) == normalize(resolver.canonical(entity)));
    if let (Some(title), true) = (mention.titles.last(), unnamed) {
        // Not the role's owner: `Mr Sigarchi's lawyer ... Mr Sigarchi was sentenced`.
        let owner = mention.role.as_deref().and_then(resolver::role_owner);
        let later = resolver
            .holder_after(mention.span.end, 1200, title)
            .filter(|&h| {
                owner.is_none_or(|o| !resolver.canonical(h).split_whitespace().any(|w| w == o))
            });
        if let Some(later) = later {
            resolver.add_titles(later, &mention.titles);
            resolver.redirect(entity, later);
        }
    }
    Some(raw)
}
