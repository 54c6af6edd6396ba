//! The model file format: an 8-byte magic, a format version, the model
//! kind, then a deflate-compressed payload. A corrupt, truncated or
//! mismatched file is a typed error, never a panic.

use std::io::{Read, Write};

pub const MAGIC: &[u8; 8] = b"DOSSIER\x1a";
pub const VERSION: u32 = 2;

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("not a dossier model file (bad magic)")]
    BadMagic,
    #[error("model format version {found}, this build reads version {expected}; retrain or update dossier")]
    Version { found: u32, expected: u32 },
    #[error("this is a {found} model, expected a {expected} model")]
    Kind {
        found: String,
        expected: &'static str,
    },
    #[error("corrupt model file: {0}")]
    Corrupt(String),
    /// An environment variable that replaces a shipped model or its
    /// threshold names a file that cannot be read or a value that is no number.
    #[error("{var}: {reason}")]
    Setting { var: &'static str, reason: String },
    /// A tag or relation outside the label set this build knows
    /// (`dossier_core::labels`): a model trained on another treebank.
    #[error("model has an {0}")]
    Label(#[from] dossier_core::UnknownLabel),
}

/// Wraps `payload` with the header and compresses it.
pub fn encode(kind: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() / 3);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.push(kind.len() as u8);
    out.extend_from_slice(kind.as_bytes());
    let mut z = flate2::write::DeflateEncoder::new(out, flate2::Compression::best());
    z.write_all(payload).expect("writing to memory");
    z.finish().expect("writing to memory")
}

/// Checks the header and returns the decompressed payload.
pub fn decode(bytes: &[u8], expected_kind: &'static str) -> Result<Vec<u8>, ModelError> {
    if bytes.len() < 13 || &bytes[..8] != MAGIC {
        return Err(ModelError::BadMagic);
    }
    let version = u32::from_le_bytes(bytes[8..12].try_into().unwrap());
    if version != VERSION {
        return Err(ModelError::Version {
            found: version,
            expected: VERSION,
        });
    }
    let kind_len = bytes[12] as usize;
    let kind = bytes
        .get(13..13 + kind_len)
        .ok_or_else(|| ModelError::Corrupt("truncated header".into()))?;
    if kind != expected_kind.as_bytes() {
        return Err(ModelError::Kind {
            found: String::from_utf8_lossy(kind).into_owned(),
            expected: expected_kind,
        });
    }
    let mut payload = Vec::new();
    flate2::read::DeflateDecoder::new(&bytes[13 + kind_len..])
        .read_to_end(&mut payload)
        .map_err(|e| ModelError::Corrupt(format!("payload does not decompress: {e}")))?;
    Ok(payload)
}

/// A bounds-checked little-endian reader over a payload.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self
            .bytes
            .get(self.at..self.at + n)
            .ok_or_else(|| self.corrupt("payload ends early"))?;
        self.at += n;
        Ok(s)
    }
    pub fn corrupt(&self, why: &str) -> ModelError {
        ModelError::Corrupt(format!("{why} at byte {}", self.at))
    }
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    pub fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().unwrap()))
    }
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    pub fn string(&mut self) -> Result<String, ModelError> {
        let n = self.u32()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| self.corrupt("invalid UTF-8 string"))
    }
    pub fn strings(&mut self) -> Result<Vec<String>, ModelError> {
        let n = self.u32()? as usize;
        (0..n).map(|_| self.string()).collect()
    }
    /// A count of items of `item_bytes` each that follow, refused when the
    /// payload cannot hold them (a corrupt count would otherwise ask for
    /// gigabytes before the reads fail).
    pub fn count(&mut self, item_bytes: usize) -> Result<usize, ModelError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(item_bytes) > self.bytes.len() - self.at {
            return Err(self.corrupt("count larger than the payload"));
        }
        Ok(n)
    }
    pub fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }
}

pub fn put_string(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

pub fn put_strings(out: &mut Vec<u8>, v: &[String]) {
    out.extend_from_slice(&(v.len() as u32).to_le_bytes());
    for s in v {
        put_string(out, s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_errors_are_typed() {
        let file = encode("tagger", b"payload");
        assert_eq!(decode(&file, "tagger").unwrap(), b"payload");
        assert_eq!(decode(b"junk", "tagger"), Err(ModelError::BadMagic));
        assert!(matches!(
            decode(&file, "parser"),
            Err(ModelError::Kind { .. })
        ));
        let mut newer = file.clone();
        newer[8] = 9;
        assert!(matches!(
            decode(&newer, "tagger"),
            Err(ModelError::Version { found: 9, .. })
        ));
        assert!(matches!(
            decode(&file[..file.len() - 3], "tagger"),
            Err(ModelError::Corrupt(_))
        ));
    }
}
