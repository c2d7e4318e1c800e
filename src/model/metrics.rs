//! Scores of predicted labels against gold ones: accuracy, per-class precision/recall/F1,
//! macro-F1, F_avg (SemEval's mean F1 of favor and against) and the confusion matrix.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Precision, recall and F1 of one class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassScores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Gold rows of this class.
    pub support: usize,
}

/// Rows by gold label (`matrix[gold][predicted]`), labels sorted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Confusion {
    pub labels: Vec<String>,
    pub matrix: Vec<Vec<usize>>,
}

/// All scores of one task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    pub rows: usize,
    pub accuracy: f64,
    /// Mean F1 over the gold labels.
    pub macro_f1: f64,
    /// Mean F1 of `favor` and `against`, when both are gold labels.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub f_avg: Option<f64>,
    pub per_class: BTreeMap<String, ClassScores>,
    pub confusion: Confusion,
}

/// Scores `predicted` against `gold` (same length). Precision and recall are pooled over all
/// rows, as SemEval scores them.
pub fn score<G: AsRef<str>, P: AsRef<str>>(gold: &[G], predicted: &[P]) -> Scores {
    debug_assert_eq!(gold.len(), predicted.len());
    let mut labels: Vec<String> = gold
        .iter()
        .map(|g| g.as_ref().to_string())
        .chain(predicted.iter().map(|p| p.as_ref().to_string()))
        .collect();
    labels.sort();
    labels.dedup();
    let at = |l: &str| labels.binary_search_by(|x| x.as_str().cmp(l)).unwrap_or(0);
    let mut matrix = vec![vec![0usize; labels.len()]; labels.len()];
    for (g, p) in gold.iter().zip(predicted) {
        matrix[at(g.as_ref())][at(p.as_ref())] += 1;
    }
    let rows = gold.len();
    let correct: usize = (0..labels.len()).map(|i| matrix[i][i]).sum();
    let mut per_class = BTreeMap::new();
    for (i, label) in labels.iter().enumerate() {
        let support: usize = matrix[i].iter().sum();
        let predicted_n: usize = matrix.iter().map(|r| r[i]).sum();
        if support == 0 {
            continue;
        }
        let tp = matrix[i][i] as f64;
        let precision = if predicted_n == 0 {
            0.0
        } else {
            tp / predicted_n as f64
        };
        let recall = tp / support as f64;
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        per_class.insert(
            label.clone(),
            ClassScores {
                precision,
                recall,
                f1,
                support,
            },
        );
    }
    let macro_f1 = if per_class.is_empty() {
        0.0
    } else {
        per_class.values().map(|c| c.f1).sum::<f64>() / per_class.len() as f64
    };
    let f_avg = match (per_class.get("favor"), per_class.get("against")) {
        (Some(f), Some(a)) => Some((f.f1 + a.f1) / 2.0),
        _ => None,
    };
    Scores {
        rows,
        accuracy: if rows == 0 {
            0.0
        } else {
            correct as f64 / rows as f64
        },
        macro_f1,
        f_avg,
        per_class,
        confusion: Confusion { labels, matrix },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_match_a_hand_computed_example() {
        let gold = ["favor", "favor", "against", "none", "against"];
        let pred = ["favor", "against", "against", "favor", "against"];
        let s = score(&gold, &pred);
        assert_eq!(s.rows, 5);
        assert!((s.accuracy - 0.6).abs() < 1e-12);
        let favor = &s.per_class["favor"];
        assert!((favor.precision - 0.5).abs() < 1e-12 && (favor.recall - 0.5).abs() < 1e-12);
        let against = &s.per_class["against"];
        assert!((against.f1 - 0.8).abs() < 1e-12);
        assert_eq!(s.per_class["none"].f1, 0.0);
        assert!((s.f_avg.unwrap() - 0.65).abs() < 1e-12);
        assert!((s.macro_f1 - 1.3 / 3.0).abs() < 1e-12);
        assert_eq!(s.confusion.labels, ["against", "favor", "none"]);
        assert_eq!(s.confusion.matrix[1], [1, 1, 0]);
    }

    /// linfa's confusion matrix is the reference for accuracy and per-class scores.
    #[test]
    fn agrees_with_linfa_metrics() {
        use linfa::prelude::ToConfusionMatrix;
        let gold = [0usize, 0, 1, 2, 1, 2, 2, 0, 1, 1, 2, 0];
        let pred = [0usize, 1, 1, 2, 0, 2, 1, 0, 1, 2, 2, 2];
        let cm = ndarray::Array1::from(pred.to_vec())
            .confusion_matrix(ndarray::Array1::from(gold.to_vec()))
            .unwrap();
        let names = |v: &[usize]| v.iter().map(|l| format!("c{l}")).collect::<Vec<_>>();
        let ours = score(&names(&gold), &names(&pred));
        assert!((ours.accuracy - f64::from(cm.accuracy())).abs() < 1e-6);
        // linfa 0.8.1's one-vs-all split swaps precision and recall (class 0 here: 2 of 3
        // predictions right, 2 of 4 gold rows found, and linfa says precision 0.5): compare
        // F1, which is symmetric in the two, and the pair as a set.
        for (k, one) in cm.split_one_vs_all().iter().enumerate() {
            let c = &ours.per_class[&format!("c{k}")];
            assert!((c.f1 - f64::from(one.f1_score())).abs() < 1e-6, "class {k}");
            let (p, r) = (f64::from(one.precision()), f64::from(one.recall()));
            assert!(
                (c.precision - r).abs() < 1e-6 && (c.recall - p).abs() < 1e-6,
                "class {k}"
            );
        }
        assert!((ours.per_class["c0"].precision - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn labels_only_predicted_do_not_enter_the_macro_average() {
        let s = score(&["a", "a"], &["a", "b"]);
        assert_eq!(s.per_class.len(), 1);
        assert!(s.f_avg.is_none());
        assert!((s.macro_f1 - 2.0 / 3.0).abs() < 1e-12);
    }
}
