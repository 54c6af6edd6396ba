//! Training the parser: the dynamic oracle's loss, its gradient back
//! through the network and the LSTM, Adam, and the epochs with dropout and
//! exploration; and the attachment score that picks the best epoch.

use super::*;
use crate::tagger::shuffle;
use dossier_core::UnknownLabel;

/// Training settings; the defaults produce the shipped model.
#[derive(Clone, Copy, Debug)]
pub struct TrainConfig {
    pub epochs: usize,
    pub seed: u64,
    pub dims: Dims,
    pub learning_rate: f32,
    /// Sentences per update.
    pub batch: usize,
    /// Word dropout: a word seen `c` times is replaced by "unknown" with
    /// probability `alpha / (alpha + c)`, so the unknown row learns.
    pub word_dropout: f32,
    /// After the first epoch, follow the model's own move this often.
    pub explore: f32,
    pub dropout: Dropout,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 24,
            seed: 7,
            dims: Dims::default(),
            learning_rate: 1e-3,
            batch: 8,
            word_dropout: 0.25,
            explore: 0.9,
            dropout: Dropout {
                input: 0.25,
                lstm: 0.25,
                hidden: 0.1,
            },
        }
    }
}

/// Gradients and Adam moments, shaped like the network.
pub(super) struct Learner {
    pub(super) grads: Vec<Vec<f32>>,
    first: Vec<Vec<f32>>,
    second: Vec<Vec<f32>>,
    /// Rows of each lookup table touched since the last update.
    touched: Vec<Vec<u32>>,
    marked: Vec<Vec<bool>>,
    adam: Adam,
}

impl Learner {
    pub(super) fn new(net: &Net, lr: f32) -> Self {
        let zeros = || {
            net.t
                .iter()
                .map(|t| vec![0f32; t.len()])
                .collect::<Vec<_>>()
        };
        let marked = (0..TABLES)
            .map(|k| vec![false; net.t[k].len() / net.table_width(k)])
            .collect();
        Learner {
            grads: zeros(),
            first: zeros(),
            second: zeros(),
            touched: vec![Vec::new(); TABLES],
            marked,
            adam: Adam::new(lr),
        }
    }

    fn touch(&mut self, table: usize, row: u32) {
        if !self.marked[table][row as usize] {
            self.marked[table][row as usize] = true;
            self.touched[table].push(row);
        }
    }

    /// One Adam step over the accumulated gradients, averaged over `steps`
    /// moves and clipped to a global norm of 5. Lookup tables update only
    /// the rows that were used (lazy Adam), so a step costs what the batch
    /// touched, not the vocabulary.
    fn step(&mut self, net: &mut Net, steps: usize) {
        let mean = 1.0 / steps.max(1) as f32;
        let mut norm = 0f64;
        for k in 0..net.t.len() {
            if k < TABLES {
                let w = net.table_width(k);
                for &r in &self.touched[k] {
                    norm += self.grads[k][r as usize * w..(r as usize + 1) * w]
                        .iter()
                        .map(|g| f64::from(g * mean).powi(2))
                        .sum::<f64>();
                }
            } else {
                norm += self.grads[k]
                    .iter()
                    .map(|g| f64::from(g * mean).powi(2))
                    .sum::<f64>();
            }
        }
        let norm = norm.sqrt() as f32;
        let scale = mean * if norm > 5.0 { 5.0 / norm } else { 1.0 };
        self.adam.tick();
        for k in 0..net.t.len() {
            if k < TABLES {
                let w = net.table_width(k);
                for &r in &self.touched[k] {
                    let span = r as usize * w..(r as usize + 1) * w;
                    self.adam.update(
                        &mut net.t[k][span.clone()],
                        &mut self.grads[k][span.clone()],
                        &mut self.first[k][span.clone()],
                        &mut self.second[k][span],
                        scale,
                    );
                    self.marked[k][r as usize] = false;
                }
                self.touched[k].clear();
            } else {
                self.adam.update(
                    &mut net.t[k],
                    &mut self.grads[k],
                    &mut self.first[k],
                    &mut self.second[k],
                    scale,
                );
            }
        }
    }
}

/// Dropout rates (Srivastava et al. 2014): the network learned without
/// them memorised EWT train (98.7 % of moves right) and stalled at
/// 85.5 UAS on dev.
#[derive(Clone, Copy, Debug)]
pub struct Dropout {
    pub input: f32,
    pub lstm: f32,
    pub hidden: f32,
}

/// Inverted dropout: each unit is zeroed with probability `p` and the
/// rest scaled up, so nothing changes at run time.
fn dropout_mask(rng: &mut Rng, len: usize, p: f32) -> Vec<f32> {
    (0..len)
        .map(|_| if rng.unit() < p { 0.0 } else { 1.0 / (1.0 - p) })
        .collect()
}

/// Gold heads (the root is `n`) and label ids of a sentence.
pub(super) struct Gold {
    pub(super) heads: Vec<usize>,
    pub(super) labels: Vec<u16>,
}

/// Per-move buffers of [`learn_sentence`], sized once per sentence.
struct MoveBuffers {
    /// The hidden layer before dropout, for tanh'.
    kept: Vec<f32>,
    /// Gradient of each feature slot's precomputed first-layer row, per word.
    d_pre: Vec<f32>,
    d_out: Vec<f32>,
    d_hidden: Vec<f32>,
    d_children: Vec<f32>,
    /// Each move's cost, `usize::MAX` where it is invalid.
    costs: Vec<usize>,
}

/// Runs the oracle over one sentence, adding the loss gradient to
/// `learner`; returns the number of moves and how many the model got right.
#[allow(clippy::too_many_arguments)]
pub(super) fn learn_sentence(
    net: &Net,
    learner: &mut Learner,
    ids: &[[u32; TABLES]],
    gold: &Gold,
    root: u16,
    follow_model: bool,
    explore: f32,
    dropout: Dropout,
    rng: &mut Rng,
    scratch: &mut ParseScratch,
) -> (usize, usize, f64) {
    let n = ids.len();
    let (d, m, c_n) = (net.dims.input(), net.dims.mlp, net.n_classes);
    let width = 2 * net.dims.hidden;
    let n_labels = (c_n - 1) / 2;
    scratch.ids.clear();
    scratch.ids.extend_from_slice(ids);
    let mask_x = dropout_mask(rng, n * d, dropout.input);
    let mask_v: Vec<Vec<f32>> = (0..net.dims.layers)
        .map(|_| dropout_mask(rng, n * width, dropout.lstm))
        .collect();
    net.encode(scratch, Some((&mask_x, &mask_v)), None);
    let mut b = MoveBuffers {
        kept: vec![0f32; m],
        d_pre: vec![0f32; FEATURES * (n + 2) * m],
        d_out: vec![0f32; c_n],
        d_hidden: vec![0f32; m],
        d_children: vec![0f32; CHILDREN * LABEL_DIM],
        costs: vec![usize::MAX; c_n],
    };
    let mut labels = gold.labels.clone();
    labels.push(0);
    let mut state = std::mem::take(&mut scratch.state);
    state.reset(n);
    let (mut moves, mut right, mut loss) = (0, 0, 0f64);
    while !state.is_final() {
        let feats = features(&state);
        net.hidden_layer(&feats, n, scratch, None);
        // Dropout on the hidden layer: keep the undropped values for tanh'.
        b.kept.copy_from_slice(&scratch.hidden);
        let mask_h = dropout_mask(rng, m, dropout.hidden);
        scratch
            .hidden
            .iter_mut()
            .zip(&mask_h)
            .for_each(|(x, k)| *x *= k);
        net.output(scratch, None);
        let mut min_cost = usize::MAX;
        let mut top = f32::NEG_INFINITY;
        for c in 0..c_n {
            b.costs[c] = usize::MAX;
            if state.is_valid(move_of(c, n_labels), root) {
                b.costs[c] = state.cost(move_of(c, n_labels), &gold.heads, &labels);
                min_cost = min_cost.min(b.costs[c]);
                top = top.max(scratch.scores[c]);
            }
        }
        let (move_loss, guess, best_gold) = move_gradient(&scratch.scores, &mut b, min_cost, top);
        loss += move_loss;
        backprop_move(net, learner, scratch, &feats, &mask_h, &mut b, n);
        moves += 1;
        right += usize::from(b.costs[guess] == min_cost);
        let next = if follow_model && rng.unit() < explore {
            guess
        } else {
            best_gold
        };
        state.apply(move_of(next, n_labels));
    }
    scratch.state = state;
    let dv = backprop_first_layer(net, learner, scratch, &b.d_pre, n);
    let mut dx = backprop_lstm(net, learner, scratch, dv, &mask_v, n);
    dx.iter_mut().zip(&mask_x).for_each(|(g, k)| *g *= k);
    // Into the lookup tables.
    for (i, row_ids) in ids.iter().enumerate() {
        let mut at = 0;
        for (table, &id) in row_ids.iter().enumerate() {
            let w = net.table_width(table);
            dense::axpy(
                &mut learner.grads[table][id as usize * w..(id as usize + 1) * w],
                1.0,
                &dx[i * d + at..i * d + at + w],
            );
            learner.touch(table, id);
            at += w;
        }
    }
    (moves, right, loss)
}

/// Softmax over the valid moves, the target being every least-cost move:
/// writes the score gradient into `b.d_out` and returns the move's loss, the
/// model's best move and the best least-cost one.
#[allow(clippy::needless_range_loop)]
fn move_gradient(
    scores: &[f32],
    b: &mut MoveBuffers,
    min_cost: usize,
    top: f32,
) -> (f64, usize, usize) {
    let (costs, d_out) = (&b.costs, &mut b.d_out);
    let (mut z, mut z_gold) = (0f32, 0f32);
    let (mut guess, mut best_gold) = (NONE, NONE);
    for c in 0..costs.len() {
        if costs[c] == usize::MAX {
            d_out[c] = 0.0;
            continue;
        }
        let p = (scores[c] - top).exp();
        d_out[c] = p;
        z += p;
        if costs[c] == min_cost {
            z_gold += p;
            if best_gold == NONE || scores[c] > scores[best_gold] {
                best_gold = c;
            }
        }
        if guess == NONE || scores[c] > scores[guess] {
            guess = c;
        }
    }
    let loss = f64::from((z / z_gold).ln());
    for c in 0..costs.len() {
        if costs[c] != usize::MAX {
            let p = d_out[c] / z;
            d_out[c] = if costs[c] == min_cost {
                p - d_out[c] / z_gold
            } else {
                p
            };
        }
    }
    (loss, guess, best_gold)
}

/// Back through the output and hidden layers of one move, into the
/// slots' precomputed rows (`b.d_pre`) and the children's label table.
fn backprop_move(
    net: &Net,
    learner: &mut Learner,
    scratch: &ParseScratch,
    feats: &Features,
    mask_h: &[f32],
    b: &mut MoveBuffers,
    n: usize,
) {
    let m = net.dims.mlp;
    dense::axpy(&mut learner.grads[T_B2], 1.0, &b.d_out);
    dense::outer(&mut learner.grads[T_W2], &b.d_out, &scratch.hidden);
    b.d_hidden.iter_mut().for_each(|x| *x = 0.0);
    dense::gemv_t(&mut b.d_hidden, &net.t[T_W2], &b.d_out);
    for ((dz, y), k) in b.d_hidden.iter_mut().zip(&b.kept).zip(mask_h) {
        *dz *= k * (1.0 - y * y);
    }
    dense::axpy(&mut learner.grads[T_B1], 1.0, &b.d_hidden);
    for (k, &p) in feats.words.iter().enumerate() {
        let at = (k * (n + 2) + p) * m;
        dense::axpy(&mut b.d_pre[at..at + m], 1.0, &b.d_hidden);
    }
    dense::outer(
        &mut learner.grads[T_W_LABEL],
        &b.d_hidden,
        &scratch.children,
    );
    b.d_children.iter_mut().for_each(|x| *x = 0.0);
    dense::gemv_t(&mut b.d_children, &net.t[T_W_LABEL], &b.d_hidden);
    for (slot, &l) in feats.labels.iter().enumerate() {
        dense::axpy(
            &mut learner.grads[T_LABEL][l * LABEL_DIM..(l + 1) * LABEL_DIM],
            1.0,
            &b.d_children[slot * LABEL_DIM..(slot + 1) * LABEL_DIM],
        );
    }
}

/// The first layer's gradient, from every move's `d_pre`: into its weights
/// and the word vectors (the root's and padding's rows included), which it
/// returns.
fn backprop_first_layer(
    net: &Net,
    learner: &mut Learner,
    scratch: &ParseScratch,
    d_pre: &[f32],
    n: usize,
) -> Vec<f32> {
    let (m, width) = (net.dims.mlp, 2 * net.dims.hidden);
    let mut dv = vec![0f32; (n + 2) * width];
    for k in 0..FEATURES {
        let w1 = &net.t[T_W1][k * m * width..(k + 1) * m * width];
        let g1 = &mut learner.grads[T_W1][k * m * width..(k + 1) * m * width];
        for t in 0..n + 2 {
            let at = (k * (n + 2) + t) * m;
            let dp = &d_pre[at..at + m];
            if dp.iter().all(|&x| x == 0.0) {
                continue;
            }
            dense::outer(g1, dp, &scratch.v[t * width..(t + 1) * width]);
            dense::gemv_t(&mut dv[t * width..(t + 1) * width], w1, dp);
        }
    }
    dense::axpy(
        &mut learner.grads[T_ROOT],
        1.0,
        &dv[n * width..(n + 1) * width],
    );
    dense::axpy(
        &mut learner.grads[T_PAD],
        1.0,
        &dv[(n + 1) * width..(n + 2) * width],
    );
    dv
}

/// Through time, both directions, layer by layer from the top: from the
/// word vectors' gradient `dv` to the inputs' (before input dropout).
fn backprop_lstm(
    net: &Net,
    learner: &mut Learner,
    scratch: &ParseScratch,
    dv: Vec<f32>,
    mask_v: &[Vec<f32>],
    n: usize,
) -> Vec<f32> {
    let h = net.dims.hidden;
    let width = 2 * h;
    let mut d_out = dv;
    d_out.truncate(n * width);
    let mut dx = Vec::new();
    for layer in (0..net.dims.layers).rev() {
        d_out
            .iter_mut()
            .zip(&mask_v[layer])
            .for_each(|(g, k)| *g *= k);
        let d_in = net.dims.layer_input(layer);
        let input: &[f32] = if layer == 0 {
            &scratch.x
        } else {
            &scratch.between[layer - 1]
        };
        let mut d_input = vec![0f32; n * d_in];
        for (dir, rec) in scratch.recurrences[layer].iter().enumerate() {
            let k = t_lstm(layer, dir == 1);
            let (gw, rest) = learner.grads[k..].split_at_mut(1);
            let (gu, rest) = rest.split_at_mut(1);
            rec.backward(
                &net.t[k],
                &net.t[k + 1],
                input,
                &d_out,
                width,
                dir * h,
                d_in,
                h,
                n,
                dir == 1,
                &mut gw[0],
                &mut gu[0],
                &mut rest[0],
                &mut d_input,
            );
        }
        if layer == 0 {
            dx = d_input;
        } else {
            d_out = d_input;
        }
    }
    dx
}

/// Keys seen at least `min` times, in first-seen order (deterministic).
fn vocab_of(keys: impl Iterator<Item = u64>, min: u32) -> (Vocab, FeatureMap<u32>) {
    let mut counts: FeatureMap<u32> = FeatureMap::default();
    let mut order = Vec::new();
    for k in keys {
        let c = counts.entry(k).or_insert(0);
        if *c == 0 {
            order.push(k);
        }
        *c += 1;
    }
    let kept = order.into_iter().filter(|k| counts[k] >= min).collect();
    (Vocab::from_keys(kept), counts)
}

/// Dimensions of the word vectors that seed the word rows.
const VECTOR_DIM: usize = 300;

/// Row r + 1 ← R · v_r / |v_r|, R Gaussian with variance 1/dims.row,
/// which keeps lengths and angles roughly as they were.
fn seed_word_rows(net: &mut Net, vectors: &[f32], rng: &mut Rng) {
    let r_dim = net.dims.row;
    let projection: Vec<f32> = (0..r_dim * VECTOR_DIM)
        .map(|_| rng.normal() / (r_dim as f32).sqrt())
        .collect();
    for (row, v) in vectors.chunks_exact(VECTOR_DIM).enumerate() {
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
        let unit: Vec<f32> = v.iter().map(|x| x / norm).collect();
        let out = &mut net.t[T_ROW][(row + 1) * r_dim..(row + 2) * r_dim];
        out.iter_mut().for_each(|x| *x = 0.0);
        dense::gemv(out, &projection, &unit);
    }
}

/// A sentence's gold heads (the root is `n`) and label ids among `names`.
fn gold_of(s: &Sentence, names: &[String]) -> Gold {
    let n = s.words.len();
    Gold {
        heads: s
            .words
            .iter()
            .map(|w| if w.head == 0 { n } else { w.head - 1 })
            .collect(),
        labels: s
            .words
            .iter()
            .map(|w| {
                names
                    .binary_search(&universal(&w.deprel).to_string())
                    .unwrap() as u16
            })
            .collect(),
    }
}

/// Trains on `train`; `tags[i]` are (jackknifed) tagger classes for
/// `train[i]`, `dev_tags` for `dev`. `vectors` (rows × 300, the rows the
/// clusters index) seed the row embeddings through a fixed random
/// projection. Keeps the epoch with the best dev LAS, and returns it as it
/// will be shipped (after the 16-bit round trip). A treebank relation
/// outside the label set is an error before training.
#[allow(clippy::too_many_arguments)]
pub fn train(
    train: &[Sentence],
    tags: &[Vec<u16>],
    dev: &[Sentence],
    dev_tags: &[Vec<u16>],
    clusters: Option<&Clusters>,
    vectors: Option<&[f32]>,
    config: TrainConfig,
    mut log: impl FnMut(&str),
) -> Result<Parser, UnknownLabel> {
    let names: Vec<String> = train
        .iter()
        .flat_map(|s| &s.words)
        .map(|w| universal(&w.deprel).to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let labels = names
        .iter()
        .map(|n| n.parse())
        .collect::<Result<Vec<Dep>, _>>()?;
    let root = labels
        .iter()
        .position(|&l| l == Dep::Root)
        .expect("a root label") as u16;
    let n_classes = 1 + 2 * names.len();
    let lexes: Vec<Vec<Lex>> = train
        .iter()
        .map(|s| s.words.iter().map(|w| lex(&w.form, clusters)).collect())
        .collect();
    let all = || lexes.iter().flatten();
    let (words, word_counts) = vocab_of(all().map(|l| l.lower), 2);
    let (suffixes, _) = vocab_of(all().map(|l| l.suffix3), 2);
    let (shapes, _) = vocab_of(all().map(|l| l.shape), 2);
    let rows = vectors.map_or(1, |v| v.len() / VECTOR_DIM + 1);
    let dims = config.dims;
    let mut rng = Rng::new(config.seed);
    let mut net = Net {
        dims,
        n_classes,
        rows,
        words,
        suffixes,
        shapes,
        t: Vec::new(),
    };
    net.init(&mut rng);
    if let Some(vectors) = vectors {
        seed_word_rows(&mut net, vectors, &mut rng);
    }
    let golds: Vec<Gold> = train.iter().map(|s| gold_of(s, &names)).collect();
    let mut learner = Learner::new(&net, config.learning_rate);
    let mut order: Vec<usize> = (0..train.len())
        .filter(|&i| !train[i].words.is_empty())
        .collect();
    let mut shuffle_state = config.seed;
    let mut scratch = ParseScratch::default();
    let mut best: Option<(f64, Net)> = None;
    let mut ids = Vec::new();
    for epoch in 0..config.epochs {
        shuffle(&mut order, &mut shuffle_state);
        // Full rate for the first half, then a linear fall to a tenth, so
        // the last epochs settle instead of jumping around a minimum.
        let half = config.epochs / 2;
        let fall = if epoch < half {
            0.0
        } else {
            (epoch - half + 1) as f32 / (config.epochs - half) as f32
        };
        learner.adam.lr = config.learning_rate * (1.0 - 0.9 * fall);
        let (mut moves, mut right, mut loss) = (0usize, 0usize, 0f64);
        for batch in order.chunks(config.batch.max(1)) {
            let mut batch_moves = 0;
            for &si in batch {
                ids.clear();
                for (l, &tag) in lexes[si].iter().zip(&tags[si]) {
                    let mut row_ids = net.ids(l, tag);
                    let count = word_counts.get(&l.lower).copied().unwrap_or(0) as f32;
                    if rng.unit() < config.word_dropout / (config.word_dropout + count) {
                        row_ids[T_WORD] = 0;
                    }
                    ids.push(row_ids);
                }
                let (mv, ok, lo) = learn_sentence(
                    &net,
                    &mut learner,
                    &ids,
                    &golds[si],
                    root,
                    epoch > 0,
                    config.explore,
                    config.dropout,
                    &mut rng,
                    &mut scratch,
                );
                batch_moves += mv;
                moves += mv;
                right += ok;
                loss += lo;
            }
            learner.step(&mut net, batch_moves);
        }
        let parser = Parser::new(net.clone(), labels.clone(), root);
        let (uas, las) = attachment(&parser, dev, dev_tags, clusters);
        log(&format!(
            "epoch {}: loss {:.4}, train moves {:.4}, dev UAS {:.2} LAS {:.2}",
            epoch + 1,
            loss / moves.max(1) as f64,
            right as f64 / moves.max(1) as f64,
            uas * 100.0,
            las * 100.0
        ));
        if best.as_ref().is_none_or(|(b, _)| las > *b) {
            best = Some((las, parser.net));
        }
    }
    let net = best.expect("at least one epoch").1;
    let parser = Parser::new(net, labels, root);
    Ok(Parser::from_bytes(&parser.to_bytes()).expect("a model we just wrote reads back"))
}

/// UAS and LAS (universal relations, punctuation included).
pub fn attachment(
    parser: &Parser,
    sentences: &[Sentence],
    tags: &[Vec<u16>],
    clusters: Option<&Clusters>,
) -> (f64, f64) {
    let mut scratch = ParseScratch::default();
    let mut out = Vec::new();
    let (mut u, mut l, mut n) = (0usize, 0usize, 0usize);
    for (s, t) in sentences.iter().zip(tags) {
        parser.parse(
            s.words.iter().map(|w| w.form.as_str()),
            t,
            clusters,
            &mut out,
            &mut scratch,
        );
        for (w, (head, label)) in s.words.iter().zip(&out) {
            let gold_head = if w.head == 0 { None } else { Some(w.head - 1) };
            let hu = *head == gold_head;
            u += usize::from(hu);
            l += usize::from(hu && label.as_str() == universal(&w.deprel));
            n += 1;
        }
    }
    (u as f64 / n.max(1) as f64, l as f64 / n.max(1) as f64)
}
