//! `export_events_page`: bounded pages that, walked in order, give every
//! event once, as `export_events` does in one go.

use dossier_store::Store;
use serde_json::{json, Value};

/// A document with `events` events, two of them on the same trigger word.
fn document(n: usize, events: usize) -> String {
    let events: Vec<Value> = (0..events).map(|e| json!({"id": format!("V{e}"), "type": "AID", "status": "done", "trigger": {"text": "gave", "start": 6 * (e / 2), "end": 6 * (e / 2) + 4}})).collect();
    json!({"id": format!("doc-{n}"), "text": "Alice gave aid to Bob and gave more.", "published": format!("2024-01-{:02}", 1 + n % 3), "events": events}).to_string()
}

fn store_with_events() -> (Store, std::path::PathBuf) {
    let path = std::env::temp_dir().join(format!("dossier-store-export-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let mut store = Store::open(&path).expect("open the database");
    let docs: Vec<String> = (0..7).map(|n| document(n, 1 + n % 4)).collect();
    for result in store.ingest_batch(&docs).expect("store the documents") {
        assert!(result.expect("store a document"));
    }
    (store, path)
}

fn key(row: &Value) -> (String, String) {
    (
        row["document"].as_str().unwrap().to_string(),
        row["event"].as_str().unwrap().to_string(),
    )
}

#[test]
fn export_pages_walk_every_event_once_in_order() {
    let (store, path) = store_with_events();
    let all = store.export_events().expect("export");
    assert_eq!(all.len(), (0..7).map(|n| 1 + n % 4).sum::<usize>());
    let mut walked = Vec::new();
    for offset in (0..all.len() + 3).step_by(3) {
        let page = store.export_events_page(3, offset).expect("a page");
        assert!(page.len() <= 3);
        walked.extend(page);
    }
    assert_eq!(
        walked.iter().map(key).collect::<Vec<_>>(),
        all.iter().map(key).collect::<Vec<_>>()
    );
    assert!(store
        .export_events_page(0, 0)
        .expect("an empty page")
        .is_empty());
    assert!(store
        .export_events_page(10, all.len())
        .expect("past the end")
        .is_empty());
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}
