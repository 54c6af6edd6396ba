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

impl Trainer {
    pub fn new(n_classes: usize) -> Self {
        Trainer { n_classes, rows: FeatureMap::default(), step: 0 }
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
            let row = &mut row.slots;
            for (class, delta) in [(right, amount), (wrong, -amount)] {
                let slot = match row.iter_mut().position(|s| s.class as usize == class) {
                    Some(i) => &mut row[i],
                    None => {
                        row.push(Slot { class: class as u16, weight: 0.0, total: 0.0, stamp: step });
                        row.last_mut().unwrap()
                    }
                };
                slot.total += f64::from(slot.weight) * f64::from(step - slot.stamp);
                slot.stamp = step;
                slot.weight += delta;
            }
        }
    }

    /// Freezes the averaged weights. Features updated fewer than
    /// `min_updates` times are dropped: they are rare, barely generalise,
    /// and make the model large and slow (every lookup is a cache miss).
    pub fn compile(&self, min_updates: u32) -> Model {
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
        let mut index = FeatureTable::with_capacity(found.len());
        for (k, s, l) in found {
            index.insert(k, s, l);
        }
        Model { n_classes: self.n_classes, index, entries }
    }
}

/// One slot of the feature table: key and weight-row location together,
/// so a lookup costs one cache line.
#[derive(Clone, Copy, Default)]
struct TableSlot {
    key: u64,
    start: u32,
    len: u32,
}

/// Open-addressing table (linear probing, at most half full) from feature
/// key to its row of weights.
#[derive(Clone, Default)]
struct FeatureTable {
    slots: Vec<TableSlot>,
    mask: usize,
    len: usize,
}

impl FeatureTable {
    fn with_capacity(n: usize) -> Self {
        let cap = (n.max(1) * 2).next_power_of_two();
        FeatureTable { slots: vec![TableSlot::default(); cap], mask: cap - 1, len: 0 }
    }

    /// Key 0 marks an empty slot; a real key of 0 is stored as 1.
    #[inline]
    fn stored(key: u64) -> u64 {
        key.max(1)
    }

    #[inline]
    fn home(&self, key: u64) -> usize {
        (Self::stored(key) as usize) & self.mask
    }

    fn insert(&mut self, key: u64, start: u32, len: u32) {
        let k = Self::stored(key);
        let mut i = self.home(key);
        loop {
            let slot = &mut self.slots[i];
            if slot.key == 0 || slot.key == k {
                if slot.key == 0 {
                    self.len += 1;
                }
                *slot = TableSlot { key: k, start, len };
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    fn get(&self, key: u64) -> Option<(u32, u32)> {
        let k = Self::stored(key);
        let mut i = self.home(key);
        loop {
            let slot = &self.slots[i];
            if slot.key == k {
                return Some((slot.start, slot.len));
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    fn iter(&self) -> impl Iterator<Item = (u64, u32, u32)> + '_ {
        self.slots.iter().filter(|s| s.key != 0).map(|s| (s.key, s.start, s.len))
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

/// Frozen weights for prediction.
pub struct Model {
    pub n_classes: usize,
    index: FeatureTable,
    entries: Vec<(u16, f32)>,
}

impl Model {
    /// Adds the weights of `features` into `scores` (after zeroing them).
    /// Three passes: prefetch every feature's slot, find the rows and
    /// prefetch them, then add. Most lookups miss the cache; this way
    /// their latencies overlap instead of queueing.
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for chunk in features.chunks(128) {
            for &f in chunk {
                prefetch(&self.index.slots[self.index.home(f)]);
            }
            let mut rows = [(0u32, 0u32); 128];
            for (row, &f) in rows.iter_mut().zip(chunk) {
                if let Some(r) = self.index.get(f) {
                    // Rows of up to 32 weights span up to 4 cache lines.
                    let row_entries = &self.entries[r.0 as usize..(r.0 + r.1) as usize];
                    for e in row_entries.iter().step_by(8).take(4) {
                        prefetch(e);
                    }
                    *row = r;
                }
            }
            for &(start, len) in &rows[..chunk.len()] {
                for &(class, w) in &self.entries[start as usize..(start + len) as usize] {
                    scores[class as usize] += w;
                }
            }
        }
    }

    pub fn n_features(&self) -> usize {
        self.index.len
    }

    /// Little-endian serialisation (sorted by key, so output is deterministic).
    pub fn write(&self, out: &mut Vec<u8>) {
        let mut keys: Vec<(u64, u32, u32)> = self.index.iter().collect();
        keys.sort_unstable_by_key(|k| k.0);
        out.extend_from_slice(&(self.n_classes as u32).to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for (key, start, len) in keys {
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&(len as u16).to_le_bytes());
            for &(class, w) in &self.entries[start as usize..start as usize + len as usize] {
                out.extend_from_slice(&class.to_le_bytes());
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }

    pub fn read(r: &mut crate::model_file::Reader<'_>) -> Result<Self, crate::model_file::ModelError> {
        let n_classes = r.u32()? as usize;
        let n = r.u32()? as usize;
        let mut index = FeatureTable::with_capacity(n);
        let mut entries = Vec::with_capacity(n * 3);
        for _ in 0..n {
            let key = r.u64()?;
            let len = r.u16()?;
            let start = entries.len() as u32;
            for _ in 0..len {
                let class = r.u16()?;
                let w = r.f32()?;
                if class as usize >= n_classes {
                    return Err(r.corrupt("class index out of range"));
                }
                entries.push((class, w));
            }
            index.insert(key, start, u32::from(len));
        }
        Ok(Model { n_classes, index, entries })
    }
}
