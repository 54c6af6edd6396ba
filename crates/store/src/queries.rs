//! The questions users ask of the store. Every query is parameterized, and
//! every row carries its provenance (document, URL, sentence).

use rusqlite::{params, params_from_iter, types::Value as Sql, Row};
use serde_json::{json, Map, Value};

use dossier_core::names::{name_key, plain_chars, title_words};

use crate::{Store, StoreError};

/// Filters shared by the quote and event queries.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub by: Option<String>,
    pub about: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    pub event_type: Option<String>,
    /// Events: asserted, pledged, planned, negated, hypothetical, reported.
    pub status: Option<String>,
    /// Oldest first instead of newest first.
    pub oldest_first: bool,
    /// The act an event did or pledged (`events.act`), whatever its PLOVER type.
    pub act: Option<String>,
    /// Events: only those the event judge gave at least this confidence.
    pub min_confidence: Option<f64>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub limit: Option<usize>,
    /// Rows skipped before the first returned (paging).
    pub offset: usize,
    /// Search: documents whose URL's host is or ends with this outlet
    /// (`reuters.com`).
    pub outlet: Option<String>,
    /// Search: documents that mention this entity (name, alias or key).
    pub entity: Option<String>,
}

/// One page of a query's rows and how many rows the whole query has.
#[derive(Clone, Debug, Default)]
pub struct Page {
    pub total: usize,
    pub offset: usize,
    pub rows: Vec<Value>,
}

impl Page {
    /// A page cut from rows already all in memory.
    pub fn of(mut rows: Vec<Value>, limit: usize, offset: usize) -> Page {
        let total = rows.len();
        rows.drain(..offset.min(total));
        rows.truncate(limit);
        Page {
            total,
            offset,
            rows,
        }
    }

    /// `{total, offset, rows}`, as the API answers.
    pub fn to_json(self) -> Value {
        json!({ "total": self.total, "offset": self.offset, "rows": self.rows })
    }
}

/// The forms a user's name for an entity is looked up in: as typed, with
/// plain spaces and quotes, and without a title.
fn lookup_forms(name: &str) -> Vec<String> {
    let plain = plain_chars(name);
    let words: Vec<&str> = plain.split(' ').collect();
    let untitled = words[title_words(&words)..].join(" ");
    let mut forms = vec![name.to_string()];
    for f in [plain.clone(), untitled] {
        if !forms.contains(&f) {
            forms.push(f);
        }
    }
    forms
}

/// Column values of a row as JSON, named by the statement's columns.
fn row_json(row: &Row<'_>, names: &[String]) -> rusqlite::Result<Value> {
    let mut m = Map::new();
    for (i, n) in names.iter().enumerate() {
        let v = match row.get::<_, Sql>(i)? {
            Sql::Null => Value::Null,
            Sql::Integer(x) => json!(x),
            Sql::Real(x) => json!(x),
            Sql::Text(s) => {
                // Columns named *_json hold JSON.
                if n.ends_with("_json") {
                    serde_json::from_str(&s).unwrap_or(Value::String(s))
                } else {
                    Value::String(s)
                }
            }
            Sql::Blob(_) => Value::Null,
        };
        m.insert(n.trim_end_matches("_json").to_string(), v);
    }
    Ok(Value::Object(m))
}

impl Store {
    pub(crate) fn rows(&self, sql: &str, args: Vec<Sql>) -> Result<Vec<Value>, StoreError> {
        let mut st = self.connection().prepare_cached(sql)?;
        let names: Vec<String> = st.column_names().into_iter().map(str::to_string).collect();
        let out = st
            .query_map(params_from_iter(args), |r| row_json(r, &names))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(out)
    }

    /// Full-text search over article text, best first, with snippets.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Value>, StoreError> {
        Ok(self
            .search_page(
                query,
                &Filter {
                    limit: Some(limit),
                    ..Filter::default()
                },
            )?
            .rows)
    }

    /// A page of full-text hits, best first, in the search syntax of
    /// [`crate::search_syntax`] (phrases, OR, NOT, prefix*, title:), within
    /// the filter's dates, outlet and entity.
    pub fn search_page(&self, query: &str, f: &Filter) -> Result<Page, StoreError> {
        let Some(fts) = crate::search_syntax::to_fts5(query)? else {
            return Ok(Page::default());
        };
        let mut args = vec![Sql::Text(fts)];
        let mut sql = String::from(
            "SELECT d.id AS document, d.title, d.url, substr(d.published, 1, 10) AS published,
                    snippet(documents_fts, 1, '\u{2}', '\u{3}', '…', 16) AS snippet, round(bm25(documents_fts), 3) AS rank
             FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
             WHERE documents_fts MATCH ?1",
        );
        Self::date_filters(f, &mut sql, &mut args);
        if let Some(outlet) = &f.outlet {
            let host = outlet.trim().trim_start_matches("www.").to_lowercase();
            args.push(Sql::Text(format!("%://{host}/%")));
            args.push(Sql::Text(format!("%.{host}/%")));
            sql.push_str(&format!(
                " AND (lower(d.url) LIKE ?{} OR lower(d.url) LIKE ?{})",
                args.len() - 1,
                args.len()
            ));
        }
        if let Some(entity) = &f.entity {
            let cond = self.in_keys(entity, "x.key", &mut args)?;
            sql.push_str(&format!(
                " AND d.id IN (SELECT x.document FROM document_entities x WHERE 1{cond})"
            ));
        }
        let mut page = self
            .page(&sql, args, "rank", f, 20)
            .map_err(crate::search_syntax::explain_match_error)?;
        page.rows.iter_mut().for_each(split_highlights);
        Ok(page)
    }

    /// Runs `sql` (a SELECT without ORDER BY) for one page of `f`, in
    /// `order`, and counts all its rows.
    pub(crate) fn page(
        &self,
        sql: &str,
        args: Vec<Sql>,
        order: &str,
        f: &Filter,
        default_limit: usize,
    ) -> Result<Page, StoreError> {
        let total = self.rows(&format!("SELECT count(*) AS n FROM ({sql})"), args.clone())?;
        let total = total.first().and_then(|r| r["n"].as_u64()).unwrap_or(0) as usize;
        let mut args = args;
        let count = |n: usize| Sql::Integer(i64::try_from(n).unwrap_or(i64::MAX));
        args.push(count(f.limit.unwrap_or(default_limit)));
        args.push(count(f.offset));
        let n = args.len();
        let rows = self.rows(
            &format!("{sql} ORDER BY {order} LIMIT ?{} OFFSET ?{n}", n - 1),
            args,
        )?;
        Ok(Page {
            total,
            offset: f.offset,
            rows,
        })
    }

    /// The entity a user names: by key, name or alias, the most mentioned
    /// first; then by the name without its title and typography ("Mrs.
    /// Clinton"), or as a person's name the store would resolve so.
    pub fn find_entity(&self, name: &str) -> Result<Option<String>, StoreError> {
        for form in lookup_forms(name) {
            let rows = self.rows(
                "SELECT e.key FROM entities e WHERE e.key = ?1 OR e.name = ?1 COLLATE NOCASE
                    OR e.key IN (SELECT key FROM aliases WHERE alias = ?1 COLLATE NOCASE)
                 ORDER BY e.common, e.mentions DESC LIMIT 1",
                vec![Sql::Text(form)],
            )?;
            if let Some(key) = rows.first().and_then(|r| r["key"].as_str()) {
                return Ok(Some(key.to_string()));
            }
        }
        let (key, _) = crate::identity::resolve(
            self.connection(),
            &format!("PERSON:{}", name_key(name, true)),
            name,
        )?;
        let stored = self.rows(
            "SELECT key FROM entities WHERE key = ?1",
            vec![Sql::Text(key)],
        )?;
        Ok(stored
            .first()
            .and_then(|r| r["key"].as_str())
            .map(str::to_string))
    }

    /// Keys of every entity a name may denote (for filters).
    fn keys_for(&self, name: &str) -> Result<Vec<String>, StoreError> {
        let rows = self.rows(
            "SELECT key FROM entities WHERE key = ?1 OR name = ?1 COLLATE NOCASE
             UNION SELECT key FROM aliases WHERE alias = ?1 COLLATE NOCASE",
            vec![Sql::Text(name.to_string())],
        )?;
        let keys: Vec<String> = rows
            .iter()
            .filter_map(|r| r["key"].as_str().map(str::to_string))
            .collect();
        if keys.is_empty() {
            return Ok(self.find_entity(name)?.into_iter().collect());
        }
        Ok(keys)
    }

    /// One entity's profile: aliases, documents, co-occurring entities,
    /// quotes by and about it, its events, and a timeline.
    pub fn entity(&self, name: &str) -> Result<Option<Value>, StoreError> {
        let Some(key) = self.find_entity(name)? else {
            return Ok(None);
        };
        let k = || vec![Sql::Text(key.clone())];
        let base = self.rows("SELECT key, name, type, kb AS kb_json, mentions, documents, first_seen, last_seen, ambiguous AS ambiguous_json FROM entities WHERE key = ?1", k())?;
        let mut profile = base.into_iter().next().unwrap_or(Value::Null);
        let aliases: Vec<Value> = self
            .rows(
                "SELECT alias FROM aliases WHERE key = ?1 ORDER BY alias",
                k(),
            )?
            .into_iter()
            .map(|r| r["alias"].clone())
            .collect();
        profile["aliases"] = Value::Array(aliases);
        profile["documents_list"] = Value::Array(self.rows(
            "SELECT d.id AS document, d.title, d.url, substr(d.published, 1, 10) AS published, de.mentions
             FROM document_entities de JOIN documents d ON d.id = de.document WHERE de.key = ?1
             ORDER BY d.published DESC LIMIT 50",
            k(),
        )?);
        // Counted over the entity's latest 200 documents, so that a profile
        // of a name in every article stays fast.
        profile["cooccurring"] = Value::Array(self.rows(
            "SELECT e.key, e.name, e.type, x.documents FROM (
                SELECT o.key, count(DISTINCT o.document) AS documents FROM document_entities o
                WHERE o.document IN (SELECT document FROM document_entities WHERE key = ?1 ORDER BY rowid DESC LIMIT 200) AND o.key != ?1
                GROUP BY o.key ORDER BY documents DESC LIMIT 15
             ) x JOIN entities e ON e.key = x.key ORDER BY x.documents DESC, e.mentions DESC",
            k(),
        )?);
        profile["quotes_by"] = Value::Array(self.quotes(&Filter {
            by: Some(key.clone()),
            limit: Some(50),
            ..Filter::default()
        })?);
        profile["quotes_about"] = Value::Array(self.quotes(&Filter {
            about: Some(key.clone()),
            limit: Some(50),
            ..Filter::default()
        })?);
        let as_source = self.entity_events(&key, "source", 50)?;
        let as_target = self.entity_events(&key, "target", 50)?;
        profile["events"] = Value::Array(as_source.iter().chain(&as_target).cloned().collect());
        profile["events_as_source"] = Value::Array(as_source);
        profile["events_as_target"] = Value::Array(as_target);
        profile["timeline"] = Value::Array(self.rows(
            "SELECT substr(d.published, 1, 10) AS date, count(*) AS documents, sum(de.mentions) AS mentions
             FROM document_entities de JOIN documents d ON d.id = de.document
             WHERE de.key = ?1 AND d.published IS NOT NULL GROUP BY date ORDER BY date",
            k(),
        )?);
        Ok(Some(profile))
    }

    pub(crate) fn date_filters(f: &Filter, sql: &mut String, args: &mut Vec<Sql>) {
        if let Some(s) = &f.since {
            args.push(Sql::Text(s.clone()));
            sql.push_str(&format!(
                " AND substr(d.published, 1, 10) >= ?{}",
                args.len()
            ));
        }
        if let Some(u) = &f.until {
            args.push(Sql::Text(u.clone()));
            sql.push_str(&format!(
                " AND substr(d.published, 1, 10) <= ?{}",
                args.len()
            ));
        }
    }

    pub(crate) fn in_keys(
        &self,
        name: &str,
        column: &str,
        args: &mut Vec<Sql>,
    ) -> Result<String, StoreError> {
        let keys = self.keys_for(name)?;
        let mut marks = Vec::new();
        for k in keys {
            args.push(Sql::Text(k));
            marks.push(format!("?{}", args.len()));
        }
        Ok(if marks.is_empty() {
            " AND 0".to_string()
        } else {
            format!(" AND {column} IN ({})", marks.join(", "))
        })
    }

    /// Quotes, newest first: by a speaker, about a name, between dates.
    pub fn quotes(&self, f: &Filter) -> Result<Vec<Value>, StoreError> {
        Ok(self.quotes_page(f)?.rows)
    }

    /// A page of [`Store::quotes`] and their total.
    pub fn quotes_page(&self, f: &Filter) -> Result<Page, StoreError> {
        let mut args = Vec::new();
        let mut sql = String::from(
            "SELECT substr(d.published, 1, 10) AS published, COALESCE(e.name, q.speaker) AS speaker, q.speaker_key, q.kind, q.text, q.cue,
                    q.document, q.local AS quote, q.start, q.end, d.title, d.url, q.sentence
             FROM quotes q JOIN documents d ON d.id = q.document LEFT JOIN entities e ON e.key = q.speaker_key WHERE 1",
        );
        if let Some(by) = &f.by {
            sql.push_str(&self.in_keys(by, "q.speaker_key", &mut args)?);
        }
        if let Some(about) = &f.about {
            // Quotes whose text names the entity by any of its names.
            let keys = self.keys_for(about)?;
            let mut names: Vec<String> = Vec::new();
            for k in &keys {
                names.extend(
                    self.rows(
                        "SELECT alias FROM aliases WHERE key = ?1",
                        vec![Sql::Text(k.clone())],
                    )?
                    .iter()
                    .filter_map(|r| r["alias"].as_str().map(str::to_string)),
                );
            }
            names.retain(|n| n.chars().count() >= 3);
            if names.is_empty() {
                names.push(about.clone());
            }
            // Through the quotes' full-text index: one phrase per name.
            let phrases: Vec<String> = names
                .iter()
                .map(|n| format!("text:\"{}\"", n.replace('"', "\"\"")))
                .collect();
            args.push(Sql::Text(phrases.join(" OR ")));
            sql.push_str(&format!(
                " AND q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?{})",
                args.len()
            ));
        }
        Self::date_filters(f, &mut sql, &mut args);
        let order = if f.oldest_first {
            "d.published, q.document, q.start"
        } else {
            "d.published DESC, q.document, q.start"
        };
        self.page(&sql, args, order, f, 200)
    }

    /// Events, newest first, with their actors' names.
    pub fn events(&self, f: &Filter) -> Result<Vec<Value>, StoreError> {
        Ok(self.events_page(f)?.rows)
    }

    /// A page of [`Store::events`] and their total.
    pub fn events_page(&self, f: &Filter) -> Result<Page, StoreError> {
        let mut args = Vec::new();
        let mut sql = String::from(
            "SELECT substr(d.published, 1, 10) AS published, ev.type, ev.act, ev.mode, ev.status, ev.confidence,
                    (SELECT json_group_array(e.name) FROM event_actors a JOIN entities e ON e.key = a.key
                      WHERE a.document = ev.document AND a.local = ev.local AND a.role = 'source') AS sources_json,
                    (SELECT json_group_array(e.name) FROM event_actors a JOIN entities e ON e.key = a.key
                      WHERE a.document = ev.document AND a.local = ev.local AND a.role = 'target') AS targets_json,
                    ev.trigger, ev.theme, ev.quantity, ev.value, ev.unit, ev.time, ev.document, ev.local AS event, d.title, d.url,
                    ev.sentence, ev.sentence_start, ev.sentence_end
             FROM events ev JOIN documents d ON d.id = ev.document WHERE 1",
        );
        if let Some(t) = &f.event_type {
            args.push(Sql::Text(t.to_uppercase()));
            sql.push_str(&format!(" AND ev.type = ?{}", args.len()));
        }
        if let Some(status) = &f.status {
            args.push(Sql::Text(status.to_lowercase()));
            sql.push_str(&format!(" AND ev.status = ?{}", args.len()));
        }
        if let Some(t) = &f.act {
            args.push(Sql::Text(t.to_uppercase()));
            sql.push_str(&format!(" AND ev.act = ?{}", args.len()));
        }
        if let Some(p) = f.min_confidence {
            args.push(Sql::Real(p));
            sql.push_str(&format!(" AND ev.confidence >= ?{}", args.len()));
        }
        for (name, role) in [(&f.source, "source"), (&f.target, "target")] {
            if let Some(name) = name {
                let cond = self.in_keys(name, "a.key", &mut args)?;
                // Driven by the actors' index, not a probe per event.
                sql.push_str(&format!(" AND (ev.document, ev.local) IN (SELECT a.document, a.local FROM event_actors a WHERE a.role = '{role}'{cond})"));
            }
        }
        Self::date_filters(f, &mut sql, &mut args);
        let order = if f.oldest_first {
            "d.published, ev.document, ev.start"
        } else {
            "d.published DESC, ev.document, ev.start"
        };
        self.page(&sql, args, order, f, 500)
    }

    /// The aid tracker: events whose act is AID (given, or pledged: PLOVER's
    /// AGREE) as donor, recipient, item, amount, status, date and evidence.
    pub fn commitments(
        &self,
        donor: Option<&str>,
        recipient: Option<&str>,
    ) -> Result<Vec<Value>, StoreError> {
        let f = Filter {
            act: Some("AID".into()),
            source: donor.map(str::to_string),
            target: recipient.map(str::to_string),
            limit: Some(5000),
            ..Filter::default()
        };
        Ok(self.commitments_page(&f)?.rows)
    }

    /// A page of commitments (the filter's `source` is the donor, `target`
    /// the recipient) and their total.
    pub fn commitments_page(&self, f: &Filter) -> Result<Page, StoreError> {
        let f = Filter {
            act: Some("AID".into()),
            ..f.clone()
        };
        let page = self.events_page(&f)?;
        let rows = page.rows.into_iter().map(|e| commitment(&e)).collect();
        Ok(Page { rows, ..page })
    }

    /// Every event as one flat row, GDELT-style, with provenance: the whole
    /// store, for `dossier export`. A server should use `export_events_page`.
    pub fn export_events(&self) -> Result<Vec<Value>, StoreError> {
        self.export_events_page(usize::MAX, 0)
    }

    /// At most `limit` rows of `export_events`, after skipping `offset`. The
    /// order is total (publication date, document, trigger, event id), so
    /// successive pages neither repeat nor skip an event.
    pub fn export_events_page(
        &self,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<Value>, StoreError> {
        let count = |n: usize| Sql::Integer(i64::try_from(n).unwrap_or(i64::MAX));
        self.rows(
            "SELECT ev.document, d.url, substr(d.published, 1, 10) AS published, ev.local AS event, ev.type, ev.act, ev.mode, ev.status, ev.confidence,
                    (SELECT group_concat(e.name, '; ') FROM event_actors a JOIN entities e ON e.key = a.key WHERE a.document = ev.document AND a.local = ev.local AND a.role = 'source') AS sources,
                    (SELECT group_concat(a.key, '; ') FROM event_actors a WHERE a.document = ev.document AND a.local = ev.local AND a.role = 'source') AS source_keys,
                    (SELECT group_concat(e.name, '; ') FROM event_actors a JOIN entities e ON e.key = a.key WHERE a.document = ev.document AND a.local = ev.local AND a.role = 'target') AS targets,
                    (SELECT group_concat(a.key, '; ') FROM event_actors a WHERE a.document = ev.document AND a.local = ev.local AND a.role = 'target') AS target_keys,
                    ev.trigger, ev.theme, ev.quantity, ev.value, ev.unit, ev.time, ev.sentence, ev.sentence_start, ev.sentence_end, ev.start AS trigger_start, ev.end AS trigger_end
             FROM events ev JOIN documents d ON d.id = ev.document ORDER BY d.published, ev.document, ev.start, ev.local
             LIMIT ?1 OFFSET ?2",
            vec![count(limit), count(offset)],
        )
    }

    /// A stored document's JSON, as `extract` wrote it.
    pub fn document(&self, id: &str) -> Result<Option<Value>, StoreError> {
        let mut st = self
            .connection()
            .prepare_cached("SELECT json FROM documents WHERE id = ?1")?;
        let mut rows = st.query(params![id])?;
        Ok(match rows.next()? {
            Some(r) => serde_json::from_str(&r.get::<_, String>(0)?).ok(),
            None => None,
        })
    }

    /// Counts of what is stored.
    pub fn stats(&self) -> Result<Value, StoreError> {
        Ok(self.rows(
            "SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM entities) AS entities,
                    (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM events) AS events",
            vec![],
        )?
        .remove(0))
    }
}

/// A snippet's match marks (U+0002 … U+0003, which no article text holds)
/// become `highlights`, code-point ranges into the plain `snippet`, so no
/// reader has to tell marks from brackets in the text.
fn split_highlights(row: &mut Value) {
    let Some(marked) = row["snippet"].as_str() else {
        return;
    };
    let mut plain = String::with_capacity(marked.len());
    let mut ranges = Vec::new();
    let (mut at, mut start) = (0usize, 0usize);
    for c in marked.chars() {
        match c {
            '\u{2}' => start = at,
            '\u{3}' => ranges.push(json!([start, at])),
            _ => {
                plain.push(c);
                at += 1;
            }
        }
    }
    row["snippet"] = Value::String(plain);
    row["highlights"] = Value::Array(ranges);
}

/// An AID event as a commitment row.
fn commitment(e: &Value) -> Value {
    let date = e["time"]
        .as_str()
        .filter(|t| t.starts_with(|c: char| c.is_ascii_digit()))
        .map(str::to_string)
        .or_else(|| e["published"].as_str().map(str::to_string));
    json!({
        "donor": e["sources"], "recipient": e["targets"], "item": e["theme"], "quantity": e["quantity"],
        "value": e["value"], "unit": e["unit"], "status": e["status"], "confidence": e["confidence"], "date": date,
        "published": e["published"], "url": e["url"], "title": e["title"], "document": e["document"], "event": e["event"], "evidence": e["sentence"],
    })
}
