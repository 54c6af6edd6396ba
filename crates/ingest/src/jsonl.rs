//! JSON Lines: one record per line with `text` or `html`, and optional
//! `title`, `url`, `published`, `publisher`, `id`. Lines are framed lazily, each capped
//! at `max_bytes`, so a huge file streams in constant memory.

use std::io::{BufRead, Read};

use dossier_core::{Source, SourceFormat, Warning};
use serde::Deserialize;

use crate::limits::io_kind;
use crate::{Error, ErrorKind, Meta, Payload, Record};

const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

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
        JsonlRecords {
            reader: crate::boxed_bufread(reader),
            input,
            max,
            line_no: 0,
            done: false,
            buf: Vec::new(),
        }
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
    publisher: Option<String>,
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
pub fn read_line_capped(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> std::io::Result<CappedLine> {
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(if !any {
                CappedLine::Eof
            } else if too_long {
                CappedLine::TooLong
            } else {
                CappedLine::Line
            });
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
            return Ok(if too_long {
                CappedLine::TooLong
            } else {
                CappedLine::Line
            });
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
                    if self.line_no == 1 && self.buf.starts_with(UTF8_BOM) {
                        self.buf.drain(..UTF8_BOM.len());
                    }
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
        let line: Line =
            serde_json::from_slice(&self.buf).map_err(|e| ErrorKind::Json(e.to_string()))?;
        let payload = match (line.text, line.html) {
            (Some(text), _) => Payload::Decoded(text),
            (None, Some(html)) => Payload::DecodedHtml {
                html,
                fragment: false,
            },
            (None, None) => return Err(ErrorKind::NoTextField),
        };
        let id = line.id.map(|v| match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        });
        let mut warnings = Vec::new();
        let published = line.published.filter(|p| {
            let valid = is_publication_date(p);
            if !valid {
                warnings.push(Warning::new("bad_date", format!("`published` is not a YYYY-MM-DD date or an RFC 3339 date-time, so it is ignored: {p:?}")));
            }
            valid
        });
        Ok(Record {
            input: self.input.clone(),
            source: Source {
                uri: line.url,
                format: SourceFormat::Jsonl,
                record: Some(self.line_no.to_string()),
            },
            payload,
            charset: None,
            meta: Meta {
                title: line.title,
                published,
                authors: line.authors,
                publisher: line
                    .publisher
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty()),
                id,
                label: Some(format!("line {}", self.line_no)),
                warnings,
            },
        })
    }
}

/// A calendar date, alone or with a clock time (`T` or a space between,
/// seconds and their fraction optional) and an optional offset (`Z`,
/// `+02:00`, `+0200`): what the time recognisers can anchor on.
pub fn is_publication_date(s: &str) -> bool {
    let (Some(day), Some(rest)) = (s.get(..10), s.get(10..)) else {
        return false;
    };
    is_calendar_day(day)
        && (rest.is_empty()
            || rest
                .strip_prefix(['T', 't', ' '])
                .is_some_and(is_clock_time))
}

fn is_calendar_day(s: &str) -> bool {
    let b = s.as_bytes();
    if !(b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()))
    {
        return false;
    }
    let number = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    let (y, m, d) = (number(0..4), number(5..7), number(8..10));
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff`, then `Z`, `±HH:MM`, `±HHMM` or nothing.
fn is_clock_time(s: &str) -> bool {
    let (clock, offset) = s.split_at(s.find(['Z', 'z', '+', '-']).unwrap_or(s.len()));
    let (hms, fraction) = match clock.split_once('.') {
        Some((hms, fraction)) => (hms, Some(fraction)),
        None => (clock, None),
    };
    let fields: Vec<&str> = hms.split(':').collect();
    let clock_ok = match fields[..] {
        [h, m] => fraction.is_none() && two_digits_below(h, 24) && two_digits_below(m, 60),
        [h, m, sec] => {
            let fraction_ok =
                fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|c| c.is_ascii_digit()));
            two_digits_below(h, 24)
                && two_digits_below(m, 60)
                && two_digits_below(sec, 61)
                && fraction_ok
        }
        _ => false,
    };
    clock_ok && (matches!(offset, "" | "Z" | "z") || is_utc_offset(offset))
}

/// `+02:00`, `-0530`.
fn is_utc_offset(s: &str) -> bool {
    let Some(hm) = s.strip_prefix(['+', '-']) else {
        return false;
    };
    let (h, m) = match hm.split_once(':') {
        Some(parts) => parts,
        None if hm.len() == 4 && hm.is_ascii() => hm.split_at(2),
        None => return false,
    };
    two_digits_below(h, 24) && two_digits_below(m, 60)
}

fn two_digits_below(s: &str, below: u32) -> bool {
    s.len() == 2
        && s.bytes().all(|c| c.is_ascii_digit())
        && s.parse::<u32>().is_ok_and(|n| n < below)
}

#[cfg(test)]
mod tests {
    use super::is_publication_date;

    #[test]
    fn publication_dates() {
        for ok in [
            "2024-07-10",
            "2024-02-29",
            "2024-07-10T14:30",
            "2024-07-10 14:30:00.123Z",
            "2024-07-10T14:30:00+05:30",
            "2024-07-10T14:30:00-0530",
        ] {
            assert!(is_publication_date(ok), "{ok}");
        }
        for bad in [
            "garbage",
            "2023-02-29",
            "2024-13-01",
            "2024-07-10T25:00",
            "2024-07-10T14:30:00+05",
            "2024-07-10Z",
            "10/07/2024",
            "2024-07-1",
            "2024-07-10T14:30.5",
        ] {
            assert!(!is_publication_date(bad), "{bad}");
        }
    }
}
