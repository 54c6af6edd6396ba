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
//!
//! A lone word in more than five times the documents that name the person
//! in full is something else (a town the NER typed PERSON) and stays apart.
//! An entity named only by common nouns ("the government") keeps a key of
//! its own document (`ORG:government@17`): which government is meant holds
//! within one article. A person's display name is the full name most
//! documents wrote; the type is voted over mentions.

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

/// A lone word in more than this many times the documents that name the
/// person in full is more likely another thing ("Afrin" the town beside one
/// "Adnan Afrin"): real people are named in full in most articles (Assad 74
/// documents alone / 83 in full, Trump 21 / 140, Obama 23 / 31, Erdogan 4 / 1).
const LONE_WORD_RATIO: i64 = 5;

/// The type and name parts of a key (`PERSON:donald trump`).
pub(crate) fn split_key(key: &str) -> Option<(&str, &str)> {
    key.split_once(':')
}

/// The surname a full person key ends in, for the `surname` column,
/// without an Arabic article or accents ("bashar al-assad" → "assad",
/// "recep tayyip erdoğan" → "erdogan").
pub(crate) fn surname_of(key: &str) -> Option<String> {
    let (ty, name) = split_key(key)?;
    (ty == "PERSON" && name.contains(' '))
        .then(|| name.rsplit(' ').next().map(folded_surname))
        .flatten()
}

/// A lone word as a surname is looked up: no article, no accents.
fn folded_surname(word: &str) -> String {
    fold_accents(bare_surname(word))
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

/// The base letters of U+00C0..=U+017F, lower case ('*' keeps × and ÷).
const BASE_LETTERS: &[u8; 192] = b"aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo*ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// A name with its Latin letters' accents dropped, lower case: "Erdoğan",
/// "Erdogăn" and "Erdogan" are one name as news spells it.
pub(crate) fn fold_accents(name: &str) -> String {
    name.chars()
        .map(|c| {
            let base = (c as usize)
                .checked_sub(0xC0)
                .and_then(|i| BASE_LETTERS.get(i))
                .filter(|&&b| b != b'*');
            base.map_or_else(|| c.to_ascii_lowercase(), |&b| b as char)
        })
        .collect()
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

/// The stored full names a lone surname may stand for, with the documents
/// that name each in full, most first.
fn full_names_ending_in(tx: &Connection, surname: &str) -> rusqlite::Result<Vec<(String, i64)>> {
    let keys: Vec<String> = tx
        .prepare_cached("SELECT key FROM entities WHERE surname = ?1")?
        .query_map([surname], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut names = keys
        .into_iter()
        .map(|k| Ok((full_documents(tx, &k)?, k)))
        .collect::<rusqlite::Result<Vec<(i64, String)>>>()?;
    names.sort_by(|(n, k), (m, l)| m.cmp(n).then_with(|| k.cmp(l)));
    Ok(names.into_iter().map(|(n, k)| (k, n)).collect())
}

/// The documents that name the person `key` in full (or with initials):
/// not those a lone word joined to it, which would snowball.
fn full_documents(tx: &Connection, key: &str) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "SELECT count(DISTINCT document) FROM document_entities
         WHERE key = ?1 AND (given_key = ?1 OR given_key LIKE 'PERSON:% %')",
    )?
    .query_row([key], |r| r.get(0))
}

/// The documents that gave the key `given`, wherever they were joined,
/// counting the one being stored when `storing`.
fn given_documents(tx: &Connection, given: &str, storing: bool) -> rusqlite::Result<i64> {
    let stored: i64 = tx
        .prepare_cached(
            "SELECT count(DISTINCT document) FROM document_entities WHERE given_key = ?1",
        )?
        .query_row([given], |r| r.get(0))?;
    Ok(stored + i64::from(storing))
}

/// Whether the lone word `given` (a surname alone, or a word typed as a
/// place or organization) may be the person `person`: the word is in no
/// more than `LONE_WORD_RATIO` times the documents that name the person in
/// full, and a word of another type in at most half as many.
fn lone_word_fits(
    tx: &Connection,
    given: &str,
    person: &str,
    storing: bool,
) -> rusqlite::Result<bool> {
    let (lone, full) = (
        given_documents(tx, given, storing)?,
        full_documents(tx, person)?,
    );
    Ok(match split_key(given) {
        Some(("PERSON", _)) => lone <= LONE_WORD_RATIO * full,
        _ => full >= 2 * lone.max(1),
    })
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
/// name might also mean (for `ambiguous`). Reads only.
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
        "PERSON" => {
            let (person, also) = surname_target(tx, &folded_surname(name))?;
            match person {
                Some(p) if !lone_word_fits(tx, given, &p, true)? => (None, Vec::new()),
                person => (person, also),
            }
        }
        _ if is_acronym(display) => (acronym_target(tx, ty, display)?, Vec::new()),
        "ORG" | "GPE" | "LOC" | "NORP" | "FAC" if !name.contains(' ') => {
            (lone_word_target(tx, given, name, true)?, Vec::new())
        }
        _ => (None, Vec::new()),
    };
    match target {
        (Some(t), also) if !split_off(tx, &t, name)? => Ok((redirected(tx, &t)?, also)),
        (_, also) => Ok((key, also)),
    }
}

/// "donald j. trump", "tayyip erdogan" and "recep tayyip erdoğan": one
/// person when one name's words, without middle initials and accents, are
/// among the other's in order, unless two stored names fit and neither is
/// named in full in `DOMINANCE` times the documents of the other.
fn initials_variant(tx: &Connection, given: &str, name: &str) -> rusqlite::Result<Option<String>> {
    if is_stored(tx, given)? {
        return Ok(None);
    }
    let short = fold_accents(&without_initials(name));
    let surname = folded_surname(name.rsplit(' ').next().unwrap_or(name));
    let same: Vec<(String, i64)> = full_names_ending_in(tx, &surname)?
        .into_iter()
        .filter(|(k, _)| {
            k != given
                && split_key(k).is_some_and(|(_, n)| {
                    one_within_other(&short, &fold_accents(&without_initials(n)))
                })
        })
        .collect();
    Ok(match &same[..] {
        [(one, _)] => Some(one.clone()),
        [(top, n), (_, m), ..] if *n >= DOMINANCE * *m.max(&1) => Some(top.clone()),
        _ => None,
    })
}

/// Whether the words of the shorter name are the longer's, in order, with
/// the same last word ("tayyip erdogan", "recep tayyip erdogan").
fn one_within_other(a: &str, b: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.last() != long.last() {
        return false;
    }
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|l| l == w))
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
/// named in full in at least twice as many documents as the word is given
/// ("Washington" the city stays a city).
fn lone_word_target(
    tx: &Connection,
    given: &str,
    word: &str,
    storing: bool,
) -> rusqlite::Result<Option<String>> {
    let (Some(person), _) = surname_target(tx, &folded_surname(word))? else {
        return Ok(None);
    };
    Ok(lone_word_fits(tx, given, &person, storing)?.then_some(person))
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
        "INSERT INTO aliases (key, alias, documents) SELECT ?2, alias, documents FROM aliases WHERE key = ?1 AND true
            ON CONFLICT(key, alias) DO UPDATE SET documents = documents + excluded.documents",
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
    recount(tx, into)?;
    choose_display_name(tx, into)
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

/// Counts a document that wrote the entity `key` as `name`, and names a
/// person by the full name most documents wrote.
pub(crate) fn count_written_name(tx: &Connection, key: &str, name: &str) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE aliases SET documents = documents + 1 WHERE key = ?1 AND alias = ?2",
    )?
    .execute(params![key, name])?;
    choose_display_name(tx, key)
}

/// A person's name: of the full names (of several words) its documents
/// wrote, the one most wrote ("Recep Tayyip Erdoğan" over "Recep Tayyip
/// Erdogan"; "Bashar al-Assad" over a longer misreading); the current one
/// on a tie. The user's renaming comes first.
fn choose_display_name(tx: &Connection, key: &str) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE entities SET name = (SELECT alias FROM aliases WHERE key = ?1 AND instr(alias, ' ') > 0
                ORDER BY documents DESC, alias = (SELECT name FROM entities WHERE key = ?1) DESC, length(alias) DESC, alias LIMIT 1)
         WHERE key = ?1 AND type = 'PERSON'
           AND EXISTS (SELECT 1 FROM aliases WHERE key = ?1 AND instr(alias, ' ') > 0 AND documents > 0)
           AND NOT EXISTS (SELECT 1 FROM corrections WHERE action = 'rename' AND key = ?1)",
    )?
    .execute([key])?;
    Ok(())
}

/// After the full name `key` was stored: the entity of its lone surname,
/// stored from documents that gave no full name, joins the full name the
/// surname now resolves to, or is marked ambiguous when none dominates.
pub(crate) fn consolidate(tx: &Connection, key: &str) -> rusqlite::Result<()> {
    let Some(surname) = surname_of(key) else {
        return Ok(());
    };
    // The lone surname as this full name writes it, and without accents.
    let written = split_key(key)
        .and_then(|(_, n)| n.rsplit(' ').next())
        .map_or(surname.as_str(), bare_surname)
        .to_string();
    let mut words = vec![written];
    if words[0] != surname {
        words.push(surname.clone());
    }
    for word in &words {
        let lone = format!("PERSON:{word}");
        if is_stored(tx, &lone)? && redirected(tx, &lone)? == lone {
            match surname_target(tx, &surname)? {
                (Some(target), also)
                    if !split_off(tx, &target, word)?
                        && lone_word_fits(tx, &lone, &target, false)? =>
                {
                    merge(tx, &lone, &target)?;
                    if !also.is_empty() {
                        note_ambiguity(tx, &target, &also)?;
                    }
                }
                (_, also) => note_ambiguity(tx, &lone, &also)?,
            }
        }
        for ty in ["ORG", "GPE", "LOC", "NORP", "FAC"] {
            let given = format!("{ty}:{word}");
            if is_stored(tx, &given)? && redirected(tx, &given)? == given {
                if let Some(target) = lone_word_target(tx, &given, word, false)?
                    .filter(|t| !split_off(tx, t, word).unwrap_or(true))
                {
                    merge(tx, &given, &target)?;
                }
            }
        }
    }
    Ok(())
}

/// A lone word stored now as itself: the documents that gave it before and
/// were joined to a person it no longer fits (it is in too many documents
/// beside the full name's own) go apart with it, so one early join does not
/// hold a town's documents under a person.
pub(crate) fn separate_outnumbered(
    tx: &Connection,
    given: &str,
    display: &str,
) -> rusqlite::Result<()> {
    if split_key(given).is_none_or(|(_, n)| n.contains(' ')) {
        return Ok(());
    }
    let joined: Vec<String> = tx
        .prepare_cached(
            "SELECT DISTINCT key FROM document_entities WHERE given_key = ?1 AND key != ?1",
        )?
        .query_map([given], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for person in joined {
        if surname_of(&person).is_some() && !lone_word_fits(tx, given, &person, true)? {
            move_apart(tx, &person, given, display)?;
            tx.prepare_cached("DELETE FROM aliases WHERE key = ?1 AND alias = ?2 COLLATE NOCASE")?
                .execute(params![person, display])?;
            recount(tx, &person)?;
            choose_display_name(tx, &person)?;
        }
    }
    Ok(())
}

/// Migration: the `surname` column without accents, as `surname_of` now
/// writes it.
pub(crate) fn fold_stored_surnames(tx: &Connection) -> rusqlite::Result<()> {
    let keys: Vec<String> = tx
        .prepare("SELECT key FROM entities WHERE surname IS NOT NULL")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut update = tx.prepare("UPDATE entities SET surname = ?2 WHERE key = ?1")?;
    for key in keys {
        if let Some(surname) = surname_of(&key) {
            update.execute(params![key, surname])?;
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
        moved += move_apart(tx, key, &g, alias)?;
    }
    recount(tx, key)?;
    Ok(moved)
}

/// Moves the documents that gave the key `g` and were joined to `key` to
/// the entity `g` (named `alias`), with their quotes, event roles and type
/// votes where nothing else of theirs stays with `key`. Returns the rows moved;
/// `key`'s counts are the caller's to redo.
fn move_apart(tx: &Connection, key: &str, g: &str, alias: &str) -> rusqlite::Result<usize> {
    let ty = split_key(g).map_or("", |(t, _)| t);
    tx.execute(
        "INSERT OR IGNORE INTO entities (key, name, type, surname) VALUES (?1, ?2, ?3, ?4)",
        params![g, alias, ty, surname_of(g)],
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO aliases (key, alias) VALUES (?1, ?2)",
        params![g, alias],
    )?;
    // The type votes the moved rows gave go with them.
    let votes: i64 = tx.query_row(
        "SELECT COALESCE(sum(mentions), 0) FROM document_entities WHERE key = ?1 AND given_key = ?2",
        params![key, g],
        |r| r.get(0),
    )?;
    tx.execute(
        "UPDATE entity_types SET mentions = mentions - ?3 WHERE key = ?1 AND type = ?2",
        params![key, ty, votes],
    )?;
    tx.execute(
        "DELETE FROM entity_types WHERE key = ?1 AND mentions <= 0",
        [key],
    )?;
    tx.execute(
        "INSERT INTO entity_types (key, type, mentions) VALUES (?1, ?2, ?3)
         ON CONFLICT(key, type) DO UPDATE SET mentions = mentions + excluded.mentions",
        params![g, ty, votes],
    )?;
    let moved = tx.execute(
        "UPDATE document_entities SET key = ?1 WHERE key = ?2 AND given_key = ?1",
        params![g, key],
    )?;
    // Quotes and event roles go along in the documents where nothing else stays with `key`.
    let moved_documents = "document IN (SELECT document FROM document_entities WHERE given_key = ?1 AND key = ?1) AND document NOT IN (SELECT document FROM document_entities WHERE key = ?2)";
    tx.execute(
        &format!("UPDATE quotes SET speaker_key = ?1 WHERE speaker_key = ?2 AND {moved_documents}"),
        params![g, key],
    )?;
    tx.execute(
        &format!("UPDATE OR IGNORE event_actors SET key = ?1 WHERE key = ?2 AND {moved_documents}"),
        params![g, key],
    )?;
    recount(tx, g)?;
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

    /// The one value a query gives.
    fn value<T: rusqlite::types::FromSql>(store: &Store, sql: &str) -> T {
        store.connection().query_row(sql, [], |r| r.get(0)).unwrap()
    }

    fn store_in(name: &str) -> (std::path::PathBuf, Store) {
        let dir =
            std::env::temp_dir().join(format!("dossier-identity-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let _ = std::fs::remove_file(dir.join("a.db"));
        let store = Store::open(&dir.join("a.db")).unwrap();
        (dir, store)
    }

    #[test]
    fn a_lone_word_in_many_more_documents_than_the_full_name_stays_apart() {
        let (dir, mut store) = store_in("snowball");
        ingest(
            &mut store,
            &[doc("1", &[("PERSON:adnan afrin", "Adnan Afrin", "PERSON")])],
        );
        // The first documents of the lone word join the person; once it is in more
        // than five times the full name's documents, all of them go apart.
        for id in 2..=7 {
            ingest(
                &mut store,
                &[doc(&id.to_string(), &[("PERSON:afrin", "Afrin", "PERSON")])],
            );
        }
        // The person's count is of the documents naming it in full, so the
        // town typed a place does not follow the lone word in.
        ingest(&mut store, &[doc("8", &[("GPE:afrin", "Afrin", "GPE")])]);
        assert_eq!(documents_of(&store, "PERSON:adnan afrin"), 1);
        assert_eq!(documents_of(&store, "PERSON:afrin"), 6);
        assert_eq!(documents_of(&store, "GPE:afrin"), 1);
        let moved: i64 = value(
            &store,
            "SELECT count(*) FROM aliases WHERE key = 'PERSON:adnan afrin' AND alias = 'Afrin'",
        );
        assert_eq!(moved, 0);
        // Stored before the full name, a lone word in six documents stays apart too;
        // one in four joins, as a surname written alone more often than in full does.
        for id in 9..=14 {
            ingest(
                &mut store,
                &[doc(&id.to_string(), &[("PERSON:god", "God", "PERSON")])],
            );
        }
        for id in 15..=18 {
            ingest(
                &mut store,
                &[doc(
                    &id.to_string(),
                    &[("PERSON:erdogan", "Erdogan", "PERSON")],
                )],
            );
        }
        ingest(
            &mut store,
            &[doc(
                "19",
                &[
                    ("PERSON:oh god", "Oh God", "PERSON"),
                    ("PERSON:tayyip erdogan", "Tayyip Erdogan", "PERSON"),
                ],
            )],
        );
        assert_eq!(documents_of(&store, "PERSON:god"), 6);
        assert_eq!(documents_of(&store, "PERSON:oh god"), 1);
        assert_eq!(documents_of(&store, "PERSON:tayyip erdogan"), 5);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn names_that_differ_by_accents_or_a_dropped_first_name_are_one_person() {
        assert_eq!(
            super::fold_accents("reçep erdoğan erdogăn ýıldırım"),
            "recep erdogan erdogan yildirim"
        );
        let (dir, mut store) = store_in("accents");
        let person = |id: &str, key: &str, name: &str| doc(id, &[(key, name, "PERSON")]);
        ingest(
            &mut store,
            &[
                person("1", "PERSON:recep tayyip erdoğan", "Recep Tayyip Erdoğan"),
                person("2", "PERSON:recep tayyip erdoğan", "Recep Tayyip Erdoğan"),
            ],
        );
        ingest(
            &mut store,
            &[
                person("3", "PERSON:recep tayyip erdogan", "Recep Tayyip Erdogan"),
                person("4", "PERSON:tayyip erdogan", "Tayyip Erdogan"),
                person("5", "PERSON:erdogan", "Erdogan"),
            ],
        );
        assert_eq!(keys(&store), ["PERSON:recep tayyip erdoğan"]);
        assert_eq!(documents_of(&store, "PERSON:recep tayyip erdoğan"), 5);
        let name = |store: &Store| -> String { value(store, "SELECT name FROM entities") };
        assert_eq!(name(&store), "Recep Tayyip Erdoğan");
        // The name is the full name most documents wrote.
        ingest(
            &mut store,
            &[
                person("6", "PERSON:recep tayyip erdogan", "Recep Tayyip Erdogan"),
                person("7", "PERSON:recep tayyip erdogan", "Recep Tayyip Erdogan"),
            ],
        );
        assert_eq!(name(&store), "Recep Tayyip Erdogan");
        // A store written before surnames were folded gets them folded.
        let conn = store.connection();
        conn.execute("UPDATE entities SET surname = 'erdoğan'", [])
            .unwrap();
        super::fold_stored_surnames(conn).unwrap();
        assert_eq!(
            value::<String>(&store, "SELECT surname FROM entities"),
            "erdogan"
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
