//! The label sets of `docs/labels.md`: stance toward a topic and sentiment of a statement,
//! and [`LabelProbs`], labels with their probabilities.
//!
//! Models learn whatever labels their training files hold (as case-folded strings); these enums
//! are what the rest of the library works with once a prediction is read as a stance or a
//! sentiment.

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// Labels shown first, in this order; any other label follows alphabetically.
const KNOWN_LABELS: [&str; 6] = [
    "favor", "against", "none", "positive", "negative", "neutral",
];

/// The display order of labels: favor, against, none, positive, negative, neutral, then any
/// other label alphabetically.
pub fn label_order(a: &str, b: &str) -> Ordering {
    let rank = |l: &str| {
        KNOWN_LABELS
            .iter()
            .position(|k| *k == l)
            .unwrap_or(usize::MAX)
    };
    rank(a).cmp(&rank(b)).then_with(|| a.cmp(b))
}

/// Labels with their probabilities: what a model says of one statement for one task, or what
/// a report says of an actor. Serialized as a JSON object, in the order the labels are held.
///
/// ```
/// use demarche::LabelProbs;
///
/// let mut p: LabelProbs = [("none", 0.2), ("against", 0.7), ("favor", 0.1)].into_iter().collect();
/// assert_eq!(p.best(), Some(("against", 0.7)));
/// assert_eq!(p.get("favor"), 0.1);
/// assert_eq!(p.get("query"), 0.0, "a label it does not hold has probability 0");
/// p.sort();
/// assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"favor":0.1,"against":0.7,"none":0.2}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LabelProbs {
    pub(crate) labels: Vec<String>,
    pub(crate) probs: Vec<f64>,
}

impl LabelProbs {
    /// The most probable label and its probability, the first in held order on ties; `None`
    /// when there is no label.
    pub fn best(&self) -> Option<(&str, f64)> {
        let mut best: Option<usize> = None;
        for (i, &p) in self.probs.iter().enumerate() {
            if best.is_none_or(|b| p > self.probs[b]) {
                best = Some(i);
            }
        }
        best.map(|i| (self.labels[i].as_str(), self.probs[i]))
    }

    /// The best label read as `T` (e.g. [`Stance`]), if it is one.
    pub fn best_as<T: FromStr>(&self) -> Option<T> {
        self.best().and_then(|(l, _)| l.parse().ok())
    }

    /// The probability of `label`: 0 for a label not held (the first, if held twice).
    pub fn get(&self, label: &str) -> f64 {
        self.labels
            .iter()
            .position(|l| l == label)
            .map_or(0.0, |i| self.probs[i])
    }

    /// Whether `label` is held.
    pub fn contains(&self, label: &str) -> bool {
        self.labels.iter().any(|l| l == label)
    }

    /// Labels and probabilities, in held order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, f64)> {
        self.labels
            .iter()
            .map(String::as_str)
            .zip(self.probs.iter().copied())
    }

    /// The labels, in held order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// How many labels there are.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether there are no labels.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Adds a label at the end.
    pub fn push(&mut self, label: impl Into<String>, p: f64) {
        self.labels.push(label.into());
        self.probs.push(p);
    }

    /// Puts the labels in display order ([`label_order`]).
    pub fn sort(&mut self) {
        let mut pairs: Vec<(String, f64)> = std::mem::take(&mut self.labels)
            .into_iter()
            .zip(std::mem::take(&mut self.probs))
            .collect();
        pairs.sort_by(|a, b| label_order(&a.0, &b.0));
        *self = pairs.into_iter().collect();
    }

    /// A copy in display order.
    pub fn sorted(&self) -> LabelProbs {
        let mut p = self.clone();
        p.sort();
        p
    }
}

impl<L: Into<String>> FromIterator<(L, f64)> for LabelProbs {
    fn from_iter<I: IntoIterator<Item = (L, f64)>>(iter: I) -> LabelProbs {
        let mut p = LabelProbs::default();
        for (label, prob) in iter {
            p.push(label, prob);
        }
        p
    }
}

impl Serialize for LabelProbs {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len()))?;
        for (label, p) in self.iter() {
            map.serialize_entry(label, &p)?;
        }
        map.end()
    }
}

/// Where a speaker stands on the topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// For what the topic names.
    Favor,
    /// Against it.
    Against,
    /// No position on it: procedural, factual or balanced words, or another subject.
    None,
}

/// The tone of the statement's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sentiment {
    /// Approving, hopeful, warm words.
    Positive,
    /// Critical, alarmed, hostile words.
    Negative,
    /// Also read from `neither`, SemEval's name for it.
    #[serde(alias = "neither")]
    Neutral,
}

/// A label string that is not one of the expected names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} label {found:?} (expected {expected})")]
pub struct UnknownLabel {
    /// What was being read (`stance`, `sentiment`).
    pub kind: &'static str,
    /// The string that is no label.
    pub found: String,
    /// The names it could have been.
    pub expected: &'static str,
}

impl Stance {
    /// Every stance, in the order reports list them.
    pub const ALL: [Stance; 3] = [Stance::Favor, Stance::Against, Stance::None];

    /// The label as models and reports write it (`favor`, `against`, `none`).
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Favor => "favor",
            Stance::Against => "against",
            Stance::None => "none",
        }
    }
}

impl Sentiment {
    /// Every sentiment, in the order reports list them.
    pub const ALL: [Sentiment; 3] = [Sentiment::Positive, Sentiment::Negative, Sentiment::Neutral];

    /// The label as models and reports write it (`positive`, `negative`, `neutral`).
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
