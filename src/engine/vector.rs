//! The optimiser's vectors: what argmin's L-BFGS holds and combines (weights, gradients, the
//! stored correction pairs), with the arithmetic its traits ask for.
//!
//! L-BFGS spends most of its own time (outside the objective) in whole-vector operations: for
//! every stored pair, each iteration, dot products, a vector times a number and a sum, each
//! result a fresh vector. With ndarray's vectors that took as long as the objective itself on
//! SemEval. Here a vector is shared data times a scale, so multiplying by a number and cloning
//! cost nothing, the scale is folded into the next sum, and a sum is one pass. Sums and dot
//! products are split over threads in spans fixed by the length, never by the thread count,
//! and the spans' dot products are added in order: the same result on any machine. (They are
//! bound by memory, yet a second thread still shortens them.)
//!
//! L-BFGS also asks, every iteration, for `y·s` of every stored pair, whose answer does not
//! change: dot products are remembered by the numbers of the two vectors' data. The results are
//! the same bits, and L-BFGS's own time drops by about a fifth.

use argmin_math::{
    ArgminAdd, ArgminDot, ArgminL1Norm, ArgminL2Norm, ArgminMinMax, ArgminMul, ArgminScaledAdd,
    ArgminSignum, ArgminSub, ArgminZeroLike,
};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// A dense vector: `scale · data`.
#[derive(Debug, Clone)]
pub(super) struct Vector {
    data: Arc<Data>,
    scale: f64,
}

/// Values with a number no other data has had in this process, so a dot product can be
/// remembered by the pair of numbers (addresses are reused once freed; numbers are not).
#[derive(Debug)]
struct Data {
    id: u64,
    values: Vec<f64>,
}

impl std::ops::Deref for Data {
    type Target = [f64];
    fn deref(&self) -> &[f64] {
        &self.values
    }
}

impl From<Vec<f64>> for Vector {
    fn from(values: Vec<f64>) -> Vector {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        Vector {
            data: Arc::new(Data {
                id: NEXT.fetch_add(1, Ordering::Relaxed),
                values,
            }),
            scale: 1.0,
        }
    }
}

impl Vector {
    fn len(&self) -> usize {
        self.data.len()
    }

    /// The values, borrowed when the scale is one (the usual case for points and gradients).
    pub(super) fn values(&self) -> std::borrow::Cow<'_, [f64]> {
        if self.scale == 1.0 {
            std::borrow::Cow::Borrowed(&self.data[..])
        } else {
            std::borrow::Cow::Owned(self.data.iter().map(|v| self.scale * v).collect())
        }
    }

    /// Whether both hold the same values: at once when they share their data.
    pub(super) fn same_values(&self, other: &Vector) -> bool {
        (Arc::ptr_eq(&self.data, &other.data) && self.scale == other.scale)
            || (self.len() == other.len()
                && self
                    .data
                    .iter()
                    .zip(other.data.iter())
                    .all(|(a, b)| self.scale * a == other.scale * b))
    }

    /// The largest absolute value.
    pub(super) fn max_abs(&self) -> f64 {
        self.data.iter().fold(0f64, |m, v| m.max(v.abs())) * self.scale.abs()
    }

    /// `a · self + b · other`, elementwise, in one pass.
    fn combine(&self, a: f64, other: &Vector, b: f64) -> Vector {
        let (a, b) = (a * self.scale, b * other.scale);
        let mut out = Vec::with_capacity(self.len());
        // Written in place, span by span, without zeroing first.
        self.data
            .par_iter()
            .with_min_len(SPAN)
            .zip(other.data.par_iter())
            .map(|(x, y)| a * x + b * y)
            .collect_into_vec(&mut out);
        Vector::from(out)
    }

    /// `f` of each value (scale applied).
    fn map(&self, f: impl Fn(f64) -> f64) -> Vector {
        let s = self.scale;
        Vector::from(self.data.iter().map(|v| f(s * v)).collect::<Vec<f64>>())
    }

    fn zip_map(&self, other: &Vector, f: impl Fn(f64, f64) -> f64) -> Vector {
        let (a, b) = (self.scale, other.scale);
        let data = self.data.iter().zip(other.data.iter());
        Vector::from(data.map(|(x, y)| f(a * x, b * y)).collect::<Vec<f64>>())
    }
}

/// Values per span of the parallel passes (256 KiB of each vector).
const SPAN: usize = 1 << 15;

/// Sum of products: each span's in parallel, then the spans' in order.
fn dot(x: &[f64], y: &[f64]) -> f64 {
    let parts: Vec<f64> = x
        .par_chunks(SPAN)
        .zip(y.par_chunks(SPAN))
        .map(|(a, b)| dot_span(a, b))
        .collect();
    parts.iter().sum()
}

/// Sum of products, with four running sums so the additions do not wait on each other.
fn dot_span(x: &[f64], y: &[f64]) -> f64 {
    let mut acc = [0f64; 4];
    let split = x.len() - x.len() % 4;
    for (a, b) in x[..split].chunks_exact(4).zip(y[..split].chunks_exact(4)) {
        for k in 0..4 {
            acc[k] += a[k] * b[k];
        }
    }
    let tail: f64 = x[split..].iter().zip(&y[split..]).map(|(a, b)| a * b).sum();
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

/// Dot products already taken, by the two data's numbers (smaller first). Each L-BFGS
/// iteration asks again for `y·s` of every stored pair; the answer is the same every time.
static DOTS: Mutex<Option<HashMap<(u64, u64), f64>>> = Mutex::new(None);
/// Remembered products at most; past that the memory starts again empty (a pair is asked for
/// at most a few times per iteration, over at most `history` iterations).
const DOTS_KEPT: usize = 1 << 12;

impl ArgminDot<Vector, f64> for Vector {
    fn dot(&self, other: &Vector) -> f64 {
        let (a, b) = (self.data.id, other.data.id);
        let key = (a.min(b), a.max(b));
        let remembered = DOTS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .and_then(|m| m.get(&key).copied());
        let d = remembered.unwrap_or_else(|| {
            let d = dot(&self.data, &other.data);
            let mut dots = DOTS.lock().unwrap_or_else(|e| e.into_inner());
            let m = dots.get_or_insert_with(HashMap::new);
            if m.len() >= DOTS_KEPT {
                m.clear();
            }
            m.insert(key, d);
            d
        });
        self.scale * other.scale * d
    }
}

impl ArgminAdd<Vector, Vector> for Vector {
    fn add(&self, other: &Vector) -> Vector {
        self.combine(1.0, other, 1.0)
    }
}

impl ArgminSub<Vector, Vector> for Vector {
    fn sub(&self, other: &Vector) -> Vector {
        self.combine(1.0, other, -1.0)
    }
}

impl ArgminScaledAdd<Vector, f64, Vector> for Vector {
    fn scaled_add(&self, factor: &f64, vec: &Vector) -> Vector {
        self.combine(1.0, vec, *factor)
    }
}

impl ArgminMul<f64, Vector> for Vector {
    fn mul(&self, other: &f64) -> Vector {
        Vector {
            data: Arc::clone(&self.data),
            scale: self.scale * other,
        }
    }
}

impl ArgminL2Norm<f64> for Vector {
    fn l2_norm(&self) -> f64 {
        self.dot(self).sqrt()
    }
}

// What follows only serves L-BFGS's L1 (OWL-QN) mode, which training does not use; the
// trait bounds ask for it all the same.

impl ArgminAdd<f64, Vector> for Vector {
    fn add(&self, other: &f64) -> Vector {
        self.map(|v| v + other)
    }
}

impl ArgminSub<f64, Vector> for Vector {
    fn sub(&self, other: &f64) -> Vector {
        self.map(|v| v - other)
    }
}

impl ArgminMul<Vector, Vector> for Vector {
    fn mul(&self, other: &Vector) -> Vector {
        self.zip_map(other, |a, b| a * b)
    }
}

impl ArgminL1Norm<f64> for Vector {
    fn l1_norm(&self) -> f64 {
        self.data.iter().map(|v| v.abs()).sum::<f64>() * self.scale.abs()
    }
}

impl ArgminSignum for Vector {
    fn signum(self) -> Vector {
        self.map(f64::signum)
    }
}

impl ArgminZeroLike for Vector {
    fn zero_like(&self) -> Vector {
        Vector::from(vec![0.0; self.len()])
    }
}

impl ArgminMinMax for Vector {
    fn min(x: &Vector, y: &Vector) -> Vector {
        x.zip_map(y, f64::min)
    }
    fn max(x: &Vector, y: &Vector) -> Vector {
        x.zip_map(y, f64::max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(values: &[f64]) -> Vector {
        Vector::from(values.to_vec())
    }

    #[test]
    fn arithmetic_folds_the_scale_in() {
        let a = v(&[1.0, -2.0, 3.0]);
        let b = v(&[0.5, 4.0, -1.0]);
        let half_b = b.mul(&0.5);
        assert_eq!(a.sub(&half_b).values().to_vec(), [0.75, -4.0, 3.5]);
        assert_eq!(a.add(&half_b).values().to_vec(), [1.25, 0.0, 2.5]);
        assert_eq!(
            a.scaled_add(&2.0, &half_b).values().to_vec(),
            [1.5, 2.0, 2.0]
        );
        assert_eq!(a.mul(&-1.0).dot(&half_b), -(0.25 - 4.0 - 1.5));
        assert_eq!(half_b.max_abs(), 2.0);
        assert_eq!(a.l2_norm(), 14f64.sqrt());
        assert!(half_b.same_values(&v(&[0.25, 2.0, -0.5])));
        assert!(!a.same_values(&b));
    }

    #[test]
    fn remembered_dot_products_are_the_ones_computed() {
        let big = |seed: f64| {
            v(&(0..3 * SPAN + 7)
                .map(|i| (i as f64 * seed).sin())
                .collect::<Vec<_>>())
        };
        let (a, b) = (big(0.1), big(0.7));
        let first = a.dot(&b);
        assert_eq!(b.dot(&a), first, "either order");
        assert_eq!(
            a.mul(&3.0).dot(&b),
            3.0 * first,
            "scale applied to a remembered product"
        );
        let straight = |x: &Vector, y: &Vector| -> f64 {
            x.values()
                .iter()
                .zip(y.values().iter())
                .map(|(p, q)| p * q)
                .sum()
        };
        let close = |got: f64, want: f64| (got - want).abs() < 1e-9 * want.abs().max(1.0);
        assert!(close(first, straight(&a, &b)));
        // New data never takes an old pair's product, even at a freed address.
        drop((a, b));
        let (c, d) = (big(0.3), big(0.5));
        assert!(close(c.dot(&d), straight(&c, &d)));
        let sum = c.add(&d);
        assert!(sum.same_values(&v(&c
            .values()
            .iter()
            .zip(d.values().iter())
            .map(|(x, y)| x + y)
            .collect::<Vec<_>>())));
    }
}
