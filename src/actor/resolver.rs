//! Resolving the speaker mentions of one article to its actors, in text order.
//!
//! News conventions, as the attribution systems of `ATTRIBUTION.md` follow them: a surname
//! refers to the longest full name with that surname; a pronoun refers to the nearest
//! preceding compatible person, preferring earlier speakers and sentence subjects; a role
//! noun refers to the person last given that title, or to one named shortly after. Look-backs
//! read at most [`LOOK_BACK`] sightings, so the work per mention is bounded.

use super::entity::{Entities, Entity};
use super::name::{normalize, strip_article};
use crate::quote::{is_capitalized, ActorKind, Gender, Mention, Pronoun};
use std::collections::BTreeMap;

/// How many sightings a pronoun or a role looks back over for its antecedent: far more than
/// an article's pronouns need, and a bound on the work an article of any size asks for.
pub const LOOK_BACK: usize = 400;

/// Where a sighting sits: its position, then the order of sightings at one position (later
/// ones first, so that a look-back meets the earliest last).
type At = (usize, u32);

/// Resolves mentions to canonical actors within one article. Feed it mentions in text order.
#[derive(Debug, Default)]
pub struct Resolver {
    entities: Entities,
    /// Sightings of actors by position: the actor and whether it was salient there.
    sightings: BTreeMap<At, (usize, bool)>,
    redirects: std::collections::HashMap<usize, usize>,
}

impl Resolver {
    pub fn new() -> Resolver {
        Resolver::default()
    }

    /// Registers a named mention seen anywhere in the text (a subject, an object, a speaker),
    /// so that later pronouns and roles can refer to it. `salient` marks speakers and subjects.
    pub fn observe(&mut self, m: &Mention, salient: bool) -> Option<usize> {
        let name = m.name.as_ref()?;
        let idx = self.entities.for_name(name, m.kind, m.gender);
        let e = self.entities.get_mut(idx);
        e.titles.extend(m.titles.iter().cloned());
        if e.gender == Gender::Unknown {
            e.gender = m.gender;
        }
        self.sight(m.span.start, idx, salient);
        Some(idx)
    }

    /// Registers a one-word name (`Hadžić brushed the objections aside.`) only when it is the
    /// surname of a person already on stage: alone, a capitalised word may open any sentence.
    pub fn observe_known(&mut self, m: &Mention, salient: bool) -> Option<usize> {
        let key = normalize(m.name.as_ref()?);
        if key.is_empty() || key.contains(' ') {
            return None;
        }
        let idx = self.entities.full_name_with_surname(&key)?;
        self.sight(m.span.start, idx, salient);
        Some(idx)
    }

    /// Records a sighting; a repeated sighting of the same entity at the same place only
    /// upgrades its salience.
    fn sight(&mut self, pos: usize, entity: usize, salient: bool) {
        let here = self.sightings.range_mut((pos, 0)..=(pos, u32::MAX));
        let mut order = u32::MAX;
        for (&(_, o), s) in here {
            if s.0 == entity {
                s.1 |= salient;
                return;
            }
            order = order.min(o.saturating_sub(1));
        }
        self.sightings.insert((pos, order), (entity, salient));
    }

    /// Resolves a speaker mention at its position to an entity index, registering it.
    pub fn resolve(&mut self, m: &Mention) -> Option<usize> {
        self.resolve_raw(m).map(|i| self.follow(i))
    }

    fn resolve_raw(&mut self, m: &Mention) -> Option<usize> {
        if m.name.is_some() {
            return self.observe(m, true);
        }
        let pos = m.span.start;
        if let Some(p) = m.pronoun {
            let want = |e: &Entity| match p {
                Pronoun::He => e.kind == ActorKind::Person && e.gender != Gender::Female,
                Pronoun::She => e.kind == ActorKind::Person && e.gender != Gender::Male,
                Pronoun::I => e.kind == ActorKind::Person,
                Pronoun::They => matches!(e.kind, ActorKind::Group | ActorKind::Organisation),
                Pronoun::It | Pronoun::We => e.kind == ActorKind::Organisation,
            };
            let known = |e: &Entity| match (p, e.gender) {
                (Pronoun::He, Gender::Male) | (Pronoun::She, Gender::Female) => 1,
                _ => 0,
            };
            let idx = self.best_before(pos, &want, &known)?;
            self.sight(pos, idx, true);
            return Some(idx);
        }
        let role = m.role.as_ref()?;
        if m.kind == ActorKind::Organisation {
            // "the department": the body last named with that head word.
            let head = role.split_whitespace().last().unwrap_or("").to_lowercase();
            let want = |e: &Entity| {
                e.kind == ActorKind::Organisation
                    && e.canonical.split_whitespace().count() > 1
                    && e.canonical
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| w.to_lowercase() == head)
            };
            if let Some(idx) = self.nearest_before(pos, &want) {
                self.sight(pos, idx, true);
                return Some(idx);
            }
        }
        if m.kind == ActorKind::Person && !m.titles.is_empty() {
            // "the minister": the person last given that title.
            let head = m.titles.last().cloned().unwrap_or_default();
            let want = |e: &Entity| e.kind == ActorKind::Person && e.titles.contains(&head);
            if let Some(idx) = self.nearest_before(pos, &want) {
                self.sight(pos, idx, true);
                return Some(idx);
            }
        }
        let idx = self
            .entities
            .for_name(&strip_article(role), m.kind, m.gender);
        self.entities
            .get_mut(idx)
            .titles
            .extend(m.titles.iter().cloned());
        self.sight(pos, idx, true);
        Some(idx)
    }

    /// The nearest entity sighted before `pos` that `want` accepts, preferring salient ones
    /// among the two nearest candidates.
    fn nearest_before(&self, pos: usize, want: &dyn Fn(&Entity) -> bool) -> Option<usize> {
        self.best_before(pos, want, &|_| 0)
    }

    /// Among the three nearest distinct entities before `pos` that `want` accepts, the one
    /// with the best score: `bonus` (e.g. a gender that is known to match), then salience,
    /// then recency. Reads at most [`LOOK_BACK`] sightings.
    fn best_before(
        &self,
        pos: usize,
        want: &dyn Fn(&Entity) -> bool,
        bonus: &dyn Fn(&Entity) -> i32,
    ) -> Option<usize> {
        let mut seen: Vec<(usize, bool)> = Vec::new();
        for &(entity, salient) in self
            .sightings
            .range(..(pos, 0))
            .rev()
            .take(LOOK_BACK)
            .map(|(_, s)| s)
        {
            if !want(self.entities.get(entity)) {
                continue;
            }
            match seen.iter_mut().find(|x| x.0 == entity) {
                Some(x) => x.1 |= salient,
                None => {
                    if seen.len() == 3 {
                        break;
                    }
                    seen.push((entity, salient));
                }
            }
        }
        let score = |(rank, &(entity, salient)): (usize, &(usize, bool))| {
            bonus(self.entities.get(entity)) * 2 + i32::from(salient) * 2 - rank as i32 * 3
        };
        seen.iter()
            .enumerate()
            .max_by_key(|&(rank, s)| (score((rank, s)), -(rank as i32)))
            .map(|(_, s)| s.0)
    }

    /// The holder of a role mentioned before its name: the first person within `window` bytes
    /// after `pos` who is given that title, or who is introduced as a subject or speaker with
    /// no other title ("the country's foreign minister has said ... Ruta Vaitkeviciene, who
    /// has run Lithuania's diplomacy since 2022, told the BBC").
    pub fn holder_after(&self, pos: usize, window: usize, title: &str) -> Option<usize> {
        let near: Vec<(usize, bool)> =
            self.sightings
                .range((pos + 1, 0)..(pos + window + 1, 0))
                .map(|(_, &s)| s)
                .filter(|&(entity, _)| {
                    let ent = self.entities.get(entity);
                    let named = ent.canonical.split_whitespace().any(|w| {
                        is_capitalized(w) && !w.ends_with("'s") && !w.ends_with("\u{2019}s")
                    });
                    ent.kind == ActorKind::Person && named && ent.canonical.contains(' ')
                })
                .collect();
        near.iter()
            .find(|s| self.entities.get(s.0).titles.contains(title))
            .or_else(|| {
                near.iter()
                    .find(|s| s.1 && self.entities.get(s.0).titles.is_empty())
            })
            .map(|s| s.0)
    }

    /// From now on, mentions resolved to `from` (a bare role) mean `to` (its holder).
    pub fn redirect(&mut self, from: usize, to: usize) {
        if from != to {
            self.redirects.insert(from, to);
        }
    }

    fn follow(&self, idx: usize) -> usize {
        self.redirects.get(&idx).copied().unwrap_or(idx)
    }

    /// Gives an entity the titles a role mention used for it, so that later mentions of the
    /// role find it.
    pub fn add_titles(&mut self, entity: usize, titles: &[String]) {
        self.entities
            .get_mut(entity)
            .titles
            .extend(titles.iter().cloned());
    }

    pub fn entity(&self, idx: usize) -> &Entity {
        self.entities.get(idx)
    }

    /// The canonical name of an entity, after all merging so far.
    pub fn canonical(&self, idx: usize) -> &str {
        &self.entities.get(idx).canonical
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::{self, Span};
    use crate::text::tokens;

    fn mention(s: &str) -> Mention {
        quote::mention::parse_mention(s, &tokens(s, Span::new(0, s.len()))).unwrap()
    }

    #[test]
    fn resolver_merges_surnames_and_resolves_pronouns_by_gender() {
        let text =
            "Foreign Minister Moussa Diallo met Ms Grace Okafor. Diallo said. She said. He said.";
        let mut r = Resolver::new();
        for n in quote::find(text).named {
            r.observe(&n.mention, false);
        }
        let at = |s: &str| text.find(s).unwrap();
        let diallo = mention("Diallo");
        let mut d = diallo.clone();
        d.span = Span::new(at("Diallo said"), at("Diallo said") + 6);
        let i = r.resolve(&d).unwrap();
        assert_eq!(r.canonical(i), "Moussa Diallo");
        let mut she = mention("she");
        she.span = Span::new(at("She"), at("She") + 3);
        let j = r.resolve(&she).unwrap();
        assert_eq!(r.canonical(j), "Grace Okafor");
        let mut he = mention("he");
        he.span = Span::new(at("He said"), at("He said") + 2);
        let k = r.resolve(&he).unwrap();
        assert_eq!(r.canonical(k), "Moussa Diallo");
    }
}
