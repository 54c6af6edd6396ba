//! Events in PLOVER terms: who did what to whom, with theme, amount, time,
//! place, status and the quote that reported it.
//!
//! The trigger is a verb. Its type comes from the PETRARCH-2 CAMEO verb
//! patterns (a pattern on the verb's object first, else the verb's default where backed),
//! mapped to PLOVER (`scripts/build-event-verbs`). Giving verbs whose object is
//! equipment or aid are AID, as an aid tracker needs, whatever CAMEO says.
//! Actors come from the parse: the subject's names are the sources, split
//! over coordination; the indirect object, a "to" phrase or (for non-aid
//! events) the object's names are the targets.
//!
//! # The steps, in order
//!
//! 1. **Trigger and type** (`lexicon`, `codebook`). A verb is typed by the
//!    CAMEO patterns mapped to PLOVER; where the codebook names the act ("signed an agreement",
//!    "blocked roads") its code wins. A block default stands only where the
//!    codebook names the verb or the NGEC stories back it (lift >= 2,
//!    `models/event-trigger-lift.tsv`); a pattern stands unless the stories
//!    speak against it; an everyday or motion verb needs a pattern with a
//!    content word. Defaults and patterns the judged rows show wrong are
//!    corrected when the lexicon is built (`models/event-verb-corrections.tsv`).
//!    A verb of speech, belief, perception or expectation is an event only
//!    as a speech act the codebook codes (`data/en/event-speech-acts.tsv`) or
//!    through a CAMEO pattern.
//! 2. **No event** (`acts`, `obligations`, `not_done`): an obligation or need stated,
//!    unless reported as a demand of an actor; an act only wanted, tried,
//!    asked for, possible, hoped, feared or expected; one done by no one; a
//!    verb standing as a noun with no argument; an act after "without" or
//!    under "avoid". One event per clause: a verb under another event's verb
//!    or describing a noun folds into it, except a gift under a pledge.
//! 3. **Status** (`status`). A negation reaches down through complements and conjuncts
//!    that share the subject; a condition or question makes the event
//!    hypothetical; a pledge or plan is pledged/planned; an act relayed by a
//!    verb of speech or "according to" is reported.
//! 4. **Actors** (`roles`, `nominals`, `political`; `aid` for recipients): sources from
//!    the subject, targets from indirect objects and "to" phrases, swapped
//!    by a passive; only the least embedded names of a role act; a common
//!    noun that names an actor (`models/event-agents.tsv`) becomes an entity;
//!    an event needs an actor who acts and one who is no business.
//! 5. **Classifier and judge** (`features`). A CAMEO-typed trigger must pass the trigger
//!    classifier (`models/event-triggers.tsv`, trained on the NGEC stories);
//!    every event must pass the event judge (`models/event-judge.tsv`, a
//!    logistic model over general features, `judge_features` and `context`,
//!    trained on hand-judged rows and the PLOVER tune half by
//!    `scripts/build-event-judge`).
//! 6. **Second reading** (`reread`, `phrases`): once kept, an event's actors
//!    and status are read again, so no event comes or goes: places become
//!    `place`, pronouns stand for their names, names that only describe or
//!    place another do not act.
//! 7. **Recode** (`recode`, `discourse`, `object_classes`, `campaigning`,
//!    `no_act`, `generic`, `nonpolitical`, `conventions`):
//!    the act is recoded where the PLOVER codebook codes it otherwise than
//!    CAMEO, and political discourse it does not code (polls, rallies, views
//!    shared, comment declined, campaign ads and vows) goes, as do verbs of
//!    force that name no act (dismissals, races, figures of speech),
//!    generic statements and acts of no political party (a firm's deal, a
//!    private act, an accident). Each rule's words are in `data/en/`.
//!
//! The JSON `type` is the PLOVER code (`plover_type`: an intention to give
//! aid is AGREE), `act` the act pledged or done (AID) and `status` its
//! status; the store's aid tracker reads `act`.

use dossier_core::{Dep, Upos, Xpos};

use crate::speakers::Reach;
use std::collections::HashMap;

use dossier_core::{
    ById, Document, EntityId, EntityType, Event, EventStatus, EventType, IdVec, MentionId,
    MentionKind, Numbered, QuantityId, QuoteId, Renumber, SentenceId, Span, TimeId,
};

mod acts;
mod aid;
mod campaigning;
mod clause;
mod codebook;
mod context;
mod conventions;
mod discourse;
mod features;
mod generic;
mod lexicon;
mod nationals;
mod no_act;
mod nominals;
mod nonpolitical;
mod not_done;
mod object_classes;
mod obligations;
mod party_roles;
mod phrases;
mod political;
mod recode;
mod reread;
mod roles;
mod sources;
mod sport;
mod status;
mod targets;
mod word_classes;

// What the steps share, from the modules the steps were split into.
use aid::*;
use clause::*;
use codebook::*;
use features::*;
use nominals::*;
use not_done::*;
use roles::*;
use status::*;

pub use codebook::plover_type;
pub use features::{candidates, judge_candidates_of, Candidate, JudgedCandidate};
use lexicon::Verdict;
pub use lexicon::{EventLexicon, TriggerModel};

/// Verbs of motion, possession and everyday doing (#24): "going", "took",
/// "came to", "swept into" report no act unless what they govern names one
/// ("took control of", "went on strike").
const EVERYDAY: &[&str] = &[
    "come", "go", "leave", "take", "get", "make", "have", "put", "move", "sweep", "bring", "keep",
    "fly", "travel", "head", "run", "walk",
];

/// Prepositions and particles: a pattern of these alone names no act.
const FUNCTION_WORDS: &[&str] = &[
    "to", "in", "into", "on", "onto", "up", "out", "off", "down", "over", "for", "with", "from",
    "at", "by", "back", "away", "about", "through", "across", "around", "along",
];

/// Nouns that name an attack: an act with no actor named.
const ATTACK_NOUNS: &[&str] = &[
    "attack",
    "assault",
    "bombing",
    "bomb",
    "blast",
    "explosion",
    "airstrike",
    "strike",
    "raid",
    "shelling",
    "shell",
    "rocket",
    "missile",
    "ambush",
    "offensive",
];

/// Verbs that report what someone said or concluded.
const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "announced",
    "concluded",
    "insisted",
    "stated",
    "declared",
    "added",
];

/// Nouns that name a protest, and the verbs that put one on.
const PROTEST_NOUNS: &[&str] = &[
    "demonstration",
    "protest",
    "strike",
    "rally",
    "march",
    "sit-in",
    "walkout",
    "vigil",
    "picket",
];

const STAGING: &[&str] = &[
    "stage",
    "staged",
    "stages",
    "staging",
    "hold",
    "held",
    "holds",
    "holding",
    "begin",
    "began",
    "begun",
    "begins",
    "continue",
    "continued",
    "continues",
    "continuing",
    "launch",
    "launched",
    "launches",
    "start",
    "started",
    "starts",
    "mount",
    "mounted",
    "organize",
    "organized",
    "organise",
    "organised",
];

fn base_form(word: &str) -> String {
    let w = word.to_lowercase();
    for (suffix, repl) in [
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if stem.len() >= 3 {
                let candidate = format!("{stem}{repl}");
                if GIVING.contains(&candidate.as_str())
                    || PLEDGING.contains(&candidate.as_str())
                    || PLANNING.contains(&candidate.as_str())
                {
                    return candidate;
                }
                let with_e = format!("{stem}e");
                if GIVING.contains(&with_e.as_str())
                    || PLEDGING.contains(&with_e.as_str())
                    || PLANNING.contains(&with_e.as_str())
                {
                    return with_e;
                }
                // "committed", "shipped": a doubled final consonant.
                let mut chars = stem.chars().rev();
                if let (Some(last), Some(before)) = (chars.next(), chars.next()) {
                    let undoubled = &stem[..stem.len() - last.len_utf8()];
                    if last == before
                        && (GIVING.contains(&undoubled) || PLEDGING.contains(&undoubled))
                    {
                        return undoubled.to_string();
                    }
                }
            }
        }
    }
    w
}

/// A verb without one inflection and its final "e": "withdrew" stays,
/// "evacuated" is "evacuat", "refuses" "refus".
fn stem_of(form: &str) -> &str {
    let bare = ["ing", "ed", "es", "s"]
        .iter()
        .find_map(|suffix| form.strip_suffix(suffix).filter(|s| s.len() >= 2))
        .unwrap_or(form);
    bare.trim_end_matches('e')
}

fn singular(word: &str) -> String {
    let w = word.to_lowercase();
    if let Some(s) = w.strip_suffix("ies") {
        return format!("{s}y");
    }
    w.strip_suffix('s')
        .filter(|s| s.len() >= 3)
        .map(str::to_string)
        .unwrap_or(w)
}

pub fn recognise(doc: &mut Document, lex: &EventLexicon) {
    recognise_with(doc, lex, None);
}

fn recognise_with(
    doc: &mut Document,
    lex: &EventLexicon,
    mut collect: Option<&mut Vec<Candidate>>,
) {
    if doc.tokens.first().is_none_or(|t| t.pos.is_none()) {
        return;
    }
    let mut events: Vec<Event> = Vec::new();
    let mut recoded = Vec::new();
    // Negated acts that are no refusal: the act, negated, not REJECT.
    let mut not_refused = Vec::new();
    // Planned meetings set for a date: CONSULT, not AGREE.
    let mut scheduled = Vec::new();
    let nominals = Nominals {
        first: doc.entities.len(),
        found: Default::default(),
    };
    let context = context::DocContext::read(doc, lex);
    let sport = sport::Reading::of(doc);
    for (si, s) in doc.sentences.iter().enumerate() {
        if doc.blocks[s.block].kind == dossier_core::BlockKind::Heading {
            continue; // a headline restates the body's events
        }
        let (a, b) = s.tokens;
        let c = Clause {
            doc,
            a,
            b,
            lex,
            nominals: &nominals,
            context: &context,
            reread: false,
        };
        for v in a..b {
            // "the imprisoned leader": a participle describing a noun reports no act.
            if doc.tokens[v].pos != Some(Upos::Verb) || doc.tokens[v].dep == Some(Dep::Amod) {
                continue;
            }
            if unrealised_chain(&c, v)
                || counted_out(&c, v)
                || speculative(&c, v)
                || foreseen_only(&c, v)
                || noun_use(&c, v)
            {
                continue;
            }
            let verb = Verb::read(&c, v);
            if sport.play_only(&c, &verb) {
                continue;
            }
            let Some((act, demander, origin)) = act_of(&c, &verb, lex) else {
                continue;
            };
            let Some(roles) = roles(&c, &verb, act, demander) else {
                continue;
            };
            if act == EventType::Aid && !is_aid(&c, &verb, &roles) {
                continue;
            }
            let event = attach(&c, si, &verb, act, roles);
            // The CAMEO dictionary's acts go past the trigger classifier; the codebook's stand.
            if origin != Origin::Rule {
                let features = trigger_features(&c, &verb, &event, origin);
                match collect.as_deref_mut() {
                    Some(out) => out.push(Candidate {
                        features,
                        act,
                        ty: plover_type(&event),
                    }),
                    None if !lex.takes_trigger(&features) => continue,
                    None => {}
                }
            }
            // Every event then goes past the event judge.
            let Verdict::Kept(confidence) =
                judged(lex, &event, judge_features(&c, &verb, &event, origin))
            else {
                continue;
            };
            let mut event = Event {
                confidence,
                ..event
            };
            reread::reread_actors(&c, &verb, demander, &mut event);
            if demander.is_some_and(|says| obligations::negates_what_is_demanded(&c, v, says)) {
                event.status = EventStatus::Reported;
            }
            let codebook = recode::recoded(&c, &verb, &event);
            recoded.extend(codebook.map(|act| (event.trigger, event.act, act)));
            if event.status == EventStatus::Negated && !refusal(&c, v) {
                not_refused.push(event.trigger);
            }
            if scheduled_meeting(&c, v, &event) {
                scheduled.push(event.trigger);
            }
            if demander.is_none() {
                // (A demand reported through "should" is the demand itself.)
                told_by_writer(&c, v, &mut event);
                frames_the_saying(&c, v, &mut event);
                beside_the_saying(&c, v, &mut event);
                reread::relay_status(&c, v, &mut event);
            }
            events.push(event);
        }
        // "These will include NASAMS, HAWKs…": the list is the theme of the
        // previous sentence's aid, given by the same donors.
        follow_list(doc, &c, si, &mut events);
    }
    borrow_recipients(&mut events);
    keep_main_events(doc, &mut events);
    political::keep_political(doc, lex, &nominals, &mut events);
    recode::apply(&recoded, &mut events);
    for e in &mut events {
        e.ty = coded_type(e, &not_refused, &scheduled);
        e.mode = codebook_mode(doc, lex, e);
    }
    nominals.add_to(doc, &mut events);
    doc.events = events;
}

/// A verb and what it governs, read once for the type and role rules.
struct Verb {
    v: usize,
    form: String,
    base: String,
    /// What the verb acts on: its subtree without subject and reported content.
    scope: Vec<usize>,
    /// The nouns in `scope`, singular and lower case.
    objects: Vec<String>,
    /// A product name (a weapon system) in `scope`.
    equipment: bool,
    giving: bool,
}

impl Verb {
    fn read(c: &Clause<'_>, v: usize) -> Verb {
        let doc = c.doc;
        let form = c.word(v).to_lowercase();
        let base = base_form(&form);
        let scope = c.subtree(
            v,
            &[
                Dep::Nsubj,
                Dep::Ccomp,
                Dep::Parataxis,
                Dep::Advcl,
                Dep::Csubj,
            ],
        );
        let objects = scope
            .iter()
            .filter(|&&j| j != v && doc.tokens[j].pos.is_some_and(Upos::is_noun))
            .map(|&j| singular(c.word(j)))
            .collect();
        let equipment = scope
            .iter()
            .any(|&j| mention_of(c, j, &[EntityType::Product]));
        let giving = GIVING.contains(&base.as_str());
        Verb {
            v,
            form,
            base,
            scope,
            objects,
            equipment,
            giving,
        }
    }
}

/// The act of a verb, if it is an event, and (for "X said Y must …") the
/// verb of saying whose subject demands it.
fn act_of(
    c: &Clause<'_>,
    verb: &Verb,
    lex: &EventLexicon,
) -> Option<(EventType, Option<usize>, Origin)> {
    let (doc, v, form, objects) = (c.doc, verb.v, verb.form.as_str(), &verb.objects);
    let aid_goods = verb.equipment
        || objects.iter().any(|o| {
            AID_GOODS.contains(&o.as_str()) || o.ends_with("defence") || o.ends_with("defense")
        });
    // "agreed to", "promised to": an intent, PLOVER's AGREE.
    let intent = matches!(
        verb.base.as_str(),
        "agree" | "promise" | "pledge" | "vow" | "swear" | "swore" | "sworn"
    ) && c
        .children(v)
        .any(|k| matches!(c.dep(k), Some(Dep::Xcomp | Dep::Ccomp | Dep::Obl)));
    // "Russia said that Sudan must return a helicopter": an obligation
    // laid on someone in reported speech is the speaker's demand of them.
    let says = |h: usize| {
        doc.tokens[h].pos == Some(Upos::Verb) && SAYING.contains(&c.word(h).to_lowercase().as_str())
    };
    // (Only where it calls on an actor: "said the ruling should lift investment" is a view.)
    let demander = (c.dep(v) == Some(Dep::Ccomp) && c.has_auxiliary(v, AUX, &["must", "should"]))
        .then(|| {
            doc.tokens[v].head.filter(|&h| {
                h >= c.a && h < c.b && says(h) && obligations::demands_of_an_actor(c, verb, h)
            })
        })
        .flatten();
    // "should push", "must stop appeasing", "ought to act": an obligation
    // stated, not an act done or pledged (reported demands are handled above).
    // "need to clear the tunnels", "needs legitimacy": a necessity, like "must", is no request.
    let needs = matches!(form, "need" | "needs" | "needed" | "needing");
    // "should be stripped of citizenship and hunted down": a later conjunct
    // shares the first one's modal.
    let obliged = needs
        || std::iter::once(v)
            .chain(shared_conjunct_heads(c, v))
            .any(|w| c.has_auxiliary(w, AUX, DEONTIC));
    if obliged && demander.is_none() {
        return None;
    }
    // "staged mass demonstrations", "began a hunger strike".
    let protest = c
        .objects(v)
        .any(|k| PROTEST_NOUNS.contains(&singular(c.word(k)).as_str()))
        && STAGING.contains(&form);
    // The prepositions on the verb, for the codebook rules.
    let marked_by = |words: &[&str]| c.obl_marked(v, words);
    let joint = verb
        .scope
        .iter()
        .any(|&j| c.word(j).eq_ignore_ascii_case("joint"))
        || c.subject(v).is_some_and(|sj| {
            c.subtree(sj, &[])
                .iter()
                .any(|&k| c.dep(k) == Some(Dep::Conj))
        });
    let appeal = marked_by(&["on", "for"])
        || c.children(v)
            .any(|k| c.dep(k) == Some(Dep::Xcomp) && doc.tokens[k].pos == Some(Upos::Verb));
    let acted_on = codebook_objects(c, verb);
    let codebook = codebook_type(form, &acted_on, joint, appeal, aims_at(c, v))
        .or_else(|| acts::codebook_act(c, verb));
    // Peacekeepers arriving: military personnel given, PLOVER's AID.
    let peacekeepers = matches!(stem_of(form), "arriv" | "deploy")
        && c.subject(v).is_some_and(|sj| {
            c.subtree(sj, &[])
                .iter()
                .any(|&k| c.word(k).to_lowercase().starts_with("peacekeep"))
        });
    let (act, origin) = match codebook {
        Some(None) => return None,
        _ if demander.is_some() => (EventType::Request, Origin::Rule),
        Some(Some(t)) => (t, Origin::Rule),
        None if peacekeepers => (EventType::Aid, Origin::Rule),
        None if protest => (EventType::Protest, Origin::Rule),
        None if verb.giving && aid_goods => (EventType::Aid, Origin::Rule),
        None if intent => (EventType::Agree, Origin::Rule),
        None => {
            let governed = pattern_words(c, verb);
            // A verb of speech or thought is an event through what it names
            // ("reiterated its demand", "accept refugees": a CAMEO pattern) or
            // as a speech act the codebook codes; else it only reports.
            match (
                spoken_act(c, verb),
                lex.classify_by_pattern(form, &governed),
            ) {
                (Some(_), Some(_)) if !speech_verb(verb) && attitude_complement(c, v) => {
                    return None
                }
                // The codebook's speech act stands whatever the stories say.
                (Some(spoken), Some(by_pattern)) if spoken == by_pattern => {
                    (by_pattern?, Origin::Rule)
                }
                (Some(_), Some(by_pattern)) => (
                    unless_contradicted(lex, form, by_pattern?)?,
                    Origin::Pattern,
                ),
                (Some(spoken), None) => (spoken?, Origin::Rule),
                (None, Some(by_pattern)) => (
                    unless_contradicted(lex, form, by_pattern?)?,
                    Origin::Pattern,
                ),
                // A verb's default act, where the stories back it.
                (None, None) => (
                    lex.classify(form, &governed)
                        .filter(|&act| lex.supports_default(form, act))?,
                    Origin::Default,
                ),
            }
        }
    };
    // (A demand that a state go on, "says they must stay", is a demand.)
    if folds_away(c, verb, act) || (demander.is_none() && persists(c, verb)) {
        return None;
    }
    Some((act, demander, origin))
}

/// The nouns the codebook's rules read as what a verb acts on: those it
/// governs, and a passive's subject ("Sanctions were imposed on Russia", "an
/// attack was launched").
fn codebook_objects(c: &Clause<'_>, verb: &Verb) -> Vec<String> {
    let passive_subject = c
        .children(verb.v)
        .find(|&k| c.dep(k) == Some(Dep::Nsubj))
        .filter(|_| passive_voice(c, verb));
    passive_subject
        .into_iter()
        .flat_map(|k| c.subtree(k, &[Dep::Acl]))
        .filter(|&j| c.doc.tokens[j].pos.is_some_and(Upos::is_noun))
        .map(|j| singular(c.word(j)))
        .chain(verb.objects.iter().cloned())
        .collect()
}

/// Modals of obligation and advice: what they govern is a view of what ought
/// to be done, not an act done, pledged or planned.
const DEONTIC: &[&str] = &["should", "must", "ought"];

/// How many content words down a CAMEO pattern's words may lie below the verb.
const PATTERN_DEPTH: usize = 2;

/// Relations that tie a function word or a name's part to its word: no step down.
const PHRASE_PARTS: &[Dep] = &[
    Dep::Case,
    Dep::Det,
    Dep::Mark,
    Dep::Fixed,
    Dep::Flat,
    Dep::Compound,
];

/// The words a CAMEO pattern may match: what the verb governs, down to
/// `PATTERN_DEPTH` content words ("took part in a protest"); a word deeper
/// belongs to another phrase ("reported to the scene of the attack").
fn pattern_words(c: &Clause<'_>, verb: &Verb) -> Vec<String> {
    verb.scope
        .iter()
        .filter(|&&j| j != verb.v && pattern_depth(c, verb.v, j) <= PATTERN_DEPTH)
        .map(|&j| singular(c.word(j)))
        .collect()
}

/// Content-word steps from `v` down to `j` in its subtree: a function word
/// counts as its head's depth, except right under the verb ("out", "to").
fn pattern_depth(c: &Clause<'_>, v: usize, j: usize) -> usize {
    let (mut depth, mut h) = (0, j);
    for _ in c.a..c.b {
        if h == v || depth > PATTERN_DEPTH {
            return depth;
        }
        let Some(up) = c.doc.tokens[h]
            .head
            .filter(|&u| u >= c.a && u < c.b && u != h)
        else {
            break;
        };
        if up == v || !c.dep(h).is_some_and(|d| PHRASE_PARTS.contains(&d)) {
            depth += 1;
        }
        h = up;
    }
    usize::MAX
}

/// Where a candidate's act came from: the codebook's rules and speech acts,
/// a CAMEO pattern on what the verb governs, or the verb's CAMEO default.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Origin {
    Rule,
    Pattern,
    Default,
}

impl Origin {
    fn as_str(self) -> &'static str {
        match self {
            Origin::Rule => "rule",
            Origin::Pattern => "pattern",
            Origin::Default => "default",
        }
    }
}

/// Whether verb `v` has an "at", "on" or "upon" phrase that is no time:
/// "fired at/on a convoy", not "fired on Tuesday".
fn aims_at(c: &Clause<'_>, v: usize) -> bool {
    c.children(v).any(|k| {
        c.dep(k) == Some(Dep::Obl)
            && c.children(k)
                .any(|m| matches!(c.word(m).to_lowercase().as_str(), "at" | "on" | "upon"))
            && !in_time(c, k)
    })
}

/// Whether an act folds away: helping with no aid given, striving
/// ("fighting for"), or a pledge of aid whose gift is a verb below it.
fn folds_away(c: &Clause<'_>, verb: &Verb, act: EventType) -> bool {
    let (doc, v) = (c.doc, verb.v);
    // "help fight off advances", "help it to prioritise": helping is aid
    // only with aid given.
    let gives_goods = |o: usize| {
        c.subtree(o, &[])
            .iter()
            .any(|&j| AID_GOODS.contains(&singular(c.word(j)).as_str()))
    };
    // What help gives: its object or a "with" phrase ("helped them with
    // weapons"), so more than the object alone.
    let object_or_with_phrase = |k: usize| {
        c.dep(k) == Some(Dep::Obj)
            || (c.dep(k) == Some(Dep::Obl)
                && c.children(k)
                    .any(|m| c.word(m).eq_ignore_ascii_case("with")))
    };
    let helps_to = matches!(verb.base.as_str(), "help" | "helped" | "helping" | "helps")
        && !c
            .children(v)
            .any(|k| object_or_with_phrase(k) && gives_goods(k));
    // "fighting for more air-defence systems": striving, no attack.
    let strives = act == EventType::Assault
        && c.obl_marked(v, &["for"])
        && !c.obl_marked(v, &["against", "on", "with"])
        && c.object(v).is_none();
    if helps_to || strives || publishes(c, verb) || silent(c, verb, act) {
        return true;
    }
    // "committed … towards sending": one event, on the verb that gives.
    let gift_below = verb.scope.iter().any(|&j| {
        j != v
            && GIVING.contains(&base_form(c.word(j)).as_str())
            && doc.tokens[j].pos == Some(Upos::Verb)
    });
    act == EventType::Aid && (!verb.giving || PLEDGING.contains(&verb.base.as_str())) && gift_below
}

/// Records and figures besides the writings a speaker phrase may name
/// (`speakers::DOCUMENTS`): what is released as news, not set free.
const RECORDS: &[&str] = &[
    "image",
    "photo",
    "photograph",
    "picture",
    "recording",
    "audio",
    "clip",
    "account",
    "figure",
    "data",
    "detail",
    "finding",
    "result",
    "book",
    "album",
    "film",
];

/// Whether "release" publishes: its object is a writing, a recording or a
/// figure ("released a video", "released figures"), not someone or something
/// set free. In the NGEC stories a published object goes with any label (2 of
/// 36 RETREAT), a released other object with RETREAT 137 of 828.
fn publishes(c: &Clause<'_>, verb: &Verb) -> bool {
    c.lex.lemma(&verb.form).eq_ignore_ascii_case("release")
        && c.objects(verb.v).any(|o| {
            let noun = singular(&c.word(o).to_lowercase());
            crate::speakers::DOCUMENTS.contains(&noun.as_str()) || RECORDS.contains(&noun.as_str())
        })
}

/// Whether a refusal only keeps silent: "declined to comment", "refused to
/// confirm" (a verb of speech the codebook codes no act for). No proposal or
/// demand is turned down; "refused to apologise" or "to resign" still is.
fn silent(c: &Clause<'_>, verb: &Verb, act: EventType) -> bool {
    act == EventType::Reject
        && c.children(verb.v).any(|k| {
            // (The parser reads "to comment" as a noun phrase too.)
            let infinitive = match c.dep(k) {
                Some(Dep::Xcomp) => c.doc.tokens[k].pos == Some(Upos::Verb),
                Some(Dep::Obl) => c.children(k).any(|m| c.word(m).eq_ignore_ascii_case("to")),
                _ => false,
            };
            infinitive
                && crate::cue_classes::CueClasses::english()
                    .of_word(c.word(k))
                    .is_some_and(|(class, lemma)| {
                        class == dossier_core::CueClass::Speech
                            && !speech_acts().contains_key(lemma)
                    })
        })
}

/// Whether the verb only says a state goes on: "remains committed to",
/// "remain at odds", "stayed defiant". A stance kept is no act done to anyone.
fn persists(c: &Clause<'_>, verb: &Verb) -> bool {
    [c.lex.lemma(&verb.form).to_lowercase(), verb.base.clone()]
        .iter()
        .any(|w| matches!(w.as_str(), "remain" | "stay"))
}

/// A pattern's act, unless the synthetic stories speak against it.
fn unless_contradicted(lex: &EventLexicon, form: &str, act: EventType) -> Option<EventType> {
    (!lex.contradicts(form, act)).then_some(act)
}

/// Whether a verb of attitude has what it holds as a clause or an "as"
/// phrase: "wanted to change", "views the YPG as a threat".
fn attitude_complement(c: &Clause<'_>, v: usize) -> bool {
    c.children(v)
        .any(|k| matches!(c.dep(k), Some(Dep::Xcomp | Dep::Ccomp)))
        || c.obl_marked(v, &["as"])
}

/// Whether a verb of the cue lexicon is one of speech (not belief, perception or expectation).
fn speech_verb(verb: &Verb) -> bool {
    crate::cue_classes::CueClasses::english()
        .of_word(&verb.form)
        .is_some_and(|(class, lemma)| {
            class == dossier_core::CueClass::Speech || speech_acts().contains_key(lemma)
        })
}

/// The conjuncts before verb `v` whose subject and auxiliaries it shares:
/// "can be carried and fired by troops or mounted … and used" (each later
/// verb with no subject or auxiliary of its own).
fn shared_conjunct_heads<'a>(c: &'a Clause<'_>, v: usize) -> impl Iterator<Item = usize> + 'a {
    conjunct_heads(c, v, |w| !own_clause(c, w))
}

/// Whether verb `w` has a subject or an auxiliary of its own, so a
/// conjunct's subject, modal or negation does not carry over to it.
fn own_clause(c: &Clause<'_>, w: usize) -> bool {
    c.children(w)
        .any(|k| matches!(c.dep(k), Some(Dep::Nsubj | Dep::Aux)))
}

/// The verbs up the chain of conjuncts from `v` ("used" → "mounted" →
/// "carried"), at most four, stepping up only from a conjunct that `through`
/// lets pass.
fn conjunct_heads<'a>(
    c: &'a Clause<'_>,
    v: usize,
    through: impl Fn(usize) -> bool + 'a,
) -> impl Iterator<Item = usize> + 'a {
    std::iter::successors(Some(v), move |&w| {
        (c.dep(w) == Some(Dep::Conj) && through(w))
            .then(|| {
                c.doc.tokens[w]
                    .head
                    .filter(|&h| h >= c.a && h < c.b && h != w)
            })
            .flatten()
    })
    .skip(1)
    .take(4)
}

/// Whether verb `v` is an infinitive: "to" among its markers.
fn to_infinitive(c: &Clause<'_>, v: usize) -> bool {
    c.children(v)
        .any(|k| c.dep(k) == Some(Dep::Mark) && c.word(k).eq_ignore_ascii_case("to"))
}

/// Whether `v` is what verb `h` says someone "has to" or "has yet to" do: an
/// obligation or a thing not yet done, like "must" ("has yet to give a verdict").
fn obligation_of_have(c: &Clause<'_>, v: usize, h: usize) -> bool {
    c.dep(v) == Some(Dep::Xcomp)
        && matches!(
            c.word(h).to_lowercase().as_str(),
            "have" | "has" | "had" | "having"
        )
        && to_infinitive(c, v)
}

static SPEECH_ACTS: &str = include_str!("../data/en/event-speech-acts.tsv");

/// The speech acts and attitudes the PLOVER codebook codes
/// (`data/en/event-speech-acts.tsv`): lemma → (type, only with a complement).
fn speech_acts() -> &'static HashMap<String, (EventType, bool)> {
    static CELL: std::sync::OnceLock<HashMap<String, (EventType, bool)>> =
        std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        let rows = SPEECH_ACTS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').collect::<Vec<_>>());
        rows.filter_map(|f| {
            Some((
                f.first()?.to_string(),
                (EventType::parse(f.get(1)?)?, *f.get(2)? == "complement"),
            ))
        })
        .collect()
    })
}

/// The act of a verb of speech, belief, perception or expectation
/// (`data/en/cue-classes.tsv`): `None` for any other verb; `Some(None)` when
/// the codebook codes no such act ("claimed", "wants", "expects", "saw"),
/// else its type. A request or warning needs what it asks or warns of:
/// "asked him to leave", "asked for aid", "warned it would retaliate".
fn spoken_act(c: &Clause<'_>, verb: &Verb) -> Option<Option<EventType>> {
    let (_, lemma) = crate::cue_classes::CueClasses::english().of_word(&verb.form)?;
    let Some(&(ty, needs_complement)) = speech_acts().get(lemma) else {
        return Some(None);
    };
    let modal = |k: usize| c.has_auxiliary(k, AUX, &["will", "would", "could", "must", "should"]);
    let complement = c.children(verb.v).any(|k| match c.dep(k) {
        Some(Dep::Xcomp) => c.doc.tokens[k].pos == Some(Upos::Verb),
        // (A state foretold, "warned that peace would be fragile", is no act.)
        Some(Dep::Ccomp) => {
            modal(k) && acting_subject(c, k) && c.doc.tokens[k].pos == Some(Upos::Verb)
        }
        // ("warned on Tuesday that …": a time, not what is warned of;
        // "warned Slovenia of legal action": a repercussion warned of.)
        // (The parse may hang the "of" phrase on the time: "on Friday of".)
        Some(Dep::Obl) if lemma == "warn" => {
            let of_repercussion =
                |j: usize| marked_by(c.doc, j, "of") && object_classes::repercussion(c.word(j));
            if in_time(c, k) {
                c.children(k)
                    .any(|j| c.dep(j) == Some(Dep::Nmod) && of_repercussion(j))
            } else {
                marked_by(c.doc, k, "on") || of_repercussion(k)
            }
        }
        Some(Dep::Obl) => c
            .children(k)
            .any(|m| matches!(c.word(m).to_lowercase().as_str(), "for" | "on")),
        _ => false,
    });
    Some((complement || !needs_complement).then_some(ty))
}

/// Whether token `j` lies in a time expression ("on Tuesday").
fn in_time(c: &Clause<'_>, j: usize) -> bool {
    c.doc
        .times
        .iter()
        .any(|t| crate::tree::holds_token(c.doc, t.span, j))
}

/// Adds to `actors`, in order, each of `more` it does not hold yet.
fn add_actors(actors: &mut Vec<EntityId>, more: impl IntoIterator<Item = EntityId>) {
    for e in more {
        if !actors.contains(&e) {
            actors.push(e);
        }
    }
}

/// Whether a warned or asked-for clause has someone to act: a pronoun or an
/// actor as its subject ("warned it would retaliate"), not a thing
/// ("warned that repatriation would be difficult"), nor a thing an actor
/// only qualifies ("warned that Spain's exit will weaken", "that the Brexit
/// vote could depress growth", "that a Syrian assault would lead to"): such
/// a warning foretells, and no one is threatened with an act (noevent33,
/// from the no-event notes of Guardian 1414/3737, PolNeAR dev 2626/3939).
fn acting_subject(c: &Clause<'_>, k: usize) -> bool {
    c.children(k)
        .find(|&j| matches!(c.dep(j), Some(Dep::Nsubj | Dep::Expl)))
        .is_none_or(|j| {
            // (A passive clause's act is someone's: "could be put under surveillance".)
            let acted_on = auxiliary_passive(c, k);
            c.doc.tokens[j].pos == Some(Upos::Pron)
                || (!c.actors_of(j).is_empty() && (acted_on || head_names_actor(c, j)))
        })
}

/// Whether the noun phrase headed at `j`, or a conjunct of it, is headed by
/// an actor's word: a name, a noun the agents dictionary codes ("the army",
/// "his government"), or a count of them ("thousands of troops").
fn head_names_actor(c: &Clause<'_>, j: usize) -> bool {
    std::iter::once(j)
        .chain(c.children(j).filter(|&m| c.dep(m) == Some(Dep::Conj)))
        .any(|h| {
            let word = singular(c.word(h));
            c.doc.tokens[h].pos == Some(Upos::Propn)
                || mention_of(c, h, &NAMED)
                || c.lex.agents.contains_key(&word)
                || COLLECTIVES.contains(&word.as_str())
        })
}

/// The types of a name that can act: people, organisations, places, groups.
const NAMED: [EntityType; 4] = [
    EntityType::Person,
    EntityType::Org,
    EntityType::Gpe,
    EntityType::Norp,
];

/// The event with its theme, amount, time, place, quote and status.
fn attach(c: &Clause<'_>, si: usize, verb: &Verb, act: EventType, roles: Roles) -> Event {
    let (doc, v) = (c.doc, verb.v);
    let s = &doc.sentences[si];
    let theme = c.hull(
        &roles
            .theme_head
            .map(|o| c.subtree(o, &[Dep::Acl]))
            .unwrap_or_default(),
    );
    let scope_span = c.hull(&verb.scope);
    // Only an amount inside the theme (elsewhere in the clause it may count
    // something else), and not a rank ("a third Patriot system").
    let quantity = doc.quantities.iter().position(|q| {
        q.kind != dossier_core::QuantityKind::Ordinal && theme.is_some_and(|t| t.contains(q.span))
    });
    let time = doc
        .times
        .iter()
        .position(|t| s.span.contains(t.span) && scope_span.is_some_and(|sc| sc.contains(t.span)))
        .or_else(|| doc.times.iter().position(|t| s.span.contains(t.span)));
    let place = verb
        .scope
        .iter()
        .filter(|&&j| {
            c.dep(j) == Some(Dep::Obl)
                && c.children(j)
                    .any(|k| matches!(c.word(k).to_lowercase().as_str(), "in" | "at"))
        })
        .find_map(|&j| {
            doc.mentions
                .iter()
                .filter(|m| {
                    matches!(m.ty, EntityType::Gpe | EntityType::Loc | EntityType::Fac)
                        && crate::tree::holds_token(doc, m.span, j)
                })
                .find_map(|m| m.entity)
        });
    let trigger = doc.tokens[v].span;
    let quote = doc.quotes.iter().position(|q| q.span.contains(trigger));
    let status = status_of(c, v, &verb.base, act, quote.is_some());
    let mode = (act == EventType::Aid && verb.giving).then(|| aid_kind(verb).to_string());
    Event {
        ty: act,
        act,
        mode,
        status,
        trigger,
        sentence: SentenceId::new(si),
        source: roles.source,
        target: roles.target,
        theme,
        quantity: quantity.map(QuantityId::new),
        time: time.map(TimeId::new),
        place,
        quote: quote.map(QuoteId::new),
        confidence: None,
    }
}

/// One event per clause, and none in a noun's modifier. A verb hung under
/// another event's verb as its complement or adjunct ("threatened to ban",
/// "agreed to share", "dismissed an appeal, saying …") is part of that
/// event, not one of its own. Aid is the exception an aid tracker needs: in
/// "pledged to send Patriot batteries" the sending is the event, with the
/// pledge as its status.
fn keep_main_events(doc: &Document, events: &mut Vec<Event>) {
    let token_of = |e: &Event| {
        doc.tokens
            .partition_point(|t| t.span.start < e.trigger.start)
    };
    let triggers: Vec<usize> = events.iter().map(token_of).collect();
    let mut dropped = vec![false; events.len()];
    for (child, &t) in triggers.iter().enumerate() {
        let dep = doc.tokens[t].dep;
        // "plans to sell weapons", "refugees fleeing the war", "the curfew
        // imposed in Sudan": a verb that describes a noun is background to
        // the sentence's event, not one of its own.
        if dep == Some(Dep::Acl)
            && events[child].act != EventType::Aid
            && doc.tokens[t]
                .head
                .is_some_and(|h| doc.tokens[h].pos == Some(Upos::Noun))
        {
            dropped[child] = true;
            continue;
        }
        if !matches!(dep, Some(Dep::Xcomp | Dep::Advcl | Dep::Ccomp)) {
            continue;
        }
        let Some(head) = doc.tokens[t].head else {
            continue;
        };
        let Some(parent) = triggers.iter().position(|&p| p == head) else {
            // "to allow Turkish troops": a purpose of what is no event is only aimed at.
            dropped[child] = dep == Some(Dep::Advcl) && purpose(doc, t);
            continue;
        };
        use EventType::*;
        // Only a demand, threat, charge or promise contains what it reports.
        if dep == Some(Dep::Ccomp)
            && !matches!(
                events[parent].act,
                Request | Threaten | Accuse | Reject | Agree
            )
        {
            continue;
        }
        // "vowed to fight", "swore to attack": an intention to do harm is a threat.
        if events[parent].act == Agree && hostile(events[child].act) {
            events[parent].act = Threaten;
        }
        if events[child].act == EventType::Aid {
            // "will send batteries while the Netherlands will provide components": two gifts.
            if events[parent].act != EventType::Aid {
                dropped[parent] = true;
            }
        } else {
            dropped[child] = true;
            // What the complement acts on is what the whole event acts on.
            if events[parent].target.is_empty() {
                let inherited: Vec<EntityId> = events[child]
                    .target
                    .iter()
                    .copied()
                    .filter(|t| !events[parent].source.contains(t))
                    .collect();
                events[parent].target = inherited;
            }
        }
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !dropped[k - 1]
    });
}

fn follow_list(doc: &Document, c: &Clause<'_>, si: usize, events: &mut Vec<Event>) {
    let Some(prev) = events
        .iter()
        .rev()
        .find(|e| e.sentence.index() + 1 == si && e.act == EventType::Aid)
        .cloned()
    else {
        return;
    };
    for v in c.a..c.b {
        if !matches!(
            c.word(v).to_lowercase().as_str(),
            "include" | "includes" | "comprise" | "comprises"
        ) {
            continue;
        }
        let Some(subj) = c.subject(v) else { continue };
        if !matches!(
            c.word(subj).to_lowercase().as_str(),
            "these" | "they" | "those" | "this" | "it"
        ) {
            continue;
        }
        let Some(obj) = c.object(v) else {
            continue;
        };
        let theme = c.hull(&c.subtree(obj, &[]));
        let trigger = doc.tokens[v].span;
        events.push(Event {
            trigger,
            sentence: SentenceId::new(si),
            theme,
            quantity: None,
            quote: doc
                .quotes
                .iter()
                .position(|q| q.span.contains(trigger))
                .map(QuoteId::new),
            ..prev
        });
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trigger_classifier_keeps_a_candidate_at_or_over_its_threshold() {
        let tsv = "# model\nbias\t-1.0\nthreshold\t0.5\nl=meet\t2.0\nl=hold\t-1.0\n";
        let lex = EventLexicon::from_tsv("").with_trigger_model(tsv, None);
        assert!(lex.takes_trigger(&["l=meet".to_string()]));
        assert!(!lex.takes_trigger(&["l=hold".to_string()]));
        // An unknown feature weighs nothing: the bias decides.
        assert!(!lex.takes_trigger(&["l=unknown".to_string()]));
        let lowered = EventLexicon::from_tsv("").with_trigger_model(tsv, Some(0.2));
        assert!(lowered.takes_trigger(&["l=unknown".to_string()]));
        // No model, no veto.
        assert!(EventLexicon::from_tsv("").takes_trigger(&["l=hold".to_string()]));
    }

    #[test]
    fn the_event_judge_keeps_an_event_at_or_over_its_threshold() {
        let tsv = "bias\t0.0\nthreshold\t0.5\nst=asserted\t1.0\nh1l=xcomp|want\t-2.0\n";
        let lex = EventLexicon::from_tsv("").with_judge_model(tsv, None);
        let asserted = "st=asserted".to_string();
        assert!(lex.takes_event(std::slice::from_ref(&asserted)));
        assert!(!lex.takes_event(&[asserted.clone(), "h1l=xcomp|want".to_string()]));
        // A kept event carries the judge's probability, sigmoid(1).
        assert!(matches!(
            lex.judge_event(std::slice::from_ref(&asserted)),
            lexicon::Verdict::Kept(Some(p)) if (p - 0.7311).abs() < 1e-3
        ));
        // A lower threshold keeps more; no judge keeps everything.
        let lenient = EventLexicon::from_tsv("").with_judge_model(tsv, Some(0.2));
        assert!(lenient.takes_event(&[asserted, "h1l=xcomp|want".to_string()]));
        assert!(EventLexicon::from_tsv("").takes_event(&["h1l=xcomp|want".to_string()]));
    }

    #[test]
    fn a_feature_conditioned_threshold_replaces_the_judges_own() {
        // Probability 0.5 with no feature, about 0.38 with "h1l=xcomp|want".
        let tsv = "bias\t0.0\nthreshold\t0.3\nthreshold|st=asserted\t0.45\nh1l=xcomp|want\t-0.5\n";
        let lex = EventLexicon::from_tsv("").with_judge_model(tsv, None);
        let (want, asserted, reported) = (
            "h1l=xcomp|want".to_string(),
            "st=asserted".to_string(),
            "st=reported".to_string(),
        );
        assert!(lex.takes_event(&[reported, want.clone()]));
        assert!(!lex.takes_event(&[asserted.clone(), want]));
        assert!(lex.takes_event(&[asserted]));
    }

    #[test]
    fn a_default_stands_only_where_the_stories_or_the_codebook_back_it() {
        let lex = EventLexicon::from_tsv("V\tfaces\tface\t-\tCONSULT\nV\tvisited\tvisit\t-\tCONSULT\nV\tshot\tshoot\t-\tASSAULT\nV\tgreeted\tgreet\t-\tSUPPORT\n");
        assert!(
            lex.supports_default("faces", EventType::Consult),
            "no table: every default stands"
        );
        let lex = lex.with_trigger_lift("face\tCONSULT\t80\t4\t1.82\t0\nvisit\tCONSULT\t109\t21\t6.95\t1\nshoot\tASSAULT\t106\t48\t3.65\t0\n");
        assert!(
            !lex.supports_default("faces", EventType::Consult),
            "lift under 2"
        );
        assert!(
            lex.supports_default("visited", EventType::Consult),
            "named by the codebook"
        );
        assert!(
            lex.supports_default("shot", EventType::Assault),
            "lift 3.65 over 48 stories"
        );
        assert!(
            !lex.supports_default("greeted", EventType::Support),
            "never seen in the stories"
        );
    }

    #[test]
    fn patterns_beat_the_default_and_synsets_expand() {
        let lex = EventLexicon::from_tsv(
            "# x\nV\taccused\taccuse\t112\tACCUSE\nV\tprovide\tprovide\t060\tCOOPERATE\nV\ttook\ttake\t-\t-\nV\tseized\tseize\t171\tCOERCE\n\
             P\tprovide\tassistance\t070\tAID\nP\tprovide\t&WEAPON\t072\tAID\nP\ttake\tpart\t030\tAGREE\nP\ttake\tpart in protest\t141\tPROTEST\n\
             P\ttake\tcontrol of house\t-\t-\nP\ttake\tcontrol\t192\tCOERCE\nS\t&WEAPON\tmissile\n",
        );
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(lex.classify("accused", &[]), Some(EventType::Accuse));
        assert_eq!(
            lex.classify("provide", &words(&["report"])),
            Some(EventType::Cooperate)
        );
        assert_eq!(
            lex.classify("provide", &words(&["assistance"])),
            Some(EventType::Aid)
        );
        assert_eq!(
            lex.classify("provide", &words(&["missile"])),
            Some(EventType::Aid)
        );
        assert_eq!(lex.classify("walk", &[]), None);
        // An everyday verb is an event only through its object, and the longest pattern wins.
        assert_eq!(
            lex.classify("took", &words(&["just", "15", "minute"])),
            None,
            "the jury took just 15 minutes"
        );
        assert_eq!(
            lex.classify("took", &words(&["part", "in", "the", "protest"])),
            Some(EventType::Protest)
        );
        assert_eq!(
            lex.classify("took", &words(&["control", "of", "the", "city"])),
            Some(EventType::Coerce)
        );
        assert_eq!(
            lex.classify("took", &words(&["control", "of", "the", "house"])),
            None
        );
        // A pattern belongs to its own verb, not to every verb of its block.
        assert_eq!(
            lex.classify("seized", &words(&["part"])),
            Some(EventType::Coerce)
        );
    }

    #[test]
    fn the_codebook_names_acts_the_dictionary_codes_otherwise() {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            codebook_type("according", &[], false, false, false),
            Some(None)
        );
        for form in ["rejected", "refuses", "refusing", "reneged"] {
            assert_eq!(
                codebook_type(form, &[], false, false, false),
                Some(Some(EventType::Reject)),
                "{form}"
            );
        }
        assert_eq!(
            codebook_type("suing", &[], false, false, false),
            Some(Some(EventType::Accuse))
        );
        assert_eq!(
            codebook_type("resigned", &[], false, false, false),
            Some(Some(EventType::Retreat))
        );
        assert_eq!(
            codebook_type("signed", &words(&["agreement"]), false, false, false),
            Some(Some(EventType::Support))
        );
        assert_eq!(
            codebook_type("signed", &words(&["bill"]), false, false, false),
            None
        );
        assert_eq!(
            codebook_type("launched", &words(&["game"]), true, false, false),
            Some(Some(EventType::Cooperate))
        );
        assert_eq!(
            codebook_type("launched", &words(&["game"]), false, false, false),
            None
        );
        // Strikes conducted are read with the other mounted strikes (`acts`).
        assert_eq!(
            codebook_type("conducted", &words(&["strike"]), false, false, false),
            None
        );
        assert_eq!(
            codebook_type("blocked", &words(&["road"]), false, false, false),
            Some(Some(EventType::Protest))
        );
        assert_eq!(
            codebook_type("imposed", &words(&["sanction"]), false, false, false),
            Some(Some(EventType::Sanction))
        );
        assert_eq!(
            codebook_type("called", &[], false, true, false),
            Some(Some(EventType::Request))
        );
        assert_eq!(codebook_type("called", &[], false, false, false), None);
        assert_eq!(
            codebook_type("accused", &[], false, false, false),
            Some(Some(EventType::Accuse))
        );
        assert_eq!(
            codebook_type("mounted", &words(&["invasion"]), false, false, false),
            Some(Some(EventType::Assault))
        );
        assert_eq!(
            codebook_type("fired", &words(&["shell"]), false, false, true),
            Some(Some(EventType::Assault))
        );
        assert_eq!(
            codebook_type("fired", &words(&["minister"]), false, false, false),
            None
        );
        assert_eq!(
            codebook_type("lifted", &words(&["curfew"]), false, false, false),
            Some(Some(EventType::Concede))
        );
        assert_eq!(
            codebook_type("accepted", &words(&["demand"]), false, false, false),
            Some(Some(EventType::Concede))
        );
        assert_eq!(
            codebook_type("expelled", &words(&["diplomat"]), false, false, false),
            Some(Some(EventType::Sanction))
        );
        assert_eq!(
            codebook_type("stopped", &words(&["work", "strike"]), false, false, false),
            Some(Some(EventType::Protest))
        );
    }

    #[test]
    fn plover_codes_intentions_as_agree_or_threaten() {
        let event = |act, status| Event {
            ty: act,
            act,
            mode: None,
            status,
            trigger: Span::new(0, 1),
            sentence: SentenceId::new(0),
            source: vec![],
            target: vec![],
            theme: None,
            quantity: None,
            time: None,
            place: None,
            quote: None,
            confidence: None,
        };
        assert_eq!(
            plover_type(&event(EventType::Aid, EventStatus::Pledged)),
            EventType::Agree,
            "will provide aid"
        );
        assert_eq!(
            plover_type(&event(EventType::Aid, EventStatus::Asserted)),
            EventType::Aid,
            "gave aid"
        );
        assert_eq!(
            plover_type(&event(EventType::Sanction, EventStatus::Hypothetical)),
            EventType::Threaten,
            "would boycott"
        );
        assert_eq!(
            plover_type(&event(EventType::Request, EventStatus::Planned)),
            EventType::Request
        );
    }

    #[test]
    fn base_forms_of_giving_and_pledging_verbs() {
        assert_eq!(base_form("committed"), "commit");
        assert_eq!(base_form("sending"), "send");
        assert_eq!(base_form("supplied"), "supply");
        assert_eq!(base_form("provides"), "provide");
        assert_eq!(base_form("shipped"), "ship");
        assert_eq!(base_form("’s"), "’s", "no slicing inside a character");
        assert_eq!(base_form("’’ing"), "’’ing");
    }
}
