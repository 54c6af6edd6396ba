//! Generic statements (#24, noevent35): what anyone does in general, a habit
//! or a rule, names no act of one actor toward another ("people fight over
//! limited resources", "those who kill", "journalists are killed simply for
//! recording the atrocities", "Criticizing police tactics will alienate
//! moderates"). Part of the codebook recoding (`recode`); the word classes
//! are in `data/en/event-generic.tsv`.

use dossier_core::{Dep, Event, EventType, Xpos};

use super::word_classes::WordFile;
use super::{in_time, Clause, Verb};

/// The word classes of `data/en/event-generic.tsv`.
static WORDS: WordFile = WordFile::new(include_str!("../../data/en/event-generic.tsv"));

fn is(class: &str, word: &str) -> bool {
    WORDS.contains(class, word)
}

/// Whether the kept event of `verb` is said of anyone in general.
pub(super) fn no_event(c: &Clause<'_>, verb: &Verb, event: &Event) -> bool {
    let v = verb.v;
    // Force is no answer to a poll ("in an aerial survey, three villages
    // were destroyed").
    let force = matches!(
        event.act,
        EventType::Assault | EventType::Coerce | EventType::Threaten
    );
    if !force && poll_figure(c, v) {
        return true;
    }
    // A time said of it makes it one act ("people fight on Tuesday").
    if c.children(v).any(|k| in_time(c, k)) {
        return false;
    }
    // A present passive tells a standing rule as well ("civic groups are
    // allowed to be observers"): only harm done is read as generic.
    let harm = matches!(event.act, EventType::Assault | EventType::Threaten);
    gerund_subject(c, v) || generic_present(c, verb) || (harm && plural_present_passive(c, verb))
}

/// A poll's figure: what those polled answered, no act between actors ("a
/// poll finds Johnson supported by 13 percent", "a poll found better support
/// for Clinton", "a poll shows that wealthy voters have abandoned the party",
/// "held a commanding lead in the New Hampshire polls", "three polls
/// conducted the first week of March"). The act is said with a word of class
/// poll as its subject, as the subject of the verb whose complement or
/// object it is, as a phrase of it or of its object, or as the noun it
/// describes, but not a phrase of a possessed object. Acts of force are
/// not read so.
fn poll_figure(c: &Clause<'_>, v: usize) -> bool {
    let poll = |k: usize| c.head_of_class(k, &WORDS, "poll");
    // A share of those polled as the subject ("47 percent of voters said").
    let said_by_poll = |h: usize| {
        c.children(h).any(|k| {
            c.dep(k) == Some(Dep::Nsubj) && (poll(k) || c.head_of_class(k, &WORDS, "share"))
        })
    };
    let phrase_of = |h: usize| {
        c.children(h)
            .filter(|&k| matches!(c.dep(k), Some(Dep::Obl | Dep::Nmod)))
            .any(poll)
    };
    let head = c.doc.tokens[v].head.filter(|&h| h >= c.a && h < c.b);
    let found = head.is_some_and(|h| match c.dep(v) {
        Some(Dep::Ccomp | Dep::Xcomp | Dep::Obj) => said_by_poll(h),
        Some(Dep::Acl | Dep::Amod) => poll(h),
        _ => false,
    });
    // A poll inside someone's thing the act is about is no figure of the act
    // ("blaming Trump's decline in the polls on the news media").
    let unpossessed = |o: usize| !c.children(o).any(|m| c.is_possessor(m));
    said_by_poll(v)
        || found
        || phrase_of(v)
        || c.objects(v).any(|o| unpossessed(o) && phrase_of(o))
        || margin(c, v)
}

/// A margin in points ("won the primary by 20 points", "have declined by
/// nine percentage points"): a "by" phrase of class margin with a number, a
/// poll's or a vote's figure.
fn margin(c: &Clause<'_>, v: usize) -> bool {
    c.obliques(v, "by").any(|k| {
        c.head_of_class(k, &WORDS, "margin") && c.children(k).any(|m| c.dep(m) == Some(Dep::Nummod))
    })
}

/// A gerund with an object but no subject of its own that is a clause's
/// subject ("Criticizing police tactics ... will alienate moderates"); with
/// no object it names a fight that happened ("Fighting between rebel
/// factions ... has displaced").
fn gerund_subject(c: &Clause<'_>, v: usize) -> bool {
    c.doc.tokens[v].tag == Some(Xpos::Vbg)
        && c.dep(v) == Some(Dep::Csubj)
        && c.object(v).is_some()
        && !c.children(v).any(|k| c.dep(k) == Some(Dep::Nsubj))
        && c.doc.tokens[v].head.is_some_and(|h| judged(c, h))
}

/// Whether the clause headed by `h` judges its subject rather than tells what
/// it did: a copula, a modal, or a verb of class judging ("would be folly",
/// "will alienate", "seems a bizarre outlet"), where "Protesting students
/// have resumed their sit-ins" tells of protesters.
fn judged(c: &Clause<'_>, h: usize) -> bool {
    let modal = |k: usize| c.dep(k) == Some(Dep::Aux) && c.doc.tokens[k].tag == Some(Xpos::Md);
    is("judging", c.lex.lemma(&c.word(h).to_lowercase()))
        || c.children(h)
            .any(|k| c.dep(k) == Some(Dep::Cop) || modal(k))
}

/// The subject of `v`, through a "who" to the noun it describes ("those
/// who kill").
fn subject(c: &Clause<'_>, v: usize) -> Option<usize> {
    let s = c.children(v).find(|&k| c.dep(k) == Some(Dep::Nsubj))?;
    let relative = matches!(c.word(s).to_lowercase().as_str(), "who" | "that");
    match c.doc.tokens[v].head {
        Some(h) if relative && c.dep(v) == Some(Dep::Acl) && h >= c.a && h < c.b => Some(h),
        _ => Some(s),
    }
}

/// Whether a noun phrase at `s` is bare or only quantified ("journalists",
/// "most journalists"): no other determiner, number or possessive.
fn bare(c: &Clause<'_>, s: usize) -> bool {
    c.children(s).all(|k| match c.dep(k) {
        Some(Dep::Det) => is("quantifier", &c.word(k).to_lowercase()),
        Some(Dep::Nummod) => false,
        Some(Dep::Nmod) => c.doc.tokens[k].tag != Some(Xpos::PrpPoss),
        _ => true,
    })
}

/// An act in the present simple with a subject that names anyone ("people
/// fight over limited resources", "individuals other than Muslims kill
/// people", "those who kill").
fn generic_present(c: &Clause<'_>, verb: &Verb) -> bool {
    let v = verb.v;
    let present = matches!(c.doc.tokens[v].tag, Some(Xpos::Vbp | Xpos::Vbz))
        && !c.children(v).any(|k| c.dep(k) == Some(Dep::Aux));
    present && subject(c, v).is_some_and(|s| is("generic", &c.word(s).to_lowercase()) && bare(c, s))
}

/// A present passive with a bare plural subject named by no one
/// ("journalists are killed simply for recording the atrocities").
fn plural_present_passive(c: &Clause<'_>, verb: &Verb) -> bool {
    let v = verb.v;
    let present_aux = c.has_auxiliary(v, super::AUX, &["is", "are"])
        && !c.has_auxiliary(v, super::AUX, &["being"]);
    present_aux
        && c.doc.tokens[v].tag == Some(Xpos::Vbn)
        && super::auxiliary_passive(c, v)
        && c.children(v)
            .find(|&k| c.dep(k) == Some(Dep::Nsubj))
            .is_some_and(|s| {
                matches!(c.doc.tokens[s].tag, Some(Xpos::Nns))
                    && bare(c, s)
                    && !c
                        .doc
                        .mentions
                        .iter()
                        .any(|m| crate::tree::holds_token(c.doc, m.span, s))
            })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes_load() {
        assert!(is("generic", "people") && is("generic", "those") && !is("generic", "they"));
        assert!(is("quantifier", "most") && !is("quantifier", "the"));
        assert!(is("poll", "poll") && is("poll", "survey") && !is("poll", "vote"));
        assert!(is("share", "percent") && is("margin", "point") && !is("margin", "percent"));
    }
}
