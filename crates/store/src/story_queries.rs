//! Stories as users ask for them: a list (between dates, about a name) and
//! one story with its documents, its events counted across reports and its
//! conflicting figures.

use rusqlite::types::Value as Sql;
use serde_json::{json, Value};

use crate::{Store, StoreError};

/// Filters of `dossier stories` and `/api/stories`.
#[derive(Clone, Debug, Default)]
pub struct StoryFilter {
    /// Stories seen on or after this date (their last document).
    pub since: Option<String>,
    /// Stories seen on or before this date (their first document).
    pub until: Option<String>,
    /// Stories with a document naming this entity (name, alias or key).
    pub entity: Option<String>,
    pub limit: Option<usize>,
    /// Stories to skip (paging).
    pub offset: usize,
}

/// Documents listed per story in a list of stories (`articles` counts all).
pub const LISTED_DOCUMENTS: usize = 50;

const STORY_COLUMNS: &str = "s.id, COALESCE(s.title, (SELECT substr(d.text, 1, 100) FROM story_documents sd JOIN documents d ON d.id = sd.document
        WHERE sd.story = s.id ORDER BY sd.rowid LIMIT 1)) AS title, s.first_seen, s.last_seen, s.sources, s.articles";

impl Store {
    /// Stories, the most widely reported first (outlets, then articles,
    /// then the latest): `{total, offset, stories: [...]}`.
    pub fn story_list(&self, f: &StoryFilter) -> Result<Value, StoreError> {
        let mut args = Vec::new();
        let mut cond = String::from(" WHERE 1");
        if let Some(s) = &f.since {
            args.push(Sql::Text(s.clone()));
            cond.push_str(&format!(" AND s.last_seen >= ?{}", args.len()));
        }
        if let Some(u) = &f.until {
            args.push(Sql::Text(u.clone()));
            cond.push_str(&format!(
                " AND substr(s.first_seen, 1, 10) <= ?{}",
                args.len()
            ));
        }
        if let Some(name) = &f.entity {
            let keys = self.in_keys(name, "se.key", &mut args)?;
            cond.push_str(&format!(
                " AND s.id IN (SELECT se.story FROM story_entities se WHERE 1{keys})"
            ));
        }
        let total = self.rows(
            &format!("SELECT count(*) AS n FROM stories s{cond}"),
            args.clone(),
        )?;
        let total = total.first().and_then(|r| r["n"].as_i64()).unwrap_or(0);
        args.push(Sql::Integer(f.limit.unwrap_or(100) as i64));
        args.push(Sql::Integer(i64::try_from(f.offset).unwrap_or(i64::MAX)));
        let mut stories = self.rows(
            &format!("SELECT {STORY_COLUMNS} FROM stories s{cond} ORDER BY s.sources DESC, s.articles DESC, s.last_seen DESC, s.id LIMIT ?{} OFFSET ?{}", args.len() - 1, args.len()),
            args,
        )?;
        for story in &mut stories {
            let id = story["id"].as_i64().unwrap_or(0);
            story["documents"] = Value::Array(self.story_documents(id, LISTED_DOCUMENTS)?);
        }
        Ok(json!({ "total": total, "offset": f.offset, "stories": stories }))
    }

    /// One story: its documents on a timeline, its events counted across
    /// reports, and the conflicting figures among its documents.
    pub fn story(&self, id: i64) -> Result<Option<Value>, StoreError> {
        let Some(mut story) = self
            .rows(
                &format!("SELECT {STORY_COLUMNS} FROM stories s WHERE s.id = ?1"),
                vec![Sql::Integer(id)],
            )?
            .into_iter()
            .next()
        else {
            return Ok(None);
        };
        story["documents"] = Value::Array(self.story_documents(id, usize::MAX)?);
        story["publishers"] = Value::Array(self.rows("SELECT publisher, documents FROM story_publishers WHERE story = ?1 ORDER BY documents DESC, publisher", vec![Sql::Integer(id)])?);
        story["events"] = Value::Array(self.story_events(id)?);
        story["conflicts"] = Value::Array(self.conflicts_in_story(id)?);
        Ok(Some(story))
    }

    /// A story's documents, in order of publication: id, title, url,
    /// publisher, published, source (input path or URL), and the
    /// near-duplicate group (the id of its first copy).
    fn story_documents(&self, story: i64, limit: usize) -> Result<Vec<Value>, StoreError> {
        self.rows(
            "SELECT d.id, d.title, d.url, d.publisher, d.published, d.source_uri AS source, n.dup_group AS duplicate_group
             FROM story_documents sd JOIN documents d ON d.id = sd.document LEFT JOIN near_duplicates n ON n.document = d.id
             WHERE sd.story = ?1 ORDER BY d.published IS NULL, d.published, sd.rowid LIMIT ?2",
            vec![Sql::Integer(story), Sql::Integer(i64::try_from(limit).unwrap_or(i64::MAX))],
        )
    }

    /// The story's events, one per type, sources and targets, with every
    /// citing sentence and the counts of articles and outlets reporting it.
    fn story_events(&self, story: i64) -> Result<Vec<Value>, StoreError> {
        self.rows(
            "WITH ev AS (
                SELECT e.type, e.document, e.sentence, d.publisher, d.published,
                    (SELECT group_concat(key, ';') FROM (SELECT a.key FROM event_actors a WHERE a.document = e.document AND a.local = e.local AND a.role = 'source' ORDER BY a.key)) AS source_keys,
                    (SELECT group_concat(key, ';') FROM (SELECT a.key FROM event_actors a WHERE a.document = e.document AND a.local = e.local AND a.role = 'target' ORDER BY a.key)) AS target_keys
                FROM events e JOIN story_documents sd ON sd.document = e.document JOIN documents d ON d.id = e.document WHERE sd.story = ?1
             )
             SELECT type, source_keys, target_keys, count(DISTINCT document) AS articles, count(DISTINCT publisher) AS sources,
                    min(substr(published, 1, 10)) AS first_seen,
                    json_group_array(json_object('document', document, 'publisher', publisher, 'sentence', sentence)) AS citations_json
             FROM ev WHERE source_keys IS NOT NULL OR target_keys IS NOT NULL
             GROUP BY type, source_keys, target_keys ORDER BY articles DESC, type LIMIT 200",
            vec![Sql::Integer(story)],
        )
    }

    /// The conflicting figures whose documents are all in the story.
    fn conflicts_in_story(&self, story: i64) -> Result<Vec<Value>, StoreError> {
        let members: std::collections::HashSet<String> = self
            .rows(
                "SELECT document FROM story_documents WHERE story = ?1",
                vec![Sql::Integer(story)],
            )?
            .iter()
            .filter_map(|r| r["document"].as_str().map(str::to_string))
            .collect();
        let in_story = |c: &Value| {
            c["documents"].as_array().is_some_and(|ds| {
                ds.iter()
                    .all(|d| d["id"].as_str().is_some_and(|id| members.contains(id)))
            })
        };
        Ok(self.conflicts()?.into_iter().filter(in_story).collect())
    }
}
