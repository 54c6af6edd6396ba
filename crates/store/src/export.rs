//! `dossier export --what …`: every row of one kind as flat records, each
//! with its document's title, URL, publisher and publication date.

use serde_json::{json, Value};

use crate::{Filter, Store, StoreError};

/// What an export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    Events,
    Quotes,
    Entities,
    Commitments,
    Stories,
    Conflicts,
}

impl Export {
    pub const NAMES: &'static str = "events, quotes, entities, commitments, stories, conflicts";

    pub fn parse(s: &str) -> Option<Export> {
        Some(match s {
            "events" => Export::Events,
            "quotes" => Export::Quotes,
            "entities" => Export::Entities,
            "commitments" => Export::Commitments,
            "stories" => Export::Stories,
            "conflicts" => Export::Conflicts,
            _ => return None,
        })
    }

    /// The CSV columns, in order; the provenance columns come last.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Export::Events => &[
                "document",
                "url",
                "published",
                "event",
                "type",
                "mode",
                "status",
                "confidence",
                "sources",
                "source_keys",
                "targets",
                "target_keys",
                "trigger",
                "theme",
                "quantity",
                "value",
                "unit",
                "time",
                "sentence",
                "sentence_start",
                "sentence_end",
                "trigger_start",
                "trigger_end",
                "title",
                "publisher",
            ],
            Export::Quotes => &[
                "document",
                "quote",
                "speaker",
                "speaker_key",
                "kind",
                "text",
                "cue",
                "start",
                "end",
                "sentence",
                "title",
                "url",
                "publisher",
                "published",
            ],
            Export::Entities => &[
                "key",
                "name",
                "type",
                "mentions",
                "document",
                "title",
                "url",
                "publisher",
                "published",
            ],
            Export::Commitments => &[
                "donor",
                "recipient",
                "item",
                "quantity",
                "value",
                "unit",
                "status",
                "confidence",
                "date",
                "evidence",
                "document",
                "event",
                "title",
                "url",
                "publisher",
                "published",
            ],
            Export::Stories => &[
                "id",
                "title",
                "first_seen",
                "last_seen",
                "sources",
                "articles",
                "documents",
                "publishers",
            ],
            Export::Conflicts => &[
                "scope",
                "message",
                "document",
                "title",
                "url",
                "publisher",
                "published",
                "other_document",
                "other_title",
                "other_url",
                "sentence",
                "other_sentence",
            ],
        }
    }
}

/// A document's provenance fields, added to rows that name the document.
struct Provenance(std::collections::HashMap<String, (Value, Value, Value, Value)>);

impl Provenance {
    fn load(store: &Store) -> Result<Provenance, StoreError> {
        let rows = store.rows(
            "SELECT id, title, url, substr(published, 1, 10) AS published, json_extract(json, '$.publisher') AS publisher FROM documents",
            vec![],
        )?;
        Ok(Provenance(
            rows.into_iter()
                .map(|r| {
                    (
                        r["id"].as_str().unwrap_or("").to_string(),
                        (
                            r["title"].clone(),
                            r["url"].clone(),
                            r["published"].clone(),
                            r["publisher"].clone(),
                        ),
                    )
                })
                .collect(),
        ))
    }

    fn add(&self, row: &mut Value) {
        let Some(doc) = row["document"].as_str() else {
            return;
        };
        if let Some((title, url, published, publisher)) = self.0.get(doc) {
            row["title"] = title.clone();
            row["url"] = url.clone();
            row["published"] = published.clone();
            row["publisher"] = publisher.clone();
        }
    }
}

impl Store {
    /// Every row of `what`, with provenance (a story lists its documents by id).
    pub fn export_rows(&self, what: Export) -> Result<Vec<Value>, StoreError> {
        let all = Filter {
            limit: Some(usize::MAX >> 1),
            oldest_first: true,
            ..Filter::default()
        };
        let mut rows = match what {
            Export::Events => self.export_events()?,
            Export::Quotes => self.quotes_page(&all)?.rows,
            Export::Commitments => self.commitments_page(&all)?.rows,
            Export::Conflicts => self.conflicts()?,
            Export::Entities => self.rows(
                "SELECT e.key, e.name, e.type, de.mentions, de.document FROM document_entities de JOIN entities e ON e.key = de.key
                 JOIN documents d ON d.id = de.document ORDER BY d.published, de.document, e.key",
                vec![],
            )?,
            Export::Stories => self.stories()?,
        };
        let provenance = Provenance::load(self)?;
        for row in &mut rows {
            provenance.add(row);
        }
        Ok(rows)
    }
}

/// A value as one line of plain text: null as nothing, a string as itself,
/// an array's items joined by `separator`, anything else as its JSON.
pub fn plain_text(v: &Value, separator: &str) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a
            .iter()
            .map(|x| {
                x.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| x.to_string())
            })
            .collect::<Vec<_>>()
            .join(separator),
        other => other.to_string(),
    }
}

/// RFC 4180 CSV of the given columns. A text cell that a spreadsheet would
/// run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return) gets a leading `'`, so opening the file runs nothing.
pub fn csv(rows: &[Value], columns: &[&str]) -> String {
    let field = |v: &Value| -> String {
        let s = plain_text(v, "; ");
        // Numbers stay numbers: only text can be a formula.
        let s = if matches!(v, Value::String(_) | Value::Array(_))
            && s.starts_with(['=', '+', '-', '@', '\t', '\r'])
        {
            format!("'{s}")
        } else {
            s
        };
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    };
    let mut out = columns.join(",");
    out.push_str("\r\n");
    for r in rows {
        out.push_str(
            &columns
                .iter()
                .map(|c| field(&r[*c]))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}

/// Rows for JSON Lines: the columns in order, nothing else.
pub fn ordered(row: &Value, columns: &[&str]) -> Value {
    let mut m = serde_json::Map::new();
    for c in columns {
        m.insert(
            (*c).to_string(),
            row.get(*c).cloned().unwrap_or(Value::Null),
        );
    }
    json!(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_neutralizes_formulas() {
        let rows = [
            json!({"a": "=HYPERLINK(\"x\")", "b": "-2+3", "c": -5, "d": "@SUM(A1)", "e": "+1", "f": "plain, text", "g": ["=x", "y"]}),
        ];
        let out = csv(&rows, &["a", "b", "c", "d", "e", "f", "g"]);
        let line = out.lines().nth(1).unwrap();
        assert_eq!(
            line,
            "\"'=HYPERLINK(\"\"x\"\")\",'-2+3,-5,'@SUM(A1),'+1,\"plain, text\",'=x; y"
        );
    }
}
