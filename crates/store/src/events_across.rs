//! Events across reports: the same event (type, sources, targets) reported
//! by several documents within a few days is one event, with every citing
//! sentence and the counts of articles and outlets (GDELT's NumArticles
//! and NumSources), whether or not the documents share a story.

use rusqlite::types::Value as Sql;
use serde_json::{json, Value};

use crate::{Filter, Store, StoreError};

/// Reports more than this many days after the last one start a new event.
pub const ACROSS_DAYS: i64 = 3;

impl Store {
    /// Every cross-document event, the most reported first, filtered by type
    /// and dates (`Filter::event_type`, `since`, `until`; other fields are
    /// not read).
    pub fn events_across(&self, f: &Filter) -> Result<Vec<Value>, StoreError> {
        let mut args = Vec::new();
        let mut cond = String::new();
        if let Some(t) = &f.event_type {
            args.push(Sql::Text(t.to_uppercase()));
            cond.push_str(&format!(" AND e.type = ?{}", args.len()));
        }
        Self::date_filters(f, &mut cond, &mut args);
        let rows = self.rows(
            &format!(
                "SELECT * FROM (SELECT e.type, e.document, e.sentence, d.publisher, substr(d.published, 1, 10) AS published,
                    (SELECT group_concat(key, ';') FROM (SELECT a.key FROM event_actors a WHERE a.document = e.document AND a.local = e.local AND a.role = 'source' ORDER BY a.key)) AS source_keys,
                    (SELECT group_concat(key, ';') FROM (SELECT a.key FROM event_actors a WHERE a.document = e.document AND a.local = e.local AND a.role = 'target' ORDER BY a.key)) AS target_keys
                 FROM events e JOIN documents d ON d.id = e.document WHERE 1{cond})
                 WHERE source_keys IS NOT NULL OR target_keys IS NOT NULL
                 ORDER BY type, source_keys, target_keys, published IS NULL, published, document"
            ),
            args,
        )?;
        let mut events = Vec::new();
        let mut start = 0;
        while start < rows.len() {
            let end = start + run_length(&rows[start..]);
            events.push(self.across(&rows[start..end])?);
            start = end;
        }
        events.sort_by(|a, b| {
            b["articles"]
                .as_u64()
                .cmp(&a["articles"].as_u64())
                .then_with(|| b["sources"].as_u64().cmp(&a["sources"].as_u64()))
        });
        Ok(events)
    }

    /// One cross-document event from its reports (rows of one actor key
    /// set, in date order).
    fn across(&self, reports: &[Value]) -> Result<Value, StoreError> {
        let first = &reports[0];
        let names = |keys: &Value| -> Result<Vec<Value>, StoreError> {
            let mut out = Vec::new();
            for key in keys
                .as_str()
                .unwrap_or("")
                .split(';')
                .filter(|k| !k.is_empty())
            {
                let name = self.rows(
                    "SELECT name FROM entities WHERE key = ?1",
                    vec![Sql::Text(key.to_string())],
                )?;
                out.push(
                    name.first()
                        .map_or_else(|| json!(key), |r| r["name"].clone()),
                );
            }
            Ok(out)
        };
        let mut documents: Vec<&str> = reports
            .iter()
            .filter_map(|r| r["document"].as_str())
            .collect();
        documents.dedup();
        let mut outlets: Vec<&str> = reports
            .iter()
            .filter_map(|r| r["publisher"].as_str())
            .collect();
        outlets.sort_unstable();
        outlets.dedup();
        Ok(json!({
            "type": first["type"], "sources_names": names(&first["source_keys"])?, "targets_names": names(&first["target_keys"])?,
            "source_keys": first["source_keys"], "target_keys": first["target_keys"],
            "first_seen": first["published"], "last_seen": reports.last().map(|r| r["published"].clone()),
            "articles": documents.len(), "sources": outlets.len(),
            "citations": reports.iter().map(|r| json!({ "document": r["document"], "publisher": r["publisher"], "published": r["published"], "sentence": r["sentence"] })).collect::<Vec<_>>(),
        }))
    }
}

/// The day number of a row's `published`, if it has one.
fn day_of(r: &Value) -> Option<i64> {
    r["published"].as_str().and_then(crate::similar::day_number)
}

/// How many rows from the first report one event: the same type and
/// actors, each within `ACROSS_DAYS` of the one before.
fn run_length(rows: &[Value]) -> usize {
    let same = |a: &Value, b: &Value| {
        a["type"] == b["type"]
            && a["source_keys"] == b["source_keys"]
            && a["target_keys"] == b["target_keys"]
    };
    let mut n = 1;
    while n < rows.len() && same(&rows[0], &rows[n]) {
        if let (Some(prev), Some(day)) = (day_of(&rows[n - 1]), day_of(&rows[n])) {
            if day - prev > ACROSS_DAYS {
                break;
            }
        }
        n += 1;
    }
    n
}
