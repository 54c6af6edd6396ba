//! The PLOVER code of a kept event, read again where the PLOVER codebook
//! codes the act otherwise than the CAMEO dictionary and its CAMEO→PLOVER
//! mapping (#24 item 1). Like the second reading of actors (`reread`), this
//! runs after the trigger classifier and the event judge have kept the event
//! on the dictionary's code, so no event comes; only its act changes, or,
//! for political discourse the codebook does not code (`discourse`), it goes.
//!
//! The codebook's words (`PLOVER_structured_codebook_updated.csv` and
//! `plover_reference.html` in the shared PLOVER data), for each rule:
//! - SUPPORT "only includes verbal support. Material support … should be
//!   coded under COOPERATE, AID, or CONCEDE"; AID includes "military and police
//!   assistance including arms and personnel": backing given by troops, or
//!   to an army, and arming or equipping someone, are AID.
//! - THREATEN covers "threaten to occupy, seize control of the whole or part
//!   of a territory … distinct from ASSAULT, which refers to military
//!   occupations that have been or are being carried out": seizing, capturing
//!   or occupying territory is ASSAULT (CAMEO 171 and 192 map to COERCE, whose
//!   `seize` mode is "police or other authorities confiscating or seizing property").
//! - SANCTION `expel`: "permanently or temporarily expel an entity from a
//!   group, organization, political party"; SANCTION `withdraw`: "a country
//!   withdraws itself from an organization, treaty, or group".
//! - ASSAULT includes "military occupations that have been or are being
//!   carried out": armed forces advancing into a place ("Turkish tanks pushed
//!   deeper into northern Syria", "crossing the border into Afrin") occupy it,
//!   whatever act the dictionary gave the verb of motion (CAMEO 074 reads
//!   "cross the border into" as peacekeeping, AID); a move short of force
//!   stays MOBILIZE ("All military or police moves, deployments").
//! - AGREE is a "commitment to cooperate"; a vow or promise to do harm is no
//!   cooperation: it is a threat (THREATEN).

use dossier_core::{Dep, Upos};
use dossier_core::{EntityType, Event, EventType, Span};

use super::{
    act_of, head_names_actor, hostile, mention_of, pattern_words, singular, Clause, Verb,
    AGREEMENTS,
};

/// PETRARCH synsets of armed forces and their arms.
const MILITARY_SYNSETS: &[&str] = &["&MILITARY", "&WEAPON", "&AIRCRAFT"];
/// PETRARCH synsets of places held by force.
const PLACE_SYNSETS: &[&str] = &["&TOWN", "&STRONGHOLD"];
/// Nouns of land that is held or taken.
const TERRITORY: &[&str] = &[
    "territory",
    "area",
    "region",
    "land",
    "province",
    "enclave",
    "district",
    "city",
    "town",
    "village",
];
/// Nouns of the groups a member is expelled from or leaves.
const GROUPS: &[&str] = &[
    "league",
    "party",
    "union",
    "organisation",
    "organization",
    "alliance",
    "bloc",
    "coalition",
    "federation",
    "association",
    "council",
];

/// The act the codebook gives a kept event, where it differs from the
/// dictionary's; `Some(None)` where the codebook codes no event (political
/// discourse read as an act: `discourse`).
pub(super) fn recoded(c: &Clause<'_>, verb: &Verb, event: &Event) -> Option<Option<EventType>> {
    use EventType::*;
    // A cyber attack is coercion short of violence (COERCE `cyber`), however said.
    if event.act == Assault && super::acts::cyber_attack(c, verb) {
        return Some(Some(Coerce));
    }
    if let Some(by_object) = super::object_classes::recoded(c, verb, event) {
        return Some(by_object);
    }
    if super::campaigning::no_event(c, verb.v, event)
        || super::no_act::no_event(c, verb, event)
        || super::generic::no_event(c, verb, event)
        || super::nonpolitical::no_event(c, verb, event)
    {
        return Some(None);
    }
    if let Some(discourse) = super::discourse::recoded(c, verb, event) {
        return Some(discourse);
    }
    if let Some(convention) = super::conventions::recoded(c, verb, event) {
        return Some(convention);
    }
    let lemma = c.lex.lemma(&verb.form);
    Some(Some(match event.act {
        Support if matches!(lemma, "support" | "back") && military_backing(c, verb, event) => Aid,
        Cooperate if arms_given(c, verb, lemma) && !event.target.is_empty() => Aid,
        Coerce if occupies(c, verb, lemma) => Assault,
        Coerce if matches!(lemma, "expel" | "suspend") && from_group(c, verb.v, false) => Sanction,
        Retreat if matches!(lemma, "withdraw") && from_group(c, verb.v, true) => Sanction,
        Agree if vowed_harm(c, verb) => Threaten,
        Aid | Coerce | Cooperate | Agree | Request | Support | Concede
            if advances_into(c, verb) =>
        {
            Assault
        }
        _ => return None,
    }))
}

/// Gives the events their recoded acts (trigger, the act read first, the
/// codebook's), once the events of a document are settled on the
/// dictionary's acts: no event comes or goes, and an act already changed
/// there ("vowed to fight" made a threat) stays. Aid by troops or arms is
/// military. An event the codebook does not code (`None`) goes.
pub(super) fn apply(recoded: &[(Span, EventType, Option<EventType>)], events: &mut Vec<Event>) {
    let of = |e: &Event| {
        recoded
            .iter()
            .find(|&&(t, first, _)| t == e.trigger && first == e.act)
            .map(|&(_, _, act)| act)
    };
    events.retain(|e| of(e) != Some(None));
    for e in events.iter_mut() {
        if let Some(Some(act)) = of(e) {
            e.act = act;
            if act == EventType::Aid {
                e.mode = Some("military".to_string());
            }
        }
    }
}

/// Whether token `j` is a word of the given PETRARCH synsets.
fn in_synsets(c: &Clause<'_>, j: usize, names: &[&str]) -> bool {
    c.lex
        .synsets
        .get(&singular(c.word(j)))
        .is_some_and(|s| s.iter().any(|n| names.contains(&n.as_str())))
}

/// Backing that is military: troops or arms back someone named ("US troops
/// supporting the SDF", "supported by US troops and air power"), or the
/// backing goes to an armed force ("supporting the training of a rebel army").
fn military_backing(c: &Clause<'_>, verb: &Verb, event: &Event) -> bool {
    let v = verb.v;
    // Nouns only: "supported military action" backs an act, not an army.
    let military = |head: usize, synsets: &[&str]| {
        c.subtree(head, &[Dep::Acl])
            .iter()
            .any(|&j| c.doc.tokens[j].pos == Some(Upos::Noun) && in_synsets(c, j, synsets))
    };
    let object = c.object(v);
    let agent = c
        .children(v)
        .find(|&k| crate::tree::is_by_phrase(c.doc, k, c.a, c.b))
        .or_else(|| c.subject(v));
    object.is_some_and(|o| military(o, &["&MILITARY"]))
        || (!event.target.is_empty() && agent.is_some_and(|a| military(a, MILITARY_SYNSETS)))
}

/// Whether armed forces (the verb's subject or what it moves) advance into a
/// place: an "into" phrase of the verb or of its object names a country,
/// region or town. A passive says nothing of who moves ("troops not invited into Syria").
fn advances_into(c: &Clause<'_>, verb: &Verb) -> bool {
    let v = verb.v;
    if super::passive_voice(c, verb) {
        return false;
    }
    let object = c.object(v);
    let into_place = [Some(v), object]
        .into_iter()
        .flatten()
        .any(|h| c.phrases(h, "into").any(|k| is_place(c, k)));
    into_place
        && [c.subject(v), object]
            .into_iter()
            .flatten()
            .any(|j| armed(c, j))
}

/// Whether token `j` names land: a country, region or town, or a noun of land.
fn is_place(c: &Clause<'_>, j: usize) -> bool {
    TERRITORY.contains(&singular(c.word(j)).as_str())
        || in_synsets(c, j, PLACE_SYNSETS)
        || mention_of(c, j, &[EntityType::Gpe, EntityType::Loc])
}

/// Whether noun `j` names armed forces or their arms ("forces", "tanks").
fn armed(c: &Clause<'_>, j: usize) -> bool {
    super::political::armed_noun(c.lex, c.word(j))
        || in_synsets(c, j, MILITARY_SYNSETS)
        || c.lex
            .synsets
            .get(&c.word(j).to_lowercase())
            .is_some_and(|s| s.iter().any(|n| MILITARY_SYNSETS.contains(&n.as_str())))
}

/// Arming or equipping someone, or giving them arms ("supplied arms to the rebels").
fn arms_given(c: &Clause<'_>, verb: &Verb, lemma: &str) -> bool {
    let arms = |&j: &usize| {
        j != verb.v && (in_synsets(c, j, &["&WEAPON"]) || c.word(j).eq_ignore_ascii_case("arms"))
    };
    matches!(lemma, "arm" | "equip") || (verb.giving && verb.scope.iter().any(arms))
}

/// Whether a seizing verb takes land: its object (or a passive's subject),
/// with the "of" phrases under it ("control of Deraa", "parts of Syria"),
/// names a country, region or town. A place it is taken in is no object.
fn occupies(c: &Clause<'_>, verb: &Verb, lemma: &str) -> bool {
    if !matches!(
        lemma,
        "seize" | "capture" | "occupy" | "invade" | "overrun" | "annex" | "take" | "wrest"
    ) {
        return false;
    }
    let v = verb.v;
    let Some(object) = c.object(v) else {
        return false;
    };
    let mut heads = vec![object];
    let mut i = 0;
    while i < heads.len() {
        let h = heads[i];
        heads.extend(c.children(h).filter(|&k| {
            matches!(c.dep(k), Some(Dep::Conj | Dep::Compound | Dep::Flat))
                || (c.dep(k) == Some(Dep::Nmod) && super::marked_by(c.doc, k, "of"))
        }));
        i += 1;
    }
    heads.iter().any(|&j| is_place(c, j))
}

/// Whether verb `v` has a "from" phrase naming an organisation or a group
/// ("expelled Syria from the Arab League"), or with `or_agreement` a treaty
/// or deal ("withdrawing from the Iran deal").
fn from_group(c: &Clause<'_>, v: usize, or_agreement: bool) -> bool {
    c.obliques(v, "from").any(|k| {
        let noun = singular(c.word(k));
        mention_of(c, k, &[EntityType::Org])
            || GROUPS.contains(&noun.as_str())
            || (or_agreement && AGREEMENTS.contains(&noun.as_str()))
    })
}

/// A vow or promise whose complement does harm ("vowed to expel Iran from
/// Syria"): a threat, as `keep_main_events` makes it when the complement is
/// an event of its own. The complement's act is the dictionary's even where
/// the stories do not back it as an event, when it is done to someone
/// ("vowed to crush the insurgents", "to harshly punish those who …"); a
/// reprisal vowed is one too ("vowed vengeance", "promised a strong
/// response"). (code35, from the wrong-code notes of Guardian 1313, 1414,
/// 2525, 3737, 4343 and PolNeAR dev 3939: vows of force coded AGREE.) So is
/// a verb of force or coercion the dictionary leaves uncoded, of class
/// harming (`conventions::harming_verb`: "to exterminate", "to retaliate"),
/// done to someone or to no one named (code41).
fn vowed_harm(c: &Clause<'_>, verb: &Verb) -> bool {
    if !matches!(
        c.lex.lemma(&verb.form),
        "vow" | "pledge" | "promise" | "swear"
    ) {
        return false;
    }
    c.children(verb.v).any(|k| match c.dep(k) {
        Some(Dep::Xcomp | Dep::Ccomp) if c.doc.tokens[k].pos == Some(Upos::Verb) => {
            let vowed = Verb::read(c, k);
            let to_someone = || {
                c.objects(k)
                    .any(|o| c.doc.tokens[o].pos == Some(Upos::Pron) || head_names_actor(c, o))
            };
            // "vowed to exterminate them", "to retaliate": force or coercion
            // the dictionary does not code (class harming), done to someone
            // or to no one named ("to eliminate poverty" harms no one).
            let targets = || {
                c.objects(k)
                    .chain(c.obliques(k, "on"))
                    .chain(c.obliques(k, "against"))
            };
            let at_someone = targets().next().is_none()
                || targets()
                    .any(|o| c.doc.tokens[o].pos == Some(Upos::Pron) || head_names_actor(c, o));
            (super::conventions::harming_verb(c, k) && at_someone)
                || match act_of(c, &vowed, c.lex) {
                    Some((act, _, _)) => hostile(act),
                    None => {
                        to_someone()
                            && c.lex
                                .classify(&vowed.form, &pattern_words(c, &vowed))
                                .is_some_and(hostile)
                    }
                }
        }
        Some(Dep::Obj) => super::object_classes::reprisal(c, k),
        _ => false,
    })
}
