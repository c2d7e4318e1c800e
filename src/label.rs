//! The label sets of `docs/labels.md`: stance toward a topic and sentiment of a statement.
//!
//! Models learn whatever labels their training files hold (as case-folded strings); these enums
//! are what the rest of the library works with once a prediction is read as a stance or a
//! sentiment.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Where a speaker stands on the topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Favor,
    Against,
    None,
}

/// The tone of the statement's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sentiment {
    Positive,
    Negative,
    /// Also read from `neither`, SemEval's name for it.
    #[serde(alias = "neither")]
    Neutral,
}

/// A label string that is not one of the expected names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} label {found:?} (expected {expected})")]
pub struct UnknownLabel {
    pub kind: &'static str,
    pub found: String,
    pub expected: &'static str,
}

impl Stance {
    pub const ALL: [Stance; 3] = [Stance::Favor, Stance::Against, Stance::None];

    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Favor => "favor",
            Stance::Against => "against",
            Stance::None => "none",
        }
    }
}

impl Sentiment {
    pub const ALL: [Sentiment; 3] = [Sentiment::Positive, Sentiment::Negative, Sentiment::Neutral];

    pub fn as_str(self) -> &'static str {
        match self {
            Sentiment::Positive => "positive",
            Sentiment::Negative => "negative",
            Sentiment::Neutral => "neutral",
        }
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Sentiment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Stance {
    type Err = UnknownLabel;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "favor" => Ok(Stance::Favor),
            "against" => Ok(Stance::Against),
            "none" => Ok(Stance::None),
            _ => Err(UnknownLabel {
                kind: "stance",
                found: s.to_string(),
                expected: "favor, against or none",
            }),
        }
    }
}

impl FromStr for Sentiment {
    type Err = UnknownLabel;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "positive" => Ok(Sentiment::Positive),
            "negative" => Ok(Sentiment::Negative),
            "neutral" | "neither" => Ok(Sentiment::Neutral),
            _ => Err(UnknownLabel {
                kind: "sentiment",
                found: s.to_string(),
                expected: "positive, negative or neutral",
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_text_and_serde() {
        for s in Stance::ALL {
            assert_eq!(s.to_string().parse::<Stance>().unwrap(), s);
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{s}\""));
            assert_eq!(serde_json::from_str::<Stance>(&json).unwrap(), s);
        }
        for s in Sentiment::ALL {
            assert_eq!(s.to_string().parse::<Sentiment>().unwrap(), s);
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(serde_json::from_str::<Sentiment>(&json).unwrap(), s);
        }
    }

    #[test]
    fn case_is_folded_and_neither_is_neutral() {
        assert_eq!(" FAVOR ".parse::<Stance>().unwrap(), Stance::Favor);
        assert_eq!("NEITHER".parse::<Sentiment>().unwrap(), Sentiment::Neutral);
        assert_eq!(
            serde_json::from_str::<Sentiment>("\"neither\"").unwrap(),
            Sentiment::Neutral
        );
    }

    #[test]
    fn unknown_labels_are_errors_naming_the_label() {
        let err = "pro".parse::<Stance>().unwrap_err();
        assert!(err.to_string().contains("\"pro\""), "{err}");
        assert!("neither".parse::<Stance>().is_err());
    }
}
