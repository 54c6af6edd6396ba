//! #25: near-duplicates, stories and outlets, built as documents are
//! ingested, on the committed story corpus (tests/fixtures/stories).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};

use super::*;

/// A store of the story corpus; the corpus's gold labels, by document id.
fn corpus_store(test: &str) -> (PathBuf, Vec<Value>) {
    let db = scratch(test).join("s.db");
    let corpus = fixture("stories/corpus.jsonl");
    let out = run(&["ingest", "--db", db.to_str().unwrap(), &corpus], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let gold = std::fs::read_to_string(&corpus)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (db, gold)
}

fn stories_json(db: &Path, extra: &[&str]) -> Value {
    let out = run(
        &[&["stories", "--db", db.to_str().unwrap(), "--json"], extra].concat(),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn issue_25_each_gold_story_is_one_story_with_its_outlets_and_copies() {
    let (db, gold) = corpus_store("stories");
    let answer = stories_json(&db, &[]);
    let stories = answer["stories"].as_array().unwrap();
    assert_eq!(answer["total"], 13);
    assert_eq!(stories.len(), 13);
    // Gold story → the story ids its documents landed in.
    let gold_story: BTreeMap<&str, &str> = gold
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d["gold_story"].as_str().unwrap()))
        .collect();
    let mut found: BTreeMap<&str, BTreeSet<i64>> = BTreeMap::new();
    for s in stories {
        let docs = s["documents"].as_array().unwrap();
        assert_eq!(s["articles"].as_u64().unwrap() as usize, docs.len());
        let outlets: BTreeSet<&str> = docs
            .iter()
            .map(|d| d["publisher"].as_str().unwrap())
            .collect();
        assert_eq!(s["sources"].as_u64().unwrap() as usize, outlets.len());
        for d in docs {
            found
                .entry(gold_story[d["id"].as_str().unwrap()])
                .or_default()
                .insert(s["id"].as_i64().unwrap());
            for k in ["title", "url", "published", "source"] {
                assert!(d[k].is_string(), "document without {k}: {d}");
            }
        }
    }
    assert!(
        found.values().all(|ids| ids.len() == 1),
        "a gold story split: {found:?}"
    );
    // The Japanese aid story: three wire copies (one group) and a rewrite.
    let japan = stories
        .iter()
        .find(|s| {
            s["documents"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["id"] == "s1-wire")
        })
        .unwrap();
    assert_eq!(japan["first_seen"], "2025-03-03");
    let groups: BTreeSet<&str> = japan["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["duplicate_group"].as_str().unwrap())
        .collect();
    assert_eq!(groups, BTreeSet::from(["s1-rewrite", "s1-wire"]));
    assert!(
        japan["title"].as_str().unwrap().contains("Indonesia")
            || japan["title"].as_str().unwrap().contains("Sumatra"),
        "{}",
        japan["title"]
    );
}

#[test]
fn issue_25_stories_filter_by_dates_and_entity_and_show_one() {
    let (db, _) = corpus_store("stories-filter");
    let april = stories_json(&db, &["--since", "2025-04-01"]);
    assert_eq!(april["total"], 1);
    assert_eq!(april["stories"][0]["documents"][0]["id"], "s13-wire");
    let early = stories_json(&db, &["--until", "2025-03-04"]);
    assert_eq!(early["total"], 2, "{early}");
    let zelenskiy = stories_json(&db, &["--entity", "Volodymyr Zelenskiy"]);
    assert_eq!(zelenskiy["total"], 1, "{zelenskiy}");
    let id = zelenskiy["stories"][0]["id"].to_string();
    let out = run(
        &["story", "--db", db.to_str().unwrap(), "--json", &id],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let story: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(story["articles"], 3);
    assert!(
        story["events"].is_array()
            && story["conflicts"].is_array()
            && story["publishers"].is_array()
    );
    let table = run(&["stories", "--db", db.to_str().unwrap()], None);
    assert!(
        String::from_utf8_lossy(&table.stdout).contains("(13 rows)"),
        "{}",
        String::from_utf8_lossy(&table.stdout)
    );
    assert_eq!(
        run(&["story", "--db", db.to_str().unwrap(), "999"], None)
            .status
            .code(),
        Some(1)
    );
}

fn http_get(addr: &str, path: &str) -> (u16, Value) {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    s.write_all(
        format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").as_bytes(),
    )
    .unwrap();
    let mut response = String::new();
    s.read_to_string(&mut response).unwrap();
    let status = response[9..12].parse().unwrap();
    let body = response.split_once("\r\n\r\n").map(|b| b.1).unwrap_or("");
    (status, serde_json::from_str(body).unwrap_or(Value::Null))
}

#[test]
fn issue_25_the_api_serves_stories_and_one_story() {
    let (db, _) = corpus_store("stories-api");
    let server = Server::start(&db, &[]);
    let (status, list) = http_get(&server.addr, "/api/stories?limit=2");
    assert_eq!(status, 200);
    assert_eq!(list["total"], 13);
    assert_eq!(list["stories"].as_array().unwrap().len(), 2);
    let first = &list["stories"][0];
    for k in [
        "id",
        "title",
        "first_seen",
        "last_seen",
        "sources",
        "articles",
        "documents",
    ] {
        assert!(!first[k].is_null(), "no {k} in {first}");
    }
    let (status, one) = http_get(&server.addr, &format!("/api/stories/{}", first["id"]));
    assert_eq!(status, 200);
    assert_eq!(one["documents"], first["documents"]);
    assert_eq!(http_get(&server.addr, "/api/stories/999").0, 404);
    assert_eq!(http_get(&server.addr, "/api/stories/x").0, 404);
}

#[test]
fn issue_25_publisher_comes_from_the_field_the_page_or_the_host() {
    let out = run(&["extract", "--from", "jsonl"], Some(b"{\"text\":\"One.\",\"publisher\":\"Asia Wire\"}\n{\"text\":\"Two.\",\"url\":\"https://www.example.org/a\"}\n{\"text\":\"Three.\"}\n"));
    let d = docs(&out);
    assert_eq!(d[0]["publisher"], "Asia Wire");
    assert_eq!(d[1]["publisher"], "example.org");
    assert!(d[2]["publisher"].is_null());
    let page = b"<html><head><title>T</title><meta property=\"og:site_name\" content=\"The Daily Example\"></head><body><article><p>A long enough paragraph about the harbour strike and the union's demands, which went on for several sentences so that the page has an article to find.</p><p>Another paragraph follows here with more words in it.</p></article></body></html>";
    let out = run(&["extract", "--from", "html"], Some(page));
    assert_eq!(docs(&out)[0]["publisher"], "The Daily Example");
}

#[test]
fn issue_25_conflicts_are_the_planted_ones_and_name_their_documents() {
    let (db, _) = corpus_store("stories-conflicts");
    let out = run(&["conflicts", "--db", db.to_str().unwrap(), "--json"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let conflicts: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let planted: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("stories/gold.json")).unwrap())
            .unwrap();
    let planted = planted["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), planted.len(), "{conflicts:#?}");
    for p in planted {
        let found = conflicts.iter().any(|c| {
            let docs: BTreeSet<&str> = c["documents"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["id"].as_str().unwrap())
                .collect();
            let values: Vec<f64> = c["figures"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["value"].as_f64().unwrap())
                .collect();
            p["documents"]
                .as_array()
                .unwrap()
                .iter()
                .all(|d| docs.contains(d.as_str().unwrap()))
                && p["values"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|v| values.contains(&v.as_f64().unwrap()))
        });
        assert!(found, "planted conflict not found: {p}\n{conflicts:#?}");
    }
    // Every figure names its document and sentence.
    for f in conflicts
        .iter()
        .flat_map(|c| c["figures"].as_array().unwrap())
    {
        assert!(
            f["document"].is_string() && f["sentence"].is_string() && f["text"].is_string(),
            "{f}"
        );
    }
}
