use std::io::Read;

use crate::ErrorKind;

/// Reads everything, refusing more than `max` bytes (a gzip bomb or a 1 GB
/// line fails fast instead of exhausting memory).
pub fn read_capped(reader: &mut dyn Read, max: usize) -> Result<Vec<u8>, ErrorKind> {
    let mut buf = Vec::new();
    reader
        .take(max as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(io_kind)?;
    if buf.len() > max {
        return Err(ErrorKind::TooLarge(max));
    }
    Ok(buf)
}

/// Maps an I/O error, naming truncation plainly.
pub fn io_kind(e: std::io::Error) -> ErrorKind {
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof => {
            ErrorKind::Truncated("unexpected end of data (truncated gzip?)".into())
        }
        std::io::ErrorKind::InvalidInput | std::io::ErrorKind::InvalidData => {
            ErrorKind::Read(format!("corrupt data: {e}"))
        }
        _ => ErrorKind::Read(e.to_string()),
    }
}
