//! The team's gazetteer (`vocab/gazetteer.txt`): countries with their capitals and seats of
//! government, government bodies, international organisations and parties, each with the
//! other names news gives it and the demonyms that tell whom a speaker belongs to.
//!
//! One reading of the file serves every stage that knows places and bodies: topic matching
//! ([`crate::topic`]), the speaker grammar (a capital speaks for a government) and actor
//! names (one actor for "Moscow", "the Kremlin" and "Russia"; a speaker's affiliation).
//! News organisations are listed too, so that "Reuters" speaks as a body.
//! This module only looks names up; it does not find them in text.

use crate::wordset::FastMap;
use std::sync::OnceLock;

/// The section of the gazetteer an entity is listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntityKind {
    Country,
    /// A ministry or office of a country's government (`US State Department`).
    Body,
    Organisation,
    Party,
    /// A news organisation.
    Media,
}

/// One line of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entity {
    /// The name the entity is shown by.
    pub name: &'static str,
    pub kind: EntityKind,
    /// For a government body, its country.
    pub parent: Option<usize>,
    /// Other names that name the entity itself: capitals, seats, short forms, acronyms.
    pub names: Vec<&'static str>,
    /// Adjectives and words for the people ("Russian", "Russians").
    pub demonyms: Vec<&'static str>,
}

/// How a looked-up word or phrase relates to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Naming {
    /// The entity's name or one of its other names.
    Name,
    /// One of its demonyms.
    Demonym,
}

struct Gazetteer {
    entities: Vec<Entity>,
    /// Folded name -> entity, how the name relates to it, and whether it is an acronym (the
    /// first line wins).
    by_name: FastMap<String, (usize, Naming, bool)>,
}

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| read(include_str!("vocab/gazetteer.txt")))
}

fn list(s: &'static str) -> Vec<&'static str> {
    s.split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect()
}

fn read(src: &'static str) -> Gazetteer {
    let mut entities: Vec<Entity> = Vec::new();
    let mut kind = EntityKind::Country;
    let mut parents: Vec<(usize, &'static str)> = Vec::new();
    for line in src.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(section) = line.strip_prefix('[') {
            kind = match section.trim_end_matches(']') {
                "government body" => EntityKind::Body,
                "organisation" => EntityKind::Organisation,
                "party" => EntityKind::Party,
                "media" => EntityKind::Media,
                _ => EntityKind::Country,
            };
            continue;
        }
        let (head, rest) = line.split_once(':').unwrap_or((line, ""));
        let (names, demonyms) = rest.split_once(';').unwrap_or((rest, ""));
        let (name, parent) = match head.split_once('(') {
            Some((n, p)) => (n.trim(), Some(p.trim_end_matches(')').trim())),
            None => (head.trim(), None),
        };
        if let Some(p) = parent {
            parents.push((entities.len(), p));
        }
        entities.push(Entity {
            name,
            kind,
            parent: None,
            names: list(names),
            demonyms: list(demonyms),
        });
    }
    for (child, parent) in parents {
        entities[child].parent = entities.iter().position(|e| e.name == parent);
    }
    let mut by_name: FastMap<String, (usize, Naming, bool)> = FastMap::default();
    for (i, e) in entities.iter().enumerate() {
        let names = std::iter::once(e.name).chain(e.names.iter().copied());
        let named = names.map(|n| (n, Naming::Name));
        let demonyms = e.demonyms.iter().map(|&d| (d, Naming::Demonym));
        for (n, how) in named.chain(demonyms) {
            by_name.entry(fold(n)).or_insert((i, how, is_acronym(n)));
        }
    }
    Gazetteer { entities, by_name }
}

/// Written in capitals ("US", "U.S.", "WHO"): found only as written, so that "us" and "who" are
/// not.
fn is_acronym(name: &str) -> bool {
    name.chars().any(char::is_alphabetic) && !name.chars().any(|c| c.is_lowercase())
}

/// The form names are compared in: lower case, full stops dropped, curly apostrophes
/// straightened, a leading "the" dropped, spaces collapsed.
pub(crate) fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (k, w) in name.split_whitespace().enumerate() {
        let w: String = w
            .chars()
            .filter(|&c| c != '.')
            .map(|c| if c == '\u{2019}' { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect();
        if (k == 0 && w == "the") || w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}

/// Every entity, in the file's order.
pub(crate) fn entities() -> &'static [Entity] {
    &gazetteer().entities
}

/// The entity at `index` (from [`find`] or [`Entity::parent`]).
pub(crate) fn entity(index: usize) -> &'static Entity {
    &gazetteer().entities[index]
}

/// The entity a whole name names, and how: `Moscow` -> (Russia, Name), `Russian` -> (Russia,
/// Demonym), `the U.S.` -> (United States, Name).
pub(crate) fn find(name: &str) -> Option<(usize, Naming)> {
    let &(i, how, acronym) = gazetteer().by_name.get(&fold(name))?;
    (!acronym || is_acronym(name)).then_some((i, how))
}

/// Whether a capitalised word or phrase is a country, a capital or a seat of government (not
/// a demonym): what speaks for a government when it speaks (`Moscow said`).
pub(crate) fn is_place(name: &str) -> bool {
    find(name).is_some_and(|(i, how)| how == Naming::Name && entity(i).kind == EntityKind::Country)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_demonyms_and_bodies() {
        let russia = find("Russia").unwrap().0;
        assert_eq!(find("the Kremlin"), Some((russia, Naming::Name)));
        assert_eq!(find("MOSCOW"), Some((russia, Naming::Name)));
        assert_eq!(find("Russians"), Some((russia, Naming::Demonym)));
        let us = find("U.S.").unwrap().0;
        assert_eq!(entity(us).name, "United States");
        let (state, _) = find("Foggy Bottom").unwrap();
        assert_eq!(entity(state).name, "US State Department");
        assert_eq!(entity(state).kind, EntityKind::Body);
        assert_eq!(entity(state).parent, Some(us));
        let (tories, _) = find("Tories").unwrap();
        assert_eq!(entity(tories).name, "Conservative Party");
        assert_eq!(find("Tory").map(|f| f.0), Some(tories));
        assert!(find("Vladimir Putin").is_none());
        assert!(find("Us").is_none() && find("who").is_none());
    }

    #[test]
    fn places_are_countries_capitals_and_seats_only() {
        assert!(is_place("Moscow"));
        assert!(is_place("Russia"));
        assert!(is_place("Downing Street"));
        assert!(!is_place("Russian"));
        assert!(!is_place("NATO"));
        assert!(!is_place("Labour"));
    }

    #[test]
    fn every_body_has_its_country() {
        for e in entities() {
            if e.kind == EntityKind::Body {
                let parent = e.parent.map(entity);
                assert_eq!(
                    parent.map(|p| p.kind),
                    Some(EntityKind::Country),
                    "{}",
                    e.name
                );
            }
        }
    }
}
