//! (Second reading) Targets named in the sentence that the first reading lost (#24, a named
//! target lost): a common noun of people the agent nouns lack ("killed a pedestrian", "invited
//! opposition leaders"), a count of people ("detained one of the attackers") and an object two
//! coordinated verbs share ("arrested and charged a man").

use dossier_core::{Dep, EntityId, EventType, Upos, Xpos};

use super::{singular, Clause};

/// Words that count or pick some of a group named in their "of" phrase: "one of
/// the attackers", "some of the hostages" (a numeral counts as well).
const PICKING: &[&str] = &[
    "some", "many", "most", "all", "several", "few", "none", "each",
];

/// The actors a target phrase headed by `head` names; failing any, the
/// people its nouns name (`people_named`).
/// Not for a refusal: "refused to hand over two suspects" is aimed at who asked.
pub(super) fn actors_or_people(c: &Clause<'_>, head: usize, act: EventType) -> Vec<EntityId> {
    let named = c.actors_of(head);
    if named.is_empty() && act != EventType::Reject {
        people_named(c, head)
    } else {
        named
    }
}

/// Whom a passive's subject `ps` that names no actor stands for: a
/// pronoun's referents (`reread::referents`), else the people its nouns
/// name ("a pedestrian was killed").
pub(super) fn referents_or_people(c: &Clause<'_>, ps: usize) -> Vec<EntityId> {
    let referred = super::reread::referents(c, ps);
    if referred.is_empty() {
        people_named(c, ps)
    } else {
        referred
    }
}

/// The people the phrases of `tokens` (whom an act is aimed at or given
/// to) name, read from the heads the verb reaches as `Clause::actors_among`
/// reads them, when they name no actor.
pub(super) fn people_among(c: &Clause<'_>, tokens: &[usize]) -> Vec<EntityId> {
    let mut out = Vec::new();
    if !c.reread {
        return out;
    }
    let reached = |j: usize| c.doc.tokens[j].head.is_none_or(|h| !tokens.contains(&h));
    for &j in tokens.iter().filter(|&&j| reached(j)) {
        super::add_actors(&mut out, people_named(c, j));
    }
    out
}

/// (Second reading) The people a target phrase headed by `head` (or a
/// conjunct of it) names by a common noun the agent nouns lack: a noun of
/// people (`phrases::names_people`: "a pedestrian", "the couple") or a
/// person's title in the plural ("opposition leaders"); a singular one only
/// with a determiner, a number or an owner ("taken hostage", "named
/// manager" name a state or a post, not someone acted on). Through a
/// count's "of" phrase: "one of the attackers", "two of the hostages".
pub(super) fn people_named(c: &Clause<'_>, head: usize) -> Vec<EntityId> {
    if !c.reread {
        return Vec::new();
    }
    let conjuncts = c.children(head).filter(|&k| c.dep(k) == Some(Dep::Conj));
    let mut out = Vec::new();
    for h in std::iter::once(head).chain(conjuncts) {
        let h = counted_of(c, h).unwrap_or(h);
        let found = match people_noun(c, h) {
            true => c.role_nominal(h).into_iter().collect(),
            false => c.actors_of(h),
        };
        super::add_actors(&mut out, found);
    }
    out
}

/// The "of" phrase a count picks from: "one of the attackers" gives "attackers".
fn counted_of(c: &Clause<'_>, h: usize) -> Option<usize> {
    let word = crate::lexicon::lower(c.word(h));
    let counts = c.doc.tokens[h].pos == Some(Upos::Num) || PICKING.contains(&word.as_ref());
    if !counts {
        return None;
    }
    c.nmods(h, "of").next()
}

/// Whether `h` heads a noun of people the agent nouns lack, as `people_named` reads one.
fn people_noun(c: &Clause<'_>, h: usize) -> bool {
    if c.doc.tokens[h].pos != Some(Upos::Noun) {
        return false;
    }
    let noun = singular(c.word(h));
    if c.lex.agents.contains_key(&noun) {
        return false;
    }
    let plural = c.doc.tokens[h].tag == Some(Xpos::Nns);
    let people =
        super::phrases::names_people(&noun) || (plural && crate::speakers::is_person_title(&noun));
    let determined = || {
        c.children(h)
            .any(|k| matches!(c.dep(k), Some(Dep::Det | Dep::Nummod)) || c.is_possessor(k))
    };
    // "the wife of a man shot by police": the "of" phrase names whom the phrase is about.
    let of_someone = || c.nmods(h, "of").any(|k| !c.actors_of(k).is_empty());
    people && (plural || determined()) && !of_someone()
}

/// (Second reading) "arrested and charged a British man": a verb with no
/// object of its own shares the object of the verb coordinated right after
/// it, with nothing between them but commas, "and"/"or" and other such bare
/// verbs ("beat, robbed and killed a man"). Only for acts aimed at someone:
/// not a withdrawal, a protest, a mobilisation or an agreement ("resigned and
/// accused the board").
pub(super) fn shared_object(c: &Clause<'_>, v: usize, act: EventType) -> Option<usize> {
    use EventType::{Agree, Mobilize, Protest, Retreat};
    if !c.reread || matches!(act, Retreat | Protest | Mobilize | Agree) {
        return None;
    }
    let own = |k: usize| {
        c.children(k).any(|x| {
            matches!(
                c.dep(x),
                Some(Dep::Obj | Dep::Iobj | Dep::Obl | Dep::Xcomp | Dep::Ccomp | Dep::Aux)
            )
        })
    };
    if own(v) {
        return None;
    }
    let bare_between = |k: usize| {
        (v + 1..k).all(|j| match c.dep(j) {
            Some(Dep::Cc | Dep::Punct) => true,
            Some(Dep::Conj) => c.doc.tokens[j].pos == Some(Upos::Verb) && !own(j),
            _ => false,
        })
    };
    c.children(v)
        .filter(|&k| k > v && c.dep(k) == Some(Dep::Conj))
        .filter(|&k| c.doc.tokens[k].pos == Some(Upos::Verb))
        .find(|&k| bare_between(k))
        .and_then(|k| c.object(k))
}
