//! Conflicting figures: figures that measure the same fact (the quantity's
//! `measures`, with its unit and rate period) in one document or in the
//! documents of one story, when some two of them cannot both be true.

use serde_json::{json, Value};

use crate::{Store, StoreError};

impl Store {
    /// Every fact given incompatible values, with every document, sentence
    /// and figure that gives it (agreeing copies included).
    pub fn conflicts(&self) -> Result<Vec<Value>, StoreError> {
        let rows = self.rows(
            "SELECT q.document, q.local AS figure, q.text, q.value, q.upper, q.approx, q.unit, q.per, q.measures, q.sentence,
                    sd.story, d.title, d.url, d.publisher, substr(d.published, 1, 10) AS published
             FROM quantities q JOIN documents d ON d.id = q.document LEFT JOIN story_documents sd ON sd.document = q.document
             WHERE q.measures IS NOT NULL AND q.value IS NOT NULL
             ORDER BY sd.story IS NULL, sd.story, q.measures, q.unit, q.per, d.published, q.document, q.rowid",
            vec![],
        )?;
        let key = |r: &Value| {
            // A document stored before stories existed is its own group.
            let scope = if r["story"].is_null() { r["document"].clone() } else { r["story"].clone() };
            (scope, r["measures"].clone(), r["unit"].clone(), r["per"].clone())
        };
        let mut out = Vec::new();
        let mut start = 0;
        while start < rows.len() {
            let end = start + rows[start..].iter().take_while(|r| key(r) == key(&rows[start])).count();
            if let Some(conflict) = conflict_of(&rows[start..end]) {
                out.push(conflict);
            }
            start = end;
        }
        Ok(out)
    }
}

fn interval(r: &Value) -> (f64, f64) {
    dossier_core::figure_interval(r["value"].as_f64().unwrap_or(0.0), r["upper"].as_f64(), r["approx"].as_str().unwrap_or("exact"))
}

/// The conflict among figures of one fact, if two of them disagree.
fn conflict_of(figures: &[Value]) -> Option<Value> {
    let disagree = figures.iter().enumerate().any(|(i, a)| figures[i + 1..].iter().any(|b| dossier_core::intervals_disjoint(interval(a), interval(b))));
    if !disagree {
        return None;
    }
    let mut documents: Vec<Value> = Vec::new();
    for f in figures {
        if !documents.iter().any(|d| d["id"] == f["document"]) {
            documents.push(json!({ "id": f["document"], "title": f["title"], "url": f["url"], "publisher": f["publisher"], "published": f["published"] }));
        }
    }
    // "23 (Andes Press, Lima Observer) against 32 (South America Today)".
    let mut values: Vec<(String, Vec<String>)> = Vec::new();
    for f in figures {
        let text = f["text"].as_str().unwrap_or("").to_string();
        let by = f["publisher"].as_str().or(f["document"].as_str()).unwrap_or("").to_string();
        match values.iter_mut().find(|v| v.0 == text) {
            Some(v) if !v.1.contains(&by) => v.1.push(by),
            Some(_) => {}
            None => values.push((text, vec![by])),
        }
    }
    let said: Vec<String> = values.iter().map(|(t, by)| format!("\"{t}\" ({})", by.join(", "))).collect();
    let first = &figures[0];
    // The first figure that disagrees with the first: "both sides" for a reader of one pair.
    let other = figures.iter().find(|f| dossier_core::intervals_disjoint(interval(first), interval(f))).unwrap_or(first);
    Some(json!({
        "scope": if documents.len() == 1 { "document" } else { "story" },
        "story": first["story"], "measures": first["measures"], "unit": first["unit"],
        "message": format!("{}: {}", first["measures"].as_str().unwrap_or(""), said.join(" against ")),
        "document": first["document"], "title": first["title"], "url": first["url"], "sentence": first["sentence"],
        "other_document": other["document"], "other_title": other["title"], "other_url": other["url"], "other_sentence": other["sentence"],
        "documents": documents,
        "figures": figures.iter().map(|f| json!({
            "document": f["document"], "figure": f["figure"], "text": f["text"], "value": f["value"], "upper": f["upper"],
            "approx": f["approx"], "sentence": f["sentence"],
        })).collect::<Vec<_>>(),
    }))
}
