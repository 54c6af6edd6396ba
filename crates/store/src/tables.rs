//! The store as flat tables, one row per thing with its provenance, for
//! `dossier export --format parquet` and the Python package's Arrow tables.
//! Each table is read a page at a time (by rowid), so a large store streams.
//! The columns are documented in `docs/parquet.md`.

use rusqlite::types::Value as Sql;
use serde_json::{json, Value};

use crate::{Page, Store, StoreError};

/// A column's type, as Arrow and Parquet write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Str,
    Int,
    Float,
    /// A list of strings (actors' names and keys, aliases).
    StrList,
    /// A JSON value written as a string (`kb`, `spans`).
    Json,
}

/// One column: its name in the rows and in the files, and its type.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
}

const fn col(name: &'static str, kind: Kind) -> Column {
    Column { name, kind }
}

use Kind::*;

/// One exported table.
#[derive(Clone, Copy, Debug)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [Column],
    /// A query over rows after rowid `?1`, at most `?2`, selecting the
    /// rowid as `_page`; `None` for tables built from the documents' JSON.
    sql: Option<&'static str>,
}

pub const DOCUMENTS: Table = Table {
    name: "documents",
    columns: &[col("id", Str), col("url", Str), col("title", Str), col("published", Str), col("source_uri", Str), col("text", Str), col("ingested_at", Str)],
    sql: Some("SELECT rowid AS _page, id, url, title, published, source_uri, text, ingested_at FROM documents WHERE rowid > ?1 ORDER BY rowid LIMIT ?2"),
};

pub const ENTITIES: Table = Table {
    name: "entities",
    columns: &[
        col("key", Str), col("name", Str), col("type", Str), col("kb", Json), col("mentions", Int), col("documents", Int),
        col("first_seen", Str), col("last_seen", Str), col("first_document", Str), col("last_document", Str), col("aliases", StrList),
        col("ambiguous", StrList), col("common", Int),
    ],
    sql: Some(
        "SELECT e.rowid AS _page, e.key, e.name, e.type, e.kb, e.mentions, e.documents, e.first_seen, e.last_seen, e.first_document, e.last_document,
                e.ambiguous AS ambiguous_json, e.common,
                (SELECT json_group_array(alias) FROM (SELECT alias FROM aliases a WHERE a.key = e.key ORDER BY alias)) AS aliases_json
         FROM entities e WHERE e.rowid > ?1 ORDER BY e.rowid LIMIT ?2",
    ),
};

/// Built from each document's JSON: the store keeps mentions there only.
pub const MENTIONS: Table = Table {
    name: "mentions",
    columns: &[
        col("document", Str),
        col("mention", Str),
        col("text", Str),
        col("type", Str),
        col("kind", Str),
        col("start", Int),
        col("end", Int),
        col("entity", Str),
        col("entity_key", Str),
    ],
    sql: None,
};

pub const QUOTES: Table = Table {
    name: "quotes",
    columns: &[
        col("document", Str), col("quote", Str), col("published", Str), col("start", Int), col("end", Int), col("text", Str), col("kind", Str),
        col("cue", Str), col("speaker", Str), col("speaker_key", Str), col("speaker_name", Str), col("sentence", Str),
    ],
    sql: Some(
        "SELECT q.rowid AS _page, q.document, q.local AS quote, substr(d.published, 1, 10) AS published, q.start, q.end, q.text, q.kind, q.cue,
                q.speaker, q.speaker_key, e.name AS speaker_name, q.sentence
         FROM quotes q JOIN documents d ON d.id = q.document LEFT JOIN entities e ON e.key = q.speaker_key
         WHERE q.rowid > ?1 ORDER BY q.rowid LIMIT ?2",
    ),
};

/// The actors of event `ev` in one role, as a JSON array of `what`.
macro_rules! actors {
    ($what:literal, $role:literal) => {
        concat!(
            "(SELECT json_group_array(",
            $what,
            ") FROM event_actors a LEFT JOIN entities e ON e.key = a.key
              WHERE a.document = ev.document AND a.local = ev.local AND a.role = '",
            $role,
            "')"
        )
    };
}

pub const EVENTS: Table = Table {
    name: "events",
    columns: &[
        col("document", Str), col("event", Str), col("published", Str), col("url", Str), col("type", Str), col("act", Str), col("mode", Str),
        col("status", Str), col("confidence", Float), col("trigger", Str), col("start", Int), col("end", Int), col("sources", StrList), col("source_keys", StrList), col("targets", StrList),
        col("target_keys", StrList), col("theme", Str), col("quantity", Str), col("value", Float), col("unit", Str), col("time", Str),
        col("place", Str), col("quote", Str), col("sentence", Str), col("sentence_start", Int), col("sentence_end", Int),
    ],
    sql: Some(concat!(
        "SELECT ev.rowid AS _page, ev.document, ev.local AS event, substr(d.published, 1, 10) AS published, d.url, ev.type, ev.act, ev.mode, ev.status, ev.confidence,
                ev.trigger, ev.start, ev.end, ",
        actors!("COALESCE(e.name, a.key)", "source"), " AS sources_json, ", actors!("a.key", "source"), " AS source_keys_json, ",
        actors!("COALESCE(e.name, a.key)", "target"), " AS targets_json, ", actors!("a.key", "target"), " AS target_keys_json,
                ev.theme, ev.quantity, ev.value, ev.unit, ev.time, ev.place, ev.quote, ev.sentence, ev.sentence_start, ev.sentence_end
         FROM events ev JOIN documents d ON d.id = ev.document WHERE ev.rowid > ?1 ORDER BY ev.rowid LIMIT ?2"
    )),
};

/// The aid tracker's rows (as `Store::commitments`), for every event whose act is AID.
pub const COMMITMENTS: Table = Table {
    name: "commitments",
    columns: &[
        col("document", Str), col("event", Str), col("donor", StrList), col("donor_keys", StrList), col("recipient", StrList),
        col("recipient_keys", StrList), col("item", Str), col("quantity", Str), col("value", Float), col("unit", Str), col("status", Str),
        col("confidence", Float), col("date", Str), col("published", Str), col("url", Str), col("title", Str), col("evidence", Str),
    ],
    sql: Some(concat!(
        "SELECT ev.rowid AS _page, ev.document, ev.local AS event, ",
        actors!("COALESCE(e.name, a.key)", "source"), " AS donor_json, ", actors!("a.key", "source"), " AS donor_keys_json, ",
        actors!("COALESCE(e.name, a.key)", "target"), " AS recipient_json, ", actors!("a.key", "target"), " AS recipient_keys_json,
                ev.theme AS item, ev.quantity, ev.value, ev.unit, ev.status, ev.confidence,
                CASE WHEN ev.time GLOB '[0-9]*' THEN ev.time ELSE substr(d.published, 1, 10) END AS date,
                substr(d.published, 1, 10) AS published, d.url, d.title, ev.sentence AS evidence
         FROM events ev JOIN documents d ON d.id = ev.document WHERE ev.act = 'AID' AND ev.rowid > ?1 ORDER BY ev.rowid LIMIT ?2"
    )),
};

/// Which stored entities to list (`Store::entity_page`); no limit is all.
#[derive(Clone, Debug, Default)]
pub struct EntityQuery {
    pub entity_type: Option<String>,
    pub name: Option<String>,
    /// Also list the actors a document names only with common nouns ("the
    /// government"), each its document's own.
    pub common: bool,
    pub limit: Option<usize>,
    pub offset: usize,
}

/// `s` with LIKE's wildcards taken literally (escape character `\`).
fn like_escaped(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// Every table `export` writes. Stories are not stored yet, so there is
/// no stories table (see `docs/parquet.md`).
/// Story clusters: one row per story with its document ids (issue 25).
pub const STORIES: Table = Table {
    name: "stories",
    columns: &[
        col("id", Int), col("title", Str), col("first_seen", Str), col("last_seen", Str), col("sources", Int), col("articles", Int),
        col("documents", StrList), col("publishers", StrList),
    ],
    sql: Some(
        "SELECT s.rowid AS _page, s.id, s.title, s.first_seen, s.last_seen, s.sources, s.articles,
                (SELECT json_group_array(document) FROM (SELECT document FROM story_documents WHERE story = s.id ORDER BY rowid)) AS documents_json,
                (SELECT json_group_array(publisher) FROM (SELECT publisher FROM story_publishers WHERE story = s.id ORDER BY documents DESC, publisher)) AS publishers_json
         FROM stories s WHERE s.rowid > ?1 ORDER BY s.rowid LIMIT ?2",
    ),
};

pub const TABLES: &[Table] = &[
    DOCUMENTS,
    ENTITIES,
    MENTIONS,
    QUOTES,
    EVENTS,
    COMMITMENTS,
    STORIES,
];

impl Store {
    /// Hands `table`'s rows to `sink` in pages of at most `page` rows (a
    /// page of mentions holds the mentions of `page` documents).
    pub fn table_pages<E: From<StoreError>>(
        &self,
        table: &Table,
        page: usize,
        mut sink: impl FnMut(Vec<Value>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut after = 0i64;
        loop {
            let (rows, last) = match table.sql {
                Some(sql) => {
                    let rows =
                        self.rows(sql, vec![Sql::Integer(after), Sql::Integer(page as i64)])?;
                    let last = rows.last().and_then(|r| r["_page"].as_i64());
                    (rows, last)
                }
                None => self.mention_page(after, page)?,
            };
            let Some(last) = last else { return Ok(()) };
            after = last;
            if !rows.is_empty() {
                sink(rows)?;
            }
        }
    }

    /// The mentions of up to `page` documents after rowid `after`, and the
    /// last document's rowid (`None` when there are no more documents).
    fn mention_page(
        &self,
        after: i64,
        page: usize,
    ) -> Result<(Vec<Value>, Option<i64>), StoreError> {
        let docs = self.rows("SELECT rowid AS _page, id, json AS json_json FROM documents WHERE rowid > ?1 ORDER BY rowid LIMIT ?2", vec![Sql::Integer(after), Sql::Integer(page as i64)])?;
        let mut rows = Vec::new();
        for d in &docs {
            let keys = self.rows(
                "SELECT local, key FROM document_entities WHERE document = ?1",
                vec![Sql::Text(d["id"].as_str().unwrap_or("").to_string())],
            )?;
            let key_of = |local: &Value| {
                keys.iter()
                    .find(|k| &k["local"] == local)
                    .map(|k| k["key"].clone())
                    .unwrap_or(Value::Null)
            };
            for m in d["json"]["mentions"].as_array().into_iter().flatten() {
                rows.push(json!({
                    "document": d["id"], "mention": m["id"], "text": m["text"], "type": m["type"], "kind": m.get("kind").cloned().unwrap_or(json!("name")),
                    "start": m["start"], "end": m["end"], "entity": m["entity"], "entity_key": key_of(&m["entity"]),
                }));
            }
        }
        Ok((rows, docs.last().and_then(|d| d["_page"].as_i64())))
    }

    /// Every entity, the most mentioned first, optionally of one type:
    /// key, name, type, kb, counts, first and last seen, and aliases.
    pub fn entities(
        &self,
        entity_type: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Value>, StoreError> {
        let query = EntityQuery {
            entity_type: entity_type.map(str::to_string),
            limit: Some(limit),
            ..EntityQuery::default()
        };
        Ok(self.entity_page(&query)?.rows)
    }

    /// One page of the stored entities, the most mentioned first, and how
    /// many match in all. `name` matches any part of a name or an alias,
    /// in any case.
    pub fn entity_page(&self, q: &EntityQuery) -> Result<Page, StoreError> {
        let args = || {
            let ty = q
                .entity_type
                .as_deref()
                .map_or(Sql::Null, |t| Sql::Text(t.to_uppercase()));
            let name = q
                .name
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map_or(Sql::Null, |n| Sql::Text(format!("%{}%", like_escaped(n))));
            vec![ty, name, Sql::Integer(i64::from(q.common))]
        };
        const MATCHING: &str =
            "?1 IS NULL OR e.type = ?1) AND (?2 IS NULL OR e.name LIKE ?2 ESCAPE '\\'
                OR e.key IN (SELECT key FROM aliases WHERE alias LIKE ?2 ESCAPE '\\')) AND (?3 OR e.common = 0";
        let total = self.rows(
            &format!("SELECT count(*) AS n FROM entities e WHERE ({MATCHING})"),
            args(),
        )?;
        let total = total.first().and_then(|r| r["n"].as_u64()).unwrap_or(0) as usize;
        let mut page = args();
        let count =
            |n: Option<usize>| Sql::Integer(n.and_then(|n| i64::try_from(n).ok()).unwrap_or(-1));
        page.push(count(q.limit));
        page.push(count(Some(q.offset)));
        let rows = self.rows(
            &format!(
                "SELECT e.key, e.name, e.type, e.kb AS kb_json, e.mentions, e.documents, e.first_seen, e.last_seen, e.first_document, e.last_document,
                    (SELECT json_group_array(alias) FROM (SELECT alias FROM aliases a WHERE a.key = e.key ORDER BY alias)) AS aliases_json,
                    e.ambiguous AS ambiguous_json
                 FROM entities e WHERE ({MATCHING}) ORDER BY e.mentions DESC, e.key LIMIT ?4 OFFSET ?5"
            ),
            page,
        )?;
        Ok(Page {
            total,
            offset: q.offset,
            rows,
        })
    }

    /// Story clusters as flat rows (the columns of [`STORIES`]).
    pub fn stories(&self) -> Result<Vec<Value>, StoreError> {
        let mut rows = Vec::new();
        self.table_pages(&STORIES, 50_000, |page| {
            rows.extend(page.into_iter().map(|mut r| {
                r.as_object_mut().map(|o| o.remove("_page"));
                r
            }));
            Ok::<(), StoreError>(())
        })?;
        Ok(rows)
    }
}

/// The columns of the query answers (`Store::search`, `quotes`, `events`,
/// `commitments`, `conflicts`), for their Arrow form; `entities` answers
/// with `ENTITIES.columns`.
pub mod answers {
    use super::{col, Column, Kind::*};

    pub const SEARCH: &[Column] = &[
        col("document", Str),
        col("title", Str),
        col("url", Str),
        col("published", Str),
        col("snippet", Str),
        col("rank", Float),
        col("highlights", Json),
    ];

    pub const QUOTES: &[Column] = &[
        col("published", Str),
        col("speaker", Str),
        col("speaker_key", Str),
        col("kind", Str),
        col("text", Str),
        col("cue", Str),
        col("document", Str),
        col("quote", Str),
        col("start", Int),
        col("end", Int),
        col("title", Str),
        col("url", Str),
        col("sentence", Str),
    ];

    pub const EVENTS: &[Column] = &[
        col("published", Str),
        col("type", Str),
        col("act", Str),
        col("mode", Str),
        col("status", Str),
        col("confidence", Float),
        col("sources", StrList),
        col("targets", StrList),
        col("trigger", Str),
        col("theme", Str),
        col("quantity", Str),
        col("value", Float),
        col("unit", Str),
        col("time", Str),
        col("document", Str),
        col("event", Str),
        col("title", Str),
        col("url", Str),
        col("sentence", Str),
        col("sentence_start", Int),
        col("sentence_end", Int),
    ];

    pub const COMMITMENTS: &[Column] = &[
        col("donor", StrList),
        col("recipient", StrList),
        col("item", Str),
        col("quantity", Str),
        col("value", Float),
        col("unit", Str),
        col("status", Str),
        col("confidence", Float),
        col("date", Str),
        col("published", Str),
        col("url", Str),
        col("title", Str),
        col("document", Str),
        col("event", Str),
        col("evidence", Str),
    ];

    pub const CONFLICTS: &[Column] = &[
        col("scope", Str),
        col("story", Int),
        col("measures", Str),
        col("unit", Str),
        col("message", Str),
        col("document", Str),
        col("title", Str),
        col("url", Str),
        col("sentence", Str),
        col("other_document", Str),
        col("other_title", Str),
        col("other_url", Str),
        col("other_sentence", Str),
        col("documents", Json),
        col("figures", Json),
    ];
}
