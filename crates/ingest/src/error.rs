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
        Error {
            input,
            record: None,
            kind,
        }
    }
    pub fn at(mut self, record: impl Into<String>) -> Self {
        self.record = Some(record.into());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&error_line(
            &self.input,
            self.record.as_deref(),
            self.kind.code(),
            &self.kind.to_string(),
        ))
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

/// A record that gave no document: a code of ERRORS.md, its reason, and
/// where. Every front end (the CLI, the Python package) reports these.
#[derive(Debug, Clone)]
pub struct Failure {
    pub code: String,
    pub message: String,
    pub input: String,
    pub record: Option<String>,
}

impl Failure {
    pub fn from_read(e: &Error) -> Self {
        Failure {
            code: e.kind.code().to_string(),
            message: e.kind.to_string(),
            input: e.input.clone(),
            record: e.record.clone(),
        }
    }

    /// E900 for a panic while analysing a record, with the panic's message.
    pub fn internal(
        input: String,
        record: Option<String>,
        panic: &(dyn std::any::Any + Send),
    ) -> Self {
        let msg = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Failure {
            code: "E900".into(),
            message: format!("internal error, please report it: {msg}"),
            input,
            record,
        }
    }

    /// `INPUT [RECORD]: error[CODE]: reason`, as the readers print it.
    pub fn line(&self) -> String {
        error_line(
            &self.input,
            self.record.as_deref(),
            &self.code,
            &self.message,
        )
    }

    /// The error record written in the document's place, so a consumer of
    /// the stream sees one line per input record.
    pub fn json(&self) -> String {
        serde_json::json!({ "error": { "code": self.code, "message": self.message, "input": self.input, "record": self.record } }).to_string()
    }
}
