//! JSON Lines: one record per line with `text` or `html`, and optional
//! `title`, `url`, `published`, `id`. Lines are framed lazily, each capped
//! at `max_bytes`, so a huge file streams in constant memory.

use std::io::{BufRead, Read};

use dossier_core::{Source, SourceFormat};
use serde::Deserialize;

use crate::limits::io_kind;
use crate::{Error, ErrorKind, Meta, Payload, Record};

pub struct JsonlRecords {
    reader: Box<dyn BufRead + Send>,
    input: String,
    max: usize,
    line_no: usize,
    done: bool,
    buf: Vec<u8>,
}

impl JsonlRecords {
    pub fn new(reader: Box<dyn Read + Send>, input: String, max: usize) -> Self {
        JsonlRecords { reader: crate::boxed_bufread(reader), input, max, line_no: 0, done: false, buf: Vec::new() }
    }
}

#[derive(Deserialize)]
struct Line {
    text: Option<String>,
    html: Option<String>,
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    id: Option<serde_json::Value>,
}

/// Outcome of reading one line with a cap.
pub enum CappedLine {
    Line,
    TooLong,
    Eof,
}

/// Reads one line into `buf` (without the newline); a line longer than
/// `max` is skipped to its end and reported.
pub fn read_line_capped(reader: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> std::io::Result<CappedLine> {
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(if !any { CappedLine::Eof } else if too_long { CappedLine::TooLong } else { CappedLine::Line });
        }
        any = true;
        let (take, found) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            if buf.len() + take > max {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        reader.consume(take + usize::from(found));
        if found {
            return Ok(if too_long { CappedLine::TooLong } else { CappedLine::Line });
        }
    }
}

impl Iterator for JsonlRecords {
    type Item = Result<Record, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.line_no += 1;
            let at = format!("line {}", self.line_no);
            let err = |kind| Error::new(self.input.clone(), kind).at(at.clone());
            match read_line_capped(&mut self.reader, &mut self.buf, self.max) {
                Err(e) => {
                    self.done = true;
                    return Some(Err(err(io_kind(e))));
                }
                Ok(CappedLine::Eof) => self.done = true,
                Ok(CappedLine::TooLong) => return Some(Err(err(ErrorKind::TooLarge(self.max)))),
                Ok(CappedLine::Line) => {
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(self.parse_line().map_err(err));
                }
            }
        }
        None
    }
}

impl JsonlRecords {
    fn parse_line(&self) -> Result<Record, ErrorKind> {
        let line: Line = serde_json::from_slice(&self.buf).map_err(|e| ErrorKind::Json(e.to_string()))?;
        let payload = match (line.text, line.html) {
            (Some(text), _) => Payload::Decoded(text),
            (None, Some(html)) => Payload::DecodedHtml { html, fragment: false },
            (None, None) => return Err(ErrorKind::NoTextField),
        };
        let id = line.id.map(|v| match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        });
        Ok(Record {
            input: self.input.clone(),
            source: Source { uri: line.url, format: SourceFormat::Jsonl, record: Some(self.line_no.to_string()) },
            payload,
            charset: None,
            meta: Meta { title: line.title, published: line.published, authors: line.authors, id },
        })
    }
}
