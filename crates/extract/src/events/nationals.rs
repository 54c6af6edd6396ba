//! (Second reading) A country's adjective before a noun of people that the parse did not hang on
//! that noun: the people it names, not the state (#24, a nationality for the person).

use dossier_core::{Dep, EntityType, Mention, Upos};

use super::{Actor, Clause};

/// "a French aid worker", "two British aid workers", "a Bulgarian national":
/// a country's adjective hung on a compound before the noun of people
/// ("aid" of "aid worker"), or before a noun of people the tagger read as
/// an adjective ("national"), names those people, as `nominals::nationality`
/// and `reread::nationals_by_form` read "a British man" when the parse hangs
/// the adjective on the noun itself. Not before a title ("the French
/// foreign minister"), whose holder acts for the state.
pub(super) fn nationals_behind_compound(c: &Clause<'_>, m: &Mention) -> Option<Actor> {
    if !c.reread || !super::is_country(c.doc, m) {
        return None;
    }
    let t = crate::tree::top_in(c.doc, m.span, c.a..c.b)?;
    if !matches!(c.dep(t), Some(Dep::Amod | Dep::Compound)) {
        return None;
    }
    let mut h = c.doc.tokens[t].head.filter(|&h| h > t && h < c.b)?;
    let is_noun = |k: usize| c.doc.tokens[k].pos == Some(Upos::Noun);
    let mut behind_compound = false;
    // "French aid worker": up the compounds to the noun that heads them. Not
    // past a name ("a French Mirage fighter", a plane) nor an organ that acts
    // for the state or a body ("an air force pilot", "union members").
    let plain = |k: usize| {
        c.word(k).starts_with(|ch: char| ch.is_lowercase())
            && !c.lex.agents.contains_key(&super::singular(c.word(k)))
    };
    while is_noun(h) && c.dep(h) == Some(Dep::Compound) && plain(h) {
        h = c.doc.tokens[h].head.filter(|&n| n > h && n < c.b)?;
        behind_compound = true;
    }
    if c.dep(h) == Some(Dep::Compound) {
        return None;
    }
    // "arrested a British national": a noun of people tagged an adjective that heads a phrase.
    let adjective_head = c.doc.tokens[h].pos == Some(Upos::Adj)
        && matches!(
            c.dep(h),
            Some(Dep::Obj | Dep::Iobj | Dep::Nsubj | Dep::Obl | Dep::Nmod | Dep::Conj | Dep::Appos)
        );
    if !(behind_compound && is_noun(h) || adjective_head) {
        return None;
    }
    let noun = super::singular(c.word(h));
    let civilian_agent = c
        .lex
        .agents
        .get(&noun)
        .is_some_and(|a| a.0 == EntityType::Norp);
    let people = (super::phrases::names_people(&noun) || civilian_agent)
        && !crate::speakers::is_person_title(&noun);
    people.then_some(Actor::Counted(h))
}
