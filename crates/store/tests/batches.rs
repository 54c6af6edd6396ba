//! A batch is stored without a savepoint per document, and again with them
//! when one document fails: the failed one leaves nothing, the others are
//! stored, and the story index counts only what was stored.

use dossier_store::Store;
use serde_json::json;

fn document(id: &str, text: &str, entities: serde_json::Value) -> String {
    json!({ "id": id, "text": text, "published": "2024-01-02", "entities": entities }).to_string()
}

fn count(store: &Store, sql: &str) -> i64 {
    store.connection().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_document_failing_midway_leaves_nothing_and_the_batch_is_stored() {
    let path =
        std::env::temp_dir().join(format!("dossier-store-batches-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let mut store = Store::open(&path).unwrap();
    let alice = json!([{ "id": "E1", "name": "Alice", "type": "PERSON", "mentions": [{ "start": 0, "end": 5 }] }]);
    // Two entities with one local id: the second row breaks the primary key
    // after the document, its entity and its story rows were written.
    let twice = json!([
        { "id": "E1", "name": "Carol", "type": "PERSON", "mentions": [] },
        { "id": "E1", "name": "Dave", "type": "PERSON", "mentions": [] }
    ]);
    let batch = [
        document(
            "a",
            "Alice opened the harbour bridge in Valletta yesterday morning.",
            alice.clone(),
        ),
        document(
            "bad",
            "Carol and Dave argued about the orchestra budget in Vienna.",
            twice,
        ),
        document(
            "c",
            "Alice later inspected the new ferry terminal at Gozo.",
            alice,
        ),
    ];
    let results = store.ingest_batch(&batch).unwrap();
    assert!(
        matches!(results[..], [Ok(true), Err(_), Ok(true)]),
        "{results:?}"
    );
    assert_eq!(count(&store, "SELECT count(*) FROM documents"), 2);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM entities WHERE key = 'PERSON:carol'"
        ),
        0
    );
    assert_eq!(count(&store, "SELECT count(*) FROM story_documents"), 2);
    assert_eq!(
        count(
            &store,
            "SELECT documents FROM entities WHERE key = 'PERSON:alice'"
        ),
        2
    );
    // Term 0 counts the documents in the document frequencies; "orchestra" was only in the failed one.
    assert_eq!(count(&store, "SELECT df FROM term_df WHERE term = 0"), 2);
    let terms = count(&store, "SELECT count(*) FROM term_df");
    // Stored again, the good ones are known and the bad one fails again, changing nothing.
    let again = store.ingest_batch(&batch).unwrap();
    assert!(
        matches!(again[..], [Ok(false), Err(_), Ok(false)]),
        "{again:?}"
    );
    assert_eq!(
        (
            count(&store, "SELECT df FROM term_df WHERE term = 0"),
            count(&store, "SELECT count(*) FROM term_df")
        ),
        (2, terms)
    );
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}
