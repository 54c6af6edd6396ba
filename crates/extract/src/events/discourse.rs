//! Political discourse read as what it is (#24): "called X a Y" labels
//! (ACCUSE, or no event for praise), while "called for X" stays a demand;
//! polls, results and campaigning are no event; agreeing with a view, a
//! fight of effort and a question asked are no event. (A verbal attack is
//! read in `conventions`, with the one test of force, arms or war.) Part of
//! the codebook recoding (`recode`), so it runs once the event judge has
//! kept an event; the word classes are in `data/en/event-discourse.tsv`.
//!
//! The codebook's words: ASSAULT is the use of "conventional forms of
//! violence"; ACCUSE `disapprove` "Express disapprovals, objections …
//! criticize, defame, denigrate"; elections and campaigning are coded only
//! as protest or coercion. The conventions of the PolNeAR-train judged draw
//! (`benchmarks/judged/README.md`) read the same.

use dossier_core::{ById, EntityId};
use dossier_core::{Dep, Upos};
use dossier_core::{EntityType, Event, EventType};

use super::word_classes::WordFile;
use super::{singular, Clause, Verb};
use crate::lexicon::lower;

/// The word classes of `data/en/event-discourse.tsv`.
static WORDS: WordFile = WordFile::new(include_str!("../../data/en/event-discourse.tsv"));

fn is(class: &str, word: &str) -> bool {
    WORDS.contains(class, word)
}

/// What the discourse rules make of a kept event: another act, or (`None`
/// inside) no event at all.
pub(super) fn recoded(c: &Clause<'_>, verb: &Verb, event: &Event) -> Option<Option<EventType>> {
    let lemma = c.lex.lemma(&verb.form).to_lowercase();
    if no_event(c, verb, event, &lemma)
        || (event.act == EventType::Agree && opinion_shared(c, verb, &lemma))
        || (event.act == EventType::Assault && figurative_fight(c, verb, event, &lemma))
        || (event.act == EventType::Request && question_asked(c, verb, &lemma))
        || questioned(c, verb, &lemma)
    {
        return Some(None);
    }
    match event.act {
        EventType::Request | EventType::Agree if lemma == "call" => called(c, verb),
        _ => None,
    }
}

/// Polls, results and campaigning: a contest won or led where the sentence
/// speaks of an election or a poll ("beats Y by 46 to 42 percent", "won the
/// primary"); a share of those polled or voting as the one who acts where
/// the sentence speaks of a poll or a vote ("62 percent of Republicans
/// agreed" in a poll); a candidate's rally, an election held.
fn no_event(c: &Clause<'_>, verb: &Verb, event: &Event, lemma: &str) -> bool {
    let v = verb.v;
    let electoral = (c.a..c.b).any(|j| j != v && is("electoral", &c.word(j).to_lowercase()));
    let contest = is("contest", lemma)
        && !matches!(event.act, EventType::Protest | EventType::Coerce)
        && !c.children(v).any(|k| c.word(k).eq_ignore_ascii_case("up"));
    let object = c.object(v);
    let object_word = object.map(|o| c.word(o).to_lowercase());
    // "held elections", "won the primary": an election held, won or lost.
    let held = is("holding", lemma) && object_word.as_deref().is_some_and(|w| is("contested", w));
    // "holding a rally in Springfield": a candidate's rally is campaigning;
    // so is the noun a participle describes ("the town hall hosted by CNN").
    let gathering = object.or_else(|| {
        (c.dep(v) == Some(Dep::Acl))
            .then(|| c.doc.tokens[v].head)
            .flatten()
            .filter(|&h| h >= c.a && h < c.b)
    });
    let rally = is("staging", lemma)
        && gathering.is_some_and(|o| is("rally", &c.word(o).to_lowercase()))
        && (electoral || named_person(c, &event.source));
    // "was declared the winner": a result declared, no act.
    let declared = is("declaring", lemma)
        && c.children(v).any(|k| {
            matches!(c.dep(k), Some(Dep::Obj | Dep::Xcomp))
                && is("winner", &c.word(k).to_lowercase())
        });
    // "targeting Latino voters": a campaign's audience is attacked by no one.
    let audience = lemma == "target" && object_word.as_deref().is_some_and(|w| is("share", w));
    let polled = (c.a..c.b).any(|j| is("polled", &c.word(j).to_lowercase()));
    // "hit the campaign trail": campaigning, whoever one campaigns with.
    let campaigning = super::conventions::attacking_verb(lemma)
        && object_word.as_deref().is_some_and(|w| is("campaigning", w));
    (contest && electoral)
        || (polled && share_acts(c, v))
        || held
        || declared
        || rally
        || audience
        || campaigning
}

/// Agreeing with someone, or that something is so, shares a view and commits
/// to nothing ("agreed with Smith about the winner", "agreed that the rules
/// should change"): a verb of class `opinion` with a "with" phrase or a
/// clause, and no sign of a commitment: a "to" infinitive or phrase, an "on"
/// phrase, an object, a passive, or a clause of what will be done (an
/// auxiliary of class `binding`: "agreed that the troops would leave").
/// A "to" phrase of class `degree` ("agrees with it up to a point") and,
/// beside a "with" phrase, an "on" phrase of class `topic` ("agreed with him
/// on the issue") commit to nothing; nor does an object that is the subject
/// of the clause after it ("agreed Assad's regime had a pattern"). A bare
/// "agreed" answers the view before it (`view_answered`).
fn opinion_shared(c: &Clause<'_>, verb: &Verb, lemma: &str) -> bool {
    let v = verb.v;
    if !is("opinion", lemma) || super::passive_voice(c, verb) {
        return false;
    }
    let clauses: Vec<usize> = c
        .children(v)
        .filter(|&k| c.dep(k) == Some(Dep::Ccomp))
        .collect();
    // The parse's object of "agreed X had …" is the subject of the clause.
    let clause_subject = |o: usize| {
        clauses
            .iter()
            .any(|&k| k > o && !c.children(k).any(|m| c.dep(m) == Some(Dep::Nsubj)))
    };
    let with = c.obliques(v, "with").next().is_some();
    let phrase_of = |p: &'static str, class: &str| {
        c.obliques(v, p).any(|k| {
            !is(class, &singular(c.word(k))) || c.children(k).any(|m| c.dep(m) == Some(Dep::Nmod))
        })
    };
    let committed = c.children(v).any(|k| match c.dep(k) {
        Some(Dep::Xcomp) => true,
        Some(Dep::Obj) => !clause_subject(k),
        _ => false,
    }) || phrase_of("to", "degree")
        || c.obliques(v, "upon").next().is_some()
        || (if with {
            phrase_of("on", "topic")
        } else {
            c.obliques(v, "on").next().is_some()
        });
    let binding = clauses.iter().any(|&k| {
        c.children(k)
            .any(|m| c.dep(m) == Some(Dep::Aux) && is("binding", &c.word(m).to_lowercase()))
    });
    !committed && !binding && (with || !clauses.is_empty() || view_answered(c, v))
}

/// A bare "agreed" (a subject, adverbs and punctuation, nothing agreed to)
/// that answers a view: a quotation after a colon ("Smith agreed: “It is
/// …”"), or a sentence before it that quotes or reports a view (a quotation
/// mark, or a clause said or found: "Sixty-two percent agreed" after a poll
/// "found that 74 percent said …"). After an offer ("Russia offered to …")
/// it is assent to an act.
fn view_answered(c: &Clause<'_>, v: usize) -> bool {
    let bare = c.children(v).all(|k| {
        matches!(
            c.dep(k),
            Some(Dep::Nsubj | Dep::Advmod | Dep::Punct | Dep::Cc | Dep::Aux)
        )
    });
    if !bare {
        return false;
    }
    let quote = |j: usize| is("quotation", c.word(j));
    let colon = v + 1 < c.doc.tokens.len() && c.word(v + 1) == ":";
    if colon && (v + 2..c.doc.tokens.len().min(v + 4)).any(quote) {
        return true;
    }
    let s = crate::tree::sentence_index_at(c.doc, c.doc.tokens[v].span.start);
    let Some(before) = s.checked_sub(1).map(|p| c.doc.sentences[p].tokens) else {
        return false;
    };
    (before.0..before.1).any(|j| quote(j) || c.doc.tokens[j].dep == Some(Dep::Ccomp))
}

/// A question asked, not a request (the codebook's REQUEST asks for an act
/// or a thing): a verb of class `asking` whose content is a question (a
/// clause marked by a word of class `whether`, a quoted question ending in
/// "?", an "about" phrase, or a question as object: "was asked if", "asked
/// the same question"), and no act asked for (a verb complement: "asked the
/// ministry to investigate whether …"); or one asking only to be kept
/// unnamed (class `unnamed`: "asked not to be identified"). With someone
/// asked named, a marked clause is a question put to them ("asked Pence
/// whether that would happen") unless it asks leave (`leave_asked`: "asked
/// Russia whether it could operate"); an "about" phrase always is ("asked
/// her about it"). A verb of class `demanding` asks a question only by a
/// complement of class `answer` ("demanded to know").
fn question_asked(c: &Clause<'_>, verb: &Verb, lemma: &str) -> bool {
    let v = verb.v;
    if !is("asking", lemma) {
        // A demand is a question only by its complement ("demanded to know
        // which rival campaign leaked it"; "demanded proof" asks a thing).
        let mut xcomps = c
            .children(v)
            .filter(|&k| c.dep(k) == Some(Dep::Xcomp))
            .peekable();
        return is("demanding", lemma)
            && xcomps.peek().is_some()
            && xcomps.all(|k| answer_asked(c, k));
    }
    let children: Vec<usize> = c.children(v).collect();
    let unnamed = children.iter().any(|&k| {
        c.dep(k) == Some(Dep::Xcomp) && is("unnamed", &c.lex.lemma(c.word(k)).to_lowercase())
    });
    // A complement that asks for an answer ("to share his views", "to know
    // which campaign leaked it", "to comment") asks no act.
    let answer = children
        .iter()
        .any(|&k| c.dep(k) == Some(Dep::Xcomp) && answer_asked(c, k));
    let act_asked = children
        .iter()
        .any(|&k| c.dep(k) == Some(Dep::Xcomp) && !answer_asked(c, k));
    let object = c.object(v);
    let question_object = object.is_some_and(|o| is("question", &singular(c.word(o))));
    let someone_asked = (object.is_some() && !question_object)
        || children.iter().any(|&k| c.dep(k) == Some(Dep::Iobj));
    // A clause marked as a question anywhere below the verb but in its
    // adjuncts ("Asked on the Today programme whether Labour would back …").
    let marked_question = c
        .subtree(v, &[Dep::Nsubj, Dep::Advcl, Dep::Conj, Dep::Parataxis])
        .into_iter()
        .any(|j| c.dep(j) == Some(Dep::Mark) && is("whether", &c.word(j).to_lowercase()));
    // An "about" phrase of the verb, or one the parse hung on the one asked
    // ("asked Mrs. Clinton about several women").
    let about_phrase = |k: usize| super::marked_by(c.doc, k, "about");
    let about = children.iter().any(|&k| {
        (c.dep(k) == Some(Dep::Obl) && about_phrase(k))
            || (matches!(c.dep(k), Some(Dep::Obj | Dep::Iobj))
                && c.children(k)
                    .any(|m| c.dep(m) == Some(Dep::Nmod) && about_phrase(m)))
    });
    let clause_question = children.iter().any(|&k| {
        c.dep(k) == Some(Dep::Ccomp)
            && c.children(k)
                .any(|m| is("whether", &c.word(m).to_lowercase()) || c.word(m) == "?")
    });
    let marked = marked_question || clause_question;
    let question = question_object || marked || about || answer;
    let put_to_someone = about || answer || (marked && !leave_asked(c, &children));
    unnamed
        || (question && !act_asked && (!someone_asked || put_to_someone))
        || put_to_speaker(c, v, &children)
        || when_asked(c, v, &children)
}

/// Whether the verb complement `k` asks for an answer, not an act: its
/// lemma of class `answer`, with the condition's object class where it has
/// one ("to share his views", not "to share water").
fn answer_asked(c: &Clause<'_>, k: usize) -> bool {
    let lemma = c.lex.lemma(&c.word(k).to_lowercase()).to_lowercase();
    match WORDS.condition("answer", &lemma) {
        Some("-") => true,
        Some(_) => c.objects(k).any(|o| super::object_classes::statement(c, o)),
        None => false,
    }
}

/// Whether a question clause below the verb asks leave: its subject a
/// pronoun and a modal of class `leave` ("whether it could operate", "if
/// they may enter"), the asker's own act asked for.
fn leave_asked(c: &Clause<'_>, children: &[usize]) -> bool {
    children
        .iter()
        .filter(|&&k| c.dep(k) == Some(Dep::Ccomp))
        .any(|&k| {
            let pronoun = c
                .children(k)
                .any(|m| c.dep(m) == Some(Dep::Nsubj) && c.doc.tokens[m].pos == Some(Upos::Pron));
            pronoun
                && c.children(k)
                    .any(|m| c.dep(m) == Some(Dep::Aux) && is("leave", &c.word(m).to_lowercase()))
        })
}

/// Someone pressed or quizzed on a subject (class `questioning`: "was
/// pressed on why he had said it", "pressed the chairman on the subject of
/// taxes"): a question put, no attack and no request, where the one pressed
/// is named (an object, or a passive) and what about is an "on" or "about"
/// phrase or a question clause, with no act pressed for ("pressed him to
/// resign" is a demand).
fn questioned(c: &Clause<'_>, verb: &Verb, lemma: &str) -> bool {
    let v = verb.v;
    if !is("questioning", lemma) {
        return false;
    }
    let children: Vec<usize> = c.children(v).collect();
    let pressed = c.object(v).is_some() || super::passive_voice(c, verb);
    let act = children.iter().any(|&k| c.dep(k) == Some(Dep::Xcomp));
    // "on the subject of", "about it", a bare "on" before a clause ("pressed
    // on why"), or a clause marked as a question.
    let subject = children.iter().any(|&k| match c.dep(k) {
        Some(Dep::Obl) => ["on", "about"]
            .into_iter()
            .any(|w| super::marked_by(c.doc, k, w)),
        Some(Dep::Advmod) => matches!(c.word(k).to_lowercase().as_str(), "on" | "about"),
        Some(Dep::Ccomp | Dep::Advcl) => c
            .children(k)
            .any(|m| is("whether", &c.word(m).to_lowercase())),
        _ => false,
    });
    pressed && subject && !act
}

/// An interviewer's question put to the one who then speaks: "When asked for
/// his position during an interview, Smith said …" (a bare participle
/// adjunct, with no subject, object or act asked for, of a verb of speech).
fn put_to_speaker(c: &Clause<'_>, v: usize, children: &[usize]) -> bool {
    // (A past form with no subject is the participle, whatever its tag.)
    let bare = matches!(
        c.doc.tokens[v].tag,
        Some(dossier_core::Xpos::Vbn | dossier_core::Xpos::Vbd)
    ) && !children.iter().any(|&k| {
        matches!(
            c.dep(k),
            Some(Dep::Nsubj | Dep::Obj | Dep::Xcomp | Dep::Aux)
        )
    });
    bare && c.dep(v) == Some(Dep::Advcl)
        && c.doc.tokens[v]
            .head
            .is_some_and(|h| h >= c.a && h < c.b && speech_verb(c, h))
}

/// An interviewer's question answered in the clause it hangs on: "Trump
/// named Cruz when asked to pick a running mate", "his equivocation when
/// asked to condemn the Klan" (a bare participle, with no subject and no
/// auxiliary, after "when"), whatever it asks for: the one asked answers.
/// Asked by someone named ("when asked to do so by police") is a request.
fn when_asked(c: &Clause<'_>, v: usize, children: &[usize]) -> bool {
    let by = c.phrases(v, "by").next().is_some()
        || c.subtree(v, &[Dep::Nsubj])
            .into_iter()
            .any(|j| j != v && c.dep(j) == Some(Dep::Obl) && super::marked_by(c.doc, j, "by"));
    if by {
        return false;
    }
    // (A past form with no subject is the participle, whatever its tag.)
    let participle = matches!(
        c.doc.tokens[v].tag,
        Some(dossier_core::Xpos::Vbn | dossier_core::Xpos::Vbd)
    ) && !children
        .iter()
        .any(|&k| matches!(c.dep(k), Some(Dep::Nsubj | Dep::Aux)));
    participle
        && matches!(c.dep(v), Some(Dep::Advcl | Dep::Acl))
        && children.iter().any(|&k| {
            k < v
                && matches!(c.dep(k), Some(Dep::Advmod | Dep::Mark))
                && c.word(k).eq_ignore_ascii_case("when")
        })
}

/// A fight that is effort, not arms ("fighting climate change", "battled
/// through pneumonia"): a verb of class `struggle` whose one who fights is
/// named but no one fought is (nor is its object a pronoun or an agent
/// noun, nor is a name below it), in a sentence with no word of force, arms or
/// war (`conventions::force_beside`: "rebels", "troops", "shelling").
fn figurative_fight(c: &Clause<'_>, verb: &Verb, event: &Event, lemma: &str) -> bool {
    if !is("struggle", lemma) || !event.target.is_empty() || event.source.is_empty() {
        return false;
    }
    // "until they fought us", "fighting what remains of Isis", "fighting in
    // Idlib": someone is fought, or somewhere, whether or not the roles say.
    let skip = [Dep::Nsubj, Dep::Advcl, Dep::Parataxis, Dep::Conj];
    let fought_someone = c.objects(verb.v).any(|k| {
        c.doc.tokens[k].pos == Some(Upos::Pron) || c.lex.agents.contains_key(&singular(c.word(k)))
    }) || c
        .subtree(verb.v, &skip)
        .into_iter()
        .any(|j| c.doc.tokens[j].pos == Some(Upos::Propn));
    !fought_someone && !super::conventions::force_beside(c, verb.v)
}

/// Whether the one who acts is a share of those polled or voting: the
/// subject, or a passive's "by" phrase, is "percent", "a majority", "voters".
fn share_acts(c: &Clause<'_>, v: usize) -> bool {
    let by = c
        .children(v)
        .find(|&k| crate::tree::is_by_phrase(c.doc, k, c.a, c.b));
    let subject = c
        .children(v)
        .find(|&k| c.dep(k) == Some(Dep::Nsubj))
        .or_else(|| c.subject(v));
    // "a majority of voters", not "the conservative majority on the Court".
    let counted = |j: usize| {
        let word = c.word(j).to_lowercase();
        is("share", &word) && (!is("share_of", &word) || c.nmods(j, "of").next().is_some())
    };
    [by, subject].into_iter().flatten().any(counted)
}

/// Whether one of `actors` is a named person.
pub(super) fn named_person(c: &Clause<'_>, actors: &[EntityId]) -> bool {
    actors.iter().any(|&a| {
        c.doc
            .entities
            .by_id(a)
            .is_some_and(|e| e.ty == EntityType::Person)
    })
}

/// Whether token `k` is a verb of speech (the cue class).
pub(super) fn speech_verb(c: &Clause<'_>, k: usize) -> bool {
    c.doc.tokens[k].pos == Some(Upos::Verb)
        && crate::cue_classes::CueClasses::english()
            .of_word(&c.word(k).to_lowercase())
            .is_some_and(|(class, _)| class == dossier_core::CueClass::Speech)
}

/// "called X a Y", "called it 'rigged'": a label, ACCUSE, or no event when
/// the label is praise or the one labelled is the speaker ("called himself a
/// socialist"); a label the parse reads as a second object, or a passive's
/// object, is ACCUSE when it rebukes (`rebuked`); "called for", "called on X
/// to" stay demands; "called an emergency meeting" is CONSULT.
fn called(c: &Clause<'_>, verb: &Verb) -> Option<Option<EventType>> {
    let v = verb.v;
    let children: Vec<usize> = c.children(v).collect();
    if super::passive_voice(c, verb) && (label_given(c, v) || race_called(c, v)) {
        return Some(None);
    }
    let nominal = |k: usize| {
        matches!(
            c.doc.tokens[k].pos,
            Some(Upos::Noun | Upos::Propn | Upos::Adj | Upos::Pron)
        )
    };
    let objects: Vec<usize> = children
        .iter()
        .copied()
        .filter(|&k| matches!(c.dep(k), Some(Dep::Obj | Dep::Xcomp)) && nominal(k))
        .collect();
    // A label: a nominal complement, or a word in quotation marks under the
    // verb ("called the system “rigged”", "called Clinton's remarks a "new low"").
    let quoted = |k: usize| {
        c.children(k)
            .any(|m| c.dep(m) == Some(Dep::Punct) && matches!(c.word(m), "“" | "\"" | "‘" | "''"))
    };
    // Not inside a clause describing the object (a relative clause is `acl`
    // here): "called the bill, which its backers named “reform”, …" labels
    // nothing by its clause's words.
    let labels: Vec<usize> = c
        .subtree(v, &[Dep::Nsubj, Dep::Advcl, Dep::Ccomp])
        .into_iter()
        .filter(|&k| k != v && !in_clause_of_noun(c, v, k))
        .filter(|&k| quoted(k) || (c.dep(k) == Some(Dep::Xcomp) && nominal(k)))
        .collect();
    let labelled = !labels.is_empty();
    // "called for", "called on X to", "called out": a demand or a call, not a label.
    let demand = children.iter().any(|&k| {
        matches!(c.word(k).to_lowercase().as_str(), "for" | "upon" | "out")
            || (c.dep(k) == Some(Dep::Obl) && super::marked_by(c.doc, k, "for"))
            || (c.dep(k) == Some(Dep::Xcomp) && c.doc.tokens[k].pos == Some(Upos::Verb))
    });
    if demand {
        return None;
    }
    // "called an emergency meeting (to discuss …)": convening, whatever the
    // clauses below the meeting say.
    let on = children
        .iter()
        .any(|&k| c.dep(k) == Some(Dep::Obl) && super::marked_by(c.doc, k, "on"));
    if objects.len() == 1 && !on && is("meeting", &singular(c.word(objects[0]))) {
        return Some(Some(EventType::Consult));
    }
    let has_object = c.object(v).is_some();
    let own = objects
        .iter()
        .any(|&k| c.word(k).to_lowercase().ends_with("self"));
    if labelled && (objects.len() >= 2 || has_object) {
        let praised = objects.iter().chain(&labels).any(|&k| {
            std::iter::once(k)
                .chain(c.children(k).filter(|&m| c.dep(m) == Some(Dep::Amod)))
                .any(|m| is("praise", &singular(c.word(m))))
        });
        return Some((!praised && !own).then_some(EventType::Accuse));
    }
    // "called the plan a disgrace" read as two objects (the second under
    // the verb or under the first), or a passive's object ("was called a
    // liar by …"): a label that rebukes is ACCUSE; one that does not is
    // left to the dictionary.
    let second_objects: Vec<usize> = if super::passive_voice(c, verb) {
        objects.clone()
    } else {
        let under_first = objects.iter().flat_map(|&o| {
            c.children(o)
                .filter(|&m| c.dep(m) == Some(Dep::Obj) && nominal(m))
        });
        objects.iter().skip(1).copied().chain(under_first).collect()
    };
    if !own && rebuked(c, &second_objects) {
        return Some(Some(EventType::Accuse));
    }
    None
}

/// Whether a label rebukes: a word of class `rebuke` in it ("a disgrace",
/// "a pathological liar", "trivial"), its head no praise ("a hero of the fight
/// against corruption"). A label of neither ("a landmark judgment", "a
/// cessation of hostilities") names or praises: no disapproval.
fn rebuked(c: &Clause<'_>, labels: &[usize]) -> bool {
    let of_class = |class: &str, m: usize| {
        let word = lower(c.word(m));
        is(class, &word) || is(class, &singular(&word))
    };
    labels.iter().any(|&k| {
        !of_class("praise", k)
            && c.subtree(k, &[Dep::Acl, Dep::Advcl, Dep::Ccomp])
                .into_iter()
                .any(|m| of_class("rebuke", m))
    })
}

/// A label given by no one named ("has been called the Trump of the East",
/// "are called failing", "This is called carrying out an operation"): a
/// passive "called" with a complement, no "by" phrase of who calls it so
/// ("called a charlatan by fellow physicians" is disapproval), no particle
/// or "on" phrase of a demand ("was called on to", "called for") and no "to"
/// infinitive ("was called to testify" is a summons). A "for" phrase after
/// the label gives a reason ("for his statements").
fn label_given(c: &Clause<'_>, v: usize) -> bool {
    let complement = c.children(v).any(|k| match c.dep(k) {
        Some(Dep::Obj) => true,
        Some(Dep::Xcomp) => !c
            .children(k)
            .any(|m| c.dep(m) == Some(Dep::Mark) && c.word(m).eq_ignore_ascii_case("to")),
        _ => false,
    });
    let particle = c.children(v).any(|k| {
        matches!(
            c.word(k).to_lowercase().as_str(),
            "for" | "on" | "upon" | "out" | "off"
        )
    });
    let phrase = ["by", "on", "upon"]
        .into_iter()
        .any(|w| c.phrases(v, w).next().is_some());
    complement && !particle && !phrase
}

/// A state or a race called for a candidate ("Texas was called for Ted Cruz
/// moments after polls closed"): a result, no demand. A passive "called for"
/// whose subject is a place or a word of class `electoral` ("the race").
fn race_called(c: &Clause<'_>, v: usize) -> bool {
    let for_phrase = c.phrases(v, "for").next().is_some();
    let place = c.children(v).any(|k| {
        c.dep(k) == Some(Dep::Nsubj)
            && (super::mention_of(c, k, &[EntityType::Gpe])
                || is("electoral", &c.word(k).to_lowercase()))
    });
    for_phrase && place
}

/// Whether token `k`, below `v`, lies in a clause describing a noun (`acl`,
/// relative clauses included) on the way up to `v`.
fn in_clause_of_noun(c: &Clause<'_>, v: usize, k: usize) -> bool {
    let mut h = k;
    for _ in c.a..c.b {
        if h == v {
            return false;
        }
        if c.dep(h) == Some(Dep::Acl) {
            return true;
        }
        match c.doc.tokens[h].head {
            Some(up) if up >= c.a && up < c.b && up != h => h = up,
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes_load() {
        assert!(is("electoral", "poll"));
        assert!(is("praise", "champion"));
        assert!(is("opinion", "agree") && is("binding", "would"));
        assert!(is("struggle", "fight"));
        assert!(is("campaigning", "trail"));
        assert!(is("asking", "ask") && is("whether", "if") && is("unnamed", "identify"));
        assert!(is("demanding", "demand") && WORDS.condition("answer", "pose") == Some("-"));
        assert_eq!(WORDS.condition("answer", "share"), Some("statement"));
    }
}
