//! The document frequencies of terms (`term_df`), kept in memory between
//! the batches of one connection: an ingest reads and bumps a few hundred
//! of them per document, and doing each in SQLite was a seventh of the
//! store's time. The counts a document adds are written to `term_df` once
//! per batch, before its commit, as increments (so another writer's counts
//! are kept); when another connection committed meanwhile, the copy is
//! dropped and read again from the table.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};

/// Term 0 holds the number of documents counted.
pub(crate) const TOTAL: i64 = 0;

#[derive(Default)]
pub(crate) struct DocFrequencies {
    /// Counts as committed in `term_df` (0: no row), for the terms read so far.
    committed: HashMap<i64, i64>,
    /// Increments of the documents of the open batch that were stored.
    batch: HashMap<i64, i64>,
    /// Terms the document being stored counted (each once).
    document: Vec<i64>,
    /// `PRAGMA data_version` when the copy was last known good.
    data_version: Option<i64>,
}

impl DocFrequencies {
    /// At the start of a batch's transaction: drops the copy if another
    /// connection committed since (its counts may have changed).
    pub(crate) fn begin(&mut self, tx: &Connection) -> rusqlite::Result<()> {
        let version: i64 = tx.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if self.data_version != Some(version) {
            self.committed.clear();
        }
        self.data_version = Some(version);
        self.batch.clear();
        self.document.clear();
        Ok(())
    }

    /// The term's count with the batch's stored documents (0: none).
    pub(crate) fn get(&mut self, tx: &Connection, term: i64) -> rusqlite::Result<i64> {
        let committed = match self.committed.get(&term) {
            Some(&n) => n,
            None => {
                let n = tx
                    .prepare_cached("SELECT df FROM term_df WHERE term = ?1")?
                    .query_row([term], |r| r.get(0))
                    .optional()?
                    .unwrap_or(0);
                self.committed.insert(term, n);
                n
            }
        };
        Ok(committed + self.batch.get(&term).copied().unwrap_or(0))
    }

    /// Counts the term once for the document being stored; its new count.
    pub(crate) fn bump(&mut self, tx: &Connection, term: i64) -> rusqlite::Result<i64> {
        self.document.push(term);
        Ok(self.get(tx, term)? + 1)
    }

    /// The document was stored: its counts join the batch's.
    pub(crate) fn keep_document(&mut self) {
        for term in self.document.drain(..) {
            *self.batch.entry(term).or_default() += 1;
        }
    }

    /// The document was not stored (rolled back): its counts go.
    pub(crate) fn drop_document(&mut self) {
        self.document.clear();
    }

    /// Writes the batch's increments into `term_df`, before the commit.
    pub(crate) fn write(&self, tx: &Connection) -> rusqlite::Result<()> {
        let mut upsert = tx.prepare_cached("INSERT INTO term_df (term, df) VALUES (?1, ?2) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df")?;
        for (term, n) in &self.batch {
            upsert.execute(params![term, n])?;
        }
        Ok(())
    }

    /// After the commit: the batch's counts are committed.
    pub(crate) fn committed(&mut self) {
        for (term, n) in self.batch.drain() {
            *self.committed.entry(term).or_default() += n;
        }
    }

    /// After a rollback or a failed commit: nothing of the copy is trusted.
    pub(crate) fn forget(&mut self) {
        *self = DocFrequencies::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_read_again_after_another_connection_committed() {
        let path = std::env::temp_dir().join(format!("dossier-doc-freq-{}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let (mine, other) = (
            Connection::open(&path).unwrap(),
            Connection::open(&path).unwrap(),
        );
        mine.execute_batch("CREATE TABLE term_df (term INTEGER PRIMARY KEY, df INTEGER NOT NULL)")
            .unwrap();
        let mut df = DocFrequencies::default();
        df.begin(&mine).unwrap();
        assert_eq!(df.bump(&mine, 7).unwrap(), 1);
        df.keep_document();
        assert_eq!(df.get(&mine, 7).unwrap(), 1, "the batch's own count");
        df.write(&mine).unwrap();
        df.committed();
        // Another writer counts the term twice; the next batch sees it.
        other
            .execute("UPDATE term_df SET df = df + 2 WHERE term = 7", [])
            .unwrap();
        df.begin(&mine).unwrap();
        assert_eq!(df.get(&mine, 7).unwrap(), 3);
        // A rolled-back document's count goes.
        df.bump(&mine, 7).unwrap();
        df.drop_document();
        assert_eq!(df.get(&mine, 7).unwrap(), 3);
        std::fs::remove_file(&path).ok();
    }
}
