//! Whether an obligation in reported speech is the speaker's demand (#24).
//!
//! "Russia said that Sudan must return a helicopter" is Russia's REQUEST of
//! Sudan: the codebook's REQUEST calls on an actor to act. "X said the ruling
//! should lift investment", "the governor should know", "we must learn from
//! it", "the prisoners should be released" call on no one: a view of what
//! should be, which makes no event like any obligation stated. So a reported "must"
//! or "should" demands only when the one obliged is an actor the speaker can
//! call on: the one told ("told Russia it must"), one addressed ("you
//! should"), or a state, an armed force or a public body (a name of a
//! country, group or organisation, a state noun, or an agent noun of those
//! sectors), doing an act rather than knowing, seeing or expecting one. A
//! passive obliges no one named ("should be replaced"); a person named alone
//! is a view of what that person should do.

use dossier_core::{CueClass, Dep, EntityType, Upos, Xpos};

use super::political::in_sectors;
use super::{mention_of, passive_voice, singular, speech_acts, Clause, Verb};

/// Sectors of the agents dictionary whose actors a demand can call on: the
/// state, its forces and courts, armed groups, parties and the opposition,
/// unions and workers.
const PUBLIC_SECTORS: &[&str] = &[
    "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "REB", "UAF", "OPP", "PTY", "LAB",
];

/// Common nouns for states, the parties to a dispute and the states as a
/// whole, which the agents dictionary leaves out ("the two sides should
/// resume talks", "the world must act").
const STATE_NOUNS: &[&str] = &["country", "nation", "state", "ally", "side", "world"];

/// Whether the obligation on `verb`, reported by the verb of saying `says`,
/// is a demand made of someone (see the module comment).
pub(super) fn demands_of_an_actor(c: &Clause<'_>, verb: &Verb, says: usize) -> bool {
    addressed(c, says)
        || (!passive_voice(c, verb) && !only_knowing(c, verb.v) && obliges_an_actor(c, verb.v))
}

/// "told Russia it must withdraw", "told the minister that the truce must be
/// kept": the verb of saying names whom it is said to.
fn addressed(c: &Clause<'_>, says: usize) -> bool {
    c.children(says).any(|k| {
        matches!(c.dep(k), Some(Dep::Obj | Dep::Iobj))
            && c.doc.tokens[k]
                .pos
                .is_some_and(|p| p.is_noun() || p == Upos::Pron)
    })
}

/// "should know", "must learn from", "must expect to be": a verb of belief,
/// perception or expectation with no object is a state of mind asked for,
/// not an act ("must accept the deal", with its object, is one; so is a
/// speech act the codebook codes, "must agree to changes", and an act to
/// weigh, "should consider abandoning it").
fn only_knowing(c: &Clause<'_>, v: usize) -> bool {
    let mind = crate::cue_classes::CueClasses::english()
        .of_word(c.word(v))
        .is_some_and(|(class, lemma)| {
            matches!(
                class,
                CueClass::Belief | CueClass::Perception | CueClass::Expectation
            ) && !speech_acts().contains_key(lemma)
        });
    let act_weighed =
        |k: usize| c.dep(k) == Some(Dep::Xcomp) && c.doc.tokens[k].tag == Some(Xpos::Vbg);
    mind && c.object(v).is_none() && !c.children(v).any(act_weighed)
}

/// Whether the subject of `v`, or one of its conjuncts, is an actor a demand
/// can call on.
fn obliges_an_actor(c: &Clause<'_>, v: usize) -> bool {
    let Some(subject) = c.children(v).find(|&k| c.dep(k) == Some(Dep::Nsubj)) else {
        return false;
    };
    std::iter::once(subject)
        .chain(c.children(subject).filter(|&k| c.dep(k) == Some(Dep::Conj)))
        .any(|j| callable(c, j))
}

/// A second person or a plural "they" (a group); a name of a country, group
/// or organisation; a state noun or a public sector's agent noun.
fn callable(c: &Clause<'_>, j: usize) -> bool {
    let word = c.word(j).to_lowercase();
    match c.doc.tokens[j].pos {
        Some(Upos::Pron) => matches!(word.as_str(), "you" | "they"),
        _ if mention_of(c, j, &[EntityType::Gpe, EntityType::Org, EntityType::Norp]) => true,
        Some(Upos::Noun) => {
            STATE_NOUNS.contains(&singular(&word).as_str())
                || in_sectors(c.lex, &word, PUBLIC_SECTORS)
                || international_community(c, j, &word)
        }
        _ => false,
    }
}

/// "the international community": the states as a whole (a "community"
/// alone is a town's or a faith's people, a view of what they should do).
fn international_community(c: &Clause<'_>, j: usize, word: &str) -> bool {
    word == "community"
        && c.children(j)
            .any(|k| c.word(k).eq_ignore_ascii_case("international"))
}

/// "said the world must not wait": the negation is part of what is demanded,
/// not a demand denied (unless the saying is denied too: "did not say that
/// they must not").
pub(super) fn negates_what_is_demanded(c: &Clause<'_>, v: usize, says: usize) -> bool {
    c.negated(v) && !c.negated(says)
}
