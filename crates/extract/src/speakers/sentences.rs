//! Where to look and what is salient there: the sentence windows an
//! antecedent is sought in (n sentences back, optionally not counting those
//! inside quotation marks), and how much a mention is its sentence's topic
//! (a main-clause subject outranks another subject). Every resolver ranks
//! its candidates by these, so they are written once.

use dossier_core::{Dep, Xpos};
use dossier_core::{Document, Span};

use crate::tree::{sentence_index_at, tokens_in};

/// The span of the sentence holding byte `pos`.
pub(super) fn sentence_span(doc: &Document, pos: usize) -> Span {
    let i = sentence_index_at(doc, pos);
    doc.sentences
        .get(i)
        .map_or(Span::new(0, doc.text().len()), |s| s.span)
}

/// How strongly a mention is its sentence's topic: 2 the subject of a main
/// clause (no subordinate relation above its verb), or in apposition to it
/// ("the Turkish president, Recep Tayyip Erdoğan, said"), or a name opening
/// the sentence that the parse made its root; 1 the subject of another
/// clause; 0 neither.
pub(super) fn topicality(doc: &Document, span: Span) -> u8 {
    // A main clause: no subordinate relation on the way up to the root.
    let main_clause = |mut t: usize| {
        for _ in 0..12 {
            if matches!(
                doc.tokens[t].dep,
                Some(Dep::Advcl | Dep::Ccomp | Dep::Acl | Dep::Xcomp | Dep::Csubj)
            ) {
                return false;
            }
            match doc.tokens[t].head {
                Some(h) if h != t => t = h,
                _ => return true,
            }
        }
        true
    };
    let subject_of = |i: usize| -> Option<u8> {
        // The name itself, or the noun it is in apposition to, is a subject.
        let i = if doc.tokens[i].dep == Some(Dep::Appos) {
            doc.tokens[i].head?
        } else {
            i
        };
        (doc.tokens[i].dep == Some(Dep::Nsubj)).then(|| {
            if doc.tokens[i].head.is_some_and(main_clause) {
                2
            } else {
                1
            }
        })
    };
    let opens_as_root = doc.sentences.iter().any(|s| s.span.start == span.start)
        && tokens_in(doc, span).any(|i| doc.tokens[i].dep == Some(Dep::Root));
    let best = tokens_in(doc, span)
        .filter_map(subject_of)
        .max()
        .unwrap_or(0);
    if opens_as_root {
        2
    } else {
        best
    }
}

/// Whether the name at `span` is a possessor ("Alan's body", "Trump's
/// eagerness"): it names what is talked of, rarely the next speaker.
pub(super) fn possessor(doc: &Document, span: Span) -> bool {
    let after = tokens_in(doc, span).end;
    after < doc.tokens.len() && is_possessive(doc, after)
}

/// The byte offset where the sentence `n` sentences before `pos` starts.
pub(super) fn sentence_start_back(doc: &Document, pos: usize, n: usize) -> usize {
    let i = sentence_index_at(doc, pos);
    doc.sentences
        .get(i.saturating_sub(n))
        .map_or(0, |s| s.span.start)
}

/// The byte offset where the sentence `n` sentences before `pos` starts,
/// not counting sentences inside the `quoted` spans: a long quotation
/// between "Letts told ITV News: …" and "He said" does not hide Letts.
/// At most 12 sentences back.
pub(super) fn start_back_outside_quotes(
    doc: &Document,
    pos: usize,
    n: usize,
    quoted: &[Span],
) -> usize {
    start_back_skipping(doc, pos, n, &|k| inside_quotes(doc, k, quoted))
}

/// Whether sentence `k` lies inside one of the `quoted` spans.
pub(super) fn inside_quotes(doc: &Document, k: usize, quoted: &[Span]) -> bool {
    let s = doc.sentences[k].span;
    quoted
        .iter()
        .any(|q| q.start <= s.start + 4 && s.end <= q.end + 4)
}

/// The byte offset where the sentence `n` sentences before `pos` starts,
/// not counting the sentences `skip` passes over; at most 12 back.
pub(super) fn start_back_skipping(
    doc: &Document,
    pos: usize,
    n: usize,
    skip: &dyn Fn(usize) -> bool,
) -> usize {
    let i = sentence_index_at(doc, pos);
    let mut counted = 0;
    let mut k = i;
    while k > 0 && counted < n && i - k < 12 {
        k -= 1;
        if !skip(k) {
            counted += 1;
        }
    }
    doc.sentences.get(k).map_or(0, |s| s.span.start)
}

/// Whether token `i` is a subject outside quotation marks.
pub(super) fn unquoted_subject(doc: &Document, i: usize, quoted: &[Span]) -> bool {
    let t = &doc.tokens[i];
    t.dep == Some(Dep::Nsubj) && !quoted.iter().any(|q| q.contains(t.span))
}

/// "his", "their", or the "'s" of "Scurfield's".
pub(super) fn is_possessive(doc: &Document, i: usize) -> bool {
    matches!(doc.tokens[i].tag, Some(Xpos::PrpPoss | Xpos::Pos))
}

/// The one value `found` yields, however often; None for none or several.
pub(super) fn only_one<T: PartialEq>(mut found: impl Iterator<Item = T>) -> Option<T> {
    let first = found.next()?;
    found.all(|e| e == first).then_some(first)
}
