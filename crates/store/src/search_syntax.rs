//! The search box's syntax, translated into SQLite FTS5 so that user text
//! never reaches FTS5 raw: words (all must appear), `"exact phrases"`,
//! `OR`, `NOT` (or `-word`), `prefix*`, `title:word` / `title:"a phrase"`,
//! and parentheses. A query that cannot mean anything is a clear error.

use crate::StoreError;

#[derive(Debug, PartialEq)]
enum Item {
    Term(String),
    Op(&'static str),
    Open,
    Close,
}

/// The FTS5 form of `query`, or `None` when it holds nothing to search.
pub fn to_fts5(query: &str) -> Result<Option<String>, StoreError> {
    let items = items(query)?;
    check(&items)?;
    if !items.iter().any(|i| matches!(i, Item::Term(_))) {
        return Ok(None);
    }
    let parts: Vec<&str> = items
        .iter()
        .map(|i| match i {
            Item::Term(t) => t.as_str(),
            Item::Op(op) => op,
            Item::Open => "(",
            Item::Close => ")",
        })
        .collect();
    Ok(Some(parts.join(" ")))
}

fn bad(message: impl Into<String>) -> StoreError {
    StoreError::BadSearch(message.into())
}

/// A phrase as FTS5 text: in double quotes, inner quotes doubled.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn items(query: &str) -> Result<Vec<Item>, StoreError> {
    let mut out = Vec::new();
    let mut rest = query.trim();
    while !rest.is_empty() {
        let (item, after) = next_item(rest)?;
        if let Some(item) = item {
            out.push(item);
        }
        rest = after.trim_start();
    }
    Ok(out)
}

/// Reads one item off the front of `s` (which starts with no white space).
fn next_item(s: &str) -> Result<(Option<Item>, &str), StoreError> {
    if let Some(after) = s.strip_prefix('(') {
        return Ok((Some(Item::Open), after));
    }
    if let Some(after) = s.strip_prefix(')') {
        return Ok((Some(Item::Close), after));
    }
    if let Some(after) = s.strip_prefix('"') {
        let (phrase, after) = phrase(after);
        return Ok((term(None, phrase, false), after));
    }
    let end = s
        .find(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .unwrap_or(s.len());
    let (word, after) = s.split_at(end);
    match word {
        "OR" | "AND" | "NOT" => {
            return Ok((
                Some(Item::Op(match word {
                    "OR" => "OR",
                    "AND" => "AND",
                    _ => "NOT",
                })),
                after,
            ))
        }
        _ => {}
    }
    if let Some(negated) = word.strip_prefix('-').filter(|w| !w.is_empty()) {
        // `-word` is `NOT word`; `check` makes sure something precedes it.
        let (item, _) = next_item(negated)?;
        let item = match item {
            Some(Item::Term(t)) => Some(Item::Term(format!("NOT {t}"))),
            _ => None,
        };
        return Ok((item, after));
    }
    for column in ["title", "text"] {
        if let Some(value) = word.strip_prefix(column).and_then(|w| w.strip_prefix(':')) {
            if value.starts_with('"') {
                // The phrase may run past this word: read it from the quote on.
                let (phrase, after) = phrase(&s[column.len() + 2..]);
                return Ok((term(Some(column), phrase, false), after));
            }
            return Ok((bare(Some(column), value)?, after));
        }
    }
    Ok((bare(None, word)?, after))
}

/// The text up to the closing quote (or the end), and what follows it.
fn phrase(s: &str) -> (&str, &str) {
    match s.find('"') {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    }
}

fn bare(column: Option<&str>, word: &str) -> Result<Option<Item>, StoreError> {
    let (stem, prefix) = match word.strip_suffix('*') {
        Some(stem) => (stem.trim_end_matches('*'), true),
        None => (word, false),
    };
    if prefix && !stem.chars().any(char::is_alphanumeric) {
        return Err(bad(format!(
            "`{word}`: a prefix search needs letters before the `*`"
        )));
    }
    Ok(term(column, stem, prefix))
}

/// A term, or nothing for text without a letter or digit (FTS5 would
/// index no word of it).
fn term(column: Option<&str>, text: &str, prefix: bool) -> Option<Item> {
    if !text.chars().any(char::is_alphanumeric) {
        return None;
    }
    let mut t = quoted(text.trim());
    if prefix {
        t.push('*');
    }
    Some(Item::Term(match column {
        Some(c) => format!("{c} : {t}"),
        None => t,
    }))
}

/// Operators need something on each side; parentheses must pair up.
fn check(items: &[Item]) -> Result<(), StoreError> {
    let mut depth = 0i32;
    let mut prev: Option<&Item> = None;
    for item in items {
        match item {
            Item::Op(op) => {
                if matches!(prev, None | Some(Item::Op(_)) | Some(Item::Open)) {
                    return Err(bad(format!(
                        "`{op}` needs a word before it (write `ukraine {op} russia`)"
                    )));
                }
            }
            Item::Term(t)
                if t.starts_with("NOT ")
                    && matches!(prev, None | Some(Item::Op(_)) | Some(Item::Open)) =>
            {
                return Err(bad(
                    "`-word` excludes from something: put a word before it (`ukraine -russia`)",
                ));
            }
            Item::Open => depth += 1,
            Item::Close => {
                depth -= 1;
                if depth < 0 {
                    return Err(bad("a `)` has no `(` before it"));
                }
                if matches!(prev, Some(Item::Open)) {
                    return Err(bad("`()` holds nothing to search"));
                }
                if let Some(Item::Op(op)) = prev {
                    return Err(bad(format!("`{op}` needs a word after it")));
                }
            }
            Item::Term(_) => {}
        }
        prev = Some(item);
    }
    if let Some(Item::Op(op)) = prev {
        return Err(bad(format!("`{op}` needs a word after it")));
    }
    if depth > 0 {
        return Err(bad("a `(` is never closed"));
    }
    Ok(())
}

/// FTS5's own complaint about a query (one our checks let through) as a
/// search error, not a failed query.
pub fn explain_match_error(e: StoreError) -> StoreError {
    match &e {
        StoreError::Query(q) if q.to_string().contains("fts5") => {
            bad(format!("the search cannot be read ({q})"))
        }
        _ => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fts(q: &str) -> String {
        to_fts5(q).unwrap().unwrap_or_default()
    }

    #[test]
    fn translates_the_syntax() {
        assert_eq!(fts("air defence"), r#""air" "defence""#);
        assert_eq!(
            fts(r#""air defence" OR patriot"#),
            r#""air defence" OR "patriot""#
        );
        assert_eq!(fts("ukraine NOT russia"), r#""ukraine" NOT "russia""#);
        assert_eq!(fts("ukraine -russia"), r#""ukraine" NOT "russia""#);
        assert_eq!(fts("missil*"), r#""missil"*"#);
        assert_eq!(
            fts(r#"title:nato title:"air defence""#),
            r#"title : "nato" title : "air defence""#
        );
        assert_eq!(fts("(nato OR eu) aid"), r#"( "nato" OR "eu" ) "aid""#);
        assert_eq!(fts(r#"say "hi"#), r#""say" "hi""#);
        assert_eq!(fts("it's \"quoted\"\"x"), r#""it's" "quoted" "x""#);
        assert_eq!(to_fts5("  & ! ").unwrap(), None);
    }

    #[test]
    fn rejects_queries_that_mean_nothing() {
        for q in [
            "OR nato",
            "nato OR",
            "NOT nato",
            "-nato",
            "(nato",
            "nato)",
            "()",
            "nato AND OR eu",
            "*",
        ] {
            let e = to_fts5(q).unwrap_err();
            assert!(matches!(e, StoreError::BadSearch(_)), "{q}: {e}");
        }
    }
}
