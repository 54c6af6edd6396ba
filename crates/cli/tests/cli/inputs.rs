//! Reading: every input format (text, HTML, feeds, JSON Lines, WARC, gzip), bad inputs that fail
//! alone with one clear line, code-point offsets, blocks and sentences, ids and output order.

use super::*;

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

/// Curly apostrophes next to suffixes once sliced a character in two in
/// the event stage; every layer must survive odd typography.
#[test]
fn curly_apostrophes_survive_every_layer() {
    let text = "Trump’s ’s aide’s ‘quote’ ’’ing ’ed ’es. “He’s here,” she’d said. The U.S. sent ’em 5 ’tanks’.";
    let out = run(&["extract", "--layers", "all", "-"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    check_document(&docs(&out)[0]);
}
