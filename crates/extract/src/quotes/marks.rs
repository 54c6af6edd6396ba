//! Quotation marks: pairing opening and closing marks across a document, balancing what the
//! writer left open, and the punctuation around a quote.

use super::*;

/// `"…," German Chancellor Angela Merkel told` or `"…," said Merkel`: the
/// closing mark that cue `c` signs, whatever the parse made of it. Between
/// the mark and the cue there may be only a comma and a short verbless name.
/// The quote must end in a comma, `?`, `!` or a dash, or be followed by a comma.
pub(super) fn closing_mark_before(doc: &Document, c: usize, a: usize, b: usize) -> Option<usize> {
    let word = |i: usize| doc.span_text(doc.tokens[i].span);
    let m = (a..c)
        .rev()
        .take(24)
        .find(|&i| is_close_mark(word(i)) || is_open_mark(word(i)))?;
    if !is_close_mark(word(m)) || m == a {
        return None;
    }
    let closes_statement =
        matches!(word(m - 1), "," | "?" | "!" | "—" | "–" | "…" | "...") || word(m + 1) == ",";
    // '“jobs, jobs, jobs,” but he has also intensified', '“…,” when Clinton
    // blasted him': a conjunction or a relative opens a new clause, which
    // does not sign the quote.
    if (m + 1..c).any(|i| {
        matches!(doc.tokens[i].pos, Some(Upos::Cconj | Upos::Sconj))
            || ["which", "who", "that", "when"]
                .iter()
                .any(|r| word(i).eq_ignore_ascii_case(r))
    }) {
        return None;
    }
    let name_between = c - m <= 12
        && (m + 1..c).all(|i| {
            !matches!(doc.tokens[i].pos, Some(Upos::Verb | Upos::Aux))
                && !is_open_mark(word(i))
                && !is_close_mark(word(i))
        });
    // Or a longer subject that the parse found filling the gap: '"…," Scott
    // Pruitt, the attorney general of one of the states suing the EPA, said'.
    let subject_between = || {
        children(doc, a, b, c).any(|j| {
            doc.tokens[j].dep == Some(Dep::Nsubj) && j > m && {
                let (x, y) = subtree(doc, j, a, b);
                x <= m + 2 && y + 2 >= c
            }
        })
    };
    (closes_statement && (name_between || subject_between())).then_some(m)
}

/// `X said, "…"` or `a friend commented: "…"`: the opening mark that cue `c`
/// introduces, right after it or after a comma or colon.
pub(super) fn opening_mark_after(doc: &Document, c: usize, b: usize) -> Option<usize> {
    let word = |i: usize| doc.span_text(doc.tokens[i].span);
    let k = if c + 1 < b && matches!(word(c + 1), "," | ":") {
        c + 2
    } else {
        c + 1
    };
    (k + 1 < b && is_open_mark(word(k))).then_some(k)
}

/// A pair of quotation marks: the span between them (marks excluded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marked {
    pub inner: Span,
    /// The closing mark was never found; the quote runs to its paragraph's end.
    pub unclosed: bool,
}

/// Pairs quotation marks paragraph by paragraph. A paragraph that opens a
/// quote and does not close it continues into the next one when that one
/// opens with a mark (the newspaper convention); otherwise the quote ends
/// with its paragraph and is flagged. Single quotes count only outside
/// double ones (inside, they are nested quotes or apostrophes).
pub fn pair_marks(doc: &Document) -> Vec<Marked> {
    let text = doc.text();
    let mut out = Vec::new();
    // (open position after the mark, is single)
    let mut open: Option<(usize, bool)> = None;
    let blocks = &doc.blocks;
    for (bi, block) in blocks.iter().enumerate() {
        let s = block.span.of(text);
        let base = block.span.start;
        let mut prev: Option<char> = None;
        let mut iter = s.char_indices().peekable();
        while let Some((i, mut c)) = iter.next() {
            let mut next = iter.peek().map(|&(_, c)| c);
            // Two apostrophes are a double mark (a convention of some wires),
            // and so are two curly single marks: `’’` closes, `‘‘` opens.
            let mut width = c.len_utf8();
            if matches!(c, '\'' | '’' | '‘') && next == Some(c) {
                iter.next();
                next = iter.peek().map(|&(_, c)| c);
                width = 2 * c.len_utf8();
                c = match c {
                    '’' => '”',
                    '‘' => '“',
                    _ => '"',
                };
            }
            let at_word_start = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
            let pos = base + i;
            match (c, open) {
                ('“' | '«' | '„', None) => open = Some((pos + width, false)),
                ('"', None) if at_word_start || next.is_some_and(|n| n.is_alphanumeric()) => {
                    open = Some((pos + width, false))
                }
                ('‘', None) if at_word_start => open = Some((pos + c.len_utf8(), true)),
                // A closing mark used to open (a common typo): at a word start, before a letter.
                ('”', None) if at_word_start && next.is_some_and(|n| n.is_alphanumeric()) => {
                    open = Some((pos + width, false))
                }
                ('"' | '”' | '»', Some((start, false))) => {
                    out.push(Marked {
                        inner: Span::new(start, pos),
                        unclosed: false,
                    });
                    open = None;
                }
                // A nested opening mark of the same kind: the outer quote was never closed.
                ('“', Some((start, false))) if at_word_start && pos > start => {
                    out.push(Marked {
                        inner: Span::new(start, pos),
                        unclosed: true,
                    });
                    open = Some((pos + width, false));
                }
                ('’', Some((start, true))) if next.is_none_or(|n| !n.is_alphanumeric()) => {
                    out.push(Marked {
                        inner: Span::new(start, pos),
                        unclosed: false,
                    });
                    open = None;
                }
                _ => {}
            }
            prev = Some(c);
        }
        if let Some((start, single)) = open {
            let continues = !single
                && blocks
                    .get(bi + 1)
                    .is_some_and(|nb| nb.span.of(text).trim_start().starts_with(['“', '"', '«']))
                && block.kind == BlockKind::Paragraph;
            if continues {
                // Close here; the next paragraph's opening mark starts the continuation.
                out.push(Marked {
                    inner: Span::new(start, block.span.end),
                    unclosed: false,
                });
            } else {
                out.push(Marked {
                    inner: Span::new(start, block.span.end),
                    unclosed: !single,
                });
            }
            open = None;
        }
    }
    // Trim spaces inside the marks.
    for m in &mut out {
        let t = m.inner.of(text);
        let lead = t.len() - t.trim_start().len();
        let trail = t.len() - t.trim_end().len();
        if lead + trail < t.len() {
            m.inner = Span::new(m.inner.start + lead, m.inner.end - trail);
        }
    }
    out.retain(|m| !m.inner.is_empty());
    out
}

/// A mixed quote's span holds both marks of a quoted stretch or neither:
/// an opening mark inside whose closing mark lies just after the span
/// takes that mark in, and likewise a closing mark with its opening one.
pub(super) fn balance_marks(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let opens = s.matches(['“', '«']).count();
    let closes = s.matches(['”', '»']).count();
    let (mut start, mut end) = (span.start, span.end);
    if s.matches('"').count() % 2 == 1 {
        // Straight marks: take in the one next to the span.
        if let Some(n) = closing_mark_after(&text[end..], &['"']) {
            end += n;
        } else if text[..start].ends_with('"') {
            start -= 1;
        }
    } else if opens > closes {
        if let Some(n) = closing_mark_after(&text[end..], &['”', '»', '"']) {
            end += n;
        }
    } else if closes > opens {
        if let Some(c) = text[..start]
            .chars()
            .next_back()
            .filter(|c| matches!(c, '“' | '«' | '"'))
        {
            start -= c.len_utf8();
        }
    }
    Span::new(start, end)
}

/// The length of a closing mark (one of `marks`) at the start of `after`,
/// with the comma or full stop that American style sets inside it
/// ('not "bolt-on things," Cook said'): the mark closes what the span opened.
pub(super) fn closing_mark_after(after: &str, marks: &[char]) -> Option<usize> {
    let mut chars = after.chars();
    let first = chars.next()?;
    if marks.contains(&first) {
        return Some(first.len_utf8());
    }
    let second = chars.next()?;
    (matches!(first, ',' | '.' | '?' | '!') && marks.contains(&second))
        .then(|| first.len_utf8() + second.len_utf8())
}

pub(super) fn overlap_len(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Drops punctuation and spaces at both ends, keeping a closing mark's
/// sentence-final stop out of the content.
pub(super) fn trim_punct(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let strip = |c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '"' | '“' | '”' | '—' | '–' | '-')
    };
    let t = s.trim_start_matches(strip);
    let lead = s.len() - t.len();
    let t2 = t.trim_end_matches(strip);
    if t2.is_empty() {
        return span;
    }
    Span::new(span.start + lead, span.start + lead + t2.len())
}

pub(super) fn is_punct(doc: &Document, i: usize) -> bool {
    doc.tokens[i].pos == Some(Upos::Punct)
}

pub(super) fn is_open_mark(s: &str) -> bool {
    matches!(s, "“" | "\"" | "«" | "‘" | "''" | "``" | "‘‘")
}

pub(super) fn is_close_mark(s: &str) -> bool {
    matches!(s, "”" | "\"" | "»" | "’" | "''" | "’’")
}
