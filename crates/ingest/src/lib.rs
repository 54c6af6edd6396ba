//! Readers: bytes in, [`Document`]s (text, blocks, metadata) out.
//!
//! Reading is split in two so that the expensive part runs in parallel:
//! 1. [`open`] frames an input into [`Record`]s, cheaply and in order
//!    (one per file, feed item, WARC response or JSONL line). Streaming
//!    formats are framed lazily, so memory does not grow with the input.
//! 2. [`Record::into_document`] decodes the bytes and extracts the text and
//!    its blocks (HTML boilerplate removal happens here).

mod decode;
mod detect;
mod error;
mod feed;
pub mod html;
mod jsonl;
mod limits;
pub mod meta;
mod slim;
pub mod text;
mod warc;

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use dossier_core::{Document, Source, SourceFormat, Warning};

pub use detect::Format;
pub use error::{error_line, Error, ErrorKind, Failure};
pub use jsonl::is_publication_date;
use limits::read_capped;

/// Settings shared by every reader.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Forced input format; detected from content and name when `None`.
    pub format: Option<Format>,
    /// Largest decoded size of one document, in bytes (guards gzip bombs).
    pub max_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: None,
            max_bytes: 50_000_000,
        }
    }
}

/// One input named on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

/// Expands directories (recursively, in sorted order) into files.
/// Symbolic links are followed, but each directory and each file is taken
/// once (by canonical path), so a link loop cannot make the walk repeat.
pub fn expand_inputs(args: &[String]) -> Vec<Result<Input, Error>> {
    let mut walk = Walk::default();
    for arg in args {
        if arg == "-" {
            walk.out.push(Ok(Input::Stdin));
            continue;
        }
        let path = PathBuf::from(arg);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk.dir(&path),
            Ok(_) => {
                // Named on the command line: read even if named twice.
                walk.first_visit(&path);
                walk.out.push(Ok(Input::File(path)));
            }
            Err(e) => walk
                .out
                .push(Err(Error::new(arg.clone(), ErrorKind::Open(e.to_string())))),
        }
    }
    walk.out
}

#[derive(Default)]
struct Walk {
    out: Vec<Result<Input, Error>>,
    /// Canonical paths of the directories and files already taken.
    dirs: HashSet<PathBuf>,
    files: HashSet<PathBuf>,
}

impl Walk {
    fn dir(&mut self, dir: &Path) {
        let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.dirs.insert(canonical) {
            return; // reached again through a link
        }
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                self.out.push(Err(Error::new(
                    dir.display().to_string(),
                    ErrorKind::Open(e.to_string()),
                )));
                return;
            }
        };
        entries.sort();
        for path in entries {
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if path.is_dir() {
                self.dir(&path);
            } else if self.first_visit(&path) {
                self.out.push(Ok(Input::File(path)));
            }
        }
    }

    /// False for a file already taken under another name. A path that
    /// cannot be resolved (a broken link) is taken, for opening to report.
    fn first_visit(&mut self, file: &Path) -> bool {
        std::fs::canonicalize(file).map_or(true, |c| self.files.insert(c))
    }
}

/// What a record carries before decoding.
#[derive(Clone, Debug)]
pub enum Payload {
    /// Plain text bytes, in a declared or unknown charset.
    Text(Vec<u8>),
    /// An HTML page or fragment.
    Html { bytes: Vec<u8>, fragment: bool },
    /// Already-decoded text (JSONL `text`).
    Decoded(String),
    /// Already-decoded HTML (JSONL `html`, feed content).
    DecodedHtml { html: String, fragment: bool },
}

/// Metadata a container gives about a record (feed item, JSONL fields).
#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
    /// The outlet (a JSONL `publisher`, a feed's title).
    pub publisher: Option<String>,
    pub id: Option<String>,
    /// How error messages name the record: `line N` (JSONL), `record N`
    /// (WARC) or `item N` (feeds), as ERRORS.md documents.
    pub label: Option<String>,
    /// Problems found while framing it (a `published` that is no date).
    pub warnings: Vec<Warning>,
}

/// One future document, framed but not yet decoded.
#[derive(Clone, Debug)]
pub struct Record {
    /// The input it came from, for error messages.
    pub input: String,
    pub source: Source,
    pub payload: Payload,
    /// Charset declared by the container (HTTP header), if any.
    pub charset: Option<String>,
    pub meta: Meta,
}

impl Record {
    /// How error messages name this record within its input.
    pub fn label(&self) -> Option<&str> {
        self.meta.label.as_deref().or(self.source.record.as_deref())
    }

    /// Decodes and extracts the text, blocks and metadata.
    pub fn into_document(mut self) -> Result<Document, Error> {
        let label = self.label().map(str::to_string);
        let input = self.input;
        let err = |kind| {
            let mut e = Error::new(input.clone(), kind);
            e.record = label.clone();
            e
        };
        let mut warnings: Vec<Warning> = std::mem::take(&mut self.meta.warnings);
        let mut doc = match self.payload {
            Payload::Text(bytes) => {
                let text =
                    decode::decode(bytes, self.charset.as_deref(), &mut warnings).map_err(err)?;
                text::plain_document(text, self.source)
            }
            Payload::Decoded(text) => {
                if text.trim().is_empty() {
                    return Err(err(ErrorKind::Empty));
                }
                text::plain_document(text, self.source)
            }
            Payload::Html { bytes, fragment } => {
                let declared = self.charset.or_else(|| decode::sniff_html_charset(&bytes));
                let page =
                    decode::decode(bytes, declared.as_deref(), &mut warnings).map_err(err)?;
                html::html_document(&page, self.source, fragment).map_err(err)?
            }
            Payload::DecodedHtml { html, fragment } => {
                html::html_document(&html, self.source, fragment).map_err(err)?
            }
        };
        if let Some(id) = self.meta.id {
            doc.id = id;
        }
        if self.meta.title.is_some() {
            doc.title = self.meta.title;
        }
        if self.meta.published.is_some() {
            doc.published = self.meta.published;
        }
        if !self.meta.authors.is_empty() {
            doc.authors = self.meta.authors;
        }
        if self.meta.publisher.is_some() {
            doc.publisher = self.meta.publisher;
        }
        doc.warnings.splice(0..0, warnings);
        meta::finish(&mut doc);
        Ok(doc)
    }
}

/// A lazily framed stream of records from one input.
pub type Records = Box<dyn Iterator<Item = Result<Record, Error>> + Send>;

/// Opens an input and frames it into records.
pub fn open(input: &Input, options: &ReadOptions) -> Result<Records, Error> {
    let name = input.name();
    let raw: Box<dyn Read + Send> = match input {
        Input::Stdin => Box::new(std::io::stdin()),
        Input::File(path) => Box::new(
            File::open(path)
                .map_err(|e| Error::new(name.clone(), ErrorKind::Open(e.to_string())))?,
        ),
    };
    let path_hint = match input {
        Input::File(p) => Some(p.as_path()),
        Input::Stdin => None,
    };
    open_reader(raw, &name, path_hint, options)
}

/// Frames any reader (used for files, stdin and tests).
pub fn open_reader(
    raw: Box<dyn Read + Send>,
    name: &str,
    path_hint: Option<&Path>,
    options: &ReadOptions,
) -> Result<Records, Error> {
    let err = |kind| Error::new(name.to_string(), kind);
    let (mut reader, head, gzipped) = detect::unwrap_gzip(raw, options.max_bytes).map_err(err)?;
    let format = match options.format {
        Some(f) => f,
        None => detect::detect(&head, path_hint, gzipped).ok_or_else(|| err(ErrorKind::Empty))?,
    };
    let uri = path_hint.map(|p| p.display().to_string());
    let max = options.max_bytes;
    match format {
        Format::Warc => Ok(Box::new(warc::WarcRecords::new(
            reader,
            name.to_string(),
            max,
        ))),
        Format::Jsonl => Ok(Box::new(jsonl::JsonlRecords::new(
            reader,
            name.to_string(),
            max,
        ))),
        Format::Text | Format::Html => {
            let bytes = read_capped(&mut reader, max).map_err(err)?;
            if bytes.iter().all(|b| b.is_ascii_whitespace()) {
                return Err(err(ErrorKind::Empty));
            }
            if format == Format::Text
                && decode::looks_binary(&bytes)
                && decode::sniff_utf16(&bytes).is_none()
            {
                return Err(err(ErrorKind::Binary));
            }
            let (payload, sf) = if format == Format::Html {
                (
                    Payload::Html {
                        bytes,
                        fragment: false,
                    },
                    SourceFormat::Html,
                )
            } else {
                (Payload::Text(bytes), SourceFormat::Text)
            };
            let record = Record {
                input: name.to_string(),
                source: Source {
                    uri,
                    format: sf,
                    record: None,
                },
                payload,
                charset: None,
                meta: Meta::default(),
            };
            Ok(Box::new(std::iter::once(Ok(record))))
        }
        Format::Rss | Format::Atom | Format::JsonFeed => {
            let bytes = read_capped(&mut reader, max).map_err(err)?;
            let records = feed::feed_records(&bytes, name, uri).map_err(err)?;
            Ok(Box::new(records.into_iter().map(Ok)))
        }
    }
}

/// A large read buffer for the streaming framers (WARC, JSONL).
pub(crate) fn boxed_bufread<R: Read + Send + 'static>(r: R) -> Box<dyn BufRead + Send> {
    Box::new(BufReader::with_capacity(1 << 16, r))
}
