//! Finding the statements of one article: the article is cut into paragraphs (site furniture
//! dropped, datelines skipped), quoted regions are paired, and each sentence is read for its
//! attribution frame ([`super::frame`]). Transcript turns (`WALLACE: ...`) belong to their
//! labels. Every named person and body is noted on the way, for the actor stage.

use super::frame;
use super::layout::{dateline, is_boilerplate, label_name, transcript_turn};
use super::marks::{self, Region};
use super::mention::{parse_mention, ActorKind, Gender, Mention};
use super::names::scan_names;
use super::token::is_capitalized;
use super::{Extraction, Form, Frame, Named, Place, QuoteKind, Span, Statement};
use crate::text::{self, Cover, Token, TokenKind};

/// Reads one article body into its statements and named mentions, in text order.
pub fn find(body: &str) -> Extraction {
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

    let mut named: Vec<Named> = Vec::new();
    let mut statements: Vec<Statement> = Vec::new();
    let mut sentence = 0;
    for (pi, para) in paragraphs.iter().enumerate() {
        let place = Place {
            paragraph: pi,
            sentence,
        };
        // Transcript turns (`WALLACE: ...`): the whole paragraph is the labelled speaker's.
        let turn = labelled[pi].filter(|_| exchange);
        if let Some((label, words)) = turn {
            let mention = Mention {
                span: label,
                pronoun: None,
                name: Some(label_name(label.text(body))),
                titles: Vec::new(),
                role: None,
                kind: ActorKind::Person,
                gender: Gender::Unknown,
            };
            named.push(Named {
                mention: mention.clone(),
                salient: true,
                known_only: false,
                place,
            });
            statements.push(Statement {
                kind: QuoteKind::Direct,
                spans: vec![words],
                frame: Frame::Said {
                    mention,
                    cue: None,
                    form: Form::Turn,
                },
                place,
            });
        }
        sentence = read_paragraph(
            body,
            *para,
            place,
            &regions,
            &mut named,
            &mut statements,
            turn.is_none(),
        );
    }
    Extraction { statements, named }
}

/// Reads the sentences of the paragraph at `start` (its index, and the index of its first
/// sentence): notes their named mentions and, with `speech`, the statements they hold (a
/// transcript turn is one statement already). Returns the index of the next sentence.
fn read_paragraph(
    body: &str,
    para: Span,
    start: Place,
    regions: &[Region],
    named: &mut Vec<Named>,
    statements: &mut Vec<Statement>,
    speech: bool,
) -> usize {
    let pi = start.paragraph;
    let mut place = start;
    // Regions come in paragraph order, each paragraph's sorted by opening mark: slices, not
    // scans, keep a paragraph or sentence holding thousands of quotes linear.
    let regs = &regions[regions.partition_point(|r| r.paragraph < pi)
        ..regions.partition_point(|r| r.paragraph <= pi)];
    let outers: Vec<Span> = regs.iter().map(Region::outer).collect();
    let para_toks = text::tokens(body, para);
    for (s, range) in text::sentences(body, &para_toks, para, &outers) {
        let all = &para_toks[range];
        let in_s = &regs[regs.partition_point(|r| r.open.start < s.start)
            ..regs.partition_point(|r| r.open.start < s.end)];
        let toks = narrative_tokens(all, in_s);
        let names = scan_names(body, &toks);
        let opens = toks.first().map_or(0, |t| t.span.start);
        // A lone surname opening the sentence as its subject (`Hadžić brushed ...`).
        if names.first().is_none_or(|m| m.span.start != opens) && toks.len() > 1 {
            let (first, next) = (toks[0], toks[1]);
            let subject = first.kind == TokenKind::Word
                && next.kind == TokenKind::Word
                && is_capitalized(first.text(body))
                && !is_capitalized(next.text(body));
            if let Some(m) = subject.then(|| parse_mention(body, &toks[..1])).flatten() {
                named.push(Named {
                    mention: m,
                    salient: true,
                    known_only: true,
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
        if speech {
            statements.extend(frame::read_sentence(body, place, s, in_s, all));
        }
        place.sentence += 1;
    }
    place.sentence
}

/// Tokens of a sentence outside its quoted regions (sorted by opening mark).
fn narrative_tokens(all: &[Token], regs: &[Region]) -> Vec<Token> {
    let quoted = Cover::new(regs.iter().map(Region::outer));
    all.iter()
        .copied()
        .filter(|t| !quoted.holds(t.span))
        .collect()
}
