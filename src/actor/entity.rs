//! The actors of one article and the names that find them.
//!
//! A name finds the actor with the same folded name, or, for people, the one whose name is a
//! fuller or shorter form of it ("Putin" and "Vladimir Putin"; the fuller form becomes the
//! actor's name). Every look-up goes through hash indexes, so an article naming thousands of
//! people stays linear.

use super::name::normalize;
use crate::quote::{ActorKind, Gender};
use crate::wordset::FastMap;
use std::collections::{BTreeSet, HashSet};

/// One actor of an article.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    pub canonical: String,
    /// `normalize(canonical)`, kept in step with it for matching.
    pub(super) key: String,
    pub kind: ActorKind,
    pub gender: Gender,
    pub titles: HashSet<String>,
    /// Known only by a role ("the deputy minister", "officials"), never by a name.
    pub role: bool,
    /// The country, party or organisation its names or phrases show it belongs to.
    pub affiliation: Option<&'static str>,
}

impl Entity {
    pub(super) fn is_person(&self) -> bool {
        self.kind == ActorKind::Person
    }
}

fn last_word(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or("")
}

fn first_word(key: &str) -> &str {
    key.split(' ').next().unwrap_or("")
}

/// The most words of a name's ending that the suffix indexes hold or look up: more than any
/// person's name has (and as many as the longest speaker phrase the quote stage reads), and a
/// bound on the index entries (and the hashing) one name asks for, so that a run of
/// thousands of capitalised words is read in linear time. Only two names of more words, one
/// ending the other, are no longer found as one person.
const SUFFIX_WORDS: usize = 64;

/// The word suffixes of a key, itself excluded, shortest first, of at most [`SUFFIX_WORDS`]
/// words: "a b c" -> "c", "b c".
fn suffixes(key: &str) -> impl Iterator<Item = &str> {
    key.rmatch_indices(' ')
        .take(SUFFIX_WORDS)
        .map(move |(i, _)| &key[i + 1..])
}

/// The actors of an article, in order of first mention, with their indexes.
#[derive(Debug, Default)]
pub(super) struct Entities {
    list: Vec<Entity>,
    /// Current key -> actor.
    by_key: FastMap<String, usize>,
    /// A person's current key -> the person.
    person_key: FastMap<String, usize>,
    /// A word suffix of a person's key -> the first person whose key ends with it.
    person_suffix: FastMap<String, usize>,
    /// The last word of a person's key -> the first person with a key of several words.
    full_by_last: FastMap<String, usize>,
    /// Last words of every person's key.
    person_last: HashSet<String>,
    /// The first word of a person's key of several words -> the people once keyed so, in
    /// order (stale entries, whose key has grown at the front since, are dropped when they
    /// come first, so each is dropped once).
    full_by_first: FastMap<String, BTreeSet<usize>>,
}

impl Entities {
    /// How many actors there are.
    pub(super) fn len(&self) -> usize {
        self.list.len()
    }

    pub(super) fn get(&self, i: usize) -> &Entity {
        &self.list[i]
    }

    pub(super) fn get_mut(&mut self, i: usize) -> &mut Entity {
        &mut self.list[i]
    }

    /// The actor a name of `kind` finds, registered if new.
    pub(super) fn for_name(&mut self, name: &str, kind: ActorKind, gender: Gender) -> usize {
        let key = normalize(name);
        let person = kind == ActorKind::Person;
        // "Mr Han" for "Han Do-yeon": surname first, as in Korean and Chinese names.
        if person && !key.contains(' ') && !self.person_last.contains(&key) {
            if let Some(i) = self.first_with_first_word(&key) {
                return i;
            }
        }
        // Same name, or a surname of a known full name, or a fuller form of a known surname:
        // the first actor that fits.
        let mut best = self.by_key.get(&key).copied();
        if person {
            let shorter = suffixes(&key).filter_map(|s| self.person_key.get(s).copied());
            let fuller = self.person_suffix.get(&key).copied();
            best = best.into_iter().chain(shorter).chain(fuller).min();
        }
        if let Some(i) = best {
            if person && self.list[i].is_person() && key.len() > self.list[i].key.len() {
                self.rekey(i, name, key);
            }
            return i;
        }
        let i = self.push(name, kind, gender);
        self.rekey(i, name, key);
        i
    }

    /// The actor a role held for someone else finds ("spokeswoman for Hillary Clinton"),
    /// registered if new. Only the same role finds it: the name at its end is another
    /// person's, so it is not indexed as a person's name.
    pub(super) fn for_linked_role(&mut self, role: &str, kind: ActorKind, gender: Gender) -> usize {
        let key = normalize(role);
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        let i = self.push(role, kind, gender);
        self.list[i].key = key.clone();
        self.by_key.insert(key, i);
        i
    }

    fn push(&mut self, name: &str, kind: ActorKind, gender: Gender) -> usize {
        self.list.push(Entity {
            canonical: name.to_string(),
            key: String::new(),
            kind,
            gender,
            titles: HashSet::new(),
            role: false,
            affiliation: None,
        });
        self.list.len() - 1
    }

    /// Gives actor `i` a (new, fuller) name and keeps the indexes in step.
    fn rekey(&mut self, i: usize, name: &str, key: String) {
        let old = std::mem::take(&mut self.list[i].key);
        if self.by_key.get(&old) == Some(&i) {
            self.by_key.remove(&old);
        }
        if self.person_key.get(&old) == Some(&i) {
            self.person_key.remove(&old);
        }
        self.by_key.entry(key.clone()).or_insert(i);
        if self.list[i].is_person() {
            self.person_key.entry(key.clone()).or_insert(i);
            for s in suffixes(&key) {
                self.person_suffix.entry(s.to_string()).or_insert(i);
            }
            self.person_last.insert(last_word(&key).to_string());
            if key.contains(' ') {
                self.full_by_last
                    .entry(last_word(&key).to_string())
                    .or_insert(i);
                self.full_by_first
                    .entry(first_word(&key).to_string())
                    .or_default()
                    .insert(i);
            }
        }
        self.list[i].canonical = name.to_string();
        self.list[i].key = key;
    }

    /// The first person with a name of several words beginning with `word`.
    fn first_with_first_word(&mut self, word: &str) -> Option<usize> {
        let list = &self.list;
        let fresh = |i: usize| list[i].key.contains(' ') && first_word(&list[i].key) == word;
        let people = self.full_by_first.get_mut(word)?;
        while let Some(&i) = people.first() {
            if fresh(i) {
                return Some(i);
            }
            people.pop_first();
        }
        None
    }

    /// The first person with a name of several words ending with the surname `key`.
    pub(super) fn full_name_with_surname(&self, key: &str) -> Option<usize> {
        self.full_by_last.get(key).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_and_full_names_are_one_person() {
        let mut e = Entities::default();
        let p = ActorKind::Person;
        let u = Gender::Unknown;
        let putin = e.for_name("Putin", p, u);
        assert_eq!(e.for_name("Vladimir Putin", p, u), putin);
        assert_eq!(e.get(putin).canonical, "Vladimir Putin");
        assert_eq!(e.for_name("Mr Putin", p, u), putin);
        let han = e.for_name("Han Do-yeon", p, u);
        assert_eq!(e.for_name("Han", p, u), han);
        let org = e.for_name("Putin", ActorKind::Organisation, u);
        assert_ne!(org, putin);
        assert_eq!(e.full_name_with_surname("putin"), Some(putin));
    }

    #[test]
    fn a_given_name_alone_finds_the_first_person_still_so_named() {
        let mut e = Entities::default();
        let p = ActorKind::Person;
        let u = Gender::Unknown;
        let smith = e.for_name("John Smith", p, u);
        let brown = e.for_name("John Brown", p, u);
        for k in 0..100 {
            e.for_name(&format!("John Doe{k}"), p, u);
        }
        assert_eq!(e.for_name("John", p, u), smith);
        // Smith's name grows at the front: he is no longer a John first.
        assert_eq!(e.for_name("Jean John Smith", p, u), smith);
        assert_eq!(e.for_name("John", p, u), brown);
        // The stale entry was dropped on the way, and only it.
        assert_eq!(e.full_by_first["john"].len(), 101);
        assert_eq!(e.for_name("Jean", p, u), smith);
    }

    #[test]
    fn a_name_of_thousands_of_words_indexes_a_bounded_number_of_endings() {
        let mut e = Entities::default();
        let p = ActorKind::Person;
        let u = Gender::Unknown;
        let words: Vec<String> = (0..3000).map(|k| format!("Xy{k}")).collect();
        let long = words.join(" ");
        let i = e.for_name(&long, p, u);
        assert!(e.person_suffix.len() <= SUFFIX_WORDS);
        assert_eq!(e.for_name(&long, p, u), i);
        // Its surname and its last words still find it.
        assert_eq!(e.for_name("Xy2999", p, u), i);
        assert_eq!(e.for_name(&words[2990..].join(" "), p, u), i);
        assert_eq!(e.full_name_with_surname("xy2999"), Some(i));
        // A fuller form of a short name still takes it over.
        let kim = e.for_name("Kim", p, u);
        assert_eq!(e.for_name(&format!("{long} Kim"), p, u), kim);
        assert!(e.person_suffix.len() <= 2 * SUFFIX_WORDS);
    }
}
