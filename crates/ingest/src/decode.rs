//! Bytes to text: declared charset, else UTF-8, else detection; every
//! guess or repair is recorded as a warning on the document.

use dossier_core::Warning;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use crate::ErrorKind;

pub fn decode(
    owned: Vec<u8>,
    declared: Option<&str>,
    warnings: &mut Vec<Warning>,
) -> Result<String, ErrorKind> {
    let bytes = owned.as_slice();
    // A byte-order mark is authoritative and is not part of the text.
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            warn_replacements(&text, warnings);
        }
        return non_empty(text.into_owned());
    }
    if let Some(enc) = sniff_utf16(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        warnings.push(Warning::new(
            "charset_detected",
            format!("no byte-order mark; decoded as {}", enc.name()),
        ));
        if had_errors {
            warn_replacements(&text, warnings);
        }
        return non_empty(text.into_owned());
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    let valid_utf8 = utf8.is_some();
    let declared_enc = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes()));
    // UTF-16 labels in HTTP headers of ASCII-compatible pages are lies.
    if let Some(enc) = declared_enc.filter(|&e| e != UTF_16LE && e != UTF_16BE) {
        let mismatch = || {
            Warning::new(
                "charset_mismatch",
                format!(
                    "declared charset `{}` does not fit the bytes",
                    declared.unwrap_or("").trim()
                ),
            )
        };
        if enc == UTF_8 {
            if let Some(s) = utf8 {
                return non_empty(s.to_string());
            }
            warnings.push(mismatch());
        } else if let Some(s) = utf8.filter(|_| !bytes.is_ascii()) {
            // Valid multi-byte UTF-8 is almost never an accident.
            warnings.push(mismatch());
            return non_empty(s.to_string());
        } else {
            let (text, had_errors) = enc.decode_without_bom_handling(bytes);
            if !had_errors {
                return non_empty(text.into_owned());
            }
            warnings.push(mismatch());
        }
    }
    if valid_utf8 {
        // Already validated: take the buffer without copying it.
        return non_empty(String::from_utf8(owned).unwrap_or_default());
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if enc != UTF_8 {
        warnings.push(Warning::new(
            "charset_detected",
            format!("input is not valid UTF-8; decoded as {}", enc.name()),
        ));
    }
    if had_errors {
        warn_replacements(&text, warnings);
    }
    non_empty(text.into_owned())
}

fn non_empty(text: String) -> Result<String, ErrorKind> {
    if text.trim().is_empty() {
        Err(ErrorKind::Empty)
    } else {
        Ok(text)
    }
}

fn warn_replacements(text: &str, warnings: &mut Vec<Warning>) {
    let n = text.chars().filter(|&c| c == '\u{fffd}').count();
    warnings.push(Warning::new(
        "undecodable_bytes",
        format!("{n} undecodable byte sequences replaced with U+FFFD"),
    ));
}

/// UTF-16 without a byte-order mark, told by its NUL bytes: in text
/// that is mostly Latin script, the high byte of most code units is zero,
/// at odd offsets for little-endian and even ones for big-endian, and the
/// other bytes are almost never zero. Decoded, it must read as text.
pub fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(8192) & !1];
    let units = sample.len() / 2;
    let zeros = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let mostly = |n: usize| n * 10 >= units * 3;
    let hardly = |n: usize| n * 50 <= units;
    let enc = if units >= 2 && mostly(odd) && hardly(even) {
        UTF_16LE
    } else if units >= 2 && mostly(even) && hardly(odd) {
        UTF_16BE
    } else {
        return None;
    };
    let (text, _) = enc.decode_without_bom_handling(sample);
    let control = text
        .chars()
        .filter(|&c| c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
        .count();
    (control * 10 <= units).then_some(enc)
}

/// Binary junk: NUL bytes or many control characters near the start.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    control * 10 > head.len()
}

/// The charset a page declares in its first bytes (`<meta charset>` or
/// `http-equiv` content), if any.
pub fn sniff_html_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = memchr::memmem::find(&lower[from..], b"charset") {
        let mut i = from + pos + 7;
        while i < lower.len() && matches!(lower[i], b' ' | b'\t') {
            i += 1;
        }
        if i < lower.len() && lower[i] == b'=' {
            i += 1;
            while i < lower.len() && matches!(lower[i], b' ' | b'"' | b'\'') {
                i += 1;
            }
            let start = i;
            while i < lower.len()
                && (lower[i].is_ascii_alphanumeric()
                    || matches!(lower[i], b'-' | b'_' | b':' | b'.'))
            {
                i += 1;
            }
            if i > start {
                return Some(String::from_utf8_lossy(&lower[start..i]).into_owned());
            }
        }
        from += pos + 7;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_latin1_and_warns() {
        let mut w = Vec::new();
        let text = decode(
            b"Caf\xe9 in Kyiv, na\xefve reporting from the capital of Ukraine".to_vec(),
            None,
            &mut w,
        )
        .unwrap();
        assert!(text.starts_with("Café"));
        assert_eq!(w[0].code, "charset_detected");
    }

    #[test]
    fn wrong_declared_charset_falls_back() {
        let mut w = Vec::new();
        let text = decode(
            "Zelenskyy’s “pitch”".as_bytes().to_vec(),
            Some("shift_jis"),
            &mut w,
        )
        .unwrap();
        assert_eq!(text, "Zelenskyy’s “pitch”");
        assert_eq!(w[0].code, "charset_mismatch");
    }

    #[test]
    fn finds_meta_charset() {
        assert_eq!(
            sniff_html_charset(b"<meta charset=\"ISO-8859-1\">").as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(
            sniff_html_charset(
                b"<meta http-equiv=Content-Type content='text/html; charset=windows-1252'>"
            )
            .as_deref(),
            Some("windows-1252")
        );
    }
}
