//! Finding the statements of one article: the article is cut into paragraphs (site furniture
//! dropped, datelines skipped), quoted regions are paired, and each sentence is read for its
//! attribution frame ([`super::frame`]). Transcript turns (`WALLACE: ...`) belong to their
//! labels. Every named person and body is noted on the way, for the actor stage.

use super::frame;
use super::layout::{
    dateline, has_label, headline_claim, is_boilerplate, label_name, transcript_turn,
};
use super::marks::{self, Region};
use super::mention::{parse_mention, ActorKind, Gender, Mention, Pronoun};
use super::names::scan_names;
use super::phrase::np_after;
use super::speaker::mention_of;
use super::subject::subject_np;
use super::token::is_capitalized;
use super::token::DASHES;
use super::{Extraction, Form, Frame, Named, Place, QuoteKind, Statement};
use crate::text::Span;
use crate::text::{self, Cover, Token, TokenKind};

/// Reads one article body into its statements and named mentions, in text order.
pub(crate) fn find(body: &str) -> Extraction {
    let raw: Vec<Span> = text::paragraphs(body)
        .into_iter()
        .filter(|p| !is_boilerplate(p.text(body)))
        .collect();
    // Transcript turns (`WALLACE: ...`) come in exchanges: with fewer than two, a capitalised
    // label is a dateline (`WASHINGTON: ...`).
    let labelled: Vec<Option<(Span, Span)>> =
        raw.iter().map(|p| transcript_turn(body, *p)).collect();
    let exchange = labelled.iter().flatten().count() >= 2;
    let paragraphs: Vec<Span> = raw
        .iter()
        .zip(&labelled)
        .map(|(&p, turn)| match dateline().find(p.text(body)) {
            _ if exchange && turn.is_some() => p,
            Some(m) if m.end() < p.len() => Span::new(p.start + m.end(), p.end),
            _ => p,
        })
        .collect();
    let regions = marks::regions(body, &paragraphs);
    let release = super::release::is_release(body);

    let mut named: Vec<Named> = Vec::new();
    let mut statements: Vec<Statement> = Vec::new();
    let mut sentence = 0;
    // The speaker of the transcript turn going on, if any.
    let mut speaking: Option<Mention> = None;
    for (pi, para) in paragraphs.iter().enumerate() {
        let place = Place {
            paragraph: pi,
            sentence,
        };
        let turn = labelled[pi].filter(|_| exchange);
        if let Some((label, _)) = turn {
            let mention = Mention {
                span: label,
                pronoun: None,
                name: Some(label_name(label.text(body))),
                titles: Vec::new(),
                role: None,
                kind: ActorKind::Person,
                gender: Gender::Unknown,
                indefinite: false,
            };
            named.push(Named {
                mention: mention.clone(),
                salient: true,
                known_only: false,
                place,
            });
            speaking = Some(mention);
        }
        let mut read = read_paragraph(body, *para, place, &regions, &mut named);
        if release && !exchange {
            for (k, (s, found)) in read.iter_mut().enumerate() {
                if found.is_empty() {
                    let at = Place {
                        paragraph: pi,
                        sentence: place.sentence + k,
                    };
                    found.extend(super::release::issuer_voice(body, *s, at));
                }
            }
        }
        // Quotations the paragraph leaves unattributed go to a credit line under them. The
        // next paragraph is read for one only when there is such a quotation.
        let unattributed =
            |st: &Statement| st.kind == QuoteKind::Direct && matches!(st.frame, Frame::Inherit);
        let credit = || paragraphs.get(pi + 1).and_then(|p| credit_line(body, *p));
        if let Some((mention, dash)) = read
            .iter()
            .flat_map(|r| &r.1)
            .any(unattributed)
            .then(credit)
            .flatten()
        {
            for st in read.iter_mut().flat_map(|r| &mut r.1) {
                if unattributed(st) {
                    st.frame = Frame::Said {
                        mention: mention.clone(),
                        cue: Some(dash),
                        form: Form::Tail,
                    };
                }
            }
        }
        if pi == 0 && paragraphs.len() > 1 && is_headline(body, *para) {
            for st in read.iter_mut().flat_map(|r| &mut r.1) {
                unnamed_in_headline(body, st);
            }
        }
        sentence = place.sentence + read.len();
        // A headline giving a claim to its speaker (`Lavrov: West is pushing Kyiv to war`)
        // is that speaker's statement, and only that.
        let headline = (pi == 0 && !exchange)
            .then(|| headline_claim(body, *para))
            .flatten()
            .and_then(|(label, claim)| {
                let toks = text::tokens(body, label);
                let mention = parse_mention(body, &toks).filter(|m| m.name.is_some())?;
                Some(Statement {
                    kind: QuoteKind::Indirect,
                    spans: vec![claim],
                    frame: Frame::Said {
                        mention,
                        cue: Some(Span::new(claim.start - 2, claim.start - 1)),
                        form: Form::Reported,
                    },
                    place,
                    denied: false,
                })
            });
        if let Some(st) = headline {
            statements.push(st);
            continue;
        }
        let said = |s: &Statement| matches!(s.frame, Frame::Said { .. });
        // In a turn, `I` and `we` are the turn's speaker: `I'd say: stay in.`
        let others = |s: &Statement| match &s.frame {
            Frame::Said { mention, .. } => {
                !matches!(mention.pronoun, Some(Pronoun::I | Pronoun::We))
            }
            _ => false,
        };
        // A paragraph after a turn that attributes nothing itself, and has no label of its
        // own (`UPDATE: ...`), goes on with the turn.
        if turn.is_none()
            && (has_label(raw[pi].text(body)) || read.iter().flat_map(|r| &r.1).any(said))
        {
            speaking = None;
        }
        let Some(mention) = speaking.as_ref().filter(|_| exchange) else {
            statements.extend(read.into_iter().flat_map(|r| r.1));
            continue;
        };
        // Within a turn, a sentence with a frame of its own is read as any sentence is
        // (`HOST: Keidanren called the deal "long overdue".`); the others are the speaker's
        // words, each run of them one statement.
        let from = turn.map_or(para.start, |(_, words)| words.start);
        let mut run: Option<Span> = None;
        for (s, found) in read {
            // A condition (`If the courts say ..., we will win it.`) and an act reported by
            // its verb with no quotation in it (`the people have asked for it`) stay the
            // speaker's own words.
            let own = opens_condition(&body[s.start.max(from)..s.end.max(from)])
                || found.iter().all(|st| match &st.frame {
                    Frame::Said {
                        cue: Some(cue),
                        form: Form::Reported,
                        ..
                    } => {
                        st.kind != QuoteKind::Partial
                            && st.spans.first().is_some_and(|w| w.start == cue.start)
                    }
                    _ => false,
                });
            if !own && found.iter().any(others) {
                statements.extend(run.take().map(|r| turn_statement(mention, r, place)));
                statements.extend(found.into_iter().filter(others));
                continue;
            }
            let s = Span::new(s.start.max(from), s.end);
            if s.start < s.end {
                run = Some(run.map_or(s, |r| Span::new(r.start, s.end)));
            }
        }
        statements.extend(run.map(|r| turn_statement(mention, r, place)));
    }
    Extraction { statements, named }
}

/// A credit line under a quotation, as digests and fact checks print them (`- Senator
/// Ilse Marlow.`, `-Governor Tomas Reyes, writing after the debate.`): a paragraph that opens with a
/// dash and a name, with nothing after the name but a comma or a full stop. Returns the name
/// and the dash.
fn credit_line(body: &str, para: Span) -> Option<(Mention, Span)> {
    if !para
        .text(body)
        .trim_start()
        .starts_with(|c: char| DASHES.iter().any(|d| d.starts_with(c)))
    {
        return None;
    }
    let toks = text::tokens(body, para);
    let dash = toks
        .first()
        .filter(|t| t.kind == TokenKind::Punct && DASHES.contains(&t.text(body)))?;
    let r = np_after(body, &toks, 1).filter(|r| r.0 == 1)?;
    if toks
        .get(r.1)
        .is_some_and(|t| !matches!(t.text(body), "," | "."))
    {
        return None;
    }
    let m = mention_of(body, &toks, r).filter(|m| m.pronoun.is_none() && m.name.is_some())?;
    Some((m, dash.span))
}

/// Whether a first paragraph, with more after it, is a headline: short and without the full
/// stop of a sentence.
fn is_headline(body: &str, para: Span) -> bool {
    let text = para.text(body).trim_end();
    let closed = text
        .trim_end_matches(['"', '\'', '\u{2019}', '\u{201d}'])
        .ends_with(['.', '!', '?']);
    !closed && text.split_whitespace().count() <= 14
}

/// In a headline a past form is passive (`Parties warned over 'grey vote'`, `Concerns raised
/// over ...`) and a word before a noun names nobody (`Drink remark 'acts as diversion'`): a
/// one-word speaker there that nothing shows to be a name (no given name, no place or body
/// the gazetteer knows, no acronym) speaks only with an active verb (`Blair says`).
fn unnamed_in_headline(body: &str, st: &mut Statement) {
    let Frame::Said {
        mention,
        cue: Some(cue),
        ..
    } = &st.frame
    else {
        return;
    };
    let Some(name) = mention.name.as_deref().filter(|n| !n.contains(' ')) else {
        return;
    };
    // `Greens demand`, `Carson attacking critics`: a plural subject takes the bare form, and
    // a participle is active.
    // `Putin said`: an irregular past is active too.
    let cue = cue.text(body);
    let irregular =
        super::cue::lookup(cue).is_some_and(|(_, base)| !cue.eq_ignore_ascii_case(base));
    let active = cue == ":"
        || cue.ends_with("ing")
        || (!cue.ends_with("ed") && (cue.ends_with('s') || name.ends_with('s') || irregular));
    let known = !mention.titles.is_empty()
        || super::mention::gender_of_given(name) != Gender::Unknown
        || crate::gazetteer::find(name).is_some()
        || name.chars().all(|c| !c.is_lowercase());
    if !active && !known {
        st.frame = Frame::InheritInParagraph;
    }
}

/// Whether a sentence opens with a subordinating conjunction of condition, time or cause.
fn opens_condition(sentence: &str) -> bool {
    let first = sentence
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        &*first.to_lowercase(),
        "if" | "unless" | "when" | "because" | "although" | "though" | "once" | "until"
    )
}

/// Words of a transcript turn, said by the turn's speaker.
fn turn_statement(mention: &Mention, words: Span, place: Place) -> Statement {
    Statement {
        kind: QuoteKind::Direct,
        spans: vec![words],
        frame: Frame::Said {
            mention: mention.clone(),
            cue: None,
            form: Form::Turn,
        },
        place,
        denied: false,
    }
}

/// Reads the sentences of the paragraph at `start` (its index, and the index of its first
/// sentence): notes their named mentions, and returns each sentence with the statements it
/// holds.
fn read_paragraph(
    body: &str,
    para: Span,
    start: Place,
    regions: &[Region],
    named: &mut Vec<Named>,
) -> Vec<(Span, Vec<Statement>)> {
    let pi = start.paragraph;
    let mut place = start;
    let mut out = Vec::new();
    // Regions come in paragraph order, each paragraph's sorted by opening mark: slices, not
    // scans, keep a paragraph or sentence holding thousands of quotes linear.
    let regs = &regions[regions.partition_point(|r| r.paragraph < pi)
        ..regions.partition_point(|r| r.paragraph <= pi)];
    let outers: Vec<Span> = regs.iter().map(Region::outer).collect();
    let para_toks = text::tokens(body, para);
    for sentence in text::sentences(body, &para_toks, para, &outers, super::is_cue) {
        let s = sentence.span;
        let all = &para_toks[sentence.tokens];
        let in_s = &regs[regs.partition_point(|r| r.open.start < s.start)
            ..regs.partition_point(|r| r.open.start < s.end)];
        let toks = narrative_tokens(all, in_s);
        let names = scan_names(body, &toks);
        let opens = toks.first().map_or(0, |t| t.span.start);
        // A lone surname opening the sentence as its subject (`Hadžić brushed ...`), also
        // before an aside (`Norway, for its part, ...`).
        if names.first().is_none_or(|m| m.span.start != opens) && toks.len() > 1 {
            let (first, next) = (toks[0], toks[1]);
            let subject = first.kind == TokenKind::Word
                && ((next.kind == TokenKind::Word && !is_capitalized(next.text(body)))
                    || next.text(body) == ",")
                && is_capitalized(first.text(body));
            if let Some(m) = subject.then(|| parse_mention(body, &toks[..1])).flatten() {
                named.push(Named {
                    mention: m,
                    salient: true,
                    known_only: true,
                    place,
                });
            }
        }
        // `A senior executive at one producer, who spoke on condition of anonymity, was
        // blunter.`: someone unnamed who opens the sentence is on stage for the pronoun of the
        // quote that follows.
        if names.first().is_none_or(|m| m.span.start != opens) {
            if let Some(m) = unnamed_subject(body, &toks) {
                named.push(Named {
                    mention: m,
                    salient: true,
                    known_only: false,
                    place,
                });
            }
        }
        for (k, m) in names.into_iter().enumerate() {
            let salient = k == 0 && m.span.start == opens;
            named.push(Named {
                mention: m,
                salient,
                known_only: false,
                place,
            });
        }
        let found = frame::read_sentence(body, place, s, in_s, all, &toks);
        // Named speakers are on stage with the titles their phrases give them (`the
        // spokesman, Reza Kazemi,`), for roles named before them.
        for st in &found {
            if let Frame::Said { mention, .. } = &st.frame {
                if mention.name.is_some() && !mention.titles.is_empty() {
                    named.push(Named {
                        mention: mention.clone(),
                        salient: true,
                        known_only: false,
                        place,
                    });
                }
            }
        }
        out.push((s, found));
        place.sentence += 1;
    }
    out
}

/// A person the article does not name who opens a sentence as its subject: an indefinite
/// role (`A former border guard officer who served in the region`).
fn unnamed_subject(body: &str, toks: &[Token]) -> Option<Mention> {
    let first = toks.first()?;
    if !matches!(first.text(body), "A" | "An") {
        return None;
    }
    let r = subject_np(body, toks)?;
    // The phrase must end where the subject does or a complement begins (`A spokesman for
    // the Sunni endowment` is not `A spokesman for the Sunni`): at a comma, a relative
    // clause, a verb or a preposition.
    let next = toks.get(r.1)?;
    let nl = next.text(body).to_lowercase();
    let ends = matches!(
        nl.as_str(),
        "," | "who"
            | "that"
            | "which"
            | "was"
            | "is"
            | "were"
            | "are"
            | "has"
            | "had"
            | "have"
            | "in"
            | "at"
            | "of"
            | "from"
            | "for"
            | "on"
    ) || nl.ends_with("ed")
        || nl.ends_with("ing")
        || super::words::is_adverbial(&nl);
    if !ends {
        return None;
    }
    let m = mention_of(body, toks, r)?;
    (m.indefinite && m.name.is_none() && m.pronoun.is_none() && m.kind == ActorKind::Person)
        .then_some(m)
}

/// Tokens of a sentence outside its quoted regions (sorted by opening mark).
fn narrative_tokens(all: &[Token], regs: &[Region]) -> Vec<Token> {
    let quoted = Cover::new(regs.iter().map(Region::outer));
    all.iter()
        .copied()
        .filter(|t| !quoted.holds(t.span))
        .collect()
}
