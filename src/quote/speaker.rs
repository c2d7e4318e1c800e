//! What a speaker phrase names: the mention for a token range the phrase grammar
//! ([`super::phrase`]) found, or none when the range is a bare common noun phrase that cannot
//! speak.

use super::mention::{parse_mention, Mention};
use super::phrase::{determined_np_back, from_place, is_relative, is_speaker_noun, one_of_group};
use super::token::{is_punct, lower, pronoun_contraction};
use crate::text::{Span, Token, TokenKind};

/// The mention a speaker phrase over `range` (token indices, end exclusive) names: a pronoun,
/// a name, a body or a role; `None` for a phrase no speaker noun, determiner or place makes a
/// speaker.
pub(crate) fn mention_of(body: &str, toks: &[Token], range: (usize, usize)) -> Option<Mention> {
    if range.1 == range.0 + 1 {
        let t = toks[range.0];
        let n = pronoun_contraction(&lower(body, &t));
        if n > 0 {
            let pronoun = Token {
                span: Span::new(t.span.start, t.span.start + n),
                kind: TokenKind::Word,
            };
            return parse_mention(body, &[pronoun]);
        }
    }
    // A relative pronoun closing the phrase stands for what comes before it.
    let mut end = range.1;
    while end > range.0 + 1
        && (is_relative(&lower(body, &toks[end - 1])) || is_punct(body, &toks[end - 1], &[","]))
    {
        end -= 1;
    }
    let mut m = parse_mention(body, &toks[range.0..end])?;
    m.span.end = toks[range.1 - 1].span.end;
    // A bare common noun phrase with no name, title or speaker noun cannot speak.
    if m.name.is_none() && m.pronoun.is_none() {
        // "officials in Hargeisa", "minister for the Pacific": any word may be the head.
        let role = m.role.as_deref().unwrap_or("");
        let known = role
            .split_whitespace()
            .any(|w| is_speaker_noun(&w.to_lowercase()));
        // `A farmer from Iowa`: the phrase ends at the place the person is from.
        let from = (range.0 + 1..range.1).find(|&p| from_place(body, toks, p, range.0));
        // `One of the operators`: someone of a group (`One of President Bush's election
        // pledges` is no speaker but a noun phrase).
        let one_of = one_of_group(body, toks, range.0, range.1);
        if !known
            && !one_of
            && determined_np_back(body, toks, range.1, range.0) != Some(range.0)
            && from.and_then(|p| determined_np_back(body, toks, p, range.0)) != Some(range.0)
        {
            return None;
        }
    }
    Some(m)
}
