//! Times the store alone: ingests documents already extracted (JSON Lines
//! as `dossier extract` writes them) into a fresh database, 32 per batch.
//! `cargo run --release -p dossier-store --example store_only -- DOCS.jsonl DB`
use std::io::BufRead;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let _ = std::fs::remove_file(&args[2]);
    let mut store = dossier_store::Store::open(std::path::Path::new(&args[2])).unwrap();
    let lines: Vec<String> = std::io::BufReader::new(std::fs::File::open(&args[1]).unwrap()).lines().map(Result::unwrap).collect();
    let start = std::time::Instant::now();
    let batch_size: usize = std::env::var("BATCH").ok().and_then(|b| b.parse().ok()).unwrap_or(32);
    for batch in lines.chunks(batch_size) {
        for r in store.ingest_batch(batch).unwrap() {
            r.unwrap();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!("{} documents stored in {secs:.2} s ({:.2} ms each)", lines.len(), secs * 1000.0 / lines.len() as f64);
}
