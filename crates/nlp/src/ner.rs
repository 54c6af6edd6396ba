//! Named-entity recogniser: greedy left-to-right averaged perceptron over
//! BILOU labels, with a five-word lexical window, word clusters, the two
//! previous labels, and a document-level memory of how each word was
//! labelled earlier in the same document (names repeat in news: "Jens
//! Stoltenberg" … "Stoltenberg").

use crate::clusters::Clusters;
use crate::gazetteer::{self, Gazetteer};
use crate::lexical::{lex, Lex, END, FLAG_ALL_UPPER, PAD};
use crate::model_file::{self, ModelError, Reader};
use crate::perceptron::{Feature, FeatureMap, Model, Trainer};
use crate::tagger::{argmax, shuffle};

pub const KIND: &str = "ner";
const MIN_UPDATES: u32 = 1;

/// A sentence of CoNLL-2003: words and their IOB2 tags.
#[derive(Clone, Debug, Default)]
pub struct ConllSentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
    /// The input lines, kept to write back.
    pub lines: Vec<String>,
}

/// A document: sentences between `-DOCSTART-` lines.
#[derive(Clone, Debug, Default)]
pub struct ConllDoc {
    pub sentences: Vec<ConllSentence>,
}

/// Parses CoNLL-2003 (`token POS chunk tag`; the tag column is optional).
pub fn parse_conll(text: &str) -> Vec<ConllDoc> {
    let mut docs = vec![ConllDoc::default()];
    let mut sentence = ConllSentence::default();
    for line in text.lines().chain(std::iter::once("")) {
        let line = line.trim_end_matches('\r');
        let mut cols = line.split_whitespace();
        match cols.next() {
            None => {
                if !sentence.words.is_empty() {
                    docs.last_mut()
                        .unwrap()
                        .sentences
                        .push(std::mem::take(&mut sentence));
                }
            }
            Some("-DOCSTART-") => {
                if !docs.last().unwrap().sentences.is_empty() {
                    docs.push(ConllDoc::default());
                }
            }
            Some(word) => {
                let tag = line
                    .split_whitespace()
                    .last()
                    .filter(|t| *t == "O" || t.starts_with("B-") || t.starts_with("I-"))
                    .unwrap_or("O");
                sentence.words.push(word.to_string());
                sentence.tags.push(tag.to_string());
                sentence.lines.push(line.to_string());
            }
        }
    }
    docs.retain(|d| !d.sentences.is_empty());
    docs
}

/// Spans `(start, end, type)` of IOB2 tags (end exclusive), as conlleval reads them.
pub fn iob_spans<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, String)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().map(AsRef::as_ref).enumerate() {
        let (prefix, ty) = t.split_once('-').unwrap_or((t, ""));
        let continues = prefix == "I" && open.as_ref().is_some_and(|(_, ot)| ot == ty);
        if !continues {
            if let Some((s, ot)) = open.take() {
                spans.push((s, i, ot));
            }
            if prefix == "B" || prefix == "I" {
                open = Some((i, ty.to_string()));
            }
        }
    }
    if let Some((s, ot)) = open {
        spans.push((s, tags.len(), ot));
    }
    spans
}

/// A trained recogniser.
pub struct Ner {
    model: Model,
    /// Second stage: also sees how the first stage labelled every other
    /// occurrence of each word in the document.
    stage2: Option<Model>,
    /// BILOU classes: "O", then B/I/L/U for each type.
    types: Vec<&'static str>,
}

#[derive(Default)]
pub struct NerScratch {
    features: Vec<u64>,
    scores: Vec<f32>,
}

fn gaz_tags(gazetteer: Option<&Gazetteer>, lex: &[Lex], out: &mut Vec<u64>) {
    match gazetteer {
        Some(g) => g.tag(lex, out),
        None => {
            out.clear();
            out.resize(lex.len(), gazetteer::NO_MATCH);
        }
    }
}

/// What earlier sentences of the document labelled each word as.
#[derive(Default)]
pub struct DocMemory {
    seen: FeatureMap<u64>,
}

impl DocMemory {
    pub fn clear(&mut self) {
        self.seen.clear();
    }
}

const NO_LABEL: u64 = u64::MAX;

impl Ner {
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let payload = model_file::decode(bytes, KIND)?;
        let mut r = Reader::new(&payload);
        let types = r.strings()?;
        let model = Model::read(&mut r)?;
        let stage2 = if r.u8()? == 1 {
            Some(Model::read(&mut r)?)
        } else {
            None
        };
        if model.n_classes != 1 + 4 * types.len()
            || stage2
                .as_ref()
                .is_some_and(|m| m.n_classes != model.n_classes)
            || !r.is_done()
        {
            return Err(ModelError::Corrupt(
                "type table does not match the weights".into(),
            ));
        }
        let mut ner = Ner::with(model, &types);
        ner.stage2 = stage2;
        Ok(ner)
    }

    fn with(model: Model, types: &[String]) -> Ner {
        let types: Vec<&'static str> = types
            .iter()
            .map(|t| &*Box::leak(t.clone().into_boxed_str()))
            .collect();
        Ner {
            model,
            stage2: None,
            types,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut payload = Vec::new();
        let types: Vec<String> = self.types.iter().map(|s| s.to_string()).collect();
        model_file::put_strings(&mut payload, &types);
        self.model.write(&mut payload);
        payload.push(u8::from(self.stage2.is_some()));
        if let Some(m) = &self.stage2 {
            m.write(&mut payload);
        }
        model_file::encode(KIND, &payload)
    }

    pub fn types(&self) -> &[&'static str] {
        &self.types
    }

    /// Recognises the names in one document, sentence by sentence (the
    /// document matters: earlier and later mentions inform each other).
    /// Writes, per sentence, spans `(start, end, type index)` over words.
    pub fn recognise_doc(
        &self,
        doc: &PreparedDoc,
        out: &mut Vec<Vec<(usize, usize, usize)>>,
        scratch: &mut NerScratch,
    ) {
        let first = label_doc(&self.model, doc, None, scratch);
        let labels = match &self.stage2 {
            Some(m) => {
                let aggs = aggregate(doc, &first);
                label_doc(m, doc, Some(&aggs), scratch)
            }
            None => first,
        };
        out.clear();
        out.extend(labels.iter().map(|l| spans_of(l)));
    }
}

/// A document's sentences as lexical keys and gazetteer tags.
#[derive(Default)]
pub struct PreparedDoc {
    sentences: Vec<(Vec<Lex>, Vec<u64>)>,
}

impl PreparedDoc {
    pub fn new<'w, S, W>(
        sentences: S,
        clusters: Option<&Clusters>,
        gazetteer: Option<&Gazetteer>,
    ) -> Self
    where
        S: IntoIterator<Item = W>,
        W: IntoIterator<Item = &'w str>,
    {
        Self::with_gazetteer(
            sentences
                .into_iter()
                .map(|words| words.into_iter().map(|w| lex(w, clusters)).collect()),
            gazetteer,
        )
    }

    /// From lexical features already computed, one slice per sentence.
    pub fn from_lexes<'l>(
        sentences: impl IntoIterator<Item = &'l [Lex]>,
        gazetteer: Option<&Gazetteer>,
    ) -> Self {
        Self::with_gazetteer(sentences.into_iter().map(<[Lex]>::to_vec), gazetteer)
    }

    /// Adds each sentence's gazetteer matches to its lexical features.
    fn with_gazetteer(
        sentences: impl Iterator<Item = Vec<Lex>>,
        gazetteer: Option<&Gazetteer>,
    ) -> Self {
        let sentences = sentences
            .map(|lexes| {
                let mut gaz = Vec::new();
                gaz_tags(gazetteer, &lexes, &mut gaz);
                (lexes, gaz)
            })
            .collect();
        PreparedDoc { sentences }
    }
}

fn spans_of(labels: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &l) in labels.iter().enumerate() {
        if l == 0 {
            continue;
        }
        let (prefix, ty) = ((l - 1) % 4, (l - 1) / 4);
        match prefix {
            0 => start = i,
            3 => out.push((i, i + 1, ty)),
            2 => out.push((start, i + 1, ty)),
            _ => {}
        }
    }
    out
}

/// Greedy labels for every sentence of a document with one model.
fn label_doc(
    model: &Model,
    doc: &PreparedDoc,
    aggs: Option<&[Vec<u64>]>,
    scratch: &mut NerScratch,
) -> Vec<Vec<usize>> {
    let mut memory = DocMemory::default();
    scratch.scores.resize(model.n_classes, 0.0);
    let mut all = Vec::with_capacity(doc.sentences.len());
    for (si, (lexes, gaz)) in doc.sentences.iter().enumerate() {
        let caps = sentence_context(lexes);
        let agg = aggs.map(|a| a[si].as_slice());
        let mut labels: Vec<usize> = Vec::with_capacity(lexes.len());
        for i in 0..lexes.len() {
            // Outside a name, a word with no capital letter and no
            // gazetteer match starts no name (in CoNLL-2003 almost never):
            // it is O without scoring, which skips half the lookups.
            if labels.last().copied().is_none_or(closes)
                && !lexes[i].has_upper
                && gaz[i] == gazetteer::NO_MATCH
            {
                labels.push(0);
                continue;
            }
            let prev = labels.last().map_or(NO_LABEL, |&l| l as u64);
            let prev2 = if i >= 2 {
                labels[i - 2] as u64
            } else {
                NO_LABEL
            };
            let hist = memory
                .seen
                .get(&lexes[i].lower)
                .copied()
                .unwrap_or(NO_LABEL);
            features(
                lexes,
                gaz,
                agg,
                i,
                prev,
                prev2,
                hist,
                caps,
                &mut scratch.features,
            );
            model.score(&scratch.features, &mut scratch.scores);
            let last = labels.last().copied().unwrap_or(0);
            labels.push(best_allowed(&scratch.scores, last, i + 1 == lexes.len()));
        }
        remember(&mut memory, lexes, &labels);
        all.push(labels);
    }
    all
}

/// Records the type of every word inside a name (by lowercase form).
fn remember(memory: &mut DocMemory, lexes: &[Lex], labels: &[usize]) {
    for (i, &l) in labels.iter().enumerate() {
        if l != 0 {
            memory.seen.insert(lexes[i].lower, ((l - 1) / 4) as u64);
        }
    }
}

/// For each word, how the first stage labelled all occurrences of its
/// lowercase form in the document: majority type and how consistently.
fn aggregate(doc: &PreparedDoc, labels: &[Vec<usize>]) -> Vec<Vec<u64>> {
    let mut counts: FeatureMap<[u16; 8]> = FeatureMap::default();
    for ((lexes, _), ls) in doc.sentences.iter().zip(labels) {
        for (lx, &l) in lexes.iter().zip(ls) {
            let c = counts.entry(lx.lower).or_insert([0; 8]);
            c[0] = c[0].saturating_add(1);
            if l != 0 {
                let t = 1 + ((l - 1) / 4).min(6);
                c[t] = c[t].saturating_add(1);
            }
        }
    }
    doc.sentences
        .iter()
        .map(|(lexes, _)| {
            lexes
                .iter()
                .map(|lx| {
                    let c = counts[&lx.lower];
                    let (best_t, best_n) = (1..8).map(|t| (t, c[t])).max_by_key(|x| x.1).unwrap();
                    if best_n == 0 {
                        return u64::from(c[0].min(3));
                    }
                    let bucket = if best_n == c[0] {
                        3
                    } else if best_n * 2 > c[0] {
                        2
                    } else {
                        1
                    };
                    ((best_t as u64) << 8) | (bucket << 4) | u64::from(c[0].min(3))
                })
                .collect()
        })
        .collect()
}

/// BILOU constraint: after B-x or I-x only I-x or L-x; elsewhere no I or L.
fn allowed(prev: usize, next: usize) -> bool {
    let inside = |l: usize| l != 0 && matches!((l - 1) % 4, 0 | 1);
    let same_type = |a: usize, b: usize| a != 0 && b != 0 && (a - 1) / 4 == (b - 1) / 4;
    let continues = |l: usize| l != 0 && matches!((l - 1) % 4, 1 | 2);
    if inside(prev) {
        continues(next) && same_type(prev, next)
    } else {
        !continues(next)
    }
}

/// Whether a name is complete after `label`: O, L-x or U-x.
fn closes(label: usize) -> bool {
    label == 0 || matches!((label - 1) % 4, 2 | 3)
}

fn best_allowed(scores: &[f32], prev: usize, last_word: bool) -> usize {
    let mut best = usize::MAX;
    for (c, &s) in scores.iter().enumerate() {
        if allowed(prev, c) && (!last_word || closes(c)) && (best == usize::MAX || s > scores[best])
        {
            best = c;
        }
    }
    if best == usize::MAX {
        0
    } else {
        best
    }
}

/// Sentence context: 1 for an all-caps headline.
fn sentence_context(lex: &[Lex]) -> u64 {
    u64::from(is_caps_sentence(lex))
}

fn is_caps_sentence(lex: &[Lex]) -> bool {
    let alpha = lex
        .iter()
        .filter(|l| l.flags & crate::lexical::FLAG_ALL_PUNCT == 0)
        .count();
    let caps = lex.iter().filter(|l| l.flags & FLAG_ALL_UPPER != 0).count();
    alpha >= 2 && caps * 10 >= alpha * 8
}

fn at(lex: &[Lex], i: isize) -> Lex {
    if i < 0 {
        PAD
    } else {
        lex.get(i as usize).copied().unwrap_or(END)
    }
}

#[allow(clippy::too_many_arguments)]
fn features(
    lex: &[Lex],
    gaz: &[u64],
    agg: Option<&[u64]>,
    i: usize,
    prev: u64,
    prev2: u64,
    hist: u64,
    context: u64,
    out: &mut Vec<u64>,
) {
    let g = |k: isize| {
        if k < 0 {
            u64::MAX - 1
        } else {
            gaz.get(k as usize).copied().unwrap_or(u64::MAX - 2)
        }
    };
    let i = i as isize;
    let (w, p1, p2, n1, n2) = (
        at(lex, i),
        at(lex, i - 1),
        at(lex, i - 2),
        at(lex, i + 1),
        at(lex, i + 2),
    );
    let caps = context;
    let f = |t: u16| Feature::new(500 + t);
    out.clear();
    out.extend_from_slice(&[
        f(0).finish(),
        f(1).u(w.lower).finish(),
        f(2).u(w.form).u(caps).finish(),
        f(3).u(w.shape).u(caps).finish(),
        f(4).u(w.suffix3).finish(),
        f(5).u(w.suffix4).finish(),
        f(6).u(w.prefix3).finish(),
        f(7).u(w.flags).u(caps).u(u64::from(i == 0)).finish(),
        f(8).u(p1.lower).finish(),
        f(9).u(n1.lower).finish(),
        f(10).u(p2.lower).finish(),
        f(11).u(n2.lower).finish(),
        f(12).u(p1.shape).u(w.shape).u(n1.shape).finish(),
        f(13).u(p1.lower).u(w.lower).finish(),
        f(14).u(w.lower).u(n1.lower).finish(),
        f(15).u(prev).finish(),
        f(16).u(prev).u(prev2).finish(),
        f(17).u(prev).u(w.lower).finish(),
        f(18).u(prev).u(w.shape).finish(),
        f(19).u(w.row).finish(),
        f(20).u(w.fine).finish(),
        f(21).u(w.coarse).finish(),
        f(22).u(p1.fine).finish(),
        f(23).u(n1.fine).finish(),
        f(24).u(prev).u(w.fine).finish(),
        f(25).u(w.fine).u(n1.fine).finish(),
        f(26).u(hist).finish(),
        f(27).u(hist).u(w.shape).finish(),
        f(28).u(n1.form).finish(),
        f(29).u(p1.form).finish(),
        f(30).u(w.shape).u(n1.lower).finish(),
        f(31).u(p1.lower).u(w.shape).finish(),
        f(32).u(n1.coarse).u(w.coarse).finish(),
        f(33).u(g(i)).finish(),
        f(34).u(g(i)).u(w.shape).finish(),
        f(35).u(g(i - 1)).finish(),
        f(36).u(g(i + 1)).finish(),
        f(37).u(g(i)).u(prev).finish(),
        f(38).u(g(i)).u(w.lower).finish(),
        f(60).u(p2.lower).u(p1.lower).finish(),
        f(61).u(p1.lower).u(w.lower).u(n1.lower).finish(),
        f(62).u(n1.lower).u(n2.lower).finish(),
        f(63).u(g(i - 2)).finish(),
        f(64).u(g(i + 2)).finish(),
    ]);
    if let Some(agg) = agg {
        let a = |k: isize| {
            if k < 0 {
                u64::MAX - 1
            } else {
                agg.get(k as usize).copied().unwrap_or(u64::MAX - 2)
            }
        };
        out.extend_from_slice(&[
            f(40).u(a(i)).finish(),
            f(41).u(a(i)).u(w.shape).finish(),
            f(42).u(a(i - 1)).finish(),
            f(43).u(a(i + 1)).finish(),
            f(44).u(a(i)).u(prev).finish(),
            f(45).u(a(i)).u(g(i)).finish(),
        ]);
    }
}

/// IOB2 tags of a sentence as BILOU class indices.
fn bilou(tags: &[String], types: &[String]) -> Vec<usize> {
    let mut out = vec![0; tags.len()];
    for (s, e, ty) in iob_spans(tags) {
        let t = types.iter().position(|x| *x == ty).unwrap();
        if e - s == 1 {
            out[s] = 1 + 4 * t + 3;
        } else {
            out[s] = 1 + 4 * t;
            for o in out.iter_mut().take(e - 1).skip(s + 1) {
                *o = 1 + 4 * t + 1;
            }
            out[e - 1] = 1 + 4 * t + 2;
        }
    }
    out
}

/// Trains both stages. Stage 2 learns from stage-1 labels of training
/// documents it did not see (jackknifed over `folds`), as at run time.
pub fn train(
    train: &[ConllDoc],
    dev: &[ConllDoc],
    clusters: Option<&Clusters>,
    gazetteer: Option<&Gazetteer>,
    epochs: usize,
    seed: u64,
    mut log: impl FnMut(&str),
) -> Ner {
    let types: Vec<String> = train
        .iter()
        .flat_map(|d| &d.sentences)
        .flat_map(|s| iob_spans(&s.tags))
        .map(|(_, _, t)| t)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let prepared: Vec<PreparedDoc> = train
        .iter()
        .map(|d| {
            PreparedDoc::new(
                d.sentences
                    .iter()
                    .map(|s| s.words.iter().map(String::as_str)),
                clusters,
                gazetteer,
            )
        })
        .collect();
    let gold: Vec<Vec<Vec<usize>>> = train
        .iter()
        .map(|d| d.sentences.iter().map(|s| bilou(&s.tags, &types)).collect())
        .collect();
    let n_classes = 1 + 4 * types.len();
    let all: Vec<usize> = (0..train.len()).collect();
    let stage1 = train_stage(&prepared, &gold, None, &all, n_classes, epochs, seed);
    let mut ner = Ner::with(stage1, &types);
    log_score(&mut log, "stage 1", &ner, dev, clusters, gazetteer);
    // Jackknifed stage-1 labels for the training documents.
    const FOLDS: usize = 4;
    let mut scratch = NerScratch::default();
    let mut aggs: Vec<Vec<Vec<u64>>> = vec![Vec::new(); train.len()];
    for k in 0..FOLDS {
        let rest: Vec<usize> = all.iter().copied().filter(|i| i % FOLDS != k).collect();
        let model = train_stage(&prepared, &gold, None, &rest, n_classes, epochs, seed);
        for i in all.iter().copied().filter(|i| i % FOLDS == k) {
            let labels = label_doc(&model, &prepared[i], None, &mut scratch);
            aggs[i] = aggregate(&prepared[i], &labels);
        }
        log(&format!("jackknife fold {}/{FOLDS}", k + 1));
    }
    ner.stage2 = Some(train_stage(
        &prepared,
        &gold,
        Some(&aggs),
        &all,
        n_classes,
        epochs,
        seed,
    ));
    log_score(&mut log, "stage 2", &ner, dev, clusters, gazetteer);
    ner
}

/// Logs the model's scores on `dev`, when there is one.
fn log_score(
    log: &mut impl FnMut(&str),
    stage: &str,
    ner: &Ner,
    dev: &[ConllDoc],
    clusters: Option<&Clusters>,
    gazetteer: Option<&Gazetteer>,
) {
    if !dev.is_empty() {
        let (p, r, f) = evaluate(ner, dev, clusters, gazetteer);
        log(&format!(
            "{stage}: held-out P {:.2} R {:.2} F1 {:.2}",
            p * 100.0,
            r * 100.0,
            f * 100.0
        ));
    }
}

fn train_stage(
    docs: &[PreparedDoc],
    gold: &[Vec<Vec<usize>>],
    aggs: Option<&[Vec<Vec<u64>>]>,
    use_docs: &[usize],
    n_classes: usize,
    epochs: usize,
    seed: u64,
) -> Model {
    let mut trainer = Trainer::new(n_classes);
    let mut order = use_docs.to_vec();
    let mut rng = seed;
    let mut scores = vec![0f32; n_classes];
    let mut feats = Vec::new();
    let mut memory = DocMemory::default();
    for _ in 0..epochs {
        shuffle(&mut order, &mut rng);
        for &di in &order {
            memory.clear();
            for (si, ((lexes, gaz), gold)) in docs[di].sentences.iter().zip(&gold[di]).enumerate() {
                let caps = sentence_context(lexes);
                let agg = aggs.map(|a| a[di][si].as_slice());
                let mut pred: Vec<usize> = Vec::with_capacity(gold.len());
                for i in 0..gold.len() {
                    let prev = pred.last().map_or(NO_LABEL, |&l| l as u64);
                    let prev2 = if i >= 2 { pred[i - 2] as u64 } else { NO_LABEL };
                    let hist = memory
                        .seen
                        .get(&lexes[i].lower)
                        .copied()
                        .unwrap_or(NO_LABEL);
                    features(lexes, gaz, agg, i, prev, prev2, hist, caps, &mut feats);
                    trainer.score(&feats, &mut scores);
                    let guess = argmax(&scores);
                    trainer.tick();
                    trainer.update(&feats, gold[i], guess, 1.0);
                    pred.push(guess);
                }
                remember(&mut memory, lexes, &pred);
            }
        }
    }
    trainer.compile(MIN_UPDATES, 0.0)
}

/// Predicted IOB2 tags (CoNLL's four types) for every sentence of every doc.
pub fn predict_iob(
    ner: &Ner,
    docs: &[ConllDoc],
    clusters: Option<&Clusters>,
    gazetteer: Option<&Gazetteer>,
) -> Vec<Vec<Vec<String>>> {
    let mut scratch = NerScratch::default();
    let mut spans = Vec::new();
    docs.iter()
        .map(|d| {
            let prepared = PreparedDoc::new(
                d.sentences
                    .iter()
                    .map(|s| s.words.iter().map(String::as_str)),
                clusters,
                gazetteer,
            );
            ner.recognise_doc(&prepared, &mut spans, &mut scratch);
            d.sentences
                .iter()
                .zip(&spans)
                .map(|(s, sp)| {
                    let mut tags = vec!["O".to_string(); s.words.len()];
                    for &(a, b, t) in sp {
                        tags[a] = format!("B-{}", ner.types[t]);
                        for tag in tags.iter_mut().take(b).skip(a + 1) {
                            *tag = format!("I-{}", ner.types[t]);
                        }
                    }
                    tags
                })
                .collect()
        })
        .collect()
}

/// Exact span-and-type precision, recall and F1 (conlleval).
pub fn evaluate(
    ner: &Ner,
    docs: &[ConllDoc],
    clusters: Option<&Clusters>,
    gazetteer: Option<&Gazetteer>,
) -> (f64, f64, f64) {
    let predicted = predict_iob(ner, docs, clusters, gazetteer);
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for (d, pd) in docs.iter().zip(&predicted) {
        for (s, ps) in d.sentences.iter().zip(pd) {
            let gold = iob_spans(&s.tags);
            let pred = iob_spans(ps);
            tp += pred.iter().filter(|p| gold.contains(p)).count();
            np += pred.len();
            ng += gold.len();
        }
    }
    let p = tp as f64 / np.max(1) as f64;
    let r = tp as f64 / ng.max(1) as f64;
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

/// Per-type (true positives, predicted, gold) counts, for error analysis.
pub fn per_type(
    ner: &Ner,
    docs: &[ConllDoc],
    clusters: Option<&Clusters>,
    gazetteer: Option<&Gazetteer>,
) -> Vec<(String, usize, usize, usize)> {
    let predicted = predict_iob(ner, docs, clusters, gazetteer);
    let mut out: Vec<(String, usize, usize, usize)> =
        ner.types.iter().map(|t| (t.to_string(), 0, 0, 0)).collect();
    for (d, pd) in docs.iter().zip(&predicted) {
        for (s, ps) in d.sentences.iter().zip(pd) {
            let gold = iob_spans(&s.tags);
            let pred = iob_spans(ps);
            for row in out.iter_mut() {
                let g: Vec<_> = gold.iter().filter(|x| x.2 == row.0).collect();
                let p: Vec<_> = pred.iter().filter(|x| x.2 == row.0).collect();
                row.1 += p.iter().filter(|x| g.contains(x)).count();
                row.2 += p.len();
                row.3 += g.len();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob_spans_follow_conlleval() {
        let tags = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG"];
        assert_eq!(
            iob_spans(&tags),
            vec![
                (0, 2, "PER".into()),
                (3, 4, "LOC".into()),
                (4, 5, "ORG".into()),
                (5, 7, "ORG".into())
            ]
        );
    }

    #[test]
    fn bilou_constraints() {
        // O=0, PER: B=1 I=2 L=3 U=4
        assert!(allowed(0, 1) && allowed(0, 4) && !allowed(0, 2) && !allowed(0, 3));
        assert!(allowed(1, 2) && allowed(1, 3) && !allowed(1, 0) && !allowed(1, 5));
        assert!(allowed(3, 0) && allowed(4, 1));
    }
}
