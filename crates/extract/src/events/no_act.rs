//! Verbs of force that name no act between actors (#24, noevent35): a
//! dismissal from a job ("was fired from the network"), a contest in a race
//! ("battling with Rubio for second place"), and a figure of speech ("struck
//! by her story", "shooting himself in the foot", "fought hard to defend the
//! tax"). Part of the codebook recoding (`recode`), so it reads only an event
//! the event judge has kept; the word classes are in
//! `data/en/event-no-act.tsv`.
//!
//! The codebook's ASSAULT is "the use of conventional or unconventional
//! force"; the judged draws read these as no event. Nothing here is read with
//! a word of force, arms or war beside the verb, but a dismissal (a person
//! fired, with no phrase of where a shot went) and an idiom.

use dossier_core::{Dep, EntityType, Event, EventType, Upos};

use super::word_classes::WordFile;
use super::{mention_of, singular, Clause, Verb};

/// The word classes of `data/en/event-no-act.tsv`.
static WORDS: WordFile = WordFile::new(include_str!("../../data/en/event-no-act.tsv"));

/// Entity types that may be fought.
const ACTORS: &[EntityType] = &[
    EntityType::Person,
    EntityType::Org,
    EntityType::Gpe,
    EntityType::Norp,
];

fn is(class: &str, word: &str) -> bool {
    WORDS.contains(class, word)
}

/// Whether the codebook codes no event for the kept event of `verb`.
pub(super) fn no_event(c: &Clause<'_>, verb: &Verb, event: &Event) -> bool {
    let lemma = lemma_of(c, verb);
    // A figure of speech is no act whatever act the dictionary read in its
    // verb ("seized on the message", coded COERCE).
    if figure(c, verb.v, &lemma) {
        return true;
    }
    if !matches!(event.act, EventType::Assault | EventType::Threaten) {
        return false;
    }
    if event.act == EventType::Assault && dismissal(c, verb, &lemma) {
        return true;
    }
    if moved(c, verb, &lemma) {
        return true;
    }
    // A verb of fighting by an armed party is fighting whatever it says
    // ("ISIS has been fighting its way across Iraq").
    let fighting = is("crusading", &lemma) || is("contesting", &lemma);
    if idiom(c, verb.v, &lemma) && !(fighting && armed_beside(c, verb.v)) {
        return true;
    }
    !super::conventions::force_beside(c, verb.v)
        && (race_contested(c, verb.v, &lemma) || crusade(c, verb.v, &lemma))
}

/// Whether a country, a people or an armed group is named in the sentence
/// beside `v`, or a word of force.
fn armed_beside(c: &Clause<'_>, v: usize) -> bool {
    super::conventions::force_beside(c, v)
        || (c.a..c.b).any(|j| j != v && super::conventions::armed_party(c, j))
}

/// The verb's lemma, the dictionary's where it has one ("fought" → "fight").
fn lemma_of(c: &Clause<'_>, verb: &Verb) -> String {
    let lemma = c.lex.lemma(&verb.form);
    if lemma == verb.form {
        verb.base.clone()
    } else {
        lemma.to_string()
    }
}

/// Whether the phrase headed by `h` names a person: a person named or a
/// personal pronoun.
fn person(c: &Clause<'_>, h: usize) -> bool {
    let pronoun = matches!(
        c.word(h).to_lowercase().as_str(),
        "him" | "her" | "them" | "me" | "he" | "she" | "they" | "i"
    );
    mention_of(c, h, &[EntityType::Person]) || pronoun
}

/// A dismissal from a job: a verb of class dismissing with no phrase of
/// where a shot went, whose object ("ESPN fires Schilling", "fired his police
/// chief") or passive subject ("he was fired") is a person, or with a "from"
/// phrase ("getting fired from your company"), or the noun with a possessive
/// ("Podliska's firing").
fn dismissal(c: &Clause<'_>, verb: &Verb, lemma: &str) -> bool {
    let v = verb.v;
    if !is("dismissing", lemma) {
        return false;
    }
    // Where a shot went, as a phrase or a particle ("was fired on from the
    // city").
    let direction = |k: usize| is("direction", &c.word(k).to_lowercase());
    let aimed = c.children(v).any(|k| {
        direction(k)
            || (c.dep(k) == Some(Dep::Obl)
                && c.children(k)
                    .any(|m| c.dep(m) == Some(Dep::Case) && direction(m)))
    });
    if aimed {
        return false;
    }
    let subject = c.children(v).find(|&k| c.dep(k) == Some(Dep::Nsubj));
    let possessed = |k: usize| c.is_possessor(k);
    let noun = c.doc.tokens[v].pos == Some(Upos::Noun);
    c.objects(v)
        .any(|k| person(c, k) || c.children(k).any(possessed))
        || (super::passive_voice(c, verb)
            && (subject.is_some_and(|k| person(c, k))
                || (c.obliques(v, "from").next().is_some()
                    && !super::conventions::force_beside(c, v))))
        || (noun && c.children(v).any(possessed))
}

/// A contest in a race: a verb of class contesting whose object or phrase
/// (or a phrase of that) is a race ("battling with Rubio for second place",
/// "fought elections"), or that fights "it out" ("Democrats battling it out").
fn race_contested(c: &Clause<'_>, v: usize, lemma: &str) -> bool {
    if !is("contesting", lemma) {
        return false;
    }
    let it_out = c.objects(v).any(|k| c.word(k).eq_ignore_ascii_case("it")) && c.has_word(v, "out");
    let phrases = c
        .children(v)
        .filter(|&k| matches!(c.dep(k), Some(Dep::Obj | Dep::Obl)));
    it_out
        || phrases.into_iter().any(|k| {
            std::iter::once(k)
                .chain(c.children(k).filter(|&m| c.dep(m) == Some(Dep::Nmod)))
                .any(|m| c.head_of_class(m, &WORDS, "race"))
        })
}

/// An idiom: a verb of class idiom with one of its condition's words among
/// its dependents or theirs ("shooting himself in the foot", "struck many of
/// the same notes", "torn apart", "fought his way back").
fn idiom(c: &Clause<'_>, v: usize, lemma: &str) -> bool {
    let Some(words) = WORDS.condition("idiom", lemma) else {
        return false;
    };
    let marks = |k: usize| {
        let w = singular(c.word(k));
        words.split(',').any(|m| m == w)
    };
    c.children(v)
        .any(|k| marks(k) || c.children(k).any(|m| marks(m) || c.children(m).any(marks)))
}

/// A figure of speech of any act: a verb of class figure with one of its
/// condition's words as a direct dependent ("raised alarm", "call the GOP's
/// bluff", "was met with skepticism") or, written ">word", as the word right
/// after it ("seized on the video", "hung out", "the plant is hanging on").
fn figure(c: &Clause<'_>, v: usize, lemma: &str) -> bool {
    let Some(words) = WORDS.condition("figure", lemma) else {
        return false;
    };
    let next = (v + 1 < c.b).then(|| c.word(v + 1).to_lowercase());
    words.split(',').any(|m| match m.strip_prefix('>') {
        Some(after) => next.as_deref() == Some(after),
        None => c.children(v).any(|k| singular(c.word(k)) == m),
    })
}

/// A verb of class moved said of the mind: a passive with a "by" phrase of
/// class inner ("struck by her story", "torn apart by disagreements").
fn moved(c: &Clause<'_>, verb: &Verb, lemma: &str) -> bool {
    is("moved", lemma)
        && super::passive_voice(c, verb)
        && c.obliques(verb.v, "by")
            .any(|k| c.head_of_class(k, &WORDS, "inner"))
}

/// Fighting for a cause: a verb of class crusading that fights what names no
/// actor ("fighting climate change", "battled through three bouts of
/// pneumonia"), or fights "to" do what the dictionary codes no hostile act
/// ("fought hard to defend the tax").
fn crusade(c: &Clause<'_>, v: usize, lemma: &str) -> bool {
    // A country, a people or an armed group in the sentence may be who
    // fights ("tribes ... fighting to clear Isis", "fought to protect British
    // values").
    if !is("crusading", lemma) || armed_beside(c, v) {
        return false;
    }
    let fought: Vec<usize> = c
        .objects(v)
        .chain(c.obliques(v, "against"))
        .chain(c.obliques(v, "through"))
        .collect();
    let no_actor = |k: usize| {
        c.doc.tokens[k].pos == Some(Upos::Noun)
            && !c
                .doc
                .mentions
                .iter()
                .any(|m| crate::tree::holds_token(c.doc, m.span, k))
            && c.actors_of(k).is_empty()
    };
    let peaceful_aim = c
        .children(v)
        .filter(|&k| c.dep(k) == Some(Dep::Xcomp) && c.has_word(k, "to"))
        .any(|k| {
            let named = c.objects(k).any(|o| mention_of(c, o, ACTORS));
            !named
                && c.lex
                    .classify(&c.word(k).to_lowercase(), &[])
                    .is_none_or(|t| !super::hostile(t))
        });
    if fought.is_empty() {
        peaceful_aim
    } else {
        fought.into_iter().all(no_actor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes_load() {
        assert!(is("dismissing", "fire") && is("direction", "at") && !is("direction", "over"));
        assert!(is("contesting", "battle") && is("race", &singular("primaries")));
        assert_eq!(WORDS.condition("idiom", "shoot"), Some("foot"));
        assert!(WORDS
            .condition("figure", "seize")
            .is_some_and(|w| w.starts_with(">on")));
        assert!(is("moved", "strike") && is("inner", &singular("disagreements")));
        assert!(is("crusading", "fight") && !is("crusading", "attack"));
    }
}
