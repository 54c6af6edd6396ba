//! Relative pronouns: a "who", "which" or "that" speaker stands for the
//! noun its clause describes, read from the parse (the cue verb hangs on
//! the noun as a relative clause), else for the name it follows. The noun
//! must be able to speak, so a misparse onto a thing yields no speaker.

use dossier_core::EntityId;
use dossier_core::{Dep, Upos, Xpos};
use dossier_core::{Document, Span, Token};

use super::heads::modified_start;
use super::institutions::modifying_group;
use super::pronouns::modifies_noun;
use super::sentences::sentence_start_back;
use super::words::{agent_noun_after_who, is_institution, role_of, DOCUMENTS};
use super::{group_like, person_like};
use crate::quotes::CueLexicon;
use crate::tree::tokens_in;

/// The person or group named last before `pos` in its sentence, preferring
/// a name that does not only modify a noun ("Lindsey Graham, a senior
/// Republican senator who" → Graham, not the Republicans).
fn antecedent(doc: &Document, pos: usize) -> Option<&dossier_core::Mention> {
    let sentence_start = sentence_start_back(doc, pos, 0);
    let named: Vec<_> = doc
        .mentions
        .iter()
        .rev()
        .skip_while(|m| m.span.end > pos)
        .take_while(|m| m.span.start >= sentence_start)
        .filter(|m| (person_like(m.ty) || group_like(m.ty)) && m.entity.is_some())
        .collect();
    named
        .iter()
        .find(|m| !modifies_noun(doc, m.span))
        .or(named.first())
        .copied()
}

/// Resolves a relative pronoun speaker: the noun its clause describes
/// ("officials … who say"), else the name just before it. False when no
/// name stands before it at all: then there is no speaker.
pub(super) fn relative_speaker(
    doc: &Document,
    sp: &mut dossier_core::Speaker,
    (cue, tokens): (Option<Span>, Option<(usize, usize)>),
    cues: &CueLexicon,
) -> bool {
    let Some(m) = antecedent(doc, sp.span.start) else {
        return false;
    };
    match relative_head(doc, (cue, tokens), cues) {
        Some(Relative::Named(e)) => sp.entity = Some(e),
        Some(Relative::Unnamed(phrase)) => sp.refers_to = Some(phrase),
        None => sp.entity = m.entity,
    }
    true
}

/// What a relative pronoun's clause describes.
#[derive(Debug, PartialEq)]
pub(super) enum Relative {
    /// A person or group the noun names ("Trump, who said"; "Lindsey
    /// Graham, a senior senator who said").
    Named(EntityId),
    /// A common noun phrase that names no one ("a Kafranbel resident, who
    /// asked"; "the Isis members who were threatening").
    Unnamed(Span),
}

/// The noun the relative clause of the pronoun at `tokens` describes, from
/// the parse: the cue is the pronoun's verb (or completes it: "took to social
/// media to call"), and that verb hangs on the noun as a relative clause. A
/// name inside the noun's modifiers ("officials involved in the war against
/// Islamic State who say") is not it; a name set beside it or a group it
/// belongs to is ("the anti-fascist group Antifa, who"; "The Syrian
/// regime, which"). A noun that cannot speak ("a rebuke by Turkey's
/// president …, who" as the parse may read it) is none: None then, as
/// when the parse shows no such noun before the pronoun.
pub(super) fn relative_head(
    doc: &Document,
    (cue, tokens): (Option<Span>, Option<(usize, usize)>),
    cues: &CueLexicon,
) -> Option<Relative> {
    let (x, _) = tokens.filter(|&(x, y)| y == x + 1)?;
    let verb = doc.tokens[x].head?;
    let cue = tokens_in(doc, cue?).find(|&c| doc.tokens[c].pos == Some(Upos::Verb))?;
    let completes = doc.tokens[cue].dep == Some(Dep::Xcomp) && doc.tokens[cue].head == Some(verb);
    if (cue != verb && !completes) || doc.tokens[verb].dep != Some(Dep::Acl) {
        return None;
    }
    let n = doc.tokens[verb].head.filter(|&n| n < x)?;
    let named = |t: usize| {
        doc.mentions
            .iter()
            .filter(|m| person_like(m.ty) || group_like(m.ty))
            .find(|m| crate::tree::holds_token(doc, m.span, t))
            .and_then(|m| m.entity)
    };
    if let Some(e) = named(n) {
        return Some(Relative::Named(e));
    }
    if doc.tokens[n].pos != Some(Upos::Noun) {
        return None;
    }
    // "Lindsey Graham, a senior Republican senator who": the name it describes.
    let described = doc.tokens[n]
        .head
        .filter(|_| doc.tokens[n].dep == Some(Dep::Appos))
        .and_then(named);
    let beside = (n + 1..x)
        .filter(|&k| doc.tokens[k].head == Some(n))
        .filter(|&k| matches!(doc.tokens[k].dep, Some(Dep::Appos | Dep::Flat)))
        .find_map(named);
    let group = is_institution(doc, n)
        .then(|| modifying_group(doc, n))
        .flatten();
    if let Some(e) = described.or(beside).or(group) {
        return Some(Relative::Named(e));
    }
    let who = doc
        .span_text(doc.tokens[x].span)
        .eq_ignore_ascii_case("who");
    can_speak(doc, n, who, cues).then(|| Relative::Unnamed(modified_noun(doc, n)))
}

/// Whether the common noun `n` can stand for a speaker: one the training
/// reports saw speak ("officials", "the group", "a report"), a role, or,
/// after "who", a person's noun by its form ("residents", "a fighter").
fn can_speak(doc: &Document, n: usize, who: bool, cues: &CueLexicon) -> bool {
    let word = doc.span_text(doc.tokens[n].span).to_lowercase();
    let agent = agent_noun_after_who(&word);
    let plural = doc.tokens[n].tag == Some(Xpos::Nns);
    // "Trump fired off a tweet that told": the writing is its writer's.
    if DOCUMENTS.contains(&word.as_str()) {
        return false;
    }
    cues.is_speaker_noun(&word)
        || role_of(&word).is_some()
        || is_institution(doc, n)
        || (who && (agent || plural || cues.is_speaker_noun(&format!("{word}s"))))
}

/// Noun `n` with its determiner and modifiers before it, a possessor's
/// words too ("a Kafranbel resident", "Isis's most prominent agitators").
fn modified_noun(doc: &Document, n: usize) -> Span {
    let modifier = |t: &Token| {
        matches!(
            t.dep,
            Some(Dep::Det | Dep::Amod | Dep::Compound | Dep::Nummod | Dep::Flat | Dep::Advmod)
        ) || t.tag == Some(Xpos::Pos)
    };
    let first = modified_start(doc, n, &modifier);
    Span::new(doc.tokens[first].span.start, doc.tokens[n].span.end)
}
