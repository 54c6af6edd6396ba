//! A second reading of a kept event's actors (#24 item 4).
//!
//! The trigger classifier and the event judge were trained on the features
//! of the first reading (who acts, whether anyone is acted on), so whether an
//! event exists is decided on that reading; the rules here then only change
//! who its source and target are: a pronoun object (him, her, a relative
//! pronoun) stands for the name it refers to; the one urged or ordered is the
//! target and not the parties of what they are urged to do; a name that only
//! says whose noun an appositive name is ("the US president, Donald Trump")
//! does not act; a town or region that only says where an actor noun's people
//! are ("the jihadists out of Mosul") leaves the noun to act; an object that
//! names no one is acted on through whose it is ("the international
//! community's inability"); and those released are acted on.

use dossier_core::{Event, EventType, Mention};

use super::{Actor, Clause, Verb};

/// The event's source and target read again with the rules above; the first
/// reading stays when the second finds no one.
pub(super) fn reread_actors(
    c: &Clause<'_>,
    verb: &Verb,
    demander: Option<usize>,
    event: &mut Event,
) {
    let again = Clause { reread: true, ..*c };
    let Some(roles) = super::roles(&again, verb, event.act, demander) else {
        return;
    };
    if roles.source.is_empty() && roles.target.is_empty() {
        return;
    }
    event.source = roles.source;
    event.target = roles.target;
}

/// "urged the UK not to join any US-led action against Syria": when the
/// verb's object names whom it addresses, the phrases of the clause it asks
/// them to carry out name no one acted on by this act.
pub(super) fn addressee_only(c: &Clause<'_>, v: usize, act: EventType, tokens: &mut Vec<usize>) {
    if !c.reread || matches!(act, EventType::Aid | EventType::Retreat) {
        return;
    }
    if !addressed(c, v) {
        return;
    }
    let asked: Vec<usize> = c
        .children(v)
        .filter(|&x| c.dep(x) == "xcomp")
        .flat_map(|x| c.subtree(x, &[]))
        .collect();
    tokens.retain(|t| !asked.contains(t));
}

/// Whether the verb's object or indirect object names whom it addresses
/// ("urged Hungary", "urged the UK"), in the second reading.
pub(super) fn addressed(c: &Clause<'_>, v: usize) -> bool {
    c.reread
        && c.children(v)
            .any(|o| matches!(c.dep(o), "obj" | "iobj") && !c.actors_of(o).is_empty())
}

/// The targets a pronoun names where the verb's object, indirect object or
/// recipient phrase is one: "charged him", "with whom Ankara has fought".
pub(super) fn pronoun_targets(c: &Clause<'_>, v: usize, act: EventType, target: &mut Vec<usize>) {
    if !c.reread {
        return;
    }
    let object_acted_on = !matches!(act, EventType::Aid | EventType::Retreat);
    let recipient = |k: usize| {
        c.children(k).any(|m| {
            matches!(
                c.word(m).to_lowercase().as_str(),
                "to" | "towards" | "with" | "against" | "on"
            )
        })
    };
    for k in c.children(v).collect::<Vec<_>>() {
        let role = match c.dep(k) {
            "obj" => object_acted_on,
            "iobj" => true,
            "obl" => recipient(k),
            _ => false,
        };
        if !role {
            continue;
        }
        for e in referents(c, k) {
            if !target.contains(&e) {
                target.push(e);
            }
        }
    }
}

/// The actors a pronoun stands for: a relative pronoun its antecedent's (a
/// name or an actor noun), a personal pronoun (him, her) the entity it
/// refers to, resolved as a quote's speaker pronoun is. Nothing for any
/// other token.
pub(super) fn referents(c: &Clause<'_>, k: usize) -> Vec<usize> {
    if !c.reread || c.doc.tokens[k].pos != Some("PRON") {
        return Vec::new();
    }
    let word = c.word(k).to_lowercase();
    if matches!(c.doc.tokens[k].tag, Some("WP" | "WDT")) {
        // The noun the relative clause describes, as the parse hangs it;
        // else the noun before the pronoun and its preposition ("with whom").
        let inside = |v: &usize| (c.a..c.b).contains(v);
        let mut clause = c.doc.tokens[k].head.filter(inside);
        for _ in 0..4 {
            match clause {
                Some(v) if c.dep(v) != "acl:relcl" => clause = c.doc.tokens[v].head.filter(inside),
                _ => break,
            }
        }
        let first = c.subtree(k, &[]).into_iter().min().unwrap_or(k);
        let noun = clause
            .and_then(|v| c.doc.tokens[v].head)
            .filter(|&h| h >= c.a && h < c.b)
            .or_else(|| c.antecedent(first));
        // Only a name or an actor noun: "a helmet …, which Trump bought" is no one.
        let someone = |a: &usize| c.doc.tokens[*a].pos == Some("PROPN") || c.nominal(*a).is_some();
        return noun
            .filter(someone)
            .map(|a| c.actors_of(a))
            .unwrap_or_default();
    }
    if !matches!(word.as_str(), "him" | "her") {
        return Vec::new();
    }
    let at = c.doc.tokens[k].span.start;
    crate::speakers::pronoun_referent(c.doc, &word, at)
        .into_iter()
        .collect()
}

/// Whether a name only says whose noun an appositive name is: "US" in "the
/// US president, Donald Trump", "Turkish" in "the Turkish foreign minister,
/// Mevlüt Çavuşoğlu". Not a possessor ("Qatar's emir, Sheikh Hamad"), which
/// may be coded as the actor.
pub(super) fn modifies_named_noun(c: &Clause<'_>, names: &[&Mention], m: &Mention) -> bool {
    if !c.reread {
        return false;
    }
    let doc = c.doc;
    let Some(t) = crate::tree::tokens_in(doc, m.span).last() else {
        return false;
    };
    if !matches!(doc.tokens[t].dep, Some("compound" | "amod")) {
        return false;
    }
    let Some(h) = doc.tokens[t]
        .head
        .filter(|&h| doc.tokens[h].pos == Some("NOUN"))
    else {
        return false;
    };
    // A person's or an organisation's name: the parse may take a place
    // after the noun for its apposition ("Isis militants out of their last
    // stronghold, Abu Kamal").
    let who = |o: &&&Mention| {
        matches!(
            o.ty,
            dossier_core::EntityType::Person | dossier_core::EntityType::Org
        )
    };
    c.children(h).filter(|&k| c.dep(k) == "appos").any(|k| {
        names
            .iter()
            .filter(who)
            .any(|o| !std::ptr::eq(*o, m) && o.span.contains(doc.tokens[k].span))
    })
}

/// Prepositions of place: where someone is, comes from or is driven out of.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "across",
    "around",
    "throughout",
    "into",
    "from",
    "out",
];

/// The actor noun a town or region only locates, if it does: "the rebels in
/// Darfur", "the jihadists out of Mosul" give the rebels and the jihadists.
/// A country stays (it may be whose they are: "security forces in Guinea").
pub(super) fn located_people(c: &Clause<'_>, tokens: &[usize], m: &Mention) -> Option<Actor> {
    if !c.reread {
        return None;
    }
    let doc = c.doc;
    let place = matches!(
        m.ty,
        dossier_core::EntityType::Gpe
            | dossier_core::EntityType::Loc
            | dossier_core::EntityType::Fac
    );
    if !place || super::is_country(doc, m) {
        return None;
    }
    let inside = |j: usize| m.span.contains(doc.tokens[j].span);
    let top = tokens
        .iter()
        .copied()
        .find(|&j| inside(j) && doc.tokens[j].head.is_none_or(|h| !inside(h)))?;
    let locative = c.dep(top) == "nmod"
        && c.children(top)
            .any(|k| c.dep(k) == "case" && LOCATIVE.contains(&c.word(k).to_lowercase().as_str()));
    let h = doc.tokens[top].head.filter(|h| tokens.contains(h))?;
    let actor_noun =
        doc.tokens[h].pos == Some("NOUN") && c.lex.agents.contains_key(&super::singular(c.word(h)));
    (locative && actor_noun).then_some(Actor::People(h))
}

/// Whose the object is, when it names no actor itself: "condemned the
/// international community's inability", "accepted demands from Shona
/// rebels" act on the community and the rebels.
pub(super) fn owner_targets(
    c: &Clause<'_>,
    act: EventType,
    obj: Option<usize>,
    target: &mut Vec<usize>,
) {
    if !c.reread || !target.is_empty() || matches!(act, EventType::Aid | EventType::Retreat) {
        return;
    }
    let Some(o) = obj.filter(|&o| c.dep(o) == "obj") else {
        return;
    };
    let owner = |k: usize| {
        c.dep(k) == "nmod:poss"
            || (c.dep(k) == "nmod"
                && c.children(k).any(|m| {
                    c.dep(m) == "case"
                        && matches!(
                            c.word(m).to_lowercase().as_str(),
                            "from" | "by" | "'s" | "’s" | "'" | "’"
                        )
                }))
    };
    for k in c.children(o).filter(|&k| owner(k)).collect::<Vec<_>>() {
        for e in c.actors_of(k) {
            if !target.contains(&e) {
                target.push(e);
            }
        }
    }
}

/// "will release Prime Minister Mahendra Chaudhry": those released are
/// acted on, unlike the troops a side withdraws; a released statement or
/// video names no one released.
pub(super) fn releases(c: &Clause<'_>, verb: &Verb, act: EventType) -> bool {
    let named = |o: usize| c.doc.tokens[o].pos == Some("PROPN");
    let someone = |o: usize| {
        named(o) || c.nominal(o).is_some() || c.children(o).any(|k| c.dep(k) == "appos" && named(k))
    };
    c.reread
        && act == EventType::Retreat
        && matches!(
            c.lex.lemma(&verb.form).to_lowercase().as_str(),
            "release" | "free"
        )
        && c.children(verb.v).any(|o| c.dep(o) == "obj" && someone(o))
}
