//! Pairing quotation marks into quoted regions.
//!
//! News uses every style: straight `"..."`, curly `“...”`, British single `'...'` with
//! apostrophes inside (`'must respect Haiti's sovereignty'`), `''` as a closing mark,
//! guillemets `«...»`, and the multi-paragraph convention (a paragraph left open, the next one
//! opening again). Marks are classified by their neighbours, the article's main quote family is
//! chosen by counting openers, and marks are paired within a paragraph. This module only finds
//! regions; it does not decide who said them.

use crate::text::Span;
use crate::text::{trim, Cover};

/// The two families of marks: a quote opened by one family is closed by the same family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// Guillemets, paired first: they are never ambiguous, and the quotes nested in them
    /// (`«... „...“ ...»`) use other marks.
    Guillemet,
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    span: Span,
    family: Family,
    role: Role,
    /// A closing single mark that may be a plural possessive (`the Islands' decisions`).
    weak: bool,
}

/// A quoted stretch of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Region {
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the paragraph ends first.
    pub close: Option<Span>,
    /// The quoted words, trimmed of surrounding whitespace.
    pub inner: Span,
    /// The quote goes on after it: in the next paragraph (multi-paragraph convention) or with
    /// a fresh opening mark in the same one (run-on convention).
    pub continues: bool,
    /// Index of the paragraph that holds it.
    pub paragraph: usize,
}

impl Region {
    /// From the opening mark to the closing mark (or the inner end when unclosed).
    pub(crate) fn outer(&self) -> Span {
        Span::new(
            self.open.start,
            self.close.map_or(self.inner.end, |c| c.end),
        )
    }
}

fn is_opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':' | '\u{feff}'
                )
        }
    }
}

fn is_closing_follow(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || (c.is_ascii_punctuation() && c != '\'')
                || "”’»\u{2014}\u{2013}…".contains(c)
        }
    }
}

/// Finds and classifies every quotation mark in `text` (one paragraph).
fn marks(text: &str, base: usize) -> Vec<Mark> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut skip_to = 0;
    // Only these bytes can start a quotation mark (the Unicode ones are U+00AB/BB and
    // U+2018..U+201E), and they are never inside a multi-byte character.
    let candidates =
        (0..bytes.len()).filter(|&p| matches!(bytes[p], b'"' | b'\'' | b'`' | 0xC2 | 0xE2));
    for pos in candidates {
        if pos < skip_to {
            continue;
        }
        let Some(c) = text[pos..].chars().next() else {
            continue;
        };
        let prev = text[..pos].chars().next_back();
        let mut after = text[pos + c.len_utf8()..].chars();
        let next = after.next();
        let next2 = after.next();
        let span = |len: usize| Span::new(base + pos, base + pos + len);
        // After `s` and before a word, a closing single mark may be a possessive.
        let weak = prev == Some('s') && next == Some(' ') && next2.is_some_and(char::is_alphabetic);
        let mut push = |len: usize, family, role| {
            out.push(Mark {
                span: span(len),
                family,
                role,
                weak: weak && family == Family::Single && role == Role::Close,
            })
        };
        match c {
            '\u{ab}' => push(c.len_utf8(), Family::Guillemet, Role::Open),
            '\u{bb}' => push(c.len_utf8(), Family::Guillemet, Role::Close),
            '\u{201c}' | '\u{201e}' => push(c.len_utf8(), Family::Double, Role::Open),
            // A right mark that can only open (after a space, before a word) is a typesetting
            // slip for a left one: `― ”Fear. I am truly afraid ...”`.
            '\u{201d}'
                if is_opening_context(prev)
                    && next.is_some_and(|n| n.is_alphanumeric() || n == '\u{2026}' || n == ' ')
                    && (next != Some(' ') || next2 == Some('\u{2026}')) =>
            {
                push(c.len_utf8(), Family::Double, Role::Open)
            }
            '\u{201d}' => push(c.len_utf8(), Family::Double, Role::Close),
            '"' => {
                // `'African American outreach,' "`: a double mark closing after a closed
                // single one and a space.
                let after_single = prev == Some(' ')
                    && text[..pos - 1].ends_with(['\'', '\u{2019}'])
                    && next.is_none_or(char::is_whitespace);
                if after_single {
                    push(1, Family::Double, Role::Close)
                } else if is_opening_context(prev) && !next.is_none_or(char::is_whitespace) {
                    push(1, Family::Double, Role::Open)
                } else if prev.is_some_and(|p| !p.is_whitespace()) {
                    push(1, Family::Double, Role::Close)
                } else if !next.is_none_or(char::is_whitespace) {
                    push(1, Family::Double, Role::Open)
                }
            }
            '`' if next == Some('`') => {
                push(2, Family::Double, Role::Open);
                skip_to = pos + 2;
            }
            '\'' if next == Some('\'') && prev.is_some_and(|p| !p.is_whitespace()) => {
                push(2, Family::Double, Role::Close);
                skip_to = pos + 2;
            }
            // Two apostrophes also open a quote in some wire styles (`''makes me smart''`).
            '\'' if next == Some('\'')
                && is_opening_context(prev)
                && next2.is_some_and(|x| !x.is_whitespace()) =>
            {
                push(2, Family::Double, Role::Open);
                skip_to = pos + 2;
            }
            '\u{2018}'
                if !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric)) =>
            {
                push(c.len_utf8(), Family::Single, Role::Open)
            }
            '\'' | '\u{2019}' => {
                let between_letters = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if between_letters {
                    // An apostrophe: don't, Haiti's.
                } else if is_opening_context(prev)
                    && next.is_some_and(|n| n.is_alphanumeric() || n == '.' || n == '\u{2026}')
                {
                    push(c.len_utf8(), Family::Single, Role::Open)
                } else if prev.is_some_and(|p| !p.is_whitespace()) && is_closing_follow(next) {
                    push(c.len_utf8(), Family::Single, Role::Close)
                }
            }
            _ => {}
        }
    }
    out
}

/// Finds the quoted regions of an article, given its paragraphs (non-overlapping spans in
/// order). Regions do not overlap; quotes nested inside a quote are part of the outer one.
pub(crate) fn regions(body: &str, paragraphs: &[Span]) -> Vec<Region> {
    let per_para: Vec<Vec<Mark>> = paragraphs
        .iter()
        .map(|p| marks(p.text(body), p.start))
        .collect();
    let count = |f: Family| {
        per_para
            .iter()
            .flatten()
            .filter(|m| m.family == f && m.role == Role::Open)
            .count()
    };
    let (doubles, singles) = (count(Family::Double), count(Family::Single));
    let primary = if singles > doubles && singles >= 2 {
        Family::Single
    } else {
        Family::Double
    };
    let secondary = match primary {
        Family::Single => Family::Double,
        _ => Family::Single,
    };

    let mut out = Vec::new();
    for (pi, para) in paragraphs.iter().enumerate() {
        let ms = &per_para[pi];
        let next_opens = per_para
            .get(pi + 1)
            .and_then(|n| n.first())
            .zip(paragraphs.get(pi + 1))
            .is_some_and(|(m, p)| {
                m.family == primary
                    && m.role == Role::Open
                    && body[p.start..m.span.start].trim().is_empty()
            });
        let mut found = pair(body, ms, Family::Guillemet, *para, pi, false, &[]);
        let primary_found = pair(body, ms, primary, *para, pi, next_opens, &found);
        found.extend(primary_found);
        let secondary_found = pair(body, ms, secondary, *para, pi, false, &found);
        found.extend(secondary_found);
        found.sort_by_key(|r| r.open.start);
        out.extend(found);
    }
    out
}

/// Pairs marks of one family within a paragraph, skipping marks inside `outside_of`.
fn pair(
    body: &str,
    marks: &[Mark],
    family: Family,
    para: Span,
    paragraph: usize,
    next_opens: bool,
    outside_of: &[Region],
) -> Vec<Region> {
    let strict = family != Family::Guillemet
        && (outside_of.iter().any(|r| r.paragraph == paragraph) || family == Family::Single);
    let mut out: Vec<Region> = Vec::new();
    let mut open: Option<Span> = None;
    let mut taken: Vec<Span> = outside_of.iter().map(Region::outer).collect();
    taken.sort_by_key(|s| s.start);
    let taken = Cover::new(taken);
    let usable: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.family == family && !taken.holds(m.span))
        .collect();
    // Whether a real (not weak) close comes among the closes right after each mark, found
    // from the end so a run of closing marks is read once, not once per mark.
    let mut strong_close_next = vec![false; usable.len()];
    for mi in (0..usable.len().saturating_sub(1)).rev() {
        let n = usable[mi + 1];
        strong_close_next[mi] = n.role == Role::Close && (!n.weak || strong_close_next[mi + 1]);
    }
    // How many closing marks come after each mark.
    let mut closes_after = vec![0usize; usable.len()];
    for mi in (0..usable.len().saturating_sub(1)).rev() {
        closes_after[mi] = closes_after[mi + 1] + usize::from(usable[mi + 1].role == Role::Close);
    }
    // Left curly marks opened inside an open quote and not yet closed: `“... what he calls
    // “hell” than ...”` nests, and the inner quote is part of the outer one. Only a curly
    // mark is surely an opener (and a straight one before it may be a stray), and only when
    // enough closes follow for both quotes; else the earlier mark was left open by mistake and
    // the later one starts afresh.
    let mut nested = 0usize;
    for (mi, m) in usable.iter().enumerate() {
        // A possessive-looking close gives way to a real close before the next opening.
        if m.weak && strong_close_next[mi] {
            continue;
        }
        match (m.role, open) {
            (Role::Open, Some(o))
                if [o, m.span]
                    .iter()
                    .all(|sp| matches!(sp.text(body), "\u{201c}" | "\u{201e}"))
                    && closes_after[mi] > nested + 1 =>
            {
                nested += 1;
            }
            (Role::Open, prev) => {
                // `"... have got. "As a result ..."`: in one paragraph, a mark left open at
                // the end of a sentence and a new one opened after it is the run-on
                // convention (the speaker's next sentences, one mark each), not a stray.
                if let Some(o) = prev.filter(|_| family != Family::Single) {
                    let inner = trim(body, Span::new(o.end, m.span.start));
                    let text = inner.text(body);
                    if text.ends_with(['.', '?', '!', '\u{2026}'])
                        && text.split_whitespace().count() >= 3
                    {
                        out.push(Region {
                            open: o,
                            close: None,
                            inner,
                            continues: true,
                            paragraph,
                        });
                    }
                }
                open = Some(m.span);
                nested = 0;
            }
            (Role::Close, Some(_)) if nested > 0 => nested -= 1,
            (Role::Close, Some(o)) => {
                let inner = trim(body, Span::new(o.end, m.span.start));
                if !inner.is_empty() {
                    out.push(Region {
                        open: o,
                        close: Some(m.span),
                        inner,
                        continues: false,
                        paragraph,
                    });
                }
                open = None;
            }
            (Role::Close, None) => {}
        }
    }
    if let Some(o) = open {
        let inner = trim(body, Span::new(o.end, para.end));
        let words = inner.text(body).split_whitespace().count();
        // A mark left open is a quote only by the multi-paragraph convention, or when what
        // follows is long enough to be speech and the style is the article's main one.
        if !inner.is_empty() && (next_opens || (!strict && words >= 4)) {
            out.push(Region {
                open: o,
                close: None,
                inner,
                continues: next_opens,
                paragraph,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let paras = crate::text::paragraphs(text);
        regions(text, &paras)
            .iter()
            .map(|r| r.inner.text(text))
            .collect()
    }

    #[test]
    fn curly_quotes_nest_when_both_close() {
        assert_eq!(
            quoted(
                "\u{201c}I'd live in what he calls \u{201c}hell\u{201d} than here.\u{201d} Then"
            ),
            vec!["I'd live in what he calls \u{201c}hell\u{201d} than here."]
        );
        // The outer mark never closes: the inner quote stands alone.
        assert_eq!(
            quoted("\u{201c}Left open, and \u{201c}this\u{201d} is quoted"),
            vec!["this"]
        );
        // A straight mark left open is not the outer quote of curly ones.
        assert_eq!(
            quoted("\"She called it a \u{201c}rant,\u{201d} and \u{201c}noise.\u{201d}"),
            vec!["rant,", "noise."]
        );
    }

    #[test]
    fn sentences_run_on_with_a_fresh_opening_mark() {
        // One speaker's sentences, each opened and none closed but the last, in one paragraph.
        let t = "\"It was hard,\" she said. \"The trouble now is the cost of it all. \"Nobody asked us why?\" Then";
        assert_eq!(
            quoted(t),
            vec![
                "It was hard,",
                "The trouble now is the cost of it all.",
                "Nobody asked us why?"
            ]
        );
        // A stray mark before a short fragment is no run-on sentence.
        assert_eq!(
            quoted("The \"vote. \"Nobody asked us why,\" he said."),
            vec!["Nobody asked us why,"]
        );
    }

    #[test]
    fn straight_and_curly_marks() {
        assert_eq!(
            quoted("\"Only us,\" he said. \u{201c}Not them.\u{201d}"),
            vec!["Only us,", "Not them."]
        );
    }

    #[test]
    fn british_single_quotes_keep_apostrophes() {
        let t = "He said: 'We must respect Haiti's sovereignty, and we don't waver.' Then 'more words here' came.";
        assert_eq!(
            quoted(t),
            vec![
                "We must respect Haiti's sovereignty, and we don't waver.",
                "more words here"
            ]
        );
    }

    #[test]
    fn two_apostrophes_close_a_double_quote() {
        assert_eq!(
            quoted("banners reading \"Long live Serbia\" and \"Russia, help!''"),
            vec!["Long live Serbia", "Russia, help!"]
        );
    }

    #[test]
    fn nested_single_quote_stays_inside() {
        let t = "\"They will ask us: 'Are we not as good as them?'\" Ivanov said.";
        assert_eq!(
            quoted(t),
            vec!["They will ask us: 'Are we not as good as them?'"]
        );
    }

    #[test]
    fn possessive_plural_does_not_close_a_quote() {
        let t = "'We are sovereign. The Islands' decisions are ours,' Mr Bosamata said.";
        assert_eq!(
            quoted(t),
            vec!["We are sovereign. The Islands' decisions are ours,"]
        );
    }

    #[test]
    fn quotes_nested_in_guillemets_stay_inside() {
        let t = "answered: \u{ab}When they say \u{201e}the sea is at risk\u{201c} we smile\u{bb}.";
        assert_eq!(
            quoted(t),
            vec!["When they say \u{201e}the sea is at risk\u{201c} we smile"]
        );
    }

    #[test]
    fn a_right_mark_before_a_word_at_a_paragraph_start_opens() {
        assert_eq!(
            quoted("\u{201d}Fear. I am afraid.\u{201d} \u{2015} Ana Ruiz"),
            vec!["Fear. I am afraid."]
        );
        assert_eq!(
            quoted("\u{201d} \u{2026} what I learned,\u{201d} he said."),
            vec!["\u{2026} what I learned,"]
        );
    }

    #[test]
    fn a_double_mark_after_a_closed_single_one_and_a_space_closes() {
        assert_eq!(
            quoted("\"I hate the term 'outreach,' \" he said."),
            vec!["I hate the term 'outreach,'"]
        );
    }

    #[test]
    fn guillemets() {
        assert_eq!(quoted("Il a dit: «Jamais ici.»"), vec!["Jamais ici."]);
    }

    #[test]
    fn multi_paragraph_quote() {
        let t = "\"First part of it goes on\n\n\"and then ends here,\" she said.";
        assert_eq!(
            quoted(t),
            vec!["First part of it goes on", "and then ends here,"]
        );
        let paras = crate::text::paragraphs(t);
        assert!(regions(t, &paras)[0].continues);
    }

    #[test]
    fn unbalanced_marks_do_not_panic_or_swallow_everything() {
        assert_eq!(quoted("a \" b"), Vec::<&str>::new());
        assert_eq!(quoted("\"\"\"\"\""), Vec::<&str>::new());
        assert_eq!(quoted("it's 5' tall"), Vec::<&str>::new());
    }
}
