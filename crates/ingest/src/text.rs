//! Plain text: every line is a block, classified as heading, credit,
//! byline or paragraph. The text itself is kept exactly as decoded.

use dossier_core::{Block, BlockKind, Document, Source, SourceFormat, Span};

/// A plain-text document; a first line that reads as a headline, with
/// more text after it, is its title.
pub fn plain_document(text: String, source: Source) -> Document {
    let mut doc = Document::new(text, source);
    doc.blocks = line_blocks(doc.text(), 0, doc.text().len());
    if let [first, _, ..] = doc.blocks.as_slice() {
        if first.kind == BlockKind::Heading {
            doc.title = Some(first.span.of(doc.text()).to_string());
        }
    }
    doc
}

/// A plain-text document with no origin: an evaluation or training text.
pub fn unsourced_document(text: String) -> Document {
    plain_document(
        text,
        Source {
            uri: None,
            format: SourceFormat::Text,
            record: None,
        },
    )
}

/// One block per non-blank line of `text[start..end]`, spans trimmed.
pub fn line_blocks(text: &str, start: usize, end: usize) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut line_start = start;
    for nl in memchr::memchr_iter(b'\n', &text.as_bytes()[start..end])
        .map(|i| start + i)
        .chain(std::iter::once(end))
    {
        if let Some(span) = trimmed(text, line_start, nl) {
            blocks.push(Block {
                span,
                kind: classify_line(span.of(text)),
            });
        }
        line_start = nl + 1;
    }
    blocks
}

/// `text[start..end]` without surrounding white space, if anything is left.
pub fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    (!t.is_empty()).then(|| Span::new(start + lead, start + lead + t.len()))
}

/// Layout role of one line of plain text.
pub fn classify_line(line: &str) -> BlockKind {
    if is_credit(line) {
        BlockKind::Credit
    } else if is_byline(line) {
        BlockKind::Byline
    } else if is_heading(line) {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    }
}

/// "(With AP inputs)", "Reporting by Jane Doe; Editing by John Roe".
fn is_credit(line: &str) -> bool {
    let inner = line.trim_start_matches('(').trim_end_matches(')').trim();
    let lower = inner.to_lowercase();
    let words = inner.split_whitespace().count();
    if words == 0 || words > 16 {
        return false;
    }
    (line.starts_with('(')
        && line.ends_with(')')
        && (lower.contains("input")
            || lower.contains("reporting")
            || lower.contains("contributed")
            || lower.starts_with("with ")))
        || lower.starts_with("reporting by")
        || lower.starts_with("additional reporting")
        || lower.starts_with("editing by")
        || lower.starts_with("writing by")
        || lower.starts_with("compiled by")
}

/// "By Jane Doe and John Roe".
fn is_byline(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && !ends_like_sentence(line)
        && words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count()
            * 2
            >= words.len()
}

/// Headlines: short, no closing punctuation, mostly Title Case or ALL CAPS.
fn is_heading(line: &str) -> bool {
    if ends_like_sentence(line) || line.chars().count() > 150 {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 20 {
        return false;
    }
    if line.contains(" | ") {
        return true;
    }
    let alpha: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if alpha.is_empty() {
        return false;
    }
    let capitalised = alpha
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    // Short function words ("of", "the", "in") may stay lowercase in Title Case.
    let minor = alpha.iter().filter(|w| is_minor_word(w)).count();
    capitalised + minor >= alpha.len() && capitalised * 2 > alpha.len()
}

fn is_minor_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "and"
            | "or"
            | "but"
            | "by"
            | "with"
            | "from"
            | "as"
            | "vs"
            | "vs."
            | "over"
            | "into"
    )
}

fn ends_like_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', ',', ';', ':', '"', '”', '’', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_the_example_lines() {
        use BlockKind::*;
        for (line, kind) in [
            ("NATO SUMMIT 2024 | TOP UPDATES", Heading),
            ("China's Angry Response Over Deepening US Leadership", Heading),
            ("Greatest Alliance In World History", Heading),
            ("Stinger Missile Contract At $700 Million", Heading),
            ("Zelenskyy's Pitch For Action Against Putin", Heading),
            ("(With AP inputs)", Credit),
            ("By Jane Doe and John Roe", Byline),
            ("The Stinger is a portable surface-to-air defence system.", Paragraph),
            ("Notably, the leaders of New Zealand, Japan and South Korea attended the NATO summit for the third consecutive year.", Paragraph),
        ] {
            assert_eq!(classify_line(line), kind, "{line}");
        }
    }

    #[test]
    fn a_headline_first_line_is_the_title() {
        let src = || Source {
            uri: None,
            format: dossier_core::SourceFormat::Text,
            record: None,
        };
        let doc = plain_document(
            "Allies Pledge New Air Defences\n\nThe allies said on Tuesday they would send more."
                .into(),
            src(),
        );
        assert_eq!(doc.title.as_deref(), Some("Allies Pledge New Air Defences"));
        let doc = plain_document(
            "The allies said on Tuesday they would send more.\nMore text.".into(),
            src(),
        );
        assert_eq!(doc.title, None);
        assert_eq!(plain_document("Only A Headline".into(), src()).title, None);
    }

    #[test]
    fn blocks_skip_blank_lines_and_keep_offsets() {
        let text = "Title Line\r\n\r\n  First para.  \nSecond.";
        let blocks = line_blocks(text, 0, text.len());
        let got: Vec<&str> = blocks.iter().map(|b| b.span.of(text)).collect();
        assert_eq!(got, ["Title Line", "First para.", "Second."]);
    }
}
