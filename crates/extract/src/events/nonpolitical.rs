//! Acts of no political party (#24, noevent41): a firm's deal ("bought a 20
//! percent stake", "agreed to buy the unit"), a market's quote ("the bond
//! future was trading at 97.18"), a person's private life ("visited his wife
//! in hospital", "married") and an accident with no one acting ("an
//! explosion levelled the motel, killing two"). PLOVER, like CAMEO, codes
//! acts between states and political or social actors, so none of these is
//! an event; a government that is a party keeps one ("the ministry sold its
//! stake"), as a weapon or an armed group beside an accident does. Part of
//! the codebook recoding (`recode`); the word classes are in
//! `data/en/event-nonpolitical.tsv`.

use dossier_core::{Dep, EntityId, EntityType, Event, EventType, Upos, Xpos};

use super::word_classes::WordFile;
use super::{singular, Clause, Verb};

/// The word classes of `data/en/event-nonpolitical.tsv`.
static WORDS: WordFile = WordFile::new(include_str!("../../data/en/event-nonpolitical.tsv"));

fn is(class: &str, word: &str) -> bool {
    WORDS.contains(class, word)
}

/// Whether the kept event of `verb` is an act of no political party.
pub(super) fn no_event(c: &Clause<'_>, verb: &Verb, event: &Event) -> bool {
    let lemma = c.lex.lemma(&verb.form);
    let force = matches!(
        event.act,
        EventType::Assault | EventType::Coerce | EventType::Threaten
    );
    let private = is("private", lemma) || is("private", &verb.form);
    if market_quote(c, verb.v, lemma) || (!force && private) {
        return true;
    }
    match event.act {
        EventType::Cooperate | EventType::Agree => {
            firm_deal(c, verb.v, lemma) && !state_party(c, verb.v, event)
        }
        EventType::Consult | EventType::Support => kin_visited(c, verb.v),
        EventType::Assault | EventType::Coerce => accident(c, verb),
        _ => false,
    }
}

/// A price quoted: "trade" with a subject of class market or an "at" phrase
/// of a number ("was trading at 107-2/32").
fn market_quote(c: &Clause<'_>, v: usize, lemma: &str) -> bool {
    if lemma != "trade" {
        return false;
    }
    let quoted = c
        .children(v)
        .any(|k| c.dep(k) == Some(Dep::Nsubj) && c.head_of_class(k, &WORDS, "market"));
    quoted
        || c.obliques(v, "at").any(|k| {
            c.doc.tokens[k].pos == Some(Upos::Num)
                || c.children(k)
                    .any(|m| c.doc.tokens[m].pos == Some(Upos::Num))
        })
}

/// A deal in firms or securities: a verb of class trading, or an object of
/// class holding, on the verb or on the verb it agrees to ("agreed to buy",
/// "won a tender").
fn firm_deal(c: &Clause<'_>, v: usize, lemma: &str) -> bool {
    let trades = |k: usize, lemma: &str| {
        is("trading", lemma) || c.objects(k).any(|o| c.head_of_class(o, &WORDS, "holding"))
    };
    trades(v, lemma)
        || c.children(v)
            .filter(|&k| c.dep(k) == Some(Dep::Xcomp) && c.doc.tokens[k].pos == Some(Upos::Verb))
            .any(|k| trades(k, c.lex.lemma(&c.word(k).to_lowercase())))
}

/// Whether a government is a party to a deal: a state or a people among its
/// actors, but for one that only describes a firm as the subject ("a U.S.
/// firm"), or a noun of class state in the sentence.
fn state_party(c: &Clause<'_>, v: usize, event: &Event) -> bool {
    let firm_subject = c
        .children(v)
        .any(|k| c.dep(k) == Some(Dep::Nsubj) && c.head_of_class(k, &WORDS, "firm"));
    let state_actor = |&a: &EntityId| {
        matches!(actor_type(c, a), EntityType::Gpe | EntityType::Norp) && !firm_subject
    };
    event.source.iter().chain(&event.target).any(state_actor)
        || (c.a..c.b).any(|j| is("state", &singular(c.word(j))))
}

/// The entity type of actor `a`, a named entity or a common noun made one.
fn actor_type(c: &Clause<'_>, a: EntityId) -> EntityType {
    match c.nominals.nth(a) {
        Some(k) => c
            .nominals
            .found
            .borrow()
            .get(k)
            .map_or(EntityType::Org, |f| f.2),
        None => c.doc.entities[a].ty,
    }
}

/// A visit to one's own relative: an object of class kin with a possessive
/// pronoun ("visited his wife in hospital"); a leader visiting someone
/// else's family ("visited the singer's family") pays a public call.
fn kin_visited(c: &Clause<'_>, v: usize) -> bool {
    let own = |m: usize| c.doc.tokens[m].tag == Some(Xpos::PrpPoss);
    c.objects(v)
        .any(|o| c.head_of_class(o, &WORDS, "kin") && c.children(o).any(own))
}

/// Harm with no one acting: its cause (`cause`) is of class mishap, and no
/// noun of class attack is in the sentence, nor, for a blast or a fire, in
/// the document.
fn accident(c: &Clause<'_>, verb: &Verb) -> bool {
    let Some(m) = cause(c, verb) else {
        return false;
    };
    // A clause of an accident ("when the bus overturned") may hide an
    // attack told elsewhere in the document, as a blast may.
    let blast = WORDS.condition("mishap", &singular(c.word(m))) == Some("blast")
        || c.doc.tokens[m].pos == Some(Upos::Verb);
    let in_sentence = (c.a..c.b).any(|j| attack_word(c, j));
    let in_document = || (0..c.doc.tokens.len()).any(|j| attack_word(c, j));
    !(in_sentence || (blast && in_document()))
}

/// Whether token `j` is a word of class attack: as a noun or verb (its
/// lemma: "started shooting"), or as a part of a compound ("explosives-laden
/// cars"); not an adjective ("the explosive force of air bags").
fn attack_word(c: &Clause<'_>, j: usize) -> bool {
    let t = &c.doc.tokens[j];
    let word = c.doc.span_text(t.span);
    if word.contains('-') {
        return word.split('-').any(|part| is("attack", &singular(part)));
    }
    match t.pos {
        Some(Upos::Verb) => is("attack", c.lex.lemma(&word.to_lowercase())),
        Some(Upos::Noun | Upos::Propn) => is("attack", &singular(word)),
        _ => false,
    }
}

/// The word of class mishap that caused the harm told by `v`, if one did:
/// the subject of `v` or of the verb it describes or completes ("an
/// explosion levelled the motel, killing two"), or, with no subject, its
/// "by" or "in" phrase or a phrase of that ("killed in a crash", "killed by
/// the force of air bags"). A subject of no mishap, or a passive's "by"
/// phrase of one, acted: "has admitted killing a man in a car park" is no
/// accident (status42: the worse row of the Reuters 4141 pool, a relayed
/// killing lost to a vehicle in its phrase).
fn cause(c: &Clause<'_>, verb: &Verb) -> Option<usize> {
    let v = verb.v;
    let mishap = |k: usize| {
        std::iter::once(k)
            .chain(
                c.children(k)
                    .filter(|&m| matches!(c.dep(m), Some(Dep::Compound | Dep::Conj))),
            )
            .find(|&m| is("mishap", &singular(c.word(m))))
    };
    // A relative word names no one: the noun it stands for is read as the phrase.
    let subject = |h: usize| {
        c.children(h).find(|&k| {
            c.dep(k) == Some(Dep::Nsubj)
                && !matches!(c.doc.tokens[k].tag, Some(Xpos::Wdt | Xpos::Wp))
        })
    };
    let head_of = |k: usize| {
        c.doc.tokens[k]
            .head
            .filter(|&h| h >= c.a && h < c.b && h != k)
    };
    let describing = |k: usize| matches!(c.dep(k), Some(Dep::Advcl | Dep::Xcomp));
    let befell = |k: usize| {
        c.doc.tokens[k].pos == Some(Upos::Verb)
            && is("befall", c.lex.lemma(&c.word(k).to_lowercase()))
    };
    // A clause of an accident: the one the harm describes ("the helicopter
    // crashed, killing both pilots") or one under it ("were injured when the
    // minibus overturned").
    let accident_clause = |k: usize| {
        head_of(k)
            .filter(|&h| describing(k) && c.doc.tokens[k].tag == Some(Xpos::Vbg) && befell(h))
            .or_else(|| {
                c.children(k)
                    .find(|&m| c.dep(m) == Some(Dep::Advcl) && befell(m))
            })
    };
    // The subject of `k`, or of the verb `k` describes ("an explosion
    // levelled the motel, killing two").
    let subject_or_described =
        |k: usize| subject(k).or_else(|| head_of(k).filter(|_| describing(k)).and_then(subject));
    let phrase = c
        .obliques(v, "by")
        .chain(c.obliques(v, "in"))
        .flat_map(|k| {
            std::iter::once(k).chain(c.children(k).filter(|&m| c.dep(m) == Some(Dep::Nmod)))
        })
        .find_map(mishap);
    // A passive's subject is who was harmed ("three vehicles were damaged");
    // its "by" phrase of no mishap names who acted ("killed by a neighbour
    // in a car park").
    if super::passive_voice(c, verb) {
        let by_someone = c.obliques(v, "by").any(|k| {
            mishap(k).is_none()
                && c.children(k)
                    .filter(|&m| c.dep(m) == Some(Dep::Nmod))
                    .all(|m| mishap(m).is_none())
        });
        return phrase
            .or_else(|| accident_clause(v))
            .filter(|_| !by_someone);
    }
    // "killing two people and injuring a dozen": a conjunct shares its
    // first verb's cause.
    let conjunct = head_of(v).filter(|_| c.dep(v) == Some(Dep::Conj));
    // Someone who acts, the subject of the verb or of the verb it describes
    // or completes ("has admitted killing a man in a car park"), is the cause
    // whatever the phrase names: only a mishap subject, or a clause of an
    // accident, makes one.
    let agent = subject_or_described(v).or_else(|| conjunct.and_then(subject_or_described));
    match agent {
        Some(k) => mishap(k),
        None => phrase,
    }
    .or_else(|| accident_clause(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes_load() {
        assert!(is("trading", "buy") && is("holding", "stake") && !is("holding", "contract"));
        assert!(is("firm", "firm") && is("market", "future") && is("state", "government"));
        assert!(is("kin", "wife") && is("private", "marry") && !is("private", "meet"));
        assert!(is("mishap", "crash") && is("attack", "grenade") && !is("mishap", "grenade"));
        assert_eq!(WORDS.condition("mishap", "explosion"), Some("blast"));
        assert_eq!(WORDS.condition("mishap", "crash"), Some("-"));
        assert!(is("befall", "overturn") && !is("befall", "burn") && !is("befall", "strike"));
    }
}
