//! Times HTML extraction on hostile inputs, and dumps the text extracted
//! from a directory of pages (to compare two versions of the reader).
//!
//! ```text
//! cargo run --release -p dossier-ingest --example html_timing                # hostile inputs
//! cargo run --release -p dossier-ingest --example html_timing -- NAME        # one of them
//! cargo run --release -p dossier-ingest --example html_timing -- --dump AEB_DIR OUT_DIR
//! cargo run --release -p dossier-ingest --example html_timing -- --bench AEB_DIR PASSES
//! ```

use std::io::Read;
use std::time::Instant;

use dossier_core::{Source, SourceFormat};
use dossier_ingest::html::html_document;

fn hostile() -> Vec<(&'static str, String)> {
    let text = |s: &str| format!("<html><body>{s}<p>The end of the page.</p></body></html>");
    vec![
        ("stray_end_tags", "<div></xyz>".repeat(100_000)),
        (
            "nested_divs_100k",
            format!("{}Deep.", "<div>".repeat(19_999)),
        ),
        (
            "nested_divs_1m",
            format!(
                "{}Deep.{}",
                "<div>".repeat(100_000),
                "</div>".repeat(100_000)
            ),
        ),
        (
            "script_prefix",
            format!(
                "{}<script type=\"application/ld+json\">{{}}</script><p>Text.</p>",
                "<script ".repeat(200_000)
            ),
        ),
        ("nested_tables", text(&"<table><tr><td>x".repeat(60_000))),
        (
            "nested_tables_100k",
            text(&"<table><tr><td>x".repeat(6_500)),
        ),
        ("nested_b", text(&"<b>x".repeat(250_000))),
        ("nested_b_80k", text(&"<b>x".repeat(19_900))),
        ("nested_b_p", text(&"<b><p>x".repeat(150_000))),
        (
            "many_attributes",
            text(&format!(
                "<div {}>x</div>",
                (0..100_000)
                    .map(|i| format!("a{i}=1"))
                    .collect::<Vec<_>>()
                    .join(" ")
            )),
        ),
        (
            "many_attributes_unspaced",
            text(&format!(
                "<div {}>x</div>",
                (0..100_000)
                    .map(|i| format!("a{i}=\"1\""))
                    .collect::<String>()
            )),
        ),
        (
            "attribute_heavy_elements",
            text(
                &format!(
                    "<span {}>x</span>",
                    (0..300)
                        .map(|i| format!("a{i}=1"))
                        .collect::<Vec<_>>()
                        .join(" ")
                )
                .repeat(400),
            ),
        ),
        (
            "sibling_paragraphs",
            text(&"<p>Some words here.</p>".repeat(45_000)),
        ),
        ("line_breaks", text(&"word<br>".repeat(125_000))),
        ("list_items", text(&"<li>item".repeat(150_000))),
        ("anchors", text(&"<a href=x>link".repeat(70_000))),
        ("unclosed_svg", text(&"<svg>x".repeat(170_000))),
        (
            "select_title",
            text(&"<select><title></select><div>".repeat(30_000)),
        ),
        ("comments", text(&"<!-- c -->x".repeat(100_000))),
        (
            "deep_then_wide",
            text(&format!(
                "{}{}",
                "<div>".repeat(120),
                "<p>Some words here.</p>".repeat(45_000)
            )),
        ),
        (
            "deep_spans_stray_ends",
            text(&format!(
                "{}{}",
                "<span>".repeat(127),
                "</x>".repeat(250_000)
            )),
        ),
        (
            "deep_tables_then_wide",
            text(&format!(
                "{}{}",
                "<table><tr><td>".repeat(40),
                "<p>Some words here.</p>".repeat(45_000)
            )),
        ),
        (
            "formatting_in_paragraphs",
            text(&"<p><b><i><u><s>x".repeat(60_000)),
        ),
        (
            "nested_tables_5m",
            text(&"<table><tr><td>x".repeat(300_000)),
        ),
    ]
}

fn time_one(name: &str, html: &str) {
    for fragment in [false, true] {
        let source = Source {
            uri: None,
            format: SourceFormat::Html,
            record: None,
        };
        let start = Instant::now();
        let result = html_document(html, source, fragment);
        let secs = start.elapsed().as_secs_f64();
        let mb = html.len() as f64 / 1e6;
        let outcome = match result {
            Ok(doc) => format!("{} bytes of text", doc.text().len()),
            Err(e) => format!("error: {e}"),
        };
        let mode = if fragment { "fragment" } else { "page" };
        println!(
            "{name:<26} {mode:<8} {mb:>6.2} MB {secs:>8.3} s {:>7.2} s/MB  {outcome}",
            secs / mb
        );
    }
}

/// The pages of an AEB-style directory (`DIR/html/ID.html.gz`), by id.
fn pages(dir: &str) -> Vec<(String, String)> {
    let mut paths: Vec<_> = std::fs::read_dir(format!("{dir}/html"))
        .expect("reading DIR/html")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let mut html = Vec::new();
            flate2::read::MultiGzDecoder::new(std::fs::File::open(path).expect("opening a page"))
                .read_to_end(&mut html)
                .expect("reading a page");
            let id = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("page")
                .trim_end_matches(".html.gz")
                .to_string();
            (id, String::from_utf8_lossy(&html).into_owned())
        })
        .collect()
}

fn extract(html: &str) -> String {
    let source = Source {
        uri: None,
        format: SourceFormat::Html,
        record: None,
    };
    html_document(html, source, false)
        .map(|d| d.text().to_string())
        .unwrap_or_default()
}

fn dump(dir: &str, out: &str) {
    std::fs::create_dir_all(out).expect("creating the output directory");
    for (id, html) in pages(dir) {
        std::fs::write(format!("{out}/{id}.txt"), extract(&html)).expect("writing a text");
    }
}

/// The best of `passes` timed extractions of every page.
fn bench(dir: &str, passes: usize) {
    let pages = pages(dir);
    let best = (0..passes)
        .map(|_| {
            let start = Instant::now();
            for (_, html) in &pages {
                std::hint::black_box(extract(html));
            }
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    let start = Instant::now();
    let slim_bytes: usize = pages
        .iter()
        .map(|(_, html)| dossier_ingest::html::slim_html(html).len())
        .sum();
    let slim = start.elapsed().as_secs_f64();
    let bytes: usize = pages.iter().map(|(_, html)| html.len()).sum();
    println!(
        "{} pages, best of {passes} passes: {best:.3} s ({:.0} pages/s)",
        pages.len(),
        pages.len() as f64 / best
    );
    println!("slimming alone: {slim:.3} s, {bytes} bytes to {slim_bytes}");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--dump") => return dump(&args[1], &args[2]),
        Some("--bench") => return bench(&args[1], args[2].parse().expect("a number of passes")),
        _ => {}
    }
    for (name, html) in hostile() {
        if args.is_empty() || args.iter().any(|a| a == name) {
            time_one(name, &html);
        }
    }
}
