//! Attribution cues: the speech and reporting verbs of English news, in all inflections.
//!
//! The verb list is a fact of English (see `ATTRIBUTION.md`); the classes are ours. A cue's
//! class says what it may introduce: a reported clause with or without `that`, or only a
//! quotation or a `that` clause.

use crate::wordset::{with_lower, FastMap};
use std::sync::OnceLock;

/// What a cue verb can introduce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// `say`, `tell`: a reported clause with or without `that`.
    Say,
    /// `warn`, `insist`, `deny`: a reported clause, but only after `that` (or a quote).
    That,
    /// `praise`, `call`, `describe`: only a quotation or a quoted fragment.
    QuoteOnly,
}

/// Base forms. (base, class, irregular past / participle if any)
const VERBS: &[(&str, CueClass, &[&str])] = &[
    ("say", CueClass::Say, &["said"]),
    ("tell", CueClass::Say, &["told"]),
    ("add", CueClass::Say, &[]),
    ("write", CueClass::Say, &["wrote", "written"]),
    ("state", CueClass::Say, &[]),
    ("note", CueClass::Say, &[]),
    ("explain", CueClass::Say, &[]),
    ("declare", CueClass::Say, &[]),
    ("announce", CueClass::Say, &[]),
    ("insist", CueClass::Say, &[]),
    ("argue", CueClass::Say, &[]),
    ("claim", CueClass::Say, &[]),
    ("warn", CueClass::Say, &[]),
    ("acknowledge", CueClass::Say, &[]),
    ("admit", CueClass::Say, &["admitted", "admitting"]),
    ("stress", CueClass::Say, &[]),
    ("emphasize", CueClass::Say, &[]),
    ("emphasise", CueClass::Say, &[]),
    ("reiterate", CueClass::Say, &[]),
    ("assert", CueClass::Say, &[]),
    ("contend", CueClass::Say, &[]),
    ("maintain", CueClass::That, &[]),
    ("concede", CueClass::Say, &[]),
    ("predict", CueClass::Say, &[]),
    ("suggest", CueClass::Say, &[]),
    ("report", CueClass::Say, &[]),
    ("tweet", CueClass::Say, &[]),
    ("confirm", CueClass::Say, &[]),
    ("reply", CueClass::That, &["replied", "replies"]),
    ("respond", CueClass::That, &[]),
    ("answer", CueClass::That, &[]),
    ("deny", CueClass::That, &["denied", "denies"]),
    ("urge", CueClass::That, &[]),
    ("hint", CueClass::That, &[]),
    ("signal", CueClass::That, &["signalled", "signalling"]),
    ("forecast", CueClass::That, &[]),
    ("point", CueClass::That, &[]),
    ("allege", CueClass::That, &[]),
    ("caution", CueClass::That, &[]),
    ("complain", CueClass::That, &[]),
    ("conclude", CueClass::That, &[]),
    ("disclose", CueClass::That, &[]),
    ("indicate", CueClass::That, &[]),
    ("observe", CueClass::That, &[]),
    ("remark", CueClass::That, &[]),
    ("mention", CueClass::That, &[]),
    ("promise", CueClass::That, &[]),
    ("pledge", CueClass::That, &[]),
    ("vow", CueClass::That, &[]),
    ("recall", CueClass::That, &["recalled", "recalling"]),
    ("remind", CueClass::That, &[]),
    ("reveal", CueClass::That, &[]),
    ("assure", CueClass::That, &[]),
    ("reassure", CueClass::That, &[]),
    ("inform", CueClass::That, &[]),
    ("advise", CueClass::That, &[]),
    ("agree", CueClass::That, &["agreed", "agrees", "agreeing"]),
    ("hope", CueClass::That, &[]),
    ("fear", CueClass::That, &[]),
    ("comment", CueClass::That, &[]),
    ("testify", CueClass::That, &["testified", "testifies"]),
    ("threaten", CueClass::That, &[]),
    ("underline", CueClass::That, &[]),
    ("highlight", CueClass::That, &[]),
    ("proclaim", CueClass::That, &[]),
    ("estimate", CueClass::That, &[]),
    ("clarify", CueClass::That, &["clarified", "clarifies"]),
    ("plead", CueClass::That, &["pled"]),
    ("propose", CueClass::That, &[]),
    ("recommend", CueClass::That, &[]),
    ("demand", CueClass::That, &[]),
    ("charge", CueClass::That, &[]),
    ("continue", CueClass::That, &[]),
    ("boast", CueClass::That, &[]),
    ("joke", CueClass::That, &[]),
    ("lament", CueClass::That, &[]),
    ("regret", CueClass::That, &["regretted", "regretting"]),
    ("retort", CueClass::That, &[]),
    ("counter", CueClass::That, &[]),
    ("ask", CueClass::QuoteOnly, &[]),
    ("brag", CueClass::QuoteOnly, &["bragged", "bragging"]),
    ("scoff", CueClass::QuoteOnly, &[]),
    ("muse", CueClass::QuoteOnly, &[]),
    ("exclaim", CueClass::QuoteOnly, &[]),
    ("wonder", CueClass::QuoteOnly, &[]),
    ("question", CueClass::QuoteOnly, &[]),
    ("sing", CueClass::QuoteOnly, &["sang", "sung"]),
    ("whisper", CueClass::QuoteOnly, &[]),
    ("snap", CueClass::QuoteOnly, &["snapped", "snapping"]),
    ("mock", CueClass::QuoteOnly, &[]),
    ("call", CueClass::QuoteOnly, &[]),
    ("describe", CueClass::QuoteOnly, &[]),
    ("praise", CueClass::QuoteOnly, &[]),
    ("criticize", CueClass::QuoteOnly, &[]),
    ("criticise", CueClass::QuoteOnly, &[]),
    ("blast", CueClass::QuoteOnly, &[]),
    ("condemn", CueClass::QuoteOnly, &[]),
    ("denounce", CueClass::QuoteOnly, &[]),
    ("decry", CueClass::QuoteOnly, &["decried", "decries"]),
    ("reject", CueClass::QuoteOnly, &[]),
    ("dismiss", CueClass::QuoteOnly, &[]),
    ("welcome", CueClass::QuoteOnly, &[]),
    ("defend", CueClass::QuoteOnly, &[]),
    ("blame", CueClass::QuoteOnly, &[]),
    ("accuse", CueClass::QuoteOnly, &[]),
    ("cite", CueClass::QuoteOnly, &[]),
    ("dispute", CueClass::QuoteOnly, &[]),
    ("disagree", CueClass::QuoteOnly, &[]),
    ("accept", CueClass::QuoteOnly, &[]),
    ("hail", CueClass::QuoteOnly, &[]),
    ("slam", CueClass::QuoteOnly, &["slammed", "slamming"]),
    ("quip", CueClass::QuoteOnly, &["quipped", "quipping"]),
    ("fume", CueClass::QuoteOnly, &[]),
    ("react", CueClass::QuoteOnly, &[]),
    ("marvel", CueClass::QuoteOnly, &[]),
    ("chide", CueClass::QuoteOnly, &[]),
    ("gush", CueClass::QuoteOnly, &[]),
    ("grumble", CueClass::QuoteOnly, &[]),
    ("interject", CueClass::QuoteOnly, &[]),
    ("recount", CueClass::QuoteOnly, &[]),
    ("shoot", CueClass::QuoteOnly, &["shot", "shooting"]),
    ("cry", CueClass::QuoteOnly, &["cried", "cries"]),
    ("order", CueClass::QuoteOnly, &[]),
    ("speak", CueClass::QuoteOnly, &["spoke", "spoken"]),
    ("liken", CueClass::QuoteOnly, &[]),
    ("dub", CueClass::QuoteOnly, &["dubbed", "dubbing"]),
    ("label", CueClass::QuoteOnly, &["labelled", "labelling"]),
    ("brand", CueClass::QuoteOnly, &[]),
    ("term", CueClass::QuoteOnly, &[]),
    ("chant", CueClass::QuoteOnly, &[]),
    ("shout", CueClass::QuoteOnly, &[]),
    ("yell", CueClass::QuoteOnly, &[]),
    ("read", CueClass::QuoteOnly, &["read", "reads", "reading"]),
    ("commend", CueClass::QuoteOnly, &[]),
    ("applaud", CueClass::QuoteOnly, &[]),
    ("deplore", CueClass::QuoteOnly, &[]),
    ("express", CueClass::QuoteOnly, &[]),
    ("reaffirm", CueClass::QuoteOnly, &[]),
    ("decline", CueClass::QuoteOnly, &[]),
    ("attack", CueClass::QuoteOnly, &[]),
    ("press", CueClass::QuoteOnly, &[]),
];

/// Regular English inflections of a base verb: -s, -ed, -ing.
fn inflect(base: &str) -> Vec<String> {
    let mut out = vec![base.to_string()];
    let (s, ed, ing) = if let Some(stem) = base.strip_suffix('e') {
        (format!("{base}s"), format!("{base}d"), format!("{stem}ing"))
    } else if base.ends_with('y') && !base.ends_with("ay") && !base.ends_with("ey") {
        let stem = &base[..base.len() - 1];
        (
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{base}ing"),
        )
    } else if base.ends_with("ss") || base.ends_with("sh") || base.ends_with("ch") {
        (
            format!("{base}es"),
            format!("{base}ed"),
            format!("{base}ing"),
        )
    } else {
        (
            format!("{base}s"),
            format!("{base}ed"),
            format!("{base}ing"),
        )
    };
    out.extend([s, ed, ing]);
    out
}

fn table() -> &'static FastMap<String, (CueClass, &'static str)> {
    static TABLE: OnceLock<FastMap<String, (CueClass, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m = FastMap::default();
        for &(base, class, irregular) in VERBS {
            let mut forms = inflect(base);
            if !irregular.is_empty() {
                // Irregular forms replace the regular past where they are given.
                forms.retain(|f| !f.ends_with("ed") || irregular.contains(&f.as_str()));
                forms.extend(irregular.iter().map(|s| s.to_string()));
            }
            for f in forms {
                m.entry(f).or_insert((class, base));
            }
        }
        m
    })
}

/// Every cue form, lower case.
pub(crate) fn forms() -> impl Iterator<Item = &'static str> {
    table().keys().map(String::as_str)
}

/// Whether a cue word, lower case, is in its bare form mostly a noun in news (`Para state`, `a
/// new report`, `the charge`): such a form is a cue only after a pronoun or an auxiliary.
pub(crate) fn mostly_noun(lower: &str) -> bool {
    matches!(
        lower,
        "state"
            | "report"
            | "order"
            | "charge"
            | "comment"
            | "claim"
            | "press"
            | "attack"
            | "attacks"
            | "decline"
            | "declines"
            | "demand"
            | "pledge"
            | "promise"
    )
}

/// The particle a phrasal cue speaks only with (`pointed out that ...`, not `pointed to`),
/// given its base form.
pub(crate) fn particle(base: &str) -> Option<&'static str> {
    match base {
        "point" | "cry" => Some("out"),
        "shoot" => Some("back"),
        _ => None,
    }
}

/// The class and base form of a cue word, if it is one (case-insensitive).
pub(crate) fn lookup(word: &str) -> Option<(CueClass, &'static str)> {
    with_lower(word, |l| table().get(l).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_are_found() {
        for w in [
            "said",
            "says",
            "told",
            "Warned",
            "insisting",
            "denied",
            "urges",
            "wrote",
            "tweeted",
            "replied",
        ] {
            assert!(lookup(w).is_some(), "{w}");
        }
        assert_eq!(lookup("told").unwrap().1, "tell");
        assert_eq!(lookup("called").unwrap().0, CueClass::QuoteOnly);
        assert!(lookup("sayed").is_none());
        assert!(lookup("table").is_none());
    }
}
