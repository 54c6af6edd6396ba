//! Coordinated speakers: "Trump and Pence said", "Germany, France and
//! Italy". Every name joined to the speaker's by a conjunction in the parse
//! speaks too, and a "they" after them stands for all of them.

use dossier_core::Dep;
use dossier_core::EntityId;
use dossier_core::{Document, Span};

use super::{group_like, person_like};
use crate::tree::{is_comma, tokens_in};

/// Whether token `i` is a conjunct of a token in `to`.
fn conjunct_of(doc: &Document, i: usize, to: &std::ops::Range<usize>) -> bool {
    doc.tokens[i].dep == Some(Dep::Conj) && doc.tokens[i].head.is_some_and(|h| to.contains(&h))
}

/// "Yıldırım and the Turkish president, Recep Tayyip Erdoğan, have vowed":
/// a name right after a comma that follows a conjunct of `to` names that
/// conjunct, whatever the parse made of it (here a second subject).
fn appositive_of_conjunct(doc: &Document, start: usize, to: &std::ops::Range<usize>) -> bool {
    start >= 2 && is_comma(doc, start - 1) && conjunct_of(doc, start - 2, to)
}

/// The other people and groups coordinated with the speaker `named` in
/// its span ("Trump and Pence", "Germany, France and Italy"): names
/// joined to it, or to one already joined, by a conjunction in the parse.
pub(super) fn coordinated(doc: &Document, span: Span, named: EntityId) -> Vec<EntityId> {
    let names: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| {
            span.contains(m.span)
                && m.entity.is_some_and(|e| e != named)
                && (person_like(m.ty) || group_like(m.ty))
        })
        .collect();
    let mut joined: Vec<std::ops::Range<usize>> = doc
        .mentions
        .iter()
        .filter(|m| span.contains(m.span) && m.entity == Some(named))
        .map(|m| tokens_in(doc, m.span))
        .collect();
    let mut also = Vec::new();
    // Two passes reach a name joined through another ("A, B and C").
    for _ in 0..2 {
        for m in &names {
            let mine = tokens_in(doc, m.span);
            let conj_into = |from: &std::ops::Range<usize>, to: &std::ops::Range<usize>| {
                from.clone().any(|i| conjunct_of(doc, i, to))
                    || appositive_of_conjunct(doc, from.start, to)
            };
            let linked = joined
                .iter()
                .any(|j| conj_into(&mine, j) || conj_into(j, &mine));
            let e = m.entity.unwrap_or(named);
            if linked && !also.contains(&e) {
                also.push(e);
                joined.push(mine);
            }
        }
    }
    also
}
