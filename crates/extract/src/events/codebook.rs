//! The PLOVER code of an act as the codebook assigns it (`plover_type`: an intention to give aid
//! is AGREE, a refusal REJECT) and its mode; the acts the codebook names by their object.

use super::*;
use crate::lexicon::lower;

/// What is signed or ratified: SUPPORT.
pub(super) const AGREEMENTS: &[&str] = &[
    "agreement",
    "treaty",
    "accord",
    "pact",
    "deal",
    "protocol",
    "memorandum",
    "declaration",
    "convention",
    "charter",
];

/// Joint war games: COOPERATE.
pub(super) const DRILLS: &[&str] = &["game", "exercise", "maneuver", "manoeuvre", "drill"];

/// Passages whose blocking is a PROTEST.
pub(super) const PASSAGES: &[&str] = &[
    "road",
    "bridge",
    "highway",
    "street",
    "traffic",
    "transport",
    "railway",
    "rail",
    "access",
    "entrance",
    "route",
    "port",
];

/// What is cut or suspended as a SANCTION.
pub(super) const TIES: &[&str] = &[
    "tie",
    "relation",
    "link",
    "aid",
    "talk",
    "cooperation",
    "contact",
    "mediation",
];

/// Envoys and inspectors whose expulsion cuts relations: SANCTION.
pub(super) const ENVOYS: &[&str] = &[
    "inspector",
    "diplomat",
    "ambassador",
    "envoy",
    "monitor",
    "observer",
    "mission",
];

/// Restrictions whose easing is CONCEDE.
pub(super) const RESTRICTIONS: &[&str] = &[
    "curfew",
    "emergency",
    "restriction",
    "ban",
    "sanction",
    "embargo",
];

/// Strikes, boycotts and sit-ins: PROTEST.
pub(super) const STOPPAGES: &[&str] = &[
    "strike",
    "boycott",
    "sit-in",
    "demonstration",
    "protest",
    "walkout",
];

/// Requests whose dismissal is a REJECT.
pub(super) const APPEALS: &[&str] = &[
    "appeal",
    "request",
    "call",
    "demand",
    "ultimatum",
    "invitation",
    "offer",
    "proposal",
    "plea",
];

/// Where the PLOVER codebook names the act itself, its code wins over the
/// CAMEO dictionary's: "according to" is no event; rejections, lawsuits,
/// resignations, surrenders and arrests have a code of their own; signing
/// an agreement is SUPPORT; joint war games are COOPERATE; blocking roads is
/// a PROTEST, and so is stopping work for a strike; imposing sanctions,
/// cutting ties or mediation and expelling envoys is SANCTION; mediating is
/// CONSULT; "called on X to", "called for" are a REQUEST; mounting an
/// invasion, retaking a town and firing at a target are ASSAULT; easing a
/// curfew and accepting demands are CONCEDE.
/// `objects` are the nouns the verb governs. `Some(None)`: not an event;
/// `None`: the codebook says nothing and the dictionary decides.
pub(super) fn codebook_type(
    form: &str,
    objects: &[String],
    joint: bool,
    appeal: bool,
    at_target: bool,
) -> Option<Option<EventType>> {
    use EventType::*;
    let stem = stem_of(form);
    let any = |words: &[&str]| objects.iter().any(|d| words.contains(&d.as_str()));
    Some(Some(match stem {
        "accord" if form == "according" => return Some(None),
        "reject" | "refus" | "reneg" | "rebuff" | "spurn" | "veto" => Reject,
        "accus" => Accuse,
        // Mounting an invasion, retaking a town, firing at targets: ASSAULT.
        "launch" | "mount" | "begin" | "began" | "start" | "stag" | "conduct" | "carri"
        | "carry"
            if objects.iter().any(|o| acts::launched_attack(o)) =>
        {
            Assault
        }
        "retak" | "retaken" | "recaptur" => Assault,
        "fir" if at_target => Assault,
        // Expelling a country's envoys or inspectors cuts relations: SANCTION.
        "expell" | "expel" if any(ENVOYS) => Sanction,
        // Easing a restriction, or acceding to demands: CONCEDE.
        "lift" | "eas" | "relax" | "shorten" if any(RESTRICTIONS) => Concede,
        "accept" if any(&["demand", "condition", "term"]) => Concede,
        // Strikes, boycotts and sit-ins, joined, stopped for or kept up: PROTEST.
        "stopp" | "join" | "continu" | "go" | "went" if any(STOPPAGES) => Protest,
        // "dismissed an appeal": turning a request down.
        "dismiss" | "ignor" | "snubb" if any(APPEALS) => Reject,
        "su" if matches!(form, "sue" | "sued" | "sues" | "suing") => Accuse,
        "indict" => Accuse,
        "resign" | "surrender" | "disarm" | "demobiliz" | "demobilis" => Retreat,
        "arrest" | "detain" | "jail" | "imprison" => Coerce,
        // A court finding guilty or sentencing: SANCTION convict.
        "convict" | "sentenc" => Sanction,
        // The one who dies undergoes; an attack is coded on the attacker's verb.
        "di" if matches!(form, "die" | "died" | "dies") => return Some(None),
        "dy" if form == "dying" => return Some(None),
        "sign" | "ratifi" | "ratify" if any(AGREEMENTS) => Support,
        "launch" | "hold" | "held" | "conduct" | "stag" | "start" | "begin" | "began"
            if joint && any(DRILLS) =>
        {
            Cooperate
        }
        "block" | "blockad" | "barricad" if any(PASSAGES) => Protest,
        "impos" if any(&["sanction", "embargo", "boycott"]) => Sanction,
        "suspend" | "sever" | "cut" | "break" | "brok" | "end" | "halt" | "stopp" | "stop"
            if any(TIES) =>
        {
            Sanction
        }
        // A third party bringing two others together: CONSULT's mediation.
        "launch" | "start" | "begin" | "began" | "offer" | "host" if any(&["mediation"]) => Consult,
        "mediat" => Consult,
        "negotiat" => Consult,
        "call" if appeal => Request,
        _ => return None,
    }))
}

/// The PLOVER code of an event's act with its status. PLOVER, like CAMEO
/// before it, codes a stated intention as the intention: "will provide aid"
/// and "promised to continue aid" are AGREE, "would boycott" and "will
/// withdraw … unless" are THREATEN. The record keeps the act in `act` (an aid
/// tracker counts the pledged Patriot batteries as AID, pledged) and this
/// code in `ty`, the JSON `type`.
pub fn plover_type(e: &Event) -> EventType {
    use EventType::*;
    // "will not accept refugees", "refused to deploy": PLOVER's REJECT.
    if e.status == EventStatus::Negated && cooperative(e.act) {
        return Reject;
    }
    if !matches!(
        e.status,
        EventStatus::Pledged | EventStatus::Planned | EventStatus::Hypothetical
    ) {
        return e.act;
    }
    match e.act {
        t if hostile(t) => Threaten,
        t if cooperative(t) => Agree,
        // Already speech acts about the future, or refusals of it.
        t => t,
    }
}

/// Verbs of wishing above a planned act: "wants to meet", "hopes to hold talks".
const WISHING: &[&str] = &["want", "hope", "seek", "aim", "intend", "wish", "prepare"];

/// Whether verb `v` is a meeting foretold for a time of its own ("will meet in
/// London on Wednesday", "is scheduled to meet … this Thursday", "will hold a
/// conference on 24-25 April"): a consultation planned, CONSULT. The codebook's
/// AGREE is a willingness to meet ("would meet the mediator if …", "is ready
/// to negotiate", "wants to meet"), which such a date does not make. The time
/// is the verb's own, not that of a clause inside its object ("visit Sudan, in
/// a conflict now in its ninth year") nor of the saying.
pub(super) fn scheduled_meeting(c: &Clause<'_>, v: usize, e: &Event) -> bool {
    // Most events are no planned meeting: ask that first, before the parse.
    if e.act != EventType::Consult || e.status != EventStatus::Planned {
        return false;
    }
    let wished = governing_verbs(c, v)
        .iter()
        .any(|&g| WISHING.contains(&c.lex.lemma(&lower(c.word(g)))))
        || c.doc.tokens[v]
            .head
            .is_some_and(|u| not_done::INTENDING.contains(&lower(c.word(u)).as_ref()));
    !wished
        && c.subtree(
            v,
            &[
                Dep::Nsubj,
                Dep::Ccomp,
                Dep::Parataxis,
                Dep::Advcl,
                Dep::Csubj,
                Dep::Acl,
            ],
        )
        .into_iter()
        .any(|j| in_time(c, j))
}

/// The JSON type of an event: its act where it is a meeting set for a date
/// (`scheduled_meeting`), its act negated where the negation refuses nothing
/// (`unrefused_type`), else the codebook's (`plover_type`).
pub(super) fn coded_type(e: &Event, not_refused: &[Span], scheduled: &[Span]) -> EventType {
    if e.status == EventStatus::Planned && scheduled.contains(&e.trigger) {
        e.act
    } else if not_refused.contains(&e.trigger) {
        unrefused_type(e)
    } else {
        plover_type(e)
    }
}

/// The PLOVER code of an act negated with no refusal ("has not endorsed",
/// "did not cooperate", "have never met"): the act itself, negated. REJECT
/// is "all rejections and refusals" of a request, a proposal or a demand,
/// and not doing an act refuses none.
pub(super) fn unrefused_type(e: &Event) -> EventType {
    match e.status {
        EventStatus::Negated => e.act,
        _ => plover_type(e),
    }
}

/// Whether the negation of verb `v` refuses: a modal of will or ability on
/// it or on a verb whose negation it shares ("will not accept refugees",
/// "cannot agree", "would never agree"), or a verb of refusing above it
/// ("refused to deploy"), "going to", a copula or a verb that refuses when
/// negated (`conventions::refused_when_negated`: "are not welcome", "did not
/// allow"). A past, perfect or habitual act not done ("did not cooperate",
/// "has not endorsed", "does not offer") refuses nothing.
pub(super) fn refusal(c: &Clause<'_>, v: usize) -> bool {
    const WILLING: &[&str] = &[
        "will", "'ll", "wo", "would", "shall", "can", "ca", "cannot", "could",
    ];
    const REFUSING: &[&str] = &["refuse", "reject", "decline", "fail"];
    let modal = std::iter::once(v)
        .chain(negating_governors(c, v))
        .any(|h| c.has_auxiliary(h, AUX, WILLING));
    // "are not welcome": a state declared, a standing refusal.
    let copula = c.children(v).any(|k| c.dep(k) == Some(Dep::Cop))
        || conventions::refused_when_negated(c, v);
    let governors = governing_verbs(c, v);
    // "are not going to withdraw": a future said with "going to".
    let going_to = governors
        .iter()
        .any(|&g| c.word(g).eq_ignore_ascii_case("going") && to_infinitive(c, v));
    modal
        || copula
        || going_to
        || governors
            .iter()
            .any(|&g| REFUSING.contains(&c.lex.lemma(&c.word(g).to_lowercase())))
}

/// The PLOVER codebook's mode of an event's type, where its act tells it: a
/// threat to attack is THREATEN `violence`, to boycott or cut ties
/// `restrict`; a hack is COERCE `cyber`, a resignation RETREAT `resign`. An
/// AID event keeps the kind of aid (military, economic).
pub(super) fn codebook_mode(doc: &Document, lex: &EventLexicon, e: &Event) -> Option<String> {
    use EventType::*;
    let trigger = || doc.span_text(e.trigger).to_lowercase();
    let mode = match (e.ty, e.act) {
        (Aid, _) => return e.mode.clone(),
        (Threaten, Assault | Mobilize) => "violence",
        (Threaten, Protest | Sanction) => "restrict",
        (Coerce, Coerce) if acts::cyber(doc, lex, e) => "cyber",
        (Retreat, Retreat) if acts::resignation_trigger(lex.lemma(&trigger())) => "resign",
        _ => return None,
    };
    Some(mode.to_string())
}

/// Types that do harm: intended, they are threats.
pub(super) fn hostile(t: EventType) -> bool {
    use EventType::*;
    // A boycott or strike announced is a threat to restrict (PLOVER's THREATEN).
    matches!(t, Sanction | Coerce | Assault | Mobilize | Protest)
}

/// Types that help or give way: intended, they are agreements; refused, rejections.
pub(super) fn cooperative(t: EventType) -> bool {
    use EventType::*;
    matches!(
        t,
        Agree | Consult | Support | Concede | Cooperate | Aid | Retreat
    )
}

/// Whether token `t` heads a purpose clause: "to" its only marker.
pub(super) fn purpose(doc: &Document, t: usize) -> bool {
    let marks: Vec<String> = (0..doc.tokens.len())
        .filter(|&k| doc.tokens[k].head == Some(t) && doc.tokens[k].dep == Some(Dep::Mark))
        .map(|k| doc.span_text(doc.tokens[k].span).to_lowercase())
        .collect();
    !marks.is_empty() && marks.iter().all(|m| m == "to")
}
