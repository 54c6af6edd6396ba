//! Several writers on one database: two `dossier ingest` processes, or an
//! ingest and the server's `POST /documents`. They must wait for each other
//! (the busy timeout), never fail with "database is locked", and store every
//! document once.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Barrier};

use dossier_store::Store;
use serde_json::json;

/// Documents per writer, and per transaction: small batches so that the two
/// writers' transactions interleave.
const PER_WRITER: usize = 40;
const BATCH: usize = 3;
/// Fresh databases per test, to give the schema-creation race its chances.
const ROUNDS: usize = 4;

/// A fresh database path (and no -wal or -shm left from an earlier run).
fn fresh_db(name: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("dossier-store-{name}-{}.db", std::process::id()));
    remove_db(&path);
    path
}

fn remove_db(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// The smallest dossier JSON with an entity shared by every document and
/// one event, so that merged counts show a document stored twice.
fn document(n: usize) -> String {
    json!({
        "id": format!("doc-{n:04}"),
        "text": "Alice gave aid to Bob.",
        "published": "2024-01-02",
        "sentences": [{"start": 0, "end": 22}],
        "entities": [
            {"id": "E1", "name": "Alice", "type": "PERSON", "mentions": [{"start": 0, "end": 5}]},
            {"id": "E2", "name": "Bob", "type": "PERSON", "mentions": [{"start": 18, "end": 21}]}
        ],
        "events": [{"id": "V1", "type": "AID", "status": "done", "trigger": {"text": "gave", "start": 6, "end": 10}, "source": ["E1"], "target": ["E2"]}]
    })
    .to_string()
}

/// Stores `docs` a few per transaction; returns how many were new.
fn ingest_in_batches(path: &Path, docs: &[String]) -> usize {
    let mut store = Store::open(path).expect("open the database");
    let mut added = 0;
    for batch in docs.chunks(BATCH) {
        for result in store.ingest_batch(batch).expect("store a batch") {
            added += result.expect("store a document") as usize;
        }
        std::thread::yield_now();
    }
    added
}

/// Runs one writer per document list, each on its own connection, all
/// starting together; returns how many documents each stored as new.
fn concurrent_writers(path: &Path, lists: Vec<Vec<String>>) -> Vec<usize> {
    let start = Arc::new(Barrier::new(lists.len()));
    let writers: Vec<_> = lists
        .into_iter()
        .map(|docs| {
            let (path, start) = (path.to_path_buf(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                ingest_in_batches(&path, &docs)
            })
        })
        .collect();
    writers
        .into_iter()
        .map(|w| w.join().expect("a writer panicked"))
        .collect()
}

/// Documents, events, and the documents the shared entity is counted in.
fn counts(path: &Path) -> (i64, i64, i64) {
    let store = Store::open(path).expect("reopen the database");
    let stats = store.stats().expect("stats");
    let alice: i64 = store
        .connection()
        .query_row(
            "SELECT documents FROM entities WHERE key = 'PERSON:alice'",
            [],
            |r| r.get(0),
        )
        .expect("Alice's row");
    (
        stats["documents"].as_i64().unwrap(),
        stats["events"].as_i64().unwrap(),
        alice,
    )
}

#[test]
fn two_writers_on_a_fresh_database_both_succeed() {
    let path = fresh_db("disjoint");
    for _ in 0..ROUNDS {
        let first: Vec<String> = (0..PER_WRITER).map(document).collect();
        let second: Vec<String> = (PER_WRITER..2 * PER_WRITER).map(document).collect();
        assert_eq!(
            concurrent_writers(&path, vec![first, second]),
            [PER_WRITER, PER_WRITER]
        );
        let all = 2 * PER_WRITER as i64;
        assert_eq!(counts(&path), (all, all, all));
        remove_db(&path);
    }
}

#[test]
fn writers_of_the_same_documents_store_each_once() {
    let path = fresh_db("same");
    for _ in 0..ROUNDS {
        let docs: Vec<String> = (0..PER_WRITER).map(document).collect();
        let reversed: Vec<String> = docs.iter().rev().cloned().collect();
        let added = concurrent_writers(&path, vec![docs.clone(), docs, reversed]);
        assert_eq!(
            added.iter().sum::<usize>(),
            PER_WRITER,
            "new documents per writer: {added:?}"
        );
        let all = PER_WRITER as i64;
        assert_eq!(counts(&path), (all, all, all));
        remove_db(&path);
    }
}

#[test]
fn a_writer_waits_for_another_holding_the_lock() {
    let path = fresh_db("waits");
    let holder = Store::open(&path).expect("open the database");
    holder
        .connection()
        .execute_batch("BEGIN IMMEDIATE")
        .expect("take the write lock");
    let writer = {
        let path = path.clone();
        std::thread::spawn(move || ingest_in_batches(&path, &[document(1)]))
    };
    std::thread::sleep(std::time::Duration::from_millis(300));
    holder
        .connection()
        .execute_batch("COMMIT")
        .expect("release the write lock");
    assert_eq!(writer.join().expect("the writer panicked"), 1);
    remove_db(&path);
}

#[test]
fn many_openers_of_a_fresh_database_all_succeed() {
    let path = fresh_db("openers");
    for _ in 0..10 {
        let start = Arc::new(Barrier::new(8));
        let openers: Vec<_> = (0..8)
            .map(|_| {
                let (path, start) = (path.clone(), start.clone());
                std::thread::spawn(move || {
                    start.wait();
                    Store::open(&path).map(drop)
                })
            })
            .collect();
        for opener in openers {
            opener
                .join()
                .expect("an opener panicked")
                .expect("open the database");
        }
        remove_db(&path);
    }
}

#[test]
fn opening_a_current_database_needs_no_write_lock() {
    let path = fresh_db("current");
    let holder = Store::open(&path).expect("open the database");
    holder
        .connection()
        .execute_batch("BEGIN IMMEDIATE")
        .expect("take the write lock");
    let started = std::time::Instant::now();
    Store::open(&path).expect("open it again");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "the open waited for the lock"
    );
    holder
        .connection()
        .execute_batch("ROLLBACK")
        .expect("release the write lock");
    remove_db(&path);
}

#[test]
fn a_database_of_a_newer_dossier_is_refused() {
    let path = fresh_db("newer");
    Store::open(&path)
        .expect("create the database")
        .connection()
        .execute_batch("INSERT INTO schema_version VALUES (99)")
        .expect("bump the version");
    let refused = Store::open(&path)
        .err()
        .expect("the newer database refused");
    assert!(refused.to_string().starts_with("E202"), "{refused}");
    remove_db(&path);
}

/// Set in the environment of the processes `two_processes_...` starts.
const CHILD_DB: &str = "DOSSIER_STORE_TEST_DB";
const CHILD_FIRST: &str = "DOSSIER_STORE_TEST_FIRST";

/// Not a test of its own: the body of each process that
/// `two_processes_on_a_fresh_database_both_succeed` starts.
#[test]
#[ignore = "run by two_processes_on_a_fresh_database_both_succeed"]
fn ingest_as_a_child_process() {
    let (Ok(path), Ok(first)) = (std::env::var(CHILD_DB), std::env::var(CHILD_FIRST)) else {
        return;
    };
    let first: usize = first.parse().expect("a document number");
    let docs: Vec<String> = (first..first + PER_WRITER).map(document).collect();
    assert_eq!(ingest_in_batches(Path::new(&path), &docs), PER_WRITER);
}

#[test]
fn two_processes_on_a_fresh_database_both_succeed() {
    let path = fresh_db("processes");
    let this_test_binary = std::env::current_exe().expect("the test binary");
    let children: Vec<_> = [0, PER_WRITER]
        .into_iter()
        .map(|first| {
            Command::new(&this_test_binary)
                .args([
                    "ingest_as_a_child_process",
                    "--exact",
                    "--ignored",
                    "--test-threads=1",
                ])
                .env(CHILD_DB, &path)
                .env(CHILD_FIRST, first.to_string())
                .stdout(Stdio::piped())
                .spawn()
                .expect("start a child process")
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().expect("wait for a child process");
        assert!(
            output.status.success(),
            "a child failed: {}",
            String::from_utf8_lossy(&output.stdout)
        );
    }
    let all = 2 * PER_WRITER as i64;
    assert_eq!(counts(&path), (all, all, all));
    remove_db(&path);
}
