//! Rule tokenizer in the Penn Treebank / UD English manner: punctuation and
//! clitics split off ("Russia's" → "Russia" "'s"), while abbreviations,
//! initials, decimals, thousands, URLs, e-mail addresses and hyphenated
//! words stay whole. Appends byte spans into a caller-owned buffer, so a
//! reused buffer means no allocation per token.

use dossier_core::Span;

use crate::abbrev::is_abbreviation;

/// Appends the tokens of `text[range]` to `out`.
pub fn tokenize(text: &str, range: Span, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut i = range.start;
    while i < range.end {
        // Skip white space (ASCII fast path, then Unicode).
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b >= 0x80 {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
        }
        let start = i;
        while i < range.end {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                break;
            }
            if b >= 0x80 {
                let c = text[i..].chars().next().unwrap_or(' ');
                if c.is_whitespace() {
                    break;
                }
                i += c.len_utf8();
            } else {
                i += 1;
            }
        }
        split_chunk(text, start, i, out);
    }
}

/// Splits one white-space-delimited chunk.
fn split_chunk(text: &str, mut s: usize, mut e: usize, out: &mut Vec<Span>) {
    let chunk = &text[s..e];
    if chunk.is_ascii() && chunk.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.push(Span::new(s, e)); // the common case: a plain word
        return;
    }
    // Leading punctuation, one token each ("--" and "..." as one).
    while s < e {
        let c = first_char(text, s);
        if is_opening(c)
            || is_currency(c)
            || (is_splitting_punct(c) && !is_word_start_punct(text, s, e))
        {
            let n = run_len(text, s, e, c);
            out.push(Span::new(s, s + n));
            s += n;
        } else {
            break;
        }
    }
    if s >= e {
        return;
    }
    if let Some(url_end) = url_or_email_end(text, s, e) {
        out.push(Span::new(s, url_end));
        split_chunk(text, url_end, e, out);
        return;
    }
    // Trailing punctuation, peeled from the end and pushed afterwards.
    let mut trailing: [Span; 8] = [Span::default(); 8];
    let mut n_trailing = 0;
    while s < e && n_trailing < trailing.len() {
        let c = last_char(text, e);
        let cl = c.len_utf8();
        if c == '.' {
            // "..." is one token; a period stays on an abbreviation.
            let dots = text[s..e].bytes().rev().take_while(|&b| b == b'.').count();
            if dots >= 2 {
                trailing[n_trailing] = Span::new(e - dots, e);
            } else if is_abbreviation(&text[s..e]) && !is_opening_run(&text[s..e]) {
                break;
            } else {
                trailing[n_trailing] = Span::new(e - 1, e);
            }
            e = trailing[n_trailing].start;
            n_trailing += 1;
        } else if c == '\'' && e - s >= 2 && text[..e - 1].ends_with('\'') {
            // Two apostrophes close a quote as one mark, as they open one: "so,''".
            trailing[n_trailing] = Span::new(e - 2, e);
            e -= 2;
            n_trailing += 1;
        } else if is_closing(c)
            || matches!(
                c,
                ',' | ';' | ':' | '!' | '?' | '%' | '…' | '。' | '！' | '？' | '、' | '，'
            )
        {
            // An apostrophe that closes a plural possessive ("allies'") splits too.
            trailing[n_trailing] = Span::new(e - cl, e);
            e -= cl;
            n_trailing += 1;
        } else if (c == '-' || c == '—' || c == '–') && e - s > cl {
            let n = text[s..e].chars().rev().take_while(|&x| x == c).count() * cl;
            trailing[n_trailing] = Span::new(e - n, e);
            e -= n;
            n_trailing += 1;
        } else {
            break;
        }
    }
    if s < e {
        split_core(text, s, e, out);
    }
    for k in (0..n_trailing).rev() {
        out.push(trailing[k]);
    }
}

/// The chunk without its outer punctuation: split at dashes, ellipses and
/// separators inside it, then split off clitics.
fn split_core(text: &str, s: usize, e: usize, out: &mut Vec<Span>) {
    let mut piece = s;
    let mut i = s;
    while i < e {
        let c = first_char(text, i);
        let cl = c.len_utf8();
        let split_len = match c {
            '—' | '–' | '…' | '"' | '“' | '”' | '(' | ')' | '[' | ']' | '{' | '}' | ';' | '!'
            | '?' | '。' | '！' | '？' | '、' | '，' | '«' | '»' => run_len(text, i, e, c),
            '-' if text[i..e].starts_with("--") => run_len(text, i, e, '-'),
            '.' if text[i..e].starts_with("..") => run_len(text, i, e, '.'),
            ',' => {
                // Keep thousands separators and decimal commas: "3,000".
                let prev_digit = i > s && text.as_bytes()[i - 1].is_ascii_digit();
                let next_digit = text
                    .as_bytes()
                    .get(i + 1)
                    .is_some_and(|b| b.is_ascii_digit());
                if prev_digit && next_digit {
                    0
                } else {
                    1
                }
            }
            _ => 0,
        };
        if split_len > 0 {
            if piece < i {
                push_with_clitics(text, piece, i, out);
            }
            out.push(Span::new(i, i + split_len));
            i += split_len;
            piece = i;
        } else {
            i += cl;
        }
    }
    if piece < e {
        push_with_clitics(text, piece, e, out);
    }
}

/// Pushes a word, splitting "'s", "n't", "'re", "'ve", "'ll", "'d", "'m".
fn push_with_clitics(text: &str, s: usize, e: usize, out: &mut Vec<Span>) {
    let word = &text[s..e];
    if let Some(split) = clitic_start(word) {
        if split > 0 {
            out.push(Span::new(s, s + split));
            out.push(Span::new(s + split, e));
            return;
        }
    }
    out.push(Span::new(s, e));
}

/// Byte index where a clitic starts in `word`, if it ends with one.
fn clitic_start(word: &str) -> Option<usize> {
    let lower_ends = |suffix: &str| {
        word.len() > suffix.len()
            && word.is_char_boundary(word.len() - suffix.len())
            && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    for apostrophe in ["'", "’"] {
        for clitic in ["s", "re", "ve", "ll", "d", "m"] {
            let suffix_len = apostrophe.len() + clitic.len();
            if word.len() > suffix_len && word.is_char_boundary(word.len() - suffix_len) {
                let tail = &word[word.len() - suffix_len..];
                if tail.starts_with(apostrophe)
                    && tail[apostrophe.len()..].eq_ignore_ascii_case(clitic)
                {
                    return Some(word.len() - suffix_len);
                }
            }
        }
        let nt = format_nt(apostrophe);
        if lower_ends(nt) {
            let at = word.len() - nt.len();
            // "can't" → "ca" "n't", as in the treebanks.
            return Some(at);
        }
    }
    None
}

fn format_nt(apostrophe: &str) -> &'static str {
    if apostrophe == "'" {
        "n't"
    } else {
        "n’t"
    }
}

fn first_char(text: &str, at: usize) -> char {
    text[at..].chars().next().unwrap_or(' ')
}

fn last_char(text: &str, end: usize) -> char {
    text[..end].chars().next_back().unwrap_or(' ')
}

/// Length in bytes of the run of `c` starting at `at`.
fn run_len(text: &str, at: usize, end: usize, c: char) -> usize {
    text[at..end].chars().take_while(|&x| x == c).count() * c.len_utf8()
}

fn is_opening(c: char) -> bool {
    // '`' opens a quote as "``" in Penn Treebank and LaTeX text: "``Now".
    matches!(
        c,
        '"' | '“'
            | '`'
            | '‘'
            | '\''
            | '('
            | '['
            | '{'
            | '«'
            | '‹'
            | '„'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
    )
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '”' | '’' | '\'' | ')' | ']' | '}' | '»' | '›' | '」' | '』' | '）'
    )
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₽' | '₴' | '#')
}

/// Punctuation that splits off when leading a chunk.
fn is_splitting_punct(c: char) -> bool {
    matches!(
        c,
        '-' | '—' | '–' | '…' | '.' | ',' | ';' | ':' | '!' | '?' | '*' | '•' | '/' | '|' | '~'
    )
}

/// A leading character that belongs to the word: "-5", ".5", "'s" after a
/// split (handled elsewhere), "...".
fn is_word_start_punct(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    matches!(b[s], b'-' | b'.') && s + 1 < e && b[s + 1].is_ascii_digit()
}

/// "(U.S." → the '(' was already peeled; this guards odd chunks like "..." alone.
fn is_opening_run(word: &str) -> bool {
    word.bytes().all(|b| b == b'.')
}

/// End of a URL or e-mail address starting at `s`, before trailing punctuation.
fn url_or_email_end(text: &str, s: usize, e: usize) -> Option<usize> {
    let chunk = &text[s..e];
    let lower_start = |p: &str| {
        chunk.len() > p.len()
            && chunk
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    let is_url = lower_start("http://") || lower_start("https://") || lower_start("www.");
    let is_email = !is_url
        && chunk.find('@').is_some_and(|at| {
            at > 0
                && chunk[at + 1..].contains('.')
                && chunk[..at]
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b))
        });
    if !is_url && !is_email {
        return None;
    }
    let trimmed = chunk.trim_end_matches([
        '.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '”', '’', '>',
    ]);
    // Keep a closing bracket that the URL itself opened: "wiki/Foo_(bar)".
    let mut end = trimmed.len();
    if chunk[end..].starts_with(')') && trimmed.contains('(') {
        end += 1;
    }
    Some(s + end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn splits_punctuation_and_clitics() {
        assert_eq!(
            toks("Russia's offensive, he said."),
            ["Russia", "'s", "offensive", ",", "he", "said", "."]
        );
        assert_eq!(
            toks("“We can’t wait.”"),
            ["“", "We", "ca", "n’t", "wait", ".", "”"]
        );
        assert_eq!(toks("(With AP inputs)"), ["(", "With", "AP", "inputs", ")"]);
        assert_eq!(
            toks("''Do so,'' he told me. The allies' plan"),
            ["''", "Do", "so", ",", "''", "he", "told", "me", ".", "The", "allies", "'", "plan"]
        );
        assert_eq!(toks("``Now, go.''"), ["``", "Now", ",", "go", ".", "''"]);
        assert_eq!(toks("elections-- to"), ["elections", "--", "to"]);
        assert_eq!(toks("November -- for"), ["November", "--", "for"]);
        assert_eq!(
            toks("coalition of... nations"),
            ["coalition", "of", "...", "nations"]
        );
        assert_eq!(toks("allies' weapons"), ["allies", "'", "weapons"]);
    }

    #[test]
    fn keeps_abbreviations_numbers_and_compounds() {
        assert_eq!(
            toks("the U.S. and Dr. Smith"),
            ["the", "U.S.", "and", "Dr.", "Smith"]
        );
        assert_eq!(
            toks("$700 million, 3,000 bombs, 1.5%"),
            ["$", "700", "million", ",", "3,000", "bombs", ",", "1.5", "%"]
        );
        assert_eq!(
            toks("air-defence IRIS-T F-16s."),
            ["air-defence", "IRIS-T", "F-16s", "."]
        );
        assert_eq!(toks("J. R. R. Tolkien"), ["J.", "R.", "R.", "Tolkien"]);
    }

    #[test]
    fn keeps_urls_and_emails() {
        assert_eq!(
            toks("See https://example.com/a?b=1. Or"),
            ["See", "https://example.com/a?b=1", ".", "Or"]
        );
        assert_eq!(
            toks("(mail desk@example.org)"),
            ["(", "mail", "desk@example.org", ")"]
        );
    }

    #[test]
    fn handles_unicode() {
        assert_eq!(
            toks("北约峰会。Kyiv café 🇺🇦!"),
            ["北约峰会", "。", "Kyiv", "café", "🇺🇦", "!"]
        );
    }
}
