//! The diplomatic lexicon: word classes the team wrote by hand for stance and tone features.
//!
//! Entries ending in `*` match any word starting with them; others match whole words. The
//! lists are ours (no external word list was copied). Matching works on lowercased tokens.

use crate::hash::{term_hash, HashIndex, TermHash};
use std::sync::OnceLock;

/// A class of words that signals a stance or a tone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Class {
    Support,
    Oppose,
    Condemn,
    Welcome,
    Reject,
    Veto,
    Precedent,
    Sovereignty,
    Hedge,
    Refute,
    Commitment,
    Positive,
    Negative,
    Report,
}

impl Class {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Class::Support => "support",
            Class::Oppose => "oppose",
            Class::Condemn => "condemn",
            Class::Welcome => "welcome",
            Class::Reject => "reject",
            Class::Veto => "veto",
            Class::Precedent => "precedent",
            Class::Sovereignty => "sovereignty",
            Class::Hedge => "hedge",
            Class::Refute => "refute",
            Class::Commitment => "commitment",
            Class::Positive => "positive",
            Class::Negative => "negative",
            Class::Report => "report",
        }
    }
}

const ENTRIES: &[(Class, &[&str])] = &[
    (
        Class::Support,
        &[
            "support*",
            "endors*",
            "favor*",
            "favour*",
            "champion*",
            "advocat*",
            "backing",
            "backs",
            "backed",
            "approv*",
            "embrac*",
            "agree*",
            "uphold*",
            "defend*",
            "stand",
            "solidarity",
            "behind",
            "allies",
            "ally",
            "encourag*",
        ],
    ),
    (
        Class::Oppose,
        &[
            "oppos*",
            "against",
            "object*",
            "resist*",
            "block*",
            "obstruct*",
            "disagree*",
            "unacceptable",
            "illegal*",
            "illegitimate",
            "unlawful",
            "violat*",
            "contrary",
            "undermin*",
            "protest*",
        ],
    ),
    (
        Class::Condemn,
        &[
            "condemn*",
            "denounc*",
            "deplor*",
            "criticis*",
            "criticiz*",
            "slam*",
            "blast*",
            "accus*",
            "blame*",
            "outrag*",
            "shameful",
            "disgrace*",
            "lambast*",
            "rebuk*",
        ],
    ),
    (
        Class::Welcome,
        &[
            "welcom*",
            "hail*",
            "applaud*",
            "prais*",
            "celebrat*",
            "congratulat*",
            "salut*",
            "apprecia*",
            "grateful",
            "thank*",
            "commend*",
            "lauded",
            "lauds",
        ],
    ),
    (
        Class::Reject,
        &[
            "reject*",
            "dismiss*",
            "refus*",
            "rebuff*",
            "repudiat*",
            "never",
            "deni*",
            "renounc*",
            "spurn*",
            "withdraw*",
        ],
    ),
    (
        Class::Veto,
        &[
            "veto*",
            "sanction*",
            "boycott*",
            "embargo*",
            "retaliat*",
            "countermeasure*",
            "expel*",
            "sever*",
            "suspend*",
        ],
    ),
    (
        Class::Precedent,
        &[
            "precedent*",
            "dangerous",
            "domino",
            "slippery",
            "destabili*",
            "separatis*",
            "secession*",
            "unilateral*",
            "chain",
            "contagio*",
        ],
    ),
    (
        Class::Sovereignty,
        &[
            "sovereign*",
            "integrity",
            "border*",
            "interfer*",
            "internal",
            "self-determination",
            "independen*",
            "territor*",
            "statehood",
            "recogni*",
        ],
    ),
    (
        Class::Hedge,
        &[
            "may",
            "might",
            "could",
            "perhaps",
            "possibl*",
            "reportedly",
            "allegedly",
            "apparently",
            "rumor*",
            "rumour*",
            "unconfirmed",
            "suggest*",
            "appear*",
            "seem*",
            "likely",
            "unlikely",
            "unclear",
            "uncertain*",
            "if",
            "whether",
            "purported*",
            "believed",
            "supposedly",
        ],
    ),
    (
        Class::Refute,
        &[
            "deny",
            "denies",
            "denied",
            "false*",
            "fake*",
            "hoax*",
            "untrue",
            "debunk*",
            "myth*",
            "baseless",
            "fabricat*",
            "misinform*",
            "disinform*",
            "bogus",
            "nonsense",
            "lie",
            "lies",
            "wrong",
        ],
    ),
    (
        Class::Commitment,
        &[
            "will",
            "commit*",
            "pledg*",
            "promis*",
            "guarantee*",
            "ensur*",
            "determin*",
            "resolv*",
            "vow*",
            "must",
            "shall",
            "firmly",
            "unwavering",
            "steadfast",
            "insist*",
            "continu*",
        ],
    ),
    (
        Class::Positive,
        &[
            "good",
            "great",
            "hope*",
            "peace*",
            "progress*",
            "success*",
            "constructiv*",
            "positiv*",
            "confiden*",
            "optimis*",
            "friend*",
            "partner*",
            "cooperat*",
            "stabil*",
            "secur*",
            "prosper*",
            "historic",
            "breakthrough",
            "fruitful",
            "productive",
            "glad",
            "pleased",
            "proud*",
            "happy",
            "best",
            "better",
            "benefit*",
            "opportunit*",
            "trust*",
            "respect*",
            "dialogue",
            "reconcil*",
        ],
    ),
    (
        Class::Negative,
        &[
            "bad",
            "threat*",
            "danger*",
            "war",
            "wars",
            "crisis",
            "fear*",
            "risk*",
            "attack*",
            "violen*",
            "terror*",
            "kill*",
            "destroy*",
            "destruct*",
            "fail*",
            "chaos",
            "aggress*",
            "warn*",
            "grave",
            "tragic*",
            "worr*",
            "concern*",
            "alarm*",
            "catastroph*",
            "disaster*",
            "crime*",
            "criminal*",
            "provocat*",
            "hostil*",
            "tension*",
            "escalat*",
            "regret*",
            "sad*",
            "disappoint*",
            "worse",
            "worst",
            "hate*",
            "angry",
            "anger",
            "shame*",
            "stupid",
            "idiot*",
            "evil",
        ],
    ),
    (
        Class::Report,
        &[
            "said",
            "says",
            "say",
            "told",
            "according",
            "report*",
            "claim*",
            "state*",
            "announc*",
            "sources",
            "spokes*",
            "official*",
            "tweet*",
            "wrote",
        ],
    ),
];

/// The entries as hash tables of whole words and of prefixes, each to a bit set of classes.
struct Index {
    exact: HashIndex<u16>,
    prefix: HashIndex<u16>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = Index {
            exact: HashIndex::default(),
            prefix: HashIndex::default(),
        };
        for (bit, (_, words)) in ENTRIES.iter().enumerate() {
            for w in *words {
                let (table, text) = match w.strip_suffix('*') {
                    Some(p) => (&mut index.prefix, p),
                    None => (&mut index.exact, *w),
                };
                *table.entry(term_hash(text)).or_insert(0) |= 1 << bit;
            }
        }
        index
    })
}

/// The classes `word` (lowercased) belongs to, in a fixed order. One pass over the word:
/// each prefix's hash is looked up as the hash grows.
pub(crate) fn classes(word: &str) -> impl Iterator<Item = Class> {
    let index = index();
    let mut mask = index.exact.get(&term_hash(word)).copied().unwrap_or(0);
    let mut h = TermHash::new("");
    for c in word.chars() {
        let mut buf = [0u8; 4];
        h.write(c.encode_utf8(&mut buf).as_bytes());
        mask |= index.prefix.get(&h.finish()).copied().unwrap_or(0);
    }
    ENTRIES
        .iter()
        .enumerate()
        .filter(move |(bit, _)| mask & (1 << bit) != 0)
        .map(|(_, (class, _))| *class)
}

/// Words that put the words after them, up to the end of the clause, in a negation scope.
pub(crate) fn is_negation(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "no"
            | "never"
            | "nor"
            | "neither"
            | "none"
            | "nobody"
            | "nothing"
            | "nowhere"
            | "cannot"
            | "without"
            | "hardly"
            | "barely"
            | "lack"
            | "lacks"
    ) || word.ends_with("n't")
        || word.ends_with("n\u{2019}t")
}

/// Modal verbs, whose nearness to a topic mention says the speaker weighs what may happen.
pub(crate) fn is_modal(word: &str) -> bool {
    matches!(
        word,
        "will"
            | "would"
            | "shall"
            | "should"
            | "must"
            | "can"
            | "could"
            | "may"
            | "might"
            | "cannot"
            | "won't"
            | "wouldn't"
            | "shouldn't"
            | "mustn't"
            | "can't"
            | "couldn't"
    )
}

/// Short function words that say nothing about what a topic is.
pub(crate) fn is_stopword(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "of"
            | "for"
            | "and"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "with"
            | "from"
            | "is"
            | "are"
            | "be"
            | "an"
            | "its"
            | "it"
            | "this"
            | "that"
            | "as"
            | "or"
            | "into"
            | "about"
            | "over"
            | "under"
            | "between"
            | "their"
            | "his"
            | "her"
            | "new"
            | "plan"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_whole_words_match_as_written() {
        let c: Vec<_> = classes("condemned").collect();
        assert_eq!(c, [Class::Condemn]);
        assert!(classes("warned").any(|c| c == Class::Negative));
        assert!(classes("wars").any(|c| c == Class::Negative));
        assert!(!classes("warm").any(|c| c == Class::Negative));
        assert_eq!(classes("the").count(), 0);
    }

    #[test]
    fn negation_covers_contractions() {
        for w in ["not", "don't", "won\u{2019}t", "never"] {
            assert!(is_negation(w), "{w}");
        }
        assert!(!is_negation("note"));
    }
}
