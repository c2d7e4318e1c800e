//! Attribution frames: how one sentence attributes the speech it holds. Quoted regions are
//! read as direct quotes (a sentence or more) or fragments (inside the reporter's words);
//! then the sentence is read for a frame around its direct quotes ([`direct`]), for reported
//! speech ([`reported`]), or for the speakers of its fragments ([`fragment`]).

mod according;
mod clause;
mod direct;
mod fragment;
mod reported;

use super::cue::CueClass;
use super::marks::Region;
use super::mention::Mention;
use super::token::{cue_at, is_punct, lower, DASHES};
use super::words::{is_document_noun, is_remark_noun, is_sign_noun};
use super::{Form, Frame, Place, QuoteKind, Statement};
use crate::text::Span;
use crate::text::{self, Cover, Token, TokenKind};
use direct::{lead_attribution, tail_attribution, that_clause};
use fragment::{
    fragment_cue, looks_like_title, looks_like_title_fragment, named_by_cue, owned_remarks,
    speaking_subject,
};
use reported::{may_attribute, reported};

/// The statements of sentence `s`: `all` its tokens, `regs` its quoted regions and
/// `narrative` the tokens of `all` outside them (the reporter's words).
pub(super) fn read_sentence(
    body: &str,
    place: Place,
    s: Span,
    regs: &[Region],
    all: &[Token],
    narrative: &[Token],
) -> Vec<Statement> {
    let out = read_frames(body, place, s, regs, all, narrative);
    let remark = |t: &Token| t.kind == TokenKind::Word && is_remark_noun(t.text(body));
    if !out.is_empty() && narrative.iter().any(remark) {
        return to_remark_owners(body, regs, narrative, out);
    }
    out
}

/// Gives the words that follow a remark noun and its owner (`notes the statement by the
/// Democratic Alliance describing the Act as "..."`) to the owner. A statement holding the
/// remark, whose cue before the noun is the answer of a speaker named before it, ends with
/// the owner's phrase, and the rest is the owner's; a statement after the remark goes to the
/// owner when its frame names a speaker before the noun (through a cue before it, or the
/// owner's own participle or relative clause).
fn to_remark_owners(
    body: &str,
    regs: &[Region],
    narrative: &[Token],
    statements: Vec<Statement>,
) -> Vec<Statement> {
    let owned = owned_remarks(body, narrative);
    let mut out = Vec::with_capacity(statements.len() + owned.len());
    for mut st in statements {
        // `denies claims by X that ...`: what is denied is the denier's statement.
        let (Some(first), Frame::Said { mention, cue, .. }, false) =
            (st.spans.first().copied(), &st.frame, st.denied)
        else {
            out.push(st);
            continue;
        };
        let answer = |noun: &Span| {
            mention.span.end <= noun.start && cue.is_some_and(|c| c.start < noun.start)
        };
        // The remark inside the statement: `notes the statement by X describing ... "..."`.
        let inside = (st.spans.len() == 1)
            .then(|| {
                owned.iter().find(|(noun, _, end)| {
                    first.start <= noun.start && *end < first.end && answer(noun)
                })
            })
            .flatten();
        if let Some((noun, owner, end)) = inside {
            let from = narrative.partition_point(|t| t.span.end <= *end);
            let rest = narrative[from..]
                .iter()
                .position(|t| !is_punct(body, t, &[","]) && lower(body, t) != "that")
                .map(|k| narrative[from + k].span.start)
                .filter(|&r| r < first.end)
                .map(|r| content_span(body, r, first.end));
            if let Some(rest) = rest.filter(|r| r.text(body).split_whitespace().count() >= 2) {
                let holds_fragment = opens_within(regs, rest.start, rest.end);
                st.spans = vec![content_span(body, first.start, *end)];
                let kind = if holds_fragment {
                    QuoteKind::Partial
                } else {
                    QuoteKind::Indirect
                };
                if st.kind == QuoteKind::Partial && !opens_within(regs, first.start, *end) {
                    st.kind = QuoteKind::Indirect;
                }
                let place = st.place;
                out.push(st);
                out.push(Statement {
                    kind,
                    spans: vec![rest],
                    frame: Frame::Said {
                        mention: owner.clone(),
                        cue: Some(*noun),
                        form: Form::Reported,
                    },
                    place,
                    denied: false,
                });
                continue;
            }
        }
        // A statement after the remark: `rejects claims by X that "..."`.
        let after = owned
            .iter()
            .rev()
            .find(|(_, _, end)| *end <= first.start)
            .filter(|(noun, _, end)| {
                let owners_verb = |c: &Span| {
                    let i = narrative.partition_point(|t| t.span.end <= c.start);
                    c.start >= *end
                        && (c.text(body).ends_with("ing")
                            || i.checked_sub(1).is_some_and(|p| {
                                matches!(&*lower(body, &narrative[p]), "who" | "which")
                            }))
                };
                mention.span.end <= noun.start
                    && cue.is_none_or(|c| c.start < noun.start || owners_verb(&c))
            });
        if let Some((noun, owner, _)) = after {
            st.frame = Frame::Said {
                mention: owner.clone(),
                cue: Some(*noun),
                form: Form::Reported,
            };
        }
        out.push(st);
    }
    out
}

/// Whether a quoted region of `regs` opens at or after `from` and before `to`.
fn opens_within<'a>(regs: impl IntoIterator<Item = &'a Region>, from: usize, to: usize) -> bool {
    regs.into_iter()
        .any(|r| from <= r.open.start && r.open.start < to)
}

/// The statements of one sentence, each with the frame the sentence's grammar gives it.
fn read_frames(
    body: &str,
    place: Place,
    s: Span,
    regs: &[Region],
    all: &[Token],
    narrative: &[Token],
) -> Vec<Statement> {
    let cover = Cover::new(regs.iter().map(Region::outer));
    let quoted = |t: &Token| cover.holds(t.span);
    // Classify regions: direct when they stand as sentences, partial inside the reporter's words.
    let mut direct: Vec<Region> = Vec::new();
    let mut partial: Vec<Region> = Vec::new();
    let lists = if regs.is_empty() {
        Vec::new()
    } else {
        list_starts(body, all, &quoted)
    };
    for r in regs {
        if is_sign_text(body, all, &lists, r) {
            continue;
        }
        // Tokens are in order and do not overlap: the last one ending before the mark.
        let pi = all.partition_point(|t| t.span.end <= r.open.start);
        let prev = pi.checked_sub(1).map(|i| (i, &all[i]));
        let words = r.inner.text(body).split_whitespace().count();
        let first_lower = r
            .inner
            .text(body)
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        let is_direct = match prev {
            None => words >= 3 || r.inner.text(body).ends_with(['.', '!', '?', ',']),
            Some((_, p)) if quoted(p) => true,
            Some((_, p)) if p.kind == TokenKind::Punct => {
                let pt = p.text(body);
                if pt == ":" || DASHES.contains(&pt) || pt == "(" {
                    true
                } else if pt == "," {
                    !(first_lower && words < 4)
                } else {
                    words >= 3
                }
            }
            Some((pi, _)) => cue_at(body, all, pi).is_some() && !first_lower && words >= 3,
        };
        // A title-cased phrase is a title, not a sentence, unless a comma closes it and a
        // verb of speaking follows (`"Like Tulsa or Dayton," Vale said.`).
        let is_direct =
            is_direct && (!looks_like_title(r.inner.text(body)) || cue_follows_comma(body, all, r));
        if is_direct {
            direct.push(*r);
        } else {
            partial.push(*r);
        }
    }
    // Scare quotes (`so-called "..."`) and titles (`on "Face the Nation"`) are nobody's words.
    partial.retain(|r| {
        // Only the end matters: lower-casing the whole sentence before each fragment made a
        // long sentence full of fragments quadratic. Only ASCII letters fold to these.
        let before = body[s.start..r.open.start].trim_end().as_bytes();
        let so_called =
            before.len() >= 9 && before[before.len() - 9..].eq_ignore_ascii_case(b"so-called");
        !so_called && (!looks_like_title_fragment(body, all, r) || named_by_cue(body, all, r))
    });
    // A sentence with no quotation and no cue says nothing attributable.
    if regs.is_empty()
        && !narrative
            .iter()
            .any(|t| t.kind == TokenKind::Word && may_attribute(t.text(body)))
    {
        return Vec::new();
    }
    let mut out = Vec::new();

    if !direct.is_empty() {
        // Attribution around the direct quotes.
        let first = direct[0];
        let lead: Vec<Token> = narrative
            .iter()
            .filter(|t| t.span.end <= first.open.start)
            .copied()
            .collect();
        let mut attribution = lead_attribution(body, &lead);
        // `Suu Kyi said it was too early to congratulate winners but added, "..."`: the
        // lead reports a clause of its own before the cue that introduces the quote.
        if attribution.is_some() {
            for st in reported_before_added(body, &lead, s.start) {
                if st
                    .spans
                    .iter()
                    .any(|c| opens_within(partial.iter(), c.start, c.end))
                {
                    continue;
                }
                out.push(Statement {
                    kind: QuoteKind::Indirect,
                    spans: st.spans,
                    frame: Frame::Said {
                        mention: st.mention,
                        cue: Some(st.cue),
                        form: Form::Reported,
                    },
                    place,
                    denied: st.denied,
                });
            }
        }
        let mut pieces: Vec<Vec<Token>> = Vec::new();
        for (k, r) in direct.iter().enumerate() {
            let end = direct.get(k + 1).map_or(s.end, |n| n.open.start);
            // Narrative tokens are in order: the ones between this quote and the next.
            let from = narrative.partition_point(|t| t.span.start < r.outer().end);
            let to = narrative.partition_point(|t| t.span.end <= end).max(from);
            pieces.push(narrative[from..to].to_vec());
        }
        let mut used_tail: Option<usize> = None;
        // A colon lead-in without a cue names the speaker only by default: `The statement
        // referenced ...: "...," the union wrote.` gives way to a tail with a cue.
        let cueless = attribution
            .as_ref()
            .is_some_and(|(_, cue)| cue.text(body) == ":");
        if attribution.is_none() || cueless {
            for (k, piece) in pieces.iter().enumerate() {
                if let Some(a) = tail_attribution(body, piece) {
                    attribution = Some(a);
                    used_tail = Some(k);
                    break;
                }
            }
        }
        let form = if used_tail.is_some() {
            Form::Tail
        } else {
            Form::Lead
        };
        let speaker = match &attribution {
            Some((m, cue)) => Frame::Said {
                mention: m.clone(),
                cue: Some(*cue),
                form,
            },
            None => Frame::Inherit,
        };
        // Split quotes: "A," X said, "B." is one statement when A does not end a sentence.
        let mut k = 0;
        while k < direct.len() {
            let mut spans = vec![direct[k].inner];
            let a_text = direct[k].inner.text(body);
            let open_ended =
                a_text.ends_with(',') || !a_text.ends_with(['.', '!', '?', '\u{2026}']);
            if open_ended && used_tail == Some(k) && k + 1 < direct.len() {
                spans.push(direct[k + 1].inner);
                k += 1;
            }
            out.push(Statement {
                kind: QuoteKind::Direct,
                spans: spans
                    .into_iter()
                    .map(|sp| trim_quote_punct(body, sp))
                    .collect(),
                frame: speaker.clone(),
                place,
                denied: false,
            });
            k += 1;
        }
        // Reported speech in the tail: `"...," Peskov said, but added that ...`.
        if let Some(k) = used_tail {
            let piece = &pieces[k];
            if let Some((m, cue)) = &attribution {
                if let Some(content) = that_clause(body, piece, s) {
                    let contained: Vec<&Region> = partial
                        .iter()
                        .filter(|r| content.start <= r.open.start && r.open.start < content.end)
                        .collect();
                    out.push(Statement {
                        kind: if contained.is_empty() {
                            QuoteKind::Indirect
                        } else {
                            QuoteKind::Partial
                        },
                        spans: vec![content],
                        frame: Frame::Said {
                            mention: m.clone(),
                            cue: Some(*cue),
                            form: Form::Reported,
                        },
                        place,
                        denied: false,
                    });
                    partial
                        .retain(|r| !(content.start <= r.open.start && r.open.start < content.end));
                }
            }
        }
        for r in partial {
            if let Some((m, cue)) = &attribution {
                out.push(said_fragment(body, &r, m.clone(), *cue, place));
            }
        }
        return out;
    }

    // No direct quote: reported speech, possibly holding quoted fragments.
    let statements = reported(body, narrative, s);
    if !statements.is_empty() {
        let inside = |r: &Region, spans: &[Span]| {
            spans
                .iter()
                .any(|c| c.start <= r.open.start && r.open.start < c.end)
        };
        for st in &statements {
            let holds_fragment = partial.iter().any(|r| inside(r, &st.spans));
            out.push(Statement {
                kind: if holds_fragment {
                    QuoteKind::Partial
                } else {
                    QuoteKind::Indirect
                },
                spans: st.spans.clone(),
                frame: Frame::Said {
                    mention: st.mention.clone(),
                    cue: Some(st.cue),
                    form: Form::Reported,
                },
                place,
                denied: st.denied,
            });
        }
        // Fragments outside every reported clause belong to the nearest statement before them.
        for r in partial
            .iter()
            .filter(|r| !statements.iter().any(|st| inside(r, &st.spans)))
        {
            let st = statements
                .iter()
                .rev()
                .find(|st| st.cue.start < r.open.start)
                .unwrap_or(&statements[0]);
            let (m, cue) = (&st.mention, &st.cue);
            // A cue with its own subject closer to the fragment wins: `While he acknowledged
            // ..., Ham also noted several "intangibles" left him ...`.
            let closer = fragment_cue(body, narrative, r.open.start)
                .filter(|(_, c)| c.start > cue.start && c.start < r.open.start);
            let (m, cue) = closer.unwrap_or((m.clone(), *cue));
            out.push(said_fragment(body, r, m, cue, place));
        }
        return out;
    }
    // `Caddell continued:` closing a paragraph: the quote in the next paragraph is his.
    if regs.is_empty()
        && narrative.last().is_some_and(|t| is_punct(body, t, &[":"]))
        && (0..narrative.len()).any(|i| cue_at(body, narrative, i).is_some())
    {
        if let Some((mention, cue)) = lead_attribution(body, narrative) {
            return vec![Statement {
                kind: QuoteKind::Direct,
                spans: Vec::new(),
                frame: Frame::Said {
                    mention,
                    cue: Some(cue),
                    form: Form::LeadIn,
                },
                place,
                denied: false,
            }];
        }
    }
    // Fragments quoted in a sentence whose subject speaks: `called it "..."`.
    if !partial.is_empty() {
        // The nearest cue with its own subject before each fragment, else the sentence's.
        let subject = speaking_subject(body, narrative);
        partial.retain(|r| {
            let Some((m, cue)) = fragment_cue(body, narrative, r.open.start) else {
                return true;
            };
            out.push(said_fragment(body, r, m, cue, place));
            false
        });
        let speaker = match subject {
            Some((m, cue)) => Frame::Said {
                mention: m,
                cue: Some(cue),
                form: Form::Subject,
            },
            // `In his view, the reform "goes in the right direction"`: the paragraph's
            // speaker goes on.
            None => Frame::InheritInParagraph,
        };
        for r in partial {
            out.push(Statement {
                kind: QuoteKind::Partial,
                spans: vec![trim_quote_punct(body, r.inner)],
                frame: speaker.clone(),
                place,
                denied: false,
            });
        }
    }
    out
}

/// For each token index `i` of a sentence (and its end), where the run of quoted tokens and
/// list words (`and`, `or`, commas) ending right before `i` begins: what a sign's words walk
/// back over to the verb (`reading "A", "B" and "C"`). Found in one pass, so a sentence of
/// thousands of quotes is not walked back over once per quote.
fn list_starts(body: &str, all: &[Token], quoted: &dyn Fn(&Token) -> bool) -> Vec<usize> {
    let mut starts = Vec::with_capacity(all.len() + 1);
    starts.push(0);
    for (i, t) in all.iter().enumerate() {
        let listed = quoted(t) || matches!(&*lower(body, t), "and" | "or" | ",");
        starts.push(if listed { starts[i] } else { i + 1 });
    }
    starts
}

/// Words a banner, a placard or a sign carries (`banners reading "Long live Serbia" and
/// "Russia, help!"`): nobody's statement. `lists` is [`list_starts`] of the sentence.
fn is_sign_text(body: &str, all: &[Token], lists: &[usize], r: &Region) -> bool {
    // Over the other signs of a list: `reading "A" and "B"`.
    let mut i = lists[all.partition_point(|t| t.span.end <= r.open.start)];
    if i == 0
        || !matches!(
            &*lower(body, &all[i - 1]),
            "reading" | "read" | "reads" | "saying" | "says" | "proclaiming" | "declaring"
        )
    {
        return false;
    }
    i -= 1;
    if i > 0 && matches!(&*lower(body, &all[i - 1]), "that" | "which") {
        i -= 1;
    }
    (i.saturating_sub(3)..i).any(|j| is_sign_noun(all[j].text(body)))
}

/// The reported speech of a lead-in that goes on to a second cue for the quote after it:
/// `X said CLAUSE but added,` / `X said CLAUSE and added:`. Empty when the lead holds no such
/// turn.
fn reported_before_added(body: &str, lead: &[Token], start: usize) -> Vec<reported::Reported> {
    let n = lead.len();
    let Some(second) = (2..n).rev().find(|&i| {
        matches!(cue_at(body, lead, i), Some(CueClass::Say | CueClass::That))
            && matches!(&*lower(body, &lead[i - 1]), "but" | "and")
    }) else {
        return Vec::new();
    };
    let own = &lead[..second - 1];
    let first_cue = own
        .iter()
        .enumerate()
        .any(|(i, _)| matches!(cue_at(body, own, i), Some(CueClass::Say | CueClass::That)));
    let Some(last) = own.last().filter(|_| first_cue) else {
        return Vec::new();
    };
    reported(body, own, Span::new(start, last.span.end))
}

/// Drops a trailing comma left inside the marks (`"We agree,"`), which is not the speaker's.
fn trim_quote_punct(body: &str, sp: Span) -> Span {
    let t = sp.text(body);
    if t.ends_with(',') && t.len() > 1 {
        text::trim(body, Span::new(sp.start, sp.end - 1))
    } else {
        sp
    }
}

/// Sentence content without a final period, trimmed.
pub(super) fn content_span(body: &str, start: usize, end: usize) -> Span {
    let mut sp = text::trim(body, Span::new(start, end));
    let t = sp.text(body);
    let trimmed = t.trim_end_matches(['.', ',', ';', ':']);
    sp.end = sp.start + trimmed.len();
    text::trim(body, sp)
}

/// A quoted fragment at `place`, said by `mention` with `cue`.
fn said_fragment(body: &str, r: &Region, mention: Mention, cue: Span, place: Place) -> Statement {
    Statement {
        kind: QuoteKind::Partial,
        spans: vec![trim_quote_punct(body, r.inner)],
        frame: Frame::Said {
            mention,
            cue: Some(cue),
            form: Form::Fragment,
        },
        place,
        denied: false,
    }
}

/// The quoted words end in a comma and a verb of speaking follows within three words of the
/// closing mark: the shape of a statement (`"...," Vale said`, `"...," said the minister`).
fn cue_follows_comma(body: &str, all: &[Token], r: &Region) -> bool {
    let Some(close) = r.close else {
        return false;
    };
    if !r.inner.text(body).ends_with(',') {
        return false;
    }
    // A title the sentence has announced stays one (`In his book, "...," Smith suggested`).
    let open = all.partition_point(|t| t.span.end <= r.open.start);
    let announced = all[open.saturating_sub(3)..open].iter().any(|t| {
        let w = lower(body, t);
        is_document_noun(&w) || matches!(&*w, "titled" | "entitled" | "called" | "named")
    });
    let next = all.partition_point(|t| t.span.start < close.end);
    !announced && (next..all.len().min(next + 4)).any(|i| cue_at(body, all, i).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The one-pass run starts are the ones a walk back from each token finds.
        #[test]
        fn list_starts_are_the_walks_back(words in proptest::collection::vec(
            (prop_oneof!["and", "or", "And", ",", "said", "reading", "x"], any::<bool>()), 0..40)
        ) {
            let body: String = words.iter().map(|(w, _)| format!("{w} ")).collect();
            let all = text::tokens(&body, Span::new(0, body.len()));
            prop_assert_eq!(all.len(), words.len());
            let quoted = |t: &Token| {
                let i = all.iter().position(|x| x.span == t.span).unwrap();
                words[i].1
            };
            let starts = list_starts(&body, &all, &quoted);
            for (end, &start) in starts.iter().enumerate() {
                let mut i = end;
                while i > 0
                    && (quoted(&all[i - 1])
                        || matches!(&*lower(&body, &all[i - 1]), "and" | "or" | ","))
                {
                    i -= 1;
                }
                prop_assert_eq!(start, i);
            }
        }
    }
}
