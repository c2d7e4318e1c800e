//! Actor names: how one actor is recognised under its names, within an article and across
//! articles, and whom it belongs to.
//!
//! A name's [`key`] folds case, punctuation, honorifics and leading titles and descriptors
//! ("East Midlands MEP Robert Kilroy-Silk" is "robert kilroy-silk"), another form of a given
//! name (`given-names.txt`: Vince and Vincent Cable), and the gazetteer's other names (the
//! Tories, Tory and the Conservatives are the Conservative Party; Moscow and the Kremlin are
//! Russia). Display names are never folded; only the keys are. An actor's [`affiliation`] is
//! the country, party or organisation its name or its speaker phrase names.

use crate::gazetteer::{self, EntityKind, Naming};
use crate::quote::mention::{is_function_word, is_org_word, is_title};
use crate::quote::words;
use crate::text::{is_possessive, possessive_stem};
use crate::wordset::FastMap;
use std::sync::OnceLock;

/// Case- and punctuation-folded form of a name, for matching within an article:
/// "Mr. Putin's" -> "putin".
pub(crate) fn normalize(name: &str) -> String {
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

/// A role phrase without its leading articles: "the deputy minister" -> "deputy minister".
pub(crate) fn strip_article(s: &str) -> String {
    s.split_whitespace()
        .skip_while(|f| matches!(f.to_lowercase().as_str(), "the" | "a" | "an"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words dropped wherever they stand: articles and honorifics carry no identity.
const DROPPED: &[&str] = &["the", "mr", "mrs", "ms", "dr", "sir", "dame"];

/// Words a speaker mention can be without naming anyone.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "who", "which"];

/// The formal form of a given name (lower case), if the name is another form of it.
fn formal_given_name(word: &str) -> Option<&'static str> {
    static MAP: OnceLock<FastMap<String, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = FastMap::default();
        for line in include_str!("given-names.txt").lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((formal, others)) = line.split_once(':') else {
                continue;
            };
            let formal = formal.trim();
            for o in others.split(',').map(str::trim).filter(|o| !o.is_empty()) {
                m.insert(o.to_lowercase(), formal);
            }
        }
        m
    })
    .get(word)
    .copied()
}

/// The key an actor is recognised by across articles: equal keys are one actor. Empty when
/// nothing in the name names anyone.
pub(crate) fn key(name: &str) -> String {
    if let Some((i, Naming::Name)) = gazetteer::find(name) {
        return fold(gazetteer::entity(i).name);
    }
    if let Some(person) = person_alone(name) {
        return key(&person);
    }
    if let Some(body) = spoken_for(name) {
        return key(&body);
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if let Some(person) = after_affiliation(&words) {
        return key(&person);
    }
    let folded = fold(name);
    let mut words: Vec<&str> = folded.split(' ').collect();
    // "George W Bush" is George Bush: a middle initial is left out of the key.
    if words.len() == 3 && words[1].chars().count() == 1 && is_personal_name(&words) {
        words.remove(1);
    }
    if words.len() >= 2 && is_personal_name(&words) {
        if let Some(formal) = formal_given_name(words[0]) {
            let formal = formal.to_lowercase();
            words[0] = &formal;
            return words.join(" ");
        }
    }
    words.join(" ")
}

/// Letters after a name that are no part of it ("Paul Boateng MP", "Guy Mansfield QC").
const POST_NOMINALS: &[&str] = &["MP", "MPs", "MEP", "MSP", "AM", "QC", "KC", "MLA", "TD"];

/// The person alone in a name that adds letters after it or the body the person is of:
/// "Paul Boateng MP" and "Simon Hart of the Countryside Alliance" are Paul Boateng and
/// Simon Hart. `None` when the name is no such shape ("Bank of England", "Friends of the
/// Earth", "United States of America").
fn person_alone(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let person = |ws: &[&str]| {
        let folded: Vec<String> = ws.iter().map(|w| fold_word(w)).collect();
        let folded: Vec<&str> = folded.iter().map(String::as_str).collect();
        ws.len() >= 2
            && is_personal_name(&folded)
            && ws
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && gazetteer::find(&ws.join(" ")).is_none()
    };
    if let Some((last, rest)) = words.split_last() {
        if POST_NOMINALS.contains(last) && person(rest) {
            return Some(rest.join(" "));
        }
    }
    let of = words.iter().position(|w| *w == "of")?;
    let body: Vec<&str> = words[of + 1..]
        .iter()
        .copied()
        .skip_while(|w| w.eq_ignore_ascii_case("the"))
        .collect();
    let a_body = body
        .first()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && (body.iter().any(|w| is_org_word(&fold_word(w)))
            || gazetteer::find(&body.join(" ")).is_some());
    (a_body && person(&words[..of])).then(|| words[..of].join(" "))
}

/// Nouns for the unnamed people who speak for a body: "a Labour Party spokesman" is the
/// Labour Party, as far as its positions go.
const SPOKESPEOPLE: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "spokeswomen",
    "spokespeople",
    "official",
    "officials",
    "source",
    "sources",
];

/// The body an unnamed spokesperson speaks for, when the name gives it and nothing else:
/// "Labour Party spokesman", "spokeswoman for the Electoral Commission" and "Tory sources"
/// speak for a body; "Lib Dem spokesman Mark Oaten" names a person, and "Mr Blair's
/// spokesman" or "spokesman for Mr Prescott" speak for a person, not a body.
fn spoken_for(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let linked = |i: usize, preps: &[&str]| {
        words
            .get(i + 1)
            .is_some_and(|p| preps.iter().any(|x| p.eq_ignore_ascii_case(x)))
    };
    let a_noun = |w: &str| crate::quote::is_speaker_noun(&w.to_lowercase());
    // A spokesperson anywhere; any other role or group noun only as the head of the phrase
    // and with the body it is at, from or of ("researchers from Leeds University", "chairman
    // of the Commission for Racial Equality"; not "mission chief for Moldova", not
    // "organisation representing veterans of the Kosovo Liberation Army").
    let noun = words.iter().enumerate().position(|(i, w)| {
        SPOKESPEOPLE.contains(&w.to_lowercase().as_str())
            || (i <= 2
                && linked(i, &["at", "from", "of"])
                && w.starts_with(|c: char| c.is_lowercase())
                && a_noun(w)
                && !words[..i].iter().any(|w| a_noun(w)))
    })?;
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let body: &[&str] = if noun + 1 == words.len() {
        // "[a] [senior] Labour Party spokesman": the capitalised run before the noun.
        let start = words[..noun]
            .iter()
            .rposition(|w| !capitalised(w))
            .map_or(0, |i| i + 1);
        &words[start..noun]
    } else if linked(noun, &["for", "at", "from", "of"]) {
        // "spokesman for [the] British Casino Association", "an official at the Ministry of
        // Finance": all of the rest.
        let rest = &words[noun + 2..];
        match rest.first() {
            Some(w) if w.eq_ignore_ascii_case("the") => &rest[1..],
            _ => rest,
        }
    } else {
        return None;
    };
    let (first, last) = (body.first()?, body.last()?);
    // A person's spokesman speaks for the person, who is no body.
    let a_person = DROPPED.contains(&fold_word(first).as_str()) || is_possessive(last);
    let named = body
        .iter()
        .all(|w| capitalised(w) || matches!(*w, "of" | "the" | "for" | "and" | "on" | "in" | "&"));
    let (body, parts) = (body.join(" "), body);
    // A body the gazetteer knows under any of its names ("Conservative spokeswoman"), or one
    // whose name ends like a body's; "Pensions spokeswoman" is a portfolio, not a body.
    if let Some((i, _)) = gazetteer::find(&body) {
        return (!a_person).then(|| gazetteer::entity(i).name.to_string());
    }
    // "Ministry of Finance" is headed by its first word, "Electoral Commission" by its last;
    // "Commission" alone is a common noun, no body's name.
    // An acronym ("spokesman for the DCA") is a body's name too.
    let acronym = parts.len() == 1
        && first.chars().filter(char::is_ascii_alphabetic).count() >= 2
        && first.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    let a_body = ((is_org_word(&fold_word(last)) || is_org_word(&fold_word(first)))
        && !is_common_noun(&body))
        || acronym;
    (named && a_body && !a_person).then_some(body)
}

/// Whether an unnamed speaker speaks for a body the phrase names ("State Department
/// spokesperson", "a senior official at the Ministry of Finance"): such a speaker is an actor,
/// counted as the body.
pub(crate) fn speaks_for_body(name: &str) -> bool {
    spoken_for(name).is_some()
}

/// The name to show for a speaker: the body an unnamed spokesperson speaks for ("Labour
/// Party spokesman" -> "Labour Party"), the person alone when a party or country stands before
/// the name ("Lib Dem Norman Baker" -> "Norman Baker"), otherwise the name as written.
pub(crate) fn display_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    spoken_for(name)
        .or_else(|| person_alone(name))
        .or_else(|| after_affiliation(&words))
        .unwrap_or_else(|| name.to_string())
}

/// The person named after a party, country or body the gazetteer knows: "Lib Dem Norman
/// Baker" and "Fellow Lib Dem Norman Baker" are Norman Baker, "Tory David Heathcoat-Amory" is
/// David Heathcoat-Amory. Only a name of two or more words after it counts, so "Labour MP"
/// and "Conservative Party" stay as they are.
fn after_affiliation(words: &[&str]) -> Option<String> {
    for start in 0..words.len() {
        for len in (1..=3).rev() {
            let Some(run) = words.get(start..start + len) else {
                continue;
            };
            let Some(found) = gazetteer::find(&run.join(" ")).filter(|_| {
                run.iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            }) else {
                continue;
            };
            // A run that goes on into the same body's fuller name (`Amnesty` in `Amnesty
            // International UK`) is no affiliation before a person.
            let longer = words.get(start..start + len + 1);
            if longer.is_some_and(|l| gazetteer::find(&l.join(" ")).map(|f| f.0) == Some(found.0)) {
                continue;
            }
            let rest = &words[start + len..];
            let folded: Vec<String> = rest
                .iter()
                .map(|w| fold_word(w))
                .filter(|w| !w.is_empty() && !DROPPED.contains(&w.as_str()))
                .collect();
            let folded: Vec<&str> = folded.iter().map(String::as_str).collect();
            if folded.len() >= 2
                && is_personal_name(&folded)
                && rest
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            {
                return Some(rest.join(" "));
            }
        }
    }
    None
}

/// The folded form of a name: lower case, inner dots and apostrophes removed ("U.S." and
/// "US" match), possessive `'s` and honorifics dropped, and leading titles and descriptors
/// removed when what follows them looks like a personal name ("Russian President Vladimir
/// Putin" -> "vladimir putin", but "Foreign Ministry" stays whole). Empty when nothing is
/// left.
pub(crate) fn fold(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(fold_word)
        .filter(|w| !w.is_empty() && !DROPPED.contains(&w.as_str()))
        .collect();
    strip_titles(&words).join(" ")
}

fn fold_word(word: &str) -> String {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    let w = possessive_stem(w).unwrap_or(w);
    w.chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Drops everything up to the last title word when the rest is a personal name.
fn strip_titles(words: &[String]) -> &[String] {
    let Some(last_title) = words.iter().rposition(|w| is_title(w)) else {
        return words;
    };
    let rest = &words[last_title + 1..];
    let rest_words: Vec<&str> = rest.iter().map(String::as_str).collect();
    if is_personal_name(&rest_words) {
        rest
    } else {
        words
    }
}

/// One to four words, none of them a title, an organisation word or a function word: the
/// shape of "putin", "vladimir putin" or "john s mccain", not of "foreign ministry".
fn is_personal_name(words: &[&str]) -> bool {
    (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| !is_title(w) && !is_org_word(w) && !is_function_word(w))
}

/// A folded key that can take a lone surname: a personal name of two or more words.
pub(crate) fn is_full_name(key: &str) -> bool {
    let words: Vec<&str> = key.split(' ').collect();
    words.len() >= 2 && is_personal_name(&words)
}

/// The last word of a folded key.
pub(crate) fn surname(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or(key)
}

/// Whether a speaker mention is worth listing as an alias: it names someone ("Moscow",
/// "Mr Putin"), rather than being a pronoun or a role phrase ("the spokesman").
pub(crate) fn is_alias(mention: &str) -> bool {
    let key = fold(mention);
    !key.is_empty() && mention.chars().any(char::is_uppercase) && !PRONOUNS.contains(&key.as_str())
}

/// Whether a name names someone: it holds a proper name (a capitalised word other than an
/// article or honorific opening it), not only common nouns ("spokesman", "the government",
/// "critics", "committee").
pub(crate) fn names_someone(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        let listed = gazetteer::find(w.trim_matches(|c: char| !c.is_alphanumeric())).is_some();
        let l = w.to_lowercase();
        listed
            || !(is_title(&l)
                || is_capitalised_modifier(w)
                || is_function_word(w)
                || is_org_word(&l)
                || words::is_speaker_noun_word(&l)
                || words::is_document_noun(&l)
                || words::is_nominal_modifier(&l)
                || words::is_sentence_adverb(w))
    })
}

/// A prefix and a lower-case word make a modifier, not a name ("Pro-hunt campaigners",
/// "Anti-war groups"); a place before a hyphen ("London-based analyst") and the capitalised
/// parts of a hyphenated name ("Kilroy-Silk") are names.
fn is_capitalised_modifier(word: &str) -> bool {
    word.split_once('-').is_some_and(|(prefix, rest)| {
        words::is_word_prefix(prefix) && rest.chars().next().is_some_and(char::is_lowercase)
    })
}

/// Whether a name read as a proper name is only a capitalised common noun: "Critics",
/// "Ministers", "Government" opening a sentence (but "State Department" is a name).
pub(crate) fn is_common_noun(name: &str) -> bool {
    // A modifier and lower-case words: "Anti-hunt organisations".
    let mut rest = name.split_whitespace();
    if rest.next().is_some_and(is_capitalised_modifier)
        && rest.all(|w| !w.chars().next().is_some_and(char::is_uppercase))
    {
        return true;
    }
    let mut words = name.split_whitespace();
    let (Some(w), None) = (words.next(), words.next()) else {
        return false;
    };
    let l = w.to_lowercase();
    gazetteer::find(w).is_none()
        && (is_title(&l)
            || is_org_word(&l)
            || words::is_speaker_noun_word(&l)
            || words::is_document_noun(&l)
            || words::is_sentence_adverb(w))
}

/// The country, party or organisation a name or a speaker phrase belongs to, as the
/// gazetteer names it: "Moscow" and "Russian President Vladimir Putin" -> Russia, "Lib Dem
/// spokesman Mark Oaten" -> Liberal Democrats, "Foggy Bottom" -> United States. A
/// government body belongs to its country; a party or an organisation to itself.
pub(crate) fn affiliation(phrase: &str) -> Option<&'static str> {
    let words: Vec<&str> = phrase
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("'s")
                .trim_end_matches("\u{2019}s")
        })
        .filter(|w| !w.is_empty())
        .collect();
    // The longest capitalised run the gazetteer knows, leftmost first.
    for len in (1..=words.len().min(5)).rev() {
        for run in words.windows(len) {
            if !run
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            {
                continue;
            }
            if let Some((i, _)) = gazetteer::find(&run.join(" ")) {
                let e = gazetteer::entity(i);
                if e.kind == EntityKind::Media {
                    continue;
                }
                return Some(gazetteer::entity(e.parent.unwrap_or(i)).name);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_opening_a_role_are_dropped_however_many() {
        assert_eq!(strip_article("the deputy minister"), "deputy minister");
        assert_eq!(
            strip_article("  A  spokesman  for the party"),
            "spokesman for the party"
        );
        let many = format!("{}envoy", "the a An ".repeat(1000));
        assert_eq!(strip_article(&many), "envoy");
        assert_eq!(strip_article("the the"), "");
    }

    #[test]
    fn a_prefixed_modifier_opening_a_phrase_is_no_name() {
        assert!(!names_someone("Pro-hunt campaigners"));
        assert!(is_common_noun("Anti-hunt organisations"));
        assert!(is_common_noun("Ex-chat"));
        // A place before the hyphen, and a hyphenated name, are names.
        assert!(names_someone("London-based security analyst"));
        assert!(!is_common_noun("Robert Kilroy-Silk"));
        assert!(!is_common_noun("Anti-Fraud Office"));
    }

    #[test]
    fn folds_case_punctuation_honorifics_and_titles() {
        assert_eq!(fold("Vladimir Putin"), "vladimir putin");
        assert_eq!(fold("  VLADIMIR   PUTIN. "), "vladimir putin");
        assert_eq!(fold("Mr. Putin"), "putin");
        assert_eq!(fold("Putin's"), "putin");
        assert_eq!(fold("Russian President Vladimir Putin"), "vladimir putin");
        assert_eq!(
            fold("Secretary of State Condoleezza Rice"),
            "condoleezza rice"
        );
        assert_eq!(fold("the U.S. State Department"), "us state department");
        assert_eq!(fold("US State Department"), "us state department");
        assert_eq!(fold("O\u{2019}Brien"), fold("O'Brien"));
        assert_eq!(
            fold("East Midlands MEP Robert Kilroy-Silk"),
            "robert kilroy-silk"
        );
    }

    #[test]
    fn keeps_institutions_and_bare_titles_whole() {
        assert_eq!(fold("Foreign Ministry"), "foreign ministry");
        assert_eq!(fold("Prime Minister"), "prime minister");
        assert_eq!(
            fold("Head of the Security Council"),
            "head of security council"
        );
        assert_eq!(fold("The"), "");
    }

    #[test]
    fn keys_join_given_name_forms_and_gazetteer_names() {
        assert_eq!(key("Vince Cable"), key("Vincent Cable"));
        assert_eq!(key("Mr Vince Cable"), "vincent cable");
        assert_ne!(key("Vince Cable"), key("Vince Smith"));
        for alias in ["Tories", "Tory", "Conservatives", "the Conservative Party"] {
            assert_eq!(key(alias), "conservative party", "{alias}");
        }
        for alias in [
            "Lib Dems",
            "Lib Dem",
            "Liberal Democrat",
            "Liberal Democrats",
        ] {
            assert_eq!(key(alias), "liberal democrats", "{alias}");
        }
        assert_eq!(key("the Kremlin"), key("Moscow"));
        assert_eq!(key("Amnesty"), key("Amnesty International"));
        assert_eq!(key("HRW"), key("Human Rights Watch"));
        assert_eq!(key("MSF"), key("Doctors Without Borders"));
        assert_eq!(
            display_name("Amnesty International UK"),
            "Amnesty International UK"
        );
        assert_eq!(key("Foggy Bottom"), key("State Department"));
        // A demonym is not the country: "Russians" are not Russia.
        assert_ne!(key("Russians"), key("Russia"));
    }

    #[test]
    fn unnamed_spokespeople_speak_for_their_body() {
        assert_eq!(key("Labour Party spokesman"), key("Labour"));
        assert_eq!(key("a senior Labour Party spokesman"), key("Labour"));
        assert_eq!(key("Tory sources"), key("Conservatives"));
        assert_eq!(
            key("spokeswoman for the Electoral Commission"),
            key("Electoral Commission")
        );
        assert_eq!(
            key("spokesman for the British Casino Association"),
            "british casino association"
        );
        // Named spokespeople are themselves; a person's spokesman is not a body.
        assert_eq!(key("Lib Dem spokesman Mark Oaten"), "mark oaten");
        assert_eq!(key("Mr Blair's spokesman"), fold("Mr Blair's spokesman"));
        assert_eq!(
            key("spokesman for Mr Prescott"),
            fold("spokesman for Mr Prescott")
        );
        assert_eq!(key("spokesman"), fold("spokesman"));
        assert_eq!(key("Conservative spokeswoman"), key("Tories"));
        assert_eq!(
            key("spokeswoman for the Information Commissioner's Office"),
            "information commissioner office"
        );
        assert_eq!(key("Pensions spokeswoman"), fold("Pensions spokeswoman"));
        assert_eq!(display_name("Lib Dem Norman Baker"), "Norman Baker");
        assert_eq!(display_name("Labour Party spokesman"), "Labour Party");
        assert_eq!(display_name("Mr Blair's spokesman"), "Mr Blair's spokesman");
        assert_eq!(
            display_name("senior official at the Ministry of Foreign Affairs"),
            "Ministry of Foreign Affairs"
        );
        assert_eq!(
            display_name("officials from the National Council"),
            "National Council"
        );
        // A bare word for a body names none.
        assert_eq!(
            display_name("Commission spokesperson"),
            "Commission spokesperson"
        );
        assert!(!speaks_for_body("Commission spokesperson"));
        assert!(!speaks_for_body("ministry spokeswoman"));
        assert!(speaks_for_body("State Department spokesperson"));
        assert_eq!(display_name("spokesman for the DCA"), "DCA");
        assert_eq!(
            display_name("IMF mission chief for Moldova"),
            "IMF mission chief for Moldova"
        );
        assert_eq!(
            display_name("organisation representing veterans of the Kosovo Liberation Army"),
            "organisation representing veterans of the Kosovo Liberation Army"
        );
        assert_eq!(display_name("Paul Boateng MP"), "Paul Boateng");
        assert_eq!(key("Paul Boateng MP"), key("Paul Boateng"));
        assert_eq!(
            display_name("Simon Hart of the Countryside Alliance"),
            "Simon Hart"
        );
        assert_eq!(key("George W Bush"), key("George Bush"));
        assert_eq!(key("Bank of England"), "bank of england");
        assert_eq!(key("Friends of the Earth"), "friends of earth");
        // A body's own name is no role at a body.
        assert_eq!(
            key("Association of Directors of Social Services"),
            "association of directors of social services"
        );
        assert_eq!(
            display_name("researchers from Leeds University"),
            "Leeds University"
        );
        assert_eq!(
            display_name("party of councillors from Nottingham"),
            "party of councillors from Nottingham"
        );
        assert_eq!(
            display_name("eldest daughter of ex-King Michael of Romania"),
            "eldest daughter of ex-King Michael of Romania"
        );
    }

    #[test]
    fn a_party_before_a_name_is_no_part_of_it() {
        assert_eq!(key("Lib Dem Norman Baker"), "norman baker");
        assert_eq!(key("Fellow Lib Dem Norman Baker"), "norman baker");
        assert_eq!(key("Tory David Heathcoat-Amory"), "david heathcoat-amory");
        assert_eq!(key("Liberal Democrat Paul Tyler"), "paul tyler");
        assert_eq!(key("Conservative Party"), key("Tories"));
        assert_eq!(key("Labour MPs"), fold("Labour MPs"));
    }

    #[test]
    fn full_names_and_surnames() {
        assert!(is_full_name("vladimir putin"));
        assert!(!is_full_name("putin"));
        assert!(!is_full_name("foreign ministry"));
        assert!(!is_full_name("republic of kosovo"));
        assert_eq!(surname("vladimir putin"), "putin");
        assert_eq!(surname("putin"), "putin");
    }

    #[test]
    fn aliases_and_names_name_someone() {
        assert!(is_alias("Mr Putin"));
        assert!(is_alias("Moscow"));
        assert!(!is_alias("He"));
        assert!(!is_alias("the spokesman"));
        assert!(!is_alias("We"));
        assert!(names_someone("Downing Street spokesman"));
        assert!(names_someone("senior EU diplomat"));
        for common in ["spokesman", "The government", "Critics", "committee", "MPs"] {
            assert!(!names_someone(common), "{common}");
        }
        assert!(is_common_noun("Critics") && is_common_noun("Ministers"));
        assert!(!is_common_noun("State Department") && !is_common_noun("Reuters"));
    }

    #[test]
    fn affiliations_from_names_and_phrases() {
        assert_eq!(affiliation("Moscow"), Some("Russia"));
        assert_eq!(
            affiliation("Russian President Vladimir Putin"),
            Some("Russia")
        );
        assert_eq!(
            affiliation("Lib Dem spokesman Mark Oaten"),
            Some("Liberal Democrats")
        );
        assert_eq!(affiliation("Foggy Bottom"), Some("United States"));
        assert_eq!(
            affiliation("Tory leader Michael Howard"),
            Some("Conservative Party")
        );
        assert_eq!(affiliation("Ana Ruiz"), None);
    }
}
