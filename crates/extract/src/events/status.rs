//! An event's status (step 3): negated through complements and conjuncts, hypothetical under a
//! condition or question, pledged or planned, reported when relayed, else asserted.

use super::*;
use dossier_core::QuoteKind;

/// Verbs that make their event a commitment.
pub(super) const PLEDGING: &[&str] = &[
    "pledge", "promise", "commit", "vow", "offer", "announce", "agree",
];

pub(super) const PLANNING: &[&str] = &[
    "plan", "intend", "aim", "expect", "set", "prepare", "seek", "want", "hope", "schedule",
    "poise",
];

/// The status a noun gives the infinitive it governs when it pledges or plans
/// it ("a pledge to send", "plans to build"); none for other nouns ("ability to
/// provide", "talks to transfer").
pub(super) fn intention_noun(word: &str) -> Option<EventStatus> {
    const PLEDGES: &[&str] = &[
        "pledg",
        "promis",
        "commitment",
        "vow",
        "offer",
        "undertaking",
    ];
    const PLANS: &[&str] = &[
        "plan",
        "intention",
        "decision",
        "threat",
        "readiness",
        "willingness",
    ];
    let w = word.to_lowercase();
    if PLEDGES.iter().any(|p| w.starts_with(p)) {
        Some(EventStatus::Pledged)
    } else if PLANS.iter().any(|p| w.starts_with(p)) {
        Some(EventStatus::Planned)
    } else {
        None
    }
}

/// Verbs that deny what they govern: "denied that it was sending troops".
pub(super) const DENYING: &[&str] = &[
    "deny",
    "denied",
    "denies",
    "denying",
    "dismissed",
    "dismisses",
    "rejected",
    "rejects",
    "refuted",
    "refutes",
    "refused",
    "refuses",
    "refusing",
];

/// Words that negate the verb they hang on: "not", "n't" (also with a
/// typographic apostrophe, "doesn’t"), "never".
pub(super) const NEGATING: &[&str] = &["not", "n't", "n’t", "never"];

pub(super) fn status_of(
    c: &Clause<'_>,
    v: usize,
    base: &str,
    ty: EventType,
    in_quote: bool,
) -> EventStatus {
    let kids: Vec<usize> = c.children(v).collect();
    let lower = |i: usize| c.word(i).to_lowercase();
    let negates = |k: usize| {
        NEGATING.contains(&lower(k).as_str())
            || matches!(lower(k).as_str(), "no" | "neither" | "nor")
    };
    if kids
        .iter()
        .any(|&k| c.dep(k) != Some(Dep::Obj) && negates(k))
    {
        return EventStatus::Negated;
    }
    let governors = governing_verbs(c, v);
    // "denied sending", "rejected an appeal for deploying", "did not say it
    // would attack": what is denied or not done is not asserted.
    let denied = governors
        .iter()
        .any(|&g| DENYING.contains(&lower(g).as_str()))
        || negating_governors(c, v).into_iter().any(|g| c.negated(g));
    if denied {
        return EventStatus::Negated;
    }
    // A condition or a question asserts nothing: "if Russia attacks", "will they send troops?".
    // A modal only as an auxiliary ("in May" is a month), a condition only as a marker.
    let conditional = |k: usize| match c.dep(k) {
        Some(Dep::Aux) => matches!(lower(k).as_str(), "could" | "would" | "might" | "may"),
        Some(Dep::Mark) => matches!(lower(k).as_str(), "if" | "unless" | "whether"),
        _ => false,
    };
    let question = (c.a..c.b)
        .rev()
        .find(|&i| !matches!(c.word(i), "\"" | "”" | "’" | "'" | ")"))
        .is_some_and(|i| c.word(i) == "?");
    // "would shoot down missiles and attack their platforms": a later conjunct
    // shares the first one's modal.
    if question
        || std::iter::once(v)
            .chain(shared_conjunct_heads(c, v))
            .any(|w| c.children(w).any(&conditional))
        || governors.iter().any(|&g| {
            c.children(g)
                .any(|k| c.dep(k) == Some(Dep::Mark) && conditional(k))
        })
    {
        return EventStatus::Hypothetical;
    }
    const FUTURE: &[&str] = &["will", "'ll", "shall"];
    let future = c.has_auxiliary(v, AUX, FUTURE)
        || governors.iter().any(|&g| c.has_auxiliary(g, AUX, FUTURE));
    let pledging = PLEDGING.contains(&base)
        || governors
            .iter()
            .any(|&g| PLEDGING.contains(&base_form(c.word(g)).as_str()));
    // "is willing to withdraw", "ready to send": an intention stated as a state.
    let willing = c.doc.tokens[v]
        .head
        .filter(|&u| u >= c.a && u < c.b)
        .is_some_and(|u| {
            c.doc.tokens[u].pos == Some(Upos::Adj)
                && matches!(
                    c.word(u).to_lowercase().as_str(),
                    "willing" | "ready" | "prepared" | "eager" | "determined"
                )
        });
    // "a pledge to send", "plans to build": the noun's intention.
    let intended = c.doc.tokens[v]
        .head
        .filter(|&u| u >= c.a && u < c.b && to_infinitive(c, v))
        .filter(|&u| c.doc.tokens[u].pos.is_some_and(Upos::is_noun))
        .and_then(|u| intention_noun(c.word(u)));
    let pledging = pledging || intended == Some(EventStatus::Pledged);
    let planning = willing
        || intended == Some(EventStatus::Planned)
        || governors
            .iter()
            .any(|&g| PLANNING.contains(&base_form(c.word(g)).as_str()));
    if pledging || (future && ty == EventType::Aid) {
        return EventStatus::Pledged;
    }
    if future || planning {
        return EventStatus::Planned;
    }
    if in_quote {
        return EventStatus::Reported;
    }
    EventStatus::Asserted
}

/// Whether a conjunct is joined by "but", "yet" or "while".
pub(super) fn contrasted(c: &Clause<'_>, h: usize) -> bool {
    c.children(h).any(|k| {
        matches!(c.dep(k), Some(Dep::Cc | Dep::Mark))
            && matches!(
                c.word(k).to_lowercase().as_str(),
                "but" | "yet" | "while" | "whereas"
            )
    })
}

/// The verbs above `v` whose negation is `v`'s: up through
/// complements ("did not say it would attack") and conjuncts with no
/// subject or auxiliary of their own ("did not stop or search"), not
/// through an adjunct ("was not involved …, rejecting an accusation") or a
/// conjunct of its own ("have not been charged, and the authorities have
/// called").
pub(super) fn negating_governors(c: &Clause<'_>, v: usize) -> Vec<usize> {
    let mut governors = Vec::new();
    let mut h = v;
    for _ in 0..3 {
        let passes = match c.dep(h) {
            Some(Dep::Xcomp | Dep::Ccomp) => true,
            Some(Dep::Conj) => !contrasted(c, h) && !own_clause(c, h),
            _ => false,
        };
        let Some(u) = c.doc.tokens[h]
            .head
            .filter(|&u| passes && u >= c.a && u < c.b && u != h)
        else {
            break;
        };
        if c.doc.tokens[u].pos == Some(Upos::Verb) {
            governors.push(u);
        }
        h = u;
    }
    governors
}

/// The verbs above `v` in its clause, nearest first: "committed … towards
/// sending", "plans to send", "denied that it was sending"; not above a
/// clause describing a noun (`describes_a_noun`).
pub(super) fn governing_verbs(c: &Clause<'_>, v: usize) -> Vec<usize> {
    let mut governors = Vec::new();
    let mut h = v;
    for _ in 0..3 {
        match c.doc.tokens[h].head.filter(|&u| u >= c.a && u < c.b) {
            // "will not join … but supports": a contrast does not share the first verb's negation.
            Some(_) if c.dep(h) == Some(Dep::Conj) && contrasted(c, h) => break,
            Some(_) if describes_a_noun(c, h) => break,
            Some(u) if c.dep(h) != Some(Dep::Parataxis) => {
                if c.doc.tokens[u].pos == Some(Upos::Verb) {
                    governors.push(u);
                }
                h = u;
            }
            _ => break,
        }
    }
    governors
}

/// Whether `h` heads a clause describing a noun, which has its own tense: a
/// relative clause ("will cover the crisis in which the compound was
/// attacked", "the US, which provided air cover") or a past participle
/// ("wants to avoid the executive arrested this month"). Not a noun's
/// content ("denied claims that it was sending troops", "a report claiming")
/// nor its infinitive ("a plan to send troops").
fn describes_a_noun(c: &Clause<'_>, h: usize) -> bool {
    let wh = |k: usize| {
        matches!(
            c.doc.tokens[k].tag,
            Some(Xpos::Wdt | Xpos::Wp | Xpos::WpPoss | Xpos::Wrb)
        )
    };
    let relative = c.children(h).any(|k| wh(k) || c.children(k).any(wh));
    c.dep(h) == Some(Dep::Acl) && (relative || c.doc.tokens[h].tag == Some(Xpos::Vbn))
}

/// An act told `reported` only because its trigger lies inside a quote's
/// span is the writer's when the quote's words are the act's own: the cue is
/// a participle hung on the act with no subject of its own, the actor's
/// saying as they acted ("blamed the media, saying they were nitpicking",
/// "rebuked critics who call it \"a giveaway,\" saying …": the writer tells
/// the blame, the quote gives what was said with it). Read after the judge,
/// as `reread::relay_status` is (code35, from the status notes of PolNeAR
/// train 1717/2424 and Guardian 1414: the writer's narration coded reported).
pub(super) fn told_by_writer(c: &Clause<'_>, v: usize, event: &mut Event) {
    if event.status != EventStatus::Reported {
        return;
    }
    let Some(cue) = own_cue(c, event) else {
        return;
    };
    // "…, saying", "…, urging": the cue is a participle set off by a comma,
    // hung on the act or on a word of its own (the parse may hang it on the
    // object), with no subject and no other verb between.
    let own_words = (c.a..c.b).any(|j| {
        cue.contains(c.doc.tokens[j].span)
            && c.doc.tokens[j].tag == Some(Xpos::Vbg)
            && !c.word(j).eq_ignore_ascii_case("according")
            && after_comma(c, j)
            && c.children(j).all(|k| c.dep(k) != Some(Dep::Nsubj))
            && hung_on(c, j, v)
    });
    if own_words {
        event.status = EventStatus::Asserted;
    }
}

/// Whether the word before `j`, quotation marks aside, is a comma.
pub(super) fn after_comma(c: &Clause<'_>, j: usize) -> bool {
    word_before(c, j).is_some_and(|i| c.word(i) == ",")
}

/// The word before `j` in the clause, quotation marks aside.
fn word_before(c: &Clause<'_>, j: usize) -> Option<usize> {
    (c.a..j)
        .rev()
        .find(|&i| !matches!(c.word(i), "\"" | "”" | "“" | "’" | "'" | "''"))
}

/// Whether token `i` lies inside a direct quote.
fn in_direct_quote(c: &Clause<'_>, i: usize) -> bool {
    let span = c.doc.tokens[i].span;
    c.doc
        .quotes
        .iter()
        .any(|q| q.kind == QuoteKind::Direct && q.span.contains(span))
}

/// Whether token `i` lies in a quote's cue.
fn is_cue(c: &Clause<'_>, i: usize) -> bool {
    let span = c.doc.tokens[i].span;
    c.doc
        .quotes
        .iter()
        .any(|q| q.cue.is_some_and(|s| s.contains(span)))
}

/// The cue of the quote the event was read in, if any.
fn own_cue(c: &Clause<'_>, event: &Event) -> Option<Span> {
    event
        .quote
        .and_then(|q| c.doc.quotes.get(q.index()))
        .and_then(|q| q.cue)
}

/// Whether `j` hangs on `v`, directly or inside one of its objects or
/// phrases ("rebuked critics who say …, saying"), not inside a clause of its
/// own ("were killed as the ministry condemned …, urging"); up to five heads.
fn hung_on(c: &Clause<'_>, j: usize, v: usize) -> bool {
    let mut h = j;
    for _ in 0..5 {
        match head_in(c, h) {
            Some(x) if x == v => {
                return h == j
                    || matches!(
                        c.dep(h),
                        Some(Dep::Obj | Dep::Iobj | Dep::Obl | Dep::Nmod | Dep::Xcomp)
                    )
            }
            Some(x) => h = x,
            None => return false,
        }
    }
    false
}

/// An act told `reported` only because its trigger lies inside a quote's
/// span is the writer's when it frames the saying rather than being said: a
/// clause opened by "after", "before" or "when", with a subject of its own,
/// hung as an adverbial clause on a cue before it ("reiterated a message …
/// when he urged Russia to cooperate", "tweeted a chart, a day after
/// supporters assaulted a protester"), or the act such a clause holding the
/// event's own cue hangs on ("has accused the US of forming a terror army,
/// after Washington announced plans"). The clause tells when the saying
/// happened, not what was said. Not after a reported clause ("said the
/// army attacked … after rebels shelled": the parse may hang the adverbial on
/// the cue), not before the cue ("After police clashed …, 200 left …,
/// authorities said" is all the authorities'), not inside a direct quote.
/// Read after the judge, as `told_by_writer` (status35, from the S1 status
/// notes of Guardian 1414 and PolNeAR train 3434: the writer's narration
/// coded reported).
pub(super) fn frames_the_saying(c: &Clause<'_>, v: usize, event: &mut Event) {
    if event.status != EventStatus::Reported {
        return;
    }
    if in_direct_quote(c, v) {
        return;
    }
    let span = |i: usize| c.doc.tokens[i].span;
    // "when he urged", "a day after supporters assaulted" hung on a cue before it.
    let frames_cue = c.dep(v) == Some(Dep::Advcl)
        && head_in(c, v).is_some_and(|h| {
            h < v
                && is_cue(c, h)
                && !c
                    .children(h)
                    .any(|k| c.dep(k) == Some(Dep::Ccomp) && k > h && k < v)
                && framing_clause(c, v)
                && (h + 1..v).any(|j| framing(c, j) && dominated(c, j, v))
        });
    // "…, after Washington announced": the event's own cue in a clause of time hung on it.
    let cue_frames = own_cue(c, event).is_some_and(|cue| {
        (c.a..c.b).any(|k| {
            cue.contains(span(k))
                && head_in(c, k) == Some(v)
                && c.dep(k) == Some(Dep::Advcl)
                && framing_clause(c, k)
                && c.children(k)
                    .any(|m| matches!(c.dep(m), Some(Dep::Mark | Dep::Advmod)) && framing(c, m))
        })
    });
    if frames_cue || cue_frames {
        event.status = EventStatus::Asserted;
    }
}

/// Whether the word at `j` opens a clause of time ("because", "while" and
/// "since" are left out: a reason is as often part of what was said).
fn framing(c: &Clause<'_>, j: usize) -> bool {
    matches!(
        c.word(j).to_lowercase().as_str(),
        "after" | "before" | "when"
    )
}

/// The head of `i` inside the clause.
fn head_in(c: &Clause<'_>, i: usize) -> Option<usize> {
    c.doc.tokens[i]
        .head
        .filter(|&h| h >= c.a && h < c.b && h != i)
}

/// Whether `j` hangs on `v` within three heads.
fn dominated(c: &Clause<'_>, j: usize, v: usize) -> bool {
    let mut h = j;
    for _ in 0..3 {
        match head_in(c, h) {
            Some(x) if x == v => return true,
            Some(x) => h = x,
            None => return false,
        }
    }
    false
}

/// Whether the clause headed by `k` has a subject of its own and no marker
/// but a word of time ("that one shooting may have", parsed as an adverbial
/// clause, is what was said; "as the ministry said" attributes).
fn framing_clause(c: &Clause<'_>, k: usize) -> bool {
    let kids: Vec<usize> = c.children(k).collect();
    kids.iter().any(|&m| c.dep(m) == Some(Dep::Nsubj))
        && kids
            .iter()
            .all(|&m| c.dep(m) != Some(Dep::Mark) || framing(c, m))
}

/// An act told `reported` only because its trigger lies inside a quote's
/// span is the speaker's own when it is a participle set beside the cue, off
/// by a comma or dash, with no subject of its own ("Egeland said this week,
/// begging Jordan to reopen its border", "argued emphatically - rebuking
/// Trump by name - that …"): the writer tells what the speaker did as they
/// spoke, as with "…, saying" after the act (`told_by_writer`). Not inside a
/// direct quote. Read after the judge (status39, from the status notes of
/// Guardian 1919/4343 and PolNeAR train 2424: the writer's narration coded
/// reported; "said …, urging" is judged asserted where no quote spans it).
pub(super) fn beside_the_saying(c: &Clause<'_>, v: usize, event: &mut Event) {
    if event.status != EventStatus::Reported
        || c.doc.tokens[v].tag != Some(Xpos::Vbg)
        || !matches!(c.dep(v), Some(Dep::Advcl | Dep::Xcomp))
        || c.children(v).any(|k| c.dep(k) == Some(Dep::Nsubj))
    {
        return;
    }
    if in_direct_quote(c, v) {
        return;
    }
    let set_off = word_before(c, v).is_some_and(|i| matches!(c.word(i), "," | "-" | "–" | "—"));
    let on_cue = head_in(c, v).is_some_and(|h| h < v && is_cue(c, h));
    if set_off && on_cue {
        event.status = EventStatus::Asserted;
    }
}
