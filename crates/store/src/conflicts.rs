//! Conflicting figures: figures that measure the same fact (the quantity's
//! `measures`, with its unit and rate period) in one document or in the
//! documents of one story, when some two of them cannot both be true.
//!
//! The same words can count different occasions ("61 people were killed on
//! Tuesday", "194 in 48 hours"), so two figures are compared only when
//! their sentences are tied to the same occasion: not one sentence listing
//! both, no two different sets of places or dates, and at least one
//! place, named thing or date in common.

use serde_json::{json, Value};

use crate::{Store, StoreError};

impl Store {
    /// Every fact given incompatible values, with every document, sentence
    /// and figure that gives it (agreeing copies included).
    pub fn conflicts(&self) -> Result<Vec<Value>, StoreError> {
        let rows = self.rows(
            "SELECT q.document, q.local AS figure, q.text, q.value, q.upper, q.approx, q.unit, q.per, q.measures, q.sentence, q.anchors AS anchors_json,
                    sd.story, d.title, d.url, d.publisher, substr(d.published, 1, 10) AS published
             FROM quantities q JOIN documents d ON d.id = q.document LEFT JOIN story_documents sd ON sd.document = q.document
             WHERE q.measures IS NOT NULL AND q.value IS NOT NULL
             ORDER BY sd.story IS NULL, sd.story, q.measures, q.unit, q.per, d.published, q.document, q.rowid",
            vec![],
        )?;
        let key = |r: &Value| {
            // A document stored before stories existed is its own group.
            let scope = if r["story"].is_null() {
                r["document"].clone()
            } else {
                r["story"].clone()
            };
            (
                scope,
                r["measures"].clone(),
                r["unit"].clone(),
                r["per"].clone(),
            )
        };
        let mut out = Vec::new();
        let mut start = 0;
        while start < rows.len() {
            let end = start
                + rows[start..]
                    .iter()
                    .take_while(|r| key(r) == key(&rows[start]))
                    .count();
            if let Some(conflict) = conflict_of(&rows[start..end]) {
                out.push(conflict);
            }
            start = end;
        }
        Ok(out)
    }
}

fn interval(r: &Value) -> (f64, f64) {
    dossier_core::figure_interval(
        r["value"].as_f64().unwrap_or(0.0),
        r["upper"].as_f64(),
        r["approx"].as_str().unwrap_or("exact"),
    )
}

fn anchors(r: &Value) -> Vec<&str> {
    r["anchors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

/// Whether two dates name the same day, or one contains the other ("2016" and "2016-08-31").
fn same_date(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// Whether two figures' sentences speak of one occasion (see the module doc).
fn same_occasion(a: &Value, b: &Value) -> bool {
    if a["document"] == b["document"] && a["sentence"] == b["sentence"] {
        return false;
    }
    let (x, y) = (anchors(a), anchors(b));
    let of = |v: &[&'_ str], kind: &str| -> Vec<String> {
        v.iter()
            .filter_map(|s| s.strip_prefix(kind))
            .map(str::to_string)
            .collect()
    };
    let (px, py) = (of(&x, "P:"), of(&y, "P:"));
    if !px.is_empty() && !py.is_empty() && !px.iter().any(|p| py.contains(p)) {
        return false;
    }
    let (dx, dy) = (of(&x, "D:"), of(&y, "D:"));
    let date_shared = dx.iter().any(|d| dy.iter().any(|e| same_date(d, e)));
    if !dx.is_empty() && !dy.is_empty() && !date_shared {
        return false;
    }
    date_shared || x.iter().any(|s| !s.starts_with("D:") && y.contains(s))
}

/// The conflict among figures of one fact, if two of them, said of the
/// same occasion, disagree; with the figures that agree with either.
fn conflict_of(all: &[Value]) -> Option<Value> {
    let clash = |a: &Value, b: &Value| {
        same_occasion(a, b) && dossier_core::intervals_disjoint(interval(a), interval(b))
    };
    let involved: Vec<usize> = (0..all.len())
        .filter(|&i| (0..all.len()).any(|j| clash(&all[i], &all[j])))
        .collect();
    if involved.is_empty() {
        return None;
    }
    let figures: Vec<Value> = (0..all.len())
        .filter(|&i| {
            involved.contains(&i)
                || involved.iter().any(|&j| {
                    same_occasion(&all[i], &all[j])
                        && !dossier_core::intervals_disjoint(interval(&all[i]), interval(&all[j]))
                })
        })
        .map(|i| all[i].clone())
        .collect();
    let figures = &figures[..];
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
        let by = f["publisher"]
            .as_str()
            .or(f["document"].as_str())
            .unwrap_or("")
            .to_string();
        match values.iter_mut().find(|v| v.0 == text) {
            Some(v) if !v.1.contains(&by) => v.1.push(by),
            Some(_) => {}
            None => values.push((text, vec![by])),
        }
    }
    let said: Vec<String> = values
        .iter()
        .map(|(t, by)| format!("\"{t}\" ({})", by.join(", ")))
        .collect();
    let first = &figures[0];
    // The first figure that disagrees with the first: "both sides" for a reader of one pair.
    let other = figures.iter().find(|f| clash(first, f)).unwrap_or(first);
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

#[cfg(test)]
mod tests {
    use super::same_occasion;
    use serde_json::json;

    #[test]
    fn figures_are_compared_only_on_one_occasion() {
        let fig = |doc: &str, sentence: &str, anchors: &[&str]| json!({ "document": doc, "sentence": sentence, "anchors": anchors });
        let wire = fig(
            "a",
            "A bus fell in Ayacucho on Tuesday, killing 23.",
            &["P:ayacucho", "D:2025-03-04"],
        );
        let rewrite = fig(
            "b",
            "Police in Ayacucho said 32 were killed near Huanta.",
            &["P:ayacucho", "P:huanta"],
        );
        assert!(same_occasion(&wire, &rewrite));
        // One sentence listing two figures states two facts.
        assert!(!same_occasion(&wire, &wire.clone()));
        // Other places, other dates, or nothing in common: other occasions.
        assert!(!same_occasion(
            &wire,
            &fig("b", "In Lima, 5 died.", &["P:lima"])
        ));
        assert!(!same_occasion(
            &wire,
            &fig(
                "b",
                "In Ayacucho, 5 died in 1992.",
                &["P:ayacucho", "D:1992"]
            )
        ));
        assert!(same_occasion(
            &wire,
            &fig("b", "In March 2025, 30 died.", &["D:2025-03"])
        ));
        assert!(!same_occasion(
            &wire,
            &fig("b", "Some 180 people were killed.", &[])
        ));
    }
}
