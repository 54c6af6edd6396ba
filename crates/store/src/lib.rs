//! The knowledge store: documents as `extract` writes them (JSON, code-point
//! offsets), with their entities merged across documents by key, quotes,
//! events and warnings in tables, and full-text indexes over text and quotes.
//!
//! Each document is stored all or nothing (see `ingest_batch`), several to a
//! transaction; a document already stored (same content id) is skipped, so
//! an ingest that was killed can simply be run again. The database runs in
//! WAL mode.
//!
//! Several writers may share a database (two `dossier ingest`, or an ingest
//! and the server): every write transaction takes the write lock when it
//! begins (`BEGIN IMMEDIATE`), and a writer waits up to [`BUSY_TIMEOUT`] for
//! another's transaction to end.

#[cfg(feature = "arrow")]
pub mod arrow;
pub mod checks;
mod conflicts;
mod doc_freq;
mod events_across;
pub mod export;
mod identity;
mod insert;
#[cfg(feature = "parquet")]
pub mod parquet;
mod queries;
pub mod search_syntax;
pub mod similar;
mod stories;
mod story_queries;
pub mod tables;
mod workbench;

pub use events_across::ACROSS_DAYS;
pub use identity::Correction;
pub use queries::*;
pub use story_queries::{StoryFilter, LISTED_DOCUMENTS};
pub use tables::EntityQuery;

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode, OptionalExtension, Transaction, TransactionBehavior};
use serde_json::Value;

/// Errors of the store, with the path or the document they concern.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("E201 cannot open the database {path}: {source}")]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    #[error("E202 the database {path} has schema version {found}, newer than this dossier ({supported}); upgrade dossier")]
    TooNew {
        path: String,
        found: i64,
        supported: i64,
    },
    #[error("E203 document {id}: {source}")]
    Write { id: String, source: rusqlite::Error },
    #[error("E204 the document has no `{0}` field; is it dossier JSON?")]
    NotADocument(&'static str),
    #[error("E206 the document is not valid JSON: {0}")]
    NotJson(String),
    #[error("E205 query failed: {0}")]
    Query(#[from] rusqlite::Error),
    #[error("E208 the search cannot be run: {0}")]
    BadSearch(String),
    #[error("E207 another writer kept the database locked for over {} s; run again", BUSY_TIMEOUT.as_secs())]
    Locked,
}

/// How long a writer waits for another writer's transaction to end before
/// giving up with E207. Generous: another ingest holds the lock for a batch.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// Begins a write transaction holding the write lock from the start. A
/// deferred one that reads and then writes gets SQLITE_BUSY at once, without
/// waiting, when another writer got the lock in between.
fn begin_write(conn: &mut Connection) -> Result<Transaction<'_>, StoreError> {
    Transaction::new(conn, TransactionBehavior::Immediate).map_err(|e| {
        if is_busy(&e) {
            StoreError::Locked
        } else {
            e.into()
        }
    })
}

/// Switches the database to WAL. The switch takes its lock without calling
/// the busy handler, so a concurrent opener can get SQLITE_BUSY at once:
/// retry until the busy timeout.
fn enable_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Err(e) if is_busy(&e) && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20))
            }
            result => return result.map(drop),
        }
    }
}

/// Connection settings for speed: enough cached statements for every
/// statement of an ingest (the default 16 made the store re-prepare some for
/// every document), a page cache that holds the indexes an ingest touches
/// (the default 2 MB made a third of its time reads from the OS),
/// temporary journals in memory, and a checkpoint every 8,000 pages of WAL
/// rather than 1,000 (an ingest writes the same index pages again and again,
/// and a checkpoint copies each once: with 1,000 it was a tenth of the time).
fn tune(conn: &Connection) -> rusqlite::Result<()> {
    conn.set_prepared_statement_cache_capacity(128);
    conn.pragma_update(None, "cache_size", -32_768)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "wal_autocheckpoint", 8_000)
}

/// The schema's version: 0 for a new database.
fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    let exists: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
        [],
        |r| r.get(0),
    )?;
    if !exists {
        return Ok(0);
    }
    conn.query_row(
        "SELECT COALESCE(MAX(version), 0) FROM schema_version",
        [],
        |r| r.get(0),
    )
}

/// One schema migration: statements, or a step that computes in Rust what SQL
/// cannot (folding accents).
enum Migration {
    Sql(&'static str),
    Run(fn(&Connection) -> rusqlite::Result<()>),
}
use Migration::{Run, Sql};

/// Schema migrations, applied in order; the version is their count.
const MIGRATIONS: &[Migration] = &[
    Sql(r#"
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    url TEXT, title TEXT, published TEXT, source_uri TEXT,
    text TEXT NOT NULL,
    json TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE TABLE entities (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL, type TEXT NOT NULL, kb TEXT,
    mentions INTEGER NOT NULL DEFAULT 0,
    documents INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT, last_seen TEXT,
    first_document TEXT, last_document TEXT
);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
CREATE TABLE aliases (
    key TEXT NOT NULL REFERENCES entities(key), alias TEXT NOT NULL,
    PRIMARY KEY (key, alias)
);
CREATE INDEX aliases_alias ON aliases(alias COLLATE NOCASE);
CREATE TABLE document_entities (
    document TEXT NOT NULL REFERENCES documents(id), local TEXT NOT NULL,
    key TEXT NOT NULL REFERENCES entities(key), mentions INTEGER NOT NULL,
    PRIMARY KEY (document, local)
);
CREATE INDEX document_entities_key ON document_entities(key);
CREATE TABLE quotes (
    document TEXT NOT NULL REFERENCES documents(id), local TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
    cue TEXT, speaker TEXT, speaker_key TEXT, sentence TEXT,
    PRIMARY KEY (document, local)
);
CREATE INDEX quotes_speaker ON quotes(speaker_key);
CREATE TABLE events (
    document TEXT NOT NULL REFERENCES documents(id), local TEXT NOT NULL,
    type TEXT NOT NULL, mode TEXT, status TEXT NOT NULL,
    trigger TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    theme TEXT, quantity TEXT, value REAL, unit TEXT, time TEXT, place TEXT,
    quote TEXT, sentence TEXT, sentence_start INTEGER, sentence_end INTEGER,
    PRIMARY KEY (document, local)
);
CREATE INDEX events_type ON events(type);
CREATE TABLE event_actors (
    document TEXT NOT NULL, local TEXT NOT NULL, role TEXT NOT NULL, key TEXT NOT NULL,
    PRIMARY KEY (document, local, role, key)
);
CREATE INDEX event_actors_key ON event_actors(key, role);
CREATE TABLE quantities (
    document TEXT NOT NULL REFERENCES documents(id), local TEXT NOT NULL,
    text TEXT NOT NULL, kind TEXT NOT NULL, value REAL, unit TEXT, approx TEXT, noun TEXT, sentence TEXT,
    PRIMARY KEY (document, local)
);
CREATE INDEX quantities_noun ON quantities(kind, unit, noun);
CREATE TABLE warnings (
    document TEXT NOT NULL REFERENCES documents(id), code TEXT NOT NULL, message TEXT NOT NULL, spans TEXT
);
CREATE INDEX warnings_code ON warnings(code);
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content='quotes', content_rowid='rowid');
"#),
    Sql(r#"
ALTER TABLE entities ADD COLUMN surname TEXT;
ALTER TABLE entities ADD COLUMN ambiguous TEXT;
ALTER TABLE entities ADD COLUMN acronym TEXT;
CREATE INDEX entities_surname ON entities(surname);
CREATE INDEX entities_acronym ON entities(acronym);
ALTER TABLE document_entities ADD COLUMN given_key TEXT;
UPDATE document_entities SET given_key = key;
CREATE TABLE entity_types (
    key TEXT NOT NULL, type TEXT NOT NULL, mentions INTEGER NOT NULL,
    PRIMARY KEY (key, type)
);
INSERT INTO entity_types (key, type, mentions) SELECT key, type, mentions FROM entities;
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY, action TEXT NOT NULL, key TEXT NOT NULL, value TEXT,
    made_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX corrections_key ON corrections(key, action);
"#),
    Sql(r#"
ALTER TABLE documents ADD COLUMN publisher TEXT;
DROP INDEX quantities_noun;
ALTER TABLE quantities DROP COLUMN noun;
ALTER TABLE quantities ADD COLUMN upper REAL;
ALTER TABLE quantities ADD COLUMN per TEXT;
ALTER TABLE quantities ADD COLUMN measures TEXT;
CREATE INDEX quantities_measures ON quantities(measures);
CREATE TABLE near_duplicates (
    document TEXT PRIMARY KEY REFERENCES documents(id),
    dup_group TEXT NOT NULL, signature BLOB
);
CREATE INDEX near_duplicates_group ON near_duplicates(dup_group);
CREATE TABLE minhash_bands (band_key INTEGER NOT NULL, document TEXT NOT NULL);
CREATE INDEX minhash_bands_key ON minhash_bands(band_key);
CREATE TABLE term_df (term INTEGER PRIMARY KEY, df INTEGER NOT NULL);
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    title TEXT, title_document TEXT,
    first_seen TEXT, last_seen TEXT, first_day INTEGER, last_day INTEGER,
    articles INTEGER NOT NULL, sources INTEGER NOT NULL,
    centroid BLOB NOT NULL
);
CREATE INDEX stories_last_seen ON stories(last_seen);
CREATE TABLE story_documents (
    document TEXT PRIMARY KEY REFERENCES documents(id),
    story INTEGER NOT NULL REFERENCES stories(id), similarity REAL, vector BLOB NOT NULL
);
CREATE INDEX story_documents_story ON story_documents(story);
CREATE TABLE story_terms (term INTEGER NOT NULL, last_day INTEGER NOT NULL, story INTEGER NOT NULL, PRIMARY KEY (term, last_day, story)) WITHOUT ROWID;
CREATE INDEX story_terms_story ON story_terms(story);
CREATE TABLE story_entities (story INTEGER NOT NULL, key TEXT NOT NULL, documents INTEGER NOT NULL, PRIMARY KEY (story, key)) WITHOUT ROWID;
CREATE INDEX story_entities_key ON story_entities(key);
CREATE TABLE story_publishers (story INTEGER NOT NULL, publisher TEXT NOT NULL, documents INTEGER NOT NULL, PRIMARY KEY (story, publisher)) WITHOUT ROWID;
"#),
    Sql(r#"
ALTER TABLE quantities ADD COLUMN anchors TEXT;
"#),
    // An event's `type` is its PLOVER code and `act` what was done or pledged (#24); a document
    // stored before then wrote the act as its type.
    Sql(r#"
ALTER TABLE events ADD COLUMN act TEXT;
UPDATE events SET act = type;
CREATE INDEX events_act ON events(act);
"#),
    // An entity that a document names only with common nouns ("the government") is that
    // document's own (its key ends `@document`) and is listed only on request. Entities
    // stored before then keep their shared keys until their documents are stored again.
    Sql(r#"
ALTER TABLE entities ADD COLUMN common INTEGER NOT NULL DEFAULT 0;
"#),
    // A surname is stored without an Arabic article, so "Assad" alone finds "Bashar al-Assad".
    Sql(r#"
UPDATE entities SET surname = substr(surname, 4) WHERE surname GLOB 'al-?*' OR surname GLOB 'el-?*';
"#),
    // A surname is stored without accents, so "Erdogan" alone finds "Recep Tayyip Erdoğan"; the
    // documents that gave a key are counted to keep a lone word in many of them apart; a
    // person's name is the full name most documents wrote (an entity's name so far counts
    // its documents).
    Sql(r#"
CREATE INDEX document_entities_given ON document_entities(given_key);
ALTER TABLE aliases ADD COLUMN documents INTEGER NOT NULL DEFAULT 0;
UPDATE aliases SET documents = (SELECT e.documents FROM entities e WHERE e.key = aliases.key)
    WHERE alias = (SELECT e.name FROM entities e WHERE e.key = aliases.key);
"#),
    Run(identity::fold_stored_surnames),
    // The event judge's confidence in an event's type and status (none for events stored before).
    Sql(r#"
ALTER TABLE events ADD COLUMN confidence REAL;
"#),
];

pub struct Store {
    conn: Connection,
    /// Document frequencies of terms, for the story index.
    df: doc_freq::DocFrequencies,
}

impl Store {
    /// Opens (creating if needed) and migrates the database at `path`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let open_err = |source| StoreError::Open {
            path: path.display().to_string(),
            source,
        };
        let conn = Connection::open(path).map_err(open_err)?;
        // First, so that everything after waits for other writers.
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        enable_wal(&conn).map_err(open_err)?;
        // A killed process loses nothing committed in WAL mode at NORMAL.
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(open_err)?;
        tune(&conn).map_err(open_err)?;
        let mut store = Store {
            conn,
            df: Default::default(),
        };
        store.migrate(path)?;
        Ok(store)
    }

    /// Opens an existing database for reading only.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        let open_err = |source| StoreError::Open {
            path: path.display().to_string(),
            source,
        };
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(open_err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        Ok(Store {
            conn,
            df: Default::default(),
        })
    }

    fn migrate(&mut self, path: &Path) -> Result<(), StoreError> {
        let open_err = |source| StoreError::Open {
            path: path.display().to_string(),
            source,
        };
        let supported = MIGRATIONS.len() as i64;
        // Most opens find the schema current, and need no write lock.
        let mut found = schema_version(&self.conn).map_err(open_err)?;
        if found < supported {
            found = self.apply_migrations().map_err(|e| match e {
                StoreError::Query(source) => open_err(source),
                other => other,
            })?;
        }
        if found > supported {
            return Err(StoreError::TooNew {
                path: path.display().to_string(),
                found,
                supported,
            });
        }
        Ok(())
    }

    /// Applies the missing migrations in one transaction under the write
    /// lock, reading the version again there: another process may have
    /// created or migrated the schema meanwhile. Returns the version found.
    fn apply_migrations(&mut self) -> Result<i64, StoreError> {
        let tx = begin_write(&mut self.conn)?;
        tx.execute_batch("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")?;
        let found = schema_version(&tx)?;
        for (i, migration) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            match migration {
                Sql(sql) => tx.execute_batch(sql)?,
                Run(step) => step(&tx)?,
            }
            tx.execute(
                "INSERT INTO schema_version (version) VALUES (?1)",
                [i as i64 + 1],
            )?;
        }
        tx.commit()?;
        Ok(found)
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Whether a document with this id is stored.
    pub fn contains(&self, id: &str) -> Result<bool, StoreError> {
        Ok(is_stored(&self.conn, id)?)
    }

    /// Stores one document (the JSON `extract` writes) in one transaction.
    /// Returns false when it was already stored.
    pub fn ingest(&mut self, json: &str) -> Result<bool, StoreError> {
        self.ingest_batch(&[json])?
            .pop()
            .expect("one result per document")
    }

    /// Stores several documents in one transaction: one commit and one
    /// full-text flush instead of one per document. Each document is all or
    /// nothing, so a bad one does not stop the others; if the process dies
    /// before the commit, none of the batch is stored, and running the
    /// ingest again stores it. One result per document, in order.
    ///
    /// The transaction holds the write lock from its start, so a document
    /// another writer stored meanwhile is seen here and reported as already
    /// stored (`Ok(false)`).
    pub fn ingest_batch<S: AsRef<str>>(
        &mut self,
        jsons: &[S],
    ) -> Result<Vec<Result<bool, StoreError>>, StoreError> {
        // Most batches store every document: run them without a savepoint
        // per document (journalling each page a document touches was a fifth
        // of the store's time), and only when one fails, store the batch
        // again with savepoints, so that the failed one leaves nothing.
        match self.store_batch(jsons, false)? {
            Some(results) => Ok(results),
            None => Ok(self
                .store_batch(jsons, true)?
                .expect("with savepoints every result is kept")),
        }
    }

    /// [`write_batch`], and the counts of terms forgotten where it rolled back.
    fn store_batch<S: AsRef<str>>(
        &mut self,
        jsons: &[S],
        savepoints: bool,
    ) -> Result<Option<Vec<Result<bool, StoreError>>>, StoreError> {
        let Store { conn, df } = self;
        let result = write_batch(conn, df, jsons, savepoints);
        if !matches!(result, Ok(Some(_))) {
            // Rolled back: the counts the batch added are not in the table.
            df.forget();
        }
        result
    }
}

/// One batch in one transaction. Without `savepoints` it gives up (rolls
/// back, `None`) at the first document that fails.
fn write_batch<S: AsRef<str>>(
    conn: &mut Connection,
    df: &mut doc_freq::DocFrequencies,
    jsons: &[S],
    savepoints: bool,
) -> Result<Option<Vec<Result<bool, StoreError>>>, StoreError> {
    let mut tx = begin_write(conn)?;
    df.begin(&tx)?;
    let mut results = Vec::with_capacity(jsons.len());
    let mut stored = Vec::new();
    for json in jsons {
        let result = if savepoints {
            let savepoint = tx.savepoint()?;
            let result = insert::insert_document(&savepoint, df, json.as_ref());
            if result.is_ok() {
                savepoint.commit()?;
            }
            result
        } else {
            let result = insert::insert_document(&tx, df, json.as_ref());
            if result.is_err() {
                return Ok(None);
            }
            result
        };
        match &result {
            Ok(_) => df.keep_document(),
            Err(_) => df.drop_document(),
        }
        if let Ok(Some(rowid)) = result {
            stored.push(rowid);
        }
        results.push(result.map(|r| r.is_some()));
    }
    // Full-text rows for the whole batch at once, outside the
    // savepoints: FTS5 flushes its pending terms to a new segment at
    // every savepoint, which made indexing half the cost of a store.
    for rowid in stored {
        tx.prepare_cached("INSERT INTO documents_fts (rowid, title, text) SELECT rowid, title, text FROM documents WHERE rowid = ?1")?.execute([rowid])?;
        tx.prepare_cached("INSERT INTO quotes_fts (rowid, text, speaker) SELECT q.rowid, q.text, q.speaker FROM quotes q JOIN documents d ON d.id = q.document WHERE d.rowid = ?1")?.execute([rowid])?;
    }
    df.write(&tx)?;
    identity::reapply_names_and_types(&tx)?;
    tx.commit()?;
    df.committed();
    Ok(Some(results))
}

impl Store {
    /// Applies a user's correction to the stored entities and keeps it for
    /// every later ingest. Returns how many rows it changed.
    pub fn correct(&mut self, c: &Correction) -> Result<usize, StoreError> {
        let tx = begin_write(&mut self.conn)?;
        let changed = identity::apply(&tx, c)?;
        tx.commit()?;
        Ok(changed)
    }

    /// The corrections made so far, oldest first.
    pub fn corrections(&self) -> Result<Vec<Value>, StoreError> {
        self.rows(
            "SELECT id, action, key, value, made_at FROM corrections ORDER BY id",
            vec![],
        )
    }
}

fn is_stored(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM documents WHERE id = ?1", [id], |_| Ok(()))
        .optional()?
        .is_some())
}
