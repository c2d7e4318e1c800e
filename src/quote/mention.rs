//! Speaker mentions: what a speaker phrase says about its speaker ("he", "the deputy
//! minister", "Putin's spokesman, Dmitry Peskov", "Moscow"): the pronoun, the proper name,
//! the titles and role, the kind of speaker and the gender the phrase shows.
//!
//! Parsing reads the team's word lists ([`super::words`]) and the gazetteer; it decides
//! nothing about which actor a mention refers to (see [`crate::actor`]).

use super::token::{is_capitalized, looks_plural};
use super::words;
use crate::gazetteer;
use crate::text::{is_possessive, Span};
use crate::text::{Token, TokenKind};

/// Grammatical gender as far as a mention shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
    Unknown,
}

/// What sort of actor a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ActorKind {
    Person,
    /// Organisations, governments, places speaking for governments.
    Organisation,
    /// Unnamed people in the plural: "officials", "Kosovo Serbs".
    Group,
    /// A document that says things: "a report", "the new book".
    Document,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
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

/// Is this (lower-cased) word one that makes a phrase an organisation ("ministry", "guard")?
pub(crate) fn is_org_word(lower: &str) -> bool {
    words::is_org_word_exact(lower) || words::is_org_word_exact(lower.trim_end_matches('s'))
}

pub(crate) fn is_function_word(word: &str) -> bool {
    words::is_function_word(word)
}

/// Whether `word`, a month that is also a surname (`Theresa May`, `Christine May`), follows
/// the given name `prev` and so is a name's word.
pub(crate) fn surname_after_given(prev: &str, word: &str) -> bool {
    matches!(word, "May" | "March" | "April" | "June" | "August")
        && gender_of_given(prev) != Gender::Unknown
}

/// Is this (lower-cased) word a title, office or role noun?
pub(crate) fn is_title(lower: &str) -> bool {
    let plain = |w: &str| {
        words::is_title_word(w)
            || (w != "states" && w.strip_suffix('s').is_some_and(words::is_title_word))
    };
    // `co-director`, `vice-president`, `ex-minister`: the title after its prefix.
    plain(lower)
        || lower.split_once('-').is_some_and(|(prefix, rest)| {
            matches!(prefix, "co" | "vice" | "ex" | "deputy" | "acting") && plain(rest)
        })
}

/// Nationality adjectives and abbreviations that may stand before a name ("U.S", "Russian").
fn is_modifier(word: &str) -> bool {
    let lower = word.to_lowercase();
    // A demonym the gazetteer lists ("British", "Kurdish"), or a word formed like one; given
    // names formed so ("Hamish", "Manish", "Ashish") are names, not nationalities.
    let demonym = gazetteer::find(word).is_some_and(|(_, how)| how == gazetteer::Naming::Demonym);
    let formed_so = lower.ends_with("ian") || lower.ends_with("ese");
    let nationality = demonym || (formed_so && gender_of_given(word) == Gender::Unknown);
    word.contains('.') || nationality
}

/// A party's adjective ("Republican", "Democrat"): before a person's given name it says the
/// person's side ("Republican Donald Trump"), before anything else it may open a body's name
/// ("Democratic National Convention").
fn party_adjective(word: &str) -> bool {
    gazetteer::find(word).is_some_and(|(i, how)| {
        how == gazetteer::Naming::Demonym
            && gazetteer::entity(i).kind == gazetteer::EntityKind::Party
    })
}

/// The longest speaker phrase or name, in bytes: several times the longest of the team's,
/// the BBC's and PolNeAR's articles (261 bytes). A name is printed with every quote its
/// bearer speaks, so a longer one would make the output of an article grow with the square
/// of its size (a run of thousands of capitalised words, then thousands of statements).
pub(crate) const MAX_PHRASE_BYTES: usize = 1000;

/// A parsed speaker phrase.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
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
    /// Opened by an indefinite article, `one` or `another` (`an EU diplomat`, `one senior
    /// official`): someone the article has not named, before or after.
    pub indefinite: bool,
}

/// Whether a speaker phrase's first word makes it indefinite (see [`Mention::indefinite`]).
fn is_indefinite(first: &str) -> bool {
    ["a", "an", "one", "another"]
        .iter()
        .any(|a| first.eq_ignore_ascii_case(a))
}

/// Parses the tokens of a speaker phrase. Returns `None` when nothing in it can speak.
pub(crate) fn parse_mention(body: &str, toks: &[Token]) -> Option<Mention> {
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
    if span.len() > MAX_PHRASE_BYTES {
        return None;
    }
    let indefinite = is_indefinite(first.text(body));
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
                indefinite: false,
            });
        }
    }
    // Split into comma-separated parts (appositions); the part with a proper name wins.
    // A comma inside one body's name joins its parts: "the Ministry of Energy, Petroleum and
    // Mines".
    // The tokens as one slice for that test, copied only when a comma calls for it.
    let mut owned: Option<Vec<Token>> = None;
    let mut parts: Vec<Vec<&Token>> = vec![Vec::new()];
    for (i, t) in toks.iter().enumerate() {
        if t.kind == TokenKind::Punct
            && t.text(body) == ","
            && !super::phrase::joins_org_name(
                body,
                owned.get_or_insert_with(|| toks.iter().map(|t| **t).collect()),
                i,
                0,
            )
        {
            parts.push(Vec::new());
        } else {
            parts.last_mut().expect("non-empty").push(t);
        }
    }
    let mut titles = Vec::new();
    let mut name: Option<PartName> = None;
    let mut role: Option<String> = None;
    let mut plural = false;
    // Whether the name found so far stands after a role's own words in its part (`the
    // senator representing Kano Central`): a name that then makes up a part of its own (`,
    // Senator Ada Okafor,`) is the apposition that names the speaker.
    let mut name_in_role = false;
    for part in &parts {
        let found = parse_part(body, part);
        titles.extend(found.titles);
        let leads = part
            .iter()
            .map(|t| t.text(body))
            .find(|w| !matches!(*w, "the" | "The" | "a" | "A" | "an" | "An"))
            .is_some_and(is_capitalized);
        // A person's name beats a place or body in an apposition ("Iraq's envoy, Teresa
        // Collado"); otherwise the first name found wins.
        let better = match (&name, &found.name) {
            (None, Some(_)) => true,
            (Some(old), Some(new)) => {
                (new.kind == ActorKind::Person && old.kind != ActorKind::Person)
                    || (new.kind == old.kind && name_in_role && leads)
            }
            _ => false,
        };
        if better {
            name = found.name;
            name_in_role = !leads;
        }
        if role.is_none() {
            role = found.role;
            plural = found.plural;
        }
    }
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
        Some(PartName { text, kind, gender }) => {
            let gender = if kind == ActorKind::Person {
                honorific_gender.unwrap_or(gender)
            } else {
                Gender::Unknown
            };
            Some(Mention {
                span,
                pronoun: None,
                name: Some(text),
                titles,
                role,
                kind,
                gender,
                indefinite,
            })
        }
        None => {
            let role = role?;
            // The head comes before a complement: "another report in the Sunday Telegraph".
            let head = role
                .split_whitespace()
                .take_while(|w| !matches!(*w, "in" | "of" | "for" | "at" | "from" | "on" | "to"))
                .last()
                .unwrap_or("")
                .to_lowercase();
            // A place's word after a capitalised name heads a body too: `the Sverdlovsk
            // region` speaks for its government and is no `he`.
            let named_place = words::is_thing_noun(&head)
                && role
                    .split_whitespace()
                    .take_while(|w| w.to_lowercase() != head)
                    .any(|w| is_capitalized(w) && !matches!(w, "The" | "A" | "An"));
            let is_org = is_org_word(&head) || named_place;
            let kind = if words::is_document_noun(&head) {
                ActorKind::Document
            } else if is_org {
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
                indefinite,
            })
        }
    }
}

/// A name read in a speaker phrase.
struct PartName {
    text: String,
    kind: ActorKind,
    gender: Gender,
}

/// What one comma-free part of a speaker phrase says.
struct PartParse {
    name: Option<PartName>,
    titles: Vec<String>,
    /// The role when there is no name ("the deputy minister").
    role: Option<String>,
    /// Whether the role is plural ("Serbian officials").
    plural: bool,
}

impl PartParse {
    fn titles_only(titles: Vec<String>) -> PartParse {
        PartParse {
            name: None,
            titles,
            role: None,
            plural: false,
        }
    }

    /// A body's name (`the State Department`, `Friends of the Earth`).
    fn body(text: String, titles: Vec<String>) -> PartParse {
        PartParse {
            name: Some(PartName {
                text,
                kind: ActorKind::Organisation,
                gender: Gender::Unknown,
            }),
            ..PartParse::titles_only(titles)
        }
    }
}

/// One comma-free part of a speaker phrase: titles, then maybe a name.
fn parse_part(body: &str, part: &[&Token]) -> PartParse {
    // An abbreviation keeps its closing full stop: "U.S.", not "U.S".
    let words: Vec<&str> = part
        .iter()
        .enumerate()
        // `&` inside a body's name: `Computer & Communications Industry Association`.
        .filter(|(_, t)| t.kind == TokenKind::Word || t.text(body) == "&")
        .map(|(i, t)| match part.get(i + 1) {
            Some(n)
                if t.text(body).contains('.')
                    && n.text(body) == "."
                    && n.span.start == t.span.end =>
            {
                &body[t.span.start..n.span.end]
            }
            // A comma joining the parts of one body's name stays in it.
            Some(n) if n.text(body) == "," && n.span.start == t.span.end => {
                &body[t.span.start..n.span.end]
            }
            // A plural owner keeps its apostrophe: "the National Farmers' Union".
            Some(n)
                if super::phrase::plural_owner(body, t, n)
                    || super::phrase::descriptive_owner(body, t, n, part.get(i + 2).copied()) =>
            {
                &body[t.span.start..n.span.end]
            }
            _ => t.text(body),
        })
        .collect();
    if words.is_empty() {
        return PartParse::titles_only(Vec::new());
    }
    // A possessive ends a sub-phrase: "Putin's spokesman" -> the role is the spokesman's.
    let possessive_end = words.iter().rposition(|w| is_possessive(w));
    let (owner, rest) = match possessive_end {
        Some(i) => (&words[..=i], &words[i + 1..]),
        None => (&words[..0], &words[..]),
    };
    // A complement after a role or a titled name is not the name: "ambassador in Nairobi",
    // "minister for the Pacific", "Ambassador Matthias Brandt of Switzerland". A preposition
    // inside a capitalised body's name stays ("Bank of England").
    // The first title word, found once: asking of every preposition whether a title comes
    // before it made a long phrase of prepositions quadratic.
    // `Member of Parliament Ruud Wessels`: a capitalised `Member` heads an office as a title
    // does (a lower-case `member of the family` stays a role).
    let office = |w: &str| is_title(&w.to_lowercase()) || w == "Member";
    let first_title = rest.iter().position(|x| office(x));
    let cut = rest.iter().enumerate().skip(1).find_map(|(i, w)| {
        let l = w.to_lowercase();
        if !matches!(
            l.as_str(),
            "in" | "for" | "of" | "at" | "to" | "from" | "on"
        ) {
            return None;
        }
        let prev = rest[i - 1];
        let titled = first_title.is_some_and(|t| t < i);
        // `the Chinese Embassy in La Paz`: a place after a body's last word says where it is.
        let prev_org = words::is_org_word_exact(&prev.to_lowercase());
        let body_in_place = matches!(l.as_str(), "in" | "at") && prev_org;
        // `Cara Diemont of IT firm Dimension Data`, `Ana Ruiz at Goldman Sachs`: a person's
        // full name before the preposition is the name, and what follows is where they work,
        // when the name opens with a given name or what follows is a body with an article or
        // a lower-case word for one (`Friends of the Earth` stays whole).
        let person_before = matches!(l.as_str(), "of" | "at" | "from")
            && (2..=3).contains(&i)
            && rest[..i].iter().all(|w| {
                let wl = w.to_lowercase();
                is_capitalized(w) && !is_title(&wl) && !is_org_word(&wl)
            })
            && !matches!(rest[0], "The" | "A" | "An")
            && (gender_of_given(rest[0]) != Gender::Unknown || {
                // `of the Eurasia Group`, `of IT firm Dimension Data`; not `of Paria Civic
                // Coalition`, one body's name.
                let after = &rest[i + 1..];
                let org = |w: &&str| is_org_word(&w.to_lowercase());
                // `of the PVV`: a body known by its initials.
                let initials = |w: &&str| {
                    (2..=6).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
                };
                (after.first() == Some(&"the")
                    && (after.iter().any(org) || matches!(after, [_, w] if initials(w))))
                    || after.iter().any(|w| !is_capitalized(w) && org(w))
            });
        let role_before =
            !is_capitalized(prev) || (titled && !prev_org) || body_in_place || person_before;
        (role_before && !(office(prev) && is_capitalized(prev) && l == "of")).then_some(i)
    });
    let full = rest;
    // `the U.S. Embassy in Pristina`: the place a body is in tells it from the body of that
    // name elsewhere, and stays in its name.
    let place: &[&str] = match cut {
        Some(i)
            if full[i].eq_ignore_ascii_case("in")
                && words::is_org_word_exact(&full[i - 1].to_lowercase())
                && (2..=4).contains(&(full.len() - i))
                && full[i + 1..].iter().all(|w| is_capitalized(w)) =>
        {
            &full[i..]
        }
        _ => &[],
    };
    // `Minister for Foreign Affairs Penny Wong`, `Minister of State for Commerce R.
    // Balasubramanian`: after a capitalised office and its domain comes the holder's name,
    // which names the speaker (not `spokesman for Hillary Clinton`, a lower-case role and a
    // name right after the preposition).
    let holder = cut.and_then(|c| {
        if !is_capitalized(rest[c - 1]) || first_title.is_none_or(|t| t >= c) {
            return None;
        }
        let tail = &rest[c + 1..];
        // The name opens with a given name or an initial the lists know, or else right
        // after the domain's last office word (`Foreign Affairs`, `Defence`).
        let given = (1..tail.len().saturating_sub(1)).find(|&p| {
            gender_of_given(tail[p]) != Gender::Unknown
                || (tail[p].len() == 1 && tail[p].chars().all(|ch| ch.is_ascii_uppercase()))
        });
        let p = given.or_else(|| {
            let p = tail.iter().rposition(|w| is_title(&w.to_lowercase()))? + 1;
            (tail.len() >= p + 2
                && tail[p..]
                    .iter()
                    .all(|w| !is_org_word(&w.to_lowercase()) && !gazetteer::is_place(w)))
            .then_some(p)
        })?;
        let domain_word = |w: &&str| {
            (is_capitalized(w) && !is_function_word(w)) || matches!(*w, "and" | "the" | "of" | "&")
        };
        (is_capitalized(tail[0])
            && tail[..p].iter().all(domain_word)
            && (2..=4).contains(&(tail.len() - p))
            && tail[p..].iter().all(|w| is_capitalized(w)))
        .then_some(c + 1 + p)
    });
    let rest = match cut {
        Some(i) if holder.is_none() => &rest[..i],
        _ => rest,
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
            let singular = l.strip_suffix('s').filter(|s| words::is_title_word(s));
            titles.push(singular.unwrap_or(&l).to_string());
        }
    }
    let lower: Vec<String> = rest.iter().map(|w| w.to_lowercase()).collect();
    let has_org_word = lower.iter().any(|l| is_org_word(l));
    // `The Embassy of Guyana in Caracas`: the place a body is in stays in its name.
    let all_caps_words = rest.iter().all(|w| {
        is_capitalized(w)
            || matches!(
                w.to_lowercase().as_str(),
                "of" | "the"
                    | "in"
                    | "for"
                    | "on"
                    | "to"
                    | "&"
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
            .any(|w| is_org_word(&w[0]) && matches!(w[1].as_str(), "of" | "for" | "on" | "to"));
    if has_org_word
        && org_headed
        && (all_caps_words || lower.last().is_some_and(|l| is_org_word(l)))
    {
        let start = rest
            .iter()
            .position(|w| !matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
            .unwrap_or(0);
        let mut name = rest[start..]
            .iter()
            .chain(place)
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
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
            return PartParse::body(name, titles);
        }
    }
    // A body the gazetteer lists by a name holding lower-case words is that name whole
    // (`Friends of the Earth`, not `Earth`).
    if owner.is_empty() && rest.len() >= 3 {
        let start = usize::from(matches!(rest[0], "the" | "The"));
        let whole = rest[start..].join(" ");
        if gazetteer::find(&whole).is_some_and(|(_, how)| how == gazetteer::Naming::Name) {
            return PartParse::body(whole, titles);
        }
    }
    // Trailing run of capitalised non-title words is the proper name.
    let mut i = rest.len();
    while i > 0 && holder.is_none() {
        let w = rest[i - 1];
        let l = w.to_lowercase();
        let particle = super::phrase::is_particle(&l);
        // A body's word ends the name: "Minister of Territorial Administration Daouda
        // Kone-Bamba" is Daouda Kone-Bamba.
        // Not when a place alone follows it: "Climate Action Network Canada".
        let body_word = i < rest.len()
            && is_org_word(&l)
            && !(i + 1 == rest.len() && gazetteer::is_place(rest[i]));
        // A sentence adverb opening the part is not the name's ("Now Bloomberg").
        let adverb = i == 1 && words::is_sentence_adverb(w);
        if (is_capitalized(w)
            && !is_title(&l)
            && (!is_function_word(w) || (i >= 2 && surname_after_given(rest[i - 2], w)))
            && !body_word
            && !adverb)
            || (particle && i < rest.len())
        {
            i -= 1;
        } else {
            break;
        }
    }
    if let Some(h) = holder {
        i = h;
    }
    let mut name_words: &[&str] = &rest[i..];
    // Nationality adjectives and acronyms before a name are modifiers, unless they are all
    // there is ("Russia", "NATO").
    while name_words.len() > 1
        && is_modifier(name_words[0])
        && (name_words[0].contains('.') || !gazetteer::is_place(name_words[0]))
        && (!party_adjective(name_words[0]) || gender_of_given(name_words[1]) != Gender::Unknown)
        && gazetteer::find(&name_words.join(" "))
            .is_none_or(|(_, how)| how != gazetteer::Naming::Name)
    {
        name_words = &name_words[1..];
    }
    let before_name = &rest[..i];
    let role_words: Vec<&str> = before_name
        .iter()
        .copied()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
        .collect();
    // `the Bishop of Durham`, `the Secretary of State`: the place or domain of an office,
    // not a name. The phrase is a role, and a person's name beside it (`the Bishop of
    // Durham, the Rt Rev Tom Wright`) names the speaker.
    // `the Speaker of the Althingi`: an article may open the office's domain.
    let of_at = before_name
        .len()
        .saturating_sub(1 + usize::from(before_name.last().is_some_and(|w| *w == "the")));
    let office_of = before_name.len() >= 2
        && of_at >= 1
        && before_name[of_at] == "of"
        && is_capitalized(before_name[of_at - 1])
        && is_title(&before_name[of_at - 1].to_lowercase())
        && (name_words.len() == 1 || gazetteer::find(&name_words.join(" ")).is_some());
    if office_of {
        let role: Vec<&str> = role_words.iter().chain(&rest[i..]).copied().collect();
        return PartParse {
            name: None,
            titles,
            role: Some(role.join(" ")),
            plural: false,
        };
    }
    if !name_words.is_empty() {
        let name = name_words.join(" ");
        let first = fold_accents(
            &name_words[0]
                .split('-')
                .next()
                .unwrap_or(name_words[0])
                .to_lowercase(),
        );
        let is_place = name_words.len() == 1 && gazetteer::is_place(name_words[0]);
        // `Kosovo Serbs`; and a people alone (`Silesians`, `Serbs`): a demonym in the plural.
        let plural_people = |w: &str| {
            w.ends_with("ians")
                || w.strip_suffix('s').is_some_and(|one| {
                    gazetteer::find(one).is_some_and(|(_, how)| how == gazetteer::Naming::Demonym)
                })
        };
        let plural_group = (name_words.len() >= 2
            && name_words.last().is_some_and(|w| looks_plural(w))
            && gazetteer::is_place(name_words[0]))
            || (name_words.len() == 1
                && titles.is_empty()
                && before_name.is_empty()
                && plural_people(name_words[0]))
            // `Central Asians`, `West Africans`: a people of a region.
            || (name_words.len() >= 2
                && titles.is_empty()
                && name_words.last().is_some_and(|w| plural_people(w) || w.ends_with("ans"))
                && name_words[..name_words.len() - 1]
                    .iter()
                    .all(|w| words::is_place_word(&w.to_lowercase())));
        let is_place_phrase = name_words.iter().all(|w| {
            gazetteer::is_place(w)
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
        let gender = if words::is_female_name(&first) {
            Gender::Female
        } else if words::is_male_name(&first) {
            Gender::Male
        } else if name_words.len() >= 2 {
            gender_of_surname(name_words[name_words.len() - 1])
        } else {
            Gender::Unknown
        };
        // A body, party or news organisation the gazetteer knows ("the Tories", "Reuters").
        let listed = gazetteer::find(&name).is_some_and(|(_, how)| how == gazetteer::Naming::Name);
        // "Mother Teresa Boulevard", "the Anti-Homosexuality Act": a place or an instrument.
        let thing = name_words.len() >= 2
            && name_words
                .last()
                .is_some_and(|w| words::is_thing_noun(&w.to_lowercase()));
        // `logistics firm Nordhavn Freight`, `the charity Oxfam`: a company noun before the
        // name.
        let firm = !has_title
            && gender == Gender::Unknown
            && before_name
                .last()
                .is_some_and(|w| !is_capitalized(w) && words::is_firm_noun(w));
        let kind = if plural_group {
            ActorKind::Group
        } else if ((is_place || is_place_phrase || listed || thing || firm) && !has_title)
            || (name_words.len() == 1
                && !has_title
                && name_words[0]
                    .chars()
                    .all(|c| c.is_uppercase() || !c.is_alphabetic()))
        {
            // Places speaking for governments, listed bodies, and acronyms ("NATO").
            ActorKind::Organisation
        } else {
            ActorKind::Person
        };
        let name = PartName {
            text: name,
            kind,
            gender,
        };
        return PartParse {
            name: Some(name),
            ..PartParse::titles_only(titles)
        };
    }
    // No name: a role phrase ("the deputy minister", "Serbian officials", "a source").
    if role_words.is_empty() {
        return PartParse::titles_only(titles);
    }
    let head = role_words.last().expect("non-empty").to_lowercase();
    let plural = looks_plural(&head);
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
    PartParse {
        name: None,
        titles,
        role: Some(role),
        plural,
    }
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
pub(crate) fn gender_of_given(word: &str) -> Gender {
    // Compound given names take the gender of their first part: Marie-Laure, Jean-Marc.
    let word = word.split('-').next().unwrap_or(word);
    let l = fold_accents(&word.to_lowercase());
    if words::is_female_name(&l) {
        Gender::Female
    } else if words::is_male_name(&l) {
        Gender::Male
    } else {
        Gender::Unknown
    }
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
    fn any_number_of_modifiers_and_prepositions_before_a_name() {
        let m = mention(&format!("{}Ivan Smith", "Russian ".repeat(100)));
        assert_eq!(m.name.as_deref(), Some("Ivan Smith"));
        let m = mention(&format!("{}Senator John McCain", "U.S. ".repeat(150)));
        assert_eq!(m.name.as_deref(), Some("John McCain"));
        assert_eq!(m.titles, vec!["senator".to_string()]);
        // A complement after a titled name is cut however many come before the title.
        let m = mention(&format!(
            "{}Ambassador Matthias Brandt of Switzerland",
            "Xa of ".repeat(100)
        ));
        assert_eq!(m.name.as_deref(), Some("Matthias Brandt"));
    }

    #[test]
    fn a_phrase_longer_than_any_name_names_nobody() {
        let s = format!("{}Smith", "Xy ".repeat(MAX_PHRASE_BYTES / 3));
        assert!(parse_mention(&s, &tokens(&s, Span::new(0, s.len()))).is_none());
        let s = format!("{}Smith", "Xy ".repeat(MAX_PHRASE_BYTES / 3 - 2));
        assert!(mention(&s).name.is_some_and(|n| n.len() < MAX_PHRASE_BYTES));
    }
}
