//! Press releases and official statements: the issuing body speaks in its own voice. In a
//! text marked as a release (`PRESS RELEASE`, `FOR IMMEDIATE RELEASE`, `-ENDS-`), a sentence
//! whose subject is a body or `we`, with no quotation or cue of its own, is that body's
//! statement: `The Forum considers this an attempt to blackmail elected representatives`,
//! `COSATU believes that ...`, `The Ministry categorically rejects these claims`. In news the
//! same sentence is the reporter's account, and only a verb of speaking makes it a statement.

use super::mention::{is_function_word, ActorKind, Gender, Pronoun};
use super::speaker::mention_of;
use super::subject::sentence_subject;
use super::token::is_capitalized;
use super::words::entries;
use super::{Form, Frame, Place, QuoteKind, Statement};
use crate::text::{self, Span, TokenKind};

/// How many lines at the head and at the foot of a text may carry a release's mark.
const HEAD_LINES: usize = 4;
const FOOT_LINES: usize = 3;

/// Whether `body` is marked as a press release or an official statement.
pub(super) fn is_release(body: &str) -> bool {
    let lines = || body.lines().map(str::trim).filter(|l| !l.is_empty());
    lines().take(HEAD_LINES).any(is_mark) || lines().rev().take(FOOT_LINES).any(is_mark)
}

/// Whether a line is a release's mark (see `words/release-marks.txt`).
fn is_mark(line: &str) -> bool {
    // Marks are short; a long line is a sentence, whatever it opens with.
    if line.len() > 200 {
        return false;
    }
    // The American end mark, which a list whose comments open with `#` cannot hold.
    if line.trim() == "###" {
        return true;
    }
    let trimmed = line
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}'))
        .to_lowercase();
    // `-30-` is a mark only between its dashes: a bare number is a line of figures.
    if trimmed.chars().all(|c| c.is_ascii_digit()) && trimmed.len() == line.trim().len() {
        return false;
    }
    entries(include_str!("words/release-marks.txt")).any(|mark| {
        trimmed == mark
            || (mark.contains(' ')
                && trimmed
                    .strip_prefix(mark)
                    .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphabetic())))
    })
}

/// The statement the issuing body makes in `sentence`, a sentence of a release in which
/// nothing else was found: from the verb after a subject that is a body or `we` to the
/// sentence's end.
pub(super) fn issuer_voice(body: &str, sentence: Span, place: Place) -> Option<Statement> {
    let text = sentence.text(body).trim_end();
    // A headline or a header line has no closing full stop.
    if !text.ends_with(['.', '!']) {
        return None;
    }
    let toks = text::tokens(body, sentence);
    let (start, end) = sentence_subject(body, &toks)?;
    let mention = mention_of(body, &toks, (start, end))?;
    // A body by its name, by a capitalised word for it after `the` (`The Forum`, `The
    // Authority`) or by its initials (`COSATU`), or `we`; not a person, a group or a
    // document, and not a sentence's first word alone (`Entry is free`).
    let body_speaks = match mention.pronoun {
        Some(p) => p == Pronoun::We,
        None => {
            let words: Vec<&str> = mention.span.text(body).split_whitespace().collect();
            let word_for_body = words.len() >= 2
                && words[0] == "The"
                && words.last().is_some_and(|w| is_capitalized(w));
            let initials = words.len() == 1
                && words[0].len() >= 2
                && words[0].chars().all(|c| c.is_ascii_uppercase());
            !mention.indefinite
                && mention.titles.is_empty()
                && mention.gender == Gender::Unknown
                && (mention.kind == ActorKind::Organisation || word_for_body || initials)
        }
    };
    let verb = toks.get(end)?;
    let word = verb.text(body);
    // `Media contact: ...` is a line of contacts.
    let listing = toks.get(end + 1).is_some_and(|t| t.text(body) == ":");
    if !body_speaks
        || listing
        || verb.kind != TokenKind::Word
        || is_capitalized(word)
        || is_function_word(word) && !is_auxiliary(word)
    {
        return None;
    }
    let last = toks
        .iter()
        .rev()
        .find(|t| t.kind == TokenKind::Word || !matches!(t.text(body), "." | "!"))?;
    (last.span.end > verb.span.start).then(|| Statement {
        kind: QuoteKind::Indirect,
        spans: vec![Span::new(verb.span.start, last.span.end)],
        frame: Frame::Said {
            mention,
            cue: Some(verb.span),
            form: Form::Reported,
        },
        place,
        denied: false,
    })
}

/// Auxiliaries and modals a body's statement may open with (`The Ministry will ...`, `The
/// Federation does not ...`, `The Coalition has read ...`).
fn is_auxiliary(word: &str) -> bool {
    matches!(
        &*word.to_lowercase(),
        "will"
            | "would"
            | "is"
            | "are"
            | "has"
            | "have"
            | "does"
            | "do"
            | "can"
            | "cannot"
            | "shall"
            | "should"
            | "must"
            | "remains"
            | "may"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_whole_lines_or_open_one() {
        for line in [
            "PRESS RELEASE",
            "PRESS RELEASE: Ministry hosts trade forum",
            "Press release (English version)",
            "FOR IMMEDIATE RELEASE",
            "-ENDS-",
            "\u{2013} END \u{2013}",
            "- 30 -",
            "###",
        ] {
            assert!(is_mark(line), "{line}");
        }
        for line in [
            "Press releases from the ministry were ignored.",
            "30",
            "The end of the talks came on Friday.",
        ] {
            assert!(!is_mark(line), "{line}");
        }
    }
}
