//! Format detection from content first, then the file name.

use std::io::{Cursor, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;

use crate::limits::io_kind;
use crate::ErrorKind;

/// Input formats `--from` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Rss,
    Atom,
    JsonFeed,
    Warc,
    Jsonl,
}

impl Format {
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name {
            "text" | "txt" => Format::Text,
            "html" => Format::Html,
            "rss" => Format::Rss,
            "atom" => Format::Atom,
            "jsonfeed" => Format::JsonFeed,
            "warc" => Format::Warc,
            "jsonl" | "ndjson" => Format::Jsonl,
            _ => return None,
        })
    }
}

const HEAD: usize = 4096;

type Reader = Box<dyn Read + Send>;

/// Peeks at the input; if it is gzip, wraps it in a decoder. Returns the
/// (possibly decompressing) reader positioned at the start, the first
/// decoded bytes (see [`peek_head`]), and whether it was gzip.
pub fn unwrap_gzip(raw: Reader, max: usize) -> Result<(Reader, Vec<u8>, bool), ErrorKind> {
    let (raw, magic) = peek(raw, 2)?;
    if magic.starts_with(&[0x1f, 0x8b]) {
        let gz: Reader = Box::new(MultiGzDecoder::new(raw));
        let (reader, head) = peek_head(gz, max)?;
        Ok((reader, head, true))
    } else {
        let (reader, head) = peek_head(raw, max)?;
        Ok((reader, head, false))
    }
}

/// Peeks at the first `HEAD` bytes past any leading white space (which
/// says nothing about the format), reading on through white space up to
/// `max` bytes. Every byte stays in the returned reader, so offsets and
/// line numbers hold.
fn peek_head(mut r: Reader, max: usize) -> Result<(Reader, Vec<u8>), ErrorKind> {
    let mut head = Vec::with_capacity(HEAD);
    let mut want = HEAD;
    loop {
        let scanned = head.len();
        (&mut r)
            .take((want - scanned) as u64)
            .read_to_end(&mut head)
            .map_err(io_kind)?;
        let at_end = head.len() < want;
        match content_start(&head, scanned) {
            Some(start) if at_end || head.len() >= start + HEAD => break,
            Some(start) => want = start + HEAD,
            None if at_end => break,
            None if head.len() > max => return Err(ErrorKind::TooLarge(max)),
            None => want = (head.len() * 2).min(max + 1), // doubling keeps the reads few
        }
    }
    let reader: Reader = Box::new(Cursor::new(head.clone()).chain(r));
    Ok((reader, head))
}

/// Where the content starts after a byte-order mark and ASCII white
/// space, looking from `from` on; `None` if nothing but those is there.
fn content_start(head: &[u8], from: usize) -> Option<usize> {
    let from = if from == 0 && head.starts_with(b"\xef\xbb\xbf") {
        3
    } else {
        from
    };
    head.get(from..)?
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|p| from + p)
}

fn peek(mut r: Reader, n: usize) -> Result<(Reader, Vec<u8>), ErrorKind> {
    let mut head = Vec::with_capacity(n);
    (&mut r)
        .take(n as u64)
        .read_to_end(&mut head)
        .map_err(io_kind)?;
    let reader: Reader = Box::new(Cursor::new(head.clone()).chain(r));
    Ok((reader, head))
}

/// Detects the format from the first bytes, then the file name. `None` for
/// an empty input.
pub fn detect(head: &[u8], path: Option<&Path>, gzipped: bool) -> Option<Format> {
    let start = content_start(head, 0)?;
    let text = String::from_utf8_lossy(&head[start..head.len().min(start + HEAD)]);
    let t = text.trim_start();
    if t.is_empty() {
        return None;
    }
    if t.starts_with("WARC/") {
        return Some(Format::Warc);
    }
    let lower: String = t
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if t.starts_with('<') {
        if lower.contains("<rss") || lower.contains("<rdf:rdf") {
            return Some(Format::Rss);
        }
        // A `<feed>` in another namespace is still meant as Atom: reading
        // it as a feed gives a clear error rather than a page of markup.
        if lower.contains("<feed")
            && (lower.contains("http://www.w3.org/2005/atom") || !lower.contains("<html"))
        {
            return Some(Format::Atom);
        }
        if lower.contains("<html")
            || lower.contains("<!doctype html")
            || lower.contains("<head")
            || lower.contains("<body")
            || lower.contains("<p")
            || lower.contains("<div")
        {
            return Some(Format::Html);
        }
    }
    if t.starts_with('{') {
        if lower.contains("jsonfeed.org/version") {
            return Some(Format::JsonFeed);
        }
        return Some(Format::Jsonl);
    }
    let name = path
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let name = if gzipped {
        name.trim_end_matches(".gz").to_string()
    } else {
        name
    };
    let by_name = match name.rsplit('.').next().unwrap_or("") {
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "rss" => Some(Format::Rss),
        "atom" => Some(Format::Atom),
        "warc" => Some(Format::Warc),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        _ => None,
    };
    Some(by_name.unwrap_or(Format::Text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_content() {
        assert_eq!(detect(b"WARC/1.0\r\n", None, false), Some(Format::Warc));
        assert_eq!(
            detect(b"<?xml version='1.0'?><rss>", None, false),
            Some(Format::Rss)
        );
        assert_eq!(
            detect(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">", None, false),
            Some(Format::Atom)
        );
        assert_eq!(
            detect(
                b"<feed xmlns=\"http://www.w3.org/2005/Atomic\">",
                None,
                false
            ),
            Some(Format::Atom)
        );
        assert_eq!(
            detect(b"\xef\xbb\xbf \n<html><p>", None, false),
            Some(Format::Html)
        );
        assert_eq!(
            detect(b"<!DOCTYPE html><html>", None, false),
            Some(Format::Html)
        );
        assert_eq!(
            detect(
                b"{\"version\": \"https://jsonfeed.org/version/1.1\"}",
                None,
                false
            ),
            Some(Format::JsonFeed)
        );
        assert_eq!(
            detect(b"{\"text\": \"x\"}\n", None, false),
            Some(Format::Jsonl)
        );
        assert_eq!(detect(b"The NATO Summit", None, false), Some(Format::Text));
        assert_eq!(detect(b"  \n ", None, false), None);
    }
}
