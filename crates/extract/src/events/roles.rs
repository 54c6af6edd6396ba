//! Who acts on whom (step 4): sources from the subject, targets from objects and "to", "against"
//! and "with" phrases, swapped by a passive; who acts in an attack; an aid's recipients.

use super::*;

/// Who acts and who is acted on, and the phrase acted on.
pub(super) struct Roles {
    pub(super) source: Vec<EntityId>,
    pub(super) target: Vec<EntityId>,
    /// The object (or what stands for it) that holds the theme.
    pub(super) theme_head: Option<usize>,
}

/// The sources and targets of an event: the subject acts; the indirect
/// object, "to"/"towards"/"for"/"with"/"against"/"on" phrases and (but for
/// aid) the object are acted on; a passive turns these round. `None` when
/// no actor is named.
pub(super) fn roles(
    c: &Clause<'_>,
    verb: &Verb,
    act: EventType,
    demander: Option<usize>,
) -> Option<Roles> {
    let v = verb.v;
    let actors_of = |head: usize| c.actors_of(head);
    // A subject that names no actor may be a misparse ("committed themselves
    // towards sending", "towards" read as a noun): the governing clause's subject then gives.
    let names_actor = |sj: usize| !actors_of(sj).is_empty();
    let subject = c.subject_where(v, names_actor).or_else(|| c.subject(v));
    let mut source = subject.map(actors_of).unwrap_or_default();
    reread::split_subjects(c, subject, &mut source);
    reread::pronoun_sources(c, subject, &mut source);
    sources::forces_owner(c, subject, &mut source);
    reread::drop_opponents(c, subject, &mut source);
    reread::hung_on_a_name(c, v, &mut source);
    let mut obj = c
        .object(v)
        .or_else(|| bare_noun_oblique(c, v))
        .or_else(|| targets::shared_object(c, v, act));
    let mut target_tokens = recipient_phrases(c, verb, act, obj);
    reread::addressee_only(c, v, act, &mut target_tokens);
    let aid = act == EventType::Aid;
    // "provide Ukraine with 500 million euros": the object receives, the "with" phrase is given.
    let with_phrase = || {
        c.children(v).find(|&j| {
            c.dep(j) == Some(Dep::Obl)
                && c.children(j)
                    .any(|k| c.word(k).eq_ignore_ascii_case("with"))
        })
    };
    if let (true, Some(o), Some(w)) = (aid, obj, with_phrase()) {
        if !actors_of(o).is_empty() {
            target_tokens.retain(|t| !c.subtree(w, &[]).contains(t));
            target_tokens.extend(c.subtree(o, &[Dep::Acl]));
            obj = Some(w);
        }
    }
    let mut target = c.actors_among(&target_tokens);
    if target.is_empty() {
        target = targets::people_among(c, &target_tokens);
    }
    // "withdraw its troops": what is pulled back is not acted on.
    if !aid && (act != EventType::Retreat || reread::releases(c, verb, act)) {
        // "threatened to ban the candidates": the complement's object.
        let complement_obj = || {
            c.children(v)
                .filter(|&x| c.dep(x) == Some(Dep::Xcomp))
                .find_map(|x| c.object(x))
        };
        // Not when the one addressed is named: "urged the UK not to join any US-led action".
        let complement_obj = || complement_obj().filter(|_| !reread::addressed(c, v));
        let acted_on = obj
            .or_else(complement_obj)
            .map(|o| targets::actors_or_people(c, o, act));
        add_actors(&mut target, acted_on.unwrap_or_default());
    }
    reread::pronoun_targets(c, v, act, &source, &mut target);
    reread::complement_pronoun_targets(c, v, act, &source, &mut target);
    reread::owner_targets(c, v, act, obj, &mut target);
    let reduced = reread::reduced_passive(c, verb);
    if reduced {
        target.clear(); // what the harmed did ("fighting Isis") names no one harmed
    }
    // "Mary Jones, the party leader, called on companies to cut prices": a past
    // form the parse hung on the name as a participle, but active.
    let asks_on = reread::asks_on(c, v, act);
    if asks_on && source.is_empty() {
        let h = c.doc.tokens[v].head.unwrap_or(v);
        source = c.actors_among(&c.phrase_tokens(h, true));
    }
    let passive = !asks_on && (reduced || passive_voice(c, verb));
    by_voice(c, v, act, passive, &mut source, &mut target);
    if !passive && target.is_empty() {
        target = phrases::purpose_targets(c, v, act);
    }
    fill_roles(c, verb, act, passive, demander, &mut source, &mut target);
    phrases::asked_only(c, v, act, &mut target);
    target.retain(|t| !source.contains(t));
    // An event needs a political or social actor who acts. A subject that
    // names none ("I", "it", "the jury") makes no event, unless the verb is
    // an agentless passive ("was arrested") or its subject is an attack ("a
    // roadside bombing killed a soldier"); with no subject found at all, the
    // one acted on must be named.
    let subject = c.subject(v).filter(|_| !passive);
    let attack = |sj: usize| {
        c.subtree(sj, &[])
            .iter()
            .any(|&j| ATTACK_NOUNS.contains(&singular(c.word(j)).as_str()))
    };
    // (Whether an event exists is the first reading's to say: the second may find no one.)
    let no_actor =
        source.is_empty() && (target.is_empty() || subject.is_some_and(|sj| !attack(sj)));
    if no_actor && !c.reread {
        return None;
    }
    let theme_head = obj.or_else(|| {
        verb.scope
            .iter()
            .copied()
            .find(|&j| j != v && c.dep(j) == Some(Dep::Obj))
    });
    Some(Roles {
        source,
        target,
        theme_head,
    })
}

/// The roles a passive turns round, and the attackers a hostile act with no
/// source names elsewhere ("was shelled by rebels", "a bombing claimed by X").
fn by_voice(
    c: &Clause<'_>,
    v: usize,
    act: EventType,
    passive: bool,
    source: &mut Vec<EntityId>,
    target: &mut Vec<EntityId>,
) {
    if passive {
        turn_round(c, v, source, target);
        attack_subject_acts(c, v, source, target);
        if source.is_empty() && hostile(act) {
            *source = reread::attackers(c, v);
        }
        if source.is_empty() && act == EventType::Assault {
            *source = sources::fought_with(c, v);
        }
    } else if source.is_empty() && hostile(act) {
        *source = reread::attack_claimants(c, v);
        if source.is_empty() {
            *source = sources::attack_by(c, v);
        }
    }
}

/// What stands for a missing object: a bare noun phrase the parse hung as an
/// oblique ("arrested more than 100 Palestinians"), not a time.
fn bare_noun_oblique(c: &Clause<'_>, v: usize) -> Option<usize> {
    c.children(v).find(|&j| {
        c.dep(j) == Some(Dep::Obl)
            && c.doc.tokens[j].pos.is_some_and(Upos::is_noun)
            && !c.children(j).any(|k| c.dep(k) == Some(Dep::Case))
            && !in_time(c, j)
    })
}

/// A passive's subject is acted on, its "by" phrase acts: "a camp for
/// refugees was attacked by militiamen". Without a subject of its own, the
/// one the subject search found ("after being driven out") or the noun a
/// participle describes ("people detained by Isis") is acted on.
pub(super) fn turn_round(
    c: &Clause<'_>,
    v: usize,
    source: &mut Vec<EntityId>,
    target: &mut Vec<EntityId>,
) {
    // "targeted, expelled and killed by Isis": the parse may hang the
    // "by" phrase on either conjunct.
    let agent = by_agent(c, v)
        .or_else(|| passive_conjunct_of(c, v).and_then(|h| by_agent(c, h)))
        .or_else(|| reread::later_conjunct_agent(c, v))
        .or_else(|| sources::stray_by_agent(c, v));
    // "In eastern Ghouta, scene of the attack, 200 civilians were killed":
    // of two subjects the parse gave apart by a comma, the one that names actors.
    let subjects: Vec<usize> = c
        .children(v)
        .filter(|&k| c.dep(k) == Some(Dep::Nsubj))
        .collect();
    let set_off = |k: usize| {
        subjects
            .first()
            .is_some_and(|&f| (f..k).any(|j| crate::tree::is_comma(c.doc, j)))
    };
    let naming = subjects.iter().copied().find(|&k| {
        c.reread && !c.actors_of(k).is_empty() && (Some(&k) == subjects.first() || set_off(k))
    });
    let own = naming.or(subjects.first().copied());
    let described = || {
        matches!(c.dep(v), Some(Dep::Acl | Dep::Amod))
            .then(|| c.doc.tokens[v].head)
            .flatten()
            .filter(|&h| h >= c.a && h < c.b)
    };
    let patient = match own.or_else(described) {
        Some(ps) => Some(c.actors_of(ps))
            .filter(|a| !a.is_empty())
            .unwrap_or_else(|| targets::referents_or_people(c, ps)),
        None => std::mem::take(source),
    };
    *source = agent.map(|a| c.actors_of(a)).unwrap_or_default();
    *target = patient.into_iter().chain(target.drain(..)).collect();
}

/// "The attack by Ansar al-Tawhid fighters was carried out in Hama": a
/// passive whose subject is the attack itself has its attackers in the
/// subject's "by" phrase or possessor (in the second reading also its
/// country's or people's modifier: "Russian missiles were fired at"), not
/// among those acted on.
pub(super) fn attack_subject_acts(
    c: &Clause<'_>,
    v: usize,
    source: &mut Vec<EntityId>,
    target: &mut Vec<EntityId>,
) {
    let Some(sj) = c.subject(v) else {
        return;
    };
    let noun = singular(c.word(sj));
    if !source.is_empty()
        || !(ATTACK_NOUNS.contains(&noun.as_str()) || acts::launched_attack(&noun))
    {
        return;
    }
    let attackers: Vec<EntityId> = c
        .children(sj)
        .filter(|&k| {
            let marked = |w: &str| marked_by(c.doc, k, w);
            // (Second reading) "Israeli missiles were fired at …": whose weapon or attack it is.
            let whose = c.reread
                && matches!(c.dep(k), Some(Dep::Amod | Dep::Compound))
                && mention_of(c, k, &[EntityType::Gpe, EntityType::Norp]);
            whose || c.dep(k) == Some(Dep::Nmod) && (marked("by") || marked("'s") || marked("’s"))
        })
        .flat_map(|k| c.actors_of(k))
        .collect();
    target.retain(|t| !attackers.contains(t));
    *source = attackers;
}

/// Whether the verb is passive: a passive subject or auxiliary; a "be" or
/// "get" before a participle with no object (the parse may label its subject
/// plain "nsubj"); a bare past participle with a "by" phrase ("civilians
/// killed by the coalition") or describing a noun ("people detained by
/// Isis"), or coordinated with a passive ("targeted, expelled and killed by
/// Isis", "had been killed and the children severely injured").
pub(super) fn passive_voice(c: &Clause<'_>, verb: &Verb) -> bool {
    let v = verb.v;
    if auxiliary_passive(c, v) {
        return true;
    }
    let no_object = c.object(v).is_none();
    let unaided = c.children(v).all(|k| c.dep(k) != Some(Dep::Aux));
    let participle = c.doc.tokens[v].tag == Some(Xpos::Vbn);
    // "civilians killed by the coalition": a participle with an agent and no
    // auxiliary, whatever the parse made of its noun.
    if participle && no_object && unaided && by_agent(c, v).is_some() {
        return true;
    }
    // "were rounded up, shot or beheaded": a later conjunct with no subject
    // of its own shares the passive, whatever tag the past form got.
    let own_subject = c.children(v).any(|k| c.dep(k) == Some(Dep::Nsubj));
    // ("had been killed and the children severely injured": a participle may have one).
    let past = participle || (c.doc.tokens[v].tag == Some(Xpos::Vbd) && !own_subject);
    describing_participle(c, v)
        || sources::set_off_participle(c, v)
        || (past && no_object && unaided && passive_conjunct_of(c, v).is_some())
}

/// A bare past participle describing a noun: "people detained by Isis".
pub(super) fn describing_participle(c: &Clause<'_>, v: usize) -> bool {
    c.doc.tokens[v].tag == Some(Xpos::Vbn)
        && matches!(c.dep(v), Some(Dep::Acl | Dep::Amod))
        && c.children(v)
            .all(|k| !matches!(c.dep(k), Some(Dep::Obj | Dep::Aux)))
}

/// A passive by its auxiliary: a "be" or "get" before a participle with no
/// object (the parser has no passive labels: its subject is plain "nsubj").
pub(super) fn auxiliary_passive(c: &Clause<'_>, v: usize) -> bool {
    let no_object = c.object(v).is_none();
    let be_aux = c.has_auxiliary(v, AUX, &crate::tree::PASSIVE_AUXILIARIES);
    // (Second reading, so no event is added or lost) "have been promised the
    // presence of commandos", "was being detained pending charges": a
    // participle after "been" or "being" is passive whatever object the
    // parse gave it (a second object, a misread phrase).
    let been = c.reread
        && c.doc.tokens[v].tag == Some(Xpos::Vbn)
        && c.has_auxiliary(v, AUX, &["been", "being"]);
    be_aux && (no_object || been) && !c.word(v).ends_with("ing")
}

/// Whether token `j` lies in a mention of one of these types.
pub(super) fn mention_of(c: &Clause<'_>, j: usize, types: &[EntityType]) -> bool {
    c.doc
        .mentions
        .iter()
        .any(|m| types.contains(&m.ty) && crate::tree::holds_token(c.doc, m.span, j))
}

/// The passive verb `v` is coordinated with, if any: up the chain of
/// conjuncts ("rounded up, shot or beheaded") to a passive one.
pub(super) fn passive_conjunct_of(c: &Clause<'_>, v: usize) -> Option<usize> {
    conjunct_heads(c, v, |_| true).find(|&h| auxiliary_passive(c, h) || describing_participle(c, h))
}

/// The head of who does a verb's act: a passive's "by" phrase (a passive's
/// subject is the one acted on), else the subject, up the tree if need be
/// ("police who raided", "Kurdish forces fighting Isis").
pub(super) fn who_acts(c: &Clause<'_>, verb: &Verb) -> Option<usize> {
    if passive_voice(c, verb) {
        return by_agent(c, verb.v);
    }
    c.subject(verb.v)
}

/// The "by" phrase of `h`, its agent when `h` is passive.
pub(super) fn by_agent(c: &Clause<'_>, h: usize) -> Option<usize> {
    c.children(h)
        .find(|&k| crate::tree::is_by_phrase(c.doc, k, c.a, c.b))
}

/// The roles the clause leaves to fill: a passive's place acting (its
/// authorities), the place acted in as target, those asked to act, and for
/// a reported demand the one who demands.
pub(super) fn fill_roles(
    c: &Clause<'_>,
    verb: &Verb,
    act: EventType,
    passive: bool,
    demander: Option<usize>,
    source: &mut Vec<EntityId>,
    target: &mut Vec<EntityId>,
) {
    let (doc, v) = (c.doc, verb.v);
    let aid = act == EventType::Aid;
    let place_of = |j: usize| {
        doc.mentions
            .iter()
            .filter(|m| {
                matches!(m.ty, EntityType::Gpe | EntityType::Loc)
                    && crate::tree::holds_token(doc, m.span, j)
            })
            .find_map(|m| m.entity)
    };
    // In the second reading the place acted in is the event's `place`, no role (#24's convention).
    let in_place = verb
        .scope
        .iter()
        .copied()
        .filter(|_| !c.reread)
        .filter(|&j| {
            matches!(c.dep(j), Some(Dep::Obl | Dep::Nmod))
                && c.children(j).any(|k| c.word(k).eq_ignore_ascii_case("in"))
        })
        .find_map(place_of);
    // "was arrested in Lebanon": with no one named acting, the place's
    // authorities did; a state's acts only, not a killing.
    if passive
        && source.is_empty()
        && matches!(
            act,
            EventType::Coerce | EventType::Accuse | EventType::Sanction
        )
    {
        // (Second reading, so no event is added) "was arrested …, police
        // said": the police named acting or speaking in the sentence arrested
        // or charged, before the place's authorities.
        // Only an arrest, a detention or a charge: "hijacked …, police said" was no police act.
        if c.reread && act != EventType::Sanction && acts::custody(c.lex.lemma(&verb.form)) {
            source.extend(police_beside(c).into_iter().filter(|p| !target.contains(p)));
        }
        if source.is_empty() {
            source.extend(in_place.filter(|p| !target.contains(p)));
        }
    }
    // "demonstrated in Serbia", "a curfew in Algiers": with no one else
    // acted on, the place acted in (PLOVER codes it as the target).
    if target.is_empty() && !aid {
        target.extend(in_place.filter(|p| !source.contains(p)));
    }
    // "demanded that the US cancel …": those asked to act.
    if target.is_empty()
        && matches!(
            act,
            EventType::Request | EventType::Accuse | EventType::Threaten | EventType::Reject
        )
    {
        if let Some(sj) = c
            .children(v)
            .find(|&x| c.dep(x) == Some(Dep::Ccomp))
            .and_then(|x| c.children(x).find(|&j| c.dep(j) == Some(Dep::Nsubj)))
        {
            *target = c.actors_of(sj);
        }
    }
    if let Some(h) = demander {
        // The obliged are the target; the one who says so, the source.
        *target = std::mem::take(source);
        *source = c.subject(h).map(|sj| c.actors_of(sj)).unwrap_or_default();
    }
}

/// The police who act or speak in the sentence ("police said", "after
/// police searched a house", "an officer of the county Police Department
/// said"): the subject of an active verb, or its "of" phrase, that the agents
/// dictionary codes as police (COP) or that lies in an organisation's name
/// holding such a word. Who made an arrest or a charge no one is named for.
fn police_beside(c: &Clause<'_>) -> Vec<EntityId> {
    let doc = c.doc;
    let cop = |w: &str| super::political::in_sectors(c.lex, w, &["COP"]);
    let police = |k: usize| {
        (doc.tokens[k].pos.is_some_and(Upos::is_noun) && cop(c.word(k)))
            || doc.mentions.iter().any(|m| {
                m.ty == EntityType::Org
                    && crate::tree::holds_token(doc, m.span, k)
                    && doc.span_text(m.span).split_whitespace().any(cop)
            })
    };
    let active_subject = |k: usize| {
        c.dep(k) == Some(Dep::Nsubj) && doc.tokens[k].head.is_some_and(|h| !auxiliary_passive(c, h))
    };
    (c.a..c.b)
        .filter(|&k| active_subject(k))
        .flat_map(|k| {
            let of = c.nmods(k, "of");
            std::iter::once(k).chain(of).collect::<Vec<_>>()
        })
        .find(|&k| police(k))
        .map(|k| c.actors_of(k))
        .unwrap_or_default()
}

/// The tokens of the phrases that name whom an act is aimed at or given to.
pub(super) fn recipient_phrases(
    c: &Clause<'_>,
    verb: &Verb,
    act: EventType,
    obj: Option<usize>,
) -> Vec<usize> {
    let doc = c.doc;
    let aid = act == EventType::Aid;
    // "withdraw from Chad": what is left is acted on.
    let left = matches!(act, EventType::Retreat)
        || matches!(
            stem_of(&verb.form),
            "withdraw" | "withdrew" | "evacuat" | "expell" | "pull"
        );
    let (mut tokens, mut grounds) = (Vec::new(), Vec::new());
    for &j in &verb.scope {
        let d = c.dep(j);
        if !doc.tokens[j].head.is_some_and(|h| verb.scope.contains(&h)) {
            continue;
        }
        let marked = |words: &[&str]| {
            c.children(j)
                .any(|k| words.contains(&c.word(k).to_lowercase().as_str()))
        };
        // "sending systems to Ukraine", "€225m for the Gambia": the parse may
        // hang the phrase on the thing given; it still names the recipient.
        let recipient_of_goods = aid && d == Some(Dep::Nmod) && marked(&["to", "for"]);
        // "a blockade on Palestinian lorries": the one a thing is aimed at.
        let aimed = !aid
            && d == Some(Dep::Nmod)
            && (obj.is_some_and(|o| doc.tokens[j].head == Some(o) && !phrases::topic_of(c, o, j))
                && marked(&["against", "on"])
                || reread::against_nominal(c, verb.v, j, act)
                || truce_with(c, act, obj, j));
        // (Second reading) "lashed out at Trump", "fired at the convoy";
        // "fought alongside the SDF".
        let aimed_at = c.reread
            && d == Some(Dep::Obl)
            && ((hostile(act) || matches!(act, EventType::Accuse | EventType::Threaten))
                && marked(&["at"])
                // ("at the hands of the rebels" says who did it.)
                && !c.word(j).eq_ignore_ascii_case("hands")
                || (cooperative(act) && marked(&["alongside"])));
        // (Second reading) "criticised Bolton for his insistence", "was
        // sentenced for reporting": a "for" phrase of blame or harm gives
        // its ground, not whom it is aimed at; "according to" its source.
        if c.reread
            && ((d == Some(Dep::Obl) && reread::blames(act) && marked(&["for"]))
                || marked(&["according"]))
        {
            grounds.extend(c.subtree(j, &[]));
            continue;
        }
        // "on behalf of the regime": for whom, not against whom.
        if c.reread && c.word(j).eq_ignore_ascii_case("behalf") {
            grounds.extend(c.subtree(j, &[]));
            continue;
        }
        if d == Some(Dep::Iobj)
            || aimed_at
            || (d == Some(Dep::Obl)
                && (marked(&["to", "towards", "for", "with", "against", "on"])
                    // (Second reading) "called upon the UN": an "on" on the
                    // verb itself (not "restrictions placed upon"); the first
                    // reading's events stay as they were.
                    || c.reread
                        && doc.tokens[j].head == Some(verb.v)
                        && marked(&["upon"]))
                && !phrases::sends_away(c, act, j))
            || (d == Some(Dep::Obl) && left && marked(&["from"]))
            || aimed
            || recipient_of_goods
            || phrases::attack_aimed(c, act, j)
        {
            tokens.extend(c.subtree(j, &[]));
        }
    }
    tokens.retain(|t| !grounds.contains(t));
    tokens
}

/// (Second reading) "declared a ceasefire with Hamas": a withdrawal's object
/// is what is pulled back or ended, so names no one acted on, but a "with"
/// phrase hung on it names the other side.
fn truce_with(c: &Clause<'_>, act: EventType, obj: Option<usize>, j: usize) -> bool {
    c.reread
        && act == EventType::Retreat
        && obj.is_some_and(|o| c.doc.tokens[j].head == Some(o))
        && marked_by(c.doc, j, "with")
}
