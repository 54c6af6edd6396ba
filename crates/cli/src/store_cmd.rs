//! The store's commands: `ingest`, and the queries (`search`, `entity`,
//! `entities`, `quotes`, `events`, `commitments`, `conflicts`, `export`), each printing
//! a readable table or, with `--json`, JSON.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::Args;
use dossier_pipeline::Layers;
use dossier_store::export::Export;
use dossier_store::{Correction, EntityQuery, Filter, Page, Store};
use serde_json::Value;

use crate::extract::{for_each_document, InputArgs, Outcome};
use crate::query_args::{self, show_page, table, Output, Paging};

#[derive(Args, Debug)]
pub struct DbArg {
    /// The SQLite database.
    #[arg(
        long,
        value_name = "PATH",
        default_value = "dossier.db",
        env = "DOSSIER_DB"
    )]
    pub db: PathBuf,
}

/// What every paged listing reads: the database, the output form and the page.
#[derive(Args, Debug)]
pub struct Listing {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub out: Output,
    #[command(flatten)]
    pub paging: Paging,
}

impl Listing {
    fn open(&self) -> Result<Store> {
        open_existing(&self.db.db)
    }

    /// This listing's page of rows found all at once.
    fn page_of(&self, rows: Vec<Value>) -> Page {
        Page::of(
            rows,
            self.paging.limit as usize,
            self.paging.offset as usize,
        )
    }

    /// The page as a table of `columns`, or as JSON with `--json`.
    fn show(&self, page: &Page, columns: &[&str]) -> Result<ExitCode> {
        show_page(page, self.paging, columns, &self.out)
    }
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
        let ids = st
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<_, _>>()?;
        ids
    };
    let started = Instant::now();
    let mut batcher = Batcher {
        store,
        size: args.batch as usize,
        docs: Vec::new(),
        oldest: started,
        added: 0,
        already: 0,
        failed: 0,
    };
    let counts = for_each_document(
        &args.input,
        Layers::default_set(),
        false,
        &|id| known.contains(id),
        |outcome| match outcome {
            Outcome::Document { json, .. } => batcher.push(json),
            Outcome::Long(doc, options) => batcher.push(dossier_core::json::to_json(&doc, options)),
            _ => Ok(()),
        },
    )?;
    batcher.flush()?;
    let secs = started.elapsed().as_secs_f64();
    let added = batcher.added;
    eprintln!(
        "dossier: {added} new {} stored in {} in {secs:.1} s ({:.1} documents/s); {} already stored, {} failed",
        if added == 1 { "document" } else { "documents" },
        args.db.db.display(),
        added as f64 / secs.max(1e-9),
        counts.skipped + batcher.already,
        counts.failures + batcher.failed,
    );
    Ok(if counts.failures + batcher.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub fn open_existing(db: &Path) -> Result<Store> {
    if !db.exists() {
        bail!(
            "no database at {} (run `dossier ingest` first, or pass --db)",
            db.display()
        );
    }
    Ok(Store::open(db)?)
}

#[derive(Args, Debug)]
pub struct SearchArgs {
    #[command(flatten)]
    pub list: Listing,
    /// Only articles published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "D", value_parser = query_args::date)]
    pub since: Option<String>,
    /// Only articles published on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "D", value_parser = query_args::date)]
    pub until: Option<String>,
    /// Only articles from this outlet: the host of their URL, e.g. reuters.com.
    #[arg(long, value_name = "HOST")]
    pub outlet: Option<String>,
    /// Only articles that mention this entity (name, alias or key).
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,
    /// What to find: words (all must appear), "exact phrases", OR, NOT or -word,
    /// prefix*, title:word or title:"a phrase", and parentheses. Ranked by BM25.
    #[arg(required = true)]
    pub query: Vec<String>,
}

pub fn search(a: SearchArgs) -> Result<ExitCode> {
    let store = a.list.open()?;
    let f = Filter {
        since: a.since,
        until: a.until,
        outlet: a.outlet,
        entity: a.entity,
        ..paged(a.list.paging)
    };
    let mut page = match store.search_page(&a.query.join(" "), &f) {
        Ok(page) => page,
        Err(e @ dossier_store::StoreError::BadSearch(_)) => {
            eprintln!("dossier: {e}");
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Err(e.into()),
    };
    if !a.list.out.json {
        // The table marks each match with [brackets].
        page.rows.iter_mut().for_each(bracket_highlights);
    }
    a.list
        .show(&page, &["published", "title", "snippet", "url"])
}

/// The snippet with its highlighted ranges in [brackets], for a table.
fn bracket_highlights(row: &mut Value) {
    let chars: Vec<char> = row["snippet"].as_str().unwrap_or("").chars().collect();
    let mut marks: Vec<(usize, char)> = Vec::new();
    for h in row["highlights"].as_array().into_iter().flatten() {
        marks.push((h[0].as_u64().unwrap_or(0) as usize, '['));
        marks.push((h[1].as_u64().unwrap_or(0) as usize, ']'));
    }
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        marks
            .iter()
            .filter(|m| m.0 == i)
            .for_each(|m| out.push(m.1));
        out.push(*c);
    }
    marks
        .iter()
        .filter(|m| m.0 == chars.len())
        .for_each(|m| out.push(m.1));
    row["snippet"] = Value::String(out);
}

/// A filter holding only the page.
fn paged(p: Paging) -> Filter {
    Filter {
        limit: Some(p.limit as usize),
        offset: p.offset as usize,
        ..Filter::default()
    }
}

#[derive(Args, Debug)]
pub struct EntitiesArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub out: Output,
    /// Only entities of this type (PERSON, ORG, GPE, …).
    #[arg(long = "type", value_name = "T")]
    pub entity_type: Option<String>,
    /// Only entities whose name or an alias contains this text (any case).
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
    /// Also list the actors a document names only with common nouns ("the government",
    /// "protesters"): each is its document's own, keyed `TYPE:name@document`.
    #[arg(long)]
    pub common: bool,
    /// Rows to show at most; 0 shows them all.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: u32,
    /// Rows to skip first; with --limit, pages through the results.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: u32,
}

/// The stored entities, the most mentioned first.
pub fn entities(a: EntitiesArgs) -> Result<ExitCode> {
    let store = open_existing(&a.db.db)?;
    let query = EntityQuery {
        entity_type: a.entity_type,
        name: a.name,
        common: a.common,
        limit: (a.limit > 0).then_some(a.limit as usize),
        offset: a.offset as usize,
    };
    let page = store.entity_page(&query)?;
    let paging = Paging {
        limit: if a.limit > 0 {
            a.limit
        } else {
            u32::try_from(page.total).unwrap_or(u32::MAX)
        },
        offset: a.offset,
    };
    show_page(
        &page,
        paging,
        &["key", "name", "type", "mentions", "documents", "aliases"],
        &a.out,
    )
}

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct EntityArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub out: Output,
    /// A name, an alias (with or without a title: "Mrs. Clinton"), or an entity key (e.g. `iso3166:UA`).
    #[arg(required = true)]
    pub name: Option<String>,
    #[command(subcommand)]
    pub correct: Option<Correct>,
}

/// Corrections by the user: kept in the store, applied to what is stored
/// and to every document ingested later.
#[derive(clap::Subcommand, Debug)]
pub enum Correct {
    /// A and B are one entity: B's documents, aliases, quotes and events join A.
    Merge {
        #[command(flatten)]
        db: DbArg,
        a: String,
        b: String,
    },
    /// Names of an entity: `alias remove KEY ALIAS` splits ALIAS off KEY.
    Alias {
        #[command(flatten)]
        db: DbArg,
        /// remove
        #[arg(value_parser = ["remove"])]
        action: String,
        key: String,
        alias: String,
    },
    /// Gives the entity a name of your choosing.
    Rename {
        #[command(flatten)]
        db: DbArg,
        key: String,
        name: String,
    },
    /// Gives the entity a type (PERSON, ORG, GPE, …); its mentions no longer vote.
    Retype {
        #[command(flatten)]
        db: DbArg,
        key: String,
        #[arg(value_name = "TYPE")]
        entity_type: String,
    },
    /// The corrections made so far, oldest first.
    Corrections {
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        out: Output,
    },
}

/// The stored key a user's name for an entity stands for.
fn key_named(store: &Store, name: &str) -> Result<String> {
    store
        .find_entity(name)?
        .with_context(|| format!("no entity named `{name}`"))
}

fn correct(c: Correct) -> Result<ExitCode> {
    let (db, correction) = match c {
        Correct::Corrections { db, out } => {
            let store = open_existing(&db.db)?;
            let rows = store.corrections()?;
            let paging = Paging {
                limit: u32::try_from(rows.len()).unwrap_or(u32::MAX).max(1),
                offset: 0,
            };
            return show_page(
                &Page::of(rows, paging.limit as usize, 0),
                paging,
                &["id", "action", "key", "value", "made_at"],
                &out,
            );
        }
        Correct::Merge { db, a, b } => {
            let store = open_existing(&db.db)?;
            let (into, from) = (key_named(&store, &a)?, key_named(&store, &b)?);
            (db, Correction::Merge { from, into })
        }
        Correct::Alias { db, key, alias, .. } => {
            let key = key_named(&open_existing(&db.db)?, &key)?;
            (db, Correction::SplitAlias { key, alias })
        }
        Correct::Rename { db, key, name } => {
            let key = key_named(&open_existing(&db.db)?, &key)?;
            (db, Correction::Rename { key, name })
        }
        Correct::Retype {
            db,
            key,
            entity_type,
        } => {
            let key = key_named(&open_existing(&db.db)?, &key)?;
            (
                db,
                Correction::Retype {
                    key,
                    entity_type: entity_type.to_uppercase(),
                },
            )
        }
    };
    let mut store = open_existing(&db.db)?;
    let moved = store.correct(&correction)?;
    eprintln!("dossier: {correction:?}: {moved} document rows changed; later ingests apply it too");
    Ok(ExitCode::SUCCESS)
}

pub fn entity(a: EntityArgs) -> Result<ExitCode> {
    let (Some(name), None) = (&a.name, &a.correct) else {
        return correct(a.correct.context("give a name or a correction")?);
    };
    let store = open_existing(&a.db.db)?;
    let Some(p) = store.entity(name)? else {
        eprintln!("dossier: no entity named `{name}`");
        return Ok(ExitCode::from(1));
    };
    if a.out.json {
        println!("{}", serde_json::to_string_pretty(&p)?);
        return Ok(ExitCode::SUCCESS);
    }
    let full = a.out.wide || !std::io::IsTerminal::is_terminal(&std::io::stdout());
    let aliases: Vec<&str> = p["aliases"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} ({}), key {}",
        p["name"].as_str().unwrap_or(""),
        p["type"].as_str().unwrap_or(""),
        p["key"].as_str().unwrap_or("")
    )?;
    writeln!(out, "aliases: {}", aliases.join(", "))?;
    writeln!(
        out,
        "{} mentions in {} documents, first seen {}, last seen {}",
        p["mentions"],
        p["documents"],
        p["first_seen"].as_str().unwrap_or("?"),
        p["last_seen"].as_str().unwrap_or("?")
    )?;
    let sections: [(&str, &str, &[&str]); 6] = [
        (
            "Appears with",
            "cooccurring",
            &["name", "type", "documents"],
        ),
        (
            "Quotes by",
            "quotes_by",
            &["published", "kind", "text", "title"],
        ),
        (
            "Quotes about",
            "quotes_about",
            &["published", "speaker", "text"],
        ),
        (
            "Events",
            "events",
            &["published", "type", "status", "sources", "targets", "theme"],
        ),
        ("Timeline", "timeline", &["date", "documents", "mentions"]),
        (
            "Documents",
            "documents_list",
            &["published", "title", "url"],
        ),
    ];
    for (title, field, cols) in sections {
        let rows = p[field].as_array().cloned().unwrap_or_default();
        if !rows.is_empty() {
            writeln!(out, "\n{title}\n{}", table(&rows, cols, full))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Args, Debug)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub list: Listing,
    /// Quotes by this speaker (name, alias or key).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// Quotes that name this entity.
    #[arg(long, value_name = "NAME")]
    pub about: Option<String>,
    /// Only quotes from articles published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "D", value_parser = query_args::date)]
    pub since: Option<String>,
    /// Only quotes from articles published on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "D", value_parser = query_args::date)]
    pub until: Option<String>,
}

pub fn quotes(a: QuotesArgs) -> Result<ExitCode> {
    let store = a.list.open()?;
    let page = store.quotes_page(&Filter {
        by: a.by,
        about: a.about,
        since: a.since,
        until: a.until,
        ..paged(a.list.paging)
    })?;
    a.list
        .show(&page, &["published", "speaker", "kind", "text", "title"])
}

#[derive(Args, Debug)]
pub struct EventsArgs {
    #[command(flatten)]
    pub list: Listing,
    /// Only events of this PLOVER type, e.g. AID, ACCUSE (any case).
    #[arg(long = "type", value_name = "TYPE", value_parser = query_args::event_type)]
    pub event_type: Option<String>,
    /// Only events with this status: asserted, pledged, planned, negated, hypothetical, reported.
    #[arg(long, value_name = "STATUS", value_parser = query_args::event_status)]
    pub status: Option<String>,
    /// Only events whose source (the actor) is this entity (name, alias or key).
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Only events whose target (acted on) is this entity (name, alias or key).
    #[arg(long, value_name = "NAME")]
    pub target: Option<String>,
    /// Only events from articles published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "D", value_parser = query_args::date)]
    pub since: Option<String>,
    /// Only events from articles published on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "D", value_parser = query_args::date)]
    pub until: Option<String>,
    /// Only events the event judge gave at least this confidence (0 to 1) that
    /// their type and status are right; fewer events, more of them right.
    #[arg(long, value_name = "P", value_parser = query_args::confidence)]
    pub min_confidence: Option<f64>,
    /// Oldest first (the default is newest first).
    #[arg(long)]
    pub oldest_first: bool,
    /// One row per event across reports: the same type, sources and targets
    /// reported within 3 days of each other, with the articles and outlets
    /// reporting it and every citing sentence (reads --type, --since, --until).
    #[arg(long)]
    pub across: bool,
}

pub fn events(a: EventsArgs) -> Result<ExitCode> {
    let store = a.list.open()?;
    if a.across {
        let f = Filter {
            event_type: a.event_type,
            since: a.since,
            until: a.until,
            ..Filter::default()
        };
        let page = a.list.page_of(store.events_across(&f)?);
        return a.list.show(
            &page,
            &[
                "first_seen",
                "last_seen",
                "type",
                "sources_names",
                "targets_names",
                "articles",
                "sources",
            ],
        );
    }
    let f = Filter {
        event_type: a.event_type,
        status: a.status,
        source: a.source,
        target: a.target,
        since: a.since,
        until: a.until,
        min_confidence: a.min_confidence,
        oldest_first: a.oldest_first,
        ..paged(a.list.paging)
    };
    let page = store.events_page(&f)?;
    a.list.show(
        &page,
        &[
            "published",
            "type",
            "status",
            "confidence",
            "sources",
            "targets",
            "theme",
            "quantity",
        ],
    )
}

#[derive(Args, Debug)]
pub struct CommitmentsArgs {
    #[command(flatten)]
    pub list: Listing,
    /// Only commitments by this donor (name, alias or key).
    #[arg(long, value_name = "NAME")]
    pub donor: Option<String>,
    /// Only commitments to this recipient (name, alias or key).
    #[arg(long, value_name = "NAME")]
    pub recipient: Option<String>,
}

pub fn commitments(a: CommitmentsArgs) -> Result<ExitCode> {
    let store = a.list.open()?;
    let page = store.commitments_page(&Filter {
        source: a.donor,
        target: a.recipient,
        ..paged(a.list.paging)
    })?;
    a.list.show(
        &page,
        &[
            "donor",
            "recipient",
            "item",
            "quantity",
            "status",
            "date",
            "url",
        ],
    )
}

#[derive(Args, Debug)]
pub struct ConflictsArgs {
    #[command(flatten)]
    pub list: Listing,
}

pub fn conflicts(a: ConflictsArgs) -> Result<ExitCode> {
    let store = a.list.open()?;
    let page = a.list.page_of(store.conflicts()?);
    a.list.show(&page, &["scope", "message", "title", "url"])
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// What to export: events, quotes, entities (one row per entity and document), commitments, stories or
    /// conflicts. Every row carries its document's title, URL, publisher and publication date.
    #[arg(long, value_name = "WHAT", default_value = "events", value_parser = export_what)]
    pub what: String,
    /// jsonl or csv (on stdout), or parquet (one file per table, in --output; --what does not apply).
    #[arg(long, value_name = "FORMAT", default_value = "jsonl", value_parser = ["jsonl", "csv", "parquet"])]
    pub format: String,
    /// The folder the Parquet files are written to (created if needed).
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

fn export_what(s: &str) -> Result<String, String> {
    Export::parse(s)
        .map(|_| s.to_string())
        .ok_or_else(|| format!("`{s}` cannot be exported; choose one of {}", Export::NAMES))
}

pub fn export(a: ExportArgs) -> Result<ExitCode> {
    let store = open_existing(&a.db.db)?;
    if a.format == "parquet" {
        let Some(dir) = &a.output else {
            bail!("--format parquet needs --output DIR")
        };
        return export_parquet(&store, dir);
    }
    let what = Export::parse(&a.what).unwrap_or(Export::Events);
    let rows = store.export_rows(what)?;
    let columns = what.columns();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if a.format == "csv" {
        out.write_all(dossier_store::export::csv(&rows, columns).as_bytes())?;
    } else {
        for r in &rows {
            serde_json::to_writer(&mut out, &dossier_store::export::ordered(r, columns))?;
            writeln!(out)?;
        }
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
    Ok(ExitCode::SUCCESS)
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
    let config = dossier_server::Config {
        db: a.db.db,
        addr: a.addr,
        token: a.token.filter(|t| !t.is_empty()),
        limits,
        allowed_hosts: a.allow_hosts,
    };
    dossier_server::serve(config)?;
    Ok(ExitCode::SUCCESS)
}
