//! Quoted fragments inside the reporter's own sentence (`called the plan "a betrayal"`): the
//! cue nearest before each one with its own subject, else the subject of the sentence;
//! capitalised fragments that are titles, not words.

use super::super::cue;
use super::super::marks::Region;
use super::super::mention::Mention;
use super::super::phrase::{is_speaker_noun, np_after, np_before};
use super::super::speaker::mention_of;
use super::super::subject::sentence_subject;
use super::super::token::{
    capitalized_before, cue_at, is_capitalized, is_punct, is_subject_pronoun, lower,
};
use super::super::words::{is_adverbial, is_remark_noun};
use crate::text::{is_possessive, Span};
use crate::text::{Token, TokenKind};

/// The nearest finite cue before byte `at` (a few words back) with a speaker, not a pronoun,
/// right before it: `Ham also noted several "intangibles"`. The sentence subject keeps
/// `what it called "..."`, `what Turnbull called "..."` and `a statement calling "..."`.
pub(super) fn fragment_cue(body: &str, narrative: &[Token], at: usize) -> Option<(Mention, Span)> {
    let end = narrative.partition_point(|t| t.span.end <= at);
    (end.saturating_sub(6)..end).rev().find_map(|ci| {
        cue_at(body, narrative, ci)?;
        let r = np_before(body, narrative, ci, 0)?;
        // A participle speaks for a name right before it only in an absolute clause (`with
        // Finance Minister Oren Talbot calling it "..."`, `... and Imre calling it "..."`); elsewhere
        // the name is its verb's object.
        if lower(body, &narrative[ci]).ends_with("ing") {
            let absolute = r.1 == ci
                && r.0 > 0
                && matches!(&*lower(body, &narrative[r.0 - 1]), "with" | "and");
            if !absolute {
                return None;
            }
        }
        let relative = r.0 > 0
            && matches!(
                &*lower(body, &narrative[r.0 - 1]),
                "what" | "which" | "as" | "that" | "who"
            );
        let m = mention_of(body, narrative, r).filter(|m| m.pronoun.is_none() && !relative)?;
        Some((m, narrative[ci].span))
    })
}

/// The subject of a sentence that speaks through a cue (`He called the plan "..."`).
///
/// Failing a cue, the sentence subject is taken when a verb follows it (`Cruz exhorted
/// Republicans to "vote your conscience"`): news quotes fragments of the subject's words with
/// many verbs no cue list holds.
pub(super) fn speaking_subject(body: &str, narrative: &[Token]) -> Option<(Mention, Span)> {
    // An infinitive's object is not its subject (`took to the radio to accuse the Okafor campaign
    // of being "..."`): such a cue is passed over, and read last.
    let infinitive = |i: usize| i > 0 && lower(body, &narrative[i - 1]) == "to";
    let mut cues = (0..narrative.len()).filter(|&i| cue_at(body, narrative, i).is_some());
    let any_cue = cues.next();
    let first_cue = any_cue
        .filter(|&i| !infinitive(i))
        .or_else(|| cues.find(|&i| !infinitive(i)));
    // A participle after a comma speaks for the sentence subject, not for the phrase before
    // the comma (`Quist hammered Governor Imre, calling him "..."`).
    let participle_after_comma = first_cue.is_some_and(|ci| {
        ci > 0
            && lower(body, &narrative[ci]).ends_with("ing")
            && is_punct(body, &narrative[ci - 1], &[","])
    });
    // After an infinitive cue the sentence subject speaks before any later cue's subject
    // (`Imre took to the radio to accuse ... what she called "..."`).
    let after_infinitive = any_cue != first_cue;
    if after_infinitive {
        if let Some(found) = subject_speaking(body, narrative) {
            return Some(found);
        }
    }
    if participle_after_comma {
        let subject =
            sentence_subject(body, narrative).and_then(|r| mention_of(body, narrative, r));
        if let (Some(m), Some(ci)) = (subject, first_cue) {
            return Some((m, narrative[ci].span));
        }
    }
    if let Some(ci) = first_cue {
        // `X said "..."` or, after the fragment, `"...," said X` (also when the sentence
        // opened with a subject of its own: `X could "...," said Y`).
        let before = || np_before(body, narrative, ci, 0);
        let after = || np_after(body, narrative, ci + 1);
        let r = if super::reported::attributes_quote_before(body, narrative, ci) {
            after().or_else(before)
        } else {
            before().or_else(after)
        };
        if let Some(m) = r.and_then(|r| mention_of(body, narrative, r)) {
            return Some((m, narrative[ci].span));
        }
    }
    subject_speaking(body, narrative).or_else(|| {
        // `used a speech to say his party was facing "..."`: with no subject to speak, the
        // phrase after the infinitive.
        let ci = any_cue?;
        let m = mention_of(body, narrative, np_after(body, narrative, ci + 1)?)?;
        Some((m, narrative[ci].span))
    })
}

/// The sentence subject when a verb follows it (see [`speaking_subject`]).
fn subject_speaking(body: &str, narrative: &[Token]) -> Option<(Mention, Span)> {
    let r = sentence_subject(body, narrative)?;
    let verb = narrative[r.1..]
        .iter()
        .find(|t| t.kind == TokenKind::Word && !is_adverbial(t.text(body)))?;
    let vl = lower(body, verb);
    let verb_like = !is_capitalized(verb.text(body))
        && (vl.ends_with("ed")
            || vl.ends_with('s')
            || vl.ends_with("ing")
            || matches!(
                &*vl,
                "struck"
                    | "spoke"
                    | "made"
                    | "gave"
                    | "took"
                    | "put"
                    | "went"
                    | "gone"
                    | "ran"
                    | "came"
                    | "got"
                    | "held"
                    | "kept"
                    | "left"
                    | "brought"
                    | "thought"
                    | "felt"
                    | "found"
                    | "saw"
                    | "set"
                    | "sent"
                    | "wrote"
                    | "won"
                    | "lost"
                    | "led"
                    | "met"
                    | "drew"
                    | "threw"
                    | "stood"
                    | "has"
                    | "had"
                    | "have"
                    | "would"
                    | "will"
                    | "could"
            )
            || cue::lookup(&vl).is_some());
    if !verb_like {
        return None;
    }
    let m = mention_of(body, narrative, r)?;
    Some((m, verb.span))
}

/// What someone said, named by a remark noun and its owner in the reporter's sentence: `The
/// Ministry notes the statement by the Democratic Alliance describing the Act as "..."`,
/// `rejects claims by members of the Opposition that ...`, `the claim, made by a
/// spokesperson last week, that ...`. The words after the owner are the owner's, not the
/// subject's who answers them. Each, in order: the noun, the owner and the end of its phrase.
pub(super) fn owned_remarks(body: &str, narrative: &[Token]) -> Vec<(Span, Mention, usize)> {
    let mut out = Vec::new();
    for (i, t) in narrative.iter().enumerate() {
        if t.kind != TokenKind::Word || !is_remark_noun(t.text(body)) {
            continue;
        }
        // `said in a statement from its embassy that ...`: the medium of the subject's own
        // words.
        let medium = narrative[..i]
            .iter()
            .rev()
            .take(3)
            .any(|t| lower(body, t) == "in");
        if medium {
            continue;
        }
        // A participle and a time may come between: `issued this week by`, `made by`.
        let mut j = i + 1;
        if narrative.get(j).is_some_and(|t| is_punct(body, t, &[","])) {
            j += 1;
        }
        // `the statement credited to a Special Adviser`, `remarks attributed to ...`.
        let credited = narrative
            .get(j)
            .is_some_and(|t| matches!(&*lower(body, t), "credited" | "attributed"));
        let by = |t: &Token| {
            let l = lower(body, t);
            matches!(&*l, "by" | "of" | "from") || (credited && &*l == "to")
        };
        // Only a participle opens what comes between (`comment on the detention of ...`
        // names no owner).
        let participle = narrative
            .get(j)
            .is_some_and(|t| by(t) || lower(body, t).ends_with("ed") || lower(body, t) == "made");
        if !participle {
            continue;
        }
        let skip = narrative[j.min(narrative.len())..]
            .iter()
            .take(4)
            .position(|t| {
                by(t) || t.kind != TokenKind::Word || is_capitalized(t.text(body)) || {
                    lower(body, t) == "that"
                }
            });
        let Some(p) = skip.map(|k| j + k).filter(|&p| by(&narrative[p])) else {
            continue;
        };
        let Some(mut r) = np_after(body, narrative, p + 1) else {
            continue;
        };
        // `a Special Adviser to the President`: whom the owner serves is part of the phrase.
        if narrative.get(r.1).is_some_and(|t| lower(body, t) == "to") {
            if let Some(to) = np_after(body, narrative, r.1 + 1) {
                r.1 = to.1;
            }
        }
        // The owner's words follow it at once: `that ...`, `describing ...`, `, which
        // described ...`, or a quotation. After an aside (`contrary to the claims of some
        // candidates, he ...`) the sentence goes on in its subject's words.
        let next = |k: usize| narrative.get(r.1 + k).map(|t| lower(body, t));
        let quoted_next = narrative.get(r.1).is_none_or(|t| {
            !body[narrative[r.1 - 1].span.end..t.span.start]
                .trim()
                .is_empty()
        });
        let owners_words = quoted_next
            || match next(0).as_deref() {
                Some("that") => true,
                // `the claim by the shadow secretary, Giles Hartley, that ...`.
                Some(",") => matches!(next(1).as_deref(), Some("who" | "which" | "that")),
                Some(w) => w.ends_with("ing") && narrative[r.1].kind == TokenKind::Word,
                None => false,
            };
        if !owners_words {
            continue;
        }
        // `from its embassy`: the owner is the subject again.
        let possessive = matches!(
            &*lower(body, &narrative[r.0]),
            "its" | "his" | "her" | "their" | "our"
        );
        let owner = mention_of(body, narrative, r).filter(|m| {
            !possessive
                && m.pronoun.is_none()
                && (m.name.is_some()
                    || m.role.as_deref().is_some_and(|r| {
                        r.split_whitespace()
                            .any(|w| is_speaker_noun(&w.to_lowercase()))
                    }))
        });
        if let Some(m) = owner {
            out.push((t.span, m, narrative[r.1 - 1].span.end));
        }
    }
    out
}

/// Title case with no closing punctuation: a title or a name, not a sentence.
pub(super) fn looks_like_title(text: &str) -> bool {
    let text = text.strip_suffix(',').unwrap_or(text);
    !text.ends_with(['.', '!', '?', '\u{2026}'])
        && text
            .split_whitespace()
            .filter(|w| w.chars().count() > 3)
            .all(is_capitalized)
}

/// [`looks_like_title`] for a fragment in the place of a title in the reporter's sentence
/// (after `on`, `in`, `to` or a channel's possessive: `on NBC's "Meet the Press."`), where a
/// full stop may close a title of two words or more. Elsewhere (`proclaimed a goal of "Peace
/// Through Strength."`, `it was labeled "Mostly True."`) the strict test holds: a capitalised
/// phrase a speaker applies is their words.
pub(super) fn looks_like_title_fragment(body: &str, all: &[Token], r: &Region) -> bool {
    let text = r.inner.text(body);
    let before = all.partition_point(|t| t.span.end <= r.open.start);
    // The word ending `k` tokens before the mark.
    let word_is = |k: usize, test: &dyn Fn(&str) -> bool| {
        before
            .checked_sub(k)
            .is_some_and(|i| test(&lower(body, &all[i])))
    };
    let preposition = |w: &str| matches!(w, "on" | "in" | "to" | "at" | "from");
    let possessive = |w: &str| is_possessive(w) || w.ends_with('\'');
    let title_place =
        word_is(1, &preposition) || (word_is(1, &possessive) && word_is(2, &preposition));
    match text.strip_suffix('.') {
        Some(t)
            if title_place
                && t.split_whitespace().count() >= 2
                && !t.ends_with('.')
                && t.split_whitespace().any(|w| w.chars().count() > 3) =>
        {
            looks_like_title(t)
        }
        _ => looks_like_title(text),
    }
}

/// A capitalised fragment that a speaker applies to something is their words, not a title:
/// `called the pageant winner "Miss Piggy"`, `hailed Trump as "The Comeback Kid"`, `rated it
/// "Mostly True"` (but not `on "The Apprentice"`).
pub(super) fn named_by_cue(body: &str, all: &[Token], r: &Region) -> bool {
    let before = all.partition_point(|t| t.span.end <= r.open.start);
    let Some(prev) = before.checked_sub(1).map(|i| &all[i]) else {
        return false;
    };
    if cue_at(body, all, before - 1).is_some() {
        // `he called "..."`, but not `an alliance called "Viv Ansanm"` (a name given).
        return before >= 2 && {
            let subject = &all[before - 2];
            let sl = lower(body, subject);
            is_capitalized(subject.text(body)) || is_subject_pronoun(&sl)
        };
    }
    // `she called Okafor "Little Tomas"`: a name between a verb of naming and the words.
    let names = capitalized_before(body, all, before, 3);
    let naming = names > 0
        && before > names
        && cue::lookup(all[before - names - 1].text(body))
            .is_some_and(|(_, base)| matches!(base, "call" | "dub" | "label" | "brand"));
    if naming {
        return true;
    }
    matches!(&*lower(body, prev), "as" | "it" | "him" | "her" | "them")
        && (before.saturating_sub(9)..before - 1).any(|i| {
            cue_at(body, all, i).is_some() || matches!(&*lower(body, &all[i]), "rated" | "rates")
        })
}
