//! Summaries the web UI's pages draw: the dashboard, and the totals of
//! commitments by donor and recipient in each currency.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::{Filter, Store, StoreError};

impl Store {
    /// The dashboard: counts, the most-mentioned entities, events by type
    /// and month, and the newest conflicting figures.
    pub fn dashboard(&self) -> Result<Value, StoreError> {
        let entities = self.rows(
            "SELECT key, name, type, mentions, documents FROM entities
             WHERE type NOT IN ('DATE', 'TIME', 'PERCENT', 'MONEY', 'QUANTITY', 'ORDINAL', 'CARDINAL')
             ORDER BY mentions DESC, documents DESC LIMIT 12",
            vec![],
        )?;
        let events_by_month = self.rows(
            "SELECT substr(d.published, 1, 7) AS month, ev.type, count(*) AS events
             FROM events ev JOIN documents d ON d.id = ev.document WHERE d.published IS NOT NULL
             GROUP BY month, ev.type ORDER BY month, ev.type",
            vec![],
        )?;
        let mut conflicts = self.conflicts()?;
        conflicts.truncate(5);
        let recent = self.rows(
            "SELECT id AS document, title, url, substr(published, 1, 10) AS published FROM documents
             ORDER BY published DESC, rowid DESC LIMIT 8",
            vec![],
        )?;
        Ok(json!({
            "stats": self.stats()?, "entities": entities, "events_by_month": events_by_month,
            "conflicts": conflicts, "recent_documents": recent,
        }))
    }

    /// Totals of the commitments that match `f` (donor = `source`,
    /// recipient = `target`), per donor and per recipient, in each unit
    /// (ISO 4217 currency, or a counted thing); biggest first.
    pub fn commitment_totals(&self, f: &Filter) -> Result<Value, StoreError> {
        let all = Filter {
            limit: Some(100_000),
            offset: 0,
            ..f.clone()
        };
        let rows = self.commitments_page(&all)?.rows;
        let mut by_donor: BTreeMap<(String, String), (f64, usize)> = BTreeMap::new();
        let mut by_recipient: BTreeMap<(String, String), (f64, usize)> = BTreeMap::new();
        for r in &rows {
            let (Some(value), Some(unit)) = (r["value"].as_f64(), r["unit"].as_str()) else {
                continue;
            };
            for (side, totals) in [("donor", &mut by_donor), ("recipient", &mut by_recipient)] {
                for name in r[side]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                {
                    let t = totals
                        .entry((name.to_string(), unit.to_string()))
                        .or_default();
                    t.0 += value;
                    t.1 += 1;
                }
            }
        }
        let listed = |totals: BTreeMap<(String, String), (f64, usize)>| -> Vec<Value> {
            let mut v: Vec<Value> = totals.into_iter().map(|((name, unit), (total, n))| json!({"name": name, "unit": unit, "total": total, "commitments": n})).collect();
            v.sort_by(|a, b| {
                b["total"]
                    .as_f64()
                    .partial_cmp(&a["total"].as_f64())
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
            v
        };
        Ok(json!({ "by_donor": listed(by_donor), "by_recipient": listed(by_recipient) }))
    }

    /// A page of the documents that mention an entity (name, alias or
    /// key), newest first, with its mentions in each.
    pub fn entity_documents_page(&self, name: &str, f: &Filter) -> Result<crate::Page, StoreError> {
        let mut args = Vec::new();
        let cond = self.in_keys(name, "de.key", &mut args)?;
        let sql = format!(
            "SELECT d.id AS document, d.title, d.url, substr(d.published, 1, 10) AS published, sum(de.mentions) AS mentions
             FROM document_entities de JOIN documents d ON d.id = de.document WHERE 1{cond} GROUP BY d.id"
        );
        self.page(&sql, args, "d.published DESC, d.id", f, 50)
    }

    /// The events in which an entity is the source or the target, newest first.
    pub fn entity_events(
        &self,
        key: &str,
        role: &str,
        limit: usize,
    ) -> Result<Vec<Value>, StoreError> {
        let f = match role {
            "source" => Filter {
                source: Some(key.to_string()),
                limit: Some(limit),
                ..Filter::default()
            },
            _ => Filter {
                target: Some(key.to_string()),
                limit: Some(limit),
                ..Filter::default()
            },
        };
        self.events(&f)
    }
}
