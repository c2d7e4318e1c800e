//! The vectorizer: the vocabulary a model was fitted with, and the rows of TF-IDF weighted
//! terms it turns quotes into.

use super::*;

/// The fitted vocabulary: term hashes and texts, block boundaries and IDF weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Vectorizer {
    settings: FeatureSettings,
    hashes: Vec<u64>,
    names: Vec<String>,
    idf: Vec<f32>,
    /// Index of the first character term and of the first extra term.
    char_start: usize,
    extra_start: usize,
    index: HashIndex,
}

impl Vectorizer {
    /// Learns the vocabulary and IDF weights from `inputs`.
    pub fn fit(
        settings: &FeatureSettings,
        inputs: &[ModelInput],
    ) -> Result<Vectorizer, SettingsError> {
        Ok(Vectorizer::fit_transform(settings, inputs)?.0)
    }

    /// [`Vectorizer::fit`] and the rows of `inputs` ([`Vectorizer::transform_many`]'s), with
    /// each input analysed twice: once to count terms, once to build its row, where the text
    /// of every kept term is taken from the first row holding it.
    pub fn fit_transform(
        settings: &FeatureSettings,
        inputs: &[ModelInput],
    ) -> Result<(Vectorizer, SparseMatrix), SettingsError> {
        settings.check()?;
        let mut kept: Vec<(u64, DocFreq)> = document_frequencies(settings, inputs)
            .into_iter()
            .filter(|(_, d)| d.block == Block::Extra || d.rows >= settings.min_df)
            .collect();
        // Within a block, frequent terms first: the weights most rows touch then sit together,
        // which keeps training's random accesses in cache. Ties go by hash.
        kept.sort_unstable_by_key(|(h, d)| (d.block, Reverse(d.rows), *h));
        if let Some(max) = settings.max_features {
            // The most frequent text terms across both blocks, kept in block order.
            let extra_start = kept.partition_point(|t| t.1.block < Block::Extra);
            if extra_start > max {
                let mut text: Vec<usize> = (0..extra_start).collect();
                text.sort_unstable_by_key(|&i| (Reverse(kept[i].1.rows), kept[i].0));
                let mut keep = vec![false; extra_start];
                text[..max].iter().for_each(|&i| keep[i] = true);
                let mut i = 0;
                kept.retain(|_| {
                    i += 1;
                    i > extra_start || keep[i - 1]
                });
            }
        }
        let n = inputs.len() as f32;
        let char_start = kept.partition_point(|t| t.1.block < Block::Char);
        let extra_start = kept.partition_point(|t| t.1.block < Block::Extra);
        let first: Vec<u32> = kept.iter().map(|t| t.1.first).collect();
        // Each kept term is one entry in each row holding it: the matrix's exact size.
        let nnz: usize = kept.iter().map(|t| t.1.rows as usize).sum();
        let idf = kept
            .iter()
            .map(|(_, d)| match d.block {
                Block::Extra => 1.0,
                _ => ((1.0 + n) / (1.0 + d.rows as f32)).ln() + 1.0,
            })
            .collect();
        let hashes = kept.into_iter().map(|t| t.0).collect::<Vec<_>>();
        let names = vec![String::new(); hashes.len()];
        let mut v = Vectorizer::from_parts(
            settings.clone(),
            hashes,
            names,
            idf,
            char_start,
            extra_start,
        );
        let mut m = SparseMatrix::empty(v.len());
        m.indptr.reserve_exact(inputs.len());
        m.indices.reserve_exact(nnz);
        m.values.reserve_exact(nnz);
        // Each batch's rows and term texts, their memory kept from batch to batch.
        let mut rows: Vec<(Row, Vec<(u32, String)>)> = Vec::new();
        for (b, batch) in inputs.chunks(BATCH).enumerate() {
            rows.truncate(batch.len());
            rows.resize_with(batch.len(), Default::default);
            rows.par_iter_mut()
                .zip(batch)
                .enumerate()
                .for_each(|(i, ((row, names), input))| {
                    SCRATCH.with_borrow_mut(|s| {
                        s.keys.clear();
                        let mut sink = NamingSink {
                            index: &v.index,
                            first: &first,
                            row: (b * BATCH + i) as u32,
                            keys: &mut s.keys,
                            names,
                        };
                        analyze(settings, input, &mut sink, &mut s.text);
                        v.weigh_into(&mut s.keys, &mut s.other, row);
                    })
                });
            for (row, names) in &mut rows {
                m.push_row(row);
                for (col, name) in names.drain(..) {
                    v.names[col as usize] = name;
                }
            }
        }
        Ok((v, m))
    }

    /// Rebuilds a vectorizer from stored parts (the model file).
    pub fn from_parts(
        settings: FeatureSettings,
        hashes: Vec<u64>,
        names: Vec<String>,
        idf: Vec<f32>,
        char_start: usize,
        extra_start: usize,
    ) -> Vectorizer {
        let index = hashes
            .iter()
            .enumerate()
            .map(|(i, &h)| (h, i as u32))
            .collect();
        Vectorizer {
            settings,
            hashes,
            names,
            idf,
            char_start,
            extra_start,
            index,
        }
    }

    pub fn settings(&self) -> &FeatureSettings {
        &self.settings
    }
    pub fn len(&self) -> usize {
        self.hashes.len()
    }
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
    /// How many different term hashes the vocabulary holds (less than its length when one
    /// repeats).
    pub fn distinct_terms(&self) -> usize {
        self.index.len()
    }
    pub fn hashes(&self) -> &[u64] {
        &self.hashes
    }
    pub fn names(&self) -> &[String] {
        &self.names
    }
    pub fn idf(&self) -> &[f32] {
        &self.idf
    }
    pub fn block_starts(&self) -> (usize, usize) {
        (self.char_start, self.extra_start)
    }

    /// The feature text of column `i` (`w:not support`, `c:sup`, `x:topic_negated`).
    pub fn name(&self, i: usize) -> &str {
        self.names.get(i).map_or("", String::as_str)
    }

    /// The feature vector of one quote, sorted by column.
    pub fn transform(&self, input: &ModelInput) -> Vec<(u32, f32)> {
        SCRATCH.with_borrow_mut(|s| {
            s.terms.clear();
            let mut sink = IndexSink {
                terms: &mut s.terms,
            };
            analyze(&self.settings, input, &mut sink, &mut s.text);
            s.keys.clear();
            s.keys.extend(
                s.terms
                    .iter()
                    .filter_map(|(h, v)| Some(key(*self.index.get(h)?, *v))),
            );
            self.weigh(&mut s.keys, &mut s.other)
        })
    }

    /// The row of a quote's [`key`]s: counts summed per column, then TF-IDF weighted and
    /// normalised per block, extras scaled.
    fn weigh(&self, keys: &mut Vec<u64>, other: &mut Vec<u64>) -> Vec<(u32, f32)> {
        let mut row = Vec::with_capacity(keys.len());
        self.weigh_into(keys, other, &mut row);
        row
    }

    /// [`Vectorizer::weigh`] into `row` (cleared first).
    fn weigh_into(&self, keys: &mut Vec<u64>, other: &mut Vec<u64>, row: &mut Vec<(u32, f32)>) {
        sort_by_column(keys, other, self.len());
        row.clear();
        row.reserve(keys.len());
        for &key in keys.iter() {
            let (i, v) = ((key >> 32) as u32, f32::from_bits(key as u32));
            match row.last_mut() {
                Some(last) if last.0 == i => last.1 += v,
                _ => row.push((i, v)),
            }
        }
        let (char_start, extra_start) = (self.char_start as u32, self.extra_start as u32);
        let split_char = row.partition_point(|e| e.0 < char_start);
        let split_extra = row.partition_point(|e| e.0 < extra_start);
        let (words, rest) = row.split_at_mut(split_char);
        let (chars, extras) = rest.split_at_mut(split_extra - split_char);
        for (block, scale) in [(words, 1.0), (chars, self.settings.char_weight)] {
            let mut norm = 0.0f32;
            for (i, v) in block.iter_mut() {
                *v = (1.0 + v.ln()) * self.idf[*i as usize];
                norm += *v * *v;
            }
            let norm = norm.sqrt();
            if norm > 0.0 {
                let scale = scale / norm;
                block.iter_mut().for_each(|e| e.1 *= scale);
            }
        }
        let w = self.settings.extra_weight;
        extras.iter_mut().for_each(|e| e.1 *= w);
    }

    /// The feature matrix of many quotes; the same rows [`Vectorizer::transform`] gives.
    pub fn transform_many(&self, inputs: &[ModelInput]) -> SparseMatrix {
        let mut m = SparseMatrix::empty(self.len());
        for batch in inputs.chunks(BATCH) {
            let rows: Vec<Vec<(u32, f32)>> = batch.par_iter().map(|i| self.transform(i)).collect();
            for row in rows {
                m.push_row(&row);
            }
        }
        m
    }
}
