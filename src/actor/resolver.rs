//! Resolving the speaker mentions of one article to its actors, in text order.
//!
//! News conventions, as the attribution systems of `ATTRIBUTION.md` follow them: a surname
//! refers to the longest full name with that surname; a pronoun refers to the nearest
//! preceding compatible person, preferring earlier speakers and sentence subjects; a role
//! noun refers to the person last given that title, or to one named shortly after. Look-backs
//! read at most [`LOOK_BACK`] sightings, so the work per mention is bounded.

use super::entity::{Entities, Entity};
use super::name::{normalize, strip_article};
use crate::quote::mention::is_org_word;
use crate::quote::{is_capitalized, ActorKind, Gender, Mention, Place, Pronoun};
use crate::text::{is_possessive, possessive_stem, Span};
use std::collections::BTreeMap;

/// Words for any body, which refer back to the body last named ("the company said").
const GENERIC_BODIES: &[&str] = &["company", "firm", "organisation", "organization"];

/// How many sightings a pronoun or a role looks back over for its antecedent: far more than
/// an article's pronouns need, and a bound on the work an article of any size asks for.
pub(super) const LOOK_BACK: usize = 400;

/// Where a sighting sits: its position, then the order of sightings at one position (later
/// ones first, so that a look-back meets the earliest last).
type At = (usize, u32);

/// An actor seen at a place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sight {
    pub entity: usize,
    /// A sentence's subject, a turn's or a quote's speaker.
    pub salient: bool,
    pub place: Place,
    /// The mention's span.
    pub span: Span,
    /// Whom someone tells (`telling Reuters`): the listener, never the speaker.
    pub addressee: bool,
}

/// Whether a pronoun may stand for an actor, and whether its gender is known to match.
pub(super) fn agreement(p: Pronoun, e: &Entity) -> (bool, bool) {
    let may = match p {
        Pronoun::He => e.kind == ActorKind::Person && e.gender != Gender::Female,
        Pronoun::She => e.kind == ActorKind::Person && e.gender != Gender::Male,
        Pronoun::I => e.kind == ActorKind::Person,
        // A place speaks for its government as `it`, not `they` (`firms in Europe and North
        // America ... They fear`).
        Pronoun::They => {
            matches!(e.kind, ActorKind::Group | ActorKind::Organisation) && !names_a_place(e)
        }
        // A one-word name with no title and no known gender is as often a company or a
        // body the gazetteer does not know (`Google said ... It said:`) as a person.
        Pronoun::It => {
            matches!(e.kind, ActorKind::Organisation | ActorKind::Document)
                || (e.kind == ActorKind::Person
                    && e.gender == Gender::Unknown
                    && e.titles.is_empty()
                    && !e.role
                    && !e.canonical.contains(' '))
        }
        Pronoun::We => e.kind == ActorKind::Organisation,
    };
    let known = matches!(
        (p, e.gender),
        (Pronoun::He, Gender::Male) | (Pronoun::She, Gender::Female)
    );
    (may, known)
}

/// Whether an actor's name is a place's: a country, capital or seat of government the
/// gazetteer lists, or a continent or region (`North America`, `Western Europe`).
fn names_a_place(e: &Entity) -> bool {
    crate::gazetteer::is_place(&e.canonical)
        || e.canonical
            .split(' ')
            .all(|w| crate::quote::words::is_place_word(w) || crate::gazetteer::is_place(w))
}

/// The name a role phrase gives its owner when the role is a person of the owner's own
/// (`Mr Sigarchi's lawyer` -> `Sigarchi`, `Putin's adviser` -> `Putin`): that is someone else
/// than the owner. A spokesperson is left out: they speak for the owner (`Cameron's
/// spokesman`), and so does a phrase whose last word is no speaker noun (`Clinton's top
/// foreign`, a phrase cut short).
pub(super) fn role_owner(role: &str) -> Option<&str> {
    let head = role.split_whitespace().last()?.to_lowercase();
    if !crate::quote::is_speaker_noun(&head) || head.starts_with("spokes") {
        return None;
    }
    role.split_whitespace().rev().find_map(|w| {
        let stem = possessive_stem(w)?;
        stem.starts_with(|c: char| c.is_uppercase()).then_some(stem)
    })
}

/// Whether a role is held for someone the phrase ends by naming ("spokeswoman for Hillary
/// Clinton", "adviser to Mr Trump"): that name is not the speaker's. A portfolio before the
/// speaker's own name ("spokesperson for Pacific affairs Senator Rachel Whitcombe") is no
/// such role.
fn held_for_someone(role: &str) -> bool {
    let words: Vec<&str> = role.split_whitespace().collect();
    let capitalised = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
    (1..words.len()).any(|i| {
        let rest = match &words[i + 1..] {
            ["the", rest @ ..] => rest,
            rest => rest,
        };
        matches!(words[i], "for" | "to")
            && words[i - 1].starts_with(|c: char| c.is_lowercase())
            && !rest.is_empty()
            && rest.iter().all(capitalised)
    })
}

/// Whether `e` is an unnamed person who cannot be the one `m`'s role names: one of another
/// title (`the minister's spokesman` is not `Mr Sigarchi's lawyer`), or of the same title said
/// otherwise when `m` says it more fully than the title (`Putin's spokesman` is not `the
/// minister's spokesman`).
pub(super) fn other_unnamed_holder(e: &Entity, m: &Mention) -> bool {
    let (Some(title), Some(role)) = (m.titles.last(), m.role.as_deref()) else {
        return false;
    };
    if !(e.role && e.is_person()) {
        return false;
    }
    // `the same diplomat` is the diplomat just named.
    let phrase = normalize(&strip_article(role));
    let phrase = phrase.strip_prefix("same ").unwrap_or(&phrase);
    !e.titles.contains(title) || (phrase != normalize(title) && e.key != phrase)
}

/// Resolves mentions to canonical actors within one article. Feed it mentions in text order.
#[derive(Debug, Default)]
pub(crate) struct Resolver {
    entities: Entities,
    /// Sightings of actors by position.
    sightings: BTreeMap<At, Sight>,
    redirects: std::collections::HashMap<usize, usize>,
}

impl Resolver {
    pub(crate) fn new() -> Resolver {
        Resolver::default()
    }

    /// Registers a named mention seen anywhere in the text (a subject, an object, a speaker),
    /// so that later pronouns and roles can refer to it. `salient` marks speakers and subjects.
    pub(crate) fn observe(&mut self, m: &Mention, salient: bool, place: Place) -> Option<usize> {
        let name = m.name.as_ref()?;
        if let Some(idx) = self.body_named_before(name, m.span.start) {
            self.sight(m.span, idx, salient, place);
            return Some(idx);
        }
        let idx = self.entities.for_name(name, m.kind, m.gender);
        let e = self.entities.get_mut(idx);
        e.titles.extend(m.titles.iter().cloned());
        if e.gender == Gender::Unknown {
            e.gender = m.gender;
        }
        self.sight(m.span, idx, salient, place);
        Some(idx)
    }

    /// The body a capitalised short form refers back to: "the Ministry" after "the Ministry
    /// of Information", "the Coalition" after "the Coalition for a Civilian State". Only a
    /// lone word for a kind of body qualifies, and only a body named before in the article
    /// with that word in its name; otherwise the word is a common noun opening a sentence.
    fn body_named_before(&self, name: &str, pos: usize) -> Option<usize> {
        // Every named mention passes here: a cheap shape test before any allocation.
        let mut words = name
            .split_whitespace()
            .skip_while(|w| w.eq_ignore_ascii_case("the"));
        let (Some(word), None) = (words.next(), words.next()) else {
            return None;
        };
        let head = word.to_lowercase();
        if !is_org_word(&head) || !super::name::is_common_noun(word) {
            return None;
        }
        let want = |e: &Entity| {
            e.kind == ActorKind::Organisation
                && !e.role
                && e.canonical.split_whitespace().count() > 1
                && e.canonical
                    .split_whitespace()
                    .any(|w| w.to_lowercase() == head)
        };
        self.nearest_before(pos, &want)
    }

    /// Notes whom actor `idx` belongs to, as a phrase naming it shows (`Russian President
    /// Vladimir Putin`, `a Downing Street spokesman`), unless that is known already.
    pub(crate) fn note_affiliation(&mut self, idx: usize, phrase: &str) {
        let e = self.entities.get_mut(idx);
        if e.affiliation.is_none() {
            e.affiliation = super::name::affiliation(phrase);
        }
    }

    /// Registers a one-word name (`Hadžić brushed the objections aside.`) only when it is the
    /// surname of a person already on stage: alone, a capitalised word may open any sentence.
    pub(crate) fn observe_known(
        &mut self,
        m: &Mention,
        salient: bool,
        place: Place,
    ) -> Option<usize> {
        let name = m.name.as_ref()?;
        let key = normalize(name);
        if key.is_empty() || key.contains(' ') {
            return None;
        }
        let Some(idx) = self.entities.full_name_with_surname(&key) else {
            // A country or body the gazetteer knows by this very name (`Norway has ...`) is on
            // stage for the `it` that follows; not one of its other names, which may be a
            // surname (`Hague` of `The Hague`).
            use crate::gazetteer::{entity, find, fold};
            let own_name = find(name).is_some_and(|(i, _)| fold(entity(i).name) == fold(name));
            return own_name.then(|| self.observe(m, salient, place)).flatten();
        };
        self.sight(m.span, idx, salient, place);
        Some(idx)
    }

    /// Records a sighting; a repeated sighting of the same entity at the same place only
    /// upgrades its salience.
    pub(crate) fn sight(&mut self, span: Span, entity: usize, salient: bool, place: Place) {
        let pos = span.start;
        let here = self.sightings.range_mut((pos, 0)..=(pos, u32::MAX));
        let mut order = u32::MAX;
        for (&(_, o), s) in here {
            if s.entity == entity {
                s.salient |= salient;
                return;
            }
            order = order.min(o.saturating_sub(1));
        }
        let sight = Sight {
            entity,
            salient,
            place,
            span,
            addressee: false,
        };
        self.sightings.insert((pos, order), sight);
    }

    /// Marks the sightings at `span` as whom someone tells (see [`Sight::addressee`]).
    pub(crate) fn mark_addressee(&mut self, span: Span) {
        let here = self
            .sightings
            .range_mut((span.start, 0)..=(span.start, u32::MAX));
        for (_, s) in here {
            s.addressee = true;
        }
    }

    /// The actor the rules give a speaker mention at its place: a name registers it; a
    /// pronoun or role is not seen there until [`Resolver::sight`] says whom it was taken for.
    /// The index is the one found, before any redirect ([`Resolver::follow`]).
    pub(crate) fn resolve(&mut self, m: &Mention, place: Place) -> Option<usize> {
        if m.name.is_some() {
            return self.observe(m, true, place);
        }
        let pos = m.span.start;
        if let Some(p) = m.pronoun {
            let want = |e: &Entity| agreement(p, e).0;
            let known = |e: &Entity| i32::from(agreement(p, e).1);
            return self.best_before(pos, &want, &known);
        }
        let role = m.role.as_ref()?;
        if m.kind == ActorKind::Organisation {
            // "the department", "the association": the body last named with that word in its
            // name ("the Kenya Association of Manufacturers").
            let head = role.split_whitespace().last().unwrap_or("").to_lowercase();
            let want = |e: &Entity| {
                e.kind == ActorKind::Organisation
                    && e.canonical.split_whitespace().count() > 1
                    && e.canonical
                        .split_whitespace()
                        .any(|w| w.to_lowercase() == head)
            };
            if let Some(idx) = self.nearest_before(pos, &want) {
                return Some(idx);
            }
            // "the company", "the firm": a word for any body names the body last named, when
            // that is no country or capital speaking for a government.
            if GENERIC_BODIES.contains(&head.as_str()) && strip_article(role).to_lowercase() == head
            {
                let want = |e: &Entity| {
                    e.kind == ActorKind::Organisation
                        && !e.role
                        && !crate::gazetteer::is_place(&e.canonical)
                };
                if let Some(idx) = self.nearest_before(pos, &want) {
                    return Some(idx);
                }
            }
        }
        if m.kind == ActorKind::Person && !m.titles.is_empty() && !m.indefinite {
            // "the minister": the person last given that title, unless an unnamed holder
            // the role cannot name. "A minister" is someone new.
            let head = m.titles.last().cloned().unwrap_or_default();
            let want = |e: &Entity| {
                e.kind == ActorKind::Person
                    && e.titles.contains(&head)
                    && !other_unnamed_holder(e, m)
            };
            if let Some(idx) = self.nearest_before(pos, &want) {
                return Some(idx);
            }
        }
        let known = self.entities.len();
        let phrase = strip_article(role);
        let idx = if held_for_someone(&phrase) {
            self.entities.for_linked_role(&phrase, m.kind, m.gender)
        } else {
            self.entities.for_name(&phrase, m.kind, m.gender)
        };
        let e = self.entities.get_mut(idx);
        e.titles.extend(m.titles.iter().cloned());
        if idx == known {
            e.role = true;
        }
        Some(idx)
    }

    /// The nearest entity sighted before `pos` that `want` accepts, preferring salient ones
    /// among the two nearest candidates.
    fn nearest_before(&self, pos: usize, want: &dyn Fn(&Entity) -> bool) -> Option<usize> {
        self.best_before(pos, want, &|_| 0)
    }

    /// Among the three nearest distinct entities before `pos` that `want` accepts, the one
    /// with the best score: `bonus` (e.g. a gender that is known to match), then salience,
    /// then recency. A salient entity (a sentence's subject, a speaker) outranks a nearer one
    /// that is not, as a pronoun after `Ana Ruiz, who studies Black Sea trade, ...` is Ana
    /// Ruiz's; two steps nearer, the other wins. Reads at most [`LOOK_BACK`] sightings.
    fn best_before(
        &self,
        pos: usize,
        want: &dyn Fn(&Entity) -> bool,
        bonus: &dyn Fn(&Entity) -> i32,
    ) -> Option<usize> {
        let seen = self.antecedents(pos, want, 3);
        let score = |(rank, &(entity, salient)): (usize, &(usize, bool))| {
            bonus(self.entities.get(entity)) * 2 + i32::from(salient) * 4 - rank as i32 * 3
        };
        seen.iter()
            .enumerate()
            .max_by_key(|&(rank, s)| (score((rank, s)), -(rank as i32)))
            .map(|(_, s)| s.0)
    }

    /// The `n` nearest distinct entities sighted before `pos` that `want` accepts, nearest
    /// first, each salient if any of its sightings on the way was. Reads at most
    /// `LOOK_BACK` sightings.
    pub(crate) fn antecedents(
        &self,
        pos: usize,
        want: &dyn Fn(&Entity) -> bool,
        n: usize,
    ) -> Vec<(usize, bool)> {
        let mut seen: Vec<(usize, bool)> = Vec::new();
        for s in self
            .sightings
            .range(..(pos, 0))
            .rev()
            .take(LOOK_BACK)
            .map(|(_, s)| s)
        {
            if !want(self.entities.get(s.entity)) {
                continue;
            }
            match seen.iter_mut().find(|x| x.0 == s.entity) {
                Some(x) => x.1 |= s.salient,
                None => {
                    if seen.len() == n {
                        break;
                    }
                    seen.push((s.entity, s.salient));
                }
            }
        }
        seen
    }

    /// Sightings before `pos`, nearest first, back to the paragraph `floor`; at most
    /// `LOOK_BACK`.
    pub(crate) fn seen_before(&self, pos: usize, floor: usize) -> impl Iterator<Item = &Sight> {
        self.sightings
            .range(..(pos, 0))
            .rev()
            .take(LOOK_BACK)
            .map(|(_, s)| s)
            .take_while(move |s| s.place.paragraph >= floor)
    }

    /// Sightings from `pos` on, nearest first, up to the end of paragraph `last`; at most
    /// `LOOK_BACK`.
    pub(crate) fn seen_after(&self, pos: usize, last: usize) -> impl Iterator<Item = &Sight> {
        self.sightings
            .range((pos, 0)..)
            .take(LOOK_BACK)
            .map(|(_, s)| s)
            .take_while(move |s| s.place.paragraph <= last)
    }

    /// The holder of a role mentioned before its name: the nearest person within `window`
    /// bytes after `pos` who is given that title, or who is introduced as a subject or speaker
    /// with no other title ("the country's foreign minister has said ... Ruta Vaitkeviciene, who
    /// has run Lithuania's diplomacy since 2022, told the BBC").
    pub(crate) fn holder_after(&self, pos: usize, window: usize, title: &str) -> Option<usize> {
        let near: Vec<(usize, bool)> = self
            .sightings
            .range((pos + 1, 0)..(pos + window + 1, 0))
            .map(|(_, s)| (s.entity, s.salient))
            .filter(|&(entity, _)| {
                let ent = self.entities.get(entity);
                let named = ent
                    .canonical
                    .split_whitespace()
                    .any(|w| is_capitalized(w) && !is_possessive(w));
                ent.kind == ActorKind::Person && named && ent.canonical.contains(' ')
            })
            .collect();
        near.iter()
            .find(|s| {
                let titles = &self.entities.get(s.0).titles;
                titles.contains(title) || (s.1 && titles.is_empty())
            })
            .map(|s| s.0)
    }

    /// From now on, mentions resolved to `from` (a bare role) mean `to` (its holder).
    pub(crate) fn redirect(&mut self, from: usize, to: usize) {
        if from != to {
            self.redirects.insert(from, to);
        }
    }

    /// The actor a resolved index stands for, after redirects.
    pub(crate) fn follow(&self, idx: usize) -> usize {
        self.redirects.get(&idx).copied().unwrap_or(idx)
    }

    /// Gives an entity the titles a role mention used for it, so that later mentions of the
    /// role find it.
    pub(crate) fn add_titles(&mut self, entity: usize, titles: &[String]) {
        self.entities
            .get_mut(entity)
            .titles
            .extend(titles.iter().cloned());
    }

    pub(crate) fn entity(&self, idx: usize) -> &Entity {
        self.entities.get(idx)
    }

    /// The canonical name of an entity, after all merging so far.
    pub(crate) fn canonical(&self, idx: usize) -> &str {
        &self.entities.get(idx).canonical
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote;
    use crate::text::tokens;
    use crate::text::Span;

    fn mention(s: &str) -> Mention {
        quote::mention::parse_mention(s, &tokens(s, Span::new(0, s.len()))).unwrap()
    }

    #[test]
    fn resolver_merges_surnames_and_resolves_pronouns_by_gender() {
        let text =
            "Foreign Minister Moussa Diallo met Ms Grace Okafor. Diallo said. She said. He said.";
        let mut r = Resolver::new();
        for n in quote::find(text).named {
            r.observe(&n.mention, false, n.place);
        }
        let at = |s: &str| text.find(s).unwrap();
        let diallo = mention("Diallo");
        let mut d = diallo.clone();
        d.span = Span::new(at("Diallo said"), at("Diallo said") + 6);
        let i = r.resolve(&d, Place::default()).unwrap();
        assert_eq!(r.canonical(i), "Moussa Diallo");
        let mut she = mention("she");
        she.span = Span::new(at("She"), at("She") + 3);
        let j = r.resolve(&she, Place::default()).unwrap();
        assert_eq!(r.canonical(j), "Grace Okafor");
        let mut he = mention("he");
        he.span = Span::new(at("He said"), at("He said") + 2);
        let k = r.resolve(&he, Place::default()).unwrap();
        assert_eq!(r.canonical(k), "Moussa Diallo");
    }
}
