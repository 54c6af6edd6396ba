//! `dossier serve`: a JSON API over the store for every query, `POST
//! /documents` to ingest (with a token), an OpenAPI document, and a web UI
//! whose every asset is compiled into the binary.
//!
//! Reads open their own read-only connection on a blocking thread, a few at
//! a time; writes go through one connection behind a mutex. Connections,
//! answers kept in memory and rows per answer are all bounded (`Limits`).

mod cache;
mod listen;

use std::collections::HashMap;
use std::io::Cursor;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use dossier_core::json::to_json;
use dossier_ingest::{open_reader, Format, ReadOptions};
use dossier_pipeline::job::{Defaults, Job, Outcome};
use dossier_pipeline::runner::{RunError, Runner};
use dossier_pipeline::{Layers, Pipeline};
use dossier_store::{EntityQuery, Filter, Store, StoryFilter};
use serde_json::{json, Value};
use tokio::sync::Semaphore;

use cache::Cache;
pub use listen::Limits;

/// Largest request body (an article, a feed, a small WARC).
pub const BODY_LIMIT: usize = 10 << 20;

pub struct Config {
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// Required for `POST /documents`; without one, writing is disabled.
    pub token: Option<String>,
    pub limits: Limits,
    /// Host names the server answers to besides loopback ones (a guard
    /// against DNS rebinding); empty on a non-loopback address means any.
    pub allowed_hosts: Vec<String>,
}

struct AppState {
    db: PathBuf,
    token: Option<String>,
    writer: Mutex<Store>,
    pipeline: Pipeline,
    /// Answers by request URI; emptied whenever a document is stored.
    cache: Mutex<Cache>,
    /// Bumped by every write; an answer computed across a write is not kept.
    generation: std::sync::atomic::AtomicU64,
    /// Reads running at once, so a burst of large queries queues instead of
    /// multiplying the memory it takes.
    read_slots: Semaphore,
    limits: Limits,
    hosts: HostGuard,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("E301 cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] dossier_store::StoreError),
    #[error("E302 cannot load the models: {0}")]
    Models(String),
    #[error("E303 server stopped: {0}")]
    Io(#[from] std::io::Error),
}

/// Builds the router with default limits, for a loopback server (tests).
pub fn router(db: PathBuf, token: Option<String>) -> Result<Router, ServeError> {
    let addr = SocketAddr::from(([127, 0, 0, 1], 0));
    build_router(&Config {
        db,
        addr,
        token,
        limits: Limits::default(),
        allowed_hosts: Vec::new(),
    })
}

fn build_router(config: &Config) -> Result<Router, ServeError> {
    let writer = Store::open(&config.db)?;
    let pipeline =
        Pipeline::new(Layers::default_set()).map_err(|e| ServeError::Models(e.to_string()))?;
    let state = Arc::new(AppState {
        db: config.db.clone(),
        token: config.token.clone(),
        writer: Mutex::new(writer),
        pipeline,
        cache: Mutex::new(Cache::new(config.limits.cache_bytes)),
        generation: Default::default(),
        read_slots: Semaphore::new(config.limits.concurrent_reads.max(1)),
        limits: config.limits.clone(),
        hosts: HostGuard::new(config.addr, &config.allowed_hosts),
    });
    Ok(Router::new()
        .route("/", get(|| async { asset("index.html") }))
        .route("/app.js", get(|| async { asset("app.js") }))
        .route("/app.css", get(|| async { asset("app.css") }))
        .route(
            "/openapi.json",
            get(|| async { ([(header::CONTENT_TYPE, "application/json")], OPENAPI) }),
        )
        .route("/api/stats", get(stats))
        .route("/api/search", get(search))
        .route("/api/entities", get(entities))
        .route("/api/entity", get(entity))
        .route("/api/quotes", get(quotes))
        .route("/api/events", get(events))
        .route("/api/commitments", get(commitments))
        .route("/api/commitments/totals", get(commitment_totals))
        .route("/api/dashboard", get(dashboard))
        .route("/api/entity/documents", get(entity_documents))
        .route("/api/conflicts", get(conflicts))
        .route("/api/events/across", get(events_across))
        .route("/api/stories", get(stories))
        .route("/api/stories/{id}", get(story))
        .route("/api/export", get(export))
        .route("/api/documents/{id}", get(document))
        .route("/documents", post(ingest))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(from_fn_with_state(state.clone(), cached))
        .layer(from_fn_with_state(state.clone(), guard))
        .with_state(state))
}

/// Serves until the process is stopped.
pub fn serve(mut config: Config) -> Result<(), ServeError> {
    config.limits.max_connections = listen::fitted_connections(config.limits.max_connections);
    let app = build_router(&config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|source| ServeError::Bind {
                addr: config.addr,
                source,
            })?;
        eprintln!("dossier: serving on http://{}", listener.local_addr()?);
        listen::accept_loop(listener, app, config.limits).await;
        Ok(())
    })
}

/// Which `Host` headers a loopback server answers, so that a web page
/// whose name was rebound to 127.0.0.1 cannot read the store.
struct HostGuard {
    loopback_only: bool,
    allowed: Vec<String>,
}

impl HostGuard {
    fn new(addr: SocketAddr, allowed: &[String]) -> Self {
        let allowed: Vec<String> = allowed
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .filter(|h| !h.is_empty())
            .collect();
        HostGuard {
            loopback_only: addr.ip().is_loopback() || !allowed.is_empty(),
            allowed,
        }
    }

    fn admits(&self, host: Option<&str>) -> bool {
        let Some(host) = host else { return true };
        if !self.loopback_only {
            return true;
        }
        let name = host_name(host).to_ascii_lowercase();
        is_loopback_name(&name) || self.allowed.contains(&name)
    }
}

/// The name in a `Host` header, without its port.
fn host_name(host: &str) -> &str {
    if let Some(rest) = host.strip_prefix('[') {
        return rest.split(']').next().unwrap_or(rest);
    }
    host.rsplit_once(':').map_or(host, |(name, _)| name)
}

fn is_loopback_name(name: &str) -> bool {
    name == "localhost"
        || name.ends_with(".localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Refuses foreign `Host` names and marks every answer as not to be
/// sniffed or framed.
async fn guard(State(s): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    let mut response = if s.hosts.admits(host) {
        next.run(request).await
    } else {
        error(
            StatusCode::MISDIRECTED_REQUEST,
            "unknown Host: start the server with --allow-host NAME to serve it under that name",
        )
    };
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
        );
    }
    response
}

const INDEX: &str = include_str!("ui/index.html");
const APP_JS: &str = include_str!("ui/app.js");
const APP_CSS: &str = include_str!("ui/app.css");
const OPENAPI: &str = include_str!("openapi.json");

fn asset(name: &str) -> Response {
    let (ty, body) = match name {
        "index.html" => ("text/html; charset=utf-8", INDEX),
        "app.js" => ("text/javascript; charset=utf-8", APP_JS),
        _ => ("text/css; charset=utf-8", APP_CSS),
    };
    // The page may load only its own assets.
    ([(header::CONTENT_TYPE, ty), (header::CONTENT_SECURITY_POLICY, "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'")], body).into_response()
}

type Params = Query<HashMap<String, String>>;

/// Serves repeated API reads from memory. The store only changes through
/// `POST /documents`, which empties the cache, so an answer is never stale
/// (an `ingest` run by another process is seen after a restart).
async fn cached(State(s): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let key = request.uri().to_string();
    let cacheable = request.method() == axum::http::Method::GET && key.starts_with("/api/");
    if cacheable {
        if let Some(body) = lock(&s.cache).get(&key) {
            return ([(header::CONTENT_TYPE, "application/json")], body).into_response();
        }
    }
    use std::sync::atomic::Ordering;
    let is_write = request.method() == axum::http::Method::POST;
    let generation = s.generation.load(Ordering::SeqCst);
    let response = next.run(request).await;
    if is_write && response.status() == StatusCode::OK {
        s.generation.fetch_add(1, Ordering::SeqCst);
        lock(&s.cache).clear();
        return response;
    }
    if !cacheable || response.status() != StatusCode::OK {
        return response;
    }
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => {
            let mut cache = lock(&s.cache);
            if s.generation.load(Ordering::SeqCst) == generation {
                cache.insert(key, bytes.clone());
            }
            Response::from_parts(parts, axum::body::Body::from(bytes))
        }
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

fn error(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({ "error": message.into() }))).into_response()
}

/// Runs a read on its own connection, off the async threads.
async fn read<F>(state: Arc<AppState>, f: F) -> Response
where
    F: FnOnce(&Store) -> Result<Value, dossier_store::StoreError> + Send + 'static,
{
    let Ok(_slot) = state.read_slots.acquire().await else {
        return error(StatusCode::SERVICE_UNAVAILABLE, "shutting down");
    };
    let db = state.db.clone();
    let result = tokio::task::spawn_blocking(move || {
        let store = Store::open_read_only(&db)?;
        f(&store)
    })
    .await;
    match result {
        Ok(Ok(Value::Null)) => error(StatusCode::NOT_FOUND, "not found"),
        Ok(Ok(v)) => Json(v).into_response(),
        Ok(Err(e @ dossier_store::StoreError::BadSearch(_))) => {
            error(StatusCode::BAD_REQUEST, e.to_string())
        }
        Ok(Err(e)) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

/// A query parameter, trimmed and without control characters (a NUL is
/// no text anyone searches for, and SQLite's full-text parser rejects it).
fn param(p: &HashMap<String, String>, k: &str) -> Option<String> {
    p.get(k)
        .map(|s| {
            s.chars()
                .filter(|c| !c.is_control())
                .collect::<String>()
                .trim()
                .to_string()
        })
        .filter(|s| !s.is_empty())
}

/// A row count: `limit` capped at the server's `max_rows`, or `default`.
fn limit(p: &HashMap<String, String>, default: usize, max_rows: usize) -> Result<usize, String> {
    match param(p, "limit") {
        None => Ok(default.min(max_rows)),
        Some(l) => l
            .parse::<usize>()
            .map(|l| l.min(max_rows))
            .map_err(|_| format!("limit must be a whole number, not `{l}`")),
    }
}

fn bad_request(message: String) -> Response {
    error(StatusCode::BAD_REQUEST, message)
}

/// The query filters of a request, each checked: a bad value is a 400
/// that says what is expected, never an empty answer.
fn filter(p: &HashMap<String, String>, max_rows: usize) -> Result<Filter, String> {
    use dossier_store::checks;
    fn checked<T>(
        p: &HashMap<String, String>,
        key: &str,
        check: fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, String> {
        param(p, key)
            .map(|v| check(&v).map_err(|m| format!("{key}: {m}")))
            .transpose()
    }
    let oldest_first = match param(p, "sort").as_deref() {
        None | Some("newest") => false,
        Some("oldest") => true,
        Some(other) => return Err(format!("sort must be `newest` or `oldest`, not `{other}`")),
    };
    Ok(Filter {
        by: param(p, "by"),
        about: param(p, "about"),
        source: param(p, "source").or_else(|| param(p, "donor")),
        target: param(p, "target").or_else(|| param(p, "recipient")),
        event_type: checked(p, "type", checks::event_type)?,
        status: checked(p, "status", checks::event_status)?,
        act: param(p, "act"),
        min_confidence: checked(p, "min_confidence", checks::confidence)?,
        since: checked(p, "since", checks::date)?,
        until: checked(p, "until", checks::date)?,
        outlet: param(p, "outlet"),
        entity: param(p, "entity"),
        oldest_first,
        limit: Some(limit(p, max_rows.min(100), max_rows)?),
        offset: offset(p)?,
    })
}

/// Rows to skip: `offset`, a whole number, 0 when absent.
fn offset(p: &HashMap<String, String>) -> Result<usize, String> {
    match param(p, "offset") {
        None => Ok(0),
        Some(o) => o
            .parse::<usize>()
            .map_err(|_| format!("offset must be a whole number, not `{o}`")),
    }
}

/// Runs a paged query with the request's filters.
async fn paged<F>(s: Arc<AppState>, p: HashMap<String, String>, query: F) -> Response
where
    F: FnOnce(&Store, &Filter) -> Result<dossier_store::Page, dossier_store::StoreError>
        + Send
        + 'static,
{
    let f = match filter(&p, s.limits.max_rows) {
        Ok(f) => f,
        Err(message) => return bad_request(message),
    };
    read(s, move |st| query(st, &f).map(dossier_store::Page::to_json)).await
}

async fn stats(State(s): State<Arc<AppState>>) -> Response {
    read(s, |st| st.stats()).await
}

async fn search(State(s): State<Arc<AppState>>, Query(p): Params) -> Response {
    let q = param(&p, "q").unwrap_or_default();
    paged(s, p, move |st, f| st.search_page(&q, f)).await
}

/// The stored entities, the most mentioned first, a page at a time:
/// `{"total": N, "offset": N, "entities": [...]}`; `limit=0` is the most
/// rows an answer holds; `common=1` adds the common-noun actors.
async fn entities(State(s): State<Arc<AppState>>, Query(p): Params) -> Response {
    let (limit, offset) = match (limit(&p, 50, s.limits.max_rows), offset(&p)) {
        (Ok(l), Ok(o)) => (l, o),
        (Err(m), _) | (_, Err(m)) => return bad_request(m),
    };
    let limit = if limit == 0 { s.limits.max_rows } else { limit };
    let query = EntityQuery {
        entity_type: param(&p, "type"),
        name: param(&p, "name"),
        common: param(&p, "common").is_some_and(|c| c == "1" || c == "true"),
        limit: Some(limit),
        offset,
    };
    read(s, move |st| {
        st.entity_page(&query).map(
            |page| json!({ "total": page.total, "offset": page.offset, "entities": page.rows }),
        )
    })
    .await
}

async fn entity(State(s): State<Arc<AppState>>, Query(p): Params) -> Response {
    let Some(name) = param(&p, "name") else {
        return error(StatusCode::BAD_REQUEST, "give ?name=");
    };
    read(s, move |st| {
        st.entity(&name).map(|e| e.unwrap_or(Value::Null))
    })
    .await
}

async fn quotes(State(s): State<Arc<AppState>>, Query(p): Params) -> Response {
    paged(s, p, |st, f| st.quotes_page(f)).await
}

async fn events(State(s): State<Arc<AppState>>, Query(p): Params) -> Response {
    paged(s, p, |st, f| st.events_page(f)).await
}

async fn commitments(State(s): State<Arc<AppState>>, Query(p): Params) -> Response {
    paged(s, p, |st, f| st.commitments_page(f)).await
}

async fn commitment_totals(State(s): State<Arc<AppState>>, Query(p): Params) -> Response {
    let f = match filter(&p, s.limits.max_rows) {
        Ok(f) => f,
        Err(message) => return bad_request(message),
    };
    read(s, move |st| st.commitment_totals(&f)).await
}

/// The documents that mention `name`, a page at a time.
async fn entity_documents(State(s): State<Arc<AppState>>, Query(p): Params) -> Response {
    let Some(name) = param(&p, "name") else {
        return bad_request("give ?name=".into());
    };
    paged(s, p, move |st, f| st.entity_documents_page(&name, f)).await
}

async fn dashboard(State(s): State<Arc<AppState>>) -> Response {
    read(s, |st| st.dashboard()).await
}

async fn conflicts(State(s): State<Arc<AppState>>, Query(p): Params) -> Response {
    paged(s, p, |st, f| {
        Ok(dossier_store::Page::of(
            st.conflicts()?,
            f.limit.unwrap_or(100),
            f.offset,
        ))
    })
    .await
}

/// Events across reports (`type`, `since`, `until`), the most reported
/// first, a page at a time.
async fn events_across(State(s): State<Arc<AppState>>, Query(p): Params) -> Response {
    paged(s, p, |st, f| {
        Ok(dossier_store::Page::of(
            st.events_across(f)?,
            f.limit.unwrap_or(100),
            f.offset,
        ))
    })
    .await
}

/// `{total, offset, stories}`, filtered by `since`, `until`, `entity`,
/// paged by `limit` and `offset`.
async fn stories(State(s): State<Arc<AppState>>, Query(p): Params) -> Response {
    let (limit, offset) = match (limit(&p, 100, s.limits.max_rows), offset(&p)) {
        (Ok(l), Ok(o)) => (l, o),
        (Err(message), _) | (_, Err(message)) => return bad_request(message),
    };
    let dates = (
        param(&p, "since")
            .map(|d| dossier_store::checks::date(&d))
            .transpose(),
        param(&p, "until")
            .map(|d| dossier_store::checks::date(&d))
            .transpose(),
    );
    let (since, until) = match dates {
        (Ok(since), Ok(until)) => (since, until),
        (Err(message), _) | (_, Err(message)) => return bad_request(message),
    };
    let f = StoryFilter {
        since,
        until,
        entity: param(&p, "entity"),
        limit: Some(limit),
        offset,
    };
    read(s, move |st| st.story_list(&f)).await
}

async fn story(State(s): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return error(StatusCode::NOT_FOUND, "not found");
    };
    read(s, move |st| st.story(id).map(|v| v.unwrap_or(Value::Null))).await
}

/// Every event as a flat row, a page at a time (`limit`, `offset`).
async fn export(State(s): State<Arc<AppState>>, Query(p): Params) -> Response {
    let (limit, offset) = match (limit(&p, s.limits.max_rows, s.limits.max_rows), offset(&p)) {
        (Ok(l), Ok(o)) => (l, o),
        (Err(message), _) | (_, Err(message)) => return bad_request(message),
    };
    read(s, move |st| {
        st.export_events_page(limit, offset).map(Value::from)
    })
    .await
}

async fn document(State(s): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    read(s, move |st| {
        st.document(&id).map(|d| d.unwrap_or(Value::Null))
    })
    .await
}

/// `POST /documents?from=&date=&title=&url=` with the article (text, HTML,
/// a feed, JSONL or WARC) as the body and `Authorization: Bearer TOKEN`.
/// The token is checked before a byte of the body is read, and the body
/// must arrive within the body timeout.
async fn ingest(State(s): State<Arc<AppState>>, Query(p): Params, request: Request) -> Response {
    if let Err(refused) = authorize(&s, request.headers()) {
        return refused;
    }
    let format = match param(&p, "from").map(|f| Format::parse(&f).ok_or(f)) {
        Some(Err(f)) => return error(StatusCode::BAD_REQUEST, format!("unknown format `{f}`")),
        Some(Ok(f)) => Some(f),
        None => None,
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > BODY_LIMIT as u64) {
        return error(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the body is over {BODY_LIMIT} bytes"),
        );
    }
    let body = match tokio::time::timeout(
        s.limits.body_timeout,
        axum::body::to_bytes(request.into_body(), BODY_LIMIT),
    )
    .await
    {
        Err(_) => {
            return error(
                StatusCode::REQUEST_TIMEOUT,
                "the body did not arrive in time",
            )
        }
        Ok(Err(_)) => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the body is over {BODY_LIMIT} bytes"),
            )
        }
        Ok(Ok(b)) => b,
    };
    let state = s.clone();
    match tokio::task::spawn_blocking(move || store_body(&state, body, format, &p)).await {
        Ok(v) => {
            let nothing_kept = v["stored"].as_array().is_some_and(Vec::is_empty)
                && v["already"].as_array().is_some_and(Vec::is_empty);
            let failed = v["errors"].as_array().is_some_and(|e| !e.is_empty());
            let status = if failed && nothing_kept {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::OK
            };
            (status, Json(v)).into_response()
        }
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

/// Checks `Authorization: Bearer TOKEN` (the scheme in any case).
// The refusal is the response itself, built once per refused request: boxing it gains nothing.
#[allow(clippy::result_large_err)]
fn authorize(s: &AppState, headers: &HeaderMap) -> Result<(), Response> {
    let Some(token) = s.token.as_deref() else {
        return Err(error(
            StatusCode::FORBIDDEN,
            "writing is disabled: start the server with --token or DOSSIER_TOKEN",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, credentials) = v.trim().split_once(' ')?;
            scheme
                .eq_ignore_ascii_case("bearer")
                .then(|| credentials.trim())
        });
    match given {
        Some(g) if constant_time_eq(g.as_bytes(), token.as_bytes()) => Ok(()),
        _ => Err(error(
            StatusCode::UNAUTHORIZED,
            "a valid bearer token is required to write",
        )),
    }
}

/// Reads every record of a POSTed body and stores the new ones; a record
/// already stored is found before it is analysed.
fn store_body(
    state: &AppState,
    body: Bytes,
    format: Option<Format>,
    p: &HashMap<String, String>,
) -> Value {
    let (mut stored, mut already, mut errors) = (Vec::new(), Vec::new(), Vec::new());
    let options = ReadOptions {
        format,
        max_bytes: BODY_LIMIT,
    };
    let records = match open_reader(Box::new(Cursor::new(body)), "request", None, &options) {
        Ok(r) => r,
        Err(e) => return json!({ "stored": stored, "already": already, "errors": [e.to_string()] }),
    };
    let skip = |id: &str| lock(&state.writer).contains(id).unwrap_or(false);
    let defaults = Defaults {
        date: param(p, "date"),
        title: param(p, "title"),
        url: param(p, "url"),
    };
    let job = Job::new(&state.pipeline, defaults, false, &skip);
    // One thread: requests are the server's parallelism.
    let ran = Runner::new(Some(1)).run(&job, records, |outcome| {
        let (id, json) = match outcome {
            Outcome::Document { id, json } => (id, json),
            Outcome::Long(doc, options) => (doc.id.clone(), to_json(&doc, options)),
            Outcome::Skipped(id) => {
                already.push(id);
                return Ok(());
            }
            Outcome::Failed(failure) => {
                errors.push(failure.line());
                return Ok(());
            }
        };
        match lock(&state.writer).ingest(&json) {
            Ok(true) => stored.push(id),
            Ok(false) => already.push(id),
            Err(e) => errors.push(e.to_string()),
        }
        Ok::<_, RunError>(())
    });
    if let Err(e) = ran {
        errors.push(e.to_string());
    }
    json!({ "stored": stored, "already": already, "errors": errors })
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
