//! Entities (#22): the stored entities listed, most mentioned first, in the
//! CLI and the API; one key per person across the store; titles out of keys.

use super::*;

/// A store of the three short articles in `fixtures/entities.jsonl`.
fn entities_store(test: &str) -> PathBuf {
    let db = scratch(test).join("e.db");
    let out = run(&["ingest", "--db", db.to_str().unwrap(), &fixture("entities.jsonl")], None);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

fn entities_json(db: &Path, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["entities", "--db", db.to_str().unwrap(), "--json"];
    args.extend_from_slice(extra);
    let out = run(&args, None);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().clone()
}

#[test]
fn entities_lists_most_mentioned_first_with_type_name_limit_and_offset() {
    let db = entities_store("entities-list");
    let all = entities_json(&db, &["--limit", "0"]);
    assert!(all.len() >= 5, "{all:#?}");
    for e in &all {
        for field in ["key", "name", "type", "aliases", "documents", "mentions"] {
            assert!(e.get(field).is_some(), "{field} missing from {e}");
        }
    }
    let mentions: Vec<u64> = all.iter().map(|e| e["mentions"].as_u64().unwrap()).collect();
    assert!(mentions.windows(2).all(|w| w[0] >= w[1]), "not most mentioned first: {mentions:?}");
    let people = entities_json(&db, &["--limit", "0", "--type", "person"]);
    assert!(!people.is_empty() && people.iter().all(|e| e["type"] == "PERSON"), "{people:#?}");
    let two = entities_json(&db, &["--limit", "2", "--offset", "1"]);
    assert_eq!(two, all[1..3].to_vec());
    let named = entities_json(&db, &["--name", "CLINTON"]);
    assert!(!named.is_empty() && named.iter().all(|e| e.to_string().to_lowercase().contains("clinton")), "{named:#?}");
    let text = run(&["entities", "--db", db.to_str().unwrap(), "--limit", "1"], None);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.starts_with("KEY") && text.contains(&format!("rows 1–1 of {}", all.len())), "{text}");
}

#[test]
fn api_entities_pages_with_a_total() {
    let db = entities_store("entities-api");
    let all = entities_json(&db, &["--limit", "0"]);
    let server = Server::start(&db, &[]);
    let body = |path: &str| {
        let (status, response) = http(&server.addr, &format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        (status, response.split("\r\n\r\n").nth(1).unwrap_or("").to_string())
    };
    let (status, page) = body("/api/entities?limit=2&offset=1");
    assert_eq!(status, 200, "{page}");
    let page: Value = serde_json::from_str(&page).unwrap();
    assert_eq!(page["total"].as_u64(), Some(all.len() as u64));
    assert_eq!(page["entities"].as_array().unwrap(), &all[1..3].to_vec());
    let (_, people) = body("/api/entities?type=PERSON&name=clinton");
    let people: Value = serde_json::from_str(&people).unwrap();
    assert!(people["total"].as_u64().unwrap() >= 1 && people["entities"].as_array().unwrap().iter().all(|e| e["type"] == "PERSON"), "{people}");
    let (status, _) = body("/api/entities?offset=x");
    assert_eq!(status, 400);
}
