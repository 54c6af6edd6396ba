//! The store's commands: `ingest`, and the queries (`search`, `entity`,
//! `quotes`, `events`, `commitments`, `conflicts`, `export`), each printing
//! a readable table or, with `--json`, JSON.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::Args;
use dossier_pipeline::Layers;
use dossier_store::{Filter, Store};
use serde_json::Value;

use crate::extract::{for_each_document, InputArgs, Outcome};

#[derive(Args, Debug)]
pub struct DbArg {
    /// The SQLite database.
    #[arg(long, value_name = "PATH", default_value = "dossier.db", env = "DOSSIER_DB")]
    pub db: PathBuf,
}

#[derive(Args, Debug)]
pub struct IngestArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub input: InputArgs,
    /// Documents per transaction, at most; each is stored all or nothing
    /// either way. 1 commits every document on its own (slower: one
    /// full-text flush each); a kill loses at most one uncommitted batch.
    #[arg(long, value_name = "N", default_value_t = 32, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub batch: u32,
}

/// A batch is also committed once its first document has waited this
/// long, so a slow stream is stored as it comes.
const BATCH_WAIT: Duration = Duration::from_secs(2);

/// Collects analysed documents and stores them a batch per transaction:
/// one commit and one full-text flush per batch, not per document.
struct Batcher {
    store: Store,
    size: usize,
    docs: Vec<String>,
    oldest: Instant,
    added: usize,
    already: usize,
    failed: usize,
}

impl Batcher {
    fn push(&mut self, json: String) -> Result<()> {
        if self.docs.is_empty() {
            self.oldest = Instant::now();
        }
        self.docs.push(json);
        if self.docs.len() >= self.size || self.oldest.elapsed() >= BATCH_WAIT {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        for result in self.store.ingest_batch(&self.docs)? {
            match result {
                Ok(true) => self.added += 1,
                Ok(false) => self.already += 1,
                Err(e) => {
                    self.failed += 1;
                    eprintln!("dossier: {e}");
                }
            }
        }
        self.docs.clear();
        Ok(())
    }
}

/// Analyses the inputs and stores the new documents, a batch per
/// transaction. Killed midway, it loses at most the uncommitted batch,
/// which the next run (skipping what is stored) analyses again.
pub fn ingest(args: IngestArgs) -> Result<ExitCode> {
    let store = Store::open(&args.db.db)?;
    let known: HashSet<String> = {
        let mut st = store.connection().prepare("SELECT id FROM documents")?;
        let ids = st.query_map([], |r| r.get::<_, String>(0))?.collect::<Result<_, _>>()?;
        ids
    };
    let started = Instant::now();
    let mut batcher = Batcher { store, size: args.batch as usize, docs: Vec::new(), oldest: started, added: 0, already: 0, failed: 0 };
    let counts = for_each_document(&args.input, Layers::default_set(), false, &known, |outcome| match outcome {
        Outcome::Document(json) => batcher.push(json),
        Outcome::Long(doc, options) => batcher.push(dossier_core::json::to_json(&doc, options)),
        _ => Ok(()),
    })?;
    batcher.flush()?;
    let secs = started.elapsed().as_secs_f64();
    let added = batcher.added;
    eprintln!(
        "dossier: {added} new documents stored in {} in {secs:.1} s ({:.1} documents/s); {} already stored, {} failed",
        args.db.db.display(),
        added as f64 / secs.max(1e-9),
        counts.skipped + batcher.already,
        counts.failures + batcher.failed,
    );
    Ok(if counts.failures + batcher.failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn open_existing(db: &Path) -> Result<Store> {
    if !db.exists() {
        bail!("no database at {} (run `dossier ingest` first, or pass --db)", db.display());
    }
    Ok(Store::open(db)?)
}

#[derive(Args, Debug)]
pub struct Output {
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

fn show(rows: &[Value], columns: &[&str], out: &Output) -> Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    if out.json {
        serde_json::to_writer_pretty(&mut stdout, rows)?;
        writeln!(stdout)?;
        return Ok(ExitCode::SUCCESS);
    }
    write!(stdout, "{}", table(rows, columns))?;
    Ok(ExitCode::SUCCESS)
}

/// A plain-text table, each cell cut to fit.
pub fn table(rows: &[Value], columns: &[&str]) -> String {
    let cell = |v: &Value| -> String {
        let s = match v {
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            Value::Array(a) => a.iter().map(|x| x.as_str().map(str::to_string).unwrap_or_else(|| x.to_string())).collect::<Vec<_>>().join(", "),
            other => other.to_string(),
        };
        let s = s.replace(['\n', '\t'], " ");
        if s.chars().count() > 60 {
            format!("{}…", s.chars().take(59).collect::<String>())
        } else {
            s
        }
    };
    let cells: Vec<Vec<String>> = rows.iter().map(|r| columns.iter().map(|c| cell(&r[*c])).collect()).collect();
    let widths: Vec<usize> = columns.iter().enumerate().map(|(i, c)| cells.iter().map(|r| r[i].chars().count()).max().unwrap_or(0).max(c.len())).collect();
    let mut s = String::new();
    let line = |s: &mut String, vals: &[String]| {
        let parts: Vec<String> = vals.iter().zip(&widths).map(|(v, w)| format!("{v:<w$}")).collect();
        s.push_str(parts.join("  ").trim_end());
        s.push('\n');
    };
    line(&mut s, &columns.iter().map(|c| c.to_uppercase()).collect::<Vec<_>>());
    for r in &cells {
        line(&mut s, r);
    }
    s.push_str(&format!("({} rows)\n", rows.len()));
    s
}

#[derive(Args, Debug)]
pub struct SearchArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub out: Output,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Words to find (all of them, ranked by BM25).
    #[arg(required = true)]
    pub query: Vec<String>,
}

pub fn search(a: SearchArgs) -> Result<ExitCode> {
    let store = open_existing(&a.db.db)?;
    let rows = store.search(&a.query.join(" "), a.limit)?;
    show(&rows, &["published", "title", "snippet", "url"], &a.out)
}

#[derive(Args, Debug)]
pub struct EntityArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub out: Output,
    /// A name, an alias, or an entity key (e.g. `iso3166:UA`).
    pub name: String,
}

pub fn entity(a: EntityArgs) -> Result<ExitCode> {
    let store = open_existing(&a.db.db)?;
    let Some(p) = store.entity(&a.name)? else {
        eprintln!("dossier: no entity named `{}`", a.name);
        return Ok(ExitCode::from(1));
    };
    if a.out.json {
        println!("{}", serde_json::to_string_pretty(&p)?);
        return Ok(ExitCode::SUCCESS);
    }
    let aliases: Vec<&str> = p["aliases"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    println!("{} ({}), key {}", p["name"].as_str().unwrap_or(""), p["type"].as_str().unwrap_or(""), p["key"].as_str().unwrap_or(""));
    println!("aliases: {}", aliases.join(", "));
    println!("{} mentions in {} documents, first seen {}, last seen {}", p["mentions"], p["documents"], p["first_seen"].as_str().unwrap_or("?"), p["last_seen"].as_str().unwrap_or("?"));
    let section = |title: &str, rows: &Value, cols: &[&str]| {
        let rows = rows.as_array().cloned().unwrap_or_default();
        if !rows.is_empty() {
            println!("\n{title}\n{}", table(&rows, cols));
        }
    };
    section("Appears with", &p["cooccurring"], &["name", "type", "documents"]);
    section("Quotes by", &p["quotes_by"], &["published", "kind", "text", "title"]);
    section("Quotes about", &p["quotes_about"], &["published", "speaker", "text"]);
    section("Events", &p["events"], &["published", "type", "status", "sources", "targets", "theme"]);
    section("Timeline", &p["timeline"], &["date", "documents", "mentions"]);
    section("Documents", &p["documents_list"], &["published", "title", "url"]);
    Ok(ExitCode::SUCCESS)
}

#[derive(Args, Debug)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub out: Output,
    /// Quotes by this speaker (name, alias or key).
    #[arg(long)]
    pub by: Option<String>,
    /// Quotes that name this entity.
    #[arg(long)]
    pub about: Option<String>,
    #[arg(long, value_name = "D")]
    pub since: Option<String>,
    #[arg(long, value_name = "D")]
    pub until: Option<String>,
}

pub fn quotes(a: QuotesArgs) -> Result<ExitCode> {
    let store = open_existing(&a.db.db)?;
    let rows = store.quotes(&Filter { by: a.by, about: a.about, since: a.since, until: a.until, ..Filter::default() })?;
    show(&rows, &["published", "speaker", "kind", "text", "title"], &a.out)
}

#[derive(Args, Debug)]
pub struct EventsArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub out: Output,
    /// A PLOVER type, e.g. AID, ACCUSE.
    #[arg(long = "type")]
    pub event_type: Option<String>,
    #[arg(long)]
    pub source: Option<String>,
    #[arg(long)]
    pub target: Option<String>,
    #[arg(long, value_name = "D")]
    pub since: Option<String>,
    #[arg(long, value_name = "D")]
    pub until: Option<String>,
}

pub fn events(a: EventsArgs) -> Result<ExitCode> {
    let store = open_existing(&a.db.db)?;
    let rows = store.events(&Filter { event_type: a.event_type, source: a.source, target: a.target, since: a.since, until: a.until, ..Filter::default() })?;
    show(&rows, &["published", "type", "status", "sources", "targets", "theme", "quantity"], &a.out)
}

#[derive(Args, Debug)]
pub struct CommitmentsArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub out: Output,
    #[arg(long)]
    pub donor: Option<String>,
    #[arg(long)]
    pub recipient: Option<String>,
}

pub fn commitments(a: CommitmentsArgs) -> Result<ExitCode> {
    let store = open_existing(&a.db.db)?;
    let rows = store.commitments(a.donor.as_deref(), a.recipient.as_deref())?;
    show(&rows, &["donor", "recipient", "item", "quantity", "status", "date", "url"], &a.out)
}

#[derive(Args, Debug)]
pub struct ConflictsArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub out: Output,
}

pub fn conflicts(a: ConflictsArgs) -> Result<ExitCode> {
    let store = open_existing(&a.db.db)?;
    let rows = store.conflicts()?;
    show(&rows, &["scope", "message", "title", "url"], &a.out)
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// jsonl or csv (every event, on stdout), or parquet (one file per table, in --output).
    #[arg(long, default_value = "jsonl")]
    pub format: String,
    /// The folder the Parquet files are written to (created if needed).
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

pub const EXPORT_COLUMNS: &[&str] = &[
    "document", "url", "published", "event", "type", "mode", "status", "sources", "source_keys", "targets", "target_keys", "trigger", "theme",
    "quantity", "value", "unit", "time", "sentence", "sentence_start", "sentence_end", "trigger_start", "trigger_end",
];

pub fn export(a: ExportArgs) -> Result<ExitCode> {
    let store = open_existing(&a.db.db)?;
    if a.format == "parquet" {
        let Some(dir) = &a.output else { bail!("--format parquet needs --output DIR") };
        return export_parquet(&store, dir);
    }
    let rows = store.export_events()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match a.format.as_str() {
        "jsonl" => {
            for r in &rows {
                serde_json::to_writer(&mut out, r)?;
                writeln!(out)?;
            }
        }
        "csv" => out.write_all(csv(&rows, EXPORT_COLUMNS).as_bytes())?,
        other => bail!("unknown --format `{other}` (expected jsonl, csv or parquet)"),
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One Parquet file per table in `dir` (see docs/parquet.md).
fn export_parquet(store: &Store, dir: &Path) -> Result<ExitCode> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for table in dossier_store::tables::TABLES {
        let (path, rows) = dossier_store::parquet::write_table(store, table, dir)?;
        eprintln!("dossier: {rows} rows in {}", path.display());
    }
    eprintln!("dossier: no stories.parquet: this store has no stories");
    Ok(ExitCode::SUCCESS)
}

/// RFC 4180 CSV of the given columns.
pub fn csv(rows: &[Value], columns: &[&str]) -> String {
    let field = |v: &Value| -> String {
        let s = match v {
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("; "),
            other => other.to_string(),
        };
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    };
    let mut out = columns.join(",");
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&columns.iter().map(|c| field(&r[*c])).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Address to listen on (loopback by default).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Bearer token that `POST /documents` requires; without one, writing is off.
    #[arg(long, env = "DOSSIER_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// A host name the server also answers to (repeat for more). On loopback
    /// only loopback names are answered otherwise (against DNS rebinding).
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_hosts: Vec<String>,
    /// Open connections at most (lowered to fit the open-files limit); idle
    /// ones are closed when it is reached.
    #[arg(long, default_value_t = 512, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,
    /// Seconds a client has to send a request's headers.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    pub header_timeout: u64,
    /// Seconds a client has to send a request's body.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub body_timeout: u64,
    /// Megabytes of answers kept in memory for repeated queries.
    #[arg(long, default_value_t = 64)]
    pub cache_mb: usize,
    /// Rows one API answer (a query or an export page) holds at most.
    #[arg(long, default_value_t = 5000, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_rows: u32,
}

pub fn serve(a: ServeArgs) -> Result<ExitCode> {
    let limits = dossier_server::Limits {
        max_connections: a.max_connections as usize,
        header_timeout: std::time::Duration::from_secs(a.header_timeout),
        body_timeout: std::time::Duration::from_secs(a.body_timeout),
        cache_bytes: a.cache_mb << 20,
        max_rows: a.max_rows as usize,
        ..dossier_server::Limits::default()
    };
    let config = dossier_server::Config { db: a.db.db, addr: a.addr, token: a.token.filter(|t| !t.is_empty()), limits, allowed_hosts: a.allow_hosts };
    dossier_server::serve(config)?;
    Ok(ExitCode::SUCCESS)
}
