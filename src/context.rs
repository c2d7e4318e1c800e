//! Context: where each quote sits in its article, for the stages that read more than the
//! quote's own words.
//!
//! For every quote, the sentence that holds it with its attribution (where the reporter's
//! framing is: "rejected", "welcomed", "warned against"), the sentence before it, and its
//! paragraph; for the article, its title and paragraphs, from which [`crate::topic`] measures
//! how much the article is about a topic. Spans are byte offsets into the body, as everywhere.
//! This module does not read topics or models.

use crate::quote::{self, Quote};
use crate::text;
use crate::text::Span;

/// An article's title and paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Layout {
    pub paragraphs: Vec<Span>,
    /// The title given with the article, else the headline line that opens a plain-text body.
    pub title: Option<String>,
}

/// Where one quote sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QuoteContext {
    /// The sentence or sentences holding the quote, its speaker and its cue.
    pub sentence: Span,
    /// The sentence before, when there is one in the same or the previous paragraph.
    pub before: Option<Span>,
    /// Index into [`Layout::paragraphs`] of the paragraph where the quote starts.
    pub paragraph: u32,
}

/// The most of its sentence a quote's context keeps on either side of the quote, and of the
/// sentence before: more than any real sentence, and a bound on the work per quote when a
/// "sentence" is a whole page without a full stop (then every quote's context was the page).
pub(crate) const WINDOW: usize = 1000;

/// How many paragraphs at the start of a body may hold its headline (the first lines of a page
/// saved as text are often furniture: "Share this article", a date).
const HEADLINE_SEARCH: usize = 4;

impl Layout {
    pub(crate) fn new(body: &str, title: Option<&str>) -> Layout {
        let paragraphs = text::paragraphs(body);
        let title = title
            .map(str::to_string)
            .or_else(|| headline(body, &paragraphs));
        Layout { paragraphs, title }
    }

    /// The paragraphs' text.
    pub(crate) fn texts<'a>(&self, body: &'a str) -> Vec<&'a str> {
        self.paragraphs.iter().map(|p| p.text(body)).collect()
    }

    /// The paragraph holding byte `at` (the last one starting at or before it).
    pub(crate) fn paragraph_of(&self, at: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.start <= at)
            .saturating_sub(1)
    }
}

/// The first short line without a closing full stop among the first paragraphs: a headline.
fn headline(body: &str, paragraphs: &[Span]) -> Option<String> {
    paragraphs.iter().take(HEADLINE_SEARCH).find_map(|p| {
        let t = p.text(body).trim();
        let words = t.split_whitespace().count();
        let closed = t.ends_with(['.', '"', '\u{201d}', '\'', '\u{2019}', ':']);
        (3..=20)
            .contains(&words)
            .then_some(())
            .filter(|_| !closed)?;
        Some(t.to_string())
    })
}

/// The context of every quote of `quotes`, in order.
pub(crate) fn contexts(body: &str, layout: &Layout, quotes: &[Quote]) -> Vec<QuoteContext> {
    let opaque: Vec<Span> = {
        let mut v: Vec<Span> = quotes
            .iter()
            .flat_map(|q| q.spans.iter().copied())
            .collect();
        v.sort();
        v
    };
    // Where each quote reaches, with its speaker and cue, and the paragraphs of both ends.
    let reach: Vec<(usize, usize, usize, usize)> = quotes
        .iter()
        .map(|q| {
            let mut lo = q.spans.first().map_or(0, |s| s.start);
            let mut hi = q.spans.last().map_or(0, |s| s.end);
            for s in q.source.iter().chain(q.cue.iter()) {
                lo = lo.min(s.start);
                hi = hi.max(s.end);
            }
            (lo, hi, layout.paragraph_of(lo), layout.paragraph_of(hi))
        })
        .collect();
    if layout.paragraphs.is_empty() {
        return reach
            .iter()
            .map(|&(lo, hi, _, _)| QuoteContext {
                sentence: Span::new(lo, hi),
                before: None,
                paragraph: 0,
            })
            .collect();
    }
    // Sentences of each paragraph, split once and only where a quote needs them (its own
    // paragraphs and the one before, for the sentence before it).
    let mut split: Vec<Option<Vec<Span>>> = vec![None; layout.paragraphs.len()];
    for &(_, _, pa, pb) in &reach {
        for p in [Some(pa), Some(pb), pa.checked_sub(1)]
            .into_iter()
            .flatten()
        {
            split[p].get_or_insert_with(|| {
                let para = layout.paragraphs[p];
                let toks = text::tokens(body, para);
                let lo = opaque.partition_point(|s| s.end <= para.start);
                let hi = opaque.partition_point(|s| s.start < para.end);
                text::sentences(body, &toks, para, &opaque[lo..hi], quote::is_cue)
                    .into_iter()
                    .map(|s| s.span)
                    .collect()
            });
        }
    }
    let sentences_of = |p: usize| split[p].as_deref().unwrap_or_default();
    // Sentences are in order and do not overlap, so both searches are binary: a paragraph of
    // many quotes and sentences cost a scan (and a copy of its sentences) per quote.
    reach
        .iter()
        .map(|&(lo, hi, pa, pb)| {
            let first = sentences_of(pa);
            let start_at = first.partition_point(|s| s.start <= lo).saturating_sub(1);
            let start = first.get(start_at).map_or(lo, |s| s.start.min(lo));
            let last = sentences_of(pb);
            let end = last
                .get(last.partition_point(|s| s.end < hi))
                .map_or(hi, |s| s.end.max(hi));
            let start = start.max(body.ceil_char_boundary(lo.saturating_sub(WINDOW)));
            let end = end.min(body.floor_char_boundary(hi.saturating_add(WINDOW)));
            let before = if start_at > 0 {
                Some(first[start_at - 1])
            } else if pa > 0 {
                sentences_of(pa - 1).last().copied()
            } else {
                None
            };
            let before = before.map(|b| {
                let from = body.ceil_char_boundary(b.end.saturating_sub(WINDOW));
                Span::new(b.start.max(from), b.end)
            });
            QuoteContext {
                sentence: Span::new(start, end),
                before,
                paragraph: pa as u32,
            }
        })
        .collect()
}

/// How the text names a quote's speaker: the resolved name and the mention that attributes
/// it ("Reza Kazemi" and "the spokesman"), as `classify` gives them to the model.
pub(crate) fn speaker_text(quote: &Quote, body: &str) -> Option<String> {
    let mention = quote.source.map(|s| s.text(body));
    match (quote.speaker.as_deref(), mention) {
        (Some(a), Some(b)) if a != b => Some(format!("{a}; {b}")),
        (Some(a), _) => Some(a.to_string()),
        (None, b) => b.map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_gets_its_sentence_the_one_before_and_its_paragraph() {
        let body = "Serbia Rejects Plan\n\nTalks resumed in Vienna. \"We will never accept it,\" \
                    the minister said angrily. Others agreed.\n\nA second paragraph.";
        let quotes = crate::extract(body);
        let layout = Layout::new(body, None);
        assert_eq!(layout.title.as_deref(), Some("Serbia Rejects Plan"));
        let ctx = contexts(body, &layout, &quotes);
        let i = quotes
            .iter()
            .position(|q| q.text.contains("never accept"))
            .unwrap();
        assert_eq!(
            ctx[i].sentence.text(body),
            "\"We will never accept it,\" the minister said angrily."
        );
        assert_eq!(
            ctx[i].before.map(|b| b.text(body)),
            Some("Talks resumed in Vienna.")
        );
        assert_eq!(ctx[i].paragraph, 1);
    }

    /// A page without a full stop is one "sentence": each quote keeps a window of it.
    #[test]
    fn a_quote_in_an_endless_sentence_keeps_a_window_of_it() {
        let body = "\u{201c}We agree,\u{201d} Putin said, and ".repeat(500);
        let quotes = crate::extract(&body);
        assert!(quotes.len() > 100);
        let layout = Layout::new(&body, None);
        for (q, c) in quotes.iter().zip(contexts(&body, &layout, &quotes)) {
            let spans = q.spans.iter().chain(&q.source).chain(&q.cue);
            let lo = spans.clone().map(|s| s.start).min().unwrap();
            let hi = spans.map(|s| s.end).max().unwrap();
            assert!(c.sentence.start <= lo && hi <= c.sentence.end, "{c:?}");
            assert!(
                c.sentence.end - c.sentence.start <= hi - lo + 2 * WINDOW,
                "{c:?}"
            );
            let _ = c.sentence.text(&body);
        }
    }
}
