//! WARC (1.0/1.1, plain or gzipped per record): one record per HTML
//! response or resource. Framed by hand over a buffered stream, so memory
//! stays bounded and a malformed record is reported and skipped instead of
//! ending the archive: after a bad header we resynchronise on the next
//! `WARC/` line.

use std::io::{BufRead, Read};

use dossier_core::{Source, SourceFormat};
use flate2::read::{MultiGzDecoder, ZlibDecoder, DeflateDecoder};

use crate::jsonl::{read_line_capped, CappedLine};
use crate::limits::{io_kind, read_capped};
use crate::{Error, ErrorKind, Meta, Payload, Record};

const MAX_HEADER_LINE: usize = 64 * 1024;

pub struct WarcRecords {
    reader: Box<dyn BufRead + Send>,
    input: String,
    max: usize,
    done: bool,
    line: Vec<u8>,
    /// Set after a malformed record: skip to the next `WARC/` line.
    resync: bool,
    index: usize,
}

impl WarcRecords {
    pub fn new(reader: Box<dyn Read + Send>, input: String, max: usize) -> Self {
        WarcRecords { reader: crate::boxed_bufread(reader), input, max, done: false, line: Vec::new(), resync: false, index: 0 }
    }

    fn err(&self, kind: ErrorKind, record: Option<&str>) -> Error {
        let e = Error::new(self.input.clone(), kind);
        match record {
            Some(r) => e.at(r.to_string()),
            None => e.at(format!("record {}", self.index)),
        }
    }

    fn read_line(&mut self) -> Result<Option<String>, ErrorKind> {
        match read_line_capped(&mut self.reader, &mut self.line, MAX_HEADER_LINE).map_err(io_kind)? {
            CappedLine::Eof => Ok(None),
            CappedLine::TooLong => Err(ErrorKind::Warc("header line too long".into())),
            CappedLine::Line => {
                let s = String::from_utf8_lossy(&self.line);
                Ok(Some(s.trim_end_matches('\r').to_string()))
            }
        }
    }

    /// Reads the next record's headers and block. `Ok(None)` at the end.
    fn next_record(&mut self) -> Result<Option<Record>, Error> {
        loop {
            // Find the version line, skipping blank lines (and junk when resyncing).
            loop {
                match self.read_line().map_err(|k| self.err(k, None))? {
                    None => return Ok(None),
                    Some(l) if l.starts_with("WARC/") => break,
                    Some(l) if l.trim().is_empty() || self.resync => continue,
                    Some(l) => {
                        self.resync = true;
                        let shown: String = l.chars().take(40).collect();
                        return Err(self.err(ErrorKind::Warc(format!("expected a `WARC/` version line, found {shown:?}")), None));
                    }
                }
            }
            self.resync = false;
            self.index += 1;
            let mut headers: Vec<(String, String)> = Vec::new();
            loop {
                match self.read_line().map_err(|k| self.err(k, None))? {
                    None => return Err(self.err(ErrorKind::Truncated("archive ends inside a WARC header".into()), None)),
                    Some(l) if l.is_empty() => break,
                    Some(l) => {
                        if let Some((k, v)) = l.split_once(':') {
                            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                        }
                    }
                }
            }
            let get = |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
            let record_id = get("warc-record-id").map(str::to_string);
            let rid = record_id.clone().unwrap_or_else(|| format!("record {}", self.index));
            let Some(length) = get("content-length").and_then(|v| v.parse::<u64>().ok()) else {
                self.resync = true;
                return Err(self.err(ErrorKind::Warc("missing or invalid Content-Length".into()), Some(&rid)));
            };
            let warc_type = get("warc-type").unwrap_or("").to_ascii_lowercase();
            let content_type = get("content-type").unwrap_or("").to_ascii_lowercase();
            let target = get("warc-target-uri").map(|u| u.trim_matches(|c| c == '<' || c == '>').trim().to_string());
            let wanted = (warc_type == "response" && content_type.starts_with("application/http"))
                || (warc_type == "resource" && is_html_type(&content_type));
            if !wanted {
                let skipped = std::io::copy(&mut (&mut self.reader).take(length), &mut std::io::sink()).map_err(|e| self.err(io_kind(e), Some(&rid)))?;
                if skipped < length {
                    self.done = true;
                    return Err(self.err(ErrorKind::Truncated(format!("record ends after {skipped} of {length} bytes")), Some(&rid)));
                }
                continue;
            }
            if length as usize > self.max.saturating_add(64 * 1024) {
                let _ = std::io::copy(&mut (&mut self.reader).take(length), &mut std::io::sink());
                return Err(self.err(ErrorKind::TooLarge(self.max), Some(&rid)));
            }
            let mut block = Vec::with_capacity(length as usize);
            (&mut self.reader).take(length).read_to_end(&mut block).map_err(|e| self.err(io_kind(e), Some(&rid)))?;
            if (block.len() as u64) < length {
                self.done = true;
                return Err(self.err(ErrorKind::Truncated(format!("record ends after {} of {length} bytes", block.len())), Some(&rid)));
            }
            let source = Source { uri: target, format: SourceFormat::Warc, record: record_id };
            let (body, charset) = if warc_type == "resource" {
                (block, charset_of(&content_type))
            } else {
                match http_payload(&block, self.max) {
                    Ok(Some(x)) => x,
                    Ok(None) => continue, // not HTML: not a document
                    Err(kind) => return Err(self.err(kind, Some(&rid))),
                }
            };
            return Ok(Some(Record {
                input: self.input.clone(),
                source,
                payload: Payload::Html { bytes: body, fragment: false },
                charset,
                meta: Meta::default(),
            }));
        }
    }
}

impl Iterator for WarcRecords {
    type Item = Result<Record, Error>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_record() {
            Ok(Some(r)) => Some(Ok(r)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                if matches!(e.kind, ErrorKind::Truncated(_) | ErrorKind::Read(_)) {
                    self.done = true;
                }
                Some(Err(e))
            }
        }
    }
}

fn is_html_type(ct: &str) -> bool {
    ct.starts_with("text/html") || ct.starts_with("application/xhtml")
}

fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').find_map(|p| p.trim().strip_prefix("charset=").map(|c| c.trim_matches('"').to_string()))
}

/// An HTML body and the charset its header declares.
type HtmlPayload = (Vec<u8>, Option<String>);

/// Splits an HTTP response into its HTML body and declared charset.
/// `Ok(None)` when the response is not HTML.
fn http_payload(block: &[u8], max: usize) -> Result<Option<HtmlPayload>, ErrorKind> {
    let Some(header_end) = memchr::memmem::find(block, b"\r\n\r\n").map(|i| (i, i + 4)).or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, i + 2))) else {
        return Err(ErrorKind::Warc("HTTP response without a header end".into()));
    };
    let head = String::from_utf8_lossy(&block[..header_end.0]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    if !status.starts_with("HTTP/") {
        return Err(ErrorKind::Warc(format!("not an HTTP response: {:?}", status.chars().take(40).collect::<String>())));
    }
    let code: u16 = status.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let mut content_type = String::new();
    let mut chunked = false;
    let mut encoding = String::new();
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let v = v.trim().to_ascii_lowercase();
            match k.trim().to_ascii_lowercase().as_str() {
                "content-type" => content_type = v,
                "transfer-encoding" => chunked = v.contains("chunked"),
                "content-encoding" => encoding = v,
                _ => {}
            }
        }
    }
    if !(200..300).contains(&code) || !(content_type.is_empty() || is_html_type(&content_type)) {
        return Ok(None);
    }
    let mut body = block[header_end.1..].to_vec();
    if chunked {
        // Some crawlers store the body already de-chunked; keep it then.
        if let Some(d) = dechunk(&body) {
            body = d;
        }
    }
    body = match encoding.as_str() {
        "" | "identity" => body,
        "gzip" | "x-gzip" => read_capped(&mut MultiGzDecoder::new(&body[..]), max)?,
        "deflate" => read_capped(&mut ZlibDecoder::new(&body[..]), max).or_else(|_| read_capped(&mut DeflateDecoder::new(&body[..]), max))?,
        other => return Err(ErrorKind::Encoding(other.to_string())),
    };
    Ok(Some((body, charset_of(&content_type))))
}

/// Decodes chunked transfer encoding; `None` if the body is not validly chunked.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = memchr::memchr(b'\n', body)?;
        let size_str = std::str::from_utf8(&body[..line_end]).ok()?.trim();
        let size_str = size_str.split(';').next()?.trim();
        let size = usize::from_str_radix(size_str, 16).ok()?;
        body = &body[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        if body.len() < size {
            return None;
        }
        out.extend_from_slice(&body[..size]);
        body = &body[size..];
        body = body.strip_prefix(b"\r\n").or_else(|| body.strip_prefix(b"\n")).unwrap_or(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunks() {
        assert_eq!(dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n").unwrap(), b"Wikipedia");
        assert!(dechunk(b"<html>").is_none());
    }
}
