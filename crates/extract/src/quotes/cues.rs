//! The cue lexicon (`models/cues.tsv`): which verb forms, in which syntactic frame, introduce
//! reported speech often enough to count as cues.

use super::*;

/// Reporting words, learned per syntactic frame: how often a verb form in
/// that frame was a cue in PolNeAR train (`dossier train cues`). "reports"
/// with a `that` clause is a cue; "avoided" with an object is not.
pub struct CueLexicon {
    /// `word \t frame` → (as cue, occurrences); frame `*` sums all frames.
    pub(super) counts: HashMap<String, (u32, u32)>,
}

/// A candidate is a cue when at least this share of its training
/// occurrences in the same frame were cues...
pub(super) const MIN_CUE_RATIO: f32 = 0.30;

/// ...counted over at least this many occurrences (else the word's figure
/// over all frames is used).
pub(super) const MIN_FRAME_COUNT: u32 = 4;

impl CueLexicon {
    /// Reads `word \t frame \t as_cue \t occurrences` lines; `#` starts a comment.
    pub fn from_tsv(tsv: &str) -> Self {
        let mut counts = HashMap::new();
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            let (Some(w), Some(frame), Some(c), Some(n)) = (f.next(), f.next(), f.next(), f.next())
            else {
                continue;
            };
            let (Ok(c), Ok(n)) = (c.parse::<u32>(), n.parse::<u32>()) else {
                continue;
            };
            counts.insert(format!("{w}\t{frame}"), (c, n));
        }
        CueLexicon { counts }
    }

    /// The share of training occurrences of `word` in `frame` that were cues.
    pub fn ratio(&self, word: &str, frame: Frame) -> f32 {
        let w = cue_key(word);
        let get = |f: &str| self.counts.get(&format!("{w}\t{f}")).copied();
        match get(frame.as_str())
            .filter(|&(_, n)| n >= MIN_FRAME_COUNT)
            .or_else(|| get("*"))
        {
            Some((c, n)) if n > 0 => c as f32 / n as f32,
            _ => 0.0,
        }
    }

    pub(super) fn is_cue(&self, word: &str, frame: Frame) -> bool {
        self.ratio(word, frame) >= MIN_CUE_RATIO
    }

    /// Whether `noun` names speakers: it headed a gold source at least twice,
    /// in at least a fifth of its uses as a source head or a subject
    /// ("spokesman", "officials", "poll"; not "streets" or "language").
    pub fn is_speaker_noun(&self, noun: &str) -> bool {
        self.counts
            .get(&format!("{}\tspeaker", cue_key(noun)))
            .is_some_and(|&(c, n)| c >= 2 && c * 5 >= n)
    }

    /// Whether training never saw `word` as a cue at all.
    pub(super) fn is_unknown(&self, word: &str) -> bool {
        !self.counts.contains_key(&format!("{}\t*", cue_key(word)))
    }
}

/// Whether the verb form at token `c` is a speech cue in the class lexicon.
pub(super) fn is_speech_verb(doc: &Document, c: usize) -> bool {
    is_speech_cue(doc, doc.tokens[c].span)
}

/// Whether a cue span ("has said", ":") is a speech cue in the class lexicon.
pub(super) fn is_speech_cue(doc: &Document, cue: Span) -> bool {
    CueClasses::english().of_phrase(doc.span_text(cue)) == CueClass::Speech
}

/// The lexicon's form of a word.
pub fn cue_key(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}

/// How a candidate cue sits in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// It governs a clause: "said that …", "told reporters …".
    Clause,
    /// It hangs off the clause it reports, or closes a quote: "…, he said".
    Tag,
    /// It has an object or oblique but no clause: "denied the report".
    Object,
    /// None of these.
    Bare,
}

impl Frame {
    pub const ALL: [Frame; 4] = [Frame::Clause, Frame::Tag, Frame::Object, Frame::Bare];

    pub fn as_str(self) -> &'static str {
        match self {
            Frame::Clause => "clause",
            Frame::Tag => "tag",
            Frame::Object => "object",
            Frame::Bare => "bare",
        }
    }
}

/// Whether token `c` could be a cue at all: a verb, or "according (to)", or
/// a noun the tagger put at the root (a verb it mistook: "The Post reports …").
pub fn is_candidate(doc: &Document, c: usize) -> bool {
    let t = &doc.tokens[c];
    match t.pos {
        Some(Upos::Verb) => true,
        Some(Upos::Noun) => t.dep == Some(Dep::Root),
        _ => false,
    }
}

/// The frame of token `c` in the sentence with tokens `[a, b)`.
pub fn frame(doc: &Document, c: usize, a: usize, b: usize) -> Frame {
    let dep = |j: usize| doc.tokens[j].dep;
    if closing_mark_before(doc, c, a, b).is_some() {
        return Frame::Tag;
    }
    if opening_mark_after(doc, c, b).is_some() {
        return Frame::Clause;
    }
    if children(doc, a, b, c).any(|j| {
        matches!(dep(j), Some(Dep::Ccomp | Dep::Parataxis)) || (dep(j) == Some(Dep::Xcomp) && j > c)
    }) {
        return Frame::Clause;
    }
    let d = dep(c);
    let quoted_before = (a..c).any(|j| is_close_mark(doc.span_text(doc.tokens[j].span)));
    if d == Some(Dep::Parataxis)
        || (d == Some(Dep::Root) && quoted_before)
        || (d == Some(Dep::Root) && c + 2 >= b && c > a + 3)
    {
        return Frame::Tag;
    }
    if children(doc, a, b, c)
        .any(|j| j > c && matches!(dep(j), Some(Dep::Obj | Dep::Obl | Dep::Iobj | Dep::Advcl)))
    {
        return Frame::Object;
    }
    Frame::Bare
}
