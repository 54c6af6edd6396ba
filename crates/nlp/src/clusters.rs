//! Word clusters derived from the en_core_web_md vectors: each lowercased
//! word maps to its vector row (20,000 rows, itself a fine clustering), and
//! each row to a k-means cluster at two coarser levels. Lets linear models
//! generalise to words they never saw in training.

use crate::model_file::{self, ModelError, Reader};
use crate::perceptron::{Feature, FeatureMap};

pub const KIND: &str = "clusters";
pub const LEVELS: [usize; 2] = [128, 1024];

/// Cluster ids of one word; 0 means unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordClusters {
    pub row: u32,
    pub coarse: u16,
    pub fine: u16,
}

pub struct Clusters {
    words: FeatureMap<u32>,
    coarse: Vec<u16>,
    fine: Vec<u16>,
}

/// The key a lowercased word is stored under (same hash as `Lex::lower`).
pub fn word_key(word: &str) -> u64 {
    let mut f = Feature::new(0);
    for c in word.chars().flat_map(char::to_lowercase) {
        f = f.u(c as u64);
    }
    f.finish()
}

impl Clusters {
    pub fn lookup_key(&self, lower_key: u64) -> WordClusters {
        match self.words.get(&lower_key) {
            Some(&row) => WordClusters {
                row: row + 1,
                coarse: self.coarse[row as usize] + 1,
                fine: self.fine[row as usize] + 1,
            },
            None => WordClusters::default(),
        }
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let payload = model_file::decode(bytes, KIND)?;
        let mut r = Reader::new(&payload);
        let rows = r.u32()? as usize;
        let coarse = (0..rows).map(|_| r.u16()).collect::<Result<Vec<_>, _>>()?;
        let fine = (0..rows).map(|_| r.u16()).collect::<Result<Vec<_>, _>>()?;
        let n = r.count(12)?;
        let mut words = FeatureMap::default();
        words.reserve(n);
        for _ in 0..n {
            let key = r.u64()?;
            let row = r.u32()?;
            if row as usize >= rows {
                return Err(r.corrupt("row out of range"));
            }
            words.insert(key, row);
        }
        Ok(Clusters {
            words,
            coarse,
            fine,
        })
    }

    /// Builds the clusters from `vectors.f32` (rows × 300) and `words.tsv`.
    pub fn build(
        vectors: &[f32],
        dim: usize,
        words_tsv: &str,
        mut log: impl FnMut(&str),
    ) -> Vec<u8> {
        let rows = vectors.len() / dim;
        let normalized: Vec<f32> = vectors
            .chunks(dim)
            .flat_map(|v| {
                let n = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
                v.iter().map(move |x| x / n)
            })
            .collect();
        let coarse = kmeans(&normalized, dim, LEVELS[0], 12, &mut log);
        let fine = kmeans(&normalized, dim, LEVELS[1], 8, &mut log);
        // Lowercased word → row; a lowercase spelling wins over other casings.
        let mut words: FeatureMap<(u32, bool)> = FeatureMap::default();
        for line in words_tsv.lines() {
            let Some((word, row)) = line.split_once('\t') else {
                continue;
            };
            let Ok(row) = row.trim().parse::<u32>() else {
                continue;
            };
            if row as usize >= rows {
                continue;
            }
            let is_lower = !word.chars().any(char::is_uppercase);
            let key = word_key(word);
            match words.get(&key) {
                Some(&(_, true)) => {}
                Some(_) if !is_lower => {}
                _ => {
                    words.insert(key, (row, is_lower));
                }
            }
        }
        let mut entries: Vec<(u64, u32)> = words.into_iter().map(|(k, (r, _))| (k, r)).collect();
        entries.sort_unstable();
        let mut payload = Vec::new();
        payload.extend_from_slice(&(rows as u32).to_le_bytes());
        for c in coarse.iter().chain(&fine) {
            payload.extend_from_slice(&c.to_le_bytes());
        }
        payload.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (k, r) in entries {
            payload.extend_from_slice(&k.to_le_bytes());
            payload.extend_from_slice(&r.to_le_bytes());
        }
        model_file::encode(KIND, &payload)
    }
}

/// Spherical k-means with a deterministic start (evenly spaced rows).
fn kmeans(
    x: &[f32],
    dim: usize,
    k: usize,
    iterations: usize,
    log: &mut impl FnMut(&str),
) -> Vec<u16> {
    let n = x.len() / dim;
    let mut centroids: Vec<f32> = (0..k)
        .flat_map(|c| x[(c * n / k) * dim..(c * n / k + 1) * dim].to_vec())
        .collect();
    let mut assign = vec![0u16; n];
    for it in 0..iterations {
        let mut changed = 0;
        for i in 0..n {
            let v = &x[i * dim..(i + 1) * dim];
            let mut best = (f32::MIN, 0usize);
            for c in 0..k {
                let cv = &centroids[c * dim..(c + 1) * dim];
                let s: f32 = v.iter().zip(cv).map(|(a, b)| a * b).sum();
                if s > best.0 {
                    best = (s, c);
                }
            }
            if assign[i] as usize != best.1 {
                changed += 1;
            }
            assign[i] = best.1 as u16;
        }
        let mut sums = vec![0f32; k * dim];
        let mut counts = vec![0usize; k];
        for i in 0..n {
            let c = assign[i] as usize;
            counts[c] += 1;
            for d in 0..dim {
                sums[c * dim + d] += x[i * dim + d];
            }
        }
        for c in 0..k {
            if counts[c] == 0 {
                continue; // keep the old centroid
            }
            let s = &sums[c * dim..(c + 1) * dim];
            let norm = s.iter().map(|v| v * v).sum::<f32>().sqrt().max(1e-6);
            for d in 0..dim {
                centroids[c * dim + d] = s[d] / norm;
            }
        }
        log(&format!(
            "k-means k={k} iteration {}: {changed} rows moved",
            it + 1
        ));
    }
    assign
}
