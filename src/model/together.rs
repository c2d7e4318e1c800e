//! The speaker stage: a quote's stance decided together with its speaker's other quotes in
//! the same article.
//!
//! A speaker rarely changes sides within one article, and a quote read alone is often
//! ambiguous ("So far, it has not."). The first stage classifies each quote; this stage, a
//! logistic model over a few numbers, takes each quote's first-stage probabilities and where
//! the same speaker's other quotes on the topic in the article lean, and gives the quote's
//! final stance. It is trained on first-stage predictions for articles the first stage did
//! not see ([`super::train`]), so it learns how far to trust the others, not how well the
//! first stage fits its own training data. Everything it reads is within one article, so
//! reports of shards still merge into the report of the whole input.

use super::logistic::{CheckedLogisticParams, FitReport, LogisticError};
use crate::features::SparseMatrix;
use serde::{Deserialize, Serialize};

/// The stance labels the stage works on, in this order.
pub(crate) const LABELS: [&str; 3] = ["favor", "against", "none"];

/// Where a speaker's other quotes in an article lean: their mean probabilities and how many.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Others {
    pub mean: [f64; 3],
    pub count: usize,
}

const FEATURES: usize = 7;

fn features(own: &[f64; 3], others: Option<Others>) -> Vec<(u32, f32)> {
    let ln = |p: f64| p.clamp(1e-6, 1.0).ln() as f32;
    let mut row = vec![(0, ln(own[0])), (1, ln(own[1])), (2, ln(own[2]))];
    if let Some(o) = others {
        row.extend([
            (3, (o.mean[0] - o.mean[1]) as f32),
            (4, o.mean[2] as f32),
            (5, (1.0 + o.count as f64).ln() as f32),
            (6, 1.0),
        ]);
    }
    row
}

/// For each quote, the other relevant quotes of the same speaker: quotes are grouped by
/// `speakers` (quotes without a speaker stand alone), and only quotes marked `relevant` count
/// as others.
pub(crate) fn others(
    probs: &[[f64; 3]],
    speakers: &[Option<&str>],
    relevant: &[bool],
) -> Vec<Option<Others>> {
    let mut totals: std::collections::HashMap<&str, ([f64; 3], usize)> =
        std::collections::HashMap::new();
    for ((p, s), &r) in probs.iter().zip(speakers).zip(relevant) {
        if let Some(s) = s.filter(|_| r) {
            let e = totals.entry(s).or_default();
            (0..3).for_each(|k| e.0[k] += p[k]);
            e.1 += 1;
        }
    }
    probs
        .iter()
        .zip(speakers)
        .zip(relevant)
        .map(|((p, s), &r)| {
            let (sum, n) = totals.get((*s)?)?;
            let (mut sum, mut n) = (*sum, *n);
            if r {
                (0..3).for_each(|k| sum[k] -= p[k]);
                n -= 1;
            }
            (n > 0).then(|| Others {
                mean: sum.map(|v| v / n as f64),
                count: n,
            })
        })
        .collect()
}

/// The fitted stage, as the model file keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerStage {
    weights: Vec<f32>,
    intercept: Vec<f32>,
    pub report: FitReport,
    /// Quotes it was trained on.
    pub rows: usize,
}

impl SpeakerStage {
    /// Fits the stage on quotes' out-of-sample first-stage probabilities, their speakers'
    /// others and gold labels (indices into [`LABELS`]).
    pub(crate) fn fit(
        params: &CheckedLogisticParams,
        examples: &[([f64; 3], Option<Others>, usize)],
    ) -> Result<SpeakerStage, LogisticError> {
        let rows = examples.iter().map(|(own, o, _)| features(own, *o));
        let x = SparseMatrix::from_rows(rows, FEATURES);
        let y: Vec<usize> = examples.iter().map(|e| e.2).collect();
        let fitted = params.fit(&x, &y, LABELS.len())?;
        Ok(SpeakerStage {
            weights: fitted.weights.clone(),
            intercept: fitted.intercept.clone(),
            report: fitted.report().clone(),
            rows: examples.len(),
        })
    }

    /// The final probabilities of a quote (in [`LABELS`] order).
    pub(crate) fn apply(&self, own: &[f64; 3], others: Option<Others>) -> [f64; 3] {
        if !self.is_whole() {
            return *own;
        }
        // The logistic model's probabilities, weights feature-major as the engine stores
        // them, computed in place: the stage runs once per quote.
        let mut z = [0f64; 3];
        for (k, zk) in z.iter_mut().enumerate() {
            *zk = f64::from(self.intercept[k]);
        }
        for (j, v) in features(own, others) {
            for (k, zk) in z.iter_mut().enumerate() {
                *zk += f64::from(v) * f64::from(self.weights[j as usize * 3 + k]);
            }
        }
        let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let e = z.map(|v| (v - max).exp());
        let sum: f64 = e.iter().sum();
        e.map(|v| v / sum)
    }

    /// Whether the stored sizes fit the stage's features (a damaged file otherwise).
    pub(crate) fn is_whole(&self) -> bool {
        self.weights.len() == FEATURES * LABELS.len()
            && self.intercept.len() == LABELS.len()
            && self
                .weights
                .iter()
                .chain(&self.intercept)
                .all(|w| w.is_finite())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn others_are_the_same_speakers_other_relevant_quotes() {
        let probs = [
            [0.8, 0.1, 0.1],
            [0.2, 0.6, 0.2],
            [0.6, 0.2, 0.2],
            [0.1, 0.1, 0.8],
        ];
        let speakers = [Some("A"), Some("B"), Some("A"), Some("A")];
        let relevant = [true, true, true, false];
        let o = others(&probs, &speakers, &relevant);
        assert_eq!(o[0].unwrap().count, 1);
        assert!((o[0].unwrap().mean[0] - 0.6).abs() < 1e-12);
        assert_eq!(o[1], None, "B has no other quote");
        assert_eq!(
            o[3].unwrap().count,
            2,
            "an irrelevant quote still sees the others"
        );
    }

    #[test]
    fn the_stage_learns_to_follow_a_consistent_speaker() {
        let params = super::super::logistic::LogisticParams::default()
            .check()
            .unwrap();
        // Ambiguous own reading; the others decide.
        let mut examples = Vec::new();
        for i in 0..40 {
            let lean = if i % 2 == 0 { 0.7 } else { -0.7 };
            let mean = if lean > 0.0 {
                [0.8, 0.1, 0.1]
            } else {
                [0.1, 0.8, 0.1]
            };
            let gold = if lean > 0.0 { 0 } else { 1 };
            examples.push(([0.4, 0.4, 0.2], Some(Others { mean, count: 2 }), gold));
            examples.push(([0.1, 0.1, 0.8], None, 2));
        }
        let stage = SpeakerStage::fit(&params, &examples).unwrap();
        assert!(stage.is_whole());
        let p = stage.apply(
            &[0.4, 0.4, 0.2],
            Some(Others {
                mean: [0.1, 0.8, 0.1],
                count: 2,
            }),
        );
        assert!(p[1] > p[0], "{p:?}");
    }
}
