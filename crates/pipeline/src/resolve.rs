//! Entity resolution within a document: one entity per real thing.
//!
//! Starts from the first grouping (same type and name, surnames joining full
//! names) and merges further: country names and their variants through the
//! country knowledge base ("US", "U.S.", "America"), demonyms into their
//! country, acronyms into the names they abbreviate, and likely misspellings
//! of a person's name (flagged with a `name_variant` warning). A capital
//! that acts ("Washington is trying…", "Beijing's ambition") points at its
//! country; "in Washington" stays the city.

use dossier_core::Dep;
use std::collections::HashMap;

use dossier_core::{ById, Document, Entity, EntityId, EntityType, IdVec, MentionId, Span, Warning};

use dossier_core::names::without_initials;
use dossier_extract::countries::{edit_distance, Countries, Country};
use dossier_extract::given_names;

use crate::entities::name_key;

/// Disjoint sets over entity indices.
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    /// Joins `b`'s set into `a`'s; `a`'s root stays the root.
    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[rb] = ra;
        }
    }
}

/// Whether the mention acts in its sentence: a subject, or a possessor
/// ("Beijing's ambition"). Without a parse only the possessive is seen.
fn acts(doc: &Document, span: Span) -> bool {
    let text = doc.text();
    let after = text[span.end..].trim_start_matches(' ');
    if after.starts_with("'s") || after.starts_with("’s") {
        return true;
    }
    let i = doc.tokens.partition_point(|t| t.span.end <= span.start);
    let last = doc.tokens[i..]
        .iter()
        .take_while(|t| t.span.end <= span.end)
        .count();
    let Some(head) = (last > 0).then(|| i + last - 1) else {
        return false;
    };
    doc.tokens[head].dep == Some(Dep::Nsubj)
}

/// Initials of the capitalised words: "North Atlantic Treaty Organization" → "NATO".
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Two to six capitals: "NATO", "SDF".
pub(crate) fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.len()) && name.chars().all(|c| c.is_ascii_uppercase())
}

/// Merges the first grouping's entities and fills `kb` and `key`.
pub fn resolve(doc: &mut Document, countries: &Countries) {
    let n = doc.entities.len();
    if n == 0 {
        return;
    }
    let text = doc.text().to_string();
    let mut sets = Sets((0..n).collect());
    let mut warnings = Vec::new();
    // The country each entity stands for.
    let country = countries_named(doc, countries, &mut warnings);
    join_countries(doc, &country, &mut sets);
    join_acronyms(&doc.entities, &mut sets);
    let retyped = join_name_forms(&doc.entities, &country, &mut sets);
    for &ei in &retyped {
        let root_type = doc.entities[sets.find(ei)].ty;
        for &m in &doc.entities[ei].mentions {
            doc.mentions[m].ty = root_type;
        }
    }
    join_misspelt_persons(doc, &text, &mut sets, &mut warnings);
    let (mut entities, mut mention_entity) = rebuild(doc, &mut sets, &country, countries);
    capitals_to_countries(doc, &text, countries, &mut entities, &mut mention_entity);
    doc.entities = attach_mentions(doc, entities, &mention_entity);
    for w in warnings {
        doc.warn(w);
    }
}

/// The country each entity stands for: a GPE or an ORG by its names, a NORP by its demonyms
/// (or a likely misspelling of one, with a warning).
fn countries_named(
    doc: &Document,
    countries: &Countries,
    warnings: &mut Vec<Warning>,
) -> Vec<Option<usize>> {
    let mut country = vec![None; doc.entities.len()];
    for (ei, e) in doc.entities.iter().enumerate() {
        let names = || std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str));
        country[ei] = match e.ty {
            EntityType::Gpe => names().find_map(|s| countries.by_name(s)),
            EntityType::Norp => names().find_map(|s| countries.by_demonym(s)).or_else(|| {
                let c = countries.by_misspelt_demonym(&e.name)?;
                let spans = e.mentions.iter().map(|&m| doc.mentions[m].span).collect();
                warnings.push(Warning {
                    code: "name_variant",
                    message: format!(
                        "\"{}\" looks like a misspelling of a demonym of {}",
                        e.name, countries.list[c].name
                    ),
                    spans,
                });
                Some(c)
            }),
            // "The US has also said": a country named is a GPE, even acting.
            EntityType::Org => names().find_map(|s| countries.by_name(s)),
            _ => None,
        };
    }
    country
}

/// One entity per country, named by its GPE mention if there is one; an ORG's mentions of a
/// country become GPE mentions.
fn join_countries(doc: &mut Document, country: &[Option<usize>], sets: &mut Sets) {
    for (ei, c) in country.iter().enumerate() {
        if c.is_some() && doc.entities[ei].ty == EntityType::Org {
            for &m in &doc.entities[ei].mentions {
                doc.mentions[m].ty = EntityType::Gpe;
            }
        }
    }
    let mut first_of_country: HashMap<usize, usize> = HashMap::new();
    for (ei, c) in country.iter().enumerate() {
        if let Some(c) = *c {
            if doc.entities[ei].ty == EntityType::Gpe {
                first_of_country.entry(c).or_insert(ei);
            }
        }
    }
    for (ei, c) in country.iter().enumerate() {
        if let Some(c) = *c {
            match first_of_country.get(&c) {
                Some(&root) => sets.join(root, ei),
                None => {
                    first_of_country.insert(c, ei);
                }
            }
        }
    }
}

/// Acronyms: "NATO" joins "North Atlantic Treaty Organization".
fn join_acronyms(entities: &[Entity], sets: &mut Sets) {
    for (ei, e) in entities.iter().enumerate() {
        if !is_acronym(&e.name) {
            continue;
        }
        if let Some(long) = (0..entities.len()).find(|&j| {
            j != ei
                && matches!(
                    entities[j].ty,
                    EntityType::Org | EntityType::Gpe | EntityType::Norp
                )
                && initials(&entities[j].name) == e.name
                && entities[j].name.contains(' ')
        }) {
            sets.join(long, ei);
        }
    }
}

/// Likely misspellings of a person's name: same number of words, each within a small edit
/// distance, the surnames nearly equal. Joined, with a `name_variant` warning.
fn join_misspelt_persons(doc: &Document, text: &str, sets: &mut Sets, warnings: &mut Vec<Warning>) {
    let n = doc.entities.len();
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (&doc.entities[i], &doc.entities[j]);
            if a.ty != EntityType::Person
                || b.ty != EntityType::Person
                || sets.find(i) == sets.find(j)
                || !same_person_spelling(&a.name, &b.name)
            {
                continue;
            }
            // The spans of the two spellings, not of every short form.
            let spans = a
                .mentions
                .iter()
                .chain(&b.mentions)
                .map(|&m| doc.mentions[m].span)
                .filter(|s| s.of(text) == a.name || s.of(text) == b.name)
                .collect();
            warnings.push(Warning {
                code: "name_variant",
                message: format!(
                    "\"{}\" and \"{}\" look like one name spelt two ways",
                    a.name, b.name
                ),
                spans,
            });
            // The more frequent spelling names the entity.
            if b.mentions.len() > a.mentions.len() {
                sets.join(j, i);
            } else {
                sets.join(i, j);
            }
        }
    }
}

/// One entity per set, named by its root, with every other name as an alias; a country is
/// named by the knowledge base and is a GPE. Returns the entities and each mention's entity.
fn rebuild(
    doc: &mut Document,
    sets: &mut Sets,
    country: &[Option<usize>],
    countries: &Countries,
) -> (Vec<Entity>, IdVec<MentionId, Option<EntityId>>) {
    let mut root_index: HashMap<usize, EntityId> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    let old = std::mem::take(&mut doc.entities);
    let mut mention_entity = IdVec::filled(None, doc.mentions.len());
    for (ei, e) in old.iter().enumerate() {
        let root = sets.find(ei);
        let new = *root_index.entry(root).or_insert_with(|| {
            let r = &old[root];
            let id = entities.next_id();
            entities.push(Entity {
                name: r.name.clone(),
                ty: r.ty,
                mentions: Vec::new(),
                aliases: Vec::new(),
                kb: Vec::new(),
                key: None,
            });
            id
        });
        for &m in &e.mentions {
            mention_entity[m] = Some(new);
        }
        let ne = &mut entities[new];
        for alias in std::iter::once(&e.name).chain(&e.aliases) {
            if *alias != ne.name && !ne.aliases.contains(alias) {
                ne.aliases.push(alias.clone());
            }
        }
        if let Some(c) = country[ei] {
            name_as_country(ne, &countries.list[c]);
        }
    }
    (entities, mention_entity)
}

/// Links an entity to its country; a GPE, NORP or ORG that stands for it takes its name and
/// becomes a GPE.
fn name_as_country(entity: &mut Entity, country: &Country) {
    entity.kb = vec![("iso3166", country.iso.clone())];
    if matches!(
        entity.ty,
        EntityType::Gpe | EntityType::Norp | EntityType::Org
    ) {
        if entity.name != country.name {
            let old_name = std::mem::replace(&mut entity.name, country.name.clone());
            if !entity.aliases.contains(&old_name) {
                entity.aliases.push(old_name);
            }
        }
        entity.ty = EntityType::Gpe;
    }
}

/// An acting capital ("Washington is trying…") points at its country's entity (made if the
/// document has none); "in Washington" stays the city.
fn capitals_to_countries(
    doc: &Document,
    text: &str,
    countries: &Countries,
    entities: &mut Vec<Entity>,
    mention_entity: &mut IdVec<MentionId, Option<EntityId>>,
) {
    for (mi, m) in doc.mentions.with_ids() {
        if m.ty != EntityType::Gpe || mention_entity[mi].is_none() {
            continue;
        }
        let surface = m.span.of(text);
        let Some(c) = countries.by_capital(surface) else {
            continue;
        };
        if countries.by_name(surface).is_some() || !acts(doc, m.span) {
            continue;
        }
        let iso = &countries.list[c].iso;
        let target = match entities
            .iter()
            .position(|e| e.kb.iter().any(|(k, v)| *k == "iso3166" && v == iso))
        {
            Some(t) => EntityId::new(t),
            None => {
                let id = entities.next_id();
                entities.push(Entity {
                    name: countries.list[c].name.clone(),
                    ty: EntityType::Gpe,
                    mentions: Vec::new(),
                    aliases: Vec::new(),
                    kb: vec![("iso3166", iso.clone())],
                    key: None,
                });
                id
            }
        };
        if !entities[target].aliases.iter().any(|a| a == surface) {
            entities[target].aliases.push(surface.to_string());
        }
        mention_entity[mi] = Some(target);
    }
}

/// Points mentions at their entities, drops entities left without mentions (a capital whose
/// every mention acted) and fills each entity's key.
fn attach_mentions(
    doc: &mut Document,
    mut entities: Vec<Entity>,
    mention_entity: &IdVec<MentionId, Option<EntityId>>,
) -> Vec<Entity> {
    for (mi, m) in doc.mentions.iter_mut().enumerate() {
        let mi = MentionId::new(mi);
        if let Some(e) = mention_entity[mi] {
            m.entity = Some(e);
            entities[e].mentions.push(mi);
        }
    }
    // Those left without mentions are renumbered to none.
    let mut renumber = IdVec::filled(None, entities.len());
    let mut next = 0;
    for (i, e) in entities.with_ids() {
        if !e.mentions.is_empty() {
            renumber[i] = Some(EntityId::new(next));
            next += 1;
        }
    }
    entities.retain(|e| !e.mentions.is_empty());
    for m in &mut doc.mentions {
        m.entity = m.entity.and_then(|e| renumber[e]);
    }
    for e in &mut entities {
        e.mentions.sort_unstable();
        e.aliases.retain(|a| *a != e.name);
        e.key = Some(match e.kb.first() {
            Some((kb, id)) => format!("{kb}:{id}"),
            None => format!("{}:{}", e.ty.as_str(), name_key(&e.name, e.ty)),
        });
    }
    entities
}

/// Joins the forms of one name: a person's name with and without middle
/// initials ("Donald J. Trump"), one name given two types ("Trump" as a
/// person and as an organization: the type of more mentions wins), and a
/// lone surname of another type that the document's one full name ends in.
/// Returns the entities whose mentions take their new entity's type.
fn join_name_forms(entities: &[Entity], country: &[Option<usize>], sets: &mut Sets) -> Vec<usize> {
    let keys: Vec<String> = entities.iter().map(|e| name_key(&e.name, e.ty)).collect();
    let free = |i: usize| {
        country[i].is_none()
            && !matches!(
                entities[i].ty,
                EntityType::Date
                    | EntityType::Time
                    | EntityType::Money
                    | EntityType::Percent
                    | EntityType::Quantity
                    | EntityType::Cardinal
                    | EntityType::Ordinal
            )
    };
    let full_person = |i: usize| entities[i].ty == EntityType::Person && keys[i].contains(' ');
    let mut retyped = Vec::new();
    for i in 0..entities.len() {
        for j in i + 1..entities.len() {
            if !free(i) || !free(j) || sets.find(i) == sets.find(j) {
                continue;
            }
            let (a, b) = (&entities[i], &entities[j]);
            if a.ty != b.ty && keys[i] == keys[j] {
                let (root, other) = if b.mentions.len() > a.mentions.len() {
                    (j, i)
                } else {
                    (i, j)
                };
                sets.join(root, other);
                retyped.push(other);
            } else if full_person(i)
                && full_person(j)
                && keys[i] != keys[j]
                && without_initials(&keys[i]) == without_initials(&keys[j])
            {
                let (root, other) = if b.mentions.len() > a.mentions.len() {
                    (j, i)
                } else {
                    (i, j)
                };
                sets.join(root, other);
            }
        }
    }
    for i in (0..entities.len())
        .filter(|&i| free(i) && entities[i].ty != EntityType::Person && !keys[i].contains(' '))
    {
        let mut holders: Vec<usize> = (0..entities.len())
            .filter(|&j| full_person(j) && keys[j].rsplit(' ').next() == Some(keys[i].as_str()))
            .map(|j| sets.find(j))
            .collect();
        holders.dedup();
        if let [holder] = holders[..] {
            if sets.find(i) != holder {
                sets.join(holder, i);
                retyped.push(i);
            }
        }
    }
    retyped
}

/// "Volodymr Zelenskyy" and "Volodymyr Zelenskyy": the same number of
/// words, the last nearly equal, and the whole within two edits.
fn same_person_spelling(a: &str, b: &str) -> bool {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    if wa.len() != wb.len() || wa.len() < 2 || a.len() < 8 {
        return false;
    }
    let total = edit_distance(&a.to_lowercase(), &b.to_lowercase());
    let last = edit_distance(
        &wa[wa.len() - 1].to_lowercase(),
        &wb[wb.len() - 1].to_lowercase(),
    );
    // Given names of the two sexes name two people ("Eric" and "Erica Garner").
    let sexes_differ = matches!(
        (given_names::gender(wa[0]), given_names::gender(wb[0])),
        (Some(x), Some(y)) if x != y
    );
    (1..=2).contains(&total)
        && last <= 1
        && !sexes_differ
        && wa
            .iter()
            .zip(&wb)
            .all(|(x, y)| x.chars().next() == y.chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_people_and_initials() {
        assert!(same_person_spelling(
            "Volodymr Zelenskyy",
            "Volodymyr Zelenskyy"
        ));
        assert!(!same_person_spelling("Joe Biden", "Jill Biden"));
        assert!(
            !same_person_spelling("Erica Garner", "Eric Garner"),
            "a woman's and a man's given name"
        );
        assert!(same_person_spelling("Peter Santilli", "Pete Santilli"));
        assert_eq!(initials("North Atlantic Treaty Organization"), "NATO");
    }
}
