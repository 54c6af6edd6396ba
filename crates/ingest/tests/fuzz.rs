//! Property tests over the readers: no input, however broken, may panic,
//! and every document produced keeps its blocks inside its text on char
//! boundaries. Run longer with `PROPTEST_CASES=20000 cargo test -p dossier-ingest --test fuzz`.

use std::io::Cursor;

use dossier_ingest::{open_reader, Format, ReadOptions};
use proptest::prelude::*;

const SEEDS: &[&[u8]] = &[
    b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: http://x.example/\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 120\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n1a\r\n<p>Kyiv welcomed it.</p>\r\n0\r\n\r\n\r\n\r\n",
    b"<html><head><title>T</title><meta property=\"article:published_time\" content=\"2024-07-10\"></head><body><article><h1>H</h1><p>The US and Germany will send Patriot batteries to Ukraine.</p><script>x</script></article></body></html>",
    b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>a</title><link>http://x.example/a</link><description>&lt;p&gt;Hi there.&lt;/p&gt;</description></item></channel></rss>",
    b"{\"text\": \"Biden said so.\", \"title\": \"t\"}\n{\"html\": \"<p>x</p>\"}\n",
    "NATO SUMMIT 2024 | TOP UPDATES\n“We will,” he said. Café 🇺🇦 北约\n".as_bytes(),
];

const FORMATS: &[Option<Format>] = &[
    None,
    Some(Format::Text),
    Some(Format::Html),
    Some(Format::Rss),
    Some(Format::Atom),
    Some(Format::JsonFeed),
    Some(Format::Warc),
    Some(Format::Jsonl),
];

fn exercise(bytes: Vec<u8>, format: Option<Format>) {
    let options = ReadOptions {
        format,
        max_bytes: 1 << 20,
    };
    let Ok(records) = open_reader(Box::new(Cursor::new(bytes)), "fuzz", None, &options) else {
        return;
    };
    for record in records.take(50) {
        let Ok(record) = record else { continue };
        if let Ok(doc) = record.into_document() {
            let text = doc.text();
            for b in &doc.blocks {
                assert!(b.span.start <= b.span.end && b.span.end <= text.len());
                assert!(text.is_char_boundary(b.span.start) && text.is_char_boundary(b.span.end));
            }
        }
    }
}

/// A seed with some bytes overwritten, some cut, some inserted.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    (
        0..SEEDS.len(),
        prop::collection::vec((any::<u16>(), any::<u8>(), 0u8..3), 0..12),
        any::<u16>(),
    )
        .prop_map(|(seed, edits, cut)| {
            let mut bytes = SEEDS[seed].to_vec();
            for (pos, byte, op) in edits {
                if bytes.is_empty() {
                    break;
                }
                let at = pos as usize % bytes.len();
                match op {
                    0 => bytes[at] = byte,
                    1 => bytes.insert(at, byte),
                    _ => {
                        bytes.remove(at);
                    }
                }
            }
            let keep = bytes
                .len()
                .saturating_sub(cut as usize % (bytes.len() / 4 + 1));
            bytes.truncate(keep);
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048), f in 0..FORMATS.len()) {
        exercise(bytes, FORMATS[f]);
    }

    #[test]
    fn mutated_inputs_never_panic(bytes in mutated(), f in 0..FORMATS.len()) {
        exercise(bytes, FORMATS[f]);
    }

    #[test]
    fn gzipped_mutations_never_panic(bytes in mutated(), cut in any::<u16>()) {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&bytes).unwrap();
        let mut gz = gz.finish().unwrap();
        let keep = gz.len() - (cut as usize % gz.len());
        gz.truncate(keep.max(2));
        exercise(gz, None);
    }
}
