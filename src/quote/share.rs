//! A share of the people polled as the subject of a cue: `Twenty-four percent said ...`,
//! `Nearly half of respondents say ...`, `Six in 10 say ...`. Such a speaker is no actor:
//! the phrase becomes a role with no name, which reports count as unattributed.

use super::mention::{ActorKind, Gender, Mention};
use super::token::{is_punct, lower};
use super::words::{is_number, is_share_noun, opens_share_phrase};
use crate::text::{Span, Token, TokenKind};

/// The longest share phrase read before a cue.
const SHARE_REACH: usize = 12;

/// Opens a share phrase: a number or a qualifier.
fn opens_share(l: &str) -> bool {
    opens_share_phrase(l) || is_number(l)
}

/// A share word: what makes the phrase a share of a population.
fn is_share(l: &str) -> bool {
    is_share_noun(l) || l.ends_with('%')
}

/// The lower-case words of a phrase, hyphenated ones read as their parts (`Twenty-four`,
/// `three-quarters`).
fn share_words<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    words
        .flat_map(|w| w.split('-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether a speaker phrase is a share of the people polled (`Thirty per cent`, `Nearly half
/// those polled`, `Six in 10`): such a speaker is no actor, even with a capital.
pub(crate) fn is_share_phrase(text: &str) -> bool {
    reads_as_share(&share_words(text.split_whitespace()))
}

/// Words (as [`share_words`] gives them) that open with a number or a qualifier and hold a
/// share word or `N in 10`.
fn reads_as_share(words: &[String]) -> bool {
    let in_ten = || {
        words
            .windows(3)
            .any(|w| is_number(&w[0]) && w[1] == "in" && matches!(&*w[2], "10" | "ten" | "five"))
    };
    words.first().is_some_and(|w| opens_share(w)) && (words.iter().any(|w| is_share(w)) || in_ten())
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
    let words = share_words(toks[start..ci].iter().map(|t| t.text(body)));
    if !reads_as_share(&words) {
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
