//! Part-of-speech tagger: greedy left-to-right averaged perceptron that
//! predicts UPOS and XPOS together (one joint class), from lexical features
//! of a five-word window and the two previous predictions.

use crate::clusters::Clusters;
use crate::conllu::Sentence;
use crate::lexical::{lex, Lex, END, PAD};
use crate::model_file::{self, ModelError, Reader};
use crate::perceptron::{Feature, FeatureMap, Model, Sums, Trainer, WeightRow};
use dossier_core::{UnknownLabel, Upos, Xpos};

pub const KIND: &str = "tagger";

/// A trained tagger, ready to run.
pub struct Tagger {
    model: Model,
    /// Joint classes as (UPOS, XPOS).
    classes: Vec<(Upos, Xpos)>,
    /// Frequent words that take one class almost always ("the", ",", "of"),
    /// by exact form: tagged without scoring, which skips about half the
    /// lookups at no cost in accuracy.
    dictionary: FeatureMap<u16>,
}

/// A word enters the dictionary when seen this often in training…
const DICTIONARY_MIN_COUNT: u32 = 20;
/// …with one class at least this share of the time.
const DICTIONARY_MIN_SHARE: f64 = 0.999;

/// Reusable per-thread buffers.
#[derive(Default)]
pub struct TagScratch {
    lex: Vec<Lex>,
    /// The positions of the words the dictionary does not tag.
    todo: Vec<usize>,
    scores: Vec<f32>,
}

const NO_TAG: u64 = u64::MAX;
/// Features updated fewer times are dropped from the compiled model.
const MIN_UPDATES: u32 = 1;

impl Tagger {
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let payload = model_file::decode(bytes, KIND)?;
        let mut r = Reader::new(&payload);
        let names = r.strings()?;
        let model = Model::read(&mut r)?;
        if model.n_classes != names.len() {
            return Err(ModelError::Corrupt(
                "class table does not match the weights".into(),
            ));
        }
        let mut dictionary = FeatureMap::default();
        for _ in 0..r.u32()? {
            let (form, class) = (r.u64()?, r.u16()?);
            if usize::from(class) >= names.len() {
                return Err(r.corrupt("dictionary class out of range"));
            }
            dictionary.insert(form, class);
        }
        if !r.is_done() {
            return Err(r.corrupt("trailing bytes after the dictionary"));
        }
        Ok(Tagger {
            model,
            classes: typed_classes(&names)?,
            dictionary,
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut payload = Vec::new();
        let names: Vec<String> = self
            .classes
            .iter()
            .map(|(u, x)| format!("{u}\t{x}"))
            .collect();
        model_file::put_strings(&mut payload, &names);
        self.model.write(&mut payload);
        let mut entries: Vec<(u64, u16)> = self.dictionary.iter().map(|(&f, &c)| (f, c)).collect();
        entries.sort_unstable();
        payload.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (form, class) in entries {
            payload.extend_from_slice(&form.to_le_bytes());
            payload.extend_from_slice(&class.to_le_bytes());
        }
        model_file::encode(KIND, &payload)
    }

    pub fn class(&self, c: usize) -> (Upos, Xpos) {
        self.classes[c]
    }

    /// The class with these (UPOS, XPOS) tags, if the model has it.
    pub fn class_index(&self, tags: (Upos, Xpos)) -> Option<u16> {
        self.classes
            .iter()
            .position(|&c| c == tags)
            .map(|i| i as u16)
    }

    pub fn n_features(&self) -> usize {
        self.model.n_features()
    }

    /// Tags `words`, writing one class index per word into `out`.
    pub fn tag<'w>(
        &self,
        words: impl ExactSizeIterator<Item = &'w str>,
        clusters: Option<&Clusters>,
        out: &mut Vec<u16>,
        scratch: &mut TagScratch,
    ) {
        let mut lexes = std::mem::take(&mut scratch.lex);
        lexes.clear();
        lexes.extend(words.map(|w| lex(w, clusters)));
        self.tag_lexes(&lexes, out, scratch);
        scratch.lex = lexes;
    }

    /// Tags words whose lexical features are already computed (the
    /// pipeline computes them once for the tagger, parser and NER).
    ///
    /// The words to score go through a three-stage pipeline: while word `j`
    /// is scored, the rows of word `j + 1`'s word-only features are found
    /// (their weights start loading) and the table slots of word `j + 2`'s
    /// start loading. Most lookups miss the cache, and this way their
    /// latency overlaps the scoring instead of stalling it. Sums are
    /// integers, so the order of the features does not change the tags.
    pub fn tag_lexes(&self, lexes: &[Lex], out: &mut Vec<u16>, scratch: &mut TagScratch) {
        scratch.scores.resize(self.model.n_classes, 0.0);
        out.clear();
        scratch.todo.clear();
        for (i, l) in lexes.iter().enumerate() {
            match self.dictionary.get(&l.form) {
                Some(&class) => out.push(class),
                None => {
                    out.push(0);
                    scratch.todo.push(i);
                }
            }
        }
        let todo = &scratch.todo;
        let model = &self.model;
        let mut keys = [[0u64; STATIC]; 3];
        let mut rows = [[WeightRow::default(); STATIC]; 2];
        let mut found = [0usize; 2];
        for j in 0..todo.len().min(2) {
            static_features(lexes, todo[j], &mut keys[j]);
            model.prefetch_slots(&keys[j]);
        }
        if !todo.is_empty() {
            found[0] = model.find_rows(&keys[0], &mut rows[0]);
        }
        for j in 0..todo.len() {
            if j + 2 < todo.len() {
                static_features(lexes, todo[j + 2], &mut keys[(j + 2) % 3]);
                model.prefetch_slots(&keys[(j + 2) % 3]);
            }
            if j + 1 < todo.len() {
                found[(j + 1) % 2] = model.find_rows(&keys[(j + 1) % 3], &mut rows[(j + 1) % 2]);
            }
            let i = todo[j];
            let prev = if i >= 1 {
                u64::from(out[i - 1])
            } else {
                NO_TAG
            };
            let prev2 = if i >= 2 {
                u64::from(out[i - 2])
            } else {
                NO_TAG
            };
            let mut dynamic = [0u64; DYNAMIC];
            dynamic_features(lexes, i, prev, prev2, &mut dynamic);
            model.prefetch_slots(&dynamic);
            let mut dynamic_rows = [WeightRow::default(); DYNAMIC];
            let n_dynamic = model.find_rows(&dynamic, &mut dynamic_rows);
            let mut sums = Sums::default();
            model.add_rows(&rows[j % 2][..found[j % 2]], &mut sums);
            model.add_rows(&dynamic_rows[..n_dynamic], &mut sums);
            model.scale_sums(&sums, &mut scratch.scores);
            out[i] = argmax(&scratch.scores) as u16;
        }
    }
}

pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

fn at(lex: &[Lex], i: isize) -> Lex {
    if i < 0 {
        PAD
    } else {
        lex.get(i as usize).copied().unwrap_or(END)
    }
}

/// How many of word `i`'s features read only the words, and how many read
/// the previous predictions too.
const STATIC: usize = 31;
const DYNAMIC: usize = 6;

fn template(t: u16) -> Feature {
    Feature::new(100 + t)
}

/// Feature keys for word `i`, given the two previous predicted classes, in
/// template order (training sums float weights in this order).
fn features(lex: &[Lex], i: usize, prev: u64, prev2: u64, out: &mut Vec<u64>) {
    let (mut s, mut d) = ([0u64; STATIC], [0u64; DYNAMIC]);
    static_features(lex, i, &mut s);
    dynamic_features(lex, i, prev, prev2, &mut d);
    out.clear();
    out.extend_from_slice(&s[..10]);
    out.extend_from_slice(&d[..4]);
    out.extend_from_slice(&s[10..21]);
    out.push(d[4]);
    out.extend_from_slice(&s[21..29]);
    out.push(d[5]);
    out.extend_from_slice(&s[29..]);
}

/// The keys of the templates that read only the words (0–9, 14–24, 26–33, 35, 36).
fn static_features(lex: &[Lex], i: usize, out: &mut [u64; STATIC]) {
    let first = i == 0;
    let i = i as isize;
    let w = at(lex, i);
    let p1 = at(lex, i - 1);
    let p2 = at(lex, i - 2);
    let n1 = at(lex, i + 1);
    let n2 = at(lex, i + 2);
    let f = template;
    *out = [
        f(0).finish(),
        f(1).u(w.lower).finish(),
        f(2).u(w.form).finish(),
        f(3).u(w.suffix2).finish(),
        f(4).u(w.suffix3).finish(),
        f(5).u(w.suffix4).finish(),
        f(6).u(w.prefix1).finish(),
        f(7).u(w.prefix3).finish(),
        f(8).u(w.shape).finish(),
        f(9).u(w.flags).finish(),
        f(14).u(p1.lower).finish(),
        f(15).u(p1.suffix3).finish(),
        f(16).u(p2.lower).finish(),
        f(17).u(n1.lower).finish(),
        f(18).u(n1.suffix3).finish(),
        f(19).u(n2.lower).finish(),
        f(20).u(p1.lower).u(w.lower).finish(),
        f(21).u(w.lower).u(n1.lower).finish(),
        f(22).u(n1.shape).finish(),
        f(23).u(p1.shape).u(w.shape).finish(),
        f(24).u(w.flags).u(u64::from(first)).finish(),
        f(26).u(n1.suffix2).u(w.suffix3).finish(),
        f(27).u(p1.form).finish(),
        f(28).u(n1.form).finish(),
        f(29).u(w.row).finish(),
        f(30).u(w.coarse).finish(),
        f(31).u(w.fine).finish(),
        f(32).u(p1.fine).finish(),
        f(33).u(n1.fine).finish(),
        f(35).u(w.fine).u(n1.coarse).finish(),
        f(36).u(n2.coarse).finish(),
    ];
}

/// The keys of the templates that read the previous predictions (10–13, 25, 34).
fn dynamic_features(lex: &[Lex], i: usize, prev: u64, prev2: u64, out: &mut [u64; DYNAMIC]) {
    let w = at(lex, i as isize);
    let f = template;
    *out = [
        f(10).u(prev).finish(),
        f(11).u(prev2).finish(),
        f(12).u(prev).u(prev2).finish(),
        f(13).u(prev).u(w.lower).finish(),
        f(25).u(prev).u(w.suffix3).finish(),
        f(34).u(prev).u(w.fine).finish(),
    ];
}

/// Trains on `train`, keeping the epoch with the best dev UPOS accuracy.
/// A treebank tag outside the label set is an error before training.
pub fn train(
    train: &[Sentence],
    dev: &[Sentence],
    clusters: Option<&Clusters>,
    epochs: usize,
    seed: u64,
    mut log: impl FnMut(&str),
) -> Result<Tagger, UnknownLabel> {
    let names: Vec<String> = train
        .iter()
        .flat_map(|s| &s.words)
        .map(|w| format!("{}\t{}", w.upos, w.xpos))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let classes = typed_classes(&names)?;
    let class_of = |u: &str, x: &str| names.binary_search(&format!("{u}\t{x}")).ok();
    let gold: Vec<Vec<usize>> = train
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| class_of(&w.upos, &w.xpos).unwrap())
                .collect()
        })
        .collect();
    let lexes: Vec<Vec<Lex>> = train
        .iter()
        .map(|s| s.words.iter().map(|w| lex(&w.form, clusters)).collect())
        .collect();
    let dictionary = build_dictionary(&lexes, &gold);
    log(&format!(
        "dictionary: {} unambiguous frequent words",
        dictionary.len()
    ));
    let mut trainer = Trainer::new(names.len());
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = seed;
    let mut scores = vec![0.0; names.len()];
    let mut feats = Vec::new();
    let mut best: Option<(f64, Tagger)> = None;
    for epoch in 0..epochs {
        shuffle(&mut order, &mut rng);
        let mut correct = 0usize;
        let mut total = 0usize;
        for &si in &order {
            let mut pred: Vec<usize> = Vec::with_capacity(gold[si].len());
            for i in 0..gold[si].len() {
                let prev = if i >= 1 { pred[i - 1] as u64 } else { NO_TAG };
                let prev2 = if i >= 2 { pred[i - 2] as u64 } else { NO_TAG };
                features(&lexes[si], i, prev, prev2, &mut feats);
                trainer.score(&feats, &mut scores);
                let guess = argmax(&scores);
                trainer.tick();
                trainer.update(&feats, gold[si][i], guess, 1.0);
                correct += usize::from(guess == gold[si][i]);
                total += 1;
                pred.push(guess);
            }
        }
        let tagger = Tagger {
            model: trainer.compile(MIN_UPDATES, 0.0),
            classes: classes.clone(),
            dictionary: dictionary.clone(),
        };
        let (upos, xpos) = accuracy(&tagger, dev, clusters);
        log(&format!(
            "epoch {}: train {:.4}, dev UPOS {:.4} XPOS {:.4}",
            epoch + 1,
            correct as f64 / total as f64,
            upos,
            xpos
        ));
        if best.as_ref().is_none_or(|(b, _)| upos > *b) {
            best = Some((upos, tagger));
        }
    }
    Ok(best.expect("at least one epoch").1)
}

/// The words seen at least `DICTIONARY_MIN_COUNT` times whose commonest
/// class covers `DICTIONARY_MIN_SHARE` of them, with that class.
fn build_dictionary(lexes: &[Vec<Lex>], gold: &[Vec<usize>]) -> FeatureMap<u16> {
    let mut counts: FeatureMap<std::collections::HashMap<usize, u32>> = FeatureMap::default();
    for (sentence, classes) in lexes.iter().zip(gold) {
        for (word, &class) in sentence.iter().zip(classes) {
            *counts
                .entry(word.form)
                .or_default()
                .entry(class)
                .or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(form, by_class)| {
            let total: u32 = by_class.values().sum();
            let (&class, &n) = by_class
                .iter()
                .max_by_key(|&(&c, &n)| (n, std::cmp::Reverse(c)))?;
            (total >= DICTIONARY_MIN_COUNT
                && f64::from(n) >= DICTIONARY_MIN_SHARE * f64::from(total))
            .then_some((form, class as u16))
        })
        .collect()
}

/// The classes named "UPOS\tXPOS"; a name with no XPOS has "_", which is
/// no tag.
fn typed_classes(names: &[String]) -> Result<Vec<(Upos, Xpos)>, UnknownLabel> {
    names
        .iter()
        .map(|n| {
            let (u, x) = n.split_once('\t').unwrap_or((n.as_str(), "_"));
            Ok((u.parse()?, x.parse()?))
        })
        .collect()
}

/// UPOS and XPOS accuracy over gold tokens.
pub fn accuracy(
    tagger: &Tagger,
    sentences: &[Sentence],
    clusters: Option<&Clusters>,
) -> (f64, f64) {
    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    let (mut u, mut x, mut n) = (0usize, 0usize, 0usize);
    for s in sentences {
        tagger.tag(
            s.words.iter().map(|w| w.form.as_str()),
            clusters,
            &mut out,
            &mut scratch,
        );
        for (w, &c) in s.words.iter().zip(&out) {
            let (pu, px) = tagger.class(c as usize);
            u += usize::from(pu.as_str() == w.upos);
            x += usize::from(px.as_str() == w.xpos);
            n += 1;
        }
    }
    (u as f64 / n.max(1) as f64, x as f64 / n.max(1) as f64)
}

/// Deterministic Fisher–Yates with a xorshift generator.
pub fn shuffle<T>(v: &mut [T], state: &mut u64) {
    for i in (1..v.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dictionary_keeps_frequent_unambiguous_words_only() {
        let (the, that, rare) = (lex("the", None), lex("that", None), lex("zebra", None));
        let mut lexes = vec![vec![the, that]; 30];
        let mut gold = vec![vec![0, 1]; 30];
        lexes.push(vec![that, rare]);
        gold.push(vec![2, 3]);
        let dictionary = build_dictionary(&lexes, &gold);
        assert_eq!(dictionary.get(&the.form), Some(&0));
        assert_eq!(
            dictionary.get(&that.form),
            None,
            "\"that\" takes two classes"
        );
        assert_eq!(dictionary.get(&rare.form), None, "seen once");
    }

    #[test]
    fn the_dictionary_survives_the_model_file() {
        let mut dictionary = FeatureMap::default();
        dictionary.insert(lex("the", None).form, 1);
        let names = ["DET\tDT".to_string(), "PRON\tPRP".to_string()];
        let tagger = Tagger {
            model: Trainer::new(2).compile(1, 0.0),
            classes: typed_classes(&names).unwrap(),
            dictionary,
        };
        let back = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
        let mut out = Vec::new();
        back.tag(
            ["the"].into_iter(),
            None,
            &mut out,
            &mut TagScratch::default(),
        );
        assert_eq!(out, [1]);
    }

    #[test]
    fn a_tag_outside_the_label_set_is_a_load_error() {
        let names = ["DET\tDT".to_string(), "PRON\tPRX".to_string()];
        assert_eq!(
            typed_classes(&names).unwrap_err().to_string(),
            "unknown XPOS label \"PRX\""
        );
        let tagger = Tagger {
            model: Trainer::new(1).compile(1, 0.0),
            classes: vec![(Upos::Det, Xpos::Dt)],
            dictionary: FeatureMap::default(),
        };
        let payload = model_file::decode(&tagger.to_bytes(), KIND).unwrap();
        let at = payload.windows(2).position(|w| w == b"DT").unwrap();
        let mut payload = payload;
        payload[at..at + 2].copy_from_slice(b"DX");
        assert!(matches!(
            Tagger::from_bytes(&model_file::encode(KIND, &payload)),
            Err(ModelError::Label(_))
        ));
    }
}
