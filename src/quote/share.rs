//! A share of the people polled as the subject of a cue: `Twenty-four percent said ...`,
//! `Nearly half of respondents say ...`, `Six in 10 say ...`. Such a speaker is no actor:
//! the phrase becomes a role with no name, which reports count as unattributed.

use super::mention::{ActorKind, Gender, Mention};
use super::token::{is_punct, lower};
use crate::text::{Span, Token, TokenKind};

/// The longest share phrase read before a cue.
const SHARE_REACH: usize = 12;

/// Words that open a share phrase besides a number: qualifiers and fractions.
fn opens_share(l: &str) -> bool {
    matches!(
        l,
        "half"
            | "most"
            | "some"
            | "about"
            | "nearly"
            | "almost"
            | "more"
            | "fewer"
            | "less"
            | "only"
            | "just"
            | "over"
            | "roughly"
            | "around"
            | "a"
            | "majority"
    ) || is_number(l)
}

/// A share word: what makes the phrase a share of a population.
fn is_share(l: &str) -> bool {
    matches!(
        l,
        "percent"
            | "cent"
            | "%"
            | "half"
            | "majority"
            | "minority"
            | "plurality"
            | "third"
            | "thirds"
            | "quarter"
            | "quarters"
            | "fifth"
            | "fifths"
    ) || l.ends_with('%')
        || l.ends_with("-thirds")
        || l.ends_with("-quarters")
        || l.ends_with("-fifths")
}

/// A number in digits or words, hyphenated ones included (`47`, `Twenty-four`, `six`).
fn is_number(l: &str) -> bool {
    const WORDS: [&str; 27] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
    ];
    l.starts_with(|c: char| c.is_ascii_digit()) || l.split('-').all(|p| WORDS.contains(&p))
}

/// Whether a speaker phrase is a share of the people polled (`Thirty per cent`, `Nearly half
/// those polled`, `Six in 10`): such a speaker is no actor, even with a capital.
pub(crate) fn is_share_phrase(text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    words.first().is_some_and(|w| opens_share(w)) && holds_share(&words)
}

/// A share word, or `N in 10`, among the words.
fn holds_share(words: &[String]) -> bool {
    words.iter().any(|w| is_share(w))
        || words
            .windows(3)
            .any(|w| is_number(&w[0]) && w[1] == "in" && matches!(&*w[2], "10" | "ten" | "five"))
}

/// The share phrase ending right before the cue at `ci`, as a speaker: from the start of the
/// clause (the sentence start, a comma, or a conjunction) to the cue, opening with a number
/// or a qualifier and holding a share word or `N in 10`.
pub(crate) fn share_before(body: &str, toks: &[Token], ci: usize) -> Option<Mention> {
    let floor = ci.saturating_sub(SHARE_REACH);
    let start = match (floor..ci).rev().find(|&i| {
        is_punct(body, &toks[i], &[",", ";", ":", "\u{2014}"])
            || matches!(
                &*lower(body, &toks[i]),
                "and" | "but" | "while" | "whereas" | "after" | "when" | "as"
            )
    }) {
        Some(i) => i + 1,
        None if floor == 0 => 0,
        None => return None,
    };
    if start >= ci {
        return None;
    }
    let words: Vec<String> = toks[start..ci]
        .iter()
        .map(|t| lower(body, t).to_string())
        .collect();
    if !opens_share(&words[0]) || !holds_share(&words) {
        return None;
    }
    // Only a noun phrase: no verb in it (`half the money went ...`).
    if toks[start..ci].iter().any(|t| {
        t.kind == TokenKind::Word && {
            let l = lower(body, t);
            super::cue::lookup(&l).is_some() || matches!(&*l, "is" | "was" | "were" | "are")
        }
    }) {
        return None;
    }
    let span = Span::new(toks[start].span.start, toks[ci - 1].span.end);
    Some(Mention {
        span,
        pronoun: None,
        name: None,
        titles: Vec::new(),
        role: Some(span.text(body).to_string()),
        kind: ActorKind::Group,
        gender: Gender::Unknown,
        indefinite: true,
    })
}
