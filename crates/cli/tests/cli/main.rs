//! The one integration-test binary: runs the real `dossier` executable on
//! committed fixtures and checks its output against the JSON schema.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod entities;
mod events;
mod export_parquet;
mod metadata;
mod quotes;
mod serve_limits;
mod stories;
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

#[test]
fn example_article_validates_and_keeps_its_text() {
    let example = root().join("examples/nato-summit-2024.txt");
    let out = run(
        &["extract", "--date", "2024-07-10", example.to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = docs(&out);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    check_document(doc);
    assert_eq!(
        doc["text"].as_str().unwrap(),
        std::fs::read_to_string(&example).unwrap()
    );
    assert_eq!(doc["published"], "2024-07-10");
    assert_eq!(doc["source"]["format"], "text");
    assert!(doc["sentences"].as_array().unwrap().len() > 40);
}

/// Regression for #2: headings and credit lines are blocks of their own and
/// never merge into the next sentence.
#[test]
fn issue_2_headings_are_blocks_and_never_join_a_sentence() {
    let example = root().join("examples/nato-summit-2024.txt");
    let doc = &docs(&run(
        &[
            "extract",
            "--layers",
            "text,sentences",
            example.to_str().unwrap(),
        ],
        None,
    ))[0];
    let blocks: Vec<(String, String)> = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["kind"].as_str().unwrap().to_string(), span_text(doc, b)))
        .collect();
    for heading in [
        "NATO SUMMIT 2024 | TOP UPDATES",
        "Greatest Alliance In World History",
        "Stinger Missile Contract At $700 Million",
        "Zelenskyy's Pitch For Action Against Putin",
    ] {
        assert!(
            blocks.contains(&("heading".to_string(), heading.to_string())),
            "{heading} is not a heading block"
        );
    }
    assert!(blocks.contains(&("credit".to_string(), "(With AP inputs)".to_string())));
    let sentences: Vec<String> = doc["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| span_text(doc, s))
        .collect();
    assert!(sentences.contains(&"Greatest Alliance In World History".to_string()));
    assert!(sentences.contains(
        &"“Our allies are looking for U.S. leadership,” Biden said in an MSNBC interview Monday."
            .to_string()
    ));
    assert!(sentences.iter().all(|s| !s.contains('\n')));
}

#[test]
fn unicode_offsets_count_code_points() {
    let out = run(
        &[
            "extract",
            "--layers",
            "text,sentences,tokens",
            &fixture("unicode.txt"),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = &docs(&out)[0];
    check_document(doc);
    let tokens: Vec<String> = doc["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["text"].as_str().unwrap().to_string())
        .collect();
    for t in [
        "Zelenskyy",
        "’s",
        "“",
        "François",
        "🇺🇦🎉",
        "北约峰会在华盛顿举行",
        "。",
        "Ødegård",
    ] {
        assert!(
            tokens.contains(&t.to_string()),
            "missing token {t}: {tokens:?}"
        );
    }
    let sentences: Vec<String> = doc["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| span_text(doc, s))
        .collect();
    assert!(
        sentences.contains(&"北约峰会在华盛顿举行。".to_string()),
        "{sentences:?}"
    );
}

#[test]
fn layers_text_runs_no_nlp_and_unbuilt_layers_are_empty() {
    let out = run(
        &["extract", "--layers", "text", &fixture("unicode.txt")],
        None,
    );
    let doc = &docs(&out)[0];
    check_document(doc);
    for layer in [
        "sentences",
        "mentions",
        "entities",
        "quotes",
        "times",
        "quantities",
        "events",
    ] {
        assert_eq!(doc[layer], Value::Array(vec![]), "{layer}");
    }
    assert!(doc.get("tokens").is_none());
}

#[test]
fn html_page_gives_article_text_and_metadata() {
    let out = run(
        &[
            "extract",
            "--url",
            "https://news.example/air-defence",
            &fixture("article.html"),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = &docs(&out)[0];
    check_document(doc);
    let text = doc["text"].as_str().unwrap();
    assert!(text.contains("additional Patriot batteries"));
    assert!(
        !text.contains("not article text")
            && !text.contains("All rights reserved")
            && !text.contains("Sport")
    );
    assert_eq!(doc["title"], "Allies pledge air defence to Ukraine");
    assert_eq!(doc["published"], "2024-07-10T14:00:00Z");
    assert_eq!(doc["authors"], serde_json::json!(["Jane Doe"]));
    assert_eq!(doc["source"]["uri"], "https://news.example/air-defence");
    let kinds: Vec<&str> = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"heading"), "{kinds:?}");
}

#[test]
fn feeds_give_one_document_per_item() {
    for (file, format, n) in [
        ("feed.rss", "rss", 2),
        ("feed.atom", "atom", 1),
        ("feed.json", "jsonfeed", 2),
    ] {
        let out = run(&["extract", &fixture(file)], None);
        assert!(out.status.success(), "{file}: {}", stderr(&out));
        let docs = docs(&out);
        assert_eq!(docs.len(), n, "{file}");
        for d in &docs {
            check_document(d);
            assert_eq!(d["source"]["format"], format);
            assert!(d["source"]["uri"]
                .as_str()
                .unwrap()
                .starts_with("https://news.example/"));
            assert!(d["published"].is_string() || file == "feed.json");
        }
    }
    let rss = docs(&run(&["extract", &fixture("feed.rss")], None));
    assert_eq!(rss[0]["title"], "Allies pledge air defence");
    assert_eq!(rss[0]["authors"], serde_json::json!(["Jane Doe"]));
    assert_eq!(rss[0]["blocks"].as_array().unwrap().len(), 2);
}

#[test]
fn jsonl_bad_lines_are_reported_and_the_rest_written() {
    let out = run(&["extract", &fixture("docs.jsonl")], None);
    assert_eq!(out.status.code(), Some(1));
    let docs = docs(&out);
    assert_eq!(docs.len(), 3);
    docs.iter().for_each(check_document);
    assert_eq!(docs[0]["id"], "a1");
    assert_eq!(docs[0]["title"], "Biden hails NATO");
    assert_eq!(docs[0]["published"], "2024-07-09");
    assert_eq!(docs[0]["source"]["record"], "1");
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].contains("docs.jsonl [line 3]") && lines[0].contains("E106"),
        "{err}"
    );
    assert!(
        lines[1].contains("docs.jsonl [line 4]") && lines[1].contains("E107"),
        "{err}"
    );
}

/// #9: as a streaming filter, `extract` writes one line per input record (blank lines are none), an
/// error record in a bad line's place, so a map stage (Spark's `pipe`)
/// can pair outputs with inputs; and the order holds on every thread count.
#[test]
fn issue_9_a_bad_jsonl_line_becomes_an_error_record_in_place() {
    for threads in ["1", "2", "3"] {
        let out = run(
            &[
                "extract",
                "--threads",
                threads,
                "--layers",
                "text",
                "--from",
                "jsonl",
                "-",
            ],
            Some(std::fs::read(fixture("docs.jsonl")).unwrap().as_slice()),
        );
        let all = lines(&out);
        let kinds: Vec<&str> = all
            .iter()
            .map(|v| {
                if v.get("error").is_some() {
                    "error"
                } else {
                    "doc"
                }
            })
            .collect();
        assert_eq!(
            kinds,
            ["doc", "doc", "error", "error", "doc"],
            "threads {threads}"
        );
        assert_eq!(
            error_records(&out),
            [
                ("E106".to_string(), Value::from("line 3")),
                ("E107".to_string(), Value::from("line 4"))
            ]
        );
        assert_eq!(all[0]["id"], "a1");
    }
}

#[test]
fn warc_archives_give_good_records_and_report_bad_ones() {
    let mut archives: Vec<String> = std::fs::read_dir(fixture("warc"))
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.contains(".warc"))
        .collect();
    archives.sort();
    let mut args = vec!["extract", "--layers", "text"];
    args.extend(archives.iter().map(String::as_str));
    let out = run(&args, None);
    assert_eq!(out.status.code(), Some(1), "the truncated archive fails");
    let docs = docs(&out);
    assert_eq!(docs.len(), 6, "{}", stderr(&out));
    for d in &docs {
        check_document(d);
        assert_eq!(d["source"]["format"], "warc");
        assert!(d["source"]["record"]
            .as_str()
            .unwrap()
            .starts_with("<urn:uuid:"));
    }
    let iana = docs
        .iter()
        .find(|d| d["source"]["uri"] == "http://www.iana.org/")
        .expect("chunked response decoded");
    assert!(iana["text"].as_str().unwrap().contains("Root"));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("example-trunc.warc") && err.contains("E110"),
        "{err}"
    );
    assert_eq!(error_records(&out).len(), 1);
}

#[test]
fn gzip_text_and_stdin_are_read() {
    let dir = scratch("gzip");
    let path = dir.join("note.txt.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"Kyiv welcomed the pledge.\r\nNATO agreed.\r\n")
        .unwrap();
    std::fs::write(&path, gz.finish().unwrap()).unwrap();
    let out = run(&["extract", path.to_str().unwrap()], None);
    let doc = &docs(&out)[0];
    check_document(doc);
    assert_eq!(
        doc["text"], "Kyiv welcomed the pledge.\r\nNATO agreed.\r\n",
        "text is kept byte for byte"
    );
    let out = run(
        &["extract", "--title", "From stdin", "-"],
        Some("Biden said so. He left.".as_bytes()),
    );
    let doc = &docs(&out)[0];
    assert_eq!(doc["title"], "From stdin");
    assert_eq!(doc["source"]["uri"], Value::Null);
    assert_eq!(doc["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn wrong_charset_is_detected_with_a_warning() {
    let dir = scratch("charset");
    let path = dir.join("latin1.txt");
    std::fs::write(&path, b"Fran\xe7ois Hollande met the Ukrainian president in Kyiv on Tuesday, the \xe9lys\xe9e said.").unwrap();
    let out = run(&["extract", path.to_str().unwrap()], None);
    assert!(out.status.success());
    let doc = &docs(&out)[0];
    check_document(doc);
    assert!(doc["text"].as_str().unwrap().starts_with("François"));
    assert_eq!(doc["warnings"][0]["code"], "charset_detected");
}

/// Every kind of bad input fails alone, with one line naming it, and the
/// good input beside it is still written.
#[test]
fn bad_inputs_fail_alone_with_one_clear_line_each() {
    let dir = scratch("bad");
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p.display().to_string()
    };
    let empty = write("empty.txt", b"");
    let blank = write("blank.txt", b"  \n\n ");
    let junk = write(
        "junk.bin",
        &(0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect::<Vec<u8>>(),
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&b"Words of an article that will be cut short. ".repeat(2000))
        .unwrap();
    let full = gz.finish().unwrap();
    let truncated = write("truncated.txt.gz", &full[..full.len() / 2]);
    let mut bomb = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    bomb.write_all(&vec![b'a'; 3_000_000]).unwrap();
    let bomb = write("bomb.txt.gz", &bomb.finish().unwrap());
    let long_line = write("long-line.txt", &vec![b'x'; 2_000_001]);
    let deep = write(
        "deep.html",
        format!(
            "<html><body>{}<p>Deep text survives.</p>{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        )
        .as_bytes(),
    );
    let good = write("good.txt", b"Italy will provide a SAMP-T system.");
    let missing = dir.join("missing.txt").display().to_string();
    let inputs = [
        &empty, &blank, &junk, &truncated, &bomb, &long_line, &missing, &deep, &good,
    ];
    let mut args = vec![
        "extract",
        "--layers",
        "text,sentences",
        "--max-bytes",
        "2000000",
    ];
    args.extend(inputs.iter().map(|s| s.as_str()));
    let out = run(&args, None);
    assert_eq!(out.status.code(), Some(1));
    let docs = docs(&out);
    assert_eq!(docs.len(), 2, "{}", stderr(&out));
    assert!(docs[0]["text"]
        .as_str()
        .unwrap()
        .contains("Deep text survives."));
    assert_eq!(docs[1]["text"], "Italy will provide a SAMP-T system.");
    let codes: Vec<String> = error_records(&out)
        .into_iter()
        .map(|(code, _)| code)
        .collect();
    assert_eq!(
        codes,
        ["E103", "E103", "E104", "E110", "E105", "E105", "E101"]
    );
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 7, "{err}");
    for (line, (input, code)) in lines.iter().zip([
        (&empty, "E103"),
        (&blank, "E103"),
        (&junk, "E104"),
        (&truncated, "E110"),
        (&bomb, "E105"),
        (&long_line, "E105"),
        (&missing, "E101"),
    ]) {
        assert!(
            line.starts_with(input.as_str()) && line.contains(code),
            "expected {code} for {input}: {line}"
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["extract", "--date", "10/07/2024", "x.txt"],
        vec!["extract", "--date", "2024-07-10T25:00", "x.txt"],
        vec!["extract", "--date", "2024-07-10T14:30+2", "x.txt"],
        // #29: a day the calendar does not have.
        vec!["extract", "--date", "2024-02-30", "x.txt"],
        vec!["extract", "--date", "2023-02-29", "x.txt"],
        vec!["extract", "--layers", "text,nonsense", "x.txt"],
        vec!["extract", "--from", "pdf", "x.txt"],
        vec!["extract", "--no-such-flag"],
    ] {
        let out = run(&args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!stderr(&out).is_empty());
    }
}

#[test]
fn output_keeps_input_order_across_threads() {
    let dir = scratch("order");
    for i in 0..60 {
        let body = format!(
            "Article {i:02} reports that NATO met. {}",
            "More text follows here. ".repeat(i * 7)
        );
        std::fs::write(dir.join(format!("{i:02}.txt")), body).unwrap();
    }
    let out = run(
        &[
            "extract",
            "--threads",
            "4",
            "--layers",
            "text,sentences",
            dir.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    let order: Vec<String> = docs(&out)
        .iter()
        .map(|d| d["text"].as_str().unwrap()[8..10].to_string())
        .collect();
    let expected: Vec<String> = (0..60).map(|i| format!("{i:02}")).collect();
    assert_eq!(order, expected);
}

#[test]
fn same_text_gives_same_id() {
    let a = docs(&run(
        &["extract", "--layers", "text", "-"],
        Some(b"Same words."),
    ));
    let b = docs(&run(
        &["extract", "--layers", "text", "--title", "Other", "-"],
        Some(b"Same words."),
    ));
    assert_eq!(a[0]["id"], b[0]["id"]);
    let c = docs(&run(
        &["extract", "--layers", "text", "-"],
        Some(b"Other words."),
    ));
    assert_ne!(a[0]["id"], c[0]["id"]);
}

#[test]
fn annotate_conllu_predicts_tags_and_tree_and_keeps_the_rest() {
    let out = run(
        &[
            "annotate",
            "--from",
            "conllu",
            "--to",
            "conllu",
            &fixture("two.conllu"),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let input = std::fs::read_to_string(fixture("two.conllu")).unwrap();
    let (lines, in_lines): (Vec<&str>, Vec<&str>) =
        (text.lines().collect(), input.lines().collect());
    assert_eq!(lines.len(), in_lines.len());
    let mut roots = 0;
    for (got, was) in lines.iter().zip(&in_lines) {
        let (g, w): (Vec<&str>, Vec<&str>) = (got.split('\t').collect(), was.split('\t').collect());
        if w.len() != 10 || w[0].contains('-') {
            assert_eq!(got, was, "comments and multiword lines are kept");
            continue;
        }
        for col in [0, 1, 2, 5, 8, 9] {
            assert_eq!(g[col], w[col], "column {} is kept", col + 1);
        }
        assert!(
            g[3] != "X" && g[3] != "_" && g[4] != "X",
            "tags predicted: {got}"
        );
        assert!(
            g[6].parse::<usize>().is_ok() && g[7] != "dep" && g[7] != "_",
            "tree predicted: {got}"
        );
        roots += usize::from(g[6] == "0");
    }
    assert_eq!(roots, 2, "exactly one root per sentence");
    assert!(
        text.contains("2\tsaid\tsay\tVERB\tVBD\t_\t0\troot"),
        "{text}"
    );
    // Same input through stdin.
    let again = run(
        &["annotate", "--from", "conllu", "--to", "conllu", "-"],
        Some(input.as_bytes()),
    );
    assert_eq!(String::from_utf8(again.stdout).unwrap(), text);
}

#[test]
fn tokens_layer_carries_pos_head_and_dep() {
    let out = run(
        &["extract", "--layers", "sentences,tokens", "-"],
        Some("Biden said the allies will send Patriot batteries.".as_bytes()),
    );
    let doc = &docs(&out)[0];
    check_document(doc);
    let tokens = doc["tokens"].as_array().unwrap();
    let said = tokens.iter().find(|t| t["text"] == "said").unwrap();
    assert_eq!(said["pos"], "VERB");
    assert_eq!(said["dep"], "root");
    assert!(said.get("head").is_none());
    let biden = tokens.iter().find(|t| t["text"] == "Biden").unwrap();
    assert_eq!(biden["pos"], "PROPN");
    assert_eq!(
        tokens[biden["head"].as_u64().unwrap() as usize]["text"],
        "said"
    );
}

/// #3: a dateline or a lead-in in capitals is a sentence of its own, so the
/// parse of the sentence after it is the sentence's own.
#[test]
fn issue_3_lead_ins_do_not_derail_the_next_sentence() {
    let text = "WASHINGTON (AP) — Former President Bill Clinton said the law is crazy.\n\nTHE BORROWING Back when he wrote his book, Mr. McKinley said that he considered debt a last resort.";
    let doc = &docs(&run(
        &["extract", "--layers", "sentences,tokens", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let sentences: Vec<String> = doc["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| span_text(doc, s))
        .collect();
    assert_eq!(sentences[0], "WASHINGTON (AP) —");
    assert!(
        sentences.contains(&"THE BORROWING".to_string()),
        "{sentences:?}"
    );
    let tokens = doc["tokens"].as_array().unwrap();
    for (subject, verb_at) in [("Bill", 0), ("McKinley", 1)] {
        let said = tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t["text"] == "said")
            .nth(verb_at)
            .unwrap()
            .0;
        let t = tokens.iter().find(|t| t["text"] == subject).unwrap();
        assert_eq!(
            (t["head"].as_u64(), t["dep"].as_str()),
            (Some(said as u64), Some("nsubj")),
            "{subject} is the subject of said"
        );
    }
}

/// A reader that goes away early (`dossier eval … | head`) ends the run
/// quietly, without a panic.
#[test]
fn a_closed_stdout_ends_eval_quietly() {
    let mut child = bin()
        .current_dir(root())
        .args(["eval", "ner", "--conll", &fixture("ner.conll")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dossier runs");
    // Close the read end before the models have loaded and the first line is printed.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        stderr(&out)
    );
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn annotate_refuses_unknown_conversions() {
    let out = run(
        &["annotate", "--from", "conllu", "--to", "json", "-"],
        Some(b""),
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn annotate_conll_appends_one_iob2_tag_per_token() {
    let out = run(
        &[
            "annotate",
            "--from",
            "conll",
            "--to",
            "conll",
            &fixture("ner.conll"),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let input = std::fs::read_to_string(fixture("ner.conll")).unwrap();
    let (got, was): (Vec<&str>, Vec<&str>) = (text.lines().collect(), input.lines().collect());
    assert_eq!(got.len(), was.len());
    for (g, w) in got.iter().zip(&was) {
        if w.is_empty() || w.starts_with("-DOCSTART-") {
            assert_eq!(g, w);
        } else {
            assert!(g.starts_with(w) && g.split_whitespace().count() == 5, "{g}");
        }
    }
    let predicted: Vec<&str> = got
        .iter()
        .filter(|l| l.split_whitespace().count() == 5)
        .map(|l| l.split_whitespace().last().unwrap())
        .collect();
    assert_eq!(
        predicted,
        ["B-PER", "I-PER", "O", "B-LOC", "O", "B-PER", "O", "B-ORG", "O", "O", "B-LOC", "O"]
    );
}

/// #4 on the example: people are PERSON, equipment PRODUCT, Kyiv GPE, and
/// no heading is taken whole as a name.
#[test]
fn issue_4_example_entities_have_the_right_types() {
    let example = root().join("examples/nato-summit-2024.txt");
    let out = run(
        &["extract", "--date", "2024-07-10", example.to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = &docs(&out)[0];
    check_document(doc);
    let typed = |name: &str| -> Vec<String> {
        doc["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["text"] == name)
            .map(|m| m["type"].as_str().unwrap().to_string())
            .collect()
    };
    for person in [
        "Zelenskyy",
        "Volodymyr Zelenskyy",
        "Joe Biden",
        "Biden",
        "Jens Stoltenberg",
        "Stoltenberg",
        "Donald Trump",
        "Vladimir Putin",
        "Jake Sullivan",
    ] {
        let types = typed(person);
        assert!(
            !types.is_empty() && types.iter().all(|t| t == "PERSON"),
            "{person}: {types:?}"
        );
    }
    for product in ["Patriot", "Stinger", "SAMP-T", "NASAMS"] {
        let types = typed(product);
        assert!(
            !types.is_empty() && types.iter().all(|t| t == "PRODUCT"),
            "{product}: {types:?}"
        );
    }
    assert_eq!(typed("Kyiv"), ["GPE"]);
    let headings: Vec<(u64, u64)> = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["kind"] == "heading")
        .map(|b| (b["start"].as_u64().unwrap(), b["end"].as_u64().unwrap()))
        .collect();
    for m in doc["mentions"].as_array().unwrap() {
        let (s, e) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
        assert!(
            !headings.contains(&(s, e)),
            "a whole heading became a name: {}",
            m["text"]
        );
    }
    // Named mentions point at entities that list them back (numeric ones have none).
    let numeric = [
        "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
    ];
    for (i, m) in doc["mentions"].as_array().unwrap().iter().enumerate() {
        if numeric.contains(&m["type"].as_str().unwrap()) {
            assert!(m["entity"].is_null());
            continue;
        }
        let e = doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == m["entity"])
            .expect("entity exists");
        assert!(e["mentions"]
            .as_array()
            .unwrap()
            .contains(&Value::String(format!("m{}", i + 1))));
    }
    let biden = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Joe Biden")
        .unwrap();
    assert!(biden["aliases"]
        .as_array()
        .unwrap()
        .contains(&Value::String("Biden".into())));
}

#[test]
fn ontonotes_types_beyond_conll() {
    let out = run(&["extract", "--layers", "entities", "-"], Some("The film \"Casablanca\" played at Heathrow Airport. Zelenskyy spoke in Ukrainian to reporters in Kyiv about the NASAMS.".as_bytes()));
    let doc = &docs(&out)[0];
    check_document(doc);
    let got: Vec<(String, String)> = doc["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["text"].as_str().unwrap().to_string(),
                m["type"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (text, ty) in [
        ("Casablanca", "WORK_OF_ART"),
        ("Heathrow Airport", "FAC"),
        ("Zelenskyy", "PERSON"),
        ("Ukrainian", "LANGUAGE"),
        ("Kyiv", "GPE"),
        ("NASAMS", "PRODUCT"),
    ] {
        assert!(
            got.contains(&(text.to_string(), ty.to_string())),
            "{text} {ty}: {got:?}"
        );
    }
}

/// #5 on the example: "$700 million" is 700,000,000 USD, about; the bombs
/// come every month; and quantities are numeric mentions too.
#[test]
fn issue_5_example_quantities() {
    let example = root().join("examples/nato-summit-2024.txt");
    let doc = &docs(&run(
        &["extract", "--date", "2024-07-10", example.to_str().unwrap()],
        None,
    ))[0];
    check_document(doc);
    let q = |text: &str| {
        doc["quantities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["text"] == text)
            .unwrap_or_else(|| panic!("no quantity {text}"))
            .clone()
    };
    let money = q("nearly $700 million");
    assert_eq!(
        (
            money["kind"].as_str(),
            money["value"].as_f64(),
            money["unit"].as_str(),
            money["approx"].as_str()
        ),
        (Some("money"), Some(7e8), Some("USD"), Some("about"))
    );
    let bombs = q("3,000 bombs");
    assert_eq!(
        (
            bombs["value"].as_f64(),
            bombs["unit"].as_str(),
            bombs["per"].as_str()
        ),
        (Some(3000.0), Some("bombs"), Some("P1M"))
    );
    let patriots = q("at least four of the powerful Patriot systems");
    assert_eq!(
        (patriots["value"].as_f64(), patriots["approx"].as_str()),
        (Some(4.0), Some("at_least"))
    );
    let mentions = doc["mentions"].as_array().unwrap();
    assert!(mentions
        .iter()
        .any(|m| m["text"] == "nearly $700 million" && m["type"] == "MONEY"));
    let starts: Vec<u64> = mentions
        .iter()
        .map(|m| m["start"].as_u64().unwrap())
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0] < w[1]),
        "mentions in text order, no overlap"
    );
}

/// #5 on the example, dated 2024-07-10: every relative date resolves.
#[test]
fn issue_5_example_times() {
    let example = root().join("examples/nato-summit-2024.txt");
    let doc = &docs(&run(
        &["extract", "--date", "2024-07-10", example.to_str().unwrap()],
        None,
    ))[0];
    check_document(doc);
    let times: Vec<(String, String, String)> = doc["times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["text"].as_str().unwrap().to_string(),
                t["type"].as_str().unwrap().to_string(),
                t["value"].as_str().unwrap_or("null").to_string(),
            )
        })
        .collect();
    for (text, ty, value) in [
        ("Tuesday", "DATE", "2024-07-09"),
        ("November", "DATE", "2024-11"),
        ("75 years ago", "DATE", "1949"),
        ("Two years later", "DATE", "2021"),
        ("the coming months", "DATE", "FUTURE_REF"),
        ("four-year", "DURATION", "P4Y"),
        ("every month", "SET", "P1M"),
        ("June 27", "DATE", "2024-06-27"),
        ("Thursday", "DATE", "2024-07-11"),
    ] {
        assert!(
            times.contains(&(text.to_string(), ty.to_string(), value.to_string())),
            "{text} {ty} {value}: {times:?}"
        );
    }
    assert!(
        !times.iter().any(|t| t.0 == "November" && t.2 != "2024-11"),
        "{times:?}"
    );
}

/// #5: a clock time that ends its sentence ("2:45 p.m." as a live blog's
/// heading) looks for a day after it; there is none, and the document used
/// to fail with an index out of bounds.
#[test]
fn issue_5_a_clock_time_ending_its_sentence_does_not_fail_the_document() {
    let text = "The Latest: Cruz gives away a gun.\n\n2:45 p.m.\n\nThe senator spoke at noon.";
    let doc = &docs(&run(
        &["extract", "--date", "2016-01-05", "--layers", "times", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let values: Vec<&str> = doc["times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["2016-01-05T14:45", "2016-01-05T12:00"]);
}

/// #5: a curly possessive after a word the quarter check reads ("Valentine’s
/// Day", "Q3’s") used to be sliced inside its apostrophe and panic; the
/// DateTime spec found it.
#[test]
fn issue_5_a_curly_possessive_does_not_fail_the_document() {
    let text = "Sales on Valentine’s Day beat Q3’s and this year’s figures.";
    let doc = &docs(&run(
        &["extract", "--date", "2019-06-12", "--layers", "times", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    assert!(
        time_values(doc).contains(&("Valentine’s Day".to_string(), "2019-02-14".to_string())),
        "{:?}",
        time_values(doc)
    );
}

/// #5: spelled fractions are numbers ("two thirds", "a fifth of",
/// "half a dozen"); "a third term" stays an ordinal, and "two millionth"
/// is no fraction (the Recognizers spec reads it as a count).
#[test]
fn issue_5_spelled_fractions() {
    let text = "Two thirds of voters approve, and half a dozen officials took a fifth of the budget. She won a third term.";
    let doc = &docs(&run(&["extract", "-"], Some(text.as_bytes())))[0];
    check_document(doc);
    let found: Vec<(String, f64)> = doc["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["text"].as_str().unwrap().to_string(),
                q["value"].as_f64().unwrap(),
            )
        })
        .collect();
    let value = |start: &str| {
        found
            .iter()
            .find(|(t, _)| t.starts_with(start))
            .unwrap_or_else(|| panic!("no {start}: {found:?}"))
            .1
    };
    assert!((value("Two thirds") - 2.0 / 3.0).abs() < 1e-6);
    assert_eq!(value("half a dozen"), 6.0);
    assert_eq!(value("a fifth"), 0.2);
    assert_eq!(value("third"), 3.0, "the ordinal of \"a third term\"");
}

/// Each time expression of a document as (text, value), "null" for none.
fn time_values(doc: &Value) -> Vec<(String, String)> {
    doc["times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["text"].as_str().unwrap().to_string(),
                t["value"].as_str().unwrap_or("null").to_string(),
            )
        })
        .collect()
}

/// #5: financial quarters resolve against the publication date and the
/// quarter the report is about; a year before a noun is a year; clock
/// times, "last October" and "Monday, Oct. 30" are whole expressions.
#[test]
fn issue_5_quarters_clock_times_and_anchored_months() {
    let text = "Third-quarter profit rose 5%. Sales in the fourth quarter may slow. The company said the latest quarter was strong, \
and year-earlier results were weaker. In the current quarter it expects more. A 1996 law still applies, and 1999 troops were sent. Profit was lower a year ago. \
Last October the board met, and it met again at 9 a.m. Tuesday and on Monday, Oct. 30, as it did a few years ago.";
    let doc = &docs(&run(
        &["extract", "--date", "1989-11-02", "--layers", "times", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let times = time_values(doc);
    for (text, value) in [
        ("Third-quarter", "1989-Q3"),
        ("the fourth quarter", "1989-Q4"),
        ("the latest quarter", "1989-Q3"),
        ("year-earlier", "1988-Q3"),
        ("the current quarter", "1989-Q4"),
        ("1996", "1996"),
        ("a year ago", "1988-Q3"),
        ("Last October", "1989-10"),
        ("9 a.m. Tuesday", "1989-10-31T09:00"),
        ("Monday, Oct. 30", "1989-10-30"),
        ("a few years ago", "PAST_REF"),
    ] {
        assert!(
            times.contains(&(text.to_string(), value.to_string())),
            "{text} {value}: {times:?}"
        );
    }
    assert!(
        !times.iter().any(|t| t.0 == "1999"),
        "a count of troops is not a year: {times:?}"
    );
}

/// #5: TimeML extents take the words that bound or place them ("the end
/// of 1990", "nearly two years", "at least 30 days", "the late 1970s"),
/// but an adjective leaves its article out ("a 30-day review"); quarters
/// named with a year resolve to it ("the 1988 third quarter", "the third
/// quarter of 1990", "next year's first quarter").
#[test]
fn issue_5_extents_take_their_bounds_and_quarters_their_years() {
    let text = "Talks ran until the end of 1990 and lasted nearly two years, with at least 30 days of recess. \
Prices rose in the late 1970s. A 30-day review began. Profit beat the 1988 third quarter and the third quarter of 1990. \
The company expects a loss in next year's first quarter.";
    let doc = &docs(&run(
        &["extract", "--date", "1989-11-02", "--layers", "times", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let times = time_values(doc);
    for (text, value) in [
        ("the end of 1990", "1990"),
        ("nearly two years", "P2Y"),
        ("at least 30 days", "P30D"),
        ("the late 1970s", "197"),
        ("30-day", "P30D"),
        ("the 1988 third quarter", "1988-Q3"),
        ("the third quarter of 1990", "1990-Q3"),
        ("next year's first quarter", "1990-Q1"),
    ] {
        assert!(
            times.contains(&(text.to_string(), value.to_string())),
            "{text} {value}: {times:?}"
        );
    }
}

/// #5: clock times glued or spaced, a day with its clock time, dates in
/// figures and dates around a month name in any case; "24/7" and "may 5
/// more" stay words.
#[test]
fn issue_5_clock_times_and_dates_in_figures_and_words() {
    let text = "The vote opens today at 8.30pm and closes tomorrow 7:56:30 pm. Officials met on 22/04 and signed on 1/1/2015. \
The ceasefire began on the fourth of july of 1995 and ended july 4th, 1996. Records from 2019-08-01 and Dec-2018 were kept. \
They work 24/7 and may 5 more join. A review is due in april of 87, at 14:30.";
    let doc = &docs(&run(
        &["extract", "--date", "2016-11-07", "--layers", "times", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let times = time_values(doc);
    for (text, value) in [
        ("today at 8.30pm", "2016-11-07T20:30"),
        ("tomorrow 7:56:30 pm", "2016-11-08T19:56:30"),
        ("22/04", "2016-04-22"),
        ("1/1/2015", "2015-01-01"),
        ("fourth of july of 1995", "1995-07-04"),
        ("july 4th, 1996", "1996-07-04"),
        ("2019-08-01", "2019-08-01"),
        ("Dec-2018", "2018-12"),
        ("april of 87", "1987-04"),
        ("14:30", "2016-11-07T14:30"),
    ] {
        assert!(
            times.contains(&(text.to_string(), value.to_string())),
            "{text} {value}: {times:?}"
        );
    }
    assert!(
        !times
            .iter()
            .any(|(t, _)| t.contains("24/7") || t.contains("may")),
        "{times:?}"
    );
}

/// #5: holidays, relative and numbered quarters, centuries, recurring
/// times and counts from a day resolve; "this may or may not" stays a verb.
#[test]
fn issue_5_holidays_quarters_centuries_and_recurring_times() {
    let text = "Talks resume after Christmas 2020 and ended last Easter. Sales fell last quarter and in Q3 2019. \
Such walls date from the 19th century. Inspectors visit every Monday morning and every other day. \
The vote will be 3 days from today, on New Year's Day. This may or may not help. \
Results will come in two weeks, or the day after tomorrow. Audits ran in the last week of July 2016 and the first week of 2015. \
Talks resume on Tuesday of next week or next week Wednesday.";
    let doc = &docs(&run(
        &["extract", "--date", "2019-06-12", "--layers", "times", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let times = time_values(doc);
    for (text, value) in [
        ("Christmas 2020", "2020-12-25"),
        ("last Easter", "2019-04-21"),
        ("last quarter", "2019-Q1"),
        ("Q3 2019", "2019-Q3"),
        ("the 19th century", "18"),
        ("every Monday morning", "XXXX-WXX-1TMO"),
        ("every other day", "P2D"),
        ("3 days from today", "2019-06-15"),
        ("New Year's Day", "2020-01-01"),
        ("in two weeks", "2019-06-26"),
        ("the day after tomorrow", "2019-06-14"),
        ("the last week of July 2016", "2016-W30"),
        ("the first week of 2015", "2015-W01"),
        ("Tuesday of next week", "2019-06-18"),
        ("next week Wednesday", "2019-06-19"),
    ] {
        assert!(
            times.contains(&(text.to_string(), value.to_string())),
            "{text} {value}: {times:?}"
        );
    }
    assert!(!times.iter().any(|(t, _)| t.contains("may")), "{times:?}");
}

/// #5: clock ranges give both ends on the day said before or after them,
/// a clock time joins its day across "at", "on" or "by", durations come in
/// several units, and a date-time anchor's clock resolves "in 5 minutes".
#[test]
fn issue_5_clock_ranges_days_with_clocks_and_compound_durations() {
    let text = "The talks ran from 10:30 to 3 on 1/1/2015. Voting is between 5 and 6 in the afternoon. \
Polls close Monday 12-4. The briefing was yesterday afternoon from 3-8pm. \
The vote will be Friday at 4 and the count 9am on Tuesday. Envoys will meet next week on Tuesday and Wednesday evening next week. \
Results will come in 5 minutes. The siege lasted 2 years 1 month 21 days and the march one and a half hours. \
Ministers met 2014-2018 and again 26 june to 28 june in 2020. She was born twenty five January nineteen eighty six. \
Talks end on the 15th day of next month. The range is week 31 of last year. \
The deal closes at the end of the month. The file is 20161016. They met in August two thousand and fifteen. \
Talks began in 2019 and collapsed the same year.";
    let doc = &docs(&run(
        &[
            "extract",
            "--date",
            "2018-05-31T16:12:00",
            "--layers",
            "times",
            "-",
        ],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let times = time_values(doc);
    for (text, value) in [
        ("10:30", "2015-01-01T10:30"),
        ("3 on 1/1/2015", "2015-01-01T15:00"),
        ("5", "2018-05-31T17:00"),
        ("6 in the afternoon", "2018-05-31T18:00"),
        ("Monday 12", "2018-05-28T12:00"),
        ("yesterday afternoon from 3", "2018-05-30T15:00"),
        ("8pm", "2018-05-30T20:00"),
        ("Friday at 4", "2018-06-01T16:00"),
        ("9am on Tuesday", "2018-06-05T09:00"),
        ("4", "2018-05-28T16:00"),
        ("next week on Tuesday", "2018-06-05"),
        ("Wednesday evening next week", "2018-06-06TEV"),
        ("in 5 minutes", "2018-05-31T16:17"),
        ("2 years 1 month 21 days", "P2Y1M21D"),
        ("one and a half hours", "PT1H30M"),
        ("2014", "2014"),
        ("2018", "2018"),
        ("26 june", "2020-06-26"),
        ("28 june in 2020", "2020-06-28"),
        ("twenty five January nineteen eighty six", "1986-01-25"),
        ("the 15th day of next month", "2018-06-15"),
        ("week 31 of last year", "2017-W31"),
        ("the end of the month", "2018-05"),
        ("20161016", "2016-10-16"),
        ("August two thousand and fifteen", "2015-08"),
        ("same year", "2019"),
    ] {
        assert!(
            times.contains(&(text.to_string(), value.to_string())),
            "{text} {value}: {times:?}"
        );
    }
    // "the march one and a half hours" is a march, not 1 March.
    assert!(!times.iter().any(|(t, _)| t.contains("march")), "{times:?}");
}

/// #7: the PLOVER codebook names some acts the CAMEO dictionary codes
/// otherwise or not at all: a rejection, an arrest (its object misparsed as
/// an oblique still is the target), a signed agreement, blocked roads.
#[test]
fn issue_7_codebook_acts_and_their_targets() {
    let text = "Serbia on Thursday flatly rejected an Australian ultimatum. Israeli soldiers arrested more than 100 Palestinians on Saturday. \
Czechia and China signed an agreement today to increase trade. Angry French paper workers blocked the Europe Bridge for three hours.";
    let doc = &docs(&run(
        &[
            "extract",
            "--date",
            "2024-07-10",
            "--layers",
            "text,sentences,tokens,entities,events",
            "-",
        ],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let events: Vec<(String, String, Vec<String>, Vec<String>)> = event_rows(doc)
        .into_iter()
        .map(|e| (e.0, e.3, e.4, e.5))
        .collect();
    let has =
        |ty: &str, trigger: &str| events.iter().find(|e| e.0 == ty && e.1 == trigger).cloned();
    assert!(
        has("REJECT", "rejected").is_some_and(|e| e.2 == ["Serbia"]),
        "{events:?}"
    );
    let arrest = has("COERCE", "arrested").unwrap_or_else(|| panic!("{events:?}"));
    // The Palestinians counted are those people, not the territory (`reread::counted_nationals`).
    assert_eq!(
        (arrest.2, arrest.3),
        (
            vec!["Israel".to_string()],
            vec!["more than 100 palestinians".to_string()]
        )
    );
    assert!(
        has("SUPPORT", "signed").is_some_and(|e| e.2.len() == 2),
        "{events:?}"
    );
    assert!(has("PROTEST", "blocked").is_some(), "{events:?}");
}

/// #7: a passive's "by" phrase acts on its subject, even when the parse
/// labels that subject a plain "nsubj"; "is willing to" states an intention.
#[test]
fn issue_7_passives_and_stated_intentions() {
    let text = "A camp for Congolese refugees was attacked by Burundian militiamen. At least three Iraqi civilians have been killed in Baghdad. \
Syria says it is willing to withdraw its troops from Lebanon.";
    let doc = &docs(&run(
        &[
            "extract",
            "--date",
            "2024-07-10",
            "--layers",
            "text,sentences,tokens,entities,events",
            "-",
        ],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let event = |trigger: &str| {
        doc["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["trigger"]["text"] == trigger)
            .cloned()
            .unwrap_or_else(|| panic!("{trigger}: {}", doc["events"]))
    };
    let names = |e: &Value, k: &str| actor_names(doc, e, k);
    let attack = event("attacked");
    // A country's adjective on a noun of people names the people (as the gold codes them).
    assert_eq!(
        (names(&attack, "source"), names(&attack, "target")),
        (
            vec!["burundian militiamen".to_string()],
            vec!["congolese refugees".to_string()]
        )
    );
    let killing = event("killed");
    assert!(
        names(&killing, "source").is_empty()
            && names(&killing, "target") == ["at least three iraqi civilians"],
        "{killing}"
    );
    let withdrawal = event("withdraw");
    // A stated intention to withdraw is PLOVER's AGREE (as the gold codes it); the act stays RETREAT.
    assert_eq!(
        (
            withdrawal["type"].as_str(),
            withdrawal["act"].as_str(),
            withdrawal["status"].as_str()
        ),
        (Some("AGREE"), Some("RETREAT"), Some("planned"))
    );
    assert_eq!(names(&withdrawal, "target"), ["Lebanon"]);
}

/// #5: sums written the ways price lists and tables write them: with their
/// change ("thirteen dollars and forty-five cents"), glued to a code
/// ("USD115", "115USD", "nzd$15"), in millions by code ("30 MUSD", "75 USD
/// million"), as shares of a scale ("a quarter million us dollars"), and
/// in bitcoin; "$5 and 10 other firms" keeps its firms apart.
#[test]
fn issue_5_sums_with_change_codes_and_scales() {
    let text = "It cost thirteen dollars and forty-five cents, then 15 dollars 50. They paid USD115, then 115USD and nzd$15. \
Losses passed 30 MUSD; they lost 75 USD million and a quarter million us dollars. A block pays 6.25 BTC. \
A 12-cent-a-share dividend was paid. The fund gave $5 and 10 other firms joined.";
    let doc = &docs(&run(
        &["extract", "--layers", "quantities", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let money: Vec<(String, f64, String)> = doc["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["kind"] == "money")
        .map(|q| {
            (
                q["text"].as_str().unwrap().to_string(),
                q["value"].as_f64().unwrap(),
                q["unit"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (text, value, unit) in [
        ("thirteen dollars and forty-five cents", 13.45, "USD"),
        ("15 dollars 50", 15.5, "USD"),
        ("USD115", 115.0, "USD"),
        ("115USD", 115.0, "USD"),
        ("nzd$15", 15.0, "NZD"),
        ("30 MUSD", 30e6, "USD"),
        ("75 USD million", 75e6, "USD"),
        ("a quarter million us dollars", 250_000.0, "USD"),
        ("6.25 BTC", 6.25, "XBT"),
        ("12-cent", 0.12, "USD"),
        ("$5", 5.0, "USD"),
    ] {
        assert!(
            money
                .iter()
                .any(|m| m.0 == text && (m.1 - value).abs() < 1e-9 && m.2 == unit),
            "{text} {value} {unit}: {money:?}"
        );
    }
}

/// #5: bounds on a figure, before it ("no more than 12", "greater than or
/// equal to 50", "above 170") or after it ("500 or more"), and two bounds
/// joined into one range ("more than 10 and less than 40 people"); a range
/// written as one token ("20-30", "$5-10 million").
#[test]
fn issue_5_bounds_and_ranges_from_bounds() {
    let text = "More than 10 and less than 40 people came. Some 500 or more were hurt, no more than 12 left, and greater than or equal to 50 stayed above 170 days. \
Aged 20-30, they raised $5-10 million in 1990-1995; the score was 3-2.";
    let doc = &docs(&run(&["extract", "-"], Some(text.as_bytes())))[0];
    check_document(doc);
    let found: Vec<(String, Option<f64>, Option<f64>, String)> = doc["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["text"].as_str().unwrap().to_string(),
                q["value"].as_f64(),
                q["upper"].as_f64(),
                q["approx"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |start: &str, value: f64, upper: Option<f64>, approx: &str| {
        assert!(
            found.iter().any(|q| q.0.starts_with(start)
                && q.1 == Some(value)
                && q.2 == upper
                && q.3 == approx),
            "{start}: {found:?}"
        );
    };
    has("More than 10 and less than 40", 10.0, Some(40.0), "range");
    has("500 or more", 500.0, None, "at_least");
    has("no more than 12", 12.0, None, "at_most");
    has("greater than or equal to 50", 50.0, None, "at_least");
    // A range written as one token, with the scale after it; years and scores are no ranges.
    has("20-30", 20.0, Some(30.0), "range");
    has("$5-10 million", 5e6, Some(10e6), "range");
    assert!(
        !found
            .iter()
            .any(|q| q.0.starts_with("1990") || q.0.starts_with("3-2")),
        "{found:?}"
    );
}

/// #6 on the example: every direct quote is found with its speaker's
/// entity, including the "he said" and "he added" that name nobody.
#[test]
fn issue_6_example_quotes_have_their_speakers() {
    let example = root().join("examples/nato-summit-2024.txt");
    let doc = &docs(&run(
        &["extract", "--date", "2024-07-10", example.to_str().unwrap()],
        None,
    ))[0];
    check_document(doc);
    let entity_name = |id: &Value| name_by_id(doc, id);
    let quote = |start: &str| {
        doc["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["text"].as_str().unwrap().starts_with(start))
            .unwrap_or_else(|| panic!("no quote {start}"))
            .clone()
    };
    for (start, kind, speaker) in [
        ("It had been four years", "direct", "Joe Biden"),
        ("It was here where they made", "direct", "Joe Biden"),
        ("Our allies are looking", "direct", "Joe Biden"),
        ("Who else do you think", "direct", "Joe Biden"),
        ("There is no way to provide", "direct", "Jens Stoltenberg"),
        (
            "We are fighting for more air-defence",
            "direct",
            "Zelenskyy",
        ),
        ("We are also striving", "direct", "Zelenskyy"),
        ("NATO of \"breaching its boundary", "mixed", "Lin Jian"),
        (
            "that China is supplying machine tools",
            "indirect",
            "United States",
        ),
    ] {
        let q = quote(start);
        assert_eq!(q["kind"], kind, "{start}");
        let name = entity_name(&q["speaker"]["entity"]).unwrap_or_default();
        assert!(
            name.contains(speaker),
            "{start}: speaker {name:?}, wanted {speaker}"
        );
    }
    assert_eq!(
        quote("It had been four years")["speaker"]["text"],
        "he",
        "the pronoun stays a pronoun in the span"
    );
    assert_eq!(quote("We are also striving")["cue"]["text"], "added");
}

/// #6 (PolNeAR's broad notion, `--quotes all`): a cue after a closing mark signs that quote whatever the parse made
/// of the sentence; a verb never seen in training ("yells") still signs one;
/// a transcript's "PENCE:" inside a mark is the speaker, not part of the quote.
#[test]
fn issue_6_signed_quotes_and_transcript_speakers() {
    let text = "German Chancellor Angela Merkel met Mike Pence in Bratislava.\n\n\
\"We are in such a critical situation in Europe after the referendum in Britain,\" German Chancellor Angela Merkel told reporters after the day-long meeting that was held on a boat.\n\n\
\"Did you shoot him? He better not be dead,\" she yells while moving along the street.\n\n\
\"PENCE: Well, look, this is serious business for all of us.\n\n\
\"WALLACE: Do you really see those two as equivalent?\n\n\
“It’s a dog whistle to all Americans,” Rep. Gwen Moore (D-Wis.) said Friday.\n\n\
“I have been doing a lot of thinking recently about where we are as a country,” added Rep. Jim Clyburn (D-S.C.), the assistant leader of the Democratic caucus.\n\n\
Mr. Quiros was accused by the commission of using $50 million for personal expenses.\n\n\
While debating the nominees, a friend commented: \"For you, immigration is the most important reason to vote.\"\n\n\
The New York Times reports:\n\n\
\"Just 24 percent of the contributors to the campaign so far have given $200 or less.\"";
    let doc = &docs(&run(
        &["extract", "--layers", "quotes", "--quotes", "all", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let quotes = doc["quotes"].as_array().unwrap();
    let quote = |start: &str| {
        quotes
            .iter()
            .find(|q| q["text"].as_str().unwrap().starts_with(start))
            .unwrap_or_else(|| panic!("no quote {start}: {quotes:?}"))
    };
    let merkel = quote("We are in such a critical situation");
    assert_eq!(merkel["kind"], "direct");
    assert_eq!(merkel["cue"]["text"], "told");
    assert!(
        merkel["speaker"]["text"]
            .as_str()
            .unwrap()
            .ends_with("Angela Merkel"),
        "{merkel}"
    );
    assert!(
        !quotes
            .iter()
            .any(|q| q["text"].as_str().unwrap().starts_with("reporters after")),
        "what follows the cue is not content: {quotes:?}"
    );
    assert_eq!(quote("Did you shoot him")["cue"]["text"], "yells");
    let pence = quote("Well, look");
    assert_eq!(pence["speaker"]["text"], "PENCE");
    let entity = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == pence["speaker"]["entity"])
        .expect("PENCE resolves");
    assert_eq!(entity["name"], "Mike Pence");
    assert_eq!(quote("Do you really see")["speaker"]["text"], "WALLACE");
    assert_eq!(
        quote("It’s a dog whistle")["speaker"]["text"],
        "Rep. Gwen Moore (D-Wis.)",
        "the words between mark and cue, not the parse's \"Friday\""
    );
    assert!(
        quote("I have been doing")["speaker"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Rep. Jim Clyburn"),
        "the name after an inverted cue"
    );
    // A passive's subject is reported about; its "by" agent is the speaker.
    let accused = quotes
        .iter()
        .find(|q| {
            q["cue"]["text"]
                .as_str()
                .is_some_and(|c| c.ends_with("accused"))
        })
        .expect("the passive report");
    assert_eq!(accused["speaker"]["text"], "the commission");
    let introduced = quote("For you, immigration");
    assert_eq!(
        (
            introduced["kind"].as_str(),
            introduced["cue"]["text"].as_str(),
            introduced["speaker"]["text"].as_str()
        ),
        (Some("direct"), Some("commented"), Some("a friend"))
    );
    // A report ending its paragraph with a colon introduces the next paragraph's quote.
    let reported = quote("Just 24 percent");
    assert_eq!(
        (
            reported["cue"]["text"].as_str(),
            reported["speaker"]["text"].as_str()
        ),
        (Some("reports"), Some("The New York Times")),
        "{reported}"
    );
}

/// #6: a report the parse hangs under another report's content ("she
/// believes") is part of that report, as PolNeAR annotates it; a coordinated
/// verb with no subject of its own reports for the outer speaker; a clause
/// opened by "but" after a closing mark does not sign the quote.
#[test]
fn issue_6_nested_reports_belong_to_the_outer_speaker() {
    let text = "Clinton said she believes the plan will fail.\n\n\
Trump tweeted in the early morning hours that Machado was “disgusting” and “a con” and encouraged Americans to “check out” her non-existent sex tape.\n\n\
Trump is promising lower taxes and “jobs, jobs, jobs,” but he has also intensified the dire warnings that have defined his bid.";
    let doc = &docs(&run(
        &["extract", "--layers", "quotes", "--quotes", "all", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let quotes = doc["quotes"].as_array().unwrap();
    let speaker_of = |start: &str| {
        quotes
            .iter()
            .find(|q| q["text"].as_str().unwrap().starts_with(start))
            .unwrap_or_else(|| panic!("no quote {start}: {quotes:?}"))["speaker"]["text"]
            .clone()
    };
    assert_eq!(speaker_of("she believes"), "Clinton");
    assert!(
        !quotes.iter().any(|q| q["cue"]["text"] == "believes"),
        "no second report for the nested verb: {quotes:?}"
    );
    assert_eq!(
        speaker_of("to “check out”"),
        "Trump",
        "not Machado, the subject the parse gave it"
    );
    assert!(
        quotes
            .iter()
            .all(|q| !q["text"].as_str().unwrap().contains("encouraged")),
        "the outer content stops before the coordinated report: {quotes:?}"
    );
    assert!(
        quotes.iter().all(|q| q["speaker"]["text"] != "but he has"),
        "{quotes:?}"
    );
}

/// #6 (with `--quotes all`): speakers the parse does not give as a subject:
/// a noun phrase right before the cue, a name right after an inverted cue,
/// "as X put it"; and since #23, no quote from a headline.
#[test]
fn issue_6_speakers_without_a_parsed_subject() {
    let text = "Hillary Clinton Speaks ‘Directly To White People’ After Latest Police Shooting.\n\n\
Nearly eight of 10 voters say they plan to tune in.\n\n\
However debates in and of themselves are not likely to alter the campaign, noted NBC’s Dante Chinni.\n\n\
As Steven M. Rosenthal, a tax lawyer and senior fellow at the Urban-Brookings Tax Policy Center, recently put it, “Did Trump lower his taxes through legal tax avoidance, or illegal tax evasion?”";
    let doc = &docs(&run(
        &["extract", "--layers", "quotes", "--quotes", "all", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let quotes = doc["quotes"].as_array().unwrap();
    let speaker_of = |start: &str| {
        quotes
            .iter()
            .find(|q| q["text"].as_str().unwrap().starts_with(start))
            .unwrap_or_else(|| panic!("no quote {start}: {quotes:?}"))["speaker"]["text"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    // #23: a headline's scare quotes are credited to no one.
    assert!(
        quotes
            .iter()
            .filter(|q| q["text"]
                .as_str()
                .unwrap()
                .contains("Directly To White People"))
            .all(|q| q["speaker"].is_null()),
        "{quotes:?}"
    );
    assert!(speaker_of("they plan to tune in").ends_with("10 voters"));
    assert_eq!(speaker_of("However debates"), "NBC’s Dante Chinni");
    assert_eq!(speaker_of("Did Trump lower"), "Steven M. Rosenthal");
    // "As X put it" is speech: the default keeps that direct quote too.
    let speech = &docs(&run(
        &["extract", "--layers", "quotes", "-"],
        Some(text.as_bytes()),
    ))[0];
    assert!(
        speech["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .any(
                |q| q["text"].as_str().unwrap().starts_with("Did Trump lower")
                    && q["speaker"]["text"] == "Steven M. Rosenthal"
            ),
        "{speech}"
    );
}

/// #6: the tagger reads a sentence-initial "Trump" before an adverb as a
/// verb; the names come before the parse, so the word in a person's name is
/// a proper noun, the subject of the report, and its speaker.
#[test]
fn issue_6_names_are_proper_nouns_before_the_parse() {
    let text = "Donald Trump spoke in Ohio on Monday.\n\n\
Trump further described the incident as a “terrible situation,” but stopped short of calling the actions racially motivated.";
    let doc = &docs(&run(
        &["extract", "--layers", "quotes", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let quotes = doc["quotes"].as_array().unwrap();
    let described = quotes
        .iter()
        .find(|q| {
            q["cue"]["text"]
                .as_str()
                .is_some_and(|c| c.ends_with("described"))
        })
        .unwrap_or_else(|| panic!("{quotes:?}"));
    assert_eq!(described["speaker"]["text"], "Trump");
}

/// #6: "according to X" and a report set off by commas ("…, Mr. Clarke
/// said, he decided …") frame the whole clause around them: the verbs
/// inside it are not reports of their own.
#[test]
fn issue_6_according_to_and_parenthetical_reports_frame_their_clause() {
    let text = "Clinton plans to visit Charlotte on Sunday, according to a campaign aide.\n\n\
Back in Virginia, Mr. Clarke said, he decided to take aim at the coal industry.";
    let doc = &docs(&run(
        &["extract", "--layers", "quotes", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let quotes = doc["quotes"].as_array().unwrap();
    let cues: Vec<&str> = quotes
        .iter()
        .map(|q| q["cue"]["text"].as_str().unwrap())
        .collect();
    assert!(
        !cues.contains(&"plans") && !cues.contains(&"decided"),
        "{quotes:?}"
    );
    let aide = quotes
        .iter()
        .find(|q| q["cue"]["text"] == "according to")
        .unwrap_or_else(|| panic!("{quotes:?}"));
    assert_eq!(aide["speaker"]["text"], "a campaign aide");
    assert!(aide["text"]
        .as_str()
        .unwrap()
        .starts_with("Clinton plans to visit"));
    assert!(
        quotes.iter().any(|q| q["cue"]["text"] == "said"
            && q["speaker"]["text"] == "Mr. Clarke"
            && q["text"].as_str().unwrap().starts_with("he decided")),
        "{quotes:?}"
    );
}

/// #6: odd marks never fail the document; the unclosed one is flagged.
#[test]
fn issue_6_unbalanced_marks_give_a_warning_and_the_rest_still_parses() {
    let text = "“There is no way,\" Stoltenberg said. He added: \"we will never stop\n\nBiden said the talks were good.";
    let doc = &docs(&run(
        &["extract", "--layers", "quotes", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    assert!(doc["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["code"] == "unbalanced_quotes"));
    let texts: Vec<&str> = doc["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&"There is no way"), "{texts:?}");
    assert!(
        texts.iter().any(|t| t.starts_with("the talks were good")),
        "{texts:?}"
    );
}

/// #7 on the example: one entity per person and country, with ISO codes,
/// the misspelt name merged and flagged, acting capitals resolved.
#[test]
fn issue_7_example_entities_resolve() {
    let example = root().join("examples/nato-summit-2024.txt");
    let doc = &docs(&run(
        &["extract", "--date", "2024-07-10", example.to_str().unwrap()],
        None,
    ))[0];
    check_document(doc);
    let entities = doc["entities"].as_array().unwrap();
    let named = |name: &str| {
        entities
            .iter()
            .filter(|e| e["name"] == name)
            .cloned()
            .collect::<Vec<_>>()
    };
    for person in [
        "Volodymyr Zelenskyy",
        "Joe Biden",
        "Jens Stoltenberg",
        "Donald Trump",
        "Vladimir Putin",
        "Jake Sullivan",
    ] {
        assert_eq!(named(person).len(), 1, "{person}");
    }
    assert!(
        named("Volodymr Zelenskyy").is_empty(),
        "the misspelling joins the right spelling"
    );
    assert!(doc["warnings"].as_array().unwrap().iter().any(
        |w| w["code"] == "name_variant" && w["message"].as_str().unwrap().contains("Volodymr")
    ));
    let us = &named("United States")[0];
    assert_eq!(us["kb"]["iso3166"], "US");
    assert_eq!(us["key"], "iso3166:US");
    let mention_entity = |text: &str, nth: usize| {
        let m = doc["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["text"] == text)
            .nth(nth)
            .unwrap_or_else(|| panic!("mention {text} #{nth}"));
        entities.iter().find(|e| e["id"] == m["entity"]).unwrap()["name"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(mention_entity("US", 0), "United States");
    assert_eq!(mention_entity("U.S.", 0), "United States");
    // "Washington is trying…", "Beijing's ambition", "that Kyiv has been seeking".
    let acting = |text: &str, country: &str| {
        let at = doc["text"].as_str().unwrap().find(text).unwrap();
        let chars = doc["text"].as_str().unwrap()[..at].chars().count() as u64;
        let m = doc["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["start"].as_u64() == Some(chars))
            .unwrap_or_else(|| panic!("no mention at {text}"));
        let e = entities.iter().find(|e| e["id"] == m["entity"]).unwrap();
        assert_eq!(e["name"], country, "{text}");
    };
    acting("Washington is trying", "United States");
    acting("Beijing's ambition", "China");
    acting("Kyiv has been desperately", "Ukraine");
    acting("Washington DC on Tuesday", "Washington DC"); // one place (#22)
    assert_eq!(
        mention_entity("Ukrainian", 0),
        "Ukraine",
        "demonyms link to their country"
    );
    let nato = &named("North Atlantic Treaty Organization")[0];
    assert!(nato["aliases"]
        .as_array()
        .unwrap()
        .contains(&Value::String("NATO".into())));
}

/// #7: one event per clause. A verb under another event's verb is part of
/// it ("threatened to ban" is a threat, not also a ban), except a gift
/// under a pledge, which stays the event with the pledge as its status.
/// "X said Y must …" is X's demand of Y; staging demonstrations is a protest.
#[test]
fn issue_7_a_complement_belongs_to_its_governing_event() {
    let text = "Israel threatened to ban voting in East Jerusalem. Germany pledged to send tanks to Ukraine. \
Russia said that Sudan must return a helicopter. Indonesian students staged mass demonstrations in Jakarta. \
Greece demanded that Turkey withdraw. Uganda threatened to expel Kenya. Arafat rejected a US offer to host a summit.";
    let doc = &docs(&run(&["extract", "-"], Some(text.as_bytes())))[0];
    check_document(doc);
    let events: Vec<(String, String, String)> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap().to_string(),
                e["trigger"]["text"].as_str().unwrap().to_string(),
                e["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let triggers: Vec<&str> = events.iter().map(|e| e.1.as_str()).collect();
    // "to host" only describes the offer.
    assert_eq!(
        triggers,
        [
            "threatened",
            "send",
            "return",
            "staged",
            "demanded",
            "threatened",
            "rejected"
        ],
        "{events:?}"
    );
    assert_eq!(events[0].0, "THREATEN");
    // A pledge is PLOVER's AGREE; the act pledged is AID.
    assert_eq!(
        (events[1].0.as_str(), events[1].2.as_str()),
        ("AGREE", "pledged")
    );
    assert_eq!(doc["events"][1]["act"], "AID");
    // An obligation in reported speech is the speaker's demand of the obliged.
    assert_eq!(events[2].0, "REQUEST");
    let request = &doc["events"][2];
    assert_eq!(actor_names(doc, request, "source"), ["Russia"]);
    assert_eq!(actor_names(doc, request, "target"), ["Sudan"]);
    assert_eq!(events[3].0, "PROTEST");
    // Those asked to act are a demand's target; a threat's complement gives its object.
    let targets = |k: usize| actor_names(doc, &doc["events"][k], "target");
    assert_eq!(targets(4), ["Turkey"]);
    assert_eq!(targets(5), ["Kenya"]);
}

/// #7 on the example: the aid commitments with donors, recipient and item,
/// and the conflicting contract figures.
#[test]
fn issue_7_example_commitments_and_conflict() {
    let example = root().join("examples/nato-summit-2024.txt");
    let doc = &docs(&run(
        &["extract", "--date", "2024-07-10", example.to_str().unwrap()],
        None,
    ))[0];
    check_document(doc);
    let aid: Vec<(Vec<String>, Vec<String>, String, String)> = event_rows(doc)
        .into_iter()
        .filter(|e| e.1 == "AID")
        .map(|e| (e.4, e.5, e.6, e.2))
        .collect();
    let has = |donors: &[&str], item: &str| {
        aid.iter().any(|(s, t, theme, status)| {
            donors.iter().all(|d| s.iter().any(|x| x == d))
                && t == &["Ukraine"]
                && theme.contains(item)
                && status == "pledged"
        })
    };
    assert!(
        has(
            &["United States", "Germany", "Romania"],
            "Patriot batteries"
        ),
        "{aid:#?}"
    );
    assert!(has(&["The Netherlands"], "Patriot components"), "{aid:#?}");
    assert!(has(&["Italy"], "SAMP-T"), "{aid:#?}");
    assert!(
        has(
            &["Canada", "Norway", "Spain", "United Kingdom"],
            "NASAMS, HAWKs, IRIS T-SLM, IRIS T-SLS and Gepards"
        ),
        "{aid:#?}"
    );
    assert!(has(&["United States"], "air-defense systems"), "{aid:#?}");
    let conflict = doc["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "conflicting_figures")
        .expect("conflict flagged");
    let covered: Vec<String> = conflict["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| span_text(doc, s))
        .collect();
    assert_eq!(covered, ["nearly $700 million", "nearly $700"]);
}

/// Curly apostrophes next to suffixes once sliced a character in two in
/// the event stage; every layer must survive odd typography.
#[test]
fn curly_apostrophes_survive_every_layer() {
    let text = "Trump’s ’s aide’s ‘quote’ ’’ing ’ed ’es. “He’s here,” she’d said. The U.S. sent ’em 5 ’tanks’.";
    let out = run(&["extract", "--layers", "all", "-"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    check_document(&docs(&out)[0]);
}

/// #8: ingest stores each document once; queries answer from the store.
#[test]
fn issue_8_ingest_is_idempotent_and_queries_answer() {
    let dir = scratch("ingest");
    let db = dir.join("d.db");
    let example = root().join("examples/nato-summit-2024.txt");
    let ingest = || {
        run(
            &[
                "ingest",
                "--db",
                db.to_str().unwrap(),
                "--date",
                "2024-07-10",
                example.to_str().unwrap(),
            ],
            None,
        )
    };
    // One transaction per document here; the second run uses the default batches.
    let first = run(
        &[
            "ingest",
            "--batch",
            "1",
            "--db",
            db.to_str().unwrap(),
            "--date",
            "2024-07-10",
            example.to_str().unwrap(),
        ],
        None,
    );
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("1 new document "),
        "{}",
        stderr(&first)
    );
    let second = ingest();
    assert!(
        stderr(&second).contains("0 new documents") && stderr(&second).contains("1 already stored"),
        "{}",
        stderr(&second)
    );
    let json = |args: &[&str]| -> Value {
        let mut all = args.to_vec();
        all.extend(["--db", db.to_str().unwrap(), "--json"]);
        let out = run(&all, None);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let commitments = json(&["commitments", "--recipient", "Ukraine", "--donor", "Italy"]);
    assert_eq!(commitments.as_array().unwrap().len(), 1, "{commitments:#}");
    assert!(commitments[0]["item"].as_str().unwrap().contains("SAMP-T"));
    assert!(commitments[0]["evidence"]
        .as_str()
        .unwrap()
        .starts_with("Additionally, Italy will provide"));
    let about = json(&["quotes", "--about", "NATO"]);
    assert!(
        about
            .as_array()
            .unwrap()
            .iter()
            .any(|q| q["text"].as_str().unwrap().contains("NATO")),
        "{about:#}"
    );
    let quotes = json(&["quotes", "--by", "Stoltenberg"]);
    assert!(quotes
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["text"].as_str().unwrap().starts_with("There is no way")));
    let conflicts = json(&["conflicts"]);
    assert!(conflicts
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["message"].as_str().unwrap().contains("$700 million")));
    let hits = json(&["search", "Patriot", "batteries"]);
    assert_eq!(hits.as_array().unwrap().len(), 1);
    let ukraine = json(&["entity", "Kyiv"]);
    assert_eq!(
        ukraine["key"], "iso3166:UA",
        "a capital's name finds its country"
    );
    let export = run(
        &["export", "--db", db.to_str().unwrap(), "--format", "csv"],
        None,
    );
    let csv = String::from_utf8(export.stdout).unwrap();
    assert!(csv.starts_with("document,url,published,event,type"));
    assert!(csv.lines().count() > 5);
}

/// #8: a query against a missing database says so, with no file created.
#[test]
fn queries_need_an_existing_database() {
    let db = scratch("nodb").join("missing.db");
    let out = run(&["quotes", "--db", db.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no database at"), "{}", stderr(&out));
    assert!(!db.exists());
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

/// #8: the server answers the API, guards writes with the token, keeps
/// article text as data, and serves its UI with no outside assets.
#[test]
fn issue_8_server_api_token_and_ui() {
    let dir = scratch("serve");
    let db = dir.join("s.db");
    let example = root().join("examples/nato-summit-2024.txt");
    assert!(run(
        &[
            "ingest",
            "--db",
            db.to_str().unwrap(),
            "--date",
            "2024-07-10",
            example.to_str().unwrap()
        ],
        None
    )
    .status
    .success());
    let server = Server::start(&db, &["--token", "t0ken"]);
    let addr = server.addr.clone();
    let get = |path: &str| {
        http(
            &addr,
            &format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
        )
    };
    let post = |path: &str, token: Option<&str>, body: &str| {
        let auth = token
            .map(|t| format!("Authorization: Bearer {t}\r\n"))
            .unwrap_or_default();
        http(&addr, &format!("POST {path} HTTP/1.1\r\nHost: localhost\r\n{auth}Content-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()))
    };
    let (status, page) = get("/");
    assert_eq!(status, 200);
    assert!(
        page.contains("content-security-policy: default-src 'self'"),
        "{page}"
    );
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "the UI loads nothing from outside"
    );
    let (status, body) = get("/api/commitments?donor=Italy&recipient=Ukraine");
    assert_eq!(status, 200);
    assert!(body.contains("SAMP-T"), "{body}");
    let (status, body) = get("/api/quotes?by=Joe%20Biden");
    assert!(
        status == 200 && body.contains("Our allies are looking"),
        "{body}"
    );
    assert_eq!(get("/openapi.json").0, 200);
    assert_eq!(get("/api/entity?name=Nobody%20At%20All").0, 404);
    let hostile = "Stoltenberg said <script>alert('x')</script> was in the article.";
    assert_eq!(
        post("/documents?from=text&date=2024-07-11", None, hostile).0,
        401
    );
    assert_eq!(
        post(
            "/documents?from=text&date=2024-07-11",
            Some("wrong"),
            hostile
        )
        .0,
        401
    );
    let (status, body) = post(
        "/documents?from=text&date=2024-07-11",
        Some("t0ken"),
        hostile,
    );
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"stored\":[\""), "{body}");
    let (_, again) = post(
        "/documents?from=text&date=2024-07-11",
        Some("t0ken"),
        hostile,
    );
    assert!(again.contains("\"already\":[\""), "{again}");
    // The article comes back as JSON data, its markup inside a string.
    let (_, hits) = get("/api/search?q=alert");
    assert!(
        hits.contains("application/json") && hits.contains("<script>"),
        "{hits}"
    );
    // A body over the limit is refused on its declared length, unread.
    let big = format!("POST /documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer t0ken\r\nContent-Length: {}\r\nConnection: close\r\n\r\naaaa", 11 << 20);
    assert_eq!(http(&addr, &big).0, 413);
}

/// #8 crash safety: an ingest killed with SIGKILL midway loses nothing it
/// committed, and running it again stores the rest exactly once.
#[test]
fn issue_8_killed_ingest_resumes_without_loss_or_duplicates() {
    // Enough documents that even a fast release build is still running
    // when the kill comes.
    const N: usize = 1000;
    let dir = scratch("kill");
    let db = dir.join("k.db");
    let input = dir.join("many.jsonl");
    let mut lines = String::new();
    for i in 0..N {
        lines.push_str(&format!("{{\"text\": \"Report {i}. Germany said on Monday it will send {i} tanks to Ukraine, officials said. \\\"We stand with Kyiv,\\\" the minister added.\", \"published\": \"2024-07-10\"}}\n"));
    }
    std::fs::write(&input, lines).unwrap();
    let args = [
        "ingest",
        "--threads",
        "1",
        "--db",
        db.to_str().unwrap(),
        input.to_str().unwrap(),
    ];
    let mut child = bin()
        .args(args)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill once two batches are committed, read as any other reader would.
    let committed = || {
        let conn =
            rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .ok()?;
        conn.query_row("SELECT count(*) FROM documents", [], |r| {
            r.get::<_, usize>(0)
        })
        .ok()
    };
    let started = std::time::Instant::now();
    while committed().unwrap_or(0) < 64 && started.elapsed().as_secs() < 120 {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let at_kill = committed().unwrap();
    assert!(
        (64..N).contains(&at_kill),
        "killed midway: {at_kill} committed"
    );
    let figures = |out: &Output| -> (usize, usize) {
        let e = stderr(out);
        let new = e
            .split(" new documents")
            .next()
            .and_then(|s| s.rsplit(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{e}"));
        let already = e
            .split(" already stored")
            .next()
            .and_then(|s| s.rsplit(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{e}"));
        (new, already)
    };
    let (new, already) = figures(&run(&args, None));
    assert_eq!(
        already, at_kill,
        "everything committed before the kill is kept"
    );
    assert!(new > 0);
    assert_eq!(new + already, N);
    assert_eq!(figures(&run(&args, None)), (0, N));
}

/// #8 and #26 in a real browser: `tests/browser/ui.mjs` drives every page in headless
/// Chromium. Ignored where the browser cannot run; `.ci/run` installs
/// Chromium and playwright-core and runs it with `--include-ignored`, so
/// there a missing tool is a failure, never a silent pass.
#[test]
#[ignore = "needs Chromium, Node.js and playwright-core (npm ci in tests/browser); .ci/run installs them and runs it"]
fn issue_8_web_ui_in_headless_chromium() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let driver = root().join("tests/browser/node_modules/playwright-core");
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        node && driver.exists() && std::path::Path::new(&chromium).exists(),
        "the browser test needs node, playwright-core ({}) and {chromium}",
        driver.display()
    );
    let dir = scratch("browser");
    let db = dir.join("b.db");
    let hostile = dir.join("hostile.txt");
    std::fs::write(
        &hostile,
        "Stoltenberg said <script>alert('x')</script> was in the article.\n",
    )
    .unwrap();
    let example = root().join("examples/nato-summit-2024.txt");
    let corpus = root().join("tests/browser/corpus/corpus.jsonl");
    for input in [example.as_path(), corpus.as_path(), hostile.as_path()] {
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
    let server = Server::start(&db, &[]);
    let base = format!("http://{}", server.addr);
    let out = Command::new("node")
        .arg(root().join("tests/browser/ui.mjs"))
        .arg(&base)
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap();
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{log}");
    eprintln!("{log}");
}

/// #9 on Apache Spark: `examples/spark/dossier_job.py` pipes a small
/// corpus (with two bad records) through the binary in local mode, writes
/// documents, events and errors as Parquet, and reads them back. Ignored
/// where Spark cannot run; `.ci/run` installs pyspark (Java 17 is on the
/// machine) and runs it with `--include-ignored`.
#[test]
#[ignore = "needs pyspark and a Java 17 runtime; .ci/run installs pyspark and runs it"]
fn issue_9_spark_job_in_local_mode() {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let pyspark = Command::new(&python)
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success());
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        pyspark && java,
        "the Spark test needs {python} with pyspark, and java"
    );
    let out_dir = scratch("spark");
    let out = Command::new(&python)
        .arg(root().join("examples/spark/dossier_job.py"))
        .args(["--dossier", env!("CARGO_BIN_EXE_dossier")])
        .arg(root().join("examples/spark/corpus.jsonl"))
        .arg(&out_dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: Value = serde_json::from_str(stdout.lines().last().unwrap_or_default())
        .expect("the job's summary line");
    assert_eq!(summary["documents"], 3, "{summary}");
    assert_eq!(
        summary["errors"], 2,
        "the bad line and the record without text: {summary}"
    );
    assert!(summary["events"].as_u64().unwrap() >= 10, "{summary}");
    assert_eq!(
        summary["titles"],
        serde_json::json!(["NATO summit live report"])
    );
    let aid = summary["aid"].as_array().unwrap();
    assert!(
        aid.iter().any(|a| a["document"] == "short-1"
            && a["source"] == serde_json::json!(["Germany"])
            && a["theme"].as_str().unwrap().contains("Patriot")),
        "Germany's Patriot pledge is a flat event row: {summary}"
    );
    for table in ["documents", "events", "errors"] {
        assert!(
            out_dir.join(table).join("_SUCCESS").exists(),
            "{table} written as Parquet"
        );
    }
}
