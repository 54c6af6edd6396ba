//! Dependency parser: arc-hybrid transitions, the root placed after the
//! last word (so exactly one word can attach to it), an averaged
//! perceptron over joint action+label classes, trained with a dynamic
//! oracle that follows its own predictions (Goldberg & Nivre 2013), so it
//! learns to recover from its mistakes.

use crate::clusters::Clusters;
use crate::conllu::Sentence;
use crate::lexical::{lex, Lex, END, PAD};
use crate::model_file::{self, ModelError, Reader};
use crate::perceptron::{Feature, Model, Trainer};
use crate::tagger::shuffle;

pub const KIND: &str = "parser";
const NONE: usize = usize::MAX;
/// Features updated fewer times are dropped from the compiled model.
const MIN_UPDATES: u32 = 3;
/// Weights under this share of the largest are dropped: half the entries
/// go, the parser runs a fifth faster, and dev UAS/LAS do not move.
const MIN_WEIGHT_SHARE: f32 = 0.02;

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
        if self.stack.len() > i { self.stack[self.stack.len() - 1 - i] } else { NONE }
    }

    fn b(&self, i: usize) -> usize {
        if self.b0 + i <= self.n { self.b0 + i } else { NONE }
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
                let head = if let Move::Left(_) = m { self.b0 } else { self.s(1) };
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

/// A trained parser.
pub struct Parser {
    model: Model,
    labels: Vec<&'static str>,
    root: u16,
}

#[derive(Default)]
pub struct ParseScratch {
    lex: Vec<Lex>,
    tags: Vec<u64>,
    features: Vec<u64>,
    scores: Vec<f32>,
    state: State,
}

impl Parser {
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let payload = model_file::decode(bytes, KIND)?;
        let mut r = Reader::new(&payload);
        let names = r.strings()?;
        let model = Model::read(&mut r)?;
        if model.n_classes != 1 + 2 * names.len() || !r.is_done() {
            return Err(ModelError::Corrupt("label table does not match the weights".into()));
        }
        let root = names.iter().position(|l| l == "root").ok_or_else(|| ModelError::Corrupt("no root label".into()))? as u16;
        let labels = names.into_iter().map(|n| &*Box::leak(n.into_boxed_str())).collect();
        Ok(Parser { model, labels, root })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut payload = Vec::new();
        let names: Vec<String> = self.labels.iter().map(|s| s.to_string()).collect();
        model_file::put_strings(&mut payload, &names);
        self.model.write(&mut payload);
        model_file::encode(KIND, &payload)
    }

    pub fn label(&self, l: u16) -> &'static str {
        self.labels[l as usize]
    }

    /// Parses one sentence: `tags` are the tagger's class ids. Writes each
    /// word's head (`None` for the root) and label.
    pub fn parse<'w>(
        &self,
        words: impl ExactSizeIterator<Item = &'w str>,
        tags: &[u16],
        clusters: Option<&Clusters>,
        out: &mut Vec<(Option<usize>, &'static str)>,
        scratch: &mut ParseScratch,
    ) {
        let mut lexes = std::mem::take(&mut scratch.lex);
        lexes.clear();
        lexes.extend(words.map(|w| lex(w, clusters)));
        self.parse_lexes(&lexes, tags, out, scratch);
        scratch.lex = lexes;
    }

    /// Parses words whose lexical features are already computed.
    pub fn parse_lexes(&self, lexes: &[Lex], tags: &[u16], out: &mut Vec<(Option<usize>, &'static str)>, scratch: &mut ParseScratch) {
        scratch.tags.clear();
        scratch.tags.extend(tags.iter().map(|&t| u64::from(t)));
        let n = lexes.len();
        let n_labels = self.labels.len();
        scratch.scores.resize(self.model.n_classes, 0.0);
        let state = &mut scratch.state;
        state.reset(n);
        while !state.is_final() {
            features(state, lexes, &scratch.tags, &mut scratch.features);
            self.model.score(&scratch.features, &mut scratch.scores);
            let mut best = NONE;
            for c in 0..self.model.n_classes {
                if state.is_valid(move_of(c, n_labels), self.root) && (best == NONE || scratch.scores[c] > scratch.scores[best]) {
                    best = c;
                }
            }
            state.apply(move_of(best, n_labels));
        }
        out.clear();
        out.extend((0..n).map(|i| {
            let h = state.heads[i];
            (if h == n || h == NONE { None } else { Some(h) }, self.labels[state.labels[i] as usize])
        }));
    }
}

fn tok(lex: &[Lex], i: usize) -> Lex {
    if i == NONE {
        PAD
    } else {
        lex.get(i).copied().unwrap_or(END)
    }
}

fn tag(tags: &[u64], i: usize) -> u64 {
    if i == NONE {
        u64::MAX
    } else {
        tags.get(i).copied().unwrap_or(u64::MAX - 1)
    }
}

fn features(st: &State, lex: &[Lex], tags: &[u64], out: &mut Vec<u64>) {
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.b(0), st.b(1), st.b(2));
    let child = |h: usize, side: bool, k: usize| -> usize {
        if h == NONE || h > st.n {
            NONE
        } else if side {
            st.left[h][k]
        } else {
            st.right[h][k]
        }
    };
    let s0l = child(s0, true, 0);
    let s0l2 = child(s0, true, 1);
    let s0r = child(s0, false, 0);
    let s0r2 = child(s0, false, 1);
    let s1l = child(s1, true, 0);
    let s1r = child(s1, false, 0);
    let b0l = child(b0, true, 0);
    let b0l2 = child(b0, true, 1);
    let lab = |i: usize| if i == NONE { u64::MAX } else { u64::from(st.labels[i]) };
    let w = |i: usize| tok(lex, i).lower;
    let t = |i: usize| tag(tags, i);
    let c = |i: usize| tok(lex, i).fine;
    let dist = if s0 != NONE && b0 != NONE { (b0 - s0).min(5) as u64 } else { 0 };
    let val = |i: usize, left: bool| if i == NONE || i > st.n { 0 } else if left { u64::from(st.n_left[i]) } else { u64::from(st.n_right[i]) };
    let f = |n: u16| Feature::new(300 + n);
    out.clear();
    out.extend_from_slice(&[
        f(0).finish(),
        // unigrams
        f(1).u(w(s0)).finish(),
        f(2).u(t(s0)).finish(),
        f(3).u(w(s0)).u(t(s0)).finish(),
        f(4).u(w(b0)).finish(),
        f(5).u(t(b0)).finish(),
        f(6).u(w(b0)).u(t(b0)).finish(),
        f(7).u(w(b1)).finish(),
        f(8).u(t(b1)).finish(),
        f(9).u(w(b1)).u(t(b1)).finish(),
        f(10).u(w(s1)).finish(),
        f(11).u(t(s1)).finish(),
        f(12).u(w(s1)).u(t(s1)).finish(),
        f(13).u(t(b2)).finish(),
        f(14).u(w(b2)).finish(),
        f(15).u(t(s2)).finish(),
        // pairs
        f(16).u(w(s0)).u(t(s0)).u(w(b0)).u(t(b0)).finish(),
        f(17).u(w(s0)).u(t(s0)).u(w(b0)).finish(),
        f(18).u(w(s0)).u(w(b0)).u(t(b0)).finish(),
        f(19).u(w(s0)).u(t(s0)).u(t(b0)).finish(),
        f(20).u(t(s0)).u(w(b0)).u(t(b0)).finish(),
        f(21).u(w(s0)).u(w(b0)).finish(),
        f(22).u(t(s0)).u(t(b0)).finish(),
        f(23).u(t(b0)).u(t(b1)).finish(),
        f(24).u(w(s1)).u(w(s0)).finish(),
        f(25).u(t(s1)).u(t(s0)).finish(),
        f(26).u(w(s1)).u(t(s0)).finish(),
        f(27).u(t(s1)).u(w(s0)).finish(),
        // triples
        f(28).u(t(b0)).u(t(b1)).u(t(b2)).finish(),
        f(29).u(t(s0)).u(t(b0)).u(t(b1)).finish(),
        f(30).u(t(s1)).u(t(s0)).u(t(b0)).finish(),
        f(31).u(t(s0)).u(t(s0l)).u(t(b0)).finish(),
        f(32).u(t(s0)).u(t(s0r)).u(t(b0)).finish(),
        f(33).u(t(s0)).u(t(b0)).u(t(b0l)).finish(),
        f(34).u(t(s1)).u(t(s0)).u(t(s0l)).finish(),
        f(35).u(t(s1)).u(t(s0)).u(t(s0r)).finish(),
        f(36).u(t(s1)).u(t(s1r)).u(t(s0)).finish(),
        f(37).u(t(s1)).u(t(s1l)).u(t(s0)).finish(),
        f(38).u(t(s2)).u(t(s1)).u(t(s0)).finish(),
        f(39).u(t(s0)).u(t(b0)).u(t(b0l)).u(t(b0l2)).finish(),
        // distance
        f(40).u(w(s0)).u(dist).finish(),
        f(41).u(t(s0)).u(dist).finish(),
        f(42).u(w(b0)).u(dist).finish(),
        f(43).u(t(b0)).u(dist).finish(),
        f(44).u(t(s0)).u(t(b0)).u(dist).finish(),
        // valency
        f(45).u(w(s0)).u(val(s0, true)).finish(),
        f(46).u(t(s0)).u(val(s0, true)).finish(),
        f(47).u(w(s0)).u(val(s0, false)).finish(),
        f(48).u(t(s0)).u(val(s0, false)).finish(),
        f(49).u(w(b0)).u(val(b0, true)).finish(),
        f(50).u(t(b0)).u(val(b0, true)).finish(),
        // children and their labels
        f(51).u(w(s0l)).finish(),
        f(52).u(t(s0l)).finish(),
        f(53).u(lab(s0l)).finish(),
        f(54).u(w(s0r)).finish(),
        f(55).u(t(s0r)).finish(),
        f(56).u(lab(s0r)).finish(),
        f(57).u(w(b0l)).finish(),
        f(58).u(t(b0l)).finish(),
        f(59).u(lab(b0l)).finish(),
        f(60).u(t(s0l2)).u(lab(s0l2)).finish(),
        f(61).u(t(s0r2)).u(lab(s0r2)).finish(),
        f(62).u(t(b0l2)).u(lab(b0l2)).finish(),
        f(63).u(t(s0)).u(lab(s0l)).u(lab(s0l2)).finish(),
        f(64).u(t(s0)).u(lab(s0r)).u(lab(s0r2)).finish(),
        f(65).u(t(b0)).u(lab(b0l)).u(lab(b0l2)).finish(),
        f(66).u(t(s1)).u(lab(s1l)).u(lab(s1r)).finish(),
        // clusters
        f(67).u(c(s0)).finish(),
        f(68).u(c(b0)).finish(),
        f(69).u(c(s0)).u(c(b0)).finish(),
        f(70).u(c(s0)).u(t(b0)).finish(),
        f(71).u(t(s0)).u(c(b0)).finish(),
        f(72).u(c(b1)).finish(),
        f(73).u(c(s1)).u(t(s0)).finish(),
        // position of b0 at the root
        f(74).u(u64::from(b0 == st.n)).u(st.stack.len().min(3) as u64).finish(),
        f(75).u(tok(lex, s0).shape).u(t(b0)).finish(),
        f(76).u(t(s0)).u(tok(lex, b0).shape).finish(),
    ]);
}

/// Universal relation (subtype dropped).
pub fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

/// Trains on `train`; `tags[i]` are (jackknifed) tagger classes for
/// `train[i]`, `dev_tags` for `dev`. Keeps the epoch with the best dev LAS.
#[allow(clippy::too_many_arguments)]
pub fn train(
    train: &[Sentence],
    tags: &[Vec<u16>],
    dev: &[Sentence],
    dev_tags: &[Vec<u16>],
    clusters: Option<&Clusters>,
    epochs: usize,
    seed: u64,
    mut log: impl FnMut(&str),
) -> Parser {
    let names: Vec<String> = train
        .iter()
        .flat_map(|s| &s.words)
        .map(|w| universal(&w.deprel).to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let root = names.iter().position(|l| l == "root").expect("a root label") as u16;
    let n_labels = names.len();
    let n_classes = 1 + 2 * n_labels;
    let lexes: Vec<Vec<Lex>> = train.iter().map(|s| s.words.iter().map(|w| lex(&w.form, clusters)).collect()).collect();
    let golds: Vec<(Vec<usize>, Vec<u16>)> = train
        .iter()
        .map(|s| {
            let n = s.words.len();
            let heads = s.words.iter().map(|w| if w.head == 0 { n } else { w.head - 1 }).collect();
            let labels = s.words.iter().map(|w| names.binary_search(&universal(&w.deprel).to_string()).unwrap() as u16).collect();
            (heads, labels)
        })
        .collect();
    let mut trainer = Trainer::new(n_classes);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = seed;
    let mut state = State::default();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; n_classes];
    let mut costs = vec![usize::MAX; n_classes];
    let mut best: Option<(f64, Parser)> = None;
    let labels_static: Vec<&'static str> = names.iter().map(|n| &*Box::leak(n.clone().into_boxed_str())).collect();
    for epoch in 0..epochs {
        shuffle(&mut order, &mut rng);
        let (mut right, mut total) = (0usize, 0usize);
        for &si in &order {
            let (gold, gold_labels) = &golds[si];
            let n = gold.len();
            if n == 0 {
                continue;
            }
            let t: Vec<u64> = tags[si].iter().map(|&x| u64::from(x)).collect();
            let mut gl = gold_labels.clone();
            gl.push(0);
            state.reset(n);
            while !state.is_final() {
                features(&state, &lexes[si], &t, &mut feats);
                trainer.score(&feats, &mut scores);
                let (mut guess, mut best_gold, mut min_cost) = (NONE, NONE, usize::MAX);
                costs.iter_mut().for_each(|c| *c = usize::MAX);
                for c in 0..n_classes {
                    let m = move_of(c, n_labels);
                    if !state.is_valid(m, root) {
                        continue;
                    }
                    if guess == NONE || scores[c] > scores[guess] {
                        guess = c;
                    }
                    let cost = state.cost(m, gold, &gl);
                    costs[c] = cost;
                    min_cost = min_cost.min(cost);
                }
                for c in 0..n_classes {
                    if costs[c] == min_cost && state.is_valid(move_of(c, n_labels), root) && (best_gold == NONE || scores[c] > scores[best_gold]) {
                        best_gold = c;
                    }
                }
                trainer.tick();
                if costs[guess] > min_cost {
                    trainer.update(&feats, best_gold, guess, 1.0);
                } else {
                    right += 1;
                }
                total += 1;
                // Explore: follow the model after the first epoch.
                let next = if epoch == 0 { best_gold } else { guess };
                state.apply(move_of(next, n_labels));
            }
        }
        let parser = Parser { model: trainer.compile(MIN_UPDATES, MIN_WEIGHT_SHARE), labels: labels_static.clone(), root };
        let (uas, las) = attachment(&parser, dev, dev_tags, clusters);
        log(&format!("epoch {}: train moves {:.4}, dev UAS {:.2} LAS {:.2}", epoch + 1, right as f64 / total as f64, uas * 100.0, las * 100.0));
        if best.as_ref().is_none_or(|(b, _)| las > *b) {
            best = Some((las, parser));
        }
    }
    best.expect("at least one epoch").1
}

/// UAS and LAS (universal relations, punctuation included).
pub fn attachment(parser: &Parser, sentences: &[Sentence], tags: &[Vec<u16>], clusters: Option<&Clusters>) -> (f64, f64) {
    let mut scratch = ParseScratch::default();
    let mut out = Vec::new();
    let (mut u, mut l, mut n) = (0usize, 0usize, 0usize);
    for (s, t) in sentences.iter().zip(tags) {
        parser.parse(s.words.iter().map(|w| w.form.as_str()), t, clusters, &mut out, &mut scratch);
        for (w, (head, label)) in s.words.iter().zip(&out) {
            let gold_head = if w.head == 0 { None } else { Some(w.head - 1) };
            let hu = *head == gold_head;
            u += usize::from(hu);
            l += usize::from(hu && *label == universal(&w.deprel));
            n += 1;
        }
    }
    (u as f64 / n.max(1) as f64, l as f64 / n.max(1) as f64)
}
