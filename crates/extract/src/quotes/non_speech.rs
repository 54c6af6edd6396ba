//! Reports that are no one's words, and contents that are no report: a
//! speech cue as a possibility or an act that never happened, a speech verb
//! whose subject is evidence or a cause, and a content piece that holds only
//! the cue's adjuncts (where and when it was said, who agreed with it).

use dossier_core::{Dep, Upos, Xpos};
use dossier_core::{Document, EntityType, Span};

use super::{cue_verb, is_close_mark, is_open_mark, is_punct, CueLexicon, HEARER_CUES};
use crate::cue_classes::CueClasses;
use crate::tree::{children, is_by_phrase, sentence_index_at, subtree};

/// The sentence's token range around token `i`.
fn sentence_of(doc: &Document, i: usize) -> (usize, usize) {
    doc.sentences[sentence_index_at(doc, doc.tokens[i].span.start)].tokens
}

fn word(doc: &Document, i: usize) -> String {
    doc.span_text(doc.tokens[i].span).to_lowercase()
}

fn dep(doc: &Document, i: usize) -> Option<Dep> {
    doc.tokens[i].dep
}

/// Modals of possibility: "some might call it", "the US can argue", "we can
/// blame": what could be said, not what was ("will" and "would" also tell
/// of a planned or a habitual report, and stay).
const POSSIBILITY_MODALS: &[&str] = &["can", "could", "might", "may"];

/// Whether the verb of cue span `cue` is governed by a modal of possibility.
pub(super) fn is_possibility(doc: &Document, cue: Span) -> bool {
    let Some(v) = cue_verb(doc, cue) else {
        return false;
    };
    let (a, b) = sentence_of(doc, v);
    // As written: a capital "May" opening a line is more often the month.
    let modal = |k: usize| POSSIBILITY_MODALS.contains(&doc.span_text(doc.tokens[k].span));
    children(doc, a, b, v).any(|k| dep(doc, k) == Some(Dep::Aux) && modal(k))
}

/// Whether the cue is a gerund under a preposition that says the act did
/// not happen: "travelled without telling his parents", "instead of
/// warning Erdoğan off …", "rather than announcing …".
pub(super) fn is_unrealised(doc: &Document, cue: Span) -> bool {
    let Some(v) = cue_verb(doc, cue) else {
        return false;
    };
    if doc.tokens[v].tag != Some(Xpos::Vbg) {
        return false;
    }
    // Past adverbs between the preposition and the gerund ("without ever telling").
    let mut p = v;
    while p > 0 && doc.tokens[p - 1].pos == Some(Upos::Adv) {
        p -= 1;
    }
    let before = |n: usize| {
        if p >= n {
            word(doc, p - n)
        } else {
            String::new()
        }
    };
    before(1) == "without"
        || matches!(
            (before(2).as_str(), before(1).as_str()),
            ("instead", "of") | ("rather", "than")
        )
}

/// Speech verbs whose subject may as well be evidence or a cause as a
/// speaker (Levin's verbs of communication that double as verbs of
/// indicating or causing): "Current intelligence suggests …", "the gunfire
/// echoing across the area", "a potential withdrawal has added urgency",
/// "History repeated itself".
const EVIDENCE_OR_SPEECH: &[&str] = &[
    "suggest", "imply", "signal", "reveal", "echo", "add", "repeat",
];

/// Whether cue span `cue` is such a verb with a subject that is no speaker:
/// its head is no name, pronoun or noun that PolNeAR's sources use
/// ("officials", "the report"), and no name of a person, organisation,
/// country or people, nor has one in apposition ("the commentator Yavuz
/// Baydar"). Only for a report without quotation marks: marked words are
/// someone's ("Robinson's father … added: “…”").
pub(super) fn has_evidence_subject(doc: &Document, cues: &CueLexicon, cue: Span) -> bool {
    let Some(v) = cue_verb(doc, cue) else {
        return false;
    };
    let lemma = CueClasses::english().of_word(&word(doc, v)).map(|(_, l)| l);
    if !lemma.is_some_and(|l| EVIDENCE_OR_SPEECH.contains(&l)) {
        return false;
    }
    let (a, b) = sentence_of(doc, v);
    let Some(s) = children(doc, a, b, v).find(|&k| dep(doc, k) == Some(Dep::Nsubj)) else {
        return false;
    };
    let named_beside = children(doc, a, b, s).any(|k| {
        matches!(dep(doc, k), Some(Dep::Appos | Dep::Flat | Dep::Compound))
            && speaker_head(doc, cues, k)
    });
    !speaker_head(doc, cues, s) && !named_beside
}

/// Whether token `h`, a subject's head, can name a speaker.
fn speaker_head(doc: &Document, cues: &CueLexicon, h: usize) -> bool {
    let t = doc.tokens[h].span;
    let named = doc.mentions.iter().any(|m| {
        m.span.start <= t.start
            && t.end <= m.span.end
            && matches!(
                m.ty,
                EntityType::Person | EntityType::Org | EntityType::Gpe | EntityType::Norp
            )
    });
    named
        || matches!(doc.tokens[h].pos, Some(Upos::Propn | Upos::Pron))
        || cues.is_speaker_noun(doc.span_text(t))
}

/// Prepositions whose phrase is what a cue reports: "warned of …", "called
/// for …", "warned against …", "hinted at …", "praised them as …".
const CONTENT_PREPOSITIONS: &[&str] = &["of", "for", "against", "at", "as"];

/// Verbs whose object is their hearer, beyond the "tell" kind: "asked El
/// Hindawi about …", "called Canadian diplomats from prison" (but "called
/// it a red line": a hearer only beside another adjunct).
const ADDRESSING_CUES: &[&str] = &[
    "ask", "asks", "asked", "asking", "call", "calls", "called", "calling",
];

/// Whether content piece `[lo, hi)` of cue `c` holds nothing but the cue's
/// adjuncts: a "by" agent ("was revealed by ITV News on Friday"), phrases
/// of place, time, manner or topic with no verb ("said in a speech in
/// Ankara", "wrote on the apparent hierarchy of suffering"), and the hearer
/// of a verb that has one ("told me from her frontline position"). What
/// was said lies elsewhere, or nowhere.
pub(super) fn only_adjuncts(doc: &Document, c: usize, (lo, hi): (usize, usize)) -> bool {
    let (a, b) = sentence_of(doc, c);
    let marked = (lo..hi).any(|i| {
        let w = doc.span_text(doc.tokens[i].span);
        is_open_mark(w) || is_close_mark(w)
    });
    if marked || (lo..hi).all(|i| is_punct(doc, i)) {
        return false;
    }
    let cue_word = word(doc, c);
    let addressed =
        HEARER_CUES.contains(&cue_word.as_str()) || ADDRESSING_CUES.contains(&cue_word.as_str());
    let no_verb = |(x, y): (usize, usize)| {
        (x..y).all(|i| !matches!(doc.tokens[i].pos, Some(Upos::Verb | Upos::Aux)))
    };
    let introducer = |j: usize| {
        children(doc, a, b, j)
            .find(|&k| matches!(dep(doc, k), Some(Dep::Case | Dep::Mark)))
            .map(|k| word(doc, k))
            .unwrap_or_default()
    };
    let reports = |j: usize| CONTENT_PREPOSITIONS.contains(&introducer(j).as_str());
    // "accused by its enemies of attempting to …": a clause under a
    // reporting preposition inside the agent is the accusation.
    let holds_report = |j: usize| {
        let (x, y) = subtree(doc, j, a, b);
        (x..y).any(|k| k != j && reports(k) && !no_verb(subtree(doc, k, a, b)))
    };
    let adjunct = |j: usize| match dep(doc, j) {
        _ if is_by_phrase(doc, j, a, b) => !holds_report(j),
        Some(Dep::Obl | Dep::Advmod) => no_verb(subtree(doc, j, a, b)) && !reports(j),
        Some(Dep::Obj | Dep::Iobj) => addressed && no_verb(subtree(doc, j, a, b)),
        _ => false,
    };
    let adjuncts: Vec<usize> = children(doc, a, b, c).filter(|&j| adjunct(j)).collect();
    let inside = |i: usize, j: usize| {
        let (x, y) = subtree(doc, j, a, b);
        x <= i && i < y
    };
    let words = || (lo..hi).filter(|&i| !is_punct(doc, i));
    // An object alone is what "called", "asked" report ("called it a red line").
    let beside_object = words().any(|i| {
        adjuncts
            .iter()
            .any(|&j| !matches!(dep(doc, j), Some(Dep::Obj | Dep::Iobj)) && inside(i, j))
    });
    beside_object && words().all(|i| adjuncts.iter().any(|&j| inside(i, j)))
}
