//! Definite descriptors: "the US president", "the group", "his mother".
//! A person's descriptor resolves only to someone the document titles with
//! its head word, or to the person the text was just about (the lede's
//! subject, the previous sentence's, the previous speaker); a group's to
//! the one organisation nearby. Anything less certain stays unresolved:
//! a wrong name is worse than none.

use dossier_core::EntityId;
use dossier_core::{Dep, Upos};
use dossier_core::{Document, EntityType, Span};

use super::heads::phrase_head;
use super::person_like;
use super::sentences::{
    is_possessive, only_one, sentence_span, sentence_start_back, start_back_outside_quotes,
    topicality,
};
use super::titles::{same_word, titled, titled_as};
use super::words::{role_of, Role};
use crate::tree::{is_comma, sentence_index_at, tokens_in};

/// A definite descriptor's entity: "the US president" is the person named
/// earlier with "president" beside the name ("President Erdoğan",
/// "Pompeo, the secretary of state"); "the group" is the one organisation
/// named in the two sentences before. Anything less certain stays
/// unresolved: a wrong name is worse than none.
pub(super) fn descriptor_antecedent(
    doc: &Document,
    span: Span,
    tokens: Option<(usize, usize)>,
    (quoted, previous_named): (&[Span], Option<(EntityId, Span)>),
) -> Option<EntityId> {
    let (x, y) = tokens.filter(|&(x, y)| y > x)?;
    let head = doc
        .span_text(doc.tokens[phrase_head(doc, x, y)].span)
        .to_lowercase();
    let first = doc.span_text(doc.tokens[x].span);
    // "Its foreign minister, Nicos Christodoulides, said": the name set off
    // right after a person's descriptor, whatever its determiner.
    if role_of(&head) == Some(Role::Person) {
        if let Some(e) = named_after(doc, y) {
            return Some(e);
        }
    }
    if possessed(doc, x, y) && !first.eq_ignore_ascii_case("the") {
        return role_of(&head)
            .filter(|&r| r == Role::Person)
            .and_then(|_| possessed_antecedent(doc, span, (x, y)));
    }
    if !first.eq_ignore_ascii_case("the") {
        return None;
    }
    match role_of(&head)? {
        Role::Person => doc
            .mentions
            .iter()
            .rev()
            .filter(|m| m.span.end <= span.start && person_like(m.ty))
            .find(|m| m.entity.is_some() && titled_as(doc, m.span, (x, y)))
            .and_then(|m| m.entity)
            .or_else(|| lede_subject(doc, span, person_like))
            .or_else(|| untitled_person(doc, span, &head, (quoted, previous_named)))
            .or_else(|| titled_later(doc, span, &head)),
        // "the coalition" used before for another group is that group.
        Role::Group => lone_group(
            doc,
            span.start,
            &head,
            &head_modifiers(doc, x, phrase_head(doc, x, y)),
        )
        .or_else(|| {
            let organisation = |t| t == EntityType::Org;
            previous_speaker(doc, span, quoted, previous_named, organisation)
                .filter(|_| !word_before(doc, &head, span.start, previous_named))
        })
        .or_else(|| lede_subject(doc, span, |t| t == EntityType::Org))
        .or_else(|| spokesman_for(doc, span, quoted, previous_named)),
    }
}

/// "Hamza Birqdar, a spokesman for Jaish al-Islam, said … The group said":
/// a group descriptor nothing else resolves is the one organisation named
/// inside the phrase of the person who spoke just before.
fn spokesman_for(
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

/// "has been told by the home secretary, Sajid Javid, that": the person
/// named in apposition right after the descriptor's last token `y - 1`,
/// between commas (or a comma and the sentence's end).
fn named_after(doc: &Document, y: usize) -> Option<EntityId> {
    if !is_comma(doc, y) {
        return None;
    }
    let m = doc.mentions.iter().find(|m| {
        tokens_in(doc, m.span).start == y + 1 && person_like(m.ty) && m.entity.is_some()
    })?;
    let end = tokens_in(doc, m.span).end;
    let closes = is_comma(doc, end)
        || doc
            .tokens
            .get(end)
            .is_none_or(|t| matches!(doc.span_text(t.span), "." | ";" | ":"));
    closes.then_some(m.entity?)
}

/// Whether the phrase `[x, y)` opens with a possessor of its head: "his
/// mother", "Scurfield's mother" (the possessor's own tokens aside).
fn possessed(doc: &Document, x: usize, y: usize) -> bool {
    let h = phrase_head(doc, x, y);
    (x..h).any(|i| is_possessive(doc, i))
}

/// "His mother, Jane Lyndon, said … Outside court, his mother said": a
/// possessed descriptor is the one person the document titles with its
/// head word before it, else the one it titles so in the five sentences
/// after (a lede's "his mother has said"); several, and it stays unresolved.
pub(super) fn possessed_antecedent(
    doc: &Document,
    span: Span,
    (x, y): (usize, usize),
) -> Option<EntityId> {
    let h = phrase_head(doc, x, y);
    let head = doc.span_text(doc.tokens[h].span).to_lowercase();
    // "Scurfield's mother" is not Scurfield, however "the mother of …
    // Kosta Scurfield" titles him too.
    let before_head = Span::new(doc.tokens[x].span.start, doc.tokens[h].span.start);
    let possessors: Vec<EntityId> = doc
        .mentions
        .iter()
        .filter(|m| before_head.contains(m.span))
        .filter_map(|m| m.entity)
        .collect();
    let found = only_one(
        doc.mentions
            .iter()
            .filter(|m| m.span.end <= span.start && person_like(m.ty))
            .filter(|m| titled_as(doc, m.span, (x, y)))
            .filter_map(|m| m.entity)
            .filter(|e| !possessors.contains(e)),
    )
    .or_else(|| titled_later(doc, span, &head));
    found.filter(|e| !possessors.contains(e))
}

/// A person's descriptor no title resolves: the one person of the sentence
/// before, else the speaker of the quote before. A descriptor naming a
/// country ("the US leader") only that speaker, when named beside that
/// country somewhere ("US President Donald Trump"); one naming anyone else
/// ("the SDF spokesman"), and one introduced unnamed, no one.
fn untitled_person(
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
fn previous_speaker(
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
fn word_before(doc: &Document, word: &str, pos: usize, previous: Option<(EntityId, Span)>) -> bool {
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
fn lede_subject(doc: &Document, span: Span, kind: fn(EntityType) -> bool) -> Option<EntityId> {
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

/// "The prime minister said … Scott Morrison, the prime minister, …": a
/// descriptor that nothing before resolves is the one person titled with
/// its head word in the five sentences after it.
fn titled_later(doc: &Document, span: Span, head: &str) -> Option<EntityId> {
    let here = sentence_index_at(doc, span.start);
    let until = doc
        .sentences
        .get(here + 5)
        .map_or(doc.text().len(), |s| s.span.start);
    only_one(
        doc.mentions
            .iter()
            .filter(|m| m.span.start >= span.end && m.span.end <= until && person_like(m.ty))
            .filter(|m| titled(doc, m.span, head))
            .filter_map(|m| m.entity),
    )
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

/// Whether the three sentences before `pos` introduce someone unnamed by
/// `head` ("a spokesman for the militias said … the spokesman claimed").
pub(super) fn introduced_unnamed(doc: &Document, pos: usize, head: &str) -> bool {
    let from = sentence_start_back(doc, pos, 3);
    let word = |i: usize| doc.span_text(doc.tokens[i].span).to_lowercase();
    // Tokens are in text order: only those from `from` on are read.
    let first = doc.tokens.partition_point(|t| t.span.start < from);
    (first..doc.tokens.len())
        .take_while(|&i| doc.tokens[i].span.start <= pos)
        .filter(|&i| doc.tokens[i].span.end <= pos)
        .filter(|&i| word(i) == head)
        .any(|i| {
            (i.saturating_sub(4)..i)
                .any(|j| matches!(word(j).as_str(), "a" | "an" | "one" | "another"))
        })
}

/// The organisation named in the two sentences before `pos`: the only one,
/// or the only one whose name or apposition holds `word`, or else whose
/// name holds one of the descriptor's `modifiers`.
fn lone_group(doc: &Document, pos: usize, word: &str, modifiers: &[String]) -> Option<EntityId> {
    let from = sentence_start_back(doc, pos, 2);
    let groups: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| m.span.start >= from && m.span.end <= pos && m.ty == EntityType::Org)
        .filter_map(|m| m.entity.map(|e| (e, m.span)))
        .collect();
    let named = |g: &&(EntityId, Span)| {
        doc.entities[g.0].name.to_lowercase().contains(word) || titled(doc, g.1, word)
    };
    // "The Syrian Network for Human Rights … according to the rights group":
    // a word describing the head that the name spells out.
    let described = |g: &&(EntityId, Span)| {
        let name = doc.entities[g.0].name.to_lowercase();
        modifiers
            .iter()
            .any(|m| name.split(|c: char| !c.is_alphanumeric()).any(|w| w == m))
    };
    only_one(groups.iter().map(|g| g.0))
        .or_else(|| only_one(groups.iter().filter(named).map(|g| g.0)))
        .or_else(|| only_one(groups.iter().filter(described).map(|g| g.0)))
}

/// The lower-cased nouns and adjectives before the head `h` of the phrase
/// from `x` ("rights" of "the rights group").
fn head_modifiers(doc: &Document, x: usize, h: usize) -> Vec<String> {
    (x..h)
        .filter(|&i| matches!(doc.tokens[i].pos, Some(Upos::Noun | Upos::Adj)))
        .map(|i| doc.span_text(doc.tokens[i].span).to_lowercase())
        .collect()
}
