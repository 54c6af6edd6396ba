//! Dependency parser: arc-hybrid transitions with the root placed after
//! the last word (so exactly one word can attach to it), scored by a small
//! network in the style of Kiperwasser & Goldberg (2016):
//!
//! - each word is the concatenation of embeddings of its vector row (from
//!   the en_core_web_md vectors, so unseen words still land near their
//!   neighbours), its lowercase form, suffix, shape and predicted tag;
//! - a bidirectional LSTM reads the sentence, giving each word a vector
//!   that knows its context;
//! - a one-hidden-layer perceptron over the vectors of the top three stack
//!   words and the first buffer word scores the moves (action + label).
//!
//! Training follows the dynamic oracle (Goldberg & Nivre 2013): the loss
//! is the probability given to all the moves that lose no gold arc, and
//! after the first epoch the parser mostly follows its own predictions, so
//! it learns to recover from its mistakes. The first layer is applied to
//! every word vector once per sentence, so a move costs only a sum of four
//! precomputed rows, a `tanh` and the output layer.

use crate::clusters::Clusters;
use crate::conllu::Sentence;
use crate::dense::{self, Adam, Packed, Packed16, Quantizer, Rng};
use crate::lexical::{lex, Lex};
use crate::model_file::{self, ModelError, Reader};
use crate::perceptron::FeatureMap;
use dossier_core::Dep;

mod lstm;
mod training;

use lstm::{join_directions, Recurrence};
pub use training::{attachment, train, Dropout, TrainConfig};

pub const KIND: &str = "parser-lstm";
const NONE: usize = usize::MAX;

/// Class 0 is SHIFT; then LEFT(l) and RIGHT(l) for each label l.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Move {
    Shift,
    Left(u16),
    Right(u16),
}

fn move_of(c: usize, n_labels: usize) -> Move {
    if c == 0 {
        Move::Shift
    } else if c <= n_labels {
        Move::Left((c - 1) as u16)
    } else {
        Move::Right((c - 1 - n_labels) as u16)
    }
}

/// Parser state over `n` words; index `n` is the root.
#[derive(Default)]
pub struct State {
    n: usize,
    stack: Vec<usize>,
    b0: usize,
    pub heads: Vec<usize>,
    pub labels: Vec<u16>,
    /// Two leftmost and two rightmost children (NONE when absent).
    left: Vec<[usize; 2]>,
    right: Vec<[usize; 2]>,
    n_left: Vec<u8>,
    n_right: Vec<u8>,
}

impl State {
    fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b0 = 0;
        self.heads.clear();
        self.heads.resize(n + 1, NONE);
        self.labels.clear();
        self.labels.resize(n + 1, 0);
        self.left.clear();
        self.left.resize(n + 1, [NONE; 2]);
        self.right.clear();
        self.right.resize(n + 1, [NONE; 2]);
        self.n_left.clear();
        self.n_left.resize(n + 1, 0);
        self.n_right.clear();
        self.n_right.resize(n + 1, 0);
    }

    fn is_final(&self) -> bool {
        self.b0 >= self.n && self.stack.is_empty()
    }

    fn s(&self, i: usize) -> usize {
        if self.stack.len() > i {
            self.stack[self.stack.len() - 1 - i]
        } else {
            NONE
        }
    }

    fn b(&self, i: usize) -> usize {
        if self.b0 + i <= self.n {
            self.b0 + i
        } else {
            NONE
        }
    }

    fn is_valid(&self, m: Move, root: u16) -> bool {
        match m {
            Move::Shift => self.b0 < self.n,
            Move::Left(l) => {
                if self.stack.is_empty() {
                    false
                } else if self.b0 == self.n {
                    self.stack.len() == 1 && l == root
                } else {
                    l != root
                }
            }
            Move::Right(l) => self.stack.len() >= 2 && l != root,
        }
    }

    fn add_arc(&mut self, head: usize, dep: usize, label: u16) {
        self.heads[dep] = head;
        self.labels[dep] = label;
        if dep < head {
            let l = &mut self.left[head];
            if l[0] == NONE || dep < l[0] {
                l[1] = l[0];
                l[0] = dep;
            } else if l[1] == NONE || dep < l[1] {
                l[1] = dep;
            }
            self.n_left[head] = self.n_left[head].saturating_add(1);
        } else {
            let r = &mut self.right[head];
            if r[0] == NONE || dep > r[0] {
                r[1] = r[0];
                r[0] = dep;
            } else if r[1] == NONE || dep > r[1] {
                r[1] = dep;
            }
            self.n_right[head] = self.n_right[head].saturating_add(1);
        }
    }

    fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.b0);
                self.b0 += 1;
            }
            Move::Left(l) => {
                let s0 = self.stack.pop().unwrap();
                self.add_arc(self.b0, s0, l);
            }
            Move::Right(l) => {
                let s0 = self.stack.pop().unwrap();
                let s1 = *self.stack.last().unwrap();
                self.add_arc(s1, s0, l);
            }
        }
    }

    /// Number of gold arcs a move makes unreachable (arc-hybrid costs).
    fn cost(&self, m: Move, gold: &[usize], gold_labels: &[u16]) -> usize {
        let in_buffer = |i: usize| i >= self.b0 && i <= self.n;
        match m {
            Move::Shift => {
                let b0 = self.b0;
                let mut c = self.stack.iter().filter(|&&s| gold[s] == b0).count();
                let top = self.s(0);
                if gold[b0] != top && self.stack.contains(&gold[b0]) {
                    c += 1;
                }
                c
            }
            Move::Left(l) | Move::Right(l) => {
                let s0 = self.s(0);
                let head = if let Move::Left(_) = m {
                    self.b0
                } else {
                    self.s(1)
                };
                let mut c = (self.b0..self.n).filter(|&d| gold[d] == s0).count();
                let g = gold[s0];
                if g != head && (g == self.s(1) || in_buffer(g)) {
                    c += 1;
                }
                if g == head && gold_labels[s0] != l {
                    c += 1;
                }
                c
            }
        }
    }
}

/// Sizes of the network.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dims {
    pub row: usize,
    pub word: usize,
    pub suffix: usize,
    pub shape: usize,
    pub tag: usize,
    /// LSTM units per direction.
    pub hidden: usize,
    /// Units of the scoring layer.
    pub mlp: usize,
    /// Stacked BiLSTM layers.
    pub layers: usize,
}

impl Default for Dims {
    fn default() -> Self {
        Dims {
            row: 64,
            word: 32,
            suffix: 16,
            shape: 8,
            tag: 24,
            hidden: 96,
            mlp: 100,
            layers: 1,
        }
    }
}

impl Dims {
    fn input(&self) -> usize {
        self.row + self.word + self.suffix + self.shape + self.tag
    }
    /// Width of a layer's input: the embeddings, then the layer below.
    fn layer_input(&self, layer: usize) -> usize {
        if layer == 0 {
            self.input()
        } else {
            2 * self.hidden
        }
    }
}

/// Stack and buffer positions the scorer reads: s0, s1, s2, b0.
const FEATURES: usize = 4;
/// Tag ids index a fixed table (the tagger has about 100 classes).
const TAGS: usize = 256;

// The parameter tensors, in file order. The first five are lookup tables.
const T_ROW: usize = 0;
const T_WORD: usize = 1;
// 2, 3, 4: suffix, shape and tag tables.
const TAG_TABLE: usize = 4;
const TABLES: usize = 5;
const T_ROOT: usize = 5;
const T_PAD: usize = 6;
const T_W1: usize = 7;
const T_B1: usize = 8;
const T_W2: usize = 9;
const T_B2: usize = 10;
/// Label embeddings (row 0: no child), and their first-layer weights.
const T_LABEL: usize = 11;
const T_W_LABEL: usize = 12;
/// Then each layer's forward W, U, b and backward W, U, b.
const T_LSTM: usize = 13;
/// Children whose labels the scorer reads: the leftmost and rightmost of
/// s0 and s1, and the leftmost of b0. The BiLSTM vectors know the words,
/// not the tree built so far; these say which dependents a word already has.
const CHILDREN: usize = 5;
const LABEL_DIM: usize = 16;

/// Index of the first of a layer's three LSTM tensors (W, U, b).
fn t_lstm(layer: usize, backward: bool) -> usize {
    T_LSTM + 6 * layer + if backward { 3 } else { 0 }
}

/// Hashed keys seen often enough in training; index 0 is "unknown".
#[derive(Default, Clone)]
struct Vocab {
    keys: Vec<u64>,
    index: FeatureMap<u32>,
}

impl Vocab {
    fn from_keys(keys: Vec<u64>) -> Self {
        let index = keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32 + 1))
            .collect();
        Vocab { keys, index }
    }
    fn get(&self, key: u64) -> usize {
        self.index.get(&key).map_or(0, |&i| i as usize)
    }
    fn rows(&self) -> usize {
        self.keys.len() + 1
    }
}

/// The network's weights and vocabularies.
#[derive(Clone)]
struct Net {
    dims: Dims,
    n_classes: usize,
    rows: usize,
    words: Vocab,
    suffixes: Vocab,
    shapes: Vocab,
    t: Vec<Vec<f32>>,
}

impl Net {
    fn shapes_of(
        dims: &Dims,
        rows: usize,
        words: usize,
        suffixes: usize,
        shapes: usize,
        n_classes: usize,
    ) -> Vec<usize> {
        let (h, m) = (dims.hidden, dims.mlp);
        let labels = (n_classes - 1) / 2;
        let mut sizes = vec![
            rows * dims.row,
            words * dims.word,
            suffixes * dims.suffix,
            shapes * dims.shape,
            TAGS * dims.tag,
            2 * h,
            2 * h,
            FEATURES * m * 2 * h,
            m,
            n_classes * m,
            n_classes,
            (labels + 1) * LABEL_DIM,
            m * CHILDREN * LABEL_DIM,
        ];
        for layer in 0..dims.layers {
            let d = dims.layer_input(layer);
            sizes.extend_from_slice(&[4 * h * d, 4 * h * h, 4 * h, 4 * h * d, 4 * h * h, 4 * h]);
        }
        sizes
    }

    fn sizes(&self) -> Vec<usize> {
        Self::shapes_of(
            &self.dims,
            self.rows,
            self.words.rows(),
            self.suffixes.rows(),
            self.shapes.rows(),
            self.n_classes,
        )
    }

    /// Random starting weights (Glorot for the layers, small for the tables).
    fn init(&mut self, rng: &mut Rng) {
        let sizes = self.sizes();
        let (h, m, n_classes) = (self.dims.hidden, self.dims.mlp, self.n_classes);
        self.t.clear();
        for (k, &size) in sizes.iter().enumerate() {
            let glorot = |fan_in: usize, fan_out: usize| (6.0 / (fan_in + fan_out) as f32).sqrt();
            let (layer, part) = (k.saturating_sub(T_LSTM) / 6, k.saturating_sub(T_LSTM) % 3);
            let is_lstm_bias = k >= T_LSTM && part == 2;
            let bound = match k {
                T_W1 => glorot(FEATURES * 2 * h, m),
                T_W_LABEL => glorot(CHILDREN * LABEL_DIM, m),
                T_W2 => glorot(m, n_classes),
                T_B1 | T_B2 => 0.0,
                _ if k >= T_LSTM && part == 0 => glorot(self.dims.layer_input(layer), 4 * h),
                _ if k >= T_LSTM && part == 1 => glorot(h, 4 * h),
                _ if is_lstm_bias => 0.0,
                _ => 0.1,
            };
            let mut t: Vec<f32> = (0..size).map(|_| rng.uniform(bound)).collect();
            if is_lstm_bias {
                // Forget gates start open, so early gradients reach far back.
                t[h..2 * h].iter_mut().for_each(|x| *x = 1.0);
            }
            self.t.push(t);
        }
    }

    fn n_labels(&self) -> usize {
        (self.n_classes - 1) / 2
    }

    /// Width of each lookup table's rows.
    fn table_width(&self, table: usize) -> usize {
        [
            self.dims.row,
            self.dims.word,
            self.dims.suffix,
            self.dims.shape,
            self.dims.tag,
        ][table]
    }

    /// Row of each lookup table for one word.
    fn ids(&self, lex: &Lex, tag: u16) -> [u32; TABLES] {
        let row = if (lex.row as usize) < self.rows {
            lex.row as u32
        } else {
            0
        };
        [
            row,
            self.words.get(lex.lower) as u32,
            self.suffixes.get(lex.suffix3) as u32,
            self.shapes.get(lex.shape) as u32,
            u32::from(tag).min(TAGS as u32 - 1),
        ]
    }

    /// Writes the embeddings of the tables `ids` names (the first
    /// `ids.len()` tables), concatenated.
    fn embed(&self, ids: &[u32], x: &mut [f32]) {
        let mut at = 0;
        for (table, &id) in ids.iter().enumerate() {
            let w = self.table_width(table);
            x[at..at + w].copy_from_slice(&self.t[table][id as usize * w..(id as usize + 1) * w]);
            at += w;
        }
    }
}

/// Per-sentence buffers, reused from sentence to sentence so parsing does
/// not allocate once they have grown to the longest sentence.
#[derive(Default)]
pub struct ParseScratch {
    lex: Vec<Lex>,
    ids: Vec<[u32; TABLES]>,
    x: Vec<f32>,
    /// Each layer's forward and backward recurrences.
    recurrences: Vec<[Recurrence; 2]>,
    /// Outputs of the layers below the top one: n × 2H each.
    between: Vec<Vec<f32>>,
    /// Word vectors, then the root's and the padding's: (n + 2) × 2H.
    v: Vec<f32>,
    /// First-layer products for each feature slot: FEATURES × (n + 2) × M.
    pre: Vec<f32>,
    /// `v` and `hidden`, quantized for the run-time matrices.
    v_q: Vec<i16>,
    hidden_q: Vec<i16>,
    hidden: Vec<f32>,
    cache: LexCache,
    /// Hidden states going through `U` together (quantized), and where
    /// their products go.
    batch_h: Vec<i16>,
    batch_at: Vec<usize>,
    /// The children's label embeddings, concatenated.
    children: Vec<f32>,
    scores: Vec<f32>,
    state: State,
}

/// First-layer gate inputs of the word forms seen so far, for one parser.
#[derive(Default)]
struct LexCache {
    /// The `Fast` these rows were computed with (its address).
    owner: usize,
    slots: FeatureMap<u32>,
    /// Per slot: forward then backward gate inputs (2 × 4H).
    rows: Vec<f32>,
    miss_x: Vec<f32>,
    miss_at: Vec<(usize, u64)>,
    /// The misses' lexical gate inputs, forward and backward.
    miss_out: [Vec<f32>; 2],
}

impl LexCache {
    /// 4,096 forms cover most running words and cost 6 MB at 96 units.
    const CAPACITY: usize = 4096;
}

impl Net {
    /// Runs the embeddings, the BiLSTM and the first layer over a sentence
    /// whose table ids are in `scratch.ids`. In training, `dropout` holds
    /// the masks for the inputs (n × D) and each layer's outputs (n × 2H).
    fn encode(
        &self,
        scratch: &mut ParseScratch,
        dropout: Option<(&[f32], &[Vec<f32>])>,
        fast: Option<&Fast>,
    ) {
        let n = scratch.ids.len();
        let (d, h) = (self.dims.input(), self.dims.hidden);
        // At run time the first layer takes its inputs from `first_inputs`.
        scratch.x.clear();
        if fast.is_none() {
            scratch.x.resize(n * d, 0.0);
            for (i, ids) in scratch.ids.iter().enumerate() {
                self.embed(ids, &mut scratch.x[i * d..(i + 1) * d]);
            }
        }
        if let Some((mask, _)) = dropout {
            scratch.x.iter_mut().zip(mask).for_each(|(x, m)| *x *= m);
        }
        let width = 2 * h;
        let layers = self.dims.layers;
        scratch.recurrences.resize_with(layers, Default::default);
        scratch
            .between
            .resize_with(layers.saturating_sub(1), Vec::new);
        scratch.v.clear();
        scratch.v.resize((n + 2) * width, 0.0);
        for layer in 0..layers {
            let input: &[f32] = if layer == 0 {
                &scratch.x
            } else {
                &scratch.between[layer - 1]
            };
            let d_in = self.dims.layer_input(layer);
            match fast {
                Some(f) if layer == 0 => {
                    self.first_inputs(f, scratch);
                    for (dir, rec) in scratch.recurrences[0].iter_mut().enumerate() {
                        rec.recur(
                            &self.t[t_lstm(0, dir == 1) + 1],
                            h,
                            n,
                            dir == 1,
                            Some(&f.recurrent[0][dir].1),
                        );
                    }
                }
                _ => {
                    for (dir, rec) in scratch.recurrences[layer].iter_mut().enumerate() {
                        let k = t_lstm(layer, dir == 1);
                        rec.forward(
                            &self.t[k],
                            &self.t[k + 1],
                            &self.t[k + 2],
                            input,
                            d_in,
                            h,
                            n,
                            dir == 1,
                            fast.map(|f| &f.recurrent[layer][dir]),
                        );
                    }
                }
            }
            let out = if layer + 1 == layers {
                &mut scratch.v
            } else {
                &mut scratch.between[layer]
            };
            out.resize(out.len().max(n * width), 0.0);
            join_directions(&scratch.recurrences[layer], h, n, out);
            if let Some((_, masks)) = dropout {
                out[..n * width]
                    .iter_mut()
                    .zip(&masks[layer])
                    .for_each(|(x, m)| *x *= m);
            }
        }
        self.project(scratch, n, fast);
    }

    /// Appends the root's and the padding's vectors after the `n` word
    /// vectors in `scratch.v`, then applies the first layer's block for
    /// each feature slot to all `n + 2` of them (`scratch.pre`).
    fn project(&self, scratch: &mut ParseScratch, n: usize, fast: Option<&Fast>) {
        let (m, width) = (self.dims.mlp, 2 * self.dims.hidden);
        scratch.v[n * width..(n + 1) * width].copy_from_slice(&self.t[T_ROOT]);
        scratch.v[(n + 1) * width..(n + 2) * width].copy_from_slice(&self.t[T_PAD]);
        let len = FEATURES * (n + 2) * m;
        match fast {
            Some(f) => {
                // Every entry is overwritten, so the buffer needs no clearing.
                scratch.pre.resize(len, 0.0);
                f.first[0].quantize(&scratch.v, n + 2, &mut scratch.v_q);
                for (k, block) in f.first.iter().enumerate() {
                    block.gemm_to(
                        &mut scratch.pre[k * (n + 2) * m..(k + 1) * (n + 2) * m],
                        &scratch.v_q,
                        n + 2,
                    );
                }
            }
            None => {
                scratch.pre.clear();
                scratch.pre.resize(len, 0.0);
                for k in 0..FEATURES {
                    dense::gemm(
                        &mut scratch.pre[k * (n + 2) * m..(k + 1) * (n + 2) * m],
                        &self.t[T_W1][k * m * width..(k + 1) * m * width],
                        &scratch.v,
                        m,
                        width,
                    );
                }
            }
        }
    }

    /// The first layer's gate inputs `b + W·x`, split as the lexical part
    /// (from the word's form: cached per scratch, since a few hundred words
    /// make most of any text) plus the tag part with the bias (a table).
    fn first_inputs(&self, f: &Fast, scratch: &mut ParseScratch) {
        let n = scratch.ids.len();
        let g = 4 * self.dims.hidden;
        let lex_dim = self.dims.input() - self.dims.tag;
        // The tag part with the bias, per tag and direction.
        let tag_bias =
            |tag: usize, dir: usize| &f.tag_bias[(tag * 2 + dir) * g..(tag * 2 + dir + 1) * g];
        let cache = &mut scratch.cache;
        if cache.owner != f as *const Fast as usize {
            *cache = LexCache {
                owner: f as *const Fast as usize,
                ..LexCache::default()
            };
        }
        // Every word's gates are written below: no clearing needed.
        for rec in &mut scratch.recurrences[0] {
            rec.gates.resize(n * g, 0.0);
        }
        cache.miss_x.clear();
        cache.miss_at.clear();
        for (t, ids) in scratch.ids.iter().enumerate() {
            let key = ids[..TAG_TABLE]
                .iter()
                .fold(0x9E37_79B9_7F4A_7C15u64, |k, &id| {
                    (k.rotate_left(21) ^ u64::from(id)).wrapping_mul(0xff51_afd7_ed55_8ccd)
                });
            let tag = ids[TAG_TABLE] as usize;
            match cache.slots.get(&key) {
                Some(&slot) => {
                    let row = &cache.rows[slot as usize * 2 * g..(slot as usize + 1) * 2 * g];
                    for (dir, rec) in scratch.recurrences[0].iter_mut().enumerate() {
                        dense::add(
                            &mut rec.gates[t * g..(t + 1) * g],
                            &row[dir * g..(dir + 1) * g],
                            tag_bias(tag, dir),
                        );
                    }
                }
                None => {
                    cache.miss_at.push((t, key));
                    let at = cache.miss_x.len();
                    cache.miss_x.resize(at + lex_dim, 0.0);
                    // The embeddings that depend on the word's form (all but the tag).
                    self.embed(&ids[..TAG_TABLE], &mut cache.miss_x[at..at + lex_dim]);
                }
            }
        }
        let misses = cache.miss_at.len();
        if misses > 0 {
            for (dir, out) in cache.miss_out.iter_mut().enumerate() {
                out.clear();
                out.resize(misses * g, 0.0);
                f.lexical[dir].gemm(out, &cache.miss_x, misses);
            }
            for (i, &(t, key)) in cache.miss_at.iter().enumerate() {
                let tag = scratch.ids[t][TAG_TABLE] as usize;
                for (dir, rec) in scratch.recurrences[0].iter_mut().enumerate() {
                    dense::add(
                        &mut rec.gates[t * g..(t + 1) * g],
                        &cache.miss_out[dir][i * g..(i + 1) * g],
                        tag_bias(tag, dir),
                    );
                }
                if cache.slots.len() < LexCache::CAPACITY && !cache.slots.contains_key(&key) {
                    cache.slots.insert(key, cache.slots.len() as u32);
                    for out in &cache.miss_out {
                        cache.rows.extend_from_slice(&out[i * g..(i + 1) * g]);
                    }
                }
            }
        }
    }

    /// Scores every move from the state: the hidden layer goes to
    /// `scratch.hidden`, the scores to `scratch.scores`.
    fn score(
        &self,
        features: &Features,
        n: usize,
        scratch: &mut ParseScratch,
        fast: Option<&Fast>,
    ) {
        self.hidden_layer(features, n, scratch, fast);
        self.output(scratch, fast);
    }

    /// The hidden layer for the state, into `scratch.hidden`.
    fn hidden_layer(
        &self,
        features: &Features,
        n: usize,
        scratch: &mut ParseScratch,
        fast: Option<&Fast>,
    ) {
        let m = self.dims.mlp;
        let word_rows = |k: usize| {
            let at = (k * (n + 2) + features.words[k]) * m;
            &scratch.pre[at..at + m]
        };
        match fast {
            // Each (slot, label) pair's product is precomputed: the layer
            // is a sum of nine rows, taken in one pass.
            Some(f) => {
                let rows = self.n_labels() + 1;
                let label_rows = |slot: usize| {
                    let at = (slot * rows + features.labels[slot]) * m;
                    &f.label[at..at + m]
                };
                let parts: [&[f32]; FEATURES + CHILDREN] = std::array::from_fn(|i| {
                    if i < FEATURES {
                        word_rows(i)
                    } else {
                        label_rows(i - FEATURES)
                    }
                });
                scratch.hidden.resize(m, 0.0);
                dense::sum_rows(&mut scratch.hidden, &self.t[T_B1], &parts);
            }
            None => {
                scratch.hidden.clear();
                scratch.hidden.extend_from_slice(&self.t[T_B1]);
                for k in 0..FEATURES {
                    dense::axpy(&mut scratch.hidden, 1.0, word_rows(k));
                }
                scratch.children.clear();
                for &l in &features.labels {
                    scratch
                        .children
                        .extend_from_slice(&self.t[T_LABEL][l * LABEL_DIM..(l + 1) * LABEL_DIM]);
                }
                dense::gemv(&mut scratch.hidden, &self.t[T_W_LABEL], &scratch.children);
            }
        }
        dense::tanh_all(&mut scratch.hidden);
    }

    /// The move scores from the hidden layer.
    fn output(&self, scratch: &mut ParseScratch, fast: Option<&Fast>) {
        scratch.scores.clear();
        scratch.scores.extend_from_slice(&self.t[T_B2]);
        match fast {
            Some(f) => {
                f.output.quantize(&scratch.hidden, 1, &mut scratch.hidden_q);
                f.output.gemv(&mut scratch.scores, &scratch.hidden_q);
            }
            None => dense::gemv(&mut scratch.scores, &self.t[T_W2], &scratch.hidden),
        }
    }
}

/// What the scorer reads from a state.
struct Features {
    /// s0, s1, s2 and b0; the padding slot (n + 1) stands for an empty position.
    words: [usize; FEATURES],
    /// Label rows (label + 1, 0 for none) of the children listed at `CHILDREN`.
    labels: [usize; CHILDREN],
}

fn features(state: &State) -> Features {
    let pad = state.n + 1;
    let at = |i: usize| if i == NONE { pad } else { i };
    let (s0, s1, b0) = (state.s(0), state.s(1), state.b(0));
    let child = |h: usize, left: bool| -> usize {
        if h == NONE || h > state.n {
            return 0;
        }
        let c = if left {
            state.left[h][0]
        } else {
            state.right[h][0]
        };
        if c == NONE {
            0
        } else {
            state.labels[c] as usize + 1
        }
    };
    Features {
        words: [at(s0), at(s1), at(state.s(2)), at(b0)],
        labels: [
            child(s0, true),
            child(s0, false),
            child(s1, true),
            child(s1, false),
            child(b0, true),
        ],
    }
}

/// A trained parser.
pub struct Parser {
    net: Net,
    fast: Fast,
    labels: Vec<Dep>,
    root: u16,
}

/// The run-time copies of the matrices used once per move or per word
/// step, repacked for the panel kernel.
struct Fast {
    /// Each layer's forward and backward (W, U); U reads quantized states.
    recurrent: Vec<[(Packed, Packed16); 2]>,
    /// The first layer's block for each feature slot, on quantized vectors.
    first: Vec<Packed16>,
    /// Layer 0's input weights on the form embeddings, each direction.
    lexical: [Packed; 2],
    /// Layer 0's bias plus its input weights times each tag's embedding:
    /// TAGS × 2 directions × 4H.
    tag_bias: Vec<f32>,
    /// The children's contribution to the hidden layer, for each slot and
    /// label row: CHILDREN × (labels + 1) × M.
    label: Vec<f32>,
    output: Packed16,
}

impl Parser {
    fn new(net: Net, labels: Vec<Dep>, root: u16) -> Self {
        let (h, m) = (net.dims.hidden, net.dims.mlp);
        // LSTM states and the hidden layer lie in (-1, 1); the vectors the
        // first layer reads also include the root's and the padding's.
        let unit = Quantizer::for_bound(1.0);
        let recurrent = (0..net.dims.layers)
            .map(|l| {
                [false, true].map(|b| {
                    (
                        Packed::new(&net.t[t_lstm(l, b)], 4 * h, net.dims.layer_input(l)),
                        Packed16::new(&net.t[t_lstm(l, b) + 1], 4 * h, h, unit),
                    )
                })
            })
            .collect();
        let width = 2 * h;
        let vector_bound = net.t[T_ROOT]
            .iter()
            .chain(&net.t[T_PAD])
            .fold(1f32, |a, x| a.max(x.abs()));
        let vectors = Quantizer::for_bound(vector_bound);
        let first = (0..FEATURES)
            .map(|k| {
                Packed16::new(
                    &net.t[T_W1][k * m * width..(k + 1) * m * width],
                    m,
                    width,
                    vectors,
                )
            })
            .collect();
        // W_label is M × (CHILDREN·LABEL_DIM); slot k of it times label row l.
        let rows = net.n_labels() + 1;
        let mut label = vec![0f32; CHILDREN * rows * m];
        for slot in 0..CHILDREN {
            for l in 0..rows {
                let mut x = vec![0f32; CHILDREN * LABEL_DIM];
                x[slot * LABEL_DIM..(slot + 1) * LABEL_DIM]
                    .copy_from_slice(&net.t[T_LABEL][l * LABEL_DIM..(l + 1) * LABEL_DIM]);
                dense::gemv(
                    &mut label[(slot * rows + l) * m..(slot * rows + l + 1) * m],
                    &net.t[T_W_LABEL],
                    &x,
                );
            }
        }
        let (d, g) = (net.dims.input(), 4 * h);
        let lex_dim = d - net.dims.tag;
        let lexical = [false, true].map(|b| {
            let w = &net.t[t_lstm(0, b)];
            let cols: Vec<f32> = w
                .chunks_exact(d)
                .flat_map(|row| row[..lex_dim].iter().copied())
                .collect();
            Packed::new(&cols, g, lex_dim)
        });
        let mut tag_bias = vec![0f32; TAGS * 2 * g];
        for tag in 0..TAGS {
            for (dir, b) in [false, true].into_iter().enumerate() {
                let k = t_lstm(0, b);
                let out = &mut tag_bias[(tag * 2 + dir) * g..(tag * 2 + dir + 1) * g];
                out.copy_from_slice(&net.t[k + 2]);
                let e = &net.t[TAG_TABLE][tag * net.dims.tag..(tag + 1) * net.dims.tag];
                for (r, row) in net.t[k].chunks_exact(d).enumerate() {
                    out[r] += dense::dot(&row[lex_dim..], e);
                }
            }
        }
        let fast = Fast {
            recurrent,
            first,
            lexical,
            tag_bias,
            label,
            output: Packed16::new(&net.t[T_W2], net.n_classes, m, unit),
        };
        Parser {
            net,
            fast,
            labels,
            root,
        }
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let payload = model_file::decode(bytes, KIND)?;
        let mut r = Reader::new(&payload);
        let names = r.strings()?;
        let mut dim = || -> Result<usize, ModelError> { Ok(r.u32()? as usize) };
        let dims = Dims {
            row: dim()?,
            word: dim()?,
            suffix: dim()?,
            shape: dim()?,
            tag: dim()?,
            hidden: dim()?,
            mlp: dim()?,
            layers: dim()?,
        };
        let rows = r.u32()? as usize;
        let vocab = |r: &mut Reader| -> Result<Vocab, ModelError> {
            let n = r.u32()? as usize;
            Ok(Vocab::from_keys(
                (0..n).map(|_| r.u64()).collect::<Result<_, _>>()?,
            ))
        };
        let (words, suffixes, shapes) = (vocab(&mut r)?, vocab(&mut r)?, vocab(&mut r)?);
        let n_classes = 1 + 2 * names.len();
        let sizes = Net::shapes_of(
            &dims,
            rows,
            words.rows(),
            suffixes.rows(),
            shapes.rows(),
            n_classes,
        );
        if dims.layers == 0 || dims.layers > 4 {
            return Err(r.corrupt("bad layer count"));
        }
        let mut t = Vec::with_capacity(sizes.len());
        for size in sizes {
            let n = r.u32()? as usize;
            if n != size {
                return Err(r.corrupt("tensor size does not match the dimensions"));
            }
            let scale = r.f32()?;
            t.push(
                (0..n)
                    .map(|_| r.u16().map(|q| f32::from(q as i16) * scale))
                    .collect::<Result<Vec<f32>, _>>()?,
            );
        }
        if !r.is_done() {
            return Err(r.corrupt("trailing bytes"));
        }
        let labels = names
            .iter()
            .map(|n| n.parse())
            .collect::<Result<Vec<Dep>, _>>()?;
        let root = labels
            .iter()
            .position(|&l| l == Dep::Root)
            .ok_or_else(|| ModelError::Corrupt("no root label".into()))? as u16;
        Ok(Parser::new(
            Net {
                dims,
                n_classes,
                rows,
                words,
                suffixes,
                shapes,
                t,
            },
            labels,
            root,
        ))
    }

    /// Serialises the weights as 16-bit integers with one scale per tensor:
    /// half the size of floats, and the parse does not change.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut p = Vec::new();
        let names: Vec<String> = self.labels.iter().map(Dep::to_string).collect();
        model_file::put_strings(&mut p, &names);
        let d = &self.net.dims;
        for x in [
            d.row,
            d.word,
            d.suffix,
            d.shape,
            d.tag,
            d.hidden,
            d.mlp,
            d.layers,
            self.net.rows,
        ] {
            p.extend_from_slice(&(x as u32).to_le_bytes());
        }
        for vocab in [&self.net.words, &self.net.suffixes, &self.net.shapes] {
            p.extend_from_slice(&(vocab.keys.len() as u32).to_le_bytes());
            for k in &vocab.keys {
                p.extend_from_slice(&k.to_le_bytes());
            }
        }
        for tensor in &self.net.t {
            let largest = tensor.iter().fold(0f32, |a, x| a.max(x.abs()));
            let scale = if largest > 0.0 {
                largest / 32767.0
            } else {
                1.0
            };
            p.extend_from_slice(&(tensor.len() as u32).to_le_bytes());
            p.extend_from_slice(&scale.to_le_bytes());
            for x in tensor {
                p.extend_from_slice(&((x / scale).round() as i16).to_le_bytes());
            }
        }
        model_file::encode(KIND, &p)
    }

    pub fn label(&self, l: u16) -> Dep {
        self.labels[l as usize]
    }

    /// Parses one sentence: `tags` are the tagger's class ids. Writes each
    /// word's head (`None` for the root) and label.
    pub fn parse<'w>(
        &self,
        words: impl ExactSizeIterator<Item = &'w str>,
        tags: &[u16],
        clusters: Option<&Clusters>,
        out: &mut Vec<(Option<usize>, Dep)>,
        scratch: &mut ParseScratch,
    ) {
        let mut lexes = std::mem::take(&mut scratch.lex);
        lexes.clear();
        lexes.extend(words.map(|w| lex(w, clusters)));
        self.parse_lexes(&lexes, tags, out, scratch);
        scratch.lex = lexes;
    }

    /// Parses the sentences (token ranges of `lexes`, in text order) of one
    /// text, up to [`BATCH_WORDS`] words at a time: a batch's LSTM steps
    /// share each pass over the weights, and its activations are all that
    /// is held, so memory does not grow with the length of the text.
    /// `out` gets one entry per word of `lexes`, heads counted from the
    /// sentence's start.
    pub fn parse_batch(
        &self,
        lexes: &[Lex],
        tags: &[u16],
        sentences: &[(usize, usize)],
        out: &mut Vec<(Option<usize>, Dep)>,
        scratch: &mut ParseScratch,
    ) {
        let total = lexes.len();
        out.clear();
        out.resize(total, (None, self.labels[self.root as usize]));
        let mut group: Vec<(usize, usize)> = Vec::new();
        let mut sentences = sentences
            .iter()
            .copied()
            .filter(|&(a, b)| b > a && b <= total)
            .peekable();
        while let Some(first) = sentences.next() {
            group.clear();
            group.push(first);
            while let Some(&(a, b)) = sentences.peek() {
                if b - first.0 > BATCH_WORDS || a < group[group.len() - 1].1 {
                    break;
                }
                group.push((a, b));
                sentences.next();
            }
            let (lo, hi) = (first.0, group[group.len() - 1].1);
            group.iter_mut().for_each(|s| *s = (s.0 - lo, s.1 - lo));
            self.parse_group(
                &lexes[lo..hi],
                &tags[lo..hi],
                &group,
                &mut out[lo..hi],
                scratch,
            );
        }
    }

    /// Parses a batch of sentences together (see `parse_batch`).
    fn parse_group(
        &self,
        lexes: &[Lex],
        tags: &[u16],
        sentences: &[(usize, usize)],
        out: &mut [(Option<usize>, Dep)],
        scratch: &mut ParseScratch,
    ) {
        if self.net.dims.layers != 1 {
            let mut one = Vec::new();
            for &(a, b) in sentences {
                self.parse_lexes(&lexes[a..b], &tags[a..b], &mut one, scratch);
                out[a..b].copy_from_slice(&one);
            }
            return;
        }
        let total = lexes.len();
        let h = self.net.dims.hidden;
        scratch.ids.clear();
        scratch.ids.extend(
            lexes
                .iter()
                .enumerate()
                .map(|(i, l)| self.net.ids(l, tags.get(i).copied().unwrap_or(0))),
        );
        scratch.recurrences.resize_with(1, Default::default);
        self.net.first_inputs(&self.fast, scratch);
        let mut order = sentences.to_vec();
        order.sort_by_key(|&(a, b)| std::cmp::Reverse(b - a));
        for (dir, rec) in scratch.recurrences[0].iter_mut().enumerate() {
            rec.recur_batch(
                &self.fast.recurrent[0][dir].1,
                h,
                &order,
                dir == 1,
                &mut scratch.batch_h,
                &mut scratch.batch_at,
            );
        }
        scratch.v.resize((total + 2) * 2 * h, 0.0);
        join_directions(&scratch.recurrences[0], h, total, &mut scratch.v);
        self.net.project(scratch, total, Some(&self.fast));
        for &(a, b) in &order {
            self.decode(a, b, total, scratch, &mut out[a..b]);
        }
    }

    /// Runs the transitions over the sentence of text positions `[a, b)`,
    /// whose vectors are encoded with `total` words before the shared root
    /// and padding rows; writes its arcs to `out`.
    fn decode(
        &self,
        a: usize,
        b: usize,
        total: usize,
        scratch: &mut ParseScratch,
        out: &mut [(Option<usize>, Dep)],
    ) {
        let n = b - a;
        let n_labels = self.labels.len();
        let mut state = std::mem::take(&mut scratch.state);
        state.reset(n);
        while !state.is_final() {
            let mut feats = features(&state);
            // Sentence positions to text positions; root and padding are shared.
            for p in &mut feats.words {
                *p = if *p < n { a + *p } else { total + (*p - n) };
            }
            self.net.score(&feats, total, scratch, Some(&self.fast));
            let mut best = NONE;
            for c in 0..self.net.n_classes {
                if state.is_valid(move_of(c, n_labels), self.root)
                    && (best == NONE || scratch.scores[c] > scratch.scores[best])
                {
                    best = c;
                }
            }
            state.apply(move_of(best, n_labels));
        }
        for (i, arc) in out.iter_mut().enumerate().take(n) {
            let head = state.heads[i];
            *arc = (
                if head == n || head == NONE {
                    None
                } else {
                    Some(head)
                },
                self.labels[state.labels[i] as usize],
            );
        }
        scratch.state = state;
    }

    /// Parses words whose lexical features are already computed.
    pub fn parse_lexes(
        &self,
        lexes: &[Lex],
        tags: &[u16],
        out: &mut Vec<(Option<usize>, Dep)>,
        scratch: &mut ParseScratch,
    ) {
        let n = lexes.len();
        out.clear();
        if n == 0 {
            return;
        }
        scratch.ids.clear();
        scratch.ids.extend(
            lexes
                .iter()
                .enumerate()
                .map(|(i, l)| self.net.ids(l, tags.get(i).copied().unwrap_or(0))),
        );
        self.net.encode(scratch, None, Some(&self.fast));
        out.resize(n, (None, self.labels[self.root as usize]));
        self.decode(0, n, n, scratch, out);
    }
}

/// Words parsed together at most (a longer sentence is one batch alone):
/// enough to share the passes over the weights, small enough that the
/// activations stay a few megabytes.
pub const BATCH_WORDS: usize = 2048;

/// Universal relation (subtype dropped).
pub fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

#[cfg(test)]
mod tests {
    use super::training::{learn_sentence, Gold, Learner};
    use super::*;

    const NO_DROPOUT: Dropout = Dropout {
        input: 0.0,
        lstm: 0.0,
        hidden: 0.0,
    };

    /// A small random network and one sentence with its gold tree.
    fn toy() -> (Net, Vec<[u32; TABLES]>, Gold) {
        let dims = Dims {
            row: 3,
            word: 2,
            suffix: 2,
            shape: 2,
            tag: 3,
            hidden: 4,
            mlp: 5,
            layers: 2,
        };
        let words = Vocab::from_keys(vec![11, 12, 13]);
        let mut net = Net {
            dims,
            n_classes: 1 + 2 * 3,
            rows: 6,
            words: words.clone(),
            suffixes: words.clone(),
            shapes: words,
            t: Vec::new(),
        };
        net.init(&mut Rng::new(3));
        // Biases start at zero; make them count in the check.
        let mut rng = Rng::new(5);
        for k in [t_lstm(0, false) + 2, t_lstm(1, true) + 2, T_B1, T_B2] {
            net.t[k].iter_mut().for_each(|x| *x += rng.uniform(0.3));
        }
        let ids = vec![
            [1, 2, 0, 1, 4],
            [3, 1, 2, 2, 7],
            [5, 3, 1, 0, 4],
            [2, 0, 3, 3, 9],
        ];
        // "w0 <- w1 -> w3, w2 <- w3", w1 the root; labels 0 = other, 1 = root.
        let gold = Gold {
            heads: vec![1, 4, 3, 1],
            labels: vec![0, 1, 2, 0],
        };
        (net, ids, gold)
    }

    fn loss(net: &Net, ids: &[[u32; TABLES]], gold: &Gold) -> f64 {
        let mut learner = Learner::new(net, 1e-3);
        learn_sentence(
            net,
            &mut learner,
            ids,
            gold,
            1,
            false,
            0.0,
            NO_DROPOUT,
            &mut Rng::new(1),
            &mut ParseScratch::default(),
        )
        .2
    }

    #[test]
    fn gradients_match_finite_differences() {
        let (net, ids, gold) = toy();
        let mut learner = Learner::new(&net, 1e-3);
        learn_sentence(
            &net,
            &mut learner,
            &ids,
            &gold,
            1,
            false,
            0.0,
            NO_DROPOUT,
            &mut Rng::new(1),
            &mut ParseScratch::default(),
        );
        let eps = 1e-2f32;
        let mut checked = 0;
        for k in 0..net.t.len() {
            for i in (0..net.t[k].len()).step_by(7) {
                let analytic = f64::from(learner.grads[k][i]);
                let mut up = net.clone();
                up.t[k][i] += eps;
                let mut down = net.clone();
                down.t[k][i] -= eps;
                let numeric =
                    (loss(&up, &ids, &gold) - loss(&down, &ids, &gold)) / (2.0 * f64::from(eps));
                let tolerance = 1e-3 + 0.05 * numeric.abs().max(analytic.abs());
                assert!(
                    (numeric - analytic).abs() < tolerance,
                    "tensor {k} index {i}: numeric {numeric}, analytic {analytic}"
                );
                checked += 1;
            }
        }
        assert!(checked > 50);
    }

    #[test]
    fn a_relation_outside_the_label_set_is_a_load_error() {
        let (net, _, _) = toy();
        let parser = Parser::new(net, vec![Dep::Dep, Dep::Root, Dep::Nsubj], 1);
        let payload = model_file::decode(&parser.to_bytes(), KIND).unwrap();
        let at = payload.windows(5).position(|w| w == b"nsubj").unwrap();
        let mut payload = payload;
        payload[at..at + 5].copy_from_slice(b"nsubx");
        let err = Parser::from_bytes(&model_file::encode(KIND, &payload))
            .err()
            .unwrap();
        assert_eq!(
            err.to_string(),
            "model has an unknown dependency label \"nsubx\""
        );
    }

    #[test]
    fn model_round_trip_keeps_the_parse() {
        let (net, ids, _) = toy();
        let parser = Parser::new(net, vec![Dep::Dep, Dep::Root, Dep::Nsubj], 1);
        let back = Parser::from_bytes(&parser.to_bytes()).unwrap();
        assert_eq!(back.net.dims, parser.net.dims);
        let lexes: Vec<Lex> = ids.iter().map(|_| Lex::default()).collect();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        parser.parse_lexes(&lexes, &[1, 2, 3, 4], &mut a, &mut ParseScratch::default());
        back.parse_lexes(&lexes, &[1, 2, 3, 4], &mut b, &mut ParseScratch::default());
        assert_eq!(a, b);
        assert_eq!(
            a.iter().filter(|(h, _)| h.is_none()).count(),
            1,
            "exactly one root"
        );
        let mut truncated = parser.to_bytes();
        truncated.truncate(truncated.len() / 2);
        assert!(Parser::from_bytes(&truncated).is_err());
    }
}
