//! Acts that are not done (step 2): only intended, tried, speculated, foreseen, counted out or
//! sent for; these make no event.

use super::*;

/// Adjectives of intent: "willing to withdraw" states an intention (AGREE).
pub(super) const INTENDING: &[&str] = &["willing", "ready", "prepared", "eager", "determined"];

/// Verbs of trying and managing: what they govern is attempted, not done.
pub(super) const ATTEMPTING: &[&str] = &[
    "try", "tri", "attempt", "seek", "sought", "struggl", "manag", "aim", "striv", "strove",
    "need", "want", "wish", "hop", "fear",
];

/// Verbs of failing, avoiding, asking and pressing: what they govern was not done, or is
/// only asked of someone ("failed to persuade", "avoided criticising", "pressing Turkey to extradite").
/// A request is its own event (REQUEST), on the asking verb.
pub(super) const NOT_DONE: &[&str] = &[
    "fail", "ask", "urg", "press", "pressur", "push", "persuad", "encourag", "invit", "beg",
    "implor", "lobb", "lobbi", "lobby", "demand", "request", "call", "appeal", "begg", "avoid",
];

/// Auxiliaries and adverbs of mere possibility: "may yet reach a deal",
/// "possibly supported by France", "could arrest her".
/// Adverbs of likelihood too: "will probably agree" is a forecast, not a pledge.
pub(super) const SPECULATING: &[&str] = &[
    "may",
    "might",
    "could",
    "can",
    "possibly",
    "perhaps",
    "maybe",
    "probably",
    "likely",
    "presumably",
];

/// Adjectives that make what they govern a prospect: "quite possible that Nato will conduct".
pub(super) const PROSPECTS: &[&str] =
    &["possible", "likely", "unlikely", "probable", "conceivable"];

/// Whether verb `v` names an act only as a possibility, not done, pledged or
/// threatened: an auxiliary or adverb of possibility on it, or an adjective of
/// likelihood above it. A speech act keeps its own modal ("could face charges" is
/// no accusation either).
pub(super) fn speculative(c: &Clause<'_>, v: usize) -> bool {
    let lower = |i: usize| c.word(i).to_lowercase();
    let possible = |w: usize| {
        c.children(w).any(|k| {
            matches!(c.dep(k), Some(Dep::Aux | Dep::Advmod))
                && SPECULATING.contains(&lower(k).as_str())
        })
    };
    if possible(v) || shared_conjunct_heads(c, v).any(possible) {
        return true;
    }
    let mut h = v;
    for _ in 0..2 {
        let Some(u) = c.doc.tokens[h]
            .head
            .filter(|&u| u >= c.a && u < c.b && u != h)
        else {
            return false;
        };
        if c.doc.tokens[u].pos == Some(Upos::Adj) && PROSPECTS.contains(&lower(u).as_str()) {
            return true;
        }
        // "could decide to send", "might mean that prisoners are released", "probably
        // determined to attack": the act completes a predicate that is itself only possible.
        if matches!(c.dep(h), Some(Dep::Xcomp | Dep::Ccomp)) && possible(u) {
            return true;
        }
        h = u;
    }
    false
}

/// Verbs of hope, fear and expectation (by `stem_of`): what their clause
/// tells is foreseen, not done or planned by anyone ("residents fear that
/// dissenters will be arrested", "she hoped the men would be imprisoned").
pub(super) const FORESEEING: &[&str] = &[
    "fear",
    "hop",
    "wish",
    "worri",
    "worry",
    "dream",
    "dreamt",
    "expect",
    "anticipat",
    "forecast",
    "fores",
    "foresaw",
    "foreseen",
    "predict",
];

/// Whether verb `v`, or the conjunct it continues ("arrested and tortured"),
/// is the clause a verb of hope, fear or expectation holds. (An infinitive
/// under one, "hopes to win", is `unrealised`.)
pub(super) fn foreseen_only(c: &Clause<'_>, v: usize) -> bool {
    std::iter::once(v)
        .chain(conjunct_heads(c, v, |_| true))
        .any(|w| {
            c.dep(w) == Some(Dep::Ccomp)
                && c.doc.tokens[w]
                    .head
                    .filter(|&h| h >= c.a && h < c.b && c.doc.tokens[h].pos == Some(Upos::Verb))
                    .is_some_and(|h| FORESEEING.contains(&stem_of(&c.word(h).to_lowercase())))
        })
}

/// Whether verb `v` stands as a noun or a noun's modifier with no argument
/// of its own: "treating the injured", "the fighting groups", "the
/// negotiating team". It names people or a kind, no act; so does a
/// participle that describes a noun (`adjective_use`).
pub(super) fn noun_use(c: &Clause<'_>, v: usize) -> bool {
    adjective_use(c, v)
        || matches!(
            c.dep(v),
            Some(Dep::Compound | Dep::Obj | Dep::Iobj | Dep::Nsubj | Dep::Obl | Dep::Appos)
        ) && !c.children(v).any(|k| {
            matches!(
                c.dep(k),
                Some(
                    Dep::Obj
                        | Dep::Iobj
                        | Dep::Obl
                        | Dep::Xcomp
                        | Dep::Ccomp
                        | Dep::Advcl
                        | Dep::Nsubj
                        | Dep::Aux
                )
            )
        })
}

/// Whether past participle `v` describes the noun the parse made its
/// object: "the imprisoned oil tycoon", "Convicted felons are barred", "took
/// jailed militant leader X to hospital". A participle with an object of its
/// own needs "have" ("has jailed dissidents") or a subject; one that opens
/// the sentence, follows a determiner or possessive, or follows the verb
/// that governs it (not a name the tagger read as a verb) with a bare noun
/// after it, and has neither, is an adjective of a noun phrase: no act.
fn adjective_use(c: &Clause<'_>, v: usize) -> bool {
    let t = &c.doc.tokens[v];
    if t.tag != Some(Xpos::Vbn)
        || !c
            .children(v)
            .any(|k| k > v && matches!(c.dep(k), Some(Dep::Obj | Dep::Iobj)))
        || c.children(v)
            .any(|k| matches!(c.dep(k), Some(Dep::Aux | Dep::Nsubj | Dep::Expl)))
    {
        return false;
    }
    if v == c.a {
        return true;
    }
    let p = v - 1;
    let before = &c.doc.tokens[p];
    // A determiner of the noun, not a floating one ("have all attacked").
    (before.tag == Some(Xpos::Dt) && c.dep(p) == Some(Dep::Det))
        || before.tag == Some(Xpos::PrpPoss)
        || (t.head == Some(p)
            && c.dep(v) == Some(Dep::Xcomp)
            && matches!(before.tag, Some(Xpos::Vbd | Xpos::Vbz | Xpos::Vbp))
            && c.word(p).chars().all(|ch| ch.is_lowercase())
            && !c.children(v).any(|k| k > v && determined(c, k)))
}

/// Whether noun `k` has a determiner or a possessor of its own ("said
/// targeted the ministry's website"): the object of a verb, where a noun
/// phrase a participle opens has its determiner before the participle.
fn determined(c: &Clause<'_>, k: usize) -> bool {
    c.children(k)
        .any(|m| c.dep(m) == Some(Dep::Det) || c.is_possessor(m))
}

/// Words that count no one or nothing: "none of the big players support him".
pub(super) const NOUGHT: &[&str] = &["none", "nobody", "nothing", "neither", "no-one"];

/// Whether a quantifier of no one or nothing is the subject or object of verb
/// `v` (or the subject of the clause `v` completes): "none of them support",
/// "no country has sent troops", "gave them no promises". No actor then acts.
pub(super) fn counted_out(c: &Clause<'_>, v: usize) -> bool {
    let lower = |i: usize| c.word(i).to_lowercase();
    let nought = |k: usize| {
        NOUGHT.contains(&lower(k).as_str())
            || c.children(k).any(|d| {
                c.dep(d) == Some(Dep::Det) && matches!(lower(d).as_str(), "no" | "neither")
            })
    };
    let argument = |h: usize, deps: &[Dep]| {
        c.children(h)
            .any(|k| c.dep(k).is_some_and(|d| deps.contains(&d)) && nought(k))
    };
    const SUBJECTS: &[Dep] = &[Dep::Nsubj];
    argument(v, &[Dep::Nsubj, Dep::Obj])
        || (c.dep(v) == Some(Dep::Xcomp)
            && c.doc.tokens[v]
                .head
                .filter(|&h| h >= c.a && h < c.b)
                .is_some_and(|h| argument(h, SUBJECTS)))
}

/// Whether verb `v` only names an act wanted, tried or aimed at: "is able to come",
/// "struggling to muster", "to allow Turkish troops" (a purpose), "a plot to shoot".
pub(super) fn unrealised(c: &Clause<'_>, v: usize) -> bool {
    let doc = c.doc;
    let lower = |i: usize| c.word(i).to_lowercase();
    // "raised taxes without consulting the unions": an act left undone.
    if c.children(v)
        .any(|k| c.dep(k) == Some(Dep::Mark) && lower(k) == "without")
    {
        return true;
    }
    let Some(h) = doc.tokens[v]
        .head
        .filter(|&h| h >= c.a && h < c.b && h != v)
    else {
        return false;
    };
    match c.dep(v) {
        // "Canada's ability to provide assistance", "in talks to transfer the
        // detainees", "a force including the YPG to patrol": an act a noun
        // aims at is not done, unless the noun pledges or plans it.
        Some(Dep::Acl | Dep::Xcomp)
            if doc.tokens[h].pos.is_some_and(Upos::is_noun)
                && to_infinitive(c, v)
                && intention_noun(c.word(h)).is_none() =>
        {
            true
        }
        Some(Dep::Xcomp | Dep::Ccomp) => {
            sent_for(c, v, h)
                || obligation_of_have(c, v, h)
                || (doc.tokens[h].pos == Some(Upos::Adj) && !INTENDING.contains(&lower(h).as_str()))
                || (c.dep(v) == Some(Dep::Xcomp)
                    && doc.tokens[h].pos == Some(Upos::Verb)
                    && (ATTEMPTING.contains(&stem_of(&lower(h)))
                        || NOT_DONE.contains(&stem_of(&lower(h)))
                        || crate::cue_classes::CueClasses::english()
                            .of_word(c.word(h))
                            .is_some_and(|(class, _)| {
                                matches!(
                                    class,
                                    dossier_core::CueClass::Belief
                                        | dossier_core::CueClass::Expectation
                                ) && !speech_acts().contains_key(&base_form(&lower(h)))
                            })))
        }
        _ => false,
    }
}

/// Whether verb `v`, or a verb it completes or continues, is `unrealised`: "trying
/// to force them to surrender", "reluctant to send women to battle", "sought
/// backing to use the airspace and to conduct the operation". An act inside an
/// act not done is not done either. Climbs complements and the conjuncts
/// that share their subject and auxiliaries, at most three steps.
pub(super) fn unrealised_chain(c: &Clause<'_>, v: usize) -> bool {
    let tokens = &c.doc.tokens;
    let mut h = v;
    for step in 0..4 {
        // (Above the act itself, a clause only an adjective governs may be a
        // fact: "unacceptable that people are murdered and attacked".)
        if unrealised(c, h) && (step == 0 || c.dep(h) != Some(Dep::Ccomp)) {
            return true;
        }
        let Some(u) = tokens[h].head.filter(|&u| u >= c.a && u < c.b && u != h) else {
            return false;
        };
        // A conjunct continues the act it is coordinated with only in the same
        // form ("to use … and to conduct", not "to use … and openly condemning").
        let climbs = match c.dep(h) {
            Some(Dep::Xcomp) => true,
            Some(Dep::Conj) => !own_clause(c, h) && tokens[h].tag == tokens[u].tag,
            _ => false,
        };
        if step == 3 || !climbs || !matches!(tokens[u].pos, Some(Upos::Verb | Upos::Adj)) {
            return false;
        }
        h = u;
    }
    false
}

/// Verbs (by `stem_of`) whose passive's infinitive was done: "was forced to
/// withdraw", "weapons used to kill".
pub(super) const IMPLICATIVE: &[&str] = &["forc", "compell", "compel", "oblig", "mad", "us"];

/// Whether infinitive `v` is what the passive verb `h` was done for: "forces
/// who had been raised to fight Assad", "Arabs being sent to fight Kurds". The
/// purpose of a passive is not done (its reports and expectations are
/// `relayed` or `unrealised` elsewhere: "is said to have used").
pub(super) fn sent_for(c: &Clause<'_>, v: usize, h: usize) -> bool {
    c.dep(v) == Some(Dep::Xcomp)
        && to_infinitive(c, v)
        && !c.has_auxiliary(v, AUX, &["have"])
        && c.doc.tokens[h].pos == Some(Upos::Verb)
        && auxiliary_passive(c, h)
        && !PLANNING.contains(&base_form(c.word(h)).as_str())
        && !IMPLICATIVE.contains(&stem_of(&c.word(h).to_lowercase()))
        && crate::cue_classes::CueClasses::english()
            .of_word(c.word(h))
            .is_none()
}
