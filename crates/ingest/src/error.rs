//! Typed reader errors with stable numbers (the catalogue is in ERRORS.md).

use std::fmt;

/// Why an input or record could not be read. Each has a stable code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErrorKind {
    #[error("cannot open: {0}")]
    Open(String),
    #[error("read failed: {0}")]
    Read(String),
    #[error("empty input: no text to analyse")]
    Empty,
    #[error("binary data, not text (use --from to force a format)")]
    Binary,
    #[error("larger than --max-bytes ({0} bytes decoded); raise --max-bytes to read it")]
    TooLarge(usize),
    #[error("invalid JSON: {0}")]
    Json(String),
    #[error("record has neither a `text` nor an `html` string field")]
    NoTextField,
    #[error("not a valid feed: {0}")]
    Feed(String),
    #[error("malformed WARC record: {0}")]
    Warc(String),
    #[error("truncated input: {0}")]
    Truncated(String),
    #[error("no article text found in the HTML")]
    NoContent,
    #[error("unsupported content encoding `{0}`")]
    Encoding(String),
}

impl ErrorKind {
    /// Stable error number.
    pub fn code(&self) -> &'static str {
        match self {
            ErrorKind::Open(_) => "E101",
            ErrorKind::Read(_) => "E102",
            ErrorKind::Empty => "E103",
            ErrorKind::Binary => "E104",
            ErrorKind::TooLarge(_) => "E105",
            ErrorKind::Json(_) => "E106",
            ErrorKind::NoTextField => "E107",
            ErrorKind::Feed(_) => "E108",
            ErrorKind::Warc(_) => "E109",
            ErrorKind::Truncated(_) => "E110",
            ErrorKind::NoContent => "E111",
            ErrorKind::Encoding(_) => "E112",
        }
    }
}

/// An error tied to the input (and record within it) that caused it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub input: String,
    pub record: Option<String>,
    pub kind: ErrorKind,
}

impl Error {
    pub fn new(input: String, kind: ErrorKind) -> Self {
        Error { input, record: None, kind }
    }
    pub fn at(mut self, record: impl Into<String>) -> Self {
        self.record = Some(record.into());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&error_line(&self.input, self.record.as_deref(), self.kind.code(), &self.kind.to_string()))
    }
}

/// The one-line form of every failure, ours or a caller's (E900):
/// `INPUT [RECORD]: error[CODE]: reason`, as ERRORS.md documents it.
pub fn error_line(input: &str, record: Option<&str>, code: &str, message: &str) -> String {
    match record {
        Some(r) => format!("{input} [{r}]: error[{code}]: {message}"),
        None => format!("{input}: error[{code}]: {message}"),
    }
}

impl std::error::Error for Error {}
