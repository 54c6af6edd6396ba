//! One stored entity per real-world thing. A document names its entities
//! by keys of its own (`PERSON:trump` where only the surname was written);
//! here each is resolved against what the store knows: a lone surname
//! joins the one stored full name that ends in it, a name with a middle
//! initial the same name without it, and the user's corrections come
//! first. Where a short name fits two different people, it stays apart
//! and the entity says so (`ambiguous`: the keys it may mean).
//!
//! Documents arrive in any order, so when a full name is stored after
//! documents that gave only its surname, those surname entities are
//! merged into it (`consolidate`).

use rusqlite::{params, Connection, OptionalExtension};

use dossier_core::names::without_initials;

/// A correction the user made, kept in the `corrections` table and applied
/// to every later ingest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Correction {
    /// The entity `from` is the entity `into`.
    Merge {
        from: String,
        into: String,
    },
    /// `alias` is not a name of `key`: documents that name it so go apart.
    SplitAlias {
        key: String,
        alias: String,
    },
    Rename {
        key: String,
        name: String,
    },
    Retype {
        key: String,
        entity_type: String,
    },
}

/// A surname-only person resolves to a full name that has at least this
/// many times the documents of the next one.
const DOMINANCE: i64 = 3;

/// The type and name parts of a key (`PERSON:donald trump`).
pub(crate) fn split_key(key: &str) -> Option<(&str, &str)> {
    key.split_once(':')
}

/// The surname a full person key ends in, for the `surname` column,
/// without an Arabic article ("bashar al-assad" → "assad").
pub(crate) fn surname_of(key: &str) -> Option<&str> {
    let (ty, name) = split_key(key)?;
    (ty == "PERSON" && name.contains(' '))
        .then(|| name.rsplit(' ').next().map(bare_surname))
        .flatten()
}

/// A surname as news writes it alone: "al-Assad" and "Assad", "el-Sisi" and
/// "Sisi" are one surname (lower-case keys).
fn bare_surname(word: &str) -> &str {
    ["al-", "el-"]
        .iter()
        .find_map(|article| word.strip_prefix(article))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(word)
}

/// Follows merge corrections from `key`.
fn redirected(tx: &Connection, key: &str) -> rusqlite::Result<String> {
    let mut key = key.to_string();
    for _ in 0..16 {
        let next: Option<String> = tx.prepare_cached("SELECT value FROM corrections WHERE action = 'merge' AND key = ?1 ORDER BY id DESC LIMIT 1")?.query_row([&key], |r| r.get(0)).optional()?;
        match next {
            Some(n) if n != key => key = n,
            _ => break,
        }
    }
    Ok(key)
}

/// Whether the user split `name` off the entity `key`.
fn split_off(tx: &Connection, key: &str, name: &str) -> rusqlite::Result<bool> {
    Ok(tx
        .prepare_cached(
            "SELECT 1 FROM corrections WHERE action = 'split' AND key = ?1 AND lower(value) = ?2",
        )?
        .query_row(params![key, name], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The stored full names a lone surname may stand for, with their
/// documents, most first.
fn full_names_ending_in(tx: &Connection, surname: &str) -> rusqlite::Result<Vec<(String, i64)>> {
    let mut st = tx.prepare_cached(
        "SELECT key, documents FROM entities WHERE surname = ?1 ORDER BY documents DESC, key",
    )?;
    let rows = st
        .query_map([surname], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect();
    rows
}

/// What a lone surname resolves to: the one full name, or one with
/// `DOMINANCE` times the documents of any other (the others are then kept
/// as what it might also mean). `None` when nothing fits or nothing dominates.
fn surname_target(
    tx: &Connection,
    surname: &str,
) -> rusqlite::Result<(Option<String>, Vec<String>)> {
    let candidates = full_names_ending_in(tx, surname)?;
    Ok(match &candidates[..] {
        [] => (None, Vec::new()),
        [(only, _)] => (Some(only.clone()), Vec::new()),
        [(top, n), (_, m), ..] if *n >= DOMINANCE * *m.max(&1) => (
            Some(top.clone()),
            candidates[1..].iter().map(|c| c.0.clone()).collect(),
        ),
        _ => (None, candidates.into_iter().map(|c| c.0).collect()),
    })
}

/// The stored key a document's entity belongs to, and the keys a short
/// name might also mean (for `ambiguous`).
pub(crate) fn resolve(
    tx: &Connection,
    given: &str,
    display: &str,
) -> rusqlite::Result<(String, Vec<String>)> {
    let key = redirected(tx, given)?;
    if key != given {
        return Ok((key, Vec::new()));
    }
    let Some((ty, name)) = split_key(given) else {
        return Ok((key, Vec::new()));
    };
    let target = match ty {
        "PERSON" if name.contains(' ') => (initials_variant(tx, given, name)?, Vec::new()),
        "PERSON" => surname_target(tx, bare_surname(name))?,
        _ if is_acronym(display) => (acronym_target(tx, ty, display)?, Vec::new()),
        "ORG" | "GPE" | "LOC" | "NORP" | "FAC" if !name.contains(' ') => {
            (lone_word_target(tx, given, name)?, Vec::new())
        }
        _ => (None, Vec::new()),
    };
    match target {
        (Some(t), also) if !split_off(tx, &t, name)? => Ok((redirected(tx, &t)?, also)),
        (_, also) => Ok((key, also)),
    }
}

/// "donald j. trump" and "donald trump": one person unless two stored
/// names share the form without initials.
fn initials_variant(tx: &Connection, given: &str, name: &str) -> rusqlite::Result<Option<String>> {
    if is_stored(tx, given)? {
        return Ok(None);
    }
    let short = without_initials(name);
    let surname = bare_surname(name.rsplit(' ').next().unwrap_or(name));
    let same: Vec<String> = full_names_ending_in(tx, surname)?
        .into_iter()
        .map(|c| c.0)
        .filter(|k| k != given && split_key(k).is_some_and(|(_, n)| without_initials(n) == short))
        .collect();
    Ok(match &same[..] {
        [one] => Some(one.clone()),
        _ => None,
    })
}

/// "DNC": the one stored name of the same type it abbreviates.
fn acronym_target(tx: &Connection, ty: &str, acronym: &str) -> rusqlite::Result<Option<String>> {
    let mut st =
        tx.prepare_cached("SELECT key FROM entities WHERE acronym = ?1 AND type = ?2 LIMIT 2")?;
    let keys: Vec<String> = st
        .query_map(params![acronym, ty], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(match &keys[..] {
        [one] => Some(one.clone()),
        _ => None,
    })
}

/// "Obama" typed as an organization or a place where the document names
/// no full name: the stored person whose surname it is, if that person is
/// in at least twice as many documents as the word is as that type
/// ("Washington" the city stays a city).
fn lone_word_target(tx: &Connection, given: &str, word: &str) -> rusqlite::Result<Option<String>> {
    let (Some(person), _) = surname_target(tx, word)? else {
        return Ok(None);
    };
    let documents = |key: &str| -> rusqlite::Result<i64> {
        Ok(tx
            .prepare_cached("SELECT documents FROM entities WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?
            .unwrap_or(0))
    };
    Ok((documents(&person)? >= 2 * (documents(given)? + 1)).then_some(person))
}

/// An abbreviation: two to six capital letters ("DNC", "FBI").
fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.len()) && name.chars().all(|c| c.is_ascii_uppercase())
}

/// The initials of a name of several capitalised words, for finding its
/// abbreviation: "Democratic National Committee" → "DNC".
pub(crate) fn acronym_of(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split([' ', '-'])
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    (words.len() >= 2)
        .then(|| {
            words
                .iter()
                .filter_map(|w| w.chars().next())
                .collect::<String>()
        })
        .filter(|a| is_acronym(a))
}

fn is_stored(tx: &Connection, key: &str) -> rusqlite::Result<bool> {
    Ok(tx
        .prepare_cached("SELECT 1 FROM entities WHERE key = ?1")?
        .query_row([key], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Merges the stored entity `from` into `into`: its documents, mentions,
/// aliases, type votes, quotes and event roles.
pub(crate) fn merge(tx: &Connection, from: &str, into: &str) -> rusqlite::Result<()> {
    if from == into || !is_stored(tx, from)? || !is_stored(tx, into)? {
        return Ok(());
    }
    for sql in [
        "UPDATE document_entities SET key = ?2 WHERE key = ?1",
        "UPDATE quotes SET speaker_key = ?2 WHERE speaker_key = ?1",
        "UPDATE OR IGNORE event_actors SET key = ?2 WHERE key = ?1",
        "INSERT OR IGNORE INTO aliases (key, alias) SELECT ?2, alias FROM aliases WHERE key = ?1",
        "INSERT INTO entity_types (key, type, mentions) SELECT ?2, type, mentions FROM entity_types WHERE key = ?1 AND true
            ON CONFLICT(key, type) DO UPDATE SET mentions = mentions + excluded.mentions",
    ] {
        tx.prepare_cached(sql)?.execute(params![from, into])?;
    }
    for sql in [
        "DELETE FROM event_actors WHERE key = ?1",
        "DELETE FROM aliases WHERE key = ?1",
        "DELETE FROM entity_types WHERE key = ?1",
        "DELETE FROM entities WHERE key = ?1",
    ] {
        tx.prepare_cached(sql)?.execute([from])?;
    }
    recount(tx, into)
}

/// An entity's counts, first and last sightings and voted type, from its rows.
pub(crate) fn recount(tx: &Connection, key: &str) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE entities SET
            mentions = (SELECT COALESCE(sum(mentions), 0) FROM document_entities WHERE key = ?1),
            documents = (SELECT count(DISTINCT document) FROM document_entities WHERE key = ?1),
            first_seen = (SELECT min(substr(d.published, 1, 10)) FROM document_entities de JOIN documents d ON d.id = de.document WHERE de.key = ?1),
            last_seen = (SELECT max(substr(d.published, 1, 10)) FROM document_entities de JOIN documents d ON d.id = de.document WHERE de.key = ?1),
            first_document = (SELECT de.document FROM document_entities de JOIN documents d ON d.id = de.document WHERE de.key = ?1 ORDER BY d.published, de.document LIMIT 1),
            last_document = (SELECT de.document FROM document_entities de JOIN documents d ON d.id = de.document WHERE de.key = ?1 ORDER BY d.published DESC, de.document LIMIT 1)
         WHERE key = ?1",
    )?
    .execute([key])?;
    vote_type(tx, key)
}

/// The entity's type: the one most of its mentions were given (a country
/// stays a GPE), unless the user set it.
pub(crate) fn vote_type(tx: &Connection, key: &str) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE entities SET type = (SELECT type FROM entity_types WHERE key = ?1 ORDER BY mentions DESC, type = 'PERSON' DESC, type LIMIT 1)
         WHERE key = ?1 AND kb IS NULL AND EXISTS (SELECT 1 FROM entity_types WHERE key = ?1)
           AND NOT EXISTS (SELECT 1 FROM corrections WHERE action = 'retype' AND key = ?1)",
    )?
    .execute([key])?;
    Ok(())
}

/// Counts the mentions a document gave the entity under `ty`, revotes its
/// type, and notes the other keys its short name might mean.
pub(crate) fn add_type_votes(
    tx: &Connection,
    key: &str,
    ty: &str,
    mentions: i64,
    also: &[String],
) -> rusqlite::Result<()> {
    tx.prepare_cached("INSERT INTO entity_types (key, type, mentions) VALUES (?1, ?2, ?3) ON CONFLICT(key, type) DO UPDATE SET mentions = mentions + excluded.mentions")?.execute(params![key, ty, mentions])?;
    vote_type(tx, key)?;
    if !also.is_empty() {
        note_ambiguity(tx, key, also)?;
    }
    Ok(())
}

/// Adds to the entity's `ambiguous` list the other keys its name may mean.
fn note_ambiguity(tx: &Connection, key: &str, also: &[String]) -> rusqlite::Result<()> {
    let old: Option<String> = tx
        .prepare_cached("SELECT ambiguous FROM entities WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?
        .flatten();
    let mut keys: Vec<String> = old
        .and_then(|o| serde_json::from_str(&o).ok())
        .unwrap_or_default();
    for k in also {
        if k != key && !keys.contains(k) {
            keys.push(k.clone());
        }
    }
    keys.sort();
    tx.prepare_cached("UPDATE entities SET ambiguous = ?2 WHERE key = ?1")?
        .execute(params![
            key,
            serde_json::to_string(&keys).unwrap_or_default()
        ])?;
    Ok(())
}

/// Records a name of the entity, unless the user split it off.
pub(crate) fn add_alias(tx: &Connection, key: &str, alias: &str) -> rusqlite::Result<()> {
    if split_off(tx, key, &alias.to_lowercase())? {
        return Ok(());
    }
    tx.prepare_cached("INSERT OR IGNORE INTO aliases (key, alias) VALUES (?1, ?2)")?
        .execute(params![key, alias])?;
    Ok(())
}

/// After the full name `key` was stored: the entity of its lone surname,
/// stored from documents that gave no full name, joins the full name the
/// surname now resolves to, or is marked ambiguous when none dominates.
pub(crate) fn consolidate(tx: &Connection, key: &str) -> rusqlite::Result<()> {
    let Some(surname) = surname_of(key) else {
        return Ok(());
    };
    let lone = format!("PERSON:{surname}");
    if is_stored(tx, &lone)? && redirected(tx, &lone)? == lone {
        match surname_target(tx, surname)? {
            (Some(target), also) if !split_off(tx, &target, surname)? => {
                merge(tx, &lone, &target)?;
                if !also.is_empty() {
                    note_ambiguity(tx, &target, &also)?;
                }
            }
            (_, also) => note_ambiguity(tx, &lone, &also)?,
        }
    }
    for ty in ["ORG", "GPE", "LOC", "NORP", "FAC"] {
        let word = format!("{ty}:{surname}");
        if is_stored(tx, &word)? && redirected(tx, &word)? == word {
            if let Some(target) = lone_word_target(tx, &word, surname)?
                .filter(|t| !split_off(tx, t, surname).unwrap_or(true))
            {
                merge(tx, &word, &target)?;
            }
        }
    }
    Ok(())
}

/// After a name with initials was stored ("Democratic National
/// Committee"): its abbreviation stored alone ("ORG:dnc") joins it.
pub(crate) fn consolidate_acronym(
    tx: &Connection,
    key: &str,
    ty: &str,
    acronym: &str,
) -> rusqlite::Result<()> {
    let short = format!("{ty}:{}", acronym.to_lowercase());
    if short != key
        && is_stored(tx, &short)?
        && redirected(tx, &short)? == short
        && acronym_target(tx, ty, acronym)?.as_deref() == Some(key)
        && !split_off(tx, key, &acronym.to_lowercase())?
    {
        merge(tx, &short, key)?;
    }
    Ok(())
}

impl Correction {
    fn row(&self) -> (&'static str, &str, &str) {
        match self {
            Correction::Merge { from, into } => ("merge", from, into),
            Correction::SplitAlias { key, alias } => ("split", key, alias),
            Correction::Rename { key, name } => ("rename", key, name),
            Correction::Retype { key, entity_type } => ("retype", key, entity_type),
        }
    }
}

/// Records the correction and applies it to what is stored; later
/// ingests apply it too. Returns how many document rows it moved.
pub(crate) fn apply(tx: &Connection, c: &Correction) -> rusqlite::Result<usize> {
    let (action, key, value) = c.row();
    tx.prepare_cached("INSERT INTO corrections (action, key, value) VALUES (?1, ?2, ?3)")?
        .execute(params![action, key, value])?;
    Ok(match c {
        Correction::Merge { from, into } => {
            let moved = tx.query_row(
                "SELECT count(*) FROM document_entities WHERE key = ?1",
                [from],
                |r| r.get::<_, i64>(0),
            )? as usize;
            merge(tx, from, into)?;
            moved
        }
        Correction::SplitAlias { key, alias } => split_alias(tx, key, alias)?,
        Correction::Rename { key, name } => tx.execute(
            "UPDATE entities SET name = ?2 WHERE key = ?1",
            params![key, name],
        )?,
        Correction::Retype { key, entity_type } => tx.execute(
            "UPDATE entities SET type = ?2 WHERE key = ?1",
            params![key, entity_type],
        )?,
    })
}

/// Moves the documents that named the entity `key` only by `alias` to an
/// entity of their own, and drops the alias.
fn split_alias(tx: &Connection, key: &str, alias: &str) -> rusqlite::Result<usize> {
    tx.execute(
        "DELETE FROM aliases WHERE key = ?1 AND alias = ?2 COLLATE NOCASE",
        params![key, alias],
    )?;
    let lower = alias.to_lowercase();
    let mut st = tx.prepare(
        "SELECT DISTINCT given_key FROM document_entities WHERE key = ?1 AND given_key != ?1",
    )?;
    let given: Vec<String> = st
        .query_map([key], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut moved = 0;
    for g in given
        .into_iter()
        .filter(|g| split_key(g).is_some_and(|(_, n)| n == lower))
    {
        let ty = split_key(&g).map_or("", |(t, _)| t);
        tx.execute(
            "INSERT OR IGNORE INTO entities (key, name, type, surname) VALUES (?1, ?2, ?3, ?4)",
            params![g, alias, ty, surname_of(&g)],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO aliases (key, alias) VALUES (?1, ?2)",
            params![g, alias],
        )?;
        moved += tx.execute(
            "UPDATE document_entities SET key = ?1 WHERE key = ?2 AND given_key = ?1",
            params![g, key],
        )?;
        // Quotes and event roles go along in the documents where nothing else stays with `key`.
        let moved_documents = "document IN (SELECT document FROM document_entities WHERE given_key = ?1 AND key = ?1) AND document NOT IN (SELECT document FROM document_entities WHERE key = ?2)";
        tx.execute(
            &format!(
                "UPDATE quotes SET speaker_key = ?1 WHERE speaker_key = ?2 AND {moved_documents}"
            ),
            params![g, key],
        )?;
        tx.execute(
            &format!(
                "UPDATE OR IGNORE event_actors SET key = ?1 WHERE key = ?2 AND {moved_documents}"
            ),
            params![g, key],
        )?;
        recount(tx, &g)?;
    }
    recount(tx, key)?;
    Ok(moved)
}

/// Puts back the names and types the user set, after an ingest may have
/// changed them.
pub(crate) fn reapply_names_and_types(tx: &Connection) -> rusqlite::Result<()> {
    let any: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM corrections WHERE action IN ('rename', 'retype'))",
        )?
        .query_row([], |r| r.get(0))?;
    if !any {
        return Ok(());
    }
    tx.execute_batch(
        "UPDATE entities SET name = (SELECT value FROM corrections c WHERE c.action = 'rename' AND c.key = entities.key ORDER BY c.id DESC LIMIT 1)
            WHERE key IN (SELECT key FROM corrections WHERE action = 'rename');
         UPDATE entities SET type = (SELECT value FROM corrections c WHERE c.action = 'retype' AND c.key = entities.key ORDER BY c.id DESC LIMIT 1)
            WHERE key IN (SELECT key FROM corrections WHERE action = 'retype');",
    )
}

#[cfg(test)]
mod tests {
    use crate::Store;
    use serde_json::json;

    /// A document holding one entity per (key, name, type).
    fn doc(id: &str, entities: &[(&str, &str, &str)]) -> String {
        let entities: Vec<_> = entities.iter().enumerate().map(|(i, (key, name, ty))| json!({ "id": format!("e{i}"), "key": key, "name": name, "type": ty, "mentions": ["m"], "aliases": [] })).collect();
        json!({ "id": id, "text": "…", "published": "2016-10-01", "entities": entities })
            .to_string()
    }

    fn keys(store: &Store) -> Vec<String> {
        let mut st = store
            .connection()
            .prepare("SELECT key FROM entities ORDER BY key")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    fn documents_of(store: &Store, key: &str) -> i64 {
        store
            .connection()
            .query_row(
                "SELECT documents FROM entities WHERE key = ?1",
                [key],
                |r| r.get(0),
            )
            .unwrap()
    }

    fn ingest(store: &mut Store, docs: &[String]) {
        for r in store.ingest_batch(docs).unwrap() {
            assert!(r.unwrap());
        }
    }

    #[test]
    fn a_surname_joins_its_full_name_in_either_order_and_an_abbreviation_its_long_form() {
        let dir = std::env::temp_dir().join(format!("dossier-identity-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut store = Store::open(&dir.join("a.db")).unwrap();
        // The surname first, then the full name and the long form, then a
        // middle-initial form and the surname typed as an organization.
        ingest(
            &mut store,
            &[doc(
                "1",
                &[
                    ("PERSON:kaine", "Kaine", "PERSON"),
                    ("ORG:dnc", "DNC", "ORG"),
                ],
            )],
        );
        ingest(
            &mut store,
            &[doc(
                "2",
                &[
                    ("PERSON:tim kaine", "Tim Kaine", "PERSON"),
                    (
                        "ORG:democratic national committee",
                        "Democratic National Committee",
                        "ORG",
                    ),
                ],
            )],
        );
        ingest(
            &mut store,
            &[doc(
                "3",
                &[
                    ("PERSON:tim m. kaine", "Tim M. Kaine", "PERSON"),
                    ("PERSON:kaine", "Kaine", "PERSON"),
                ],
            )],
        );
        assert_eq!(
            keys(&store),
            ["ORG:democratic national committee", "PERSON:tim kaine"]
        );
        assert_eq!(documents_of(&store, "PERSON:tim kaine"), 3);
        // Two people share a surname, neither dominates: the surname stays apart and says so.
        ingest(
            &mut store,
            &[
                doc("4", &[("PERSON:anne holton", "Anne Holton", "PERSON")]),
                doc(
                    "5",
                    &[("PERSON:linwood holton", "Linwood Holton", "PERSON")],
                ),
            ],
        );
        ingest(
            &mut store,
            &[doc("6", &[("PERSON:holton", "Holton", "PERSON")])],
        );
        let ambiguous: String = store
            .connection()
            .query_row(
                "SELECT ambiguous FROM entities WHERE key = 'PERSON:holton'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            ambiguous,
            r#"["PERSON:anne holton","PERSON:linwood holton"]"#
        );
        // "Assad" alone is "Bashar al-Assad", in far more documents than a
        // nickname that also ends in "Assad".
        let assad = |id: &str| {
            doc(
                id,
                &[("PERSON:bashar al-assad", "Bashar al-Assad", "PERSON")],
            )
        };
        ingest(&mut store, &[assad("7"), assad("8"), assad("9")]);
        ingest(
            &mut store,
            &[doc(
                "10",
                &[("PERSON:tyrant assad", "Tyrant Assad", "PERSON")],
            )],
        );
        ingest(
            &mut store,
            &[doc("11", &[("PERSON:assad", "Assad", "PERSON")])],
        );
        ingest(
            &mut store,
            &[doc("12", &[("PERSON:al-assad", "al-Assad", "PERSON")])],
        );
        assert_eq!(documents_of(&store, "PERSON:bashar al-assad"), 5);
        std::fs::remove_dir_all(&dir).ok();
    }
}
