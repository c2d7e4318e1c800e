//! Who is on stage: the named people and bodies of a sentence ("Defense Minister Sergei
//! Ivanov", "Mr Putin", "the State Department"), found so that later pronouns and roles can
//! refer to them. A place or a listener after a preposition or `told` is not one.

use super::cue;
use super::mention::{
    gender_of_given, is_function_word, is_org_word, is_title, parse_mention, ActorKind, Gender,
    Mention,
};
use super::token::is_capitalized;
use super::words::{is_firm_noun, is_sentence_adverb};
use crate::text::{is_possessive, possessive_stem, Span};
use crate::text::{Token, TokenKind};

/// Scans a run of tokens for named people and organisations ("Defense Minister Sergei Ivanov",
/// "Mr Putin", "Ana Ruiz") so the resolver knows who is on stage. Returns mentions in order.
pub(super) fn scan_names(body: &str, toks: &[Token]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let w = toks[i].text(body);
        if toks[i].kind != TokenKind::Word || !is_capitalized(w) || is_function_word(w) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < toks.len() {
            let t = toks[j];
            let tw = t.text(body);
            // `of` inside an office: "Minister of Territorial Administration Daouda ...".
            // `Minister of Defence`, and a body's `of`: `Kenya Association of Manufacturers`.
            let office_of = tw == "of"
                && j > start
                && {
                    let prev = toks[j - 1].text(body).to_lowercase();
                    is_title(&prev) || is_org_word(&prev)
                }
                && toks
                    .get(j + 1)
                    .is_some_and(|n| is_capitalized(n.text(body)));
            // Particles inside a name: "Hermenegildo Pereira da Silva", "Joris van der Meulen".
            let particle = j > start
                && super::phrase::is_particle(tw)
                && toks[j + 1..]
                    .iter()
                    .take(3)
                    .find(|n| !super::phrase::is_particle(n.text(body)))
                    .is_some_and(|n| is_capitalized(n.text(body)));
            let ok = t.kind == TokenKind::Word && (is_capitalized(tw) || office_of || particle)
                || (t.kind == TokenKind::Punct
                    && tw == "."
                    && j > start
                    && toks[j - 1].span.end == t.span.start
                    && toks[j - 1].text(body).len() <= 3);
            let surname =
                j > start && super::mention::surname_after_given(toks[j - 1].text(body), tw);
            if !ok || (j > start && is_function_word(tw) && !office_of && !particle && !surname) {
                break;
            }
            j += 1;
        }
        // A sentence adverb or a cue opening the run is not part of the name ("Separately
        // Beijing", "Said Dorothy Poynter").
        let mut start = start;
        while start + 1 < j
            && (is_sentence_adverb(toks[start].text(body))
                || cue::lookup(toks[start].text(body)).is_some()
                || (start == 0 && j <= 3 && opening_participle(toks[start].text(body))))
        {
            start += 1;
        }
        // A possessive ends the name it closes: "Tony Blair's feud" names Tony Blair.
        let mut owned: Vec<Token> = toks[start..j].to_vec();
        if let Some(last) = owned.last_mut() {
            let w = last.text(body);
            let stem = possessive_stem(w);
            if let Some(stem) = stem.filter(|s| !s.is_empty()) {
                last.span = Span::new(last.span.start, last.span.start + stem.len());
            }
        }
        // `Minister for Europe Claire Varennes`: after an office's preposition, the words
        // before a given name are the office's domain, not the name.
        let office_for = start >= 2
            && matches!(&*toks[start - 1].text(body).to_lowercase(), "for" | "of")
            && is_title(&toks[start - 2].text(body).to_lowercase());
        let domain = if office_for {
            (1..owned.len().saturating_sub(1))
                .find(|&p| {
                    owned[p].kind == TokenKind::Word
                        && gender_of_given(owned[p].text(body)) != Gender::Unknown
                })
                .unwrap_or(0)
        } else {
            0
        };
        let run = &owned[domain..];
        let run_words: Vec<&str> = run
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(body))
            .collect();
        let has_title = run_words.iter().any(|w| is_title(&w.to_lowercase()));
        let given = run_words
            .iter()
            .map(|w| gender_of_given(w))
            .find(|g| *g != Gender::Unknown);
        // After a preposition or `told`, a capitalised run is a place, a body or a listener
        // ("in Port Moresby", "at the Bangladesh University", "told Fraternite Matin").
        // Skip what may stand between the preposition and the name: "told the daily
        // Fraternite Matin", "told the BBC's Sarah Pemberton".
        let mut b = start;
        let mut skipped = 0;
        while b > 0 && skipped < 3 {
            let prev = &toks[b - 1];
            let pl = prev.text(body).to_lowercase();
            let modifier = matches!(pl.as_str(), "the" | "a" | "an")
                || (prev.kind == TokenKind::Word
                    && !is_capitalized(prev.text(body))
                    && !is_function_word(&pl)
                    && cue::lookup(&pl).is_none()
                    && skipped < 2)
                || is_possessive(&pl);
            if !modifier {
                break;
            }
            b -= 1;
            skipped += 1;
        }
        let after_preposition = b > 0
            && matches!(
                toks[b - 1].text(body).to_lowercase().as_str(),
                "in" | "at"
                    | "of"
                    | "from"
                    | "to"
                    | "for"
                    | "by"
                    | "with"
                    | "on"
                    | "about"
                    | "into"
                    | "told"
                    | "tell"
                    | "tells"
                    | "near"
                    | "across"
                    | "toward"
                    | "towards"
            );
        // `For Jaroslav Novák, chairman of the union, the matter is simple.`: a fronted
        // `For` and a name before a comma is the person the sentence is about.
        let after_preposition = after_preposition
            && !(b == 1
                && toks[0].text(body) == "For"
                && run_words.len() >= 2
                && toks.get(j).is_some_and(|n| n.text(body) == ","));
        // `a West Virginia mining association`, `an Ontario farm group`: after `a` and before
        // a lower-case noun, the capitalised words modify that noun and name nobody.
        let modifies_noun = start > 0
            && matches!(
                toks[start - 1].text(body).to_lowercase().as_str(),
                "a" | "an"
            )
            && toks.get(j).is_some_and(|n| {
                let nw = n.text(body);
                n.kind == TokenKind::Word
                    && !is_capitalized(nw)
                    && !is_function_word(nw)
                    && cue::lookup(nw).is_none()
            });
        // `logistics firm Nordhavn Freight`, `mobile operator Kestrelcom`: a name a company
        // noun introduces is the organisation's, also when it is one word.
        let firm = start > 0
            && !has_title
            && given.is_none()
            && toks[start - 1].kind == TokenKind::Word
            && !is_capitalized(toks[start - 1].text(body))
            && is_firm_noun(toks[start - 1].text(body));
        // `Senator Ifeanyi Ezenwa (Anambra North)`: a run in brackets right after a name is
        // the constituency, state or party the person stands for, and names nobody.
        let label = start >= 2
            && toks[start - 1].text(body) == "("
            && toks[start - 2].kind == TokenKind::Word
            && is_capitalized(toks[start - 2].text(body));
        // `Lamin, a 24-year-old motorbike taxi driver,`, `Sanaa, 31,`: one word the given-name
        // lists do not hold, described as a person.
        let described = run_words.len() == 1
            && !after_preposition
            && !has_title
            && given.is_none()
            && described_as_person(body, &toks[j..]);
        let named = has_title
            || given.is_some()
            || firm
            || described
            || (run_words.len() >= 2 && !after_preposition);
        if named && !modifies_noun && !label {
            if let Some(mut m) = parse_mention(body, run) {
                if firm {
                    m.kind = ActorKind::Organisation;
                }
                let person = m.kind == ActorKind::Person
                    && (!after_preposition || has_title || given.is_some());
                let body_name = m.kind == ActorKind::Organisation
                    && (firm || m.name.as_ref().is_some_and(|n| n.contains(' ')));
                if m.name.is_some() && (person || body_name) {
                    out.push(m);
                }
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// Whether the tokens after a name open an apposition that describes a person: an age
/// between commas (`, 31,`) or `, a`/`, an` and a few lower-case words holding an age
/// (`24-year-old`) or a noun for a person (`driver`, `teacher`), and no body's word.
fn described_as_person(body: &str, after: &[Token]) -> bool {
    let text = |k: usize| after.get(k).map_or("", |t| t.text(body));
    if text(0) != "," {
        return false;
    }
    let age = |w: &str| !w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
    if age(text(1)) && text(2) == "," {
        return true;
    }
    if !matches!(text(1), "a" | "an") {
        return false;
    }
    let mut person = false;
    for t in after.iter().skip(2).take(8) {
        let w = t.text(body);
        if w == "," {
            return person;
        }
        let l = w.to_lowercase();
        if t.kind != TokenKind::Word || is_capitalized(w) || is_org_word(&l) || is_firm_noun(&l) {
            return false;
        }
        person |= l.ends_with("-year-old") || super::words::is_speaker_noun_word(&l);
    }
    false
}

/// A participle or adjective in `-ed` opening a sentence or headline before a short name
/// ("Understated Perez raises his profile", "Embattled Hillary Clinton"): it describes the
/// person and is no part of the name. Given names so formed (`Ahmed`, `Mohammed`) stay, and
/// so does a longer run, which may hold a title (`Retired Army Col. Lawrence Wilkerson`).
fn opening_participle(word: &str) -> bool {
    word.len() >= 7
        && word.ends_with("ed")
        && word.chars().all(char::is_alphabetic)
        && gender_of_given(word) == Gender::Unknown
}
