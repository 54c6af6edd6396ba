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
    // A time said of it makes it one act ("people fight on Tuesday").
    if c.children(v).any(|k| in_time(c, k)) {
        return false;
    }
    // A present passive tells a standing rule as well ("civic groups are
    // allowed to be observers"): only harm done is read as generic.
    let harm = matches!(event.act, EventType::Assault | EventType::Threaten);
    gerund_subject(c, v) || generic_present(c, verb) || (harm && plural_present_passive(c, verb))
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
    }
}
