//! A candidate's own campaign read as no event (#24, campaign34): a campaign
//! ad and what it does, pledged delegates, a vow about one's own race and an
//! appeal to voters. Part of the codebook recoding (`recode`), so it runs once
//! the event judge has kept an event; the word classes are in
//! `data/en/event-campaigning.tsv`.
//!
//! The codebook's words: elections and campaigning are coded only as protest
//! or coercion; the PolNeAR-train judged draws read the same, while a
//! candidate's own attack on a rival (ACCUSE) and an endorsement (SUPPORT)
//! stay events, so nothing here reads who acts or who is acted on but an ad.

use dossier_core::{Dep, Event, EventType, Xpos};

use super::word_classes::WordFile;
use super::{singular, Clause};

/// The word classes of `data/en/event-campaigning.tsv`.
static WORDS: WordFile = WordFile::new(include_str!("../../data/en/event-campaigning.tsv"));

fn is(class: &str, word: &str) -> bool {
    WORDS.contains(class, word)
}

/// Whether the codebook codes no event for the kept event of verb `v`.
pub(super) fn no_event(c: &Clause<'_>, v: usize, event: &Event) -> bool {
    if super::conventions::force_beside(c, v) {
        return false;
    }
    ad_acts(c, v)
        || (event.act == EventType::Agree && delegates_counted(c, v))
        || (matches!(event.act, EventType::Agree | EventType::Threaten) && own_race_vowed(c, v))
        || (event.act == EventType::Request && voters_appealed_to(c, v))
}

/// The head `v` describes as a participle ("ads … attacking Cruz", "pledged
/// delegates"), up through conjuncts ("ads supporting Rubio and attacking
/// Cruz").
fn described(c: &Clause<'_>, v: usize) -> Option<usize> {
    let mut h = v;
    for _ in 0..4 {
        let up = c.doc.tokens[h].head.filter(|&u| u >= c.a && u < c.b)?;
        match c.dep(h) {
            Some(Dep::Conj) => h = up,
            Some(Dep::Acl | Dep::Amod) => return Some(up),
            _ => return None,
        }
    }
    None
}

/// A campaign ad that acts, or an ad released or unveiled: "ads supporting
/// Rubio and attacking Cruz", "a TV ad released Thursday accuses Trump",
/// "unveils first Spanish campaign ad".
fn ad_acts(c: &Clause<'_>, v: usize) -> bool {
    let subject = c.children(v).find(|&k| c.dep(k) == Some(Dep::Nsubj));
    described(c, v)
        .into_iter()
        .chain(subject)
        .chain(c.objects(v))
        .any(|k| is("ad", &singular(c.word(k))))
}

/// Delegates pledged to a candidate ("271 pledged delegates",
/// "superdelegates pledged to Clinton"): a count, no pledge made. The parse
/// may read "pledged" as a verb with the delegates as its object, with no
/// subject or a count as subject ("270 pledged delegates").
fn delegates_counted(c: &Clause<'_>, v: usize) -> bool {
    let subject = c.children(v).find(|&k| c.dep(k) == Some(Dep::Nsubj));
    let counted = subject.is_none_or(|k| c.doc.tokens[k].tag == Some(Xpos::Cd));
    described(c, v).is_some_and(|h| c.head_of_class(h, &WORDS, "delegate"))
        || (counted && c.objects(v).any(|k| c.head_of_class(k, &WORDS, "delegate")))
}

/// A vow about one's own race: what is vowed, a verb the dictionary codes no
/// act, has a race as its object or in a phrase ("to take his campaign to
/// the convention", "to stay in the Democratic primary"), or keeps on in it
/// ("vowing to fight on").
fn own_race_vowed(c: &Clause<'_>, v: usize) -> bool {
    // What is vowed: a "to" infinitive (the parse may make it an adjunct).
    let vowed = c.children(v).filter(|&k| match c.dep(k) {
        Some(Dep::Xcomp) => true,
        Some(Dep::Advcl) => c.has_word(k, "to"),
        _ => false,
    });
    // A race in a phrase, or in a phrase of that phrase ("in the fight
    // through the California primary").
    let race = |k: usize| {
        std::iter::once(k)
            .chain(c.children(k).filter(|&m| c.dep(m) == Some(Dep::Nmod)))
            .any(|m| c.head_of_class(m, &WORDS, "race") || own_campaign(c, m))
    };
    vowed.into_iter().any(|x| {
        let lemma = c.lex.lemma(c.word(x)).to_lowercase();
        let keeps_on = is("persisting", &lemma)
            && c.has_word(x, "on")
            && c.object(x).is_none()
            && c.obliques(x, "with").next().is_none();
        // What the dictionary codes an act ("to back her campaign") is
        // one toward another's race.
        let no_act = c.lex.classify(&c.word(x).to_lowercase(), &[]).is_none();
        keeps_on
            || (no_act
                && c.children(x)
                    .filter(|&k| matches!(c.dep(k), Some(Dep::Obj | Dep::Obl)))
                    .any(race))
    })
}

/// One's own campaign: a noun of class `campaign` with a possessive ("his
/// campaign", "Sanders's campaign"), where "to implement a campaign against
/// corruption" commits to an act.
fn own_campaign(c: &Clause<'_>, k: usize) -> bool {
    is("campaign", &singular(c.word(k))) && c.children(k).any(|m| c.is_possessor(m))
}

/// An appeal to the voters ("appealing to the nation's electorate", "urged
/// voters to turn out"): campaigning, no request of an actor.
fn voters_appealed_to(c: &Clause<'_>, v: usize) -> bool {
    c.objects(v)
        .chain(c.obliques(v, "to"))
        .any(|k| c.head_of_class(k, &WORDS, "voter"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes_load() {
        assert!(is("ad", "ad") && is("ad", "ads") && is("ad", &singular("commercials")));
        assert!(is("delegate", &singular("superdelegates")));
        assert!(is("race", &singular("primaries")) && is("race", &singular("caucus")));
        assert!(is("persisting", "fight") && is("voter", &singular("voters")));
        assert!(!is("race", "election") && !is("race", "nomination"));
        assert!(is("campaign", "campaign") && !is("race", "campaign"));
    }
}
