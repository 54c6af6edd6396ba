//! "The US state department … the department said": a definite
//! institution noun stands for the country or organisation that modified
//! the same noun shortly before. Apart from the person descriptors because
//! it is read from modifiers in the parse, not from titles.

use dossier_core::Dep;
use dossier_core::EntityId;
use dossier_core::{Document, Span};

use super::group_like;
use super::heads::phrase_head;
use super::sentences::sentence_start_back;
use super::words::is_institution;
use crate::tree::tokens_in;

/// "the US state department … the department said": a definite phrase
/// headed by an institution noun and naming no one stands for the country
/// or organisation that modified the same noun where it last occurred
/// in the three sentences before ("the Russian defence ministry",
/// "Russia's embassy"), reached through occurrences that name none as
/// this one ("The Russian Embassy … from the embassy. But the embassy
/// claims"); none when an occurrence names none otherwise ("an embassy").
pub(super) fn institution_antecedent(
    doc: &Document,
    span: Span,
    tokens: Option<(usize, usize)>,
) -> Option<EntityId> {
    let (x, y) = tokens.filter(|&(x, y)| y > x)?;
    let word = |i: usize| doc.span_text(doc.tokens[i].span).to_lowercase();
    let h = phrase_head(doc, x, y);
    let head = word(h);
    let named_inside = doc.mentions.iter().any(|m| span.contains(m.span));
    if word(x) != "the" || !is_institution(doc, h) || named_inside {
        return None;
    }
    // Several governments or ministries may be in the story: only a
    // mention in the three sentences before stands for this one.
    let from = sentence_start_back(doc, span.start, 3);
    let mut earlier = (0..x)
        .rev()
        .take_while(|&i| doc.tokens[i].span.start >= from)
        .filter(|&i| word(i) == head);
    loop {
        let last = earlier.next()?;
        if let Some(e) = modifying_group(doc, last) {
            return Some(e);
        }
        // Only a bare "the embassy" goes on to the one before.
        if last == 0 || word(last - 1) != "the" {
            return None;
        }
    }
}

/// The country or organisation named as a modifier of the noun `n` in its
/// sentence ("the Russian defence ministry", "Russia's embassy").
pub(super) fn modifying_group(doc: &Document, n: usize) -> Option<EntityId> {
    let (a, _) = doc.sentences[doc.sentences.partition_point(|s| s.tokens.1 <= n)].tokens;
    doc.mentions
        .iter()
        .filter(|m| group_like(m.ty) && m.entity.is_some())
        .filter(|m| m.span.end <= doc.tokens[n].span.start)
        .find(|m| tokens_in(doc, m.span).any(|i| i >= a && modifies(doc, i, n)))?
        .entity
}

/// Whether token `i` modifies the noun `n` through name parts, modifiers or
/// a possessive ("the US state department", "Russia's embassy").
fn modifies(doc: &Document, i: usize, n: usize) -> bool {
    let mut t = i;
    for _ in 0..4 {
        let ok = matches!(
            doc.tokens[t].dep,
            Some(Dep::Flat | Dep::Compound | Dep::Amod | Dep::Case)
        );
        match doc.tokens[t].head {
            Some(up) if up == n && ok => return true,
            Some(up) if ok && up > t && up < n => t = up,
            _ => return false,
        }
    }
    false
}
