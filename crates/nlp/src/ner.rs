//! Named-entity recogniser: left-to-right averaged perceptron over BILOU
//! labels (trained greedily, decoded with a beam of label sequences), with a five-word lexical window, word clusters, the two
//! previous labels, and a document-level memory of how each word was
//! labelled earlier in the same document (names repeat in news: "Jens
//! Stoltenberg" … "Stoltenberg").

use crate::clusters::Clusters;
use crate::gazetteer::{self, Gazetteer};
use crate::lexical::{lex, Lex, END, FLAG_ALL_PUNCT, FLAG_ALL_UPPER, FLAG_UPPER_INITIAL, PAD};
use crate::model_file::{self, ModelError, Reader};
use crate::perceptron::{Feature, FeatureMap, Model, Sums, Trainer};
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
    /// How often each word is written in lower case mid-sentence.
    case: CaseLexicon,
    /// Whether the model reads capitalised runs (trained since #22).
    runs: bool,
    /// Label sequences kept while decoding, by stage 1 and stage 2
    /// ([`FIRST_STAGE_WIDTH`], [`BEAM_WIDTH`]).
    beam: (usize, usize),
}

/// Counts, per lowercase word form, its lower-case and capitalised uses
/// away from the start of a sentence (where capitals say nothing).
#[derive(Default)]
pub struct CaseCounts {
    counts: FeatureMap<[u32; 2]>,
}

impl CaseCounts {
    /// Adds one sentence of words. Sentences mostly in capitals (headlines)
    /// are skipped, and so is every word after punctuation.
    pub fn add_sentence<'w>(&mut self, words: impl IntoIterator<Item = &'w str>) {
        let lexes: Vec<Lex> = words.into_iter().map(|w| lex(w, None)).collect();
        self.add_lexes(&lexes);
    }

    fn add_lexes(&mut self, lexes: &[Lex]) {
        let words = lexes
            .iter()
            .filter(|l| l.flags & FLAG_ALL_PUNCT == 0)
            .count();
        let capitalised = lexes.iter().filter(|l| l.has_upper).count();
        if is_caps_sentence(lexes) || capitalised * 10 > words * 6 {
            return;
        }
        for pair in lexes.windows(2) {
            let (prev, w) = (pair[0], pair[1]);
            if prev.flags & FLAG_ALL_PUNCT != 0 || w.flags & (FLAG_ALL_PUNCT | FLAG_ALL_UPPER) != 0
            {
                continue;
            }
            let slot = if !w.has_upper {
                0
            } else if w.flags & FLAG_UPPER_INITIAL != 0 {
                1
            } else {
                continue;
            };
            self.counts.entry(w.lower).or_insert([0; 2])[slot] += 1;
        }
    }

    /// Buckets of the lower-case share: 1 (< 10 %) to 4 (≥ 90 %), for
    /// words seen at least twice.
    fn finish(&self) -> CaseLexicon {
        let buckets = self
            .counts
            .iter()
            .filter(|(_, c)| c[0] + c[1] >= 2)
            .map(|(&k, c)| {
                let share = f64::from(c[0]) / f64::from(c[0] + c[1]);
                let b = if share >= 0.9 {
                    4
                } else if share >= 0.5 {
                    3
                } else if share >= 0.1 {
                    2
                } else {
                    1
                };
                (k, b)
            })
            .collect();
        CaseLexicon { buckets }
    }
}

/// Per lowercase word form, a bucket of how often it is written in lower
/// case mid-sentence (0: unknown).
#[derive(Default)]
pub struct CaseLexicon {
    buckets: FeatureMap<u8>,
}

impl CaseLexicon {
    #[cfg(test)]
    fn bucket(&self, lower: u64) -> u64 {
        self.buckets.get(&lower).map_or(0, |&b| u64::from(b))
    }

    /// A word mostly written in lower case; in capitals only in a sentence
    /// in capitals ("SUMMIT").
    fn common_word(&self, l: &Lex, caps_sentence: bool) -> bool {
        (caps_sentence || l.flags & FLAG_ALL_UPPER == 0)
            && self.buckets.get(&l.lower).is_some_and(|&b| b >= 3)
    }

    fn write(&self, out: &mut Vec<u8>) {
        let mut rows: Vec<(u64, u8)> = self.buckets.iter().map(|(&k, &b)| (k, b)).collect();
        rows.sort_unstable();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (k, b) in rows {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(b);
        }
    }

    fn read(r: &mut Reader<'_>) -> Result<Self, ModelError> {
        let n = r.count(9)?;
        let mut buckets = FeatureMap::default();
        buckets.reserve(n);
        for _ in 0..n {
            let k = r.u64()?;
            buckets.insert(k, r.u8()?);
        }
        Ok(CaseLexicon { buckets })
    }
}

#[derive(Default)]
pub struct NerScratch {
    features: Vec<u64>,
    scores: Vec<f32>,
    beam: BeamScratch,
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

    /// The label a word (by lowercase form) had earlier in the document.
    fn history(&self, lower: u64) -> u64 {
        self.seen.get(&lower).copied().unwrap_or(NO_LABEL)
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
        // Files from before #22's run features end here.
        let (runs, case) = if r.is_done() {
            (false, CaseLexicon::default())
        } else {
            (r.u8()? & 1 != 0, CaseLexicon::read(&mut r)?)
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
        let mut ner = Ner::with(model, &types, case);
        ner.stage2 = stage2;
        ner.runs = runs;
        Ok(ner)
    }

    fn with(model: Model, types: &[String], case: CaseLexicon) -> Ner {
        let types: Vec<&'static str> = types
            .iter()
            .map(|t| &*Box::leak(t.clone().into_boxed_str()))
            .collect();
        Ner {
            model,
            stage2: None,
            types,
            case,
            runs: true,
            beam: (FIRST_STAGE_WIDTH, BEAM_WIDTH),
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
        // A model without runs keeps the format from before them.
        if self.runs {
            payload.push(1);
            self.case.write(&mut payload);
        }
        model_file::encode(KIND, &payload)
    }

    /// Decodes both stages keeping `width` label sequences (1: greedy), to
    /// measure other widths than [`FIRST_STAGE_WIDTH`] and [`BEAM_WIDTH`].
    pub fn set_beam_width(&mut self, width: usize) {
        self.beam = (width.max(1), width.max(1));
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
        let fixed = fixed_features(doc, self.runs);
        let (first_width, width) = self.beam;
        let first = label_doc(&self.model, doc, &fixed, None, first_width, scratch);
        let labels = match &self.stage2 {
            Some(m) => {
                let aggs = aggregate(doc, &first, self.runs);
                label_doc(m, doc, &fixed, Some(&aggs), width, scratch)
            }
            None => first,
        };
        out.clear();
        out.extend(labels.iter().map(|l| spans_of(l)));
    }

    /// Whether word `i` of a sentence is usually written in lower case
    /// ("Summit", "Presidency", "Election"): news capitalises titles and
    /// events next to a name where CoNLL-2003 writes them in lower case.
    /// (Inside the NER, cutting such words off names, even only those seen
    /// in fewer than two training names, cost 0.8 F1 on the tune split.)
    pub fn is_common_word(&self, lexes: &[Lex], i: usize) -> bool {
        self.case.common_word(&lexes[i], is_caps_sentence(lexes))
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

/// Features of each token that depend on no label, per sentence: keys,
/// and each token's range of them.
type Fixed = Vec<(Vec<u64>, Vec<u32>)>;

/// Label sequences the second stage keeps while decoding at run time. The
/// models learn greedily and unconstrained; read greedily under the BILOU
/// constraints, a wrong first word forces its name on. More sequences let
/// the second-best start survive: tune split, both stages at one width,
/// 90.32 greedy, 92.47 at 2, 92.79 at 3, 92.95 at 4 (which costs the
/// example three names). A word's label-free features are scored once for
/// all sequences, so width 3 costs about what 2 did.
pub const BEAM_WIDTH: usize = 3;

/// Label sequences the first stage keeps. Its labels reach the second stage
/// only as document-wide votes (learnt from greedy labels); at 3 it drops a
/// name of uncertain type ("A Trump campaign source" is read as an ORG at
/// width 2, as nothing at 3) and the second stage follows. Tune split with
/// the second stage at 3: 92.00 (first at 1), 92.68 (2), 92.79 (3), 92.99
/// (4); only 2 and below keep the CLI fixtures' current names.
pub const FIRST_STAGE_WIDTH: usize = 2;

/// Labels for every sentence of a document with one model, keeping `width`
/// label sequences (1: greedy).
fn label_doc(
    model: &Model,
    doc: &PreparedDoc,
    fixed: &Fixed,
    aggs: Option<&[Vec<u64>]>,
    width: usize,
    scratch: &mut NerScratch,
) -> Vec<Vec<usize>> {
    let mut memory = DocMemory::default();
    scratch.scores.resize(model.n_classes, 0.0);
    let mut all = Vec::with_capacity(doc.sentences.len());
    for (si, (lexes, gaz)) in doc.sentences.iter().enumerate() {
        let sentence = Sentence {
            lexes,
            gaz,
            agg: aggs.map(|a| a[si].as_slice()),
            fixed: &fixed[si],
        };
        let mut labels = Vec::with_capacity(lexes.len());
        if width > 1 {
            beam_sentence(
                &sentence,
                &memory,
                width,
                model,
                &mut scratch.beam,
                &mut labels,
            );
        } else {
            label_sentence(
                &sentence,
                &memory,
                true,
                &mut labels,
                &mut scratch.features,
                &mut scratch.scores,
                |f, s| model.score(f, s),
                |_, _, _| {},
            );
        }
        remember(&mut memory, lexes, &labels);
        all.push(labels);
    }
    all
}

/// What the features of one sentence are read from.
struct Sentence<'a> {
    lexes: &'a [Lex],
    gaz: &'a [u64],
    agg: Option<&'a [u64]>,
    fixed: &'a (Vec<u64>, Vec<u32>),
}

/// Labels one sentence left to right: `score` fills the class scores of a
/// word's features, `learn` sees each scored word's index, features and
/// guess (training updates there). With `constrained`, decoding follows the
/// BILOU constraints and skips uncapitalised words outside names, as at run
/// time.
#[allow(clippy::too_many_arguments)]
fn label_sentence(
    s: &Sentence<'_>,
    memory: &DocMemory,
    constrained: bool,
    labels: &mut Vec<usize>,
    feats: &mut Vec<u64>,
    scores: &mut [f32],
    mut score: impl FnMut(&[u64], &mut [f32]),
    mut learn: impl FnMut(usize, &[u64], usize),
) {
    let caps = sentence_context(s.lexes);
    for i in 0..s.lexes.len() {
        // Outside a name, a word with no capital letter and no
        // gazetteer match starts no name (in CoNLL-2003 almost never):
        // it is O without scoring, which skips half the lookups.
        if constrained
            && labels.last().copied().is_none_or(closes)
            && !s.lexes[i].has_upper
            && s.gaz[i] == gazetteer::NO_MATCH
        {
            labels.push(0);
            continue;
        }
        full_features(s, memory, i, labels, caps, feats);
        score(feats, scores);
        let guess = if constrained {
            let last = labels.last().copied().unwrap_or(0);
            best_allowed(scores, last, i + 1 == s.lexes.len())
        } else {
            argmax(scores)
        };
        learn(i, feats, guess);
        labels.push(guess);
    }
}

/// A label sequence in the beam: its summed score and its last two labels
/// ([`NO_LABEL`] before the sentence). Its earlier labels are in
/// [`BeamScratch::trail`].
#[derive(Clone, Copy)]
struct Hyp {
    total: f32,
    last: u64,
    before: u64,
}

impl Hyp {
    /// The label the constraints read after it (O before the sentence).
    fn last_label(&self) -> usize {
        if self.last == NO_LABEL {
            0
        } else {
            self.last as usize
        }
    }

    fn then(&self, total: f32, label: usize) -> Hyp {
        Hyp {
            total,
            last: label as u64,
            before: self.last,
        }
    }
}

/// Buffers the beam reuses from word to word and sentence to sentence.
#[derive(Default)]
pub struct BeamScratch {
    hyps: Vec<Hyp>,
    next: Vec<Hyp>,
    /// Per word, `width` slots: the label of the sequence in that slot and
    /// its slot at the word before.
    trail: Vec<(usize, usize)>,
    /// The best extensions so far: (sum, sequence, label), best first.
    best: Vec<(f32, usize, usize)>,
    /// Class scores of each sequence, one after the other.
    scores: Vec<f32>,
    /// Each sequence's summed weights without its label pair's key.
    sums: Vec<Sums>,
    /// The word's keys that read no label.
    keys: Vec<u64>,
    /// Per sequence, the word's keys that read its last label.
    last_keys: Vec<([u64; LAST_KEYS], usize)>,
}

/// Labels one sentence keeping the `width` best label sequences under the
/// BILOU constraints, by their summed scores. A word that starts no name
/// (no capital, no gazetteer match) is O without scoring while every
/// sequence is outside a name, as in greedy decoding; when one is inside a
/// name, all are scored, so that their sums stay comparable.
fn beam_sentence(
    s: &Sentence<'_>,
    memory: &DocMemory,
    width: usize,
    model: &Model,
    beam: &mut BeamScratch,
    labels: &mut Vec<usize>,
) {
    let caps = sentence_context(s.lexes);
    let n = s.lexes.len();
    beam.hyps.clear();
    beam.hyps.push(Hyp {
        total: 0.0,
        last: NO_LABEL,
        before: NO_LABEL,
    });
    beam.trail.clear();
    for i in 0..n {
        let starts_none = !s.lexes[i].has_upper && s.gaz[i] == gazetteer::NO_MATCH;
        if starts_none && beam.hyps.iter().all(|h| closes(h.last_label())) {
            for (k, h) in beam.hyps.iter_mut().enumerate() {
                *h = h.then(h.total, 0);
                beam.trail.push((0, k));
            }
        } else {
            let hist = memory.history(s.lexes[i].lower);
            beam.score(s, i, hist, caps, model);
            beam.extend(width, i + 1 == n, model.n_classes);
        }
        beam.trail.resize((i + 1) * width, (0, 0));
    }
    // The best sequence is in slot 0; its labels, read back to front.
    labels.clear();
    labels.resize(n, 0);
    let mut slot = 0;
    for i in (0..n).rev() {
        let (label, back) = beam.trail[i * width + slot];
        labels[i] = label;
        slot = back;
    }
}

impl BeamScratch {
    /// Class scores of every sequence for word `i`. The features that read
    /// no label are scored once for all; only the few that read the
    /// previous labels are scored per sequence (weights are integers, so
    /// the sums are those of scoring all at once).
    fn score(&mut self, s: &Sentence<'_>, i: usize, hist: u64, caps: u64, model: &Model) {
        let t = token(s, i);
        let (agg_keys, n_agg) = agg_word_keys(s, i, &t);
        let (fixed, ends) = s.fixed;
        self.keys.clear();
        self.keys.extend_from_slice(&word_keys(s, i, hist, caps));
        self.keys.extend_from_slice(&agg_keys[..n_agg]);
        self.keys
            .extend_from_slice(&fixed[ends[i] as usize..ends[i + 1] as usize]);
        let n_hyps = self.hyps.len();
        // The keys that read the last label start loading for every
        // sequence before any is added, so that their misses overlap.
        self.last_keys.clear();
        for hyp in &self.hyps {
            let keys = last_label_keys(&t, hyp.last);
            model.prefetch_slots(&keys.0[..keys.1]);
            self.last_keys.push(keys);
        }
        let mut word = Sums::default();
        model.add_keys(&self.keys, &mut word);
        let nc = model.n_classes;
        self.scores.resize(n_hyps * nc, 0.0);
        self.sums.resize(n_hyps, Sums::default());
        for (h, hyp) in self.hyps.iter().enumerate() {
            // Sequences ending in the same two labels score the same; those
            // ending in the same label differ only by the label pair's key.
            let earlier = &self.hyps[..h];
            if let Some(e) = earlier
                .iter()
                .position(|e| e.last == hyp.last && e.before == hyp.before)
            {
                self.scores.copy_within(e * nc..(e + 1) * nc, h * nc);
                continue;
            }
            match earlier.iter().position(|e| e.last == hyp.last) {
                Some(e) => self.sums[h] = self.sums[e].clone(),
                None => {
                    self.sums[h] = word.clone();
                    let (keys, n) = &self.last_keys[h];
                    model.add_keys(&keys[..*n], &mut self.sums[h]);
                }
            }
            let mut sums = self.sums[h].clone();
            model.add_keys(&[label_pair_key(hyp.last, hyp.before)], &mut sums);
            model.scale_sums(&sums, &mut self.scores[h * nc..(h + 1) * nc]);
        }
    }

    /// Keeps the `width` best allowed extensions of the sequences, and
    /// records their labels in the trail.
    fn extend(&mut self, width: usize, last_word: bool, nc: usize) {
        self.best.clear();
        for (h, hyp) in self.hyps.iter().enumerate() {
            let last = hyp.last_label();
            for c in 0..nc {
                if allowed(last, c) && (!last_word || closes(c)) {
                    let sum = hyp.total + self.scores[h * nc + c];
                    keep_best(&mut self.best, width, (sum, h, c));
                }
            }
        }
        self.next.clear();
        for &(total, h, c) in &self.best {
            self.next.push(self.hyps[h].then(total, c));
            self.trail.push((c, h));
        }
        std::mem::swap(&mut self.hyps, &mut self.next);
    }
}

/// Inserts an extension into `best` (at most `width`, best first) if it is
/// among the best. Among equal sums the one offered first stays first, as a
/// stable sort of all extensions would leave them (greedy decoding too
/// prefers the earlier class).
fn keep_best(best: &mut Vec<(f32, usize, usize)>, width: usize, x: (f32, usize, usize)) {
    let at = best.partition_point(|b| b.0.total_cmp(&x.0) != std::cmp::Ordering::Less);
    if at < width {
        if best.len() == width {
            best.pop();
        }
        best.insert(at, x);
    }
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
fn aggregate(doc: &PreparedDoc, labels: &[Vec<usize>], runs: bool) -> Vec<Vec<u64>> {
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
    let runs = if runs {
        run_aggregate(doc, labels)
    } else {
        doc.sentences
            .iter()
            .map(|(l, _)| vec![0; l.len()])
            .collect()
    };
    doc.sentences
        .iter()
        .zip(runs)
        .map(|((lexes, _), runs)| {
            lexes
                .iter()
                .zip(runs)
                .map(|(lx, run)| {
                    let c = counts[&lx.lower];
                    let (best_t, best_n) = (1..8).map(|t| (t, c[t])).max_by_key(|x| x.1).unwrap();
                    let run = run << 32;
                    if best_n == 0 {
                        return run | u64::from(c[0].min(3));
                    }
                    let bucket = if best_n == c[0] {
                        3
                    } else if best_n * 2 > c[0] {
                        2
                    } else {
                        1
                    };
                    run | ((best_t as u64) << 8) | (bucket << 4) | u64::from(c[0].min(3))
                })
                .collect()
        })
        .collect()
}

/// For each token in a capitalised run, how the first stage labelled every
/// occurrence of the same run in the document: majority type, consistency,
/// occurrences and position (0 outside runs).
fn run_aggregate(doc: &PreparedDoc, labels: &[Vec<usize>]) -> Vec<Vec<u64>> {
    let key = |lexes: &[Lex], (s, e): (usize, usize)| {
        lexes[s..e]
            .iter()
            .fold(Feature::new(1700), |h, l| h.u(l.lower))
            .finish()
    };
    let mut counts: FeatureMap<[u16; 8]> = FeatureMap::default();
    let runs: Vec<Vec<(usize, usize)>> = doc
        .sentences
        .iter()
        .map(|(l, _)| capitalised_runs(l))
        .collect();
    for (((lexes, _), ls), rs) in doc.sentences.iter().zip(labels).zip(&runs) {
        for &r in rs {
            let c = counts.entry(key(lexes, r)).or_insert([0; 8]);
            c[0] = c[0].saturating_add(1);
            // The type of the run's last word stands for the run.
            let l = ls[r.1 - 1];
            if l != 0 {
                let t = 1 + ((l - 1) / 4).min(6);
                c[t] = c[t].saturating_add(1);
            }
        }
    }
    doc.sentences
        .iter()
        .zip(&runs)
        .map(|((lexes, _), rs)| {
            let mut out = vec![0u64; lexes.len()];
            for &(s, e) in rs {
                let c = counts[&key(lexes, (s, e))];
                let (best_t, best_n) = (1..8).map(|t| (t, c[t])).max_by_key(|x| x.1).unwrap();
                let bucket = if best_n == 0 {
                    0
                } else if best_n == c[0] {
                    3
                } else if best_n * 2 > c[0] {
                    2
                } else {
                    1
                };
                for (i, o) in out.iter_mut().enumerate().take(e).skip(s) {
                    let pos = run_position(i, s, e);
                    *o = 1
                        | ((best_t as u64) << 1)
                        | (bucket << 5)
                        | (u64::from(c[0].min(3)) << 7)
                        | (pos << 9);
                }
            }
            out
        })
        .collect()
}

/// Position of token `i` in the run `s..e`: 0 begin, 1 inside, 2 last, 3 unit.
fn run_position(i: usize, s: usize, e: usize) -> u64 {
    if e - s == 1 {
        3
    } else if i == s {
        0
    } else if i + 1 == e {
        2
    } else {
        1
    }
}

/// Features of each token that no label changes, per sentence: for a token
/// in a run of capitalised words, the whole run ("Sale", "Wasps"), its first
/// and last words (heads like "Corp", "United"), its length and the last
/// word's suffix, each with the token's position in the run.
fn fixed_features(doc: &PreparedDoc, runs: bool) -> Fixed {
    let f = |t: u16| Feature::new(500 + t);
    doc.sentences
        .iter()
        .map(|(lexes, _)| {
            let caps = sentence_context(lexes);
            let edge = caps << 1;
            let mut keys = Vec::new();
            let mut ends = vec![0u32; lexes.len() + 1];
            let runs = if runs {
                capitalised_runs(lexes)
            } else {
                Vec::new()
            };
            let mut runs = runs.into_iter().peekable();
            for i in 0..lexes.len() {
                while runs.peek().is_some_and(|&(_, e)| e <= i) {
                    runs.next();
                }
                if let Some(&(s, e)) = runs.peek().filter(|&&(s, _)| s <= i) {
                    let pos = run_position(i, s, e);
                    let whole = lexes[s..e].iter().fold(f(80), |h, l| h.u(l.lower));
                    keys.extend_from_slice(&[
                        whole.u(pos).finish(),
                        f(81).u(lexes[e - 1].lower).u(pos).u(caps).finish(),
                        f(82).u(lexes[s].lower).u(pos).u(caps).finish(),
                        f(83)
                            .u((e - s).min(5) as u64)
                            .u(pos)
                            .u(edge | u64::from(i == 0))
                            .finish(),
                        f(84).u(lexes[e - 1].suffix3).u(pos).finish(),
                    ]);
                }
                ends[i + 1] = keys.len() as u32;
            }
            (keys, ends)
        })
        .collect()
}

/// Maximal runs `(start, end)` of tokens with a capital letter. (Leaving
/// out of runs the words usually written in lower case, so that "Summit"
/// joins no name, cost 1.4 F1 on the tune split.)
fn capitalised_runs(lexes: &[Lex]) -> Vec<(usize, usize)> {
    let in_run = |l: &Lex| l.has_upper;
    let mut runs = Vec::new();
    let mut i = 0;
    while i < lexes.len() {
        if in_run(&lexes[i]) {
            let s = i;
            while i < lexes.len() && in_run(&lexes[i]) {
                i += 1;
            }
            runs.push((s, i));
        } else {
            i += 1;
        }
    }
    runs
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
    let alpha = lex.iter().filter(|l| l.flags & FLAG_ALL_PUNCT == 0).count();
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

/// What word `i`'s features read besides the previous labels.
#[derive(Clone, Copy)]
struct Token {
    w: Lex,
    /// The word's gazetteer match.
    g: u64,
    /// With a second stage: the word's document aggregate and its run's
    /// (0 outside runs).
    agg: Option<(u64, u64)>,
}

fn gaz_at(gaz: &[u64], k: isize) -> u64 {
    if k < 0 {
        u64::MAX - 1
    } else {
        gaz.get(k as usize).copied().unwrap_or(u64::MAX - 2)
    }
}

/// Low 32 bits of an aggregate: the word's; high bits: its run's.
fn agg_at(agg: &[u64], k: isize) -> u64 {
    if k < 0 {
        u64::MAX - 1
    } else {
        agg.get(k as usize)
            .map_or(u64::MAX - 2, |x| x & 0xFFFF_FFFF)
    }
}

fn token(s: &Sentence<'_>, i: usize) -> Token {
    let agg = s.agg.map(|agg| {
        let run = agg.get(i).map_or(0, |x| x >> 32);
        (agg_at(agg, i as isize), run)
    });
    Token {
        w: at(s.lexes, i as isize),
        g: gaz_at(s.gaz, i as isize),
        agg,
    }
}

/// How many of a word's templates read no label, and how many read the
/// previous labels (15-18, 24, 37).
const WORD_KEYS: usize = 38;
const LABEL_KEYS: usize = 6;

fn template(t: u16) -> Feature {
    Feature::new(500 + t)
}

/// Keys of the templates that read only the words (0-14, 19-23, 25-36, 38,
/// 60-64), in template order.
fn word_keys(s: &Sentence<'_>, i: usize, hist: u64, caps: u64) -> [u64; WORD_KEYS] {
    let (lex, gaz) = (s.lexes, s.gaz);
    let g = |k: isize| gaz_at(gaz, k);
    let i = i as isize;
    let (w, p1, p2, n1, n2) = (
        at(lex, i),
        at(lex, i - 1),
        at(lex, i - 2),
        at(lex, i + 1),
        at(lex, i + 2),
    );
    let f = template;
    [
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
        f(19).u(w.row).finish(),
        f(20).u(w.fine).finish(),
        f(21).u(w.coarse).finish(),
        f(22).u(p1.fine).finish(),
        f(23).u(n1.fine).finish(),
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
        f(38).u(g(i)).u(w.lower).finish(),
        f(60).u(p2.lower).u(p1.lower).finish(),
        f(61).u(p1.lower).u(w.lower).u(n1.lower).finish(),
        f(62).u(n1.lower).u(n2.lower).finish(),
        f(63).u(g(i - 2)).finish(),
        f(64).u(g(i + 2)).finish(),
    ]
}

/// Keys of the templates that read the two previous labels, in template
/// order.
fn label_keys(t: &Token, prev: u64, prev2: u64) -> [u64; LABEL_KEYS] {
    let f = template;
    [
        f(15).u(prev).finish(),
        label_pair_key(prev, prev2),
        f(17).u(prev).u(t.w.lower).finish(),
        f(18).u(prev).u(t.w.shape).finish(),
        f(24).u(prev).u(t.w.fine).finish(),
        f(37).u(t.g).u(prev).finish(),
    ]
}

fn label_pair_key(prev: u64, prev2: u64) -> u64 {
    template(16).u(prev).u(prev2).finish()
}

/// Most keys of word `i` that read the previous labels: all but the label
/// pair's read only the last label (15, 17, 18, 24, 37, then 44 and 52 in
/// the second stage), and how many there are.
const LAST_KEYS: usize = LABEL_KEYS + 1;

fn last_label_keys(t: &Token, prev: u64) -> ([u64; LAST_KEYS], usize) {
    let l = label_keys(t, prev, NO_LABEL);
    let (agg, n_agg) = agg_label_keys(t, prev);
    let mut keys = [l[0], l[2], l[3], l[4], l[5], 0, 0];
    keys[5..5 + n_agg].copy_from_slice(&agg[..n_agg]);
    (keys, 5 + n_agg)
}

/// The second stage's keys that read no label: the document aggregates of
/// the word and its neighbours (40-43, 45), then its run's (51) when it is
/// in one. Returns the keys and how many there are (0 in the first stage).
fn agg_word_keys(s: &Sentence<'_>, i: usize, t: &Token) -> ([u64; 6], usize) {
    let (Some(agg), Some((a, run))) = (s.agg, t.agg) else {
        return ([0; 6], 0);
    };
    let f = template;
    let i = i as isize;
    let keys = [
        f(40).u(a).finish(),
        f(41).u(a).u(t.w.shape).finish(),
        f(42).u(agg_at(agg, i - 1)).finish(),
        f(43).u(agg_at(agg, i + 1)).finish(),
        f(45).u(a).u(t.g).finish(),
        f(51).u(run).finish(),
    ];
    (keys, if run != 0 { 6 } else { 5 })
}

/// The second stage's keys that read the previous label (44, then 52 in a
/// run), and how many there are.
fn agg_label_keys(t: &Token, prev: u64) -> ([u64; 2], usize) {
    let Some((a, run)) = t.agg else {
        return ([0; 2], 0);
    };
    let keys = [
        template(44).u(a).u(prev).finish(),
        template(52).u(run).u(prev).finish(),
    ];
    (keys, if run != 0 { 2 } else { 1 })
}

/// Every key of word `i` in template order (training sums float weights
/// in this order, so it stays as it was).
fn features(
    s: &Sentence<'_>,
    i: usize,
    prev: u64,
    prev2: u64,
    hist: u64,
    context: u64,
    out: &mut Vec<u64>,
) {
    let t = token(s, i);
    let w = word_keys(s, i, hist, context);
    let l = label_keys(&t, prev, prev2);
    out.clear();
    out.extend_from_slice(&w[..15]);
    out.extend_from_slice(&l[..4]);
    out.extend_from_slice(&w[15..20]);
    out.push(l[4]);
    out.extend_from_slice(&w[20..32]);
    out.push(l[5]);
    out.extend_from_slice(&w[32..]);
    let (aw, n_word) = agg_word_keys(s, i, &t);
    let (al, _) = agg_label_keys(&t, prev);
    if n_word > 0 {
        out.extend_from_slice(&aw[..4]);
        out.extend_from_slice(&[al[0], aw[4]]);
    }
    if n_word == 6 {
        out.extend_from_slice(&[aw[5], al[1]]);
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
/// documents it did not see (jackknifed over `folds`), as at run time,
/// decoded keeping `jackknife_width` label sequences (1: greedy, as the
/// committed model; 4 scored tune 93.31, but that model loses names in
/// current news: example 0.921, identity 12 of 14). The perceptron itself
/// learns greedily and unconstrained (early updates against a beam of 4
/// scored 92.70 on the tune split, against 92.95; removed in session 18).
#[allow(clippy::too_many_arguments)]
pub fn train(
    train: &[ConllDoc],
    dev: &[ConllDoc],
    clusters: Option<&Clusters>,
    gazetteer: Option<&Gazetteer>,
    runs: bool,
    mut case_counts: CaseCounts,
    jackknife_width: usize,
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
    for d in &prepared {
        for (lexes, _) in &d.sentences {
            case_counts.add_lexes(lexes);
        }
    }
    let case = if runs {
        case_counts.finish()
    } else {
        CaseLexicon::default()
    };
    log(&format!("case lexicon: {} words", case.buckets.len()));
    let fixed: Vec<Fixed> = prepared.iter().map(|d| fixed_features(d, runs)).collect();
    let n_classes = 1 + 4 * types.len();
    let all: Vec<usize> = (0..train.len()).collect();
    let stage = |aggs: Option<&[Vec<Vec<u64>>]>, docs: &[usize]| {
        train_stage(
            &prepared, &fixed, &gold, aggs, docs, n_classes, epochs, seed,
        )
    };
    let stage1 = stage(None, &all);
    let mut ner = Ner::with(stage1, &types, case);
    ner.runs = runs;
    log_score(&mut log, "stage 1", &ner, dev, clusters, gazetteer);
    // Jackknifed stage-1 labels for the training documents.
    const FOLDS: usize = 4;
    let mut scratch = NerScratch::default();
    let mut aggs: Vec<Vec<Vec<u64>>> = vec![Vec::new(); train.len()];
    for k in 0..FOLDS {
        let rest: Vec<usize> = all.iter().copied().filter(|i| i % FOLDS != k).collect();
        let model = stage(None, &rest);
        for i in all.iter().copied().filter(|i| i % FOLDS == k) {
            let labels = label_doc(
                &model,
                &prepared[i],
                &fixed[i],
                None,
                jackknife_width.max(1),
                &mut scratch,
            );
            aggs[i] = aggregate(&prepared[i], &labels, runs);
        }
        log(&format!("jackknife fold {}/{FOLDS}", k + 1));
    }
    ner.stage2 = Some(stage(Some(&aggs), &all));
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

#[allow(clippy::too_many_arguments)]
fn train_stage(
    docs: &[PreparedDoc],
    fixed: &[Fixed],
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
    let mut pred = Vec::new();
    for _ in 0..epochs {
        shuffle(&mut order, &mut rng);
        for &di in &order {
            memory.clear();
            for (si, ((lexes, gaz), gold)) in docs[di].sentences.iter().zip(&gold[di]).enumerate() {
                let sentence = Sentence {
                    lexes,
                    gaz,
                    agg: aggs.map(|a| a[di][si].as_slice()),
                    fixed: &fixed[di][si],
                };
                let trainer = std::cell::RefCell::new(&mut trainer);
                pred.clear();
                label_sentence(
                    &sentence,
                    &memory,
                    // Unconstrained: training with the run-time constraints
                    // and shortcut cost 3.1 F1 on the tune split (87.22).
                    false,
                    &mut pred,
                    &mut feats,
                    &mut scores,
                    |f, s| trainer.borrow().score(f, s),
                    |i, f, guess| {
                        let mut t = trainer.borrow_mut();
                        t.tick();
                        t.update(f, gold[i], guess, 1.0);
                    },
                );
                remember(&mut memory, lexes, &pred);
            }
        }
    }
    trainer.compile(MIN_UPDATES, 0.0)
}

/// Every key of word `i` after the labels `before` it.
fn full_features(
    s: &Sentence<'_>,
    memory: &DocMemory,
    i: usize,
    before: &[usize],
    caps: u64,
    out: &mut Vec<u64>,
) {
    let prev = before.last().map_or(NO_LABEL, |&l| l as u64);
    let prev2 = if i >= 2 {
        before[i - 2] as u64
    } else {
        NO_LABEL
    };
    let hist = memory.history(s.lexes[i].lower);
    features(s, i, prev, prev2, hist, caps, out);
    let (keys, ends) = s.fixed;
    out.extend_from_slice(&keys[ends[i] as usize..ends[i + 1] as usize]);
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
    fn a_case_lexicon_count_beyond_the_payload_is_a_typed_error() {
        let mut bytes = u32::MAX.to_le_bytes().to_vec();
        bytes.extend_from_slice(&[0; 9]);
        assert!(matches!(
            CaseLexicon::read(&mut Reader::new(&bytes)),
            Err(ModelError::Corrupt(_))
        ));
    }

    #[test]
    fn case_lexicon_counts_words_away_from_sentence_starts() {
        let mut counts = CaseCounts::default();
        for s in [
            "The leaders met at the summit in London .",
            "After the summit , the Summit Hotel closed .",
            "Leaders of the alliance said the summit had ended .",
            "THE SUMMIT ENDS IN LONDON .",
            "They flew to London .",
        ] {
            counts.add_sentence(s.split(' '));
        }
        let case = counts.finish();
        let bucket = |w: &str| case.bucket(lex(w, None).lower);
        // "summit": 3 lower, 1 capitalised; "London": twice, capitalised;
        // "The"/"After"/"Leaders" only start sentences; "alliance" once.
        assert_eq!(bucket("Summit"), 3);
        assert_eq!(bucket("london"), 1);
        assert_eq!(bucket("after"), 0);
        assert_eq!(bucket("alliance"), 0);
        assert_eq!(bucket("the"), 4);
        assert!(case.common_word(&lex("Summit", None), false));
        assert!(!case.common_word(&lex("SUMMIT", None), false));
        assert!(case.common_word(&lex("SUMMIT", None), true));
        assert!(!case.common_word(&lex("London", None), false));
    }

    #[test]
    fn runs_of_capitalised_words() {
        let words = [
            "Sale", "31", "London", "Wasps", "33", "at", "Heywood", "Road",
        ];
        let lexes: Vec<Lex> = words.iter().map(|w| lex(w, None)).collect();
        assert_eq!(capitalised_runs(&lexes), vec![(0, 1), (2, 4), (6, 8)]);
    }

    /// Scoring a word's label-free features once and only the label
    /// features per sequence gives each sequence the scores of all its
    /// features at once (second stage, runs on: every kind of key), for
    /// sequences that share their last labels and ones that do not.
    #[test]
    fn the_beam_scores_each_sequence_as_its_full_features_would() {
        let text = "-DOCSTART- -X- -X- O\n\nJens NNP B-NP B-PER\nStoltenberg NNP I-NP I-PER\n\
            met VBD B-VP O\nJoe NNP B-NP B-PER\nBiden NNP I-NP I-PER\nin IN B-PP O\n\
            Washington NNP B-NP B-LOC\n. . O O\n\nStoltenberg NNP B-NP B-PER\nthanked VBD B-VP O\n\
            NATO NNP B-NP B-ORG\nin IN B-PP O\nWashington NNP B-NP B-LOC\n. . O O\n";
        let docs = parse_conll(text);
        let ner = train(
            &docs,
            &[],
            None,
            None,
            true,
            CaseCounts::default(),
            3,
            3,
            7,
            |_| {},
        );
        let words = docs[0]
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str));
        let doc = PreparedDoc::new(words, None, None);
        let fixed = fixed_features(&doc, true);
        let first = label_doc(
            &ner.model,
            &doc,
            &fixed,
            None,
            3,
            &mut NerScratch::default(),
        );
        let aggs = aggregate(&doc, &first, true);
        let model = ner.stage2.as_ref().unwrap();
        let (lexes, gaz) = &doc.sentences[0];
        let s = Sentence {
            lexes,
            gaz,
            agg: Some(&aggs[0]),
            fixed: &fixed[0],
        };
        let mut beam = BeamScratch::default();
        let histories = [(NO_LABEL, NO_LABEL), (0, 1), (1, 2), (0, 0), (2, 1), (0, 1)];
        beam.hyps = histories
            .iter()
            .map(|&(last, before)| Hyp {
                total: 0.0,
                last,
                before,
            })
            .collect();
        let (caps, nc) = (sentence_context(lexes), model.n_classes);
        let (mut feats, mut want) = (Vec::new(), vec![0f32; nc]);
        let mut nonzero = false;
        for i in 0..lexes.len() {
            beam.score(&s, i, NO_LABEL, caps, model);
            for (h, hyp) in beam.hyps.iter().enumerate() {
                features(&s, i, hyp.last, hyp.before, NO_LABEL, caps, &mut feats);
                let (keys, ends) = &fixed[0];
                feats.extend_from_slice(&keys[ends[i] as usize..ends[i + 1] as usize]);
                model.score(&feats, &mut want);
                assert_eq!(
                    &beam.scores[h * nc..(h + 1) * nc],
                    &want[..],
                    "word {i}, sequence {h}"
                );
                nonzero |= want.iter().any(|&x| x != 0.0);
            }
        }
        assert!(nonzero);
    }

    /// The best extensions are kept best first; among equal sums the one
    /// offered first, as a stable sort would leave them.
    #[test]
    fn keep_best_is_a_stable_top_k() {
        let mut best = Vec::new();
        for (i, sum) in [1.0, 3.0, 2.0, 3.0, 0.5, 2.0].into_iter().enumerate() {
            keep_best(&mut best, 3, (sum, i, 0));
        }
        let order: Vec<usize> = best.iter().map(|b| b.1).collect();
        assert_eq!(order, vec![1, 3, 2]);
    }

    #[test]
    fn bilou_constraints() {
        // O=0, PER: B=1 I=2 L=3 U=4
        assert!(allowed(0, 1) && allowed(0, 4) && !allowed(0, 2) && !allowed(0, 3));
        assert!(allowed(1, 2) && allowed(1, 3) && !allowed(1, 0) && !allowed(1, 5));
        assert!(allowed(3, 0) && allowed(4, 1));
    }
}
