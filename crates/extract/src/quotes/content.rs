//! What is said: a cue's content, from its clause, its object, the marked span or the clause
//! before a signature, without the hearer.

use super::*;

/// Shrinks a token range past punctuation at both ends; `None` when too short.
pub(super) fn content_range(
    doc: &Document,
    (mut x, mut y): (usize, usize),
    min_words: usize,
) -> Option<(usize, usize)> {
    while x < y && is_punct(doc, x) && !is_open_mark(doc.span_text(doc.tokens[x].span)) {
        x += 1;
    }
    while y > x && is_punct(doc, y - 1) && !is_close_mark(doc.span_text(doc.tokens[y - 1].span)) {
        y -= 1;
    }
    let words = (x..y).filter(|&i| !is_punct(doc, i)).count();
    (words >= min_words).then_some((x, y))
}

/// The content of a cue: the quotation it signs or introduces, else its
/// clausal complement, else the rest of the clause it hangs off, else its
/// objects; never the hearer of "told".
pub(super) fn cue_content(
    doc: &Document,
    cues: &CueLexicon,
    cue: CueAt,
    source: Option<(usize, usize)>,
    parenthetical: bool,
) -> Vec<(usize, usize)> {
    let CueAt { c, a, b, .. } = cue;
    let mut content = marked_content(doc, cue);
    // "was quoted as saying that …": what the "as" clause says.
    if content.is_empty() {
        if let Some(k) = quoting_as_clause(doc, c, a, b) {
            content = clause_content(doc, cues, k, a, b);
        }
    }
    if content.is_empty() && cue.passive && source.is_none() {
        content = raised_content(doc, c, a, b);
    }
    if content.is_empty() {
        content = clause_content(doc, cues, c, a, b);
    }
    // A root cue with an object reports the object ("denied the report");
    // not a hearer verb, whose object is the hearer ("told the council: …").
    let hearer_verb =
        HEARER_CUES.contains(&doc.span_text(doc.tokens[c].span).to_lowercase().as_str());
    if content.is_empty() && doc.tokens[c].dep == Some(Dep::Root) && !hearer_verb {
        content = object_content(doc, c, a, b);
    }
    if content.is_empty() {
        content = signed_clause_before(doc, cue, source);
    }
    if content.is_empty() {
        content = content_around(doc, cue, source, parenthetical);
    }
    if content.is_empty() {
        content = object_content(doc, c, a, b);
    }
    content
        .into_iter()
        .map(|r| without_hearer(doc, c, r))
        .collect()
}

/// "Many of his supporters are expected to back her": an agentless passive
/// with a clause reports its subject and that clause together (what is
/// expected), from the subject through the clause.
pub(super) fn raised_content(doc: &Document, c: usize, a: usize, b: usize) -> Vec<(usize, usize)> {
    let dep = |i: usize| doc.tokens[i].dep;
    let subject = children(doc, a, b, c).find(|&j| j < c && dep(j) == Some(Dep::Nsubj));
    let clause =
        children(doc, a, b, c).find(|&j| j > c && matches!(dep(j), Some(Dep::Xcomp | Dep::Ccomp)));
    let (Some(s), Some(k)) = (subject, clause) else {
        return Vec::new();
    };
    content_range(doc, (subtree(doc, s, a, b).0, subtree(doc, k, a, b).1), 3)
        .into_iter()
        .collect()
}

/// The quotation a cue introduces or signs, whatever the parse says; what
/// follows a signing cue ("told reporters after the meeting") is not content.
pub(super) fn marked_content(doc: &Document, cue: CueAt) -> Vec<(usize, usize)> {
    let mut content = Vec::new();
    if let Some(k) = cue.introduced {
        if let Some(r) = content_range(doc, (k, cue.b), 2) {
            content.push(r);
        }
    }
    if let Some(m) = cue.signed {
        if let Some(r) = content_range(doc, (cue.a, m + 1), 2) {
            content.push(r);
        }
    }
    content
}

/// The clauses cue `c` governs ("said that …", "told reporters …").
pub(super) fn clause_content(
    doc: &Document,
    cues: &CueLexicon,
    c: usize,
    a: usize,
    b: usize,
) -> Vec<(usize, usize)> {
    let dep = |i: usize| doc.tokens[i].dep;
    let mut content = Vec::new();
    for j in children(doc, a, b, c) {
        if matches!(dep(j), Some(Dep::Ccomp | Dep::Parataxis))
            || (dep(j) == Some(Dep::Xcomp) && j > c)
        {
            let (lo, hi) = subtree(doc, j, a, b);
            // A clause after the cue runs to the sentence's end: the
            // parse often cuts it short at a coordination or a comma.
            // But not over a second report hung on the same cue ("…, arguing
            // that …", "… and Democrats accused …"): that is its own attribution.
            let hi = if lo > c {
                children(doc, a, b, c)
                    .find(|&k| {
                        k >= hi
                            && matches!(dep(k), Some(Dep::Conj | Dep::Advcl | Dep::Parataxis))
                            && is_candidate(doc, k)
                            && cues.is_cue(doc.span_text(doc.tokens[k].span), frame(doc, k, a, b))
                    })
                    .map_or(b, |k| subtree(doc, k, a, b).0)
            } else {
                hi
            };
            if let Some(r) = content_range(doc, (lo, hi), 2) {
                content.push(r);
            }
        }
    }
    content
}

/// "Emirates finalized a deal, executives announced Wednesday": a finite cue
/// whose subject follows a comma after the main clause, with nothing but
/// adjuncts after it, signs that clause, however the parse hangs it (as an
/// adverbial or a conjunct of the main verb). Not a participle ("…, saying
/// the talks failed"), whose clause follows; not a cue with an object of its
/// own ("…, officials announced new sanctions").
pub(super) fn signed_clause_before(
    doc: &Document,
    cue: CueAt,
    source: Option<(usize, usize)>,
) -> Vec<(usize, usize)> {
    let CueAt { c, a, b, .. } = cue;
    let dep = |i: usize| doc.tokens[i].dep;
    let Some((x, y)) = source else {
        return Vec::new();
    };
    if cue.passive || !matches!(dep(c), Some(Dep::Advcl | Dep::Conj)) {
        return Vec::new();
    }
    // The subject phrase may start before the speaker's name ("the foreign
    // minister, Julie Bishop, has confirmed"); the nearest subject only, as
    // the parse may give the cue a second one.
    let x = children(doc, a, b, c)
        .filter(|&j| j < c && dep(j) == Some(Dep::Nsubj))
        .max()
        .map(|j| subtree(doc, j, a, b).0)
        .map(|s| (s..c).find(|&i| !is_punct(doc, i)).unwrap_or(s))
        .map_or(x, |s| s.min(x));
    let main = doc.tokens[c].head.filter(|&h| h >= a && h < x);
    let finite = matches!(doc.tokens[c].tag, Some(Xpos::Vbd | Xpos::Vbz | Xpos::Vbp))
        || children(doc, a, b, c).any(|j| j < c && dep(j) == Some(Dep::Aux));
    let after_comma = x > a && is_comma(doc, x - 1);
    let own_subject = children(doc, a, b, c).any(|j| j >= x && j < y && dep(j) == Some(Dep::Nsubj));
    let only_adjuncts = children(doc, a, b, c)
        .filter(|&j| j > c)
        .all(|j| match dep(j) {
            Some(Dep::Obj | Dep::Iobj) => is_time_phrase(doc, subtree(doc, j, a, b)),
            Some(Dep::Ccomp | Dep::Xcomp | Dep::Parataxis | Dep::Advcl | Dep::Conj | Dep::Mark) => {
                false
            }
            _ => true,
        });
    let signs = main.is_some_and(|h| dep(h) == Some(Dep::Root))
        && finite
        && after_comma
        && own_subject
        && y <= c
        && only_adjuncts;
    if !signs {
        return Vec::new();
    }
    content_range(doc, (a, x - 1), 3).into_iter().collect()
}

/// A cue with no clause of its own: the clause it hangs off ("…, he said"),
/// the clause it is set off in, or what follows it ("…, saying the talks failed").
pub(super) fn content_around(
    doc: &Document,
    cue: CueAt,
    source: Option<(usize, usize)>,
    parenthetical: bool,
) -> Vec<(usize, usize)> {
    let CueAt { c, a, b, .. } = cue;
    let d = doc.tokens[c].dep;
    let mut content = Vec::new();
    if matches!(d, Some(Dep::Parataxis | Dep::Root)) || d.is_none() {
        // The cue hangs off the reported clause: the content is the rest.
        let own = subtree(doc, c, a, b);
        let own = if d == Some(Dep::Root) {
            (
                source.map_or(c, |s| s.0.min(c)),
                c + 1 + trailing_modifiers(doc, c, b),
            )
        } else {
            own
        };
        content = outside(doc, a, b, own);
        // Of a passive, only what follows: what precedes is its subject,
        // what the report is about ("The pullout was announced as …").
        content.retain(|&(lo, _)| !cue.passive || lo > c);
        // "Spokesman from the ministry, Lin Jian, accused": a phrase
        // with no verb before the speaker describes the speaker.
        content.retain(|&(lo, hi)| {
            hi > own.0
                || (lo..hi).any(|i| matches!(doc.tokens[i].pos, Some(Upos::Verb | Upos::Aux)))
        });
    } else if parenthetical {
        // The report is its subject, an "as" before it and the cue; the
        // parse may hang more of the reported clause on the cue.
        let from = children(doc, a, b, c)
            .filter(|&j| j < c && matches!(doc.tokens[j].dep, Some(Dep::Nsubj | Dep::Mark)))
            .map(|j| subtree(doc, j, a, b).0)
            .min()
            .unwrap_or(c);
        content = outside(doc, a, b, (from, c + 1));
    } else if matches!(d, Some(Dep::Advcl | Dep::Conj | Dep::Xcomp)) {
        if let Some(r) = content_range(doc, (c + 1, subtree(doc, c, a, b).1), 3) {
            content.push(r);
        }
    }
    content
}

/// Objects after the cue ("accused NATO of …", "denied the report"); not a
/// passive's agent ("blocked by some of its weakest countries").
pub(super) fn object_content(doc: &Document, c: usize, a: usize, b: usize) -> Vec<(usize, usize)> {
    let objs: Vec<usize> = children(doc, a, b, c)
        .filter(|&j| {
            j > c
                && matches!(
                    doc.tokens[j].dep,
                    Some(Dep::Obj | Dep::Obl | Dep::Advcl | Dep::Iobj)
                )
                && !is_by_phrase(doc, j, a, b)
        })
        .collect();
    let (Some(&first), Some(&last)) = (objs.first(), objs.last()) else {
        return Vec::new();
    };
    let lo = subtree(doc, first, a, b).0;
    let hi = subtree(doc, last, a, b).1;
    content_range(doc, (lo, hi), 3).into_iter().collect()
}

/// Auxiliaries and negation before the cue ("has said", "did not say") and a
/// verb particle after it ("pointed out") make up the cue phrase.
pub(super) fn cue_extent(doc: &Document, c: usize, a: usize, b: usize) -> (usize, usize) {
    let mut lo = c;
    while lo > a
        && doc.tokens[lo - 1].head == Some(c)
        && matches!(doc.tokens[lo - 1].dep, Some(Dep::Aux | Dep::Advmod))
        && doc.tokens[lo - 1].pos != Some(Upos::Punct)
    {
        lo -= 1;
    }
    let mut hi = c + 1;
    // The parser gives universal relations only: a particle is `compound`.
    if hi < b
        && doc.tokens[hi].head == Some(c)
        && doc.tokens[hi].dep == Some(Dep::Compound)
        && matches!(doc.tokens[hi].pos, Some(Upos::Adp | Upos::Adv))
    {
        hi += 1;
    }
    (lo, hi)
}
