//! A definite descriptor its own words cannot resolve ("the president",
//! "the group" with no title or name to match) continues the one the text
//! was just about: the lede's subject, the previous sentence's main-clause
//! subject, or the previous speaker, each only when that one is alone and
//! near. `descriptors` resolves by the words and falls back on these.

use dossier_core::Dep;
use dossier_core::EntityId;
use dossier_core::{Document, EntityType, Span};

use super::descriptors::introduced_unnamed;
use super::heads::phrase_head;
use super::person_like;
use super::sentences::{
    is_possessive, only_one, sentence_span, start_back_outside_quotes, topicality,
};
use super::titles::same_word;
use crate::tree::{sentence_index_at, tokens_in};

/// "Hamza Birqdar, a spokesman for Jaish al-Islam, said … The group said":
/// a group descriptor nothing else resolves is the one organisation named
/// inside the phrase of the person who spoke just before.
pub(super) fn spokesman_for(
    doc: &Document,
    span: Span,
    quoted: &[Span],
    previous_named: Option<(EntityId, Span)>,
) -> Option<EntityId> {
    let person = previous_speaker(doc, span, quoted, previous_named, person_like)?;
    let (_, phrase) = previous_named?;
    // "…,” said X of Physicians for Human Rights. The UN and other aid
    // organisations … The organisation says": the last one named.
    let group_since = doc.mentions.iter().any(|m| {
        m.span.start >= phrase.end
            && m.span.end <= span.start
            && m.ty == EntityType::Org
            && !quoted.iter().any(|q| q.contains(m.span))
    });
    if group_since {
        return None;
    }
    only_one(
        doc.mentions
            .iter()
            .filter(|m| phrase.contains(m.span) && m.ty == EntityType::Org)
            .filter_map(|m| m.entity.filter(|&e| e != person)),
    )
}

/// A person's descriptor no title resolves: the one person of the sentence
/// before, else the speaker of the quote before. A descriptor naming a
/// country ("the US leader") only that speaker, when named beside that
/// country somewhere ("US President Donald Trump"); one naming anyone else
/// ("the SDF spokesman"), and one introduced unnamed, no one.
pub(super) fn untitled_person(
    doc: &Document,
    span: Span,
    head: &str,
    (quoted, previous_named): (&[Span], Option<(EntityId, Span)>),
) -> Option<EntityId> {
    if introduced_unnamed(doc, span.start, head) {
        return None;
    }
    let inside: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| span.contains(m.span))
        .collect();
    if inside.is_empty() {
        return previous_subject(doc, span, quoted)
            .or_else(|| previous_speaker(doc, span, quoted, previous_named, person_like));
    }
    let places: Vec<EntityId> = inside
        .iter()
        .filter(|m| matches!(m.ty, EntityType::Gpe | EntityType::Norp))
        .filter_map(|m| m.entity)
        .collect();
    if places.len() < inside.len() {
        return None;
    }
    // "Trump stuck to his decision … the US president said": the person
    // the text was just about, too, when named beside that country.
    previous_speaker(doc, span, quoted, previous_named, person_like)
        .or_else(|| previous_subject(doc, span, quoted))
        .filter(|&e| places.iter().all(|&p| named_beside(doc, e, p)))
}

/// Whether a mention of `place` stands among the six tokens before a
/// mention of `person` in its sentence ("US President Donald Trump",
/// "Turkey's president, Recep Tayyip Erdoğan").
fn named_beside(doc: &Document, person: EntityId, place: EntityId) -> bool {
    doc.mentions
        .iter()
        .filter(|m| m.entity == Some(person))
        .any(|m| {
            let first = tokens_in(doc, m.span).start;
            let from = doc.tokens[first.saturating_sub(6)]
                .span
                .start
                .max(sentence_span(doc, m.span.start).start);
            doc.mentions.iter().any(|p| {
                p.entity == Some(place) && p.span.start >= from && p.span.end <= m.span.start
            })
        })
}

/// "Greg Hunt said on Sunday. “…,” the health minister told Channel
/// Seven": a descriptor that nothing else resolves continues the speaker
/// of the quote just before, when that speaker is named, of the
/// descriptor's kind, and spoke in this sentence or the two before, or in
/// the four before with nothing of that kind named since and the
/// descriptor's head word in a sentence that names it ("As UN secretary
/// general, … Guterres's duty") (sentences inside quotation marks not
/// counted).
pub(super) fn previous_speaker(
    doc: &Document,
    span: Span,
    quoted: &[Span],
    previous_named: Option<(EntityId, Span)>,
    kind: fn(EntityType) -> bool,
) -> Option<EntityId> {
    let (e, at) = previous_named?;
    let named_since = || {
        doc.mentions.iter().any(|m| {
            m.span.start >= at.end
                && m.span.end <= span.start
                && kind(m.ty)
                && !quoted.iter().any(|q| q.contains(m.span))
        })
    };
    let near = at.start >= start_back_outside_quotes(doc, span.start, 2, quoted)
        || (at.start >= start_back_outside_quotes(doc, span.start, 4, quoted)
            && !named_since()
            && head_beside(doc, e, span));
    // Two quotes of one speaker phrase share its entity.
    let before = at.end <= span.start || at == span;
    (near && before && kind(doc.entities[e].ty)).then_some(e)
}

/// Whether the head word of the descriptor at `span` stands in a sentence
/// that names the entity `e`.
fn head_beside(doc: &Document, e: EntityId, span: Span) -> bool {
    let std::ops::Range { start: x, end: y } = tokens_in(doc, span);
    if y <= x {
        return false;
    }
    let head = doc.span_text(doc.tokens[phrase_head(doc, x, y)].span);
    doc.mentions
        .iter()
        .filter(|m| m.entity == Some(e))
        .any(|m| {
            let (a, b) = doc.sentences[sentence_index_at(doc, m.span.start)].tokens;
            (a..b).any(|i| i < x && same_word(doc.span_text(doc.tokens[i].span), head))
        })
}

/// Whether `word` occurs before `pos` outside the previous speaker's
/// phrase: the descriptor may then stand for what it named there.
pub(super) fn word_before(
    doc: &Document,
    word: &str,
    pos: usize,
    previous: Option<(EntityId, Span)>,
) -> bool {
    let own = previous.map(|p| p.1);
    doc.tokens
        .iter()
        .take_while(|t| t.span.end <= pos)
        .filter(|t| own.is_none_or(|s| !s.contains(t.span)))
        .any(|t| doc.span_text(t.span).eq_ignore_ascii_case(word))
}

/// A news lede names its speaker by a descriptor and a following sentence
/// by name ("…, the Syrian opposition leader has said. Nasr al-Hariri,
/// chief negotiator for …, said"): for a descriptor in the document's
/// first sentence, the first subject of the descriptor's `kind` (a person;
/// an organisation for "the group") in the second sentence, or in the
/// third when the second has none (a sentence of background between).
pub(super) fn lede_subject(
    doc: &Document,
    span: Span,
    kind: fn(EntityType) -> bool,
) -> Option<EntityId> {
    if !doc.sentences.first()?.span.contains(span) {
        return None;
    }
    doc.sentences.iter().skip(1).take(2).find_map(|s| {
        doc.mentions
            .iter()
            .filter(|m| s.span.contains(m.span) && kind(m.ty))
            .find(|m| m.entity.is_some() && topicality(doc, m.span) > 0)?
            .entity
    })
}

/// A descriptor no title resolves continues the person the text was just
/// about ("Erdoğan has threatened … The president said"): the one person
/// named in the sentence before (outside quotation marks), when that person
/// is its main-clause subject. Up to two sentences that name no person
/// but go on about one may lie between, their main-clause subject a he or
/// she or a phrase one possesses ("Trump stuck to his decision … On
/// Wednesday, he had argued … But the US president said").
fn previous_subject(doc: &Document, span: Span, quoted: &[Span]) -> Option<EntityId> {
    let here = sentence_index_at(doc, span.start);
    let people_in = |k: usize| -> Vec<&dossier_core::Mention> {
        let sentence = doc.sentences[k].span;
        doc.mentions
            .iter()
            .filter(|m| sentence.contains(m.span) && person_like(m.ty) && m.entity.is_some())
            .filter(|m| !quoted.iter().any(|q| q.contains(m.span)))
            .collect()
    };
    let mut people = Vec::new();
    for k in (here.saturating_sub(3)..here).rev() {
        people = people_in(k);
        if !people.is_empty() || !about_someone(doc, k) {
            break;
        }
    }
    // "Putin met Erdogan. … the president said" could be either.
    let one = only_one(people.iter().filter_map(|m| m.entity))?;
    people
        .iter()
        .any(|m| topicality(doc, m.span) == 2)
        .then_some(one)
}

/// Whether sentence `k`'s main-clause subject is a he or she, or a phrase a
/// his or her possesses ("His presidency has not been …").
fn about_someone(doc: &Document, k: usize) -> bool {
    let (a, b) = doc.sentences[k].tokens;
    let personal = |i: usize| {
        let w = doc.span_text(doc.tokens[i].span);
        ["he", "she", "his", "her"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(w))
    };
    (a..b).any(|i| {
        let t = &doc.tokens[i];
        let main = t.head.is_some_and(|h| doc.tokens[h].dep == Some(Dep::Root));
        t.dep == Some(Dep::Nsubj)
            && main
            && (personal(i)
                || (a..i)
                    .any(|j| doc.tokens[j].head == Some(i) && is_possessive(doc, j) && personal(j)))
    })
}
