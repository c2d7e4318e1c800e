//! Actors: turning the mention that attributes a quote ("he", "the minister", "Putin's
//! spokesman, Dmitry Peskov", "Moscow") into one canonical actor per article.
//!
//! Mentions are parsed from tokens with small lexicons the team wrote (titles, organisation
//! words, places, given names by gender). Resolution follows the news conventions that the
//! attribution systems in `ATTRIBUTION.md` rely on: a surname refers to the longest full name
//! with that surname; a pronoun refers to the nearest preceding compatible person, preferring
//! earlier speakers and sentence subjects; a role noun refers to the person last given that
//! title, or to one named shortly after. This module does not find quotes.

use crate::quote::Span;
use crate::text::{Token, TokenKind};
use crate::wordset::WordSet;
use std::collections::HashSet;
use std::sync::OnceLock;

struct Lexicon {
    female: WordSet,
    male: WordSet,
    titles: WordSet,
    orgs: WordSet,
    places: WordSet,
    function: WordSet,
}

fn words(src: &'static str) -> WordSet {
    WordSet::new(
        src.lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace),
    )
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon {
        female: words(include_str!("lexicon/names-female.txt")),
        male: words(include_str!("lexicon/names-male.txt")),
        titles: words(include_str!("lexicon/titles.txt")),
        orgs: words(include_str!("lexicon/org-words.txt")),
        places: WordSet::new(
            include_str!("lexicon/places.txt")
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .map(str::trim),
        ),
        function: WordSet::new(FUNCTION_WORDS.iter().copied()),
    })
}

/// Grammatical gender as far as a mention shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// What sort of actor a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    Person,
    /// Organisations, governments, places speaking for governments.
    Organisation,
    /// Unnamed people in the plural: "officials", "Kosovo Serbs".
    Group,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    It,
    We,
    I,
}

impl Pronoun {
    fn parse(word: &str) -> Option<Pronoun> {
        Some(match word.to_lowercase().as_str() {
            "he" => Pronoun::He,
            "she" => Pronoun::She,
            "they" => Pronoun::They,
            "it" => Pronoun::It,
            "we" => Pronoun::We,
            "i" => Pronoun::I,
            _ => return None,
        })
    }
}

/// Words that can never be part of a speaker phrase's name.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "and",
    "or",
    "but",
    "of",
    "in",
    "on",
    "at",
    "for",
    "to",
    "with",
    "by",
    "from",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "because",
    "although",
    "though",
    "since",
    "so",
    "yet",
    "also",
    "however",
    "meanwhile",
    "still",
    "then",
    "there",
    "here",
    "it",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "we",
    "i",
    "you",
    "he",
    "she",
    "they",
    "not",
    "no",
    "yes",
    "both",
    "all",
    "some",
    "many",
    "most",
    "other",
    "another",
    "such",
    "last",
    "next",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
    "yesterday",
    "what",
    "who",
    "which",
    "where",
    "why",
    "how",
    "asked",
    "speaking",
    "according",
];

/// True for a word written with a capital, including Arabic-style prefixed names
/// (`al-Rubaie`, `el-Sisi`, `bin-Salman`).
pub fn is_capitalized(word: &str) -> bool {
    if word.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    match word.split_once('-') {
        Some((pre, rest)) => {
            matches!(
                pre,
                "al" | "el"
                    | "ad"
                    | "as"
                    | "ash"
                    | "at"
                    | "an"
                    | "ar"
                    | "az"
                    | "ed"
                    | "ul"
                    | "bin"
                    | "ibn"
                    | "abu"
                    | "bint"
            ) && rest.chars().next().is_some_and(char::is_uppercase)
        }
        None => false,
    }
}

/// Is this (lower-cased) word one that makes a phrase an organisation ("ministry", "guard")?
pub fn is_org_word(lower: &str) -> bool {
    let lex = lexicon();
    lex.orgs.contains(lower) || lex.orgs.contains(lower.trim_end_matches('s'))
}

pub fn is_function_word(word: &str) -> bool {
    lexicon().function.contains_folded(word)
}

/// Is this (lower-cased) word a title, office or role noun?
pub fn is_title(lower: &str) -> bool {
    let lex = lexicon();
    lex.titles.contains(lower)
        || (lower != "states"
            && lower
                .strip_suffix('s')
                .is_some_and(|s| lex.titles.contains(s)))
}

/// Nationality adjectives and abbreviations that may stand before a name ("U.S", "Russian").
fn is_modifier(word: &str) -> bool {
    let lower = word.to_lowercase();
    let nationality = (lower.ends_with("ian") || lower.ends_with("ese") || lower.ends_with("ish"))
        && gender_of_given(word) == Gender::Unknown;
    word.contains('.') || nationality
}

/// A parsed speaker phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The phrase in the text ("Putin's spokesman, Dmitry Peskov").
    pub span: Span,
    pub pronoun: Option<Pronoun>,
    /// The proper name inside it ("Dmitry Peskov", "State Department", "Moscow").
    pub name: Option<String>,
    /// Title and role words, lower-cased ("defense", "minister").
    pub titles: Vec<String>,
    /// The role phrase when there is no name ("the deputy minister", "Serbian officials").
    pub role: Option<String>,
    pub kind: ActorKind,
    pub gender: Gender,
}

/// Parses the tokens of a speaker phrase. Returns `None` when nothing in it can speak.
pub fn parse_mention(body: &str, toks: &[Token]) -> Option<Mention> {
    // Parenthetical party labels and the like are not part of a name: "(D-Mo.)".
    let mut depth = 0usize;
    let toks: Vec<&Token> = toks
        .iter()
        .filter(|t| match t.text(body) {
            "(" => {
                depth += 1;
                false
            }
            ")" => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .collect();
    let first = toks.first()?;
    let last = toks.last()?;
    let span = Span::new(first.span.start, last.span.end);
    if toks.len() == 1 {
        if let Some(p) = Pronoun::parse(first.text(body)) {
            let (kind, gender) = match p {
                Pronoun::He => (ActorKind::Person, Gender::Male),
                Pronoun::She => (ActorKind::Person, Gender::Female),
                Pronoun::I => (ActorKind::Person, Gender::Unknown),
                Pronoun::They => (ActorKind::Group, Gender::Unknown),
                Pronoun::It | Pronoun::We => (ActorKind::Organisation, Gender::Unknown),
            };
            return Some(Mention {
                span,
                pronoun: Some(p),
                name: None,
                titles: Vec::new(),
                role: None,
                kind,
                gender,
            });
        }
    }
    // Split into comma-separated parts (appositions); the part with a proper name wins.
    let mut parts: Vec<Vec<&Token>> = vec![Vec::new()];
    for t in &toks {
        if t.kind == TokenKind::Punct && t.text(body) == "," {
            parts.push(Vec::new());
        } else {
            parts.last_mut().expect("non-empty").push(t);
        }
    }
    let mut titles = Vec::new();
    let mut name: Option<(String, ActorKind, Gender)> = None;
    let mut role: Option<String> = None;
    let mut plural = false;
    for part in &parts {
        let (n, ts, r, pl) = parse_part(body, part);
        titles.extend(ts);
        // A person's name beats a place or body in an apposition ("Iraq's envoy, Teresa
        // Collado"); otherwise the first name found wins.
        let better = match (&name, &n) {
            (None, Some(_)) => true,
            (Some((_, k, _)), Some((_, ActorKind::Person, _))) => *k != ActorKind::Person,
            _ => false,
        };
        if better {
            name = n;
        }
        if role.is_none() {
            role = r;
            plural = pl;
        }
    }
    let lex = lexicon();
    let honorific_gender = toks.iter().find_map(|t| {
        match t.text(body).trim_end_matches('.').to_lowercase().as_str() {
            "mr" | "sir" | "lord" | "king" | "prince" | "sheikh" | "emir" | "sultan" | "duke" => {
                Some(Gender::Male)
            }
            "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "duchess"
            | "spokeswoman" | "chairwoman" | "congresswoman" => Some(Gender::Female),
            "spokesman" | "chairman" | "congressman" => Some(Gender::Male),
            _ => None,
        }
    });
    match name {
        Some((n, kind, g)) => {
            let gender = if kind == ActorKind::Person {
                honorific_gender.unwrap_or(g)
            } else {
                Gender::Unknown
            };
            Some(Mention {
                span,
                pronoun: None,
                name: Some(n),
                titles,
                role,
                kind,
                gender,
            })
        }
        None => {
            let role = role?;
            let head = role.split_whitespace().last().unwrap_or("").to_lowercase();
            let is_org =
                lex.orgs.contains(head.as_str()) || lex.orgs.contains(head.trim_end_matches('s'));
            let kind = if is_org {
                ActorKind::Organisation
            } else if plural {
                ActorKind::Group
            } else {
                ActorKind::Person
            };
            Some(Mention {
                span,
                pronoun: None,
                name: None,
                titles,
                role: Some(role),
                kind,
                gender: honorific_gender.unwrap_or(Gender::Unknown),
            })
        }
    }
}

type PartParse = (
    Option<(String, ActorKind, Gender)>,
    Vec<String>,
    Option<String>,
    bool,
);

/// One comma-free part of a speaker phrase: titles, then maybe a name.
fn parse_part(body: &str, part: &[&Token]) -> PartParse {
    let lex = lexicon();
    let words: Vec<&str> = part
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(body))
        .collect();
    if words.is_empty() {
        return (None, Vec::new(), None, false);
    }
    // A possessive ends a sub-phrase: "Putin's spokesman" -> the role is the spokesman's.
    let possessive_end = words
        .iter()
        .rposition(|w| w.ends_with("'s") || w.ends_with("\u{2019}s"));
    let (owner, rest) = match possessive_end {
        Some(i) => (&words[..=i], &words[i + 1..]),
        None => (&words[..0], &words[..]),
    };
    // A complement after a role or a titled name is not the name: "ambassador in Nairobi",
    // "minister for the Pacific", "Ambassador Matthias Brandt of Switzerland". A preposition
    // inside a capitalised body's name stays ("Bank of England").
    let cut = rest.iter().enumerate().skip(1).find_map(|(i, w)| {
        let l = w.to_lowercase();
        if !matches!(
            l.as_str(),
            "in" | "for" | "of" | "at" | "to" | "from" | "on"
        ) {
            return None;
        }
        let prev = rest[i - 1];
        let titled = rest[..i].iter().any(|x| is_title(&x.to_lowercase()));
        let role_before =
            !is_capitalized(prev) || (titled && !lex.orgs.contains(prev.to_lowercase().as_str()));
        (role_before && !(is_title(&prev.to_lowercase()) && is_capitalized(prev) && l == "of"))
            .then_some(i)
    });
    let full = rest;
    let rest = match cut {
        Some(i) => &rest[..i],
        None => rest,
    };
    let mut titles = Vec::new();
    for w in rest {
        let l = w.trim_end_matches('.').to_lowercase();
        // Honorifics say nothing about office.
        if is_title(&l)
            && !matches!(
                l.as_str(),
                "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "dame" | "lord" | "lady"
            )
        {
            let singular = l.strip_suffix('s').filter(|s| lexicon().titles.contains(s));
            titles.push(singular.unwrap_or(&l).to_string());
        }
    }
    let lower: Vec<String> = rest.iter().map(|w| w.to_lowercase()).collect();
    let is_org_word = |l: &str| lex.orgs.contains(l) || lex.orgs.contains(l.trim_end_matches('s'));
    let has_org_word = lower.iter().any(|l| is_org_word(l));
    let all_caps_words = rest.iter().all(|w| {
        is_capitalized(w)
            || matches!(
                w.to_lowercase().as_str(),
                "of" | "the"
                    | "for"
                    | "and"
                    | "de"
                    | "van"
                    | "von"
                    | "al"
                    | "bin"
                    | "da"
                    | "del"
                    | "la"
                    | "le"
            )
    });
    // An organisation: "the State Department", "Russia's foreign ministry", "the Kremlin".
    // The organisation word must head the phrase ("the State Department") or take a
    // complement ("Ministry of Foreign Affairs"); "House Speaker Paul Ryan" is a person.
    let org_headed = lower.last().is_some_and(|l| is_org_word(l))
        || lower
            .windows(2)
            .any(|w| is_org_word(&w[0]) && matches!(w[1].as_str(), "of" | "for" | "on"));
    if has_org_word
        && org_headed
        && (all_caps_words || lower.last().is_some_and(|l| is_org_word(l)))
    {
        let start = rest
            .iter()
            .position(|w| !matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
            .unwrap_or(0);
        let mut name = rest[start..].join(" ");
        if !owner.is_empty() {
            // "Venezuela's Foreign Ministry", "the Ombudsman's Office": the owner is part of it.
            let owner_start = owner
                .iter()
                .position(|w| !matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
                .unwrap_or(owner.len());
            name = format!("{} {}", owner[owner_start..].join(" "), name);
        }
        // "the department" is a role pointing back to a named body, not a name.
        let named = rest[start..]
            .iter()
            .chain(owner.iter())
            .any(|w| is_capitalized(w));
        if !name.is_empty() && named {
            return (
                Some((name, ActorKind::Organisation, Gender::Unknown)),
                titles,
                None,
                false,
            );
        }
    }
    // Trailing run of capitalised non-title words is the proper name.
    let mut i = rest.len();
    while i > 0 {
        let w = rest[i - 1];
        let l = w.to_lowercase();
        let particle = matches!(
            l.as_str(),
            "de" | "van"
                | "von"
                | "al"
                | "bin"
                | "da"
                | "del"
                | "la"
                | "le"
                | "di"
                | "du"
                | "ibn"
                | "abu"
        );
        // A body's word ends the name: "Minister of Territorial Administration Daouda
        // Kone-Bamba" is Daouda Kone-Bamba.
        let body_word = i < rest.len() && is_org_word(&l);
        if (is_capitalized(w) && !is_title(&l) && !is_function_word(w) && !body_word)
            || (particle && i < rest.len())
        {
            i -= 1;
        } else {
            break;
        }
    }
    let mut name_words: Vec<&str> = rest[i..].to_vec();
    // Nationality adjectives and acronyms before a name are modifiers, unless they are all
    // there is ("Russia", "NATO").
    while name_words.len() > 1 && is_modifier(name_words[0]) && !lex.places.contains(name_words[0])
    {
        name_words.remove(0);
    }
    let before_name = &rest[..i];
    let role_words: Vec<&str> = before_name
        .iter()
        .copied()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
        .collect();
    if !name_words.is_empty() {
        let name = name_words.join(" ");
        let first = fold_accents(
            &name_words[0]
                .split('-')
                .next()
                .unwrap_or(name_words[0])
                .to_lowercase(),
        );
        let is_place = name_words.len() == 1 && lex.places.contains(name_words[0]);
        let plural_group = name_words.len() >= 2
            && name_words
                .last()
                .is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"))
            && lex.places.contains(name_words[0]);
        let is_place_phrase = name_words.iter().all(|w| {
            lex.places.contains(w)
                || matches!(
                    *w,
                    "United"
                        | "States"
                        | "Kingdom"
                        | "Arab"
                        | "Emirates"
                        | "Korea"
                        | "North"
                        | "South"
                        | "Republic"
                        | "Union"
                )
        });
        let has_title =
            !titles.is_empty() || before_name.iter().any(|w| is_title(&w.to_lowercase()));
        let gender = if lex.female.contains(first.as_str()) {
            Gender::Female
        } else if lex.male.contains(first.as_str()) {
            Gender::Male
        } else if name_words.len() >= 2 {
            gender_of_surname(name_words[name_words.len() - 1])
        } else {
            Gender::Unknown
        };
        let kind = if plural_group {
            ActorKind::Group
        } else if ((is_place || is_place_phrase) && !has_title)
            || (name_words.len() == 1
                && !has_title
                && name_words[0]
                    .chars()
                    .all(|c| c.is_uppercase() || !c.is_alphabetic()))
        {
            // Places speaking for governments, and acronyms ("NATO", "ECOWAS").
            ActorKind::Organisation
        } else {
            ActorKind::Person
        };
        return (Some((name, kind, gender)), titles, None, false);
    }
    // No name: a role phrase ("the deputy minister", "Serbian officials", "a source").
    if role_words.is_empty() {
        return (None, titles, None, false);
    }
    let head = role_words.last().expect("non-empty").to_lowercase();
    let plural = head.ends_with('s') && !head.ends_with("ss");
    // The complement says whose role it is: "a spokesman for the Council of the European
    // Union", "officials in Hargeisa".
    let complement = &full[rest.len()..];
    let mut role = role_words
        .iter()
        .chain(complement.iter())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if !owner.is_empty() {
        role = format!("{} {}", owner.join(" "), role);
    }
    (None, titles, Some(role), plural)
}

/// Gender shown by a surname's ending, where a language marks it (Slavic and Baltic
/// surnames: Temirbekova, Ivanov, Vaitkeviciene).
fn gender_of_surname(word: &str) -> Gender {
    let l = fold_accents(&word.to_lowercase());
    if [
        "ova", "eva", "ina", "skaya", "ienė", "iene", "aite", "yte", "ska", "kova",
    ]
    .iter()
    .any(|e| l.ends_with(e))
        && l.len() > 5
    {
        Gender::Female
    } else if ["ov", "ev", "sky", "ski", "vich", "enko", "uk"]
        .iter()
        .any(|e| l.ends_with(e))
        && l.len() > 4
    {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// Given-name gender, for the resolver's own name scan.
fn gender_of_given(word: &str) -> Gender {
    // Compound given names take the gender of their first part: Marie-Laure, Jean-Marc.
    let word = word.split('-').next().unwrap_or(word);
    let l = fold_accents(&word.to_lowercase());
    let lex = lexicon();
    if lex.female.contains(l.as_str()) {
        Gender::Female
    } else if lex.male.contains(l.as_str()) {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// One actor of an article.
#[derive(Debug, Clone)]
pub struct Entity {
    pub canonical: String,
    /// `normalize(canonical)`, kept in step with it for matching.
    key: String,
    pub kind: ActorKind,
    pub gender: Gender,
    pub titles: HashSet<String>,
}

/// A sighting of an entity at a position, used for pronoun and role look-ups.
#[derive(Debug, Clone, Copy)]
struct Sighting {
    pos: usize,
    entity: usize,
    salient: bool,
}

/// Resolves mentions to canonical actors within one article. Feed it mentions in text order.
#[derive(Debug, Default)]
pub struct Resolver {
    entities: Vec<Entity>,
    sightings: Vec<Sighting>,
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
        let idx = self.entity_for_name(name, m.kind, m.gender);
        let e = &mut self.entities[idx];
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
        let idx = self.entities.iter().position(|e| {
            e.kind == ActorKind::Person
                && e.key.contains(' ')
                && e.key.rsplit(' ').next() == Some(key.as_str())
        })?;
        self.sight(m.span.start, idx, salient);
        Some(idx)
    }

    /// Records a sighting, keeping sightings in text order; a repeated sighting of the same
    /// entity at the same place only upgrades its salience.
    fn sight(&mut self, pos: usize, entity: usize, salient: bool) {
        let at = self.sightings.partition_point(|s| s.pos < pos);
        if let Some(s) = self.sightings[at..]
            .iter_mut()
            .take_while(|s| s.pos == pos)
            .find(|s| s.entity == entity)
        {
            s.salient |= salient;
            return;
        }
        self.sightings.insert(
            at,
            Sighting {
                pos,
                entity,
                salient,
            },
        );
    }

    fn entity_for_name(&mut self, name: &str, kind: ActorKind, gender: Gender) -> usize {
        let key = normalize(name);
        let last = key.rsplit(' ').next().unwrap_or("");
        let first = |k: &str| k.split(' ').next().map(str::to_string);
        let person = |e: &Entity| e.kind == ActorKind::Person;
        // "Mr Han" for "Han Do-yeon": surname first, as in Korean and Chinese names.
        if !key.contains(' ') && kind == ActorKind::Person {
            let by_last = self
                .entities
                .iter()
                .any(|e| person(e) && e.key.rsplit(' ').next() == Some(key.as_str()));
            if !by_last {
                if let Some(i) = self.entities.iter().position(|e| {
                    person(e)
                        && e.key.contains(' ')
                        && first(&e.key).as_deref() == Some(key.as_str())
                }) {
                    return i;
                }
            }
        }
        // Same name, or a surname of a known full name, or a fuller form of a known surname.
        for (i, e) in self.entities.iter_mut().enumerate() {
            if e.key == key {
                return i;
            }
            if kind == ActorKind::Person && e.kind == ActorKind::Person {
                let e_last = e.key.rsplit(' ').next().unwrap_or("");
                let fuller = |long: &str, short: &str| {
                    long.len() > short.len()
                        && long.ends_with(short)
                        && long.as_bytes()[long.len() - short.len() - 1] == b' '
                };
                if e_last == last && (fuller(&e.key, &key) || fuller(&key, &e.key)) {
                    if key.len() > e.key.len() {
                        e.canonical = name.to_string();
                        e.key = key;
                    }
                    return i;
                }
            }
        }
        self.entities.push(Entity {
            canonical: name.to_string(),
            key,
            kind,
            gender,
            titles: HashSet::new(),
        });
        self.entities.len() - 1
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
        let idx = self.entity_for_name(&strip_article(role), m.kind, m.gender);
        self.entities[idx].titles.extend(m.titles.iter().cloned());
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
    /// then recency.
    fn best_before(
        &self,
        pos: usize,
        want: &dyn Fn(&Entity) -> bool,
        bonus: &dyn Fn(&Entity) -> i32,
    ) -> Option<usize> {
        let mut seen: Vec<Sighting> = Vec::new();
        for s in self.sightings.iter().rev().filter(|s| s.pos < pos) {
            if !want(&self.entities[s.entity]) {
                continue;
            }
            match seen.iter_mut().find(|x| x.entity == s.entity) {
                Some(x) => x.salient |= s.salient,
                None => {
                    if seen.len() == 3 {
                        break;
                    }
                    seen.push(*s);
                }
            }
        }
        let score = |(rank, s): (usize, &Sighting)| {
            bonus(&self.entities[s.entity]) * 2 + i32::from(s.salient) * 2 - rank as i32 * 3
        };
        seen.iter()
            .enumerate()
            .max_by_key(|&(rank, s)| (score((rank, s)), -(rank as i32)))
            .map(|(_, s)| s.entity)
    }

    /// The holder of a role mentioned before its name: the first person within `window` bytes
    /// after `pos` who is given that title, or who is introduced as a subject or speaker with
    /// no other title ("the country's foreign minister has said ... Ruta Vaitkeviciene, who
    /// has run Lithuania's diplomacy since 2022, told the BBC").
    pub fn holder_after(&self, pos: usize, window: usize, title: &str) -> Option<usize> {
        let near: Vec<&Sighting> =
            self.sightings
                .iter()
                .filter(|s| s.pos > pos && s.pos <= pos + window)
                .filter(|s| {
                    let ent = &self.entities[s.entity];
                    let named = ent.canonical.split_whitespace().any(|w| {
                        is_capitalized(w) && !w.ends_with("'s") && !w.ends_with("\u{2019}s")
                    });
                    ent.kind == ActorKind::Person && named && ent.canonical.contains(' ')
                })
                .collect();
        near.iter()
            .find(|s| self.entities[s.entity].titles.contains(title))
            .or_else(|| {
                near.iter()
                    .find(|s| s.salient && self.entities[s.entity].titles.is_empty())
            })
            .map(|s| s.entity)
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
        self.entities[entity].titles.extend(titles.iter().cloned());
    }

    pub fn entity(&self, idx: usize) -> &Entity {
        &self.entities[idx]
    }

    /// The canonical name of an entity, after all merging so far.
    pub fn canonical(&self, idx: usize) -> &str {
        &self.entities[idx].canonical
    }
}

fn strip_article(s: &str) -> String {
    let mut w: Vec<&str> = s.split_whitespace().collect();
    while w
        .first()
        .is_some_and(|f| matches!(f.to_lowercase().as_str(), "the" | "a" | "an"))
    {
        w.remove(0);
    }
    w.join(" ")
}

/// Latin letters without their accents, for name-list look-ups ("Hélène" -> "helene").
fn fold_accents(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
            'ç' | 'č' | 'ć' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
            'ñ' | 'ń' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
            'š' | 'ś' | 'ş' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ý' | 'ÿ' => 'y',
            'ğ' => 'g',
            'ł' => 'l',
            other => other,
        })
        .collect()
}

/// Case- and punctuation-folded form of a name, for matching.
pub fn normalize(name: &str) -> String {
    name.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("'s")
                .trim_end_matches("\u{2019}s")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "the" | "mr" | "mrs" | "ms" | "dr"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Scans a run of tokens for named people and organisations ("Defense Minister Sergei Ivanov",
/// "Mr Putin", "Ana Ruiz") so the resolver knows who is on stage. Returns mentions in order.
pub fn scan_names(body: &str, toks: &[Token]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let w = toks[i].text(body);
        if toks[i].kind != TokenKind::Word || !is_capitalized(w) || is_function_word(w) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < toks.len() {
            let t = toks[j];
            let tw = t.text(body);
            // `of` inside an office: "Minister of Territorial Administration Daouda ...".
            let office_of = tw == "of"
                && j > start
                && is_title(&toks[j - 1].text(body).to_lowercase())
                && toks
                    .get(j + 1)
                    .is_some_and(|n| is_capitalized(n.text(body)));
            let ok = t.kind == TokenKind::Word
                && (is_capitalized(tw)
                    || office_of
                    || (j > start && matches!(tw, "de" | "van" | "von" | "al" | "bin")))
                || (t.kind == TokenKind::Punct
                    && tw == "."
                    && j > start
                    && toks[j - 1].span.end == t.span.start
                    && toks[j - 1].text(body).len() <= 3);
            if !ok || (j > start && is_function_word(tw) && !office_of) {
                break;
            }
            j += 1;
        }
        let run = &toks[start..j];
        let run_words: Vec<&str> = run
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(body))
            .collect();
        let has_title = run_words.iter().any(|w| is_title(&w.to_lowercase()));
        let given = run_words
            .iter()
            .map(|w| gender_of_given(w))
            .find(|g| *g != Gender::Unknown);
        // After a preposition or `told`, a capitalised run is a place, a body or a listener
        // ("in Port Moresby", "at the Bangladesh University", "told Fraternite Matin").
        // Skip what may stand between the preposition and the name: "told the daily
        // Fraternite Matin", "told the BBC's Sarah Pemberton".
        let mut b = start;
        let mut skipped = 0;
        while b > 0 && skipped < 3 {
            let prev = &toks[b - 1];
            let pl = prev.text(body).to_lowercase();
            let modifier = matches!(pl.as_str(), "the" | "a" | "an")
                || (prev.kind == TokenKind::Word
                    && !is_capitalized(prev.text(body))
                    && !is_function_word(&pl)
                    && crate::quote::cue::lookup(&pl).is_none()
                    && skipped < 2)
                || pl.ends_with("'s")
                || pl.ends_with("\u{2019}s");
            if !modifier {
                break;
            }
            b -= 1;
            skipped += 1;
        }
        let after_preposition = b > 0
            && matches!(
                toks[b - 1].text(body).to_lowercase().as_str(),
                "in" | "at"
                    | "of"
                    | "from"
                    | "to"
                    | "for"
                    | "by"
                    | "with"
                    | "on"
                    | "about"
                    | "into"
                    | "told"
                    | "tell"
                    | "tells"
                    | "near"
                    | "across"
                    | "toward"
                    | "towards"
            );
        if has_title || given.is_some() || (run_words.len() >= 2 && !after_preposition) {
            if let Some(m) = parse_mention(body, run) {
                let person = m.kind == ActorKind::Person
                    && (!after_preposition || has_title || given.is_some());
                let body_name = m.kind == ActorKind::Organisation
                    && m.name.as_ref().is_some_and(|n| n.contains(' '));
                if m.name.is_some() && (person || body_name) {
                    out.push(m);
                }
            }
        }
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn mention(s: &str) -> Mention {
        parse_mention(s, &tokens(s, Span::new(0, s.len()))).unwrap()
    }

    #[test]
    fn titles_are_stripped_from_names() {
        let m = mention("U.S. Senator John McCain");
        assert_eq!(m.name.as_deref(), Some("John McCain"));
        assert_eq!(m.kind, ActorKind::Person);
        assert_eq!(m.gender, Gender::Male);
        assert_eq!(
            mention("Defense Minister Sergei Ivanov").name.as_deref(),
            Some("Sergei Ivanov")
        );
        assert_eq!(
            mention("President Vladimir Putin").name.as_deref(),
            Some("Vladimir Putin")
        );
    }

    #[test]
    fn appositions_in_both_orders_and_possessive_roles() {
        assert_eq!(
            mention("Pavel Kuzmin, the deputy minister").name.as_deref(),
            Some("Pavel Kuzmin")
        );
        assert_eq!(
            mention("the deputy minister, Pavel Kuzmin").name.as_deref(),
            Some("Pavel Kuzmin")
        );
        let m = mention("Putin's spokesman, Dmitry Peskov");
        assert_eq!(m.name.as_deref(), Some("Dmitry Peskov"));
        assert_eq!(m.gender, Gender::Male);
    }

    #[test]
    fn organisations_places_roles_and_pronouns() {
        assert_eq!(
            mention("the State Department").name.as_deref(),
            Some("State Department")
        );
        assert_eq!(
            mention("the State Department").kind,
            ActorKind::Organisation
        );
        assert_eq!(mention("Moscow").kind, ActorKind::Organisation);
        assert_eq!(
            mention("The United States").name.as_deref(),
            Some("United States")
        );
        let r = mention("the deputy minister");
        assert_eq!(r.role.as_deref(), Some("deputy minister"));
        assert_eq!(r.kind, ActorKind::Person);
        assert_eq!(mention("Serbian officials").kind, ActorKind::Group);
        assert_eq!(mention("she").pronoun, Some(Pronoun::She));
        assert_eq!(mention("Ms Okafor").gender, Gender::Female);
    }

    #[test]
    fn resolver_merges_surnames_and_resolves_pronouns_by_gender() {
        let text =
            "Foreign Minister Moussa Diallo met Ms Grace Okafor. Diallo said. She said. He said.";
        let mut r = Resolver::new();
        let toks = tokens(text, Span::new(0, text.len()));
        for m in scan_names(text, &toks) {
            r.observe(&m, false);
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
