//! Actors as entities (step 4): the names of a role, the least embedded first; a common noun
//! that names an actor ("the government", "protesters") as a provisional entity of its own.

use super::*;

/// Nouns that count or gather the actors named after "of".
pub(super) const COLLECTIVES: &[&str] = &[
    "group",
    "number",
    "crowd",
    "band",
    "team",
    "delegation",
    "contingent",
    "thousand",
    "hundred",
    "dozen",
    "score",
    "member",
    "million",
];

/// Entities named in a span of tokens, heads only: "US President Joe Biden"
/// gives Biden, "the US, Germany and Romania" gives all three.
pub(super) fn actors(c: &Clause<'_>, tokens: &[usize]) -> Vec<Actor> {
    let (doc, lex) = (c.doc, c.lex);
    let Some(span) = tokens
        .iter()
        .min()
        .zip(tokens.iter().max())
        .map(|(&x, &y)| Span::new(doc.tokens[x].span.start, doc.tokens[y].span.end))
    else {
        return Vec::new();
    };
    let actor_type = |t: EntityType| {
        matches!(
            t,
            EntityType::Person | EntityType::Org | EntityType::Gpe | EntityType::Norp
        )
    };
    // Overlapping, not only inside: a name the parse split ("Moody/obl Awori/nsubj") still counts.
    // A token of the phrase, not only its hull: the clause a phrase leaves out
    // ("Turkey, which has attacked Kurdish forces,") lies inside its hull.
    let overlaps = |s: Span| s.start < span.end && span.start < s.end;
    let on_a_token = |m: &dossier_core::Mention| {
        tokens
            .iter()
            .any(|&j| crate::tree::touches_token(doc, m.span, j))
    };
    let inside: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| overlaps(m.span) && m.entity.is_some() && actor_type(m.ty) && on_a_token(m))
        .collect();
    // A name that only modifies another name ("US" in "US President Joe
    // Biden") is not an actor of its own; one that modifies a common noun
    // ("Hungarian officials", "Haiti's efforts") stands for it.
    let token_at = |pos: usize| doc.tokens.partition_point(|t| t.span.end <= pos);
    let modifies_a_name = |m: &dossier_core::Mention| {
        if reread::modifies_named_noun(c, &inside, m)
            || reread::titles_a_name(c, &inside, m)
            || reread::titles_next_name(c, &inside, m)
        {
            return true;
        }
        let mut t = token_at(m.span.end.saturating_sub(1)).min(doc.tokens.len() - 1);
        for _ in 0..4 {
            if !matches!(
                doc.tokens[t].dep,
                Some(Dep::Compound | Dep::Amod | Dep::Nmod | Dep::Flat)
            ) {
                return false;
            }
            let Some(h) = doc.tokens[t].head else {
                return false;
            };
            if inside
                .iter()
                .any(|o| !std::ptr::eq(*o, m) && crate::tree::holds_token(doc, o.span, h))
            {
                return true;
            }
            t = h;
        }
        false
    };
    let placed: Vec<_> = inside
        .iter()
        .map(|m| embedding(doc, tokens, m.span, c.reread))
        .collect();
    let shallowest = |conjunct: usize| placed.iter().filter(|p| p.0 == conjunct).map(|p| p.1).min();
    let kept: Vec<_> = inside
        .iter()
        .zip(&placed)
        .filter(|(_, p)| shallowest(p.0) == Some(p.1))
        .map(|(m, _)| *m)
        // Where the act was done names no actor, nor makes a deeper name one.
        .filter(|m| !reread::only_where(c, m))
        // A backer ("US-backed rebels") or a stretch of ground ("the Turkish border") acts not.
        .filter(|m| !phrases::backs_only(c, m) && !phrases::locates_ground(c, m))
        // "a New York man", "the Sochi talks": a town's name says where from or where held;
        // before a noun of people the town's name is kept, to name them ("a Springfield mogul").
        .filter(|m| !phrases::locates_noun(c, m) || phrases::whose_people(c, m).is_some())
        // "Democratic presidential candidate Hillary Clinton": the party titles a person.
        .filter(|m| !party_roles::titles_a_person(c, m))
        .collect();
    // "a British man", "Syrian militants": the people, not their country.
    let actor = |m: &&dossier_core::Mention| match nationality(doc, lex, m) {
        Some(people) => Some(Actor::People(people)),
        _ => reread::full_name(c, tokens, m)
            .or_else(|| reread::nationals_by_form(c, m))
            .or_else(|| nationals::nationals_behind_compound(c, m))
            .or_else(|| reread::group_people(c, m))
            .or_else(|| reread::counted_nationals(c, m))
            .or_else(|| party_roles::party_role(c, m))
            .or_else(|| reread::located_people(c, tokens, m))
            .or_else(|| phrases::whose_following(c, m))
            .or_else(|| phrases::whose_people(c, m))
            .or(m.entity.map(Actor::Entity)),
    };
    let heads: Vec<Actor> = kept
        .iter()
        .filter(|m| !modifies_a_name(m))
        .filter_map(actor)
        .collect();
    if !heads.is_empty() {
        return unique(heads);
    }
    // "Former Pentagon Chief of Staff John Brown" with the person hung below
    // the title: the person, not the title's owner.
    let people: Vec<_> = kept
        .iter()
        .filter_map(|m| reread::titled_person(c, &inside, m))
        .collect();
    let names = if people.len() == kept.len() {
        &people
    } else {
        &kept
    };
    unique(names.iter().filter_map(actor).collect())
}

/// `found` without repeats, in order.
fn unique(mut found: Vec<Actor>) -> Vec<Actor> {
    let mut seen = Vec::new();
    found.retain(|e| {
        let fresh = !seen.contains(e);
        seen.push(*e);
        fresh
    });
    found
}

/// Whether the phrase headed by `t` is marked by the case word `word`.
pub(super) fn marked_by(doc: &Document, t: usize, word: &str) -> bool {
    (t.saturating_sub(8)..(t + 2).min(doc.tokens.len())).any(|k| {
        doc.tokens[k].head == Some(t)
            && doc.tokens[k].dep == Some(Dep::Case)
            && doc.span_text(doc.tokens[k].span).eq_ignore_ascii_case(word)
    })
}

/// The common noun of people a country's name only describes, if it does:
/// "a British man", "Syrian militants" (people by the agent nouns' type),
/// not "Turkish troops" or "Hungarian officials", who act for the state.
pub(super) fn nationality(
    doc: &Document,
    lex: &EventLexicon,
    m: &dossier_core::Mention,
) -> Option<usize> {
    let country = is_country(doc, m);
    let t = doc
        .tokens
        .get(doc.tokens.partition_point(|t| t.span.end <= m.span.start))?;
    let modifier = matches!(t.dep, Some(Dep::Amod | Dep::Compound)) && t.span.end <= m.span.end;
    let h = t.head?;
    let people = doc.tokens[h].pos == Some(Upos::Noun)
        && lex
            .agents
            .get(&singular(doc.span_text(doc.tokens[h].span)))
            .is_some_and(|a| a.0 == EntityType::Norp);
    (country && modifier && people).then_some(h)
}

/// Whether a mention names a country (its entity has an ISO 3166 code).
pub(super) fn is_country(doc: &Document, m: &dossier_core::Mention) -> bool {
    m.entity
        .is_some_and(|e| doc.entities[e].kb.iter().any(|(k, _)| *k == "iso3166"))
}

/// An actor a phrase names: an entity, or the common noun of people a
/// nationality describes (the token, made an entity by `Clause::nominal`).
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Actor {
    Entity(EntityId),
    People(usize),
    /// A name read in full where the NER cut it (`reread::full_name`).
    Named(Span),
    /// The role noun a party's adjective modifies (`party_roles`), as `Clause::role_nominal` makes it.
    Role(usize),
    /// A country's people counted ("four Americans", `reread::counted_nationals`) or
    /// named by a noun of people ("a British film-maker", `reread::nationals_by_form`):
    /// the noun phrase.
    Counted(usize),
}

/// How deeply a name is embedded in its phrase's conjunct: the prepositional
/// phrases, clauses and appositions of a name between it and the conjunct's
/// head, and that head. Only the least embedded names of a conjunct act:
/// "Donald Trump's rhetoric on Syria" is Trump's, "Brandon Lewis, the
/// Conservative party chairman" Lewis's, while "the Sudanese government and
/// the rebels in Darfur" keeps Darfur for the rebels. In the second reading
/// (`nested`) a conjunct inside a phrase that describes a name is as deep
/// as that phrase ("Smith, a director and a general in the wars in Iraq and
/// Afghanistan"): no conjunct of the phrase's own.
pub(super) fn embedding(
    doc: &Document,
    tokens: &[usize],
    name: Span,
    nested: bool,
) -> (usize, usize) {
    let Some(mut t) = crate::tree::top_in(doc, name, tokens.iter().copied()) else {
        return (0, 0);
    };
    // ("Schiff, the top Democrat": a party's or faith's member is a noun too.)
    let group = || {
        doc.mentions
            .iter()
            .any(|m| m.span == name && m.ty == EntityType::Norp)
    };
    let mut depth = 0;
    // The first conjunct crossed, unless a description of a name holds it.
    let mut conjunct = None;
    let kind = doc.mentions.iter().find(|m| m.span == name).map(|m| m.ty);
    let of_its_kind = |h: usize| {
        doc.mentions
            .iter()
            .any(|m| Some(m.ty) == kind && crate::tree::holds_token(doc, m.span, h))
    };
    for _ in 0..tokens.len() {
        let Some(h) = doc.tokens[t].head.filter(|h| tokens.contains(h)) else {
            break;
        };
        // "Blackwell, founder of the Leadership Institute,": a title after a
        // comma the parse made a conjunct describes the person, as an apposition.
        if nested && describes_a_person(doc, t, h) {
            depth += 1;
            conjunct = None;
            t = h;
            continue;
        }
        if doc.tokens[t].dep == Some(Dep::Conj) {
            // (A name conjoined to a noun or a name of another kind is one of
            // the phrase's own: "Amin, from Leeds, and Khan", "Kotey, a
            // father, and Elsheikh".)
            let own = doc.tokens[t].pos == Some(Upos::Propn) && !of_its_kind(h);
            if !nested || own {
                conjunct = None;
                break;
            }
            conjunct = conjunct.or(Some((t, depth)));
            t = h;
            continue;
        }
        // "Russia, Assad's ally"; not "the director of GCHQ, Jeremy Fleming",
        // where the parse hangs the name on the nearest name, nor "Qatar's
        // emir, Sheikh Hamad", a title before the name.
        let describes_a_name = doc.tokens[t].dep == Some(Dep::Appos)
            && (doc.tokens[t].pos == Some(Upos::Noun) || group())
            && t > h
            && doc.tokens[h].pos == Some(Upos::Propn);
        // "the town of Gorazde", "members of Hamas": an "of" phrase names
        // what its noun is or is made of.
        // "Qatar's emir": a possessor the parse labels plain "nmod".
        let of_phrase = doc.tokens[t].dep == Some(Dep::Nmod)
            && ["of", "'s", "’s", "'", "’"]
                .iter()
                .any(|w| marked_by(doc, t, w));
        let embeds = !of_phrase
            && matches!(
                doc.tokens[t].dep,
                Some(
                    Dep::Nmod
                        | Dep::Acl
                        | Dep::Obl
                        | Dep::Obj
                        | Dep::Nsubj
                        | Dep::Advcl
                        | Dep::Ccomp
                        | Dep::Xcomp
                )
            );
        depth += usize::from(embeds || describes_a_name);
        if describes_a_name {
            conjunct = None;
        }
        t = h;
    }
    conjunct.unwrap_or((t, depth))
}

/// Whether the conjunct `t` of `h` is a person's title set off by a comma,
/// not a further actor: a singular common noun after a comma, joined by no
/// "and" or "or", conjoined to a person's name ("Grassley, chairman of the
/// Judiciary Committee,"; "the senator and the chairman of X" is two).
fn describes_a_person(doc: &Document, t: usize, h: usize) -> bool {
    let tok = &doc.tokens[t];
    let first = (h + 1..=t).find(|&k| {
        !crate::tree::is_comma(doc, k) && crate::tree::under(doc, k, t, 0, doc.tokens.len())
    });
    tok.dep == Some(Dep::Conj)
        && tok.pos == Some(Upos::Noun)
        && tok.tag == Some(Xpos::Nn)
        && t > h
        && first.is_some_and(|f| crate::tree::is_comma(doc, f - 1))
        && !(h + 1..t).any(|k| doc.tokens[k].dep == Some(Dep::Cc) && doc.tokens[k].head == Some(t))
        && doc
            .mentions
            .iter()
            .any(|m| m.ty == EntityType::Person && crate::tree::holds_token(doc, m.span, h))
}

/// Actors named by a common noun ("protesters", "the government"), found
/// while reading roles and numbered in the order found. Until `add_to` makes
/// those a kept event names entities of the document, each stands in the
/// events' roles as a provisional `EntityId` past `doc.entities` (`first`
/// on): `provisional` is the only place one is made, `nth` reads one back.
pub(super) struct Nominals {
    pub(super) first: usize,
    pub(super) found: std::cell::RefCell<IdVec<NominalId, (Span, String, EntityType, MentionKind)>>,
}

/// A common-noun actor, by its place among those `Nominals` found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct NominalId(usize);

impl Numbered for NominalId {
    fn from_index(index: usize) -> Self {
        NominalId(index)
    }
    fn to_index(self) -> usize {
        self.0
    }
}

impl Nominals {
    pub(super) fn index(&self, span: Span, name: String, ty: EntityType) -> EntityId {
        self.index_kind(span, name, ty, MentionKind::Nominal)
    }

    pub(super) fn index_kind(
        &self,
        span: Span,
        name: String,
        ty: EntityType,
        kind: MentionKind,
    ) -> EntityId {
        let mut found = self.found.borrow_mut();
        let seen = found.iter().find(|(_, f)| f.0 == span).map(|(n, _)| n);
        let n = seen.unwrap_or_else(|| found.push((span, name, ty, kind)));
        self.provisional(n)
    }

    /// The provisional entity a common-noun actor stands as in the roles.
    pub(super) fn provisional(&self, n: NominalId) -> EntityId {
        EntityId::new(self.first + n.0)
    }

    /// Which common-noun actor `a` is, when it is one (no entity of the document yet).
    pub(super) fn nth(&self, a: EntityId) -> Option<NominalId> {
        a.index().checked_sub(self.first).map(NominalId)
    }

    /// Adds the nominal actors the events name as entities with one mention
    /// each (mentions kept in text order), and renumbers the events' actors.
    pub(super) fn add_to(self, doc: &mut Document, events: &mut [Event]) {
        let found = self.found.take();
        let mut named = IdVec::filled(false, found.len());
        for e in events.iter() {
            for &a in e.source.iter().chain(&e.target) {
                if let Some(k) = self.nth(a) {
                    named[k] = true;
                }
            }
        }
        let mut new_index: IdVec<NominalId, Option<EntityId>> = IdVec::filled(None, found.len());
        let mut mentions: Vec<(dossier_core::Mention, Option<usize>)> = doc
            .mentions
            .drain(..)
            .enumerate()
            .map(|(i, m)| (m, Some(i)))
            .collect();
        for (k, (span, name, ty, kind)) in found {
            if !named[k] {
                continue;
            }
            let id = doc.entities.next_id();
            new_index[k] = Some(id);
            mentions.push((
                dossier_core::Mention {
                    span,
                    ty,
                    kind,
                    entity: Some(id),
                },
                None,
            ));
            doc.entities.push(dossier_core::Entity {
                name,
                ty,
                mentions: Vec::new(),
                aliases: Vec::new(),
                kb: Vec::new(),
                key: None,
            });
        }
        mentions.sort_by_key(|(m, _)| m.span.start);
        let mut moved: Renumber<MentionId> = IdVec::filled(MentionId::new(0), mentions.len());
        let mut added = Vec::new();
        for (new, (m, old)) in mentions.iter().enumerate() {
            let new = MentionId::new(new);
            match (old, m.entity) {
                (Some(old), _) => moved[MentionId::new(*old)] = new,
                (None, Some(e)) => added.push((e, new)),
                (None, None) => {}
            }
        }
        for e in &mut doc.entities {
            for m in &mut e.mentions {
                *m = moved[*m];
            }
        }
        for (e, m) in added {
            doc.entities[e].mentions.push(m);
        }
        doc.mentions = mentions.into_iter().map(|(m, _)| m).collect();
        for e in events.iter_mut() {
            for a in e.source.iter_mut().chain(e.target.iter_mut()) {
                if let Some(k) = self.nth(*a) {
                    *a = new_index[k].unwrap_or(*a);
                }
            }
        }
    }
}
