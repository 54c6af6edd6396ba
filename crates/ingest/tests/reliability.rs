//! Regression tests for the reliability audit (#29): hostile or odd inputs
//! that made the readers hang, loop or drop data silently. Each builds its
//! input, runs the reader and checks the result is sane and the work
//! bounded (by structure, as timing asserts would be flaky).

use std::io::Cursor;

use dossier_core::{Document, Source, SourceFormat};
use dossier_ingest::html::{html_document, slim_html, MAX_ATTRIBUTES, MAX_DEPTH};
use dossier_ingest::{open_reader, Error, Format, ReadOptions};

fn html_source() -> Source {
    Source {
        uri: None,
        format: SourceFormat::Html,
        record: None,
    }
}

/// Deepest element nesting in slimmed HTML, where every element but the
/// void ones has an explicit end tag (a title's text and whatever follows
/// `<plaintext>` are text).
fn nesting_depth(html: &str) -> usize {
    const VOID: &[&str] = &[
        "br", "img", "hr", "meta", "link", "input", "source", "area", "base", "col", "embed",
        "param", "track", "wbr",
    ];
    let html = html.split("<plaintext>").next().unwrap_or_default();
    let (mut depth, mut deepest, mut in_title) = (0usize, 0usize, false);
    for tag in html.split('<').skip(1) {
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if in_title && !(closing && name == "title")
            || name.is_empty()
            || VOID.contains(&name.as_str())
        {
            continue;
        }
        in_title = name == "title" && !closing;
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Slims and extracts `html` as a page and as a feed fragment; checks the
/// parser never sees more than `MAX_DEPTH` levels and `marker` survives.
fn assert_bounded_and_kept(html: &str, marker: &str) -> String {
    let slim = slim_html(html);
    assert!(
        nesting_depth(&slim) <= MAX_DEPTH,
        "slimmed HTML nests {} deep",
        nesting_depth(&slim)
    );
    for fragment in [false, true] {
        let doc = html_document(html, html_source(), fragment).expect("an article");
        assert!(
            doc.text().contains(marker),
            "lost {marker:?} (fragment: {fragment})"
        );
    }
    slim
}

// 1. Quadratic HTML

#[test]
fn stray_end_tags_are_linear() {
    let html = format!(
        "<html><body>{}<p>The article.</p></body></html>",
        "<div></xyz>".repeat(20_000)
    );
    let slim = assert_bounded_and_kept(&html, "The article.");
    assert!(!slim.contains("</xyz>"), "stray end tags reach the parser");
}

#[test]
fn nested_divs_are_capped() {
    let html = format!(
        "<html><body>{}Deep text.</body></html>",
        "<div>".repeat(19_999)
    );
    let slim = assert_bounded_and_kept(&html, "Deep text.");
    assert_eq!(
        slim.matches("<div>").count(),
        MAX_DEPTH - 2,
        "html and body are open too"
    );
}

#[test]
fn script_tag_prefixes_are_scanned_once() {
    // One giant `<script` tag whose last attribute makes it JSON-LD.
    let html = format!("{}<script type=\"application/ld+json\">{{\"headline\": \"H\"}}</script><p>The article.</p>", "<script ".repeat(200_000));
    let slim = slim_html(&html);
    assert_eq!(
        slim,
        "<script type=\"application/ld+json\">{\"headline\": \"H\"}</script><p>The article.</p>"
    );
    assert_bounded_and_kept(&html, "The article.");
}

#[test]
fn nested_tables_are_capped() {
    let html = format!(
        "<html><body>{}<p>The article.</p></body></html>",
        "<table><tr><td>cell ".repeat(5_000)
    );
    assert_bounded_and_kept(&html, "The article.");
}

#[test]
fn nested_formatting_is_capped() {
    let html = format!(
        "<html><body>{}<p>The article.</p></body></html>",
        "<b>bold <p><i>".repeat(10_000)
    );
    assert_bounded_and_kept(&html, "The article.");
}

#[test]
fn attributes_per_tag_are_capped() {
    let spaced = (0..50_000).map(|i| format!(" a{i}=1")).collect::<String>();
    let unspaced = (0..50_000)
        .map(|i| format!("a{i}=\"1\""))
        .collect::<String>();
    for attributes in [spaced, unspaced] {
        let html = format!("<html><body><p {attributes}>The article.</p></body></html>");
        let slim = assert_bounded_and_kept(&html, "The article.");
        assert_eq!(slim.matches("=").count(), MAX_ATTRIBUTES);
    }
}

#[test]
fn tag_soup_stays_within_the_depth_cap() {
    const PIECES: &[&str] = &[
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<a href=x>",
        "</a>",
        "<li>",
        "<ul>",
        "</ul>",
        "<table>",
        "<tr>",
        "<td>",
        "</td>",
        "</table>",
        "<span>",
        "</span>",
        "</xyz>",
        "<title>",
        "</title>",
        "<script>",
        "</script>",
        "<svg>",
        "</svg>",
        "<select>",
        "<!--",
        "-->",
        "<h2>",
        "</h1>",
        "<br>",
        "</br>",
        "<img src='a>b'>",
        "<x y=\"",
        "\">",
        "text ",
        "é ",
        "<",
        ">",
        "<!doctype html>",
        "<plaintext>",
        "<dd>",
        "<dt>",
        "<option>",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..300 {
        let len = 1 + next() % 3000;
        let html: String = (0..len)
            .map(|_| PIECES[next() as usize % PIECES.len()])
            .collect();
        let slim = slim_html(&html);
        assert!(nesting_depth(&slim) <= MAX_DEPTH, "{html}");
        let _ = html_document(&html, html_source(), false);
    }
}

// 2. Symbolic link loops

/// A fresh directory under the system's temporary directory.
fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("dossier-reliability-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("creating a scratch directory");
    dir
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_walked_once() {
    use std::os::unix::fs::symlink;
    let dir = scratch_dir("symlinks");
    std::fs::write(dir.join("a.txt"), "First article.").unwrap();
    std::fs::write(dir.join("b.txt"), "Second article.").unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    symlink(&dir, dir.join("loop1")).unwrap();
    symlink(&dir, dir.join("loop2")).unwrap();
    symlink(&dir, dir.join("sub").join("up")).unwrap();
    symlink(dir.join("a.txt"), dir.join("alias.txt")).unwrap();
    let inputs = dossier_ingest::expand_inputs(&[dir.display().to_string()]);
    let files: Vec<String> = inputs
        .iter()
        .map(|i| i.as_ref().expect("a file").name())
        .collect();
    assert_eq!(
        files,
        [
            dir.join("a.txt").display().to_string(),
            dir.join("b.txt").display().to_string()
        ]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

// 3. Smaller ones

/// Every record of `bytes` read as a document, or the error of its framing
/// or decoding.
fn read_all(bytes: &[u8], format: Option<Format>) -> Vec<Result<Document, Error>> {
    let options = ReadOptions {
        format,
        max_bytes: 1 << 20,
    };
    match open_reader(
        Box::new(Cursor::new(bytes.to_vec())),
        "input",
        None,
        &options,
    ) {
        Ok(records) => records.map(|r| r.and_then(|r| r.into_document())).collect(),
        Err(e) => vec![Err(e)],
    }
}

/// Documents as their text, failures as `CODE@RECORD`.
fn outcomes(bytes: &[u8], format: Option<Format>) -> Vec<String> {
    read_all(bytes, format)
        .into_iter()
        .map(|r| match r {
            Ok(doc) => doc.text().trim().to_string(),
            Err(e) => format!("{}@{}", e.kind.code(), e.record.unwrap_or_default()),
        })
        .collect()
}

#[test]
fn jsonl_bom_is_skipped() {
    let jsonl = b"\xef\xbb\xbf{\"text\": \"First.\"}\n{\"text\": \"Second.\"}\n";
    assert_eq!(outcomes(jsonl, None), ["First.", "Second."]);
    assert_eq!(outcomes(jsonl, Some(Format::Jsonl)), ["First.", "Second."]);
}

#[test]
fn leading_blank_lines_beyond_the_peek_are_skipped() {
    let jsonl = format!(
        "{}{{\"text\": \"First.\"}}\nnot json\n",
        "\n".repeat(10_000)
    );
    assert_eq!(
        outcomes(jsonl.as_bytes(), None),
        ["First.", "E106@line 10002"]
    );
    let text = format!("{}The NATO summit opened.\n", " \r\n".repeat(5_000));
    let docs = read_all(text.as_bytes(), None);
    let doc = docs[0].as_ref().expect("a text document");
    assert_eq!(doc.text(), text, "plain text keeps every byte");
    assert_eq!(outcomes(" \n".repeat(5_000).as_bytes(), None), ["E103@"]);
}

#[test]
fn record_labels_name_line_record_and_item() {
    let jsonl = b"{\"text\": \"Fine.\"}\nnot json\n{\"text\": \"   \"}\n{\"title\": \"no text\"}\n";
    assert_eq!(
        outcomes(jsonl, None),
        ["Fine.", "E106@line 2", "E103@line 3", "E107@line 4"]
    );

    let rss = b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><guid>urn:x:1</guid><description>   </description></item><item><description>&lt;p&gt;Fine.&lt;/p&gt;</description></item></channel></rss>";
    assert_eq!(outcomes(rss, None), ["E111@item 1", "Fine."]);

    let warc = [
        warc_record("warcinfo", "", "software: test"),
        warc_record("response", "", &http("<p>Fine.</p>")),
        "WARC/1.0\r\nWARC-Type: response\r\n\r\n".to_string(),
        warc_record("response", "", &http("<p> </p>")),
    ]
    .concat();
    assert_eq!(
        outcomes(warc.as_bytes(), None),
        ["Fine.", "E109@record 3", "E111@record 4"]
    );
}

fn http(html: &str) -> String {
    format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>{html}</body></html>")
}

/// A WARC record; `length` overrides the true Content-Length when not empty.
fn warc_record(kind: &str, length: &str, block: &str) -> String {
    let length = if length.is_empty() {
        block.len().to_string()
    } else {
        length.to_string()
    };
    let content_type = if kind == "warcinfo" {
        "application/warc-fields"
    } else {
        "application/http; msgtype=response"
    };
    format!("WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}>\r\nWARC-Target-URI: http://x.example/\r\nContent-Type: {content_type}\r\nContent-Length: {length}\r\n\r\n{block}\r\n\r\n")
}

#[test]
fn atom_feed_without_items_is_an_error() {
    let atom = b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atomic\"><title>t</title><entry><id>urn:x:1</id><title>A</title><content type=\"html\">&lt;p&gt;Body.&lt;/p&gt;</content></entry></feed>";
    assert_eq!(outcomes(atom, Some(Format::Atom)), ["E108@"]);
    assert_eq!(outcomes(atom, None), ["E108@"]);
    let empty_rss =
        b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>";
    assert_eq!(outcomes(empty_rss, None), ["E108@"]);
}

#[test]
fn warc_bogus_content_length_resumes_at_the_next_record() {
    let good = warc_record("response", "", &http("<p>Before.</p>"));
    let after = warc_record("response", "", &http("<p>After.</p>"));
    for (kind, length) in [
        ("response", "1000000000000000"),
        ("request", "1000000000000000"),
        ("response", "5000"),
    ] {
        let bad = warc_record(kind, length, &http("<p>Lost.</p>"));
        let warc = [good.as_str(), &bad, &after].concat();
        assert_eq!(
            outcomes(warc.as_bytes(), None),
            ["Before.", "E109@record 2", "After."],
            "{kind} {length}"
        );
    }
    // A run of them: each is reported once and the archive is not rescanned per record.
    let bogus = warc_record("response", "1000000000000000", &http("<p>Lost.</p>"));
    let warc = [
        good.as_str(),
        &[bogus.as_str(), &after].concat().repeat(500),
    ]
    .concat();
    let got = outcomes(warc.as_bytes(), None);
    assert_eq!(got.len(), 1001);
    assert_eq!(
        got.iter().filter(|o| *o == "After.").count(),
        500,
        "{:?}",
        &got[..6]
    );
    assert!(
        got[1..]
            .iter()
            .step_by(2)
            .all(|o| o.starts_with("E109@record ")),
        "{:?}",
        &got[..6]
    );
    // Nothing to resume at: the cut is reported.
    let warc = [
        good.as_str(),
        &warc_record("response", "1000000000000000", &http("<p>Lost.</p>")),
    ]
    .concat();
    assert_eq!(
        outcomes(warc.as_bytes(), None),
        ["Before.", "E110@record 2"]
    );
}

#[test]
fn jsonl_bad_published_is_dropped_with_a_warning() {
    let jsonl = b"{\"text\": \"A.\", \"published\": \"garbage\"}\n{\"text\": \"B.\", \"published\": \"2024-02-30\"}\n{\"text\": \"C.\", \"published\": \"2024-07-10T14:30:00+02:00\"}\n{\"text\": \"D.\", \"published\": \"2024-07-10\"}\n";
    let docs: Vec<Document> = read_all(jsonl, None)
        .into_iter()
        .map(|d| d.expect("a document"))
        .collect();
    let published: Vec<Option<&str>> = docs.iter().map(|d| d.published.as_deref()).collect();
    assert_eq!(
        published,
        [
            None,
            None,
            Some("2024-07-10T14:30:00+02:00"),
            Some("2024-07-10")
        ]
    );
    let warned: Vec<bool> = docs
        .iter()
        .map(|d| d.warnings.iter().any(|w| w.code == "bad_date"))
        .collect();
    assert_eq!(warned, [true, true, false, false]);
}

#[test]
fn utf16_without_bom_is_read_as_text() {
    let text = "The NATO summit opened in Washington. Café.\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for bytes in [le, be] {
        for format in [None, Some(Format::Text)] {
            let docs = read_all(&bytes, format);
            assert_eq!(docs.len(), 1);
            assert_eq!(docs[0].as_ref().expect("a text document").text(), text);
        }
    }
    // Binary data is still refused.
    assert_eq!(
        outcomes(
            &[0u8, 1, 2, 3, 0, 0, 7, 0, 9, 0, 0, 0, 200, 0, 0, 1],
            Some(Format::Text)
        ),
        ["E104@"]
    );
}
