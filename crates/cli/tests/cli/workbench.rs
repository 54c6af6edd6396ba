//! #26: the query commands as a daily tool: paging with a true total,
//! options checked with clear messages, the search syntax, full cells in a
//! pipe, and a quiet end when the reader closes the pipe.

use super::*;

/// A store with the NATO example and two small articles, built once per test.
fn store(test: &str) -> String {
    let dir = scratch(test);
    let db = dir.join("w.db").display().to_string();
    let example = root()
        .join("examples/nato-summit-2024.txt")
        .display()
        .to_string();
    let a = dir.join("a.txt");
    std::fs::write(&a, "Drone Strikes Hit Kharkiv\n\nRussian drones struck Kharkiv on Monday, Ukrainian officials said. Air defence units shot down most of the zorblat missiles.\n").unwrap();
    let b = dir.join("b.txt");
    std::fs::write(&b, "Talks In Geneva\n\nDiplomats met in Geneva on Tuesday to discuss a ceasefire. No zorblat missiles were mentioned.\n").unwrap();
    let out = run(
        &[
            "ingest",
            "--db",
            &db,
            "--date",
            "2024-07-10",
            &example,
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("3 new documents"), "{}", stderr(&out));
    db
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn titles(db: &str, query: &str) -> Vec<String> {
    let out = run(&["search", "--db", db, "--json", query], None);
    assert!(out.status.success(), "{query}: {}", stderr(&out));
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut t: Vec<String> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap_or("").to_string())
        .collect();
    t.sort();
    t
}

#[test]
fn pages_show_their_true_total() {
    let db = store("workbench-paging");
    let all = run(&["events", "--db", &db, "--json", "--limit", "1000"], None);
    let total = serde_json::from_slice::<Value>(&all.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .len();
    assert!(total > 5, "the example has events");
    let first = run(&["events", "--db", &db, "--limit", "2"], None);
    let text = stdout(&first);
    assert!(
        text.trim_end()
            .ends_with(&format!("(rows 1–2 of {total}; --offset 2 for the next 2)")),
        "{text}"
    );
    let second = run(
        &[
            "events", "--db", &db, "--json", "--limit", "2", "--offset", "2",
        ],
        None,
    );
    assert!(
        stderr(&second).contains(&format!("rows 3–4 of {total}")),
        "{}",
        stderr(&second)
    );
    let rows: Value = serde_json::from_slice(&second.stdout).unwrap();
    let everything: Value = serde_json::from_slice(&all.stdout).unwrap();
    assert_eq!(rows[0], everything[2], "the offset skips exactly");
}

#[test]
fn bad_options_are_refused_with_what_is_expected() {
    let db = store("workbench-options");
    for (args, expected) in [
        (vec!["events", "--type", "attack"], "ASSAULT"),
        (vec!["events", "--since", "notadate"], "YYYY-MM-DD"),
        (vec!["quotes", "--until", "2024-13-40"], "YYYY-MM-DD"),
        (vec!["events", "--status", "maybe"], "pledged"),
        (vec!["events", "--limit", "abc"], "abc"),
        (vec!["commitments", "--limit", "0"], "limit"),
        (vec!["search", "OR", "missiles"], "needs a word before it"),
        (vec!["search", "(group", "missiles"], "never closed"),
    ] {
        let mut all = args.clone();
        all.extend(["--db", &db]);
        let out = run(&all, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(expected),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    }
    // The example's aid is pledged: PLOVER's AGREE (#24).
    let ok = run(
        &[
            "events",
            "--db",
            &db,
            "--type",
            "agree",
            "--since",
            "2024-01-01",
        ],
        None,
    );
    assert!(
        ok.status.success() && stdout(&ok).contains("AGREE"),
        "{}",
        stderr(&ok)
    );
}

#[test]
fn search_reads_phrases_or_not_prefixes_and_title() {
    let db = store("workbench-search");
    let kharkiv = "Drone Strikes Hit Kharkiv";
    let geneva = "Talks In Geneva";
    assert_eq!(titles(&db, "zorblat"), [kharkiv, geneva]);
    assert_eq!(titles(&db, "\"air defence units\""), [kharkiv]);
    assert_eq!(titles(&db, "kharkiv OR geneva"), [kharkiv, geneva]);
    assert_eq!(titles(&db, "zorblat NOT geneva"), [kharkiv]);
    assert_eq!(titles(&db, "zorblat -kharkiv"), [geneva]);
    assert_eq!(titles(&db, "genev*"), [geneva]);
    assert_eq!(titles(&db, "title:talks"), [geneva]);
    assert!(
        titles(&db, "title:missiles").is_empty(),
        "title: looks in titles only"
    );
    // Punctuation that is FTS5 syntax is only text here.
    assert!(
        run(&["search", "--db", &db, "NEAR(\"a\" ^b) :*"], None)
            .status
            .code()
            != Some(101)
    );
}

#[test]
fn search_filters_by_date_outlet_and_entity() {
    let db = store("workbench-search-filters");
    assert_eq!(titles(&db, "zorblat").len(), 2);
    let filtered = |extra: &[&str]| {
        let mut args = vec!["search", "--db", &db, "--json"];
        args.extend(extra);
        args.push("zorblat");
        let out = run(&args, None);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice::<Value>(&out.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(filtered(&["--since", "2024-07-11"]), 0);
    assert_eq!(filtered(&["--until", "2024-07-10"]), 2);
    assert_eq!(filtered(&["--entity", "Kharkiv"]), 1);
    assert_eq!(filtered(&["--outlet", "example.com"]), 0);
}

#[test]
fn a_pipe_gets_full_cells_and_a_closed_pipe_ends_quietly() {
    let db = store("workbench-pipe");
    let out = run(&["conflicts", "--db", &db], None);
    let text = stdout(&out);
    assert!(
        !text.contains('…') && text.contains("$700 million"),
        "full cells in a pipe:\n{text}"
    );
    // A reader that stops after one line (as `| head -1` does).
    let mut child = bin()
        .args(["export", "--db", &db, "--what", "events", "--format", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::BufRead;
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("Broken pipe"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_option_has_help() {
    for command in [
        "search",
        "entity",
        "entities",
        "stories",
        "story",
        "quotes",
        "events",
        "commitments",
        "conflicts",
        "export",
        "ingest",
        "serve",
        "extract",
    ] {
        let out = run(&[command, "--help"], None);
        let help = stdout(&out);
        let lines: Vec<&str> = help.lines().collect();
        let mut in_options = false;
        for (i, line) in lines.iter().enumerate() {
            if line.starts_with("Options:") || line.starts_with("Arguments:") {
                in_options = true;
                continue;
            }
            let option = line.trim_start();
            if in_options
                && (option.starts_with('-') || option.starts_with('[') || option.starts_with('<'))
            {
                // Help follows on the same line, or (when clap wraps) on the next.
                let same_line = option
                    .split_once("  ")
                    .is_some_and(|(_, h)| !h.trim().is_empty());
                let next = lines.get(i + 1).map(|l| l.trim_start()).unwrap_or("");
                let next_line = !next.is_empty()
                    && !next.starts_with('-')
                    && lines[i + 1].starts_with("          ");
                assert!(
                    same_line || next_line,
                    "`dossier {command}`: no help for `{option}`"
                );
            }
        }
    }
}

#[test]
fn exports_carry_provenance_on_every_row() {
    let db = store("workbench-export");
    for what in ["events", "quotes", "entities", "commitments", "conflicts"] {
        let out = run(
            &["export", "--db", &db, "--what", what, "--format", "jsonl"],
            None,
        );
        assert!(out.status.success(), "{what}: {}", stderr(&out));
        let rows = lines(&out);
        assert!(!rows.is_empty(), "{what} exports rows");
        for key in ["title", "url", "publisher", "published"] {
            assert!(
                rows.iter().all(|r| r.get(key).is_some()),
                "{what}: every row has `{key}`"
            );
        }
        assert!(
            rows.iter().any(|r| r["published"] == "2024-07-10"),
            "{what}"
        );
        let csv = run(
            &["export", "--db", &db, "--what", what, "--format", "csv"],
            None,
        );
        let header = String::from_utf8_lossy(&csv.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_string();
        assert!(
            header.contains("title")
                && header.contains("url")
                && header.contains("publisher")
                && header.contains("published"),
            "{what}: {header}"
        );
    }
    let stories = lines(&run(
        &[
            "export", "--db", &db, "--what", "stories", "--format", "jsonl",
        ],
        None,
    ));
    assert_eq!(stories.len(), 3, "three unrelated documents, three stories");
    assert!(stories
        .iter()
        .all(|s| s["articles"] == 1 && s["documents"].as_array().is_some_and(|d| d.len() == 1)));
    let bad = run(&["export", "--db", &db, "--what", "everything"], None);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("events, quotes, entities"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn the_api_pages_and_checks_its_parameters() {
    let db = store("workbench-api");
    let server = Server::start(Path::new(&db), &[]);
    let get = |path: &str| {
        http(
            &server.addr,
            &format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
        )
    };
    let body = |text: &str| -> Value {
        serde_json::from_str(text.split("\r\n\r\n").nth(1).unwrap_or("")).unwrap_or(Value::Null)
    };
    let (status, text) = get("/api/events?limit=2&offset=1");
    assert_eq!(status, 200, "{text}");
    let page = body(&text);
    assert!(
        page["total"].as_u64().unwrap() > 3
            && page["offset"] == 1
            && page["rows"].as_array().unwrap().len() == 2,
        "{page}"
    );
    for (path, expected) in [
        ("/api/events?type=attack", "ASSAULT"),
        ("/api/events?since=notadate", "YYYY-MM-DD"),
        ("/api/quotes?limit=abc", "whole number"),
        ("/api/events?offset=-1", "whole number"),
        ("/api/events?sort=sideways", "oldest"),
        ("/api/events?min_confidence=2", "from 0 to 1"),
        ("/api/search?q=OR%20nato", "needs a word"),
    ] {
        let (status, text) = get(path);
        assert_eq!(status, 400, "{path}: {text}");
        assert!(text.contains(expected), "{path}: {text}");
    }
    let (_, text) = get("/api/search?q=%22air%20defence%20units%22");
    let hits = body(&text);
    assert_eq!(hits["total"], 1, "{hits}");
    let h = &hits["rows"][0];
    let snippet: Vec<char> = h["snippet"].as_str().unwrap().chars().collect();
    let (a, b) = (
        h["highlights"][0][0].as_u64().unwrap() as usize,
        h["highlights"][0][1].as_u64().unwrap() as usize,
    );
    assert_eq!(
        snippet[a..b].iter().collect::<String>().to_lowercase(),
        "air defence units",
        "highlights are code-point ranges into the plain snippet"
    );
}
