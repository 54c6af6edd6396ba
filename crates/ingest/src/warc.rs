//! WARC (1.0/1.1, plain or gzipped per record): one record per HTML
//! response or resource. Framed by hand over a buffered stream, so memory
//! stays bounded and a malformed record is reported and skipped instead of
//! ending the archive: after a bad header we resynchronise on the next
//! `WARC/` line.

use std::io::{BufRead, Read};

use dossier_core::{Source, SourceFormat};
use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

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
    /// Set once reading resumed from the bytes kept after a wrong
    /// Content-Length: the reader is then a `Cursor`, whose buffer is all
    /// that is left.
    in_memory: bool,
}

impl WarcRecords {
    pub fn new(reader: Box<dyn Read + Send>, input: String, max: usize) -> Self {
        WarcRecords {
            reader: crate::boxed_bufread(reader),
            input,
            max,
            done: false,
            line: Vec::new(),
            resync: false,
            index: 0,
            in_memory: false,
        }
    }

    /// An error in the record being read, named `record N` (ERRORS.md).
    fn err(&self, kind: ErrorKind) -> Error {
        Error::new(self.input.clone(), kind).at(format!("record {}", self.index))
    }

    /// An error between records (junk where a record should start).
    fn err_between(&self, kind: ErrorKind) -> Error {
        let at = if self.index == 0 {
            "before record 1".to_string()
        } else {
            format!("after record {}", self.index)
        };
        Error::new(self.input.clone(), kind).at(at)
    }

    fn read_line(&mut self) -> Result<Option<String>, ErrorKind> {
        match read_line_capped(&mut self.reader, &mut self.line, MAX_HEADER_LINE)
            .map_err(io_kind)?
        {
            CappedLine::Eof => Ok(None),
            CappedLine::TooLong => Err(ErrorKind::Warc("header line too long".into())),
            CappedLine::Line => {
                let s = String::from_utf8_lossy(&self.line);
                Ok(Some(s.trim_end_matches('\r').to_string()))
            }
        }
    }

    /// Moves to the next `WARC/` version line, skipping blank lines (and
    /// junk when resynchronising). `Ok(false)` at the end of the input.
    fn find_version_line(&mut self) -> Result<bool, Error> {
        loop {
            match self.read_line().map_err(|k| self.err_between(k))? {
                None => return Ok(false),
                Some(l) if l.starts_with("WARC/") => return Ok(true),
                Some(l) if l.trim().is_empty() || self.resync => continue,
                Some(l) => {
                    self.resync = true;
                    let shown: String = l.chars().take(40).collect();
                    return Err(self.err_between(ErrorKind::Warc(format!(
                        "expected a `WARC/` version line, found {shown:?}"
                    ))));
                }
            }
        }
    }

    /// The header fields after the version line, names lowercased.
    fn read_headers(&mut self) -> Result<Vec<(String, String)>, Error> {
        let mut headers = Vec::new();
        loop {
            match self.read_line().map_err(|k| self.err(k))? {
                None => {
                    return Err(self.err(ErrorKind::Truncated(
                        "archive ends inside a WARC header".into(),
                    )))
                }
                Some(l) if l.is_empty() => return Ok(headers),
                Some(l) => {
                    if let Some((k, v)) = l.split_once(':') {
                        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                    }
                }
            }
        }
    }

    /// Reads the next record's headers and block. `Ok(None)` at the end.
    fn next_record(&mut self) -> Result<Option<Record>, Error> {
        loop {
            if !self.find_version_line()? {
                return Ok(None);
            }
            self.resync = false;
            self.index += 1;
            let headers = self.read_headers()?;
            let get = |name: &str| {
                headers
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.as_str())
            };
            let Some(length) = get("content-length").and_then(|v| v.parse::<u64>().ok()) else {
                self.resync = true;
                return Err(self.err(ErrorKind::Warc("missing or invalid Content-Length".into())));
            };
            let warc_type = get("warc-type").unwrap_or("").to_ascii_lowercase();
            let content_type = get("content-type").unwrap_or("").to_ascii_lowercase();
            let wanted = (warc_type == "response" && content_type.starts_with("application/http"))
                || (warc_type == "resource" && is_html_type(&content_type));
            if self.in_memory && length > self.bytes_left().map_err(|k| self.err(k))? {
                // Known wrong before reading: resynchronise line by line,
                // so a run of such records is not rescanned once each.
                self.resync = true;
                return Err(self.err(ErrorKind::Warc(format!(
                    "Content-Length {length} runs past the end of the archive"
                ))));
            }
            let too_large = length > (self.max as u64).saturating_add(64 * 1024);
            let block = match self
                .read_block(length, wanted && !too_large)
                .map_err(|k| self.err(k))?
            {
                Block::Full(block) => block,
                Block::Short { read, resume } => return Err(self.cut_short(length, read, resume)),
            };
            if !wanted {
                continue;
            }
            if too_large {
                return Err(self.err(ErrorKind::TooLarge(self.max)));
            }
            let record_id = get("warc-record-id").map(str::to_string);
            let target = get("warc-target-uri")
                .map(|u| u.trim_matches(|c| c == '<' || c == '>').trim().to_string());
            let source = Source {
                uri: target,
                format: SourceFormat::Warc,
                record: record_id,
            };
            let (body, charset) = if warc_type == "resource" {
                (block, charset_of(&content_type))
            } else {
                match http_payload(&block, self.max) {
                    Ok(Some(x)) => x,
                    Ok(None) => continue, // not HTML: not a document
                    Err(kind) => return Err(self.err(kind)),
                }
            };
            let meta = Meta {
                label: Some(format!("record {}", self.index)),
                ..Meta::default()
            };
            return Ok(Some(Record {
                input: self.input.clone(),
                source,
                payload: Payload::Html {
                    bytes: body,
                    fragment: false,
                },
                charset,
                meta,
            }));
        }
    }

    /// What is left of an in-memory input (a `Cursor` lends all of it).
    fn bytes_left(&mut self) -> Result<u64, ErrorKind> {
        Ok(self.reader.fill_buf().map_err(io_kind)?.len() as u64)
    }

    /// Reads a record's block of `length` bytes, keeping it if `keep`. The
    /// Content-Length may be wrong: if the input ends first, the next
    /// record must start at a `WARC/1.` line inside the block, so the
    /// bytes from the first such line on are kept too (up to `max`).
    fn read_block(&mut self, length: u64, keep: bool) -> Result<Block, ErrorKind> {
        let mut kept = Vec::with_capacity(if keep {
            length.min(1 << 20) as usize
        } else {
            0
        });
        let mut finder = RecordStartFinder::new();
        let mut resume = Resume::None;
        let mut read = 0u64;
        while read < length {
            let chunk = self.reader.fill_buf().map_err(io_kind)?;
            if chunk.is_empty() {
                break;
            }
            let chunk = &chunk[..(length - read).min(chunk.len() as u64) as usize];
            if keep {
                kept.extend_from_slice(chunk);
            } else {
                resume.follow(&mut finder, chunk, self.max);
            }
            let taken = chunk.len();
            self.reader.consume(taken);
            read += taken as u64;
        }
        if read == length {
            return Ok(Block::Full(kept));
        }
        if keep {
            resume = record_start(&kept).map_or(Resume::None, |at| Resume::At(kept[at..].to_vec()));
        }
        Ok(Block::Short { read, resume })
    }

    /// The error for a record whose block the input ends inside; reading
    /// resumes at the next record if one starts within it.
    fn cut_short(&mut self, length: u64, read: u64, resume: Resume) -> Error {
        match resume {
            Resume::At(rest) => {
                let at = read - rest.len() as u64;
                self.reader = Box::new(std::io::Cursor::new(rest));
                self.in_memory = true;
                self.err(ErrorKind::Warc(format!("Content-Length {length} runs past the end of the archive; reading resumes at the record starting {at} bytes in")))
            }
            Resume::TooFar => {
                self.done = true;
                self.err(ErrorKind::Truncated(format!(
                    "Content-Length {length} runs past the end of the archive ({read} bytes follow); the records inside are more than --max-bytes and are not read"
                )))
            }
            Resume::None => {
                self.done = true;
                self.err(ErrorKind::Truncated(format!(
                    "record ends after {read} of {length} bytes"
                )))
            }
        }
    }
}

/// A record's block, read in full or cut short by the end of the input.
enum Block {
    Full(Vec<u8>),
    Short { read: u64, resume: Resume },
}

/// Where reading can resume when a block is cut short.
enum Resume {
    /// No record starts inside the block.
    None,
    /// The bytes from the first record start inside the block on.
    At(Vec<u8>),
    /// A record starts inside, but what follows it is more than `max`.
    TooFar,
}

impl Resume {
    /// Feeds a chunk of a skipped block: looks for a record start, then
    /// keeps what follows it.
    fn follow(&mut self, finder: &mut RecordStartFinder, chunk: &[u8], max: usize) {
        match self {
            Resume::None => {
                if let Some(at) = finder.feed(chunk) {
                    // A start that began in the previous chunk is a prefix of the mark.
                    let mut rest = RECORD_MARK[1..][..at.min(0).unsigned_abs()].to_vec();
                    rest.extend_from_slice(&chunk[at.max(0) as usize..]);
                    *self = Resume::At(rest);
                }
            }
            Resume::At(rest) if rest.len() + chunk.len() > max => *self = Resume::TooFar,
            Resume::At(rest) => rest.extend_from_slice(chunk),
            Resume::TooFar => {}
        }
    }
}

/// A line starting a WARC record, with the newline that precedes it.
const RECORD_MARK: &[u8] = b"\nWARC/1.";

/// Where the first record starts in `block`, if anywhere.
fn record_start(block: &[u8]) -> Option<usize> {
    if block.starts_with(&RECORD_MARK[1..]) {
        return Some(0);
    }
    memchr::memmem::find(block, RECORD_MARK).map(|i| i + 1)
}

/// Finds the first record start in a block fed chunk by chunk, including
/// one split between two chunks.
struct RecordStartFinder {
    /// The last bytes fed (a block follows a blank line, hence the newline).
    tail: Vec<u8>,
}

impl RecordStartFinder {
    fn new() -> Self {
        RecordStartFinder {
            tail: b"\n".to_vec(),
        }
    }

    /// The offset in `chunk` where a record starts (negative when its
    /// first bytes ended the previous chunk).
    fn feed(&mut self, chunk: &[u8]) -> Option<isize> {
        let keep = RECORD_MARK.len() - 1;
        let mut seam = std::mem::take(&mut self.tail);
        let tail_len = seam.len() as isize;
        seam.extend_from_slice(&chunk[..chunk.len().min(keep)]);
        let found = memchr::memmem::find(&seam, RECORD_MARK)
            .map(|i| i as isize + 1 - tail_len)
            .or_else(|| memchr::memmem::find(chunk, RECORD_MARK).map(|i| i as isize + 1));
        let joined = if chunk.len() >= keep {
            &chunk[chunk.len() - keep..]
        } else {
            &seam[seam.len().saturating_sub(keep)..]
        };
        self.tail = joined.to_vec();
        found
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
    content_type.split(';').find_map(|p| {
        p.trim()
            .strip_prefix("charset=")
            .map(|c| c.trim_matches('"').to_string())
    })
}

/// An HTML body and the charset its header declares.
type HtmlPayload = (Vec<u8>, Option<String>);

/// Splits an HTTP response into its HTML body and declared charset.
/// `Ok(None)` when the response is not HTML.
fn http_payload(block: &[u8], max: usize) -> Result<Option<HtmlPayload>, ErrorKind> {
    let Some(header_end) = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, i + 2)))
    else {
        return Err(ErrorKind::Warc("HTTP response without a header end".into()));
    };
    let head = String::from_utf8_lossy(&block[..header_end.0]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    if !status.starts_with("HTTP/") {
        return Err(ErrorKind::Warc(format!(
            "not an HTTP response: {:?}",
            status.chars().take(40).collect::<String>()
        )));
    }
    let code: u16 = status
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
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
        "deflate" => read_capped(&mut ZlibDecoder::new(&body[..]), max)
            .or_else(|_| read_capped(&mut DeflateDecoder::new(&body[..]), max))?,
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
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunks() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n").unwrap(),
            b"Wikipedia"
        );
        assert!(dechunk(b"<html>").is_none());
    }
}
