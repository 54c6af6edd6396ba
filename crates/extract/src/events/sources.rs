//! Sources a sentence names where the parse puts them out of the verb's reach (#24, session 41):
//! a passive's "by" phrase hung on its complement or on one of its place phrases, and the other
//! side of a fight those harmed were in. Read only on the second reading, so no event is added or
//! lost.

use dossier_core::{Dep, EntityId, Xpos};

use super::reread::attack_noun;
use super::{add_actors, marked_by, phrases, Clause};
use crate::lexicon::lower;

/// Prepositions of a phrase one is moved out of or into, which a stray "by" phrase may hang on:
/// "expelled from the towns by the army", "handed to the envoy by the minister".
const MOVED: &[&str] = &["from", "to", "into"];

/// Prepositions of a place phrase: a stray "by" phrase may hang on a named place ("killed in
/// the west of Gaza by …"), not on an event ("injured in a protest by farmers").
const WHERE: &[&str] = &["in", "at", "near", "inside", "outside"];

/// "was shot dead by gunmen", "were expelled from the northern towns by the army", "was killed
/// in the south of Ruritania by the rebels": a passive with no "by" phrase of its own has its
/// agent in one the parse hung on its complement, on a phrase one is moved from or to, or on a
/// named place (or that phrase's "of" phrase); not on an attack's or a fight's noun, whose "by"
/// phrase says whose attack it is.
pub(super) fn stray_by_agent(c: &Clause<'_>, v: usize) -> Option<usize> {
    use dossier_core::EntityType::{Fac, Gpe, Loc};
    if !c.reread {
        return None;
    }
    let by = |h: usize| c.phrases(h, "by").next();
    let act_noun = |j: usize| attack_noun(c, j) || phrases::fight(&lower(c.word(j)));
    let of_phrase = |j: usize| c.nmods(j, "of").next();
    let named_place = |j: usize| {
        super::mention_of(c, j, &[Gpe, Loc, Fac])
            || of_phrase(j).is_some_and(|k| super::mention_of(c, k, &[Gpe, Loc, Fac]))
    };
    let marked = |j: usize, words: &[&str]| words.iter().any(|w| marked_by(c.doc, j, w));
    let host = |j: usize| {
        c.dep(j) == Some(Dep::Obl)
            && !act_noun(j)
            && (marked(j, MOVED) || (marked(j, WHERE) && named_place(j)))
    };
    c.children(v).find_map(|j| match c.dep(j) {
        Some(Dep::Xcomp) => by(j),
        _ if host(j) => by(j).or_else(|| of_phrase(j).and_then(by)),
        _ => None,
    })
}

/// "were killed in clashes with the police", "was wounded during a gun battle with Taliban
/// fighters": one harmed in a fight, no one named harming them, was harmed by the other side,
/// the one the fight's "with" phrase names (PLOVER codes both sides of a fight; the harmed are
/// one). The parse may read the fight's noun as a verb ("in clashes" an adverbial clause).
pub(super) fn fought_with(c: &Clause<'_>, v: usize) -> Vec<EntityId> {
    let mut out = Vec::new();
    if !c.reread {
        return out;
    }
    let marked = |j: usize, words: &[&str]| {
        c.children(j).any(|k| {
            matches!(c.dep(k), Some(Dep::Case | Dep::Mark))
                && words.iter().any(|w| c.word(k).eq_ignore_ascii_case(w))
        })
    };
    let in_fight = |j: usize| {
        matches!(c.dep(j), Some(Dep::Obl | Dep::Advcl))
            && marked(j, &["in", "during"])
            && phrases::fight(&lower(c.word(j)))
    };
    for j in c.children(v).filter(|&j| in_fight(j)) {
        let with = c
            .children(j)
            .filter(|&k| matches!(c.dep(k), Some(Dep::Nmod | Dep::Obl)) && marked(k, &["with"]));
        for k in with {
            add_actors(&mut out, c.actors_of(k));
        }
    }
    out
}

/// Sectors of the agents dictionary whose nouns are a state's or a group's armed men or police.
const FORCES: &[&str] = &["MIL", "COP", "UAF", "REB"];

/// "Syldavia said its troops arrested …", "the rebels said their fighters attacked …": a
/// subject that is no more than an armed force or the police, which a possessive pronoun says
/// are someone's, acts for the one the pronoun stands for (PLOVER codes the state or the group).
pub(super) fn forces_owner(c: &Clause<'_>, subject: Option<usize>, source: &mut Vec<EntityId>) {
    let Some(sj) = subject.filter(|_| c.reread && source.len() == 1) else {
        return;
    };
    if !super::political::in_sectors(c.lex, c.word(sj), FORCES) {
        return;
    }
    // Only the bare noun: "its Syldavian troops" or "its troops in Ruritania" name more.
    let phrase = c.phrase_tokens(sj, false);
    let bare = |&j: &usize| {
        j == sj || c.doc.tokens[j].tag == Some(Xpos::PrpPoss) || c.dep(j) == Some(Dep::Amod)
    };
    let named = c.doc.mentions.iter().any(|m| {
        phrase
            .iter()
            .any(|&j| crate::tree::holds_token(c.doc, m.span, j))
    });
    if named || !phrase.iter().all(bare) {
        return;
    }
    // A state's or a group's ("its", "their"), not a person's: "her commanders" command her.
    let Some(owner) = c.children(sj).find(|&k| {
        c.doc.tokens[k].tag == Some(Xpos::PrpPoss)
            && matches!(lower(c.word(k)).as_ref(), "its" | "their")
    }) else {
        return;
    };
    // "The U.S. military said its forces …": the reporting verb's subject, when it names an
    // actor, is the owner before any name the resolver finds earlier in the text.
    let reporter = c.doc.tokens[sj]
        .head
        .filter(|&v| c.dep(v) == Some(Dep::Ccomp))
        .and_then(|v| c.doc.tokens[v].head)
        .filter(|h| (c.a..c.b).contains(h))
        .and_then(|h| c.children(h).find(|&k| c.dep(k) == Some(Dep::Nsubj)))
        .map(|k| c.actors_of(k))
        .filter(|a| !a.is_empty());
    let owners = reporter.unwrap_or_else(|| super::reread::referents(c, owner));
    if !owners.is_empty() {
        *source = owners;
    }
}

/// "Suicide bombings by Moslem militants killed 59 people": an attack as subject, with no one
/// else named acting, is done by those its own "by" phrase names, a name or an actor noun.
pub(super) fn attack_by(c: &Clause<'_>, v: usize) -> Vec<EntityId> {
    if !c.reread {
        return Vec::new();
    }
    c.children(v)
        .find(|&k| c.dep(k) == Some(Dep::Nsubj) && attack_noun(c, k))
        .and_then(|sj| c.nmods(sj, "by").next())
        .map(|k| c.actors_of(k))
        .unwrap_or_default()
}

/// "The envoy, arrested at the border last week, was freed": a past participle with no subject,
/// auxiliary or object of its own, set off by a comma right after the noun whose subject it
/// borrows (the parse hangs it on the main verb, not on the noun), is a passive: that noun is
/// the one acted on, not the one who acts.
pub(super) fn set_off_participle(c: &Clause<'_>, v: usize) -> bool {
    if !c.reread || c.doc.tokens[v].tag != Some(Xpos::Vbn) || v < c.a + 2 {
        return false;
    }
    let own = |k: usize| {
        matches!(
            c.dep(k),
            Some(Dep::Nsubj | Dep::Aux | Dep::Obj | Dep::Iobj | Dep::Expl)
        )
    };
    let main = matches!(
        c.dep(v),
        Some(Dep::Root | Dep::Conj | Dep::Ccomp | Dep::Parataxis)
    );
    if main || c.children(v).any(own) || !crate::tree::is_comma(c.doc, v - 1) {
        return false;
    }
    c.subject(v)
        .is_some_and(|s| s < v && c.subtree(s, &[]).contains(&(v - 2)))
}

/// Whether the subject pronoun of a reported clause can stand for the reporter: "the ministry
/// said it would …", "the rebels said they …", not "newspapers said it killed …" nor "the
/// minister said they …" (a pronoun that disagrees in number or kind stands for someone else).
pub(super) fn reporter_agrees(c: &Clause<'_>, pronoun: usize, reporter: usize) -> bool {
    use dossier_core::EntityType::{Gpe, Norp, Org, Person};
    if !c.reread {
        return true;
    }
    let person = super::mention_of(c, reporter, &[Person]);
    let body = super::mention_of(c, reporter, &[Gpe, Org, Norp]);
    let said_by = lower(c.word(reporter));
    let said_by = said_by.as_ref();
    // Two or more named ("Smith and Jones said they"); a plural noun ("the officials"), and of
    // those one in "-s" for an "it" (the police may be an "it"); a name is a body, never plural.
    // (A singular noun is left to agree with "they": "the rebel group said they" is common.)
    let several = c.children(reporter).any(|k| c.dep(k) == Some(Dep::Conj));
    let plural_tag = !body && matches!(c.doc.tokens[reporter].tag, Some(Xpos::Nns | Xpos::Nnps));
    let plural_s = plural_tag && said_by.ends_with('s');
    match lower(c.word(pronoun)).as_ref() {
        "it" => !plural_s && !person && !matches!(said_by, "he" | "she" | "they" | "we" | "i"),
        "he" | "she" => {
            !plural_tag && !several && !body && !matches!(said_by, "it" | "they" | "we" | "i")
        }
        "they" => (several || !person) && !matches!(said_by, "he" | "she" | "it" | "i"),
        _ => true,
    }
}
