//! A person's sex, which a he or she must agree with: from the given name
//! (`given_names`), else from the pronouns the narration uses after the
//! name, else from a kin noun ("his mother"). A kin phrase is also an
//! antecedent of its own ("Begum's father … he said"), found here, as the
//! pronoun resolver would pass it over for a name.

use dossier_core::Dep;
use std::collections::HashMap;

use dossier_core::{Document, EntityId, Span};

use super::heads::phrase_head;
use super::person_like;
use super::sentences::{is_possessive, only_one, sentence_start_back, topicality};
use super::words::{is_title, kin_word_gender, FEMALE, MALE};
use crate::given_names;

/// A person's gender: from the first name of the entity's name (after a
/// title: "President Emmanuel Macron"), else from the pronouns that resolved
/// to it so far.
pub(super) fn known_gender(
    doc: &Document,
    e: EntityId,
    learned: &HashMap<EntityId, bool>,
) -> Option<bool> {
    let mut words = doc.entities[e].name.split_whitespace();
    let first = words.next()?;
    let first = if is_title(first) {
        words.next()?
    } else {
        first
    };
    given_names::gender(first).or_else(|| learned.get(&e).copied())
}

/// Each person's gender as the narration shows it ("Hall was so angered
/// that he decided"): in every sentence where one person's name, and no
/// other person's, is a subject, the he/him/his and she/her after it
/// outside quotation marks count for that person; a person gets the gender
/// of the pronouns when none is of the other, or twice as many.
/// For names the table of given names does not know ("Ollie", "Shamima").
pub(super) fn pronoun_genders(doc: &Document, quoted: &[Span]) -> HashMap<EntityId, bool> {
    let mut counts: HashMap<EntityId, (usize, usize)> = HashMap::new();
    for s in &doc.sentences {
        let people: Vec<_> = doc
            .mentions
            .iter()
            .filter(|m| s.span.contains(m.span) && person_like(m.ty))
            .filter(|m| !quoted.iter().any(|q| q.contains(m.span)))
            .collect();
        let Some(e) = only_one(people.iter().filter_map(|m| m.entity)) else {
            continue;
        };
        let Some(subject) = people.iter().find(|m| topicality(doc, m.span) > 0) else {
            continue;
        };
        let (a, b) = s.tokens;
        let words = (a..b)
            .map(|i| doc.tokens[i].span)
            .filter(|t| t.start >= subject.span.end && !quoted.iter().any(|q| q.contains(*t)))
            .map(|t| doc.span_text(t));
        let c = counts.entry(e).or_default();
        // (Compared case-blind in place: no string per token.)
        let among = |set: &[&str], w: &str| set.iter().any(|p| p.eq_ignore_ascii_case(w));
        for w in words {
            if among(MALE, w) {
                c.0 += 1;
            } else if among(FEMALE, w) {
                c.1 += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter_map(|(e, (m, f))| {
            if (m >= 1 && f == 0) || (m >= 2 && m >= 2 * f) {
                Some((e, true))
            } else if (f >= 1 && m == 0) || (f >= 2 && f >= 2 * m) {
                Some((e, false))
            } else {
                None
            }
        })
        .collect()
}

/// "Begum's father, speaking from Sunamganj, … “…,” he said": a he or she
/// whose nearest antecedent is a subject headed by a kin noun of its sex
/// ("his mother", "Begum's father"), in this sentence or the two before,
/// with no person of a fitting sex named (outside quotation marks) and no
/// speaker since. Returns the kin phrase's span and tokens; the caller
/// resolves it as a possessed descriptor.
pub(super) fn kin_antecedent(
    doc: &Document,
    w: &str,
    at: usize,
    quoted: &[Span],
    last_speaker: Option<(EntityId, usize)>,
) -> Option<(Span, (usize, usize))> {
    let male = match w {
        "he" => true,
        "she" => false,
        _ => return None,
    };
    // Not the pronoun's own sentence: "Andersson's daughter died …, and
    // she blames".
    let (from, until) = (
        sentence_start_back(doc, at, 2),
        sentence_start_back(doc, at, 0),
    );
    let outside = |t: Span| !quoted.iter().any(|q| q.contains(t));
    let k = doc
        .tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.span.start >= from && t.span.end <= until && outside(t.span))
        .filter(|(_, t)| t.dep == Some(Dep::Nsubj))
        .filter(|(_, t)| kin_word_gender(&doc.span_text(t.span).to_lowercase()) == Some(male))
        .filter(|(i, _)| {
            // A possessed kin noun is someone new ("Her father"); "the
            // Trinidadian mother" is often the woman named before.
            (i.saturating_sub(4)..*i)
                .any(|d| is_possessive(doc, d) && doc.tokens[d].head == Some(*i))
        })
        .map(|(i, _)| i)
        .next_back()?;
    // The phrase: the kin noun and the possessor or article before it.
    let reaches = |mut t: usize| {
        for _ in 0..4 {
            match doc.tokens[t].head {
                Some(h) if h == k => return true,
                Some(h) if h != t => t = h,
                _ => return false,
            }
        }
        false
    };
    let mut start = k;
    while start > 0 && reaches(start - 1) {
        start -= 1;
    }
    let range = (start, k + 1);
    let k = Span::new(doc.tokens[start].span.start, doc.tokens[k].span.end);
    let fits = |m: &&dossier_core::Mention| {
        m.entity.is_some_and(|e| {
            let g = known_gender(doc, e, &HashMap::new());
            person_like(m.ty) && g.is_none_or(|g| g == male)
        })
    };
    let named_since = doc
        .mentions
        .iter()
        .filter(|m| m.span.start > k.end && m.span.end <= at && outside(m.span))
        .any(|m| fits(&m));
    let spoke_since = last_speaker.is_some_and(|(_, pos)| pos > k.start);
    (!named_since && !spoke_since).then_some((k, range))
}

/// The sex a kin noun heading the phrase `[x, y)` gives ("his mother":
/// false, a woman; "Robinson's father": true).
pub(super) fn kin_gender(doc: &Document, x: usize, y: usize) -> Option<bool> {
    if y <= x {
        return None;
    }
    let head = doc.span_text(doc.tokens[phrase_head(doc, x, y)].span);
    kin_word_gender(&head.to_lowercase())
}
