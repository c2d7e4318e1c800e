//! Actor names as the report compares them: folded for case, punctuation, honorifics and
//! leading titles, so that "President Vladimir Putin", "Vladimir Putin." and "vladimir putin"
//! are one key. Display names are never folded; only the keys are.

use crate::quote::mention::{is_function_word, is_org_word, is_title};

/// Words dropped wherever they stand: articles and honorifics carry no identity.
const DROPPED: &[&str] = &["the", "mr", "mrs", "ms", "dr", "sir", "dame"];

/// Words a speaker mention can be without naming anyone.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// The folded key of a name: lower case, inner dots and apostrophes removed ("U.S." and "US"
/// match), possessive `'s` and honorifics dropped, and leading titles removed when what
/// follows them looks like a personal name ("Russian President Vladimir Putin" ->
/// "vladimir putin", but "Foreign Ministry" stays whole). Empty when nothing is left.
pub fn fold(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(fold_word)
        .filter(|w| !w.is_empty() && !DROPPED.contains(&w.as_str()))
        .collect();
    strip_titles(&words).join(" ")
}

fn fold_word(word: &str) -> String {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w);
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
    if is_personal_name(rest) {
        rest
    } else {
        words
    }
}

/// One to four words, none of them a title, an organisation word or a function word: the
/// shape of "putin", "vladimir putin" or "john s mccain", not of "foreign ministry".
fn is_personal_name(words: &[String]) -> bool {
    (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| !is_title(w) && !is_org_word(w) && !is_function_word(w))
}

/// A folded key that can take a lone surname: a personal name of two or more words.
pub fn is_full_name(key: &str) -> bool {
    let words: Vec<String> = key.split(' ').map(str::to_string).collect();
    words.len() >= 2 && is_personal_name(&words)
}

/// The last word of a folded key.
pub fn surname(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or(key)
}

/// Whether a speaker mention is worth listing as an alias: it names someone ("Moscow",
/// "Mr Putin"), rather than being a pronoun or a role phrase ("the spokesman").
pub fn is_alias(mention: &str) -> bool {
    let key = fold(mention);
    !key.is_empty() && mention.chars().any(char::is_uppercase) && !PRONOUNS.contains(&key.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn keeps_institutions_and_bare_titles_whole() {
        assert_eq!(fold("Foreign Ministry"), "foreign ministry");
        assert_eq!(fold("the Kremlin"), "kremlin");
        assert_eq!(fold("Prime Minister"), "prime minister");
        assert_eq!(
            fold("Head of the Security Council"),
            "head of security council"
        );
        assert_eq!(fold("The"), "");
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
    fn aliases_name_someone() {
        assert!(is_alias("Mr Putin"));
        assert!(is_alias("Moscow"));
        assert!(!is_alias("He"));
        assert!(!is_alias("the spokesman"));
        assert!(!is_alias("We"));
    }
}
