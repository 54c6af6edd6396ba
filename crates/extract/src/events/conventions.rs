//! The PLOVER codebook's conventions on the code of a kept event where the
//! CAMEO dictionary reads the verb's most martial sense (#24): an attack
//! made with words (spoken, or aimed at a rival or a stance) is criticism
//! (ACCUSE), striving "to" do something with no arms is advocacy (no event),
//! firing an employee is dismissal (no PLOVER act), and cooperating is
//! COOPERATE, not verbal SUPPORT. Here too is the one test of an act of
//! arms the recoding asks (`force_beside`: a word of force, arms or war in
//! the sentence). Part of the codebook recoding (`recode`), so it runs once
//! the event judge has kept an event; the word classes are in
//! `data/en/event-conventions.tsv`.

use dossier_core::{ById, Dep, EntityId, EntityType, Event, EventType, Upos};

use super::word_classes::WordFile;
use super::{mention_of, singular, Clause, Verb};

/// The word classes of `data/en/event-conventions.tsv`.
static WORDS: WordFile = WordFile::new(include_str!("../../data/en/event-conventions.tsv"));

fn is(class: &str, word: &str) -> bool {
    WORDS.contains(class, word)
}

/// PETRARCH synsets of arms and armed forces.
const ARMS_SYNSETS: &[&str] = &["&WEAPON", "&MILITARY"];

/// What the conventions make of a kept event: another act, or (`None`
/// inside) no event at all; `None` where they say nothing.
pub(super) fn recoded(c: &Clause<'_>, verb: &Verb, event: &Event) -> Option<Option<EventType>> {
    let lemma = c.lex.lemma(&verb.form).to_lowercase();
    match event.act {
        EventType::Assault if dismissal(c, verb, &lemma) => Some(None),
        EventType::Assault if advocacy(c, verb.v, &lemma) => Some(None),
        EventType::Assault if verbal_attack(c, verb, event, &lemma) => {
            Some(Some(EventType::Accuse))
        }
        EventType::Support if is("cooperating", &lemma) => Some(Some(EventType::Cooperate)),
        EventType::Accuse if armed_attack(c, verb, &lemma) => Some(Some(EventType::Assault)),
        _ => None,
    }
}

/// Whether the word at `j` is one of force, arms or war: class force (by
/// form, singular or lemma) or a PETRARCH arms synset. (Not every noun of
/// the armed sectors: "Attorney General", "air force", "task force".)
pub(super) fn armed_word(c: &Clause<'_>, j: usize) -> bool {
    let word = c.word(j).to_lowercase();
    let one = singular(&word);
    is("force", &word)
        || is("force", &one)
        || is("force", c.lex.lemma(&word))
        || c.lex
            .synsets
            .get(&one)
            .is_some_and(|s| s.iter().any(|n| ARMS_SYNSETS.contains(&n.as_str())))
}

/// Whether the sentence of `v` says, beside `v`, anything of force, arms or
/// war: the one test of an act of arms for the codebook's recoding.
pub(super) fn force_beside(c: &Clause<'_>, v: usize) -> bool {
    (c.a..c.b).any(|j| j != v && armed_word(c, j))
}

/// Whether token `j` names a party that may wage war: a country or a people
/// the NER names, or an armed group by the agents dictionary. No town: in
/// "launches strikes against Damascus" the city is only the target.
pub(super) fn armed_party(c: &Clause<'_>, j: usize) -> bool {
    let country_or_people = c.doc.mentions.iter().any(|m| {
        crate::tree::holds_token(c.doc, m.span, j)
            && (m.ty == EntityType::Norp || super::is_country(c.doc, m))
    });
    country_or_people || super::political::armed_noun(c.lex, c.word(j))
}

/// Whether token `j` names an armed party ([`armed_party`]) or any place
/// (a town attacking or attacked stands for its forces), or is a word of force.
fn armed_or_state(c: &Clause<'_>, j: usize) -> bool {
    armed_party(c, j) || mention_of(c, j, &[EntityType::Gpe]) || armed_word(c, j)
}

/// Whether an attack the CAMEO dictionary reads as criticism ("attack … for",
/// "attack … government") is one of arms: a verb of class attacking whose
/// attacker is an armed group or force (the agents dictionary's armed
/// sectors, class force: "insurgents", "troops"), or whose object is a place,
/// vehicle or building (a location or facility named, class struck: "the
/// convoy", "the village"). A party, a people ("Democrats") or a state
/// ("lambasted Russia for treating …") still criticises.
fn armed_attack(c: &Clause<'_>, verb: &Verb, lemma: &str) -> bool {
    if !attacking_verb(lemma) {
        return false;
    }
    let armed = super::who_acts(c, verb)
        .is_some_and(|a| super::political::armed_noun(c.lex, c.word(a)) || armed_word(c, a));
    let struck = c.object(verb.v).is_some_and(|o| {
        is("struck", &singular(c.word(o))) || mention_of(c, o, &[EntityType::Loc, EntityType::Fac])
    });
    armed || struck
}

/// Whether the phrase headed by `h` names a rival: a person named, a noun
/// of class rival, a personal pronoun.
fn rival(c: &Clause<'_>, h: usize) -> bool {
    let noun = singular(c.word(h));
    // "attacked me from the stage": the speaker attacked is a rival too.
    let pronoun = c.doc.tokens[h].pos == Some(Upos::Pron)
        && matches!(
            c.word(h).to_lowercase().as_str(),
            "him" | "her" | "them" | "me" | "us"
        );
    mention_of(c, h, &[EntityType::Person]) || is("rival", &noun) || pronoun
}

/// Whether the phrase headed by `h` names what one says or stands for (class
/// stance, the head or a compound of it: "his business career").
fn stance(c: &Clause<'_>, h: usize) -> bool {
    std::iter::once(h)
        .chain(c.children(h).filter(|&k| c.dep(k) == Some(Dep::Compound)))
        .any(|k| is("stance", &singular(c.word(k))))
}

/// What a verb of class attacking attacks: its object, the phrases its
/// condition names ("fired back at", "clashed with") or "on"/"against"
/// ones, a passive's subject, and the "on"/"against" phrases of an attack
/// launched ("launched a new round of attacks on").
fn attacked(c: &Clause<'_>, verb: &Verb, lemma: &str) -> Vec<usize> {
    let v = verb.v;
    let mut heads: Vec<usize> = c.objects(v).collect();
    if super::passive_voice(c, verb) {
        heads.extend(c.children(v).filter(|&k| c.dep(k) == Some(Dep::Nsubj)));
    }
    let markers = WORDS.condition("attacking", lemma).unwrap_or("-");
    for k in c.children(v).filter(|&k| c.dep(k) == Some(Dep::Obl)) {
        let marked = |w: &str| super::marked_by(c.doc, k, w);
        if ["on", "against"]
            .into_iter()
            .chain(markers.split(','))
            .any(marked)
        {
            heads.push(k);
        }
    }
    if is("launching", lemma) {
        let objects: Vec<usize> = heads.clone();
        for o in objects {
            for j in c.subtree(o, &[Dep::Acl]) {
                let on = super::marked_by(c.doc, j, "on") || super::marked_by(c.doc, j, "against");
                if on && c.dep(j) == Some(Dep::Nmod) {
                    heads.push(j);
                }
            }
        }
    }
    heads
}

/// Whether `lemma` is a verb of class attacking: one news also says of words.
pub(super) fn attacking_verb(lemma: &str) -> bool {
    WORDS.condition("attacking", lemma).is_some()
}

/// Whether a verb the dictionary reads as ASSAULT attacks with words: a verb
/// of class attacking with the word its condition needs (or a verb
/// launching an attack), with no word of force, arms or war beside it and
/// no blow on the body; spoken (`spoken`), or aimed at a rival or a stance
/// by an attacker who is no armed force and no state, or a named person's
/// attack on a named person.
fn verbal_attack(c: &Clause<'_>, verb: &Verb, event: &Event, lemma: &str) -> bool {
    let v = verb.v;
    let launches_attack = is("launching", lemma)
        && c.objects(v)
            .flat_map(|o| c.subtree(o, &[Dep::Acl]))
            .any(|j| is("attack", &singular(c.word(j))));
    // The particle or case word the verb needs: "fired back at", "ripped into".
    let condition_met = WORDS.condition("attacking", lemma).is_some_and(|m| {
        m == "-"
            || c.children(v).any(|k| {
                std::iter::once(k)
                    .chain(c.children(k))
                    .any(|j| m.split(',').any(|w| c.word(j).eq_ignore_ascii_case(w)))
            })
    });
    // "hit Rudolph in the head": a blow lands on the body.
    let on_body = c.children(v).any(|k| {
        c.dep(k) == Some(Dep::Obl)
            && (super::marked_by(c.doc, k, "in") || super::marked_by(c.doc, k, "on"))
            && is("body", &singular(c.word(k)))
    });
    if !(condition_met || launches_attack) || on_body || force_beside_but_topics(c, v) {
        return false;
    }
    // The person attacked, named in the event or in what the verb attacks
    // ("fighting about Barack Obama", where the event kept no target).
    let person_attacked = super::discourse::named_person(c, &event.target)
        || attacked(c, verb, lemma)
            .into_iter()
            .any(|h| mention_of(c, h, &[EntityType::Person]));
    spoken(c, verb, event)
        || aimed_at_rival(c, verb, lemma)
        || blamed_for_deed(c, verb)
        || (speaks_for_a_person(c, &event.source) && person_attacked)
}

/// Whether an attack blames an actor for a deed: active, with a "for"
/// clause ("attacked Rubio for not answering the question", "attacked
/// Republicans for how they were running the investigation") and as object
/// a rival, a stance or an actor named (a state too: "attacked China for
/// stealing jobs"), by no armed force and no state (a people, such as
/// "Democrats", may blame). One attacks with arms for a reason too, but then
/// a word of force is beside (`verbal_attack`).
fn blamed_for_deed(c: &Clause<'_>, verb: &Verb) -> bool {
    let v = verb.v;
    let armed = super::who_acts(c, verb)
        .is_some_and(|a| armed_or_state(c, a) && !mention_of(c, a, &[EntityType::Norp]));
    if armed || super::passive_voice(c, verb) {
        return false;
    }
    let actors = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Norp,
        EntityType::Gpe,
    ];
    let blamed = c
        .object(v)
        .is_some_and(|o| rival(c, o) || stance(c, o) || mention_of(c, o, &actors));
    // The deed is a clause under the verb, marked "for".
    let for_deed = c.children(v).any(|k| {
        c.dep(k) == Some(Dep::Advcl)
            && c.doc.tokens[k].pos == Some(Upos::Verb)
            && c.children(k)
                .any(|m| c.dep(m) == Some(Dep::Mark) && c.word(m).eq_ignore_ascii_case("for"))
    });
    blamed && for_deed
}

/// [`force_beside`], but for words of force that are only what a rival is
/// attacked on: a compound of a noun of speech or stance ("the gun issue",
/// "his war record"), or the "on", "over" or "about" phrase of a verb of
/// class attacking that attacks a rival ("hit him on guns").
fn force_beside_but_topics(c: &Clause<'_>, v: usize) -> bool {
    let topic = |j: usize| {
        let Some(h) = c.doc.tokens[j].head else {
            return false;
        };
        let of_speech = c.dep(j) == Some(Dep::Compound)
            && (is("speech", &c.word(h).to_lowercase()) || stance(c, h));
        let attacking_head = attacking_verb(c.lex.lemma(&c.word(h).to_lowercase()))
            && c.object(h).is_some_and(|o| rival(c, o));
        let on_topic = c.dep(j) == Some(Dep::Obl)
            && ["on", "over", "about"]
                .into_iter()
                .any(|w| super::marked_by(c.doc, j, w));
        of_speech || (attacking_head && on_topic)
    };
    (c.a..c.b).any(|j| j != v && armed_word(c, j) && !topic(j))
}

/// Whether one of `actors` is a named person or those around one ("Clinton's
/// surrogates", "a Trump aide"), whose attack on a named person is words as theirs is.
fn speaks_for_a_person(c: &Clause<'_>, actors: &[EntityId]) -> bool {
    super::discourse::named_person(c, actors)
        || actors
            .iter()
            .any(|&a| super::phrases::following_actor(c, a))
}

/// Whether an attack is told as words: a noun of speech, a medium or policy
/// as its object or in a phrase of it ("on Twitter", "for his remarks"), a
/// label ("as a violation"), the words that attack ("a tweet attacking"), or
/// a quotation or a verb of speech beside an attack by someone named.
fn spoken(c: &Clause<'_>, verb: &Verb, event: &Event) -> bool {
    let v = verb.v;
    let speech_noun = |k: usize| is("speech", &c.word(k).to_lowercase());
    let object = c.object(v);
    let phrase = |k: &usize| {
        matches!(
            c.dep(*k),
            Some(Dep::Obl | Dep::Nmod | Dep::Xcomp | Dep::Advcl)
        )
    };
    let mut phrases: Vec<usize> = [Some(v), object]
        .into_iter()
        .flatten()
        .flat_map(|h| c.children(h))
        .filter(phrase)
        .collect();
    // And the phrases of those: "attacked her (opponent) as a fraud during
    // the debate", however the parse hung the label.
    let inner: Vec<usize> = phrases
        .iter()
        .flat_map(|&k| c.children(k))
        .filter(phrase)
        .collect();
    phrases.extend(inner);
    let named_source = event.source.iter().any(|&a| {
        c.doc.entities.by_id(a).is_some_and(|e| {
            matches!(
                e.ty,
                EntityType::Person | EntityType::Org | EntityType::Norp
            )
        })
    });
    // A quotation or a verb of speech beside an attack told outside quotation
    // marks, by someone named: "Trump shot back, “…”".
    let quoted = event.quote.is_none()
        && named_source
        && ((c.a..c.b).any(|j| matches!(c.word(j), "“" | "”" | "\"")) || speech_beside(c, v));
    // "a tweet attacking a former Miss Universe": the words that attack.
    let by_words = (c.dep(v) == Some(Dep::Acl) && c.doc.tokens[v].head.is_some_and(speech_noun))
        || c.subject(v).is_some_and(speech_noun);
    by_words
        || object.is_some_and(speech_noun)
        || phrases
            .iter()
            .any(|&k| speech_noun(k) || super::marked_by(c.doc, k, "as"))
        || quoted
}

/// Whether a verb of speech is the attack's head or a clause under it
/// ("attacked Trump, calling him a loser"; "said he attacked").
fn speech_beside(c: &Clause<'_>, v: usize) -> bool {
    c.children(v)
        .filter(|&k| {
            matches!(
                c.dep(k),
                Some(Dep::Advcl | Dep::Conj | Dep::Xcomp | Dep::Parataxis)
            )
        })
        .any(|k| super::discourse::speech_verb(c, k))
}

/// Whether an attack is aimed at a rival or a stance by no armed force and
/// no state: a stance attacked by anyone, a rival by a person or a rival, a
/// person named by a pronoun ("she attacked Trump").
fn aimed_at_rival(c: &Clause<'_>, verb: &Verb, lemma: &str) -> bool {
    let attacker = super::who_acts(c, verb);
    if attacker.is_some_and(|a| armed_or_state(c, a)) {
        return false;
    }
    let speaker = attacker.is_some_and(|a| {
        mention_of(c, a, &[EntityType::Person]) || is("rival", &singular(c.word(a)))
    });
    let pronoun = attacker
        .is_some_and(|a| matches!(c.word(a).to_lowercase().as_str(), "he" | "she" | "they"));
    attacked(c, verb, lemma).into_iter().any(|h| {
        stance(c, h)
            || (speaker && rival(c, h))
            || (pronoun && mention_of(c, h, &[EntityType::Person]))
    })
}

/// Whether a verb of striving ("fought to pass the bill") is advocacy: a
/// "to" complement and no object, no word of force or arms in the sentence
/// and no armed party or state in what it governs or as its subject.
fn advocacy(c: &Clause<'_>, v: usize, lemma: &str) -> bool {
    if !is("striving", lemma) || c.object(v).is_some() {
        return false;
    }
    let complement = c.children(v).any(|k| {
        c.dep(k) == Some(Dep::Xcomp)
            && c.doc.tokens[k].pos == Some(Upos::Verb)
            && super::to_infinitive(c, k)
    });
    if !complement || force_beside(c, v) {
        return false;
    }
    let subject = c.subject(v);
    let governed = c.subtree(v, &[Dep::Parataxis, Dep::Advcl]);
    !subject
        .into_iter()
        .chain(governed)
        .any(|j| armed_or_state(c, j))
}

/// Whether a verb of dismissal ("fire", "sack") dismisses someone from a
/// job: its object is a person named or a noun of someone employed, or it is
/// passive, with a person as subject and nothing aimed at ("at", "on"); and
/// nothing of force or arms in the sentence.
fn dismissal(c: &Clause<'_>, verb: &Verb, lemma: &str) -> bool {
    let v = verb.v;
    if !is("dismissing", lemma) || force_beside(c, v) {
        return false;
    }
    let person = |h: usize| {
        mention_of(c, h, &[EntityType::Person])
            || is("staff", &singular(c.word(h)))
            || matches!(c.word(h).to_lowercase().as_str(), "him" | "her")
    };
    // "fired on the convoy" aims; "on Monday" is when.
    let when = |k: usize| {
        let span = c.doc.tokens[k].span;
        c.doc.times.iter().any(|t| t.span.contains(span))
    };
    let aimed = c
        .obliques(v, "at")
        .chain(c.obliques(v, "on").filter(|&k| !when(k)))
        .next()
        .is_some();
    match c.object(v) {
        Some(o) => person(o) && !aimed,
        None => {
            super::passive_voice(c, verb)
                && !aimed
                && c.children(v)
                    .any(|k| c.dep(k) == Some(Dep::Nsubj) && person(k))
        }
    }
}

/// Whether verb `k` is one of force or coercion (class harming), with the
/// particle its condition needs ("wipe out", "hunt down"): vowed or pledged,
/// a threat, not AGREE.
pub(super) fn harming_verb(c: &Clause<'_>, k: usize) -> bool {
    let word = crate::lexicon::lower(c.word(k));
    WORDS
        .condition("harming", c.lex.lemma(&word))
        .is_some_and(|m| {
            m == "-"
                || c.children(k)
                    .any(|j| m.split(',').any(|w| c.word(j).eq_ignore_ascii_case(w)))
        })
}

/// Whether verb `v`, negated, refuses whatever its tense: a participle of
/// class stated after a form of "be" ("are not welcome"), or a verb of class
/// permitting ("did not allow", "have not reached an agreement").
pub(super) fn refused_when_negated(c: &Clause<'_>, v: usize) -> bool {
    let stated = is("stated", &c.word(v).to_lowercase())
        && c.has_auxiliary(v, &[Dep::Aux, Dep::Cop], &crate::tree::PASSIVE_AUXILIARIES);
    stated || is("permitting", c.lex.lemma(&c.word(v).to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes_load() {
        assert_eq!(WORDS.condition("attacking", "attack"), Some("-"));
        assert_eq!(WORDS.condition("attacking", "fire"), Some("at,back"));
        assert_eq!(WORDS.condition("attacking", "rip"), Some("into"));
        assert_eq!(WORDS.condition("attacking", "hit"), Some("-"));
        assert!(attacking_verb("lambaste") && !attacking_verb("kill"));
        assert!(is("speech", "tweet") && is("body", "head") && is("attack", "tirade"));
        assert!(is("attack", "attack") && is("launching", "launch"));
        assert!(is("rival", "opponent") && is("stance", "record"));
        assert!(is("force", "knife") && is("striving", "fight"));
        assert!(is("dismissing", "fire") && is("staff", "manager"));
        assert!(is("cooperating", "cooperate") && is("stated", "welcome"));
        assert!(is("permitting", "allow") && is("force", "tortured") && is("force", "insurgency"));
        assert!(!is("rival", "town") && !is("staff", "missile"));
        assert!(!is("force", "car") && !is("force", "refugee") && !is("force", "victim"));
        assert!(is("force", "commander") && !is("force", "general") && !is("force", "captain"));
        assert!(is("struck", "convoy") && is("struck", "village") && !is("struck", "plan"));
    }
}
