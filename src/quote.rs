//! Quotes: attributed speech found in an article.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How the speaker's words are given (see `LABELS.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The speaker's words in quotation marks, a sentence or more.
    Direct,
    /// Reported speech without quotation marks.
    Indirect,
    /// A quoted fragment inside the reporter's own sentence.
    Partial,
}

impl QuoteKind {
    pub const ALL: [QuoteKind; 3] = [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Partial];

    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Partial => "partial",
        }
    }
}

impl fmt::Display for QuoteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for QuoteKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "direct" => Ok(QuoteKind::Direct),
            "indirect" => Ok(QuoteKind::Indirect),
            "partial" => Ok(QuoteKind::Partial),
            other => Err(format!(
                "unknown quote kind {other:?} (expected direct, indirect or partial)"
            )),
        }
    }
}

/// A byte range of the article body. Offsets never change once set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

/// One attributed statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub kind: QuoteKind,
    /// The quoted words; for a quote split around its attribution, the parts joined by a space.
    pub text: String,
    /// The parts of `text` in the body, in order (one for a contiguous quote).
    pub spans: Vec<Span>,
    /// The resolved canonical actor, if any.
    pub speaker: Option<String>,
    /// The mention that attributes the quote ("he", "the spokesman", "Putin").
    pub source: Option<Span>,
    /// The attribution cue ("said", "according to", ":").
    pub cue: Option<Span>,
}
