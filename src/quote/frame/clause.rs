//! Where a reported clause begins and what kind of report a cue makes: the first token of
//! the clause after a cue (`that` optional), an act reported by its verb (`welcomed the
//! tariff`), a denial, a coordinated cue's clause, and the finite verbs that separate a
//! subject from its cue.

use super::super::cue::{self, CueClass};
use super::super::mention::is_function_word;
use super::super::token::{cue_at, is_capitalized, is_punct, lower};
use super::super::words::{self, is_adverbial};
use crate::text::{Token, TokenKind};

/// The text left out of the narrative right before token `k` (a quoted fragment), trimmed.
pub(super) fn quoted_gap<'a>(body: &'a str, narrative: &[Token], k: usize) -> &'a str {
    if k == 0 || k >= narrative.len() {
        return "";
    }
    body[narrative[k - 1].span.end..narrative[k].span.start].trim()
}

/// The first token of a clause reported after the cue at `ci` (`that` optional).
fn clause_after(body: &str, narrative: &[Token], ci: usize) -> Option<usize> {
    // `said this week that ...`: adverbials may come before `that`.
    let that = narrative[ci + 1..]
        .iter()
        .position(|t| !is_adverbial(t.text(body)))
        .map(|k| ci + 1 + k)
        .filter(|&k| lower(body, &narrative[k]) == "that");
    if let Some(k) = that {
        return (k + 1 < narrative.len()).then_some(k + 1);
    }
    clause_start(body, narrative, ci + 1)
}

/// Skips adverbials from `k`; the clause must begin like one (a name, a pronoun, a
/// determiner), not with a preposition (`said in a statement`).
pub(super) fn clause_start(body: &str, narrative: &[Token], mut k: usize) -> Option<usize> {
    let n = narrative.len();
    while k < n && (is_adverbial(narrative[k].text(body)) || is_punct(body, &narrative[k], &[","]))
    {
        k += 1;
    }
    let first = narrative.get(k)?;
    let fl = lower(body, first);
    // A clause may begin with a bare noun (`critics say resources could ...`), but not with
    // a preposition or an adverb (`said in a statement`, `said sharply`).
    let bare_noun = first.kind == TokenKind::Word
        && !is_function_word(&fl)
        && !is_adverbial(&fl)
        && !fl.ends_with("ly")
        && !matches!(
            &*fl,
            "about"
                | "into"
                | "over"
                | "under"
                | "through"
                | "during"
                | "against"
                | "between"
                | "without"
                | "goodbye"
                | "hello"
                | "thanks"
                | "so"
                | "otherwise"
                | "more"
                | "less"
                | "little"
                | "much"
                | "nothing"
                | "something"
                | "anything"
                | "everything"
        )
        && narrative.len() > k + 2;
    // `said as many as 3,000 firms ...`: a quantity, not `said as he left`.
    let as_quantity = fl == "as"
        && narrative.get(k + 1).is_some_and(|t| {
            matches!(
                &*lower(body, t),
                "many" | "much" | "few" | "little" | "long" | "soon" | "far" | "well"
            )
        })
        && narrative.get(k + 2).is_some_and(|t| lower(body, t) == "as");
    // `said much of the fear came from ...`, `said about 300 people were ...`: a quantity.
    // `said only about one in a hundred ...`.
    let q = if matches!(&*fl, "only" | "just") {
        k + 1
    } else {
        k
    };
    let ql = narrative.get(q).map(|t| lower(body, t));
    let ql = ql.as_deref().unwrap_or("");
    let next = narrative.get(q + 1).map(|t| lower(body, t));
    let next = next.as_deref();
    let part_of =
        matches!(ql, "much" | "little" | "more" | "less" | "none" | "few") && next == Some("of");
    let about_number = matches!(
        ql,
        "about" | "around" | "over" | "nearly" | "almost" | "roughly" | "some"
    ) && next.is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                w,
                "one"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
                    | "half"
                    | "hundreds"
                    | "thousands"
                    | "dozens"
                    | "millions"
            )
    });
    let starts_clause = as_quantity
        || part_of
        || about_number
        || bare_noun
        || first.kind == TokenKind::Word
            && (is_capitalized(first.text(body))
                || matches!(
                    &*fl,
                    "the"
                        | "a"
                        | "an"
                        | "it"
                        | "he"
                        | "she"
                        | "they"
                        | "we"
                        | "i"
                        | "there"
                        | "this"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "any"
                        | "no"
                        | "all"
                        | "both"
                        | "some"
                        | "such"
                        | "these"
                        | "those"
                        | "nobody"
                        | "nothing"
                        | "one"
                        | "new"
                        | "talks"
                        | "negotiations"
                        | "more"
                        | "most"
                        | "several"
                        | "many"
                        | "if"
                        | "unless"
                        | "none"
                        | "neither"
                        | "each"
                        | "every"
                        | "our"
                        | "my"
                        | "your"
                ));
    starts_clause.then_some(k)
}

/// Whether the cue at `ci` denies what it reports (`denied that ...`).
pub(super) fn denies(body: &str, narrative: &[Token], ci: usize) -> bool {
    cue::lookup(narrative[ci].text(body)).is_some_and(|(_, base)| base == "deny")
}

/// The first token of what a cue coordinated after a statement reports (`... and said
/// CLAUSE`, `... and pledged to resist`).
pub(super) fn coordinated_clause(body: &str, narrative: &[Token], ci: usize) -> Option<usize> {
    if is_act(body, narrative, ci) {
        return Some(ci);
    }
    let class = cue_at(body, narrative, ci)?;
    if !matches!(class, CueClass::Say | CueClass::That) {
        return None;
    }
    clause_after(body, narrative, ci)
}

/// A cue that reports a statement by its act (`welcomed the tariff`, `urged Tehran to`,
/// `called for talks`, `warned of a crisis`), not followed by `that` or a reported clause.
pub(super) fn is_act(body: &str, narrative: &[Token], ci: usize) -> bool {
    let Some((_, base)) = cue::lookup(narrative[ci].text(body)) else {
        return false;
    };
    if !words::is_act_verb(base) || cue_at(body, narrative, ci).is_none() {
        return false;
    }
    // A bare participle reports no act (`Kosovo Serbs calling for Russian support`, a
    // caption; `with Serbia demanding ...`); after a comma it is the subject's
    // (`..., urging Tehran to ...`).
    let word = lower(body, &narrative[ci]);
    if word.ends_with("ing") && !(ci > 0 && is_punct(body, &narrative[ci - 1], &[","])) {
        return false;
    }
    let next = narrative.get(ci + 1).map(|t| lower(body, t));
    match next.as_deref() {
        None | Some("that") => false,
        // `asked about the rhetoric`: a question on a subject, not a request or a statement.
        Some("about") if base == "ask" => false,
        Some(w) if base == "call" => matches!(w, "on" | "upon" | "for"),
        Some(w) if base == "warn" => matches!(w, "of" | "against" | "about"),
        Some(w) => !matches!(w, "," | "." | ";" | ":"),
    }
}

/// A form of `be` or `have`, or a modal: the finite verb of a clause (`the fund has`,
/// `officials would`).
pub(super) fn is_auxiliary(lower: &str) -> bool {
    matches!(
        lower,
        "is" | "was"
            | "are"
            | "were"
            | "will"
            | "would"
            | "can"
            | "could"
            | "has"
            | "had"
            | "have"
            | "must"
            | "should"
            | "may"
            | "might"
    )
}
