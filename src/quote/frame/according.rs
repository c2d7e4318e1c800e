//! `according to X, CLAUSE`, `CLAUSE, according to X.`, and what X goes on to say in a
//! relative clause after it.

use super::super::cue::{self, CueClass};
use super::super::mention::Mention;
use super::super::phrase::np_after_described;
use super::super::speaker::mention_of;
use super::super::subject::{subject_np, with_noun_tail};
use super::super::token::{cue_at, is_punct, lower};
use super::super::words::opens_fronted_phrase;
use super::clause::is_auxiliary;
use super::content_span;
use super::reported::Reported;
use crate::text::Span;
use crate::text::{Token, TokenKind};

/// `according to X, CLAUSE` / `CLAUSE, according to X.`, and what X goes on to say in a
/// relative clause (`CLAUSE, according to the ministry, which said MORE`).
pub(super) fn according_clause(body: &str, narrative: &[Token], s: Span) -> Vec<Reported> {
    let Some(first) = according_to(body, narrative, s) else {
        return Vec::new();
    };
    let end = first.spans.last().map_or(0, |sp| sp.end);
    let n = narrative.len();
    let relative = (0..n.saturating_sub(3)).find(|&i| {
        narrative[i].span.start >= end
            && is_punct(body, &narrative[i], &[","])
            && matches!(&*lower(body, &narrative[i + 1]), "which" | "who")
            && matches!(
                cue_at(body, narrative, i + 2),
                Some(CueClass::Say | CueClass::That)
            )
    });
    let more = relative.and_then(|i| {
        let mut from = i + 3;
        if narrative
            .get(from)
            .is_some_and(|t| lower(body, t) == "that")
        {
            from += 1;
        }
        let content = content_span(body, narrative.get(from)?.span.start, s.end);
        (content.text(body).split_whitespace().count() >= 3)
            .then(|| Reported::new(vec![content], first.mention.clone(), narrative[i + 2].span))
    });
    std::iter::once(first).chain(more).collect()
}

fn according_to(body: &str, narrative: &[Token], s: Span) -> Option<Reported> {
    let n = narrative.len();
    // according to X, CLAUSE / CLAUSE, according to X.
    let k = (0..n - 1).find(|&k| {
        lower(body, &narrative[k]) == "according" && lower(body, &narrative[k + 1]) == "to"
    })?;
    let (r, m) = match np_after_described(body, narrative, k + 2)
        .map(|r| with_noun_tail(body, narrative, r))
        .and_then(|r| Some((r, mention_of(body, narrative, r)?)))
    {
        Some(found) => found,
        None => source_phrase(body, narrative, k + 2)?,
    };
    let cue = Span::new(narrative[k].span.start, narrative[k + 1].span.end);
    let after = narrative.get(r.1);
    // `according to X, CLAUSE` unless X ends the sentence (`CLAUSE, according to X.`) or a
    // clause stands before it (`CLAUSE, according to X, deepening ...`, `CLAUSE, according to
    // a poll that ...`): then the clause before is X's.
    let ends = after.is_none_or(|t| is_punct(body, t, &[".", "!", "?"]));
    // `In exchange, according to X, CLAUSE`: a fronted phrase before it is no clause.
    let fronted = (1..=6).contains(&k)
        && is_punct(body, &narrative[k - 1], &[","])
        && opens_fronted_phrase(&lower(body, &narrative[0]));
    let leading = !ends && (k <= 2 || fronted);
    let trailing = !ends && !leading && k > 3;
    let content = if trailing {
        let before = narrative[..k]
            .iter()
            .rposition(|t| !is_punct(body, t, &[","]))?;
        let first = content_span(body, s.start, narrative[before].span.end);
        // `The cost, according to officials, was $3m`: a bare subject before it, and the
        // predicate after X's comma, are one statement.
        let bare = subject_np(body, &narrative[..k]).is_some_and(|r| r.1 >= before);
        let rest = (r.1..n)
            .find(|&i| is_punct(body, &narrative[i], &[","]))
            .and_then(|c| narrative.get(c + 1));
        match (bare, rest) {
            (true, Some(next)) => {
                let spans = vec![first, content_span(body, next.span.start, s.end)];
                return Some(Reported::new(spans, m, cue));
            }
            _ => first,
        }
    } else if leading {
        let mut comma = (r.1..n).find(|&i| is_punct(body, &narrative[i], &[","]))?;
        // `according to Parisa Nouri, a researcher at a think tank, neither side ...`: an
        // apposition (a determiner, no verb) before the second comma is the speaker's.
        if let Some(second) =
            (comma + 1..n.min(comma + 16)).find(|&i| is_punct(body, &narrative[i], &[","]))
        {
            let seg = &narrative[comma + 1..second];
            let verbless = seg.iter().all(|t| {
                let l = lower(body, t);
                !(l.ends_with("ed") || cue::lookup(&l).is_some() || is_auxiliary(&l))
            });
            if verbless
                && seg
                    .first()
                    .is_some_and(|t| matches!(&*lower(body, t), "a" | "an" | "the"))
            {
                comma = second;
            }
        }
        content_span(body, narrative.get(comma + 1)?.span.start, s.end)
    } else if ends {
        let before = narrative[..k]
            .iter()
            .rposition(|t| !is_punct(body, t, &[","]))?;
        content_span(body, s.start, narrative[before].span.end)
    } else {
        return None;
    };
    (content.text(body).split_whitespace().count() >= 3)
        .then(|| Reported::new(vec![content], m, cue))
}

/// The source after `according to` when it is no plain noun phrase (`early results of the
/// exit poll conducted by ...`, `complete but unofficial returns`, `their friends and
/// advisers`): the longest run of words up to the next punctuation, at most twelve, that
/// reads as a speaker phrase.
fn source_phrase(
    body: &str,
    narrative: &[Token],
    from: usize,
) -> Option<((usize, usize), Mention)> {
    let stop = (from..narrative.len())
        .find(|&i| narrative[i].kind != TokenKind::Word)
        .unwrap_or(narrative.len())
        .min(from + 12);
    (from + 1..=stop)
        .rev()
        .find_map(|end| Some(((from, end), mention_of(body, narrative, (from, end))?)))
}
