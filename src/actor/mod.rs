//! Actors: turning the statements of an article and their speaker phrases ("he", "the
//! minister", "Putin's spokesman, Dmitry Peskov", "Moscow") into quotes with one canonical
//! actor each.
//!
//! Input is what [`crate::quote::find`] read: statements with their frames, and every named
//! person and body of the text. Names register actors first ([`entity`]), then speakers are
//! resolved in text order ([`resolver`]): floating quotes take the previous speaker, a role
//! named before its holder is redirected to the holder. This module does not find quotes.

mod entity;
mod name;
mod resolver;

pub use entity::Entity;
pub use name::normalize;
pub use resolver::Resolver;

use crate::quote::{self, ActorKind, Extraction, Frame, Quote, Span};

/// Who said a quote: the resolved entity, the mention and the cue.
#[derive(Debug, Clone, Copy, Default)]
struct Said {
    entity: Option<usize>,
    source: Option<Span>,
    cue: Option<Span>,
}

/// The quotes of an article, each with its resolved speaker, ordered by position.
pub fn attribute(body: &str, found: &Extraction) -> Vec<Quote> {
    // Who is on stage: every named person, in text order, before any speaker is resolved.
    let mut resolver = Resolver::new();
    for n in &found.named {
        if n.known_only {
            resolver.observe_known(&n.mention, n.salient);
        } else {
            resolver.observe(&n.mention, n.salient);
        }
    }
    // Resolve speakers in text order; floating quotes take the previous speaker.
    let mut last: Option<(Said, usize)> = None;
    let mut said: Vec<(&quote::Statement, Said)> = Vec::with_capacity(found.statements.len());
    for f in &found.statements {
        // A lead-in with no quote of its own only names the speaker.
        let lead_in = f.spans.is_empty();
        let who = match &f.frame {
            Frame::Said { mention, cue } => {
                let mut entity = resolver.resolve(mention);
                if mention.name.is_none() && mention.pronoun.is_none() {
                    // A role named before its holder: "Britain's foreign secretary has said".
                    // Still the bare role itself: no earlier holder was found.
                    let unnamed = entity.is_some_and(|i| {
                        resolver.entity(i).kind == ActorKind::Person
                            && mention
                                .role
                                .as_deref()
                                .is_some_and(|r| normalize(r) == normalize(resolver.canonical(i)))
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
            Frame::Inherit => match last {
                Some((who, p)) if f.paragraph <= p + 1 => {
                    last = Some((who, f.paragraph));
                    who
                }
                _ => Said::default(),
            },
            Frame::InheritInParagraph => match last {
                Some((who, p)) if f.paragraph == p => who,
                // A fragment nobody can be said to have spoken is a scare quote.
                _ => continue,
            },
        };
        said.push((f, who));
    }
    let quotes: Vec<Quote> = said
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
                spans: f.spans.clone(),
                speaker: who.entity.map(|i| resolver.canonical(i).to_string()),
                source: who.source.filter(|_| known),
                cue: who.cue.filter(|_| known),
            }
        })
        .collect();
    quote::without_overlaps(quotes)
}
