//! Walking the dependency tree of one sentence, whose tokens are the
//! document's `[a, b)`; heads outside the sentence count as the root.

use dossier_core::Dep;
use dossier_core::{Document, Span, Token};

/// The forms of "be" and "get" that make a participle passive ("was
/// detained", "got arrested").
pub(crate) const PASSIVE_AUXILIARIES: [&str; 12] = [
    "be", "been", "being", "was", "were", "is", "are", "get", "got", "gets", "getting", "gotten",
];

/// Whether token `i` exists and is a comma.
pub(crate) fn is_comma(doc: &Document, i: usize) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| doc.span_text(t.span) == ",")
}

/// The sentence holding byte `pos` (or the first one after it).
pub(crate) fn sentence_index_at(doc: &Document, pos: usize) -> usize {
    doc.sentences.partition_point(|s| s.span.end <= pos)
}

/// The tokens inside `span` (their index range); spans of names, cues
/// and quantities start and end on token boundaries.
pub(crate) fn tokens_in(doc: &Document, span: Span) -> std::ops::Range<usize> {
    doc.tokens.partition_point(|t| t.span.start < span.start)
        ..doc.tokens.partition_point(|t| t.span.start < span.end)
}

/// Whether `span` (a name's, a time's, a quote's) holds token `j` whole: the
/// test for "this word is part of that name". It and [`touches_token`] agree
/// on every token a span starts and ends at, and differ on a token the span's
/// edge cuts ("US" in the one token "US-backed"): a caller asking whether the
/// word belongs to the name wants containment; one asking whether any name
/// sits on the word (so it is no plain noun, or no one else's) wants overlap.
pub(crate) fn holds_token(doc: &Document, span: Span, j: usize) -> bool {
    span.contains(doc.tokens[j].span)
}

/// Whether `span` shares a byte with token `j`: overlap, beside
/// [`holds_token`]'s containment (which says when to use which).
pub(crate) fn touches_token(doc: &Document, span: Span, j: usize) -> bool {
    span.overlaps(doc.tokens[j].span)
}

/// The first of `candidates` inside `span` whose head lies outside it: the
/// token a name's phrase hangs from.
pub(crate) fn top_in(
    doc: &Document,
    span: Span,
    mut candidates: impl Iterator<Item = usize>,
) -> Option<usize> {
    let inside = |j: usize| holds_token(doc, span, j);
    candidates.find(|&j| inside(j) && doc.tokens[j].head.is_none_or(|h| !inside(h)))
}

/// The children of token `of`.
pub(crate) fn children(
    doc: &Document,
    a: usize,
    b: usize,
    of: usize,
) -> impl Iterator<Item = usize> + '_ {
    children_in(&doc.tokens, a, b, of)
}

/// `children` on bare tokens, the sentence's being `tokens[a..b]`: for the
/// pipeline, which re-hangs tokens taken out of their document.
pub fn children_in(
    tokens: &[Token],
    a: usize,
    b: usize,
    of: usize,
) -> impl Iterator<Item = usize> + '_ {
    (a..b).filter(move |&j| tokens[j].head == Some(of))
}

/// The direct objects of `of` (its `obj` children), in order; the parse
/// seldom gives a verb two.
pub(crate) fn objects_of(
    doc: &Document,
    a: usize,
    b: usize,
    of: usize,
) -> impl Iterator<Item = usize> + '_ {
    children(doc, a, b, of).filter(move |&j| doc.tokens[j].dep == Some(Dep::Obj))
}

/// The direct object of `of`, its first `obj` child: "her" in "quoted her",
/// "weapons" in "sent weapons". Only `obj`: a caller that also takes an
/// indirect object or a phrase says so in its own test.
pub(crate) fn object_of(doc: &Document, a: usize, b: usize, of: usize) -> Option<usize> {
    objects_of(doc, a, b, of).next()
}

/// Whether `j` is a "by" phrase, a passive's agent when its head is passive
/// ("attacked by Kurdish fighters", "was told by officials"). Quotes and
/// events read agents with this one test.
pub(crate) fn is_by_phrase(doc: &Document, j: usize, a: usize, b: usize) -> bool {
    doc.tokens[j].dep == Some(Dep::Obl)
        && children(doc, a, b, j).any(|k| {
            doc.tokens[k].dep == Some(Dep::Case)
                && doc.span_text(doc.tokens[k].span).eq_ignore_ascii_case("by")
        })
}

/// Whether `j` lies under `top` in the parse (or is `top`).
pub(crate) fn under(doc: &Document, j: usize, top: usize, a: usize, b: usize) -> bool {
    under_in(&doc.tokens, j, top, a, b)
}

/// `under` on bare tokens, the sentence's being `tokens[a..b]` (see
/// [`children_in`]). The climb stops after as many steps as the sentence
/// has tokens, so a cycle in a broken parse ends it.
pub fn under_in(tokens: &[Token], mut j: usize, top: usize, a: usize, b: usize) -> bool {
    for _ in 0..(b - a + 1) {
        if j == top {
            return true;
        }
        match tokens[j].head {
            Some(h) if h >= a && h < b => j = h,
            _ => return false,
        }
    }
    false
}

/// The token range covered by `top`'s subtree.
pub(crate) fn subtree(doc: &Document, top: usize, a: usize, b: usize) -> (usize, usize) {
    let mut lo = top;
    let mut hi = top + 1;
    for j in a..b {
        if under(doc, j, top, a, b) {
            lo = lo.min(j);
            hi = hi.max(j + 1);
        }
    }
    (lo, hi)
}

/// The tokens under `top`, leaving out the subtrees of its children whose
/// relation is in `skip`: one climb per token, which leaves as soon as it
/// steps from a skipped child onto `top`.
pub(crate) fn subtree_without(
    doc: &Document,
    top: usize,
    a: usize,
    b: usize,
    skip: &[Dep],
) -> Vec<usize> {
    let tokens = &doc.tokens;
    let kept = |mut j: usize| {
        for _ in 0..(b - a + 1) {
            if j == top {
                return true;
            }
            match tokens[j].head {
                Some(h) if h >= a && h < b => {
                    if h == top && tokens[j].dep.is_some_and(|d| skip.contains(&d)) {
                        return false;
                    }
                    j = h;
                }
                _ => return false,
            }
        }
        false
    };
    (a..b).filter(|&j| kept(j)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tests::parsed;

    #[test]
    fn the_object_is_the_obj_child_not_the_indirect_one_nor_a_phrase() {
        // "Kyiv sent officials weapons on Monday": "officials" is `iobj`,
        // "Monday" an `obl`; only "weapons" is the object.
        let d = parsed(&[
            ("Kyiv", "PROPN", "NNP", 1, "nsubj"),
            ("sent", "VERB", "VBD", -1, "root"),
            ("officials", "NOUN", "NNS", 1, "iobj"),
            ("weapons", "NOUN", "NNS", 1, "obj"),
            ("on", "ADP", "IN", 5, "case"),
            ("Monday", "PROPN", "NNP", 1, "obl"),
        ]);
        assert_eq!(object_of(&d, 0, 6, 1), Some(3));
        assert_eq!(objects_of(&d, 0, 6, 1).collect::<Vec<_>>(), [3]);
        assert_eq!(object_of(&d, 0, 6, 3), None, "a noun has no object");
    }
}
