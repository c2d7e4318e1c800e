//! The grammar of speaker phrases: where the phrase that names a speaker begins and ends
//! around a cue (`Pavel Kuzmin, the deputy minister, said`, `said the spokesman`, `according
//! to conservative radio host Rush Limbaugh`); the subject of a sentence is read in
//! [`super::subject`].
//!
//! Functions take a sentence's narrative tokens and return token ranges;
//! [`super::speaker::mention_of`] parses a range into a [`super::mention::Mention`].

use super::cue::{self, CueClass};
use super::mention::{is_function_word, is_org_word, is_title};
use super::token::{
    is_article, is_capitalized, is_determiner, is_punct, is_subject_pronoun, looks_plural, lower,
    pronoun_contraction,
};
use super::words::{
    is_adverbial, is_nominal_modifier, is_sentence_adverb, is_speaker_noun_word, opens_aside,
    opens_fronted_phrase, starts_no_name,
};
use crate::text::{is_possessive, possessive_stem};
use crate::text::{Token, TokenKind};

/// The most tokens a speaker phrase or one of its comma-separated parts is read over, before
/// a cue or after one: longer than any name with its appositions, and a bound on the work
/// each cue asks for, so a sentence of any length is read in linear time.
pub(super) const PHRASE_REACH: usize = 64;

/// A noun that can name a speaker: a speaker noun, a title or an organisation word.
pub(crate) fn is_speaker_noun(lower: &str) -> bool {
    is_speaker_noun_word(lower) || is_title(lower) || is_org_word(lower)
}

/// A speaker phrase ending at token index `end` (exclusive), walking back to `floor`.
///
/// Between commas the phrase may hold appositions in either order (`Pavel Kuzmin, the deputy
/// minister,` / `the EU's envoy, Henrik Aalto,`) and asides that are skipped (`Ana Ruiz, who
/// led the talks, said`; `Gulnara Abdykadyrova, 54, told`).
pub(crate) fn np_before(
    body: &str,
    toks: &[Token],
    end: usize,
    floor: usize,
) -> Option<(usize, usize)> {
    let r = np_before_plain(body, toks, end, floor)?;
    Some(issuer_of(body, toks, r, end, floor).unwrap_or(r))
}

/// `Trump issued a statement saying ...`: a document just before a participle cue is the
/// words of whoever put it out, the phrase before the verb of issuing. `r` is the document's
/// phrase, `end` the cue; returns the issuer's phrase.
fn issuer_of(
    body: &str,
    toks: &[Token],
    r: (usize, usize),
    end: usize,
    floor: usize,
) -> Option<(usize, usize)> {
    let cue = toks.get(end)?;
    // Times may stand between (`released a statement Thursday night condemning`); read
    // last, as this runs for every phrase before a cue.
    let adjoins = || {
        toks[r.1..end]
            .iter()
            .all(|t| t.kind == TokenKind::Word && is_adverbial(t.text(body)))
    };
    if r.0 <= floor
        || r.1 > end
        || cue.kind != TokenKind::Word
        || !cue.text(body).ends_with("ing")
        || cue::lookup(cue.text(body)).is_none()
        || !matches!(&*lower(body, &toks[r.0]), "a" | "an" | "the")
        || !super::words::is_issued_document(&lower(body, &toks[r.1 - 1]))
        || !super::words::is_issue_verb(&lower(body, &toks[r.0 - 1]))
        || !adjoins()
    {
        return None;
    }
    np_before_plain(body, toks, r.0 - 1, floor)
}

fn np_before_plain(body: &str, toks: &[Token], end: usize, floor: usize) -> Option<(usize, usize)> {
    let mut k = end;
    // `Ryan (R-Wis.) said`: the label belongs to the name before it.
    if k > floor && toks[k - 1].text(body) == ")" {
        if let Some(open) = (floor..k - 1)
            .rev()
            .take(8)
            .find(|&i| toks[i].text(body) == "(")
        {
            k = open;
        }
    }
    while k > floor
        && toks[k - 1].kind == TokenKind::Word
        && is_adverbial(toks[k - 1].text(body))
        && !(k - 1 > floor
            && super::mention::surname_after_given(toks[k - 2].text(body), toks[k - 1].text(body)))
    {
        k -= 1;
    }
    // `Proponents of the bill, however, say ...`: an adverb between commas.
    if k >= floor + 4
        && is_punct(body, &toks[k - 1], &[","])
        && is_punct(body, &toks[k - 3], &[","])
        && toks[k - 2].kind == TokenKind::Word
        && (is_adverbial(toks[k - 2].text(body)) || is_sentence_adverb(toks[k - 2].text(body)))
    {
        k -= 3;
    }
    // A relative pronoun speaks for its antecedent: `Obama, who denounced the attack`.
    if k > floor && is_relative(&lower(body, &toks[k - 1])) {
        let mut e = k - 1;
        if e > floor && is_punct(body, &toks[e - 1], &[","]) {
            e -= 1;
        }
        return np_before(body, toks, e, floor).map(|(s, _)| (s, k));
    }
    let chained = k > floor && is_punct(body, &toks[k - 1], &[","]);
    let mut seg_end = if chained { k - 1 } else { k };
    let mut range: Option<(usize, usize)> = None;
    for round in 0..4 {
        if seg_end <= floor {
            break;
        }
        // A comma further back than any phrase is long ends nothing here.
        let reach = floor.max(seg_end.saturating_sub(PHRASE_REACH));
        // A comma inside a body's name (`the Ministry of Energy, Petroleum and Mines`)
        // parts nothing.
        let mut seg_start = (reach..seg_end)
            .rev()
            .find(|&i| is_punct(body, &toks[i], &[","]) && !joins_org_name(body, toks, i, reach))
            .map_or(reach, |c| c + 1);
        // `But Nasrin Dehvari, a rights activist, warned`: the conjunction opening the
        // sentence is no part of the name.
        if seg_start == floor && seg_end > seg_start + 1 && is_conjunction(body, &toks[seg_start]) {
            seg_start += 1;
        }
        // `The National Union of Tunisian Journalists (SNJT), which ...`: a label closing a
        // part belongs to the name before it.
        let parse_end = if seg_end > seg_start + 1 && toks[seg_end - 1].text(body) == ")" {
            (seg_start..seg_end - 1)
                .rev()
                .take(8)
                .find(|&i| toks[i].text(body) == "(")
                .unwrap_or(seg_end)
        } else {
            seg_end
        };
        let parsed = collect_np_back(body, toks, parse_end, seg_start);
        let full = parsed == Some(seg_start);
        // `Dr. Lucy Mwangi, ..., and Hon. Tom Were, the MP for Kisumu, who ...`: a part
        // after a conjunction is the last of a list, and the phrase begins after it.
        let listed = round > 0
            && range.is_some()
            && is_conjunction(body, &toks[seg_start])
            && parsed == Some(seg_start + 1);
        if listed {
            range = Some((seg_start + 1, range.map_or(seg_end, |r| r.1)));
            break;
        }
        if round == 0 && !chained {
            // The phrase right before the cue: its noun-phrase tail, or the noun phrase
            // before a relative clause (`The minister who chairs the dialogue said`).
            let relative = || {
                let w = (seg_start..seg_end)
                    .rev()
                    .take(10)
                    .find(|&i| matches!(&*lower(body, &toks[i]), "who" | "which"))?;
                collect_np_back(body, toks, w, seg_start).map(|s| (s, w))
            };
            let Some(s) = parsed else {
                return relative();
            };
            range = Some((s, seg_end));
            // A pronoun takes no apposition: `Inflation, she added, was ...`.
            let pronoun = s + 1 == seg_end && is_subject_pronoun(&lower(body, &toks[s]));
            if !full || pronoun {
                break;
            }
        } else if full && !is_aside(body, &toks[seg_start..seg_end], seg_start == 0) {
            range = Some((seg_start, range.map_or(seg_end, |r| r.1)));
        } else if range.is_some() {
            // A phrase that is neither a name nor an aside ends the speaker phrase.
            if !is_aside(body, &toks[seg_start..seg_end], seg_start == 0) {
                break;
            }
        }
        if seg_start == floor || !is_punct(body, &toks[seg_start - 1], &[","]) {
            break;
        }
        seg_end = seg_start - 1;
    }
    range
}

/// An aside between commas: a relative clause, an age, a time or place adverbial; at the
/// start of the sentence, a phrase opened by a sentence adverb or a participle
/// (`Separately,`, `Responding,`, `Back at Otopeni,`).
fn is_aside(body: &str, seg: &[Token], opens_sentence: bool) -> bool {
    let Some(first) = seg.first() else {
        return true;
    };
    let fl = lower(body, first);
    let fronted = opens_sentence
        && (is_sentence_adverb(&fl)
            || opens_fronted_phrase(&fl)
            || ((fl.ends_with("ing") || fl.ends_with("ed")) && cue::lookup(&fl).is_some()));
    fronted
        || opens_aside(&fl)
        || (fl.ends_with("ing") && !is_capitalized(first.text(body)))
        || seg
            .iter()
            .all(|t| t.text(body).chars().all(|c| c.is_ascii_digit()))
        || seg
            .iter()
            .any(|t| matches!(&*lower(body, t), "who" | "which" | "whose" | "whom"))
}

/// A conjunction that may open a sentence before its subject (`But Nasrin Dehvari, ...`).
pub(super) fn is_conjunction(body: &str, t: &Token) -> bool {
    matches!(&*lower(body, t), "but" | "and" | "yet")
}

/// Whether punctuation `t` after `prev` belongs to a name: `&` after a capitalised word
/// (`Computer & Communications Industry Association`), a full stop closing a short
/// abbreviation or a title glued to it (`U.S.`, `Prof.`), or the apostrophe of a plural
/// owner glued to it (`the National Farmers' Union`).
pub(super) fn punct_in_name(body: &str, prev: &Token, t: &Token) -> bool {
    match t.text(body) {
        "&" => is_capitalized(prev.text(body)),
        "'" | "\u{2019}" => plural_owner(body, prev, t),
        "." => {
            prev.span.end == t.span.start
                && (prev.text(body).len() <= 3 || is_title(&lower(body, prev)))
        }
        _ => false,
    }
}

/// Whether the apostrophe `t` is glued to the plural `prev` (`Governors'`, `ranchers'`).
fn plural_apostrophe(body: &str, prev: &Token, t: &Token) -> bool {
    prev.kind == TokenKind::Word
        && prev.span.end == t.span.start
        && matches!(t.text(body), "'" | "\u{2019}")
        && prev.text(body).ends_with('s')
}

/// Whether the apostrophe `t` closes the capitalised plural `prev` it is glued to, an owner
/// inside a body's name (`Governors'` in `the Nigeria Governors' Forum`).
pub(super) fn plural_owner(body: &str, prev: &Token, t: &Token) -> bool {
    plural_apostrophe(body, prev, t) && is_capitalized(prev.text(body))
}

/// Whether the apostrophe `t` closes a lower-case plural `prev` that describes the body or
/// group named after it (`the national cattle ranchers' federation`, `a farmers' union`): a
/// word of the phrase, not an owner whose role follows. The noun after it tells it from a
/// closing single quotation mark glued to a plural (`'... the terms' the minister said`).
pub(super) fn descriptive_owner(body: &str, prev: &Token, t: &Token, next: Option<&Token>) -> bool {
    let w = prev.text(body);
    plural_apostrophe(body, prev, t)
        && !is_capitalized(w)
        && w.len() > 3
        && next.is_some_and(|n| {
            let l = lower(body, n);
            n.kind == TokenKind::Word
                && !is_capitalized(n.text(body))
                && (is_org_word(&l) || is_speaker_noun(&l))
        })
}

/// Collects a noun phrase backwards from `end` (exclusive) down to `floor`; returns its start.
fn collect_np_back(body: &str, toks: &[Token], end: usize, floor: usize) -> Option<usize> {
    if end <= floor {
        return None;
    }
    let head = &toks[end - 1];
    let hl = lower(body, head);
    if head.kind != TokenKind::Word {
        return None;
    }
    if is_subject_pronoun(&hl) || pronoun_contraction(&hl) > 0 {
        return Some(end - 1);
    }
    // A relative pronoun speaks for its antecedent: `Obama, who denounced the attack`,
    // `voters who said ...`. The phrase runs from the antecedent to the pronoun.
    if is_relative(&hl) {
        let mut e = end - 1;
        if e > floor && is_punct(body, &toks[e - 1], &[","]) {
            e -= 1;
        }
        return collect_np_back(body, toks, e, floor);
    }
    let head_ok = is_capitalized(head.text(body)) || is_speaker_noun(&hl);
    if !head_ok {
        return determined_np_back(body, toks, end, floor)
            .or_else(|| complement_np_back(body, toks, end, floor));
    }
    if is_capitalized(head.text(body)) && names_nobody(head.text(body)) {
        return None;
    }
    let mut k = end - 1;
    // Whether the phrase is still the name at its head.
    let mut named = is_capitalized(head.text(body));
    // Lower-case words of unknown class are taken on trust and dropped again if nothing that
    // begins a noun phrase comes before them ("the Iraqi water resources ministry").
    let mut tentative = 0;
    while k > floor {
        let t = &toks[k - 1];
        let tx = t.text(body);
        let tl = tx.to_lowercase();
        if tx == ")" {
            // A party and state after a name: `Sen. Claire McCaskill (D-Mo.)`.
            match (floor..k - 1)
                .rev()
                .take(8)
                .find(|&i| toks[i].text(body) == "(")
            {
                Some(open) => {
                    k = open;
                    continue;
                }
                None => break,
            }
        }
        let ok = if (tl == "and" || tx == ",") && joins_org_name(body, toks, k - 1, floor) {
            // `the Ministry of Economy and Finance`, `the Department of Science, Technology
            // and Innovation`: one body's name, not two speakers.
            true
        } else if t.kind == TokenKind::Punct {
            k >= 2
                && (punct_in_name(body, &toks[k - 2], t)
                    || descriptive_owner(body, &toks[k - 2], t, toks.get(k)))
        } else if is_capitalized(tx) {
            !starts_no_name(&tl)
        } else if named && is_particle(&tl) {
            // `Pieter du Plessis`.
            true
        } else if matches!(
            tl.as_str(),
            "of" | "for" | "in" | "to" | "at" | "on" | "from"
        ) {
            // A name after a preposition is a complement: what comes before heads the phrase
            // (`the Turkish embassy in Baghdad`). A body's name may hold one (`the
            // Inter-American Commission on Human Rights`).
            named = false;
            k >= 2 && {
                let before = lower(body, &toks[k - 2]);
                let capitalized = is_capitalized(toks[k - 2].text(body));
                (capitalized
                    && (tl == "of"
                        || (tl == "in"
                            && (ends_org_name(body, toks, k - 2, floor)
                                || complement_of_speaker(body, toks, k - 2, floor)))))
                    || (capitalized && tl == "on" && is_org_word(&before))
                    || is_title(&before)
                    || is_speaker_noun(&before)
                    || from_place(body, toks, k - 1, floor)
                    || (k >= floor + 3 && based_at(body, toks, k - 2))
            }
        } else if is_determiner(&tl) {
            true
        } else if named && is_speaker_noun(&tl) && !is_title(&tl) && tl.ends_with('s') {
            // A plural noun does not describe a name: `for development in poorer countries
            // Gordon Brown will say`.
            false
        } else if is_title(&tl)
            || is_speaker_noun(&tl)
            || is_possessive(&tl)
            || is_nominal_modifier(&tl)
        {
            tentative = 0;
            true
        } else {
            let take = tentative < 2
                && !is_function_word(tx)
                && !is_adverbial(tx)
                && cue::lookup(tx).is_none();
            if take {
                tentative += 1;
            }
            take
        };
        if !ok {
            break;
        }
        if t.kind == TokenKind::Word && (is_capitalized(tx) || is_determiner(&tl)) {
            tentative = 0;
        }
        k -= 1;
        let quantifier = matches!(
            tl.as_str(),
            "two" | "three" | "several" | "some" | "many" | "other" | "one"
        );
        if t.kind == TokenKind::Word && is_determiner(&tl) && !quantifier {
            // `director of the Alliance`: a determiner after `of` goes on, as after the
            // place or body a role is held at (`a senior executive at a state energy
            // company`, `a lawmaker from the ruling party`).
            // `Torbjorn Haereid of the Norwegian School`: after a name too.
            let goes_on = k >= floor + 2
                && matches!(
                    &*lower(body, &toks[k - 1]),
                    "of" | "for" | "in" | "at" | "from"
                )
                && (is_title(&lower(body, &toks[k - 2]))
                    || is_speaker_noun(&lower(body, &toks[k - 2]))
                    || (named_person_before(body, toks, k - 2)
                        && lower(body, &toks[k - 1]) == "of")
                    || listed_name_through(body, toks, k - 2, end, floor));
            if !goes_on {
                break;
            }
        }
    }
    let k = k + tentative;
    (k < end).then_some(k)
}

/// Whether `one of` at `one` opens a phrase ending (exclusive) at `end` in a plural: someone
/// of a group (`One of the operators`), not a noun phrase (`One of President Bush's election
/// pledges`).
pub(super) fn one_of_group(body: &str, toks: &[Token], one: usize, end: usize) -> bool {
    end > one + 2
        && lower(body, &toks[one]) == "one"
        && lower(body, &toks[one + 1]) == "of"
        && looks_plural(&lower(body, &toks[end - 1]))
}

/// Whether the capitalised words ending at `last` follow `of` or `for` after a speaker noun or
/// title: `the embassy of Kyrgyzstan`, `a spokeswoman for TotalEnergies`, so a place after
/// them (`... in Moscow`) is where the speaker is.
fn complement_of_speaker(body: &str, toks: &[Token], last: usize, floor: usize) -> bool {
    let Some(first) = (floor..=last)
        .rev()
        .take(4)
        .take_while(|&i| is_capitalized(toks[i].text(body)))
        .last()
    else {
        return false;
    };
    first >= floor + 2 && matches!(&*lower(body, &toks[first - 1]), "of" | "for") && {
        let head = lower(body, &toks[first - 2]);
        is_speaker_noun(&head) || is_title(&head)
    }
}

/// Whether the capitalised words ending at `last` (inclusive) open, with everything up to
/// `end` (exclusive), a name the gazetteer lists: `Friends of the Earth`, whose `the Earth`
/// is no phrase of its own.
fn listed_name_through(body: &str, toks: &[Token], last: usize, end: usize, floor: usize) -> bool {
    let tail = toks[end - 1].span.end;
    (floor..=last)
        .rev()
        .take(4)
        .take_while(|&i| is_capitalized(toks[i].text(body)))
        .any(|i| {
            crate::gazetteer::find(&body[toks[i].span.start..tail])
                .is_some_and(|(_, how)| how == crate::gazetteer::Naming::Name)
        })
}

/// A role with a complement in no word list: `a senior diplomat from a neighbouring
/// country`, `the head of the village`, `an executive at a cobalt refiner in Jiangsu
/// province`. The complement is a few words after a determiner or holding a place's name;
/// the role before its preposition is read as any speaker phrase, or is itself such a
/// complement. Returns the phrase's start, walking back from `end` (exclusive) no further
/// than `floor`.
fn complement_np_back(body: &str, toks: &[Token], end: usize, floor: usize) -> Option<usize> {
    const MAX_WORDS: usize = 5;
    let mut k = end;
    while k > floor && end - k < MAX_WORDS {
        let t = &toks[k - 1];
        if t.kind != TokenKind::Word || is_function_word(t.text(body)) {
            break;
        }
        k -= 1;
    }
    if k == end || k <= floor {
        return None;
    }
    // A determiner opens the complement, or a place names it (`in Jiangsu province`).
    let placed = (k..end).any(|i| is_capitalized(toks[i].text(body)));
    let det = if is_determiner(&lower(body, &toks[k - 1])) {
        k - 1
    } else if placed {
        k
    } else {
        return None;
    };
    let prep = det.checked_sub(1).filter(|&p| p > floor)?;
    if !matches!(
        &*lower(body, &toks[prep]),
        "of" | "from" | "at" | "in" | "for"
    ) {
        return None;
    }
    let role = lower(body, &toks[prep - 1]);
    if is_title(&role) || is_speaker_noun(&role) {
        return collect_np_back(body, toks, prep, floor);
    }
    // `One of the operators said`, `a spokesman for one of the largest operators`: one of a
    // group opens the clause, or is itself the complement of a speaker noun.
    if one_of_group(body, toks, prep - 1, end) {
        let one = prep - 1;
        if one == floor || toks[one - 1].kind == TokenKind::Punct {
            return Some(one);
        }
        let prep = one - 1;
        if prep > floor
            && matches!(&*lower(body, &toks[prep]), "for" | "of" | "at" | "from")
            && is_speaker_noun(&lower(body, &toks[prep - 1]))
        {
            return collect_np_back(body, toks, prep, floor);
        }
        return None;
    }
    // `a Malaysian official involved in the summit`: the speaker noun before the participle.
    if prep - 1 > floor && describes_speaker(body, toks, prep - 1) {
        return collect_np_back(body, toks, prep - 1, floor);
    }
    // A complement of a complement: `an executive at a cobalt refiner in Jiangsu province`.
    complement_np_back(body, toks, prep, floor)
}

/// Whether the token at `last` ends two or more capitalised words that are no body's name:
/// a person's (`Torbjorn Haereid`), which a phrase like `of the School` may follow.
fn named_person_before(body: &str, toks: &[Token], last: usize) -> bool {
    let cap = |i: usize| is_capitalized(toks[i].text(body));
    last >= 1
        && cap(last)
        && cap(last - 1)
        && !is_org_word(&lower(body, &toks[last]))
        && !is_org_word(&lower(body, &toks[last - 1]))
}

/// The most tokens an organisation's name is read back over from a join or a place: more
/// than any body's name holds, and a bound on the work each token asks for.
const ORG_NAME_REACH: usize = 8;

/// Whether the capitalised token at `last` ends an organisation's name (`the Norwegian School
/// of Economics`, `Chatham House`): capitalised words, with `of`, `for` and `and` between
/// them, run back from it over an organisation word. Then a place after it (`... in Bergen`)
/// is where the body is, not the speaker.
fn ends_org_name(body: &str, toks: &[Token], last: usize, floor: usize) -> bool {
    let mut j = last + 1;
    for _ in 0..ORG_NAME_REACH {
        if j <= floor {
            return false;
        }
        j -= 1;
        let w = &toks[j];
        let wl = lower(body, w);
        if is_capitalized(w.text(body)) {
            if is_org_word(&wl) {
                return true;
            }
        } else if !matches!(&*wl, "of" | "for" | "and") {
            return false;
        }
    }
    false
}

/// Whether the token at `at`, an `and` or a comma (the caller has read it) between two
/// capitalised words, joins the parts of one organisation's name: capitalised words (and more
/// joins) run back from it to `of` or `for` after an organisation word (`Ministry of Economy
/// and Finance`, `Department for Energy Security and Net Zero`). A list of names without such
/// a head (`Britain, France and Germany`) is not joined.
pub(super) fn joins_org_name(body: &str, toks: &[Token], at: usize, floor: usize) -> bool {
    let capitalized = |i: usize| toks.get(i).is_some_and(|t| is_capitalized(t.text(body)));
    if at <= floor || !capitalized(at + 1) || !capitalized(at - 1) {
        return false;
    }
    // A comma joins only a list that `and` closes (`of Science, Technology and Innovation`),
    // not a body and the name after it (`the House of Representatives, Saleh al-Abdali`).
    if toks[at].text(body) == "," {
        let closed = toks[at + 1..]
            .iter()
            .take(ORG_NAME_REACH)
            .find(|t| !is_capitalized(t.text(body)) && t.text(body) != ",")
            .is_some_and(|t| lower(body, t) == "and");
        if !closed {
            return false;
        }
    }
    let mut j = at;
    for _ in 0..ORG_NAME_REACH {
        if j <= floor {
            return false;
        }
        j -= 1;
        let w = &toks[j];
        let wl = lower(body, w);
        if matches!(&*wl, "of" | "for") {
            return j > floor && capitalized(j - 1) && is_org_word(&lower(body, &toks[j - 1]));
        }
        let continues = is_capitalized(w.text(body))
            || wl == "and"
            || (w.kind == TokenKind::Punct && w.text(body) == ",");
        if !continues {
            return false;
        }
    }
    false
}

/// A noun phrase whose head is in no word list but which a determiner or an owner opens:
/// `the ad's narrator`, `one questioner`, `the 34-year-old mother of three`, `Obama's former
/// campaign strategist`. Any such subject of a speech verb is its source, whatever the noun.
/// Returns the phrase's start, walking back from `end` (exclusive) no further than `floor`.
pub(super) fn determined_np_back(
    body: &str,
    toks: &[Token],
    end: usize,
    floor: usize,
) -> Option<usize> {
    const MAX_WORDS: usize = 7;
    if end <= floor || end > toks.len() {
        return None;
    }
    let plain = |i: usize| {
        let t = &toks[i];
        let tx = t.text(body);
        t.kind == TokenKind::Word
            && !is_capitalized(tx)
            && !is_function_word(tx)
            && !is_adverbial(tx)
            && !tx.ends_with("ly")
            && cue::lookup(tx).is_none()
    };
    let head = end - 1;
    let counted = |i: usize| toks[i].text(body).chars().any(char::is_alphabetic);
    // `mother of three`: a number after `of` ends the phrase; the noun before it heads it.
    let mut k = head;
    let number = |w: &str| {
        w.chars().all(|c| c.is_ascii_digit())
            || matches!(
                &*w.to_lowercase(),
                "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
            )
    };
    if number(toks[head].text(body)) || !counted(head) {
        let of = head.checked_sub(1).filter(|&o| o > floor)?;
        if lower(body, &toks[of]) != "of" {
            return None;
        }
        k = of;
    } else if !plain(head) || toks[head].text(body).chars().count() < 3 {
        return None;
    }
    // A bare cue form after an unknown word is a noun as often as a verb (`struck a cautious
    // note`); it is a verb after a plural subject only (`the organisers say`).
    // The verb must follow the phrase: after a comma it heads an aside (`The project,
    // nicknamed ...`, `The draft, put forward by ...`).
    // A relative `who` after the comma makes an indefinite phrase someone new who speaks (`A
    // senior public servant, who was not authorised to speak, said`); a definite one (`The
    // 27-year-old hairdresser, who ...`) is left to name whom it describes.
    let before_who = toks.get(end).is_some_and(|t| is_punct(body, t, &[","]));
    if before_who && !toks.get(end + 1).is_some_and(|t| lower(body, t) == "who") {
        return None;
    }
    let hl = lower(body, &toks[head]);
    let plural = looks_plural(&hl) && !hl.ends_with("us");
    let next = (end..toks.len())
        .find(|&i| !(toks[i].kind == TokenKind::Word && is_adverbial(toks[i].text(body))));
    let cue = next.and_then(|i| {
        let l = lower(body, &toks[i]);
        cue::lookup(&l).map(|(class, base)| (class, base == &*l))
    });
    match cue {
        Some((_, true)) if !plural => return None,
        // Naming verbs take any subject (`a section locals call "the zipper line"`): only
        // a known speaker makes their object someone's words.
        Some((CueClass::QuoteOnly, _)) => return None,
        _ => {}
    }
    // The phrase must open its clause: after a word it is that word's object (`the minister
    // who chairs the dialogue said`).
    let opens_clause = |i: usize| {
        i == floor
            || toks[i - 1].kind == TokenKind::Punct
            || matches!(
                &*lower(body, &toks[i - 1]),
                "and" | "but" | "then" | "so" | "while" | "when" | "as" | "because" | "after"
            )
    };
    let mut words = 0;
    while k > floor && words < MAX_WORDS {
        let i = k - 1;
        let t = &toks[i];
        let tx = t.text(body);
        let tl = tx.to_lowercase();
        if t.kind == TokenKind::Punct {
            // Only a hyphen joining two words: `34-year-old`.
            let joined = tx == "-"
                && i > floor
                && toks[i - 1].span.end == t.span.start
                && t.span.end == toks[i + 1].span.start;
            if !joined {
                return None;
            }
            k = i;
            continue;
        }
        let possessive = is_possessive(&tl);
        if is_article(&tl) || tl == "one" {
            let indefinite = matches!(&*tl, "a" | "an" | "one");
            return (opens_clause(i) && (indefinite || !before_who)).then_some(i);
        }
        if possessive {
            // The owner: `the ad's`, `Barack Obama's`.
            let mut s = i;
            while s > floor && {
                let p = toks[s - 1].text(body);
                toks[s - 1].kind == TokenKind::Word
                    && (is_capitalized(p) || matches!(&*p.to_lowercase(), "the" | "a" | "an"))
                    && !starts_no_name(&p.to_lowercase())
            } {
                s -= 1;
                if matches!(&*lower(body, &toks[s]), "the" | "a" | "an") {
                    break;
                }
            }
            return (opens_clause(s) && !before_who).then_some(s);
        }
        let ok = if is_capitalized(tx) {
            !starts_no_name(&tl) && !is_function_word(tx)
        } else {
            plain(i) || tx.chars().all(|c| c.is_ascii_digit())
        };
        if !ok {
            return None;
        }
        if counted(i) {
            words += 1;
        }
        k = i;
    }
    None
}

/// Whether the word at `at` is a participle describing the speaker noun before it (`an
/// official involved in ...`, `a diplomat based in ...`).
fn describes_speaker(body: &str, toks: &[Token], at: usize) -> bool {
    at >= 1 && toks[at].kind == TokenKind::Word && lower(body, &toks[at]).ends_with("ed") && {
        let head = lower(body, &toks[at - 1]);
        is_title(&head) || is_speaker_noun(&head)
    }
}

/// Whether the word at `at` is a participle after a speaker noun, followed by where the
/// speaker is: `a diplomat based in Addis Ababa`, `officials stationed in Kabul`.
pub(super) fn based_at(body: &str, toks: &[Token], at: usize) -> bool {
    describes_speaker(body, toks, at)
        && toks
            .get(at + 1)
            .is_some_and(|t| matches!(&*lower(body, t), "in" | "at"))
}

/// Whether the `from` at `prep` says where the person of a determined phrase of plain
/// words before it is from: `A farmer from Iowa said`, `The unnamed woman from Georgia says`.
/// The speaker is that person, not the place (a role noun the lists know is taken anyway).
/// A document, a remark or a sign from someone (`an email from Neera Tanden`) is theirs, and
/// so is anything from a person the name lists know (`a lesson from Loretta Lynch`).
pub(super) fn from_place(body: &str, toks: &[Token], prep: usize, floor: usize) -> bool {
    use super::words::{is_document_noun, is_medium_noun, is_sign_noun, is_speech_noun};
    prep > floor + 1
        && lower(body, &toks[prep]) == "from"
        && toks.get(prep + 1).is_some_and(|t| {
            is_capitalized(t.text(body))
                && super::mention::gender_of_given(t.text(body)) == super::mention::Gender::Unknown
        })
        && {
            let head = lower(body, &toks[prep - 1]);
            !(is_document_noun(&head)
                || is_medium_noun(&head)
                || is_sign_noun(&head)
                || is_speech_noun(&head))
        }
        && determined_np_back(body, toks, prep, floor).is_some()
}

/// A speaker phrase starting at token index `start`, going forward (post-posed speakers:
/// `said Putin`, `said the deputy minister, Pavel Kuzmin`).
pub(crate) fn np_after(body: &str, toks: &[Token], start: usize) -> Option<(usize, usize)> {
    // No further than a phrase is long: a run of thousands of capitalised words after each of
    // a sentence's cues is read once per cue only so far.
    let toks = &toks[..toks.len().min(start.saturating_add(PHRASE_REACH))];
    let mut k = start;
    let mut seen_head = false;
    while k < toks.len() {
        let t = &toks[k];
        let tx = t.text(body);
        let tl = tx.to_lowercase();
        if tx == "(" && seen_head {
            // `said Rep. Jim Jordan (R-Ohio)`.
            if let Some(close) = (k + 1..toks.len())
                .take(8)
                .find(|&i| toks[i].text(body) == ")")
            {
                k = close + 1;
                continue;
            }
        }
        let ok = if seen_head && (tl == "and" || tx == ",") && joins_org_name(body, toks, k, start)
        {
            true
        } else if t.kind == TokenKind::Punct {
            let glued = k > start && toks[k - 1].span.end == t.span.start;
            let name_next = toks
                .get(k + 1)
                .is_some_and(|n| is_capitalized(n.text(body)));
            ((tx == "." && glued && toks[k - 1].text(body).len() <= 3)
                || (k > start && plural_owner(body, &toks[k - 1], t)))
                && name_next
        } else if is_capitalized(tx) {
            !(seen_head && is_adverbial(tx))
                || (k > start && super::mention::surname_after_given(toks[k - 1].text(body), tx))
        } else if seen_head && is_particle(&tl) {
            // `said the deputy prime minister, Hermenegildo Pereira da Silva`.
            toks.get(k + 1)
                .is_some_and(|n| is_capitalized(n.text(body)))
        } else if k == start && matches!(tl.as_str(), "he" | "she" | "they" | "it" | "we") {
            // `"...," said he.` but not `said it was "resolutely opposed"`, where the pronoun
            // opens the reported clause.
            let ends = toks.get(k + 1).is_none_or(|n| n.kind == TokenKind::Punct);
            return ends.then_some((k, k + 1));
        } else {
            is_determiner(&tl)
                || is_title(&tl)
                || is_speaker_noun(&tl)
                || is_nominal_modifier(&tl)
                || (!seen_head && k > start && descriptor_before_head(body, toks, k))
                || (matches!(tl.as_str(), "of" | "for" | "in" | "at")
                    && seen_head
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| is_capitalized(n.text(body)) || lower(body, n) == "the"))
                || is_possessive(&tl)
        };
        if !ok {
            break;
        }
        if t.kind == TokenKind::Word && (is_capitalized(tx) || is_speaker_noun(&tl)) {
            seen_head = true;
        }
        k += 1;
    }
    // Include a following name apposition: `said the deputy minister, Pavel Kuzmin`.
    if seen_head
        && k + 1 < toks.len()
        && is_punct(body, &toks[k], &[","])
        && is_capitalized(toks[k + 1].text(body))
        && !is_capitalized(toks[k - 1].text(body))
    {
        if let Some((_, e)) = np_after(body, toks, k + 1) {
            if (k + 1..e).all(|i| {
                let w = toks[i].text(body);
                toks[i].kind == TokenKind::Word
                    && (is_capitalized(w) || (i > k + 1 && is_particle(&w.to_lowercase())))
            }) {
                return Some((start, e));
            }
        }
    }
    while k > start
        && toks[k - 1].kind == TokenKind::Word
        && !is_capitalized(toks[k - 1].text(body))
        && !is_speaker_noun(&lower(body, &toks[k - 1]))
    {
        k -= 1;
    }
    (seen_head && k > start).then_some((start, k))
}

/// A word that can only describe: no function word, adverbial or cue.
pub(crate) fn is_plain_word(body: &str, t: &Token) -> bool {
    t.kind == TokenKind::Word
        && !is_function_word(t.text(body))
        && !is_adverbial(t.text(body))
        && cue::lookup(t.text(body)).is_none()
}

/// Whether the lower-case word at `k`, after a determiner or another such word, describes a
/// speaker noun right after it (at most two such words): `said a longtime adviser`, `said a
/// veteran party strategist`; not `said the deal would hurt farmers`.
fn descriptor_before_head(body: &str, toks: &[Token], k: usize) -> bool {
    let plain = |i: usize| {
        toks.get(i).is_some_and(|t| {
            is_plain_word(body, t)
                && !is_capitalized(t.text(body))
                && !is_speaker_noun(&lower(body, t))
        })
    };
    let head = |i: usize| {
        toks.get(i)
            .is_some_and(|t| is_speaker_noun(&lower(body, t)))
    };
    let after_det = |i: usize| i > 0 && is_determiner(&lower(body, &toks[i - 1]));
    plain(k)
        && ((after_det(k) && (head(k + 1) || (plain(k + 1) && head(k + 2))))
            || (plain(k - 1) && after_det(k - 1) && head(k + 1)))
}

/// Like [`np_after`], and also a name after lower-case descriptors, which are left out of the
/// mention: `said 9/11 widow Terry Strada`, `according to conservative talk radio host Rush
/// Limbaugh`.
pub(crate) fn np_after_described(
    body: &str,
    toks: &[Token],
    start: usize,
) -> Option<(usize, usize)> {
    if let Some(r) = np_after(body, toks, start) {
        return Some(r);
    }
    let mut k = start;
    while k < toks.len() && k - start < 6 {
        let t = &toks[k];
        let tx = t.text(body);
        if is_capitalized(tx) {
            break;
        }
        let tl = lower(body, t);
        let descriptor = (t.kind == TokenKind::Word
            && !is_function_word(&tl)
            && !is_subject_pronoun(&tl)
            && tl != "you"
            && cue::lookup(&tl).is_none())
            || (k > start && matches!(tx, "/" | "-"));
        if !descriptor {
            return None;
        }
        k += 1;
    }
    if k == start || k >= toks.len() || !is_capitalized(toks[k].text(body)) {
        return None;
    }
    let (_, e) = np_after(body, toks, k)?;
    // A name of two capitalised words at least, so a sentence's next word is not taken.
    (e - k >= 2
        && toks[k..e]
            .iter()
            .all(|t| t.kind == TokenKind::Word && is_capitalized(t.text(body))))
    .then_some((k, e))
}

/// A lower-case particle inside a name: `Pieter du Plessis`, `Ursula von der Leyen`.
pub(super) fn is_particle(lower: &str) -> bool {
    !lower.chars().any(char::is_uppercase) && super::words::is_name_particle(lower)
}

/// A relative pronoun that can open a speaker's clause (`who said`, `which warned`).
pub(super) fn is_relative(lower: &str) -> bool {
    matches!(lower, "who" | "which")
}

/// A capitalised word that names nobody on its own: an article or an honorific ("The", "Mr").
fn names_nobody(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    let w = possessive_stem(w).unwrap_or(w).to_lowercase();
    matches!(w.as_str(), "" | "the" | "mr" | "mrs" | "ms" | "dr")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{tokens, Span};

    fn toks(s: &str) -> Vec<Token> {
        tokens(s, Span::new(0, s.len()))
    }

    #[test]
    fn a_phrase_after_a_cue_is_read_no_further_than_a_phrase_is_long() {
        let s = "said the deputy minister, Pavel Kuzmin, on Monday";
        assert_eq!(np_after(s, &toks(s), 1), Some((1, 7)));
        let s = format!("said {}today", "Cat ".repeat(1000));
        let t = toks(&s);
        let (a, b) = np_after(&s, &t, 1).unwrap();
        assert_eq!(a, 1);
        assert!(b - a <= PHRASE_REACH);
        let s = format!("said {}today", "Cat ".repeat(PHRASE_REACH - 1));
        assert_eq!(np_after(&s, &toks(&s), 1), Some((1, PHRASE_REACH)));
    }
}
