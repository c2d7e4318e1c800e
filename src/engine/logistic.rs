//! Multinomial logistic regression on sparse features, trained with argmin's L-BFGS.
//!
//! The objective is scikit-learn's: the (class-weighted) mean cross-entropy plus
//! `||W||² / (2·C·Σweights)`, intercepts unpenalised. Two classes use one weight vector
//! against a zero reference class (plain binary logistic regression, half the memory);
//! more classes use one vector each. Each row's margins and its share of the gradient are
//! computed in one pass over fixed row chunks, each chunk with a gradient buffer of its own,
//! and the chunks are summed in chunk order, so results do not depend on the number of
//! threads. (A transposed copy of the matrix for a column-wise gradient was tried: slower on
//! P-Stance and a third more memory.)
//!
//! Follows linfa's shape: [`LogisticParams`] -> [`LogisticParams::check`] ->
//! [`CheckedLogisticParams::fit`] -> [`FittedLogistic`].

use super::vector::Vector;
use crate::features::SparseMatrix;
use argmin::core::{
    CostFunction, Executor, Gradient, IterState, Problem, Solver, State, TerminationReason,
    TerminationStatus, KV,
};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::quasinewton::LBFGS;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::sync::Mutex;

/// How rows are weighted in the loss.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ClassWeight {
    /// Every row counts once.
    #[default]
    None,
    /// Rows weighted by `n / (classes · n_class)`, so each class weighs the same in total.
    Balanced,
}

impl std::str::FromStr for ClassWeight {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "none" => Ok(ClassWeight::None),
            "balanced" => Ok(ClassWeight::Balanced),
            _ => Err(format!("class weight must be none or balanced, got {s:?}")),
        }
    }
}

/// Training settings, unchecked.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LogisticParams {
    /// Inverse L2 strength, as scikit-learn's `C`.
    pub c: f64,
    pub max_iterations: u64,
    /// Converged when no component of the gradient exceeds this in absolute value
    /// (scikit-learn's `tol` for L-BFGS).
    pub tolerance: f64,
    pub class_weight: ClassWeight,
    /// L-BFGS memory (correction pairs kept).
    pub history: usize,
}

impl Default for LogisticParams {
    fn default() -> Self {
        LogisticParams {
            c: 1.0,
            max_iterations: 500,
            tolerance: 1e-4,
            class_weight: ClassWeight::None,
            history: 20,
        }
    }
}

pub use crate::error::LogisticError;

impl From<linfa::Error> for LogisticError {
    fn from(e: linfa::Error) -> Self {
        LogisticError::Linfa(e.to_string())
    }
}

impl LogisticParams {
    pub fn check(self) -> Result<CheckedLogisticParams, LogisticError> {
        if !(self.c.is_finite() && self.c > 0.0) {
            return Err(LogisticError::InvalidC(self.c));
        }
        if !(self.tolerance.is_finite() && self.tolerance > 0.0) {
            return Err(LogisticError::InvalidTolerance(self.tolerance));
        }
        if self.max_iterations == 0 {
            return Err(LogisticError::NoIterations);
        }
        if self.history == 0 {
            return Err(LogisticError::NoHistory);
        }
        Ok(CheckedLogisticParams(self))
    }
}

/// Settings known to be valid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CheckedLogisticParams(LogisticParams);

/// How the optimiser ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FitReport {
    pub iterations: u64,
    pub converged: bool,
    /// Why it stopped, in argmin's words.
    pub termination: String,
    pub objective: f64,
    /// The largest absolute gradient component at the solution.
    pub gradient_max: f64,
}

/// A trained model: `weights[j * classes + k]` for feature `j` and class `k`.
#[derive(Debug, Clone, PartialEq)]
pub struct FittedLogistic {
    pub(crate) features: usize,
    pub(crate) classes: usize,
    pub(crate) weights: Vec<f32>,
    pub(crate) intercept: Vec<f32>,
    pub(crate) report: FitReport,
}

impl CheckedLogisticParams {
    pub fn params(&self) -> &LogisticParams {
        &self.0
    }

    /// Fits on rows `x` with labels `y` in `0..classes`.
    pub fn fit(
        &self,
        x: &SparseMatrix,
        y: &[usize],
        classes: usize,
    ) -> Result<FittedLogistic, LogisticError> {
        self.fit_weighted(x, y, classes, None)
    }

    /// [`CheckedLogisticParams::fit`] with a weight for each row (times the class weights):
    /// a row of weight 3 counts as three copies of it.
    pub fn fit_weighted(
        &self,
        x: &SparseMatrix,
        y: &[usize],
        classes: usize,
        row_weights: Option<&[f64]>,
    ) -> Result<FittedLogistic, LogisticError> {
        let p = &self.0;
        if x.nrows() != y.len() {
            return Err(LogisticError::LabelsMismatch {
                rows: x.nrows(),
                labels: y.len(),
            });
        }
        if classes < 2 {
            return Err(LogisticError::TooFewClasses { found: classes });
        }
        let mut counts = vec![0usize; classes];
        for &label in y {
            if label >= classes {
                return Err(LogisticError::LabelOutOfRange { label, classes });
            }
            counts[label] += 1;
        }
        if let Some(class) = counts.iter().position(|&c| c == 0) {
            return Err(LogisticError::EmptyClass { class });
        }
        let mut sample_weight: Vec<f64> = match p.class_weight {
            ClassWeight::None => vec![1.0; y.len()],
            ClassWeight::Balanced => y
                .iter()
                .map(|&l| y.len() as f64 / (classes as f64 * counts[l] as f64))
                .collect(),
        };
        if let Some(w) = row_weights {
            if w.len() != y.len() {
                return Err(LogisticError::LabelsMismatch {
                    rows: w.len(),
                    labels: y.len(),
                });
            }
            sample_weight.iter_mut().zip(w).for_each(|(s, w)| *s *= w);
        }
        let problem = Objective::new(x, y, sample_weight, classes, p.c);
        let free = problem.free;
        let init = starting_point(x.ncols, free, y, &problem.sample_weight);
        let lbfgs = LBFGS::new(MoreThuenteLineSearch::new(), p.history)
            .with_tolerance_grad(p.tolerance)
            .and_then(|s| s.with_tolerance_cost(0.0))
            .map_err(|e| LogisticError::Solver(e.to_string()))?;
        let solver = MaxGradientStop {
            inner: lbfgs,
            tolerance: p.tolerance,
        };
        let result = Executor::new(problem, solver)
            .configure(|state| state.param(init).max_iters(p.max_iterations))
            .run()
            .map_err(|e| LogisticError::Solver(e.to_string()))?;
        let state = result.state();
        let objective = state.get_best_cost();
        if !objective.is_finite() {
            return Err(LogisticError::NonFinite(objective));
        }
        let best = state
            .get_best_param()
            .ok_or_else(|| LogisticError::Solver("no solution".into()))?;
        let gradient_max = result.problem.problem.as_ref().map_or(f64::NAN, |o| {
            let (_, g) = o.evaluate(best);
            g.max_abs()
        });
        let termination = match state.get_termination_status() {
            TerminationStatus::Terminated(r) => r.text().to_string(),
            TerminationStatus::NotTerminated => "not terminated".to_string(),
        };
        let converged = matches!(
            state.get_termination_status(),
            TerminationStatus::Terminated(TerminationReason::SolverConverged)
        ) || gradient_max <= p.tolerance;
        let report = FitReport {
            iterations: state.get_iter(),
            converged,
            termination,
            objective,
            gradient_max,
        };
        Ok(FittedLogistic::from_free(
            best, x.ncols, classes, free, report,
        ))
    }
}

/// Zero feature weights and each free class's intercept at its log prior against class 0
/// (weighted row counts): the intercepts of the optimum are near there, and starting from
/// zero cost a third more iterations on P-Stance, where the classes are uneven.
fn starting_point(features: usize, free: usize, y: &[usize], sample_weight: &[f64]) -> Vector {
    let classes = if free == 1 { 2 } else { free };
    let mut mass = vec![0f64; classes];
    for (&label, &w) in y.iter().zip(sample_weight) {
        mass[label] += w;
    }
    let mut init = vec![0.0; (features + 1) * free];
    for k in 0..free {
        init[features * free + k] = (mass[classes - free + k] / mass[0]).ln();
    }
    Vector::from(init)
}

/// argmin's L-BFGS, stopped as scikit-learn stops it: once no gradient component exceeds the
/// tolerance. L-BFGS's own test (the gradient's L2 norm) grows with the number of features
/// and kept fitting for several times the iterations to no gain in accuracy.
struct MaxGradientStop<S> {
    inner: S,
    tolerance: f64,
}

type LbfgsState = IterState<Vector, Vector, (), (), (), f64>;

impl<O, S: Solver<O, LbfgsState>> Solver<O, LbfgsState> for MaxGradientStop<S> {
    fn name(&self) -> &str {
        self.inner.name()
    }

    fn init(
        &mut self,
        problem: &mut Problem<O>,
        state: LbfgsState,
    ) -> Result<(LbfgsState, Option<KV>), argmin::core::Error> {
        self.inner.init(problem, state)
    }

    fn next_iter(
        &mut self,
        problem: &mut Problem<O>,
        state: LbfgsState,
    ) -> Result<(LbfgsState, Option<KV>), argmin::core::Error> {
        self.inner.next_iter(problem, state)
    }

    fn terminate(&mut self, state: &LbfgsState) -> TerminationStatus {
        match state.get_gradient() {
            Some(g) if g.max_abs() <= self.tolerance => {
                TerminationStatus::Terminated(TerminationReason::SolverConverged)
            }
            _ => self.inner.terminate(state),
        }
    }
}

/// Most row chunks the objective is split into, and fewest rows per chunk. Chunks depend on
/// the data only, never on the thread count, and their sums are added in chunk order: the
/// results are the same on any machine.
const MAX_CHUNKS: usize = 4;
const MIN_CHUNK_ROWS: usize = 256;
/// Bound on the per-chunk gradient buffers (in f64s), so huge vocabularies use fewer chunks.
const CHUNK_BUFFER_BUDGET: usize = 1 << 25;

/// A point with its loss and gradient.
type Evaluation = (Vector, f64, Vector);

/// The loss and gradient of one training set; caches the last evaluation since the line
/// search asks for the cost and the gradient of the same point in two calls.
struct Objective<'a> {
    x: &'a SparseMatrix,
    y: &'a [usize],
    sample_weight: Vec<f64>,
    weight_sum: f64,
    classes: usize,
    /// Weight vectors optimised: 1 for two classes (class 0 is the zero reference), else all.
    free: usize,
    c: f64,
    cache: Mutex<Option<Evaluation>>,
    /// Chunk gradient buffers kept between evaluations: written again in place, their pages
    /// stay mapped, where fresh ones faulted in page by page at every evaluation.
    spare: Mutex<Vec<Vec<f64>>>,
}

impl<'a> Objective<'a> {
    fn new(
        x: &'a SparseMatrix,
        y: &'a [usize],
        sample_weight: Vec<f64>,
        classes: usize,
        c: f64,
    ) -> Objective<'a> {
        let weight_sum = sample_weight.iter().sum();
        Objective {
            x,
            y,
            sample_weight,
            weight_sum,
            classes,
            free: if classes == 2 { 1 } else { classes },
            c,
            cache: Mutex::new(None),
            spare: Mutex::new(Vec::new()),
        }
    }

    /// Loss and gradient at `w` (`w[j * free + k]`, intercepts after the features).
    fn evaluate(&self, w: &Vector) -> (f64, Vector) {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((at, loss, grad)) = cache.as_ref() {
            if at.same_values(w) {
                return (*loss, grad.clone());
            }
        }
        let (loss, grad) = self.compute(&w.values());
        let grad = Vector::from(grad);
        *cache = Some((w.clone(), loss, grad.clone()));
        (loss, grad)
    }

    /// A zeroed buffer of `len`, reusing a spare one when there is one.
    fn buffer(&self, len: usize) -> Vec<f64> {
        let spare = self.spare.lock().unwrap_or_else(|e| e.into_inner()).pop();
        match spare {
            Some(mut b) => {
                b.clear();
                b.resize(len, 0.0);
                b
            }
            None => vec![0f64; len],
        }
    }

    fn compute(&self, w: &[f64]) -> (f64, Vec<f64>) {
        // A constant width lets the compiler unroll the per-feature loops.
        match self.free {
            1 => self.compute_width::<1>(w),
            2 => self.compute_width::<2>(w),
            3 => self.compute_width::<3>(w),
            4 => self.compute_width::<4>(w),
            _ => self.compute_width::<0>(w),
        }
    }

    /// [`Objective::compute`] for `F` free classes (`F == 0`: any number, read at run time).
    /// One pass over the rows: each row's margins, then its share of the gradient while the
    /// row is still in cache.
    fn compute_width<const F: usize>(&self, w: &[f64]) -> (f64, Vec<f64>) {
        let f = if F == 0 { self.free } else { F };
        let (k_all, n, d) = (self.classes, self.x.nrows(), self.x.ncols);
        let bias = &w[d * f..];
        let chunks = (n / MIN_CHUNK_ROWS)
            .min(MAX_CHUNKS)
            .min(CHUNK_BUFFER_BUDGET / w.len().max(1))
            .max(1);
        let per_chunk = n.div_ceil(chunks);
        let parts: Vec<(f64, Vec<f64>)> = (0..chunks)
            .into_par_iter()
            .map(|chunk| {
                let mut grad = self.buffer(w.len());
                let mut z = vec![0f64; k_all];
                let mut r = vec![0f64; f];
                let mut loss = 0.0;
                for i in chunk * per_chunk..((chunk + 1) * per_chunk).min(n) {
                    z.iter_mut().for_each(|v| *v = 0.0);
                    let zf = &mut z[k_all - f..];
                    zf.copy_from_slice(bias);
                    let (idx, val) = self.x.row(i);
                    if F > 0 {
                        margins::<F>(idx, val, w, zf);
                    } else {
                        for (&j, &v) in idx.iter().zip(val) {
                            let wj = &w[j as usize * f..j as usize * f + f];
                            for (zk, wk) in zf.iter_mut().zip(wj) {
                                *zk += f64::from(v) * wk;
                            }
                        }
                    }
                    let max = z.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                    let lse = max + z.iter().map(|v| (v - max).exp()).sum::<f64>().ln();
                    let (sw, yi) = (self.sample_weight[i], self.y[i]);
                    loss += sw * (lse - z[yi]);
                    // Residual `weight · (p - onehot) / Σweights` per free class.
                    let scale = sw / self.weight_sum;
                    for (k, rk) in r.iter_mut().enumerate() {
                        let class = k + k_all - f;
                        *rk = scale * ((z[class] - lse).exp() - f64::from(u8::from(class == yi)));
                    }
                    for (&j, &v) in idx.iter().zip(val) {
                        let gj = &mut grad[j as usize * f..j as usize * f + f];
                        for (g, rk) in gj.iter_mut().zip(&r) {
                            *g += f64::from(v) * rk;
                        }
                    }
                    for (g, rk) in grad[d * f..].iter_mut().zip(&r) {
                        *g += rk;
                    }
                }
                (loss, grad)
            })
            .collect();
        let mut parts = parts.into_iter();
        let (mut loss, mut grad) = parts.next().expect("at least one chunk");
        for (l, g) in parts {
            loss += l;
            grad.par_iter_mut()
                .zip(g.par_iter())
                .for_each(|(a, b)| *a += b);
            self.spare.lock().unwrap_or_else(|e| e.into_inner()).push(g);
        }
        let reg = 1.0 / (self.c * self.weight_sum);
        grad[..d * f]
            .par_iter_mut()
            .zip(&w[..d * f])
            .for_each(|(g, wk)| *g += reg * wk);
        let penalty: f64 = w[..d * f].iter().map(|v| v * v).sum::<f64>() * reg / 2.0;
        (loss / self.weight_sum + penalty, grad)
    }
}

/// Adds row `(idx, val)` times the `F`-wide weight rows of `w` to `out`. Four independent
/// partial sums, added in a fixed order, break the chain of dependent additions that would
/// otherwise bound the loop by floating-point latency.
#[inline(always)]
fn margins<const F: usize>(idx: &[u32], val: &[f32], w: &[f64], out: &mut [f64]) {
    let mut acc = [[0f64; F]; 4];
    let split = idx.len() - idx.len() % 4;
    for (ji, vi) in idx[..split]
        .chunks_exact(4)
        .zip(val[..split].chunks_exact(4))
    {
        for lane in 0..4 {
            let j = ji[lane] as usize * F;
            let v = f64::from(vi[lane]);
            let wj: &[f64; F] = w[j..j + F].try_into().expect("F weights");
            for k in 0..F {
                acc[lane][k] += v * wj[k];
            }
        }
    }
    for (lane, (&j, &v)) in idx[split..].iter().zip(&val[split..]).enumerate() {
        let j = j as usize * F;
        for k in 0..F {
            acc[lane][k] += f64::from(v) * w[j + k];
        }
    }
    for k in 0..F {
        out[k] += (acc[0][k] + acc[1][k]) + (acc[2][k] + acc[3][k]);
    }
}

impl CostFunction for Objective<'_> {
    type Param = Vector;
    type Output = f64;
    fn cost(&self, w: &Self::Param) -> Result<f64, argmin::core::Error> {
        Ok(self.evaluate(w).0)
    }
}

impl Gradient for Objective<'_> {
    type Param = Vector;
    type Gradient = Vector;
    fn gradient(&self, w: &Self::Param) -> Result<Vector, argmin::core::Error> {
        Ok(self.evaluate(w).1)
    }
}

impl FittedLogistic {
    fn from_free(
        w: &Vector,
        features: usize,
        classes: usize,
        free: usize,
        report: FitReport,
    ) -> FittedLogistic {
        let w = w.values();
        let offset = classes - free;
        let mut weights = vec![0f32; features * classes];
        for j in 0..features {
            for k in 0..free {
                weights[j * classes + offset + k] = w[j * free + k] as f32;
            }
        }
        let mut intercept = vec![0f32; classes];
        for k in 0..free {
            intercept[offset + k] = w[features * free + k] as f32;
        }
        FittedLogistic {
            features,
            classes,
            weights,
            intercept,
            report,
        }
    }

    /// Rebuilds a model from stored parts; `None` if the sizes disagree.
    pub fn from_parts(
        features: usize,
        classes: usize,
        weights: Vec<f32>,
        intercept: Vec<f32>,
        report: FitReport,
    ) -> Option<FittedLogistic> {
        (weights.len() == features * classes && intercept.len() == classes).then_some(
            FittedLogistic {
                features,
                classes,
                weights,
                intercept,
                report,
            },
        )
    }

    pub fn report(&self) -> &FitReport {
        &self.report
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Class probabilities of one feature row; features beyond the model's are ignored.
    pub fn probabilities(&self, row: &[(u32, f32)]) -> Vec<f64> {
        let k = self.classes;
        let mut z: Vec<f64> = self.intercept.iter().map(|&b| f64::from(b)).collect();
        for &(j, v) in row {
            let j = j as usize;
            if j < self.features {
                for (zk, wk) in z.iter_mut().zip(&self.weights[j * k..j * k + k]) {
                    *zk += f64::from(v) * f64::from(*wk);
                }
            }
        }
        softmax(&mut z);
        z
    }

    /// The class of each row of `x`, the first one on ties.
    pub fn predict(&self, x: &SparseMatrix) -> Vec<usize> {
        (0..x.nrows())
            .into_par_iter()
            .map(|i| {
                let (idx, val) = x.row(i);
                let row: Vec<(u32, f32)> = idx.iter().copied().zip(val.iter().copied()).collect();
                argmax(&self.probabilities(&row))
            })
            .collect()
    }

    /// How much feature `j` with value `v` pushes class `class` above the average class.
    pub fn contribution(&self, j: u32, v: f32, class: usize) -> f64 {
        let k = self.classes;
        let j = j as usize;
        if j >= self.features || class >= k {
            return 0.0;
        }
        let w = &self.weights[j * k..j * k + k];
        let mean = w.iter().map(|&x| f64::from(x)).sum::<f64>() / k as f64;
        f64::from(v) * (f64::from(w[class]) - mean)
    }
}

fn softmax(z: &mut [f64]) {
    let max = z.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let mut sum = 0.0;
    for v in z.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    z.iter_mut().for_each(|v| *v /= sum);
}

/// Index of the largest value, the first on ties.
pub(crate) fn argmax(p: &[f64]) -> usize {
    p.iter()
        .enumerate()
        .fold((0, f64::NEG_INFINITY), |best, (i, &v)| {
            if v > best.1 {
                (i, v)
            } else {
                best
            }
        })
        .0
}

/// linfa's `Fit`: labels `0..K` as targets, `K` being the largest label plus one.
impl linfa::traits::Fit<SparseMatrix, Vec<usize>, LogisticError> for CheckedLogisticParams {
    type Object = FittedLogistic;

    fn fit(
        &self,
        dataset: &linfa::DatasetBase<SparseMatrix, Vec<usize>>,
    ) -> Result<FittedLogistic, LogisticError> {
        let y = &dataset.targets;
        let classes = y.iter().max().map_or(0, |m| m + 1);
        CheckedLogisticParams::fit(self, &dataset.records, y, classes)
    }
}

/// The objective of [`CheckedLogisticParams::fit`] for a full weight matrix (`features ×
/// classes`, feature-major) and intercepts: lets tests score another engine's solution.
pub fn objective(
    x: &SparseMatrix,
    y: &[usize],
    classes: usize,
    c: f64,
    weights: &[f64],
    intercept: &[f64],
) -> f64 {
    let d = x.ncols;
    let mut w = Vec::with_capacity(weights.len() + intercept.len());
    w.extend_from_slice(weights);
    w.extend_from_slice(intercept);
    debug_assert_eq!(w.len(), (d + 1) * classes);
    let mut obj = Objective::new(x, y, vec![1.0; y.len()], classes, c);
    // Score all classes as free so any parametrisation can be compared.
    obj.free = classes;
    obj.compute(&w).0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small reproducible generator, so tests need no random crate.
    pub(crate) struct Lcg(pub u64);
    impl Lcg {
        pub(crate) fn next(&mut self) -> f64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    /// Rows drawn around one centre per class, a few features active per row.
    pub(crate) fn blobs(
        n: usize,
        d: usize,
        classes: usize,
        seed: u64,
    ) -> (SparseMatrix, Vec<usize>) {
        let mut rng = Lcg(seed);
        let mut rows = Vec::new();
        let mut y = Vec::new();
        for i in 0..n {
            let class = i % classes;
            let mut row: Vec<(u32, f32)> = Vec::new();
            for j in 0..d {
                let signal = if j % classes == class { 0.35 } else { 0.0 };
                if rng.next() < 0.3 + signal {
                    row.push((j as u32, (rng.next() + signal) as f32));
                }
            }
            rows.push(row);
            y.push(class);
        }
        (SparseMatrix::from_rows(rows, d), y)
    }

    #[test]
    fn gradient_matches_finite_differences() {
        for classes in [2, 3] {
            let (x, y) = blobs(40, 6, classes, 7);
            let obj = Objective::new(&x, &y, vec![1.0; 40], classes, 0.5);
            let mut rng = Lcg(3);
            let w: Vec<f64> = (0..7 * obj.free).map(|_| rng.next() - 0.5).collect();
            let (_, g) = obj.compute(&w);
            for i in 0..w.len() {
                let mut hi = w.clone();
                let mut lo = w.clone();
                hi[i] += 1e-6;
                lo[i] -= 1e-6;
                let fd = (obj.compute(&hi).0 - obj.compute(&lo).0) / 2e-6;
                assert!(
                    (fd - g[i]).abs() < 1e-6,
                    "classes {classes} coordinate {i}: {fd} vs {}",
                    g[i]
                );
            }
        }
    }

    #[test]
    fn learns_separable_classes_and_reports_convergence() {
        let (x, y) = blobs(300, 12, 3, 11);
        let fitted = LogisticParams::default()
            .check()
            .unwrap()
            .fit(&x, &y, 3)
            .unwrap();
        let pred = fitted.predict(&x);
        let acc = pred.iter().zip(&y).filter(|(p, t)| p == t).count() as f64 / y.len() as f64;
        assert!(acc > 0.8, "accuracy {acc}");
        let r = fitted.report();
        assert!(r.converged, "{r:?}");
        assert!(r.iterations > 0 && r.gradient_max <= 1e-4);
    }

    #[test]
    fn too_few_iterations_is_reported_as_not_converged() {
        let (x, y) = blobs(300, 12, 3, 11);
        let params = LogisticParams {
            max_iterations: 2,
            tolerance: 1e-10,
            ..LogisticParams::default()
        };
        let fitted = params.check().unwrap().fit(&x, &y, 3).unwrap();
        assert!(!fitted.report().converged);
        assert_eq!(fitted.report().iterations, 2);
    }

    #[test]
    fn balanced_weights_favour_the_rare_class() {
        let (x, mut y) = blobs(200, 8, 2, 5);
        // Make class 1 rare by relabelling most of it.
        let mut seen = 0;
        for label in y.iter_mut().filter(|l| **l == 1) {
            seen += 1;
            if seen % 5 != 0 {
                *label = 0;
            }
        }
        let count =
            |fitted: &FittedLogistic| fitted.predict(&x).iter().filter(|&&p| p == 1).count();
        let plain = LogisticParams::default()
            .check()
            .unwrap()
            .fit(&x, &y, 2)
            .unwrap();
        let balanced = LogisticParams {
            class_weight: ClassWeight::Balanced,
            ..LogisticParams::default()
        }
        .check()
        .unwrap()
        .fit(&x, &y, 2)
        .unwrap();
        assert!(
            count(&balanced) > count(&plain),
            "{} vs {}",
            count(&balanced),
            count(&plain)
        );
    }

    #[test]
    fn results_do_not_depend_on_the_thread_count() {
        let (x, y) = blobs(1500, 30, 3, 2);
        let fit = |threads| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| {
                LogisticParams::default()
                    .check()
                    .unwrap()
                    .fit(&x, &y, 3)
                    .unwrap()
            })
        };
        assert_eq!(fit(1), fit(3));
    }

    #[test]
    fn bad_settings_and_data_are_named() {
        let bad = LogisticParams {
            c: -1.0,
            ..LogisticParams::default()
        };
        assert_eq!(bad.check().unwrap_err(), LogisticError::InvalidC(-1.0));
        let (x, y) = blobs(10, 3, 2, 1);
        let p = LogisticParams::default().check().unwrap();
        assert_eq!(
            p.fit(&x, &y[..5], 2).unwrap_err(),
            LogisticError::LabelsMismatch {
                rows: 10,
                labels: 5
            }
        );
        assert_eq!(
            p.fit(&x, &y, 3).unwrap_err(),
            LogisticError::EmptyClass { class: 2 }
        );
    }

    #[test]
    fn fits_through_linfas_trait() {
        use linfa::traits::Fit;
        let (x, y) = blobs(90, 6, 3, 9);
        let params = LogisticParams::default().check().unwrap();
        let via_trait = Fit::fit(&params, &linfa::DatasetBase::new(x.clone(), y.clone())).unwrap();
        assert_eq!(via_trait, params.fit(&x, &y, 3).unwrap());
    }

    /// linfa-logistic (dense, the reference) and this engine must find the same optimum.
    #[test]
    fn agrees_with_linfa_logistic() {
        use linfa::prelude::*;
        let (classes, c) = (3, 1.0);
        let (x, y) = blobs(600, 60, classes, 42);
        let mut dense = ndarray::Array2::<f64>::zeros((x.nrows(), x.ncols));
        for i in 0..x.nrows() {
            let (idx, val) = x.row(i);
            for (&j, &v) in idx.iter().zip(val) {
                dense[[i, j as usize]] = f64::from(v);
            }
        }
        let data = linfa::Dataset::new(dense.clone(), ndarray::Array1::from(y.clone()));
        let reference = linfa_logistic::MultiLogisticRegression::default()
            .alpha(1.0 / c)
            .max_iterations(1000)
            .gradient_tolerance(1e-8)
            .fit(&data)
            .unwrap();
        let ours = LogisticParams {
            c,
            tolerance: 1e-8,
            max_iterations: 1000,
            ..LogisticParams::default()
        }
        .check()
        .unwrap()
        .fit(&x, &y, classes)
        .unwrap();
        let ref_weights: Vec<f64> = reference.params().iter().copied().collect();
        let ref_obj = objective(
            &x,
            &y,
            classes,
            c,
            &ref_weights,
            reference.intercept().as_slice().unwrap(),
        );
        let our_weights: Vec<f64> = ours.weights.iter().map(|&v| f64::from(v)).collect();
        let our_intercept: Vec<f64> = ours.intercept.iter().map(|&v| f64::from(v)).collect();
        let our_obj = objective(&x, &y, classes, c, &our_weights, &our_intercept);
        assert!(
            (our_obj - ref_obj).abs() / ref_obj < 1e-3,
            "objective: ours {our_obj}, linfa {ref_obj}"
        );
        let ref_pred = reference.predict(&dense);
        let same = ours
            .predict(&x)
            .iter()
            .zip(ref_pred.iter())
            .filter(|(a, b)| a == b)
            .count();
        assert!(
            same as f64 / y.len() as f64 >= 0.995,
            "{same} of {} predictions equal",
            y.len()
        );
    }
}
