//! Acts whose class of object or complement says the codebook codes no act,
//! or another one (#24): the CAMEO dictionary codes the verb, whatever it is
//! done to. Part of the codebook recoding (`recode`), so it runs once the
//! event judge has kept an event; the word classes are in
//! `data/en/event-object-classes.tsv`.
//!
//! The codebook's words: REQUEST asks for an act or a thing, and a plea in
//! court asks for neither; REJECT refuses a request or a proposal, and CAMEO's
//! "decline comment" is a statement (CAMEO 01, which CAMEO2PLOVER maps to no
//! PLOVER type), as is "express sympathy" (CAMEO 018); RETREAT `release` is
//! "release of persons or property" held, not publishing a document; REJECT
//! covers "reject or veto a proposal", where CAMEO's "block" is read as
//! coercion; a result beaten is no assault; a court that blocks or strikes
//! down a measure, or a judge who passes a sentence, convicts (SANCTION
//! `convict`: "find an entity or behavior guilty, unconstitutional").

use dossier_core::{Dep, EntityType, Event, EventType, Upos, Xpos};

use super::word_classes::WordFile;
use super::{mention_of, singular, Clause, Verb};

/// Entity types of a party one talks with.
const GROUPS: &[EntityType] = &[
    EntityType::Person,
    EntityType::Org,
    EntityType::Gpe,
    EntityType::Norp,
];

/// The word classes of `data/en/event-object-classes.tsv`.
static WORDS: WordFile = WordFile::new(include_str!("../../data/en/event-object-classes.tsv"));

fn is(class: &str, word: &str) -> bool {
    WORDS.contains(class, word)
}

/// What the object classes make of a kept event: another act, or (`None`
/// inside) no event at all.
pub(super) fn recoded(c: &Clause<'_>, verb: &Verb, event: &Event) -> Option<Option<EventType>> {
    let lemma = c.lex.lemma(&verb.form).to_lowercase();
    let no_event = match event.act {
        _ if press_interview(c, verb.v, event, &lemma) => true,
        // Released, a document is published whatever act the dictionary
        // read ("releasing a new online ad", coded COOPERATE).
        _ if document_released(c, verb.v, &lemma) => true,
        // Words offered, delivered or expressed are a statement whatever act
        // the dictionary read ("delivered a heartfelt defense", coded AID);
        // praise is support, a message may threaten.
        EventType::Support | EventType::Threaten => false,
        _ if words_offered(c, verb.v, &lemma) => true,
        _ if occasion_invited(c, verb.v, &lemma) => true,
        EventType::Consult => topic_discussed(c, verb, &lemma),
        EventType::Request => plea(c, verb.v, &lemma),
        EventType::Reject => {
            comment_declined(c, verb.v, &lemma) || notion_rejected(c, verb.v, &lemma)
        }
        EventType::Assault => {
            result_beaten(c, verb.v, &lemma) || standing_ruined(c, verb.v, &lemma)
        }
        EventType::Accuse => problem_decried(c, verb.v, event, &lemma),
        _ => false,
    };
    if no_event {
        return Some(None);
    }
    match event.act {
        EventType::Coerce | EventType::Assault | EventType::Retreat | EventType::Reject
            if court_ruling(c, verb, &lemma) =>
        {
            Some(Some(EventType::Sanction))
        }
        EventType::Coerce if proposal_blocked(c, verb.v, &lemma) => Some(Some(EventType::Reject)),
        EventType::Assault if police_raid(c, verb, &lemma) => Some(Some(EventType::Coerce)),
        _ => None,
    }
}

/// The head of what `v` is done to: its object; failing one, its subject (a
/// passive's, or a participle's the parse took for active: "a video released
/// on Tuesday"); failing that, the noun a participle describes.
fn undergoer(c: &Clause<'_>, v: usize) -> Option<usize> {
    let subject = || c.children(v).find(|&k| c.dep(k) == Some(Dep::Nsubj));
    // The parse may hang a participle on its noun as a phrase ("A poll from
    // Marquette Law School released Wednesday found").
    let describes = match c.dep(v) {
        Some(Dep::Acl | Dep::Amod) => true,
        Some(Dep::Nmod) => c.doc.tokens[v].pos == Some(Upos::Verb),
        _ => false,
    };
    c.object(v).or_else(subject).or_else(|| {
        describes
            .then(|| c.doc.tokens[v].head)
            .flatten()
            .filter(|&h| h >= c.a && h < c.b)
    })
}

/// Whether an object of `v` is, by its head, of `class`.
fn object_of_class(c: &Clause<'_>, v: usize, class: &str) -> bool {
    c.objects(v).any(|k| c.head_of_class(k, &WORDS, class))
}

/// A plea in court ("pleaded guilty", "pleaded not guilty to the charge",
/// "plead their innocence") or a plea of an excuse ("pleading other
/// business"), not a request: a verb of class `pleading` with a word of
/// class `plea` below it, or with no one pleaded with, nothing pleaded for
/// and no act pleaded for ("pleaded with Russia", "pleaded for help",
/// "pleaded to be brought back" are requests).
fn plea(c: &Clause<'_>, v: usize, lemma: &str) -> bool {
    if !is("pleading", lemma) {
        return false;
    }
    let pleaded = c.children(v).any(|k| is("plea", &c.word(k).to_lowercase()));
    let asks = ["with", "for"]
        .into_iter()
        .any(|p| c.obliques(v, p).next().is_some())
        || c.children(v).any(|k| {
            matches!(c.dep(k), Some(Dep::Xcomp | Dep::Ccomp))
                && c.doc.tokens[k].pos == Some(Upos::Verb)
        });
    pleaded || !asks
}

/// Declining to comment, or an interview ("declined to elaborate", "refused
/// to say whether", "declined to be interviewed", "declined to discuss
/// reports", "declined to speak on the record", "declined an interview
/// request"): a verb of class `declining` whose verb complement is of class
/// `comment`, or of class `talks` with an object of class `reported` or an
/// "on" phrase of class `record` or a "to" phrase of class `press` (to refuse
/// to discuss a demand or to talk to a minister rejects), or of class
/// `telling` with an object of class `told` ("declined to give further
/// details"; giving up a claim is no telling), or whose object is of class `interview`.
fn comment_declined(c: &Clause<'_>, v: usize, lemma: &str) -> bool {
    if !is("declining", lemma) {
        return false;
    }
    c.children(v).any(|k| match c.dep(k) {
        Some(Dep::Xcomp) => {
            let complement = c.lex.lemma(&c.word(k).to_lowercase()).to_lowercase();
            let on_record = || {
                c.obliques(k, "on")
                    .any(|o| c.head_of_class(o, &WORDS, "record"))
            };
            // Talking to the press, or telling what is reported ("declined to
            // give further details", "refused to speak to reporters").
            let to_press = || {
                c.obliques(k, "to")
                    .any(|o| c.head_of_class(o, &WORDS, "press"))
            };
            is("comment", &complement)
                || (is("talks", &complement)
                    && (object_of_class(c, k, "reported") || on_record() || to_press()))
                || (is("telling", &complement) && object_of_class(c, k, "told"))
        }
        Some(Dep::Obj) => c.head_of_class(k, &WORDS, "interview"),
        _ => false,
    })
}

/// A notion, a label or a report rejected ("rejected the idea that the
/// changes were a shake-up", "rejected the label", "dismissed reports that"):
/// a denial, a CAMEO 01 statement, where REJECT refuses a request or a
/// proposal ("rejected the proposal", "rejected calls for a ceasefire").
/// A verb of class `denying` whose object (or passive subject) is of class
/// `notion`, with no "of" or "for" phrase making it a proposal ("rejected
/// the idea of holding a summit" rejects one).
fn notion_rejected(c: &Clause<'_>, v: usize, lemma: &str) -> bool {
    // An "of" or "for" phrase or clause below the notion: "the idea of holding".
    let proposed = |k: usize| {
        c.children(k)
            .filter(|&m| matches!(c.dep(m), Some(Dep::Nmod | Dep::Acl)))
            .any(|m| {
                c.children(m).any(|x| {
                    matches!(c.dep(x), Some(Dep::Case | Dep::Mark))
                        && matches!(c.word(x).to_lowercase().as_str(), "of" | "for")
                })
            })
    };
    is("denying", lemma)
        && undergoer(c, v).is_some_and(|k| c.head_of_class(k, &WORDS, "notion") && !proposed(k))
}

/// An interview given to, asked of or held with the press ("spoke with the
/// reporter on his podcast", "agreed to an interview with the Post", "asked
/// for an interview", "held a press conference", "discussed it in a radio
/// interview"): press relations, a CAMEO 01 statement, no meeting, pledge or
/// request between actors. A CONSULT whose object, "with" or "to" phrase is
/// of class `press` or `interview`, or whose "in", "on" or "during" phrase
/// (the channel) is; an AGREE whose object or "to" phrase is an interview; a
/// REQUEST whose object or "for" phrase is. A press conference held jointly
/// with an actor named ("with the visiting minister") stays a meeting.
fn press_interview(c: &Clause<'_>, v: usize, event: &Event, lemma: &str) -> bool {
    let of_class =
        |k: usize| c.head_of_class(k, &WORDS, "interview") || c.head_of_class(k, &WORDS, "press");
    let phrases = |words: &[&'static str]| {
        words
            .iter()
            .flat_map(|&w| c.obliques(v, w))
            .collect::<Vec<_>>()
    };
    match event.act {
        EventType::Consult => {
            let named_partner = !event.target.is_empty();
            c.objects(v).any(|k| of_class(k) && !named_partner)
                || phrases(&["with", "to", "in", "on", "during"])
                    .into_iter()
                    .any(of_class)
        }
        EventType::Agree => c
            .objects(v)
            .chain(phrases(&["to"]))
            .any(|k| c.head_of_class(k, &WORDS, "interview")),
        // Asked of the press or by it ("begged reporters to ask him",
        // "reporters asking him to attack her"): press relations. (A
        // newspaper that urges is an editorial's request.)
        EventType::Request => {
            let press = |k: usize| is("asking", lemma) && c.head_of_class(k, &WORDS, "press");
            c.objects(v)
                .chain(phrases(&["for"]))
                .any(|k| c.head_of_class(k, &WORDS, "interview"))
                || c.objects(v).any(press)
                || c.children(v)
                    .any(|k| c.dep(k) == Some(Dep::Nsubj) && press(k))
        }
        _ => false,
    }
}

/// Whether a noun (as `singular` reads it) names a repercussion one can be
/// warned of ("warned Slovenia of legal action", "of reprisals"): a threat,
/// where a crisis or a famine warned of is only foretold.
pub(super) fn repercussion(word: &str) -> bool {
    is("repercussion", &singular(word))
}

/// A document, a record or a product released ("released its budget", "a
/// poll released in August", "will be releasing his tax returns"): published,
/// not persons or property let go (RETREAT `release`). A part of documents
/// is one too ("an excerpt of the book", "a batch of emails", "30 years of
/// tax returns"), and so is a phrase the parse made the subject of an
/// active "released" ("In a poll released Monday, 50 percent ...").
fn document_released(c: &Clause<'_>, v: usize, lemma: &str) -> bool {
    if !is("releasing", lemma) {
        return false;
    }
    let document = |k: usize| {
        c.head_of_class(k, &WORDS, "document")
            || (c.head_of_class(k, &WORDS, "part")
                && c.children(k)
                    .any(|m| c.dep(m) == Some(Dep::Nmod) && c.head_of_class(m, &WORDS, "document")))
    };
    // A subject with a case word of its own is a phrase the parse misread.
    let misread_phrase = c.children(v).find(|&k| {
        c.dep(k) == Some(Dep::Nsubj) && c.children(k).any(|m| c.dep(m) == Some(Dep::Case))
    });
    undergoer(c, v).is_some_and(document) || misread_phrase.is_some_and(document)
}

/// A topic discussed, or a talk given, by one speaker with no one to talk
/// with ("Bolton also discussed the vast differences between ...", "he
/// discussed his commitment to veterans at an event"): a statement, no
/// consultation, which takes two. A "with" or "to" phrase (or one inside a
/// phrase: "in phone calls with Trump and Putin"), an actor as object, or a
/// subject of more than one ("Trump and May discussed", "ministers
/// discussed", "they") or a group ("the council discussed") keeps it; so does
/// a verb with no subject of its own.
fn topic_discussed(c: &Clause<'_>, verb: &Verb, lemma: &str) -> bool {
    // A passive names the topic, not who talked ("the deal was discussed in
    // Istanbul").
    if !is("discussing", lemma) || super::passive_voice(c, verb) {
        return false;
    }
    let v = verb.v;
    let partner = |k: usize| {
        matches!(c.dep(k), Some(Dep::Obl | Dep::Nmod))
            && c.children(k).any(|m| {
                c.dep(m) == Some(Dep::Case)
                    && matches!(c.word(m).to_lowercase().as_str(), "with" | "to" | "among")
            })
    };
    // The partner's phrase may hang on the verb, on its object ("discussed
    // the war with the Turkish leader") or on a phrase of that ("the status
    // of the negotiations with Kerry").
    let talked_with = c.children(v).any(|k| {
        partner(k)
            || c.children(k)
                .any(|m| partner(m) || c.children(m).any(partner))
    });
    let actor_object = c.objects(v).any(|k| mention_of(c, k, GROUPS));
    let subjects: Vec<usize> = c
        .children(v)
        .filter(|&k| c.dep(k) == Some(Dep::Nsubj))
        .collect();
    let many = |s: usize| {
        matches!(c.doc.tokens[s].tag, Some(Xpos::Nns | Xpos::Nnps))
            || c.children(s).any(|k| c.dep(k) == Some(Dep::Conj))
            || is("many", &c.word(s).to_lowercase())
            || mention_of(c, s, &[EntityType::Org])
    };
    !subjects.is_empty() && !subjects.into_iter().any(many) && !talked_with && !actor_object
}

/// Condolences, thoughts and prayers, a view or a speech offered, sent,
/// delivered or expressed ("offered a window into", "offered a response",
/// "delivered an impassioned defense of", "is opening his announcement"):
/// CAMEO's statements and "express sympathy", no commitment to cooperate, no
/// aid given.
fn words_offered(c: &Clause<'_>, v: usize, lemma: &str) -> bool {
    is("offering", lemma) && c.objects(v).any(|k| statement(c, k))
}

/// Whether the noun at `k` is of class `statement` by its own head or a
/// conjunct ("thoughts and prayers"), not a compound ("defense efforts").
pub(super) fn statement(c: &Clause<'_>, k: usize) -> bool {
    std::iter::once(k)
        .chain(c.children(k).filter(|&m| c.dep(m) == Some(Dep::Conj)))
        .any(|m| is("statement", &singular(c.word(m))))
}

/// A guest invited to a private or social occasion or to give a speech ("a
/// boss invited her to lunch", "were not invited to the wedding", "had been
/// invited to give a keynote address"): a verb of class `inviting` with a
/// "to" phrase of class `occasion`, or a verb complement whose object is;
/// invited to a summit or to talks, a state is invited to meet.
fn occasion_invited(c: &Clause<'_>, v: usize, lemma: &str) -> bool {
    if !is("inviting", lemma) {
        return false;
    }
    let occasion = |k: usize| c.head_of_class(k, &WORDS, "occasion");
    c.obliques(v, "to").any(occasion)
        || c.children(v)
            .filter(|&k| c.dep(k) == Some(Dep::Xcomp))
            .any(|k| object_of_class(c, k, "occasion"))
}

/// A problem decried with no actor in it ("decried the issue of systemic
/// racism", "decrying the influence of big money in politics", "decried an
/// increase in homicides"): a complaint about the state of things, where
/// ACCUSE disapproves of an actor ("decried Trump's calls", "decried the GOP
/// for", "decried the governor's plan", "decried this humanitarian offer").
/// A verb of class `decrying` with no target and an object that names no
/// person, group, place or people, no noun the agents dictionary codes as an
/// actor, and whose head is no one's deed or proposal (classes `deed`,
/// `proposal`).
fn problem_decried(c: &Clause<'_>, v: usize, event: &Event, lemma: &str) -> bool {
    let actor =
        |j: usize| mention_of(c, j, GROUPS) || super::political::political_noun(c.lex, c.word(j));
    let deed = |o: usize| {
        let head = singular(c.word(o));
        is("deed", &head) || is("proposal", &head)
    };
    is("decrying", lemma)
        && event.target.is_empty()
        && c.object(v)
            .is_some_and(|o| !deed(o) && !c.subtree(o, &[]).into_iter().any(actor))
}

/// A standing, a chance or a hope ruined ("destroying the reputation of the
/// committee", "destroyed his chances"): a figure of speech, no attack.
fn standing_ruined(c: &Clause<'_>, v: usize, lemma: &str) -> bool {
    is("ruining", lemma) && object_of_class(c, v, "standing")
}

/// A raid by the police (CAMEO's "conduct raid", which PLOVER's COERCE
/// `seize` names: "police or other authorities … seizing property"), not an
/// armed attack: a verb of class `raiding` whose one who acts (`who_acts`:
/// a passive's "by" phrase, else its subject) is a noun the agents
/// dictionary codes as police.
fn police_raid(c: &Clause<'_>, verb: &Verb, lemma: &str) -> bool {
    if !is("raiding", lemma) {
        return false;
    }
    super::who_acts(c, verb)
        .is_some_and(|k| super::political::in_sectors(c.lex, c.word(k), &["COP"]))
}

/// A result or a match won, not an attack: a verb of class `beating` whose
/// object is of class `expectation` ("beat analysts' expectations"), or
/// with a score beside it ("had beaten him 6-2, 6-2").
fn result_beaten(c: &Clause<'_>, v: usize, lemma: &str) -> bool {
    if !is("beating", lemma) {
        return false;
    }
    object_of_class(c, v, "expectation")
        || c.subtree(v, &[Dep::Advcl, Dep::Conj])
            .into_iter()
            .any(|j| score(c.word(j)))
}

/// A score: two counts joined by a dash ("6-2", "7–5").
fn score(word: &str) -> bool {
    let mut parts = word.split(['-', '–']);
    let count = |p: Option<&str>| {
        p.is_some_and(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
    };
    count(parts.next()) && count(parts.next()) && parts.next().is_none()
}

/// A proposal blocked ("blocked a funding package", "attempts … have been
/// blocked by Russia"): vetoed, REJECT, not coerced, where what is blocked is
/// of class `proposal`, the one who blocks is no court (class `judicial`:
/// a ruling is another act), and the sentence has no word of force, arms or
/// war ("blocked the army's attempt at an incursion").
fn proposal_blocked(c: &Clause<'_>, v: usize, lemma: &str) -> bool {
    if !is("blocking", lemma) || super::conventions::force_beside(c, v) {
        return false;
    }
    let judicial = c
        .subtree(v, &[Dep::Obj, Dep::Ccomp, Dep::Advcl, Dep::Conj])
        .into_iter()
        .any(|j| is("judicial", &singular(c.word(j))));
    !judicial && undergoer(c, v).is_some_and(|k| c.head_of_class(k, &WORDS, "proposal"))
}

/// A court's ruling against a party or a measure, or a sentence passed
/// (SANCTION `convict`), where the dictionary reads coercion, force or a
/// retreat: a verb of class `ruling` (with its particle) said of a court or
/// a judge, as its subject, its agent or the place it is done in ("blocked
/// in the courts"), or with its particle done to a measure ("struck down the
/// bans"); or a penalty imposed ("imposed a 52-month sentence"). Not a
/// ruling undone by another ("overturned a lower court ruling").
fn court_ruling(c: &Clause<'_>, verb: &Verb, lemma: &str) -> bool {
    let v = verb.v;
    if is("imposing", lemma) && object_of_class(c, v, "penalty") {
        return true;
    }
    let Some(particle) = WORDS.condition("ruling", lemma) else {
        return false;
    };
    let with_particle = particle != "-";
    // The particle, or the parse's case word of what is struck ("struck
    // [down the city's ban]").
    let struck = c
        .children(v)
        .find(|&k| c.dep(k) == Some(Dep::Obl) && super::marked_by(c.doc, k, particle));
    let marked = c
        .children(v)
        .any(|k| c.word(k).eq_ignore_ascii_case(particle));
    if with_particle && struck.is_none() && !marked {
        return false;
    }
    // "U.S. District Judge James Cacheris", "Reeves, a federal judge".
    let judicial = |k: usize| {
        std::iter::once(k)
            .chain(
                c.children(k)
                    .filter(|&m| matches!(c.dep(m), Some(Dep::Appos | Dep::Flat))),
            )
            .any(|m| c.head_of_class(m, &WORDS, "judicial"))
    };
    let in_court = c.children(v).any(|k| {
        c.dep(k) == Some(Dep::Obl)
            && (super::marked_by(c.doc, k, "in") || super::marked_by(c.doc, k, "by"))
            && judicial(k)
    });
    let measure =
        |k: usize| c.head_of_class(k, &WORDS, "proposal") || c.head_of_class(k, &WORDS, "statute");
    // A ruling overturned is a court's word on a court's word ("overturned a
    // lower court ruling"): nobody is found guilty by it.
    // (What is done to: the object, the particle's phrase, a passive's
    // subject; not an active subject, the court itself.)
    let passive_subject = || {
        super::passive_voice(c, verb)
            .then(|| c.subject(v))
            .flatten()
    };
    let ruling_undone = c
        .object(v)
        .or(struck)
        .or_else(passive_subject)
        .is_some_and(|k| is("judicial", &singular(c.word(k))));
    if ruling_undone {
        return false;
    }
    super::who_acts(c, verb).is_some_and(judicial)
        || in_court
        || (with_particle && undergoer(c, v).or(struck).is_some_and(measure))
}

/// Whether the noun at `k` is a reprisal (class reprisal): one with a
/// condition needs a modifier of it ("a strong response"; a response to a
/// letter is none).
pub(super) fn reprisal(c: &Clause<'_>, k: usize) -> bool {
    WORDS
        .condition("reprisal", &singular(c.word(k)))
        .is_some_and(|m| {
            m == "-"
                || c.children(k).any(|j| {
                    c.dep(j) == Some(Dep::Amod)
                        && m.split(',').any(|w| c.word(j).eq_ignore_ascii_case(w))
                })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes_load() {
        assert!(is("pleading", "plead") && is("plea", "guilty"));
        assert!(is("declining", "decline") && is("comment", "comment"));
        assert!(is("talks", "discuss") && is("reported", "allegation"));
        assert!(is("denying", "reject") && is("notion", "idea") && !is("notion", "proposal"));
        assert!(is("releasing", "release") && is("document", "report"));
        assert!(is("part", "excerpt") && is("part", "batch") && !is("part", "prisoner"));
        assert!(is("discussing", "discuss") && is("many", "they") && !is("many", "he"));
        assert!(is("offering", "offer") && is("statement", "condolence"));
        assert!(is("ruining", "destroy") && is("standing", "reputation"));
        assert!(is("raiding", "raid"));
        assert!(is("beating", "beat") && is("expectation", "expectation"));
        assert!(is("blocking", "block") && is("proposal", "bill"));
        assert!(!is("document", "prisoner") && !is("proposal", "road"));
        assert!(is("interview", "podcast") && is("press", "reporter") && is("press", "pres"));
        assert!(!is("press", "minister") && !is("interview", "meeting"));
        assert!(repercussion("reprisals") && repercussion("action") && !repercussion("crisis"));
        let reprisal = |w: &str| WORDS.condition("reprisal", w);
        assert!(reprisal("vengeance") == Some("-") && reprisal("response").is_some());
        assert!(reprisal("answer").is_none());
        assert!(is("ruling", "block") && WORDS.condition("ruling", "strike") == Some("down"));
        assert!(is("statute", "ban") && is("imposing", "impose") && is("penalty", "sentence"));
        assert!(!is("ruling", "order") && !is("penalty", "curfew"));
        assert!(is("offering", "deliver") && is("statement", "preview"));
        assert!(
            is("comment", "interview") && is("interview", "anonymity") && is("record", "record")
        );
        assert!(is("inviting", "invite") && is("occasion", "wedding"));
        assert!(!is("occasion", "summit") && !is("occasion", "talk") && !is("occasion", "house"));
    }

    #[test]
    fn scores_are_two_counts_joined_by_a_dash() {
        assert!(score("6-2") && score("7–5"));
        assert!(!score("2014-2018") && !score("6-2-1") && !score("US-backed") && !score("-2"));
    }
}
