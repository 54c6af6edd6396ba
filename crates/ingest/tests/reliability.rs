//! Regression tests for the reliability audit (#29): hostile or odd inputs
//! that made the readers hang, loop or drop data silently. Each builds its
//! input, runs the reader and checks the result is sane and the work
//! bounded (by structure, as timing asserts would be flaky).

use dossier_core::{Source, SourceFormat};
use dossier_ingest::html::{html_document, slim_html, MAX_ATTRIBUTES, MAX_DEPTH};

fn html_source() -> Source {
    Source { uri: None, format: SourceFormat::Html, record: None }
}

/// Deepest element nesting in slimmed HTML, where every element but the
/// void ones has an explicit end tag (a title's text and whatever follows
/// `<plaintext>` are text).
fn nesting_depth(html: &str) -> usize {
    const VOID: &[&str] = &["br", "img", "hr", "meta", "link", "input", "source", "area", "base", "col", "embed", "param", "track", "wbr"];
    let html = html.split("<plaintext>").next().unwrap_or_default();
    let (mut depth, mut deepest, mut in_title) = (0usize, 0usize, false);
    for tag in html.split('<').skip(1) {
        let closing = tag.starts_with('/');
        let name = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
        if in_title && !(closing && name == "title") || name.is_empty() || VOID.contains(&name.as_str()) {
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
    assert!(nesting_depth(&slim) <= MAX_DEPTH, "slimmed HTML nests {} deep", nesting_depth(&slim));
    for fragment in [false, true] {
        let doc = html_document(html, html_source(), fragment).expect("an article");
        assert!(doc.text().contains(marker), "lost {marker:?} (fragment: {fragment})");
    }
    slim
}

// 1. Quadratic HTML

#[test]
fn stray_end_tags_are_linear() {
    let html = format!("<html><body>{}<p>The article.</p></body></html>", "<div></xyz>".repeat(20_000));
    let slim = assert_bounded_and_kept(&html, "The article.");
    assert!(!slim.contains("</xyz>"), "stray end tags reach the parser");
}

#[test]
fn nested_divs_are_capped() {
    let html = format!("<html><body>{}Deep text.</body></html>", "<div>".repeat(19_999));
    let slim = assert_bounded_and_kept(&html, "Deep text.");
    assert_eq!(slim.matches("<div>").count(), MAX_DEPTH - 2, "html and body are open too");
}

#[test]
fn script_tag_prefixes_are_scanned_once() {
    // One giant `<script` tag whose last attribute makes it JSON-LD.
    let html = format!("{}<script type=\"application/ld+json\">{{\"headline\": \"H\"}}</script><p>The article.</p>", "<script ".repeat(200_000));
    let slim = slim_html(&html);
    assert_eq!(slim, "<script type=\"application/ld+json\">{\"headline\": \"H\"}</script><p>The article.</p>");
    assert_bounded_and_kept(&html, "The article.");
}

#[test]
fn nested_tables_are_capped() {
    let html = format!("<html><body>{}<p>The article.</p></body></html>", "<table><tr><td>cell ".repeat(5_000));
    assert_bounded_and_kept(&html, "The article.");
}

#[test]
fn nested_formatting_is_capped() {
    let html = format!("<html><body>{}<p>The article.</p></body></html>", "<b>bold <p><i>".repeat(10_000));
    assert_bounded_and_kept(&html, "The article.");
}

#[test]
fn attributes_per_tag_are_capped() {
    let spaced = (0..50_000).map(|i| format!(" a{i}=1")).collect::<String>();
    let unspaced = (0..50_000).map(|i| format!("a{i}=\"1\"")).collect::<String>();
    for attributes in [spaced, unspaced] {
        let html = format!("<html><body><p {attributes}>The article.</p></body></html>");
        let slim = assert_bounded_and_kept(&html, "The article.");
        assert_eq!(slim.matches("=").count(), MAX_ATTRIBUTES);
    }
}

#[test]
fn tag_soup_stays_within_the_depth_cap() {
    const PIECES: &[&str] = &[
        "<div>", "</div>", "<p>", "</p>", "<b>", "</b>", "<a href=x>", "</a>", "<li>", "<ul>", "</ul>", "<table>", "<tr>", "<td>", "</td>", "</table>",
        "<span>", "</span>", "</xyz>", "<title>", "</title>", "<script>", "</script>", "<svg>", "</svg>", "<select>", "<!--", "-->", "<h2>", "</h1>",
        "<br>", "</br>", "<img src='a>b'>", "<x y=\"", "\">", "text ", "é ", "<", ">", "<!doctype html>", "<plaintext>", "<dd>", "<dt>", "<option>",
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
        let html: String = (0..len).map(|_| PIECES[next() as usize % PIECES.len()]).collect();
        let slim = slim_html(&html);
        assert!(nesting_depth(&slim) <= MAX_DEPTH, "{html}");
        let _ = html_document(&html, html_source(), false);
    }
}

// 2. Symbolic link loops

/// A fresh directory under the system's temporary directory.
fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-reliability-{}-{name}", std::process::id()));
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
    let files: Vec<String> = inputs.iter().map(|i| i.as_ref().expect("a file").name()).collect();
    assert_eq!(files, [dir.join("a.txt").display().to_string(), dir.join("b.txt").display().to_string()]);
    std::fs::remove_dir_all(&dir).unwrap();
}
