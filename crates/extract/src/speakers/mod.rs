//! Speakers: which entity a quote's source phrase names.
//!
//! The name at the head of the source phrase first; a relative pronoun
//! stands for the noun its clause describes (else the name it follows); a
//! personal pronoun for the most salient earlier entity of its type.
//!
//! One module per kind of source phrase, tried in the order
//! `resolve_speakers` gives: `heads` (a name in the phrase), `relatives`
//! (who, which, that), `pronouns` with `gender` (he, she, they, it),
//! `unnamed` (a phrase that names no one, and the pronouns that stand for
//! it), `descriptors` and `institutions` ("the minister", "the ministry")
//! with `titles`, and `coordination` (several speakers). `sentences` holds
//! the windows and salience they all rank by; `words` the word classes.

use std::collections::HashMap;

use dossier_core::{Document, EntityId, EntityType, Quote, QuoteKind, Span};

use crate::quotes::CueLexicon;
use coordination::coordinated;
pub(crate) use descriptors::Reach;
use descriptors::{descriptor_antecedent, possessed_antecedent};
use gender::{kin_antecedent, kin_gender, pronoun_genders};
use heads::{appositive_person, head_name, person_by_surname};
use institutions::institution_antecedent;
use pronouns::resolve_pronoun_near_or_far;
use relatives::relative_speaker;
use sentences::sentence_span;
use unnamed::{phrase_antecedent, unnamed_antecedent, unnamed_people};
use words::{is_pronoun, FEMALE, MALE, PLURAL};

mod continuity;
mod coordination;
mod descriptors;
mod gender;
mod heads;
mod institutions;
mod pronouns;
mod relatives;
mod sentences;
#[cfg(test)]
mod tests;
mod titles;
mod unnamed;
mod words;

pub(crate) use heads::phrase_head;
pub(crate) use pronouns::{plural_referent, pronoun_referent, PluralReferent};
pub(crate) use words::{is_person_title, people_noun, person_word, DOCUMENTS};

fn person_like(t: EntityType) -> bool {
    t == EntityType::Person
}

fn group_like(t: EntityType) -> bool {
    matches!(t, EntityType::Org | EntityType::Gpe | EntityType::Norp)
}

/// Points each speaker span at an entity: the name at the head of the
/// source phrase first; a relative pronoun at the noun its clause
/// describes, else the name it follows; a personal pronoun at the most
/// salient earlier entity of its type. A
/// speaker that is a bare function word ("the", "those") is dropped.
pub(crate) fn resolve_speakers(
    doc: &Document,
    quotes: &mut [(Quote, Option<(usize, usize)>)],
    cues: &CueLexicon,
) {
    let text = doc.text();
    // Gender learned from the pronouns that resolved to each entity,
    // seeded with the pronouns the text uses around each person's name.
    let mut gender: HashMap<EntityId, bool> = HashMap::new();
    let mut last_speaker: Option<(EntityId, usize)> = None; // (entity, byte position)
    let mut unnamed: Vec<Span> = Vec::new(); // speakers that name no one
    let mut previous: Option<PreviousQuote> = None;
    let mut last_unnamed: Option<(Span, bool)> = None; // a person or people named by no name
                                                       // Names inside quotation marks are what speakers talk about, not who speaks.
    let quoted: Vec<Span> = quotes
        .iter()
        .filter(|(q, _)| q.kind != QuoteKind::Indirect)
        .map(|(q, _)| q.span)
        .collect();
    // Every quote's content, indirect ones too: what was said, not who.
    let contents: Vec<Span> = quotes.iter().map(|(q, _)| q.span).collect();
    gender.extend(pronoun_genders(doc, &quoted));
    for (q, tokens) in quotes.iter_mut() {
        let mut kin_phrase: Option<Span> = None;
        let Some(sp) = q.speaker.as_mut() else {
            continue;
        };
        let w = sp.span.of(text).to_lowercase();
        if let Some(named) = head_name(doc, sp.span, *tokens) {
            sp.entity = Some(named);
            sp.also = coordinated(doc, sp.span, named);
        } else if let Some(e) = appositive_person(doc, *tokens) {
            sp.entity = Some(e);
        } else if let Some(e) = person_by_surname(doc, sp.span.of(text)) {
            // A transcript's "PENCE:" names Mike Pence, whom the tagger missed in capitals.
            sp.entity = Some(e);
        } else if matches!(w.as_str(), "who" | "which" | "that") {
            if !relative_speaker(doc, sp, (q.cue, *tokens), cues) {
                q.speaker = None;
            }
        } else if FUNCTION_WORDS.contains(&w.as_str()) {
            q.speaker = None;
        } else if let Some((kin, range)) =
            kin_antecedent(doc, &w, sp.span.start, &quoted, last_speaker)
        {
            // "Begum's father … “…,” he said": the kin noun, not a name.
            match possessed_antecedent(doc, kin, range) {
                Some(e) => sp.entity = Some(e),
                None => kin_phrase = Some(kin),
            }
        } else if let Some((e, from)) = resolve_pronoun_near_or_far(
            doc,
            &w,
            (sp.span.start, &quoted, &unnamed, &contents),
            last_speaker,
            &gender,
        ) {
            let (e, from) =
                continued_run(&w, from, previous.as_ref()).map_or((e, from), |p| (p, None));
            sp.entity = Some(e);
            // "They" for "Kotey and Elsheikh": every person of the coordination.
            if let Some(m) =
                from.filter(|_| PLURAL.contains(&w.as_str()) && person_like(doc.entities[e].ty))
            {
                sp.also = coordinated(doc, sentence_span(doc, m.start), e);
            }
            if MALE.contains(&w.as_str()) || FEMALE.contains(&w.as_str()) {
                gender.insert(e, MALE.contains(&w.as_str()));
            }
        } else if let Some(e) = descriptor_antecedent(
            doc,
            sp.span,
            *tokens,
            (&quoted, previous.as_ref().and_then(PreviousQuote::named)),
            Reach::Context,
        ) {
            sp.entity = Some(e);
        } else if let Some(e) = institution_antecedent(doc, sp.span, *tokens) {
            sp.entity = Some(e);
        }
        if let Some(sp) = q.speaker.as_mut().filter(|_| is_pronoun(&w)) {
            let unnamed = unnamed_antecedent(doc, &w, sp, last_unnamed, last_speaker);
            let phrase = phrase_antecedent(doc, cues, &w, sp, (&quoted, &contents), last_speaker);
            // The unnamed speaker's whole phrase ("one doctor in Ghouta") when it holds the subject.
            let phrase = phrase.map(|p| unnamed.filter(|u| u.contains(p)).unwrap_or(p));
            sp.refers_to = kin_phrase.take().or(phrase).or(unnamed);
            if sp.refers_to.is_some() {
                sp.entity = None;
                sp.also.clear();
            }
        }
        if let Some(sp) = q.speaker.as_mut().filter(|sp| sp.entity.is_none()) {
            sp.affiliation = affiliation(doc, sp.span);
            // A relative pronoun's noun is no speaker a later "he" continues.
            if !is_pronoun(&w) && sp.refers_to.is_none() {
                unnamed.push(sp.span);
                if !quoted.iter().any(|q| q.contains(sp.span)) {
                    last_unnamed = unnamed_people(doc, *tokens).map(|plural| (sp.span, plural));
                }
            }
        }
        if let Some(e) = q.speaker.as_ref().and_then(|sp| sp.entity) {
            // "His mother, Jane Lyndon" is a woman whatever her name.
            if let Some(g) = tokens.and_then(|(x, y)| kin_gender(doc, x, y)) {
                gender.insert(e, g);
            }
            last_speaker = Some((e, q.speaker.as_ref().map_or(0, |sp| sp.span.end)));
        }
        previous = q.speaker.as_ref().map(|sp| PreviousQuote {
            word: w.clone(),
            entity: sp.entity,
            speaker: sp.span,
            content: q.span,
        });
    }
}

/// The one named person or organisation a definite descriptor stands for
/// ("the foreign minister", "the group"), resolved by its own words and the
/// text around it as a quote speaker's descriptor is, no quote being near:
/// for an event's role, which names the holder where the document does.
pub(crate) fn descriptor_entity(
    doc: &Document,
    span: Span,
    tokens: (usize, usize),
    reach: Reach,
) -> Option<EntityId> {
    descriptor_antecedent(doc, span, Some(tokens), (&[], None), reach)
}

/// The quote just before, as the next one's speaker reads it.
struct PreviousQuote {
    /// Its speaker phrase, lowercase ("he", "the minister").
    word: String,
    entity: Option<EntityId>,
    speaker: Span,
    content: Span,
}

impl PreviousQuote {
    /// Its speaker's entity and phrase, when the speaker is named.
    fn named(&self) -> Option<(EntityId, Span)> {
        self.entity.map(|e| (e, self.speaker))
    }
}

/// "In his remarks, he said Trump signed it. He said …": a pronoun that
/// repeats the previous quote's speaker pronoun continues its run of
/// quotes, so a name found inside that quote's content (what the speaker
/// talked about) yields to the entity the previous pronoun stood for.
fn continued_run(
    w: &str,
    from: Option<Span>,
    previous: Option<&PreviousQuote>,
) -> Option<EntityId> {
    let p = previous?;
    let inside = from.is_some_and(|m| p.content.contains(m));
    p.entity.filter(|_| p.word == w && inside)
}

/// Words that can stand as a parse's subject but name no one.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "there", "here", "what", "whom", "whose", "such",
];

/// Who a speaker that names no one speaks for: the first person, group or
/// place named inside its phrase ("a Trump campaign source" → Trump,
/// "a spokesman for the Kremlin" → the Kremlin).
fn affiliation(doc: &Document, span: Span) -> Option<EntityId> {
    doc.mentions
        .iter()
        .find(|m| {
            span.contains(m.span) && m.entity.is_some() && (person_like(m.ty) || group_like(m.ty))
        })?
        .entity
}
