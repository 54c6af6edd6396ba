//! Definite descriptors: "the US president", "the group", "his mother".
//! A person's descriptor resolves by its own words only to someone the
//! document titles with its head word (before it, or just after in a lede),
//! names in apposition to it, or who is not its possessor; a group's to the
//! one organisation nearby. What the words leave open, `continuity` may give
//! to the one the text was just about. Anything less certain stays
//! unresolved: a wrong name is worse than none.

use dossier_core::EntityId;
use dossier_core::Upos;
use dossier_core::{Document, EntityType, Span};

use super::continuity::{
    lede_subject, previous_speaker, spokesman_for, untitled_person, word_before,
};
use super::heads::phrase_head;
use super::person_like;
use super::sentences::{is_possessive, only_one, sentence_start_back};
use super::titles::{titled, titled_as};
use super::words::{role_of, Role};
use crate::tree::{is_comma, sentence_index_at, tokens_in};

/// A definite descriptor's entity: "the US president" is the person named
/// earlier with "president" beside the name ("President Erdoğan",
/// "Pompeo, the secretary of state"); "the group" is the one organisation
/// named in the two sentences before. Anything less certain stays
/// unresolved: a wrong name is worse than none. `reach` says whether the
/// text around may resolve what its words leave open.
pub(super) fn descriptor_antecedent(
    doc: &Document,
    span: Span,
    tokens: Option<(usize, usize)>,
    (quoted, previous_named): (&[Span], Option<(EntityId, Span)>),
    reach: Reach,
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
    let titled_before = || {
        doc.mentions
            .iter()
            .rev()
            .filter(|m| m.span.end <= span.start && person_like(m.ty))
            .find(|m| m.entity.is_some() && titled_as(doc, m.span, (x, y)))
            .and_then(|m| m.entity)
    };
    // "the coalition" used before for another group is that group.
    let group = || {
        let modifiers = head_modifiers(doc, x, phrase_head(doc, x, y));
        lone_group(doc, span.start, &head, &modifiers)
    };
    match (role_of(&head)?, reach) {
        // "the opposition leader … opposition leader Anicet Essebsi": every
        // word of the descriptor titles the one person, before or after.
        (Role::Person, Reach::Words) => {
            titled_before().or_else(|| titled_later(doc, span, |m| titled_as(doc, m, (x, y))))
        }
        (Role::Group, Reach::Words) => group(),
        (Role::Person, Reach::Context) => titled_before()
            .or_else(|| lede_subject(doc, span, person_like))
            .or_else(|| untitled_person(doc, span, &head, (quoted, previous_named)))
            .or_else(|| titled_later(doc, span, |m| titled(doc, m, &head))),
        (Role::Group, Reach::Context) => group()
            .or_else(|| {
                let organisation = |t| t == EntityType::Org;
                previous_speaker(doc, span, quoted, previous_named, organisation)
                    .filter(|_| !word_before(doc, &head, span.start, previous_named))
            })
            .or_else(|| lede_subject(doc, span, |t| t == EntityType::Org))
            .or_else(|| spokesman_for(doc, span, quoted, previous_named)),
    }
}

/// How far a descriptor is resolved.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum Reach {
    /// By its words and the text around it: a lede's descriptor is the
    /// subject the next sentences name, an untitled one the person the text
    /// was just about or the speaker before (a quote speaker's descriptor).
    Context,
    /// By its own words alone: the person every word of it titles, the name
    /// set off after it, the organisation its words pick out. For an actor
    /// that would otherwise be no one, where being the lede's or the last
    /// speaker's subject is no evidence of being acted on.
    Words,
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
    .or_else(|| titled_later(doc, span, |m| titled(doc, m, &head)));
    found.filter(|e| !possessors.contains(e))
}

/// "The prime minister said … Scott Morrison, the prime minister, …": a
/// descriptor that nothing before resolves is the one person in the five
/// sentences after it whose name `titled_so` (by its head word, or by all
/// its words).
fn titled_later(doc: &Document, span: Span, titled_so: impl Fn(Span) -> bool) -> Option<EntityId> {
    let here = sentence_index_at(doc, span.start);
    let until = doc
        .sentences
        .get(here + 5)
        .map_or(doc.text().len(), |s| s.span.start);
    only_one(
        doc.mentions
            .iter()
            .filter(|m| m.span.start >= span.end && m.span.end <= until && person_like(m.ty))
            .filter(|m| titled_so(m.span))
            .filter_map(|m| m.entity),
    )
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
