//! The one integration-test binary: runs the real `dossier` executable on
//! committed fixtures and checks its output against the JSON schema. This
//! file holds what every topic shares (running the binary, reading its
//! output, checking a document's spans); each module is one topic: reading
//! inputs, `annotate`, entities, times, quantities, quotes, events, the store
//! and the server, stories, the workbench, exports and limits.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod annotate;
mod entities;
mod events;
mod export_parquet;
mod inputs;
mod metadata;
mod quantities;
mod quotes;
mod serve_limits;
mod store;
mod stories;
mod times;
mod workbench;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// A scratch folder unique to one test, under cargo's target tmp folder and without the process
/// id, so that every run reuses (and first clears) the same folder instead of leaving one more
/// behind in the system's temp folder.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("dossier-test-{test}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    run_with_env(args, stdin, &[])
}

/// `run` with environment settings (e.g. a model switched off).
fn run_with_env(args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Output {
    let mut cmd = bin();
    cmd.args(args)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(Stdio::piped());
    let mut child = cmd.spawn().expect("dossier runs");
    {
        let mut input = child.stdin.take().unwrap();
        if let Some(bytes) = stdin {
            input.write_all(bytes).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

/// Every line of stdout: documents and error records, in input order.
fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("not one JSON object per line: {e}: {l}"))
        })
        .collect()
}

/// The documents on stdout (error records left out).
fn docs(out: &Output) -> Vec<Value> {
    lines(out)
        .into_iter()
        .filter(|v| v.get("error").is_none())
        .collect()
}

/// The error records on stdout, as (code, record) pairs.
fn error_records(out: &Output) -> Vec<(String, Value)> {
    lines(out)
        .into_iter()
        .filter_map(|v| {
            Some((
                v.get("error")?["code"].as_str()?.to_string(),
                v["error"]["record"].clone(),
            ))
        })
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The example article, from the repository root.
const EXAMPLE: &str = "examples/nato-summit-2024.txt";

/// The example extracted as of its date, 2024-07-10: its one document.
fn example_document() -> Value {
    let example = root().join(EXAMPLE);
    let out = run(
        &["extract", "--date", "2024-07-10", example.to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    docs(&out).into_iter().next().expect("one document")
}

/// Ingests `input` into the store at `db`, dated 2024-07-10 as the example is.
fn ingest_dated(db: &Path, input: &Path) {
    let out = run(
        &[
            "ingest",
            "--db",
            db.to_str().unwrap(),
            "--date",
            "2024-07-10",
            input.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

/// A store at `db` holding the example.
fn ingest_example(db: &Path) {
    ingest_dated(db, &root().join(EXAMPLE));
}

/// Validates against the schema, and checks that every span's offsets
/// (in code points) select exactly its `text` and stay inside the text.
fn check_document(doc: &Value) {
    static VALIDATOR: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    let validator = VALIDATOR.get_or_init(|| {
        let schema: Value = serde_json::from_str(
            &std::fs::read_to_string(root().join("schema/document.schema.json")).unwrap(),
        )
        .unwrap();
        jsonschema::validator_for(&schema).expect("schema compiles")
    });
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "schema errors: {errors:#?}");
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    check_spans(doc, &text, "");
}

fn check_spans(v: &Value, text: &[char], path: &str) {
    match v {
        Value::Object(map) => {
            if let (Some(s), Some(e)) = (
                map.get("start").and_then(Value::as_u64),
                map.get("end").and_then(Value::as_u64),
            ) {
                let (s, e) = (s as usize, e as usize);
                assert!(
                    s <= e && e <= text.len(),
                    "{path}: span {s}..{e} outside a text of {} chars",
                    text.len()
                );
                if let Some(t) = map.get("text").and_then(Value::as_str) {
                    let got: String = text[s..e].iter().collect();
                    assert_eq!(got, t, "{path}: text[{s}:{e}] differs from the span's text");
                }
            }
            for (k, child) in map {
                if k != "text" {
                    check_spans(child, text, &format!("{path}/{k}"));
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                check_spans(child, text, &format!("{path}/{i}"));
            }
        }
        _ => {}
    }
}

fn span_text(doc: &Value, span: &Value) -> String {
    let chars: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    chars[span["start"].as_u64().unwrap() as usize..span["end"].as_u64().unwrap() as usize]
        .iter()
        .collect()
}

/// The name of the entity `id` refers to, if any does.
fn name_by_id(doc: &Value, id: &Value) -> Option<String> {
    doc["entities"]
        .as_array()?
        .iter()
        .find(|e| &e["id"] == id)
        .and_then(|e| e["name"].as_str())
        .map(str::to_string)
}

/// The names of the entities an event's `source` or `target` lists.
fn actor_names(doc: &Value, event: &Value, role: &str) -> Vec<String> {
    event[role]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| name_by_id(doc, id).unwrap_or_else(|| panic!("no entity {id}")))
        .collect()
}

/// (type, act, status, trigger, sources, targets, theme) of an event.
type EventRow = (
    String,
    String,
    String,
    String,
    Vec<String>,
    Vec<String>,
    String,
);

/// Every event of a document as an [`EventRow`].
fn event_rows(doc: &Value) -> Vec<EventRow> {
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                s(&e["type"]),
                s(&e["act"]),
                s(&e["status"]),
                s(&e["trigger"]["text"]),
                actor_names(doc, e, "source"),
                actor_names(doc, e, "target"),
                s(&e["theme"]["text"]),
            )
        })
        .collect()
}

/// A running `dossier serve`, stopped when dropped (even when a test fails).
struct Server {
    child: std::process::Child,
    /// `host:port` it listens on.
    addr: String,
}

impl Server {
    /// Starts the server on a free loopback port over `db`, with `extra` arguments.
    fn start(db: &Path, extra: &[&str]) -> Server {
        use std::io::BufRead;
        let mut child = bin()
            .args([
                "serve",
                "--db",
                db.to_str().unwrap(),
                "--addr",
                "127.0.0.1:0",
            ])
            .args(extra)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stderr.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line.trim().rsplit("http://").next().unwrap().to_string();
        Server { child, addr }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A minimal HTTP/1.1 exchange: returns (status, headers and body as text).
fn http(addr: &str, request: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).expect("server reachable");
    s.write_all(request.as_bytes()).unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    let text = String::from_utf8_lossy(&out).to_string();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, text)
}
