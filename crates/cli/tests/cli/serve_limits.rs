//! #29: no client can crash, stall or bloat `dossier serve`.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use super::*;

/// A store holding the example, for the server tests.
fn example_store(test: &str) -> PathBuf {
    let db = scratch(test).join("s.db");
    ingest_example(&db);
    db
}

fn get(addr: &str, path: &str) -> (u16, String) {
    http(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
    )
}

/// Connects with a read deadline, so a test never hangs on a stuck server.
fn connect(addr: &str) -> TcpStream {
    let s = TcpStream::connect(addr).expect("server reachable");
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s
}

/// What the server writes before it closes the connection (empty when it
/// closes without a word).
fn read_all(s: &mut TcpStream) -> String {
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn issue_29_serve_outlives_running_out_of_file_descriptors() {
    let db = example_store("nofile");
    // 64 descriptors: the server fits its connection limit under them, and
    // sheds idle clients rather than dying when accept() fails.
    let mut child = Command::new("sh")
        .args([
            "-c",
            &format!(
                "ulimit -n 64 && exec \"$0\" serve --db {} --addr 127.0.0.1:0",
                db.display()
            ),
            env!("CARGO_BIN_EXE_dossier"),
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stderr.take().unwrap()),
        &mut line,
    )
    .unwrap();
    let server = Server {
        addr: line.trim().rsplit("http://").next().unwrap().to_string(),
        child,
    };
    let idle: Vec<TcpStream> = (0..150)
        .filter_map(|_| TcpStream::connect(&server.addr).ok())
        .collect();
    for _ in 0..3 {
        let (status, body) = get(&server.addr, "/api/stats");
        assert_eq!(
            status,
            200,
            "answers others while {} idle clients are connected: {body}",
            idle.len()
        );
    }
    drop(idle);
    let mut server = server;
    assert!(
        server.child.try_wait().unwrap().is_none(),
        "the server is still running"
    );
}

#[test]
fn issue_29_serve_sheds_idle_connections_at_its_limit() {
    let db = example_store("shed");
    let server = Server::start(&db, &["--max-connections", "8"]);
    let idle: Vec<TcpStream> = (0..40).map(|_| connect(&server.addr)).collect();
    let (status, _) = get(&server.addr, "/api/stats");
    assert_eq!(status, 200);
    drop(idle);
}

#[test]
fn issue_29_serve_closes_a_client_that_sends_no_headers() {
    let db = example_store("slowloris");
    let server = Server::start(&db, &["--header-timeout", "1"]);
    let mut s = connect(&server.addr);
    s.write_all(b"GET /api/stats HTT").unwrap();
    let answer = read_all(&mut s);
    assert!(!answer.contains("200 OK"), "{answer}");
}

#[test]
fn issue_29_serve_times_out_a_slow_body_and_checks_the_token_first() {
    let db = example_store("slowbody");
    let server = Server::start(&db, &["--token", "t0ken", "--body-timeout", "1"]);
    // No token: refused on the headers alone, before a byte of the body.
    let mut s = connect(&server.addr);
    s.write_all(b"POST /documents HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5000000\r\n\r\n")
        .unwrap();
    assert!(read_all(&mut s).starts_with("HTTP/1.1 401"));
    // A body that never finishes arriving.
    let mut s = connect(&server.addr);
    s.write_all(b"POST /documents?from=text HTTP/1.1\r\nHost: localhost\r\nauthorization: bearer t0ken\r\nContent-Length: 100\r\n\r\nonly ten..").unwrap();
    assert!(read_all(&mut s).starts_with("HTTP/1.1 408"));
    // The scheme is case-insensitive.
    let body = "Stoltenberg said the alliance is ready.";
    let request = format!("POST /documents?from=text HTTP/1.1\r\nHost: localhost\r\nAuthorization: BEARER t0ken\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
    let (status, answer) = http(&server.addr, &request);
    assert_eq!(status, 200, "{answer}");
    // A declared body over the limit is refused before it is read.
    let mut s = connect(&server.addr);
    s.write_all(b"POST /documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer t0ken\r\nContent-Length: 999999999999\r\n\r\n").unwrap();
    assert!(read_all(&mut s).starts_with("HTTP/1.1 413"));
}

#[test]
fn issue_29_serve_answers_loopback_names_only_and_is_never_framed() {
    let db = example_store("hosts");
    let server = Server::start(&db, &[]);
    let with_host = |host: &str| {
        http(
            &server.addr,
            &format!("GET /api/stats HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        )
    };
    let (status, answer) = with_host("evil.example:8080");
    assert_eq!(status, 421, "a rebound name is refused: {answer}");
    for host in ["localhost", "127.0.0.1:8080", "[::1]:8080", &server.addr] {
        let (status, answer) = with_host(host);
        assert_eq!(status, 200, "{host}: {answer}");
        let answer = answer.to_ascii_lowercase();
        assert!(
            answer.contains("x-content-type-options: nosniff"),
            "{answer}"
        );
        assert!(answer.contains("frame-ancestors 'none'"), "{answer}");
    }
    let named = Server::start(&db, &["--allow-host", "dossier.example"]);
    assert_eq!(
        http(
            &named.addr,
            "GET /api/stats HTTP/1.1\r\nHost: dossier.example\r\nConnection: close\r\n\r\n"
        )
        .0,
        200
    );
}

#[test]
fn issue_29_serve_control_characters_are_no_server_error_and_limits_are_checked() {
    let db = example_store("nul");
    let server = Server::start(&db, &["--max-rows", "3"]);
    for path in [
        "/api/search?q=%00",
        "/api/quotes?about=%00",
        "/api/search?q=%22%00%22",
        "/api/events?source=%00",
    ] {
        let (status, answer) = get(&server.addr, path);
        assert_eq!(status, 200, "{path}: {answer}");
    }
    assert_eq!(get(&server.addr, "/api/search?q=nato&limit=abc").0, 400);
    let (status, answer) = get(&server.addr, "/api/export?limit=100000");
    assert_eq!(status, 200);
    let body: Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert_eq!(
        body.as_array().map(Vec::len),
        Some(3),
        "an export page holds --max-rows rows at most"
    );
}

/// #29: a long document (about 200 KB, so analysed in sections) comes out
/// as one valid document whose links hold, with one entity per person.
#[test]
fn issue_29_a_long_document_is_analysed_in_sections() {
    let dir = scratch("long");
    let example = std::fs::read_to_string(root().join("examples/nato-summit-2024.txt")).unwrap();
    let path = dir.join("long.txt");
    std::fs::write(&path, format!("{example}\n").repeat(30)).unwrap();
    let out = run(
        &[
            "extract",
            "--threads",
            "1",
            "--date",
            "2024-07-10",
            "--layers",
            "all",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = docs(&out);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    check_document(doc);
    let bidens = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["name"].as_str().is_some_and(|n| n.contains("Biden")))
        .count();
    assert_eq!(bidens, 1, "one Biden across the sections");
    let sentences = doc["sentences"].as_array().unwrap().len();
    for e in doc["events"].as_array().unwrap() {
        assert!(
            e["sentence"]
                .as_u64()
                .is_some_and(|s| (s as usize) < sentences)
                || e["sentence"].is_string(),
            "{e}"
        );
    }
}
