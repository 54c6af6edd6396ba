//! An averaged perceptron over hashed sparse features: the learner behind
//! the tagger and the parser. Training keeps per-feature sparse rows with
//! lazy averaging; [`Trainer::compile`] freezes them into a [`Model`] whose
//! scoring touches only the classes each feature has weights for.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Keys are already well-mixed 64-bit hashes: hashing them again is waste.
#[derive(Default)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// Builds a feature key from a template number and its parts, without
/// allocating.
#[derive(Clone, Copy)]
pub struct Feature(u64);

const K: u64 = 0x9E37_79B9_7F4A_7C15;

impl Feature {
    #[inline]
    pub fn new(template: u16) -> Self {
        Feature((u64::from(template) + 1).wrapping_mul(K))
    }
    #[inline]
    pub fn u(self, x: u64) -> Self {
        Feature((self.0.rotate_left(23) ^ x).wrapping_mul(K))
    }
    #[inline]
    pub fn str(self, s: &str) -> Self {
        let mut f = self;
        for b in s.bytes() {
            f = Feature((f.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
        }
        f.u(s.len() as u64)
    }
    #[inline]
    pub fn finish(self) -> u64 {
        // Final avalanche so nearby keys spread over the table.
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x
    }
}

#[derive(Clone, Copy, Default)]
struct Slot {
    class: u16,
    weight: f32,
    /// Sum of the weight over all steps up to `stamp`.
    total: f64,
    stamp: u32,
}

/// Weights of one feature, and how many updates touched it.
#[derive(Default)]
struct Row {
    updates: u32,
    slots: Vec<Slot>,
}

/// Averaged-perceptron training state.
pub struct Trainer {
    n_classes: usize,
    rows: FeatureMap<Row>,
    step: u32,
}

/// Moves one class's weight in a row, first banking its average so far.
fn nudge(row: &mut Vec<Slot>, class: usize, delta: f32, step: u32) {
    let slot = match row.iter_mut().position(|s| s.class as usize == class) {
        Some(i) => &mut row[i],
        None => {
            row.push(Slot {
                class: class as u16,
                weight: 0.0,
                total: 0.0,
                stamp: step,
            });
            row.last_mut().unwrap()
        }
    };
    slot.total += f64::from(slot.weight) * f64::from(step - slot.stamp);
    slot.stamp = step;
    slot.weight += delta;
}

impl Trainer {
    pub fn new(n_classes: usize) -> Self {
        Trainer {
            n_classes,
            rows: FeatureMap::default(),
            step: 0,
        }
    }

    /// Adds the current weights of `features` into `scores`.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for slot in &row.slots {
                    scores[slot.class as usize] += slot.weight;
                }
            }
        }
    }

    /// Counts one training example.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Moves weight from `wrong` to `right` for every feature.
    pub fn update(&mut self, features: &[u64], right: usize, wrong: usize, amount: f32) {
        if right == wrong {
            return;
        }
        let step = self.step;
        for &f in features {
            let row = self.rows.entry(f).or_default();
            row.updates = row.updates.saturating_add(1);
            for (class, delta) in [(right, amount), (wrong, -amount)] {
                nudge(&mut row.slots, class, delta, step);
            }
        }
    }

    /// Freezes the averaged weights. Features updated fewer than
    /// `min_updates` times are dropped: they are rare, barely generalise,
    /// and make the model large and slow (every lookup is a cache miss).
    /// Weights smaller than `min_share` of the largest one are dropped too:
    /// they rarely change a decision, and every entry kept costs a load.
    pub fn compile(&self, min_updates: u32, min_share: f32) -> Model {
        let step = self.step.max(1);
        let mut keys: Vec<u64> = self.rows.keys().copied().collect();
        keys.sort_unstable();
        let mut found: Vec<(u64, u32, u32)> = Vec::new();
        let mut entries = Vec::new();
        for key in keys {
            let start = entries.len();
            let row = &self.rows[&key];
            if row.updates < min_updates {
                continue;
            }
            for slot in &row.slots {
                let total = slot.total + f64::from(slot.weight) * f64::from(step - slot.stamp);
                let avg = (total / f64::from(step)) as f32;
                if avg != 0.0 {
                    entries.push((slot.class, avg));
                }
            }
            if entries.len() > start {
                found.push((key, start as u32, (entries.len() - start) as u32));
            }
        }
        let max = entries
            .iter()
            .fold(0f32, |m, &(_, w): &(u16, f32)| m.max(w.abs()));
        let floor = max * min_share;
        let mut kept_rows = Vec::with_capacity(found.len());
        let mut kept = Vec::with_capacity(entries.len());
        for (key, start, len) in found {
            let from = kept.len();
            kept.extend(
                entries[start as usize..(start + len) as usize]
                    .iter()
                    .filter(|(_, w)| w.abs() >= floor),
            );
            if kept.len() > from {
                kept_rows.push((key, from as u32, (kept.len() - from) as u32));
            }
        }
        Model::build(self.n_classes, &kept_rows, &kept)
    }
}

/// Where a feature's row lives, packed in one word so a lookup touches one
/// cache line: 28 bits of the key (the part not used to pick the slot),
/// the row's length and its start. 0 marks an empty slot. Two keys that
/// share a slot path and those 28 bits would be confused; among the few
/// hundred thousand keys of a model that happens about once in 2^28 probes.
#[derive(Clone, Copy)]
struct Slot64(u64);

impl Slot64 {
    const EMPTY: Slot64 = Slot64(0);

    #[inline]
    fn fingerprint(key: u64) -> u64 {
        (key >> 36) | 1
    }

    #[inline]
    fn new(key: u64, start: u32, len: u8) -> Self {
        Slot64((Self::fingerprint(key) << 36) | (u64::from(len) << 28) | u64::from(start))
    }

    #[inline]
    fn matches(self, key: u64) -> bool {
        self.0 >> 36 == Self::fingerprint(key)
    }

    #[inline]
    fn start(self) -> usize {
        (self.0 & 0x0FFF_FFFF) as usize
    }

    #[inline]
    fn len(self) -> usize {
        ((self.0 >> 28) & 0xFF) as usize
    }
}

/// Asks the CPU to start loading `ptr`'s cache line, so that many
/// independent lookups overlap their memory latency.
#[inline(always)]
fn prefetch<T>(ptr: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint; it never faults, even on a bad address.
    unsafe {
        std::arch::x86_64::_mm_prefetch(ptr as *const i8, std::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = ptr;
}

/// Largest class count a compiled model holds (a row length is one byte).
pub const MAX_CLASSES: usize = 255;

/// Summed weights per class (padded to a whole number of vectors).
#[derive(Clone)]
pub struct Sums([i32; MAX_CLASSES + 1]);

impl Default for Sums {
    fn default() -> Self {
        Sums([0; MAX_CLASSES + 1])
    }
}

/// Starts loading every cache line of `x`.
#[inline(always)]
fn prefetch_all<T>(x: &[T]) {
    let bytes = std::mem::size_of_val(x);
    let base = x.as_ptr() as *const u8;
    for offset in (0..bytes).step_by(64) {
        prefetch(base.wrapping_add(offset));
    }
}

/// A feature's weights in a compiled [`Model`]: where they start and how
/// many (0 for a dense row, whose index `start` is).
#[derive(Clone, Copy, Default)]
pub struct WeightRow {
    start: u32,
    len: u8,
}

/// Frozen weights for prediction, quantized to 16 bits: each weight is
/// `scale` times an integer. Half the bytes of `f32` with its class id means
/// the tagger's and parser's tables fit the last-level cache together, and
/// scoring is bound by memory latency, not arithmetic.
pub struct Model {
    pub n_classes: usize,
    /// Open addressing, linear probing, at most half full.
    slots: Vec<Slot64>,
    mask: usize,
    /// Key, start and length of each row, in key order: only `write` reads them.
    rows: Vec<(u64, u32, u8)>,
    /// Each entry is `class << 16 | weight as u16`.
    entries: Vec<u32>,
    /// The long rows again, as one weight per class (`stride` each): adding
    /// them takes a few vector additions instead of one scattered addition
    /// per class. Their slots point here (with length 0).
    dense: Vec<i16>,
    stride: usize,
    scale: f32,
}

/// Rows with at least this many weights are also kept dense.
const DENSE_MIN: usize = 24;

/// Fills a model's table row by row.
struct TableBuilder {
    slots: Vec<Slot64>,
    mask: usize,
    rows: Vec<(u64, u32, u8)>,
    entries: Vec<u32>,
    dense: Vec<i16>,
    stride: usize,
}

impl TableBuilder {
    fn new(n_rows: usize, n_classes: usize) -> Self {
        let cap = (n_rows.max(1) * 2).next_power_of_two();
        let stride = n_classes.next_multiple_of(16);
        TableBuilder {
            slots: vec![Slot64::EMPTY; cap],
            mask: cap - 1,
            rows: Vec::with_capacity(n_rows),
            entries: Vec::new(),
            dense: Vec::new(),
            stride,
        }
    }

    /// Adds one feature's row, dropping weights that round to zero.
    fn push_row(&mut self, key: u64, row: impl Iterator<Item = (u16, i16)>) {
        let start = self.entries.len();
        self.entries.extend(
            row.filter(|&(_, w)| w != 0)
                .map(|(c, w)| (u32::from(c) << 16) | u32::from(w as u16)),
        );
        let len = self.entries.len() - start;
        if len == 0 {
            return;
        }
        assert!(
            start < 1 << 28 && len <= MAX_CLASSES,
            "model too large for its table"
        );
        let mut i = (key as usize) & self.mask;
        while self.slots[i].0 != 0 {
            i = (i + 1) & self.mask;
        }
        self.slots[i] = if len >= DENSE_MIN {
            let at = self.dense.len();
            self.dense.resize(at + self.stride, 0);
            for &e in &self.entries[start..] {
                self.dense[at + (e >> 16) as usize] = e as u16 as i16;
            }
            Slot64::new(key, (at / self.stride) as u32, 0)
        } else {
            Slot64::new(key, start as u32, len as u8)
        };
        self.rows.push((key, start as u32, len as u8));
    }

    fn finish(self, n_classes: usize, scale: f32) -> Model {
        Model {
            n_classes,
            slots: self.slots,
            mask: self.mask,
            rows: self.rows,
            entries: self.entries,
            dense: self.dense,
            stride: self.stride,
            scale,
        }
    }
}

impl Model {
    /// Builds the table from rows of `(key, start, len)` over `weights`.
    fn build(n_classes: usize, rows: &[(u64, u32, u32)], weights: &[(u16, f32)]) -> Self {
        let max = weights.iter().fold(0f32, |m, &(_, w)| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut table = TableBuilder::new(rows.len(), n_classes);
        for &(key, start, len) in rows {
            let row = &weights[start as usize..(start + len) as usize];
            table.push_row(
                key,
                row.iter().map(|&(c, w)| (c, (w / scale).round() as i16)),
            );
        }
        table.finish(n_classes, scale)
    }

    #[inline]
    fn find(&self, key: u64) -> Option<Slot64> {
        let mut i = (key as usize) & self.mask;
        loop {
            let slot = self.slots[i];
            if slot.0 == 0 {
                return None;
            }
            if slot.matches(key) {
                return Some(slot);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds the weights of `features` into `scores` (after zeroing them).
    /// Three passes: prefetch every feature's slot, find the rows and
    /// prefetch them, then add. Most lookups miss the cache; this way
    /// their latencies overlap instead of queueing. (The tagger spreads the
    /// same passes over consecutive words, so they overlap even more.)
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        let mut sums = Sums::default();
        self.add_keys(features, &mut sums);
        self.scale_sums(&sums, scores);
    }

    /// Adds the weights of `features` to `sums` (integers: in any order,
    /// or split over several calls, the sums are the same).
    #[inline]
    pub fn add_keys(&self, features: &[u64], sums: &mut Sums) {
        // A few keys (the NER's per-sequence ones) need no large buffer.
        if features.len() <= 8 {
            return self.add_chunk::<8>(features, sums);
        }
        for chunk in features.chunks(128) {
            self.add_chunk::<128>(chunk, sums);
        }
    }

    #[inline(always)]
    fn add_chunk<const N: usize>(&self, keys: &[u64], sums: &mut Sums) {
        self.prefetch_slots(keys);
        let mut rows = [WeightRow::default(); N];
        let found = self.find_rows(keys, &mut rows);
        self.add_rows(&rows[..found], sums);
    }

    /// Starts loading the table slots of `keys`.
    #[inline]
    pub fn prefetch_slots(&self, keys: &[u64]) {
        for &f in keys {
            prefetch(&self.slots[(f as usize) & self.mask]);
        }
    }

    /// Finds the rows of `keys` (those the model has) and starts loading
    /// their weights; writes them to `rows` and returns how many.
    #[inline]
    pub fn find_rows(&self, keys: &[u64], rows: &mut [WeightRow]) -> usize {
        let mut found = 0;
        for &f in keys {
            if let Some(slot) = self.find(f) {
                if slot.len() == 0 {
                    let at = slot.start() * self.stride;
                    prefetch_all(&self.dense[at..at + self.stride]);
                } else {
                    prefetch_all(&self.entries[slot.start()..slot.start() + slot.len()]);
                }
                rows[found] = WeightRow {
                    start: slot.start() as u32,
                    len: slot.len() as u8,
                };
                found += 1;
            }
        }
        found
    }

    /// Adds the weights of `rows` to `sums` (indexed by class).
    #[inline]
    pub fn add_rows(&self, rows: &[WeightRow], sums: &mut Sums) {
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2 (checked just above).
            return unsafe { self.add_rows_avx2(rows, sums) };
        }
        self.add_rows_body(rows, sums)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn add_rows_avx2(&self, rows: &[WeightRow], sums: &mut Sums) {
        self.add_rows_body(rows, sums)
    }

    #[inline(always)]
    fn add_rows_body(&self, rows: &[WeightRow], sums: &mut Sums) {
        for row in rows {
            let start = row.start as usize;
            if row.len == 0 {
                let dense = &self.dense[start * self.stride..(start + 1) * self.stride];
                for (s, &w) in sums.0.iter_mut().zip(dense) {
                    *s += i32::from(w);
                }
            } else {
                for &e in &self.entries[start..start + usize::from(row.len)] {
                    sums.0[(e >> 16) as usize] += i32::from(e as u16 as i16);
                }
            }
        }
    }

    /// Class scores from summed weights.
    #[inline]
    pub fn scale_sums(&self, sums: &Sums, scores: &mut [f32]) {
        for (s, &sum) in scores.iter_mut().zip(&sums.0[..self.n_classes]) {
            *s = sum as f32 * self.scale;
        }
    }

    pub fn n_features(&self) -> usize {
        self.rows.len()
    }

    /// Little-endian serialisation, rows in key order (so output is
    /// deterministic).
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.n_classes as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&(self.rows.len() as u32).to_le_bytes());
        for &(key, start, len) in &self.rows {
            out.extend_from_slice(&key.to_le_bytes());
            out.push(len);
            for &e in &self.entries[start as usize..start as usize + usize::from(len)] {
                out.push((e >> 16) as u8);
                out.extend_from_slice(&(e as u16).to_le_bytes());
            }
        }
    }

    pub fn read(
        r: &mut crate::model_file::Reader<'_>,
    ) -> Result<Self, crate::model_file::ModelError> {
        let n_classes = r.u32()? as usize;
        if n_classes > MAX_CLASSES {
            return Err(r.corrupt("too many classes"));
        }
        let scale = r.f32()?;
        // A row is at least its key and its length.
        let n = r.count(9)?;
        let mut table = TableBuilder::new(n, n_classes);
        let mut row = Vec::with_capacity(n_classes);
        for _ in 0..n {
            let key = r.u64()?;
            let len = r.u8()?;
            row.clear();
            for _ in 0..len {
                let class = r.u8()?;
                let w = r.u16()? as i16;
                if class as usize >= n_classes {
                    return Err(r.corrupt("class index out of range"));
                }
                row.push((u16::from(class), w));
            }
            table.push_row(key, row.iter().copied());
        }
        Ok(table.finish(n_classes, scale))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A corrupt row count is refused before anything is allocated for it.
    #[test]
    fn a_row_count_beyond_the_payload_is_a_typed_error() {
        let mut bytes = 4u32.to_le_bytes().to_vec();
        bytes.extend_from_slice(&1f32.to_le_bytes());
        bytes.extend_from_slice(&u32::MAX.to_le_bytes());
        bytes.extend_from_slice(&[0; 9]);
        let read = Model::read(&mut crate::model_file::Reader::new(&bytes));
        assert!(matches!(
            read,
            Err(crate::model_file::ModelError::Corrupt(_))
        ));
    }

    /// A feature updated against every class gets a long row, which is also
    /// kept dense; scores through it match the sum of its sparse entries,
    /// before and after a write and read.
    #[test]
    fn dense_and_sparse_rows_score_the_same() {
        let classes = 40;
        let mut trainer = Trainer::new(classes);
        let (long, short) = (Feature::new(1).finish(), Feature::new(2).finish());
        for c in 0..classes {
            trainer.tick();
            trainer.update(&[long], c, (c + 1) % classes, 1.0 + c as f32);
        }
        trainer.tick();
        trainer.update(&[short], 3, 5, 2.0);
        let model = trainer.compile(0, 0.0);
        assert!(
            model
                .rows
                .iter()
                .any(|&(_, _, len)| usize::from(len) >= DENSE_MIN),
            "the test needs a dense row"
        );
        let mut bytes = Vec::new();
        model.write(&mut bytes);
        let read = Model::read(&mut crate::model_file::Reader::new(&bytes)).unwrap();
        for features in [
            vec![long],
            vec![short],
            vec![long, short, Feature::new(3).finish()],
        ] {
            let mut expected = vec![0i32; classes];
            for &(key, start, len) in &model.rows {
                if features.contains(&key) {
                    for &e in &model.entries[start as usize..start as usize + usize::from(len)] {
                        expected[(e >> 16) as usize] += i32::from(e as u16 as i16);
                    }
                }
            }
            let expected: Vec<f32> = expected.iter().map(|&x| x as f32 * model.scale).collect();
            let (mut got, mut got_read) = (vec![0.0; classes], vec![0.0; classes]);
            model.score(&features, &mut got);
            read.score(&features, &mut got_read);
            assert_eq!(got, expected);
            assert_eq!(got_read, expected);
        }
    }
}
