//! The rule that turns an actor's sums into a label (the user's view is `docs/report.md`).
//! Works on the integer sums of the report, so every threshold is exact and the result does
//! not depend on the order quotes arrive in.

use super::tally::SCALE;
use std::collections::BTreeMap;

/// A position needs this many times the opposite position's votes to win: 3/2, so that
/// 1.5 favor votes to 1 against is a lean and 1.4 to 1 is not.
const LEAN: (u128, u128) = (3, 2);
/// Sentiment has no lean when both sides hold at least this share (3/10) of the weight...
const NO_LEAN_FLOOR: (u128, u128) = (3, 10);
/// ...and differ by less than this share (1/10).
const NO_LEAN_GAP: (u128, u128) = (1, 10);

/// The label an actor leans to, with the no-lean rule between `pro` and `con` giving
/// `neutral`: both at least [`NO_LEAN_FLOOR`] of the weight and less than [`NO_LEAN_GAP`]
/// apart. Other label sets: [`plurality`].
pub(super) fn decide(
    sums: &BTreeMap<String, u64>,
    total: u64,
    labels: &[String],
    (pro, con, neutral): (&str, &str, &str),
) -> Option<String> {
    let get = |l: &str| u128::from(sums.get(l).copied().unwrap_or(0));
    let full = u128::from(total) * u128::from(SCALE);
    let has = |l: &str| labels.iter().any(|x| x == l);
    if has(pro) && has(con) && has(neutral) {
        let (p, c) = (get(pro), get(con));
        let (floor_n, floor_d) = NO_LEAN_FLOOR;
        let (gap_n, gap_d) = NO_LEAN_GAP;
        if floor_d * p >= floor_n * full
            && floor_d * c >= floor_n * full
            && gap_d * p.abs_diff(c) < gap_n * full
        {
            return Some(neutral.to_string());
        }
    }
    plurality(sums, labels)
}

/// An actor's stance from its quotes' votes: with favor, against and none among the labels,
/// none speaks for no position, so favor and against are weighed against each other: the
/// larger wins when it holds [`LEAN`] times the other's votes, and without such a lean (or
/// with neither) the stance is none. Other label sets: the label with the most votes, ties in
/// label order.
pub(super) fn decide_stance(votes: &BTreeMap<String, u64>, labels: &[String]) -> Option<String> {
    let get = |l: &str| u128::from(votes.get(l).copied().unwrap_or(0));
    let has = |l: &str| labels.iter().any(|x| x == l);
    if has("favor") && has("against") && has("none") {
        let (f, a) = (get("favor"), get("against"));
        let (times, over) = LEAN;
        let label = if over * f >= times * a && f > 0 {
            "favor"
        } else if over * a >= times * f && a > 0 {
            "against"
        } else {
            "none"
        };
        return Some(label.to_string());
    }
    plurality(votes, labels)
}

/// The first label with the highest sum, in label order.
pub(super) fn plurality(sums: &BTreeMap<String, u64>, labels: &[String]) -> Option<String> {
    let get = |l: &str| sums.get(l).copied().unwrap_or(0);
    let mut best: Option<(&String, u64)> = None;
    for l in labels {
        let v = get(l);
        if best.is_none_or(|(_, b)| v > b) {
            best = Some((l, v));
        }
    }
    best.map(|(l, _)| l.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Vec<String> {
        ["favor", "against", "none"].map(String::from).to_vec()
    }

    fn votes(f: u64, a: u64, n: u64) -> BTreeMap<String, u64> {
        [("favor", f), ("against", a), ("none", n)]
            .into_iter()
            .map(|(l, v)| (l.to_string(), v))
            .collect()
    }

    #[test]
    fn a_position_needs_one_and_a_half_times_the_other() {
        let d = |f, a, n| decide_stance(&votes(f, a, n), &labels()).unwrap();
        assert_eq!(d(15, 10, 0), "favor");
        assert_eq!(d(14, 10, 0), "none");
        assert_eq!(d(10, 15, 0), "against");
        // None votes never outvote a position; no position at all is none.
        assert_eq!(d(5, 0, 100), "favor");
        assert_eq!(d(0, 0, 100), "none");
    }

    #[test]
    fn sentiment_without_a_lean_is_neutral() {
        let sums = |p: u64, n: u64| {
            [("positive", p), ("negative", n), ("neutral", 0)]
                .into_iter()
                .map(|(l, v)| (l.to_string(), v * SCALE / 100))
                .collect::<BTreeMap<_, _>>()
        };
        let labels: Vec<String> = ["positive", "negative", "neutral"]
            .map(String::from)
            .to_vec();
        let d =
            |p, n| decide(&sums(p, n), 1, &labels, ("positive", "negative", "neutral")).unwrap();
        assert_eq!(d(45, 40), "neutral");
        assert_eq!(d(45, 35), "positive");
        assert_eq!(d(29, 25), "positive");
    }
}
