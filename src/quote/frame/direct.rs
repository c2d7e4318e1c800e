//! Frames around direct quotes: a lead-in before the quote (`X said: "..."`, `According to
//! X, "..."`), a tail after it (`"...," X said`, `"..." — X`), and reported speech that a
//! tail goes on with (`"...," Peskov said, but added that ...`).

use super::super::cue::{lookup, CueClass};
use super::super::mention::Mention;
use super::super::phrase::{np_after, np_after_described, np_before};
use super::super::speaker::mention_of;
use super::super::subject::{sentence_subject, with_noun_tail};
use super::super::token::{cue_at, cue_class, is_punct, is_subject_pronoun, lower, DASHES};
use super::content_span;
use crate::text::Span;
use crate::text::Token;

/// `X said: "..."`, `X said, "..."`, `According to X, "..."`, `X struck a cautious note: "..."`.
pub(super) fn lead_attribution(body: &str, lead: &[Token]) -> Option<(Mention, Span)> {
    let last = lead.last()?;
    let lt = last.text(body);
    let ends_open =
        matches!(lt, ":" | ",") || cue_class(body, last).is_some() || DASHES.contains(&lt);
    if !ends_open {
        return None;
    }
    if let Some(a) = according_to(body, lead, 0) {
        return Some(a);
    }
    // A name alone between a dash and the colon is the speaker, as digests and live blogs
    // credit their sources (`Pollsters agree - Imogen Varga: "..."`, `... - More from Varga:
    // "..."`).
    if lt == ":" {
        if let Some(d) = lead.iter().rposition(|t| is_punct(body, t, DASHES)) {
            let mut k = d + 1;
            for w in ["more", "from"] {
                if lead.get(k).is_some_and(|t| lower(body, t) == w) {
                    k += 1;
                }
            }
            let credited = np_after(body, lead, k)
                .filter(|r| r.0 == k && r.1 + 1 == lead.len())
                .and_then(|r| mention_of(body, lead, r))
                .filter(|m| m.pronoun.is_none());
            if let Some(m) = credited {
                return Some((m, last.span));
            }
        }
    }
    // The cue nearest the quote, outside an object relative clause (`contrasted the
    // candidate, whom he described as "...," with his rival: "..."`: the clause's `he` is
    // not what introduces the quote).
    let in_relative = |i: usize| {
        i >= 2
            && is_subject_pronoun(&lower(body, &lead[i - 1]))
            // Not `that`, which also opens a reported clause (`say that he told ...`).
            && matches!(&*lower(body, &lead[i - 2]), "whom" | "which")
    };
    let ci = (0..lead.len())
        .rev()
        .find(|&i| cue_at(body, lead, i).is_some() && !in_relative(i));
    if let Some(ci) = ci {
        if lead.len() - ci <= 8 {
            let cue = lower(body, &lead[ci]);
            let participle = cue.ends_with("ing") && ci > 0;
            // `Imre told the radio that Okafor "...," adding, "..."`: a participle after a
            // comma goes on with the sentence's subject, not the phrase before the comma.
            // The comma may close a quotation the lead leaves out (`policy,” adding`).
            let after_comma = participle
                && (is_punct(body, &lead[ci - 1], &[","])
                    || body[lead[ci - 1].span.end..lead[ci].span.start].contains(','));
            if after_comma {
                let subject = sentence_subject(body, &lead[..ci])
                    .filter(|r| r.1 < ci - 1 || !is_punct(body, &lead[ci - 1], &[","]))
                    .and_then(|r| mention_of(body, lead, r));
                if let Some(m) = subject {
                    return Some((m, lead[ci].span));
                }
            }
            if let Some(r) = np_before(body, lead, ci, 0) {
                if let Some(m) = mention_of(body, lead, r) {
                    if m.pronoun.is_some() {
                        if let Some(outer) = reporting_subject(body, lead, r.0) {
                            return Some(outer);
                        }
                    }
                    return Some((m, lead[ci].span));
                }
            }
            // `said Putin:` / post-posed in the lead. After `told` or a participle the noun
            // phrase is whom the speaker addresses (`..., telling Reuters, "..."`): English
            // inverts a speaker only after a plain verb of saying.
            let addressee = participle || lookup(&cue).is_some_and(|(_, base)| base == "tell");
            if !addressee {
                if let Some(r) = np_after_described(body, lead, ci + 1) {
                    if let Some(m) = mention_of(body, lead, r) {
                        return Some((m, lead[ci].span));
                    }
                }
            }
            // `Trump attacked Clinton ..., saying, "..."`: the sentence's subject speaks.
            if participle {
                if let Some(r) = sentence_subject(body, &lead[..ci]) {
                    if let Some(m) = mention_of(body, lead, r) {
                        return Some((m, lead[ci].span));
                    }
                }
            }
        }
    }
    // A quote closing a reported clause: `X acknowledged that there are still "some people"
    // who feel that way, "but not among the vast majority."` The sentence's first cue with a
    // speaker before it attributes the whole sentence.
    if lt == "," && lead.len() <= 40 {
        for ci in (0..lead.len()).filter(|&i| cue_at(body, lead, i).is_some()) {
            if let Some(m) = np_before(body, lead, ci, 0).and_then(|r| mention_of(body, lead, r)) {
                return Some((m, lead[ci].span));
            }
        }
    }
    // A colon lead-in without a cue: the sentence's subject speaks.
    if lt == ":" {
        let r = sentence_subject(body, lead)?;
        let m = mention_of(body, lead, r)?;
        return Some((m, last.span));
    }
    None
}

/// `Lynch said she recalled thinking, "..."`: a pronoun subject right after a reporting verb
/// (and `that`) is that verb's named subject, who is the one reported; returns them and the
/// outer cue.
fn reporting_subject(body: &str, toks: &[Token], pronoun: usize) -> Option<(Mention, Span)> {
    let mut ci = pronoun.checked_sub(1)?;
    if lower(body, &toks[ci]) == "that" {
        ci = ci.checked_sub(1)?;
    }
    if cue_at(body, toks, ci) != Some(CueClass::Say) {
        return None;
    }
    let r = np_before(body, toks, ci, 0)?;
    let m = mention_of(body, toks, r)?;
    m.name.is_some().then_some((m, toks[ci].span))
}

/// `"...," X said`, `"...," said X`, `"..." — X`, `"...," according to X`.
pub(super) fn tail_attribution(body: &str, piece: &[Token]) -> Option<(Mention, Span)> {
    let mut i = 0;
    while i < piece.len() && is_punct(body, &piece[i], &[","]) {
        i += 1;
    }
    if i < piece.len() && is_punct(body, &piece[i], DASHES) {
        let r = np_after(body, piece, i + 1)?;
        let m = mention_of(body, piece, r)?;
        return Some((m, piece[i].span));
    }
    if let Some(a) = according_to(body, piece, i) {
        return Some(a);
    }
    // The cue must be close to the quote (a name with a long apposition may stand between).
    let ci = (i..piece.len().min(i + 30)).find(|&k| cue_at(body, piece, k).is_some())?;
    if ci == i {
        let r = np_after_described(body, piece, ci + 1)?;
        let m = mention_of(body, piece, r)?;
        return Some((m, piece[ci].span));
    }
    let r = np_before(body, piece, ci, i)?;
    let m = mention_of(body, piece, r)?;
    Some((m, piece[ci].span))
}

/// `according to X` starting at or after `from`.
pub(super) fn according_to(body: &str, toks: &[Token], from: usize) -> Option<(Mention, Span)> {
    let k = (from..toks.len().saturating_sub(1))
        .find(|&k| lower(body, &toks[k]) == "according" && lower(body, &toks[k + 1]) == "to")?;
    let r = with_noun_tail(body, toks, np_after_described(body, toks, k + 2)?);
    let m = mention_of(body, toks, r)?;
    Some((m, Span::new(toks[k].span.start, toks[k + 1].span.end)))
}

/// `... added that CLAUSE` in a narrative piece: the clause to the sentence end.
pub(super) fn that_clause(body: &str, piece: &[Token], s: Span) -> Option<Span> {
    let ci = (0..piece.len()).find(|&i| cue_at(body, piece, i).is_some())?;
    let rest = &piece[ci + 1..];
    let that = rest.iter().take(8).position(|t| lower(body, t) == "that")?;
    let start = rest.get(that + 1)?.span.start;
    let c = content_span(body, start, s.end);
    (c.text(body).split_whitespace().count() >= 3).then_some(c)
}
