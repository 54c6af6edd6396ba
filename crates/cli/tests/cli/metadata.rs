//! Metadata the readers get right: the page's URL, a plausible date, the
//! headline of a text file as its title, and the language, with no English
//! analysis of another language's text.

use super::*;

fn extract_one(path: &str) -> Value {
    let out = run(&["extract", path], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = docs(&out);
    check_document(&docs[0]);
    docs[0].clone()
}

fn warning_codes(doc: &Value) -> Vec<String> {
    doc["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_german_page_gets_its_language_url_and_no_analysis() {
    let doc = extract_one(&fixture("languages/german.html"));
    assert_eq!(doc["language"], "de");
    assert_eq!(doc["url"], "https://example.de/politik/hilfen-2019");
    assert_eq!(
        doc["published"],
        Value::Null,
        "a 0001-01-01 placeholder is no date"
    );
    assert!(doc["text"].as_str().unwrap().contains("Hochwasser"));
    for layer in [
        "entities",
        "mentions",
        "quotes",
        "events",
        "times",
        "quantities",
    ] {
        assert_eq!(
            doc[layer].as_array().unwrap().len(),
            0,
            "{layer} on German text"
        );
    }
    let codes = warning_codes(&doc);
    assert!(
        codes.contains(&"not_english".to_string())
            && codes.contains(&"implausible_date".to_string()),
        "{codes:?}"
    );
}

#[test]
fn an_english_page_is_analysed_and_gets_its_og_url() {
    let doc = extract_one(&fixture("languages/english.html"));
    assert_eq!(doc["language"], "en");
    assert_eq!(doc["url"], "https://example.com/world/flood-aid");
    assert_eq!(doc["published"], "2019-11-19T10:00:00Z");
    assert!(!doc["entities"].as_array().unwrap().is_empty());
    assert!(!warning_codes(&doc).contains(&"not_english".to_string()));
}

#[test]
fn a_text_files_headline_is_its_title_and_a_jsonl_title_wins() {
    let text = "Allies Pledge New Air Defences For Ukraine\n\nThe allies said on Tuesday that they would send more air defence systems.\n";
    let out = run(&["extract", "--layers", "text"], Some(text.as_bytes()));
    assert_eq!(
        docs(&out)[0]["title"],
        "Allies Pledge New Air Defences For Ukraine"
    );
    let line =
        serde_json::json!({"text": text, "title": "Given title", "url": "https://example.com/a"})
            .to_string();
    let out = run(
        &["extract", "--layers", "text", "--from", "jsonl"],
        Some(line.as_bytes()),
    );
    let doc = &docs(&out)[0];
    assert_eq!(doc["title"], "Given title");
    assert_eq!(doc["url"], "https://example.com/a");
}

#[test]
fn the_store_keeps_the_pages_url() {
    let dir = scratch("metadata-store");
    let db = dir.join("d.db").display().to_string();
    let out = run(
        &["ingest", "--db", &db, &fixture("languages/english.html")],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(&["search", "--db", &db, "--json", "flood"], None);
    let hits: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|_| Value::Array(lines(&out)));
    assert!(
        hits.to_string()
            .contains("https://example.com/world/flood-aid"),
        "{hits}"
    );
}
