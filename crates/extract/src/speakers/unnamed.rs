//! Speakers that name no one: "a doctor in Ghouta", "the lawyers", "those
//! who resigned". Such a phrase is a speaker in its own right, and a later
//! pronoun of its number may stand for it rather than for a name further
//! back; a wrong name is worse than the phrase, so the pronoun then refers
//! to the phrase's span. Person nouns are told by role, kin and agent form.

use dossier_core::EntityId;
use dossier_core::{Dep, Upos, Xpos};
use dossier_core::{Document, Span, Token};

use super::descriptors::introduced_unnamed;
use super::heads::{hangs_under, modified_start, phrase_head};
use super::pronouns::pronoun_subject_before;
use super::sentences::{possessor, sentence_start_back, topicality};
use super::words::{
    noun_sex, people_noun, person_word, role_of, Role, DOCUMENTS, FEMALE, INSTITUTIONS, MALE,
};
use crate::quotes::CueLexicon;
use crate::tree::{is_comma, sentence_index_at};

/// Whether an indefinite speaker phrase is a person ("a doctor in Ghouta",
/// "one rebel official": false) or people ("a group of women", "Idlib
/// residents": true); None for an institution, a document, a group, and
/// for a definite phrase ("the foreign minister"), which is often someone
/// named before, unless the sentences before introduced it unnamed.
pub(super) fn unnamed_people(doc: &Document, tokens: Option<(usize, usize)>) -> Option<bool> {
    let (x, y) = tokens.filter(|&(x, y)| y > x)?;
    let h = phrase_head(doc, x, y);
    let head = doc.span_text(doc.tokens[h].span).to_lowercase();
    let first = doc.span_text(doc.tokens[x].span).to_lowercase();
    let plural = head == "group" || matches!(doc.tokens[h].tag, Some(Xpos::Nns | Xpos::Nnps));
    let indefinite = matches!(first.as_str(), "a" | "an" | "one" | "another")
        || (plural && !matches!(doc.tokens[x].pos, Some(Upos::Det | Upos::Pron)));
    // "A spokesman for the network told … the spokesman said": still no one named.
    let unnamed_before = first == "the"
        && role_of(&head) == Some(Role::Person)
        && introduced_unnamed(doc, doc.tokens[x].span.start, &head);
    if !indefinite && !unnamed_before {
        return None;
    }
    let not_people = INSTITUTIONS.contains(&head.as_str())
        || role_of(&head) == Some(Role::Group)
        || DOCUMENTS.contains(&head.as_str());
    (!not_people && doc.tokens[h].pos == Some(Upos::Noun)).then_some(plural)
}

/// The unnamed speaker a pronoun stands for: the last speaker phrase that
/// named no one, of the pronoun's number, when it spoke after the person
/// the pronoun resolved to (or the pronoun resolved to no one) and within
/// the four sentences before.
pub(super) fn unnamed_antecedent(
    doc: &Document,
    w: &str,
    sp: &dossier_core::Speaker,
    last_unnamed: Option<(Span, bool)>,
    last_speaker: Option<(EntityId, usize)>,
) -> Option<Span> {
    let (span, plural) = last_unnamed?;
    let personal = MALE.contains(&w) || FEMALE.contains(&w);
    let they = matches!(w, "they" | "them" | "their");
    if !((personal && !plural) || (they && plural)) {
        return None;
    }
    if span.start < sentence_start_back(doc, sp.span.start, 4) {
        return None;
    }
    // A person the pronoun resolved to, named after the unnamed speaker, wins.
    let named_at = sp.entity.and_then(|e| {
        let mentioned = doc
            .mentions
            .iter()
            .filter(|m| m.entity == Some(e) && m.span.end <= sp.span.start)
            .map(|m| m.span.end)
            .max();
        let spoke = last_speaker.filter(|s| s.0 == e).map(|s| s.1);
        mentioned.max(spoke)
    });
    named_at.is_none_or(|at| at < span.start).then_some(span)
}

/// "Syrian civil society groups used the conference … They also warned":
/// a they or them whose nearest plural subject of people (outside quotation
/// marks and contents, in the four sentences before) stands later than the
/// entity it resolved to, or as a more topical subject of that entity's
/// sentence, refers to that phrase, not to a group named earlier; so does
/// a he or she with "a former admiral", "a Canadian woman" (a singular
/// indefinite phrase of a person of that sex). A name inside the phrase
/// ("Kurdish officials … they") keeps its entity. A name that is no
/// subject in a sentence whose subject is the pronoun itself ("She referred
/// to Rashida as Umm Yusuf") is what the pronoun's person talks about.
pub(super) fn phrase_antecedent(
    doc: &Document,
    cues: &CueLexicon,
    w: &str,
    sp: &dossier_core::Speaker,
    (quoted, contents): (&[Span], &[Span]),
    last_speaker: Option<(EntityId, usize)>,
) -> Option<Span> {
    let number = match w {
        "they" | "them" => Number::Plural,
        "he" => Number::Singular(true),
        "she" => Number::Singular(false),
        _ => return None,
    };
    let found = (Some(cues), number, sp.span.start, sp.entity);
    phrase_over_entity(doc, w, found, (quoted, contents), last_speaker).map(|(phrase, _)| phrase)
}

/// `phrase_antecedent` for the pronoun `w` at byte `at` that resolved to
/// `entity` (if any): the phrase of people of `number` it stands for
/// instead, and the phrase's head token. Without `cues` (an event's
/// pronoun), a plural phrase is told by its noun's word class alone.
pub(super) fn phrase_over_entity(
    doc: &Document,
    w: &str,
    (cues, number, at, entity): (Option<&CueLexicon>, Number, usize, Option<EntityId>),
    (quoted, contents): (&[Span], &[Span]),
    last_speaker: Option<(EntityId, usize)>,
) -> Option<(Span, usize)> {
    let (phrase, head, rank) = subject_phrase(doc, cues, at, number, (quoted, contents))?;
    let Some(e) = entity else {
        return Some((phrase, head));
    };
    let outside = |s: Span| !quoted.iter().any(|q| q.contains(s));
    let talked_of = |m: Span| {
        topicality(doc, m) == 0 && !possessor(doc, m) && pronoun_subject_before(doc, m, w, quoted)
    };
    let mention = doc
        .mentions
        .iter()
        .filter(|m| m.entity == Some(e) && m.span.end <= at && outside(m.span))
        .map(|m| m.span)
        .rfind(|&m| !talked_of(m));
    let spoke = last_speaker.filter(|s| s.0 == e).map(|s| s.1);
    // The entity's latest place before the pronoun: (sentence, topicality, byte).
    let named = match (mention, spoke) {
        (Some(m), Some(s)) if s > m.end => (sentence_index_at(doc, s.saturating_sub(1)), 2, s),
        (Some(m), _) => (sentence_index_at(doc, m.start), topicality(doc, m), m.start),
        (None, Some(s)) => (sentence_index_at(doc, s.saturating_sub(1)), 2, s),
        (None, None) => return Some((phrase, head)),
    };
    if mention.is_some_and(|m| phrase.contains(m)) {
        return None;
    }
    (rank > named).then_some((phrase, head))
}

/// The number (and for one person, the sex) a pronoun asks of a phrase.
#[derive(Clone, Copy)]
pub(super) enum Number {
    Plural,
    /// A person: true a man.
    Singular(bool),
}

/// The nearest subject before byte `at`, in the four sentences before,
/// that is a phrase of people of `number` named by no name ("the
/// lawyers", "rebel officials", "those who resigned"; "a former admiral"),
/// outside quotation marks and contents: its span, its head token, and
/// its rank (sentence, topicality, byte).
fn subject_phrase(
    doc: &Document,
    cues: Option<&CueLexicon>,
    at: usize,
    number: Number,
    (quoted, contents): (&[Span], &[Span]),
) -> Option<(Span, usize, (usize, u8, usize))> {
    let from = sentence_start_back(doc, at, 4);
    let first = doc.tokens.partition_point(|t| t.span.start < from);
    let last = doc.tokens.partition_point(|t| t.span.end <= at);
    let in_name = |s: Span| doc.mentions.iter().any(|m| m.span.contains(s));
    let outside = |s: Span| !quoted.iter().chain(contents).any(|q| q.contains(s));
    let fits = |i: usize| match number {
        Number::Plural => plural_people(doc, cues, i),
        Number::Singular(male) => unnamed_person(doc, i, male),
    };
    (first..last)
        .filter(|&i| doc.tokens[i].dep == Some(Dep::Nsubj))
        .filter(|&i| outside(doc.tokens[i].span) && !in_name(doc.tokens[i].span))
        .filter(|&i| fits(i))
        .map(|i| {
            let phrase = plural_phrase(doc, i);
            let rank = (
                sentence_index_at(doc, phrase.start),
                topicality(doc, doc.tokens[i].span),
                phrase.start,
            );
            (phrase, i, rank)
        })
        .max_by_key(|&(_, _, rank)| rank)
}

/// Whether token `i` heads a plural phrase of people: a plural noun that
/// headed speakers in training ("officials", "lawyers"), names a role or
/// kin, or is an agent noun ("journalists", "commanders", "militants");
/// or "those" and "others". Without `cues`, by the word classes alone.
pub(super) fn plural_people(doc: &Document, cues: Option<&CueLexicon>, i: usize) -> bool {
    let t = &doc.tokens[i];
    let word = doc.span_text(t.span).to_lowercase();
    if matches!(word.as_str(), "those" | "others") {
        return true;
    }
    if !(t.pos == Some(Upos::Noun) && matches!(t.tag, Some(Xpos::Nns | Xpos::Nnps))) {
        return false;
    }
    let singular = word.strip_suffix('s').unwrap_or(&word);
    cues.is_some_and(|c| c.is_speaker_noun(&word)) || people_noun(singular) || person_word(&word)
}

/// Whether token `i` heads "a former Russian admiral", "one doctor", "a
/// Canadian woman": a singular person noun after "a", "an", "one" or
/// "another", of the sex `male` where the noun says it, with no name in
/// apposition.
fn unnamed_person(doc: &Document, i: usize, male: bool) -> bool {
    let t = &doc.tokens[i];
    let word = doc.span_text(t.span).to_lowercase();
    if !(t.pos == Some(Upos::Noun) && t.tag == Some(Xpos::Nn)) {
        return false;
    }
    let sex = noun_sex(&word);
    let indefinite = (i.saturating_sub(5)..i).any(|d| {
        doc.tokens[d].head == Some(i)
            && matches!(
                doc.span_text(doc.tokens[d].span).to_lowercase().as_str(),
                "a" | "an" | "one" | "another"
            )
    });
    let named = (i + 1..doc.tokens.len().min(i + 30))
        .any(|c| doc.tokens[c].head == Some(i) && doc.tokens[c].dep == Some(Dep::Appos));
    let thing = INSTITUTIONS.contains(&word.as_str()) || DOCUMENTS.contains(&word.as_str());
    let person = sex.is_some() || (people_noun(&word) && !thing);
    indefinite && !named && person && sex.is_none_or(|s| s == male)
}

/// The span of the phrase token `h` heads: from its first dependent to
/// it; with what follows for "those" and "others" ("those who resigned")
/// and a noun's "of" phrase.
fn plural_phrase(doc: &Document, h: usize) -> Span {
    // "Letts’s parents", not "In Brussels … groups".
    let modifier = |t: &Token| {
        matches!(
            t.dep,
            Some(Dep::Det | Dep::Amod | Dep::Compound | Dep::Nummod | Dep::Case | Dep::Flat)
        )
    };
    let start = modified_start(doc, h, &modifier);
    // A noun keeps its "of" phrase ("members of Congress"), up to a comma;
    // "those" its relative clause, up to the clause's verb.
    let word = |i: usize| doc.span_text(doc.tokens[i].span);
    let runs_on = doc.tokens[h].pos != Some(Upos::Noun)
        || (h + 1 < doc.tokens.len() && word(h + 1).eq_ignore_ascii_case("of"));
    let mut end = h;
    while runs_on
        && end + 1 < doc.tokens.len()
        && hangs_under(doc, end + 1, h, &|_| true)
        && !is_comma(doc, end + 1)
    {
        end += 1;
        if doc.tokens[end].pos == Some(Upos::Verb) {
            break;
        }
    }
    Span::new(doc.tokens[start].span.start, doc.tokens[end].span.end)
}
