//! Times the store alone: ingests documents already analysed (JSON Lines as
//! `dossier extract` writes them) into a fresh database, `BATCH` (default
//! 32) documents per transaction, as `dossier ingest --batch` does.
//!
//! `BATCH=32 cargo run --release -p dossier-store --example store_only -- DOCS.jsonl DB`
use std::io::BufRead;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, docs, db] = args.as_slice() else {
        eprintln!("usage: store_only DOCS.jsonl DB   (DB and its -wal/-shm files are replaced)");
        std::process::exit(2);
    };
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{db}{suffix}"));
    }
    let mut store =
        dossier_store::Store::open(std::path::Path::new(db)).expect("open the database");
    let lines: Vec<String> =
        std::io::BufReader::new(std::fs::File::open(docs).expect("open the documents"))
            .lines()
            .map(Result::unwrap)
            .collect();
    let batch_size: usize = std::env::var("BATCH")
        .ok()
        .and_then(|b| b.parse().ok())
        .filter(|&b| b > 0)
        .unwrap_or(32);
    let start = std::time::Instant::now();
    for batch in lines.chunks(batch_size) {
        for result in store.ingest_batch(batch).expect("store a batch") {
            result.expect("store a document");
        }
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "{} documents stored in {secs:.2} s ({:.2} ms each)",
        lines.len(),
        secs * 1000.0 / lines.len() as f64
    );
}
