//! Token helpers the speaker grammar shares: lower-casing without allocating, punctuation and
//! cue tests, and the closed classes of English it reads by hand (pronouns, articles,
//! determiners).

use super::cue::{self, CueClass};
use super::words;
use crate::text::{is_possessive, Token, TokenKind};

/// The token lower-cased, without allocating for short words.
pub(crate) fn lower<'a>(body: &'a str, t: &Token) -> Lower<'a> {
    Lower::of(t.text(body))
}

/// A lower-cased word: borrowed when already lower case, on the stack when short and ASCII.
pub(crate) enum Lower<'a> {
    Borrowed(&'a str),
    Inline([u8; 24], usize),
    Owned(String),
}

impl<'a> Lower<'a> {
    fn of(w: &'a str) -> Lower<'a> {
        if !w.bytes().any(|b| b.is_ascii_uppercase()) && w.is_ascii() {
            return Lower::Borrowed(w);
        }
        if w.is_ascii() && w.len() <= 24 {
            let mut buf = [0u8; 24];
            buf[..w.len()].copy_from_slice(w.as_bytes());
            buf[..w.len()].make_ascii_lowercase();
            return Lower::Inline(buf, w.len());
        }
        Lower::Owned(w.to_lowercase())
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            // Only ASCII is stored inline.
            Lower::Inline(buf, n) => std::str::from_utf8(&buf[..*n]).unwrap_or_default(),
            Lower::Owned(s) => s,
        }
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

pub(crate) fn is_punct(body: &str, t: &Token, set: &[&str]) -> bool {
    t.kind == TokenKind::Punct && set.contains(&t.text(body))
}

pub(crate) const DASHES: &[&str] = &["\u{2014}", "\u{2013}", "-", "\u{2015}"];

/// The cue class of a token, if it is a cue verb. Only the word itself is checked; see
/// [`cue_at`] for the check in context.
pub(crate) fn cue_class(body: &str, t: &Token) -> Option<CueClass> {
    if t.kind != TokenKind::Word {
        return None;
    }
    cue::lookup(t.text(body)).map(|(c, _)| c)
}

/// The cue class of `toks[i]` in context: after a determiner it is a noun ("the report").
pub(crate) fn cue_at(body: &str, toks: &[Token], i: usize) -> Option<CueClass> {
    if toks[i].kind != TokenKind::Word {
        return None;
    }
    let (class, base) = cue::lookup(toks[i].text(body))?;
    // A phrasal cue speaks only with its particle.
    if cue::particle(base).is_some_and(|p| toks.get(i + 1).is_none_or(|t| lower(body, t) != p)) {
        return None;
    }
    // A capital inside a sentence makes it a name ("the United States").
    if i > 0 && is_capitalized(toks[i].text(body)) {
        return None;
    }
    // After an article or a possessive the word is a noun (`the report`, `Putin's remarks`);
    // after a number or a quantifier it is a verb (`the three said`, `some argued`).
    let noun = i > 0 && toks[i - 1].kind == TokenKind::Word && {
        let prev = lower(body, &toks[i - 1]);
        is_article(&prev) || is_possessive(&prev)
    };
    // After an indefinite article and a name the name is a modifier and the word a noun
    // (`a Victor Aldane tweet attacking ...`): a named speaker takes no article.
    let names = capitalized_before(body, toks, i, 4);
    let noun = noun || {
        let article = i.checked_sub(names + 1);
        names > 0
            && article.is_some_and(|a| {
                matches!(toks[a].text(body), "a" | "an")
                    // Not inside a name (`the Council for a Fair Harbour Levy`).
                    && (a == 0
                        || toks[a - 1].kind != TokenKind::Word
                        || !(is_capitalized(toks[a - 1].text(body))
                            || matches!(&*lower(body, &toks[a - 1]), "for" | "of")))
            })
    };
    // Bare forms that are mostly nouns (`Para state`, `a new report`) are verbs only after a
    // pronoun or an auxiliary (`we state`, `will report`).
    let word = lower(body, &toks[i]);
    if cue::mostly_noun(&word) {
        let verb = i > 0
            && matches!(
                &*lower(body, &toks[i - 1]),
                "i" | "we"
                    | "you"
                    | "they"
                    | "to"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "should"
                    | "must"
                    | "may"
                    | "might"
                    | "did"
                    | "do"
                    | "does"
                    | "not"
            );
        // A capitalised plural subject with no article before it (`Dutch Liberals demand
        // ...`, a headline) takes the verb; `the Mercosur demand` is a noun.
        let plural_subject = names > 0
            && looks_plural(toks[i - 1].text(body))
            && i.checked_sub(names + 1)
                .is_none_or(|a| !is_article(&lower(body, &toks[a])));
        if !(verb || plural_subject) {
            return None;
        }
    }
    if &*word == "states" && i > 0 && plural_states(body, &toks[i - 1]) {
        return None;
    }
    // `call centres`: a compound noun, no cue (`between call centres in Europe or North
    // America` reports nothing).
    if &*word == "call"
        && toks.get(i + 1).is_some_and(|n| {
            matches!(
                &*lower(body, n),
                "centre" | "centres" | "center" | "centers"
            )
        })
    {
        return None;
    }
    (!noun).then_some(class)
}

/// Whether a word ends like an English plural (`-s`, not `-ss`).
pub(crate) fn looks_plural(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss")
}

/// How many capitalised words, up to `most`, end right before `toks[end]`.
pub(crate) fn capitalized_before(body: &str, toks: &[Token], end: usize, most: usize) -> usize {
    toks[..end]
        .iter()
        .rev()
        .take(most)
        .take_while(|t| t.kind == TokenKind::Word && is_capitalized(t.text(body)))
        .count()
}

/// Whether `states` after `prev` is the plural noun: after a number, a quantifier, a region
/// or a side (`both states`, `Western states`, `Arab states`, `Rust Belt states`, `swing
/// states`). After anything else it is the verb (`it states`, `Byrne states`, `the rule
/// states`).
fn plural_states(body: &str, prev: &Token) -> bool {
    if prev.kind != TokenKind::Word {
        return false;
    }
    let lowered = lower(body, prev);
    let l: &str = &lowered;
    words::is_number(l)
        || l.ends_with("ern")
        || words::is_region_word(l)
        || crate::gazetteer::find(prev.text(body))
            .is_some_and(|(_, how)| how == crate::gazetteer::Naming::Demonym)
}

/// A subject pronoun (lowercased).
pub(crate) fn is_subject_pronoun(lower: &str) -> bool {
    matches!(lower, "he" | "she" | "they" | "it" | "we" | "i")
}

/// An article or a possessive determiner: what opens a noun phrase and only a noun phrase.
pub(crate) fn is_article(lower: &str) -> bool {
    matches!(
        lower,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our"
    )
}

pub(crate) fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "two"
            | "three"
            | "several"
            | "some"
            | "many"
            | "other"
            | "another"
            | "one"
    )
}

/// The length of the pronoun in `he's`, `she’s`, `they're`, `I'd`, `we'll` (0 for any other
/// word): `He's claiming that ...`, `I'd say: ...`.
pub(crate) fn pronoun_contraction(lower: &str) -> usize {
    for p in ["he", "she", "they", "it", "we", "i"] {
        if let Some(rest) = lower.strip_prefix(p) {
            let rest = rest.replace('\u{2019}', "'");
            if matches!(rest.as_str(), "'s" | "'re" | "'d" | "'ll" | "'ve" | "'m") {
                return p.len();
            }
        }
    }
    0
}

/// True for a word written with a capital, including Arabic-style prefixed names
/// (`al-Rubaie`, `el-Sisi`, `bin-Salman`).
pub(crate) fn is_capitalized(word: &str) -> bool {
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
