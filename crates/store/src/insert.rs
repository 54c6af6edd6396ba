//! Writing one document: its row, its entities merged by key, its quotes,
//! quantities, events and warnings. The JSON `extract` writes is read into
//! a typed view ([`DocView`]) that borrows its strings from the JSON.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection};
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::Value;

use crate::{doc_freq, identity, is_stored, stories, StoreError};

type Text<'a> = Option<Cow<'a, str>>;

/// The parts of a dossier JSON document the store reads (see
/// `schema/document.schema.json`); everything else stays in the stored JSON.
#[derive(Deserialize)]
struct DocView<'a> {
    #[serde(borrow)]
    id: Text<'a>,
    #[serde(borrow)]
    text: Text<'a>,
    #[serde(borrow)]
    title: Text<'a>,
    #[serde(borrow)]
    published: Text<'a>,
    #[serde(borrow)]
    url: Text<'a>,
    #[serde(borrow)]
    publisher: Text<'a>,
    #[serde(borrow)]
    source: Option<SourceView<'a>>,
    #[serde(default)]
    sentences: Vec<Range>,
    #[serde(borrow, default)]
    mentions: Vec<MentionView<'a>>,
    #[serde(borrow, default)]
    entities: Vec<EntityView<'a>>,
    #[serde(borrow, default)]
    quotes: Vec<QuoteView<'a>>,
    #[serde(borrow, default)]
    times: Vec<TimeView<'a>>,
    #[serde(borrow, default)]
    quantities: Vec<QuantityView<'a>>,
    #[serde(borrow, default)]
    events: Vec<EventView<'a>>,
    #[serde(borrow, default)]
    warnings: Vec<WarningView<'a>>,
}

#[derive(Deserialize)]
struct SourceView<'a> {
    #[serde(borrow)]
    uri: Text<'a>,
}

/// Code points.
#[derive(Deserialize)]
struct Range {
    start: u64,
    end: u64,
}

#[derive(Deserialize)]
struct SpanView<'a> {
    #[serde(borrow)]
    text: Text<'a>,
    start: Option<u64>,
    end: Option<u64>,
}

#[derive(Deserialize)]
struct MentionView<'a> {
    start: Option<u64>,
    #[serde(borrow)]
    entity: Text<'a>,
    /// `name`, or `nominal` for a common noun ("the government").
    #[serde(borrow)]
    kind: Text<'a>,
}

#[derive(Deserialize)]
struct EntityView<'a> {
    #[serde(borrow)]
    id: Text<'a>,
    #[serde(borrow)]
    name: Text<'a>,
    #[serde(borrow, rename = "type")]
    ty: Text<'a>,
    #[serde(borrow)]
    key: Text<'a>,
    #[serde(default)]
    mentions: Vec<IgnoredAny>,
    #[serde(borrow, default)]
    aliases: Vec<Cow<'a, str>>,
    /// Stored as its JSON.
    kb: Option<Value>,
}

#[derive(Deserialize)]
struct SpeakerView<'a> {
    #[serde(borrow)]
    text: Text<'a>,
    #[serde(borrow)]
    entity: Text<'a>,
}

#[derive(Deserialize)]
struct QuoteView<'a> {
    #[serde(borrow)]
    id: Text<'a>,
    start: Option<u64>,
    end: Option<u64>,
    #[serde(borrow)]
    text: Text<'a>,
    #[serde(borrow)]
    kind: Text<'a>,
    #[serde(borrow)]
    cue: Option<SpanView<'a>>,
    #[serde(borrow)]
    speaker: Option<SpeakerView<'a>>,
}

#[derive(Deserialize)]
struct TimeView<'a> {
    #[serde(borrow)]
    id: Text<'a>,
    start: Option<u64>,
    #[serde(borrow)]
    text: Text<'a>,
    #[serde(borrow)]
    value: Text<'a>,
}

#[derive(Deserialize)]
struct QuantityView<'a> {
    #[serde(borrow)]
    id: Text<'a>,
    start: Option<u64>,
    #[serde(borrow)]
    text: Text<'a>,
    #[serde(borrow)]
    kind: Text<'a>,
    value: Option<f64>,
    upper: Option<f64>,
    #[serde(borrow)]
    unit: Text<'a>,
    #[serde(borrow)]
    approx: Text<'a>,
    #[serde(borrow)]
    per: Text<'a>,
    #[serde(borrow)]
    measures: Text<'a>,
}

#[derive(Deserialize)]
struct EventView<'a> {
    #[serde(borrow)]
    id: Text<'a>,
    #[serde(borrow, rename = "type")]
    ty: Text<'a>,
    #[serde(borrow)]
    act: Text<'a>,
    #[serde(borrow)]
    mode: Text<'a>,
    #[serde(borrow)]
    status: Text<'a>,
    #[serde(borrow)]
    trigger: Option<SpanView<'a>>,
    #[serde(borrow)]
    theme: Option<SpanView<'a>>,
    #[serde(borrow, default)]
    source: Vec<Cow<'a, str>>,
    #[serde(borrow, default)]
    target: Vec<Cow<'a, str>>,
    #[serde(borrow)]
    quantity: Text<'a>,
    #[serde(borrow)]
    time: Text<'a>,
    #[serde(borrow)]
    place: Text<'a>,
    #[serde(borrow)]
    quote: Text<'a>,
    #[serde(default)]
    confidence: Option<f64>,
}

#[derive(Deserialize)]
struct WarningView<'a> {
    #[serde(borrow)]
    code: Text<'a>,
    #[serde(borrow)]
    message: Text<'a>,
    /// Stored as its JSON.
    spans: Option<Value>,
}

/// What every row of one document is written with.
struct Writing<'t, 'd> {
    tx: &'t Connection,
    doc: &'d DocView<'d>,
    id: &'d str,
    chars: Vec<char>,
    /// Stored entity key by the document's entity id.
    key_of: HashMap<String, String>,
}

impl Writing<'_, '_> {
    /// Runs a cached statement: preparing each one per row was 7% of ingest.
    fn run(&self, sql: &str, params: &[&dyn rusqlite::ToSql]) -> rusqlite::Result<usize> {
        self.tx.prepare_cached(sql)?.execute(params)
    }

    fn key_for(&self, local: Option<&str>) -> Option<String> {
        local.and_then(|l| self.key_of.get(l)).cloned()
    }

    /// The sentence around character offset `at`: its text and range.
    fn sentence_around(&self, at: u64) -> Option<(String, u64, u64)> {
        let s = self
            .doc
            .sentences
            .iter()
            .find(|s| s.start <= at && at < s.end)?;
        let text = self.chars.get(s.start as usize..s.end as usize)?;
        Some((text.iter().collect(), s.start, s.end))
    }
}

/// Inserts one document and everything it holds but its full-text rows;
/// returns its rowid, or `None` if it was stored already.
pub(crate) fn insert_document(
    tx: &Connection,
    df: &mut doc_freq::DocFrequencies,
    json: &str,
) -> Result<Option<i64>, StoreError> {
    let doc: DocView =
        serde_json::from_str(json).map_err(|e| StoreError::NotJson(e.to_string()))?;
    let id = doc.id.as_deref().ok_or(StoreError::NotADocument("id"))?;
    let text = doc
        .text
        .as_deref()
        .ok_or(StoreError::NotADocument("text"))?;
    if is_stored(tx, id)? {
        return Ok(None);
    }
    let mut w = Writing {
        tx,
        doc: &doc,
        id,
        chars: text.chars().collect(),
        key_of: HashMap::new(),
    };
    let write = |source| StoreError::Write {
        id: id.to_string(),
        source,
    };
    let rowid = (|| -> rusqlite::Result<i64> {
        let (rowid, publisher) = w.document_row(json)?;
        let (full_names, named) = w.entities()?;
        stories::assign(
            tx,
            df,
            &stories::StoryInput {
                id,
                title: doc.title.as_deref(),
                text,
                published: doc.published.as_deref(),
                publisher: publisher.as_deref(),
                entity_keys: named,
            },
        )?;
        w.quotes()?;
        w.quantities()?;
        w.events()?;
        w.warnings()?;
        // Last, when every row of the document points at its entities: a
        // full name now stored takes in the entities of its lone surname.
        for (key, ty, acronym) in full_names {
            identity::consolidate(tx, &key)?;
            if let Some(acronym) = acronym {
                identity::consolidate_acronym(tx, &key, &ty, &acronym)?;
            }
        }
        Ok(rowid)
    })()
    .map_err(write)?;
    Ok(Some(rowid))
}

/// The document's entities that no name mentions, only common nouns ("the
/// government", "protesters"): which government is meant holds within the
/// document, so these never join an entity of another document.
fn common_noun_entities<'d>(doc: &'d DocView<'d>) -> HashSet<&'d str> {
    let (mut common, mut named) = (HashSet::new(), HashSet::new());
    for m in &doc.mentions {
        let Some(entity) = m.entity.as_deref() else {
            continue;
        };
        match m.kind.as_deref() {
            Some("nominal") => common.insert(entity),
            _ => named.insert(entity),
        };
    }
    common.retain(|e| !named.contains(e));
    common
}

/// A common-noun entity's key, scoped to its document: `ORG:government@17`.
fn common_noun_key(ty: &str, name: &str, document: &str) -> String {
    format!("{ty}:{}@{document}", name.to_lowercase())
}

/// A full name or an abbreviation stored by this document: its key, type and
/// acronym, consolidated once the document is in.
type FullName = (String, String, Option<String>);

impl Writing<'_, '_> {
    /// The `documents` row; returns its rowid and the publisher.
    fn document_row(&self, json: &str) -> rusqlite::Result<(i64, Option<String>)> {
        let doc = self.doc;
        let source_uri = doc.source.as_ref().and_then(|s| s.uri.as_deref());
        // The document's `url` (canonical link, og:url, JSONL url); else the source
        // when it came from the web (or `--url`); a local path is not a URL.
        let is_web = |u: &&str| u.starts_with("http://") || u.starts_with("https://");
        let url = doc
            .url
            .as_deref()
            .filter(is_web)
            .or_else(|| source_uri.filter(is_web));
        // Documents written before `publisher` existed: the URL's host.
        let publisher = doc
            .publisher
            .as_deref()
            .map(str::to_string)
            .or_else(|| url.and_then(dossier_core::url_host));
        self.run(
            "INSERT INTO documents (id, url, title, published, source_uri, text, json, publisher) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![self.id, url, doc.title, doc.published, source_uri, doc.text, json, publisher],
        )?;
        Ok((self.tx.last_insert_rowid(), publisher))
    }

    /// Entities merged across documents by key. Returns the full names to
    /// consolidate, and the named keys (most mentioned first) for stories.
    fn entities(&mut self) -> rusqlite::Result<(Vec<FullName>, Vec<String>)> {
        let (tx, doc) = (self.tx, self.doc);
        let published = doc
            .published
            .as_deref()
            .map(|p| p.get(..10).unwrap_or(p).to_string());
        let mut full_names = Vec::new();
        let mut named: Vec<(i64, String)> = Vec::new();
        // Keys this document already counted (two of its entities may resolve to one).
        let mut counted = HashSet::new();
        let common = common_noun_entities(doc);
        for e in &doc.entities {
            let (Some(local), Some(name), Some(ty)) =
                (e.id.as_deref(), e.name.as_deref(), e.ty.as_deref())
            else {
                continue;
            };
            let is_common = common.contains(local);
            let given = match e.key.as_deref() {
                _ if is_common => common_noun_key(ty, name, self.id),
                Some(key) => key.to_string(),
                None => format!("{ty}:{}", name.to_lowercase()),
            };
            // One stored entity per real-world thing, whatever this document
            // called it; a common noun's thing is this document's own.
            let (key, also) = if is_common {
                (given.clone(), Vec::new())
            } else {
                identity::resolve(tx, &given, name)?
            };
            if !is_common && key == given {
                identity::separate_outnumbered(tx, &given, name)?;
            }
            // A common noun has no surname or abbreviation to join others by.
            let surname = identity::surname_of(&key).filter(|_| !is_common);
            let acronym = identity::acronym_of(name).filter(|_| !is_common);
            let mentions = e.mentions.len() as i64;
            let kb = e.kb.as_ref().filter(|k| !k.is_null()).map(Value::to_string);
            self.run(
                "INSERT INTO entities (key, name, type, kb, mentions, documents, first_seen, last_seen, first_document, last_document, surname, acronym, common)
                 VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?6, ?7, ?7, ?8, ?9, ?11)
                 ON CONFLICT(key) DO UPDATE SET
                    mentions = mentions + excluded.mentions,
                    documents = documents + ?10,
                    name = CASE WHEN length(excluded.name) > length(name) AND type != 'GPE' THEN excluded.name ELSE name END,
                    kb = COALESCE(kb, excluded.kb),
                    first_document = CASE WHEN excluded.first_seen < first_seen OR first_seen IS NULL THEN excluded.first_document ELSE first_document END,
                    first_seen = CASE WHEN excluded.first_seen < first_seen OR first_seen IS NULL THEN excluded.first_seen ELSE first_seen END,
                    last_document = CASE WHEN excluded.last_seen >= last_seen OR last_seen IS NULL THEN excluded.last_document ELSE last_document END,
                    last_seen = CASE WHEN excluded.last_seen >= last_seen OR last_seen IS NULL THEN excluded.last_seen ELSE last_seen END",
                params![key, name, ty, kb, mentions, published, self.id, surname, acronym, i64::from(counted.insert(key.clone())), is_common],
            )?;
            identity::add_type_votes(tx, &key, ty, mentions, &also)?;
            for alias in std::iter::once(name).chain(e.aliases.iter().map(|a| a.as_ref())) {
                identity::add_alias(tx, &key, alias)?;
            }
            identity::count_written_name(tx, &key, name)?;
            self.run("INSERT INTO document_entities (document, local, key, mentions, given_key) VALUES (?1, ?2, ?3, ?4, ?5)", params![self.id, local, key, mentions, given])?;
            if surname.is_some() || acronym.is_some() {
                full_names.push((key.clone(), ty.to_string(), acronym));
            }
            if !is_common && NAMED_TYPES.contains(&ty) && !named.iter().any(|n| n.1 == key) {
                named.push((mentions, key.clone()));
            }
            self.key_of.insert(local.to_string(), key);
        }
        named.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        Ok((full_names, named.into_iter().map(|n| n.1).collect()))
    }

    fn quotes(&self) -> rusqlite::Result<()> {
        for q in &self.doc.quotes {
            let start = q.start.unwrap_or(0);
            let sentence = self.sentence_around(start).map(|s| s.0);
            let speaker = q.speaker.as_ref();
            self.run(
                "INSERT INTO quotes (document, local, start, end, text, kind, cue, speaker, speaker_key, sentence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![self.id, q.id, start as i64, q.end.unwrap_or(0) as i64, q.text, q.kind, q.cue.as_ref().and_then(|c| c.text.as_deref()), speaker.and_then(|s| s.text.as_deref()), self.key_for(speaker.and_then(|s| s.entity.as_deref())), sentence],
            )?;
        }
        Ok(())
    }

    fn quantities(&self) -> rusqlite::Result<()> {
        for q in &self.doc.quantities {
            let sentence = self.sentence_around(q.start.unwrap_or(0));
            let anchors = sentence
                .as_ref()
                .filter(|_| q.measures.is_some())
                .map(|s| self.anchors_between(s.1, s.2));
            self.run(
                "INSERT INTO quantities (document, local, text, kind, value, upper, unit, approx, per, measures, sentence, anchors) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![self.id, q.id, q.text, q.kind, q.value, q.upper, q.unit, q.approx, q.per, q.measures, sentence.map(|s| s.0), anchors],
            )?;
        }
        Ok(())
    }

    fn events(&self) -> rusqlite::Result<()> {
        let doc = self.doc;
        let quantities: HashMap<&str, &QuantityView> = doc
            .quantities
            .iter()
            .filter_map(|q| Some((q.id.as_deref()?, q)))
            .collect();
        let times: HashMap<&str, &TimeView> = doc
            .times
            .iter()
            .filter_map(|t| Some((t.id.as_deref()?, t)))
            .collect();
        for e in &doc.events {
            let local = e.id.as_deref();
            let trigger = e.trigger.as_ref();
            let start = trigger.and_then(|t| t.start).unwrap_or(0);
            let sentence = self.sentence_around(start);
            let quantity = e.quantity.as_deref().and_then(|q| quantities.get(q));
            let time = e
                .time
                .as_deref()
                .and_then(|t| times.get(t))
                .and_then(|t| t.value.as_deref().or(t.text.as_deref()));
            self.run(
                "INSERT INTO events (document, local, type, act, mode, status, trigger, start, end, theme, quantity, value, unit, time, place, quote, sentence, sentence_start, sentence_end, confidence)
                 VALUES (?1, ?2, ?3, ?19, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?20)",
                params![
                    self.id, local, e.ty, e.mode, e.status,
                    trigger.and_then(|t| t.text.as_deref()), start as i64, trigger.and_then(|t| t.end).unwrap_or(0) as i64,
                    e.theme.as_ref().and_then(|t| t.text.as_deref()),
                    quantity.and_then(|q| q.text.as_deref()), quantity.and_then(|q| q.value), quantity.and_then(|q| q.unit.as_deref()),
                    time, self.key_for(e.place.as_deref()), e.quote,
                    sentence.as_ref().map(|s| s.0.clone()), sentence.as_ref().map(|s| s.1 as i64), sentence.as_ref().map(|s| s.2 as i64),
                    e.act.as_deref().or(e.ty.as_deref()), e.confidence
                ],
            )?;
            for (role, actors) in [("source", &e.source), ("target", &e.target)] {
                for k in actors.iter().filter_map(|a| self.key_for(Some(a))) {
                    self.run("INSERT OR IGNORE INTO event_actors (document, local, role, key) VALUES (?1, ?2, ?3, ?4)", params![self.id, local, role, k])?;
                }
            }
        }
        Ok(())
    }

    fn warnings(&self) -> rusqlite::Result<()> {
        for w in &self.doc.warnings {
            let spans = w.spans.as_ref().map(Value::to_string);
            self.run(
                "INSERT INTO warnings (document, code, message, spans) VALUES (?1, ?2, ?3, ?4)",
                params![self.id, w.code, w.message, spans],
            )?;
        }
        Ok(())
    }

    /// What ties a figure's sentence to one occasion, as a JSON array: the
    /// places ("P:key"), other named things ("E:key") and dates ("D:2025-03-04")
    /// named between code points `start` and `end`. Two figures measure the
    /// same fact only where these agree (see `conflicts`).
    fn anchors_between(&self, start: u64, end: u64) -> String {
        let doc = self.doc;
        let inside = |at: Option<u64>| at.is_some_and(|s| start <= s && s < end);
        let types: HashMap<&str, &str> = doc
            .entities
            .iter()
            .filter_map(|e| Some((e.id.as_deref()?, e.ty.as_deref()?)))
            .collect();
        let mut anchors: Vec<String> = Vec::new();
        for m in doc.mentions.iter().filter(|m| inside(m.start)) {
            let Some(local) = m.entity.as_deref() else {
                continue;
            };
            let (Some(key), Some(ty)) = (self.key_of.get(local), types.get(local)) else {
                continue;
            };
            let kind = match *ty {
                "GPE" | "LOC" | "FAC" => "P",
                t if NAMED_TYPES.contains(&t) => "E",
                _ => continue,
            };
            anchors.push(format!("{kind}:{key}"));
        }
        for t in doc.times.iter().filter(|t| inside(t.start)) {
            // Calendar dates only ("2025-03-04", "2016-09", "1992"), not durations or clock times alone.
            if let Some(v) = t
                .value
                .as_deref()
                .filter(|v| v.len() >= 4 && v[..4].bytes().all(|b| b.is_ascii_digit()))
            {
                anchors.push(format!("D:{}", v.get(..10).unwrap_or(v)));
            }
        }
        anchors.sort();
        anchors.dedup();
        serde_json::to_string(&anchors).unwrap_or_default()
    }
}

/// Entity types whose shared keys tie documents into a story.
pub(crate) const NAMED_TYPES: &[&str] = &[
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "NORP",
    "EVENT",
    "PRODUCT",
    "LAW",
    "WORK_OF_ART",
];

#[cfg(test)]
mod tests {
    use crate::Store;

    /// A document with an escaped string, a quote, a figure and an event
    /// whose links go through the document's own ids.
    const DOC: &str = r#"{"id":"d1","text":"Japan said \"we will pay $5 million\" on 2024-07-10.","published":"2024-07-10T09:00:00Z","source":{"uri":"https://example.org/a"},
        "sentences":[{"start":0,"end":50}],
        "mentions":[{"id":"m1","start":0,"end":5,"entity":"e1"}],
        "entities":[{"id":"e1","name":"Japan","type":"GPE","mentions":["m1"],"aliases":["Nippon"],"kb":{"iso3166":"JP"},"key":"iso3166:JP"}],
        "quotes":[{"id":"q1","start":12,"end":35,"text":"we will pay $5 million","kind":"direct","cue":{"start":6,"end":10,"text":"said"},"speaker":{"start":0,"end":5,"text":"Japan","entity":"e1"}}],
        "times":[{"id":"t1","start":39,"end":49,"text":"2024-07-10","type":"DATE","value":"2024-07-10"}],
        "quantities":[{"id":"n1","start":24,"end":34,"text":"$5 million","kind":"money","value":5000000,"upper":null,"unit":"USD","approx":"exact","per":null,"measures":"pledged by iso3166:JP"}],
        "events":[{"id":"v1","type":"AID","act":"AID","mode":null,"status":"pledged","trigger":{"start":20,"end":23,"text":"pay"},"source":["e1"],"target":[],"theme":null,"quantity":"n1","time":"t1","place":null,"quote":"q1"}],
        "warnings":[{"code":"name_variant","message":"m","spans":[{"start":0,"end":5}]}]}"#;

    #[test]
    fn a_document_is_read_through_its_typed_view_into_every_table() {
        let dir = std::env::temp_dir().join(format!("dossier-insert-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.db");
        let _ = std::fs::remove_file(&path);
        let mut store = Store::open(&path).unwrap();
        assert!(store.ingest(DOC).unwrap());
        assert!(!store.ingest(DOC).unwrap(), "stored once");
        let conn = store.connection();
        let one = |sql: &str| -> String { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(
            one("SELECT url || ' ' || publisher FROM documents"),
            "https://example.org/a example.org"
        );
        assert_eq!(
            one("SELECT kb || ' ' || first_seen FROM entities"),
            r#"{"iso3166":"JP"} 2024-07-10"#
        );
        assert_eq!(
            one("SELECT group_concat(alias, ',') FROM aliases"),
            "Japan,Nippon"
        );
        assert_eq!(
            one("SELECT text || '|' || speaker_key || '|' || sentence FROM quotes"),
            r#"we will pay $5 million|iso3166:JP|Japan said "we will pay $5 million" on 2024-07-10."#
        );
        assert_eq!(
            one("SELECT anchors FROM quantities"),
            r#"["D:2024-07-10","P:iso3166:JP"]"#
        );
        assert_eq!(one("SELECT act || ' ' || value || ' ' || unit || ' ' || time || ' ' || quote FROM events"), "AID 5000000.0 USD 2024-07-10 q1");
        assert_eq!(
            one("SELECT role || ' ' || key FROM event_actors"),
            "source iso3166:JP"
        );
        assert_eq!(
            one("SELECT spans FROM warnings"),
            r#"[{"end":5,"start":0}]"#
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A document about `gov` (a common noun) and `name`, named.
    fn common_noun_doc(id: &str, gov: &str) -> String {
        format!(
            r#"{{"id":"{id}","text":"The {gov} met Ukraine.","published":"2024-07-10","sentences":[{{"start":0,"end":22}}],
            "mentions":[{{"id":"m1","start":4,"end":14,"entity":"e1","kind":"nominal"}},{{"id":"m2","start":19,"end":26,"entity":"e2","kind":"name"}}],
            "entities":[{{"id":"e1","name":"{gov}","type":"ORG","mentions":["m1"]}},{{"id":"e2","name":"Ukraine","type":"GPE","mentions":["m2"]}}],
            "events":[{{"id":"v1","type":"CONSULT","act":"CONSULT","status":"asserted","trigger":{{"start":15,"end":18,"text":"met"}},"source":["e1"],"target":["e2"]}}]}}"#
        )
    }

    #[test]
    fn a_common_noun_actor_is_its_documents_own_and_listed_on_request() {
        let dir =
            std::env::temp_dir().join(format!("dossier-insert-common-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut store = Store::open(&dir.join("a.db")).unwrap();
        assert!(store.ingest(&common_noun_doc("d1", "government")).unwrap());
        assert!(store.ingest(&common_noun_doc("d2", "government")).unwrap());
        let keys: Vec<String> = {
            let conn = store.connection();
            let mut st = conn
                .prepare(
                    "SELECT key || ' ' || documents || ' ' || common FROM entities ORDER BY key",
                )
                .unwrap();
            let rows = st.query_map([], |r| r.get(0)).unwrap();
            rows.map(Result::unwrap).collect()
        };
        assert_eq!(
            keys,
            [
                "GPE:ukraine 2 0",
                "ORG:government@d1 1 1",
                "ORG:government@d2 1 1"
            ]
        );
        let sources: String = store
            .connection()
            .query_row(
                "SELECT group_concat(key, ',') FROM event_actors WHERE role = 'source'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(sources, "ORG:government@d1,ORG:government@d2");
        let listed = |common| {
            let q = crate::EntityQuery {
                common,
                ..Default::default()
            };
            store.entity_page(&q).unwrap().total
        };
        assert_eq!((listed(false), listed(true)), (1, 3));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn json_that_is_no_document_is_refused_with_its_code() {
        let dir = std::env::temp_dir().join(format!("dossier-insert-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut store = Store::open(&dir.join("a.db")).unwrap();
        let mut code = |json: &str| store.ingest(json).unwrap_err().to_string()[..4].to_string();
        assert_eq!(code("{\"text\":\"x\"}"), "E204");
        assert_eq!(code("not json"), "E206");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
