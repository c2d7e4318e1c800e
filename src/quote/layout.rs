//! The parts of an article that can hold speech: paragraphs without site furniture
//! ("Last Updated: ...") or datelines ("MUNICH, Germany -- "), and transcript turns
//! (`WALLACE: ...`), whose label names the speaker.

use crate::text::Span;
use regex::Regex;
use std::sync::OnceLock;

/// Site furniture that is never speech: "Last Updated: ...", "Get the latest updates ...".
fn boilerplate() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^[\s.\-|•·]*(last updated|updated|published|posted|get the latest|share this|share on|follow us|subscribe|sign up|click here|read more|read the rest|advertisement|sponsored|related:|related stories|copyright|all rights reserved|©|image caption|media caption|image copyright|photo:|file photo|watch:|listen:|skip to|cookies)",
        )
        .expect("static regex")
    })
}

/// Whether a paragraph is site furniture.
pub(super) fn is_boilerplate(paragraph: &str) -> bool {
    boilerplate().is_match(paragraph)
}

/// A dateline at the start of a paragraph: "MUNICH, Germany -- ", "OSLO (Reuters) - ",
/// "MLADÁ BOLESLAV, Czech Republic — ", "WASHINGTON, Dec. 8 (UPI) — ", and a place in title
/// case when an agency's one-word name follows it: "Washington (AFP) – ".
pub(super) fn dateline() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?:\p{Lu}[\p{Lu}.'\- ]{1,40}(?:,\s*\p{Lu}[\p{L}\p{N}.\- ]{1,30})?\s*(?:\([A-Za-z.&' ]{1,30}\))?|\p{Lu}[^()\n]{1,30}\([A-Z][A-Za-z]{1,11}\))\s*(?:--|—|–|-|:)\s+",
        )
        .expect("static regex")
    })
}

/// A transcript turn: `WALLACE: But, Governor, ...`, `CALLER (KAREN, BALLARAT): Hi.` (a
/// speaker label in capitals and a colon opening the paragraph, after an optional quotation
/// mark; a name in brackets after a role names the speaker, and a role in brackets after a
/// name says what the named speaker is: `PÉPÉ LOUA (CALLER):`, `GORAN (caller):`).
fn transcript_label() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // `McILWAINE:` keeps the small letter of its prefix.
        let word = r"(?:Ma?c)?\p{Lu}[\p{Lu}'\u{2019}.\-]+";
        Regex::new(&format!(
            r#"^["\u{{201c}}]?({word}(?: {word}){{0,2}})(?: \((?:({word}(?: {word}){{0,2}})(?:,[^)]{{0,40}})?|\p{{Ll}}[\p{{Ll}} ]{{0,30}})\))?(:)\s+\S"#
        ))
        .expect("static regex")
    })
}

/// Capitalised labels that head a paragraph without being speakers.
fn is_furniture_label(label: &str) -> bool {
    matches!(
        label,
        "UPDATE"
            | "UPDATED"
            | "NOTE"
            | "EDITOR'S NOTE"
            | "EDITOR\u{2019}S NOTE"
            | "CORRECTION"
            | "PHOTO"
            | "PHOTOS"
            | "VIDEO"
            | "WATCH"
            | "READ MORE"
            | "RELATED"
            | "SOURCE"
            | "SOURCES"
            | "BREAKING"
            | "ALSO"
            | "WARNING"
            | "CLARIFICATION"
    )
}

/// Whether a paragraph opens with a capitalised label and a colon, a speaker's or not
/// (`UPDATE: ...`).
pub(super) fn has_label(paragraph: &str) -> bool {
    transcript_label().is_match(paragraph)
}

/// The speaker label and the words of a transcript turn, if the paragraph is one.
pub(super) fn transcript_turn(body: &str, para: Span) -> Option<(Span, Span)> {
    let text = para.text(body);
    let caps = transcript_label().captures(text)?;
    let role = caps.get(1)?;
    let label = caps
        .get(2)
        .filter(|b| {
            let l = b.as_str().to_lowercase();
            !(super::words::is_speaker_noun_word(&l) || super::mention::is_title(&l))
        })
        .unwrap_or(role);
    let colon = caps.get(3)?;
    let letters = label.as_str().chars().filter(|c| c.is_alphabetic()).count();
    if is_furniture_label(role.as_str()) || letters < 3 {
        return None;
    }
    let rest = &text[colon.end()..];
    let lead = rest.len() - rest.trim_start().len();
    let words = rest.trim().trim_end_matches(['"', '\u{201d}']).trim_end();
    if words.split_whitespace().count() < 2 {
        return None;
    }
    let start = para.start + colon.end() + lead;
    Some((
        Span::new(para.start + label.start(), para.start + label.end()),
        Span::new(start, start + words.len()),
    ))
}

/// A headline giving a claim to its speaker: `Lavrov: West is pushing Kyiv to war`,
/// `Clinton to Planned Parenthood: Trump will reverse Roe v. Wade`, `EXCLUSIVE – Roger
/// Stone: Don't trust the voting machines`. One line, a name of one to three capitalised
/// words (not a label such as `Analysis` or `Update`), and a claim of three words or more.
fn headline_label() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let word = r"\p{Lu}[\p{L}'\u{2019}.\-]*";
        Regex::new(&format!(
            r"^(?:\p{{Lu}}+ [\u{{2013}}\u{{2014}}-] )?({word}(?: {word}){{0,2}})(?: to [^:\n]{{1,40}})?: (\S[^\n]*)$"
        ))
        .expect("static regex")
    })
}

/// The speaker's name and the claim of a headline paragraph, if it is one (see
/// [`headline_label`]).
pub(super) fn headline_claim(body: &str, para: Span) -> Option<(Span, Span)> {
    let text = para.text(body);
    let caps = headline_label().captures(text)?;
    let (name, claim) = (caps.get(1)?, caps.get(2)?);
    let upper = name.as_str().to_uppercase();
    let label = is_furniture_label(&upper)
        || matches!(
            upper.as_str(),
            "ANALYSIS"
                | "OPINION"
                | "EXCLUSIVE"
                | "EXPLAINER"
                | "FACTBOX"
                | "FACT CHECK"
                | "LIVE"
                | "COMMENT"
                | "INTERVIEW"
                | "REVIEW"
                | "EDITORIAL"
                | "TIMELINE"
                | "QUOTES"
                | "Q"
                | "A"
        );
    let words = claim.as_str().trim_end();
    if label || words.split_whitespace().count() < 3 {
        return None;
    }
    Some((
        Span::new(para.start + name.start(), para.start + name.end()),
        Span::new(
            para.start + claim.start(),
            para.start + claim.start() + words.len(),
        ),
    ))
}

/// A name from a transcript label: `WALLACE` -> `Wallace`, `MIKE PENCE` -> `Mike Pence`,
/// `McILWAINE` -> `McIlwaine`.
pub(super) fn label_name(label: &str) -> String {
    label
        .split(' ')
        .map(|w| {
            let (prefix, w) = ["Mc", "Mac"]
                .into_iter()
                .find_map(|p| {
                    let rest = w.strip_prefix(p)?;
                    rest.starts_with(char::is_uppercase).then_some((p, rest))
                })
                .unwrap_or(("", w));
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => prefix
                    .chars()
                    .chain(f.to_uppercase())
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}
