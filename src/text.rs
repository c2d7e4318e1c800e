//! Plain-text structure: paragraphs, sentences and word tokens, all as byte spans of the body.
//!
//! Offsets are never changed by later stages (the rule tantivy keeps for its tokens): text may
//! be compared case-folded, but every span points into the body exactly as read.

use serde::{Deserialize, Serialize};

/// A byte range of the article body. Offsets never change once set.
///
/// ```
/// let body = "\"We will not sign this treaty,\" the minister said.";
/// let quote = &demarche::extract(body)[0];
/// let span = quote.spans[0];
/// assert_eq!(span.text(body), "We will not sign this treaty");
/// assert_eq!((span.start, span.len()), (1, 28));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The bytes `start..end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether it holds no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Its text in `body`, the text its offsets were taken from.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

/// Paragraphs: the non-blank lines of the body, trimmed.
/// The owner a possessive word names (`Putin's` -> `Putin`), with a straight or a curly
/// apostrophe; `None` for a word that is no possessive.
pub(crate) fn possessive_stem(word: &str) -> Option<&str> {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
}

/// Whether a word is a possessive (`Putin's`, `the ministry\u{2019}s`).
pub(crate) fn is_possessive(word: &str) -> bool {
    possessive_stem(word).is_some()
}

pub(crate) fn paragraphs(body: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in body.split_inclusive('\n') {
        let span = trim(body, Span::new(start, start + line.len()));
        let span = strip_bom(body, span);
        if !span.is_empty() {
            out.push(span);
        }
        start += line.len();
    }
    out
}

fn strip_bom(body: &str, span: Span) -> Span {
    if span.text(body).starts_with('\u{feff}') {
        trim(body, Span::new(span.start + 3, span.end))
    } else {
        span
    }
}

/// Trims whitespace from both ends of a span.
pub(crate) fn trim(body: &str, span: Span) -> Span {
    let text = span.text(body);
    let start = span.start + (text.len() - text.trim_start().len());
    let end = span.end - (text.len() - text.trim_end().len());
    Span::new(start, end.max(start))
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    Word,
    Punct,
}

/// A word or punctuation mark, with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub(crate) fn text<'a>(&self, body: &'a str) -> &'a str {
        self.span.text(body)
    }
}

/// Tokens of `span`: words and single punctuation marks.
///
/// A word is a run of letters and digits, joined across one inner apostrophe, period, comma
/// between digits or hyphen when a letter or digit follows (`don't`, `Haiti's`, `U.S`,
/// `3,000`, `al-Assad`, `Jean-Marc`). Written by hand rather than with UAX #29 word
/// boundaries (`unicode-segmentation`) because it is the extractor's hottest loop and this
/// scan is several times faster while giving the tokens the later stages need.
pub(crate) fn tokens(body: &str, span: Span) -> Vec<Token> {
    let text = span.text(body);
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    let mut word_start: Option<usize> = None;
    let mut prev_alnum = false;
    while let Some((i, c)) = it.next() {
        if c.is_alphanumeric() {
            if word_start.is_none() {
                word_start = Some(i);
            }
            prev_alnum = true;
            continue;
        }
        let next_alnum = it.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        let joiner = match c {
            '\'' | '\u{2019}' | '.' | '-' | '\u{2010}' | '\u{2011}' => true,
            ',' => {
                // Digit groups only: "3,000".
                let prev_digit = text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_digit());
                prev_digit && it.peek().is_some_and(|&(_, n)| n.is_ascii_digit())
            }
            _ => false,
        };
        if joiner && prev_alnum && next_alnum && word_start.is_some() {
            continue;
        }
        if let Some(ws) = word_start.take() {
            out.push(Token {
                span: Span::new(span.start + ws, span.start + i),
                kind: TokenKind::Word,
            });
        }
        prev_alnum = false;
        if !c.is_whitespace() {
            out.push(Token {
                span: Span::new(span.start + i, span.start + i + c.len_utf8()),
                kind: TokenKind::Punct,
            });
        }
    }
    if let Some(ws) = word_start {
        out.push(Token {
            span: Span::new(span.start + ws, span.end),
            kind: TokenKind::Word,
        });
    }
    out
}

/// Words that end with a period that does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt",
    "prof", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr",
    "aug", "sept", "sep", "oct", "nov", "dec", "adm", "amb", "pres", "rev", "hon", "messrs", "mt",
    "ft", "fig", "approx", "dept", "est", "cmdr", "supt", "insp", "brig", "cpl", "pvt",
];

/// True when the word before a period makes it an abbreviation, not a sentence end.
fn is_abbreviation(word: &str) -> bool {
    static SET: std::sync::OnceLock<crate::wordset::WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| crate::wordset::WordSet::new(ABBREVIATIONS.iter().copied()))
        .contains_folded(word)
        || word.contains('.')
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// Spans sorted by start (nesting allowed), asked whether any of them covers a position or a
/// span, in logarithmic time: a sentence of a hostile article can hold thousands of quotes.
pub(crate) struct Cover {
    starts: Vec<usize>,
    /// The largest end among the spans up to each index.
    max_end: Vec<usize>,
}

impl Cover {
    /// `spans` must be sorted by start.
    pub(crate) fn new(spans: impl IntoIterator<Item = Span>) -> Cover {
        let mut cover = Cover {
            starts: Vec::new(),
            max_end: Vec::new(),
        };
        for s in spans {
            debug_assert!(cover.starts.last().is_none_or(|&l| l <= s.start));
            let end = cover.max_end.last().map_or(s.end, |&m| m.max(s.end));
            cover.starts.push(s.start);
            cover.max_end.push(end);
        }
        cover
    }

    /// Whether some span holds all of `x` (`s.start <= x.start && x.end <= s.end`).
    pub(crate) fn holds(&self, x: Span) -> bool {
        let n = self.starts.partition_point(|&s| s <= x.start);
        n > 0 && self.max_end[n - 1] >= x.end
    }

    /// Whether `pos` is strictly inside some span (`s.start < pos && pos < s.end`).
    pub(crate) fn strictly_inside(&self, pos: usize) -> bool {
        let n = self.starts.partition_point(|&s| s < pos);
        n > 0 && self.max_end[n - 1] > pos
    }
}

/// A sentence of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// Where it is in the body.
    pub span: Span,
    /// The range of its tokens in the paragraph's tokens.
    pub tokens: std::ops::Range<usize>,
}

/// Splits a paragraph, given its tokens, into sentences, never inside a quoted region
/// (`opaque`, sorted). A quote that ends a sentence ends it after its closing mark, unless
/// a short attribution follows the mark: a word within six tokens for which `is_cue` holds
/// (a speech verb: `"...?" Ivanov asked.`).
pub(crate) fn sentences(
    body: &str,
    toks: &[Token],
    para: Span,
    opaque: &[Span],
    is_cue: impl Fn(&str) -> bool,
) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = para.start;
    let mut start_tok = 0;
    let opaque = Cover::new(opaque.iter().copied());
    let inside = |pos: usize| opaque.strictly_inside(pos);
    // The run of closing marks after an end mark, and the last quote mark in it, found once
    // for all the marks of the run: every mark of "...." has the same run after it, and
    // walking it again from each mark took time quadratic in its length (80,000 dots after a
    // word: a minute).
    let mut run: Option<(usize, usize, Option<usize>)> = None; // (from, end, last quote mark)
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let s = t.text(body);
        let is_end = matches!(s, "." | "?" | "!" | "\u{2026}");
        if is_end {
            let prev_word = if i > 0
                && toks[i - 1].kind == TokenKind::Word
                && toks[i - 1].span.end == t.span.start
            {
                Some(toks[i - 1].text(body))
            } else {
                None
            };
            let abbrev = s == "." && prev_word.is_some_and(is_abbreviation);
            // Swallow closing quote marks and brackets that follow.
            let (j, last_mark) = match run {
                Some((from, j, last_mark)) if from <= i && i < j => (j, last_mark),
                _ => {
                    let mut j = i + 1;
                    let mut last_mark = None;
                    while j < toks.len()
                        && matches!(
                            toks[j].text(body),
                            "\"" | "\u{201d}" | "'" | "\u{2019}" | ")" | "\u{bb}" | "." | "!" | "?"
                        )
                        && toks[j].span.start == toks[j - 1].span.end
                    {
                        if is_quote_mark(toks[j].text(body)) {
                            last_mark = Some(j);
                        }
                        j += 1;
                    }
                    run = Some((i, j, last_mark));
                    (j, last_mark)
                }
            };
            let end = toks[j - 1].span.end;
            let next_starts = match toks.get(j) {
                None => true,
                Some(n) => {
                    let c = n.text(body).chars().next().unwrap_or(' ');
                    c.is_uppercase() || c.is_numeric() || "\"\u{201c}\u{ab}'\u{2018}(".contains(c)
                }
            };
            // `"...?" Ivanov told reporters` goes on: the quote's attribution follows it.
            let closes_quote = last_mark.is_some_and(|m| m > i);
            let attribution_follows = closes_quote
                && toks[j.min(toks.len())..]
                    .iter()
                    .take(6)
                    .take_while(|t| {
                        !matches!(t.text(body), "\"" | "\u{201c}" | "\u{2018}" | "\u{ab}")
                    })
                    .any(|t| is_cue(t.text(body)))
                && (s != "." || short_attribution(body, &toks[j.min(toks.len())..]))
                && !(s == "."
                    && leads_next_quote(body, &toks[j.min(toks.len())..])
                    && cue_before(
                        body,
                        &toks[start_tok.max(i.saturating_sub(LEAD_REACH))..i],
                        &is_cue,
                        &inside,
                    ));
            if !abbrev && next_starts && !inside(end) && !attribution_follows {
                out.push(Sentence {
                    span: Span::new(start, end),
                    tokens: start_tok..j,
                });
                start = toks.get(j).map_or(para.end, |n| n.span.start);
                start_tok = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < para.end {
        let rest = trim(body, Span::new(start, para.end));
        if !rest.is_empty() {
            out.push(Sentence {
                span: rest,
                tokens: start_tok..toks.len(),
            });
        }
    }
    out
}

fn is_quote_mark(s: &str) -> bool {
    matches!(s, "\"" | "\u{201d}" | "'" | "\u{2019}" | "\u{bb}")
}

/// How far back a closed quote's own lead-in cue is looked for.
const LEAD_REACH: usize = 64;

/// `He added, "...`: a few words whose comma or colon opens the next quote, so they lead into
/// it rather than close the quote before.
fn leads_next_quote(body: &str, rest: &[Token]) -> bool {
    let Some(p) = first_stop(body, rest, &[".", "!", "?", ",", ":"]) else {
        return false;
    };
    matches!(rest[p].text(body), "," | ":")
        && rest
            .get(p + 1)
            .is_some_and(|t| matches!(t.text(body), "\"" | "\u{201c}"))
}

/// Where the first of the marks stands among the first six tokens. Only those can answer: no
/// scan to the end of a long paragraph.
fn first_stop(body: &str, rest: &[Token], marks: &[&str]) -> Option<usize> {
    rest.iter()
        .take(6)
        .position(|t| marks.contains(&t.text(body)))
}

/// Whether a cue outside quotation marks stands among the tokens: the quote that closes after
/// them already has its attribution (`Brafman said, "..." He added, "..."`).
fn cue_before(
    body: &str,
    toks: &[Token],
    is_cue: &impl Fn(&str) -> bool,
    inside: &impl Fn(usize) -> bool,
) -> bool {
    toks.iter()
        .any(|t| t.kind == TokenKind::Word && !inside(t.span.start) && is_cue(t.text(body)))
}

/// `Putin said.` / `said Putin.`: a few words with a cue, then the sentence ends.
fn short_attribution(body: &str, rest: &[Token]) -> bool {
    first_stop(body, rest, &[".", "!", "?", ","]).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_answers_as_a_scan_would_with_nested_spans() {
        let spans = [
            Span::new(0, 100),
            Span::new(10, 20),
            Span::new(30, 40),
            Span::new(120, 125),
            Span::new(120, 130),
        ];
        let cover = Cover::new(spans);
        for start in 0..140 {
            assert_eq!(
                cover.strictly_inside(start),
                spans.iter().any(|r| r.start < start && start < r.end),
                "position {start}"
            );
            for end in start..start + 12 {
                let x = Span::new(start, end);
                assert_eq!(
                    cover.holds(x),
                    spans.iter().any(|r| r.start <= x.start && x.end <= r.end),
                    "{x:?}"
                );
            }
        }
        assert!(!Cover::new([]).holds(Span::new(0, 0)));
    }

    fn texts(body: &str, spans: &[Span]) -> Vec<String> {
        spans.iter().map(|s| s.text(body).to_string()).collect()
    }

    fn split(body: &str, opaque: &[Span]) -> Vec<Span> {
        let para = Span::new(0, body.len());
        sentences(
            body,
            &tokens(body, para),
            para,
            opaque,
            crate::quote::is_cue,
        )
        .into_iter()
        .map(|s| s.span)
        .collect()
    }

    /// A run of end marks that does not end the sentence (a lowercase word follows) is
    /// walked once, not once per mark; the sentences are the same as before.
    #[test]
    fn a_long_run_of_end_marks_splits_as_a_short_one() {
        for n in [1, 3, 50_000] {
            let dots = ".".repeat(n);
            let body = format!("He said{dots} then it ended. \u{201c}Yes{dots}\u{201d} Next one.");
            assert_eq!(
                texts(&body, &split(&body, &[])),
                [
                    format!("He said{dots} then it ended."),
                    format!("\u{201c}Yes{dots}\u{201d}"),
                    "Next one.".to_string()
                ],
                "{n} dots"
            );
        }
    }

    #[test]
    fn paragraphs_are_nonblank_lines() {
        let b = "\u{feff}Title\n\n  One para.  \r\nTwo.\n";
        assert_eq!(texts(b, &paragraphs(b)), vec!["Title", "One para.", "Two."]);
    }

    #[test]
    fn tokens_keep_apostrophes_and_hyphens() {
        let b = "U.S. envoy al-Assad's don't, Jean-Marc.";
        let t: Vec<&str> = tokens(b, Span::new(0, b.len()))
            .iter()
            .map(|t| t.text(b))
            .collect();
        assert_eq!(
            t,
            vec![
                "U.S",
                ".",
                "envoy",
                "al-Assad's",
                "don't",
                ",",
                "Jean-Marc",
                "."
            ]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let b = "Mr. Smith met U.S. officials. \"We agree. Fully,\" he said. Next one!";
        let q = Span::new(30, 48);
        assert_eq!(&b[30..48], "\"We agree. Fully,\"");
        let s = split(b, &[q]);
        assert_eq!(
            texts(b, &s),
            vec![
                "Mr. Smith met U.S. officials.",
                "\"We agree. Fully,\" he said.",
                "Next one!"
            ]
        );
    }

    #[test]
    fn a_quote_ending_a_sentence_ends_after_its_mark() {
        let b = "He called it \"a precedent.\" Then he left.";
        let s = split(b, &[Span::new(13, 27)]);
        assert_eq!(
            texts(b, &s),
            vec!["He called it \"a precedent.\"", "Then he left."]
        );
    }

    #[test]
    fn a_lead_in_after_a_quote_with_its_own_cue_opens_a_sentence() {
        let b = "Ruiz said, \"It is over.\" She added, \"We lost.\"";
        let q1 = Span::new(11, 24);
        let q2 = Span::new(
            b.rfind('"').map_or(0, |e| b[..e].rfind('"').unwrap_or(0)),
            b.len(),
        );
        assert_eq!(&b[q1.start..q1.end], "\"It is over.\"");
        let s = split(b, &[q1, q2]);
        assert_eq!(
            texts(b, &s),
            vec!["Ruiz said, \"It is over.\"", "She added, \"We lost.\""]
        );
        // Without a cue of its own before it, the quote keeps the words after it.
        let b = "\"It is over.\" She added, \"We lost.\"";
        let s = split(b, &[Span::new(0, 13), Span::new(25, b.len())]);
        assert_eq!(s.len(), 1, "{:?}", texts(b, &s));
    }

    #[test]
    fn a_question_quote_keeps_its_attribution() {
        let b = "\"Are we not as good?\" Ivanov told reporters. Next.";
        let s = split(b, &[Span::new(0, 22)]);
        assert_eq!(
            texts(b, &s),
            vec!["\"Are we not as good?\" Ivanov told reporters.", "Next."]
        );
    }
}
