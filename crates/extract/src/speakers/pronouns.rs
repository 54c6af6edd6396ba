//! Personal pronouns: which named entity a he, she, they or it stands for.
//!
//! The nearest sentence with a subject of the pronoun's type decides,
//! within four sentences, unless the last speaker spoke later: news
//! narration keeps its topic as subject, and a quote's pronoun most often
//! continues the person just quoted. A he or she may reach further back,
//! over quotations and sentences whose subject is the same pronoun. Names
//! inside quotation marks are what is talked about, never antecedents.

use dossier_core::{Dep, Upos};
use std::collections::HashMap;

use dossier_core::{Document, EntityId, EntityType, QuoteKind, Span};

use super::coordination::coordinated;
use super::gender::known_gender;
use super::person_like;
use super::sentences::{
    inside_quotes, possessor, sentence_span, sentence_start_back, start_back_skipping, topicality,
    unquoted_subject,
};
use super::unnamed::{phrase_over_entity, Number};
use super::words::{noun_sex, role_of, Role, FEMALE, MALE};
use crate::tree::{sentence_index_at, tokens_in};

/// A speaker pronoun's entity and the mention it was found at: in the four
/// sentences before; else, for a he or she, past sentences inside
/// quotation marks ("Letts told ITV News: “…” He said") and sentences
/// whose subject is the same pronoun ("Begum married … She then had …
/// She had a son … She told"), unless an unnamed speaker ("said a doctor
/// in Ghouta") spoke since the last named one.
pub(super) fn resolve_pronoun_near_or_far(
    doc: &Document,
    w: &str,
    (at, quoted, unnamed, contents): (usize, &[Span], &[Span], &[Span]),
    last_speaker: Option<(EntityId, usize)>,
    gender: &HashMap<EntityId, bool>,
) -> Option<(EntityId, Option<Span>)> {
    let near = sentence_start_back(doc, at, 4);
    let recency = Some(contents);
    resolve_pronoun(
        doc,
        w,
        (at, quoted, near),
        last_speaker,
        gender,
        recency,
        &[],
    )
    .or_else(|| {
        let continues =
            |k: usize| inside_quotes(doc, k, quoted) || pronoun_subject(doc, k, w, quoted);
        let far = start_back_skipping(doc, at, 4, &continues);
        let spoke_after = |u: &&Span| last_speaker.is_none_or(|(_, s)| u.start >= s);
        let unnamed_since = unnamed.iter().filter(spoke_after).any(|u| u.start >= far);
        let personal = MALE.contains(&w) || FEMALE.contains(&w);
        (personal && !unnamed_since).then(|| {
            resolve_pronoun(
                doc,
                w,
                (at, quoted, far),
                last_speaker,
                gender,
                recency,
                &[],
            )
        })?
    })
}

/// The entity a personal pronoun at byte `at` stands for, resolved as a
/// speaker pronoun is but with no speakers seen: an event's "charged him".
/// None of `except` (the clause's subject: "Clinton criticised him" is not
/// Clinton).
pub(crate) fn pronoun_referent(
    doc: &Document,
    word: &str,
    at: usize,
    except: &[EntityId],
) -> Option<EntityId> {
    let quoted: Vec<Span> = doc
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .map(|q| q.span)
        .collect();
    let window = (at, quoted.as_slice(), sentence_start_back(doc, at, 4));
    resolve_pronoun(doc, word, window, None, &HashMap::new(), None, except).map(|(e, _)| e)
}

/// What a "they", "them" or "their" stands for.
#[derive(Debug, PartialEq)]
pub(crate) enum PluralReferent {
    /// A group, or people coordinated ("Kotey and Elsheikh"): every one.
    Named(Vec<EntityId>),
    /// A phrase of people that names no one ("the protesters"): its head token.
    Phrase(usize),
}

/// What a plural pronoun at byte `at` stands for, resolved as a quote
/// speaker's "they" is but with no speakers seen: the group or coordinated
/// people `resolve_pronoun` finds, unless a phrase of people was the
/// subject since (`unnamed::phrase_over_entity`). Never one of `except`.
/// A wrong name is worse than none, so nothing inside quotation marks
/// (the speaker's "they" has the speaker's context), and nothing when
/// another plural noun stands between the antecedent and the pronoun
/// ("allowing eight counties …, exempting them"): that noun may be what
/// the pronoun stands for, and the resolver does not weigh objects.
pub(crate) fn plural_referent(
    doc: &Document,
    at: usize,
    except: &[EntityId],
) -> Option<PluralReferent> {
    let direct = |q: &&dossier_core::Quote| q.kind != QuoteKind::Indirect;
    let quoted: Vec<Span> = doc.quotes.iter().filter(direct).map(|q| q.span).collect();
    if quoted.iter().any(|q| q.start <= at && at < q.end) {
        return None;
    }
    let contents: Vec<Span> = doc.quotes.iter().map(|q| q.span).collect();
    let window = (at, quoted.as_slice(), sentence_start_back(doc, at, 4));
    let found = resolve_pronoun(doc, "they", window, None, &HashMap::new(), None, except);
    let asked = (None, Number::Plural, at, found.map(|(e, _)| e));
    if let Some((phrase, head)) = phrase_over_entity(doc, "they", asked, (&quoted, &contents), None)
    {
        return (!plural_noun_between(doc, phrase, at)).then_some(PluralReferent::Phrase(head));
    }
    let (e, m) = found?;
    let m = m?;
    if !in_a_subject(doc, m) || plural_noun_between(doc, m, at) || modifies_a_thing(doc, m) {
        return None;
    }
    let mut all = vec![e];
    if person_like(doc.entities[e].ty) {
        // Joined through any of them ("A, B and C" however the parse chained it).
        let sentence = sentence_span(doc, m.start);
        for _ in 0..2 {
            for x in all.clone() {
                let others = coordinated(doc, sentence, x).into_iter();
                let new: Vec<_> = others.filter(|o| !all.contains(o)).collect();
                all.extend(new);
            }
        }
        all.retain(|o| !except.contains(o));
    }
    Some(PluralReferent::Named(all))
}

/// Whether the name at `span` is a subject or part of one ("Two members of
/// Hamas were killed", "Talabani and Ahmed's clique fought"): the resolver
/// falls back on the last name when no subject fits, which for a "they" is
/// as often a place or a thing named in passing.
fn in_a_subject(doc: &Document, span: Span) -> bool {
    if topicality(doc, span) > 0 {
        return true;
    }
    tokens_in(doc, span).any(|i| {
        let mut t = i;
        for _ in 0..4 {
            match doc.tokens[t].dep {
                Some(Dep::Nsubj) => return true,
                Some(
                    Dep::Compound | Dep::Amod | Dep::Flat | Dep::Nmod | Dep::Appos | Dep::Conj,
                ) => {}
                _ => return false,
            }
            match doc.tokens[t].head {
                Some(h) if h != t => t = h,
                _ => return false,
            }
        }
        false
    })
}

/// Whether the name at `span` only modifies a noun that is not people
/// ("the majority Muslim nation"): "Kurdish officials … they" stand for
/// the Kurds, a nation's adjective for no "they".
fn modifies_a_thing(doc: &Document, span: Span) -> bool {
    if !modifies_noun(doc, span) {
        return false;
    }
    let Some(last) = tokens_in(doc, span).last() else {
        return false;
    };
    doc.tokens[last]
        .head
        .is_none_or(|h| !super::unnamed::plural_people(doc, None, h))
}

/// Whether a plural common noun outside any name stands after `antecedent`
/// and before byte `at`.
fn plural_noun_between(doc: &Document, antecedent: Span, at: usize) -> bool {
    let in_name = |s: Span| doc.mentions.iter().any(|m| m.span.contains(s));
    let first = doc
        .tokens
        .partition_point(|t| t.span.start < antecedent.end);
    doc.tokens[first..]
        .iter()
        .take_while(|t| t.span.end <= at)
        .any(|t| {
            t.pos == Some(Upos::Noun)
                && matches!(
                    t.tag,
                    Some(dossier_core::Xpos::Nns | dossier_core::Xpos::Nnps)
                )
                && !in_name(t.span)
        })
}

/// Whether the name at `span` only modifies a common noun ("a Trump
/// loyalist", "the Obama administration", "a Republican senator"): it
/// names no one a later pronoun could stand for.
pub(super) fn modifies_noun(doc: &Document, span: Span) -> bool {
    let Some(last) = tokens_in(doc, span).last() else {
        return false;
    };
    let t = &doc.tokens[last];
    matches!(t.dep, Some(Dep::Compound | Dep::Amod))
        && t.head.is_some_and(|h| {
            h != last
                && doc.tokens[h].pos == Some(Upos::Noun)
                && !crate::tree::touches_token(doc, span, h)
        })
}

/// A personal pronoun's entity: he and she a person (of that gender when
/// known), they a group, an organisation or coordinated people, it an
/// organisation or a country; "we" stays unresolved (the writer, or a
/// speaker's side). The nearest sentence (up to four back) with a subject
/// of that type gives its main-clause subject, else its other subject; the
/// last speaker wins when it spoke later; without either, the last name of
/// that type. Names
/// inside the `quoted` spans and names that only modify a noun do not count.
/// Returns the entity and the mention it was found at, if any; never one of
/// `except`.
fn resolve_pronoun(
    doc: &Document,
    w: &str,
    (before, quoted, window_start): (usize, &[Span], usize),
    last_speaker: Option<(EntityId, usize)>,
    gender: &HashMap<EntityId, bool>,
    recency: Option<&[Span]>,
    except: &[EntityId],
) -> Option<(EntityId, Option<Span>)> {
    let (male, female, neuter) = (MALE.contains(&w), FEMALE.contains(&w), w == "it");
    let plural = matches!(w, "they" | "them" | "their");
    if !(male || female || plural || neuter) {
        return None;
    }
    let ok = |e: EntityId, at: Span| {
        if except.contains(&e) {
            return false;
        }
        let ty = doc.entities[e].ty;
        if plural {
            matches!(ty, EntityType::Org | EntityType::Norp)
                || (person_like(ty)
                    && !coordinated(doc, sentence_span(doc, at.start), e).is_empty())
        } else if neuter {
            // "it added": an organisation or a country, never a person.
            matches!(ty, EntityType::Org | EntityType::Gpe)
        } else {
            person_like(ty) && known_gender(doc, e, gender).is_none_or(|g| g == male)
        }
    };
    // A name modifying a noun ("a Trump loyalist") is no one's antecedent, but
    // "Kurdish officials … they" speak for the Kurds.
    let unquoted = |m: &&dossier_core::Mention| {
        !quoted.iter().any(|q| q.contains(m.span)) && (plural || !modifies_noun(doc, m.span))
    };
    let ms: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| {
            m.span.end <= before
                && m.span.start >= window_start
                && m.entity.is_some_and(|e| ok(e, m.span))
        })
        .filter(unquoted)
        .collect();
    let speaker = last_speaker
        .filter(|&(e, at)| at >= window_start && ok(e, Span::new(at.saturating_sub(1), at)));
    // A name that is not a subject, only where the sex agrees for sure.
    let agrees = |e: EntityId| known_gender(doc, e, gender) == Some(male);
    let subject = match recency {
        Some(contents) if male || female => {
            nearest_mention(doc, w, &ms, (before, quoted, contents), &agrees)
        }
        _ => nearest_subject(doc, &ms),
    };
    match (speaker, subject) {
        (Some(s), Some(t)) if s.1 > t.1.end => Some((s.0, None)),
        (_, Some(t)) => Some((t.0, Some(t.1))),
        (Some(s), None) => Some((s.0, None)),
        (None, None) => ms.last().and_then(|m| m.entity.map(|e| (e, Some(m.span)))),
    }
}

/// The nearest sentence with a subject among the mentions `ms`, and its
/// most topical one (the latest among equals): its entity and span.
fn nearest_subject(doc: &Document, ms: &[&dossier_core::Mention]) -> Option<(EntityId, Span)> {
    let sentence_of = |m: &dossier_core::Mention| sentence_index_at(doc, m.span.start);
    let subjects: Vec<_> = ms.iter().filter(|m| topicality(doc, m.span) > 0).collect();
    let last = subjects.last()?;
    let si = sentence_of(last);
    let best = subjects
        .iter()
        .rev()
        .take_while(|m| sentence_of(m) == si)
        .max_by_key(|m| (topicality(doc, m.span), m.span.start))
        .unwrap_or(last);
    best.entity.map(|e| (e, best.span))
}

/// The most recent sentence that names a fitting entity among `ms`: its
/// most topical subject as in `nearest_subject`; else its first name that
/// is neither a possessor nor inside a quote's content, when that name's
/// sex is known to be the pronoun's (`agrees`; when unknown, the nearest
/// subject) and no other phrase of the pronoun's kind is the sentence's
/// subject before it ("I met Ricardo. … he said"; "described by Russia's
/// envoy, Alexey Borodavkin. He urged"). A sentence whose subject is such a
/// phrase ("He attacked Clinton", "The foreign minister criticised
/// Macron") continues an earlier topic, so its other names are passed over.
fn nearest_mention(
    doc: &Document,
    w: &str,
    ms: &[&dossier_core::Mention],
    (before, quoted, contents): (usize, &[Span], &[Span]),
    agrees: &dyn Fn(EntityId) -> bool,
) -> Option<(EntityId, Span)> {
    let sentence_of = |m: &dossier_core::Mention| sentence_index_at(doc, m.span.start);
    // "Using a pejorative for Erdoğan, he added": a main-clause subject
    // pronoun is not a name earlier in its own sentence; "For Trump, …, a
    // war he claims" is.
    let own = sentence_index_at(doc, before);
    let pronoun = Span::new(before, before + w.len());
    let own_open = topicality(doc, pronoun) < 2;
    let mut rest = ms;
    while let Some(last) = rest.last() {
        let si = sentence_of(last);
        let split = rest.partition_point(|m| sentence_of(m) < si);
        let (earlier, here) = rest.split_at(split);
        if let Some(found) = nearest_subject(doc, here) {
            return Some(found);
        }
        let first = here
            .iter()
            .find(|m| !possessor(doc, m.span) && !contents.iter().any(|q| q.contains(m.span)));
        if let Some(m) = first {
            if !m.entity.is_some_and(agrees) {
                // A name of unknown sex ("Among them was Nuri Mahmud"):
                // no better guess than the nearest subject.
                return nearest_subject(doc, ms);
            }
            let open = si < own || own_open;
            if open && !topic_of_kind(doc, si, w, (m.span.start, quoted)) {
                return m.entity.map(|e| (e, m.span));
            }
        }
        rest = earlier;
    }
    None
}

/// Whether sentence `si`, before byte `before` and outside quotation marks,
/// has a subject that stands for a person of the he or she `w` without
/// naming one: the same pronoun, or a person noun ("the minister", "his
/// father", "senators").
fn topic_of_kind(doc: &Document, si: usize, w: &str, (before, quoted): (usize, &[Span])) -> bool {
    let Some(s) = doc.sentences.get(si) else {
        return false;
    };
    let (a, b) = s.tokens;
    (a..b).any(|i| {
        let t = &doc.tokens[i];
        let word = doc.span_text(t.span).to_lowercase();
        let singular = word.strip_suffix('s').unwrap_or(&word);
        let person_noun = t.pos == Some(Upos::Noun)
            && (role_of(&word).or_else(|| role_of(singular)) == Some(Role::Person)
                || noun_sex(&word).is_some());
        let same_pronoun = [MALE, FEMALE]
            .iter()
            .any(|set| set.contains(&w) && set.contains(&word.as_str()));
        t.span.end <= before && unquoted_subject(doc, i, quoted) && (same_pronoun || person_noun)
    })
}

/// Whether sentence `si` has the he or she `w` as a subject outside
/// quotation marks: it goes on about whoever the pronoun stands for.
fn pronoun_subject(doc: &Document, si: usize, w: &str, quoted: &[Span]) -> bool {
    let Some(set) = [MALE, FEMALE].into_iter().find(|set| set.contains(&w)) else {
        return false;
    };
    let (a, b) = doc.sentences[si].tokens;
    (a..b).any(|i| {
        unquoted_subject(doc, i, quoted)
            && set
                .iter()
                .any(|p| p.eq_ignore_ascii_case(doc.span_text(doc.tokens[i].span)))
    })
}

/// Whether the pronoun `w` is a subject, outside quotation marks, before
/// the name at `name` in its sentence ("She referred to Rashida as …").
pub(super) fn pronoun_subject_before(doc: &Document, name: Span, w: &str, quoted: &[Span]) -> bool {
    let (a, _) = doc.sentences[sentence_index_at(doc, name.start)].tokens;
    (a..tokens_in(doc, name).start).any(|i| {
        unquoted_subject(doc, i, quoted)
            && doc.span_text(doc.tokens[i].span).eq_ignore_ascii_case(w)
    })
}
