//! `dossier serve`: a JSON API over the store for every query, `POST
//! /documents` to ingest (with a token), an OpenAPI document, and a web UI
//! whose every asset is compiled into the binary.
//!
//! Reads open their own read-only connection on a blocking thread, so they
//! run in parallel; writes go through one connection behind a mutex.

use std::collections::HashMap;
use std::io::Cursor;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use dossier_core::json::{to_json, JsonOptions};
use dossier_ingest::{open_reader, Format, ReadOptions};
use dossier_pipeline::{Layers, Pipeline, Scratch};
use dossier_store::{Filter, Store};
use serde_json::{json, Value};

/// Largest request body (an article, a feed, a small WARC).
pub const BODY_LIMIT: usize = 10 << 20;

pub struct Config {
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// Required for `POST /documents`; without one, writing is disabled.
    pub token: Option<String>,
}

struct AppState {
    db: PathBuf,
    token: Option<String>,
    writer: Mutex<Store>,
    pipeline: Pipeline,
    /// Answers by request URI; emptied whenever a document is stored.
    cache: Mutex<HashMap<String, Bytes>>,
    /// Bumped by every write; an answer computed across a write is not kept.
    generation: std::sync::atomic::AtomicU64,
}

/// Most distinct answers kept before the cache starts over.
const CACHE_ENTRIES: usize = 2048;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("E301 cannot listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },
    #[error(transparent)]
    Store(#[from] dossier_store::StoreError),
    #[error("E302 cannot load the models: {0}")]
    Models(String),
    #[error("E303 server stopped: {0}")]
    Io(#[from] std::io::Error),
}

/// Builds the router (used by `serve` and by tests).
pub fn router(db: PathBuf, token: Option<String>) -> Result<Router, ServeError> {
    let writer = Store::open(&db)?;
    let pipeline = Pipeline::new(Layers::default_set()).map_err(|e| ServeError::Models(e.to_string()))?;
    let state = Arc::new(AppState { db, token, writer: Mutex::new(writer), pipeline, cache: Mutex::new(HashMap::new()), generation: Default::default() });
    Ok(Router::new()
        .route("/", get(|| async { asset("index.html") }))
        .route("/app.js", get(|| async { asset("app.js") }))
        .route("/app.css", get(|| async { asset("app.css") }))
        .route("/openapi.json", get(|| async { ([(header::CONTENT_TYPE, "application/json")], OPENAPI) }))
        .route("/api/stats", get(stats))
        .route("/api/search", get(search))
        .route("/api/entity", get(entity))
        .route("/api/quotes", get(quotes))
        .route("/api/events", get(events))
        .route("/api/commitments", get(commitments))
        .route("/api/conflicts", get(conflicts))
        .route("/api/export", get(export))
        .route("/api/documents/{id}", get(document))
        .route("/documents", post(ingest))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(state.clone(), cached))
        .with_state(state))
}

/// Serves until the process is stopped.
pub fn serve(config: Config) -> Result<(), ServeError> {
    let app = router(config.db, config.token)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_io().build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr).await.map_err(|source| ServeError::Bind { addr: config.addr, source })?;
        eprintln!("dossier: serving on http://{}", listener.local_addr()?);
        axum::serve(listener, app).await?;
        Ok(())
    })
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
    ([(header::CONTENT_TYPE, ty), (header::CONTENT_SECURITY_POLICY, "default-src 'self'; img-src 'self' data:; style-src 'self'"), (header::X_CONTENT_TYPE_OPTIONS, "nosniff")], body).into_response()
}

type Params = Query<HashMap<String, String>>;

/// Serves repeated API reads from memory. The store only changes through
/// `POST /documents`, which empties the cache, so an answer is never stale
/// (an `ingest` run by another process is seen after a restart).
async fn cached(State(s): State<Arc<AppState>>, request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let key = request.uri().to_string();
    let cacheable = request.method() == axum::http::Method::GET && key.starts_with("/api/");
    if cacheable {
        if let Some(body) = s.cache.lock().unwrap_or_else(|p| p.into_inner()).get(&key).cloned() {
            return ([(header::CONTENT_TYPE, "application/json")], body).into_response();
        }
    }
    use std::sync::atomic::Ordering;
    let is_write = request.method() == axum::http::Method::POST;
    let generation = s.generation.load(Ordering::SeqCst);
    let response = next.run(request).await;
    if is_write {
        s.generation.fetch_add(1, Ordering::SeqCst);
        s.cache.lock().unwrap_or_else(|p| p.into_inner()).clear();
        return response;
    }
    if !cacheable || response.status() != StatusCode::OK {
        return response;
    }
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => {
            let mut cache = s.cache.lock().unwrap_or_else(|p| p.into_inner());
            if cache.len() >= CACHE_ENTRIES {
                cache.clear();
            }
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
    let db = state.db.clone();
    let result = tokio::task::spawn_blocking(move || {
        let store = Store::open_read_only(&db)?;
        f(&store)
    })
    .await;
    match result {
        Ok(Ok(Value::Null)) => error(StatusCode::NOT_FOUND, "not found"),
        Ok(Ok(v)) => Json(v).into_response(),
        Ok(Err(e)) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

fn param(p: &HashMap<String, String>, k: &str) -> Option<String> {
    p.get(k).map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn filter(p: &HashMap<String, String>) -> Filter {
    Filter {
        by: param(p, "by"),
        about: param(p, "about"),
        source: param(p, "source"),
        target: param(p, "target"),
        event_type: param(p, "type"),
        since: param(p, "since"),
        until: param(p, "until"),
        limit: param(p, "limit").and_then(|l| l.parse().ok()).map(|l: usize| l.min(5000)),
    }
}

async fn stats(State(s): State<Arc<AppState>>) -> Response {
    read(s, |st| st.stats()).await
}

async fn search(State(s): State<Arc<AppState>>, Query(p): Params) -> Response {
    let q = param(&p, "q").unwrap_or_default();
    let limit = param(&p, "limit").and_then(|l| l.parse().ok()).unwrap_or(20usize).min(200);
    read(s, move |st| st.search(&q, limit).map(Value::from)).await
}

async fn entity(State(s): State<Arc<AppState>>, Query(p): Params) -> Response {
    let Some(name) = param(&p, "name") else { return error(StatusCode::BAD_REQUEST, "give ?name=") };
    read(s, move |st| st.entity(&name).map(|e| e.unwrap_or(Value::Null))).await
}

async fn quotes(State(s): State<Arc<AppState>>, Query(p): Params) -> Response {
    let f = filter(&p);
    read(s, move |st| st.quotes(&f).map(Value::from)).await
}

async fn events(State(s): State<Arc<AppState>>, Query(p): Params) -> Response {
    let f = filter(&p);
    read(s, move |st| st.events(&f).map(Value::from)).await
}

async fn commitments(State(s): State<Arc<AppState>>, Query(p): Params) -> Response {
    let (donor, recipient) = (param(&p, "donor"), param(&p, "recipient"));
    read(s, move |st| st.commitments(donor.as_deref(), recipient.as_deref()).map(Value::from)).await
}

async fn conflicts(State(s): State<Arc<AppState>>) -> Response {
    read(s, |st| st.conflicts().map(Value::from)).await
}

async fn export(State(s): State<Arc<AppState>>) -> Response {
    read(s, |st| st.export_events().map(Value::from)).await
}

async fn document(State(s): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    read(s, move |st| st.document(&id).map(|d| d.unwrap_or(Value::Null))).await
}

/// `POST /documents?from=&date=&title=&url=` with the article (text, HTML,
/// a feed, JSONL or WARC) as the body and `Authorization: Bearer TOKEN`.
async fn ingest(State(s): State<Arc<AppState>>, Query(p): Params, headers: HeaderMap, body: Bytes) -> Response {
    let Some(token) = s.token.as_deref() else { return error(StatusCode::FORBIDDEN, "writing is disabled: start the server with --token or DOSSIER_TOKEN") };
    let given = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    if given.is_none_or(|g| !constant_time_eq(g.as_bytes(), token.as_bytes())) {
        return error(StatusCode::UNAUTHORIZED, "a valid bearer token is required to write");
    }
    let format = match param(&p, "from").map(|f| Format::parse(&f).ok_or(f)) {
        Some(Err(f)) => return error(StatusCode::BAD_REQUEST, format!("unknown format `{f}`")),
        Some(Ok(f)) => Some(f),
        None => None,
    };
    let state = s.clone();
    let result = tokio::task::spawn_blocking(move || -> Value {
        let options = ReadOptions { format, max_bytes: BODY_LIMIT };
        let mut stored = Vec::new();
        let mut already = Vec::new();
        let mut errors = Vec::new();
        let records = match open_reader(Box::new(Cursor::new(body.to_vec())), "request", None, &options) {
            Ok(r) => r,
            Err(e) => return json!({ "stored": stored, "already": already, "errors": [e.to_string()] }),
        };
        let mut scratch = Scratch::default();
        for record in records {
            let doc = record.and_then(|r| r.into_document());
            let mut doc = match doc {
                Ok(d) => d,
                Err(e) => {
                    errors.push(e.to_string());
                    continue;
                }
            };
            doc.published = doc.published.or_else(|| param(&p, "date"));
            doc.title = doc.title.or_else(|| param(&p, "title"));
            if let Some(u) = param(&p, "url") {
                doc.source.uri = Some(u);
            }
            state.pipeline.run(&mut doc, Layers::default_set(), &mut scratch);
            let json = to_json(&doc, JsonOptions { tokens: false, pretty: false });
            let mut writer = state.writer.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            match writer.ingest(&json) {
                Ok(true) => stored.push(doc.id),
                Ok(false) => already.push(doc.id),
                Err(e) => errors.push(e.to_string()),
            }
        }
        json!({ "stored": stored, "already": already, "errors": errors })
    })
    .await;
    match result {
        Ok(v) => {
            let status = if v["errors"].as_array().is_some_and(|e| !e.is_empty()) && v["stored"].as_array().is_some_and(Vec::is_empty) && v["already"].as_array().is_some_and(Vec::is_empty) {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::OK
            };
            (status, Json(v)).into_response()
        }
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
