/// Converts byte offsets into Unicode code-point offsets in O(1) amortised.
///
/// A code point starts at every byte that is not a UTF-8 continuation byte,
/// so the code-point offset of byte `b` is the count of such bytes before it.
/// We keep that count at every 64-byte checkpoint and count the rest.
pub struct CharOffsets<'t> {
    bytes: &'t [u8],
    /// `None` for pure-ASCII text, where byte and code-point offsets agree.
    checkpoints: Option<Vec<u32>>,
}

const STRIDE: usize = 64;

#[inline]
fn starts_code_point(b: u8) -> bool {
    (b as i8) >= -0x40 // not 0b10xx_xxxx
}

impl<'t> CharOffsets<'t> {
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            return CharOffsets {
                bytes,
                checkpoints: None,
            };
        }
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut count = 0u32;
        for chunk in bytes.chunks(STRIDE) {
            checkpoints.push(count);
            count += chunk.iter().filter(|&&b| starts_code_point(b)).count() as u32;
        }
        checkpoints.push(count);
        CharOffsets {
            bytes,
            checkpoints: Some(checkpoints),
        }
    }

    /// Code-point offset of byte offset `byte` (which lies on a char boundary).
    #[inline]
    pub fn to_char(&self, byte: usize) -> usize {
        match &self.checkpoints {
            None => byte,
            Some(cp) => {
                let base = byte / STRIDE;
                let from = base * STRIDE;
                cp[base] as usize
                    + self.bytes[from..byte]
                        .iter()
                        .filter(|&&b| starts_code_point(b))
                        .count()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_char_indices() {
        let text = "Zelenskyy “said” — café 🇺🇦 北约峰会 ".repeat(20);
        let map = CharOffsets::new(&text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(map.to_char(bi), ci);
        }
        assert_eq!(map.to_char(text.len()), text.chars().count());
    }
}
