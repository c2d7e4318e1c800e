//! The subject of a sentence: the noun phrase that opens it, past a fronted phrase, a time
//! or a sentence adverb (`At a rally, Trump likened ...`, `Hours later, the ministry said
//! ...`), with its appositions, and the lower-case nouns that finish a name. Built on the
//! grammar of speaker phrases ([`super::phrase`]), which it reads and never calls back.

use super::cue;
use super::mention::{is_function_word, is_title};
use super::phrase::{
    based_at, from_place, is_conjunction, is_particle, is_speaker_noun, punct_in_name, PHRASE_REACH,
};
use super::token::{is_capitalized, is_determiner, is_punct, lower};
use super::words::{
    is_adverbial, is_lead_verb, is_nominal_modifier, is_sentence_adverb, opens_fronted_phrase,
    starts_no_name,
};
use crate::text::is_possessive;
use crate::text::{Token, TokenKind};

/// The sentence's subject, also after a fronted phrase closed by a comma
/// (`At a rally, Trump likened ...`, `During a speech earlier in the day, Trump ...`).
pub(crate) fn sentence_subject(body: &str, toks: &[Token]) -> Option<(usize, usize)> {
    let first = toks.first()?;
    let fl = lower(body, first);
    // The subject opening at token `k`: a pronoun, or a noun phrase.
    let subject_at = |k: usize| {
        let next = toks.get(k)?;
        if matches!(&*lower(body, next), "he" | "she" | "it" | "they" | "we") {
            return Some((k, k + 1));
        }
        let (a, b) = subject_np(body, &toks[k..])?;
        Some((a + k, b + k))
    };
    // `Here in Porto, Costa stepped up ...`: a sentence adverb before a fronted phrase.
    if is_sentence_adverb(first.text(body))
        && toks
            .get(1)
            .is_some_and(|t| t.kind == TokenKind::Word && opens_fronted_phrase(&lower(body, t)))
    {
        let (a, b) = sentence_subject(body, &toks[1..])?;
        return Some((a + 1, b + 1));
    }
    // `Claiming the criticism is unfair, Trump told Fox ...`: a participle phrase.
    let participle = fl.ends_with("ing") && cue::lookup(&fl).is_some();
    if first.kind == TokenKind::Word && (opens_fronted_phrase(&fl) || participle) {
        // The subject follows one of the phrase's commas (`Following a swiftly called,
        // late-afternoon meeting, the Security Council issued ...`).
        return (1..toks.len().min(24))
            .filter(|&i| is_punct(body, &toks[i], &[","]))
            .find_map(|comma| subject_at(comma + 1));
    }
    if let Some(comma) = time_phrase_comma(body, toks) {
        return subject_at(comma + 1);
    }
    subject_np(body, toks)
}

/// The comma closing a time phrase that opens a sentence (`Hours later, Trump returned ...`,
/// `Two days ago, the ministry said ...`), if one does.
pub(crate) fn time_phrase_comma(body: &str, toks: &[Token]) -> Option<usize> {
    (1..toks.len().min(5))
        .find(|&i| {
            matches!(&*lower(body, &toks[i]), "later" | "earlier" | "ago")
                && toks.get(i + 1).is_some_and(|c| is_punct(body, c, &[","]))
        })
        .map(|i| i + 1)
}

/// The subject noun phrase at the start of a sentence, with its appositions:
/// `The Commission's spokeswoman, Ines Ferraz, struck a careful note:`.
pub(crate) fn subject_np(body: &str, toks: &[Token]) -> Option<(usize, usize)> {
    let toks = &toks[..toks.len().min(PHRASE_REACH)];
    // `Therefore, Gulf sources believe ...`: a sentence adverb before the subject.
    // `But Nasrin Dehvari, an activist living in London, warned ...`: a conjunction too.
    let skip = match toks {
        [a, c, ..] if is_sentence_adverb(a.text(body)) && is_punct(body, c, &[","]) => 2,
        [a, b, ..]
            if (is_sentence_adverb(a.text(body)) || is_conjunction(body, a))
                && b.kind == TokenKind::Word =>
        {
            1
        }
        _ => 0,
    };
    if skip > 0 {
        let (a, b) = subject_np(body, &toks[skip..])?;
        return Some((a + skip, b + skip));
    }
    let mut k = 0;
    // Lower-case words of unknown class right after a determiner ("A fisherman, ...").
    let mut after_det = 0;
    while k < toks.len() {
        let t = &toks[k];
        let tx = t.text(body);
        let tl = tx.to_lowercase();
        if t.kind == TokenKind::Word && is_determiner(&tl) {
            after_det = 2;
        } else if after_det > 0
            && t.kind == TokenKind::Word
            && !is_capitalized(tx)
            && !is_lead_verb(&tl)
            // A speaker noun ends the phrase: `The leaders used ...`.
            && (k == 0 || !is_speaker_noun(&lower(body, &toks[k - 1])))
            && !is_function_word(&tl)
            && !is_adverbial(&tl)
            && cue::lookup(&tl).is_none()
            && toks
                .get(k + 1)
                .is_some_and(|n| is_punct(body, n, &[","]) || n.kind == TokenKind::Word)
        {
            after_det -= 1;
            k += 1;
            continue;
        } else {
            after_det = 0;
        }
        let ok = match t.kind {
            TokenKind::Punct => tx == "," || (k > 0 && punct_in_name(body, &toks[k - 1], t)),
            TokenKind::Word => {
                (is_capitalized(tx) && !(k > 0 && is_adverbial(tx)) && !starts_no_name(&tl))
                    || (k > 0
                        && is_particle(&tl)
                        && is_capitalized(toks[k - 1].text(body))
                        && toks
                            .get(k + 1)
                            .is_some_and(|n| is_capitalized(n.text(body))))
                    || is_determiner(&tl)
                    || is_title(&tl)
                    || is_speaker_noun(&tl)
                    || is_nominal_modifier(&tl)
                    || is_possessive(&tl)
                    || (matches!(tl.as_str(), "of" | "for" | "in" | "at" | "to" | "from")
                        && k > 0
                        && {
                            let prev = toks[k - 1].text(body);
                            is_capitalized(prev)
                                || is_speaker_noun(&prev.to_lowercase())
                                || from_place(body, toks, k, 0)
                                || based_at(body, toks, k - 1)
                        })
                    || based_at(body, toks, k)
            }
        };
        if !ok || matches!(tl.as_str(), "who" | "which") {
            break;
        }
        k += 1;
    }
    // Cut an aside that begins inside the phrase, then trailing commas.
    if k < toks.len() && matches!(&*lower(body, &toks[k]), "who" | "which") {
        k = toks[..k].iter().rposition(|t| is_punct(body, t, &[","]))?;
    }
    while k > 0 && toks[k - 1].kind == TokenKind::Punct {
        k -= 1;
    }
    (k > 0).then_some((0, k))
}

/// Extends a name with the lower-case nouns that finish it before a comma or the end:
/// `according to the Philippine coast guard,`, `the United Nations refugee agency`.
pub(crate) fn with_noun_tail(body: &str, toks: &[Token], r: (usize, usize)) -> (usize, usize) {
    let mut e = r.1;
    while e < toks.len() && e - r.1 < 3 {
        let t = &toks[e];
        let tl = lower(body, t);
        if t.kind != TokenKind::Word
            || is_capitalized(t.text(body))
            || is_function_word(&tl)
            || cue::lookup(&tl).is_some()
        {
            break;
        }
        e += 1;
    }
    let closes = toks
        .get(e)
        .is_none_or(|t| is_punct(body, t, &[",", ".", ";"]));
    if e > r.1 && closes && is_speaker_noun(&lower(body, &toks[e - 1])) {
        (r.0, e)
    } else {
        r
    }
}
